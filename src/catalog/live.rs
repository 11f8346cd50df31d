//! A live folder: files added, changed or removed while docbao runs are indexed again, told of
//! by the system's file notifications, or found by looking at the folder every second where
//! there are none (network file systems, or when the notifications run out).

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

use notify::{EventKind, PollWatcher, RecommendedWatcher, RecursiveMode, Watcher};

use super::Catalog;
use super::Note;
use super::indexer::Update;
use super::scan::{is_article_name, is_hidden};

/// Environment variable that makes docbao look at the folder every second instead of asking
/// for notifications: `DOCBAO_WATCH=poll`, for file systems that send none.
pub const WATCH_ENV: &str = "DOCBAO_WATCH";

/// How often a folder without notifications is looked at.
pub const POLL_EVERY: Duration = Duration::from_secs(1);

/// How long the folder must be quiet before it is indexed again: an editor saving a file, or
/// a copy of many, is one change.
const QUIET: Duration = Duration::from_millis(100);

/// Longest a change waits for the folder to be quiet.
const LONGEST_WAIT: Duration = Duration::from_millis(400);

/// How often the watch looks whether it is to stop.
const STOP_CHECK: Duration = Duration::from_millis(100);

/// How the folder is watched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Watch {
    /// By the system's file notifications (inotify, FSEvents, kqueue, ReadDirectoryChanges),
    /// looking at the folder every second where they cannot be had.
    Notify,
    /// By looking at the folder every second.
    Poll,
}

impl Watch {
    /// The watch the environment asks for: [`Watch::Poll`] with `DOCBAO_WATCH=poll`.
    pub fn from_env() -> Watch {
        match std::env::var(WATCH_ENV) {
            Ok(value) if value.eq_ignore_ascii_case("poll") => Watch::Poll,
            _ => Watch::Notify,
        }
    }
}

/// A folder being watched: what has changed in it since it was last indexed.
pub struct Live {
    /// Kept for the watch to go on.
    _watcher: Box<dyn Watcher>,
    /// A message for each change that matters.
    changes: mpsc::Receiver<()>,
}

impl Live {
    /// Starts watching `path`, before it is indexed so that no change made meanwhile is
    /// missed; `None` (said through `send`) when it cannot be watched at all.
    pub fn start(path: &Path, watch: Watch, send: &dyn Fn(Update)) -> Option<Live> {
        let (changed, changes) = mpsc::channel::<()>();
        let handler = move |event: notify::Result<notify::Event>| {
            let relevant = match &event {
                Ok(event) => matters(event),
                // A watch that lost events: look at the folder again to be sure.
                Err(_) => true,
            };
            if relevant {
                let _ = changed.send(());
            }
        };
        let watcher = start(path, watch, handler, send)?;
        Some(Live {
            _watcher: watcher,
            changes,
        })
    }

    /// Until `stop` is set, calls `index` with the latest catalog after each change (those
    /// made since the watch started included); what `index` returns is the latest next.
    pub fn follow(
        self,
        stop: &AtomicBool,
        mut latest: Arc<Catalog>,
        mut index: impl FnMut(Arc<Catalog>) -> Arc<Catalog>,
    ) {
        loop {
            if stop.load(Ordering::Relaxed) {
                return;
            }
            match self.changes.recv_timeout(STOP_CHECK) {
                Ok(()) => {}
                Err(RecvTimeoutError::Timeout) => continue,
                Err(RecvTimeoutError::Disconnected) => return,
            }
            // The rest of the change: until the folder is quiet, or the change has waited
            // long enough to be shown.
            let first = Instant::now();
            while first.elapsed() < LONGEST_WAIT && self.changes.recv_timeout(QUIET).is_ok() {}
            if stop.load(Ordering::Relaxed) {
                return;
            }
            latest = index(latest);
        }
    }
}

/// The watcher asked for, or one that looks every second when notifications cannot be had
/// (saying so); `None` when the folder cannot be watched at all.
fn start<H>(
    path: &Path,
    watch: Watch,
    handler: H,
    send: &dyn Fn(Update),
) -> Option<Box<dyn Watcher>>
where
    H: notify::EventHandler + Clone,
{
    if watch == Watch::Notify {
        let notified = RecommendedWatcher::new(handler.clone(), notify::Config::default())
            .and_then(|mut w| w.watch(path, RecursiveMode::Recursive).map(|()| w));
        match notified {
            Ok(watcher) => return Some(Box::new(watcher)),
            Err(err) => send(Update::Note(Note::LivePolling { why: brief(&err) })),
        }
    }
    let config = notify::Config::default().with_poll_interval(POLL_EVERY);
    let polled = PollWatcher::new(handler, config)
        .and_then(|mut w| w.watch(path, RecursiveMode::Recursive).map(|()| w));
    match polled {
        Ok(watcher) => Some(Box::new(watcher)),
        Err(err) => {
            send(Update::Note(Note::LiveUnwatched { why: brief(&err) }));
            None
        }
    }
}

/// A watch error in a few words.
fn brief(err: &notify::Error) -> String {
    match &err.kind {
        notify::ErrorKind::MaxFilesWatch => "too many folders for the system's limit".to_owned(),
        notify::ErrorKind::Io(io) => crate::io_error::describe_io(io),
        _ => err.to_string(),
    }
}

/// Whether an event can change the catalog: something written, made, removed or renamed
/// that is an article or may be a folder, and not hidden.
fn matters(event: &notify::Event) -> bool {
    if matches!(event.kind, EventKind::Access(_)) {
        return false;
    }
    event.paths.iter().any(|path| {
        let hidden = path.file_name().is_some_and(is_hidden);
        !hidden && (is_article_name(path) || path.extension().is_none())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{AccessKind, CreateKind, ModifyKind};

    fn event(kind: EventKind, path: &str) -> notify::Event {
        notify::Event::new(kind).add_path(path.into())
    }

    #[test]
    fn only_what_can_change_the_catalog_matters() {
        let modify = EventKind::Modify(ModifyKind::Any);
        assert!(matters(&event(modify, "/news/2025/a.txt")));
        assert!(matters(&event(
            EventKind::Create(CreateKind::Folder),
            "/news/2025"
        )));
        assert!(!matters(&event(modify, "/news/.a.txt.swp")));
        assert!(!matters(&event(modify, "/news/a.jpg")));
        assert!(!matters(&event(
            EventKind::Access(AccessKind::Any),
            "/news/a.txt"
        )));
    }
}
