//! An article's text as the catalog keeps it: in a segment, a run of bytes in memory or in a
//! cache file, holding for each article its normalised text, its blocks, its folded text, the
//! marks that map a folded match back to the text, and its summary: the trigram signature,
//! folded title and first bytes of the folded text that every search reads.
//!
//! Here: where an article's parts lie in its segment, and reading them, checked against their
//! checksums; the segment itself is in `segment`, and laying one out in `builder`.

mod builder;
mod segment;

use std::borrow::Cow;
use std::ops::Range;
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};

pub use builder::{Built, SegmentBuilder};
pub use segment::Segment;

use crate::text::fold::Mark;

use super::article::{Block, BlockKind};

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
                3 => BlockKind::Byline,
                _ => return None,
            };
            let range = u32_at(&b[1..5]) as usize..u32_at(&b[5..9]) as usize;
            Some(Block { kind, range })
        })
        .collect()
}

fn u32_at(bytes: &[u8]) -> u32 {
    u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]])
}
