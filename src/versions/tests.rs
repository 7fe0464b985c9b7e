use super::*;

const ONE: &str = r#"
[[version]]
slug = "a"
name = "A"
short = "A"
date = "2025-11-20"
drafted_by = "someone"
knowledge = "full"
from = "2025-11-18"
sources = ["https://example.org/a"]
[version.status]
new = [1, 2]
[[version.item]]
number = 1
title = "One"
text = "The first."
continues = [1]
"#;

fn fault(extra: &str, base: &str) -> String {
    match Versions::parse(&format!("{base}{extra}")) {
        Ok(_) => String::new(),
        Err(e) => e.to_string(),
    }
}

#[test]
fn the_bundled_versions_hold_together() -> Result<(), VersionsError> {
    let v = Versions::bundled()?;
    let slugs: Vec<&str> = v.versions.iter().map(|v| v.slug.as_str()).collect();
    assert_eq!(slugs, ["us-28", "e3-counter", "geneva-19", "twenty-point"]);
    assert!(v.versions.iter().all(|v| !v.sources.is_empty()));
    let us = v.get("us-28").expect("us-28");
    assert_eq!(us.items.len(), 28);
    assert!((1..=28).all(|n| us.status_of(n) == Status::New));
    let twenty = v.get("twenty-point").expect("twenty-point");
    assert_eq!(twenty.items.len(), 20);
    // item 4 of the 20 carries on the army cap of point 6; item 10 is new
    assert_eq!(twenty.items_for(6)[0].number, 4);
    assert!(twenty.items[9].continues.is_empty());
    assert_eq!(twenty.status_of(26), Status::Dropped);
    assert_eq!(twenty.status_of(12), Status::Moved);
    assert_eq!(
        v.get("e3-counter").map(|e| e.status_of(3)),
        Some(Status::Dropped)
    );
    assert_eq!(
        v.get("geneva-19").map(|g| g.status_of(15)),
        Some(Status::Unknown)
    );
    Ok(())
}

#[test]
fn both_sides_of_a_disagreement_are_kept_with_their_sources() -> Result<(), VersionsError> {
    let v = Versions::bundled()?;
    let count = v
        .disagreements
        .iter()
        .find(|d| d.version == "geneva-19")
        .expect("the count of the Geneva points");
    let says: Vec<&str> = count.accounts.iter().map(|a| a.says.as_str()).collect();
    assert!(says.iter().any(|s| s.starts_with("19 points")), "{says:?}");
    assert!(says.iter().any(|s| s.starts_with("22 points")), "{says:?}");
    let money = v
        .disagreements
        .iter()
        .find(|d| d.version == "twenty-point")
        .expect("the fund's target");
    assert!(money.accounts.iter().any(|a| a.says.contains("678")));
    assert!(money.accounts.iter().any(|a| a.says.contains("800")));
    Ok(())
}

#[test]
fn a_statement_falls_in_the_time_of_the_latest_text() -> Result<(), VersionsError> {
    let v = Versions::bundled()?;
    let slug = |d: &str| v.in_force(d).map(|x| x.slug.as_str());
    assert_eq!(slug("2025-11-10"), None);
    assert_eq!(slug("2025-11-18"), Some("us-28"));
    assert_eq!(slug("2025-11-23"), Some("us-28"));
    assert_eq!(slug("2025-11-24"), Some("geneva-19"));
    assert_eq!(slug("2025-12-24"), Some("twenty-point"));
    assert_eq!(slug("2026-02-18"), Some("twenty-point"));
    let us = v.get("us-28").expect("us-28");
    assert_eq!(v.until(us), Some("2025-11-24"));
    Ok(())
}

#[test]
fn a_sound_file_parses() {
    assert_eq!(fault("", ONE), "");
}

#[test]
fn an_item_mapped_to_a_point_that_does_not_exist_is_refused() {
    let bad = ONE.replace("continues = [1]", "continues = [29]");
    let e = fault("", &bad);
    assert!(
        e.contains("item 1 continues point 29, which does not exist"),
        "{e}"
    );
    let zero = ONE.replace("new = [1, 2]", "new = [0, 2]");
    assert!(fault("", &zero).contains("names point 0"));
}

#[test]
fn a_version_without_a_source_is_refused() {
    let bad = ONE.replace("sources = [\"https://example.org/a\"]", "sources = []");
    assert!(fault("", &bad).contains("version \"a\" has no source"));
    let not_url = ONE.replace("https://example.org/a", "Reuters");
    assert!(fault("", &not_url).contains("is not an address"));
}

#[test]
fn a_point_with_two_statuses_or_an_unknown_status_is_refused() {
    let two = ONE.replace("new = [1, 2]", "new = [1, 2]\nkept = [2]");
    assert!(fault("", &two).contains("point 2 has two statuses"));
    let odd = ONE.replace("new = [1, 2]", "vanished = [1]");
    assert!(fault("", &odd).contains("no status \"vanished\""));
}

#[test]
fn a_check_naming_a_text_it_does_not_describe_is_refused() {
    let check = r#"
[[check]]
topic = "army"
label = "the army"
point = 6
cues = ["army"]
number = "count"
[[check.text]]
version = "a"
value = 600000
says = "caps it"
[[check.phrase]]
words = ["halve"]
said = "halved"
contradicts = ["a", "b"]
"#;
    let e = fault(check, ONE);
    assert!(e.contains("names version \"b\", which has no text"), "{e}");
    let e = fault(
        &check.replace("number = \"count\"", "number = \"miles\""),
        ONE,
    );
    assert!(e.contains("number is count, days"), "{e}");
}

#[test]
fn a_phrase_not_in_folded_form_is_refused() {
    let bad = ONE.replace(
        "knowledge = \"full\"",
        "knowledge = \"full\"\nphrases = [\"The 28-Point\"]",
    );
    assert!(
        fault("", &bad).contains("\"The 28-Point\" must be lowercase"),
        "{}",
        fault("", &bad)
    );
}

#[test]
fn bad_dates_and_broken_toml_say_what_is_wrong() {
    let bad = ONE.replace("date = \"2025-11-20\"", "date = \"20 Nov\"");
    assert!(fault("", &bad).contains("not YYYY-MM-DD"));
    let e = fault("", "[[version]]\nslug = 3");
    assert!(e.starts_with("seeds/versions.toml:"), "{e}");
}
