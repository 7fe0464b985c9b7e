//! One sentence each (written for these tests): what is not a plan statement.

use crate::ingest::Statement;
use crate::ingest::test_support::extract;

fn by<'a>(out: &'a [Statement], words: &str) -> Option<&'a Statement> {
    out.iter().find(|s| s.text.contains(words))
}

#[test]
fn a_comment_on_a_document_is_an_event_not_a_claim() {
    let out = extract(
        "Envoy Maren Holt said the peace plan was a fair start.\n\nHolt also commented on the draft that would cap the army of Ukraine.",
    );
    assert!(by(&out, "fair start").is_some(), "{out:#?}");
    assert!(
        !out.iter()
            .any(|s| s.text.contains("commented on") && s.speaker.is_some()),
        "{out:#?}"
    );
}

#[test]
fn where_a_speech_was_given_is_no_claim() {
    let out = extract(
        "Envoy Maren Holt said the peace plan was a fair start. She said so at a briefing in Oslo.",
    );
    assert!(by(&out, "briefing in Oslo").is_none(), "{out:#?}");
}

#[test]
fn a_speech_dated_before_the_plan_is_not_about_it() {
    let out = extract(
        "The peace plan reached Kyiv this week.\n\nIn a speech on November 12, envoy Maren Holt said that new talks with Moscow would begin soon.",
    );
    assert!(by(&out, "November 12").is_none(), "{out:#?}");
}

#[test]
fn to_deal_with_is_not_a_deal() {
    // a paragraph apart from the plan's: right after it, a quote answers it (see below)
    let out = extract(
        "The peace plan reached Kyiv this week.\n\nThe envoys met in the old town.\n\n\"She has to deal with many other files this month,\" envoy Maren Holt said of her colleague.",
    );
    assert!(by(&out, "other files").is_none(), "{out:#?}");
}

#[test]
fn talks_named_in_a_closing_aside_do_not_make_a_claim_about_the_plan() {
    let out = extract(
        "The peace plan was debated in Geneva.\n\nEnvoy Maren Holt said that her deputy is busy with many files, mentioning the talks in Oslo and Bern.",
    );
    assert!(by(&out, "busy with many files").is_none(), "{out:#?}");
}

#[test]
fn this_was_takes_up_the_point_of_the_sentence_before() {
    let out = extract(
        "Envoy Maren Holt said the plan demanded that Ukraine give up its bid to join NATO. She stated that this was only a first draft.",
    );
    let s = by(&out, "first draft");
    assert!(
        s.is_some_and(|s| s.provisions.iter().any(|p| p.number == 7)),
        "{out:#?}"
    );
}

#[test]
fn an_answer_to_a_question_on_the_plan_is_about_the_plan() {
    let out = extract(
        "A reporter asked envoy Maren Holt whether she had seen the new text.\n\n\"Not that anyone has told us,\" Maren Holt said.",
    );
    assert!(by(&out, "Not that anyone").is_some(), "{out:#?}");
}

#[test]
fn a_headline_in_the_body_is_not_a_statement() {
    let out = extract(
        "Envoy Maren Holt Says The Peace Plan Is Dead\n\nEnvoy Maren Holt said on Monday that the peace plan had no future.",
    );
    assert!(by(&out, "Says The Peace Plan").is_none(), "{out:#?}");
    assert!(by(&out, "no future").is_some(), "{out:#?}");
    let out = extract("\"The peace plan has no future,\" Maren Holt said. <em>more soon</em>");
    assert!(
        by(&out, "no future").is_some(),
        "a sentence inside is running text: {out:#?}"
    );
}

#[test]
fn a_front_line_report_naming_a_region_is_not_about_the_plan() {
    let out = extract(
        "The army says its units have captured two villages in the Donetsk region overnight.",
    );
    assert!(out.is_empty(), "{out:#?}");
}

#[test]
fn a_quote_after_its_speakers_point_takes_up_that_point() {
    let out = extract(
        "Envoy Maren Holt took issue with the clause on European fighter jets in Poland. \"Nobody asked us about our runways,\" Maren Holt said.",
    );
    let s = by(&out, "our runways");
    assert!(
        s.is_some_and(|s| s.provisions.iter().any(|p| p.number == 9)),
        "{out:#?}"
    );
}

#[test]
fn a_document_passed_on_is_an_event_not_a_claim() {
    let out = extract(
        "Envoy Maren Holt said the peace plan was a fair start.\n\nHolt said the draft was handed to Ukrainian negotiators on Monday.",
    );
    assert!(by(&out, "fair start").is_some(), "{out:#?}");
    assert!(by(&out, "handed to").is_none(), "{out:#?}");
}

