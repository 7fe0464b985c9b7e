//! The editors' commands: `pointwise user add|list|disable|enable|password` (the accounts) and
//! `pointwise export --reviewed` (what they decided, as a gold set).

use std::io::{BufRead as _, IsTerminal as _};

use crate::cli::UserCommand;
use crate::db::accounts;
use crate::password;

/// Runs a `user` subcommand; returns the exit status (1 when the account is missing or taken,
/// or the password refused).
pub async fn run(pool: &crate::db::Db, command: UserCommand) -> anyhow::Result<i32> {
    match command {
        UserCommand::Add { name, role } => {
            let name = name.trim().to_string();
            if name.is_empty() || name.chars().count() > 64 || name.chars().any(char::is_control) {
                eprintln!("error: a name is 1 to 64 characters, none of them control characters");
                return Ok(1);
            }
            let Some(hash) = new_password_hash()? else {
                return Ok(1);
            };
            match accounts::add(pool, &name, role, &hash).await? {
                Some(_) => println!("added {role} {name}"),
                None => {
                    eprintln!("error: an account named {name} exists");
                    return Ok(1);
                }
            }
        }
        UserCommand::List => {
            for a in accounts::list(pool).await? {
                let state = if a.disabled { "disabled" } else { "active" };
                println!("{}\t{}\t{state}\tsince {}", a.name, a.role, a.created_at);
            }
        }
        UserCommand::Disable { name } => {
            return found(
                accounts::set_disabled(pool, &name, true).await?,
                &name,
                "disabled",
            );
        }
        UserCommand::Enable { name } => {
            return found(
                accounts::set_disabled(pool, &name, false).await?,
                &name,
                "enabled",
            );
        }
        UserCommand::Password { name } => {
            if accounts::by_name(pool, &name).await?.is_none() {
                return found(false, &name, "");
            }
            let Some(hash) = new_password_hash()? else {
                return Ok(1);
            };
            return found(
                accounts::set_password(pool, &name, &hash).await?,
                &name,
                "has a new password",
            );
        }
    }
    Ok(0)
}

fn found(found: bool, name: &str, done: &str) -> anyhow::Result<i32> {
    if found {
        println!("{name} {done}");
        Ok(0)
    } else {
        eprintln!("error: no account named {name}");
        Ok(1)
    }
}

/// Reads a new password (twice at a terminal, without echo; one line of stdin otherwise),
/// checks it and hashes it; `None` (with the reason printed) when it is refused.
fn new_password_hash() -> anyhow::Result<Option<String>> {
    let password = if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("Password: ")?;
        let again = rpassword::prompt_password("Again: ")?;
        if first != again {
            eprintln!("error: the two passwords differ");
            return Ok(None);
        }
        first
    } else {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        line.trim_end_matches(['\n', '\r']).to_string()
    };
    if let Err(why) = password::check_new(&password) {
        eprintln!("error: {why}");
        return Ok(None);
    }
    password::hash(&password).map(Some)
}

/// The statements an editor reviewed (or corrected) as gold lines: the speaker with the
/// catalog's aliases, kind, words, points and stance as the editors left them.
pub fn gold_lines(
    catalog: &crate::catalog::Catalog,
    rows: &[crate::db::models::StatementRow],
) -> Vec<crate::eval::Row> {
    rows.iter()
        .filter(|r| !r.review.is_empty())
        .map(|r| {
            let aliases = r.speaker_name.as_ref().map_or_else(Vec::new, |name| {
                let mut names = vec![name.clone()];
                if let Some(known) = catalog.speakers.iter().find(|s| &s.name == name) {
                    names.extend(known.aliases.iter().cloned());
                }
                names
            });
            crate::eval::Row {
                source_file: r.file_name.clone(),
                speaker: r.speaker_name.clone(),
                aliases,
                kind: r.kind.to_string(),
                text: r.text.clone(),
                provisions: r.provision_numbers(),
                stance: r.stance.to_string(),
                optional: false,
            }
        })
        .collect()
}
