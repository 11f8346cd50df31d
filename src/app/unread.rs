//! Read and unread: marking an article by hand, the list narrowed to the unread articles,
//! the next unread article, and how many are left.

use std::sync::Arc;

use super::App;
use crate::search::CatalogHits;

impl App {
    /// Marks the selected article read, or unread when it is read already.
    pub(super) fn toggle_read(&mut self) {
        let Some(id) = self.entry().map(|e| e.id.clone()) else {
            return;
        };
        let read = !self.reading.is_read(&id);
        self.reading.mark(&id, read);
        self.reading_changed = true;
        self.unread_changed = true;
        if !read {
            // What is on screen now is not read again until the user moves in the article.
            self.reader.seen = 0;
            self.reader.held = true;
            self.reader.recorded = None;
        }
        self.note = Some(self.lang.t(if read {
            "note-marked-read"
        } else {
            "note-marked-unread"
        }));
    }

    /// Lists only the unread articles, or every article again.
    pub(super) fn toggle_unread_view(&mut self) {
        self.list.unread_only = !self.list.unread_only;
        self.refresh_listing();
        if let Some(filter) = &self.list.filter {
            // The search is run again, for its results to be narrowed (or no longer).
            let query = filter.query().clone();
            let selection = (self.list.selected, self.list.offset);
            self.filter_list(query, selection);
        }
        self.keep_selection_visible();
        let key = self
            .keys
            .key(self.mode(), &crate::action::Action::ToggleUnreadView)
            .to_owned();
        self.note = Some(if self.list.unread_only {
            self.lang.tr("note-unread-only", &[("key", key.into())])
        } else {
            self.lang.t("note-every-article")
        });
    }

    /// Narrows a search's results to the unread articles when only those are listed.
    pub(super) fn narrow_to_unread(&self, hits: &mut Arc<CatalogHits>) {
        if !self.list.unread_only {
            return;
        }
        let entries = self.catalog.entries();
        let read = |index: usize| {
            entries
                .get(index)
                .is_some_and(|e| self.reading.is_read(&e.id))
        };
        if hits.hits.iter().any(|h| read(h.index)) {
            Arc::make_mut(hits).hits.retain(|h| !read(h.index));
        }
    }

    /// Selects the next unread article of the list after the selected one, from the top
    /// again past the end; `false` when there is none.
    pub(super) fn next_unread(&mut self) -> bool {
        let count = self.list_len();
        let at = self.list_position().unwrap_or(0);
        let entries = self.catalog.entries();
        let found = (1..=count)
            .map(|k| (k, (at + k) % count))
            .filter_map(|(k, p)| Some((k, self.list_entry(p)?)))
            .find(|&(_, i)| {
                i != self.list.selected
                    && entries.get(i).is_some_and(|e| !self.reading.is_read(&e.id))
            });
        match found {
            Some((k, index)) => {
                if at + k >= count {
                    self.note = Some(self.lang.t("note-next-unread-top"));
                }
                self.select(index);
                true
            }
            None => {
                self.note = Some(self.lang.t("note-no-other-unread"));
                false
            }
        }
    }

    /// Counts the unread articles again when what they depend on changed.
    pub(super) fn count_unread(&mut self) {
        if !std::mem::take(&mut self.unread_changed) {
            return;
        }
        let read = self
            .reading
            .articles
            .iter()
            .filter(|(id, p)| p.read && self.catalog.index_of(id).is_some())
            .count();
        self.unread = self.catalog.entries().len().saturating_sub(read);
    }

    /// How many articles have not been read.
    pub fn unread(&self) -> usize {
        self.unread
    }
}
