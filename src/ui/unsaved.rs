//! The question asked when quitting with something unsaved: why, and the keys that answer it,
//! generated from the keymap.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::Theme;
use crate::app::{App, HelpLine, Mode, UnsavedView, Waiting};
use crate::panes;
use crate::text;

/// Widest the box grows, in columns: a comfortable line.
const WIDEST: usize = 72;

/// Draws the box over whatever is on screen.
pub fn render(app: &App, view: &UnsavedView, theme: &Theme, frame: &mut Frame) {
    let lang = app.lang();
    let keys = app.keys();
    let main = app.main_area();
    let width = usize::from(main.width.saturating_sub(4)).clamp(1, WIDEST);
    let mut rows: Vec<Line> = Vec::new();
    for row in text::wrap(&app.unsaved_said(), width) {
        rows.push(Line::styled(row, theme.body));
    }
    for row in text::wrap(view.error(), width) {
        rows.push(Line::styled(row, theme.warning));
    }
    if view.failed_again() {
        for row in text::wrap(&lang.t("unsaved-failed-again"), width) {
            rows.push(Line::styled(row, theme.warning));
        }
    }
    rows.push(Line::raw(""));
    match view.waiting() {
        Some(waiting) => {
            let said = lang.t(match waiting {
                Waiting::Retry => "unsaved-retrying",
                Waiting::Recovery => "unsaved-recovering",
            });
            rows.push(Line::styled(text::fit(&said, width), theme.meta));
        }
        None => {
            // The keys of this question, as the help lists them.
            let lines = keys.lines.iter().skip(keys.section(Mode::Unsaved) + 1);
            let lines = lines.take_while(|l| matches!(l, HelpLine::Key { .. }));
            let shown: Vec<(&str, &str)> = lines
                .filter_map(|line| match line {
                    HelpLine::Key { keys, help } => Some((keys.as_str(), help.as_str())),
                    _ => None,
                })
                .collect();
            let key_width = shown
                .iter()
                .map(|(k, _)| text::str_width(k) + 2)
                .max()
                .unwrap_or(0);
            for (keys, help) in shown {
                let label = text::fit(keys, key_width);
                let rest = width.saturating_sub(key_width);
                for (k, row) in text::wrap(help, rest).into_iter().enumerate() {
                    let lead = if k == 0 {
                        label.clone()
                    } else {
                        " ".repeat(key_width)
                    };
                    rows.push(Line::from(vec![
                        Span::styled(lead, theme.key),
                        Span::styled(row, theme.body),
                    ]));
                }
            }
        }
    }
    let widest = rows.iter().map(Line::width).max().unwrap_or(0);
    let area = panes::help_box(app.area(), rows.len(), widest);
    let title = format!(" {} ", lang.t("title-unsaved"));
    let block = Block::bordered()
        .border_style(theme.warning)
        .title(text::truncate(&title, usize::from(area.width)));
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    frame.render_widget(Paragraph::new(rows), area.inner(panes::BORDER));
}
