//! The interface's language: which one the user asked for, and its messages, from one
//! Fluent catalog per language (`en.ftl`, `vi.ftl`, compiled in).

mod words;

use std::sync::OnceLock;

pub use words::Say;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// The English catalog: every message docbao shows.
const EN: &str = include_str!("en.ftl");

/// The Vietnamese catalog: the same messages.
const VI: &str = include_str!("vi.ftl");

/// One argument of a message: its name in the catalog and its value.
pub type Arg<'a> = (&'a str, FluentValue<'a>);

type Bundle = FluentBundle<FluentResource>;

/// The catalog's text for a language.
fn source(lang: Lang) -> &'static str {
    match lang {
        Lang::En => EN,
        Lang::Vi => VI,
    }
}

/// A language's messages, read once.
fn bundle(lang: Lang) -> &'static Bundle {
    static BUNDLES: [OnceLock<Bundle>; 2] = [OnceLock::new(), OnceLock::new()];
    let index = match lang {
        Lang::En => 0,
        Lang::Vi => 1,
    };
    BUNDLES[index].get_or_init(|| {
        let tag = lang
            .as_str()
            .parse()
            .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
        let mut bundle = FluentBundle::new_concurrent(vec![tag]);
        // Unicode isolation marks around each argument would take no column on some
        // terminals and one on others: docbao lays text out to the column, so none.
        bundle.set_use_isolating(false);
        // A catalog with a mistake keeps every message it could read; the test of the
        // catalogs fails on the mistake itself.
        let resource = FluentResource::try_new(source(lang).to_owned())
            .unwrap_or_else(|(resource, _)| resource);
        let _ = bundle.add_resource(resource);
        bundle
    })
}

/// Every message id a language's catalog has, in its order.
pub fn ids(lang: Lang) -> Vec<String> {
    let resource = match FluentResource::try_new(source(lang).to_owned()) {
        Ok(resource) | Err((resource, _)) => resource,
    };
    resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

/// What is wrong in a language's catalog, if anything.
pub fn catalog_errors(lang: Lang) -> Vec<String> {
    match FluentResource::try_new(source(lang).to_owned()) {
        Ok(_) => Vec::new(),
        Err((_, errors)) => errors.iter().map(|e| format!("{e:?}")).collect(),
    }
}

/// A message of the catalogs with its arguments, said in the language of whatever shows it:
/// for what is found before the language is known, as a config file's mistakes are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message(Box<Said>);

/// What a [`Message`] holds, boxed: a message sits in every problem a catalog keeps, and in
/// results whose error must stay small.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Said {
    /// The message's id in the catalogs.
    id: String,
    /// Its arguments, in the order given.
    args: Vec<Argument>,
}

/// One argument of a [`Message`].
#[derive(Debug, Clone, PartialEq, Eq)]
struct Argument {
    /// Its name in the catalog.
    name: &'static str,
    /// Its value, or the id of the message that is its value.
    value: String,
    /// Whether `value` is a message id, said in the same language.
    said: bool,
}

impl Message {
    /// The message `id`, without arguments yet.
    pub fn new(id: &str) -> Message {
        Message(Box::new(Said {
            id: id.to_owned(),
            args: Vec::new(),
        }))
    }

    /// The message's id in the catalogs.
    pub fn id(&self) -> &str {
        &self.0.id
    }

    fn push(mut self, name: &'static str, value: String, said: bool) -> Message {
        self.0.args.push(Argument { name, value, said });
        self
    }

    /// The message with one more argument, the message `id` in the same language.
    pub fn with_said(self, name: &'static str, id: impl Into<String>) -> Message {
        self.push(name, id.into(), true)
    }

    /// The message with one more argument.
    pub fn with(self, name: &'static str, value: impl Into<String>) -> Message {
        self.push(name, value.into(), false)
    }

