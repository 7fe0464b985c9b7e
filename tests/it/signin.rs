//! Sign-in and sessions (issue 13), one test per rule of docs/reliability.md's threat model.

use std::time::Duration;

use axum::http::StatusCode;
use pointwise::db::{accounts, sign_in};
use pointwise::model::Role;
use pointwise::web::throttle::{MAX_FAILURES, Throttle};
use pointwise::web::{AppState, Config, router};

use crate::common::{Page, seeded_db, test_db};
use crate::editors_client::{Client, PASSWORD, add_account};

fn site_with(state: AppState) -> axum::Router {
    router(state, Config::default()).0
}

#[tokio::test]
async fn signing_in_sets_a_strict_httponly_cookie_and_a_new_id_each_time() -> anyhow::Result<()> {
    let t = test_db().await?;
    add_account(&t.db, "ann", Role::Editor).await?;
    let app = crate::common::app(&t.db);
    let mut c = Client::new(&app);
    let a = c.try_sign_in("ann", PASSWORD, "/statements").await?;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    assert_eq!(a.location(), "/statements");
    let cookie = a
        .set_cookies()
        .into_iter()
        .find(|c| c.starts_with("pointwise_session="))
        .ok_or_else(|| anyhow::anyhow!("no session cookie"))?;
    for part in ["HttpOnly", "SameSite=Strict", "Path=/"] {
        assert!(cookie.contains(part), "{cookie}");
    }
    assert!(!cookie.contains("Secure"), "plain http: {cookie}");
    let first = c.session().map(str::to_owned);
    c.cookies.remove("pointwise_session");
    c.sign_in("ann").await?;
    assert!(first.is_some() && c.session().is_some() && first.as_deref() != c.session());
    // an id planted before the sign-in (session fixation) is never the one signed in
    let planted = "ab".repeat(32);
    let mut victim = Client::new(&app);
    victim
        .cookies
        .insert("pointwise_session".into(), planted.clone());
    let a = victim.try_sign_in("ann", PASSWORD, "/").await?;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    assert!(victim.session().is_some_and(|s| s != planted));
    let mut attacker = Client::new(&app);
    attacker.cookies.insert("pointwise_session".into(), planted);
    assert_eq!(
        attacker.get("/admin/accounts").await?.status,
        StatusCode::SEE_OTHER
    );
    Ok(())
}

#[tokio::test]
async fn the_cookie_is_secure_behind_https() -> anyhow::Result<()> {
    let t = test_db().await?;
    add_account(&t.db, "ann", Role::Editor).await?;
    let app = site_with(AppState::new(t.db.clone(), "https://pointwise.example"));
    let mut c = Client::new(&app);
    let a = c.try_sign_in("ann", PASSWORD, "/").await?;
    assert!(
        a.set_cookies()
            .iter()
            .any(|c| c.starts_with("pointwise_session=") && c.contains("; Secure")),
        "{:?}",
        a.set_cookies()
    );
    Ok(())
}

#[tokio::test]
async fn sign_in_is_not_an_open_redirect() -> anyhow::Result<()> {
    let t = test_db().await?;
    add_account(&t.db, "ann", Role::Editor).await?;
    let app = crate::common::app(&t.db);
    for next in [
        "https://evil.example/",
        "//evil.example",
        "/\\evil.example",
        "javascript:x",
    ] {
        let mut c = Client::new(&app);
        let a = c.try_sign_in("ann", PASSWORD, next).await?;
        assert_eq!(a.status, StatusCode::SEE_OTHER);
        assert_eq!(a.location(), "/", "{next}");
    }
    Ok(())
}

