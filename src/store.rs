//! How docbao keeps files: where, locked against a second window, written atomically, and a
//! file that cannot be read set aside rather than overwritten.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::SystemTime;

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::io_error::describe_io;

/// Environment variable that overrides the data directory.
pub const DATA_DIR_ENV: &str = "DOCBAO_DATA_DIR";

/// Why a data file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Reading, writing, locking or renaming failed.
    #[error("cannot {what} {}: {}", .path.display(), describe_io(.cause))]
    Io {
        /// What was being done.
        what: Doing,
        /// The file concerned.
        path: PathBuf,
        /// The cause.
        cause: io::Error,
    },
    /// There is no home directory to keep data in, and no override was given.
    #[error("no data directory: set {DATA_DIR_ENV} or pass --data-dir")]
    NoDataDir,
}

impl StoreError {
    fn io<'a>(what: Doing, path: &'a Path) -> impl FnOnce(io::Error) -> StoreError + 'a {
        move |cause| StoreError::Io {
            what,
            path: path.to_owned(),
            cause,
        }
    }
}

/// What was being done to a data file when it failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter, strum::IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum Doing {
    /// Making its folder.
    Create,
    /// Opening it.
    Open,
    /// Taking its lock.
    Lock,
    /// Reading it.
    Read,
    /// Moving an unreadable one out of the way.
    SetAside,
    /// Turning what it keeps into JSON.
    Encode,
    /// Writing it.
    Write,
    /// Putting the new file in the old one's place.
    Replace,
}

impl std::fmt::Display for Doing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let code: &'static str = self.into();
        f.write_str(&code.replace('-', " "))
    }
}

/// Which data file an unreadable one was, that was moved aside.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter)]
pub enum Kept {
    /// The bookmarks.
    Bookmarks,
    /// The reading state.
    State,
}

/// An unreadable data file moved out of the way and started afresh: what the user is told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAside {
    /// Which file it was.
    pub kept: Kept,
    /// Where it is now.
    pub path: PathBuf,
}

/// The data directory: `--data-dir`, else `$DOCBAO_DATA_DIR`, else the platform's
/// (`$XDG_DATA_HOME/docbao` on Linux).
pub fn data_dir(flag: Option<&Path>) -> Result<PathBuf, StoreError> {
    if let Some(dir) = flag {
        return Ok(dir.to_owned());
    }
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "docbao")
        .map(|dirs| dirs.data_dir().to_owned())
        .ok_or(StoreError::NoDataDir)
}

/// What reading a data file found.
#[derive(Debug)]
pub struct Loaded<T> {
    /// The contents, or the default when the file was missing or set aside.
    pub value: T,
    /// Where an unreadable file was moved to, so the user can be told.
    pub set_aside: Option<PathBuf>,
}

/// Reads a JSON file; a missing file gives the default, and one that does not parse is renamed
/// to `NAME.corrupt-<time>` (kept, never overwritten) and gives the default.
pub fn read_json<T: DeserializeOwned + Default>(path: &Path) -> Result<Loaded<T>, StoreError> {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(err) if err.kind() == io::ErrorKind::NotFound => {
            return Ok(Loaded {
                value: T::default(),
                set_aside: None,
            });
        }
        Err(err) => return Err(StoreError::io(Doing::Read, path)(err)),
    };
    match serde_json::from_slice(&bytes) {
        Ok(value) => Ok(Loaded {
            value,
            set_aside: None,
        }),
        Err(_) => {
            let aside = aside_name(path);
            fs::rename(path, &aside).map_err(StoreError::io(Doing::SetAside, path))?;
            Ok(Loaded {
                value: T::default(),
                set_aside: Some(aside),
            })
        }
    }
}

/// `bookmarks.json.corrupt-20261122T230102Z`, with a counter if that exists already.
fn aside_name(path: &Path) -> PathBuf {
    let stamp = humantime::format_rfc3339_seconds(SystemTime::now())
        .to_string()
        .replace([':', '-'], "");
    let name = path
        .file_name()
        .map_or_else(|| "data".into(), |n| n.to_string_lossy().into_owned());
    let mut candidate = path.with_file_name(format!("{name}.corrupt-{stamp}"));
    let mut n = 1;
    while candidate.exists() {
        candidate = path.with_file_name(format!("{name}.corrupt-{stamp}-{n}"));
        n += 1;
    }
    candidate
}

