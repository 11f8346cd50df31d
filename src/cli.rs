//! The command line: arguments, and the commands that print instead of opening the reader.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::builder::TypedValueParser;
use clap::{Parser, Subcommand};

use crate::bookmarks::{Bookmark, BookmarkStore};
use crate::catalog::{self, CacheUse, Catalog, Entry, Lookup, Opened, Sifted, cache};
use crate::config;
use crate::i18n::{Lang, Say};
use crate::page::Page;
use crate::search::{self, Options, Query, Sensitivity, Words};
use crate::store;
use crate::text;
use crate::tui;

/// Width `show` lays out at when it cannot ask a terminal.
const DEFAULT_WIDTH: u16 = 80;

/// Columns of a line `search` prints around a match at most, as ripgrep's
/// `--max-columns-preview` does: a long paragraph is one line.
const PREVIEW_COLUMNS: usize = 200;

/// Read a folder of news articles in the terminal.
#[derive(Debug, Parser)]
#[command(name = "docbao", version, about)]
pub struct Cli {
    /// What to do; with none, open the reader.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Folder or file to read [default: ./articles if it exists, else the bundled articles]
    pub path: Option<PathBuf>,
    /// Where bookmarks and reading state are kept [default: $DOCBAO_DATA_DIR, else the
    /// platform's data directory, $XDG_DATA_HOME/docbao on Linux]
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Neither read nor write the catalog cache: read every file
    #[arg(long, global = true)]
    pub no_cache: bool,
    /// The config file to read [default: $XDG_CONFIG_HOME/docbao/config.toml on Linux]
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// The interface's language: en or vi [default: the config's, else from LC_ALL,
    /// LC_MESSAGES or LANG]
    #[arg(
        long,
        global = true,
        value_name = "LANG",
        ignore_case = true,
        value_parser = clap::builder::PossibleValuesParser::new(["en", "vi"])
            .map(|name: String| parse_lang(&name).unwrap_or_default())
    )]
    pub lang: Option<Lang>,
}

/// The language `--lang` names: `en` or `vi`, in any case.
fn parse_lang(name: &str) -> Option<Lang> {
    Lang::ALL
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, l)| *l)
}

/// The commands besides opening the reader.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the articles, one a line: date, title, id.
    List {
        /// Folder or file to list [default: as for the reader]
        path: Option<PathBuf>,
        /// Print a JSON array of {id, path, title, date, words, warnings} instead.
        #[arg(long)]
        json: bool,
    },
    /// Print an article as the reading pane lays it out, as plain text.
    Show {
        /// The article: its id (its path from the folder, without the extension), or its file.
        article: String,
        /// Folder to look the id up in [default: as for the reader]
        path: Option<PathBuf>,
        /// Columns to lay out at [default: the terminal's width, else 80]
        #[arg(long, value_parser = clap::value_parser!(u16).range(1..))]
        width: Option<u16>,
    },
    /// Print every bookmark: quote, note and article.
    Bookmarks {
        /// Print a JSON array of the bookmarks as stored.
        #[arg(long, conflicts_with = "markdown")]
        json: bool,
        /// Print Markdown grouped by article, for pasting into notes.
        #[arg(long)]
        markdown: bool,
    },
    /// Say where the catalog cache of a folder is and how big, or remove it.
    Cache {
        /// The folder [default: as for the reader]
        path: Option<PathBuf>,
        /// Remove the folder's cache (it is rebuilt the next time the folder is opened).
        #[arg(long)]
        clear: bool,
    },
    /// Print the config file's path and the settings in force.
    Config {
        /// Print a commented config file with every default, to start from.
        #[arg(long)]
        default: bool,
    },
    /// Print a completion script for a shell.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), with the keys and the files docbao reads and writes.
    Man,
    /// Add bookmarks one by one, printing each id once it is saved (for the fault tests).
    #[command(hide = true)]
    StressBookmarks {
        /// How many to add.
        count: usize,
    },
    /// Search every article: one match a line, `id:line:column: text` (exit 1 when none).
    Search {
        /// What to look for; without capitals or accents it ignores them (smart case and accents).
        query: String,
        /// Folder or file to search [default: as for the reader]
        path: Option<PathBuf>,
        /// Print a JSON array of {id, title, line, column, start, end, text} instead.
        #[arg(long)]
        json: bool,
        /// Tell upper and lower case apart, whatever the query.
        #[arg(short = 's', long, conflicts_with = "ignore_case")]
        case_sensitive: bool,
        /// Never tell upper and lower case apart.
        #[arg(short = 'i', long)]
        ignore_case: bool,
        /// Tell letters with and without accents apart, whatever the query.
        #[arg(long, conflicts_with = "ignore_accents")]
        accent_sensitive: bool,
        /// Never tell letters with and without accents apart.
        #[arg(long)]
        ignore_accents: bool,
        /// Match whole words only (by default a match starts at a word start and its last
        /// word may be the start of one).
        #[arg(short = 'w', long, conflicts_with = "anywhere")]
        word: bool,
        /// Match anywhere, inside words too.
        #[arg(long)]
        anywhere: bool,
        /// Print on stderr how long reading and searching took.
        #[arg(long)]
        stats: bool,
    },
}

