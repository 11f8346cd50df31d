//! Search: query parsing, matching in one article and across the catalog; no UI.
//!
//! Candidates are found in folded text (no accents, lowercase), then checked against the original
//! for case and accents when the query asks for them (smart case and smart accents, as `less -i`
//! and ripgrep's `--smart-case`). Every match is a byte range of whole graphemes in the article's
//! normalised text, so highlighting never cuts a letter in half.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::Arc;

use memchr::memmem;
use rayon::prelude::*;
use unicode_normalization::UnicodeNormalization;

use crate::catalog::{Article, Catalog, SegmentBuilder, Span, Stored, Summary};
use crate::text::fold::{self, FoldMap, Mark};
use crate::text::words::{char_at, char_before, word_edge};
use crate::text::{grams, sieve};

/// Whether a search tells apart upper and lower case, or letters with and without accents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sensitivity {
    /// Sensitive only when the query itself has capitals (or diacritics).
    #[default]
    Smart,
    /// Always sensitive.
    On,
    /// Never sensitive.
    Off,
}

impl Sensitivity {
    /// The next setting in the cycle smart → on → off → smart.
    pub fn next(self) -> Sensitivity {
        match self {
            Sensitivity::Smart => Sensitivity::On,
            Sensitivity::On => Sensitivity::Off,
            Sensitivity::Off => Sensitivity::Smart,
        }
    }

    /// A short name for prompts: `smart`, `on`, `off`.
    pub fn label(self) -> &'static str {
        match self {
            Sensitivity::Smart => "smart",
            Sensitivity::On => "on",
            Sensitivity::Off => "off",
        }
    }

    fn decide(self, query_asks: bool) -> bool {
        match self {
            Sensitivity::Smart => query_asks,
            Sensitivity::On => true,
            Sensitivity::Off => false,
        }
    }
}

/// Where in the words of the text a match may begin and end. A Vietnamese word is a run of
/// short syllables, and a query matched anywhere finds `an` inside "toàn", "bản" and "ngân".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Words {
    /// At the start of a word: every query word but the last is a whole word, the last may
    /// be the start of one, so that `thu tuo` finds "thủ tướng" as it is typed.
    #[default]
    Start,
    /// Every query word a whole word.
    Whole,
    /// Anywhere, inside words too.
    Anywhere,
}

impl Words {
    /// The next setting in the cycle word start → whole words → anywhere.
    pub fn next(self) -> Words {
        match self {
            Words::Start => Words::Whole,
            Words::Whole => Words::Anywhere,
            Words::Anywhere => Words::Start,
        }
    }

    /// A short name for prompts: `start`, `whole`, `anywhere`.
    pub fn label(self) -> &'static str {
        match self {
            Words::Start => "start",
            Words::Whole => "whole",
            Words::Anywhere => "anywhere",
        }
    }
}

/// How a query is matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Options {
    /// Upper and lower case.
    pub case: Sensitivity,
    /// Accents and đ.
    pub accents: Sensitivity,
    /// Where in words a match may begin and end.
    pub words: Words,
}

/// A parsed query, ready to match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    /// What the user typed, in NFC.
    pub text: String,
    /// The options it was parsed with.
    pub options: Options,
    /// The folded form that candidates are found with.
    folded: String,
    /// The case-keeping fold, when case matters.
    cased: Option<String>,
    /// Letter marks and word tones, when accents matter.
    accents: Option<fold::Accents>,
    /// Its words, each matched on its own, when they may come in any order (the list's
    /// search); empty for a phrase.
    parts: Vec<Query>,
}

impl Query {
    /// Parses a query; surrounding whitespace is ignored and inner runs count as one space.
    pub fn new(text: &str, options: Options) -> Query {
        let text: String = text.trim().nfc().collect();
        let case_sensitive = options.case.decide(text.chars().any(char::is_uppercase));
        let accent_sensitive = options.accents.decide(fold::has_diacritic(&text));
        Query {
            folded: fold::fold(&text),
            cased: case_sensitive.then(|| fold::fold_keep_case(&text)),
            accents: accent_sensitive.then(|| fold::accents(&text)),
            text,
            options,
            parts: Vec::new(),
        }
    }

