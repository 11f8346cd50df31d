//! Passages, finer: copying one to the clipboard through the terminal, selecting by sentence,
//! bookmarking one twice, and the bookmarks pane's preview and export.

mod common;

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
