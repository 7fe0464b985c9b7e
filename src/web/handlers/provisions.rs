//! `/provisions` and `/provisions/{n}`: a point's text and what each source says about it.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Html;
use axum_extra::extract::Query;

use super::{no_such_point, parse_id};
use crate::db::matrix::{self, TimelineRow};
use crate::db::models::{ProvisionRow, SourceRow, StatementRow};
use crate::db::queries;
use crate::db::tally::{self, RankBy, Ranked};
use crate::model::{PointNumber, Stance};
use crate::web::filter::RawStatementQuery;
use crate::web::page::{ATOM, JSON, PageMeta, crumb, render};
use crate::web::paging::{Pager, canonical_page, pager, paging};
use crate::web::{AppState, WebResult};

/// Statements of one source on the point (those of this page).
pub struct SourceBlock {
    /// The source.
    pub source: SourceRow,
    /// Its statements on the point.
    pub statements: Vec<StatementRow>,
}

/// Sources and speakers ranked on the point.
const RANKED: i64 = 10;

/// The point page.
#[derive(Template)]
#[template(path = "pages/provision.html")]
pub struct ProvisionPage {
    /// Head data.
    pub meta: PageMeta,
    /// The point.
    pub provision: ProvisionRow,
    /// Category name.
    pub category: String,
    /// One block per source among this page's statements, in their order.
    pub blocks: Vec<SourceBlock>,
    /// Statements in all.
    pub total: i64,
    /// The sources with most statements on the point, and how many sources speak of it.
    pub top_sources: (Vec<Ranked>, i64),
    /// The speakers with most statements on it, and how many speakers.
    pub top_speakers: (Vec<Ranked>, i64),
    /// Links to the other pages of statements.
    pub pages: Pager,
    /// Previous and next point numbers.
    pub prev: Option<i64>,
    /// Next point.
    pub next: Option<i64>,
    /// Statements over time, by outlet.
    pub timeline: Timeline,
}

/// The list of points.
#[derive(Template)]
#[template(path = "pages/provisions.html")]
pub struct ProvisionsPage {
    /// Head data.
    pub meta: PageMeta,
    /// All points.
    pub provisions: Vec<ProvisionRow>,
}

/// `GET /provisions`
pub async fn list_page(State(state): State<AppState>) -> WebResult<Html<String>> {
    let provisions = queries::list_provisions(&state.pool).await?;
    let meta = PageMeta::new(
        "The 28 points of the plan",
        "The 28 points of the US peace plan for Russia and Ukraine (November 2025), summarised.",
        "/provisions",
        vec![crumb("Matrix", "/"), crumb("Points", "/provisions")],
    )
    .with_alternate(JSON, "/provisions.json")
    .with_base(&state.public_url);
    render(&ProvisionsPage { meta, provisions })
}