    /// The same query with its words matched in any order, as fzf does: what the list's
    /// search finds. Each word but the last typed is a whole word when matches start at word
    /// starts; a single word is unchanged.
    pub fn in_any_order(mut self) -> Query {
        let words: Vec<&str> = self.text.split_whitespace().collect();
        if words.len() < 2 {
            return self;
        }
        let last = words.len() - 1;
        // A word typed (or pasted) twice must be there once: each is looked for once.
        let mut seen = std::collections::HashSet::new();
        self.parts = words
            .iter()
            .enumerate()
            .filter(|&(i, word)| seen.insert((*word, i == last)))
            .map(|(i, word)| {
                let mut options = self.options;
                if i < last && options.words == Words::Start {
                    options.words = Words::Whole;
                }
                Query::new(word, options)
            })
            .collect();
        self
    }

    /// Whether its words may match in any order.
    pub fn any_order(&self) -> bool {
        !self.parts.is_empty()
    }

    /// What is looked for on its own: its words in any order, or the phrase.
    fn needles(&self) -> Vec<&Query> {
        if self.parts.is_empty() {
            vec![self]
        } else {
            self.parts.iter().collect()
        }
    }

    /// Whether there is nothing to search for.
    pub fn is_empty(&self) -> bool {
        self.folded.is_empty()
    }

    /// Whether a candidate found at `at` of folded text begins (and, for whole words, ends)
    /// where the query's word setting wants it to.
    fn fits(&self, folded: &[u8], at: usize) -> bool {
        let (Some(first), Some(last)) =
            (self.folded.chars().next(), self.folded.chars().next_back())
        else {
            return true;
        };
        let end = at + self.folded.len();
        match self.options.words {
            Words::Anywhere => true,
            Words::Start => word_edge(char_before(folded, at), Some(first)),
            Words::Whole => {
                word_edge(char_before(folded, at), Some(first))
                    && word_edge(Some(last), char_at(folded, end))
            }
        }
    }

    /// Whether this query tells case apart (after smart case), in any of its words.
    pub fn case_sensitive(&self) -> bool {
        self.cased.is_some() || self.parts.iter().any(Query::case_sensitive)
    }

    /// Whether this query tells accents apart (after smart accents), in any of its words.
    pub fn accent_sensitive(&self) -> bool {
        self.accents.is_some() || self.parts.iter().any(Query::accent_sensitive)
    }

    /// Whether the folded candidate at `range` of `text` really matches, given case and accents.
    fn accepts(&self, text: &str, range: &Range<usize>) -> bool {
        let found = &text[range.clone()];
        if let Some(cased) = &self.cased
            && fold::fold_keep_case(found) != *cased
        {
            return false;
        }
        match &self.accents {
            Some(wanted) => accents_match(wanted, text, range),
            None => true,
        }
    }
}

/// Whether the accents at `range` of `text` are those of the query.
fn accents_match(wanted: &fold::Accents, text: &str, range: &Range<usize>) -> bool {
    let found = fold::accents(&text[range.clone()]);
    if found.letters != wanted.letters {
        return false;
    }
    // Tones belong to whole words: look at the words the match starts and ends inside of.
    let start = text[..range.start]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || fold::is_foldable_mark(c))
        .last()
        .map_or(range.start, |(at, _)| at);
    let end = text[range.end..]
        .char_indices()
        .find(|&(_, c)| !(c.is_alphanumeric() || fold::is_foldable_mark(c)))
        .map_or(text.len(), |(at, _)| range.end + at);
    let words = fold::accents(&text[start..end]);
    if words.tones.len() != wanted.tones.len() {
        return false;
    }
    let last = wanted.tones.len().saturating_sub(1);
    wanted
        .tones
        .iter()
        .zip(&words.tones)
        .enumerate()
        .all(|(i, (want, have))| {
            // A last word still being typed, without its tone yet, matches any tone.
            let unfinished = i == last
                && want.is_empty()
                && wanted.word_lengths[i] < words.word_lengths[i]
                && !text[range.clone()].ends_with(char::is_whitespace);
            unfinished || want == have
        })
}

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
fn merged(lists: impl Iterator<Item = Vec<Range<usize>>>) -> Vec<Range<usize>> {
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

/// An article as the catalog stored it: its text, folded text and marks, read and checked.
#[derive(Debug, Clone)]
pub struct StoredArticle<'a> {
    /// The whole normalised text.
    pub text: Cow<'a, str>,
    /// Where what the reader shows begins in it.
    pub shown_start: usize,
    /// Where the title lies in it, when it is taken from the text.
    pub title_range: Option<&'a Range<usize>>,
    /// The folded shown text.
    pub folded: Span<'a>,
    /// Marks mapping folded offsets of the shown text back to it.
    pub marks: Vec<Mark>,
}

