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
        let kept = self.reading.listing.as_ref();
        let search = match &self.screen {
            Screen::Prompt(_) => kept.and_then(|l| l.search.as_deref()),
            _ => self.list.filter.as_ref().map(|f| f.query().text.as_str()),
        };
        // Run after every key: nothing is copied unless something changed.
        let same = match kept {
            Some(kept) => {
                kept.unread_only == self.list.unread_only
                    && kept.search.as_deref() == search
                    && kept.folded.len() == self.list.folded.len()
                    && kept.folded.iter().all(|f| self.list.folded.contains(f))
            }
            None => !self.list.unread_only && search.is_none() && self.list.folded.is_empty(),
        };
        if same {
            return;
        }
        let search = search.map(str::to_owned);
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
