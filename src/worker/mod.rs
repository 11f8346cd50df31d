//! The workers that carry out what `App::update` asks for, off the UI thread: saving the
//! bookmarks and the reading state, reading the bookmarks again, searching the catalog. Each
//! answer comes back as an [`Answer`].

mod feeds;
mod inline;
mod jobs;
mod storage;

use jobs::search_article;

pub use inline::Inline;
pub use jobs::{Pages, Searches};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, mpsc};
use std::thread;
use std::time::{Duration, Instant};
pub use storage::{Opened, Storage};

use crate::catalog::Catalog;
use crate::effect::{Answer, Effect};
use crate::search::Query;
use crate::state::ReadingState;

/// How long a reading place waits to be written after it first changed: the latest place
/// of all those that came meanwhile is written then, once. Quitting writes it at once.
pub const SAVE_DELAY: Duration = Duration::from_secs(3);

/// Where workers send their answers: the event loop's one channel, as the loop wraps them.
pub type Reply = Arc<dyn Fn(Answer) + Send + Sync>;

/// The worker threads, each fed by a channel of its own; their answers go to one [`Reply`].
pub struct Workers {
    files: Option<(mpsc::Sender<Effect>, thread::JoinHandle<()>)>,
    searches: mpsc::Sender<(u64, Query, Arc<Catalog>)>,
    /// Searches in the article being read.
    articles: mpsc::Sender<Effect>,
    /// Articles to read and lay out.
    loader: mpsc::Sender<Effect>,
    /// The newest search asked for: an older one still running is abandoned.
    latest: Arc<AtomicU64>,
    reply: Reply,
    /// The data folder, for fetching the feeds.
    data: Option<std::path::PathBuf>,
}

impl std::fmt::Debug for Workers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Workers").finish_non_exhaustive()
    }
}

/// Says, when dropped by a worker thread that panicked, that the worker has stopped: the
/// event loop then shows it rather than waiting for an answer that will never come.
struct Mourner {
    reply: Reply,
    what: &'static str,
}

impl Drop for Mourner {
    fn drop(&mut self) {
        if thread::panicking() {
            (self.reply)(Answer::WorkerStopped(self.what));
        }
    }
}

impl Workers {
    /// Starts a thread for the files, one for the catalog's searches and one for searches in
    /// the article; every answer is handed to `reply`.
    pub fn spawn(storage: Storage, reply: Reply) -> Workers {
        let data = storage.data_dir().map(std::path::Path::to_owned);
        let (files_in, files_out) = mpsc::channel::<Effect>();
        let files = {
            let reply = Arc::clone(&reply);
            thread::spawn(move || {
                let _mourner = Mourner {
                    reply: Arc::clone(&reply),
                    what: "files",
                };
                save_files(storage, &files_out, &*reply);
            })
        };
        let (search_in, search_out) = mpsc::channel::<(u64, Query, Arc<Catalog>)>();
        let latest = Arc::new(AtomicU64::new(0));
        {
            let (newest, reply) = (Arc::clone(&latest), Arc::clone(&reply));
            thread::spawn(move || {
                let _mourner = Mourner {
                    reply: Arc::clone(&reply),
                    what: "search",
                };
                let mut searches = Searches::new();
                while let Ok(mut request) = search_out.recv() {
                    // Only the newest of the requests waiting is worth running.
                    while let Ok(newer) = search_out.try_recv() {
                        request = newer;
                    }
                    let (generation, query, catalog) = request;
                    let stale = || newest.load(Ordering::Relaxed) != generation;
                    // A search asked for while this one waited is run instead: a stale one
                    // is dropped before it starts.
                    if stale() {
                        continue;
                    }
                    if let Some(action) = searches.run(generation, query, catalog, &stale) {
                        reply(action);
                    }
                }
            });
        }
        // Only the newest search of the article is worth running.
        let article_in = spawn_newest(&reply, "article search", search_article);
        let loader_in = spawn_loader(&reply);
        Workers {
            loader: loader_in,
            files: Some((files_in, files)),
            searches: search_in,
            articles: article_in,
            latest,
            reply,
            data,
        }
    }

