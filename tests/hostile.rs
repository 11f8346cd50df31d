//! Hostile input: every file of the generated corpus is listed or skipped with a reason, laid
//! out without a row wider than its pane, and drawn without a panic, at every terminal size.

use crate::common;

use std::collections::BTreeMap;
use std::fs;
use std::sync::Arc;

use common::hostile::{self, Expect};
use docbao::action::Action;
use docbao::catalog::Catalog;
use docbao::i18n::{Lang, Say};
use docbao::page::Page;

/// The corpus is large (a 10 MB line, 100 000 paragraphs): it is written and read once, and
/// each check below runs on it in turn.
#[test]
fn hostile_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let files = hostile::generate(dir.path());
    let catalog = Arc::new(Catalog::open(dir.path()).expect("the folder opens"));
    every_file_is_listed_or_skipped_with_a_reason(dir.path(), &files, &catalog);
    decoded_text_is_what_was_written(&catalog);
    layouts_fit_their_width(&catalog);
    every_article_draws_at_every_size_without_panic(&catalog);
    the_problems_view_and_list_json_show_what_went_wrong(dir.path(), &catalog);
}

fn every_file_is_listed_or_skipped_with_a_reason(
    dir: &std::path::Path,
    files: &[(String, Expect)],
    catalog: &Catalog,
) {
    let listed: BTreeMap<String, &docbao::catalog::Entry> = catalog
        .entries()
        .iter()
        .map(|a| {
            let name = a.path.strip_prefix(dir).unwrap().display().to_string();
            (name, a)
        })
        .collect();
    let skipped: BTreeMap<String, String> = catalog
        .problems()
        .iter()
        .map(|p| {
            let name = p
                .path
                .strip_prefix(dir)
                .unwrap_or(&p.path)
                .display()
                .to_string();
            (name, p.reason.say(Lang::En))
        })
        .collect();
    for (name, expect) in files {
        match expect {
            Expect::Listed => {
                let article = listed
                    .get(name)
                    .unwrap_or_else(|| panic!("{name} not listed: {skipped:?}"));
                assert!(
                    article.warnings.is_empty(),
                    "{name}: {:?}",
                    article.warnings
                );
            }
            Expect::Warned => {
                let article = listed
                    .get(name)
                    .unwrap_or_else(|| panic!("{name} not listed"));
                assert!(!article.warnings.is_empty(), "{name} has no warning");
            }
            Expect::Skipped => {
                let reason = skipped
                    .get(name)
                    .unwrap_or_else(|| panic!("{name} not skipped: {skipped:?}"));
                assert!(reason.len() > 10, "{name}: {reason}");
            }
        }
    }
    assert_eq!(
        listed.len() + skipped.len(),
        files.len(),
        "{listed:?} {skipped:?}"
    );
}

fn decoded_text_is_what_was_written(catalog: &Catalog) {
    let title = |id: &str| catalog.find(id).map(|(_, a)| a.title.clone()).unwrap();
    assert_eq!(title("utf16le"), "UTF-16 LE");
    assert_eq!(title("utf16be"), "UTF-16 BE");
    assert_eq!(title("windows1258"), "Bảng mã Windows-1258");
    assert_eq!(title("nfd_noncanonical"), "Tiếng Việt tổ hợp");
    assert_eq!(title("ansi"), "Đậm");
    assert_eq!(title("zero_width"), "Ẩnhình");
    let article = &catalog
        .article(catalog.find("windows1258").map(|(i, _)| i).unwrap())
        .unwrap();
    assert!(article.text.contains(common::hostile::VIETNAMESE));
    assert!(
        article.warnings[0].say(Lang::En).contains("windows-1258"),
        "{:?}",
        article.warnings
    );
    let tabs = &catalog
        .article(catalog.find("tabs").map(|(i, _)| i).unwrap())
        .unwrap();
    assert!(!tabs.text.contains('\t'));
    let cr = &catalog
        .article(catalog.find("lone_cr").map(|(i, _)| i).unwrap())
        .unwrap();
    assert_eq!(cr.blocks.len(), 1);
    let many = &catalog
        .article(catalog.find("tiny_paragraphs").map(|(i, _)| i).unwrap())
        .unwrap();
    assert_eq!(many.blocks.len(), 100_000);
}