#[test]
fn a_claim_of_meeting_or_travel_is_an_event() {
    let out = extract(
        "Envoy Maren Holt said the peace plan was a fair start.\n\nHolt, who leads the delegation of a small Nordic country to the talks, wrote that her team had met security advisers from three capitals first.\n\nHolt said she would fly to Brussels for the NATO summit on Friday.\n\nHolt said the plan would keep Ukraine out of NATO for good.",
    );
    assert!(by(&out, "had met security advisers").is_none(), "{out:#?}");
    assert!(by(&out, "fly to Brussels").is_none(), "{out:#?}");
    let kept = by(&out, "out of NATO for good")
        .map(|s| s.provisions.iter().map(|p| p.number).collect::<Vec<_>>());
    assert_eq!(kept, Some(vec![7]), "a claim on the alliance stays");
    // leaving for a trip is travel too
    let out = extract(
        "Envoy Maren Holt said the peace plan was a fair start.\n\nHolt said she would leave for Moscow on Thursday night to continue the talks.",
    );
    assert!(by(&out, "leave for Moscow").is_none(), "{out:#?}");
}

#[test]
fn a_refusal_to_say_that_names_nothing_is_no_statement() {
    let out = extract(
        "Envoy Maren Holt said the peace plan had changed a great deal. She did not say how.\n\nHolt did not say whether the army cap of the peace plan would stay.",
    );
    assert!(by(&out, "did not say how").is_none(), "{out:#?}");
    assert!(
        by(&out, "army cap").is_some(),
        "a refusal that names a point stays: {out:#?}"
    );
}

#[test]
fn a_claim_that_opens_on_it_after_the_plan_is_about_the_plan() {
    let out = extract(
        "Nine governments said on Friday that they were uneasy about the US peace plan.\n\nPrime Minister Ola Brenner said it had some useful parts, but there was more to do.\n\n\"It will not hold for a month,\" said Ines Marlow, a senator.",
    );
    let brenner =
        by(&out, "useful parts").map(|s| s.provisions.iter().map(|p| p.number).collect::<Vec<_>>());
    assert_eq!(brenner, Some(vec![0]), "{out:#?}");
    assert!(by(&out, "not hold for a month").is_some(), "{out:#?}");
    let out = extract(
        "Nine governments said on Friday that they were uneasy about the US peace plan.\n\nNorway has been firmly told it is no party to any of it.",
    );
    assert!(
        by(&out, "no party").is_none(),
        "a passive names no speaker: {out:#?}"
    );
}

#[test]
fn a_post_about_the_plan_is_a_paraphrase_and_a_posted_video_an_event() {
    let out = extract(
        "Minister Oren Kalv posted on Telegram that the peace plan must not cap the army of Ukraine.\n\nKalv also posted a video from the front near Kupiansk on Thursday.",
    );
    let post = by(&out, "posted on Telegram");
    assert!(
        post.is_some_and(|s| s.speaker.is_some()
            && s.kind == crate::model::Kind::Paraphrase
            && s.provisions.iter().any(|p| p.number == 6)),
        "{out:#?}"
    );
    assert!(by(&out, "a video").is_none(), "{out:#?}");
}

#[test]
fn a_refusal_to_say_which_points_is_no_statement() {
    let out = extract(
        "Envoy Maren Holt said the peace plan had changed a great deal.\n\nHolt would not say which points had been agreed in Geneva.",
    );
    assert!(by(&out, "which points").is_none(), "{out:#?}");
    assert!(by(&out, "changed a great deal").is_some(), "{out:#?}");
}

#[test]
fn a_village_taken_is_no_peace_settlement() {
    let out = extract(
        "The peace plan reached Kyiv this week.\n\nMeanwhile, troops have liberated the settlement of Ostrivka, the Defence Ministry reported.",
    );
    assert!(by(&out, "Ostrivka").is_none(), "{out:#?}");
}

#[test]
fn who_meets_whom_before_a_closing_cue_is_no_claim() {
    let out = extract(
        "Talks on the peace plan went on in Geneva.\n\nSecurity advisers of three European capitals are also in town and will meet the delegation on their own, a source told reporters.",
    );
    assert!(by(&out, "advisers of three").is_none(), "{out:#?}");
}

#[test]
fn when_the_next_round_takes_place_is_no_claim() {
    let out = extract(
        "Envoy Maren Holt said the peace plan was a fair start. She said the next round could take place in Oslo within days.",
    );
    assert!(by(&out, "fair start").is_some(), "{out:#?}");
    assert!(by(&out, "next round").is_none(), "{out:#?}");
}

