//! Every article's folded title, side by side in one run of bytes, and the syllable dictionary
//! of them all: what a search that already knows an article matches (from the syllable index)
//! still wants of it, to rank title matches first, without touching the rest of the entry.

use rayon::prelude::*;

use std::sync::Arc;

use super::Catalog;
use super::syllables::Dictionary;
use crate::text::fold;

/// The folded titles of a catalog's articles, in catalog order.
#[derive(Debug, Clone, Default)]
pub struct FoldedTitles {
    bytes: Vec<u8>,
    /// Where each title ends in `bytes`.
    ends: Vec<usize>,
}

impl FoldedTitles {
    /// The folded title of article `index` (empty past the end).
    pub fn get(&self, index: usize) -> &[u8] {
        let start = match index {
            0 => 0,
            _ => self
                .ends
                .get(index - 1)
                .copied()
                .unwrap_or(self.bytes.len()),
        };
        let end = self.ends.get(index).copied().unwrap_or(start);
        self.bytes.get(start..end).unwrap_or_default()
    }
}

impl Catalog {
    /// Every article's title folded as its summary keeps it, made the first time it is wanted.
    pub fn folded_titles(&self) -> &FoldedTitles {
        self.titles.get_or_init(|| {
            let folded: Vec<String> = self
                .entries
                .par_iter()
                .map(|entry| fold::fold(&entry.title))
                .collect();
            let mut titles = FoldedTitles {
                bytes: Vec::with_capacity(folded.iter().map(String::len).sum()),
                ends: Vec::with_capacity(folded.len()),
            };
            for title in folded {
                titles.bytes.extend_from_slice(title.as_bytes());
                titles.ends.push(titles.bytes.len());
            }
            titles
        })
    }
}

impl Catalog {
    /// The syllables and pairs of every article's folded title, each with the articles (by
    /// index in the catalog) whose title holds it, made the first time it is wanted.
    pub fn title_terms(&self) -> &Dictionary {
        self.title_terms.get_or_init(|| {
            let titles = self.folded_titles();
            let text = |index| std::str::from_utf8(titles.get(index)).unwrap_or_default();
            Arc::new(Dictionary::of_short((0..self.entries.len()).map(text)))
        })
    }
}
