//! A small HTTP/1.1 server on this machine for the feed tests and the feed bench: routes
//! answered with a status, headers and a body, slowly, gzipped, conditionally (ETag,
//! Last-Modified → 304), and every request kept for the tests to look at.
#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What the server answers at a path.
#[derive(Debug, Clone, Default)]
pub struct Route {
    /// The status.
    pub status: u16,
    /// Headers besides Content-Length (and Content-Encoding when gzipped).
    pub headers: Vec<(String, String)>,
    /// The body, `{base}` replaced by the server's address.
    pub body: Vec<u8>,
    /// Waited before answering.
    pub delay: Duration,
    /// Gzipped when the client accepts it.
    pub gzip: bool,
    /// Answered 304 when the request sends it back as If-None-Match.
    pub etag: Option<String>,
    /// Answered 304 when the request sends it back as If-Modified-Since.
    pub last_modified: Option<String>,
}

impl Route {
    /// 200 with a body of this type.
    pub fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Route {
        Route {
            status: 200,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.into(),
            ..Route::default()
        }
    }

    /// An RSS or Atom feed, with validators.
    pub fn feed(body: impl Into<Vec<u8>>) -> Route {
        Route {
            etag: Some("\"v1\"".into()),
            last_modified: Some("Sun, 26 Oct 2025 13:00:00 GMT".into()),
            ..Route::ok("application/rss+xml; charset=utf-8", body)
        }
    }

    /// A UTF-8 web page.
    pub fn page(body: impl Into<Vec<u8>>) -> Route {
        Route::ok("text/html; charset=utf-8", body)
    }

    /// A status with an empty body.
    pub fn status(status: u16) -> Route {
        Route {
            status,
            ..Route::default()
        }
    }

    /// A redirect to `to` (a path of this server).
    pub fn redirect(to: &str) -> Route {
        Route {
            status: 302,
            headers: vec![("Location".into(), format!("{{base}}{to}"))],
            ..Route::default()
        }
    }
}

/// A request as it came.
#[derive(Debug, Clone)]
pub struct Request {
    /// The path, with its query.
    pub path: String,
    /// The headers, names in lower case.
    pub headers: HashMap<String, String>,
}

/// The server: answering until dropped.
pub struct Server {
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    routes: Arc<Mutex<HashMap<String, Route>>>,
    log: Arc<Mutex<Vec<Request>>>,
    stop: Arc<AtomicBool>,
}

impl Server {
    /// A server on a free port of 127.0.0.1.
    pub fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a free port on loopback");
        let base = format!("http://{}", listener.local_addr().expect("the port bound"));
        let routes: Arc<Mutex<HashMap<String, Route>>> = Arc::default();
        let log: Arc<Mutex<Vec<Request>>> = Arc::default();
        let stop = Arc::new(AtomicBool::new(false));
        let (r, l, s, b) = (
            Arc::clone(&routes),
            Arc::clone(&log),
            Arc::clone(&stop),
            base.clone(),
        );
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                if s.load(Ordering::Relaxed) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let (r, l, b) = (Arc::clone(&r), Arc::clone(&l), b.clone());
                std::thread::spawn(move || {
                    let _ = answer(stream, &r, &l, &b);
                });
            }
        });
        Server {
            base,
            routes,
            log,
            stop,
        }
    }

    /// Answers `path` with `route` from now on.
    pub fn route(&self, path: &str, route: Route) {
        self.routes
            .lock()
            .expect("routes")
            .insert(path.to_owned(), route);
    }

    /// The address of a path.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// The requests made for `path` so far.
    pub fn requests(&self, path: &str) -> Vec<Request> {
        self.log
            .lock()
            .expect("log")
            .iter()
            .filter(|r| r.path == path)
            .cloned()
            .collect()
    }

    /// Every request made so far.
    pub fn all_requests(&self) -> Vec<Request> {
        self.log.lock().expect("log").clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        // Wakes the accepting thread so that it sees the stop.
        let _ = TcpStream::connect(self.base.trim_start_matches("http://"));
    }
}

