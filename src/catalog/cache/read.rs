//! Reading a cache: its index checked whole and decoded (the entries on every core), and the
//! segment files it names opened and checked against it.

use std::fs;
use std::io;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::{CacheError, INDEX_MAGIC, SEGMENT_HEADER, SEGMENT_MAGIC, VERSION, io_error};
use crate::catalog::{
    Catalog, Date, Entry, Parts, Problem, Reason, Segment, Stamp, Stored, Warning,
};

/// A catalog read from the cache, with what the cache knew of skipped files.
#[derive(Debug)]
pub struct Cached {
    /// The catalog as it was when the cache was written (its head only, unless `whole`).
    pub catalog: Catalog,
    /// Whether the catalog holds every entry of the cache and its skipped files.
    pub whole: bool,
}

/// Reads the cache in `dir` of the folder `folder` (whose files are under `root`).
pub fn load(dir: &Path, folder: &str, root: &Path, origin: String) -> Result<Cached, CacheError> {
    load_head(dir, folder, root, origin, usize::MAX)
}

/// Reads the first `count` entries of the cache in `dir`, and its skipped files when that is
/// every entry: what a first frame shows of a large archive, without decoding the rest of its
/// index.
pub fn load_head(
    dir: &Path,
    folder: &str,
    root: &Path,
    origin: String,
    count: usize,
) -> Result<Cached, CacheError> {
    let index_path = dir.join("index.bin");
    // Read, not mapped: its checksum is checked over every byte anyway, and a file cut short
    // under a map would kill the process.
    let bytes = match fs::read(&index_path) {
        Ok(bytes) => bytes,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Err(CacheError::Missing),
        Err(err) => return Err(io_error("read", &index_path)(err)),
    };
    let payload = check_index(&bytes)?;
    let mut r = Reader::new(payload);
    if r.str()? != folder {
        return Err(CacheError::Stale);
    }
    let segment_count = r.u32()? as usize;
    let mut segments = Vec::with_capacity(segment_count);
    for _ in 0..segment_count {
        let name = r.str()?.to_owned();
        let len = r.u64()? as usize;
        let summaries = r.u64()? as usize..r.u64()? as usize;
        segments.push(open_segment(dir, name, len, summaries, None)?);
    }
    // Each entry's bytes found by its length, then read on every core.
    let entry_count = r.u32()? as usize;
    let wanted = entry_count.min(count);
    let mut found = Vec::with_capacity(wanted.min(payload.len() / 32));
    for _ in 0..wanted {
        let len = r.u32()? as usize;
        found.push(r.take(len)?);
    }
    let decode = |bytes: &&[u8]| {
        let mut r = Reader::new(bytes);
        let entry = read_entry(&mut r, root, &segments)?;
        if r.at != bytes.len() {
            return Err(CacheError::Corrupt("an entry of the wrong length"));
        }
        Ok(entry)
    };
    // A screenful is decoded here and now: the pool's threads may be busy elsewhere.
    let entries = if wanted <= 4096 {
        found
            .iter()
            .map(decode)
            .collect::<Result<Vec<Entry>, CacheError>>()?
    } else {
        found
            .par_iter()
            .map(decode)
            .collect::<Result<Vec<Entry>, CacheError>>()?
    };
    let mut problems = Vec::new();
    if wanted == entry_count {
        let problem_count = r.u32()? as usize;
        problems.reserve(problem_count.min(payload.len() / 16));
        for _ in 0..problem_count {
            let rel = r.path()?;
            let reason =
                Reason::decode(r.str()?).ok_or(CacheError::Corrupt("an unknown reason"))?;
            let stamp = if r.u8()? == 1 {
                Some(read_stamp(&mut r)?)
            } else {
                None
            };
            problems.push(Problem {
                path: root.join(rel),
                reason,
                stamp,
            });
        }
    }
    let mut catalog = Catalog::from_parts(entries, problems, origin);
    catalog.folder = folder.to_owned();
    Ok(Cached {
        catalog,
        whole: wanted == entry_count,
    })
}

/// The payload of an index file, if its header says it is whole and of this version.
fn check_index(bytes: &[u8]) -> Result<&[u8], CacheError> {
    let header = bytes
        .get(..24)
        .ok_or(CacheError::Corrupt("index cut short"))?;
    if &header[..8] != INDEX_MAGIC {
        return Err(CacheError::Corrupt("not an index"));
    }
    if u32_at(&header[8..12]) != VERSION {
        return Err(CacheError::Stale);
    }
    let len = u64_at(&header[12..20]) as usize;
    let crc = u32_at(&header[20..24]);
    let payload = bytes
        .get(24..)
        .filter(|p| p.len() == len)
        .ok_or(CacheError::Corrupt("index cut short"))?;
    if crc32fast::hash(payload) != crc {
        return Err(CacheError::Corrupt("index checksum"));
    }
    Ok(payload)
}

/// Opens a segment file, checking its header and that it holds what the index says (`len`
/// bytes, its summaries at `summaries`); `read` are those bytes when they are at hand.
pub(super) fn open_segment(
    dir: &Path,
    name: String,
    len: usize,
    summaries: Range<usize>,
    read: Option<Vec<u8>>,
) -> Result<Arc<Segment>, CacheError> {
    let path = &dir.join(&name);
    let mut file = fs::File::open(path).map_err(io_error("open", path))?;
    let mut header = [0; SEGMENT_HEADER];
    io::Read::read_exact(&mut file, &mut header)
        .map_err(|_| CacheError::Corrupt("segment cut short"))?;
    if &header[..8] != SEGMENT_MAGIC {
        return Err(CacheError::Corrupt("not a segment"));
    }
    if u32_at(&header[8..12]) != VERSION {
        return Err(CacheError::Stale);
    }
    let size = file.metadata().map_err(io_error("read", path))?.len();
    if size < len as u64 {
        return Err(CacheError::Corrupt("segment cut short"));
    }
    // What is read of the file is bounded by what it holds: the summaries are read whole.
    if summaries.start < SEGMENT_HEADER || summaries.start > summaries.end || summaries.end > len {
        return Err(CacheError::Corrupt("summaries past their segment"));
    }
    Ok(Arc::new(Segment::file(name, file, len, summaries, read)))
}

