//! Vietnamese alphabetical order: a ă â b c d đ e ê … o ô ơ … u ư …, tone marks after the letter.
//!
//! Byte order puts "Đ" after "Z" and "ắ" after every plain letter. A dictionary compares base
//! letters first (with ă, â, đ, ê, ô, ơ, ư as letters of their own), then tones in the order
//! ngang, huyền, hỏi, ngã, sắc, nặng, then case. Any other script falls back to code point order.

use std::cmp::Ordering;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// A key that sorts strings in Vietnamese dictionary order.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct SortKey {
    letters: Vec<u32>,
    tones: Vec<u8>,
    cases: Vec<u8>,
}

/// Builds the sort key of a string.
pub fn sort_key(text: &str) -> SortKey {
    let mut key = SortKey {
        letters: Vec::with_capacity(text.len()),
        tones: Vec::new(),
        cases: Vec::new(),
    };
    let mut chars = text.nfd().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            // A run of digits is one number: `Bài số 83` before `Bài số 167`.
            let mut digits = vec![c];
            while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                digits.push(d);
                chars.next();
            }
            push_number(&mut key, &digits);
            continue;
        }
        if let Some(tone) = tone_rank(c) {
            if let Some(last) = key.tones.last_mut() {
                *last = tone;
            }
            continue;
        }
        if let Some(variant) = modifier_rank(c) {
            if let Some(last) = key.letters.last_mut() {
                *last += variant;
            }
            continue;
        }
        if is_combining_mark(c) {
            // Marks that Vietnamese does not use (ü, ç, …) only break ties, like case.
            if let Some(last) = key.cases.last_mut() {
                *last |= 2;
            }
            continue;
        }
        let lower = c.to_lowercase().next().unwrap_or(c);
        let (base, variant) = match lower {
            'đ' => ('d', 1),
            other => (other, 0),
        };
        // Four slots a letter leave room for its variants (a ă â, o ô ơ, …).
        key.letters.push(u32::from(base) * 4 + variant);
        key.tones.push(0);
        key.cases.push(u8::from(c != lower));
    }
    key
}

/// Longest number compared by its value: past it, digits compare one by one.
const LONGEST_NUMBER: usize = 39;

/// Puts a number in the key: its length first, then its digits, so that a shorter number
/// comes first and numbers of one length compare digit by digit. The length takes the place
/// of a digit (`'0' * 4 + len`, below `:`), so numbers still sort where digits did among
/// letters and punctuation. Leading zeros are left out, and only break ties.
fn push_number(key: &mut SortKey, digits: &[char]) {
    let zeros = digits.iter().take_while(|&&d| d == '0').count();
    let significant = &digits[zeros.min(digits.len() - 1)..];
    let digit = |d: char| u32::from(d) * 4;
    if significant.len() > LONGEST_NUMBER {
        for &d in digits {
            key.letters.push(digit(d));
            key.tones.push(0);
            key.cases.push(0);
        }
        return;
    }
    key.letters
        .push(u32::from('0') * 4 + significant.len() as u32);
    key.tones.push(0);
    key.cases.push(u8::try_from(zeros).unwrap_or(u8::MAX));
    for &d in significant {
        key.letters.push(digit(d));
        key.tones.push(0);
        key.cases.push(0);
    }
}

/// Compares two strings in Vietnamese dictionary order.
pub fn compare(a: &str, b: &str) -> Ordering {
    sort_key(a).cmp(&sort_key(b)).then_with(|| a.cmp(b))
}

/// Rank of a tone mark (combining, after NFD) in dictionary order.
fn tone_rank(c: char) -> Option<u8> {
    match c {
        '\u{0300}' => Some(1), // huyền
        '\u{0309}' => Some(2), // hỏi
        '\u{0303}' => Some(3), // ngã
        '\u{0301}' => Some(4), // sắc
        '\u{0323}' => Some(5), // nặng
        _ => None,
    }
}

/// How far a vowel modifier moves its letter along: a → ă → â, o → ô → ơ, e → ê, u → ư.
fn modifier_rank(c: char) -> Option<u32> {
    match c {
        '\u{0306}' => Some(1), // breve: ă
        '\u{0302}' => Some(2), // circumflex: â ê ô
        '\u{031B}' => Some(3), // horn: ơ ư
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn sorted(words: &[&str]) {
        let mut shuffled: Vec<&str> = words.iter().rev().copied().collect();
        shuffled.sort_by(|a, b| compare(a, b));
        assert_eq!(shuffled, words);
    }

    #[test]
    fn alphabet_order() {
        sorted(&[
            "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "g", "o", "ô", "ơ", "u", "ư", "y",
        ]);
    }

    #[test]
    fn tones_come_after_the_letter() {
        sorted(&["a", "à", "ả", "ã", "á", "ạ", "ă", "ằ", "b"]);
        sorted(&["ma", "mà", "mả", "mã", "má", "mạ", "mác", "mai"]);
    }

    #[test]
    fn words_and_case() {
        sorted(&["Các đại biểu", "Công ước", "Đặng", "Kết tinh", "Zürich"]);
        sorted(&["an", "An", "ăn"]);
    }

    #[test]
    fn numbers_in_the_order_of_their_value() {
        sorted(&[
            "Bài số 7",
            "Bài số 07",
            "Bài số 83",
            "Bài số 167",
            "Bài số 1000",
            "Bài số a",
        ]);
        sorted(&["2 ngày", "10 ngày", "10a", "10b", "11"]);
        sorted(&["- 5", "5", "5:30", "Ánh"]);
    }

    #[test]
    fn decomposed_and_precomposed_sort_equal() {
        assert_eq!(sort_key("Việt"), sort_key("Vie\u{0323}\u{0302}t"));
    }
}
