//! The syllable index: for each folded syllable, and each pair of syllables one space apart,
//! the articles holding it, so that the list's search looks only at the articles that can
//! match instead of scanning them all.
//!
//! It is kept in parts, as Lucene keeps segments: each part is built once from some articles
//! (each known by its id and its file's stamp) and never changed. An article whose file changed
//! is no longer its part's (its stamp differs) and goes into a new small part with the other
//! articles no part holds; small parts and parts mostly of gone articles are merged later, by
//! building their articles' part anew. Parts are files in the catalog cache's folder
//! (`syl-*.bin`, each with its CRC-32), named by `syllables.list`; a part that cannot be read is
//! built again. The index serves one catalog: [`Syllables::of`] finds each part's articles in it.

mod bits;
mod part;
mod terms;

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use roaring::RoaringBitmap;

pub use bits::Articles;
pub use part::{Doc, Part};
pub use terms::Dictionary;

use super::Catalog;

/// Articles in a part built at once: parts this large keep a lookup to a few per gigabyte.
pub const BLOCK: usize = 32 * 1024;

/// Parts of fewer articles than this are small: more than [`SMALL_PARTS`] of them are merged.
const SMALL: usize = BLOCK / 16;
const SMALL_PARTS: usize = 8;

/// The manifest naming the part files, in the cache folder.
const LIST: &str = "syllables.list";

/// A catalog article's index, or none: in [`Syllables::places`].
const NONE: u32 = u32::MAX;

/// What the index is asked: a syllable or a pair of syllables, whole or as the start of one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wanted<'a> {
    /// A syllable (a prefix of one when `prefix`).
    Syllable {
        /// Its folded letters.
        text: &'a str,
        /// Whether any syllable it begins will do.
        prefix: bool,
    },
    /// Two syllables one space apart (the second cut short when `prefix`).
    Pair {
        /// Both, with the space.
        text: &'a str,
        /// Whether the second may be the start of a syllable.
        prefix: bool,
    },
}

/// The syllable index of one catalog.
#[derive(Debug, Default)]
pub struct Syllables {
    parts: Vec<Arc<Part>>,
    /// Each part's file in the cache, if it has one.
    names: Vec<Option<String>>,
    /// For each part, each of its articles' index in the catalog (`NONE` when gone or changed).
    places: Vec<Vec<u32>>,
    /// Indexed articles of the catalog that no part holds: every search looks at them.
    uncovered: Vec<usize>,
    /// How many articles the catalog has.
    catalog_len: usize,
}

impl Syllables {
    /// The parts found in `catalog`: which of their articles are its articles as they are now.
    /// Later parts come first, so that an article in two parts is taken from the newer.
    pub fn of(parts: Vec<(Arc<Part>, Option<String>)>, catalog: &Catalog) -> Syllables {
        let by_id: HashMap<&str, usize> = catalog
            .entries()
            .iter()
            .enumerate()
            .filter(|(_, e)| e.stored().is_some())
            .map(|(i, e)| (e.id.as_str(), i))
            .collect();
        let mut taken = vec![false; catalog.entries().len()];
        let mut places = vec![Vec::new(); parts.len()];
        for (p, (part, _)) in parts.iter().enumerate().rev() {
            let unread: std::collections::HashSet<u32> = part.unread.iter().copied().collect();
            places[p] = part
                .docs
                .iter()
                .enumerate()
                .map(|(n, doc)| match by_id.get(doc.id.as_str()) {
                    Some(&at)
                        if !taken[at]
                            && catalog.entries()[at].stamp == doc.stamp
                            && !unread.contains(&(n as u32)) =>
                    {
                        taken[at] = true;
                        at as u32
                    }
                    _ => NONE,
                })
                .collect();
        }
        let uncovered = by_id
            .values()
            .copied()
            .filter(|&at| !taken[at])
            .collect::<Vec<_>>();
        let (parts, names) = parts.into_iter().unzip();
        let mut syllables = Syllables {
            parts,
            names,
            places,
            uncovered,
            catalog_len: catalog.entries().len(),
        };
        syllables.uncovered.sort_unstable();
        syllables
    }

    /// The parts, with their files' names.
    pub fn parts(&self) -> impl Iterator<Item = (&Arc<Part>, Option<&str>)> {
        self.parts
            .iter()
            .zip(self.names.iter().map(Option::as_deref))
    }

    /// Indexed articles no part holds.
    pub fn uncovered(&self) -> &[usize] {
        &self.uncovered
    }

    /// How many of a part's articles are the catalog's.
    fn live(&self, part: usize) -> usize {
        self.places[part].iter().filter(|&&p| p != NONE).count()
    }

