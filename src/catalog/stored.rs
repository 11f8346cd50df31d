//! An article's text as the catalog keeps it: in a segment, a run of bytes in memory or in a
//! cache file, holding for each article its normalised text, its blocks, its folded text, the
//! marks that map a folded match back to the text, and its summary: the trigram signature,
//! folded title and first bytes of the folded text that every search reads.
//!
//! A cache file is read with `pread`, never mapped: another program may cut it short or
//! rewrite it while docbao runs, and a page of a map that is no longer in the file kills the
//! process (SIGBUS) where a read only fails. The summaries are read once and kept; the rest is
//! read when used.

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
    fn changes(&self) -> bool {
        matches!(self.place, Place::File { .. })
    }

    /// The bytes of `range` of the summaries, if they could be read.
    fn summary(&self, range: &Range<usize>) -> Option<&[u8]> {
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

/// Bytes of the start of an article's folded text kept in its summary (less, to end on a
/// character): the first letters typed match within them in most articles, so that these
/// searches read no file at all.
pub const HEAD: usize = 256;

/// Bytes of folded text each of an article's folded checksums covers: a search that finds
/// what it looks for in the kilobyte it reads first (the one where the query it extends first
/// matched, or the first) reads no more of the article, and checks no more than it read.
pub const CHUNK: usize = 1024;

/// Where one article's parts are in a segment.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Parts {
    /// The normalised text.
    pub text: Range<usize>,
    /// The blocks, nine bytes each: kind, start, end.
    pub blocks: Range<usize>,
    /// The marks, eight bytes each.
    pub marks: Range<usize>,
    /// The folded text the reader shows (from `shown_start`).
    pub folded: Range<usize>,
    /// The folded text's trigram signature (see [`crate::text::grams`]), in the summary.
    pub grams: Range<usize>,
    /// The folded title, in the summary.
    pub title: Range<usize>,
    /// The first [`HEAD`] bytes of the folded text, in the summary.
    pub head: Range<usize>,
    /// A CRC-32 for each [`CHUNK`] of the folded text, four bytes each, in the summary.
    pub chunks: Range<usize>,
    /// CRC-32 of the text, blocks and marks, in that order.
    pub crc: u32,
    /// CRC-32 of the summary: signature, title, head and chunk checksums, in that order.
    pub summary_crc: u32,
}

impl Parts {
    /// The same parts in a segment where the summary starts `summary` bytes further in, the
    /// folded text `searched` bytes further in and the rest `read` bytes further in.
    pub fn placed(&self, summary: usize, searched: usize, read: usize) -> Parts {
        let shift = |r: &Range<usize>, by: usize| r.start + by..r.end + by;
        Parts {
            text: shift(&self.text, read),
            blocks: shift(&self.blocks, read),
            marks: shift(&self.marks, read),
            folded: shift(&self.folded, searched),
            grams: shift(&self.grams, summary),
            title: shift(&self.title, summary),
            head: shift(&self.head, summary),
            chunks: shift(&self.chunks, summary),
            crc: self.crc,
            summary_crc: self.summary_crc,
        }
    }

    /// Every part, in the order the index lists them.
    pub fn ranges(&self) -> [&Range<usize>; 8] {
        [
            &self.text,
            &self.blocks,
            &self.marks,
            &self.folded,
            &self.grams,
            &self.title,
            &self.head,
            &self.chunks,
        ]
    }

    /// Whether every part lies within `len` bytes, and there is a checksum for each chunk of
    /// the folded text.
    pub fn fits(&self, len: usize) -> bool {
        self.ranges()
            .iter()
            .all(|r| r.start <= r.end && r.end <= len)
            && self.chunks.len() == self.folded.len().div_ceil(CHUNK) * 4
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
    /// [`Stored::folded_span`]).
    checked: Arc<AtomicU8>,
}

/// What every search reads of an article, kept in memory once read and checked.
#[derive(Debug, Clone, Copy)]
pub struct Summary<'a> {
    /// The folded text's trigram signature.
    pub grams: &'a [u8],
    /// The folded title.
    pub title: &'a [u8],
    /// The first bytes of the folded text (see [`HEAD`]).
    pub head: &'a [u8],
    /// The checksum of each chunk of the folded text.
    chunks: &'a [u8],
    /// How long the folded text is.
    pub len: usize,
}

