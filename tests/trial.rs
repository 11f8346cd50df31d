//! What a new user's trial of the screen model found, one test each.

use crate::common;

use std::fs;
use std::path::Path;
use std::sync::Arc;

use common::{Harness, press, type_text};
use docbao::action::Action;
use docbao::app::Focus;
use docbao::catalog::Catalog;
use ratatui::style::Modifier;

fn folder_with(dir: &Path, files: &[(&str, &str)]) -> Arc<Catalog> {
    for (path, title) in files {
        let full = dir.join(path);
        fs::create_dir_all(full.parent().unwrap()).unwrap();
        let body = "Một đoạn văn khá dài để đọc. ".repeat(40);
        fs::write(
            &full,
            format!("date 2025-11-01 {title}\n\n{body}\n\nĐoạn hai.\n\nĐoạn ba."),
        )
        .unwrap();
    }
    Arc::new(Catalog::open(dir).unwrap())
}

fn status(app: &Harness) -> String {
    common::screen(app)
        .lines()
        .last()
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn the_same_id_in_another_folder_is_another_article() {
    let (one, two, data) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    let first = folder_with(one.path(), &[("a/bai.txt", "Bài A")]);
    let second = folder_with(two.path(), &[("a/bai.txt", "Một bài khác hẳn")]);
    assert_ne!(first.folder(), second.folder());
    let mut app = common::app_in(data.path(), first, 100, 30);
    press(&mut app, "Enter } m Enter G q");
    let app = common::app_in(data.path(), Arc::clone(&second), 100, 30);
    assert_eq!(app.bookmarks().count("a/bai"), 0);
    assert!(app.reading().articles.is_empty(), "{:?}", app.reading());
    assert_eq!(app.focus(), Focus::List, "nothing read here yet");
    let screen = common::screen(&app);
    assert!(
        !screen.contains("· read") && !screen.contains('✦'),
        "{screen}"
    );
    let mut app = app;
    press(&mut app, "'");
    assert!(common::screen(&app).contains("article not in this folder"));
}

#[test]
fn each_folder_comes_back_where_it_was_left() {
    let (one, two, data) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    let files: Vec<(String, String)> = (1..=6)
        .map(|n| (format!("bai-{n}.txt"), format!("Bài {n}")))
        .collect();
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let first = folder_with(one.path(), &refs);
    let second = folder_with(two.path(), &refs[..2]);
    let mut app = common::app_in(data.path(), Arc::clone(&first), 100, 30);
    press(&mut app, "j j j j Enter Space q");
    let left = app.article().unwrap().id.clone();
    let mut other = common::app_in(data.path(), second, 100, 30);
    press(&mut other, "q");
    let back = common::app_in(data.path(), first, 100, 30);
    assert_eq!(back.article().unwrap().id, left);
    assert_eq!(back.focus(), Focus::Reader);
}

#[test]
fn the_match_counter_shows_in_the_reader_only() {
    let mut app = common::app(100, 30);
    press(&mut app, "Enter /");
    type_text(&mut app, "đại biểu");
    press(&mut app, "Enter");
    assert!(status(&app).contains("1/3"), "{}", status(&app));
    for script in ["'", "Esc !", "Esc Esc"] {
        press(&mut app, script);
        assert!(!status(&app).contains("/3"), "{script}: {}", status(&app));
    }
    press(&mut app, "Enter /");
    assert!(
        !status(&app).contains("/3"),
        "an empty prompt counts nothing"
    );
}

#[test]
fn a_bookmarks_passage_is_not_drawn_as_a_match() {
    let theme = docbao::ui::Theme::dark();
    assert_ne!(theme.passage, theme.matched);
    assert_ne!(theme.passage, theme.selection);
    let plain = docbao::ui::Theme::plain();
    assert_ne!(plain.passage, plain.matched);
    assert_ne!(plain.passage, plain.selection);
}

#[test]
fn shrinking_and_growing_the_window_gives_the_list_back_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    common::nested::generate(dir.path());
    let catalog = Arc::new(Catalog::open(dir.path()).unwrap());
    let mut app = common::app_with(catalog, 100, 30);
    press(&mut app, "j j");
    for (width, height) in [(100, 5), (30, 8), (100, 30)] {
        app.act(Action::Resize { width, height });
    }
    assert_eq!((app.list().offset(), app.selected()), (0, 2));
    press(&mut app, "j");
    assert_eq!(app.list().offset(), 0, "moving on keeps it");
}

