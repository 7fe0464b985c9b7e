//! Broadcast transcripts, in transcripts written for these tests.

use crate::ingest::statements::tests::{speakers, texts};

#[test]
fn a_hosts_and_a_bylines_own_account_is_theirs_and_a_guest_in_capitals_speaks() {
    let got = texts(
        "MARY LANE, HOST:\n\nThe new draft of the peace plan no longer grants an amnesty. Our correspondent Tom Reed joins us.\n\nTOM REED, BYLINE: Good morning.\n\nLANE: What does Moscow make of it?\n\nREED: Moscow says it prefers the first draft of the plan. The new draft keeps the cap on Ukraine's army at 600,000.\n\n(SOUNDBITE OF ARCHIVED RECORDING)\n\nPRESIDENT DONALD TRUMP: The plan is down to twenty points and both sides have moved a lot.",
    );
    let by = |name: &str, words: &str| {
        got.iter()
            .any(|(n, t)| n.as_deref() == Some(name) && t.contains(words))
    };
    assert!(by("Mary Lane", "no longer grants"), "{got:?}");
    assert!(by("Tom Reed", "keeps the cap"), "{got:?}");
    assert!(by("Moscow", "prefers the first draft"), "{got:?}");
    assert!(by("Donald Trump", "twenty points"), "{got:?}");
    // the host's question is no one's statement, and nothing is left to the article's voice
    assert!(
        got.iter()
            .all(|(n, t)| n.is_some() && !t.contains("make of it")),
        "{got:?}"
    );
}

#[test]
fn a_kicker_in_capitals_outside_a_broadcast_transcript_is_no_speaker() {
    let got = speakers(
        "LOAN WATCH: The Commission tables its plan for a loan backed by frozen Russian assets today.",
    );
    assert!(
        got.iter().all(|(n, _)| n.as_deref() != Some("Loan Watch")),
        "{got:?}"
    );
}

#[test]
fn a_labelled_line_of_a_list_is_no_speaker_but_a_new_persons_label_is() {
    let got = speakers(
        "The peace plan was agreed in Florida.\n\nKey pillars:\n\nArmy Ceiling: Ukraine keeps a standing army of 800,000 under the plan.\n\nGrain Corridor: Exports through the Black Sea would resume under the plan.",
    );
    assert!(
        got.iter()
            .all(|(n, _)| !matches!(n.as_deref(), Some("Army Ceiling" | "Grain Corridor"))),
        "{got:?}"
    );
    let got = speakers(
        "Envoy Maren Holt answered our questions on the peace plan.\n\nQ: Is the army cap final?\n\nMaren Holt: The army cap of the plan is not final and we will keep talking.",
    );
    assert!(
        got.iter().any(|(n, _)| n.as_deref() == Some("Maren Holt")),
        "{got:?}"
    );
}

#[test]
fn a_hosts_label_on_its_own_line_marks_the_broadcast_and_a_guests_surname_label_is_the_full_name() {
    let got = speakers(
        "JANE ROE, HOST:\n\n\
         Our guest chairs a security forum in Oslo.\n\n\
         MAREN HOLTBY: Good morning, Jane.\n\n\
         ROE: What is the view in Oslo of the peace plan?\n\n\
         HOLTBY: What is welcome is a peace plan on the table, and talks on it have begun.\n\n\
         ROE: Is the public quarrel about the peace plan itself harmful?",
    );
    assert_eq!(
        got,
        vec![(Some("Maren Holtby".to_string()), "Quote".to_string())]
    );
}

