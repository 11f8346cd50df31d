//! Feeds: subscribing, fetching into the archive, full text from article pages, duplicates,
//! failures one feed at a time, OPML, saved pages; against a local HTTP server with fixtures
//! shaped like Vietnamese papers' feeds and pages.

use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::Arc;
use std::time::Duration;

use docbao::catalog::Catalog;

use crate::common::server::{Route, Server, fixture, papers};
use crate::common::{app_with, press, screen, styled};

/// A data folder, an archive folder and the binary run with them.
struct Reader {
    scratch: tempfile::TempDir,
}

impl Reader {
    fn new() -> Reader {
        Reader {
            scratch: tempfile::tempdir().expect("a temporary folder"),
        }
    }

    fn archive(&self) -> PathBuf {
        self.scratch.path().join("news")
    }

    fn data(&self) -> PathBuf {
        self.scratch.path().join("data")
    }

    /// Runs `docbao ARGS` in English, no proxy, with this data folder.
    fn run(&self, args: &[&str]) -> Output {
        crate::common::docbao(self.scratch.path())
            .args(["--lang", "en"])
            .args(args)
            .env("DOCBAO_DATA_DIR", self.data())
            .env_remove("HTTP_PROXY")
            .env_remove("HTTPS_PROXY")
            .env_remove("http_proxy")
            .env_remove("https_proxy")
            .env_remove("ALL_PROXY")
            .env("DOCBAO_FETCH_TIMEOUT", "2")
            .output()
            .expect("docbao runs")
    }

    fn fetch(&self) -> Output {
        let archive = self.archive();
        self.run(&["fetch", "--into", archive.to_str().expect("a UTF-8 path")])
    }

    /// Every article file of the archive, by path from it.
    fn files(&self) -> Vec<(String, String)> {
        let mut files: Vec<(String, String)> = walk(&self.archive())
            .into_iter()
            .map(|path| {
                let text = std::fs::read_to_string(&path).expect("an article is UTF-8");
                let name = path
                    .strip_prefix(self.archive())
                    .expect("under the archive")
                    .to_string_lossy()
                    .into_owned();
                (name, text)
            })
            .collect();
        files.sort();
        files
    }
}

/// The files under a folder, hidden ones apart.
fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return found;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        if path.is_dir() {
            found.extend(walk(&path));
        } else {
            found.push(path);
        }
    }
    found
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn subscribe(reader: &Reader, server: &Server) {
    for (path, section) in [
        ("/vnexpress/thoi-su.rss", "VnExpress"),
        ("/thanhnien/thoi-su.atom", "Thanh Niên"),
        ("/tuoitre/phap-luat.json", "Tuổi Trẻ"),
    ] {
        let added = reader.run(&["feed", "add", &server.url(path), "--section", section]);
        assert!(added.status.success(), "{}", stderr(&added));
        assert!(stdout(&added).contains(section), "{}", stdout(&added));
    }
}

