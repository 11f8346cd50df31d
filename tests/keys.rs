//! Key scripts through the keymap and `App::update`, asserting on the state they leave.

use crate::common;

use common::{Harness, press};
use docbao::action::Action;
use docbao::app::{Focus, Mode};
use docbao::effect::{Answer, Effect};

fn app(width: u16, height: u16) -> Harness {
    common::app(width, height)
}

fn scroll(app: &Harness) -> usize {
    app.reader().scroll()
}

#[test]
fn moving_in_the_list() {
    let mut app = app(100, 30);
    assert_eq!((app.selected(), app.focus()), (0, Focus::List));
    press(&mut app, "j");
    assert_eq!(app.selected(), 1);
    press(&mut app, "j Down");
    assert_eq!(app.selected(), 1, "stops at the last article");
    press(&mut app, "k");
    assert_eq!(app.selected(), 0);
    press(&mut app, "G");
    assert_eq!(app.selected(), 1);
    press(&mut app, "Home");
    assert_eq!(app.selected(), 0);
    press(&mut app, "End");
    assert_eq!(app.selected(), 1);
    press(&mut app, "g");
    assert_eq!(app.selected(), 0);
}

#[test]
fn the_reader_shows_the_selected_article() {
    let mut app = app(100, 30);
    press(&mut app, "j");
    let title = &app.reader().page().unwrap().rows[0].text;
    assert!(title.starts_with("Kết tinh"), "{title}");
}

#[test]
fn opening_scrolling_and_going_back() {
    let mut app = app(100, 30);
    press(&mut app, "j Enter");
    assert_eq!(app.focus(), Focus::Reader);
    assert_eq!(app.mode(), Mode::Reader);
    press(&mut app, "j j j");
    assert_eq!(scroll(&app), 3);
    press(&mut app, "k");
    assert_eq!(scroll(&app), 2);
    press(&mut app, "Space");
    let page = app.reader_height() - 1;
    assert_eq!(scroll(&app), 2 + page);
    press(&mut app, "b");
    assert_eq!(scroll(&app), 2);
    press(&mut app, "G");
    let rows = app.reader().page().unwrap().rows.len();
    assert_eq!(scroll(&app), rows - app.reader_height());
    assert_eq!(app.percent_read(), 100);
    press(&mut app, "g");
    assert_eq!(scroll(&app), 0);
    press(&mut app, "Esc");
    assert_eq!(app.focus(), Focus::List);
    press(&mut app, "Tab");
    assert_eq!(app.focus(), Focus::Reader);
    press(&mut app, "h");
    assert_eq!(app.focus(), Focus::List);
    press(&mut app, "l Left Right");
    assert_eq!(app.focus(), Focus::Reader);
    press(&mut app, "S-Tab");
    assert_eq!(app.focus(), Focus::List, "Shift-Tab switches back");
}

#[test]
fn paragraph_jumps_land_on_paragraph_starts() {
    let mut app = app(100, 30);
    press(&mut app, "j Enter");
    assert_eq!(
        app.reader().cursor(),
        0,
        "the first paragraph is the current passage"
    );
    press(&mut app, "}");
    let page = app.reader().page().unwrap().clone();
    assert_eq!(
        (scroll(&app), app.reader().cursor()),
        (page.block_start(1), 1)
    );
    press(&mut app, "} }");
    assert_eq!(
        (scroll(&app), app.reader().cursor()),
        (page.block_start(3), 3)
    );
    assert_eq!(page.block_at(scroll(&app)), Some(3));
    press(&mut app, "{");
    assert_eq!(
        (scroll(&app), app.reader().cursor()),
        (page.block_start(2), 2)
    );
    press(&mut app, "{ { { {");
    assert_eq!((scroll(&app), app.reader().cursor()), (0, 0));
}

#[test]
fn paragraph_keys_do_nothing_in_the_list() {
    let mut app = app(100, 30);
    press(&mut app, "} ]");
    assert_eq!((scroll(&app), app.selected()), (0, 0));
}

