//! The excerpt the list shows under a result: the paragraph around its first match, cut short.

use std::ops::Range;

/// Bytes of a paragraph kept each side of a match for the list's excerpt: more than a row.
const CONTEXT_BYTES: usize = 400;

/// The paragraph of `text` around `hit` (blank lines are where it ends, and it starts no
/// earlier than `from`), cut to [`CONTEXT_BYTES`] each side, and where the hit is in it.
pub(super) fn context(text: &str, from: usize, hit: Range<usize>) -> (String, Range<usize>) {
    let floor = |mut at: usize| {
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let before = &text[floor(hit.start.saturating_sub(CONTEXT_BYTES))..hit.start];
    let start = (hit.start - before.len() + before.rfind("\n\n").map_or(0, |i| i + 2))
        .max(from.min(hit.start));
    let after = &text[hit.end..floor((hit.end + CONTEXT_BYTES).min(text.len()))];
    let end = hit.end + after.find("\n\n").unwrap_or(after.len());
    (
        text[start..end].to_owned(),
        hit.start - start..hit.end - start,
    )
}
