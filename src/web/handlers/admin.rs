//! `/admin/accounts`: the accounts, for administrators, who can disable and enable them (adding
//! one and setting passwords stay on the command line, `pointwise user`).

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::db::accounts::{self, Account};
use crate::model::Role;
use crate::web::error::{WebError, WebResult};
use crate::web::page::{PageMeta, crumb, render};
use crate::web::session::{self, Editor, Gate};
use crate::web::state::AppState;

/// The accounts page.
#[derive(Template)]
#[template(path = "pages/accounts.html")]
pub struct AccountsPage {
    /// Head data.
    pub meta: PageMeta,
    /// Every account.
    pub accounts: Vec<Account>,
    /// The administrator looking.
    pub editor: Editor,
}

/// The disable/enable form.
#[derive(Debug, Deserialize)]
pub struct AccountForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    action: String,
    #[serde(default)]
    csrf: String,
}

const PATH: &str = "/admin/accounts";

/// GET /admin/accounts.
pub async fn accounts_page(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let editor = match session::require(&state, &headers, Gate::Page(Role::Admin), PATH).await {
        Ok(e) => e,
        Err(refused) => return refused,
    };
    let page = async {
        let meta = PageMeta::new(
            "Accounts",
            "The editors' accounts.",
            PATH,
            vec![crumb("Matrix", "/"), crumb("Accounts", PATH)],
        )
        .with_base(&state.public_url);
        let accounts = accounts::list(&state.writer).await?;
        render(&AccountsPage {
            meta,
            accounts,
            editor,
        })
    };
    page.await.into_response()
}

/// POST /admin/accounts: disables or enables an account (its sessions end).
pub async fn account_action(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(f): Form<AccountForm>,
) -> Response {
    let editor = match session::require(&state, &headers, Gate::Page(Role::Admin), PATH).await {
        Ok(e) => e,
        Err(refused) => return refused,
    };
    let done = async {
        session::check_csrf(&editor, &f.csrf)?;
        let disable = match f.action.as_str() {
            "disable" => true,
            "enable" => false,
            _ => {
                return Err(WebError::BadRequest(
                    "The action is disable or enable.".into(),
                ));
            }
        };
        if !accounts::set_disabled(&state.writer, &f.name, disable).await? {
            return Err(WebError::NotFound("There is no such account.".into()));
        }
        tracing::info!(by = %editor.name.escape_debug(), account = %f.name.escape_debug(), action = %f.action, "account changed");
        WebResult::Ok(Redirect::to(PATH))
    };
    done.await.into_response()
}
