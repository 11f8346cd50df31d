//! An article's text as the catalog keeps it: in a segment, a run of bytes in memory or in a
//! cache file, holding for each article its normalised text, its blocks, its folded text
//! and title, the marks that map a folded match back to the text, and its trigram signature.
//!
//! A cache file is read with `pread`, never mapped: another program may cut it short or
//! rewrite it while docbao runs, and a page of a map that is no longer in the file kills the
//! process (SIGBUS) where a read only fails.

use std::borrow::Cow;
use std::fs::File;
use std::ops::Range;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Arc, OnceLock};

use crate::text::fold::{self, Mark};
use crate::text::grams;

use super::article::{Article, Block, BlockKind};

/// One segment: the text and folded text of many articles.
#[derive(Debug)]
pub struct Segment {
    place: Place,
    /// The cache file it is read from, if it is.
    name: Option<String>,
    /// Where the signatures of its articles lie, together.
    grams: Range<usize>,
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
        /// The signatures, read whole the first time one is wanted (every search reads them
        /// all, and they are a sixteenth of the folded text); `None` when reading failed.
        /// Not read at opening, so that a large archive's first frame waits for none of them.
        grams: OnceLock<Option<Box<[u8]>>>,
    },
}

/// Some parts of a segment read one after the other into one run of bytes.
#[derive(Debug, Clone)]
struct Joined<'a> {
    bytes: Cow<'a, [u8]>,
    /// Where each part ends in `bytes`.
    ends: [usize; 3],
}

impl Joined<'_> {
    fn part(&self, n: usize) -> &[u8] {
        let start = if n == 0 { 0 } else { self.ends[n - 1] };
        &self.bytes[start..self.ends[n]]
    }
}

impl Segment {
    /// A segment built in memory, its signatures at `grams`.
    pub fn memory(bytes: Vec<u8>, grams: Range<usize>) -> Segment {
        Segment {
            place: Place::Memory(bytes),
            name: None,
            grams,
        }
    }

    /// A segment in the cache file `name`, open as `file`, of `len` bytes, its signatures at
    /// `grams` (and these, when they are at hand, as after writing them).
    pub fn file(
        name: String,
        file: File,
        len: usize,
        grams: Range<usize>,
        signatures: Option<Vec<u8>>,
    ) -> Segment {
        let loaded = OnceLock::new();
        if let Some(signatures) = signatures {
            let _ = loaded.set(Some(signatures.into_boxed_slice()));
        }
        Segment {
            place: Place::File {
                file,
                len,
                grams: loaded,
            },
            name: Some(name),
            grams,
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

    /// Where the signatures of its articles lie, together.
    pub fn grams(&self) -> Range<usize> {
        self.grams.clone()
    }

    /// All of its bytes, when it is in memory.
    pub fn in_memory(&self) -> Option<&[u8]> {
        match &self.place {
            Place::Memory(bytes) => Some(bytes),
            Place::File { .. } => None,
        }
    }

    /// Whether an article's parts all lie within it, its signature among the signatures.
    pub fn holds(&self, parts: &Parts) -> bool {
        parts.fits(self.len())
            && self.grams.start <= parts.grams.start
            && parts.grams.end <= self.grams.end
    }

    /// Whether what is read of it is read again each time from a file that another program
    /// may change, rather than kept here.
    fn changes(&self) -> bool {
        matches!(self.place, Place::File { .. })
    }

    /// The bytes of `range` of the signatures, if they could be read.
    fn signature(&self, range: &Range<usize>) -> Option<&[u8]> {
        let within =
            range.start.checked_sub(self.grams.start)?..range.end.checked_sub(self.grams.start)?;
        let all = match &self.place {
            Place::Memory(bytes) => bytes.get(self.grams.clone())?,
            Place::File { file, len, grams } => grams
                .get_or_init(|| {
                    // The region was checked to lie within the file's length when it was
                    // opened: a damaged index cannot make this allocate more than the file.
                    if self.grams.end > *len {
                        return None;
                    }
                    let mut bytes = vec![0; self.grams.len()].into_boxed_slice();
                    read_exact_at(file, &mut bytes, self.grams.start as u64).ok()?;
                    Some(bytes)
                })
                .as_deref()?,
        };
        all.get(within)
    }

    /// Parts `ranges`, in order, as one run of bytes: borrowed when they lie together in
    /// memory, else read (with `pread`, from the file); `None` when they cannot be read (the
    /// file was cut short, or reading failed).
    fn read(&self, ranges: [&Range<usize>; 3]) -> Option<Joined<'_>> {
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

/// Where one article's parts are in a segment.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Parts {
    /// The normalised text.
    pub text: Range<usize>,
    /// The blocks, nine bytes each: kind, start, end.
    pub blocks: Range<usize>,
    /// The folded text the reader shows (from `shown_start`).
    pub folded: Range<usize>,
    /// The folded title.
    pub title: Range<usize>,
    /// The marks, eight bytes each.
    pub marks: Range<usize>,
    /// The folded text's trigram signature (see [`crate::text::grams`]).
    pub grams: Range<usize>,
    /// CRC-32 of the text and blocks, in that order.
    pub crc: u32,
    /// CRC-32 of the folded text, title and marks, in that order: checked apart, since a
    /// search reads these and only these.
    pub folded_crc: u32,
    /// CRC-32 of the signature: checked on its own, since a search reads it for every article
    /// and the folded text only for few.
    pub grams_crc: u32,
}

impl Parts {
    /// The same parts in a segment where the signature starts `grams` bytes further in, the
    /// other folded parts `searched` bytes further in and the rest `read` bytes further in.
    pub fn placed(&self, grams: usize, searched: usize, read: usize) -> Parts {
        let shift = |r: &Range<usize>, by: usize| r.start + by..r.end + by;
        Parts {
            text: shift(&self.text, read),
            blocks: shift(&self.blocks, read),
            folded: shift(&self.folded, searched),
            title: shift(&self.title, searched),
            marks: shift(&self.marks, searched),
            grams: shift(&self.grams, grams),
            crc: self.crc,
            folded_crc: self.folded_crc,
            grams_crc: self.grams_crc,
        }
    }

    /// Whether every part lies within `len` bytes.
    pub fn fits(&self, len: usize) -> bool {
        [
            &self.text,
            &self.blocks,
            &self.folded,
            &self.title,
            &self.marks,
            &self.grams,
        ]
        .iter()
        .all(|r| r.start <= r.end && r.end <= len)
    }
}

/// An article's parts in a segment.
#[derive(Debug, Clone)]
pub struct Stored {
    /// The segment.
    pub segment: Arc<Segment>,
    /// Where in it.
    pub parts: Parts,
    /// What checking its checksums found, shared by every copy of this entry (see
    /// [`Stored::read`]).
    checked: Arc<AtomicU8>,
}

/// What searching an article needs, read from its segment and checked: its folded text and
/// title, and the marks that map the folded text back to the text.
#[derive(Debug, Clone)]
pub struct Folded<'a> {
    parts: Joined<'a>,
}

impl Folded<'_> {
    /// The folded shown text.
    pub fn text(&self) -> &[u8] {
        self.parts.part(0)
    }

