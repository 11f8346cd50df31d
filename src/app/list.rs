//! The list pane: which article is selected, how far the list is scrolled, and the catalog
//! search that filters it.

use std::sync::Arc;

use super::App;
use super::reader::Then;
use super::screen::Screen;
use crate::action::Action;
use crate::catalog::Catalog;
use crate::effect::Effect;
use crate::search::{self, CatalogHits, Query};

/// The list's state.
#[derive(Debug, Clone, Default)]
pub struct ListView {
    /// Index of the selected article in the catalog.
    pub(super) selected: usize,
    /// Position in the list of the first entry shown.
    pub(super) offset: usize,
    /// The first entry shown as the user last moved the list: a window shrunk then grown
    /// again shows the list from there, not from where the small window had to.
    pub(super) anchor: usize,
    /// The catalog search the list is filtered by.
    pub(super) filter: Option<ListFilter>,
    /// Whether only unread articles are listed.
    pub(super) unread_only: bool,
    /// The list without a search, when it is in sections or only the unread are listed.
    pub(super) listing: Option<super::rows::Listing>,
    /// The catalog's articles by folder, when it has subfolders.
    pub(super) groups: Option<Vec<crate::catalog::sections::Section>>,
    /// The sections folded to their headers, by name.
    pub(super) folded: std::collections::HashSet<String>,
}

impl ListView {
    /// Index of the selected article in the catalog.
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// Position in the list of the first entry shown.
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// Whether only unread articles are listed.
    pub fn unread_only(&self) -> bool {
        self.unread_only
    }

    /// The search the list is filtered by.
    pub fn filter(&self) -> Option<&ListFilter> {
        self.filter.as_ref()
    }

    /// The matches in the list, best first, when the list is filtered and results are in.
    pub fn hits(&self) -> Option<&CatalogHits> {
        self.filter.as_ref()?.hits.as_deref()
    }

    /// Whether a catalog search has been asked for and not answered yet.
    pub fn pending(&self) -> bool {
        self.filter
            .as_ref()
            .is_some_and(|f| f.received != f.generation)
    }
}

/// The list narrowed to the articles matching a query.
#[derive(Debug, Clone)]
pub struct ListFilter {
    /// The query the list is filtered by.
    query: Query,
    /// The latest results received; they may answer an older query while a newer one runs.
    hits: Option<Arc<CatalogHits>>,
    /// The request that `query` was sent as.
    generation: u64,
    /// The request that `hits` answer.
    received: u64,
    /// The selection and list scroll before filtering, restored when the filter is cleared.
    restore: (usize, usize),
    /// Whether to open the top article as soon as results arrive (Enter came first).
    open_when_ready: bool,
}

impl ListFilter {
    /// The query the list is filtered by.
    pub fn query(&self) -> &Query {
        &self.query
    }

    /// Moves the results to where their articles (by id, in the order shown) are in a newer
    /// catalog, dropping those that are gone.
    pub(super) fn remap(&mut self, catalog: &Catalog, ids: &[String]) {
        let Some(hits) = self.hits.as_mut() else {
            return;
        };
        let hits = Arc::make_mut(hits);
        let old = std::mem::take(&mut hits.hits);
        hits.hits = old
            .into_iter()
            .zip(ids)
            .filter_map(|(mut hit, id)| {
                let (index, entry) = catalog.find(id)?;
                (entry.id == *id).then(|| {
                    hit.index = index;
                    hit
                })
            })
            .collect();
    }
}

impl App {
    /// Number of articles the list shows: all, or those matching the filter.
    pub fn list_len(&self) -> usize {
        match (self.list.hits(), &self.list.listing) {
            (Some(hits), _) => hits.hits.len(),
            (None, Some(listing)) => listing.len(),
            (None, None) => self.catalog.entries().len(),
        }
    }

    /// The catalog index of the article at a position in the list.
    pub fn list_entry(&self, position: usize) -> Option<usize> {
        match (self.list.hits(), &self.list.listing) {
            (Some(hits), _) => hits.hits.get(position).map(|h| h.index),
            (None, Some(listing)) => listing.entry(position),
            (None, None) => (position < self.catalog.entries().len()).then_some(position),
        }
    }

