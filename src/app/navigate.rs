//! Moving around: the list, the reader's scroll, paragraphs, articles, resizes and the wheel.

use super::App;
use crate::action::Action;
use crate::keymap;
use crate::page::Page;
use crate::panes::{self, Panes};

impl App {
    pub(super) fn update_help(&mut self, action: Action) {
        match action {
            Action::Quit => self.should_quit = true,
            Action::ToggleHelp | Action::Back => self.show_help = false,
            Action::Down => {
                let lines = keymap::help_lines().len();
                let shown = panes::help_box(self.area(), lines).height.saturating_sub(2);
                let last = lines.saturating_sub(usize::from(shown));
                self.help_scroll = (self.help_scroll + 1).min(last);
            }
            Action::Up => self.help_scroll = self.help_scroll.saturating_sub(1),
            _ => {}
        }
    }

    /// Number of articles the list shows: all, or those matching the filter.
    pub fn list_len(&self) -> usize {
        match self.list_hits() {
            Some(hits) => hits.hits.len(),
            None => self.catalog.articles().len(),
        }
    }

    /// The catalog index of the article at a position in the list.
    pub fn list_entry(&self, position: usize) -> Option<usize> {
        match self.list_hits() {
            Some(hits) => hits.hits.get(position).map(|h| h.index),
            None => (position < self.catalog.articles().len()).then_some(position),
        }
    }

    /// Where the selected article is in the list, if it is listed.
    pub fn list_position(&self) -> Option<usize> {
        match self.list_hits() {
            Some(hits) => hits.hits.iter().position(|h| h.index == self.selected),
            None => Some(self.selected),
        }
    }

    pub(super) fn update_list(&mut self, action: Action) {
        let count = self.list_len();
        if count == 0 {
            return;
        }
        let last = count - 1;
        let page = self.list_capacity();
        let at = self.list_position().unwrap_or(0);
        let target = match action {
            Action::Down => (at + 1).min(last),
            Action::Up => at.saturating_sub(1),
            Action::PageDown => (at + page).min(last),
            Action::PageUp => at.saturating_sub(page),
            Action::Top => 0,
            Action::Bottom => last,
            _ => return,
        };
        if let Some(index) = self.list_entry(target) {
            self.select(index);
        }
    }

    pub(super) fn update_reader(&mut self, action: Action) {
        let Some(page) = &self.page else { return };
        let height = self.reader_height().max(1);
        let target = match action {
            Action::Down => self.scroll + 1,
            Action::Up => self.scroll.saturating_sub(1),
            Action::PageDown => self.scroll + height.saturating_sub(1).max(1),
            Action::PageUp => self.scroll.saturating_sub(height.saturating_sub(1).max(1)),
            Action::Top => 0,
            Action::Bottom => usize::MAX,
            Action::NextParagraph => {
                match Some(self.cursor + 1).filter(|&b| b < page.block_count()) {
                    Some(block) => {
                        self.cursor = block;
                        page.block_start(block)
                    }
                    None => {
                        self.note = Some("last paragraph".to_owned());
                        usize::MAX
                    }
                }
            }
            Action::PreviousParagraph => match self.cursor.checked_sub(1) {
                Some(block) => {
                    self.cursor = block;
                    page.block_start(block)
                }
                None => 0,
            },
            _ => return,
        };
        self.scroll = target.min(self.max_scroll());
        if !matches!(action, Action::NextParagraph | Action::PreviousParagraph) {
            self.follow_view();
        }
    }

    /// The largest scroll that still fills the reader: the last row at the bottom.
    pub(super) fn max_scroll(&self) -> usize {
        let rows = self.page.as_ref().map_or(0, |p| p.rows.len());
        rows.saturating_sub(self.reader_height())
    }

    /// Selects an article, lays it out and shows it from the top.
    pub(super) fn select(&mut self, index: usize) {
        if index != self.selected || self.page.is_none() {
            self.record_position();
            self.selected = index;
            self.scroll = 0;
            self.cursor = 0;
            self.selection = None;
            self.flash = None;
            self.reading_started = false;
            self.relayout();
            self.refresh_matches();
            self.place_bookmarks();
            self.restore_position();
        }
        self.keep_selection_visible();
    }

    pub(super) fn step_article(&mut self, step: isize) {
        let count = self.catalog.articles().len();
        let Some(target) = self
            .selected
            .checked_add_signed(step)
            .filter(|&t| t < count)
        else {
            self.note = Some(if step > 0 {
                "this is the last article".to_owned()
            } else {
                "this is the first article".to_owned()
            });
            return;
        };
        self.select(target);
    }

    pub(super) fn keep_selection_visible(&mut self) {
        let capacity = self.list_capacity();
        let at = self.list_position().unwrap_or(0);
        if at < self.list_offset {
            self.list_offset = at;
        } else if at >= self.list_offset + capacity {
            self.list_offset = at + 1 - capacity;
        }
    }

    pub(super) fn resize(&mut self, width: u16, height: u16) {
        // Remember which paragraph is at the top, and how far into it, to find it again.
        let anchor = self.page.as_ref().and_then(|page| {
            let block = page.block_at(self.scroll)?;
            let start = page.block_start(block);
            let into = self.scroll.checked_sub(start)?;
            let rows = page.rows.iter().filter(|r| r.block == Some(block)).count();
            Some((block, into, rows.max(1)))
        });
        self.size = (width, height);
        self.relayout();
        if let (Some(page), Some((block, into, old_rows))) = (&self.page, anchor) {
            let rows = page.rows.iter().filter(|r| r.block == Some(block)).count();
            self.scroll = page.block_start(block) + into * rows / old_rows;
        }
        self.scroll = self.scroll.min(self.max_scroll());
        self.keep_selection_visible();
    }

    pub(super) fn scroll_at(&mut self, column: u16, row: u16, lines: i16) {
        let panes = self.panes();
        let action = if lines > 0 { Action::Down } else { Action::Up };
        let in_list = panes.list.is_some_and(|p| panes::contains(p, column, row));
        let in_reader = panes
            .reader
            .is_some_and(|p| panes::contains(p, column, row));
        for _ in 0..lines.unsigned_abs() {
            if in_list {
                self.update_list(action.clone());
            } else if in_reader {
                self.update_reader(action.clone());
            }
        }
    }

    /// Lays the selected article out again for the current reader width.
    pub(super) fn relayout(&mut self) {
        let width = Panes::compute(self.area(), true)
            .reader
            .map_or(0, panes::reader_text_width);
        self.page = self
            .catalog
            .articles()
            .get(self.selected)
            .map(|article| Page::layout(article, width));
    }
}
