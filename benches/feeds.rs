//! Feeds at scale: fetching 20 feeds of 50 articles each from a local server (each article's
//! page fetched, its text extracted and written into a fresh archive), and extraction alone
//! per page. A plain harness, as `scale.rs`: it prints the figures. Run with
//! `cargo bench --bench feeds`.

#[path = "../tests/common/server.rs"]
mod server;

use std::time::{Duration, Instant};

use docbao::catalog::html;
use docbao::feeds::fetch::{Progress, fetch};
use docbao::feeds::http::Limits;
use docbao::feeds::{self, Feed};
use server::{Route, Server};

/// Feeds, and articles in each.
const FEEDS: usize = 20;
const ARTICLES: usize = 50;

/// Times a page is extracted for the extraction figure.
const EXTRACTIONS: usize = 200;

fn main() {
    let page = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/feeds/thanhnien-article.html"
    ))
    .expect("the fixture page");
    extraction(&page);
    // A page as heavy as a paper's own: the article among menus, lists of other news and
    // scripts, some 200 KB.
    let chrome = "<aside class=\"related\"><h3>Tin liên quan</h3><ul><li><a href=\"/a\">Một tin khác về thời tiết hôm nay ở Hà Nội</a></li><li><a href=\"/b\">Giá vàng hôm nay tăng mạnh</a></li></ul></aside><script>var x = {\"a\": [1,2,3,4,5,6,7,8,9]};</script>";
    let heavy = page.replace("</main>", &format!("{}</main>", chrome.repeat(700)));
    extraction(&heavy);
    fetching(&page);
}

/// Extraction alone: decode, Readability, the archive's text; pages a second and MB a second.
fn extraction(page: &str) {
    let page = page.replace("{base}", "http://127.0.0.1:1");
    let mut times = Vec::with_capacity(EXTRACTIONS);
    for _ in 0..EXTRACTIONS {
        let started = Instant::now();
        let (text, _) = html::decode_page(page.as_bytes(), Some("text/html; charset=utf-8"));
        let extracted = html::extract(&text, Some("http://127.0.0.1:1/a.html")).expect("text");
        std::hint::black_box(html::article_text(&extracted));
        times.push(started.elapsed());
    }
    times.sort();
    let total: Duration = times.iter().sum();
    let per_page = total / EXTRACTIONS as u32;
    println!(
        "extraction: {:.2} ms a page (p50 {:.2}, p99 {:.2}), {:.0} pages/s, {:.1} MB/s of HTML ({} KB page)",
        per_page.as_secs_f64() * 1e3,
        times[EXTRACTIONS / 2].as_secs_f64() * 1e3,
        times[EXTRACTIONS * 99 / 100].as_secs_f64() * 1e3,
        1.0 / per_page.as_secs_f64(),
        page.len() as f64 / per_page.as_secs_f64() / 1e6,
        page.len() / 1000,
    );
}

/// 20 feeds × 50 articles, each with its own page, fetched into an empty archive.
fn fetching(page: &str) {
    let server = Server::start();
    let scratch = tempfile::tempdir().expect("a temporary folder");
    let (data, archive) = (scratch.path().join("data"), scratch.path().join("news"));
    std::fs::create_dir_all(&data).expect("made");
    for f in 0..FEEDS {
        let mut items = String::new();
        for a in 0..ARTICLES {
            let path = format!("/feed-{f}/bai-{a}.html");
            // Each page its own: a headline and a paragraph of its own, so none is a copy.
            let own = page
                .replace(
                    "<h1 class=\"detail-title\">",
                    &format!("<h1 class=\"detail-title\">Bài {a} của nguồn {f}: "),
                )
                .replace(
                    "<div class=\"detail-cmain\">",
                    &format!(
                        "<div class=\"detail-cmain\"><p>Đoạn riêng của bài {a} nguồn {f}.</p>"
                    ),
                );
            server.route(&path, Route::page(own));
            items.push_str(&format!(
                "<item><title>Bài {a} của nguồn {f}</title><link>{{base}}{path}</link><guid>{f}-{a}</guid><pubDate>Sun, 26 Oct 2025 08:00:00 +0700</pubDate><description>Một câu.</description></item>"
            ));
        }
        let rss = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Nguồn {f}</title>{items}</channel></rss>"
        );
        server.route(&format!("/feed-{f}.rss"), Route::feed(rss));
    }
    feeds::update(&data, |subscriptions| {
        for f in 0..FEEDS {
            let url = server.url(&format!("/feed-{f}.rss"));
            subscriptions.feeds.push(Feed::new(
                &url,
                &format!("Nguồn {f}"),
                &format!("nguon-{f}"),
            ));
        }
    })
    .expect("subscribed");
    let started = Instant::now();
    let outcomes =
        fetch(&data, &archive, &[], Limits::default(), &|_: Progress| {}).expect("the fetch runs");
    let took = started.elapsed();
    let new: usize = outcomes.iter().map(|o| o.new).sum();
    assert_eq!(new, FEEDS * ARTICLES, "every article stored: {outcomes:?}");
    println!(
        "fetch: {FEEDS} feeds × {ARTICLES} articles ({new} pages fetched, extracted, written) in {:.2} s: {:.0} articles/s",
        took.as_secs_f64(),
        new as f64 / took.as_secs_f64()
    );
    let started = Instant::now();
    let again =
        fetch(&data, &archive, &[], Limits::default(), &|_: Progress| {}).expect("the fetch runs");
    assert!(again.iter().all(|o| o.unchanged), "{again:?}");
    println!(
        "fetch again (every feed 304): {:.1} ms",
        started.elapsed().as_secs_f64() * 1e3
    );
}
