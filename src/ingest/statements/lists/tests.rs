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

#[test]
fn a_run_of_obligations_after_the_plan_is_named_is_a_list() {
    let out = extract(
        "Officials in Oslo said they would study the plan closely.\n\nUkraine's statehood will be confirmed.\n\nThe Ukrainian army will be limited to 600,000 soldiers.\n\nNATO agrees not to deploy troops in Ukraine.\n\nJets from European states will be based in Poland.",
    );
    let s = out.iter().find(|s| s.text.contains("deploy troops"));
    assert!(
        s.is_some_and(|s| s.speaker.is_none() && s.kind == Kind::Report),
        "{out:#?}"
    );
    assert_eq!(points_of(&out, "statehood"), [1], "{out:#?}");
    assert_eq!(points_of(&out, "based in Poland"), [9], "{out:#?}");
}

#[test]
fn three_future_lines_are_not_yet_a_list() {
    let out = extract(
        "Envoys discussed the plan in Oslo.\n\nTalks will resume on Monday.\n\nNATO agrees to host the next round this week.\n\nThe ministers will meet again on Friday.\n\nThe envoys will report back on Sunday.",
    );
    assert!(
        !out.iter()
            .any(|s| s.rule == "list item" && s.text.contains("next round")),
        "{out:#?}"
    );
}

#[test]
fn the_header_paragraph_keeps_its_other_sentences() {
    let out = extract(
        "The draft provides reliable security guarantees for Kyiv, with strict conditions. Its main provisions:\n\n- Ukraine stays outside NATO.\n\n- The army is capped at 600,000.",
    );
    assert_eq!(
        points_of(&out, "reliable security guarantees"),
        [5],
        "{out:#?}"
    );
    assert_eq!(points_of(&out, "capped at"), [6], "{out:#?}");
}

#[test]
fn a_colon_header_may_name_the_plan_in_an_earlier_sentence() {
    let out = extract(
        "The leaked draft has 28 clauses. Several go far beyond what Kyiv expected:\n\n- Kyiv would cap its army at 600,000.\n\n- Kyiv must write its NATO renunciation into the constitution.",
    );
    assert_eq!(points_of(&out, "renunciation"), [7], "{out:#?}");
}

#[test]
fn a_short_heading_right_after_a_list_heads_the_next_one() {
    let out = extract(
        "Key provisions:\n\n- Ukraine remains without nuclear weapons.\n\nThe American guarantee:\n\n- Washington is paid for the guarantee.\n\n- Kyiv loses it if Ukraine invades Russia.",
    );
    assert_eq!(points_of(&out, "invades Russia"), [10], "{out:#?}");
    assert_eq!(points_of(&out, "is paid for"), [10], "{out:#?}");
}

#[test]
fn a_word_between_dashes_is_a_heading_not_an_item() {
    let out = extract(
        "The details of the plan:\n\n- Territory -\n\n- Luhansk would be treated as de facto Russian.",
    );
    assert!(
        !out.iter().any(|s| s.text.contains("Territory")),
        "{out:#?}"
    );
    assert_eq!(points_of(&out, "Luhansk"), [21], "{out:#?}");
}

#[test]
fn plain_lines_before_the_next_number_belong_to_the_item_above() {
    let out = extract(
        "Here are the 20 points of the new framework:\n\n4. The army keeps 800,000 soldiers in peacetime.\n\n5. Ukraine gets guarantees modelled on Article 5.\n\nIf Russia invades Ukraine again, all sanctions return.\n\nThe payment to Washington for the guarantee is gone.\n\n6. Russia writes non-aggression into its laws.",
    );
    assert_eq!(points_of(&out, "sanctions return"), [10], "{out:#?}");
    assert_eq!(points_of(&out, "into its laws"), [16], "{out:#?}");
}

#[test]
fn a_list_of_another_n_point_plan_says_nothing_of_this_one() {
    let out = extract(
        "The minister recalled his own 10-point peace formula. The formula calls for:\n\n1. Safety at the Zaporizhzhia nuclear plant.\n\n2. The return of all prisoners of war.",
    );
    assert!(
        !out.iter().any(|s| s.text.contains("prisoners of war")),
        "{out:#?}"
    );
}

#[test]
fn a_list_under_the_20_point_framework_is_kept() {
    let out = extract(
        "The 20-point framework, as presented:\n\n1. The Zaporizhzhia nuclear plant restarts.\n\n2. All prisoners of war are exchanged.",
    );
    assert_eq!(points_of(&out, "prisoners of war"), [24], "{out:#?}");
}

