//! A term dictionary (`fst`) of folded syllables and syllable pairs, and for each term the
//! numbered texts holding it (a `roaring` bitmap, or the one text inline): what a part of the
//! syllable index keeps of its articles, and the catalog's index of titles.

use std::ops::Range;

use rayon::prelude::*;
use roaring::RoaringBitmap;

use super::Wanted;
use crate::text::syllables::{Term, for_each_term};

/// The first byte of a syllable's key in the dictionary.
pub(super) const SYLLABLE: u8 = b's';
/// The first byte of a syllable pair's key.
pub(super) const PAIR: u8 = b'p';

/// A dictionary value with this bit set holds its one article inline, in the low 32 bits;
/// without it, where the term's bitmap starts among the postings (the low 40 bits) and how long
/// it is (the next 23: a part's articles fit one roaring container, at most 8 KiB).
const ONE: u64 = 1 << 63;
const OFFSET_BITS: u32 = 40;

/// A dictionary value for a bitmap `len` bytes long at `at` among the postings.
fn bitmap_value(at: u64, len: usize) -> u64 {
    (len as u64) << OFFSET_BITS | at
}

/// Where a bitmap value's bitmap lies among the postings.
fn bitmap_range(value: u64) -> Range<usize> {
    let at = (value & ((1 << OFFSET_BITS) - 1)) as usize;
    let len = ((value & !ONE) >> OFFSET_BITS) as usize;
    at..at + len
}

/// A dictionary of terms and where their postings are.
pub struct Dictionary {
    pub(super) terms: fst::Map<Vec<u8>>,
    pub(super) postings: Postings,
}

impl std::fmt::Debug for Dictionary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Dictionary")
            .field("terms", &self.terms.len())
            .field("postings", &self.postings.len())
            .finish()
    }
}

/// Where a part's postings are: in memory while it has no file, else in its file, read a
/// term's run at a time (they are most of a part, and a search reads few of them).
pub(super) enum Postings {
    Memory(Vec<u8>),
    File {
        file: std::fs::File,
        /// Where they start in the file.
        start: u64,
        len: usize,
    },
}

impl Postings {
    pub(super) fn len(&self) -> usize {
        match self {
            Postings::Memory(bytes) => bytes.len(),
            Postings::File { len, .. } => *len,
        }
    }

    /// The bytes of `range`; `None` when they cannot be read.
    fn read(&self, range: Range<usize>) -> Option<std::borrow::Cow<'_, [u8]>> {
        match self {
            Postings::Memory(bytes) => bytes.get(range).map(std::borrow::Cow::Borrowed),
            Postings::File { file, start, len } => {
                if range.end > *len || range.start > range.end {
                    return None;
                }
                let mut bytes = vec![0; range.len()];
                read_exact_at(file, &mut bytes, start + range.start as u64).ok()?;
                Some(std::borrow::Cow::Owned(bytes))
            }
        }
    }
}

/// Fewest articles whose terms one core gathers before they join the rest.
const MIN_CHUNK: usize = 64;

/// The terms of a chunk of articles: each key (kind byte first) with its articles, sorted by
/// key; and the articles whose text could not be read.
struct Gathered {
    terms: Vec<Terms>,
    unread: Vec<u32>,
}

/// The terms of `terms` (sorted) from key `from` up to key `to`, ends open when `None`.
fn within<'t>(terms: &'t [Terms], from: Option<&[u8]>, to: Option<&[u8]>) -> &'t [Terms] {
    let start = from.map_or(0, |f| terms.partition_point(|(k, _)| &**k < f));
    let end = to.map_or(terms.len(), |t| terms.partition_point(|(k, _)| &**k < t));
    &terms[start..end.max(start)]
}

/// A run of keys merged: each key with its dictionary value, and the postings the values point
/// into (from the start of the run's).
type Merged = (Vec<(Box<[u8]>, u64)>, Vec<u8>);

/// A term's key (kind byte first) and the articles holding it, in order.
type Terms = (Box<[u8]>, Vec<u32>);

