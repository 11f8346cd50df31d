//! Reading state: the last article and pane, and each article's position and read/unread,
//! kept like the bookmarks (atomic writes, a lock, unreadable files set aside). No UI.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::catalog::Article;
use crate::store::{self, StoreError};

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
            updated: store::now_rfc3339(),
        }
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

/// The state file as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadingState {
    /// Version of the file's layout.
    pub version: u32,
    /// Where the user left off.
    pub last: Option<Last>,
    /// Each article's position, by article id.
    pub articles: BTreeMap<String, Position>,
}

impl ReadingState {
    /// Records a position; the most read and read/unread only ever go up.
    pub fn record(&mut self, article: &str, mut position: Position) {
        if let Some(old) = self.articles.get(article) {
            position.percent = position.percent.max(old.percent);
            position.read |= old.read;
        }
        self.articles.insert(article.to_owned(), position);
    }

    /// Moves what is kept under the id `from` to the id `to` (kept if `to` has its own).
    pub fn rename(&mut self, from: &str, to: &str) {
        if let Some(position) = self.articles.remove(from) {
            self.articles.entry(to.to_owned()).or_insert(position);
        }
        if let Some(last) = self.last.as_mut().filter(|l| l.article == from) {
            last.article = to.to_owned();
        }
    }
}

impl Default for ReadingState {
    fn default() -> Self {
        ReadingState {
            version: 1,
            last: None,
            articles: BTreeMap::new(),
        }
    }
}

/// The reading state in memory and in `state.json`.
#[derive(Debug, Default)]
pub struct StateStore {
    path: Option<PathBuf>,
    /// The state as this window knows it.
    pub state: ReadingState,
    /// Something the user should be told (a file set aside).
    pub notice: Option<String>,
    /// Ids renamed in this window, replayed on the file when saving.
    renamed: Vec<(String, String)>,
}

impl StateStore {
    /// State kept in memory only.
    pub fn in_memory() -> StateStore {
        StateStore::default()
    }

    /// Reads the state in `dir`; a file that cannot be parsed is set aside and reported, and
    /// what a writer killed mid-save left behind is removed.
    pub fn open(dir: &Path) -> Result<StateStore, StoreError> {
        let path = dir.join(FILE_NAME);
        store::tidy(&path);
        let loaded = store::read_json::<ReadingState>(&path)?;
        Ok(StateStore {
            notice: loaded.set_aside.map(|aside| {
                format!(
                    "reading state could not be read; kept as {} and started afresh",
                    aside.display()
                )
            }),
            path: Some(path),
            state: loaded.value,
            renamed: Vec::new(),
        })
    }

    /// Records a position; the most read and read/unread only ever go up.
    pub fn record(&mut self, article: &str, position: Position) {
        self.state.record(article, position);
    }

    /// Moves an article's entry to a new id, here and, at the next save, in the file.
    pub fn rename(&mut self, from: &str, to: &str) {
        self.state.rename(from, to);
        self.renamed.push((from.to_owned(), to.to_owned()));
    }

    /// Saves under the lock, merged with what another window saved: per article, the newer
    /// position wins; `last` is this window's.
    pub fn save(&mut self) -> Result<(), StoreError> {
        let Some(path) = self.path.clone() else {
            return Ok(());
        };
        let mine = &self.state;
        let renamed = &self.renamed;
        let merged = store::locked(&path, || {
            let mut file = store::read_json::<ReadingState>(&path)?.value;
            for (from, to) in renamed {
                file.rename(from, to);
            }
            for (id, position) in &mine.articles {
                let newer = file
                    .articles
                    .get(id)
                    .is_none_or(|theirs| theirs.updated <= position.updated);
                if newer {
                    file.articles.insert(id.clone(), position.clone());
                }
            }
            if mine.last.is_some() {
                file.last.clone_from(&mine.last);
            }
            store::write_json(&path, &file)?;
            Ok(file)
        })?;
        self.state = merged;
        self.renamed.clear();
        Ok(())
    }
}
