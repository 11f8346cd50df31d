//! The real binary in a real pseudo-terminal: open an article, scroll, resize, quit, and check that
//! the terminal is given back as it was.

use crate::common;

use std::thread;
use std::time::{Duration, Instant};

use common::pty::{AFTER, PATIENCE, Session};

#[test]
fn open_scroll_resize_quit_and_restore() {
    let mut s = Session::start("", 100, 30);
    s.wait_for("the list", |screen| {
        screen.contains("Articles (2)") && screen.contains("Các đại biểu thảo luận")
    });
    {
        let parser = s.parser.lock().unwrap();
        assert!(
            parser.screen().alternate_screen(),
            "runs on the alternate screen"
        );
    }

    // Select the second article and open it.
    s.send("j");
    s.wait_for("the second article in the reader", |screen| {
        screen.contains("2/2 · Kết tinh")
    });
    s.send("\r");
    s.wait_for("the reader focused", |screen| {
        screen.contains("article 2 of 2 ·")
    });

    // Scroll down three paragraphs and a page.
    s.send("}}} ");
    s.wait_for("the header scrolled away", |screen| {
        !screen.contains("min read")
    });

    // A narrow terminal shows only the reader, re-wrapped.
    s.resize(60, 20);
    s.wait_for("the narrow layout", |screen| {
        !screen.contains("Articles (2)")
            && screen.contains("article 2 of 2")
            && screen.lines().next().is_some_and(|top| top.ends_with('┐'))
    });
    // Every row of the pane is framed at exactly the first and last of the 60 columns: no
    // wide character or mark pushed a border out of place.
    for row in 0..19 {
        let (left, right) = (s.cell(row, 0), s.cell(row, 59));
        assert!(
            ["┌", "│", "└"].contains(&left.as_str()),
            "row {row}: {left:?}"
        );
        assert!(
            ["┐", "│", "┘", "█", "║"].contains(&right.as_str()),
            "row {row} ends with {right:?}:\n{}",
            s.screen()
        );
    }

    s.send("q");
    let after = s.finish();
    assert_restored(&s, &after, 0);
}

#[test]
fn a_bad_path_fails_with_a_message_and_leaves_the_terminal_alone() {
    let mut s = Session::start("/no/such/folder", 80, 24);
    let after = s.finish();
    assert!(
        after.starts_with(&format!("{AFTER} 2")),
        "exit status 2: {after}"
    );
    assert!(after.contains(" icanon"), "{after}");
    let screen = s.screen();
    assert!(
        screen.contains("docbao: cannot open /no/such/folder: no such file or directory"),
        "{screen}"
    );
}

/// Checks that the terminal was given back: `after` (from [`Session::finish`]) starts with
/// the exit status `code` and shows cooked mode, and the screen is the main one, with the
/// cursor shown and the mouse no longer reported.
#[track_caller]
fn assert_restored(session: &Session, after: &str, code: u8) {
    assert!(
        after.starts_with(&format!("{AFTER} {code}")),
        "exit status {code}: {after}"
    );
    // Cooked mode is back: canonical input and echo are on again.
    assert!(
        after.contains(" icanon") && after.contains(" echo "),
        "{after}"
    );
    let parser = session.parser.lock().unwrap();
    let screen = parser.screen();
    assert!(!screen.alternate_screen(), "left the alternate screen");
    assert!(!screen.hide_cursor(), "cursor shown again");
    assert_eq!(
        screen.mouse_protocol_mode(),
        vt100::MouseProtocolMode::None,
        "mouse off"
    );
}

/// Whether any cell on screen has a colour other than the terminal's default.
fn has_colour(session: &Session) -> bool {
    let parser = session.parser.lock().unwrap();
    let screen = parser.screen();
    let (rows, cols) = screen.size();
    (0..rows.get()).any(|row| {
        (0..cols.get()).any(|col| {
            screen.cell(row, col).is_some_and(|cell| {
                cell.fgcolor() != vt100::Color::Default || cell.bgcolor() != vt100::Color::Default
            })
        })
    })
}

