//! What the plan contains and who reports it, through the whole extractor: one invented
//! sentence (or a short invented page) per shape found in real coverage (issue 12, round 13).

use crate::catalog::Catalog;
use crate::ingest::test_support::extract;
use crate::ingest::{Extractor, Statement};

fn by<'a>(out: &'a [Statement], words: &str) -> Option<&'a Statement> {
    out.iter().find(|s| s.text.contains(words))
}

fn points(s: &Statement) -> Vec<u8> {
    s.provisions.iter().map(|p| p.number).collect()
}

fn speaker(s: &Statement) -> Option<&str> {
    s.speaker.as_ref().map(|p| p.name.as_str())
}

/// The statements of `body` as a page with no title line: an excerpt that starts mid-story.
fn untitled(body: &str) -> Vec<Statement> {
    let Ok(catalog) = Catalog::bundled() else {
        panic!("seeds parse")
    };
    let Ok(x) = Extractor::new(&catalog) else {
        panic!("rules compile")
    };
    x.extract(&x.parse("t.txt", body))
}

#[test]
fn a_proposal_that_sees_a_side_act_tells_its_content() {
    let out = extract(
        "Washington's 20-point proposal sees Kyiv hand over the rest of the Donetsk region and shrink its army.",
    );
    let s = by(&out, "proposal sees").unwrap_or_else(|| panic!("{out:#?}"));
    assert_eq!(speaker(s), None);
    assert!(points(s).contains(&21) && points(s).contains(&6), "{s:#?}");
}

#[test]
fn concessions_named_by_a_determiner_are_the_plans_content() {
    let out = extract(
        "These concessions include leaving the Donetsk region and accepting limits on Kyiv's armed forces.",
    );
    let s = by(&out, "These concessions").unwrap_or_else(|| panic!("{out:#?}"));
    assert_eq!(speaker(s), None);
    assert_eq!(points(s), vec![6, 21]);
}

#[test]
fn the_plans_elements_and_what_it_references_are_its_content() {
    let out = extract(
        "Its main elements include calls for Kyiv to pull out of the Donetsk region.\n\nThe draft reached Kyiv on Friday. It references firm guarantees for Ukraine.",
    );
    let s = by(&out, "main elements").unwrap_or_else(|| panic!("{out:#?}"));
    assert_eq!((speaker(s), points(s)), (None, vec![21]));
    let s = by(&out, "references").unwrap_or_else(|| panic!("{out:#?}"));
    assert_eq!((speaker(s), points(s)), (None, vec![5]));
}

#[test]
fn announcing_a_plan_that_holds_something_is_the_articles_account_of_it() {
    let out = extract(
        "The White House has announced a plan to stop the fighting there that involves ceding the Donbas.",
    );
    let s = by(&out, "announced").unwrap_or_else(|| panic!("{out:#?}"));
    assert_eq!((speaker(s), points(s)), (None, vec![21]));
    // a verb of speech before the plan's name still speaks
    let out = extract("Tom Hale said the plan that Oslo wrote would cap the army.");
    let s = by(&out, "cap the army").unwrap_or_else(|| panic!("{out:#?}"));
    assert_eq!(speaker(s), Some("Tom Hale"));
}

#[test]
fn the_draft_named_with_a_determiner_is_the_plan_in_a_page_without_a_title() {
    let out = untitled(
        "Talking to reporters in Astana on Friday, Mr. Putin commented: \"Overall, we agreed that this might be the basis for future agreements.\" It was his first remark on the draft since Washington sent it.\n\nPutin said the American side had taken Moscow's view into account to some degree.\n\nHe added that the draft was only a list of possible terms.\n",
    );
    let s = by(&out, "basis for future agreements").unwrap_or_else(|| panic!("{out:#?}"));
    assert_eq!(speaker(s), Some("Vladimir Putin"));
    assert!(by(&out, "into account").is_some(), "{out:#?}");
}

