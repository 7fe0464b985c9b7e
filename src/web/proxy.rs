//! The client's address behind a reverse proxy.
//!
//! Behind nginx or Caddy every connection comes from the proxy, so the sign-in's count of
//! failures per address (see [`crate::web::throttle`]) would put every client in one bucket.
//! For a connection from an address given with `--trusted-proxy`, the client is the last
//! `X-Forwarded-For` entry: the one that proxy wrote. Entries before it were sent by the client
//! and may be forged; a connection from any other address keeps its own address, whatever
//! headers it sends.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::extract::{ConnectInfo, Request, State};
use axum::http::HeaderMap;
use axum::middleware::Next;
use axum::response::Response;

/// The proxies whose `X-Forwarded-For` is believed.
pub type TrustedProxies = Arc<[IpAddr]>;

/// Replaces the peer address of a request that came through a trusted proxy with the client's.
pub async fn client_address(
    State(trusted): State<TrustedProxies>,
    mut request: Request,
    next: Next,
) -> Response {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0);
    if let Some(peer) = peer
        && trusted.contains(&peer.ip())
        && let Some(client) = forwarded_client(request.headers())
    {
        let client = SocketAddr::new(client, peer.port());
        request.extensions_mut().insert(ConnectInfo(client));
    }
    next.run(request).await
}

/// The last address of the `X-Forwarded-For` headers, when it is one.
fn forwarded_client(headers: &HeaderMap) -> Option<IpAddr> {
    let last = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .last()?;
    last.trim().parse().ok()
}

#[cfg(test)]
mod tests {
    use axum::Router;
    use axum::body::Body;
    use axum::routing::get;
    use tower::ServiceExt;

    use super::*;

    /// A site that answers with the client address it sees, behind the middleware.
    async fn seen(from: &str, forwarded: &[&str], trusted: &[&str]) -> String {
        let trusted: TrustedProxies = trusted.iter().filter_map(|a| a.parse().ok()).collect();
        let app = Router::new()
            .route(
                "/",
                get(|ConnectInfo(a): ConnectInfo<SocketAddr>| async move { a.ip().to_string() }),
            )
            .layer(axum::middleware::from_fn_with_state(
                trusted,
                client_address,
            ));
        let mut request = Request::builder().uri("/");
        for f in forwarded {
            request = request.header("x-forwarded-for", *f);
        }
        let mut request = request.body(Body::empty()).expect("request");
        let peer: SocketAddr = format!("{from}:5000").parse().expect("address");
        request.extensions_mut().insert(ConnectInfo(peer));
        let response = app.oneshot(request).await.expect("response");
        let body = axum::body::to_bytes(response.into_body(), 1024)
            .await
            .expect("body");
        String::from_utf8_lossy(&body).into_owned()
    }

    #[tokio::test]
    async fn a_trusted_proxy_names_the_client_by_the_entry_it_wrote() {
        let got = seen("10.0.0.2", &["6.6.6.6, 203.0.113.9"], &["10.0.0.2"]).await;
        assert_eq!(got, "203.0.113.9");
        let got = seen("10.0.0.2", &["6.6.6.6", "2001:db8::7"], &["10.0.0.2"]).await;
        assert_eq!(got, "2001:db8::7");
    }

    #[tokio::test]
    async fn another_peer_keeps_its_own_address_whatever_it_sends() {
        let got = seen("198.51.100.4", &["203.0.113.9"], &["10.0.0.2"]).await;
        assert_eq!(got, "198.51.100.4");
    }

    #[tokio::test]
    async fn a_forwarded_value_that_is_not_an_address_is_ignored() {
        let got = seen("10.0.0.2", &["unknown"], &["10.0.0.2"]).await;
        assert_eq!(got, "10.0.0.2");
        let got = seen("10.0.0.2", &[], &["10.0.0.2"]).await;
        assert_eq!(got, "10.0.0.2");
    }
}
