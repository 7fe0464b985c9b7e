//! Which database a `--db` value (or `POINTWISE_DB`) names: a SQLite file, or a PostgreSQL
//! server by URL.
//!
//! A value is a path, or a URL whose scheme is one this program knows (`sqlite:`, `postgres:`,
//! `postgresql:`). Anything else that starts with a scheme (`mysql://...`, `postgress://...`)
//! is refused: taken as a path it would silently create a SQLite file in a folder named after
//! the scheme.

use std::fmt;
use std::path::PathBuf;
use std::str::FromStr;

/// The database a run opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DbTarget {
    /// A SQLite file (created when missing).
    Sqlite(PathBuf),
    /// A PostgreSQL database, by its connection URL (`postgres://user@host:port/db`).
    Postgres(String),
}

/// Why a `--db` value was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DbTargetError {
    /// The value is empty.
    #[error("--db: the value is empty; give a SQLite file path or a postgres:// URL")]
    Empty,
    /// A `sqlite:` URL without a path.
    #[error("--db {0:?}: a sqlite: URL needs a file path (sqlite:data/pointwise.db)")]
    NoPath(String),
    /// A scheme this program does not know.
    #[error(
        "--db {value:?}: unknown scheme {scheme:?}; give a SQLite file path, sqlite:PATH, \
         or postgres://user@host/database (a path holding a colon can be written ./{value})"
    )]
    UnknownScheme {
        /// The whole value.
        value: String,
        /// Its scheme, with the colon.
        scheme: String,
    },
}

impl DbTarget {
    /// Reads a `--db` value: a known URL, else a path; a value that starts with another
    /// scheme is refused. A one-letter scheme is a Windows drive (`C:\data\x.db`), a path.
    pub fn parse(value: &str) -> Result<Self, DbTargetError> {
        if value.is_empty() {
            return Err(DbTargetError::Empty);
        }
        let Some(scheme) = scheme(value) else {
            return Ok(Self::Sqlite(PathBuf::from(value)));
        };
        match scheme.to_ascii_lowercase().as_str() {
            "sqlite" => {
                let rest = &value[scheme.len() + 1..];
                let path = rest.strip_prefix("//").unwrap_or(rest);
                let path = path.split_once('?').map_or(path, |(p, _)| p);
                if path.is_empty() {
                    return Err(DbTargetError::NoPath(value.to_owned()));
                }
                Ok(Self::Sqlite(PathBuf::from(path)))
            }
            "postgres" | "postgresql" => Ok(Self::Postgres(value.to_owned())),
            _ => Err(DbTargetError::UnknownScheme {
                value: value.to_owned(),
                scheme: format!("{scheme}:"),
            }),
        }
    }

    /// True for a PostgreSQL target.
    pub fn is_postgres(&self) -> bool {
        matches!(self, Self::Postgres(_))
    }
}

/// The scheme of `value` (before its first colon) when it looks like one: a letter, then
/// letters, digits, `+`, `-` or `.`, at least two characters (RFC 3986).
fn scheme(value: &str) -> Option<&str> {
    let (head, _) = value.split_once(':')?;
    let mut chars = head.chars();
    let first = chars.next()?;
    let looks = first.is_ascii_alphabetic()
        && head.len() >= 2
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    looks.then_some(head)
}

impl FromStr for DbTarget {
    type Err = DbTargetError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

/// A path as written; a URL without its password (the value is shown in error messages and
/// logs).
impl fmt::Display for DbTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Sqlite(path) => write!(f, "{}", path.display()),
            Self::Postgres(url) => f.write_str(&without_password(url)),
        }
    }
}

/// `scheme://user:secret@host/db` as `scheme://user:***@host/db`.
fn without_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    match authority.rsplit_once('@') {
        Some((userinfo, host)) => match userinfo.split_once(':') {
            Some((user, _)) => format!("{scheme}://{user}:***@{host}{tail}"),
            None => url.to_owned(),
        },
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sqlite(p: &str) -> DbTarget {
        DbTarget::Sqlite(PathBuf::from(p))
    }

    #[test]
    fn paths_are_sqlite_files() {
        assert_eq!(
            DbTarget::parse("data/pointwise.db"),
            Ok(sqlite("data/pointwise.db"))
        );
        assert_eq!(DbTarget::parse("/tmp/x.db"), Ok(sqlite("/tmp/x.db")));
        assert_eq!(DbTarget::parse("x.db"), Ok(sqlite("x.db")));
        // a colon after the first slash is part of a name, not a scheme
        assert_eq!(
            DbTarget::parse("./data:2025/x.db"),
            Ok(sqlite("./data:2025/x.db"))
        );
        assert_eq!(
            DbTarget::parse(r"C:\data\x.db"),
            Ok(sqlite(r"C:\data\x.db"))
        );
    }

    #[test]
    fn sqlite_urls_name_their_file() {
        assert_eq!(DbTarget::parse("sqlite:data/x.db"), Ok(sqlite("data/x.db")));
        assert_eq!(
            DbTarget::parse("sqlite://data/x.db"),
            Ok(sqlite("data/x.db"))
        );
        assert_eq!(
            DbTarget::parse("sqlite:///tmp/x.db"),
            Ok(sqlite("/tmp/x.db"))
        );
        assert_eq!(DbTarget::parse("SQLite:x.db?mode=rwc"), Ok(sqlite("x.db")));
        assert_eq!(
            DbTarget::parse("sqlite://"),
            Err(DbTargetError::NoPath("sqlite://".into()))
        );
    }

    #[test]
    fn postgres_urls_are_kept_whole() {
        for url in [
            "postgres://postgres@127.0.0.1:5432/pointwise",
            "postgresql://u:p@db.example/pw?sslmode=require",
        ] {
            assert_eq!(DbTarget::parse(url), Ok(DbTarget::Postgres(url.into())));
            assert!(DbTarget::parse(url).is_ok_and(|t| t.is_postgres()));
        }
    }

    #[test]
    fn other_schemes_are_refused_naming_the_flag() {
        for value in ["mysql://h/db", "postgress://h/db", "http://x", "file:x.db"] {
            let err = DbTarget::parse(value).expect_err(value);
            assert!(
                matches!(err, DbTargetError::UnknownScheme { .. }),
                "{value}"
            );
            let message = err.to_string();
            assert!(message.starts_with("--db"), "{message}");
            assert!(
                message.contains(value.split(':').next().unwrap_or("")),
                "{message}"
            );
        }
        assert_eq!(DbTarget::parse(""), Err(DbTargetError::Empty));
    }

    #[test]
    fn display_hides_the_password() {
        let t = DbTarget::parse("postgres://alice:s3cret@h:5432/pw").expect("url");
        assert_eq!(t.to_string(), "postgres://alice:***@h:5432/pw");
        let t = DbTarget::parse("postgres://alice@h/pw").expect("url");
        assert_eq!(t.to_string(), "postgres://alice@h/pw");
        assert_eq!(sqlite("data/x.db").to_string(), "data/x.db");
    }
}
