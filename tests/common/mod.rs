//! Helpers shared by the integration tests: catalogs of the bundled articles, an app whose
//! effects are carried out at once (with real files when given a folder), key scripts, and the
//! screen as text, with or without its styles.
#![allow(dead_code)]

use std::collections::VecDeque;
use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use docbao::app::{App, Start};
use docbao::catalog::{BUNDLED, Catalog};
use docbao::keymap::Keymap;
use docbao::worker::{Inline, Opened, Searches, Storage};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};
use unicode_normalization::UnicodeNormalization;

pub mod hostile;
pub mod nested;
pub mod pty;
pub mod server;

/// The real binary, with its cache in a hidden folder of `scratch` (which the catalog skips):
/// no two tests share a cache.
pub fn docbao(scratch: impl AsRef<Path>) -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_docbao"));
    command.env("DOCBAO_CACHE_DIR", scratch.as_ref().join(".cache"));
    command
}

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

/// An app and the worker that carries out its effects, at once and on this thread.
pub struct Harness {
    /// The app.
    pub app: App,
    /// Its worker.
    pub worker: Inline,
    /// What opening the data directory said.
    pub notices: Vec<String>,
}

impl Deref for Harness {
    type Target = App;
    fn deref(&self) -> &App {
        &self.app
    }
}

impl DerefMut for Harness {
    fn deref_mut(&mut self) -> &mut App {
        &mut self.app
    }
}

impl Harness {
    /// Applies an action, then carries out every effect it leads to, answers included.
    pub fn act(&mut self, event: impl Into<docbao::action::Event>) {
        let effects = self.app.update(event);
        self.run(effects);
    }

    /// Carries out effects, and every effect their answers lead to.
    pub fn run(&mut self, effects: Vec<docbao::effect::Effect>) {
        let mut effects = VecDeque::from(effects);
        while let Some(effect) = effects.pop_front() {
            for answer in self.worker.run(effect) {
                effects.extend(self.app.update(answer));
            }
        }
    }
}

/// The keys, as the binary binds them.
pub fn keymap() -> Keymap {
    Keymap::default()
}

fn harness(catalog: Arc<Catalog>, width: u16, height: u16, opened: Opened) -> Harness {
    let done = docbao::catalog::indexer::Progress {
        done: true,
        ..Default::default()
    };
    harness_at(catalog, width, height, opened, done)
}

/// An app over `catalog` while the rest of its folder is being indexed (`progress`), keeping
/// its data in `dir`.
pub fn app_indexing(
    dir: &Path,
    catalog: Arc<Catalog>,
    progress: docbao::catalog::indexer::Progress,
    width: u16,
    height: u16,
) -> Harness {
    let opened = Storage::open(Ok(dir.to_owned()), &catalog).expect("open the data folder");
    harness_at(catalog, width, height, opened, progress)
}

fn harness_at(
    catalog: Arc<Catalog>,
    width: u16,
    height: u16,
    opened: Opened,
    progress: docbao::catalog::indexer::Progress,
) -> Harness {
    harness_in(
        docbao::i18n::Lang::En,
        catalog,
        width,
        height,
        opened,
        progress,
    )
}

/// An app over `catalog`, in memory, speaking `lang`.
pub fn app_with_lang(
    lang: docbao::i18n::Lang,
    catalog: Arc<Catalog>,
    width: u16,
    height: u16,
) -> Harness {
    let done = docbao::catalog::indexer::Progress {
        done: true,
        ..Default::default()
    };
    harness_in(lang, catalog, width, height, Storage::in_memory(), done)
}

/// An app over the bundled articles, in memory, speaking `lang`.
pub fn app_speaking(lang: docbao::i18n::Lang, width: u16, height: u16) -> Harness {
    let done = docbao::catalog::indexer::Progress {
        done: true,
        ..Default::default()
    };
    harness_in(lang, bundled(), width, height, Storage::in_memory(), done)
}

