//! Opening a folder for the reader without making it wait: the first catalog comes from the
//! cache (or, with none, from the first files found, listed by their first line), and a
//! thread brings it up to date, reading only new and changed files, sending each catalog
//! made on the way.

use std::collections::HashMap;
use std::ffi::OsStr;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use super::ids::folder_key;
use super::read::read_all;
use super::scan::{is_article_name, is_hidden, walk_problem};
use super::stored::{Built, Segment, SegmentBuilder, Stored};
use super::{
    CacheUse, Catalog, CatalogError, Entry, Listed, Note, Problem, Stamp, article, article_id,
    cache, root_of, sort,
};
use crate::text;

/// Files listed before the first catalog is shown when there is no cache: a screenful.
const FIRST_FILES: usize = 64;

/// Files read and stored at a time: each batch is one segment, and one catalog sent.
const BATCH: usize = 512;

/// Bytes of a file read to find its first line when listing it before it is read whole.
const FIRST_LINE_BYTES: usize = 1024;

/// How far indexing has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    /// Files indexed (read whole and stored), or taken from the cache unchanged.
    pub indexed: usize,
    /// Files found so far.
    pub total: usize,
    /// Whether `total` is every file of the folder: the walk is over.
    pub counted: bool,
    /// Whether indexing is over: the catalog is all there is.
    pub done: bool,
}

/// What the indexing thread sends.
#[derive(Debug, Clone)]
pub enum Update {
    /// A catalog to show, and how far indexing has got.
    Catalog {
        /// The catalog as it stands.
        catalog: Arc<Catalog>,
        /// How far indexing has got.
        progress: Progress,
        /// Files read and parsed so far (the rest came from the cache).
        parsed: usize,
    },
    /// Something to tell the user about the cache.
    Note(Note),
}

/// A folder being opened: the catalog to show first, and the thread at work.
#[derive(Debug)]
pub struct Indexing {
    /// What to show while the rest is indexed.
    pub first: Arc<Catalog>,
    /// How far that first catalog is indexed.
    pub progress: Progress,
    stop: Arc<AtomicBool>,
    thread: Option<thread::JoinHandle<()>>,
}

