//! Folding text for search: one form for text and query alike, and the way back to the original.
//!
//! The fold is NFD, combining marks U+0300–U+036F dropped, đ/Đ → d, lowercase, and every run of
//! whitespace as one space. It works character by character on NFC text, so a match in the folded
//! text maps back to whole original characters through [`FoldMap`].

use std::ops::Range;
use std::sync::OnceLock;

use unicode_normalization::char::decompose_canonical;
use unicode_segmentation::GraphemeCursor;

/// Whether a combining mark is one the fold drops (the Combining Diacritical Marks block).
pub fn is_foldable_mark(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

/// Whether a mark is a Vietnamese tone (huyền, sắc, hỏi, ngã, nặng), as opposed to a letter mark.
pub fn is_tone_mark(c: char) -> bool {
    matches!(
        c,
        '\u{0300}' | '\u{0301}' | '\u{0303}' | '\u{0309}' | '\u{0323}'
    )
}

/// Characters below this have their lowercase fold looked up in a table, not computed.
const TABLE_END: u32 = 0x2000;

/// The lowercase fold of every character below [`TABLE_END`] that folds to exactly one
/// character (Latin, Vietnamese, Greek, Cyrillic …), or `None`: computed once, because
/// decomposing and lowercasing each letter of every article is most of a search index's cost.
fn fold_table() -> &'static [Option<char>] {
    static TABLE: OnceLock<Vec<Option<char>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        (0..TABLE_END)
            .map(|code| {
                let c = char::from_u32(code)?;
                let mut out = String::new();
                fold_slowly(c, true, &mut out);
                let mut chars = out.chars();
                match (chars.next(), chars.next()) {
                    (Some(single), None) => Some(single),
                    _ => None,
                }
            })
            .collect()
    })
}

/// Appends the fold of one character (not whitespace) to `out`, lowercased or not.
fn push_folded(c: char, lowercase: bool, out: &mut String) {
    if lowercase && !c.is_ascii() {
        let table = fold_table();
        if let Some(Some(folded)) = table.get(c as usize) {
            out.push(*folded);
            return;
        }
    }
    fold_slowly(c, lowercase, out);
}

/// [`push_folded`] without the table.
fn fold_slowly(c: char, lowercase: bool, out: &mut String) {
    match c {
        'đ' | 'Đ' if lowercase => out.push('d'),
        'đ' => out.push('d'),
        'Đ' => out.push('D'),
        // Most text is ASCII: skip the decomposition for it.
        c if c.is_ascii() => out.push(if lowercase { c.to_ascii_lowercase() } else { c }),
        c => decompose_canonical(c, |d| {
            if is_foldable_mark(d) {
                return;
            }
            if lowercase {
                out.extend(d.to_lowercase());
            } else {
                out.push(d);
            }
        }),
    }
}

/// Folds text: no accents, đ as d, lowercase, whitespace runs as one space.
pub fn fold(text: &str) -> String {
    let mut out = Vec::with_capacity(text.len());
    fold_bytes::<false>(text, &mut out, |_, _| {});
    into_string(out)
}

/// Folds `text` as [`fold`] does onto the end of `out`, if it is plain text (see
/// [`crate::text::normalize::is_plain`]), telling the two apart in the same pass; returns
/// whether it was (if not, `out` holds part of the fold).
pub fn fold_plain(text: &str, out: &mut Vec<u8>) -> bool {
    fold_bytes::<true>(text, out, |_, _| {})
}

/// What the fold makes of one character below [`CLASSES_END`], so that the byte loop of
/// [`fold_bytes`] folds most characters with one lookup and no decoding into `char`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// One ASCII byte.
    Ascii(u8),
    /// Nothing (a combining mark).
    Nothing,
    /// The character itself, unchanged.
    Itself,
    /// Whitespace: one space for a run of it.
    Space,
    /// Anything else: folded the slow way.
    Other,
}

/// Characters below this are classed in a table: Latin, Vietnamese, Greek, Cyrillic … and
/// General Punctuation (dashes and quotes, common in news).
const CLASSES_END: u32 = 0x2070;

