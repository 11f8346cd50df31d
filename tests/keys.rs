//! Key scripts through the keymap and `App::update`, asserting on the state they leave.

mod common;

use common::{bundled, press};
use docbao::action::Action;
use docbao::app::{App, Focus};
use docbao::keymap::Mode;

fn app(width: u16, height: u16) -> App {
    App::new(bundled(), width, height)
}

#[test]
fn moving_in_the_list() {
    let mut app = app(100, 30);
    assert_eq!((app.selected, app.focus), (0, Focus::List));
    press(&mut app, "j");
    assert_eq!(app.selected, 1);
    press(&mut app, "j Down");
    assert_eq!(app.selected, 1, "stops at the last article");
    press(&mut app, "k");
    assert_eq!(app.selected, 0);
    press(&mut app, "G");
    assert_eq!(app.selected, 1);
    press(&mut app, "Home");
    assert_eq!(app.selected, 0);
    press(&mut app, "End");
    assert_eq!(app.selected, 1);
    press(&mut app, "g");
    assert_eq!(app.selected, 0);
}

#[test]
fn the_reader_shows_the_selected_article() {
    let mut app = app(100, 30);
    press(&mut app, "j");
    let title = &app.page.as_ref().unwrap().rows[0].text;
    assert!(title.starts_with("Kết tinh"), "{title}");
}

#[test]
fn opening_scrolling_and_going_back() {
    let mut app = app(100, 30);
    press(&mut app, "j Enter");
    assert_eq!(app.focus, Focus::Reader);
    assert_eq!(app.mode(), Mode::Reader);
    press(&mut app, "j j j");
    assert_eq!(app.scroll, 3);
    press(&mut app, "k");
    assert_eq!(app.scroll, 2);
    press(&mut app, "Space");
    let page = app.reader_height() - 1;
    assert_eq!(app.scroll, 2 + page);
    press(&mut app, "b");
    assert_eq!(app.scroll, 2);
    press(&mut app, "G");
    let rows = app.page.as_ref().unwrap().rows.len();
    assert_eq!(app.scroll, rows - app.reader_height());
    assert_eq!(app.percent_read(), 100);
    press(&mut app, "g");
    assert_eq!(app.scroll, 0);
    press(&mut app, "Esc");
    assert_eq!(app.focus, Focus::List);
    press(&mut app, "Tab");
    assert_eq!(app.focus, Focus::Reader);
    press(&mut app, "h");
    assert_eq!(app.focus, Focus::List);
    press(&mut app, "l Left Right");
    assert_eq!(app.focus, Focus::Reader);
}

#[test]
fn paragraph_jumps_land_on_paragraph_starts() {
    let mut app = app(100, 30);
    press(&mut app, "j Enter");
    assert_eq!(app.cursor, 0, "the first paragraph is the current passage");
    press(&mut app, "}");
    let page = app.page.clone().unwrap();
    assert_eq!((app.scroll, app.cursor), (page.block_start(1), 1));
    press(&mut app, "} }");
    assert_eq!((app.scroll, app.cursor), (page.block_start(3), 3));
    assert_eq!(page.block_at(app.scroll), Some(3));
    press(&mut app, "{");
    assert_eq!((app.scroll, app.cursor), (page.block_start(2), 2));
    press(&mut app, "{ { { {");
    assert_eq!((app.scroll, app.cursor), (0, 0));
}

#[test]
fn paragraph_keys_do_nothing_in_the_list() {
    let mut app = app(100, 30);
    press(&mut app, "} ]");
    assert_eq!((app.scroll, app.selected), (0, 0));
}

#[test]
fn next_and_previous_article_from_the_reader() {
    let mut app = app(100, 30);
    press(&mut app, "Enter j j ]");
    assert_eq!((app.selected, app.scroll, app.focus), (1, 0, Focus::Reader));
    press(&mut app, "]");
    assert_eq!(app.selected, 1);
    assert_eq!(app.note.as_deref(), Some("this is the last article"));
    press(&mut app, "[");
    assert_eq!(app.selected, 0);
    assert_eq!(app.note, None);
    press(&mut app, "[");
    assert_eq!(app.note.as_deref(), Some("this is the first article"));
}

