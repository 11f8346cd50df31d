//! The config file as docbao writes it out: the commented default file to start from, and
//! the settings in force. Both are printed; docbao never writes the user's file.

use std::fmt::Write;

use ratatui::style::{Color, Modifier};

use super::{ATTRIBUTES, Config, DEFAULT_TEXT_WIDTH, Loaded, StyleOverride};
use crate::keymap::{Keymap, Scope};
use crate::search::{Options, Sensitivity, Words};
use crate::theme::STYLE_NAMES;

/// A string as TOML quotes it.
fn quoted(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}

/// A colour as `[colors]` names it.
fn colour(color: Color) -> String {
    match color {
        Color::Rgb(r, g, b) => format!("#{r:02x}{g:02x}{b:02x}"),
        other => other.to_string().to_lowercase(),
    }
}

fn sensitivity(s: Sensitivity) -> &'static str {
    match s {
        Sensitivity::Smart => "smart",
        Sensitivity::On => "match",
        Sensitivity::Off => "ignore",
    }
}

fn words(w: Words) -> &'static str {
    match w {
        Words::Start => "start",
        Words::Whole => "whole",
        Words::Anywhere => "anywhere",
    }
}

/// The `[search]` table, each line after `lead` (`#` for the default file).
fn search(out: &mut String, options: Options, lead: &str, notes: bool) {
    let note = |text: &str| {
        if notes {
            format!("# {text}\n")
        } else {
            String::new()
        }
    };
    out.push_str("\n[search]\n");
    out.push_str(&note(
        "Case: \"smart\" (told apart when the query has capitals), \"match\" or \"ignore\".",
    ));
    let _ = writeln!(out, "{lead}case = {}", quoted(sensitivity(options.case)));
    out.push_str(&note(
        "Accents and đ: \"smart\" (when the query has them), \"match\" or \"ignore\".",
    ));
    let _ = writeln!(
        out,
        "{lead}accents = {}",
        quoted(sensitivity(options.accents))
    );
    out.push_str(&note(
        "Where a match starts: \"start\" (of a word), \"whole\" (words) or \"anywhere\".",
    ));
    let _ = writeln!(out, "{lead}words = {}", quoted(words(options.words)));
}

/// The `[keys.*]` tables, each binding after `lead`.
fn keys(out: &mut String, keymap: &Keymap, lead: &str) {
    for (name, scope) in Scope::ALL {
        let bindings: Vec<_> = keymap
            .bindings()
            .into_iter()
            .filter(|(s, _, _)| *s == scope)
            .collect();
        if bindings.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "\n[keys.{name}]  # {}",
            scope.place(crate::i18n::Lang::En)
        );
        for (_, action, names) in bindings {
            let _ = writeln!(out, "{lead}{action} = {}", quoted(&names.join(" ")));
        }
    }
}

