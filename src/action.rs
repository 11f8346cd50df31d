//! Everything a user can do, as one enum: the only input `App::update` accepts; and every
//! effect `App::update` asks for, which the event loop carries out off the UI thread.

use std::ops::Range;
use std::sync::Arc;

use crate::bookmarks::{Bookmark, Change, Placed};
use crate::catalog::indexer::Progress;
use crate::catalog::{Article, Catalog};
use crate::i18n::Lang;
use crate::page::Page;
use crate::search::{CatalogHits, Query};
use crate::state::ReadingState;
use crate::text::fold::FoldMap;

/// One thing the user asked for, or the answer of a worker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Leave docbao, restoring the terminal.
    Quit,
    /// Show or hide the list of keys.
    ToggleHelp,
    /// Select the next article in the list, or scroll the reader down a line.
    Down,
    /// Select the previous article in the list, or scroll the reader up a line.
    Up,
    /// Jump to the first article, or to the top of the article being read.
    Top,
    /// Jump to the last article, or to the end of the article being read.
    Bottom,
    /// Move a screenful down.
    PageDown,
    /// Move a screenful up.
    PageUp,
    /// Move a screenful down; at the end of an article, read the next one (the next unread
    /// when only unread articles are listed).
    PageOrNext,
    /// Move half a screenful down.
    HalfPageDown,
    /// Move half a screenful up.
    HalfPageUp,
    /// Read the selected article.
    Open,
    /// Go back to the list (or close the help).
    Back,
    /// Move the keyboard focus between the list and the reader.
    SwitchFocus,
    /// Scroll the reader to the start of the next paragraph.
    NextParagraph,
    /// Scroll the reader to the start of the previous paragraph.
    PreviousParagraph,
    /// Read the next article in the list.
    NextArticle,
    /// Give the list more of the width, the reader less.
    WiderList,
    /// Give the list less of the width, the reader more.
    NarrowerList,
    /// Go to the next unread article in the list.
    NextUnread,
    /// Mark the selected article read, or unread again.
    ToggleRead,
    /// List only the unread articles, or every article again.
    ToggleUnreadView,
    /// Fold the selected article's section to its header, or unfold it.
    ToggleSection,
    /// Go to the first article of the next section.
    NextSection,
    /// Go to the first article of this section, or of the section before.
    PreviousSection,
    /// Read the previous article in the list.
    PreviousArticle,
    /// Start a search: in the article being read, or across the catalog from the list.
    StartSearch,
    /// Go to the next match of the search.
    NextMatch,
    /// Go to the previous match of the search.
    PreviousMatch,
    /// Type a character into the search prompt.
    Insert(char),
    /// Type what was pasted into the prompt, as one edit.
    Paste(String),
    /// Delete the character before the cursor in the prompt.
    DeleteBack,
    /// Delete the character under the cursor in the prompt.
    DeleteForward,
    /// Delete the word before the cursor in the prompt.
    DeleteWord,
    /// Delete everything before the cursor in the prompt.
    DeleteToStart,
    /// Move the prompt's cursor left.
    CursorLeft,
    /// Move the prompt's cursor right.
    CursorRight,
    /// Move the prompt's cursor to the start.
    CursorHome,
    /// Move the prompt's cursor to the end.
    CursorEnd,
    /// Show an earlier query in the prompt.
    OlderQuery,
    /// Show a later query in the prompt.
    NewerQuery,
    /// Cycle case matching: smart, always, never.
    ToggleCase,
    /// Cycle accent matching: smart, always, never.
    ToggleAccents,
    /// Select by sentence: the next sentence (a first one when only a paragraph is selected).
    NextSentence,
    /// Select by sentence: the sentence before (a last one when only a paragraph is selected).
    PreviousSentence,
    /// Copy the selected passage, or the current paragraph, to the clipboard.
    Copy,
    /// Cycle where matches may be in words: at a word start, whole words, anywhere.
    ToggleWords,
    /// Finish typing: keep the search (in the list, open the chosen article at its first match).
    Confirm,
    /// Stop typing: go back to where the search began.
    Cancel,
    /// Show the files that were skipped and the articles read with warnings (or go back).
    ShowProblems,
    /// Start or stop selecting paragraphs and lines to bookmark.
    ToggleSelection,
    /// Bookmark the selection, or the current passage, then ask for a note.
    Bookmark,
    /// Show every bookmark, newest first (or go back from there).
    ShowBookmarks,
    /// Delete the bookmark chosen in the bookmarks pane.
    DeleteBookmark,
    /// Bring back the bookmark deleted last.
    UndoDelete,
    /// Change the note of the bookmark chosen in the bookmarks pane.
    EditNote,
    /// Try again to save what could not be saved, then leave.
    RetrySave,
    /// Write what could not be saved to a recovery file elsewhere, say where, then leave.
    SaveElsewhere,
    /// Leave without what could not be saved.
    QuitAnyway,
    /// A key that does nothing where it was pressed: say so, and how to find the keys.
    Unbound(String),
    /// Scroll whatever pane is under the mouse pointer (negative: up).
    ScrollAt {
        /// Pointer column.
        column: u16,
        /// Pointer row.
        row: u16,
        /// Lines to scroll; negative scrolls up.
        lines: i16,
    },
    /// A catalog search running in the background has finished.
    SearchFinished {
        /// Which request it answers; older answers are dropped.
        generation: u64,
        /// The articles that match.
        hits: Arc<CatalogHits>,
    },
    /// The terminal changed size: re-wrap and keep the same paragraph in view.
    Resize {
        /// New width in columns.
        width: u16,
        /// New height in rows.
        height: u16,
    },
    /// A worker thread stopped (a bug): what it does will not be done until docbao restarts.
    WorkerStopped(&'static str),
    /// The bookmarks file as saved or read again, with every change up to `upto` in it.
    BookmarksSaved {
        /// The number of the last change it holds.
        upto: u64,
        /// Every bookmark in the file.
        bookmarks: Vec<Bookmark>,
    },
    /// Something a worker could not do, for the status line.
    Failed(String),
    /// Saving failed: what is not saved stays in memory, and quitting will say so.
    SaveFailed {
        /// What was not saved.
        what: Saving,
        /// Why, as the system said it.
        error: String,
    },
    /// The reading place was written.
    PlaceSaved,
    /// What could not be saved was written to a recovery file: its path, or why not.
    Recovered(Result<String, String>),
    /// The system or the terminal ended docbao (SIGTERM, SIGHUP): leave now, asking nothing.
    Terminate,
    /// The matches of a search in the article being read, found by a worker.
    ArticleSearched {
        /// Which request it answers; older answers are dropped.
        generation: u64,
        /// The matches, in order.
        matches: Vec<Range<usize>>,
        /// The article's text folded, to keep for the next search in it.
        folded: Arc<FoldMap>,
    },
    /// The article asked for, read and laid out by a worker, or why it could not be read.
    ArticleOpened {
        /// Which request it answers; older answers are dropped.
        request: u64,
        /// The article, its page and its bookmarks placed.
        opened: Result<Box<Loaded>, String>,
    },
    /// The catalog, brought further up to date by the indexing thread.
    CatalogUpdated {
        /// The catalog as it stands.
        catalog: Arc<Catalog>,
        /// How far indexing has got.
        progress: Progress,
    },
}

