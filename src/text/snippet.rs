//! A one-line excerpt around a match, for the list of search results.

use std::ops::Range;

use super::width::{prefix_fitting, str_width};

/// Columns of context kept before the match, at most.
const CONTEXT: usize = 16;

/// An excerpt of `text` of at most `width` columns around `hit` (a byte range of `text`), with
/// whitespace runs as single spaces, and the columns the hit takes in it.
pub fn snippet(text: &str, hit: Range<usize>, width: usize) -> (String, Range<usize>) {
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let before_all = &text[..hit.start];
    let ends_in_space = before_all.ends_with(char::is_whitespace);
    let mut before = squash(before_all);
    if ends_in_space && !before.is_empty() {
        before.push(' ');
    }
    let context = CONTEXT.min(width / 3);
    let mut head = String::new();
    if str_width(&before) > context {
        // Keep the last `context` columns, starting at a word when one starts close enough.
        let skip = str_width(&before) - context;
        let (dropped, _) = prefix_fitting(&before, skip);
        let mut kept = &before[dropped.len()..];
        if let Some(space) = kept.find(' ')
            && space < kept.len() / 2
        {
            kept = &kept[space + 1..];
        }
        head.push('…');
        head.push_str(kept);
    } else {
        head = before;
    }
    let matched = squash(&text[hit.clone()]);
    let after_all = &text[hit.end..];
    let mut after = squash(after_all);
    if after_all.starts_with(char::is_whitespace) && !after.is_empty() {
        after.insert(0, ' ');
    }
    let start = str_width(&head);
    let line = format!("{head}{matched}{after}");
    let end = (start + str_width(&matched)).min(width);
    (super::truncate(&line, width), start.min(end)..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_shown_whole() {
        let text = "Hội nghị  tại Hà Nội.";
        let at = text.find("Hà").unwrap();
        let (line, cols) = snippet(text, at..at + "Hà Nội".len(), 40);
        assert_eq!(line, "Hội nghị tại Hà Nội.");
        assert_eq!(cols, 13..19);
    }

    #[test]
    fn long_context_is_cut_at_a_word() {
        let text = "một hai ba bốn năm sáu bảy tám chín mười Công ước Hà Nội và nhiều nữa";
        let at = text.find("Công").unwrap();
        let (line, cols) = snippet(text, at..at + "Công ước".len(), 40);
        assert!(line.starts_with('…'), "{line}");
        assert!(str_width(&line) <= 40);
        let shown: String = line
            .chars()
            .skip(cols.start)
            .take(cols.end - cols.start)
            .collect();
        assert_eq!(shown, "Công ước");
    }
}
