//! The config file as docbao writes it out: the commented default file to start from, and
//! the settings in force. Both are printed; docbao never writes the user's file.

use std::fmt::Write;

use ratatui::style::{Color, Modifier};

use super::{ATTRIBUTES, Config, DEFAULT_TEXT_WIDTH, Loaded, StyleOverride};
use crate::i18n::Lang;
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

/// A comment of the default file, wrapped to the width of the file's lines.
fn comment(out: &mut String, text: &str) {
    for row in crate::text::wrap(text, 86) {
        let _ = writeln!(out, "# {row}");
    }
}

/// The `[search]` table, each line after `lead` (`#` for the default file), its comments in
/// `notes` when given.
fn search(out: &mut String, options: Options, lead: &str, notes: Option<Lang>) {
    let note = |out: &mut String, id: &str| {
        if let Some(lang) = notes {
            comment(out, &lang.t(id));
        }
    };
    out.push_str("\n[search]\n");
    note(out, "config-file-case");
    let _ = writeln!(out, "{lead}case = {}", quoted(sensitivity(options.case)));
    note(out, "config-file-accents");
    let _ = writeln!(
        out,
        "{lead}accents = {}",
        quoted(sensitivity(options.accents))
    );
    note(out, "config-file-words");
    let _ = writeln!(out, "{lead}words = {}", quoted(words(options.words)));
}

/// The `[keys.*]` tables, each binding after `lead`, each table's place said in `lang`.
fn keys(out: &mut String, keymap: &Keymap, lead: &str, lang: Lang) {
    for (name, scope) in Scope::ALL {
        let bindings: Vec<_> = keymap
            .bindings()
            .into_iter()
            .filter(|(s, _, _)| *s == scope)
            .collect();
        if bindings.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n[keys.{name}]  # {}", scope.place(lang));
        for (_, action, names) in bindings {
            let _ = writeln!(out, "{lead}{action} = {}", quoted(&names.join(" ")));
        }
    }
}

/// A commented config file with every default, its comments in `lang`: what
/// `docbao config --default` prints.
pub fn default_file(lang: Lang) -> String {
    let defaults = Config::default();
    let mut out = String::new();
    comment(&mut out, &lang.t("config-file-head"));
    out.push('\n');
    comment(&mut out, &lang.t("config-file-theme"));
    out.push_str("#theme = \"auto\"\n");
    comment(&mut out, &lang.t("config-file-language"));
    out.push_str("#language = \"auto\"\n");
    comment(&mut out, &lang.t("config-file-folder"));
    out.push_str("#folder = \"~/news\"\n");
    comment(&mut out, &lang.t("config-file-list-width"));
    out.push_str("#list_width = 35\n");
    comment(&mut out, &lang.t("config-file-text-width"));
    let _ = writeln!(out, "#text_width = {DEFAULT_TEXT_WIDTH}");
    comment(&mut out, &lang.t("config-file-mouse"));
    out.push_str("#mouse = true\n");
    search(&mut out, defaults.search, "#", Some(lang));
    out.push_str("\n[colors]\n");
    comment(&mut out, &lang.t("config-file-colors"));
    out.push_str(
        "#title = \"#ffd75f\"\n#matched = { fg = \"black\", bg = \"yellow\", bold = true }\n",
    );
    comment(&mut out, &lang.t("config-file-styles"));
    for name in STYLE_NAMES {
        let what = lang.t(&format!("style-{}", name.replace('_', "-")));
        let _ = writeln!(out, "#   {name:<15} {what}");
    }
    out.push('\n');
    comment(&mut out, &lang.t("config-file-keys"));
    keys(&mut out, &defaults.keymap, "#", lang);
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

/// The settings in force, as a config file, its comments in `lang`: what `docbao config`
/// prints.
pub fn effective(loaded: &Loaded, lang: Lang) -> String {
    let config = &loaded.config;
    let path = |path: &std::path::Path| [("path", path.display().to_string().into())];
    let mut out = String::new();
    // One line each, however long: a path is not cut in two.
    let said = match (&loaded.path, loaded.found) {
        (Some(file), true) => lang.tr("config-file-path", &path(file)),
        (Some(file), false) => lang.tr("config-file-missing", &path(file)),
        (None, _) => lang.t("config-file-no-dir"),
    };
    let _ = writeln!(out, "# {said}");
    if loaded.found && !loaded.problems.is_empty() {
        let count = [("count", loaded.problems.len().into())];
        let _ = writeln!(out, "# {}", lang.tr("config-file-mistakes", &count));
    }
    let _ = writeln!(out, "theme = {}", quoted(config.theme.as_str()));
    let language = config.language.map_or("auto", |l| l.as_str());
    let _ = writeln!(out, "language = {}", quoted(language));
    match &config.folder {
        Some(folder) => {
            let _ = writeln!(out, "folder = {}", quoted(&folder.to_string_lossy()));
        }
        None => comment(&mut out, &lang.t("config-file-no-folder")),
    }
    match config.list_width {
        Some(percent) => {
            let _ = writeln!(out, "list_width = {percent}");
        }
        None => comment(&mut out, &lang.t("config-file-no-list-width")),
    }
    let _ = writeln!(out, "text_width = {}", config.text_width);
    let _ = writeln!(out, "mouse = {}", config.mouse);
    search(&mut out, config.search, "", None);
    out.push_str("\n[colors]\n");
    for (name, change) in &config.colors {
        let _ = writeln!(out, "{name} = {}", style(change));
    }
    keys(&mut out, &config.keymap, "", lang);
    out
}
