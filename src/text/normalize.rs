//! Turning raw file bytes into clean text: decoding, line endings, escapes, controls, NFC, tabs.
//!
//! Everything that reaches the screen passes through here first, so that no character can move
//! a column: ratatui drops tabs and controls silently and prints the tail of an escape sequence
//! as text, which would make a row shorter or longer than the layout measured.

use std::borrow::Cow;
use std::collections::VecDeque;

use unicode_normalization::char::{decompose_canonical, is_combining_mark};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use super::width::str_width;

/// Columns between tab stops when a tab is expanded.
pub const TAB_STOP: usize = 4;

/// Stand-in shown for a control character that has no place in text.
pub const REPLACEMENT: char = '\u{FFFD}';

/// Base a combining mark is drawn on when nothing precedes it (U+25CC DOTTED CIRCLE).
pub const DOTTED_CIRCLE: char = '\u{25CC}';

/// Text decoded from bytes, with what was lost on the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The decoded text, not yet sanitised.
    pub text: String,
    /// Whether undecodable bytes had to be replaced with U+FFFD.
    pub lossy: bool,
    /// The encoding, when it was not UTF-8 (`UTF-16LE`, `windows-1258`, …).
    pub encoding: Option<&'static str>,
    /// Whether that encoding is a guess (no byte-order mark said so).
    pub guessed: bool,
    /// Whether mojibake (UTF-8 once read as Windows-1252 or Latin-1) was repaired.
    pub repaired: bool,
}

/// Decodes bytes: a byte-order mark decides (UTF-8, UTF-16LE, UTF-16BE); else UTF-8, with
/// invalid bytes replaced when most of the text is UTF-8; else the legacy encoding the bytes
/// look like (Windows-1258, Windows-1252, …), as browsers guess it.
pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, lossy) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return Decoded {
            text: text.into_owned(),
            lossy,
            encoding: (encoding != encoding_rs::UTF_8).then(|| encoding.name()),
            guessed: false,
            repaired: false,
        };
    }
    let utf8 = |text: String, lossy| Decoded {
        text,
        lossy,
        encoding: None,
        guessed: false,
        repaired: false,
    };
    // The common case, checked with SIMD: well-formed UTF-8.
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        return utf8(text.to_owned(), false);
    }
    if mostly_utf8(bytes) {
        return utf8(String::from_utf8_lossy(bytes).into_owned(), true);
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Allow);
    if encoding == encoding_rs::UTF_8 {
        return utf8(String::from_utf8_lossy(bytes).into_owned(), true);
    }
    let (text, _, lossy) = encoding.decode(bytes);
    Decoded {
        text: text.into_owned(),
        lossy,
        encoding: Some(encoding.name()),
        guessed: true,
        repaired: false,
    }
}

/// Whether bytes that are not valid UTF-8 still read mostly as UTF-8 (a few damaged bytes in a
/// UTF-8 file, rather than a file in another encoding).
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut good, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += usize::from(!chunk.invalid().is_empty());
    }
    good > bad
}

/// Cleans decoded text so that every character has a fixed, known width.
///
/// Line endings become `\n`; ANSI escape sequences are removed; zero-width and bidi format
/// characters are removed; other controls become U+FFFD; the text is NFC-normalised, so
/// decomposed input looks and measures exactly like precomposed input; a combining mark with
/// no base is drawn on a dotted circle; tabs are expanded to the next stop.
pub fn sanitize(text: &str) -> String {
    // Most news text is plain, and one pass over its bytes says so.
    if is_plain(text) {
        return if text.contains('\t') {
            expand_tabs(text)
        } else {
            text.to_owned()
        };
    }
    // Otherwise each step is skipped after a quick look, so that text needing one step costs
    // a few scans rather than a copy per step.
    let stripped: Cow<'_, str> = if needs_stripping(text) {
        Cow::Owned(strip_controls(text))
    } else {
        Cow::Borrowed(text)
    };
    let composed: Cow<'_, str> = match is_nfc_quick(stripped.chars()) {
        IsNormalized::Yes => stripped,
        _ => Cow::Owned(stripped.nfc().collect()),
    };
    let based: Cow<'_, str> = if has_orphan_marks(&composed) {
        Cow::Owned(give_marks_a_base(&composed))
    } else {
        composed
    };
    if based.contains('\t') {
        expand_tabs(&based)
    } else {
        based.into_owned()
    }
}

