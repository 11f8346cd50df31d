//! Finding a bookmarked passage again after its article changed (W3C Web Annotation style:
//! a TextQuoteSelector with prefix and suffix, plus a TextPositionSelector).

use std::ops::Range;

/// Characters of context kept before and after a quote.
pub const CONTEXT_CHARS: usize = 32;

/// Where a bookmark's passage is in the current text of its article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Anchor {
    /// The quote is where it was.
    Exact(Range<usize>),
    /// The quote is unchanged but has moved (text added or removed before it).
    Moved(Range<usize>),
    /// The quote was edited; this is the closest passage, from its start to its end.
    Approximate(Range<usize>),
    /// The quote cannot be found any more; the bookmark is kept and shown with its quote.
    Orphaned,
}

impl Anchor {
    /// The byte range of the passage, unless orphaned.
    pub fn range(&self) -> Option<Range<usize>> {
        match self {
            Anchor::Exact(r) | Anchor::Moved(r) | Anchor::Approximate(r) => Some(r.clone()),
            Anchor::Orphaned => None,
        }
    }
}

/// What a bookmark remembers of its passage.
#[derive(Debug, Clone, Copy)]
pub struct Selector<'a> {
    /// The passage's text; only its start when the passage was too long to keep whole.
    pub quote: &'a str,
    /// The passage's end, when it was too long to keep whole; else empty.
    pub tail: &'a str,
    /// The whole passage's length in characters.
    pub chars: usize,
    /// The whole passage's CRC-32, when only its start and end are kept.
    pub hash: Option<u32>,
    /// Up to [`CONTEXT_CHARS`] characters before it.
    pub prefix: &'a str,
    /// Up to [`CONTEXT_CHARS`] characters after it.
    pub suffix: &'a str,
    /// Its character offset in the article when it was made.
    pub start: usize,
}

/// Byte offset of character number `chars` in text (the end when past it).
pub fn byte_of_char(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(at, _)| at)
}

/// Character number of byte offset `at` in text.
pub fn char_of_byte(text: &str, at: usize) -> usize {
    text[..at].chars().count()
}

/// The up-to-`n`-character context before and after `range` in text.
pub fn context(text: &str, range: &Range<usize>, n: usize) -> (String, String) {
    let before = &text[..range.start];
    let skip = before.chars().count().saturating_sub(n);
    let prefix: String = before.chars().skip(skip).collect();
    let suffix: String = text[range.end..].chars().take(n).collect();
    (prefix, suffix)
}

/// Finds the passage: exactly where it was, then the same quote elsewhere (the one whose
/// context fits best, then the nearest), then an edited passage between its first and last
/// words; else orphaned.
pub fn locate(text: &str, selector: Selector<'_>) -> Anchor {
    let quote = selector.quote;
    if quote.is_empty() {
        return Anchor::Orphaned;
    }
    if !selector.tail.is_empty() {
        return locate_long(text, selector);
    }
    let old_start = byte_of_char(text, selector.start);
    if text.get(old_start..old_start + quote.len()) == Some(quote) {
        return Anchor::Exact(old_start..old_start + quote.len());
    }
    let best = text
        .match_indices(quote)
        .map(|(at, _)| at)
        .max_by_key(|&at| {
            let fit = common_suffix(&text[..at], selector.prefix)
                + common_prefix(&text[at + quote.len()..], selector.suffix);
            (fit, std::cmp::Reverse(at.abs_diff(old_start)))
        });
    if let Some(at) = best {
        return Anchor::Moved(at..at + quote.len());
    }
    match edited(text, selector, old_start) {
        Some(range) => Anchor::Approximate(range),
        None => Anchor::Orphaned,
    }
}

