//! Bookmarked passages: what one remembers, the file they live in, and how changes are saved
//! so that two windows never lose each other's bookmarks. No UI.

pub mod anchor;

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::catalog::Article;
use crate::store::{self, Kept, SetAside, StoreError};
pub use anchor::Anchor;

/// File name of the bookmarks in the data directory.
pub const FILE_NAME: &str = "bookmarks.json";

/// Version of the file's layout, written into it.
pub const SCHEMA_VERSION: u32 = 1;

/// One bookmarked passage.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bookmark {
    /// Unique id.
    pub id: String,
    /// The folder the article was read from (see `Catalog::folder`); empty for bookmarks
    /// made before folders were told apart.
    #[serde(default)]
    pub folder: String,
    /// The article's id (its path from the folder opened, without the extension).
    pub article: String,
    /// Where the article was read from.
    pub path: String,
    /// The article's title when bookmarked, to show an orphaned bookmark by.
    #[serde(default)]
    pub title: String,
    /// The article's date when bookmarked (`YYYY-MM-DD`), for the Markdown export.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The passage's text (NFC); only its first [`KEPT_CHARS`] characters when it is longer
    /// than [`MAX_QUOTE_CHARS`].
    pub quote: String,
    /// The passage's last [`KEPT_CHARS`] characters, when it was too long to keep whole.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub quote_end: String,
    /// The whole passage's CRC-32, when only its start and end are kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote_hash: Option<u32>,
    /// Up to 32 characters before the passage.
    pub prefix: String,
    /// Up to 32 characters after the passage.
    pub suffix: String,
    /// Character offset of the passage's start in the normalised article.
    pub start: usize,
    /// Character offset of the passage's end in the normalised article.
    pub end: usize,
    /// The user's note, possibly empty.
    #[serde(default)]
    pub note: String,
    /// When it was made (RFC 3339).
    pub created: String,
    /// When it was last changed (RFC 3339).
    pub updated: String,
}

/// Longest passage a bookmark keeps whole, in characters: a longer one (a 2 MB paragraph)
/// keeps its start, its end and a hash.
pub const MAX_QUOTE_CHARS: usize = 4_000;

/// Characters kept of each end of a passage too long to keep whole.
pub const KEPT_CHARS: usize = 1_000;

/// One bookmark of an article and where its passage is in the article's text now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    /// The bookmark's id.
    pub id: String,
    /// Where the passage was found.
    pub anchor: Anchor,
}

/// Finds `bookmarks`' passages in `article`: where each is, and, for those found elsewhere or
/// edited, the change that has it remember its passage as it reads now.
pub fn place(bookmarks: &[Bookmark], article: &Article) -> (Vec<Placed>, Vec<Change>) {
    let mut changes = Vec::new();
    let placed = bookmarks
        .iter()
        .map(|b| {
            let anchor = b.locate(article);
            changes.extend(anchor.range().and_then(|r| b.reanchor(&article.text, r)));
            Placed {
                id: b.id.clone(),
                anchor,
            }
        })
        .collect();
    (placed, changes)
}

/// What a bookmark keeps of its passage to find it again: the text (or its ends and a hash),
/// the context around it and where it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    /// See [`Bookmark::quote`].
    pub quote: String,
    /// See [`Bookmark::quote_end`].
    pub quote_end: String,
    /// See [`Bookmark::quote_hash`].
    pub quote_hash: Option<u32>,
    /// See [`Bookmark::prefix`].
    pub prefix: String,
    /// See [`Bookmark::suffix`].
    pub suffix: String,
    /// See [`Bookmark::start`].
    pub start: usize,
    /// See [`Bookmark::end`].
    pub end: usize,
}

impl Passage {
    /// What to keep of `range` (bytes, on character boundaries) of `text`.
    pub fn of(text: &str, range: Range<usize>) -> Passage {
        let (prefix, suffix) = anchor::context(text, &range, anchor::CONTEXT_CHARS);
        let passage = &text[range.clone()];
        let chars = passage.chars().count();
        let (quote, quote_end, quote_hash) = if chars > MAX_QUOTE_CHARS {
            let head: String = passage.chars().take(KEPT_CHARS).collect();
            let tail: String = passage.chars().skip(chars - KEPT_CHARS).collect();
            (head, tail, Some(crc32fast::hash(passage.as_bytes())))
        } else {
            (passage.to_owned(), String::new(), None)
        };
        let start = anchor::char_of_byte(text, range.start);
        Passage {
            quote,
            quote_end,
            quote_hash,
            prefix,
            suffix,
            start,
            end: start + chars,
        }
    }