/// Whether [`sanitize`] would leave text as it is (tabs aside), told from its bytes in one
/// pass: no control but newline and tab, and only characters that are NFC whatever surrounds
/// them and never take a combining mark after them: ASCII; U+00A0–U+02FF but the soft hyphen
/// (Latin, IPA, spacing modifiers); U+1E00–U+1EFF (Latin Extended Additional: Vietnamese);
/// and the punctuation of U+2010–U+2027 and U+2030–U+205E (not the zero-width, bidi and other
/// format characters, nor the spaces, of that block). Anything else takes the slow road.
pub fn is_plain(text: &str) -> bool {
    let bytes = text.as_bytes();
    let at = |i: usize| bytes.get(i).copied().unwrap_or(0);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if (0x20..0x7F).contains(&b) || b == b'\n' || b == b'\t' {
            i += 1;
            continue;
        }
        let width = match b {
            0xC2 if (0xA0..=0xBF).contains(&at(i + 1)) && at(i + 1) != 0xAD => 2,
            0xC3..=0xCB => 2,
            0xE1 if (0xB8..=0xBB).contains(&at(i + 1)) => 3,
            0xE2 => match (at(i + 1), at(i + 2)) {
                (0x80, 0x90..=0xA7 | 0xB0..=0xBF) | (0x81, 0x80..=0x9E) => 3,
                _ => return false,
            },
            _ => return false,
        };
        i += width;
    }
    true
}

/// Whether text has anything [`strip_controls`] changes: a control other than newline and
/// tab, a CR, an escape, a line or paragraph separator, or an invisible format character.
fn needs_stripping(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| match b {
        b'\n' | b'\t' => false,
        0..=0x1F | 0x7F => true,
        // Lead bytes of the non-ASCII characters concerned; the next bytes tell which.
        0xC2 => bytes.get(i + 1).is_some_and(|&n| n <= 0x9F || n == 0xAD),
        0xD8 => bytes.get(i + 1) == Some(&0x9C),
        0xE1 => bytes.get(i + 1) == Some(&0xA0) && bytes.get(i + 2) == Some(&0x8E),
        0xE2 => match (bytes.get(i + 1), bytes.get(i + 2)) {
            (Some(0x80), Some(n)) => (0x8B..=0x8F).contains(n) || (0xA8..=0xAE).contains(n),
            (Some(0x81), Some(n)) => (0xA0..=0xAF).contains(n),
            _ => false,
        },
        0xEF => matches!(
            (bytes.get(i + 1), bytes.get(i + 2)),
            (Some(0xBB), Some(0xBF)) | (Some(0xBF), Some(0xB9..=0xBB))
        ),
        _ => false,
    })
}

/// Whether a combining mark stands at the start of the text or after whitespace.
fn has_orphan_marks(text: &str) -> bool {
    let starts_with_mark = |at: usize| {
        text[at..]
            .chars()
            .next()
            .is_some_and(|c| !c.is_ascii() && is_combining_mark(c))
    };
    if starts_with_mark(0) {
        return true;
    }
    // Whitespace here is what `give_marks_a_base` treats as no base: ASCII spaces are found
    // with memchr, the rare other spaces by their lead bytes, then checked as characters.
    let ascii_space = memchr::memchr3_iter(b' ', b'\n', b'\t', text.as_bytes())
        .any(|at| starts_with_mark(at + 1));
    let other_space = || {
        let bytes = text.as_bytes();
        (0..bytes.len()).any(|at| {
            // The UTF-8 of the non-ASCII spaces: U+00A0, U+1680, U+2000–U+200A, U+202F,
            // U+205F and U+3000 (the others were removed or turned into newlines already).
            let width = match (bytes[at], bytes.get(at + 1), bytes.get(at + 2)) {
                (0xC2, Some(0xA0), _) => 2,
                (0xE1, Some(0x9A), Some(0x80)) => 3,
                (0xE2, Some(0x80), Some(0x80..=0x8A | 0xAF)) => 3,
                (0xE2, Some(0x81), Some(0x9F)) => 3,
                (0xE3, Some(0x80), Some(0x80)) => 3,
                _ => return false,
            };
            starts_with_mark(at + width)
        })
    };
    ascii_space || other_space()
}

/// Applies [`decode`], repairs mojibake in what read as UTF-8, then [`sanitize`]s.
pub fn decode_and_sanitize(bytes: &[u8]) -> Decoded {
    let decoded = decode(bytes);
    // Before sanitising: the C1 controls that Latin-1 mojibake is made of would be replaced.
    let repaired = match decoded.encoding {
        None => super::mojibake::repair(&decoded.text),
        Some(_) => None,
    };
    Decoded {
        text: sanitize(repaired.as_deref().unwrap_or(&decoded.text)),
        repaired: repaired.is_some(),
        ..decoded
    }
}

