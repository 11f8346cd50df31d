//! Matching one text in memory: every match of a query, mapped back from the folded text to
//! whole graphemes of the original.

use std::ops::Range;

use memchr::memmem;

use super::Query;
use crate::catalog::Article;
use crate::text::fold::FoldMap;

/// Every match of `query` in `text`, as byte ranges of whole graphemes, in order; of each of
/// its words, when they may come in any order.
pub fn find_all(text: &str, map: &FoldMap, query: &Query) -> Vec<Range<usize>> {
    merged(
        query
            .needles()
            .into_iter()
            .map(|q| find_phrase(text, map, q)),
    )
}

/// Matches of several words, in text order, without overlaps (the earlier kept).
pub(super) fn merged(lists: impl Iterator<Item = Vec<Range<usize>>>) -> Vec<Range<usize>> {
    let mut lists: Vec<Vec<Range<usize>>> = lists.collect();
    if lists.len() == 1 {
        return lists.pop().unwrap_or_default();
    }
    let mut all: Vec<Range<usize>> = lists.into_iter().flatten().collect();
    all.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(all.len());
    for range in all {
        if out.last().is_none_or(|last| last.end <= range.start) {
            out.push(range);
        }
    }
    out
}

/// Every match of `query` as a phrase in `text`.
fn find_phrase(text: &str, map: &FoldMap, query: &Query) -> Vec<Range<usize>> {
    if query.is_empty() {
        return Vec::new();
    }
    let folded = map.folded.as_bytes();
    memmem::find_iter(folded, query.folded.as_bytes())
        .filter(|&at| query.fits(folded, at))
        .map(|at| map.to_original(text, at..at + query.folded.len()))
        .filter(|range| query.accepts(text, range))
        .collect()
}

/// Every match of `query` in the part of the article the reader shows.
pub fn find_in_article(article: &Article, query: &Query) -> Vec<Range<usize>> {
    find_in_article_with(article, &FoldMap::new(article.shown_text()), query)
}

/// [`find_in_article`] with the shown text already folded into `map`.
pub fn find_in_article_with(article: &Article, map: &FoldMap, query: &Query) -> Vec<Range<usize>> {
    let shown = article.shown_start;
    find_all(article.shown_text(), map, query)
        .into_iter()
        .map(|r| r.start + shown..r.end + shown)
        .collect()
}