    /// Where the passage is in `text`, which may be an edited version of the text it was
    /// taken from.
    pub fn locate(&self, text: &str) -> Anchor {
        anchor::locate(
            text,
            anchor::Selector {
                quote: &self.quote,
                tail: &self.quote_end,
                chars: if self.quote_end.is_empty() {
                    self.quote.chars().count()
                } else {
                    self.end.saturating_sub(self.start)
                },
                hash: self.quote_hash,
                prefix: &self.prefix,
                suffix: &self.suffix,
                start: self.start,
            },
        )
    }
}

impl Bookmark {
    /// A bookmark of `range` (bytes of the text) of an article of `folder`, with no note yet.
    pub fn new(folder: &str, article: &Article, range: Range<usize>) -> Bookmark {
        let now = store::now_rfc3339();
        let mut bookmark = Bookmark {
            id: new_id(),
            folder: folder.to_owned(),
            article: article.id.clone(),
            path: article.path.display().to_string(),
            title: article.title.clone(),
            date: article.date.map(|d| d.to_string()),
            created: now.clone(),
            updated: now,
            ..Bookmark::default()
        };
        bookmark.set_passage(Passage::of(&article.text, range));
        bookmark
    }

    /// Remembers `passage` as the bookmark's.
    fn set_passage(&mut self, passage: Passage) {
        let Passage {
            quote,
            quote_end,
            quote_hash,
            prefix,
            suffix,
            start,
            end,
        } = passage;
        (self.quote, self.quote_end, self.quote_hash) = (quote, quote_end, quote_hash);
        (self.prefix, self.suffix, self.start, self.end) = (prefix, suffix, start, end);
    }

    /// What the bookmark remembers of its passage.
    pub fn passage(&self) -> Passage {
        Passage {
            quote: self.quote.clone(),
            quote_end: self.quote_end.clone(),
            quote_hash: self.quote_hash,
            prefix: self.prefix.clone(),
            suffix: self.suffix.clone(),
            start: self.start,
            end: self.end,
        }
    }

    /// The change that makes the bookmark remember `range` of `text`, where its passage was
    /// found again; `None` when it remembers exactly that already.
    ///
    /// A passage found again after an edit keeps the old context until this is saved: the
    /// next edit would then look for it beside text that is no longer next to it, and could
    /// take in a paragraph it never held.
    pub fn reanchor(&self, text: &str, range: Range<usize>) -> Option<Change> {
        let passage = Passage::of(text, range);
        (passage != self.passage()).then(|| Change::Reanchor {
            id: self.id.clone(),
            passage,
        })
    }

    /// Where the passage is in the article as it reads now.
    pub fn locate(&self, article: &Article) -> Anchor {
        self.passage().locate(&article.text)
    }
}

impl Bookmark {
    /// The passage as it is shown: whole, or its start and end around `[…]` when it was too
    /// long to keep.
    pub fn shown_quote(&self) -> std::borrow::Cow<'_, str> {
        if self.quote_end.is_empty() {
            std::borrow::Cow::Borrowed(&self.quote)
        } else {
            std::borrow::Cow::Owned(format!("{} […] {}", self.quote, self.quote_end))
        }
    }
}

/// A fresh id: time and a per-process counter, unique across windows without a random source.
fn new_id() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let serial = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!("{nanos:x}-{:x}-{serial:x}", std::process::id())
}

/// The file as stored.
#[derive(Debug, Serialize, Deserialize)]
struct BookmarkFile {
    version: u32,
    bookmarks: Vec<Bookmark>,
}

impl Default for BookmarkFile {
    fn default() -> Self {
        BookmarkFile {
            version: SCHEMA_VERSION,
            bookmarks: Vec::new(),
        }
    }
}

/// One change to the bookmarks, replayed on the file as it is on disk at the time of saving.
#[derive(Debug, Clone, PartialEq, Eq)]
// A change is made one key press at a time and lives until it is saved: its size is no cost
// worth a box around every bookmark added.
#[allow(clippy::large_enum_variant)]
pub enum Change {
    /// Add (or restore) a bookmark.
    Add(Bookmark),
    /// Delete the bookmark with this id.
    Remove(String),
    /// Replace a bookmark's note.
    SetNote {
        /// The bookmark's id.
        id: String,
        /// The new note.
        note: String,
        /// When the note was changed (RFC 3339).
        updated: String,
    },
    /// Give a bookmark the folder and article id it has now (bookmarks made before ids were
    /// paths, or before folders were told apart).
    MoveTo {
        /// The bookmark's id.
        id: String,
        /// The folder the article is in.
        folder: String,
        /// The article's id now.
        article: String,
    },
    /// Remember the passage as it was found again in its article's new text.
    Reanchor {
        /// The bookmark's id.
        id: String,
        /// The passage as it reads now, with its context.
        passage: Passage,
    },
}

