//! Clauses of the plan's content inside other statements, in sentences written for these tests.

use crate::ingest::test_support::extract;
use crate::ingest::{Kind, Statement};

fn points(s: &Statement) -> Vec<u8> {
    s.provisions.iter().map(|p| p.number).collect()
}

#[test]
fn a_clause_on_the_plan_inside_a_speakers_sentence_is_the_articles_report() {
    let out = extract(
        "Envoy Maren Holt said Kyiv had until Friday to accept a peace plan which would hand the Donbas to Russia.",
    );
    let holt = out.iter().find(|s| s.speaker.is_some());
    let clause = out
        .iter()
        .find(|s| s.speaker.is_none() && s.kind == Kind::Report);
    assert!(holt.is_some_and(|s| !s.text.contains("Donbas")), "{out:#?}");
    assert_eq!(clause.map(points), Some(vec![21]), "{out:#?}");
}

#[test]
fn a_clause_that_names_which_part_is_meant_stays_in_the_statement() {
    let out = extract(
        "Envoy Maren Holt rejected the plan's provision that would hand the Donbas to Russia.",
    );
    assert!(out.iter().all(|s| s.speaker.is_some()), "{out:#?}");
}

#[test]
fn a_participle_after_a_speakers_words_goes_on_with_them() {
    let out = extract(
        "The peace plan reached Kyiv. Envoy Maren Holt says the plan ignores her concerns, including the loss of the Donbas.",
    );
    assert!(
        out.iter()
            .filter(|s| s.text.contains("loss of the Donbas"))
            .all(|s| s.speaker.is_some()),
        "{out:#?}"
    );
    // with no statement of its own the sentence gives the clause to the article
    let out = extract(
        "The peace plan reached Kyiv. The peace plan was revealed last week, including the loss of the Donbas.",
    );
    assert!(
        out.iter()
            .any(|s| s.speaker.is_none() && s.text.contains("loss of the Donbas")),
        "{out:#?}"
    );
}

#[test]
fn a_participle_far_from_the_plans_name_goes_on_from_the_subject() {
    // the plan is the sentence's subject, eleven words before the participle
    let out = extract(
        "The peace plan reached Kyiv. The US-drafted 28-point peace plan for Moscow and Kyiv was made public on Tuesday, including the loss of the Donbas.",
    );
    let clause = out.iter().find(|s| s.text.starts_with("including"));
    assert_eq!(clause.map(points), Some(vec![21]), "{out:#?}");
    // the plan named only as an object of someone else's doing opens no clause of content
    let out = extract(
        "The peace plan reached Kyiv. Envoy Maren Holt and her aides from the foreign ministry in Oslo studied it closely all week, including the loss of the Donbas.",
    );
    assert!(
        !out.iter().any(|s| s.text.starts_with("including")),
        "{out:#?}"
    );
}

#[test]
fn which_after_a_comma_goes_on_from_the_plan_as_subject_only() {
    let out = extract(
        "A fresh draft, circulated by the envoys on Monday, surfaced this week, which would cap the army of Ukraine at 600,000 troops.",
    );
    assert!(
        out.iter()
            .any(|s| s.speaker.is_none() && points(s) == vec![6]),
        "{out:#?}"
    );
    // another deal, named in the object: "which" tells about that one
    let out = extract(
        "The peace plan reached Kyiv. This approach recalls the grain deal struck in the spring of last year, which granted the US access to Ukrainian minerals.",
    );
    assert!(out.iter().all(|s| !s.text.starts_with("which")), "{out:#?}");
}

#[test]
fn a_clause_after_parts_of_the_plan_names_which_parts_the_speaker_means() {
    let out = extract(
        "Envoy Maren Holt voiced concern over sections of the peace plan that propose a cap on the army of Ukraine.",
    );
    assert!(out.iter().all(|s| s.speaker.is_some()), "{out:#?}");
    assert!(
        out.iter()
            .any(|s| s.provisions.iter().any(|p| p.number == 6)),
        "{out:#?}"
    );
}

#[test]
fn a_clause_after_the_plans_agent_and_what_it_sought_is_its_content() {
    let out = extract(
        "Kyiv played down the 28-point plan drafted by the US, which sought to keep the country out of NATO and cap the size of its army.",
    );
    let clause = out
        .iter()
        .find(|s| s.speaker.is_none() && s.kind == Kind::Report);
    assert_eq!(clause.map(points), Some(vec![6, 7]), "{out:#?}");
}

#[test]
fn a_clause_of_what_the_plan_involves_is_its_content() {
    let out = extract(
        "Washington gave Kyiv until Thursday to accept a plan which involves capping its army at 600,000 troops.",
    );
    let clause = out
        .iter()
        .find(|s| s.speaker.is_none() && s.kind == Kind::Report);
    assert_eq!(clause.map(points), Some(vec![6]), "{out:#?}");
}

#[test]
fn a_speaker_inside_a_relative_clause_past_the_sentence_s_speaker_has_a_statement_of_its_own() {
    let who = |text: &str| -> Vec<(Option<String>, String)> {
        extract(text)
            .into_iter()
            .map(|s| (s.speaker.map(|p| p.name), s.text))
            .collect()
    };
    let got = who(
        "Envoy Maren Holt said Oslo had welcomed the first peace plan – which Riga and its partners deemed far too kind to Moscow – but wanted changes.",
    );
    assert!(
        got.iter()
            .any(|(n, t)| n.as_deref() == Some("Maren Holt") && t.starts_with("Envoy"))
            && got
                .iter()
                .any(|(n, t)| n.as_deref() == Some("Riga and its partners")
                    && t == "which Riga and its partners deemed far too kind to Moscow"),
        "{got:?}"
    );
    // a relative clause that only confirms an event has no words of its own
    let got = who(
        "Envoy Maren Holt said the talks on the peace plan, which the Kremlin confirmed, would resume on Monday.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
}

#[test]
fn a_speaker_in_a_relative_clause_of_a_sentence_with_no_speaker_has_its_own_statement() {
    let speakers = |text: &str| -> Vec<(Option<String>, Vec<u8>)> {
        extract(text)
            .iter()
            .map(|s| (s.speaker.as_ref().map(|p| p.name.clone()), points(s)))
            .collect()
    };
    // after an event, with a head word of its own before "that"
    let got = speakers(
        "Envoys meet in Oslo on Sunday to discuss the 28-point peace plan -- one that Oslo's allies have said is far too kind to Moscow.",
    );
    assert_eq!(got, vec![(Some("Oslo's allies".to_string()), vec![0])]);
    // after the plan's content: about what that names
    let got = speakers(
        "The peace plan would ask Ukraine to cede territory and shrink its army — measures that Maren Holt and her Nordic partners have signaled they would resist.",
    );
    assert!(
        got.contains(&(
            Some("Maren Holt and her Nordic partners".to_string()),
            vec![6, 21]
        )),
        "{got:?}"
    );
    // what a party will do is not speech, nor is a second "that" clause of the same verb
    let got = speakers(
        "Lars Berg has said that Oslo has not seen the 20-point plan, and that Oslo will not accept any plan that departs from the first one.",
    );
    assert!(
        got.iter().all(|(n, _)| n.as_deref() == Some("Lars Berg")),
        "{got:?}"
    );
    let got = speakers(
        "Envoys meet in Oslo on Sunday to discuss the 28-point peace plan – one that Oslo will reject as far too kind to Moscow.",
    );
    assert!(got.is_empty(), "{got:?}");
}