/// A commented config file with every default: what `docbao config --default` prints.
pub fn default_file() -> String {
    let defaults = Config::default();
    let mut out = String::from(
        "# docbao's config file. Save it as the path `docbao config` names, and remove the #\n\
         # before a setting to change it. A mistake is reported with its line and column,\n\
         # and that setting keeps its default; docbao never writes this file.\n\n",
    );
    out.push_str("# Colours: \"dark\", \"light\" or \"auto\" (after the terminal's background).\n");
    out.push_str("#theme = \"auto\"\n");
    out.push_str(
        "# The interface's language: \"en\", \"vi\" or \"auto\" (after LC_ALL, LC_MESSAGES, LANG).\n",
    );
    out.push_str("#language = \"auto\"\n");
    out.push_str("# The folder to open when none is given (~/ is the home folder).\n");
    out.push_str("#folder = \"~/news\"\n");
    out.push_str(
        "# The list's share of a terminal 80 columns or wider, in percent (20 to 70),\n\
         # until < and > change it.\n",
    );
    out.push_str("#list_width = 35\n");
    out.push_str("# The widest the reader lays out text, in columns.\n");
    let _ = writeln!(out, "#text_width = {DEFAULT_TEXT_WIDTH}");
    out.push_str(
        "# Whether docbao takes the mouse (the wheel scrolls, a click chooses); false leaves\n\
         # it to the terminal, for its own selection of text.\n",
    );
    out.push_str("#mouse = true\n");
    search(&mut out, defaults.search, "#", true);
    out.push_str(
        "\n[colors]\n\
         # Each style of the theme: a colour for its text, or a table. A colour is a name\n\
         # (black, red, green, yellow, blue, magenta, cyan, gray, white, light-red…),\n\
         # \"#rrggbb\" or a number from 0 to 255. For example:\n\
         #title = \"#ffd75f\"\n\
         #matched = { fg = \"black\", bg = \"yellow\", bold = true }\n\
         # The styles:\n",
    );
    for (name, what) in STYLE_NAMES {
        let _ = writeln!(out, "#   {name:<15} {what}");
    }
    out.push_str(
        "\n# Keys: [keys.PLACE] ACTION = \"KEYS\" gives an action new keys in place of its\n\
         # defaults there. A key is a character, Enter, Esc, Tab, Space, Backspace, Delete,\n\
         # Up, Down, Left, Right, Home, End, PgUp, PgDn or F1 to F12, after Ctrl-, Alt- or\n\
         # Shift- if need be (C-, A-, S- for short). A key may do one thing only in each place.\n",
    );
    keys(&mut out, &defaults.keymap, "#");
    out
}

/// A style change as `[colors]` writes it.
fn style(change: &StyleOverride) -> String {
    let mut parts = Vec::new();
    if let Some(fg) = change.fg {
        parts.push(format!("fg = {}", quoted(&colour(fg))));
    }
    if let Some(bg) = change.bg {
        parts.push(format!("bg = {}", quoted(&colour(bg))));
    }
    for (name, modifier) in ATTRIBUTES {
        if change.add.contains(modifier) {
            parts.push(format!("{name} = true"));
        } else if change.remove.contains(modifier) && modifier != Modifier::empty() {
            parts.push(format!("{name} = false"));
        }
    }
    format!("{{ {} }}", parts.join(", "))
}

/// The settings in force, as a config file: what `docbao config` prints.
pub fn effective(loaded: &Loaded) -> String {
    let config = &loaded.config;
    let mut out = match (&loaded.path, loaded.found) {
        (Some(path), true) => format!("# config file: {}\n", path.display()),
        (Some(path), false) => format!(
            "# config file: {} (not there: these are the defaults)\n",
            path.display()
        ),
        (None, _) => "# no config directory is known: these are the defaults\n".to_owned(),
    };
    if loaded.found && !loaded.problems.is_empty() {
        let _ = writeln!(
            out,
            "# mistakes in it: {} (on stderr); those settings are the defaults",
            loaded.problems.len()
        );
    }
    let _ = writeln!(out, "theme = {}", quoted(config.theme.as_str()));
    let language = config.language.map_or("auto", |l| l.as_str());
    let _ = writeln!(out, "language = {}", quoted(language));
    match &config.folder {
        Some(folder) => {
            let _ = writeln!(out, "folder = {}", quoted(&folder.to_string_lossy()));
        }
        None => {
            out.push_str("# folder: none set (./articles if it exists, else the bundled ones)\n")
        }
    }
    match config.list_width {
        Some(percent) => {
            let _ = writeln!(out, "list_width = {percent}");
        }
        None => out.push_str("# list_width: none set (35% of the width, 28 to 48 columns)\n"),
    }
    let _ = writeln!(out, "text_width = {}", config.text_width);
    let _ = writeln!(out, "mouse = {}", config.mouse);
    search(&mut out, config.search, "", false);
    out.push_str("\n[colors]\n");
    for (name, change) in &config.colors {
        let _ = writeln!(out, "{name} = {}", style(change));
    }
    keys(&mut out, &config.keymap, "");
    out
}
