//! The whole state of the interactive reader, and the one place it changes: `App::update`.

mod marks;
mod navigate;
mod search;

use std::sync::Arc;

use ratatui::layout::Rect;

use crate::action::Action;
use crate::bookmarks::{Bookmark, BookmarkStore};
use crate::catalog::{Article, Catalog};
use crate::keymap::Mode;
use crate::page::Page;
use crate::panes::{self, LIST_ENTRY_ROWS, Panes};
use crate::search::{Options, Query};
use crate::state::{Pane, StateStore};
pub use marks::{Placed, Selection, View};
pub use search::{ListFilter, ReaderSearch, Target, Typing};

/// Which pane has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The article list.
    List,
    /// The reading pane.
    Reader,
}

/// The reader's state: what is selected, what is shown, where it is scrolled.
#[derive(Debug)]
pub struct App {
    catalog: Arc<Catalog>,
    /// Index of the selected article in the catalog.
    pub selected: usize,
    /// Index of the first article shown in the list.
    pub list_offset: usize,
    /// Which pane has the keyboard.
    pub focus: Focus,
    /// The selected article laid out for the reader's width.
    pub page: Option<Page>,
    /// First row of the page shown at the top of the reader.
    pub scroll: usize,
    /// Whether the key list is shown over the panes.
    pub show_help: bool,
    /// First line of the help shown, when it is taller than the screen.
    pub help_scroll: usize,
    /// A one-off message for the status line, cleared by the next action.
    pub note: Option<String>,
    /// Terminal size in columns and rows.
    pub size: (u16, u16),
    /// Set when the user asked to quit.
    pub should_quit: bool,
    /// The search prompt, while one is being typed.
    pub typing: Option<Typing>,
    /// The search whose matches the reader highlights.
    pub search: Option<ReaderSearch>,
    /// The query the list is filtered by, and its results.
    pub filter: Option<ListFilter>,
    /// Case and accent matching, as toggled in the prompt.
    pub options: Options,
    /// Queries confirmed so far, newest last.
    pub history: Vec<String>,
    /// Number of the latest catalog search asked for.
    generation: u64,
    /// A catalog search waiting to be started off the event loop.
    request: Option<(u64, Query)>,
    /// Every bookmark, and where they are saved.
    pub bookmarks: BookmarkStore,
    /// Where the user was in each article, and where it is saved.
    pub reading: StateStore,
    /// The passage cursor: index of the paragraph bookmarks apply to.
    pub cursor: usize,
    /// Paragraphs or lines being selected for a bookmark.
    pub selection: Option<Selection>,
    /// The list and reader, or the bookmarks pane.
    pub view: View,
    /// The bookmark chosen in the bookmarks pane.
    pub pane_cursor: usize,
    /// What the bookmarks pane is filtered by.
    pub pane_filter: Option<Query>,
    /// Bookmarks of the selected article and where their passages are now.
    pub placed: Vec<Placed>,
    /// A passage highlighted after opening it from the bookmarks pane.
    pub flash: Option<std::ops::Range<usize>>,
    /// Bookmarks deleted, the last one first to come back with `u`.
    deleted: Vec<Bookmark>,
    /// Whether the selected article has been read in the reader (so its position is kept).
    reading_started: bool,
    /// First line shown in the problems view.
    pub problems_scroll: usize,
}

impl App {
    /// A reader over `catalog` for a terminal of `width` × `height`, the first article selected,
    /// keeping bookmarks and reading state in memory only.
    pub fn new(catalog: Arc<Catalog>, width: u16, height: u16) -> App {
        App::with_storage(
            catalog,
            (width, height),
            BookmarkStore::in_memory(),
            StateStore::in_memory(),
        )
    }

    /// A reader that keeps bookmarks and reading state in the given stores, back where the
    /// user left off.
    pub fn with_storage(
        catalog: Arc<Catalog>,
        (width, height): (u16, u16),
        bookmarks: BookmarkStore,
        reading: StateStore,
    ) -> App {
        let mut app = App {
            catalog,
            selected: 0,
            list_offset: 0,
            focus: Focus::List,
            page: None,
            scroll: 0,
            show_help: false,
            help_scroll: 0,
            size: (width, height),
            should_quit: false,
            typing: None,
            search: None,
            filter: None,
            options: Options::default(),
            history: Vec::new(),
            generation: 0,
            request: None,
            note: bookmarks.notice.clone().or_else(|| reading.notice.clone()),
            bookmarks,
            reading,
            cursor: 0,
            selection: None,
            view: View::Main,
            pane_cursor: 0,
            pane_filter: None,
            placed: Vec::new(),
            flash: None,
            deleted: Vec::new(),
            reading_started: false,
            problems_scroll: 0,
        };
        app.relayout();
        app.place_bookmarks();
        if let Some(last) = app.reading.state.last.clone()
            && let Some((index, _)) = app.catalog.find(&last.article)
        {
            app.select(index);
            if last.pane == Pane::Reader {
                app.focus = Focus::Reader;
            }
        }
        app.restore_position();
        app
    }

