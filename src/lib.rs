//! docbao: a terminal reader for a local collection of news articles, Vietnamese first.
#![deny(unsafe_code)]

pub mod action;
pub mod app;
pub mod bookmarks;
pub mod catalog;
pub mod cli;
pub mod config;
pub mod effect;
pub mod feeds;
pub mod i18n;
pub mod io_error;
pub mod keymap;
pub mod manual;
pub mod mode;
pub mod page;
pub mod panes;
pub mod prompt;
pub mod recovery;
pub mod search;
pub mod state;
pub mod store;
pub mod text;
pub mod theme;
pub mod tui;
pub mod ui;
pub mod worker;
