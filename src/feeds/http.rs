//! HTTP for feeds: one blocking client (ureq, rustls) with timeouts, a size cap, a redirect
//! cap, gzip, the proxy of `HTTPS_PROXY`/`NO_PROXY`, conditional requests, and a gate that
//! keeps docbao polite to each host (so many requests at once, a pause between them).

use std::collections::HashMap;
use std::io::Read;
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

use ureq::ResponseExt;

use super::Failure;

/// What docbao says it is to servers.
pub const USER_AGENT: &str = concat!(
    "docbao/",
    env!("CARGO_PKG_VERSION"),
    " (terminal news reader; +https://github.com/docbao/docbao)"
);

/// Environment variable: milliseconds between two requests to one host (default 250).
pub const DELAY_ENV: &str = "DOCBAO_FETCH_DELAY_MS";

/// Environment variable: seconds a request may take in all (default 30).
pub const TIMEOUT_ENV: &str = "DOCBAO_FETCH_TIMEOUT";

/// How docbao fetches: what it waits for and what it takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Longest a request may take, answer included.
    pub timeout: Duration,
    /// Largest answer taken, in bytes.
    pub max_bytes: u64,
    /// Redirects followed.
    pub redirects: u32,
    /// Requests to one host at once.
    pub per_host: usize,
    /// Pause between two requests to one host (none for this machine's own servers).
    pub delay: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            timeout: Duration::from_secs(30),
            max_bytes: 10_000_000,
            redirects: 5,
            per_host: 2,
            delay: Duration::from_millis(250),
        }
    }
}

impl Limits {
    /// The defaults, with the pause and timeout of [`DELAY_ENV`] and [`TIMEOUT_ENV`].
    pub fn from_env() -> Limits {
        let number = |name: &str| std::env::var(name).ok()?.trim().parse::<u64>().ok();
        let mut limits = Limits::default();
        if let Some(ms) = number(DELAY_ENV) {
            limits.delay = Duration::from_millis(ms);
        }
        if let Some(s) = number(TIMEOUT_ENV).filter(|s| *s > 0) {
            limits.timeout = Duration::from_secs(s);
        }
        limits
    }
}

/// What a conditional request sends back: the validators of the last answer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    /// `ETag`.
    pub etag: Option<String>,
    /// `Last-Modified`.
    pub last_modified: Option<String>,
}

/// An answer with a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// The body, decompressed.
    pub body: Vec<u8>,
    /// `Content-Type`.
    pub content_type: Option<String>,
    /// The address answered from, after redirects.
    pub address: String,
    /// The new validators.
    pub validators: Validators,
}

/// What a request gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// A body.
    Fetched(Fetched),
    /// 304: nothing changed since the validators sent.
    NotModified,
}

/// A client shared by every fetch of a run.
pub struct Client {
    agent: ureq::Agent,
    limits: Limits,
    gate: Gate,
}

impl Client {
    /// A client with these limits.
    pub fn new(limits: Limits) -> Client {
        let agent = ureq::Agent::config_builder()
            .user_agent(USER_AGENT)
            .timeout_global(Some(limits.timeout))
            .timeout_connect(Some(limits.timeout.min(Duration::from_secs(10))))
            .max_redirects(limits.redirects)
            .http_status_as_error(false)
            .build()
            .new_agent();
        Client {
            agent,
            limits,
            gate: Gate::new(limits.per_host, limits.delay),
        }
    }

    /// GETs `address`, sending `validators` when given.
    pub fn get(&self, address: &str, validators: &Validators) -> Result<Answer, Failure> {
        let host = url::Url::parse(address)
            .ok()
            .and_then(|u| u.host_str().map(str::to_owned))
            .unwrap_or_default();
        let _pass = self.gate.enter(&host);
        let mut request = self.agent.get(address);
        if let Some(etag) = &validators.etag {
            request = request.header("If-None-Match", etag);
        }
        if let Some(modified) = &validators.last_modified {
            request = request.header("If-Modified-Since", modified);
        }
        let response = request.call().map_err(|e| failure(&e, self.limits))?;
        let status = response.status().as_u16();
        if status == 304 {
            return Ok(Answer::NotModified);
        }
        if (300..400).contains(&status) {
            return Err(Failure::Redirects);
        }
        if status >= 400 {
            return Err(Failure::Status { code: status });
        }
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let content_type = header("content-type");
        let validators = Validators {
            etag: header("etag"),
            last_modified: header("last-modified"),
        };
        let address = response.get_uri().to_string();
        let mut body = Vec::new();
        let limit = self.limits.max_bytes;
        response
            .into_body()
            .into_reader()
            .take(limit + 1)
            .read_to_end(&mut body)
            .map_err(|e| io_failure(&e))?;
        if body.len() as u64 > limit {
            return Err(Failure::TooLarge {
                limit_mb: limit / 1_000_000,
            });
        }
        Ok(Answer::Fetched(Fetched {
            body,
            content_type,
            address,
            validators,
        }))
    }
}

