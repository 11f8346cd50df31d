//! `docbao bookmarks`: every bookmark, plain, as JSON or as Markdown grouped by article; and
//! the hidden command the fault tests add bookmarks with.

#[cfg(debug_assertions)]
use std::io::{self, Write};
use std::path::Path;

use anyhow::Context;

use super::open::load;
use super::output::{print, terminal_width};
use crate::bookmarks::{Bookmark, BookmarkStore};
use crate::catalog::{CacheUse, Catalog};
use crate::i18n::{Lang, Say};
use crate::text;

/// Prints the bookmarks kept in `dir`: plain, JSON or Markdown.
pub(super) fn bookmarks_command(
    dir: &Path,
    json: bool,
    markdown: bool,
    lang: Lang,
) -> anyhow::Result<()> {
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

/// Adds `count` bookmarks of the bundled articles, printing each id after its save returned, so
/// that a test can kill this process at any point and check that no printed id was lost.
#[cfg(debug_assertions)]
pub(super) fn stress_bookmarks(dir: &Path, count: usize) -> anyhow::Result<()> {
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
