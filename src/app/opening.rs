//! Opening an article in the reader: asking the loader to read and lay it out, and, when it
//! answers, putting in place all that belongs to that version of the text in one step.

use std::ops::Range;
use std::sync::Arc;

use super::App;
use super::reader::{Selection, Then};
use crate::action::Action;
use crate::bookmarks::Passage;
use crate::catalog::Article;
use crate::effect::{Effect, Loaded};
use crate::page::Page;
use crate::search::Query;
use crate::state::Position;

/// What to do once the article asked for is read and laid out.
#[derive(Debug, Clone, Default)]
pub struct Opening {
    /// Which request it answers.
    request: u64,
    /// Scroll to where the user left the article.
    pub(super) restore: bool,
    /// Search it, and what to do with the matches.
    pub(super) search: Option<(Query, Then)>,
    /// Highlight this bookmark's passage, and show it.
    pub(super) flash: Option<String>,
    /// Where the user was in the text read before (the same article, changed), to find again.
    carried: Option<Box<Carried>>,
    /// The place in the page laid out before (at another width), to keep.
    keep: Option<Keep>,
    /// Keys for the reader pressed before the article came, to apply once it has.
    deferred: Vec<Action>,
}

/// What was placed in an article's old text, kept to be found again in its new text.
#[derive(Debug, Clone)]
struct Carried {
    old: Arc<Article>,
    /// The paragraph at the top, and how far into it (`None`: the headline was in view).
    top: Option<(Position, Option<usize>)>,
    cursor: Position,
    selection: Option<Selection>,
    flash: Option<Range<usize>>,
}

/// The view of a page laid out at another width: the paragraph at the top, the row into it
/// and its rows then; and how far down the user has seen.
#[derive(Debug, Clone, Copy)]
struct Keep {
    top: Option<(usize, usize, usize)>,
    seen: (usize, usize),
}

impl Opening {
    /// An article to show: where the user left it (with `restore`), searched for `search`.
    pub(super) fn showing(restore: bool, search: Option<(Query, Then)>) -> Opening {
        Opening {
            restore,
            search,
            ..Opening::default()
        }
    }
}

impl App {
    /// Columns the reader lays text out in.
    fn reader_width(&self) -> usize {
        crate::panes::Panes::compute(self.area(), true, self.list_percent())
            .reader
            .map_or(0, crate::panes::reader_text_width)
            .min(self.text_width())
    }

    /// Asks the loader for the selected article (or, when one is read, for its layout at the
    /// reader's width), with what to do when it comes. Until then the reader shows what it
    /// showed: nothing of another article, the old layout of the same one.
    pub(super) fn open_selected(&mut self, opening: Opening) {
        if self.list.selected >= self.catalog.entries().len() {
            return;
        }
        self.requests += 1;
        // The file read again when it changed; else only laid out again, when read already.
        let article = match opening.carried {
            Some(_) => None,
            None => self.reader.article.clone(),
        };
        let bookmarks = self
            .catalog
            .entries()
            .get(self.list.selected)
            .map(|entry| self.article_bookmarks(&entry.id))
            .unwrap_or_default();
        self.effects.push(Effect::OpenArticle {
            request: self.requests,
            catalog: Arc::clone(&self.catalog),
            index: self.list.selected,
            article,
            width: self.reader_width(),
            lang: self.lang,
            bookmarks,
        });
        self.reader.opening = Some(Opening {
            request: self.requests,
            ..opening
        });
    }

    /// Lays the article out for a new size, keeping the same place of the same paragraph at
    /// the top.
    pub(super) fn relayout_keeping_place(&mut self) {
        if self.reader.opening.is_some() && self.reader.page.is_none() {
            // Not shown yet: laid out at the new width when asked for again.
            let pending = self.reader.opening.take().unwrap_or_default();
            self.open_selected(pending);
            return;
        }
        let Some(page) = &self.reader.page else {
            return;
        };
        let top = page.block_at(self.reader.scroll).and_then(|block| {
            let into = self.reader.scroll.checked_sub(page.block_start(block))?;
            let rows = page.rows.iter().filter(|r| r.block == Some(block)).count();
            Some((block, into, rows.max(1)))
        });
        let keep = Keep {
            top,
            seen: (self.reader.seen, page.rows.len()),
        };
        let pending = self.reader.opening.take().unwrap_or_default();
        self.open_selected(Opening {
            keep: Some(keep),
            ..pending
        });
    }

    /// Reads the selected article again after its file changed. Everything placed in its
    /// text (the view and the passage cursor, the selection, the highlighted passage, the
    /// bookmarks, the search) is rebuilt from the new text when it comes, in one step, each
    /// found again by its words, never by its old byte offsets.
    pub(super) fn reread_at_same_passage(&mut self) {
        if self.reader.article.is_none() {
            // Not read yet: asked for again of the new catalog, with all that waits for it.
            let pending = self
                .reader
                .opening
                .take()
                .unwrap_or_else(|| Opening::showing(true, None));
            self.open_selected(pending);
            return;
        }
        let carried = match (self.reader.article.clone(), &self.reader.page) {
            (Some(old), Some(page)) => {
                let top = page.block_at(self.reader.scroll).map(|block| {
                    // `None` while the view is at the headline, above the first block.
                    let into = self.reader.scroll.checked_sub(page.block_start(block));
                    (Position::at(&old, block, 0), into)
                });
                Some(Box::new(Carried {
                    cursor: Position::at(&old, self.reader.cursor, 0),
                    top,
                    selection: self.reader.selection.clone(),
                    flash: self.reader.flash.clone(),
                    old,
                }))
            }
            _ => None,
        };
        // What is on screen stays, all of the old text, until the new one comes; its search
        // is run again then.
        self.open_selected(Opening {
            carried,
            ..Opening::default()
        });
    }

