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

use std::collections::{HashMap, HashSet};
use std::fs;
use std::io::{self, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

use rayon::prelude::*;

use super::stored::{Parts, Segment, Stored};
use super::{Catalog, Date, Entry, Problem, Reason, Stamp, Warning};
use crate::io_error::describe_io;

/// Version of the layout and of what reading makes of a file; a cache of another version is
/// rebuilt. 7: mojibake is repaired on reading. 9: segments are read, not mapped: each
/// article has a summary, and the index says where a segment's summaries lie.
pub const VERSION: u32 = 10;

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
            let rel = r.str()?;
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
fn open_segment(
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
    let rel = r.str()?;
    let path = root.join(rel);
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
    // The id is the path from the folder without its extension (see `article_id`).
    let id = match rel.rsplit_once('.') {
        Some((stem, extension)) if !extension.contains(std::path::MAIN_SEPARATOR) => stem,
        _ => rel,
    };
    let id = id.replace(std::path::MAIN_SEPARATOR, "/");
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

/// A segment file an index names.
struct SegmentFile {
    name: String,
    len: usize,
    /// Where the summaries of its articles lie.
    summaries: Range<usize>,
}

/// Writes the cache of `catalog` (whose files are under `root`) into `dir`: the segments its
/// entries use that are not files yet, then the index naming them. Segment files no index
/// names any more are removed once old enough.
pub fn save(dir: &Path, root: &Path, catalog: &Catalog) -> Result<(), CacheError> {
    fs::create_dir_all(dir).map_err(io_error("create", dir))?;
    let stored = catalog
        .entries
        .iter()
        .map(|e| e.stored.as_ref())
        .collect::<Option<Vec<&Stored>>>()
        .ok_or(CacheError::Corrupt("an entry not indexed"))?;
    // Segment files already written keep their names, and are numbered first, in the order
    // their first article comes.
    let mut files: Vec<SegmentFile> = Vec::new();
    let mut numbers: HashMap<&str, usize> = HashMap::new();
    // Segments in memory, in the order their first article comes.
    let mut in_memory: Vec<&Arc<Segment>> = Vec::new();
    let mut seen: HashSet<*const Segment> = HashSet::new();
    for stored in &stored {
        match stored.segment.name() {
            Some(name) => {
                numbers.entry(name).or_insert_with(|| {
                    files.push(SegmentFile {
                        name: name.to_owned(),
                        len: stored.segment.len(),
                        summaries: stored.segment.summaries(),
                    });
                    files.len() - 1
                });
            }
            None => {
                if seen.insert(Arc::as_ptr(&stored.segment)) {
                    in_memory.push(&stored.segment);
                }
            }
        }
    }
    // Several to a file, up to `SEGMENT_MAX`, laid out as one segment is: every summary
    // first, together, then the rest.
    let mut groups: Vec<Vec<&Arc<Segment>>> = Vec::new();
    let mut size = 0;
    for segment in in_memory {
        let len = segment.len().saturating_sub(SEGMENT_HEADER);
        match groups.last_mut() {
            Some(group) if size + len <= SEGMENT_MAX => group.push(segment),
            _ => {
                groups.push(vec![segment]);
                size = 0;
            }
        }
        size += len;
    }
    // Each segment in memory: the file it goes to, and how far its summaries and the rest of
    // its bytes move on the way.
    let mut moves: HashMap<*const Segment, (usize, usize, usize)> = HashMap::new();
    let laid_out_otherwise = || CacheError::Corrupt("a segment laid out otherwise");
    for group in groups {
        let file = files.len();
        let summaries: usize = group.iter().map(|s| s.summaries().len()).sum();
        let mut bytes = Vec::with_capacity(group.iter().map(|s| s.len()).sum());
        bytes.extend_from_slice(&segment_header());
        let mut rest_at = SEGMENT_HEADER + summaries;
        for segment in &group {
            let (own, region) = (segment.in_memory().unwrap_or_default(), segment.summaries());
            let summary = own.get(region.clone()).ok_or_else(laid_out_otherwise)?;
            // Parts were counted from the start of their own segment, header included.
            let move_summary = bytes.len().checked_sub(region.start);
            let move_rest = rest_at.checked_sub(region.end);
            let (Some(move_summary), Some(move_rest)) = (move_summary, move_rest) else {
                return Err(laid_out_otherwise());
            };
            moves.insert(Arc::as_ptr(segment), (file, move_summary, move_rest));
            bytes.extend_from_slice(summary);
            rest_at += own.len() - region.end;
        }
        for segment in &group {
            let own = segment.in_memory().unwrap_or_default();
            bytes.extend_from_slice(&own[segment.summaries().end..]);
        }
        files.push(SegmentFile {
            name: write_segment(dir, &bytes)?,
            len: bytes.len(),
            summaries: SEGMENT_HEADER..SEGMENT_HEADER + summaries,
        });
    }
    let placed: Vec<(usize, Parts)> = stored
        .iter()
        .map(|stored| match stored.segment.name() {
            Some(name) => (numbers[name], stored.parts.clone()),
            None => {
                let (file, summary, rest) = moves[&Arc::as_ptr(&stored.segment)];
                (file, stored.parts.placed(summary, rest, rest))
            }
        })
        .collect();

    let mut w = Writer::default();
    w.str(catalog.folder());
    w.u32(files.len() as u32);
    for file in &files {
        w.str(&file.name);
        w.u64(file.len as u64);
        w.u64(file.summaries.start as u64);
        w.u64(file.summaries.end as u64);
    }
    w.u32(catalog.entries.len() as u32);
    for (entry, (file, parts)) in catalog.entries.iter().zip(&placed) {
        let at = w.bytes.len();
        w.u32(0);
        write_entry(&mut w, root, entry, *file, parts);
        let len = (w.bytes.len() - at - 4) as u32;
        w.bytes[at..at + 4].copy_from_slice(&len.to_le_bytes());
    }
    w.u32(catalog.problems.len() as u32);
    for problem in &catalog.problems {
        w.str(&relative(root, &problem.path));
        w.str(&problem.reason.encode());
        match problem.stamp {
            Some(stamp) => {
                w.u8(1);
                write_stamp(&mut w, stamp);
            }
            None => w.u8(0),
        }
    }
    let payload = w.bytes;
    let mut bytes = Vec::with_capacity(payload.len() + 24);
    bytes.extend_from_slice(INDEX_MAGIC);
    bytes.extend(VERSION.to_le_bytes());
    bytes.extend((payload.len() as u64).to_le_bytes());
    bytes.extend(crc32fast::hash(&payload).to_le_bytes());
    bytes.extend_from_slice(&payload);
    write_atomically(dir, "index.bin", &bytes)?;
    remove_strays(dir, &files);
    Ok(())
}

fn segment_header() -> [u8; SEGMENT_HEADER] {
    let mut header = [0; SEGMENT_HEADER];
    header[..8].copy_from_slice(SEGMENT_MAGIC);
    header[8..12].copy_from_slice(&VERSION.to_le_bytes());
    header
}

/// A name no other writer, in this process or another, will use.
fn unique(prefix: &str) -> String {
    static SERIAL: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let serial = SERIAL.fetch_add(1, Ordering::Relaxed);
    format!("{prefix}{nanos:x}-{:x}-{serial:x}", std::process::id())
}

/// Writes a segment's bytes (header space included, its summaries at `summaries`) as a new
/// segment file, and opens it.
pub fn write_segment_file(
    dir: &Path,
    bytes: &mut [u8],
    summaries: Range<usize>,
) -> Result<Arc<Segment>, CacheError> {
    fs::create_dir_all(dir).map_err(io_error("create", dir))?;
    if bytes.len() < SEGMENT_HEADER {
        return Err(CacheError::Corrupt("a segment without its header"));
    }
    bytes[..SEGMENT_HEADER].copy_from_slice(&segment_header());
    let name = write_segment(dir, bytes)?;
    // The summaries are at hand: kept, not read back.
    let read = bytes.get(summaries.clone()).map(<[u8]>::to_vec);
    open_segment(dir, name, bytes.len(), summaries, read)
}

fn write_segment(dir: &Path, bytes: &[u8]) -> Result<String, CacheError> {
    let name = format!("{}.bin", unique("seg-"));
    write_atomically(dir, &name, bytes)?;
    Ok(name)
}

/// Writes a file whole under a temporary name, then renames it into place.
fn write_atomically(dir: &Path, name: &str, bytes: &[u8]) -> Result<(), CacheError> {
    let temp = dir.join(unique(".tmp-"));
    let written = fs::File::create(&temp).and_then(|mut file| file.write_all(bytes));
    if let Err(err) = written {
        let _ = fs::remove_file(&temp);
        return Err(io_error("write", &temp)(err));
    }
    let path = dir.join(name);
    fs::rename(&temp, &path).map_err(|err| {
        let _ = fs::remove_file(&temp);
        io_error("write", &path)(err)
    })
}

/// Removes segment and temporary files that no index names, once they are old enough not to
/// be another writer's work in progress.
fn remove_strays(dir: &Path, named: &[SegmentFile]) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let ours = name.starts_with("seg-") || name.starts_with(".tmp-");
        if !ours || named.iter().any(|f| f.name == name) {
            continue;
        }
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > STRAY_AGE);
        if old {
            let _ = fs::remove_file(entry.path());
        }
    }
}

