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

/// As [`snippet`] around the first of `hits` (byte ranges of `text`, in order, apart), with
/// the columns every one of them takes in the excerpt, those cut off at its end left out.
pub fn snippet_all(text: &str, hits: &[Range<usize>], width: usize) -> (String, Vec<Range<usize>>) {
    let Some(first) = hits.first() else {
        let (line, _) = snippet(text, 0..0, width);
        return (line, Vec::new());
    };
    let (line, columns) = snippet(text, first.clone(), width);
    let shown = str_width(&line);
    // After the first, the excerpt is the text with each whitespace run one space: a later
    // match starts as many columns on as the text between, so squashed, takes.
    let squashed = |s: &str| {
        let words = s.split_whitespace().collect::<Vec<_>>().join(" ");
        let lead = s.starts_with(char::is_whitespace);
        let trail = s.ends_with(char::is_whitespace);
        match (words.is_empty(), lead || trail) {
            (true, true) => " ".to_owned(),
            (true, false) => String::new(),
            (false, _) => format!(
                "{}{words}{}",
                if lead { " " } else { "" },
                if trail { " " } else { "" }
            ),
        }
    };
    let matched_end = columns.start + str_width(&squashed(&text[first.clone()]));
    let mut marks = vec![columns];
    for hit in hits.iter().skip(1).filter(|h| h.start >= first.end) {
        let start = matched_end + str_width(&squashed(&text[first.end..hit.start]));
        let end = start + str_width(&squashed(&text[hit.clone()]));
        // The last column may be the ellipsis that says the line goes on.
        let limit = shown - usize::from(line.ends_with('…'));
        if start >= limit {
            break;
        }
        marks.push(start..end.min(limit));
    }
    (line, marks)
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
    fn every_match_is_marked_where_the_excerpt_shows_it() {
        let text = "Hôm  nay,\nCông ước Hà Nội được ký; công   ước ấy mở ký tại Hà Nội.";
        let at = |word: &str, nth: usize| {
            let start = text.match_indices(word).nth(nth).expect(word).0;
            start..start + word.len()
        };
        let hits = [
            at("Công ước", 0),
            at("Hà Nội", 0),
            at("công   ước", 0),
            at("Hà Nội", 1),
        ];
        let (line, marks) = snippet_all(text, &hits, 80);
        assert_eq!(
            line,
            "Hôm nay, Công ước Hà Nội được ký; công ước ấy mở ký tại Hà Nội."
        );
        let shown: Vec<&str> = marks
            .iter()
            .map(|c| {
                let start = line.char_indices().nth(c.start).unwrap().0;
                let end = line
                    .char_indices()
                    .nth(c.end)
                    .map_or(line.len(), |(i, _)| i);
                &line[start..end]
            })
            .collect();
        assert_eq!(shown, ["Công ước", "Hà Nội", "công ước", "Hà Nội"]);
        // Narrow: a match past the end is not marked, one cut short is marked to the cut.
        let (line, marks) = snippet_all(text, &hits, 30);
        assert!(line.ends_with('…'), "{line}");
        assert!(marks.iter().all(|c| c.end < 30), "{marks:?}");
        assert!(marks.len() < 4);
    }

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
