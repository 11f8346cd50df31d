//! The workers that carry out what `App::update` asks for, off the UI thread: saving the
//! bookmarks and the reading state, reading the bookmarks again, searching the catalog. Each
//! answer comes back as an [`Answer`].

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use crate::bookmarks::{Bookmark, BookmarkStore, Change};
use crate::catalog::{Article, Catalog, Stamp};
use crate::effect::{Answer, Effect, Loaded, Saving};
use crate::i18n::{Lang, Say};
use crate::page::Page;
use crate::search::{self, Query};
use crate::state::{ReadingState, StateStore};
use crate::store::StoreError;
use crate::text::fold::FoldMap;

/// The data files, as the worker that saves them keeps them.
#[derive(Debug)]
pub struct Storage {
    bookmarks: BookmarkStore,
    reading: StateStore,
    /// The number of the last bookmark change saved.
    saved: u64,
    /// The language of what it says.
    lang: Lang,
    /// Where a recovery file may go, first choice first.
    recovery: Vec<PathBuf>,
}

/// What opening the data directory gives: the storage for the worker, and the data and the
/// notices for the reader to start with.
#[derive(Debug)]
pub struct Opened {
    /// For the worker that saves.
    pub storage: Storage,
    /// Every bookmark.
    pub bookmarks: Vec<Bookmark>,
    /// Where the user was in each article.
    pub reading: ReadingState,
    /// What the user must be told.
    pub notices: Vec<String>,
}

impl Storage {
    /// Opens the data directory (or keeps everything in memory, saying so, when there is
    /// none) for the folder `catalog` was read from, which claims what an earlier docbao kept
    /// for it without saying so.
    pub fn open(dir: Result<PathBuf, StoreError>, catalog: &Catalog) -> Result<Opened, StoreError> {
        Storage::open_in(dir, catalog, Lang::En)
    }

    /// Opens the data directory as [`Storage::open`] does, saying what it must in `lang`.
    pub fn open_in(
        dir: Result<PathBuf, StoreError>,
        catalog: &Catalog,
        lang: Lang,
    ) -> Result<Opened, StoreError> {
        let dir = match dir {
            Ok(dir) => dir,
            Err(err) => {
                let mut opened = Storage::in_memory();
                opened.storage.lang = lang;
                let error = err.say(lang);
                opened
                    .notices
                    .push(lang.tr("notice-not-saved", &[("error", error.into())]));
                return Ok(opened);
            }
        };
        let mut bookmarks = BookmarkStore::open(&dir)?;
        let mut reading = StateStore::open(&dir, catalog.folder())?;
        let mut notices: Vec<String> = [bookmarks.notice.take(), reading.notice.take()]
            .into_iter()
            .flatten()
            .map(|notice| notice.say(lang))
            .collect();
        notices.extend(claim_unclaimed(catalog, &mut bookmarks, &mut reading, lang));
        Ok(Opened {
            bookmarks: bookmarks.list().to_vec(),
            reading: reading.state.clone(),
            notices,
            storage: Storage {
                bookmarks,
                reading,
                saved: 0,
                lang,
                recovery: crate::recovery::places(),
            },
        })
    }

    /// Storage that keeps everything in memory: for tests, and when there is no data directory.
    pub fn in_memory() -> Opened {
        Opened {
            storage: Storage {
                bookmarks: BookmarkStore::in_memory(),
                reading: StateStore::in_memory(),
                saved: 0,
                lang: Lang::En,
                recovery: crate::recovery::places(),
            },
            bookmarks: Vec::new(),
            reading: ReadingState::default(),
            notices: Vec::new(),
        }
    }

    /// Has recovery files written in `places`, first choice first, rather than the home and
    /// the temporary folders.
    pub fn recover_into(&mut self, places: Vec<PathBuf>) {
        self.recovery = places;
    }

    /// Carries out one effect on the files, and says how it went.
    pub fn run(&mut self, effect: Effect) -> Vec<Answer> {
        let mut answers = Vec::new();
        match effect {
            Effect::SaveBookmarks { number, change } => match self.bookmarks.apply(change) {
                Ok(()) => {
                    self.saved = number;
                    answers.push(self.bookmarks_saved());
                }
                Err(err) => answers.push(Answer::SaveFailed {
                    what: Saving::Bookmarks,
                    error: err.say(self.lang),
                }),
            },
            Effect::ReloadBookmarks => match self.bookmarks.reload() {
                Ok(()) => answers.push(self.bookmarks_saved()),
                Err(err) => answers.push(Answer::Failed(err.say(self.lang))),
            },
            Effect::SaveReading(state) => {
                self.reading.state = *state;
                answers.push(match self.reading.save() {
                    Ok(()) => Answer::PlaceSaved,
                    Err(err) => Answer::SaveFailed {
                        what: Saving::Place,
                        error: err.say(self.lang),
                    },
                });
            }
            Effect::Recover { bookmarks, reading } => {
                let written = crate::recovery::write(&self.recovery, &bookmarks, &reading);
                answers.push(Answer::Recovered(
                    written
                        .map(|path| path.display().to_string())
                        .map_err(|err| err.say(self.lang)),
                ));
            }
            Effect::SearchCatalog { .. }
            | Effect::SearchArticle { .. }
            | Effect::OpenArticle { .. }
            | Effect::Copy(_)
            | Effect::Flush => {}
        }
        let notices = [self.bookmarks.notice.take(), self.reading.notice.take()];
        let lang = self.lang;
        answers.extend(
            notices
                .into_iter()
                .flatten()
                .map(|notice| Answer::Failed(notice.say(lang))),
        );
        answers
    }

