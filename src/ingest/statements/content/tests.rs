//! The plan's content in the article's own voice, in sentences written for these tests.

use crate::catalog::Catalog;
use crate::ingest::{Extractor, Kind, Statement};

fn extract(body: &str) -> Vec<Statement> {
    let Ok(catalog) = Catalog::bundled() else {
        panic!("seeds parse")
    };
    let Ok(x) = Extractor::new(&catalog) else {
        panic!("rules compile")
    };
    let text = format!("Talks resume in Geneva\nNov 28, 2025\n\n{body}");
    x.extract(&x.parse("t.txt", &text))
}

fn report<'a>(out: &'a [Statement], words: &str) -> Option<&'a Statement> {
    out.iter()
        .find(|s| s.text.contains(words) && s.speaker.is_none() && s.kind == Kind::Report)
}

fn points(s: Option<&Statement>) -> Vec<u8> {
    s.map(|s| s.provisions.iter().map(|p| p.number).collect())
        .unwrap_or_default()
}

#[test]
fn a_country_as_subject_after_the_plan_is_named_tells_its_content() {
    let out = extract(
        "The plan reached Kyiv on Thursday. Specifically, Kyiv would have to quit the Donbas.",
    );
    assert_eq!(points(report(&out, "quit the Donbas")), [21], "{out:#?}");
}

#[test]
fn a_partys_own_position_is_not_the_plans_content() {
    let out =
        extract("The plan reached Kyiv on Thursday. Kyiv would never accept losing the Donbas.");
    assert!(report(&out, "never accept").is_none(), "{out:#?}");
}

#[test]
fn headings_between_the_lead_and_the_content_do_not_break_it() {
    let out = extract(
        "Here is what the leaked draft says.\n\nTerritory\nLuhansk would be recognised as de facto Russian.\n\nArmy\nUkraine's army would be limited to 600,000.",
    );
    assert_eq!(points(report(&out, "de facto Russian")), [21], "{out:#?}");
    assert_eq!(points(report(&out, "600,000")), [6], "{out:#?}");
}

#[test]
fn a_speech_verb_under_a_modal_is_the_plans_content() {
    let out = extract(
        "Under the plan, elections follow within 100 days. NATO would agree not to station troops in Ukraine.",
    );
    assert_eq!(points(report(&out, "station troops")), [8], "{out:#?}");
}

#[test]
fn a_document_with_an_auxiliary_is_a_report() {
    let out = extract("That first draft had barred NATO membership for Ukraine.");
    assert_eq!(points(report(&out, "barred NATO")), [7], "{out:#?}");
}

#[test]
fn a_document_acted_on_says_nothing() {
    let out = extract("The European proposals were handed to envoys in Geneva on Sunday.");
    assert!(out.is_empty(), "{out:#?}");
}

#[test]
fn it_after_the_points_are_named_is_the_document() {
    let out = extract(
        "Go through the 28 points and one thing stands out. The section on security is thin. It promises reliable guarantees and little else.",
    );
    assert_eq!(points(report(&out, "It promises")), [5], "{out:#?}");
}

#[test]
fn a_document_bars_what_it_forbids() {
    let out = extract("The new draft bars Kyiv from joining NATO for good.");
    assert_eq!(points(report(&out, "joining NATO")), [7], "{out:#?}");
}

#[test]
fn a_counter_proposal_is_a_document() {
    let out = extract("The counter-proposal says Kyiv would keep an army of 800,000.");
    assert_eq!(points(report(&out, "800,000")), [6], "{out:#?}");
}

#[test]
fn a_fronted_topic_does_not_hide_the_document() {
    let out =
        extract("On money, the counter-proposal says frozen Russian assets would stay frozen.");
    assert_eq!(points(report(&out, "stay frozen")), [14], "{out:#?}");
}

#[test]
fn a_part_of_the_plan_after_a_copula_tells_its_content() {
    let out = extract(
        "The plan reached Kyiv on Thursday. At the core of the text is a demand that Kyiv pull its troops out of the Donbas.",
    );
    assert_eq!(points(report(&out, "pull its troops")), [21], "{out:#?}");
}

