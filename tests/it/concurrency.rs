//! The real binary under concurrent use: an ingest of many files runs while threads hammer
//! the pages of the server (WAL, busy timeout, read-only serve pool): every request answers
//! 200 and none fails with "database is locked". And graceful shutdown: a request in flight
//! when SIGTERM or Ctrl-C (SIGINT) arrives is answered, then the process exits 0.

use crate::binary;

use std::io::Write as _;
use std::net::TcpStream;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crate::binary::{Server, article, request};

#[test]
#[ignore = "slow: cargo test -- --ignored"]
fn pages_keep_answering_while_an_ingest_writes() -> anyhow::Result<()> {
    // Arrange: a served database and a directory of new articles.
    let tmp = tempfile::tempdir()?;
    let db = tmp.path().join("live.db");
    let seeded = binary::run(&db, &["ingest"])?;
    anyhow::ensure!(seeded.status.success(), "seeding failed");
    let dir = tmp.path().join("incoming");
    std::fs::create_dir(&dir)?;
    for n in 0..600 {
        std::fs::write(dir.join(format!("n{n:04}.txt")), article(n))?;
    }
    let mut server = Server::start(&db, &[])?;
    let addr = server.addr;
    let stop = Arc::new(AtomicBool::new(false));
    let paths = [
        "/",
        "/?by=speaker",
        "/statements",
        "/statements?provision=6",
        "/sources",
        "/sources/1",
        "/speakers",
        "/provisions/6",
        "/statements/1",
    ];
    // Act: four threads request pages until the ingest ends.
    let workers: Vec<_> = (0..4)
        .map(|w| {
            let stop = stop.clone();
            std::thread::spawn(move || -> anyhow::Result<(usize, Vec<String>)> {
                let mut done = 0;
                let mut bad = Vec::new();
                let mut i = w;
                while !stop.load(Ordering::SeqCst) {
                    let path = paths[i % paths.len()];
                    i += 1;
                    let r = request(addr, "GET", path)?;
                    if r.status != 200 || r.body.contains("locked") {
                        bad.push(format!(
                            "{path}: {} {}",
                            r.status,
                            &r.body[..r.body.len().min(200)]
                        ));
                    }
                    done += 1;
                }
                Ok((done, bad))
            })
        })
        .collect();
    let ingest = binary::run(&db, &["ingest", &dir.display().to_string()])?;
    // A last round of requests after the ingest.
    std::thread::sleep(Duration::from_millis(200));
    stop.store(true, Ordering::SeqCst);
    let mut total = 0;
    let mut failures = Vec::new();
    for w in workers {
        let (done, bad) = w.join().map_err(|_| anyhow::anyhow!("worker panicked"))??;
        total += done;
        failures.extend(bad);
    }
    // Assert
    let stdout = String::from_utf8_lossy(&ingest.stdout);
    assert_eq!(ingest.status.code(), Some(0), "{stdout}");
    assert!(stdout.starts_with("600 files read: 600 new"), "{stdout}");
    assert!(
        failures.is_empty(),
        "{} of {total} failed: {failures:?}",
        failures.len()
    );
    assert!(total >= 40, "only {total} requests during the ingest");
    println!("{total} requests answered 200 during an ingest of 600 files");
    // The server sees the new rows (it reads the same WAL database).
    let r = request(addr, "GET", "/sources/600")?;
    assert_eq!(r.status, 200, "the server reads what the ingest wrote");
    binary::signal(&server.child, "TERM")?;
    let status = server.wait_exit(Duration::from_secs(20))?;
    let stderr = server.stderr_after_exit();
    assert!(status.success(), "{stderr}");
    assert!(!stderr.contains("locked"), "{stderr}");
    Ok(())
}

/// Starts a request whose headers arrive slowly, sends `sig` while it is in flight, and
/// checks that it is answered in full and that the server then exits 0.
fn in_flight_request_survives(sig: &str) -> anyhow::Result<()> {
    let tmp = tempfile::tempdir()?;
    let db = tmp.path().join("stop.db");
    let mut server = Server::start(&db, &[])?;
    // Arrange: half a request on an open connection.
    let mut conn = TcpStream::connect(server.addr)?;
    conn.set_read_timeout(Some(Duration::from_secs(30)))?;
    conn.write_all(b"GET /statements HTTP/1.1\r\nHost: localhost\r\n")?;
    std::thread::sleep(Duration::from_millis(300));
    // Act: the signal arrives while the request is in flight.
    binary::signal(&server.child, sig)?;
    std::thread::sleep(Duration::from_millis(700));
    assert!(
        server.child.try_wait()?.is_none(),
        "the server waits for the request in flight"
    );
    // New connections are no longer accepted.
    let refused = request(server.addr, "GET", "/").is_err();
    conn.write_all(b"Connection: close\r\n\r\n")?;
    let response = binary::read_response(&mut conn)?;
    // Assert
    assert_eq!(response.status, 200);
    assert!(response.body.contains("</html>"), "the whole page arrived");
    let status = server.wait_exit(Duration::from_secs(20))?;
    assert_eq!(status.code(), Some(0), "{}", server.stderr_after_exit());
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut server.stdout, &mut rest)?;
    assert!(
        rest.contains("every request in flight was answered"),
        "{rest}"
    );
    assert!(refused, "a new connection after {sig} is refused");
    Ok(())
}

#[test]
#[ignore = "slow: cargo test -- --ignored"]
fn sigterm_finishes_the_request_in_flight_and_exits_zero() -> anyhow::Result<()> {
    in_flight_request_survives("TERM")
}

#[test]
#[ignore = "slow: cargo test -- --ignored"]
fn ctrl_c_finishes_the_request_in_flight_and_exits_zero() -> anyhow::Result<()> {
    in_flight_request_survives("INT")
}
