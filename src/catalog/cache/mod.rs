//! The catalog cache: what was read of each file of a folder, kept in the platform's cache
//! directory so that a large archive opens at once.
//!
//! Layout, one folder per opened folder (`<cache>/docbao/<hash of the folder's path>/`):
//! - `index.bin`: a header (magic, version, length, CRC-32 of the rest), then the folder's
//!   path, the segment files it uses (name, length, where their summaries lie), every entry
//!   (its length, then its path from the folder, stamp, metadata, and where its parts are) in
//!   catalog order, and every skipped file with its stamp and reason. It is read and checked
//!   whole at start; the lengths let the entries be read on every core.
//! - `seg-*.bin`: segments, written once and never changed by docbao: the summaries of all
//!   their articles together (trigram signature, folded title, first bytes of the folded
//!   text), then each article's folded text and marks, then its text and blocks, each with a
//!   CRC-32. Read with `pread`, never mapped (see [`super::stored`]): the summaries whole, the
//!   first time a search needs them, the rest an article at a time, checked each time it is
//!   read.
//!
//! Files are written under temporary names and renamed into place, the index last, so that
//! another docbao on the same folder reads an old index or a new one, never half of one, and
//! never an index naming a segment not yet whole. A hand-laid format rather than rkyv: the
//! index is read once into owned entries (the list needs them anyway), and the big parts are
//! plain bytes that memchr searches as they are read, so a zero-copy archive of Rust types
//! would buy nothing and add a dependency and its validation rules.

mod read;
mod write;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

pub use read::{Cached, load, load_head};
pub use write::{save, write_segment_file};
pub(crate) use write::{unique, write_atomically};

use crate::io_error::describe_io;

/// Version of the layout and of what reading makes of a file; a cache of another version is
/// rebuilt. 7: mojibake is repaired on reading. 9: segments are read, not mapped: each
/// article has a summary, and the index says where a segment's summaries lie.
pub const VERSION: u32 = 12;

/// Environment variable that overrides the cache directory.
pub const CACHE_DIR_ENV: &str = "DOCBAO_CACHE_DIR";

const INDEX_MAGIC: &[u8; 8] = b"DOCBAOIX";
const SEGMENT_MAGIC: &[u8; 8] = b"DOCBAOSG";

/// Bytes before a segment's data: magic and version.
pub const SEGMENT_HEADER: usize = 16;

/// Largest segment file written: large enough to be few, small enough to drop in pieces.
const SEGMENT_MAX: usize = 64 * 1024 * 1024;

/// Files in a cache folder that no index names are removed once older than this: younger ones
/// may be another docbao's, about to be named.
const STRAY_AGE: Duration = Duration::from_secs(600);

/// Why a cache could not be used; never an error for the user, only a reason to rebuild.
#[derive(Debug, thiserror::Error)]
pub enum CacheError {
    /// There is no cache (yet).
    #[error("no cache yet")]
    Missing,
    /// The cache is of another version, or another folder.
    #[error("the cache is of another version")]
    Stale,
    /// The cache is cut short or its bytes are not those written.
    #[error("the cache is damaged: {0}")]
    Corrupt(&'static str),
    /// Reading or writing failed.
    #[error("cannot {what} {}: {}", .path.display(), describe_io(.cause))]
    Io {
        /// What was being done.
        what: &'static str,
        /// The file.
        path: PathBuf,
        /// The cause.
        cause: io::Error,
    },
}

impl CacheError {
    /// What went wrong in a few words, without the path: for the status line.
    pub fn brief(&self) -> String {
        match self {
            CacheError::Missing => "none yet".to_owned(),
            CacheError::Stale => "of another version".to_owned(),
            CacheError::Corrupt(what) => format!("damaged: {what}"),
            CacheError::Io { what, cause, .. } => format!("cannot {what}: {}", describe_io(cause)),
        }
    }
}

fn io_error<'a>(what: &'static str, path: &'a Path) -> impl FnOnce(io::Error) -> CacheError + 'a {
    move |cause| CacheError::Io {
        what,
        path: path.to_owned(),
        cause,
    }
}

/// Where caches live: `$DOCBAO_CACHE_DIR`, else the platform's (`$XDG_CACHE_HOME/docbao`).
pub fn cache_root() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(CACHE_DIR_ENV).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "docbao").map(|dirs| dirs.cache_dir().to_owned())
}

/// The cache folder of the folder whose key (absolute path) is `folder`.
pub fn cache_dir(root: &Path, folder: &str) -> PathBuf {
    let crc = crc32fast::hash(folder.as_bytes());
    let reversed: Vec<u8> = folder.bytes().rev().collect();
    root.join(format!("{crc:08x}{:08x}", crc32fast::hash(&reversed)))
}

/// How big the cache of a folder is: files and bytes.
pub fn size(dir: &Path) -> (usize, u64) {
    let Ok(entries) = fs::read_dir(dir) else {
        return (0, 0);
    };
    entries
        .flatten()
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .fold((0, 0), |(n, bytes), m| (n + 1, bytes + m.len()))
}

/// Removes a folder's cache.
pub fn clear(dir: &Path) -> Result<(), CacheError> {
    match fs::remove_dir_all(dir) {
        Err(err) if err.kind() != io::ErrorKind::NotFound => Err(io_error("remove", dir)(err)),
        _ => Ok(()),
    }
}
