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
    /// In the bookmarks pane.
    Bookmarks,
    /// While typing a search, in the reader or the list.
    Prompt,
    /// While typing a search in the reader.
    ReaderPrompt,
    /// While typing a search in the list.
    ListPrompt,
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
    /// The search prompt of the reader.
    ReaderPrompt,
    /// The search prompt of the list (or of the bookmarks pane).
    ListPrompt,
    /// The bookmarks pane.
    Bookmarks,
    /// The prompt for a bookmark's note.
    NotePrompt,
    /// The problems view.
    Problems,
}

/// One line of the key table.
#[derive(Debug, Clone)]
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
const ALT: KeyModifiers = KeyModifiers::ALT;

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
        label: "/",
        keys: &[(KeyCode::Char('/'), NONE)],
        action: Action::StartSearch,
        scope: Scope::Anywhere,
        help: "search this article / all articles",
    },
    Binding {
        label: "n",
        keys: &[(KeyCode::Char('n'), NONE)],
        action: Action::NextMatch,
        scope: Scope::Reader,
        help: "next match",
    },
    Binding {
        label: "N",
        keys: &[(KeyCode::Char('N'), NONE)],
        action: Action::PreviousMatch,
        scope: Scope::Reader,
        help: "previous match",
    },
    Binding {
        label: "v",
        keys: &[(KeyCode::Char('v'), NONE)],
        action: Action::ToggleSelection,
        scope: Scope::Reader,
        help: "select paragraphs ({ }) or lines (j k) to bookmark",
    },
    Binding {
        label: "m",
        keys: &[(KeyCode::Char('m'), NONE)],
        action: Action::Bookmark,
        scope: Scope::Reader,
        help: "bookmark the selection or the current passage",
    },
    Binding {
        label: "'",
        keys: &[(KeyCode::Char('\''), NONE)],
        action: Action::ShowBookmarks,
        scope: Scope::Anywhere,
        help: "all bookmarks",
    },
    Binding {
        label: "!",
        keys: &[(KeyCode::Char('!'), NONE)],
        action: Action::ShowProblems,
        scope: Scope::Anywhere,
        help: "files skipped and articles read with warnings",
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
        scope: Scope::Bookmarks,
        help: "next bookmark",
    },
    Binding {
        label: "k ↑",
        keys: &[(KeyCode::Char('k'), NONE), (KeyCode::Up, NONE)],
        action: Action::Up,
        scope: Scope::Bookmarks,
        help: "previous bookmark",
    },
    Binding {
        label: "g G",
        keys: &[(KeyCode::Char('g'), NONE), (KeyCode::Home, NONE)],
        action: Action::Top,
        scope: Scope::Bookmarks,
        help: "first / last bookmark",
    },
    Binding {
        label: "",
        keys: &[(KeyCode::Char('G'), NONE), (KeyCode::End, NONE)],
        action: Action::Bottom,
        scope: Scope::Bookmarks,
        help: "",
    },
    Binding {
        label: "Enter",
        keys: &[(KeyCode::Enter, NONE), (KeyCode::Char('l'), NONE)],
        action: Action::Open,
        scope: Scope::Bookmarks,
        help: "read the passage",
    },
    Binding {
        label: "d",
        keys: &[(KeyCode::Char('d'), NONE), (KeyCode::Delete, NONE)],
        action: Action::DeleteBookmark,
        scope: Scope::Bookmarks,
        help: "delete the bookmark",
    },
    Binding {
        label: "u",
        keys: &[(KeyCode::Char('u'), NONE)],
        action: Action::UndoDelete,
        scope: Scope::Bookmarks,
        help: "undo the last delete",
    },
    Binding {
        label: "e",
        keys: &[(KeyCode::Char('e'), NONE)],
        action: Action::EditNote,
        scope: Scope::Bookmarks,
        help: "edit the note",
    },
    Binding {
        label: "/",
        keys: &[(KeyCode::Char('/'), NONE)],
        action: Action::StartSearch,
        scope: Scope::Bookmarks,
        help: "filter the bookmarks",
    },
    Binding {
        label: "Esc '",
        keys: &[(KeyCode::Esc, NONE), (KeyCode::Char('\''), NONE)],
        action: Action::Back,
        scope: Scope::Bookmarks,
        help: "back (Esc first clears a filter)",
    },
    Binding {
        label: "? q",
        keys: &[(KeyCode::Char('?'), NONE)],
        action: Action::ToggleHelp,
        scope: Scope::Bookmarks,
        help: "help / quit",
    },
    Binding {
        label: "",
        keys: &[(KeyCode::Char('q'), NONE)],
        action: Action::Quit,
        scope: Scope::Bookmarks,
        help: "",
    },
    Binding {
        label: "Enter",
        keys: &[(KeyCode::Enter, NONE)],
        action: Action::Confirm,
        scope: Scope::Prompt,
        help: "keep the search; from the list, read the article",
    },
    Binding {
        label: "Esc",
        keys: &[(KeyCode::Esc, NONE)],
        action: Action::Cancel,
        scope: Scope::Prompt,
        help: "cancel, back to where the search began",
    },
    Binding {
        label: "↑ ↓",
        keys: &[(KeyCode::Up, NONE)],
        action: Action::OlderQuery,
        scope: Scope::ReaderPrompt,
        help: "in the reader: earlier queries",
    },
    Binding {
        label: "",
        keys: &[(KeyCode::Down, NONE)],
        action: Action::NewerQuery,
        scope: Scope::ReaderPrompt,
        help: "",
    },
    Binding {
        label: "↑ ↓",
        keys: &[(KeyCode::Up, NONE)],
        action: Action::Up,
        scope: Scope::ListPrompt,
        help: "in the list: choose an article",
    },
    Binding {
        label: "",
        keys: &[(KeyCode::Down, NONE)],
        action: Action::Down,
        scope: Scope::ListPrompt,
        help: "",
    },
    Binding {
        label: "Ctrl-P Ctrl-N",
        keys: &[(KeyCode::Char('p'), CTRL)],
        action: Action::OlderQuery,
        scope: Scope::Prompt,
        help: "earlier / later queries",
    },
    Binding {
        label: "",
        keys: &[(KeyCode::Char('n'), CTRL)],
        action: Action::NewerQuery,
        scope: Scope::Prompt,
        help: "",
    },
    Binding {
        label: "← →",
        keys: &[(KeyCode::Left, NONE)],
        action: Action::CursorLeft,
        scope: Scope::Prompt,
        help: "move the cursor",
    },
    Binding {
        label: "",
        keys: &[(KeyCode::Right, NONE)],
        action: Action::CursorRight,
        scope: Scope::Prompt,
        help: "",
    },
    Binding {
        label: "Home Ctrl-A",
        keys: &[(KeyCode::Home, NONE), (KeyCode::Char('a'), CTRL)],
        action: Action::CursorHome,
        scope: Scope::Prompt,
        help: "cursor to the start",
    },
    Binding {
        label: "End Ctrl-E",
        keys: &[(KeyCode::End, NONE), (KeyCode::Char('e'), CTRL)],
        action: Action::CursorEnd,
        scope: Scope::Prompt,
        help: "cursor to the end",
    },
    Binding {
        label: "Backspace",
        keys: &[(KeyCode::Backspace, NONE), (KeyCode::Char('h'), CTRL)],
        action: Action::DeleteBack,
        scope: Scope::Prompt,
        help: "delete the character before the cursor",
    },
    Binding {
        label: "Delete",
        keys: &[(KeyCode::Delete, NONE)],
        action: Action::DeleteForward,
        scope: Scope::Prompt,
        help: "delete the character under the cursor",
    },
    Binding {
        label: "Ctrl-W",
        keys: &[(KeyCode::Char('w'), CTRL)],
        action: Action::DeleteWord,
        scope: Scope::Prompt,
        help: "delete the word before the cursor",
    },
    Binding {
        label: "Ctrl-U",
        keys: &[(KeyCode::Char('u'), CTRL)],
        action: Action::DeleteToStart,
        scope: Scope::Prompt,
        help: "delete everything before the cursor",
    },
    Binding {
        label: "Alt-c",
        keys: &[(KeyCode::Char('c'), ALT)],
        action: Action::ToggleCase,
        scope: Scope::Prompt,
        help: "case: smart → match case → ignore case",
    },
    Binding {
        label: "Alt-a",
        keys: &[(KeyCode::Char('a'), ALT)],
        action: Action::ToggleAccents,
        scope: Scope::Prompt,
        help: "accents: smart → match accents → ignore accents",
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
    let prompt = matches!(
        mode,
        Mode::ReaderPrompt | Mode::ListPrompt | Mode::NotePrompt
    );
    if let KeyCode::Char(c) = key.code
        && prompt
        && (key.modifiers - SHIFT).is_empty()
    {
        return Some(Action::Insert(c));
    }
    let applies = |scope: Scope| match mode {
        Mode::Help => scope == Scope::Help,
        Mode::Reader => matches!(scope, Scope::Anywhere | Scope::Reader),
        Mode::List => scope == Scope::Anywhere,
        Mode::ReaderPrompt => matches!(scope, Scope::Prompt | Scope::ReaderPrompt),
        Mode::ListPrompt => matches!(scope, Scope::Prompt | Scope::ListPrompt),
        Mode::NotePrompt => scope == Scope::Prompt,
        Mode::Bookmarks => scope == Scope::Bookmarks,
        Mode::Problems => scope == Scope::Help,
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
        .map(|b| b.action.clone())
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
        (Scope::Bookmarks, "In the bookmarks pane"),
        (Scope::Prompt, "While typing a search or a note"),
        (Scope::Help, "In this help"),
    ];
    let mut lines = Vec::new();
    for (scope, title) in sections {
        if !lines.is_empty() {
            lines.push(HelpLine::Blank);
        }
        lines.push(HelpLine::Section(title));
        // The prompts' own keys are listed with the ones they share.
        let in_section = |b: &&Binding| match scope {
            Scope::Prompt => matches!(
                b.scope,
                Scope::Prompt | Scope::ReaderPrompt | Scope::ListPrompt
            ),
            other => b.scope == other,
        };
        lines.extend(
            BINDINGS
                .iter()
                .filter(in_section)
                .filter(|b| !b.label.is_empty())
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
    for binding in BINDINGS.iter().filter(|b| !b.label.is_empty()) {
        let scope = match binding.scope {
            Scope::Anywhere => "list, reader",
            Scope::Reader => "reader",
            Scope::Bookmarks => "bookmarks",
            Scope::Prompt => "prompt",
            Scope::ReaderPrompt => "reader's search prompt",
            Scope::ListPrompt => "list's search prompt",
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
