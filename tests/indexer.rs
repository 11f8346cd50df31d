//! Opening a folder for the reader: a first catalog at once, the rest indexed on a thread,
//! and only what changed read again.

use std::fs;
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use docbao::catalog::indexer::{self, Update};
use docbao::catalog::{CacheUse, Catalog};
use docbao::i18n::{Lang, Say};

/// Writes `n` articles in folders of a hundred.
fn archive(dir: &Path, n: usize) {
    for k in 0..n {
        let folder = dir.join(format!("{:02}", k / 100));
        fs::create_dir_all(&folder).unwrap();
        let body = format!("Đoạn văn của bài {k}, nói về Hà Nội và công ước. ").repeat(20);
        fs::write(
            folder.join(format!("{k}.txt")),
            format!(
                "date 2025-01-{:02} Bài số {k}\n\n{body}\n\nĐoạn hai của bài {k}.",
                1 + k % 28
            ),
        )
        .unwrap();
    }
}

/// Opens through the indexer and waits for it to finish: the first catalog, every update,
/// and the last catalog with how many files it read.
fn index(dir: &Path, cache: &Path) -> (Catalog, Vec<Update>, Catalog, usize) {
    let (sender, updates) = mpsc::channel();
    let opened = indexer::open(dir, CacheUse::At(cache.to_owned()), move |u| {
        let _ = sender.send(u);
    })
    .expect("opens");
    let first = (*opened.first).clone();
    let first_done = opened.progress.done;
    opened.wait();
    let all: Vec<Update> = updates.try_iter().collect();
    let last = all
        .iter()
        .rev()
        .find_map(|u| match u {
            Update::Catalog {
                catalog,
                progress,
                parsed,
            } if progress.done => Some(((**catalog).clone(), *parsed)),
            _ => None,
        })
        .or(first_done.then(|| (first.clone(), 0)))
        .expect("a last catalog");
    (first, all, last.0, last.1)
}

/// What a catalog lists, to compare two by.
fn listed(catalog: &Catalog) -> Vec<(String, String, usize)> {
    catalog
        .entries()
        .iter()
        .map(|e| (e.id.clone(), e.title.clone(), e.words))
        .collect()
}

#[test]
fn a_cold_start_shows_a_screenful_first_then_everything_indexed() {
    let dir = tempfile::tempdir().unwrap();
    archive(dir.path(), 300);
    let cache = tempfile::tempdir().unwrap();
    let (first, updates, last, parsed) = index(dir.path(), cache.path());
    assert!(
        first.entries().len() < 300,
        "a first screenful: {}",
        first.entries().len()
    );
    assert!(
        first.entries().iter().all(|e| e.stored().is_none()),
        "listed, not read"
    );
    assert!(
        first.entries()[0].title.starts_with("Bài số"),
        "titles from the first line"
    );
    let mut seen = 0;
    for update in &updates {
        if let Update::Catalog { progress, .. } = update {
            assert!(progress.indexed >= seen, "progress only goes up");
            assert!(progress.indexed <= progress.total);
            seen = progress.indexed;
        }
    }
    assert_eq!(parsed, 300);
    assert_eq!(listed(&last), listed(&Catalog::open(dir.path()).unwrap()));
    // A warm start: a screenful from the cache at once, then the whole cache, nothing read.
    let (first, updates, last, parsed) = index(dir.path(), cache.path());
    let head = first.entries().len();
    assert!(head > 0 && head < 300, "a screenful first: {head}");
    assert_eq!(listed(&first)[..], listed(&last)[..head]);
    assert!(first.entries().iter().all(|e| e.stored().is_some()));
    let whole = updates.iter().find_map(|u| match u {
        Update::Catalog {
            catalog, parsed, ..
        } => Some((listed(catalog), *parsed)),
        _ => None,
    });
    assert_eq!(whole, Some((listed(&last), 0)), "then the whole cache");
    assert_eq!(parsed, 0);
    // Nothing changed: the catalog sent last is the one read from the cache, not a copy.
    let sent: Vec<&std::sync::Arc<Catalog>> = updates
        .iter()
        .filter_map(|u| match u {
            Update::Catalog { catalog, .. } => Some(catalog),
            _ => None,
        })
        .collect();
    assert_eq!(sent.len(), 2, "the whole cache, then the same when checked");
    assert!(std::sync::Arc::ptr_eq(sent[0], sent[1]));
}

