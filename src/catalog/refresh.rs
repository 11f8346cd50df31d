//! Opening a folder through its cache: what is unchanged taken from it, the rest read, and the
//! cache written again when anything changed.

use std::path::{Path, PathBuf};

use super::ids::{folder_key, root_of};
use super::read::{read_all, store_all};
use super::{Catalog, CatalogError, Entry, Listed, Note, Problem, Stamp, cache, sort, sort_key};

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

impl Catalog {
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