/// Merges the chunks' sorted terms (of one run of keys): each key with its value (its one
/// article, or where its bitmap starts in the postings made alongside).
fn merge(mut chunks: Vec<&[Terms]>) -> Merged {
    let mut keys = Vec::new();
    let mut postings = Vec::new();
    let mut list: Vec<u32> = Vec::new();
    // The smallest key among the chunks' next ones, its articles from every chunk that has
    // it, in chunk order (so in order).
    while let Some(key) = chunks
        .iter()
        .filter_map(|c| c.first().map(|(k, _)| k))
        .min()
    {
        let key = key.clone();
        list.clear();
        for chunk in &mut chunks {
            if let Some(((k, docs), rest)) = chunk.split_first()
                && *k == key
            {
                list.extend_from_slice(docs);
                *chunk = rest;
            }
        }
        let value = match list[..] {
            [one] => ONE | u64::from(one),
            _ => {
                let at = postings.len();
                let bitmap =
                    RoaringBitmap::from_sorted_iter(list.iter().copied()).unwrap_or_default();
                // Writing to a Vec cannot fail.
                let _ = bitmap.serialize_into(&mut postings);
                bitmap_value(at as u64, postings.len() - at)
            }
        };
        keys.push((key, value));
    }
    (keys, postings)
}

/// Gathers the terms of articles `range`.
fn gather(range: Range<usize>, folded: &(impl Fn(usize) -> Option<String> + Sync)) -> Gathered {
    use foldhash::HashMapExt;
    // Two maps looked up by the text's own slices: a key is allocated once, when first met.
    let mut syllables: foldhash::HashMap<Box<str>, Vec<u32>> = foldhash::HashMap::new();
    let mut pairs: foldhash::HashMap<Box<str>, Vec<u32>> = foldhash::HashMap::new();
    let mut unread = Vec::new();
    for doc in range {
        let Some(text) = folded(doc) else {
            unread.push(doc as u32);
            continue;
        };
        let doc = doc as u32;
        for_each_term(&text, |term| {
            let (map, bytes) = match term {
                Term::Syllable(s) => (&mut syllables, s),
                Term::Pair(p) => (&mut pairs, p),
            };
            match map.get_mut(bytes) {
                Some(list) if list.last() == Some(&doc) => {}
                Some(list) => list.push(doc),
                None => {
                    map.insert(bytes.into(), vec![doc]);
                }
            }
        });
    }
    let keyed = |kind: u8, map: foldhash::HashMap<Box<str>, Vec<u32>>| {
        map.into_iter().map(move |(text, docs)| {
            let mut key = Vec::with_capacity(text.len() + 1);
            key.push(kind);
            key.extend_from_slice(text.as_bytes());
            (key.into_boxed_slice(), docs)
        })
    };
    let mut terms: Vec<Terms> = keyed(PAIR, pairs)
        .chain(keyed(SYLLABLE, syllables))
        .collect();
    terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    Gathered { terms, unread }
}

impl Dictionary {
    /// The dictionary of `count` texts, each given folded (`None` when it cannot be read: then
    /// it is in no posting), terms gathered on every core; and the texts that could not be read.
    pub fn build<F>(count: usize, folded: F) -> (Dictionary, Vec<u32>)
    where
        F: Fn(usize) -> Option<String> + Sync,
    {
        // A few chunks a core: each gathers its terms in a hash map, sorted after; the sorted
        // lists are then merged in one pass, in key order, as the dictionary wants them. Few
        // large chunks keep the merge short (a term is in most chunks).
        let per_chunk = count
            .div_ceil(rayon::current_num_threads() * 4)
            .max(MIN_CHUNK);
        let chunks: Vec<Range<usize>> = (0..count)
            .step_by(per_chunk)
            .map(|start| start..(start + per_chunk).min(count))
            .collect();
        let gathered: Vec<Gathered> = chunks
            .into_par_iter()
            .map(|range| gather(range, &folded))
            .collect();
        let unread: Vec<u32> = gathered
            .iter()
            .flat_map(|g| g.unread.iter().copied())
            .collect();
        let sorted: Vec<&[Terms]> = gathered.iter().map(|g| g.terms.as_slice()).collect();
        // The keys cut into runs, each merged on a core of its own: where the largest chunk's
        // keys fall, evenly.
        let largest = sorted
            .iter()
            .copied()
            .max_by_key(|t| t.len())
            .unwrap_or_default();
        let runs = rayon::current_num_threads() * 4;
        let mut bounds: Vec<&[u8]> = (1..runs)
            .filter_map(|n| largest.get(largest.len() * n / runs).map(|(k, _)| &**k))
            .collect();
        bounds.dedup();
        let merged: Vec<Merged> = (0..=bounds.len())
            .into_par_iter()
            .map(|run| {
                let from = run.checked_sub(1).map(|b| bounds[b]);
                let to = bounds.get(run).copied();
                merge(sorted.iter().map(|&t| within(t, from, to)).collect())
            })
            .collect();
        let mut postings = Vec::new();
        let mut builder = fst::MapBuilder::memory();
        for (keys, run) in merged {
            let base = postings.len() as u64;
            for (key, value) in keys {
                let value = match value & ONE {
                    0 => value + base,
                    _ => value,
                };
                // Keys come sorted and once each: inserting cannot fail.
                let _ = builder.insert(&key, value);
            }
            postings.extend_from_slice(&run);
        }
        let bytes = builder.into_inner().unwrap_or_default();
        let dictionary = Dictionary {
            terms: fst::Map::new(bytes).unwrap_or_default(),
            postings: Postings::Memory(postings),
        };
        (dictionary, unread)
    }

