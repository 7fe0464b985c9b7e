//! The ceiling of this stack on this machine, for `bench/serve.sh`: an axum handler that returns
//! a static page (the bytes of a file, e.g. a page Pointwise rendered), with no database and no
//! template.
//!
//! ```sh
//! cargo run --release --example bare_server -- 127.0.0.1:3999 page.html
//! ```

use axum::Router;
use axum::response::Html;
use axum::routing::get;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let addr = args.next().unwrap_or_else(|| "127.0.0.1:3999".into());
    let page: &'static str = match args.next() {
        Some(path) => Box::leak(std::fs::read_to_string(path)?.into_boxed_str()),
        None => Box::leak("x".repeat(5 * 1024).into_boxed_str()),
    };
    let app = Router::new().fallback(get(move || async move { Html(page) }));
    let listener = tokio::net::TcpListener::bind(&addr).await?;
    println!("bare server on {addr}, {} bytes", page.len());
    axum::serve(listener, app).await?;
    Ok(())
}