/// The three-way setting from a pair of opposite flags, else the config's.
fn sensitivity(on: bool, off: bool, default: Sensitivity) -> Sensitivity {
    match (on, off) {
        (true, _) => Sensitivity::On,
        (_, true) => Sensitivity::Off,
        _ => default,
    }
}

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
        Some(Command::List { path, json }) => list(
            &open(chosen(path).as_deref(), cache.clone(), lang)?.catalog,
            json,
            lang,
        )?,
        Some(Command::Config { default }) => {
            let mut out = io::stdout().lock();
            if default {
                write!(out, "{}", config::default_file())?;
            } else {
                write!(out, "{}", config::effective(&loaded))?;
                for problem in &loaded.problems {
                    eprintln!("docbao: {}", problem.say(lang));
                }
            }
        }
        Some(Command::Completions { shell }) => {
            let mut command = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut command, "docbao", &mut io::stdout().lock());
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
        Some(Command::StressBookmarks { count }) => {
            let dir = store::data_dir(cli.data_dir.as_deref())?;
            stress_bookmarks(&dir, count)?;
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

/// Says how many articles were found damaged in the cache (and read from their files), and
/// drops them from it so that the next run stores them anew.
fn report_damaged(catalog: &Catalog, path: Option<&Path>, cache: &CacheUse, lang: Lang) {
    let damaged = catalog.damaged().len();
    if damaged == 0 {
        return;
    }
    let root = path.or_else(default_folder);
    let dropped = root
        .zip(cache.dir(catalog.folder()))
        .map(|(root, dir)| catalog.drop_damaged(&dir, catalog::root_of(root)));
    let then = match dropped {
        Some(Ok(_)) => lang.t("cli-damaged-stored-anew"),
        Some(Err(_)) | None => lang.t("cli-damaged-clear"),
    };
    let said = lang.tr(
        "cli-damaged",
        &[("count", damaged.into()), ("then", then.into())],
    );
    eprintln!("docbao: {said}");
}

/// The folder opened without a path: `./articles` if it exists, else none (the bundled
/// articles).
fn default_folder<'a>() -> Option<&'a Path> {
    Some(Path::new("articles")).filter(|p| p.is_dir())
}

/// Opens the catalog at `path`, or `./articles`, or the bundled articles, in that order,
/// through the cache unless told not to.
pub fn load(path: Option<&Path>, cache: CacheUse) -> anyhow::Result<Catalog> {
    Ok(open(path, cache, Lang::En)?.catalog)
}

/// Opens the folder as [`load`] does, saying how many files were read and parsed, and what
/// it must say in `lang`.
fn open(path: Option<&Path>, cache: CacheUse, lang: Lang) -> anyhow::Result<Opened> {
    let opened = match path.or_else(default_folder) {
        Some(path) => {
            let opened = Catalog::open_cached(path, cache)?;
            if let Some(note) = &opened.note {
                eprintln!("docbao: {}", note.say(lang));
            }
            opened
        }
        None => {
            let catalog = Catalog::bundled();
            let parsed = catalog.entries().len();
            Opened {
                catalog,
                note: None,
                parsed,
            }
        }
    };
    let catalog = &opened.catalog;
    if catalog.entries().is_empty() && catalog.problems().is_empty() {
        no_articles(catalog, lang);
    }
    Ok(opened)
}

/// Opens what `docbao search` looks in: through the cache as [`load`] does, or, with no cache,
/// reading whole only the files that may hold a match (a plain text file whose fold has none
/// is left out: it would print nothing).
fn load_for_search(
    path: Option<&Path>,
    cache: CacheUse,
    query: &Query,
    lang: Lang,
) -> anyhow::Result<Sifted> {
    let sifted = match (path.or_else(default_folder), &cache) {
        (Some(path), CacheUse::Bypass) => {
            let sieve = search::FileSieve::new(query);
            let sifted = Catalog::open_sifted(path, &|bytes| sieve.may_match(bytes))?;
            if sifted.files == 0 && sifted.catalog.problems().is_empty() {
                no_articles(&sifted.catalog, lang);
            }
            sifted
        }
        _ => {
            let opened = open(path, cache, lang)?;
            Sifted {
                files: opened.catalog.entries().len() + opened.catalog.problems().len(),
                bytes: opened.catalog.entries().iter().map(|e| e.stamp.size).sum(),
                parsed: opened.parsed,
                catalog: opened.catalog,
            }
        }
    };
    Ok(sifted)
}

/// Says on stderr that a folder has no articles, and which files docbao reads.
fn no_articles(catalog: &Catalog, lang: Lang) {
    let folder = lang.origin(catalog.origin());
    eprintln!(
        "docbao: {}",
        lang.tr("cli-no-articles", &[("folder", folder.into())])
    );
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

/// The command meant when the first word of `args` (after the program) is no command and no
/// file but close to a command's name, as in `docbao serach WORD` or `docbao bookmark`.
pub fn misspelt_command(args: &[std::ffi::OsString]) -> Option<(String, String)> {
    use clap::CommandFactory;
    let command = Cli::command();
    let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
    let typed = loop {
        let word = words.next()?;
        match word.as_ref() {
            // Options that take a value: skip the value too.
            "--data-dir" | "--config" | "--lang" => {
                words.next();
            }
            w if w.starts_with('-') => {}
            w => break w.to_owned(),
        }
    };
    let names: Vec<String> = command
        .get_subcommands()
        .filter(|c| !c.is_hide_set())
        .map(|c| c.get_name().to_owned())
        .collect();
    if names.contains(&typed) || Path::new(&typed).exists() {
        return None;
    }
    let close = names
        .into_iter()
        .find(|name| strsim::jaro(name, &typed) > 0.8)?;
    Some((typed, close))
}

/// One article as `docbao list --json` prints it.
#[derive(Debug, serde::Serialize)]
struct ListEntry<'a> {
    id: &'a str,
    path: String,
    title: &'a str,
    date: Option<String>,
    words: usize,
    warnings: Vec<String>,
}

impl<'a> From<&'a Entry> for ListEntry<'a> {
    fn from(article: &'a Entry) -> Self {
        ListEntry {
            id: &article.id,
            path: article.path.display().to_string(),
            title: &article.title,
            date: article.date.map(|d| d.to_string()),
            words: article.words,
            warnings: article.warnings.iter().map(|w| w.say(Lang::En)).collect(),
        }
    }
}

