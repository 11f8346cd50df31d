//! Keys to actions, as data: one table of `(where, "keys", Action, "what it does")` serves the
//! event loop, the help overlay, the status line's hints and the README, so that no label can
//! drift from its key.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEventKind};

use crate::action::Action;
use crate::i18n::Lang;
use crate::mode::{HelpLine, KeyHelp, Mode};

/// Lines one notch of the mouse wheel scrolls.
pub const WHEEL_LINES: i16 = 3;

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
fn is_prompt(mode: Mode) -> bool {
    matches!(
        mode,
        Mode::ReaderPrompt | Mode::ListPrompt | Mode::FilterPrompt | Mode::NotePrompt
    )
}

use Action as A;
use Scope as S;

/// Every binding, in the order the help lists them. A line with no text of its own continues
/// the line before it: its keys are listed there.
#[rustfmt::skip]
const DEFAULTS: &[(Scope, &str, Action, &str)] = &[
    (S::Browse,       "j Down",        A::Down,                "key-browse-down"),
    (S::Browse,       "k Up",          A::Up,                  "key-browse-up"),
    (S::Browse,       "Space",         A::PageOrNext,          "key-browse-page-or-next"),
    (S::Browse,       "PgDn f C-f",    A::PageDown,            "key-browse-page-down"),
    (S::Browse,       "PgUp b C-b",    A::PageUp,              "key-browse-page-up"),
    (S::Browse,       "C-d",           A::HalfPageDown,        "key-browse-half-page-down"),
    (S::Browse,       "C-u",           A::HalfPageUp,          ""),
    (S::Browse,       "g Home",        A::Top,                 "key-browse-top"),
    (S::Browse,       "G End",         A::Bottom,              "key-browse-bottom"),
    (S::Browse,       "Enter l Right", A::Open,                "key-browse-open"),
    (S::Browse,       "Esc h Left",    A::Back,                "key-browse-back"),
    (S::Browse,       "Tab S-Tab",     A::SwitchFocus,         "key-browse-switch-focus"),
    (S::Browse,       "u",             A::ToggleUnreadView,    "key-browse-toggle-unread-view"),
    (S::Browse,       "U",             A::NextUnread,          "key-browse-next-unread"),
    (S::Browse,       "r",             A::ToggleRead,          "key-browse-toggle-read"),
    (S::Browse,       ">",             A::WiderList,           "key-browse-wider-list"),
    (S::Browse,       "<",             A::NarrowerList,        ""),
    (S::Browse,       "/",             A::StartSearch,         "key-browse-start-search"),
    (S::Browse,       "'",             A::ShowBookmarks,       "key-browse-show-bookmarks"),
    (S::Browse,       "!",             A::ShowProblems,        "key-browse-show-problems"),
    (S::Browse,       "?",             A::ToggleHelp,          "key-browse-toggle-help"),
    (S::Browse,       "q",             A::Quit,                "key-browse-quit"),
    (S::List,         "z",             A::ToggleSection,       "key-list-toggle-section"),
    (S::List,         "}",             A::NextSection,         "key-list-next-section"),
    (S::List,         "{",             A::PreviousSection,     ""),
    (S::Reader,       "}",             A::NextParagraph,       "key-reader-next-paragraph"),
    (S::Reader,       "{",             A::PreviousParagraph,   "key-reader-previous-paragraph"),
    (S::Reader,       "]",             A::NextArticle,         "key-reader-next-article"),
    (S::Reader,       "[",             A::PreviousArticle,     "key-reader-previous-article"),
    (S::Reader,       "n",             A::NextMatch,           "key-reader-next-match"),
    (S::Reader,       "N",             A::PreviousMatch,       "key-reader-previous-match"),
    (S::Reader,       "v",             A::ToggleSelection,     "key-reader-toggle-selection"),
    (S::Reader,       ")",             A::NextSentence,        "key-reader-next-sentence"),
    (S::Reader,       "(",             A::PreviousSentence,    ""),
    (S::Reader,       "m",             A::Bookmark,            "key-reader-bookmark"),
    (S::Reader,       "y",             A::Copy,                "key-reader-copy"),
    (S::Bookmarks,    "j Down",        A::Down,                "key-bookmarks-down"),
    (S::Bookmarks,    "k Up",          A::Up,                  "key-bookmarks-up"),
    (S::Bookmarks,    "Space PgDn f",  A::PageDown,            "key-bookmarks-page-down"),
    (S::Bookmarks,    "PgUp b",        A::PageUp,              ""),
    (S::Bookmarks,    "C-d",           A::HalfPageDown,        "key-bookmarks-half-page-down"),
    (S::Bookmarks,    "C-u",           A::HalfPageUp,          ""),
    (S::Bookmarks,    "g Home",        A::Top,                 "key-bookmarks-top"),
    (S::Bookmarks,    "G End",         A::Bottom,              ""),
    (S::Bookmarks,    "Enter l",       A::Open,                "key-bookmarks-open"),
    (S::Bookmarks,    "d Delete",      A::DeleteBookmark,      "key-bookmarks-delete-bookmark"),
    (S::Bookmarks,    "u",             A::UndoDelete,          "key-bookmarks-undo-delete"),
    (S::Bookmarks,    "e",             A::EditNote,            "key-bookmarks-edit-note"),
    (S::Bookmarks,    "/",             A::StartSearch,         "key-bookmarks-start-search"),
    (S::Bookmarks,    "Esc '",         A::Back,                "key-bookmarks-back"),
    (S::Bookmarks,    "?",             A::ToggleHelp,          "key-bookmarks-toggle-help"),
    (S::Bookmarks,    "q",             A::Quit,                "key-bookmarks-quit"),
    (S::Problems,     "j Down",        A::Down,                "key-problems-down"),
    (S::Problems,     "k Up",          A::Up,                  ""),
    (S::Problems,     "Space PgDn f",  A::PageDown,            "key-problems-page-down"),
    (S::Problems,     "PgUp b",        A::PageUp,              ""),
    (S::Problems,     "C-d",           A::HalfPageDown,        "key-problems-half-page-down"),
    (S::Problems,     "C-u",           A::HalfPageUp,          ""),
    (S::Problems,     "g Home",        A::Top,                 "key-problems-top"),
    (S::Problems,     "G End",         A::Bottom,              ""),
    (S::Problems,     "Esc !",         A::Back,                "key-problems-back"),
    (S::Problems,     "?",             A::ToggleHelp,          "key-problems-toggle-help"),
    (S::Problems,     "q",             A::Quit,                "key-problems-quit"),
    (S::Prompt,       "Enter",         A::Confirm,             "key-prompt-confirm"),
    (S::Prompt,       "Esc",           A::Cancel,              "key-prompt-cancel"),
    (S::ReaderPrompt, "Up",            A::OlderQuery,          "key-reader-prompt-older-query"),
    (S::ReaderPrompt, "Down",          A::NewerQuery,          ""),
    (S::ListPrompt,   "Up",            A::Up,                  "key-list-prompt-up"),
    (S::ListPrompt,   "Down",          A::Down,                ""),
    (S::Search,       "C-p",           A::OlderQuery,          "key-search-older-query"),
    (S::Search,       "C-n",           A::NewerQuery,          ""),
    (S::Prompt,       "Left",          A::CursorLeft,          "key-prompt-cursor-left"),
    (S::Prompt,       "Right",         A::CursorRight,         ""),
    (S::Prompt,       "Home C-a",      A::CursorHome,          "key-prompt-cursor-home"),
    (S::Prompt,       "End C-e",       A::CursorEnd,           "key-prompt-cursor-end"),
    (S::Prompt,       "Backspace C-h", A::DeleteBack,          "key-prompt-delete-back"),
    (S::Prompt,       "Delete",        A::DeleteForward,       "key-prompt-delete-forward"),
    (S::Prompt,       "C-w",           A::DeleteWord,          "key-prompt-delete-word"),
    (S::Prompt,       "C-u",           A::DeleteToStart,       "key-prompt-delete-to-start"),
    (S::Search,       "A-c",           A::ToggleCase,          "key-search-toggle-case"),
    (S::Search,       "A-a",           A::ToggleAccents,       "key-search-toggle-accents"),
    (S::Search,       "A-w",           A::ToggleWords,         "key-search-toggle-words"),
    (S::Help,         "j Down",        A::Down,                "key-help-down"),
    (S::Help,         "k Up",          A::Up,                  ""),
    (S::Help,         "Space PgDn f",  A::PageDown,            "key-help-page-down"),
    (S::Help,         "PgUp b",        A::PageUp,              ""),
    (S::Help,         "C-d",           A::HalfPageDown,        "key-help-half-page-down"),
    (S::Help,         "C-u",           A::HalfPageUp,          ""),
    (S::Help,         "g Home",        A::Top,                 "key-help-top"),
    (S::Help,         "G End",         A::Bottom,              ""),
    (S::Help,         "Esc ? q",       A::ToggleHelp,          "key-help-toggle-help"),
    (S::Unsaved,      "r",             A::RetrySave,           "key-unsaved-retry-save"),
    (S::Unsaved,      "s",             A::SaveElsewhere,       "key-unsaved-save-elsewhere"),
    (S::Unsaved,      "Q",             A::QuitAnyway,          "key-unsaved-quit-anyway"),
    (S::Unsaved,      "Esc",           A::Back,                "key-unsaved-back"),
    (S::Everywhere,   "C-c",           A::Quit,                "key-everywhere-quit"),
];

