//! Where a file's text may hold a folded query, found in its bytes without decoding or
//! folding them: a regular expression that accepts, at each place of the query, every
//! character that folds to what the query has there (`t` or `T`; `u`, `ủ`, `Ư`, or `u`
//! followed by combining marks …; a run of whitespace for a space), with the characters that
//! reading drops or that fold to nothing allowed anywhere between.
//!
//! It is a sieve: it may accept text whose fold does not hold the query (it then costs a
//! parse), never the other way round. It is made only for queries that fold to ASCII (every
//! Vietnamese query does), and bytes with a control character (an escape sequence, which
//! reading removes with what follows it) are always accepted.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::OnceLock;

use super::{fold, normalize};

/// Most bytes of pattern made for one query: past this, folding is as quick as the sieve.
const MAX_PATTERN: usize = 64 * 1024;

/// What each character folds to, where that is ASCII.
struct Folds {
    /// Characters by what they fold to, when that is ASCII other than a space.
    by_fold: BTreeMap<String, Vec<char>>,
    /// Characters that fold to whitespace.
    spaces: Vec<char>,
    /// Characters that fold to nothing or that reading drops (combining marks, zero-width
    /// and bidi controls, the byte-order mark).
    nothing: Vec<char>,
}

fn folds() -> &'static Folds {
    static FOLDS: OnceLock<Folds> = OnceLock::new();
    FOLDS.get_or_init(|| {
        let mut folds = Folds {
            by_fold: BTreeMap::new(),
            spaces: Vec::new(),
            nothing: Vec::new(),
        };
        // The basic plane holds every character whose fold is ASCII (beyond it, only
        // compatibility forms, which the fold leaves as they are).
        for c in (0x09..=0xFFFF).filter_map(char::from_u32) {
            if c.is_control() && !c.is_whitespace() {
                continue;
            }
            // What reading drops: format characters, and a joiner after a letter.
            if normalize::is_invisible_format(c) || c == '\u{200D}' {
                folds.nothing.push(c);
                continue;
            }
            let folded = fold::fold(c.encode_utf8(&mut [0; 4]));
            match folded.as_str() {
                "" => folds.nothing.push(c),
                " " => folds.spaces.push(c),
                ascii if ascii.is_ascii() => folds.by_fold.entry(folded).or_default().push(c),
                _ => {}
            }
        }
        folds
    })
}

/// A pattern for [`regex::bytes::Regex`] that matches text's bytes wherever its fold may hold
/// `folded` (a query folded as [`fold::fold`] folds, spaces single); `None` when no sieve is
/// made (nothing to look for, a query that does not fold to ASCII, a pattern too large).
pub fn pattern(folded: &str) -> Option<String> {
    if folded.trim().is_empty() || !folded.is_ascii() {
        return None;
    }
    let folds = folds();
    let nothing = alternatives(&folds.nothing);
    // Characters that fold to nothing may stand between any two that fold to something.
    let gap = format!("(?:{nothing})*");
    let space = format!("(?:{}|{nothing})+", alternatives(&folds.spaces));
    // The query is ASCII, so its bytes are its characters. From the end: what matches the
    // query from each byte on, if anything can.
    let mut from: Vec<Option<String>> = vec![None; folded.len() + 1];
    from[folded.len()] = Some(String::new());
    for at in (0..folded.len()).rev() {
        let options: Vec<String> = if folded.as_bytes()[at] == b' ' {
            from[at + 1]
                .iter()
                .map(|rest| format!("{space}{rest}"))
                .collect()
        } else {
            // Every fold that the query goes on with here: most one character, a few longer.
            folds
                .by_fold
                .range(folded[at..=at].to_owned()..)
                .take_while(|(fold, _)| fold.as_bytes()[0] == folded.as_bytes()[at])
                .filter(|(fold, _)| folded[at..].starts_with(fold.as_str()))
                .filter_map(|(fold, sources)| {
                    let rest = from[at + fold.len()].as_ref()?;
                    Some(format!("(?:{}){gap}{rest}", alternatives(sources)))
                })
                .collect()
        };
        let joined = match options.len() {
            0 => continue,
            1 => options.concat(),
            _ => format!("(?:{})", options.join("|")),
        };
        if joined.len() > MAX_PATTERN {
            return None;
        }
        from[at] = Some(joined);
    }
    from[0].take()
}