fn harness_in(
    lang: docbao::i18n::Lang,
    catalog: Arc<Catalog>,
    width: u16,
    height: u16,
    opened: Opened,
    progress: docbao::catalog::indexer::Progress,
) -> Harness {
    let worker = Inline {
        storage: opened.storage,
        searches: Searches::new(),
        copied: Vec::new(),
        pages: Default::default(),
        suspended: 0,
    };
    let app = App::new(
        catalog,
        Start {
            size: (width, height),
            keys: Arc::new(keymap().help(lang)),
            bookmarks: opened.bookmarks,
            reading: opened.reading,
            notices: opened.notices.clone(),
            progress,
            settings: Default::default(),
            lang,
            config_problems: Vec::new(),
        },
    );
    let mut harness = Harness {
        app,
        worker,
        notices: opened.notices,
    };
    // The first article, read as the loader would.
    let first = harness.app.take_effects();
    harness.run(first);
    harness
}

/// An app over `catalog` that keeps bookmarks and reading state in memory.
pub fn app_with(catalog: Arc<Catalog>, width: u16, height: u16) -> Harness {
    harness(catalog, width, height, Storage::in_memory())
}

/// An app over the bundled articles that keeps everything in memory.
pub fn app(width: u16, height: u16) -> Harness {
    app_with(bundled(), width, height)
}

/// An app over `catalog` that keeps bookmarks and reading state in the folder `dir`.
pub fn app_in(dir: &Path, catalog: Arc<Catalog>, width: u16, height: u16) -> Harness {
    let opened = Storage::open(Ok(dir.to_owned()), &catalog).expect("open the data folder");
    harness(catalog, width, height, opened)
}

