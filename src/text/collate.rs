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
    let all: Vec<char> = text.nfd().collect();
    let mut chars = all.iter().copied().enumerate().peekable();
    while let Some((at, c)) = chars.next() {
        if c.is_ascii_digit() {
            // A run of digits is one number: `Bài số 83` before `Bài số 167`, and so is
            // `1.000`, Vietnamese's thousands written with dots.
            let mut digits = vec![c];
            let mut end = at + 1;
            loop {
                if all.get(end).is_some_and(char::is_ascii_digit) {
                    digits.push(all[end]);
                    end += 1;
                } else if thousands_group(&all, end) {
                    digits.extend_from_slice(&all[end + 1..end + 4]);
                    end += 4;
                } else {
                    break;
                }
            }
            while chars.peek().is_some_and(|&(i, _)| i < end) {
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

/// Whether a `.` at `at` separates thousands: three digits follow it and no more.
fn thousands_group(chars: &[char], at: usize) -> bool {
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    chars.get(at) == Some(&'.') && (at + 1..at + 4).all(digit) && !digit(at + 4)
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
        sorted(&[
            "Bài số 83",
            "Bài số 999",
            "Bài số 1.000",
            "Bài số 1.500",
            "Bài số 20.000",
        ]);
        sorted(&["5.5 điểm", "5.12 điểm", "10 điểm"]);
        sorted(&["- 5", "5", "5:30", "Ánh"]);
    }

    #[test]
    fn decomposed_and_precomposed_sort_equal() {
        assert_eq!(sort_key("Việt"), sort_key("Vie\u{0323}\u{0302}t"));
    }
}
