//! The server loop: HTTP/1.1 over hyper with a header-read timeout (which hyper also applies
//! while a kept-alive connection waits for its next request, so idle sockets are closed), a cap
//! on open connections (the accept loop waits for a free slot, so sockets never exhaust the
//! descriptor limit), accept errors logged and survived, and a graceful stop on Ctrl-C or
//! SIGTERM that answers every request in flight.
//!
//! `axum::serve` has none of the first three settings, hence hyper's own connection builder.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore, watch};

use crate::db::Db;
use crate::web::state::AppState;
use crate::web::{Config, Limits, router};

/// How long a connection may keep sending a request already started once the server stops.
const STOP_GRACE: Duration = Duration::from_secs(2);

/// Serves the dashboard on `addr` until Ctrl-C or SIGTERM, finishing requests in flight.
pub async fn serve(
    pool: Db,
    addr: SocketAddr,
    public_url: Option<String>,
    config: Config,
) -> std::io::Result<()> {
    let listener = TcpListener::bind(addr).await?;
    let local = listener.local_addr()?;
    let public_url = public_url.unwrap_or_else(|| format!("http://{local}"));
    let state = AppState::new(pool, &public_url);
    let limits = config.limits;
    let (app, _cache) = router(state, config);
    println!("Pointwise is serving http://{local} (Ctrl-C to stop)");
    run(listener, app, limits, shutdown_signal()).await;
    println!("Pointwise stopped: every request in flight was answered");
    Ok(())
}

/// Accepts connections on `listener` and serves `app` on each until `stop` resolves, then waits
/// for the connections to finish their requests.
pub async fn run(
    listener: TcpListener,
    app: Router,
    limits: Limits,
    stop: impl Future<Output = ()>,
) {
    let slots = limits.max_connections.clamp(1, Semaphore::MAX_PERMITS);
    let open = Arc::new(Semaphore::new(slots));
    let (stopping, stop_rx) = watch::channel(false);
    tokio::pin!(stop);
    loop {
        let slot = tokio::select! {
            slot = open.clone().acquire_owned() => slot,
            () = &mut stop => break,
        };
        let Ok(slot) = slot else { break };
        let stream = tokio::select! {
            accepted = listener.accept() => accepted,
            () = &mut stop => break,
        };
        match stream {
            Ok((stream, _)) => {
                tokio::spawn(connection(
                    stream,
                    app.clone(),
                    limits,
                    slot,
                    stop_rx.clone(),
                ));
            }
            Err(e) => {
                // e.g. EMFILE: the descriptor limit is reached; wait for some to close
                tracing::warn!(error = %e, "accept error");
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
    }
    drop(listener); // new connections are refused from now on
    let _ = stopping.send(true);
    // every slot back means every connection has ended
    let _ = open.acquire_many(slots as u32).await;
}

/// Serves one connection, holding its slot until it closes.
async fn connection(
    stream: TcpStream,
    app: Router,
    limits: Limits,
    _slot: OwnedSemaphorePermit,
    mut stop: watch::Receiver<bool>,
) {
    let _ = stream.set_nodelay(true);
    // the peer's address, for the sign-in's count of failures per address
    let app = match stream.peer_addr() {
        Ok(peer) => app.layer(axum::Extension(axum::extract::ConnectInfo(peer))),
        Err(_) => app,
    };
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_read_timeout)
        .keep_alive(true);
    let conn = builder.serve_connection(TokioIo::new(stream), TowerToHyperService::new(app));
    tokio::pin!(conn);
    let result = tokio::select! {
        r = conn.as_mut() => r,
        () = async { drop(stop.wait_for(|s| *s).await) } => {
            // a request whose head is still arriving counts as idle to hyper: give it a moment
            // to arrive before idle connections are closed
            match tokio::time::timeout(STOP_GRACE, conn.as_mut()).await {
                Ok(r) => r,
                Err(_) => {
                    conn.as_mut().graceful_shutdown();
                    conn.await
                }
            }
        }
    };
    if let Err(e) = result {
        tracing::debug!(error = %e, "connection closed");
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}
