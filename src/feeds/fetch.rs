//! A fetch: every feed (or those named) fetched on a few threads, each new item's article
//! taken from its own content or its page, written into the archive, and what was learnt
//! saved feed by feed; one feed's failure stops no other.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};

use unicode_normalization::UnicodeNormalization;

use super::archive::{Placed, file_name, link_into, text_hash, write_new};
use super::http::{Answer, Client, Limits, Validators};
use super::items::{self, Item, canonical};
use super::{Failure, Feed, Subscriptions};
use crate::catalog::Date;
use crate::catalog::html::{self, Extracted, Piece, article_text, decode_page};
use crate::store::{self, StoreError};

/// Feeds fetched at once.
const THREADS: usize = 4;

/// Why a fetch could not start.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// The subscriptions could not be read or written.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A feed named is not subscribed.
    #[error("no feed called {0}")]
    Unknown(String),
    /// There is nothing to fetch.
    #[error("no feeds: add one with `docbao feed add URL`")]
    NoFeeds,
    /// The subscriptions could not be read: the file was kept aside, here, and none are left.
    #[error("the feeds file could not be read; it was kept as {0}")]
    SetAside(PathBuf),
}

/// What a fetch tells as it goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Progress {
    /// The feeds it will fetch, by name.
    Starting {
        /// Their names, in order.
        names: Vec<String>,
    },
    /// A feed's new articles: how many are done of how many.
    Articles {
        /// The feed's place among those fetched.
        feed: usize,
        /// Articles done.
        done: usize,
        /// Articles new in the feed.
        total: usize,
    },
    /// A feed is done.
    Done {
        /// The feed's place among those fetched.
        feed: usize,
        /// What came of it.
        outcome: Outcome,
    },
}

/// What came of one feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// The feed's name.
    pub name: String,
    /// Its folder in the archive.
    pub section: String,
    /// Articles written.
    pub new: usize,
    /// Articles already stored for another feed, linked into this one's folder.
    pub linked: usize,
    /// The server said nothing changed (304).
    pub unchanged: bool,
    /// Why it failed, in all or in part.
    pub failure: Option<Failure>,
}

/// What one feed's fetch learnt, to be saved.
struct Learnt {
    url: String,
    validators: Option<Validators>,
    seen: Vec<String>,
    stored: Vec<(String, String)>,
    texts: Vec<(String, String)>,
    outcome: Outcome,
}

/// Fetches the feeds `names` (every feed when empty) into `archive`, keeping what it learns
/// in data folder `data`; `progress` hears of each step, from the fetching threads.
pub fn fetch(
    data: &Path,
    archive: &Path,
    names: &[String],
    limits: Limits,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<Vec<Outcome>, FetchError> {
    let loaded = super::load(data)?;
    if let Some(aside) = loaded.set_aside {
        return Err(FetchError::SetAside(aside));
    }
    let subscriptions = loaded.value;
    if subscriptions.feeds.is_empty() {
        return Err(FetchError::NoFeeds);
    }
    let chosen: Vec<Feed> = match names.is_empty() {
        true => subscriptions.feeds.clone(),
        false => {
            // A section names all its feeds; each feed is fetched once however often named.
            let mut chosen = Vec::new();
            for name in names {
                let found = subscriptions.matching(name);
                if found.is_empty() {
                    return Err(FetchError::Unknown(name.clone()));
                }
                chosen.extend(found);
            }
            chosen.sort_unstable();
            chosen.dedup();
            chosen
                .into_iter()
                .map(|i| subscriptions.feeds[i].clone())
                .collect()
        }
    };
    progress(Progress::Starting {
        names: chosen.iter().map(|f| f.name.clone()).collect(),
    });
    // Paths are remembered whole, so that a later fetch from another folder finds them.
    let archive = &std::path::absolute(archive).unwrap_or_else(|_| archive.to_owned());
    let client = Client::new(limits);
    let known = Shared {
        known: Mutex::new(Known {
            stored: subscriptions.stored,
            texts: subscriptions.texts,
            pending: HashSet::new(),
        }),
        stored: Condvar::new(),
    };
    let next = AtomicUsize::new(0);
    let outcomes = Mutex::new(vec![None; chosen.len()]);
    let saving: Mutex<Option<StoreError>> = Mutex::new(None);
    std::thread::scope(|scope| {
        for _ in 0..THREADS.min(chosen.len()) {
            scope.spawn(|| {
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(feed) = chosen.get(index) else { break };
                    let run = FeedRun {
                        feed,
                        index,
                        client: &client,
                        known: &known,
                        archive,
                        progress,
                    };
                    let learnt = run.fetch();
                    let outcome = learnt.outcome.clone();
                    // Saved feed by feed: a fetch cut short keeps what the others learnt.
                    if let Err(err) = save(data, learnt) {
                        lock(&saving).get_or_insert(err);
                    }
                    lock(&outcomes)[index] = Some(outcome.clone());
                    progress(Progress::Done {
                        feed: index,
                        outcome,
                    });
                }
            });
        }
    });
    if let Some(err) = saving.into_inner().unwrap_or_else(|p| p.into_inner()) {
        return Err(err.into());
    }
    Ok(outcomes
        .into_inner()
        .unwrap_or_else(|p| p.into_inner())
        .into_iter()
        .flatten()
        .collect())
}