    /// Where the selected article is in the list, if it is listed.
    pub fn list_position(&self) -> Option<usize> {
        let selected = self.list.selected;
        match (self.list.hits(), &self.list.listing) {
            (Some(hits), _) => hits.hits.iter().position(|h| h.index == selected),
            (None, Some(listing)) => listing.position_of(selected),
            (None, None) => Some(selected),
        }
    }

    /// Moves the selection in the list.
    pub(super) fn move_in_list(&mut self, action: &Action) {
        let count = self.list_len();
        if count == 0 {
            return;
        }
        let last = count - 1;
        let page = self.list_capacity();
        let at = self.list_position().unwrap_or(0);
        let Some(mut target) = super::moved(action, at, page, last) else {
            return;
        };
        // A removed article, still open, stood before the one selected in its place.
        if self.reader.removed && *action == Action::Down {
            target = at;
        }
        if let Some(index) = self.list_entry(target) {
            self.select(index);
        }
    }

    /// Scrolls the list so that the selected article shows, and never past its end: a list
    /// that fits shows from its first article.
    pub(super) fn keep_selection_visible(&mut self) {
        self.list.offset = self.offset_showing_selection(self.list.offset);
        self.list.anchor = self.list.offset;
    }

    /// Fits the list to a new size: from where the user left it, as far as the selection
    /// allows.
    pub(super) fn fit_list(&mut self) {
        self.list.offset = self.offset_showing_selection(self.list.anchor);
    }

    /// A click at a cell: on an article of the list, chooses it and gives the list the
    /// keyboard; in the reader, gives it the keyboard; elsewhere, `on` stays.
    pub(super) fn click_at(&mut self, column: u16, row: u16, on: Screen) -> Screen {
        let panes = self.panes();
        let at = ratatui::layout::Position::new(column, row);
        if panes.reader.is_some_and(|p| p.contains(at)) {
            let readable = self.reader.page.is_some() || self.reader.opening.is_some();
            return if readable { Screen::Reader } else { on };
        }
        let Some(inner) = panes
            .list
            .filter(|p| p.contains(at))
            .map(|p| p.inner(crate::panes::BORDER))
            .filter(|inner| inner.contains(at))
        else {
            return on;
        };
        // Down the entries drawn from the top, each as many rows as it takes.
        let mut top = usize::from(inner.y);
        let wanted = usize::from(row);
        for position in self.list.offset..self.list_len() {
            let Some(entry) = self.shown_entry(position, position == self.list.offset) else {
                break;
            };
            top += entry.rows();
            if wanted < top {
                self.select(entry.index);
                self.keep_selection_visible();
                return Screen::List;
            }
        }
        on
    }

    /// Starts a catalog search from the list, with what it was filtered by to edit.
    pub(super) fn list_search_prompt(&self) -> (String, super::screen::Purpose) {
        let text = self
            .list
            .filter
            .as_ref()
            .map_or_else(String::new, |f| f.query.text.clone());
        let purpose = super::screen::Purpose::SearchList {
            before: self.list.filter.clone(),
            selection: (self.list.selected, self.list.offset),
        };
        (text, purpose)
    }

    /// Filters the list by `query` as typed: asks for a catalog search and highlights the
    /// query in the article shown meanwhile, which goes to its first match unless the user
    /// has read in it (their place there is kept).
    pub(super) fn filter_list(&mut self, query: Query, selection: (usize, usize)) {
        let then = if self.reader.started {
            Then::Show
        } else {
            Then::First
        };
        self.filter_list_then(query, selection, then);
    }

    /// [`App::filter_list`], the article shown then as `then` says: at a restart, where it
    /// was left.
    pub(super) fn filter_list_then(&mut self, query: Query, selection: (usize, usize), then: Then) {
        if query.is_empty() {
            self.list.filter = None;
            self.reader.search = None;
            return;
        }
        self.generation += 1;
        self.effects.push(Effect::SearchCatalog {
            generation: self.generation,
            query: query.clone(),
            catalog: Arc::clone(&self.catalog),
        });
        let previous = self.list.filter.take();
        self.list.filter = Some(ListFilter {
            query: query.clone(),
            hits: previous.as_ref().and_then(|f| f.hits.clone()),
            generation: self.generation,
            received: previous.as_ref().map_or(0, |f| f.received),
            restore: previous.as_ref().map_or(selection, |f| f.restore),
            open_when_ready: false,
        });
        self.search_article(query, then);
    }

