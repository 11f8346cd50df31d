//! The bookmarks pane: every bookmark, newest first, with its article, quote and note, and
//! beside them, on a wide screen, the chosen one's whole quote and note.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::Theme;
use crate::action::Action;
use crate::app::{App, BookmarksPane, Mode, PaneEntry, Placement};
use crate::i18n::Lang;
use crate::panes::BOOKMARK_ENTRY_ROWS;
use crate::text;

/// Width from which the chosen bookmark's whole passage is shown beside the list.
pub const PREVIEW_MIN_WIDTH: u16 = 80;

/// Draws the pane over the whole main area: the list, and the preview beside it when wide.
pub fn render(app: &App, pane: &BookmarksPane, theme: &Theme, area: Rect, frame: &mut Frame) {
    let chosen = pane.chosen();
    if area.width < PREVIEW_MIN_WIDTH || chosen.is_none() {
        render_list(app, pane, theme, area, frame);
        return;
    }
    let list_width = area.width * 45 / 100;
    let list = Rect::new(area.x, area.y, list_width, area.height);
    let preview = Rect::new(
        area.x + list_width,
        area.y,
        area.width - list_width,
        area.height,
    );
    render_list(app, pane, theme, list, frame);
    if let Some(entry) = chosen {
        render_preview(app.lang(), entry, theme, preview, frame);
    }
}

/// The chosen bookmark whole: its article, the quote a paragraph at a time, and the note.
fn render_preview(lang: Lang, entry: &PaneEntry, theme: &Theme, area: Rect, frame: &mut Frame) {
    let title = format!(" {} ", lang.t("title-passage"));
    let inner = super::bordered(&title, theme.border, area, frame);
    let width = usize::from(inner.width.saturating_sub(2)).max(1);
    let bookmark = &entry.bookmark;
    let title = if bookmark.title.is_empty() {
        &bookmark.article
    } else {
        &bookmark.title
    };
    let fitted = |row: &str, style| Line::styled(text::fit(&format!(" {row}"), width + 2), style);
    let mut lines: Vec<Line> = text::wrap(title, width)
        .iter()
        .map(|row| fitted(row, theme.title))
        .collect();
    lines.push(Line::default());
    let quote = bookmark.shown_quote();
    let paragraphs = quote.split("\n\n").map(str::trim).filter(|p| !p.is_empty());
    for (i, paragraph) in paragraphs.enumerate() {
        if i > 0 {
            lines.push(Line::default());
        }
        for row in text::wrap(&paragraph.replace('\n', " "), width) {
            lines.push(fitted(&row, theme.body));
        }
    }
    lines.push(Line::default());
    if bookmark.note.is_empty() {
        lines.push(fitted(&lang.t("bookmark-no-note"), theme.meta));
    } else {
        let note = lang.tr("bookmark-note", &[("note", bookmark.note.as_str().into())]);
        for row in text::wrap(&note, width) {
            lines.push(fitted(&row, theme.caption));
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Draws the list of bookmarks into `area`.
fn render_list(app: &App, pane: &BookmarksPane, theme: &Theme, area: Rect, frame: &mut Frame) {
    let lang = app.lang();
    let shown = pane.shown();
    let count = shown.len();
    let total = pane.total();
    let title = match pane.filter() {
        Some(query) => lang.tr(
            "title-bookmarks-filtered",
            &[
                ("query", query.text.as_str().into()),
                ("count", count.into()),
                ("total", total.into()),
            ],
        ),
        None => lang.tr("title-bookmarks", &[("total", total.into())]),
    };
    let title = format!(" {title} ");
    let inner = super::bordered(&title, theme.border_focused, area, frame);
    let width = usize::from(inner.width);
    if count == 0 {
        let key = |action| app.keys().key(Mode::Reader, &action).to_owned();
        let message = if total == 0 {
            lang.tr(
                "bookmarks-none",
                &[
                    ("mark", key(Action::Bookmark).into()),
                    ("select", key(Action::ToggleSelection).into()),
                ],
            )
        } else {
            let back = super::back_key(app).to_owned();
            lang.tr("bookmarks-no-match", &[("back", back.into())])
        };
        super::render_message(&message, theme.meta, inner, frame);
        return;
    }
    let capacity = (usize::from(inner.height) / BOOKMARK_ENTRY_ROWS).max(1);
    let first = pane.cursor().saturating_sub(capacity - 1);
    let mut lines = Vec::new();
    for (position, entry) in shown.enumerate().skip(first).take(capacity) {
        let selected = position == pane.cursor();
        let pick = |normal| if selected { theme.selected } else { normal };
        let bookmark = &entry.bookmark;
        let date = entry.date.map_or_else(String::new, |d| format!(" · {d}"));
        let status = match entry.placement {
            Placement::NoArticle => format!(" · {}", lang.t("bookmark-no-article")),
            Placement::NotFound => format!(" · {}", lang.t("bookmark-not-found")),
            Placement::Edited => format!(" · {}", lang.t("bookmark-edited")),
            Placement::Found => String::new(),
        };
        let title = if bookmark.title.is_empty() {
            &bookmark.article
        } else {
            &bookmark.title
        };
        let head = format!(" {title}{date}{status}");
        let quote = bookmark.shown_quote();
        let mut quote_lines = quote.lines().filter(|l| !l.trim().is_empty());
        let first_line = quote_lines.next().unwrap_or_default();
        let more = if quote_lines.next().is_some() {
            " …"
        } else {
            ""
        };
        let quote = format!("   “{first_line}”{more}");
        let note = if bookmark.note.is_empty() {
            format!("   {}", lang.t("bookmark-no-note"))
        } else {
            format!("   {}", bookmark.note)
        };
        lines.push(Line::styled(text::fit(&head, width), pick(theme.title)));
        lines.push(Line::styled(text::fit(&quote, width), pick(theme.caption)));
        lines.push(Line::styled(text::fit(&note, width), pick(theme.body)));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
