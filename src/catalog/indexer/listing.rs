//! Listing a folder before its files are read: the walk, taken a few files at a time, and
//! entries made from each file's first line, so that the list shows titles at once.

use std::collections::HashMap;
use std::ffi::OsStr;
use std::io::Read;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::Job;
use crate::catalog::scan::{is_article_name, is_hidden, walk_problem};
use crate::catalog::{Catalog, Entry, Listed, Problem, Stamp, article, article_id, sort};
use crate::text;

/// Bytes of a file read to find its first line when listing it before it is read whole.
const FIRST_LINE_BYTES: usize = 1024;

/// The walk of a folder, taken a few files at a time.
pub(super) struct Walk {
    root: PathBuf,
    walker: walkdir::FilterEntry<walkdir::IntoIter, fn(&walkdir::DirEntry) -> bool>,
    pub(super) problems: Vec<Problem>,
}

impl Walk {
    pub(super) fn new(root: &Path) -> Walk {
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
    pub(super) fn finish(mut self) -> (Vec<PathBuf>, Vec<Problem>) {
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
    pub(super) fn take(&mut self, n: usize) -> Vec<Listed> {
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

/// A file found by the walk, with its stamp.
pub(super) fn stamp(path: PathBuf) -> Result<Listed, Problem> {
    match std::fs::metadata(&path) {
        Ok(meta) => Ok(Listed {
            stamp: Stamp::of(&meta),
            path,
        }),
        Err(err) => Err(Problem::unreadable(path, &err)),
    }
}

/// An entry for a file not read yet, from its first line: its title and date.
pub(super) fn first_line_entry(root: &Path, file: &Listed) -> Entry {
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
    // A saved page's first line is markup: it is named by its file until it is read.
    let (title, date) = match article::is_page(&file.path) {
        true => (String::new(), None),
        false => article::headline(&line, markdown),
    };
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

impl Job {
    /// A catalog of files listed by their first line, before they are read whole.
    pub(super) fn listed_catalog(&self, files: &[Listed], problems: Vec<Problem>) -> Catalog {
        let mut entries = self.listed_entries(files, &Catalog::default());
        sort(&mut entries);
        let mut catalog = Catalog::from_parts(entries, problems, self.origin.clone());
        catalog.folder = self.folder.clone();
        catalog
    }

    /// Entries for files not read yet: what the catalog shown knows of them (an older read of
    /// a changed file), else their first line.
    pub(super) fn listed_entries(&self, files: &[Listed], shown: &Catalog) -> Vec<Entry> {
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
