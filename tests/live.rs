//! A live folder: files added, changed and removed while docbao runs, in a real
//! pseudo-terminal, watched by the system's notifications and by looking every second; and
//! what the reader does with a catalog that changed under it.

use crate::common;

use std::fs;
use std::path::Path;
use std::sync::Arc;

use common::press;
use common::pty::Session;
use docbao::action::Action;
use docbao::catalog::Catalog;
use docbao::catalog::indexer::Progress;
use docbao::effect::Answer;

/// The nested fixture in `cwd/news`; returns the folder.
fn news_in(cwd: &Path) -> std::path::PathBuf {
    let news = cwd.join("news");
    common::nested::generate(&news);
    news
}

/// The top row of the screen: the list's and the reader's titles.
fn top(screen: &str) -> String {
    screen.lines().next().unwrap_or_default().to_owned()
}

/// A paragraph's text the reader shows on the screen's sixth row, without the borders.
fn passage_of(screen: &str) -> String {
    let row: String = screen
        .lines()
        .nth(5)
        .unwrap_or_default()
        .chars()
        .skip(40)
        .collect();
    row.trim()
        .trim_matches(|c| c == '│' || c == '║' || c == '█')
        .trim()
        .to_owned()
}

/// Adds, changes and removes files under a running docbao, watched as `watch` says.
fn live_session(watch: &str) {
    let cwd = tempfile::tempdir().unwrap();
    let news = news_in(cwd.path());
    let mut s = Session::start_in("news", 100, 30, &[("DOCBAO_WATCH", watch)], cwd.path());
    s.wait_for("the list", |screen| screen.contains("Articles (48)"));
    // The second article of the newest day, read a few paragraphs in.
    s.send("j\r}}");
    // The reader's title comes before its text (the loader's): wait for both.
    let shown = s.wait_for("the reader", |screen| {
        top(screen).contains("2/48 · ") && passage_of(screen).len() > 10
    });
    let headline = top(&shown)
        .split("2/48 · ")
        .nth(1)
        .unwrap()
        .split(" ─")
        .next()
        .unwrap()
        .to_owned();
    let headline = headline.trim().to_owned();
    let open = fs::read_dir(news.join("2025/10/27"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            fs::read_to_string(p)
                .unwrap()
                .lines()
                .next()
                .unwrap()
                .ends_with(&headline)
        })
        .unwrap_or_else(|| panic!("no file of 2025/10/27 is headed {headline}"));
    let text = fs::read_to_string(&open).unwrap();
    // A paragraph the reader shows, to find again after the article changes.
    let passage = passage_of(&shown);
    assert!(passage.len() > 10, "{shown}");

    // Added: a new day, listed first, and the article read stays where it was.
    fs::create_dir_all(news.join("2025/10/28")).unwrap();
    fs::write(
        news.join("2025/10/28/moi.txt"),
        "date 2025-10-28 Tin mới nhất trong ngày\n\nNội dung mới.\n",
    )
    .unwrap();
    let screen = s.wait_for("the new article", |screen| screen.contains("Articles (49)"));
    assert!(top(&screen).contains(&headline), "{screen}");
    s.send("\t");
    let screen = s.wait_for("the list", |screen| screen.contains("▾ 2025/10/28 · 1"));
    assert!(
        top(&screen).contains("3/49"),
        "the same article, now third: {screen}"
    );
    s.send("\t");

    // Changed: the open article gets a new headline and a paragraph at its top; the reader
    // shows it at the same passage.
    let changed = text.replacen(&headline, "Tiêu đề đã sửa", 1).replacen(
        "\n\n",
        "\n\nMột đoạn mới ở đầu bài, thêm vào khi đang đọc.\n\n",
        1,
    );
    fs::write(&open, changed).unwrap();
    // The new title comes with the catalog, the new text with the loader after it: both.
    s.wait_for("the changed article at the same passage", |screen| {
        top(screen).contains("Tiêu đề đã sửa") && screen.contains(&passage)
    });

    // Removed: it stays open, saying so, until the user moves away.
    fs::remove_file(&open).unwrap();
    let screen = s.wait_for("the removed article", |screen| {
        screen.contains("Articles (48)")
    });
    assert!(
        top(&screen).contains("removed · Tiêu đề đã sửa"),
        "{screen}"
    );
    assert!(
        screen.contains("article removed from the folder"),
        "{screen}"
    );
    assert!(screen.contains(&passage), "still readable:\n{screen}");
    s.send("]");
    let screen = s.wait_for("the next article", |screen| {
        !top(screen).contains("removed")
    });
    // Renamed, it was the last of its day: the next is the first of the day before.
    assert!(
        top(&screen).contains("5/48 · Bài số 25"),
        "the one after it: {screen}"
    );
    s.send("q");
    s.finish();
}