#[test]
fn next_and_previous_article_from_the_reader() {
    let mut app = app(100, 30);
    press(&mut app, "Enter j j ]");
    assert_eq!(
        (app.selected(), scroll(&app), app.focus()),
        (1, 0, Focus::Reader)
    );
    press(&mut app, "]");
    assert_eq!(app.selected(), 1);
    assert_eq!(app.note(), Some("this is the last article"));
    press(&mut app, "[");
    assert_eq!(app.selected(), 0);
    assert_eq!(app.note(), None);
    press(&mut app, "[");
    assert_eq!(app.note(), Some("this is the first article"));
}

#[test]
fn help_opens_scrolls_pages_and_closes_without_quitting() {
    let mut app = app(60, 20);
    press(&mut app, "?");
    assert_eq!(app.mode(), Mode::Help);
    let scroll = |app: &Harness| match app.screen() {
        docbao::app::Screen::Help(help) => help.scroll(),
        other => panic!("not the help: {other:?}"),
    };
    let rows = |app: &Harness| match app.screen() {
        docbao::app::Screen::Help(help) => help.rows().len(),
        other => panic!("not the help: {other:?}"),
    };
    // At 60 columns some lines take two rows rather than being cut.
    assert!(rows(&app) > app.keys().lines.len());
    press(&mut app, "j j j");
    assert_eq!(scroll(&app), 3);
    press(&mut app, "G");
    let at_bottom = scroll(&app);
    let shown = usize::from(app.help_area().height - 2);
    assert_eq!(at_bottom, rows(&app) - shown, "G goes to the last row");
    press(&mut app, "j");
    assert_eq!(scroll(&app), at_bottom, "and no further");
    press(&mut app, "k");
    assert_eq!(scroll(&app), at_bottom - 1);
    press(&mut app, "g Space");
    assert_eq!(
        scroll(&app),
        shown - 1,
        "a page, less a line to keep one's place"
    );
    press(&mut app, "PgUp");
    assert_eq!(scroll(&app), 0);
    press(&mut app, "Enter");
    assert_eq!(app.mode(), Mode::Help, "other keys leave the help open");
    press(&mut app, "q");
    assert_eq!(app.mode(), Mode::List);
    assert!(!app.should_quit());
    press(&mut app, "? Esc");
    assert_eq!(app.mode(), Mode::List);
    press(&mut app, "q");
    assert!(app.should_quit());
}

