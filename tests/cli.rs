//! The non-interactive commands, run as the real binary.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use unicode_normalization::UnicodeNormalization;

fn docbao(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_docbao"))
        .args(args)
        .current_dir(cwd)
        .env_remove("COLUMNS")
        .output()
        .expect("run docbao")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8 errors")
}

fn empty_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

#[test]
fn list_prints_date_title_id() {
    let dir = empty_dir();
    let out = docbao(dir.path(), &["list"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "2025-10-26  Các đại biểu thảo luận tại hội thảo  004_f5d5699ebfe6bbe1\n\
         2025-10-26  Kết tinh của sự kiên trì, trí tuệ và lòng tin giữa các quốc gia  000_187bee9378cff2a5\n"
    );
}

#[test]
fn without_a_terminal_the_reader_prints_the_list() {
    let dir = empty_dir();
    let plain = docbao(dir.path(), &[]);
    assert!(plain.status.success());
    assert_eq!(stdout(&plain), stdout(&docbao(dir.path(), &["list"])));
}

#[test]
fn list_json_has_the_documented_fields() {
    let dir = empty_dir();
    let out = docbao(dir.path(), &["list", "--json"]);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let entries = json.as_array().expect("an array");
    assert_eq!(entries.len(), 2);
    let first = &entries[0];
    assert_eq!(first["id"], "004_f5d5699ebfe6bbe1");
    assert_eq!(first["title"], "Các đại biểu thảo luận tại hội thảo");
    assert_eq!(first["date"], "2025-10-26");
    assert!(
        first["path"]
            .as_str()
            .unwrap()
            .ends_with("004_f5d5699ebfe6bbe1.txt")
    );
    assert!(first["words"].as_u64().unwrap() > 400);
}

#[test]
fn a_local_articles_folder_is_preferred_to_the_bundled_set() {
    let dir = empty_dir();
    fs::create_dir(dir.path().join("articles")).unwrap();
    fs::write(
        dir.path().join("articles/mine.txt"),
        "date 2024-05-01 Của tôi\n\nThân bài.",
    )
    .unwrap();
    let out = docbao(dir.path(), &["list"]);
    assert_eq!(stdout(&out), "2024-05-01  Của tôi  mine\n");
}

#[test]
fn show_fits_every_width_and_nfd_files_print_identically() {
    let dir = empty_dir();
    let nfd_path = dir.path().join("nfd.txt");
    let original = include_str!("../articles/000_187bee9378cff2a5.txt");
    fs::write(&nfd_path, original.nfd().collect::<String>()).unwrap();
    let nfc_path = dir.path().join("nfc.txt");
    fs::write(&nfc_path, original).unwrap();
    for width in [20, 33, 47, 60, 80, 120] {
        let w = width.to_string();
        let by_id = docbao(dir.path(), &["show", "000_187bee9378cff2a5", "--width", &w]);
        assert!(by_id.status.success(), "{}", stderr(&by_id));
        let text = stdout(&by_id);
        assert!(text.starts_with("Kết tinh"), "{text}");
        for line in text.lines() {
            let columns = unicode_width::UnicodeWidthStr::width(line);
            assert!(columns <= width, "{columns} > {width}: {line:?}");
        }
        let nfc = docbao(dir.path(), &["show", "nfc.txt", "--width", &w]);
        let nfd = docbao(
            dir.path(),
            &["show", nfd_path.to_str().unwrap(), "--width", &w],
        );
        assert_eq!(nfc.stdout, nfd.stdout, "at {width}");
        assert_eq!(nfc.stdout, by_id.stdout, "at {width}");
    }
}

#[test]
fn show_without_a_terminal_uses_80_columns() {
    let dir = empty_dir();
    let out = docbao(dir.path(), &["show", "000_187bee9378cff2a5"]);
    let widest = stdout(&out)
        .lines()
        .map(unicode_width::UnicodeWidthStr::width)
        .max()
        .unwrap();
    assert!((70..=80).contains(&widest), "{widest}");
}

#[test]
fn errors_exit_2_with_one_line_naming_the_path_and_cause() {
    let dir = empty_dir();
    let missing = docbao(dir.path(), &["list", "no-such-folder"]);
    assert_eq!(missing.status.code(), Some(2));
    assert_eq!(
        stderr(&missing),
        "docbao: cannot open no-such-folder: no such file or directory\n"
    );
    let unknown = docbao(dir.path(), &["show", "nope"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert_eq!(
        stderr(&unknown),
        "docbao: no article \"nope\" in bundled articles\n"
    );
    let zero = docbao(dir.path(), &["show", "x", "--width", "0"]);
    assert_eq!(zero.status.code(), Some(2));
}

#[test]
fn skipped_files_are_reported_on_stderr_and_the_rest_listed() {
    let dir = empty_dir();
    fs::write(dir.path().join("good.txt"), "date 2025-01-01 Tốt\n\nThân.").unwrap();
    fs::write(dir.path().join("bin.txt"), b"\x89PNG\r\n\x1a\n\0\0\0").unwrap();
    let out = docbao(dir.path(), &["list", "."]);
    assert!(out.status.success());
    assert_eq!(stdout(&out), "2025-01-01  Tốt  good\n");
    assert_eq!(
        stderr(&out),
        "docbao: ./bin.txt: binary file (contains NUL bytes), skipped\n"
    );
    let show = docbao(dir.path(), &["show", "bin.txt"]);
    assert_eq!(show.status.code(), Some(2));
    assert!(stderr(&show).contains("binary file"), "{}", stderr(&show));
}

#[test]
fn help_and_version() {
    let dir = empty_dir();
    let help = docbao(dir.path(), &["--help"]);
    assert!(help.status.success());
    for word in ["list", "show", "[PATH]"] {
        assert!(stdout(&help).contains(word), "{word}");
    }
    let version = docbao(dir.path(), &["--version"]);
    assert_eq!(
        stdout(&version),
        format!("docbao {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let dir = empty_dir();
    let mut child = Command::new(env!("CARGO_BIN_EXE_docbao"))
        .args(["show", "000_187bee9378cff2a5", "--width", "20"])
        .current_dir(dir.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Close the pipe without reading.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stderr.is_empty());
}
