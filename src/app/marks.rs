//! Bookmarks in the reader: the passage cursor and selections, making a bookmark and its
//! note, copying a passage, and the bookmarks placed in the article.

use std::ops::Range;

use super::App;
use super::pane::refill;
use super::reader::Selection;
use super::screen::{Purpose, Screen};
use crate::action::Action;
use crate::bookmarks::Placed;
use crate::bookmarks::{Bookmark, Change};
use crate::effect::Effect;

impl App {
    /// The byte range of the passage under the cursor.
    pub fn passage(&self) -> Option<Range<usize>> {
        let article = self.article()?;
        article
            .blocks
            .get(self.reader.cursor)
            .map(|b| b.range.clone())
    }

    /// What `m` and `y` take, the selection ended: the selection, else the passage
    /// highlighted from the bookmarks pane, else the one under the cursor.
    fn taken(&mut self) -> Option<Range<usize>> {
        match self.reader.selection.take() {
            Some(selection) => Some(selection.covered()),
            None => self.reader.flash.clone().or_else(|| self.passage()),
        }
    }

    /// Says that a removed article cannot be bookmarked, when the one shown is.
    fn refused_as_removed(&mut self) -> bool {
        if self.reader.removed {
            self.note = Some(self.lang.t("note-removed-no-bookmark"));
        }
        self.reader.removed
    }

    /// Starts a selection at the current passage, or drops the one being made.
    pub(super) fn toggle_selection(&mut self) {
        if self.reader.selection.take().is_some() {
            return;
        }
        if self.refused_as_removed() {
            return;
        }
        if let Some(passage) = self.passage() {
            self.reader.flash = None;
            self.reader.selection = Some(Selection {
                anchor: passage.clone(),
                head: passage,
            });
        }
    }

    /// Extends the selection by a line or a paragraph.
    pub(super) fn extend_selection(&mut self, action: &Action) {
        let (Some(selection), Some(page), Some(article)) = (
            &self.reader.selection,
            &self.reader.page,
            self.reader.article.as_deref(),
        ) else {
            return;
        };
        let head = selection.head.clone();
        let row_range = |r: &crate::page::Row| {
            Some(r.pieces.first()?.source.start..r.pieces.last()?.source.end)
        };
        let new_head = match action {
            Action::Down => page
                .rows
                .iter()
                .filter_map(row_range)
                .find(|r| r.start >= head.end),
            Action::Up => page
                .rows
                .iter()
                .rev()
                .filter_map(row_range)
                .find(|r| r.end <= head.start),
            Action::NextParagraph => article
                .blocks
                .iter()
                .find(|b| b.range.start >= head.end)
                .map(|b| b.range.clone()),
            Action::PreviousParagraph => article
                .blocks
                .iter()
                .rev()
                .find(|b| b.range.end <= head.start)
                .map(|b| b.range.clone()),
            _ => None,
        };
        if let Some(new_head) = new_head
            && let Some(selection) = self.reader.selection.as_mut()
        {
            selection.head = new_head.clone();
            self.reveal(new_head.start);
        }
    }

    /// Extends the selection to the next (or previous) sentence; a selection of only the
    /// current paragraph, or none, becomes its first (or last) sentence.
    pub(super) fn select_sentence(&mut self, forward: bool) {
        if self.refused_as_removed() {
            return;
        }
        let (Some(article), Some(passage)) = (self.reader.article.clone(), self.passage()) else {
            return;
        };
        let whole = |s: &Selection| s.anchor == passage && s.head == passage;
        let sentences_of = |block: &crate::catalog::Block| -> Vec<Range<usize>> {
            crate::text::words::sentences(&article.text[block.range.clone()])
                .into_iter()
                .map(|r| r.start + block.range.start..r.end + block.range.start)
                .collect()
        };
        // A paragraph of one sentence selected whole is that sentence: `)` goes on to the next.
        let one_sentence = article
            .blocks
            .get(self.reader.cursor)
            .is_some_and(|block| sentences_of(block).len() <= 1);
        let head = match &self.reader.selection {
            Some(selection) if !whole(selection) || one_sentence => {
                let at = selection.head.clone();
                let found = if forward {
                    article
                        .blocks
                        .iter()
                        .filter(|b| b.range.end > at.end)
                        .flat_map(sentences_of)
                        .find(|s| s.start >= at.end)
                } else {
                    let before: Vec<_> = article
                        .blocks
                        .iter()
                        .filter(|b| b.range.start < at.start)
                        .collect();
                    before.into_iter().rev().find_map(|b| {
                        sentences_of(b)
                            .into_iter()
                            .rev()
                            .find(|s| s.end <= at.start)
                    })
                };
                match found {
                    Some(sentence) => sentence,
                    None => return,
                }
            }
            _ => {
                let Some(block) = article.blocks.get(self.reader.cursor) else {
                    return;
                };
                let sentences = sentences_of(block);
                let first = if forward {
                    sentences.first()
                } else {
                    sentences.last()
                };
                let Some(sentence) = first.cloned() else {
                    return;
                };
                self.reader.flash = None;
                self.reader.selection = Some(Selection {
                    anchor: sentence.clone(),
                    head: sentence.clone(),
                });
                return;
            }
        };
        if let Some(selection) = self.reader.selection.as_mut() {
            selection.head = head.clone();
            self.reveal(head.start);
        }
    }

