//! What a query looks for in folded text: its phrase, or each of its words, each with a finder
//! and a probe of the article's trigram signature; where they first occur and how often.

use memchr::memmem;

use super::Query;
use super::rank::{COUNT_CAP, count};
use crate::text::grams;

/// A phrase ready to be looked for in folded text.
pub(super) struct Needle<'q> {
    query: &'q Query,
    finder: memmem::Finder<'q>,
    pub(super) probe: grams::Probe,
}

impl<'q> Needle<'q> {
    pub(super) fn new(query: &'q Query) -> Needle<'q> {
        Needle {
            query,
            finder: memmem::Finder::new(query.folded.as_bytes()),
            probe: grams::Probe::new(query.folded.as_bytes()),
        }
    }

    /// Where it first occurs at or after `from` in a folded text `len` bytes long, as far as
    /// `bytes`, the folded text from `start`, tell: `Some(None)` when it does not occur,
    /// `None` when they cannot tell. `start` is the text's start or at least four bytes before
    /// `from`.
    pub(super) fn seen(
        &self,
        bytes: &[u8],
        start: usize,
        len: usize,
        from: usize,
    ) -> Option<Option<usize>> {
        let complete = start + bytes.len() >= len;
        // Whether a match fits the word setting may hang on the character after it: one
        // ending in the last four bytes read is left to more of the text.
        let sure = match complete {
            true => bytes.len(),
            false => bytes.len().saturating_sub(4),
        };
        let from = from.saturating_sub(start).min(bytes.len());
        for at in self.finder.find_iter(&bytes[from..]).map(|at| from + at) {
            if at + self.query.folded.len() > sure {
                return None;
            }
            if self.query.fits(bytes, at) {
                return Some(Some(start + at));
            }
        }
        complete.then_some(None)
    }

    /// Whether folded `haystack` holds it where its word setting allows.
    pub(super) fn occurs(&self, haystack: &[u8]) -> bool {
        self.finder
            .find_iter(haystack)
            .any(|at| self.query.fits(haystack, at))
    }
}

/// What a query looks for: the phrase, or each of its words when they may come in any order.
pub(super) struct Needles<'q> {
    pub(super) needles: Vec<Needle<'q>>,
}

impl<'q> Needles<'q> {
    pub(super) fn new(query: &'q Query) -> Needles<'q> {
        Needles {
            needles: query.needles().into_iter().map(Needle::new).collect(),
        }
    }

    /// Whether an article's signature says it cannot hold the query (or a word of it).
    pub(super) fn ruled_out(&self, grams: &[u8]) -> bool {
        self.needles.iter().any(|n| ruled_out(grams, &n.probe))
    }

    /// Where the phrase first occurs in folded `text` at or after `from` (0 for words in any
    /// order); `None` when the article does not match.
    pub(super) fn first_match(&self, text: &[u8], from: usize) -> Option<usize> {
        let phrase = self.needles.len() == 1;
        let mut first = 0;
        for needle in &self.needles {
            let from = if phrase { from } else { 0 };
            let at = first_match(text, &needle.finder, needle.query, from)?;
            if phrase {
                first = at;
            }
        }
        Some(first)
    }

    /// How often the query occurs in a folded title (as [`Needles::count`]; only whether it
    /// does, 0 or 1, unless `counting`) and how well it matches (for ranking: 100 for the
    /// phrase in it, any query holding it, and one for each word in it).
    pub(super) fn title(
        &self,
        phrase: Option<&Needle<'_>>,
        title: &[u8],
        counting: bool,
    ) -> (usize, usize) {
        self.title_told(phrase, title, counting, |_| None, None)
    }

    /// The same, told whether the title holds the `n`th word where `told(n)` knows (such a
    /// word is not looked for unless counting) and, when known, whether it holds the phrase.
    pub(super) fn title_told(
        &self,
        phrase: Option<&Needle<'_>>,
        title: &[u8],
        counting: bool,
        told: impl Fn(usize) -> Option<bool>,
        holds_phrase: Option<bool>,
    ) -> (usize, usize) {
        let (mut total, mut words) = (0, 0);
        for (n, needle) in self.needles.iter().enumerate() {
            let found = match (told(n), counting) {
                (Some(false), _) => 0,
                (Some(true), false) => 1,
                (_, true) => count(&needle.finder, needle.query, title),
                (None, false) => usize::from(needle.occurs(title)),
            };
            total += found;
            words += usize::from(found > 0);
        }
        let whole = match phrase {
            Some(phrase) => holds_phrase.unwrap_or_else(|| phrase.occurs(title)),
            None => words > 0,
        };
        let total = match counting {
            true => total.min(COUNT_CAP),
            false => usize::from(total > 0),
        };
        (total, usize::from(whole) * 100 + words)
    }

    /// How often the query occurs in folded `haystack`: the phrase, or its words together, up
    /// to [`COUNT_CAP`].
    pub(super) fn count(&self, haystack: &[u8]) -> usize {
        self.needles
            .iter()
            .map(|n| count(&n.finder, n.query, haystack))
            .sum::<usize>()
            .min(COUNT_CAP)
    }
}

/// Whether an article's signature `grams` says the needle of `probe` cannot be in it.
pub(super) fn ruled_out(grams: &[u8], probe: &grams::Probe) -> bool {
    probe.rules_out() && !probe.may_occur(grams)
}

/// Where folded `text` first holds the query at or after `from` (the first match of a query
/// this one extends).
pub(super) fn first_match(
    text: &[u8],
    finder: &memmem::Finder<'_>,
    query: &Query,
    from: usize,
) -> Option<usize> {
    let from = from.min(text.len());
    finder
        .find_iter(&text[from..])
        .map(|at| from + at)
        .find(|&at| query.fits(text, at))
}