impl<'a> StoredArticle<'a> {
    /// An article as `stored`, if that is intact (`folded`, when given, is its whole folded
    /// text, read already), given where what the reader shows begins in its text and where its
    /// title lies.
    pub fn new(
        stored: &'a Stored,
        shown_start: usize,
        title_range: Option<&'a Range<usize>>,
        folded: Option<Span<'a>>,
    ) -> Option<StoredArticle<'a>> {
        let folded = match folded {
            Some(folded) => folded,
            None => stored.folded()?,
        };
        let text = stored.text()?;
        text.text.get(shown_start..)?;
        Some(StoredArticle {
            text: text.text,
            shown_start,
            title_range,
            folded,
            marks: text.marks,
        })
    }

    fn shown(&self) -> &str {
        &self.text[self.shown_start..]
    }

    /// The matches, in order, among the candidates found in the folded text (folded offsets):
    /// each mapped back through the marks and checked for case and accents. `stop` ends the
    /// walk early, given each match found.
    fn matches(
        &self,
        candidates: impl Iterator<Item = usize>,
        query: &Query,
        mut stop: impl FnMut(&Range<usize>) -> bool,
    ) -> Vec<Range<usize>> {
        let shown = self.shown();
        let mut out = Vec::new();
        for at in candidates {
            let range = fold::to_original_marked(shown, &self.marks, at..at + query.folded.len());
            if !query.accepts(shown, &range) {
                continue;
            }
            let range = range.start + self.shown_start..range.end + self.shown_start;
            let done = stop(&range);
            out.push(range);
            if done {
                break;
            }
        }
        out
    }

    /// Every match of `query` in the shown text, as byte ranges of the text; of each of its
    /// words, when they may come in any order.
    pub fn find_all(&self, query: &Query) -> Vec<Range<usize>> {
        merged(query.needles().into_iter().map(|q| self.find_phrase(q)))
    }

    /// Whether every word of `query` (or the phrase) is in the shown text.
    pub fn holds_all(&self, query: &Query) -> bool {
        query
            .needles()
            .into_iter()
            .all(|q| !self.find_phrase(q).is_empty())
    }

    /// Every match of `query` as a phrase in the shown text.
    fn find_phrase(&self, query: &Query) -> Vec<Range<usize>> {
        if query.is_empty() {
            return Vec::new();
        }
        let folded = self.folded.bytes();
        let candidates: Vec<usize> = memmem::find_iter(folded, query.folded.as_bytes())
            .filter(|&at| query.fits(folded, at))
            .collect();
        // Matches close together are mapped faster by folding the text once, with a map.
        if candidates.len() * fold::MARK_EVERY > self.shown().len() {
            let shown = self.shown();
            return find_all(shown, &FoldMap::new(shown), query)
                .into_iter()
                .map(|r| r.start + self.shown_start..r.end + self.shown_start)
                .collect();
        }
        self.matches(candidates.into_iter(), query, |_| false)
    }
}

