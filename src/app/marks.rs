//! The bookmarks half of `App`: the passage cursor, selections, bookmarking, the bookmarks
//! pane, and remembering where the user was in each article.

use std::ops::Range;

use super::{App, Focus, Target, Typing};
use crate::action::Action;
use crate::bookmarks::{Anchor, Bookmark, Change};
use crate::prompt::Prompt;
use crate::search::{self, Query};
use crate::state::{Last, Pane, Position};
use crate::text::fold::FoldMap;

/// Which screen the main area shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The list and the reader.
    Main,
    /// Every bookmark.
    Bookmarks,
    /// Files skipped and articles read with warnings.
    Problems,
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

/// One bookmark of the selected article and where its passage is now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    /// The bookmark's id.
    pub id: String,
    /// Where the passage was found.
    pub anchor: Anchor,
}

impl App {
    /// The bookmarks the pane lists: all of them newest first, or those matching its filter.
    pub fn pane_bookmarks(&self) -> Vec<&Bookmark> {
        let all = self.bookmarks.all();
        let Some(query) = &self.pane_filter else {
            return all;
        };
        all.into_iter()
            .filter(|b| {
                let text = format!("{}\n{}\n{}", b.title, b.quote, b.note);
                !search::find_all(&text, &FoldMap::new(&text), query).is_empty()
            })
            .collect()
    }

    /// The byte range of the passage under the cursor.
    pub fn passage(&self) -> Option<Range<usize>> {
        let article = self.article()?;
        article.blocks.get(self.cursor).map(|b| b.range.clone())
    }

    pub(super) fn update_pane(&mut self, action: Action) {
        let count = self.pane_bookmarks().len();
        let last = count.saturating_sub(1);
        match action {
            Action::Down => self.pane_cursor = (self.pane_cursor + 1).min(last),
            Action::Up => self.pane_cursor = self.pane_cursor.saturating_sub(1),
            Action::Top => self.pane_cursor = 0,
            Action::Bottom => self.pane_cursor = last,
            Action::Open => self.open_bookmark(),
            Action::DeleteBookmark => self.delete_bookmark(),
            Action::UndoDelete => self.undo_delete(),
            Action::EditNote => {
                if let Some(Bookmark { id, note, .. }) = self.chosen_bookmark() {
                    self.typing = Some(Typing {
                        prompt: Prompt::with_text(&note),
                        target: Target::Note { id },
                    });
                }
            }
            Action::StartSearch => {
                let text = self.pane_filter.as_ref().map_or("", |q| q.text.as_str());
                self.typing = Some(Typing {
                    prompt: Prompt::with_text(text),
                    target: Target::Bookmarks {
                        before: self.pane_filter.clone(),
                    },
                });
            }
            Action::Back if self.pane_filter.is_some() => {
                self.pane_filter = None;
                self.pane_cursor = 0;
            }
            Action::Back | Action::ShowBookmarks => self.view = super::View::Main,
            _ => {}
        }
    }

    /// Opens or closes the bookmarks pane.
    pub(super) fn show_bookmarks(&mut self) {
        self.selection = None;
        if let Err(err) = self.bookmarks.reload() {
            self.note = Some(err.to_string());
        }
        self.view = View::Bookmarks;
        self.pane_cursor = 0;
    }

    /// Starts a selection at the current passage, or drops the one being made.
    pub(super) fn toggle_selection(&mut self) {
        if self.selection.take().is_some() {
            return;
        }
        if let Some(passage) = self.passage() {
            self.selection = Some(Selection {
                anchor: passage.clone(),
                head: passage,
            });
        }
    }

