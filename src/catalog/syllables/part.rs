//! One part of the syllable index: the articles it was built from (each by its file and that
//! file's stamp), and the dictionary of their terms with the articles holding each.

use std::path::Path;

use super::terms::{Dictionary, Postings};
use crate::catalog::Stamp;

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
    pub(super) dictionary: Dictionary,
}

impl std::fmt::Debug for Part {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Part")
            .field("docs", &self.docs.len())
            .field("dictionary", &self.dictionary)
            .finish()
    }
}

/// Why a part file could not be used: a reason to rebuild it, never an error for the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unusable;

impl Part {
    /// The part of `docs`, each given with its folded text (`None` when it cannot be read:
    /// then it is in no posting, and the article is left to the scan), terms gathered on every
    /// core.
    pub fn build<F>(docs: Vec<Doc>, folded: F) -> Part
    where
        F: Fn(usize) -> Option<String> + Sync,
    {
        let (dictionary, unread) = Dictionary::build(docs.len(), folded);
        Part {
            docs,
            unread,
            dictionary,
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
        self.dictionary.size()
    }

    /// The articles holding term `key` (kind byte first), or every term it begins when
    /// `prefix`; `None` when its postings cannot be read (the file changed under docbao).
    #[cfg(test)]
    pub(super) fn lookup(&self, key: &[u8], prefix: bool) -> Option<roaring::RoaringBitmap> {
        self.dictionary.lookup(key, prefix)
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
        let terms = self.dictionary.terms.as_fst().as_bytes();
        body.extend_from_slice(&(terms.len() as u64).to_le_bytes());
        body.extend_from_slice(terms);
        if let Postings::Memory(postings) = &self.dictionary.postings {
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
            dictionary: Dictionary {
                terms,
                postings: Postings::Memory(r.bytes.to_vec()),
            },
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
        let len = part.dictionary.postings.len();
        part.dictionary.postings = Postings::File {
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
        match (&self.dictionary.postings, std::fs::File::open(path)) {
            (Postings::Memory(bytes), Ok(file)) => {
                let len = bytes.len();
                let total = file.metadata().map_or(0, |m| m.len());
                let postings = Postings::File {
                    file,
                    start: total.saturating_sub(len as u64),
                    len,
                };
                Part {
                    dictionary: Dictionary {
                        postings,
                        ..self.dictionary
                    },
                    ..self
                }
            }
            _ => self,
        }
    }
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
