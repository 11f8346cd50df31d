//! A live folder: files added, changed and removed while docbao runs, in a real
//! pseudo-terminal, watched by the system's notifications and by looking every second; and
//! what the reader does with a catalog that changed under it.

mod common;

use std::fs;
use std::path::Path;
use std::sync::Arc;

use common::press;
use common::pty::Session;
use docbao::action::Action;
use docbao::catalog::Catalog;
use docbao::catalog::indexer::Progress;

/// The nested fixture in `cwd/news`; returns the folder.
fn news_in(cwd: &Path) -> std::path::PathBuf {
    let news = cwd.join("news");
    common::nested::generate(&news);
    news
}

/// The top row of the screen: the list's and the reader's titles.
fn top(screen: &str) -> String {
    screen.lines().next().unwrap_or_default().to_owned()
}

/// Adds, changes and removes files under a running docbao, watched as `watch` says.
fn live_session(watch: &str) {
    let cwd = tempfile::tempdir().unwrap();
    let news = news_in(cwd.path());
    let mut s = Session::start_in("news", 100, 30, &[("DOCBAO_WATCH", watch)], cwd.path());
    s.wait_for("the list", |screen| screen.contains("Articles (48)"));
    // The second article of the newest day, read a few paragraphs in.
    s.send("j\r}}");
    let shown = s.wait_for("the reader", |screen| top(screen).contains("2/48 · "));
    let headline = top(&shown)
        .split("2/48 · ")
        .nth(1)
        .unwrap()
        .split(" ─")
        .next()
        .unwrap()
        .to_owned();
    let headline = headline.trim().to_owned();
    let open = fs::read_dir(news.join("2025/10/27"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            fs::read_to_string(p)
                .unwrap()
                .lines()
                .next()
                .unwrap()
                .ends_with(&headline)
        })
        .unwrap_or_else(|| panic!("no file of 2025/10/27 is headed {headline}"));
    let text = fs::read_to_string(&open).unwrap();
    // A paragraph the reader shows, to find again after the article changes.
    let passage: String = shown.lines().nth(5).unwrap().chars().skip(40).collect();
    let passage = passage
        .trim()
        .trim_matches(|c| c == '│' || c == '║' || c == '█')
        .trim()
        .to_owned();
    assert!(passage.len() > 10, "{shown}");

    // Added: a new day, listed first, and the article read stays where it was.
    fs::create_dir_all(news.join("2025/10/28")).unwrap();
    fs::write(
        news.join("2025/10/28/moi.txt"),
        "date 2025-10-28 Tin mới nhất trong ngày\n\nNội dung mới.\n",
    )
    .unwrap();
    let screen = s.wait_for("the new article", |screen| screen.contains("Articles (49)"));
    assert!(top(&screen).contains(&headline), "{screen}");
    s.send("\t");
    let screen = s.wait_for("the list", |screen| screen.contains("▾ 2025/10/28 · 1"));
    assert!(
        top(&screen).contains("3/49"),
        "the same article, now third: {screen}"
    );
    s.send("\t");

    // Changed: the open article gets a new headline and a paragraph at its top; the reader
    // shows it at the same passage.
    let changed = text.replacen(&headline, "Tiêu đề đã sửa", 1).replacen(
        "\n\n",
        "\n\nMột đoạn mới ở đầu bài, thêm vào khi đang đọc.\n\n",
        1,
    );
    fs::write(&open, changed).unwrap();
    let screen = s.wait_for("the changed article", |screen| {
        top(screen).contains("Tiêu đề đã sửa")
    });
    assert!(
        screen.contains(&passage),
        "{passage} no longer in view:\n{screen}"
    );

    // Removed: it stays open, saying so, until the user moves away.
    fs::remove_file(&open).unwrap();
    let screen = s.wait_for("the removed article", |screen| {
        screen.contains("Articles (48)")
    });
    assert!(
        top(&screen).contains("removed · Tiêu đề đã sửa"),
        "{screen}"
    );
    assert!(
        screen.contains("article removed from the folder"),
        "{screen}"
    );
    assert!(screen.contains(&passage), "still readable:\n{screen}");
    s.send("]");
    let screen = s.wait_for("the next article", |screen| {
        !top(screen).contains("removed")
    });
    // Renamed, it was the last of its day: the next is the first of the day before.
    assert!(
        top(&screen).contains("5/48 · Bài số 25"),
        "the one after it: {screen}"
    );
    s.send("q");
    s.finish();
}