#[test]
fn a_postponed_meeting_according_to_officials_is_no_claim() {
    let out = extract(
        "Talks on the peace plan went on in Geneva.\n\nThe envoy's meeting with the president in Ankara has been postponed, according to Maren Holt.",
    );
    assert!(by(&out, "postponed").is_none(), "{out:#?}");
}

#[test]
fn a_quote_right_after_a_paragraph_on_the_plan_answers_it() {
    let out = extract(
        "The revised peace plan reached Lisbon on Friday.\n\n\u{201c}We need something our farmers can live with,\u{201d} minister Rui Sardo said.\n\nThe harbour reopened on Monday.\n\nLater that week the ferry ran again.\n\n\u{201c}The weather was kind to us,\u{201d} captain Ines Mota said.",
    );
    let kept = by(&out, "farmers can live with");
    assert!(
        kept.is_some_and(|s| s.speaker.as_ref().is_some_and(|p| p.name == "Rui Sardo")),
        "{out:#?}"
    );
    assert!(
        by(&out, "weather was kind").is_none(),
        "far from the plan: {out:#?}"
    );
}

#[test]
fn a_meeting_before_that_is_when_it_was_said_not_the_claim() {
    let out = extract(
        "The peace plan was discussed in Oslo.\n\nEnvoy Maren Holt told journalists after their second meeting that the talks had been \u{201c}the most useful in years.\u{201d}",
    );
    assert!(by(&out, "most useful").is_some(), "{out:#?}");
}

#[test]
fn a_verdict_on_it_in_a_paragraph_on_the_plan_is_about_the_plan() {
    let body = "The peace plan reached Kyiv this week.\n\nEnvoy Maren Holt told Reuters she was \
                hopeful about it because the talks had moved fast.";
    let out = extract(body);
    assert!(by(&out, "hopeful about it").is_some(), "{out:#?}");
    // with a noun after the preposition the pronoun test does not apply
    let out = extract(
        "The peace plan reached Kyiv this week.\n\nEnvoy Maren Holt told Reuters she was hopeful \
         about the weather because the harvest had moved fast.",
    );
    assert!(by(&out, "hopeful about").is_none(), "{out:#?}");
}

#[test]
fn a_round_of_quoted_reactions_after_a_paragraph_on_the_plan_is_about_it() {
    let body = "Nine governments voiced unease with the peace plan on Saturday.\n\n\
                Envoy Maren Holt said there was \"much to do\".\n\n\
                Minister Lars Brekke said \"we need something that lasts\".\n\n\
                Senator Ana Ruiz said \"nothing can be decided without Kyiv\".";
    let out = extract(body);
    assert!(by(&out, "without Kyiv").is_some(), "{out:#?}");
    // a paragraph with no quote breaks the chain
    let body = "Nine governments voiced unease with the peace plan on Saturday.\n\n\
                The weather in the capital was cold and wet all week.\n\n\
                Minister Lars Brekke said \"the roads are icy\".\n\n\
                Senator Ana Ruiz said \"we need salt on every street\".";
    let out = extract(body);
    assert!(by(&out, "salt on every street").is_none(), "{out:#?}");
}

#[test]
fn the_plan_as_subject_makes_a_shared_word_its_content() {
    // "security guarantees" belongs to several points: with the plan as the subject of a verb
    // of content its default point is the one meant
    let out = extract(
        "The peace plan reached Kyiv on Monday.\n\nThe draft gives Ukraine firm security guarantees. European capitals were not consulted.",
    );
    let s = by(&out, "firm security guarantees");
    assert_eq!(
        s.map(|s| s.provisions.iter().map(|p| p.number).collect::<Vec<_>>()),
        Some(vec![5]),
        "{out:#?}"
    );
    // with no word of a point the plan's doing is no claim
    let out = extract(
        "The peace plan reached Kyiv on Monday.\n\nThe draft gives Kyiv a week. European capitals were not consulted.",
    );
    assert!(by(&out, "a week").is_none(), "{out:#?}");
}

#[test]
fn a_speakers_quote_that_goes_on_from_the_plan_may_name_the_offensive() {
    let out = extract(
        "Envoy Maren Holt said the peace plan was a fair start.\n\n\"Kyiv should negotiate now, while it still can. Its room to choose shrinks with every day of the offensive,\" she said.",
    );
    assert!(by(&out, "room to choose").is_some(), "{out:#?}");
}

