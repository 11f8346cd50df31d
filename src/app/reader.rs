//! The reading pane: the selected article laid out, its scroll and passage cursor, the search
//! shown in it, the selection being made, and how much of it has been on screen.

use std::ops::Range;
use std::sync::Arc;

use super::opening::Opening;
use super::{App, Mode};
use crate::action::Action;
pub use crate::bookmarks::Placed;
use crate::catalog::Article;
use crate::effect::Effect;
use crate::page::Page;
use crate::search::{self, Query};
use crate::state::Position;
use crate::text::fold::FoldMap;

/// The reader's state.
#[derive(Debug, Clone, Default)]
pub struct ReaderView {
    /// The selected article laid out for the reader's width.
    pub(super) page: Option<Arc<Page>>,
    /// First row of the page shown at the top of the reader.
    pub(super) scroll: usize,
    /// The passage cursor: index of the paragraph bookmarks apply to.
    pub(super) cursor: usize,
    /// Paragraphs or lines being selected for a bookmark.
    pub(super) selection: Option<Selection>,
    /// A passage highlighted after opening it from the bookmarks pane.
    pub(super) flash: Option<Range<usize>>,
    /// The search whose matches are highlighted.
    pub(super) search: Option<ReaderSearch>,
    /// Bookmarks of the article and where their passages are now.
    pub(super) placed: Vec<Placed>,
    /// Rows of the page that have been on screen, from the top: the furthest seen.
    pub(super) seen: usize,
    /// Whether the user has read in this article (so its position is kept).
    pub(super) started: bool,
    /// Marked unread while open: what is on screen counts as seen only once the user moves.
    pub(super) held: bool,
    /// The article shown was removed from the folder: shown until the user moves away, the
    /// one in its place selected meanwhile.
    pub(super) removed: bool,
    /// The article shown is still in the folder but can no longer be read (emptied, say):
    /// shown as a removed one is.
    pub(super) unreadable: bool,
    /// The selected article, read whole.
    pub(super) article: Option<Arc<Article>>,
    /// The paragraph, bytes into it or rows above it, cursor and percent last recorded, so
    /// that only a move is recorded again.
    pub(super) recorded: Option<(usize, usize, usize, usize, u8)>,
    /// The article's text folded for search, made at its first search and kept for the next
    /// keys: a long article is not folded again at each letter typed.
    pub(super) folded: Option<Arc<FoldMap>>,
    /// What to do with the matches of the search a worker is running in the article.
    pub(super) then: Then,
    /// Which reading of the article every position above belongs to: a new one each time
    /// the file is read.
    pub(super) version: u64,
    /// The article (or its layout at another width) asked of the loader, and what to do
    /// once it comes.
    pub(super) opening: Option<Opening>,
}

/// Where the reader was, to go back to: the view, the passage cursor, the selection and the
/// search, all in one version of the article.
#[derive(Debug, Clone)]
pub struct ReaderPlace {
    version: u64,
    /// The first row shown.
    pub(super) scroll: usize,
    cursor: usize,
    selection: Option<Selection>,
    search: Option<ReaderSearch>,
}

impl ReaderView {
    /// Whether the article shown was removed from the folder.
    pub fn removed(&self) -> bool {
        self.removed
    }

    /// Whether the article shown is in the folder still, but could not be read again.
    pub fn unreadable(&self) -> bool {
        self.removed && self.unreadable
    }

    /// The selected article laid out, if there is one.
    pub fn page(&self) -> Option<&Page> {
        self.page.as_deref()
    }

    /// Whether an article is being read or laid out for the reader.
    pub fn opening(&self) -> bool {
        self.opening.is_some()
    }

    /// The first row shown.
    pub fn scroll(&self) -> usize {
        self.scroll
    }

    /// The paragraph bookmarks apply to.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// The selection being made, if any.
    pub fn selection(&self) -> Option<&Selection> {
        self.selection.as_ref()
    }

    /// The passage highlighted after opening a bookmark.
    pub fn flash(&self) -> Option<&Range<usize>> {
        self.flash.as_ref()
    }

