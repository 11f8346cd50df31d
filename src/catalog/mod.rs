//! The catalog: every article under a folder (or one file), parsed and sorted; immutable once built.

mod article;

use std::cmp::Reverse;
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

pub use article::{Article, Block, BlockKind, Date, Skip};

use rayon::prelude::*;

use crate::io_error::describe_io;
use crate::text::collate;

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
    pub reason: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.reason)
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

/// A sorted, immutable collection of articles and the problems met while reading them.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    articles: Vec<Article>,
    problems: Vec<Problem>,
    origin: String,
    folder: String,
    /// How many articles have a warning, counted once.
    warned: usize,
}

impl Catalog {
    /// Reads every `*.txt` and `*.md` file under `path` (or the one file `path` names).
    ///
    /// Hidden files and folders are skipped; symbolic links are followed, and a link that loops
    /// back is reported as a problem rather than followed forever. A file that cannot be read
    /// or parsed becomes a [`Problem`]; only a `path` that cannot be opened is an error.
    pub fn open(path: &Path) -> Result<Catalog, CatalogError> {
        let (files, problems) = Catalog::list_files(path)?;
        let root = if path.is_file() {
            path.parent().unwrap_or(Path::new(""))
        } else {
            path
        };
        let mut catalog = Catalog::read_files(root, files, problems, path.display().to_string());
        catalog.folder = folder_key(root);
        Ok(catalog)
    }

    /// The article files under `path` (or `path` itself when it is a file), in name order, and
    /// the problems met finding them; the first half of [`Catalog::open`].
    pub fn list_files(path: &Path) -> Result<(Vec<PathBuf>, Vec<Problem>), CatalogError> {
        let meta = std::fs::metadata(path).map_err(|cause| CatalogError::Open {
            path: path.to_owned(),
            cause,
        })?;
        if meta.is_file() {
            return Ok((vec![path.to_owned()], Vec::new()));
        }
        let mut files = Vec::new();
        let mut problems = Vec::new();
        let walker = walkdir::WalkDir::new(path)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
        for entry in walker {
            match entry {
                Ok(entry) if entry.file_type().is_file() && is_article_name(entry.path()) => {
                    files.push(entry.into_path());
                }
                Ok(_) => {}
                Err(err) => problems.push(walk_problem(path, &err)),
            }
        }
        Ok((files, problems))
    }

    /// Reads and parses listed files, naming each by its path from `root` (see [`article_id`]);
    /// one that has gone or cannot be read becomes a problem.
    ///
    /// Files are read and parsed on every core: each file is independent of the others.
    pub fn read_files(
        root: &Path,
        files: Vec<PathBuf>,
        problems: Vec<Problem>,
        origin: String,
    ) -> Catalog {
        let parsed = files
            .par_iter()
            .map(|path| parse_source(article_id(root, path), path.clone(), read_file(path)))
            .collect();
        let mut catalog = Catalog::assemble(parsed, origin);
        catalog.problems.splice(0..0, problems);
        catalog
    }

    /// The articles compiled into the binary.
    pub fn bundled() -> Catalog {
        let sources = BUNDLED
            .iter()
            .map(|(name, bytes)| (Path::new("(bundled)").join(name), Ok(bytes.to_vec())));
        Catalog::from_sources(sources, "bundled articles".to_owned())
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
                parse_source(id, path, bytes)
            })
            .collect();
        Catalog::assemble(parsed, origin)
    }

    /// Sorts parsed articles into a catalog, keeping the problems in the order met.
    fn assemble(parsed: Vec<Result<Article, Problem>>, origin: String) -> Catalog {
        let mut articles = Vec::with_capacity(parsed.len());
        let mut problems = Vec::new();
        for result in parsed {
            match result {
                Ok(article) => articles.push(article),
                Err(problem) => problems.push(problem),
            }
        }
        articles
            .sort_by_cached_key(|a| (Reverse(a.date), collate::sort_key(&a.title), a.id.clone()));
        Catalog {
            warned: articles.iter().filter(|a| !a.warnings.is_empty()).count(),
            articles,
            problems,
            origin,
            folder: String::new(),
        }
    }

    /// The articles, newest first, then by title in Vietnamese alphabetical order.
    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    /// Files that were found but not listed, with the reason.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// How many articles were read with a warning.
    pub fn warned(&self) -> usize {
        self.warned
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
    pub fn find(&self, key: &str) -> Option<(usize, &Article)> {
        match self.lookup(key) {
            Lookup::Found(index) => Some((index, &self.articles[index])),
            Lookup::Ambiguous(_) | Lookup::Missing => None,
        }
    }

    /// What a key names: an article's id (`2025/10/26/index`) or path first; else the articles
    /// whose path ends with it, with or without the extension.
    pub fn lookup(&self, key: &str) -> Lookup {
        let key_path = Path::new(key);
        let exact = self
            .articles
            .iter()
            .position(|a| a.id == key || a.path == key_path);
        if let Some(index) = exact {
            return Lookup::Found(index);
        }
        let ends_with = |a: &Article| {
            a.path.ends_with(key_path) || a.path.with_extension("").ends_with(key_path)
        };
        let found: Vec<usize> = (0..self.articles.len())
            .filter(|&i| ends_with(&self.articles[i]))
            .collect();
        match found.as_slice() {
            [] => Lookup::Missing,
            [one] => Lookup::Found(*one),
            _ => Lookup::Ambiguous(found.iter().map(|&i| self.articles[i].id.clone()).collect()),
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
    let bytes = bytes.map_err(|err| Problem {
        reason: format!("cannot read: {}, skipped", describe_io(&err)),
        path: path.clone(),
    })?;
    Article::parse(id, path.clone(), &bytes).map_err(|skip| Problem {
        path,
        reason: skip.to_string(),
    })
}

/// Reads a file unless it is too large to be an article.
fn read_file(path: &Path) -> io::Result<Vec<u8>> {
    let len = std::fs::metadata(path)?.len();
    if len > MAX_FILE_BYTES {
        return Err(io::Error::other(format!(
            "{} MB is larger than the {} MB limit",
            len / 1_000_000,
            MAX_FILE_BYTES / 1_000_000
        )));
    }
    std::fs::read(path)
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
        "symbolic link loops back to a parent folder, not followed".to_owned()
    } else if let Some(io) = err.io_error() {
        format!("cannot read: {}, skipped", describe_io(io))
    } else {
        format!("{err}, skipped")
    };
    Problem { path, reason }
}
