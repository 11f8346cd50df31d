//! Finding a folder's article files: the walk (hidden files skipped, links followed, loops
//! reported), and each file's stamp, which tells whether what was read of it is still true.

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use rayon::prelude::*;

use super::{Catalog, CatalogError, Problem, Reason};
use crate::io_error::describe_io;

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

impl Catalog {
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
}

/// The article files under a folder, sorted by path, and the problems met finding them:
/// hidden files and folders skipped, links followed (a loop reported, not followed).
pub(super) fn walk_folder(path: &Path) -> (Vec<PathBuf>, Vec<Problem>) {
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
pub(super) fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

/// Whether a file name has an extension docbao reads (`.txt`, `.md`, and saved pages'
/// `.html`, `.htm`).
pub(super) fn is_article_name(path: &Path) -> bool {
    path.extension().is_some_and(|e| {
        ["txt", "md", "html", "htm"]
            .iter()
            .any(|known| e.eq_ignore_ascii_case(known))
    })
}

/// Turns an error met while walking a folder into a problem with a readable reason.
pub(super) fn walk_problem(root: &Path, err: &walkdir::Error) -> Problem {
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