#[tokio::test]
async fn no_answer_tells_whether_an_account_exists() -> anyhow::Result<()> {
    let t = test_db().await?;
    add_account(&t.db, "ann", Role::Editor).await?;
    add_account(&t.db, "dan", Role::Editor).await?;
    accounts::set_disabled(&t.db, "dan", true).await?;
    let app = crate::common::app(&t.db);
    let mut answers = Vec::new();
    for (name, password) in [
        ("ann", "wrong password!"),
        ("nobody", "wrong password!"),
        ("dan", PASSWORD),
    ] {
        let mut c = Client::new(&app);
        let a = c.try_sign_in(name, password, "/").await?;
        assert!(c.session().is_none(), "{name}");
        let page = Page::parse(&a.body);
        answers.push((a.status, page.texts(".form-error"), page.texts("h1")));
    }
    assert_eq!(answers[0].0, StatusCode::UNAUTHORIZED);
    assert_eq!(answers[0], answers[1], "a known name and an unknown one");
    assert_eq!(
        answers[0], answers[2],
        "a wrong password and a disabled account"
    );
    Ok(())
}

#[tokio::test]
async fn failed_sign_ins_are_slowed_then_refused_per_account_and_address() -> anyhow::Result<()> {
    let t = test_db().await?;
    add_account(&t.db, "ann", Role::Editor).await?;
    let mut state = AppState::new(t.db.clone(), "http://test.local");
    state.throttle = Throttle::with_unit(Duration::from_millis(1));
    let app = site_with(state);
    let mut c = Client::new(&app);
    for _ in 0..MAX_FAILURES {
        let a = c.try_sign_in("ann", "wrong password!", "/").await?;
        assert_eq!(a.status, StatusCode::UNAUTHORIZED);
    }
    // now even the right password is refused, for the account from anywhere
    let a = c.try_sign_in("ann", PASSWORD, "/").await?;
    assert_eq!(a.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(c.session().is_none());
    // and for this address (tests have no peer address: all share one) whatever the name
    let a = c.try_sign_in("someone", "wrong password!", "/").await?;
    assert_eq!(a.status, StatusCode::TOO_MANY_REQUESTS);
    Ok(())
}

#[tokio::test]
async fn two_servers_on_one_database_share_the_failure_counts() -> anyhow::Result<()> {
    let t = test_db().await?;
    add_account(&t.db, "ann", Role::Editor).await?;
    let server = || {
        let mut state = AppState::new(t.db.clone(), "http://test.local");
        state.throttle = Throttle::with_unit(Duration::from_millis(1));
        site_with(state)
    };
    let (one, two) = (server(), server());
    let (mut a, mut b) = (Client::new(&one), Client::new(&two));
    // the attempts alternate between the servers, as behind a load balancer
    for i in 0..MAX_FAILURES {
        let c = if i % 2 == 0 { &mut a } else { &mut b };
        let r = c.try_sign_in("ann", "wrong password!", "/").await?;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    }
    for c in [&mut a, &mut b] {
        let r = c.try_sign_in("ann", PASSWORD, "/").await?;
        assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    }
    // and a server started afterwards (a restart) knows them too
    let mut late = Client::new(&server());
    let r = late.try_sign_in("ann", PASSWORD, "/").await?;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    Ok(())
}

#[tokio::test]
async fn failures_older_than_the_window_are_forgotten() -> anyhow::Result<()> {
    let t = test_db().await?;
    let keys = ["account:ann", "address:10.0.0.1"];
    for _ in 0..3 {
        sign_in::record_failure(&t.db, keys, 1_000, 0).await?;
    }
    assert_eq!(sign_in::failures(&t.db, keys, 0).await?, 3);
    assert_eq!(
        sign_in::failures(&t.db, ["account:ann", "address:other"], 0).await?,
        3
    );
    // the window has moved past the first failure: not counted, and the next one starts at one
    assert_eq!(sign_in::failures(&t.db, keys, 1_000).await?, 0);
    sign_in::record_failure(&t.db, keys, 2_000, 1_000).await?;
    assert_eq!(sign_in::failures(&t.db, keys, 1_000).await?, 1);
    sign_in::forget(&t.db, "account:ann").await?;
    assert_eq!(
        sign_in::failures(&t.db, ["account:ann", "address:other"], 1_000).await?,
        0
    );
    assert_eq!(
        sign_in::failures(&t.db, keys, 1_000).await?,
        1,
        "the address's stay"
    );
    Ok(())
}

#[tokio::test]
async fn a_form_without_its_token_is_refused() -> anyhow::Result<()> {
    let t = test_db().await?;
    add_account(&t.db, "ann", Role::Editor).await?;
    let app = crate::common::app(&t.db);
    let mut c = Client::new(&app);
    c.get("/login").await?;
    let a = c
        .post(
            "/login",
            &[("name", "ann"), ("password", PASSWORD), ("csrf", "0")],
        )
        .await?;
    assert_eq!(a.status, StatusCode::FORBIDDEN);
    assert!(c.session().is_none());
    c.sign_in("ann").await?;
    // sign-out needs the session's token too
    let a = c.post("/logout", &[("csrf", "")]).await?;
    assert_eq!(a.status, StatusCode::FORBIDDEN);
    assert!(c.session().is_some());
    Ok(())
}

#[tokio::test]
async fn signing_out_ends_the_session() -> anyhow::Result<()> {
    let t = test_db().await?;
    add_account(&t.db, "ann", Role::Admin).await?;
    let app = crate::common::app(&t.db);
    let mut c = Client::new(&app);
    c.sign_in("ann").await?;
    let id = c.session().map(str::to_owned).unwrap_or_default();
    let page = c.get("/admin/accounts").await?;
    assert_eq!(page.status, StatusCode::OK);
    let a = c.post("/logout", &[("csrf", &page.csrf())]).await?;
    assert_eq!(a.status, StatusCode::SEE_OTHER);
    assert!(c.session().is_none());
    let mut replay = Client::new(&app);
    replay.cookies.insert("pointwise_session".into(), id);
    assert_eq!(
        replay.get("/admin/accounts").await?.status,
        StatusCode::SEE_OTHER
    );
    Ok(())
}

#[tokio::test]
async fn a_disabled_account_loses_its_session() -> anyhow::Result<()> {
    let t = test_db().await?;
    add_account(&t.db, "ann", Role::Admin).await?;
    let app = crate::common::app(&t.db);
    let mut c = Client::new(&app);
    c.sign_in("ann").await?;
    assert_eq!(c.get("/admin/accounts").await?.status, StatusCode::OK);
    accounts::set_disabled(&t.db, "ann", true).await?;
    let a = c.get("/admin/accounts").await?;
    assert_eq!(a.status, StatusCode::SEE_OTHER);
    assert!(a.location().starts_with("/login?next="), "{}", a.location());
    let again = c.try_sign_in("ann", PASSWORD, "/").await?;
    assert_eq!(again.status, StatusCode::UNAUTHORIZED);
    Ok(())
}

#[tokio::test]
async fn an_editor_is_refused_on_admin_routes() -> anyhow::Result<()> {
    let t = test_db().await?;
    add_account(&t.db, "ed", Role::Editor).await?;
    add_account(&t.db, "other", Role::Editor).await?;
    let app = crate::common::app(&t.db);
    let mut c = Client::new(&app);
    c.sign_in("ed").await?;
    assert_eq!(
        c.get("/admin/accounts").await?.status,
        StatusCode::FORBIDDEN
    );
    let login = c.get("/statements").await?;
    let a = c
        .post(
            "/admin/accounts",
            &[
                ("name", "other"),
                ("action", "disable"),
                ("csrf", &login.csrf()),
            ],
        )
        .await?;
    assert_eq!(a.status, StatusCode::FORBIDDEN);
    assert!(
        !accounts::by_name(&t.db, "other")
            .await?
            .is_some_and(|a| a.disabled)
    );
    // a visitor is sent to sign in
    let mut visitor = Client::new(&app);
    let a = visitor.get("/admin/accounts").await?;
    assert_eq!(a.status, StatusCode::SEE_OTHER);
    assert_eq!(a.location(), "/login?next=%2Fadmin%2Faccounts");
    Ok(())
}

#[tokio::test]
async fn editors_pages_are_never_cached_nor_served_from_the_cache() -> anyhow::Result<()> {
    let t = seeded_db().await?;
    add_account(&t.db, "ann", Role::Admin).await?;
    let app = crate::common::app(&t.db);
    let mut c = Client::new(&app);
    c.sign_in("ann").await?;
    let mine = c.get("/admin/accounts").await?;
    assert_eq!(
        mine.headers
            .get("cache-control")
            .and_then(|v| v.to_str().ok()),
        Some("private, no-store")
    );
    let login = Client::new(&app).get("/login").await?;
    assert_eq!(
        login
            .headers
            .get("cache-control")
            .and_then(|v| v.to_str().ok()),
        Some("no-store")
    );
    // two visitors get two different sign-in tokens: the form is not kept
    let other = Client::new(&app).get("/login").await?;
    assert_ne!(login.csrf(), other.csrf());
    Ok(())
}

/// The value of the cookie `name` set by a response of the real server.
fn set_cookie(r: &crate::binary::Response, name: &str) -> Option<String> {
    r.headers
        .iter()
        .filter(|(k, _)| k == "set-cookie")
        .filter_map(|(_, v)| {
            v.split(';')
                .next()?
                .strip_prefix(&format!("{name}="))
                .map(str::to_owned)
        })
        .find(|v| !v.is_empty())
}

fn csrf_of(body: &str) -> String {
    Page::parse(body)
        .attrs("input[name=csrf]", "value")
        .into_iter()
        .next()
        .unwrap_or_default()
}

#[tokio::test]
#[ignore = "slow: the real binary, seeded, with requests logged"]
async fn the_session_cookie_is_never_in_a_page_or_the_log() -> anyhow::Result<()> {
    use crate::binary::{Server, exchange, run, signal};
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("s.db");
    assert_eq!(run(&db, &["ingest"])?.status.code(), Some(0));
    let added = crate::accounts::run_with_input(
        &db,
        &["user", "add", "ann", "--role", "admin"],
        &format!("{PASSWORD}\n"),
    )?;
    assert_eq!(added.status.code(), Some(0));
    // every request traced, but not the database driver (its lines would fill the pipe unread)
    let mut server = Server::start_logging(&db, &[], "info,tower_http=debug,pointwise=debug")?;
    let addr = server.addr;
    let send = |method: &str, path: &str, cookie: &str, body: &str| {
        exchange(
            addr,
            format!(
                "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nCookie: {cookie}\r\n\
                 Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
                body.len()
            )
            .as_bytes(),
        )
    };
    let form = send("GET", "/login", "", "")?;
    let login_token =
        set_cookie(&form, "pointwise_login").ok_or_else(|| anyhow::anyhow!("no login cookie"))?;
    let body = serde_html_form::to_string([
        ("name", "ann"),
        ("password", PASSWORD),
        ("csrf", &csrf_of(&form.body)),
        ("next", "/review"),
    ])?;
    let signed = send(
        "POST",
        "/login",
        &format!("pointwise_login={login_token}"),
        &body,
    )?;
    assert_eq!(signed.status, 303, "{:?}", signed.headers);
    let id = set_cookie(&signed, "pointwise_session")
        .ok_or_else(|| anyhow::anyhow!("no session cookie"))?;
    let cookie = format!("pointwise_session={id}");
    let mut pages = Vec::new();
    for path in [
        "/review",
        "/statements/1",
        "/statements/1.json",
        "/statements",
        "/admin/accounts",
        "/login",
    ] {
        let r = send("GET", path, &cookie, "")?;
        assert!(r.status == 200 || r.status == 303, "{path}: {}", r.status);
        assert!(!r.body.contains(&id), "{path} shows the session id");
        pages.push(r);
    }
    let out = send(
        "POST",
        "/logout",
        &cookie,
        &format!("csrf={}", csrf_of(&pages[0].body)),
    )?;
    assert_eq!(out.status, 303);
    signal(&server.child, "TERM")?;
    server.wait_exit(std::time::Duration::from_secs(20))?;
    let log = server.stderr_after_exit();
    assert!(
        log.contains("signed in") && log.contains("signed out"),
        "the log was read: {log}"
    );
    assert!(!log.contains(&id), "the log holds the session id");
    assert!(!log.contains(PASSWORD), "the log holds the password");
    Ok(())
}
