//! The defects a new user met, one test each, written before the fixes.

use crate::common;

use std::fs;
use std::path::Path;
use std::sync::Arc;

use common::{Harness, bundled, press, type_text};
use docbao::action::Action;
use docbao::app::{Mode, Screen};
use docbao::bookmarks::BookmarkStore;
use docbao::catalog::Catalog;
use docbao::i18n::{Lang, Say};
use docbao::state::StateStore;
use docbao::ui::Theme;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

fn app_in(dir: &Path, catalog: Arc<Catalog>, width: u16, height: u16) -> Harness {
    common::app_in(dir, catalog, width, height)
}

fn buffer(app: &Harness, theme: &Theme) -> Buffer {
    common::draw_with(app, theme).backend().buffer().clone()
}

/// The cells of the row holding `needle`, from the column where it starts to its end.
fn row_cells(buffer: &Buffer, needle: &str) -> Vec<ratatui::buffer::Cell> {
    for y in 0..buffer.area.height {
        let row: String = (0..buffer.area.width)
            .map(|x| buffer[(x, y)].symbol())
            .collect();
        if let Some(at) = row.find(needle) {
            let column = unicode_width::UnicodeWidthStr::width(&row[..at]) as u16;
            let width = unicode_width::UnicodeWidthStr::width(needle) as u16;
            return (column..column + width)
                .map(|x| buffer[(x, y)].clone())
                .collect();
        }
    }
    panic!("no row holds {needle:?}");
}

#[test]
fn d01_titles_headings_and_captions_keep_their_style_on_every_row() {
    let mut app = common::app(100, 60);
    press(&mut app, "j Enter");
    let colour = buffer(&app, &Theme::dark());
    // The reader's title row, not the pane's border, which names the headline too.
    for cell in row_cells(&colour, "lòng tin giữa các quốc") {
        assert_eq!(
            cell.fg,
            Theme::dark().title.fg.unwrap(),
            "title colour: {cell:?}"
        );
        assert!(cell.modifier.contains(Modifier::BOLD), "{cell:?}");
    }
    for cell in row_cells(&colour, "Công ước Hà Nội gửi đi 3 thông điệp") {
        assert_eq!(
            cell.fg,
            Theme::dark().heading.fg.unwrap(),
            "heading colour: {cell:?}"
        );
    }
    for cell in row_cells(&colour, "Chủ tịch nước Lương Cường và Tổng thư ký") {
        assert!(
            cell.modifier.contains(Modifier::ITALIC),
            "caption: {cell:?}"
        );
    }
    let plain = buffer(&app, &Theme::plain());
    for cell in row_cells(&plain, "lòng tin giữa các quốc") {
        assert!(
            cell.modifier.contains(Modifier::BOLD),
            "NO_COLOR title: {cell:?}"
        );
    }
}

#[test]
fn d02_reading_to_the_end_counts_as_read() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path(), bundled(), 100, 30);
    press(&mut app, "j Enter G Esc k");
    let id = "000_187bee9378cff2a5";
    let position = app.reading().articles.get(id).cloned().unwrap();
    assert_eq!((position.percent, position.read), (100, true));
    // However the article is left, and at either size.
    for (width, height) in [(100, 30), (60, 20)] {
        for leave in ["Esc k", "q", "[", "Tab k", "' Esc Esc k"] {
            let dir = tempfile::tempdir().unwrap();
            let mut app = app_in(dir.path(), bundled(), width, height);
            press(&mut app, "j Enter G");
            press(&mut app, leave);
            press(&mut app, "q");
            let saved = StateStore::open(dir.path(), bundled().folder()).unwrap();
            let position = saved.state.articles.get(id).cloned().unwrap();
            assert_eq!(
                (position.percent, position.read),
                (100, true),
                "{leave} at {width}x{height}"
            );
        }
    }
    // While reading, the list's figure follows.
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path(), bundled(), 100, 30);
    press(&mut app, "j Enter Space");
    let screen = common::screen(&app);
    let row = screen.lines().find(|l| l.contains("· 7 min")).unwrap();
    assert!(row[..row.find("││").unwrap()].contains('%'), "{row}");
}

