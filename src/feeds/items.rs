//! A feed's answer read: RSS 0.9x/1.0/2.0, Atom or JSON Feed (`feed-rs`), as items with an id,
//! an address, a title, a date, an author and what the feed says of the text.

use crate::catalog::Date;
use crate::catalog::html::date_of;

use super::Failure;

/// Text, in characters, from which an item's own content is taken for the whole article:
/// less is a summary (a thumbnail and a sentence, as Vietnamese papers' feeds give), and the
/// article's page is fetched instead.
pub const FULL_TEXT_CHARS: usize = 1000;

/// Query parameters that only track where a reader came from.
const TRACKING: [&str; 10] = [
    "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "ref", "ref_src", "_ga",
];

/// One item of a feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The feed's id for it (or the parser's, made from its content, when the feed gives none).
    pub id: String,
    /// The headline.
    pub title: Option<String>,
    /// The article's page.
    pub link: Option<String>,
    /// When it was published (or updated, when that is all the feed says).
    pub date: Option<Date>,
    /// Who wrote it.
    pub author: Option<String>,
    /// Its HTML: the content, else the summary.
    pub html: Option<String>,
    /// Whether that HTML is the whole article, long enough not to fetch the page.
    pub full: bool,
}

/// A feed read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    /// The feed's title.
    pub title: Option<String>,
    /// Its items, in the feed's order.
    pub items: Vec<Item>,
}

/// Reads a feed's answer; what is not a feed says what it is instead.
pub fn parse(body: &[u8]) -> Result<Parsed, Failure> {
    let parser = feed_rs::parser::Builder::new()
        .timestamp_parser(wall_clock)
        .build();
    let feed = parser.parse(body).map_err(|err| Failure::NotFeed {
        page: looks_like_page(body),
        // The parser's message quotes the tags it met (`expected `</item>``): kept, not
        // taken for markup.
        detail: err
            .to_string()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    })?;
    let items = feed
        .entries
        .into_iter()
        .map(|entry| {
            let link = entry
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or(entry.links.first())
                .map(|l| l.href.trim().to_owned())
                .filter(|l| !l.is_empty());
            let html = entry
                .content
                .and_then(|c| c.body)
                .filter(|b| !b.trim().is_empty())
                .or_else(|| entry.summary.map(|s| s.content))
                .filter(|b| !b.trim().is_empty());
            let full = html
                .as_deref()
                .is_some_and(|h| visible_chars(h) >= FULL_TEXT_CHARS);
            Item {
                id: entry.id,
                title: entry
                    .title
                    .map(|t| one_line(&t.content))
                    .filter(|t| !t.is_empty()),
                link,
                date: entry
                    .published
                    .or(entry.updated)
                    .and_then(|d| date_of(&d.to_rfc3339())),
                author: entry
                    .authors
                    .first()
                    .and_then(|p| p.name.as_deref().map(one_line))
                    .filter(|a| !a.is_empty()),
                html,
                full,
            }
        })
        .collect();
    Ok(Parsed {
        title: feed
            .title
            .map(|t| one_line(&t.content))
            .filter(|t| !t.is_empty()),
        items,
    })
}