#[test]
fn subscribe_fetch_read_and_fetch_again_for_nothing() {
    let server = papers();
    let reader = Reader::new();
    subscribe(&reader, &server);

    let fetched = reader.fetch();
    let lines = stdout(&fetched);
    assert_eq!(
        fetched.status.code(),
        Some(0),
        "{lines}{}",
        stderr(&fetched)
    );
    assert!(
        lines.contains("✓ Thời sự - VnExpress RSS: 2 new articles in VnExpress/"),
        "{lines}"
    );
    assert!(
        lines.contains("✓ Tuổi Trẻ - Pháp luật: one new article in Tuổi Trẻ/"),
        "{lines}"
    );

    let files = reader.files();
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert!(
        names.contains(
            &"VnExpress/2025-10-26-hon-60-quoc-gia-thao-luan-ve-hop-tac-chong-toi-pham-mang.md"
        ),
        "{names:?}"
    );
    assert!(
        names.contains(
            &"Tuổi Trẻ/2025-10-27-cong-uoc-ha-noi-hop-tac-toan-cau-chong-toi-pham-mang.md"
        ),
        "{names:?}"
    );
    for (name, text) in &files {
        assert!(!text.contains('\u{FFFD}'), "{name} lost characters");
        assert!(
            text.starts_with("date 2025-10-2"),
            "{name} opens with its date: {text:.80}"
        );
        assert!(
            text.contains("\nsource http://127.0.0.1:"),
            "{name} says its source"
        );
    }
    // The Windows-1258 page under a wrong header reads as the UTF-8 one; the same text in two
    // feeds is one file, listed in both folders.
    let ket_tinh: Vec<&(String, String)> = files
        .iter()
        .filter(|(n, _)| n.contains("ket-tinh-cua-su-kien-tri"))
        .collect();
    assert_eq!(ket_tinh.len(), 2, "{names:?}");
    assert_eq!(ket_tinh[0].1, ket_tinh[1].1, "one text in both sections");
    let text = &ket_tinh[0].1;
    assert!(
        text.contains("\n## Công ước Hà Nội gửi đi 3 thông điệp rõ ràng\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "\nTổng Bí thư Tô Lâm tiếp Tổng thư ký LHQ António Guterres ẢNH: THẢO PHẠM [3]\n"
        ),
        "{text}"
    );
    assert!(text.contains("\nauthor Tuấn Minh\n"), "{text}");
    assert!(
        text.contains("[2] http://127.0.0.1:"),
        "links are kept: {text}"
    );
    assert!(
        !text.contains("Tin liên quan") && !text.contains("Giấy phép"),
        "no page chrome"
    );
    let same = |name: &str| {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(reader.archive().join(name))
            .expect("there")
            .ino()
    };
    assert_eq!(
        same(&ket_tinh[0].0),
        same(&ket_tinh[1].0),
        "a hard link, not a copy"
    );
    // VnExpress's article, met again in Thanh Niên's feed with tracking parameters, is not
    // fetched twice.
    assert_eq!(server.requests("/vnexpress/hon-60-quoc-gia.html").len(), 1);
    assert!(
        server
            .all_requests()
            .iter()
            .all(|r| !r.path.contains("utm_source")),
        "the copy is known by its address"
    );
    // A JSON Feed item with the whole text needs no page.
    assert!(server.requests("/tuoitre/cong-uoc-ha-noi.htm").is_empty());
    assert!(
        server.requests("/vnexpress/thoi-su.rss")[0].headers["user-agent"].starts_with("docbao/")
    );
    // Thanh Niên's feed and page came gzipped.
    assert!(
        server.requests("/thanhnien/thoi-su.atom")[0].headers["accept-encoding"].contains("gzip")
    );

    // The reader lists them under their feeds' sections, unread, with the whole text.
    let catalog = Arc::new(Catalog::open(&reader.archive()).expect("the archive opens"));
    assert_eq!(catalog.entries().len(), 5, "{names:?}");
    let mut app = app_with(catalog, 100, 30);
    let list = screen(&app);
    for section in ["VnExpress", "Thanh Niên", "Tuổi Trẻ"] {
        assert!(list.contains(section), "{list}");
    }
    assert!(list.contains("5 unread"), "{list}");
    let colours = styled(&app);
    assert!(colours.contains("Công ước Hà Nội: hợp tác"), "{colours}");
    press(&mut app, "Enter");
    let shown = screen(&app);
    assert!(shown.contains("Phiên thảo luận toàn thể"), "{shown}");

    // Again: the validators go back, the server says 304, nothing is stored.
    let again = reader.fetch();
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert!(
        stdout(&again).contains("nothing new (not modified)"),
        "{}",
        stdout(&again)
    );
    // Once to name it when added, once to fetch, once again.
    let rss = server.requests("/vnexpress/thoi-su.rss");
    assert_eq!(rss.len(), 3);
    assert!(!rss[1].headers.contains_key("if-none-match"));
    assert_eq!(
        rss[2].headers.get("if-none-match").map(String::as_str),
        Some("\"v1\"")
    );
    assert!(rss[2].headers.contains_key("if-modified-since"));
    assert_eq!(reader.files(), files, "nothing new was written");
}

