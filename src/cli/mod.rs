//! The command line: arguments, and the commands that print instead of opening the reader.

mod args;
mod bookmarks;
mod cache;
mod completions;
mod feed;
mod fetch;
mod list;
mod open;
mod output;
mod search;
mod show;

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

pub use args::{Cli, Command, misspelt_command};
pub use open::load;

use crate::catalog::CacheUse;
use crate::config;
use crate::i18n::{Lang, Say};
use crate::search::{Options, Query, Words};
use crate::store;
use crate::text;
use crate::tui;
use args::{parse_lang, sensitivity};
use bookmarks::bookmarks_command;
#[cfg(debug_assertions)]
use bookmarks::stress_bookmarks;
use cache::cache_command;
use list::{list, list_ids};
use open::{default_folder, open};
use search::{load_for_search, report_damaged, search_command};
use show::show;

/// Runs what the command line asks for with the config `loaded` (from the same words, by
/// [`before_parsing`]); the exit code says whether a search found anything.
pub fn run(cli: Cli, loaded: config::Loaded) -> anyhow::Result<ExitCode> {
    let cache = if cli.no_cache {
        CacheUse::Bypass
    } else {
        CacheUse::Platform
    };
    // A file named with --config is one the user means: not there, nothing runs (the default
    // file, when missing, only means no settings).
    if let Some(file) = cli.config.as_deref()
        && !loaded.found
    {
        anyhow::bail!(lang_of(&cli, &loaded).tr(
            "cli-config-missing",
            &[("path", file.display().to_string().into())],
        ));
    }
    let interactive = cli.command.is_none() && io::stdout().is_terminal();
    let prints_config = matches!(cli.command, Some(Command::Config { .. }));
    let lang = lang_of(&cli, &loaded);
    open::set_quiet(cli.quiet);
    if !interactive && !prints_config {
        for problem in &loaded.problems {
            eprintln!("docbao: {}", problem.say(lang));
        }
    }
    // A folder named on the command line, else the config's.
    let chosen = |path: Option<PathBuf>| path.or_else(|| loaded.config.folder.clone());
    match cli.command {
        None if interactive => {
            let dir = store::data_dir(cli.data_dir.as_deref());
            let path = chosen(cli.path);
            let folder = path.as_deref().or_else(default_folder);
            let notices = loaded.problems.iter().map(|p| p.say(lang)).collect();
            for notice in tui::run(folder, cache, dir, &loaded.config, lang, notices)? {
                // The terminal may be gone (SIGHUP): nothing left to tell then.
                let _ = writeln!(io::stderr(), "docbao: {notice}");
            }
        }
        None => list(
            &open(chosen(cli.path).as_deref(), cache, lang)?.catalog,
            false,
            lang,
        )?,
        Some(Command::List { path, json, ids }) => {
            let catalog = open(chosen(path).as_deref(), cache.clone(), lang)?.catalog;
            match ids {
                true => list_ids(&catalog)?,
                false => list(&catalog, json, lang)?,
            }
        }
        Some(Command::Config { default }) => {
            let mut out = io::stdout().lock();
            if default {
                write!(out, "{}", config::default_file(lang))?;
            } else {
                write!(out, "{}", config::effective(&loaded, lang))?;
                for problem in &loaded.problems {
                    eprintln!("docbao: {}", problem.say(lang));
                }
            }
        }
        Some(Command::Completions { shell }) => {
            io::stdout()
                .lock()
                .write_all(completions::completions(shell).as_bytes())?;
        }
        Some(Command::Man) => {
            let command = <Cli as clap::CommandFactory>::command();
            let keymap = &loaded.config.keymap;
            io::stdout()
                .lock()
                .write_all(&crate::manual::page(command, keymap)?)?;
        }
        Some(Command::Show {
            article,
            path,
            width,
        }) => show(
            &article,
            chosen(path).as_deref(),
            width.map(usize::from),
            loaded.config.text_width,
            (cache, lang),
        )?,
        Some(Command::Cache { path, clear }) => {
            cache_command(chosen(path).as_deref(), clear, lang)?
        }
        #[cfg(debug_assertions)]
        Some(Command::StressBookmarks { count }) => {
            let dir = store::data_dir(cli.data_dir.as_deref())?;
            stress_bookmarks(&dir, count)?;
        }
        Some(Command::Feed { action }) => {
            let dir = store::data_dir(cli.data_dir.as_deref())?;
            feed::feed_command(action, &dir, lang)?;
        }
        Some(Command::Fetch { feeds, into }) => {
            let dir = store::data_dir(cli.data_dir.as_deref())?;
            let archive = into
                .or_else(|| loaded.config.folder.clone())
                .or_else(|| default_folder().map(PathBuf::from));
            let Some(archive) = archive else {
                anyhow::bail!(lang.t("fetch-no-folder"));
            };
            return fetch::fetch_command(&feeds, &archive, &dir, lang);
        }
        Some(Command::Bookmarks { json, markdown }) => {
            let dir = store::data_dir(cli.data_dir.as_deref())?;
            bookmarks_command(&dir, json, markdown, lang)?;
        }
        Some(Command::Search {
            query,
            path,
            json,
            case_sensitive,
            ignore_case,
            accent_sensitive,
            ignore_accents,
            word,
            anywhere,
            stats,
        }) => {
            let defaults = loaded.config.search;
            let options = Options {
                case: sensitivity(case_sensitive, ignore_case, defaults.case),
                accents: sensitivity(accent_sensitive, ignore_accents, defaults.accents),
                words: match (word, anywhere) {
                    (true, _) => Words::Whole,
                    (_, true) => Words::Anywhere,
                    _ => defaults.words,
                },
            };
            let query = Query::new(&query, options);
            let path = chosen(path);
            let started = std::time::Instant::now();
            let sifted = load_for_search(path.as_deref(), cache.clone(), &query, lang)?;
            let opened_in = started.elapsed();
            let found = search_command(&sifted.catalog, &query, json, lang)?;
            report_damaged(&sifted.catalog, path.as_deref(), &cache, lang);
            if stats {
                let ms = |d: std::time::Duration| format!("{:.1}", d.as_secs_f64() * 1e3);
                let stats = lang.tr(
                    "cli-stats",
                    &[
                        ("files", text::thousands(sifted.files).into()),
                        ("parsed", text::thousands(sifted.parsed).into()),
                        ("size", text::byte_size(sifted.bytes).into()),
                        ("opened", ms(opened_in).into()),
                        ("searched", ms(started.elapsed() - opened_in).into()),
                    ],
                );
                eprintln!("docbao: {stats}");
            }
            return Ok(if found {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            });
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// An error as the user reads it, in a language: the catalog's and the stores' errors are
/// said in it; any other as it is, with its context.
pub fn say_error(err: &anyhow::Error, lang: Lang) -> String {
    if let Some(err) = err.downcast_ref::<crate::catalog::CatalogError>() {
        return err.say(lang);
    }
    if let Some(err) = err.downcast_ref::<crate::store::StoreError>() {
        return err.say(lang);
    }
    format!("{err:#}")
}

/// What is known before the command line is parsed, from its words alone: the config file
/// (`--config`, else the platform's), read once for the whole run, and the language for
/// what is said (`--lang` if it is given and right, else the config's, else the locale's).
pub fn before_parsing(args: &[std::ffi::OsString]) -> (config::Loaded, Lang) {
    let words: Vec<String> = args
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let value = |flag: &str| {
        words.iter().enumerate().find_map(|(i, w)| {
            w.strip_prefix(&format!("{flag}="))
                .map(str::to_owned)
                .or_else(|| (w == flag).then(|| words.get(i + 1).cloned()).flatten())
        })
    };
    let file = value("--config").map(PathBuf::from);
    let loaded = config::load(file.as_deref());
    let lang = value("--lang")
        .and_then(|v| parse_lang(&v))
        .or(loaded.config.language)
        .unwrap_or_else(Lang::from_env);
    (loaded, lang)
}

/// The language to speak: `--lang`, else the config's, else the environment's.
fn lang_of(cli: &Cli, loaded: &config::Loaded) -> Lang {
    cli.lang
        .or(loaded.config.language)
        .unwrap_or_else(Lang::from_env)
}