/// The help's sections: which scopes each lists, its title, and the modes it is for.
const SECTIONS: &[(&[Scope], &str, &[Mode])] = &[
    (&[S::Browse], "help-section-browse", &[Mode::List]),
    (&[S::List], "help-section-list", &[]),
    (
        &[S::Reader],
        "help-section-reader",
        &[Mode::Reader, Mode::Selecting],
    ),
    (
        &[S::Bookmarks],
        "help-section-bookmarks",
        &[Mode::Bookmarks],
    ),
    (&[S::Problems], "help-section-problems", &[Mode::Problems]),
    (
        &[S::Prompt, S::Search, S::ReaderPrompt, S::ListPrompt],
        "help-section-prompts",
        &[
            Mode::ReaderPrompt,
            Mode::ListPrompt,
            Mode::FilterPrompt,
            Mode::NotePrompt,
        ],
    ),
    (&[S::Help], "help-section-help", &[Mode::Help]),
    (&[S::Unsaved], "help-section-unsaved", &[Mode::Unsaved]),
    (&[S::Everywhere], "help-section-everywhere", &[]),
];

/// What the mouse wheel does, listed with the keys of the list and the reader.
const WHEEL: (&str, &str) = ("key-wheel-name", "key-wheel");

/// One hint: the actions whose first keys are shown, and a word for what they do.
type Hint = (&'static [Action], &'static str);

