//! Where each pane sits for a terminal size; shared by `App` (scrolling, mouse) and `ui` (drawing).

use ratatui::layout::{Constraint, Margin, Rect};

/// Narrowest terminal that shows the list and the reader side by side.
pub const TWO_PANE_MIN_WIDTH: u16 = 80;

/// Narrowest the list is made by `<`.
pub const LIST_MIN_WIDTH: u16 = 24;

/// Narrowest the reader is made by `>`.
pub const READER_MIN_WIDTH: u16 = 40;

/// Smallest and largest share of the width the list can be given, in percent.
pub const LIST_PERCENT: std::ops::RangeInclusive<u8> = 20..=70;

/// Smallest terminal docbao draws into; below it a "too small" message is shown.
pub const MIN_WIDTH: u16 = 20;

/// Smallest terminal height docbao draws into.
pub const MIN_HEIGHT: u16 = 5;

/// Rows one bookmark takes in the bookmarks pane: article, quote, note.
pub const BOOKMARK_ENTRY_ROWS: usize = 3;

/// What a pane's border takes on each side.
pub const BORDER: Margin = Margin {
    horizontal: 1,
    vertical: 1,
};

/// Columns left of the reader's text: the passage cursor, the bookmark mark, a space.
pub const READER_GUTTER: u16 = 3;

/// Columns of padding between the reader's text and its right border.
pub const READER_PADDING: u16 = 1;

/// Which panes are visible and where.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panes {
    /// The article list, with its border; `None` when hidden.
    pub list: Option<Rect>,
    /// The reading pane, with its border; `None` when hidden.
    pub reader: Option<Rect>,
    /// The status line at the bottom.
    pub status: Rect,
}

impl Panes {
    /// Lays the screen out: side by side when wide enough, else only the focused pane; the
    /// list takes `list_percent` of the width when the user chose it.
    pub fn compute(area: Rect, reader_focused: bool, list_percent: Option<u8>) -> Panes {
        let main_height = area.height.saturating_sub(1);
        let main = Rect::new(area.x, area.y, area.width, main_height);
        let status = Rect::new(area.x, area.y + main_height, area.width, 1);
        if area.width < TWO_PANE_MIN_WIDTH {
            let (list, reader) = if reader_focused {
                (None, Some(main))
            } else {
                (Some(main), None)
            };
            return Panes {
                list,
                reader,
                status,
            };
        }
        let list_width = match list_percent {
            // The reader keeps room for a readable line, the list for a few words.
            Some(percent) => (area.width * u16::from(percent) / 100)
                .clamp(LIST_MIN_WIDTH, area.width - READER_MIN_WIDTH),
            None => (area.width * 35 / 100).clamp(28, 48),
        };
        Panes {
            list: Some(Rect::new(main.x, main.y, list_width, main.height)),
            reader: Some(Rect::new(
                main.x + list_width,
                main.y,
                main.width - list_width,
                main.height,
            )),
            status,
        }
    }

    /// Whether a terminal of this size is too small to draw into.
    pub fn too_small(area: Rect) -> bool {
        area.width < MIN_WIDTH || area.height < MIN_HEIGHT
    }
}

/// Columns of article text the reader has at a pane's size.
pub fn reader_text_width(pane: Rect) -> usize {
    usize::from(
        pane.inner(BORDER)
            .width
            .saturating_sub(READER_GUTTER + READER_PADDING),
    )
}

/// Where the help overlay sits: centred above the status line and inside the panes' borders,
/// as wide as its widest line and as tall as its lines, as far as the screen allows.
pub fn help_box(area: Rect, lines: usize, widest: usize) -> Rect {
    let main = Rect::new(area.x, area.y, area.width, area.height.saturating_sub(1));
    // Inside the panes' borders, so that the screen's frame stays whole around the help.
    let room = if main.height > 6 && main.width > 6 {
        main.inner(BORDER)
    } else {
        main
    };
    let columns = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
    // Its border, and a column of space after the widest line.
    let width = columns(widest).saturating_add(3).min(room.width);
    let height = columns(lines).saturating_add(2).min(room.height);
    room.centered(Constraint::Length(width), Constraint::Length(height))
}
