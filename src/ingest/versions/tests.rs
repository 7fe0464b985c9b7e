//! The early-report claims of the reference (section 3), in sentences of our own, both ways;
//! and how a statement finds its version.

use super::*;
use crate::model::{Kind, Stance};

fn statement(text: &str) -> Statement {
    Statement {
        speaker: None,
        speaker_via: String::new(),
        kind: Kind::Report,
        span: 0..text.len(),
        text: text.to_string(),
        provisions: Vec::new(),
        stance: Stance::Neutral,
        stance_cues: Vec::new(),
        rule: "test",
        confidence: 1.0,
        version: None,
        claims: Vec::new(),
    }
}

/// The statement annotated as if from an article of `date`.
fn annotated(text: &str, date: Option<&str>) -> Statement {
    let v = Versions::bundled().expect("versions");
    let claims = Claims::new().expect("patterns");
    let mut s = [statement(text)];
    annotate(v, &claims, date, &mut s);
    let [s] = s;
    s
}

/// (topic, verdict, said, text_says) of each claim.
fn verdicts(text: &str, date: &str) -> Vec<(String, &'static str, String, String)> {
    annotated(text, Some(date))
        .claims
        .into_iter()
        .map(|c| (c.topic, c.verdict.as_str(), c.said, c.text_says))
        .collect()
}

fn one(text: &str, date: &str) -> (String, &'static str, String, String) {
    let mut all = verdicts(text, date);
    assert_eq!(all.len(), 1, "{text}: {all:?}");
    all.remove(0)
}

const LEAK: &str = "2025-11-21";

#[test]
fn a_statement_naming_a_version_speaks_of_it() {
    let slug =
        |text: &str, date: Option<&str>| annotated(text, date).version.map(|v| (v.slug, v.via));
    let (s, via) =
        slug("Kyiv says the 19-point plan is a better basis.", Some(LEAK)).expect("named");
    assert_eq!(s, "geneva-19");
    assert_eq!(via, "names it (“19-point”)");
    let e3 = slug(
        "The European counter-proposal keeps most of the structure.",
        Some(LEAK),
    );
    assert_eq!(e3.map(|x| x.0).as_deref(), Some("e3-counter"));
    let twenty = slug("The 20-point framework was read out on Tuesday.", None);
    assert_eq!(twenty.map(|x| x.0).as_deref(), Some("twenty-point"));
    // a comparison speaks of the newer text
    let cut = slug(
        "The text was cut from 28 points to 19 points in Geneva.",
        Some(LEAK),
    );
    assert_eq!(cut.map(|x| x.0).as_deref(), Some("geneva-19"));
    // "128-point" is not "28-point"
    let other = slug("A 128-point memo circulated.", Some("2025-12-10"));
    assert_eq!(other.map(|x| x.0).as_deref(), Some("twenty-point"));
}

#[test]
fn a_statement_naming_none_speaks_of_the_text_of_its_time() {
    let at = |date: Option<&str>| annotated("The plan caps the army.", date).version;
    let geneva = at(Some("2025-11-26")).expect("in the Geneva draft's time");
    assert_eq!(geneva.slug, "geneva-19");
    assert_eq!(
        geneva.via,
        "dated 2025-11-26, in its time (from 2025-11-24)"
    );
    assert_eq!(
        at(Some("2025-11-19")).map(|v| v.slug).as_deref(),
        Some("us-28")
    );
    assert_eq!(
        at(Some("2026-01-23")).map(|v| v.slug).as_deref(),
        Some("twenty-point")
    );
    assert_eq!(at(Some("2025-10-30")), None);
    assert_eq!(at(None), None);
}

#[test]
fn halving_the_army_is_flagged_and_the_cap_matches() {
    let (topic, verdict, said, text) = one(
        "Under the proposal Ukraine would have to halve its army.",
        LEAK,
    );
    assert_eq!((topic.as_str(), verdict), ("army", "contradicts"));
    assert_eq!(said, "the army is halved");
    assert_eq!(text, "the US 28-point plan caps it at 600,000");
    let (_, verdict, said, _) = one("Kyiv's armed forces would be capped at 600,000.", LEAK);
    assert_eq!(
        (verdict, said.as_str()),
        ("matches", "the army's size: 600,000")
    );
    let (_, verdict, said, _) = one("The draft limits the army to 400 thousand troops.", LEAK);
    assert_eq!(
        (verdict, said.as_str()),
        ("contradicts", "the army's size: 400 thousand")
    );
    // the European text's own figure
    let (_, verdict, _, text) = one(
        "The European counter-proposal allows an army of 800,000 in peacetime.",
        LEAK,
    );
    assert_eq!(verdict, "matches");
    assert_eq!(
        text,
        "the European counter-proposal caps it at 800,000 in peacetime"
    );
}

