//! `docbao fetch`: every feed (or those named) fetched into the archive, one line per feed,
//! with a progress bar while a terminal watches.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::Mutex;

use crate::feeds::fetch::{FetchError, Outcome, Progress, fetch};
use crate::feeds::http::Limits;
use crate::i18n::{Lang, Say};
use crate::text;

/// Width of the progress bar, in columns.
const BAR: usize = 24;

/// Fetches into `archive` and prints what came of each feed; exit code 2 when a feed failed.
pub(super) fn fetch_command(
    names: &[String],
    archive: &Path,
    data: &Path,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    let bar = std::io::stderr().is_terminal();
    let state = Mutex::new(Bar::default());
    let progress = |step: Progress| {
        let mut state = state.lock().unwrap_or_else(|p| p.into_inner());
        match step {
            Progress::Starting { names } => {
                state.feeds = names.len();
                state.articles = vec![(0, 0); names.len()];
            }
            Progress::Articles { feed, done, total } => {
                if let Some(slot) = state.articles.get_mut(feed) {
                    *slot = (done, total);
                }
            }
            Progress::Done { feed, outcome } => {
                state.done += 1;
                if let Some(slot) = state.articles.get_mut(feed) {
                    slot.0 = slot.1;
                }
                if bar {
                    eprint!("\r\x1b[K");
                }
                println!("{}", line(&outcome, lang));
            }
        }
        if bar && state.done < state.feeds {
            eprint!("\r\x1b[K{}", state.draw(lang));
            let _ = std::io::stderr().flush();
        }
    };
    let outcomes = match fetch(data, archive, names, Limits::from_env(), &progress) {
        Ok(outcomes) => outcomes,
        Err(FetchError::NoFeeds) => anyhow::bail!(lang.t("fetch-no-feeds")),
        Err(FetchError::Unknown(name)) => {
            anyhow::bail!(lang.tr("feed-unknown", &[("name", name.into())]))
        }
        Err(FetchError::Store(err)) => return Err(err.into()),
        Err(FetchError::SetAside(aside)) => anyhow::bail!(lang.tr(
            "feeds-set-aside",
            &[("path", aside.display().to_string().into())]
        )),
    };
    if bar {
        eprint!("\r\x1b[K");
    }
    let failed = outcomes.iter().filter(|o| o.failure.is_some()).count();
    let new: usize = outcomes.iter().map(|o| o.new + o.linked).sum();
    eprintln!(
        "docbao: {}",
        lang.tr(
            "fetch-summary",
            &[
                ("count", new.into()),
                ("feeds", outcomes.len().into()),
                ("failed", failed.into()),
                ("folder", archive.display().to_string().into()),
            ]
        )
    );
    Ok(match failed {
        0 => ExitCode::SUCCESS,
        _ => ExitCode::from(2),
    })
}

/// One feed's line: `✓ NAME: 12 new`, `· NAME: nothing new`, `✗ NAME: why`.
pub fn line(outcome: &Outcome, lang: Lang) -> String {
    let count = outcome.new + outcome.linked;
    match &outcome.failure {
        Some(failure) => lang.tr(
            "fetch-feed-failed",
            &[
                ("name", outcome.name.clone().into()),
                ("count", count.into()),
                ("why", failure.say(lang).into()),
            ],
        ),
        None if outcome.unchanged => lang.tr(
            "fetch-feed-unchanged",
            &[("name", outcome.name.clone().into())],
        ),
        None => lang.tr(
            "fetch-feed-done",
            &[
                ("name", outcome.name.clone().into()),
                ("count", count.into()),
                ("section", outcome.section.clone().into()),
            ],
        ),
    }
}

/// The progress bar's state.
#[derive(Default)]
struct Bar {
    feeds: usize,
    done: usize,
    /// Per feed: articles done, of how many.
    articles: Vec<(usize, usize)>,
}

impl Bar {
    /// `[########--------] 3/5 feeds · 40/120 articles`.
    fn draw(&self, lang: Lang) -> String {
        let (done, total) = self
            .articles
            .iter()
            .fold((0, 0), |(d, t), (dd, tt)| (d + dd, t + tt));
        // Feeds count whole; a feed under way counts by its articles.
        let part: f64 = self
            .articles
            .iter()
            .map(|&(d, t)| if t == 0 { 0.0 } else { d as f64 / t as f64 })
            .sum::<f64>()
            .max(self.done as f64);
        let filled = ((part / self.feeds.max(1) as f64) * BAR as f64).round() as usize;
        let filled = filled.min(BAR);
        let said = lang.tr(
            "fetch-progress",
            &[
                ("done", self.done.into()),
                ("feeds", self.feeds.into()),
                ("articles", done.into()),
                ("total", total.into()),
            ],
        );
        let bar = format!(
            "[{}{}] {said}",
            "#".repeat(filled),
            "-".repeat(BAR - filled)
        );
        let width = crossterm::terminal::size().map_or(80, |(w, _)| usize::from(w));
        text::truncate(&bar, width.saturating_sub(1))
    }
}
