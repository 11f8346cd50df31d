//! Reading a folder's files into a catalog: each read (up to a limit) and parsed, on every
//! core, then stored in segments in memory; and reading only the files a sieve lets through.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::ids::{article_id, folder_key, root_of};
use super::scan::walk_folder;
use super::{
    Article, Catalog, CatalogError, Entry, Listed, Problem, SegmentBuilder, Stamp, Stored, cache,
};

/// Files larger than this are not read: no news article is this long.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

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
}

/// A file read and parsed: the article and the file's stamp, or why it is skipped.
type Parsed = Result<(Article, Stamp), Problem>;

/// Reads and parses files on every core, each an article or a problem with its stamp.
pub(super) fn read_all(root: &Path, files: &[Listed]) -> Vec<Result<(Article, Stamp), Problem>> {
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
pub(super) fn store_all(articles: &[(Article, Stamp)]) -> Vec<Entry> {
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

/// Parses one file's bytes (or reports why it could not be read) into an article or a problem.
pub(super) fn parse_source(
    id: String,
    path: PathBuf,
    bytes: io::Result<Vec<u8>>,
) -> Result<Article, Problem> {
    let bytes = bytes.map_err(|err| Problem::unreadable(path.clone(), &err))?;
    Article::parse(id, path.clone(), &bytes).map_err(|skip| Problem {
        stamp: None,
        path,
        reason: skip,
    })
}

/// Reads a file unless it is too large to be an article.
pub(super) fn read_file(path: &Path) -> io::Result<Vec<u8>> {
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
