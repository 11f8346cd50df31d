//! An article laid out for a given width: the display rows the reader scrolls and `show` prints.

use std::ops::Range;

use crate::catalog::{Article, BlockKind};
use crate::i18n::{Lang, Say};
use crate::text;
use crate::text::wrap::Piece;

/// Longest row of body text, in columns: past this, lines get hard to follow.
pub const MEASURE: usize = 80;

/// Columns captions are indented by, to set them apart without colour.
const CAPTION_INDENT: usize = 2;

/// What a display row shows, which decides its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// The article's title.
    Title,
    /// Date, length and reading time.
    Meta,
    /// A problem met while reading the file.
    Warning,
    /// The line under the header.
    Rule,
    /// Space between blocks.
    Blank,
    /// Running text.
    Paragraph,
    /// A section heading.
    Heading,
    /// A photo caption.
    Caption,
    /// Where the article comes from, who wrote it.
    Byline,
    /// The mark after the last paragraph, and the space before it: the reader only.
    End,
}

/// `──── end ────`, centred in `width` columns, or as much of it as fits.
fn end_mark(width: usize, lang: Lang) -> String {
    let word_text = format!(" {} ", lang.t("reader-end"));
    let word = text::str_width(&word_text);
    if width < word + 2 {
        return "─".repeat(width);
    }
    let side = ((width - word) / 2).min(8);
    let rule = "─".repeat(side);
    let mark = format!("{rule}{word_text}{rule}");
    let pad = (width - text::str_width(&mark)) / 2;
    format!("{}{mark}", " ".repeat(pad))
}

/// One display row: text no wider than the page, its kind and the block it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The text, at most the page's width in columns.
    pub text: String,
    /// How to style it.
    pub kind: RowKind,
    /// Index of the article block it shows, for body rows.
    pub block: Option<usize>,
    /// Where each word on the row comes from in the article's text (none for made-up rows).
    pub pieces: Vec<Piece>,
}

/// An article wrapped to a width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// Columns every row fits in.
    pub width: usize,
    /// The rows, top to bottom.
    pub rows: Vec<Row>,
    /// The first row of each block.
    block_starts: Vec<usize>,
    /// For each row, the furthest byte of the text shown on it or any row above: rising, so
    /// that the row of an offset is found by bisection, not by a walk down a long page.
    reach: Vec<usize>,
}

impl Page {
    /// Lays an article out in rows of at most `width` columns (capped at [`MEASURE`]).
    ///
    /// The one exception: a single grapheme wider than the row (a base followed by spacing
    /// marks, as in some Indic and Tibetan text at very narrow widths) gets a row of its own.
    pub fn layout(article: &Article, width: usize) -> Page {
        Page::layout_in(article, width.min(MEASURE), Lang::En)
    }

    /// Lays an article out as [`Page::layout`] does, at most `width` columns whatever it is,
    /// with the words around it (date, length, the end mark) in a language.
    pub fn layout_in(article: &Article, width: usize, lang: Lang) -> Page {
        let width = width.max(1);
        let mut page = Page {
            width,
            rows: Vec::new(),
            block_starts: Vec::with_capacity(article.blocks.len()),
            reach: Vec::new(),
        };
        // When the headline is a photo caption, its text is shown again in the body: only the
        // body's copy is tied to the text, so that each match is drawn once.
        let title_start = article
            .title_range
            .as_ref()
            .filter(|title| {
                !article
                    .blocks
                    .iter()
                    .any(|b| b.range.start < title.end && title.start < b.range.end)
            })
            .map(|r| r.start);
        page.push_wrapped(&article.title, title_start, RowKind::Title, None, 0);
        let date = article
            .date
            .map_or_else(|| lang.t("undated"), |d| d.to_string());
        let meta = lang.tr(
            "reader-meta",
            &[
                ("date", date.into()),
                ("count", article.words.into()),
                ("words", text::thousands(article.words).into()),
                ("time", lang.reading_time(article.reading_minutes()).into()),
            ],
        );
        page.push_wrapped(&meta, None, RowKind::Meta, None, 0);
        for warning in &article.warnings {
            let warning = format!("⚠ {}", warning.say(lang));
            page.push_wrapped(&warning, None, RowKind::Warning, None, 0);
        }
        page.push(
            "─".repeat(width.min(text::str_width(&meta).max(16))),
            RowKind::Rule,
            None,
        );
        for (index, block) in article.blocks.iter().enumerate() {
            // The lines under the headline stand together, one row each.
            let follows_byline = index > 0 && article.blocks[index - 1].kind == BlockKind::Byline;
            if !(block.kind == BlockKind::Byline && follows_byline) {
                page.push(String::new(), RowKind::Blank, None);
            }
            page.block_starts.push(page.rows.len());
            let body = article.block_text(block);
            let (kind, indent) = match block.kind {
                BlockKind::Paragraph => (RowKind::Paragraph, 0),
                BlockKind::Heading => (RowKind::Heading, 0),
                BlockKind::Caption => (RowKind::Caption, CAPTION_INDENT),
                BlockKind::Byline => (RowKind::Byline, 0),
            };
            page.push_wrapped(body, Some(block.range.start), kind, Some(index), indent);
        }
        page.push(String::new(), RowKind::End, None);
        page.push(end_mark(width, lang), RowKind::End, None);
        let mut furthest = 0;
        page.reach = page
            .rows
            .iter()
            .map(|row| {
                furthest = furthest.max(row.pieces.last().map_or(0, |p| p.source.end));
                furthest
            })
            .collect();
        page
    }

