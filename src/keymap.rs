//! Keys to actions: one table serves the event loop, the help overlay and the README.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEventKind};

use crate::action::Action;

/// Lines one notch of the mouse wheel scrolls.
pub const WHEEL_LINES: i16 = 3;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// In the list and in the reader.
    Anywhere,
    /// Only while the reader has the focus.
    Reader,
    /// While the help overlay is shown.
    Help,
}

/// What has the keyboard: decides which bindings apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The article list.
    List,
    /// The reading pane.
    Reader,
    /// The help overlay, over either pane.
    Help,
}

/// One line of the key table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// The keys as the help shows them.
    pub label: &'static str,
    /// The keys as the terminal sends them.
    pub keys: &'static [(KeyCode, KeyModifiers)],
    /// What they do.
    pub action: Action,
    /// Where they apply.
    pub scope: Scope,
    /// What the user gets, in a few words.
    pub help: &'static str,
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;

/// Every key docbao knows, in the order the help lists them.
pub const BINDINGS: &[Binding] = &[
    Binding {
        label: "j ↓",
        keys: &[(KeyCode::Char('j'), NONE), (KeyCode::Down, NONE)],
        action: Action::Down,
        scope: Scope::Anywhere,
        help: "next article / scroll down",
    },
    Binding {
        label: "k ↑",
        keys: &[(KeyCode::Char('k'), NONE), (KeyCode::Up, NONE)],
        action: Action::Up,
        scope: Scope::Anywhere,
        help: "previous article / scroll up",
    },
    Binding {
        label: "Space PgDn f",
        keys: &[
            (KeyCode::Char(' '), NONE),
            (KeyCode::PageDown, NONE),
            (KeyCode::Char('f'), NONE),
        ],
        action: Action::PageDown,
        scope: Scope::Anywhere,
        help: "page down",
    },
    Binding {
        label: "PgUp b",
        keys: &[(KeyCode::PageUp, NONE), (KeyCode::Char('b'), NONE)],
        action: Action::PageUp,
        scope: Scope::Anywhere,
        help: "page up",
    },
    Binding {
        label: "g Home",
        keys: &[(KeyCode::Char('g'), NONE), (KeyCode::Home, NONE)],
        action: Action::Top,
        scope: Scope::Anywhere,
        help: "first article / top",
    },
    Binding {
        label: "G End",
        keys: &[(KeyCode::Char('G'), NONE), (KeyCode::End, NONE)],
        action: Action::Bottom,
        scope: Scope::Anywhere,
        help: "last article / end",
    },
    Binding {
        label: "Enter l →",
        keys: &[
            (KeyCode::Enter, NONE),
            (KeyCode::Char('l'), NONE),
            (KeyCode::Right, NONE),
        ],
        action: Action::Open,
        scope: Scope::Anywhere,
        help: "read the selected article",
    },
    Binding {
        label: "Esc h ←",
        keys: &[
            (KeyCode::Esc, NONE),
            (KeyCode::Char('h'), NONE),
            (KeyCode::Left, NONE),
        ],
        action: Action::Back,
        scope: Scope::Anywhere,
        help: "back to the list",
    },
    Binding {
        label: "Tab",
        keys: &[(KeyCode::Tab, NONE), (KeyCode::BackTab, SHIFT)],
        action: Action::SwitchFocus,
        scope: Scope::Anywhere,
        help: "switch between list and reader",
    },
    Binding {
        label: "}",
        keys: &[(KeyCode::Char('}'), NONE)],
        action: Action::NextParagraph,
        scope: Scope::Reader,
        help: "next paragraph",
    },
    Binding {
        label: "{",
        keys: &[(KeyCode::Char('{'), NONE)],
        action: Action::PreviousParagraph,
        scope: Scope::Reader,
        help: "previous paragraph",
    },
    Binding {
        label: "]",
        keys: &[(KeyCode::Char(']'), NONE)],
        action: Action::NextArticle,
        scope: Scope::Reader,
        help: "next article",
    },
    Binding {
        label: "[",
        keys: &[(KeyCode::Char('['), NONE)],
        action: Action::PreviousArticle,
        scope: Scope::Reader,
        help: "previous article",
    },
    Binding {
        label: "?",
        keys: &[(KeyCode::Char('?'), NONE)],
        action: Action::ToggleHelp,
        scope: Scope::Anywhere,
        help: "show this help",
    },
    Binding {
        label: "q Ctrl-C",
        keys: &[(KeyCode::Char('q'), NONE), (KeyCode::Char('c'), CTRL)],
        action: Action::Quit,
        scope: Scope::Anywhere,
        help: "quit",
    },
    Binding {
        label: "j ↓",
        keys: &[(KeyCode::Char('j'), NONE), (KeyCode::Down, NONE)],
        action: Action::Down,
        scope: Scope::Help,
        help: "scroll the help down",
    },
    Binding {
        label: "k ↑",
        keys: &[(KeyCode::Char('k'), NONE), (KeyCode::Up, NONE)],
        action: Action::Up,
        scope: Scope::Help,
        help: "scroll the help up",
    },
    Binding {
        label: "? Esc q",
        keys: &[
            (KeyCode::Char('?'), NONE),
            (KeyCode::Esc, NONE),
            (KeyCode::Char('q'), NONE),
        ],
        action: Action::ToggleHelp,
        scope: Scope::Help,
        help: "close the help",
    },
];