/// Some of an article's folded text, read and checked.
#[derive(Debug, Clone)]
pub struct Span<'a> {
    /// Where it starts in the folded text (at a chunk).
    pub start: usize,
    bytes: Cow<'a, [u8]>,
}

impl Span<'_> {
    /// Its bytes.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }
}

/// An article's text, blocks and marks, read and checked.
#[derive(Debug, Clone)]
pub struct Text<'a> {
    /// The normalised text.
    pub text: Cow<'a, str>,
    /// Its blocks.
    pub blocks: Vec<Block>,
    /// The marks that map offsets of the folded text back to the text.
    pub marks: Vec<Mark>,
}

/// Bits of [`Stored::checked`]: each part found good (only kept for bytes that cannot change
/// after, see [`Stored::folded_span`]) or bad (kept for good).
const TEXT_GOOD: u8 = 1;
const TEXT_BAD: u8 = 2;
const FOLDED_GOOD: u8 = 4;
const FOLDED_BAD: u8 = 8;
const SUMMARY_GOOD: u8 = 16;
const SUMMARY_BAD: u8 = 32;

/// No part: what fills a checksum's parts when it covers fewer.
const NONE: Range<usize> = 0..0;

impl Stored {
    /// An article's parts in a segment, not checked yet.
    pub fn new(segment: Arc<Segment>, parts: Parts) -> Stored {
        Stored {
            segment,
            parts,
            checked: Arc::new(AtomicU8::new(0)),
        }
    }

    /// Whether a part was found not to be what was stored, or could not be read (so the
    /// file is read instead).
    pub fn damaged(&self) -> bool {
        self.checked.load(Ordering::Relaxed) & (TEXT_BAD | FOLDED_BAD | SUMMARY_BAD) != 0
    }

    /// Records what checking a part found (`good` or `bad`), and says it.
    fn found(&self, ok: bool, good: u8, bad: u8) -> bool {
        self.checked
            .fetch_or(if ok { good } else { bad }, Ordering::Relaxed);
        ok
    }

