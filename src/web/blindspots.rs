//! Blindspots: the points an outlet (or the outlets of a country) has never written about while
//! other outlets have. Shown on the matrix with `blindspots=1` (cells marked, a count per
//! column) and on an outlet's drill-down (`?outlet=X`), counted over all the data, whatever the
//! view narrows.

use std::collections::{BTreeSet, HashMap};

use crate::db::matrix::{self, Axis, AxisFilter, ColumnRow};
use crate::model::PointNumber;
use crate::web::error::WebError;

/// One column's blindspots.
#[derive(Debug, Clone, Default)]
pub struct ColumnBlind {
    /// The points it never wrote about while others did, in order.
    pub points: Vec<i64>,
}

/// The blindspots of a matrix view.
#[derive(Debug, Clone, Default)]
pub struct Blindspots {
    /// The columns are outlets or countries, so blindspots make sense.
    pub available: bool,
    /// The toggle is on: cells are marked and counted.
    pub shown: bool,
    /// The link that turns the toggle over.
    pub toggle: String,
    /// Per shown column, in order (empty when not shown).
    pub columns: Vec<ColumnBlind>,
    /// The outlet of a drill-down and its blindspots.
    pub outlet: Option<(String, Vec<i64>)>,
}

impl Blindspots {
    /// Whether point `n` is a blindspot of the `i`th column shown.
    pub fn is_blind(&self, n: &i64, i: &usize) -> bool {
        self.columns.get(*i).is_some_and(|c| c.points.contains(n))
    }
}

/// Points 1..28 each column key has statements on.
fn covered_by_key(cells: &[matrix::KeyedCell]) -> HashMap<&str, BTreeSet<i64>> {
    let mut out: HashMap<&str, BTreeSet<i64>> = HashMap::new();
    for c in cells.iter().filter(|c| c.total > 0 && c.provision >= 1) {
        out.entry(c.key.as_str()).or_default().insert(c.provision);
    }
    out
}

/// The points some key covers and `key` does not.
pub fn blind_points(covered: &HashMap<&str, BTreeSet<i64>>, key: &str) -> Vec<i64> {
    let all: BTreeSet<i64> = covered.values().flatten().copied().collect();
    let own = covered.get(key);
    (1..=i64::from(PointNumber::LAST))
        .filter(|p| all.contains(p) && !own.is_some_and(|o| o.contains(p)))
        .collect()
}

/// The blindspots of the matrix `axis` narrowed by `filter`, whose shown columns are
/// `columns`; `on` is the toggle, `here` the view's address without it.
pub async fn load(
    pool: &crate::db::Db,
    axis: Axis,
    filter: &AxisFilter,
    columns: &[ColumnRow],
    on: bool,
    here: &str,
) -> Result<Blindspots, WebError> {
    let available = matches!(axis, Axis::Outlet | Axis::Country);
    let join = if here.contains('?') { '&' } else { '?' };
    let mut b = Blindspots {
        available,
        shown: on && available,
        toggle: if on {
            here.to_string()
        } else {
            format!("{here}{join}blindspots=1")
        },
        ..Default::default()
    };
    if b.shown {
        let cells = matrix::matrix_cells(pool, axis, &AxisFilter::default()).await?;
        let covered = covered_by_key(&cells);
        b.columns = columns
            .iter()
            .map(|c| ColumnBlind {
                points: blind_points(&covered, &c.key),
            })
            .collect();
    }
    if let Some(outlet) = &filter.outlet {
        let cells = matrix::matrix_cells(pool, Axis::Outlet, &AxisFilter::default()).await?;
        let covered = covered_by_key(&cells);
        b.outlet = Some((outlet.clone(), blind_points(&covered, outlet)));
    }
    Ok(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blindspot_is_a_point_others_cover_and_the_key_does_not() {
        let covered: HashMap<&str, BTreeSet<i64>> = [
            ("A", BTreeSet::from([6, 21])),
            ("B", BTreeSet::from([6, 7])),
            ("C", BTreeSet::new()),
        ]
        .into_iter()
        .collect();
        assert_eq!(blind_points(&covered, "A"), [7]);
        assert_eq!(blind_points(&covered, "B"), [21]);
        assert_eq!(blind_points(&covered, "C"), [6, 7, 21]);
        // a key with no statements at all misses every covered point
        assert_eq!(blind_points(&covered, "unknown"), [6, 7, 21]);
    }
}
