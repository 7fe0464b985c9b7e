//! Extraction quality: the seeds and the test corpus scored against their hand-made gold sets
//! with `pointwise::eval` (the measures of `shared/eval/score.py`), with the thresholds
//! asserted; and short articles written in other outlets' styles, with other speakers, to show
//! the rules are general.

use crate::common;

use pointwise::eval::{self, Report, Row};
use pointwise::ingest::{Extractor, Statement};

/// The report and its misses and extras, one a line.
fn score(gold: &[Row], pred: &[(String, Statement)]) -> (Report, String) {
    let rows: Vec<Row> = pred
        .iter()
        .map(|(f, s)| Row::from_statement(f, s))
        .collect();
    let report = eval::score(gold, &rows);
    let notes = eval::render(&report, false);
    (report, notes)
}

fn extract_dir(
    extractor: &Extractor,
    dir: &std::path::Path,
) -> anyhow::Result<Vec<(String, Statement)>> {
    let mut out = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    for path in files {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = pointwise::ingest::decode::decode(&std::fs::read(&path)?)?;
        let article = extractor.parse(&name, &text);
        out.extend(
            extractor
                .extract(&article)
                .into_iter()
                .map(|s| (name.clone(), s)),
        );
    }
    Ok(out)
}

fn load_gold(path: &std::path::Path) -> anyhow::Result<Vec<Row>> {
    eval::parse_jsonl(&std::fs::read_to_string(path)?).map_err(anyhow::Error::msg)
}

#[tokio::test]
async fn seeds_score_above_the_thresholds() -> anyhow::Result<()> {
    // Arrange
    let t = common::test_db().await?;
    let gold = load_gold(&common::fixture("seeds_gold.jsonl"))?;
    // Act
    let pred = extract_dir(&t.extractor, &common::seeds_dir())?;
    let (r, notes) = score(&gold, &pred);
    // Assert
    println!("seeds:\n{notes}");
    // issue 12's bar for the seeds: triple and statement F1 at least 0.95, every quote found
    // with the right speaker
    let (pair_f1, triple_f1) = (r.pairs.f1, r.triples.f1);
    assert!(
        triple_f1 >= 0.95,
        "triple F1 {triple_f1:.3} < 0.95:\n{notes}"
    );
    assert!(
        r.statements.f1 >= 0.95,
        "statement F1 {:.3} < 0.95:\n{notes}",
        r.statements.f1
    );
    assert!(pair_f1 >= 0.95, "pair F1 {pair_f1:.3} < 0.95:\n{notes}");
    assert_eq!(
        r.quotes_right_speaker, r.quotes,
        "quotes with the right speaker:\n{notes}"
    );
    Ok(())
}

/// Scores one half of the test corpus (`tests/fixtures/corpus/{half}`) when it is present.
async fn score_half(half: &str) -> anyhow::Result<Option<Report>> {
    let dir = common::fixture(&format!("corpus/{half}"));
    if !dir.join("gold.jsonl").exists() {
        println!("corpus/{half}: not present, skipped");
        return Ok(None);
    }
    let t = common::test_db().await?;
    let gold = load_gold(&dir.join("gold.jsonl"))?;
    let pred = extract_dir(&t.extractor, &dir.join("articles"))?;
    let (r, notes) = score(&gold, &pred);
    println!("corpus/{half}:\n{notes}");
    Ok(Some(r))
}

#[tokio::test]
async fn corpus_halves_score_above_their_floors() -> anyhow::Result<()> {
    // The tune half (32 articles imitating real pages, annotated by hand) has floors; the held
    // and fresh halves (fresh, fresh2) are only printed: they are scored once, at the end of a
    // round.
    // Floors = the extractor's scores on the tune half, less 0.02, rounded down (when the half
    // was written: triple F1 0.491, pair F1 0.667, statement F1 0.452; after round 2 of the
    // plan-content work, 2026-12-04: 0.712, 0.907, 0.681; after round 2 of both sides, merged:
    // 0.826, 0.929, 0.816; after round 3: 0.881, 0.952, 0.874), so a change that lowers them
    // fails.
    // Raise them as the extraction improves.
    let tune = score_half("tune").await?;
    score_half("held").await?;
    // The fresh half (written after the round's extraction work, by other hands) is printed
    // only, like the held half: it is scored once, at the end of a round, and never tuned on.
    score_half("fresh").await?;
    // The fresh2 half (written once the other three had been seen, by a helper who never ran
    // the extractor on it) is printed only too: the untouched half of the round it was written in.
    score_half("fresh2").await?;
    let Some(r) = tune else {
        anyhow::bail!("tests/fixtures/corpus/tune is missing");
    };
    assert!(
        r.triples.f1 >= 0.86,
        "tune triple F1 {:.3} < 0.86",
        r.triples.f1
    );
    assert!(r.pairs.f1 >= 0.93, "tune pair F1 {:.3} < 0.93", r.pairs.f1);
    assert!(
        r.statements.f1 >= 0.85,
        "tune statement F1 {:.3} < 0.85",
        r.statements.f1
    );
    Ok(())
}

