//! Reading a news folder as newsboat and less readers expect: the end of an article, Space to
//! the next, the headline kept in view, a word for keys that do nothing.

use crate::common;

use common::{press, screen};
use docbao::app::Focus;

#[test]
fn an_article_ends_with_a_mark_and_space_there_reads_the_next() {
    let mut app = common::app(100, 30);
    press(&mut app, "Enter");
    assert_eq!((app.selected(), app.focus()), (0, Focus::Reader));
    press(&mut app, "G");
    let bottom = screen(&app);
    assert!(bottom.contains("─ end ─"), "{bottom}");
    press(&mut app, "PgDn");
    assert_eq!(app.selected(), 0, "PgDn at the end stays");
    press(&mut app, "Space");
    assert_eq!((app.selected(), app.focus()), (1, Focus::Reader));
    assert_eq!(app.reader().scroll(), 0, "the next article from its top");
    press(&mut app, "Space");
    assert_eq!(app.selected(), 1, "Space pages down before the end");
    assert!(app.reader().scroll() > 0);
    press(&mut app, "G Space");
    assert_eq!(app.selected(), 1, "nothing after the last article");
    assert_eq!(app.note(), Some("this is the last article"));
}

#[test]
fn the_end_mark_is_not_printed_by_show() {
    let catalog = common::bundled();
    let article = catalog.article(0).unwrap();
    let page = docbao::page::Page::layout(&article, 60);
    assert!(page.is_end(page.rows.len() - 1));
    assert!(!page.to_plain_text().contains(" end "));
}

#[test]
fn the_reader_is_titled_by_the_headline_in_both_layouts() {
    for (width, height) in [(100, 30), (60, 20)] {
        let mut app = common::app(width, height);
        press(&mut app, "j Enter G");
        let top = screen(&app).lines().next().unwrap().to_owned();
        assert!(top.contains("2/2 · Kết tinh của sự kiên trì"), "{top}");
        assert!(!top.contains("000_"), "{top}");
    }
}

#[test]
fn a_key_that_does_nothing_says_where_the_keys_are() {
    let mut app = common::app(100, 30);
    press(&mut app, "x");
    assert_eq!(app.note(), Some("x does nothing here · press ? for help"));
    let status = screen(&app).lines().last().unwrap().to_owned();
    assert!(status.contains("x does nothing here"), "{status}");
    press(&mut app, "j");
    assert_eq!(app.note(), None, "the next key clears it");
    press(&mut app, "? x");
    assert_eq!(
        app.note(),
        Some("x does nothing here · Esc closes the help")
    );
    press(&mut app, "Esc / x");
    assert_eq!(app.note(), None, "typed into a prompt, not a mistake");
    press(&mut app, "Esc C-x");
    assert_eq!(
        app.note(),
        Some("Ctrl-X does nothing here · press ? for help")
    );
}

/// The nested fixture opened with its reading state kept in a folder of its own.
fn nested(width: u16, height: u16) -> (tempfile::TempDir, tempfile::TempDir, common::Harness) {
    let news = tempfile::tempdir().unwrap();
    common::nested::generate(news.path());
    let catalog = std::sync::Arc::new(docbao::catalog::Catalog::open(news.path()).unwrap());
    let data = tempfile::tempdir().unwrap();
    let app = common::app_in(data.path(), catalog, width, height);
    (news, data, app)
}

/// The list rows of the article titled `title`, with the marker column.
fn list_row(app: &common::Harness, title: &str) -> String {
    // The list pane only: the reader's border names the headline too.
    screen(app)
        .lines()
        .map(|l| l.chars().skip(1).take(30).collect::<String>())
        .find(|l| l.contains(title))
        .unwrap_or_else(|| panic!("{title} not listed:\n{}", screen(app)))
}

