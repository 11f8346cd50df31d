//! What is kept of where the user is, for the next start: the reading place and the list as
//! it was left, handed to the saving worker when they change.

use super::{App, Screen};
use crate::effect::Effect;
use crate::state::Listing;

impl App {
    /// Has the reading state saved, if it changed since it last was.
    pub(super) fn save_reading(&mut self) {
        self.note_listing();
        if std::mem::take(&mut self.reading_changed) {
            self.place_unconfirmed = true;
            self.effects
                .push(Effect::SaveReading(Box::new(self.reading.clone())));
        }
    }

    /// Keeps how the list is left (folds, unread view, search) in the reading state, to be
    /// found so at the next start; a search being typed counts once it is confirmed.
    pub(super) fn note_listing(&mut self) {
        let search = match &self.screen {
            Screen::Prompt(_) => self.reading.listing.as_ref().and_then(|l| l.search.clone()),
            _ => self.list.filter.as_ref().map(|f| f.query().text.clone()),
        };
        let mut folded: Vec<String> = self.list.folded.iter().cloned().collect();
        folded.sort_unstable();
        let listing = Listing {
            folded,
            unread_only: self.list.unread_only,
            search,
        };
        let listing = (listing != Listing::default()).then_some(listing);
        if listing != self.reading.listing {
            self.reading.listing = listing;
            self.reading_changed = true;
        }
    }
}
