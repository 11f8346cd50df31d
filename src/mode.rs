//! Which bindings apply (the mode, derived from the screen) and how keys are shown (help
//! lines, hints). The keymap fills [`KeyHelp`] in; `app` never looks at the bindings themselves.

use crate::action::Action;

/// Which bindings apply, as derived from the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    /// The article list has the keyboard.
    List,
    /// The reading pane has the keyboard.
    Reader,
    /// The reading pane, with paragraphs or lines being selected for a bookmark.
    Selecting,
    /// Typing a search in the article being read.
    ReaderPrompt,
    /// Typing a search across the catalog, from the list.
    ListPrompt,
    /// Typing a filter for the bookmarks pane.
    FilterPrompt,
    /// Typing the note of a bookmark.
    NotePrompt,
    /// The bookmarks pane.
    Bookmarks,
    /// The problems view.
    Problems,
    /// The help overlay.
    Help,
    /// The question of what to do with what could not be saved, when quitting.
    Unsaved,
}

/// One line of the help overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    /// A group heading.
    Section(String),
    /// Keys and what they do.
    Key {
        /// The keys, as the help shows them (`j ↓`).
        keys: String,
        /// What they do.
        help: String,
    },
    /// Space between groups.
    Blank,
}

/// The keys as the screens show them, generated from the bindings so that no label can drift
/// from its key.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyHelp {
    /// The help overlay, every binding, grouped.
    pub lines: Vec<HelpLine>,
    /// The line each mode's section of the help starts at.
    pub sections: Vec<(Mode, usize)>,
    /// The status line's hints in each mode (`? help  q quit`).
    pub hints: Vec<(Mode, String)>,
    /// The first key bound to each action in each mode, as shown (`Alt-c`).
    pub keys: Vec<(Mode, Action, String)>,
}

impl KeyHelp {
    /// The help line that the section for `mode` starts at (0 when it has none).
    pub fn section(&self, mode: Mode) -> usize {
        self.sections
            .iter()
            .find(|(m, _)| *m == mode)
            .map_or(0, |(_, line)| *line)
    }

    /// The status line's hints in `mode`.
    pub fn hints(&self, mode: Mode) -> &str {
        self.hints
            .iter()
            .find(|(m, _)| *m == mode)
            .map_or("", |(_, hints)| hints.as_str())
    }

    /// The key that does `action` in `mode`, as shown, or an empty string when none does.
    pub fn key(&self, mode: Mode, action: &Action) -> &str {
        self.keys
            .iter()
            .find(|(m, a, _)| *m == mode && a == action)
            .map_or("", |(_, _, key)| key.as_str())
    }
}