#[test]
fn a_folder_watched_by_notifications_is_live() {
    live_session("notify");
}

#[test]
fn a_folder_looked_at_every_second_is_live() {
    live_session("poll");
}

/// The nested fixture as the app sees it after `change` is made to its files.
fn catalog_after(dir: &Path, change: impl FnOnce(&Path)) -> Arc<Catalog> {
    change(dir);
    Arc::new(Catalog::open(dir).unwrap())
}

/// The nested fixture, opened at 100x30, and its folder.
fn nested_app() -> (tempfile::TempDir, common::Harness) {
    let news = tempfile::tempdir().unwrap();
    common::nested::generate(news.path());
    let catalog = Arc::new(Catalog::open(news.path()).unwrap());
    (news, common::app_with(catalog, 100, 30))
}

fn done() -> Progress {
    Progress {
        done: true,
        counted: true,
        ..Progress::default()
    }
}

#[test]
fn a_removed_article_stays_open_until_the_user_moves_away() {
    let (news, mut app) = nested_app();
    press(&mut app, "j Enter } }");
    let id = app.article().unwrap().id.clone();
    let scroll = app.reader().scroll();
    let catalog = catalog_after(news.path(), |dir| {
        fs::remove_file(dir.join(format!("{id}.txt"))).unwrap();
    });
    app.act(Answer::CatalogUpdated {
        catalog,
        progress: done(),
    });
    assert!(app.reader().removed());
    assert_eq!(app.article().unwrap().id, id, "still shown");
    assert_eq!(app.reader().scroll(), scroll);
    assert_eq!(
        app.list_position(),
        Some(1),
        "the next one selected in its place"
    );
    let next = app.entry().unwrap().id.clone();
    press(&mut app, "m");
    assert_eq!(app.note(), Some("a removed article cannot be bookmarked"));
    press(&mut app, "j");
    assert_eq!(app.article().unwrap().id, id, "scrolling reads on");
    press(&mut app, "Esc j");
    assert_eq!(
        app.article().unwrap().id,
        next,
        "down: the one that took its place"
    );
    assert!(!app.reader().removed());
}

#[test]
fn an_emptied_article_says_it_can_no_longer_be_read_not_that_it_was_removed() {
    let (news, mut app) = nested_app();
    press(&mut app, "j Enter } }");
    let id = app.article().unwrap().id.clone();
    let catalog = catalog_after(news.path(), |dir| {
        fs::write(dir.join(format!("{id}.txt")), "").unwrap();
    });
    app.act(Answer::CatalogUpdated {
        catalog,
        progress: done(),
    });
    assert!(app.reader().unreadable());
    assert_eq!(app.article().unwrap().id, id, "still shown");
    let note = app.note().unwrap_or_default().to_owned();
    assert!(
        note.starts_with("this file can no longer be read: no text"),
        "{note}"
    );
    let screen = common::screen(&app);
    let top = top(&screen);
    assert!(
        top.contains("unreadable · ") && !top.contains("removed"),
        "{screen}"
    );
    // Written again, it is read again.
    let catalog = catalog_after(news.path(), |dir| {
        fs::write(
            dir.join(format!("{id}.txt")),
            "date 2025-10-27 Viết lại\n\nĐã viết lại.\n",
        )
        .unwrap();
    });
    app.act(Answer::CatalogUpdated {
        catalog,
        progress: done(),
    });
    assert!(!app.reader().removed() && !app.reader().unreadable());
}

