//! Display width of text in terminal columns, measured by grapheme as ratatui draws it.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Columns one grapheme cluster takes on screen.
///
/// Mirrors ratatui's buffer, which measures each grapheme with `unicode-width` and draws nothing
/// for a grapheme of width zero: measuring any other way would let rows drift from the screen.
pub fn grapheme_width(grapheme: &str) -> usize {
    if grapheme.chars().any(char::is_control) {
        return 0;
    }
    grapheme.width()
}

/// Columns a string takes on screen.
pub fn str_width(text: &str) -> usize {
    if text.is_ascii() {
        return text.bytes().filter(|b| !b.is_ascii_control()).count();
    }
    text.graphemes(true).map(grapheme_width).sum()
}

/// The longest prefix of whole graphemes that fits in `max` columns, and its width.
pub fn prefix_fitting(text: &str, max: usize) -> (&str, usize) {
    let mut used = 0;
    for (at, grapheme) in text.grapheme_indices(true) {
        let width = grapheme_width(grapheme);
        if used + width > max {
            return (&text[..at], used);
        }
        used += width;
    }
    (text, used)
}

/// The longest suffix of whole graphemes that fits in `max` columns, and its width; only the
/// graphemes taken are looked at, however long the text.
pub fn suffix_fitting(text: &str, max: usize) -> (&str, usize) {
    let mut used = 0;
    let mut start = text.len();
    for (at, grapheme) in text.grapheme_indices(true).rev() {
        let width = grapheme_width(grapheme);
        if used + width > max {
            break;
        }
        used += width;
        start = at;
    }
    (&text[start..], used)
}

/// Cuts text to at most `max` columns, ending in `…` when something was cut.
pub fn truncate(text: &str, max: usize) -> String {
    if str_width(text) <= max {
        return text.to_owned();
    }
    if max == 0 {
        return String::new();
    }
    let (head, _) = prefix_fitting(text, max - 1);
    format!("{}…", head.trim_end())
}

/// Text cut to `width` columns then padded with spaces to exactly `width` columns.
pub fn fit(text: &str, width: usize) -> String {
    let mut out = truncate(text, width);
    let used = str_width(&out);
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(used)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn width(text: &str, expected: usize) {
        assert_eq!(str_width(text), expected, "{text:?}");
    }

    #[test]
    fn widths() {
        width("abc", 3);
        width("Việt Nam", 8);
        width("Vie\u{0302}\u{0323}t", 4);
        width("日本", 4);
        width("\u{0301}", 0);
        width("👨\u{200D}👩\u{200D}👧", 2);
        width("a\u{1B}b", 2);
    }

    #[test]
    fn truncation_keeps_whole_graphemes() {
        assert_eq!(truncate("Đặng Văn", 5), "Đặng…");
        assert_eq!(truncate("日本語", 4), "日…");
        assert_eq!(truncate("ab", 2), "ab");
        assert_eq!(fit("ờ", 3), "ờ  ");
        assert_eq!(str_width(&fit("日本語です", 5)), 5);
    }
}