    /// The dictionary of `texts` (folded), on one core and with no key copied: for short
    /// texts such as titles, whose terms are too many to gather a copy of each on every core
    /// for what the dictionary keeps of them.
    pub fn of_short<'t>(texts: impl Iterator<Item = &'t str>) -> Dictionary {
        use foldhash::HashMapExt;
        // Each term numbered when first met, and every (term, text) in one run of numbers:
        // a few large allocations rather than a list for each term.
        let mut ids: foldhash::HashMap<(u8, &'t str), u32> = foldhash::HashMap::new();
        let mut pairs: Vec<u64> = Vec::new();
        for (doc, text) in texts.enumerate() {
            for_each_term(text, |term| {
                let key = match term {
                    Term::Syllable(s) => (SYLLABLE, s),
                    Term::Pair(p) => (PAIR, p),
                };
                let next = ids.len() as u32;
                let id = *ids.entry(key).or_insert(next);
                pairs.push(u64::from(id) << 32 | doc as u64);
            });
        }
        let mut keys: Vec<((u8, &str), u32)> = ids.into_iter().collect();
        keys.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        // Renumbered in key order, so that sorting the pairs sorts them by key, then text.
        let mut place = vec![0u32; keys.len()];
        for (n, (_, id)) in keys.iter().enumerate() {
            place[*id as usize] = n as u32;
        }
        for pair in &mut pairs {
            let id = (*pair >> 32) as usize;
            *pair = u64::from(place[id]) << 32 | (*pair & u64::from(u32::MAX));
        }
        pairs.par_sort_unstable();
        pairs.dedup();
        let mut postings = Vec::new();
        let mut builder = fst::MapBuilder::memory();
        let mut key = Vec::new();
        let mut rest = &pairs[..];
        for (n, ((kind, text), _)) in keys.iter().enumerate() {
            let run = rest.partition_point(|p| (p >> 32) as usize == n);
            let (docs, after) = rest.split_at(run);
            rest = after;
            key.clear();
            key.push(*kind);
            key.extend_from_slice(text.as_bytes());
            let value = match docs {
                [one] => ONE | (one & u64::from(u32::MAX)),
                _ => {
                    let at = postings.len();
                    let docs = docs.iter().map(|p| (p & u64::from(u32::MAX)) as u32);
                    let bitmap = RoaringBitmap::from_sorted_iter(docs).unwrap_or_default();
                    // Writing to a Vec cannot fail.
                    let _ = bitmap.serialize_into(&mut postings);
                    bitmap_value(at as u64, postings.len() - at)
                }
            };
            // Keys come sorted and once each: inserting cannot fail.
            let _ = builder.insert(&key, value);
        }
        Dictionary {
            terms: fst::Map::new(builder.into_inner().unwrap_or_default()).unwrap_or_default(),
            postings: Postings::Memory(postings),
        }
    }

    /// How many bytes it takes: dictionary and postings.
    pub fn size(&self) -> usize {
        self.terms.as_fst().size() + self.postings.len()
    }

    /// How many terms it holds.
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// Whether it holds no term.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The texts holding term `key` (kind byte first), or every term it begins when
    /// `prefix`; `None` when its postings cannot be read (the file changed under docbao).
    pub fn lookup(&self, key: &[u8], prefix: bool) -> Option<RoaringBitmap> {
        use fst::{IntoStreamer, Streamer};
        let mut values = Vec::new();
        if !prefix {
            values.extend(self.terms.get(key));
        } else {
            let mut end = key.to_vec();
            let mut stream = match increment(&mut end) {
                true => self.terms.range().ge(key).lt(&end).into_stream(),
                false => self.terms.range().ge(key).into_stream(),
            };
            while let Some((_, value)) = stream.next() {
                values.push(value);
            }
        }
        let mut found = RoaringBitmap::new();
        let (ones, bitmaps): (Vec<u64>, Vec<u64>) = values.into_iter().partition(|v| v & ONE != 0);
        found.extend(ones.into_iter().map(|v| v as u32));
        // The terms of a prefix are neighbours in the dictionary, and so are their bitmaps among
        // the postings: one read brings them all.
        let ranges: Vec<Range<usize>> = bitmaps.into_iter().map(bitmap_range).collect();
        let (Some(first), Some(last)) = (
            ranges.iter().map(|r| r.start).min(),
            ranges.iter().map(|r| r.end).max(),
        ) else {
            return Some(found);
        };
        let bytes = self.postings.read(first..last)?;
        for range in ranges {
            let bitmap = bytes.get(range.start - first..range.end - first)?;
            // Checked, not trusted: the file may have changed since its checksum was read.
            found |= RoaringBitmap::deserialize_from(bitmap).ok()?;
        }
        Some(found)
    }
}

