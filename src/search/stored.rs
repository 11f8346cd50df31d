//! An article as the catalog stored it (text, folded text and marks, read and checked), and
//! getting at it: from the catalog, or afresh from its file when what was stored has gone bad.

use std::borrow::Cow;
use std::ops::Range;

use memchr::memmem;

use super::Query;
use super::find::{find_all, merged};
use crate::catalog::{Article, Catalog, SegmentBuilder, Span, Stored};
use crate::text::fold::{self, FoldMap, Mark};

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
    pub(super) fn matches(
        &self,
        candidates: impl Iterator<Item = usize>,
        query: &Query,
        mut stop: impl FnMut(&Range<usize>) -> bool,
    ) -> Vec<Range<usize>> {
        let shown = self.shown();
        let mut out = Vec::new();
        // Candidates come in order: the text between them is folded once.
        let mut unfold = fold::Unfold::new(shown, &self.marks);
        for at in candidates {
            let range = unfold.to_original(at..at + query.folded.len());
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

    /// The first match of `query` as a phrase in the shown text.
    pub(super) fn first(&self, query: &Query) -> Option<Range<usize>> {
        if query.is_empty() {
            return None;
        }
        let folded = self.folded.bytes();
        let candidates =
            memmem::find_iter(folded, query.folded.as_bytes()).filter(|&at| query.fits(folded, at));
        self.matches(candidates, query, |_| true).pop()
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
pub(super) fn with_stored_from<'c, R>(
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
pub(super) fn with_folded<R>(
    catalog: &Catalog,
    index: usize,
    f: impl FnOnce(&[u8]) -> R,
) -> Option<R> {
    let entry = catalog.entries().get(index)?;
    if let Some(folded) = entry.stored().and_then(Stored::folded) {
        return Some(f(folded.bytes()));
    }
    let stored = afresh(&catalog.article(index).ok()?)?;
    Some(f(stored.folded()?.bytes()))
}

/// An article's parts made afresh from what was read of its file, in memory: what a catalog
/// read without the cache keeps of it.
pub(super) fn afresh(article: &Article) -> Option<Stored> {
    let mut builder = SegmentBuilder::default();
    builder.add(article);
    let (segment, mut parts) = builder.finish().in_memory();
    Some(Stored::new(segment, parts.pop()?))
}