#[test]
fn the_draft_age_is_not_the_draft() {
    let out = untitled(
        "War news\n\nDefence Minister Olha Marchenko said parliament had lowered the draft age to 23.\n\nMarchenko said the draft age was a painful choice and the draft law would pass.\n",
    );
    assert!(out.is_empty(), "{out:#?}");
}

#[test]
fn outlining_the_plan_speaks_and_outlining_anything_else_does_not() {
    let out = extract(
        "Zelensky outlined the main elements of the peace plan, starting with the sovereignty of Ukraine.",
    );
    let s = by(&out, "outlined").unwrap_or_else(|| panic!("{out:#?}"));
    assert_eq!(speaker(s), Some("Volodymyr Zelenskyy"));
    let out = extract(
        "Officials expect to keep refining the peace plan after Kyiv outlines its core principles.",
    );
    assert!(out.iter().all(|s| s.speaker.is_none()), "{out:#?}");
}

#[test]
fn a_list_lead_that_specifies_or_names_the_plan_in_single_quotes_cites_its_source() {
    let out = extract(
        "According to press reports, the \u{2018}peace agreement\u{2019} would oblige Kyiv to:\n-\npull its troops out of the Donetsk region;\n-\ncut its army by half.\nSome Western outlets have specified that the agreement could also:\n-\nbar foreign troops from Ukraine;\n-\nmake Russian an official state language.",
    );
    let who = |w: &str| by(&out, w).and_then(speaker);
    assert_eq!(who("pull its troops"), Some("media reports"), "{out:#?}");
    assert_eq!(who("cut its army"), Some("media reports"), "{out:#?}");
    assert_eq!(
        who("bar foreign troops"),
        Some("Some Western outlets"),
        "{out:#?}"
    );
    assert_eq!(who("official state language"), Some("Some Western outlets"));
}

#[test]
fn the_head_of_a_ministry_is_its_minister() {
    let out = extract(
        "Ukrainian Foreign Minister Andrii Sybiha said the peace plan was a bilateral document.\n\nAccording to the head of Ukraine's Foreign Ministry, two issues of the peace plan remain open.",
    );
    let s = by(&out, "two issues").unwrap_or_else(|| panic!("{out:#?}"));
    assert_eq!(speaker(s), Some("Andrii Sybiha"));
}

#[test]
fn a_pace_names_the_sanctions_point_only_with_sanctions() {
    let out = extract(
        "Envoy Maren Holt said the peace plan would be signed in stages.\n\nHolt said sanctions on Russia would be eased in stages under the peace plan.",
    );
    let signed = by(&out, "signed in stages").unwrap_or_else(|| panic!("{out:#?}"));
    assert!(!points(signed).contains(&13), "{signed:#?}");
    let eased = by(&out, "eased in stages").unwrap_or_else(|| panic!("{out:#?}"));
    assert!(points(eased).contains(&13), "{eased:#?}");
}

#[test]
fn a_document_placed_in_a_medium_is_that_mediums_report() {
    let out = extract(
        "The plan, described in US media, includes a demand that Kyiv withdraw from the Donbas region.",
    );
    let s = by(&out, "described in").unwrap_or_else(|| panic!("{out:#?}"));
    assert_eq!(speaker(s), Some("US media"));
}

#[test]
fn revealing_speaks_with_a_that_clause_only() {
    let out = extract(
        "Kremlin aide Yuri Ushakov spoke after the talks on the peace plan. He revealed that Moscow had received four more documents on the peace plan from Washington.",
    );
    let s = by(&out, "four more documents").unwrap_or_else(|| panic!("{out:#?}"));
    assert_eq!(speaker(s), Some("Yuri Ushakov"));
    let out = extract("Trump's recently revealed peace plan for Ukraine is a gift to Moscow.");
    assert!(out.iter().all(|s| s.speaker.is_none()), "{out:#?}");
}

