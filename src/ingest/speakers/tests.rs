//! One invented phrase per shape of speaker phrase.

use super::*;
use crate::catalog::Catalog;

fn gazetteer() -> Gazetteer {
    let c = Catalog::bundled().expect("seeds parse");
    Gazetteer::new(&c.speakers, &c.lexicon).expect("matcher builds")
}

fn name(np: &str) -> Option<String> {
    match gazetteer().resolve(np, &mut Vec::new()) {
        Some(Mention::Speaker(s, _)) => Some(s.name),
        _ => None,
    }
}

#[test]
fn the_agent_of_a_copy_is_the_source() {
    assert_eq!(
        name("a copy obtained by Bloomberg").as_deref(),
        Some("Bloomberg")
    );
    assert_eq!(
        name("released by the French government").as_deref(),
        Some("French government")
    );
}

#[test]
fn a_relative_clause_keeps_the_head_and_its_nationality() {
    // several sources keep the article's words; one is "unnamed <side> <noun>"
    assert_eq!(
        name("a Finnish diplomat who has seen the draft").as_deref(),
        Some("unnamed Finnish diplomat")
    );
    assert_eq!(
        name("Estonian officials who have studied the draft").as_deref(),
        Some("Estonian officials")
    );
    assert_eq!(
        name("three people who have read the text").as_deref(),
        Some("three people who have read the text")
    );
    assert_eq!(
        name("several people who have read the full text of the draft").as_deref(),
        Some("unnamed sources")
    );
}

#[test]
fn a_medium_after_its_description_is_the_medium() {
    assert_eq!(
        name("Russia's state news agency RIA").as_deref(),
        Some("RIA Novosti")
    );
    assert_eq!(name("the Latvian outlet Meduza").as_deref(), Some("Meduza"));
}

#[test]
fn a_capital_speaks_under_its_own_name() {
    assert_eq!(name("Oslo").as_deref(), Some("Oslo"));
    assert_eq!(name("oslo"), None, "a lowercase word is no place name");
}

#[test]
fn a_coordination_of_speakers_gives_the_first_and_a_shared_head_stays_one_group() {
    assert_eq!(name("Trump and Macron").as_deref(), Some("Donald Trump"));
    assert_eq!(name("Lisbon and Warsaw").as_deref(), Some("Lisbon"));
    assert_ne!(
        name("U.S. and Ukrainian negotiators").as_deref(),
        Some("US")
    );
}

#[test]
fn a_person_named_after_a_preposition_does_not_make_a_source_named() {
    assert_eq!(
        name("an official familiar with the Trump-Putin summit").as_deref(),
        Some("unnamed official")
    );
}

#[test]
fn a_title_that_holds_the_head_of_an_unnamed_source_names_its_holder() {
    assert_eq!(
        name("The EU's top diplomat").as_deref(),
        Some("Kaja Kallas")
    );
}