fn list(catalog: &Catalog, json: bool, lang: Lang) -> anyhow::Result<()> {
    report_problems(catalog, lang);
    let mut out = String::new();
    if json {
        let entries: Vec<ListEntry> = catalog.entries().iter().map(ListEntry::from).collect();
        out = serde_json::to_string_pretty(&entries).context("cannot write JSON")?;
        out.push('\n');
    } else {
        // Dates and "undated" as wide as the wider of the two, so that the titles line up.
        let undated = lang.t("undated");
        let column = text::str_width(&undated).max("2025-01-01".len());
        for article in catalog.entries() {
            let date = article
                .date
                .map_or_else(|| undated.clone(), |d| d.to_string());
            let date = text::fit(&date, column);
            out.push_str(&format!("{date}  {}  {}\n", article.title, article.id));
        }
    }
    print(&out)
}

/// Prints an article laid out at `width` columns, else the terminal's up to `text_width`.
fn show(
    key: &str,
    path: Option<&Path>,
    width: Option<usize>,
    text_width: u16,
    (cache, lang): (CacheUse, Lang),
) -> anyhow::Result<()> {
    let as_path = Path::new(key);
    let catalog = if path.is_none() && as_path.is_file() {
        Catalog::open(as_path)?
    } else {
        open(path, cache, lang)?.catalog
    };
    let article = match catalog.lookup(key) {
        Lookup::Found(index) => {
            let article = catalog
                .article(index)
                .map_err(|p| anyhow::anyhow!(p.say(lang)))?;
            for warning in &article.warnings {
                let warning = warning.say(lang);
                eprintln!("docbao: {}: {warning}", article.path.display());
            }
            article
        }
        Lookup::Ambiguous(ids) => bail!(lang.tr(
            "cli-ambiguous",
            &[
                ("key", format!("{key:?}").into()),
                ("count", ids.len().into()),
                ("folder", lang.origin(catalog.origin()).into()),
                ("ids", ids.join(", ").into()),
            ]
        )),
        Lookup::Missing => {
            // A file that was skipped says why; any other id is simply not there.
            let skipped = catalog
                .problems()
                .iter()
                .find(|p| p.path.ends_with(key) || p.path.with_extension("").ends_with(key));
            if let Some(problem) = skipped {
                bail!(lang.tr(
                    "cli-cannot-show",
                    &[
                        ("key", format!("{key:?}").into()),
                        ("problem", problem.say(lang).into())
                    ]
                ));
            }
            bail!(lang.tr(
                "cli-no-article",
                &[
                    ("key", format!("{key:?}").into()),
                    ("folder", lang.origin(catalog.origin()).into())
                ]
            ));
        }
    };
    // Body text is capped at the text width, as in the reader, whatever the columns asked.
    let width = width
        .unwrap_or_else(terminal_width)
        .min(usize::from(text_width));
    print(&Page::layout_in(&article, width, lang).to_plain_text())
}

