//! The status line: where the reader is, what just happened, and the keys to know; or the
//! prompt while one is open.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Theme;
use crate::action::Action;
use crate::app::{App, Focus, PromptScreen, Purpose, Screen};
use crate::text::{self, thousands};

/// Draws the status line into `area`, or the prompt while one is open.
pub fn render(app: &App, theme: &Theme, area: Rect, frame: &mut Frame) {
    if let Screen::Prompt(prompt) = app.screen() {
        render_prompt(app, prompt, theme, area, frame);
        return;
    }
    let width = usize::from(area.width);
    let total = app.catalog().entries().len();
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
                    .entry()
                    .and_then(|a| app.reading().articles.get(&a.id))
                    .map_or_else(String::new, |p| {
                        if p.read {
                            " · read".to_owned()
                        } else {
                            format!(" · {}%", p.percent)
                        }
                    });
                format!(
                    " article {} of {}{figure}",
                    thousands(app.ordinal().0),
                    thousands(app.ordinal().1)
                )
            }
            Focus::Reader => {
                let at = format!(
                    " article {} of {}",
                    thousands(app.ordinal().0),
                    thousands(app.ordinal().1)
                );
                let read = app.entry().is_some_and(|e| app.reading().is_read(&e.id));
                match app.percent_read() {
                    _ if read => format!("{at} · read"),
                    100 => format!("{at} · read"),
                    percent => format!("{at} · {percent}%"),
                }
            }
        },
    };
    if let (Screen::Reader, Some(counter)) = (shown, match_counter(app)) {
        left.push_str(&format!(" · {counter}"));
    }
    let note = app.note().map(str::to_owned);
    let warning = app
        .entry()
        .filter(|_| matches!(shown, Screen::List | Screen::Reader))
        .and_then(|a| a.warnings.first())
        .map(|w| format!("⚠ {w}"));
    let problems = (!matches!(shown, Screen::Problems(_)))
        .then(|| problems_summary(app))
        .flatten();
    let progress = app.progress();
    let indexing = (!progress.done).then(|| match (progress.counted, progress.indexed) {
        // The folder is still being walked: how many files it has is not known yet.
        (false, 0) => "indexing…".to_owned(),
        (false, _) => "checking for changes…".to_owned(),
        (true, indexed) => format!(
            "indexing {} / {}",
            thousands(indexed),
            thousands(progress.total)
        ),
    });
    // While indexing, its progress stays in view beside a note (a cache being rebuilt).
    let extra = match (indexing, note.clone()) {
        (Some(indexing), Some(note)) => Some(format!("{indexing} · {note}")),
        (indexing, note) => note.or(indexing).or(warning).or(problems),
    };
    if let Some(extra) = extra {
        left.push_str(&format!(" · {extra}"));
    }
    // Last: what is left to read can wait for the room a note or the progress leaves.
    if matches!(shown, Screen::List | Screen::Reader) && total > 0 {
        left.push_str(&unread(app));
    }
    let hints = match shown {
        // With nothing listed, only going back does anything.
        Screen::Bookmarks(pane) if pane.shown().len() == 0 => format!(
            "{} back  {} quit ",
            app.keys().key(app.mode(), &Action::Back),
            app.keys().key(app.mode(), &Action::Quit)
        ),
        _ => app.keys().hints(app.mode()).to_owned(),
    };
    // Two spaces at least between what is said and the keys, as between the keys.
    let hints = format!("  {hints}");
    let hints_width = text::str_width(&hints);
    // A message just given keeps its room; otherwise the keys to know come first.
    let fits = text::str_width(&left) + hints_width <= width;
    let line = if fits || (note.is_none() && hints_width * 2 <= width) {
        Line::from(vec![
            Span::styled(text::fit(&left, width - hints_width), theme.status),
            Span::styled(hints, theme.status),
        ])
    } else {
        Line::styled(text::fit(&left, width), theme.status)
    };
    frame.render_widget(Paragraph::new(line), area);
}

/// ` · 12 unread`, or ` · all read`.
fn unread(app: &App) -> String {
    match app.unread() {
        0 => " · all read".to_owned(),
        n => format!(" · {} unread", thousands(n)),
    }
}