/// `a|b|…`, each character as its UTF-8 bytes.
fn alternatives(chars: &[char]) -> String {
    let mut out = String::new();
    for (n, c) in chars.iter().enumerate() {
        if n > 0 {
            out.push('|');
        }
        for byte in c.encode_utf8(&mut [0; 4]).bytes() {
            let _ = write!(out, "\\x{byte:02X}");
        }
    }
    out
}

/// A compiled sieve for one folded query.
#[derive(Debug, Clone)]
pub struct Sieve {
    regex: regex::bytes::Regex,
}

impl Sieve {
    /// The sieve for `folded`, if one can be made (see [`pattern`]).
    pub fn new(folded: &str) -> Option<Sieve> {
        let pattern = pattern(folded)?;
        let regex = regex::bytes::RegexBuilder::new(&pattern)
            .unicode(false)
            .size_limit(64 << 20)
            .build()
            .ok()?;
        Some(Sieve { regex })
    }

    /// Whether UTF-8 text may hold the query once read: `false` only when its fold cannot.
    pub fn may_match(&self, text: &[u8]) -> bool {
        has_control(text) || super::mojibake::may_hold(text) || self.regex.is_match(text)
    }
}

/// Whether bytes hold a control character other than tab and line endings (C0, DEL, or C1
/// in UTF-8), which reading replaces or removes along with the escape sequence it may start.
fn has_control(bytes: &[u8]) -> bool {
    let c0 = |b: u8| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0x7F;
    // Chunks folded without branches, so that the check runs many bytes at a time.
    if bytes
        .chunks(64)
        .any(|chunk| chunk.iter().fold(false, |any, &b| any | c0(b)))
    {
        return true;
    }
    memchr::memchr_iter(0xC2, bytes)
        .any(|at| bytes.get(at + 1).is_some_and(|b| (0x80..0xA0).contains(b)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[track_caller]
    fn sifts(text: &str, query: &str, expected: bool) {
        let sieve = Sieve::new(&fold::fold(query)).expect("a sieve");
        assert_eq!(
            sieve.may_match(text.as_bytes()),
            expected,
            "{query:?} in {text:?}"
        );
    }

    #[test]
    fn accents_case_and_spaces_are_all_one() {
        sifts("Thủ  TƯỚNG nói", "thu tuong", true);
        sifts("thu\ttuong", "thu tuong", true);
        sifts("Đà Nẵng", "da nang", true);
        sifts("Thủ tướng", "thủ tướng", true);
        sifts("thu tuo ng", "thu tuong", false);
        sifts("Bóng đá", "thu tuong", false);
        sifts("thứ tư", "thu tu", true);
    }

    #[test]
    fn decomposed_text_zero_widths_and_line_endings_are_seen_through() {
        sifts("Thu\u{309} tu\u{31b}\u{301}o\u{31b}ng", "thu tuong", true);
        sifts("thu\u{200b}\r\n tuong", "thu tuong", true);
        sifts("\u{feff}Thủ tướng", "thu tuong", true);
        sifts("thu \x1b[1mtuong", "thu tuong", true);
        sifts("\u{212a}inh", "kinh", true);
    }

    proptest! {
        #[test]
        fn never_drops_text_whose_fold_holds_the_query(
            text in "[a-zA-Z0-9 àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĐƯƠĀœßİ\u{300}-\u{323}\u{200b}\u{200d}\u{feff}\u{212a}\u{1b}\u{7}\u{85}\t\n\r\u{a0}“”–.,\\[m]{1,60}",
            start in 0usize..60,
            len in 1usize..12,
        ) {
            // What reading the file makes of it, folded: the oracle.
            let path = std::path::PathBuf::from("a.txt");
            let catalog = crate::catalog::Catalog::from_sources(
                [(path, Ok(text.clone().into_bytes()))],
                String::new(),
            );
            let Ok(article) = catalog.article(0) else {
                return Ok(());
            };
            let folded = fold::fold(&article.text);
            let chars: Vec<char> = folded.chars().collect();
            if chars.is_empty() {
                return Ok(());
            }
            let start = start % chars.len();
            let end = (start + len).min(chars.len());
            let needle: String = chars[start..end].iter().collect();
            let query = crate::search::Query::new(&needle, Default::default());
            if let Some(sieve) = Sieve::new(&fold::fold(&query.text)) {
                prop_assert!(sieve.may_match(text.as_bytes()), "{:?} in {:?}", needle, text);
            }
        }
    }
}