/// One match as `docbao search --json` prints it.
#[derive(Debug, serde::Serialize)]
struct SearchHit<'a> {
    id: &'a str,
    title: &'a str,
    line: usize,
    column: usize,
    start: usize,
    end: usize,
    text: String,
}

/// Prints every match in the catalog; returns whether there was any.
fn search_command(
    catalog: &Catalog,
    query: &Query,
    json: bool,
    lang: Lang,
) -> anyhow::Result<bool> {
    report_problems(catalog, lang);
    if query.is_empty() {
        bail!(lang.t("cli-empty-query"));
    }
    let mark = io::stdout().is_terminal();
    let mut hits = Vec::new();
    let mut count = 0;
    let mut out = String::new();
    let found = search::find_everywhere(catalog, query);
    for ((index, article), ranges) in catalog.entries().iter().enumerate().zip(found) {
        if ranges.is_empty() {
            continue;
        }
        // The text as the catalog stored it, or read again when it was not.
        let text = match article.stored().and_then(|s| s.text()) {
            Some(read) => read.text,
            None => {
                let read = catalog
                    .article(index)
                    .map_err(|p| anyhow::anyhow!(p.say(lang)))?;
                std::borrow::Cow::Owned(read.text)
            }
        };
        let mut lines = search::Lines::new(&text);
        for range in ranges {
            count += 1;
            let at = lines.locate(range.start);
            if json {
                hits.push(SearchHit {
                    id: &article.id,
                    title: &article.title,
                    line: at.line,
                    column: at.column,
                    start: range.start,
                    end: range.end,
                    text: text[range].to_owned(),
                });
                continue;
            }
            // A match that runs past its line is shown to the end of the line.
            let end = range.end.min(at.bounds.end);
            let line = &text[at.bounds.clone()];
            let local = range.start - at.bounds.start..end - at.bounds.start;
            let (before, matched, after) = text::snippet::around(line, local, PREVIEW_COLUMNS);
            let matched = if mark {
                format!("\x1b[1;31m{matched}\x1b[0m")
            } else {
                matched.to_owned()
            };
            out.push_str(&format!(
                "{}:{}:{}: {before}{matched}{after}\n",
                article.id, at.line, at.column
            ));
        }
    }
    if json {
        out = serde_json::to_string_pretty(&hits).context("cannot write JSON")?;
        out.push('\n');
    }
    print(&out)?;
    Ok(count > 0)
}