/// An article read and laid out, with its bookmarks found in it: all a worker does so that
/// opening an article costs the reader nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded {
    /// The article.
    pub article: Arc<Article>,
    /// Laid out at the width asked for.
    pub page: Arc<Page>,
    /// The bookmarks it was asked with.
    pub bookmarks: Vec<Bookmark>,
    /// Where they are in it.
    pub placed: Vec<Placed>,
    /// What those found elsewhere or edited must now remember.
    pub changes: Vec<Change>,
}

/// What a save was of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saving {
    /// The bookmarks.
    Bookmarks,
    /// The reading place (and read marks, folds, the split).
    Place,
}

/// Something `App::update` asks the event loop to do, off the UI thread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Search the catalog for the list; answered by [`Action::SearchFinished`].
    SearchCatalog {
        /// Which request this is; an older one still running is abandoned.
        generation: u64,
        /// What to look for.
        query: Query,
        /// The catalog to search: the one shown when the search was asked for.
        catalog: Arc<Catalog>,
    },
    /// Search the article being read; answered by [`Action::ArticleSearched`].
    SearchArticle {
        /// Which request this is; an older one still running is abandoned.
        generation: u64,
        /// The article.
        article: Arc<Article>,
        /// Its text folded, when a search made it already.
        folded: Option<Arc<FoldMap>>,
        /// What to look for.
        query: Query,
    },
    /// Read an article of the catalog (unless given) and lay it out at a width; answered by
    /// [`Action::ArticleOpened`].
    OpenArticle {
        /// Which request this is; an older one still waiting is dropped.
        request: u64,
        /// The catalog the article is in.
        catalog: Arc<Catalog>,
        /// The article's index in it.
        index: usize,
        /// The article already read, to lay out again at another width.
        article: Option<Arc<Article>>,
        /// Columns to lay it out in.
        width: usize,
        /// The language of the words around it.
        lang: Lang,
        /// Its bookmarks, to find in it.
        bookmarks: Vec<Bookmark>,
    },
    /// Save one change to the bookmarks; answered by [`Action::BookmarksSaved`].
    SaveBookmarks {
        /// The change's number, which the answer confirms.
        number: u64,
        /// The change.
        change: Change,
    },
    /// Read the bookmarks file again, to show what another window saved.
    ReloadBookmarks,
    /// Write the reading place that waits to be written now, not when it settles.
    Flush,
    /// Write the bookmarks and the reading state to a recovery file in a writable place;
    /// answered by [`Action::Recovered`].
    Recover {
        /// Every bookmark, as this window has them.
        bookmarks: Vec<Bookmark>,
        /// The reading state.
        reading: Box<ReadingState>,
    },
    /// Save the reading state (merged with what another window saved).
    SaveReading(Box<ReadingState>),
    /// Put text on the system clipboard, through the terminal (OSC 52), so that it works over
    /// SSH; carried out by the terminal's owner, not a worker.
    Copy(String),
}