/// A mutex's guard, also after a thread panicked holding it (what it guards stays whole:
/// every change under these locks is one insert).
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|p| p.into_inner())
}

/// Articles stored so far, by address and by text, and the addresses being fetched: shared by
/// the feeds of a run, so that one article in two feeds is fetched once.
struct Known {
    stored: BTreeMap<String, String>,
    texts: BTreeMap<String, String>,
    pending: HashSet<String>,
}

/// [`Known`], and the signal that an address being fetched is done.
struct Shared {
    known: Mutex<Known>,
    stored: Condvar,
}

/// An address (or a text's hash) this feed is storing: another feed that meets it waits until
/// it is dropped, then finds it stored.
struct Claim<'a> {
    shared: &'a Shared,
    address: String,
}

impl Drop for Claim<'_> {
    fn drop(&mut self) {
        lock(&self.shared.known).pending.remove(&self.address);
        self.shared.stored.notify_all();
    }
}

/// Saves what a feed's fetch learnt into the subscriptions, under their lock.
fn save(data: &Path, learnt: Learnt) -> Result<(), StoreError> {
    super::update(data, |subscriptions: &mut Subscriptions| {
        subscriptions.stored.extend(learnt.stored);
        subscriptions.texts.extend(learnt.texts);
        // Removed while it was fetched: nothing more to keep of it.
        let Some(feed) = subscriptions.feeds.iter_mut().find(|f| f.url == learnt.url) else {
            return;
        };
        // Pages left to try again: the next fetch must get the feed whole, not "not
        // modified", to see their items again.
        let pages_left = matches!(learnt.outcome.failure, Some(Failure::Pages { .. }));
        if let Some(validators) = learnt.validators {
            (feed.etag, feed.last_modified) = match pages_left {
                true => (None, None),
                false => (validators.etag, validators.last_modified),
            };
        }
        feed.last_fetch = Some(store::now_rfc3339());
        feed.last_new = learnt.outcome.new + learnt.outcome.linked;
        feed.last_error = learnt.outcome.failure;
        for id in &learnt.seen {
            feed.remember(id);
        }
    })
}

/// One feed's fetch.
struct FeedRun<'a> {
    feed: &'a Feed,
    index: usize,
    client: &'a Client,
    known: &'a Shared,
    archive: &'a Path,
    progress: &'a (dyn Fn(Progress) + Sync),
}

