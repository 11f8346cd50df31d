//! Colours and text attributes: the dark and light themes, the colourless one for `NO_COLOR`,
//! and the names a config file gives their styles.

use ratatui::style::{Color, Modifier, Style};

/// Which built-in colours to draw with, as a config file or `--theme` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeName {
    /// Light text on a dark background.
    Dark,
    /// Dark text on a light background.
    Light,
    /// Dark or light, after the terminal's background colour.
    #[default]
    Auto,
}

impl ThemeName {
    /// Every theme name, as written in a config file.
    pub const ALL: [(&'static str, ThemeName); 3] = [
        ("dark", ThemeName::Dark),
        ("light", ThemeName::Light),
        ("auto", ThemeName::Auto),
    ];

    /// The theme a config file names, if it is one.
    pub fn parse(name: &str) -> Option<ThemeName> {
        ThemeName::ALL
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, t)| *t)
    }

    /// The name as a config file writes it.
    pub fn as_str(self) -> &'static str {
        ThemeName::ALL
            .iter()
            .find(|(_, t)| *t == self)
            .map_or("auto", |(n, _)| n)
    }
}

/// Whether a terminal's background is dark or light, however it was found out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Background {
    /// A dark background.
    Dark,
    /// A light background.
    Light,
}

/// The background `COLORFGBG` ("15;0", "0;default;15") says the terminal has: its last field
/// is the background's colour number, light for 7 and 9 to 15.
pub fn background_from_colorfgbg(value: &str) -> Option<Background> {
    let last = value.rsplit(';').next()?.trim();
    let index: u8 = last.parse().ok()?;
    match index {
        7 | 9..=15 => Some(Background::Light),
        0..=6 | 8 => Some(Background::Dark),
        _ => None,
    }
}

/// The styles every part of the screen is drawn with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// The background the colours were chosen for; `None` for the colourless theme.
    pub background: Option<Color>,
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
    /// The passage cursor in the reader's gutter.
    pub gutter: Style,
    /// The mark of a bookmarked passage in the reader's gutter.
    pub mark: Style,
    /// The title of an article not read yet, in the list.
    pub unread: Style,
}

/// Every style's name in a config file (described in the catalogs as `style-<name>`).
pub const STYLE_NAMES: [&str; 20] = [
    "title",
    "meta",
    "warning",
    "heading",
    "caption",
    "body",
    "selected",
    "selected_idle",
    "border",
    "border_focused",
    "status",
    "key",
    "matched",
    "current_match",
    "passage",
    "prompt",
    "selection",
    "gutter",
    "mark",
    "unread",
];

/// An xterm 256-colour palette entry: its red, green and blue are the same on every terminal
/// that has the palette, unlike the 16 basic colours, so contrast can be checked.
const fn xterm(index: u8) -> Color {
    Color::Indexed(index)
}

impl Theme {
    /// The theme for a name and what is known of the terminal's background; `NO_COLOR`
    /// (no-color.org) wins over both.
    pub fn choose(name: ThemeName, background: Option<Background>, no_color: bool) -> Theme {
        if no_color {
            return Theme::plain();
        }
        match (name, background) {
            (ThemeName::Light, _) | (ThemeName::Auto, Some(Background::Light)) => Theme::light(),
            _ => Theme::dark(),
        }
    }

    /// Whether `NO_COLOR` is set to something.
    pub fn no_color_env() -> bool {
        std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
    }

    /// Light text for a dark background.
    pub fn dark() -> Theme {
        let black = xterm(16);
        let white = xterm(255);
        let gold = xterm(221);
        let cyan = xterm(80);
        Theme {
            background: Some(xterm(234)),
            title: Style::new().fg(gold).add_modifier(Modifier::BOLD),
            meta: Style::new().fg(xterm(248)),
            warning: Style::new().fg(xterm(210)),
            heading: Style::new().fg(cyan).add_modifier(Modifier::BOLD),
            caption: Style::new().fg(xterm(250)).add_modifier(Modifier::ITALIC),
            body: Style::new(),
            selected: Style::new().fg(black).bg(cyan),
            selected_idle: Style::new().fg(white).bg(xterm(239)),
            border: Style::new().fg(xterm(247)),
            border_focused: Style::new().fg(cyan),
            status: Style::new().fg(white).bg(xterm(238)),
            key: Style::new().fg(gold).add_modifier(Modifier::BOLD),
            matched: Style::new().fg(black).bg(gold),
            current_match: Style::new()
                .fg(black)
                .bg(xterm(209))
                .add_modifier(Modifier::BOLD),
            passage: Style::new().fg(black).bg(xterm(114)),
            prompt: Style::new(),
            selection: Style::new().fg(white).bg(xterm(25)),
            gutter: Style::new().fg(gold),
            mark: Style::new().fg(xterm(114)),
            unread: Style::new().add_modifier(Modifier::BOLD),
        }
    }

