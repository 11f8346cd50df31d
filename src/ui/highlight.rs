//! Lines with some columns styled differently: search matches in the reader and the list.

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;

use crate::text::{self, width::grapheme_width};

/// `text` fitted to exactly `width` columns in `base` style, with each column range of `marks`
/// in its own style (the first range that holds a column styles it).
///
/// Every span carries its whole style, `base` included, so that the spans can be taken out of
/// the line and put in another (the reader puts its gutter before them) without losing it.
pub fn line<'a>(
    text: &str,
    width: usize,
    base: Style,
    marks: &[(Range<usize>, Style)],
) -> Line<'a> {
    let fitted = text::fit(text, width);
    if marks.is_empty() {
        return Line::from(Span::styled(fitted, base));
    }
    // The `…` that ends a line cut short, and the padding after it, are not part of a match
    // it cuts.
    let ellipsis = (text::str_width(text) > width)
        .then(|| text::str_width(&text::truncate(text, width)).saturating_sub(1));
    let mut spans = Vec::new();
    let mut current = String::new();
    let mut current_style = base;
    let mut column = 0;
    for grapheme in fitted.graphemes(true) {
        let style = marks
            .iter()
            .find(|(range, _)| range.contains(&column) && ellipsis.is_none_or(|e| column < e))
            .map_or(base, |(_, style)| base.patch(*style));
        if style != current_style && !current.is_empty() {
            spans.push(Span::styled(std::mem::take(&mut current), current_style));
        }
        current_style = style;
        current.push_str(grapheme);
        column += grapheme_width(grapheme);
    }
    if !current.is_empty() {
        spans.push(Span::styled(current, current_style));
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    #[test]
    fn a_line_without_marks_keeps_its_style_in_its_spans() {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let line = line("Tiêu đề", 10, bold, &[]);
        assert!(line.spans.iter().all(|s| s.style == bold), "{line:?}");
    }

    #[test]
    fn the_ellipsis_of_a_line_cut_short_is_never_marked() {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let line = line("Hà Nội đẹp lắm", 8, Style::new(), &[(3..12, bold)]);
        let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        assert!(text.contains('…'), "{text:?}");
        let marked: Vec<&str> = line
            .spans
            .iter()
            .filter(|s| s.style == bold)
            .map(|s| s.content.as_ref())
            .collect();
        assert_eq!(marked, ["Nội"], "{line:?}");
    }

    #[test]
    fn marks_split_the_line_at_columns() {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let line = line("Hà Nội đẹp", 12, Style::new(), &[(3..6, bold)]);
        let parts: Vec<(&str, bool)> = line
            .spans
            .iter()
            .map(|s| {
                (
                    s.content.as_ref(),
                    s.style.add_modifier.contains(Modifier::BOLD),
                )
            })
            .collect();
        assert_eq!(parts, [("Hà ", false), ("Nội", true), (" đẹp  ", false)]);
    }
}
