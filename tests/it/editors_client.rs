//! A browser-like client for the editors' tests: keeps cookies, sends forms, reads the CSRF
//! token of the page it was on; and accounts made directly in the database.

use std::collections::BTreeMap;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};
use http_body_util::BodyExt;
use pointwise::db::accounts;
use pointwise::model::Role;
use tower::ServiceExt;

/// The password every test account has.
pub const PASSWORD: &str = "a long test passphrase";

/// Adds an account with [`PASSWORD`].
pub async fn add_account(pool: &pointwise::db::Db, name: &str, role: Role) -> anyhow::Result<i64> {
    let hash = pointwise::password::hash(PASSWORD)?;
    accounts::add(pool, name, role, &hash)
        .await?
        .ok_or_else(|| anyhow::anyhow!("{name} exists"))
}

/// An answer: status, headers, body.
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Answer {
    /// The `Location` header.
    pub fn location(&self) -> &str {
        self.headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    /// Every `Set-Cookie` header.
    pub fn set_cookies(&self) -> Vec<String> {
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok().map(str::to_owned))
            .collect()
    }

    /// The value of the first `name="csrf"` field of the page.
    pub fn csrf(&self) -> String {
        crate::common::Page::parse(&self.body)
            .attrs("input[name=csrf]", "value")
            .into_iter()
            .next()
            .unwrap_or_default()
    }
}

/// A client with a cookie jar.
pub struct Client {
    pub app: Router,
    pub cookies: BTreeMap<String, String>,
}

impl Client {
    pub fn new(app: &Router) -> Self {
        Self {
            app: app.clone(),
            cookies: BTreeMap::new(),
        }
    }

    fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// Sends a request, keeping the cookies it sets.
    pub async fn send(&mut self, req: Request<Body>) -> anyhow::Result<Answer> {
        let mut req = req;
        if !self.cookies.is_empty() {
            req.headers_mut()
                .insert(header::COOKIE, self.cookie_header().parse()?);
        }
        let response = self.app.clone().oneshot(req).await?;
        let status = response.status();
        let headers = response.headers().clone();
        let body = response.into_body().collect().await?.to_bytes();
        let answer = Answer {
            status,
            headers,
            body: String::from_utf8_lossy(&body).into_owned(),
        };
        for c in answer.set_cookies() {
            let first = c.split(';').next().unwrap_or("");
            if let Some((k, v)) = first.split_once('=') {
                if v.is_empty() || c.contains("Max-Age=0") {
                    self.cookies.remove(k);
                } else {
                    self.cookies.insert(k.to_string(), v.to_string());
                }
            }
        }
        Ok(answer)
    }

    pub async fn get(&mut self, uri: &str) -> anyhow::Result<Answer> {
        self.send(Request::builder().uri(uri).body(Body::empty())?)
            .await
    }

    /// POSTs a form.
    pub async fn post(&mut self, uri: &str, form: &[(&str, &str)]) -> anyhow::Result<Answer> {
        let body = serde_html_form::to_string(form)?;
        self.send(
            Request::builder()
                .method("POST")
                .uri(uri)
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from(body))?,
        )
        .await
    }

    /// Opens /login and sends the name and password with the form's token.
    pub async fn try_sign_in(
        &mut self,
        name: &str,
        password: &str,
        next: &str,
    ) -> anyhow::Result<Answer> {
        let form = self.get("/login").await?;
        let csrf = form.csrf();
        self.post(
            "/login",
            &[
                ("name", name),
                ("password", password),
                ("csrf", &csrf),
                ("next", next),
            ],
        )
        .await
    }

    /// Signs in and checks it worked.
    pub async fn sign_in(&mut self, name: &str) -> anyhow::Result<()> {
        let a = self.try_sign_in(name, PASSWORD, "/").await?;
        anyhow::ensure!(
            a.status == StatusCode::SEE_OTHER,
            "sign-in answered {}: {}",
            a.status,
            a.body
        );
        Ok(())
    }

    /// The session cookie's value.
    pub fn session(&self) -> Option<&str> {
        self.cookies.get("pointwise_session").map(String::as_str)
    }
}
