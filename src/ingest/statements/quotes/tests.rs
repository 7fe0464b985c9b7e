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
