//! One invented sentence per attribution rule, through the whole extractor.

use crate::catalog::Catalog;
use crate::ingest::Extractor;

/// Every statement extracted from `body` under a title about the plan.
fn extracted(body: &str) -> Vec<crate::ingest::Statement> {
    let c = Catalog::bundled().expect("seeds parse");
    let x = Extractor::new(&c).expect("rules compile");
    let a = x.parse("t.txt", &format!("The peace plan\n\n{body}\n"));
    x.extract(&a)
}

/// (speaker, kind) of every statement extracted from `body` under a title about the plan.
pub(crate) fn speakers(body: &str) -> Vec<(Option<String>, String)> {
    extracted(body)
        .into_iter()
        .map(|s| (s.speaker.map(|p| p.name), format!("{:?}", s.kind)))
        .collect()
}

/// The speakers' names and texts of the statements of `body`.
pub(crate) fn texts(body: &str) -> Vec<(Option<String>, String)> {
    extracted(body)
        .into_iter()
        .map(|s| (s.speaker.map(|p| p.name), s.text))
        .collect()
}

/// The speakers' names of [`speakers`], the article's own voice left out.
pub(crate) fn names(body: &str) -> Vec<String> {
    speakers(body).into_iter().filter_map(|(n, _)| n).collect()
}

#[test]
fn a_medium_closing_the_sentence_speaks_for_all_of_it() {
    let got =
        speakers("Envoys agreed on the wording of the NATO clause of the plan, Interfax reported.");
    assert_eq!(
        got,
        vec![(Some("Interfax".to_string()), "Report".to_string())]
    );
}

#[test]
fn a_copy_obtained_by_a_medium_makes_the_medium_the_source() {
    let got = names(
        "Kyiv would have to shrink its army to 600,000 under the plan, according to a copy obtained by Bloomberg.",
    );
    assert_eq!(got, vec!["Bloomberg"]);
}

#[test]
fn a_verb_inside_an_appositive_does_not_capture_the_sentence() {
    let got = names(
        "The communique, released by the Dutch government, said the security guarantees of the plan were too vague.",
    );
    assert_eq!(got, vec!["Dutch government"]);
}

#[test]
fn officials_with_a_relative_clause_keep_their_country_and_number() {
    let got = names(
        "Latvian officials who have seen the draft warned that the NATO clause of the plan leaves the Baltics exposed.",
    );
    assert_eq!(got, vec!["Latvian officials"]);
}

#[test]
fn a_capital_right_before_its_verb_speaks_and_a_pair_speaks_twice() {
    assert_eq!(
        names("Helsinki maintains that the sanctions relief in the plan comes far too early."),
        vec!["Helsinki"]
    );
    assert_eq!(
        names("Riga and Vilnius announced that they reject the territorial clauses of the plan."),
        vec!["Riga", "Vilnius"]
    );
}

#[test]
fn a_country_after_a_modal_is_the_content_not_a_speaker() {
    let got = names("Under the plan, Ukraine would agree to cap its army at 600,000 troops.");
    assert!(!got.contains(&"Ukraine".to_string()), "{got:?}");
}

#[test]
fn a_joint_statement_of_two_leaders_is_one_per_leader() {
    let got = names(
        "Trump and Macron said the frozen assets should pay for reconstruction under the plan.",
    );
    assert_eq!(got, vec!["Donald Trump", "Emmanuel Macron"]);
}

#[test]
fn a_speech_verb_with_an_object_or_after_a_possessive_is_no_cue() {
    let got =
        names("The European Commission would add $50bn to the reconstruction fund of the plan.");
    assert!(!got.contains(&"European Commission".to_string()), "{got:?}");
    let got = names(
        "Moscow's demands are all in the plan's territorial clause, the envoy of Finland noted.",
    );
    assert!(!got.iter().any(|n| n.contains("Moscow")), "{got:?}");
}

#[test]
fn a_surname_alone_resolves_to_a_person_named_earlier_without_a_speech_verb() {
    let got = names(
        "Former committee chair Tom Reyes met envoys in Geneva on Monday.\n\nReyes argued that the NATO clause of the plan would leave Kyiv without allies.",
    );
    assert_eq!(got, vec!["Tom Reyes"]);
}

#[test]
fn a_pronoun_prefers_the_subject_of_its_paragraph_over_the_last_quoted_speaker() {
    let got = names(
        "Putin said the plan was \"a basis for a settlement of the whole conflict\".\n\nKremlin aide Lev Orlov later spoke to reporters in Moscow. He said the territorial clause of the plan was not negotiable.",
    );
    assert_eq!(got, vec!["Vladimir Putin", "Lev Orlov"]);
}

#[test]
fn a_role_noun_resolves_to_the_person_with_that_title() {
    let got = names(
        "Senate committee chair Tom Reyes met envoys in Geneva.\n\nThe chair said the amnesty clause of the plan was unfair.",
    );
    assert_eq!(got, vec!["Tom Reyes"]);
}

#[test]
fn the_report_is_the_medium_named_before_and_reports_alone_are_media_reports() {
    let got = names(
        "Bloomberg News reported on Tuesday that a new draft of the plan exists.\n\nA board led by Trump would oversee the plan, the report said.",
    );
    assert_eq!(got.last().map(String::as_str), Some("Bloomberg"));
    let got = names("Those reports state that the plan would cap the army of Ukraine.");
    assert_eq!(got, vec!["media reports"]);
}

#[test]
fn a_medium_citing_sources_in_a_passive_is_the_medium() {
    let got = names(
        "The draft of the plan was written in Moscow. This was reported by the agency Reuters citing two people who know the matter.",
    );
    assert_eq!(got.last().map(String::as_str), Some("Reuters"));
}

#[test]
fn a_person_inside_the_sentence_keeps_it_when_a_medium_closes_it() {
    let got = names(
        "Maria Zakharova wrote on Telegram that the report on the plan was false, Caliber.Az reports.",
    );
    assert_eq!(got, vec!["Maria Zakharova"]);
}

#[test]
fn the_diplomat_is_the_unnamed_diplomat_introduced_earlier_or_else_the_person_who_spoke() {
    let got = names(
        "Our reporter asked a senior Dutch diplomat whether the plan had reached The Hague.\n\n\"Not that anyone has told us about the plan,\" the diplomat said.",
    );
    assert_eq!(got, vec!["unnamed Dutch diplomat"]);
    let got = names(
        "\"The European text of the plan is a provocation,\" Zakharova said.\n\n\"Troops of any flag on Ukrainian soil under the plan would be a target,\" the diplomat stressed.",
    );
    assert_eq!(got, vec!["Maria Zakharova", "Maria Zakharova"]);
}

#[test]
fn a_participle_cue_speaks_for_the_subject_and_quote_paragraphs_after_it_keep_that_speaker() {
    let got = speakers(
        "President Zelensky addressed the nation on Friday after receiving the plan, saying Ukraine would study the draft calmly.\n\n\"This is one of the hardest moments for the country. The pressure on us over the plan is heavy.\n\n\"We will bring our own ideas to the talks on the plan and defend our interests.\"",
    );
    let names: Vec<_> = got.iter().filter_map(|(n, _)| n.as_deref()).collect();
    assert_eq!(names, vec!["Volodymyr Zelenskyy"; 3]);
}

#[test]
fn a_dateline_in_capitals_is_no_speaker_of_a_participle_cue() {
    let got = names(
        "GENEVA — EU foreign ministers meeting on Thursday rejected parts of the US plan, insisting that no deal could be imposed on Kyiv.",
    );
    assert_eq!(got, vec!["EU foreign ministers"]);
}

#[test]
fn a_journalist_who_only_asks_in_a_transcript_is_no_speaker() {
    let got = names(
        "Anna Volkova: Good evening, Radio Five. Is the plan a basis for talks?\n\nVladimir Putin: The plan can be a basis for the talks on a settlement.\n\nAnna Volkova: And the army limit in the plan?\n\nVladimir Putin: The army limit in the plan is not the main thing for us.",
    );
    assert!(!got.iter().any(|n| n.contains("Volkova")), "{got:?}");
    assert!(got.iter().any(|n| n == "Vladimir Putin"), "{got:?}");
}

#[test]
fn a_definite_title_after_a_named_speaker_is_that_speaker() {
    let got = names(
        "The European plan does not suit Russia, Kremlin spokesman Dmitry Peskov told reporters.\n\n\"The European plan is not constructive at all,\" the Kremlin official said.",
    );
    assert_eq!(got, vec!["Dmitry Peskov", "Dmitry Peskov"]);
}

#[test]
fn a_label_before_a_colon_and_a_time_after_the_subject_are_not_the_speaker() {
    let got = names(
        "NEW DELHI: India on Thursday welcomed the peace plan and said it backs any settlement.",
    );
    assert_eq!(got, vec!["India"]);
}

#[test]
fn the_agency_is_the_medium_cited_last() {
    let got = names(
        "Bloomberg reports the guarantee in the plan, citing a draft it has seen. Ukrinform reports this, citing Bloomberg.\n\nAccording to the agency, the guarantee of the plan would last ten years.",
    );
    assert_eq!(got.last().map(String::as_str), Some("Bloomberg"));
}

#[test]
fn an_appositive_gives_an_unnamed_source_its_side_and_a_second_one_keeps_it() {
    let got = names(
        "One of the sources, a U.S. official who asked not to be named, said the plan was dead on arrival.\n\nA second official said the NATO section of the plan came from the Russian paper.",
    );
    assert_eq!(got, vec!["unnamed US official", "unnamed US official"]);
}

#[test]
fn in_someones_words_works_like_according_to() {
    let got = names(
        "Russian aide Yury Ushakov met the envoys.\n\nIn Ushakov's words, some of the US proposals in the plan were unacceptable.",
    );
    assert_eq!(got, vec!["Yuri Ushakov"]);
}

#[test]
fn the_leaders_after_people_named_together_are_that_group() {
    let got = names(
        "German Chancellor Friedrich Merz, French President Emmanuel Macron and British Prime Minister Keir Starmer called Zelensky on Friday.\n\nThe leaders said the line of contact should be the starting point of the plan's territorial clause.",
    );
    assert_eq!(got, vec!["Merz, Macron and Starmer"]);
}

