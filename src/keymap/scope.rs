//! Where a binding applies: the scopes a config file's `[keys.NAME]` tables name, and the
//! modes each covers.

use crate::i18n::Lang;
use crate::mode::Mode;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// On every screen, prompts included.
    Everywhere,
    /// In the list and in the reader.
    Browse,
    /// In the list only.
    List,
    /// In the reader only.
    Reader,
    /// In the bookmarks pane.
    Bookmarks,
    /// In the problems view.
    Problems,
    /// In the help overlay.
    Help,
    /// In every prompt: searches, the bookmarks filter, notes.
    Prompt,
    /// In the prompts that search: the reader's, the list's, the bookmarks filter.
    Search,
    /// In the reader's search prompt.
    ReaderPrompt,
    /// In the list's search prompt and the bookmarks filter.
    ListPrompt,
    /// In the question asked when quitting with something unsaved.
    Unsaved,
}

impl Scope {
    /// Whether bindings of this scope apply in `mode`.
    pub fn applies(self, mode: Mode) -> bool {
        match self {
            Scope::Everywhere => true,
            Scope::Browse => matches!(mode, Mode::List | Mode::Reader | Mode::Selecting),
            Scope::List => mode == Mode::List,
            Scope::Reader => matches!(mode, Mode::Reader | Mode::Selecting),
            Scope::Bookmarks => mode == Mode::Bookmarks,
            Scope::Problems => mode == Mode::Problems,
            Scope::Help => mode == Mode::Help,
            Scope::Unsaved => mode == Mode::Unsaved,
            Scope::Prompt => is_prompt(mode),
            Scope::Search => {
                matches!(
                    mode,
                    Mode::ReaderPrompt | Mode::ListPrompt | Mode::FilterPrompt
                )
            }
            Scope::ReaderPrompt => mode == Mode::ReaderPrompt,
            Scope::ListPrompt => matches!(mode, Mode::ListPrompt | Mode::FilterPrompt),
        }
    }

    /// Every scope, as a config file's `[keys.NAME]` tables name them.
    pub const ALL: [(&'static str, Scope); 12] = [
        ("everywhere", Scope::Everywhere),
        ("browse", Scope::Browse),
        ("list", Scope::List),
        ("reader", Scope::Reader),
        ("bookmarks", Scope::Bookmarks),
        ("problems", Scope::Problems),
        ("help", Scope::Help),
        ("prompt", Scope::Prompt),
        ("search", Scope::Search),
        ("reader-prompt", Scope::ReaderPrompt),
        ("list-prompt", Scope::ListPrompt),
        ("unsaved", Scope::Unsaved),
    ];

    /// The scope a config file names, if it is one.
    pub fn parse(name: &str) -> Option<Scope> {
        Scope::ALL.iter().find(|(n, _)| *n == name).map(|(_, s)| *s)
    }

    /// The name a config file gives it.
    pub fn name(self) -> &'static str {
        Scope::ALL
            .iter()
            .find(|(_, s)| *s == self)
            .map_or("everywhere", |(n, _)| n)
    }

    /// Where it applies, as the README's key table and the config's messages say it.
    pub fn place(self, lang: Lang) -> String {
        lang.t(&format!("place-{}", self.name()))
    }
}

/// Whether `mode` is typing into a prompt, where a plain character is text.
pub(super) fn is_prompt(mode: Mode) -> bool {
    matches!(
        mode,
        Mode::ReaderPrompt | Mode::ListPrompt | Mode::FilterPrompt | Mode::NotePrompt
    )
}

/// Every mode, for tables made per mode.
pub(super) const MODES: [Mode; 10] = [
    Mode::List,
    Mode::Reader,
    Mode::Selecting,
    Mode::ReaderPrompt,
    Mode::ListPrompt,
    Mode::FilterPrompt,
    Mode::NotePrompt,
    Mode::Bookmarks,
    Mode::Problems,
    Mode::Help,
];
