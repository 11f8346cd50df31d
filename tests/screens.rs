//! Snapshots of each screen at 100×30 and 60×20, and NFD input drawing exactly like NFC.

mod common;

use common::{bundled, bundled_nfd, draw, press, screen};
use docbao::app::App;

/// The key scripts that lead to each screen worth a snapshot.
const STATES: [(&str, &str); 5] = [
    ("list", ""),
    ("reader", "Enter"),
    ("reader_scrolled", "j Enter } } Space"),
    ("help", "?"),
    ("second_article_end", "Enter ] G"),
];

fn snapshot_all(width: u16, height: u16) {
    for (name, script) in STATES {
        let mut app = App::new(bundled(), width, height);
        press(&mut app, script);
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), draw(&app).backend());
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
    let app = App::new(bundled(), 19, 4);
    let text = screen(&app);
    assert!(text.contains("Terminal"), "{text}");
    assert!(text.contains("too small"), "{text}");
}

#[test]
fn decomposed_articles_draw_identically() {
    for (width, height) in [(100, 30), (60, 20), (80, 24)] {
        for (name, script) in STATES {
            let mut nfc = App::new(bundled(), width, height);
            let mut nfd = App::new(bundled_nfd(), width, height);
            press(&mut nfc, script);
            press(&mut nfd, script);
            assert_eq!(
                draw(&nfc).backend().buffer(),
                draw(&nfd).backend().buffer(),
                "{name} at {width}x{height}"
            );
        }
    }
}

#[test]
fn no_color_theme_draws_the_same_text() {
    let app = App::new(bundled(), 100, 30);
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).unwrap();
    terminal
        .draw(|f| docbao::ui::render(&app, &docbao::ui::Theme::color(), f))
        .unwrap();
    let colored = terminal.backend().buffer().clone();
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