fn layouts_fit_their_width(catalog: &Catalog) {
    for index in 0..catalog.entries().len() {
        let article = &catalog.article(index).unwrap();
        // The 10 MB line is laid out at one width only: the others add time, not coverage.
        let widths: &[usize] = if article.id == "long_line" {
            &[37]
        } else {
            &[2, 7, 20, 37, 80]
        };
        for &width in widths {
            let page = Page::layout(article, width);
            for row in &page.rows {
                assert!(
                    common::columns(&row.text) <= width,
                    "{} at {width}: {:?}",
                    article.id,
                    row.text
                );
            }
        }
    }
}

fn every_article_draws_at_every_size_without_panic(catalog: &Arc<Catalog>) {
    let small: Vec<(u16, u16)> = vec![(1, 1), (10, 5), (20, 3), (20, 5), (60, 20), (300, 100)];
    let mut app = common::app_with(Arc::clone(catalog), 100, 30);
    // One pass down the list (in sections): every article is laid out once, the 10 MB one
    // included.
    assert_eq!(app.list_len(), catalog.entries().len());
    for position in 0..catalog.entries().len() {
        let index = app.list_entry(position).unwrap();
        assert_eq!(app.selected(), index, "at {position}");
        let long = catalog.entries()[index].id == "long_line";
        app.act(Action::Open);
        for &(w, h) in &small {
            // The 10 MB article is drawn at one size: each size lays it out anew.
            if long && w != 60 {
                continue;
            }
            app.act(Action::Resize {
                width: w,
                height: h,
            });
            let screen = common::screen(&app);
            if w < docbao::panes::MIN_WIDTH || h < docbao::panes::MIN_HEIGHT {
                if w >= 10 {
                    assert!(screen.contains("small"), "{w}x{h}:\n{screen}");
                }
            } else {
                assert!(screen.contains('┌'), "{w}x{h}:\n{screen}");
            }
        }
        app.act(Action::Back);
        app.act(Action::Down);
    }
}

#[test]
fn a_storm_of_resizes_changes_nothing_but_the_size() {
    let catalog = common::bundled();
    let mut app = common::app_with(catalog, 100, 30);
    common::press(&mut app, "j Enter } } }");
    let block = app.reader().page().unwrap().block_at(app.reader().scroll());
    let mut seed = 7u32;
    for _ in 0..100 {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        let width = 1 + (seed >> 8) % 300;
        let height = 1 + (seed >> 20) % 100;
        app.act(Action::Resize {
            width: width as u16,
            height: height as u16,
        });
        let _ = common::screen(&app);
    }
    app.act(Action::Resize {
        width: 100,
        height: 30,
    });
    assert_eq!(
        app.reader().page().unwrap().block_at(app.reader().scroll()),
        block
    );
}

#[test]
fn a_file_deleted_between_listing_and_reading_is_a_problem() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("stays.txt"), "date 2025-01-01 Còn\n\nx").unwrap();
    fs::write(dir.path().join("goes.txt"), "date 2025-01-01 Mất\n\nx").unwrap();
    let (files, problems) = Catalog::list_files(dir.path()).unwrap();
    assert_eq!(files.len(), 2);
    fs::remove_file(dir.path().join("goes.txt")).unwrap();
    let catalog = Catalog::read_files(dir.path(), files, problems, "test".into());
    assert_eq!(catalog.entries().len(), 1);
    assert_eq!(
        catalog.problems()[0].reason.say(Lang::En),
        "cannot read: no such file or directory, skipped"
    );
}

fn the_problems_view_and_list_json_show_what_went_wrong(
    dir: &std::path::Path,
    catalog: &Arc<Catalog>,
) {
    let mut app = common::app_with(Arc::clone(catalog), 100, 30);
    let screen = common::screen(&app);
    assert!(
        screen.contains("8 files skipped, 2 articles read with a warning (! shows why)"),
        "{screen}"
    );
    common::press(&mut app, "!");
    let screen = common::screen(&app);
    assert!(screen.contains("binary file"), "{screen}");
    assert!(screen.contains("symbolic link loops"), "{screen}");
    assert!(screen.contains("mostly control bytes"), "{screen}");
    common::press(&mut app, "Esc");
    assert_eq!(app.mode(), docbao::app::Mode::List);

    let out = common::docbao(dir)
        .args(["list", "--json"])
        .arg(dir)
        .output()
        .unwrap();
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let warned = json
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "windows1258")
        .unwrap();
    assert!(
        warned["warnings"][0]
            .as_str()
            .unwrap()
            .contains("windows-1258")
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("picture.txt: binary file"), "{stderr}");
}
