//! Any bytes as an article file: no panic, and its layout fits every width.
#![no_main]

use docbao::catalog::Article;
use docbao::page::Page;
use docbao::text::str_width;
use libfuzzer_sys::fuzz_target;
use unicode_segmentation::UnicodeSegmentation;

fuzz_target!(|data: &[u8]| {
    let Some((&width, bytes)) = data.split_first() else {
        return;
    };
    let Ok(article) = Article::parse("f".into(), "f.txt".into(), bytes) else {
        return;
    };
    let width = usize::from(width % 120).max(2);
    let page = Page::layout(&article, width);
    for row in &page.rows {
        // The one exception: a single grapheme wider than the page (a base with spacing marks)
        // gets a row of its own; the screen then cuts it at the border.
        let lone = row.text.trim_start().graphemes(true).count() == 1;
        assert!(
            str_width(&row.text) <= page.width || lone,
            "{:?} at {}",
            row.text,
            page.width
        );
    }
    for block in &article.blocks {
        assert!(article.text.get(block.range.clone()).is_some());
    }
});