/// Writes JSON so that the file is either wholly old or wholly new, whatever happens midway:
/// a temporary file in the same folder, flushed to disk, then renamed over the old one.
pub fn write_json<T: Serialize>(path: &Path, value: &T) -> Result<(), StoreError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(StoreError::io(Doing::Create, dir))?;
    let mut bytes = serde_json::to_vec_pretty(value).map_err(|e| StoreError::Io {
        what: Doing::Encode,
        path: path.to_owned(),
        cause: io::Error::other(e),
    })?;
    bytes.push(b'\n');
    // Unique per process and per write, so that no two writers ever share a temporary file.
    static WRITES: AtomicU64 = AtomicU64::new(0);
    let serial = WRITES.fetch_add(1, Ordering::Relaxed);
    let temp = dir.join(format!(
        "{}{}-{serial}",
        temporary_prefix(path),
        std::process::id()
    ));
    let written = File::create(&temp)
        .and_then(|mut file| {
            file.write_all(&bytes)?;
            file.sync_all()
        })
        .map_err(StoreError::io(Doing::Write, &temp));
    if let Err(err) = written {
        let _ = fs::remove_file(&temp);
        return Err(err);
    }
    fs::rename(&temp, path).map_err(StoreError::io(Doing::Replace, path))?;
    // Make the rename itself durable; not every platform can open a folder, so this is best effort.
    if let Ok(folder) = File::open(dir) {
        let _ = folder.sync_all();
    }
    Ok(())
}

/// `.NAME.tmp-`: how the temporary files of `path` begin.
fn temporary_prefix(path: &Path) -> String {
    let name = path
        .file_name()
        .map_or_else(|| "data".into(), |n| n.to_string_lossy().into_owned());
    format!(".{name}.tmp-")
}

/// Removes the temporary files a writer killed mid-save left beside `path`. Only safe under
/// the lock: every writer makes its temporary file while holding it.
fn sweep_temporaries(path: &Path) {
    let dir = path.parent().unwrap_or(Path::new("."));
    let prefix = temporary_prefix(path);
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with(&prefix) {
            // Best effort: one that cannot be removed now is tried again next time.
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Removes what a writer killed mid-save left beside `path`, if its folder exists; a failure
/// (another window holds the lock long, a read-only folder) leaves them for the next save.
pub fn tidy(path: &Path) {
    if path.parent().is_some_and(Path::is_dir) {
        let _ = locked(path, || Ok(()));
    }
}

/// Runs `f` while holding an exclusive lock on `NAME.lock` beside `path`, so that two docbao
/// windows never interleave a read-merge-write of the same file. Temporary files left by a
/// writer that was killed are removed first.
pub fn locked<R>(path: &Path, f: impl FnOnce() -> Result<R, StoreError>) -> Result<R, StoreError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(StoreError::io(Doing::Create, dir))?;
    let lock_path = path.with_extension("lock");
    let lock = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(StoreError::io(Doing::Open, &lock_path))?;
    lock.lock()
        .map_err(StoreError::io(Doing::Lock, &lock_path))?;
    sweep_temporaries(path);
    let result = f();
    let _ = lock.unlock();
    result
}

/// The id, as seen from `folder`, of article `id` of the folder `kept_in`: the same file can be
/// opened through a folder above or below it (`news` with `a/bai` is `news/a` with `bai`).
/// `None` when it is not under `folder`.
pub fn id_in(folder: &str, kept_in: &str, id: &str) -> Option<String> {
    if kept_in == folder {
        return Some(id.to_owned());
    }
    if kept_in.is_empty() || folder.is_empty() {
        return None;
    }
    let full = format!("{}/{id}", kept_in.trim_end_matches('/'));
    let rest = full.strip_prefix(folder.trim_end_matches('/'))?;
    rest.strip_prefix('/').map(str::to_owned)
}

/// The current time as RFC 3339, to the second, in UTC.
pub fn now_rfc3339() -> String {
    humantime::format_rfc3339_seconds(SystemTime::now()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corrupt_files_are_set_aside_and_missing_ones_are_empty() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.json");
        let loaded: Loaded<Vec<u32>> = read_json(&path).unwrap();
        assert!(loaded.value.is_empty() && loaded.set_aside.is_none());
        fs::write(&path, "{not json").unwrap();
        let loaded: Loaded<Vec<u32>> = read_json(&path).unwrap();
        let aside = loaded.set_aside.expect("set aside");
        assert_eq!(fs::read_to_string(&aside).unwrap(), "{not json");
        assert!(!path.exists());
        assert!(
            aside
                .file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("x.json.corrupt-")
        );
    }

    #[test]
    fn the_same_file_through_a_folder_above_or_below() {
        assert_eq!(id_in("/n", "/n", "a/bai").as_deref(), Some("a/bai"));
        assert_eq!(id_in("/n/a", "/n", "a/bai").as_deref(), Some("bai"));
        assert_eq!(id_in("/n", "/n/a", "bai").as_deref(), Some("a/bai"));
        assert_eq!(id_in("/n/b", "/n", "a/bai"), None);
        assert_eq!(
            id_in("/nn", "/n", "a"),
            None,
            "a folder whose name starts the same"
        );
        assert_eq!(
            id_in("/n", "", "a"),
            None,
            "unclaimed data is claimed, not seen"
        );
    }

    #[test]
    fn atomic_write_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/y.json");
        locked(&path, || write_json(&path, &vec![1, 2, 3])).unwrap();
        let loaded: Loaded<Vec<u32>> = read_json(&path).unwrap();
        assert_eq!(loaded.value, [1, 2, 3]);
        let leftovers: Vec<_> = fs::read_dir(dir.path().join("sub"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains(".tmp-"))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }
}
