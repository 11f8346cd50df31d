//! Fetching the feeds from the reader (`R`): into the folder open, in the background, with
//! how far it has got on the status line; new articles come in through the live folder.

use super::App;
use crate::effect::{Effect, FeedsFetched, FetchNotStarted};
use crate::i18n::Say;

impl App {
    /// Starts fetching every feed into the folder open, unless a fetch is under way.
    pub(super) fn fetch_feeds(&mut self) {
        if self.fetching.is_some() {
            self.note = Some(self.lang.t("note-fetch-already"));
            return;
        }
        let Some(into) = self.catalog.folder_path() else {
            self.note = Some(self.lang.t("note-fetch-no-folder"));
            return;
        };
        self.fetching = Some(self.lang.t("note-fetching"));
        self.effects.push(Effect::FetchFeeds { into });
    }

    /// How far the fetch has got, on the status line (under any message, which a key clears).
    pub(super) fn fetch_progress(&mut self, done: usize, feeds: usize, articles: (usize, usize)) {
        // An answer that comes after the summary is late: dropped.
        if self.fetching.is_none() {
            return;
        }
        self.fetching = Some(self.lang.tr(
            "note-fetch-progress",
            &[
                ("done", done.into()),
                ("feeds", feeds.into()),
                ("articles", articles.0.into()),
                ("total", articles.1.into()),
            ],
        ));
    }

    /// What the fetch came to.
    pub(super) fn fetched(&mut self, result: Result<FeedsFetched, FetchNotStarted>) {
        self.fetching = None;
        let lang = self.lang;
        self.note = Some(match result {
            Ok(fetched) => {
                let done = lang.tr(
                    "note-fetched",
                    &[
                        ("count", fetched.new.into()),
                        ("feeds", fetched.feeds.into()),
                    ],
                );
                match fetched.failed.as_slice() {
                    [] => done,
                    [(name, why)] => lang.tr(
                        "note-fetched-one-failed",
                        &[
                            ("done", done.into()),
                            ("name", name.clone().into()),
                            ("why", why.say(lang).into()),
                        ],
                    ),
                    many => lang.tr(
                        "note-fetched-failed",
                        &[("done", done.into()), ("failed", many.len().into())],
                    ),
                }
            }
            Err(FetchNotStarted::NoFeeds) => lang.t("note-fetch-no-feeds"),
            Err(FetchNotStarted::NoDataDir) => lang.t("note-fetch-no-data"),
            Err(FetchNotStarted::SetAside(aside)) => lang.tr(
                "feeds-set-aside",
                &[("path", aside.display().to_string().into())],
            ),
            Err(FetchNotStarted::Unreadable(why)) => {
                lang.tr("note-fetch-unreadable", &[("error", why.into())])
            }
        });
    }
}