/// Prints the bookmarks kept in `dir`: plain, JSON or Markdown.
fn bookmarks_command(dir: &Path, json: bool, markdown: bool, lang: Lang) -> anyhow::Result<()> {
    let store = BookmarkStore::open(dir)?;
    if let Some(notice) = &store.notice {
        eprintln!("docbao: {}", notice.say(lang));
    }
    let all = store.all();
    if all.is_empty() && !json {
        // Nothing on standard output, for scripts; a word for the person.
        eprintln!("docbao: {}", lang.t("cli-no-bookmarks"));
        return Ok(());
    }
    let out = if json {
        let mut out = serde_json::to_string_pretty(&all).context("cannot write JSON")?;
        out.push('\n');
        out
    } else if markdown {
        bookmarks_markdown(&all)
    } else {
        bookmarks_plain(&all, terminal_width())
    };
    print(&out)
}

/// Bookmarks as a person reads them: under each article's title, the whole quote wrapped to
/// `width`, a paragraph at a time, then the note, the article's id and when it was made.
fn bookmarks_plain(all: &[&Bookmark], width: usize) -> String {
    const INDENT: &str = "    ";
    let room = width.saturating_sub(INDENT.len() + 1).max(20);
    let mut out = String::new();
    for b in all {
        let title = if b.title.is_empty() {
            &b.article
        } else {
            &b.title
        };
        out.push_str(title);
        out.push('\n');
        let quote = b.shown_quote();
        let paragraphs = quote_paragraphs(&quote);
        for (i, paragraph) in paragraphs.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            let rows = text::wrap(&paragraph.replace('\n', " "), room);
            let last = rows.len().saturating_sub(1);
            for (k, row) in rows.iter().enumerate() {
                let open = if i == 0 && k == 0 { "“" } else { " " };
                let close = if i + 1 == paragraphs.len() && k == last {
                    "”"
                } else {
                    ""
                };
                out.push_str(&format!("{INDENT}{open}{row}{close}\n"));
            }
        }
        if !b.note.is_empty() {
            for (k, row) in text::wrap(&b.note, room.saturating_sub(2))
                .iter()
                .enumerate()
            {
                let lead = if k == 0 { "— " } else { "  " };
                out.push_str(&format!("{INDENT}{lead}{row}\n"));
            }
        }
        out.push_str(&format!("{INDENT}{} · {}\n\n", b.article, b.created));
    }
    out
}

/// Columns of the terminal standard output goes to, else 80.
fn terminal_width() -> usize {
    let width = if io::stdout().is_terminal() {
        crossterm::terminal::size().map_or(DEFAULT_WIDTH, |(w, _)| w)
    } else {
        DEFAULT_WIDTH
    };
    usize::from(width)
}

