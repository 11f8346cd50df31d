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
    // Feeds done and articles written, as the threads of the fetch report them.
    let counts = Mutex::new((0, 0, 0));
    let progress = |step: Progress| {
        let mut counts = counts.lock().unwrap_or_else(|p| p.into_inner());
        match step {
            Progress::Starting { names } => counts.1 = names.len(),
            Progress::Articles { .. } => return,
            Progress::Done { outcome, .. } => {
                counts.0 += 1;
                counts.2 += outcome.new + outcome.linked;
            }
        }
        reply(Answer::Fetching {
            done: counts.0,
            feeds: counts.1,
            new: counts.2,
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
    };
    reply(Answer::Fetched(answer));
}
