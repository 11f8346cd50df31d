//! The status line: where the reader is, what just happened, and the keys to know.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Theme;
use crate::app::{App, Focus};
use crate::text;

/// Key hints at the right of the status line.
const HINTS: &str = "? help  q quit ";

/// Draws the status line into `area`.
pub fn render(app: &App, theme: &Theme, area: Rect, frame: &mut Frame) {
    let width = usize::from(area.width);
    let total = app.catalog().articles().len();
    let mut left = if total == 0 {
        " no articles".to_owned()
    } else {
        match app.focus {
            Focus::List => format!(" article {} of {total}", app.selected + 1),
            Focus::Reader => format!(
                " article {} of {total} · {}%",
                app.selected + 1,
                app.percent_read()
            ),
        }
    };
    let skipped = app.catalog().problems().len();
    if let Some(note) = &app.note {
        left.push_str(&format!(" · {note}"));
    } else if skipped > 0 {
        left.push_str(&format!(
            " · {skipped} file{} skipped (docbao list)",
            if skipped == 1 { "" } else { "s" }
        ));
    }
    let hints_width = text::str_width(HINTS);
    let line = if text::str_width(&left) + hints_width < width {
        Line::from(vec![
            Span::styled(text::fit(&left, width - hints_width), theme.status),
            Span::styled(HINTS, theme.status),
        ])
    } else {
        Line::styled(text::fit(&left, width), theme.status)
    };
    frame.render_widget(Paragraph::new(line), area);
}
