//! Which screen is active, and the state each one owns. One `Screen` decides everything about
//! "where am I": the key mode is derived from it, and `App::update` dispatches on it.

use crate::bookmarks::Bookmark;
use crate::catalog::Date;
use crate::prompt::Prompt;
use crate::search::Query;

use super::list::ListFilter;
use super::reader::ReaderPlace;
use crate::mode::{HelpLine, Mode};

/// The active screen. The overlays (prompt, bookmarks, problems, help) keep the screen they
/// were opened from, to go back to it exactly as it was.
#[derive(Debug, Clone, Default)]
pub enum Screen {
    /// The article list has the keyboard (the reader shows beside it when there is room).
    #[default]
    List,
    /// The reading pane has the keyboard.
    Reader,
    /// A one-line prompt in the status line: a search, a filter or a note.
    Prompt(Box<PromptScreen>),
    /// Every bookmark.
    Bookmarks(Box<BookmarksPane>),
    /// Files skipped and articles read with warnings.
    Problems(Box<ProblemsView>),
    /// The list of keys, over the screen it was opened from.
    Help(Box<HelpView>),
    /// Quitting with something that could not be saved: what to do with it.
    Unsaved(Box<super::UnsavedView>),
}

/// Which of the two main panes has the keyboard, under whatever overlay is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The article list.
    List,
    /// The reading pane.
    Reader,
}

impl Screen {
    /// The main pane under the overlays.
    pub fn focus(&self) -> Focus {
        match self {
            Screen::List => Focus::List,
            Screen::Reader => Focus::Reader,
            Screen::Prompt(p) => p.under.focus(),
            Screen::Bookmarks(p) => p.under.focus(),
            Screen::Problems(v) => v.under.focus(),
            Screen::Help(h) => h.under.focus(),
            Screen::Unsaved(v) => v.under.focus(),
        }
    }

    /// Which bindings apply; `selecting` says whether the reader has a selection going.
    pub fn mode(&self, selecting: bool) -> Mode {
        match self {
            Screen::List => Mode::List,
            Screen::Reader if selecting => Mode::Selecting,
            Screen::Reader => Mode::Reader,
            Screen::Prompt(p) => match p.purpose {
                Purpose::SearchReader { .. } => Mode::ReaderPrompt,
                Purpose::SearchList { .. } => Mode::ListPrompt,
                Purpose::FilterBookmarks { .. } => Mode::FilterPrompt,
                Purpose::NewNote { .. } | Purpose::EditNote { .. } => Mode::NotePrompt,
            },
            Screen::Bookmarks(_) => Mode::Bookmarks,
            Screen::Problems(_) => Mode::Problems,
            Screen::Help(_) => Mode::Help,
            Screen::Unsaved(_) => Mode::Unsaved,
        }
    }

    /// The bookmarks pane, if it is open (under a prompt or the help, too).
    pub fn bookmarks_pane(&self) -> Option<&BookmarksPane> {
        match self {
            Screen::Bookmarks(pane) => Some(pane),
            Screen::Prompt(p) => p.under.bookmarks_pane(),
            Screen::Help(h) => h.under.bookmarks_pane(),
            _ => None,
        }
    }

    pub(super) fn bookmarks_pane_mut(&mut self) -> Option<&mut BookmarksPane> {
        match self {
            Screen::Bookmarks(pane) => Some(pane),
            Screen::Prompt(p) => p.under.bookmarks_pane_mut(),
            Screen::Help(h) => h.under.bookmarks_pane_mut(),
            _ => None,
        }
    }

    pub(super) fn problems_mut(&mut self) -> Option<&mut ProblemsView> {
        match self {
            Screen::Problems(view) => Some(view),
            Screen::Help(h) => h.under.problems_mut(),
            _ => None,
        }
    }
}

/// What a prompt is for, and what `Esc` goes back to.
#[derive(Debug, Clone)]
pub enum Purpose {
    /// A search in the article being read.
    SearchReader {
        /// Where the reader was when the search began.
        before: Box<ReaderPlace>,
    },
    /// A search across the catalog, filtering the list.
    SearchList {
        /// The filter before this one.
        before: Option<ListFilter>,
        /// Selection and list scroll when the search began.
        selection: (usize, usize),
    },
    /// A filter of the bookmarks pane.
    FilterBookmarks {
        /// The pane's filter before this one.
        before: Option<Query>,
    },
    /// The note of a bookmark not made yet: `Enter` makes it, `Esc` gives it up.
    NewNote {
        /// The bookmark, without its note.
        bookmark: Bookmark,
    },
    /// A new note for a bookmark that exists.
    EditNote {
        /// The bookmark's id.
        id: String,
        /// The bookmark as it was when the prompt opened: kept with its new note if another
        /// window deletes it meanwhile, rather than the note lost.
        kept: Box<Bookmark>,
        /// Whether the user asked to bookmark its passage again: the prompt says it is.
        again: bool,
    },
}

