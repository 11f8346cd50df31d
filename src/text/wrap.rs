//! Wrapping a paragraph into rows no wider than a given number of columns.
//!
//! textwrap does the line breaking; the words are measured here, by grapheme, so that the wrap
//! agrees with what the screen draws, and a word longer than a row is split between graphemes,
//! never inside one (no combining mark ever starts a row).

use std::ops::Range;

use textwrap::core::Fragment;
use textwrap::wrap_algorithms::wrap_first_fit;
use unicode_segmentation::UnicodeSegmentation;

use super::width::{grapheme_width, str_width};

/// One word (or piece of an over-long word) and the space that follows it.
#[derive(Debug)]
struct Word<'a> {
    text: &'a str,
    start: usize,
    width: usize,
    space_after: bool,
}

impl Fragment for Word<'_> {
    fn width(&self) -> f64 {
        self.width as f64
    }

    fn whitespace_width(&self) -> f64 {
        if self.space_after { 1.0 } else { 0.0 }
    }

    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// Where a word on a wrapped row came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// Byte range of the word in the wrapped text.
    pub source: Range<usize>,
    /// Column at which the word starts on its row.
    pub column: usize,
}

/// One wrapped row: its text and the source of every word on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrappedRow {
    /// The row, words joined by single spaces.
    pub text: String,
    /// The words on the row, left to right.
    pub pieces: Vec<Piece>,
}

/// Wraps text into rows of at most `width` columns; runs of whitespace count as one space.
///
/// A single grapheme wider than `width` (a wide character in a one-column row) gets a row of
/// its own, the only case in which a row can exceed `width`.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    wrap_with_sources(text, width)
        .into_iter()
        .map(|row| row.text)
        .collect()
}

/// Where `text` breaks into two rows of `width` columns, as the list shows a long title: the
/// byte range of the first row and of the rest (to be cut short); one row when it fits.
pub fn two_rows(text: &str, width: usize) -> (Range<usize>, Option<Range<usize>>) {
    if str_width(text) <= width {
        return (0..text.len(), None);
    }
    let rows = wrap_with_sources(text, width);
    let first_end = rows
        .first()
        .and_then(|r| r.pieces.last())
        .map_or(text.len(), |p| p.source.end);
    match rows.get(1).and_then(|r| r.pieces.first()) {
        Some(second) => (0..first_end, Some(second.source.start..text.len())),
        None => (0..text.len(), None),
    }
}

/// Wraps like [`wrap`], keeping track of where each word came from.
pub fn wrap_with_sources(text: &str, width: usize) -> Vec<WrappedRow> {
    let width = width.max(1);
    let words = split_words(text, width);
    if words.is_empty() {
        return Vec::new();
    }
    wrap_first_fit(&words, &[width as f64])
        .into_iter()
        .map(|line| {
            let mut row = WrappedRow {
                text: String::new(),
                pieces: Vec::with_capacity(line.len()),
            };
            let mut column = 0;
            for (i, word) in line.iter().enumerate() {
                row.pieces.push(Piece {
                    source: word.start..word.start + word.text.len(),
                    column,
                });
                row.text.push_str(word.text);
                column += word.width;
                if word.space_after && i + 1 < line.len() {
                    row.text.push(' ');
                    column += 1;
                }
            }
            row
        })
        .collect()
}

/// Whitespace-separated words of text with the byte offset of each.
fn words_with_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(char::is_whitespace)
        .scan(0, |offset, word| {
            let start = *offset;
            // Step over the word and the one whitespace character that ended it.
            let separator = text[start + word.len()..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
            *offset = start + word.len() + separator;
            Some((start, word))
        })
        .filter(|(_, word)| !word.is_empty())
}

/// Splits text at whitespace into words, cutting words wider than `width` into pieces that fit.
fn split_words(text: &str, width: usize) -> Vec<Word<'_>> {
    let mut words = Vec::new();
    for (offset, word) in words_with_offsets(text) {
        let word_width = str_width(word);
        if word_width <= width {
            words.push(Word {
                text: word,
                start: offset,
                width: word_width,
                space_after: true,
            });
            continue;
        }
        let mut start = 0;
        let mut used = 0;
        for (at, grapheme) in word.grapheme_indices(true) {
            let w = grapheme_width(grapheme);
            if used + w > width && at > start {
                words.push(Word {
                    text: &word[start..at],
                    start: offset + start,
                    width: used,
                    space_after: false,
                });
                start = at;
                used = 0;
            }
            used += w;
        }
        words.push(Word {
            text: &word[start..],
            start: offset + start,
            width: used,
            space_after: true,
        });
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_title_breaks_into_two_rows_at_a_word() {
        let title = "Bài số 83: Thủ tướng khẳng định";
        assert_eq!(two_rows(title, 40), (0..title.len(), None));
        let (first, rest) = two_rows(title, 20);
        assert_eq!(&title[first], "Bài số 83: Thủ tướng");
        assert_eq!(&title[rest.unwrap()], "khẳng định");
        let nfd: String = unicode_normalization::UnicodeNormalization::nfd(title).collect();
        let (first, rest) = two_rows(&nfd, 20);
        assert_eq!(str_width(&nfd[first]), 20, "NFD breaks at the same column");
        assert_eq!(str_width(&nfd[rest.unwrap()]), 10);
    }

    #[track_caller]
    fn rows(text: &str, width: usize, expected: &[&str]) {
        assert_eq!(wrap(text, width), expected, "{text:?} at {width}");
    }

    #[test]
    fn breaks_at_spaces() {
        rows("Công ước Hà Nội", 9, &["Công ước", "Hà Nội"]);
        rows("a  b\n c", 10, &["a b c"]);
        rows("", 10, &[]);
    }

    #[test]
    fn long_words_split_between_graphemes() {
        rows("nghiêngnghiêng", 5, &["nghiê", "ngngh", "iêng"]);
        rows("日本語の文", 5, &["日本", "語の", "文"]);
    }

    #[test]
    fn pieces_point_back_at_their_words() {
        let text = "  Hà\tNội  ngày 日本語の文";
        for row in wrap_with_sources(text, 6) {
            for piece in &row.pieces {
                let word = &text[piece.source.clone()];
                let shown: String = row.text.chars().collect();
                assert!(shown.contains(word), "{word:?} not on {shown:?}");
            }
        }
        let rows = wrap_with_sources("ab cd", 10);
        assert_eq!(
            rows[0].pieces[1],
            Piece {
                source: 3..5,
                column: 3
            }
        );
    }

    #[test]
    fn decomposed_input_never_splits_a_letter() {
        for row in wrap("nghie\u{0302}\u{0300}ng", 3) {
            assert!(
                !row.starts_with('\u{0302}') && !row.starts_with('\u{0300}'),
                "{row:?}"
            );
        }
    }
}
