//! Pointwise: tracks the US 28-point peace plan for Russia and Ukraine point by point.
//!
//! [`ingest`] turns articles into statements (who said what about which point, for or
//! against) and stores them with [`db`]; [`web`] serves the dashboard; [`catalog`] holds the
//! editable data in `seeds/`.

pub mod catalog;
pub mod cli;
mod cli_user;
pub mod db;
pub mod eval;
pub mod grammar;
pub mod ingest;
pub mod model;
pub mod password;
pub mod text;
pub mod versions;
pub mod web;
