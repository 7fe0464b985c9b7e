//! Quotes and light-verb cues, in sentences written for these tests.

use crate::ingest::statements::tests::speakers;

#[test]
fn a_short_quote_after_a_possessive_is_a_programme_title_and_the_light_verb_speaks() {
    let got = speakers(
        "Defence Minister Lena Tamm spoke on Friday.\n\nTalking to Radio North's \"Morning Desk\", the minister took issue above all with the plan's army cap.",
    );
    assert!(
        got.iter()
            .any(|(n, k)| n.as_deref() == Some("Lena Tamm") && k == "Paraphrase"),
        "{got:?}"
    );
    assert!(got.iter().all(|(_, k)| k != "Quote"), "{got:?}");
}

#[test]
fn quote_paragraphs_in_straight_single_marks_continue_the_speaker_before() {
    let got = speakers(
        "Analyst Fiona Marsh told the paper the peace plan's asset clause was a fee for Washington.\n\n'The Kremlin doesn't expect to see its frozen money again, so it's happy to let the Americans take a cut.\n\n'And once Washington has a share of the assets, it will lean on Kyiv to sign the plan.'\n\nTalks resume on Monday.",
    );
    let quotes = got
        .iter()
        .filter(|(n, k)| n.as_deref() == Some("Fiona Marsh") && k == "Quote")
        .count();
    assert_eq!(quotes, 2, "{got:?}");
}

#[test]
fn a_clause_joined_by_and_after_a_quote_does_not_speak_the_quote() {
    // "analysts" start a new clause: the quoted words are the senator's, not theirs
    let got = speakers(
        "A US senator called the peace plan a \"Moscow shopping list,\" and analysts noted that its wording on the army cap read like a translation.",
    );
    assert!(
        got.iter()
            .all(|(n, k)| !(k == "Quote" && n.as_deref() == Some("analysts"))),
        "{got:?}"
    );
    assert!(
        got.iter().any(|(n, _)| n.as_deref() == Some("analysts")),
        "{got:?}"
    );
}

#[test]
fn the_object_of_a_participle_after_a_quote_is_no_speaker() {
    // "calling it" names what was called, not who spoke: the quote stays the minister's
    let got = speakers(
        "The European Union said the plan's army cap was unacceptable.\n\n\
         Foreign Minister Jonas Berg described the talks on the plan's security guarantees as \"very useful\", calling it \"the best round so far\".",
    );
    assert!(
        !got.iter()
            .any(|(n, k)| n.as_deref() == Some("European Union") && k == "Quote"),
        "{got:?}"
    );
    assert!(
        got.iter().any(|(n, _)| n.as_deref() == Some("Jonas Berg")),
        "{got:?}"
    );
}

#[test]
fn a_medium_that_reports_what_someone_said_passes_the_quote_to_them() {
    let got = speakers(
        "\"Either the army clause of the peace plan goes, or we walk away,\" Interfax reported Dmitry Peskov said on Tuesday.",
    );
    assert_eq!(
        got,
        vec![(Some("Dmitry Peskov".to_string()), "Quote".to_string())]
    );
    // with no one after the medium's verb, the medium is the source
    let got = speakers(
        "\"The army clause of the peace plan goes,\" Interfax reported on Tuesday, citing a source.",
    );
    assert_eq!(
        got.first().and_then(|(n, _)| n.clone()).as_deref(),
        Some("Interfax")
    );
}

#[test]
fn a_quote_paragraph_of_the_plan_s_words_is_its_report_and_a_speaker_s_goes_on() {
    // under the plan's name, with no speaker before: the plan's own words
    let got = speakers(
        "The leaked peace plan has 28 points.\n\n\"The Ukrainian army will be capped at 600,000 soldiers.\"\n\nKyiv had about 880,000 troops last year.",
    );
    assert_eq!(got, vec![(None, "Report".to_string())]);
    // after a speaker's quote, the paragraph goes on with that speaker
    let got = speakers(
        "\"We read the peace plan closely,\" envoy Maren Holt said.\n\n\"The Ukrainian army will be capped at 600,000 soldiers, and that is too few.\"",
    );
    assert!(
        got.iter()
            .all(|(n, k)| n.as_deref() == Some("Maren Holt") && k == "Quote"),
        "{got:?}"
    );
}

#[test]
fn a_quote_after_a_point_named_before_a_colon_is_the_plans_text() {
    let got = speakers(
        "The plan asks a great deal of Kyiv.\n\nAll Kyiv gets is point No. 5: \u{201C}Ukraine will get firm guarantees.\u{201D}",
    );
    assert_eq!(got, vec![(None, "Report".to_string())]);
    // a verb of speech before the colon keeps the quote the speaker's
    let got = speakers(
        "Maren Holt read out point 5: \u{201C}Ukraine will get firm guarantees, and we will hold them to it.\u{201D}",
    );
    assert!(got.iter().all(|(n, _)| n.is_some()), "{got:?}");
}

#[test]
fn a_quote_after_a_participle_is_the_sentences_speakers_and_the_clause_before_too() {
    let out = crate::ingest::statements::tests::texts(
        "Foreign minister Tom Hale said Norway insists the army cap must stay, calling it \u{201C}the heart of the peace plan.\u{201D}",
    );
    let hale: Vec<&str> = out
        .iter()
        .filter(|(n, _)| n.as_deref() == Some("Tom Hale"))
        .map(|(_, t)| t.as_str())
        .collect();
    assert_eq!(
        hale,
        vec![
            "Foreign minister Tom Hale said Norway insists the army cap must stay",
            "the heart of the peace plan."
        ],
        "{out:?}"
    );
}