#[test]
fn a_search_whose_one_result_is_removed_lists_none_and_says_so() {
    let (news, mut app) = nested_app();
    press(&mut app, "j Enter");
    let id = app.article().unwrap().id.clone();
    let title = app.article().unwrap().title.clone();
    press(&mut app, "Esc /");
    common::type_text(&mut app, &title);
    press(&mut app, "Enter");
    assert_eq!(app.list_len(), 1, "{}", common::screen(&app));
    press(&mut app, "Enter");
    let catalog = catalog_after(news.path(), |dir| {
        fs::remove_file(dir.join(format!("{id}.txt"))).unwrap();
    });
    app.act(Answer::CatalogUpdated {
        catalog,
        progress: done(),
    });
    let screen = common::screen(&app);
    assert_eq!(app.list_len(), 0, "{screen}");
    let status = screen.lines().last().unwrap_or_default();
    assert!(status.contains("no article matches"), "{screen}");
    assert!(!status.contains(" of "), "{screen}");
}

#[test]
fn files_added_after_indexing_leave_the_selection_where_it_is() {
    let (news, mut app) = nested_app();
    let first = app.entry().unwrap().id.clone();
    let catalog = catalog_after(news.path(), |dir| {
        fs::create_dir_all(dir.join("2025/10/28")).unwrap();
        fs::write(
            dir.join("2025/10/28/moi.txt"),
            "date 2025-10-28 Mới\n\nMới.\n",
        )
        .unwrap();
    });
    app.act(Answer::CatalogUpdated {
        catalog,
        progress: done(),
    });
    assert_eq!(app.entry().unwrap().id, first, "not moved to the new first");
    assert_eq!(app.list_position(), Some(1));
}

#[test]
fn an_open_article_changed_on_disk_keeps_its_place_and_its_bookmarks() {
    let (news, mut app) = nested_app();
    press(&mut app, "Enter } } m Enter");
    let id = app.article().unwrap().id.clone();
    let passage = app.passage().unwrap();
    let text = app.article().unwrap().text[passage].to_owned();
    let top = app.reader().page().unwrap().block_at(app.reader().scroll());
    let catalog = catalog_after(news.path(), |dir| {
        let path = dir.join(format!("{id}.txt"));
        let old = fs::read_to_string(&path).unwrap();
        let new = old.replacen("\n\n", "\n\nMột đoạn mới thêm vào đầu bài.\n\n", 1);
        fs::write(&path, new).unwrap();
    });
    app.act(Answer::CatalogUpdated {
        catalog,
        progress: done(),
    });
    assert_eq!(app.article().unwrap().id, id);
    assert!(
        app.article().unwrap().text.contains("Một đoạn mới"),
        "read again"
    );
    let now = app.reader().page().unwrap().block_at(app.reader().scroll());
    assert_eq!(now, top.map(|b| b + 1), "the same passage at the top");
    let placed = &app.reader().placed()[0];
    let range = placed.anchor.range().unwrap();
    // Found where it moved to, it remembers its new place and context at once: placed
    // again, it is where the bookmark says.
    assert!(matches!(placed.anchor, docbao::bookmarks::Anchor::Exact(_)));
    assert_eq!(
        app.article().unwrap().text[range.clone()],
        text,
        "the bookmark re-anchored"
    );
    let bookmark = app.bookmarks().get(&placed.id).unwrap();
    let article = app.article().unwrap();
    assert_eq!(bookmark.start, article.text[..range.start].chars().count());
    assert!(
        article.text[..range.start].ends_with(&bookmark.prefix),
        "the context is the new text's: {:?}",
        bookmark.prefix
    );
}

/// The article the reader keeps open while its file changes: a few paragraphs of Vietnamese,
/// in a folder of its own.
mod changing {
    use super::*;
    use common::Harness;
    use docbao::bookmarks::Anchor;
    use proptest::prelude::*;

