//! One part of the syllable index: the articles it was built from (each by its file and that
//! file's stamp), a term dictionary (`fst`) of their syllables and syllable pairs, and for each
//! term the articles holding it (a `roaring` bitmap, or the one article inline).

use std::ops::Range;
use std::path::Path;

use rayon::prelude::*;
use roaring::RoaringBitmap;

use crate::catalog::Stamp;
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

const MAGIC: &[u8; 8] = b"DOCBAOSY";
/// Version of a part's layout; another is rebuilt.
const VERSION: u32 = 2;

/// An article a part was built from: its id in the catalog, as read at a stamp.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Doc {
    /// Its id (see [`crate::catalog::Entry::id`]).
    pub id: String,
    /// Its stamp when the article was indexed.
    pub stamp: Stamp,
}

/// One part of the index.
pub struct Part {
    /// Its articles, by number.
    pub(super) docs: Vec<Doc>,
    /// Those whose folded text could not be read when it was built: in no posting, so left
    /// to the scan.
    pub(super) unread: Vec<u32>,
    terms: fst::Map<Vec<u8>>,
    postings: Postings,
}

/// Where a part's postings are: in memory while it has no file, else in its file, read a
/// term's run at a time (they are most of a part, and a search reads few of them).
enum Postings {
    Memory(Vec<u8>),
    File {
        file: std::fs::File,
        /// Where they start in the file.
        start: u64,
        len: usize,
    },
}

impl Postings {
    fn len(&self) -> usize {
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

impl std::fmt::Debug for Part {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Part")
            .field("docs", &self.docs.len())
            .field("terms", &self.terms.len())
            .field("postings", &self.postings.len())
            .finish()
    }
}

/// Why a part file could not be used: a reason to rebuild it, never an error for the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unusable;

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

impl Part {
    /// The part of `docs`, each given with its folded text (`None` when it cannot be read:
    /// then it is in no posting, and the article is left to the scan), terms gathered on every
    /// core.
    pub fn build<F>(docs: Vec<Doc>, folded: F) -> Part
    where
        F: Fn(usize) -> Option<String> + Sync,
    {
        // A few chunks a core: each gathers its terms in a hash map, sorted after; the sorted
        // lists are then merged in one pass, in key order, as the dictionary wants them. Few
        // large chunks keep the merge short (a term is in most chunks).
        let per_chunk = docs
            .len()
            .div_ceil(rayon::current_num_threads() * 4)
            .max(MIN_CHUNK);
        let chunks: Vec<Range<usize>> = (0..docs.len())
            .step_by(per_chunk)
            .map(|start| start..(start + per_chunk).min(docs.len()))
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
        Part {
            docs,
            unread,
            terms: fst::Map::new(bytes).unwrap_or_default(),
            postings: Postings::Memory(postings),
        }
    }

    /// How many articles it was built from.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// Whether it was built from no article.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// How many bytes it takes: dictionary and postings.
    pub fn size(&self) -> usize {
        self.terms.as_fst().size() + self.postings.len()
    }

    /// The articles holding term `key` (kind byte first), or every term it begins when
    /// `prefix`; `None` when its postings cannot be read (the file changed under docbao).
    pub(super) fn lookup(&self, key: &[u8], prefix: bool) -> Option<RoaringBitmap> {
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

    /// The part as a file's bytes: magic, version, CRC-32 of the rest, the articles, the
    /// dictionary, the postings.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut body = Vec::with_capacity(self.size() + self.docs.len() * 64);
        put_u32(&mut body, self.docs.len() as u32);
        for doc in &self.docs {
            put_u32(&mut body, doc.id.len() as u32);
            body.extend_from_slice(doc.id.as_bytes());
            body.extend_from_slice(&doc.stamp.size.to_le_bytes());
            body.extend_from_slice(&doc.stamp.modified.to_le_bytes());
            body.extend_from_slice(&doc.stamp.inode.to_le_bytes());
            body.extend_from_slice(&doc.stamp.changed.to_le_bytes());
        }
        put_u32(&mut body, self.unread.len() as u32);
        for doc in &self.unread {
            put_u32(&mut body, *doc);
        }
        let terms = self.terms.as_fst().as_bytes();
        body.extend_from_slice(&(terms.len() as u64).to_le_bytes());
        body.extend_from_slice(terms);
        if let Postings::Memory(postings) = &self.postings {
            body.extend_from_slice(postings);
        }
        let mut bytes = Vec::with_capacity(body.len() + 16);
        bytes.extend_from_slice(MAGIC);
        put_u32(&mut bytes, VERSION);
        put_u32(&mut bytes, crc32fast::hash(&body));
        bytes.extend_from_slice(&body);
        bytes
    }

