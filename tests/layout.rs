//! Layout invariants: rows fit their width, NFC and NFD look identical, no row starts with a mark.

use crate::common;

use docbao::catalog::Article;
use docbao::page::Page;
use docbao::text;
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;
use unicode_segmentation::UnicodeSegmentation;

#[track_caller]
fn assert_fits(page: &Page, width: usize, what: &str) {
    for (i, row) in page.rows.iter().enumerate() {
        let w = common::columns(&row.text);
        assert!(
            w <= width,
            "{what} at {width}: row {i} is {w} wide: {:?}",
            row.text
        );
        assert!(
            !row.text.chars().next().is_some_and(is_combining_mark),
            "{what} at {width}: row {i} starts with a combining mark"
        );
    }
}

#[test]
fn every_width_from_20_to_120_fits_and_nfd_matches_nfc() {
    let nfc = common::bundled();
    let nfd = common::bundled_nfd();
    for (a, b) in common::articles(&nfc)
        .iter()
        .zip(common::articles(&nfd).iter())
    {
        for width in 20..=120 {
            let page = Page::layout(a, width);
            assert_fits(&page, width, &a.id);
            let decomposed = Page::layout(b, width);
            assert_eq!(
                page.to_plain_text().as_bytes(),
                decomposed.to_plain_text().as_bytes(),
                "{} at {width}: NFD input lays out differently",
                a.id
            );
        }
    }
}

#[test]
fn wrapping_keeps_every_word_in_order() {
    let catalog = common::bundled();
    for article in &common::articles(&catalog) {
        let page = Page::layout(article, 33);
        let shown: Vec<&str> = page
            .rows
            .iter()
            .filter(|r| r.block.is_some())
            .flat_map(|r| r.text.split_whitespace())
            .collect();
        let source: Vec<&str> = article
            .blocks
            .iter()
            .flat_map(|b| article.block_text(b).split_whitespace())
            .collect();
        assert_eq!(shown, source, "{}", article.id);
    }
}

#[test]
fn rows_are_capped_at_a_readable_measure() {
    let catalog = common::bundled();
    let page = Page::layout(&catalog.article(1).unwrap(), 200);
    assert_eq!(page.width, docbao::page::MEASURE);
    assert!(page.rows.iter().any(|r| common::columns(&r.text) > 70));
}

fn article_from(text: &str) -> Article {
    Article::parse("p".into(), "p.txt".into(), text.as_bytes()).expect("non-empty text")
}

/// Text built from pieces that stress layout: Vietnamese in both forms, wide, zero-width, controls.
fn tricky_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Việt".to_owned()),
        Just("Vie\u{0323}\u{0302}t".to_owned()),
        Just("đường".to_owned()),
        Just("日本語".to_owned()),
        Just("👨\u{200D}👩\u{200D}👧".to_owned()),
        Just("\u{200B}\u{FEFF}\u{202E}".to_owned()),
        Just("\t".to_owned()),
        // NFC fuses the final `m` with a following mark into `ḿ`: the escape must still end.
        Just("\u{1B}[31m".to_owned()),
        Just("\u{0301}".to_owned()),
        Just(" ".to_owned()),
        Just("\n".to_owned()),
        Just("\n\n".to_owned()),
        "[a-zA-Z]{1,30}",
        // NUL marks a file as binary, which is a separate case.
        any::<char>().prop_map(|c| if c == '\0' {
            ' '.into()
        } else {
            String::from(c)
        }),
    ];
    prop::collection::vec(piece, 1..60).prop_map(|v| format!("x {}", v.concat()))
}

proptest! {
    #[test]
    fn any_text_fits_any_width(text in tricky_text(), width in 2usize..100) {
        let page = Page::layout(&article_from(&text), width);
        for row in &page.rows {
            // A lone grapheme wider than the row (a base with spacing marks) is the exception.
            let lone = row.text.trim_start().graphemes(true).count() == 1;
            prop_assert!(common::columns(&row.text) <= width || lone, "{:?} wider than {}", row.text, width);
            prop_assert!(!row.text.chars().next().is_some_and(is_combining_mark));
        }
    }

    #[test]
    fn nfd_renders_exactly_as_nfc(text in tricky_text(), width in 2usize..100) {
        let nfc: String = text.nfc().collect();
        let nfd: String = text.nfd().collect();
        prop_assert_eq!(
            Page::layout(&article_from(&nfc), width).to_plain_text(),
            Page::layout(&article_from(&nfd), width).to_plain_text()
        );
    }

    #[test]
    fn sanitised_text_has_no_controls_but_newlines(text in tricky_text()) {
        let clean = text::sanitize(&text);
        prop_assert!(clean.chars().all(|c| c == '\n' || !c.is_control()), "{:?}", clean);
        prop_assert!(!clean.contains(['\u{200B}', '\u{202E}']), "{:?}", clean);
    }
}