    /// Everything that went wrong reading the catalog, one line each, for the problems view.
    pub fn problem_lines(&self) -> Vec<String> {
        let skipped = self
            .catalog
            .problems()
            .iter()
            .map(|p| format!("skipped {p}"));
        let warned = self.catalog.articles().iter().flat_map(|a| {
            a.warnings
                .iter()
                .map(move |w| format!("{}: {w}", a.path.display()))
        });
        skipped.chain(warned).collect()
    }

    /// The catalog being read.
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// The selected article, if the catalog has any.
    pub fn article(&self) -> Option<&Article> {
        self.catalog.articles().get(self.selected)
    }

    /// Which bindings apply now.
    pub fn mode(&self) -> Mode {
        if self.show_help {
            return Mode::Help;
        }
        match (&self.typing, self.focus) {
            (Some(typing), _) => match typing.target {
                Target::Reader { .. } => Mode::ReaderPrompt,
                Target::List { .. } | Target::Bookmarks { .. } => Mode::ListPrompt,
                Target::Note { .. } => Mode::NotePrompt,
            },
            (None, _) if self.view == View::Bookmarks => Mode::Bookmarks,
            (None, _) if self.view == View::Problems => Mode::Problems,
            (None, Focus::List) => Mode::List,
            (None, Focus::Reader) => Mode::Reader,
        }
    }

    /// Where the panes sit at the current size.
    pub fn panes(&self) -> Panes {
        Panes::compute(self.area(), self.focus == Focus::Reader)
    }

    /// The whole terminal as a rectangle.
    pub fn area(&self) -> Rect {
        Rect::new(0, 0, self.size.0, self.size.1)
    }

    /// Rows of article text the reader shows at once.
    pub fn reader_height(&self) -> usize {
        let pane = Panes::compute(self.area(), true).reader;
        pane.map_or(0, |p| usize::from(panes::inner(p).height))
    }

    /// Articles the list shows at once.
    pub fn list_capacity(&self) -> usize {
        let pane = Panes::compute(self.area(), false).list;
        pane.map_or(1, |p| {
            usize::from(panes::inner(p).height / LIST_ENTRY_ROWS).max(1)
        })
    }

    /// Percentage of the open article that has been on screen, 0 to 100.
    pub fn percent_read(&self) -> usize {
        let Some(page) = &self.page else { return 0 };
        let total = page.rows.len().max(1);
        let seen = (self.scroll + self.reader_height()).min(total);
        seen * 100 / total
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        if let Action::SearchFinished { generation, hits } = action {
            self.receive(generation, hits);
            return;
        }
        self.note = None;
        if let Action::Resize { width, height } = action {
            self.resize(width, height);
            return;
        }
        if self.show_help {
            self.update_help(action);
            return;
        }
        if self.typing.is_some() {
            self.update_typing(action);
            return;
        }
        if matches!(action, Action::Quit) {
            self.save_reading();
            self.should_quit = true;
            return;
        }
        if self.view == View::Bookmarks && !matches!(action, Action::ToggleHelp) {
            self.update_pane(action);
            return;
        }
        if self.view == View::Problems {
            match action {
                Action::Down => self.problems_scroll += 1,
                Action::Up => self.problems_scroll = self.problems_scroll.saturating_sub(1),
                Action::ToggleHelp | Action::Back | Action::ShowProblems => {
                    self.view = View::Main;
                }
                _ => {}
            }
            return;
        }
        self.update_main(action);
        if self.focus == Focus::Reader {
            self.reading_started = true;
        }
    }

    fn update_main(&mut self, action: Action) {
        match action {
            Action::ToggleHelp => {
                self.show_help = true;
                self.help_scroll = 0;
            }
            Action::ScrollAt { column, row, lines } => self.scroll_at(column, row, lines),
            Action::StartSearch => self.start_search(),
            Action::ShowBookmarks => self.show_bookmarks(),
            Action::ShowProblems => {
                self.view = View::Problems;
                self.problems_scroll = 0;
            }
            Action::ToggleSelection if self.focus == Focus::Reader => self.toggle_selection(),
            Action::Bookmark if self.focus == Focus::Reader => self.bookmark(),
            Action::Back if self.selection.is_some() || self.flash.is_some() => {
                self.selection = None;
                self.flash = None;
            }
            Action::NextMatch => self.step_match(true),
            Action::PreviousMatch => self.step_match(false),
            Action::SwitchFocus => {
                self.focus = match self.focus {
                    Focus::List if self.page.is_some() => Focus::Reader,
                    _ => Focus::List,
                }
            }
            Action::Open if self.focus == Focus::List && self.filter.is_some() => {
                self.open_first_hit()
            }
            Action::Open => {
                if self.page.is_some() {
                    self.focus = Focus::Reader;
                }
            }
            Action::Back if self.focus == Focus::List => self.clear_filter(),
            Action::Back => self.focus = Focus::List,
            Action::NextArticle => self.step_article(1),
            Action::PreviousArticle => self.step_article(-1),
            _ => match self.focus {
                Focus::List => self.update_list(action),
                Focus::Reader => {
                    if !self.extend_selection(&action) {
                        self.update_reader(action);
                    }
                }
            },
        }
    }
}
