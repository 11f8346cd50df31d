//! Reading a news folder as newsboat and less readers expect: the end of an article, Space to
//! the next, the headline kept in view, a word for keys that do nothing.

mod common;

use common::{press, screen};
use docbao::app::Focus;

#[test]
fn an_article_ends_with_a_mark_and_space_there_reads_the_next() {
    let mut app = common::app(100, 30);
    press(&mut app, "Enter");
    assert_eq!((app.selected(), app.focus()), (0, Focus::Reader));
    press(&mut app, "G");
    let bottom = screen(&app);
    assert!(bottom.contains("─ end ─"), "{bottom}");
    press(&mut app, "PgDn");
    assert_eq!(app.selected(), 0, "PgDn at the end stays");
    press(&mut app, "Space");
    assert_eq!((app.selected(), app.focus()), (1, Focus::Reader));
    assert_eq!(app.reader().scroll(), 0, "the next article from its top");
    press(&mut app, "Space");
    assert_eq!(app.selected(), 1, "Space pages down before the end");
    assert!(app.reader().scroll() > 0);
    press(&mut app, "G Space");
    assert_eq!(app.selected(), 1, "nothing after the last article");
    assert_eq!(app.note(), Some("this is the last article"));
}

#[test]
fn the_end_mark_is_not_printed_by_show() {
    let catalog = common::bundled();
    let article = catalog.article(0).unwrap();
    let page = docbao::page::Page::layout(&article, 60);
    assert!(page.is_end(page.rows.len() - 1));
    assert!(!page.to_plain_text().contains(" end "));
}

#[test]
fn the_reader_is_titled_by_the_headline_in_both_layouts() {
    for (width, height) in [(100, 30), (60, 20)] {
        let mut app = common::app(width, height);
        press(&mut app, "j Enter G");
        let top = screen(&app).lines().next().unwrap().to_owned();
        assert!(top.contains("2/2 · Kết tinh của sự kiên trì"), "{top}");
        assert!(!top.contains("000_"), "{top}");
    }
}

#[test]
fn a_key_that_does_nothing_says_where_the_keys_are() {
    let mut app = common::app(100, 30);
    press(&mut app, "x");
    assert_eq!(app.note(), Some("x does nothing here · press ? for help"));
    let status = screen(&app).lines().last().unwrap().to_owned();
    assert!(status.contains("x does nothing here"), "{status}");
    press(&mut app, "j");
    assert_eq!(app.note(), None, "the next key clears it");
    press(&mut app, "? x");
    assert_eq!(
        app.note(),
        Some("x does nothing here · Esc closes the help")
    );
    press(&mut app, "Esc / x");
    assert_eq!(app.note(), None, "typed into a prompt, not a mistake");
    press(&mut app, "Esc C-x");
    assert_eq!(
        app.note(),
        Some("Ctrl-X does nothing here · press ? for help")
    );
}
