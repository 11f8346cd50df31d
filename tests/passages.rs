//! Passages, finer: copying one to the clipboard through the terminal, selecting by sentence,
//! bookmarking one twice, and the bookmarks pane's preview and export.

use crate::common;

use common::{press, screen};

#[test]
fn y_copies_the_current_passage_or_the_selection_and_says_how_much() {
    let mut app = common::app(100, 30);
    press(&mut app, "Enter y");
    let article = app.article().unwrap().clone();
    let first = &article.text[article.blocks[0].range.clone()];
    assert_eq!(app.worker.copied, [first.trim().to_owned()]);
    let chars = first.trim().chars().count();
    assert_eq!(
        app.note().map(str::to_owned),
        Some(format!(
            "copied {} characters to the clipboard",
            docbao::text::thousands(chars)
        ))
    );
    let status = screen(&app).lines().last().unwrap().to_owned();
    assert!(status.contains("characters to the clipboard"), "{status}");
    // A selection of two paragraphs: both, and the selection is done with.
    press(&mut app, "v } y");
    let copied = app.worker.copied.last().unwrap().clone();
    let second = &article.text[article.blocks[1].range.clone()];
    assert!(
        copied.starts_with(first.trim()) && copied.ends_with(second.trim()),
        "{copied}"
    );
    assert!(app.reader().selection().is_none());
}

#[test]
fn y_puts_the_passage_on_the_clipboard_through_the_terminal() {
    use base64::Engine;
    let mut s = common::pty::Session::start("", 100, 30);
    s.wait_for("the list", |screen| screen.contains("Articles (2)"));
    s.send("\ry");
    s.wait_for("the note", |screen| screen.contains("to the clipboard"));
    let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).into_owned();
    let start = raw.find("\x1b]52;c;").expect("an OSC 52 sequence") + "\x1b]52;c;".len();
    // Ended by BEL or by ST (ESC \\), which terminals take alike.
    let end = start
        + raw[start..]
            .find(['\x07', '\x1b'])
            .expect("an end to the sequence");
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(&raw[start..end])
        .unwrap();
    let text = String::from_utf8(decoded).unwrap();
    assert!(
        text.starts_with("Các đại biểu thảo luận tại hội thảo"),
        "{text}"
    );
    s.send("q");
    s.finish();
}

/// The text the selection covers.
fn selected(app: &common::Harness) -> String {
    let article = app.article().unwrap();
    article.text[app.reader().selection().unwrap().covered()].to_owned()
}

#[test]
fn a_selection_by_sentence_can_be_one_sentence_and_grow_by_sentences() {
    let mut app = common::app(100, 30);
    // The second article's second paragraph is three sentences or more.
    press(&mut app, "j Enter }");
    let article = app.article().unwrap().clone();
    let block = article.text[article.blocks[app.reader().cursor()].range.clone()].to_owned();
    let sentences = docbao::text::words::sentences(&block);
    assert!(sentences.len() >= 2, "{block}");
    press(&mut app, "v )");
    assert_eq!(selected(&app), block[sentences[0].clone()], "one sentence");
    press(&mut app, ")");
    assert_eq!(selected(&app), block[sentences[0].start..sentences[1].end]);
    press(&mut app, "m");
    common::type_text(&mut app, "hai câu");
    press(&mut app, "Enter");
    let bookmark = app.bookmarks().all().last().unwrap().clone();
    assert_eq!(bookmark.quote, block[sentences[0].start..sentences[1].end]);
    // Without a selection, ( starts one at the paragraph's last sentence.
    press(&mut app, "(");
    let last = sentences.last().unwrap().clone();
    assert_eq!(selected(&app), block[last]);
    let status = screen(&app).lines().last().unwrap().to_owned();
    assert!(status.contains("( ) j k extend"), "{status}");
}

#[test]
fn bookmarking_a_passage_again_says_so_and_edits_its_note() {
    let mut app = common::app(100, 30);
    press(&mut app, "Enter m");
    common::type_text(&mut app, "một");
    press(&mut app, "Enter m");
    let status = screen(&app).lines().last().unwrap().to_owned();
    assert!(
        status.starts_with("Bookmarked already · note: một"),
        "{status}"
    );
    common::type_text(&mut app, " hai");
    press(&mut app, "Enter");
    assert_eq!(app.bookmarks().all().len(), 1, "not a second bookmark");
    assert_eq!(app.bookmarks().all()[0].note, "một hai");
    assert_eq!(app.note(), Some("note saved"));
    // A selection of the same paragraph is the same passage too.
    press(&mut app, "v m Esc");
    assert_eq!(app.bookmarks().all().len(), 1);
    assert_eq!(app.note(), Some("note unchanged"));
    // Another passage is bookmarked as ever.
    press(&mut app, "} m Enter");
    assert_eq!(app.bookmarks().all().len(), 2);
}

#[test]
fn the_bookmarks_pane_shows_the_chosen_passage_whole_and_reopens_on_it() {
    let data = tempfile::tempdir().unwrap();
    let mut app = common::app_in(data.path(), common::bundled(), 100, 30);
    press(&mut app, "j Enter } v } m");
    common::type_text(&mut app, "ghi chú dài");
    press(&mut app, "Enter g m Enter '");
    // Newest first: the one without a note, then the two paragraphs.
    press(&mut app, "j");
    let chosen = app
        .screen()
        .bookmarks_pane()
        .unwrap()
        .chosen()
        .unwrap()
        .bookmark
        .clone();
    assert_eq!(chosen.note, "ghi chú dài");
    let text = screen(&app);
    assert!(text.contains(" Passage "), "{text}");
    let last_word = chosen.quote.split_whitespace().next_back().unwrap();
    let preview: String = text
        .lines()
        .map(|l| l.chars().skip(45).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(preview.contains(last_word), "the whole quote: {text}");
    assert!(preview.contains("Note: ghi chú dài"), "{text}");
    press(&mut app, "Esc q");
    let mut again = common::app_in(data.path(), common::bundled(), 60, 20);
    press(&mut again, "'");
    let pane = again.screen().bookmarks_pane().unwrap();
    assert_eq!(
        pane.chosen().unwrap().bookmark.id,
        chosen.id,
        "reopened on it"
    );
    assert!(
        !screen(&again).contains(" Passage "),
        "no room beside the list at 60"
    );
}

#[test]
fn a_selection_from_a_paragraph_of_one_sentence_grows_by_sentences() {
    let folder = tempfile::tempdir().unwrap();
    std::fs::write(
        folder.path().join("a.txt"),
        "date 2025-10-25 Bài\n\nMột câu thôi.\n\nCâu hai. Câu ba.\n",
    )
    .unwrap();
    let catalog = std::sync::Arc::new(docbao::catalog::Catalog::open(folder.path()).unwrap());
    let mut app = common::app_with(catalog, 100, 30);
    press(&mut app, "Enter v )");
    let text = app.article().unwrap().text.clone();
    let covered = app.reader().selection().expect("a selection").covered();
    assert_eq!(&text[covered], "Một câu thôi.\n\nCâu hai.");
}
