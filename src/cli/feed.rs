//! `docbao feed …`: subscribing to feeds, unsubscribing, listing them, and OPML in and out.

use std::io::Write;
use std::path::Path;

use clap::Subcommand;

use crate::feeds::http::{Answer, Client, Limits, Validators};
use crate::feeds::{self, Feed, items, opml};
use crate::i18n::{Lang, Say};

/// What `docbao feed` does.
#[derive(Debug, Subcommand)]
pub enum FeedCommand {
    /// Subscribe to a feed (RSS, Atom or JSON Feed), or to the feed a web page names.
    Add {
        /// The feed's address, or a page's that names its feed.
        url: String,
        /// The archive folder (and list section) its articles go into [default: the
        /// feed's title].
        #[arg(long, value_name = "NAME")]
        section: Option<String>,
        /// What to call it [default: the feed's title].
        #[arg(long, value_name = "NAME")]
        name: Option<String>,
    },
    /// Unsubscribe from a feed, named by its name, section or address (its articles stay).
    Remove {
        /// The feed.
        feed: String,
    },
    /// List the feeds: name, section, address, last fetch, new articles, last error.
    List {
        /// Print a JSON array instead.
        #[arg(long)]
        json: bool,
    },
    /// Subscribe to every feed an OPML file lists (its outlines as sections).
    Import {
        /// The OPML file.
        file: std::path::PathBuf,
    },
    /// Print the subscriptions as OPML 2.0.
    Export,
}

/// Runs a `docbao feed` command with the subscriptions of data folder `dir`.
pub(super) fn feed_command(command: FeedCommand, dir: &Path, lang: Lang) -> anyhow::Result<()> {
    let loaded = feeds::load(dir)?;
    if let Some(aside) = &loaded.set_aside {
        eprintln!(
            "docbao: {}",
            lang.tr(
                "feeds-set-aside",
                &[("path", aside.display().to_string().into())]
            )
        );
    }
    let mut out = std::io::stdout().lock();
    match command {
        FeedCommand::Add { url, section, name } => {
            let named = name.is_some();
            let (mut feed, unreachable) = subscribe(&url, name, section, lang)?;
            let added = feeds::update(dir, |subscriptions| {
                if let Some(existing) = subscriptions.at_address(&feed.url) {
                    let existing = &subscriptions.feeds[existing].name;
                    return Err(lang.tr("feed-already", &[("name", existing.clone().into())]));
                }
                if let Some(other) = subscriptions.named(&feed.name) {
                    if named {
                        return Err(lang.tr(
                            "feed-name-taken",
                            &[
                                ("name", other.name.clone().into()),
                                ("url", other.url.clone().into()),
                            ],
                        ));
                    }
                    // A name docbao chose: numbered, as an import does.
                    feed.name = unique_name(subscriptions, &feed.name);
                }
                subscriptions.feeds.push(feed.clone());
                Ok(())
            })?;
            if let Err(why) = added {
                anyhow::bail!(why);
            }
            if let Some(why) = unreachable {
                eprintln!(
                    "docbao: {}",
                    lang.tr(
                        "feed-unreachable",
                        &[("url", url.into()), ("why", why.into())]
                    )
                );
            }
            let said = lang.tr(
                "feed-added",
                &[
                    ("name", feed.name.clone().into()),
                    ("section", feed.section.clone().into()),
                ],
            );
            writeln!(out, "{said}")?;
        }
        FeedCommand::Remove { feed } => {
            let removed = feeds::update(dir, |subscriptions| {
                match subscriptions.matching(&feed)[..] {
                    [one] => Ok(subscriptions.feeds.remove(one)),
                    [] => Err(lang.tr("feed-unknown", &[("name", feed.clone().into())])),
                    ref several => {
                        // A section of several feeds: which one is for the user to say.
                        let names: Vec<&str> = several
                            .iter()
                            .map(|&i| subscriptions.feeds[i].name.as_str())
                            .collect();
                        Err(lang.tr(
                            "feed-ambiguous",
                            &[
                                (
                                    "section",
                                    subscriptions.feeds[several[0]].section.clone().into(),
                                ),
                                ("names", names.join(", ").into()),
                            ],
                        ))
                    }
                }
            })?;
            match removed {
                Ok(gone) => writeln!(
                    out,
                    "{}",
                    lang.tr("feed-removed", &[("name", gone.name.into())])
                )?,
                Err(why) => anyhow::bail!(why),
            }
        }
        FeedCommand::List { json } => {
            let all = loaded.value.feeds;
            if json {
                serde_json::to_writer_pretty(&mut out, &all)?;
                writeln!(out)?;
            } else if all.is_empty() {
                eprintln!("docbao: {}", lang.t("feed-none"));
            } else {
                for feed in &all {
                    list_one(&mut out, feed, lang)?;
                }
            }
        }
        FeedCommand::Import { file } => {
            let text = std::fs::read_to_string(&file).map_err(|err| {
                anyhow::anyhow!("{}: {}", file.display(), crate::io_error::describe_io(&err))
            })?;
            let listed =
                opml::read(&text).map_err(|err| anyhow::anyhow!("{}: {err}", file.display()))?;
            let (added, known) = feeds::update(dir, |subscriptions| {
                let (mut added, mut known) = (0, 0);
                for entry in listed {
                    if subscriptions.at_address(&entry.url).is_some() {
                        known += 1;
                        continue;
                    }
                    let name =
                        feeds::clean_name(&entry.name.unwrap_or_else(|| address_name(&entry.url)));
                    let name = unique_name(subscriptions, &name);
                    let section = feeds::folder_name(entry.section.as_deref().unwrap_or(&name));
                    subscriptions
                        .feeds
                        .push(Feed::new(&entry.url, &name, &section));
                    added += 1;
                }
                (added, known)
            })?;
            writeln!(
                out,
                "{}",
                lang.tr(
                    "feed-imported",
                    &[("added", added.into()), ("known", known.into())]
                )
            )?;
        }
        FeedCommand::Export => {
            out.write_all(opml::write(&loaded.value.feeds).as_bytes())?;
        }
    }
    Ok(())
}

