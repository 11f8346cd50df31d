//! Reading state: the last article and pane, and each article's position and read/unread,
//! kept like the bookmarks (atomic writes, a lock, unreadable files set aside). No UI.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::catalog::Article;
use crate::store::{self, Kept, SetAside, StoreError};

/// File name of the reading state in the data directory.
pub const FILE_NAME: &str = "state.json";

/// Characters of a paragraph's start kept to find it again after an edit.
const ANCHOR_CHARS: usize = 32;

/// Where the user was in one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    /// Index of the paragraph at the top of the reader.
    pub block: usize,
    /// The start of that paragraph's text, to find it if paragraphs were added or removed.
    pub anchor: String,
    /// How much of the article has been on screen, 0 to 100 (the most ever).
    pub percent: u8,
    /// Whether the end of the article has been on screen.
    pub read: bool,
    /// Bytes into that paragraph's text at which the top row starts: the view comes back at
    /// the row, not at the paragraph's start.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub into: usize,
    /// Paragraphs from the top one down to the passage cursor's.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub cursor: usize,
    /// Rows above the paragraph at the top of the view (a blank row), when the
    /// view starts there rather than in the paragraph.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub above: usize,
    /// When this was recorded (RFC 3339), to merge two windows' states.
    pub updated: String,
}

impl Position {
    /// The position at paragraph `block` of an article.
    pub fn at(article: &Article, block: usize, percent: u8) -> Position {
        let anchor = article
            .blocks
            .get(block)
            .map(|b| article.block_text(b).chars().take(ANCHOR_CHARS).collect())
            .unwrap_or_default();
        Position {
            block,
            anchor,
            percent,
            read: percent >= 100,
            into: 0,
            cursor: 0,
            above: 0,
            updated: store::now_rfc3339(),
        }
    }

    /// The position with the top row `into` bytes into its paragraph, or `above` rows above
    /// it, and the passage cursor `cursor` paragraphs below it.
    pub fn with_row(mut self, into: usize, above: usize, cursor: usize) -> Position {
        self.into = into;
        self.above = above;
        self.cursor = cursor;
        self
    }

    /// The paragraph to return to: the one that starts with the anchor (nearest the stored
    /// index), else the stored index, within the article.
    pub fn find_block(&self, article: &Article) -> usize {
        let starts_with_anchor = |i: usize| {
            article
                .blocks
                .get(i)
                .is_some_and(|b| article.block_text(b).starts_with(&self.anchor))
        };
        if self.anchor.is_empty() || starts_with_anchor(self.block) {
            return self.block.min(article.blocks.len().saturating_sub(1));
        }
        (0..article.blocks.len())
            .filter(|&i| starts_with_anchor(i))
            .min_by_key(|&i| i.abs_diff(self.block))
            .unwrap_or_else(|| self.block.min(article.blocks.len().saturating_sub(1)))
    }
}

/// Whether a count is zero: such fields are left out of the file.
fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// Which pane the user was in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Pane {
    /// The article list.
    List,
    /// The reading pane.
    Reader,
}

/// The last article open and the pane it was read in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Last {
    /// The article's id.
    pub article: String,
    /// The pane with the focus.
    pub pane: Pane,
}

/// What is kept of one folder: the article and pane to come back to, and each article's
/// position.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadingState {
    /// Where the user left off.
    #[serde(default)]
    pub last: Option<Last>,
    /// Each article's position, by article id.
    #[serde(default)]
    pub articles: BTreeMap<String, Position>,
    /// The share of the width the user gave the list, in percent, if they moved the split.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list_percent: Option<u8>,
    /// The bookmark last chosen in the bookmarks pane, by id: the pane opens on it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_bookmark: Option<String>,
    /// How the list was left: folded sections, the unread view, its search.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub listing: Option<Listing>,
    /// The searches typed, oldest first, as `less` keeps `~/.lesshst`: `Up` brings them back.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub searches: Vec<String>,
}

/// How the list was left, to find it so at the next start.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Listing {
    /// The sections folded to their headers, by name, sorted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub folded: Vec<String>,
    /// Whether only unread articles were listed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unread_only: bool,
    /// The search the list was filtered by.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search: Option<String>,
}

/// Searches kept in the history.
pub const SEARCHES_KEPT: usize = 100;

