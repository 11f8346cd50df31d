//! Laying out a segment: each article's text, blocks, marks, folded text and summary, with
//! their checksums, in the order searches read them.

use std::ops::Range;
use std::sync::Arc;

use super::{CHUNK, HEAD, Parts, Segment};
use crate::catalog::{Article, BlockKind};
use crate::text::fold;
use crate::text::grams;

/// CRC-32 of some parts of `bytes`, in order.
fn checksum<const N: usize>(bytes: &[u8], ranges: [&Range<usize>; N]) -> u32 {
    let mut crc = crc32fast::Hasher::new();
    for range in ranges {
        crc.update(bytes.get(range.clone()).unwrap_or_default());
    }
    crc.finalize()
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
                BlockKind::Byline => 3,
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