/// `GET /provisions/{number}` (`after`, `before`, `size`: the pages of its statements)
pub async fn detail_page(
    State(state): State<AppState>,
    Path(raw): Path<String>,
    Query(query): Query<RawStatementQuery>,
) -> WebResult<Html<String>> {
    let number = parse_id(&raw, "point")?;
    let mut filter = paging(&query)?;
    let point = PointNumber::new(number).ok_or_else(|| no_such_point(number))?;
    let provision = queries::get_provision(&state.pool, number)
        .await?
        .ok_or_else(|| no_such_point(number))?;
    filter.provisions = vec![point];
    let (statements, more) = queries::statement_page(&state.pool, &filter).await?;
    let total = tally::provision_total(&state.pool, number).await?;
    let path = format!("/provisions/{number}");
    let pages = pager(&path, &filter, &statements, more);
    // the page's statements by source, in the list's order (date, then source)
    let ids: Vec<i64> = statements.iter().map(|s| s.source_id).collect();
    let sources = queries::sources_by_ids(&state.pool, &ids).await?;
    let mut blocks: Vec<SourceBlock> = Vec::new();
    for s in statements {
        match blocks.last_mut() {
            Some(b) if b.source.id == s.source_id => b.statements.push(s),
            _ => {
                if let Some(source) = sources.iter().find(|x| x.id == s.source_id) {
                    blocks.push(SourceBlock {
                        source: source.clone(),
                        statements: vec![s],
                    });
                }
            }
        }
    }
    let top_sources = tally::provision_ranking(&state.pool, number, RankBy::Source, RANKED).await?;
    let top_speakers =
        tally::provision_ranking(&state.pool, number, RankBy::Speaker, RANKED).await?;
    let category = match &provision.category {
        Some(slug) => queries::list_categories(&state.pool)
            .await?
            .into_iter()
            .find(|c| &c.slug == slug)
            .map(|c| format!("{}. {}", c.letter, c.name))
            .unwrap_or_default(),
        None => String::new(),
    };
    let (timeline_rows, undated) = matrix::timeline(&state.pool, number).await?;
    let timeline = Timeline::build(&timeline_rows, undated);
    let label = provision.label();
    let meta = PageMeta::new(
        &format!("{label}: {}", provision.title),
        &format!(
            "{total} statements from {} sources on {label} of the 28-point plan: {}",
            top_sources.1, provision.title
        ),
        &canonical_page(&path, &query),
        vec![
            crumb("Matrix", "/"),
            crumb("Points", "/provisions"),
            crumb(label, format!("/provisions/{number}")),
        ],
    )
    .with_alternate(ATOM, format!("/provisions/{number}/feed.atom"))
    .with_alternate(JSON, format!("/statements.json?provision={number}"))
    .with_base(&state.public_url);
    render(&ProvisionPage {
        meta,
        category,
        blocks,
        total,
        top_sources,
        top_speakers,
        pages,
        prev: point.prev().map(PointNumber::number),
        next: point.next().map(PointNumber::number),
        timeline,
        provision,
    })
}

/// Width of the timeline's drawing, in SVG units.
const TL_WIDTH: f64 = 720.0;
/// Left margin for the outlet names.
const TL_LEFT: f64 = 150.0;
/// Right margin.
const TL_RIGHT: f64 = 44.0;
/// Height of one outlet's lane.
const TL_LANE: f64 = 30.0;
/// Space above the lanes and below them (for the date axis).
const TL_TOP: f64 = 8.0;
/// Least distance between two labelled dates.
const TL_TICK_GAP: f64 = 80.0;
/// Space for the date labels.
const TL_AXIS: f64 = 28.0;

