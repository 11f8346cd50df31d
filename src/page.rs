//! An article laid out for a given width: the display rows the reader scrolls and `show` prints.

use crate::catalog::{Article, BlockKind};
use crate::text;

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
}

impl Page {
    /// Lays an article out in rows of at most `width` columns (capped at [`MEASURE`]).
    pub fn layout(article: &Article, width: usize) -> Page {
        let width = width.clamp(1, MEASURE);
        let mut page = Page {
            width,
            rows: Vec::new(),
            block_starts: Vec::with_capacity(article.blocks.len()),
        };
        page.push_wrapped(&article.title, RowKind::Title, None, 0);
        let date = article
            .date
            .map_or_else(|| "undated".to_owned(), |d| d.to_string());
        let meta = format!(
            "{date} · {} words · {} min read",
            article.words,
            article.reading_minutes()
        );
        page.push_wrapped(&meta, RowKind::Meta, None, 0);
        for warning in &article.warnings {
            page.push_wrapped(&format!("⚠ {warning}"), RowKind::Warning, None, 0);
        }
        page.push(
            "─".repeat(width.min(text::str_width(&meta).max(16))),
            RowKind::Rule,
            None,
        );
        for (index, block) in article.blocks.iter().enumerate() {
            page.push(String::new(), RowKind::Blank, None);
            page.block_starts.push(page.rows.len());
            let body = article.block_text(block);
            match block.kind {
                BlockKind::Paragraph => page.push_wrapped(body, RowKind::Paragraph, Some(index), 0),
                BlockKind::Heading => page.push_wrapped(body, RowKind::Heading, Some(index), 0),
                BlockKind::Caption => {
                    page.push_wrapped(body, RowKind::Caption, Some(index), CAPTION_INDENT)
                }
            }
        }
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

    /// The page as plain text, one row a line, without trailing spaces.
    pub fn to_plain_text(&self) -> String {
        let mut out = String::new();
        for row in &self.rows {
            out.push_str(row.text.trim_end());
            out.push('\n');
        }
        out
    }

    fn push(&mut self, text: String, kind: RowKind, block: Option<usize>) {
        self.rows.push(Row { text, kind, block });
    }

    fn push_wrapped(&mut self, body: &str, kind: RowKind, block: Option<usize>, indent: usize) {
        let indent = if self.width > indent * 4 { indent } else { 0 };
        let pad = " ".repeat(indent);
        for line in text::wrap(body, self.width - indent) {
            self.push(format!("{pad}{line}"), kind, block);
        }
    }
}
