//! Opening a folder for the reader without making it wait: the first catalog comes from the
//! cache (or, with none, from the first files found, listed by their first line), and a
//! thread brings it up to date, reading only new and changed files, sending each catalog
//! made on the way.

mod listing;
mod update;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;

pub use update::store_batch;

use super::ids::folder_key;
use super::{CacheUse, Catalog, CatalogError, Note, cache, root_of};
use listing::Walk;

/// Files listed before the first catalog is shown when there is no cache: a screenful.
const FIRST_FILES: usize = 64;

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

/// What the indexing thread works on.
struct Job {
    path: PathBuf,
    root: PathBuf,
    folder: String,
    origin: String,
    dir: Option<PathBuf>,
    stop: Arc<AtomicBool>,
}