    /// Hands effects to the workers.
    pub fn submit(&self, effects: Vec<Effect>) {
        for effect in effects {
            let (sent, what) = match effect {
                Effect::SearchCatalog {
                    generation,
                    query,
                    catalog,
                } => {
                    self.latest.store(generation, Ordering::Relaxed);
                    let sent = self.searches.send((generation, query, catalog)).is_ok();
                    (sent, "search")
                }
                article @ Effect::SearchArticle { .. } => {
                    (self.articles.send(article).is_ok(), "article search")
                }
                open @ Effect::OpenArticle { .. } => (self.loader.send(open).is_ok(), "reader"),
                Effect::FetchFeeds { into } => {
                    // A thread of its own: a fetch takes seconds and holds up nothing else.
                    let (data, reply) = (self.data.clone(), Arc::clone(&self.reply));
                    let spawned = thread::Builder::new().name("feeds".into()).spawn(move || {
                        let _mourner = Mourner {
                            reply: Arc::clone(&reply),
                            what: "feeds",
                        };
                        feeds::fetch_feeds(data.as_deref(), &into, &*reply);
                    });
                    (spawned.is_ok(), "feeds")
                }
                other => {
                    let sent = self
                        .files
                        .as_ref()
                        .is_some_and(|(files, _)| files.send(other).is_ok());
                    (sent, "files")
                }
            };
            if !sent {
                // The worker has gone (it said so when it went): say it again, since what
                // was asked of it now will not be done.
                (self.reply)(Answer::WorkerStopped(what));
            }
        }
    }

    /// Waits for every file effect sent to be carried out, the reading place written last.
    pub fn finish(mut self) {
        if let Some((files, thread)) = self.files.take() {
            drop(files);
            // A panic in the worker was reported when it happened.
            let _ = thread.join();
        }
    }
}

/// Starts a worker that, of the effects waiting for it, carries out only the newest with
/// `run`, and hands its answer to `reply`; returns where to send it effects.
fn spawn_newest(
    reply: &Reply,
    what: &'static str,
    mut run: impl FnMut(Effect) -> Option<Answer> + Send + 'static,
) -> mpsc::Sender<Effect> {
    let (sender, effects) = mpsc::channel::<Effect>();
    let reply = Arc::clone(reply);
    thread::spawn(move || {
        let _mourner = Mourner {
            reply: Arc::clone(&reply),
            what,
        };
        while let Ok(mut effect) = effects.recv() {
            while let Ok(newer) = effects.try_recv() {
                effect = newer;
            }
            if let Some(action) = run(effect) {
                reply(action);
            }
        }
    });
    sender
}

/// Starts the loader: each article asked for is read and laid out on a thread of its own, so
/// that a long one still being read never holds up a short one asked for after it; one asked
/// for before a newer one is not started. Returns where to send it effects.
fn spawn_loader(reply: &Reply) -> mpsc::Sender<Effect> {
    let (sender, effects) = mpsc::channel::<Effect>();
    let reply = Arc::clone(reply);
    let pages = Arc::new(Pages::default());
    let latest = Arc::new(AtomicU64::new(0));
    thread::spawn(move || {
        let _mourner = Mourner {
            reply: Arc::clone(&reply),
            what: "reader",
        };
        while let Ok(mut effect) = effects.recv() {
            // Only the article asked for last is worth reading: the list moved on.
            while let Ok(newer) = effects.try_recv() {
                effect = newer;
            }
            let Effect::OpenArticle { request, .. } = &effect else {
                continue;
            };
            latest.store(*request, Ordering::Relaxed);
            let (request, pages, latest) = (*request, Arc::clone(&pages), Arc::clone(&latest));
            let reply = Arc::clone(&reply);
            thread::spawn(move || {
                let _mourner = Mourner {
                    reply: Arc::clone(&reply),
                    what: "reader",
                };
                if latest.load(Ordering::Relaxed) != request {
                    return;
                }
                if let Some(action) = pages.open(effect) {
                    reply(action);
                }
            });
        }
    });
    sender
}

