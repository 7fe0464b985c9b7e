//! Editors' sessions: a random id in an `HttpOnly`, `SameSite=Strict` cookie (`Secure` behind
//! https), only its SHA-256 in the database ([`crate::db::accounts`]), a new id at every
//! sign-in, ended after [`IDLE`] without a request or [`ABSOLUTE`] after the sign-in, or when
//! the account is disabled or given a new password.
//!
//! Written with the project's own table rather than tower-sessions: its SQLite store
//! (tower-sessions-sqlx-store 0.15) is built on sqlx 0.8, which cannot link beside this
//! program's sqlx 0.9 (both bundle SQLite).

use std::time::{SystemTime, UNIX_EPOCH};

use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};

use crate::db::accounts;
use crate::model::Role;
use crate::password;
use crate::web::error::{WebError, WebResult};
use crate::web::state::AppState;

/// The session cookie's name.
pub const COOKIE: &str = "pointwise_session";
/// The cookie holding the sign-in form's CSRF token (before there is a session).
pub const LOGIN_COOKIE: &str = "pointwise_login";
/// A session unused this long (seconds) has ended.
pub const IDLE: i64 = 60 * 60;
/// A session this old (seconds) has ended, however used.
pub const ABSOLUTE: i64 = 12 * 60 * 60;
/// How long the sign-in form's token lives (seconds).
pub const LOGIN_FORM_LIFE: i64 = 30 * 60;

/// A signed-in editor.
#[derive(Debug, Clone)]
pub struct Editor {
    /// The account's id.
    pub account_id: i64,
    /// The account's name.
    pub name: String,
    /// Editor or admin.
    pub role: Role,
    /// The session's CSRF token, for its forms.
    pub csrf: String,
    /// The SHA-256 of the session id.
    pub(crate) id_hash: String,
}

/// Seconds since 1970.
pub fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// The value of the cookie `name`, if the request sent it.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.trim())
}

/// Whether the request carries a session cookie (the response cache passes it by).
pub fn has_session_cookie(headers: &HeaderMap) -> bool {
    cookie(headers, COOKIE).is_some()
}

fn is_token(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The editor signed in on this request, if any (an expired or disabled session is ended).
pub async fn current(state: &AppState, headers: &HeaderMap) -> WebResult<Option<Editor>> {
    let Some(id) = cookie(headers, COOKIE).filter(|v| is_token(v)) else {
        return Ok(None);
    };
    let id_hash = password::digest(id);
    let Some(s) = accounts::session(&state.writer, &id_hash).await? else {
        return Ok(None);
    };
    let now = now();
    if s.disabled || now - s.seen_at > IDLE || now - s.created_at > ABSOLUTE {
        accounts::end_session(&state.writer, &id_hash).await?;
        return Ok(None);
    }
    if now - s.seen_at > 60 {
        accounts::touch_session(&state.writer, &id_hash, now).await?;
    }
    Ok(Some(Editor {
        account_id: s.account_id,
        name: s.name,
        role: s.role,
        csrf: s.csrf,
        id_hash,
    }))
}

/// Starts a session for `account_id`: its cookie's `Set-Cookie` value.
pub async fn start(state: &AppState, account_id: i64) -> WebResult<HeaderValue> {
    let (id, csrf) = match (password::token(), password::token()) {
        (Ok(id), Ok(csrf)) => (id, csrf),
        _ => {
            return Err(WebError::Refused(
                StatusCode::SERVICE_UNAVAILABLE,
                "Cannot sign in just now; try again.".into(),
            ));
        }
    };
    let now = now();
    accounts::purge_sessions(&state.writer, now - IDLE, now - ABSOLUTE).await?;
    accounts::start_session(
        &state.writer,
        &password::digest(&id),
        account_id,
        &csrf,
        now,
    )
    .await?;
    Ok(set_cookie(COOKIE, &id, ABSOLUTE, state.secure_cookies))
}

/// Ends the editor's session.
pub async fn end(state: &AppState, editor: &Editor) -> WebResult<()> {
    accounts::end_session(&state.writer, &editor.id_hash).await?;
    Ok(())
}

/// A `Set-Cookie` value: `HttpOnly`, `SameSite=Strict`, the whole site, `Secure` if asked.
pub fn set_cookie(name: &str, value: &str, max_age: i64, secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{name}={value}; Path=/; HttpOnly; SameSite=Strict; Max-Age={max_age}{secure}"
    ))
    .unwrap_or_else(|_| HeaderValue::from_static("pointwise_invalid=; Max-Age=0"))
}

