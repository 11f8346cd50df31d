//! `docbao list`: the articles, one a line or as JSON.

use anyhow::Context;

use super::open::report_problems;
use super::output::print;
use crate::catalog::{Catalog, Entry};
use crate::i18n::{Lang, Say};
use crate::text;

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

/// The ids alone, one a line: for the shell's completion of `show`.
pub(super) fn list_ids(catalog: &Catalog) -> anyhow::Result<()> {
    let mut out = String::new();
    for article in catalog.entries() {
        out.push_str(&article.id);
        out.push('\n');
    }
    print(&out)
}

pub(super) fn list(catalog: &Catalog, json: bool, lang: Lang) -> anyhow::Result<()> {
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
