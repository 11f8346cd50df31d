//! The config file: where it is, what it sets, and the defaults for what it does not or
//! cannot set. A file with mistakes is taken as far as it is right: each mistake is one
//! message naming the file, line and column, and that setting keeps its default. The file
//! is only ever read.

use std::fmt;
use std::path::{Path, PathBuf};

use ratatui::style::{Color, Modifier, Style};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

mod write;

pub use write::{default_file, effective};

use crate::i18n::{Lang, Message};
use crate::keymap::{KeyError, Keymap, RebindError, Scope};
use crate::search::{Options, Sensitivity, Words};
use crate::theme::Theme;
use crate::theme::{STYLE_NAMES, ThemeName};

/// The config file's name in docbao's config directory.
pub const FILE_NAME: &str = "config.toml";

/// Widest text the reader lays out when the config says nothing: a comfortable line.
pub const DEFAULT_TEXT_WIDTH: u16 = 80;

/// Narrowest text width a config may ask for.
const MIN_TEXT_WIDTH: i64 = 20;

/// The top-level keys, in the order the default file lists them.
const TOP_KEYS: [&str; 8] = [
    "theme",
    "language",
    "folder",
    "list_width",
    "text_width",
    "search",
    "colors",
    "keys",
];

/// The attributes a style in `[colors]` may turn on or off.
const ATTRIBUTES: [(&str, Modifier); 5] = [
    ("bold", Modifier::BOLD),
    ("italic", Modifier::ITALIC),
    ("underlined", Modifier::UNDERLINED),
    ("dim", Modifier::DIM),
    ("reversed", Modifier::REVERSED),
];

/// A style's colours and attributes as `[colors]` changes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StyleOverride {
    /// The text colour.
    pub fg: Option<Color>,
    /// The background colour.
    pub bg: Option<Color>,
    /// Attributes turned on.
    pub add: Modifier,
    /// Attributes turned off.
    pub remove: Modifier,
}

impl StyleOverride {
    /// The style changed as asked; colours only when the theme has colour (`NO_COLOR`
    /// wins over the config file too).
    pub fn apply(&self, style: Style, colour: bool) -> Style {
        let mut style = style.add_modifier(self.add).remove_modifier(self.remove);
        if colour {
            if let Some(fg) = self.fg {
                style = style.fg(fg);
            }
            if let Some(bg) = self.bg {
                style = style.bg(bg);
            }
        }
        style
    }
}

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
            search: Options::default(),
            colors: Vec::new(),
            keymap: Keymap::default(),
        }
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

/// Reads a config's text: the settings it makes, and its mistakes.
pub fn parse(text: &str, file: &Path) -> (Config, Vec<Problem>) {
    let mut reader = Reader {
        text,
        file,
        problems: Vec::new(),
    };
    let mut config = Config::default();
    match DeTable::parse(text) {
        Ok(table) => reader.top(table.get_ref(), &mut config),
        Err(err) => {
            let at = err.span().map(|span| position(text, span.start));
            reader.problems.push(Problem {
                file: file.to_owned(),
                at,
                message: Message::new("config-bad-toml").with("error", err.message().trim_end()),
            });
        }
    }
    (config, reader.problems)
}

type Key<'i> = Spanned<toml::de::DeString<'i>>;
type Value<'i> = Spanned<DeValue<'i>>;

/// A table's entries in the order the file writes them, so that messages come in that order
/// and of two bindings of one key, the second is the one refused.
fn ordered<'t, 'i>(table: &'t DeTable<'i>) -> Vec<(&'t Key<'i>, &'t Value<'i>)> {
    let mut entries: Vec<_> = table.iter().collect();
    entries.sort_by_key(|(key, _)| key.span().start);
    entries
}

/// Walks a parsed file, noting each mistake where it is.
struct Reader<'t> {
    text: &'t str,
    file: &'t Path,
    problems: Vec<Problem>,
}

