//! The data files as the saving worker keeps them: opening them, carrying out saves, claiming
//! bookmarks of files that moved, and the recovery file.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::bookmarks::{Bookmark, BookmarkStore, Change};
use crate::catalog::Catalog;
use crate::effect::{Answer, Effect, Saving};
use crate::i18n::{Lang, Say};
use crate::state::{ReadingState, StateStore};
use crate::store::StoreError;

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
    /// The data folder, where the feeds' subscriptions are; none when nothing is saved.
    data: Option<PathBuf>,
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
                data: Some(dir),
            },
        })
    }

    /// The data folder, where the feeds' subscriptions are; none when nothing is saved.
    pub fn data_dir(&self) -> Option<&std::path::Path> {
        self.data.as_deref()
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
                data: None,
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
            | Effect::Suspend
            | Effect::FetchFeeds { .. }
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
