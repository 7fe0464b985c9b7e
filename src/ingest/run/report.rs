//! What an ingest run reports: its counts, why each file not taken was skipped, and why a run
//! stopped.

use std::fmt;

use crate::ingest::decode::DecodeError;

/// Why an ingest run stopped: what was committed before stays (earlier batches), the batch in
/// flight is rolled back.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The database refused a read or a write.
    #[error(transparent)]
    Db(#[from] sqlx::Error),
    /// An extraction thread stopped (it panicked) before handing back the files it was given.
    #[error("an extraction thread stopped before handing back its files")]
    WorkerStopped,
    /// The extraction threads could not be started.
    #[error("cannot start the extraction threads: {0}")]
    Pool(String),
}

/// Why a file was not taken; its `Display` is the reason the report prints after the name.
/// I/O errors are kept as the system's message, so the report (and its `Clone`, `PartialEq`)
/// does not hold open errors.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SkipReason {
    /// A named path does not exist or cannot be looked at.
    #[error("cannot open: {0}")]
    CannotOpen(String),
    /// A directory whose real path cannot be found.
    #[error("cannot resolve directory: {0}")]
    CannotResolveDirectory(String),
    /// A directory reached a second time through a link.
    #[error("directory already visited (link loop)")]
    LinkLoop,
    /// A directory that cannot be listed.
    #[error("cannot read directory: {0}")]
    CannotReadDirectory(String),
    /// A file that cannot be read.
    #[error("cannot read: {0}")]
    CannotRead(String),
    /// A pipe, socket or device.
    #[error("not a regular file (a pipe, socket or device)")]
    NotRegular,
    /// Over `--max-bytes` by its size on disk.
    #[error("larger than the limit ({size} bytes > {max}; see --max-bytes)")]
    TooLarge {
        /// Its size.
        size: u64,
        /// The limit.
        max: u64,
    },
    /// Over `--max-bytes` while being read (it grew).
    #[error("larger than the limit (more than {max} bytes; see --max-bytes)")]
    GrewTooLarge {
        /// The limit.
        max: u64,
    },
    /// A second file of the same name in one run.
    #[error(
        "another file named {name} was read in this run ({first}); articles are stored by file \
         name, so rename one"
    )]
    SameName {
        /// The file name.
        name: String,
        /// The path of the first file of that name.
        first: String,
    },
    /// Empty or binary.
    #[error(transparent)]
    Undecodable(#[from] DecodeError),
    /// Nothing but boilerplate.
    #[error("no article text left after removing boilerplate")]
    NoText,
    /// An HTML page nested too deep or with too many elements to parse in bounded time.
    #[error("{0}")]
    TooComplex(String),
}

/// What an ingest run did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IngestReport {
    /// Files looked at.
    pub read: usize,
    /// Stored for the first time.
    pub new: usize,
    /// Same content as stored: nothing to do.
    pub unchanged: usize,
    /// Content changed: statements replaced.
    pub replaced: usize,
    /// Statements written.
    pub statements: usize,
    /// Files whose content is already stored under another name: (file, name stored under).
    pub duplicates: Vec<(String, String)>,
    /// Files not taken, with the reason.
    pub skipped: Vec<(String, SkipReason)>,
}

impl fmt::Display for IngestReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        write!(
            f,
            "{} read: {} new, {} unchanged, {} replaced, {}, {} skipped; {} written",
            plural(self.read, "file", "files"),
            self.new,
            self.unchanged,
            self.replaced,
            plural(self.duplicates.len(), "duplicate", "duplicates"),
            self.skipped.len(),
            plural(self.statements, "statement", "statements"),
        )?;
        for (file, first) in &self.duplicates {
            let (file, first) = (shown(file), shown(first));
            write!(
                f,
                "\n  duplicate {file}: same content as {first}, stored once under {first}"
            )?;
        }
        for (file, why) in &self.skipped {
            write!(
                f,
                "\n  skipped {}: {}",
                shown(file),
                shown(&why.to_string())
            )?;
        }
        Ok(())
    }
}

/// A file name (or a reason quoting one) as printed: control characters and the bidirectional
/// overrides escaped (`\n`, `\u{1b}`, ...), so a name cannot fake a line of the report or
/// drive the terminal.
pub fn shown(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}') {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_report_prints_each_skip_reason_after_its_file() {
        let report = IngestReport {
            read: 4,
            skipped: vec![
                (
                    "a/big.txt".into(),
                    SkipReason::TooLarge { size: 11, max: 10 },
                ),
                (
                    "b/x.txt".into(),
                    SkipReason::SameName {
                        name: "x.txt".into(),
                        first: "a/x.txt".into(),
                    },
                ),
                ("c.txt".into(), DecodeError::Empty.into()),
                ("d".into(), SkipReason::LinkLoop),
            ],
            ..IngestReport::default()
        };
        assert_eq!(
            report.to_string(),
            "4 files read: 0 new, 0 unchanged, 0 replaced, 0 duplicates, 4 skipped; \
             0 statements written\
             \n  skipped a/big.txt: larger than the limit (11 bytes > 10; see --max-bytes)\
             \n  skipped b/x.txt: another file named x.txt was read in this run (a/x.txt); \
             articles are stored by file name, so rename one\
             \n  skipped c.txt: empty file\
             \n  skipped d: directory already visited (link loop)"
        );
    }

    #[test]
    fn one_of_a_kind_is_singular() {
        let report = IngestReport {
            read: 1,
            duplicates: vec![("b.txt".into(), "a.txt".into())],
            statements: 1,
            ..IngestReport::default()
        };
        let line = report.to_string();
        assert!(
            line.starts_with(
                "1 file read: 0 new, 0 unchanged, 0 replaced, 1 duplicate, 0 skipped; \
                 1 statement written"
            ),
            "{line}"
        );
    }
}