    /// Asks for the note of a bookmark of the selection (or of the current passage); the
    /// bookmark is made when the note is confirmed, and `Esc` gives it up.
    pub(super) fn start_bookmark(&mut self) -> Screen {
        if self.refused_as_removed() {
            return Screen::Reader;
        }
        let Some(range) = self.taken() else {
            return Screen::Reader;
        };
        let Some(article) = self.article() else {
            return Screen::Reader;
        };
        let range = trim(&article.text, range);
        // The same passage bookmarked again: its note to edit, rather than a second bookmark.
        let again = self
            .reader
            .placed
            .iter()
            .find(|p| p.anchor.range() == Some(range.clone()))
            .and_then(|p| self.bookmarks.get(&p.id));
        if let Some(bookmark) = again {
            let (id, note) = (bookmark.id.clone(), bookmark.note.clone());
            let kept = Box::new(bookmark.clone());
            let purpose = Purpose::EditNote {
                id,
                kept,
                again: true,
            };
            return self.open_prompt(note, purpose, Screen::Reader);
        }
        let bookmark = Bookmark::new(self.catalog.folder(), article, range);
        self.open_prompt(String::new(), Purpose::NewNote { bookmark }, Screen::Reader)
    }

    /// Copies the selection, or the current passage, to the clipboard through the terminal.
    pub(super) fn copy_passage(&mut self) {
        let Some(range) = self.taken() else {
            return;
        };
        let Some(article) = self.article() else {
            return;
        };
        let text = article.text[trim(&article.text, range)].to_owned();
        let chars = text.chars().count();
        self.effects.push(Effect::Copy(text));
        self.note = Some(self.lang.tr(
            "note-copied",
            &[
                ("count", chars.into()),
                ("shown", crate::text::thousands(chars).into()),
            ],
        ));
    }

    /// Makes a change to the bookmarks at once, and has it saved.
    pub(super) fn change(&mut self, change: Change) {
        let number = self.bookmarks.change(change.clone());
        self.effects.push(Effect::SaveBookmarks { number, change });
        self.bookmarks_changed = true;
    }

    /// Places the bookmarks again after they changed: in the reader, and in the pane.
    pub(super) fn place_changed_bookmarks(&mut self) {
        if !std::mem::take(&mut self.bookmarks_changed) {
            return;
        }
        self.place_bookmarks();
        let entries = self.pane_entries();
        if let Some(pane) = self.screen.bookmarks_pane_mut() {
            refill(pane, entries);
        }
    }

    /// Finds the selected article's bookmarks in its current text, and has those found
    /// elsewhere or edited remember the passage as it reads now, with its new context.
    pub(super) fn place_bookmarks(&mut self) {
        let Some(article) = self.reader.article.clone() else {
            self.reader.placed = Vec::new();
            return;
        };
        let (placed, changes) =
            crate::bookmarks::place(&self.article_bookmarks(&article.id), &article);
        self.take_placed(placed, changes);
    }

    /// The bookmarks of an article of the folder open.
    pub(super) fn article_bookmarks(&self, id: &str) -> Vec<Bookmark> {
        self.bookmarks.of_article(id).cloned().collect()
    }

