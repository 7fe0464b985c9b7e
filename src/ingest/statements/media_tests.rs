//! One invented sentence per rule on media and unnamed sources, through the whole extractor.

use super::tests::{names, speakers, texts};

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

#[test]
fn the_officials_and_two_of_them_are_the_group_as_first_described() {
    let got = names(
        "Four officials briefed on the plan said the amnesty clause would stay. The officials said the army cap was still open. Two of the officials said the NATO clause of the plan was settled.",
    );
    assert_eq!(got, vec!["Four officials briefed on the plan"; 3]);
}

#[test]
fn the_people_and_a_medium_s_sources_are_the_group_the_report_cited() {
    let got = names(
        "Kyiv would keep its army at 800,000 under the plan, the Guardian reported, citing two people who read the text.\n\nThe people said the amnesty clause of the plan had been dropped. According to the newspaper's sources, the NATO clause of the plan stays.",
    );
    assert_eq!(
        got[1..],
        [
            "two people who read the text",
            "two people who read the text"
        ]
    );
}

#[test]
fn a_medium_in_parentheses_over_a_list_cites_every_item_to_it() {
    let plain = "A draft of the plan has been published (Politico):\n— Crimea is recognised as Russian.\n— The army of Ukraine is capped at 600,000.";
    assert_eq!(names(plain), vec!["Politico"; 2]);
    // over themed sections, from the lead above their headings
    let themed = "A draft of the plan has been published (Politico):\nTerritory\n— Crimea is recognised as Russian.\nArmy\n— The army of Ukraine is capped at 600,000.";
    assert_eq!(names(themed), vec!["Politico"; 2]);
}

#[test]
fn reporting_by_two_media_is_a_report_of_each() {
    let got = names(
        "According to reports by Reuters and The Guardian, the plan would cap the army of Ukraine at 600,000.",
    );
    assert_eq!(got, vec!["Reuters", "The Guardian"]);
    let got = names(
        "According to reporting by Politico, the amnesty clause of the plan was dropped in Geneva.",
    );
    assert_eq!(got, vec!["Politico"]);
}

#[test]
fn a_medium_s_report_is_the_medium_and_its_source_takes_no_side_from_it() {
    let got =
        names("The Politico report claims the plan would cap the army of Ukraine at 600,000.");
    assert_eq!(got, vec!["Politico"]);
    let got = names("A Politico source said the amnesty clause of the plan was dropped.");
    assert_eq!(got, vec!["unnamed source"]);
}

#[test]
fn an_impersonal_passive_report_is_the_article_s_and_no_verb_inside_takes_it() {
    let got = speakers(
        "It has also been reported that the plan caps the army of Ukraine, which Moscow has long demanded.",
    );
    assert_eq!(got, vec![(None, "Report".to_string())]);
}

#[test]
fn the_reports_and_reportedly_are_the_media_that_just_reported() {
    let got = names(
        "Politico reported on Monday that a new draft of the plan exists.\n\nAccording to the reports, the plan would cap the army of Ukraine. The plan reportedly also drops the amnesty clause.",
    );
    // (the first sentence is Politico's report on the plan as a whole, "on Monday" and all)
    assert_eq!(got, vec!["Politico"; 3]);
    // "several reports" do not refer back to it
    let got = names(
        "Politico reported that the plan caps the army of Ukraine at 600,000.\n\nSeveral reports claimed that the plan drops the amnesty clause.",
    );
    assert_eq!(got, vec!["Politico", "media reports"]);
    // with no medium just before, the article's own account
    let got = speakers("The plan reportedly also drops the amnesty clause.");
    assert_eq!(got, vec![(None, "Report".to_string())]);
}

#[test]
fn a_medium_with_its_description_after_it_is_the_medium() {
    let got = names(
        "The Politico news website reported that the line of contact would be frozen under the plan.",
    );
    assert_eq!(got, vec!["Politico"]);
    let got = names(
        "Envoys agreed on most of the plan in Geneva, the RBC-Ukraine news agency reported, citing two diplomats.",
    );
    assert_eq!(got, vec!["RBC-Ukraine"]);
}