    /// Paragraphs to build the article from: multibyte, NFC and NFD, short and long.
    pub const PARAGRAPHS: [&str; 8] = [
        "Thủ tướng Phạm Minh Chính dự lễ mở ký Công ước Hà Nội.",
        "Công ước Hà Nội gửi đi ba thông điệp rõ ràng. Một là hợp tác. Hai là tin cậy.",
        "ẢNH: Toàn cảnh phiên khai mạc tại Trung tâm Hội nghị Quốc gia.",
        "Đại diện 72 quốc gia đã ký. Việc này đánh dấu một bước tiến quan trọng.",
        "Ngắn.",
        "Tổng Thư ký Liên Hợp Quốc António Guterres phát biểu tại lễ mở ký.",
        "Mạng không gian là nơi tội phạm hoạt động xuyên biên giới, khó truy vết.",
        "Hợp tác quốc tế là điều kiện cần để phòng, chống tội phạm mạng hiệu quả.",
    ];

    /// The article's paragraphs to start with.
    pub fn paragraphs() -> Vec<String> {
        PARAGRAPHS.iter().map(|p| p.to_string()).collect()
    }

    /// Writes the article of `paragraphs` and has the reader take in the folder as it is now,
    /// as the live folder would.
    pub fn rewrite(app: &mut Harness, path: &Path, paragraphs: &[String]) {
        write(path, paragraphs);
        let folder = path.parent().expect("the article is in a folder");
        let catalog = Arc::new(Catalog::open(folder).unwrap());
        app.act(Answer::CatalogUpdated {
            catalog,
            progress: done(),
        });
    }

    /// Writes the article of these paragraphs.
    pub fn write(path: &Path, paragraphs: &[String]) {
        let body = paragraphs.join("\n\n");
        fs::write(path, format!("date 2025-10-25 Công ước Hà Nội\n\n{body}\n")).unwrap();
    }

    /// A change of the open article's file.
    #[derive(Debug, Clone)]
    pub enum Edit {
        /// A paragraph added before paragraph `at`.
        Insert { at: usize, text: usize, nfd: bool },
        /// Paragraph `at` taken out.
        Delete { at: usize },
        /// Paragraph `at`'s first word changed.
        Reword { at: usize },
        /// The file cut to `keep` bytes (perhaps inside a character).
        Truncate { keep: usize },
        /// The file removed, written again at the next edit.
        Remove,
    }

    /// Applies an edit to the paragraphs and the file.
    pub fn apply(path: &Path, paragraphs: &mut Vec<String>, edit: &Edit) {
        let len = paragraphs.len();
        match *edit {
            Edit::Insert { at, text, nfd } => {
                let text = PARAGRAPHS[text % PARAGRAPHS.len()];
                let text: String = if nfd {
                    unicode_normalization::UnicodeNormalization::nfd(text).collect()
                } else {
                    text.to_owned()
                };
                paragraphs.insert(at % (len + 1), text);
            }
            Edit::Delete { at } if len > 1 => {
                paragraphs.remove(at % len);
            }
            Edit::Reword { at } if len > 0 => {
                let p = &mut paragraphs[at % len];
                *p = format!("Mới {}", p.split_once(' ').map_or("", |(_, rest)| rest));
            }
            Edit::Truncate { keep } => {
                write(path, paragraphs);
                let bytes = fs::read(path).unwrap();
                fs::write(path, &bytes[..keep.min(bytes.len())]).unwrap();
                return;
            }
            Edit::Remove => {
                let _ = fs::remove_file(path);
                return;
            }
            _ => {}
        }
        write(path, paragraphs);
    }

    /// Key scripts: moving, selecting, searching, bookmarking, copying.
    pub const SCRIPTS: [&str; 20] = [
        "j",
        "k",
        "}",
        "{",
        "g",
        "G",
        "v",
        "v }",
        "v j j",
        "( )",
        ")",
        "m Enter",
        "m x Enter",
        "y",
        "/ c o Enter",
        "/ t h Esc",
        "n",
        "N",
        "Esc",
        "Enter",
    ];

