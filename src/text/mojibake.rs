//! Repairing mojibake: UTF-8 bytes that were decoded once as Windows-1252 (its undefined bytes
//! kept as the C1 controls of the same number, as "sloppy" decoders do) or as Latin-1, then
//! saved again as UTF-8: "Viá»‡t Nam" for "Việt Nam".
//!
//! Only a run of characters that re-encodes to one well-formed UTF-8 sequence is replaced, and
//! only by a character that such text is made of (Latin letters, Vietnamese, combining marks,
//! quotes and dashes): a real "Ã" before a space or a letter, as in "SÃO PAULO", never is.

/// Windows-1252's characters for bytes 0x80–0x9F; the five it leaves undefined are the C1
/// controls of the same number.
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

/// The byte a character stands for when UTF-8 was read as Windows-1252 or Latin-1.
fn byte_of(c: char) -> Option<u8> {
    match u32::from(c) {
        // Latin-1 and the C1 controls (Latin-1's reading of 0x80–0x9F) map to themselves.
        code @ 0x80..=0xFF => u8::try_from(code).ok(),
        _ => CP1252_HIGH
            .iter()
            .position(|&high| high == c)
            .and_then(|k| u8::try_from(0x80 + k).ok()),
    }
}

/// Whether a character is one that repaired text plausibly holds.
fn plausible(c: char) -> bool {
    matches!(u32::from(c),
        0xC0..=0x24F        // Latin-1 letters, Latin Extended-A and -B (ă đ ơ ư)
        | 0x300..=0x36F     // combining marks (tones typed decomposed)
        | 0x1E00..=0x1EFF   // Latin Extended Additional (ạ ệ ử …)
        | 0x2010..=0x2044   // dashes, quotes, ellipsis
        | 0x20AC) // the euro sign
}

/// Bytes a UTF-8 sequence starting with `lead` takes, for the leads of 2 to 4 bytes.
fn sequence_len(lead: u8) -> Option<usize> {
    match lead {
        0xC2..=0xDF => Some(2),
        0xE0..=0xEF => Some(3),
        0xF0..=0xF4 => Some(4),
        _ => None,
    }
}

/// The text with its mojibake repaired, or `None` when there is none to repair.
pub fn repair(text: &str) -> Option<String> {
    // Every mojibake sequence starts with a character of U+00C2–U+00F4, encoded C3 xx.
    memchr::memchr(0xC3, text.as_bytes())?;
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut repaired = false;
    let mut at = 0;
    while at < chars.len() {
        if let Some(c) = repaired_at(&chars[at..]) {
            out.push(c.0);
            at += c.1;
            repaired = true;
        } else {
            out.push(chars[at]);
            at += 1;
        }
    }
    repaired.then_some(out)
}

/// The character that the mojibake at the start of `chars` stands for, and how many
/// characters it took.
fn repaired_at(chars: &[char]) -> Option<(char, usize)> {
    let lead = byte_of(*chars.first()?)?;
    let len = sequence_len(lead)?;
    let mut bytes = [0u8; 4];
    bytes[0] = lead;
    for (slot, &c) in bytes[1..len].iter_mut().zip(chars.get(1..len)?) {
        let byte = byte_of(c)?;
        if !(0x80..=0xBF).contains(&byte) {
            return None;
        }
        *slot = byte;
    }
    let decoded = std::str::from_utf8(&bytes[..len]).ok()?;
    let c = decoded.chars().next()?;
    plausible(c).then_some((c, len))
}

/// Whether bytes may hold mojibake that [`repair`] would mend: a character of U+00C2–U+00F4
/// followed by one that stands for a continuation byte. Used to read such files whole rather
/// than judge them by their bytes.
pub fn may_hold(bytes: &[u8]) -> bool {
    memchr::memchr_iter(0xC3, bytes).any(|at| {
        // The next character only: its four bytes at most (validating the rest of the file
        // at each C3 byte made the sieve quadratic).
        let end = (at + 6).min(bytes.len());
        let (Some(&second), Some(rest)) = (bytes.get(at + 1), bytes.get(at + 2..end)) else {
            return false;
        };
        if !(0x82..=0xB4).contains(&second) {
            return false;
        }
        let next = rest
            .utf8_chunks()
            .next()
            .and_then(|c| c.valid().chars().next());
        next.and_then(byte_of)
            .is_some_and(|b| (0x80..=0xBF).contains(&b))
    })
}

/// Text as it reads after being encoded as UTF-8, decoded as Windows-1252 (sloppily) or as
/// Latin-1, and saved again: what the repair undoes. For tests.
pub fn damage(text: &str, latin1: bool) -> String {
    text.bytes()
        .map(|b| match b {
            0x80..=0x9F if !latin1 => CP1252_HIGH[usize::from(b - 0x80)],
            b => char::from(b),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn repairs(damaged: &str, expected: Option<&str>) {
        assert_eq!(repair(damaged).as_deref(), expected, "{damaged:?}");
    }

    #[test]
    fn vietnamese_read_as_windows_1252_or_latin_1_is_mended() {
        repairs("Viá»‡t Nam", Some("Việt Nam"));
        for text in ["Việt Nam", "Đường phố", "thủ tướng", "Hà Nội ơi"] {
            assert_eq!(repair(&damage(text, false)).as_deref(), Some(text));
            assert_eq!(repair(&damage(text, true)).as_deref(), Some(text));
        }
    }

    #[test]
    fn text_that_is_already_plausible_is_left_alone() {
        for text in [
            "SÃO PAULO",
            "João e Conceição",
            "café, naïve, Ærø",
            "Việt Nam",
            "LÊ\u{A0}VĂN",
            "À… bon",
            "plain ASCII",
            "Â°C",
        ] {
            repairs(text, None);
            // The sieve's look at the bytes may only be too careful, on the two that look
            // like mojibake until decoded.
            let lookalike = ["LÊ\u{A0}VĂN", "Â°C"].contains(&text);
            assert_eq!(may_hold(text.as_bytes()), lookalike, "{text}");
        }
    }

    #[test]
    fn may_hold_sees_what_repair_mends() {
        for text in ["Việt Nam", "Đà Nẵng", "ư"] {
            for latin1 in [false, true] {
                assert!(may_hold(damage(text, latin1).as_bytes()), "{text}");
            }
        }
    }
}
