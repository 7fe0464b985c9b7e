//! `/login` and `/logout`: an editor signs in with a name and password and out again.
//!
//! Every failure gets the same answer ("the name or the password is wrong"), after the same
//! work (an unknown name is checked against a decoy hash), so no answer tells whether an account
//! exists; failures are counted per name and per address ([`crate::web::throttle`]), slowed,
//! then refused (429), and logged with the name and address (never the password or a cookie).

use askama::Template;
use axum::Form;
use axum::extract::{ConnectInfo, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::db::accounts;
use crate::password;
use crate::web::error::{WebError, WebResult};
use crate::web::page::{PageMeta, crumb};
use crate::web::session::{self, LOGIN_COOKIE, LOGIN_FORM_LIFE};
use crate::web::state::AppState;
use crate::web::throttle::Verdict;

/// The sign-in page.
#[derive(Template)]
#[template(path = "pages/login.html")]
pub struct LoginPage {
    /// Head data.
    pub meta: PageMeta,
    /// Where to go after signing in.
    pub next: String,
    /// The form's CSRF token (also in the `pointwise_login` cookie).
    pub csrf: String,
    /// Why the last attempt failed, if it did.
    pub error: Option<&'static str>,
    /// The name typed, kept after a failure.
    pub name: String,
}

/// `?next=`.
#[derive(Debug, Deserialize, Default)]
pub struct NextQuery {
    /// Where to go after signing in.
    #[serde(default)]
    pub next: String,
}

/// The sign-in form.
#[derive(Debug, Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    next: String,
}

/// The sign-out form.
#[derive(Debug, Deserialize)]
pub struct LogoutForm {
    #[serde(default)]
    csrf: String,
}

/// The one message of every failed sign-in.
const WRONG: &str = "The name or the password is wrong, or the account is disabled.";

/// GET /login: the form, with a fresh token (never cached).
pub async fn login_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(q): Query<NextQuery>,
) -> WebResult<Response> {
    let next = session::safe_next(&q.next);
    if session::current(&state, &headers).await?.is_some() {
        return Ok(Redirect::to(&next).into_response());
    }
    form(&state, next, None, String::new(), StatusCode::OK)
}

fn form(
    state: &AppState,
    next: String,
    error: Option<&'static str>,
    name: String,
    status: StatusCode,
) -> WebResult<Response> {
    let csrf = password::token().map_err(|_| {
        WebError::Refused(
            StatusCode::SERVICE_UNAVAILABLE,
            "Cannot sign in just now.".into(),
        )
    })?;
    let meta = PageMeta::new(
        "Sign in",
        "Editors sign in to review the statements.",
        "/login",
        vec![crumb("Matrix", "/"), crumb("Sign in", "/login")],
    )
    .with_base(&state.public_url);
    let html = LoginPage {
        meta,
        next,
        csrf: csrf.clone(),
        error,
        name,
    }
    .render()?;
    let mut r = (status, axum::response::Html(html)).into_response();
    let h = r.headers_mut();
    h.insert(
        header::SET_COOKIE,
        session::set_cookie(LOGIN_COOKIE, &csrf, LOGIN_FORM_LIFE, state.secure_cookies),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(r)
}

/// The client's address (`unknown` without one, as in tests).
fn address(peer: Option<&ConnectInfo<std::net::SocketAddr>>) -> String {
    peer.map_or_else(|| "unknown".into(), |c| c.0.ip().to_string())
}

/// POST /login: checks the token, the throttle and the password; starts a session.
pub async fn login(
    State(state): State<AppState>,
    peer: Option<axum::Extension<ConnectInfo<std::net::SocketAddr>>>,
    headers: HeaderMap,
    Form(f): Form<LoginForm>,
) -> WebResult<Response> {
    let sent = session::cookie(&headers, LOGIN_COOKIE).unwrap_or("");
    if sent.is_empty() || !password::same_token(sent, &f.csrf) {
        return Err(session::forbidden_form());
    }
    let next = session::safe_next(&f.next);
    let name: String = f.name.trim().chars().take(64).collect();
    let address = address(peer.as_ref().map(|e| &e.0));
    match state
        .throttle
        .verdict(&state.writer, &name, &address)
        .await?
    {
        Verdict::Refuse => {
            tracing::warn!(account = %name.escape_debug(), %address, "sign-in refused: too many failures");
            return Err(WebError::Refused(
                StatusCode::TOO_MANY_REQUESTS,
                "Too many failed sign-ins; try again in a quarter of an hour.".into(),
            ));
        }
        Verdict::Try(delay) => tokio::time::sleep(delay).await,
    }
    let account = accounts::by_name(&state.writer, &name).await?;
    let stored = account.as_ref().map_or_else(
        || password::decoy().to_string(),
        |a| a.password_hash.clone(),
    );
    let typed = f.password;
    let matches = tokio::task::spawn_blocking(move || password::verify(&typed, &stored))
        .await
        .unwrap_or(false);
    let Some(account) = account.filter(|a| matches && !a.disabled) else {
        state
            .throttle
            .failed(&state.writer, &name, &address)
            .await?;
        tracing::warn!(account = %name.escape_debug(), %address, "failed sign-in");
        return form(&state, next, Some(WRONG), name, StatusCode::UNAUTHORIZED);
    };
    state.throttle.succeeded(&state.writer, &name).await?;
    if let Some(old) = session::current(&state, &headers).await? {
        session::end(&state, &old).await?;
    }
    let cookie = session::start(&state, account.id).await?;
    tracing::info!(account = %account.name.escape_debug(), %address, "signed in");
    let mut r = Redirect::to(&next).into_response();
    r.headers_mut().append(header::SET_COOKIE, cookie);
    r.headers_mut().append(
        header::SET_COOKIE,
        session::clear_cookie(LOGIN_COOKIE, state.secure_cookies),
    );
    Ok(r)
}

/// POST /logout: ends the session (with the session's token) and goes home.
pub async fn logout(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(f): Form<LogoutForm>,
) -> WebResult<Response> {
    let Some(editor) = session::current(&state, &headers).await? else {
        return Ok(Redirect::to("/").into_response());
    };
    session::check_csrf(&editor, &f.csrf)?;
    session::end(&state, &editor).await?;
    tracing::info!(account = %editor.name.escape_debug(), "signed out");
    let mut r = Redirect::to("/").into_response();
    r.headers_mut().insert(
        header::SET_COOKIE,
        session::clear_cookie(session::COOKIE, state.secure_cookies),
    );
    Ok(r)
}