/// Whether a character is a format character that takes no column and is dropped.
///
/// ZWJ (U+200D) is kept: it joins emoji sequences into one grapheme that is measured whole.
pub fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{00AD}'                      // soft hyphen
        | '\u{061C}'                    // Arabic letter mark
        | '\u{180E}'                    // Mongolian vowel separator
        | '\u{200B}' | '\u{200C}'       // zero-width space, non-joiner
        | '\u{200E}' | '\u{200F}'       // LRM, RLM
        | '\u{202A}'..='\u{202E}'       // bidi embeddings and overrides
        | '\u{2060}'..='\u{2064}'       // word joiner, invisible operators
        | '\u{2066}'..='\u{2069}'       // bidi isolates
        | '\u{206A}'..='\u{206F}'       // deprecated format characters
        | '\u{FEFF}'                    // BOM / zero-width no-break space
        | '\u{FFF9}'..='\u{FFFB}' // interlinear annotation
    )
}

/// Removes escape sequences and format characters, unifies line endings, replaces controls.
fn strip_controls(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut source = Source {
        rest: text.chars(),
        pending: VecDeque::new(),
    };
    while let Some(c) = source.next() {
        match c {
            '\n' | '\t' => out.push(c),
            '\r' => {
                // CRLF and a lone CR (old Mac files) both end a line.
                source.next_if(|c| c == '\n');
                out.push('\n');
            }
            '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' => out.push('\n'),
            '\u{2029}' => out.push_str("\n\n"),
            '\u{1B}' => skip_escape(&mut source),
            '\u{9B}' => skip_csi(&mut source),
            '\u{90}' | '\u{98}' | '\u{9D}' | '\u{9E}' | '\u{9F}' => skip_string(&mut source),
            c if is_invisible_format(c) => {}
            // A joiner after a letter or digit joins nothing a reader sees (it joins emoji,
            // which are neither), and would split the word for search and for columns.
            '\u{200D}'
                if out
                    .chars()
                    .rev()
                    .find(|&c| !is_combining_mark(c))
                    .is_some_and(char::is_alphanumeric) => {}
            c if c.is_control() => out.push(REPLACEMENT),
            c => out.push(c),
        }
    }
    out
}

/// The characters still to read, as the escape-sequence parser sees them.
///
/// Inside a sequence, characters are looked at decomposed: `ḿ` after `ESC [` is `m` (which ends
/// the sequence) then U+0301 (which is text again), exactly as in NFD input. Decomposing only
/// there keeps the common case fast and makes NFC and NFD input come out the same.
struct Source<'a> {
    rest: std::str::Chars<'a>,
    pending: VecDeque<char>,
}

impl Source<'_> {
    fn next(&mut self) -> Option<char> {
        self.pending.pop_front().or_else(|| self.rest.next())
    }

    fn peek(&mut self) -> Option<char> {
        if self.pending.is_empty() {
            let c = self.rest.next()?;
            decompose_canonical(c, |d| self.pending.push_back(d));
        }
        self.pending.front().copied()
    }

    fn next_if(&mut self, wanted: impl Fn(char) -> bool) -> Option<char> {
        let c = self.peek()?;
        if wanted(c) {
            self.pending.pop_front()
        } else {
            None
        }
    }
}

/// Skips the rest of an escape sequence whose ESC has been read (ECMA-48).
fn skip_escape(source: &mut Source<'_>) {
    match source.peek() {
        Some('[') => {
            source.next();
            skip_csi(source);
        }
        Some(']' | 'P' | 'X' | '^' | '_') => {
            source.next();
            skip_string(source);
        }
        _ => {
            // Intermediate bytes, then one final byte: ESC ( B, ESC 7 and the like.
            while source
                .next_if(|c| ('\u{20}'..='\u{2F}').contains(&c))
                .is_some()
            {}
            source.next_if(|c| ('\u{30}'..='\u{7E}').contains(&c));
        }
    }
}

/// Skips parameter and intermediate bytes up to and including the final byte of a CSI sequence.
fn skip_csi(source: &mut Source<'_>) {
    while source
        .next_if(|c| ('\u{20}'..='\u{3F}').contains(&c))
        .is_some()
    {}
    source.next_if(|c| ('\u{40}'..='\u{7E}').contains(&c));
}

/// Skips an OSC/DCS-style string up to its terminator (BEL, ST or ESC and a backslash), or a
/// line end.
fn skip_string(source: &mut Source<'_>) {
    while let Some(c) = source.peek() {
        match c {
            '\u{07}' | '\u{9C}' => {
                source.next();
                return;
            }
            '\u{1B}' => {
                source.next();
                source.next_if(|c| c == '\\');
                return;
            }
            // An unterminated string must not swallow the rest of the article.
            '\n' | '\r' => return,
            _ => {
                source.next();
            }
        }
    }
}

/// Puts a dotted circle before every combining mark that has no letter to sit on.
fn give_marks_a_base(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut previous: Option<char> = None;
    for c in text.chars() {
        if is_combining_mark(c) && previous.is_none_or(|p| p.is_whitespace() || p.is_control()) {
            out.push(DOTTED_CIRCLE);
        }
        out.push(c);
        previous = Some(c);
    }
    out
}