    /// The search shown, if any.
    pub fn search(&self) -> Option<&ReaderSearch> {
        self.search.as_ref()
    }

    /// Where the article's bookmarks are.
    pub fn placed(&self) -> &[Placed] {
        &self.placed
    }
}

/// A search shown in the reader: its query and its matches in the selected article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReaderSearch {
    /// What is searched for.
    pub query: Query,
    /// Matches in the selected article, as byte ranges of its text, in order.
    pub matches: Vec<Range<usize>>,
    /// The match the user is on, if any.
    pub current: Option<usize>,
    /// Whether the matches are still being looked for (in a long article, by a worker).
    pub pending: bool,
}

/// Shown text longer than this is searched by a worker, so that a key typed in the prompt
/// never waits for a search through a long article.
const SEARCH_HERE_BYTES: usize = 256 * 1024;

/// What to do with the matches of a search in the reader once they are found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Then {
    /// Highlight them, on no match in particular.
    #[default]
    Show,
    /// Go to the first match at or below this row (the first of all when none is).
    FirstFrom(usize),
    /// Go to the first match of the article.
    First,
}

impl App {
    /// Where the reader is now, to come back to.
    pub(super) fn reader_place(&self) -> ReaderPlace {
        ReaderPlace {
            version: self.reader.version,
            scroll: self.reader.scroll,
            cursor: self.reader.cursor,
            selection: self.reader.selection.clone(),
            search: self.reader.search.clone(),
        }
    }

    /// Goes back to a place: all of it when the article has not been read again since, else
    /// (its positions are of another text) the search run again, from where the view is.
    pub(super) fn return_to(&mut self, place: ReaderPlace) {
        if place.version == self.reader.version {
            self.reader.scroll = place.scroll.min(self.max_scroll());
            self.reader.cursor = place.cursor;
            self.reader.selection = place.selection;
            self.reader.search = place.search;
            return;
        }
        match place.search {
            Some(search) => self.search_article(search.query, Then::Show),
            None => self.reader.search = None,
        }
    }

    /// Searches the selected article for `query`: at once in a short one, by a worker in a
    /// long one; `then` says what to do with the matches when they are found.
    pub(super) fn search_article(&mut self, query: Query, then: Then) {
        let Some(article) = self.reader.article.clone() else {
            // Searched once the article is read: the search shows as under way till then.
            match self.reader.opening.as_mut() {
                Some(opening) => {
                    opening.search = Some((query.clone(), then));
                    self.reader.search = Some(ReaderSearch {
                        query,
                        matches: Vec::new(),
                        current: None,
                        pending: true,
                    });
                }
                None => self.reader.search = None,
            }
            return;
        };
        self.article_search += 1;
        if article.shown_text().len() <= SEARCH_HERE_BYTES {
            let map = self
                .reader
                .folded
                .get_or_insert_with(|| Arc::new(FoldMap::new(article.shown_text())));
            let matches = search::find_in_article_with(&article, map, &query);
            self.reader.search = Some(ReaderSearch {
                query,
                matches,
                current: None,
                pending: false,
            });
            self.after_search(then);
            return;
        }
        self.effects.push(Effect::SearchArticle {
            generation: self.article_search,
            article,
            folded: self.reader.folded.clone(),
            query: query.clone(),
        });
        self.reader.then = then;
        self.reader.search = Some(ReaderSearch {
            query,
            matches: Vec::new(),
            current: None,
            pending: true,
        });
    }

    /// Takes in the matches a worker found in the article, if they answer the search shown.
    pub(super) fn article_searched(
        &mut self,
        generation: u64,
        matches: Vec<Range<usize>>,
        folded: Arc<FoldMap>,
    ) {
        if generation != self.article_search {
            return;
        }
        let Some(search) = self.reader.search.as_mut().filter(|s| s.pending) else {
            return;
        };
        search.matches = matches;
        search.pending = false;
        self.reader.folded = Some(folded);
        self.after_search(self.reader.then);
    }

