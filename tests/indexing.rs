//! The reader while its folder is indexed: catalogs come in one after another, and the
//! selection, the article to come back to and a search in the list follow what the user meant.

use crate::common;

use std::fs;
use std::path::Path;
use std::sync::Arc;

use common::{press, type_text};
use docbao::app::Screen;
use docbao::catalog::Catalog;
use docbao::catalog::indexer::Progress;
use docbao::effect::Answer;

/// A nested folder, its whole catalog, and one opened while `missing` was not there yet.
fn folder_and_catalogs(missing: &[&str]) -> (tempfile::TempDir, Arc<Catalog>, Arc<Catalog>) {
    let dir = tempfile::tempdir().unwrap();
    let news = dir.path().join("news");
    common::nested::generate(&news);
    let aside = dir.path().join("aside");
    fs::create_dir_all(&aside).unwrap();
    for (n, path) in missing.iter().enumerate() {
        fs::rename(news.join(path), aside.join(n.to_string())).unwrap();
    }
    let partial = Arc::new(Catalog::open(&news).unwrap());
    for (n, path) in missing.iter().enumerate() {
        fs::rename(aside.join(n.to_string()), news.join(path)).unwrap();
    }
    let full = Arc::new(Catalog::open(&news).unwrap());
    assert!(partial.entries().len() < full.entries().len());
    (dir, partial, full)
}

fn indexing(of: &Catalog) -> Progress {
    Progress {
        indexed: of.entries().len(),
        total: 48,
        counted: true,
        done: false,
    }
}

fn done() -> Progress {
    Progress {
        done: true,
        ..Progress::default()
    }
}

fn data(dir: &Path) -> std::path::PathBuf {
    let data = dir.join("data");
    fs::create_dir_all(&data).unwrap();
    data
}

#[test]
fn the_article_read_last_is_waited_for_and_not_forgotten() {
    let (dir, partial, full) = folder_and_catalogs(&["2025/10/21/tin-2.txt", "loose.md"]);
    let data = data(dir.path());
    // Read an article, then leave.
    let mut first = common::app_in(&data, Arc::clone(&full), 100, 30);
    let wanted = full.find("2025/10/21/tin-2").unwrap().0;
    while first.list().selected() != wanted {
        press(&mut first, "j");
    }
    press(&mut first, "Enter j j q");
    assert_eq!(
        first.reading().last.as_ref().unwrap().article,
        "2025/10/21/tin-2"
    );

    // Next time the list comes first without it: the top is shown meanwhile, and the article
    // stays the one to come back to, whatever is pressed that does not choose another.
    let mut app = common::app_indexing(&data, Arc::clone(&partial), indexing(&partial), 100, 30);
    assert_eq!(app.list().selected(), 0);
    assert!(matches!(app.screen(), Screen::List));
    press(&mut app, "? Esc");
    assert_eq!(
        app.reading().last.as_ref().unwrap().article,
        "2025/10/21/tin-2"
    );

    // Once it is listed, it is chosen, in the reader where it was left.
    app.act(Answer::CatalogUpdated {
        catalog: Arc::clone(&full),
        progress: done(),
    });
    assert_eq!(app.entry().unwrap().id, "2025/10/21/tin-2");
    assert!(matches!(app.screen(), Screen::Reader));

    // Had the user chosen another meanwhile, that one would have stayed.
    let mut app = common::app_indexing(&data, Arc::clone(&partial), indexing(&partial), 100, 30);
    press(&mut app, "j j");
    let chosen = app.entry().unwrap().id.clone();
    app.act(Answer::CatalogUpdated {
        catalog: Arc::clone(&full),
        progress: done(),
    });
    assert_eq!(app.entry().unwrap().id, chosen);
    assert_eq!(app.reading().last.as_ref().unwrap().article, chosen);
}

#[test]
fn the_first_and_the_last_stay_first_and_last_as_articles_come_in() {
    // The newest day's articles and the oldest come in last.
    let newest = ["index", "tin-1", "tin-2", "tin-3"].map(|f| format!("2025/10/27/{f}.txt"));
    let mut missing: Vec<&str> = newest.iter().map(String::as_str).collect();
    missing.push("loose.md");
    let (dir, partial, full) = folder_and_catalogs(&missing);
    let data = data(dir.path());
    let mut app = common::app_indexing(&data, Arc::clone(&partial), indexing(&partial), 100, 30);
    assert_eq!(app.list().selected(), 0);
    app.act(Answer::CatalogUpdated {
        catalog: Arc::clone(&full),
        progress: indexing(&full),
    });
    assert_eq!(app.list().selected(), 0, "still the first: the newest");
    assert_eq!(app.entry().unwrap().id, "2025/10/27/index");

    let mut app = common::app_indexing(&data, Arc::clone(&partial), indexing(&partial), 100, 30);
    press(&mut app, "G");
    app.act(Answer::CatalogUpdated {
        catalog: Arc::clone(&full),
        progress: indexing(&full),
    });
    assert_eq!(
        app.list().selected(),
        full.entries().len() - 1,
        "still the last"
    );
    // A move of the user's own ends it: the article chosen stays.
    press(&mut app, "k");
    let chosen = app.entry().unwrap().id.clone();
    app.act(Answer::CatalogUpdated {
        catalog: Arc::clone(&partial),
        progress: indexing(&partial),
    });
    assert_eq!(app.entry().unwrap().id, chosen);
}