/// `name`, or, when a feed is called that already, `name 2`, `name 3` …: two feeds of one name
/// would be one to `fetch NAME` and `remove NAME`.
fn unique_name(subscriptions: &feeds::Subscriptions, name: &str) -> String {
    let mut unique = name.to_owned();
    let mut n = 2;
    while subscriptions.named(&unique).is_some() {
        unique = format!("{name} {n}");
        n += 1;
    }
    unique
}

/// A new subscription to `url`: the feed is fetched once to name it (and found from a page
/// that names it); one that cannot be reached now is added all the same, named by its address,
/// with why it could not be reached.
fn subscribe(
    url: &str,
    name: Option<String>,
    section: Option<String>,
    lang: Lang,
) -> anyhow::Result<(Feed, Option<String>)> {
    let url = url.trim();
    if url::Url::parse(url).map_or(true, |u| !matches!(u.scheme(), "http" | "https")) {
        anyhow::bail!(lang.tr("feed-bad-address", &[("url", url.into())]));
    }
    let client = Client::new(Limits::from_env());
    let mut unreachable = None;
    let (address, title) = match client.get(url, &Validators::default()) {
        Ok(Answer::Fetched(fetched)) => match items::parse(&fetched.body) {
            Ok(parsed) => (url.to_owned(), parsed.title),
            Err(failure) => {
                let (page, _) = crate::catalog::html::decode_page(
                    &fetched.body,
                    fetched.content_type.as_deref(),
                );
                let named = items::discover(&page, &fetched.address);
                let Some(found) = named.first() else {
                    if let feeds::Failure::NotFeed { page: true, .. } = failure {
                        anyhow::bail!(lang.tr("feed-page-names-none", &[("url", url.into())]));
                    }
                    anyhow::bail!(lang.tr(
                        "feed-not-a-feed",
                        &[("url", url.into()), ("why", failure.say(lang).into())]
                    ));
                };
                eprintln!(
                    "docbao: {}",
                    lang.tr("feed-found-in-page", &[("url", found.clone().into())])
                );
                let title = match client.get(found, &Validators::default()) {
                    Ok(Answer::Fetched(feed)) => {
                        items::parse(&feed.body).ok().and_then(|p| p.title)
                    }
                    _ => None,
                };
                (found.clone(), title)
            }
        },
        Ok(Answer::NotModified) => (url.to_owned(), None),
        Err(failure) => {
            unreachable = Some(failure.say(lang));
            (url.to_owned(), None)
        }
    };
    let name = feeds::clean_name(&name.or(title).unwrap_or_else(|| address_name(&address)));
    let section = feeds::folder_name(section.as_deref().unwrap_or(&name));
    Ok((Feed::new(&address, &name, &section), unreachable))
}

/// A name for a feed that names itself nothing: its host and path, without the scheme.
fn address_name(address: &str) -> String {
    match url::Url::parse(address) {
        Ok(u) => {
            let host = u.host_str().unwrap_or_default();
            format!("{host}{}", u.path().trim_end_matches('/'))
        }
        Err(_) => address.to_owned(),
    }
}

/// One feed of `feed list`: its name and section, its address, its last fetch, its error.
fn list_one(out: &mut impl Write, feed: &Feed, lang: Lang) -> std::io::Result<()> {
    writeln!(out, "{}  [{}]", feed.name, feed.section)?;
    writeln!(out, "  {}", feed.url)?;
    let fetched = match &feed.last_fetch {
        Some(when) if feed.last_error.is_some() && feed.last_new == 0 => lang.tr(
            "feed-last-tried",
            &[("when", when.replace('T', " ").into())],
        ),
        Some(when) => lang.tr(
            "feed-last-fetch",
            &[
                ("when", when.replace('T', " ").into()),
                ("count", feed.last_new.into()),
            ],
        ),
        None => lang.t("feed-never-fetched"),
    };
    writeln!(out, "  {fetched}")?;
    if let Some(error) = &feed.last_error {
        writeln!(
            out,
            "  {}",
            lang.tr("feed-last-error", &[("error", error.say(lang).into())])
        )?;
    }
    Ok(())
}
