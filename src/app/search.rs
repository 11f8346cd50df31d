//! The search half of `App`: the prompt, matches in the reader, and the filtered list.

use std::ops::Range;
use std::sync::Arc;

use super::{App, Focus};
use crate::action::Action;
use crate::catalog::Article;
use crate::prompt::{self, Prompt};
use crate::search::{self, CatalogHits, Query};

/// A search shown in the reader: its query and its matches in the selected article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReaderSearch {
    /// What is searched for.
    pub query: Query,
    /// Matches in the selected article, as byte ranges of its text, in order.
    pub matches: Vec<Range<usize>>,
    /// The match the user is on, if any.
    pub current: Option<usize>,
}

impl ReaderSearch {
    fn new(article: Option<&Article>, query: Query) -> ReaderSearch {
        let matches = article.map_or_else(Vec::new, |a| search::find_in_article(a, &query));
        ReaderSearch {
            query,
            matches,
            current: None,
        }
    }
}

/// The list narrowed to the articles matching a query.
#[derive(Debug, Clone)]
pub struct ListFilter {
    /// The query the list is filtered by.
    pub query: Query,
    /// The latest results received; they may answer an older query while a newer one runs.
    pub hits: Option<Arc<CatalogHits>>,
    /// The request that `query` was sent as.
    generation: u64,
    /// The request that `hits` answer.
    received: u64,
    /// The selection and list scroll before filtering, restored when the filter is cleared.
    restore: (usize, usize),
    /// Whether to open the top article as soon as results arrive (Enter came first).
    open_when_ready: bool,
}

/// What the search prompt is typing into, and what `Esc` goes back to.
#[derive(Debug, Clone)]
pub enum Target {
    /// The article in the reader.
    Reader {
        /// The reader's scroll when the search began.
        origin: usize,
        /// The search shown before this one.
        before: Option<ReaderSearch>,
    },
    /// The whole catalog, filtering the list.
    List {
        /// The filter before this one.
        before: Option<ListFilter>,
        /// Selection and list scroll when the search began.
        selection: (usize, usize),
    },
    /// The note of a bookmark.
    Note {
        /// The bookmark's id.
        id: String,
    },
    /// The bookmarks pane, filtered as the user types.
    Bookmarks {
        /// The pane's filter before this one.
        before: Option<Query>,
    },
}

/// The search prompt being typed into.
#[derive(Debug, Clone)]
pub struct Typing {
    /// The line being edited.
    pub prompt: Prompt,
    /// Where the search applies.
    pub target: Target,
}

impl App {
    /// Whether a catalog search has been asked for and not answered yet.
    pub fn search_pending(&self) -> bool {
        self.filter
            .as_ref()
            .is_some_and(|f| f.received != f.generation)
    }

    /// Takes the catalog search the list is waiting for, to run off the event loop.
    pub fn take_search_request(&mut self) -> Option<(u64, Query)> {
        self.request.take()
    }

    /// The matches in the list, best first, when the list is filtered and results are in.
    pub fn list_hits(&self) -> Option<&CatalogHits> {
        self.filter.as_ref()?.hits.as_deref()
    }

    pub(super) fn update_typing(&mut self, action: Action) {
        let Some(typing) = self.typing.as_mut() else {
            return;
        };
        let prompt = &mut typing.prompt;
        let before = prompt.text.clone();
        match action {
            Action::Insert(c) => prompt.insert(c),
            Action::DeleteBack => prompt.delete_back(),
            Action::DeleteForward => prompt.delete_forward(),
            Action::DeleteWord => prompt.delete_word(),
            Action::DeleteToStart => prompt.delete_to_start(),
            Action::CursorLeft => prompt.left(),
            Action::CursorRight => prompt.right(),
            Action::CursorHome => prompt.home(),
            Action::CursorEnd => prompt.end(),
            Action::OlderQuery => {
                prompt.recall_older(&self.history);
            }
            Action::NewerQuery => {
                prompt.recall_newer(&self.history);
            }
            Action::ToggleCase => {
                self.options.case = self.options.case.next();
                self.refresh_typing();
                return;
            }
            Action::ToggleAccents => {
                self.options.accents = self.options.accents.next();
                self.refresh_typing();
                return;
            }
            Action::Up | Action::Down => {
                if let Target::Bookmarks { .. } = typing.target {
                    self.update_pane(action);
                } else {
                    self.update_list(action);
                }
                return;
            }
            Action::Confirm => return self.confirm(),
            Action::Cancel => return self.cancel(),
            _ => return,
        }
        if typing.prompt.text != before {
            self.refresh_typing();
        }
    }

