//! The catalog: every article under a folder (or one file), parsed and sorted; immutable once built.

mod article;
pub mod cache;
pub mod indexer;
pub mod live;
pub mod notice;
pub mod sections;
mod stored;

use std::cmp::Reverse;
use std::io;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::UNIX_EPOCH;

pub use article::{Article, Block, BlockKind, Date};
pub use notice::{Note, Reason, Warning};
pub use stored::{Built, CHUNK, HEAD, Parts, Segment, SegmentBuilder, Span, Stored, Summary, Text};

use rayon::prelude::*;

use crate::io_error::describe_io;
use crate::text::collate;

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

/// Files larger than this are not read: no news article is this long.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

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

/// What the catalog knows of a file without reading it again: its size, when it was last
/// changed and which file it is, to tell whether what was read of it is still true.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Stamp {
    /// Length in bytes.
    pub size: u64,
    /// Last modification, in nanoseconds since 1970 (before it, negative).
    pub modified: i128,
    /// The inode (0 where there is none).
    pub inode: u64,
    /// Last change of the file or its metadata (ctime), in nanoseconds since 1970 (0 where
    /// there is none): a file rewritten in place with its old modification time put back
    /// still shows here.
    pub changed: i128,
}

impl Stamp {
    /// The stamp of a file from its metadata.
    pub fn of(meta: &std::fs::Metadata) -> Stamp {
        let modified = meta
            .modified()
            .map_or(0, |t| match t.duration_since(UNIX_EPOCH) {
                Ok(after) => after.as_nanos() as i128,
                Err(before) => -(before.duration().as_nanos() as i128),
            });
        #[cfg(unix)]
        let inode = std::os::unix::fs::MetadataExt::ino(meta);
        #[cfg(not(unix))]
        let inode = 0;
        #[cfg(unix)]
        let changed = {
            use std::os::unix::fs::MetadataExt;
            i128::from(meta.ctime()) * 1_000_000_000 + i128::from(meta.ctime_nsec())
        };
        #[cfg(not(unix))]
        let changed = 0;
        Stamp {
            size: meta.len(),
            modified,
            inode,
            changed,
        }
    }
}

/// A file found in the folder, not read yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    /// Where it is.
    pub path: PathBuf,
    /// Its stamp when it was found.
    pub stamp: Stamp,
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

/// A catalog of the files that passed a sieve, and how much was sifted.
#[derive(Debug)]
pub struct Sifted {
    /// The files kept, read and parsed.
    pub catalog: Catalog,
    /// Files looked at.
    pub files: usize,
    /// Their size in bytes.
    pub bytes: u64,
    /// How many files were read and parsed (the others came from the cache, or were left
    /// unread by the sieve).
    pub parsed: usize,
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
    /// Reads every `*.txt` and `*.md` file under `path` (or the one file `path` names).
    ///
    /// Hidden files and folders are skipped; symbolic links are followed, and a link that loops
    /// back is reported as a problem rather than followed forever. A file that cannot be read
    /// or parsed becomes a [`Problem`]; only a `path` that cannot be opened is an error.
    pub fn open(path: &Path) -> Result<Catalog, CatalogError> {
        let (files, problems) = Catalog::list_files(path)?;
        let root = root_of(path);
        let mut catalog = Catalog::read_files(root, files, problems, path.display().to_string());
        catalog.folder = folder_key(root);
        Ok(catalog)
    }

    /// Opens `path` as [`Catalog::open`] does, but lists only the files whose bytes `keep`
    /// accepts, reading and parsing no other; says how many files and bytes were looked at.
    pub fn open_sifted(
        path: &Path,
        keep: &(dyn Fn(&[u8]) -> bool + Sync),
    ) -> Result<Sifted, CatalogError> {
        let meta = std::fs::metadata(path).map_err(|cause| CatalogError::Open {
            path: path.to_owned(),
            cause,
        })?;
        // Each file is measured by the file opened to read it: no stat of every file first.
        let (files, problems) = match meta.is_file() {
            true => (vec![path.to_owned()], Vec::new()),
            false => walk_folder(path),
        };
        let root = root_of(path);
        let read: Vec<(u64, Option<Parsed>)> = files
            .par_iter()
            .map(|path| {
                let (bytes, stamp) = match read_stamped(path) {
                    Ok((bytes, stamp)) => (Ok(bytes), stamp),
                    Err(err) => (Err(err), Stamp::default()),
                };
                if bytes.as_ref().is_ok_and(|bytes| !keep(bytes)) {
                    return (stamp.size, None);
                }
                let id = article_id(root, path);
                let parsed = parse_source(id, path.clone(), bytes).map(|a| (a, stamp));
                (stamp.size, Some(parsed))
            })
            .collect();
        let bytes = read.iter().map(|(size, _)| size).sum();
        let parsed: Vec<Parsed> = read.into_iter().filter_map(|(_, parsed)| parsed).collect();
        let mut catalog = Catalog::assemble(parsed, path.display().to_string());
        let parsed = catalog.entries.len() + catalog.problems.len();
        catalog.problems.splice(0..0, problems);
        catalog.folder = folder_key(root);
        Ok(Sifted {
            parsed,
            catalog,
            files: files.len(),
            bytes,
        })
    }