#[test]
fn a_source_line_under_the_lead_makes_the_lead_the_medium_s_report() {
    let got = speakers(
        "Washington is weighing a monitoring council for the plan, chaired by the US president.\n\nSource: Politico, citing three people familiar with the plans\n\nOne of the sources said the council of the plan would also oversee sanctions.",
    );
    assert_eq!(
        got,
        vec![
            (Some("Politico".to_string()), "Report".to_string()),
            (
                Some("three people familiar with the plans".to_string()),
                "Paraphrase".to_string()
            ),
        ]
    );
}

#[test]
fn a_document_whose_copy_a_medium_saw_is_the_medium_s_report() {
    let got = names(
        "The revised draft, a copy of which was obtained by Politico, raises the army cap of the plan to 800,000.",
    );
    assert_eq!(got, vec!["Politico"]);
}

#[test]
fn a_medium_quoting_someone_as_saying_gives_the_words_to_the_one_quoted() {
    let got = names(
        "Politico quoted an unnamed senior Polish official as saying that the NATO clause of the plan was unacceptable.",
    );
    assert_eq!(got, vec!["unnamed Polish official"]);
}

#[test]
fn multiple_reports_are_media_reports_and_two_media_report_each() {
    let got =
        names("The plan would cap the army of Ukraine at 600,000, according to multiple reports.");
    assert_eq!(got, vec!["media reports"]);
    let got = names(
        "Politico and the Guardian reported that the plan caps the army of Ukraine at 600,000.",
    );
    assert_eq!(got, vec!["Politico", "The Guardian"]);
}

#[test]
fn according_to_reports_by_three_media_is_a_report_of_each() {
    let got = names(
        "The plan, according to reports by Axios, Politico and the Guardian, caps the army of Ukraine at 600,000.",
    );
    assert_eq!(got, vec!["Axios", "Politico", "The Guardian"]);
    // a comma that opens no list of media keeps the first
    let got = names(
        "According to Politico, the outlet's editors, the plan caps the army of Ukraine at 600,000.",
    );
    assert_eq!(got, vec!["Politico"]);
}

#[test]
fn confirmed_to_a_medium_by_sources_is_the_sources_statement() {
    let got = names(
        "The new plan keeps Donbas in Ukrainian hands. This was confirmed to Politico by three Western officials familiar with the plan.",
    );
    assert_eq!(
        got.last().map(String::as_str),
        Some("three Western officials")
    );
}

#[test]
fn a_quote_inside_a_speaker_s_clause_stays_the_speaker_s_when_a_medium_relays_it() {
    let got = names(
        "Envoy Maren Holt said the peace plan \"must keep the army of Ukraine whole,\" Ukrinform reports, citing Reuters.",
    );
    assert_eq!(got, vec!["Maren Holt"]);
    // with no speaker before the quote the medium stays its source
    let got = names(
        "The peace plan \"must keep the army of Ukraine whole,\" Ukrinform reports, citing Reuters.",
    );
    assert_eq!(got, vec!["Ukrinform"]);
}

#[test]
fn a_participle_set_off_by_commas_only_tells_which_plan_is_meant() {
    // the claim after the participle is the article's own account
    for text in [
        "The Trump administration's peace plan, reported by Politico on Monday, would cap the army of Ukraine at 600,000.",
        "The draft peace plan, first reported on Friday by Politico, would shrink the army of Ukraine to 600,000.",
    ] {
        assert_eq!(speakers(text), vec![(None, "Report".to_string())], "{text}");
    }
    // a participle that closes the sentence, or "as reported by", still cites the medium
    for text in [
        "The plan would cap the army of Ukraine at 600,000, reported by Politico.",
        "The plan, as reported by Politico, would cap the army of Ukraine at 600,000.",
    ] {
        assert_eq!(
            speakers(text),
            vec![(Some("Politico".to_string()), "Report".to_string())],
            "{text}"
        );
    }
}

