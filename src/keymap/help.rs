//! The bindings as people read them: the help overlay's lines, the status line's hints, the
//! manual page's sections and the README's key table, in a language.

use super::defaults::{HINTS, Line, SECTIONS, WHEEL};
use super::names::label;
use super::scope::MODES;
use super::{Keymap, Scope, command_name};
use crate::action::Action;
use crate::i18n::Lang;
use crate::mode::{HelpLine, KeyHelp};

impl Keymap {
    /// The bindings grouped into lines: each line's scope, keys as shown, and message id.
    pub(super) fn lines(&self) -> Vec<(Scope, String, String)> {
        let mut lines: Vec<(Scope, String, String)> = Vec::new();
        for binding in &self.bindings {
            let keys = binding
                .names
                .iter()
                .map(|n| label(n))
                .collect::<Vec<_>>()
                .join(" ");
            match lines.last_mut() {
                Some(line) if binding.line == Line::Joins && line.0 == binding.scope => {
                    line.1 = format!("{} {keys}", line.1);
                }
                _ => lines.push((binding.scope, keys, help_id(binding.scope, &binding.action))),
            }
        }
        lines
    }

    /// The keys as the screens show them, in a language: help lines, sections, hints, keys
    /// of actions.
    pub fn help(&self, lang: Lang) -> KeyHelp {
        let lines = self.lines();
        let mut help = KeyHelp::default();
        for (scopes, title, modes) in SECTIONS {
            if !help.lines.is_empty() {
                help.lines.push(HelpLine::Blank);
            }
            for mode in *modes {
                help.sections.push((*mode, help.lines.len()));
            }
            help.lines.push(HelpLine::Section(lang.t(title)));
            for (_, keys, text) in lines.iter().filter(|(s, _, _)| scopes.contains(s)) {
                help.lines.push(HelpLine::Key {
                    keys: keys.clone(),
                    help: lang.t(text),
                });
            }
            if scopes.contains(&Scope::Browse) {
                help.lines.push(HelpLine::Key {
                    keys: lang.t(WHEEL.0),
                    help: lang.t(WHEEL.1),
                });
            }
        }
        for mode in MODES {
            for binding in self.bindings.iter().filter(|b| b.scope.applies(mode)) {
                let known = help
                    .keys
                    .iter()
                    .any(|(m, a, _)| *m == mode && *a == binding.action);
                if let (false, Some(first)) = (known, binding.names.first()) {
                    help.keys.push((mode, binding.action.clone(), label(first)));
                }
            }
        }
        for (mode, hints) in HINTS {
            let text: Vec<String> = hints
                .iter()
                .map(|(actions, word)| {
                    let keys: Vec<&str> = actions.iter().map(|a| help.key(*mode, a)).collect();
                    format!("{} {}", keys.join(" "), lang.t(word))
                })
                .collect();
            help.hints.push((*mode, format!("{} ", text.join("  "))));
        }
        help
    }

    /// The help's sections as titles and `(keys, text)` lines, for the manual page.
    pub fn sections(&self, lang: Lang) -> Vec<(String, Vec<(String, String)>)> {
        let mut sections: Vec<(String, Vec<(String, String)>)> = Vec::new();
        for line in self.help(lang).lines {
            match line {
                HelpLine::Section(title) => sections.push((title, Vec::new())),
                HelpLine::Key { keys, help } => {
                    if let Some((_, lines)) = sections.last_mut() {
                        lines.push((keys, help));
                    }
                }
                HelpLine::Blank => {}
            }
        }
        sections
    }

    /// The key table as Markdown, as the README shows it, in a language.
    pub fn markdown(&self, lang: Lang) -> String {
        let mut out = lang.t("readme-key-table-head");
        out.push('\n');
        let place = |scope: Scope| scope.place(lang);
        for (scope, keys, text) in self.lines() {
            let keys: Vec<String> = keys.split(' ').map(|k| format!("`{k}`")).collect();
            out.push_str(&format!(
                "| {} | {} | {} |\n",
                keys.join(" "),
                place(scope),
                lang.t(&text)
            ));
        }
        out.push_str(&format!(
            "| {} | {} | {} |\n",
            lang.t("readme-mouse-wheel"),
            place(Scope::Browse),
            lang.t(WHEEL.1)
        ));
        out
    }
}

/// The message that says what a command does in a scope: `key-<scope>-<command>`.
pub(super) fn help_id(scope: Scope, action: &Action) -> String {
    format!("key-{}-{}", scope.name(), command_name(action))
}