    /// Chooses the current match once the matches are in, and shows it.
    fn after_search(&mut self, then: Then) {
        let Some(found) = &self.reader.search else {
            return;
        };
        let any = (!found.matches.is_empty()).then_some(0);
        let current = match then {
            Then::Show => return,
            Then::First => any,
            Then::FirstFrom(origin) => {
                let page = self.reader.page.as_ref();
                // Matches are in order, and so are rows: the first at or below the origin
                // is found by bisection, however many there are.
                let below = found.matches.partition_point(|m| {
                    page.and_then(|p| p.row_of(m.start))
                        .is_none_or(|row| row < origin)
                });
                (below < found.matches.len()).then_some(below).or(any)
            }
        };
        if let Some(found) = self.reader.search.as_mut() {
            found.current = current;
        }
        if then == Then::First {
            self.reader.scroll = 0;
        }
        self.show_current_match();
    }
}

/// Paragraphs or lines being selected in the reader, as byte ranges of the article's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    /// Where the selection began: a paragraph or a line.
    pub anchor: Range<usize>,
    /// Where it has been extended to.
    pub head: Range<usize>,
}

impl Selection {
    /// The text covered, from the earlier start to the later end.
    pub fn covered(&self) -> Range<usize> {
        self.anchor.start.min(self.head.start)..self.anchor.end.max(self.head.end)
    }
}

impl App {
    /// Percentage of the open article that has been on screen, 0 to 100: the most of this
    /// visit or of any visit before.
    pub fn percent_read(&self) -> usize {
        let Some(page) = &self.reader.page else {
            return 0;
        };
        let seen = self.reader.seen * 100 / page.rows.len().max(1);
        let before = self
            .entry()
            .and_then(|a| self.reading.articles.get(&a.id))
            .map_or(0, |p| usize::from(p.percent));
        seen.min(100).max(before)
    }

    /// Scrolls the reader by a line, a page, a paragraph, or to the top or the end.
    pub(super) fn scroll_reader(&mut self, action: &Action) {
        let Some(page) = &self.reader.page else {
            return;
        };
        let height = self.reader_height().max(1);
        let scroll = self.reader.scroll;
        let target = match action {
            Action::NextParagraph => {
                match Some(self.reader.cursor + 1).filter(|&b| b < page.block_count()) {
                    Some(block) => {
                        self.reader.cursor = block;
                        page.block_start(block)
                    }
                    None => {
                        self.note = Some(self.lang.t("note-last-paragraph"));
                        usize::MAX
                    }
                }
            }
            Action::PreviousParagraph => match self.reader.cursor.checked_sub(1) {
                Some(block) => {
                    self.reader.cursor = block;
                    page.view_of_block(block)
                }
                None => 0,
            },
            // A page keeps one row of the page before in view.
            _ => match super::moved(action, scroll, height - 1, usize::MAX) {
                Some(target) => target,
                None => return,
            },
        };
        self.reader.scroll = target.min(self.max_scroll());
        // An article marked unread that fits on screen is not read again by a key that moves
        // nothing: only new rows on screen count.
        self.reader.held &= self.reader.scroll == scroll;
        if !matches!(action, Action::NextParagraph | Action::PreviousParagraph) {
            self.follow_view();
        }
    }

    /// The largest scroll that still fills the reader: the last row at the bottom.
    pub(super) fn max_scroll(&self) -> usize {
        let rows = self.reader.page.as_ref().map_or(0, |p| p.rows.len());
        rows.saturating_sub(self.reader_height())
    }

    /// Selects an article: records where the user was in the one left, and has the new one
    /// read and laid out, to show where the user left it.
    pub(super) fn select(&mut self, index: usize) {
        if index != self.list.selected
            || (self.reader.page.is_none() && self.reader.opening.is_none())
            || self.reader.removed
        {
            if !self.reader.removed {
                self.record_position();
            }
            self.list.selected = index;
            let search = self.reader.search.take();
            self.reader = super::reader::ReaderView::default();
            // Choosing among a search's results shows each where it first matches.
            let then = match self.list.filter {
                Some(_) => Then::First,
                None => Then::Show,
            };
            let search = search.map(|previous| (previous.query, then));
            self.open_selected(Opening::showing(true, search));
        }
        self.keep_selection_visible();
    }

