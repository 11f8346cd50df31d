//! The recovery file: where bookmarks and the reading state go when they cannot be saved where
//! they belong, in the first writable of a few places, for the user to put back.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::bookmarks::{Bookmark, SCHEMA_VERSION};
use crate::state::ReadingState;
use crate::store::{self, StoreError};

/// What a recovery file holds. Its bookmarks are laid out as `bookmarks.json` lays them out,
/// so that the file can be copied over it as it is (the reading state is passed over there).
#[derive(Serialize)]
struct Recovered<'a> {
    version: u32,
    bookmarks: &'a [Bookmark],
    reading: &'a ReadingState,
}

/// Where a recovery file may go, first choice first: the home folder, which outlives a restart,
/// then the system's temporary folder.
pub fn places() -> Vec<PathBuf> {
    let home = directories::UserDirs::new().map(|dirs| dirs.home_dir().to_owned());
    home.into_iter().chain([std::env::temp_dir()]).collect()
}

/// Writes the bookmarks and the reading state to a new file in the first of `places` that
/// takes it, and returns its path; the last error when none does.
pub fn write(
    places: &[PathBuf],
    bookmarks: &[Bookmark],
    reading: &ReadingState,
) -> Result<PathBuf, StoreError> {
    let recovered = Recovered {
        version: SCHEMA_VERSION,
        bookmarks,
        reading,
    };
    let name = file_name();
    let mut last = None;
    for place in places {
        let path = place.join(&name);
        // A folder that is not there is not made: a home that does not exist is no place
        // to leave something the user must find.
        if !place.is_dir() {
            last = Some(StoreError::Io {
                what: store::Doing::Write,
                path,
                cause: std::io::ErrorKind::NotFound.into(),
            });
            continue;
        }
        match store::write_json(&path, &recovered) {
            Ok(()) => return Ok(path),
            Err(err) => last = Some(err),
        }
    }
    Err(last.unwrap_or_else(|| StoreError::Io {
        what: store::Doing::Write,
        path: Path::new(&name).to_owned(),
        cause: std::io::ErrorKind::NotFound.into(),
    }))
}

/// `docbao-recovered-2026-12-04T15-40-00Z-1234.json`: when, and which process, so that no
/// two recoveries share a file.
fn file_name() -> String {
    let when: String = store::now_rfc3339()
        .chars()
        .map(|c| if c == ':' { '-' } else { c })
        .collect();
    format!("docbao-recovered-{when}-{}.json", std::process::id())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_writable_place_takes_it_and_bookmarks_json_reads_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let missing = dir.path().join("not-a-folder");
        std::fs::write(&missing, b"a file where a folder should be")
            .expect("write a file in the way");
        let places = [
            missing,
            dir.path().join("no-such-home"),
            dir.path().to_owned(),
        ];
        let catalog = crate::catalog::Catalog::bundled();
        let article = catalog.article(0).expect("a bundled article");
        let bookmark = Bookmark::new("news", &article, article.blocks[0].range.clone());
        let path = write(
            &places,
            std::slice::from_ref(&bookmark),
            &ReadingState::default(),
        )
        .expect("written in the second place");
        assert_eq!(path.parent(), Some(dir.path()));
        assert!(!dir.path().join("no-such-home").exists(), "not made");
        // Copied over bookmarks.json, it is read as the bookmarks it holds.
        let data = tempfile::tempdir().expect("temp dir");
        std::fs::copy(&path, data.path().join("bookmarks.json")).expect("copy the recovery file");
        let store = crate::bookmarks::BookmarkStore::open(data.path()).expect("open the copy");
        assert_eq!(store.list(), std::slice::from_ref(&bookmark));
        assert!(write(&places[..2], &[], &ReadingState::default()).is_err());
    }
}