#[test]
fn a_speaker_who_says_inside_a_relayed_sentence_is_its_source() {
    // a medium relays an official's words: the official is the innermost source
    assert_eq!(
        names("A Norwegian official confirmed that the peace plan caps the army, NRK reports."),
        vec!["unnamed Norwegian official"]
    );
    // sources relay a named envoy's briefing
    assert_eq!(
        names(
            "Envoy Maren Holt briefed the ambassadors on Monday that the peace plan was final, said the people who attended."
        ),
        vec!["Maren Holt"]
    );
    // with no "that": the speaker and verb right after the medium's verb
    assert_eq!(
        names(
            "ANSA reports Prime Minister Giorgia Meloni said the advisers would meet in Rome to work on the security guarantees of the peace plan."
        ),
        vec!["Giorgia Meloni"]
    );
    // an event under the relay stays the medium's report
    assert_eq!(
        names("Negotiators agreed on the NATO clause of the peace plan, Interfax reported."),
        vec!["Interfax"]
    );
    // "briefed on" describes the officials; it is no cue
    assert_eq!(
        names("Two officials briefed on the talks told Reuters that the peace plan was final."),
        vec!["Two officials briefed on the talks"]
    );
}

#[test]
fn as_noted_by_after_a_comma_names_the_source_unless_a_speaker_is_inside() {
    assert_eq!(
        names("The peace plan reads like a wish list, as noted by Norwegian senators who read it."),
        vec!["Norwegian senators"]
    );
    assert_eq!(
        names("The peace plan is not final, envoy Maren Holt said, as reported by NRK."),
        vec!["Maren Holt"]
    );
}

#[test]
fn as_a_speaker_said_after_the_claim_gives_it_that_speaker_even_inside_a_relay() {
    // "as X said" with an adjunct after the verb, at the end of the sentence
    let got = names(
        "The question of land is the hardest point of the peace plan, as Taras Hlib said on Monday at a briefing.",
    );
    assert_eq!(got, vec!["Taras Hlib"]);
    // a medium closing the sentence only passes on what the speaker said
    let got = names(
        "Moscow still asks for all of Donbas under the peace plan, as Taras Hlib noted in an interview, Ukrinform reports.",
    );
    assert_eq!(got, vec!["Taras Hlib"]);
    // the object left out: the position is the speaker's
    let got = names("Kyiv would leave Donbas under the peace plan, as Moscow demanded.");
    assert_eq!(got, vec!["Moscow"]);
    // a verb of a position with an object gives a cause, and the closing medium keeps it
    let got = names(
        "Washington looks for another word than withdrawal in the peace plan, as Kyiv opposes it, Interfax reported.",
    );
    assert_eq!(got, vec!["Interfax"]);
}

#[test]
fn as_with_a_passive_verb_and_no_speaker_is_no_cue() {
    // "as is stressed": no word between "as" and the verb names a speaker (this sliced the
    // sentence backwards and panicked)
    let got = texts(
        "The two leaders \"agreed on the steps toward a lasting peace under the plan,\" as is stressed in the joint statement.",
    );
    assert!(got.iter().all(|(n, _)| n.is_none()), "{got:?}");
}

#[test]
fn reporting_with_an_adjective_is_the_media_at_large() {
    let got = speakers(
        "Envoys met in Geneva on Sunday.\n\n\
         Western reporting suggests that Kyiv would cede territory before it receives any guarantees.",
    );
    assert_eq!(
        got,
        vec![(Some("Western reporting".to_string()), "Report".to_string())]
    );
}

#[test]
fn reports_of_an_earlier_time_with_no_medium_are_the_media_at_large() {
    let got = names(
        "Previous reports in the press suggested that the 28-point draft would cap the army at 600,000.",
    );
    assert_eq!(got, vec!["media reports"]);
}

#[test]
fn reportedly_after_the_media_at_large_is_theirs_too() {
    let got = names(
        "Media reports suggested that the 28-point draft would freeze the front line in Kherson.\n\n\
         The draft also reportedly caps the army of Ukraine at 600,000.",
    );
    assert_eq!(got, vec!["media reports", "media reports"]);
}

