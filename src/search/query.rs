//! A query: what the user typed, with the options it is matched with, parsed into the folded
//! forms that candidates are found with and checked against (case, accents, word edges).

use std::ops::Range;

use unicode_normalization::UnicodeNormalization;

use crate::text::fold;
use crate::text::words::{char_at, char_before, word_edge};

/// Whether a search tells apart upper and lower case, or letters with and without accents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sensitivity {
    /// Sensitive only when the query itself has capitals (or diacritics).
    #[default]
    Smart,
    /// Always sensitive.
    On,
    /// Never sensitive.
    Off,
}

impl Sensitivity {
    /// The next setting in the cycle smart → on → off → smart.
    pub fn next(self) -> Sensitivity {
        match self {
            Sensitivity::Smart => Sensitivity::On,
            Sensitivity::On => Sensitivity::Off,
            Sensitivity::Off => Sensitivity::Smart,
        }
    }

    /// A short name for prompts: `smart`, `on`, `off`.
    pub fn label(self) -> &'static str {
        match self {
            Sensitivity::Smart => "smart",
            Sensitivity::On => "on",
            Sensitivity::Off => "off",
        }
    }

    /// Sensitive or not, whatever a query holds.
    fn decided(sensitive: bool) -> Sensitivity {
        if sensitive {
            Sensitivity::On
        } else {
            Sensitivity::Off
        }
    }

    fn decide(self, query_asks: bool) -> bool {
        match self {
            Sensitivity::Smart => query_asks,
            Sensitivity::On => true,
            Sensitivity::Off => false,
        }
    }
}

/// Where in the words of the text a match may begin and end. A Vietnamese word is a run of
/// short syllables, and a query matched anywhere finds `an` inside "toàn", "bản" and "ngân".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Words {
    /// At the start of a word: every query word but the last is a whole word, the last may
    /// be the start of one, so that `thu tuo` finds "thủ tướng" as it is typed.
    #[default]
    Start,
    /// Every query word a whole word.
    Whole,
    /// Anywhere, inside words too.
    Anywhere,
}

impl Words {
    /// The next setting in the cycle word start → whole words → anywhere.
    pub fn next(self) -> Words {
        match self {
            Words::Start => Words::Whole,
            Words::Whole => Words::Anywhere,
            Words::Anywhere => Words::Start,
        }
    }

    /// A short name for prompts: `start`, `whole`, `anywhere`.
    pub fn label(self) -> &'static str {
        match self {
            Words::Start => "start",
            Words::Whole => "whole",
            Words::Anywhere => "anywhere",
        }
    }
}

/// How a query is matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Options {
    /// Upper and lower case.
    pub case: Sensitivity,
    /// Accents and đ.
    pub accents: Sensitivity,
    /// Where in words a match may begin and end.
    pub words: Words,
}

/// A parsed query, ready to match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    /// What the user typed, in NFC.
    pub text: String,
    /// The options it was parsed with.
    pub options: Options,
    /// The folded form that candidates are found with.
    pub(super) folded: String,
    /// The case-keeping fold, when case matters.
    cased: Option<String>,
    /// Letter marks and word tones, when accents matter.
    accents: Option<fold::Accents>,
    /// Its words, each matched on its own, when they may come in any order (the list's
    /// search); empty for a phrase.
    parts: Vec<Query>,
}

impl Query {
    /// Parses a query; surrounding whitespace is ignored and inner runs count as one space.
    pub fn new(text: &str, options: Options) -> Query {
        let text: String = text.trim().nfc().collect();
        let case_sensitive = options.case.decide(text.chars().any(char::is_uppercase));
        let accent_sensitive = options.accents.decide(fold::has_diacritic(&text));
        Query {
            folded: fold::fold(&text),
            cased: case_sensitive.then(|| fold::fold_keep_case(&text)),
            accents: accent_sensitive.then(|| fold::accents(&text)),
            text,
            options,
            parts: Vec::new(),
        }
    }