#[test]
fn help_opens_scrolls_and_closes_without_quitting() {
    let mut app = app(60, 20);
    press(&mut app, "?");
    assert_eq!(app.mode(), Mode::Help);
    press(&mut app, "j j j");
    assert_eq!(app.help_scroll, 3);
    for _ in 0..100 {
        press(&mut app, "j");
    }
    let at_bottom = app.help_scroll;
    let lines = docbao::keymap::help_lines().len();
    let shown = docbao::panes::help_box(app.area(), lines).height - 2;
    assert_eq!(
        at_bottom,
        lines - usize::from(shown),
        "scroll stops at the last line"
    );
    press(&mut app, "k");
    assert_eq!(app.help_scroll, at_bottom - 1);
    press(&mut app, "Enter");
    assert_eq!(app.mode(), Mode::Help, "other keys leave the help open");
    press(&mut app, "q");
    assert_eq!(app.mode(), Mode::List);
    assert!(!app.should_quit);
    press(&mut app, "? Esc");
    assert!(!app.show_help);
    press(&mut app, "q");
    assert!(app.should_quit);
}

#[test]
fn ctrl_c_quits_from_anywhere() {
    for script in ["C-c", "Enter C-c", "? C-c"] {
        let mut app = app(100, 30);
        press(&mut app, script);
        assert!(app.should_quit, "{script}");
    }
}

#[test]
fn resize_keeps_the_same_paragraph_in_view() {
    let mut app = app(100, 30);
    press(&mut app, "j Enter } } } } } j");
    let before = app.page.as_ref().unwrap().block_at(app.scroll);
    assert_eq!(before, Some(5));
    for (width, height) in [(60, 20), (140, 40), (81, 24), (100, 30)] {
        app.update(Action::Resize { width, height });
        let page = app.page.as_ref().unwrap();
        assert_eq!(page.block_at(app.scroll), before, "at {width}x{height}");
        assert!(app.scroll >= page.block_start(5), "at {width}x{height}");
    }
}

#[test]
fn narrow_terminals_show_one_pane_at_a_time() {
    let mut app = app(60, 20);
    let panes = app.panes();
    assert!(panes.list.is_some() && panes.reader.is_none());
    press(&mut app, "Enter");
    let panes = app.panes();
    assert!(panes.list.is_none() && panes.reader.is_some());
    press(&mut app, "Esc");
    assert!(app.panes().list.is_some());
    let wide = App::new(bundled(), 100, 30).panes();
    assert!(wide.list.is_some() && wide.reader.is_some());
}

#[test]
fn mouse_wheel_scrolls_the_pane_under_the_pointer() {
    let mut app = app(100, 30);
    let reader = app.panes().reader.unwrap();
    app.update(Action::ScrollAt {
        column: reader.x + 5,
        row: reader.y + 5,
        lines: 3,
    });
    assert_eq!((app.scroll, app.selected), (3, 0));
    let list = app.panes().list.unwrap();
    app.update(Action::ScrollAt {
        column: list.x + 2,
        row: list.y + 2,
        lines: 3,
    });
    assert_eq!(app.selected, 1);
    app.update(Action::ScrollAt {
        column: list.x + 2,
        row: list.y + 2,
        lines: -3,
    });
    assert_eq!(app.selected, 0);
    // The status line is neither pane.
    app.update(Action::ScrollAt {
        column: 5,
        row: 29,
        lines: 3,
    });
    assert_eq!(app.selected, 0);
}

#[test]
fn an_empty_catalog_does_not_crash() {
    let empty = std::sync::Arc::new(docbao::catalog::Catalog::default());
    let mut app = App::new(empty, 100, 30);
    press(&mut app, "j k G g Enter } ] [ Space Tab ?");
    assert!(app.page.is_none());
    let screen = common::screen(&app);
    assert!(screen.contains("No articles"), "{screen}");
}
