//! Two speakers in one sentence, in sentences written for these tests.

use crate::ingest::statements::tests::names;

#[test]
fn a_second_clause_with_its_own_speaker_is_its_own_statement() {
    let got = names(
        "Oslo has reportedly accepted the peace plan with small changes, while Helsinki says the army cap of the plan is too low.",
    );
    assert_eq!(got, vec!["Oslo", "Helsinki"]);
    let got = names(
        "While Oslo has welcomed the peace plan, Helsinki has voiced deep concern about its army cap.",
    );
    assert_eq!(got, vec!["Oslo", "Helsinki"]);
}

#[test]
fn a_second_clause_that_goes_on_with_the_first_speaker_is_not_cut() {
    // a pronoun, or "and that", carries on the first speaker's words
    let got = names(
        "Envoy Maren Holt said the peace plan was a start, but she stressed that the army cap must go.",
    );
    assert_eq!(got, vec!["Maren Holt"]);
    let got = names(
        "Envoy Maren Holt said the peace plan was a start, and that Oslo wants the army cap to go.",
    );
    assert!(
        !got.is_empty() && got.iter().all(|n| n == "Maren Holt"),
        "{got:?}"
    );
}

#[test]
fn a_short_quote_in_a_clause_does_not_keep_the_sentence_whole() {
    let got = names(
        "While Oslo has welcomed the peace plan, Helsinki has voiced deep concern, warning that its army cap means \"surrender\" for Kyiv.",
    );
    assert_eq!(got, vec!["Oslo", "Helsinki"]);
}

#[test]
fn a_clause_of_time_with_its_own_speaker_is_its_own_statement() {
    let got = names(
        "Beijing on Monday repeated its support for the peace plan after President Donald Trump said that the army cap was settled.",
    );
    assert_eq!(got, vec!["Beijing", "Donald Trump"]);
    // an event after "after" opens no second statement
    let got = names(
        "Envoy Maren Holt spoke after the talks in Geneva and said the army cap of the plan was too low.",
    );
    assert_eq!(got, vec!["Maren Holt"]);
}

#[test]
fn a_main_clause_with_an_aside_after_its_subject_is_cut_from_the_leading_one() {
    // the aside holds a time with a colon, and the verb comes ten words into the clause
    let got = names(
        "While both delegations welcomed the peace plan, envoy Maren Holt, speaking around 21:30 local time on Sunday, confirmed that the army cap was still open.",
    );
    assert_eq!(got, vec!["both delegations", "Maren Holt"]);
}

#[test]
fn a_time_with_a_colon_is_no_label_before_the_subject() {
    let got = names(
        "Envoy Maren Holt, speaking at 20:30 on Sunday, confirmed that the army cap of the peace plan was still open.",
    );
    assert_eq!(got, vec!["Maren Holt"]);
}

#[test]
fn a_second_clause_opened_by_a_role_is_its_holders_statement() {
    // a role with no one named to hold it is a speaker of its own
    let got = names(
        "Tom Hale said he was hopeful about the peace plan, but the Finnish ambassador said its army cap is too low.",
    );
    assert_eq!(got, vec!["Tom Hale", "Finnish ambassador"]);
}
