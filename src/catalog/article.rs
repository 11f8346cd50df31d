//! One article: its metadata and its body as typed blocks over the normalised text.

use std::fmt;
use std::ops::Range;
use std::path::PathBuf;

use super::notice::{Reason, Warning};
use crate::text;

/// Longest line, in words, that can still be a section heading.
const HEADING_MAX_WORDS: usize = 14;

/// Longest name, in words, after `Ảnh:` that still reads as a photo credit.
const CREDIT_MAX_WORDS: usize = 8;

/// Bytes at the end of a line searched for a photo credit (eight words of a name, and more).
const CREDIT_TAIL_BYTES: usize = 200;

/// Bytes examined when deciding whether a file is binary.
const BINARY_SNIFF: usize = 8192;

/// Share of control bytes, in thousandths, past which a file is taken for binary: text has
/// almost none besides tab, line feed and carriage return, random bytes about one in ten.
const BINARY_CONTROLS_PER_MILLE: usize = 20;

/// Reading speed used for the reading-time estimate, in words a minute.
const WORDS_PER_MINUTE: usize = 230;

/// A calendar date as written in an article's `date` line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, four digits.
    pub year: u16,
    /// Month, 1 to 12.
    pub month: u8,
    /// Day of the month, 1 to 31.
    pub day: u8,
}

impl Date {
    /// Parses `YYYY-MM-DD`, rejecting impossible months and days.
    pub fn parse(text: &str) -> Option<Date> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let year: u16 = text.get(0..4)?.parse().ok()?;
        let month: u8 = text.get(5..7)?.parse().ok()?;
        let day: u8 = text.get(8..10)?.parse().ok()?;
        let leap =
            year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days)
            .contains(&day)
            .then_some(Date { year, month, day })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// What a block of the body is, which decides how the reader styles it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    /// Running text.
    Paragraph,
    /// A section heading: a short line without final punctuation.
    Heading,
    /// A photo caption: a line ending in an `Ảnh: NAME` credit, or opening with `ẢNH:`.
    Caption,
    /// A line about the article after its headline: `source ADDRESS` or `author NAME`.
    Byline,
}

/// A block of the body: its kind and where its text lies in [`Article::text`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Paragraph, heading or caption.
    pub kind: BlockKind,
    /// Byte range of the block's text in the article's normalised text.
    pub range: Range<usize>,
}

/// A parsed article, immutable once built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// The file stem, unique enough to name the article on the command line.
    pub id: String,
    /// Where the article was read from.
    pub path: PathBuf,
    /// The headline, or the caption without its credit when the headline is a photo caption.
    pub title: String,
    /// Where the title lies in [`Article::text`], when it is taken from the text.
    pub title_range: Option<Range<usize>>,
    /// Byte offset in [`Article::text`] where what the reader shows begins (after the `date` word).
    pub shown_start: usize,
    /// The date of the `date` line, if there was one.
    pub date: Option<Date>,
    /// The whole file, decoded and normalised (NFC, LF, no controls, tabs expanded).
    pub text: String,
    /// The body, in reading order.
    pub blocks: Vec<Block>,
    /// Number of words in the body and headline.
    pub words: usize,
    /// What went wrong while reading it (for example invalid UTF-8), for the reader to show.
    pub warnings: Vec<Warning>,
}

