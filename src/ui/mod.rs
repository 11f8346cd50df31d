//! Drawing: turns a borrowed `App` into a frame; no input, no I/O, no state changes.

mod bookmarks;
mod help;
mod highlight;
mod list;
mod problems;
mod reader;
mod status;
mod unsaved;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

use crate::app::{App, Mode, Screen};
use crate::panes::{self, MIN_HEIGHT, MIN_WIDTH, Panes};
use crate::text;
pub use crate::theme::{self, Theme};

/// Draws the whole screen for the app's current state.
pub fn render(app: &App, theme: &Theme, frame: &mut Frame) {
    let area = frame.area();
    if Panes::too_small(area) {
        render_too_small(app, area, frame);
        return;
    }
    render_screen(app, app.screen(), theme, frame);
    status::render(app, theme, app.panes().status, frame);
}

/// Draws a screen, and under an overlay the screen it was opened from.
fn render_screen(app: &App, screen: &Screen, theme: &Theme, frame: &mut Frame) {
    match screen {
        Screen::List | Screen::Reader => {
            let panes = app.panes();
            if let Some(pane) = panes.list {
                list::render(app, theme, pane, frame);
            }
            if let Some(pane) = panes.reader {
                reader::render(app, theme, pane, frame);
            }
        }
        // The prompt is drawn in the status line.
        Screen::Prompt(prompt) => render_screen(app, prompt.under(), theme, frame),
        Screen::Bookmarks(pane) => bookmarks::render(app, pane, theme, app.main_area(), frame),
        Screen::Problems(view) => problems::render(app, view, theme, app.main_area(), frame),
        Screen::Help(help) => {
            render_screen(app, help.under(), theme, frame);
            help::render(app, help, theme, frame);
        }
        Screen::Unsaved(view) => {
            render_screen(app, view.under(), theme, frame);
            unsaved::render(app, view, theme, frame);
        }
    }
}

/// The key that goes back where the user is: out of a prompt, `Cancel`'s; else `Back`'s.
fn back_key(app: &App) -> &str {
    let mode = app.mode();
    let action = if matches!(
        mode,
        Mode::ListPrompt | Mode::FilterPrompt | Mode::ReaderPrompt | Mode::NotePrompt
    ) {
        crate::action::Action::Cancel
    } else {
        crate::action::Action::Back
    };
    app.keys().key(mode, &action)
}

/// What a terminal below the minimum size shows instead of the panes.
fn render_too_small(app: &App, area: Rect, frame: &mut Frame) {
    let message = app.lang().tr(
        "too-small",
        &[
            ("size", format!("{}×{}", area.width, area.height).into()),
            ("needed", format!("{MIN_WIDTH}×{MIN_HEIGHT}").into()),
            (
                "quit",
                app.keys()
                    .key(app.mode(), &crate::action::Action::Quit)
                    .into(),
            ),
        ],
    );
    render_wrapped(&message, Style::new(), area, frame);
}

/// Draws a bordered pane with its title cut to fit, and returns the area inside the border.
fn bordered(title: &str, style: Style, area: Rect, frame: &mut Frame) -> Rect {
    let width = usize::from(area.width.saturating_sub(2));
    // A title cut short keeps the space before the corner that a whole one has.
    let title = if text::str_width(title) > width {
        format!("{} ", text::truncate(title, width.saturating_sub(1)))
    } else {
        title.to_owned()
    };
    let block = Block::bordered().border_style(style).title(title);
    frame.render_widget(block, area);
    area.inner(panes::BORDER)
}

/// A message wrapped to fill `area` less a column each side, as the rows of a pane are.
fn render_message(message: &str, style: Style, area: Rect, frame: &mut Frame) {
    let inset = if area.width > 4 {
        area.inner(ratatui::layout::Margin::new(1, 0))
    } else {
        area
    };
    render_wrapped(message, style, inset, frame);
}

/// A message wrapped to fill `area`, each row exactly its width.
fn render_wrapped(message: &str, style: Style, area: Rect, frame: &mut Frame) {
    let width = usize::from(area.width);
    let lines: Vec<Line> = text::wrap(message, width)
        .into_iter()
        .map(|row| Line::styled(text::fit(&row, width), style))
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}