/// Runs `f` on the stored form of article `index`: as the catalog stored it, or, when it was
/// not indexed or what was stored has gone bad, read again from its file and stored afresh.
pub fn with_stored<R>(
    catalog: &Catalog,
    index: usize,
    f: impl FnOnce(&StoredArticle<'_>) -> R,
) -> Option<R> {
    with_stored_from(catalog, index, None, f)
}

/// [`with_stored`], given the article's folded parts when they were read already.
fn with_stored_from<'c, R>(
    catalog: &'c Catalog,
    index: usize,
    folded: Option<Span<'c>>,
    f: impl FnOnce(&StoredArticle<'_>) -> R,
) -> Option<R> {
    let entry = catalog.entries().get(index)?;
    let title_range = entry.title_range.as_ref();
    if let Some(stored) = entry.stored()
        && let Some(article) = StoredArticle::new(stored, entry.shown_start, title_range, folded)
    {
        return Some(f(&article));
    }
    let article = catalog.article(index).ok()?;
    let stored = afresh(&article)?;
    let title_range = article.title_range.as_ref();
    Some(f(&StoredArticle::new(
        &stored,
        article.shown_start,
        title_range,
        None,
    )?))
}

/// Runs `f` on the folded text of article `index`: as the catalog stored it, or, when it was
/// not indexed or what was stored has gone bad, read again from its file and folded afresh.
fn with_folded<R>(catalog: &Catalog, index: usize, f: impl FnOnce(&[u8]) -> R) -> Option<R> {
    let entry = catalog.entries().get(index)?;
    if let Some(folded) = entry.stored().and_then(Stored::folded) {
        return Some(f(folded.bytes()));
    }
    let stored = afresh(&catalog.article(index).ok()?)?;
    Some(f(stored.folded()?.bytes()))
}

/// An article's parts made afresh from what was read of its file, in memory: what a catalog
/// read without the cache keeps of it.
fn afresh(article: &Article) -> Option<Stored> {
    let mut builder = SegmentBuilder::default();
    builder.add(article);
    let (segment, mut parts) = builder.finish().in_memory();
    Some(Stored::new(segment, parts.pop()?))
}

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

/// How one article matched a catalog search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleHits {
    /// The article's index in the catalog.
    pub index: usize,
    /// Number of matches in the title.
    pub title_count: usize,
    /// Number of matches in the whole article (title included), up to [`COUNT_CAP`] unless
    /// case or accents mattered (then every match was checked, and counted); `None` until
    /// counted, which a search does only when it ranks by it, and placing always does.
    pub count: Option<usize>,
    /// Where in the article's folded text its first match starts (0 when not known, or when
    /// the words may come in any order): a query extending this one cannot match before it.
    pub from: usize,
    /// Whether it holds the query as a phrase (always, for a phrase): a search of words in
    /// any order ranks those first.
    pub phrase: bool,
    /// How well its title matches, for ranking: the phrase in it counts most, then how many
    /// of the words are in it.
    pub title_score: usize,
    /// Where its matches are in the text, once worked out: apart, since few results are
    /// placed and a search can find a quarter of a million.
    placed: Option<Box<Placed>>,
}

/// Where a result's matches are in its article's text.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Placed {
    /// Matches in the title, as byte ranges of the article's text.
    title: Vec<Range<usize>>,
    /// The first match, as a byte range of the article's text.
    first: Range<usize>,
    /// The paragraph around the first match (cut to a few hundred bytes each side), and where
    /// the match is in it: what the list shows, made here so that drawing reads no text.
    context: (String, Range<usize>),
}

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

impl ArticleHits {
    /// Whether the title matches and the first match have been placed in the text.
    pub fn placed(&self) -> bool {
        self.placed.is_some()
    }

    /// Matches in the title, as byte ranges of the article's text, once placed.
    pub fn title(&self) -> &[Range<usize>] {
        self.placed.as_ref().map_or(&[], |p| &p.title)
    }

    /// The first match, as a byte range of the article's text, once placed.
    pub fn first(&self) -> Option<&Range<usize>> {
        self.placed.as_ref().map(|p| &p.first)
    }

    /// The paragraph around the first match and where the match is in it, once placed.
    pub fn context(&self) -> Option<&(String, Range<usize>)> {
        self.placed.as_ref().map(|p| &p.context)
    }

    /// Works out where the title matches and the first match are in the text, mapping back
    /// no more matches than that takes.
    pub fn place(&mut self, article: &StoredArticle<'_>, query: &Query) {
        let title = article.title_range.cloned().unwrap_or(0..0);
        // The title opens the shown text: its matches come first, then the first one past it.
        let found = merged(query.needles().into_iter().map(|q| {
            let folded = article.folded.bytes();
            let candidates =
                memmem::find_iter(folded, q.folded.as_bytes()).filter(|&at| q.fits(folded, at));
            article.matches(candidates, q, |m| m.start >= title.end)
        }));
        if self.count.is_none() {
            self.count = Some(Needles::new(query).count(article.folded.bytes()));
        }
        let Some(first) = found.first().cloned() else {
            self.placed = None;
            return;
        };
        let context = context(&article.text, article.shown_start, first.clone());
        let title = found
            .into_iter()
            .filter(|m| title.start <= m.start && m.end <= title.end)
            .collect();
        self.placed = Some(Box::new(Placed {
            title,
            first,
            context,
        }));
    }
}