#[test]
fn d03_same_file_names_in_different_folders_get_different_ids() {
    let dir = tempfile::tempdir().unwrap();
    let written = common::nested::generate(dir.path());
    let catalog = Catalog::open(dir.path()).unwrap();
    let mut ids: Vec<&str> = catalog.entries().iter().map(|a| a.id.as_str()).collect();
    ids.sort();
    let mut expected: Vec<&str> = written.iter().map(|g| g.id.as_str()).collect();
    expected.sort();
    assert_eq!(ids, expected);
    let out = common::docbao(dir.path())
        .args(["show", "b/bai"])
        .arg(dir.path())
        .output()
        .unwrap();
    let shown = String::from_utf8_lossy(&out.stdout);
    let title = &written.iter().find(|g| g.id == "b/bai").unwrap().title;
    assert!(shown.contains(title.as_str()), "{shown}");
    let single = Catalog::open(&dir.path().join("a/bai.txt")).unwrap();
    assert_eq!(single.entries()[0].id, "bai");
}

#[test]
fn d03_data_kept_under_an_old_id_moves_to_the_new_one_when_it_can() {
    use docbao::bookmarks::{Bookmark, Change};
    use docbao::state::Position;
    let folder = tempfile::tempdir().unwrap();
    let put = |path: &str, title: &str| {
        let full = folder.path().join(path);
        fs::create_dir_all(full.parent().unwrap()).unwrap();
        fs::write(
            &full,
            format!("date 2025-10-26 {title}\n\nMột đoạn.\n\nHai đoạn."),
        )
        .unwrap();
    };
    put("2025/10/26/index.txt", "Mục lục");
    put("a/bai.txt", "Bài A");
    put("b/bai.txt", "Bài B");
    let catalog = Arc::new(Catalog::open(folder.path()).unwrap());
    // Data as an earlier docbao kept it: ids were file names, and no folder was said.
    let data = tempfile::tempdir().unwrap();
    let mut store = BookmarkStore::open(data.path()).unwrap();
    let mut positions = serde_json::Map::new();
    let mut old = |id: &str, file: &str| {
        let article = &catalog
            .article(catalog.find(file).map(|(i, _)| i).unwrap())
            .unwrap();
        let mut bookmark = Bookmark::new("", article, article.blocks[0].range.clone());
        bookmark.article = id.to_owned();
        store.apply(Change::Add(bookmark.clone())).unwrap();
        let position = serde_json::to_value(Position::at(article, 1, 50)).unwrap();
        positions.insert(id.to_owned(), position);
        bookmark
    };
    let index = old("index", "2025/10/26/index");
    let in_a = old("bai", "a/bai");
    let mut elsewhere = in_a.clone();
    elsewhere.id = "elsewhere".into();
    elsewhere.path = "/some/other/folder/bai.txt".into();
    store.apply(Change::Add(elsewhere)).unwrap();
    let version_1 = serde_json::json!({"version": 1, "last": null, "articles": positions});
    fs::write(data.path().join("state.json"), version_1.to_string()).unwrap();

    let app = app_in(data.path(), Arc::clone(&catalog), 100, 30);
    let article_of = |id: &str| {
        let store = BookmarkStore::open(data.path()).unwrap();
        store
            .all()
            .iter()
            .find(|b| b.id == id)
            .unwrap()
            .article
            .clone()
    };
    assert_eq!(
        article_of(&index.id),
        "2025/10/26/index",
        "one file of that name"
    );
    assert_eq!(article_of(&in_a.id), "a/bai", "the path says which");
    assert_eq!(article_of("elsewhere"), "bai", "kept as it was");
    let saved = StateStore::open(data.path(), catalog.folder()).unwrap();
    assert!(saved.state.articles.contains_key("2025/10/26/index"));
    assert!(
        saved.unclaimed().articles.contains_key("bai"),
        "two files are named bai: kept"
    );
    assert!(!saved.unclaimed().articles.contains_key("index"));
    assert!(!saved.state.articles.contains_key("bai"));
    let told = app.note().unwrap_or_default();
    assert!(told.contains("“bai”") && told.contains("kept"), "{told}");
}

#[test]
fn d04_decomposed_typing_finds_what_precomposed_finds() {
    use unicode_normalization::UnicodeNormalization;
    let count = |text: &str| {
        let mut app = common::app(100, 30);
        press(&mut app, "j Enter /");
        type_text(&mut app, text);
        app.reader().search().map_or(0, |s| s.matches.len())
    };
    let nfc = count("Chủ tịch");
    assert!(nfc > 0);
    assert_eq!(count(&"Chủ tịch".nfd().collect::<String>()), nfc);
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path(), bundled(), 100, 30);
    press(&mut app, "j Enter m");
    type_text(&mut app, &"ghi chú đầu tiên".nfd().collect::<String>());
    press(&mut app, "Enter");
    assert_eq!(app.bookmarks().all()[0].note, "ghi chú đầu tiên");
    let saved = BookmarkStore::open(dir.path()).unwrap();
    assert_eq!(
        saved.all()[0].note,
        "ghi chú đầu tiên",
        "stored precomposed"
    );
}

