//! The whole state of the interactive reader, and the one place it changes: `App::update`,
//! which dispatches on the active [`Screen`] and returns the [`Effect`]s for a worker to do.

mod arrival;
mod feeds;
mod kept;
mod list;
mod marks;
mod opening;
mod overlays;
mod pane;
mod prompt;
mod reader;
mod rows;
mod screen;
mod unread;
mod unsaved;
mod view;

use std::sync::Arc;

use crate::action::{Action, Event};
use crate::bookmarks::{Bookmark, Bookmarks};
use crate::catalog::Catalog;
use crate::catalog::indexer::Progress;
use crate::effect::{Answer, Effect, Saving};
pub use crate::mode::{HelpLine, KeyHelp, Mode};
use crate::panes;
use crate::search::{Options, Query};
use crate::state::{Last, Pane, ReadingState};

use crate::i18n::Lang;
pub use list::{ListFilter, ListView};
pub use reader::{Placed, ReaderPlace, ReaderSearch, ReaderView, Selection, Then};
pub use rows::{SectionShown, ShownEntry};
pub use screen::{
    BookmarksPane, Focus, HelpView, PaneEntry, Placement, ProblemsView, PromptScreen, Purpose,
    Screen,
};
pub use unsaved::{Unsaved, UnsavedView, Waiting};

/// What the reader starts with besides the catalog.
#[derive(Debug, Clone)]
pub struct Start {
    /// Terminal size in columns and rows.
    pub size: (u16, u16),
    /// The keys, as the help and the status line show them.
    pub keys: Arc<KeyHelp>,
    /// The bookmarks as read from the data directory.
    pub bookmarks: Vec<Bookmark>,
    /// The reading state as read from the data directory.
    pub reading: ReadingState,
    /// What the user must be told at once (a file set aside, no data directory).
    pub notices: Vec<String>,
    /// How far the catalog is indexed.
    pub progress: Progress,
    /// What the config file sets.
    pub settings: Settings,
    /// The interface's language.
    pub lang: Lang,
    /// The config file's mistakes, each a line, for the problems view.
    pub config_problems: Vec<String>,
}

/// What the config file sets for the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// The widest the reader lays out text, in columns.
    pub text_width: u16,
    /// The list's share of a wide terminal, in percent, until `<` or `>` is pressed.
    pub list_width: Option<u8>,
    /// How searches match until the prompt's toggles change it.
    pub search: Options,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            text_width: crate::config::DEFAULT_TEXT_WIDTH,
            list_width: None,
            search: Options::default(),
        }
    }
}

/// The reader's state: what every screen shares, and the active screen with its own.
#[derive(Debug)]
pub struct App {
    catalog: Arc<Catalog>,
    keys: Arc<KeyHelp>,
    size: (u16, u16),
    screen: Screen,
    list: ListView,
    reader: ReaderView,
    bookmarks: Bookmarks,
    /// Whether the bookmarks changed since they were last placed in the reader and the pane.
    bookmarks_changed: bool,
    reading: ReadingState,
    /// Whether the reading state changed since it was last sent to be saved.
    reading_changed: bool,
    options: Options,
    settings: Settings,
    lang: Lang,
    config_problems: Vec<String>,
    /// A one-off message for the status line, cleared by the next key.
    note: Option<String>,
    /// How far a fetch of the feeds (`R`) has got, while one is under way.
    fetching: Option<String>,
    quit: bool,
    /// Number of the latest catalog search asked for.
    generation: u64,
    /// Effects asked for by the update under way.
    effects: Vec<Effect>,
    /// Number of the latest search in the article asked for.
    article_search: u64,
    /// How far the catalog shown is indexed.
    progress: Progress,
    /// What the list's selection follows when a newer catalog comes in.
    follow: Follow,
    /// How many articles have not been read.
    unread: usize,
    /// Whether the reading state or the catalog changed since the unread were counted.
    unread_changed: bool,
    /// Whether the last key asked to mark everything read: the next one like it does.
    marking_all: bool,
    /// Bookmarks whose passage is not found any more, by article id: as the bookmarks pane or
    /// an opened article last found them.
    orphans: std::collections::HashMap<String, usize>,
    /// Whether the folder has been indexed whole once: a catalog now is the live folder's.
    live: bool,
    /// How many times an article has been read for the reader: each reading's version.
    versions: u64,
    /// Number of the latest article asked of the loader.
    requests: u64,
    /// What the last save that failed said, until everything is saved.
    save_failed: Option<String>,
    /// Whether the reading place could not be written last time it was tried.
    place_failed: bool,
    /// Whether the user chose to leave without what could not be saved.
    discarded: bool,
    /// What to tell the user once the terminal is back.
    farewell: Vec<String>,
    /// Whether the reading place was sent to be written and not yet said written.
    place_unconfirmed: bool,
    /// Whether the user asked to quit and docbao waits for the last saves to answer.
    closing: bool,
}

