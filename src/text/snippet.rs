//! A one-line excerpt around a match, for the list of search results.

use std::ops::Range;

use super::width::{prefix_fitting, str_width, suffix_fitting};

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

/// A match on a line of any length, with as much of the line around it as fits in `max`
/// columns: (before, match, after), cut between graphemes, `…` where the line goes on. The
/// context is shared evenly, and what one side does not need goes to the other.
pub fn around(line: &str, hit: Range<usize>, max: usize) -> (String, String, String) {
    let (before_all, matched, after_all) =
        (&line[..hit.start], &line[hit.clone()], &line[hit.end..]);
    let matched_width = str_width(matched);
    if matched_width >= max {
        let lead = if before_all.is_empty() { "" } else { "…" };
        let room = max.saturating_sub(lead.len().min(1));
        return (
            lead.to_owned(),
            super::truncate(matched, room),
            String::new(),
        );
    }
    let room = max - matched_width;
    let (_, before_width) = suffix_fitting(before_all, room);
    let (_, after_width) = prefix_fitting(after_all, room);
    let mut before_budget = room / 2;
    let mut after_budget = room - before_budget;
    if before_width < before_budget {
        after_budget += before_budget - before_width;
        before_budget = before_width;
    } else if after_width < after_budget {
        before_budget += after_budget - after_width;
        after_budget = after_width;
    }
    let (kept, _) = suffix_fitting(before_all, before_budget);
    let before = if kept.len() == before_all.len() {
        kept.to_owned()
    } else {
        format!(
            "…{}",
            suffix_fitting(before_all, before_budget.saturating_sub(1)).0
        )
    };
    let (kept, _) = prefix_fitting(after_all, after_budget);
    let after = if kept.len() == after_all.len() {
        kept.to_owned()
    } else {
        format!(
            "{}…",
            prefix_fitting(after_all, after_budget.saturating_sub(1)).0
        )
    };
    (before, matched.to_owned(), after)
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

    #[test]
    fn a_match_on_a_long_line_is_shown_with_some_context() {
        let line = format!("{}Hà Nội{}", "chữ ".repeat(1000), " số".repeat(1000));
        let at = line.find("Hà").unwrap();
        let (before, matched, after) = around(&line, at..at + "Hà Nội".len(), 40);
        assert_eq!(matched, "Hà Nội");
        assert!(
            before.starts_with('…') && after.ends_with('…'),
            "{before}|{after}"
        );
        assert_eq!(
            str_width(&before) + str_width(&matched) + str_width(&after),
            40
        );
        // Near the start, the room left before goes after.
        let (before, _, after) = around(&line, 0.."chữ".len(), 20);
        assert_eq!((before.as_str(), str_width(&after)), ("", 17));
        // A short line is whole.
        let short = "ở Hà Nội.";
        let at = short.find("Hà").unwrap();
        let (before, matched, after) = around(short, at..at + "Hà Nội".len(), 40);
        assert_eq!(
            (before.as_str(), matched.as_str(), after.as_str()),
            ("ở ", "Hà Nội", ".")
        );
    }
}
