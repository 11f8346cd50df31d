//! Search: query parsing, matching in one article and across the catalog; no UI.
//!
//! Candidates are found in folded text (no accents, lowercase), then checked against the original
//! for case and accents when the query asks for them (smart case and smart accents, as `less -i`
//! and ripgrep's `--smart-case`). Every match is a byte range of whole graphemes in the article's
//! normalised text, so highlighting never cuts a letter in half.

mod asked;
mod candidates;
mod catalog;
mod excerpt;
mod find;
mod hits;
mod lines;
mod needles;
mod query;
mod rank;
mod searching;
mod sieve;
mod stored;

pub use catalog::{CatalogHits, Found, Searcher, find_everywhere, search_catalog};
pub use find::{find_all, find_in_article, find_in_article_with};
pub use hits::ArticleHits;
pub use lines::{Lines, Located, line_column};
pub use query::{Options, Query, Sensitivity, Words, narrows};
pub use rank::{COUNT_CAP, RANKED_UP_TO};
pub use sieve::FileSieve;
pub use stored::{StoredArticle, with_stored};