    /// Reads the next (or previous) article of the list.
    pub(super) fn step_article(&mut self, step: isize) {
        // A removed article stood before the one selected in its place.
        let step = if self.reader.removed && step > 0 {
            step - 1
        } else {
            step
        };
        let target = match self.list_position() {
            Some(at) => at.checked_add_signed(step).and_then(|p| self.list_entry(p)),
            // The article read is not listed (a search left it out): the catalog's next.
            None => self
                .list
                .selected
                .checked_add_signed(step)
                .filter(|&t| t < self.catalog.entries().len()),
        };
        let Some(target) = target else {
            self.note = Some(if step > 0 {
                self.lang.t("note-last-article")
            } else {
                self.lang.t("note-first-article")
            });
            return;
        };
        self.select(target);
    }

    /// Scrolls so that the text at byte `at` is in view, a little below the top.
    pub(super) fn reveal(&mut self, at: usize) {
        let Some(row) = self.reader.page.as_ref().and_then(|p| p.row_of(at)) else {
            return;
        };
        let height = self.reader_height().max(1);
        let scroll = self.reader.scroll;
        if row < scroll || row >= scroll + height {
            self.reader.scroll = row.saturating_sub(2).min(self.max_scroll());
        }
        self.follow_view();
    }

    /// Keeps the passage cursor on screen: when its paragraph scrolls out of view, the cursor
    /// moves to the paragraph at the top.
    pub(super) fn follow_view(&mut self) {
        let Some(page) = &self.reader.page else {
            return;
        };
        let height = self.reader_height().max(1);
        let visible = self.reader.scroll..self.reader.scroll + height;
        let cursor = self.reader.cursor;
        let shown = page
            .rows
            .get(visible.start.min(page.rows.len())..visible.end.min(page.rows.len()))
            .is_some_and(|rows| rows.iter().any(|r| r.block == Some(cursor)));
        if !shown && let Some(block) = page.top_block(self.reader.scroll) {
            self.reader.cursor = block;
        }
    }

