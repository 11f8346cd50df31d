//! Opening the folder a command reads (named, else `./articles`, else the bundled articles),
//! and saying on stderr what reading it met.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::catalog::{CacheUse, Catalog, Opened};
use crate::i18n::{Lang, Say};

/// Whether `--quiet` was given: what reading the folder met goes unsaid.
static QUIET: AtomicBool = AtomicBool::new(false);

/// Takes `--quiet` for the rest of the command.
pub(super) fn set_quiet(quiet: bool) {
    QUIET.store(quiet, Ordering::Relaxed);
}

/// Whether what reading the folder met goes unsaid (`--quiet`).
pub(super) fn quiet() -> bool {
    QUIET.load(Ordering::Relaxed)
}

/// The folder opened without a path: `./articles` if it exists, else none (the bundled
/// articles).
pub(super) fn default_folder<'a>() -> Option<&'a Path> {
    Some(Path::new("articles")).filter(|p| p.is_dir())
}

/// Opens the catalog at `path`, or `./articles`, or the bundled articles, in that order,
/// through the cache unless told not to.
pub fn load(path: Option<&Path>, cache: CacheUse) -> anyhow::Result<Catalog> {
    Ok(open(path, cache, Lang::En)?.catalog)
}

/// Opens the folder as [`load`] does, saying how many files were read and parsed, and what
/// it must say in `lang`.
pub(super) fn open(path: Option<&Path>, cache: CacheUse, lang: Lang) -> anyhow::Result<Opened> {
    let opened = match path.or_else(default_folder) {
        Some(path) => {
            let opened = Catalog::open_cached(path, cache)?;
            if let Some(note) = opened.note.as_ref().filter(|_| !quiet()) {
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

/// Says on stderr that a folder has no articles, and which files docbao reads.
pub(super) fn no_articles(catalog: &Catalog, lang: Lang) {
    let folder = lang.origin(catalog.origin());
    eprintln!(
        "docbao: {}",
        lang.tr("cli-no-articles", &[("folder", folder.into())])
    );
}

/// Tells the user, on stderr, which files were skipped and why, and which articles were read
/// with a warning.
pub(super) fn report_problems(catalog: &Catalog, lang: Lang) {
    if quiet() {
        return;
    }
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
