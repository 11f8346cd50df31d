//! Snapshots of each screen at 100×30 and 60×20, styles included, and NFD input drawing
//! exactly like NFC.

use crate::common;

use common::{app, app_with, bundled_nfd, draw, draw_with, press, screen, styled};

/// The key scripts that lead to each screen worth a snapshot.
const STATES: [(&str, &str); 7] = [
    ("list", ""),
    ("reader", "Enter"),
    ("reader_scrolled", "j Enter } } Space"),
    ("help", "?"),
    ("help_from_the_reader", "j Enter ?"),
    ("second_article_end", "Enter ] G"),
    ("problems", "!"),
];

fn snapshot_all(width: u16, height: u16) {
    for (name, script) in STATES {
        let mut app = app(width, height);
        press(&mut app, script);
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), styled(&app));
    }
}

#[test]
fn screens_at_100x30() {
    snapshot_all(100, 30);
}

#[test]
fn screens_at_60x20() {
    snapshot_all(60, 20);
}

#[test]
fn too_small_terminal_says_so() {
    let app = app(19, 4);
    let text = screen(&app);
    assert!(text.contains("Terminal"), "{text}");
    assert!(text.contains("too small"), "{text}");
}

#[test]
fn decomposed_articles_draw_identically() {
    for (width, height) in [(100, 30), (60, 20), (80, 24)] {
        for (name, script) in STATES {
            let mut nfc = app(width, height);
            let mut nfd = app_with(bundled_nfd(), width, height);
            press(&mut nfc, script);
            press(&mut nfd, script);
            assert_eq!(
                draw_with(&nfc, &docbao::ui::Theme::dark())
                    .backend()
                    .buffer(),
                draw_with(&nfd, &docbao::ui::Theme::dark())
                    .backend()
                    .buffer(),
                "{name} at {width}x{height}"
            );
        }
    }
}

#[test]
fn no_color_theme_draws_the_same_text() {
    let app = app(100, 30);
    let colored = draw_with(&app, &docbao::ui::Theme::dark())
        .backend()
        .buffer()
        .clone();
    let plain = draw(&app).backend().buffer().clone();
    let symbols = |b: &ratatui::buffer::Buffer| {
        b.content()
            .iter()
            .map(|c| c.symbol().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(symbols(&colored), symbols(&plain));
    let has_color = |b: &ratatui::buffer::Buffer| {
        b.content()
            .iter()
            .any(|c| c.fg != ratatui::style::Color::Reset || c.bg != ratatui::style::Color::Reset)
    };
    assert!(has_color(&colored));
    assert!(
        !has_color(&plain),
        "the NO_COLOR theme uses no colour at all"
    );
}

#[test]
fn the_question_when_quitting_with_something_unsaved() {
    for (width, height) in [(100, 30), (60, 20)] {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let mut app = common::app_in(&data, common::bundled(), width, height);
        // The data folder made a file: nothing can be written there any more.
        let _ = std::fs::remove_dir_all(&data);
        std::fs::write(&data, "").unwrap();
        press(&mut app, "Enter j q");
        assert!(!app.should_quit(), "asked first");
        let screen = styled(&app).replace(&dir.path().display().to_string(), "/tmp/…");
        insta::assert_snapshot!(format!("unsaved_{width}x{height}"), screen);
    }
}