#[test]
fn a_statement_from_an_office_is_the_office_speaking() {
    let got = names(
        "A statement from Merz's office said the plan must respect the sovereignty of Ukraine.",
    );
    assert_eq!(got, vec!["Merz's office"]);
}

#[test]
fn a_speaker_inside_a_relative_clause_right_before_the_verb_speaks() {
    let got = names(
        "Russia would return to the G8 under the plan, which Dutch officials said was only a working paper.",
    );
    assert_eq!(got, vec!["Dutch officials"]);
    let got = names(
        "The draft of the plan, which U.S. envoys worked on in Miami, also says Ukraine would stay out of NATO.",
    );
    assert!(!got.iter().any(|n| n.contains("envoys")), "{got:?}");
}

#[test]
fn plural_officials_then_one_official_of_the_same_side_continue_one_source() {
    let got = names(
        "The US offered Ukraine a guarantee modelled on NATO's Article 5 under the plan, US officials said.\n\nA senior US official told reporters that the guarantee would go to the Senate.",
    );
    assert_eq!(got, vec!["US officials", "unnamed US official"]);
}

#[test]
fn a_capital_with_an_adverbial_aside_before_its_verb_still_speaks() {
    let got = names(
        "Brussels, for its part, maintains that the path of Ukraine to the EU under the plan cannot be blocked.",
    );
    assert_eq!(got, vec!["Brussels"]);
    let got = names("Europe, he said, would never accept the territorial clause of the plan.");
    assert!(!got.contains(&"Europe".to_string()), "{got:?}");
}

#[test]
fn one_of_the_sources_is_the_group_of_sources_named_before() {
    let got = names(
        "Three sources close to the cabinet told the paper that Kyiv rejects the army cap of the plan.\n\n\"Kyiv will never accept the amnesty clause of the plan,\" one of the sources said.",
    );
    assert_eq!(
        got,
        vec![
            "Three sources close to the cabinet".to_string(),
            "Three sources close to the cabinet".to_string()
        ]
    );
}

#[test]
fn both_sides_are_the_two_countries_named_together_before() {
    let got = names(
        "Envoys of the United States and Ukraine met in Geneva on Sunday.\n\nBoth sides agreed that the plan must respect the sovereignty of Ukraine.",
    );
    assert_eq!(got, vec!["United States and Ukraine".to_string()]);
}

/// (speaker, kind, text, points) of every statement extracted from `body` under a title.
fn statements(title: &str, body: &str) -> Vec<(Option<String>, String, String, Vec<u8>)> {
    let c = Catalog::bundled().expect("seeds parse");
    let x = Extractor::new(&c).expect("rules compile");
    let a = x.parse("t.txt", &format!("{title}\n\n{body}\n"));
    x.extract(&a)
        .into_iter()
        .map(|s| {
            (
                s.speaker.map(|p| p.name),
                format!("{:?}", s.kind),
                s.text,
                s.provisions.iter().map(|p| p.number).collect(),
            )
        })
        .collect()
}

#[test]
fn an_answer_is_one_quote_about_what_its_question_named() {
    let got = statements(
        "Questions after the summit",
        "Reuters: Kyiv says the vote would be rigged. Would an amnesty help?\n\nVladimir Putin: Nobody will be punished. That was agreed long ago. We see no reason to change it.",
    );
    assert_eq!(
        got.len(),
        1,
        "the outlet's question is no statement: {got:?}"
    );
    let (speaker, kind, text, points) = &got[0];
    assert_eq!(speaker.as_deref(), Some("Vladimir Putin"));
    assert_eq!(kind, "Quote");
    assert!(
        text.starts_with("Nobody") && text.ends_with("change it."),
        "{text}"
    );
    assert!(
        points.contains(&26),
        "the amnesty of the question: {points:?}"
    );
}

#[test]
fn a_kicker_in_capitals_is_no_speaker_label() {
    let got = names(
        "KALLAS SETS TERMS: EU ministers meet today. Kaja Kallas told reporters that \"nobody decides on our enlargement but us\", a jab at the plan's EU clause.",
    );
    assert_eq!(got, vec!["Kaja Kallas"]);
}

#[test]
fn a_name_over_a_quoted_heading_owns_the_section_below() {
    let got = statements(
        "Analysts on the 28-point plan",
        "Kaja Kallas: \"The sanctions clause gives it all away\"\n\nLifting sanctions before any withdrawal rewards the aggressor. Europe would pay the bill.\n\nNotes",
    );
    let kallas: Vec<_> = got
        .iter()
        .filter(|s| s.0.as_deref() == Some("Kaja Kallas"))
        .map(|s| s.1.as_str())
        .collect();
    assert_eq!(kallas, ["Quote", "Paraphrase", "Paraphrase"], "{got:?}");
}

#[test]
fn a_lead_with_a_colon_owns_the_quote_paragraphs_after_it() {
    let got = statements(
        "Kyiv answers the peace plan",
        "Sybiha on the plan:\n\n\"Ukraine alone decides where its border runs. The land clause is unacceptable.\"\n\n\"We will send our own amendments to Washington this week.\"",
    );
    let sybiha = got
        .iter()
        .filter(|s| s.0.as_deref() == Some("Andrii Sybiha") && s.1 == "Quote")
        .count();
    assert_eq!(sybiha, 2, "{got:?}");
}