    /// Extends the selection by a line or a paragraph; returns whether the action was one.
    pub(super) fn extend_selection(&mut self, action: &Action) -> bool {
        let (Some(selection), Some(page)) = (&self.selection, &self.page) else {
            return false;
        };
        let rows: Vec<Range<usize>> = page
            .rows
            .iter()
            .filter_map(|r| Some(r.pieces.first()?.source.start..r.pieces.last()?.source.end))
            .collect();
        let head = selection.head.clone();
        let new_head = match action {
            Action::Down => rows.iter().find(|r| r.start >= head.end).cloned(),
            Action::Up => rows.iter().rev().find(|r| r.end <= head.start).cloned(),
            Action::NextParagraph | Action::PreviousParagraph => {
                let blocks = self.article().map(|a| &a.blocks[..]).unwrap_or_default();
                let forward = *action == Action::NextParagraph;
                let found = if forward {
                    blocks.iter().find(|b| b.range.start >= head.end)
                } else {
                    blocks.iter().rev().find(|b| b.range.end <= head.start)
                };
                found.map(|b| b.range.clone())
            }
            _ => return false,
        };
        if let Some(new_head) = new_head
            && let Some(selection) = self.selection.as_mut()
        {
            selection.head = new_head.clone();
            self.reveal(new_head.start);
        }
        true
    }

    /// Bookmarks the selection (or the current passage) and opens the prompt for its note.
    pub(super) fn bookmark(&mut self) {
        let range = match self.selection.take() {
            Some(selection) => selection.covered(),
            None => match self.passage() {
                Some(passage) => passage,
                None => return,
            },
        };
        let Some(article) = self.article() else {
            return;
        };
        let bookmark = Bookmark::new(article, trim(&article.text, range));
        let id = bookmark.id.clone();
        self.change(Change::Add(bookmark));
        self.typing = Some(Typing {
            prompt: Prompt::default(),
            target: Target::Note { id },
        });
    }

    /// Applies a change to the bookmarks, telling the user if it could not be saved yet.
    pub(super) fn change(&mut self, change: Change) {
        if let Err(err) = self.bookmarks.apply(change) {
            self.note = Some(format!("{err}; kept in memory, will retry"));
        }
        self.place_bookmarks();
    }

    /// The bookmark under the cursor in the bookmarks pane.
    fn chosen_bookmark(&self) -> Option<Bookmark> {
        self.pane_bookmarks()
            .get(self.pane_cursor)
            .map(|b| (*b).clone())
    }

    fn delete_bookmark(&mut self) {
        let Some(bookmark) = self.chosen_bookmark() else {
            return;
        };
        self.change(Change::Remove(bookmark.id.clone()));
        self.note = Some("bookmark deleted; u brings it back".to_owned());
        self.deleted.push(bookmark);
        let count = self.pane_bookmarks().len();
        self.pane_cursor = self.pane_cursor.min(count.saturating_sub(1));
    }

    fn undo_delete(&mut self) {
        let Some(bookmark) = self.deleted.pop() else {
            self.note = Some("nothing to undo".to_owned());
            return;
        };
        let id = bookmark.id.clone();
        self.change(Change::Add(bookmark));
        if let Some(at) = self.pane_bookmarks().iter().position(|b| b.id == id) {
            self.pane_cursor = at;
        }
    }

    /// Opens the chosen bookmark's article at its passage, highlighted.
    fn open_bookmark(&mut self) {
        let Some(bookmark) = self.chosen_bookmark() else {
            return;
        };
        let Some((index, _)) = self.catalog.find(&bookmark.article) else {
            self.note = Some(format!(
                "“{}” is not in this catalog ({})",
                bookmark.title, bookmark.path
            ));
            return;
        };
        self.view = View::Main;
        self.select(index);
        self.focus = Focus::Reader;
        let anchor = self
            .placed
            .iter()
            .find(|p| p.id == bookmark.id)
            .map(|p| p.anchor.clone());
        match anchor.and_then(|a| a.range()) {
            Some(range) => {
                self.flash = Some(range.clone());
                self.scroll = 0;
                self.reveal(range.start);
            }
            None => {
                self.note = Some(format!("passage not found any more: “{}”", bookmark.quote));
            }
        }
    }

