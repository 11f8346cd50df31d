//! The status line: where the reader is, what just happened, and the keys to know; or the
//! prompt while one is open.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Theme;
use crate::action::Action;
use crate::app::{App, Focus, PromptScreen, Purpose, Screen};
use crate::text;

/// Draws the status line into `area`, or the prompt while one is open.
pub fn render(app: &App, theme: &Theme, area: Rect, frame: &mut Frame) {
    if let Screen::Prompt(prompt) = app.screen() {
        render_prompt(app, prompt, theme, area, frame);
        return;
    }
    let width = usize::from(area.width);
    let total = app.catalog().articles().len();
    // Under the help, the line still says where the help was opened.
    let shown = match app.screen() {
        Screen::Help(help) => help.under(),
        screen => screen,
    };
    let mut left = match shown {
        Screen::Problems(_) => " problems".to_owned(),
        Screen::Bookmarks(pane) => match (pane.shown().len(), pane.total()) {
            (_, 0) => " no bookmarks".to_owned(),
            (0, _) => " no bookmark matches".to_owned(),
            (shown, _) => format!(" bookmark {} of {shown}", pane.cursor() + 1),
        },
        _ if total == 0 => " no articles".to_owned(),
        _ => match app.focus() {
            Focus::List => {
                let figure = app
                    .article()
                    .and_then(|a| app.reading().articles.get(&a.id))
                    .map_or_else(String::new, |p| {
                        if p.read {
                            " · read".to_owned()
                        } else {
                            format!(" · {}%", p.percent)
                        }
                    });
                format!(" article {} of {total}{figure}", app.selected() + 1)
            }
            Focus::Reader => format!(
                " article {} of {total} · {}%",
                app.selected() + 1,
                app.percent_read()
            ),
        },
    };
    let skipped = app.catalog().problems().len();
    if let (Screen::Reader, Some(counter)) = (shown, match_counter(app)) {
        left.push_str(&format!(" · {counter}"));
    }
    if let Some(note) = app.note() {
        left.push_str(&format!(" · {note}"));
    } else if let Some(warning) = app
        .article()
        .filter(|_| app.focus() == Focus::Reader)
        .and_then(|a| a.warnings.first())
    {
        left.push_str(&format!(" · ⚠ {warning}"));
    } else if skipped > 0 && !matches!(shown, Screen::Problems(_)) {
        left.push_str(&format!(
            " · {skipped} file{} skipped (! shows why)",
            if skipped == 1 { "" } else { "s" }
        ));
    }
    let hints = app.keys().hints(app.mode());
    let hints_width = text::str_width(hints);
    let line = if text::str_width(&left) + hints_width < width {
        Line::from(vec![
            Span::styled(text::fit(&left, width - hints_width), theme.status),
            Span::styled(hints, theme.status),
        ])
    } else {
        Line::styled(text::fit(&left, width), theme.status)
    };
    frame.render_widget(Paragraph::new(line), area);
}

/// `/query▏  3/14  Alt-c case: smart  Alt-a accents: smart`, with the cursor placed in the query.
fn render_prompt(app: &App, screen: &PromptScreen, theme: &Theme, area: Rect, frame: &mut Frame) {
    let width = usize::from(area.width);
    let prompt = screen.prompt();
    let mode = app.mode();
    let keys = app.keys();
    let options = app.options();
    let toggles = format!(
        "{} case: {}  {} accents: {} ",
        keys.key(mode, &Action::ToggleCase),
        options.case.label(),
        keys.key(mode, &Action::ToggleAccents),
        options.accents.label()
    );
    let typed = !prompt.text.trim().is_empty();
    let (lead, counter, hints) = match screen.purpose() {
        Purpose::SearchReader { .. } => (
            "/",
            match_counter(app).filter(|_| typed).unwrap_or_default(),
            toggles,
        ),
        Purpose::SearchList { .. } => ("/", list_counter(app), toggles),
        Purpose::FilterBookmarks { .. } => (
            "/",
            match screen
                .under()
                .bookmarks_pane()
                .map_or(0, |p| p.shown().len())
            {
                1 => "1 bookmark".to_owned(),
                n => format!("{n} bookmarks"),
            },
            toggles,
        ),
        Purpose::NewNote { .. } | Purpose::EditNote { .. } => {
            ("Note: ", String::new(), keys.hints(mode).to_owned())
        }
    };
    let right = format!("{counter}  {hints}");
    // What is typed keeps at least a third of the line; the hints give way first.
    let right = if text::str_width(&right) + width / 3 <= width {
        right
    } else {
        format!("{counter} ")
    };
    let lead_width = text::str_width(lead);
    let room = width.saturating_sub(text::str_width(&right) + lead_width);
    // Scroll the query left when the cursor would fall off its end.
    let before_cursor = text::str_width(&prompt.text[..prompt.cursor]);
    let skip = before_cursor.saturating_sub(room.saturating_sub(1));
    let shown = drop_columns(&prompt.text, skip);
    let line = Line::from(vec![
        Span::styled(lead, theme.key),
        Span::styled(text::fit(&shown, room), theme.prompt),
        Span::styled(
            text::fit(&right, width.saturating_sub(room + lead_width)),
            theme.meta,
        ),
    ]);
    frame.render_widget(Paragraph::new(line), area);
    let column = lead_width + before_cursor - skip;
    if let Ok(column) = u16::try_from(column) {
        frame.set_cursor_position((area.x + column.min(area.width.saturating_sub(1)), area.y));
    }
}

/// `3/14` in the reader: the match the user is on, of how many.
fn match_counter(app: &App) -> Option<String> {
    let found = app.reader().search()?;
    Some(match (found.current, found.matches.len()) {
        (_, 0) => "no matches".to_owned(),
        (Some(k), n) => format!("{}/{n}", k + 1),
        (None, n) => format!("{n} matches"),
    })
}

/// `2 articles` in the list, or `searching…` while the results are not in.
fn list_counter(app: &App) -> String {
    if app.list().pending() {
        return "searching…".to_owned();
    }
    match app.list().hits().map(|h| h.hits.len()) {
        None => String::new(),
        Some(0) => "no articles".to_owned(),
        Some(1) => "1 article".to_owned(),
        Some(n) => format!("{n} articles"),
    }
}

/// Text without its first `columns` columns (whole graphemes only).
fn drop_columns(text: &str, columns: usize) -> String {
    let (head, _) = text::width::prefix_fitting(text, columns);
    text[head.len()..].to_owned()
}
