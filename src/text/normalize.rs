//! Turning raw file bytes into clean text: decoding, line endings, escapes, controls, NFC, tabs.
//!
//! Everything that reaches the screen passes through here first, so that no character can move
//! a column: ratatui drops tabs and controls silently and prints the tail of an escape sequence
//! as text, which would make a row shorter or longer than the layout measured.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

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
    /// Whether invalid UTF-8 had to be replaced with U+FFFD.
    pub lossy: bool,
}

/// Decodes bytes as UTF-8, dropping a byte-order mark and replacing invalid sequences.
pub fn decode(bytes: &[u8]) -> Decoded {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Decoded {
            text: text.to_owned(),
            lossy: false,
        },
        Err(_) => Decoded {
            text: String::from_utf8_lossy(bytes).into_owned(),
            lossy: true,
        },
    }
}

/// Cleans decoded text so that every character has a fixed, known width.
///
/// Line endings become `\n`; ANSI escape sequences are removed; zero-width and bidi format
/// characters are removed; other controls become U+FFFD; the text is NFC-normalised, so
/// decomposed input looks and measures exactly like precomposed input; a combining mark with
/// no base is drawn on a dotted circle; tabs are expanded to the next stop.
pub fn sanitize(text: &str) -> String {
    let stripped = strip_controls(text);
    let composed: String = stripped.nfc().collect();
    expand_tabs(&give_marks_a_base(&composed))
}

/// Applies [`decode`] then [`sanitize`].
pub fn decode_and_sanitize(bytes: &[u8]) -> Decoded {
    let decoded = decode(bytes);
    Decoded {
        text: sanitize(&decoded.text),
        lossy: decoded.lossy,
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
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' | '\t' => out.push(c),
            '\r' => {
                // CRLF and a lone CR (old Mac files) both end a line.
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' => out.push('\n'),
            '\u{2029}' => out.push_str("\n\n"),
            '\u{1B}' => skip_escape(&mut chars),
            '\u{9B}' => skip_csi(&mut chars),
            '\u{90}' | '\u{98}' | '\u{9D}' | '\u{9E}' | '\u{9F}' => skip_string(&mut chars),
            c if is_invisible_format(c) => {}
            c if c.is_control() => out.push(REPLACEMENT),
            c => out.push(c),
        }
    }
    out
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

/// Skips the rest of an escape sequence whose ESC has been read (ECMA-48).
fn skip_escape(chars: &mut Chars<'_>) {
    match chars.peek().copied() {
        Some('[') => {
            chars.next();
            skip_csi(chars);
        }
        Some(']' | 'P' | 'X' | '^' | '_') => {
            chars.next();
            skip_string(chars);
        }
        Some(c) if ('\u{20}'..='\u{2F}').contains(&c) => {
            // Intermediate bytes, then one final byte: ESC ( B and the like.
            while chars
                .next_if(|c| ('\u{20}'..='\u{2F}').contains(c))
                .is_some()
            {}
            chars.next_if(|c| ('\u{30}'..='\u{7E}').contains(c));
        }
        Some(c) if ('\u{30}'..='\u{7E}').contains(&c) => {
            chars.next();
        }
        _ => {}
    }
}

/// Skips parameter and intermediate bytes up to and including the final byte of a CSI sequence.
fn skip_csi(chars: &mut Chars<'_>) {
    while chars
        .next_if(|c| ('\u{20}'..='\u{3F}').contains(c))
        .is_some()
    {}
    chars.next_if(|c| ('\u{40}'..='\u{7E}').contains(c));
}

/// Skips an OSC/DCS-style string up to its terminator (BEL, ST or ESC \), or a line end.
fn skip_string(chars: &mut Chars<'_>) {
    while let Some(c) = chars.peek().copied() {
        match c {
            '\u{07}' | '\u{9C}' => {
                chars.next();
                return;
            }
            '\u{1B}' => {
                chars.next();
                chars.next_if_eq(&'\\');
                return;
            }
            // An unterminated string must not swallow the rest of the article.
            '\n' | '\r' => return,
            _ => {
                chars.next();
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
    if !text.contains('\t') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 16);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut line_start = out.len();
        for (j, piece) in line.split('\t').enumerate() {
            if j > 0 {
                let column = str_width(&out[line_start..]);
                let pad = TAB_STOP - column % TAB_STOP;
                out.extend(std::iter::repeat_n(' ', pad));
                // Widths are additive, so measure only what follows from here on.
                line_start = out.len();
                out.push_str(piece);
                continue;
            }
            out.push_str(piece);
        }
    }
    out
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
    fn bom_and_invalid_utf8() {
        let decoded = decode(b"\xEF\xBB\xBFabc");
        assert_eq!(decoded.text, "abc");
        assert!(!decoded.lossy);
        let decoded = decode(b"ab\xFFc");
        assert_eq!(decoded.text, "ab\u{FFFD}c");
        assert!(decoded.lossy);
    }
}