#[test]
fn elections_in_100_days_match_the_first_text_and_not_the_twenty_points() {
    let (_, verdict, ..) = one("Ukraine would hold elections within 100 days.", LEAK);
    assert_eq!(verdict, "matches");
    let (_, verdict, said, _) = one("Elections would follow in 60 days.", LEAK);
    assert_eq!(
        (verdict, said.as_str()),
        ("contradicts", "the elections: 60 days")
    );
    let (_, verdict, _, text) = one(
        "The 20-point framework sets elections within 100 days.",
        "2025-12-24",
    );
    assert_eq!(verdict, "contradicts");
    assert!(text.contains("as soon as possible"), "{text}");
}

#[test]
fn frozen_assets_sums_and_shares_are_compared() {
    let (_, verdict, ..) = one(
        "$100 billion of frozen Russian assets would go to rebuilding.",
        LEAK,
    );
    assert_eq!(verdict, "matches");
    let (_, verdict, said, _) = one("$50bn of the frozen assets would be released.", LEAK);
    assert_eq!(
        (verdict, said.as_str()),
        ("contradicts", "the frozen assets: $50bn")
    );
    // the euro sign folds to "eur" before the figure
    let (_, verdict, said, _) = one("€90bn of the frozen assets would go to Kyiv.", LEAK);
    assert_eq!(
        (verdict, said.as_str()),
        ("contradicts", "the frozen assets: €90bn")
    );
    let (_, verdict, ..) = one("Washington would keep 50% of the profits.", LEAK);
    assert_eq!(verdict, "matches");
    let (_, verdict, said, _) = one("The US would pocket 90 percent of the profit.", LEAK);
    assert_eq!(
        (verdict, said.as_str()),
        ("contradicts", "the US share of the profit: 90 percent")
    );
}

#[test]
fn the_g8_amnesty_and_sanctions_claims_both_ways() {
    let (_, verdict, said, _) = one("Russia would be invited back into the G8.", LEAK);
    assert_eq!(
        (verdict, said.as_str()),
        ("matches", "Russia returns to the G8")
    );
    let (_, verdict, ..) = one(
        "The 20-point framework brings Russia back into the G8.",
        "2025-12-24",
    );
    assert_eq!(verdict, "contradicts");
    // a denial is not a claim either way
    assert!(verdicts("Russia would not return to the G8.", LEAK).is_empty());

    let (_, verdict, ..) = one("Everyone would get a full amnesty.", LEAK);
    assert_eq!(verdict, "matches");
    let (_, verdict, ..) = one("The plan would halt war crimes investigations.", LEAK);
    assert_eq!(verdict, "matches");
    let (_, verdict, _, text) = one("The 19-point plan still grants an amnesty.", "2025-11-26");
    assert_eq!(verdict, "contradicts");
    assert_eq!(text, "the Geneva 19-point draft removed the amnesty clause");

    let (_, verdict, ..) = one("All sanctions would be lifted at once.", LEAK);
    assert_eq!(verdict, "contradicts");
    let (_, verdict, ..) = one("Sanctions would be eased in stages.", LEAK);
    assert_eq!(verdict, "matches");
}

#[test]
fn rent_language_and_church_claims_are_flagged_and_the_line_matches() {
    let (topic, verdict, ..) = one("Moscow would pay rent for the Donbas it holds.", LEAK);
    assert_eq!((topic.as_str(), verdict), ("territory", "contradicts"));
    let (_, verdict, ..) = one(
        "Kyiv would have to withdraw from the rest of Donetsk.",
        LEAK,
    );
    assert_eq!(verdict, "matches");
    let (_, verdict, ..) = one(
        "Kherson and Zaporizhzhia would be frozen along the line of contact.",
        LEAK,
    );
    assert_eq!(verdict, "matches");
    let (topic, verdict, ..) = one("Russian would become an official language.", LEAK);
    assert_eq!((topic.as_str(), verdict), ("language", "contradicts"));
    let (topic, verdict, ..) = one(
        "The Russian Orthodox Church would get official status.",
        LEAK,
    );
    assert_eq!((topic.as_str(), verdict), ("church", "contradicts"));
}

#[test]
fn a_statement_before_the_plan_or_without_a_figure_checks_nothing() {
    assert!(verdicts("Ukraine would have to halve its army.", "2025-10-01").is_empty());
    assert!(verdicts("The army question is still open.", LEAK).is_empty());
    // a year is not an army size
    assert!(verdicts("The army has grown since 2022.", LEAK).is_empty());
}

#[test]
fn figures_are_read_in_their_usual_forms() {
    assert_eq!(number_value("600,000"), Some(600_000.0));
    assert_eq!(number_value("600 000"), Some(600_000.0));
    assert_eq!(number_value("600.000"), Some(600_000.0));
    assert_eq!(number_value("600k"), Some(600_000.0));
    assert_eq!(number_value("600 thousand"), Some(600_000.0));
    assert_eq!(number_value("hundred"), Some(100.0));
    assert_eq!(number_value("2.5"), Some(2.5));
}