impl FeedRun<'_> {
    fn fetch(&self) -> Learnt {
        let feed = self.feed;
        let mut learnt = Learnt {
            url: feed.url.clone(),
            validators: None,
            seen: Vec::new(),
            stored: Vec::new(),
            texts: Vec::new(),
            outcome: Outcome {
                name: feed.name.clone(),
                section: feed.section.clone(),
                new: 0,
                linked: 0,
                unchanged: false,
                failure: None,
            },
        };
        let validators = Validators {
            etag: feed.etag.clone(),
            last_modified: feed.last_modified.clone(),
        };
        let fetched = match self.client.get(&feed.url, &validators) {
            Ok(Answer::NotModified) => {
                learnt.outcome.unchanged = true;
                return learnt;
            }
            Ok(Answer::Fetched(fetched)) => fetched,
            Err(failure) => {
                learnt.outcome.failure = Some(failure);
                return learnt;
            }
        };
        let parsed = match items::parse(&fetched.body) {
            Ok(parsed) => parsed,
            Err(failure) => {
                learnt.outcome.failure = Some(failure);
                return learnt;
            }
        };
        learnt.validators = Some(fetched.validators);
        let fresh: Vec<&Item> = parsed
            .items
            .iter()
            .filter(|item| !feed.seen.contains(&item.id))
            .collect();
        let folder = self.archive.join(&feed.section);
        let mut failed = 0;
        let mut first_failure = None;
        for (done, item) in fresh.iter().enumerate() {
            (self.progress)(Progress::Articles {
                feed: self.index,
                done,
                total: fresh.len(),
            });
            // A host that did not answer one page would keep the rest waiting as long:
            // they are tried at the next fetch.
            if matches!(
                first_failure,
                Some(Failure::Timeout | Failure::Network { .. })
            ) {
                failed += 1;
                continue;
            }
            match self.store(item, &folder, &mut learnt) {
                Ok(()) => learnt.seen.push(item.id.clone()),
                Err(failure) => {
                    failed += 1;
                    first_failure.get_or_insert(failure);
                }
            }
        }
        if let Some(cause) = first_failure {
            learnt.outcome.failure = Some(Failure::Pages {
                failed,
                cause: Box::new(cause),
            });
        }
        learnt
    }

    /// Stores one item's article in `folder`: linked when it is stored already, else taken
    /// from the item or its page and written.
    fn store(&self, item: &Item, folder: &Path, learnt: &mut Learnt) -> Result<(), Failure> {
        let address = item.link.as_deref().map(canonical);
        let _address_claim = match &address {
            Some(address) => match self.claim(address, |k| &k.stored) {
                Ok(claim) => Some(claim),
                Err(existing) => return self.copy(&existing, folder, learnt),
            },
            None => None,
        };
        let mut extracted = self.extract(item, address.as_deref())?;
        let about = &mut extracted.about;
        if let Some(title) = &item.title {
            about.title = title.clone();
        }
        if about.title.is_empty() {
            about.title = first_words(&extracted.pieces);
        }
        about.date = item.date.or(about.date).or_else(today);
        if item.author.is_some() {
            about.author = item.author.clone();
        }
        if address.is_some() {
            // Without tracking parameters: the same address whichever feed brought it.
            about.source = address.clone();
        }
        let text: String = article_text(&extracted).nfc().collect();
        let hash = text_hash(&body_of(&extracted));
        let _text_claim = match self.claim(&hash, |k| &k.texts) {
            Ok(claim) => claim,
            Err(existing) => return self.copy(&existing, folder, learnt),
        };
        let date = extracted.about.date.or_else(today).unwrap_or(Date {
            year: 1970,
            month: 1,
            day: 1,
        });
        let name = file_name(date, &extracted.about.title);
        let placed = write_new(folder, &name, &text).map_err(|err| Failure::Write {
            path: folder.join(&name).display().to_string(),
            detail: crate::io_error::describe_io(&err),
        })?;
        if let Placed::New(_) = placed {
            learnt.outcome.new += 1;
        }
        let path = placed.path().display().to_string();
        let mut known = lock(&self.known.known);
        if let Some(address) = address {
            known.stored.insert(address.clone(), path.clone());
            learnt.stored.push((address, path.clone()));
        }
        known.texts.insert(hash.clone(), path.clone());
        learnt.texts.push((hash, path));
        Ok(())
    }

    /// Claims `key` (an address, or a text's hash) for this feed to store, waiting while
    /// another feed is storing it; the path stored under it in `map`, if it is stored already.
    fn claim(
        &self,
        key: &str,
        map: impl Fn(&Known) -> &BTreeMap<String, String>,
    ) -> Result<Claim<'_>, String> {
        let mut known = lock(&self.known.known);
        loop {
            if let Some(existing) = map(&known).get(key) {
                return Err(existing.clone());
            }
            if !known.pending.contains(key) {
                break;
            }
            known = match self.known.stored.wait(known) {
                Ok(guard) => guard,
                Err(poisoned) => poisoned.into_inner(),
            };
        }
        known.pending.insert(key.to_owned());
        Ok(Claim {
            shared: self.known,
            address: key.to_owned(),
        })
    }

    /// Lists an article stored already in this feed's folder too, by a hard link; nothing
    /// when it is in that folder already, or was removed by the user.
    fn copy(&self, existing: &str, folder: &Path, learnt: &mut Learnt) -> Result<(), Failure> {
        let existing = PathBuf::from(existing);
        if !existing.exists() || existing.parent() == Some(folder) {
            return Ok(());
        }
        let placed = link_into(&existing, folder).map_err(|err| Failure::Write {
            path: folder.display().to_string(),
            detail: crate::io_error::describe_io(&err),
        })?;
        if let Placed::New(_) = placed {
            learnt.outcome.linked += 1;
        }
        Ok(())
    }

    /// The article of an item: its own HTML when that is whole, else its page's main text
    /// (or its summary, when the page has none), fetched from its canonical `address`.
    fn extract(&self, item: &Item, address: Option<&str>) -> Result<Extracted, Failure> {
        let own = || item.html.as_deref().map(html::fragment);
        let Some(link) = address.filter(|_| !item.full) else {
            return own()
                .filter(|e| !e.pieces.is_empty())
                .ok_or(Failure::NoText);
        };
        let page = match self.client.get(link, &Validators::default())? {
            Answer::Fetched(page) => page,
            Answer::NotModified => return Err(Failure::Status { code: 304 }),
        };
        let (text, _) = decode_page(&page.body, page.content_type.as_deref());
        match html::extract(&text, Some(&page.address)) {
            Ok(extracted) => Ok(extracted),
            Err(_) => own()
                .filter(|e| !e.pieces.is_empty())
                .ok_or(Failure::NoText),
        }
    }
}

/// The body's text, for telling copies apart.
fn body_of(extracted: &Extracted) -> String {
    extracted
        .pieces
        .iter()
        .map(|piece| match piece {
            Piece::Paragraph(t) | Piece::Heading(t) | Piece::Caption(t) => t.as_str(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A headline for an item that has none: the first words of its text.
fn first_words(pieces: &[Piece]) -> String {
    let first = pieces.iter().find_map(|p| match p {
        Piece::Paragraph(t) => Some(t.as_str()),
        _ => None,
    });
    let words: Vec<&str> = first.unwrap_or("").split_whitespace().take(12).collect();
    match words.is_empty() {
        true => "(untitled)".to_owned(),
        false => format!("{}…", words.join(" ")),
    }
}

/// Today's date (UTC), for an item that says none.
fn today() -> Option<Date> {
    html::date_of(&store::now_rfc3339())
}