/// What the list's selection follows when a newer catalog comes in while indexing.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Follow {
    /// The article chosen, found again by its id.
    Chosen,
    /// The first article: nothing chosen yet, or `g`.
    Top,
    /// The last article: `G`.
    Bottom,
    /// The article read last time, not listed yet: chosen when it is, in the pane it was in;
    /// until then it stays the one to come back to.
    Wanted(Last),
}

impl App {
    /// A reader over `catalog`, back where the user left off.
    pub fn new(catalog: Arc<Catalog>, start: Start) -> App {
        let bookmarks = Bookmarks::new(start.bookmarks, catalog.folder());
        let mut app = App {
            catalog,
            keys: start.keys,
            size: start.size,
            screen: Screen::List,
            list: ListView::default(),
            reader: ReaderView::default(),
            bookmarks,
            bookmarks_changed: false,
            reading: start.reading,
            reading_changed: false,
            options: start.settings.search,
            settings: start.settings,
            lang: start.lang,
            config_problems: start.config_problems,
            note: (!start.notices.is_empty()).then(|| start.notices.join("; ")),
            fetching: None,
            quit: false,
            generation: 0,
            effects: Vec::new(),
            article_search: 0,
            progress: start.progress,
            follow: Follow::Top,
            unread: 0,
            unread_changed: true,
            marking_all: false,
            orphans: Default::default(),
            live: start.progress.done,
            versions: 0,
            requests: 0,
            save_failed: None,
            place_failed: false,
            discarded: false,
            farewell: Vec::new(),
            place_unconfirmed: false,
            closing: false,
        };
        let last = app.reading.last.clone();
        let found = last
            .as_ref()
            .and_then(|l| Some((app.catalog.find(&l.article)?.0, l.pane)));
        app.follow = match last {
            _ if found.is_some() => Follow::Chosen,
            Some(last) if !app.progress.done => Follow::Wanted(last),
            _ => Follow::Top,
        };
        if let Some((_, Pane::Reader)) = found {
            app.screen = Screen::Reader;
        }
        let listing = app.reading.listing.clone().unwrap_or_default();
        app.list.folded = listing.folded.into_iter().collect();
        app.list.unread_only = listing.unread_only;
        app.regroup();
        app.refresh_listing();
        // Without a place to come back to, the list's first article.
        app.list.selected =
            found.map_or_else(|| app.list_entry(0).unwrap_or(0), |(index, _)| index);
        app.open_selected(opening::Opening::showing(true, None));
        app.keep_selection_visible();
        // The search the list was left filtered by runs again.
        if let Some(text) = listing.search.filter(|t| !t.trim().is_empty()) {
            let query = Query::new(&text, app.options).in_any_order();
            let selection = (app.list.selected, app.list.offset);
            app.filter_list_then(query, selection, Then::Show);
        }
        app.settle();
        // The article to show first is read by the loader, and the list's search by the
        // search worker; the first `update` hands them on.
        app.effects
            .retain(|e| matches!(e, Effect::OpenArticle { .. } | Effect::SearchCatalog { .. }));
        app
    }

    /// What must be done off the UI thread before the first action: the first article to
    /// read.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// Applies what the user did or what came back from a worker, and returns what must be
    /// done off the UI thread because of it.
    pub fn update(&mut self, event: impl Into<Event>) -> Vec<Effect> {
        match event.into() {
            Event::Answer(answer) => self.answer(answer),
            Event::Action(action) => self.act(action),
        }
        self.settle();
        // The worker that saves writes the latest place once it settles, and on quit.
        self.save_reading();
        std::mem::take(&mut self.effects)
    }