#[test]
fn no_color_is_honoured() {
    for (no_color, expect_colour) in [("1", false), ("", true)] {
        let mut s = Session::start_with_env("", 100, 30, &[("NO_COLOR", no_color)]);
        s.wait_for("the list", |screen| screen.contains("Articles (2)"));
        assert_eq!(has_colour(&s), expect_colour, "NO_COLOR={no_color:?}");
        s.send("q");
        s.finish();
    }
}

#[test]
fn search_from_the_list_then_step_through_matches() {
    let mut s = Session::start("", 100, 30);
    s.wait_for("the list", |screen| screen.contains("Articles (2)"));
    // Typed as one burst, the way a fast typist or a paste arrives.
    s.send("/guterres");
    s.wait_for("the filtered list", |screen| {
        screen.contains("Search · 1 of 2 · “guterres”") && screen.contains("1 article")
    });
    s.send("\r");
    let count = s.wait_for("the reader at the first match", |screen| {
        screen.contains("article 1 of 1") && screen.contains("· 1/")
    });
    let total: String = count
        .split("· 1/")
        .nth(1)
        .unwrap()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    s.send("n");
    s.wait_for("the second match", |screen| {
        screen.contains(&format!("· 2/{total}"))
    });
    // Esc twice: back to the list, then the whole list again.
    s.send("\x1b");
    s.wait_for("the filtered list again", |screen| {
        // The list has the keyboard: the reader's match counter is gone from the status line.
        screen.contains("“guterres”") && !screen.contains(&format!("· 2/{total}"))
    });
    s.send("\x1b");
    s.wait_for("the whole list", |screen| screen.contains("Articles (2)"));
    s.send("q");
    let after = s.finish();
    assert_restored(&s, &after, 0);
}

#[test]
fn search_marks_matches_on_a_terminal() {
    let mut s = Session::start("search Guterres", 200, 30);
    s.finish();
    let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).into_owned();
    assert!(raw.contains("\x1b[1;31mGuterres\x1b[0m"), "{raw:?}");
}

#[test]
fn a_bookmark_survives_a_restart_and_the_command_line_shows_it() {
    let cwd = tempfile::tempdir().expect("temp dir");
    let mut s = Session::start_in("", 100, 30, &[], cwd.path());
    s.wait_for("the list", |screen| screen.contains("Articles (2)"));
    s.send("j\r}}");
    s.wait_for("the third paragraph", |screen| {
        screen.contains("article 2 of 2 ·")
    });
    s.send("m");
    s.wait_for("the note prompt", |screen| screen.contains("Note:"));
    s.send("ghi chú thử");
    s.wait_for("the note typed", |screen| {
        screen.contains("Note: ghi chú thử")
    });
    s.send("\r");
    s.wait_for("the mark", |screen| {
        screen.contains('✦') && screen.contains("bookmarked")
    });
    s.send("q");
    s.finish();

    let mut again = Session::start_in("", 100, 30, &[], cwd.path());
    // Waited for whole: a frame can be read half drawn.
    again.wait_for(
        "the reader back where it was, the list counting it",
        |screen| screen.contains("2/2 · Kết tinh") && screen.contains('✦') && screen.contains("1✦"),
    );
    again.send("q");
    again.finish();

    let out = common::docbao(cwd.path())
        .args(["bookmarks", "--json"])
        .env("DOCBAO_DATA_DIR", cwd.path().join("data"))
        .output()
        .expect("docbao bookmarks");
    assert!(out.status.success());
    let bookmarks: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(bookmarks[0]["note"], "ghi chú thử");
    assert_eq!(bookmarks[0]["article"], "000_187bee9378cff2a5");
    assert!(bookmarks[0]["quote"].as_str().unwrap().len() > 20);
}