#[test]
fn a_title_and_a_surname_named_before_in_full_is_that_person() {
    let g = gazetteer();
    let mut local = Vec::new();
    let _ = g.resolve("Foreign Minister Hana Ortiz", &mut local);
    match g.resolve("Senator Ortiz", &mut local) {
        Some(Mention::Speaker(s, _)) => assert_eq!(s.name, "Hana Ortiz"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_time_after_the_speaker_is_left_out() {
    assert_eq!(name("The Kremlin on Friday").as_deref(), Some("Kremlin"));
    assert_eq!(name("India earlier this week").as_deref(), Some("India"));
}

#[test]
fn a_verb_inside_the_phrase_makes_no_group() {
    // "Russia hopes the United States will not …": "states" is a group head, the phrase no group
    assert_eq!(name("Russia hopes the United States"), None);
    assert_eq!(
        name("EU foreign ministers").as_deref(),
        Some("EU foreign ministers")
    );
}

#[test]
fn a_name_before_of_and_an_organisation_is_the_person() {
    // "…," said Vera Lind of the Centre for Eastern Studies: Vera Lind, not "Eastern Studies"
    assert_eq!(
        name("Vera Lind of the Centre for Eastern Studies").as_deref(),
        Some("Vera Lind")
    );
    // a title before the name keeps the name
    assert_eq!(name("Ambassador Tomas Berg").as_deref(), Some("Tomas Berg"));
    // no name before "of": no person, the body by its proper name
    match gazetteer().resolve("the Centre for Eastern Studies", &mut Vec::new()) {
        Some(Mention::Speaker(s, _)) => assert_eq!(s.kind, SpeakerKind::Body, "{s:?}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_unnamed_source_keeps_a_two_word_nationality_and_a_region() {
    assert_eq!(
        name("a senior South Korean official").as_deref(),
        Some("unnamed South Korean official")
    );
    assert_eq!(
        name("a Gulf diplomat").as_deref(),
        Some("unnamed Gulf diplomat")
    );
}

#[test]
fn a_nationality_before_the_head_wins_over_a_place_after_it() {
    assert_eq!(
        name("A Latvian diplomat in Brussels").as_deref(),
        Some("unnamed Latvian diplomat")
    );
    // a place alone still gives the side
    assert_eq!(
        name("a diplomat in Brussels").as_deref(),
        Some("unnamed EU diplomat")
    );
}

#[test]
fn an_unnamed_source_of_a_known_body_takes_the_side_of_its_country() {
    assert_eq!(
        name("an official at the State Department").as_deref(),
        Some("unnamed US official")
    );
    assert_eq!(
        name(
            "An official of the Office of the President of Ukraine, asked by a weekly to comment,"
        )
        .as_deref(),
        Some("unnamed Ukrainian official")
    );
}

#[test]
fn a_phrase_opening_with_a_conjunction_is_the_subject_after_it() {
    assert_eq!(name("\u{201D} and analysts").as_deref(), Some("analysts"));
    assert_eq!(
        name("but a Latvian diplomat").as_deref(),
        Some("unnamed Latvian diplomat")
    );
}

#[test]
fn a_statement_of_a_named_body_speaks_for_it() {
    assert_eq!(
        name("The White House\u{2019}s readout").as_deref(),
        Some("White House")
    );
    assert_eq!(name("the Kremlin's statement").as_deref(), Some("Kremlin"));
}

#[test]
fn a_phrase_opening_with_a_preposition_is_no_speaker() {
    assert_eq!(name("among its allies"), None);
    assert_eq!(name("in Brussels"), None);
}

#[test]
fn a_group_named_by_the_countries_it_comes_from_is_one_body() {
    let g = gazetteer();
    for (np, name) in [
        (
            "Leaders of Norway, Japan and Brazil",
            "Leaders of Norway, Japan and Brazil",
        ),
        (
            "the foreign ministers of France and Poland",
            "foreign ministers of France and Poland",
        ),
        (
            "Envoys of Norway and Denmark",
            "Envoys of Norway and Denmark",
        ),
    ] {
        let mut local = Vec::new();
        match g.resolve(np, &mut local) {
            Some(Mention::Speaker(s, _)) => {
                assert_eq!((s.name.as_str(), s.kind), (name, SpeakerKind::Body), "{np}");
            }
            other => panic!("{np}: {other:?}"),
        }
    }
}

#[test]
fn a_web_address_is_no_speaker() {
    let g = gazetteer();
    let mut local = Vec::new();
    assert!(
        g.resolve("https://www.example.org/news/plan-talks", &mut local)
            .is_none()
    );
    assert!(
        g.resolve("//www.example.org/news/plan-talks", &mut local)
            .is_none()
    );
}

#[test]
fn media_reports_with_no_medium_named_keep_their_words() {
    let g = gazetteer();
    for np in ["Media reports", "Earlier media reports"] {
        let mut local = Vec::new();
        match g.resolve(np, &mut local) {
            Some(Mention::Speaker(s, _)) => assert_eq!(s.name, np),
            other => panic!("{np}: {other:?}"),
        }
    }
}

#[test]
fn a_party_and_its_own_group_is_one_body_named_as_written() {
    assert_eq!(
        name("Norway and its Nordic partners").as_deref(),
        Some("Norway and its Nordic partners")
    );
    // not a party: "the farm and its workers" names no speaker of the plan
    assert_ne!(
        name("the farm and its workers").as_deref(),
        Some("the farm and its workers")
    );
}

#[test]
fn a_country_after_the_article_speaks_under_its_short_name() {
    assert_eq!(name("The US").as_deref(), Some("US"));
    assert_eq!(name("the U.K.").as_deref(), Some("UK"));
    assert_eq!(name("The Hague").as_deref(), Some("The Hague"));
    assert_eq!(name("the us"), None, "a lowercase word is no place name");
}

#[test]
fn the_first_of_two_agents_joined_by_and_is_the_source() {
    assert_eq!(
        name("reports by Axios and verified by the BBC").as_deref(),
        Some("Axios")
    );
}

#[test]
fn a_body_s_proper_name_with_of_is_that_body() {
    assert_eq!(
        name("The Ministry of External Affairs").as_deref(),
        Some("Ministry of External Affairs")
    );
    assert_eq!(
        name("Norway's Ministry of Defence").as_deref(),
        Some("Ministry of Defence")
    );
    assert_eq!(
        name("the Federal Department of Foreign Affairs").as_deref(),
        Some("Federal Department of Foreign Affairs")
    );
    // a title with "of" before a name is the person's
    assert_eq!(
        name("Minister of Defence Jan Novak").as_deref(),
        Some("Jan Novak")
    );
}