    /// Moves to the next (or previous) match, wrapping around the article with a note.
    pub(super) fn step_match(&mut self, forward: bool) {
        let Some(found) = &self.reader.search else {
            let search = self.keys.key(Mode::Reader, &Action::StartSearch).to_owned();
            self.note = Some(self.lang.tr("note-no-search", &[("key", search.into())]));
            return;
        };
        if found.pending {
            self.note = Some(self.lang.t("note-still-searching"));
            return;
        }
        let count = found.matches.len();
        if count == 0 {
            self.note = Some(self.lang.tr(
                "note-no-matches-for",
                &[("query", found.query.text.as_str().into())],
            ));
            return;
        }
        let next = match found.current {
            Some(k) if forward => k + 1,
            Some(k) => k.checked_sub(1).unwrap_or(count),
            None => {
                let page = self.reader.page.as_ref();
                let row_of = |m: &Range<usize>| page.and_then(|p| p.row_of(m.start));
                let first_below = found
                    .matches
                    .iter()
                    .position(|m| row_of(m).is_some_and(|r| r >= self.reader.scroll));
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
                self.lang.t("note-wrapped-top")
            } else {
                self.lang.t("note-wrapped-bottom")
            });
            if forward { 0 } else { count - 1 }
        } else {
            next
        };
        if let Some(found) = self.reader.search.as_mut() {
            found.current = Some(current);
        }
        self.show_current_match();
    }

    /// Scrolls so that the current match is in view, with a little context above it.
    pub(super) fn show_current_match(&mut self) {
        let (Some(found), Some(page)) = (&self.reader.search, &self.reader.page) else {
            return;
        };
        let Some(range) = found.current.and_then(|k| found.matches.get(k)) else {
            return;
        };
        let Some(row) = page.row_of(range.start) else {
            return;
        };
        let block = page.rows.get(row).and_then(|r| r.block);
        let height = self.reader_height().max(1);
        let scroll = self.reader.scroll;
        if row < scroll || row >= scroll + height {
            self.reader.scroll = row.saturating_sub(2).min(self.max_scroll());
        }
        // The passage is the one the match is in: `m` bookmarks what the user is looking at.
        match block {
            Some(block) => self.reader.cursor = block,
            None => self.follow_view(),
        }
    }

    /// Counts what is on screen now as seen, when the reader is on screen.
    pub(super) fn mark_seen(&mut self) {
        // What a search being typed flicks past is not read: only where it is kept.
        let searching = matches!(&self.screen, super::Screen::Prompt(p)
            if matches!(p.purpose, super::Purpose::SearchReader { .. } | super::Purpose::SearchList { .. }));
        let shown = self.panes().reader.is_some() && !self.reader.held && !searching;
        if let Some(page) = &self.reader.page
            && shown
        {
            let bottom = (self.reader.scroll + self.reader_height()).min(page.rows.len());
            self.reader.seen = self.reader.seen.max(bottom);
        }
    }

    /// Records where the user is in the selected article, once they have read in it; the
    /// list's figure follows at once, and the file is written at the next save.
    pub(super) fn record_position(&mut self) {
        if !self.reader.started {
            return;
        }
        let (Some(article), Some(page)) = (self.reader.article.as_deref(), &self.reader.page)
        else {
            return;
        };
        let block = page.top_block(self.reader.scroll).unwrap_or(0);
        // How far into its paragraph the top row starts: nothing when the top row is not the
        // paragraph's (a blank or the headline).
        let start = article.blocks.get(block).map_or(0, |b| b.range.start);
        let into = page
            .rows
            .get(self.reader.scroll)
            .filter(|row| row.block == Some(block))
            .and_then(|row| row.pieces.first())
            .map_or(0, |piece| piece.source.start.saturating_sub(start));
        // A top row before the paragraph (a blank): how many rows before. Within the headline,
        // the article comes back at its top.
        let above = match block {
            0 => 0,
            _ => page.block_start(block).saturating_sub(self.reader.scroll),
        };
        let cursor = self.reader.cursor.saturating_sub(block);
        let percent = u8::try_from(self.percent_read()).unwrap_or(100);
        let recorded = (block, into, above, cursor, percent);
        if self.reader.recorded == Some(recorded) {
            return;
        }
        self.reader.recorded = Some(recorded);
        let position = Position::at(article, block, percent).with_row(into, above, cursor);
        let id = article.id.clone();
        let was_read = self.reading.is_read(&id);
        self.reading.record(&id, position);
        self.reading_changed = true;
        self.unread_changed |= self.reading.is_read(&id) != was_read;
    }

    /// Scrolls to where the user left the selected article: the paragraph that was at the
    /// top, and the top of the article when that was the first one.
    pub(super) fn restore_position(&mut self) {
        if self.reader.article.is_none()
            && let Some(opening) = self.reader.opening.as_mut()
        {
            opening.restore = true;
            return;
        }
        let (Some(article), Some(page)) = (self.article(), &self.reader.page) else {
            return;
        };
        if let Some(position) = self.reading.articles.get(&article.id) {
            let block = position.find_block(article);
            // The row the top was at, when the paragraph is still the one recorded (its
            // start as kept) and still that long; else the paragraph's start.
            let row = article
                .blocks
                .get(block)
                .filter(|b| position.into > 0 && position.into < b.range.len())
                .filter(|b| article.block_text(b).starts_with(&position.anchor))
                .and_then(|b| page.row_of(b.range.start + position.into))
                .filter(|&row| page.rows.get(row).is_some_and(|r| r.block == Some(block)));
            let scroll = row.unwrap_or_else(|| match position.above {
                0 => page.view_of_block(block),
                above => page.block_start(block).saturating_sub(above),
            });
            let cursor = (block + position.cursor).min(article.blocks.len().saturating_sub(1));
            self.reader.scroll = scroll.min(self.max_scroll());
            self.reader.cursor = cursor;
        }
    }
}