#[test]
fn a_straight_single_quote_with_apostrophes_is_a_quote() {
    let got = statements(
        "Envoys weigh the peace plan",
        "'It isn't a peace plan, it's a list of Moscow's demands,' Kaja Kallas said of the 28 points.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0.as_deref(), Some("Kaja Kallas"));
    assert_eq!(got[0].1, "Quote");
    assert_eq!(
        got[0].2,
        "It isn't a peace plan, it's a list of Moscow's demands"
    );
}

#[test]
fn a_quote_over_paragraphs_belongs_to_the_speaker_where_it_closes() {
    let got = statements(
        "Oslo and the peace plan",
        "Norway's position on the plan hardened on Tuesday.\n\n\"We have read every one of the 28 points and we cannot accept the army clause.\n\n\"The cap has to go before we talk of anything else,\" Kaja Kallas said.",
    );
    let kallas: Vec<_> = got
        .iter()
        .filter(|s| s.0.as_deref() == Some("Kaja Kallas") && s.1 == "Quote")
        .map(|s| s.2.as_str())
        .collect();
    assert_eq!(kallas.len(), 2, "{got:?}");
    assert!(kallas[0].starts_with("We have read"), "{kallas:?}");
}

#[test]
fn an_interview_printed_with_q_and_a_full_stops_is_a_transcript() {
    let got = statements(
        "Kaja Kallas on the peace plan",
        "Kaja Kallas spoke to us in Brussels.\n\nQ. Does the plan's army cap worry you?\n\nA. A cap on the victim and none on the aggressor is unacceptable to us.",
    );
    assert_eq!(
        got.len(),
        1,
        "the visit is an event, the answer a quote: {got:?}"
    );
    assert_eq!(got[0].0.as_deref(), Some("Kaja Kallas"));
    assert_eq!(got[0].1, "Quote");
    assert!(got[0].2.starts_with("A cap on the victim"), "{:?}", got[0]);
    assert!(
        got[0].3.contains(&6),
        "the cap of its question: {:?}",
        got[0]
    );
}

#[test]
fn a_quote_closed_by_is_quoted_belongs_to_the_name_before() {
    let got = statements(
        "The White House on the peace plan",
        "\"The president backs this plan. It is fair to both sides,\" Karoline Leavitt is quoted.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0.as_deref(), Some("Karoline Leavitt"));
    assert_eq!(got[0].1, "Quote");
}

#[test]
fn a_live_post_headline_in_single_marks_owns_no_section() {
    let got = statements(
        "Live: the peace plan",
        "Kallas: 'Who wrote this plan?'\n\nRadosław Sikorski said the army cap in the plan was a mistake.",
    );
    let sikorski = got
        .iter()
        .find(|s| s.2.contains("army cap"))
        .and_then(|s| s.0.clone());
    assert_eq!(sikorski.as_deref(), Some("Radosław Sikorski"), "{got:?}");
}

#[test]
fn a_short_answer_takes_the_points_of_its_question_only() {
    let got = statements(
        "Talks on the peace plan",
        "Q: Will Kyiv accept the cap on its army?\n\nIlse Ravn: We'll see.\n\nQ: Has the amnesty clause been discussed with the Kremlin?\n\nIlse Ravn: Not that I know of.\n\nThe plan would also freeze the front line.\n\nQ: Did you sleep on the flight?\n\nIlse Ravn: Not much.",
    );
    let points = |w: &str| got.iter().find(|s| s.2.starts_with(w)).map(|s| s.3.clone());
    assert_eq!(points("We'll see"), Some(vec![6]), "{got:?}");
    assert_eq!(points("Not that I know"), Some(vec![26]), "{got:?}");
    assert_eq!(
        points("Not much"),
        None,
        "the narrative before the question is not its topic: {got:?}"
    );
}

#[test]
fn a_light_verb_with_a_noun_of_attitude_is_a_cue() {
    assert_eq!(
        names(
            "At a briefing, Minister Anna Kolar expressed guarded optimism about the peace plan."
        ),
        vec!["Anna Kolar"]
    );
    // the light verb alone, with a noun that is no attitude, says nothing
    assert!(names("Anna Kolar expressed the documents of the peace plan to Geneva.").is_empty());
}

#[test]
fn a_live_pages_post_heading_and_a_photo_credit_are_no_statements() {
    let got = names(
        "3. Nordic leaders voice unease about the peace planpublished at 10:41 GMT\n\n\
         Leaders of Norway and Finland meet in OsloImage source, Jane Roe / Getty Images",
    );
    assert!(got.is_empty(), "{got:?}");
    // a caption that ends in its credit, whatever the verb in it
    for caption in [
        "Several terms of the peace plan are unacceptable, Prime Minister Jan Novak says Photo: Jan Novak (Getty Images)",
        "Anna Berg said the peace plan caps the army of Ukraine. Photo: Anna Berg / X",
        "Minister Anna Berg warned that the peace plan caps the army. AFP via Getty Images",
    ] {
        assert!(names(caption).is_empty(), "{caption}");
    }
    // the same sentence without the credit is a statement
    assert_eq!(
        names("Anna Berg said the peace plan caps the army of Ukraine."),
        vec!["Anna Berg"]
    );
}

#[test]
fn blasted_is_a_cue_and_a_participle_after_the_comma_opens_no_speaker() {
    // the one accused after the comma is no speaker: the subject of "blasted" is
    assert_eq!(
        names(
            "Prime Minister Jan Novak blasted the 28-point peace plan for Ukraine, accusing President Trump of haste and calling the talks rushed."
        ),
        vec!["Jan Novak"]
    );
}

#[test]
fn a_group_named_by_its_countries_keeps_the_whole_list_over_the_commas() {
    assert_eq!(
        names(
            "The foreign ministers of Greece, Portugal and Ireland said the peace plan needs more work."
        ),
        vec!["foreign ministers of Greece, Portugal and Ireland".to_string()]
    );
}

#[test]
fn the_latter_and_the_former_are_the_people_just_named() {
    assert_eq!(
        names(
            "Envoy Tom Reyes spoke with banker Lev Orlov on Monday.\n\nOn Tuesday Orlov met Reyes again. The latter said the peace plan was nearly ready. The former said the peace plan needed work."
        ),
        vec!["Tom Reyes".to_string(), "Lev Orlov".to_string()]
    );
}

#[test]
fn an_earlier_report_is_the_subject_not_an_adverbial() {
    let got = names(
        "Earlier media reports said that the first draft of the peace plan capped the army of Ukraine.",
    );
    assert!(
        got.len() == 1 && got[0].to_lowercase().ends_with("media reports"),
        "{got:?}"
    );
}

#[test]
fn a_verb_of_judgement_or_a_light_verb_of_hesitancy_is_a_cue() {
    assert_eq!(
        names("Envoy Maren Holt characterised the peace plan as a surrender of the Donbas."),
        vec!["Maren Holt"]
    );
    assert_eq!(
        names("Envoy Maren Holt considers the security guarantees of the plan empty."),
        vec!["Maren Holt"]
    );
    assert_eq!(
        names("Envoy Maren Holt expressed hesitancy about the army cap of the peace plan."),
        vec!["Maren Holt"]
    );
    // "gave" with a noun of attitude is a light verb; "gave a speech" is not
    assert_eq!(
        names("Envoy Maren Holt gave guarded backing to the army cap of the peace plan."),
        vec!["Maren Holt"]
    );
    assert!(
        names("Envoy Maren Holt gave a speech about the army cap of the peace plan.").is_empty()
    );
}

#[test]
fn a_speaker_who_acts_then_speaks_is_the_subject_of_both_verbs() {
    assert_eq!(
        names("Envoy Maren Holt set a deadline for Friday but said the peace plan was open."),
        vec!["Maren Holt"]
    );
    // an adverb such as "further" between the subject and its verb
    assert_eq!(
        names("Envoy Maren Holt further asserted that the army cap of the plan was too low."),
        vec!["Maren Holt"]
    );
    // not a modal, which makes the plan's content, nor a cue inside an infinitive
    assert!(
        names("Under the plan, Oslo would regain its seat on the council and called it a win.")
            .is_empty()
    );
}

#[test]
fn a_plural_noun_before_a_modal_is_no_speech_verb() {
    // "states" is a noun here, "says" between commas is a verb
    assert!(
        names(
            "The peace plan reached Kyiv. The United States, Norway, and other signatory states will provide Kyiv with security guarantees."
        )
        .is_empty()
    );
    assert_eq!(
        names("Kyiv, envoy Maren Holt says, will offer other terms for the peace plan."),
        vec!["Maren Holt"]
    );
}

#[test]
fn a_name_in_quotes_inside_the_subject_does_not_cut_it() {
    assert_eq!(
        names(
            "Lars Brekke, an analyst at the think tank \"Nordic Lens\", says that Oslo awaits the text of the peace plan."
        ),
        vec!["Lars Brekke"]
    );
}

#[test]
fn declining_to_comment_on_the_plan_is_a_statement_of_its_speaker() {
    assert_eq!(
        names("Dmitry Peskov declined to comment on the new draft of the peace plan."),
        vec!["Dmitry Peskov".to_string()]
    );
}

#[test]
fn restating_is_a_verb_of_speech() {
    assert_eq!(
        names("Envoy Maren Holt restated that the army cap of the peace plan was unacceptable."),
        vec!["Maren Holt".to_string()]
    );
}

#[test]
fn the_subject_of_a_subordinate_clause_speaks_in_it() {
    assert_eq!(
        names("It comes after Kyiv said it was ready to discuss the peace plan."),
        vec!["Kyiv".to_string()]
    );
    // a preposition's object before a comma is not the subject
    assert_eq!(
        names("Envoy Maren Holt, speaking after Kaja Kallas, welcomed the peace plan."),
        vec!["Maren Holt".to_string()]
    );
}

#[test]
fn a_short_quoted_noun_phrase_leaves_the_sentence_to_its_speaker() {
    let got = speakers(
        "Sergey Lavrov described the \"media hype\" about the peace plan as an attempt to derail it.",
    );
    assert_eq!(
        got,
        vec![(Some("Sergey Lavrov".to_string()), "Paraphrase".to_string())]
    );
    // an assessment in quotes is the speaker's own words
    let got = speakers(
        "Envoys held talks on the peace plan. Marco Rubio called the meeting \"the most productive\" since the start of the war.",
    );
    assert!(got.iter().any(|(_, k)| k == "Quote"), "{got:?}");
}

#[test]
fn what_was_done_to_the_plan_or_its_history_is_not_what_it_says() {
    // an irregular participle ("met") and a history ("has evolved") tell nothing of the content
    assert!(
        speakers("The peace plan was met with criticism over its Donbas clause.").is_empty(),
        "{:?}",
        speakers("The peace plan was met with criticism over its Donbas clause.")
    );
    assert!(speakers("The peace plan has evolved over the Donbas clause.").is_empty());
    // what it says still is
    assert_eq!(
        speakers("The first draft had barred Ukraine from NATO."),
        vec![(None, "Report".to_string())]
    );
}

#[test]
fn a_speaker_before_a_closing_according_to_keeps_the_statement() {
    let got = names(
        "A Finnish diplomat briefed reporters.\n\nThe diplomat claimed that Washington wants Kyiv to cede the rest of Donbas under the plan, according to The Moscow Times.",
    );
    assert_eq!(got, vec!["unnamed Finnish diplomat"]);
}

#[test]
fn a_person_cited_by_a_medium_speaks_and_the_medium_relays() {
    let got =
        names("\"The army cap in the plan is far too low,\" the official cited by Politico added.");
    assert_eq!(got, vec!["unnamed official"]);
}

#[test]
fn the_agent_of_a_passive_inside_a_that_clause_is_not_a_speaker() {
    let got = names(
        "The leak deepened fears in Kyiv that the demands on Donbas in the plan had been accepted by Washington.",
    );
    assert!(!got.contains(&"Washington".to_string()), "{got:?}");
}

#[test]
fn an_occupation_before_a_name_is_not_part_of_the_name() {
    let got = names(
        "Writer and publicist Zakhar Vovk commented on the plan.\n\nHe argued that the army cap of the plan would leave Ukraine defenceless.",
    );
    assert!(!got.is_empty(), "the argument is his");
    assert!(got.iter().all(|n| n == "Zakhar Vovk"), "{got:?}");
}

#[test]
fn reports_before_a_speech_verb_are_the_noun_of_the_subject() {
    assert_eq!(
        names("Press reports claimed that the plan caps the Ukrainian army at 600,000."),
        vec!["media reports"]
    );
}

#[test]
fn a_description_with_a_relative_pronoun_stands_for_the_name_before_it() {
    let got = names(
        "The loan met resistance from Slovakia, a bloc member that has warned that the sanctions relief in the plan is premature.",
    );
    assert_eq!(got, vec!["Slovakia"]);
}

#[test]
fn a_short_clause_of_a_person_before_a_colon_introduces_the_quote() {
    let got = names(
        "Olena Marchuk, a Ukrainian MP, spoke on Friday.\n\nBut she drew clear red lines: \"Of all the points of the plan, the army cap cannot stand.\"",
    );
    assert_eq!(got, vec!["Olena Marchuk"]);
    // a document before the colon does not speak
    let got = names("The plan is blunt: \"Ukraine shall not join NATO.\"");
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn a_speaker_keeps_the_clause_before_although_according_to_a_medium() {
    let got = speakers(
        "Maria Koval, a Ukrainian negotiator, met the envoys.\n\nShe stated that the army cap of the plan had been dropped, although according to reports from Axios, Washington still rejects the other clauses.",
    );
    assert_eq!(
        got,
        vec![(Some("Maria Koval".to_string()), "Paraphrase".to_string())]
    );
}

#[test]
fn a_back_reference_with_a_scare_quote_after_its_speaker_still_points_back() {
    let c = Catalog::bundled().expect("seeds parse");
    let x = Extractor::new(&c).expect("rules compile");
    let body = "Kyiv will not accept the army cap of the plan. This was stated by Ukrainian minister Taras Melnyk, UNN reports with reference to \"sources.\"";
    let a = x.parse("t.txt", &format!("The peace plan\n\n{body}\n"));
    let got: Vec<(Option<String>, String)> = x
        .extract(&a)
        .into_iter()
        .map(|s| (s.speaker.map(|p| p.name), s.text))
        .collect();
    // the words before the back-reference are the minister's
    assert_eq!(
        got,
        vec![(
            Some("Taras Melnyk".to_string()),
            "Kyiv will not accept the army cap of the plan.".to_string()
        )]
    );
}

#[test]
fn an_aside_on_the_plan_between_commas_leaves_the_speaker_his_words() {
    let out = crate::ingest::test_support::extract(
        "Macron recalled that the first draft, which contained 28 points, \"leaned toward Moscow\" and capped Ukraine's army.",
    );
    let his = out.iter().find(|s| {
        s.speaker
            .as_ref()
            .is_some_and(|p| p.name == "Emmanuel Macron")
    });
    assert!(
        his.is_some_and(|s| s.text.contains("capped Ukraine's army")),
        "{out:#?}"
    );
}

#[test]
fn a_part_of_the_plan_and_it_after_it_say_what_the_plan_contains() {
    let got = speakers(
        "The US peace plan reached Kyiv on Thursday.\n\n\
         One condition forbids Kyiv from ever entering NATO. It also blocks any enlargement of the alliance.",
    );
    assert_eq!(
        got,
        vec![(None, "Report".to_string()), (None, "Report".to_string())]
    );
}

#[test]
fn the_points_after_among_the_plan_s_points_are_its_content() {
    let got = speakers(
        "Among the plan's major points are land for Russia; an army cut by half; a vow never to enter NATO; and an amnesty for all sides.",
    );
    assert_eq!(got, vec![(None, "Report".to_string())]);
}

// Round 12: shapes read in set o (think tanks, transcripts, interviews, wire copy in Asia).

#[test]
fn a_quote_closed_by_according_to_is_the_named_persons() {
    let got = speakers(
        "\"Kyiv will never sign away its land under this plan,\" according to Petro Hnatiuk, who chairs the defence committee.",
    );
    assert_eq!(
        got,
        vec![(Some("Petro Hnatiuk".to_string()), "Quote".to_string())]
    );
}

#[test]
fn a_verb_of_naming_reaches_past_its_object_to_a_quote_that_ends_the_sentence() {
    let got = speakers("Zelensky called the 28-point plan \"a choice between two bad roads\".");
    assert_eq!(
        got,
        vec![(Some("Volodymyr Zelenskyy".to_string()), "Quote".to_string())]
    );
    // the sentence going on after the quote stays one paraphrase
    let got = speakers(
        "Merz called the progress on the plan's guarantees \"remarkable\" and said Europe would help.",
    );
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].1, "Paraphrase");
}

#[test]
fn what_someone_calls_a_quote_is_their_quote_but_a_two_word_label_is_not() {
    let got = speakers(
        "Zelensky now faces what he has called \"a choice between two bad roads\" on the 28-point plan.",
    );
    assert_eq!(
        got,
        vec![(Some("Volodymyr Zelenskyy".to_string()), "Quote".to_string())]
    );
    let got = speakers(
        "Leavitt defended the peace plan by citing what she described as \"historic successes\" elsewhere.",
    );
    assert!(got.iter().all(|(_, kind)| kind != "Quote"), "{got:?}");
}

#[test]
fn the_group_an_event_saw_speaks_not_the_event() {
    let got = names(
        "The summit saw leaders from Canada, Norway and Japan expressing support for the peace plan.",
    );
    assert!(!got.is_empty());
    assert!(
        got.iter()
            .all(|n| !n.contains("summit") && !n.contains("saw")),
        "{got:?}"
    );
}

#[test]
fn a_transcripts_turn_goes_on_over_the_paragraphs_after_its_label() {
    let got = speakers(
        "SECRETARY RUBIO: Good evening. We made real progress on the peace plan today.\n\nThe open points concern territory and the guarantees, and the presidents will settle them.\n\nVance wrote on X that the plan was fair.",
    );
    let rubio = got
        .iter()
        .filter(|(n, k)| n.as_deref() == Some("Marco Rubio") && k == "Quote")
        .count();
    assert_eq!(rubio, 2, "{got:?}");
    // the reporter's paragraph after the turn is not Rubio's
    assert!(
        got.iter().any(|(n, _)| n.as_deref() == Some("JD Vance")),
        "{got:?}"
    );
}

#[test]
fn a_surname_in_capitals_answering_an_outlets_question_is_a_person() {
    let got = speakers(
        "NORDLYS: The 28-point plan was called a gift to Moscow. Is that fair?\n\nKARLSEN: The draft gives Russia land it has not taken, but it also gives Kyiv a security guarantee.",
    );
    assert_eq!(
        got,
        vec![(Some("Karlsen".to_string()), "Quote".to_string())]
    );
}

#[test]
fn an_interview_without_labels_gives_the_answers_to_the_person_the_lead_names() {
    let got = speakers(
        "Our editor Ana Ruiz asked the former ambassador Lev Dolgin to explain what the plan offers.\n\nWhy is this plan so divisive?\n\nThe plan hands Russia land its army never took, and it caps the Ukrainian army at 600,000.\n\nCan Kyiv refuse it?\n\nIt can, but the NATO clause of the plan would then stay open.",
    );
    assert_eq!(
        got,
        vec![
            (Some("Lev Dolgin".to_string()), "Quote".to_string()),
            (Some("Lev Dolgin".to_string()), "Quote".to_string())
        ]
    );
}

#[test]
fn a_pronoun_right_before_its_verb_beats_names_listed_before_it() {
    let got = names(
        "Kremlin spokesman Dmitry Peskov said Putin would discuss the peace plan with the envoys.\n\nThe plan talks are for the two envoys, Orlov, Banet and one translator only, he added.",
    );
    assert_eq!(got, vec!["Dmitry Peskov", "Dmitry Peskov"]);
}

#[test]
fn a_speaker_between_which_and_a_verb_before_a_quote_speaks() {
    let got = speakers(
        "On Sunday the two delegations held talks on the peace plan, which Rubio declared were \"productive and useful in every way.\"",
    );
    assert_eq!(
        got,
        vec![(Some("Marco Rubio".to_string()), "Quote".to_string())]
    );
}

#[test]
fn officials_an_event_worried_are_the_speakers_not_the_participle() {
    let got = names(
        "A leaked draft of the plan emerged last week, worrying Baltic officials who said it gave in to Moscow on NATO.",
    );
    assert_eq!(got, vec!["Baltic officials"]);
}

#[test]
fn the_proposed_settlement_as_subject_of_a_document_verb_is_the_plans_content() {
    let got = speakers(
        "The proposed settlement also lifts sanctions on Moscow step by step against a pledge of non-aggression.",
    );
    assert_eq!(got, vec![(None, "Report".to_string())]);
}

#[test]
fn a_post_signed_at_the_end_of_its_paragraph_is_its_authors_quote() {
    let got = speakers(
        "Tomas Vilkas wrote about the 28-point plan on X after a call with the Baltic leaders.\n\nNo plan for peace can rest on the surrender of Kyiv. We stand with Ukraine on every point of the plan. Tomas Vilkas President of Lithuania\n\nThe leaders meet again next week.",
    );
    assert!(
        got.contains(&(Some("Tomas Vilkas".to_string()), "Quote".to_string())),
        "{got:?}"
    );
    // a sentence the page broke off after a name is no signature
    let got = speakers(
        "Allies pushed back on the plan's army cap. Europe wants a say in the plan. The German Chancellor, Friedrich Merz,\n\nsaid the plan's cap was too low.",
    );
    assert!(got.iter().all(|(_, kind)| kind != "Quote"), "{got:?}");
}

#[test]
fn a_turn_cut_off_by_the_end_of_the_page_still_goes_on() {
    let got = speakers(
        "SECRETARY RUBIO: Good evening. We made real progress on the peace plan today.\n\nNow, like any final agreement, the plan will have to be agreed by the presidents. A couple of its points are still op",
    );
    let rubio = got
        .iter()
        .filter(|(n, k)| n.as_deref() == Some("Marco Rubio") && k == "Quote")
        .count();
    assert_eq!(rubio, 2, "{got:?}");
}

#[test]
fn a_speaker_after_according_to_a_medium_keeps_the_words() {
    let got = speakers(
        "According to the Financial Times, on landing in Dublin, Zelensky stated that the peace plan could mean compromises on land.",
    );
    assert_eq!(
        got,
        vec![(
            Some("Volodymyr Zelenskyy".to_string()),
            "Paraphrase".to_string()
        )]
    );
    // sources the medium cites stay the medium's
    let got = names(
        "According to CNN, Ukrainian sources close to the talks say the plan's territorial clause is unresolved.",
    );
    assert_eq!(got, vec!["CNN"]);
    // the medium alone still reports the plan
    let got = speakers("According to the Financial Times, the plan caps the army at 600,000.");
    assert_eq!(
        got,
        vec![(Some("Financial Times".to_string()), "Report".to_string())]
    );
}

#[test]
fn an_owners_view_that_is_the_owners_statement() {
    let got =
        names("The meeting reflected Carney's position that the 28-point plan needs more work.");
    assert_eq!(got, vec!["Mark Carney"]);
}

#[test]
fn a_closing_attribution_after_a_scare_quote_is_not_cut_from_the_quote() {
    let got = names(
        "The peace plan drafted in Washington is \"fair\" to Kyiv and Moscow alike, the White House said on Thursday.",
    );
    assert_eq!(got, vec!["White House"]);
}

#[test]
fn a_list_led_by_the_media_at_large_or_a_medium_that_reported_is_theirs() {
    let got = speakers(
        "According to media reports, the draft would require Ukraine to:\n\n- withdraw its troops from the parts of Donetsk it still holds;\n\n- cut its army to 600,000 troops.\n\nSeveral US outlets have reported that the text would further:\n\n- ban foreign troops in Ukraine;\n\n- make Russian an official language.",
    );
    let items: Vec<_> = got.iter().filter(|(_, k)| k == "Report").collect();
    assert_eq!(items.len(), 4, "{got:?}");
    let names: Vec<Option<&str>> = items.iter().map(|(n, _)| n.as_deref()).collect();
    assert_eq!(
        names,
        vec![
            Some("media reports"),
            Some("media reports"),
            Some("Several US outlets"),
            Some("Several US outlets")
        ],
        "{got:?}"
    );
}

#[test]
fn a_speaker_after_while_although_or_even_as_is_the_one_who_speaks() {
    assert_eq!(
        names("The talks went on while European officials said the plan rewards Moscow."),
        vec!["European officials"]
    );
    assert_eq!(
        names(
            "The talks went on, even as critics charge that the proposed peace plan reflects Russian priorities."
        ),
        vec!["critics"]
    );
    // "charged with" is no speech
    assert!(names("The envoy was charged with drafting the peace plan.").is_empty());
}

#[test]
fn a_delivery_followed_by_a_claim_is_a_statement() {
    assert_eq!(
        names(
            "Sen. Mike Rounds said the peace plan was \"delivered\" to a US envoy and was not the US recommendation."
        ),
        vec!["Mike Rounds"]
    );
    assert!(
        names("Sen. Mike Rounds said the peace plan was delivered to a US envoy on Friday.")
            .is_empty()
    );
}

#[test]
fn a_second_quote_after_and_and_a_verb_of_speech_keeps_the_speaker_of_the_first() {
    let got = texts(
        "Slovak leader Pavol Hron called the peace plan “bold” and claimed it would leave Moscow “the clear winner, stronger in every way.”",
    );
    let hron = Some("Pavol Hron".to_string());
    assert!(
        got.contains(&(hron, "the clear winner, stronger in every way.".to_string())),
        "{got:?}"
    );
    // with the words of a topic and a comma between
    let got = texts(
        "Council head Ana Lume welcomed “the fresh impetus” in the peace talks, and said that while “several questions of the plan are still open, the course is right.”",
    );
    let lume = Some("Ana Lume".to_string());
    assert!(
        got.contains(&(
            lume,
            "several questions of the plan are still open, the course is right.".to_string()
        )),
        "{got:?}"
    );
    // another subject between the quotes is not the first speaker's
    let got = texts(
        "Pavol Hron called the peace plan “bold” and Ana Lume said it was “a trap for the weak side.”",
    );
    assert!(
        got.iter()
            .all(|(s, t)| !t.starts_with("a trap") || s.as_deref() != Some("Pavol Hron")),
        "{got:?}"
    );
}

#[test]
fn a_dash_cue_gives_the_words_before_it_to_its_speaker() {
    let got = speakers(
        "The terms of the peace plan are getting easier to accept — said Finnish envoy Aino Lind.",
    );
    assert_eq!(
        got,
        vec![(Some("Aino Lind".to_string()), "Paraphrase".to_string())]
    );
    // after a full stop, the paragraph's words in the first person are the speaker's, as one
    // statement
    let got = speakers(
        "The hardest issue of the peace plan is the land. We have sent our view to Washington. - said minister Taras Hlib.",
    );
    assert_eq!(
        got,
        vec![(Some("Taras Hlib".to_string()), "Paraphrase".to_string())]
    );
    // a lead to a clause after the verb is no dash cue: the words before the dash are not
    // the minister's statement
    let c = Catalog::bundled().expect("seeds parse");
    let x = Extractor::new(&c).expect("rules compile");
    let a = x.parse(
        "t.txt",
        "The peace plan\n\nTalks on the peace plan went on in Geneva - minister Taras Hlib says Kyiv will not give up its land in Donbas.\n",
    );
    let out = x.extract(&a);
    assert!(
        out.iter().all(|s| !s.rule.starts_with("dash cue")),
        "{out:#?}"
    );
}

#[test]
fn a_dash_cue_alone_in_its_paragraph_closes_the_speech_above_it() {
    // a block of direct speech with no quotation marks and no full stop, then its cue
    let got = texts(
        "Finnish envoy Aino Lind spoke about the peace plan in Turku.\n\nWe are close to terms of the peace plan that we can accept\n\n— said the envoy.",
    );
    assert_eq!(
        got,
        vec![(
            Some("Aino Lind".to_string()),
            "We are close to terms of the peace plan that we can accept".to_string()
        )]
    );
}

#[test]
fn elaborated_and_expressed_with_a_clause_speak() {
    assert_eq!(
        names("Chancellor Hans Roth elaborated that the peace plan asks Kyiv alone to withdraw."),
        vec!["Hans Roth"]
    );
    assert_eq!(
        names(
            "Chancellor Hans Roth expressed that the aim of the peace plan is a text Kyiv can accept."
        ),
        vec!["Hans Roth"]
    );
}

#[test]
fn a_quote_after_a_participle_of_judging_and_its_agent_is_the_agent_s() {
    let got = names(
        "The Kremlin says it has not yet heard of the talks on the peace plan. They were praised by Ukraine's President Ivan Petrenko as “substantive.”",
    );
    assert_eq!(
        got.last().map(String::as_str),
        Some("Ivan Petrenko"),
        "{got:?}"
    );
}

#[test]
fn a_second_quote_after_and_that_is_the_same_speaker_s_clause() {
    let c = Catalog::bundled().expect("seeds parse");
    let x = Extractor::new(&c).expect("rules compile");
    let a = x.parse(
        "t.txt",
        "The peace plan\n\nEnvoy Aino Lind called the peace plan “a first draft” in Geneva and that it was “far from a settlement that Kyiv can sign.”\n",
    );
    let out = x.extract(&a);
    let s = out
        .iter()
        .find(|s| s.text.starts_with("far from a settlement"))
        .unwrap_or_else(|| panic!("{out:#?}"));
    assert_eq!(
        s.speaker.as_ref().map(|p| p.name.as_str()),
        Some("Aino Lind")
    );
}

#[test]
fn agreeing_to_a_deal_is_an_act_and_agreeing_that_is_speech() {
    // what a party did with the plan: no statement of its own
    for text in [
        "After the talks in Geneva, Ukraine agreed to the revised peace plan with minor changes.",
        "The negotiators agreed on the amnesty clause of the peace plan.",
    ] {
        assert!(names(text).is_empty(), "{text}: {:?}", names(text));
    }
    // a claim after "agreed that" is the party's
    assert_eq!(
        names("Kyiv agreed that the cap on the army was the hardest point of the peace plan."),
        vec!["Kyiv"]
    );
}

#[test]
fn responding_to_a_proposal_is_no_statement_until_a_clause_or_a_quote_follows() {
    assert!(
        names(
            "Premier Kowal only responded to the idea in the peace plan of basing jets in Poland."
        )
        .is_empty()
    );
    assert_eq!(
        names("Oksana Marsh responded that Kyiv had not received the peace plan."),
        vec!["Oksana Marsh"]
    );
    assert_eq!(
        names(
            "Asked about the plan, Oksana Marsh responded, “The cap on the army in the peace plan is too low.”"
        ),
        vec!["Oksana Marsh"]
    );
    assert_eq!(
        names("“The cap on the army in the peace plan is too low,” Oksana Marsh responded."),
        vec!["Oksana Marsh"]
    );
}

#[test]
fn the_subject_of_a_passive_of_speech_with_no_agent_is_no_speaker() {
    // the one addressed, or the thing spoken of
    for text in [
        "Kyiv is being told to accept the peace plan on this aggressive timeline.",
        "Ukraine was repeatedly urged to accept the army cap of the peace plan.",
    ] {
        assert!(names(text).is_empty(), "{text}: {:?}", names(text));
    }
    // with its agent the agent speaks, and the active voice keeps its subject
    assert_eq!(
        names("Kyiv was told by Washington that the army cap of the peace plan is final."),
        vec!["Washington"]
    );
    assert_eq!(
        names("Kyiv told Washington that the army cap of the peace plan is too low."),
        vec!["Kyiv"]
    );
}

#[test]
fn a_verb_after_who_speaks_for_the_noun_phrase_before_who() {
    assert_eq!(
        names(
            "The plan met a cool reception from Nordic diplomats who argue that its army cap leaves Kyiv defenceless."
        ),
        vec!["Nordic diplomats"]
    );
    assert_eq!(
        names(
            "Rubio handed the draft to President Volodymyr Zelensky, who stressed that Ukraine would never cede Donbas."
        ),
        vec!["Volodymyr Zelenskyy"]
    );
    // a name completing a role does not speak, nor does one inside a framing speaker's words
    assert!(
        !names(
            "The advice came from the chief of staff for Prime Minister Petteri Orpo, who stressed that the army cap was unacceptable."
        )
        .contains(&"Petteri Orpo".to_string())
    );
    assert_eq!(
        names(
            "Finnish senators said they had lunch with Secretary of State Marco Rubio, who assured them the plan would cap Ukraine's army."
        )
        .iter()
        .filter(|n| n.contains("Rubio"))
        .count(),
        0
    );
}

#[test]
fn expressing_a_view_is_speech_and_while_opens_a_second_speaker() {
    assert_eq!(
        names(
            "Spain's foreign minister Jose Albares expressed the view that no land may be ceded under the plan, while Danish Prime Minister Mette Frederiksen said the army cap was too low."
        ),
        vec!["Jose Albares", "Mette Frederiksen"]
    );
}

#[test]
fn a_party_demanding_a_term_in_the_progressive_states_its_position() {
    assert_eq!(
        names("Moscow is demanding a full Ukrainian withdrawal from Donetsk under the plan."),
        vec!["Moscow"]
    );
}

#[test]
fn giving_a_response_to_the_plan_is_speech() {
    assert_eq!(
        names("Vladimir Putin gave a guarded response to the peace plan on Friday."),
        vec!["Vladimir Putin"]
    );
}

#[test]
fn a_medium_s_name_in_quotation_marks_is_no_quote() {
    let got = speakers(
        "The 28-point plan is on the table.\n\nAccording to agencies including \u{201C}Reuters\u{201D} and \u{201C}CNN,\u{201D} the envoy met a Russian delegation for hours on Monday, with talks set to go on through Tuesday on \u{201C}the peace process and faster negotiations,\u{201D} as a US official told \u{201C}The Guardian.\u{201D}",
    );
    // the official's words, and no quote of the newspaper's name
    assert_eq!(
        got,
        vec![(Some("unnamed US official".to_string()), "Quote".to_string())]
    );
}

#[test]
fn a_quote_after_that_with_a_contrast_after_it_is_the_speakers_quote_alone() {
    let got = speakers(
        "US diplomat-in-chief Marco Rubio insists that \"ending a long war like this one needs a broad exchange of serious ideas on the plan\", and yet the White House appears to have talked only to Moscow.",
    );
    assert_eq!(
        got,
        vec![(Some("Marco Rubio".to_string()), "Quote".to_string())]
    );
}

#[test]
fn a_participle_before_a_group_is_not_part_of_its_name() {
    let got = names(
        "A leaked list of US draft peace terms surfaced on Friday, rattling Nordic and Baltic officials who felt it yielded to the Kremlin's main demands on NATO, on the land it holds and on limits to Kyiv's army.",
    );
    assert_eq!(got, vec!["Nordic and Baltic officials"]);
}

#[test]
fn a_conjunction_opening_the_sentence_is_no_part_of_the_subject() {
    let got = names(
        "And Norway has repeatedly said that it will not back a peace plan that moves borders.",
    );
    assert_eq!(got, vec!["Norway"]);
}

#[test]
fn a_request_to_tell_us_is_no_report_of_speech() {
    let got =
        speakers("Our correspondent Maren Holt is in Kyiv. Maren, tell us about the peace plan.");
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn according_to_it_after_the_plan_is_named_is_the_plan_s_content() {
    let body = "Washington handed its new peace draft to the Ukrainian side on Tuesday.\n\n\
        According to it, Kyiv would have to give up the part of Donetsk it still controls.\n";
    let got = crate::ingest::test_support::extract(body);
    assert!(
        got.iter().any(|s| s.speaker.is_none()
            && s.kind == crate::model::Kind::Report
            && s.text.starts_with("According to it")),
        "{got:#?}"
    );
}

#[test]
fn a_reaction_received_from_someone_is_their_view() {
    let lead = "Envoys met in Geneva on Sunday to discuss the peace plan.\n\n";
    let got = speakers(&format!(
        "{lead}The 28-point plan drew fierce criticism from Oslo and its Nordic partners."
    ));
    assert_eq!(
        got,
        vec![(
            Some("Oslo and its Nordic partners".to_string()),
            "Paraphrase".to_string()
        )]
    );
    // who reacted ends at a comma that opens a clause about them
    let got = names(&format!(
        "{lead}The plan has met with scepticism from Warsaw, which wants a bigger army for Ukraine."
    ));
    assert_eq!(got, ["Warsaw"]);
    // help received is no view: the verb and the noun are both needed
    let got = names(&format!(
        "{lead}Under the plan, Ukraine would receive support from the United States."
    ));
    assert!(!got.contains(&"United States".to_string()), "{got:?}");
    // a reaction foretold inside someone's report is the reporter's statement
    let got = names(&format!(
        "{lead}Tom Hale, a senator, told the paper that the plan would be met with fierce resistance from Nordic lawmakers."
    ));
    assert_eq!(got, ["Tom Hale"]);
}

#[test]
fn a_participle_after_a_comma_takes_an_object_not_a_speaker() {
    let c = Catalog::bundled().expect("seeds parse");
    let x = Extractor::new(&c).expect("rules compile");
    let text = "Expert slams peace plan\nJane Doe\nNovember 21, 2025\n\n\
        FILE PHOTO: Two leaders shake hands at a summit in Alaska, August 15, 2025. REUTERS/John Smith\n\
        A scholar criticised the 28-point peace plan on Friday, calling it \"reckless\" and \"cynical.\"\n";
    let got = x.extract(&x.parse("t.txt", text));
    // "it" after "calling" is the plan, not a speaker (it went to the photo's agency)
    assert!(
        got.iter()
            .all(|s| s.rule != "reported speech, speaker after"),
        "{got:#?}"
    );
}

#[test]
fn a_speaker_with_a_possessive_after_which_speaks_the_relative_clause() {
    let got = names(
        "Envoys met in Geneva on Sunday.\n\n\
         Russia would rejoin the G8 under the plan, which Lisbon and its partners said was far too kind to Moscow.",
    );
    assert_eq!(got, ["Lisbon and its partners"]);
}

#[test]
fn a_quote_inside_a_that_clause_is_not_given_to_the_clause_after_it() {
    let got = speakers(
        "Envoys met in Geneva on Sunday.\n\n\
         Although Maren Holt said on Sunday that the guarantee text of the peace plan was \"almost done,\" \
         a senior official admitted that Washington keeps putting off the signing.",
    );
    assert!(
        !got.iter()
            .any(|(n, k)| n.as_deref() == Some("unnamed official") && k == "Quote"),
        "{got:?}"
    );
    assert!(
        got.iter().any(|(n, _)| n.as_deref() == Some("Maren Holt")),
        "{got:?}"
    );
}

#[test]
fn a_body_s_reaction_before_a_colon_brings_its_quote() {
    let got = speakers(
        "Washington unveiled a 28-point peace plan this week.\n\n\
         Oslo's reaction was cool: \u{201c}We have not studied it, but we could take it as a starting point.\u{201d}",
    );
    assert!(
        got.contains(&(Some("Oslo".to_string()), "Quote".to_string())),
        "{got:?}"
    );
}

#[test]
fn a_state_of_mind_after_a_linking_verb_is_the_holder_s_view() {
    let lead = "Washington unveiled a 28-point peace plan this week.\n\n";
    let got = names(&format!(
        "{lead}When the draft came out, Lisbon and Athens were deeply alarmed by its terms."
    ));
    // (each member of a joint claim holds it; the export folds them into one line)
    assert_eq!(got, ["Lisbon", "Athens"]);
    let got = names(&format!(
        "{lead}Tallinn remained wary of the plan's clause on the army."
    ));
    assert_eq!(got, ["Tallinn"]);
    // a verdict on the plan is no state of mind: nobody holds it
    let got = names(&format!("{lead}The peace plan is unworkable for Kyiv."));
    assert!(!got.contains(&"peace plan".to_string()), "{got:?}");
}

#[test]
fn a_reaction_with_a_noun_of_attitude_and_a_verb_of_scorn_speak() {
    let lead = "Washington unveiled a 28-point peace plan this week.\n\n";
    let got = names(&format!(
        "{lead}Dublin reacted with dismay to the peace plan."
    ));
    assert_eq!(got, ["Dublin"]);
    let got = names(&format!(
        "{lead}The Maltese government decried the peace plan as a prize for the invader."
    ));
    assert_eq!(got, ["Maltese government"]);
}

#[test]
fn a_quote_before_even_as_belongs_to_the_that_clause_before_it() {
    let got = speakers(
        "Washington circulated a 28-point peace plan on Thursday.\n\n\
         Chancellor Maren Holt said Sunday that if Kyiv turns down the plan, it can \
         \"go on fighting alone,\" even as partners warn the deal could leave Ukraine open to attack.",
    );
    assert!(
        got.contains(&(Some("Maren Holt".to_string()), "Quote".to_string())),
        "{got:?}"
    );
    assert!(
        got.iter()
            .all(|(n, _)| !n.as_deref().is_some_and(|n| n.starts_with("as "))),
        "{got:?}"
    );
}

#[test]
fn implying_affirming_and_doubling_down_are_speech() {
    let lead = "Washington circulated a 28-point peace plan on Thursday. Chancellor Maren Holt \
        and Foreign Minister Lena Sorvik spoke to reporters in Vienna.\n\n";
    let got = names(&format!(
        "{lead}The choice for Kyiv, Holt implied, was between accepting the 28-point plan or fighting on alone."
    ));
    assert_eq!(got, ["Maren Holt"]);
    let got = names(&format!(
        "{lead}Sorvik doubled down on the claim that Washington wrote the peace plan."
    ));
    assert_eq!(got, ["Lena Sorvik"]);
    let got = names(&format!(
        "{lead}Holt affirmed her support for the 28-point peace plan on Sunday."
    ));
    assert_eq!(got, ["Maren Holt"]);
}

#[test]
fn a_clause_after_even_as_is_its_own_speaker_s() {
    let got = names(
        "Washington circulated a 28-point peace plan on Thursday.\n\n\
         Chancellor Maren Holt said Sunday that if Kyiv turns down the plan, it can go on fighting \
         alone, even as partners warn the deal could leave Ukraine open to a new attack.",
    );
    assert_eq!(got, ["Maren Holt", "partners"]);
}

#[test]
fn a_surname_with_its_particle_is_the_person_named_in_full() {
    let got = names(
        "Washington circulated a 28-point peace plan on Thursday.\n\n\
         Jan de Vries, a former Dutch ambassador to Russia, has warned that the plan's guarantees are weak.\n\n\
         De Vries said the 28-point plan rewards Moscow.",
    );
    assert_eq!(got, ["Jan de Vries", "Jan de Vries"]);
}

#[test]
fn a_title_word_opens_no_name() {
    let got = names(
        "Washington circulated a 28-point peace plan on Thursday.\n\n\
         Taoiseach Niall Breen said the 28-point plan must protect Ukraine's sovereignty.",
    );
    assert_eq!(got, ["Niall Breen"]);
}

#[test]
fn according_to_a_role_and_its_holder_is_the_holder() {
    let got = names(
        "Washington circulated a 28-point peace plan on Thursday.\n\n\
         The peace plan needs work, according to the head of the Finnish foreign ministry's \
         policy unit, Liisa Koskinen.",
    );
    assert_eq!(got, ["Liisa Koskinen"]);
}

#[test]
fn a_leading_clause_ends_at_the_comma_before_the_second_speaker() {
    let got = names(
        "Washington circulated a 28-point peace plan on Thursday.\n\n\
         While sources said that Kyiv had been warned it faces defeat, in a bid to push it to \
         accept the plan, the Kremlin announced on Wednesday that envoys will come to Moscow to \
         discuss the peace plan.",
    );
    assert!(got.contains(&"Kremlin".to_string()), "{got:?}");
}

#[test]
fn a_feeling_with_what_it_is_about_is_a_view_and_as_far_as_is_concerned_is_not() {
    let lead = "Washington unveiled a 28-point peace plan this week.\n\n";
    let got = names(&format!(
        "{lead}Nordic observers are encouraged that Washington has not given up on the peace plan."
    ));
    assert_eq!(got, ["Nordic observers"]);
    let got = names(&format!(
        "{lead}As far as Kyiv is concerned, the peace plan is dead."
    ));
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn who_reacted_ends_before_a_second_predicate() {
    let got = speakers(
        "Envoys met in Geneva on Sunday to discuss the peace plan.\n\n\
         The draft drew sharp criticism from Oslo and its partners and was later cut to 19 points.",
    );
    assert_eq!(
        got,
        vec![(
            Some("Oslo and its partners".to_string()),
            "Paraphrase".to_string()
        )]
    );
}

#[test]
fn a_refusal_to_say_under_a_modal_is_the_person_s_not_the_plan_s_content() {
    let got = names(
        "Foreign Minister Lena Sorvik spoke in Vienna.\n\nSorvik would not specify what is wrong with the peace plan, but says its army cap is too low.",
    );
    assert_eq!(got, ["Lena Sorvik"]);
}

#[test]
fn a_span_of_time_before_after_opens_a_fronted_clause_whose_names_are_not_the_subject() {
    let got = names(
        "Days after Donald Trump met Maren Holt in Oslo, the Kremlin said its demand that Kyiv leave the Donbas still stood.",
    );
    assert_eq!(got, vec!["Kremlin".to_string()]);
}

#[test]
fn a_participle_aside_after_the_plan_is_no_cue_and_the_attribution_at_the_end_speaks() {
    let got = names(
        "The US 28-point plan, echoing Yalta, may bring calm for a while, says former defence minister Tom Hale.",
    );
    assert_eq!(got, vec!["Tom Hale".to_string()]);
}

#[test]
fn a_possessive_before_a_role_takes_up_the_holder_named_before() {
    let got = names(
        "Moscow handed over its answer to the peace plan, presidential aide Lev Orlov said.\n\n\
         \u{201C}Russia will not reveal what was discussed,\u{201D} Interfax quoted Putin's aide as saying.",
    );
    assert_eq!(got, vec!["Lev Orlov".to_string(), "Lev Orlov".to_string()]);
}

#[test]
fn a_back_reference_citing_its_source_gives_the_sentence_before_to_it() {
    let got = speakers(
        "Kyiv would keep an army of 800,000 under the new peace plan. This development was made public on Tuesday, citing three Norwegian diplomats, after a dinner in Bergen.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(
        got[0].0.as_deref().is_some_and(|n| n.contains("diplomats")),
        "{got:?}"
    );
}

#[test]
fn a_partys_members_speak_as_a_group_and_an_aside_naming_some_of_them_does_not() {
    assert_eq!(
        names("Several Senate Democrats say the peace plan rewards Moscow."),
        ["Several Senate Democrats"]
    );
    assert_eq!(
        names("Many US lawmakers -- including some Democrats -- had assailed the peace plan."),
        ["Many US lawmakers"]
    );
}

#[test]
fn a_group_whose_list_opens_with_a_plural_head_keeps_the_whole_list() {
    assert_eq!(
        names(
            "Later that day, the leaders of the Nordic countries, Canada and Mexico said the peace plan needs work."
        ),
        ["leaders of the Nordic countries, Canada and Mexico"]
    );
}

#[test]
fn a_prepositions_object_over_and_opens_no_clause_of_a_new_speaker() {
    assert_eq!(
        names(
            "The Norwegian government has defended a revised peace plan for Kyiv and Moscow, insisting that it is fair to both."
        ),
        ["Norwegian government"]
    );
}

#[test]
fn a_verb_of_naming_is_a_verb_of_speech() {
    // "branded the plan “…”", like "called the plan “…”"
    let got = names(
        "The former party leader Tobias Lind branded the 28-point plan “naive”, saying it would hand Crimea to Moscow.",
    );
    assert_eq!(got, vec!["Tobias Lind"]);
}

#[test]
fn a_clause_on_any_plan_is_the_speakers_demand_not_the_plans_content() {
    let got = texts(
        "Opposition MPs urged the cabinet to reject any peace plan which would force Ukraine to give up land.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0.as_deref(), Some("Opposition MPs"));
    assert!(got[0].1.ends_with("give up land."), "{got:?}");
    // "a plan which would …" still tells what the plan holds
    let got = texts("Washington drafted a plan which would force Ukraine to give up land.");
    assert_eq!(got, vec![(None, got[0].1.clone())]);
}

#[test]
fn two_capitals_joined_by_and_speak_together() {
    // a capital is also an adjective of origin ("Washington officials"); alone after "and"
    // it names a second speaker, not a shared head
    // (as one group or one statement each)
    let got = names(
        "Washington and Kyiv said in a joint statement that they had agreed a revised peace framework.",
    );
    let all = got.join(" ");
    assert!(
        all.contains("Washington") && all.contains("Kyiv"),
        "{got:?}"
    );
    // a shared head stays one group
    let got = names("US and Ukrainian negotiators said they had agreed a revised peace framework.");
    assert_eq!(got, vec!["US and Ukrainian negotiators"]);
}

#[test]
fn an_obligation_met_is_speech() {
    // "had to tell": the spokesman did tell; "would have to accept" stays the plan's content
    let got = names(
        "A ministry spokeswoman had to tell reporters that the peace plan came from Washington alone.",
    );
    assert_eq!(got, vec!["unnamed ministry spokeswoman"]);
}

#[test]
fn a_second_clause_after_while_is_no_closing_cue() {
    // "…, while X urges progress.": X speaks in a clause of its own; "while" is no part of
    // the name
    let got = names("This pushes the EU to seek other options, while the Council urges progress.");
    assert!(got.iter().all(|n| !n.starts_with("while")), "{got:?}");
}

#[test]
fn a_verb_form_after_a_verb_of_getting_is_its_object() {
    // "would receive support": the noun, not NATO "supporting" what comes before
    let got = names(
        "The plan was leaked on Tuesday.\n\nKyiv would obtain protection from the US and NATO (with jets based in Poland); would stay an EU candidate; and would receive support for rebuilding, partly with frozen Russian assets.",
    );
    assert_eq!(got, Vec::<String>::new());
}

#[test]
fn a_person_of_a_body_is_the_person() {
    // the body after "of" is where they work, not the speaker
    let got =
        names("Tom Reyes of the Brookings Institution said the peace plan is a capitulation.");
    assert_eq!(got, vec!["Tom Reyes"]);
    let got =
        names("The vote went against the plan, with Jan Berg of S&D calling it “a surrender.”");
    assert_eq!(got, vec!["Jan Berg"]);
}

#[test]
fn disapproval_expressed_is_a_view() {
    let got = names("Lawmakers expressed strong disapproval of the American peace plan.");
    assert_eq!(got, vec!["Lawmakers"]);
}

#[test]
fn the_clause_before_an_absolute_with_keeps_its_own_speaker() {
    // "X voiced dismay, with Y calling it “…”": two claims, X's and Y's
    let got = names(
        "Lawmakers expressed strong disapproval of the peace plan, with Jan Berg calling it “a surrender.”",
    );
    assert_eq!(got, vec!["Lawmakers", "Jan Berg"]);
    // a clause that says nothing gives Y nothing more than the quote
    let got = texts(
        "The vote went against the peace plan, with Jan Berg calling it “a surrender in all but name.”",
    );
    assert_eq!(
        got,
        vec![(
            Some("Jan Berg".to_string()),
            "a surrender in all but name.".to_string()
        )]
    );
}

#[test]
fn a_verb_of_concluding_speaks_only_with_a_clause() {
    let got = names("Ukraine concluded its first day of talks on the peace plan in Oslo.");
    assert_eq!(got, Vec::<String>::new());
    let got = names("Tom Reyes concluded that the peace plan could not work.");
    assert_eq!(got, vec!["Tom Reyes"]);
}

#[test]
fn the_parliament_is_the_parliament_named_before() {
    let got = names(
        "The European Parliament debated the plan on Wednesday.\n\nThe parliament expressed disapproval of the peace plan.",
    );
    assert_eq!(got.last().map(String::as_str), Some("European Parliament"));
}

#[test]
fn a_short_line_naming_one_person_introduces_the_quote_paragraph_after_it() {
    let got = texts(
        "“The peace plan is a trap, and we will say so,” said President Tom Reyes.\n\nThat is what President Tom Reyes told the press on Monday.\n\n“Since you ask about cost — the peace plan is a gift to Moscow and a bill for us.”",
    );
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[1].0.as_deref(), Some("Tom Reyes"));
}

#[test]
fn he_after_as_is_the_subject_of_his_own_sentence() {
    let got = names(
        "Pope Leo XIV met the envoys on Tuesday. He invited them to Rome.\n\nMacron responded by promising that he was ready to discuss the peace plan, as he told reporters leaving his hotel.",
    );
    assert_eq!(
        got.last().map(String::as_str),
        Some("Emmanuel Macron"),
        "{got:?}"
    );
}

#[test]
fn a_reaction_to_the_plan_is_a_view() {
    let got = names("Helsinki has reacted sharply to the peace plan.");
    assert_eq!(got, vec!["Helsinki"]);
}

#[test]
fn a_country_before_a_one_word_aside_speaks() {
    // ", meanwhile," alone between the commas is an adverbial, as "for its part" is
    let got = names("Russia, meanwhile, said the peace plan was a basis for talks.");
    assert_eq!(got, vec!["Russia"]);
}

#[test]
fn long_between_the_auxiliary_and_the_verb_keeps_the_speaker() {
    let got = names("Russia has long demanded a pledge from NATO to halt its eastward expansion.");
    assert_eq!(got, vec!["Russia"]);
}

#[test]
fn he_after_a_fronted_clause_of_time_is_its_subject() {
    let got = names(
        "As Macron flew to Oslo on Sunday for talks on the peace plan, he told reporters that France would back the guarantees.",
    );
    assert_eq!(got, vec!["Emmanuel Macron"]);
    // not the object of a participle: "After meeting Macron, he …" is someone else
    let got = names(
        "Peskov spoke on Monday.\n\nAfter meeting Macron on Sunday, he told reporters that the peace plan was a basis.",
    );
    assert_eq!(got.last().map(String::as_str), Some("Dmitry Peskov"));
}

#[test]
fn reports_after_a_description_of_media_are_the_media_at_large() {
    let got = names(
        "The draft, published by media outlets, would force Ukraine to cede the Donbas.\n\nReports say Oslo will probably refuse the peace plan.",
    );
    assert_eq!(
        got.last().map(String::as_str),
        Some("media reports"),
        "{got:?}"
    );
}

#[test]
fn a_view_continued_or_renewed_is_a_view() {
    let got = names("The Dutch press continues its sharp criticism of the peace plan.");
    assert_eq!(got, vec!["Dutch press"]);
    let got = names("Warsaw renewed its objections to the peace plan on Friday.");
    assert_eq!(got, vec!["Warsaw"]);
}

#[test]
fn a_closing_said_and_its_speaker_win_over_a_position_before_them() {
    let got = names("Norway is wary of parts of the peace plan, said Prime Minister Anna Berg.");
    assert_eq!(got, vec!["Anna Berg"]);
    // a verb of saying inside the sentence with words after its speaker does not close it
    let got = names(
        "Norway is wary of the peace plan, said Anna Berg after a long cabinet meeting in Oslo.",
    );
    assert_ne!(got, vec!["Anna Berg".to_string()]);
}

#[test]
fn an_ordinal_before_a_capitalised_word_opens_a_title_not_an_adverbial() {
    let got = names(
        "First Deputy Foreign Minister Maren Holt, who led the delegation, said that the territorial issues of the plan were left to the presidents.",
    );
    assert_eq!(got, vec!["Maren Holt"]);
}

#[test]
fn a_time_after_said_then_a_clause_is_a_claim_not_a_setting() {
    let got = names("Maren Holt said on Sunday the peace plan needs more work.");
    assert_eq!(got, vec!["Maren Holt"]);
}

#[test]
fn a_past_form_after_earlier_is_the_verb_not_a_noun() {
    let got = names("Maren Holt earlier said that the peace plan would only reward Moscow.");
    assert_eq!(got, vec!["Maren Holt"]);
}

#[test]
fn a_body_ignoring_a_document_then_saying_speaks_for_itself() {
    // "the initiative" after the verb is no part of the subject
    let got = names("The Kremlin ignored the initiative, saying the peace plan was flawed.");
    assert_eq!(got, vec!["Kremlin"]);
}

#[test]
fn rejecting_something_as_a_quoted_phrase_gives_the_quote() {
    // "rejected the account as “…”", like "dismissed the account as “…”": the quote, with
    // its speaker
    let got = speakers(
        "The senators said the peace plan read like a wish list of Moscow. Spokesperson Tom Pigg rejected the senators' account as “plainly untrue.”",
    );
    assert!(
        got.contains(&(Some("Tom Pigg".to_string()), "Quote".to_string())),
        "{got:?}"
    );
}

#[test]
fn a_claim_before_a_closing_cue_and_a_time_is_kept() {
    // "…, Holt said on Sunday.": the claim went before the cue; "on Sunday" is no setting
    let got = texts("The plan is not final, Maren Holt said on Sunday.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0.as_deref(), Some("Maren Holt"));
}

#[test]
fn a_light_verb_before_a_quote_that_opens_on_a_noun_of_attitude_gives_the_quote() {
    let got = texts("Senator Maren Holt voiced “grave concerns over the terms of the peace plan.”");
    assert_eq!(
        got,
        vec![(
            Some("Maren Holt".to_string()),
            "grave concerns over the terms of the peace plan.".to_string()
        )]
    );
    // a quote that opens on no such noun is no object of the light verb
    let got = names("Senator Maren Holt voiced “a plan for the region” in Oslo.");
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn many_of_a_body_with_a_long_proper_name_speak_as_a_group() {
    let got =
        names("Members of the Senate Arctic Affairs Committee said the peace plan rewards Moscow.");
    assert_eq!(got, vec!["Members of the Senate Arctic Affairs Committee"]);
    // a title over a body's long name is no group: the person named after it speaks
    let got = names(
        "The head of the Odesa Regional Military Administration, Oleh Varta, said the peace plan ignores the ports.",
    );
    assert_eq!(got, vec!["Oleh Varta"]);
}

#[test]
fn a_long_quote_after_a_participle_leaves_the_clause_before_it_its_own() {
    // the sentence is mostly the quote after ", insisting,", but that quote has a statement of
    // its own: the clause before the participle stays the speaker's
    let got = texts(
        "Maren Holt said the peace plan “reads like a wish list,” insisting, “This text was never written by our side in its current form. We want to use it only as a start.”",
    );
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got[0].1.contains("reads like a wish list"), "{got:?}");
    assert!(got[1].1.starts_with("This text was never"), "{got:?}");
}

#[test]
fn a_noun_and_the_clause_that_answers_it_close_no_sentence_as_a_cue() {
    // "…, a claim the ministry denied": the ministry answers the claim, it does not make it
    let got = names(
        "Two senators said the peace plan read like Moscow's wish list, a claim the State Department quickly rejected.",
    );
    assert_eq!(got, vec!["Two senators"]);
}

#[test]
fn a_senior_official_closing_the_sentence_speaks_for_all_of_it() {
    for text in [
        "The peace plan needs more work, a senior official said.",
        "The peace plan is a list of demands, an administration official said.",
    ] {
        let got = texts(text);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1, text, "{got:?}");
    }
}

#[test]
fn a_title_abbreviation_after_said_goes_on_to_the_name() {
    let got = speakers("“The peace plan is forcing our hand,” said Rep. Maren Holt (R-Neb.).");
    assert_eq!(
        got,
        vec![(Some("Maren Holt".to_string()), "Quote".to_string())]
    );
}

#[test]
fn a_programme_named_in_quotes_after_told_is_no_quote() {
    // "told “Evening Hour” host …": the title of a programme, not anyone's words
    let got = speakers(
        "Senator Maren Holt told “Evening Hour” host Tom Lind that she fears the peace plan could embolden Moscow.",
    );
    assert_eq!(
        got,
        vec![(Some("Maren Holt".to_string()), "Paraphrase".to_string())]
    );
}

#[test]
fn a_middle_initial_stays_inside_the_name() {
    let got = names("Tom E. Lind met the envoys on Monday. Lind said the peace plan was flawed.");
    assert_eq!(got, vec!["Tom E. Lind"]);
}

#[test]
fn a_first_name_alone_is_the_one_person_named_in_full_with_it() {
    let got = names(
        "Tom Lind met the envoys on Monday. Ceding Donbas under the peace plan is “a fatuous idea,” Tom argues.",
    );
    assert_eq!(got, vec!["Tom Lind"]);
    // two people share it: nobody
    let got = names(
        "Tom Lind and Tom Berg met the envoys on Monday. Ceding Donbas under the peace plan is “a fatuous idea,” Tom argues.",
    );
    assert!(!got.iter().any(|n| n.starts_with("Tom")), "{got:?}");
}

#[test]
fn a_short_form_of_a_first_name_is_the_one_person_named_in_full_with_the_long_form() {
    let got = names(
        "Daniel Marsh met the envoys on Monday. Ceding Donbas under the peace plan is “a hollow idea,” Dan argues.",
    );
    assert_eq!(got, vec!["Daniel Marsh"]);
}

#[test]
fn a_bullet_with_a_verb_of_commentary_is_its_speakers_not_the_plans() {
    let got = texts(
        "Our panel: Tom Lind, a former ambassador.\n\nWhat is in the deal\n\n• Ceding the Donbas region is “a fatuous idea,” Lind argues, “rewarding the aggressor.”\n\n• Kyiv caps its army at 600,000 troops.",
    );
    assert!(
        got.iter()
            .any(|(n, t)| n.as_deref() == Some("Tom Lind") && t == "a fatuous idea"),
        "{got:?}"
    );
}

#[test]
fn a_capitalised_verb_after_a_capital_ends_a_name() {
    // "Post" is no verb of posting here: the paper speaks, not the city
    let got = names("Kyiv Post said the peace plan was flawed.");
    assert_eq!(got, vec!["Kyiv Post"]);
}

#[test]
fn a_gerund_after_with_and_a_short_noun_takes_that_noun_as_its_speaker() {
    assert_eq!(
        names("The talks ended with envoys questioning the plan's amnesty terms."),
        vec!["envoys"]
    );
    // a comma before the gerund: the sentence's subject speaks
    assert_eq!(
        names(
            "Foreign Minister Anna Berg has taken aim at the parts of the peace plan that deal with NATO, warning that they give Russia a veto."
        ),
        vec!["Anna Berg"]
    );
}

#[test]
fn an_aside_on_a_document_keeps_the_document_as_its_subject() {
    // a participle with no "by" opens the aside: the envoys inside it do not speak
    let got = speakers(
        "The draft, written over a weekend between Qatari and Turkish representatives, pushes for a buffer zone in Donbas.",
    );
    assert_eq!(got, vec![(None, "Report".to_string())]);
    // the aside's list of authors runs up to the verb
    let got = speakers(
        "The framework, shaped by envoy Lars Vik, banker Ilya Sorin and adviser Tom Reyes, calls for Kyiv to give up Donbas.",
    );
    assert_eq!(got, vec![(None, "Report".to_string())]);
}

#[test]
fn a_capitalised_word_after_of_in_a_title_is_no_verb() {
    // "State" is part of a title on the aside's list, so "calls for" is the document's verb
    let got = speakers(
        "The framework, shaped by envoy Lars Vik, Vice President Ilya Sorin, Secretary of State Tom Reyes, and banker Ivo Marek, calls for Kyiv to give up Donbas.",
    );
    assert_eq!(got, vec![(None, "Report".to_string())]);
}

#[test]
fn a_position_verb_ending_a_sentence_in_s_is_a_plural_noun() {
    let got = speakers(
        "The peace plan asks Kyiv to cap its army and drop its NATO hopes — all old Kremlin demands.",
    );
    assert_eq!(got, vec![(None, "Report".to_string())]);
}

#[test]
fn it_with_a_verb_of_its_own_right_after_the_plan_is_the_plans_content() {
    let got = speakers(
        "A large part of the proposal concerns rebuilding the country after the war, and the proposal would set up a fund for its cities. It also links the frozen Russian assets to new investment funds.",
    );
    assert!(
        got.iter()
            .filter(|(n, k)| n.is_none() && k == "Report")
            .count()
            == 2,
        "{got:?}"
    );
    // with no plan named before, "it" is not the plan
    let got = speakers(
        "The winter came early to the capital this year, and the markets were quiet. It also links the frozen Russian assets to new investment funds.",
    );
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn a_participle_after_a_clause_with_its_own_verb_takes_no_clause_as_its_speaker() {
    // the subject of "noting" is the draft, not the words up to the participle
    let got = names(
        "The Nordic draft plainly states that Ukraine's NATO bid rests on the allies' consent, while noting that no such consent exists today.",
    );
    assert!(got.iter().all(|n| !n.contains("states")), "{got:?}");
}

#[test]
fn the_object_of_a_participle_of_cause_speaks_the_clause_after_it() {
    let got = texts(
        "Senator Ray Dunn said the peace plan was fair, prompting Polish diplomats to insist that the army cap would leave Kyiv exposed.",
    );
    assert!(
        got.iter().any(|(n, t)| n.as_deref() == Some("Polish diplomats")
            && t.starts_with("the army cap")),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|(n, t)| n.as_deref() == Some("Ray Dunn") && !t.contains("army cap")),
        "{got:?}"
    );
}

#[test]
fn maintaining_control_of_a_place_is_no_speech() {
    let got = names(
        "Under the peace plan Kyiv would give up the rest of Donetsk, even as Ukraine maintains control of a fifth of the region.",
    );
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn a_verb_of_judgement_in_the_progressive_speaks() {
    assert_eq!(
        names("Several Senate Democrats are sharply criticizing the peace plan's army cap."),
        vec!["Several Senate Democrats"]
    );
}
