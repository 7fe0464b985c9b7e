//! One sentence each (written for these tests): the points of a kept statement.

use crate::ingest::Statement;
use crate::ingest::test_support::extract;

fn points_of(out: &[Statement], words: &str) -> Vec<u8> {
    let Some(s) = out.iter().find(|s| s.text.contains(words)) else {
        panic!("no statement with {words:?} in {out:#?}")
    };
    s.provisions.iter().map(|p| p.number).collect()
}

#[test]
fn the_title_between_commas_after_a_name_names_no_point() {
    let out =
        extract("Lena Brandt, a former NATO envoy, said the peace plan was a gift to Moscow.");
    assert_eq!(points_of(&out, "gift to Moscow"), [0], "{out:#?}");
    let out = extract(
        "Ivo Marek, deputy head of the security council, told reporters the draft needed more work.",
    );
    assert_eq!(points_of(&out, "more work"), [0], "{out:#?}");
}

#[test]
fn the_title_closing_a_sentence_after_said_names_no_point() {
    let out = extract("The peace plan is a gift to Moscow, said Lena Brandt, a former NATO envoy.");
    assert_eq!(points_of(&out, "gift to Moscow"), [0], "{out:#?}");
}

#[test]
fn a_description_that_is_the_claim_is_not_masked() {
    let out = extract("The compromise, according to Ivo Marek, is a demilitarised zone in Donbas.");
    assert_eq!(points_of(&out, "demilitarised zone"), [21], "{out:#?}");
}

#[test]
fn a_quote_going_on_from_its_speakers_quote_keeps_its_points() {
    let out = extract(
        "Army chief Petro Valko spoke about the peace plan on Monday. \"The question was how big an army we need, not how to shrink it,\" he said. \"Nobody showed us a number, and we would sign none.\"",
    );
    assert_eq!(points_of(&out, "Nobody showed us"), [6], "{out:#?}");
}

#[test]
fn armies_frozen_where_they_stand_are_the_territorial_clause() {
    let out =
        extract("Envoy Maren Holt said the plan would freeze the armies in place along the front.");
    assert_eq!(points_of(&out, "freeze the armies"), [21], "{out:#?}");
}

#[test]
fn an_it_that_stands_for_what_follows_takes_up_nothing() {
    let out = extract(
        "Envoy Maren Holt said the peace plan would cap the army of Ukraine. Holt also warned that it would be unwise to discuss a final text yet.",
    );
    assert_eq!(points_of(&out, "unwise"), [0], "{out:#?}");
}

#[test]
fn the_authors_closing_aside_adds_no_point() {
    let out = extract(
        "The revised plan lets Ukraine keep 800,000 troops, up from 600,000, highlighting the debate over what a sovereign state may field.",
    );
    assert_eq!(points_of(&out, "800,000"), [6], "{out:#?}");
    let out = extract(
        "A fourth text deals with relations between Washington and Moscow, including an easing of sanctions.",
    );
    assert_eq!(
        points_of(&out, "fourth text"),
        [13],
        "\"including\" is content: {out:#?}"
    );
}

#[test]
fn a_plural_after_a_demonstrative_takes_up_the_points_before_it() {
    let out = extract(
        "Talks stalled over the territory of the Donbas and the nuclear power plant. Envoy Maren Holt called these unresolved issues the main hurdles.",
    );
    assert_eq!(
        points_of(&out, "these unresolved issues"),
        [19, 21],
        "{out:#?}"
    );
    // after "the" a plural may be any: it takes nothing up
    let out = extract(
        "Talks stalled over the territory of the Donbas and the nuclear power plant. Envoy Maren Holt said the peace plan's terms were fair.",
    );
    assert_eq!(points_of(&out, "terms were fair"), [0], "{out:#?}");
}

#[test]
fn the_proposal_is_the_whole_plan_and_this_proposal_the_point_before() {
    let out = extract(
        "Ivo Marek said the plan would cap Ukraine's army at 600,000. \
         Lena Brandt said the proposal needed more work.",
    );
    assert_eq!(points_of(&out, "needed more work"), [0], "{out:#?}");
    let out = extract(
        "Ivo Marek said the plan would cap Ukraine's army at 600,000. \
         Lena Brandt said this proposal needed more work.",
    );
    assert_eq!(points_of(&out, "needed more work"), [6], "{out:#?}");
}

#[test]
fn an_ing_item_of_a_series_after_including_is_no_closing_aside() {
    let out = extract(
        "The draft holds many of Moscow's demands, including barring Ukraine from NATO, ceding the Donbas and shrinking its army.",
    );
    assert_eq!(points_of(&out, "ceding the Donbas"), [6, 7, 21], "{out:#?}");
}

#[test]
fn a_demonstrative_with_two_adjectives_takes_up_the_place_named_before() {
    let out = extract(
        "The peace plan leaves the Donbas question open. \
         Ivo Marek said that any ruling on this old mining heartland belongs to the presidents.",
    );
    assert_eq!(points_of(&out, "mining heartland"), [21], "{out:#?}");
}

#[test]
fn a_cue_alone_before_its_speaker_s_quote_is_no_statement() {
    let out = extract(
        "Foreign Minister Lena Sorvik spoke in Vienna on Sunday about the peace plan.\n\n\
         Asked about the 28-point plan, Sorvik said,\n\n\
         \u{201c}We like the first point of the plan, it is a good start.\u{201d}\n",
    );
    assert!(out.iter().all(|s| !s.text.ends_with("said,")), "{out:#?}");
    assert!(
        out.iter().any(|s| s.text.starts_with("We like")
            && s.speaker.as_ref().is_some_and(|p| p.name == "Lena Sorvik")),
        "{out:#?}"
    );
}

#[test]
fn the_words_after_a_document_named_as_subject_are_its_content() {
    // the comma after the plan's subject opens no description of a speaker
    let out = extract(
        "The peace plan surfaced in late autumn, requiring Kyiv to leave Donbas, and accept limits on its army.",
    );
    assert_eq!(points_of(&out, "leave Donbas"), [6, 21], "{out:#?}");
}

#[test]
fn a_noun_taken_up_refers_to_the_sentence_that_named_it() {
    // "the timetable" is the one set for the whole plan, not the army cap named just before
    let out = extract(
        "The White House set a timetable for Kyiv to answer the peace plan. The plan would cap the army of Ukraine at 600,000. Envoy Lars Vik said the timetable could slip if the talks went well.",
    );
    assert_eq!(points_of(&out, "could slip"), [0], "{out:#?}");
}