#[test]
fn a_short_quote_of_the_plans_words_stays_in_its_content() {
    let out = extract(
        "The draft reached Kyiv on Thursday. Half of the frozen Russian assets would go to a \"joint fund for the rebuilding of the country\" run by Washington.",
    );
    assert_eq!(points(report(&out, "joint fund")), [14], "{out:#?}");
}

#[test]
fn a_long_fronted_phrase_before_the_modal_is_still_content() {
    let out = extract(
        "As one of the many terms of the leaked twenty-eight point proposal circulated in November, the Ukrainian army would shrink to 600,000.",
    );
    assert_eq!(points(report(&out, "shrink to 600,000")), [6], "{out:#?}");
}

#[test]
fn it_after_a_list_of_the_plans_terms_is_the_document() {
    let out = extract(
        "The first draft was criticised for these terms:\n\n- It capped the army at 600,000;\n\n- It barred NATO membership;\n\n- It froze the front in Kherson;\n\n- It restarted the nuclear plant under the IAEA.\n\nIt also gave the whole of the Donbas to Russia.",
    );
    assert_eq!(
        points(report(&out, "whole of the Donbas")),
        [21],
        "{out:#?}"
    );
}

#[test]
fn a_noun_like_a_speech_verb_right_before_the_modal_is_the_subject() {
    let out = extract(
        "The counter-proposal reached Kyiv. Territorial questions would be settled from the line of contact.",
    );
    assert_eq!(
        points(report(&out, "Territorial questions")),
        [21],
        "{out:#?}"
    );
}

#[test]
fn the_authors_aside_after_a_speakers_words_is_the_articles_report() {
    let out = extract(
        "Ministers met with the US plan on the table. Olga Brandt, the alliance's deputy chief, told reporters that \"outsiders do not write our rules\", a swipe at the draft's demand that NATO bar Ukraine forever.",
    );
    let aside = report(&out, "a swipe at");
    assert_eq!(points(aside), [7], "{out:#?}");
    assert!(
        out.iter()
            .any(|s| s.speaker.is_some() && !s.text.contains("swipe")),
        "{out:#?}"
    );
}

#[test]
fn this_would_takes_up_the_points_of_the_sentence_before() {
    let out = extract(
        "The plan was revealed this week. Half of the frozen Russian assets would go to a US-led fund. This would let Washington profit from money seized from Moscow.",
    );
    assert_eq!(points(report(&out, "This would let")), [14], "{out:#?}");
}

#[test]
fn a_bare_will_right_under_the_plans_name_is_its_content() {
    let out = extract(
        "Under the revised plan, Kyiv keeps its path to the EU.\n\nEuropean jets will be based in Poland.",
    );
    assert_eq!(points(report(&out, "based in Poland")), [9], "{out:#?}");
}

#[test]
fn a_bare_will_with_a_date_is_an_event_to_come() {
    let out = extract(
        "Under the revised plan, Kyiv keeps its path to the EU.\n\nNATO ministers will discuss fighter jets in Poland on Tuesday.",
    );
    assert!(report(&out, "on Tuesday").is_none(), "{out:#?}");
}

#[test]
fn a_cue_in_a_relative_clause_leaves_the_main_clause_to_the_plan() {
    let out = extract(
        "Russia would be welcomed back into the G8 under the plan, which Canadian officials said was only a first draft.",
    );
    assert_eq!(points(report(&out, "welcomed back")), [13], "{out:#?}");
    assert!(
        out.iter()
            .any(|s| s.speaker.is_some() && s.text.starts_with("which")),
        "{out:#?}"
    );
}

#[test]
fn a_present_tense_pledge_under_the_plan_is_its_content() {
    let out = extract(
        "Under the draft plan, Ukraine pledges to hold elections in 100 days.\n\nThe leaked plan has 28 points. In it, Ukraine pledges never to seek NATO membership.",
    );
    assert_eq!(points(report(&out, "hold elections")), [25], "{out:#?}");
    assert_eq!(points(report(&out, "never to seek")), [7], "{out:#?}");
    let out =
        extract("Ukraine pledges to hold elections once the fighting stops, Zelensky told MPs.");
    assert!(report(&out, "hold elections").is_none(), "{out:#?}");
}