/// Bytes of a paragraph kept each side of a match for the list's excerpt: more than a row.
const CONTEXT_BYTES: usize = 400;

/// The paragraph of `text` around `hit` (blank lines are where it ends, and it starts no
/// earlier than `from`), cut to [`CONTEXT_BYTES`] each side, and where the hit is in it.
fn context(text: &str, from: usize, hit: Range<usize>) -> (String, Range<usize>) {
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

/// Most results ranked by how often they match: past this many, the query is still too short
/// to say anything by its counts (it matches nearly everywhere), and counting every match of
/// every article would cost a whole scan per key; such results keep catalog order after the
/// title matches, and each is counted when placed.
pub const RANKED_UP_TO: usize = 2_000;

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
    let all: Vec<Found>;
    let candidates = match within {
        Some(found) => found,
        None => {
            all = (0..catalog.entries().len())
                .map(|index| Found { index, from: 0 })
                .collect();
            &all
        }
    };
    let searching = Searching {
        query,
        needles: Needles::new(query),
        phrase: query.any_order().then(|| Needle::new(query)),
        exact: !query.case_sensitive() && !query.accent_sensitive(),
        few: candidates.len() <= RANKED_UP_TO,
    };
    // One pool, work stealing: a long article holds up only itself, not a whole chunk.
    let mut hits: Vec<ArticleHits> = candidates
        .par_iter()
        .filter_map(|&Found { index, from }| {
            // Once stale, the rest is skipped and the whole dropped below.
            if stale() {
                return None;
            }
            searching.article(catalog, index, from)
        })
        .collect();
    if stale() {
        return None;
    }
    if hits.len() <= RANKED_UP_TO {
        hits.par_iter_mut()
            .filter(|h| h.count.is_none())
            .for_each(|hit| {
                hit.count = with_folded(catalog, hit.index, |f| searching.needles.count(f));
            });
    }
    rank(&mut hits);
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
}

/// What was stored of an article is not what was written, or cannot be read.
struct Damaged;

