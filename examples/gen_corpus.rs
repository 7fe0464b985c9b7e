//! Writes a deterministic synthetic corpus for the benchmarks:
//!
//! ```sh
//! cargo run --release --example gen_corpus -- --articles 10000 --out /tmp/corpus-10k
//! ```
//!
//! N articles in six outlet styles (wire, readout, paper, think-tank, live blog, interview),
//! quoting the real speakers of `seeds/speakers.toml` on the points of `seeds/plan.toml`, dated
//! over ten months from November 2025. The same `--articles` and `--seed` always give the same
//! bytes (a fixed xorshift generator; no clock, no OS randomness). An article holds about 15
//! statements once ingested, so 100,000 articles give about 1.5 million.

use std::io::Write as _;
use std::path::PathBuf;

use clap::Parser;
use pointwise::catalog::{Catalog, Point, SpeakerEntry};

/// Generate a synthetic corpus of plan articles.
#[derive(Debug, Parser)]
struct Args {
    /// Number of articles.
    #[arg(long, default_value_t = 1000)]
    articles: usize,
    /// Output directory (created; files in it are overwritten).
    #[arg(long)]
    out: PathBuf,
    /// Seed of the generator.
    #[arg(long, default_value_t = 2025)]
    seed: u64,
    /// Files per sub-directory (0: all in one directory).
    #[arg(long, default_value_t = 1000)]
    per_dir: usize,
}

/// xorshift64*: small, fast, deterministic.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const OUTLETS: [(&str, &str); 12] = [
    ("Reuters", "wire"),
    ("Associated Press", "wire"),
    ("TASS", "wire"),
    ("Interfax-Ukraine", "wire"),
    ("The Kremlin", "readout"),
    ("The White House", "readout"),
    ("The Guardian", "paper"),
    ("Kyiv Post", "paper"),
    ("Carnegie Endowment", "thinktank"),
    ("Chatham House", "thinktank"),
    ("Kyiv Independent live", "liveblog"),
    ("Meduza", "interview"),
];

const SUPPORT: [&str; 8] = [
    "is a good basis for the talks",
    "is a constructive step, and we welcome it",
    "can work, and we are ready to work on it",
    "was discussed in a productive meeting",
    "is something we support",
    "deserves to be backed by everyone at the table",
    "is vital for a lasting peace",
    "is a proposal we endorsed",
];
const OPPOSE: [&str; 8] = [
    "is unacceptable to us",
    "amounts to capitulation",
    "is a red line we will not cross",
    "is something we reject",
    "cannot be agreed, and we oppose it",
    "was condemned by the whole parliament",
    "would be a surrender, and we disagree",
    "will not be accepted in this form",
];
const MIXED: [&str; 6] = [
    "requires further refinement",
    "has to be improved before anyone signs",
    "must be changed in several places",
    "needs to be improved, but there is good stuff in it",
    "must take into account the situation on the ground",
    "still has no consensus behind it",
];
const NEUTRAL: [&str; 5] = [
    "will be discussed at the next round",
    "is being studied by the experts",
    "was on the agenda of the meeting",
    "will be looked at point by point",
    "came up during the consultations",
];
const VERBS: [&str; 6] = [
    "said",
    "told reporters",
    "stressed",
    "noted",
    "added",
    "stated",
];
const FILLER: [&str; 10] = [
    "The meeting lasted more than four hours and ended late in the evening.",
    "Journalists waited outside the building in the rain for most of the afternoon.",
    "It was the third round of consultations this month.",
    "Delegations arrived by plane in the morning and left the same night.",
    "The talks took place behind closed doors, and no joint statement was issued.",
    "Markets in Europe rose slightly on the news.",
    "Further rounds are planned in Geneva, Abu Dhabi and Istanbul.",
    "Officials did not give a date for the next meeting.",
    "The venue was kept secret until the last moment for security reasons.",
    "Both delegations brought large teams of lawyers and military experts.",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Day `n` after 2025-11-20, as (year, month 1-12, day).
fn date(n: usize) -> (i32, usize, usize) {
    let lengths = |y: i32| {
        [
            31,
            if y % 4 == 0 { 29 } else { 28 },
            31,
            30,
            31,
            30,
            31,
            31,
            30,
            31,
            30,
            31,
        ]
    };
    let (mut y, mut m, mut d) = (2025, 11usize, 20usize + n);
    loop {
        let len = lengths(y)[m - 1];
        if d <= len {
            return (y, m, d);
        }
        d -= len;
        m += 1;
        if m > 12 {
            m = 1;
            y += 1;
        }
    }
}

struct Gen<'a> {
    rng: Rng,
    people: Vec<&'a SpeakerEntry>,
    points: Vec<&'a Point>,
}

