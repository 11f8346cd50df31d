//! The syllables of folded text, as the syllable index keeps them: runs of letters and digits
//! between the places where a word may start or end (see [`super::words::word_edge`]), and the
//! pairs of syllables one space apart.
//!
//! Vietnamese is written in syllables, so these are its words' parts; for other languages they
//! are words. Letters of scripts written without spaces (where any letter may start a word) make
//! no syllable: a query holding one is left to the scan.

use super::words::{in_word, spaceless};

/// The syllables of folded `text`, as byte ranges, in order; letters of scripts written
/// without spaces are left out, and break a run as a space would.
pub fn syllables(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < text.len() {
            let (word, len) = class(text, at);
            if word {
                break;
            }
            at += len;
        }
        if at >= text.len() {
            return None;
        }
        let start = at;
        while at < text.len() {
            let (word, len) = class(text, at);
            if !word {
                break;
            }
            at += len;
        }
        Some(start..at)
    })
}

/// Whether the character at `at` of `text` is part of a syllable, and its length: a byte at a
/// time for ASCII, which most folded text is.
fn class(text: &str, at: usize) -> (bool, usize) {
    let byte = text.as_bytes()[at];
    if byte < 0x80 {
        return (byte.is_ascii_alphanumeric(), 1);
    }
    match text[at..].chars().next() {
        Some(c) => (in_word(c) && !spaceless(c), c.len_utf8()),
        None => (false, 1),
    }
}

/// Calls `each` with every syllable of folded `text` and with every pair of syllables one
/// space apart (`"thu tuong"`), as slices of it: what the index keeps of an article.
pub fn for_each_term<'t>(text: &'t str, mut each: impl FnMut(Term<'t>)) {
    let mut last: Option<std::ops::Range<usize>> = None;
    for syllable in syllables(text) {
        each(Term::Syllable(&text[syllable.clone()]));
        if let Some(before) = last
            && before.end + 1 == syllable.start
            && text.as_bytes()[before.end] == b' '
        {
            each(Term::Pair(&text[before.start..syllable.end]));
        }
        last = Some(syllable);
    }
}

/// One thing the syllable index keeps of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Term<'a> {
    /// A syllable.
    Syllable(&'a str),
    /// Two syllables one space apart, with the space.
    Pair(&'a str),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<Term<'_>> {
        let mut terms = Vec::new();
        for_each_term(text, |t| terms.push(t));
        terms
    }

    #[test]
    fn syllables_and_the_pairs_one_space_apart() {
        use Term::{Pair, Syllable};
        assert_eq!(
            all("thu tuong, covid-19 ha  noi"),
            [
                Syllable("thu"),
                Syllable("tuong"),
                Pair("thu tuong"),
                Syllable("covid"),
                Syllable("19"),
                Syllable("ha"),
                Pair("19 ha"),
                Syllable("noi"),
            ]
        );
    }

    #[test]
    fn letters_of_scripts_without_spaces_make_no_syllable() {
        let text = "abc中文 d";
        let cut: Vec<&str> = syllables(text).map(|r| &text[r]).collect();
        assert_eq!(cut, ["abc", "d"]);
    }
}
