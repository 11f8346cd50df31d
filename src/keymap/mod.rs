//! Keys to actions, as data: one table of `(where, "keys", Action)` (`defaults.rs`) serves the
//! event loop, the help overlay, the status line's hints and the README, so that no label can
//! drift from its key. Here: the bindings in force, rebinding, and a key or event to an action.

mod defaults;
mod help;
mod names;
mod scope;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEventKind};

use crate::action::Action;
use crate::i18n::Lang;
use crate::mode::Mode;
use defaults::{DEFAULTS, Line};
use names::{canonical, key_name, label, parse_key};
pub use scope::Scope;
use scope::{MODES, is_prompt};

/// Lines one notch of the mouse wheel scrolls.
pub const WHEEL_LINES: i16 = 3;

/// A key name that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown key {0:?}: expected a character, Enter, Esc, Tab, Space, Backspace, Delete, Up, Down, Left, Right, Home, End, PgUp, PgDn or F1 to F12, optionally after C- (Ctrl), A- (Alt) or S- (Shift)"
)]
pub struct KeyError(pub String);

/// Why a config file's binding was not taken.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RebindError {
    /// The key name is not one docbao knows.
    #[error(transparent)]
    Key(#[from] KeyError),
    /// No key was given.
    #[error("no key given for {action}: expected a key name or a list of them")]
    NoKey {
        /// The action's name.
        action: String,
    },
    /// The action is not one of the scope's.
    #[error("{action:?} is not an action of [keys.{scope}]: expected one of {known}")]
    UnknownAction {
        /// The name given.
        action: String,
        /// The scope's name.
        scope: &'static str,
        /// The scope's actions, comma separated.
        known: String,
    },
    /// A plain character in a prompt, where it is typed.
    #[error(
        "{key} cannot be bound in [keys.{scope}]: a character is typed into a prompt; use a Ctrl- or Alt- key"
    )]
    Typed {
        /// The key, as named.
        key: String,
        /// The scope's name.
        scope: &'static str,
    },
    /// The key already does something else where the action applies.
    #[error("{key} is bound twice: to {action} and to {other} (in {})", .scope.place(Lang::En))]
    Twice {
        /// The key, as named.
        key: String,
        /// The action being bound.
        action: String,
        /// The action the key already had.
        other: String,
        /// Where the other binding is.
        scope: Scope,
    },
}

/// A bound command's name in a config file; every binding is of a command.
fn command_name(action: &Action) -> &'static str {
    action.name().unwrap_or_default()
}

/// One key as the terminal sends it.
type Key = (KeyCode, KeyModifiers);

/// One line of the table, parsed.
#[derive(Debug, Clone)]
struct Binding {
    scope: Scope,
    keys: Vec<Key>,
    /// The keys as the table names them (`C-w`).
    names: Vec<String>,
    action: Action,
    /// Its own line in the help, or a part of the line before.
    line: Line,
}

/// The bindings in force.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        Keymap::from_table(DEFAULTS).expect("the default bindings parse: tested in keymap")
    }
}

impl Keymap {
    /// Parses a table of bindings.
    fn from_table(table: &[(Scope, &str, Action, Line)]) -> Result<Keymap, KeyError> {
        let bindings = table
            .iter()
            .map(|(scope, keys, action, line)| {
                let names: Vec<String> = keys.split_whitespace().map(str::to_owned).collect();
                let keys = names
                    .iter()
                    .map(|name| parse_key(name).ok_or_else(|| KeyError(name.clone())))
                    .collect::<Result<_, _>>()?;
                Ok(Binding {
                    scope: *scope,
                    keys,
                    names,
                    action: action.clone(),
                    line: *line,
                })
            })
            .collect::<Result<_, _>>()?;
        Ok(Keymap { bindings })
    }

