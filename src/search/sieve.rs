//! The sieve `docbao search` reads files through without a cache: which files may hold a match.

use memchr::memmem;

use super::Query;
use crate::text::{fold, sieve};

/// What `docbao search` with no cache reads files through: which files may hold a match of
/// a query, so that only those are read whole and parsed.
#[derive(Debug, Clone)]
pub struct FileSieve {
    folded: String,
    sieve: Option<sieve::Sieve>,
}

impl FileSieve {
    /// The sieve for `query`.
    pub fn new(query: &Query) -> FileSieve {
        FileSieve {
            folded: query.folded.clone(),
            sieve: sieve::Sieve::new(&query.folded),
        }
    }

    /// Whether a file's bytes can hold a match: `false` only for UTF-8 text whose fold, once
    /// read, cannot hold the folded query. Told from the bytes by a regular expression where
    /// one could be made (see [`sieve`]), else by folding plain text (see
    /// [`crate::text::normalize::is_plain`]).
    pub fn may_match(&self, bytes: &[u8]) -> bool {
        thread_local! {
            static FOLDED: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
        }
        let Ok(text) = simdutf8::basic::from_utf8(bytes) else {
            return true;
        };
        // Blank text is kept to be reported as such; text reading would change, to be read.
        if self.folded.is_empty() || text.trim().is_empty() {
            return true;
        }
        if let Some(sieve) = &self.sieve {
            return sieve.may_match(bytes);
        }
        FOLDED.with_borrow_mut(|folded| {
            folded.clear();
            !fold::fold_plain(text, folded)
                || memmem::find(folded, self.folded.as_bytes()).is_some()
        })
    }
}
