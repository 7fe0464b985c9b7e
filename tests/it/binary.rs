//! Helpers for tests that run the real `pointwise` binary: commands, a server on a free port,
//! signals, and a minimal HTTP/1.1 client over a plain TCP socket (no client crate needed).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The binary under test.
pub fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_pointwise"));
    c.env("RUST_LOG", "warn").env_remove("POINTWISE_DB");
    c
}

/// Runs `pointwise --db DB ARGS...` to the end.
pub fn run(db: &Path, args: &[&str]) -> anyhow::Result<Output> {
    Ok(bin().arg("--db").arg(db).args(args).output()?)
}

/// Sends a signal (`TERM`, `INT`, `KILL`) to a process.
pub fn signal(child: &Child, name: &str) -> anyhow::Result<()> {
    let status = Command::new("kill")
        .arg(format!("-{name}"))
        .arg(child.id().to_string())
        .status()?;
    anyhow::ensure!(status.success(), "kill -{name} failed");
    Ok(())
}

/// A `pointwise serve` process on a free loopback port; killed when dropped.
pub struct Server {
    /// The process.
    pub child: Child,
    /// Where it listens.
    pub addr: SocketAddr,
    /// The rest of its standard output, after the line with the address.
    pub stdout: BufReader<std::process::ChildStdout>,
}

impl Server {
    /// Starts the server on `db` and waits until it listens.
    pub fn start(db: &Path, extra: &[&str]) -> anyhow::Result<Self> {
        Self::start_logging(db, extra, "warn")
    }

    /// [`Server::start`] with `RUST_LOG` set to `log`.
    pub fn start_logging(db: &Path, extra: &[&str], log: &str) -> anyhow::Result<Self> {
        let mut child = bin()
            .env("RUST_LOG", log)
            .arg("--db")
            .arg(db)
            .args(["serve", "--addr", "127.0.0.1:0"])
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()?;
        let out = child
            .stdout
            .take()
            .ok_or_else(|| anyhow::anyhow!("no stdout"))?;
        let mut stdout = BufReader::new(out);
        let mut line = String::new();
        stdout.read_line(&mut line)?;
        let addr = line
            .split("http://")
            .nth(1)
            .and_then(|r| r.split_whitespace().next())
            .ok_or_else(|| anyhow::anyhow!("no address in {line:?}"))?
            .parse()?;
        Ok(Self {
            child,
            addr,
            stdout,
        })
    }

    /// Everything the server wrote on standard error so far (reads until the process ends).
    pub fn stderr_after_exit(&mut self) -> String {
        let mut s = String::new();
        if let Some(mut e) = self.child.stderr.take() {
            let _ = e.read_to_string(&mut s);
        }
        s
    }

    /// Waits for the process to end, at most `limit`.
    pub fn wait_exit(&mut self, limit: Duration) -> anyhow::Result<std::process::ExitStatus> {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait()? {
                return Ok(status);
            }
            anyhow::ensure!(start.elapsed() < limit, "the server did not stop");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An HTTP response.
#[derive(Debug, Clone)]
pub struct Response {
    /// Status code.
    pub status: u16,
    /// Header lines, names lower-cased.
    pub headers: Vec<(String, String)>,
    /// The body (de-chunked), as text.
    pub body: String,
}

/// Sends `raw` (a whole request) and reads the response until the server closes.
pub fn exchange(addr: SocketAddr, raw: &[u8]) -> anyhow::Result<Response> {
    let mut s = TcpStream::connect_timeout(&addr, Duration::from_secs(5))?;
    s.set_read_timeout(Some(Duration::from_secs(60)))?;
    s.write_all(raw)?;
    read_response(&mut s)
}

/// `METHOD path` with `Connection: close`.
pub fn request(addr: SocketAddr, method: &str, path: &str) -> anyhow::Result<Response> {
    exchange(
        addr,
        format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").as_bytes(),
    )
}

/// Reads one response from `s` until the server closes the connection.
pub fn read_response(s: &mut TcpStream) -> anyhow::Result<Response> {
    let mut raw = Vec::new();
    s.read_to_end(&mut raw)?;
    parse(&raw)
}

fn parse(raw: &[u8]) -> anyhow::Result<Response> {
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| anyhow::anyhow!("no end of headers in {} bytes", raw.len()))?;
    let head = String::from_utf8_lossy(&raw[..split]);
    let mut lines = head.split("\r\n");
    let status: u16 = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .ok_or_else(|| anyhow::anyhow!("no status line"))?
        .parse()?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let mut body = raw[split + 4..].to_vec();
    if headers
        .iter()
        .any(|(k, v)| k == "transfer-encoding" && v.contains("chunked"))
    {
        body = dechunk(&body)?;
    } else if let Some(len) = headers
        .iter()
        .find(|(k, _)| k == "content-length")
        .and_then(|(_, v)| v.parse::<usize>().ok())
    {
        anyhow::ensure!(
            body.len() == len,
            "body of {} bytes, content-length {len}",
            body.len()
        );
    }
    Ok(Response {
        status,
        headers,
        body: String::from_utf8_lossy(&body).into_owned(),
    })
}

fn dechunk(mut b: &[u8]) -> anyhow::Result<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let eol = b
            .windows(2)
            .position(|w| w == b"\r\n")
            .ok_or_else(|| anyhow::anyhow!("truncated chunk"))?;
        let size = usize::from_str_radix(String::from_utf8_lossy(&b[..eol]).trim(), 16)?;
        b = &b[eol + 2..];
        if size == 0 {
            return Ok(out);
        }
        anyhow::ensure!(b.len() >= size + 2, "truncated chunk body");
        out.extend_from_slice(&b[..size]);
        b = &b[size + 2..];
    }
}

/// A small article that yields statements: `n` makes its content unique.
pub fn article(n: usize) -> String {
    let speakers = [
        "Kaja Kallas",
        "Dmitry Peskov",
        "Mark Rutte",
        "Volodymyr Zelensky",
    ];
    let who = speakers[n % speakers.len()];
    format!(
        "Article {n} on the plan\n2025-11-{:02}\n\n\"The 28-point plan cannot cap Ukraine's army at 600,000,\" {who} said in \
         statement {n}.\n\n{who} told reporters that sanctions relief under the plan was premature.\n",
        1 + n % 28
    )
}
