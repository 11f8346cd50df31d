//! Bookmarking as a user does it: key scripts through `App`, with the real files underneath.

mod common;

use std::path::Path;

use common::{bundled, draw, press, type_text};
use docbao::app::{App, Focus, View};
use docbao::bookmarks::BookmarkStore;
use docbao::keymap::Mode;
use docbao::state::StateStore;

fn app_in(dir: &Path, width: u16, height: u16) -> App {
    App::with_storage(
        bundled(),
        (width, height),
        BookmarkStore::open(dir).unwrap(),
        StateStore::open(dir).unwrap(),
    )
}

/// Opens the long article and moves the passage cursor to paragraph `n`.
fn at_paragraph(app: &mut App, n: usize) {
    press(app, "j Enter");
    for _ in 0..n {
        press(app, "}");
    }
    assert_eq!(app.cursor, n);
}

#[test]
fn m_bookmarks_the_current_passage_then_takes_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path(), 100, 30);
    at_paragraph(&mut app, 2);
    press(&mut app, "m");
    assert_eq!(app.mode(), Mode::NotePrompt);
    let article = app.article().unwrap();
    let passage = article.block_text(&article.blocks[2]).to_owned();
    assert_eq!(app.bookmarks.all()[0].quote, passage);
    type_text(&mut app, "ghi chú về đoạn này");
    press(&mut app, "Enter");
    assert_eq!(app.mode(), Mode::Reader);
    let saved = BookmarkStore::open(dir.path()).unwrap();
    assert_eq!(saved.all()[0].note, "ghi chú về đoạn này");
    assert_eq!(saved.all()[0].quote, passage);
    // The passage carries a mark in the gutter.
    let screen = common::screen(&app);
    assert!(screen.contains("✦"), "{screen}");
}

#[test]
fn esc_gives_up_the_note_but_not_the_bookmark() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path(), 100, 30);
    at_paragraph(&mut app, 1);
    press(&mut app, "m");
    type_text(&mut app, "bỏ");
    press(&mut app, "Esc");
    let saved = BookmarkStore::open(dir.path()).unwrap();
    assert_eq!(saved.all().len(), 1);
    assert_eq!(saved.all()[0].note, "");
}

#[test]
fn v_selects_over_paragraphs_and_lines() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path(), 100, 30);
    at_paragraph(&mut app, 1);
    press(&mut app, "v } }");
    let article = app.article().unwrap();
    let (first, third) = (&article.blocks[1], &article.blocks[3]);
    let expected = article.text[first.range.start..third.range.end].to_owned();
    press(&mut app, "m Enter");
    assert_eq!(app.bookmarks.all()[0].quote, expected);
    // Lines: one paragraph and the first line of the next.
    press(&mut app, "v j m Enter");
    let page = app.page.as_ref().unwrap();
    let article = app.article().unwrap();
    let block = &article.blocks[app.cursor];
    let next_row = page
        .rows
        .iter()
        .find(|r| {
            r.pieces
                .first()
                .is_some_and(|p| p.source.start >= block.range.end)
        })
        .unwrap();
    let line_end = next_row.pieces.last().unwrap().source.end;
    assert_eq!(
        app.bookmarks.all()[0].quote,
        article.text[block.range.start..line_end]
    );
    // Esc drops a selection without bookmarking.
    press(&mut app, "v } Esc");
    assert!(app.selection.is_none());
    assert_eq!(app.bookmarks.all().len(), 2);
}

