//! Colours and text attributes, with a colourless variant for `NO_COLOR`.

use ratatui::style::{Color, Modifier, Style};

/// The styles every part of the screen is drawn with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Article title in the reader.
    pub title: Style,
    /// Date and length under the title; dates in the list.
    pub meta: Style,
    /// A problem met while reading a file.
    pub warning: Style,
    /// Section headings.
    pub heading: Style,
    /// Photo captions.
    pub caption: Style,
    /// Running text.
    pub body: Style,
    /// The selected list entry when the list has the focus.
    pub selected: Style,
    /// The selected list entry when the reader has the focus.
    pub selected_idle: Style,
    /// Border of the pane without the focus.
    pub border: Style,
    /// Border of the pane with the focus.
    pub border_focused: Style,
    /// The status line.
    pub status: Style,
    /// Key names in the help and the status line.
    pub key: Style,
    /// A search match.
    pub matched: Style,
    /// The search match the user is on.
    pub current_match: Style,
    /// A bookmark's passage, just opened from the bookmarks pane.
    pub passage: Style,
    /// The search prompt.
    pub prompt: Style,
    /// Text selected for a bookmark.
    pub selection: Style,
    /// The passage cursor and bookmark marks in the reader's gutter.
    pub gutter: Style,
    /// The title of an article not read yet, in the list.
    pub unread: Style,
}

impl Theme {
    /// The colour theme, or the colourless one when `NO_COLOR` is set (no-color.org).
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        if no_color {
            Theme::plain()
        } else {
            Theme::color()
        }
    }

    /// Styles with colour.
    pub fn color() -> Theme {
        Theme {
            title: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            meta: Style::new().fg(Color::DarkGray),
            warning: Style::new().fg(Color::Red),
            heading: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            caption: Style::new().fg(Color::Gray).add_modifier(Modifier::ITALIC),
            body: Style::new(),
            selected: Style::new().fg(Color::Black).bg(Color::Cyan),
            selected_idle: Style::new().bg(Color::DarkGray),
            border: Style::new().fg(Color::DarkGray),
            border_focused: Style::new().fg(Color::Cyan),
            status: Style::new().fg(Color::White).bg(Color::DarkGray),
            key: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            matched: Style::new().fg(Color::Black).bg(Color::Yellow),
            current_match: Style::new()
                .fg(Color::Black)
                .bg(Color::LightRed)
                .add_modifier(Modifier::BOLD),
            passage: Style::new().fg(Color::Black).bg(Color::Green),
            prompt: Style::new(),
            selection: Style::new().bg(Color::Blue).fg(Color::White),
            gutter: Style::new().fg(Color::Yellow),
            unread: Style::new().add_modifier(Modifier::BOLD),
        }
    }

    /// Styles with attributes only: bold, italic, underline, reverse, dim.
    pub fn plain() -> Theme {
        Theme {
            title: Style::new().add_modifier(Modifier::BOLD),
            meta: Style::new().add_modifier(Modifier::DIM),
            warning: Style::new().add_modifier(Modifier::BOLD),
            heading: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            caption: Style::new().add_modifier(Modifier::ITALIC),
            body: Style::new(),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            selected_idle: Style::new().add_modifier(Modifier::UNDERLINED),
            border: Style::new().add_modifier(Modifier::DIM),
            border_focused: Style::new().add_modifier(Modifier::BOLD),
            status: Style::new().add_modifier(Modifier::REVERSED),
            key: Style::new().add_modifier(Modifier::BOLD),
            matched: Style::new().add_modifier(Modifier::REVERSED),
            current_match: Style::new()
                .add_modifier(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED),
            passage: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            prompt: Style::new(),
            selection: Style::new().add_modifier(Modifier::UNDERLINED),
            gutter: Style::new().add_modifier(Modifier::BOLD),
            unread: Style::new().add_modifier(Modifier::BOLD),
        }
    }
}