/// A key event from its name in a script: `j`, `Enter`, `Esc`, `Tab`, `Space`, `C-c`, `PgDn`…
#[track_caller]
pub fn key(name: &str) -> KeyEvent {
    let plain = |code| KeyEvent::new(code, KeyModifiers::NONE);
    let with = |modifiers, rest: &str| {
        let c = rest.chars().next().expect("a key after the modifier");
        KeyEvent::new(KeyCode::Char(c), modifiers)
    };
    match name {
        "Enter" => plain(KeyCode::Enter),
        "Esc" => plain(KeyCode::Esc),
        "Tab" => plain(KeyCode::Tab),
        "S-Tab" => KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
        "Space" => plain(KeyCode::Char(' ')),
        "Up" => plain(KeyCode::Up),
        "Down" => plain(KeyCode::Down),
        "Left" => plain(KeyCode::Left),
        "Right" => plain(KeyCode::Right),
        "PgDn" => plain(KeyCode::PageDown),
        "PgUp" => plain(KeyCode::PageUp),
        "Home" => plain(KeyCode::Home),
        "End" => plain(KeyCode::End),
        "Backspace" => plain(KeyCode::Backspace),
        "Delete" => plain(KeyCode::Delete),
        ctrl if ctrl.starts_with("C-") => with(KeyModifiers::CONTROL, &ctrl[2..]),
        alt if alt.starts_with("A-") => with(KeyModifiers::ALT, &alt[2..]),
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

/// Presses each space-separated key of `script` through the keymap into the app.
#[track_caller]
pub fn press(app: &mut Harness, script: &str) {
    for name in script.split_whitespace() {
        send(app, key(name));
    }
}

/// Types text into the app, character by character, as a terminal sends it.
pub fn type_text(app: &mut Harness, text: &str) {
    for c in text.chars() {
        let modifiers = if c.is_uppercase() {
            KeyModifiers::SHIFT
        } else {
            KeyModifiers::NONE
        };
        send(app, KeyEvent::new(KeyCode::Char(c), modifiers));
    }
}

/// Sends one key through the keymap.
pub fn send(app: &mut Harness, key: KeyEvent) {
    let mode = app.mode();
    if let Some(action) = keymap().action_for_key(mode, key) {
        app.act(action);
    }
}

/// Draws the app into a test terminal of its size, with `theme`.
pub fn draw_with(app: &App, theme: &docbao::ui::Theme) -> Terminal<TestBackend> {
    let (width, height) = app.size();
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    terminal
        .draw(|frame| docbao::ui::render(app, theme, frame))
        .expect("draw");
    terminal
}

/// Draws the app with the colourless theme.
pub fn draw(app: &App) -> Terminal<TestBackend> {
    draw_with(app, &docbao::ui::Theme::plain())
}

/// The screen as text, one line per row.
pub fn screen(app: &App) -> String {
    let terminal = draw(app);
    rows(terminal.backend().buffer()).join("\n") + "\n"
}

/// Each row of a buffer as text: the symbols of its cells, those hidden by a wide character
/// before them left out.
pub fn rows(buffer: &Buffer) -> Vec<String> {
    (0..buffer.area.height)
        .map(|y| {
            let mut row = String::new();
            let mut hidden = 0;
            for x in 0..buffer.area.width {
                if hidden > 0 {
                    hidden -= 1;
                    continue;
                }
                let symbol = buffer[(x, y)].symbol();
                hidden = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
                row.push_str(symbol);
            }
            row
        })
        .collect()
}

/// The screen drawn in colour, as text with its styles: each row, then under it a letter per
/// column naming the style of that cell (blank for the terminal's own), and a legend of the
/// letters at the end. A heading drawn as body text shows here as a change of letters.
pub fn styled(app: &App) -> String {
    styled_buffer(
        draw_with(app, &docbao::ui::Theme::dark())
            .backend()
            .buffer(),
    )
}

/// [`styled`] for any buffer.
pub fn styled_buffer(buffer: &Buffer) -> String {
    const LETTERS: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    let mut styles: Vec<Style> = Vec::new();
    let mut out = String::new();
    for (y, row) in rows(buffer).into_iter().enumerate() {
        let mut marks = String::new();
        for x in 0..buffer.area.width {
            let cell = &buffer[(x, y as u16)];
            let style = Style::new()
                .fg(cell.fg)
                .bg(cell.bg)
                .add_modifier(cell.modifier);
            if style == Style::new().fg(Color::Reset).bg(Color::Reset) {
                marks.push(' ');
                continue;
            }
            let index = styles.iter().position(|s| *s == style).unwrap_or_else(|| {
                styles.push(style);
                styles.len() - 1
            });
            marks.push(LETTERS.chars().nth(index).unwrap_or('?'));
        }
        out.push_str(&format!("{row}\n{}\n", marks.trim_end()));
    }
    out.push_str("---\n");
    for (letter, style) in LETTERS.chars().zip(&styles) {
        let mut parts = Vec::new();
        if style.fg != Some(Color::Reset) {
            parts.push(format!("fg {:?}", style.fg.unwrap_or(Color::Reset)));
        }
        if style.bg != Some(Color::Reset) {
            parts.push(format!("bg {:?}", style.bg.unwrap_or(Color::Reset)));
        }
        if style.add_modifier != Modifier::empty() {
            parts.push(format!("{:?}", style.add_modifier));
        }
        out.push_str(&format!("{letter} = {}\n", parts.join(", ")));
    }
    out
}

/// Columns a row takes on a terminal, measured without docbao's own code: each grapheme as
/// unicode-width measures it, which is what ratatui's buffer does when it draws.
pub fn columns(text: &str) -> usize {
    use unicode_segmentation::UnicodeSegmentation;
    text.graphemes(true)
        .map(unicode_width::UnicodeWidthStr::width)
        .sum()
}

/// Every article of a catalog, read whole, in catalog order.
pub fn articles(catalog: &Catalog) -> Vec<docbao::catalog::Article> {
    (0..catalog.entries().len())
        .map(|i| catalog.article(i).expect("the article reads"))
        .collect()
}
