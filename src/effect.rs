//! What `App::update` asks the event loop to do off the UI thread ([`Effect`]), and what
//! comes back from the workers, the indexer and the system ([`Answer`]).

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

/// What a worker, the indexer or the system says back: never bound to a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// A catalog search running in the background has finished.
    SearchFinished {
        /// Which request it answers; older answers are dropped.
        generation: u64,
        /// The articles that match.
        hits: Arc<CatalogHits>,
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
    /// The note on the status line has been shown long enough: the keys' hints come back.
    NoteExpired,
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
    /// How far fetching the feeds has got.
    Fetching {
        /// Feeds done.
        done: usize,
        /// Feeds in all.
        feeds: usize,
        /// Articles done so far, of the new ones the feeds fetched so far list.
        articles: usize,
        /// New articles the feeds fetched so far list.
        total: usize,
    },
    /// Fetching the feeds is over: what came of it, or why it could not start.
    Fetched(Result<FeedsFetched, FetchNotStarted>),
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

/// What fetching the feeds from the reader came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedsFetched {
    /// Articles written (or linked into a feed's folder).
    pub new: usize,
    /// Feeds fetched.
    pub feeds: usize,
    /// The feeds that failed, by name, and why.
    pub failed: Vec<(String, crate::feeds::Failure)>,
}

/// Why fetching the feeds from the reader did not start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchNotStarted {
    /// No feed is subscribed.
    NoFeeds,
    /// There is no data folder to read the subscriptions from.
    NoDataDir,
    /// The subscriptions could not be read, as the system said it.
    Unreadable(String),
    /// The subscriptions could not be read: the file was kept aside, at this path.
    SetAside(std::path::PathBuf),
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
    /// Search the catalog for the list; answered by [`Answer::SearchFinished`].
    SearchCatalog {
        /// Which request this is; an older one still running is abandoned.
        generation: u64,
        /// What to look for.
        query: Query,
        /// The catalog to search: the one shown when the search was asked for.
        catalog: Arc<Catalog>,
    },
    /// Search the article being read; answered by [`Answer::ArticleSearched`].
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
    /// [`Answer::ArticleOpened`].
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
    /// Save one change to the bookmarks; answered by [`Answer::BookmarksSaved`].
    SaveBookmarks {
        /// The change's number, which the answer confirms.
        number: u64,
        /// The change.
        change: Change,
    },
    /// Fetch every feed into a folder; answered by [`Answer::Fetching`] as it goes, then
    /// [`Answer::Fetched`].
    FetchFeeds {
        /// The archive folder to write into.
        into: std::path::PathBuf,
    },
    /// Read the bookmarks file again, to show what another window saved.
    ReloadBookmarks,
    /// Write the reading place that waits to be written now, not when it settles.
    Flush,
    /// Write the bookmarks and the reading state to a recovery file in a writable place;
    /// answered by [`Answer::Recovered`].
    Recover {
        /// Every bookmark, as this window has them.
        bookmarks: Vec<Bookmark>,
        /// The reading state.
        reading: Box<ReadingState>,
    },
    /// Save the reading state (merged with what another window saved).
    SaveReading(Box<ReadingState>),
    /// Give the terminal back and stop until the shell continues docbao; carried out by the
    /// terminal's owner, not a worker.
    Suspend,
    /// Put text on the system clipboard, through the terminal (OSC 52), so that it works over
    /// SSH; carried out by the terminal's owner, not a worker.
    Copy(String),
}