#[test]
fn resize_keeps_the_same_paragraph_in_view() {
    let mut app = app(100, 30);
    press(&mut app, "j Enter } } } } } j");
    let before = app.reader().page().unwrap().block_at(scroll(&app));
    assert_eq!(before, Some(5));
    for (width, height) in [(60, 20), (140, 40), (81, 24), (100, 30)] {
        app.act(Action::Resize { width, height });
        let page = app.reader().page().unwrap();
        assert_eq!(page.block_at(scroll(&app)), before, "at {width}x{height}");
        assert!(scroll(&app) >= page.block_start(5), "at {width}x{height}");
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
    let wide = common::app(100, 30).panes();
    assert!(wide.list.is_some() && wide.reader.is_some());
}

#[test]
fn mouse_wheel_scrolls_the_pane_under_the_pointer() {
    let mut app = app(100, 30);
    let reader = app.panes().reader.unwrap();
    app.act(Action::ScrollAt {
        column: reader.x + 5,
        row: reader.y + 5,
        lines: 3,
    });
    assert_eq!((scroll(&app), app.selected()), (3, 0));
    let list = app.panes().list.unwrap();
    app.act(Action::ScrollAt {
        column: list.x + 2,
        row: list.y + 2,
        lines: 3,
    });
    assert_eq!(app.selected(), 1);
    app.act(Action::ScrollAt {
        column: list.x + 2,
        row: list.y + 2,
        lines: -3,
    });
    assert_eq!(app.selected(), 0);
    // The status line is neither pane.
    app.act(Action::ScrollAt {
        column: 5,
        row: 29,
        lines: 3,
    });
    assert_eq!(app.selected(), 0);
}

#[test]
fn an_empty_catalog_does_not_crash() {
    let empty = std::sync::Arc::new(docbao::catalog::Catalog::default());
    let mut app = common::app_with(empty, 100, 30);
    press(&mut app, "j k G g Enter } ] [ Space Tab ? Esc ! Esc ' Esc");
    assert!(app.reader().page().is_none());
    let screen = common::screen(&app);
    assert!(screen.contains("No articles"), "{screen}");
    assert!(screen.contains("*.txt"), "says what docbao reads: {screen}");
}

#[test]
fn paging_through_a_long_list_of_nested_articles() {
    let dir = tempfile::tempdir().unwrap();
    let written = common::nested::generate(dir.path());
    let catalog = std::sync::Arc::new(docbao::catalog::Catalog::open(dir.path()).unwrap());
    assert_eq!(catalog.entries().len(), written.len());
    let mut app = common::app_with(catalog, 100, 30);
    let position = |app: &common::Harness| app.list_position().unwrap();
    // Whole on screen: the selected entry's title and its date row below it.
    let shown_whole = |app: &common::Harness| {
        let rows = app.shown_entries();
        let at = rows
            .iter()
            .position(|e| e.position == position(app))
            .unwrap();
        let used: usize = rows[..=at].iter().map(|e| e.rows()).sum();
        used <= app.list_inner().1
    };
    // A section header and titles on two rows: fewer than 13 articles in 27 rows.
    let page = app.list_capacity();
    assert!((6..13).contains(&page), "{page}");
    press(&mut app, "PgDn");
    assert_eq!(position(&app), page);
    assert!(shown_whole(&app) && app.list().offset() > 0);
    let before = position(&app);
    press(&mut app, "Space Space");
    assert!(position(&app) > before + 2 * 5, "{}", position(&app));
    assert!(shown_whole(&app));
    press(&mut app, "G");
    assert_eq!(position(&app), written.len() - 1);
    assert!(shown_whole(&app));
    let last = app.shown_entries().last().unwrap().position;
    assert_eq!(last, written.len() - 1, "nothing past the end");
    press(&mut app, "PgUp g");
    assert_eq!((app.selected(), app.list().offset()), (0, 0));
    // Every entry on screen is a different article, newest first, ids from their folders.
    let screen = common::screen(&app);
    assert!(screen.contains("Bài số 29"), "{screen}");
    press(&mut app, "Enter");
    assert!(
        app.article().unwrap().id.starts_with("2025/10/27/"),
        "{}",
        app.article().unwrap().id
    );
}

#[test]
fn less_and_vim_paging_keys() {
    let dir = tempfile::tempdir().unwrap();
    common::nested::generate(dir.path());
    let catalog = std::sync::Arc::new(docbao::catalog::Catalog::open(dir.path()).unwrap());
    let mut app = common::app_with(catalog, 100, 30);
    let page = app.list_capacity();
    // In the list: Ctrl-D and Ctrl-U move half a page, Ctrl-F and Ctrl-B a page.
    press(&mut app, "C-d");
    assert_eq!(app.selected(), page / 2);
    press(&mut app, "C-f");
    assert_eq!(app.selected(), page / 2 + page);
    press(&mut app, "C-b C-u");
    assert_eq!(app.selected(), 0);
    // In the reader, the same over rows of text.
    let mut app = common::app(100, 30);
    press(&mut app, "Enter");
    press(&mut app, "C-d");
    let half = scroll(&app);
    assert!(half > 1, "half a page: {half}");
    press(&mut app, "g C-f");
    assert!(scroll(&app) > half, "a page is more than half");
    press(&mut app, "g");
    for _ in 0..2 {
        press(&mut app, "C-d");
    }
    let two_halves = scroll(&app);
    press(&mut app, "C-u");
    assert_eq!(scroll(&app), two_halves - half);
    // In a prompt, Ctrl-U still deletes what was typed.
    press(&mut app, "/ a b C-u");
    match app.screen() {
        docbao::app::Screen::Prompt(p) => assert_eq!(p.prompt().text, ""),
        other => panic!("no prompt: {other:?}"),
    }
}

#[test]
fn moving_in_the_list_reads_no_file_the_loader_does_and_keys_typed_ahead_wait_for_it() {
    let mut app = common::app(100, 30);
    // The key asks the loader for the next article and returns: no file is read in `update`.
    let effects = app.update(Action::Down);
    let opens: Vec<_> = effects
        .iter()
        .filter(|e| matches!(e, Effect::OpenArticle { .. }))
        .collect();
    assert_eq!(opens.len(), 1, "{effects:?}");
    assert!(app.reader().page().is_none() && app.reader().opening());
    let screen = common::screen(&app);
    assert!(screen.contains("Opening…"), "{screen}");
    // Enter and three paragraphs down, typed before the article came: kept, then applied.
    let mut typed = Vec::new();
    for action in [
        Action::Open,
        Action::NextParagraph,
        Action::NextParagraph,
        Action::NextParagraph,
    ] {
        typed.extend(app.update(action));
    }
    assert_eq!(app.reader().cursor(), 0, "not applied to no page");
    let mut all = effects;
    all.extend(typed);
    app.run(all);
    assert_eq!(app.article().unwrap().id, app.entry().unwrap().id);
    assert_eq!(
        app.reader().cursor(),
        3,
        "the keys typed ahead, applied in order"
    );
}

#[test]
fn an_article_asked_for_before_the_last_one_is_dropped_when_it_comes() {
    let mut app = common::app(100, 30);
    let first = app.update(Action::Down);
    let second = app.update(Action::Up);
    // The answers come in the wrong order: the older is dropped, the newer shown.
    app.run(second);
    let shown = app.article().unwrap().id.clone();
    app.run(first);
    assert_eq!(app.article().unwrap().id, shown);
    assert_eq!(shown, app.entry().unwrap().id);
}

#[test]
fn a_newer_catalog_while_an_article_is_being_read_keeps_what_waits_for_it() {
    let folder = tempfile::tempdir().unwrap();
    let write = |name: &str, date: &str| {
        let body = "Đoạn một.\n\nĐoạn hai.\n\nĐoạn ba.\n\nĐoạn bốn.";
        std::fs::write(
            folder.path().join(name),
            format!("date {date} Bài {name}\n\n{body}\n"),
        )
        .unwrap();
    };
    write("a.txt", "2025-10-03");
    write("b.txt", "2025-10-02");
    let open = || std::sync::Arc::new(docbao::catalog::Catalog::open(folder.path()).unwrap());
    let mut app = common::app_with(open(), 100, 30);
    let mut effects = app.update(Action::Down);
    effects.extend(app.update(Action::Open));
    effects.extend(app.update(Action::NextParagraph));
    // An older article added while the selected one is read: a newer catalog comes first.
    write("c.txt", "2025-10-01");
    effects.extend(app.update(Answer::CatalogUpdated {
        catalog: open(),
        progress: docbao::catalog::indexer::Progress {
            done: true,
            ..Default::default()
        },
    }));
    app.run(effects);
    assert_eq!(app.catalog().entries().len(), 3);
    assert_eq!(app.article().unwrap().id, "b");
    assert_eq!(app.reader().cursor(), 1, "the key typed ahead was kept");
}

#[test]
fn ctrl_z_asks_the_terminal_owner_to_go_back_to_the_shell_from_any_screen() {
    let mut app = app(100, 30);
    for screen in ["", "Enter", "/", "'", "?"] {
        press(&mut app, screen);
        let before = app.mode();
        press(&mut app, "C-z");
        assert_eq!(app.mode(), before, "{screen}: the screen stays");
    }
    assert_eq!(app.worker.suspended, 5);
}

#[test]
fn a_click_chooses_the_article_under_it_and_gives_the_pane_the_keyboard() {
    use crossterm::event::{Event, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
    let mut app = app(100, 30);
    let keymap = common::keymap();
    let click = |app: &mut Harness, column: u16, row: u16| {
        let event = Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column,
            row,
            modifiers: KeyModifiers::NONE,
        });
        let action = keymap.action_for_event(app.mode(), &event).unwrap();
        app.act(action);
    };
    // The second article's title, as drawn in the list.
    let text = common::screen(&app);
    let row = text
        .lines()
        .position(|l| l.contains("Kết tinh"))
        .expect("the second article listed") as u16;
    assert_eq!(app.selected(), 0);
    click(&mut app, 5, row);
    assert_eq!(app.selected(), 1);
    assert_eq!(app.mode(), Mode::List);
    // In the reader: it has the keyboard.
    click(&mut app, 70, 10);
    assert_eq!(app.mode(), Mode::Reader);
    // On a border or the status line: nothing.
    click(&mut app, 5, 29);
    assert_eq!(app.mode(), Mode::Reader);
    click(&mut app, 5, row);
    assert_eq!((app.mode(), app.selected()), (Mode::List, 1));
}
