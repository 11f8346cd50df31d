//! A web page as an article: its charset found, its main text taken out (a Readability port,
//! `dom_smoothie`) and written in the archive's plain format, for saved pages and for feeds.

use std::fmt::Write as _;

use dom_query::{Document, NodeRef};
use encoding_rs::Encoding;
use unicode_normalization::UnicodeNormalization;

use super::article::{Date, is_caption};

/// Elements whose text never belongs to the article.
const SKIPPED: [&str; 9] = [
    "script", "style", "noscript", "template", "svg", "button", "form", "nav", "iframe",
];

/// Elements that end the running text: what follows starts a paragraph of its own.
const BLOCKS: [&str; 18] = [
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "blockquote",
    "pre",
    "ul",
    "ol",
    "table",
    "tr",
    "dl",
    "dd",
    "dt",
    "hr",
];

/// What the archive's file of a page says besides its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct About {
    /// The headline.
    pub title: String,
    /// The day it was published, when the page or its feed says.
    pub date: Option<Date>,
    /// Who wrote it.
    pub author: Option<String>,
    /// The address it was read from.
    pub source: Option<String>,
}

/// A piece of an article's body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Running text.
    Paragraph(String),
    /// A section heading.
    Heading(String),
    /// A photo's caption (what `<figcaption>` or the image's `alt` says).
    Caption(String),
}

/// An article taken out of a page: what it says about itself, its body and the addresses its
/// links and images point to, numbered as the body refers to them (`[1]` is the first).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extracted {
    /// Title, date, author, address.
    pub about: About,
    /// The body, in reading order.
    pub pieces: Vec<Piece>,
    /// Link and image addresses.
    pub links: Vec<String>,
}

/// Why a page gave no article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExtractError {
    /// The page has no text that reads as an article.
    #[error("no article text in the page")]
    NoText,
}

/// Decodes a page: its bytes as UTF-8 when they are (whatever a header claims: a page that
/// is valid UTF-8 by accident in another charset is all but unknown), else the charset the
/// header names, else its `<meta>`, else what detection finds (Windows-1258 pages exist).
pub fn decode_page(bytes: &[u8], content_type: Option<&str>) -> (String, &'static Encoding) {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return (text.into_owned(), encoding);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return (text.to_owned(), encoding_rs::UTF_8);
    }
    // The bytes are not UTF-8, whatever the header or the page says: the first other
    // charset named is taken.
    let named = [content_type.and_then(charset_param), meta_charset(bytes)]
        .into_iter()
        .flatten()
        .filter_map(|label| Encoding::for_label(label.trim().as_bytes()))
        .find(|e| *e != encoding_rs::UTF_8);
    let encoding = named.unwrap_or_else(|| {
        let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        detector.feed(bytes, true);
        detector.guess(None, chardetng::Utf8Detection::Allow)
    });
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    (text.into_owned(), encoding)
}

/// The `charset=` of a `Content-Type`.
fn charset_param(content_type: &str) -> Option<&str> {
    content_type.split(';').find_map(|part| {
        let (key, value) = part.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']))
    })
}

/// The charset a page's `<meta charset>` or `<meta http-equiv content>` names, from its first
/// kilobytes.
fn meta_charset(bytes: &[u8]) -> Option<&str> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower = head.to_ascii_lowercase();
    let at = memchr::memmem::find(&lower, b"charset=")? + "charset=".len();
    let rest = &head[at..];
    let rest = rest
        .strip_prefix(b"\"")
        .or(rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || b"-_:.".contains(b)))
        .unwrap_or(rest.len());
    std::str::from_utf8(&rest[..end])
        .ok()
        .filter(|s| !s.is_empty())
}

