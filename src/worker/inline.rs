//! Effects carried out at once on the calling thread: what the tests and benchmarks use.

use super::jobs::search_article;
use super::{Pages, Searches, Storage};

use crate::effect::{Answer, Effect};

/// Carries out effects at once, on this thread: what the tests use to see the files as a
/// user would after each key.
#[derive(Debug)]
pub struct Inline {
    /// The files.
    pub storage: Storage,
    /// The searches.
    pub searches: Searches,
    /// What was put on the clipboard, in order.
    pub copied: Vec<String>,
    /// Pages laid out lately.
    pub pages: Pages,
    /// How many times docbao would have gone back to the shell.
    pub suspended: usize,
}

impl Inline {
    /// Carries out one effect at once, and returns its answers.
    pub fn run(&mut self, effect: Effect) -> Vec<Answer> {
        match effect {
            Effect::SearchCatalog {
                generation,
                query,
                catalog,
            } => self
                .searches
                .run(generation, query, catalog, &|| false)
                .into_iter()
                .collect(),
            article @ Effect::SearchArticle { .. } => search_article(article).into_iter().collect(),
            open @ Effect::OpenArticle { .. } => self.pages.open(open).into_iter().collect(),
            Effect::Copy(text) => {
                self.copied.push(text);
                Vec::new()
            }
            Effect::FetchFeeds { into } => {
                let answers = std::sync::Mutex::new(Vec::new());
                super::feeds::fetch_feeds(self.storage.data_dir(), &into, &|answer| {
                    answers
                        .lock()
                        .unwrap_or_else(|p| p.into_inner())
                        .push(answer);
                });
                answers.into_inner().unwrap_or_else(|p| p.into_inner())
            }
            Effect::Suspend => {
                self.suspended += 1;
                Vec::new()
            }
            other => self.storage.run(other),
        }
    }
}