#[test]
fn a_list_search_run_again_keeps_the_result_chosen() {
    let (dir, partial, full) = folder_and_catalogs(&["2025/10/26/tin-2.txt", "b/bai.txt"]);
    let data = data(dir.path());
    let mut app = common::app_indexing(&data, Arc::clone(&partial), indexing(&partial), 100, 30);
    press(&mut app, "/");
    type_text(&mut app, "thu tuong");
    press(&mut app, "Down Down");
    let chosen = app.entry().unwrap().id.clone();
    let before = app.list().hits().unwrap().hits.len();
    app.act(Answer::CatalogUpdated {
        catalog: Arc::clone(&full),
        progress: done(),
    });
    let hits = app.list().hits().unwrap();
    assert!(hits.hits.len() > before, "run again on the newer catalog");
    assert_eq!(app.entry().unwrap().id, chosen);
    // A new query starts from its best result.
    type_text(&mut app, " va");
    let best = app.list().hits().unwrap().hits[0].index;
    assert_eq!(app.list().selected(), best);
}

#[test]
fn a_list_search_run_again_follows_the_top_result_when_none_was_chosen() {
    // The article that comes in later is the best result of the whole folder.
    let scratch = tempfile::tempdir().unwrap();
    common::nested::generate(scratch.path());
    let whole = Catalog::open(scratch.path()).unwrap();
    let query = docbao::search::Query::new("thu tuong", Default::default());
    let best = docbao::search::search_catalog(&whole, &query, None, &|| false).unwrap();
    let late = whole.entries()[best.hits[0].index].path.clone();
    let late = late.strip_prefix(scratch.path()).unwrap().to_str().unwrap();
    let (dir, partial, full) = folder_and_catalogs(&[late]);
    let data = data(dir.path());
    let mut app = common::app_indexing(&data, Arc::clone(&partial), indexing(&partial), 100, 30);
    press(&mut app, "/");
    type_text(&mut app, "thu tuong");
    let top = app.list().hits().unwrap().hits[0].index;
    assert_eq!(app.list().selected(), top);
    let top_id = partial.entries()[top].id.clone();
    app.act(Answer::CatalogUpdated {
        catalog: Arc::clone(&full),
        progress: done(),
    });
    let hits = app.list().hits().unwrap();
    let new_top = &full.entries()[hits.hits[0].index].id;
    assert_ne!(new_top, &top_id, "the newer catalog has a better result");
    assert_eq!(
        app.list().selected(),
        hits.hits[0].index,
        "the top followed"
    );
    assert_eq!(&app.entry().unwrap().id, new_top);
}

#[test]
fn a_narrow_status_line_keeps_progress_and_keys_apart() {
    let (dir, partial, _) = folder_and_catalogs(&["loose.md"]);
    let data = data(dir.path());
    let progress = Progress {
        indexed: 12_000,
        total: 23_473,
        counted: true,
        done: false,
    };
    let app = common::app_indexing(&data, Arc::clone(&partial), progress, 50, 20);
    let screen = common::screen(&app);
    let status = screen.lines().last().unwrap();
    assert!(status.contains("indexing 12"), "{status}");
    assert!(
        status.contains("…  ? help  q quit"),
        "cut, and apart from the keys: {status:?}"
    );
    // A search prompt with nothing typed yet keeps it in view.
    let mut prompting = common::app_indexing(&data, Arc::clone(&partial), progress, 100, 20);
    press(&mut prompting, "/");
    let status = common::screen(&prompting)
        .lines()
        .last()
        .unwrap()
        .to_owned();
    assert!(
        status.starts_with("/ ") && status.contains("indexing 12 000"),
        "{status}"
    );
    // A note (the cache being rebuilt) leaves the progress in view.
    let mut noted = common::app_indexing(&data, Arc::clone(&partial), progress, 100, 20);
    noted.act(Answer::Failed(
        "rebuilding the catalog cache (damaged: index checksum)".to_owned(),
    ));
    let status = common::screen(&noted).lines().last().unwrap().to_owned();
    assert!(
        status.contains("indexing 12 000 / 23 473 · rebuilding the catalog cache"),
        "{status}"
    );
    // Before the walk is over, no total is made up.
    let walking = Progress {
        indexed: 0,
        total: 64,
        counted: false,
        done: false,
    };
    let early = common::app_indexing(&data, Arc::clone(&partial), walking, 60, 20);
    let status = common::screen(&early).lines().last().unwrap().to_owned();
    assert!(
        status.contains("indexing…") && !status.contains("/ 64"),
        "{status}"
    );
    // A search typed while the files are listed and not read yet says it is one of what is
    // indexed so far, in the prompt and in the list's title.
    let listed = docbao::catalog::indexer::open(
        &dir.path().join("news"),
        docbao::catalog::CacheUse::Bypass,
        |_| {},
    )
    .unwrap();
    let (first, progress) = (Arc::clone(&listed.first), listed.progress);
    listed.stop();
    assert!(first.entries().iter().all(|e| e.stored().is_none()));
    let mut app = common::app_indexing(&data, first, progress, 60, 20);
    press(&mut app, "/");
    type_text(&mut app, "ha noi");
    let screen = common::screen(&app);
    let status = screen.lines().last().unwrap();
    assert!(
        status.contains("no articles in 0 of 48 (indexing)"),
        "{status}"
    );
    let title = screen.lines().next().unwrap();
    assert!(title.contains("Search · 0 so far · “ha noi”"), "{title}");
    assert!(screen.contains("No article matches so far"), "{screen}");
}