/// The status line's hints in each mode.
const HINTS: &[(Mode, &[Hint])] = &[
    (
        Mode::List,
        &[(&[A::ToggleHelp], "hint-help"), (&[A::Quit], "hint-quit")],
    ),
    (
        Mode::Reader,
        &[(&[A::ToggleHelp], "hint-help"), (&[A::Quit], "hint-quit")],
    ),
    (
        Mode::Selecting,
        &[
            (
                &[
                    A::PreviousParagraph,
                    A::NextParagraph,
                    A::PreviousSentence,
                    A::NextSentence,
                    A::Down,
                    A::Up,
                ],
                "hint-extend",
            ),
            (&[A::Bookmark], "hint-bookmark"),
            (&[A::Copy], "hint-copy"),
            (&[A::Back], "hint-stop"),
        ],
    ),
    (
        Mode::Bookmarks,
        &[
            (&[A::Open], "hint-read"),
            (&[A::DeleteBookmark], "hint-delete"),
            (&[A::EditNote], "hint-note"),
            (&[A::Back], "hint-back"),
        ],
    ),
    (
        Mode::Problems,
        &[(&[A::Back], "hint-back"), (&[A::Quit], "hint-quit")],
    ),
    (Mode::Help, &[(&[A::ToggleHelp], "hint-close")]),
    (
        Mode::NotePrompt,
        &[(&[A::Confirm], "hint-save"), (&[A::Cancel], "hint-cancel")],
    ),
];