impl ReadingState {
    /// Records a position; the most read and read/unread only ever go up.
    pub fn record(&mut self, article: &str, mut position: Position) {
        if let Some(old) = self.articles.get(article) {
            position.percent = position.percent.max(old.percent);
            position.read |= old.read;
        }
        self.articles.insert(article.to_owned(), position);
    }

    /// Marks an article read or unread by hand; unread also forgets how much of it was seen,
    /// so that reading it again counts from its start.
    pub fn mark(&mut self, article: &str, read: bool) {
        let position = self
            .articles
            .entry(article.to_owned())
            .or_insert_with(|| Position {
                block: 0,
                anchor: String::new(),
                percent: 0,
                read,
                into: 0,
                cursor: 0,
                above: 0,
                updated: String::new(),
            });
        position.read = read;
        if !read {
            position.percent = 0;
        }
        position.updated = store::now_rfc3339();
    }

    /// Whether an article has been read to its end or marked read.
    pub fn is_read(&self, article: &str) -> bool {
        self.articles.get(article).is_some_and(|p| p.read)
    }

    /// Takes in another window's state of the same folder: per article, the newer position
    /// wins; `last` is this one's when it has one.
    fn merge_from(&mut self, theirs: &ReadingState) {
        for (id, position) in &theirs.articles {
            let newer = self
                .articles
                .get(id)
                .is_none_or(|mine| mine.updated <= position.updated);
            if newer {
                self.articles.insert(id.clone(), position.clone());
            }
        }
        if theirs.last.is_some() {
            self.last.clone_from(&theirs.last);
        }
        if theirs.list_percent.is_some() {
            self.list_percent = theirs.list_percent;
        }
        if theirs.last_bookmark.is_some() {
            self.last_bookmark.clone_from(&theirs.last_bookmark);
        }
        // The list as the window saving it left it, unfolded and unfiltered included.
        self.listing.clone_from(&theirs.listing);
        // Both windows' searches, theirs the newer; a repeat only once, at its newest.
        for search in &theirs.searches {
            self.searches.retain(|s| s != search);
            self.searches.push(search.clone());
        }
        let extra = self.searches.len().saturating_sub(SEARCHES_KEPT);
        self.searches.drain(..extra);
    }
}

/// Version of the file's layout: 2 keeps each folder apart.
const VERSION: u32 = 2;

/// The folder under which a file of version 1 (one folder for all) is kept until the
/// folder it belongs to is opened and claims it.
pub const UNCLAIMED: &str = "";

/// The state file as stored: each folder's state under the folder's path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct StateFile {
    version: u32,
    #[serde(default)]
    folders: BTreeMap<String, ReadingState>,
    /// Version 1 kept one state for every folder at the top level.
    #[serde(default, skip_serializing)]
    last: Option<Last>,
    #[serde(default, skip_serializing)]
    articles: BTreeMap<String, Position>,
}

impl Default for StateFile {
    fn default() -> Self {
        StateFile {
            version: VERSION,
            folders: BTreeMap::new(),
            last: None,
            articles: BTreeMap::new(),
        }
    }
}

impl StateFile {
    /// Puts what version 1 kept at the top level under [`UNCLAIMED`].
    fn upgraded(mut self) -> StateFile {
        let legacy = ReadingState {
            last: self.last.take(),
            articles: std::mem::take(&mut self.articles),
            ..ReadingState::default()
        };
        if legacy != ReadingState::default() {
            let unclaimed = self.folders.entry(UNCLAIMED.to_owned()).or_default();
            for (id, position) in legacy.articles {
                unclaimed.articles.entry(id).or_insert(position);
            }
            if unclaimed.last.is_none() {
                unclaimed.last = legacy.last;
            }
        }
        self.version = VERSION;
        self
    }

    /// The state of `folder` as a window open on it sees it: its own, with the positions kept
    /// for its files when they were opened through a folder above or below it (the newest
    /// wins).
    fn view(&self, folder: &str) -> ReadingState {
        let mut state = self.folders.get(folder).cloned().unwrap_or_default();
        for (kept_in, other) in self.folders.iter().filter(|(f, _)| f.as_str() != folder) {
            let seen = other.articles.iter().filter_map(|(id, position)| {
                Some((store::id_in(folder, kept_in, id)?, position.clone()))
            });
            let seen = ReadingState {
                articles: seen.collect(),
                ..ReadingState::default()
            };
            state.merge_from(&seen);
        }
        state
    }