#[test]
fn d05_messages_say_what_happened() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path(), bundled(), 100, 30);
    press(&mut app, "j Enter m Esc");
    assert!(
        app.bookmarks().all().is_empty(),
        "Esc cancels a new bookmark"
    );
    assert!(BookmarkStore::open(dir.path()).unwrap().all().is_empty());
    assert!(
        app.note().unwrap_or("").contains("cancel"),
        "{:?}",
        app.note()
    );
    press(&mut app, "m Enter");
    assert_eq!(
        app.bookmarks().all().len(),
        1,
        "Enter on an empty note saves"
    );
    press(&mut app, "} m");
    type_text(&mut app, "ghi");
    press(&mut app, "Enter ' e Esc");
    let note = app.note().unwrap_or_default().to_owned();
    assert!(!note.contains("without a note"), "{note}");
    assert!(note.contains("unchanged"), "{note}");
}

#[test]
fn d06_reopening_shows_exactly_the_paragraph_that_was_at_the_top() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path(), bundled(), 100, 30);
    press(&mut app, "j Enter j q");
    let again = app_in(dir.path(), bundled(), 100, 30);
    assert_eq!(
        again.reader().scroll(),
        0,
        "the first paragraph: the top of the article"
    );
    let mut app = app_in(dir.path(), bundled(), 100, 30);
    press(&mut app, "} } } } k");
    let page = app.reader().page().unwrap().clone();
    // The top row is the blank row before paragraph 4: it comes back at the top, the rows as
    // they were (issue 20: "the position comes back at the row").
    assert_eq!(app.reader().scroll(), page.block_start(4) - 1);
    press(&mut app, "q");
    let again = app_in(dir.path(), bundled(), 100, 30);
    assert_eq!(again.reader().scroll(), page.block_start(4) - 1);
}

#[test]
fn d07_growing_the_window_brings_the_first_articles_back() {
    let mut app = common::app(100, 30);
    press(&mut app, "j");
    app.act(Action::Resize {
        width: 100,
        height: 5,
    });
    assert_eq!(
        app.list().offset(),
        1,
        "a list of one row shows the selected article"
    );
    app.act(Action::Resize {
        width: 100,
        height: 30,
    });
    assert_eq!(app.list().offset(), 0);
    // A longer list, scrolled to its end, then shrunk and grown.
    let dir = tempfile::tempdir().unwrap();
    common::nested::generate(dir.path());
    let catalog = Arc::new(Catalog::open(dir.path()).unwrap());
    let count = catalog.entries().len();
    let mut app = common::app_with(catalog, 100, 30);
    press(&mut app, "G");
    for height in [6, 12, 30, 60] {
        app.act(Action::Resize { width: 100, height });
        let shown = app.list_capacity();
        assert_eq!(
            app.list().offset(),
            count.saturating_sub(shown),
            "at height {height}"
        );
    }
}

#[test]
fn d08_help_fits_its_lines_pages_and_opens_at_the_callers_section() {
    let mut app = common::app(160, 30);
    press(&mut app, "?");
    let screen = common::screen(&app);
    assert!(!screen.contains('…'), "no help line is cut:\n{screen}");
    let mut app = common::app(100, 20);
    press(&mut app, "? Space");
    let Screen::Help(help) = app.screen() else {
        panic!("the help is open");
    };
    assert!(help.scroll() > 5, "Space pages the help");
    let mut app = common::app(100, 20);
    press(&mut app, "Enter ?");
    let screen = common::screen(&app);
    assert!(screen.contains("In the reader"), "{screen}");
    // The box is drawn inside the frame: the main frame's bottom corners are still there.
    let mut app = common::app(60, 20);
    press(&mut app, "?");
    let screen = common::screen(&app);
    let bottom = screen.lines().nth(18).unwrap();
    assert!(bottom.starts_with('└') && bottom.ends_with('┘'), "{bottom}");
    assert_eq!(bottom.matches('└').count(), 1, "{bottom}");
}

#[test]
fn d09_binary_files_without_nul_bytes_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let mut state = 7u64;
    let random: Vec<u8> = (0..4096)
        .map(|_| {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1);
            ((state >> 33) as u8).max(1)
        })
        .collect();
    fs::write(dir.path().join("random.txt"), &random).unwrap();
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(random.iter().take(2000));
    fs::write(dir.path().join("fake.txt"), &png).unwrap();
    fs::write(
        dir.path().join("real.txt"),
        "date 2025-01-01 Thật\n\nBài thật.",
    )
    .unwrap();
    let catalog = Catalog::open(dir.path()).unwrap();
    let ids: Vec<&str> = catalog.entries().iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["real"]);
    assert_eq!(catalog.problems().len(), 2, "{:?}", catalog.problems());
    for problem in catalog.problems() {
        assert!(
            problem.reason.say(Lang::En).contains("binary"),
            "{problem:?}"
        );
    }
}

