//! The status line: where the reader is, what just happened, and the keys to know; or the
//! prompt while one is open.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Theme;
use crate::action::Action;
use crate::app::{App, Focus, PromptScreen, Purpose, Screen};
use crate::i18n::Say;
use crate::text::{self, thousands};

/// Draws the status line into `area`, or the prompt while one is open.
pub fn render(app: &App, theme: &Theme, area: Rect, frame: &mut Frame) {
    if let Screen::Prompt(prompt) = app.screen() {
        render_prompt(app, prompt, theme, area, frame);
        return;
    }
    let width = usize::from(area.width);
    let lang = app.lang();
    let total = app.catalog().entries().len();
    // Under the help, the line still says where the help was opened.
    let shown = match app.screen() {
        Screen::Help(help) => help.under(),
        screen => screen,
    };
    let mut left = match shown {
        Screen::Problems(_) => format!(" {}", lang.t("status-problems")),
        Screen::Bookmarks(pane) => match (pane.shown().len(), pane.total()) {
            (_, 0) => format!(" {}", lang.t("status-no-bookmarks")),
            (0, _) => format!(" {}", lang.t("status-no-bookmark-matches")),
            (shown, _) => format!(
                " {}",
                lang.tr(
                    "status-bookmark-of",
                    &[("at", (pane.cursor() + 1).into()), ("count", shown.into())]
                )
            ),
        },
        _ if total == 0 => format!(" {}", lang.t("status-no-articles")),
        // A search that lists nothing (its one result removed, say): no article is "1 of".
        _ if app.list().filter().is_some() && app.list_len() == 0 => {
            format!(" {}", lang.t("status-no-article-matches"))
        }
        _ => match app.focus() {
            Focus::List => {
                let figure = app
                    .entry()
                    .and_then(|a| app.reading().articles.get(&a.id))
                    .map_or_else(String::new, |p| {
                        if p.read {
                            format!(" · {}", lang.t("status-read"))
                        } else {
                            format!(" · {}%", p.percent)
                        }
                    });
                format!(" {}{figure}", article_of(app))
            }
            Focus::Reader => {
                let at = format!(" {}", article_of(app));
                let read = app.entry().is_some_and(|e| app.reading().is_read(&e.id));
                match app.percent_read() {
                    _ if read => format!("{at} · {}", lang.t("status-read")),
                    100 => format!("{at} · {}", lang.t("status-read")),
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
        .map(|w| format!("⚠ {}", w.say(lang)));
    let problems = (!matches!(shown, Screen::Problems(_)))
        .then(|| problems_summary(app))
        .flatten();
    let indexing = indexing(app);
    // While indexing, its progress stays in view beside a note (a cache being rebuilt).
    let extra = match (indexing, note.clone()) {
        (Some(indexing), Some(note)) => Some(format!("{indexing} · {note}")),
        (indexing, note) => note.or(indexing).or(warning).or(problems),
    };
    if let Some(extra) = extra {
        left.push_str(&format!(" · {extra}"));
    }
    // Last: what is left to read can wait for the room a note or the progress leaves.
    let unread = match matches!(shown, Screen::List | Screen::Reader) && total > 0 {
        true => unread(app),
        false => String::new(),
    };
    let hints = match shown {
        // With nothing listed, only going back does anything.
        Screen::Bookmarks(pane) if pane.shown().len() == 0 => format!(
            "{} {}  {} {} ",
            app.keys().key(app.mode(), &Action::Back),
            lang.t("hint-back"),
            app.keys().key(app.mode(), &Action::Quit),
            lang.t("hint-quit")
        ),
        _ => app.keys().hints(app.mode()).to_owned(),
    };
    // Two spaces at least between what is said and the keys, as between the keys.
    let hints = format!("  {hints}");
    let hints_width = text::str_width(&hints);
    // A message just given keeps its room; otherwise the keys to know come first.
    let fits = text::str_width(&left) + hints_width <= width;
    let with_hints = fits || (note.is_none() && hints_width * 2 <= width);
    // Said whole or not at all: `47 unread`, never `47 unre…`.
    let room = width.saturating_sub(if with_hints { hints_width } else { 0 });
    if text::str_width(&left) + text::str_width(&unread) <= room {
        left.push_str(&unread);
    }
    let line = if with_hints {
        Line::from(vec![
            Span::styled(text::fit(&left, width - hints_width), theme.status),
            Span::styled(hints, theme.status),
        ])
    } else {
        Line::styled(text::fit(&left, width), theme.status)
    };
    frame.render_widget(Paragraph::new(line), area);
}

/// How far indexing is, while it runs: `indexing 1 200 of 23 473`.
fn indexing(app: &App) -> Option<String> {
    let lang = app.lang();
    let progress = app.progress();
    (!progress.done).then(|| match (progress.counted, progress.indexed) {
        // The folder is still being walked: how many files it has is not known yet.
        (false, 0) => lang.t("status-indexing"),
        (false, _) => lang.t("status-checking"),
        (true, indexed) => lang.tr(
            "status-indexing-of",
            &[
                ("done", thousands(indexed).into()),
                ("total", thousands(progress.total).into()),
            ],
        ),
    })
}

/// `article 3 of 12`, counted in the list's order.
fn article_of(app: &App) -> String {
    let (at, count) = app.ordinal();
    app.lang().tr(
        "status-article-of",
        &[
            ("at", thousands(at).into()),
            ("count", thousands(count).into()),
        ],
    )
}

/// ` · 12 unread`, or ` · all read`.
fn unread(app: &App) -> String {
    let lang = app.lang();
    match app.unread() {
        0 => format!(" · {}", lang.t("status-all-read")),
        n => format!(
            " · {}",
            lang.tr("status-unread", &[("count", thousands(n).into())])
        ),
    }
}

/// A setting's state as the prompt shows it: `smart`, `on`, `start`…
fn setting(app: &App, label: &str) -> String {
    app.lang().t(&format!("setting-{label}"))
}

/// `/query▏  3/14  Alt-c case: smart  Alt-a accents: smart  Alt-w words: start`, with the
/// cursor placed in the query.
fn render_prompt(app: &App, screen: &PromptScreen, theme: &Theme, area: Rect, frame: &mut Frame) {
    let width = usize::from(area.width);
    let prompt = screen.prompt();
    let mode = app.mode();
    let keys = app.keys();
    let options = app.options();
    let lang = app.lang();
    let (case, accents, words) = (
        setting(app, options.case.label()),
        setting(app, options.accents.label()),
        setting(app, options.words.label()),
    );
    let toggles = format!(
        "{} {}: {case}  {} {}: {accents}  {} {}: {words} ",
        keys.key(mode, &Action::ToggleCase),
        lang.t("prompt-case"),
        keys.key(mode, &Action::ToggleAccents),
        lang.t("prompt-accents"),
        keys.key(mode, &Action::ToggleWords),
        lang.t("prompt-words"),
    );
    let typed = !prompt.text.trim().is_empty();
    let typed_width = text::str_width(&prompt.text);
    let (lead, counter, hints) = match screen.purpose() {
        Purpose::SearchReader { .. } => (
            "/".to_owned(),
            match_counter(app).filter(|_| typed).unwrap_or_default(),
            toggles,
        ),
        Purpose::SearchList { .. } => ("/".to_owned(), list_counter(app, false), toggles),
        Purpose::FilterBookmarks { .. } => (
            "/".to_owned(),
            lang.tr(
                "prompt-bookmarks",
                &[(
                    "count",
                    screen
                        .under()
                        .bookmarks_pane()
                        .map_or(0, |p| p.shown().len())
                        .into(),
                )],
            ),
            toggles,
        ),
        Purpose::EditNote { again: true, .. } => (
            lang.t("prompt-note-again"),
            String::new(),
            keys.hints(mode).to_owned(),
        ),
        Purpose::NewNote { .. } | Purpose::EditNote { .. } => (
            lang.t("prompt-note"),
            String::new(),
            keys.hints(mode).to_owned(),
        ),
    };
    // On a narrow screen the toggles say only their state; without room, only the counter.
    let settings = |c: &str, a: &str, w: &str| match screen.purpose() {
        Purpose::NewNote { .. } | Purpose::EditNote { .. } => String::new(),
        _ => format!("{c}:{case} {a}:{accents} {w}:{words} "),
    };
    let short = settings(
        &lang.t("prompt-case"),
        &lang.t("prompt-accents"),
        &lang.t("prompt-words"),
    );
    // What is typed keeps at least a quarter of the line; the hints give way first.
    let brief = match screen.purpose() {
        Purpose::SearchList { .. } => list_counter(app, true),
        _ => counter.clone(),
    };
    // Narrower still, each setting by the letter of its key: `c:smart a:smart w:start`.
    let tiny = settings(
        &lang.t("prompt-case-letter"),
        &lang.t("prompt-accents-letter"),
        &lang.t("prompt-words-letter"),
    );
    // A note said while typing (the line is full) takes the place of the settings.
    let noted = app.note().map(|note| {
        [
            format!("{counter}  {note} "),
            format!("{brief}  {note} "),
            format!("{note} "),
            // Narrow: as much of it as leaves the query its quarter.
            format!(
                "{} ",
                text::truncate(note, (width - width / 4).saturating_sub(1))
            ),
        ]
    });
    // The query keeps at least a quarter of the line; and room for what is typed and the
    // cursor, up to half of it, as long as only the hints give way (a note does not).
    let quarter = width / 4;
    let wanted = (typed_width + 3).min(width / 2).max(quarter);
    let right = noted
        .into_iter()
        .flatten()
        .map(|right| (right, quarter))
        .chain(
            [
                format!("{counter}  {hints}"),
                format!("{counter}  {short}"),
                format!("{counter}  {tiny}"),
                format!("{counter} "),
                format!("{brief}  {short}"),
                format!("{brief}  {tiny}"),
                format!("{brief} "),
            ]
            .map(|right| (right, wanted)),
        )
        .find(|(right, query)| text::str_width(right) + query <= width)
        .map(|(right, _)| right)
        .unwrap_or_default();
    let lead_width = text::str_width(&lead);
    let room = width.saturating_sub(text::str_width(&right) + lead_width);
    // One column kept between the query and what follows it.
    let field = room.saturating_sub(1);
    // Scroll the query left when the cursor would fall off its end; `…` says it was.
    let before_cursor = text::str_width(&prompt.text[..prompt.cursor]);
    let (shown, dropped) = match before_cursor < field {
        true => (prompt.text.clone(), 0),
        false => {
            // As many columns as leave the `…` and the cursor in the field, and whole
            // graphemes: one more when a wide one straddles the cut.
            let needed = (before_cursor + 2).saturating_sub(field).min(before_cursor);
            let mut cut = text::width::prefix_fitting(&prompt.text, needed);
            if cut.1 < needed {
                cut = text::width::prefix_fitting(&prompt.text, needed + 1);
            }
            let (head, dropped) = cut;
            (format!("…{}", &prompt.text[head.len()..]), dropped)
        }
    };
    let marker = usize::from(dropped > 0);
    let line = Line::from(vec![
        Span::styled(lead, theme.key),
        Span::styled(text::fit(&shown, field), theme.prompt),
        Span::styled(" ".repeat(room - field), theme.prompt),
        Span::styled(
            text::fit(&right, width.saturating_sub(room + lead_width)),
            theme.meta,
        ),
    ]);
    frame.render_widget(Paragraph::new(line), area);
    let column = lead_width + marker + before_cursor - dropped;
    if let Ok(column) = u16::try_from(column) {
        frame.set_cursor_position((area.x + column.min(area.width.saturating_sub(1)), area.y));
    }
}

/// `3 files skipped, 2 read with warnings (! shows why)`, when there is something to say.
fn problems_summary(app: &App) -> Option<String> {
    let lang = app.lang();
    let catalog = app.catalog();
    let mut parts = Vec::new();
    if !catalog.problems().is_empty() {
        let count = catalog.problems().len();
        parts.push(lang.tr("status-files-skipped", &[("count", count.into())]));
    }
    if catalog.warned() > 0 {
        let count = catalog.warned();
        parts.push(lang.tr("status-read-with-warning", &[("count", count.into())]));
    }
    let key = app.keys().key(app.mode(), &Action::ShowProblems);
    (!parts.is_empty()).then(|| {
        lang.tr(
            "status-shows-why",
            &[("what", parts.join(", ").into()), ("key", key.into())],
        )
    })
}

/// `3/14` in the reader: the match the user is on, of how many.
fn match_counter(app: &App) -> Option<String> {
    let lang = app.lang();
    let found = app.reader().search()?;
    if found.pending {
        return Some(lang.t("status-searching"));
    }
    Some(match (found.current, found.matches.len()) {
        (_, 0) => lang.t("status-no-matches"),
        (Some(k), n) => format!("{}/{}", thousands(k + 1), thousands(n)),
        (None, n) => lang.tr(
            "status-matches",
            &[("count", n.into()), ("shown", thousands(n).into())],
        ),
    })
}

/// `2 articles` in the list, or `searching…` while the results are not in; while the folder
/// is being indexed, how much of it was searched (or, `brief`, only that it is so far).
fn list_counter(app: &App, brief: bool) -> String {
    let lang = app.lang();
    if app.list().pending() {
        return lang.t("status-searching");
    }
    // Nothing typed yet: while the folder is indexed, how far it is.
    let Some(hits) = app.list().hits() else {
        return indexing(app).unwrap_or_default();
    };
    let n = hits.hits.len();
    let found = lang.tr(
        "status-articles-found",
        &[("count", n.into()), ("shown", thousands(n).into())],
    );
    let total = app.catalog().entries().len();
    if app.progress().done || hits.searched >= total {
        found
    } else if brief {
        lang.tr("status-so-far", &[("found", found.into())])
    } else {
        lang.tr(
            "status-found-while-indexing",
            &[
                ("found", found.into()),
                ("searched", thousands(hits.searched).into()),
                ("total", thousands(total).into()),
            ],
        )
    }
}