    /// The message in a language.
    pub fn say(&self, lang: Lang) -> String {
        let values: Vec<String> = self
            .0
            .args
            .iter()
            .map(|arg| match arg.said {
                true => lang.t(&arg.value),
                false => arg.value.clone(),
            })
            .collect();
        let args: Vec<Arg<'_>> = self
            .0
            .args
            .iter()
            .zip(&values)
            .map(|(arg, value)| match value.parse::<u64>() {
                // A count chooses the plural form: a number, not a text.
                Ok(n) if arg.name == "count" => (arg.name, FluentValue::from(n)),
                _ => (arg.name, FluentValue::from(value.as_str())),
            })
            .collect();
        lang.tr(&self.0.id, &args)
    }

    /// The message in a language, or what is wrong with it: an id the catalog lacks, an
    /// argument it asks for and is not given. For the test that says every typed value.
    pub fn say_strictly(&self, lang: Lang) -> Result<String, String> {
        let bundle = bundle(lang);
        let pattern = bundle
            .get_message(&self.0.id)
            .and_then(|m| m.value())
            .ok_or_else(|| format!("{:?} has no {}", lang, self.0.id))?;
        let mut fluent_args = FluentArgs::new();
        for arg in &self.0.args {
            let value = match arg.said {
                true => lang.say_strictly_id(&arg.value)?,
                false => arg.value.clone(),
            };
            match value.parse::<u64>() {
                Ok(n) if arg.name == "count" => fluent_args.set(arg.name, FluentValue::from(n)),
                _ => fluent_args.set(arg.name, FluentValue::from(value)),
            }
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
        match errors.is_empty() {
            true => Ok(text.into_owned()),
            false => Err(format!("{:?} {}: {errors:?}", lang, self.0.id)),
        }
    }

    /// The message as one string, to keep where only text is kept (the catalog cache):
    /// its id, then each argument's name and value, between separators no text holds.
    pub fn encode(&self) -> String {
        let mut out = self.0.id.clone();
        for arg in self.0.args.iter().filter(|a| !a.said) {
            out.push(FIELD);
            out.push_str(arg.name);
            out.push(VALUE);
            out.push_str(&arg.value);
        }
        out
    }

    /// A message kept by [`Message::encode`]; text kept before messages were (an older
    /// docbao's) is said as it is.
    pub fn decode(kept: &str) -> Message {
        let mut fields = kept.split(FIELD);
        let id = fields.next().unwrap_or_default();
        if !bundle(Lang::En).has_message(id) {
            return Message::new(VERBATIM).with("text", kept);
        }
        let mut message = Message::new(id);
        for field in fields {
            let (name, value) = field.split_once(VALUE).unwrap_or((field, ""));
            // Argument names are the catalog's, a few known words: keep the one the
            // catalog spells, so that the name can live as long as the program.
            if let Some(known) = ARGUMENT_NAMES.iter().find(|n| **n == name) {
                message = message.with(known, value);
            }
        }
        message
    }
}

impl std::fmt::Display for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.say(Lang::En))
    }
}

/// Separates a kept message's fields.
const FIELD: char = '\u{1f}';

/// Separates an argument's name from its value.
const VALUE: char = '\u{1e}';

/// The message that says a text as it is.
const VERBATIM: &str = "verbatim";

/// The names of the arguments of the messages a catalog keeps.
const ARGUMENT_NAMES: &[&str] = &[
    "why", "error", "encoding", "text", "index", "path", "env", "count",
];

/// A language the interface speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Vietnamese.
    Vi,
}