    /// The folded title.
    pub fn title(&self) -> &[u8] {
        self.parts.part(1)
    }

    /// The marks that map folded offsets back to the text.
    pub fn marks(&self) -> Vec<Mark> {
        self.parts
            .part(2)
            .chunks_exact(8)
            .map(|m| (u32_at(&m[..4]), u32_at(&m[4..])))
            .collect()
    }
}

/// Some parts, the checksum that covers them, and their bits of [`Stored::checked`].
struct Part<'a> {
    ranges: [&'a Range<usize>; 3],
    crc: u32,
    good: u8,
    bad: u8,
}

/// No part: what fills a checksum's three parts when it covers fewer.
const NONE: Range<usize> = 0..0;

/// Bits of [`Stored::checked`].
const TEXT_GOOD: u8 = 1;
const TEXT_BAD: u8 = 2;
const FOLDED_GOOD: u8 = 4;
const FOLDED_BAD: u8 = 8;
const GRAMS_GOOD: u8 = 16;
const GRAMS_BAD: u8 = 32;

impl Stored {
    /// An article's parts in a segment, not checked yet.
    pub fn new(segment: Arc<Segment>, parts: Parts) -> Stored {
        Stored {
            segment,
            parts,
            checked: Arc::new(AtomicU8::new(0)),
        }
    }