fn write_stamp(w: &mut Writer, stamp: Stamp) {
    w.u64(stamp.size);
    w.i128(stamp.modified);
    w.u64(stamp.inode);
    w.i128(stamp.changed);
}

fn write_entry(w: &mut Writer, root: &Path, entry: &Entry, file: usize, parts: &Parts) {
    w.str(&relative(root, &entry.path));
    write_stamp(w, entry.stamp);
    w.str(&entry.title);
    match &entry.title_range {
        Some(range) => {
            w.u8(1);
            w.u32(range.start as u32);
            w.u32(range.end as u32);
        }
        None => w.u8(0),
    }
    w.u32(entry.shown_start as u32);
    let date = entry.date.unwrap_or(Date {
        year: 0,
        month: 0,
        day: 0,
    });
    w.u16(date.year);
    w.u8(date.month);
    w.u8(date.day);
    w.u32(entry.words as u32);
    w.u32(entry.warnings.len() as u32);
    for warning in &entry.warnings {
        w.str(&warning.encode());
    }
    w.u32(file as u32);
    for range in parts.ranges() {
        // Segments are far smaller than 4 GiB (see `SEGMENT_MAX`).
        w.u32(range.start as u32);
        w.u32(range.end as u32);
    }
    w.u32(parts.crc);
    w.u32(parts.summary_crc);
}

/// A path from the folder, as the index keeps it.
fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .into_owned()
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

/// Little-endian numbers and length-prefixed strings, appended.
#[derive(Debug, Default)]
struct Writer {
    bytes: Vec<u8>,
}

impl Writer {
    fn u8(&mut self, n: u8) {
        self.bytes.push(n);
    }
    fn u16(&mut self, n: u16) {
        self.bytes.extend(n.to_le_bytes());
    }
    fn u32(&mut self, n: u32) {
        self.bytes.extend(n.to_le_bytes());
    }
    fn u64(&mut self, n: u64) {
        self.bytes.extend(n.to_le_bytes());
    }
    fn i128(&mut self, n: i128) {
        self.bytes.extend(n.to_le_bytes());
    }
    fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.bytes.extend_from_slice(s.as_bytes());
    }
}

/// Reads what [`Writer`] wrote; running out of bytes is a damaged cache.
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
    fn str(&mut self) -> Result<&'a str, CacheError> {
        let len = self.u32()? as usize;
        simdutf8::basic::from_utf8(self.take(len)?)
            .map_err(|_| CacheError::Corrupt("a name not UTF-8"))
    }
}
