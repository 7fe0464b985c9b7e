//! A page of the statement list under a filter, as every format of `/statements` shows it:
//! the rows, their counts, the facets (each value with its count and toggle link), the
//! sentence that says what the filter shows, and the links to the pages around it.

use serde::Serialize;

use crate::db::models::{
    CategoryRow, Direction, FacetCount, FilterStats, ProvisionRow, SourceRow, SpeakerRow,
    StatementFilter, StatementRow,
};
use crate::db::queries::{self, Facet};
use crate::model::Stance;
use crate::web::error::{WebError, WebResult};
use crate::web::filter::{FACETS, FacetDef, toggled};
use crate::web::paging::{cursor_href, has_prev_next, href};
use crate::web::state::AppState;

/// Values shown per facet (the selected ones always are).
pub const FACET_SHOWN: usize = 20;

/// One value of a facet.
#[derive(Debug, Clone, Serialize)]
pub struct FacetValue {
    /// URL value.
    pub value: String,
    /// For people.
    pub label: String,
    /// Statements it has under the rest of the filter.
    pub count: i64,
    /// In the filter now.
    pub selected: bool,
    /// The list with this value added (or removed when selected).
    pub toggle: String,
}

/// One facet: a parameter and its values.
#[derive(Debug, Clone, Serialize)]
pub struct FacetGroup {
    /// The URL parameter.
    pub name: &'static str,
    /// Heading.
    pub title: &'static str,
    /// Values shown.
    pub values: Vec<FacetValue>,
    /// Values not shown (beyond [`FACET_SHOWN`]).
    pub hidden: usize,
}

/// Everything a page of the list shows, for every format.
pub struct Listing {
    /// The filter.
    pub filter: StatementFilter,
    /// The rows of this page.
    pub rows: Vec<StatementRow>,
    /// Counts under the filter.
    pub stats: FilterStats,
    /// What the filter shows, in words.
    pub summary: String,
    /// The facets, in [`FACETS`] order.
    pub facets: Vec<FacetGroup>,
    /// The first page, when this is not it.
    pub first: Option<String>,
    /// The previous page.
    pub prev: Option<String>,
    /// The next page.
    pub next: Option<String>,
    /// What the filter's values are called.
    pub names: Names,
}

/// The names the summary sentence and the form need: every point and category, the selected
/// speakers and sources (the facets name the others).
pub struct Names {
    /// Every point.
    pub provisions: Vec<ProvisionRow>,
    /// The selected speakers.
    pub speakers: Vec<SpeakerRow>,
    /// The selected sources.
    pub sources: Vec<SourceRow>,
    /// Every category.
    pub categories: Vec<CategoryRow>,
}

impl Names {
    /// Reads them; a speaker, source or category the filter names that does not exist is a
    /// 404 (as `/speakers/{slug}` and `/sources/{id}` are), not an empty list that looks as if
    /// they had said nothing.
    pub async fn load(state: &AppState, filter: &StatementFilter) -> WebResult<Names> {
        let pool = &state.pool;
        let names = Names {
            provisions: queries::list_provisions(pool).await?,
            speakers: queries::speakers_by_slugs(pool, &filter.speakers).await?,
            sources: queries::sources_by_ids(pool, &filter.sources).await?,
            categories: queries::list_categories(pool).await?,
        };
        let missing = |what: &str, list: &str| {
            Err(WebError::NotFound(format!(
                "There is no {what}: the filter names one that does not exist (see {list})."
            )))
        };
        if let Some(slug) =
            (filter.speakers.iter()).find(|x| !names.speakers.iter().any(|s| &s.slug == *x))
        {
            return missing(&format!("speaker “{slug}”"), "/speakers");
        }
        if let Some(id) =
            (filter.sources.iter()).find(|x| !names.sources.iter().any(|s| s.id == **x))
        {
            return missing(&format!("source {id}"), "/sources");
        }
        if let Some(slug) =
            (filter.categories.iter()).find(|x| !names.categories.iter().any(|c| &c.slug == *x))
        {
            return missing(&format!("category “{slug}”"), "/provisions");
        }
        Ok(names)
    }
}

