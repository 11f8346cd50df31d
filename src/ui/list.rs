//! The article list: title, then date and reading time, for each article.

use ratatui::Frame;
use std::ops::Range;

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::{Theme, highlight};
use crate::app::{App, Focus, SectionShown};
use crate::text;

/// Draws the list pane into `pane`.
pub fn render(app: &App, theme: &Theme, pane: Rect, frame: &mut Frame) {
    let articles = app.catalog().entries();
    let focused = app.focus() == Focus::List;
    let border = if focused {
        theme.border_focused
    } else {
        theme.border
    };
    // The count first: a narrow pane cuts the query rather than the figures.
    let indexing = !app.progress().done
        && app
            .list()
            .hits()
            .is_some_and(|h| h.searched < articles.len());
    let lang = app.lang();
    let (listed, total) = (
        text::thousands(app.list_len()),
        text::thousands(articles.len()),
    );
    let title = match app.list().filter() {
        Some(filter) if indexing => lang.tr(
            "title-search-so-far",
            &[
                ("count", listed.into()),
                ("query", filter.query().text.as_str().into()),
            ],
        ),
        Some(filter) => lang.tr(
            "title-search",
            &[
                ("count", listed.into()),
                ("total", total.into()),
                ("query", filter.query().text.as_str().into()),
            ],
        ),
        // The unread, not the entries: the one selected stays listed once read.
        None if app.list().unread_only() => lang.tr(
            "title-unread",
            &[
                ("count", text::thousands(app.unread()).into()),
                ("total", total.into()),
            ],
        ),
        None => lang.tr("title-articles", &[("total", total.into())]),
    };
    let title = format!(" {title} ");
    let inner = super::bordered(&title, border, pane, frame);
    let width = usize::from(inner.width);
    if articles.is_empty() {
        let skipped = app.catalog().problems().len();
        let message = if skipped > 0 {
            let key = app
                .keys()
                .key(app.mode(), &crate::action::Action::ShowProblems);
            lang.tr(
                "list-none-skipped",
                &[
                    ("folder", lang.origin(app.catalog().origin()).into()),
                    ("count", skipped.into()),
                    ("key", key.into()),
                ],
            )
        } else {
            lang.tr(
                "list-none",
                &[("folder", lang.origin(app.catalog().origin()).into())],
            )
        };
        super::render_message(&message, theme.meta, inner, frame);
        return;
    }
    if app.list_len() == 0 {
        let unread_key = app.keys().key(
            crate::app::Mode::List,
            &crate::action::Action::ToggleUnreadView,
        );
        let back = super::back_key(app);
        // While the query is typed, u is a letter of it: only Esc is named then.
        let typing = app.mode() == crate::app::Mode::ListPrompt;
        let message = match (indexing, app.list().unread_only()) {
            (true, _) => lang.tr("list-no-match-so-far", &[("back", back.into())]),
            (false, true) if typing => {
                lang.tr("list-no-unread-match-typing", &[("back", back.into())])
            }
            (false, true) => lang.tr(
                "list-no-unread-match",
                &[("unread", unread_key.into()), ("back", back.into())],
            ),
            (false, false) => lang.tr("list-no-match", &[("back", back.into())]),
        };
        super::render_message(&message, theme.meta, inner, frame);
        return;
    }
    let hits = app.list().hits();
    let selected_at = app.list_position();
    let mut lines = Vec::new();
    for shown in app.shown_entries() {
        let index = shown.index;
        let article = &articles[index];
        let selected = Some(shown.position) == selected_at;
        let unread = !app.reading().is_read(&article.id);
        let (title_style, meta_style) = match (selected, focused) {
            (true, true) => (theme.selected, theme.selected),
            (true, false) => (theme.selected_idle, theme.selected_idle),
            (false, _) => (theme.body, theme.meta),
        };
        if let Some(section) = shown.header {
            let style = match shown.title {
                // A folded section is only its header: selected as an article is.
                None if selected => title_style,
                _ => theme.heading,
            };
            lines.push(section_line(app, section, width, style));
        }
        let Some((first, rest)) = shown.title.clone() else {
            continue;
        };
        // Unread articles are marked in the first column as well as by style, for a
        // terminal without colour or bold; bold on the title's letters only.
        let marker = if unread { "•" } else { " " };
        let letters = match (unread, selected) {
            // On the selected row only the attributes: its colours are the selection's.
            (true, true) => title_style
                .add_modifier(theme.unread.add_modifier)
                .remove_modifier(theme.unread.sub_modifier),
            (true, false) => title_style.patch(theme.unread),
            (false, _) => title_style,
        };
        // Results are placed in the text by the app as they scroll into view.
        let hit = hits.and_then(|h| h.hits.get(shown.position));
        let matches: Vec<Range<usize>> = match (hit, &article.title_range) {
            (Some(hit), Some(range)) => hit
                .title()
                .iter()
                .filter_map(|m| {
                    let start = m.start.checked_sub(range.start)?;
                    Some(start..(m.end - range.start).min(article.title.len()))
                })
                .collect(),
            _ => Vec::new(),
        };
        // Underlined on the selected row too: without colour, both it and a match are
        // reversed, and the match would not show.
        let matched = if selected {
            theme
                .matched
                .add_modifier(ratatui::style::Modifier::UNDERLINED)
        } else {
            theme.matched
        };
        let mut row = |lead: &str, part: Range<usize>| {
            let title = &article.title;
            // Matches first: the first range that holds a column styles it.
            let marks: Vec<(Range<usize>, Style)> = matches
                .iter()
                .filter_map(|m| {
                    let start = m.start.clamp(part.start, part.end);
                    let end = m.end.clamp(part.start, part.end);
                    let from = 1 + text::str_width(title.get(part.start..start)?);
                    let to = 1 + text::str_width(title.get(part.start..end)?);
                    (from < to).then(|| (from..to, letters.patch(matched)))
                })
                .chain([(1..1 + text::str_width(&title[part.clone()]), letters)])
                .collect();
            lines.push(highlight::line(
                &format!("{lead}{}", &title[part]),
                width,
                title_style,
                &marks,
            ));
        };
        row(marker, first);
        if let Some(rest) = rest {
            row(" ", rest);
        }
        lines.push(match hit.and_then(|h| Some((h.count?, h.context()?))) {
            Some((count, context)) => snippet_line(count, context, width, meta_style, theme),
            None => {
                let date = article
                    .date
                    .map_or_else(|| lang.t("undated"), |d| d.to_string());
                // What is yours first, the reading time last: a narrow list cuts that first.
                let mut meta = format!("  {date}");
                match app.reading().articles.get(&article.id) {
                    Some(p) if p.read => meta.push_str(&format!(" · {}", lang.t("status-read"))),
                    Some(p) if p.percent > 0 => meta.push_str(&format!(" · {}%", p.percent)),
                    _ => {}
                }
                let marks = app.bookmarks().count(&article.id);
                if marks > 0 {
                    meta.push_str(&format!(" · {marks}✦"));
                    let lost = app.orphans(&article.id);
                    if lost > 0 {
                        let lost = lang.tr("list-marks-not-found", &[("count", lost.into())]);
                        meta.push_str(&format!(" {lost}"));
                    }
                }
                // An article not indexed yet has no length to tell.
                if article.stored().is_some() {
                    let minutes = lang.reading_time(article.reading_minutes());
                    meta.push_str(&format!(" · {minutes}"));
                }
                Line::styled(text::fit(&meta, width), meta_style)
            }
        });
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// `▾ 2025/10/26 · 4`: a section's folder and how many of its articles are listed; `▸` when
/// it is folded.
fn section_line<'a>(app: &App, section: &SectionShown, width: usize, style: Style) -> Line<'a> {
    let name = app.section_name(&section.name);
    let sign = if section.folded { '▸' } else { '▾' };
    let mut text = format!("{sign} {name} · {}", text::thousands(section.count));
    // In the unread view every article listed is unread: the count says it already.
    if section.unread > 0 && !app.list().unread_only() {
        let unread = app.lang().tr(
            "list-section-unread",
            &[("count", text::thousands(section.unread).into())],
        );
        text.push_str(&format!(" · {unread}"));
    }
    Line::styled(text::fit(&text, width), style)
}

/// `  3× …context match context…`: how often the article matches and where it first does.
fn snippet_line<'a>(
    count: usize,
    context: &(String, Vec<Range<usize>>),
    width: usize,
    style: Style,
    theme: &Theme,
) -> Line<'a> {
    // Counts stop at the cap, but for case or accents: past it, all say the same.
    let lead = if count >= crate::search::COUNT_CAP {
        format!("  {}+× ", crate::search::COUNT_CAP)
    } else {
        format!("  {count}× ")
    };
    let lead_width = text::str_width(&lead);
    let room = width.saturating_sub(lead_width);
    let (excerpt, columns) = text::snippet::snippet_all(&context.0, &context.1, room);
    let marks: Vec<(Range<usize>, Style)> = columns
        .into_iter()
        .map(|c| (lead_width + c.start..lead_width + c.end, theme.matched))
        .collect();
    highlight::line(&format!("{lead}{excerpt}"), width, style, &marks)
}