/// Takes the article out of a page's HTML; `address` resolves its relative links.
pub fn extract(html: &str, address: Option<&str>) -> Result<Extracted, ExtractError> {
    let document = Document::from(html);
    let published = time_in(&document);
    let config = dom_smoothie::Config {
        max_elements_to_parse: 0,
        ..Default::default()
    };
    let address = address.filter(|a| url::Url::parse(a).is_ok_and(|u| u.has_host()));
    let mut readability = dom_smoothie::Readability::with_document(document, address, Some(config))
        .map_err(|_| ExtractError::NoText)?;
    let article = readability.parse().map_err(|_| ExtractError::NoText)?;
    let content = Document::from(article.content.as_ref());
    let mut walk = Walk::default();
    walk.node(&content.root());
    walk.flush();
    if walk.pieces.is_empty() {
        return Err(ExtractError::NoText);
    }
    // Readability keeps the headline in the body when the page repeats it there.
    let title = clean(&article.title);
    if let Some(Piece::Heading(first)) = walk.pieces.first()
        && *first == title
    {
        walk.pieces.remove(0);
    }
    let date = article
        .published_time
        .as_deref()
        .and_then(date_of)
        .or(published);
    Ok(Extracted {
        about: About {
            title,
            date,
            author: article
                .byline
                .as_deref()
                .map(clean)
                .filter(|b| !b.is_empty()),
            source: address.map(str::to_owned).or(article.url),
        },
        pieces: walk.pieces,
        links: walk.links,
    })
}

/// The article a feed item's own HTML holds (its content, or its summary), read whole: it has
/// no page around it for Readability to leave out.
pub fn fragment(html: &str) -> Extracted {
    let document = Document::from(html);
    let mut walk = Walk::default();
    walk.node(&document.root());
    walk.flush();
    Extracted {
        about: About::default(),
        pieces: walk.pieces,
        links: walk.links,
    }
}

/// The date a `YYYY-MM-DD…` timestamp begins with.
pub fn date_of(stamp: &str) -> Option<Date> {
    stamp.trim().get(..10).and_then(Date::parse)
}

/// The first `<time datetime>` of a page, for pages whose metadata says nothing of a date.
fn time_in(document: &Document) -> Option<Date> {
    let metas = [
        r#"meta[property="article:published_time"]"#,
        r#"meta[itemprop="datePublished"]"#,
        r#"meta[name="pubdate"]"#,
        r#"meta[name="publishdate"]"#,
    ];
    metas
        .iter()
        .find_map(|selector| {
            document
                .select(selector)
                .attr("content")
                .as_deref()
                .and_then(date_of)
        })
        .or_else(|| {
            document
                .select("time[datetime]")
                .nodes()
                .iter()
                .find_map(|node| node.attr("datetime").as_deref().and_then(date_of))
        })
}

/// Runs of whitespace as one space, trimmed, in NFC.
fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.nfc().collect()
}

/// The walk over the extracted content: running text gathered until a block ends it.
#[derive(Default)]
struct Walk {
    pieces: Vec<Piece>,
    links: Vec<String>,
    running: String,
}

impl Walk {
    fn node(&mut self, node: &NodeRef) {
        if node.is_text() {
            self.running.push_str(&node.text());
            return;
        }
        let Some(name) = node.node_name() else {
            for child in node.children_it(false) {
                self.node(&child);
            }
            return;
        };
        let name = name.to_ascii_lowercase();
        match name.as_str() {
            n if SKIPPED.contains(&n) => {}
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush();
                let text = clean(&node.text());
                if !text.is_empty() {
                    self.pieces.push(Piece::Heading(text));
                }
            }
            "figure" => {
                self.flush();
                let caption = node
                    .find(&["figcaption"])
                    .first()
                    .map(|c| clean(&c.text()))
                    .filter(|c| !c.is_empty());
                let image = node.find(&["img"]).first().and_then(image_address);
                let alt = node
                    .find(&["img"])
                    .first()
                    .and_then(|img| img.attr("alt"))
                    .map(|a| clean(&a));
                self.caption(caption.or(alt), image);
            }
            "img" => {
                self.flush();
                let alt = node.attr("alt").map(|a| clean(&a));
                self.caption(alt, image_address(node));
            }
            "br" => self.running.push('\n'),
            "li" => {
                self.flush();
                self.running.push_str("• ");
                self.children(node);
                self.flush();
            }
            "td" | "th" => {
                if !self.running.trim().is_empty() {
                    self.running.push_str(" · ");
                }
                self.children(node);
            }
            "a" => {
                self.children(node);
                let href = node.attr("href").map(|h| h.trim().to_owned());
                if let Some(href) =
                    href.filter(|h| h.starts_with("http://") || h.starts_with("https://"))
                    && !node.text().trim().is_empty()
                {
                    let number = self.link(href);
                    let _ = write!(self.running, "[{number}]");
                }
            }
            n if BLOCKS.contains(&n) => {
                self.flush();
                self.children(node);
                self.flush();
            }
            _ => self.children(node),
        }
    }

    fn children(&mut self, node: &NodeRef) {
        for child in node.children_it(false) {
            self.node(&child);
        }
    }

    /// The number `[n]` of an address, the same for the same address.
    fn link(&mut self, address: String) -> usize {
        match self.links.iter().position(|l| *l == address) {
            Some(at) => at + 1,
            None => {
                self.links.push(address);
                self.links.len()
            }
        }
    }

    /// A photo: its caption (as the archive marks one: ending in a credit, else after `ẢNH:`)
    /// and the number of its address.
    fn caption(&mut self, text: Option<String>, image: Option<String>) {
        let number = image.map(|i| self.link(i));
        let text = text.unwrap_or_default();
        if text.is_empty() && number.is_none() {
            return;
        }
        let mut line = if is_caption(&text) {
            text
        } else {
            format!("ẢNH: {text}").trim_end().to_owned()
        };
        if let Some(n) = number {
            let _ = write!(line, " [{n}]");
        }
        self.pieces.push(Piece::Caption(line));
    }

    /// Ends the running text as a paragraph, if it has any.
    fn flush(&mut self) {
        let text = clean(&self.running);
        self.running.clear();
        if !text.is_empty() && !text.chars().all(|c| c == '•') {
            self.pieces.push(Piece::Paragraph(text));
        }
    }
}

