//! The article list: title, then date and reading time, for each article.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

use super::Theme;
use crate::app::{App, Focus};
use crate::panes;
use crate::text;

/// Draws the list pane into `pane`.
pub fn render(app: &App, theme: &Theme, pane: Rect, frame: &mut Frame) {
    let articles = app.catalog().articles();
    let focused = app.focus == Focus::List;
    let border = if focused {
        theme.border_focused
    } else {
        theme.border
    };
    let title = format!(" Articles ({}) ", articles.len());
    let block = Block::bordered().border_style(border).title(text::truncate(
        &title,
        usize::from(pane.width.saturating_sub(2)),
    ));
    frame.render_widget(block, pane);

    let inner = panes::inner(pane);
    let width = usize::from(inner.width);
    if articles.is_empty() {
        let message = format!("No articles in {}.", app.catalog().origin());
        let lines: Vec<Line> = text::wrap(&message, width)
            .into_iter()
            .map(|row| Line::styled(text::fit(&row, width), theme.meta))
            .collect();
        frame.render_widget(Paragraph::new(lines), inner);
        return;
    }
    let mut lines = Vec::new();
    for (index, article) in articles
        .iter()
        .enumerate()
        .skip(app.list_offset)
        .take(app.list_capacity())
    {
        let selected = index == app.selected;
        let (title_style, meta_style) = match (selected, focused) {
            (true, true) => (theme.selected, theme.selected),
            (true, false) => (theme.selected_idle, theme.selected_idle),
            (false, _) => (theme.body, theme.meta),
        };
        let date = article
            .date
            .map_or_else(|| "undated".to_owned(), |d| d.to_string());
        let meta = format!("  {date} · {} min", article.reading_minutes());
        lines.push(Line::styled(
            text::fit(&format!(" {}", article.title), width),
            title_style,
        ));
        lines.push(Line::styled(text::fit(&meta, width), meta_style));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
