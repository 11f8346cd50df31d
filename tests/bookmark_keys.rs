//! Bookmarking as a user does it: key scripts through `App`, with the real files underneath.

use crate::common;

use std::path::Path;

use common::{Harness, bundled, press, styled, type_text};
use docbao::app::{Focus, Mode, Screen};
use docbao::bookmarks::BookmarkStore;

fn app_in(dir: &Path, width: u16, height: u16) -> Harness {
    common::app_in(dir, bundled(), width, height)
}

/// Opens the long article and moves the passage cursor to paragraph `n`.
fn at_paragraph(app: &mut Harness, n: usize) {
    press(app, "j Enter");
    for _ in 0..n {
        press(app, "}");
    }
    assert_eq!(app.reader().cursor(), n);
}

fn saved(dir: &Path) -> Vec<docbao::bookmarks::Bookmark> {
    BookmarkStore::open(dir)
        .unwrap()
        .all()
        .into_iter()
        .cloned()
        .collect()
}

fn pane_notes(app: &Harness) -> Vec<String> {
    app.screen()
        .bookmarks_pane()
        .expect("the bookmarks pane")
        .shown()
        .map(|e| e.bookmark.note.clone())
        .collect()
}

#[test]
fn m_asks_for_a_note_then_bookmarks_the_current_passage() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path(), 100, 30);
    at_paragraph(&mut app, 2);
    press(&mut app, "m");
    assert_eq!(app.mode(), Mode::NotePrompt);
    assert!(
        saved(dir.path()).is_empty(),
        "nothing is saved before Enter"
    );
    let article = app.article().unwrap();
    let passage = article.block_text(&article.blocks[2]).to_owned();
    type_text(&mut app, "ghi chú về đoạn này");
    press(&mut app, "Enter");
    assert_eq!(app.mode(), Mode::Reader);
    assert_eq!(app.note(), Some("bookmarked, with a note"));
    let saved = saved(dir.path());
    assert_eq!(saved[0].note, "ghi chú về đoạn này");
    assert_eq!(saved[0].quote, passage);
    // The passage carries a mark in the gutter.
    let screen = common::screen(&app);
    assert!(screen.contains("✦"), "{screen}");
}

#[test]
fn esc_gives_up_a_new_bookmark_and_enter_saves_it_without_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path(), 100, 30);
    at_paragraph(&mut app, 1);
    press(&mut app, "m");
    type_text(&mut app, "bỏ");
    press(&mut app, "Esc");
    assert!(saved(dir.path()).is_empty());
    assert!(app.bookmarks().all().is_empty());
    assert_eq!(app.note(), Some("bookmark cancelled"));
    press(&mut app, "m Enter");
    assert_eq!(app.note(), Some("bookmarked"));
    let saved = saved(dir.path());
    assert_eq!((saved.len(), saved[0].note.as_str()), (1, ""));
}