/// `/query▏  3/14  Alt-c case: smart  Alt-a accents: smart  Alt-w words: start`, with the
/// cursor placed in the query.
fn render_prompt(app: &App, screen: &PromptScreen, theme: &Theme, area: Rect, frame: &mut Frame) {
    let width = usize::from(area.width);
    let prompt = screen.prompt();
    let mode = app.mode();
    let keys = app.keys();
    let options = app.options();
    let toggles = format!(
        "{} case: {}  {} accents: {}  {} words: {} ",
        keys.key(mode, &Action::ToggleCase),
        options.case.label(),
        keys.key(mode, &Action::ToggleAccents),
        options.accents.label(),
        keys.key(mode, &Action::ToggleWords),
        options.words.label()
    );
    let typed = !prompt.text.trim().is_empty();
    let (lead, counter, hints) = match screen.purpose() {
        Purpose::SearchReader { .. } => (
            "/",
            match_counter(app).filter(|_| typed).unwrap_or_default(),
            toggles,
        ),
        Purpose::SearchList { .. } => ("/", list_counter(app, false), toggles),
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
        Purpose::EditNote { again: true, .. } => (
            "Bookmarked already · note: ",
            String::new(),
            keys.hints(mode).to_owned(),
        ),
        Purpose::NewNote { .. } | Purpose::EditNote { .. } => {
            ("Note: ", String::new(), keys.hints(mode).to_owned())
        }
    };
    // On a narrow screen the toggles say only their state; without room, only the counter.
    let settings = |case: &str, accents: &str, words: &str| match screen.purpose() {
        Purpose::NewNote { .. } | Purpose::EditNote { .. } => String::new(),
        _ => format!(
            "{case}:{} {accents}:{} {words}:{} ",
            options.case.label(),
            options.accents.label(),
            options.words.label()
        ),
    };
    let short = settings("case", "accents", "words");
    // What is typed keeps at least a quarter of the line; the hints give way first.
    let brief = match screen.purpose() {
        Purpose::SearchList { .. } => list_counter(app, true),
        _ => counter.clone(),
    };
    // Narrower still, each setting by the letter of its key: `c:smart a:smart w:start`.
    let tiny = settings("c", "a", "w");
    let right = [
        format!("{counter}  {hints}"),
        format!("{counter}  {short}"),
        format!("{counter}  {tiny}"),
        format!("{counter} "),
        format!("{brief}  {short}"),
        format!("{brief}  {tiny}"),
        format!("{brief} "),
    ]
    .into_iter()
    .find(|right| text::str_width(right) + width / 4 <= width)
    .unwrap_or_default();
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

/// `3 files skipped, 2 read with warnings (! shows why)`, when there is something to say.
fn problems_summary(app: &App) -> Option<String> {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let catalog = app.catalog();
    let mut parts = Vec::new();
    if !catalog.problems().is_empty() {
        parts.push(format!(
            "{} skipped",
            plural(catalog.problems().len(), "file", "files")
        ));
    }
    if catalog.warned() > 0 {
        parts.push(format!(
            "{} read with a warning",
            plural(catalog.warned(), "article", "articles")
        ));
    }
    let key = app.keys().key(app.mode(), &Action::ShowProblems);
    (!parts.is_empty()).then(|| format!("{} ({key} shows why)", parts.join(", ")))
}

/// `3/14` in the reader: the match the user is on, of how many.
fn match_counter(app: &App) -> Option<String> {
    let found = app.reader().search()?;
    if found.pending {
        return Some("searching…".to_owned());
    }
    Some(match (found.current, found.matches.len()) {
        (_, 0) => "no matches".to_owned(),
        (Some(k), n) => format!("{}/{}", thousands(k + 1), thousands(n)),
        (None, n) => format!("{} matches", thousands(n)),
    })
}

/// `2 articles` in the list, or `searching…` while the results are not in; while the folder
/// is being indexed, how much of it was searched (or, `brief`, only that it is so far).
fn list_counter(app: &App, brief: bool) -> String {
    if app.list().pending() {
        return "searching…".to_owned();
    }
    let Some(hits) = app.list().hits() else {
        return String::new();
    };
    let found = match hits.hits.len() {
        0 => "no articles".to_owned(),
        1 => "1 article".to_owned(),
        n => format!("{} articles", thousands(n)),
    };
    let total = app.catalog().entries().len();
    if app.progress().done || hits.searched >= total {
        found
    } else if brief {
        format!("{found} so far")
    } else {
        format!(
            "{found} in {} of {} (indexing)",
            thousands(hits.searched),
            thousands(total)
        )
    }
}

/// Text without its first `columns` columns (whole graphemes only).
fn drop_columns(text: &str, columns: usize) -> String {
    let (head, _) = text::width::prefix_fitting(text, columns);
    text[head.len()..].to_owned()
}
