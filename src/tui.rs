//! The one owner of the terminal: raw mode, alternate screen, mouse, panic hook, event loop.

use std::io::{self, Stdout};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, mpsc};
use std::thread;
use std::time::Duration;

use anyhow::Context;
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::action::Action;
use crate::app::App;
use crate::bookmarks::BookmarkStore;
use crate::catalog::Catalog;
use crate::keymap;
use crate::search::{self, CatalogHits, Query, Searcher};
use crate::state::StateStore;
use crate::store::StoreError;
use crate::ui::{self, Theme};

/// Runs the interactive reader until the user quits; the terminal is restored however it ends.
/// Returns what the user must not miss (an unreadable file set aside), to print once the
/// terminal is back.
pub fn run(
    catalog: Arc<Catalog>,
    data_dir: Result<PathBuf, StoreError>,
) -> anyhow::Result<Vec<String>> {
    // Open the stores before touching the terminal, so that an error prints plainly.
    let (bookmarks, reading, warning) = match data_dir {
        Ok(dir) => (BookmarkStore::open(&dir)?, StateStore::open(&dir)?, None),
        Err(err) => (
            BookmarkStore::in_memory(),
            StateStore::in_memory(),
            Some(format!("{err}; bookmarks will not be saved")),
        ),
    };
    install_panic_hook();
    let mut terminal = init().context("cannot set up the terminal")?;
    // Dropped on every way out of this function, including `?` and unwinding.
    let _restore = RestoreOnDrop;
    let size = terminal.size().context("cannot read the terminal size")?;
    let worker = SearchWorker::spawn(Arc::clone(&catalog));
    let notices: Vec<String> = [&bookmarks.notice, &reading.notice]
        .into_iter()
        .flatten()
        .cloned()
        .collect();
    let mut app = App::with_storage(catalog, (size.width, size.height), bookmarks, reading);
    if warning.is_some() {
        app.note = warning;
    }
    let theme = Theme::from_env();
    // For the end-to-end test that a panic gives the terminal back; never set in normal use.
    let forced_panic = std::env::var_os(FORCE_PANIC_ENV).is_some();
    while !app.should_quit {
        terminal
            .draw(|frame| ui::render(&app, &theme, frame))
            .context("cannot draw to the terminal")?;
        if forced_panic {
            panic!("forced panic ({FORCE_PANIC_ENV} is set)");
        }
        if let Some((generation, query)) = app.take_search_request() {
            worker.submit(generation, query);
        }
        // While a search runs, wake up now and then to show its results; else wait for a key.
        let ready = !app.search_pending()
            || event::poll(RESULTS_POLL).context("cannot read from the terminal")?;
        if ready {
            let event = event::read().context("cannot read from the terminal")?;
            if let Some(action) = keymap::action_for_event(app.mode(), &event) {
                app.update(action);
            }
        }
        while let Ok((generation, hits)) = worker.results.try_recv() {
            app.update(Action::SearchFinished {
                generation,
                hits: Arc::new(hits),
            });
        }
    }
    Ok(notices)
}

/// Environment variable that makes docbao panic after its first frame, to test the panic hook.
pub const FORCE_PANIC_ENV: &str = "DOCBAO_TEST_PANIC";

/// How often the event loop looks for search results while a search runs.
const RESULTS_POLL: Duration = Duration::from_millis(8);

/// Runs catalog searches on a thread of its own, so that typing never waits for one.
struct SearchWorker {
    requests: mpsc::Sender<(u64, Query)>,
    results: mpsc::Receiver<(u64, CatalogHits)>,
    /// The newest request: a search for anything older is abandoned as stale.
    latest: Arc<AtomicU64>,
}

impl SearchWorker {
    /// Starts the thread; it folds the catalog first, so the first search finds it ready.
    fn spawn(catalog: Arc<Catalog>) -> SearchWorker {
        let (requests, inbox) = mpsc::channel::<(u64, Query)>();
        let (outbox, results) = mpsc::channel();
        let latest = Arc::new(AtomicU64::new(0));
        let newest = Arc::clone(&latest);
        thread::spawn(move || {
            let searcher = Searcher::new(catalog);
            // The last finished search, whose results the next one may look within.
            let mut last: Option<(Query, Vec<usize>)> = None;
            while let Ok(mut request) = inbox.recv() {
                // Only the newest of the requests waiting is worth running.
                while let Ok(newer) = inbox.try_recv() {
                    request = newer;
                }
                let (generation, query) = request;
                let stale = || newest.load(Ordering::Relaxed) != generation;
                let within = last
                    .as_ref()
                    .filter(|(previous, _)| search::narrows(previous, &query))
                    .map(|(_, indices)| indices.as_slice());
                let found = search::search_catalog(
                    &searcher.catalog,
                    &searcher.folded,
                    &query,
                    within,
                    &stale,
                );
                let Some(hits) = found else { continue };
                last = Some((query, hits.hits.iter().map(|h| h.index).collect()));
                if outbox.send((generation, hits)).is_err() {
                    return;
                }
            }
        });
        SearchWorker {
            requests,
            results,
            latest,
        }
    }

    fn submit(&self, generation: u64, query: Query) {
        self.latest.store(generation, Ordering::Relaxed);
        // A closed channel means the thread has gone; the list then keeps its last results.
        let _ = self.requests.send((generation, query));
    }
}

/// Puts the terminal in raw mode on the alternate screen with mouse reporting.
fn init() -> io::Result<Terminal<CrosstermBackend<Stdout>>> {
    enable_raw_mode()?;
    TAKEN.store(true, Ordering::SeqCst);
    let mut stdout = io::stdout();
    if let Err(err) = execute!(stdout, EnterAlternateScreen, EnableMouseCapture) {
        restore();
        return Err(err);
    }
    Terminal::new(CrosstermBackend::new(stdout))
}

/// Gives the terminal back as it was: mouse off, main screen, cooked mode, cursor shown.
///
/// Does something only the first time after [`init`]: leaving the alternate screen twice would
/// move the cursor back to where the alternate screen was entered, over whatever was printed
/// since (a panic message, say). Errors are ignored: there is nothing left to do about them.
pub fn restore() {
    if !TAKEN.swap(false, Ordering::SeqCst) {
        return;
    }
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = disable_raw_mode();
}

/// Whether docbao has the terminal in raw mode on the alternate screen.
static TAKEN: AtomicBool = AtomicBool::new(false);

/// Restores the terminal when dropped.
struct RestoreOnDrop;

impl Drop for RestoreOnDrop {
    fn drop(&mut self) {
        restore();
    }
}

/// Restores the terminal before the panic message is printed, so that it can be read.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}
