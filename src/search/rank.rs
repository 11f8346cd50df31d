//! Ranking the results of a catalog search: how often a query occurs in an article (counted up
//! to a cap), and the order that puts the best first.

use memchr::memmem;
use rayon::prelude::*;

use super::Query;
use super::hits::ArticleHits;

/// Puts results in their order: for words in any order, those holding them as a phrase
/// first; then title matches, then by how often they match, then in catalog order.
pub(super) fn rank(hits: &mut Vec<ArticleHits>) {
    // Words in any order: those holding them as a phrase first.
    if hits.iter().any(|h| h.count.is_some()) || hits.iter().any(|h| !h.phrase) {
        hits.par_sort_unstable_by_key(|h| {
            let count = h.count.unwrap_or(0);
            // The title's matches from the text when case or accents mattered.
            let title = h.title_score.max(usize::from(h.title_count > 0));
            (
                !h.phrase,
                std::cmp::Reverse(title),
                std::cmp::Reverse(count),
                h.index,
            )
        });
        return;
    }
    // Not counted (too many to rank by counts): title matches first, each part in catalog
    // order. The results come in catalog order, or in the order of the results they narrow,
    // whose title matches held every title match of this query: either way each part is at
    // most two runs already in order, which a stable sort merges in one pass, where sorting
    // a quarter of a million results afresh would take longer than the search.
    if !hits.is_sorted_by_key(|h| h.index) {
        hits.sort_by_key(|h| h.index);
    }
    // A stable partition, each result moved once or twice into vectors made to size: a
    // quarter of a million results are too many to move about more.
    let titles = hits.iter().filter(|h| h.title_count > 0).count();
    let mut titled = Vec::with_capacity(hits.len());
    let mut rest = Vec::with_capacity(hits.len() - titles);
    for hit in std::mem::take(hits) {
        match hit.title_count > 0 {
            true => titled.push(hit),
            false => rest.push(hit),
        }
    }
    titled.append(&mut rest);
    *hits = titled;
}

/// Most results ranked by how often they match: past this many, the query is still too short
/// to say anything by its counts (it matches nearly everywhere), and counting every match of
/// every article would cost a whole scan per key; such results keep catalog order after the
/// title matches, and each is counted when placed.
pub const RANKED_UP_TO: usize = 2_000;

/// Matches counted in an article at most: past this many, an article is as good a match as
/// any other, and the count stops, so that the first letters typed, which match everywhere,
/// scan only the start of each article.
pub const COUNT_CAP: usize = 99;

/// How often the query occurs in folded `haystack` where its word setting allows (without
/// overlaps, as memmem finds them), up to [`COUNT_CAP`].
pub(super) fn count(finder: &memmem::Finder<'_>, query: &Query, haystack: &[u8]) -> usize {
    let fits = |&at: &usize| query.fits(haystack, at);
    match finder.needle() {
        [byte] => memchr::memchr_iter(*byte, haystack)
            .filter(fits)
            .take(COUNT_CAP)
            .count(),
        _ => finder
            .find_iter(haystack)
            .filter(fits)
            .take(COUNT_CAP)
            .count(),
    }
}
