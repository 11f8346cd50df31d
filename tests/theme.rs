//! The built-in themes: every colour pair they draw is readable (WCAG 2 contrast of at least
//! 4.5:1) on the background each is meant for, and `NO_COLOR` draws no colour at all.

use docbao::ui::Theme;
use docbao::ui::theme::STYLE_NAMES;
use ratatui::style::Color;

/// The red, green and blue of an xterm 256-colour palette entry (the 16 basic colours differ
/// from terminal to terminal, so a theme whose contrast is checked must not use them).
fn rgb(color: Color) -> (u8, u8, u8) {
    match color {
        Color::Rgb(r, g, b) => (r, g, b),
        Color::Indexed(i @ 16..=231) => {
            let level = |n: u8| if n == 0 { 0 } else { 55 + 40 * n };
            let i = i - 16;
            (level(i / 36), level(i / 6 % 6), level(i % 6))
        }
        Color::Indexed(i @ 232..=255) => {
            let grey = 8 + 10 * (i - 232);
            (grey, grey, grey)
        }
        other => panic!("{other:?} looks different on every terminal"),
    }
}

/// Relative luminance, as WCAG 2 defines it.
fn luminance(color: Color) -> f64 {
    let (r, g, b) = rgb(color);
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

fn contrast(a: Color, b: Color) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Every style with a colour is readable on the theme's background, and on the darkest and
/// lightest backgrounds of its kind that terminals ship with.
#[track_caller]
fn readable(theme: &Theme, backgrounds: &[Color]) {
    let assumed = theme
        .background
        .expect("a colour theme names its background");
    for (name, style) in theme.styles() {
        if let Some(bg) = style.bg {
            let fg = style
                .fg
                .unwrap_or_else(|| panic!("{name} sets a background, so it must set the text"));
            let ratio = contrast(fg, bg);
            assert!(ratio >= 4.5, "{name}: {fg:?} on {bg:?} is {ratio:.2}:1");
        } else if let Some(fg) = style.fg {
            for &bg in [assumed].iter().chain(backgrounds) {
                let ratio = contrast(fg, bg);
                assert!(ratio >= 4.5, "{name}: {fg:?} on {bg:?} is {ratio:.2}:1");
            }
        }
    }
}

#[test]
fn the_dark_theme_is_readable_on_dark_backgrounds() {
    // Black, and #303030, lighter than most dark terminals' defaults.
    readable(&Theme::dark(), &[Color::Indexed(16), Color::Indexed(236)]);
}

#[test]
fn the_light_theme_is_readable_on_light_backgrounds() {
    // White, and #eeeeee, darker than most light terminals' defaults (xterm's is white).
    readable(&Theme::light(), &[Color::Indexed(231), Color::Indexed(255)]);
}

#[test]
fn captions_and_titles_are_coloured_in_both_themes() {
    // The defects that asked for themes: grey captions and yellow titles on white.
    for theme in [Theme::dark(), Theme::light()] {
        for style in [theme.caption, theme.title, theme.heading, theme.meta] {
            assert!(style.fg.is_some(), "{style:?}");
        }
    }
    assert_ne!(Theme::dark().title.fg, Theme::light().title.fg);
}

#[test]
fn the_colourless_theme_has_no_colour() {
    let plain = Theme::plain();
    assert_eq!(plain.styles().len(), STYLE_NAMES.len());
    for (name, style) in plain.styles() {
        assert!(
            style.fg.is_none() && style.bg.is_none(),
            "{name}: {style:?}"
        );
    }
}

#[test]
fn the_palette_arithmetic_is_xterms() {
    assert_eq!(rgb(Color::Indexed(16)), (0, 0, 0));
    assert_eq!(rgb(Color::Indexed(231)), (255, 255, 255));
    assert_eq!(rgb(Color::Indexed(221)), (255, 215, 95));
    assert_eq!(rgb(Color::Indexed(244)), (128, 128, 128));
    assert!((contrast(Color::Indexed(16), Color::Indexed(231)) - 21.0).abs() < 1e-9);
}