#[test]
fn a_speech_verb_after_a_modal_and_an_adverb_is_the_plans_content() {
    let out = extract(
        "Under the draft, Kyiv's army is capped. NATO will also agree to keep its troops out of Ukraine.",
    );
    let s = out.iter().find(|s| s.text.contains("also agree"));
    assert!(
        s.is_some_and(|s| s.speaker.is_none() && s.kind == Kind::Report),
        "{out:#?}"
    );
}

#[test]
fn a_document_with_an_adverb_before_its_verb_tells_its_content() {
    let out = extract(
        "The allies' own draft sensibly links the question of NATO to consensus among allies.",
    );
    assert_eq!(points(report(&out, "sensibly links")), [7], "{out:#?}");
}

#[test]
fn barring_ukraine_from_nato_is_point_seven() {
    let out = extract("That first draft had barred Ukraine from NATO for good.");
    assert_eq!(points(report(&out, "barred Ukraine")), [7], "{out:#?}");
}

#[test]
fn such_a_promise_takes_up_the_point_of_the_sentence_before() {
    let out = extract(
        "Minister Lena Tamm criticised the draft, under which Kyiv would renounce NATO membership for good. Such a promise, Tamm argued, would hand Moscow a veto.",
    );
    let s = out.iter().find(|s| s.text.contains("hand Moscow a veto"));
    assert_eq!(points(s), [7], "{out:#?}");
}

#[test]
fn an_appositive_with_a_speech_clause_splits_the_plans_content_from_the_speakers_verdict() {
    let out = extract(
        "The US draft wants a vote within 100 days of signing, a deadline European officials told reporters was unrealistic.",
    );
    assert_eq!(points(report(&out, "The US draft wants")), [25], "{out:#?}");
    let verdict = out.iter().find(|s| s.text.contains("was unrealistic"));
    assert_eq!(
        verdict
            .and_then(|s| s.speaker.as_ref())
            .map(|p| p.name.as_str()),
        Some("European officials"),
        "{out:#?}"
    );
    assert!(
        verdict.is_some_and(|s| !s.text.contains("The US draft")),
        "{out:#?}"
    );
}

#[test]
fn a_document_after_a_fronted_topic_with_a_colon_tells_its_content() {
    let out =
        extract("On money: the European text sends frozen Russian assets to Ukraine's rebuilding.");
    // Europe's text, not the article's account of the US plan
    let found = out.iter().find(|s| s.text.contains("European text sends"));
    assert_eq!(points(found), [14], "{out:#?}");
    assert_eq!(
        found
            .and_then(|s| s.speaker.as_ref())
            .map(|p| p.name.as_str()),
        Some("Europe")
    );
}

#[test]
fn the_united_states_as_a_party_is_no_speech_verb_before_the_modal() {
    let out = extract(
        "THE REVISED DRAFT\n\nThe United States, NATO and Europe would give Kyiv guarantees that mirror Article 5.",
    );
    assert_eq!(points(report(&out, "mirror Article 5")), [5], "{out:#?}");
}

#[test]
fn an_ordinal_after_the_documents_of_a_package_is_one_of_them() {
    let out = extract(
        "The proposal now comes as three documents. A second covers the rebuilding of Ukraine, and a third deals with the easing of sanctions.",
    );
    assert_eq!(
        points(report(&out, "A second covers")),
        [12, 13],
        "{out:#?}"
    );
}

#[test]
fn a_relative_clause_of_speech_is_about_what_its_main_clause_names() {
    let out = extract(
        "The package has two documents. A second sets out security guarantees for Ukraine, which the envoys said would go to the Senate.",
    );
    let s = out.iter().find(|s| s.text.contains("go to the Senate"));
    assert_eq!(points(s), [5], "{out:#?}");
    assert_eq!(points(report(&out, "A second sets out")), [5], "{out:#?}");
}

#[test]
fn a_speaker_inside_a_relative_clause_does_not_speak_the_main_clause() {
    let out = extract(
        "The draft plan was handed to Kyiv on Thursday.\n\nThe eastern town of Vostok, which Moscow says it annexed in 2022, would be frozen along the line of contact.",
    );
    assert_eq!(
        points(report(&out, "Vostok")),
        [21],
        "the plan's content, not Moscow speaking: {out:#?}"
    );
    assert!(out.iter().all(|s| s.speaker.is_none()), "{out:#?}");
}