    /// Gives an action of a scope new keys in place of its default ones; refused, with the
    /// keymap left as it was, if a name is unknown or a key would do two things in one mode.
    pub fn rebind(
        &mut self,
        scope: Scope,
        action: &str,
        names: &[String],
    ) -> Result<(), RebindError> {
        let Some(index) = self
            .bindings
            .iter()
            .position(|b| b.scope == scope && command_name(&b.action) == action)
        else {
            return Err(RebindError::UnknownAction {
                action: action.to_owned(),
                scope: scope.name(),
                known: self.action_names(scope).join(", "),
            });
        };
        if names.is_empty() {
            return Err(RebindError::NoKey {
                action: action.to_owned(),
            });
        }
        let keys: Vec<Key> = names
            .iter()
            .map(|name| parse_key(name).ok_or_else(|| KeyError(name.clone())))
            .collect::<Result<_, _>>()?;
        // Everywhere includes the prompts, where a plain character is typed.
        let typed = MODES.iter().any(|m| is_prompt(*m) && scope.applies(*m));
        if let Some((name, _)) = names.iter().zip(&keys).find(|(_, (code, modifiers))| {
            typed && matches!(code, KeyCode::Char(_)) && modifiers.is_empty()
        }) {
            return Err(RebindError::Typed {
                key: label(name),
                scope: scope.name(),
            });
        }
        let bound = &self.bindings[index];
        for mode in MODES.iter().filter(|m| scope.applies(**m)) {
            for other in self.bindings.iter().enumerate().filter_map(|(i, b)| {
                (i != index && b.scope.applies(*mode) && b.action != bound.action).then_some(b)
            }) {
                if let Some((name, _)) = names
                    .iter()
                    .zip(&keys)
                    .find(|(_, key)| other.keys.contains(key))
                {
                    return Err(RebindError::Twice {
                        key: label(name),
                        action: action.to_owned(),
                        other: command_name(&other.action).to_owned(),
                        scope: other.scope,
                    });
                }
            }
        }
        let binding = &mut self.bindings[index];
        binding.keys = keys;
        binding.names = names.iter().map(|n| canonical(n)).collect();
        Ok(())
    }