    /// Shows bookmarks where they were found, and saves what they now remember.
    pub(super) fn take_placed(&mut self, placed: Vec<Placed>, changes: Vec<Change>) {
        let lost = placed
            .iter()
            .filter(|p| p.anchor == crate::bookmarks::Anchor::Orphaned)
            .count();
        if let Some(id) = self.reader.article.as_ref().map(|a| a.id.clone()) {
            match lost {
                0 => self.orphans.remove(&id),
                n => self.orphans.insert(id, n),
            };
        }
        self.reader.placed = placed;
        for change in changes {
            self.change(change);
        }
    }

    /// Highlights a bookmark's passage in the article shown, and scrolls to it; says so when
    /// it is not found any more.
    pub(super) fn flash_bookmark(&mut self, id: &str) {
        let anchor = self
            .reader
            .placed
            .iter()
            .find(|p| p.id == id)
            .and_then(|p| p.anchor.range());
        match anchor {
            Some(range) => {
                // The passage cursor on it: `m` and `y` act on what is highlighted.
                let block = self.reader.article.as_ref().and_then(|article| {
                    article
                        .blocks
                        .iter()
                        .position(|b| b.range.contains(&range.start))
                });
                self.reader.flash = Some(range.clone());
                // Near the top, with a little above it: the whole passage in view.
                let row = self
                    .reader
                    .page
                    .as_ref()
                    .and_then(|p| p.row_of(range.start));
                self.reader.scroll = row
                    .map_or(0, |r| r.saturating_sub(2))
                    .min(self.max_scroll());
                if let Some(block) = block {
                    self.reader.cursor = block;
                }
            }
            None => {
                let quote = self
                    .bookmarks
                    .get(id)
                    .map(|b| b.shown_quote().into_owned())
                    .unwrap_or_default();
                self.note = Some(
                    self.lang
                        .tr("note-passage-gone", &[("quote", quote.into())]),
                );
            }
        }
    }

    /// Confirms a note: makes the new bookmark, or changes the note of one.
    pub(super) fn confirm_note(&mut self, purpose: Purpose, note: &str) {
        let note = note.trim().to_owned();
        match purpose {
            Purpose::NewNote { mut bookmark } => {
                self.note = Some(if note.is_empty() {
                    self.lang.t("note-bookmarked")
                } else {
                    self.lang.t("note-bookmarked-with-note")
                });
                bookmark.note = note;
                self.change(Change::Add(bookmark));
            }
            Purpose::EditNote { id, kept, .. } if self.bookmarks.get(&id).is_none() => {
                // Deleted in another window while the note was typed: a note is not thrown
                // away unsaid; the bookmark comes back with it.
                if note.is_empty() {
                    self.note = Some(self.lang.t("note-bookmark-gone"));
                    return;
                }
                let mut bookmark = *kept;
                bookmark.note = note;
                bookmark.updated = crate::store::now_rfc3339();
                self.note = Some(self.lang.t("note-bookmark-kept"));
                self.change(Change::Add(bookmark));
            }
            Purpose::EditNote { id, .. } => {
                if self.bookmarks.get(&id).is_some_and(|b| b.note == note) {
                    self.note = Some(self.lang.t("note-unchanged"));
                    return;
                }
                self.note = Some(if note.is_empty() {
                    self.lang.t("note-removed")
                } else {
                    self.lang.t("note-saved")
                });
                let updated = crate::store::now_rfc3339();
                match self.bookmarks.get(&id).filter(|_| !note.is_empty()) {
                    // The whole bookmark with its note: were it deleted in another window
                    // before this is written, it is written back rather than the note lost.
                    Some(bookmark) => {
                        let mut bookmark = bookmark.clone();
                        bookmark.note = note;
                        bookmark.updated = updated;
                        self.change(Change::Add(bookmark));
                    }
                    None => self.change(Change::SetNote { id, note, updated }),
                }
            }
            _ => {}
        }
    }
}

/// The range without the whitespace at its ends.
fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    // A range always belongs to the text it is used with; were one ever of another version
    // of it, nothing would be trimmed rather than the reader brought down.
    let Some(slice) = text.get(range.clone()) else {
        debug_assert!(
            false,
            "range {range:?} outside the text's {} bytes",
            text.len()
        );
        return range.start.min(text.len())..range.start.min(text.len());
    };
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.end - (slice.len() - slice.trim_end().len());
    start..end.max(start)
}