/// The smallest key past every key that begins with `key`: `key` with its last byte below
/// 0xFF raised by one; `false` when every byte is 0xFF (no such key).
fn increment(key: &mut Vec<u8>) -> bool {
    while let Some(last) = key.pop() {
        if last < 0xFF {
            key.push(last + 1);
            return true;
        }
    }
    false
}

/// Reads exactly `buffer.len()` bytes of `file` from `offset`, without moving its cursor.
#[cfg(unix)]
fn read_exact_at(file: &std::fs::File, buffer: &mut [u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buffer, offset)
}

/// Elsewhere postings are read whole into memory (see `Part::read` callers): no file read.
#[cfg(not(unix))]
fn read_exact_at(_: &std::fs::File, _: &mut [u8], _: u64) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
}

/// The dictionary key of what is wanted, and whether it is a prefix.
pub(super) fn key_of(wanted: &Wanted<'_>) -> (Vec<u8>, bool) {
    let (kind, text, prefix) = match *wanted {
        Wanted::Syllable { text, prefix } => (SYLLABLE, text, prefix),
        Wanted::Pair { text, prefix } => (PAIR, text, prefix),
    };
    let mut key = Vec::with_capacity(text.len() + 1);
    key.push(kind);
    key.extend_from_slice(text.as_bytes());
    (key, prefix)
}

/// The texts of `dictionary` holding every one of `keys` (see [`key_of`]); `None` when
/// postings cannot be read.
pub(super) fn holding(dictionary: &Dictionary, keys: &[(Vec<u8>, bool)]) -> Option<RoaringBitmap> {
    let mut within: Option<RoaringBitmap> = None;
    for (key, prefix) in keys {
        let holding = dictionary.lookup(key, *prefix)?;
        within = Some(match within {
            Some(within) => within & holding,
            None => holding,
        });
        if within.as_ref().is_some_and(RoaringBitmap::is_empty) {
            break;
        }
    }
    Some(within.unwrap_or_default())
}

impl Dictionary {
    /// The texts holding everything `wanted` asks (none when it asks nothing); `None`
    /// when postings cannot be read.
    pub fn holding(&self, wanted: &[Wanted<'_>]) -> Option<RoaringBitmap> {
        let keys: Vec<(Vec<u8>, bool)> = wanted.iter().map(key_of).collect();
        holding(self, &keys)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_texts_make_the_dictionary_every_core_makes() {
        let texts = [
            "thu tuong ha noi",
            "ha noi",
            "",
            "thu hoach thu tuong",
            "ha",
        ];
        let (built, unread) = Dictionary::build(texts.len(), |i| Some(texts[i].to_owned()));
        let short = Dictionary::of_short(texts.iter().copied());
        assert!(unread.is_empty());
        assert_eq!(built.len(), short.len());
        for (key, prefix) in [
            ("sha", false),
            ("sth", true),
            ("pthu t", true),
            ("pha noi", false),
        ] {
            let found = |d: &Dictionary| {
                d.lookup(key.as_bytes(), prefix)
                    .map(|b| b.iter().collect::<Vec<_>>())
            };
            assert_eq!(found(&short), found(&built), "{key}");
        }
        let holding = |key: &str| {
            short
                .lookup(key.as_bytes(), false)
                .map(|b| b.iter().collect::<Vec<_>>())
        };
        assert_eq!(holding("pthu tuong"), Some(vec![0, 3]));
        assert_eq!(holding("sha"), Some(vec![0, 1, 4]));
    }
}