    /// One step: keys, or an edit of the file.
    #[derive(Debug, Clone)]
    pub enum Step {
        Keys(usize),
        Edit(Edit),
    }

    pub fn step() -> impl Strategy<Value = Step> {
        prop_oneof![
            3 => (0..SCRIPTS.len()).prop_map(Step::Keys),
            1 => (0usize..10, 0usize..8, any::<bool>())
                .prop_map(|(at, text, nfd)| Step::Edit(Edit::Insert { at, text, nfd })),
            1 => (0usize..10).prop_map(|at| Step::Edit(Edit::Delete { at })),
            1 => (0usize..10).prop_map(|at| Step::Edit(Edit::Reword { at })),
            1 => (0usize..600).prop_map(|keep| Step::Edit(Edit::Truncate { keep })),
            1 => Just(Step::Edit(Edit::Remove)),
        ]
    }

    /// What `m` would bookmark now: the selection, or the passage under the cursor, trimmed.
    pub fn to_bookmark(app: &Harness) -> Option<String> {
        let article = app.article()?;
        let range = match app.reader().selection() {
            Some(selection) => selection.covered(),
            None => app.passage()?,
        };
        Some(article.text.get(range)?.trim().to_owned())
    }

    /// Every position the reader holds is of the text it shows, and every bookmark placed
    /// remembers the very text it is placed on.
    #[track_caller]
    pub fn check(app: &Harness) {
        let Some(article) = app.article() else {
            return;
        };
        let text = &article.text;
        let reader = app.reader();
        let ranges = reader
            .selection()
            .map(|s| vec![s.anchor.clone(), s.head.clone()])
            .unwrap_or_default()
            .into_iter()
            .chain(reader.flash().cloned())
            .chain(reader.search().into_iter().flat_map(|s| s.matches.clone()));
        for range in ranges {
            assert!(
                text.get(range.clone()).is_some(),
                "{range:?} of another text"
            );
        }
        for placed in reader.placed() {
            let Some(range) = placed.anchor.range() else {
                assert_eq!(placed.anchor, Anchor::Orphaned);
                continue;
            };
            let bookmark = app.bookmarks().get(&placed.id).expect("placed, so kept");
            assert_eq!(
                Some(bookmark.quote.as_str()),
                text.get(range),
                "the bookmark stores what its highlight shows"
            );
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 48, ..proptest::prelude::ProptestConfig::default() })]

    /// Keys and edits of the open file in any order never bring the reader down, nor leave
    /// a position of one text applied to another, and a bookmark stores what it showed.
    #[test]
    fn keys_and_edits_of_the_open_file_in_any_order(
        steps in proptest::collection::vec(changing::step(), 1..24)
    ) {
        use changing::*;
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("cong-uoc.txt");
        let mut paragraphs = paragraphs();
        write(&path, &paragraphs);
        let catalog = Arc::new(Catalog::open(folder.path()).unwrap());
        let mut app = common::app_with(catalog, 100, 30);
        press(&mut app, "Enter");
        for step in &steps {
            match step {
                Step::Keys(k) => {
                    let script = SCRIPTS[*k];
                    let wanted = script.starts_with('m').then(|| to_bookmark(&app)).flatten();
                    let before: Vec<String> =
                        app.bookmarks().all().iter().map(|b| b.id.clone()).collect();
                    press(&mut app, script);
                    let added = app.bookmarks().all().iter().find(|b| !before.contains(&b.id));
                    if let (Some(added), Some(wanted)) = (added, wanted) {
                        proptest::prop_assert_eq!(&added.quote, &wanted, "bookmarked what was shown");
                    }
                }
                Step::Edit(edit) => {
                    apply(&path, &mut paragraphs, edit);
                    let catalog = Arc::new(Catalog::open(folder.path()).unwrap());
                    app.act(Answer::CatalogUpdated { catalog, progress: done() });
                }
            }
            check(&app);
            // Drawing reads every position against the text shown.
            common::draw(&app);
        }
    }
}

