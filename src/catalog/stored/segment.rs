//! A segment: where its bytes are (in memory, or in a cache file), and reading parts of it.
//!
//! A cache file is read with `pread`, never mapped: another program may cut it short or
//! rewrite it while docbao runs, and a page of a map that is no longer in the file kills the
//! process (SIGBUS) where a read only fails. The summaries are read once and kept; the rest is
//! read when used.

use std::borrow::Cow;
use std::fs::File;
use std::ops::Range;
use std::sync::OnceLock;

use super::Parts;

/// One segment: the text and folded text of many articles.
#[derive(Debug)]
pub struct Segment {
    place: Place,
    /// The cache file it is read from, if it is.
    name: Option<String>,
    /// Where the summaries of its articles lie, together.
    summaries: Range<usize>,
}

/// Where a segment's bytes are.
#[derive(Debug)]
enum Place {
    /// Built in memory (no cache, or while indexing, or the cache could not be written).
    Memory(Vec<u8>),
    /// In a cache file of `len` bytes.
    File {
        file: File,
        len: usize,
        /// The summaries, read whole the first time one is wanted (every search reads them
        /// all; they are less than a tenth of the cache); `None` when reading failed. Not read at
        /// opening, so that a large archive's first frame waits for none of them.
        summaries: OnceLock<Option<Box<[u8]>>>,
    },
}

/// Some parts of a segment read one after the other into one run of bytes.
#[derive(Debug, Clone)]
pub(super) struct Joined<'a> {
    pub(super) bytes: Cow<'a, [u8]>,
    /// Where each part ends in `bytes`.
    pub(super) ends: [usize; 3],
}

impl Joined<'_> {
    pub(super) fn part(&self, n: usize) -> &[u8] {
        let start = if n == 0 { 0 } else { self.ends[n - 1] };
        &self.bytes[start..self.ends[n]]
    }
}

impl Segment {
    /// A segment built in memory, its summaries at `summaries`.
    pub fn memory(bytes: Vec<u8>, summaries: Range<usize>) -> Segment {
        Segment {
            place: Place::Memory(bytes),
            name: None,
            summaries,
        }
    }

    /// A segment in the cache file `name`, open as `file`, of `len` bytes, its summaries at
    /// `summaries` (and `read`, their bytes, when they are at hand, as after writing them).
    pub fn file(
        name: String,
        file: File,
        len: usize,
        summaries: Range<usize>,
        read: Option<Vec<u8>>,
    ) -> Segment {
        let loaded = OnceLock::new();
        if let Some(read) = read {
            let _ = loaded.set(Some(read.into_boxed_slice()));
        }
        Segment {
            place: Place::File {
                file,
                len,
                summaries: loaded,
            },
            name: Some(name),
            summaries,
        }
    }

    /// The cache file it is read from, if it is.
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// How many bytes it has.
    pub fn len(&self) -> usize {
        match &self.place {
            Place::Memory(bytes) => bytes.len(),
            Place::File { len, .. } => *len,
        }
    }

    /// Whether it has no bytes at all.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Where the summaries of its articles lie, together.
    pub fn summaries(&self) -> Range<usize> {
        self.summaries.clone()
    }

    /// All of its bytes, when it is in memory.
    pub fn in_memory(&self) -> Option<&[u8]> {
        match &self.place {
            Place::Memory(bytes) => Some(bytes),
            Place::File { .. } => None,
        }
    }

    /// Whether an article's parts all lie within it, its summary among the summaries.
    pub fn holds(&self, parts: &Parts) -> bool {
        let among =
            |r: &Range<usize>| self.summaries.start <= r.start && r.end <= self.summaries.end;
        let summary = [&parts.grams, &parts.title, &parts.head, &parts.chunks];
        parts.fits(self.len()) && summary.into_iter().all(among)
    }

    /// Whether what is read of it is read again each time from a file that another program
    /// may change, rather than kept here.
    pub(super) fn changes(&self) -> bool {
        matches!(self.place, Place::File { .. })
    }

