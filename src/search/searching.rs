//! Trying a catalog search on one article: from what the index knows, the summary, the
//! folded text, and only when case or accents matter, the text.

use std::ops::Range;

use super::Query;
use super::asked::{Known, Titled};
use super::hits::ArticleHits;
use super::needles::{Needle, Needles, ruled_out};
use super::rank::Brief;
use super::stored::{StoredArticle, afresh, with_folded, with_stored};
use crate::catalog::{Catalog, Stored, Summary};

/// A catalog search ready to be tried on each article.
pub(super) struct Searching<'q> {
    query: &'q Query,
    /// What is looked for on its own: the query's words, or its phrase.
    pub(super) needles: Needles<'q>,
    /// The whole query as a phrase, when its words may come in any order: articles holding
    /// it so rank first.
    pub(super) phrase: Option<Needle<'q>>,
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

impl<'q> Searching<'q> {
    /// A search for `query` in `catalog`, which tells case or accents apart unless `exact`,
    /// among `few` candidates or more; `indexed` when the syllable index answers it.
    pub(super) fn new(
        catalog: &Catalog,
        query: &'q Query,
        exact: bool,
        few: bool,
        indexed: bool,
    ) -> Searching<'q> {
        Searching {
            query,
            needles: Needles::new(query),
            phrase: query.any_order().then(|| Needle::new(query)),
            exact,
            few,
            // Titles are read only to rank the results the index knows of (see `known`).
            titled: (indexed && exact && !few)
                .then(|| Titled::of(catalog, query))
                .flatten(),
        }
    }

    /// How article `index` matches, given where the query this one extends first matched in
    /// it; `None` when it does not, or is not indexed yet (left to the search after it is).
    /// When what was stored of it is damaged, it is searched in parts made afresh from its
    /// file, so that what is found is what a catalog read without the cache finds.
    pub(super) fn article(
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
    pub(super) fn known(
        &self,
        catalog: &Catalog,
        index: usize,
        known: Known,
    ) -> Option<ArticleHits> {
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
    pub(super) fn certain(&self, catalog: &Catalog, index: usize, phrase: Option<bool>) -> Brief {
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
        if self.few {
            let holds = article.holds_all(self.query);
            return Ok((self.counted(&mut hit, &article) && holds).then_some(hit));
        }
        // Too many to count: whether each word is there, and the first of each in the title,
        // is all that ranks them (counted later if they turn out few).
        let title = title_range.cloned().unwrap_or(0..0);
        let mut in_title = false;
        for needle in self.query.needles() {
            let Some(first) = article.first(needle) else {
                return Ok(None);
            };
            in_title |= title.start <= first.start && first.end <= title.end;
        }
        hit.title_count = usize::from(in_title);
        if !in_title {
            // The folded title held it, but not with these accents or this case.
            hit.title_score = 0;
        }
        Ok(Some(hit))
    }

    /// Counts `hit`'s matches, in its title too, and places them: in the folded text when
    /// neither case nor accents matter, else in the text, which decides.
    pub(super) fn count(&self, catalog: &Catalog, hit: &mut ArticleHits) {
        if !self.exact {
            with_stored(catalog, hit.index, |article| self.counted(hit, article));
            return;
        }
        hit.count = with_folded(catalog, hit.index, |f| self.needles.count(f));
        // The title's matches counted with the article's.
        if hit.count.is_some() && hit.title_count > 0 {
            let title = catalog.folded_titles().get(hit.index);
            let phrase = self.phrase.as_ref();
            hit.title_count = self.needles.title(phrase, title, true).0;
        }
    }

    /// Counts and places the matches of `hit` in `article`'s text, where case and accents
    /// are told apart; whether there are any.
    fn counted(&self, hit: &mut ArticleHits, article: &StoredArticle<'_>) -> bool {
        let matches = article.find_all(self.query);
        hit.count = Some(matches.len());
        hit.place(article, self.query);
        hit.title_count = hit.title().len();
        if hit.title_count == 0 {
            // The folded title held it, but not with these accents or this case.
            hit.title_score = 0;
        }
        !matches.is_empty()
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
