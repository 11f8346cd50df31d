//! Feeds: the subscriptions and what docbao remembers of each (its validators, the items it
//! stored), kept in `feeds.json` in the data folder as bookmarks are (atomic, locked).

pub mod archive;
pub mod fetch;
pub mod http;
pub mod items;
pub mod opml;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::store::{self, StoreError};

/// The file the subscriptions are kept in, in the data folder.
pub const FILE: &str = "feeds.json";

/// Item ids remembered per feed: far more than any feed lists at once, so that an item that
/// leaves the feed and comes back is still known, without the file growing for ever.
const SEEN_KEPT: usize = 5000;

/// One subscription and what the last fetches learnt of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Feed {
    /// What the user calls it: the feed's title, or what they named it.
    pub name: String,
    /// The feed's address.
    pub url: String,
    /// The archive folder its articles are written into (its section in the list).
    pub section: String,
    /// When it was added, RFC 3339.
    pub added: String,
    /// The `ETag` of the last answer, sent back as `If-None-Match`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    /// The `Last-Modified` of the last answer, sent back as `If-Modified-Since`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
    /// When it was last fetched, RFC 3339.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_fetch: Option<String>,
    /// Articles the last fetch stored.
    #[serde(default)]
    pub last_new: usize,
    /// Why the last fetch failed, if it did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_error: Option<Failure>,
    /// Ids of the items already stored (or met as copies), newest last.
    #[serde(default)]
    pub seen: Vec<String>,
}

/// Everything `feeds.json` keeps.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subscriptions {
    /// The feeds, in the order they were added.
    #[serde(default)]
    pub feeds: Vec<Feed>,
    /// Articles stored, by canonical address: the file (from the archive folder), so that the
    /// same article in another feed is linked, not fetched again.
    #[serde(default)]
    pub stored: BTreeMap<String, String>,
    /// Articles stored, by a hash of their text: the same text under another address.
    #[serde(default)]
    pub texts: BTreeMap<String, String>,
}

/// Why a feed, or an article page of it, could not be fetched: what `feed list` shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Failure {
    /// The server answered with an error status.
    #[error("the server answered {code}")]
    Status {
        /// The HTTP status.
        code: u16,
    },
    /// No answer in time.
    #[error("no answer in time")]
    Timeout,
    /// The answer was larger than docbao takes.
    #[error("the answer is larger than {limit_mb} MB")]
    TooLarge {
        /// The limit, in MB.
        limit_mb: u64,
    },
    /// Redirected too many times, or in a loop.
    #[error("too many redirects")]
    Redirects,
    /// The server could not be reached, or the connection broke.
    #[error("{detail}")]
    Network {
        /// What failed, as the HTTP library says it.
        detail: String,
    },
    /// The answer is not a feed: a web page, or XML or JSON that does not parse.
    #[error("not a feed: {detail}")]
    NotFeed {
        /// Whether it is a web page.
        page: bool,
        /// What the parser says.
        detail: String,
    },
    /// Some articles' pages could not be fetched or read; they are tried again next time.
    #[error("{failed} articles not fetched: {cause}")]
    Pages {
        /// How many.
        failed: usize,
        /// Why the first one failed.
        cause: Box<Failure>,
    },
    /// A page had no article text in it.
    #[error("no article text in the page")]
    NoText,
    /// An article file could not be written.
    #[error("cannot write {path}: {detail}")]
    Write {
        /// The file.
        path: String,
        /// Why.
        detail: String,
    },
}

impl Subscriptions {
    /// The feeds `key` names: the one at that address (tracking parameters and all), else the
    /// one of that name, else every feed of that section; names in any case and either
    /// Unicode form (a name typed composed finds one a feed gave decomposed).
    pub fn matching(&self, key: &str) -> Vec<usize> {
        let key = key.trim();
        let same = |a: &str| comparable(a) == comparable(key);
        if let Some(at) = self.at_address(key) {
            return vec![at];
        }
        if let Some(at) = self.feeds.iter().position(|f| same(&f.name)) {
            return vec![at];
        }
        (0..self.feeds.len())
            .filter(|&i| same(&self.feeds[i].section))
            .collect()
    }

    /// The feed subscribed at `url`, or at the same address but for tracking parameters, a
    /// fragment or the case of its host.
    pub fn at_address(&self, url: &str) -> Option<usize> {
        let wanted = items::canonical(url);
        self.feeds
            .iter()
            .position(|f| f.url == url || items::canonical(&f.url) == wanted)
    }

    /// Whether a feed is called `name` already (by name, in any case and form).
    pub fn named(&self, name: &str) -> Option<&Feed> {
        self.feeds
            .iter()
            .find(|f| comparable(&f.name) == comparable(name))
    }
}

impl Feed {
    /// A new subscription to `url`, called `name`, written into `section`.
    pub fn new(url: &str, name: &str, section: &str) -> Feed {
        Feed {
            name: name.to_owned(),
            url: url.to_owned(),
            section: section.to_owned(),
            added: store::now_rfc3339(),
            etag: None,
            last_modified: None,
            last_fetch: None,
            last_new: 0,
            last_error: None,
            seen: Vec::new(),
        }
    }

    /// Remembers an item as stored, forgetting the oldest past [`SEEN_KEPT`].
    pub fn remember(&mut self, id: &str) {
        if !self.seen.iter().any(|s| s == id) {
            self.seen.push(id.to_owned());
        }
        if self.seen.len() > SEEN_KEPT {
            let extra = self.seen.len() - SEEN_KEPT;
            self.seen.drain(..extra);
        }
    }
}

/// A name as names are compared: composed (NFC), in lower case.
fn comparable(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    name.nfc().collect::<String>().to_lowercase()
}

/// A feed's name as kept: composed (NFC), on one line, so that it can be typed and matched.
pub fn clean_name(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let composed: String = name.nfc().collect();
    composed.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A section name as a folder name: one path part, composed (NFC), without what a file
/// system refuses.
pub fn folder_name(name: &str) -> String {
    let name = clean_name(name);
    let cleaned: String = name
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '-',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    let cleaned = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    let cleaned = cleaned.trim_start_matches('.').trim();
    match cleaned.is_empty() {
        true => "feed".to_owned(),
        false => cleaned.chars().take(80).collect(),
    }
}

/// Where the subscriptions are kept, in data folder `dir`.
pub fn path(dir: &Path) -> PathBuf {
    dir.join(FILE)
}

/// Reads the subscriptions; an unreadable file is set aside and said (`kept`).
pub fn load(dir: &Path) -> Result<store::Loaded<Subscriptions>, StoreError> {
    store::read_json(&path(dir))
}

/// Reads, changes and writes the subscriptions under their lock, so that two docbao
/// processes (a `fetch` and a reader's `R`) never lose each other's changes.
pub fn update<R>(
    dir: &Path,
    change: impl FnOnce(&mut Subscriptions) -> R,
) -> Result<R, StoreError> {
    let file = path(dir);
    store::locked(&file, || {
        let mut subscriptions = store::read_json::<Subscriptions>(&file)?.value;
        let result = change(&mut subscriptions);
        store::write_json(&file, &subscriptions)?;
        Ok(result)
    })
}