impl Indexing {
    /// Asks the thread to stop at the next batch, and waits for it (a cache being written
    /// is finished first, so nothing is left half done).
    pub fn stop(mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            // A panic in the thread was reported when it happened.
            let _ = thread.join();
        }
    }

    /// Waits for the thread to finish its work.
    pub fn wait(mut self) {
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Opens `path` for the reader: returns at once with a first catalog, and indexes the rest on
/// a thread that calls `send` with every catalog it makes, the last one with `done` set.
pub fn open(
    path: &Path,
    cache_use: CacheUse,
    send: impl Fn(Update) + Send + 'static,
) -> Result<Indexing, CatalogError> {
    open_live(path, cache_use, None, send)
}

/// Opens `path` as [`open`] does and, with `watch`, keeps indexing it as its files change
/// until stopped: each change sends a catalog again, indexed as a start with the cache would.
pub fn open_live(
    path: &Path,
    cache_use: CacheUse,
    watch: Option<super::live::Watch>,
    send: impl Fn(Update) + Send + 'static,
) -> Result<Indexing, CatalogError> {
    let meta = std::fs::metadata(path).map_err(|cause| CatalogError::Open {
        path: path.to_owned(),
        cause,
    })?;
    let origin = path.display().to_string();
    let root = root_of(path).to_owned();
    let folder = folder_key(&root);
    let stop = Arc::new(AtomicBool::new(false));
    if meta.is_file() {
        // One file: read at once, nothing to index.
        let mut catalog = Catalog::open(path)?;
        catalog.folder = folder;
        let progress = Progress {
            indexed: catalog.entries.len(),
            total: catalog.entries.len(),
            counted: true,
            done: true,
        };
        return Ok(Indexing {
            first: Arc::new(catalog),
            progress,
            stop,
            thread: None,
        });
    }
    let dir = cache_use.dir(&folder);
    let mut note = None;
    // Only a screenful of the index is decoded before the first frame: at a quarter of a
    // million articles, decoding it all takes longer than a frame should wait.
    let cached = dir.as_ref().and_then(|dir| {
        match cache::load_head(dir, &folder, &root, origin.clone(), FIRST_FILES) {
            Ok(cached) => Some(cached),
            Err(cache::CacheError::Missing) => None,
            Err(err) => {
                note = Some(Note::CacheRebuilding { why: err.brief() });
                None
            }
        }
    });
    let mut head = false;
    let job = Job {
        path: path.to_owned(),
        root,
        folder,
        origin,
        dir,
        stop: Arc::clone(&stop),
    };
    let (first, progress, walk) = match cached {
        Some(cache::Cached { catalog, whole }) => {
            head = !whole;
            let n = catalog.entries.len();
            let progress = Progress {
                indexed: n,
                total: n,
                counted: false,
                done: false,
            };
            (Arc::new(catalog), progress, None)
        }
        None => {
            let mut walk = Walk::new(path);
            let found = walk.take(FIRST_FILES);
            let catalog = job.listed_catalog(&found, walk.problems.clone());
            let progress = Progress {
                indexed: 0,
                total: found.len(),
                counted: false,
                done: false,
            };
            (Arc::new(catalog), progress, Some((walk, found)))
        }
    };
    if let Some(note) = note {
        send(Update::Note(note));
    }
    let previous = Arc::clone(&first);
    let thread = thread::Builder::new()
        .name("docbao-index".to_owned())
        .spawn(move || {
            let live = watch.and_then(|watch| super::live::Live::start(&job.path, watch, &send));
            let latest = match head {
                true => job.run_from_head(previous, &send),
                false => job.run(previous, walk, &send),
            };
            if let Some(live) = live {
                live.follow(&job.stop, latest, |latest| job.run(latest, None, &send));
            }
        })
        .ok();
    Ok(Indexing {
        first,
        progress,
        stop,
        thread,
    })
}

/// Least time between two catalogs sent while indexing.
const SEND_EVERY: Duration = Duration::from_millis(150);

/// The walk of a folder, taken a few files at a time.
struct Walk {
    root: PathBuf,
    walker: walkdir::FilterEntry<walkdir::IntoIter, fn(&walkdir::DirEntry) -> bool>,
    problems: Vec<Problem>,
}

impl Walk {
    fn new(root: &Path) -> Walk {
        let shown: fn(&walkdir::DirEntry) -> bool = |e| e.depth() == 0 || !is_hidden(e.file_name());
        Walk {
            root: root.to_owned(),
            walker: walkdir::WalkDir::new(root)
                .follow_links(true)
                .into_iter()
                .filter_entry(shown),
            problems: Vec::new(),
        }
    }

    /// The rest of the walk: the article files left, not stamped yet, and the problems met.
    fn finish(mut self) -> (Vec<PathBuf>, Vec<Problem>) {
        let mut found = Vec::new();
        for entry in self.walker.by_ref() {
            match entry {
                Ok(entry) if entry.file_type().is_file() && is_article_name(entry.path()) => {
                    found.push(entry.into_path());
                }
                Ok(_) => {}
                Err(err) => self.problems.push(walk_problem(&self.root, &err)),
            }
        }
        (found, self.problems)
    }

    /// Up to `n` more article files, with their stamps.
    fn take(&mut self, n: usize) -> Vec<Listed> {
        let mut found = Vec::new();
        while found.len() < n {
            match self.walker.next() {
                None => break,
                Some(Ok(entry)) if entry.file_type().is_file() && is_article_name(entry.path()) => {
                    match entry.metadata() {
                        Ok(meta) => found.push(Listed {
                            stamp: Stamp::of(&meta),
                            path: entry.into_path(),
                        }),
                        Err(err) => self.problems.push(walk_problem(&self.root, &err)),
                    }
                }
                Some(Ok(_)) => {}
                Some(Err(err)) => self.problems.push(walk_problem(&self.root, &err)),
            }
        }
        found
    }
}

/// What the indexing thread works on.
struct Job {
    path: PathBuf,
    root: PathBuf,
    folder: String,
    origin: String,
    dir: Option<PathBuf>,
    stop: Arc<AtomicBool>,
}

impl Job {
    /// Reads the whole cache whose head was shown, sends it, and brings it up to date; with a
    /// cache gone bad since its head was read, indexes the folder afresh.
    fn run_from_head(&self, head: Arc<Catalog>, send: &dyn Fn(Update)) -> Arc<Catalog> {
        let whole = self
            .dir
            .as_ref()
            .map(|dir| cache::load(dir, &self.folder, &self.root, self.origin.clone()));
        match whole {
            Some(Ok(cached)) => {
                let catalog = Arc::new(cached.catalog);
                let n = catalog.entries.len();
                send(Update::Catalog {
                    catalog: Arc::clone(&catalog),
                    progress: Progress {
                        indexed: n,
                        total: n,
                        counted: false,
                        done: false,
                    },
                    parsed: 0,
                });
                self.run(catalog, None, send)
            }
            Some(Err(err)) => {
                send(Update::Note(Note::CacheRebuilding { why: err.brief() }));
                // The head stays in view until the walk has listed the folder afresh.
                let mut empty = Catalog::from_parts(Vec::new(), Vec::new(), self.origin.clone());
                empty.folder = self.folder.clone();
                self.run(Arc::new(empty), None, send)
            }
            None => self.run(head, None, send),
        }
    }

    /// Brings the catalog up to date with the folder, sending each catalog made; returns the
    /// last.
    fn run(
        &self,
        previous: Arc<Catalog>,
        walk: Option<(Walk, Vec<Listed>)>,
        send: &dyn Fn(Update),
    ) -> Arc<Catalog> {
        // The whole folder, listed: by the walk begun before the first frame, the list growing
        // as it goes, or afresh.
        // With no cache, the files are listed by their first line: those of the first frame
        // already, the rest now, all at once on every core, the list sent whole.
        let mut listed: Vec<Entry> = Vec::new();
        let (files, walk_problems) = match walk {
            Some((walk, mut found)) => {
                listed = previous.entries.clone();
                let (rest, problems) = walk.finish();
                let stamped: Vec<Result<(Listed, Entry), Problem>> = rest
                    .into_par_iter()
                    .map(|path| {
                        let file = stamp(path)?;
                        let entry = first_line_entry(&self.root, &file);
                        Ok((file, entry))
                    })
                    .collect();
                let mut problems = problems;
                for result in stamped {
                    match result {
                        Ok((file, entry)) => {
                            found.push(file);
                            listed.push(entry);
                        }
                        Err(problem) => problems.push(problem),
                    }
                }
                sort(&mut listed);
                let mut catalog =
                    Catalog::from_parts(listed.clone(), problems.clone(), self.origin.clone());
                catalog.folder = self.folder.clone();
                send(Update::Catalog {
                    catalog: Arc::new(catalog),
                    progress: Progress {
                        indexed: 0,
                        total: found.len(),
                        counted: true,
                        done: false,
                    },
                    parsed: 0,
                });
                (found, problems)
            }
            None => match Catalog::list_files(&self.path) {
                Ok(listed) => listed,
                Err(err) => {
                    send(Update::Note(err.note()));
                    return previous;
                }
            },
        };
        // What the files say about the catalog shown: kept, changed, gone, new.
        let by_path: HashMap<&OsStr, &Entry> = previous
            .entries
            .iter()
            .filter(|e| e.stored.is_some())
            .map(|e| (e.path.as_os_str(), e))
            .collect();
        let skipped: HashMap<&OsStr, &Problem> = previous
            .problems
            .iter()
            .filter(|p| p.stamp.is_some())
            .map(|p| (p.path.as_os_str(), p))
            .collect();
        let mut kept: Vec<&Entry> = Vec::new();
        let mut problems = walk_problems;
        let mut to_read = Vec::new();
        for file in &files {
            let key = file.path.as_os_str();
            match (by_path.get(key), skipped.get(key)) {
                (Some(entry), _) if entry.stamp == file.stamp => kept.push(entry),
                (_, Some(problem)) if problem.stamp == Some(file.stamp) => {
                    problems.push((*problem).clone())
                }
                _ => to_read.push(file.clone()),
            }
        }
        let total = files.len();
        if to_read.is_empty()
            && kept.len() == previous.entries.len()
            && problems == previous.problems
        {
            // Nothing changed: the catalog shown is the folder's, and is not copied (a copy of
            // a quarter of a million entries is memory the allocator keeps).
            let done = Progress {
                indexed: total,
                total,
                counted: true,
                done: true,
            };
            send(Update::Catalog {
                catalog: Arc::clone(&previous),
                progress: done,
                parsed: 0,
            });
            self.check_stored(&previous, self.dir.is_some(), send);
            return previous;
        }
        let kept: Vec<Entry> = kept.into_iter().cloned().collect();
        let unchanged = kept.len() + problems.len();
        let changed =
            !to_read.is_empty() || unchanged != previous.entries.len() + previous.problems.len();
        let mut indexed = kept.len() + problems.len();
        let mut parsed = 0;
        // The list shown, in catalog order: what was kept, and what is not read yet listed by
        // its first line meanwhile. Each article read takes its place; the list is sorted
        // again only when reading moved one (its title or date was not what its first line
        // said).
        let mut shown: Vec<Entry> = kept;
        if listed.is_empty() {
            shown.extend(self.listed_entries(&to_read, &previous));
            sort(&mut shown);
        } else {
            // Listed and sorted already; nothing was kept, there being no cache.
            shown.append(&mut listed);
        }
        let mut places = places_of(&shown);
        let catalog_of = |shown: Vec<Entry>, problems: &[Problem]| {
            let mut catalog = Catalog::from_parts(shown, problems.to_vec(), self.origin.clone());
            catalog.folder = self.folder.clone();
            Arc::new(catalog)
        };
        let send_catalog = |catalog: &Arc<Catalog>, progress, parsed| {
            send(Update::Catalog {
                catalog: Arc::clone(catalog),
                progress,
                parsed,
            });
        };
        if changed {
            let p = Progress {
                indexed,
                total,
                counted: true,
                done: false,
            };
            send_catalog(&catalog_of(shown.clone(), &problems), p, parsed);
        }
        let mut cache_ok = self.dir.is_some();
        let mut last_sent = Instant::now();
        let mut send_cost = Duration::ZERO;
        let batches: Vec<&[Listed]> = to_read.chunks(BATCH).collect();
        // A batch is read and folded while the one before it is written to the cache.
        let prepare = |batch: &[Listed]| {
            let mut articles = Vec::new();
            let mut unreadable = Vec::new();
            for read in read_all(&self.root, batch) {
                match read {
                    Ok(article) => articles.push(article),
                    Err(problem) => unreadable.push(problem),
                }
            }
            let built = store_batch(&articles);
            (articles, unreadable, built)
        };
        let mut next = batches.first().map(|batch| prepare(batch));
        for (n, batch) in batches.iter().enumerate() {
            if self.stop.load(Ordering::Relaxed) {
                // What is indexed so far is kept: the next start reads only the rest.
                if cache_ok && let Some(dir) = &self.dir {
                    let indexed: Vec<Entry> = shown
                        .iter()
                        .filter(|e| e.stored.is_some())
                        .cloned()
                        .collect();
                    let _ = cache::save(dir, &self.root, &catalog_of(indexed, &problems));
                }
                return previous;
            }
            let Some((articles, unreadable, built)) = next.take() else {
                break;
            };
            problems.extend(unreadable);
            parsed += batch.len();
            indexed += batch.len();
            let Built {
                mut bytes,
                summaries,
                parts,
            } = built;
            let write = || match (&self.dir, cache_ok) {
                (Some(dir), true) => {
                    cache::write_segment_file(dir, &mut bytes, summaries.clone()).map_err(Some)
                }
                _ => Err(None),
            };
            let (written, prepared) = rayon::join(write, || batches.get(n + 1).map(|b| prepare(b)));
            next = prepared;
            let segment = match written {
                Ok(segment) => segment,
                Err(error) => {
                    if let Some(err) = error {
                        cache_ok = false;
                        send(Update::Note(Note::CacheNotWritten { why: err.brief() }));
                    }
                    Arc::new(Segment::memory(bytes, summaries))
                }
            };
            let mut moved = false;
            for ((article, stamp), parts) in articles.iter().zip(parts) {
                let stored = Stored::new(Arc::clone(&segment), parts);
                let entry = Entry::new(article, *stamp, Some(stored));
                match places.get(entry.path.as_os_str()) {
                    Some(&at) => {
                        let listed = &shown[at];
                        moved |= listed.date != entry.date || listed.title != entry.title;
                        shown[at] = entry;
                    }
                    None => {
                        shown.push(entry);
                        moved = true;
                    }
                }
            }
            // A file that could not be read after all is no longer listed.
            let skipped: std::collections::HashSet<&OsStr> =
                problems.iter().map(|p| p.path.as_os_str()).collect();
            let before = shown.len();
            shown.retain(|e| e.stored.is_some() || !skipped.contains(e.path.as_os_str()));
            if moved || shown.len() != before {
                sort(&mut shown);
                places = places_of(&shown);
            }
            // Catalogs are sent a few times a second at most, and less often as the list
            // grows: each is a copy of it, and copying is kept to a tenth of the work.
            let last = n + 1 == batches.len();
            if !last && last_sent.elapsed() > SEND_EVERY.max(send_cost * 10) {
                let p = Progress {
                    indexed,
                    total,
                    counted: true,
                    done: false,
                };
                let started = Instant::now();
                send_catalog(&catalog_of(shown.clone(), &problems), p, parsed);
                send_cost = started.elapsed();
                last_sent = Instant::now();
            }
        }
        let p = Progress {
            indexed: total,
            total,
            counted: true,
            done: true,
        };
        let catalog = catalog_of(shown, &problems);
        send_catalog(&catalog, p, parsed);
        if changed
            && cache_ok
            && let Some(dir) = &self.dir
            && let Err(err) = cache::save(dir, &self.root, &catalog)
        {
            send(Update::Note(Note::CacheNotWritten { why: err.brief() }));
        }
        self.check_stored(&catalog, cache_ok, send);
        catalog
    }

    /// What the first search and a first opening would do, done now: each article's summary,
    /// folded text and text checked against their checksums (which also brings the summaries
    /// into memory). Damaged articles are read from their files meanwhile, and dropped from
    /// the cache (when it can be written) so that the next start indexes them again.
    fn check_stored(&self, catalog: &Catalog, cache_ok: bool, send: &dyn Fn(Update)) {
        catalog.entries().par_iter().for_each(|entry| {
            if !self.stop.load(Ordering::Relaxed)
                && let Some(stored) = entry.stored()
            {
                stored.check_parts();
            }
        });
        let damaged = catalog.damaged();
        if damaged.is_empty() || self.stop.load(Ordering::Relaxed) {
            return;
        }
        // Short, to fit a status line beside the position: what happened, then what next.
        let count = damaged.len();
        let note = match (cache_ok, &self.dir) {
            (true, Some(dir)) => match catalog.drop_damaged(dir, &self.root) {
                Ok(_) => Note::CacheDamagedStoredAnew { count },
                Err(err) => Note::CacheDamagedNotWritten {
                    count,
                    why: err.brief(),
                },
            },
            _ => Note::CacheDamaged { count },
        };
        send(Update::Note(note));
    }

    /// A catalog of files listed by their first line, before they are read whole.
    fn listed_catalog(&self, files: &[Listed], problems: Vec<Problem>) -> Catalog {
        let mut entries = self.listed_entries(files, &Catalog::default());
        sort(&mut entries);
        let mut catalog = Catalog::from_parts(entries, problems, self.origin.clone());
        catalog.folder = self.folder.clone();
        catalog
    }

    /// Entries for files not read yet: what the catalog shown knows of them (an older read of
    /// a changed file), else their first line.
    fn listed_entries(&self, files: &[Listed], shown: &Catalog) -> Vec<Entry> {
        let known: HashMap<&OsStr, &Entry> = shown
            .entries
            .iter()
            .map(|e| (e.path.as_os_str(), e))
            .collect();
        files
            .par_iter()
            .map(|file| match known.get(file.path.as_os_str()) {
                Some(entry) => Entry {
                    stored: None,
                    ..(*entry).clone()
                },
                None => first_line_entry(&self.root, file),
            })
            .collect()
    }
}

/// A file found by the walk, with its stamp.
fn stamp(path: PathBuf) -> Result<Listed, Problem> {
    match std::fs::metadata(&path) {
        Ok(meta) => Ok(Listed {
            stamp: Stamp::of(&meta),
            path,
        }),
        Err(err) => Err(Problem::unreadable(path, &err)),
    }
}

/// Where each entry of a list is, by its file.
fn places_of(entries: &[Entry]) -> HashMap<std::ffi::OsString, usize> {
    entries
        .iter()
        .enumerate()
        .map(|(at, e)| (e.path.as_os_str().to_owned(), at))
        .collect()
}

/// An entry for a file not read yet, from its first line: its title and date.
fn first_line_entry(root: &Path, file: &Listed) -> Entry {
    let mut head = Vec::with_capacity(FIRST_LINE_BYTES);
    if let Ok(opened) = std::fs::File::open(&file.path) {
        let _ = opened.take(FIRST_LINE_BYTES as u64).read_to_end(&mut head);
    }
    let decoded = String::from_utf8_lossy(&head);
    let line = decoded
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or_default();
    let line = text::sanitize(line);
    let markdown = file
        .path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md"));
    let (title, date) = article::headline(&line, markdown);
    let id = article_id(root, &file.path);
    Entry {
        title: if title.is_empty() { id.clone() } else { title },
        id,
        path: file.path.clone(),
        title_range: None,
        shown_start: 0,
        date,
        words: 0,
        warnings: Vec::new(),
        stamp: file.stamp,
        stored: None,
    }
}

/// Stores articles' text, blocks, folded text and marks in one segment's bytes (header space
/// first), folding on every core.
pub fn store_batch(articles: &[(super::Article, Stamp)]) -> Built {
    let built = articles
        .par_chunks(ARTICLES_PER_BUILDER)
        .map(|chunk| {
            let mut builder = SegmentBuilder::default();
            for (article, _) in chunk {
                builder.add(article);
            }
            builder
        })
        .collect::<Vec<_>>();
    let mut segment = SegmentBuilder::starting_at(cache::SEGMENT_HEADER);
    for builder in built {
        segment.append(builder);
    }
    segment.finish()
}

/// Articles folded together by one core when a batch is stored.
const ARTICLES_PER_BUILDER: usize = 16;
