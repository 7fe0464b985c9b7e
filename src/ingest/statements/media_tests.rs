//! One invented sentence per rule on media and unnamed sources, through the whole extractor.

use super::tests::{names, speakers};

#[test]
fn per_a_medium_at_the_end_makes_it_the_medium_s_report() {
    let got = speakers(
        "Under the plan, Moscow would get sanctions relief in three stages, per Politico.",
    );
    assert_eq!(
        got,
        vec![(Some("Politico".to_string()), "Report".to_string())]
    );
    // over the agent of a passive, and through a copy seen by the medium
    let got = names(
        "Kyiv has been told by the White House that it must accept the army cap of the plan, per Reuters.",
    );
    assert_eq!(got, vec!["Reuters"]);
    let got = names("The plan would cap the army of Ukraine at 600,000, per a draft seen by CNN.");
    assert_eq!(got, vec!["CNN"]);
    // a unit price is no citation
    let got =
        names("Under the plan, Russia would sell gas to Europe at $300 per Bloomberg estimate.");
    assert!(got.is_empty(), "{got:?}");
}