#[test]
fn each_feed_fails_alone_with_its_reason_and_the_others_are_stored() {
    let server = papers();
    server.route("/gone.rss", Route::status(404));
    server.route("/broken.rss", Route::status(500));
    server.route(
        "/malformed.rss",
        Route::feed(fixture("vnexpress-thoi-su.rss")),
    );
    server.route(
        "/became-a-page.rss",
        Route::feed(fixture("vnexpress-thoi-su.rss")),
    );
    server.route(
        "/page.html",
        Route::page("<!DOCTYPE html><html><body><p>Trang chủ</p></body></html>"),
    );
    server.route(
        "/slow.rss",
        Route {
            delay: Duration::from_secs(4),
            ..Route::feed(fixture("vnexpress-thoi-su.rss"))
        },
    );
    server.route("/moved.rss", Route::redirect("/tuoitre/phap-luat.json"));
    server.route("/loop-a.rss", Route::redirect("/loop-b.rss"));
    server.route("/loop-b.rss", Route::redirect("/loop-a.rss"));
    server.route(
        "/huge.rss",
        Route::ok("application/rss+xml", vec![b' '; 50_000_000]),
    );
    let reader = Reader::new();
    let good = reader.run(&["feed", "add", &server.url("/tuoitre/phap-luat.json")]);
    assert!(good.status.success(), "{}", stderr(&good));
    // A feed that moved: followed to where it is now, stored once.
    let moved = reader.run(&["feed", "add", &server.url("/moved.rss"), "--name", "moved"]);
    assert!(moved.status.success(), "{}", stderr(&moved));
    for (bad, now) in [
        ("/gone.rss", false),
        ("/broken.rss", false),
        ("/malformed.rss", true),
        ("/became-a-page.rss", true),
        ("/slow.rss", false),
        ("/loop-a.rss", false),
        ("/huge.rss", false),
    ] {
        let added = reader.run(&["feed", "add", &server.url(bad), "--name", bad]);
        assert!(added.status.success(), "{bad}: {}", stderr(&added));
        assert_eq!(
            stderr(&added).contains("subscribed all the same"),
            !now,
            "{bad}: {}",
            stderr(&added)
        );
    }
    let page = reader.run(&["feed", "add", &server.url("/page.html")]);
    assert!(!page.status.success());
    assert!(
        stderr(&page).contains("is a web page that names no feed"),
        "{}",
        stderr(&page)
    );
    // Feeds that were fine when added and broke since.
    server.route(
        "/malformed.rss",
        Route::feed("<rss version=\"2.0\"><channel><title>x</title><item><title>a</item>"),
    );
    server.route(
        "/became-a-page.rss",
        Route::page("<!DOCTYPE html><html><body>Đăng nhập Wi-Fi</body></html>"),
    );

    let fetched = reader.fetch();
    assert_eq!(fetched.status.code(), Some(2), "{}", stdout(&fetched));
    let lines = stdout(&fetched);
    for (name, why) in [
        ("/gone.rss", "the server answered 404"),
        ("/broken.rss", "the server answered 500"),
        ("/malformed.rss", "not a feed: unable to parse XML"),
        ("/became-a-page.rss", "a web page, not a feed"),
        ("/slow.rss", "no answer in time"),
        ("/loop-a.rss", "too many redirects"),
        ("/huge.rss", "the answer is larger than 10 MB"),
    ] {
        assert!(
            lines.contains(&format!("✗ {name}: {why}")),
            "{name}: {lines}"
        );
    }
    assert!(
        lines.contains("✓ Tuổi Trẻ - Pháp luật: one new article"),
        "{lines}"
    );
    assert!(lines.contains("✓ moved: one new article"), "{lines}");
    assert_eq!(reader.files().len(), 2, "{:?}", reader.files());

    let list = stdout(&reader.run(&["feed", "list"]));
    assert!(
        list.contains("last error: the server answered 404"),
        "{list}"
    );
    assert!(list.contains("last error: no answer in time"), "{list}");
    assert!(list.contains("one new article"), "{list}");
}

