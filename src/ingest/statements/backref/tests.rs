//! Speakers named after their words, in sentences written for these tests.

use crate::ingest::test_support::extract;

#[test]
fn the_sentences_before_this_was_stated_by_are_the_speakers() {
    let out = extract(
        "Oslo is ready to talk about the peace plan. But giving up the Donbas is out of the question. This was stated by envoy Maren Holt on Monday.",
    );
    let holt: Vec<&str> = out
        .iter()
        .filter(|s| s.speaker.as_ref().is_some_and(|p| p.name == "Maren Holt"))
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(
        holt,
        [
            "Oslo is ready to talk about the peace plan.",
            "But giving up the Donbas is out of the question."
        ],
        "{out:#?}"
    );
}

#[test]
fn the_name_after_a_title_and_a_comma_is_the_speaker() {
    let out = extract(
        "Oslo is ready to talk about the peace plan. The statement was made by Norway's envoy to the UN, Maren Holt.",
    );
    assert!(
        out.iter().any(|s| s.text.starts_with("Oslo is ready")
            && s.speaker.as_ref().is_some_and(|p| p.name == "Maren Holt")),
        "{out:#?}"
    );
}

#[test]
fn a_role_before_the_name_does_not_hide_it() {
    let out = extract(
        "Oslo is ready to talk about the peace plan. This was announced on Monday by the spokesman of the Norwegian government, Maren Holt. She said the cap on the army was still open.",
    );
    let holt =
        |s: &crate::model::Statement| s.speaker.as_ref().is_some_and(|p| p.name == "Maren Holt");
    assert!(
        out.iter()
            .any(|s| s.text.starts_with("Oslo is ready") && holt(s))
            && out
                .iter()
                .any(|s| s.text.starts_with("She said") && holt(s)),
        "{out:#?}"
    );
}

#[test]
fn a_back_reference_that_opens_its_paragraph_gives_no_words() {
    // the paragraph before is news ("received"), not the office's words
    let out = extract(
        "Kyiv has received the peace plan from Washington.\n\nThis was reported by the office of envoy Maren Holt.",
    );
    assert!(out.iter().all(|s| s.speaker.is_none()), "{out:#?}");
}

#[test]
fn a_medium_that_writes_about_this_makes_no_claim_of_its_own() {
    let out = extract(
        "Envoy Maren Holt believes the nuclear plant will need a special status under the peace plan.\n\nReuters writes about this.",
    );
    let who: Vec<Option<&str>> = out
        .iter()
        .map(|s| s.speaker.as_ref().map(|p| p.name.as_str()))
        .collect();
    assert_eq!(who, [Some("Maren Holt")], "{out:#?}");
}

#[test]
fn the_last_part_of_a_list_of_signers_is_no_name_after_a_title() {
    let out = extract(
        "The summit ended with a joint text on the peace plan. This statement was signed by leaders from Chile, Finland and Norway.",
    );
    assert!(
        out.iter()
            .all(|s| s.speaker.as_ref().is_none_or(|p| p.name != "Finland")),
        "{out:#?}"
    );
}

#[test]
fn a_medium_relaying_the_lead_reports_it() {
    let out = extract(
        "The first draft of the 28-point peace plan drew on a text written in Moscow.\n\nAFP writes about it, citing two diplomats in Brussels.",
    );
    let first = out
        .iter()
        .find(|s| s.text.starts_with("The first draft"))
        .and_then(|s| s.speaker.as_ref())
        .map(|p| p.name.as_str());
    assert_eq!(first, Some("AFP"), "{out:#?}");
}

#[test]
fn a_back_reference_in_the_present_names_the_author_of_a_study() {
    let out = extract(
        "Moscow's latest demands run against point 21 of the peace plan. This is stated in a study by the Nordic Policy Institute, reported by a local agency.",
    );
    assert!(
        out.iter().any(|s| s.text.starts_with("Moscow's latest")
            && s.speaker
                .as_ref()
                .is_some_and(|p| p.name == "Nordic Policy Institute")),
        "{out:#?}"
    );
}

#[test]
fn a_first_person_sentence_before_a_closing_cue_is_that_speaker_s() {
    let out = extract(
        "Ukraine's road to NATO membership is open, but we lack the consensus in the alliance to admit it. That is why we are talking about guarantees for the peace plan, Envoy Maren Holt explained.",
    );
    assert!(
        out.iter().any(|s| s.text.starts_with("Ukraine's road")
            && s.speaker.as_ref().is_some_and(|p| p.name == "Maren Holt")),
        "{out:#?}"
    );
    // the article's own sentence, with no first person, stays the article's
    let out = extract(
        "Ukraine's road to NATO membership is open, but the alliance lacks the consensus to admit it. That is why we are talking about guarantees for the peace plan, Envoy Maren Holt explained.",
    );
    assert!(
        out.iter().all(|s| !(s.text.starts_with("Ukraine's road")
            && s.speaker.as_ref().is_some_and(|p| p.name == "Maren Holt"))),
        "{out:#?}"
    );
}

#[test]
fn a_saying_with_nothing_after_its_verb_names_who_said_the_sentence_before() {
    let out = extract(
        "In Bergen the envoys pressed Oslo hard to accept the peace plan. A senior official close to the talks told NRK on condition of anonymity, reports Aftenposten.",
    );
    let got: Vec<(Option<&str>, &str)> = out
        .iter()
        .map(|s| (s.speaker.as_ref().map(|p| p.name.as_str()), s.text.as_str()))
        .collect();
    assert_eq!(
        got,
        [(
            Some("unnamed official"),
            "In Bergen the envoys pressed Oslo hard to accept the peace plan."
        )],
        "{out:#?}"
    );
}

#[test]
fn a_saying_with_a_clause_after_its_verb_keeps_its_own_words() {
    let out = extract(
        "The first draft set the army cap at 600,000. Three people close to the talks said the new text, cut to 19 points, now carries a higher cap.",
    );
    assert!(
        out.iter().any(|s| s.text.starts_with("Three people")
            && s.speaker
                .as_ref()
                .is_some_and(|p| p.name.starts_with("Three people"))),
        "{out:#?}"
    );
    assert!(
        out.iter()
            .any(|s| s.text.starts_with("The first draft") && s.speaker.is_none()),
        "{out:#?}"
    );
}