    /// The same query with its words matched in any order, as fzf does: what the list's
    /// search finds. Each word but the last typed is a whole word when matches start at word
    /// starts; a single word is unchanged.
    pub fn in_any_order(mut self) -> Query {
        let words: Vec<&str> = self.text.split_whitespace().collect();
        if words.len() < 2 {
            return self;
        }
        let last = words.len() - 1;
        // Smart case and accents are decided by the whole query, as for a phrase: in
        // `hà Nội` both words match case and accents, not `Nội` alone.
        let mut whole = self.options;
        whole.case = Sensitivity::decided(self.cased.is_some());
        whole.accents = Sensitivity::decided(self.accents.is_some());
        // A word typed (or pasted) twice must be there once: each is looked for once.
        let mut seen = std::collections::HashSet::new();
        self.parts = words
            .iter()
            .enumerate()
            .filter(|&(i, word)| seen.insert((*word, i == last)))
            .map(|(i, word)| {
                let mut options = whole;
                if i < last && options.words == Words::Start {
                    options.words = Words::Whole;
                }
                Query::new(word, options)
            })
            .collect();
        self
    }

    /// Whether its words may match in any order.
    pub fn any_order(&self) -> bool {
        !self.parts.is_empty()
    }

    /// What is looked for on its own: its words in any order, or the phrase.
    pub(super) fn needles(&self) -> Vec<&Query> {
        if self.parts.is_empty() {
            vec![self]
        } else {
            self.parts.iter().collect()
        }
    }

    /// Whether there is nothing to search for.
    pub fn is_empty(&self) -> bool {
        self.folded.is_empty()
    }

    /// Whether a candidate found at `at` of folded text begins (and, for whole words, ends)
    /// where the query's word setting wants it to.
    pub(super) fn fits(&self, folded: &[u8], at: usize) -> bool {
        let (Some(first), Some(last)) =
            (self.folded.chars().next(), self.folded.chars().next_back())
        else {
            return true;
        };
        let end = at + self.folded.len();
        match self.options.words {
            Words::Anywhere => true,
            Words::Start => word_edge(char_before(folded, at), Some(first)),
            Words::Whole => {
                word_edge(char_before(folded, at), Some(first))
                    && word_edge(Some(last), char_at(folded, end))
            }
        }
    }

    /// Whether this query tells case apart (after smart case).
    pub fn case_sensitive(&self) -> bool {
        self.cased.is_some()
    }

    /// Whether this query tells accents apart (after smart accents).
    pub fn accent_sensitive(&self) -> bool {
        self.accents.is_some()
    }

    /// Whether the folded candidate at `range` of `text` really matches, given case and accents.
    pub(super) fn accepts(&self, text: &str, range: &Range<usize>) -> bool {
        let found = &text[range.clone()];
        if let Some(cased) = &self.cased
            && fold::fold_keep_case(found) != *cased
        {
            return false;
        }
        match &self.accents {
            Some(wanted) => accents_match(wanted, text, range),
            None => true,
        }
    }
}

/// Whether the accents at `range` of `text` are those of the query.
fn accents_match(wanted: &fold::Accents, text: &str, range: &Range<usize>) -> bool {
    let found = fold::accents(&text[range.clone()]);
    if found.letters != wanted.letters {
        return false;
    }
    // Tones belong to whole words: look at the words the match starts and ends inside of.
    let start = text[..range.start]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || fold::is_foldable_mark(c))
        .last()
        .map_or(range.start, |(at, _)| at);
    let end = text[range.end..]
        .char_indices()
        .find(|&(_, c)| !(c.is_alphanumeric() || fold::is_foldable_mark(c)))
        .map_or(text.len(), |(at, _)| range.end + at);
    let words = fold::accents(&text[start..end]);
    if words.tones.len() != wanted.tones.len() {
        return false;
    }
    let last = wanted.tones.len().saturating_sub(1);
    wanted
        .tones
        .iter()
        .zip(&words.tones)
        .enumerate()
        .all(|(i, (want, have))| {
            // A last word still being typed, without its tone yet, matches any tone.
            let unfinished = i == last
                && want.is_empty()
                && wanted.word_lengths[i] < words.word_lengths[i]
                && !text[range.clone()].ends_with(char::is_whitespace);
            unfinished || want == have
        })
}

/// Whether a search for `next` can look only among the results for `previous`: `previous`
/// ignored case and accents (so its results hold every article `next` can match) and `next`
/// extends it.
pub fn narrows(previous: &Query, next: &Query) -> bool {
    let Some(added) = next.folded.strip_prefix(previous.folded.as_str()) else {
        return false;
    };
    // A whole word made longer is another word: `thu` does not hold `thuy`.
    let same_words = previous.options.words == next.options.words
        && (previous.options.words != Words::Whole || added.is_empty() || added.starts_with(' '));
    !previous.case_sensitive() && !previous.accent_sensitive() && !previous.is_empty() && same_words
}
