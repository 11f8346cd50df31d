//! `docbao cache`: where a folder's catalog cache is and how big, or removing it.

use std::path::Path;

use anyhow::bail;

use super::open::default_folder;
use super::output::print;
use crate::catalog::cache;
use crate::i18n::Lang;
use crate::text;

/// Prints where the catalog cache of a folder is and how big it is, or removes it.
pub(super) fn cache_command(path: Option<&Path>, clear: bool, lang: Lang) -> anyhow::Result<()> {
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
