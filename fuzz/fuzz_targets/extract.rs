//! Fuzzes the whole pure ingest path on arbitrary bytes: decode, parse (as text and as HTML),
//! extract. The properties are those of tests/robustness.rs: no panic, every span on character
//! boundaries inside the body and equal to its text, the same output twice.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use pointwise::catalog::Catalog;
use pointwise::ingest::Extractor;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(|| {
    let catalog = Catalog::bundled().expect("bundled catalog");
    Extractor::new(&catalog).expect("bundled rules")
});

fn check(name: &str, text: &str) {
    let x = &*EXTRACTOR;
    let article = x.parse(name, text);
    let body = &article.body;
    for p in &article.paragraphs {
        assert!(p.start <= p.end && p.end <= body.len());
        assert!(body.is_char_boundary(p.start) && body.is_char_boundary(p.end));
    }
    let first = x.extract(&article);
    for s in &first {
        assert!(s.span.start <= s.span.end && s.span.end <= body.len());
        assert!(body.is_char_boundary(s.span.start) && body.is_char_boundary(s.span.end));
        assert_eq!(&body[s.span.clone()], s.text);
    }
    assert_eq!(first, x.extract(&x.parse(name, text)));
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = pointwise::ingest::decode::decode(data) else {
        return;
    };
    check("fuzz.txt", &text);
    check("fuzz.html", &text);
});
