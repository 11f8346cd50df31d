//! The catalog: every article under a folder (or one file), parsed and sorted; immutable once built.

mod article;
pub mod cache;
pub mod html;
mod ids;
pub mod indexer;
pub mod live;
pub mod notice;
mod read;
mod refresh;
mod scan;
pub mod sections;
mod stored;
pub mod syllables;
mod titles;

use std::cmp::Reverse;
use std::io;
use std::ops::Range;
use std::path::{Path, PathBuf};

pub use article::{Article, Block, BlockKind, Date};
pub use ids::{Lookup, article_id, root_of};
pub use notice::{Note, Reason, Warning};
pub use read::{MAX_FILE_BYTES, Sifted};
pub use refresh::{CacheUse, Opened};
pub use scan::{Listed, Stamp};
pub use stored::{Built, CHUNK, HEAD, Parts, Segment, SegmentBuilder, Span, Stored, Summary, Text};
pub use titles::FoldedTitles;

use crate::io_error::describe_io;
use crate::text::collate;
use ids::keep_ids_apart;
use read::{parse_source, read_file, store_all};

/// The origin of the bundled articles: what names them where a folder's path would, in
/// bookmarks and reading positions too, so it never changes with the language shown.
pub const BUNDLED_ORIGIN: &str = "bundled articles";

/// The articles that ship inside the binary, by file name (the same files as `articles/`).
pub const BUNDLED: [(&str, &[u8]); 2] = [
    (
        "000_187bee9378cff2a5.txt",
        include_bytes!("../../articles/000_187bee9378cff2a5.txt"),
    ),
    (
        "004_f5d5699ebfe6bbe1.txt",
        include_bytes!("../../articles/004_f5d5699ebfe6bbe1.txt"),
    ),
];

/// A file that was found but could not be listed, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file or folder concerned.
    pub path: PathBuf,
    /// What went wrong and what docbao did about it.
    pub reason: Reason,
    /// The file's stamp when it was read, so that it is read again only once it changes.
    pub stamp: Option<Stamp>,
}

impl Problem {
    /// Why a file could not be read: it is tried again the next time.
    pub(crate) fn unreadable(path: PathBuf, err: &io::Error) -> Problem {
        Problem {
            reason: Reason::unreadable(describe_io(err)),
            path,
            stamp: None,
        }
    }
}

impl CatalogError {
    /// The error as a note for the status line.
    pub fn note(&self) -> Note {
        match self {
            CatalogError::Open { path, cause } => Note::CannotOpen {
                path: path.clone(),
                error: describe_io(cause),
            },
        }
    }
}

/// Why a catalog could not be opened at all.
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    /// The path given does not exist or cannot be read.
    #[error("cannot open {}: {}", .path.display(), describe_io(.cause))]
    Open {
        /// The path given.
        path: PathBuf,
        /// The cause.
        cause: io::Error,
    },
}

/// An article as the catalog lists it: what the list and the search need, without its body,
/// which [`Catalog::article`] reads when it is opened.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Its path from the folder opened, without the extension (see [`article_id`]).
    pub id: String,
    /// Where the article was read from.
    pub path: PathBuf,
    /// The headline, or the caption without its credit when the headline is a photo caption.
    pub title: String,
    /// Where the title lies in the article's text, when it is taken from the text.
    pub title_range: Option<Range<usize>>,
    /// Byte offset in the text where what the reader shows begins.
    pub shown_start: usize,
    /// The date of the `date` line, if there was one.
    pub date: Option<Date>,
    /// Number of words in the body and headline.
    pub words: usize,
    /// What went wrong while reading it.
    pub warnings: Vec<Warning>,
    /// The file's stamp when it was read.
    pub stamp: Stamp,
    /// Its text and folded text, once indexed.
    stored: Option<Stored>,
}

impl Entry {
    /// The entry of an article read and stored.
    fn new(article: &Article, stamp: Stamp, stored: Option<Stored>) -> Entry {
        Entry {
            id: article.id.clone(),
            path: article.path.clone(),
            title: article.title.clone(),
            title_range: article.title_range.clone(),
            shown_start: article.shown_start,
            date: article.date,
            words: article.words,
            warnings: article.warnings.clone(),
            stamp,
            stored,
        }
    }