/// Why the start of a file says it is not text, if it does: what `content_inspector` (as bat
/// uses it) finds, a NUL byte or a known binary signature, and else a share of control bytes
/// that no text has (a file of random bytes, an image without NUL bytes early on).
fn binary_reason(bytes: &[u8]) -> Option<Reason> {
    // UTF-16 is full of NUL bytes; only its byte-order mark tells it from binary.
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return None;
    }
    let head = &bytes[..bytes.len().min(BINARY_SNIFF)];
    // content_inspector looks for NUL in the first KB only; text has none anywhere.
    if memchr::memchr(0, head).is_some() {
        return Some(Reason::BinaryNul);
    }
    if content_inspector::inspect(head).is_binary() {
        return Some(Reason::BinarySignature);
    }
    // Valid UTF-8 is text, whatever it holds (controls are shown as such); only bytes that
    // would be read in a guessed legacy encoding need a closer look. A character cut at the
    // end of the sample does not count against it.
    match simdutf8::compat::from_utf8(head) {
        Ok(_) => return None,
        Err(cut) if cut.error_len().is_none() => return None,
        Err(_) => {}
    }
    // Tab, line feed, form feed, carriage return and escape (ANSI colours) are found in text.
    let controls = head
        .iter()
        .filter(|&&b| {
            (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\x0C' | b'\r' | 0x1B)) || b == 0x7F
        })
        .count();
    (controls * 1000 > head.len() * BINARY_CONTROLS_PER_MILLE).then_some(Reason::BinaryControls)
}

impl Article {
    /// Parses an article from the raw bytes of a file.
    pub fn parse(id: String, path: PathBuf, bytes: &[u8]) -> Result<Article, Reason> {
        if let Some(why) = binary_reason(bytes) {
            return Err(why);
        }
        // A saved page is read as the article taken out of it, in the archive's format.
        let page = is_page(&path)
            .then(|| super::html::saved_page(bytes))
            .flatten();
        let decoded = match &page {
            Some(page) => text::decode_and_sanitize(page.as_bytes()),
            None => text::decode_and_sanitize(bytes),
        };
        let text = decoded.text;
        if text.trim().is_empty() {
            return Err(Reason::Empty);
        }
        let mut warnings = Vec::new();
        match (decoded.encoding, decoded.guessed) {
            (Some(encoding), true) => {
                warnings.push(Warning::Guessed {
                    encoding: encoding.into(),
                });
            }
            _ if decoded.lossy => {
                warnings.push(Warning::InvalidUtf8);
            }
            _ => {}
        }
        if decoded.repaired {
            // A replacement character left in repaired text was lost before docbao read it
            // (the page was saved through a lossy conversion): "repaired" would promise too much.
            warnings.push(if text.contains('\u{FFFD}') {
                Warning::MojibakePartly
            } else {
                Warning::Mojibake
            });
        }
        // A saved page is written out as the archive's Markdown, whose headings are marked.
        let markdown = page.is_some()
            || path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("md"));

        let mut lines = lines_with_offsets(&text).peekable();
        while lines.next_if(|(_, line)| line.trim().is_empty()).is_some() {}
        let mut blocks = Vec::new();
        let mut headline_words = 0;
        let mut shown_start = 0;
        let mut title_range = None;
        let (title, date) = match lines.next() {
            Some((start, line)) => {
                let head = parse_headline(line, markdown);
                let range = start + head.range.start..start + head.range.end;
                shown_start = range.start;
                // The title is the headline, or the start of it when a credit was cut off.
                title_range = Some(range.start..range.start + head.title.len());
                if head.caption {
                    blocks.push(Block {
                        kind: BlockKind::Caption,
                        range,
                    });
                } else {
                    headline_words = head.title.split_whitespace().count();
                }
                (head.title, head.date)
            }
            None => (id.clone(), None),
        };
        // `source ADDRESS` and `author NAME` lines right under the headline.
        while let Some((start, line)) = lines.next_if(|(_, line)| is_byline(line)) {
            let lead = line.len() - line.trim_start().len();
            blocks.push(Block {
                kind: BlockKind::Byline,
                range: start + lead..start + line.trim_end().len(),
            });
        }
        blocks.extend(parse_blocks(&text, lines, markdown));
        let words = headline_words
            + blocks
                .iter()
                .map(|b| count_words(&text[b.range.clone()]))
                .sum::<usize>();
        Ok(Article {
            id,
            path,
            title,
            title_range,
            shown_start,
            date,
            text,
            blocks,
            words,
            warnings,
        })
    }

    /// The text the reader shows: all of it but the `date` word that opens the file.
    pub fn shown_text(&self) -> &str {
        &self.text[self.shown_start..]
    }

    /// The text of one block.
    pub fn block_text(&self, block: &Block) -> &str {
        &self.text[block.range.clone()]
    }

    /// Estimated reading time in whole minutes, at least one.
    pub fn reading_minutes(&self) -> usize {
        reading_minutes(self.words)
    }
}