impl Change {
    fn apply(&self, bookmarks: &mut Vec<Bookmark>) {
        match self {
            Change::Add(bookmark) => {
                bookmarks.retain(|b| b.id != bookmark.id);
                bookmarks.push(bookmark.clone());
            }
            Change::Remove(id) => bookmarks.retain(|b| &b.id != id),
            Change::SetNote { id, note, updated } => {
                for b in bookmarks.iter_mut().filter(|b| &b.id == id) {
                    b.note.clone_from(note);
                    b.updated.clone_from(updated);
                }
            }
            Change::MoveTo {
                id,
                folder,
                article,
            } => {
                for b in bookmarks.iter_mut().filter(|b| &b.id == id) {
                    b.folder.clone_from(folder);
                    b.article.clone_from(article);
                }
            }
            Change::Reanchor { id, passage } => {
                for b in bookmarks.iter_mut().filter(|b| &b.id == id) {
                    b.set_passage(passage.clone());
                }
            }
        }
    }
}

/// Newest first, ties by id, so that the order never flickers.
fn newest_first(a: &Bookmark, b: &Bookmark) -> std::cmp::Ordering {
    b.created.cmp(&a.created).then_with(|| b.id.cmp(&a.id))
}

/// The bookmarks as one window shows them: the file as last read or saved, with this window's
/// changes replayed on it until the worker that saves them says they are on disk.
#[derive(Debug, Clone, Default)]
pub struct Bookmarks {
    /// The folder open in this window: its articles' bookmarks are counted and placed.
    folder: String,
    /// The bookmarks as last read from, or written to, the file.
    saved: Vec<Bookmark>,
    /// Changes sent to be saved and not yet confirmed, each with its number.
    pending: Vec<(u64, Change)>,
    /// What is shown: `saved` with `pending` replayed, newest first.
    shown: Vec<Bookmark>,
    /// How many bookmarks each article of the folder has, by article id.
    counts: HashMap<String, usize>,
    /// The id in the folder open of each bookmark's article, by bookmark id, for the bookmarks
    /// whose file is under that folder (made here, or through a folder above or below).
    local: HashMap<String, String>,
    /// The number of the last change made.
    last: u64,
}

impl Bookmarks {
    /// The bookmarks as read from the file, for a window open on `folder`.
    pub fn new(saved: Vec<Bookmark>, folder: &str) -> Bookmarks {
        let mut bookmarks = Bookmarks {
            folder: folder.to_owned(),
            saved,
            ..Bookmarks::default()
        };
        bookmarks.refresh();
        bookmarks
    }

    /// Every bookmark, of every folder, newest first.
    pub fn all(&self) -> &[Bookmark] {
        &self.shown
    }

    /// The id, in the folder open, of the article a bookmark is of; `None` when it is of an
    /// article elsewhere.
    pub fn local_id(&self, bookmark: &Bookmark) -> Option<&str> {
        self.local.get(&bookmark.id).map(String::as_str)
    }

    /// The bookmarks of one article of the folder open.
    pub fn of_article<'a>(&'a self, article: &'a str) -> impl Iterator<Item = &'a Bookmark> + 'a {
        self.shown
            .iter()
            .filter(move |b| self.local_id(b) == Some(article))
    }

    /// How many bookmarks an article of the folder open has.
    pub fn count(&self, article: &str) -> usize {
        self.counts.get(article).copied().unwrap_or(0)
    }

    /// The bookmark with this id.
    pub fn get(&self, id: &str) -> Option<&Bookmark> {
        self.shown.iter().find(|b| b.id == id)
    }

    /// Makes a change at once; returns its number, which the save will confirm.
    pub fn change(&mut self, change: Change) -> u64 {
        self.last += 1;
        self.pending.push((self.last, change));
        self.refresh();
        self.last
    }

    /// How many changes are made and not confirmed saved yet.
    pub fn unsaved_count(&self) -> usize {
        self.pending.len()
    }

    /// The changes made and not confirmed saved yet, oldest first, with their numbers.
    pub fn unsaved(&self) -> Vec<(u64, Change)> {
        self.pending.clone()
    }

    /// Takes in the file as saved or read again, with every change up to `upto` in it.
    pub fn confirm(&mut self, upto: u64, file: Vec<Bookmark>) {
        self.saved = file;
        self.pending.retain(|(number, _)| *number > upto);
        self.refresh();
    }

    fn refresh(&mut self) {
        let mut shown = self.saved.clone();
        for (_, change) in &self.pending {
            change.apply(&mut shown);
        }
        shown.sort_by(newest_first);
        self.counts.clear();
        self.local.clear();
        for bookmark in &shown {
            if let Some(id) = store::id_in(&self.folder, &bookmark.folder, &bookmark.article) {
                *self.counts.entry(id.clone()).or_default() += 1;
                self.local.insert(bookmark.id.clone(), id);
            }
        }
        self.shown = shown;
    }
}