#[test]
fn an_article_read_to_its_end_is_no_longer_unread() {
    let (_news, _data, mut app) = nested(100, 30);
    let total = app.catalog().entries().len();
    assert_eq!(app.unread(), total);
    let title = app.entry().unwrap().title.clone();
    let short: String = title.chars().take(12).collect();
    assert!(list_row(&app, &short).starts_with('•'), "unread is marked");
    let status = screen(&app).lines().last().unwrap().to_owned();
    assert!(status.contains(&format!("{total} unread")), "{status}");
    press(&mut app, "Enter");
    assert_eq!(app.unread(), total, "opened is not read");
    press(&mut app, "G");
    assert_eq!(app.unread(), total - 1, "read to the end");
    press(&mut app, "Esc");
    assert!(list_row(&app, &short).starts_with(' '), "{}", screen(&app));
    let status = screen(&app).lines().last().unwrap().to_owned();
    assert!(status.contains("· read"), "{status}");
    assert!(
        status.contains(&format!("{} unread", total - 1)),
        "{status}"
    );
}

#[test]
fn unread_titles_are_bold_and_read_ones_are_not() {
    let (_news, _data, mut app) = nested(100, 30);
    press(&mut app, "r j");
    let titles: Vec<String> = (0..3)
        .map(|p| {
            app.catalog().entries()[app.list_entry(p).unwrap()]
                .title
                .clone()
        })
        .collect();
    let buffer = common::draw_with(&app, &docbao::ui::Theme::dark())
        .backend()
        .buffer()
        .clone();
    let text = screen(&app);
    // The first row of each title in the list pane.
    let row_of = |title: &str| {
        let start: String = title.chars().take(10).collect();
        let y = text
            .lines()
            .position(|l| {
                l.chars()
                    .skip(2)
                    .take(33)
                    .collect::<String>()
                    .starts_with(&start)
            })
            .unwrap_or_else(|| panic!("{title}:\n{text}"));
        u16::try_from(y).unwrap()
    };
    let (read, selected, unread) = (row_of(&titles[0]), row_of(&titles[1]), row_of(&titles[2]));
    let bold = |x: u16, y: u16| {
        buffer[(x, y)]
            .modifier
            .contains(ratatui::style::Modifier::BOLD)
    };
    assert!(!bold(2, read), "read: {:?}", buffer[(2, read)]);
    assert!(bold(2, unread), "unread: {:?}", buffer[(2, unread)]);
    assert!(
        bold(2, selected),
        "selected unread: {:?}",
        buffer[(2, selected)]
    );
    assert_eq!(
        buffer[(1, selected)].bg,
        docbao::ui::Theme::dark().selected.bg.unwrap(),
        "and selected"
    );
    assert!(!bold(33, unread), "not the padding after the title");
    assert_eq!(buffer[(1, unread)].symbol(), "•");
    assert_eq!(buffer[(1, read)].symbol(), " ");
}

#[test]
fn r_marks_read_and_unread_and_unread_stays_so_until_the_reader_moves() {
    let (_news, data, mut app) = nested(100, 30);
    let total = app.unread();
    let id = app.entry().unwrap().id.clone();
    press(&mut app, "r");
    assert_eq!(app.unread(), total - 1);
    assert_eq!(app.note(), Some("marked read"));
    press(&mut app, "r");
    assert_eq!((app.unread(), app.note()), (total, Some("marked unread")));
    // Read to the end, then marked unread while the end is on screen.
    press(&mut app, "Enter G");
    assert!(app.reading().is_read(&id));
    press(&mut app, "r");
    assert!(
        !app.reading().is_read(&id),
        "what is on screen is not read again"
    );
    assert_eq!(app.unread(), total);
    press(&mut app, "k G");
    assert!(app.reading().is_read(&id), "moving reads it again");
    press(&mut app, "r q");
    let state = std::fs::read_to_string(data.path().join("state.json")).unwrap();
    let saved: serde_json::Value = serde_json::from_str(&state).unwrap();
    let folders = saved["folders"].as_object().unwrap();
    let position = &folders.values().next().unwrap()["articles"][&id];
    assert_eq!(position["read"], false, "{state}");
}