    /// The article files under `path` (or `path` itself when it is a file), in name order, and
    /// the problems met finding them; the first half of [`Catalog::open`].
    pub fn list_files(path: &Path) -> Result<(Vec<Listed>, Vec<Problem>), CatalogError> {
        let meta = std::fs::metadata(path).map_err(|cause| CatalogError::Open {
            path: path.to_owned(),
            cause,
        })?;
        if meta.is_file() {
            let stamp = Stamp::of(&meta);
            let path = path.to_owned();
            return Ok((vec![Listed { path, stamp }], Vec::new()));
        }
        let (found, mut problems) = walk_folder(path);
        // A stat a file, on every core: on a large archive this is most of the walk.
        let stamped: Vec<Result<Listed, Problem>> = found
            .into_par_iter()
            .map(|path| match std::fs::metadata(&path) {
                Ok(meta) => Ok(Listed {
                    stamp: Stamp::of(&meta),
                    path,
                }),
                Err(err) => Err(Problem::unreadable(path, &err)),
            })
            .collect();
        let mut files = Vec::with_capacity(stamped.len());
        for file in stamped {
            match file {
                Ok(file) => files.push(file),
                Err(problem) => problems.push(problem),
            }
        }
        problems.sort_by(|a, b| a.path.as_os_str().cmp(b.path.as_os_str()));
        Ok((files, problems))
    }

    /// Reads and parses listed files, naming each by its path from `root` (see [`article_id`]);
    /// one that has gone or cannot be read becomes a problem.
    ///
    /// Files are read and parsed on every core: each file is independent of the others.
    pub fn read_files(
        root: &Path,
        files: Vec<Listed>,
        problems: Vec<Problem>,
        origin: String,
    ) -> Catalog {
        let parsed = read_all(root, &files);
        let mut catalog = Catalog::assemble(parsed, origin);
        catalog.problems.splice(0..0, problems);
        catalog
    }

    /// Opens `path` as [`Catalog::open`] does, through its cache: files unchanged since the
    /// cache was written (same size, modification time and inode) are taken from it, the
    /// others read and parsed, and the cache written again when anything changed. A cache
    /// that cannot be read or written is rebuilt or bypassed, with a note; never an error.
    pub fn open_cached(path: &Path, cache_use: CacheUse) -> Result<Opened, CatalogError> {
        let (files, walk_problems) = Catalog::list_files(path)?;
        let root = root_of(path);
        let folder = folder_key(root);
        let origin = path.display().to_string();
        // One file is quick to read, and its folder's cache is the folder's, not its own.
        let dir = match path.is_file() {
            true => None,
            false => cache_use.dir(&folder),
        };
        let mut note = None;
        let previous =
            dir.as_ref().and_then(
                |dir| match cache::load(dir, &folder, root, origin.clone()) {
                    Ok(cached) => Some(cached.catalog),
                    Err(cache::CacheError::Missing) => None,
                    Err(err) => {
                        note = Some(Note::CacheRebuilt {
                            why: err.to_string(),
                        });
                        None
                    }
                },
            );
        let refreshed = refresh(previous, root, files, walk_problems, origin);
        let mut catalog = refreshed.catalog;
        catalog.folder = folder;
        if let Some(dir) = dir
            && refreshed.changed
            && let Err(err) = cache::save(&dir, root, &catalog)
        {
            note = Some(Note::CacheNotWritten {
                why: err.to_string(),
            });
        }
        Ok(Opened {
            catalog,
            note,
            parsed: refreshed.parsed,
        })
    }

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

