//! The article list: title, then date and reading time, for each article.

use ratatui::Frame;
use std::ops::Range;

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::{Theme, highlight};
use crate::app::{App, Focus};
use crate::catalog::Article;
use crate::search;
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
    let title = match app.filter.as_ref() {
        Some(filter) => format!(
            " Search “{}” · {} of {} ",
            filter.query.text,
            app.list_len(),
            articles.len()
        ),
        None => format!(" Articles ({}) ", articles.len()),
    };
    let inner = super::bordered(&title, border, pane, frame);
    let width = usize::from(inner.width);
    if articles.is_empty() {
        let message = format!("No articles in {}.", app.catalog().origin());
        super::render_message(&message, theme.meta, inner, frame);
        return;
    }
    if app.list_len() == 0 {
        let message = "No article matches. Esc shows them all.";
        super::render_message(message, theme.meta, inner, frame);
        return;
    }
    let hits = app.list_hits();
    let mut lines = Vec::new();
    for position in (app.list_offset..app.list_len()).take(app.list_capacity()) {
        let Some(index) = app.list_entry(position) else {
            break;
        };
        let article = &articles[index];
        let selected = index == app.selected;
        let (title_style, meta_style) = match (selected, focused) {
            (true, true) => (theme.selected, theme.selected),
            (true, false) => (theme.selected_idle, theme.selected_idle),
            (false, _) => (theme.body, theme.meta),
        };
        let hit = hits.and_then(|h| h.hits.get(position));
        // Results past the first hundred are placed in the text only when they show.
        let placed = hit.map(|h| {
            if h.first.is_some() {
                (h.title.clone(), h.first.clone())
            } else {
                let query = hits.map(|all| &all.query);
                let matches = query.map_or_else(Vec::new, |q| search::find_in_article(article, q));
                let range = article.title_range.clone().unwrap_or(0..0);
                let title = matches
                    .iter()
                    .filter(|m| range.start <= m.start && m.end <= range.end)
                    .cloned()
                    .collect();
                (title, matches.first().cloned())
            }
        });
        let title_marks: Vec<(Range<usize>, Style)> = match (&placed, &article.title_range) {
            (Some((title, _)), Some(range)) => title
                .iter()
                .filter_map(|m| {
                    let start = m.start.checked_sub(range.start)?;
                    let end = (m.end - range.start).min(article.title.len());
                    let from = 1 + text::str_width(article.title.get(..start)?);
                    let to = 1 + text::str_width(article.title.get(..end)?);
                    Some((from..to, theme.matched))
                })
                .collect(),
            _ => Vec::new(),
        };
        lines.push(highlight::line(
            &format!(" {}", article.title),
            width,
            title_style,
            &title_marks,
        ));
        lines.push(
            match (hit, placed.as_ref().and_then(|(_, first)| first.clone())) {
                (Some(hit), Some(first)) => {
                    snippet_line(article, hit.count, first, width, meta_style, theme)
                }
                _ => {
                    let date = article
                        .date
                        .map_or_else(|| "undated".to_owned(), |d| d.to_string());
                    let mut meta = format!("  {date} · {} min", article.reading_minutes());
                    match app.reading.state.articles.get(&article.id) {
                        Some(p) if p.read => meta.push_str(" · read"),
                        Some(p) if p.percent > 0 => meta.push_str(&format!(" · {}%", p.percent)),
                        _ => {}
                    }
                    let marks = app.bookmarks.of_article(&article.id).count();
                    if marks > 0 {
                        meta.push_str(&format!(" · {marks}✦"));
                    }
                    Line::styled(text::fit(&meta, width), meta_style)
                }
            },
        );
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// `  3× …context match context…`: how often the article matches and where it first does.
fn snippet_line<'a>(
    article: &Article,
    count: usize,
    first: Range<usize>,
    width: usize,
    style: Style,
    theme: &Theme,
) -> Line<'a> {
    let lead = format!("  {count}× ");
    let lead_width = text::str_width(&lead);
    // The excerpt comes from the block the first match is in (or the title).
    let block = article
        .blocks
        .iter()
        .map(|b| b.range.clone())
        .chain(article.title_range.clone())
        .find(|r| r.start <= first.start && first.end <= r.end)
        .unwrap_or(first.clone());
    let local = first.start - block.start..first.end - block.start;
    let room = width.saturating_sub(lead_width);
    let (excerpt, columns) = text::snippet::snippet(&article.text[block], local, room);
    let marks = [(
        lead_width + columns.start..lead_width + columns.end,
        theme.matched,
    )];
    highlight::line(&format!("{lead}{excerpt}"), width, style, &marks)
}
