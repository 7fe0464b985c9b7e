//! Unit tests of the scorer: each measure on small hand-made gold and predicted sets.

use super::*;

fn row(file: &str, speaker: Option<&str>, kind: &str, text: &str, points: &[i64]) -> Row {
    Row {
        source_file: file.into(),
        speaker: speaker.map(str::to_string),
        kind: kind.into(),
        text: text.into(),
        provisions: points.to_vec(),
        stance: "neutral".into(),
        ..Row::default()
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn perfect_prediction_scores_one_everywhere() {
    let gold = vec![
        row(
            "a.txt",
            Some("Dmitry Peskov"),
            "quote",
            "We have received nothing official",
            &[0],
        ),
        row(
            "a.txt",
            None,
            "report",
            "Kyiv would cap its army at 600,000",
            &[6],
        ),
    ];
    let r = score(&gold, &gold);
    assert!(close(r.triples.f1, 1.0) && close(r.pairs.f1, 1.0) && close(r.statements.f1, 1.0));
    assert_eq!(
        (r.quotes, r.quotes_found, r.quotes_right_speaker),
        (1, 1, 1)
    );
    assert_eq!((r.stance_found, r.stance_agree), (2, 2));
    assert!(r.misses.is_empty() && r.extras.is_empty());
}

#[test]
fn a_wrong_speaker_keeps_the_pair_but_loses_the_triple_and_the_quote() {
    let gold = vec![row(
        "a.txt",
        Some("Marco Rubio"),
        "quote",
        "We made a tremendous amount of progress",
        &[0],
    )];
    let pred = vec![row(
        "a.txt",
        Some("Steve Witkoff"),
        "quote",
        "We made a tremendous amount of progress",
        &[0],
    )];
    let r = score(&gold, &pred);
    assert!(close(r.pairs.f1, 1.0));
    assert!(close(r.triples.f1, 0.0));
    assert!(close(r.statements.f1, 0.0));
    assert_eq!((r.quotes_found, r.quotes_right_speaker), (1, 0));
    assert_eq!(r.misses.len(), 1);
    assert_eq!(r.extras[0].speaker.as_deref(), Some("Steve Witkoff"));
}

#[test]
fn aliases_match_by_full_name_and_by_last_word() {
    let mut g = row(
        "a.txt",
        Some("Volodymyr Zelensky"),
        "paraphrase",
        "Kyiv will not give up Donbas",
        &[21],
    );
    g.aliases = vec!["Zelenskyy".into()];
    let pred = vec![
        row(
            "a.txt",
            Some("President Zelenskyy"),
            "paraphrase",
            "Kyiv will not give up Donbas",
            &[21],
        ),
        row(
            "b.txt",
            Some("Zelenskyy"),
            "paraphrase",
            "not scored: b.txt has no gold",
            &[7],
        ),
    ];
    let r = score(&[g], &pred);
    assert!(close(r.triples.f1, 1.0), "{r:?}");
    assert_eq!(r.predicted, 1, "articles without gold are left out");
}

#[test]
fn optional_gold_is_neither_rewarded_nor_punished() {
    let mut opt = row(
        "a.txt",
        None,
        "report",
        "The plan echoes Moscow's demands",
        &[0],
    );
    opt.optional = true;
    let gold = vec![
        opt,
        row("a.txt", None, "report", "Russia would rejoin the G8", &[13]),
    ];
    let only_required = score(&gold, &gold[1..]);
    let both = score(&gold, &gold);
    assert!(close(only_required.triples.f1, 1.0));
    assert!(close(both.triples.f1, 1.0));
    assert!(
        close(both.statements.p, 1.0),
        "an optional statement found is not wrong"
    );
    assert_eq!(both.gold_statements, 1);
    assert_eq!(both.gold_optional, 1);
}

#[test]
fn precision_and_recall_of_triples_and_pairs() {
    let gold = vec![
        row("a.txt", None, "report", "Ukraine would cap its army", &[6]),
        row(
            "a.txt",
            None,
            "report",
            "NATO would not deploy troops",
            &[8],
        ),
    ];
    let pred = vec![
        row(
            "a.txt",
            None,
            "report",
            "Ukraine would cap its army",
            &[6, 7],
        ),
        row(
            "a.txt",
            Some("Kremlin"),
            "report",
            "NATO would not deploy troops",
            &[8],
        ),
    ];
    let r = score(&gold, &pred);
    // triples: predicted {6, 7, Kremlin 8}, gold {6, 8}: 1 right
    assert!(close(r.triples.p, 1.0 / 3.0) && close(r.triples.r, 0.5));
    assert!(close(r.triples.f1, 0.4));
    // pairs: predicted {6, 7, 8}, gold {6, 8}: 2 right
    assert!(close(r.pairs.p, 2.0 / 3.0) && close(r.pairs.r, 1.0));
    assert_eq!(r.per_article[0].gold, 2);
    assert_eq!(r.per_article[0].predicted, 3);
    assert_eq!(r.per_article[0].correct, 1);
}

#[test]
fn statements_need_the_same_words_and_a_statement_off_the_plan_is_not_counted() {
    let gold = vec![row(
        "a.txt",
        Some("Kaja Kallas"),
        "quote",
        "peace cannot be a capitulation of the victim",
        &[0],
    )];
    let pred = vec![
        row(
            "a.txt",
            Some("Kaja Kallas"),
            "quote",
            "Peace cannot be a capitulation of the victim",
            &[0],
        ),
        row(
            "a.txt",
            Some("Kaja Kallas"),
            "paraphrase",
            "she flies to Luanda on Monday",
            &[],
        ),
        row(
            "a.txt",
            Some("Kaja Kallas"),
            "paraphrase",
            "the shadow fleet must be stopped",
            &[0],
        ),
    ];
    let r = score(&gold, &pred);
    assert!(
        close(r.statements.p, 0.5),
        "two statements with points, one right: {r:?}"
    );
    assert!(close(r.statements.r, 1.0));
    assert!(close(r.triples.f1, 1.0), "the triple is already known");
}

#[test]
fn text_overlap_by_containment_and_by_shared_words() {
    let g = row(
        "a.txt",
        None,
        "quote",
        "a just and lasting peace for Ukraine",
        &[0],
    );
    let inside = row(
        "a.txt",
        None,
        "quote",
        "we want a just and lasting peace for Ukraine now",
        &[0],
    );
    let part = row("a.txt", None, "quote", "peace", &[0]);
    let reworded = row(
        "a.txt",
        None,
        "quote",
        "Ukraine wants peace that is just and lasting",
        &[0],
    );
    assert!(overlaps(&g, &inside));
    assert!(
        !overlaps(&g, &part),
        "a part shorter than 12 characters is not enough"
    );
    assert!(overlaps(&g, &reworded), "6 of 7 words shared");
}

#[test]
fn stance_agreement_counts_found_statements_only() {
    let mut g1 = row(
        "a.txt",
        None,
        "paraphrase",
        "Warsaw opposes the jets clause",
        &[9],
    );
    g1.stance = "opposes".into();
    let g2 = row(
        "a.txt",
        None,
        "paraphrase",
        "Berlin is silent about the amnesty",
        &[26],
    );
    let mut p1 = g1.clone();
    p1.stance = "neutral".into();
    let r = score(&[g1, g2], &[p1]);
    assert_eq!((r.stance_found, r.stance_agree), (1, 0));
}

#[test]
fn norm_folds_accents_apostrophes_and_spaces() {
    assert_eq!(
        norm("  Radosław  Sikorski\u{2019}s\n"),
        "radosław sikorski's"
    );
    assert_eq!(norm("Péter Szijjártó"), "peter szijjarto");
    assert_eq!(
        words("Ukraine's 600,000-strong army"),
        ["600", "000", "army", "s", "strong", "ukraine"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    );
}

#[test]
fn render_prints_the_score_py_lines_and_quiet_drops_the_details() {
    let gold = vec![row(
        "a.txt",
        None,
        "report",
        "Russia would rejoin the G8",
        &[13],
    )];
    let loud = render(&score(&gold, &[]), false);
    let quiet = render(&score(&gold, &[]), true);
    assert!(loud.contains("triples  P=0.000 R=0.000 F1=0.000"));
    assert!(loud.contains("  miss  ('a.txt', None, 13)"));
    assert!(!quiet.contains("miss"));
    assert!(quiet.ends_with("triple_f1 0.000\n"));
}

#[test]
fn parse_jsonl_names_the_bad_line() {
    let ok = parse_jsonl("{\"source_file\": \"a.txt\", \"provisions\": [1]}\n\n").map(|v| v.len());
    assert_eq!(ok, Ok(1));
    let bad = parse_jsonl("{}\n{not json").expect_err("line 2 is not JSON");
    assert!(bad.starts_with("line 2:"), "{bad}");
}
