//! Quitting with something unsaved: the dialog that offers to try again, to write it to a
//! recovery file elsewhere, or to leave without it; and what is left to recover at the end.

use super::App;
use super::screen::Screen;
use crate::action::Action;
use crate::bookmarks::Bookmark;
use crate::effect::{Effect, Saving};
use crate::state::ReadingState;

/// The dialog shown when quitting would lose something that could not be saved.
#[derive(Debug, Clone)]
pub struct UnsavedView {
    /// What the last save that failed said.
    pub(super) error: String,
    /// What the dialog is waiting for, if anything.
    pub(super) waiting: Option<Waiting>,
    /// Whether the last try again failed too.
    pub(super) failed_again: bool,
    pub(super) under: Screen,
}

/// What the dialog waits for after a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Waiting {
    /// The saves tried again.
    Retry,
    /// The recovery file.
    Recovery,
}

impl UnsavedView {
    /// Why saving failed.
    pub fn error(&self) -> &str {
        &self.error
    }

    /// What it waits for, if anything.
    pub fn waiting(&self) -> Option<Waiting> {
        self.waiting
    }

    /// Whether the last try again failed too.
    pub fn failed_again(&self) -> bool {
        self.failed_again
    }

    /// The screen it was opened over.
    pub fn under(&self) -> &Screen {
        &self.under
    }
}

/// What could not be saved when docbao ended, to write to a recovery file.
#[derive(Debug, Clone)]
pub struct Unsaved {
    /// Every bookmark, as this window has them.
    pub bookmarks: Vec<Bookmark>,
    /// The reading state.
    pub reading: ReadingState,
    /// Why it could not be saved, when a save said so.
    pub error: Option<String>,
}

impl App {
    /// Whether quitting now would lose something a save said it could not write.
    fn failed(&self) -> bool {
        self.save_failed.is_some()
    }

    /// Leaves once everything is saved: what could not be saved before is tried again now
    /// (the data folder may be back), and the question is asked only if saving fails now.
    pub(super) fn close(&mut self) {
        if self.failed() {
            self.retry_saves();
        }
        self.closing = true;
        self.leave_when_saved();
    }

    /// Sends again every save that has not gone through.
    fn retry_saves(&mut self) {
        for (number, change) in self.bookmarks.unsaved() {
            self.effects.push(Effect::SaveBookmarks { number, change });
        }
        self.place_unconfirmed = true;
        self.effects
            .push(Effect::SaveReading(Box::new(self.reading.clone())));
        self.effects.push(Effect::Flush);
        self.save_failed = None;
    }

    /// Leaves if closing and every save has answered that it went through.
    fn leave_when_saved(&mut self) {
        if self.closing && !self.place_unconfirmed && self.bookmarks.unsaved_count() == 0 {
            self.quit = true;
        }
    }

    /// Leaves, unless something could not be saved: then asks what to do with it.
    pub(super) fn quit_or_ask(&mut self) {
        if !self.failed() {
            self.quit = true;
            return;
        }
        let under = std::mem::take(&mut self.screen);
        let under = match under {
            Screen::Unsaved(view) => view.under,
            other => other,
        };
        self.screen = Screen::Unsaved(Box::new(UnsavedView {
            error: self.save_failed.clone().unwrap_or_default(),
            waiting: None,
            failed_again: false,
            under,
        }));
    }

    /// Keys in the dialog.
    pub(super) fn on_unsaved(&mut self, mut view: UnsavedView, action: Action) -> Screen {
        match action {
            Action::RetrySave => {
                self.retry_saves();
                view.waiting = Some(Waiting::Retry);
                view.failed_again = false;
            }
            Action::SaveElsewhere => {
                self.effects.push(Effect::Recover {
                    bookmarks: self.bookmarks.all().to_vec(),
                    reading: Box::new(self.reading.clone()),
                });
                view.waiting = Some(Waiting::Recovery);
            }
            Action::QuitAnyway => {
                self.discarded = true;
                self.quit = true;
            }
            // Ctrl-C a second time: no more questions; what is unsaved goes to a recovery
            // file as docbao ends.
            Action::Quit => self.quit = true,
            Action::Back => {
                // Still unsaved: said on the status line until the next key.
                self.note = Some(self.unsaved_said());
                return view.under;
            }
            _ => {}
        }
        Screen::Unsaved(Box::new(view))
    }

    /// Takes in that a save failed: kept to say at quitting, and said in the dialog if open.
    pub(super) fn save_failed(&mut self, what: Saving, error: String) {
        let id = match what {
            Saving::Bookmarks => "notice-bookmark-kept",
            Saving::Place => "notice-place-kept",
        };
        self.note = Some(self.lang.tr(id, &[("error", error.clone().into())]));
        if what == Saving::Place {
            self.place_failed = true;
            self.place_unconfirmed = false;
        }
        self.save_failed = Some(error.clone());
        if std::mem::take(&mut self.closing) {
            // Leaving would lose it: asked what to do instead.
            self.quit_or_ask();
        }
        if let Screen::Unsaved(view) = &mut self.screen {
            // Every save tried again answers: one failing is enough to say so.
            view.failed_again |= view.waiting == Some(Waiting::Retry);
            view.error = error;
            view.waiting = None;
        }
    }

    /// What is not saved, in words: how many bookmark changes, and the place.
    pub fn unsaved_said(&self) -> String {
        let count = self.bookmarks.unsaved_count();
        let mut parts = Vec::new();
        if count > 0 {
            parts.push(
                self.lang
                    .tr("unsaved-bookmarks", &[("count", count.into())]),
            );
        }
        if self.place_failed || parts.is_empty() {
            parts.push(self.lang.t("unsaved-place"));
        }
        self.lang
            .tr("unsaved-what", &[("what", parts.join(", ").into())])
    }

    /// Takes in that a save went through; leaves when it was the last the dialog waited for.
    pub(super) fn saved(&mut self, what: Saving) {
        match what {
            Saving::Place => {
                self.place_failed = false;
                self.place_unconfirmed = false;
            }
            Saving::Bookmarks => {}
        }
        self.leave_when_saved();
        let all_saved = !self.place_failed && self.bookmarks.unsaved_count() == 0;
        if all_saved {
            self.save_failed = None;
        }
        if let Screen::Unsaved(view) = &self.screen
            && view.waiting == Some(Waiting::Retry)
            && all_saved
        {
            self.quit = true;
        }
    }

    /// Takes in the recovery file written, or why it could not be.
    pub(super) fn recovered(&mut self, written: Result<String, String>) {
        match written {
            Ok(path) => {
                self.farewell
                    .push(self.lang.tr("notice-recovered", &[("path", path.into())]));
                self.discarded = true;
                self.quit = true;
            }
            Err(error) => {
                let message = self
                    .lang
                    .tr("notice-not-recovered", &[("error", error.into())]);
                if let Screen::Unsaved(view) = &mut self.screen {
                    view.error = message;
                    view.waiting = None;
                }
            }
        }
    }

    /// What could not be saved, now that docbao ends: `None` when everything was saved, or
    /// the user chose to leave without it (or it went to a recovery file already).
    pub fn unsaved(&self) -> Option<Unsaved> {
        let lost = self.failed() || self.place_failed || self.bookmarks.unsaved_count() > 0;
        (lost && !self.discarded).then(|| Unsaved {
            bookmarks: self.bookmarks.all().to_vec(),
            reading: self.reading.clone(),
            error: self.save_failed.clone(),
        })
    }

    /// What to tell the user once the terminal is back.
    pub fn farewell(&self) -> &[String] {
        &self.farewell
    }
}