    /// Keeps the search typed in the list: opens the top article once results are in.
    pub(super) fn confirm_list_search(&mut self) -> Screen {
        match &mut self.list.filter {
            Some(filter) if filter.received == filter.generation => self.open_first_hit(),
            Some(filter) => {
                filter.open_when_ready = true;
                Screen::List
            }
            None => Screen::List,
        }
    }

    /// Gives up the search typed in the list: the filter, selection and scroll of before.
    pub(super) fn cancel_list_search(
        &mut self,
        before: Option<ListFilter>,
        selection: (usize, usize),
    ) {
        self.list.filter = before;
        let query = self.list.filter.as_ref().map(|f| f.query.clone());
        match query {
            Some(query) => self.search_article(query, Then::Show),
            None => self.reader.search = None,
        }
        self.select(selection.0);
        self.back_from_first_match();
        self.list.offset = selection.1;
        self.keep_selection_visible();
    }

    /// Puts a preview moved to a search's first match back where the user left the article.
    fn back_from_first_match(&mut self) {
        if !self.reader.started {
            self.reader.scroll = 0;
            self.restore_position();
        }
    }

    /// Removes the list's filter, going back to the selection it started from.
    pub(super) fn clear_filter(&mut self) {
        if let Some(filter) = self.list.filter.take() {
            self.reader.search = None;
            self.select(filter.restore.0);
            self.back_from_first_match();
            self.list.offset = filter.restore.1;
            self.keep_selection_visible();
        }
    }

    /// Takes in the results of a catalog search, if they answer the query shown.
    pub(super) fn receive(&mut self, generation: u64, mut hits: Arc<CatalogHits>) {
        self.narrow_to_unread(&mut hits);
        let Some(filter) = self.list.filter.as_mut() else {
            return;
        };
        if generation != filter.generation {
            return;
        }
        filter.received = generation;
        // The same query run again on a newer catalog keeps the result chosen, if one was
        // chosen below the top and is still a result; otherwise (a new query, or the top
        // result left where it was) the list starts from its best result, as finders do.
        let selected = self.list.selected;
        let chosen = filter.hits.as_ref().is_some_and(|previous| {
            previous.query == hits.query
                && previous
                    .hits
                    .first()
                    .is_some_and(|top| top.index != selected)
        });
        let kept = chosen && hits.hits.iter().any(|h| h.index == selected);
        let first = hits.hits.first().map(|h| h.index);
        filter.hits = Some(hits);
        let open = std::mem::take(&mut filter.open_when_ready);
        if kept {
            self.keep_selection_visible();
        } else {
            self.list.offset = 0;
            self.list.anchor = 0;
            if let Some(index) = first {
                self.select(index);
            }
        }
        if open && matches!(self.screen, Screen::List) {
            self.screen = self.open_first_hit();
        }
    }

    /// Opens the selected article in the reader at its first match of the list's query.
    pub(super) fn open_first_hit(&mut self) -> Screen {
        let Some(filter) = &self.list.filter else {
            return Screen::List;
        };
        let query = filter.query.clone();
        if self.list.hits().is_none_or(|h| h.hits.is_empty()) {
            self.note = Some(self.lang.tr(
                "note-no-article-matches",
                &[("query", query.text.as_str().into())],
            ));
            return Screen::List;
        }
        self.reader.scroll = 0;
        self.search_article(query, Then::First);
        Screen::Reader
    }

    /// Works out the excerpts of the results on screen that the search left unplaced: done
    /// here, when the list moves, so that drawing only reads them.
    pub(super) fn place_visible_hits(&mut self) {
        let capacity = self.shown_entries().len();
        let offset = self.list.offset;
        let catalog = &self.catalog;
        let Some(hits) = self.list.filter.as_mut().and_then(|f| f.hits.as_mut()) else {
            return;
        };
        let end = (offset + capacity).min(hits.hits.len());
        if hits
            .hits
            .get(offset..end)
            .is_none_or(|h| h.iter().all(|h| h.placed()))
        {
            return;
        }
        let hits = Arc::make_mut(hits);
        let query = hits.query.clone();
        for hit in hits.hits[offset..end].iter_mut().filter(|h| !h.placed()) {
            let index = hit.index;
            search::with_stored(catalog, index, |article| hit.place(article, &query));
        }
    }
}