    /// Takes in what a worker, the indexer or the system answered.
    fn answer(&mut self, answer: Answer) {
        match answer {
            Answer::SearchFinished { generation, hits } => self.receive(generation, hits),
            Answer::BookmarksSaved { upto, bookmarks } => {
                self.bookmarks.confirm(upto, bookmarks);
                self.bookmarks_changed = true;
                self.saved(Saving::Bookmarks);
            }
            Answer::PlaceSaved => self.saved(Saving::Place),
            Answer::NoteExpired => self.note = None,
            Answer::Fetching {
                done,
                feeds,
                articles,
                total,
            } => self.fetch_progress(done, feeds, (articles, total)),
            Answer::Fetched(result) => self.fetched(result),
            Answer::SaveFailed { what, error } => self.save_failed(what, error),
            Answer::Recovered(written) => self.recovered(written),
            Answer::Terminate => {
                self.leave();
                self.quit = true;
            }
            Answer::Failed(message) => self.note = Some(message),
            Answer::CatalogUpdated { catalog, progress } => self.take_catalog(catalog, progress),
            Answer::ArticleOpened { request, opened } => {
                for action in self.article_opened(request, opened) {
                    self.act(action);
                }
            }
            Answer::ArticleSearched {
                generation,
                matches,
                folded,
            } => self.article_searched(generation, matches, folded),
            Answer::WorkerStopped(what) => {
                // Nothing more will be saved: leaving is not held up for it.
                self.quit |= self.closing;
                self.note = Some(
                    self.lang
                        .tr("note-worker-stopped", &[("what", what.into())]),
                );
            }
        }
    }

    /// Does what the user asked for, on the screen they are on.
    fn act(&mut self, action: Action) {
        // Marking everything read is asked twice in a row; any other key calls it off.
        if action != Action::MarkAllRead {
            self.marking_all = false;
        }
        match action {
            Action::Resize { width, height } => self.resize(width, height),
            Action::Quit => self.quit(),
            Action::Suspend => self.effects.push(Effect::Suspend),
            Action::Unbound(key) => self.unbound(&key),
            action if self.defer(&action) => {}
            action => {
                self.note = None;
                let chosen = self.entry().map(|e| e.id.clone());
                // `g` and `G` in the list mean the first and the last, whatever comes in.
                let end = match action {
                    Action::Top => Some(Follow::Top),
                    Action::Bottom => Some(Follow::Bottom),
                    _ => None,
                }
                .filter(|_| matches!(self.screen, Screen::List) && self.list.filter.is_none());
                let screen = std::mem::take(&mut self.screen);
                self.screen = match screen {
                    Screen::List => self.on_list(action),
                    Screen::Reader => self.on_reader(action),
                    Screen::Prompt(p) => self.on_prompt(*p, action),
                    Screen::Bookmarks(pane) => self.on_bookmarks(*pane, action),
                    Screen::Problems(view) => self.on_problems(*view, action),
                    Screen::Help(help) => self.on_help(*help, action),
                    Screen::Unsaved(view) => self.on_unsaved(*view, action),
                };
                self.follow = match end {
                    Some(end) => end,
                    None if self.entry().map(|e| &e.id) != chosen.as_ref()
                        || matches!(self.screen, Screen::Reader) =>
                    {
                        Follow::Chosen
                    }
                    None => std::mem::replace(&mut self.follow, Follow::Chosen),
                };
            }
        }
    }

    /// Brings what is derived from the state up to date after a change: what the reader has
    /// shown, the position kept, bookmarks placed, excerpts of the results on screen.
    fn settle(&mut self) {
        if matches!(self.screen, Screen::Reader) {
            self.reader.started = true;
        }
        self.mark_seen();
        self.record_position();
        self.record_last();
        self.place_changed_bookmarks();
        self.place_visible_hits();
        self.count_unread();
    }