    /// The text and blocks.
    fn text_part(&self) -> Part<'_> {
        let p = &self.parts;
        Part {
            ranges: [&p.text, &p.blocks, &NONE],
            crc: p.crc,
            good: TEXT_GOOD,
            bad: TEXT_BAD,
        }
    }

    /// The folded text, title and marks.
    fn folded_part(&self) -> Part<'_> {
        let p = &self.parts;
        Part {
            ranges: [&p.folded, &p.title, &p.marks],
            crc: p.folded_crc,
            good: FOLDED_GOOD,
            bad: FOLDED_BAD,
        }
    }

    /// Reads `part` and checks it against its checksum: the bytes returned are the bytes
    /// checked, or `None` when they are not what was stored or cannot be read. Either marks the
    /// part bad for good, so that the article is read from its file from then on (and
    /// dropped from the cache, see [`Stored::damaged`]).
    ///
    /// A segment in memory is checked once: its bytes are this process's own and cannot
    /// change. A cache file can: another program may cut it short or rewrite it at any time,
    /// so whatever is read of it is checked each time it is read, in the buffer it was read
    /// into, and only that buffer is used. Checking once and trusting later reads would let a
    /// search use bytes no checksum ever saw. The cost is a CRC-32 of what is read, a few
    /// kilobytes an article at several gigabytes a second: small beside the read itself.
    fn read(&self, part: &Part<'_>) -> Option<Joined<'_>> {
        let known = self.checked.load(Ordering::Relaxed);
        if known & part.bad != 0 {
            return None;
        }
        let read = self.segment.read(part.ranges);
        if known & part.good != 0 && !self.segment.changes() {
            return read;
        }
        let good = read
            .as_ref()
            .is_some_and(|r| crc32fast::hash(&r.bytes) == part.crc);
        self.checked
            .fetch_or(if good { part.good } else { part.bad }, Ordering::Relaxed);
        read.filter(|_| good)
    }

    /// Whether a part was found not to be what was stored, or could not be read (so the
    /// file is read instead).
    pub fn damaged(&self) -> bool {
        self.checked.load(Ordering::Relaxed) & (TEXT_BAD | FOLDED_BAD | GRAMS_BAD) != 0
    }

    /// The folded text's trigram signature, if it is what was stored. Signatures are kept in
    /// memory once read (see [`Segment`]), so each is checked once.
    pub fn grams(&self) -> Option<&[u8]> {
        let known = self.checked.load(Ordering::Relaxed);
        if known & GRAMS_BAD != 0 {
            return None;
        }
        let grams = self.segment.signature(&self.parts.grams);
        if known & GRAMS_GOOD != 0 {
            return grams;
        }
        let good = grams.is_some_and(|g| crc32fast::hash(g) == self.parts.grams_crc);
        self.checked
            .fetch_or(if good { GRAMS_GOOD } else { GRAMS_BAD }, Ordering::Relaxed);
        grams.filter(|_| good)
    }

    /// Checks every part against its checksum, as a first search and a first opening would.
    pub fn check_parts(&self) {
        self.grams();
        self.read(&self.folded_part());
        self.read(&self.text_part());
    }

    /// The folded text, title and marks, for searching, if they are what was stored.
    pub fn folded(&self) -> Option<Folded<'_>> {
        self.read(&self.folded_part()).map(|parts| Folded { parts })
    }

    /// The normalised text, if it is what was stored.
    pub fn text(&self) -> Option<Cow<'_, str>> {
        self.text_and_blocks().map(|(text, _)| text)
    }

    /// The normalised text and its blocks, if they are what was stored and well formed.
    pub fn text_and_blocks(&self) -> Option<(Cow<'_, str>, Vec<Block>)> {
        let read = self.read(&self.text_part())?;
        let blocks = blocks(read.part(1))?;
        let text = match read.bytes {
            Cow::Borrowed(bytes) => {
                Cow::Borrowed(simdutf8::basic::from_utf8(&bytes[..read.ends[0]]).ok()?)
            }
            Cow::Owned(mut bytes) => {
                bytes.truncate(read.ends[0]);
                Cow::Owned(String::from_utf8(bytes).ok()?)
            }
        };
        Some((text, blocks))
    }
}

/// Blocks as a segment keeps them, nine bytes each: kind, start, end.
fn blocks(bytes: &[u8]) -> Option<Vec<Block>> {
    bytes
        .chunks_exact(9)
        .map(|b| {
            let kind = match b[0] {
                0 => BlockKind::Paragraph,
                1 => BlockKind::Heading,
                2 => BlockKind::Caption,
                _ => return None,
            };
            let range = u32_at(&b[1..5]) as usize..u32_at(&b[5..9]) as usize;
            Some(Block { kind, range })
        })
        .collect()
}

/// CRC-32 of some parts of `bytes`, in order.
fn checksum(bytes: &[u8], ranges: [&Range<usize>; 3]) -> u32 {
    let mut crc = crc32fast::Hasher::new();
    for range in ranges {
        crc.update(bytes.get(range.clone()).unwrap_or_default());
    }
    crc.finalize()
}

fn u32_at(bytes: &[u8]) -> u32 {
    u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]])
}