#[test]
fn d10_one_list_of_matches_for_count_and_highlights() {
    let mut app = common::app(100, 30);
    press(&mut app, "Enter /");
    type_text(&mut app, "đại biểu");
    let count = app.reader().search().unwrap().matches.len();
    let screen = buffer(&app, &Theme::plain());
    let mut runs = 0;
    let mut current = 0;
    for y in 0..screen.area.height {
        let mut inside = false;
        for x in 35..screen.area.width {
            let cell = &screen[(x, y)];
            let on = cell.modifier.contains(Modifier::REVERSED) && cell.symbol() != " ";
            if on && !inside {
                runs += 1;
                if cell.modifier.contains(Modifier::UNDERLINED) {
                    current += 1;
                }
            }
            inside = on
                || (inside && cell.symbol() == " " && cell.modifier.contains(Modifier::REVERSED));
        }
    }
    assert_eq!(current, 1, "one current match");
    assert!(runs <= count, "{runs} highlights for {count} matches");
}

#[test]
fn d11_bookmarks_command_shows_the_whole_quote_under_the_title() {
    use docbao::bookmarks::{Bookmark, Change};
    let dir = tempfile::tempdir().unwrap();
    let catalog = bundled();
    let article = &catalog
        .article(catalog.find("000_187bee9378cff2a5").unwrap().0)
        .unwrap();
    assert!(article.blocks[1].range.start > article.blocks[0].range.end + 1);
    let range = article.blocks[0].range.start..article.blocks[1].range.end;
    let mut store = BookmarkStore::open(dir.path()).unwrap();
    store
        .apply(Change::Add(Bookmark::new(catalog.folder(), article, range)))
        .unwrap();
    let out = common::docbao(dir.path())
        .arg("bookmarks")
        .env("DOCBAO_DATA_DIR", dir.path())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Kết tinh của sự kiên trì"), "{text}");
    assert!(
        text.contains("Chủ tịch nước cho rằng"),
        "the second paragraph: {text}"
    );
    assert!(
        text.lines()
            .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 100),
        "{text}"
    );
}

#[test]
fn d12_ctrl_c_quits_from_every_screen_and_saves() {
    for script in ["/", "Enter /", "Enter m", "'", "' /", "!", "Enter ?"] {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app_in(dir.path(), bundled(), 100, 30);
        press(&mut app, "j Enter } }");
        press(&mut app, script);
        press(&mut app, "C-c");
        assert!(app.should_quit(), "{script}");
        let saved = StateStore::open(dir.path(), bundled().folder()).unwrap();
        assert!(
            saved.state.articles.contains_key("000_187bee9378cff2a5"),
            "position saved after {script}"
        );
    }
}

#[test]
fn d13_the_problems_view_has_its_own_keys() {
    let dir = tempfile::tempdir().unwrap();
    for n in 0..60 {
        fs::write(dir.path().join(format!("empty-{n:02}.txt")), "").unwrap();
    }
    fs::write(
        dir.path().join("real.txt"),
        "date 2025-01-01 Thật\n\nBài thật.",
    )
    .unwrap();
    let catalog = Arc::new(Catalog::open(dir.path()).unwrap());
    let mut app = common::app_with(catalog, 100, 30);
    press(&mut app, "! !");
    assert_eq!(app.mode(), Mode::List, "! closes it");
    press(&mut app, "!");
    for _ in 0..200 {
        press(&mut app, "j");
    }
    let bottom = common::screen(&app);
    assert!(bottom.contains("empty-59.txt"), "{bottom}");
    let chosen = |app: &common::Harness| match app.screen() {
        docbao::app::Screen::Problems(view) => view.cursor(),
        _ => usize::MAX,
    };
    let last = chosen(&app);
    assert_eq!(last, 59, "j stops at the last problem");
    press(&mut app, "k");
    assert_eq!(chosen(&app), last - 1, "k moves back up at once");
    press(&mut app, "g");
    let up = common::screen(&app);
    assert!(!up.contains("empty-59.txt"), "{up}");
    press(&mut app, "G");
    assert_eq!(common::screen(&app), bottom);
    // The chosen problem is a skipped file: nothing to read, and the note says so.
    press(&mut app, "Enter");
    assert_eq!(app.mode(), Mode::Problems);
    assert!(
        app.note().unwrap().contains("not listed"),
        "{:?}",
        app.note()
    );
    press(&mut app, "q");
    assert!(app.should_quit(), "q quits");
}

