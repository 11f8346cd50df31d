//! The problems view: files skipped while reading the catalog, and articles read with warnings.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::Theme;
use crate::app::{App, ProblemsView};
use crate::text;

/// Draws the view over the whole main area.
pub fn render(app: &App, view: &ProblemsView, theme: &Theme, area: Rect, frame: &mut Frame) {
    let title = format!(
        " {} ",
        app.lang()
            .tr("title-problems", &[("count", view.count().into())])
    );
    let inner = super::bordered(&title, theme.border_focused, area, frame);
    let width = usize::from(inner.width);
    let lines: Vec<Line> = view
        .rows()
        .iter()
        .take(usize::from(inner.height))
        .enumerate()
        .map(|(k, row)| {
            let style = if view.is_chosen(k) {
                theme.selected
            } else {
                theme.body
            };
            Line::styled(text::fit(&format!(" {row}"), width), style)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