    /// A part from a file's bytes, if they are whole and of this version.
    pub fn from_bytes(bytes: &[u8]) -> Result<Part, Unusable> {
        let rest = bytes.strip_prefix(MAGIC).ok_or(Unusable)?;
        let mut r = Reader { bytes: rest };
        if r.u32()? != VERSION {
            return Err(Unusable);
        }
        let crc = r.u32()?;
        if crc32fast::hash(r.bytes) != crc {
            return Err(Unusable);
        }
        let count = r.u32()? as usize;
        // Each article takes at least 60 bytes: a damaged count cannot make this allocate
        // more than the file.
        let mut docs = Vec::with_capacity(count.min(r.bytes.len() / 60));
        for _ in 0..count {
            let len = r.u32()? as usize;
            let id = std::str::from_utf8(r.take(len)?).map_err(|_| Unusable)?;
            let stamp = Stamp {
                size: u64::from_le_bytes(r.array()?),
                modified: i128::from_le_bytes(r.array()?),
                inode: u64::from_le_bytes(r.array()?),
                changed: i128::from_le_bytes(r.array()?),
            };
            docs.push(Doc {
                id: id.to_owned(),
                stamp,
            });
        }
        let count = r.u32()? as usize;
        let mut unread = Vec::with_capacity(count.min(r.bytes.len() / 4));
        for _ in 0..count {
            unread.push(r.u32()?);
        }
        let len = usize::try_from(u64::from_le_bytes(r.array()?)).map_err(|_| Unusable)?;
        let terms = fst::Map::new(r.take(len)?.to_vec()).map_err(|_| Unusable)?;
        Ok(Part {
            docs,
            unread,
            terms,
            postings: Postings::Memory(r.bytes.to_vec()),
        })
    }

    /// Reads a part file, checked whole; its postings are then read from the file as they are
    /// wanted, not kept.
    pub fn read(path: &Path) -> Result<Part, Unusable> {
        let mut file = std::fs::File::open(path).map_err(|_| Unusable)?;
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut file, &mut bytes).map_err(|_| Unusable)?;
        let mut part = Part::from_bytes(&bytes)?;
        if cfg!(not(unix)) {
            return Ok(part);
        }
        let len = part.postings.len();
        part.postings = Postings::File {
            file,
            start: (bytes.len() - len) as u64,
            len,
        };
        Ok(part)
    }

    /// The same part read from its file from now on (see [`Part::read`]), once written there.
    pub fn from_file(self, path: &Path) -> Part {
        if cfg!(not(unix)) {
            return self;
        }
        match (&self.postings, std::fs::File::open(path)) {
            (Postings::Memory(bytes), Ok(file)) => {
                let len = bytes.len();
                let total = file.metadata().map_or(0, |m| m.len());
                Part {
                    postings: Postings::File {
                        file,
                        start: total.saturating_sub(len as u64),
                        len,
                    },
                    ..self
                }
            }
            _ => self,
        }
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

fn put_u32(into: &mut Vec<u8>, n: u32) {
    into.extend_from_slice(&n.to_le_bytes());
}

/// Little-endian numbers and runs of bytes, read in turn.
struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], Unusable> {
        if n > self.bytes.len() {
            return Err(Unusable);
        }
        let (taken, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Ok(taken)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], Unusable> {
        self.take(N)?.try_into().map_err(|_| Unusable)
    }

    fn u32(&mut self) -> Result<u32, Unusable> {
        Ok(u32::from_le_bytes(self.array()?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: &str) -> Doc {
        Doc {
            id: id.to_owned(),
            stamp: Stamp::default(),
        }
    }

    #[test]
    fn what_is_written_is_read_back_and_a_damaged_file_is_not() {
        let texts = ["thu tuong noi", "ha noi", "thu hoach", ""];
        let docs = (0..texts.len()).map(|i| doc(&i.to_string())).collect();
        let part = Part::build(docs, |i| (i < 3).then(|| texts[i].to_owned()));
        assert_eq!(part.unread, [3]);
        let ask = |part: &Part, key: &str, prefix| -> Vec<u32> {
            let found = part
                .lookup(key.as_bytes(), prefix)
                .expect("postings readable");
            found.iter().collect()
        };
        assert_eq!(ask(&part, "snoi", false), [0, 1]);
        assert_eq!(ask(&part, "sthu", false), [0, 2]);
        assert_eq!(ask(&part, "sth", true), [0, 2]);
        assert_eq!(ask(&part, "pthu t", true), [0]);
        assert_eq!(ask(&part, "pthu", false), Vec::<u32>::new());
        let bytes = part.to_bytes();
        let read = Part::from_bytes(&bytes).expect("read back");
        assert_eq!(read.docs, part.docs);
        assert_eq!(read.unread, part.unread);
        assert_eq!(ask(&read, "sth", true), [0, 2]);
        assert_eq!(ask(&read, "pha noi", false), [1]);
        assert!(Part::from_bytes(&bytes[..bytes.len() - 1]).is_err());
        let mut flipped = bytes.clone();
        flipped[bytes.len() / 2] ^= 1;
        assert!(Part::from_bytes(&flipped).is_err());

        // From a file, the postings are read as wanted; a file cut short after it was
        // checked gives no answer rather than a wrong one.
        let dir = tempfile::tempdir().expect("a folder");
        let path = dir.path().join("syl-a.bin");
        std::fs::write(&path, &bytes).expect("written");
        let from_file = Part::read(&path).expect("read");
        assert_eq!(ask(&from_file, "sth", true), [0, 2]);
        assert_eq!(ask(&from_file, "snoi", false), [0, 1]);
        let written = part.from_file(&path);
        assert_eq!(ask(&written, "pthu t", true), [0]);
        std::fs::write(&path, &bytes[..bytes.len() - 40]).expect("cut short");
        assert!(from_file.lookup(b"sth", true).is_none());
    }
}