#[test]
fn an_article_page_that_fails_is_tried_again_next_time_and_an_item_without_title_or_date_is_kept() {
    let server = Server::start();
    let rss = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Dân Trí</title>
<item><title>Bài chưa có</title><link>{base}/later.html</link><guid>later</guid>
<description>Một câu.</description></item>
<item><description>Tin vắn không có tiêu đề cũng không có ngày: Hà Nội trời mưa nhẹ cả ngày.</description><guid>no-title</guid></item>
</channel></rss>"#;
    server.route("/dantri.rss", Route::feed(rss));
    let reader = Reader::new();
    assert!(
        reader
            .run(&["feed", "add", &server.url("/dantri.rss")])
            .status
            .success()
    );

    let first = reader.fetch();
    assert_eq!(first.status.code(), Some(2));
    assert!(
        stdout(&first).contains("✗ Dân Trí: one article not fetched (tried again next time): the server answered 404 (1 stored)"),
        "{}",
        stdout(&first)
    );
    let files = reader.files();
    assert_eq!(files.len(), 1, "{files:?}");
    let (name, text) = &files[0];
    assert!(name.starts_with("Dân Trí/"), "{name}");
    assert!(
        text.contains(" Tin vắn không có tiêu đề cũng không có ngày: Hà Nội…\n"),
        "{text}"
    );

    server.route(
        "/later.html",
        Route::page(fixture("vnexpress-article.html")),
    );
    // The feed has not changed (it would answer "not modified"); the item the page failed
    // for is fetched all the same, the feed asked for whole.
    let second = reader.fetch();
    let asked = server.requests("/dantri.rss");
    assert!(
        asked
            .last()
            .is_some_and(|r| !r.headers.contains_key("if-none-match")),
        "{asked:?}"
    );
    assert_eq!(second.status.code(), Some(0), "{}", stdout(&second));
    assert!(
        stdout(&second).contains("one new article"),
        "{}",
        stdout(&second)
    );
    assert_eq!(reader.files().len(), 2);
}

#[test]
fn a_file_the_user_made_is_never_overwritten() {
    let server = papers();
    let reader = Reader::new();
    let added = reader.run(&[
        "feed",
        "add",
        &server.url("/tuoitre/phap-luat.json"),
        "--section",
        "Tuổi Trẻ",
    ]);
    assert!(added.status.success());
    let mine = reader
        .archive()
        .join("Tuổi Trẻ/2025-10-27-cong-uoc-ha-noi-hop-tac-toan-cau-chong-toi-pham-mang.md");
    std::fs::create_dir_all(mine.parent().expect("a folder")).expect("made");
    std::fs::write(&mine, "date 2025-10-27 Ghi chú của tôi\n\nĐừng xoá.\n").expect("written");
    assert!(reader.fetch().status.success());
    assert_eq!(
        std::fs::read_to_string(&mine).expect("still there"),
        "date 2025-10-27 Ghi chú của tôi\n\nĐừng xoá.\n"
    );
    let files = reader.files();
    assert_eq!(files.len(), 2, "{files:?}");
    assert!(
        files.iter().any(|(name, _)| name.ends_with("-mang-2.md")),
        "{files:?}"
    );
}