#[test]
fn according_to_a_text_a_medium_saw_is_that_medium_s_report() {
    let got = names(
        "According to the draft, obtained by Axios, Kyiv would have to hand over the rest of Donbas.",
    );
    assert_eq!(got, vec!["Axios"]);
    // an agent that is no medium leaves the text the article's account
    let got = speakers(
        "According to the draft, signed by both delegations, Kyiv would have to hand over the rest of Donbas.",
    );
    assert_eq!(got, vec![(None, "Report".to_string())]);
}

#[test]
fn what_became_known_from_a_medium_is_its_report() {
    let got = names(
        "From the Politico publication, it became known that the 28-point draft caps the army at 600,000.",
    );
    assert_eq!(got, vec!["Politico"]);
    let got = names("As it became known to Axios, the 28-point draft caps the army at 600,000.");
    assert_eq!(got, vec!["Axios"]);
}

#[test]
fn a_clause_on_the_plan_before_according_to_a_medium_is_the_medium_s_report() {
    let got = crate::ingest::test_support::extract(
        "Envoys met in Geneva on Sunday.\n\n\
         The president saw his advisers on Friday about the plan, which includes a cap of \
         600,000 on the army of Ukraine, according to reports.\n",
    );
    assert!(got.iter().all(|s| !s.text.trim().is_empty()), "{got:#?}");
    assert!(
        got.iter().any(|s| s
            .speaker
            .as_ref()
            .is_some_and(|p| p.name == "media reports")
            && s.text.starts_with("which includes")),
        "{got:#?}"
    );
}

#[test]
fn a_document_as_obtained_by_a_medium_without_commas_is_the_medium_s_report() {
    let got = crate::ingest::statements::tests::names(
        "Washington circulated a 28-point peace plan on Thursday.\n\n\
         The first text as obtained by outlets like Axios held terms that would make Kyiv \
         hand over the Donbas.",
    );
    assert_eq!(got, ["Axios"]);
}

#[test]
fn based_on_a_source_opening_the_sentence_cites_it() {
    let got =
        speakers("Based on media reports, the peace plan would cap Ukraine's army at 600,000.");
    assert_eq!(
        got,
        vec![(Some("media reports".to_string()), "Report".to_string())]
    );
    // "a deal based on the plan" cites nobody
    let got = names("Both sides want a deal based on the peace plan, which would cap the army.");
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn a_document_a_medium_saw_as_the_subject_of_any_verb_is_its_report() {
    let got = speakers(
        "A later copy of the European text obtained by Reuters eased the cap on Ukraine's army.",
    );
    assert_eq!(
        got,
        vec![(Some("Reuters".to_string()), "Report".to_string())]
    );
    let got = names("The text seen by the Financial Times would also lift sanctions on Russia.");
    assert_eq!(got, vec!["Financial Times"]);
    // a person who read the text is no medium: the sentence stays the article's account
    let got = names("A draft of the plan read by Senator Tom Reyes caps the army at 600,000.");
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn the_media_outlet_is_the_medium_named_before_and_a_news_agency_is_not() {
    let got = names(
        "The plan now has 19 points, Reuters reported. The media outlet noted that the plan still caps the army.",
    );
    assert_eq!(got, vec!["Reuters", "Reuters"]);
    let got = names(
        "The plan now has 19 points, Reuters reported. A news agency noted that the plan still caps the army.",
    );
    assert_ne!(got.last().map(String::as_str), Some("Reuters"));
}

#[test]
fn a_medium_recalling_that_leaders_voiced_concern_relays_the_leaders() {
    let got = names(
        "Reuters recalled that before the summit, Nordic leaders voiced concern about the sanctions clause of the plan.",
    );
    assert_eq!(got, vec!["Nordic leaders"]);
}

#[test]
fn a_speaker_after_said_keeps_the_words_a_medium_passes_on() {
    let got = names(
        "The plan still needs a great deal of work, said Chancellor Anna Berg of Norway, NRK reports.",
    );
    assert_eq!(got, vec!["Anna Berg"]);
}