impl Gen<'_> {
    /// A clause about one point, with a stance cue.
    fn claim(&mut self) -> String {
        let point = *self.rng.pick(&self.points);
        let keyword = self.rng.pick(&point.keywords).clone();
        let stance = match self.rng.below(10) {
            0..=2 => *self.rng.pick(&SUPPORT),
            3..=5 => *self.rng.pick(&OPPOSE),
            6..=7 => *self.rng.pick(&MIXED),
            _ => *self.rng.pick(&NEUTRAL),
        };
        format!("the provision on {keyword} {stance}")
    }

    fn speaker(&mut self) -> &SpeakerEntry {
        self.people[self.rng.below(self.people.len())]
    }

    /// One paragraph holding a statement, in one of several shapes.
    fn statement(&mut self) -> String {
        let claim = self.claim();
        let mut upper = claim.clone();
        if let Some(first) = upper.get_mut(0..1) {
            first.make_ascii_uppercase();
        }
        let s = self.speaker();
        let (name, role) = (s.name.clone(), s.role.clone());
        let verb = *self.rng.pick(&VERBS);
        match self.rng.below(5) {
            0 => format!("\"{upper},\" {name} {verb}."),
            1 => format!("{name} {verb} that {claim}."),
            2 => format!("According to {name}, {claim}."),
            3 if !role.is_empty() => {
                format!(
                    "{name}, {}, {verb}: \"{upper}.\"",
                    role.split(';').next().unwrap_or("")
                )
            }
            _ => format!("\"{upper}. We have said so many times,\" {name} {verb}."),
        }
    }

    fn article(&mut self, i: usize) -> (String, String) {
        let (outlet, style) = OUTLETS[self.rng.below(OUTLETS.len())];
        let day = self.rng.below(300);
        let (y, m, d) = date(day);
        let hour = 6 + self.rng.below(16);
        let minute = self.rng.below(60);
        let subject = self.speaker().name.clone();
        let point = *self.rng.pick(&self.points);
        let title = match style {
            "readout" => format!(
                "Statement after talks on the peace plan, {} {d}",
                MONTHS[m - 1]
            ),
            "liveblog" => format!(
                "Peace plan live: {} and the talks, day {}",
                subject,
                day + 1
            ),
            "interview" => format!("Interview: {subject} on the 28-point plan"),
            "thinktank" => format!("Analysis: what point {} of the plan means", point.number),
            _ => format!("{subject} speaks on {} in the peace plan", point.title),
        };
        let mut out = String::with_capacity(4096);
        out.push_str(&title);
        out.push('\n');
        match style {
            "wire" => out.push_str(&format!("{y}-{m:02}-{d:02}\n{outlet}\n\n")),
            "liveblog" => out.push_str(&format!(
                "{d} {} {y} {hour:02}:{minute:02}\n{outlet}\n\n",
                &MONTHS[m - 1][..3].to_uppercase()
            )),
            _ => out.push_str(&format!("{} {d}, {y}\n{outlet}\n\n", MONTHS[m - 1])),
        }
        let paragraphs = 10 + self.rng.below(8);
        for k in 0..paragraphs {
            if style == "liveblog" {
                out.push_str(&format!(
                    "{:02}:{:02}\n",
                    (hour + k) % 24,
                    (minute * 7 + k) % 60
                ));
            }
            if style == "interview" && k % 2 == 0 {
                out.push_str(&format!("Q: What do you make of {}?\n\n", self.claim()));
            }
            if self.rng.chance(20) {
                let filler = FILLER[self.rng.below(FILLER.len())];
                out.push_str(filler);
            } else {
                out.push_str(&self.statement());
                if self.rng.chance(40) {
                    out.push(' ');
                    out.push_str(&self.statement());
                }
            }
            out.push_str("\n\n");
        }
        (format!("{i:06}_{style}.txt"), out)
    }
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let catalog = Catalog::bundled()?;
    let people: Vec<&SpeakerEntry> = catalog
        .speakers
        .iter()
        .filter(|s| s.kind == "person")
        .collect();
    let points: Vec<&Point> = catalog
        .plan
        .points
        .iter()
        .filter(|p| p.number > 0 && !p.keywords.is_empty())
        .collect();
    anyhow::ensure!(
        !people.is_empty() && !points.is_empty(),
        "seeds have no people or points"
    );
    let mut g = Gen {
        rng: Rng::new(args.seed),
        people,
        points,
    };
    let mut bytes = 0usize;
    for i in 0..args.articles {
        let dir = match i.checked_div(args.per_dir) {
            None => args.out.clone(),
            Some(sub) => args.out.join(format!("{sub:04}")),
        };
        if i == 0 || (args.per_dir > 0 && i % args.per_dir == 0) {
            std::fs::create_dir_all(&dir)?;
        }
        let (name, text) = g.article(i);
        bytes += text.len();
        let mut f = std::io::BufWriter::new(std::fs::File::create(dir.join(name))?);
        f.write_all(text.as_bytes())?;
        f.flush()?;
    }
    println!(
        "wrote {} articles ({} bytes) to {}",
        args.articles,
        bytes,
        args.out.display()
    );
    Ok(())
}