    /// The catalog's articles that may hold everything `wanted` asks (every article that
    /// holds it, and those no part holds), in catalog order; `None` when `wanted` is empty.
    pub fn candidates(&self, wanted: &[Wanted<'_>]) -> Option<Vec<usize>> {
        let mut all = self.holding(wanted)?;
        for &at in &self.uncovered {
            all.insert(at);
        }
        Some(all.iter().collect())
    }

    /// The catalog's articles that a part holds and that hold everything `wanted` asks;
    /// `None` when `wanted` is empty, or a part's postings cannot be read (the search then
    /// scans). Articles no part holds are left out (see [`Syllables::uncovered`]).
    pub fn holding(&self, wanted: &[Wanted<'_>]) -> Option<Articles> {
        use rayon::prelude::*;
        if wanted.is_empty() {
            return None;
        }
        let keys: Vec<(Vec<u8>, bool)> = wanted.iter().map(terms::key_of).collect();
        let found: Option<Vec<RoaringBitmap>> = (0..self.parts.len())
            .into_par_iter()
            .map(|p| terms::holding(&self.parts[p].dictionary, &keys))
            .collect();
        // Into a set of the catalog's articles: the parts' articles interleave, and reading
        // bits in order is quicker than sorting a quarter of a million numbers.
        let mut all = Articles::new(self.catalog_len);
        for (p, within) in found?.into_iter().enumerate() {
            let places = &self.places[p];
            for doc in within {
                match places.get(doc as usize) {
                    Some(&at) if at != NONE => all.insert(at as usize),
                    _ => {}
                }
            }
        }
        Some(all)
    }

    /// The index for `catalog` after a change: the parts of `previous` (or, with none, those
    /// in the cache folder `dir`) kept where they still hold articles; the articles none holds
    /// put in new parts; small parts, and parts mostly of articles gone, merged into new ones.
    /// New parts are written into `dir` when there is one, and the list of parts with them.
    pub fn update(
        previous: Option<&Syllables>,
        catalog: &Catalog,
        dir: Option<&Path>,
    ) -> Syllables {
        let parts: Vec<(Arc<Part>, Option<String>)> = match previous {
            Some(previous) => previous
                .parts()
                .map(|(part, name)| (Arc::clone(part), name.map(str::to_owned)))
                .collect(),
            None => dir.map(load).unwrap_or_default(),
        };
        let mapped = Syllables::of(parts, catalog);
        // Parts to build anew: those with no article left (dropped), small ones when there
        // are too many, and those mostly of articles gone.
        let small = (0..mapped.parts.len())
            .filter(|&p| mapped.parts[p].len() < SMALL)
            .count();
        let mut again: Vec<usize> = mapped.uncovered.clone();
        let mut kept = Vec::new();
        for p in 0..mapped.parts.len() {
            let (part, live) = (&mapped.parts[p], mapped.live(p));
            let merged = (small > SMALL_PARTS && part.len() < SMALL) || live * 2 < part.len();
            if live == 0 {
                continue;
            }
            match merged {
                true => again.extend(
                    mapped.places[p]
                        .iter()
                        .filter(|&&at| at != NONE)
                        .map(|&at| at as usize),
                ),
                false => kept.push((Arc::clone(part), mapped.names[p].clone())),
            }
        }
        if again.is_empty() && kept.len() == mapped.parts.len() {
            return mapped;
        }
        again.sort_unstable();
        for block in again.chunks(BLOCK) {
            let part = build(catalog, block);
            let name = dir.and_then(|dir| save_part(dir, &part));
            // Once written, its postings are read from the file rather than kept.
            let part = match (dir, &name) {
                (Some(dir), Some(name)) => part.from_file(&dir.join(name)),
                _ => part,
            };
            kept.push((Arc::new(part), name));
        }
        if let Some(dir) = dir {
            save_list(dir, &kept);
        }
        Syllables::of(kept, catalog)
    }
}

/// The part of the catalog's articles at `indices`.
fn build(catalog: &Catalog, indices: &[usize]) -> Part {
    let entries = catalog.entries();
    let docs = indices
        .iter()
        .map(|&at| Doc {
            id: entries[at].id.clone(),
            stamp: entries[at].stamp,
        })
        .collect();
    Part::build(docs, |doc| {
        let stored = entries[indices[doc]].stored()?;
        let folded = stored.folded()?;
        String::from_utf8(folded.bytes().to_vec()).ok()
    })
}

/// The parts the cache folder's list names, those that can be read; none when the list
/// cannot be.
fn load(dir: &Path) -> Vec<(Arc<Part>, Option<String>)> {
    let Ok(list) = std::fs::read_to_string(dir.join(LIST)) else {
        return Vec::new();
    };
    list.lines()
        .filter(|name| name.starts_with("syl-") && !name.contains(['/', '\\']))
        .filter_map(|name| {
            let part = Part::read(&dir.join(name)).ok()?;
            Some((Arc::new(part), Some(name.to_owned())))
        })
        .collect()
}

/// Writes a part into the cache folder; its file's name, or `None` when it could not be
/// written (it is then built again next time).
fn save_part(dir: &Path, part: &Part) -> Option<String> {
    let name = format!("{}.bin", super::cache::unique("syl-"));
    super::cache::write_atomically(dir, &name, &part.to_bytes()).ok()?;
    Some(name)
}

/// Writes the list of parts, then removes part files it no longer names.
fn save_list(dir: &Path, parts: &[(Arc<Part>, Option<String>)]) {
    let names: Vec<&str> = parts.iter().filter_map(|(_, n)| n.as_deref()).collect();
    let mut list = names.join("\n");
    list.push('\n');
    if super::cache::write_atomically(dir, LIST, list.as_bytes()).is_err() {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with("syl-") && !names.contains(&name.as_str()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}