    /// Opens the prompt: searching the article in the reader, or the catalog from the list.
    pub(super) fn start_search(&mut self) {
        let (prompt, target) = match self.focus {
            Focus::Reader => (
                Prompt::default(),
                Target::Reader {
                    origin: self.scroll,
                    before: self.search.clone(),
                },
            ),
            Focus::List => (
                self.filter
                    .as_ref()
                    .map_or_else(Prompt::default, |f| Prompt::with_text(&f.query.text)),
                Target::List {
                    before: self.filter.clone(),
                    selection: (self.selected, self.list_offset),
                },
            ),
        };
        self.typing = Some(Typing { prompt, target });
    }

    /// Runs the query being typed again, after an edit or a change of options.
    fn refresh_typing(&mut self) {
        let Some(typing) = &self.typing else { return };
        let query = Query::new(&typing.prompt.text, self.options);
        match typing.target {
            Target::Note { .. } => {}
            Target::Bookmarks { .. } => {
                let text = typing.prompt.text.clone();
                self.filter_pane(&text);
            }
            Target::Reader { origin, .. } => {
                self.scroll = origin;
                if query.is_empty() {
                    self.search = None;
                    return;
                }
                let mut found = ReaderSearch::new(self.article(), query);
                let from_origin = found.matches.iter().position(|m| {
                    self.page
                        .as_ref()
                        .and_then(|p| p.row_of(m.start))
                        .is_some_and(|row| row >= origin)
                });
                found.current = from_origin.or((!found.matches.is_empty()).then_some(0));
                self.search = Some(found);
                self.show_current_match();
            }
            Target::List { selection, .. } => {
                if query.is_empty() {
                    self.filter = None;
                    self.search = None;
                    self.request = None;
                    return;
                }
                self.generation += 1;
                self.request = Some((self.generation, query.clone()));
                let previous = self.filter.take();
                self.filter = Some(ListFilter {
                    query: query.clone(),
                    hits: previous.as_ref().and_then(|f| f.hits.clone()),
                    generation: self.generation,
                    received: previous.as_ref().map_or(0, |f| f.received),
                    restore: previous.as_ref().map_or(selection, |f| f.restore),
                    open_when_ready: false,
                });
                self.search = Some(ReaderSearch::new(self.article(), query));
            }
        }
    }

    fn confirm(&mut self) {
        let Some(typing) = self.typing.take() else {
            return;
        };
        match typing.target {
            Target::Note { id } => self.set_note(id, typing.prompt.text.trim().to_owned()),
            Target::Bookmarks { .. } | Target::Reader { .. } => {
                prompt::remember(&mut self.history, &typing.prompt.text)
            }
            Target::List { .. } => {
                prompt::remember(&mut self.history, &typing.prompt.text);
                match &mut self.filter {
                    Some(filter) if filter.received == filter.generation => self.open_first_hit(),
                    Some(filter) => filter.open_when_ready = true,
                    None => {}
                }
            }
        }
    }

    fn cancel(&mut self) {
        let Some(typing) = self.typing.take() else {
            return;
        };
        match typing.target {
            // The bookmark is kept; only the note is given up.
            Target::Note { .. } => self.note = Some("bookmarked, without a note".to_owned()),
            Target::Bookmarks { before } => {
                self.pane_filter = before;
                self.pane_cursor = 0;
            }
            Target::Reader { origin, before } => {
                self.search = before;
                self.scroll = origin;
            }
            Target::List { before, selection } => {
                self.request = None;
                self.filter = before;
                self.search = self
                    .filter
                    .as_ref()
                    .map(|f| ReaderSearch::new(self.article(), f.query.clone()));
                self.select(selection.0);
                self.list_offset = selection.1;
                self.keep_selection_visible();
            }
        }
    }

