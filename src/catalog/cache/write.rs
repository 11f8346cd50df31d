//! Writing a cache: segments laid out several to a file, then the index naming them, each
//! under a temporary name renamed into place; stray files left by others removed when old.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::io::Write;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::SystemTime;

use super::read::open_segment;
use super::{
    CacheError, INDEX_MAGIC, SEGMENT_HEADER, SEGMENT_MAGIC, SEGMENT_MAX, STRAY_AGE, VERSION,
    io_error,
};
use crate::catalog::{Catalog, Date, Entry, Parts, Segment, Stamp, Stored};

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
        w.path(relative(root, &problem.path));
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
    // Segments no later than the index this one replaces were its own (or older ones'):
    // nobody will name them again. Newer ones may be another writer's, still at work.
    let replaced = fs::metadata(dir.join("index.bin"))
        .and_then(|m| m.modified())
        .ok();
    write_atomically(dir, "index.bin", &bytes)?;
    remove_strays(dir, &files, replaced);
    Ok(())
}

fn segment_header() -> [u8; SEGMENT_HEADER] {
    let mut header = [0; SEGMENT_HEADER];
    header[..8].copy_from_slice(SEGMENT_MAGIC);
    header[8..12].copy_from_slice(&VERSION.to_le_bytes());
    header
}

/// A name no other writer, in this process or another, will use.
pub(crate) fn unique(prefix: &str) -> String {
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
pub(crate) fn write_atomically(dir: &Path, name: &str, bytes: &[u8]) -> Result<(), CacheError> {
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

/// Removes segment and temporary files that no index names: at once those of the index just
/// replaced (no newer than it), else once old enough not to be another writer's work in
/// progress.
fn remove_strays(dir: &Path, named: &[SegmentFile], replaced: Option<std::time::SystemTime>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let ours = name.starts_with("seg-") || name.starts_with(".tmp-");
        if !ours || named.iter().any(|f| f.name == name) {
            continue;
        }
        let modified = entry.metadata().and_then(|m| m.modified()).ok();
        let old = modified
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > STRAY_AGE);
        let superseded = name.starts_with("seg-")
            && modified
                .zip(replaced)
                .is_some_and(|(made, index)| made <= index);
        if old || superseded {
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
    w.path(relative(root, &entry.path));
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
fn relative<'p>(root: &Path, path: &'p Path) -> &'p Path {
    path.strip_prefix(root).unwrap_or(path)
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

    /// A path as its bytes, whatever they are: a name that is not UTF-8 is kept as it is,
    /// so that the file can be opened from the cache.
    fn path(&mut self, path: &Path) {
        #[cfg(unix)]
        let bytes = {
            use std::os::unix::ffi::OsStrExt;
            path.as_os_str().as_bytes().to_vec()
        };
        #[cfg(not(unix))]
        let bytes = path.to_string_lossy().into_owned().into_bytes();
        self.u32(bytes.len() as u32);
        self.bytes.extend_from_slice(&bytes);
    }
}
