//! The bookmarks pane: opening it, its entries and filter, its keys (open, delete, undo).

use std::collections::HashMap;

use super::screen::{BookmarksPane, PaneEntry, Placement, Purpose, Screen};
use super::{App, Mode};
use crate::action::Action;
use crate::bookmarks::{Anchor, Bookmark, Change};
use crate::catalog::{Article, Entry};
use crate::effect::Effect;
use crate::search::{self, Query};
use crate::text::fold::FoldMap;

impl App {
    /// Opens the bookmarks pane over `under`, and has the file read again for what another
    /// window saved.
    pub(super) fn open_bookmarks(&mut self, under: Screen) -> Screen {
        self.reader.selection = None;
        self.effects.push(Effect::ReloadBookmarks);
        let mut pane = BookmarksPane {
            entries: Vec::new(),
            shown: Vec::new(),
            filter: None,
            cursor: 0,
            deleted: Vec::new(),
            under,
        };
        refill(&mut pane, self.pane_entries());
        // What the pane found is what the list says of each article's bookmarks.
        self.orphans.clear();
        for entry in pane
            .entries
            .iter()
            .filter(|e| e.placement == Placement::NotFound)
        {
            if let Some(id) = self.bookmarks.local_id(&entry.bookmark) {
                *self.orphans.entry(id.to_owned()).or_default() += 1;
            }
        }
        let last = self.reading.last_bookmark.as_deref();
        let at = pane
            .shown()
            .position(|e| Some(e.bookmark.id.as_str()) == last);
        pane.cursor = at.unwrap_or(0);
        Screen::Bookmarks(Box::new(pane))
    }

    /// The article a bookmark is of, when it is in the folder open.
    pub(super) fn bookmark_article(&self, bookmark: &Bookmark) -> Option<(usize, &Entry)> {
        let id = self.bookmarks.local_id(bookmark)?;
        self.catalog.find(id).filter(|(_, entry)| entry.id == id)
    }

    /// Every bookmark, newest first, with where its passage is now: each bookmarked article
    /// is read once, when the pane opens or the bookmarks change.
    pub(super) fn pane_entries(&self) -> Vec<PaneEntry> {
        let mut read: HashMap<usize, Option<Article>> = HashMap::new();
        self.bookmarks
            .all()
            .iter()
            .map(|bookmark| {
                let found = self.bookmark_article(bookmark);
                let article = found.and_then(|(index, _)| {
                    read.entry(index)
                        .or_insert_with(|| self.catalog.article(index).ok())
                        .as_ref()
                });
                let placement = match (found, article.map(|a| bookmark.locate(a))) {
                    (None, _) => Placement::NoArticle,
                    (Some(_), None) | (_, Some(Anchor::Orphaned)) => Placement::NotFound,
                    (_, Some(Anchor::Approximate(_))) => Placement::Edited,
                    (_, Some(_)) => Placement::Found,
                };
                PaneEntry {
                    bookmark: bookmark.clone(),
                    date: found.and_then(|(_, entry)| entry.date),
                    placement,
                }
            })
            .collect()
    }

    /// Keeps the bookmark chosen for the pane to open on, this time and the next start.
    pub(super) fn remember_bookmark(&mut self, id: Option<String>) {
        if id.is_some() && self.reading.last_bookmark != id {
            self.reading.last_bookmark = id;
            self.reading_changed = true;
        }
    }

    /// Keys in the bookmarks pane.
    pub(super) fn on_bookmarks(&mut self, pane: BookmarksPane, action: Action) -> Screen {
        let next = self.bookmarks_key(pane, action);
        // Whatever the key did, the pane reopens on the bookmark chosen last.
        if let Some(pane) = next.bookmarks_pane() {
            self.remember_bookmark(pane.chosen().map(|e| e.bookmark.id.clone()));
        }
        next
    }

    pub(super) fn bookmarks_key(&mut self, mut pane: BookmarksPane, action: Action) -> Screen {
        let last = pane.shown.len().saturating_sub(1);
        let page = self.pane_capacity();
        if let Some(to) = super::moved(&action, pane.cursor, page, last) {
            pane.cursor = to;
        }
        match action {
            Action::Open => return self.open_bookmark(pane),
            Action::DeleteBookmark => self.delete_bookmark(&mut pane),
            Action::UndoDelete => self.undo_delete(&mut pane),
            Action::EditNote => {
                if let Some(entry) = pane.chosen() {
                    let (id, note) = (entry.bookmark.id.clone(), entry.bookmark.note.clone());
                    let kept = Box::new(entry.bookmark.clone());
                    let under = Screen::Bookmarks(Box::new(pane));
                    let purpose = Purpose::EditNote {
                        id,
                        kept,
                        again: false,
                    };
                    return self.open_prompt(note, purpose, under);
                }
            }
            Action::StartSearch => {
                let text = pane
                    .filter
                    .as_ref()
                    .map_or_else(String::new, |q| q.text.clone());
                let before = pane.filter.clone();
                let under = Screen::Bookmarks(Box::new(pane));
                return self.open_prompt(text, Purpose::FilterBookmarks { before }, under);
            }
            Action::Back if pane.filter.is_some() => {
                pane.filter = None;
                pane.cursor = 0;
                refilter(&mut pane);
            }
            Action::Back | Action::ShowBookmarks => {
                self.remember_bookmark(pane.chosen().map(|e| e.bookmark.id.clone()));
                return pane.under;
            }
            Action::ToggleHelp => return self.open_help(Screen::Bookmarks(Box::new(pane))),
            _ => {}
        }
        Screen::Bookmarks(Box::new(pane))
    }