#[test]
fn u_lists_only_unread_articles_and_capital_u_goes_to_the_next_unread() {
    let (_news, _data, mut app) = nested(100, 30);
    let total = app.catalog().entries().len();
    // The first and the third are read.
    press(&mut app, "r j j r g");
    assert_eq!(app.unread(), total - 2);
    press(&mut app, "U");
    assert_eq!(
        app.selected(),
        1,
        "the second is the first unread after the first"
    );
    press(&mut app, "U");
    assert_eq!(app.selected(), 3, "the third is read");
    press(&mut app, "g u");
    assert!(app.list().unread_only());
    assert_eq!(
        app.list_len(),
        total - 1,
        "the unread, and the selected one though it is read"
    );
    let top = screen(&app).lines().next().unwrap().to_owned();
    assert!(
        top.contains(&format!("Unread · {} of {total}", total - 2)),
        "the unread counted, not the entries: {top}"
    );
    press(&mut app, "j");
    assert_eq!(app.selected(), 1);
    press(&mut app, "u u");
    assert_eq!(
        app.list_len(),
        total - 2,
        "listed again without the read one"
    );
    assert_eq!(app.list_entry(0), Some(1));
    press(&mut app, "u");
    assert_eq!(app.list_len(), total);
    assert_eq!(app.note(), Some("every article listed"));
}

#[test]
fn space_at_the_end_reads_the_next_unread_when_only_unread_are_listed() {
    let (_news, _data, mut app) = nested(100, 30);
    press(&mut app, "j r k u Enter G Space");
    assert_eq!(app.selected(), 2, "the second is read: skipped");
    press(&mut app, "G Space");
    assert_eq!(app.selected(), 3);
}

#[test]
fn the_next_unread_goes_round_to_the_top_and_says_so() {
    let (_news, _data, mut app) = nested(100, 30);
    let last = app.catalog().entries().len() - 1;
    press(&mut app, "G U");
    assert_eq!(app.selected(), 0);
    assert_eq!(app.note(), Some("next unread: from the top"));
    for _ in 0..=last {
        press(&mut app, "r j");
    }
    press(&mut app, "U");
    assert_eq!(app.note(), Some("no other unread article"));
    assert_eq!(app.unread(), 0);
    press(&mut app, "k");
    let status = screen(&app).lines().last().unwrap().to_owned();
    assert!(!status.contains("unread"), "{status}");
    assert!(status.contains("· all read"), "{status}");
}

#[test]
fn a_search_in_the_unread_view_finds_only_unread_articles() {
    let (_news, _data, mut app) = nested(100, 30);
    press(&mut app, "/");
    common::type_text(&mut app, "bai so");
    let all = app.list_len();
    assert!(all > 3, "{all}");
    press(&mut app, "Enter Esc Esc r j r g u /");
    common::type_text(&mut app, "bai so");
    assert_eq!(app.list_len(), all - 2, "the two read left out");
    press(&mut app, "Enter Esc u");
    assert_eq!(app.list_len(), all, "every result again");
}

#[test]
fn the_split_moves_with_angle_brackets_and_is_kept_for_the_next_start() {
    let (news, data, mut app) = nested(100, 30);
    let width = |app: &common::Harness| app.panes().list.unwrap().width;
    let reader_width = |app: &common::Harness| app.reader().page().unwrap().width;
    let (list, text) = (width(&app), reader_width(&app));
    press(&mut app, "Enter >");
    assert!(
        width(&app) > list,
        "wider: {:?} {} {}",
        app.note(),
        width(&app),
        list
    );
    assert!(reader_width(&app) < text, "the article is wrapped again");
    for _ in 0..20 {
        press(&mut app, ">");
    }
    assert_eq!(app.note(), Some("the list is as wide as it goes"));
    assert!(
        app.panes().reader.unwrap().width >= 40,
        "the reader keeps a line"
    );
    for _ in 0..20 {
        press(&mut app, "<");
    }
    assert_eq!(app.note(), Some("the list is as narrow as it goes"));
    press(&mut app, ">");
    let chosen = width(&app);
    assert!(chosen < list, "{chosen} < {list}");
    press(&mut app, "q");
    let catalog = std::sync::Arc::new(docbao::catalog::Catalog::open(news.path()).unwrap());
    let again = common::app_in(data.path(), catalog, 100, 30);
    assert_eq!(width(&again), chosen, "kept in the reading state");
    let catalog = std::sync::Arc::new(docbao::catalog::Catalog::open(news.path()).unwrap());
    let mut narrow = common::app_in(data.path(), catalog, 60, 20);
    press(&mut narrow, ">");
    assert_eq!(
        narrow.note(),
        Some("the list and the reader are side by side from 80 columns")
    );
}