#[test]
fn a_page_that_names_its_feed_subscribes_to_it_and_remove_keeps_the_articles() {
    let server = papers();
    server.route(
        "/vnexpress",
        Route::page(
            r#"<html><head><link rel="alternate" type="application/rss+xml" title="Thời sự" href="/vnexpress/thoi-su.rss"></head><body>VnExpress</body></html>"#,
        ),
    );
    let reader = Reader::new();
    let added = reader.run(&["feed", "add", &server.url("/vnexpress")]);
    assert!(added.status.success(), "{}", stderr(&added));
    assert!(
        stderr(&added).contains("the page names a feed"),
        "{}",
        stderr(&added)
    );
    assert!(
        stdout(&added).contains("subscribed to Thời sự - VnExpress RSS"),
        "{}",
        stdout(&added)
    );
    let again = reader.run(&["feed", "add", &server.url("/vnexpress/thoi-su.rss")]);
    assert!(!again.status.success());
    assert!(
        stderr(&again).contains("already subscribed"),
        "{}",
        stderr(&again)
    );
    assert!(reader.fetch().status.success());
    let removed = reader.run(&["feed", "remove", "Thời sự - VnExpress RSS"]);
    assert!(removed.status.success(), "{}", stderr(&removed));
    assert_eq!(reader.files().len(), 2, "the articles stay");
    let listed = reader.run(&["feed", "list"]);
    assert!(
        stderr(&listed).contains("no feeds yet"),
        "{}",
        stderr(&listed)
    );
    let fetch = reader.fetch();
    assert!(!fetch.status.success());
    assert!(
        stderr(&fetch).contains("no feeds to fetch"),
        "{}",
        stderr(&fetch)
    );
}

#[test]
fn opml_goes_out_and_comes_back_with_sections() {
    let server = papers();
    let reader = Reader::new();
    subscribe(&reader, &server);
    let exported = reader.run(&["feed", "export"]);
    assert!(exported.status.success());
    let opml = stdout(&exported);
    assert!(opml.starts_with("<?xml"), "{opml}");
    assert!(opml.contains("<opml version=\"2.0\">"), "{opml}");
    let file = reader.scratch.path().join("feeds.opml");
    std::fs::write(&file, &opml).expect("written");

    let other = Reader::new();
    let imported = other.run(&["feed", "import", file.to_str().expect("UTF-8")]);
    assert!(imported.status.success(), "{}", stderr(&imported));
    assert!(
        stdout(&imported).contains("3 feeds added, 0 already there"),
        "{}",
        stdout(&imported)
    );
    let list = stdout(&other.run(&["feed", "list"]));
    assert!(
        list.contains("Thời sự - VnExpress RSS  [VnExpress]"),
        "{list}"
    );
    assert!(list.contains("[Tuổi Trẻ]"), "{list}");
    let twice = other.run(&["feed", "import", file.to_str().expect("UTF-8")]);
    assert!(
        stdout(&twice).contains("0 feeds added, 3 already there"),
        "{}",
        stdout(&twice)
    );
}

#[test]
fn a_saved_web_page_reads_as_an_article() {
    let reader = Reader::new();
    let folder = reader.archive();
    std::fs::create_dir_all(&folder).expect("made");
    std::fs::write(
        folder.join("ket-tinh.html"),
        fixture("thanhnien-article-1258.html"),
    )
    .expect("written");
    let shown = reader.run(&[
        "show",
        "ket-tinh",
        folder.to_str().expect("UTF-8"),
        "--width",
        "80",
    ]);
    assert!(shown.status.success(), "{}", stderr(&shown));
    let text = stdout(&shown);
    assert!(
        text.starts_with(
            "Kết tinh của sự kiên trì, trí tuệ và lòng tin giữa các quốc gia\n2025-10-26"
        ),
        "{text}"
    );
    assert!(
        text.contains("Công ước Hà Nội gửi đi 3 thông điệp rõ ràng"),
        "{text}"
    );
    assert!(!text.contains("Trang chủ") && !text.contains("<"), "{text}");
    let catalog = Arc::new(Catalog::open(&folder).expect("opens"));
    let mut app = app_with(catalog, 100, 30);
    press(&mut app, "Enter");
    let mut scroll_to = |text: &str| {
        for _ in 0..8 {
            if screen(&app).contains(text) {
                break;
            }
            press(&mut app, "Space");
        }
        styled(&app)
    };
    let colours = scroll_to("Công ước Hà Nội gửi đi 3 thông điệp rõ ràng");
    let heading = style_at(&colours, "Công ước Hà Nội gửi đi 3 thông điệp rõ ràng");
    let body = style_at(&colours, "Theo Chủ tịch nước Lương Cường");
    assert_ne!(
        heading, body,
        "the heading is drawn as a heading:\n{colours}"
    );
    let colours = scroll_to("Tổng Bí thư Tô Lâm tiếp");
    let body = style_at(&colours, "Chủ tịch nước cho rằng 3 thông điệp");
    let caption = style_at(&colours, "Tổng Bí thư Tô Lâm tiếp");
    assert_ne!(
        caption, body,
        "the caption is drawn as a caption:\n{colours}"
    );
}