#[test]
fn a_fantasy_land_is_no_territory() {
    let out = extract(
        "Envoy Maren Holt defended the peace plan. \"Peace will not be made by diplomats living in a fantasy land,\" she said.",
    );
    let s = by(&out, "fantasy land").unwrap_or_else(|| panic!("{out:#?}"));
    assert!(!points(s).contains(&21), "{s:#?}");
}

#[test]
fn said_that_a_and_that_b_is_one_statement_of_the_sentence() {
    let out = extract(
        "Envoy Maren Holt said that the peace plan could be a basis for talks and that a second meeting would follow soon.",
    );
    assert_eq!(out.len(), 1, "{out:#?}");
    assert!(out[0].text.contains("second meeting"), "{out:#?}");
}

#[test]
fn land_won_in_the_fighting_and_a_hostage_of_rules_are_figures_not_points() {
    let out = extract(
        "Envoy Maren Holt said the peace plan had to be signed soon because Kyiv is losing territory every week.",
    );
    let s = by(&out, "losing territory").unwrap_or_else(|| panic!("{out:#?}"));
    assert!(!points(s).contains(&21), "{s:#?}");
    let out = extract(
        "Moscow called the peace plan a possible basis but warned of further land grabs if the talks fail.",
    );
    let s = by(&out, "land grabs").unwrap_or_else(|| panic!("{out:#?}"));
    assert!(!points(s).contains(&21), "{s:#?}");
    // a hostage of a rule is no detainee
    let out = extract(
        "Envoy Maren Holt said of the peace plan that in some respects the bloc is a hostage to its own rules.",
    );
    let s = by(&out, "hostage to").unwrap_or_else(|| panic!("{out:#?}"));
    assert!(!points(s).contains(&24), "{s:#?}");
    // land handed over under the deal is
    let out =
        extract("Envoy Maren Holt said the peace plan would make Kyiv give up land in Donbas.");
    let s = by(&out, "give up land").unwrap_or_else(|| panic!("{out:#?}"));
    assert!(points(s).contains(&21), "{s:#?}");
}

#[test]
fn a_lead_printed_twice_gives_its_statement_once() {
    let lead = "Envoy Maren Holt said that the peace plan would cap Ukraine's army at 600,000.";
    let out = extract(&format!(
        "{lead}\n\nThe talks go on in Geneva on Monday.\n\n{lead}"
    ));
    let n = out.iter().filter(|s| s.text == lead).count();
    assert_eq!(n, 1, "{out:#?}");
}

#[test]
fn it_after_the_text_is_named_speaks_of_and_floats_the_plan_s_content() {
    for verb in ["speaks of", "floats"] {
        let got = extract(&format!(
            "Envoys met in Geneva on Sunday.\n\n\
             The 28-point text is broad and vague. It {verb} elections within 100 days of a deal.\n"
        ));
        assert!(
            got.iter().any(|s| s.speaker.is_none()
                && s.text.starts_with("It ")
                && s.provisions.iter().any(|p| p.number == 25)),
            "{verb}: {got:#?}"
        );
    }
}

#[test]
fn an_outline_in_the_future_tense_keeps_the_plan_near_as_one_with_would_does() {
    let out = extract(
        "An MP has published details of a 28-point peace plan.\n\n\
         A non-aggression pact will be signed. All old disputes are settled.\n\n\
         The size of the Ukrainian army will be limited to 600,000.\n\n\
         Ukraine will stay free of nuclear weapons.",
    );
    assert_eq!(
        by(&out, "free of nuclear").map(points),
        Some(vec![18]),
        "{out:#?}"
    );
}

#[test]
fn a_sentence_on_what_a_side_gets_goes_on_from_the_plan_named_just_before() {
    let out = extract(
        "On Friday a draft of the US plan reached the press. In exchange, Kyiv will receive security guarantees from Washington.",
    );
    let s = by(&out, "In exchange").unwrap_or_else(|| panic!("{out:#?}"));
    assert_eq!(speaker(s), None);
    assert_eq!(points(s), vec![5]);
}