fn classes() -> &'static [Class] {
    static CLASSES: OnceLock<Vec<Class>> = OnceLock::new();
    CLASSES.get_or_init(|| {
        (0..CLASSES_END)
            .map(|code| {
                let Some(c) = char::from_u32(code) else {
                    return Class::Other;
                };
                if c.is_whitespace() {
                    return Class::Space;
                }
                let mut out = String::new();
                fold_slowly(c, true, &mut out);
                let mut chars = out.chars();
                match (chars.next(), chars.next()) {
                    (None, _) => Class::Nothing,
                    (Some(a), None) if a.is_ascii() => Class::Ascii(a as u8),
                    (Some(a), None) if a == c => Class::Itself,
                    _ => Class::Other,
                }
            })
            .collect()
    })
}

/// Whether a character beyond ASCII is one plain text may hold: that of
/// [`crate::text::normalize::is_plain`], told from its code.
fn is_plain_code(code: u32) -> bool {
    matches!(code, 0xA0..=0x2FF if code != 0xAD)
        || matches!(code, 0x1E00..=0x1EFF | 0x2010..=0x2027 | 0x2030..=0x205E)
}

/// Folds `text` onto the end of `out` as [`fold`] does, a byte at a time where it can;
/// `at_letter(original offset, folded length)` is called before each character that is not
/// whitespace is folded. With `PLAIN`, stops at the first character plain text does not
/// hold, and returns `false`.
fn fold_bytes<const PLAIN: bool>(
    text: &str,
    out: &mut Vec<u8>,
    mut at_letter: impl FnMut(usize, usize),
) -> bool {
    let classes = classes();
    let bytes = text.as_bytes();
    let mut in_space = false;
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        if byte.is_ascii() {
            if PLAIN && !matches!(byte, 0x20..0x7F | b'\n' | b'\t') {
                return false;
            }
            if matches!(byte, b' ' | b'\n' | b'\t' | b'\r' | 0x0B | 0x0C) {
                if !in_space {
                    out.push(b' ');
                }
                in_space = true;
            } else {
                at_letter(at, out.len());
                in_space = false;
                out.push(byte.to_ascii_lowercase());
            }
            at += 1;
            continue;
        }
        // Two and three bytes are decoded here; `text` is valid UTF-8, so the continuation
        // bytes are there.
        let next = |i: usize| u32::from(bytes.get(at + i).copied().unwrap_or(0) & 0x3F);
        let (code, width) = match byte {
            0xC0..=0xDF => ((u32::from(byte & 0x1F) << 6) | next(1), 2),
            0xE0..=0xEF => ((u32::from(byte & 0x0F) << 12) | (next(1) << 6) | next(2), 3),
            _ => (u32::MAX, 4),
        };
        if PLAIN && !is_plain_code(code) {
            return false;
        }
        let class = classes.get(code as usize).copied().unwrap_or(Class::Other);
        let other = (class == Class::Other).then(|| {
            text.get(at..)
                .and_then(|rest| rest.chars().next())
                .unwrap_or(char::REPLACEMENT_CHARACTER)
        });
        // Whitespace beyond the table too (U+3000, the ideographic space, …).
        if class == Class::Space || other.is_some_and(char::is_whitespace) {
            if !in_space {
                out.push(b' ');
            }
            in_space = true;
            at += width;
            continue;
        }
        at_letter(at, out.len());
        in_space = false;
        match (class, other) {
            (Class::Ascii(folded), _) => out.push(folded),
            (Class::Itself, _) => out.extend_from_slice(&bytes[at..at + width]),
            (_, Some(c)) => {
                let mut folded = String::new();
                push_folded(c, true, &mut folded);
                out.extend_from_slice(folded.as_bytes());
            }
            _ => {}
        }
        at += width;
    }
    true
}

/// The folded bytes as a string: always UTF-8, since only whole characters were put in.
fn into_string(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Folds text like [`fold`] but keeps upper and lower case apart.
pub fn fold_keep_case(text: &str) -> String {
    fold_as(text, false)
}

fn fold_as(text: &str, lowercase: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
            continue;
        }
        in_space = false;
        push_folded(c, lowercase, &mut out);
    }
    out
}