#[test]
fn a_small_cached_folder_is_shown_whole_at_once() {
    let dir = tempfile::tempdir().unwrap();
    archive(dir.path(), 20);
    let cache = tempfile::tempdir().unwrap();
    index(dir.path(), cache.path());
    let (first, _, last, parsed) = index(dir.path(), cache.path());
    assert_eq!(listed(&first), listed(&last));
    assert_eq!(parsed, 0);
}

#[test]
fn touching_one_file_of_thousands_reads_one() {
    let dir = tempfile::tempdir().unwrap();
    archive(dir.path(), 2500);
    let cache = tempfile::tempdir().unwrap();
    let (_, _, before, parsed) = index(dir.path(), cache.path());
    assert_eq!(parsed, 2500);
    let touched = dir.path().join("17/1717.txt");
    fs::write(&touched, "date 2025-02-01 Đã sửa\n\nNội dung mới.").unwrap();
    let file = fs::File::options().write(true).open(&touched).unwrap();
    file.set_modified(std::time::SystemTime::now() + Duration::from_secs(5))
        .unwrap();
    let (first, _, last, parsed) = index(dir.path(), cache.path());
    assert_eq!(parsed, 1);
    let head = first.entries().len();
    assert_eq!(
        listed(&first)[..],
        listed(&before)[..head],
        "the head shown at once from the cache"
    );
    assert_eq!(last.find("17/1717").unwrap().1.title, "Đã sửa");
}

#[test]
fn a_folder_that_changes_while_indexing_is_right_by_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    archive(dir.path(), 1500);
    let cache = tempfile::tempdir().unwrap();
    let (sender, updates) = mpsc::channel();
    let opened = indexer::open(
        dir.path(),
        CacheUse::At(cache.path().to_owned()),
        move |u| {
            let _ = sender.send(u);
        },
    )
    .unwrap();
    // While it indexes: one file edited, one removed, one added.
    let _ = updates.recv_timeout(Duration::from_secs(30));
    fs::write(
        dir.path().join("03/300.txt"),
        "date 2025-03-01 Sửa giữa chừng\n\nMới.",
    )
    .unwrap();
    fs::remove_file(dir.path().join("04/400.txt")).unwrap();
    fs::write(
        dir.path().join("00/moi.txt"),
        "date 2025-03-02 Thêm giữa chừng\n\nMới.",
    )
    .unwrap();
    opened.wait();
    let (_, _, last, _) = index(dir.path(), cache.path());
    assert_eq!(listed(&last), listed(&Catalog::open(dir.path()).unwrap()));
}

#[test]
fn a_stop_keeps_what_was_indexed() {
    let dir = tempfile::tempdir().unwrap();
    archive(dir.path(), 2000);
    let cache = tempfile::tempdir().unwrap();
    let (sender, updates) = mpsc::channel();
    let opened = indexer::open(
        dir.path(),
        CacheUse::At(cache.path().to_owned()),
        move |u| {
            let _ = sender.send(u);
        },
    )
    .unwrap();
    // Stop once a first batch is in.
    loop {
        match updates.recv_timeout(Duration::from_secs(60)) {
            Ok(Update::Catalog { progress, .. }) if progress.indexed > 0 => break,
            Ok(_) => {}
            Err(err) => panic!("no batch indexed: {err}"),
        }
    }
    opened.stop();
    let (_, _, last, parsed) = index(dir.path(), cache.path());
    assert!(
        parsed < 2000,
        "what was indexed is not read again: {parsed}"
    );
    assert_eq!(listed(&last), listed(&Catalog::open(dir.path()).unwrap()));
}