    /// The summary, if it is what was stored. Summaries are kept in memory once read (see
    /// [`Segment`]) and cannot change after, so each is checked once.
    pub fn summary(&self) -> Option<Summary<'_>> {
        let known = self.checked.load(Ordering::Relaxed);
        if known & SUMMARY_BAD != 0 {
            return None;
        }
        let p = &self.parts;
        let summary = (|| {
            Some(Summary {
                grams: self.segment.summary(&p.grams)?,
                title: self.segment.summary(&p.title)?,
                head: self.segment.summary(&p.head)?,
                chunks: self.segment.summary(&p.chunks)?,
                len: p.folded.len(),
            })
        })();
        if known & SUMMARY_GOOD != 0 {
            return summary;
        }
        let good = summary.is_some_and(|s| {
            let mut crc = crc32fast::Hasher::new();
            for part in [s.grams, s.title, s.head, s.chunks] {
                crc.update(part);
            }
            crc.finalize() == p.summary_crc
        });
        self.found(good, SUMMARY_GOOD, SUMMARY_BAD);
        summary.filter(|_| good)
    }

    /// The folded text's trigram signature, if it is what was stored.
    pub fn grams(&self) -> Option<&[u8]> {
        self.summary().map(|s| s.grams)
    }

    /// The folded text from the chunk holding `start` to that holding `end - 1` (to its end,
    /// at most), read and checked against the checksum of each chunk; `None` when it is not
    /// what was stored or cannot be read, which marks the folded text bad for good, so that
    /// the article is read from its file from then on (and dropped from the cache, see
    /// [`Stored::damaged`]).
    ///
    /// A segment in memory is checked once: its bytes are this process's own and cannot
    /// change. A cache file can: another program may cut it short or rewrite it at any time,
    /// so whatever is read of it is checked each time it is read, in the buffer it was read
    /// into, and only that buffer is used: checking once and trusting later reads would let a
    /// search use bytes no checksum ever saw. The checksums themselves are in the summary, in
    /// memory, checked once. The cost is a CRC-32 of what is read, at several gigabytes a
    /// second: small beside the read itself.
    pub fn folded_span(&self, range: Range<usize>) -> Option<Span<'_>> {
        let known = self.checked.load(Ordering::Relaxed);
        if known & FOLDED_BAD != 0 {
            return None;
        }
        let summary = self.summary()?;
        let first = range.start.min(summary.len) / CHUNK;
        let last = range.end.min(summary.len).div_ceil(CHUNK).max(first + 1);
        let span = first * CHUNK..(last * CHUNK).min(summary.len);
        let at = self.parts.folded.start;
        let read = self
            .segment
            .read([&(at + span.start..at + span.end), &NONE, &NONE]);
        let trusted = known & FOLDED_GOOD != 0 && !self.segment.changes();
        let sums = summary.chunks.get(first * 4..).unwrap_or_default();
        let good = trusted
            || read.as_ref().is_some_and(|read| {
                let chunks = read.bytes.chunks(CHUNK);
                chunks.len() <= sums.len() / 4
                    && chunks
                        .zip(sums.chunks_exact(4))
                        .all(|(chunk, sum)| crc32fast::hash(chunk) == u32_at(sum))
            });
        let whole = span.len() == summary.len;
        if !good || (whole && !self.segment.changes()) {
            self.found(good, FOLDED_GOOD, FOLDED_BAD);
        }
        let read = read.filter(|_| good)?;
        Some(Span {
            start: span.start,
            bytes: read.bytes,
        })
    }

    /// The whole folded text, if it is what was stored.
    pub fn folded(&self) -> Option<Span<'_>> {
        self.folded_span(0..self.parts.folded.len())
    }

    /// The text, blocks and marks, read and checked: `None` when they are not what was stored
    /// or cannot be read, which marks them bad for good (as [`Stored::folded_span`] does).
    pub fn text(&self) -> Option<Text<'_>> {
        let known = self.checked.load(Ordering::Relaxed);
        if known & TEXT_BAD != 0 {
            return None;
        }
        let p = &self.parts;
        let read = self.segment.read([&p.text, &p.blocks, &p.marks]);
        let trusted = known & TEXT_GOOD != 0 && !self.segment.changes();
        let good = trusted
            || read
                .as_ref()
                .is_some_and(|r| crc32fast::hash(&r.bytes) == p.crc);
        if !good || !self.segment.changes() {
            self.found(good, TEXT_GOOD, TEXT_BAD);
        }
        let read = read.filter(|_| good)?;
        let blocks = blocks(read.part(1))?;
        let marks = read
            .part(2)
            .chunks_exact(8)
            .map(|m| (u32_at(&m[..4]), u32_at(&m[4..])))
            .collect();
        let text = match read.bytes {
            Cow::Borrowed(bytes) => {
                Cow::Borrowed(simdutf8::basic::from_utf8(&bytes[..read.ends[0]]).ok()?)
            }
            // Checked quickly, then copied: quicker than the standard library's check.
            Cow::Owned(bytes) => Cow::Owned(
                simdutf8::basic::from_utf8(&bytes[..read.ends[0]])
                    .ok()?
                    .to_owned(),
            ),
        };
        Some(Text {
            text,
            blocks,
            marks,
        })
    }

    /// Checks every part against its checksum, as a first search and a first opening would.
    pub fn check_parts(&self) {
        self.folded();
        self.text();
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
fn checksum<const N: usize>(bytes: &[u8], ranges: [&Range<usize>; N]) -> u32 {
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

/// Lays out a segment: the summaries of every article first, together (every search reads
/// them all, so they are read whole and kept), then what a search reads of the articles their
/// summary cannot decide (folded texts, a chunk or two at a time), then what opening one or
/// placing a match reads (text, blocks and marks, one read).
#[derive(Debug, Default)]
pub struct SegmentBuilder {
    /// Bytes before the articles' (the segment's header).
    start: usize,
    /// Summaries: trigram signatures, folded titles, heads of the folded texts.
    summaries: Vec<u8>,
    /// Folded texts.
    searched: Vec<u8>,
    /// Texts, blocks and marks.
    read: Vec<u8>,
    /// Each article's parts, within `summaries`, `searched` and `read`.
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

    /// Adds an article: its text, blocks and marks, its folded text, and its summary.
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
        let marks: Vec<u8> = marks
            .iter()
            .flat_map(|(f, o)| f.to_le_bytes().into_iter().chain(o.to_le_bytes()))
            .collect();
        let marks = put(&mut self.read, &marks);
        let folded = folded.as_bytes();
        let grams = put(&mut self.summaries, &grams::signature(folded));
        let title = put(&mut self.summaries, title.as_bytes());
        let mut end = HEAD.min(folded.len());
        while end > 0 && folded.get(end).is_some_and(|&b| b & 0xC0 == 0x80) {
            end -= 1;
        }
        let head = put(&mut self.summaries, &folded[..end]);
        let sums: Vec<u8> = folded
            .chunks(CHUNK)
            .flat_map(|chunk| crc32fast::hash(chunk).to_le_bytes())
            .collect();
        let chunks = put(&mut self.summaries, &sums);
        self.parts.push(Parts {
            crc: checksum(&self.read, [&text, &blocks, &marks]),
            summary_crc: checksum(&self.summaries, [&grams, &title, &head, &chunks]),
            folded: put(&mut self.searched, folded),
            text,
            blocks,
            marks,
            grams,
            title,
            head,
            chunks,
        });
    }

    /// Adds the articles of another builder, after those of this one.
    pub fn append(&mut self, other: SegmentBuilder) {
        let (summaries, searched, read) =
            (self.summaries.len(), self.searched.len(), self.read.len());
        self.parts.extend(
            other
                .parts
                .into_iter()
                .map(|p| p.placed(summaries, searched, read)),
        );
        self.summaries.extend_from_slice(&other.summaries);
        self.searched.extend_from_slice(&other.searched);
        self.read.extend_from_slice(&other.read);
    }

    /// Whether nothing has been added.
    pub fn is_empty(&self) -> bool {
        self.parts.is_empty()
    }

    /// The bytes (to keep in memory or write to a file), where the summaries lie in them,
    /// and each article's parts in them, in the order they were added.
    pub fn finish(self) -> Built {
        let mut bytes = vec![0; self.start];
        bytes.reserve(self.summaries.len() + self.searched.len() + self.read.len());
        let summaries = bytes.len();
        bytes.extend_from_slice(&self.summaries);
        let searched = bytes.len();
        bytes.extend_from_slice(&self.searched);
        let read = bytes.len();
        bytes.extend_from_slice(&self.read);
        let parts = self
            .parts
            .into_iter()
            .map(|p| p.placed(summaries, searched, read))
            .collect();
        Built {
            bytes,
            summaries: summaries..searched,
            parts,
        }
    }
}

/// A segment as [`SegmentBuilder`] lays it out, before it is kept in memory or written.
#[derive(Debug, Default)]
pub struct Built {
    /// Its bytes.
    pub bytes: Vec<u8>,
    /// Where the summaries lie in them.
    pub summaries: Range<usize>,
    /// Each article's parts in them, in the order they were added.
    pub parts: Vec<Parts>,
}

impl Built {
    /// The segment, kept in memory, and each article's parts in it.
    pub fn in_memory(self) -> (Arc<Segment>, Vec<Parts>) {
        (
            Arc::new(Segment::memory(self.bytes, self.summaries)),
            self.parts,
        )
    }
}
