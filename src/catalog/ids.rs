//! What names an article (its id, from its path under the folder, and the folder's own key),
//! and finding one by the name the user gives.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use unicode_normalization::UnicodeNormalization;

use super::{Catalog, Entry};

impl Catalog {
    /// Finds an article by id, by path, or by the end of its path (`bai`, `a/bai.txt`); see
    /// [`Catalog::lookup`] to tell a key that names no article from one that names several.
    pub fn find(&self, key: &str) -> Option<(usize, &Entry)> {
        match self.lookup(key) {
            Lookup::Found(index) => Some((index, &self.entries[index])),
            Lookup::Ambiguous(_) | Lookup::Missing => None,
        }
    }

    /// Index of the article whose id is exactly `id`.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.lookup_id(id)
    }

    /// The article with id `id`, by the map of ids made at the first lookup. Ids are
    /// compared composed (NFC): a file named in NFD, as macOS writes names, is found by the
    /// name as typed.
    fn lookup_id(&self, id: &str) -> Option<usize> {
        let ids = self.ids.get_or_init(|| {
            let mut ids = std::collections::HashMap::with_capacity(self.entries.len());
            for (i, e) in self.entries.iter().enumerate() {
                ids.entry(composed(&e.id)).or_insert(i);
            }
            ids
        });
        ids.get(&composed(id)).copied()
    }

    /// What a key names: an article's id (`2025/10/26/index`) or path first; else the articles
    /// whose path ends with it, with or without the extension.
    pub fn lookup(&self, key: &str) -> Lookup {
        if let Some(index) = self.lookup_id(key) {
            return Lookup::Found(index);
        }
        let key_path = Path::new(key);
        let exact = self.entries.iter().position(|a| a.path == key_path);
        if let Some(index) = exact {
            return Lookup::Found(index);
        }
        let key_path = PathBuf::from(composed(key));
        let ends_with = |a: &Entry| {
            let path = PathBuf::from(composed(&a.path.to_string_lossy()));
            path.ends_with(&key_path) || path.with_extension("").ends_with(&key_path)
        };
        let found: Vec<usize> = (0..self.entries.len())
            .filter(|&i| ends_with(&self.entries[i]))
            .collect();
        match found.as_slice() {
            [] => Lookup::Missing,
            [one] => Lookup::Found(*one),
            _ => Lookup::Ambiguous(found.iter().map(|&i| self.entries[i].id.clone()).collect()),
        }
    }
}

/// What a key given by the user names in a catalog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    /// One article, at this index.
    Found(usize),
    /// Several articles, by id: the key is not enough to choose.
    Ambiguous(Vec<String>),
    /// No article.
    Missing,
}

/// The folder ids are taken from: the folder itself, or a file's folder.
pub fn root_of(path: &Path) -> &Path {
    if path.is_file() {
        path.parent().unwrap_or(Path::new(""))
    } else {
        path
    }
}

/// The folder's absolute path with links resolved, so that `news`, `./news` and
/// `/home/me/news` keep the same bookmarks; the path as given when it cannot be resolved.
pub(super) fn folder_key(root: &Path) -> String {
    let root = if root.as_os_str().is_empty() {
        Path::new(".")
    } else {
        root
    };
    root.canonicalize()
        .unwrap_or_else(|_| root.to_owned())
        .display()
        .to_string()
}

/// An article's id: its path from the folder opened, without the extension, with `/` between
/// folders (`2025/10/26/index`), so that files of the same name in two folders stay apart.
pub fn article_id(root: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path);
    let mut parts: Vec<String> = relative
        .parent()
        .into_iter()
        .flat_map(Path::components)
        .filter_map(|c| match c {
            std::path::Component::Normal(part) => Some(name_part(part)),
            _ => None,
        })
        .collect();
    parts.push(relative.file_stem().map(name_part).unwrap_or_default());
    parts.join("/")
}

/// A text in its composed form (NFC).
fn composed(text: &str) -> String {
    text.nfc().collect()
}

/// One part of a file's path as an id spells it: what is not UTF-8 as `\xNN`, and a control
/// character (a newline in a file name) escaped, so that every name has an id that can be
/// printed on one line and typed back.
pub(crate) fn name_part(part: &OsStr) -> String {
    #[cfg(unix)]
    let chunks: Vec<(String, Vec<u8>)> = {
        use std::os::unix::ffi::OsStrExt;
        part.as_bytes()
            .utf8_chunks()
            .map(|c| (c.valid().to_owned(), c.invalid().to_vec()))
            .collect()
    };
    #[cfg(not(unix))]
    let chunks = vec![(part.to_string_lossy().into_owned(), Vec::new())];
    let mut out = String::new();
    for (valid, invalid) in chunks {
        for c in valid.chars() {
            match c {
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
                c => out.push(c),
            }
        }
        for byte in invalid {
            out.push_str(&format!("\\x{byte:02x}"));
        }
    }
    out
}

/// Gives the articles whose ids would be the same (`x.txt` and `x.md` in one folder) their
/// extension in their id (`x.txt`, `x.md`), so that every article has an id of its own.
pub(super) fn keep_ids_apart(entries: &mut [Entry]) {
    // Files of one kind cannot clash (their paths differ): the common case, told apart
    // without hashing every id.
    let kind = entries.first().and_then(|e| e.path.extension());
    if entries.iter().all(|e| e.path.extension() == kind) {
        return;
    }
    let mut clashes = Vec::new();
    {
        let mut first: std::collections::HashMap<&str, usize> =
            std::collections::HashMap::with_capacity(entries.len());
        for (i, entry) in entries.iter().enumerate() {
            match first.entry(entry.id.as_str()) {
                std::collections::hash_map::Entry::Occupied(seen) => {
                    clashes.push(*seen.get());
                    clashes.push(i);
                }
                std::collections::hash_map::Entry::Vacant(slot) => {
                    slot.insert(i);
                }
            }
        }
    }
    clashes.sort_unstable();
    clashes.dedup();
    for i in clashes {
        let entry = &mut entries[i];
        if let Some(extension) = entry.path.extension().and_then(|e| e.to_str())
            && !entry.id.ends_with(&format!(".{extension}"))
        {
            entry.id = format!("{}.{extension}", entry.id);
        }
    }
}