/// Replaces each tab with spaces up to the next tab stop, counting display columns.
fn expand_tabs(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut stop = out.len();
        for (j, piece) in line.split('\t').enumerate() {
            if j > 0 {
                // The last stop is a multiple of TAB_STOP: measure only what follows it.
                let column = str_width(&out[stop..]);
                out.extend(std::iter::repeat_n(' ', TAB_STOP - column % TAB_STOP));
                stop = out.len();
            }
            out.push_str(piece);
        }
    }
    out
}

#[cfg(test)]
mod plain_tests {
    use super::*;

    #[test]
    fn plain_text_is_what_the_slow_road_gives() {
        for text in [
            "Công ước Hà Nội – “3 thông điệp” … giá ½ ©",
            "Đặng Văn Lâm: ǅ ʃ ˈ",
            "x\u{00AD}y",
            "e\u{0301}",
            "a\u{200B}b",
            "a\u{2028}b",
            "tab\there",
            "\u{00A0}\u{0300}",
        ] {
            let slow = {
                let stripped = strip_controls(text);
                let composed: String = stripped.nfc().collect();
                let based = give_marks_a_base(&composed);
                expand_tabs(&based)
            };
            assert_eq!(sanitize(text), slow, "{text:?}");
        }
        assert!(is_plain("Công ước Hà Nội – “3 thông điệp”"));
        assert!(!is_plain("e\u{0301}"));
        assert!(!is_plain("x\u{00AD}"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn clean(input: &str, expected: &str) {
        assert_eq!(sanitize(input), expected, "input: {input:?}");
    }

    #[test]
    fn line_endings_become_newlines() {
        clean("a\r\nb\rc\nd", "a\nb\nc\nd");
        clean("a\u{2029}b", "a\n\nb");
    }

    #[test]
    fn decomposed_becomes_precomposed() {
        clean("Vie\u{0302}\u{0323}t", "Việt");
        // Marks in non-canonical order compose the same way.
        clean("Vie\u{0323}\u{0302}t", "Việt");
    }

    #[test]
    fn escapes_are_removed() {
        clean("\u{1B}[1;31mđỏ\u{1B}[0m", "đỏ");
        clean("a\u{1B}]8;;http://x\u{07}link\u{1B}]8;;\u{1B}\\b", "alinkb");
        clean("\u{1B}(Bx", "x");
        clean("\u{9B}2Jy", "y");
    }

    #[test]
    fn invisible_characters_are_removed_and_controls_replaced() {
        clean(
            "a\u{200B}b\u{FEFF}c\u{00AD}d\u{2060}e\u{202E}f\u{2066}g",
            "abcdefg",
        );
        clean("a\u{07}b\u{00}c", "a\u{FFFD}b\u{FFFD}c");
    }

    #[test]
    fn tabs_expand_to_stops_by_display_width() {
        clean("\tx", "    x");
        clean("ab\tc", "ab  c");
        clean("ờ\tc\td", "ờ   c   d");
        clean("日本\tx", "日本    x");
        clean("a\n\tb", "a\n    b");
    }

    #[test]
    fn orphan_marks_get_a_base() {
        clean("\u{0301}a", "\u{25CC}\u{0301}a");
        clean("x \u{0300}", "x \u{25CC}\u{0300}");
    }

    #[test]
    fn utf16_by_its_byte_order_mark() {
        let mut le = vec![0xFF, 0xFE];
        le.extend("Việt Nam".encode_utf16().flat_map(u16::to_le_bytes));
        let decoded = decode(&le);
        assert_eq!(
            (decoded.text.as_str(), decoded.encoding),
            ("Việt Nam", Some("UTF-16LE"))
        );
        let mut be = vec![0xFE, 0xFF];
        be.extend("Việt Nam".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&be).text, "Việt Nam");
    }

    #[test]
    fn bom_and_invalid_utf8() {
        let decoded = decode(b"\xEF\xBB\xBFabc");
        assert_eq!(decoded.text, "abc");
        assert!(!decoded.lossy);
        let decoded = decode("Việt\u{0}".replace('\0', "\u{FFFF}").as_bytes());
        assert!(!decoded.lossy);
        // Mostly UTF-8 with a damaged byte: replaced, not read as another encoding.
        let mut damaged = "Việt Nam đẹp".as_bytes().to_vec();
        damaged.insert("Việt".len(), 0xFF);
        let decoded = decode(&damaged);
        assert_eq!(decoded.text, "Việt\u{FFFD} Nam đẹp");
        assert!(decoded.lossy && decoded.encoding.is_none());
    }
}