    /// Keys while the list has the keyboard.
    fn on_list(&mut self, action: Action) -> Screen {
        match action {
            Action::Down
            | Action::Up
            | Action::PageDown
            | Action::PageUp
            | Action::HalfPageDown
            | Action::HalfPageUp
            | Action::Top
            | Action::Bottom => self.move_in_list(&action),
            Action::PageOrNext => self.move_in_list(&Action::PageDown),
            Action::Open if self.list.filter.is_some() => return self.open_first_hit(),
            Action::Open | Action::SwitchFocus
                if self.reader.page.is_some() || self.reader.opening.is_some() =>
            {
                return Screen::Reader;
            }
            Action::Back => self.clear_filter(),
            Action::ToggleSection => self.toggle_section(),
            Action::MarkSectionRead => self.mark_section(),
            Action::MarkAllRead => self.mark_all_read(),
            Action::NextSection => self.step_section(true),
            Action::PreviousSection => self.step_section(false),
            action if self.on_browse(&action) => {}
            Action::StartSearch => return self.start_list_search(),
            Action::ShowBookmarks => return self.open_bookmarks(Screen::List),
            Action::ShowProblems => return self.open_problems(Screen::List),
            Action::ToggleHelp => return self.open_help(Screen::List),
            Action::ScrollAt { column, row, lines } => self.scroll_at(column, row, lines),
            Action::ClickAt { column, row } => return self.click_at(column, row, Screen::List),
            _ => {}
        }
        Screen::List
    }

    /// Keys while the reader has the keyboard.
    fn on_reader(&mut self, action: Action) -> Screen {
        let selecting = self.reader.selection.is_some();
        match action {
            Action::Down | Action::Up | Action::NextParagraph | Action::PreviousParagraph
                if selecting =>
            {
                self.extend_selection(&action)
            }
            Action::NextSentence => self.select_sentence(true),
            Action::PreviousSentence => self.select_sentence(false),
            Action::Down
            | Action::Up
            | Action::PageDown
            | Action::PageUp
            | Action::HalfPageDown
            | Action::HalfPageUp
            | Action::Top
            | Action::Bottom
            | Action::NextParagraph
            | Action::PreviousParagraph => self.scroll_reader(&action),
            Action::PageOrNext if self.reader.scroll >= self.max_scroll() => {
                if self.list.unread_only {
                    self.next_unread();
                } else {
                    self.step_article(1);
                }
            }
            Action::PageOrNext => self.scroll_reader(&Action::PageDown),
            action if self.on_browse(&action) => {}
            Action::NextArticle => self.step_article(1),
            Action::PreviousArticle => self.step_article(-1),
            Action::NextMatch => self.step_match(true),
            Action::PreviousMatch => self.step_match(false),
            Action::ToggleSelection => self.toggle_selection(),
            Action::Bookmark => return self.start_bookmark(),
            Action::Copy => self.copy_passage(),
            Action::StartSearch => return self.start_reader_search(),
            Action::Back if selecting || self.reader.flash.is_some() => {
                self.reader.selection = None;
                self.reader.flash = None;
            }
            Action::Back | Action::SwitchFocus => return Screen::List,
            Action::ShowBookmarks => return self.open_bookmarks(Screen::Reader),
            Action::ShowProblems => return self.open_problems(Screen::Reader),
            Action::ToggleHelp => return self.open_help(Screen::Reader),
            Action::ScrollAt { column, row, lines } => self.scroll_at(column, row, lines),
            Action::ClickAt { column, row } => return self.click_at(column, row, Screen::Reader),
            _ => {}
        }
        Screen::Reader
    }

    /// Keys that do the same in the list and the reader; `false` for any other.
    fn on_browse(&mut self, action: &Action) -> bool {
        match action {
            Action::ToggleRead => self.toggle_read(),
            Action::ToggleUnreadView => self.toggle_unread_view(),
            Action::NextUnread => {
                self.next_unread();
            }
            Action::FetchFeeds => self.fetch_feeds(),
            Action::WiderList => self.move_split(5),
            Action::NarrowerList => self.move_split(-5),
            _ => return false,
        }
        true
    }

    /// Tells the user that a key does nothing here, and which key lists those that do.
    fn unbound(&mut self, key: &str) {
        let help = self.keys.key(self.mode(), &Action::ToggleHelp).to_owned();
        self.note = match &self.screen {
            // In a prompt the line is the prompt's, and a key not bound there is no mistake
            // worth a word.
            Screen::Prompt(_) => None,
            Screen::Help(_) => Some(self.lang.tr(
                "note-unbound-in-help",
                &[("key", key.into()), ("help", help.into())],
            )),
            _ => Some(self.lang.tr(
                "note-unbound",
                &[("key", key.into()), ("help", help.into())],
            )),
        };
    }