    pub(super) fn delete_bookmark(&mut self, pane: &mut BookmarksPane) {
        let Some(bookmark) = pane.chosen().map(|e| e.bookmark.clone()) else {
            return;
        };
        self.change(Change::Remove(bookmark.id.clone()));
        refill(pane, self.pane_entries());
        pane.deleted.push(bookmark);
        // The pane is being handled, out of `self.screen`: name the key of the pane's mode.
        let undo = self
            .keys
            .key(Mode::Bookmarks, &Action::UndoDelete)
            .to_owned();
        self.note = Some(
            self.lang
                .tr("note-bookmark-deleted", &[("undo", undo.into())]),
        );
    }

    pub(super) fn undo_delete(&mut self, pane: &mut BookmarksPane) {
        let Some(bookmark) = pane.deleted.pop() else {
            self.note = Some(self.lang.t("note-nothing-to-undo"));
            return;
        };
        let id = bookmark.id.clone();
        self.change(Change::Add(bookmark));
        refill(pane, self.pane_entries());
        let at = pane.shown().position(|e| e.bookmark.id == id);
        pane.cursor = at.unwrap_or(pane.cursor);
        self.note = Some(self.lang.t("note-bookmark-restored"));
    }

    /// Opens the chosen bookmark's article at its passage, highlighted.
    pub(super) fn open_bookmark(&mut self, pane: BookmarksPane) -> Screen {
        let Some(bookmark) = pane.chosen().map(|e| e.bookmark.clone()) else {
            return Screen::Bookmarks(Box::new(pane));
        };
        self.remember_bookmark(Some(bookmark.id.clone()));
        let Some((index, _)) = self.bookmark_article(&bookmark) else {
            self.note = Some(self.lang.tr(
                "note-bookmark-elsewhere",
                &[
                    ("title", bookmark.title.as_str().into()),
                    ("path", bookmark.path.as_str().into()),
                ],
            ));
            return Screen::Bookmarks(Box::new(pane));
        };
        self.select(index);
        match self.reader.opening.as_mut() {
            // Shown once the article is read.
            Some(opening) if self.reader.article.is_none() => opening.flash = Some(bookmark.id),
            _ => self.flash_bookmark(&bookmark.id),
        }
        Screen::Reader
    }

    /// Filters the bookmarks pane in `under` by what is typed.
    pub(super) fn filter_bookmarks(&self, under: &mut Screen, text: &str) {
        let query = Query::new(text, self.options);
        if let Some(pane) = under.bookmarks_pane_mut() {
            pane.filter = (!query.is_empty()).then_some(query);
            pane.cursor = 0;
            refilter(pane);
        }
    }

    /// Bookmarks the pane shows at once.
    pub(super) fn pane_capacity(&self) -> usize {
        usize::from(self.size.1.saturating_sub(3)) / crate::panes::BOOKMARK_ENTRY_ROWS
    }
}

/// Puts the filter of the pane in `under` back as it was before a filter was typed.
pub(super) fn restore_bookmarks_filter(under: &mut Screen, before: Option<Query>) {
    if let Some(pane) = under.bookmarks_pane_mut() {
        pane.filter = before;
        pane.cursor = 0;
        refilter(pane);
    }
}

/// Puts fresh entries in the pane, keeping its filter and, where it can, its cursor.
pub(super) fn refill(pane: &mut BookmarksPane, entries: Vec<PaneEntry>) {
    let chosen = pane.chosen().map(|e| e.bookmark.id.clone());
    pane.entries = entries;
    refilter(pane);
    // The same bookmark stays chosen when another window adds or deletes one above it.
    if let Some(at) = chosen.and_then(|id| pane.shown().position(|e| e.bookmark.id == id)) {
        pane.cursor = at;
    }
}

/// Works out which entries the pane's filter lets through.
fn refilter(pane: &mut BookmarksPane) {
    pane.shown = (0..pane.entries.len())
        .filter(|&i| {
            let Some(query) = &pane.filter else {
                return true;
            };
            let b = &pane.entries[i].bookmark;
            let text = format!("{}\n{}\n{}", b.title, b.shown_quote(), b.note);
            !search::find_all(&text, &FoldMap::new(&text), query).is_empty()
        })
        .collect();
    pane.cursor = pane.cursor.min(pane.shown.len().saturating_sub(1));
}
