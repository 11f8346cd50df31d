//! The reading pane: the selected article's rows, styled by kind, in a centred column.

use ratatui::Frame;
use std::ops::Range;

use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use super::{Theme, highlight};
use crate::app::{App, Focus};
use crate::page::RowKind;
use crate::panes;
use crate::text;

/// Draws the reading pane into `pane`.
pub fn render(app: &App, theme: &Theme, pane: Rect, frame: &mut Frame) {
    let border = if app.focus == Focus::Reader {
        theme.border_focused
    } else {
        theme.border
    };
    let total = app.catalog().articles().len();
    let title = match app.article() {
        Some(article) => format!(" {}/{total} · {} ", app.selected + 1, article.id),
        None => " Reader ".to_owned(),
    };
    let block = Block::bordered().border_style(border).title(text::truncate(
        &title,
        usize::from(pane.width.saturating_sub(2)),
    ));
    frame.render_widget(block, pane);

    let Some(page) = &app.page else { return };
    let inner = panes::inner(pane);
    let room = usize::from(inner.width);
    // Centre the text column when the pane is wider than a comfortable line.
    let left = room.saturating_sub(page.width) / 2;
    let margin = " ".repeat(left);
    let (matches, current) = match (&app.search, app.article()) {
        (Some(found), Some(_)) => (found.matches.as_slice(), found.current),
        _ => (&[][..], None),
    };
    let text = app.article().map_or("", |a| a.text.as_str());
    let lines: Vec<Line> = page
        .rows
        .iter()
        .enumerate()
        .skip(app.scroll)
        .take(usize::from(inner.height))
        .map(|(index, row)| {
            let style = match row.kind {
                RowKind::Title => theme.title,
                RowKind::Meta | RowKind::Rule => theme.meta,
                RowKind::Warning => theme.warning,
                RowKind::Heading => theme.heading,
                RowKind::Caption => theme.caption,
                RowKind::Paragraph | RowKind::Blank => theme.body,
            };
            let marks: Vec<(Range<usize>, Style)> = page
                .highlights(index, text, matches)
                .into_iter()
                .map(|(columns, k)| {
                    let mark = if Some(k) == current {
                        theme.current_match
                    } else {
                        theme.matched
                    };
                    (left + columns.start..left + columns.end, mark)
                })
                .collect();
            highlight::line(&format!("{margin}{}", row.text), room, style, &marks)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);

    if page.rows.len() > usize::from(inner.height) {
        let mut state =
            ScrollbarState::new(page.rows.len().saturating_sub(usize::from(inner.height)))
                .position(app.scroll);
        let scrollbar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .style(border);
        frame.render_stateful_widget(
            scrollbar,
            pane.inner(Margin {
                vertical: 1,
                horizontal: 0,
            }),
            &mut state,
        );
    }
}
