//! The bookmarks pane: every bookmark, newest first, with its article, quote and note.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::Theme;
use crate::app::App;
use crate::bookmarks::Anchor;
use crate::text;

/// Rows one bookmark takes: article, quote, note.
pub const ENTRY_ROWS: usize = 3;

/// Draws the pane over the whole main area.
pub fn render(app: &App, theme: &Theme, area: Rect, frame: &mut Frame) {
    let shown = app.pane_bookmarks();
    let total = app.bookmarks.all().len();
    let title = match &app.pane_filter {
        Some(query) => format!(" Bookmarks “{}” · {} of {total} ", query.text, shown.len()),
        None => format!(" Bookmarks ({total}) "),
    };
    let inner = super::bordered(&title, theme.border_focused, area, frame);
    let width = usize::from(inner.width);
    if shown.is_empty() {
        let message = if total == 0 {
            "No bookmarks yet. In the reader, m bookmarks the current passage (v selects more)."
        } else {
            "No bookmark matches. Esc shows them all."
        };
        super::render_message(message, theme.meta, inner, frame);
        return;
    }
    let capacity = (usize::from(inner.height) / ENTRY_ROWS).max(1);
    let first = app.pane_cursor.saturating_sub(capacity - 1);
    let mut lines = Vec::new();
    for (position, bookmark) in shown.iter().enumerate().skip(first).take(capacity) {
        let selected = position == app.pane_cursor;
        let pick = |normal| if selected { theme.selected } else { normal };
        let article = app.catalog().find(&bookmark.article).map(|(_, a)| a);
        let date = article
            .and_then(|a| a.date)
            .map_or_else(String::new, |d| format!(" · {d}"));
        let status = match article.map(|a| bookmark.locate(a)) {
            None => " · article not in this folder",
            Some(Anchor::Orphaned) => " · passage not found",
            Some(Anchor::Approximate(_)) => " · passage edited",
            Some(_) => "",
        };
        let title = if bookmark.title.is_empty() {
            &bookmark.article
        } else {
            &bookmark.title
        };
        let head = format!(" {title}{date}{status}");
        let quote_line = bookmark.quote.lines().next().unwrap_or_default();
        let quote = format!("   “{quote_line}”");
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