/// A failed request as the user reads it.
fn failure(error: &ureq::Error, limits: Limits) -> Failure {
    match error {
        ureq::Error::StatusCode(code) => Failure::Status { code: *code },
        ureq::Error::Timeout(_) => Failure::Timeout,
        ureq::Error::TooManyRedirects | ureq::Error::RedirectFailed => Failure::Redirects,
        ureq::Error::BodyExceedsLimit(_) => Failure::TooLarge {
            limit_mb: limits.max_bytes / 1_000_000,
        },
        ureq::Error::Io(e) => io_failure(e),
        other => Failure::Network {
            detail: other.to_string(),
        },
    }
}

/// A broken read as the user reads it: a timeout is said as one.
fn io_failure(error: &std::io::Error) -> Failure {
    match error.kind() {
        std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => Failure::Timeout,
        _ if error.to_string().to_lowercase().contains("timeout") => Failure::Timeout,
        _ => Failure::Network {
            detail: crate::io_error::describe_io(error),
        },
    }
}

/// Keeps docbao polite: at most `per_host` requests to a host at once, and `delay` between
/// two of them; this machine's own servers get no pause.
struct Gate {
    hosts: Mutex<HashMap<String, Host>>,
    freed: Condvar,
    per_host: usize,
    delay: Duration,
}

#[derive(Default)]
struct Host {
    active: usize,
    next: Option<Instant>,
}

/// A request under way: it leaves the gate when dropped.
struct Pass<'a> {
    gate: &'a Gate,
    host: String,
}

impl Gate {
    fn new(per_host: usize, delay: Duration) -> Gate {
        Gate {
            hosts: Mutex::new(HashMap::new()),
            freed: Condvar::new(),
            per_host: per_host.max(1),
            delay,
        }
    }

    /// Waits for the host's turn.
    fn enter(&self, host: &str) -> Pass<'_> {
        let local = matches!(host, "localhost" | "127.0.0.1" | "[::1]" | "::1");
        let delay = if local { Duration::ZERO } else { self.delay };
        let mut hosts = self.hosts.lock().unwrap_or_else(|p| p.into_inner());
        loop {
            let now = Instant::now();
            let entry = hosts.entry(host.to_owned()).or_default();
            let wait = entry
                .next
                .map_or(Duration::ZERO, |n| n.saturating_duration_since(now));
            if entry.active < self.per_host && wait.is_zero() {
                entry.active += 1;
                entry.next = Some(now + delay);
                break;
            }
            let timeout = if wait.is_zero() {
                Duration::from_secs(1)
            } else {
                wait
            };
            hosts = match self.freed.wait_timeout(hosts, timeout) {
                Ok((guard, _)) => guard,
                Err(poisoned) => poisoned.into_inner().0,
            };
        }
        Pass {
            gate: self,
            host: host.to_owned(),
        }
    }
}

impl Drop for Pass<'_> {
    fn drop(&mut self) {
        let mut hosts = self.gate.hosts.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(entry) = hosts.get_mut(&self.host) {
            entry.active = entry.active.saturating_sub(1);
        }
        self.gate.freed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gate_spaces_requests_to_one_host() {
        let gate = Gate::new(2, Duration::from_millis(60));
        let started = Instant::now();
        drop(gate.enter("a.example"));
        drop(gate.enter("a.example"));
        assert!(
            started.elapsed() >= Duration::from_millis(60),
            "one host waits its pause"
        );
    }

    #[test]
    fn the_gate_lets_so_many_requests_to_a_host_at_once() {
        let gate = Gate::new(1, Duration::ZERO);
        let first = gate.enter("127.0.0.1");
        std::thread::scope(|s| {
            let second = s.spawn(|| {
                let started = Instant::now();
                drop(gate.enter("127.0.0.1"));
                started.elapsed()
            });
            std::thread::sleep(Duration::from_millis(50));
            drop(first);
            let waited = second.join().expect("the second request ends");
            assert!(
                waited >= Duration::from_millis(40),
                "it waited for the first: {waited:?}"
            );
        });
    }
}
