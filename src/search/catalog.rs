//! Searching the whole catalog: every match everywhere (for `docbao search`), and the list's
//! search, which finds, counts, ranks and places the articles that match, on every core.

use std::ops::Range;
use std::sync::Arc;

use memchr::memmem;
use rayon::prelude::*;

use super::Query;
use super::asked::{Known, ask};
use super::hits::ArticleHits;
use super::needles::{first_match, ruled_out};
use super::rank::{Brief, RANKED_UP_TO, merged, rank, ranked};
use super::searching::Searching;
use super::stored::{with_stored, with_stored_from};
use crate::catalog::{Catalog, Span};
use crate::text::grams;

/// Every match in every article, in catalog order, searched on every core; articles not
/// indexed yet are read from their files.
pub fn find_everywhere(catalog: &Catalog, query: &Query) -> Vec<Vec<Range<usize>>> {
    let finder = memmem::Finder::new(query.folded.as_bytes());
    let probe = grams::Probe::new(query.folded.as_bytes());
    (0..catalog.entries().len())
        .into_par_iter()
        .map(|index| {
            // Most articles do not match: their signature, or else their folded text, says so
            // without reading the text.
            let mut folded = None;
            if let Some(stored) = catalog.entries()[index].stored() {
                let summary = stored.summary();
                if summary.is_some_and(|s| ruled_out(s.grams, &probe)) {
                    return Vec::new();
                }
                folded = stored.folded();
                let absent = |f: &Span<'_>| first_match(f.bytes(), &finder, query, 0).is_none();
                if folded.as_ref().is_some_and(absent) {
                    return Vec::new();
                }
            }
            with_stored_from(catalog, index, folded, |a| a.find_all(query)).unwrap_or_default()
        })
        .collect()
}

/// The articles that match a query, best first: title hits, then more hits, then catalog order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogHits {
    /// The query these are the results of.
    pub query: Query,
    /// Matching articles, best first.
    pub hits: Vec<ArticleHits>,
    /// How many articles were searched: those indexed when the search ran.
    pub searched: usize,
}

/// Results placed in the text straight away: more than a screen of the list.
const PLACED_AHEAD: usize = 40;

/// An earlier result a search can narrow to: the article, and where its first match was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    /// The article's index in the catalog.
    pub index: usize,
    /// Where in its folded text the earlier query first matched.
    pub from: usize,
}

impl CatalogHits {
    /// What a search for a query extending this one can narrow to.
    pub fn found(&self) -> Vec<Found> {
        self.hits
            .iter()
            .map(|h| Found {
                index: h.index,
                from: h.from,
            })
            .collect()
    }
}