    /// What the catalog was read from, for titles and messages.
    pub fn origin(&self) -> &str {
        &self.origin
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

    /// Finds an article by id, by path, or by the end of its path (`bai`, `a/bai.txt`); see
    /// [`Catalog::lookup`] to tell a key that names no article from one that names several.
    pub fn find(&self, key: &str) -> Option<(usize, &Entry)> {
        match self.lookup(key) {
            Lookup::Found(index) => Some((index, &self.entries[index])),
            Lookup::Ambiguous(_) | Lookup::Missing => None,
        }
    }

    /// Index of the article whose id is exactly `id`.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.lookup_id(id)
    }

    /// The article with id `id`, by the map of ids made at the first lookup.
    fn lookup_id(&self, id: &str) -> Option<usize> {
        let ids = self.ids.get_or_init(|| {
            self.entries
                .iter()
                .enumerate()
                .map(|(i, e)| (e.id.clone(), i))
                .collect()
        });
        ids.get(id).copied()
    }

    /// What a key names: an article's id (`2025/10/26/index`) or path first; else the articles
    /// whose path ends with it, with or without the extension.
    pub fn lookup(&self, key: &str) -> Lookup {
        if let Some(index) = self.lookup_id(key) {
            return Lookup::Found(index);
        }
        let key_path = Path::new(key);
        let exact = self.entries.iter().position(|a| a.path == key_path);
        if let Some(index) = exact {
            return Lookup::Found(index);
        }
        let ends_with =
            |a: &Entry| a.path.ends_with(key_path) || a.path.with_extension("").ends_with(key_path);
        let found: Vec<usize> = (0..self.entries.len())
            .filter(|&i| ends_with(&self.entries[i]))
            .collect();
        match found.as_slice() {
            [] => Lookup::Missing,
            [one] => Lookup::Found(*one),
            _ => Lookup::Ambiguous(found.iter().map(|&i| self.entries[i].id.clone()).collect()),
        }
    }
}

/// What a key given by the user names in a catalog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    /// One article, at this index.
    Found(usize),
    /// Several articles, by id: the key is not enough to choose.
    Ambiguous(Vec<String>),
    /// No article.
    Missing,
}

/// Whether to use the catalog cache, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CacheUse {
    /// The platform's cache directory (or `$DOCBAO_CACHE_DIR`): read it, and write it when
    /// anything changed.
    Platform,
    /// The caches under this directory.
    At(PathBuf),
    /// Neither read nor write it (`--no-cache`).
    Bypass,
}

impl CacheUse {
    /// The cache folder of the folder whose key is `folder`, if a cache is used.
    pub fn dir(&self, folder: &str) -> Option<PathBuf> {
        match self {
            CacheUse::Platform => cache::cache_root().map(|r| cache::cache_dir(&r, folder)),
            CacheUse::At(root) => Some(cache::cache_dir(root, folder)),
            CacheUse::Bypass => None,
        }
    }
}

/// A catalog opened through its cache.
#[derive(Debug)]
pub struct Opened {
    /// The catalog.
    pub catalog: Catalog,
    /// What to tell the user about the cache, if anything (it was rebuilt, or not written).
    pub note: Option<Note>,
    /// How many files were read and parsed (the others came from the cache).
    pub parsed: usize,
}

/// A catalog brought up to date with the files, and what that took.
struct Refreshed {
    catalog: Catalog,
    /// Files read and parsed.
    parsed: usize,
    /// Whether anything differs from the catalog it was made from.
    changed: bool,
}