#[test]
fn in_a_list_search_the_preview_shows_the_first_match() {
    let mut app = common::app(100, 30);
    press(&mut app, "/");
    common::type_text(&mut app, "5 day manh");
    assert_eq!(app.list_len(), 1);
    assert_eq!(app.selected(), 1);
    let found = app.reader().search().unwrap();
    let first = found.matches[0].start;
    let page = app.reader().page().unwrap();
    let row = page.row_of(first).unwrap();
    let scroll = app.reader().scroll();
    assert!(scroll > 0, "scrolled down to the match");
    assert!(
        (scroll..scroll + app.reader_height()).contains(&row),
        "row {row} in view from {scroll}"
    );
    // The words may come in any order: the first of any of them.
    let article = app.article().unwrap();
    let word = docbao::text::fold::fold(&article.text[found.matches[0].clone()]);
    assert!(["5", "day", "manh"].contains(&word.as_str()), "{word}");
}

#[test]
fn a_list_search_given_up_leaves_the_place_in_the_article_read() {
    for (width, height) in [(100, 30), (60, 20)] {
        let mut app = common::app(width, height);
        press(&mut app, "j Enter G");
        let place = app.reader().scroll();
        assert!(place > 0);
        press(&mut app, "Esc /");
        common::type_text(&mut app, "Guterres");
        press(&mut app, "Esc");
        assert_eq!(app.selected(), 1);
        assert_eq!(app.reader().scroll(), place, "{width}x{height}");
        press(&mut app, "Enter");
        assert_eq!(app.reader().scroll(), place, "{width}x{height}");
    }
}

#[test]
fn marked_unread_an_article_that_fits_on_screen_stays_unread_until_it_is_read_again() {
    let news = tempfile::tempdir().unwrap();
    common::nested::generate(news.path());
    let catalog = std::sync::Arc::new(docbao::catalog::Catalog::open(news.path()).unwrap());
    let data = tempfile::tempdir().unwrap();
    // Tall enough for the whole article: opening it reads it.
    let mut app = common::app_in(data.path(), catalog, 100, 80);
    press(&mut app, "Enter");
    let id = app.entry().unwrap().id.clone();
    assert!(app.reading().is_read(&id), "all of it on screen");
    press(&mut app, "r j k G");
    assert!(
        !app.reading().is_read(&id),
        "keys that move nothing read nothing"
    );
    press(&mut app, "] [");
    assert!(app.reading().is_read(&id), "opened again, read again");
}

#[test]
fn ctrl_c_in_a_list_search_saves_the_place_the_search_left() {
    let data = tempfile::tempdir().unwrap();
    let mut app = common::app_in(data.path(), common::bundled(), 100, 30);
    press(&mut app, "Enter j j Esc");
    let id = app.entry().unwrap().id.clone();
    press(&mut app, "/");
    // Only the other article has this name in it.
    common::type_text(&mut app, "Guterres");
    assert_ne!(app.entry().unwrap().id, id, "the result is highlighted");
    press(&mut app, "C-c");
    assert!(app.should_quit());
    let state = std::fs::read_to_string(data.path().join("state.json")).unwrap();
    let saved: serde_json::Value = serde_json::from_str(&state).unwrap();
    let folder = saved["folders"]
        .as_object()
        .unwrap()
        .values()
        .next()
        .unwrap();
    assert_eq!(folder["last"]["article"], id.as_str(), "{state}");
}

#[test]
fn a_search_of_the_unread_that_finds_nothing_says_how_to_leave_it() {
    let (_news, _data, mut app) = nested(100, 30);
    press(&mut app, "u /");
    common::type_text(&mut app, "zzzz");
    let text = screen(&app);
    let said: String = text
        .lines()
        .map(|l| {
            l.chars()
                .skip(2)
                .take(31)
                .collect::<String>()
                .trim()
                .to_owned()
        })
        .collect::<Vec<_>>()
        .join(" ");
    // While the query is typed, u would be a letter of it: only Esc is named (a trial
    // finding: the message told to press u, which typed "zzzzu").
    assert!(
        said.contains("No unread article matches. Esc clears the search."),
        "{text}"
    );
    assert!(!said.contains(" u "), "{text}");
}