/// Searches every indexed article (or only those in `within`, the results of a query this
/// one extends, each from where that query first matched); returns `None` as soon as
/// `stale()` says the result is not wanted.
///
/// Matching runs on the folded text on every core, each article only as far as its first
/// match; matches are counted only when there are at most [`RANKED_UP_TO`] results to rank;
/// only when case or accents matter are candidates checked against the text, and only the
/// best [`PLACED_AHEAD`] results are mapped back for highlighting (the list does the rest
/// when they scroll into view).
pub fn search_catalog(
    catalog: &Catalog,
    query: &Query,
    within: Option<&[Found]>,
    stale: &(dyn Fn() -> bool + Sync),
) -> Option<CatalogHits> {
    let searched = catalog.indexed();
    if query.is_empty() {
        return Some(CatalogHits {
            query: query.clone(),
            hits: Vec::new(),
            searched,
        });
    }
    // The syllable index, once made, says which articles may match; the rest are not looked
    // at. Those it gives are searched as every article would be, but for what it knows for
    // certain (see `Known`), so the results are the same.
    let asked = catalog.syllables().and_then(|index| ask(index, query));
    let indexed = asked.is_some();
    let exact = !query.case_sensitive() && !query.accent_sensitive();
    // When the index knows every word and the phrase for certain, and holds more results
    // than are ranked by count, each of them is decided from the index and its title alone.
    let certain = asked
        .as_ref()
        .filter(|asked| exact && asked.certain() && asked.holding.len() > RANKED_UP_TO);
    let candidates: Vec<(Found, Known)> = match (certain, within, &asked) {
        (Some(_), _, _) => Vec::new(),
        (None, Some(found), None) => found.iter().map(|&f| (f, Known::default())).collect(),
        // What the index knows for certain wants no earlier result: where a query first
        // matched is only a place to start reading from.
        (None, Some(_), Some(asked)) if asked.certain() => asked.all(),
        (None, Some(found), Some(asked)) => found
            .iter()
            .filter_map(|&f| Some((f, asked.known(f.index)?)))
            .collect(),
        (None, None, Some(asked)) => asked.all(),
        (None, None, None) => (0..catalog.entries().len())
            .map(|index| (Found { index, from: 0 }, Known::default()))
            .collect(),
    };
    let few = certain.is_none() && candidates.len() <= RANKED_UP_TO;
    let searching = Searching::new(catalog, query, exact, few, indexed);
    // One pool, work stealing: a long article holds up only itself, not a whole chunk.
    let matching = |&(Found { index, from }, known): &(Found, Known)| {
        // Once stale, the rest is skipped and the whole dropped below.
        if stale() {
            return None;
        }
        searching
            .known(catalog, index, known)
            .or_else(|| searching.article(catalog, index, from, known))
    };
    let briefly = !few;
    let mut hits: Vec<ArticleHits> = match (certain, briefly) {
        (Some(asked), _) => {
            // Each article the index holds, on every core, in order; then those it does not
            // hold yet, searched.
            let held: Vec<usize> = asked.holding.iter().collect();
            let briefs: Vec<Brief> = held
                .par_iter()
                .map(|&index| searching.certain(catalog, index, asked.held(index).phrase))
                .collect();
            let others: Vec<Brief> = asked
                .uncovered
                .par_iter()
                .filter_map(|&index| matching(&(Found { index, from: 0 }, Known::default())))
                .map(|hit| Brief::of(&hit))
                .collect();
            ranked(&merged(briefs, others))
        }
        // Many results, none counted or placed yet: each kept short until ranked, and made
        // whole once, in its place.
        (None, true) => {
            let briefs: Vec<Brief> = candidates
                .par_iter()
                .filter_map(|candidate| matching(candidate).map(|hit| Brief::of(&hit)))
                .collect();
            match briefs.len() > RANKED_UP_TO {
                true => ranked(&briefs),
                false => briefs.iter().map(Brief::whole).collect(),
            }
        }
        (None, false) => candidates.par_iter().filter_map(matching).collect(),
    };
    if stale() {
        return None;
    }
    if hits.len() <= RANKED_UP_TO {
        hits.par_iter_mut()
            .filter(|h| h.count.is_none())
            .for_each(|hit| searching.count(catalog, hit));
    }
    // Those made from briefs are in their order already.
    if !(briefly && hits.len() > RANKED_UP_TO) {
        rank(&mut hits);
    }
    if stale() {
        return None;
    }
    hits.par_iter_mut()
        .take(PLACED_AHEAD)
        .filter(|h| !h.placed())
        .for_each(|hit| {
            let index = hit.index;
            with_stored(catalog, index, |article| hit.place(article, query));
        });
    Some(CatalogHits {
        query: query.clone(),
        hits,
        searched,
    })
}

/// A catalog shared with the search thread.
#[derive(Debug, Clone)]
pub struct Searcher {
    /// The catalog searched.
    pub catalog: Arc<Catalog>,
}

impl Searcher {
    /// A searcher over `catalog`.
    pub fn new(catalog: Arc<Catalog>) -> Searcher {
        Searcher { catalog }
    }

    /// Runs one catalog search to the end.
    pub fn run(&self, query: &Query) -> CatalogHits {
        search_catalog(&self.catalog, query, None, &|| false).unwrap_or(CatalogHits {
            query: query.clone(),
            hits: Vec::new(),
            searched: 0,
        })
    }
}
