//! Fetching the feeds from the reader (`R`): into the folder open, telling the reader how far
//! it has got; new articles arrive through the live folder.

use std::path::Path;
use std::sync::Mutex;

use crate::effect::{Answer, FeedsFetched, FetchNotStarted};
use crate::feeds::fetch::{FetchError, Progress, fetch};
use crate::feeds::http::Limits;

/// Fetches every feed of data folder `data` into `into`, handing each step to `reply`.
pub fn fetch_feeds(data: Option<&Path>, into: &Path, reply: &(dyn Fn(Answer) + Sync)) {
    let Some(data) = data else {
        reply(Answer::Fetched(Err(FetchNotStarted::NoDataDir)));
        return;
    };
    // Feeds done and in all; per feed, articles done and new.
    let counts = Mutex::new((0, 0, Vec::<(usize, usize)>::new()));
    let progress = |step: Progress| {
        let mut counts = counts.lock().unwrap_or_else(|p| p.into_inner());
        match step {
            Progress::Starting { names } => {
                counts.1 = names.len();
                counts.2 = vec![(0, 0); names.len()];
            }
            Progress::Articles { feed, done, total } => {
                if let Some(slot) = counts.2.get_mut(feed) {
                    *slot = (done, total);
                }
            }
            Progress::Done { feed, .. } => {
                counts.0 += 1;
                if let Some(slot) = counts.2.get_mut(feed) {
                    slot.0 = slot.1;
                }
            }
        }
        let (articles, total) = counts
            .2
            .iter()
            .fold((0, 0), |(d, t), &(dd, tt)| (d + dd, t + tt));
        reply(Answer::Fetching {
            done: counts.0,
            feeds: counts.1,
            articles,
            total,
        });
    };
    let answer = match fetch(data, into, &[], Limits::from_env(), &progress) {
        Ok(outcomes) => Ok(FeedsFetched {
            new: outcomes.iter().map(|o| o.new + o.linked).sum(),
            feeds: outcomes.len(),
            failed: outcomes
                .into_iter()
                .filter_map(|o| o.failure.map(|f| (o.name, f)))
                .collect(),
        }),
        Err(FetchError::NoFeeds) => Err(FetchNotStarted::NoFeeds),
        Err(FetchError::Unknown(name)) => Err(FetchNotStarted::Unreadable(name)),
        Err(FetchError::Store(err)) => Err(FetchNotStarted::Unreadable(err.to_string())),
        Err(FetchError::SetAside(aside)) => Err(FetchNotStarted::SetAside(aside)),
    };
    reply(Answer::Fetched(answer));
}