#[test]
fn a_heading_is_styled_as_far_as_its_words_and_no_further() {
    let mut app = common::app(100, 60);
    press(&mut app, "j Enter");
    let terminal = common::draw(&app);
    let buffer = terminal.backend().buffer();
    let rows = common::rows(buffer);
    let y = rows
        .iter()
        .position(|r| r.contains("Công ước Hà Nội gửi đi 3 thông điệp"))
        .expect("the heading on screen");
    let underlined: Vec<u16> = (0..buffer.area.width)
        .filter(|&x| {
            buffer[(x, y as u16)]
                .modifier
                .contains(Modifier::UNDERLINED)
        })
        .collect();
    let text_columns = common::columns("Công ước Hà Nội gửi đi 3 thông điệp rõ ràng");
    assert_eq!(underlined.len(), text_columns, "{underlined:?}");
}

#[test]
fn the_gutter_stays_beside_the_text_on_a_wide_screen() {
    let mut app = common::app(220, 30);
    press(&mut app, "j Enter");
    let rows = common::rows(common::draw(&app).backend().buffer());
    let row = rows.iter().find(|r| r.contains('▐')).expect("the cursor");
    let cursor = row.find('▐').unwrap();
    let text = row[cursor..].trim_start_matches(['▐', ' ', '✦']);
    let gap = common::columns(&row[cursor..]) - common::columns(text);
    assert!(
        gap <= 3,
        "{gap} columns between the cursor and its text: {row}"
    );
}

#[test]
fn the_list_says_how_much_of_the_selected_article_was_read() {
    let mut app = common::app(100, 30);
    press(&mut app, "j Enter G Esc");
    assert!(
        status(&app).contains("article 2 of 2 · read"),
        "{}",
        status(&app)
    );
}

#[test]
fn statuses_and_messages_say_what_is_there() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = common::app_in(dir.path(), common::bundled(), 100, 30);
    press(&mut app, "Enter m Enter ' /");
    type_text(&mut app, "khongco");
    press(&mut app, "Enter");
    assert!(
        status(&app).contains("no bookmark matches"),
        "{}",
        status(&app)
    );
    let screen = common::screen(&app);
    assert!(screen.contains("│ No bookmark matches"), "padded: {screen}");
    // The problems view says each problem once.
    let bad = tempfile::tempdir().unwrap();
    fs::write(bad.path().join("empty.txt"), "  \n\n").unwrap();
    fs::write(bad.path().join("real.txt"), "date 2025-01-01 Thật\n\nx").unwrap();
    let mut app = common::app_with(Arc::new(Catalog::open(bad.path()).unwrap()), 60, 20);
    press(&mut app, "!");
    let screen = common::screen(&app);
    assert_eq!(screen.matches("skipped").count(), 1, "{screen}");
    assert!(!status(&app).contains("(! shows why)"), "{}", status(&app));
}

fn docbao(args: &[&str], data: &Path) -> std::process::Output {
    common::docbao(data)
        .args(args)
        .env("DOCBAO_DATA_DIR", data)
        .current_dir(data)
        .output()
        .unwrap()
}

#[test]
fn misspelt_commands_are_named_whatever_follows_them() {
    let dir = tempfile::tempdir().unwrap();
    for (args, meant) in [
        (&["serach", "hòa bình"][..], "search"),
        (&["shwo", "a/bai", "news"][..], "show"),
        (&["bookmark", "--json"][..], "bookmarks"),
    ] {
        let out = docbao(args, dir.path());
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(&format!("`docbao {meant}`")), "{err}");
    }
}