    fn bookmarks_saved(&self) -> Answer {
        Answer::BookmarksSaved {
            upto: self.saved,
            bookmarks: self.bookmarks.list().to_vec(),
        }
    }
}

/// Gives this folder what an earlier docbao kept without saying which folder it was for:
/// bookmarks whose file is in it (with the article's id now), and reading positions whose id
/// names one of its articles, or whose file name names exactly one (ids were file names once).
/// Positions whose file name several articles share are kept as they are, and reported.
fn claim_unclaimed(
    catalog: &Catalog,
    bookmarks: &mut BookmarkStore,
    reading: &mut StateStore,
    lang: Lang,
) -> Vec<String> {
    let folder = catalog.folder();
    let articles = catalog.entries();
    let root = Path::new(folder);
    let mut moves = Vec::new();
    for bookmark in bookmarks.list().iter().filter(|b| b.folder.is_empty()) {
        let file = Path::new(&bookmark.path);
        let as_given = articles.iter().find(|a| a.path == file);
        let resolved = || {
            let relative = file.canonicalize().ok()?;
            let relative = relative.strip_prefix(root).ok()?;
            catalog.find(&crate::catalog::article_id(Path::new(""), relative))
        };
        if let Some(article) = as_given.or_else(|| resolved().map(|(_, a)| a)) {
            moves.push(Change::MoveTo {
                id: bookmark.id.clone(),
                folder: folder.to_owned(),
                article: article.id.clone(),
            });
        }
    }
    let mut by_name: HashMap<&str, Vec<&str>> = HashMap::new();
    for article in articles {
        let name = article.id.rsplit('/').next().unwrap_or(&article.id);
        by_name.entry(name).or_default().push(&article.id);
    }
    let is_id = |id: &str| catalog.find(id).is_some_and(|(_, a)| a.id == id);
    let mut claims = Vec::new();
    let mut ambiguous = Vec::new();
    for key in reading.unclaimed().articles.keys() {
        match by_name.get(key.as_str()).map(Vec::as_slice) {
            _ if is_id(key) => claims.push((key.clone(), key.clone())),
            Some([one]) => claims.push((key.clone(), (*one).to_owned())),
            Some([_, _, ..]) => ambiguous.push(key.clone()),
            _ => {}
        }
    }
    let mut notices = Vec::new();
    for change in moves {
        if let Err(err) = bookmarks.apply(change) {
            notices.push(lang.tr("notice-old-bookmarks", &[("error", err.say(lang).into())]));
            break;
        }
    }
    if !claims.is_empty() {
        for (from, to) in &claims {
            reading.claim(from, to);
        }
        if let Err(err) = reading.save() {
            notices.push(err.say(lang));
        }
    }
    if !ambiguous.is_empty() {
        let names: Vec<String> = ambiguous
            .iter()
            .map(|key| lang.tr("notice-position-in", &[("name", key.as_str().into())]))
            .collect();
        notices.push(lang.tr(
            "notice-ambiguous",
            &[
                ("count", ambiguous.len().into()),
                ("names", names.join(", ").into()),
            ],
        ));
    }
    notices
}

/// Catalog searches, with what the last one found so that a query extending it looks only
/// among its results (in the same catalog).
#[derive(Debug, Default)]
pub struct Searches {
    last: Option<(Arc<Catalog>, Query, Vec<search::Found>)>,
}

impl Searches {
    /// Nothing searched yet.
    pub fn new() -> Searches {
        Searches::default()
    }

    /// Runs one search; `None` when `stale()` said a newer one is wanted before it finished.
    pub fn run(
        &mut self,
        generation: u64,
        query: Query,
        catalog: Arc<Catalog>,
        stale: &(dyn Fn() -> bool + Sync),
    ) -> Option<Answer> {
        let within = self
            .last
            .as_ref()
            .filter(|(searched, previous, _)| {
                Arc::ptr_eq(searched, &catalog) && search::narrows(previous, &query)
            })
            .map(|(_, _, found)| found.as_slice());
        let hits = search::search_catalog(&catalog, &query, within, stale)?;
        self.last = Some((catalog, query, hits.found()));
        Some(Answer::SearchFinished {
            generation,
            hits: Arc::new(hits),
        })
    }
}

