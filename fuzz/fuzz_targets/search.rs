//! Folding and matching: no panic, every match on grapheme boundaries, and a query typed in NFD
//! finds exactly what its NFC finds.
#![no_main]

use docbao::search::{self, Options, Query, Sensitivity, Words};
use docbao::text::fold::FoldMap;
use docbao::text::sanitize;
use libfuzzer_sys::fuzz_target;
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

fuzz_target!(|input: (u8, &str, &str)| {
    let (flags, text, query) = input;
    let pick = |bits: u8| match bits % 3 {
        0 => Sensitivity::Smart,
        1 => Sensitivity::On,
        _ => Sensitivity::Off,
    };
    let words = match (flags / 9) % 3 {
        0 => Words::Start,
        1 => Words::Whole,
        _ => Words::Anywhere,
    };
    let options = Options {
        case: pick(flags),
        accents: pick(flags / 3),
        words,
    };
    let text = sanitize(text);
    let map = FoldMap::new(&text);
    let hits = search::find_all(&text, &map, &Query::new(query, options));
    let boundaries: Vec<usize> = text
        .grapheme_indices(true)
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    for hit in &hits {
        assert!(
            boundaries.binary_search(&hit.start).is_ok(),
            "{hit:?} in {text:?}"
        );
        assert!(
            boundaries.binary_search(&hit.end).is_ok(),
            "{hit:?} in {text:?}"
        );
    }
    let nfd: String = query.nfd().collect();
    let nfc: String = query.nfc().collect();
    assert_eq!(
        search::find_all(&text, &map, &Query::new(&nfd, options)),
        search::find_all(&text, &map, &Query::new(&nfc, options)),
        "{query:?}"
    );
});
