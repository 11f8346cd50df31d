//! Ranking the results of a catalog search: how often a query occurs in an article (counted up
//! to a cap), and the order that puts the best first.

use std::cmp::Reverse;

use memchr::memmem;
use rayon::prelude::*;

use super::Query;
use super::hits::ArticleHits;

/// Puts results in their order: for words in any order, those holding them as a phrase
/// first; then title matches, then by how often they match, then in catalog order.
pub(super) fn rank(hits: &mut Vec<ArticleHits>) {
    if hits.iter().any(|h| h.count.is_some()) {
        hits.par_sort_unstable_by_key(|h| {
            let count = h.count.unwrap_or(0);
            let (phrase, title) = kind(h.phrase, h.title_count, h.title_score, true);
            (phrase, title, Reverse(count), h.index)
        });
        return;
    }
    let briefs: Vec<Brief> = hits.iter().map(Brief::of).collect();
    if !needs_ranking(&briefs) {
        return;
    }
    // Those placed keep their places: moved, not made again.
    let mut placed: std::collections::HashMap<usize, ArticleHits> = hits
        .drain(..)
        .filter(ArticleHits::placed)
        .map(|h| (h.index, h))
        .collect();
    *hits = ranked(&briefs);
    for hit in hits.iter_mut() {
        if let Some(whole) = placed.remove(&hit.index) {
            *hit = whole;
        }
    }
}

/// Where a result not counted goes: for words in any order (`phrased`, when some result does
/// not hold them as a phrase), those that do first, then by how well the title matches (its
/// matches from the text when case or accents mattered); else title matches first.
fn kind(
    phrase: bool,
    title_count: usize,
    title_score: usize,
    phrased: bool,
) -> (bool, Reverse<usize>) {
    let title = title_score.max(usize::from(title_count > 0));
    match phrased {
        true => (!phrase, Reverse(title)),
        false => (false, Reverse(usize::from(title_count > 0))),
    }
}

/// What ranks a result not counted (nor placed), kept short: a quarter of a million results
/// are too many to move about whole.
#[derive(Debug, Clone, Copy)]
pub(super) struct Brief {
    index: u32,
    phrase: bool,
    title_count: u32,
    title_score: u32,
    from: usize,
}

impl Brief {
    /// What ranks `hit`.
    pub(super) fn of(hit: &ArticleHits) -> Brief {
        let short = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Brief {
            index: short(hit.index),
            phrase: hit.phrase,
            title_count: short(hit.title_count),
            title_score: short(hit.title_score),
            from: hit.from,
        }
    }

    /// The result it stands for.
    pub(super) fn whole(&self) -> ArticleHits {
        ArticleHits {
            index: self.index as usize,
            title_count: self.title_count as usize,
            count: None,
            from: self.from,
            phrase: self.phrase,
            title_score: self.title_score as usize,
            placed: None,
        }
    }

    fn kind(&self, phrased: bool) -> (bool, Reverse<usize>) {
        let (count, score) = (self.title_count as usize, self.title_score as usize);
        kind(self.phrase, count, score, phrased)
    }
}

/// Two lists of results in catalog order, as one.
pub(super) fn merged(one: Vec<Brief>, other: Vec<Brief>) -> Vec<Brief> {
    if other.is_empty() {
        return one;
    }
    let mut all = Vec::with_capacity(one.len() + other.len());
    let mut other = other.into_iter().peekable();
    for brief in one {
        while let Some(before) = other.next_if(|o| o.index < brief.index) {
            all.push(before);
        }
        all.push(brief);
    }
    all.extend(other);
    all
}

/// Whether results not counted are out of their order.
fn needs_ranking(briefs: &[Brief]) -> bool {
    let phrased = briefs.iter().any(|b| !b.phrase);
    !briefs.is_sorted_by_key(|b| (b.kind(phrased), b.index))
}

/// Results not counted, made whole in their order: each kind of result (see [`kind`]) in
/// catalog order.
pub(super) fn ranked(briefs: &[Brief]) -> Vec<ArticleHits> {
    let phrased = briefs.iter().any(|b| !b.phrase);
    let mut sorted: Vec<Brief>;
    // They come in catalog order, or in the order of the results they narrow.
    let briefs = match briefs.is_sorted_by_key(|b| b.index) {
        true => briefs,
        false => {
            sorted = briefs.to_vec();
            sorted.par_sort_unstable_by_key(|b| b.index);
            &sorted
        }
    };
    // A counting sort of their positions by kind, each kind a number in the kinds' order:
    // each result is then made once, where it goes, on every core.
    let code = |brief: &Brief| {
        let (later, Reverse(title)) = brief.kind(phrased);
        let title = title.min(usize::from(u16::MAX));
        usize::from(later) << 16 | (usize::from(u16::MAX) - title)
    };
    let mut start = vec![0u32; 1 << 17];
    for brief in briefs {
        start[code(brief)] += 1;
    }
    let mut next = 0;
    for slot in start.iter_mut() {
        (*slot, next) = (next, next + *slot);
    }
    let mut order = vec![0u32; briefs.len()];
    for (n, brief) in briefs.iter().enumerate() {
        let at = &mut start[code(brief)];
        order[*at as usize] = n as u32;
        *at += 1;
    }
    order
        .par_iter()
        .map(|&n| briefs[n as usize].whole())
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(index: usize, phrase: bool, title_count: usize, title_score: usize) -> ArticleHits {
        ArticleHits {
            index,
            title_count,
            count: None,
            from: index * 3,
            phrase,
            title_score,
            placed: None,
        }
    }

    /// The order spelled out: a sort by the documented key.
    fn by_key(hits: &[ArticleHits]) -> Vec<usize> {
        let phrased = hits.iter().any(|h| !h.phrase);
        let mut sorted = hits.to_vec();
        sorted.sort_by_key(|h| {
            let title = h.title_score.max(usize::from(h.title_count > 0));
            match phrased {
                true => (!h.phrase, Reverse(title), h.index),
                false => (false, Reverse(usize::from(h.title_count > 0)), h.index),
            }
        });
        sorted.iter().map(|h| h.index).collect()
    }

    #[test]
    fn results_not_counted_go_by_phrase_then_title_then_catalog_order() {
        let mut seed = 7u64;
        let mut next = |below: u64| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            ((seed >> 33) % below) as usize
        };
        for every_phrase in [false, true] {
            let hits: Vec<ArticleHits> = (0..3_000)
                .map(|index| {
                    let title_count = next(3);
                    let score = match title_count {
                        0 => 0,
                        _ => next(2) * 100 + 1 + next(3),
                    };
                    hit(index, every_phrase || next(3) > 0, title_count, score)
                })
                .collect();
            let briefs: Vec<Brief> = hits.iter().map(Brief::of).collect();
            let ranked = ranked(&briefs);
            let order: Vec<usize> = ranked.iter().map(|h| h.index).collect();
            assert_eq!(order, by_key(&hits));
            // Made whole as they were.
            assert!(ranked.iter().all(|h| hits[h.index] == *h));
            let mut shuffled = hits.clone();
            shuffled.reverse();
            rank(&mut shuffled);
            assert_eq!(shuffled, ranked);
        }
    }
}
