//! Multi-row statements in chunks: the helpers the write path ([`super::write`]) and the
//! tallies ([`super::tally`]) both use, kept below them so neither imports the other for them.

use sqlx::QueryBuilder;
use sqlx::query_builder::Separated;

/// Largest number of rows in one multi-row insert (12 columns: 3,072 bound values).
pub(super) const MAX_ROWS: usize = 256;

/// Splits `len` rows into chunks of `max` (a power of two) and then smaller powers of two, so
/// a run uses at most nine distinct SQL texts per table (each a prepared statement cached by
/// sqlx).
fn chunk_sizes(mut len: usize, max: usize) -> Vec<usize> {
    let mut out = Vec::new();
    while len > 0 {
        let size = if len >= max {
            max
        } else {
            1 << (usize::BITS - 1 - len.leading_zeros())
        };
        out.push(size);
        len -= size;
    }
    out
}

super::per_backend! {
    /// The two-column rows of `head` + a list of `values` + `tail`, [`MAX_ROWS`] values a query.
    /// The queries are not kept as prepared statements: their lists vary in length.
    pub(crate) async fn pairs_in(
        conn: &mut Conn,
        head: &'static str,
        values: &[&str],
        tail: &'static str,
    ) -> sqlx::Result<Vec<(String, String)>> {
        let mut out = Vec::new();
        for chunk in values.chunks(MAX_ROWS) {
            let mut q = QueryBuilder::<Backend>::new(head);
            let mut list = q.separated(", ");
            for v in chunk {
                list.push_bind(*v);
            }
            q.push(tail);
            let rows: Vec<(String, String)> = q
                .build_query_as()
                .persistent(false)
                .fetch_all(&mut *conn)
                .await?;
            out.extend(rows);
        }
        Ok(out)
    }

    /// `head` + `values (...)` for each of `rows` (bound by `bind`) + `tail`, in chunks of at most
    /// `max` rows sized by [`chunk_sizes`] (so each chunk's SQL text is one of a few, kept as a
    /// prepared statement).
    pub(crate) async fn insert_rows<T>(
        conn: &mut Conn,
        head: &'static str,
        tail: &'static str,
        rows: &[T],
        max: usize,
        mut bind: impl FnMut(Separated<'_, Backend, &'static str>, &T),
    ) -> sqlx::Result<()> {
        let mut rest = rows;
        for size in chunk_sizes(rows.len(), max) {
            let (chunk, tail_rows) = rest.split_at(size);
            rest = tail_rows;
            let mut q = QueryBuilder::<Backend>::new(head);
            q.push_values(chunk, &mut bind);
            q.push(tail);
            q.build().execute(&mut *conn).await?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_cover_the_rows_with_few_sizes() {
        for len in [0, 1, 2, 3, 15, 16, 17, 255, 256, 257, 1000, 4097] {
            let sizes = chunk_sizes(len, MAX_ROWS);
            assert_eq!(sizes.iter().sum::<usize>(), len, "{len}");
            assert!(sizes.iter().all(|s| s.is_power_of_two() && *s <= MAX_ROWS));
        }
        assert_eq!(chunk_sizes(1000, 256), [256, 256, 256, 128, 64, 32, 8]);
        assert_eq!(chunk_sizes(130, 64), [64, 64, 2]);
    }
}