impl Searching<'_> {
    /// How article `index` matches, given where the query this one extends first matched in
    /// it; `None` when it does not, or is not indexed yet (left to the search after it is).
    /// When what was stored of it is damaged, it is searched in parts made afresh from its
    /// file, so that what is found is what a catalog read without the cache finds.
    fn article(&self, catalog: &Catalog, index: usize, from: usize) -> Option<ArticleHits> {
        let entry = catalog.entries().get(index)?;
        let stored = entry.stored()?;
        let title_range = entry.title_range.as_ref();
        match self.stored(index, stored, entry.shown_start, title_range, from) {
            Ok(hit) => hit,
            Err(Damaged) => {
                let article = catalog.article(index).ok()?;
                let stored = afresh(&article)?;
                let title_range = article.title_range.as_ref();
                let hit = self.stored(index, &stored, article.shown_start, title_range, from);
                hit.ok().flatten()
            }
        }
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
    ) -> Result<Option<ArticleHits>, Damaged> {
        // Whether it matches comes from the summary, in memory: most articles that cannot
        // hold the query are ruled out by their signature, and the head of the folded text
        // says where the first letters typed first match in many of the rest. Only when it
        // cannot say is the folded text read, from where the query this one extends first
        // matched, a chunk first; all of it only when more than the first match is wanted;
        // the text only when case or accents matter.
        let summary = stored.summary().ok_or(Damaged)?;
        if self.needles.ruled_out(summary.grams) {
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
            false => match self.scan(stored, &summary, from)? {
                Some((first, holds)) => (first, holds, None),
                None => return Ok(None),
            },
        };
        let mut hit = ArticleHits {
            index,
            title_count: self.needles.count(summary.title),
            count: None,
            from: first,
            phrase,
            title_score: self
                .needles
                .title_score(self.phrase.as_ref(), summary.title),
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
    ) -> Result<Option<(usize, bool)>, Damaged> {
        let words = &self.needles.needles;
        let single = words.len() == 1;
        // The phrase is looked for only where the signature says it may be.
        let phrase = self
            .phrase
            .as_ref()
            .filter(|p| !ruled_out(summary.grams, &p.probe));
        let mut looks: Vec<Look<'_, '_>> = words
            .iter()
            .map(|needle| Look {
                needle,
                from: if single { from } else { 0 },
                seen: None,
            })
            .chain(phrase.map(|needle| Look {
                needle,
                from: 0,
                seen: None,
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

/// A phrase ready to be looked for in folded text.
struct Needle<'q> {
    query: &'q Query,
    finder: memmem::Finder<'q>,
    probe: grams::Probe,
}

impl<'q> Needle<'q> {
    fn new(query: &'q Query) -> Needle<'q> {
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
    fn seen(&self, bytes: &[u8], start: usize, len: usize, from: usize) -> Option<Option<usize>> {
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
    fn occurs(&self, haystack: &[u8]) -> bool {
        self.finder
            .find_iter(haystack)
            .any(|at| self.query.fits(haystack, at))
    }
}

/// What a query looks for: the phrase, or each of its words when they may come in any order.
struct Needles<'q> {
    needles: Vec<Needle<'q>>,
}

impl<'q> Needles<'q> {
    fn new(query: &'q Query) -> Needles<'q> {
        Needles {
            needles: query.needles().into_iter().map(Needle::new).collect(),
        }
    }

    /// Whether an article's signature says it cannot hold the query (or a word of it).
    fn ruled_out(&self, grams: &[u8]) -> bool {
        self.needles.iter().any(|n| ruled_out(grams, &n.probe))
    }

    /// Where the phrase first occurs in folded `text` at or after `from` (0 for words in any
    /// order); `None` when the article does not match.
    fn first_match(&self, text: &[u8], from: usize) -> Option<usize> {
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

    /// How well a folded title matches: 100 for the phrase in it (any query holding it), and
    /// one for each word in it.
    fn title_score(&self, phrase: Option<&Needle<'_>>, title: &[u8]) -> usize {
        let words = self.needles.iter().filter(|n| n.occurs(title)).count();
        let whole = match phrase {
            Some(phrase) => phrase.occurs(title),
            None => words > 0,
        };
        usize::from(whole) * 100 + words
    }

    /// How often the query occurs in folded `haystack`: the phrase, or its words together, up
    /// to [`COUNT_CAP`].
    fn count(&self, haystack: &[u8]) -> usize {
        self.needles
            .iter()
            .map(|n| count(&n.finder, n.query, haystack))
            .sum::<usize>()
            .min(COUNT_CAP)
    }
}

/// Whether an article's signature `grams` says the needle of `probe` cannot be in it.
fn ruled_out(grams: &[u8], probe: &grams::Probe) -> bool {
    probe.rules_out() && !probe.may_occur(grams)
}

/// Where folded `text` first holds the query at or after `from` (the first match of a query
/// this one extends).
fn first_match(
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

/// Puts results in their order: for words in any order, those holding them as a phrase
/// first; then title matches, then by how often they match, then in catalog order.
fn rank(hits: &mut Vec<ArticleHits>) {
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
    let (mut titled, mut rest): (Vec<ArticleHits>, Vec<ArticleHits>) = std::mem::take(hits)
        .into_iter()
        .partition(|h| h.title_count > 0);
    titled.sort_by_key(|h| h.index);
    rest.sort_by_key(|h| h.index);
    titled.append(&mut rest);
    *hits = titled;
}

/// Matches counted in an article at most: past this many, an article is as good a match as
/// any other, and the count stops, so that the first letters typed, which match everywhere,
/// scan only the start of each article.
pub const COUNT_CAP: usize = 99;

/// How often the query occurs in folded `haystack` where its word setting allows (without
/// overlaps, as memmem finds them), up to [`COUNT_CAP`].
fn count(finder: &memmem::Finder<'_>, query: &Query, haystack: &[u8]) -> usize {
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

/// What `docbao search` with no cache reads files through: which files may hold a match of
/// a query, so that only those are read whole and parsed.
#[derive(Debug, Clone)]
pub struct FileSieve {
    folded: String,
    sieve: Option<sieve::Sieve>,
}

impl FileSieve {
    /// The sieve for `query`.
    pub fn new(query: &Query) -> FileSieve {
        FileSieve {
            folded: query.folded.clone(),
            sieve: sieve::Sieve::new(&query.folded),
        }
    }

    /// Whether a file's bytes can hold a match: `false` only for UTF-8 text whose fold, once
    /// read, cannot hold the folded query. Told from the bytes by a regular expression where
    /// one could be made (see [`sieve`]), else by folding plain text (see
    /// [`crate::text::normalize::is_plain`]).
    pub fn may_match(&self, bytes: &[u8]) -> bool {
        thread_local! {
            static FOLDED: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
        }
        let Ok(text) = simdutf8::basic::from_utf8(bytes) else {
            return true;
        };
        // Blank text is kept to be reported as such; text reading would change, to be read.
        if self.folded.is_empty() || text.trim().is_empty() {
            return true;
        }
        if let Some(sieve) = &self.sieve {
            return sieve.may_match(bytes);
        }
        FOLDED.with_borrow_mut(|folded| {
            folded.clear();
            !fold::fold_plain(text, folded)
                || memmem::find(folded, self.folded.as_bytes()).is_some()
        })
    }
}

/// Whether a search for `next` can look only among the results for `previous`: `previous`
/// ignored case and accents (so its results hold every article `next` can match) and `next`
/// extends it.
pub fn narrows(previous: &Query, next: &Query) -> bool {
    let Some(added) = next.folded.strip_prefix(previous.folded.as_str()) else {
        return false;
    };
    // A whole word made longer is another word: `thu` does not hold `thuy`.
    let same_words = previous.options.words == next.options.words
        && (previous.options.words != Words::Whole || added.is_empty() || added.starts_with(' '));
    !previous.case_sensitive() && !previous.accent_sensitive() && !previous.is_empty() && same_words
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

/// Line (1-based) and column (1-based, in characters) of a byte offset in text.
pub fn line_column(text: &str, at: usize) -> (usize, usize) {
    let found = Lines::new(text).locate(at);
    (found.line, found.column)
}

/// Where an offset is in a text: its line and column, and the bounds of that line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
    /// Byte range of the whole line, without its newline.
    pub bounds: Range<usize>,
}

/// Finds lines and columns of offsets taken in order, scanning the text once in all, however
/// many matches a long line has.
#[derive(Debug, Clone)]
pub struct Lines<'a> {
    text: &'a str,
    line: usize,
    bounds: Range<usize>,
    /// The last offset located, and its column.
    at: usize,
    column: usize,
}

impl<'a> Lines<'a> {
    /// Starts at the top of `text`.
    pub fn new(text: &'a str) -> Lines<'a> {
        let mut lines = Lines {
            text,
            line: 1,
            bounds: 0..0,
            at: 0,
            column: 1,
        };
        lines.bounds = 0..lines.line_end(0);
        lines
    }

    fn line_end(&self, from: usize) -> usize {
        memchr::memchr(b'\n', &self.text.as_bytes()[from..]).map_or(self.text.len(), |i| from + i)
    }

    /// The line and column of `offset`, which must not come before the last one located.
    pub fn locate(&mut self, offset: usize) -> Located {
        let offset = offset.clamp(self.at, self.text.len());
        if offset > self.bounds.end {
            let skipped = &self.text.as_bytes()[self.bounds.end..offset];
            self.line += memchr::memchr_iter(b'\n', skipped).count();
            let start = memchr::memrchr(b'\n', skipped)
                .map_or(self.bounds.end, |i| self.bounds.end + i + 1);
            self.bounds = start..self.line_end(start);
            self.at = start;
            self.column = 1;
        }
        self.column += self.text[self.at..offset].chars().count();
        self.at = offset;
        Located {
            line: self.line,
            column: self.column,
            bounds: self.bounds.clone(),
        }
    }
}
