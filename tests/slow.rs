//! The slow tier: the real binary in a real pseudo-terminal, and writers killed at random points.
//!
//! One test crate links once; each module is one feature, named as a user would name it.

mod common;

mod e2e;
mod faults;
mod interface;
mod news_feeds;