/// Every mode, for tables made per mode.
const MODES: [Mode; 10] = [
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

/// A key name that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown key {0:?}: expected a character, Enter, Esc, Tab, Space, Backspace, Delete, Up, Down, Left, Right, Home, End, PgUp or PgDn, optionally after C- (Ctrl), A- (Alt) or S- (Shift)"
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

/// An action's name in a config file: its variant's name in kebab case (`next-match`).
pub fn action_name(action: &Action) -> String {
    let debug = format!("{action:?}");
    let mut name = String::new();
    for c in debug.chars().take_while(|c| c.is_alphanumeric()) {
        if c.is_uppercase() && !name.is_empty() {
            name.push('-');
        }
        name.extend(c.to_lowercase());
    }
    name
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
    help: String,
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
    pub fn from_table(table: &[(Scope, &str, Action, &str)]) -> Result<Keymap, KeyError> {
        let bindings = table
            .iter()
            .map(|(scope, keys, action, help)| {
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
                    help: (*help).to_owned(),
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
            .position(|b| b.scope == scope && action_name(&b.action) == action)
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
                        other: action_name(&other.action),
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
            let name = action_name(&binding.action);
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
            .map(|b| (b.scope, action_name(&b.action), b.names.clone()))
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

    /// The bindings grouped into lines: each line's scope, keys as shown, and message id.
    fn lines(&self) -> Vec<(Scope, String, &str)> {
        let mut lines: Vec<(Scope, String, &str)> = Vec::new();
        for binding in &self.bindings {
            let keys = binding
                .names
                .iter()
                .map(|n| label(n))
                .collect::<Vec<_>>()
                .join(" ");
            match lines.last_mut() {
                Some(line) if binding.help.is_empty() && line.0 == binding.scope => {
                    line.1 = format!("{} {keys}", line.1);
                }
                _ => lines.push((binding.scope, keys, &binding.help)),
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
                lang.t(text)
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

/// The arrow keys' names, and the arrows the help shows for them.
const ARROWS: [(&str, &str); 4] = [("Up", "↑"), ("Down", "↓"), ("Left", "←"), ("Right", "→")];

/// A key name as the table writes it (`C-w`, `Up`), from either that or the help's form
/// (`Ctrl-W`, `↑`).
fn canonical(name: &str) -> String {
    if let Some((key, _)) = ARROWS.iter().find(|(_, arrow)| *arrow == name) {
        return (*key).to_owned();
    }
    match name.split_once('-') {
        Some(("C" | "Ctrl", key)) if !key.is_empty() => format!("C-{}", control_key(key)),
        Some(("A" | "Alt", key)) if !key.is_empty() => format!("A-{key}"),
        Some(("S" | "Shift", key)) if !key.is_empty() => format!("S-{key}"),
        _ => name.to_owned(),
    }
}

/// The key after Ctrl- as terminals send it: a letter in lower case, since Ctrl-W and Ctrl-w
/// are one key.
fn control_key(key: &str) -> String {
    if key.len() == 1 {
        key.to_ascii_lowercase()
    } else {
        key.to_owned()
    }
}

/// Reads a key name: a character, a named key, after `C-` (Ctrl), `A-` (Alt) or `S-` (Shift);
/// the help's names (`Ctrl-W`, `↑`) are read too.
fn parse_key(name: &str) -> Option<Key> {
    let name = canonical(name);
    let (modifiers, rest) = match name.split_once('-') {
        Some(("C", rest)) if !rest.is_empty() => (KeyModifiers::CONTROL, rest),
        Some(("A", rest)) if !rest.is_empty() => (KeyModifiers::ALT, rest),
        Some(("S", rest)) if !rest.is_empty() => (KeyModifiers::SHIFT, rest),
        _ => (KeyModifiers::NONE, name.as_str()),
    };
    let code = match rest {
        "Enter" => KeyCode::Enter,
        "Esc" => KeyCode::Esc,
        // Terminals send Shift-Tab as a key of its own.
        "Tab" if modifiers == KeyModifiers::SHIFT => KeyCode::BackTab,
        "Tab" => KeyCode::Tab,
        "Space" => KeyCode::Char(' '),
        "Backspace" => KeyCode::Backspace,
        "Delete" => KeyCode::Delete,
        "Up" => KeyCode::Up,
        "Down" => KeyCode::Down,
        "Left" => KeyCode::Left,
        "Right" => KeyCode::Right,
        "Home" => KeyCode::Home,
        "End" => KeyCode::End,
        "PgUp" => KeyCode::PageUp,
        "PgDn" => KeyCode::PageDown,
        one => {
            let mut chars = one.chars();
            let c = chars.next()?;
            if chars.next().is_some() {
                return None;
            }
            KeyCode::Char(c)
        }
    };
    Some((code, modifiers))
}

/// A key pressed, named as the help names keys: `x`, `Ctrl-X`, `F5`.
fn key_name(code: KeyCode, modifiers: KeyModifiers) -> String {
    let base = match code {
        KeyCode::Char(' ') => "Space".to_owned(),
        KeyCode::Char(c) => c.to_string(),
        other => other.to_string(),
    };
    let lead = if modifiers.contains(KeyModifiers::CONTROL) {
        "Ctrl-"
    } else if modifiers.contains(KeyModifiers::ALT) {
        "Alt-"
    } else {
        ""
    };
    match (lead, code) {
        ("Ctrl-", KeyCode::Char(c)) => format!("Ctrl-{}", c.to_uppercase()),
        _ => format!("{lead}{base}"),
    }
}

/// A key name as the help shows it: arrows as arrows, `C-w` as `Ctrl-W`.
fn label(name: &str) -> String {
    if let Some((_, arrow)) = ARROWS.iter().find(|(key, _)| *key == name) {
        return (*arrow).to_owned();
    }
    match name.split_once('-') {
        Some(("C", key)) if !key.is_empty() => format!("Ctrl-{}", key.to_uppercase()),
        Some(("A", key)) if !key.is_empty() => format!("Alt-{key}"),
        Some(("S", key)) if !key.is_empty() => format!("Shift-{key}"),
        _ => name.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    }
}
