//! The non-interactive commands, run as the real binary.

use crate::common;

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use unicode_normalization::UnicodeNormalization;

fn docbao(cwd: &Path, args: &[&str]) -> Output {
    common::docbao(cwd)
        .args(args)
        .current_dir(cwd)
        // No config but the test's own, and the interface in English.
        .env("XDG_CONFIG_HOME", cwd.join(".config"))
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
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

/// What `docbao bookmarks --markdown` prints of the bookmarks kept in `data`, run in `cwd`.
fn markdown_export(cwd: &Path, data: &Path) -> String {
    let data = data.to_str().expect("a UTF-8 temp path");
    stdout(&docbao(
        cwd,
        &["bookmarks", "--markdown", "--data-dir", data],
    ))
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
        "docbao: no article \"nope\" in the bundled articles\n"
    );
    let zero = docbao(dir.path(), &["show", "x", "--width", "0"]);
    assert_eq!(zero.status.code(), Some(2));
    // In a folder with a skipped file: an unknown id is still said to be unknown, and the
    // skipped file, asked for, says why it was skipped.
    fs::write(dir.path().join("good.txt"), "date 2025-01-01 Tốt\n\nThân.").unwrap();
    fs::write(dir.path().join("empty.txt"), "").unwrap();
    let unknown = docbao(dir.path(), &["show", "nope", "."]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        stderr(&unknown).ends_with("docbao: no article \"nope\" in .\n"),
        "{}",
        stderr(&unknown)
    );
    let skipped = docbao(dir.path(), &["show", "empty", "."]);
    assert_eq!(skipped.status.code(), Some(2));
    let said = stderr(&skipped);
    assert!(
        said.contains("cannot show \"empty\": ./empty.txt: "),
        "{said}"
    );
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
    let mut child = common::docbao(dir.path())
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

#[test]
fn search_prints_id_line_column_text() {
    let dir = empty_dir();
    let out = docbao(dir.path(), &["search", "cong uoc ha noi"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(!text.contains('\x1b'), "no marks when not a terminal");
    let catalog = docbao::catalog::Catalog::bundled();
    let mut count = 0;
    for line in text.lines() {
        let mut parts = line.splitn(4, ':');
        let (id, row, column, rest) = (
            parts.next().unwrap(),
            parts.next().unwrap().parse::<usize>().unwrap(),
            parts.next().unwrap().parse::<usize>().unwrap(),
            parts.next().unwrap(),
        );
        let article = &catalog
            .article(catalog.find(id).map(|(i, _)| i).expect("a real id"))
            .unwrap();
        let source_line = article.text.lines().nth(row - 1).unwrap();
        // A long line is shown around the match, cut with an ellipsis where it goes on.
        let shown = rest.strip_prefix(' ').unwrap();
        assert!(
            unicode_width::UnicodeWidthStr::width(shown) <= 200,
            "{shown}"
        );
        let inner = shown.trim_start_matches('…').trim_end_matches('…');
        assert!(
            source_line.contains(inner),
            "{shown:?} is not from {source_line:?}"
        );
        assert_eq!(shown == source_line, !shown.contains('…'));
        let at: String = source_line.chars().skip(column - 1).take(15).collect();
        assert_eq!(at.to_lowercase(), "công ước hà nội");
        assert!(shown.to_lowercase().contains("công ước hà nội"), "{shown}");
        count += 1;
    }
    let json = docbao(dir.path(), &["search", "cong uoc ha noi", "--json"]);
    let hits: Vec<serde_json::Value> = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(hits.len(), count);
    for hit in &hits {
        let article = &catalog
            .article(
                catalog
                    .find(hit["id"].as_str().unwrap())
                    .map(|(i, _)| i)
                    .unwrap(),
            )
            .unwrap();
        let (start, end) = (
            hit["start"].as_u64().unwrap() as usize,
            hit["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&article.text[start..end], hit["text"].as_str().unwrap());
        assert_eq!(hit["title"], article.title.as_str());
        assert!(hit["line"].as_u64().unwrap() >= 1 && hit["column"].as_u64().unwrap() >= 1);
    }
}

#[test]
fn search_exit_codes_follow_grep() {
    let dir = empty_dir();
    let none = docbao(dir.path(), &["search", "khongcodauxyz"]);
    assert_eq!(none.status.code(), Some(1));
    assert!(none.stdout.is_empty());
    let bad = docbao(dir.path(), &["search", "x", "no-such-folder"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).starts_with("docbao: cannot open no-such-folder"));
    let empty = docbao(dir.path(), &["search", "  "]);
    assert_eq!(empty.status.code(), Some(2));
}

#[test]
fn search_flags_override_smart_case_and_accents() {
    let dir = empty_dir();
    let count = |args: &[&str]| {
        let out = docbao(dir.path(), args);
        stdout(&out).lines().count()
    };
    let smart = count(&["search", "hoa"]);
    let accents = count(&["search", "hoa", "--accent-sensitive"]);
    assert!(smart > accents, "{smart} > {accents}");
    let accented = count(&["search", "hòa"]);
    let ignoring = count(&["search", "hòa", "--ignore-accents"]);
    assert_eq!(ignoring, smart);
    assert!(accented < smart);
    let cased = count(&["search", "Công"]);
    let uncased = count(&["search", "Công", "-i"]);
    assert!(uncased > cased, "{uncased} > {cased}");
    assert_eq!(
        count(&["search", "công", "-s"]),
        count(&["search", "công", "--case-sensitive"])
    );
    let conflict = docbao(dir.path(), &["search", "x", "-s", "-i"]);
    assert_eq!(conflict.status.code(), Some(2));
}

#[test]
fn bookmarks_command_prints_plain_json_and_markdown() {
    use docbao::bookmarks::{Bookmark, BookmarkStore, Change};
    let dir = empty_dir();
    let data = dir.path().join("data");
    let catalog = docbao::catalog::Catalog::bundled();
    let article = &catalog
        .article(
            catalog
                .find("000_187bee9378cff2a5")
                .map(|(i, _)| i)
                .unwrap(),
        )
        .unwrap();
    let mut bookmark = Bookmark::new(catalog.folder(), article, article.blocks[2].range.clone());
    bookmark.note = "một ghi chú".into();
    let mut store = BookmarkStore::open(&data).unwrap();
    store.apply(Change::Add(bookmark.clone())).unwrap();
    let data_flag = data.to_str().unwrap();

    let plain = docbao(dir.path(), &["bookmarks", "--data-dir", data_flag]);
    assert!(plain.status.success(), "{}", stderr(&plain));
    let line = stdout(&plain);
    assert!(
        line.contains("000_187bee9378cff2a5") && line.contains("— một ghi chú"),
        "{line}"
    );

    let markdown = stdout(&docbao(
        dir.path(),
        &["bookmarks", "--markdown", "--data-dir", data_flag],
    ));
    assert!(
        markdown.starts_with(&format!("## {} (2025-10-26)\n\n> ", article.title)),
        "{markdown}"
    );
    assert!(
        markdown.contains(&format!("> {}", bookmark.quote)),
        "{markdown}"
    );
    assert!(markdown.contains("\nmột ghi chú\n"), "{markdown}");

    let json = docbao(
        dir.path(),
        &["bookmarks", "--json", "--data-dir", data_flag],
    );
    let parsed: Vec<Bookmark> = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(parsed, [bookmark]);

    // The environment variable does the same as the flag.
    let by_env = common::docbao(&data)
        .args(["bookmarks", "--json"])
        .env("DOCBAO_DATA_DIR", &data)
        .output()
        .unwrap();
    assert_eq!(by_env.stdout, json.stdout);
}

#[test]
fn bookmarks_command_reports_a_corrupt_file() {
    let dir = empty_dir();
    let data = dir.path().join("data");
    fs::create_dir(&data).unwrap();
    fs::write(data.join("bookmarks.json"), "garbage").unwrap();
    let out = docbao(
        dir.path(),
        &["bookmarks", "--data-dir", data.to_str().unwrap()],
    );
    assert!(out.status.success());
    assert!(
        stderr(&out).starts_with("docbao: bookmarks file could not be read; kept as "),
        "{}",
        stderr(&out)
    );
    let kept: Vec<_> = fs::read_dir(&data)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .contains(".corrupt-")
        })
        .collect();
    assert_eq!(kept.len(), 1);
}

#[test]
fn search_stats_say_how_long_it_took() {
    let dir = empty_dir();
    let out = docbao(dir.path(), &["search", "guterres", "--stats"]);
    assert_eq!(out.status.code(), Some(0));
    let err = stderr(&out);
    assert!(
        err.starts_with("docbao: 2 articles (2 parsed), 12 KB, opened in "),
        "{err}"
    );
    assert!(
        err.contains(" ms, searched in ") && err.ends_with(" ms\n"),
        "{err}"
    );
    let plain = docbao(dir.path(), &["search", "guterres"]);
    assert_eq!(
        out.stdout, plain.stdout,
        "the hits are printed as without --stats"
    );
}

#[test]
fn a_search_with_no_cache_parses_only_the_files_that_may_match() {
    let dir = empty_dir();
    let news = dir.path().join("news");
    fs::create_dir_all(&news).unwrap();
    fs::write(
        news.join("a.txt"),
        "date 2025-01-02 Thủ tướng\n\nThủ  TƯỚNG nói.\n",
    )
    .unwrap();
    fs::write(news.join("b.txt"), "date 2025-01-01 Bóng đá\n\nTrận đấu.\n").unwrap();
    // Decomposed, and with a zero-width space inside the words: the sieve sees through both.
    let nfd = "date 2025-01-03 Tin\n\nThu\u{309}  tu\u{31b}\u{301}\u{200b}o\u{31b}ng.\n";
    fs::write(news.join("c.txt"), nfd).unwrap();
    fs::write(news.join("empty.txt"), "\n\n").unwrap();
    let cached = docbao(dir.path(), &["search", "thu tuong", "news"]);
    let out = docbao(
        dir.path(),
        &["--no-cache", "search", "--stats", "thu tuong", "news"],
    );
    assert_eq!(
        out.stdout, cached.stdout,
        "the same matches as through the cache"
    );
    let found = String::from_utf8_lossy(&out.stdout).into_owned();
    assert_eq!(found.lines().count(), 3, "{found}");
    assert_eq!(
        found.lines().filter(|l| l.starts_with("c:")).count(),
        1,
        "{found}"
    );
    let err = stderr(&out);
    assert!(err.contains("empty.txt: no text"), "{err}");
    // a, c and the empty one: b was read but its fold holds no match.
    assert!(err.contains("docbao: 4 articles (3 parsed)"), "{err}");
    // Through the cache, once built, none is parsed.
    let warm = docbao(dir.path(), &["search", "--stats", "thu tuong", "news"]);
    let err = stderr(&warm);
    assert!(err.contains("docbao: 4 articles (0 parsed)"), "{err}");
}

#[test]
fn a_search_says_when_the_cache_was_found_damaged() {
    let dir = empty_dir();
    let news = dir.path().join("news");
    common::nested::generate(&news);
    let cache = dir.path().join("cache");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_docbao"))
            .env("DOCBAO_CACHE_DIR", &cache)
            .args(args)
            .current_dir(dir.path())
            .output()
            .unwrap()
    };
    assert!(run(&["list", "news"]).status.success());
    for folder in fs::read_dir(&cache).unwrap().flatten() {
        for file in fs::read_dir(folder.path()).unwrap().flatten() {
            if file.file_name().to_string_lossy().starts_with("seg-") {
                let mut bytes = fs::read(file.path()).unwrap();
                for at in (64..bytes.len()).step_by(512) {
                    bytes[at] ^= 0x20;
                }
                fs::write(file.path(), bytes).unwrap();
            }
        }
    }
    let damaged = run(&["search", "ha noi", "news"]);
    let fresh = run(&["--no-cache", "search", "ha noi", "news"]);
    assert_eq!(damaged.stdout, fresh.stdout, "the same matches");
    let err = stderr(&damaged);
    assert!(err.contains("damaged in the catalog cache"), "{err}");
    assert!(err.contains("stored anew next time"), "{err}");
    assert!(stderr(&fresh).is_empty());
    // The damaged articles were dropped from the cache: the next search stores them anew, and
    // the one after finds nothing damaged.
    let again = run(&["search", "ha noi", "news"]);
    assert_eq!(again.stdout, fresh.stdout);
    let healed = run(&["search", "ha noi", "news"]);
    assert_eq!(healed.stdout, fresh.stdout);
    assert!(stderr(&healed).is_empty(), "{}", stderr(&healed));
}

#[test]
fn a_text_and_a_markdown_file_of_one_name_get_ids_of_their_own() {
    let dir = empty_dir();
    let news = dir.path().join("news/c");
    fs::create_dir_all(&news).unwrap();
    fs::write(
        news.join("x.txt"),
        "date 2025-01-05 Bản txt\n\nNội dung txt.\n",
    )
    .unwrap();
    fs::write(news.join("x.md"), "# Bản md\n\nNội dung md.\n").unwrap();
    fs::write(news.join("y.md"), "# Chỉ một\n\nMột mình.\n").unwrap();
    let list = stdout(&docbao(dir.path(), &["list", "news"]));
    let ids: Vec<&str> = list.lines().filter_map(|l| l.rsplit("  ").next()).collect();
    assert_eq!(ids.len(), 3, "{list}");
    for id in ["c/x.txt", "c/x.md", "c/y"] {
        assert!(ids.contains(&id), "{id} in {list}");
    }
    let both = docbao(dir.path(), &["show", "c/x", "news"]);
    assert_eq!(both.status.code(), Some(2));
    let said = stderr(&both);
    assert!(
        said.contains("c/x.md") && said.contains("c/x.txt"),
        "{said}"
    );
    let one = docbao(dir.path(), &["show", "c/x.md", "news"]);
    assert!(stdout(&one).contains("Bản md"), "{}", stdout(&one));
    let found = stdout(&docbao(dir.path(), &["search", "noi dung", "news"]));
    assert!(
        found.contains("c/x.txt:") && found.contains("c/x.md:"),
        "{found}"
    );
}

#[test]
fn search_matches_at_word_starts_unless_told_whole_words_or_anywhere() {
    let dir = empty_dir();
    let lines = |args: &[&str]| {
        let output = docbao(dir.path(), args);
        assert!(output.status.success(), "{args:?}: {}", stderr(&output));
        stdout(&output).lines().count()
    };
    for cache in [&[][..], &["--no-cache"][..]] {
        let run = |extra: &[&str]| {
            let args: Vec<&str> = cache
                .iter()
                .chain(&["search"])
                .chain(extra)
                .chain(&["an"])
                .copied()
                .collect();
            lines(&args)
        };
        let (start, whole, anywhere) = (run(&[]), run(&["--word"]), run(&["--anywhere"]));
        // `an` inside "toàn", "bản", "ngân" only anywhere; "anh" at a word start, not whole.
        assert!(
            0 < whole && whole < start && start < anywhere,
            "{whole} {start} {anywhere}"
        );
        assert_eq!(start, lines(&["search", "an"]), "{cache:?}");
    }
    let typed = stdout(&docbao(dir.path(), &["search", "thu tuo"]));
    assert!(typed.contains("Thủ tướng"), "{typed}");
    let whole = docbao(dir.path(), &["search", "--word", "thu tuo"]);
    assert_eq!(
        whole.status.code(),
        Some(1),
        "a whole word is not its start"
    );
    let both = docbao(dir.path(), &["search", "--word", "--anywhere", "an"]);
    assert_eq!(both.status.code(), Some(2), "{}", stderr(&both));
}

#[test]
fn the_markdown_export_is_in_article_order_and_passages_in_text_order() {
    use docbao::bookmarks::{Bookmark, BookmarkStore, Change};
    let dir = empty_dir();
    let data = dir.path().join("data");
    let catalog = docbao::catalog::Catalog::bundled();
    let mut store = BookmarkStore::open(&data).unwrap();
    let mut quotes = Vec::new();
    // Made out of order: the second article's later passage first.
    for (position, block) in [(1, 5), (0, 1), (1, 2)] {
        let article = catalog.article(position).unwrap();
        let bookmark = Bookmark::new(
            catalog.folder(),
            &article,
            article.blocks[block].range.clone(),
        );
        quotes.push(bookmark.quote.clone());
        store.apply(Change::Add(bookmark)).unwrap();
    }
    let markdown = markdown_export(dir.path(), &data);
    let at = |text: &str| {
        markdown
            .find(text)
            .unwrap_or_else(|| panic!("{text}:\n{markdown}"))
    };
    let (first, second) = (&catalog.entries()[0].title, &catalog.entries()[1].title);
    assert!(
        at(&format!("## {first}")) < at(&format!("## {second}")),
        "{markdown}"
    );
    assert!(at(&quotes[1]) < at(&format!("## {second}")));
    assert!(
        at(&quotes[2]) < at(&quotes[0]),
        "text order within an article"
    );
}

#[test]
fn the_markdown_export_follows_the_sections_of_a_nested_folder() {
    use docbao::bookmarks::{Bookmark, BookmarkStore, Change};
    let dir = empty_dir();
    let news = dir.path().join("news");
    common::nested::generate(&news);
    let catalog = docbao::catalog::Catalog::open(&news).unwrap();
    let data = dir.path().join("data");
    let mut store = BookmarkStore::open(&data).unwrap();
    // The newest of the-gioi and the oldest of kinh-te: the list shows kinh-te first.
    for id in ["the-gioi/bai-6", "kinh-te/bai-1"] {
        let (index, _) = catalog.find(id).unwrap();
        let article = catalog.article(index).unwrap();
        let bookmark = Bookmark::new(catalog.folder(), &article, article.blocks[0].range.clone());
        store.apply(Change::Add(bookmark)).unwrap();
    }
    let markdown = markdown_export(dir.path(), &data);
    let title = |id: &str| catalog.find(id).unwrap().1.title.clone();
    let (kinh_te, the_gioi) = (title("kinh-te/bai-1"), title("the-gioi/bai-6"));
    assert!(
        markdown.find(&kinh_te).unwrap() < markdown.find(&the_gioi).unwrap(),
        "{markdown}"
    );
}

#[test]
fn bookmarks_with_none_says_so_and_prints_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let data = data.to_str().unwrap();
    for format in [&[][..], &["--markdown"][..]] {
        let mut args = vec!["bookmarks", "--data-dir", data];
        args.extend(format);
        let out = docbao(dir.path(), &args);
        assert!(out.status.success());
        assert_eq!(stdout(&out), "");
        assert_eq!(
            stderr(&out),
            "docbao: no bookmarks yet: m in the reader bookmarks the passage you are on\n"
        );
    }
    let json = docbao(dir.path(), &["bookmarks", "--json", "--data-dir", data]);
    assert_eq!(stdout(&json).trim(), "[]", "JSON stays JSON");
    assert_eq!(stderr(&json), "");
}

#[test]
fn odd_file_names_are_listed_on_one_line_and_shown_by_the_name_as_typed() {
    use unicode_normalization::UnicodeNormalization;
    let dir = empty_dir();
    let article = |title: &str| format!("date 2025-01-01 {title}\n\nNội dung.\n");
    // Saved by macOS: the name decomposed (NFD).
    let nfd: String = "tin-tức.txt".nfd().collect();
    fs::write(dir.path().join(&nfd), article("Tên NFD")).unwrap();
    // A newline in the name.
    fs::write(dir.path().join("hai\ndòng.txt"), article("Hai dòng")).unwrap();
    // Not UTF-8 at all (Latin-1 é).
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let name = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
        fs::write(dir.path().join(name), article("Tên Latin-1")).unwrap();
    }
    let list = docbao(dir.path(), &["list", "."]);
    assert!(list.status.success(), "{}", stderr(&list));
    let text = stdout(&list);
    assert!(text.contains("hai\\ndòng"), "{text}");
    assert!(
        !text.lines().any(|l| l.trim() == "dòng"),
        "one line each: {text}"
    );
    #[cfg(unix)]
    assert!(text.contains("caf\\xe9"), "{text}");
    // Each shown by its name as typed (NFC) or as listed.
    let shown = docbao(dir.path(), &["show", "tin-tức", "."]);
    assert!(stdout(&shown).contains("Tên NFD"), "{}", stderr(&shown));
    let shown = docbao(dir.path(), &["show", "hai\\ndòng", "."]);
    assert!(stdout(&shown).contains("Hai dòng"), "{}", stderr(&shown));
    #[cfg(unix)]
    {
        let shown = docbao(dir.path(), &["show", "caf\\xe9", "."]);
        assert!(stdout(&shown).contains("Tên Latin-1"), "{}", stderr(&shown));
    }
}

#[test]
fn quiet_leaves_out_what_reading_met_but_not_the_errors() {
    let dir = empty_dir();
    fs::write(
        dir.path().join("a.txt"),
        "date 2025-01-01 Bài\n\nNội dung.\n",
    )
    .unwrap();
    fs::write(dir.path().join("empty.txt"), "").unwrap();
    let loud = docbao(dir.path(), &["list", "."]);
    assert!(stderr(&loud).contains("empty.txt"), "{}", stderr(&loud));
    for flag in ["--quiet", "-q"] {
        let quiet = docbao(dir.path(), &["list", ".", flag]);
        assert!(quiet.status.success());
        assert_eq!(stderr(&quiet), "", "{flag}");
        assert_eq!(stdout(&quiet), stdout(&loud));
    }
    let missing = docbao(dir.path(), &["-q", "show", "nope", "."]);
    assert!(!missing.status.success());
    assert!(stderr(&missing).contains("nope"), "{}", stderr(&missing));
}