/// Folded bytes between two marks, at least: a match is mapped back by folding again from
/// the mark before it, so this bounds the work, and eight bytes a kilobyte is all it costs.
pub const MARK_EVERY: usize = 1024;

/// A point where folded text and its original line up: (folded offset, original offset).
pub type Mark = (u32, u32);

/// Folds text as [`fold`] does, and marks every [`MARK_EVERY`] folded bytes or so where the
/// original was, at a character that is not whitespace: folding afresh from there gives the
/// same bytes as the whole fold does, since the fold looks at one character at a time and
/// only whitespace depends on what came before.
pub fn fold_marked(text: &str) -> (String, Vec<Mark>) {
    let mut out = Vec::with_capacity(text.len());
    let mut marks = Vec::with_capacity(text.len() / MARK_EVERY);
    let mut next = MARK_EVERY;
    fold_bytes::<false>(text, &mut out, |at, len| {
        if len >= next {
            marks.push((offset(len), offset(at)));
            next = len + MARK_EVERY;
        }
    });
    (into_string(out), marks)
}

/// The original byte range of `text` that a range of its folded text came from, widened to
/// whole graphemes, found by folding again from the mark before it (see [`fold_marked`]).
pub fn to_original_marked(text: &str, marks: &[Mark], folded: Range<usize>) -> Range<usize> {
    let before = marks.partition_point(|&(at, _)| at as usize <= folded.start);
    let (folded_at, original_at) = match before {
        0 => (0, 0),
        k => (marks[k - 1].0 as usize, marks[k - 1].1 as usize),
    };
    let Some(rest) = text.get(original_at..) else {
        return 0..0;
    };
    let local = folded.start - folded_at..folded.end - folded_at;
    let map = FoldMap::up_to(rest, local.end + 1);
    let found = map.to_original(rest, local);
    whole_graphemes(text, found.start + original_at..found.end + original_at)
}

/// Maps ranges of folded text back to the original as [`to_original_marked`] does, for ranges
/// asked in increasing order: each stretch of text is folded once, on from where the last
/// range was, or afresh from the mark before a range further on.
#[derive(Debug)]
pub struct Unfold<'a> {
    text: &'a str,
    marks: &'a [Mark],
    /// Where the walk has folded to: folded and original offsets, and whether in whitespace.
    folded_at: usize,
    original_at: usize,
    in_space: bool,
    /// The last character folded that gave output: (folded start, original start, end).
    last: Option<(usize, usize, usize)>,
    /// One character's fold, reused.
    scratch: String,
}

impl<'a> Unfold<'a> {
    /// A walk over `text`, folded with `marks` (see [`fold_marked`]).
    pub fn new(text: &'a str, marks: &'a [Mark]) -> Unfold<'a> {
        Unfold {
            text,
            marks,
            folded_at: 0,
            original_at: 0,
            in_space: false,
            last: None,
            scratch: String::new(),
        }
    }

    /// The original byte range that a range of the folded text came from, widened to whole
    /// graphemes.
    pub fn to_original(&mut self, folded: Range<usize>) -> Range<usize> {
        if folded.is_empty() {
            return 0..0;
        }
        let Some(first) = self.piece(folded.start) else {
            return 0..0;
        };
        let last = self.piece(folded.end - 1).unwrap_or(first);
        whole_graphemes(self.text, first.0..last.1)
    }

    /// The original range of the character whose fold holds folded byte `at`.
    fn piece(&mut self, at: usize) -> Option<(usize, usize)> {
        let behind = self.last.is_none_or(|(start, _, _)| at < start);
        let mark = self
            .marks
            .partition_point(|&(folded, _)| folded as usize <= at);
        let (mark_folded, mark_original) = match mark {
            0 => (0, 0),
            k => (self.marks[k - 1].0 as usize, self.marks[k - 1].1 as usize),
        };
        // Behind the walk, or a mark nearer than where it is: on afresh from the mark.
        if (behind && self.last.is_some()) || mark_folded > self.folded_at {
            self.folded_at = mark_folded;
            self.original_at = mark_original;
            self.in_space = false;
            self.last = None;
        }
        let text = self.text;
        let bytes = text.as_bytes();
        while self.folded_at <= at {
            // Most of any text is ASCII letters, a byte folded to a byte.
            if let Some(&byte) = bytes.get(self.original_at)
                && byte.is_ascii_graphic()
            {
                self.in_space = false;
                self.last = Some((self.folded_at, self.original_at, self.original_at + 1));
                self.folded_at += 1;
                self.original_at += 1;
                continue;
            }
            let c = text.get(self.original_at..)?.chars().next()?;
            let end = self.original_at + c.len_utf8();
            let made = if c.is_whitespace() {
                let made = usize::from(!self.in_space);
                self.in_space = true;
                made
            } else {
                self.in_space = false;
                self.scratch.clear();
                push_folded(c, true, &mut self.scratch);
                self.scratch.len()
            };
            if made > 0 {
                self.last = Some((self.folded_at, self.original_at, end));
            }
            self.folded_at += made;
            self.original_at = end;
        }
        self.last.map(|(_, start, end)| (start, end))
    }
}