/// The style letter of the first cell of `needle` on a [`styled`] screen.
fn style_at(colours: &str, needle: &str) -> char {
    let lines: Vec<&str> = colours.lines().collect();
    let row = lines
        .iter()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle} is on screen:\n{colours}"));
    let column = lines[row][..lines[row].find(needle).expect("found")]
        .chars()
        .count();
    lines[row + 1].chars().nth(column).unwrap_or(' ')
}

#[test]
fn r_in_the_reader_fetches_into_the_folder_open_and_says_how_it_went() {
    let server = papers();
    let reader = Reader::new();
    let added = reader.run(&["feed", "add", &server.url("/vnexpress/thoi-su.rss")]);
    assert!(added.status.success(), "{}", stderr(&added));
    let archive = reader.archive();
    std::fs::create_dir_all(&archive).expect("made");
    std::fs::write(
        archive.join("cu.txt"),
        "date 2025-10-01 Bài cũ\n\nĐã có từ trước.\n",
    )
    .expect("written");
    let catalog = Arc::new(Catalog::open(&archive).expect("opens"));
    let mut app = crate::common::app_in(&reader.data(), catalog, 100, 30);
    press(&mut app, "R");
    let shown = screen(&app);
    assert!(shown.contains("2 new articles (one feed)"), "{shown}");
    assert_eq!(reader.files().len(), 3);
    press(&mut app, "R");
    assert!(
        screen(&app).contains("no new articles (one feed)"),
        "{}",
        screen(&app)
    );
    let help = {
        press(&mut app, "?");
        screen(&app)
    };
    assert!(help.contains("fetch the feeds into this folder"), "{help}");
}

#[test]
fn http_proxy_is_used_and_no_proxy_is_honoured() {
    let server = papers();
    // A host no resolver knows: only the proxy can answer for it.
    server.route(
        "http://tin.example/thoi-su.rss",
        Route::feed(fixture("vnexpress-thoi-su.rss")),
    );
    let reader = Reader::new();
    let run = |args: &[&str], no_proxy: &str| {
        crate::common::docbao(reader.scratch.path())
            .args(["--lang", "en"])
            .args(args)
            .env("DOCBAO_DATA_DIR", reader.data())
            .env("HTTP_PROXY", &server.base)
            .env("NO_PROXY", no_proxy)
            .env_remove("ALL_PROXY")
            .env_remove("all_proxy")
            .env_remove("http_proxy")
            .env_remove("no_proxy")
            .output()
            .expect("docbao runs")
    };
    let added = run(&["feed", "add", "http://tin.example/thoi-su.rss"], "");
    assert!(added.status.success(), "{}", stderr(&added));
    assert!(
        stdout(&added).contains("Thời sự - VnExpress RSS"),
        "{}",
        stdout(&added)
    );
    assert_eq!(server.requests("http://tin.example/thoi-su.rss").len(), 1);
    // The articles' pages are on 127.0.0.1, which NO_PROXY sends straight there.
    let archive = reader.archive();
    let fetched = run(
        &["fetch", "--into", archive.to_str().expect("UTF-8")],
        "127.0.0.1",
    );
    assert_eq!(fetched.status.code(), Some(0), "{}", stdout(&fetched));
    assert_eq!(server.requests("http://tin.example/thoi-su.rss").len(), 2);
    assert_eq!(server.requests("/vnexpress/hon-60-quoc-gia.html").len(), 1);
    assert!(
        server
            .all_requests()
            .iter()
            .all(|r| !r.path.starts_with("http://127.0.0.1")),
        "no request for this machine went through the proxy"
    );
}