/// [`locate`] for a passage kept by its start, end and hash: where the start is followed, as
/// many characters on, by the end, and the hash is the same; else between its first and last
/// words, as an edited passage is found.
fn locate_long(text: &str, selector: Selector<'_>) -> Anchor {
    let (head, tail) = (selector.quote, selector.tail);
    let whole = |at: usize| -> Option<Range<usize>> {
        let end = text
            .get(at..)?
            .char_indices()
            .map(|(i, _)| at + i)
            .chain([text.len()])
            .nth(selector.chars)?;
        let passage = &text[at..end];
        let same = passage.starts_with(head)
            && passage.ends_with(tail)
            && selector
                .hash
                .is_none_or(|h| crc32fast::hash(passage.as_bytes()) == h);
        same.then_some(at..end)
    };
    let old_start = byte_of_char(text, selector.start);
    if let Some(range) = whole(old_start) {
        return Anchor::Exact(range);
    }
    let best = text
        .match_indices(head)
        .filter_map(|(at, _)| whole(at))
        .max_by_key(|range| {
            let fit = common_suffix(&text[..range.start], selector.prefix)
                + common_prefix(&text[range.end..], selector.suffix);
            (fit, std::cmp::Reverse(range.start.abs_diff(old_start)))
        });
    if let Some(range) = best {
        return Anchor::Moved(range);
    }
    // Ends long enough to be told apart in a long text, and the end nearest to where the
    // passage's length puts it.
    let open: String = head.chars().take(64).collect();
    let close = last_chars(tail, 64);
    let kept = head.chars().count() + tail.chars().count();
    let bytes = (head.len() + tail.len()) * selector.chars / kept.max(1);
    let floor = |mut at: usize| {
        at = at.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let found = text
        .match_indices(open.as_str())
        .filter_map(|(at, _)| {
            let window = floor(at + bytes / 2)..floor(at + bytes * 2 + 16);
            let end = text[window.clone()]
                .match_indices(close.as_str())
                .map(|(i, _)| window.start + i + close.len())
                .min_by_key(|end| end.abs_diff(at + bytes))?;
            Some(at..end)
        })
        .min_by_key(|range| range.start.abs_diff(old_start));
    match found {
        Some(range) => Anchor::Approximate(range),
        None => Anchor::Orphaned,
    }
}

/// An edited passage: between the quote's opening and closing words, or else between the
/// context that surrounded it, close together and in order.
fn edited(text: &str, selector: Selector<'_>, old_start: usize) -> Option<Range<usize>> {
    let quote = selector.quote;
    let chars = quote.chars().count();
    // Short enough to survive an edit near an end, long enough to mean something.
    let take = (chars / 5).clamp(1, 12);
    let head: String = quote.chars().take(take).collect();
    let tail: String = quote.chars().skip(chars - take).collect();
    let span = quote.len() / 2..quote.len() * 2 + 16;
    // An edit changes a passage's words, not how many paragraphs it is: a range across more
    // paragraph breaks than the quote held takes in text the bookmark never held.
    let breaks = paragraph_breaks(quote);
    let fits = |range: &Range<usize>| paragraph_breaks(&text[range.clone()]) <= breaks;
    let by_ends = bracket(text, &head, &tail, true, &span, old_start, &fits);
    let by_tail = || by_tail(text, selector, &tail, &span, old_start, &fits);
    by_ends.or_else(by_tail).or_else(|| {
        let before: String = last_chars(selector.prefix, 16);
        let after: String = selector.suffix.chars().take(16).collect();
        if before.is_empty() || after.is_empty() {
            return None;
        }
        // Between the same neighbours, but still the same words, most of them: a paragraph
        // rewritten whole is another passage, and the bookmark is not moved onto it.
        let alike = |range: &Range<usize>| fits(range) && same_words(quote, &text[range.clone()]);
        bracket(text, &before, &after, false, &span, old_start, &alike)
    })
}

/// Whether `new` keeps at least half of the words of `old`, whatever their case or order.
fn same_words(old: &str, new: &str) -> bool {
    let words = |text: &str| -> std::collections::HashSet<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (old, new) = (words(old), words(new));
    old.intersection(&new).count() * 2 >= old.len()
}

/// An edited passage whose opening words changed: it ends where its closing words are, still
/// followed by the text that followed it, and starts at the start of a sentence of that
/// paragraph, the one that gives it the length nearest the quote's.
fn by_tail(
    text: &str,
    selector: Selector<'_>,
    tail: &str,
    span: &Range<usize>,
    near: usize,
    fits: &dyn Fn(&Range<usize>) -> bool,
) -> Option<Range<usize>> {
    let after: String = selector.suffix.chars().take(16).collect();
    let length = selector.quote.len();
    text.match_indices(tail)
        .filter_map(|(at, _)| {
            let end = at + tail.len();
            if !text[end..].starts_with(after.as_str()) {
                return None;
            }
            let paragraph = text[..end].rfind("\n\n").map_or(0, |i| i + 2);
            let start = crate::text::words::sentences(&text[paragraph..end])
                .into_iter()
                .map(|sentence| paragraph + sentence.start)
                .filter(|&start| span.contains(&(end - start)))
                .min_by_key(|&start| (end - start).abs_diff(length))?;
            Some(start..end).filter(|range| fits(range))
        })
        .min_by_key(|range| range.start.abs_diff(near))
}

/// How many paragraph breaks (a blank line) a text holds.
fn paragraph_breaks(text: &str) -> usize {
    text.lines()
        .collect::<Vec<_>>()
        .windows(2)
        .filter(|pair| pair[0].trim().is_empty() != pair[1].trim().is_empty())
        .count()
}

/// The range from an occurrence of `open` to the next `close` whose length falls in `span`,
/// nearest to `near`; `inclusive` keeps `open` and `close` in the range, else only what is
/// between them.
fn bracket(
    text: &str,
    open: &str,
    close: &str,
    inclusive: bool,
    span: &Range<usize>,
    near: usize,
    fits: &dyn Fn(&Range<usize>) -> bool,
) -> Option<Range<usize>> {
    text.match_indices(open)
        .filter_map(|(at, _)| {
            let inner_start = if inclusive { at } else { at + open.len() };
            let mut window_end = (inner_start + span.end).min(text.len());
            while !text.is_char_boundary(window_end) {
                window_end -= 1;
            }
            let found = text[inner_start..window_end].find(close)?;
            let close_at = inner_start + found;
            let end = if inclusive {
                close_at + close.len()
            } else {
                close_at
            };
            Some(inner_start..end).filter(|r| r.len() >= span.start && fits(r))
        })
        .min_by_key(|range| range.start.abs_diff(near))
}

/// The last `n` characters of text.
fn last_chars(text: &str, n: usize) -> String {
    let skip = text.chars().count().saturating_sub(n);
    text.chars().skip(skip).collect()
}

/// Length in bytes of the longest common suffix of two strings, on character boundaries.
fn common_suffix(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum()
}

/// Length in bytes of the longest common prefix of two strings, on character boundaries.
fn common_prefix(a: &str, b: &str) -> usize {
    a.chars()
        .zip(b.chars())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn selector<'a>(
        text: &'a str,
        quote: &'a str,
        prefix: &'a str,
        suffix: &'a str,
    ) -> Selector<'a> {
        let at = text.find(quote).unwrap();
        Selector {
            quote,
            tail: "",
            chars: quote.chars().count(),
            hash: None,
            prefix,
            suffix,
            start: char_of_byte(text, at),
        }
    }

    #[test]
    fn exact_then_moved_then_disambiguated() {
        let text = "Một. Hai ba. Bốn.";
        let s = selector(text, "Hai ba", "Một. ", ". Bốn.");
        assert_eq!(
            locate(text, s),
            Anchor::Exact(text.find("Hai").unwrap()..text.find(". Bốn").unwrap())
        );
        let moved = "Mới thêm. Một. Hai ba. Bốn.";
        let anchor = locate(moved, s);
        assert_eq!(&moved[anchor.range().unwrap()], "Hai ba");
        assert!(matches!(anchor, Anchor::Moved(_)));
        // Two copies: the one whose context matches wins, even when it is farther away.
        let twice = "Hai ba. Khác. Một. Hai ba. Bốn.";
        // The stored position points at neither copy.
        let anchor = locate(twice, Selector { start: 9, ..s });
        assert_eq!(
            anchor.range().unwrap().start,
            twice.rfind("Hai ba").unwrap()
        );
    }

    #[test]
    fn edited_passage_is_found_approximately_or_orphaned() {
        let text = "Đầu. Công ước Hà Nội gửi đi ba thông điệp rõ ràng. Cuối.";
        let quote = "Công ước Hà Nội gửi đi ba thông điệp rõ ràng.";
        let s = selector(text, quote, "Đầu. ", " Cuối.");
        let edited = "Đầu. Công ước Hà Nội đã gửi đi 3 thông điệp rất rõ ràng. Cuối.";
        let anchor = locate(edited, s);
        assert!(matches!(anchor, Anchor::Approximate(_)), "{anchor:?}");
        assert_eq!(
            &edited[anchor.range().unwrap()],
            "Công ước Hà Nội đã gửi đi 3 thông điệp rất rõ ràng."
        );
        assert_eq!(locate("Chẳng còn gì giống cả.", s), Anchor::Orphaned);
        // Both ends rewritten: the context around the passage still finds it.
        let rewritten = "Đầu. Ba thông điệp rõ ràng mà Công ước Hà Nội gửi đi. Cuối.";
        let anchor = locate(rewritten, s);
        assert_eq!(
            &rewritten[anchor.range().unwrap()],
            "Ba thông điệp rõ ràng mà Công ước Hà Nội gửi đi."
        );
        // A paragraph rewritten whole between the same neighbours: another passage.
        let other = "Đầu. Hôm nay trời mưa to ở khắp các tỉnh phía bắc. Cuối.";
        assert_eq!(locate(other, s), Anchor::Orphaned);
    }

    #[test]
    fn a_paragraph_added_before_and_the_opening_words_changed_in_one_edit() {
        let text = "Đầu bài.\n\nChủ tịch nước cho rằng tội phạm mạng đã trở thành mối đe dọa. Câu sau.\n\nCuối.";
        let quote = "Chủ tịch nước cho rằng tội phạm mạng đã trở thành mối đe dọa. Câu sau.";
        let s = selector(text, quote, "Đầu bài.\n\n", "\n\nCuối.");
        let edited = "Đầu bài.\n\nĐoạn chèn vào, chưa từng được đánh dấu.\n\nNgười đứng đầu nhà nước nhận định tội phạm mạng đã trở thành mối đe dọa. Câu sau.\n\nCuối.";
        let anchor = locate(edited, s);
        assert_eq!(
            &edited[anchor.range().expect("found again")],
            "Người đứng đầu nhà nước nhận định tội phạm mạng đã trở thành mối đe dọa. Câu sau."
        );
        // A sentence in the middle of a paragraph is found from its own start, not the
        // paragraph's.
        let text = "Một câu đầu. Hai ba bốn năm sáu bảy tám. Câu cuối.";
        let s = selector(
            text,
            "Hai ba bốn năm sáu bảy tám.",
            "Một câu đầu. ",
            " Câu cuối.",
        );
        let edited = "Chèn. Một câu đầu. Mười ba bốn năm sáu bảy tám. Câu cuối.";
        let anchor = locate(edited, s);
        assert_eq!(
            &edited[anchor.range().expect("found again")],
            "Mười ba bốn năm sáu bảy tám."
        );
    }
}