    /// The names of the actions bound in a scope, in the help's order.
    pub fn action_names(&self, scope: Scope) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for binding in self.bindings.iter().filter(|b| b.scope == scope) {
            let name = command_name(&binding.action).to_owned();
            if !names.contains(&name) {
                names.push(name);
            }
        }
        names
    }

    /// Every binding as a config file writes it: scope, action name, key names.
    pub fn bindings(&self) -> Vec<(Scope, String, Vec<String>)> {
        self.bindings
            .iter()
            .map(|b| (b.scope, command_name(&b.action).to_owned(), b.names.clone()))
            .collect()
    }

    /// The action a key press asks for in a mode, if any.
    pub fn action_for_key(&self, mode: Mode, key: KeyEvent) -> Option<Action> {
        if key.kind == KeyEventKind::Release {
            return None;
        }
        // Terminals differ on whether Shift comes with a shifted character; compare without it.
        let modifiers = key.modifiers - KeyModifiers::SHIFT;
        let bound = |scope_first: bool| {
            self.bindings
                .iter()
                .filter(|b| (b.scope == Scope::Everywhere) == scope_first && b.scope.applies(mode))
                .find(|b| {
                    b.keys
                        .iter()
                        .any(|&(code, m)| code == key.code && m - KeyModifiers::SHIFT == modifiers)
                })
                .map(|b| b.action.clone())
        };
        if let Some(action) = bound(true) {
            return Some(action);
        }
        if let KeyCode::Char(c) = key.code
            && is_prompt(mode)
            && modifiers.is_empty()
        {
            return Some(Action::Insert(c));
        }
        bound(false).or_else(|| {
            // A modifier pressed alone is half of a key, not a key.
            let whole = !matches!(key.code, KeyCode::Modifier(_));
            whole.then(|| Action::Unbound(key_name(key.code, modifiers)))
        })
    }

    /// The action a terminal event asks for in a mode, if any.
    pub fn action_for_event(&self, mode: Mode, event: &Event) -> Option<Action> {
        match event {
            Event::Key(key) => self.action_for_key(mode, *key),
            Event::Paste(text) => Some(Action::Paste(text.clone())),
            Event::Resize(width, height) => Some(Action::Resize {
                width: *width,
                height: *height,
            }),
            Event::Mouse(mouse) => {
                let lines = match mouse.kind {
                    MouseEventKind::ScrollDown => WHEEL_LINES,
                    MouseEventKind::ScrollUp => -WHEEL_LINES,
                    MouseEventKind::Down(crossterm::event::MouseButton::Left) => {
                        return Some(Action::ClickAt {
                            column: mouse.column,
                            row: mouse.row,
                        });
                    }
                    _ => return None,
                };
                Some(Action::ScrollAt {
                    column: mouse.column,
                    row: mouse.row,
                    lines,
                })
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Message;
    use crate::mode::HelpLine;

    #[test]
    fn every_command_has_a_name_of_its_own_a_key_and_its_words_in_both_languages() {
        let keymap = Keymap::default();
        let mut names: Vec<&str> = Action::COMMANDS.iter().map(|(_, n)| *n).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Action::COMMANDS.len(), "a name given twice");
        for (action, name) in Action::COMMANDS {
            assert_eq!(Action::named(name).as_ref(), Some(action));
            assert!(
                keymap.bindings.iter().any(|b| &b.action == action),
                "{name} has no key"
            );
        }
        for binding in keymap.bindings.iter().filter(|b| b.line == Line::Own) {
            let id = help::help_id(binding.scope, &binding.action);
            for lang in [Lang::En, Lang::Vi] {
                if let Err(err) = Message::new(&id).say_strictly(lang) {
                    panic!("{err}");
                }
            }
        }
        assert_eq!(Action::Insert('x').name(), None);
    }

    fn press(mode: Mode, code: KeyCode, modifiers: KeyModifiers) -> Option<Action> {
        Keymap::default().action_for_key(mode, KeyEvent::new(code, modifiers))
    }

    #[test]
    fn the_defaults_parse_and_no_key_does_two_things_in_one_mode() {
        let keymap = Keymap::from_table(DEFAULTS).expect("defaults parse");
        for mode in MODES {
            let mut seen: Vec<(Key, &Action)> = Vec::new();
            for binding in keymap.bindings.iter().filter(|b| b.scope.applies(mode)) {
                for key in &binding.keys {
                    if let Some((_, other)) = seen.iter().find(|(k, _)| k == key) {
                        assert_eq!(*other, &binding.action, "{key:?} twice in {mode:?}");
                    }
                    seen.push((*key, &binding.action));
                }
            }
        }
    }

    #[test]
    fn prompts_have_no_plain_characters_bound() {
        for binding in Keymap::default().bindings {
            if matches!(
                binding.scope,
                Scope::Prompt | Scope::Search | Scope::ReaderPrompt | Scope::ListPrompt
            ) {
                for (code, modifiers) in binding.keys {
                    let plain = matches!(code, KeyCode::Char(_)) && modifiers.is_empty();
                    assert!(!plain, "{code:?} would be typed, never bound");
                }
            }
        }
    }

    #[test]
    fn every_key_bound_is_in_the_help() {
        let keymap = Keymap::default();
        let help = keymap.help(Lang::En);
        let shown: String = help
            .lines
            .iter()
            .filter_map(|l| match l {
                HelpLine::Key { keys, .. } => Some(format!(" {keys} ")),
                _ => None,
            })
            .collect();
        for binding in &keymap.bindings {
            for name in &binding.names {
                assert!(
                    shown.contains(&format!(" {} ", label(name))),
                    "{name} missing"
                );
            }
        }
        for (mode, hints) in &help.hints {
            assert!(
                !hints.trim().is_empty() && !hints.starts_with(' '),
                "{mode:?}: {hints:?}"
            );
        }
    }

    #[test]
    fn reader_keys_do_nothing_in_the_list_and_ctrl_c_quits_everywhere() {
        let none = KeyModifiers::NONE;
        assert_eq!(
            press(Mode::List, KeyCode::Char('n'), none),
            Some(Action::Unbound("n".to_owned()))
        );
        assert_eq!(
            press(Mode::List, KeyCode::Char('x'), KeyModifiers::CONTROL),
            Some(Action::Unbound("Ctrl-X".to_owned()))
        );
        assert_eq!(
            press(Mode::Reader, KeyCode::Char('}'), none),
            Some(Action::NextParagraph)
        );
        for mode in MODES {
            assert_eq!(
                press(mode, KeyCode::Char('c'), KeyModifiers::CONTROL),
                Some(Action::Quit),
                "{mode:?}"
            );
        }
        assert_eq!(
            press(Mode::NotePrompt, KeyCode::Char('q'), none),
            Some(Action::Insert('q'))
        );
        assert_eq!(
            press(Mode::List, KeyCode::Char('G'), KeyModifiers::SHIFT),
            Some(Action::Bottom)
        );
        assert_eq!(
            press(Mode::List, KeyCode::BackTab, KeyModifiers::SHIFT),
            Some(Action::SwitchFocus)
        );
    }

    #[test]
    fn labels() {
        assert_eq!(label("C-w"), "Ctrl-W");
        assert_eq!(label("A-c"), "Alt-c");
        assert_eq!(label("Down"), "↓");
        assert_eq!(label("S-Tab"), "Shift-Tab");
        assert_eq!(parse_key("C-"), None);
        assert_eq!(
            parse_key("-"),
            Some((KeyCode::Char('-'), KeyModifiers::NONE))
        );
        assert_eq!(parse_key("Fx"), None);
        assert_eq!(parse_key("F5"), Some((KeyCode::F(5), KeyModifiers::NONE)));
        assert_eq!(
            parse_key("C-F12"),
            Some((KeyCode::F(12), KeyModifiers::CONTROL))
        );
        assert_eq!(parse_key("F13"), None);
        assert_eq!(
            parse_key("F"),
            Some((KeyCode::Char('F'), KeyModifiers::NONE))
        );
    }
}
