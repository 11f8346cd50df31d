//! The reading pane: the selected article's rows, styled by kind, in a centred column.

use ratatui::Frame;
use std::ops::Range;

use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use super::{Theme, highlight};
use crate::app::{App, Focus};
use crate::page::RowKind;
use crate::panes;
use crate::text;

/// Draws the reading pane into `pane`.
pub fn render(app: &App, theme: &Theme, pane: Rect, frame: &mut Frame) {
    let border = if app.focus() == Focus::Reader {
        theme.border_focused
    } else {
        theme.border
    };
    // The headline, not the file: it stays in view however far the article is scrolled.
    // While the article is read, the list's entry names it.
    let shown_title = match (app.article(), app.entry()) {
        (Some(article), _) => Some(&article.title),
        (None, Some(entry)) if app.reader().opening() => Some(&entry.title),
        _ => None,
    };
    let title = match shown_title {
        Some(title) if app.reader().unreadable() => {
            format!(" {} · {} ", app.lang().t("title-unreadable"), title)
        }
        Some(title) if app.reader().removed() => {
            format!(" {} · {} ", app.lang().t("title-removed"), title)
        }
        Some(title) => format!(
            " {}/{} · {} ",
            text::thousands(app.ordinal().0),
            text::thousands(app.ordinal().1),
            title
        ),
        None => format!(" {} ", app.lang().t("title-reader")),
    };
    let inner = super::bordered(&title, border, pane, frame);
    let reader = app.reader();
    let Some(page) = reader.page() else {
        if reader.opening() {
            super::render_message(&app.lang().t("reader-opening"), theme.meta, inner, frame);
        }
        return;
    };
    let gutter = usize::from(panes::READER_GUTTER);
    let room = usize::from(inner.width).saturating_sub(gutter);
    // Centre the text column, its gutter with it, when the pane is wider than a comfortable
    // line: the passage cursor and bookmark marks stay beside the text they mark.
    let left = room.saturating_sub(page.width + usize::from(panes::READER_PADDING)) / 2;
    let margin = " ".repeat(left);
    let (matches, current) = match reader.search() {
        Some(found) => (found.matches.as_slice(), found.current),
        None => (&[][..], None),
    };
    let text = app.article().map_or("", |a| a.text.as_str());
    let flash: Vec<Range<usize>> = reader.flash().into_iter().cloned().collect();
    let selected = reader.selection().map(|s| s.covered());
    let marked: Vec<Range<usize>> = reader
        .placed()
        .iter()
        .filter_map(|p| p.anchor.range())
        .collect();
    let lines: Vec<Line> = page
        .rows
        .iter()
        .enumerate()
        .skip(reader.scroll())
        .take(usize::from(inner.height))
        .map(|(index, row)| {
            let style = match row.kind {
                RowKind::Title => theme.title,
                RowKind::Meta | RowKind::Rule | RowKind::End | RowKind::Byline => theme.meta,
                RowKind::Warning => theme.warning,
                RowKind::Heading => theme.heading,
                RowKind::Caption => theme.caption,
                RowKind::Paragraph | RowKind::Blank => theme.body,
            };
            let source = row
                .pieces
                .first()
                .zip(row.pieces.last())
                .map(|(a, b)| a.source.start..b.source.end);
            let overlaps = |r: &Range<usize>| {
                source
                    .as_ref()
                    .is_some_and(|s| s.start < r.end && r.start < s.end)
            };
            let in_selection = selected.as_ref().is_some_and(overlaps);
            // The first mark that covers a column styles it: search matches come first, so
            // that they show inside a highlighted passage or a selection.
            let mut marks: Vec<(Range<usize>, Style)> = page
                .highlights(index, text, matches)
                .into_iter()
                .map(|(columns, k)| {
                    let mark = if Some(k) == current {
                        theme.current_match
                    } else {
                        theme.matched
                    };
                    (columns, mark)
                })
                .collect();
            marks.extend(
                page.highlights(index, text, &flash)
                    .into_iter()
                    .map(|(columns, _)| (columns, theme.passage)),
            );
            let width = text::str_width(&row.text);
            // Last, so that matches inside a selection still show as matches. It covers the
            // very text `m` and `y` take, to the letter: not whole rows.
            if let Some(selected) = selected.as_ref().filter(|_| in_selection) {
                marks.extend(
                    page.highlights(index, text, std::slice::from_ref(selected))
                        .into_iter()
                        .map(|(columns, _)| (columns, theme.selection)),
                );
            }
            let cursor = if in_selection
                || (reader.selection().is_none() && row.block == Some(reader.cursor()))
            {
                "▐"
            } else {
                " "
            };
            let mark = if marked.iter().any(overlaps) {
                "✦"
            } else {
                " "
            };
            // The row's style covers its text only: an underlined heading stops where its
            // words do.
            let mut spans = vec![
                Span::raw(margin.clone()),
                Span::styled(cursor, theme.gutter),
                Span::styled(format!("{mark} "), theme.mark),
            ];
            spans.extend(highlight::line(&row.text, width, style, &marks).spans);
            spans.push(Span::raw(" ".repeat(room.saturating_sub(left + width))));
            Line::from(spans)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);

    if page.rows.len() > usize::from(inner.height) {
        let mut state =
            ScrollbarState::new(page.rows.len().saturating_sub(usize::from(inner.height)))
                .position(reader.scroll());
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
