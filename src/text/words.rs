//! Where words and sentences begin and end: words for a search that matches at word starts
//! or whole words (in folded text, where a letter or digit meets anything else, and anywhere
//! in scripts written without spaces), sentences for selecting a passage by sentence.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// The sentences of `text` (Unicode sentence boundaries), as byte ranges without the
/// whitespace around them; blank ones left out.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    text.split_sentence_bound_indices()
        .filter_map(|(at, sentence)| {
            let start = at + (sentence.len() - sentence.trim_start().len());
            let end = at + sentence.trim_end().len();
            (start < end).then_some(start..end)
        })
        .collect()
}

/// Whether a word may end between `before` and `after` (`None` for the edge of the text):
/// where a letter or digit meets something else, and between any two letters of a script
/// written without spaces (Chinese, Japanese, Thai …), where every letter may start a word.
pub fn word_edge(before: Option<char>, after: Option<char>) -> bool {
    match (before, after) {
        (Some(a), Some(b)) => !(in_word(a) && in_word(b)) || spaceless(a) || spaceless(b),
        _ => true,
    }
}

/// Whether `c` is part of a word: a letter, a digit, or a mark on one.
pub(crate) fn in_word(c: char) -> bool {
    c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c)
}

/// Whether `c` is of a script written without spaces between words.
pub(crate) fn spaceless(c: char) -> bool {
    matches!(u32::from(c),
        0x0E00..=0x0EFF // Thai, Lao
        | 0x1000..=0x109F // Myanmar
        | 0x1780..=0x17FF // Khmer
        | 0x2E80..=0x9FFF // CJK radicals, kana, ideographs
        | 0xF900..=0xFAFF // CJK compatibility ideographs
        | 0x20000..=0x3FFFF // CJK extensions
    )
}

/// The character of UTF-8 `bytes` that ends at `at`.
pub fn char_before(bytes: &[u8], at: usize) -> Option<char> {
    let mut start = at.checked_sub(1)?;
    while start > 0 && bytes.get(start).is_some_and(|b| b & 0xC0 == 0x80) {
        start -= 1;
    }
    std::str::from_utf8(bytes.get(start..at)?)
        .ok()?
        .chars()
        .next()
}

/// The character of UTF-8 `bytes` that starts at `at`.
pub fn char_at(bytes: &[u8], at: usize) -> Option<char> {
    let rest = bytes.get(at..)?;
    let len = match *rest.first()? {
        b if b < 0x80 => 1,
        b if b >= 0xF0 => 4,
        b if b >= 0xE0 => 3,
        _ => 2,
    };
    std::str::from_utf8(rest.get(..len)?).ok()?.chars().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_are_cut_where_unicode_says_without_their_spaces() {
        let text = "Hội nghị khai mạc. Ông Guterres phát biểu!  Còn gì nữa? Hết";
        let cut: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            cut,
            [
                "Hội nghị khai mạc.",
                "Ông Guterres phát biểu!",
                "Còn gì nữa?",
                "Hết"
            ]
        );
        assert!(sentences("   ").is_empty());
    }
}
