//! The help overlay: every key, generated from the keymap.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::Theme;
use crate::app::App;
use crate::keymap::{self, HelpLine};
use crate::panes;
use crate::text;

/// Draws the help box over whatever is on screen.
pub fn render(app: &App, theme: &Theme, frame: &mut Frame) {
    let lines = keymap::help_lines();
    let area = panes::help_box(frame.area(), lines.len());
    let inner = panes::inner(area);
    let width = usize::from(inner.width);
    let shown = usize::from(inner.height);
    let title = if lines.len() > shown {
        " Keys · j/k to scroll "
    } else {
        " Keys "
    };
    let block = Block::bordered()
        .border_style(theme.border_focused)
        .title(text::truncate(title, width));
    // Two columns of indent before the keys, two of space after the longest.
    let label_width = lines
        .iter()
        .filter_map(|line| match line {
            HelpLine::Key(label, _) => Some(text::str_width(label) + 4),
            _ => None,
        })
        .max()
        .unwrap_or(0);
    let first = app.help_scroll.min(lines.len().saturating_sub(shown));
    let rows: Vec<Line> = lines
        .iter()
        .skip(first)
        .take(shown)
        .map(|line| match *line {
            HelpLine::Section(title) => Line::styled(text::fit(title, width), theme.title),
            HelpLine::Blank => Line::raw(text::fit("", width)),
            HelpLine::Key(label, help) => {
                let label = text::fit(&format!("  {label}"), label_width.min(width));
                let rest = width.saturating_sub(text::str_width(&label));
                Line::from(vec![
                    Span::styled(label, theme.key),
                    Span::styled(text::fit(help, rest), theme.body),
                ])
            }
        })
        .collect();
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    frame.render_widget(Paragraph::new(rows), inner);
}
