//! The real binary in a real pseudo-terminal, its screen read by a terminal emulator (vt100).

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// How long to wait for the screen to show something before giving up (not a performance goal).
pub const PATIENCE: Duration = Duration::from_secs(20);

/// Marker printed after docbao exits, before the terminal settings.
pub const AFTER: &str = "AFTER-DOCBAO";

/// docbao running in a pseudo-terminal, its screen kept by a terminal emulator.
pub struct Session {
    /// The terminal emulator the output goes through.
    pub parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte docbao wrote.
    pub raw: Arc<Mutex<Vec<u8>>>,
    /// The child: killing it kills docbao when started alone.
    pub child: Box<dyn portable_pty::Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    master: Box<dyn portable_pty::MasterPty + Send>,
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

fn nz(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("non-zero size")
}

impl Session {
    /// Starts `docbao ARGS` in a shell that prints the terminal settings once it has exited.
    pub fn start(args: &str, cols: u16, rows: u16) -> Session {
        Session::start_with_env(args, cols, rows, &[])
    }

    /// Like [`Session::start`], with extra environment variables.
    pub fn start_with_env(args: &str, cols: u16, rows: u16, env: &[(&str, &str)]) -> Session {
        // An empty folder: no ./articles, so the bundled articles open.
        let cwd = tempfile::tempdir().expect("temp dir").keep();
        Session::start_in(args, cols, rows, env, &cwd)
    }

    /// Like [`Session::start_with_env`], in folder `cwd`, with the data kept in `cwd/data`
    /// unless `env` says otherwise.
    pub fn start_in(
        args: &str,
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
        cwd: &std::path::Path,
    ) -> Session {
        let bin = env!("CARGO_BIN_EXE_docbao");
        let script = format!("'{bin}' {args}; code=$?; echo; echo {AFTER} $code; stty -a");
        Session::spawn(&script, cols, rows, env, cwd)
    }

    /// docbao alone in the terminal, no shell around it: killing the child kills docbao.
    pub fn start_alone(cols: u16, rows: u16, cwd: &std::path::Path) -> Session {
        let bin = env!("CARGO_BIN_EXE_docbao");
        Session::spawn(&format!("exec '{bin}'"), cols, rows, &[], cwd)
    }

