//! What the screens, the event loop and the tests read of the [`App`]: borrowed, never changed.

use ratatui::layout::Rect;

use super::{App, Focus, ListView, ReaderView, Screen};
use crate::bookmarks::Bookmarks;
use crate::catalog::indexer::Progress;
use crate::catalog::{Article, Catalog, Entry};
use crate::i18n::Lang;
use crate::mode::{KeyHelp, Mode};
use crate::panes::{self, Panes};
use crate::state::ReadingState;

impl App {
    /// How many of an article's bookmarks have a passage not found any more, as last seen.
    pub fn orphans(&self, id: &str) -> usize {
        self.orphans.get(id).copied().unwrap_or(0)
    }

    /// A section's name as its header shows it: the top of the folder by the folder's own
    /// name.
    pub fn section_name(&self, name: &str) -> String {
        if !name.is_empty() {
            return name.to_owned();
        }
        std::path::Path::new(self.catalog.folder())
            .file_name()
            .map_or_else(
                || self.lang.t("section-top"),
                |n| n.to_string_lossy().into_owned(),
            )
    }

    /// The catalog being read.
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// The selected article, if the catalog has any.
    pub fn article(&self) -> Option<&Article> {
        self.reader.article.as_deref()
    }

    /// The selected article as the list has it, if the catalog has any.
    pub fn entry(&self) -> Option<&Entry> {
        self.catalog.entries().get(self.list.selected)
    }

    /// Index of the selected article in the catalog.
    pub fn selected(&self) -> usize {
        self.list.selected
    }

    /// The active screen.
    pub fn screen(&self) -> &Screen {
        &self.screen
    }

    /// Which bindings apply now.
    pub fn mode(&self) -> Mode {
        self.screen.mode(self.reader.selection.is_some())
    }

    /// Which of the list and the reader has the keyboard, under any overlay.
    pub fn focus(&self) -> Focus {
        self.screen.focus()
    }

    /// The list's state.
    pub fn list(&self) -> &ListView {
        &self.list
    }

    /// The reader's state.
    pub fn reader(&self) -> &ReaderView {
        &self.reader
    }

    /// The bookmarks, with this window's changes.
    pub fn bookmarks(&self) -> &Bookmarks {
        &self.bookmarks
    }

    /// Where the user is in each article.
    pub fn reading(&self) -> &ReadingState {
        &self.reading
    }

    /// Case and accent matching, as toggled in the prompt.
    pub fn options(&self) -> crate::search::Options {
        self.options
    }

    /// The keys, as shown.
    pub fn keys(&self) -> &KeyHelp {
        &self.keys
    }

    /// The status line's one-off message, if any, else how far a fetch of the feeds has got.
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref().or(self.fetching.as_deref())
    }

    /// How far the catalog shown is indexed.
    pub fn progress(&self) -> Progress {
        self.progress
    }

    /// Terminal size in columns and rows.
    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    /// Whether the user asked to quit.
    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// Where the panes sit at the current size.
    pub fn panes(&self) -> Panes {
        Panes::compute(
            self.area(),
            self.screen.focus() == Focus::Reader,
            self.list_percent(),
        )
    }

    /// The language the interface speaks.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The list's share of the width: as `<` and `>` left it, else as the config says.
    pub(crate) fn list_percent(&self) -> Option<u8> {
        self.reading.list_percent.or(self.settings.list_width)
    }

    /// The widest the reader lays out text.
    pub(crate) fn text_width(&self) -> usize {
        usize::from(self.settings.text_width)
    }

    /// The whole terminal as a rectangle.
    pub fn area(&self) -> Rect {
        Rect::new(0, 0, self.size.0, self.size.1)
    }

    /// The terminal above the status line.
    pub fn main_area(&self) -> Rect {
        Rect::new(0, 0, self.size.0, self.size.1.saturating_sub(1))
    }

    /// Rows of article text the reader shows at once.
    pub fn reader_height(&self) -> usize {
        let pane = Panes::compute(self.area(), true, self.list_percent()).reader;
        pane.map_or(0, |p| usize::from(p.inner(panes::BORDER).height))
    }
}
