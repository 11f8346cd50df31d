//! Searching the whole catalog: every match everywhere (for `docbao search`), and the list's
//! search, which finds, counts, ranks and places the articles that match, on every core.

use std::ops::Range;
use std::sync::Arc;

use memchr::memmem;
use rayon::prelude::*;

use super::Query;
use super::asked::{Known, Titled, ask};
use super::hits::ArticleHits;
use super::needles::{Needle, Needles, first_match, ruled_out};
use super::rank::{Brief, RANKED_UP_TO, merged, rank, ranked};
use super::stored::{StoredArticle, afresh, with_folded, with_stored, with_stored_from};
use crate::catalog::{Catalog, Span, Stored, Summary};
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
    let searching = Searching {
        query,
        needles: Needles::new(query),
        phrase: query.any_order().then(|| Needle::new(query)),
        exact,
        few,
        // Titles are read only to rank the results the index knows of (see `known`).
        titled: (indexed && exact && !few)
            .then(|| Titled::of(catalog, query))
            .flatten(),
    };
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
    let briefly = exact && !few;
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
            .for_each(|hit| {
                hit.count = with_folded(catalog, hit.index, |f| searching.needles.count(f));
                // The title's matches counted with the article's.
                if hit.count.is_some() && hit.title_count > 0 {
                    let title = catalog.folded_titles().get(hit.index);
                    let phrase = searching.phrase.as_ref();
                    hit.title_count = searching.needles.title(phrase, title, true).0;
                }
            });
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

/// A catalog search ready to be tried on each article.
struct Searching<'q> {
    query: &'q Query,
    needles: Needles<'q>,
    /// The whole query as a phrase, when its words may come in any order: articles holding
    /// it so rank first.
    phrase: Option<Needle<'q>>,
    /// Whether neither case nor accents matter, so that the folded text decides.
    exact: bool,
    /// Whether there are few enough candidates that every match is counted while each is
    /// read (the results are then few enough to rank by count).
    few: bool,
    /// What the titles' dictionary says, when the syllable index answers.
    titled: Option<Titled>,
}

/// What was stored of an article is not what was written, or cannot be read.
struct Damaged;