    /// Estimated reading time in whole minutes, at least one.
    pub fn reading_minutes(&self) -> usize {
        article::reading_minutes(self.words)
    }

    /// Its text and folded text, when it has been indexed.
    pub fn stored(&self) -> Option<&Stored> {
        self.stored.as_ref()
    }
}

/// A sorted, immutable collection of articles and the problems met while reading them.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    entries: Vec<Entry>,
    problems: Vec<Problem>,
    origin: String,
    folder: String,
    /// How many articles have a warning, counted once.
    warned: usize,
    /// How many articles are indexed (their text stored), counted once.
    indexed: usize,
    /// Where each id is, made the first time an id is looked up.
    ids: std::sync::OnceLock<std::collections::HashMap<String, usize>>,
    /// Its syllable index, once the indexer has made it (searches scan until then).
    syllables: std::sync::OnceLock<std::sync::Arc<syllables::Syllables>>,
    /// Every article's folded title, made the first time a search wants them.
    titles: std::sync::OnceLock<FoldedTitles>,
    /// The dictionary of every article's folded title, made the first time a search wants it.
    title_terms: std::sync::OnceLock<std::sync::Arc<syllables::Dictionary>>,
}

/// Two catalogs are equal when they list the same files, as read at the same stamps.
impl PartialEq for Catalog {
    fn eq(&self, other: &Catalog) -> bool {
        let same = |a: &Entry, b: &Entry| {
            a.id == b.id && a.stamp == b.stamp && a.stored.is_some() == b.stored.is_some()
        };
        self.folder == other.folder
            && self.origin == other.origin
            && self.problems == other.problems
            && self.entries.len() == other.entries.len()
            && self
                .entries
                .iter()
                .zip(&other.entries)
                .all(|(a, b)| same(a, b))
    }
}

impl Eq for Catalog {}

impl Catalog {
    /// A catalog of entries already made, sorted as they come.
    fn from_parts(mut entries: Vec<Entry>, problems: Vec<Problem>, origin: String) -> Catalog {
        keep_ids_apart(&mut entries);
        Catalog {
            warned: entries.iter().filter(|e| !e.warnings.is_empty()).count(),
            indexed: entries.iter().filter(|e| e.stored.is_some()).count(),
            entries,
            problems,
            origin,
            folder: String::new(),
            ids: std::sync::OnceLock::new(),
            syllables: std::sync::OnceLock::new(),
            titles: std::sync::OnceLock::new(),
            title_terms: std::sync::OnceLock::new(),
        }
    }

    /// The articles compiled into the binary.
    pub fn bundled() -> Catalog {
        let sources = BUNDLED
            .iter()
            .map(|(name, bytes)| (Path::new("(bundled)").join(name), Ok(bytes.to_vec())));
        Catalog::from_sources(sources, BUNDLED_ORIGIN.to_owned())
    }

    /// Builds a catalog from file contents already read (or the error met reading them).
    pub fn from_sources(
        sources: impl IntoIterator<Item = (PathBuf, io::Result<Vec<u8>>)>,
        origin: String,
    ) -> Catalog {
        let parsed = sources
            .into_iter()
            .map(|(path, bytes)| {
                let id = article_id(path.parent().unwrap_or(Path::new("")), &path);
                // No file to stamp: only its size is known.
                let size = bytes.as_ref().map_or(0, |b| b.len() as u64);
                let stamp = Stamp {
                    size,
                    ..Stamp::default()
                };
                Ok((parse_source(id, path, bytes)?, stamp))
            })
            .collect();
        Catalog::assemble(parsed, origin)
    }

    /// Stores parsed articles and sorts them into a catalog, keeping the problems in the order
    /// met.
    fn assemble(parsed: Vec<Result<(Article, Stamp), Problem>>, origin: String) -> Catalog {
        let mut articles = Vec::with_capacity(parsed.len());
        let mut problems = Vec::new();
        for result in parsed {
            match result {
                Ok(article) => articles.push(article),
                Err(problem) => problems.push(problem),
            }
        }
        let mut entries = store_all(&articles);
        sort(&mut entries);
        Catalog::from_parts(entries, problems, origin)
    }