#[test]
fn a_folder_watched_by_notifications_is_live() {
    live_session("notify");
}

#[test]
fn a_folder_looked_at_every_second_is_live() {
    live_session("poll");
}

/// The nested fixture as the app sees it after `change` is made to its files.
fn catalog_after(dir: &Path, change: impl FnOnce(&Path)) -> Arc<Catalog> {
    change(dir);
    Arc::new(Catalog::open(dir).unwrap())
}

/// The nested fixture, opened at 100x30, and its folder.
fn nested_app() -> (tempfile::TempDir, common::Harness) {
    let news = tempfile::tempdir().unwrap();
    common::nested::generate(news.path());
    let catalog = Arc::new(Catalog::open(news.path()).unwrap());
    (news, common::app_with(catalog, 100, 30))
}

fn done() -> Progress {
    Progress {
        done: true,
        counted: true,
        ..Progress::default()
    }
}

#[test]
fn a_removed_article_stays_open_until_the_user_moves_away() {
    let (news, mut app) = nested_app();
    press(&mut app, "j Enter } }");
    let id = app.article().unwrap().id.clone();
    let scroll = app.reader().scroll();
    let catalog = catalog_after(news.path(), |dir| {
        fs::remove_file(dir.join(format!("{id}.txt"))).unwrap();
    });
    app.act(Action::CatalogUpdated {
        catalog,
        progress: done(),
    });
    assert!(app.reader().removed());
    assert_eq!(app.article().unwrap().id, id, "still shown");
    assert_eq!(app.reader().scroll(), scroll);
    assert_eq!(
        app.list_position(),
        Some(1),
        "the next one selected in its place"
    );
    let next = app.entry().unwrap().id.clone();
    press(&mut app, "m");
    assert_eq!(app.note(), Some("a removed article cannot be bookmarked"));
    press(&mut app, "j");
    assert_eq!(app.article().unwrap().id, id, "scrolling reads on");
    press(&mut app, "Esc j");
    assert_eq!(
        app.article().unwrap().id,
        next,
        "down: the one that took its place"
    );
    assert!(!app.reader().removed());
}

#[test]
fn files_added_after_indexing_leave_the_selection_where_it_is() {
    let (news, mut app) = nested_app();
    let first = app.entry().unwrap().id.clone();
    let catalog = catalog_after(news.path(), |dir| {
        fs::create_dir_all(dir.join("2025/10/28")).unwrap();
        fs::write(
            dir.join("2025/10/28/moi.txt"),
            "date 2025-10-28 Mới\n\nMới.\n",
        )
        .unwrap();
    });
    app.act(Action::CatalogUpdated {
        catalog,
        progress: done(),
    });
    assert_eq!(app.entry().unwrap().id, first, "not moved to the new first");
    assert_eq!(app.list_position(), Some(1));
}

#[test]
fn an_open_article_changed_on_disk_keeps_its_place_and_its_bookmarks() {
    let (news, mut app) = nested_app();
    press(&mut app, "Enter } } m Enter");
    let id = app.article().unwrap().id.clone();
    let passage = app.passage().unwrap();
    let text = app.article().unwrap().text[passage].to_owned();
    let top = app.reader().page().unwrap().block_at(app.reader().scroll());
    let catalog = catalog_after(news.path(), |dir| {
        let path = dir.join(format!("{id}.txt"));
        let old = fs::read_to_string(&path).unwrap();
        let new = old.replacen("\n\n", "\n\nMột đoạn mới thêm vào đầu bài.\n\n", 1);
        fs::write(&path, new).unwrap();
    });
    app.act(Action::CatalogUpdated {
        catalog,
        progress: done(),
    });
    assert_eq!(app.article().unwrap().id, id);
    assert!(
        app.article().unwrap().text.contains("Một đoạn mới"),
        "read again"
    );
    let now = app.reader().page().unwrap().block_at(app.reader().scroll());
    assert_eq!(now, top.map(|b| b + 1), "the same passage at the top");
    let placed = &app.reader().placed()[0];
    let range = placed.anchor.range().unwrap();
    assert!(matches!(placed.anchor, docbao::bookmarks::Anchor::Moved(_)));
    assert_eq!(
        app.article().unwrap().text[range],
        text,
        "the bookmark re-anchored"
    );
}