#[test]
fn a_panic_gives_the_terminal_back_then_prints_its_message() {
    let mut s = Session::start_with_env(
        "",
        100,
        30,
        &[("DOCBAO_TEST_PANIC", "1"), ("RUST_BACKTRACE", "0")],
    );
    let after = s.finish();
    assert_restored(&s, &after, 101);
    let parser = s.parser.lock().unwrap();
    let screen = parser.screen();
    // The message comes after the alternate screen was left, so it stays readable.
    assert!(
        screen
            .contents()
            .contains("forced panic (DOCBAO_TEST_PANIC is set)"),
        "{}",
        screen.contents()
    );
    let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).into_owned();
    let left = raw.rfind("\x1b[?1049l").expect("left the alternate screen");
    let message = raw.find("forced panic").expect("the message");
    assert!(
        left < message,
        "the message was printed before the terminal was restored"
    );
}

/// The reading position docbao has saved in `data` for an article, if any.
fn saved_block(data: &std::path::Path, article: &str) -> Option<u64> {
    let text = std::fs::read_to_string(data.join("state.json")).ok()?;
    let state: serde_json::Value = serde_json::from_str(&text).ok()?;
    state["folders"]["bundled articles"]["articles"][article]["block"].as_u64()
}

#[test]
fn ctrl_c_in_a_prompt_quits_and_keeps_the_place() {
    let cwd = tempfile::tempdir().expect("temp dir");
    let mut s = Session::start_in("", 100, 30, &[], cwd.path());
    s.wait_for("the list", |screen| screen.contains("Articles (2)"));
    s.send("j\r}}}");
    s.wait_for("the reader", |screen| screen.contains("article 2 of 2 ·"));
    s.send("/gu");
    s.wait_for("the prompt", |screen| screen.contains("/gu"));
    s.send("\x03");
    let after = s.finish();
    assert_restored(&s, &after, 0);
    assert_eq!(
        saved_block(&cwd.path().join("data"), "000_187bee9378cff2a5"),
        Some(3)
    );
}

#[test]
fn the_place_is_saved_while_reading_and_survives_a_kill() {
    let cwd = tempfile::tempdir().expect("temp dir");
    let data = cwd.path().join("data");
    let mut s = Session::start_alone(100, 30, cwd.path());
    s.wait_for("the list", |screen| screen.contains("Articles (2)"));
    s.send("j\r}}}}");
    s.wait_for("the reader", |screen| screen.contains("article 2 of 2 ·"));
    // Saved within a few seconds, docbao still running.
    let deadline = Instant::now() + PATIENCE;
    while saved_block(&data, "000_187bee9378cff2a5") != Some(4) {
        assert!(
            Instant::now() < deadline,
            "the place was not saved while reading"
        );
        thread::sleep(Duration::from_millis(50));
    }
    assert!(
        s.child.try_wait().expect("status").is_none(),
        "still running"
    );
    s.child.kill().expect("kill docbao");
    let _ = s.child.wait();

    let mut again = Session::start_in("", 100, 30, &[], cwd.path());
    again.wait_for("the reader, back at the fifth paragraph", |screen| {
        screen.contains("2/2 · Kết tinh") && !screen.contains("min read")
    });
    again.send("q");
    let after = again.finish();
    assert_restored(&again, &after, 0);
}

#[test]
fn a_cold_start_shows_progress_and_keys_work_while_indexing() {
    let cwd = tempfile::tempdir().expect("temp dir");
    let news = cwd.path().join("news");
    for k in 0..8000 {
        let folder = news.join(format!("{:03}", k / 100));
        std::fs::create_dir_all(&folder).unwrap();
        let body = format!("Bài {k} nói về Hà Nội, công ước và an ninh mạng. ").repeat(12);
        std::fs::write(
            folder.join(format!("{k}.txt")),
            format!("date 2025-01-{:02} Tin số {k}\n\n{body}", 1 + k % 28),
        )
        .unwrap();
    }
    let mut s = Session::start_in("news", 100, 30, &[], cwd.path());
    let screen = s.wait_for("the progress line", |screen| screen.contains("indexing "));
    assert!(
        screen.contains("Tin số"),
        "titles before the articles are read:\n{screen}"
    );
    s.send("j");
    let screen = s.wait_for("the key handled", |screen| screen.contains("article 2 of"));
    assert!(
        screen.contains("indexing "),
        "the key was handled while indexing went on:\n{screen}"
    );
    s.wait_for("indexing done", |screen| {
        !screen.contains("indexing ") && screen.contains("Articles (8 000)")
    });
    s.send("q");
    let after = s.finish();
    assert_restored(&s, &after, 0);
    // The cache was written: the next start has every article at once.
    let mut again = Session::start_in("news", 100, 30, &[], cwd.path());
    let screen = again.wait_for("the list", |screen| screen.contains("Articles (8 000)"));
    assert!(!screen.contains("indexing 0"), "{screen}");
    again.send("q");
    again.finish();
}