impl Reader<'_> {
    fn problem(&mut self, span: std::ops::Range<usize>, message: Message) {
        self.problems.push(Problem {
            file: self.file.to_owned(),
            at: Some(position(self.text, span.start)),
            message,
        });
    }

    /// A key no table `table` (`""` for the top of the file) has.
    fn unknown(&mut self, key: &Key<'_>, table: &str, known: &[&str]) {
        let id = if table.is_empty() {
            "config-unknown-key"
        } else {
            "config-unknown-key-in"
        };
        let message = Message::new(id)
            .with("key", format!("{:?}", key.get_ref().as_ref()))
            .with("table", table)
            .with("known", known.join(", "));
        self.problem(key.span(), message);
    }

    fn top(&mut self, table: &DeTable<'_>, config: &mut Config) {
        for (key, value) in ordered(table) {
            match key.get_ref().as_ref() {
                "theme" => {
                    let names: Vec<&str> = ThemeName::ALL.iter().map(|(n, _)| *n).collect();
                    if let Some(theme) = self.choice(value, &names, ThemeName::parse) {
                        config.theme = theme;
                    }
                }
                "language" => {
                    let parse = |name: &str| match name {
                        "auto" => Some(None),
                        other => Lang::parse(other).filter(|l| l.as_str() == other).map(Some),
                    };
                    if let Some(language) = self.choice(value, &["en", "vi", "auto"], parse) {
                        config.language = language;
                    }
                }
                "folder" => {
                    if let Some(folder) = self.string(value, "config-expected-folder") {
                        config.folder = Some(expand_home(&folder));
                    }
                }
                "list_width" => {
                    let range = crate::panes::LIST_PERCENT;
                    let (low, high) = (i64::from(*range.start()), i64::from(*range.end()));
                    if let Some(n) = self.integer(value, low..=high, "config-expected-percent") {
                        config.list_width = u8::try_from(n).ok();
                    }
                }
                "text_width" => {
                    let range = MIN_TEXT_WIDTH..=i64::from(u16::MAX);
                    if let Some(n) = self.integer(value, range, "config-expected-columns") {
                        config.text_width = u16::try_from(n).unwrap_or(u16::MAX);
                    }
                }
                "search" => {
                    if let Some(table) = self.table(value) {
                        self.search(table, &mut config.search);
                    }
                }
                "colors" => {
                    if let Some(table) = self.table(value) {
                        self.colors(table, &mut config.colors);
                    }
                }
                "keys" => {
                    if let Some(table) = self.table(value) {
                        self.keys(table, &mut config.keymap);
                    }
                }
                _ => self.unknown(key, "", &TOP_KEYS),
            }
        }
    }

    fn search(&mut self, table: &DeTable<'_>, options: &mut Options) {
        let sensitivity = |name: &str| match name {
            "smart" => Some(Sensitivity::Smart),
            "match" => Some(Sensitivity::On),
            "ignore" => Some(Sensitivity::Off),
            _ => None,
        };
        for (key, value) in ordered(table) {
            match key.get_ref().as_ref() {
                "case" => {
                    if let Some(s) = self.choice(value, &["smart", "match", "ignore"], sensitivity)
                    {
                        options.case = s;
                    }
                }
                "accents" => {
                    if let Some(s) = self.choice(value, &["smart", "match", "ignore"], sensitivity)
                    {
                        options.accents = s;
                    }
                }
                "words" => {
                    let words = |name: &str| match name {
                        "start" => Some(Words::Start),
                        "whole" => Some(Words::Whole),
                        "anywhere" => Some(Words::Anywhere),
                        _ => None,
                    };
                    if let Some(w) = self.choice(value, &["start", "whole", "anywhere"], words) {
                        options.words = w;
                    }
                }
                _ => self.unknown(key, "[search]", &["case", "accents", "words"]),
            }
        }
    }

    fn colors(&mut self, table: &DeTable<'_>, colors: &mut Vec<(&'static str, StyleOverride)>) {
        let names: Vec<&str> = STYLE_NAMES.iter().map(|(n, _)| *n).collect();
        for (key, value) in ordered(table) {
            let Some(&name) = names.iter().find(|n| **n == key.get_ref().as_ref()) else {
                self.unknown(key, "[colors]", &names);
                continue;
            };
            let style = match value.get_ref() {
                DeValue::String(colour) => {
                    self.colour(value.span(), colour).map(|fg| StyleOverride {
                        fg: Some(fg),
                        ..StyleOverride::default()
                    })
                }
                DeValue::Table(parts) => self.style(parts),
                _ => {
                    let message = Message::new("config-style-type").with("name", name);
                    self.problem(value.span(), message);
                    None
                }
            };
            if let Some(style) = style {
                colors.retain(|(n, _)| *n != name);
                colors.push((name, style));
            }
        }
    }

    fn style(&mut self, parts: &DeTable<'_>) -> Option<StyleOverride> {
        let mut style = StyleOverride::default();
        let mut known = vec!["fg", "bg"];
        known.extend(ATTRIBUTES.iter().map(|(n, _)| *n));
        let before = self.problems.len();
        for (key, value) in ordered(parts) {
            let name = key.get_ref().as_ref();
            if name == "fg" || name == "bg" {
                let colour = self
                    .string(value, "config-expected-colour")
                    .and_then(|c| self.colour(value.span(), &c));
                if name == "fg" {
                    style.fg = colour;
                } else {
                    style.bg = colour;
                }
            } else if let Some((_, modifier)) = ATTRIBUTES.iter().find(|(n, _)| *n == name) {
                match value.get_ref() {
                    DeValue::Boolean(true) => style.add |= *modifier,
                    DeValue::Boolean(false) => style.remove |= *modifier,
                    _ => self.problem(
                        value.span(),
                        Message::new("config-expected-bool").with("name", name),
                    ),
                }
            } else {
                self.unknown(key, "{ fg, bg, … }", &known);
            }
        }
        (self.problems.len() == before).then_some(style)
    }

    fn colour(&mut self, span: std::ops::Range<usize>, name: &str) -> Option<Color> {
        let parsed = name
            .parse::<Color>()
            .ok()
            .filter(|_| !name.trim().is_empty());
        if parsed.is_none() {
            let message = Message::new("config-unknown-colour").with("name", format!("{name:?}"));
            self.problem(span, message);
        }
        parsed
    }

    fn keys(&mut self, table: &DeTable<'_>, keymap: &mut Keymap) {
        let scopes: Vec<&str> = Scope::ALL.iter().map(|(n, _)| *n).collect();
        for (key, value) in ordered(table) {
            let Some(scope) = Scope::parse(key.get_ref().as_ref()) else {
                self.unknown(key, "[keys]", &scopes);
                continue;
            };
            let Some(bindings) = self.table(value) else {
                continue;
            };
            for (action, keys) in ordered(bindings) {
                let known = keymap.action_names(scope);
                if !known.iter().any(|a| a == action.get_ref().as_ref()) {
                    let message = Message::new("config-unknown-action")
                        .with("action", format!("{:?}", action.get_ref().as_ref()))
                        .with("scope", scope.name())
                        .with("known", known.join(", "));
                    self.problem(action.span(), message);
                    continue;
                }
                let names: Option<Vec<String>> = match keys.get_ref() {
                    DeValue::String(s) => Some(s.split_whitespace().map(str::to_owned).collect()),
                    DeValue::Array(items) => items
                        .iter()
                        .map(|item| match item.get_ref() {
                            DeValue::String(s) => Some(s.as_ref().to_owned()),
                            _ => None,
                        })
                        .collect(),
                    _ => None,
                };
                let Some(names) = names else {
                    let message = Message::new("config-expected-keys")
                        .with("action", action.get_ref().as_ref());
                    self.problem(keys.span(), message);
                    continue;
                };
                if let Err(err) = keymap.rebind(scope, action.get_ref().as_ref(), &names) {
                    let span = match err {
                        RebindError::UnknownAction { .. } => action.span(),
                        _ => keys.span(),
                    };
                    self.problem(span, rebind_message(err));
                }
            }
        }
    }

    fn table<'v, 'i>(&mut self, value: &'v Value<'i>) -> Option<&'v DeTable<'i>> {
        match value.get_ref() {
            DeValue::Table(table) => Some(table),
            _ => {
                self.problem(value.span(), Message::new("config-expected-table"));
                None
            }
        }
    }

    /// A string value; else the message `expected` says what was.
    fn string(&mut self, value: &Value<'_>, expected: &'static str) -> Option<String> {
        match value.get_ref() {
            DeValue::String(s) => Some(s.as_ref().to_owned()),
            _ => {
                self.problem(value.span(), Message::new(expected));
                None
            }
        }
    }

    fn choice<T>(
        &mut self,
        value: &Value<'_>,
        names: &[&str],
        parse: impl Fn(&str) -> Option<T>,
    ) -> Option<T> {
        let expected = names
            .iter()
            .map(|n| format!("{n:?}"))
            .collect::<Vec<_>>()
            .join(", ");
        let chosen = match value.get_ref() {
            DeValue::String(s) => parse(s),
            _ => None,
        };
        if chosen.is_none() {
            let shown = &self.text[value.span()];
            let message = Message::new("config-expected-one-of")
                .with("shown", shown)
                .with("expected", expected);
            self.problem(value.span(), message);
        }
        chosen
    }

    fn integer(
        &mut self,
        value: &Value<'_>,
        range: std::ops::RangeInclusive<i64>,
        expected: &'static str,
    ) -> Option<i64> {
        let n = match value.get_ref() {
            DeValue::Integer(n) => {
                i64::from_str_radix(&n.as_str().replace('_', ""), n.radix()).ok()
            }
            _ => None,
        };
        let taken = n.filter(|n| range.contains(n));
        if taken.is_none() {
            let shown = &self.text[value.span()];
            let message = Message::new(expected)
                .with("shown", shown)
                .with("low", range.start().to_string())
                .with("high", range.end().to_string());
            self.problem(value.span(), message);
        }
        taken
    }
}

/// What a refused binding says.
fn rebind_message(err: RebindError) -> Message {
    match err {
        RebindError::Key(KeyError(name)) => {
            Message::new("config-unknown-key-name").with("name", format!("{name:?}"))
        }
        RebindError::NoKey { action } => Message::new("config-no-key").with("action", action),
        RebindError::UnknownAction {
            action,
            scope,
            known,
        } => Message::new("config-unknown-action")
            .with("action", format!("{action:?}"))
            .with("scope", scope)
            .with("known", known),
        RebindError::Typed { key, scope } => Message::new("config-typed-key")
            .with("key", key)
            .with("scope", scope),
        RebindError::Twice {
            key,
            action,
            other,
            scope,
        } => Message::new("config-bound-twice")
            .with("key", key)
            .with("action", action)
            .with("other", other)
            .with_said("place", format!("place-{}", scope.name())),
    }
}

/// A path with a leading `~/` taken as the home directory.
fn expand_home(path: &str) -> PathBuf {
    match (path.strip_prefix("~/"), directories::BaseDirs::new()) {
        (Some(rest), Some(dirs)) => dirs.home_dir().join(rest),
        _ => PathBuf::from(path),
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