/// A stacked bar of the timeline: one outlet, one day.
pub struct TimelineMark {
    /// Centre.
    pub x: String,
    /// What it shows, for the tooltip.
    pub label: String,
    /// The stance pieces, bottom to top: (class, y, height).
    pub pieces: Vec<(&'static str, String, String)>,
}

/// One outlet's lane.
pub struct TimelineLane {
    /// Outlet.
    pub outlet: String,
    /// Baseline of the lane.
    pub y: String,
    /// Where the name is written.
    pub text_y: String,
    /// Its marks.
    pub marks: Vec<TimelineMark>,
}

/// A row of the table fallback.
pub struct TimelineCount {
    /// YYYY-MM-DD.
    pub date: String,
    /// Outlet.
    pub outlet: String,
    /// supports, opposes, mixed, neutral, total.
    pub counts: [i64; 5],
}

/// Statements on a point over time, by outlet: a server-rendered SVG and its table.
pub struct Timeline {
    /// SVG height.
    pub height: String,
    /// SVG width.
    pub width: String,
    /// Lanes.
    pub lanes: Vec<TimelineLane>,
    /// Date ticks: (x, label).
    pub ticks: Vec<(String, String)>,
    /// Baseline of the axis.
    pub axis_y: String,
    /// Where the date labels are written.
    pub tick_text_y: String,
    /// Where the outlet names end.
    pub name_x: String,
    /// Left end of the axis.
    pub axis_x1: String,
    /// Right end of the axis.
    pub axis_x2: String,
    /// The same data as rows.
    pub rows: Vec<TimelineCount>,
    /// A sentence for the SVG's description.
    pub summary: String,
    /// Statements whose article has no date.
    pub undated: i64,
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date.
pub fn day_number(date: &str) -> Option<i64> {
    let mut parts = date.splitn(3, '-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next()?.parse().ok()?;
    let d: i64 = parts.next()?.get(..2)?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // days from civil, after Howard Hinnant
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The place of a stance in [`Stance::ALL`] (and in a timeline's counts).
fn stance_index(stance: Stance) -> usize {
    Stance::ALL
        .iter()
        .position(|s| *s == stance)
        .unwrap_or(Stance::ALL.len() - 1)
}

impl Timeline {
    /// Lays out the timeline of `rows` (outlet, date, stance, count).
    pub fn build(rows: &[TimelineRow], undated: i64) -> Self {
        // (date, outlet) -> counts by stance and total
        let mut counts: std::collections::BTreeMap<(String, String), [i64; 5]> =
            std::collections::BTreeMap::new();
        for r in rows {
            let c = counts
                .entry((r.date.clone(), r.outlet.clone()))
                .or_insert([0; 5]);
            c[stance_index(r.stance)] += r.statements;
            c[4] += r.statements;
        }
        let mut outlets: Vec<String> = rows.iter().map(|r| r.outlet.clone()).collect();
        outlets.sort();
        outlets.dedup();
        let days: Vec<i64> = counts.keys().filter_map(|(d, _)| day_number(d)).collect();
        let (first, last) = (
            days.iter().copied().min().unwrap_or(0),
            days.iter().copied().max().unwrap_or(0),
        );
        let plot = TL_WIDTH - TL_LEFT - TL_RIGHT;
        let x_of = |date: &str| -> f64 {
            match day_number(date) {
                Some(d) if last > first => {
                    TL_LEFT + plot * (d - first) as f64 / (last - first) as f64
                }
                _ => TL_LEFT + plot / 2.0,
            }
        };
        let max = counts.values().map(|c| c[4]).max().unwrap_or(1).max(1) as f64;
        let lanes: Vec<TimelineLane> = outlets
            .iter()
            .enumerate()
            .map(|(i, outlet)| {
                let base = TL_TOP + TL_LANE * (i as f64 + 1.0);
                let marks = counts
                    .iter()
                    .filter(|((_, o), _)| o == outlet)
                    .map(|((date, _), c)| {
                        let mut y = base;
                        let mut pieces = Vec::new();
                        for (k, stance) in Stance::ALL.iter().enumerate() {
                            if c[k] > 0 {
                                let h = (TL_LANE - 6.0) * c[k] as f64 / max;
                                y -= h;
                                pieces.push((stance.as_str(), format!("{y:.1}"), format!("{h:.1}")));
                            }
                        }
                        TimelineMark {
                            x: format!("{:.1}", x_of(date) - 4.0),
                            label: format!(
                                "{outlet}, {date}: {} ({} supports, {} opposes, {} mixed, {} neutral)",
                                if c[4] == 1 { "1 statement".to_string() } else { format!("{} statements", c[4]) },
                                c[0], c[1], c[2], c[3]
                            ),
                            pieces,
                        }
                    })
                    .collect();
                TimelineLane {
                    outlet: outlet.clone(),
                    y: format!("{base:.1}"),
                    text_y: format!("{:.1}", base - TL_LANE / 2.0 + 4.0),
                    marks,
                }
            })
            .collect();
        let mut dates: Vec<String> = counts.keys().map(|(d, _)| d.clone()).collect();
        dates.dedup();
        // label dates at least TL_TICK_GAP apart, always the first and the last
        let mut ticks: Vec<(f64, String)> = Vec::new();
        for d in &dates {
            let x = x_of(d);
            if ticks.last().is_none_or(|(last, _)| x - last >= TL_TICK_GAP) {
                ticks.push((x, d.clone()));
            }
        }
        if let Some(d) = dates.last()
            && ticks.last().is_some_and(|(_, t)| t != d)
        {
            let x = x_of(d);
            if ticks.len() > 1 && ticks.last().is_some_and(|(last, _)| x - last < TL_TICK_GAP) {
                ticks.pop();
            }
            ticks.push((x, d.clone()));
        }
        let ticks = ticks
            .into_iter()
            .map(|(x, d)| (format!("{x:.1}"), d))
            .collect();
        let axis_y = TL_TOP + TL_LANE * outlets.len() as f64;
        let total: i64 = counts.values().map(|c| c[4]).sum();
        let summary = match (dates.first(), dates.last()) {
            (Some(a), Some(b)) => format!(
                "{total} dated statements from {} outlets between {a} and {b}; each bar is one outlet on one day, its height the number of statements, its colours their stance.",
                outlets.len()
            ),
            _ => "No dated statement on this point.".to_string(),
        };
        Timeline {
            height: format!("{:.0}", axis_y + TL_AXIS),
            width: format!("{TL_WIDTH:.0}"),
            lanes,
            ticks,
            axis_y: format!("{axis_y:.1}"),
            tick_text_y: format!("{:.1}", axis_y + 18.0),
            name_x: format!("{:.0}", TL_LEFT - 8.0),
            axis_x1: format!("{TL_LEFT:.0}"),
            axis_x2: format!("{:.0}", TL_WIDTH - TL_RIGHT),
            rows: counts
                .into_iter()
                .map(|((date, outlet), counts)| TimelineCount {
                    date,
                    outlet,
                    counts,
                })
                .collect(),
            summary,
            undated,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_count_days_across_months() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(
            day_number("2025-11-30")
                .zip(day_number("2025-12-01"))
                .map(|(a, b)| b - a),
            Some(1)
        );
        assert_eq!(day_number("2025-13-01"), None);
        assert_eq!(day_number("soon"), None);
    }

    #[test]
    fn the_timeline_puts_each_outlet_in_a_lane_and_each_day_in_place() {
        let row = |outlet: &str, date: &str, stance, statements| TimelineRow {
            outlet: outlet.into(),
            date: date.into(),
            stance,
            statements,
        };
        let t = Timeline::build(
            &[
                row("TASS", "2025-11-21", Stance::Opposes, 2),
                row("TASS", "2025-11-21", Stance::Supports, 1),
                row("Babel", "2025-11-25", Stance::Neutral, 1),
            ],
            3,
        );
        assert_eq!(t.lanes.len(), 2);
        assert_eq!(t.lanes[0].outlet, "Babel");
        assert_eq!(t.lanes[1].marks.len(), 1, "one bar for TASS's day");
        assert_eq!(t.lanes[1].marks[0].pieces.len(), 2, "split by stance");
        // the first day at the left of the plot, the last at the right (bar centred)
        assert_eq!(t.lanes[1].marks[0].x, format!("{:.1}", TL_LEFT - 4.0));
        assert_eq!(
            t.lanes[0].marks[0].x,
            format!("{:.1}", TL_WIDTH - TL_RIGHT - 4.0)
        );
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].counts, [1, 2, 0, 0, 3], "TASS on the first day");
        assert_eq!(t.undated, 3);
        assert!(t.summary.starts_with("4 dated statements from 2 outlets"));
    }

    #[test]
    fn date_labels_never_crowd() {
        let rows: Vec<TimelineRow> = (1..=30)
            .map(|d| TimelineRow {
                outlet: "TASS".into(),
                date: format!("2025-11-{d:02}"),
                stance: Stance::Neutral,
                statements: 1,
            })
            .collect();
        let t = Timeline::build(&rows, 0);
        let xs: Vec<f64> = t.ticks.iter().filter_map(|(x, _)| x.parse().ok()).collect();
        assert!(xs.len() >= 3, "{:?}", t.ticks);
        assert!(
            xs.windows(2).all(|w| w[1] - w[0] >= TL_TICK_GAP),
            "{:?}",
            t.ticks
        );
        assert_eq!(t.ticks.first().map(|t| t.1.as_str()), Some("2025-11-01"));
        assert_eq!(t.ticks.last().map(|t| t.1.as_str()), Some("2025-11-30"));
    }
}