/// The eight facets' counts, each on a connection of its own, in [`FACETS`] order.
async fn count_facets(
    state: &AppState,
    filter: &StatementFilter,
) -> WebResult<[(Vec<FacetCount>, i64); 8]> {
    let count = |facet| queries::facet_counts(&state.pool, filter, facet, FACET_SHOWN);
    let c = tokio::try_join!(
        count(FACETS[0].facet),
        count(FACETS[1].facet),
        count(FACETS[2].facet),
        count(FACETS[3].facet),
        count(FACETS[4].facet),
        count(FACETS[5].facet),
        count(FACETS[6].facet),
        count(FACETS[7].facet),
    )?;
    Ok([c.0, c.1, c.2, c.3, c.4, c.5, c.6, c.7])
}

/// Reads a page of `filter` whose links go to `path`.
pub async fn load(state: &AppState, filter: StatementFilter, path: &str) -> WebResult<Listing> {
    let names = Names::load(state, &filter).await?;
    let (rows, more) = queries::statement_page(&state.pool, &filter).await?;
    let counted = count_facets(state, &filter).await?;
    let mut stats = FilterStats::default();
    let facets = FACETS
        .iter()
        .zip(counted)
        .map(|(def, (counts, distinct))| {
            facet_group(def, counts, distinct, &filter, path, &mut stats)
        })
        .collect();
    let (has_prev, has_next) = has_prev_next(&filter, &rows, more);
    let link = |row: &StatementRow, dir| cursor_href(path, &filter, row, dir);
    let prev = rows
        .first()
        .filter(|_| has_prev)
        .map(|r| link(r, Direction::Before));
    let next = rows
        .last()
        .filter(|_| has_next)
        .map(|r| link(r, Direction::After));
    let paged = filter.cursor.is_some() || filter.offset > 0;
    Ok(Listing {
        summary: summary(&stats, &filter, &names),
        first: paged.then(|| href(path, &filter)),
        filter,
        rows,
        stats,
        facets,
        prev,
        next,
        names,
    })
}

/// One facet's values: the selected ones first (those without statements too), then the
/// others in the query's order up to [`FACET_SHOWN`]. Adds what the facet tells of the whole
/// filter to `stats`: each facet counts the filter without its own selection, so the whole
/// filter's counts are its selected values' (or all of them, when none is).
fn facet_group(
    def: &FacetDef,
    counts: Vec<FacetCount>,
    distinct: i64,
    filter: &StatementFilter,
    path: &str,
    stats: &mut FilterStats,
) -> FacetGroup {
    let chosen = (def.selected)(filter);
    let within = counts
        .iter()
        .filter(|c| c.count > 0 && (chosen.is_empty() || chosen.contains(&c.value)));
    let values_within = if chosen.is_empty() {
        distinct
    } else {
        within.clone().count() as i64
    };
    match def.facet {
        Facet::Kind => stats.statements = within.map(|c| c.count).sum(),
        Facet::Speaker => stats.speakers = values_within,
        Facet::Source => stats.sources = values_within,
        _ => {}
    }
    let value = |value: String, label: String, count: i64, selected: bool| FacetValue {
        toggle: href(path, &toggled(filter, def.facet, &value)),
        value,
        label,
        count,
        selected,
    };
    let (mine, rest): (Vec<_>, Vec<_>) =
        counts.into_iter().partition(|c| chosen.contains(&c.value));
    let counted = mine.len();
    let mut values: Vec<FacetValue> = mine
        .into_iter()
        .map(|c| value(c.value, c.label, c.count, true))
        .collect();
    for v in &chosen {
        if !values.iter().any(|x| &x.value == v) {
            values.push(value(v.clone(), v.clone(), 0, true));
        }
    }
    let room = FACET_SHOWN.max(chosen.len()).saturating_sub(values.len());
    let others = rest.len().min(room);
    let hidden = usize::try_from(distinct)
        .unwrap_or(0)
        .saturating_sub(counted + others);
    values.extend(
        rest.into_iter()
            .take(room)
            .map(|c| value(c.value, c.label, c.count, false)),
    );
    FacetGroup {
        name: def.name,
        title: def.title,
        values,
        hidden,
    }
}

/// The names of the selected `values`, joined by "or": each looked up in `items`.
fn name_list<V, T>(
    values: &[V],
    items: &[T],
    is: impl Fn(&T, &V) -> bool,
    name: impl Fn(Option<&T>, &V) -> String,
) -> String {
    values
        .iter()
        .map(|v| name(items.iter().find(|i| is(i, v)), v))
        .collect::<Vec<_>>()
        .join(" or ")
}