impl Lang {
    /// Every language, as `--lang` and the config file name it.
    pub const ALL: [(&'static str, Lang); 2] = [("en", Lang::En), ("vi", Lang::Vi)];

    /// The language a name or a locale (`vi`, `vi_VN.UTF-8`, `en-GB`) is written in, if one
    /// docbao speaks.
    pub fn parse(name: &str) -> Option<Lang> {
        let code: String = name
            .chars()
            .take_while(char::is_ascii_alphabetic)
            .collect::<String>()
            .to_ascii_lowercase();
        Lang::ALL.iter().find(|(n, _)| *n == code).map(|(_, l)| *l)
    }

    /// The language of the locale, as POSIX picks the one for messages: the first of
    /// `LC_ALL`, `LC_MESSAGES` and `LANG` that is set decides; Vietnamese for `vi*`, else
    /// English.
    pub fn from_locale(var: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|name| var(name).filter(|v| !v.is_empty()))
            .and_then(|value| Lang::parse(&value))
            .unwrap_or(Lang::En)
    }

    /// The language of this process's locale.
    pub fn from_env() -> Lang {
        Lang::from_locale(|name| std::env::var(name).ok())
    }

    /// The message `id` in this language, if its catalog has it.
    pub fn get(self, id: &str, args: &[Arg<'_>]) -> Option<String> {
        let bundle = bundle(self);
        let pattern = bundle.get_message(id)?.value()?;
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
        Some(text.into_owned())
    }

    /// The message `id` with arguments: in this language, else in English, else its id
    /// (the test of the catalogs makes sure it is in both).
    pub fn tr(self, id: &str, args: &[Arg<'_>]) -> String {
        self.get(id, args)
            .or_else(|| Lang::En.get(id, args))
            .unwrap_or_else(|| id.to_owned())
    }

    /// The message `id`, which takes no arguments, or what is wrong with it.
    fn say_strictly_id(self, id: &str) -> Result<String, String> {
        Message::new(id).say_strictly(self)
    }

    /// The message `id`, which takes no arguments.
    pub fn t(self, id: &str) -> String {
        self.tr(id, &[])
    }

    /// A reading time as people say it: `7 min`, `1 h`, `1 h 6 min`.
    pub fn reading_time(self, minutes: usize) -> String {
        match (minutes / 60, minutes % 60) {
            (0, m) => self.tr("time-minutes", &[("minutes", m.into())]),
            (h, 0) => self.tr("time-hours", &[("hours", h.into())]),
            (h, m) => self.tr(
                "time-hours-minutes",
                &[("hours", h.into()), ("minutes", m.into())],
            ),
        }
    }

    /// Where a catalog's articles come from, as a message says it: the folder's path, or
    /// "the bundled articles".
    pub fn origin(self, origin: &str) -> String {
        if origin == crate::catalog::BUNDLED_ORIGIN {
            self.t("origin-bundled")
        } else {
            origin.to_owned()
        }
    }

    /// The name `--lang` and the config file use.
    pub fn as_str(self) -> &'static str {
        Lang::ALL
            .iter()
            .find(|(_, l)| *l == self)
            .map_or("en", |(n, _)| n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn locale(vars: &[(&str, &str)]) -> Lang {
        Lang::from_locale(|name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v).to_owned())
        })
    }

    #[test]
    fn the_first_locale_variable_set_decides() {
        assert_eq!(locale(&[("LANG", "vi_VN.UTF-8")]), Lang::Vi);
        assert_eq!(locale(&[("LANG", "vi")]), Lang::Vi);
        assert_eq!(
            locale(&[("LC_ALL", "en_US.UTF-8"), ("LANG", "vi_VN.UTF-8")]),
            Lang::En
        );
        assert_eq!(
            locale(&[("LC_MESSAGES", "vi_VN"), ("LANG", "en_US.UTF-8")]),
            Lang::Vi
        );
        // Set but empty is not set.
        assert_eq!(locale(&[("LC_ALL", ""), ("LANG", "vi_VN.UTF-8")]), Lang::Vi);
        assert_eq!(locale(&[("LANG", "C.UTF-8")]), Lang::En);
        assert_eq!(locale(&[("LANG", "fr_FR.UTF-8")]), Lang::En);
        assert_eq!(locale(&[]), Lang::En);
    }

    #[test]
    fn reading_times() {
        assert_eq!(Lang::En.reading_time(7), "7 min");
        assert_eq!(Lang::En.reading_time(60), "1 h");
        assert_eq!(Lang::En.reading_time(66), "1 h 6 min");
        assert_eq!(Lang::En.reading_time(125), "2 h 5 min");
    }

    #[test]
    fn names_and_locales_parse() {
        assert_eq!(Lang::parse("VI"), Some(Lang::Vi));
        assert_eq!(Lang::parse("en-GB"), Some(Lang::En));
        assert_eq!(Lang::parse("vie"), None);
        assert_eq!(Lang::parse("de"), None);
        assert_eq!(Lang::Vi.as_str(), "vi");
    }
}