    /// Keeps a key for the reader pressed while its article is still being read, to apply
    /// once it has come, in order, as a user typing ahead expects; `false` for any other.
    pub(super) fn defer(&mut self, action: &Action) -> bool {
        let waiting = self.reader.page.is_none() && matches!(self.screen, super::Screen::Reader);
        let Some(opening) = self.reader.opening.as_mut().filter(|_| waiting) else {
            return false;
        };
        let needs_the_page = matches!(
            action,
            Action::Down
                | Action::Up
                | Action::PageDown
                | Action::PageUp
                | Action::PageOrNext
                | Action::HalfPageDown
                | Action::HalfPageUp
                | Action::Top
                | Action::Bottom
                | Action::NextParagraph
                | Action::PreviousParagraph
                | Action::NextSentence
                | Action::PreviousSentence
                | Action::ToggleSelection
                | Action::Bookmark
                | Action::Copy
                | Action::NextMatch
                | Action::PreviousMatch
        );
        if needs_the_page {
            opening.deferred.push(action.clone());
        }
        needs_the_page
    }

    /// Takes in the article the loader read and laid out, if it answers the last request:
    /// every position of another version of the text is dropped or found again, together.
    /// Returns the keys pressed meanwhile, to apply now.
    pub(super) fn article_opened(
        &mut self,
        request: u64,
        opened: Result<Box<Loaded>, String>,
    ) -> Vec<Action> {
        let Some(opening) = self.reader.opening.take_if(|o| o.request == request) else {
            return Vec::new();
        };
        let Loaded {
            article,
            page,
            bookmarks,
            placed,
            changes,
        } = match opened {
            Ok(opened) => *opened,
            Err(message) => {
                self.note = Some(message);
                return Vec::new();
            }
        };
        let same = self
            .reader
            .article
            .as_ref()
            .is_some_and(|shown| Arc::ptr_eq(shown, &article));
        if !same {
            self.versions += 1;
            self.reader.version = self.versions;
            self.reader.folded = None;
            self.reader.recorded = None;
            self.reader.selection = None;
            self.reader.flash = None;
            self.reader.placed.clear();
        }
        // A search shown of the old text is run again on the new one.
        let search = match opening.search {
            Some(search) => Some(search),
            None if !same => self
                .reader
                .search
                .take()
                .map(|found| (found.query, Then::Show)),
            None => None,
        };
        self.reader.article = Some(Arc::clone(&article));
        self.reader.page = Some(Arc::clone(&page));
        if let Some(keep) = opening.keep {
            if let Some((block, into, old_rows)) = keep.top {
                let rows = page.rows.iter().filter(|r| r.block == Some(block)).count();
                self.reader.scroll = page.block_start(block) + into * rows / old_rows;
            }
            let (seen, old_total) = keep.seen;
            self.reader.seen = seen * page.rows.len() / old_total.max(1);
        }
        if opening.restore {
            self.restore_position();
        }
        if let Some(carried) = opening.carried {
            self.find_again(&carried, &article, &page);
        }
        self.reader.cursor = self.reader.cursor.min(page.block_count().saturating_sub(1));
        self.reader.scroll = self.reader.scroll.min(self.max_scroll());
        // Placed by the loader, unless they changed since it was asked.
        if bookmarks == self.article_bookmarks(&article.id) {
            self.take_placed(placed, changes);
        } else {
            self.place_bookmarks();
        }
        if let Some(id) = opening.flash {
            self.flash_bookmark(&id);
        }
        if let Some((query, then)) = search {
            self.search_article(query, then);
        }
        opening.deferred
    }

    /// Puts the view, the cursor, the selection and the highlighted passage of the old text
    /// where their words are in the new one.
    fn find_again(&mut self, carried: &Carried, new: &Article, page: &Page) {
        let old = &carried.old;
        let refind = |range: &Range<usize>| {
            let passage = old.text.get(range.clone())?;
            // The same text at the same place: nothing to look for.
            if new.text.get(range.clone()) == Some(passage)
                && old.text.get(..range.start) == new.text.get(..range.start)
            {
                return Some(range.clone());
            }
            Passage::of(&old.text, range.clone())
                .locate(&new.text)
                .range()
        };
        // A paragraph is found again by its words, as a bookmark is (its opening words may
        // have changed), else by its opening words and number.
        let block_again = |position: &Position| {
            let range = old.blocks.get(position.block)?.range.clone();
            let at = refind(&range)?.start;
            new.blocks.iter().position(|b| b.range.contains(&at))
        };
        if let Some((top, into)) = &carried.top {
            let block = block_again(top).unwrap_or_else(|| top.find_block(new));
            if let Some(into) = into {
                self.reader.scroll = page.block_start(block) + into;
            }
        }
        self.reader.cursor =
            block_again(&carried.cursor).unwrap_or_else(|| carried.cursor.find_block(new));
        self.reader.flash = carried.flash.as_ref().and_then(refind);
        if let Some(selection) = &carried.selection {
            let found = refind(&selection.anchor).zip(refind(&selection.head));
            self.reader.selection = found.map(|(anchor, head)| Selection { anchor, head });
            match &self.reader.selection {
                // The passage cursor is where the selection is, not where its old paragraph
                // number points.
                Some(selection) => {
                    let at = selection.head.start;
                    if let Some(block) = new.blocks.iter().position(|b| b.range.contains(&at)) {
                        self.reader.cursor = block;
                    }
                }
                None => self.note = Some(self.lang.t("note-selection-gone")),
            }
        }
    }
}