fn plural(n: i64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "supports" / "support", "is mixed" / "are mixed".
fn stance_verb(stance: Stance, one: bool) -> String {
    match (stance, one) {
        (Stance::Supports, true) => "supports".into(),
        (Stance::Supports, false) => "support".into(),
        (Stance::Opposes, true) => "opposes".into(),
        (Stance::Opposes, false) => "oppose".into(),
        (other, true) => format!("is {other}"),
        (other, false) => format!("are {other}"),
    }
}

/// "9 quotes that oppose matching “x”": what is counted.
fn what(n: i64, f: &StatementFilter) -> String {
    let mut s = if f.kinds.is_empty() {
        plural(n, "statement", "statements")
    } else {
        let kinds: Vec<String> = f
            .kinds
            .iter()
            .map(|k| {
                if n == 1 {
                    k.to_string()
                } else {
                    format!("{k}s")
                }
            })
            .collect();
        format!("{n} {}", kinds.join(" or "))
    };
    if !f.stances.is_empty() {
        let verbs: Vec<String> = f.stances.iter().map(|x| stance_verb(*x, n == 1)).collect();
        s.push_str(" that ");
        s.push_str(&verbs.join(" or "));
    }
    if let Some(q) = &f.q {
        s.push_str(&format!(" matching “{q}”"));
    }
    s
}

/// " on point 21 (…) in Security guarantees dated …": what about and when.
fn about(f: &StatementFilter, names: &Names) -> String {
    let mut s = String::new();
    if !f.provisions.is_empty() {
        s.push_str(" on ");
        s.push_str(&name_list(
            &f.provisions,
            &names.provisions,
            |p, n| p.number == n.number(),
            |p, n| match p {
                None => format!("point {n}"),
                Some(p) if p.number == 0 => "the plan as a whole".into(),
                Some(p) => format!("point {n} ({})", p.title),
            },
        ));
    }
    if !f.categories.is_empty() {
        s.push_str(" in ");
        s.push_str(&name_list(
            &f.categories,
            &names.categories,
            |x, c| &x.slug == c,
            |x, c| x.map_or(c.clone(), |x| x.name.clone()),
        ));
    }
    match (&f.from, &f.to) {
        (Some(a), Some(b)) if a == b => s.push_str(&format!(" dated {a}")),
        (Some(a), Some(b)) => s.push_str(&format!(" dated {a} to {b}")),
        (Some(a), None) => s.push_str(&format!(" dated {a} or later")),
        (None, Some(b)) => s.push_str(&format!(" dated {b} or earlier")),
        (None, None) => {}
    }
    s
}

/// " by 5 speakers in 4 sources": who and where.
fn by_whom(stats: &FilterStats, f: &StatementFilter, names: &Names) -> String {
    let mut s = String::new();
    if !f.speakers.is_empty() {
        s.push_str(" by ");
        s.push_str(&name_list(
            &f.speakers,
            &names.speakers,
            |x, c| &x.slug == c,
            |x, c| x.map_or(c.clone(), |x| x.name.clone()),
        ));
    } else if stats.speakers > 0 {
        s.push_str(" by ");
        s.push_str(&plural(stats.speakers, "speaker", "speakers"));
    }
    s.push_str(" in ");
    if f.sources.is_empty() {
        s.push_str(&plural(stats.sources, "source", "sources"));
    } else {
        s.push_str(&name_list(
            &f.sources,
            &names.sources,
            |x, c| x.id == *c,
            |x, c| x.map_or(format!("source {c}"), SourceRow::short_name),
        ));
    }
    s
}

/// The sentence that says what the filter shows, e.g. "9 statements on point 21 (…) by 5
/// speakers in 4 sources".
pub fn summary(stats: &FilterStats, f: &StatementFilter, names: &Names) -> String {
    let s = format!(
        "{}{}{}",
        what(stats.statements, f),
        about(f, names),
        by_whom(stats, f, names)
    );
    upper_first(&s)
}

fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or_else(String::new, |f| {
        f.to_uppercase().collect::<String>() + c.as_str()
    })
}