impl Searching<'_> {
    /// How article `index` matches, given where the query this one extends first matched in
    /// it; `None` when it does not, or is not indexed yet (left to the search after it is).
    /// When what was stored of it is damaged, it is searched in parts made afresh from its
    /// file, so that what is found is what a catalog read without the cache finds.
    fn article(
        &self,
        catalog: &Catalog,
        index: usize,
        from: usize,
        known: Known,
    ) -> Option<ArticleHits> {
        let entry = catalog.entries().get(index)?;
        let stored = entry.stored()?;
        let title_range = entry.title_range.as_ref();
        match self.stored(index, stored, entry.shown_start, title_range, from, known) {
            Ok(hit) => hit,
            Err(Damaged) => {
                let article = catalog.article(index).ok()?;
                let stored = afresh(&article)?;
                let title_range = article.title_range.as_ref();
                // Read afresh: nothing is taken for known.
                let unknown = Known::default();
                let hit = self.stored(
                    index,
                    &stored,
                    article.shown_start,
                    title_range,
                    from,
                    unknown,
                );
                hit.ok().flatten()
            }
        }
    }

    /// How article `index` matches when the index knows all a result says but for its title,
    /// which its folded title tells: nothing else of the article is read (where its first
    /// match is stays not known, 0). `None` when more must be known (then the article is
    /// searched).
    fn known(&self, catalog: &Catalog, index: usize, known: Known) -> Option<ArticleHits> {
        let phrase = match (&self.phrase, known.phrase) {
            (None, _) => true,
            (Some(_), Some(holds)) => holds,
            (Some(_), None) => return None,
        };
        if !(self.exact && !self.few && known.words) {
            return None;
        }
        Some(self.certain(catalog, index, Some(phrase)).whole())
    }

    /// How article `index` matches when it surely does, and holds the phrase as `phrase`
    /// says (none: there is no phrase to hold), from its title alone (see `known`).
    fn certain(&self, catalog: &Catalog, index: usize, phrase: Option<bool>) -> Brief {
        let title = catalog.folded_titles().get(index);
        let (title_count, title_score) = match &self.titled {
            Some(titled) => self.needles.title_told(
                self.phrase.as_ref(),
                title,
                false,
                |n| titled.holds(index, n),
                titled.holds_phrase(index),
            ),
            None => self.needles.title(self.phrase.as_ref(), title, false),
        };
        Brief::of(&ArticleHits {
            index,
            title_count,
            count: None,
            from: 0,
            phrase: phrase.unwrap_or(true),
            title_score,
            placed: None,
        })
    }

    /// How an article matches, from `stored` (the rest as for [`Searching::article`]); `Err`
    /// when what was stored is damaged, and then nothing of it was used.
    fn stored(
        &self,
        index: usize,
        stored: &Stored,
        shown_start: usize,
        title_range: Option<&Range<usize>>,
        from: usize,
        known: Known,
    ) -> Result<Option<ArticleHits>, Damaged> {
        // Whether it matches comes from the summary, in memory: most articles that cannot
        // hold the query are ruled out by their signature, and the head of the folded text
        // says where the first letters typed first match in many of the rest. Only when it
        // cannot say is the folded text read, from where the query this one extends first
        // matched, a chunk first; all of it only when more than the first match is wanted;
        // the text only when case or accents matter.
        let summary = stored.summary().ok_or(Damaged)?;
        if !known.words && self.needles.ruled_out(summary.grams) {
            return Ok(None);
        }
        let (first, phrase, folded) = match !self.exact || self.few {
            true => {
                let folded = stored.folded().ok_or(Damaged)?;
                let Some(first) = self.needles.first_match(folded.bytes(), from) else {
                    return Ok(None);
                };
                let phrase = self.phrase.as_ref();
                let holds = phrase.is_none_or(|p| p.occurs(folded.bytes()));
                (first, holds, Some(folded))
            }
            false => match self.scan(stored, &summary, from, known)? {
                Some((first, holds)) => (first, holds, None),
                None => return Ok(None),
            },
        };
        let (title_count, title_score) =
            self.needles
                .title(self.phrase.as_ref(), summary.title, self.few);
        let mut hit = ArticleHits {
            index,
            title_count,
            count: None,
            from: first,
            phrase,
            title_score,
            placed: None,
        };
        if self.exact {
            // Few enough to rank by count whatever matches: counted now, while the folded
            // text is at hand, rather than read again.
            if self.few {
                hit.count = folded.map(|f| self.needles.count(f.bytes()));
            }
            return Ok(Some(hit));
        }
        // Case or accents matter: the text decides.
        let article =
            StoredArticle::new(stored, shown_start, title_range, folded).ok_or(Damaged)?;
        let matches = article.find_all(self.query);
        hit.count = Some(matches.len());
        hit.place(&article, self.query);
        hit.title_count = hit.title().len();
        if hit.title_count == 0 {
            // The folded title held it, but not with these accents or this case.
            hit.title_score = 0;
        }
        Ok((article.holds_all(self.query) && !matches.is_empty()).then_some(hit))
    }

    /// Where the query first matches an article's folded text at or after `from` (0 for
    /// words in any order) and whether it holds the whole query as a phrase, reading as little
    /// as tells: the head, in memory, then the chunk where `from` is, then the rest, none of
    /// it read twice. `None` when it does not match.
    fn scan(
        &self,
        stored: &Stored,
        summary: &Summary<'_>,
        from: usize,
        known: Known,
    ) -> Result<Option<(usize, bool)>, Damaged> {
        let words = &self.needles.needles;
        let single = words.len() == 1;
        // What the index knows is not looked for: each word (where the first match is stays
        // not known, 0), and the phrase.
        let words_seen = known.words.then_some(Some(0));
        let phrase_seen = known.phrase.map(|holds| holds.then_some(0));
        // The phrase is looked for only where the signature says it may be.
        let phrase = self
            .phrase
            .as_ref()
            .filter(|p| phrase_seen.is_some() || !ruled_out(summary.grams, &p.probe));
        let mut looks: Vec<Look<'_, '_>> = words
            .iter()
            .map(|needle| Look {
                needle,
                from: if single { from } else { 0 },
                seen: words_seen,
            })
            .chain(phrase.map(|needle| Look {
                needle,
                from: 0,
                seen: phrase_seen,
            }))
            .collect();
        // Enough bytes past a place to tell whether a match starting there fits.
        let past = self.query.folded.len() + 4;
        for stage in 0..3 {
            let span;
            let (bytes, start) = match stage {
                0 => (summary.head, 0),
                _ => {
                    let open = looks.iter().filter(|l| l.seen.is_none()).map(|l| l.from);
                    // From four bytes before: whether a match begins a word hangs on the
                    // character before it.
                    let start = open.clone().min().unwrap_or(0).saturating_sub(4);
                    let end = match stage {
                        1 => open.max().unwrap_or(0) + past,
                        _ => summary.len,
                    };
                    span = stored.folded_span(start..end).ok_or(Damaged)?;
                    (span.bytes(), span.start)
                }
            };
            for look in looks.iter_mut().filter(|l| l.seen.is_none()) {
                look.seen = look.needle.seen(bytes, start, summary.len, look.from);
                // A match not seen yet starts no earlier than this near the end of what was
                // read: the next read starts there.
                look.from = look.from.max((start + bytes.len()).saturating_sub(past));
            }
            if looks[..words.len()].iter().any(|l| l.seen == Some(None)) {
                return Ok(None);
            }
            if looks.iter().all(|l| l.seen.is_some()) {
                break;
            }
        }
        let first = match single {
            true => looks[0].seen.flatten().unwrap_or(0),
            false => 0,
        };
        let holds = match (&self.phrase, phrase) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(_), Some(_)) => looks.last().and_then(|l| l.seen).flatten().is_some(),
        };
        Ok(Some((first, holds)))
    }
}

/// A needle being looked for in an article's folded text, a read at a time.
struct Look<'n, 'q> {
    needle: &'n Needle<'q>,
    /// Where to look from.
    from: usize,
    /// What was found: `Some(None)` when it is not there, `None` while not known.
    seen: Option<Option<usize>>,
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