/// A feed's timestamp as the paper's own clock read it, kept in a UTC value: `01:00 +0700`
/// on the 27th is the 27th, the day the paper dated it, not the 26th it was in UTC. feed-rs
/// keeps only UTC, and an article's day is the day where it was written.
fn wall_clock(text: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    use chrono::{DateTime, NaiveDate, NaiveDateTime};
    let text = text.trim();
    let zoned = DateTime::parse_from_rfc2822(text)
        .or_else(|_| DateTime::parse_from_rfc3339(text))
        .or_else(|_| DateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f%z"))
        .or_else(|_| DateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S%.f %z"));
    if let Ok(zoned) = zoned {
        return Some(zoned.naive_local().and_utc());
    }
    let naive = [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
    ]
    .iter()
    .find_map(|format| NaiveDateTime::parse_from_str(text, format).ok());
    if let Some(naive) = naive {
        return Some(naive.and_utc());
    }
    // A day with a zone chrono does not know (`GMT+7`, `ICT`), or with no time at all:
    // `26 Oct 2025 …`, `Sun, 26 Oct 2025 …`, `2025-10-26…`.
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let day = words.windows(3).find_map(|w| {
        NaiveDate::parse_from_str(&format!("{} {} {}", w[0], w[1], w[2]), "%d %b %Y").ok()
    });
    day.or_else(|| {
        text.get(..10)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
    })
    .and_then(|d| d.and_hms_opt(0, 0, 0))
    .map(|d| d.and_utc())
}

/// Whether an answer is a web page rather than a feed.
fn looks_like_page(body: &[u8]) -> bool {
    let head = &body[..body.len().min(1024)];
    let lower = head.to_ascii_lowercase();
    memchr::memmem::find(&lower, b"<html").is_some()
        || memchr::memmem::find(&lower, b"<!doctype html").is_some()
}

/// Characters of text in some HTML, markup apart.
fn visible_chars(html: &str) -> usize {
    let mut inside = false;
    html.chars()
        .filter(|&c| match c {
            '<' => {
                inside = true;
                false
            }
            '>' => {
                inside = false;
                false
            }
            c => !inside && !c.is_whitespace(),
        })
        .count()
}

/// Longest title or byline kept, in characters: a feed that puts a whole article in its
/// author field gets a line, not a page, under the headline.
const LINE_CHARS: usize = 300;

/// Text on one line: markup some feeds leave in titles and bylines dropped, whitespace runs as
/// one space, cut at [`LINE_CHARS`].
fn one_line(text: &str) -> String {
    let mut plain = String::with_capacity(text.len());
    let mut inside = false;
    for c in text.chars() {
        match c {
            '<' => inside = true,
            '>' if inside => {
                inside = false;
                plain.push(' ');
            }
            c if !inside => plain.push(c),
            _ => {}
        }
    }
    let words = plain.split_whitespace().collect::<Vec<_>>().join(" ");
    match words.chars().count() > LINE_CHARS {
        true => format!("{}…", words.chars().take(LINE_CHARS).collect::<String>()),
        false => words,
    }
}

/// An article's address as docbao compares them: without its fragment and the parameters
/// that only track readers (`utm_*`, `fbclid`…), host in lower case.
pub fn canonical(address: &str) -> String {
    let Ok(mut url) = url::Url::parse(address.trim()) else {
        return address.trim().to_owned();
    };
    url.set_fragment(None);
    let kept: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(key, _)| {
            let key = key.to_ascii_lowercase();
            !key.starts_with("utm_") && !TRACKING.contains(&key.as_str())
        })
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    if kept.is_empty() {
        url.set_query(None);
    } else {
        url.query_pairs_mut().clear().extend_pairs(kept);
    }
    url.to_string()
}

/// The addresses of the feeds a web page names (`<link rel="alternate" type="…rss…">`),
/// resolved against the page's address.
pub fn discover(page: &str, address: &str) -> Vec<String> {
    let base = url::Url::parse(address).ok();
    let document = dom_query::Document::from(page);
    document
        .select("link[rel~=alternate][href]")
        .nodes()
        .iter()
        .filter(|link| {
            link.attr("type").is_some_and(|t| {
                let t = t.to_ascii_lowercase();
                t.contains("rss") || t.contains("atom") || t.contains("feed+json")
            })
        })
        .filter_map(|link| {
            let href = link.attr("href")?;
            match &base {
                Some(base) => base.join(href.trim()).ok().map(|u| u.to_string()),
                None => Some(href.trim().to_owned()),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_drops_tracking_and_fragments_and_keeps_the_rest() {
        assert_eq!(
            canonical("https://VnExpress.net/bai-123.html?utm_source=rss&id=7&fbclid=x#top"),
            "https://vnexpress.net/bai-123.html?id=7"
        );
        assert_eq!(
            canonical("https://vnexpress.net/a.html?utm_medium=feed"),
            "https://vnexpress.net/a.html"
        );
    }

    #[test]
    fn a_byline_with_markup_and_lines_is_one_plain_line() {
        let rss = r#"<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T</title>
<item><title><![CDATA[<b>Tin</b>  nóng]]></title><guid>1</guid><dc:creator><![CDATA[<p>Tuấn
 Minh</p> <a href="mailto:x@y">thư</a>]]></dc:creator></item></channel></rss>"#;
        let parsed = parse(rss.as_bytes()).expect("a feed");
        assert_eq!(parsed.items[0].title.as_deref(), Some("Tin nóng"));
        assert_eq!(parsed.items[0].author.as_deref(), Some("Tuấn Minh thư"));
    }

    #[test]
    fn an_item_is_dated_by_the_papers_own_clock() {
        let day = |stamp: &str| wall_clock(stamp).map(|d| d.format("%Y-%m-%d").to_string());
        assert_eq!(
            day("Mon, 27 Oct 2025 01:00:00 +0700").as_deref(),
            Some("2025-10-27")
        );
        assert_eq!(
            day("2025-10-27T01:00:00+07:00").as_deref(),
            Some("2025-10-27")
        );
        assert_eq!(
            day("Sun, 26 Oct 2025 23:30:00 -0500").as_deref(),
            Some("2025-10-26")
        );
        assert_eq!(
            day("27 Oct 2025 01:00:00 GMT+7").as_deref(),
            Some("2025-10-27")
        );
        assert_eq!(day("2025-10-27 06:59:00").as_deref(), Some("2025-10-27"));
        assert_eq!(day("hôm qua"), None);
        let rss = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<item><title>Tin lúc một giờ sáng</title><guid>1</guid><pubDate>Mon, 27 Oct 2025 01:00:00 +0700</pubDate></item></channel></rss>"#;
        let parsed = parse(rss.as_bytes()).expect("a feed");
        assert_eq!(
            parsed.items[0].date.map(|d| d.to_string()).as_deref(),
            Some("2025-10-27")
        );
    }

    #[test]
    fn a_page_names_its_feeds() {
        let page = r#"<html><head><link rel="alternate" type="application/rss+xml" href="/rss/thoi-su.rss"><link rel="stylesheet" href="/s.css"></head></html>"#;
        assert_eq!(
            discover(page, "https://tuoitre.vn/thoi-su.htm"),
            ["https://tuoitre.vn/rss/thoi-su.rss"]
        );
    }
}
