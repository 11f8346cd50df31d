//! Searching and opening, off the UI thread: catalog searches that build on the last one, an
//! article's matches, and articles read and laid out (a few kept).

use std::path::PathBuf;
use std::sync::Arc;

use crate::catalog::{Article, Catalog, Stamp};
use crate::effect::{Answer, Effect, Loaded};
use crate::i18n::{Lang, Say};
use crate::page::Page;
use crate::search::{self, Query};
use crate::text::fold::FoldMap;

/// Catalog searches, with what the last one found so that a query extending it looks only
/// among its results (in the same catalog).
#[derive(Debug, Default)]
pub struct Searches {
    last: Option<(Arc<Catalog>, Query, Vec<search::Found>)>,
}

impl Searches {
    /// Nothing searched yet.
    pub fn new() -> Searches {
        Searches::default()
    }

    /// Runs one search; `None` when `stale()` said a newer one is wanted before it finished.
    pub fn run(
        &mut self,
        generation: u64,
        query: Query,
        catalog: Arc<Catalog>,
        stale: &(dyn Fn() -> bool + Sync),
    ) -> Option<Answer> {
        let within = self
            .last
            .as_ref()
            .filter(|(searched, previous, _)| {
                Arc::ptr_eq(searched, &catalog) && search::narrows(previous, &query)
            })
            .map(|(_, _, found)| found.as_slice());
        let hits = search::search_catalog(&catalog, &query, within, stale)?;
        self.last = Some((catalog, query, hits.found()));
        Some(Answer::SearchFinished {
            generation,
            hits: Arc::new(hits),
        })
    }
}

/// Searches an article, folding its text first when no search did yet.
pub(super) fn search_article(effect: Effect) -> Option<Answer> {
    let Effect::SearchArticle {
        generation,
        article,
        folded,
        query,
    } = effect
    else {
        return None;
    };
    let folded = folded.unwrap_or_else(|| Arc::new(FoldMap::new(article.shown_text())));
    let matches = search::find_in_article_with(&article, &folded, &query);
    Some(Answer::ArticleSearched {
        generation,
        matches,
        folded,
    })
}

/// Pages laid out lately, newest last: going back to an article shows it at once. Shared by
/// the loader's threads, each holding the lock only to look or to add, never while it reads.
#[derive(Debug, Default)]
pub struct Pages {
    kept: std::sync::Mutex<std::collections::VecDeque<Kept>>,
}

/// One page kept: what it was made of, the article and the page.
type Kept = (PageKey, Arc<Article>, Arc<Page>);

/// What a page was made of: the file as it was, the width and the language.
type PageKey = (PathBuf, Stamp, usize, Lang);

/// How many pages [`Pages`] keeps.
const PAGES_KEPT: usize = 8;

impl Pages {
    /// Reads and lays out what `effect` asks for, or finds it laid out already.
    pub fn open(&self, effect: Effect) -> Option<Answer> {
        let Effect::OpenArticle {
            request,
            catalog,
            index,
            article,
            width,
            lang,
            bookmarks,
        } = effect
        else {
            return None;
        };
        let (article, page) = match self.laid_out(&catalog, index, article, width, lang) {
            Ok(laid_out) => laid_out,
            Err(problem) => {
                let opened = Err(problem);
                return Some(Answer::ArticleOpened { request, opened });
            }
        };
        let (placed, changes) = crate::bookmarks::place(&bookmarks, &article);
        let opened = Ok(Box::new(Loaded {
            article,
            page,
            bookmarks,
            placed,
            changes,
        }));
        Some(Answer::ArticleOpened { request, opened })
    }

    /// The article read (unless given) and laid out, or found laid out already.
    fn laid_out(
        &self,
        catalog: &Catalog,
        index: usize,
        article: Option<Arc<Article>>,
        width: usize,
        lang: Lang,
    ) -> Result<(Arc<Article>, Arc<Page>), String> {
        let entry = catalog.entries().get(index);
        let key = entry.map(|e| (e.path.clone(), e.stamp, width, lang));
        // A thread that panicked holding the lock left nothing kept worth trusting.
        let found = self.kept.lock().ok().and_then(|mut kept| {
            let at = kept.iter().position(|(k, article_kept, _)| {
                Some(k) == key.as_ref()
                    && article
                        .as_ref()
                        .is_none_or(|given| Arc::ptr_eq(given, article_kept))
            })?;
            let hit = kept.remove(at)?;
            let laid_out = (Arc::clone(&hit.1), Arc::clone(&hit.2));
            kept.push_back(hit);
            Some(laid_out)
        });
        if let Some(laid_out) = found {
            return Ok(laid_out);
        }
        let article = match article {
            Some(article) => article,
            None => Arc::new(
                catalog
                    .article(index)
                    .map_err(|problem| problem.say(lang))?,
            ),
        };
        let page = Arc::new(Page::layout_in(&article, width, lang));
        if let (Some(key), Ok(mut kept)) = (key, self.kept.lock()) {
            if kept.len() == PAGES_KEPT {
                kept.pop_front();
            }
            kept.push_back((key, Arc::clone(&article), Arc::clone(&page)));
        }
        Ok((article, page))
    }
}