#[test]
fn warnings_go_to_stderr_and_bookmarks_print_cleanly() {
    use docbao::bookmarks::{Bookmark, BookmarkStore, Change};
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("news");
    fs::create_dir_all(&folder).unwrap();
    let mut bytes = b"date 2025-01-01 Hong\n\nmot ".to_vec();
    bytes.push(0xFF);
    bytes.extend(b" hai");
    fs::write(folder.join("hong.txt"), bytes).unwrap();
    let out = docbao(&["list", "news"], dir.path());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("hong.txt: not UTF-8"), "{err}");

    let catalog = common::bundled();
    let article = &catalog
        .article(catalog.find("004_f5d5699ebfe6bbe1").unwrap().0)
        .unwrap();
    let range = article.blocks[1].range.start..article.blocks[3].range.end;
    assert!(
        article.text[range.clone()].contains("\n\n\n"),
        "paragraphs apart by blank lines"
    );
    let mut bookmark = Bookmark::new(catalog.folder(), article, range);
    bookmark.note = "Một ghi chú rất dài để kiểm tra xem lời nhắc có cuộn đúng cách hay không khi vượt quá chiều rộng".into();
    let mut store = BookmarkStore::open(dir.path()).unwrap();
    store.apply(Change::Add(bookmark)).unwrap();
    let plain = String::from_utf8(docbao(&["bookmarks"], dir.path()).stdout).unwrap();
    assert_eq!(plain.matches('—').count(), 1, "{plain}");
    let markdown =
        String::from_utf8(docbao(&["bookmarks", "--markdown"], dir.path()).stdout).unwrap();
    assert!(
        !markdown.contains(">\n>\n") && !markdown.contains("> \n"),
        "{markdown}"
    );
    assert_eq!(
        markdown.matches(">\n").count(),
        2,
        "one line between paragraphs: {markdown}"
    );
}

// What a second trial found.

#[test]
fn the_help_counts_lines() {
    let mut app = common::app(100, 30);
    press(&mut app, "?");
    assert!(common::screen(&app).contains("Keys · lines 1–"));
}

#[test]
fn matches_show_inside_a_highlighted_passage() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = common::app_in(dir.path(), common::bundled(), 100, 40);
    // Bookmark the caption that names Guterres, open it from the pane, then search in it.
    press(&mut app, "j Enter } } m Enter ' Enter /");
    type_text(&mut app, "Guterres");
    press(&mut app, "Enter");
    assert!(app.reader().flash().is_some(), "the passage is highlighted");
    let current = docbao::ui::Theme::plain().current_match.add_modifier;
    let terminal = common::draw(&app);
    let buffer = terminal.backend().buffer();
    let drawn: String = buffer
        .content()
        .iter()
        .filter(|c| c.modifier.contains(current))
        .map(|c| c.symbol())
        .collect();
    assert_eq!(drawn, "Guterres", "the current match is drawn as one");
}

#[test]
fn stepping_back_to_a_match_takes_the_passage_cursor_with_it() {
    let mut app = common::app(60, 20);
    press(&mut app, "j Enter /");
    type_text(&mut app, "an ninh");
    press(&mut app, "Enter n n N");
    let found = app.reader().search().unwrap();
    let at = found.matches[found.current.unwrap()].start;
    let article = app.article().unwrap();
    let block = &article.blocks[app.reader().cursor()];
    assert!(
        block.range.contains(&at),
        "the cursor is on the match's paragraph"
    );
}

#[test]
fn one_file_opened_alone_keeps_what_its_folder_saw() {
    let (news, data) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let folder = folder_with(
        news.path(),
        &[("a/bai.txt", "Bài A"), ("b/bai.txt", "Bài B")],
    );
    let mut app = common::app_in(data.path(), folder, 100, 30);
    press(&mut app, "Enter } m Enter G q");
    let alone = Arc::new(Catalog::open(&news.path().join("a/bai.txt")).unwrap());
    let mut app = common::app_in(data.path(), alone, 100, 30);
    assert_eq!(app.bookmarks().count("bai"), 1, "the same file's bookmark");
    assert!(app.reading().articles["bai"].read, "and its reading");
    press(&mut app, "' Enter");
    assert!(app.reader().flash().is_some(), "{:?}", app.note());
}

