//! What the syllable index is asked for a query: the syllables each of its words must begin or
//! be, and the pairs of them one space apart, as the word setting makes them certain. The
//! articles it gives are then searched as the scan searches them, so the results are the
//! scan's.

use super::{Query, Words};
use crate::catalog::syllables::Wanted;
use crate::text::syllables::syllables;

/// What every article matching `query` holds, for the index: for each of its words (or its
/// phrase) the syllables a match makes whole or begins, and the pairs among them. Empty when
/// a match is certain of none (a query matched anywhere inside words, say `uoc` alone).
pub(super) fn wanted(query: &Query) -> Vec<Wanted<'_>> {
    let mut wanted = Vec::new();
    for needle in query.needles() {
        needle_wanted(needle, &mut wanted);
    }
    wanted
}

/// Whether the index tells exactly which articles hold `needle` where its word setting wants
/// it: when it is one syllable, or two one space apart, which every match begins (and, for
/// whole words, ends) on a word's edge.
pub(super) fn exact(needle: &Query) -> bool {
    let folded = needle.folded.as_str();
    if needle.options.words == Words::Anywhere {
        return false;
    }
    let runs: Vec<std::ops::Range<usize>> = syllables(folded).collect();
    match &runs[..] {
        [one] => *one == (0..folded.len()),
        [first, second] => {
            first.start == 0
                && second.end == folded.len()
                && first.end + 1 == second.start
                && folded.as_bytes()[first.end] == b' '
        }
        _ => false,
    }
}

fn needle_wanted<'q>(needle: &'q Query, wanted: &mut Vec<Wanted<'q>>) {
    let folded = needle.folded.as_str();
    let words = needle.options.words;
    // A syllable of the query is one of the text's where the query itself has something else
    // beside it (a space, a comma), or where the word setting makes the match begin (or end)
    // at a word's edge.
    let starts = |r: &std::ops::Range<usize>| r.start > 0 || words != Words::Anywhere;
    let ends = |r: &std::ops::Range<usize>| r.end < folded.len() || words == Words::Whole;
    let runs: Vec<std::ops::Range<usize>> = syllables(folded).collect();
    let mut paired = vec![false; runs.len()];
    for (i, pair) in runs.windows(2).enumerate() {
        let (first, second) = (&pair[0], &pair[1]);
        let one_space = first.end + 1 == second.start && folded.as_bytes()[first.end] == b' ';
        if one_space && starts(first) {
            wanted.push(Wanted::Pair {
                text: &folded[first.start..second.end],
                prefix: !ends(second),
            });
            paired[i] = true;
            paired[i + 1] = true;
        }
    }
    for (run, paired) in runs.iter().zip(paired) {
        if !paired && starts(run) {
            wanted.push(Wanted::Syllable {
                text: &folded[run.clone()],
                prefix: !ends(run),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Options;

    fn asked(text: &str, words: Words) -> Vec<Wanted<'static>> {
        let query = Box::leak(Box::new(Query::new(
            text,
            Options {
                words,
                ..Options::default()
            },
        )));
        wanted(query)
    }

    #[test]
    fn a_last_syllable_typed_is_a_prefix_and_the_others_whole() {
        assert_eq!(
            asked("Thủ tướ", Words::Start),
            [Wanted::Pair {
                text: "thu tuo",
                prefix: true
            }]
        );
        assert_eq!(
            asked("h", Words::Start),
            [Wanted::Syllable {
                text: "h",
                prefix: true
            }]
        );
        assert_eq!(
            asked("ha noi", Words::Whole),
            [Wanted::Pair {
                text: "ha noi",
                prefix: false
            }]
        );
    }

    #[test]
    fn anywhere_only_what_the_query_itself_cuts_out() {
        assert!(asked("uoc", Words::Anywhere).is_empty());
        assert_eq!(
            asked("ong uoc ha", Words::Anywhere),
            [Wanted::Pair {
                text: "uoc ha",
                prefix: true
            }]
        );
        assert_eq!(
            asked("covid-19", Words::Start),
            [
                Wanted::Syllable {
                    text: "covid",
                    prefix: false
                },
                Wanted::Syllable {
                    text: "19",
                    prefix: true
                }
            ]
        );
    }
}
