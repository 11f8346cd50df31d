//! Wrapping: rows fit their width (a lone over-wide grapheme excepted), words come back in
//! order, and an NFD article lays out byte for byte as its NFC.
#![no_main]

use docbao::catalog::Article;
use docbao::page::Page;
use docbao::text::{sanitize, str_width, wrap};
use libfuzzer_sys::fuzz_target;
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

fuzz_target!(|input: (u8, &str)| {
    let (width, text) = input;
    let width = usize::from(width % 100).max(1);
    let clean = sanitize(text);
    let rows = wrap(&clean, width);
    for row in &rows {
        let fits = str_width(row) <= width || row.graphemes(true).count() == 1;
        assert!(fits, "{row:?} at {width}");
    }
    let joined: String = rows.concat();
    let words: String = clean.split_whitespace().collect();
    assert_eq!(joined.replace(' ', ""), words.replace(' ', ""));
    let nfc: String = text.nfc().collect();
    let nfd: String = text.nfd().collect();
    let article = |t: &str| Article::parse("w".into(), "w.txt".into(), t.as_bytes());
    if let (Ok(a), Ok(b)) = (article(&nfc), article(&nfd)) {
        let width = width.max(2);
        assert_eq!(
            Page::layout(&a, width).to_plain_text(),
            Page::layout(&b, width).to_plain_text()
        );
    }
});