/// Estimated reading time of `words` in whole minutes, at least one.
pub fn reading_minutes(words: usize) -> usize {
    words.div_ceil(WORDS_PER_MINUTE).max(1)
}

/// What the first line of an article says.
struct Headline {
    title: String,
    date: Option<Date>,
    /// Byte range of the headline text within the line.
    range: Range<usize>,
    /// Whether the headline is a photo caption, to be kept in the body.
    caption: bool,
}

/// The title and date an article's first line gives (as [`Article::parse`] finds them), to
/// list an article before it is read whole.
pub fn headline(line: &str, markdown: bool) -> (String, Option<Date>) {
    let head = parse_headline(line, markdown);
    (head.title, head.date)
}

/// Parses `date YYYY-MM-DD <headline>`, or takes the line as the title when it is not one.
fn parse_headline(line: &str, markdown: bool) -> Headline {
    let trimmed = line.trim_start();
    let mut start = line.len() - trimmed.len();
    let mut date = None;
    if let Some(rest) = trimmed.strip_prefix("date")
        && let Some(after_space) = rest.strip_prefix(char::is_whitespace)
    {
        let after_space = after_space.trim_start();
        if let Some(found) = after_space.get(..10).and_then(Date::parse) {
            date = Some(found);
            let headline = after_space[10..].trim_start();
            start = line.len() - headline.len();
        }
    }
    let mut headline = line[start..].trim_end();
    if markdown && date.is_none() {
        let stripped = headline.trim_start_matches('#').trim_start();
        start += headline.len() - stripped.len();
        headline = stripped;
    }
    let range = start..start + headline.len();
    match split_credit(headline) {
        Some(caption_end) => Headline {
            title: caption_without_credit(&headline[..caption_end]),
            date,
            range,
            caption: true,
        },
        None => Headline {
            title: headline.to_owned(),
            date,
            range,
            caption: false,
        },
    }
}

/// Lines of the text with the byte offset at which each starts.
fn lines_with_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut offset = 0;
    text.split('\n').map(move |line| {
        let start = offset;
        offset += line.len() + 1;
        (start, line)
    })
}