#[test]
fn a_long_paste_into_the_search_is_one_edit_and_the_reader_stays_responsive() {
    let mut s = Session::start("", 100, 30);
    s.wait_for("the list", |screen| screen.contains("Articles (2)"));
    {
        let raw = s.raw.lock().unwrap();
        let raw = String::from_utf8_lossy(&raw);
        assert!(raw.contains("\x1b[?2004h"), "bracketed paste is asked for");
    }
    s.send("/");
    s.wait_for("the prompt", |screen| {
        screen.contains("Search:") || screen.contains("/")
    });
    // A paste as a terminal sends it with bracketed paste on: one event, not 10 000 keys.
    let pasted = format!("\x1b[200~guterres {}\x1b[201~", "x".repeat(10_000));
    s.send(&pasted);
    s.wait_for("the note that the prompt keeps 500 characters", |screen| {
        screen.contains("500 characters")
    });
    // Had the paste come as keys, `q` would be typed into the query; Esc then q quits.
    s.send("\x1b");
    s.wait_for("the prompt closed", |screen| {
        screen.contains("Articles (2)")
    });
    s.send("q");
    let after = s.finish();
    assert!(after.contains("rows"), "{after}");
    let raw = s.raw.lock().unwrap();
    assert!(
        String::from_utf8_lossy(&raw).contains("\x1b[?2004l"),
        "bracketed paste is given back"
    );
}

/// docbao in `cwd` with recovery files going to `cwd/home`, its data folder made a file once it
/// shows the list, and a bookmark made that cannot be saved.
fn unsavable_session(cwd: &std::path::Path) -> Session {
    let home = cwd.join("home");
    std::fs::create_dir_all(&home).unwrap();
    let home = home.display().to_string();
    let mut s = Session::start_in("", 100, 30, &[("HOME", home.as_str())], cwd);
    s.wait_for("the list", |screen| screen.contains("Articles (2)"));
    let data = cwd.join("data");
    let _ = std::fs::remove_dir_all(&data);
    std::fs::write(&data, "a file where the data folder was").unwrap();
    s.send("\r");
    s.wait_for("the reader", |screen| screen.contains("article 1 of 2"));
    s.send("m");
    s.wait_for("the note prompt", |screen| screen.contains("Note"));
    s.send("\r");
    s.wait_for("the save failed", |screen| screen.contains("cannot create"));
    s
}