    /// The articles, newest first, then by title in Vietnamese alphabetical order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Reads the article at `index` whole: from where the catalog stored it, or from its file
    /// when it was not stored or what was stored has gone bad.
    pub fn article(&self, index: usize) -> Result<Article, Problem> {
        let entry = self.entries.get(index).ok_or_else(|| Problem {
            path: PathBuf::from(&self.origin),
            reason: Reason::NoArticle { index },
            stamp: None,
        })?;
        if let Some(stored) = &entry.stored
            && let Some(read) = stored.text()
            && read
                .blocks
                .iter()
                .all(|b| read.text.get(b.range.clone()).is_some())
        {
            return Ok(Article {
                id: entry.id.clone(),
                path: entry.path.clone(),
                title: entry.title.clone(),
                title_range: entry.title_range.clone(),
                shown_start: entry.shown_start,
                date: entry.date,
                text: read.text.into_owned(),
                blocks: read.blocks,
                words: entry.words,
                warnings: entry.warnings.clone(),
            });
        }
        parse_source(entry.id.clone(), entry.path.clone(), read_file(&entry.path))
    }

    /// Files that were found but not listed, with the reason.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// How many articles were read with a warning.
    pub fn warned(&self) -> usize {
        self.warned
    }

    /// The articles whose stored text was found damaged when used: they are read from their
    /// files instead.
    pub fn damaged(&self) -> Vec<usize> {
        (0..self.entries.len())
            .filter(|&i| self.entries[i].stored.as_ref().is_some_and(Stored::damaged))
            .collect()
    }

    /// Writes the cache in `dir` (of the folder `root` was opened as) again without the
    /// articles found damaged in it, so that the next open reads them from their files and
    /// stores them anew; says how many there were.
    pub fn drop_damaged(&self, dir: &Path, root: &Path) -> Result<usize, cache::CacheError> {
        let damaged = self.damaged();
        if damaged.is_empty() {
            return Ok(0);
        }
        let kept: Vec<Entry> = (0..self.entries.len())
            .filter(|i| damaged.binary_search(i).is_err())
            .map(|i| self.entries[i].clone())
            .collect();
        let mut trimmed = Catalog::from_parts(kept, self.problems.clone(), self.origin.clone());
        trimmed.folder = self.folder.clone();
        cache::save(dir, root, &trimmed)?;
        Ok(damaged.len())
    }

    /// How many articles are indexed: those a catalog search looks at.
    pub fn indexed(&self) -> usize {
        self.indexed
    }

    /// Its syllable index, once made.
    pub fn syllables(&self) -> Option<&std::sync::Arc<syllables::Syllables>> {
        self.syllables.get()
    }

    /// A copy of it without its syllable index, whose searches scan every article: the index's
    /// oracle in tests, and its baseline in the bench.
    pub fn without_syllables(&self) -> Catalog {
        let copy = self.clone();
        Catalog {
            syllables: std::sync::OnceLock::new(),
            ..copy
        }
    }

    /// Gives it its syllable index (made for it: see [`syllables::Syllables::of`]); one it
    /// has already is kept.
    pub fn set_syllables(&self, index: std::sync::Arc<syllables::Syllables>) {
        let _ = self.syllables.set(index);
    }

    /// What the catalog was read from, for titles and messages.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// The folder the articles were read from, when they were read from one (not the
    /// bundled articles).
    pub fn folder_path(&self) -> Option<std::path::PathBuf> {
        (!self.folder.is_empty()).then(|| std::path::PathBuf::from(&self.folder))
    }

    /// The folder the articles' ids are relative to, as bookmarks and reading positions are
    /// kept under it: its absolute path, or the origin for articles not read from a folder.
    pub fn folder(&self) -> &str {
        if self.folder.is_empty() {
            &self.origin
        } else {
            &self.folder
        }
    }
}

/// Puts entries in catalog order: newest first, then by title in Vietnamese alphabetical
/// order, then by id.
fn sort(entries: &mut [Entry]) {
    entries.sort_by_cached_key(sort_key);
}

/// What catalog order sorts by.
fn sort_key(entry: &Entry) -> (Reverse<Option<Date>>, collate::SortKey, String) {
    (
        Reverse(entry.date),
        collate::sort_key(&entry.title),
        entry.id.clone(),
    )
}