fn read_stamp(r: &mut Reader<'_>) -> Result<Stamp, CacheError> {
    Ok(Stamp {
        size: r.u64()?,
        modified: r.i128()?,
        inode: r.u64()?,
        changed: r.i128()?,
    })
}

fn read_range(r: &mut Reader<'_>) -> Result<Range<usize>, CacheError> {
    let start = r.u32()? as usize;
    let end = r.u32()? as usize;
    if start > end {
        return Err(CacheError::Corrupt("a range backwards"));
    }
    Ok(start..end)
}

fn read_entry(
    r: &mut Reader<'_>,
    root: &Path,
    segments: &[Arc<Segment>],
) -> Result<Entry, CacheError> {
    let rel = r.path()?;
    let path = root.join(&rel);
    let stamp = read_stamp(r)?;
    let title = r.str()?.to_owned();
    let title_range = match r.u8()? {
        1 => Some(r.u32()? as usize..r.u32()? as usize),
        _ => None,
    };
    let shown_start = r.u32()? as usize;
    let (year, month, day) = (r.u16()?, r.u8()?, r.u8()?);
    let date = (year != 0).then_some(Date { year, month, day });
    let words = r.u32()? as usize;
    let warnings = (0..r.u32()?)
        .map(|_| {
            r.str().and_then(|kept| {
                Warning::decode(kept).ok_or(CacheError::Corrupt("an unknown warning"))
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let segment = r.u32()? as usize;
    let parts = Parts {
        text: read_range(r)?,
        blocks: read_range(r)?,
        marks: read_range(r)?,
        folded: read_range(r)?,
        grams: read_range(r)?,
        title: read_range(r)?,
        head: read_range(r)?,
        chunks: read_range(r)?,
        crc: r.u32()?,
        summary_crc: r.u32()?,
    };
    let segment = segments
        .get(segment)
        .ok_or(CacheError::Corrupt("an entry names no segment"))?;
    if !segment.holds(&parts) {
        return Err(CacheError::Corrupt("an entry past its segment"));
    }
    // The id is the path from the folder without its extension (see `article_id`): made
    // here from the text, unless the name needs escaping (not UTF-8, a control character).
    let id = match rel.to_str().filter(|r| !r.contains(char::is_control)) {
        Some(rel) => match rel.rsplit_once('.') {
            Some((stem, extension)) if !extension.contains(std::path::MAIN_SEPARATOR) => stem,
            _ => rel,
        }
        .replace(std::path::MAIN_SEPARATOR, "/"),
        None => crate::catalog::article_id(root, &path),
    };
    Ok(Entry {
        id,
        path,
        title,
        title_range,
        shown_start,
        date,
        words,
        warnings,
        stamp,
        stored: Some(Stored::new(Arc::clone(segment), parts)),
    })
}

/// Reads what `Writer` (in `write.rs`) wrote; running out of bytes is a damaged cache.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, at: 0 }
    }
    fn take(&mut self, n: usize) -> Result<&'a [u8], CacheError> {
        let taken = self
            .bytes
            .get(self.at..self.at.saturating_add(n))
            .ok_or(CacheError::Corrupt("index cut short"))?;
        self.at += n;
        Ok(taken)
    }
    fn u8(&mut self) -> Result<u8, CacheError> {
        Ok(self.take(1)?[0])
    }
    fn u16(&mut self) -> Result<u16, CacheError> {
        let b = self.take(2)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }
    fn u32(&mut self) -> Result<u32, CacheError> {
        Ok(u32_at(self.take(4)?))
    }
    fn u64(&mut self) -> Result<u64, CacheError> {
        Ok(u64_at(self.take(8)?))
    }
    fn i128(&mut self) -> Result<i128, CacheError> {
        let mut word = [0; 16];
        word.copy_from_slice(self.take(16)?);
        Ok(i128::from_le_bytes(word))
    }
    /// A path kept by the writer's `path`.
    fn path(&mut self) -> Result<PathBuf, CacheError> {
        let len = self.u32()? as usize;
        let bytes = self.take(len)?;
        #[cfg(unix)]
        let path = {
            use std::os::unix::ffi::OsStrExt;
            PathBuf::from(std::ffi::OsStr::from_bytes(bytes))
        };
        #[cfg(not(unix))]
        let path = PathBuf::from(
            simdutf8::basic::from_utf8(bytes)
                .map_err(|_| CacheError::Corrupt("a name not UTF-8"))?,
        );
        Ok(path)
    }

    fn str(&mut self) -> Result<&'a str, CacheError> {
        let len = self.u32()? as usize;
        simdutf8::basic::from_utf8(self.take(len)?)
            .map_err(|_| CacheError::Corrupt("a name not UTF-8"))
    }
}

fn u32_at(bytes: &[u8]) -> u32 {
    let mut word = [0; 4];
    word.copy_from_slice(&bytes[..4]);
    u32::from_le_bytes(word)
}

fn u64_at(bytes: &[u8]) -> u64 {
    let mut word = [0; 8];
    word.copy_from_slice(&bytes[..8]);
    u64::from_le_bytes(word)
}