#[test]
fn a_parliament_record_gives_each_turn_to_the_member_of_its_label_line() {
    let got = speakers(
        "The House sat late on Tuesday.\n\n\
         The Foreign Secretary (Ana Ruiz)\n\n\
         I thank the House. We have read the peace plan with care, and its cap on Ukraine's army is not acceptable to us.\n\n\
         Our allies agree that any guarantee for Ukraine must be as strong as NATO's.\n\n\
         Leo Hale (Northfield) (Lab)\n\n\
         I am grateful to the Secretary. Will she rule out any amnesty for war crimes under the plan?",
    );
    let names: Vec<&str> = got.iter().filter_map(|(n, _)| n.as_deref()).collect();
    assert_eq!(names, vec!["Ana Ruiz", "Ana Ruiz", "Leo Hale"], "{got:?}");
}

#[test]
fn a_caption_with_a_bracket_over_a_report_is_no_label() {
    let got = speakers(
        "The House sat late on Tuesday.\n\n\
         Ana Ruiz (left)\n\n\
         The peace plan would cap Ukraine's army at 600,000 troops.",
    );
    assert!(got.iter().all(|(n, _)| n.is_none()), "{got:?}");
}

#[test]
fn a_press_reviews_lead_gives_the_quote_paragraph_to_the_paper_it_names() {
    let got = speakers(
        "Europe can still make itself heard, Le Monde believes:\n\n\
         \u{201C}The peace plan reads as a wish list for Moscow, and Europe must change it.\u{201D}",
    );
    assert_eq!(
        got,
        vec![(Some("Le Monde".to_string()), "Quote".to_string())]
    );
}

#[test]
fn a_paragraph_set_off_under_a_lead_ending_with_its_verb_is_the_sources_block_quote() {
    let got = speakers(
        "The talks drag on and the allies grow restless. The Washington Post reported:\n\n\
         The draft peace plan would make Kyiv give up land and cut its army, according to two \
         diplomats who have read it. It also rules out NATO membership for good.\n\n\
         That is a hard sell in Kyiv.",
    );
    let post = Some("The Washington Post".to_string());
    assert_eq!(got.iter().filter(|(n, _)| *n == post).count(), 2, "{got:?}");
}

#[test]
fn two_people_labelling_their_turns_one_named_before_make_a_conversation() {
    let got = texts(
        "The envoys met in Bergen. Tom Reed reports.\n\n\
         Amara Vostrikova: The new draft of the peace plan still caps Ukraine's army at 600,000 troops.\n\n\
         Tom Reed: In Kyiv, the mood is grim, and the army cap is the point of the plan that hurts most.",
    );
    assert!(
        got.iter()
            .any(|(n, t)| n.as_deref() == Some("Amara Vostrikova") && t.contains("600,000")),
        "{got:?}"
    );
}

#[test]
fn paragraphs_with_no_marks_under_a_name_and_a_colon_are_the_persons_words() {
    let got = texts(
        "Putin speaks on the peace plan\n\nThe president took questions in Minsk on Friday.\n\nV.V. Putin regarding the American peace plan:\n\nThere was never a draft treaty on the table, only a list of questions that the two sides meant to settle together.\n\nOn the whole we accept that the plan could serve as a basis for later agreements.\n\nPutin then left for the airport, where he met the governor.",
    );
    let putin = |words: &str| {
        got.iter()
            .any(|(n, t)| n.as_deref() == Some("Vladimir Putin") && t.contains(words))
    };
    assert!(putin("never a draft treaty"), "{got:?}");
    assert!(putin("serve as a basis"), "{got:?}");
    // the turn ends where the article names him again
    assert!(got.iter().all(|(_, t)| !t.contains("airport")), "{got:?}");
}

#[test]
fn a_turn_under_a_name_keeps_paragraphs_that_lack_their_full_stops() {
    let got = texts(
        "Holm on the plan\n\nSenator Mark Holm:\n\nAs for the text being worked on in Geneva, some parts of the peace plan are unacceptable and some are important\n\nFor example, there are steps the United States will take on security guarantees",
    );
    assert!(
        got.iter()
            .any(|(n, t)| n.as_deref() == Some("Mark Holm") && t.starts_with("For example")),
        "{got:?}"
    );
}
