//! The command line's arguments: the options, the commands, and a command's name misspelt.

use std::path::{Path, PathBuf};

use clap::builder::TypedValueParser;
use clap::{Parser, Subcommand};

use crate::i18n::Lang;
use crate::search::Sensitivity;

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
    /// Say nothing of files skipped, articles read with a warning or the cache; errors are
    /// still said
    #[arg(long, short = 'q', global = true)]
    pub quiet: bool,
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
        /// Print only the ids, one a line (what the shell completes `show` with).
        #[arg(long, conflicts_with = "json")]
        ids: bool,
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
    /// Subscribe to news feeds, list them, import or export them (OPML).
    #[command(subcommand_required = true, arg_required_else_help = true)]
    Feed {
        /// What to do with the feeds.
        #[command(subcommand)]
        action: super::feed::FeedCommand,
    },
    /// Fetch every feed (or those named) into the archive folder; exit 2 when one failed.
    Fetch {
        /// The feeds to fetch, by name, section or address [default: all].
        feeds: Vec<String>,
        /// The archive folder to write into [default: the config's folder, else ./articles if it
        /// exists].
        #[arg(long, value_name = "DIR")]
        into: Option<PathBuf>,
    },
    /// Print the manual page (roff), with the keys and the files docbao reads and writes.
    Man,
    /// Add bookmarks one by one, printing each id once it is saved (for the fault tests;
    /// not in a release build).
    #[cfg(debug_assertions)]
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

/// The language `--lang` names: `en` or `vi`, in any case.
pub(super) fn parse_lang(name: &str) -> Option<Lang> {
    Lang::ALL
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, l)| *l)
}

/// The three-way setting from a pair of opposite flags, else the config's.
pub(super) fn sensitivity(on: bool, off: bool, default: Sensitivity) -> Sensitivity {
    match (on, off) {
        (true, _) => Sensitivity::On,
        (_, true) => Sensitivity::Off,
        _ => default,
    }
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