/// A `Set-Cookie` value that removes the cookie `name`.
pub fn clear_cookie(name: &str, secure: bool) -> HeaderValue {
    set_cookie(name, "", 0, secure)
}

/// Who may use a route, and how a refusal is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gate {
    /// A page: a visitor is sent to /login (303), and comes back after.
    Page(Role),
    /// Data: a visitor is answered 401.
    Data(Role),
}

/// The signed-in editor allowed through `gate`, or the refusal: to /login or 401 for a
/// visitor, 403 for an editor on an admin route. `back` is where /login returns to.
pub async fn require(
    state: &AppState,
    headers: &HeaderMap,
    gate: Gate,
    back: &str,
) -> Result<Editor, Response> {
    let editor = current(state, headers)
        .await
        .map_err(IntoResponse::into_response)?;
    let role = match gate {
        Gate::Page(r) | Gate::Data(r) => r,
    };
    match (editor, gate) {
        (Some(e), _) if role == Role::Editor || e.role == Role::Admin => Ok(e),
        (Some(_), _) => Err(WebError::Refused(
            StatusCode::FORBIDDEN,
            "This page is for the site's administrators.".into(),
        )
        .into_response()),
        (None, Gate::Page(_)) => {
            let next = crate::web::paging::link("/login", "", &[("next", back)]);
            Err(Redirect::to(&next).into_response())
        }
        (None, Gate::Data(_)) => Err(WebError::Refused(
            StatusCode::UNAUTHORIZED,
            "Sign in as an editor first.".into(),
        )
        .into_response()),
    }
}

/// Checks a form's CSRF token against the session's: 403 when it is missing or wrong.
pub fn check_csrf(editor: &Editor, sent: &str) -> WebResult<()> {
    if password::same_token(&editor.csrf, sent) {
        Ok(())
    } else {
        Err(forbidden_form())
    }
}

/// The answer to a form without a valid CSRF token.
pub fn forbidden_form() -> WebError {
    WebError::Refused(
        StatusCode::FORBIDDEN,
        "This form has expired or did not come from this site; open the page again and resend it."
            .into(),
    )
}

/// Where to go after signing in: a path of this site, `/` for anything else (another site,
/// `//host`, a backslash, control characters).
pub fn safe_next(next: &str) -> String {
    let ok = next.starts_with('/')
        && !next.starts_with("//")
        && !next.starts_with("/\\")
        && !next.chars().any(|c| c.is_control() || c == '\\')
        && next.len() <= 2000;
    if ok {
        next.to_string()
    } else {
        "/".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_followed() {
        for bad in [
            "https://evil.example/",
            "//evil.example/x",
            "/\\evil.example",
            "\\\\evil.example",
            "javascript:alert(1)",
            "/\u{0}x",
            "/a\\b",
            "",
        ] {
            assert_eq!(safe_next(bad), "/", "{bad:?}");
        }
        assert_eq!(safe_next("/statements/3?x=1"), "/statements/3?x=1");
    }

    #[test]
    fn cookies_are_found_by_exact_name() {
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            HeaderValue::from_static("xpointwise_session=1; pointwise_session=abc"),
        );
        assert_eq!(cookie(&h, COOKIE), Some("abc"));
        let v = set_cookie(COOKIE, "abc", 10, true);
        assert_eq!(
            v.to_str().ok(),
            Some("pointwise_session=abc; Path=/; HttpOnly; SameSite=Strict; Max-Age=10; Secure")
        );
    }
}