/// Adds `count` bookmarks of the bundled articles, printing each id after its save returned, so
/// that a test can kill this process at any point and check that no printed id was lost.
fn stress_bookmarks(dir: &Path, count: usize) -> anyhow::Result<()> {
    let catalog = Catalog::bundled();
    let mut store = BookmarkStore::open(dir)?;
    let mut stdout = io::stdout().lock();
    for i in 0..count {
        let count = catalog.entries().len();
        let article = catalog
            .article(i % count)
            .map_err(|p| anyhow::anyhow!(p.say(Lang::En)))?;
        let article = &article;
        let block = &article.blocks[i % article.blocks.len()];
        let bookmark = Bookmark::new(catalog.folder(), article, block.range.clone());
        let id = bookmark.id.clone();
        store.apply(crate::bookmarks::Change::Add(bookmark))?;
        writeln!(stdout, "{id}").and_then(|()| stdout.flush())?;
    }
    Ok(())
}

/// Prints where the catalog cache of a folder is and how big it is, or removes it.
fn cache_command(path: Option<&Path>, clear: bool, lang: Lang) -> anyhow::Result<()> {
    let Some(folder) = path.or_else(default_folder) else {
        bail!(lang.t("cli-cache-bundled"));
    };
    let shown = || folder.display().to_string();
    let meta = std::fs::metadata(folder).map_err(|err| {
        anyhow::anyhow!(lang.tr(
            "cli-cannot-open",
            &[
                ("path", shown().into()),
                ("error", crate::io_error::describe_io(&err).into())
            ]
        ))
    })?;
    if !meta.is_dir() {
        bail!(lang.tr("cli-cache-not-folder", &[("path", shown().into())]));
    }
    let Some(root) = cache::cache_root() else {
        bail!(lang.tr("cli-no-cache-dir", &[("env", cache::CACHE_DIR_ENV.into())]));
    };
    let key = folder
        .canonicalize()
        .unwrap_or_else(|_| folder.to_owned())
        .display()
        .to_string();
    let dir = cache::cache_dir(&root, &key);
    let exists = dir.is_dir();
    if clear {
        if !exists {
            let said = lang.tr("cli-cache-none-to-remove", &[("folder", key.into())]);
            return print(&format!("{said}\n"));
        }
        cache::clear(&dir)?;
        let said = lang.tr(
            "cli-cache-removed",
            &[
                ("folder", key.into()),
                ("dir", dir.display().to_string().into()),
            ],
        );
        return print(&format!("{said}\n"));
    }
    let (files, bytes) = cache::size(&dir);
    if !exists {
        let said = lang.tr(
            "cli-cache-none-yet",
            &[
                ("folder", key.into()),
                ("dir", dir.display().to_string().into()),
            ],
        );
        return print(&format!("{said}\n"));
    }
    let (_, all) = (std::fs::read_dir(&root).into_iter().flatten().flatten())
        .map(|e| cache::size(&e.path()))
        .fold((0, 0), |(n, b), (fs, bs)| (n + fs, b + bs));
    let said = lang.tr(
        "cli-cache-size",
        &[
            ("folder", key.into()),
            ("dir", dir.display().to_string().into()),
            ("files", files.into()),
            ("size", text::byte_size(bytes).into()),
            ("root", root.display().to_string().into()),
            ("all", text::byte_size(all).into()),
        ],
    );
    print(&format!("{said}\n"))
}