    /// The bytes of `range` of the summaries, if they could be read.
    pub(super) fn summary(&self, range: &Range<usize>) -> Option<&[u8]> {
        let start = self.summaries.start;
        let within = range.start.checked_sub(start)?..range.end.checked_sub(start)?;
        let all = match &self.place {
            Place::Memory(bytes) => bytes.get(self.summaries.clone())?,
            Place::File {
                file,
                len,
                summaries,
            } => summaries
                .get_or_init(|| {
                    // The region was checked to lie within the file's length when it was
                    // opened: a damaged index cannot make this allocate more than the file.
                    if self.summaries.end > *len {
                        return None;
                    }
                    let mut bytes = vec![0; self.summaries.len()].into_boxed_slice();
                    read_exact_at(file, &mut bytes, start as u64).ok()?;
                    Some(bytes)
                })
                .as_deref()?,
        };
        all.get(within)
    }

    /// Parts `ranges`, in order, as one run of bytes: borrowed when they lie together in
    /// memory, else read (with `pread`, from the file); `None` when they cannot be read (the
    /// file was cut short, or reading failed).
    pub(super) fn read(&self, ranges: [&Range<usize>; 3]) -> Option<Joined<'_>> {
        let mut ends = [0; 3];
        let mut total = 0;
        for (end, range) in ends.iter_mut().zip(ranges) {
            if range.start > range.end || range.end > self.len() {
                return None;
            }
            total += range.len();
            *end = total;
        }
        // Parts laid one after the other (as every segment lays them) are read at once.
        let mut at = None;
        let together = ranges.iter().filter(|r| !r.is_empty()).all(|r| {
            let follows = at.is_none_or(|at| at == r.start);
            at = Some(r.end);
            follows
        });
        let first = ranges.iter().find(|r| !r.is_empty()).map_or(0, |r| r.start);
        let bytes = match &self.place {
            Place::Memory(bytes) if together => Cow::Borrowed(bytes.get(first..first + total)?),
            Place::Memory(bytes) => {
                let mut joined = Vec::with_capacity(total);
                for range in ranges {
                    joined.extend_from_slice(bytes.get(range.clone())?);
                }
                Cow::Owned(joined)
            }
            Place::File { file, .. } => {
                let mut joined = vec![0; total];
                if together {
                    read_exact_at(file, &mut joined, first as u64).ok()?;
                } else {
                    let mut at = 0;
                    for range in ranges {
                        read_exact_at(file, &mut joined[at..at + range.len()], range.start as u64)
                            .ok()?;
                        at += range.len();
                    }
                }
                Cow::Owned(joined)
            }
        };
        Some(Joined { bytes, ends })
    }
}

/// Reads exactly `buffer.len()` bytes of `file` from `offset`, without moving its cursor.
#[cfg(unix)]
fn read_exact_at(file: &File, buffer: &mut [u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buffer, offset)
}

/// Reads exactly `buffer.len()` bytes of `file` from `offset` (moving its cursor, which
/// nothing else uses).
#[cfg(windows)]
fn read_exact_at(file: &File, mut buffer: &mut [u8], mut offset: u64) -> std::io::Result<()> {
    while !buffer.is_empty() {
        match std::os::windows::fs::FileExt::seek_read(file, buffer, offset) {
            Ok(0) => return Err(std::io::ErrorKind::UnexpectedEof.into()),
            Ok(n) => {
                buffer = &mut std::mem::take(&mut buffer)[n..];
                offset += n as u64;
            }
            Err(err) if err.kind() == std::io::ErrorKind::Interrupted => {}
            Err(err) => return Err(err),
        }
    }
    Ok(())
}

/// Elsewhere a cache file cannot be read without a cursor shared by every thread: its
/// articles are read from their own files.
#[cfg(not(any(unix, windows)))]
fn read_exact_at(_: &File, _: &mut [u8], _: u64) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
}