    /// Removes the list's filter, going back to the selection it started from.
    pub(super) fn clear_filter(&mut self) {
        if let Some(filter) = self.filter.take() {
            self.search = None;
            self.select(filter.restore.0);
            self.list_offset = filter.restore.1;
            self.keep_selection_visible();
        }
    }

    /// Takes in the results of a catalog search, if they answer the query shown.
    pub(super) fn receive(&mut self, generation: u64, hits: Arc<CatalogHits>) {
        let Some(filter) = self.filter.as_mut() else {
            return;
        };
        if generation != filter.generation {
            return;
        }
        filter.received = generation;
        let first = hits.hits.first().map(|h| h.index);
        filter.hits = Some(hits);
        let open = std::mem::take(&mut filter.open_when_ready);
        self.list_offset = 0;
        if let Some(index) = first {
            self.select(index);
        }
        if open {
            self.open_first_hit();
        }
    }

    /// Opens the selected article in the reader at its first match of the list's query.
    pub(super) fn open_first_hit(&mut self) {
        let Some(filter) = &self.filter else { return };
        let query = filter.query.clone();
        if self.list_hits().is_none_or(|h| h.hits.is_empty()) {
            self.note = Some(format!("no article matches “{}”", query.text));
            return;
        }
        let mut found = ReaderSearch::new(self.article(), query);
        found.current = (!found.matches.is_empty()).then_some(0);
        self.search = Some(found);
        self.focus = Focus::Reader;
        self.scroll = 0;
        self.show_current_match();
    }

    /// Moves to the next (or previous) match, wrapping around the article with a note.
    pub(super) fn step_match(&mut self, forward: bool) {
        let Some(found) = &self.search else {
            self.note = Some("no search yet: press / to search".to_owned());
            return;
        };
        let count = found.matches.len();
        if count == 0 {
            self.note = Some(format!("no matches for “{}”", found.query.text));
            return;
        }
        let next = match found.current {
            Some(k) if forward => k + 1,
            Some(k) => k.checked_sub(1).unwrap_or(count),
            None => {
                let page = self.page.as_ref();
                let row_of = |m: &Range<usize>| page.and_then(|p| p.row_of(m.start));
                let first_below = found
                    .matches
                    .iter()
                    .position(|m| row_of(m).is_some_and(|r| r >= self.scroll));
                match (first_below, forward) {
                    (Some(k), true) => k,
                    (Some(k), false) => k.checked_sub(1).unwrap_or(count),
                    (None, true) => count,
                    (None, false) => count - 1,
                }
            }
        };
        let current = if next >= count {
            self.note = Some(if forward {
                "search wrapped to the top".to_owned()
            } else {
                "search wrapped to the bottom".to_owned()
            });
            if forward { 0 } else { count - 1 }
        } else {
            next
        };
        if let Some(found) = self.search.as_mut() {
            found.current = Some(current);
        }
        self.show_current_match();
    }

    /// Scrolls so that the current match is in view, with a little context above it.
    fn show_current_match(&mut self) {
        let (Some(found), Some(page)) = (&self.search, &self.page) else {
            return;
        };
        let Some(range) = found.current.and_then(|k| found.matches.get(k)) else {
            return;
        };
        let Some(row) = page.row_of(range.start) else {
            return;
        };
        let height = self.reader_height().max(1);
        if row < self.scroll || row >= self.scroll + height {
            self.scroll = row.saturating_sub(2).min(self.max_scroll());
        }
    }

    /// Finds the search's matches again in the article just selected.
    pub(super) fn refresh_matches(&mut self) {
        if let Some(found) = self.search.take() {
            self.search = Some(ReaderSearch::new(self.article(), found.query));
        }
    }
}