/// The catalog of the files listed, taking from `previous` every entry (or skipped file) whose
/// file has the same stamp, and reading the rest. What is taken keeps its order; what is read
/// is put in its place, so that a catalog with nothing new is not sorted again.
///
/// What was stored is not checked here: each article's checksums are checked when its text or
/// folded text is read, and one that has gone bad is read again from its file then.
fn refresh(
    previous: Option<Catalog>,
    root: &Path,
    files: Vec<Listed>,
    walk_problems: Vec<Problem>,
    origin: String,
) -> Refreshed {
    use std::collections::HashMap;
    // Keyed by the path's bytes: hashing a `Path` walks its components.
    let listed: HashMap<&std::ffi::OsStr, Stamp> = files
        .iter()
        .map(|f| (f.path.as_os_str(), f.stamp))
        .collect();
    let (old_entries, old_problems) =
        previous.map_or((Vec::new(), Vec::new()), |c| (c.entries, c.problems));
    let before = old_entries.len() + old_problems.len();
    let still = |path: &Path, stamp: Option<Stamp>| {
        stamp.is_some() && listed.get(path.as_os_str()).copied() == stamp
    };
    let mut entries: Vec<Entry> = old_entries
        .into_iter()
        .filter(|e| e.stored.is_some() && still(&e.path, Some(e.stamp)))
        .collect();
    let mut problems = walk_problems;
    problems.extend(old_problems.into_iter().filter(|p| still(&p.path, p.stamp)));
    let known: std::collections::HashSet<&std::ffi::OsStr> = entries
        .iter()
        .map(|e| e.path.as_os_str())
        .chain(problems.iter().map(|p| p.path.as_os_str()))
        .collect();
    let to_read: Vec<Listed> = files
        .iter()
        .filter(|f| !known.contains(f.path.as_os_str()))
        .cloned()
        .collect();
    let unchanged = entries.len() + problems.len();
    let parsed = to_read.len();
    let mut articles = Vec::new();
    for read in read_all(root, &to_read) {
        match read {
            Ok(article) => articles.push(article),
            Err(problem) => problems.push(problem),
        }
    }
    let mut fresh = store_all(&articles);
    if entries.is_empty() {
        entries = fresh;
        sort(&mut entries);
    } else if !fresh.is_empty() {
        sort(&mut fresh);
        for entry in fresh {
            let key = sort_key(&entry);
            let at = entries.partition_point(|e| sort_key(e) < key);
            entries.insert(at, entry);
        }
    }
    Refreshed {
        catalog: Catalog::from_parts(entries, problems, origin),
        parsed,
        changed: parsed > 0 || unchanged != before,
    }
}

/// Reads and parses files on every core, each an article or a problem with its stamp.
fn read_all(root: &Path, files: &[Listed]) -> Vec<Result<(Article, Stamp), Problem>> {
    files
        .par_iter()
        .map(|file| {
            let id = article_id(root, &file.path);
            match parse_source(id, file.path.clone(), read_file(&file.path)) {
                Ok(article) => Ok((article, file.stamp)),
                Err(mut problem) => {
                    // An unreadable file is tried again next time; a skipped one, once changed.
                    if !problem.reason.retried() {
                        problem.stamp = Some(file.stamp);
                    }
                    Err(problem)
                }
            }
        })
        .collect()
}

/// Articles per segment when a catalog is stored in memory: enough to make few segments,
/// few enough that every core gets some to fold.
const ARTICLES_PER_SEGMENT: usize = 64;

