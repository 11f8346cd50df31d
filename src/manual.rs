//! The manual page, `docbao man`: clap's sections for the command line, then the keys (from
//! the keymap), each command's options, and the files docbao reads and writes.

use roff::{Roff, bold, italic, roman};

use crate::keymap::Keymap;

/// The files and folders docbao reads and writes, with what each holds.
fn files() -> Vec<(String, &'static str)> {
    let data = |name: &str| format!("$XDG_DATA_HOME/docbao/{name}");
    vec![
        (
            format!("$XDG_CONFIG_HOME/docbao/{}", crate::config::FILE_NAME),
            "The config file (read only; ~/.config/docbao/config.toml when XDG_CONFIG_HOME is not \
         set). docbao config --default prints one to start from. --config names another.",
        ),
        (
            data(crate::bookmarks::FILE_NAME),
            "The bookmarks, written atomically after each change (~/.local/share/docbao when \
         XDG_DATA_HOME is not set; --data-dir or DOCBAO_DATA_DIR names another folder). A \
         file that cannot be read is kept beside it as a backup, and docbao says so.",
        ),
        (
            data(crate::state::FILE_NAME),
            "Where each article was left, which are read, and the list's width.",
        ),
        (
            "$XDG_CACHE_HOME/docbao/".to_owned(),
            "The catalog caches, one folder per articles folder (DOCBAO_CACHE_DIR names another \
         place). They hold nothing that cannot be rebuilt: docbao cache --clear removes one.",
        ),
        (
            "./articles".to_owned(),
            "The folder opened when none is given and the config names none; without it, the \
         two bundled articles.",
        ),
    ]
}

/// The environment variables docbao reads.
const ENVIRONMENT: &[(&str, &str)] = &[
    (
        "LC_ALL, LC_MESSAGES, LANG",
        "The first one set chooses the language: vi* for Vietnamese, else English.",
    ),
    (
        "NO_COLOR",
        "When set and not empty, no colour: bold, italic, underline, dim and reverse only.",
    ),
    (
        "COLORFGBG",
        "Read for theme = \"auto\" when the terminal does not say its background colour.",
    ),
    (
        "DOCBAO_DATA_DIR",
        "Where bookmarks and reading state are kept.",
    ),
    ("DOCBAO_CACHE_DIR", "Where the catalog caches are kept."),
    (
        "DOCBAO_WATCH",
        "poll: look for changed files every second instead of being notified.",
    ),
];

/// The manual page in roff, for the command line `command` and the keys of `keymap`.
pub fn page(command: clap::Command, keymap: &Keymap) -> std::io::Result<Vec<u8>> {
    let man = clap_mangen::Man::new(command.clone());
    let mut out = Vec::new();
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    man.render_options_section(&mut out)?;
    // Not clap's subcommand section: it points to a page per command, and there is one page.
    let mut roff = Roff::new();
    commands(&mut roff, &command);
    keys(&mut roff, keymap);
    let files = files();
    let files: Vec<(&str, &str)> = files.iter().map(|(f, w)| (f.as_str(), *w)).collect();
    listed(&mut roff, "FILES", &files);
    listed(&mut roff, "ENVIRONMENT", ENVIRONMENT);
    roff.to_writer(&mut out)?;
    man.render_version_section(&mut out)?;
    Ok(out)
}

/// Each command's arguments and options, which clap's subcommand section leaves out.
fn commands(roff: &mut Roff, command: &clap::Command) {
    roff.control("SH", ["COMMANDS"]);
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = format!("docbao {}", sub.get_name());
        roff.control("SS", [name.as_str()]);
        if let Some(about) = sub.get_about() {
            roff.text([roman(about.to_string())]);
        }
        for arg in sub.get_arguments().filter(|a| !a.is_hide_set()) {
            let mut names = Vec::new();
            if let Some(short) = arg.get_short() {
                names.push(format!("-{short}"));
            }
            if let Some(long) = arg.get_long() {
                names.push(format!("--{long}"));
            }
            let value = arg
                .get_value_names()
                .and_then(|v| v.first())
                .map(ToString::to_string)
                .unwrap_or_else(|| arg.get_id().as_str().to_uppercase());
            let takes_value = arg.get_action().takes_values();
            let shown = match (names.is_empty(), takes_value) {
                (true, _) => format!("<{value}>"),
                (false, true) => format!("{} <{value}>", names.join(", ")),
                (false, false) => names.join(", "),
            };
            roff.control("TP", []);
            roff.text([bold(shown)]);
            if let Some(help) = arg.get_help() {
                roff.text([roman(help.to_string())]);
            }
        }
    }
}

/// The keys, in the help's sections, from the keymap in force.
fn keys(roff: &mut Roff, keymap: &Keymap) {
    roff.control("SH", ["KEYS"]);
    roff.text([roman(
        "The reader shows these with ?. The config file's [keys] tables change them.",
    )]);
    for (place, lines) in keymap.sections(crate::i18n::Lang::En) {
        roff.control("SS", [place.as_str()]);
        for (keys, text) in lines {
            roff.control("TP", []);
            roff.text([bold(keys)]);
            roff.text([roman(text)]);
        }
    }
}

fn listed(roff: &mut Roff, title: &str, items: &[(&str, &str)]) {
    roff.control("SH", [title]);
    for (name, what) in items {
        roff.control("TP", []);
        roff.text([italic(*name)]);
        roff.text([roman(*what)]);
    }
}