/// The file worker: carries out each effect as it comes, but the reading place, which is
/// written once [`SAVE_DELAY`] after it first changed (the latest of what came meanwhile),
/// and at once on [`Effect::Flush`] or when the effects end.
fn save_files(mut storage: Storage, effects: &mpsc::Receiver<Effect>, reply: &dyn Fn(Answer)) {
    let mut waiting: Option<(ReadingState, Instant)> = None;
    loop {
        let next = match &waiting {
            Some((_, due)) => effects.recv_timeout(due.saturating_duration_since(Instant::now())),
            None => effects
                .recv()
                .map_err(|_| mpsc::RecvTimeoutError::Disconnected),
        };
        let effects_ended = matches!(next, Err(mpsc::RecvTimeoutError::Disconnected));
        match next {
            Ok(Effect::SaveReading(state)) => {
                let due = waiting
                    .take()
                    .map_or_else(|| Instant::now() + SAVE_DELAY, |(_, due)| due);
                waiting = Some((*state, due));
                continue;
            }
            // Written below, now.
            Ok(Effect::Flush) => {}
            Ok(effect) => {
                for action in storage.run(effect) {
                    reply(action);
                }
                continue;
            }
            Err(_) => {}
        }
        if let Some((state, _)) = waiting.take() {
            for action in storage.run(Effect::SaveReading(Box::new(state))) {
                reply(action);
            }
        }
        if effects_ended {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::search::{Options, Query};
    use std::path::Path;

    /// Workers whose answers come back on a channel.
    fn workers(storage: Storage) -> (Workers, mpsc::Receiver<Answer>) {
        let (answer, answers) = mpsc::channel();
        let answer = std::sync::Mutex::new(answer);
        let reply: Reply = Arc::new(move |action| {
            let _ = answer.lock().map(|a| a.send(action));
        });
        (Workers::spawn(storage, reply), answers)
    }

    #[test]
    fn every_search_asked_for_one_at_a_time_is_answered() {
        let (workers, answers) = workers(Storage::in_memory().storage);
        let catalog = Arc::new(Catalog::bundled());
        for generation in 1..=200 {
            workers.submit(vec![Effect::SearchCatalog {
                generation,
                query: Query::new("guterres", Options::default()),
                catalog: Arc::clone(&catalog),
            }]);
            let answer = answers.recv_timeout(Duration::from_secs(30));
            assert!(
                matches!(answer, Ok(Answer::SearchFinished { generation: g, .. }) if g == generation),
                "search {generation}: {answer:?}"
            );
        }
    }

    #[test]
    fn reading_places_sent_in_a_burst_are_written_once_the_last_winning() {
        let dir = tempfile::tempdir().expect("temp dir");
        let opened = Storage::open(Ok(dir.path().to_owned()), &Catalog::bundled())
            .expect("a data folder in a temp dir");
        let (workers, _answers) = workers(opened.storage);
        let state = |n: u8| {
            Effect::SaveReading(Box::new(ReadingState {
                list_percent: Some(n),
                ..ReadingState::default()
            }))
        };
        let path = dir.path().join(crate::state::FILE_NAME);
        for n in 0..40 {
            workers.submit(vec![state(n)]);
        }
        // Within the delay nothing is written; on finishing, the last place is.
        assert!(!path.exists(), "written before the delay");
        workers.finish();
        let saved = fs_read(&path);
        assert!(saved.contains("\"list_percent\": 39"), "{saved}");
    }

    fn fs_read(path: &Path) -> String {
        std::fs::read_to_string(path).unwrap_or_default()
    }

    #[test]
    fn a_short_article_asked_for_after_a_long_one_is_not_held_up_by_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let paragraph = "Thủ tướng nói về an ninh mạng và công ước Hà Nội. ".repeat(20);
        let long = format!("{}\n\n", paragraph.trim_end()).repeat(5_000);
        let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text);
        write("a.txt", &format!("date 2025-01-02 Dài\n\n{long}")).expect("write an article");
        write("b.txt", "date 2025-01-01 Ngắn\n\nMột đoạn.\n").expect("write an article");
        let catalog = Arc::new(Catalog::open(dir.path()).expect("open the folder"));
        let (workers, answers) = workers(Storage::in_memory().storage);
        let open = |request: u64, index: usize| Effect::OpenArticle {
            request,
            catalog: Arc::clone(&catalog),
            index,
            article: None,
            width: 80,
            lang: Lang::En,
            bookmarks: Vec::new(),
        };
        workers.submit(vec![open(1, 0)]);
        // The long one under way, the short one is asked for.
        thread::sleep(Duration::from_millis(20));
        workers.submit(vec![open(2, 1)]);
        let first = answers.recv_timeout(Duration::from_secs(60));
        assert!(
            matches!(first, Ok(Answer::ArticleOpened { request: 2, .. })),
            "{first:?}"
        );
    }
}
