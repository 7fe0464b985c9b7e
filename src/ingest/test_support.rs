//! What the stage tests share: the whole extractor run on one invented article.

use crate::catalog::Catalog;
use crate::ingest::{Extractor, Statement};

/// The statements of `body` under a title and a date about the plan's talks.
pub(crate) fn extract(body: &str) -> Vec<Statement> {
    let Ok(catalog) = Catalog::bundled() else {
        panic!("seeds parse")
    };
    let Ok(x) = Extractor::new(&catalog) else {
        panic!("rules compile")
    };
    let text = format!("Talks on the US peace plan\nNov 27, 2025\n\n{body}");
    x.extract(&x.parse("t.txt", &text))
}
