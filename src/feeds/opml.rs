//! OPML: the subscriptions' exchange format, read by `feed import` and written by
//! `feed export` (OPML 2.0), the section as the outline that holds a feed.

use std::fmt::Write as _;

use quick_xml::events::Event;
use quick_xml::reader::Reader;

use super::Feed;

/// A feed an OPML file lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    /// Its address (`xmlUrl`).
    pub url: String,
    /// Its name (`title`, else `text`).
    pub name: Option<String>,
    /// The outline it is in (`text` of the parent), used as its section.
    pub section: Option<String>,
}

/// Why an OPML file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not OPML: {0}")]
pub struct OpmlError(pub String);

/// The feeds an OPML document lists, in its order.
pub fn read(text: &str) -> Result<Vec<Listed>, OpmlError> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().trim_text(true);
    let mut listed = Vec::new();
    // The names of the outlines open around the current one.
    let mut open: Vec<Option<String>> = Vec::new();
    let mut saw_opml = false;
    loop {
        let event = reader.read_event().map_err(|e| OpmlError(e.to_string()))?;
        match event {
            Event::Start(tag) | Event::Empty(tag)
                if tag.local_name().as_ref().eq_ignore_ascii_case("opml") =>
            {
                saw_opml = true;
            }
            Event::Start(ref tag) | Event::Empty(ref tag)
                if tag.local_name().as_ref().eq_ignore_ascii_case("outline") =>
            {
                let attribute = |name: &str| {
                    tag.attributes().flatten().find_map(|a| {
                        a.key
                            .local_name()
                            .as_ref()
                            .eq_ignore_ascii_case(name)
                            .then(|| {
                                a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                    .ok()
                                    .map(|v| v.trim().to_owned())
                            })
                            .flatten()
                            .filter(|v| !v.is_empty())
                    })
                };
                let url = attribute("xmlUrl");
                let name = attribute("title").or_else(|| attribute("text"));
                if let Some(url) = url {
                    listed.push(Listed {
                        url,
                        name: name.clone(),
                        section: open.iter().rev().flatten().next().cloned(),
                    });
                }
                if matches!(event, Event::Start(_)) {
                    open.push(name);
                }
            }
            Event::End(tag) if tag.local_name().as_ref().eq_ignore_ascii_case("outline") => {
                open.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !saw_opml {
        return Err(OpmlError("no <opml> element".to_owned()));
    }
    Ok(listed)
}

/// The subscriptions as an OPML 2.0 document, one outline per section.
pub fn write(feeds: &[Feed]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n    <title>docbao</title>\n  </head>\n  <body>\n",
    );
    let mut sections: Vec<&str> = Vec::new();
    for feed in feeds {
        if !sections.contains(&feed.section.as_str()) {
            sections.push(&feed.section);
        }
    }
    for section in sections {
        let _ = writeln!(
            out,
            "    <outline text=\"{}\">",
            quick_xml::escape::escape(section)
        );
        for feed in feeds.iter().filter(|f| f.section == section) {
            let _ = writeln!(
                out,
                "      <outline type=\"rss\" text=\"{name}\" title=\"{name}\" xmlUrl=\"{url}\"/>",
                name = quick_xml::escape::escape(feed.name.as_str()),
                url = quick_xml::escape::escape(feed.url.as_str()),
            );
        }
        out.push_str("    </outline>\n");
    }
    out.push_str("  </body>\n</opml>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_exported_is_imported_back() {
        let feeds = vec![
            Feed::new(
                "https://vnexpress.net/rss/thoi-su.rss",
                "VnExpress & Thời sự",
                "Thời sự",
            ),
            Feed::new(
                "https://tuoitre.vn/rss/the-gioi.rss?a=1&b=2",
                "Tuổi Trẻ",
                "Thế giới",
            ),
        ];
        let listed = read(&write(&feeds)).expect("our own OPML reads");
        assert_eq!(listed.len(), 2);
        assert_eq!(listed[0].name.as_deref(), Some("VnExpress & Thời sự"));
        assert_eq!(listed[0].section.as_deref(), Some("Thời sự"));
        assert_eq!(listed[1].url, "https://tuoitre.vn/rss/the-gioi.rss?a=1&b=2");
        assert_eq!(listed[1].section.as_deref(), Some("Thế giới"));
    }

    #[test]
    fn a_file_that_is_not_opml_says_so() {
        assert!(read("<rss><channel></channel></rss>").is_err());
    }
}
