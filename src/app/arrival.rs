//! A newer catalog coming in, from the indexer or the live folder: the same article stays
//! selected (and open), a search in the list runs again, and the last article read is kept.

use std::sync::Arc;

use super::{App, Focus, Follow, ReaderView, Screen, Then, opening};
use crate::catalog::Catalog;
use crate::catalog::indexer::Progress;
use crate::i18n::Say;
use crate::state::{Last, Pane};

impl App {
    /// Shows a newer catalog, as the indexing thread makes it: the same article stays
    /// selected (and open, re-read if its file changed), a search in the list is run again.
    pub(super) fn take_catalog(&mut self, catalog: Arc<Catalog>, progress: Progress) {
        // A catalog after indexing was done is the live folder's: a file changed.
        let live = self.live;
        self.live |= progress.done;
        self.progress = progress;
        if catalog == self.catalog {
            return;
        }
        let selected = self.entry().map(|e| (e.id.clone(), e.stamp));
        let old_position = self.list_position();
        let hits_ids: Option<Vec<String>> = self.list.hits().map(|hits| {
            hits.hits
                .iter()
                .filter_map(|h| self.catalog.entries().get(h.index).map(|e| e.id.clone()))
                .collect()
        });
        self.catalog = catalog;
        // The order the list shows, for the first and the last to be the list's.
        self.regroup();
        self.refresh_listing();
        let count = self.catalog.entries().len();
        let first = self.list_entry(0);
        let last = self
            .list_len()
            .checked_sub(1)
            .and_then(|p| self.list_entry(p));
        let by_id = |catalog: &Catalog, id: &str| {
            catalog.find(id).filter(|(_, e)| e.id == id).map(|(i, _)| i)
        };
        let found = selected
            .as_ref()
            .and_then(|(id, _)| by_id(&self.catalog, id));
        let filtered = self.list.filter.is_some();
        let target = match &self.follow {
            // Indexing is over: the folder changed under the user, who stays where they are.
            _ if live => found,
            Follow::Wanted(last) => match by_id(&self.catalog, &last.article) {
                Some(index) => {
                    if last.pane == Pane::Reader && matches!(self.screen, Screen::List) {
                        self.screen = Screen::Reader;
                    }
                    self.follow = Follow::Chosen;
                    Some(index)
                }
                None if progress.done => {
                    self.follow = Follow::Chosen;
                    found
                }
                None if filtered => found,
                None => first,
            },
            Follow::Top if !filtered => first,
            Follow::Bottom if !filtered => last,
            _ => found,
        };
        let in_its_place =
            old_position.and_then(|p| self.list_entry(p.min(self.list_len().saturating_sub(1))));
        self.list.selected = match target.or(in_its_place) {
            Some(index) => index,
            None => self.list.selected.min(count.saturating_sub(1)),
        };
        // The results shown stay, moved to where their articles are now, until the search
        // run again on this catalog answers.
        if let (Some(ids), Some(filter)) = (hits_ids, self.list.filter.as_mut()) {
            filter.remap(&self.catalog, &ids);
            let query = filter.query().clone();
            let selection = (self.list.selected, self.list.offset);
            self.filter_list(query, selection);
        }
        let (same_article, same_file) = match (&selected, self.entry()) {
            (Some((id, stamp)), Some(entry)) => (*id == entry.id, *stamp == entry.stamp),
            _ => (false, false),
        };
        let shown = self.reader.article.as_ref().map(|a| a.id.clone());
        let back = shown
            .as_deref()
            .filter(|_| self.reader.removed)
            .and_then(|id| by_id(&self.catalog, id));
        let removed = live
            && shown.is_some_and(|id| selected.as_ref().is_some_and(|(s, _)| *s == id))
            && found.is_none();
        if let Some(index) = back {
            // The article read was removed, and is back: selected again, read again.
            self.reader.removed = false;
            self.reader.unreadable = false;
            self.list.selected = index;
            self.note = None;
            self.reread_at_same_passage();
        } else if removed {
            // The article read was removed from the folder: it stays open, the one in its
            // place selected, until the user moves away.
            self.reader.removed = true;
            // Still there, but read no more (emptied, say): the catalog says why.
            let path = self.reader.article.as_ref().map(|a| a.path.clone());
            let problem = self
                .catalog
                .problems()
                .iter()
                .find(|p| Some(&p.path) == path.as_ref());
            self.reader.unreadable = problem.is_some();
            self.note = Some(match problem {
                Some(problem) => self.lang.tr(
                    "note-article-unreadable",
                    &[("why", problem.reason.say(self.lang).into())],
                ),
                None => self.lang.t("note-article-removed"),
            });
        } else if self.reader.removed {
            // Still shown as it was; the selection moves with the catalog.
        } else if !same_article {
            // Another article in its place (the one shown is gone): shown as if selected.
            let search = self.reader.search.take();
            self.reader = ReaderView::default();
            let search = search.map(|s| (s.query, Then::Show));
            self.open_selected(opening::Opening::showing(true, search));
        } else if !same_file || self.reader.article.is_none() {
            // The same article, changed: read again, at the same passage.
            self.reread_at_same_passage();
        }
        self.bookmarks_changed = true;
        self.unread_changed = true;
        self.refresh_listing();
        self.keep_selection_visible();
    }

    /// Keeps the article and pane to come back to up to date, so that a crash loses no
    /// more of them than of the position.
    pub(super) fn record_last(&mut self) {
        // The article read last time is still the one to come back to until it is listed.
        if matches!(self.follow, Follow::Wanted(_)) {
            return;
        }
        let Some(article) = self.entry() else {
            return;
        };
        let pane = match self.screen.focus() {
            Focus::List => Pane::List,
            Focus::Reader => Pane::Reader,
        };
        let last = Last {
            article: article.id.clone(),
            pane,
        };
        if self.reading.last.as_ref() != Some(&last) {
            self.reading.last = Some(last);
            self.reading_changed = true;
        }
    }
}
