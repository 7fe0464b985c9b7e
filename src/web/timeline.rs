//! The timeline of a point: its dated statements per outlet and day, laid out as a
//! server-rendered SVG (lanes of stacked bars, labelled dates) and as a table.

use std::collections::BTreeMap;

use crate::db::matrix::TimelineRow;
use crate::db::models::parse_date;
use crate::model::Stance;

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
    /// Where a version of the plan begins within the plotted days: (x, label), see
    /// [`Timeline::mark_versions`].
    pub versions: Vec<(String, String)>,
}

impl Timeline {
    /// Marks the days (date, label) that fall within the plotted days, such as the day each
    /// version of the plan begins; the others are left out.
    pub fn mark_versions(&mut self, days: &[(String, String)]) {
        let numbers: Vec<i64> = self
            .rows
            .iter()
            .filter_map(|r| day_number(&r.date))
            .collect();
        let (Some(first), Some(last)) = (numbers.iter().min(), numbers.iter().max()) else {
            return;
        };
        let scale = Scale {
            first: *first,
            last: *last,
        };
        self.versions = days
            .iter()
            .filter(|(d, _)| day_number(d).is_some_and(|n| n >= *first && n <= *last))
            .map(|(d, label)| (format!("{:.1}", scale.x(d)), format!("{d}: {label}")))
            .collect();
    }
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (by jiff's calendar).
pub fn day_number(date: &str) -> Option<i64> {
    let epoch = jiff::civil::date(1970, 1, 1);
    let span = epoch.until(parse_date(date)?).ok()?;
    Some(i64::from(span.get_days()))
}

/// The place of a stance in [`Stance::ALL`] (and in a timeline's counts).
fn stance_index(stance: Stance) -> usize {
    Stance::ALL
        .iter()
        .position(|s| *s == stance)
        .unwrap_or(Stance::ALL.len() - 1)
}

/// Statements per (date, outlet): by stance in [`Stance::ALL`] order, then the total.
type Counts = BTreeMap<(String, String), [i64; 5]>;

fn count(rows: &[TimelineRow]) -> Counts {
    let mut counts = Counts::new();
    for r in rows {
        let c = counts
            .entry((r.date.clone(), r.outlet.clone()))
            .or_insert([0; 5]);
        c[stance_index(r.stance)] += r.statements;
        c[4] += r.statements;
    }
    counts
}

/// Where a date falls on the plot: its first day at the left, its last at the right.
struct Scale {
    first: i64,
    last: i64,
}

impl Scale {
    fn of(counts: &Counts) -> Self {
        let days: Vec<i64> = counts.keys().filter_map(|(d, _)| day_number(d)).collect();
        Scale {
            first: days.iter().copied().min().unwrap_or(0),
            last: days.iter().copied().max().unwrap_or(0),
        }
    }

    fn x(&self, date: &str) -> f64 {
        let plot = TL_WIDTH - TL_LEFT - TL_RIGHT;
        match day_number(date) {
            Some(d) if self.last > self.first => {
                TL_LEFT + plot * (d - self.first) as f64 / (self.last - self.first) as f64
            }
            _ => TL_LEFT + plot / 2.0,
        }
    }
}

/// The bar of one outlet on one day (counts `c`), standing on `base`; `max` is the tallest.
fn mark(
    outlet: &str,
    date: &str,
    c: &[i64; 5],
    base: f64,
    max: f64,
    scale: &Scale,
) -> TimelineMark {
    let mut y = base;
    let mut pieces = Vec::new();
    for (k, stance) in Stance::ALL.iter().enumerate() {
        if c[k] > 0 {
            let h = (TL_LANE - 6.0) * c[k] as f64 / max;
            y -= h;
            pieces.push((stance.as_str(), format!("{y:.1}"), format!("{h:.1}")));
        }
    }
    let n = if c[4] == 1 {
        "1 statement".to_string()
    } else {
        format!("{} statements", c[4])
    };
    TimelineMark {
        x: format!("{:.1}", scale.x(date) - 4.0),
        label: format!(
            "{outlet}, {date}: {n} ({} supports, {} opposes, {} mixed, {} neutral)",
            c[0], c[1], c[2], c[3]
        ),
        pieces,
    }
}

/// The lane of the `i`th outlet (`max`: the tallest bar's statements).
fn lane(i: usize, outlet: &str, counts: &Counts, max: f64, scale: &Scale) -> TimelineLane {
    let base = TL_TOP + TL_LANE * (i as f64 + 1.0);
    let marks = counts
        .iter()
        .filter(|((_, o), _)| o == outlet)
        .map(|((date, _), c)| mark(outlet, date, c, base, max, scale))
        .collect();
    TimelineLane {
        outlet: outlet.to_string(),
        y: format!("{base:.1}"),
        text_y: format!("{:.1}", base - TL_LANE / 2.0 + 4.0),
        marks,
    }
}

/// The labelled dates: at least [`TL_TICK_GAP`] apart, always the first and the last.
fn ticks(dates: &[String], scale: &Scale) -> Vec<(String, String)> {
    let mut ticks: Vec<(f64, String)> = Vec::new();
    for d in dates {
        let x = scale.x(d);
        if ticks.last().is_none_or(|(last, _)| x - last >= TL_TICK_GAP) {
            ticks.push((x, d.clone()));
        }
    }
    if let Some(d) = dates.last()
        && ticks.last().is_some_and(|(_, t)| t != d)
    {
        let x = scale.x(d);
        if ticks.len() > 1 && ticks.last().is_some_and(|(last, _)| x - last < TL_TICK_GAP) {
            ticks.pop();
        }
        ticks.push((x, d.clone()));
    }
    ticks
        .into_iter()
        .map(|(x, d)| (format!("{x:.1}"), d))
        .collect()
}

impl Timeline {
    /// Lays out the timeline of `rows` (outlet, date, stance, count).
    pub fn build(rows: &[TimelineRow], undated: i64) -> Self {
        let counts = count(rows);
        let mut outlets: Vec<String> = rows.iter().map(|r| r.outlet.clone()).collect();
        outlets.sort();
        outlets.dedup();
        let scale = Scale::of(&counts);
        let max = counts.values().map(|c| c[4]).max().unwrap_or(1).max(1) as f64;
        let lanes = outlets
            .iter()
            .enumerate()
            .map(|(i, outlet)| lane(i, outlet, &counts, max, &scale))
            .collect();
        let mut dates: Vec<String> = counts.keys().map(|(d, _)| d.clone()).collect();
        dates.dedup();
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
            ticks: ticks(&dates, &scale),
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
            versions: Vec::new(),
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