#[test]
fn v_selects_over_paragraphs_and_lines() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path(), 100, 30);
    at_paragraph(&mut app, 1);
    press(&mut app, "v");
    assert_eq!(app.mode(), Mode::Selecting);
    press(&mut app, "} }");
    let article = app.article().unwrap();
    let (first, third) = (&article.blocks[1], &article.blocks[3]);
    let expected = article.text[first.range.start..third.range.end].to_owned();
    press(&mut app, "m Enter");
    assert_eq!(app.bookmarks().all()[0].quote, expected);
    // Lines: one paragraph and the first line of the next.
    press(&mut app, "v j m Enter");
    let page = app.reader().page().unwrap();
    let article = app.article().unwrap();
    let block = &article.blocks[app.reader().cursor()];
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
        app.bookmarks().all()[0].quote,
        article.text[block.range.start..line_end]
    );
    // Esc drops a selection without bookmarking.
    press(&mut app, "v } Esc");
    assert!(app.reader().selection().is_none());
    assert_eq!(app.bookmarks().all().len(), 2);
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
    assert_eq!(pane_notes(&app), ["sau", "đầu"], "newest first");
    let screen = common::screen(&app);
    assert!(
        screen.contains("Bookmarks (2)") && screen.contains("“"),
        "{screen}"
    );
    // Enter opens the older one at its passage, highlighted.
    press(&mut app, "j Enter");
    assert_eq!((app.mode(), app.focus()), (Mode::Reader, Focus::Reader));
    let flash = app.reader().flash().cloned().expect("passage highlighted");
    let article = app.article().unwrap();
    assert_eq!(
        &article.text[flash.clone()],
        article.block_text(&article.blocks[1])
    );
    let row = app.reader().page().unwrap().row_of(flash.start).unwrap();
    let scroll = app.reader().scroll();
    assert!(row >= scroll && row < scroll + app.reader_height());
    // d deletes, u brings it back.
    press(&mut app, "' d");
    assert_eq!(saved(dir.path()).len(), 1);
    press(&mut app, "u");
    assert_eq!(saved(dir.path()).len(), 2);
    // e edits the note; Esc leaves it as it was, and says so.
    press(&mut app, "g e C-u Esc");
    assert_eq!(app.note(), Some("note unchanged"));
    assert_eq!(saved(dir.path())[0].note, "sau");
    press(&mut app, "e C-u");
    type_text(&mut app, "mới");
    press(&mut app, "Enter");
    assert_eq!(app.note(), Some("note saved"));
    assert_eq!(saved(dir.path())[0].note, "mới");
    assert_eq!(pane_notes(&app)[0], "mới", "the pane shows the new note");
    // / filters with the reader's search: accents folded.
    press(&mut app, "/");
    type_text(&mut app, "dau");
    press(&mut app, "Enter");
    assert_eq!(pane_notes(&app), ["đầu"]);
    press(&mut app, "Esc");
    assert_eq!(pane_notes(&app).len(), 2);
    press(&mut app, "Esc");
    assert_eq!(app.mode(), Mode::Reader);
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
    let block = app.reader().page().unwrap().block_at(app.reader().scroll());
    press(&mut app, "q");
    assert!(app.should_quit());
    let again = app_in(dir.path(), 100, 30);
    assert_eq!(again.article().unwrap().id, "000_187bee9378cff2a5");
    assert_eq!(again.focus(), Focus::Reader);
    let page = again.reader().page().unwrap();
    assert_eq!(page.block_at(again.reader().scroll()), block);
    // At another size, the same paragraph.
    let narrow = app_in(dir.path(), 60, 20);
    let page = narrow.reader().page().unwrap();
    assert_eq!(page.block_at(narrow.reader().scroll()), block);
}

#[test]
fn bookmark_screens() {
    for (width, height) in [(100, 30), (60, 20)] {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app_in(dir.path(), width, height);
        at_paragraph(&mut app, 1);
        press(&mut app, "v }");
        insta::assert_snapshot!(format!("selection_{width}x{height}"), styled(&app));
        press(&mut app, "m");
        type_text(&mut app, "ghi chú");
        insta::assert_snapshot!(format!("note_prompt_{width}x{height}"), styled(&app));
        press(&mut app, "Enter");
        insta::assert_snapshot!(format!("marked_{width}x{height}"), styled(&app));
        press(&mut app, "'");
        assert!(matches!(app.screen(), Screen::Bookmarks(_)));
        // The creation time is on no screen; ids and times differ run to run.
        insta::assert_snapshot!(format!("bookmarks_pane_{width}x{height}"), styled(&app));
    }
}

/// An app whose data folder is replaced by a file once it has opened, so that nothing can be
/// saved there any more, with recovery files going to `home`; and the bookmark made then.
fn unsavable(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf, Harness) {
    let (data, home) = (dir.join("data"), dir.join("home"));
    std::fs::create_dir_all(&home).unwrap();
    let mut app = app_in(&data, 100, 30);
    app.worker.storage.recover_into(vec![home.clone()]);
    // (Made at the first save, if at all yet.)
    let _ = std::fs::remove_dir_all(&data);
    std::fs::write(&data, "a file where the data folder was").unwrap();
    press(&mut app, "Enter m Enter");
    assert!(
        app.note().is_some_and(|n| n.contains("kept in memory")),
        "{:?}",
        app.note()
    );
    (data, home, app)
}

/// The one recovery file in `home`, read as a bookmarks file.
fn recovered(home: &Path) -> Vec<docbao::bookmarks::Bookmark> {
    let files: Vec<_> = std::fs::read_dir(home)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains("docbao-recovered-"))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let copy = tempfile::tempdir().unwrap();
    std::fs::copy(&files[0], copy.path().join("bookmarks.json")).unwrap();
    BookmarkStore::open(copy.path()).unwrap().list().to_vec()
}

