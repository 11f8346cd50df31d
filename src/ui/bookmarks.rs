//! The bookmarks pane: every bookmark, newest first, with its article, quote and note.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::Theme;
use crate::app::{BookmarksPane, Placement};
use crate::panes::BOOKMARK_ENTRY_ROWS;
use crate::text;

/// Draws the pane over the whole main area.
pub fn render(pane: &BookmarksPane, theme: &Theme, area: Rect, frame: &mut Frame) {
    let shown = pane.shown();
    let count = shown.len();
    let total = pane.total();
    let title = match pane.filter() {
        Some(query) => format!(" Bookmarks “{}” · {count} of {total} ", query.text),
        None => format!(" Bookmarks ({total}) "),
    };
    let inner = super::bordered(&title, theme.border_focused, area, frame);
    let width = usize::from(inner.width);
    if count == 0 {
        let message = if total == 0 {
            "No bookmarks yet. In the reader, m bookmarks the current passage (v selects more)."
        } else {
            "No bookmark matches. Esc shows them all."
        };
        super::render_message(message, theme.meta, inner, frame);
        return;
    }
    let capacity = (usize::from(inner.height) / BOOKMARK_ENTRY_ROWS).max(1);
    let first = pane.cursor().saturating_sub(capacity - 1);
    let mut lines = Vec::new();
    for (position, entry) in shown.enumerate().skip(first).take(capacity) {
        let selected = position == pane.cursor();
        let pick = |normal| if selected { theme.selected } else { normal };
        let bookmark = &entry.bookmark;
        let date = entry.date.map_or_else(String::new, |d| format!(" · {d}"));
        let status = match entry.placement {
            Placement::NoArticle => " · article not in this folder",
            Placement::NotFound => " · passage not found",
            Placement::Edited => " · passage edited",
            Placement::Found => "",
        };
        let title = if bookmark.title.is_empty() {
            &bookmark.article
        } else {
            &bookmark.title
        };
        let head = format!(" {title}{date}{status}");
        let mut quote_lines = bookmark.quote.lines().filter(|l| !l.trim().is_empty());
        let first_line = quote_lines.next().unwrap_or_default();
        let more = if quote_lines.next().is_some() {
            " …"
        } else {
            ""
        };
        let quote = format!("   “{first_line}”{more}");
        let note = if bookmark.note.is_empty() {
            "   (no note)".to_owned()
        } else {
            format!("   {}", bookmark.note)
        };
        lines.push(Line::styled(text::fit(&head, width), pick(theme.title)));
        lines.push(Line::styled(text::fit(&quote, width), pick(theme.caption)));
        lines.push(Line::styled(text::fit(&note, width), pick(theme.body)));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
