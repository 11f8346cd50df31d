//! The config's `[colors]`: changes to the theme's styles, and reading them from the file.

use ratatui::style::{Color, Modifier, Style};
use toml::de::{DeTable, DeValue};

use super::parse::{Reader, ordered};
use crate::i18n::Message;
use crate::theme::STYLE_NAMES;

/// The attributes a style in `[colors]` may turn on or off.
pub(super) const ATTRIBUTES: [(&str, Modifier); 5] = [
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

impl Reader<'_> {
    pub(super) fn colors(
        &mut self,
        table: &DeTable<'_>,
        colors: &mut Vec<(&'static str, StyleOverride)>,
    ) {
        let names: Vec<&str> = STYLE_NAMES.to_vec();
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
}
