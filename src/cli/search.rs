//! `docbao search`: every match in the folder, one a line (`id:line:column: text`) or as JSON,
//! read through the cache or, without one, only from the files that may hold a match.

use std::io::{self, IsTerminal};
use std::path::Path;

use anyhow::{Context, bail};

use super::open::{default_folder, no_articles, open, report_problems};
use super::output::print;
use crate::catalog::{self, CacheUse, Catalog, Sifted};
use crate::i18n::{Lang, Say};
use crate::search::{self, Query};
use crate::text;

/// Columns of a line `search` prints around a match at most, as ripgrep's
/// `--max-columns-preview` does: a long paragraph is one line.
const PREVIEW_COLUMNS: usize = 200;

/// Opens what `docbao search` looks in: through the cache as [`load`](super::load) does, or,
/// with no cache, reading whole only the files that may hold a match (a plain text file whose
/// fold has none is left out: it would print nothing).
pub(super) fn load_for_search(
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
pub(super) fn search_command(
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

/// Says how many articles were found damaged in the cache (and read from their files), and
/// drops them from it so that the next run stores them anew.
pub(super) fn report_damaged(catalog: &Catalog, path: Option<&Path>, cache: &CacheUse, lang: Lang) {
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