#[test]
fn the_bookmarks_pane_opens_deletes_undoes_edits_and_filters() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path(), 100, 30);
    at_paragraph(&mut app, 1);
    press(&mut app, "m");
    type_text(&mut app, "đầu");
    press(&mut app, "Enter } } } } } } } m");
    type_text(&mut app, "sau");
    press(&mut app, "Enter '");
    assert_eq!(app.mode(), Mode::Bookmarks);
    let notes: Vec<String> = app
        .pane_bookmarks()
        .iter()
        .map(|b| b.note.clone())
        .collect();
    assert_eq!(notes, ["sau", "đầu"], "newest first");
    let screen = common::screen(&app);
    assert!(
        screen.contains("Bookmarks (2)") && screen.contains("“"),
        "{screen}"
    );
    // Enter opens the older one at its passage, highlighted.
    press(&mut app, "j Enter");
    assert_eq!((app.view, app.focus), (View::Main, Focus::Reader));
    let flash = app.flash.clone().expect("passage highlighted");
    let article = app.article().unwrap();
    assert_eq!(
        &article.text[flash.clone()],
        article.block_text(&article.blocks[1])
    );
    let row = app.page.as_ref().unwrap().row_of(flash.start).unwrap();
    assert!(row >= app.scroll && row < app.scroll + app.reader_height());
    // d deletes, u brings it back.
    press(&mut app, "' d");
    assert_eq!(BookmarkStore::open(dir.path()).unwrap().all().len(), 1);
    press(&mut app, "u");
    assert_eq!(BookmarkStore::open(dir.path()).unwrap().all().len(), 2);
    // e edits the note.
    press(&mut app, "g e C-u");
    type_text(&mut app, "mới");
    press(&mut app, "Enter");
    assert_eq!(
        BookmarkStore::open(dir.path()).unwrap().all()[0].note,
        "mới"
    );
    // / filters with the reader's search: accents folded.
    press(&mut app, "/");
    type_text(&mut app, "dau");
    press(&mut app, "Enter");
    let notes: Vec<&str> = app
        .pane_bookmarks()
        .iter()
        .map(|b| b.note.as_str())
        .collect();
    assert_eq!(notes, ["đầu"]);
    press(&mut app, "Esc");
    assert_eq!(app.pane_bookmarks().len(), 2);
    press(&mut app, "Esc");
    assert_eq!(app.view, View::Main);
}

#[test]
fn the_list_counts_bookmarks_and_shows_percent_read() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path(), 100, 30);
    at_paragraph(&mut app, 1);
    press(&mut app, "m Enter Space Esc k");
    let screen = common::screen(&app);
    assert!(screen.contains("1✦"), "{screen}");
    assert!(screen.contains("%"), "{screen}");
    press(&mut app, "j Enter G Esc k");
    let screen = common::screen(&app);
    assert!(screen.contains("· read"), "{screen}");
}

#[test]
fn starting_again_returns_to_where_the_user_was() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path(), 100, 30);
    at_paragraph(&mut app, 6);
    let block = app.page.as_ref().unwrap().block_at(app.scroll);
    press(&mut app, "q");
    assert!(app.should_quit);
    let again = app_in(dir.path(), 100, 30);
    assert_eq!(again.article().unwrap().id, "000_187bee9378cff2a5");
    assert_eq!(again.focus, Focus::Reader);
    assert_eq!(again.page.as_ref().unwrap().block_at(again.scroll), block);
    // At another size, the same paragraph.
    let narrow = app_in(dir.path(), 60, 20);
    assert_eq!(narrow.page.as_ref().unwrap().block_at(narrow.scroll), block);
}

#[test]
fn bookmark_screens() {
    for (width, height) in [(100, 30), (60, 20)] {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app_in(dir.path(), width, height);
        at_paragraph(&mut app, 1);
        press(&mut app, "v }");
        insta::assert_snapshot!(format!("selection_{width}x{height}"), draw(&app).backend());
        press(&mut app, "m");
        type_text(&mut app, "ghi chú");
        insta::assert_snapshot!(
            format!("note_prompt_{width}x{height}"),
            draw(&app).backend()
        );
        press(&mut app, "Enter");
        insta::assert_snapshot!(format!("marked_{width}x{height}"), draw(&app).backend());
        press(&mut app, "'");
        // The creation time is on no screen; ids and times differ run to run.
        insta::assert_snapshot!(
            format!("bookmarks_pane_{width}x{height}"),
            draw(&app).backend()
        );
    }
}