/// The changing article, written, opened in the reader with its data kept in `data`.
fn open_changing(
    folder: &Path,
    data: &Path,
    paragraphs: &[String],
) -> (std::path::PathBuf, common::Harness) {
    let path = folder.join("cong-uoc.txt");
    changing::write(&path, paragraphs);
    let catalog = Arc::new(Catalog::open(folder).unwrap());
    let mut app = common::app_in(data, catalog, 100, 30);
    press(&mut app, "Enter");
    (path, app)
}

#[test]
fn a_bookmark_found_again_remembers_its_new_context_and_never_grows() {
    let (folder, data) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let mut paragraphs = changing::paragraphs();
    let (path, mut app) = open_changing(folder.path(), data.path(), &paragraphs);
    // The fourth paragraph, bookmarked.
    press(&mut app, "} } } m Enter");
    let bookmarked = paragraphs[3].clone();
    assert_eq!(app.bookmarks().all()[0].quote, bookmarked);
    // A paragraph added before it while it is open: found again, and its new context saved.
    let added = "Đoạn chèn vào trước, chưa từng được đánh dấu.";
    paragraphs.insert(3, added.to_owned());
    changing::rewrite(&mut app, &path, &paragraphs);
    drop(app);
    // docbao closed, the passage's first words changed, docbao opened again.
    paragraphs[4] = paragraphs[4].replacen("Đại diện 72 quốc gia", "Đại diện bảy mươi hai nước", 1);
    let (_, app) = open_changing(folder.path(), data.path(), &paragraphs);
    let placed = &app.reader().placed()[0];
    let range = placed.anchor.range().expect("found again");
    let text = &app.article().unwrap().text[range];
    assert!(!text.contains("chưa từng"), "grew over {text:?}");
    assert!(text.contains("bảy mươi hai"), "{text:?}");
}

#[test]
fn esc_after_a_search_in_the_article_puts_back_the_view_the_cursor_and_the_selection() {
    let (folder, data) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let paragraphs = changing::paragraphs();
    let (_, mut app) = open_changing(folder.path(), data.path(), &paragraphs);
    press(&mut app, "} v");
    let (scroll, cursor) = (app.reader().scroll(), app.reader().cursor());
    let selection = app.reader().selection().cloned();
    assert!(selection.is_some());
    press(&mut app, "/ t ộ i Space p h ạ m");
    assert_ne!(app.reader().cursor(), cursor, "the search moved the cursor");
    press(&mut app, "Esc");
    assert_eq!(app.reader().scroll(), scroll);
    assert_eq!(app.reader().cursor(), cursor, "the passage cursor back");
    assert_eq!(app.reader().selection().cloned(), selection);
    assert!(app.reader().search().is_none());
}

#[test]
fn an_article_changed_while_its_headline_is_in_view_is_read_again() {
    // At scroll 0 the view starts above the first paragraph (the headline): this used to
    // subtract the first paragraph's row from 0.
    let (folder, data) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let mut paragraphs = changing::paragraphs();
    let (path, mut app) = open_changing(folder.path(), data.path(), &paragraphs);
    assert_eq!(app.reader().scroll(), 0);
    paragraphs.insert(0, "Tin mới: một đoạn ở đầu bài.".to_owned());
    changing::rewrite(&mut app, &path, &paragraphs);
    assert_eq!(app.reader().scroll(), 0, "still at the headline");
    assert!(app.article().unwrap().text.contains("Tin mới"));
}

#[test]
fn a_removed_article_put_back_is_read_again_and_can_be_bookmarked() {
    let (news, mut app) = nested_app();
    press(&mut app, "j Enter } }");
    let id = app.article().unwrap().id.clone();
    let path = news.path().join(format!("{id}.txt"));
    let text = fs::read_to_string(&path).unwrap();
    let catalog = catalog_after(news.path(), |_| fs::remove_file(&path).unwrap());
    app.act(Answer::CatalogUpdated {
        catalog,
        progress: done(),
    });
    assert!(app.reader().removed());
    let catalog = catalog_after(news.path(), |_| fs::write(&path, &text).unwrap());
    app.act(Answer::CatalogUpdated {
        catalog,
        progress: done(),
    });
    assert!(!app.reader().removed(), "back in the folder");
    assert_eq!(app.entry().unwrap().id, id, "selected again");
    assert_eq!(app.article().unwrap().id, id);
    press(&mut app, "m Enter");
    assert_eq!(app.note(), Some("bookmarked"));
}