    /// Finds the selected article's bookmarks in its current text.
    pub(super) fn place_bookmarks(&mut self) {
        self.placed = match self.catalog.articles().get(self.selected) {
            Some(article) => self
                .bookmarks
                .of_article(&article.id)
                .map(|b| Placed {
                    id: b.id.clone(),
                    anchor: b.locate(article),
                })
                .collect(),
            None => Vec::new(),
        };
    }

    /// Scrolls so that the text at byte `at` is in view, a little below the top.
    pub(super) fn reveal(&mut self, at: usize) {
        let Some(row) = self.page.as_ref().and_then(|p| p.row_of(at)) else {
            return;
        };
        let height = self.reader_height().max(1);
        if row < self.scroll || row >= self.scroll + height {
            self.scroll = row.saturating_sub(2).min(self.max_scroll());
        }
        self.follow_view();
    }

    /// Keeps the passage cursor on screen: when its paragraph scrolls out of view, the cursor
    /// moves to the paragraph at the top.
    pub(super) fn follow_view(&mut self) {
        let Some(page) = &self.page else { return };
        let height = self.reader_height().max(1);
        let visible = self.scroll..self.scroll + height;
        let shown = page
            .rows
            .iter()
            .enumerate()
            .any(|(i, r)| r.block == Some(self.cursor) && visible.contains(&i));
        if !shown {
            let first_visible = page.rows[visible.start.min(page.rows.len())..]
                .iter()
                .take(height)
                .find_map(|r| r.block);
            if let Some(block) = first_visible.or_else(|| page.block_at(self.scroll)) {
                self.cursor = block;
            }
        }
    }

    /// Remembers where the user is in the selected article, once they have read in it.
    pub(super) fn record_position(&mut self) {
        if !self.reading_started {
            return;
        }
        let Some(article) = self.catalog.articles().get(self.selected) else {
            return;
        };
        let block = self
            .page
            .as_ref()
            .and_then(|p| p.block_at(self.scroll))
            .unwrap_or(0);
        let percent = u8::try_from(self.percent_read()).unwrap_or(100);
        let position = Position::at(article, block, percent);
        self.reading.record(&article.id, position);
    }

    /// Records where the user is and saves the reading state; a failure becomes a note.
    pub fn save_reading(&mut self) {
        self.record_position();
        if let Some(article) = self.article() {
            let pane = match self.focus {
                Focus::List => Pane::List,
                Focus::Reader => Pane::Reader,
            };
            self.reading.state.last = Some(Last {
                article: article.id.clone(),
                pane,
            });
        }
        if let Err(err) = self.reading.save() {
            self.note = Some(err.to_string());
        }
    }

    /// Scrolls to where the user left the selected article, if they had read in it.
    pub(super) fn restore_position(&mut self) {
        let (Some(article), Some(page)) = (self.article(), &self.page) else {
            return;
        };
        if let Some(position) = self.reading.state.articles.get(&article.id) {
            let block = position.find_block(article);
            self.scroll = page.block_start(block).min(self.max_scroll());
            self.cursor = block;
        }
    }

    /// Takes the note typed for a bookmark.
    pub(super) fn set_note(&mut self, id: String, note: String) {
        let unchanged = self.bookmarks.get(&id).is_some_and(|b| b.note == note);
        if !unchanged {
            self.change(Change::SetNote {
                id,
                note,
                updated: crate::store::now_rfc3339(),
            });
        }
        self.note = Some("bookmarked".to_owned());
    }

    /// Filters the bookmarks pane by what is typed.
    pub(super) fn filter_pane(&mut self, text: &str) {
        let query = Query::new(text, self.options);
        self.pane_filter = (!query.is_empty()).then_some(query);
        self.pane_cursor = 0;
    }
}

/// The range without the whitespace at its ends.
fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.end - (slice.len() - slice.trim_end().len());
    start..end.max(start)
}
