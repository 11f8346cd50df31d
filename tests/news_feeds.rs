//! Feeds in the real binary, in a real terminal: `R` fetches while the folder is open, and
//! the new articles come in through the live folder, unread, under their feeds' sections.

use crate::common::pty::Session;
use crate::common::server::papers;

#[test]
fn r_fetches_and_the_new_articles_come_in_unread_under_their_sections() {
    let server = papers();
    let cwd = tempfile::tempdir().expect("a temporary folder");
    let news = cwd.path().join("news");
    std::fs::create_dir_all(&news).expect("made");
    std::fs::write(
        news.join("cu.txt"),
        "date 2025-10-01 Bài cũ\n\nĐã có từ trước.\n",
    )
    .expect("written");
    for (path, section) in [
        ("/vnexpress/thoi-su.rss", "VnExpress"),
        ("/tuoitre/phap-luat.json", "Tuổi Trẻ"),
    ] {
        let added = std::process::Command::new(env!("CARGO_BIN_EXE_docbao"))
            .args([
                "--lang",
                "en",
                "feed",
                "add",
                &server.url(path),
                "--section",
                section,
            ])
            .env("DOCBAO_DATA_DIR", cwd.path().join("data"))
            .env_remove("HTTP_PROXY")
            .env_remove("http_proxy")
            .env_remove("ALL_PROXY")
            .output()
            .expect("docbao runs");
        assert!(
            added.status.success(),
            "{}",
            String::from_utf8_lossy(&added.stderr)
        );
    }
    let mut s = Session::start_in("news", 100, 30, &[], cwd.path());
    s.wait_for("the list", |screen| screen.contains("Articles (1)"));
    s.send("R");
    let shown = s.wait_for("the new articles", |screen| {
        screen.contains("Articles (4)") && screen.contains("3 new articles (2 feeds)")
    });
    for section in ["VnExpress", "Tuổi Trẻ"] {
        assert!(shown.contains(section), "{shown}");
    }
    assert!(shown.contains("4 unread"), "{shown}");
    s.send("R");
    s.wait_for("nothing new", |screen| {
        screen.contains("no new articles (2 feeds)")
    });
    s.send("q");
    s.finish();
}