/// Searches an article, folding its text first when no search did yet.
fn search_article(effect: Effect) -> Option<Answer> {
    let Effect::SearchArticle {
        generation,
        article,
        folded,
        query,
    } = effect
    else {
        return None;
    };
    let folded = folded.unwrap_or_else(|| Arc::new(FoldMap::new(article.shown_text())));
    let matches = search::find_in_article_with(&article, &folded, &query);
    Some(Answer::ArticleSearched {
        generation,
        matches,
        folded,
    })
}

/// Pages laid out lately, newest last: going back to an article shows it at once. Shared by
/// the loader's threads, each holding the lock only to look or to add, never while it reads.
#[derive(Debug, Default)]
pub struct Pages {
    kept: std::sync::Mutex<std::collections::VecDeque<Kept>>,
}

/// One page kept: what it was made of, the article and the page.
type Kept = (PageKey, Arc<Article>, Arc<Page>);

/// What a page was made of: the file as it was, the width and the language.
type PageKey = (PathBuf, Stamp, usize, Lang);

/// How many pages [`Pages`] keeps.
const PAGES_KEPT: usize = 8;

impl Pages {
    /// Reads and lays out what `effect` asks for, or finds it laid out already.
    pub fn open(&self, effect: Effect) -> Option<Answer> {
        let Effect::OpenArticle {
            request,
            catalog,
            index,
            article,
            width,
            lang,
            bookmarks,
        } = effect
        else {
            return None;
        };
        let (article, page) = match self.laid_out(&catalog, index, article, width, lang) {
            Ok(laid_out) => laid_out,
            Err(problem) => {
                let opened = Err(problem);
                return Some(Answer::ArticleOpened { request, opened });
            }
        };
        let (placed, changes) = crate::bookmarks::place(&bookmarks, &article);
        let opened = Ok(Box::new(Loaded {
            article,
            page,
            bookmarks,
            placed,
            changes,
        }));
        Some(Answer::ArticleOpened { request, opened })
    }

    /// The article read (unless given) and laid out, or found laid out already.
    fn laid_out(
        &self,
        catalog: &Catalog,
        index: usize,
        article: Option<Arc<Article>>,
        width: usize,
        lang: Lang,
    ) -> Result<(Arc<Article>, Arc<Page>), String> {
        let entry = catalog.entries().get(index);
        let key = entry.map(|e| (e.path.clone(), e.stamp, width, lang));
        // A thread that panicked holding the lock left nothing kept worth trusting.
        let found = self.kept.lock().ok().and_then(|mut kept| {
            let at = kept.iter().position(|(k, article_kept, _)| {
                Some(k) == key.as_ref()
                    && article
                        .as_ref()
                        .is_none_or(|given| Arc::ptr_eq(given, article_kept))
            })?;
            let hit = kept.remove(at)?;
            let laid_out = (Arc::clone(&hit.1), Arc::clone(&hit.2));
            kept.push_back(hit);
            Some(laid_out)
        });
        if let Some(laid_out) = found {
            return Ok(laid_out);
        }
        let article = match article {
            Some(article) => article,
            None => Arc::new(
                catalog
                    .article(index)
                    .map_err(|problem| problem.say(lang))?,
            ),
        };
        let page = Arc::new(Page::layout_in(&article, width, lang));
        if let (Some(key), Ok(mut kept)) = (key, self.kept.lock()) {
            if kept.len() == PAGES_KEPT {
                kept.pop_front();
            }
            kept.push_back((key, Arc::clone(&article), Arc::clone(&page)));
        }
        Ok((article, page))
    }
}

/// Carries out effects at once, on this thread: what the tests use to see the files as a
/// user would after each key.
#[derive(Debug)]
pub struct Inline {
    /// The files.
    pub storage: Storage,
    /// The searches.
    pub searches: Searches,
    /// What was put on the clipboard, in order.
    pub copied: Vec<String>,
    /// Pages laid out lately.
    pub pages: Pages,
}

impl Inline {
    /// Carries out one effect at once, and returns its answers.
    pub fn run(&mut self, effect: Effect) -> Vec<Answer> {
        match effect {
            Effect::SearchCatalog {
                generation,
                query,
                catalog,
            } => self
                .searches
                .run(generation, query, catalog, &|| false)
                .into_iter()
                .collect(),
            article @ Effect::SearchArticle { .. } => search_article(article).into_iter().collect(),
            open @ Effect::OpenArticle { .. } => self.pages.open(open).into_iter().collect(),
            Effect::Copy(text) => {
                self.copied.push(text);
                Vec::new()
            }
            other => self.storage.run(other),
        }
    }
}

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
    use crate::search::Options;

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
