//! The help overlay: every key, generated from the keymap, in a box sized to its lines.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::Theme;
use crate::app::{App, HelpLine, HelpView, Mode};
use crate::panes;
use crate::text;

/// Draws the help box over whatever is on screen.
pub fn render(app: &App, help: &HelpView, theme: &Theme, frame: &mut Frame) {
    let lines = help.rows();
    let area = app.help_area();
    let inner = area.inner(panes::BORDER);
    let width = usize::from(inner.width);
    let shown = usize::from(inner.height);
    let title = if lines.len() > shown {
        let first = help.scroll() + 1;
        let last = (help.scroll() + shown).min(lines.len());
        let lines = app.lang().tr(
            "title-keys-lines",
            &[
                ("first", first.into()),
                ("last", last.into()),
                ("count", lines.len().into()),
            ],
        );
        format!(" {lines} · {} ", app.keys().hints(Mode::Help).trim())
    } else {
        format!(
            " {} · {} ",
            app.lang().t("title-keys"),
            app.keys().hints(Mode::Help).trim()
        )
    };
    let block = Block::bordered()
        .border_style(theme.border_focused)
        .title(text::truncate(&title, width));
    let key_width = app.help_key_width();
    let rows: Vec<Line> = lines
        .iter()
        .skip(help.scroll())
        .take(shown)
        .map(|line| match line {
            HelpLine::Section(title) => Line::styled(text::fit(title, width), theme.title),
            HelpLine::Blank => Line::raw(text::fit("", width)),
            HelpLine::Key { keys, help } => {
                let label = text::fit(&format!("  {keys}"), key_width.min(width));
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