#[test]
fn subscribing_again_or_losing_what_was_remembered_stores_no_copies() {
    let server = papers();
    let reader = Reader::new();
    let url = server.url("/vnexpress/thoi-su.rss");
    assert!(
        reader
            .run(&["feed", "add", &url, "--name", "VnExpress"])
            .status
            .success()
    );
    assert!(reader.fetch().status.success());
    let files = reader.files();
    assert_eq!(files.len(), 2, "{files:?}");
    // Unsubscribed and subscribed again: nothing new, nothing numbered `-2`.
    assert!(
        reader
            .run(&["feed", "remove", "vnexpress"])
            .status
            .success()
    );
    assert!(
        reader
            .run(&["feed", "add", &url, "--name", "VnExpress"])
            .status
            .success()
    );
    let again = reader.fetch();
    assert!(
        stdout(&again).contains("✓ VnExpress: nothing new"),
        "{}",
        stdout(&again)
    );
    assert_eq!(reader.files(), files);
    // A fetch cut short before it remembered anything (the file of subscriptions gone with
    // it): the articles it wrote are found by their bytes, or, changed by the user since, by
    // the address they came from.
    let (name, text) = &files[0];
    let edited = text.replace("\n\n", "\n\nGhi chú của tôi.\n\n");
    std::fs::write(reader.archive().join(name), &edited).expect("edited");
    std::fs::remove_file(reader.data().join("feeds.json")).expect("removed");
    assert!(
        reader
            .run(&["feed", "add", &url, "--name", "VnExpress"])
            .status
            .success()
    );
    let third = reader.fetch();
    assert!(
        stdout(&third).contains("✓ VnExpress: nothing new"),
        "{}",
        stdout(&third)
    );
    let now = reader.files();
    assert_eq!(now.len(), files.len(), "{now:?}");
    assert_eq!(now[0], (name.clone(), edited));
}

#[test]
fn feed_names_are_composed_one_of_a_kind_and_found_as_typed() {
    use unicode_normalization::UnicodeNormalization;
    let server = Server::start();
    let rss: String = String::from_utf8(fixture("vnexpress-thoi-su.rss"))
        .expect("UTF-8")
        .replace("Thời sự - VnExpress RSS", "Bản tin sáng")
        .nfd()
        .collect();
    server.route("/nfd.rss", Route::feed(rss));
    let reader = Reader::new();
    let added = reader.run(&["feed", "add", &server.url("/nfd.rss")]);
    assert!(added.status.success(), "{}", stderr(&added));
    assert!(
        stdout(&added).contains("subscribed to Bản tin sáng"),
        "{}",
        stdout(&added)
    );
    let list = stdout(&reader.run(&["feed", "list"]));
    assert!(
        list.contains("Bản tin sáng  [Bản tin sáng]"),
        "composed: {list:?}"
    );
    // A second feed of that name is refused; so is no command at all.
    let twice = reader.run(&[
        "feed",
        "add",
        &server.url("/nfd.rss?b=2"),
        "--name",
        "bản tin sáng",
    ]);
    assert!(!twice.status.success());
    assert!(
        stderr(&twice).contains("a feed is called Bản tin sáng already"),
        "{}",
        stderr(&twice)
    );
    // The same address with tracking parameters or a fragment is the same feed.
    for same in ["/nfd.rss?utm_source=x", "/nfd.rss#top"] {
        let again = reader.run(&["feed", "add", &server.url(same), "--name", "Lần hai"]);
        assert!(!again.status.success());
        assert!(
            stderr(&again).contains("already subscribed, as Bản tin sáng"),
            "{}",
            stderr(&again)
        );
    }
    let bare = reader.run(&["feed"]);
    assert_eq!(bare.status.code(), Some(2));
    assert!(stderr(&bare).contains("remove"), "{}", stderr(&bare));
    let removed = reader.run(&["feed", "remove", "Bản tin sáng"]);
    assert!(removed.status.success(), "{}", stderr(&removed));
}