#[tokio::test]
async fn every_corpus_gold_text_is_a_span_of_its_cleaned_body() -> anyhow::Result<()> {
    // The annotators' texts must be reachable: a span of the body the extractor sees, after the
    // header, the boilerplate and (for saved pages) the HTML are stripped.
    let t = common::test_db().await?;
    for half in ["tune", "held", "fresh", "fresh2"] {
        let dir = common::fixture(&format!("corpus/{half}"));
        if !dir.join("gold.jsonl").exists() {
            continue;
        }
        for g in load_gold(&dir.join("gold.jsonl"))? {
            let path = dir.join("articles").join(&g.source_file);
            let text = pointwise::ingest::decode::decode(&std::fs::read(&path)?)?;
            let article = t.extractor.parse(&g.source_file, &text);
            assert!(
                article.body.contains(&g.text),
                "{half}/{}: {:?} is not in the cleaned body",
                g.source_file,
                g.text
            );
        }
    }
    Ok(())
}

#[tokio::test]
async fn every_seed_gold_quote_is_found_with_its_speaker() -> anyhow::Result<()> {
    let t = common::test_db().await?;
    let pred = extract_dir(&t.extractor, &common::seeds_dir())?;
    let text = std::fs::read_to_string(common::fixture("seeds_gold.jsonl"))?;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let g: serde_json::Value = serde_json::from_str(line)?;
        if g["kind"] != "quote" || g["optional"] == true {
            continue;
        }
        let file = g["source_file"].as_str().unwrap_or_default();
        let words = eval::norm(g["text"].as_str().unwrap_or_default());
        let speaker = g["speaker"].as_str().unwrap_or_default();
        let found = pred.iter().any(|(f, s)| {
            f == file
                && eval::norm(&s.text).contains(&words)
                && s.speaker.as_ref().is_some_and(|x| x.name == speaker)
        });
        assert!(found, "{file}: quote {words:?} by {speaker} not found");
    }
    Ok(())
}

fn extract_text(extractor: &Extractor, name: &str, text: &str) -> Vec<Statement> {
    let article = extractor.parse(name, text);
    extractor.extract(&article)
}

fn has(statements: &[Statement], speaker: Option<&str>, point: u8) -> bool {
    statements.iter().any(|s| {
        s.speaker.as_ref().map(|x| x.name.as_str()) == speaker
            && s.provisions.iter().any(|p| p.number == point)
    })
}

#[tokio::test]
async fn wire_copy_in_another_style_with_other_speakers() -> anyhow::Result<()> {
    // Arrange: an article written for this test, in the style of a wire agency.
    let t = common::test_db().await?;
    let text = "Poland says jets and troops clauses need work\nNov 25, 2025 14:05 GMT\nBy Anna Nowak\n\n\
WARSAW, Nov 25 (Reuters) - Poland's foreign minister said on Tuesday that the clause on European fighter jets \
based in Poland had not been discussed with Warsaw.\n\n\
\u{201C}Nobody asked us about our airfields,\u{201D} Radoslaw Sikorski told reporters. \u{201C}We will not accept \
decisions about Poland without Poland.\u{201D}\n\n\
Kremlin aide Yuri Ushakov said Moscow saw \u{2018}many provisions that suit us\u{2019} in the text, but the clause \
on frozen assets would need more work.\n\n\
Olena Kovalchuk, an analyst at the Razumkov Centre in Kyiv, said the cap of 600,000 troops was \u{201C}a ceiling \
Ukraine could live with in peacetime.\u{201D} Kovalchuk added that elections within 100 days were unrealistic \
under martial law.\n\n\
The weather in Warsaw was cold, the minister added.\n\nRead more:\nLavrov says plan \u{2018}a basis\u{2019} for talks\n";
    // Act
    let s = extract_text(&t.extractor, "wire.txt", text);
    // Assert
    assert!(
        has(&s, Some("Radosław Sikorski"), 9) || has(&s, Some("Radosław Sikorski"), 0),
        "{s:#?}"
    );
    assert!(
        has(&s, Some("Yuri Ushakov"), 14),
        "frozen assets -> 14: {s:#?}"
    );
    assert!(
        has(&s, Some("Olena Kovalchuk"), 6),
        "a person first seen here: {s:#?}"
    );
    assert!(
        has(&s, Some("Olena Kovalchuk"), 25),
        "surname resolves to the new person: {s:#?}"
    );
    assert!(
        !s.iter().any(|x| x.text.contains("Lavrov says")),
        "headlines after Read more yield nothing"
    );
    assert!(
        !s.iter().any(|x| x.text.contains("weather")),
        "a remark not about the plan is not a statement"
    );
    let quote = s.iter().find(|x| x.text.starts_with("Nobody asked us"));
    assert!(
        quote.is_some_and(|q| q
            .speaker
            .as_ref()
            .is_some_and(|x| x.name == "Radosław Sikorski")),
        "{s:#?}"
    );
    Ok(())
}