/// Folded text together with where each piece of it came from in the original.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FoldMap {
    /// The folded text, as [`fold`] makes it.
    pub folded: String,
    /// For every original character that produced output: (folded start, original range).
    pieces: Vec<(u32, u32, u32)>,
}

impl FoldMap {
    /// Folds `text`, remembering the origin of every folded byte.
    pub fn new(text: &str) -> FoldMap {
        FoldMap::up_to(text, usize::MAX)
    }

    /// Like [`FoldMap::new`], stopping once `limit` folded bytes are made: enough to place
    /// matches known to lie before that point without folding the whole text.
    pub fn up_to(text: &str, limit: usize) -> FoldMap {
        let mut map = FoldMap {
            folded: String::with_capacity(text.len().min(limit)),
            pieces: Vec::with_capacity(text.len().min(limit)),
        };
        let mut in_space = false;
        for (at, c) in text.char_indices() {
            let start = map.folded.len();
            if start >= limit {
                break;
            }
            if c.is_whitespace() {
                if !in_space {
                    map.folded.push(' ');
                }
                in_space = true;
            } else {
                in_space = false;
                push_folded(c, true, &mut map.folded);
            }
            if map.folded.len() > start {
                let end = at + c.len_utf8();
                map.pieces.push((offset(start), offset(at), offset(end)));
            }
        }
        map
    }

    /// The original byte range that a folded byte range came from, widened to whole graphemes.
    pub fn to_original(&self, text: &str, folded: Range<usize>) -> Range<usize> {
        if self.pieces.is_empty() || folded.is_empty() {
            return 0..0;
        }
        let piece_at = |pos: usize| {
            self.pieces
                .partition_point(|&(start, _, _)| start as usize <= pos)
                .saturating_sub(1)
        };
        let first = self.pieces[piece_at(folded.start)];
        let last = self.pieces[piece_at(folded.end - 1)];
        whole_graphemes(text, first.1 as usize..last.2 as usize)
    }
}

/// Offsets are stored in 32 bits; articles are capped far below 4 GiB when read.
fn offset(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Widens a byte range of `text` so that it starts and ends on grapheme boundaries.
///
/// The cursor is given the whole text, so it looks back as far as a grapheme reaches (a base
/// with any number of marks) and no further.
pub fn whole_graphemes(text: &str, range: Range<usize>) -> Range<usize> {
    let boundary = |at: usize, forward: bool| {
        let mut cursor = GraphemeCursor::new(at, text.len(), true);
        if cursor.is_boundary(text, 0).unwrap_or(true) {
            return at;
        }
        let next = if forward {
            cursor.next_boundary(text, 0)
        } else {
            cursor.prev_boundary(text, 0)
        };
        next.ok()
            .flatten()
            .unwrap_or(if forward { text.len() } else { 0 })
    };
    boundary(range.start, false)..boundary(range.end, true)
}

/// Whether text has a diacritic that the fold removes (a mark or đ/Đ).
pub fn has_diacritic(text: &str) -> bool {
    text.chars().any(|c| {
        if matches!(c, 'đ' | 'Đ') || is_foldable_mark(c) {
            return true;
        }
        let mut found = false;
        decompose_canonical(c, |d| found |= is_foldable_mark(d));
        found
    })
}

/// What distinguishes letters that fold alike: their marks, split into tone and the rest.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Accents {
    /// Per letter (non-whitespace character), its non-tone marks in canonical order; đ counts.
    pub letters: Vec<Vec<char>>,
    /// Per word, its tone marks in order, wherever in the word they sit.
    pub tones: Vec<Vec<char>>,
    /// Per word, how many letters it has.
    pub word_lengths: Vec<usize>,
}

