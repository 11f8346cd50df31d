//! Helpers shared by the integration tests: catalogs of the bundled articles and key scripts.
#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::Arc;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use docbao::app::App;
use docbao::catalog::{BUNDLED, Catalog};
use docbao::keymap;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unicode_normalization::UnicodeNormalization;

/// The bundled articles, as the binary has them.
pub fn bundled() -> Arc<Catalog> {
    Arc::new(Catalog::bundled())
}

/// The bundled articles with every character decomposed (NFD), as some editors save them.
pub fn bundled_nfd() -> Arc<Catalog> {
    let sources = BUNDLED.iter().map(|(name, bytes)| {
        let text = std::str::from_utf8(bytes).expect("bundled articles are UTF-8");
        let nfd: String = text.nfd().collect();
        (PathBuf::from("(bundled)").join(name), Ok(nfd.into_bytes()))
    });
    Arc::new(Catalog::from_sources(
        sources,
        "bundled articles".to_owned(),
    ))
}

/// A key event from its name in a script: `j`, `Enter`, `Esc`, `Tab`, `Space`, `C-c`, `PgDn`…
#[track_caller]
pub fn key(name: &str) -> KeyEvent {
    let plain = |code| KeyEvent::new(code, KeyModifiers::NONE);
    match name {
        "Enter" => plain(KeyCode::Enter),
        "Esc" => plain(KeyCode::Esc),
        "Tab" => plain(KeyCode::Tab),
        "Space" => plain(KeyCode::Char(' ')),
        "Up" => plain(KeyCode::Up),
        "Down" => plain(KeyCode::Down),
        "Left" => plain(KeyCode::Left),
        "Right" => plain(KeyCode::Right),
        "PgDn" => plain(KeyCode::PageDown),
        "PgUp" => plain(KeyCode::PageUp),
        "Home" => plain(KeyCode::Home),
        "End" => plain(KeyCode::End),
        "C-c" => KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
        one if one.chars().count() == 1 => {
            let c = one.chars().next().expect("one character");
            let modifiers = if c.is_uppercase() {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            KeyEvent::new(KeyCode::Char(c), modifiers)
        }
        other => panic!("unknown key {other:?} in script"),
    }
}

/// Presses each space-separated key of `script` through the keymap into `app.update`.
#[track_caller]
pub fn press(app: &mut App, script: &str) {
    for name in script.split_whitespace() {
        if let Some(action) = keymap::action_for_key(app.mode(), key(name)) {
            app.update(action);
        }
    }
}

/// Draws the app into a test terminal of its size, with the colourless theme.
pub fn draw(app: &App) -> Terminal<TestBackend> {
    let (width, height) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    terminal
        .draw(|frame| docbao::ui::render(app, &docbao::ui::Theme::plain(), frame))
        .expect("draw");
    terminal
}

/// The screen as text, one line per row.
pub fn screen(app: &App) -> String {
    let terminal = draw(app);
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            out.push_str(buffer[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}
