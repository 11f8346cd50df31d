//! The default bindings, the help's sections and the status line's hints, as tables.

use super::Scope;
use crate::action::Action;
use crate::mode::Mode;

use Action as A;
use Scope as S;

/// Whether a binding has a line of its own in the help, or continues the line before it (its
/// keys are listed there: `Ctrl-D Ctrl-U  half a page down or up`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Line {
    /// A line of its own, whose text is the message `key-<scope>-<command>`.
    Own,
    /// Listed on the line before.
    Joins,
}

use Line::{Joins, Own};

/// Every binding, in the order the help lists them.
#[rustfmt::skip]
pub(super) const DEFAULTS: &[(Scope, &str, Action, Line)] = &[
    (S::Browse,       "j Down",        A::Down,                Own),
    (S::Browse,       "k Up",          A::Up,                  Own),
    (S::Browse,       "Space",         A::PageOrNext,          Own),
    (S::Browse,       "PgDn f C-f",    A::PageDown,            Own),
    (S::Browse,       "PgUp b C-b",    A::PageUp,              Own),
    (S::Browse,       "C-d",           A::HalfPageDown,        Own),
    (S::Browse,       "C-u",           A::HalfPageUp,          Joins),
    (S::Browse,       "g Home",        A::Top,                 Own),
    (S::Browse,       "G End",         A::Bottom,              Own),
    (S::Browse,       "Enter l Right", A::Open,                Own),
    (S::Browse,       "Esc h Left",    A::Back,                Own),
    (S::Browse,       "Tab S-Tab",     A::SwitchFocus,         Own),
    (S::Browse,       "u",             A::ToggleUnreadView,    Own),
    (S::Browse,       "U",             A::NextUnread,          Own),
    (S::Browse,       "r",             A::ToggleRead,          Own),
    (S::Browse,       ">",             A::WiderList,           Own),
    (S::Browse,       "<",             A::NarrowerList,        Joins),
    (S::Browse,       "/",             A::StartSearch,         Own),
    (S::Browse,       "'",             A::ShowBookmarks,       Own),
    (S::Browse,       "!",             A::ShowProblems,        Own),
    (S::Browse,       "R",             A::FetchFeeds,          Own),
    (S::Browse,       "?",             A::ToggleHelp,          Own),
    (S::Browse,       "q",             A::Quit,                Own),
    (S::List,         "z",             A::ToggleSection,       Own),
    (S::List,         "A",             A::MarkSectionRead,     Own),
    (S::List,         "C",             A::MarkAllRead,         Own),
    (S::List,         "}",             A::NextSection,         Own),
    (S::List,         "{",             A::PreviousSection,     Joins),
    (S::Reader,       "}",             A::NextParagraph,       Own),
    (S::Reader,       "{",             A::PreviousParagraph,   Own),
    (S::Reader,       "]",             A::NextArticle,         Own),
    (S::Reader,       "[",             A::PreviousArticle,     Own),
    (S::Reader,       "n",             A::NextMatch,           Own),
    (S::Reader,       "N",             A::PreviousMatch,       Own),
    (S::Reader,       "v",             A::ToggleSelection,     Own),
    (S::Reader,       ")",             A::NextSentence,        Own),
    (S::Reader,       "(",             A::PreviousSentence,    Joins),
    (S::Reader,       "m",             A::Bookmark,            Own),
    (S::Reader,       "y",             A::Copy,                Own),
    (S::Bookmarks,    "j Down",        A::Down,                Own),
    (S::Bookmarks,    "k Up",          A::Up,                  Own),
    (S::Bookmarks,    "Space PgDn f",  A::PageDown,            Own),
    (S::Bookmarks,    "PgUp b",        A::PageUp,              Joins),
    (S::Bookmarks,    "C-d",           A::HalfPageDown,        Own),
    (S::Bookmarks,    "C-u",           A::HalfPageUp,          Joins),
    (S::Bookmarks,    "g Home",        A::Top,                 Own),
    (S::Bookmarks,    "G End",         A::Bottom,              Joins),
    (S::Bookmarks,    "Enter l",       A::Open,                Own),
    (S::Bookmarks,    "d Delete",      A::DeleteBookmark,      Own),
    (S::Bookmarks,    "u",             A::UndoDelete,          Own),
    (S::Bookmarks,    "e",             A::EditNote,            Own),
    (S::Bookmarks,    "/",             A::StartSearch,         Own),
    (S::Bookmarks,    "Esc '",         A::Back,                Own),
    (S::Bookmarks,    "?",             A::ToggleHelp,          Own),
    (S::Bookmarks,    "q",             A::Quit,                Own),
    (S::Problems,     "j Down",        A::Down,                Own),
    (S::Problems,     "k Up",          A::Up,                  Joins),
    (S::Problems,     "Space PgDn f",  A::PageDown,            Own),
    (S::Problems,     "PgUp b",        A::PageUp,              Joins),
    (S::Problems,     "C-d",           A::HalfPageDown,        Own),
    (S::Problems,     "C-u",           A::HalfPageUp,          Joins),
    (S::Problems,     "g Home",        A::Top,                 Own),
    (S::Problems,     "G End",         A::Bottom,              Joins),
    (S::Problems,     "Enter l",       A::Open,                Own),
    (S::Problems,     "Esc !",         A::Back,                Own),
    (S::Problems,     "?",             A::ToggleHelp,          Own),
    (S::Problems,     "q",             A::Quit,                Own),
    (S::Prompt,       "Enter",         A::Confirm,             Own),
    (S::Prompt,       "Esc",           A::Cancel,              Own),
    (S::ReaderPrompt, "Up",            A::OlderQuery,          Own),
    (S::ReaderPrompt, "Down",          A::NewerQuery,          Joins),
    (S::ListPrompt,   "Up",            A::Up,                  Own),
    (S::ListPrompt,   "Down",          A::Down,                Joins),
    (S::Search,       "C-p",           A::OlderQuery,          Own),
    (S::Search,       "C-n",           A::NewerQuery,          Joins),
    (S::Prompt,       "Left",          A::CursorLeft,          Own),
    (S::Prompt,       "Right",         A::CursorRight,         Joins),
    (S::Prompt,       "Home C-a",      A::CursorHome,          Own),
    (S::Prompt,       "End C-e",       A::CursorEnd,           Own),
    (S::Prompt,       "Backspace C-h", A::DeleteBack,          Own),
    (S::Prompt,       "Delete",        A::DeleteForward,       Own),
    (S::Prompt,       "C-w",           A::DeleteWord,          Own),
    (S::Prompt,       "C-u",           A::DeleteToStart,       Own),
    (S::Search,       "A-c",           A::ToggleCase,          Own),
    (S::Search,       "A-a",           A::ToggleAccents,       Own),
    (S::Search,       "A-w",           A::ToggleWords,         Own),
    (S::Help,         "j Down",        A::Down,                Own),
    (S::Help,         "k Up",          A::Up,                  Joins),
    (S::Help,         "Space PgDn f",  A::PageDown,            Own),
    (S::Help,         "PgUp b",        A::PageUp,              Joins),
    (S::Help,         "C-d",           A::HalfPageDown,        Own),
    (S::Help,         "C-u",           A::HalfPageUp,          Joins),
    (S::Help,         "g Home",        A::Top,                 Own),
    (S::Help,         "G End",         A::Bottom,              Joins),
    (S::Help,         "Esc ? q",       A::ToggleHelp,          Own),
    (S::Unsaved,      "r",             A::RetrySave,           Own),
    (S::Unsaved,      "s",             A::SaveElsewhere,       Own),
    (S::Unsaved,      "Q",             A::QuitAnyway,          Own),
    (S::Unsaved,      "Esc",           A::Back,                Own),
    (S::Everywhere,   "C-c",           A::Quit,                Own),
    (S::Everywhere,   "C-z",           A::Suspend,             Own),
];

/// The help's sections: which scopes each lists, its title, and the modes it is for.
pub(super) const SECTIONS: &[(&[Scope], &str, &[Mode])] = &[
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
pub(super) const WHEEL: (&str, &str) = ("key-wheel-name", "key-wheel");

/// One hint: the actions whose first keys are shown, and a word for what they do.
pub(super) type Hint = (&'static [Action], &'static str);

/// The status line's hints in each mode.
pub(super) const HINTS: &[(Mode, &[Hint])] = &[
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
        &[
            (&[A::Open], "hint-read"),
            (&[A::Back], "hint-back"),
            (&[A::Quit], "hint-quit"),
        ],
    ),
    (Mode::Help, &[(&[A::ToggleHelp], "hint-close")]),
    (
        Mode::NotePrompt,
        &[(&[A::Confirm], "hint-save"), (&[A::Cancel], "hint-cancel")],
    ),
];
