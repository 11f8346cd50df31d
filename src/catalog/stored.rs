//! An article's text as the catalog keeps it: in a segment, a run of bytes in memory or mapped
//! from the cache, holding for each article its normalised text, its blocks, its folded text
//! and title, and the marks that map a folded match back to the text.

use std::ops::Range;
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};

use crate::text::fold::{self, Mark};
use crate::text::grams;

use super::article::{Article, Block, BlockKind};

/// Bytes a segment is made of.
#[derive(Debug)]
pub enum Bytes {
    /// Built in memory (no cache, or while indexing).
    Memory(Vec<u8>),
    /// Mapped from a cache file.
    Mapped(memmap2::Mmap),
}

/// One segment: the text and folded text of many articles.
#[derive(Debug)]
pub struct Segment {
    bytes: Bytes,
    /// The cache file it was mapped from, if it was.
    name: Option<String>,
    /// That file, open, to read parts of it without touching the map.
    file: Option<std::fs::File>,
}

impl Segment {
    /// A segment over these bytes.
    pub fn new(bytes: Bytes) -> Segment {
        Segment {
            bytes,
            name: None,
            file: None,
        }
    }

    /// A segment mapped from the cache file `name`.
    pub fn mapped(name: String, map: memmap2::Mmap, file: std::fs::File) -> Segment {
        Segment {
            bytes: Bytes::Mapped(map),
            name: Some(name),
            file: Some(file),
        }
    }

    /// CRC-32 of some parts, in order, read from the segment's file: `None` when it has no
    /// file or reading fails (the caller then reads the bytes where they are).
    fn read_parts(&self, ranges: [&Range<usize>; 3]) -> Option<u32> {
        thread_local! {
            static BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
        }
        let file = self.file.as_ref()?;
        BUFFER.with_borrow_mut(|buffer| {
            let mut crc = crc32fast::Hasher::new();
            for range in ranges {
                buffer.resize(range.len(), 0);
                read_exact_at(file, buffer, range.start as u64).ok()?;
                crc.update(buffer);
            }
            Some(crc.finalize())
        })
    }

    /// The cache file it was mapped from, if it was.
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// All of its bytes.
    pub fn bytes(&self) -> &[u8] {
        match &self.bytes {
            Bytes::Memory(bytes) => bytes,
            Bytes::Mapped(map) => map,
        }
    }
}

/// Reads exactly `buffer.len()` bytes of `file` from `offset`, without moving its cursor.
#[cfg(unix)]
fn read_exact_at(file: &std::fs::File, buffer: &mut [u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buffer, offset)
}

/// Reads exactly `buffer.len()` bytes of `file` from `offset` (elsewhere: not done, the map is
/// read instead).
#[cfg(not(unix))]
fn read_exact_at(_: &std::fs::File, _: &mut [u8], _: u64) -> std::io::Result<()> {
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
    /// What checking its checksums found, shared by every copy of this entry: each is
    /// checked once, when first needed, not at every search.
    checked: Arc<AtomicU8>,
}

/// What searching an article needs, borrowed from its segment.
#[derive(Debug, Clone, Copy)]
pub struct Folded<'a> {
    /// The folded shown text.
    pub text: &'a [u8],
    /// The folded title.
    pub title: &'a [u8],
}

