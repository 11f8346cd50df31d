//! The list of a nested folder: articles under their folders' headers, newest section first,
//! sections folded and stepped through, and long titles on two rows.

use crate::common;

use common::{press, screen};
use docbao::app::Focus;

/// The nested fixture, opened.
fn nested(width: u16, height: u16) -> (tempfile::TempDir, common::Harness) {
    let news = tempfile::tempdir().unwrap();
    common::nested::generate(news.path());
    let catalog = std::sync::Arc::new(docbao::catalog::Catalog::open(news.path()).unwrap());
    let app = common::app_with(catalog, width, height);
    (news, app)
}

/// The sections in list order, as their headers name them, with their counts.
fn sections(app: &common::Harness) -> Vec<(String, usize)> {
    (0..app.list_len())
        .filter_map(|p| app.shown_entry(p, false)?.header.cloned())
        .map(|s| (s.name, s.count))
        .collect()
}

/// The folder of the selected article.
fn folder(app: &common::Harness) -> String {
    let id = &app.entry().unwrap().id;
    docbao::catalog::sections::folder_of(id).to_owned()
}

#[test]
fn a_nested_folder_is_listed_in_sections_newest_first() {
    let (news, app) = nested(100, 30);
    let mut expected: Vec<(String, usize)> = (20..=27)
        .rev()
        .map(|day| (format!("2025/10/{day}"), 4))
        .collect();
    // Of one date, by name; the top of the folder after its subfolders.
    for (name, count) in [("kinh-te", 6), ("the-gioi", 6), ("b", 1), ("a", 1), ("", 2)] {
        expected.push((name.to_owned(), count));
    }
    assert_eq!(sections(&app), expected);
    assert_eq!(app.list_position(), Some(0), "the list's first is selected");
    assert_eq!(folder(&app), "2025/10/27");
    let text = screen(&app);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[1].starts_with("│▾ 2025/10/27 · 4 "), "{text}");
    // Every article is listed once.
    let mut listed: Vec<usize> = (0..app.list_len())
        .filter_map(|p| app.list_entry(p))
        .collect();
    listed.sort_unstable();
    assert_eq!(
        listed,
        (0..app.catalog().entries().len()).collect::<Vec<_>>()
    );
    // The top of the folder is headed by the folder's own name.
    let mut app = app;
    press(&mut app, "G");
    let name = news
        .path()
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(
        screen(&app).contains(&format!("▾ {name} · 2")),
        "{}",
        screen(&app)
    );
}

#[test]
fn a_flat_folder_has_no_section_headers() {
    let app = common::app(100, 30);
    assert!(sections(&app).is_empty());
    assert!(!screen(&app).contains('▾'));
}

#[test]
fn the_section_headers_are_styled_as_headings() {
    let (_news, app) = nested(100, 30);
    let buffer = common::draw_with(&app, &docbao::ui::Theme::dark())
        .backend()
        .buffer()
        .clone();
    assert_eq!(buffer[(1, 1)].symbol(), "▾");
    assert_eq!(
        buffer[(3, 1)].fg,
        docbao::ui::Theme::dark().heading.fg.unwrap(),
        "{:?}",
        buffer[(3, 1)]
    );
    assert_eq!(
        buffer[(3, 2)].bg,
        docbao::ui::Theme::dark().selected.bg.unwrap(),
        "the selected article below it"
    );
}

#[test]
fn z_folds_a_section_to_its_header_and_braces_step_between_sections() {
    let (_news, mut app) = nested(100, 30);
    let total = app.list_len();
    let newest = app.list_entry(0).unwrap();
    press(&mut app, "j z");
    assert_eq!(app.list_len(), total - 3, "four articles, one header");
    assert_eq!(folder(&app), "2025/10/27");
    assert_eq!(
        app.selected(),
        newest,
        "a folded section stands for its newest"
    );
    assert_eq!(app.list_position(), Some(0));
    let text = screen(&app);
    assert!(
        text.lines()
            .nth(1)
            .unwrap()
            .starts_with("│▸ 2025/10/27 · 4 "),
        "{text}"
    );
    assert!(text.contains("▾ 2025/10/26 · 4"), "{text}");
    // The folded header is one entry: the next key goes to the next section.
    press(&mut app, "j");
    assert_eq!(folder(&app), "2025/10/26");
    press(&mut app, "j j }");
    assert_eq!(folder(&app), "2025/10/25");
    assert_eq!(app.list_position(), Some(1 + 4));
    press(&mut app, "j {");
    assert_eq!(
        app.list_position(),
        Some(1 + 4),
        "back to the start of this section"
    );
    press(&mut app, "{ {");
    assert_eq!(app.list_position(), Some(0), "the folded section");
    press(&mut app, "{");
    assert_eq!(app.note(), Some("this is the first section"));
    // Enter on a folded section reads its newest article; z there unfolds it.
    press(&mut app, "Enter");
    assert_eq!(app.focus(), Focus::Reader);
    assert_eq!(app.selected(), newest);
    press(&mut app, "Esc z");
    assert_eq!(app.list_len(), total);
    press(&mut app, "G }");
    assert_eq!(app.note(), Some("this is the last section"));
}

