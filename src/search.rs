//! Search: query parsing, matching in one article and across the catalog; no UI.
//!
//! Candidates are found in folded text (no accents, lowercase), then checked against the original
//! for case and accents when the query asks for them (smart case and smart accents, as `less -i`
//! and ripgrep's `--smart-case`). Every match is a byte range of whole graphemes in the article's
//! normalised text, so highlighting never cuts a letter in half.

use std::ops::Range;
use std::sync::Arc;

use memchr::memmem;
use rayon::prelude::*;
use unicode_normalization::UnicodeNormalization;

use crate::catalog::{Article, Catalog};
use crate::text::fold::{self, FoldMap};

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

/// How a query is matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Options {
    /// Upper and lower case.
    pub case: Sensitivity,
    /// Accents and đ.
    pub accents: Sensitivity,
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
        }
    }

    /// Whether there is nothing to search for.
    pub fn is_empty(&self) -> bool {
        self.folded.is_empty()
    }

    /// Whether this query tells case apart (after smart case).
    pub fn case_sensitive(&self) -> bool {
        self.cased.is_some()
    }

    /// Whether this query tells accents apart (after smart accents).
    pub fn accent_sensitive(&self) -> bool {
        self.accents.is_some()
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

/// Every match of `query` in `text`, as byte ranges of whole graphemes, in order.
pub fn find_all(text: &str, map: &FoldMap, query: &Query) -> Vec<Range<usize>> {
    if query.is_empty() {
        return Vec::new();
    }
    memmem::find_iter(map.folded.as_bytes(), query.folded.as_bytes())
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

/// Every match in every article, in catalog order, searched on every core.
pub fn find_everywhere(catalog: &Catalog, query: &Query) -> Vec<Vec<Range<usize>>> {
    catalog
        .articles()
        .par_iter()
        .map(|a| find_in_article(a, query))
        .collect()
}

/// The folded text of every article, made once and reused by every catalog search.
#[derive(Debug, Clone, Default)]
pub struct FoldedCatalog {
    folded: Vec<String>,
    titles: Vec<String>,
}

impl FoldedCatalog {
    /// Folds every article's shown text and title, on every core.
    pub fn new(catalog: &Catalog) -> FoldedCatalog {
        let folded: Vec<(String, String)> = catalog
            .articles()
            .par_iter()
            .map(|a| (fold::fold(a.shown_text()), fold::fold(&a.title)))
            .collect();
        let (folded, titles) = folded.into_iter().unzip();
        FoldedCatalog { folded, titles }
    }
}

/// How one article matched a catalog search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleHits {
    /// The article's index in the catalog.
    pub index: usize,
    /// Number of matches in the title.
    pub title_count: usize,
    /// Matches in the title, as byte ranges of the article's text, when worked out.
    pub title: Vec<Range<usize>>,
    /// Number of matches in the whole article (title included).
    pub count: usize,
    /// The first match, as a byte range of the article's text, when worked out.
    pub first: Option<Range<usize>>,
}

impl ArticleHits {
    /// Whether the title matches and the first match have been placed in the text.
    pub fn placed(&self) -> bool {
        self.first.is_some()
    }

    /// Works out where the title matches and the first match are in the original text.
    pub fn place(&mut self, article: &Article, query: &Query) {
        self.place_with(article, query, None);
    }

    /// Like [`ArticleHits::place`], mapping back no more matches than that takes.
    ///
    /// `folded` is the article's folded text, when at hand, to find how far to fold with a map.
    fn place_with(&mut self, article: &Article, query: &Query, folded: Option<(&str, &str)>) {
        let title_range = article.title_range.clone().unwrap_or(0..0);
        let shown = article.shown_start;
        let text = &article.text[shown..];
        // The title opens the shown text; the first match may lie further on.
        let limit = folded.map_or(usize::MAX, |(body, title)| {
            let first = memmem::find(body.as_bytes(), query.folded.as_bytes()).unwrap_or(0);
            first.max(title.len()) + query.folded.len() + 8
        });
        let map = FoldMap::up_to(text, limit);
        let mut matches = memmem::find_iter(map.folded.as_bytes(), query.folded.as_bytes())
            .map(|at| map.to_original(text, at..at + query.folded.len()))
            .filter(|range| query.accepts(text, range))
            .map(|r| r.start + shown..r.end + shown);
        self.first = matches.next();
        let in_title = |m: &Range<usize>| title_range.start <= m.start && m.end <= title_range.end;
        self.title = self
            .first
            .iter()
            .cloned()
            .chain(matches.take_while(|m| m.start < title_range.end))
            .filter(in_title)
            .collect();
    }
}

/// The articles that match a query, best first: title hits, then more hits, then catalog order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogHits {
    /// The query these are the results of.
    pub query: Query,
    /// Matching articles, best first.
    pub hits: Vec<ArticleHits>,
}

