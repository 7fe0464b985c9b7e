//! What a person sees while an ingest runs. On a terminal: a bar with the files done, the
//! rate and the time left (indicatif), and the file being read. Anywhere else (a log file, a
//! pipe, CI): a plain line every [`PLAIN_EVERY`] on standard error, so a long run is never
//! silent and a log holds no control codes; a run shorter than that prints none.

use std::io::{IsTerminal as _, Write};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How often the plain lines come.
pub const PLAIN_EVERY: Duration = Duration::from_secs(5);

/// The progress of one run of `len` files.
pub struct Progress {
    len: u64,
    shown: Shown,
}

enum Shown {
    Bar(ProgressBar),
    Plain(Mutex<Plain>),
}

/// The state of the plain lines.
struct Plain {
    out: Box<dyn Write + Send>,
    every: Duration,
    start: Instant,
    last: Instant,
    done: u64,
}

impl Progress {
    /// A bar when standard error is a terminal, plain lines otherwise.
    pub fn new(len: usize) -> Self {
        if std::io::stderr().is_terminal() {
            Self::bar(len)
        } else {
            Self::plain(len, Box::new(std::io::stderr()), PLAIN_EVERY)
        }
    }

    fn bar(len: usize) -> Self {
        let bar = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::stderr());
        let template = "{bar:30} {human_pos}/{human_len} files ({percent}%), {per_sec:0}, \
                        {eta} left {wide_msg}";
        if let Ok(style) = ProgressStyle::with_template(template) {
            bar.set_style(style);
        }
        Self {
            len: len as u64,
            shown: Shown::Bar(bar),
        }
    }

    /// Plain lines to `out`, at most one per `every`.
    pub fn plain(len: usize, out: Box<dyn Write + Send>, every: Duration) -> Self {
        let now = Instant::now();
        Self {
            len: len as u64,
            shown: Shown::Plain(Mutex::new(Plain {
                out,
                every,
                start: now,
                last: now,
                done: 0,
            })),
        }
    }

    /// The file being read (shown beside the bar).
    pub fn set_message(&self, name: String) {
        if let Shown::Bar(bar) = &self.shown {
            bar.set_message(name);
        }
    }

    /// `n` more files done.
    pub fn inc(&self, n: u64) {
        match &self.shown {
            Shown::Bar(bar) => bar.inc(n),
            Shown::Plain(plain) => {
                let Ok(mut p) = plain.lock() else { return };
                p.done += n;
                let now = Instant::now();
                if now.duration_since(p.last) >= p.every && p.done < self.len {
                    p.last = now;
                    let line = plain_line(p.done, self.len, now.duration_since(p.start));
                    // a closed standard error is no reason to stop the ingest
                    let _ = writeln!(p.out, "{line}");
                }
            }
        }
    }

    /// Takes the bar off the screen (the summary follows).
    pub fn finish(&self) {
        if let Shown::Bar(bar) = &self.shown {
            bar.finish_and_clear();
        }
    }
}

/// "ingest: 2560 of 10000 files (25%), 853 files/s, about 9 s left".
pub fn plain_line(done: u64, len: u64, elapsed: Duration) -> String {
    let secs = elapsed.as_secs_f64();
    let rate = if secs > 0.0 { done as f64 / secs } else { 0.0 };
    let percent = (done * 100).checked_div(len).unwrap_or(100);
    let left = if rate > 0.0 {
        format!(
            ", about {} left",
            duration((len.saturating_sub(done)) as f64 / rate)
        )
    } else {
        String::new()
    };
    format!("ingest: {done} of {len} files ({percent}%), {rate:.0} files/s{left}")
}

/// "9 s", "4 min 10 s", "2 h 5 min".
fn duration(secs: f64) -> String {
    let s = secs.ceil() as u64;
    match s {
        0..60 => format!("{s} s"),
        60..3600 => format!("{} min {} s", s / 60, s % 60),
        _ => format!("{} h {} min", s / 3600, s % 3600 / 60),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    /// A writer the test can read back.
    #[derive(Clone, Default)]
    struct Shared(Arc<Mutex<Vec<u8>>>);

    impl Write for Shared {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0
                .lock()
                .map_err(|_| std::io::ErrorKind::Other)?
                .extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_plain_line_says_progress_rate_and_time_left() {
        assert_eq!(
            plain_line(2500, 10_000, Duration::from_secs(5)),
            "ingest: 2500 of 10000 files (25%), 500 files/s, about 15 s left"
        );
        assert_eq!(
            plain_line(100, 100_000, Duration::from_secs(10)),
            "ingest: 100 of 100000 files (0%), 10 files/s, about 2 h 46 min left"
        );
        assert_eq!(
            plain_line(0, 10, Duration::ZERO),
            "ingest: 0 of 10 files (0%), 0 files/s"
        );
    }

    #[test]
    fn plain_lines_come_once_per_interval_and_carry_no_control_codes() {
        let out = Shared::default();
        let slow = Progress::plain(1000, Box::new(out.clone()), Duration::from_secs(3600));
        slow.inc(256);
        slow.inc(256);
        assert!(
            out.0.lock().map(|b| b.is_empty()).unwrap_or(false),
            "nothing before the interval"
        );
        let out = Shared::default();
        let every = Progress::plain(1000, Box::new(out.clone()), Duration::ZERO);
        every.set_message("a.txt".into());
        every.inc(256);
        every.inc(256);
        every.inc(488);
        every.finish();
        let text = String::from_utf8(out.0.lock().map(|b| b.clone()).unwrap_or_default())
            .unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2, "one per batch, none at the end: {text:?}");
        assert!(
            lines[0].starts_with("ingest: 256 of 1000 files (25%), "),
            "{text}"
        );
        assert!(
            lines[1].starts_with("ingest: 512 of 1000 files (51%), "),
            "{text}"
        );
        assert!(!text.contains('\u{1b}'), "{text:?}");
    }
}
