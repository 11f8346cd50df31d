//! The features of docbao, tested as a user meets them: through `App`, the files and the real binary.
//!
//! One test crate links once; each module is one feature, named as a user would name it.

mod common;

mod bookmark_keys;
mod bookmarks;
mod cache;
mod catalog;
mod cli;
mod config;
mod defects;
mod feeds;
mod hostile;
mod i18n;
mod indexer;
mod indexing;
mod keys;
mod layers;
mod layout;
mod live;
mod mojibake;
mod news;
mod passages;
mod readme;
mod restart;
mod screens;
mod search;
mod search_keys;
mod sections;
mod shell;
mod syllable_index;
mod theme;
mod trial;