/// The recovery file docbao wrote in `cwd/home`, and what it printed about it.
fn recovery_file(cwd: &std::path::Path, after: &str) -> String {
    let files: Vec<_> = std::fs::read_dir(cwd.join("home"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let path = files[0].display().to_string();
    assert!(path.contains("docbao-recovered-"), "{path}");
    assert!(after.contains(&path), "says where: {after}");
    std::fs::read_to_string(&files[0]).unwrap()
}

#[test]
fn quitting_with_a_bookmark_not_saved_asks_then_writes_it_elsewhere() {
    let cwd = tempfile::tempdir().unwrap();
    let mut s = unsavable_session(cwd.path());
    s.send("q");
    s.wait_for("the question", |screen| {
        screen.contains("Not saved") && screen.contains("quit without it")
    });
    s.send("s");
    let after = s.finish();
    let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).into_owned();
    let file = recovery_file(cwd.path(), &raw);
    assert!(file.contains("\"quote\""), "{file}");
    assert!(after.contains("icanon"), "terminal restored: {after}");
}

#[test]
fn sigterm_with_a_bookmark_not_saved_writes_it_to_a_recovery_file() {
    let cwd = tempfile::tempdir().unwrap();
    let s = unsavable_session(cwd.path());
    // docbao is the shell's child: found by its parent's pid.
    let shell = s.child.process_id().expect("the shell's pid");
    let docbao = std::fs::read_dir("/proc")
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .find(|pid| {
            std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|stat| {
                let after_name = stat.rsplit(')').next().unwrap_or_default();
                after_name.split_whitespace().nth(1) == Some(&shell.to_string())
            })
        })
        .expect("docbao's pid");
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &docbao.to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let mut s = s;
    let after = s.finish();
    let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).into_owned();
    let file = recovery_file(cwd.path(), &raw);
    assert!(file.contains("\"quote\""), "{file}");
    assert!(after.contains("AFTER-DOCBAO 0"), "a clean exit: {after}");
    assert!(after.contains("icanon"), "terminal restored: {after}");
}

/// Every segment file of the catalog cache under `dir`.
fn segment_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(segment_files(&path));
        } else if entry.file_name().to_string_lossy().starts_with("seg-") {
            out.push(path);
        }
    }
    out
}

/// Searches the list of the reader running in `s` for `query`; returns the search's title
/// line and the titles listed, once the search is over.
fn list_search(s: &mut Session, query: &str) -> (String, Vec<String>) {
    s.send(&format!("/{query}"));
    let done = format!(" of 48 · “{query}”");
    let screen = s.wait_for("the search's results", |screen| {
        screen.contains("Search · ") && screen.contains(&done)
    });
    let title = screen
        .lines()
        .find(|l| l.contains(&done))
        .expect("the search's title")
        .trim()
        .to_owned();
    let listed = screen
        .lines()
        .filter(|l| l.contains("Bài số"))
        .map(|l| l.trim().to_owned())
        .collect();
    (title, listed)
}

#[test]
fn segments_cut_short_under_a_running_reader_neither_kill_it_nor_change_what_it_finds() {
    let cwd = tempfile::tempdir().expect("temp dir");
    common::nested::generate(&cwd.path().join("news"));
    // The cache written by a first run.
    let mut s = Session::start_in("news", 100, 30, &[], cwd.path());
    s.wait_for("the list, indexed", |screen| {
        screen.contains("Articles (48)") && !screen.contains("indexing")
    });
    s.send("q");
    s.finish();
    let segments = segment_files(&cwd.path().join("cache"));
    assert!(!segments.is_empty(), "the cache was written");

    // What a run without the cache finds.
    let mut fresh = Session::start_in("--no-cache news", 100, 30, &[], cwd.path());
    fresh.wait_for("the list", |screen| screen.contains("Articles (48)"));
    let expected = list_search(&mut fresh, "tương lai");
    fresh.send("\x1b");
    fresh.wait_for("the whole list", |screen| screen.contains("Articles (48)"));
    fresh.send("q");
    fresh.finish();

    // A run from the cache, whose segment files another program cuts to a few bytes.
    let mut s = Session::start_in("news", 100, 30, &[], cwd.path());
    s.wait_for("the list, from the cache", |screen| {
        screen.contains("Articles (48)") && !screen.contains("indexing")
    });
    for segment in &segments {
        let file = std::fs::File::options().write(true).open(segment).unwrap();
        file.set_len(8).unwrap();
    }
    let found = list_search(&mut s, "tương lai");
    assert_eq!(found, expected);
    // The first result opened: its text read from its file.
    s.send("\r");
    s.wait_for("the first result in the reader", |screen| {
        screen.contains("article 1 of") && screen.contains("tương lai")
    });
    assert!(
        s.child.try_wait().expect("status").is_none(),
        "still running"
    );
    s.send("q");
    let after = s.finish();
    assert_restored(&s, &after, 0);
}

