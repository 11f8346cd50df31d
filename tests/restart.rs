//! What a restart gives back, through the real data folder: the list as it was left (folded
//! sections, the unread view, its search), the searches typed, and the place in an article
//! at the row, with the passage cursor where it was.

use std::sync::Arc;

use crate::common;
use common::{Harness, press, type_text};
use docbao::catalog::Catalog;

/// The nested fixture in `news`, its reader's data in `data`.
fn open(news: &std::path::Path, data: &std::path::Path, width: u16, height: u16) -> Harness {
    let catalog = Arc::new(Catalog::open(news).unwrap());
    common::app_in(data, catalog, width, height)
}

/// The line being typed, if a prompt is open.
fn prompt_text(app: &Harness) -> Option<String> {
    match app.screen() {
        docbao::app::Screen::Prompt(p) => Some(p.prompt().text.clone()),
        _ => None,
    }
}

/// The sections folded to their headers, by name.
fn folded(app: &Harness) -> Vec<String> {
    (0..app.list_len())
        .filter_map(|p| app.shown_entry(p, false)?.header.cloned())
        .filter(|s| s.folded)
        .map(|s| s.name)
        .collect()
}

/// A folder with one long article of twelve paragraphs, each many rows at 60 columns.
fn long_article() -> tempfile::TempDir {
    let news = tempfile::tempdir().unwrap();
    let long: Vec<String> = (0..12)
        .map(|i| {
            format!(
                "Đoạn {i}: {}",
                "một câu dài về tin tức hôm nay. ".repeat(12)
            )
        })
        .collect();
    std::fs::write(
        news.path().join("dai.txt"),
        format!("date 2025-01-01 Bài dài\n\n{}\n", long.join("\n\n")),
    )
    .unwrap();
    news
}

/// Quits as the user does, so that what waits to be written is written.
fn quit(mut app: Harness) {
    press(&mut app, "q");
    assert!(app.should_quit());
}

#[test]
fn the_list_comes_back_folded_filtered_and_searched_as_it_was_left() {
    let news = tempfile::tempdir().unwrap();
    common::nested::generate(news.path());
    let data = tempfile::tempdir().unwrap();
    let mut app = open(news.path(), data.path(), 100, 30);
    // Fold the first section, list only unread, and search the list.
    press(&mut app, "z");
    let folded = folded(&app);
    assert_eq!(folded.len(), 1);
    press(&mut app, "u");
    assert!(app.list().unread_only());
    press(&mut app, "/");
    type_text(&mut app, "bai so");
    press(&mut app, "Enter Esc");
    // A second search in place of the first.
    press(&mut app, "/ C-u");
    type_text(&mut app, "kinh te");
    press(&mut app, "Enter");
    let filtered = app.list().filter().map(|f| f.query().text.clone());
    assert_eq!(filtered.as_deref(), Some("kinh te"));
    quit(app);

    let mut again = open(news.path(), data.path(), 100, 30);
    assert!(again.list().unread_only(), "the unread view");
    assert_eq!(
        again.list().filter().map(|f| f.query().text.clone()),
        filtered,
        "the list's search"
    );
    // The search runs again: its results come in and filter the list.
    let effects = again.take_effects();
    again.run(effects);
    assert!(again.list().hits().is_some(), "the search ran again");
    // The search's first article was open: back in the list, a new search, where Ctrl-P
    // brings back the searches typed last time, newest first.
    assert_eq!(again.mode(), docbao::app::Mode::Reader);
    press(&mut again, "Esc / C-u C-p");
    assert_eq!(prompt_text(&again).as_deref(), Some("kinh te"));
    press(&mut again, "C-p");
    assert_eq!(prompt_text(&again).as_deref(), Some("bai so"));
    // Without the search, the sections as they were.
    press(&mut again, "Esc Esc");
    assert!(again.list().filter().is_none());
    let folded_again = self::folded(&again);
    assert_eq!(folded_again, folded, "the folded section");
}

#[test]
fn nothing_left_as_it_was_keeps_the_state_file_small() {
    let news = tempfile::tempdir().unwrap();
    common::nested::generate(news.path());
    let data = tempfile::tempdir().unwrap();
    let mut app = open(news.path(), data.path(), 100, 30);
    press(&mut app, "z z");
    quit(app);
    let state = std::fs::read_to_string(data.path().join("state.json")).unwrap();
    assert!(!state.contains("listing"), "{state}");
}

#[test]
fn an_article_comes_back_at_the_row_it_was_left_with_the_cursor_on_its_passage() {
    let news = long_article();
    let data = tempfile::tempdir().unwrap();
    let mut app = open(news.path(), data.path(), 60, 20);
    press(&mut app, "Enter");
    // Down a paragraph and into it by rows: the top row is inside paragraph 3.
    press(&mut app, "} } } j j");
    let scroll = app.reader().scroll();
    let page = app.reader().page().unwrap().clone();
    let top = page.rows[scroll].block;
    assert!(
        top.is_some() && page.rows[scroll - 1].block == top,
        "the top row is not its paragraph's first"
    );
    press(&mut app, "}");
    let cursor = app.reader().cursor();
    let scroll = app.reader().scroll();
    quit(app);

    let mut again = open(news.path(), data.path(), 60, 20);
    let effects = again.take_effects();
    again.run(effects);
    assert_eq!(
        again.reader().scroll(),
        scroll,
        "at the row, not the paragraph"
    );
    assert_eq!(again.reader().cursor(), cursor, "the cursor on its passage");
}

#[test]
fn with_the_list_search_kept_the_article_comes_back_where_it_was_left_not_at_the_match() {
    let news = long_article();
    let data = tempfile::tempdir().unwrap();
    let mut app = open(news.path(), data.path(), 60, 20);
    press(&mut app, "/");
    type_text(&mut app, "tin tuc");
    press(&mut app, "Enter");
    press(&mut app, "} } } j j");
    let scroll = app.reader().scroll();
    assert!(scroll > 10);
    quit(app);

    let mut again = open(news.path(), data.path(), 60, 20);
    let effects = again.take_effects();
    again.run(effects);
    assert!(again.list().filter().is_some(), "the search kept");
    assert_eq!(again.reader().scroll(), scroll, "where it was left");
}

#[test]
fn a_blank_row_at_the_top_comes_back_at_the_top() {
    let news = long_article();
    let data = tempfile::tempdir().unwrap();
    let mut app = open(news.path(), data.path(), 60, 20);
    press(&mut app, "Enter } } }");
    // Up a row from a paragraph's start: the blank row before it is at the top.
    press(&mut app, "k");
    let scroll = app.reader().scroll();
    let page = app.reader().page().unwrap().clone();
    assert_eq!(page.rows[scroll].block, None, "a blank row at the top");
    quit(app);

    let mut again = open(news.path(), data.path(), 60, 20);
    let effects = again.take_effects();
    again.run(effects);
    assert_eq!(again.reader().scroll(), scroll);
}
