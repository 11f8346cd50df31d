//! Helpers shared by the integration tests: catalogs of the bundled articles and key scripts.
#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::Arc;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use docbao::action::Action;
use docbao::app::App;
use docbao::catalog::{BUNDLED, Catalog};
use docbao::keymap;
use docbao::search::Searcher;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unicode_normalization::UnicodeNormalization;

pub mod hostile;

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
        "C-w" => KeyEvent::new(KeyCode::Char('w'), KeyModifiers::CONTROL),
        "C-u" => KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL),
        "C-p" => KeyEvent::new(KeyCode::Char('p'), KeyModifiers::CONTROL),
        "C-n" => KeyEvent::new(KeyCode::Char('n'), KeyModifiers::CONTROL),
        "A-c" => KeyEvent::new(KeyCode::Char('c'), KeyModifiers::ALT),
        "A-a" => KeyEvent::new(KeyCode::Char('a'), KeyModifiers::ALT),
        "Backspace" => plain(KeyCode::Backspace),
        "Delete" => plain(KeyCode::Delete),
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
///
/// A catalog search the app asks for is run at once, as if the search thread were instant.
#[track_caller]
pub fn press(app: &mut App, script: &str) {
    for name in script.split_whitespace() {
        send(app, key(name));
    }
}

/// Types text into the app, character by character, as a terminal sends it.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        let modifiers = if c.is_uppercase() {
            KeyModifiers::SHIFT
        } else {
            KeyModifiers::NONE
        };
        send(app, KeyEvent::new(KeyCode::Char(c), modifiers));
    }
}

/// Sends one key, then answers any catalog search it started.
pub fn send(app: &mut App, key: KeyEvent) {
    if let Some(action) = keymap::action_for_key(app.mode(), key) {
        app.update(action);
    }
    answer_search(app);
}

/// Runs the catalog search the app is waiting for, if any, and hands it the results.
pub fn answer_search(app: &mut App) {
    if let Some((generation, query)) = app.take_search_request() {
        let searcher = Searcher::new(Arc::new(app.catalog().clone()));
        let hits = Arc::new(searcher.run(&query));
        app.update(Action::SearchFinished { generation, hits });
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