/// Splits text into letters' marks and words' tones, so that `hoà` and `hòa` compare equal.
pub fn accents(text: &str) -> Accents {
    let mut out = Accents::default();
    let mut in_word = false;
    for c in text.chars() {
        if !c.is_alphanumeric() && !is_foldable_mark(c) {
            in_word = false;
            if !c.is_whitespace() {
                out.letters.push(Vec::new());
            }
            continue;
        }
        if !in_word {
            out.tones.push(Vec::new());
            out.word_lengths.push(0);
            in_word = true;
        }
        let mut marks = Vec::new();
        if matches!(c, 'đ' | 'Đ') {
            marks.push('đ');
        }
        let (Some(tones), Some(length)) = (out.tones.last_mut(), out.word_lengths.last_mut())
        else {
            continue;
        };
        decompose_canonical(c, |d| {
            if is_tone_mark(d) {
                tones.push(d);
            } else if is_foldable_mark(d) {
                marks.push(d);
            }
        });
        *length += 1;
        out.letters.push(marks);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn folds(text: &str, expected: &str) {
        assert_eq!(fold(text), expected, "{text:?}");
    }

    #[test]
    fn folding() {
        folds("Công ước Hà Nội", "cong uoc ha noi");
        folds("Đặng", "dang");
        folds("HÒA  hoà\n\thòa", "hoa hoa hoa");
        folds("Vie\u{0323}\u{0302}t", "viet");
        folds("Ảnh: TUẤN MINH", "anh: tuan minh");
        assert_eq!(fold_keep_case("Đặng Văn"), "Dang Van");
    }

    #[test]
    fn map_back_to_whole_characters() {
        let text = "Tổng Bí thư  Tô Lâm";
        let map = FoldMap::new(text);
        assert_eq!(map.folded, fold(text));
        let at = map.folded.find("to lam").unwrap();
        let range = map.to_original(text, at..at + "to lam".len());
        assert_eq!(&text[range], "Tô Lâm");
        let at = map.folded.find("thu to").unwrap();
        let range = map.to_original(text, at..at + "thu to".len());
        assert_eq!(&text[range], "thư  Tô");
    }

    #[test]
    fn marks_map_back_like_the_whole_fold() {
        let text = "Công ước   Hà Nội gửi đi ba thông điệp. ".repeat(200);
        let (folded, marks) = fold_marked(&text);
        assert_eq!(folded, fold(&text));
        assert!(marks.len() > 5, "{} marks", marks.len());
        let map = FoldMap::new(&text);
        for (at, _) in folded.match_indices("ha noi") {
            let range = at..at + "ha noi".len();
            assert_eq!(
                to_original_marked(&text, &marks, range.clone()),
                map.to_original(&text, range)
            );
        }
    }

    #[test]
    fn a_walk_maps_back_like_the_marks() {
        let text =
            "Công ước   Hà Nội gửi đi ba thông điệp.\n\n Vie\u{0323}\u{0302}t  NAM ".repeat(150);
        let (folded, marks) = fold_marked(&text);
        assert!(marks.len() > 5, "{} marks", marks.len());
        // Ranges in order, overlapping ones too, as a search's candidates come.
        for needle in ["ha noi", "a", "i", "viet  nam", " ", "n", "ong uoc"] {
            let mut walk = Unfold::new(&text, &marks);
            let mut every_other = Unfold::new(&text, &marks);
            for (k, (at, _)) in folded.match_indices(needle).enumerate() {
                let range = at..at + needle.len();
                let expected = to_original_marked(&text, &marks, range.clone());
                assert_eq!(
                    walk.to_original(range.clone()),
                    expected,
                    "{needle:?} at {at}"
                );
                if k % 2 == 0 {
                    assert_eq!(
                        every_other.to_original(range),
                        expected,
                        "{needle:?} at {at}"
                    );
                }
            }
        }
        // Asked out of order, it starts again.
        let mut walk = Unfold::new(&text, &marks);
        let late = folded.len() - 5..folded.len() - 1;
        let early = 3..8;
        let expected = to_original_marked(&text, &marks, early.clone());
        walk.to_original(late);
        assert_eq!(walk.to_original(early), expected);
    }

    #[test]
    fn the_byte_loop_folds_as_the_character_loop_does() {
        // Every character of the classes' table and past it, alone and between others.
        let mut text = String::new();
        for code in (0..CLASSES_END + 0x40).chain([0x3000, 0x1F600, 0xFEFF, 0x10FFFF]) {
            if let Some(c) = char::from_u32(code) {
                text.push(c);
                text.push_str(if code % 3 == 0 { " a" } else { "\u{301}" });
            }
        }
        assert_eq!(fold(&text), fold_as(&text, true));
        assert!(!fold_marked(&text).1.is_empty());
        assert_eq!(fold_marked(&text).0, fold_as(&text, true));
    }

    proptest::proptest! {
        #[test]
        fn the_byte_loop_folds_any_text_as_the_character_loop_does(text in "\\PC{0,60}") {
            proptest::prop_assert_eq!(fold(&text), fold_as(&text, true));
        }

        #[test]
        fn plain_text_is_told_apart_while_folding(
            text in "[a-zA-Z ạđềỹ\\u{a0}\\u{ad}\\u{2ff}\\u{300}\\u{1dff}\\u{1e00}\\u{1eff}\\u{1f00}\\u{200f}\\u{2010}\\u{2027}\\u{2028}\\u{202f}\\u{2030}\\u{205e}\\u{205f}\\t\\n\\r\\x01\\x7f]{0,12}"
        ) {
            let mut out = Vec::new();
            let plain = fold_plain(&text, &mut out);
            proptest::prop_assert_eq!(plain, crate::text::normalize::is_plain(&text));
            if plain {
                proptest::prop_assert_eq!(out, fold(&text).into_bytes());
            }
        }

        #[test]
        fn the_byte_loop_folds_vietnamese_as_the_character_loop_does(
            text in "[a-zA-Z0-9 àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĐƯƠ\u{300}-\u{323}\t\n\u{a0}“”–]{0,80}"
        ) {
            proptest::prop_assert_eq!(fold(&text), fold_as(&text, true));
            let (folded, marks) = fold_marked(&text);
            proptest::prop_assert_eq!(&folded, &fold_as(&text, true));
            proptest::prop_assert!(marks.iter().all(|&(_, at)| !text[at as usize..].starts_with(char::is_whitespace)));
        }
    }

    #[test]
    fn the_table_agrees_with_the_slow_fold() {
        for code in 0x80..TABLE_END {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let (mut fast, mut slow) = (String::new(), String::new());
            push_folded(c, true, &mut fast);
            fold_slowly(c, true, &mut slow);
            assert_eq!(fast, slow, "U+{code:04X}");
        }
    }

    #[test]
    fn diacritics_are_detected() {
        assert!(has_diacritic("hoà"));
        assert!(has_diacritic("đi"));
        assert!(has_diacritic("ho\u{0300}a"));
        assert!(!has_diacritic("hoa Binh 2025"));
    }

    #[test]
    fn tone_placement_does_not_matter() {
        assert_eq!(accents("hoà"), accents("hòa"));
        assert_eq!(accents("thuý"), accents("thúy"));
        assert_eq!(accents("khoẻ"), accents("khỏe"));
        assert_ne!(accents("hoà"), accents("hoá"));
        assert_ne!(accents("hoa"), accents("hòa"));
        assert_ne!(accents("đi"), accents("di"));
        assert_ne!(accents("ư"), accents("u"));
    }
}
