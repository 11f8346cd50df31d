//! What the syllable index says of a query before any article is read: which articles hold
//! its words (and its phrase), whether surely, and which titles may hold them.

use super::{Found, Query, candidates};
use crate::catalog::Catalog;
use crate::catalog::syllables::{Articles, Syllables};

/// What the syllable index knows of an article before it is read.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Known {
    /// Every word of the query is in it where the word setting wants.
    pub(super) words: bool,
    /// Whether it holds the whole query as a phrase, when the index can tell.
    pub(super) phrase: Option<bool>,
}

/// What the syllable index answers for a query.
pub(super) struct Asked<'s> {
    /// The articles it holds that hold every word (or the phrase).
    pub(super) holding: Articles,
    /// Whether those surely match (when neither case nor accents matter).
    pub(super) sure: bool,
    /// For words in any order: the articles that may hold the whole query as a phrase (those
    /// missing a syllable or pair of it cannot), and whether they surely do.
    pub(super) phrase: Option<(Articles, bool)>,
    /// The articles it does not hold: searched as every article is.
    pub(super) uncovered: &'s [usize],
}

impl Asked<'_> {
    /// Whether it knows for certain which articles hold every word, and which the phrase.
    pub(super) fn certain(&self) -> bool {
        self.sure && self.phrase.as_ref().is_none_or(|p| p.1)
    }

    /// What is known of article `index`; `None` when it cannot match.
    pub(super) fn known(&self, index: usize) -> Option<Known> {
        if self.holding.contains(index) {
            return Some(self.held(index));
        }
        self.uncovered
            .binary_search(&index)
            .is_ok()
            .then(Known::default)
    }

    /// What is known of article `index`, which it holds.
    pub(super) fn held(&self, index: usize) -> Known {
        Known {
            words: self.sure,
            phrase: self
                .phrase
                .as_ref()
                .map(|(phrase, sure)| match phrase.contains(index) {
                    true => sure.then_some(true),
                    false => Some(false),
                })
                .unwrap_or(None),
        }
    }

    /// Every article that may match, in catalog order, with what is known of it.
    pub(super) fn all(&self) -> Vec<(Found, Known)> {
        let found = |index| Found { index, from: 0 };
        let mut all = Vec::with_capacity(self.holding.len() + self.uncovered.len());
        let mut uncovered = self.uncovered.iter().copied().peekable();
        for index in self.holding.iter() {
            while let Some(other) = uncovered.next_if(|&u| u < index) {
                all.push((found(other), Known::default()));
            }
            all.push((found(index), self.held(index)));
        }
        all.extend(uncovered.map(|other| (found(other), Known::default())));
        all
    }
}

/// What the syllable index says of `query`; `None` when it can say nothing (a query matched
/// anywhere inside words, say).
pub(super) fn ask<'s>(index: &'s Syllables, query: &Query) -> Option<Asked<'s>> {
    let holding = index.holding(&candidates::wanted(query))?;
    let exact = !query.case_sensitive() && !query.accent_sensitive();
    let sure = exact && query.needles().into_iter().all(candidates::exact);
    // The phrase only ranks: what the index knows of it is used when the folded text decides.
    let phrase = match query.any_order() && exact {
        true => {
            let whole = Query::new(&query.text, query.options);
            let maybe = index.holding(&candidates::wanted(&whole));
            maybe.map(|maybe| (maybe, candidates::exact(query)))
        }
        false => None,
    };
    Some(Asked {
        holding,
        sure,
        phrase,
        uncovered: index.uncovered(),
    })
}

/// What the titles' dictionary says of a query: which titles may hold each word, and the
/// phrase, and whether surely; a title it leaves out is not read.
pub(super) struct Titled {
    /// For each word, the articles whose title may hold it, and whether surely.
    pub(super) words: Vec<(Articles, bool)>,
    /// For words in any order, the articles whose title may hold the whole query as a
    /// phrase, and whether surely.
    pub(super) phrase: Option<(Articles, bool)>,
}

impl Titled {
    /// What the catalog's titles say of `query`; `None` when they cannot say.
    pub(super) fn of(catalog: &Catalog, query: &Query) -> Option<Titled> {
        let terms = catalog.title_terms();
        let size = catalog.entries().len();
        // As bits: asked of each of a quarter of a million results.
        let known = |needle: &Query| {
            let wanted = candidates::wanted(needle);
            if wanted.is_empty() {
                return None;
            }
            let mut may = Articles::new(size);
            for at in terms.holding(&wanted)? {
                may.insert(at as usize);
            }
            Some((may, candidates::exact(needle)))
        };
        let words = query
            .needles()
            .into_iter()
            .map(known)
            .collect::<Option<Vec<_>>>()?;
        let phrase = match query.any_order() {
            true => Some(known(&Query::new(&query.text, query.options))?),
            false => None,
        };
        Some(Titled { words, phrase })
    }

    /// Whether the title of article `index` holds the `n`th word, when known.
    pub(super) fn holds(&self, index: usize, n: usize) -> Option<bool> {
        let (may, sure) = self.words.get(n)?;
        match may.contains(index) {
            true => sure.then_some(true),
            false => Some(false),
        }
    }

    /// Whether the title of article `index` holds the phrase, when known.
    pub(super) fn holds_phrase(&self, index: usize) -> Option<bool> {
        let (may, sure) = self.phrase.as_ref()?;
        match may.contains(index) {
            true => sure.then_some(true),
            false => Some(false),
        }
    }
}
