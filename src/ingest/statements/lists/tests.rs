//! Lists of the plan's points, in articles written for these tests.

use crate::catalog::Catalog;
use crate::ingest::{Extractor, Kind, Statement};

fn extract(body: &str) -> Vec<Statement> {
    let Ok(catalog) = Catalog::bundled() else {
        panic!("seeds parse")
    };
    let Ok(x) = Extractor::new(&catalog) else {
        panic!("rules compile")
    };
    let text = format!("What the US peace plan says\nNov 21, 2025\n\n{body}");
    x.extract(&x.parse("t.txt", &text))
}

fn points_of(out: &[Statement], words: &str) -> Vec<u8> {
    out.iter()
        .find(|s| s.text.contains(words))
        .map(|s| s.provisions.iter().map(|p| p.number).collect())
        .unwrap_or_default()
}

#[test]
fn item_n_under_a_header_naming_the_28_points_is_point_n() {
    let out = extract(
        "The 28 points, as leaked:\n\n3. The alliance stops growing.\n\n4. Moscow and the alliance open a dialogue.",
    );
    assert_eq!(points_of(&out, "open a dialogue"), [4], "{out:#?}");
    assert_eq!(points_of(&out, "stops growing"), [3], "{out:#?}");
}

#[test]
fn a_list_line_naming_nato_is_the_plans_content_not_nato_speaking() {
    let out = extract("Key provisions:\n\n- NATO agrees not to deploy troops in Ukraine.");
    let s = out.iter().find(|s| s.text.contains("deploy troops"));
    assert!(
        s.is_some_and(|s| s.speaker.is_none() && s.kind == Kind::Report),
        "{out:#?}"
    );
    assert_eq!(points_of(&out, "deploy troops"), [8]);
}

#[test]
fn bullets_under_a_heading_are_linked_by_their_words() {
    let out = extract(
        "The key provisions\n\n• Kherson and Zaporizhzhia are frozen along the line of contact.\n• Ukraine's army is capped at 600,000.",
    );
    assert_eq!(points_of(&out, "line of contact"), [21], "{out:#?}");
    assert_eq!(points_of(&out, "600,000"), [6], "{out:#?}");
}

#[test]
fn a_series_after_the_drafts_terms_is_one_report_per_part() {
    let out = extract(
        "The draft's terms are: Kyiv caps its army at 600,000; it gives up its NATO bid; and a vote is held within 100 days.",
    );
    assert_eq!(points_of(&out, "caps its army"), [6], "{out:#?}");
    assert_eq!(points_of(&out, "NATO bid"), [7], "{out:#?}");
    assert_eq!(points_of(&out, "100 days"), [25], "{out:#?}");
}

#[test]
fn arrowed_sub_items_belong_to_the_numbered_item_they_follow() {
    let out = extract(
        "Here is the full text of the 28 points.\n\n10. What Washington guarantees:\n\n→ Washington is paid for its guarantee;\n→ sanctions return if Moscow attacks again.\n\n11. Kyiv may join the EU.",
    );
    assert_eq!(points_of(&out, "paid for its guarantee"), [10], "{out:#?}");
    assert_eq!(points_of(&out, "attacks again"), [10], "{out:#?}");
    assert_eq!(points_of(&out, "join the EU"), [11], "{out:#?}");
}

#[test]
fn the_numbers_of_another_plan_are_not_the_points() {
    let out =
        extract("The full 24-point counter-proposal:\n\n2. Russia returns all deported children.");
    assert_eq!(points_of(&out, "deported children"), [24], "{out:#?}");
}