#[test]
fn a_short_last_paragraph_cut_off_after_a_comma_is_no_headline() {
    let out = extract(
        "Envoy Maren Holt spoke on the peace plan on Friday.\n\nBut EU foreign policy chief Kaja Kallas said that \u{201C}it is clear Russia wants to lock in its gains and return to the world economy,",
    );
    assert!(by(&out, "lock in its gains").is_some(), "{out:#?}");
}

#[test]
fn quotes_from_the_top_of_an_article_answer_to_its_headline_on_the_plan() {
    let out = extract(
        "Envoys and Ukrainian officials met near Miami on Sunday. (Photo: Agency)\n\n\
         The meeting with the Ukrainian team was \u{201C}very useful\u{201D}, envoy Maren Holt said.\n\n\
         Holt told reporters: \u{201C}There are many moving parts, and the other side has to be part of the equation.\u{201D}",
    );
    let quote = by(&out, "many moving parts");
    assert!(
        quote.is_some_and(|s| s.speaker.as_ref().is_some_and(|p| p.name == "Maren Holt")),
        "{out:#?}"
    );
}

#[test]
fn it_as_the_object_of_a_verb_of_taking_a_side_is_the_plan() {
    let words = |t: &str| -> Vec<String> {
        crate::text::fold_str(t)
            .split(|ch: char| !ch.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(String::from)
            .collect()
    };
    let has = |t: &str| {
        let ws = words(t);
        let refs: Vec<&str> = ws.iter().map(String::as_str).collect();
        super::object_of_it(&refs)
    };
    assert!(has(
        "The cabinet must reject it, our people will never accept this"
    ));
    assert!(has("Oslo would sign it tomorrow"));
    // "it" as a subject, or after a verb that takes no side, is not the plan
    assert!(!has("It was a long night in Geneva"));
    assert!(!has("She found it hard to say"));
}

#[test]
fn being_left_out_of_the_plan_is_a_claim_about_it() {
    let out = extract(
        "Since the peace plan surfaced, nobody has been sure who wrote it.\n\n\
         Nordic governments said they had not been consulted.",
    );
    assert!(by(&out, "not been consulted").is_some(), "{out:#?}");
}

#[test]
fn words_a_later_paragraph_ties_to_the_plan_are_about_it() {
    let Ok(catalog) = crate::catalog::Catalog::bundled() else {
        panic!("seeds parse")
    };
    let Ok(x) = crate::ingest::Extractor::new(&catalog) else {
        panic!("rules compile")
    };
    let page = |tie: &str| {
        let text = format!(
            "A leader warns of a hard winter\n\n\
             President Ivan Petrenko said on Friday that his country faces a choice between its dignity and a key ally.\n\n\
             {tie}\n"
        );
        x.extract(&x.parse("t.txt", &text))
    };
    let out = page("Her comments came a day after the 28-point peace plan was made public.");
    assert!(by(&out, "dignity").is_some(), "{out:#?}");
    // a paragraph that only goes on with the day's news ties nothing
    let out = page("He later travelled to Lviv, where a 28-point peace plan was discussed.");
    assert!(by(&out, "dignity").is_none(), "{out:#?}");
}

#[test]
fn a_warning_against_solutions_without_a_party_is_about_the_plan() {
    let out = extract(
        "The peace plan reached Kyiv on Monday.\n\nAlliance chief Lars Vik warned against “solutions drawn up over Ukraine's head.”",
    );
    assert!(by(&out, "drawn up over").is_some(), "{out:#?}");
}

#[test]
fn a_trip_someone_planned_is_no_word_of_the_plan() {
    let out = extract(
        "Aide Lev Orlov said Moscow had read the peace plan.\n\nOrlov confirmed that neither envoy planned to travel to Kyiv after the talks.",
    );
    assert!(by(&out, "planned to travel").is_none(), "{out:#?}");
}

#[test]
fn a_sides_position_in_the_talks_is_about_the_plan() {
    let out = extract(
        "The peace plan reached Kyiv on Monday.\n\nSpeaking to a radio station, Russian envoy Ilya Sorin said that \"our position is finally being heard in Washington.\"",
    );
    assert!(by(&out, "finally being heard").is_some(), "{out:#?}");
}

#[test]
fn kyiv_leaving_the_areas_it_still_holds_names_the_territorial_clause() {
    let out = extract(
        "The peace plan reached Kyiv on Monday.\n\nThe office of Chancellor Ilse Varga also called the pull-back of Ukraine's troops from areas it continues to control \"a bad outcome.\"",
    );
    let Some(s) = by(&out, "areas it continues to control") else {
        panic!("{out:#?}")
    };
    let points: Vec<u8> = s.provisions.iter().map(|p| p.number).collect();
    assert_eq!(points, [21]);
}