    /// The first row of block `index` (the last row when past the end).
    pub fn block_start(&self, index: usize) -> usize {
        self.block_starts
            .get(index)
            .copied()
            .unwrap_or_else(|| self.rows.len().saturating_sub(1))
    }

    /// Number of blocks laid out.
    pub fn block_count(&self) -> usize {
        self.block_starts.len()
    }

    /// The block shown at or after `row`, or the last block when none follows.
    pub fn block_at(&self, row: usize) -> Option<usize> {
        if self.block_starts.is_empty() {
            return None;
        }
        let after = self.block_starts.partition_point(|&start| start <= row);
        // A row inside a block belongs to it; a header row belongs to the first block.
        Some(after.saturating_sub(1))
    }

    /// The block a view starting at `row` shows first: the one `row` is in, else (a blank or a
    /// header row) the next one down. The `source` and `author` lines under the headline are
    /// passed over: the passage cursor starts on the text.
    pub fn top_block(&self, row: usize) -> Option<usize> {
        self.rows
            .get(row..)
            .and_then(|rows| {
                rows.iter()
                    .filter(|r| r.kind != RowKind::Byline)
                    .find_map(|r| r.block)
            })
            .or_else(|| self.block_count().checked_sub(1))
    }

    /// The row a view of block `index` starts at: the top of the page for the first block, so
    /// that the headline shows with it.
    pub fn view_of_block(&self, index: usize) -> usize {
        if index == 0 {
            0
        } else {
            self.block_start(index)
        }
    }

    /// The page as plain text, one row a line, without trailing spaces; the end mark is the
    /// reader's, and left out.
    pub fn to_plain_text(&self) -> String {
        let mut out = String::new();
        for row in self.rows.iter().filter(|r| r.kind != RowKind::End) {
            out.push_str(row.text.trim_end());
            out.push('\n');
        }
        out
    }

    /// The first row that shows the text at byte `offset` of the article, or the next one after.
    pub fn row_of(&self, offset: usize) -> Option<usize> {
        let row = self.reach.partition_point(|&end| end <= offset);
        (row < self.rows.len()).then_some(row)
    }

    /// Column ranges of row `index` covered by `ranges` (byte ranges of `text`, in order),
    /// each with the index of the range it shows.
    pub fn highlights(
        &self,
        index: usize,
        text: &str,
        ranges: &[Range<usize>],
    ) -> Vec<(Range<usize>, usize)> {
        let Some(row) = self.rows.get(index) else {
            return Vec::new();
        };
        let (Some(first), Some(last)) = (row.pieces.first(), row.pieces.last()) else {
            return Vec::new();
        };
        let from = ranges.partition_point(|r| r.end <= first.source.start);
        // Every range is of the text the page was laid out from; `get` keeps a range of
        // another version of it (a bug) from bringing the reader down.
        let column_at = |piece: &Piece, at: usize| {
            let shown =
                text.get(piece.source.start..at.clamp(piece.source.start, piece.source.end));
            debug_assert!(shown.is_some(), "a range of another text");
            piece.column + shown.map_or(0, text::str_width)
        };
        let mut out = Vec::new();
        for (k, range) in ranges.iter().enumerate().skip(from) {
            if range.start >= last.source.end {
                break;
            }
            let mut covered = row
                .pieces
                .iter()
                .filter(|p| p.source.start < range.end && range.start < p.source.end);
            let Some(start_piece) = covered.next() else {
                continue;
            };
            let end_piece = covered.next_back().unwrap_or(start_piece);
            // A match is contiguous, so it also covers the spaces between its words.
            let columns = column_at(start_piece, range.start)..column_at(end_piece, range.end);
            if !columns.is_empty() {
                out.push((columns, k));
            }
        }
        out
    }

    /// Whether row `index` is the end mark or the space before it.
    pub fn is_end(&self, index: usize) -> bool {
        self.rows.get(index).is_some_and(|r| r.kind == RowKind::End)
    }

    fn push(&mut self, text: String, kind: RowKind, block: Option<usize>) {
        self.rows.push(Row {
            text,
            kind,
            block,
            pieces: Vec::new(),
        });
    }

    fn push_wrapped(
        &mut self,
        body: &str,
        source_start: Option<usize>,
        kind: RowKind,
        block: Option<usize>,
        indent: usize,
    ) {
        let indent = if self.width > indent * 4 { indent } else { 0 };
        let pad = " ".repeat(indent);
        for row in text::wrap::wrap_with_sources(body, self.width - indent) {
            let pieces = match source_start {
                Some(base) => row
                    .pieces
                    .into_iter()
                    .map(|p| Piece {
                        source: base + p.source.start..base + p.source.end,
                        column: indent + p.column,
                    })
                    .collect(),
                None => Vec::new(),
            };
            self.rows.push(Row {
                text: format!("{pad}{}", row.text),
                kind,
                block,
                pieces,
            });
        }
    }
}