#[test]
fn quitting_with_a_bookmark_not_saved_asks_and_a_retry_saves_it() {
    let dir = tempfile::tempdir().unwrap();
    let (data, _, mut app) = unsavable(dir.path());
    press(&mut app, "q");
    assert!(!app.should_quit(), "asked first");
    assert_eq!(app.mode(), Mode::Unsaved);
    let screen = common::screen(&app);
    for said in [
        "Not saved",
        "try saving again",
        "recovery file",
        "quit without it",
    ] {
        assert!(screen.contains(said), "{said}: {screen}");
    }
    // The question is drawn as a warning, its keys as keys.
    assert!(styled(&app).contains("Not saved"));
    press(&mut app, "Esc");
    assert_eq!(app.mode(), Mode::Reader, "back to reading");
    assert!(
        app.note().is_some_and(|n| n.contains("Not saved")),
        "still said: {:?}",
        app.note()
    );
    // Still unwritable: the retry fails, and says so in the question.
    press(&mut app, "q r");
    assert!(!app.should_quit());
    assert_eq!(app.mode(), Mode::Unsaved);
    let screen = common::screen(&app);
    assert!(screen.contains("it failed again"), "{screen}");
    assert!(
        screen.contains("Not saved: one bookmark change"),
        "{screen}"
    );
    // The folder back: the retry saves it, then leaves.
    std::fs::remove_file(&data).unwrap();
    std::fs::create_dir(&data).unwrap();
    press(&mut app, "r");
    assert!(app.should_quit());
    assert_eq!(saved(&data).len(), 1);
    assert!(app.unsaved().is_none());
}

#[test]
fn s_writes_what_was_not_saved_to_a_recovery_file_and_says_where() {
    let dir = tempfile::tempdir().unwrap();
    let (_, home, mut app) = unsavable(dir.path());
    let bookmark = app.bookmarks().all()[0].clone();
    press(&mut app, "q s");
    assert!(app.should_quit());
    assert_eq!(recovered(&home), vec![bookmark]);
    let said = app.farewell().join("\n");
    assert!(
        said.contains(&home.display().to_string()),
        "where it is: {said}"
    );
    assert!(app.unsaved().is_none(), "not written twice");
}

#[test]
fn capital_q_leaves_without_it_and_ctrl_c_twice_leaves_it_to_recover() {
    let dir = tempfile::tempdir().unwrap();
    let (_, _, mut app) = unsavable(dir.path());
    press(&mut app, "q Q");
    assert!(app.should_quit());
    assert!(app.unsaved().is_none(), "the user chose to leave it");
    let dir = tempfile::tempdir().unwrap();
    let (_, _, mut app) = unsavable(dir.path());
    press(&mut app, "C-c");
    assert!(!app.should_quit());
    press(&mut app, "C-c");
    assert!(app.should_quit());
    let unsaved = app.unsaved().expect("left for the recovery file");
    assert_eq!(unsaved.bookmarks.len(), 1);
}

#[test]
fn q_once_the_data_folder_is_back_saves_what_failed_and_quits() {
    let dir = tempfile::tempdir().unwrap();
    let (data, _, mut app) = unsavable(dir.path());
    press(&mut app, "q");
    assert_eq!(app.mode(), Mode::Unsaved);
    press(&mut app, "Esc");
    std::fs::remove_file(&data).unwrap();
    std::fs::create_dir(&data).unwrap();
    // Quitting tries again what failed: it goes through, so nothing is asked.
    press(&mut app, "q");
    assert!(app.should_quit());
    assert_eq!(saved(&data).len(), 1);
    assert!(app.unsaved().is_none());
}

#[test]
fn opening_a_bookmark_puts_the_passage_cursor_on_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path(), 100, 30);
    press(&mut app, "Enter } m Enter } } } '");
    press(&mut app, "Enter");
    let flash = app.reader().flash().cloned().expect("highlighted");
    assert_eq!(
        app.passage(),
        Some(flash),
        "m and y act on what is highlighted"
    );
}

#[test]
fn y_and_m_on_a_bookmark_opened_from_the_pane_take_its_passage_not_its_paragraph() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path(), 100, 30);
    // One sentence of the first paragraph that has several, bookmarked.
    press(&mut app, "Enter");
    for _ in 0..20 {
        press(&mut app, ")");
        let covered = app.reader().selection().map(|s| s.covered());
        if covered != app.passage() {
            break;
        }
        press(&mut app, "Esc }");
    }
    press(&mut app, "m Enter ] ' Enter");
    let quote = app.bookmarks().all()[0].quote.clone();
    let paragraph = app.article().unwrap().text[app.passage().unwrap()].to_owned();
    assert!(quote.len() < paragraph.trim().len(), "one sentence of it");
    press(&mut app, "y");
    assert_eq!(app.worker.copied.last(), Some(&quote));
    // A selection started from there is drawn as a selection: the highlight is gone.
    press(&mut app, "v");
    assert!(app.reader().flash().is_none());
}

