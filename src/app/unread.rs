//! Read and unread: marking an article by hand, the list narrowed to the unread articles,
//! the next unread article, and how many are left.

use std::sync::Arc;

use super::App;
use crate::action::Action;
use crate::search::CatalogHits;

impl App {
    /// Marks the selected article read, or unread when it is read already; on a folded
    /// section's header, the whole section.
    pub(super) fn toggle_read(&mut self) {
        let folded = self
            .list_position()
            .and_then(|p| self.placing()?.section(p))
            .is_some_and(|s| s.folded);
        if folded && matches!(self.screen, super::Screen::List) {
            return self.mark_section();
        }
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

    /// Marks every article of the selected one's section read, or unread again when all of
    /// them are read.
    pub(super) fn mark_section(&mut self) {
        let section = self
            .list_position()
            .and_then(|p| Some(self.placing()?.section(p)?.name.clone()))
            .and_then(|name| {
                let groups = self.list.groups.as_deref()?;
                groups.iter().find(|g| g.name == name).cloned()
            });
        let Some(section) = section else {
            self.note = Some(self.lang.t(if self.list.groups.is_none() {
                "note-no-sections"
            } else {
                "note-sections-unsearched"
            }));
            return;
        };
        let entries = self.catalog.entries();
        let ids: Vec<String> = section
            .members
            .iter()
            .filter_map(|&i| entries.get(i).map(|e| e.id.clone()))
            .collect();
        let read = ids.iter().any(|id| !self.reading.is_read(id));
        let count = self.mark_articles(&ids, read);
        let name = self.section_name(&section.name);
        let id = if read {
            "note-section-marked-read"
        } else {
            "note-section-marked-unread"
        };
        self.note = Some(
            self.lang
                .tr(id, &[("count", count.into()), ("section", name.into())]),
        );
    }

    /// Marks every article read, the second time it is asked in a row.
    pub(super) fn mark_all_read(&mut self) {
        if self.unread == 0 {
            self.note = Some(self.lang.t("note-nothing-unread"));
            return;
        }
        if !std::mem::replace(&mut self.marking_all, true) {
            let key = self.keys.key(self.mode(), &Action::MarkAllRead).to_owned();
            self.note = Some(self.lang.tr(
                "note-mark-all-again",
                &[("key", key.into()), ("count", self.unread.into())],
            ));
            return;
        }
        self.marking_all = false;
        let ids: Vec<String> = self
            .catalog
            .entries()
            .iter()
            .map(|e| e.id.clone())
            .collect();
        let count = self.mark_articles(&ids, true);
        self.note = Some(
            self.lang
                .tr("note-all-marked-read", &[("count", count.into())]),
        );
    }

    /// Marks articles read (or unread), those not so already; returns how many changed.
    fn mark_articles(&mut self, ids: &[String], read: bool) -> usize {
        let selected = self.entry().map(|e| e.id.clone());
        let mut count = 0;
        for id in ids {
            if self.reading.is_read(id) == read {
                continue;
            }
            self.reading.mark(id, read);
            count += 1;
            if !read && selected.as_ref() == Some(id) {
                // What is on screen now is not read again until the user moves in it.
                self.reader.seen = 0;
                self.reader.held = true;
                self.reader.recorded = None;
            }
        }
        if count > 0 {
            self.reading_changed = true;
            self.unread_changed = true;
        }
        count
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
        // The sections' headers count their unread articles.
        if self.list.groups.is_some() {
            self.refresh_listing();
        }
    }

    /// How many articles have not been read.
    pub fn unread(&self) -> usize {
        self.unread
    }
}