/// An image's address, from `src` or the lazy-loading attributes pages use instead.
fn image_address(img: &NodeRef) -> Option<String> {
    ["data-src", "data-original", "src"]
        .iter()
        .filter_map(|name| img.attr(name))
        .map(|a| a.trim().to_owned())
        .find(|a| a.starts_with("http://") || a.starts_with("https://"))
}

/// The article in the archive's format (`.md`, so that headings stay headings): the `date`
/// line with the headline, `source` and `author` lines, the body, then the numbered addresses.
pub fn article_text(extracted: &Extracted) -> String {
    let about = &extracted.about;
    let mut out = String::new();
    match about.date {
        Some(date) => {
            let _ = writeln!(out, "date {date} {}", one_line(&about.title));
        }
        None => {
            let _ = writeln!(out, "{}", one_line(&about.title));
        }
    }
    if let Some(source) = &about.source {
        let _ = writeln!(out, "source {}", one_line(source));
    }
    if let Some(author) = &about.author {
        let _ = writeln!(out, "author {}", one_line(author));
    }
    for piece in &extracted.pieces {
        out.push('\n');
        match piece {
            Piece::Paragraph(text) => {
                // A paragraph that opens with `#` would read as a heading.
                if text.starts_with('#') {
                    out.push('\\');
                }
                out.push_str(text);
            }
            Piece::Heading(text) => {
                out.push_str("## ");
                out.push_str(&one_line(text));
            }
            Piece::Caption(text) => out.push_str(&one_line(text)),
        }
        out.push('\n');
    }
    // Each its own paragraph: lines of one paragraph are joined when it is laid out.
    for (i, link) in extracted.links.iter().enumerate() {
        let _ = write!(out, "\n[{}] {link}\n", i + 1);
    }
    out
}

/// Text on one line: line breaks as spaces.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A saved page read as an article: the text [`Article::parse`](super::Article::parse) reads
/// in its place, or the page's bytes unchanged when no article is found in them.
pub fn saved_page(bytes: &[u8]) -> Option<String> {
    let (html, _) = decode_page(bytes, None);
    let address = canonical_of(&html);
    let extracted = extract(&html, address.as_deref()).ok()?;
    Some(article_text(&extracted))
}

/// The address a saved page says it came from (`<link rel=canonical>`, `og:url`).
fn canonical_of(html: &str) -> Option<String> {
    let document = Document::from(html);
    let found = document
        .select(r#"link[rel="canonical"]"#)
        .attr("href")
        .or_else(|| {
            document
                .select(r#"meta[property="og:url"]"#)
                .attr("content")
        });
    found
        .map(|a| a.trim().to_owned())
        .filter(|a| a.starts_with("http"))
}