#[test]
fn an_item_whose_words_name_another_point_is_not_item_n() {
    let out = extract(
        "Europe answered the 28-point plan with its own text. Here are its points:\n\n1. Ukraine's sovereignty is reaffirmed.\n\n2. Talks between Russia and NATO open after signing.\n\n3. The army is capped at 800,000 in peacetime.",
    );
    assert_eq!(points_of(&out, "sovereignty is"), [1], "{out:#?}");
    assert_eq!(points_of(&out, "Talks between"), [4], "{out:#?}");
    assert_eq!(points_of(&out, "capped at"), [6], "{out:#?}");
}

#[test]
fn two_items_glued_after_a_full_stop_are_two_items() {
    let out = extract(
        "The 28 points, as leaked:\n\n1. Ukraine's sovereignty is confirmed.2. A non-aggression pact binds Russia, Ukraine and Europe.\n\n3. NATO stops expanding.",
    );
    assert_eq!(points_of(&out, "sovereignty is confirmed"), [1], "{out:#?}");
    assert_eq!(points_of(&out, "non-aggression pact"), [2], "{out:#?}");
}

#[test]
fn dash_lines_under_theme_headings_after_a_lead_naming_the_document_are_items() {
    let out = extract(
        "Below is what the document sets out, theme by theme.\n\nShare\n\nArmy\n\n\u{2014} Kyiv's forces are capped at 600,000\n\nMoney\n\n\u{2014} $100 billion of frozen Russian assets fund the rebuilding",
    );
    assert_eq!(points_of(&out, "capped at 600,000"), [6], "{out:#?}");
    assert_eq!(points_of(&out, "$100 billion"), [14], "{out:#?}");
}

#[test]
fn a_label_and_an_arrow_under_a_theme_heading_take_the_headings_point() {
    let out = extract(
        "Here we compare the new framework with the old draft.\n\nElections\n\nOld draft \u{2192} within a hundred days\nNew framework \u{2192} as soon as possible after signing",
    );
    let s = out.iter().find(|s| s.text.starts_with("Old draft"));
    assert!(s.is_some_and(|s| s.speaker.is_none()), "{out:#?}");
    assert_eq!(points_of(&out, "Old draft \u{2192}"), [25], "{out:#?}");
    assert_eq!(points_of(&out, "as soon as possible"), [25], "{out:#?}");
}

#[test]
fn bullets_under_a_heading_after_prose_that_names_no_plan_are_no_list() {
    let out = extract(
        "The weather in Kyiv turned cold on Sunday morning.\n\nElections\n\n- a vote within a hundred days",
    );
    assert!(
        out.iter().all(|s| !s.text.contains("hundred days")),
        "{out:#?}"
    );
}

#[test]
fn plain_lines_under_lettered_headings_are_items_linked_through_the_heading() {
    let out = extract(
        "Here are the points few have noticed:\n\nA. Elections\nA vote is held once the guns fall silent.\n\nB. Money\nHalf the profits go to Washington.\n\nDiplomats in Riga shrugged. One of them said the text \"reads like a bill\" and left it there.",
    );
    assert_eq!(points_of(&out, "guns fall silent"), [25], "{out:#?}");
    assert!(
        out.iter()
            .all(|s| !s.text.contains("Diplomats in Riga") || s.speaker.is_some()),
        "{out:#?}"
    );
}

#[test]
fn numbers_with_dashes_or_bare_and_furniture_between_items_keep_the_list() {
    let out = extract(
        "The plan has 28 points:\n\n1. Kyiv's sovereignty is confirmed.\n\nOur reporting needs you\n\n2 – Moscow, Kyiv and Europe sign a pact of non-aggression.\n\n3 The alliance does not grow any further.\n\n4- Moscow and the alliance hold a dialogue.",
    );
    assert_eq!(points_of(&out, "pact of non-aggression"), [2], "{out:#?}");
    assert_eq!(points_of(&out, "grow any further"), [3], "{out:#?}");
    assert_eq!(points_of(&out, "hold a dialogue"), [4], "{out:#?}");
    assert!(
        !out.iter().any(|s| s.text.contains("reporting needs")),
        "{out:#?}"
    );
}

#[test]
fn bare_phrase_lines_after_a_colon_header_are_all_items_until_a_heading() {
    let out = extract(
        "The 28-point plan lists what Kyiv would give up, including:\n\nA smaller Ukrainian army\n\nNo membership of NATO for Ukraine\n\nFresh elections within 100 days\n\nReactions From Abroad\n\nLisbon said it was studying the text.",
    );
    assert_eq!(
        points_of(&out, "smaller Ukrainian army"),
        vec![6],
        "{out:#?}"
    );
    assert_eq!(points_of(&out, "membership of NATO"), vec![7], "{out:#?}");
    assert_eq!(points_of(&out, "Fresh elections"), vec![25], "{out:#?}");
    assert!(
        !out.iter().any(|s| s.text.contains("Reactions From Abroad")),
        "{out:#?}"
    );
}