#[test]
fn a_note_gives_the_keys_their_room_back_after_a_while() {
    // So narrow that a note and the hints do not both fit.
    let mut s = Session::start("", 40, 12);
    let first = s.wait_for("the list", |screen| screen.contains("? help"));
    let status = |screen: &str| screen.lines().last().unwrap_or_default().to_owned();
    assert!(status(&first).contains("? help"), "{first}");
    s.send("x");
    let noted = s.wait_for("the note", |screen| {
        status(screen).contains("x does nothing")
    });
    assert!(!status(&noted).contains("? help"), "{noted}");
    // No key: the note goes by itself and the hints come back.
    let back = s.wait_for("the hints back", |screen| status(screen).contains("? help"));
    assert!(!back.contains("x does nothing"), "{back}");
    s.send("q");
    s.finish();
}

#[test]
fn ctrl_z_goes_back_to_the_shell_and_fg_comes_back_to_the_same_screen() {
    let cwd = tempfile::tempdir().unwrap();
    let bin = env!("CARGO_BIN_EXE_docbao");
    // A shell with job control, as a user's is: it says how docbao stopped, then continues it.
    let script = format!(
        "set -m; '{bin}'; echo STOPPED $?; sleep 1; fg %1 >/dev/null; echo {AFTER} $?; stty -a"
    );
    let mut s = Session::spawn(&script, 80, 24, &[], cwd.path());
    s.wait_for("the list", |screen| screen.contains("Articles (2)"));
    s.send("j");
    s.wait_for("the second article", |screen| screen.contains("2/2 · "));
    s.send("\x1a");
    let stopped = s.wait_for("the shell", |screen| screen.contains("STOPPED 148"));
    assert!(!stopped.contains("Articles (2)"), "{stopped}");
    {
        let parser = s.parser.lock().unwrap();
        let screen = parser.screen();
        assert!(!screen.alternate_screen(), "the terminal given back");
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "the mouse given back"
        );
    }
    // Made smaller while stopped: continued, it is drawn again whole at the new size.
    s.resize(60, 20);
    let back = s.wait_for("docbao again at 60x20", |screen| {
        let lines: Vec<&str> = screen.lines().collect();
        screen.contains("Articles (2)")
            && lines.get(18).is_some_and(|l| l.starts_with('└'))
            && lines.get(19).is_some_and(|l| l.contains("article 2 of 2"))
    });
    assert!(!back.contains("2/2 · "), "one pane at 60 columns: {back}");
    s.send("k");
    s.wait_for("a key after coming back", |screen| {
        screen.contains("article 1 of 2")
    });
    s.send("q");
    let after = s.finish();
    assert!(after.contains(&format!("{AFTER} 0")), "{after}");
}

#[test]
fn a_bookmark_saved_in_another_window_shows_at_once_and_one_deleted_there_goes() {
    use docbao::bookmarks::{Bookmark, BookmarkStore, Change};
    let cwd = tempfile::tempdir().expect("temp dir");
    let data = cwd.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    let mut s = Session::start_in("", 100, 30, &[], cwd.path());
    s.wait_for("the list", |screen| screen.contains("Articles (2)"));
    s.send("'");
    s.wait_for("the empty pane", |screen| screen.contains("no bookmarks"));
    // Another window bookmarks a passage: the pane shows it with no key pressed.
    let catalog = docbao::catalog::Catalog::bundled();
    let article = catalog.article(1).unwrap();
    let block = article.blocks[3].range.clone();
    let mut other = BookmarkStore::open(&data).unwrap();
    let bookmark = Bookmark::new(catalog.folder(), &article, block);
    let id = bookmark.id.clone();
    let mut marked = bookmark.clone();
    marked.note = "từ cửa sổ khác".into();
    other.apply(Change::Add(marked)).unwrap();
    s.wait_for("the other window's bookmark", |screen| {
        screen.contains("từ cửa sổ khác")
    });
    other.apply(Change::Remove(id)).unwrap();
    s.wait_for("it gone again", |screen| {
        !screen.contains("từ cửa sổ khác") && screen.contains("no bookmarks")
    });
    s.send("q");
    s.finish();
}