#[tokio::test]
async fn kremlin_readout_with_a_title_alone_and_a_pronoun_chain() -> anyhow::Result<()> {
    let t = common::test_db().await?;
    let text = "Peskov: Moscow has not received the plan officially\n23 NOV 2025 09:10\n\n\
MOSCOW, November 23. /TASS/. The Kremlin has not received the amended text of the US peace plan, the Kremlin \
spokesman said on Sunday.\n\n\
He said Moscow was ready to discuss the points on territory with Washington.\n\n\
\u{00AB}We consider the return to the G8 a secondary matter,\u{00BB} he stressed.\n";
    let s = extract_text(&t.extractor, "tass.txt", text);
    assert!(
        has(&s, Some("Dmitry Peskov"), 0),
        "title alone -> Peskov: {s:#?}"
    );
    assert!(
        has(&s, Some("Dmitry Peskov"), 21),
        "pronoun chain, territory -> 21: {s:#?}"
    );
    assert!(
        has(&s, Some("Dmitry Peskov"), 13),
        "guillemets, G8 -> 13: {s:#?}"
    );
    Ok(())
}

#[tokio::test]
async fn a_role_alone_a_group_with_a_modifier_and_a_pronoun_past_an_aside() -> anyhow::Result<()> {
    // Arrange: a press release in another style, written for this test.
    let t = common::test_db().await?;
    let text = "Ministers discuss the peace plan\n2025-11-22\n\n\
Minister for Foreign Affairs Andrii Sybiha met US Vice President JD Vance to discuss the American peace proposals.\n\n\
\"Ukraine's security needs guarantees that work, as strong as Article 5,\" the Minister said.\n\n\
Nordic leaders gathered at a summit in Oslo said in a joint statement that the draft \"is a basis which will require additional work.\"\n\n\
The weather in Oslo was cold.\n\n\
He added that the cap on Ukraine's army was unacceptable.\n";
    // Act
    let s = extract_text(&t.extractor, "release.txt", text);
    // Assert
    let quote = s.iter().find(|x| x.text.starts_with("Ukraine's security"));
    assert!(
        quote.is_some_and(|q| q
            .speaker
            .as_ref()
            .is_some_and(|x| x.name == "Andrii Sybiha")),
        "\"the Minister\" is the minister named before, not the vice president: {s:#?}"
    );
    assert!(
        has(&s, Some("Nordic leaders"), 0),
        "the group without \"gathered at ...\": {s:#?}"
    );
    assert!(
        has(&s, Some("Andrii Sybiha"), 6),
        "\"He\" past paragraphs without a man in them: {s:#?}"
    );
    Ok(())
}

#[tokio::test]
async fn two_claims_joined_by_and_that_are_one_statement_of_the_sentence() -> anyhow::Result<()> {
    let t = common::test_db().await?;
    let text = "Minister on the draft\n2025-11-26\n\n\
Ukraine's Ambassador to the United States Olha Stefanishyna said that the updated draft now has 19 points \
and that the clause on amnesty for war crimes had been removed.\n";
    let s = extract_text(&t.extractor, "split.txt", text);
    // (round 13: split in two, the second part matched a hand-annotated statement 7 times in
    // 20 on the real sets; annotators keep the sentence whole)
    let speaker = Some("Olha Stefanishyna");
    assert_eq!(s.len(), 1, "{s:#?}");
    assert!(s[0].text.contains("amnesty"), "{s:#?}");
    assert!(has(&s, speaker, 26), "the second claim, amnesty: {s:#?}");
    Ok(())
}

