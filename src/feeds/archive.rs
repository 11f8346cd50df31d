//! Writing fetched articles into the archive: one file per article in its feed's folder,
//! named by date and a slug of the headline, written whole or not at all, never over a file
//! that is there already; a copy in another folder is a hard link to the first.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::catalog::Date;
use crate::text::fold;

/// Longest slug, in bytes: enough to tell headlines apart, short enough for any file system.
const SLUG_BYTES: usize = 60;

/// The file name of an article: `2025-10-26-ket-tinh-cua-su-kien-tri.md`.
pub fn file_name(date: Date, title: &str) -> String {
    let slug = slug(title);
    match slug.is_empty() {
        true => format!("{date}.md"),
        false => format!("{date}-{slug}.md"),
    }
}

/// A headline as a file name's part: folded (no accents, đ as d, lower case), letters and
/// digits kept, the rest as single hyphens.
pub fn slug(title: &str) -> String {
    let folded = fold::fold(title);
    let mut slug = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.len() >= SLUG_BYTES {
            break;
        }
    }
    // Cut at the last whole word, unless that leaves too little to tell the file.
    if slug.len() >= SLUG_BYTES
        && let Some(cut) = slug.rfind('-').filter(|&cut| cut >= SLUG_BYTES / 2)
    {
        slug.truncate(cut);
    }
    slug.trim_end_matches('-').to_owned()
}

/// Where an article went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Placed {
    /// Written as a new file.
    New(PathBuf),
    /// The same bytes were there already under its name (written by a fetch that was cut
    /// short before it was remembered, or for a feed subscribed to again): nothing written.
    There(PathBuf),
}

impl Placed {
    /// The file.
    pub fn path(&self) -> &Path {
        match self {
            Placed::New(path) | Placed::There(path) => path,
        }
    }
}

/// Writes `text` as a new file `name` in `folder` (made if missing): a temporary file first,
/// flushed, then linked into place only if no file has that name, so that the article is
/// whole or absent and no file is ever overwritten. A taken name gets a number (`…-2.md`),
/// unless the file there holds these very bytes.
pub fn write_new(folder: &Path, name: &str, text: &str) -> io::Result<Placed> {
    fs::create_dir_all(folder)?;
    let temporary = folder.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| {
        let mut file = fs::File::create(&temporary)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        place(&temporary, folder, name)
    })();
    let _ = fs::remove_file(&temporary);
    result
}

/// Links `existing` into `folder` under its own name (numbered if taken), so that one article
/// is listed in two sections and stored once.
pub fn link_into(existing: &Path, folder: &Path) -> io::Result<Placed> {
    fs::create_dir_all(folder)?;
    let name = existing
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "article.md".to_owned());
    place(existing, folder, &name)
}

/// Links `from` to the first free name like `name` in `folder`, or finds it there: the same
/// bytes, or a file from the same address (the article, changed by the user since).
fn place(from: &Path, folder: &Path, name: &str) -> io::Result<Placed> {
    let (stem, extension) = name.rsplit_once('.').unwrap_or((name, "md"));
    let bytes = fs::read(from)?;
    let source = source_of(&bytes);
    let same = |there: &[u8]| there == bytes || source.is_some_and(|s| source_of(there) == Some(s));
    for n in 1..1000 {
        let candidate = match n {
            1 => folder.join(name),
            n => folder.join(format!("{stem}-{n}.{extension}")),
        };
        match fs::hard_link(from, &candidate) {
            Ok(()) => return Ok(Placed::New(candidate)),
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists => {
                if fs::read(&candidate).is_ok_and(|there| same(&there)) {
                    return Ok(Placed::There(candidate));
                }
            }
            Err(err) => return Err(err),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        format!("every name like {name} is taken"),
    ))
}

/// The address an article file says it came from: its `source` line, among the first lines.
fn source_of(bytes: &[u8]) -> Option<&[u8]> {
    bytes
        .split(|&b| b == b'\n')
        .take(4)
        .find_map(|line| line.strip_prefix(b"source "))
        .map(|address| address.trim_ascii())
        .filter(|address| !address.is_empty())
}

/// A hash of an article's text that two copies of it share whatever their address: FNV-1a
/// over its words, folded.
pub fn text_hash(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in fold::fold(text).bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_vietnamese_headline_makes_a_plain_file_name() {
        let date = Date::parse("2025-10-26").expect("a date");
        assert_eq!(
            file_name(date, "Đắk Lắk: Kết tinh của sự kiên trì / trí tuệ?"),
            "2025-10-26-dak-lak-ket-tinh-cua-su-kien-tri-tri-tue.md"
        );
        assert_eq!(file_name(date, "!!!"), "2025-10-26.md");
    }

    #[test]
    fn a_taken_name_gets_a_number_and_the_first_file_is_untouched() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let first = write_new(dir.path(), "a.md", "first").expect("written");
        let second = write_new(dir.path(), "a.md", "second").expect("written");
        assert_eq!(fs::read_to_string(first.path()).expect("read"), "first");
        assert_eq!(
            second.path().file_name().and_then(|n| n.to_str()),
            Some("a-2.md")
        );
        assert!(matches!(second, Placed::New(_)));
        let again = write_new(dir.path(), "a.md", "second").expect("written");
        assert_eq!(
            again,
            Placed::There(dir.path().join("a-2.md")),
            "the same bytes are there"
        );
        let left: Vec<_> = fs::read_dir(dir.path()).expect("listed").collect();
        assert_eq!(left.len(), 2, "no temporary file is left");
    }

    #[test]
    fn an_article_the_user_changed_is_found_by_its_source_and_kept() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let fetched = "date 2025-10-26 Tin\nsource https://a.vn/tin.html\n\nMột đoạn.\n";
        let first = write_new(dir.path(), "a.md", fetched).expect("written");
        let changed = fetched.replace("Một đoạn.", "Một đoạn, ghi chú của tôi.");
        fs::write(first.path(), &changed).expect("changed");
        assert_eq!(
            write_new(dir.path(), "a.md", fetched).expect("placed"),
            Placed::There(first.path().to_owned())
        );
        assert_eq!(fs::read_to_string(first.path()).expect("read"), changed);
        // Another address under the same name is another article.
        let other = fetched.replace("tin.html", "khac.html");
        let second = write_new(dir.path(), "a.md", &other).expect("written");
        assert!(matches!(second, Placed::New(_)), "{second:?}");
    }

    #[test]
    fn a_long_headline_is_cut_at_a_word() {
        let slug = slug(&"Công ước Hà Nội ".repeat(20));
        assert!(slug.len() <= SLUG_BYTES, "{slug}");
        assert!(slug.len() > SLUG_BYTES / 2, "{slug}");
        let words = ["cong", "uoc", "ha", "noi"];
        assert!(slug.split('-').all(|w| words.contains(&w)), "{slug}");
    }
}