#[test]
fn a_list_item_where_a_party_reiterates_or_expresses_is_that_party_s_statement() {
    let out = extract(
        "Key developments in the talks on the peace plan:\n\n- The Kremlin reiterated its stance that NATO membership for Ukraine is a non-negotiable issue.\n\n- President Zelensky expressed willingness to drop the NATO bid in exchange for security guarantees.\n\n- NATO agrees to keep its forces out of Ukraine.",
    );
    let speaker_of = |words: &str| {
        out.iter()
            .find(|s| s.text.contains(words))
            .map(|s| s.speaker.as_ref().map(|p| p.name.clone()))
    };
    assert_eq!(
        speaker_of("reiterated"),
        Some(Some("Kremlin".to_string())),
        "{out:#?}"
    );
    assert_eq!(
        speaker_of("expressed willingness"),
        Some(Some("Volodymyr Zelenskyy".to_string())),
        "{out:#?}"
    );
    // the plan's own commitment stays the plan's
    assert_eq!(speaker_of("keep its forces"), Some(None), "{out:#?}");
}

#[test]
fn one_sentence_lines_after_a_colon_header_go_on_as_items() {
    let out = extract(
        "The plan gives Ukraine security guarantees from the US. Main points:\n\n\
         Kyiv keeps its sovereignty.\n\n\
         Crimea is recognised as Russian.\n\n\
         Sanctions on Russia are lifted in stages.\n\n\
         Peskov said the Kremlin has not seen the plan.",
    );
    assert_eq!(points_of(&out, "Crimea is recognised"), [21], "{out:#?}");
    assert_eq!(points_of(&out, "lifted in stages"), [13], "{out:#?}");
    // the prose after the run keeps its speaker
    assert!(
        out.iter()
            .any(|s| s.text.starts_with("Peskov") && s.speaker.is_some()),
        "{out:#?}"
    );
}

/// An article whose title is its only header.
fn extract_titled(title: &str, body: &str) -> Vec<Statement> {
    let Ok(catalog) = Catalog::bundled() else {
        panic!("seeds parse")
    };
    let Ok(x) = Extractor::new(&catalog) else {
        panic!("rules compile")
    };
    x.extract(&x.parse("t.txt", &format!("{title}\nDate: 2025-12-24\n\n{body}")))
}

#[test]
fn a_numbered_list_opening_the_body_under_a_title_naming_the_plan_is_its_account() {
    let body = "1. Every signatory affirms that Ukraine is a sovereign state.\n\n\
                2. The peacetime army stays at 800,000.\n\n\
                3. Kyiv joins the European Union by a fixed date.";
    let out = extract_titled("Inside Kyiv's revised 20-point plan", body);
    assert_eq!(points_of(&out, "peacetime army"), [6], "{out:#?}");
    assert_eq!(points_of(&out, "a sovereign state"), [1], "{out:#?}");
    assert!(out.iter().all(|s| s.speaker.is_none()), "{out:#?}");
    // a title counting the author's own thoughts heads no list of the plan
    let out = extract_titled("Six notes about the plan's 28 points", body);
    assert!(points_of(&out, "a sovereign state") != [1], "{out:#?}");
}

#[test]
fn bare_lines_under_a_short_heading_naming_the_plan_are_its_items() {
    let out = extract(
        "Oslo weighed the draft on Friday.\n\nMain Terms of the Draft Plan\n\nKyiv pulls out of the rest of the Donbas\n\nMoscow gets a seat back at the G8\n\nThe envoys said more talks would follow next week.",
    );
    let items: Vec<(&str, bool)> = out
        .iter()
        .filter(|s| s.kind == Kind::Report)
        .map(|s| (s.text.as_str(), s.speaker.is_none()))
        .collect();
    assert_eq!(
        items,
        [
            ("Kyiv pulls out of the rest of the Donbas", true),
            ("Moscow gets a seat back at the G8", true)
        ],
        "{out:#?}"
    );
    assert_eq!(points_of(&out, "G8"), [13], "{out:#?}");
}

#[test]
fn items_under_a_speakers_lead_are_the_speakers_claims() {
    let out = extract(
        "Foreign Minister Ilse Varga spoke in Tallinn on Monday about the peace plan.\n\n\
         She said her government holds to two conditions:\n\n\
         First — no NATO veto for Moscow, so Ukraine keeps its path to membership.\n\n\
         Second condition — no cap on the army of Ukraine in any deal.\n\n\
         Talks resume in Geneva next week.",
    );
    let cap = out.iter().find(|s| s.text.contains("no cap on the army"));
    let Some(cap) = cap else { panic!("{out:#?}") };
    assert_eq!(
        cap.speaker.as_ref().map(|s| s.name.as_str()),
        Some("Ilse Varga")
    );
    assert_eq!(cap.kind, Kind::Paraphrase);
}