    /// Leaves, saving where the user is: the same from every screen, whatever the key; but
    /// asks first when something could not be saved.
    fn quit(&mut self) {
        if matches!(self.screen, Screen::Unsaved(_)) {
            let screen = std::mem::take(&mut self.screen);
            if let Screen::Unsaved(view) = screen {
                self.screen = self.on_unsaved(*view, Action::Quit);
            }
            return;
        }
        if self.closing {
            // Asked again while the last saves are under way: leave now; what they could not
            // save goes to a recovery file.
            self.quit = true;
            return;
        }
        self.leave();
        self.close();
    }

    /// Gives up a search being typed and has where the user is written at once.
    fn leave(&mut self) {
        // A search being typed is given up, so that the place saved is the one it left.
        let searching = matches!(&self.screen, Screen::Prompt(p)
            if matches!(p.purpose, Purpose::SearchList { .. } | Purpose::SearchReader { .. }));
        if searching && let Screen::Prompt(prompt) = std::mem::take(&mut self.screen) {
            self.screen = self.cancel_prompt(*prompt);
        }
        self.record_position();
        self.record_last();
        self.save_reading();
        self.effects.push(Effect::Flush);
    }

    /// Takes in a new terminal size: the article re-wrapped at the same place, the list
    /// scrolled to show as much as it can, overlays kept in bounds.
    fn resize(&mut self, width: u16, height: u16) {
        self.size = (width, height);
        self.relayout_keeping_place();
        self.fit_list();
        let mut screen = std::mem::take(&mut self.screen);
        if let Screen::Help(help) = &mut screen {
            self.rewrap_help(help);
        }
        if let Some(view) = screen.problems_mut() {
            self.wrap_problems(view);
        }
        self.screen = screen;
    }

    /// Moves the split between the list and the reader by `step` percent of the width, and
    /// remembers it for the next start.
    fn move_split(&mut self, step: i8) {
        let width = self.size.0;
        if width < panes::TWO_PANE_MIN_WIDTH {
            self.note = Some(self.lang.tr(
                "note-split-from",
                &[("columns", panes::TWO_PANE_MIN_WIDTH.into())],
            ));
            return;
        }
        let now = self.panes().list.map_or(0, |p| p.width);
        let percent = u8::try_from(u32::from(now) * 100 / u32::from(width)).unwrap_or(35);
        let wanted = percent
            .saturating_add_signed(step)
            .clamp(*panes::LIST_PERCENT.start(), *panes::LIST_PERCENT.end());
        self.reading.list_percent = Some(wanted);
        if self.panes().list.map_or(0, |p| p.width) == now {
            self.reading.list_percent = Some(percent);
            self.note = Some(self.lang.t(if step > 0 {
                "note-list-widest"
            } else {
                "note-list-narrowest"
            }));
            return;
        }
        self.reading_changed = true;
        self.relayout_keeping_place();
        self.fit_list();
    }

    /// Scrolls whatever pane is under the mouse pointer.
    fn scroll_at(&mut self, column: u16, row: u16, lines: i16) {
        let panes = self.panes();
        let at = ratatui::layout::Position::new(column, row);
        let action = if lines > 0 { Action::Down } else { Action::Up };
        for _ in 0..lines.unsigned_abs() {
            if panes.list.is_some_and(|p| p.contains(at)) {
                self.move_in_list(&action);
            } else if panes.reader.is_some_and(|p| p.contains(at)) {
                self.reader.started = true;
                self.scroll_reader(&action);
            }
        }
    }
}

/// Where a move takes a position among rows `0..=last` shown `page` at a time: a row, a page,
/// half a page, the first or the last; `None` for an action that moves nothing.
pub(super) fn moved(action: &Action, at: usize, page: usize, last: usize) -> Option<usize> {
    let half = (page / 2).max(1);
    let to = match action {
        Action::Down => at + 1,
        Action::Up => at.saturating_sub(1),
        Action::PageDown => at + page.max(1),
        Action::PageUp => at.saturating_sub(page.max(1)),
        Action::HalfPageDown => at + half,
        Action::HalfPageUp => at.saturating_sub(half),
        Action::Top => 0,
        Action::Bottom => last,
        _ => return None,
    };
    Some(to.min(last))
}