/// The bookmarks, in memory and (unless in-memory only) in `bookmarks.json`.
#[derive(Debug, Default)]
pub struct BookmarkStore {
    path: Option<PathBuf>,
    bookmarks: Vec<Bookmark>,
    /// Changes not yet on disk because saving failed; retried with the next change.
    unsaved: Vec<Change>,
    /// Something the user should be told (a file set aside, a save that failed).
    pub notice: Option<SetAside>,
}

impl BookmarkStore {
    /// Bookmarks kept in memory only, for tests and for when no data directory can be had.
    pub fn in_memory() -> BookmarkStore {
        BookmarkStore::default()
    }

    /// Reads the bookmarks in `dir`; a file that cannot be parsed is set aside and reported,
    /// and what a writer killed mid-save left behind is removed.
    pub fn open(dir: &Path) -> Result<BookmarkStore, StoreError> {
        let path = dir.join(FILE_NAME);
        store::tidy(&path);
        let loaded = store::read_json::<BookmarkFile>(&path)?;
        Ok(BookmarkStore {
            notice: loaded.set_aside.as_deref().map(set_aside_notice),
            path: Some(path),
            bookmarks: loaded.value.bookmarks,
            unsaved: Vec::new(),
        })
    }

    /// Where the bookmarks are saved, if anywhere.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Every bookmark, newest first.
    pub fn all(&self) -> Vec<&Bookmark> {
        let mut all: Vec<&Bookmark> = self.bookmarks.iter().collect();
        all.sort_by(|a, b| newest_first(a, b));
        all
    }

    /// Every bookmark, in the file's order.
    pub fn list(&self) -> &[Bookmark] {
        &self.bookmarks
    }

    /// The bookmark with this id.
    pub fn get(&self, id: &str) -> Option<&Bookmark> {
        self.bookmarks.iter().find(|b| b.id == id)
    }

    /// Applies a change in memory at once, then saves it: under the lock, the file is read
    /// again, every unsaved change is replayed on it, and it is written back atomically. If
    /// saving fails, the change stays in memory and is saved with the next one.
    pub fn apply(&mut self, change: Change) -> Result<(), StoreError> {
        change.apply(&mut self.bookmarks);
        self.unsaved.push(change);
        self.save()
    }

    /// Saves the unsaved changes, if any (see [`BookmarkStore::apply`]).
    pub fn save(&mut self) -> Result<(), StoreError> {
        let Some(path) = self.path.clone() else {
            self.unsaved.clear();
            return Ok(());
        };
        if self.unsaved.is_empty() {
            return Ok(());
        }
        let in_memory = &self.bookmarks;
        let unsaved = &self.unsaved;
        let (merged, aside) = store::locked(&path, || {
            let loaded = store::read_json::<BookmarkFile>(&path)?;
            let mut file = loaded.value;
            if loaded.set_aside.is_some() {
                // The file went bad under us: what this window knows is the best copy left.
                file.bookmarks.clone_from(in_memory);
            }
            for change in unsaved {
                change.apply(&mut file.bookmarks);
            }
            file.version = SCHEMA_VERSION;
            store::write_json(&path, &file)?;
            Ok((file.bookmarks, loaded.set_aside))
        })?;
        if let Some(aside) = aside {
            self.notice = Some(set_aside_notice(&aside));
        }
        self.bookmarks = merged;
        self.unsaved.clear();
        Ok(())
    }

    /// Reads the file again, to show what another window has saved; unsaved changes stay.
    pub fn reload(&mut self) -> Result<(), StoreError> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        let loaded = store::read_json::<BookmarkFile>(path)?;
        if let Some(aside) = &loaded.set_aside {
            self.notice = Some(set_aside_notice(aside));
        }
        let mut bookmarks = loaded.value.bookmarks;
        for change in &self.unsaved {
            change.apply(&mut bookmarks);
        }
        self.bookmarks = bookmarks;
        Ok(())
    }
}

/// What the user is told when an unreadable bookmarks file was moved out of the way.
fn set_aside_notice(aside: &Path) -> SetAside {
    SetAside {
        kept: Kept::Bookmarks,
        path: aside.to_owned(),
    }
}