/// The action a key press asks for in a mode, if any.
pub fn action_for_key(mode: Mode, key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    if key.code == KeyCode::Char('c') && key.modifiers.contains(CTRL) {
        return Some(Action::Quit);
    }
    let applies = |scope: Scope| match mode {
        Mode::Help => scope == Scope::Help,
        Mode::Reader => scope != Scope::Help,
        Mode::List => scope == Scope::Anywhere,
    };
    // Terminals differ on whether Shift comes with a shifted character; compare without it.
    let modifiers = key.modifiers - SHIFT;
    BINDINGS
        .iter()
        .filter(|b| applies(b.scope))
        .find(|b| {
            b.keys
                .iter()
                .any(|&(code, m)| code == key.code && m - SHIFT == modifiers)
        })
        .map(|b| b.action)
}

/// The action a terminal event asks for in a mode, if any.
pub fn action_for_event(mode: Mode, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) => action_for_key(mode, *key),
        Event::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        Event::Mouse(mouse) => {
            let lines = match mouse.kind {
                MouseEventKind::ScrollDown => WHEEL_LINES,
                MouseEventKind::ScrollUp => -WHEEL_LINES,
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

/// One line of the help overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpLine {
    /// A group heading.
    Section(&'static str),
    /// Keys and what they do.
    Key(&'static str, &'static str),
    /// Space between groups.
    Blank,
}

/// The help overlay's lines, generated from [`BINDINGS`].
pub fn help_lines() -> Vec<HelpLine> {
    let sections = [
        (Scope::Anywhere, "In the list and the reader"),
        (Scope::Reader, "In the reader"),
        (Scope::Help, "In this help"),
    ];
    let mut lines = Vec::new();
    for (scope, title) in sections {
        if !lines.is_empty() {
            lines.push(HelpLine::Blank);
        }
        lines.push(HelpLine::Section(title));
        lines.extend(
            BINDINGS
                .iter()
                .filter(|b| b.scope == scope)
                .map(|b| HelpLine::Key(b.label, b.help)),
        );
    }
    lines.push(HelpLine::Blank);
    lines.push(HelpLine::Key("wheel", "scroll the pane under the pointer"));
    lines
}

/// The key table as Markdown, as the README shows it.
pub fn help_markdown() -> String {
    let mut out = String::from("| keys | where | what |\n|---|---|---|\n");
    for binding in BINDINGS {
        let scope = match binding.scope {
            Scope::Anywhere => "list, reader",
            Scope::Reader => "reader",
            Scope::Help => "help",
        };
        let keys: Vec<String> = binding.label.split(' ').map(|k| format!("`{k}`")).collect();
        out.push_str(&format!(
            "| {} | {scope} | {} |\n",
            keys.join(" "),
            binding.help
        ));
    }
    out.push_str("| mouse wheel | list, reader | scroll the pane under the pointer |\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, NONE)
    }

    #[test]
    fn reader_keys_do_nothing_in_the_list() {
        assert_eq!(action_for_key(Mode::List, key(KeyCode::Char('}'))), None);
        assert_eq!(
            action_for_key(Mode::Reader, key(KeyCode::Char('}'))),
            Some(Action::NextParagraph)
        );
    }

    #[test]
    fn help_mode_only_scrolls_and_closes() {
        assert_eq!(
            action_for_key(Mode::Help, key(KeyCode::Char('q'))),
            Some(Action::ToggleHelp)
        );
        assert_eq!(action_for_key(Mode::Help, key(KeyCode::Enter)), None);
        assert_eq!(
            action_for_key(Mode::Help, key(KeyCode::Up)),
            Some(Action::Up)
        );
    }

    #[test]
    fn shifted_characters_match_with_or_without_shift() {
        let shifted = KeyEvent::new(KeyCode::Char('G'), SHIFT);
        assert_eq!(action_for_key(Mode::List, shifted), Some(Action::Bottom));
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), CTRL);
        assert_eq!(action_for_key(Mode::Help, ctrl_c), Some(Action::Quit));
    }
}