#[test]
fn damaged_articles_in_the_cache_are_said_and_indexed_again_next_time() {
    let dir = tempfile::tempdir().unwrap();
    archive(dir.path(), 150);
    let cache = tempfile::tempdir().unwrap();
    let (_, _, whole, parsed) = index(dir.path(), cache.path());
    assert_eq!(parsed, 150);
    // Bytes flipped all through the segments: in the folded text of some articles at least.
    let folder = fs::read_dir(cache.path())
        .unwrap()
        .flatten()
        .next()
        .unwrap()
        .path();
    for file in fs::read_dir(&folder).unwrap().flatten() {
        if file.file_name().to_string_lossy().starts_with("seg-") {
            let mut bytes = fs::read(file.path()).unwrap();
            for at in (64..bytes.len()).step_by(4096) {
                bytes[at] ^= 0x20;
            }
            fs::write(file.path(), bytes).unwrap();
        }
    }
    let (_, updates, again, parsed) = index(dir.path(), cache.path());
    assert_eq!(parsed, 0, "the stamps are those of the cache");
    assert_eq!(listed(&again), listed(&whole));
    let notes: Vec<String> = updates
        .iter()
        .filter_map(|u| match u {
            Update::Note(note) => Some(note.say(Lang::En)),
            _ => None,
        })
        .collect();
    let damaged = again.damaged().len();
    assert!(damaged > 0, "found when checked");
    assert!(
        notes
            .iter()
            .any(|n| n.starts_with(&format!("{damaged} article"))
                && n.contains("damaged")
                && n.contains("stored anew next time")),
        "{notes:?}"
    );
    // The next start reads exactly those again, and finds the rest unchanged.
    let (_, _, last, parsed) = index(dir.path(), cache.path());
    assert_eq!(parsed, damaged);
    assert_eq!(listed(&last), listed(&whole));
    assert!(last.damaged().is_empty());
}

#[test]
fn an_article_whose_stored_text_is_damaged_is_indexed_again_next_time() {
    let dir = tempfile::tempdir().unwrap();
    archive(dir.path(), 40);
    let cache = tempfile::tempdir().unwrap();
    index(dir.path(), cache.path());
    // One article's text damaged in its segment; its folded text left whole.
    let opened = Catalog::open_cached(dir.path(), CacheUse::At(cache.path().to_owned())).unwrap();
    let entry = &opened.catalog.entries()[7];
    let stored = entry.stored().unwrap();
    let key = dir.path().canonicalize().unwrap().display().to_string();
    let segment =
        docbao::catalog::cache::cache_dir(cache.path(), &key).join(stored.segment.name().unwrap());
    let mut bytes = fs::read(&segment).unwrap();
    bytes[stored.parts.text.start + 3] ^= 0x01;
    drop(opened);
    fs::write(&segment, bytes).unwrap();
    let notes = |updates: &[Update]| -> Vec<String> {
        updates
            .iter()
            .filter_map(|u| match u {
                Update::Note(note) => Some(note.say(Lang::En)),
                _ => None,
            })
            .collect()
    };
    let (_, updates, last, parsed) = index(dir.path(), cache.path());
    assert_eq!(parsed, 0, "nothing read before the check");
    let said = notes(&updates);
    assert!(
        said.iter()
            .any(|n| n.contains("1 article damaged") && n.contains("next time")),
        "{said:?}"
    );
    assert_eq!(listed(&last), listed(&Catalog::open(dir.path()).unwrap()));
    let (_, updates, _, parsed) = index(dir.path(), cache.path());
    assert_eq!(parsed, 1, "the damaged one read again");
    assert!(notes(&updates).is_empty(), "{:?}", notes(&updates));
    let (_, _, _, parsed) = index(dir.path(), cache.path());
    assert_eq!(parsed, 0);
}