    pub fn spawn(
        script: &str,
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
        cwd: &std::path::Path,
    ) -> Session {
        let pty = native_pty_system()
            .openpty(size(cols, rows))
            .expect("openpty");
        let mut cmd = CommandBuilder::new("sh");
        cmd.args(["-c", script]);
        cmd.cwd(cwd);
        cmd.env("DOCBAO_DATA_DIR", cwd.join("data"));
        cmd.env("DOCBAO_CACHE_DIR", cwd.join("cache"));
        cmd.env("TERM", "xterm-256color");
        // No config but the test's own, and the interface in English unless `env` says.
        cmd.env("XDG_CONFIG_HOME", cwd.join("config"));
        cmd.env("LANG", "C.UTF-8");
        cmd.env_remove("LC_ALL");
        cmd.env_remove("LC_MESSAGES");
        cmd.env_remove("NO_COLOR");
        for (key, value) in env {
            cmd.env(key, value);
        }
        let child = pty.slave.spawn_command(cmd).expect("spawn docbao");
        drop(pty.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(nz(rows), nz(cols), 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let (p, r) = (Arc::clone(&parser), Arc::clone(&raw));
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            let mut frames = Frames::default();
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                let whole = frames.take(&buf[..n]);
                p.lock().unwrap().process(&whole);
                r.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        let writer = pty.master.take_writer().expect("pty writer");
        Session {
            parser,
            raw,
            writer,
            master: pty.master,
            child,
        }
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// What the terminal shows in one cell.
    pub fn cell(&self, row: u16, column: u16) -> String {
        let parser = self.parser.lock().unwrap();
        parser
            .screen()
            .cell(row, column)
            .map_or_else(String::new, |c| c.contents().to_owned())
    }

    pub fn send(&mut self, bytes: &str) {
        self.writer
            .write_all(bytes.as_bytes())
            .expect("write to pty");
        self.writer.flush().expect("flush pty");
    }

    /// Waits until the screen satisfies `check`, failing with the screen if it never does.
    #[track_caller]
    pub fn wait_for(&self, what: &str, check: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let screen = self.screen();
            if check(&screen) {
                return screen;
            }
            if Instant::now() > deadline {
                panic!("waited for {what}; the screen shows:\n{screen}");
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.parser.lock().unwrap().set_size(nz(rows), nz(cols));
        self.master.resize(size(cols, rows)).expect("resize pty");
    }

    /// Waits for the shell to finish and returns everything printed after docbao exited.
    pub fn finish(&mut self) -> String {
        let deadline = Instant::now() + PATIENCE;
        loop {
            if self.child.try_wait().expect("child status").is_some() {
                break;
            }
            if Instant::now() > deadline {
                panic!("docbao did not exit:\n{}", self.screen());
            }
            thread::sleep(Duration::from_millis(20));
        }
        // The reader thread may still be draining the last bytes.
        let deadline = Instant::now() + PATIENCE;
        loop {
            let raw = String::from_utf8_lossy(&self.raw.lock().unwrap()).into_owned();
            if let Some(at) = raw.rfind(AFTER)
                && raw[at..].contains("rows")
            {
                return raw[at..].to_owned();
            }
            assert!(
                Instant::now() < deadline,
                "no terminal settings after exit: {raw:?}"
            );
            thread::sleep(Duration::from_millis(20));
        }
    }
}

/// Begins a synchronized update (a frame drawn as one).
const BEGIN_FRAME: &[u8] = b"\x1b[?2026h";
/// Ends a synchronized update.
const END_FRAME: &[u8] = b"\x1b[?2026l";

/// The bytes docbao writes, handed on only up to the end of the last whole frame: the screen a
/// test reads is never half of one frame over the last, as a terminal with synchronized output
/// would never show it.
#[derive(Default)]
struct Frames {
    held: Vec<u8>,
}

impl Frames {
    /// What of everything read so far (with `bytes`) can be shown.
    fn take(&mut self, bytes: &[u8]) -> Vec<u8> {
        self.held.extend_from_slice(bytes);
        let mut upto = 0;
        loop {
            let rest = &self.held[upto..];
            match find(rest, BEGIN_FRAME) {
                Some(begin) => match find(&rest[begin..], END_FRAME) {
                    Some(end) => upto += begin + end + END_FRAME.len(),
                    // A frame begun and not ended: held until it is.
                    None => {
                        upto += begin;
                        break;
                    }
                },
                None => {
                    // Out of any frame; the end may be the start of a frame's first bytes.
                    let partial = (1..BEGIN_FRAME.len())
                        .rev()
                        .find(|&k| rest.ends_with(&BEGIN_FRAME[..k]))
                        .unwrap_or(0);
                    upto += rest.len() - partial;
                    break;
                }
            }
        }
        self.held.drain(..upto).collect()
    }
}

/// Where `needle` first occurs in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[test]
fn a_frame_is_shown_only_when_whole_even_split_anywhere() {
    let written = b"before\x1b[?2026hframe one\x1b[?2026l between \x1b[?2026hframe two\x1b[?2026l";
    // Read in two pieces cut at any place, what is shown after the first holds no frame begun
    // and not ended, and all of it is shown in the end.
    for cut in 0..written.len() {
        let mut frames = Frames::default();
        let first = frames.take(&written[..cut]);
        let shown = String::from_utf8_lossy(&first).into_owned();
        assert_eq!(
            shown.matches("\x1b[?2026h").count(),
            shown.matches("\x1b[?2026l").count(),
            "cut at {cut}: {shown:?}"
        );
        assert!(written.starts_with(&first), "cut at {cut}");
        let mut all = first;
        all.extend(frames.take(&written[cut..]));
        assert_eq!(all, written, "cut at {cut}");
    }
}