/// A prompt in the status line, over the screen it was opened from.
#[derive(Debug, Clone)]
pub struct PromptScreen {
    pub(super) prompt: Prompt,
    pub(super) purpose: Purpose,
    pub(super) under: Screen,
}

impl PromptScreen {
    /// The line being typed.
    pub fn prompt(&self) -> &Prompt {
        &self.prompt
    }

    /// What it is for.
    pub fn purpose(&self) -> &Purpose {
        &self.purpose
    }

    /// The screen it was opened from.
    pub fn under(&self) -> &Screen {
        &self.under
    }
}

/// Where a bookmark's passage stands in the article as it reads now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// Found as it was.
    Found,
    /// Found, but its text was edited.
    Edited,
    /// Not found: the quote is all that is left.
    NotFound,
    /// The article is not in the folder opened.
    NoArticle,
}

/// One bookmark as the pane shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaneEntry {
    /// The bookmark.
    pub bookmark: Bookmark,
    /// The article's date, when the article is in the folder.
    pub date: Option<Date>,
    /// Where its passage is now.
    pub placement: Placement,
}

/// The bookmarks pane: every bookmark with where its passage is, the filter, the cursor.
#[derive(Debug, Clone)]
pub struct BookmarksPane {
    /// Every bookmark, newest first, placed when the pane opened or the bookmarks changed.
    pub(super) entries: Vec<PaneEntry>,
    /// The entries the filter lets through, by index.
    pub(super) shown: Vec<usize>,
    pub(super) filter: Option<Query>,
    pub(super) cursor: usize,
    /// Bookmarks deleted here, the last one first to come back with `u`.
    pub(super) deleted: Vec<Bookmark>,
    pub(super) under: Screen,
}

impl BookmarksPane {
    /// The bookmarks listed (all, or those the filter lets through), newest first.
    pub fn shown(&self) -> impl ExactSizeIterator<Item = &PaneEntry> {
        self.shown.iter().map(|&i| &self.entries[i])
    }

    /// How many bookmarks there are, filtered or not.
    pub fn total(&self) -> usize {
        self.entries.len()
    }

    /// The filter, if any.
    pub fn filter(&self) -> Option<&Query> {
        self.filter.as_ref()
    }

    /// Position of the chosen bookmark among those listed.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// The chosen bookmark.
    pub fn chosen(&self) -> Option<&PaneEntry> {
        self.shown.get(self.cursor).map(|&i| &self.entries[i])
    }

    /// The screen it was opened from.
    pub fn under(&self) -> &Screen {
        &self.under
    }
}

/// The problems view: its lines wrapped to the screen, and how far it is scrolled.
#[derive(Debug, Clone)]
pub struct ProblemsView {
    /// One line per problem.
    pub(super) lines: Vec<String>,
    /// The article each line is about, when it is listed (read with a warning): `Enter`
    /// opens it.
    pub(super) articles: Vec<Option<usize>>,
    /// The lines wrapped to the view's width.
    pub(super) rows: Vec<String>,
    /// The line each row belongs to.
    pub(super) row_line: Vec<usize>,
    pub(super) scroll: usize,
    /// The line chosen.
    pub(super) cursor: usize,
    pub(super) under: Screen,
}

impl ProblemsView {
    /// How many problems there are.
    pub fn count(&self) -> usize {
        self.lines.len()
    }

    /// The rows to draw, from the first one shown.
    pub fn rows(&self) -> &[String] {
        &self.rows[self.scroll.min(self.rows.len())..]
    }

    /// Whether the row drawn `k`-th from the top is of the line chosen.
    pub fn is_chosen(&self, k: usize) -> bool {
        !self.lines.is_empty() && self.row_line.get(self.scroll + k) == Some(&self.cursor)
    }

    /// The line chosen.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// The screen it was opened from.
    pub fn under(&self) -> &Screen {
        &self.under
    }
}

/// The help overlay: how far it is scrolled, over the screen it was opened from.
#[derive(Debug, Clone)]
pub struct HelpView {
    /// The first row shown.
    pub(super) scroll: usize,
    /// The help's lines wrapped to its box: a key's words that do not fit go on rows of
    /// their own under its first, with no keys.
    pub(super) rows: Vec<HelpLine>,
    /// The first row of each help line.
    pub(super) line_rows: Vec<usize>,
    pub(super) under: Screen,
}

impl HelpView {
    /// The first row shown.
    pub fn scroll(&self) -> usize {
        self.scroll
    }

    /// The rows, wrapped to the box.
    pub fn rows(&self) -> &[HelpLine] {
        &self.rows
    }

    /// The screen it was opened from.
    pub fn under(&self) -> &Screen {
        &self.under
    }
}