#[test]
fn sections_are_in_the_unread_view_too_and_not_in_search_results() {
    let (_news, mut app) = nested(100, 30);
    press(&mut app, "r j r u");
    assert_eq!(
        sections(&app)[0],
        ("2025/10/27".to_owned(), 3),
        "one read, one selected"
    );
    press(&mut app, "/");
    common::type_text(&mut app, "bai so");
    assert!(app.list_len() > 10);
    assert!(
        sections(&app).is_empty(),
        "results are ranked, not in folders"
    );
    assert!(!screen(&app).contains('▾'));
}

#[test]
fn braces_say_so_in_a_flat_folder() {
    let mut app = common::app(100, 30);
    press(&mut app, "}");
    assert_eq!(app.note(), Some("this folder has no sections"));
    press(&mut app, "z");
    assert_eq!(app.note(), Some("this folder has no sections"));
}

#[test]
fn a_long_title_takes_two_rows_and_a_match_is_marked_on_the_second() {
    for (width, height) in [(100, 30), (80, 24)] {
        let (_news, mut app) = nested(width, height);
        let title = app.entry().unwrap().title.clone();
        let room = app.list_inner().0 - 1;
        assert!(
            docbao::text::str_width(&title) > room,
            "{title} fits {room}"
        );
        let (first, rest) = docbao::text::wrap::two_rows(&title, room);
        let rest = rest.unwrap();
        let text = screen(&app);
        let lines: Vec<&str> = text.lines().collect();
        assert!(
            lines[2].starts_with(&format!("│•{}", &title[first])),
            "{text}"
        );
        assert!(
            lines[3].starts_with(&format!("│ {}", &title[rest.clone()])),
            "{text}"
        );
        // The last word of the title, searched: marked where the second row draws it.
        let word = title[rest].split(' ').next_back().unwrap().to_owned();
        press(&mut app, "/");
        common::type_text(&mut app, &word);
        press(&mut app, "Enter Esc");
        assert_eq!(app.list().hits().unwrap().hits[0].index, app.selected());
        let buffer = common::draw_with(&app, &docbao::ui::Theme::dark())
            .backend()
            .buffer()
            .clone();
        let row = (1..u16::try_from(lines.len()).unwrap())
            .find(|&y| {
                let line: String = (2..40)
                    .map(|x| buffer[(x, y)].symbol().to_owned())
                    .collect();
                line.contains(&word)
            })
            .unwrap();
        let marked = (2..app.list_inner().0 as u16)
            .filter(|&x| buffer[(x, row)].bg == docbao::ui::Theme::dark().matched.bg.unwrap())
            .count();
        assert_eq!(marked, docbao::text::str_width(&word), "{width}x{height}");
    }
}

/// The section headers as drawn, in list order.
fn headers(app: &common::Harness) -> Vec<String> {
    screen(app)
        .lines()
        .filter(|l| l.contains('▾') || l.contains('▸'))
        .map(|l| l.trim_start_matches('│').trim().to_owned())
        .collect()
}

#[test]
fn a_section_is_marked_read_at_once_and_its_header_counts_the_unread() {
    let (_news, mut app) = nested(100, 40);
    let first = headers(&app)[0].clone();
    assert!(first.contains("· 4 · 4 unread"), "{first}");
    let unread = app.unread();
    press(&mut app, "A");
    assert_eq!(app.unread(), unread - 4);
    assert!(!headers(&app)[0].contains("unread"), "{:?}", headers(&app));
    assert!(
        app.note()
            .unwrap()
            .contains("4 articles of 2025/10/27 marked read"),
        "{:?}",
        app.note()
    );
    // Again, when all are read: unread again.
    press(&mut app, "A");
    assert_eq!(app.unread(), unread);
    assert!(headers(&app)[0].contains("4 unread"));
    // r on a folded section's header marks the whole section.
    press(&mut app, "z r");
    assert_eq!(app.unread(), unread - 4);
    press(&mut app, "r");
    assert_eq!(app.unread(), unread);
}

#[test]
fn everything_is_marked_read_only_when_asked_twice_in_a_row() {
    let (_news, mut app) = nested(100, 30);
    let unread = app.unread();
    assert!(unread > 40);
    press(&mut app, "C");
    assert_eq!(app.unread(), unread, "asked once: nothing yet");
    assert!(
        app.note().unwrap().contains("C again marks all"),
        "{:?}",
        app.note()
    );
    press(&mut app, "j C");
    assert_eq!(app.unread(), unread, "another key between: asked again");
    press(&mut app, "C");
    assert_eq!(app.unread(), 0);
    press(&mut app, "C");
    assert_eq!(app.note(), Some("nothing unread"));
}

#[test]
fn the_status_counts_articles_as_the_title_does_with_a_section_folded() {
    let (_news, mut app) = nested(100, 30);
    press(&mut app, "z j");
    let text = screen(&app);
    assert!(text.contains("Articles (48)"), "{text}");
    let status = text.lines().last().unwrap().to_owned();
    // The folded section stands for its 4 articles: the next one is the 5th of 48.
    assert!(status.contains("article 5 of 48"), "{status}");
}