/// Results placed in the original text straight away: more than a screen of the list.
const PLACED_AHEAD: usize = 40;

/// Searches every article (or only those in `within`, the results of a query this one
/// extends); returns `None` as soon as `stale()` says the result is not wanted.
///
/// Matching runs on the folded text on every core; only when case or accents matter are
/// candidates checked against the original, and only the best [`PLACED_AHEAD`] results are
/// mapped back for highlighting (the list does the rest when they scroll into view).
pub fn search_catalog(
    catalog: &Catalog,
    folded: &FoldedCatalog,
    query: &Query,
    within: Option<&[usize]>,
    stale: &(dyn Fn() -> bool + Sync),
) -> Option<CatalogHits> {
    if query.is_empty() {
        return Some(CatalogHits {
            query: query.clone(),
            hits: Vec::new(),
        });
    }
    let all: Vec<usize>;
    let candidates = match within {
        Some(indices) => indices,
        None => {
            all = (0..catalog.articles().len()).collect();
            &all
        }
    };
    let finder = memmem::Finder::new(query.folded.as_bytes());
    let exact = !query.case_sensitive() && !query.accent_sensitive();
    /// A search found stale half-way: its results are not wanted.
    struct Stale;
    // One pool, work stealing: a long article holds up only itself, not a whole chunk.
    let found: Result<Vec<Option<ArticleHits>>, Stale> = candidates
        .par_iter()
        .map(|&index| {
            if stale() {
                return Err(Stale);
            }
            let (Some(article), Some(text)) =
                (catalog.articles().get(index), folded.folded.get(index))
            else {
                return Ok(None);
            };
            let count = finder.find_iter(text.as_bytes()).count();
            if count == 0 {
                return Ok(None);
            }
            let title = folded.titles.get(index).map_or("", String::as_str);
            let mut hit = ArticleHits {
                index,
                title_count: finder.find_iter(title.as_bytes()).count(),
                title: Vec::new(),
                count,
                first: None,
            };
            if !exact {
                // Case or accents matter: only the original can say.
                let matches = find_in_article(article, query);
                if matches.is_empty() {
                    return Ok(None);
                }
                hit.count = matches.len();
                hit.place(article, query);
                hit.title_count = hit.title.len();
            }
            Ok(Some(hit))
        })
        .collect();
    let mut hits: Vec<ArticleHits> = found.ok()?.into_iter().flatten().collect();
    hits.sort_by_key(|h| (h.title_count == 0, std::cmp::Reverse(h.count), h.index));
    for hit in hits
        .iter_mut()
        .take(PLACED_AHEAD)
        .filter(|h| h.first.is_none())
    {
        let texts = folded
            .folded
            .get(hit.index)
            .zip(folded.titles.get(hit.index))
            .map(|(body, title)| (body.as_str(), title.as_str()));
        hit.place_with(&catalog.articles()[hit.index], query, texts);
    }
    Some(CatalogHits {
        query: query.clone(),
        hits,
    })
}

/// Whether a search for `next` can look only among the results for `previous`: `previous`
/// ignored case and accents (so its results hold every article `next` can match) and `next`
/// extends it.
pub fn narrows(previous: &Query, next: &Query) -> bool {
    !previous.case_sensitive()
        && !previous.accent_sensitive()
        && !previous.is_empty()
        && next.folded.starts_with(&previous.folded)
}

/// A catalog and its folded copy, shared with the search thread.
#[derive(Debug, Clone)]
pub struct Searcher {
    /// The catalog searched.
    pub catalog: Arc<Catalog>,
    /// Its folded text.
    pub folded: Arc<FoldedCatalog>,
}

impl Searcher {
    /// Folds the catalog once for the searches to come.
    pub fn new(catalog: Arc<Catalog>) -> Searcher {
        let folded = Arc::new(FoldedCatalog::new(&catalog));
        Searcher { catalog, folded }
    }

    /// Runs one catalog search to the end.
    pub fn run(&self, query: &Query) -> CatalogHits {
        search_catalog(&self.catalog, &self.folded, query, None, &|| false).unwrap_or(CatalogHits {
            query: query.clone(),
            hits: Vec::new(),
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
