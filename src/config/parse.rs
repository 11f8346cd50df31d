//! Reading a config's text: the TOML parsed, then walked key by key, each setting taken if it
//! is right and each mistake noted where it is; the top-level settings and `[search]`.

use std::path::{Path, PathBuf};

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::{Config, Problem, position};
use crate::i18n::{Lang, Message};
use crate::search::{Options, Sensitivity, Words};
use crate::theme::ThemeName;

/// Narrowest text width a config may ask for.
const MIN_TEXT_WIDTH: i64 = 20;

/// The top-level keys, in the order the default file lists them.
const TOP_KEYS: [&str; 9] = [
    "theme",
    "language",
    "folder",
    "list_width",
    "text_width",
    "mouse",
    "search",
    "colors",
    "keys",
];

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
pub(super) fn ordered<'t, 'i>(table: &'t DeTable<'i>) -> Vec<(&'t Key<'i>, &'t Value<'i>)> {
    let mut entries: Vec<_> = table.iter().collect();
    entries.sort_by_key(|(key, _)| key.span().start);
    entries
}

/// Walks a parsed file, noting each mistake where it is.
pub(super) struct Reader<'t> {
    text: &'t str,
    file: &'t Path,
    pub(super) problems: Vec<Problem>,
}

impl Reader<'_> {
    pub(super) fn problem(&mut self, span: std::ops::Range<usize>, message: Message) {
        self.problems.push(Problem {
            file: self.file.to_owned(),
            at: Some(position(self.text, span.start)),
            message,
        });
    }

    /// A key no table `table` (`""` for the top of the file) has.
    pub(super) fn unknown(&mut self, key: &Key<'_>, table: &str, known: &[&str]) {
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
                "mouse" => match value.get_ref() {
                    DeValue::Boolean(on) => config.mouse = *on,
                    _ => self.problem(
                        value.span(),
                        Message::new("config-expected-bool").with("name", "mouse"),
                    ),
                },
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

    pub(super) fn table<'v, 'i>(&mut self, value: &'v Value<'i>) -> Option<&'v DeTable<'i>> {
        match value.get_ref() {
            DeValue::Table(table) => Some(table),
            _ => {
                self.problem(value.span(), Message::new("config-expected-table"));
                None
            }
        }
    }

    /// A string value; else the message `expected` says what was.
    pub(super) fn string(&mut self, value: &Value<'_>, expected: &'static str) -> Option<String> {
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

/// A path with a leading `~/` taken as the home directory.
fn expand_home(path: &str) -> PathBuf {
    match (path.strip_prefix("~/"), directories::BaseDirs::new()) {
        (Some(rest), Some(dirs)) => dirs.home_dir().join(rest),
        _ => PathBuf::from(path),
    }
}
