//! The config file: where it is, what it sets, and the defaults for what it does not or
//! cannot set. A file with mistakes is taken as far as it is right: each mistake is one
//! message naming the file, line and column, and that setting keeps its default. The file
//! is only ever read.

use std::fmt;
use std::path::{Path, PathBuf};

mod bindings;
mod colors;
mod parse;
mod write;

pub use colors::StyleOverride;
pub use parse::parse;
pub use write::{default_file, effective};

use crate::i18n::{Lang, Message};
use crate::keymap::Keymap;
use crate::search::Options;
use crate::theme::Theme;
use crate::theme::ThemeName;
use colors::ATTRIBUTES;

/// The config file's name in docbao's config directory.
pub const FILE_NAME: &str = "config.toml";

/// Widest text the reader lays out when the config says nothing: a comfortable line.
pub const DEFAULT_TEXT_WIDTH: u16 = 80;

/// What the config file sets, with the defaults for everything else.
#[derive(Debug, Clone)]
pub struct Config {
    /// Which colours to draw with.
    pub theme: ThemeName,
    /// The interface's language; `None` to follow the locale.
    pub language: Option<Lang>,
    /// The folder to open when none is given.
    pub folder: Option<PathBuf>,
    /// The list's share of a wide terminal, in percent, until `<` and `>` change it.
    pub list_width: Option<u8>,
    /// The widest the reader lays out text, in columns.
    pub text_width: u16,
    /// Whether docbao takes the mouse (wheel, clicks); off, the terminal's own selection works.
    pub mouse: bool,
    /// How searches match until the prompt's toggles change it.
    pub search: Options,
    /// Changes to the theme's styles, by style name.
    pub colors: Vec<(&'static str, StyleOverride)>,
    /// The keys, with the file's bindings in place of the defaults.
    pub keymap: Keymap,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            theme: ThemeName::Auto,
            language: None,
            folder: None,
            list_width: None,
            text_width: DEFAULT_TEXT_WIDTH,
            mouse: true,
            search: Options::default(),
            colors: Vec::new(),
            keymap: Keymap::default(),
        }
    }
}

impl Config {
    /// The theme for a name and the terminal, with the file's `[colors]` applied.
    pub fn theme(&self, base: Theme) -> Theme {
        let mut theme = base;
        let colour = theme.background.is_some();
        for (name, change) in &self.colors {
            if let Some(style) = theme.style_mut(name) {
                *style = change.apply(*style, colour);
            }
        }
        theme
    }
}

/// One mistake in a config file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file.
    pub file: PathBuf,
    /// Line and column (from 1, in characters) where the mistake is, when it is in the text.
    pub at: Option<(usize, usize)>,
    /// What is wrong and what was expected.
    pub message: Message,
}

impl Problem {
    /// The problem as one line in a language: `FILE:LINE:COLUMN: what is wrong`.
    pub fn say(&self, lang: Lang) -> String {
        let message = self.message.say(lang);
        match self.at {
            Some((line, column)) => format!("{}:{line}:{column}: {message}", self.file.display()),
            None => format!("{}: {message}", self.file.display()),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(Lang::En))
    }
}

/// A config as read: what it sets, where it is, and what could not be taken.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The settings in force.
    pub config: Config,
    /// The file read, or that would be read (none when no config directory is known).
    pub path: Option<PathBuf>,
    /// Whether the file exists.
    pub found: bool,
    /// Each mistake, one message each; the settings they were in keep their defaults.
    pub problems: Vec<Problem>,
}

/// The config file: `--config`, else `config.toml` in the platform's config directory
/// (`$XDG_CONFIG_HOME/docbao` on Linux).
pub fn path(flag: Option<&Path>) -> Option<PathBuf> {
    if let Some(file) = flag {
        return Some(file.to_owned());
    }
    directories::ProjectDirs::from("", "", "docbao").map(|dirs| dirs.config_dir().join(FILE_NAME))
}

/// Reads the config file at `path(flag)`; a missing file is the defaults, and one given with
/// `--config` that is missing is a problem too.
pub fn load(flag: Option<&Path>) -> Loaded {
    let Some(file) = path(flag) else {
        return Loaded {
            config: Config::default(),
            path: None,
            found: false,
            problems: Vec::new(),
        };
    };
    match std::fs::read(&file) {
        Ok(bytes) => {
            let (config, problems) = match String::from_utf8(bytes) {
                Ok(text) => parse(&text, &file),
                Err(err) => {
                    let at = position(
                        &String::from_utf8_lossy(err.as_bytes()),
                        err.utf8_error().valid_up_to(),
                    );
                    let problem = Problem {
                        file: file.clone(),
                        at: Some(at),
                        message: Message::new("config-not-utf8"),
                    };
                    (Config::default(), vec![problem])
                }
            };
            Loaded {
                config,
                path: Some(file),
                found: true,
                problems,
            }
        }
        Err(err) => {
            let missing = err.kind() == std::io::ErrorKind::NotFound;
            let problems = if missing && flag.is_none() {
                Vec::new()
            } else {
                vec![Problem {
                    file: file.clone(),
                    at: None,
                    message: Message::new("config-cannot-read")
                        .with("error", crate::io_error::describe_io(&err)),
                }]
            };
            Loaded {
                config: Config::default(),
                path: Some(file),
                found: !missing,
                problems,
            }
        }
    }
}

/// Line and column, from 1, of a byte offset; the column counts characters.
fn position(text: &str, offset: usize) -> (usize, usize) {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        assert_eq!(position("a = 1\nbé = 2", 0), (1, 1));
        assert_eq!(position("a = 1\nbé = 2", 6), (2, 1));
        assert_eq!(position("a = 1\nbé = 2", 10), (2, 4));
    }
}