#[tokio::test]
async fn a_definite_noun_takes_up_the_point_of_an_earlier_phrase() -> anyhow::Result<()> {
    let t = common::test_db().await?;
    let text = "The nuclear clause\n2025-11-26\n\n\
The plan says the Zaporizhzhia nuclear power plant will be restarted under IAEA supervision.\n\n\
Rafael Grossi told reporters that the plant would need a special status.\n\n\
Daniel Driscoll, the US Secretary of the Army, said that the talks had been useful.\n";
    let s = extract_text(&t.extractor, "plant.txt", text);
    assert!(
        has(&s, Some("Rafael Grossi"), 19),
        "the plant -> 19: {s:#?}"
    );
    assert!(
        !has(&s, Some("Dan Driscoll"), 6) && !has(&s, Some("Daniel Driscoll"), 6),
        "a title takes nothing up: {s:#?}"
    );
    Ok(())
}

#[tokio::test]
async fn new_bodies_by_name_and_by_their_head_noun() -> anyhow::Result<()> {
    let t = common::test_db().await?;
    let text = "Grain traders on the plan\n2025-11-29\n\n\
Point 23 of the American plan provides for free navigation on the Black Sea.\n\n\
The Odesa Grain Traders Association said in a statement that free navigation would cut freight costs. \
The association also said that money from the plan's reconstruction package should go to rebuilding schools first.\n\n\
Navalis, Ukraine's largest shipping corporation, said that the grain corridor clause was useful.\n";
    let s = extract_text(&t.extractor, "grain.txt", text);
    assert!(
        has(&s, Some("Odesa Grain Traders Association"), 23),
        "a new body: {s:#?}"
    );
    assert!(
        has(&s, Some("Odesa Grain Traders Association"), 12),
        "\"the association\" is the body named before: {s:#?}"
    );
    assert!(
        has(&s, Some("Navalis"), 23),
        "the name before its description: {s:#?}"
    );
    Ok(())
}

#[tokio::test]
async fn a_participle_speaker_an_honorific_and_related_topics() -> anyhow::Result<()> {
    let t = common::test_db().await?;
    let text = "Allies on the plan\n2025-12-03\n\n\
NATO foreign ministers discussed the U.S. plan, with several allies insisting that the alliance alone decides on Ukraine's membership.\n\n\
\"Nothing about Ukraine can be agreed without Ukraine,\" Sir Keir said of the peace plan.\n\n\
Related Topics\n\
Trump says the plan is \"final\"\n";
    let s = extract_text(&t.extractor, "allies.txt", text);
    assert!(has(&s, Some("several allies"), 7), "{s:#?}");
    assert!(has(&s, Some("Keir Starmer"), 0), "Sir Keir: {s:#?}");
    assert!(
        !s.iter().any(|x| x.text.contains("final")),
        "headlines after Related Topics yield nothing: {s:#?}"
    );
    Ok(())
}

#[tokio::test]
async fn a_document_from_one_side_speaks_for_its_authors() -> anyhow::Result<()> {
    let t = common::test_db().await?;
    let text = "Europe's answer\n2025-11-24\n\n\
European governments have drawn up their own version of the 28-point plan.\n\n\
The European text, seen by this newspaper, raises the ceiling on Ukraine's army to 800,000. \
The document keeps the provision basing European fighter jets in Poland.\n\n\
The US plan offers Russia a return to the G8.\n";
    let s = extract_text(&t.extractor, "counter.txt", text);
    assert!(has(&s, Some("European governments"), 6), "{s:#?}");
    assert!(
        has(&s, Some("European governments"), 9),
        "\"the document\" right after is the same text: {s:#?}"
    );
    assert!(
        has(&s, None, 13),
        "the US plan stays in the article's voice: {s:#?}"
    );
    Ok(())
}

#[tokio::test]
async fn a_quote_is_about_the_clause_its_frame_names() -> anyhow::Result<()> {
    let t = common::test_db().await?;
    let text = "Sybiha on the plan\n2025-12-04\n\n\
Foreign Minister Andrii Sybiha wrote on X that the plan's tolerance clause \"must apply to Russia first, \
where every Ukrainian school in the occupied territories has been closed\".\n";
    let s = extract_text(&t.extractor, "frame.txt", text);
    assert!(
        has(&s, Some("Andrii Sybiha"), 20),
        "tolerance clause -> 20: {s:#?}"
    );
    assert!(
        !has(&s, Some("Andrii Sybiha"), 21),
        "not the territory the quote mentions in passing: {s:#?}"
    );
    Ok(())
}
