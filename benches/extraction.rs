//! Extraction throughput on one core: `cargo bench --bench extraction`.
//!
//! Parses and extracts every seed article and every corpus article repeatedly, on one thread,
//! and prints articles/s and MB/s for each set; then times one paragraph of 5,000 and of 10,000
//! sentences and prints the ratio. No database, no I/O in the timed loop.

use std::path::Path;
use std::time::{Duration, Instant};

use pointwise::catalog::Catalog;
use pointwise::ingest::Extractor;

fn load(dir: &Path) -> Vec<(String, String)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    files
        .into_iter()
        .filter_map(|p| {
            let text = std::fs::read_to_string(&p).ok()?;
            Some((p.file_name()?.to_string_lossy().into_owned(), text))
        })
        .collect()
}

fn measure(name: &str, extractor: &Extractor, articles: &[(String, String)]) {
    let bytes: usize = articles.iter().map(|(_, t)| t.len()).sum();
    let mut rounds = 0usize;
    let mut statements = 0usize;
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(3) {
        for (file, text) in articles {
            let article = extractor.parse(file, text);
            statements += extractor.extract(&article).len();
        }
        rounds += 1;
    }
    let secs = start.elapsed().as_secs_f64();
    let n = (rounds * articles.len()) as f64;
    println!(
        "{name}: {} articles, {} bytes, {rounds} rounds in {secs:.2} s: {:.0} articles/s, {:.2} MB/s, {:.0} statements/s",
        articles.len(),
        bytes,
        n / secs,
        (rounds * bytes) as f64 / secs / 1e6,
        statements as f64 / secs
    );
}

fn main() {
    let catalog = Catalog::bundled().expect("bundled seeds parse");
    let start = Instant::now();
    let extractor = Extractor::new(&catalog).expect("rules compile");
    println!(
        "rules compiled in {:.1} ms",
        start.elapsed().as_secs_f64() * 1e3
    );
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    measure("seeds", &extractor, &load(&root.join("seeds/articles")));
    // the two halves of the test corpus; the held half is absent on most branches
    for half in ["tune", "held"] {
        let dir = root
            .join("tests/fixtures/corpus")
            .join(half)
            .join("articles");
        if dir.is_dir() {
            measure(&format!("corpus/{half}"), &extractor, &load(&dir));
        }
    }
    long_paragraph(&extractor);
}

/// One paragraph of n sentences, each a statement: the time for 2n over the time for n, measured
/// in one run (2.0 when the extraction is linear in the paragraph's length, 4.0 when quadratic).
fn long_paragraph(extractor: &Extractor) {
    let text = |n: usize| {
        let body: Vec<String> = (0..n)
            .map(|i| format!("Official {i} said the plan caps the army."))
            .collect();
        format!("The peace plan\n\n{}\n", body.join(" "))
    };
    let time = |n: usize| {
        let t = text(n);
        let start = Instant::now();
        let article = extractor.parse("long.txt", &t);
        let found = extractor.extract(&article).len();
        (start.elapsed().as_secs_f64(), found)
    };
    let (one, a) = time(5_000);
    let (two, b) = time(10_000);
    println!(
        "one paragraph: 5,000 sentences in {one:.2} s ({a} statements), 10,000 in {two:.2} s ({b}): ratio {:.2} (2.0 is linear)",
        two / one
    );
}