/// Bookmarks grouped by article, in the order the list gives articles (newest first, then by
/// title): a heading with title and date, then each quote and note in the order of the text.
fn bookmarks_markdown(all: &[&Bookmark]) -> String {
    let catalog = load(None, CacheUse::Platform).unwrap_or_default();
    let mut articles: Vec<(&str, &str)> = Vec::new();
    for b in all {
        let key = (b.folder.as_str(), b.article.as_str());
        if !articles.contains(&key) {
            articles.push(key);
        }
    }
    let date_of = |folder: &str, id: &str, group: &[&&Bookmark]| {
        group.iter().find_map(|b| b.date.clone()).or_else(|| {
            let (_, article) = catalog.find(id)?;
            let here = catalog.folder() == folder && article.id == id;
            here.then(|| article.date.map(|d| d.to_string())).flatten()
        })
    };
    let mut groups: Vec<(Option<String>, &str, Vec<&&Bookmark>)> = articles
        .into_iter()
        .map(|(folder, id)| {
            let mut group: Vec<&&Bookmark> = all
                .iter()
                .filter(|b| b.folder == folder && b.article == id)
                .collect();
            // Passages in the order the article gives them.
            group.sort_by_key(|b| (b.start, b.end));
            (date_of(folder, id, &group), id, group)
        })
        .collect();
    // Articles in the order the list gives them (in sections, newest first), read from the
    // folders the bookmarks were made in; those not found there after, newest first.
    let mut place: std::collections::HashMap<(String, String), usize> = Default::default();
    let folders: std::collections::BTreeSet<&str> = all.iter().map(|b| b.folder.as_str()).collect();
    for folder in folders {
        let opened = if catalog.folder() == folder {
            None
        } else if Path::new(folder).is_dir() {
            Catalog::open_cached(Path::new(folder), CacheUse::Platform)
                .ok()
                .map(|o| o.catalog)
        } else {
            continue;
        };
        let catalog = opened.as_ref().unwrap_or(&catalog);
        for (position, index) in list_order(catalog).into_iter().enumerate() {
            let id = catalog.entries()[index].id.clone();
            place.insert((folder.to_owned(), id), position);
        }
    }
    groups.sort_by_cached_key(|(date, id, group)| {
        let title = group.first().map_or(*id, |b| b.title.as_str());
        let folder = group.first().map_or("", |b| b.folder.as_str());
        (
            folder.to_owned(),
            place
                .get(&(folder.to_owned(), (*id).to_owned()))
                .copied()
                .unwrap_or(usize::MAX),
            std::cmp::Reverse(date.clone()),
            text::collate::sort_key(title),
            (*id).to_owned(),
        )
    });
    let mut out = String::new();
    for (date, id, group) in groups {
        let title = group.first().map_or(id, |b| b.title.as_str());
        let date = date.map_or_else(String::new, |d| format!(" ({d})"));
        out.push_str(&format!("## {title}{date}\n\n"));
        for b in group {
            let quote = b.shown_quote();
            let paragraphs = quote_paragraphs(&quote);
            out.push_str(
                &paragraphs
                    .iter()
                    .map(|p| format!("> {}\n", p.replace('\n', "\n> ")))
                    .collect::<Vec<_>>()
                    .join(">\n"),
            );
            if !b.note.is_empty() {
                out.push_str(&format!("\n{}\n", b.note));
            }
            out.push('\n');
        }
    }
    out
}

/// The catalog's articles in the order the reader's list shows them: in sections when the
/// folder has subfolders.
fn list_order(catalog: &Catalog) -> Vec<usize> {
    match crate::catalog::sections::group(catalog.entries()) {
        Some(sections) => sections.into_iter().flat_map(|s| s.members).collect(),
        None => (0..catalog.entries().len()).collect(),
    }
}

/// A quote's paragraphs, however many blank lines stood between them.
fn quote_paragraphs(quote: &str) -> Vec<&str> {
    quote
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// Tells the user, on stderr, which files were skipped and why, and which articles were read
/// with a warning.
fn report_problems(catalog: &Catalog, lang: Lang) {
    for problem in catalog.problems() {
        eprintln!("docbao: {}", problem.say(lang));
    }
    for article in catalog.entries() {
        for warning in &article.warnings {
            let warning = warning.say(lang);
            eprintln!("docbao: {}: {warning}", article.path.display());
        }
    }
}

/// Writes to stdout; a closed pipe (`docbao list | head`) is not an error.
fn print(text: &str) -> anyhow::Result<()> {
    let mut stdout = io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(err) if err.kind() != io::ErrorKind::BrokenPipe => {
            Err(err).context("cannot write to standard output")
        }
        _ => Ok(()),
    }
}