    /// Moves an entry kept as `from` in the unclaimed state to `to` in `folder`.
    fn claim(&mut self, folder: &str, from: &str, to: &str) {
        let Some(unclaimed) = self.folders.get_mut(UNCLAIMED) else {
            return;
        };
        let position = unclaimed.articles.remove(from);
        let last = unclaimed.last.take_if(|l| l.article == from).map(|mut l| {
            l.article = to.to_owned();
            l
        });
        if unclaimed.articles.is_empty() && unclaimed.last.is_none() {
            self.folders.remove(UNCLAIMED);
        }
        let state = self.folders.entry(folder.to_owned()).or_default();
        if let Some(position) = position {
            state.articles.entry(to.to_owned()).or_insert(position);
        }
        if state.last.is_none() {
            state.last = last;
        }
    }
}

/// The reading state of one folder, in memory and in `state.json` (beside other folders').
#[derive(Debug, Default)]
pub struct StateStore {
    path: Option<PathBuf>,
    folder: String,
    /// The state of the folder as this window knows it.
    pub state: ReadingState,
    /// What version 1 kept without saying for which folder.
    unclaimed: ReadingState,
    /// Something the user should be told (a file set aside).
    pub notice: Option<SetAside>,
    /// Entries claimed from the unclaimed state, (old id, new id), replayed when saving.
    claimed: Vec<(String, String)>,
}

impl StateStore {
    /// State kept in memory only.
    pub fn in_memory() -> StateStore {
        StateStore::default()
    }

    /// Reads the state of `folder` in `dir`; a file that cannot be parsed is set aside and
    /// reported, and what a writer killed mid-save left behind is removed.
    pub fn open(dir: &Path, folder: &str) -> Result<StateStore, StoreError> {
        let path = dir.join(FILE_NAME);
        store::tidy(&path);
        let loaded = store::read_json::<StateFile>(&path)?;
        let mut file = loaded.value.upgraded();
        Ok(StateStore {
            notice: loaded.set_aside.map(|path| SetAside {
                kept: Kept::State,
                path,
            }),
            path: Some(path),
            folder: folder.to_owned(),
            state: file.view(folder),
            unclaimed: file.folders.remove(UNCLAIMED).unwrap_or_default(),
            claimed: Vec::new(),
        })
    }

    /// What an earlier docbao kept without saying for which folder.
    pub fn unclaimed(&self) -> &ReadingState {
        &self.unclaimed
    }

    /// Records a position; the most read and read/unread only ever go up.
    pub fn record(&mut self, article: &str, position: Position) {
        self.state.record(article, position);
    }

    /// Takes what an earlier docbao kept as `from` for this folder, as article `to`.
    pub fn claim(&mut self, from: &str, to: &str) {
        let mut file = StateFile::default();
        file.folders
            .insert(UNCLAIMED.to_owned(), std::mem::take(&mut self.unclaimed));
        file.folders
            .insert(self.folder.clone(), std::mem::take(&mut self.state));
        file.claim(&self.folder, from, to);
        self.state = file.folders.remove(&self.folder).unwrap_or_default();
        self.unclaimed = file.folders.remove(UNCLAIMED).unwrap_or_default();
        self.claimed.push((from.to_owned(), to.to_owned()));
    }

    /// Saves under the lock, merged with what another window saved of the same folder: per
    /// article, the newer position wins; `last` is this window's. Other folders are kept.
    pub fn save(&mut self) -> Result<(), StoreError> {
        let Some(path) = self.path.clone() else {
            return Ok(());
        };
        let (folder, mine, claimed) = (&self.folder, &self.state, &self.claimed);
        let merged = store::locked(&path, || {
            let mut file = store::read_json::<StateFile>(&path)?.value.upgraded();
            for (from, to) in claimed {
                file.claim(folder, from, to);
            }
            file.folders
                .entry(folder.clone())
                .or_default()
                .merge_from(mine);
            store::write_json(&path, &file)?;
            Ok(file)
        })?;
        let mut merged = merged;
        self.state = merged.view(folder);
        self.unclaimed = merged.folders.remove(UNCLAIMED).unwrap_or_default();
        self.claimed.clear();
        Ok(())
    }
}