#[test]
fn a_note_typed_for_a_bookmark_another_window_deleted_brings_it_back_and_says_so() {
    use docbao::bookmarks::Change;
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path(), 100, 30);
    at_paragraph(&mut app, 3);
    press(&mut app, "m");
    type_text(&mut app, "một");
    press(&mut app, "Enter '");
    assert_eq!(pane_notes(&app), ["một"]);
    press(&mut app, "e C-u");
    type_text(&mut app, "hai");
    // Meanwhile another window deletes it, and this one reads the file again.
    let id = saved(dir.path())[0].id.clone();
    BookmarkStore::open(dir.path())
        .unwrap()
        .apply(Change::Remove(id.clone()))
        .unwrap();
    app.run(vec![docbao::effect::Effect::ReloadBookmarks]);
    assert!(app.bookmarks().get(&id).is_none());
    press(&mut app, "Enter");
    let kept = saved(dir.path());
    assert_eq!(kept.len(), 1, "kept, not lost");
    assert_eq!(
        (kept[0].id.as_str(), kept[0].note.as_str()),
        (id.as_str(), "hai")
    );
    assert!(
        app.note().unwrap().contains("deleted in another window"),
        "{:?}",
        app.note()
    );
}

#[test]
fn a_note_saved_is_written_with_its_bookmark_even_if_the_file_lost_it_meanwhile() {
    use docbao::bookmarks::Change;
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path(), 100, 30);
    at_paragraph(&mut app, 3);
    press(&mut app, "m Enter '");
    let id = saved(dir.path())[0].id.clone();
    press(&mut app, "e");
    type_text(&mut app, "ghi chú");
    // Deleted in the file, and this window not told yet.
    BookmarkStore::open(dir.path())
        .unwrap()
        .apply(Change::Remove(id.clone()))
        .unwrap();
    press(&mut app, "Enter");
    let kept = saved(dir.path());
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].note, "ghi chú");
}

#[test]
fn a_bookmark_whose_passage_is_gone_is_marked_in_the_pane_and_the_list() {
    let news = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let path = news.path().join("bai.txt");
    let write = |last: &str| {
        std::fs::write(
            &path,
            format!("date 2025-01-01 Bài\n\nĐoạn đầu giữ nguyên.\n\n{last}\n"),
        )
        .unwrap()
    };
    write("Đoạn cuối sẽ bị xóa khỏi bài.");
    let open = || {
        let catalog = std::sync::Arc::new(docbao::catalog::Catalog::open(news.path()).unwrap());
        common::app_in(data.path(), catalog, 100, 30)
    };
    let mut app = open();
    press(&mut app, "Enter } m Enter");
    assert_eq!(saved(data.path()).len(), 1);
    drop(app);
    write("Một đoạn khác hẳn, không còn gì của đoạn cũ.");
    let mut app = open();
    // The article read last opens again; its bookmark is looked for in it at once.
    let effects = app.take_effects();
    app.run(effects);
    let screen = common::screen(&app);
    assert!(
        screen.contains("1✦ 1 lost"),
        "the list before the pane: {screen}"
    );
    press(&mut app, "'");
    let pane = common::screen(&app);
    assert!(pane.contains("passage not found"), "the pane: {pane}");
    press(&mut app, "Esc");
    let screen = common::screen(&app);
    assert!(screen.contains("1✦ 1 lost"), "the list: {screen}");
}

#[test]
fn the_pane_keeps_the_chosen_bookmark_when_another_window_adds_one() {
    use docbao::bookmarks::{Bookmark, Change};
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path(), 100, 30);
    at_paragraph(&mut app, 2);
    press(&mut app, "m");
    type_text(&mut app, "một");
    press(&mut app, "Enter } m");
    type_text(&mut app, "hai");
    press(&mut app, "Enter '");
    press(&mut app, "j");
    let chosen = |app: &Harness| {
        let pane = app.screen().bookmarks_pane().unwrap();
        pane.chosen().unwrap().bookmark.note.clone()
    };
    let before = chosen(&app);
    // Another window bookmarks a passage: the newest, listed first.
    let catalog = bundled();
    let article = catalog.article(0).unwrap();
    let mut newest = Bookmark::new(catalog.folder(), &article, article.blocks[1].range.clone());
    newest.note = "ba".into();
    BookmarkStore::open(dir.path())
        .unwrap()
        .apply(Change::Add(newest))
        .unwrap();
    app.run(vec![docbao::effect::Effect::ReloadBookmarks]);
    assert_eq!(pane_notes(&app).len(), 3);
    assert_eq!(chosen(&app), before, "the same bookmark chosen");
}