#[test]
fn read_is_read_in_the_reader_too() {
    let mut app = common::app(100, 30);
    press(&mut app, "j Enter G");
    assert!(
        status(&app).contains("article 2 of 2 · read"),
        "{}",
        status(&app)
    );
}

#[test]
fn warnings_are_counted_in_the_status_line() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("ok.txt"), "date 2025-01-02 Tốt\n\nMột.").unwrap();
    let mut bytes = b"date 2025-01-01 Hong\n\nmot ".to_vec();
    bytes.push(0xFF);
    fs::write(dir.path().join("hong.txt"), bytes).unwrap();
    fs::write(dir.path().join("empty.txt"), "").unwrap();
    let mut app = common::app_with(Arc::new(Catalog::open(dir.path()).unwrap()), 120, 30);
    let line = status(&app);
    assert!(
        line.contains("1 file skipped, 1 article read with a warning (! shows why)"),
        "{line}"
    );
    press(&mut app, "j");
    assert!(status(&app).contains("⚠ not UTF-8"), "{}", status(&app));
}

#[test]
fn a_narrow_prompt_still_says_how_it_matches() {
    let mut app = common::app(60, 20);
    press(&mut app, "Enter / A-c");
    type_text(&mut app, "Hội");
    assert!(
        status(&app).contains("case:match accents:smart words:start"),
        "{}",
        status(&app)
    );
}

#[test]
fn a_narrow_list_keeps_what_is_yours_and_cuts_the_reading_time() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = common::app_in(dir.path(), common::bundled(), 80, 20);
    press(&mut app, "j Enter m Enter Space Esc");
    let screen = common::screen(&app);
    let row = screen
        .lines()
        .find(|l| l.contains("1✦"))
        .unwrap_or_default();
    assert!(row.contains('%') && row.contains("1✦"), "{screen}");
}

#[test]
fn argument_errors_are_one_line() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["search"][..],
        &["bookmarks", "--jsn"],
        &["show", "x", "--width", "0"],
    ] {
        let out = docbao(args, dir.path());
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.starts_with("docbao: "), "{err}");
    }
}

#[test]
fn the_bookmarks_pane_reopens_on_the_bookmark_chosen_last_and_markdown_has_dates() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = common::app_in(dir.path(), common::bundled(), 100, 30);
    press(&mut app, "j Enter m Enter } } m Enter ' j Enter '");
    let pane = app.screen().bookmarks_pane().unwrap();
    assert_eq!(pane.cursor(), 1);
    let markdown =
        String::from_utf8(docbao(&["bookmarks", "--markdown"], dir.path()).stdout).unwrap();
    assert!(markdown.contains("(2025-10-26)"), "{markdown}");
}

#[test]
fn counts_are_written_alike_in_the_prompt_and_the_title() {
    let sources = (0..1200).map(|i| {
        let path = std::path::PathBuf::from(format!("bai-{i:04}.txt"));
        let text = format!("date 2025-01-01 Bài {i}\n\nTin mới số {i}.\n");
        (path, Ok(text.into_bytes()))
    });
    let catalog = Arc::new(Catalog::from_sources(sources, "test".to_owned()));
    let mut app = common::app_with(catalog, 100, 30);
    press(&mut app, "/");
    type_text(&mut app, "tin moi");
    let screen = common::screen(&app);
    assert!(status(&app).contains("1 200 articles"), "{}", status(&app));
    assert!(screen.contains("1 200 of 1 200"), "{screen}");
    assert!(!screen.contains("1200"), "{screen}");
    // Word counts too, in the reader and from `show`.
    let body = "chữ ".repeat(1500);
    let long = [(
        std::path::PathBuf::from("dai.txt"),
        Ok(format!("date 2025-01-01 Bài dài\n\n{body}\n").into_bytes()),
    )];
    let catalog = Arc::new(Catalog::from_sources(long, "test".to_owned()));
    let app = common::app_with(catalog, 100, 30);
    let screen = common::screen(&app);
    assert!(screen.contains("1 502 words"), "{screen}");
}