/// Groups lines into blocks at blank lines and decides each block's kind.
fn parse_blocks<'a>(
    text: &str,
    lines: impl Iterator<Item = (usize, &'a str)>,
    markdown: bool,
) -> Vec<Block> {
    // Each span: the block's byte range and how many lines it has.
    let mut spans: Vec<(Range<usize>, usize)> = Vec::new();
    let mut open = false;
    for (start, line) in lines {
        if line.trim().is_empty() {
            open = false;
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let end = start + line.trim_end().len();
        match spans.last_mut() {
            Some((range, count)) if open => {
                range.end = end;
                *count += 1;
            }
            _ => spans.push((start + lead..end, 1)),
        }
        open = true;
    }
    spans
        .into_iter()
        .map(|(range, lines)| classify(text, range, lines, markdown))
        .collect()
}

/// Decides whether a block is a paragraph, a heading or a caption.
fn classify(text: &str, range: Range<usize>, lines: usize, markdown: bool) -> Block {
    let body = &text[range.clone()];
    if lines > 1 {
        return Block {
            kind: BlockKind::Paragraph,
            range,
        };
    }
    if markdown && body.starts_with('#') {
        let title = body.trim_start_matches('#').trim_start();
        return Block {
            kind: BlockKind::Heading,
            range: range.end - title.len()..range.end,
        };
    }
    let kind = if is_caption(body) {
        BlockKind::Caption
    } else if is_heading(body) {
        BlockKind::Heading
    } else {
        BlockKind::Paragraph
    };
    Block { kind, range }
}

/// Whether a file is a saved web page, read through [`super::html`].
pub(crate) fn is_page(path: &std::path::Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
}

/// Whether a line under the headline says where the article comes from or who wrote it.
fn is_byline(line: &str) -> bool {
    let line = line.trim_start();
    ["source ", "author "]
        .iter()
        .any(|key| line.starts_with(key) && !line[key.len()..].trim().is_empty())
}

/// Whether a one-line block reads as a photo caption: a credit at its end (`… Ảnh: NAME`) or
/// `ẢNH:` at its start.
pub fn is_caption(line: &str) -> bool {
    split_credit(line).is_some() || opens_caption(line)
}

/// Whether a line opens with `ẢNH:` (any case), as docbao writes a caption without a credit.
fn opens_caption(line: &str) -> bool {
    ["ẢNH:", "Ảnh:", "ảnh:"].iter().any(|m| line.starts_with(m))
}

/// Byte offset at which the caption ends and its `Ảnh: NAME` credit begins, if it has one.
fn split_credit(line: &str) -> Option<usize> {
    const MARKERS: [&str; 3] = ["ẢNH", "Ảnh", "ảnh"];
    // A credit is a few words at the very end: only the tail of a long paragraph can hold one.
    let mut tail = line.len().saturating_sub(CREDIT_TAIL_BYTES);
    while !line.is_char_boundary(tail) {
        tail -= 1;
    }
    let tail_bytes = &line.as_bytes()[tail..];
    let found = MARKERS
        .iter()
        .filter_map(|m| memchr::memmem::rfind(tail_bytes, m.as_bytes()));
    let at = tail + found.max()?;
    let before = line[..at].chars().next_back();
    if before.is_some_and(|c| c.is_alphanumeric()) || at == 0 {
        return None;
    }
    let after = line[at..].split_once(':')?.1;
    let name = after.trim().trim_end_matches(')').trim();
    let marker_len = line[at..].len() - after.len();
    let between = &line[at..at + marker_len];
    // Only "Ảnh:" or "Ảnh :" may stand between the marker and the name.
    if between.chars().filter(|c| c.is_alphabetic()).count() != 3 {
        return None;
    }
    let words = name.split_whitespace().count();
    (words > 0 && words <= CREDIT_MAX_WORDS).then_some(at)
}

/// Words in text, split at ASCII whitespace: a byte scan, since the count only feeds the
/// reading-time estimate and every script docbao targets separates words with ASCII spaces.
fn count_words(text: &str) -> usize {
    let mut count = 0;
    let mut in_word = false;
    for &b in text.as_bytes() {
        let space = b.is_ascii_whitespace();
        count += usize::from(!space && !in_word);
        in_word = !space;
    }
    count
}

/// The caption with the punctuation that led into its credit removed.
fn caption_without_credit(caption: &str) -> String {
    caption
        .trim_end_matches(|c: char| c.is_whitespace() || ".,;:-–—(".contains(c))
        .to_owned()
}

/// Whether a one-line block reads as a section heading.
fn is_heading(line: &str) -> bool {
    let core = line.trim_end_matches(|c: char| "\"'”’»)]".contains(c));
    // An address alone on a line (`[1] https://…`) is no heading either.
    if core.ends_with(|c: char| ".,;:!?…".contains(c)) || line.contains("://") {
        return false;
    }
    // Counting stops past the limit: a long paragraph is not walked to its end.
    let words = line.split_whitespace().take(HEADING_MAX_WORDS + 1).count();
    words > 0 && words <= HEADING_MAX_WORDS && line.chars().any(char::is_alphabetic)
}