#[test]
fn an_empty_bookmarks_pane_says_how_to_leave_and_to_quit() {
    let mut app = common::app(100, 30);
    press(&mut app, "'");
    let status = screen(&app).lines().last().unwrap().to_owned();
    assert!(status.contains("no bookmarks"), "{status}");
    assert!(status.trim_end().ends_with("Esc back  q quit"), "{status}");
}

#[test]
fn a_headline_cut_short_keeps_a_space_before_the_corner() {
    let mut app = common::app(60, 20);
    press(&mut app, "j Enter");
    let top = screen(&app).lines().next().unwrap().to_owned();
    assert!(top.ends_with("… ┐"), "{top}");
}

#[test]
fn alt_w_cycles_where_in_words_a_search_matches() {
    let mut app = common::app(100, 30);
    press(&mut app, "j Enter /");
    common::type_text(&mut app, "an");
    let count = |app: &common::Harness| app.reader().search().unwrap().matches.len();
    let start = count(&app);
    let status = screen(&app).lines().last().unwrap().to_owned();
    assert!(status.contains("Alt-w words: start"), "{status}");
    press(&mut app, "A-w");
    let whole = count(&app);
    assert!(
        screen(&app)
            .lines()
            .last()
            .unwrap()
            .contains("words: whole")
    );
    press(&mut app, "A-w");
    let anywhere = count(&app);
    assert!(
        0 < whole && whole < start && start < anywhere,
        "{whole} {start} {anywhere}"
    );
    // The setting stays for the next search, in the list too.
    press(&mut app, "Esc Esc /");
    common::type_text(&mut app, "oan");
    assert!(app.list_len() > 0, "inside “toàn”, anywhere");
    press(&mut app, "A-w");
    assert_eq!(app.list_len(), 0, "no word starts with “oan”");
}

#[test]
fn the_list_finds_words_in_any_order_and_the_reader_marks_each() {
    let mut app = common::app(100, 30);
    press(&mut app, "/");
    // Both articles hold “ước” and “công”, never as “ước công”.
    common::type_text(&mut app, "uoc cong");
    assert_eq!(app.list_len(), 2, "{}", screen(&app));
    press(&mut app, "Enter");
    let marked = app.reader().search().unwrap().matches.len();
    assert!(marked > 2, "each word marked: {marked}");
    // In the reader, several words are a phrase.
    press(&mut app, "Esc Esc Enter /");
    common::type_text(&mut app, "uoc cong");
    assert_eq!(app.reader().search().unwrap().matches.len(), 0);
}

#[test]
fn a_narrow_list_search_still_shows_how_it_matches() {
    let (_news, _data, mut app) = nested(60, 20);
    press(&mut app, "/");
    common::type_text(&mut app, "an");
    let status = screen(&app).lines().last().unwrap().to_owned();
    assert!(status.contains("w:start"), "{status}");
    press(&mut app, "A-w");
    let status = screen(&app).lines().last().unwrap().to_owned();
    assert!(status.contains("w:whole"), "{status}");
}

#[test]
fn what_a_search_flicks_past_is_not_read() {
    let mut app = common::app(100, 30);
    press(&mut app, "j Enter C-d");
    let before = app.percent_read();
    press(&mut app, "/");
    // Near the end of the article.
    common::type_text(&mut app, "nguon cam hung");
    assert!(app.reader().scroll() > 40, "the view went to the match");
    press(&mut app, "Esc");
    assert_eq!(app.percent_read(), before, "given up: nothing more read");
    press(&mut app, "/");
    common::type_text(&mut app, "nguon cam hung");
    press(&mut app, "Enter");
    assert!(
        app.percent_read() > before,
        "kept: where it stopped is read"
    );
}

#[test]
fn without_colour_a_match_on_the_selected_row_is_underlined() {
    let mut app = common::app(100, 30);
    press(&mut app, "/");
    common::type_text(&mut app, "thao");
    let buffer = common::draw_with(&app, &docbao::ui::Theme::plain())
        .backend()
        .buffer()
        .clone();
    // The selected result's title, on the first row of the list.
    let marked = (2..33).any(|x| {
        let cell = &buffer[(x, 1)];
        cell.modifier.contains(ratatui::style::Modifier::UNDERLINED)
            && cell.modifier.contains(ratatui::style::Modifier::REVERSED)
    });
    assert!(marked, "{}", common::styled(&app));
}