#[test]
fn a_relative_clause_on_a_document_tells_its_content() {
    let out = extract(
        "Several capitals were uneasy about the first draft, which called for Ukraine to give up the Donbas.",
    );
    // (the capitals' unease is their view; the clause after it is the draft's content)
    assert_eq!(points(report(&out, "Donbas")), [21], "{out:#?}");
    let out = extract(
        "Washington has brokered a framework since the leak of the plan, which included a cap on Ukraine's army.",
    );
    assert_eq!(points(report(&out, "framework")), [6], "{out:#?}");
}

#[test]
fn a_bare_will_goes_on_from_the_plans_content_in_the_paragraph_before() {
    let out = extract(
        "The alliance should stay out of Ukraine for good, according to the text.\n\nIn return, Moscow would rejoin the \"world economy\" step by step.\n\nThe Donbas will be treated as Russian land.",
    );
    assert_eq!(points(report(&out, "treated as Russian")), [21], "{out:#?}");
    let out = extract(
        "In return, Moscow would rejoin the world economy under the plan.\n\nThe Commission will today table a loan backed by frozen assets.",
    );
    assert!(report(&out, "table a loan").is_none(), "{out:#?}");
}

#[test]
fn those_after_a_sentence_naming_the_plan_tell_its_content() {
    let out = extract(
        "Envoy Maren Holt praised the first draft of the plan for its main principles. Those included a cap on Ukraine's army and a ban on NATO membership.",
    );
    assert_eq!(points(report(&out, "Those included")), [6, 7], "{out:#?}");
}

#[test]
fn an_absolute_clause_on_the_plan_tells_its_content() {
    let out = extract(
        "Kyiv has asked for changes, with the 28-point plan requiring it to give up land and shrink its army.",
    );
    let s = report(&out, "requiring it");
    assert_eq!(points(s), [6, 21], "{out:#?}");
    assert!(
        s.is_some_and(|s| s.text.starts_with("the 28-point plan")),
        "{out:#?}"
    );
}

#[test]
fn there_was_a_section_in_the_plan_tells_its_content() {
    let out = extract("In the first draft there was a clause granting an amnesty to all sides.");
    assert_eq!(points(report(&out, "first draft")), [26], "{out:#?}");
}

#[test]
fn the_content_after_a_fronted_place_in_the_plan_is_its_content() {
    let out = extract(
        "At the heart of the draft lies an amnesty for all sides in the war, and a cap on the army.",
    );
    assert_eq!(
        points(report(&out, "heart of the draft")),
        [6, 26],
        "{out:#?}"
    );
}

#[test]
fn a_plural_document_subject_with_a_verb_of_its_content_is_a_report() {
    let out = extract(
        "The plan reached Kyiv on Thursday. These clauses oblige Kyiv to leave the Donbas and \
         shrink its army.",
    );
    assert_eq!(
        points(report(&out, "leave the Donbas")),
        [6, 21],
        "{out:#?}"
    );
    // the same shape with a noun that is not a document names no content
    let out = extract(
        "The plan reached Kyiv on Thursday. These farmers oblige Kyiv to leave the Donbas and \
         shrink its army.",
    );
    assert!(report(&out, "leave the Donbas").is_none(), "{out:#?}");
}

#[test]
fn an_obligation_to_accept_is_the_plans_content_not_a_position() {
    let out = extract(
        "The plan reached Kyiv on Thursday. Specifically, Kyiv would have to accept the loss of \
         the Donbas.",
    );
    assert_eq!(points(report(&out, "loss of the Donbas")), [21], "{out:#?}");
}

#[test]
fn a_passive_with_no_agent_near_the_plan_tells_its_content() {
    let out = extract(
        "The plan reached Kyiv on Thursday. If Moscow attacked again, a joint military response \
         and a return of all sanctions are proposed.",
    );
    assert!(
        report(&out, "joint military response").is_some(),
        "{out:#?}"
    );
    // with its agent it is somebody's proposal, not the plan's content in the article's voice
    let out = extract(
        "The plan reached Kyiv on Thursday. A return of all sanctions is proposed by Warsaw.",
    );
    assert!(report(&out, "proposed by Warsaw").is_none(), "{out:#?}");
}