/// The parts a checksum covers, in order.
type Ranges<'a> = [&'a Range<usize>; 3];

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

    fn part(&self, range: &Range<usize>) -> &[u8] {
        self.segment.bytes().get(range.clone()).unwrap_or_default()
    }

    /// Whether the parts `ranges` still have the checksum `crc`, checked once; read from the
    /// cache file with `from_file` (so that checking leaves no pages of the map in this
    /// process's memory), else where the bytes are.
    fn check(&self, part: (Ranges<'_>, u32, u8, u8), from_file: bool) -> bool {
        let (ranges, crc, good, bad) = part;
        let known = self.checked.load(Ordering::Relaxed);
        if known & good != 0 {
            return true;
        }
        if known & bad != 0 {
            return false;
        }
        let sum = from_file
            .then(|| self.segment.read_parts(ranges))
            .flatten()
            .unwrap_or_else(|| checksum(self.segment.bytes(), ranges));
        let ok = sum == crc;
        self.checked
            .fetch_or(if ok { good } else { bad }, Ordering::Relaxed);
        ok
    }

    /// The text and blocks, their checksum and their bits of [`Stored::checked`].
    fn text_part(&self) -> (Ranges<'_>, u32, u8, u8) {
        let p = &self.parts;
        ([&p.text, &p.blocks, &NONE], p.crc, TEXT_GOOD, TEXT_BAD)
    }

    /// The folded text, title and marks, their checksum and bits.
    fn folded_part(&self) -> (Ranges<'_>, u32, u8, u8) {
        let p = &self.parts;
        (
            [&p.folded, &p.title, &p.marks],
            p.folded_crc,
            FOLDED_GOOD,
            FOLDED_BAD,
        )
    }

    /// The signature, its checksum and bits.
    fn grams_part(&self) -> (Ranges<'_>, u32, u8, u8) {
        let p = &self.parts;
        ([&p.grams, &NONE, &NONE], p.grams_crc, GRAMS_GOOD, GRAMS_BAD)
    }

    fn text_intact(&self) -> bool {
        self.check(self.text_part(), false)
    }

    fn folded_intact(&self) -> bool {
        self.check(self.folded_part(), false)
    }

    /// Whether a part was found not to be what was stored (so the file is read instead).
    pub fn damaged(&self) -> bool {
        self.checked.load(Ordering::Relaxed) & (TEXT_BAD | FOLDED_BAD | GRAMS_BAD) != 0
    }

    /// The folded text's trigram signature, if it is what was stored.
    pub fn grams(&self) -> Option<&[u8]> {
        self.check(self.grams_part(), false)
            .then(|| self.part(&self.parts.grams))
    }

    /// Checks every part against its checksum, as a first search and a first opening would,
    /// reading them from the cache file rather than through the map.
    pub fn check_parts(&self) {
        for part in [self.text_part(), self.folded_part(), self.grams_part()] {
            self.check(part, true);
        }
    }

    /// The folded text and title, for counting matches, if they are what was stored.
    pub fn folded(&self) -> Option<Folded<'_>> {
        self.folded_intact().then(|| Folded {
            text: self.part(&self.parts.folded),
            title: self.part(&self.parts.title),
        })
    }

    /// The normalised text, if it is what was stored.
    pub fn text(&self) -> Option<&str> {
        if !self.text_intact() {
            return None;
        }
        simdutf8::basic::from_utf8(self.part(&self.parts.text)).ok()
    }

    /// The marks that map folded offsets back to the text.
    pub fn marks(&self) -> Vec<Mark> {
        self.part(&self.parts.marks)
            .chunks_exact(8)
            .map(|m| (u32_at(&m[..4]), u32_at(&m[4..])))
            .collect()
    }

    /// The blocks, if they are what was stored and well formed.
    pub fn blocks(&self) -> Option<Vec<Block>> {
        if !self.text_intact() {
            return None;
        }
        self.part(&self.parts.blocks)
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

    /// Whether every stored byte is what was written (each part checked once).
    pub fn intact(&self) -> bool {
        self.text_intact() && self.folded_intact()
    }
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

/// Lays out a segment: the signatures of every article first (every search reads them all),
/// then what a search reads of the articles it cannot rule out (folded text, title and marks),
/// then what opening one reads (text and blocks), so that searching touches only the pages it
/// needs.
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

    /// The bytes (to keep in memory or write to a file) and each article's parts in them, in
    /// the order they were added.
    pub fn finish(self) -> (Vec<u8>, Vec<Parts>) {
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
        (bytes, parts)
    }
}