#[test]
fn a_long_query_keeps_its_room_and_says_where_it_is_cut() {
    for width in [100, 60] {
        let mut app = common::app(width, 20);
        press(&mut app, "/");
        // The query the trial typed: shown whole, a space before the count.
        type_text(&mut app, "ong uoc ha noi");
        assert!(
            status(&app).starts_with("/ong uoc ha noi "),
            "{}",
            status(&app)
        );
        type_text(&mut app, " thu tuong");
        let line = status(&app);
        assert!(line.starts_with("/ong uoc ha noi thu tuong "), "{line}");
        assert!(line.contains("article"), "{line}");
        // Longer than its room: scrolled, `…` where it was cut, the cursor's end in view.
        type_text(&mut app, " cong uoc ha noi thu tuong ha noi viet nam");
        let line = status(&app);
        assert!(line.starts_with("/…"), "{line}");
        assert!(line.contains("viet nam "), "{line}");
        assert!(line.contains("article"), "{line}");
        assert!(
            docbao::text::str_width(&line) <= usize::from(width),
            "{line}"
        );
        // From its start: cut at its end, and still a space before the count.
        press(&mut app, "Home");
        let line = status(&app);
        assert!(line.starts_with("/ong uoc ha noi thu tuong"), "{line}");
        assert!(line.contains("… "), "{line}");
    }
}

#[test]
fn counts_past_the_cap_read_alike_whether_accents_matter_or_not() {
    let body = "Đà Nẵng đón đoàn đại biểu. ".repeat(60);
    let sources = [("a.txt", format!("date 2025-10-01 Tin\n\n{body}\n"))]
        .into_iter()
        .map(|(name, text)| (std::path::PathBuf::from(name), Ok(text.into_bytes())));
    let catalog = std::sync::Arc::new(docbao::catalog::Catalog::from_sources(
        sources,
        "test".to_owned(),
    ));
    for query in ["đ", "d"] {
        let dir = tempfile::tempdir().unwrap();
        let mut app = common::app_in(dir.path(), catalog.clone(), 100, 30);
        press(&mut app, "/");
        type_text(&mut app, query);
        let screen = common::screen(&app);
        let cap = docbao::search::COUNT_CAP;
        assert!(screen.contains(&format!(" {cap}+× ")), "{query}: {screen}");
    }
}

#[test]
fn the_excerpt_shows_the_phrase_the_article_ranked_for() {
    // A word of the query early in the paragraph, the whole phrase much later in it.
    let filler = "Các đại biểu thảo luận về an ninh mạng và hợp tác quốc tế. ".repeat(4);
    let text = format!(
        "date 2025-10-01 Các đại biểu\n\nCông tác chuẩn bị đã xong. {filler}Lễ mở ký Công ước Hà Nội diễn ra hôm nay.\n"
    );
    let sources = [(std::path::PathBuf::from("a.txt"), Ok(text.into_bytes()))];
    let catalog = std::sync::Arc::new(docbao::catalog::Catalog::from_sources(
        sources,
        "test".to_owned(),
    ));
    for width in [100, 60] {
        let dir = tempfile::tempdir().unwrap();
        let mut app = common::app_in(dir.path(), catalog.clone(), width, 20);
        press(&mut app, "/");
        type_text(&mut app, "cong uoc ha noi");
        let screen = common::screen(&app);
        assert!(screen.contains("Công ước Hà Nội"), "{screen}");
    }
}

#[test]
fn the_unread_count_is_said_whole_or_not_at_all() {
    let mut seen_whole = false;
    for width in 30..=110 {
        for keys in ["j", "Enter }", "Enter n"] {
            let mut app = common::app(width, 20);
            press(&mut app, keys);
            let line = status(&app);
            let cut = line.contains("unr") && !line.contains("unread");
            assert!(
                !cut && !line.contains("unread…"),
                "{width}, {keys}: {line:?}"
            );
            seen_whole |= line.contains(" unread");
        }
    }
    assert!(seen_whole, "said somewhere");
}