#[test]
fn a_shared_term_written_out_in_full_names_the_point() {
    // the spelled-out name matches "accession to nato", a phrase of point 7, so the report is
    // kept
    let out = extract(
        "The draft reached Kyiv. The draft holds many of Moscow's demands, among them a ban on \
         Kyiv's accession to the North Atlantic Treaty Organization.",
    );
    assert_eq!(points(report(&out, "a ban on")), [7], "{out:#?}");
}

#[test]
fn an_outline_of_the_plan_in_the_future_tense_goes_on_from_line_to_line() {
    let out = crate::ingest::test_support::extract(
        "Main points of the new framework are below.\n\nArmy: Ukraine will keep a peacetime army of 800,000 troops.\n\nTerritory: The front line in Zaporizhzhia and Kherson will be frozen.",
    );
    let territory = out.iter().find(|s| s.text.contains("Kherson"));
    assert!(
        territory
            .is_some_and(|s| s.speaker.is_none() && s.provisions.iter().any(|p| p.number == 21)),
        "{out:#?}"
    );
}

#[test]
fn a_bare_will_after_a_speaker_s_reported_speech_goes_on_with_it() {
    let out = extract(
        "Envoy Maren Holt said the plan's points will be taken up in Oslo next month. Still, the question of the occupied territories will be settled only in direct talks.",
    );
    let last = out.iter().find(|s| s.text.starts_with("Still"));
    assert_eq!(
        last.and_then(|s| s.speaker.as_ref())
            .map(|p| p.name.as_str()),
        Some("Maren Holt"),
        "{out:#?}"
    );
    // a sentence that names the plan stays its account in the article's voice
    let out = extract(
        "Envoy Maren Holt said the plan's points will be taken up in Oslo next month. Under the plan, the occupied territories will be settled only in direct talks.",
    );
    assert!(report(&out, "Under the plan").is_some(), "{out:#?}");
}

#[test]
fn a_closing_cue_after_a_relative_clause_frames_the_whole_sentence() {
    let out = extract(
        "The third paper of the plan covers the rebuilding of the east, which Kyiv is costing with the World Bank, Envoy Maren Holt said.",
    );
    let holt: Vec<&str> = out
        .iter()
        .filter(|s| s.speaker.as_ref().is_some_and(|p| p.name == "Maren Holt"))
        .map(|s| s.text.as_str())
        .collect();
    assert!(
        holt.first()
            .is_some_and(|t| t.starts_with("The third paper")),
        "{out:#?}"
    );
    assert!(report(&out, "The third paper").is_none(), "{out:#?}");
}

#[test]
fn examples_after_such_as_of_what_a_named_plan_demands_are_its_content() {
    let out = extract(
        "The White House keeps urging Kyiv to sign a peace framework resting on Moscow's maximal terms, such as giving up all of the Donbas and shrinking the size of its army.",
    );
    let mut got = points(report(&out, "such as giving up"));
    got.sort_unstable();
    assert_eq!(got, [6, 21], "{out:#?}");
}

#[test]
fn examples_of_demands_with_no_plan_named_are_no_content() {
    let out =
        extract("Moscow keeps voicing its old wishes and terms, such as taking all of the Donbas.");
    assert!(report(&out, "such as taking").is_none(), "{out:#?}");
}

#[test]
fn the_plan_named_after_a_dash_opens_the_articles_own_aside() {
    let out = extract(
        "Prime Minister Mette Holm spoke in Brussels. She said Europe would never accept borders moved by force — the American plan would hand Donetsk and Crimea to Russia for good.",
    );
    assert_eq!(
        points(report(&out, "the American plan would hand")),
        [21],
        "{out:#?}"
    );
    let said = out.iter().find(|s| s.text.starts_with("She said"));
    assert!(
        said.is_some_and(|s| s.speaker.is_some() && !s.text.contains("Crimea")),
        "{out:#?}"
    );
}