#[test]
fn a_host_that_stops_answering_holds_up_one_page_not_every_page() {
    let server = Server::start();
    let items: String = (1..=4)
        .map(|n| {
            format!(
                "<item><title>Bài {n}</title><link>{{base}}/cham-{n}.html</link><guid>{n}</guid><description>Một câu.</description></item>"
            )
        })
        .collect();
    server.route(
        "/cham.rss",
        Route::feed(format!(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Chậm</title>{items}</channel></rss>"
        )),
    );
    for n in 1..=4 {
        server.route(
            &format!("/cham-{n}.html"),
            Route {
                delay: Duration::from_secs(4),
                ..Route::page(fixture("vnexpress-article.html"))
            },
        );
    }
    let reader = Reader::new();
    assert!(
        reader
            .run(&["feed", "add", &server.url("/cham.rss")])
            .status
            .success()
    );
    let fetched = reader.fetch();
    assert_eq!(fetched.status.code(), Some(2));
    assert!(
        stdout(&fetched)
            .contains("✗ Chậm: 4 articles not fetched (tried again next time): no answer in time"),
        "{}",
        stdout(&fetched)
    );
    let pages = (1..=4)
        .map(|n| server.requests(&format!("/cham-{n}.html")).len())
        .sum::<usize>();
    assert_eq!(pages, 1, "the other pages wait for the next fetch");
}

#[test]
fn an_unreadable_feeds_file_is_kept_aside_and_said() {
    let reader = Reader::new();
    std::fs::create_dir_all(reader.data()).expect("made");
    std::fs::write(reader.data().join("feeds.json"), "{ pas du JSON").expect("written");
    let fetched = reader.fetch();
    assert_eq!(fetched.status.code(), Some(2));
    assert!(
        stderr(&fetched).contains("it was kept as"),
        "{}",
        stderr(&fetched)
    );
    let kept: Vec<String> = std::fs::read_dir(reader.data())
        .expect("listed")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|n| n.starts_with("feeds.json.corrupt-"))
        .collect();
    assert_eq!(kept.len(), 1, "kept, not lost");
    let text = std::fs::read_to_string(reader.data().join(&kept[0])).expect("read");
    assert_eq!(text, "{ pas du JSON");
}

#[test]
fn a_section_names_all_its_feeds_and_feeds_named_by_their_address_are_one_of_a_kind() {
    let server = papers();
    let reader = Reader::new();
    for path in ["/vnexpress/thoi-su.rss", "/tuoitre/phap-luat.json"] {
        let added = reader.run(&["feed", "add", &server.url(path), "--section", "Chung"]);
        assert!(added.status.success(), "{}", stderr(&added));
    }
    // `fetch SECTION` fetches every feed of it.
    let archive = reader.archive().to_string_lossy().into_owned();
    let fetched = reader.run(&["fetch", "chung", "--into", &archive]);
    let said = stdout(&fetched);
    assert!(said.contains("✓ Tuổi Trẻ - Pháp luật:"), "{said}");
    assert!(said.contains("✓ Thời sự - VnExpress RSS:"), "{said}");
    // Removing by a section of two feeds is refused: which one is for the user to say.
    let removed = reader.run(&["feed", "remove", "chung"]);
    assert!(!removed.status.success());
    assert!(
        stderr(&removed).contains("Chung is the section of several feeds"),
        "{}",
        stderr(&removed)
    );
    assert_eq!(feed_count(&reader), 2);
    // Two feeds that cannot be reached now, on one host: each named by its address.
    for path in ["/a.rss", "/b.rss"] {
        let added = reader.run(&["feed", "add", &format!("http://127.0.0.1:9{path}")]);
        assert!(added.status.success(), "{}", stderr(&added));
        assert!(
            stdout(&added).contains(&format!("subscribed to 127.0.0.1{path}")),
            "{}",
            stdout(&added)
        );
        assert!(
            stderr(&added).contains("subscribed all the same"),
            "{}",
            stderr(&added)
        );
    }
    assert_eq!(feed_count(&reader), 4);
}

fn feed_count(reader: &Reader) -> usize {
    let listed = stdout(&reader.run(&["feed", "list", "--json"]));
    let feeds: serde_json::Value = serde_json::from_str(&listed).expect("JSON");
    feeds.as_array().map_or(0, Vec::len)
}