/// Stores articles' text and folded text in segments, on every core, and lists them.
fn store_all(articles: &[(Article, Stamp)]) -> Vec<Entry> {
    articles
        .par_chunks(ARTICLES_PER_SEGMENT)
        .flat_map_iter(|chunk| {
            let mut builder = SegmentBuilder::starting_at(cache::SEGMENT_HEADER);
            for (article, _) in chunk {
                builder.add(article);
            }
            let (segment, parts) = builder.finish().in_memory();
            chunk
                .iter()
                .zip(parts)
                .map(|((article, stamp), parts)| {
                    let stored = Stored::new(Arc::clone(&segment), parts);
                    Entry::new(article, *stamp, Some(stored))
                })
                .collect::<Vec<_>>()
        })
        .collect()
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

/// The folder ids are taken from: the folder itself, or a file's folder.
pub fn root_of(path: &Path) -> &Path {
    if path.is_file() {
        path.parent().unwrap_or(Path::new(""))
    } else {
        path
    }
}

/// The folder's absolute path with links resolved, so that `news`, `./news` and
/// `/home/me/news` keep the same bookmarks; the path as given when it cannot be resolved.
fn folder_key(root: &Path) -> String {
    let root = if root.as_os_str().is_empty() {
        Path::new(".")
    } else {
        root
    };
    root.canonicalize()
        .unwrap_or_else(|_| root.to_owned())
        .display()
        .to_string()
}

/// An article's id: its path from the folder opened, without the extension, with `/` between
/// folders (`2025/10/26/index`), so that files of the same name in two folders stay apart.
pub fn article_id(root: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path);
    let mut parts: Vec<String> = relative
        .parent()
        .into_iter()
        .flat_map(Path::components)
        .filter_map(|c| match c {
            std::path::Component::Normal(part) => Some(part.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    parts.push(
        relative
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
    );
    parts.join("/")
}

/// Parses one file's bytes (or reports why it could not be read) into an article or a problem.
fn parse_source(id: String, path: PathBuf, bytes: io::Result<Vec<u8>>) -> Result<Article, Problem> {
    let bytes = bytes.map_err(|err| Problem::unreadable(path.clone(), &err))?;
    Article::parse(id, path.clone(), &bytes).map_err(|skip| Problem {
        stamp: None,
        path,
        reason: skip,
    })
}

/// Reads a file unless it is too large to be an article.
fn read_file(path: &Path) -> io::Result<Vec<u8>> {
    read_stamped(path).map(|(bytes, _)| bytes)
}

/// Reads a file whole, with its stamp: opened once, measured by the open file (no second
/// lookup of its path), and refused past [`MAX_FILE_BYTES`].
fn read_stamped(path: &Path) -> io::Result<(Vec<u8>, Stamp)> {
    use std::io::Read;
    let mut file = std::fs::File::open(path)?;
    let meta = file.metadata()?;
    let len = meta.len();
    if len > MAX_FILE_BYTES {
        return Err(io::Error::other(format!(
            "{} MB is larger than the {} MB limit",
            len / 1_000_000,
            MAX_FILE_BYTES / 1_000_000
        )));
    }
    let mut bytes = Vec::with_capacity(len as usize + 1);
    file.read_to_end(&mut bytes)?;
    Ok((bytes, Stamp::of(&meta)))
}

/// Gives the articles whose ids would be the same (`x.txt` and `x.md` in one folder) their
/// extension in their id (`x.txt`, `x.md`), so that every article has an id of its own.
fn keep_ids_apart(entries: &mut [Entry]) {
    // Files of one kind cannot clash (their paths differ): the common case, told apart
    // without hashing every id.
    let kind = entries.first().and_then(|e| e.path.extension());
    if entries.iter().all(|e| e.path.extension() == kind) {
        return;
    }
    let mut clashes = Vec::new();
    {
        let mut first: std::collections::HashMap<&str, usize> =
            std::collections::HashMap::with_capacity(entries.len());
        for (i, entry) in entries.iter().enumerate() {
            match first.entry(entry.id.as_str()) {
                std::collections::hash_map::Entry::Occupied(seen) => {
                    clashes.push(*seen.get());
                    clashes.push(i);
                }
                std::collections::hash_map::Entry::Vacant(slot) => {
                    slot.insert(i);
                }
            }
        }
    }
    clashes.sort_unstable();
    clashes.dedup();
    for i in clashes {
        let entry = &mut entries[i];
        if let Some(extension) = entry.path.extension().and_then(|e| e.to_str())
            && !entry.id.ends_with(&format!(".{extension}"))
        {
            entry.id = format!("{}.{extension}", entry.id);
        }
    }
}

/// A file read and parsed: the article and the file's stamp, or why it is skipped.
type Parsed = Result<(Article, Stamp), Problem>;

/// The article files under a folder, sorted by path, and the problems met finding them:
/// hidden files and folders skipped, links followed (a loop reported, not followed).
fn walk_folder(path: &Path) -> (Vec<PathBuf>, Vec<Problem>) {
    let mut found = Vec::new();
    let mut problems = Vec::new();
    let walker = walkdir::WalkDir::new(path)
        .follow_links(true)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
    for entry in walker {
        match entry {
            Ok(entry) if entry.file_type().is_file() && is_article_name(entry.path()) => {
                found.push(entry.into_path());
            }
            Ok(_) => {}
            Err(err) => problems.push(walk_problem(path, &err)),
        }
    }
    // Sorted once by the bytes of the path, not in each folder by name: cheaper, and the
    // same order every time.
    found.sort_unstable_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
    (found, problems)
}

/// Whether a file or folder name starts with a dot.
fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

/// Whether a file name has an extension docbao reads (`.txt`, `.md`).
fn is_article_name(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("md"))
}

/// Turns an error met while walking a folder into a problem with a readable reason.
fn walk_problem(root: &Path, err: &walkdir::Error) -> Problem {
    let path = err.path().unwrap_or(root).to_owned();
    let reason = if err.loop_ancestor().is_some() {
        Reason::LinkLoop
    } else if let Some(io) = err.io_error() {
        Reason::unreadable(describe_io(io))
    } else {
        Reason::Walk {
            error: err.to_string().into(),
        }
    };
    Problem {
        path,
        reason,
        stamp: None,
    }
}
