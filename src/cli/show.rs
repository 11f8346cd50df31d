//! `docbao show`: one article printed as the reading pane lays it out.

use std::path::Path;

use anyhow::bail;

use super::open::open;
use super::output::{print, terminal_width};
use crate::catalog::{CacheUse, Catalog, Lookup};
use crate::i18n::{Lang, Say};
use crate::page::Page;

/// Prints an article laid out at `width` columns, else the terminal's up to `text_width`.
pub(super) fn show(
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
            for warning in article.warnings.iter().filter(|_| !super::open::quiet()) {
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