/// Offsets are kept in 32 bits; files are capped far below 4 GiB when read.
fn offset(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Lays out a segment: the signatures of every article first, together (every search reads
/// them all, so they are read whole and kept), then what a search reads of the articles it
/// cannot rule out (folded text, title and marks, one read an article), then what opening one
/// reads (text and blocks, one read).
#[derive(Debug, Default)]
pub struct SegmentBuilder {
    /// Bytes before the articles' (the segment's header).
    start: usize,
    /// Trigram signatures.
    grams: Vec<u8>,
    /// Folded texts, titles and marks.
    searched: Vec<u8>,
    /// Texts and blocks.
    read: Vec<u8>,
    /// Each article's parts: the folded ones within `searched`, the others within `read`.
    parts: Vec<Parts>,
}

impl SegmentBuilder {
    /// A builder whose bytes will start `start` bytes into the segment (after its header).
    pub fn starting_at(start: usize) -> SegmentBuilder {
        SegmentBuilder {
            start,
            ..SegmentBuilder::default()
        }
    }

    /// Adds an article: its text and blocks, and its folded text, title and marks.
    pub fn add(&mut self, article: &Article) {
        let (folded, marks) = fold::fold_marked(article.shown_text());
        let title = fold::fold(&article.title);
        let put = |into: &mut Vec<u8>, bytes: &[u8]| {
            let start = into.len();
            into.extend_from_slice(bytes);
            start..into.len()
        };
        let text = put(&mut self.read, article.text.as_bytes());
        let mut blocks = Vec::with_capacity(article.blocks.len() * 9);
        for block in &article.blocks {
            blocks.push(match block.kind {
                BlockKind::Paragraph => 0,
                BlockKind::Heading => 1,
                BlockKind::Caption => 2,
            });
            blocks.extend(offset(block.range.start).to_le_bytes());
            blocks.extend(offset(block.range.end).to_le_bytes());
        }
        let blocks = put(&mut self.read, &blocks);
        let signature = grams::signature(folded.as_bytes());
        let folded = put(&mut self.searched, folded.as_bytes());
        let title = put(&mut self.searched, title.as_bytes());
        let marks: Vec<u8> = marks
            .iter()
            .flat_map(|(f, o)| f.to_le_bytes().into_iter().chain(o.to_le_bytes()))
            .collect();
        let marks = put(&mut self.searched, &marks);
        let grams = put(&mut self.grams, &signature);
        let crc = checksum(&self.read, [&text, &blocks, &(0..0)]);
        let folded_crc = checksum(&self.searched, [&folded, &title, &marks]);
        self.parts.push(Parts {
            text,
            blocks,
            folded,
            title,
            marks,
            grams,
            crc,
            folded_crc,
            grams_crc: crc32fast::hash(&signature),
        });
    }

    /// Adds the articles of another builder, after those of this one.
    pub fn append(&mut self, other: SegmentBuilder) {
        let (grams, searched, read) = (self.grams.len(), self.searched.len(), self.read.len());
        self.parts.extend(
            other
                .parts
                .into_iter()
                .map(|p| p.placed(grams, searched, read)),
        );
        self.grams.extend_from_slice(&other.grams);
        self.searched.extend_from_slice(&other.searched);
        self.read.extend_from_slice(&other.read);
    }

    /// Whether nothing has been added.
    pub fn is_empty(&self) -> bool {
        self.parts.is_empty()
    }

    /// The bytes (to keep in memory or write to a file), where the signatures lie in them,
    /// and each article's parts in them, in the order they were added.
    pub fn finish(self) -> Built {
        let mut bytes = vec![0; self.start];
        bytes.reserve(self.grams.len() + self.searched.len() + self.read.len());
        let grams = bytes.len();
        bytes.extend_from_slice(&self.grams);
        let searched = bytes.len();
        bytes.extend_from_slice(&self.searched);
        let read = bytes.len();
        bytes.extend_from_slice(&self.read);
        let parts = self
            .parts
            .into_iter()
            .map(|p| p.placed(grams, searched, read))
            .collect();
        Built {
            bytes,
            grams: grams..searched,
            parts,
        }
    }
}

/// A segment as [`SegmentBuilder`] lays it out, before it is kept in memory or written.
#[derive(Debug, Default)]
pub struct Built {
    /// Its bytes.
    pub bytes: Vec<u8>,
    /// Where the signatures lie in them.
    pub grams: Range<usize>,
    /// Each article's parts in them, in the order they were added.
    pub parts: Vec<Parts>,
}

impl Built {
    /// The segment, kept in memory, and each article's parts in it.
    pub fn in_memory(self) -> (Arc<Segment>, Vec<Parts>) {
        (
            Arc::new(Segment::memory(self.bytes, self.grams)),
            self.parts,
        )
    }
}