#[test]
fn enter_in_the_problems_view_reads_the_article_read_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("empty.txt"), "").unwrap();
    // Latin-1, not UTF-8: read with a guessed encoding, and a warning.
    let mut latin1 = b"date 2025-01-01 Caf\xe9\n\nUn caf\xe9 cr\xe8me.".to_vec();
    latin1.extend_from_slice(b"\n");
    fs::write(dir.path().join("latin1.txt"), latin1).unwrap();
    fs::write(
        dir.path().join("plain.txt"),
        "date 2025-01-02 Thật\n\nBài thật.",
    )
    .unwrap();
    let catalog = Arc::new(Catalog::open(dir.path()).unwrap());
    let mut app = common::app_with(catalog, 100, 30);
    press(&mut app, "!");
    // The chosen problem is drawn as the list's selection is, the others as text.
    let theme = docbao::ui::Theme::dark();
    let style_of = |app: &common::Harness, word: &str| {
        let terminal = common::draw_with(app, &theme);
        let buffer = terminal.backend().buffer().clone();
        let rows = common::screen(app);
        let y = rows.lines().position(|l| l.contains(word)).expect(word);
        let x = rows
            .lines()
            .nth(y)
            .unwrap()
            .chars()
            .position(|c| c == '/' || c == 'l')
            .unwrap();
        buffer[(x as u16, y as u16)].style()
    };
    assert_eq!(style_of(&app, "empty.txt").bg, theme.selected.bg);
    assert_ne!(style_of(&app, "latin1.txt").bg, theme.selected.bg);
    press(&mut app, "j");
    assert_eq!(style_of(&app, "latin1.txt").bg, theme.selected.bg);
    press(&mut app, "Enter");
    assert_eq!(app.mode(), Mode::Reader);
    assert!(app.entry().unwrap().path.ends_with("latin1.txt"));
}

#[test]
fn d14_stray_temporary_files_are_removed() {
    let dir = tempfile::tempdir().unwrap();
    for n in 0..5 {
        fs::write(dir.path().join(format!(".bookmarks.json.tmp-999-{n}")), "{").unwrap();
        fs::write(dir.path().join(format!(".state.json.tmp-999-{n}")), "{").unwrap();
    }
    let _ = BookmarkStore::open(dir.path()).unwrap();
    let _ = StateStore::open(dir.path(), bundled().folder()).unwrap();
    let left: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp-"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn d15_search_prints_a_window_around_the_match_not_the_whole_line() {
    let dir = tempfile::tempdir().unwrap();
    // One 2 MB paragraph with a rare word twenty times in it.
    let chunk = "chữ và số ".repeat(10_000);
    let body = vec![chunk; 20].join("hiếm ");
    fs::write(
        dir.path().join("dai.txt"),
        format!("date 2025-01-01 Dài\n\n{body}\n"),
    )
    .unwrap();
    let out = common::docbao(dir.path())
        .args(["search", "hiếm"])
        .arg(dir.path())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.lines().count(), 19);
    for line in text.lines() {
        let width = unicode_width::UnicodeWidthStr::width(line);
        assert!(width <= 240, "{width} columns");
        assert!(line.contains("hiếm"), "{line}");
        assert!(line.contains('…'), "cut with an ellipsis: {line}");
    }
}

#[test]
fn d16_global_options_go_before_or_after_the_command() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        vec!["--data-dir", "DIR", "bookmarks"],
        vec!["bookmarks", "--data-dir", "DIR"],
    ] {
        let args: Vec<String> = args
            .iter()
            .map(|a| {
                if *a == "DIR" {
                    dir.path().display().to_string()
                } else {
                    (*a).to_owned()
                }
            })
            .collect();
        let out = common::docbao(dir.path()).args(&args).output().unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn d17_small_ones() {
    let cwd = tempfile::tempdir().unwrap();
    let out = common::docbao(cwd.path())
        .arg("serach")
        .current_dir(cwd.path())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("docbao search"), "{err}");
    let out = common::docbao(cwd.path())
        .args(["list"])
        .arg(cwd.path())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("*.txt") && err.contains("*.md"), "{err}");
    let long = format!("date 2025-01-01 Dài\n\n{}", "chữ ".repeat(15_000));
    let article =
        docbao::catalog::Article::parse("x".into(), "x.txt".into(), long.as_bytes()).unwrap();
    let page = docbao::page::Page::layout(&article, 80);
    assert!(
        page.rows[1].text.contains("1 h 6 min"),
        "{}",
        page.rows[1].text
    );
}