    /// Dark text for a light background.
    pub fn light() -> Theme {
        let black = xterm(16);
        let white = xterm(231);
        let brown = xterm(94);
        let blue = xterm(24);
        Theme {
            background: Some(xterm(231)),
            title: Style::new().fg(brown).add_modifier(Modifier::BOLD),
            meta: Style::new().fg(xterm(241)),
            warning: Style::new().fg(xterm(124)),
            heading: Style::new().fg(blue).add_modifier(Modifier::BOLD),
            caption: Style::new().fg(xterm(240)).add_modifier(Modifier::ITALIC),
            body: Style::new(),
            selected: Style::new().fg(white).bg(blue),
            selected_idle: Style::new().fg(black).bg(xterm(252)),
            border: Style::new().fg(xterm(241)),
            border_focused: Style::new().fg(blue),
            status: Style::new().fg(black).bg(xterm(252)),
            key: Style::new().fg(brown).add_modifier(Modifier::BOLD),
            matched: Style::new().fg(black).bg(xterm(222)),
            current_match: Style::new()
                .fg(black)
                .bg(xterm(209))
                .add_modifier(Modifier::BOLD),
            passage: Style::new().fg(black).bg(xterm(151)),
            prompt: Style::new(),
            selection: Style::new().fg(white).bg(xterm(25)),
            gutter: Style::new().fg(brown),
            mark: Style::new().fg(xterm(22)),
            unread: Style::new().add_modifier(Modifier::BOLD),
        }
    }

    /// Styles with attributes only: bold, italic, underline, reverse, dim.
    pub fn plain() -> Theme {
        Theme {
            background: None,
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
            mark: Style::new().add_modifier(Modifier::BOLD),
            unread: Style::new().add_modifier(Modifier::BOLD),
        }
    }

    /// The style a config file names, to read or override.
    pub fn style_mut(&mut self, name: &str) -> Option<&mut Style> {
        Some(match name {
            "title" => &mut self.title,
            "meta" => &mut self.meta,
            "warning" => &mut self.warning,
            "heading" => &mut self.heading,
            "caption" => &mut self.caption,
            "body" => &mut self.body,
            "selected" => &mut self.selected,
            "selected_idle" => &mut self.selected_idle,
            "border" => &mut self.border,
            "border_focused" => &mut self.border_focused,
            "status" => &mut self.status,
            "key" => &mut self.key,
            "matched" => &mut self.matched,
            "current_match" => &mut self.current_match,
            "passage" => &mut self.passage,
            "prompt" => &mut self.prompt,
            "selection" => &mut self.selection,
            "gutter" => &mut self.gutter,
            "mark" => &mut self.mark,
            "unread" => &mut self.unread,
            _ => return None,
        })
    }

    /// Every style with its name, in the order of [`STYLE_NAMES`].
    pub fn styles(&self) -> Vec<(&'static str, Style)> {
        let mut copy = *self;
        STYLE_NAMES
            .iter()
            .filter_map(|name| copy.style_mut(name).map(|s| (*name, *s)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colorfgbg_names_the_background_last() {
        assert_eq!(background_from_colorfgbg("15;0"), Some(Background::Dark));
        assert_eq!(background_from_colorfgbg("0;15"), Some(Background::Light));
        assert_eq!(
            background_from_colorfgbg("0;default;7"),
            Some(Background::Light)
        );
        assert_eq!(background_from_colorfgbg("7;8"), Some(Background::Dark));
        assert_eq!(background_from_colorfgbg("default"), None);
        assert_eq!(background_from_colorfgbg(""), None);
    }

    #[test]
    fn no_color_wins_and_auto_follows_the_background() {
        assert_eq!(Theme::choose(ThemeName::Light, None, true), Theme::plain());
        assert_eq!(
            Theme::choose(ThemeName::Auto, Some(Background::Light), false),
            Theme::light()
        );
        assert_eq!(Theme::choose(ThemeName::Auto, None, false), Theme::dark());
        assert_eq!(
            Theme::choose(ThemeName::Dark, Some(Background::Light), false),
            Theme::dark()
        );
    }

    #[test]
    fn every_style_has_a_name() {
        let mut theme = Theme::dark();
        for name in STYLE_NAMES {
            assert!(theme.style_mut(name).is_some(), "{name}");
        }
        assert_eq!(Theme::dark().styles().len(), STYLE_NAMES.len());
        assert_eq!(ThemeName::parse("LIGHT"), Some(ThemeName::Light));
        assert_eq!(ThemeName::Dark.as_str(), "dark");
    }
}
