//! How one article matched a catalog search, and placing its matches in its text: the title's,
//! the first one, and the excerpt around it that the list shows.

use std::ops::Range;

use memchr::memmem;

use super::Query;
use super::excerpt::context;
use super::find::{find_all, merged};
use super::needles::Needles;
use super::stored::StoredArticle;
use crate::text::fold::FoldMap;

/// How one article matched a catalog search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleHits {
    /// The article's index in the catalog.
    pub index: usize,
    /// Number of matches in the title (up to [`COUNT_CAP`](super::COUNT_CAP)) when the
    /// article's are counted (`count` is not `None`); until then only whether there is one
    /// (0 or 1).
    pub title_count: usize,
    /// Number of matches in the whole article (title included), up to
    /// [`COUNT_CAP`](super::COUNT_CAP) unless case or accents mattered (then every match was
    /// checked, and counted); `None` until counted, which a search does only when it ranks by
    /// it, and placing always does.
    pub count: Option<usize>,
    /// Where in the article's folded text its first match starts (0 when not known, or when
    /// the words may come in any order; the syllable index tells that an article matches
    /// without reading as far as its first match): a query extending this one cannot match
    /// before it.
    pub from: usize,
    /// Whether it holds the query as a phrase (always, for a phrase): a search of words in
    /// any order ranks those first.
    pub phrase: bool,
    /// How well its title matches, for ranking: the phrase in it counts most, then how many
    /// of the words are in it.
    pub title_score: usize,
    /// Where its matches are in the text, once worked out: apart, since few results are
    /// placed and a search can find a quarter of a million.
    pub(super) placed: Option<Box<Placed>>,
}

/// Where a result's matches are in its article's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Placed {
    /// Matches in the title, as byte ranges of the article's text.
    title: Vec<Range<usize>>,
    /// The first match, as a byte range of the article's text.
    first: Range<usize>,
    /// The paragraph around the first match past the title (cut to a few hundred bytes each
    /// side), and where every match is in it: what the list shows, made here so that drawing
    /// reads no text. None when only the title matches: the list shows the title already.
    context: Option<(String, Vec<Range<usize>>)>,
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

    /// The paragraph around the first match past the title and where every match is in it,
    /// once placed; none when only the title matches.
    pub fn context(&self) -> Option<&(String, Vec<Range<usize>>)> {
        self.placed.as_ref().and_then(|p| p.context.as_ref())
    }

    /// Works out where the title matches and the first match are in the text, mapping back
    /// no more matches than that takes.
    pub fn place(&mut self, article: &StoredArticle<'_>, query: &Query) {
        let title = article.title_range.cloned().unwrap_or(0..0);
        // A caption under the headline often says the headline again: an excerpt of it would
        // only repeat the title, so the excerpt is of the first match past it.
        let said_again = {
            let headline = article.text.get(title.clone()).unwrap_or_default().trim();
            let after = article.text.get(title.end..).unwrap_or_default();
            let body = after.trim_start();
            match !headline.is_empty() && body.starts_with(headline) {
                true => {
                    let start = article.text.len() - body.len();
                    start + body.find("\n\n").unwrap_or(body.len())
                }
                false => title.end,
            }
        };
        // The title opens the shown text: its matches come first, then the first one past it.
        let found = merged(query.needles().into_iter().map(|q| {
            let folded = article.folded.bytes();
            let candidates =
                memmem::find_iter(folded, q.folded.as_bytes()).filter(|&at| q.fits(folded, at));
            article.matches(candidates, q, |m| m.start >= said_again)
        }));
        if self.count.is_none() {
            // Case or accents matter: only the text tells which folded matches count.
            self.count = Some(match query.case_sensitive() || query.accent_sensitive() {
                true => article.find_all(query).len(),
                false => Needles::new(query).count(article.folded.bytes()),
            });
        }
        let Some(first) = found.first().cloned() else {
            self.placed = None;
            return;
        };
        // Every word of the query marked in the excerpt, not only the one it is around.
        // Words in any order: the excerpt is where they stand together, when they do.
        let phrase = (query.needles().len() > 1).then(|| {
            let phrase = Query::new(&query.text, query.options);
            let folded = article.folded.bytes();
            let candidates = memmem::find_iter(folded, phrase.folded.as_bytes())
                .filter(|&at| phrase.fits(folded, at));
            let matches = article.matches(candidates, &phrase, |m| m.start >= said_again);
            matches.into_iter().find(|m| m.start >= said_again)
        });
        let body = phrase.flatten();
        let body = body
            .as_ref()
            .or_else(|| found.iter().find(|m| m.start >= said_again));
        let body = body.or_else(|| found.iter().find(|m| m.start >= title.end));
        let context = body.map(|body| {
            let (excerpt, at) = context(&article.text, article.shown_start, body.clone());
            // The excerpt is shown from the match it is around: words matched before it in
            // the paragraph are not where the list looks.
            let marks = find_all(&excerpt, &FoldMap::new(&excerpt), query)
                .into_iter()
                .filter(|m| m.start >= at.start)
                .collect();
            (excerpt, marks)
        });
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