/// Reads one request and answers it.
fn answer(
    stream: TcpStream,
    routes: &Mutex<HashMap<String, Route>>,
    log: &Mutex<Vec<Request>>,
    base: &str,
) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let (method, mut path, mut headers) = read_head(&mut reader)?;
    if method == "CONNECT" {
        // As a proxy: the tunnel is to this same server, and the request in it names its host.
        let mut out = &stream;
        write!(out, "HTTP/1.1 200 Connection established\r\n\r\n")?;
        out.flush()?;
        let (_, target, inner) = read_head(&mut reader)?;
        let host = inner.get("host").cloned().unwrap_or_default();
        path = format!("http://{host}{target}");
        headers = inner;
    }
    log.lock().expect("log").push(Request {
        path: path.clone(),
        headers: headers.clone(),
    });
    // As a proxy, a request names the whole address: its route is that address, else its path.
    let route = {
        let routes = routes.lock().expect("routes");
        let local = path
            .strip_prefix("http://")
            .and_then(|rest| rest.find('/').map(|at| rest[at..].to_owned()));
        routes
            .get(&path)
            .or_else(|| local.and_then(|p| routes.get(&p)))
            .cloned()
            .unwrap_or_else(|| Route::status(404))
    };
    std::thread::sleep(route.delay);
    let fresh = route
        .etag
        .as_ref()
        .is_some_and(|e| headers.get("if-none-match") == Some(e))
        || route
            .last_modified
            .as_ref()
            .is_some_and(|m| headers.get("if-modified-since") == Some(m));
    let mut out = stream;
    if fresh {
        write!(
            out,
            "HTTP/1.1 304 Not Modified\r\nConnection: close\r\n\r\n"
        )?;
        return out.flush();
    }
    let mut body = replace(&route.body, b"{base}", base.as_bytes());
    let mut extra = String::new();
    if route.gzip
        && headers
            .get("accept-encoding")
            .is_some_and(|a| a.contains("gzip"))
    {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        encoder.write_all(&body)?;
        body = encoder.finish()?;
        extra.push_str("Content-Encoding: gzip\r\n");
    }
    for (name, value) in &route.headers {
        extra.push_str(&format!("{name}: {}\r\n", value.replace("{base}", base)));
    }
    if let Some(etag) = &route.etag {
        extra.push_str(&format!("ETag: {etag}\r\n"));
    }
    if let Some(modified) = &route.last_modified {
        extra.push_str(&format!("Last-Modified: {modified}\r\n"));
    }
    write!(
        out,
        "HTTP/1.1 {} X\r\nContent-Length: {}\r\nConnection: close\r\n{extra}\r\n",
        route.status,
        body.len()
    )?;
    out.write_all(&body)?;
    out.flush()
}

/// A request's method, target and headers (names in lower case).
fn read_head(
    reader: &mut BufReader<TcpStream>,
) -> std::io::Result<(String, String, HashMap<String, String>)> {
    let mut first = String::new();
    reader.read_line(&mut first)?;
    let mut words = first.split_whitespace();
    let method = words.next().unwrap_or("GET").to_owned();
    let target = words.next().unwrap_or("/").to_owned();
    let mut headers = HashMap::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            headers.insert(name.trim().to_ascii_lowercase(), value.trim().to_owned());
        }
    }
    Ok((method, target, headers))
}

/// `bytes` with every `from` replaced by `to`, whatever their encoding.
fn replace(bytes: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut rest = bytes;
    while let Some(at) = rest.windows(from.len()).position(|w| w == from) {
        out.extend_from_slice(&rest[..at]);
        out.extend_from_slice(to);
        rest = &rest[at + from.len()..];
    }
    out.extend_from_slice(rest);
    out
}

/// A fixture's bytes.
pub fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/feeds")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The three papers: VnExpress (RSS 2.0, a thumbnail and a sentence per item; one page in
/// Windows-1258 under a header that says UTF-8), Thanh Niên (Atom, gzipped, and an item that is
/// VnExpress's article with tracking parameters), Tuổi Trẻ (JSON Feed with the whole text).
pub fn papers() -> Server {
    let server = Server::start();
    server.route(
        "/vnexpress/thoi-su.rss",
        Route::feed(fixture("vnexpress-thoi-su.rss")),
    );
    server.route(
        "/vnexpress/hon-60-quoc-gia.html",
        Route::page(fixture("vnexpress-article.html")),
    );
    server.route(
        "/vnexpress/ket-tinh.html",
        Route::ok(
            "text/html; charset=utf-8",
            fixture("thanhnien-article-1258.html"),
        ),
    );
    server.route(
        "/thanhnien/thoi-su.atom",
        Route {
            gzip: true,
            ..Route::feed(fixture("thanhnien-thoi-su.atom"))
        },
    );
    server.route(
        "/thanhnien/ket-tinh.html",
        Route {
            gzip: true,
            ..Route::page(fixture("thanhnien-article.html"))
        },
    );
    server.route(
        "/tuoitre/phap-luat.json",
        Route::ok("application/feed+json", fixture("tuoitre-phap-luat.json")),
    );
    server
}
