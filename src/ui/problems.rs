//! The problems view: files skipped while reading the catalog, and articles read with warnings.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::Theme;
use crate::app::App;
use crate::text;

/// Draws the view over the whole main area.
pub fn render(app: &App, theme: &Theme, area: Rect, frame: &mut Frame) {
    let problems = app.problem_lines();
    let title = format!(" Problems ({}) · Esc back ", problems.len());
    let inner = super::bordered(&title, theme.border_focused, area, frame);
    let width = usize::from(inner.width);
    let rows: Vec<String> = if problems.is_empty() {
        text::wrap("Every file was read without a problem.", width)
    } else {
        problems
            .iter()
            .flat_map(|p| text::wrap(p, width.saturating_sub(2)))
            .collect()
    };
    let first = app
        .problems_scroll
        .min(rows.len().saturating_sub(usize::from(inner.height)));
    let lines: Vec<Line> = rows
        .iter()
        .skip(first)
        .take(usize::from(inner.height))
        .map(|row| Line::styled(text::fit(&format!(" {row}"), width), theme.body))
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