#[test]
fn the_passage_cursor_follows_its_paragraph_when_its_opening_words_change_too() {
    let (folder, data) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let mut paragraphs = changing::paragraphs();
    let (path, mut app) = open_changing(folder.path(), data.path(), &paragraphs);
    press(&mut app, "} } }");
    let cursor = app.reader().cursor();
    assert_eq!(cursor, 3);
    // In one write: a paragraph before it, and its opening words changed.
    paragraphs.insert(3, "Một đoạn chèn vào trước.".to_owned());
    paragraphs[4] = paragraphs[4].replacen("Đại diện 72 quốc gia", "Đại diện bảy mươi hai nước", 1);
    changing::rewrite(&mut app, &path, &paragraphs);
    assert_eq!(
        app.reader().cursor(),
        4,
        "on the edited paragraph, not the one added"
    );
    let passage = app.passage().unwrap();
    assert!(app.article().unwrap().text[passage].contains("bảy mươi hai"));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 48, ..proptest::prelude::ProptestConfig::default() })]

    /// As above, with the workers' answers coming late, in bursts, after later keys and
    /// edits, as they do from threads: an answer of one version of the file never places
    /// anything in another.
    #[test]
    fn keys_edits_and_late_answers_in_any_order(
        steps in proptest::collection::vec(
            proptest::prop_oneof![
                4 => proptest::strategy::Strategy::prop_map(changing::step(), Some),
                2 => proptest::prelude::Just(None),
            ],
            1..32,
        ),
        bursts in proptest::collection::vec(0usize..4, 32),
    ) {
        use changing::*;
        use proptest::prelude::*;
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("cong-uoc.txt");
        let mut paragraphs = paragraphs();
        write(&path, &paragraphs);
        let catalog = Arc::new(Catalog::open(folder.path()).unwrap());
        let mut app = common::app_with(catalog, 100, 30);
        let keymap = common::keymap();
        let mut waiting: std::collections::VecDeque<docbao::effect::Effect> = Default::default();
        let update = |app: &mut common::Harness, event: docbao::action::Event, waiting: &mut std::collections::VecDeque<_>| {
            waiting.extend(app.app.update(event));
        };
        update(&mut app, Action::Open.into(), &mut waiting);
        for (step, burst) in steps.into_iter().zip(bursts.iter().cycle()) {
            match step {
                // Some of the answers waiting come in.
                None => {
                    for _ in 0..*burst {
                        let Some(effect) = waiting.pop_front() else { break };
                        for answer in app.worker.run(effect) {
                            update(&mut app, answer.into(), &mut waiting);
                        }
                    }
                }
                Some(Step::Keys(k)) => {
                    for name in SCRIPTS[k].split_whitespace() {
                        if let Some(action) = keymap.action_for_key(app.mode(), common::key(name)) {
                            update(&mut app, action.into(), &mut waiting);
                        }
                    }
                }
                Some(Step::Edit(edit)) => {
                    apply(&path, &mut paragraphs, &edit);
                    let catalog = Arc::new(Catalog::open(folder.path()).unwrap());
                    update(&mut app, Answer::CatalogUpdated { catalog, progress: done() }.into(), &mut waiting);
                }
            }
            check(&app);
            common::draw(&app);
        }
        // Everything answered at last: still consistent.
        while let Some(effect) = waiting.pop_front() {
            for answer in app.worker.run(effect) {
                update(&mut app, answer.into(), &mut waiting);
            }
        }
        check(&app);
        common::draw(&app);
        prop_assert!(app.article().is_none() || app.reader().page().is_some());
    }
}
