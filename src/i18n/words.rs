//! The domain's notes and errors in words: each typed value's message id and arguments, in
//! one place, so that a test can say every one of them in both languages.

use super::{Lang, Message};
use crate::catalog::{CatalogError, Note, Problem, Reason, Warning};
use crate::feeds::Failure;
use crate::store::{Doing, Kept, SetAside, StoreError};

/// A value the interface can say: a note or an error of the domain.
pub trait Say {
    /// The value as a message of the catalogs.
    fn message(&self) -> Message;

    /// The value in a language.
    fn say(&self, lang: Lang) -> String {
        self.message().say(lang)
    }
}

impl Say for Reason {
    fn message(&self) -> Message {
        match self {
            Reason::Unreadable { error } => {
                Message::new("skip-unreadable").with("error", error.as_ref())
            }
            Reason::BinaryNul => Message::new("skip-binary-nul"),
            Reason::BinarySignature => Message::new("skip-binary-signature"),
            Reason::BinaryControls => Message::new("skip-binary-controls"),
            Reason::Empty => Message::new("skip-empty"),
            Reason::NoArticle { index } => {
                Message::new("skip-no-article").with("index", index.to_string())
            }
            Reason::LinkLoop => Message::new("skip-link-loop"),
            Reason::Walk { error } => Message::new("skip-walk").with("error", error.as_ref()),
        }
    }
}

impl Say for Warning {
    fn message(&self) -> Message {
        match self {
            Warning::Guessed { encoding } => {
                Message::new("warn-guessed").with("encoding", encoding)
            }
            Warning::InvalidUtf8 => Message::new("warn-invalid-utf8"),
            Warning::Mojibake => Message::new("warn-mojibake"),
            Warning::MojibakePartly => Message::new("warn-mojibake-partly"),
        }
    }
}

impl Say for Note {
    fn message(&self) -> Message {
        match self {
            Note::CannotOpen { path, error } => Message::new("catalog-cannot-open")
                .with("path", path.display().to_string())
                .with("error", error),
            Note::CacheRebuilding { why } => Message::new("cache-rebuilding").with("why", why),
            Note::CacheRebuilt { why } => Message::new("cache-rebuilt").with("why", why),
            Note::CacheNotWritten { why } => Message::new("cache-not-written").with("why", why),
            Note::CacheDamaged { count } => {
                Message::new("cache-damaged").with("count", count.to_string())
            }
            Note::CacheDamagedStoredAnew { count } => {
                Message::new("cache-damaged-stored-anew").with("count", count.to_string())
            }
            Note::CacheDamagedNotWritten { count, why } => {
                Message::new("cache-damaged-not-written")
                    .with("count", count.to_string())
                    .with("why", why)
            }
            Note::LivePolling { why } => Message::new("live-polling").with("why", why),
            Note::LiveUnwatched { why } => Message::new("live-unwatched").with("why", why),
        }
    }
}

impl Say for Problem {
    /// Why the file is not listed; said with its path first.
    fn message(&self) -> Message {
        self.reason.message()
    }

    fn say(&self, lang: Lang) -> String {
        format!("{}: {}", self.path.display(), self.reason.say(lang))
    }
}

impl Say for CatalogError {
    fn message(&self) -> Message {
        self.note().message()
    }
}

impl Say for StoreError {
    fn message(&self) -> Message {
        match self {
            StoreError::Io { what, path, cause } => {
                let id = match what {
                    Doing::Create => "store-cannot-create",
                    Doing::Open => "store-cannot-open",
                    Doing::Lock => "store-cannot-lock",
                    Doing::Read => "store-cannot-read",
                    Doing::SetAside => "store-cannot-set-aside",
                    Doing::Encode => "store-cannot-encode",
                    Doing::Write => "store-cannot-write",
                    Doing::Replace => "store-cannot-replace",
                };
                Message::new(id)
                    .with("path", path.display().to_string())
                    .with("error", crate::io_error::describe_io(cause))
            }
            StoreError::NoDataDir => {
                Message::new("store-no-data-dir").with("env", crate::store::DATA_DIR_ENV)
            }
        }
    }
}

impl Say for SetAside {
    fn message(&self) -> Message {
        let id = match self.kept {
            Kept::Bookmarks => "store-bookmarks-set-aside",
            Kept::State => "store-state-set-aside",
        };
        Message::new(id).with("path", self.path.display().to_string())
    }
}

impl Say for Failure {
    fn message(&self) -> Message {
        match self {
            Failure::Status { code } => Message::new("fetch-status").with("code", code.to_string()),
            Failure::Timeout => Message::new("fetch-timeout"),
            Failure::TooLarge { limit_mb } => {
                Message::new("fetch-too-large").with("limit", limit_mb.to_string())
            }
            Failure::Redirects => Message::new("fetch-redirects"),
            Failure::Network { detail } => Message::new("fetch-network").with("error", detail),
            Failure::NotFeed { page: true, .. } => Message::new("fetch-page-not-feed"),
            Failure::NotFeed {
                page: false,
                detail,
            } => Message::new("fetch-not-feed").with("error", detail),
            Failure::Pages { failed, .. } => {
                Message::new("fetch-pages").with("count", failed.to_string())
            }
            Failure::NoText => Message::new("fetch-no-text"),
            Failure::Write { path, detail } => Message::new("fetch-write")
                .with("path", path)
                .with("error", detail),
        }
    }

    /// A failure of some pages is said with why the first failed.
    fn say(&self, lang: Lang) -> String {
        match self {
            Failure::Pages { cause, .. } => {
                format!("{}: {}", self.message().say(lang), cause.say(lang))
            }
            _ => self.message().say(lang),
        }
    }
}
