//! Bookmarks and reading state through the real files in a temporary data directory.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use docbao::bookmarks::{Anchor, Bookmark, BookmarkStore, Change, FILE_NAME};
use docbao::catalog::Article;
use docbao::i18n::{Lang, Say};
use docbao::state::{Position, StateStore};

fn article(text: &str) -> Article {
    Article::parse("a".into(), PathBuf::from("a.txt"), text.as_bytes()).unwrap()
}

const ORIGINAL: &str = "date 2025-10-26 Tiêu đề\n\nĐoạn một nói về Hà Nội.\n\nĐoạn hai: Công ước Hà Nội gửi đi ba thông điệp rõ ràng.\n\nĐoạn ba kết thúc.";

/// A bookmark of the second paragraph of [`ORIGINAL`].
fn bookmark_of_second() -> (Article, Bookmark) {
    let a = article(ORIGINAL);
    let block = a.blocks[1].range.clone();
    let b = Bookmark::new("news", &a, block);
    (a, b)
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn round_trip_through_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let (a, mut b) = bookmark_of_second();
    assert_eq!(
        b.quote,
        "Đoạn hai: Công ước Hà Nội gửi đi ba thông điệp rõ ràng."
    );
    assert_eq!(
        b.prefix,
        "Tiêu đề\n\nĐoạn một nói về Hà Nội.\n\n"
            .chars()
            .rev()
            .take(32)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect::<String>()
    );
    assert!(b.suffix.starts_with("\n\nĐoạn ba"));
    assert_eq!(b.locate(&a), Anchor::Exact(a.blocks[1].range.clone()));
    b.note = "ghi chú".into();
    let mut store = BookmarkStore::open(dir.path()).unwrap();
    store.apply(Change::Add(b.clone())).unwrap();
    let reopened = BookmarkStore::open(dir.path()).unwrap();
    assert_eq!(reopened.all(), [&b]);
    let json: serde_json::Value =
        serde_json::from_slice(&fs::read(dir.path().join(FILE_NAME)).unwrap()).unwrap();
    assert_eq!(json["version"], 1);
    assert_eq!(json["bookmarks"][0]["quote"], b.quote.as_str());
    assert!(humantime::parse_rfc3339(json["bookmarks"][0]["created"].as_str().unwrap()).is_ok());
}

#[test]
fn reanchoring_after_edits() {
    let (_, b) = bookmark_of_second();
    // Paragraphs inserted before: the same quote, moved.
    let inserted = ORIGINAL.replace("\n\nĐoạn một", "\n\nMới một.\n\nMới hai.\n\nĐoạn một");
    let a = article(&inserted);
    let anchor = b.locate(&a);
    assert!(matches!(anchor, Anchor::Moved(_)), "{anchor:?}");
    assert_eq!(&a.text[anchor.range().unwrap()], b.quote);
    // A paragraph deleted before.
    let deleted = ORIGINAL.replace("Đoạn một nói về Hà Nội.\n\n", "");
    let a = article(&deleted);
    assert_eq!(&a.text[b.locate(&a).range().unwrap()], b.quote);
    // An edit inside the passage: found approximately, whole.
    let edited = ORIGINAL.replace("ba thông điệp", "3 thông điệp quan trọng");
    let a = article(&edited);
    let anchor = b.locate(&a);
    assert!(matches!(anchor, Anchor::Approximate(_)), "{anchor:?}");
    assert_eq!(
        &a.text[anchor.range().unwrap()],
        "Đoạn hai: Công ước Hà Nội gửi đi 3 thông điệp quan trọng rõ ràng."
    );
    // The passage gone: orphaned, and the bookmark is still kept.
    let gone = article("date 2025-10-26 Tiêu đề\n\nHoàn toàn khác.");
    assert_eq!(b.locate(&gone), Anchor::Orphaned);
    let dir = tempfile::tempdir().unwrap();
    let mut store = BookmarkStore::open(dir.path()).unwrap();
    store.apply(Change::Add(b.clone())).unwrap();
    assert_eq!(BookmarkStore::open(dir.path()).unwrap().all().len(), 1);
}

#[test]
fn a_corrupt_file_is_set_aside_and_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE_NAME);
    fs::write(&path, "{\"version\": 1, \"bookmarks\": [trailing garbage").unwrap();
    let mut store = BookmarkStore::open(dir.path()).unwrap();
    let notice = store.notice.clone().expect("the user is told");
    let notice = notice.say(Lang::En);
    assert!(notice.contains("bookmarks.json.corrupt-"), "{notice}");
    let aside: Vec<String> = files_in(dir.path())
        .into_iter()
        .filter(|n| n.contains(".corrupt-"))
        .collect();
    assert_eq!(aside.len(), 1);
    let (_, b) = bookmark_of_second();
    store.apply(Change::Add(b)).unwrap();
    assert_eq!(
        fs::read_to_string(dir.path().join(&aside[0])).unwrap(),
        "{\"version\": 1, \"bookmarks\": [trailing garbage",
        "the unreadable file is kept as it was"
    );
    assert_eq!(BookmarkStore::open(dir.path()).unwrap().all().len(), 1);
}

#[test]
fn two_windows_interleaved_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut one = BookmarkStore::open(dir.path()).unwrap();
    let mut two = BookmarkStore::open(dir.path()).unwrap();
    let a = article(ORIGINAL);
    let mark = |i: usize| Bookmark::new("news", &a, a.blocks[i].range.clone());
    let (b0, b1, b2) = (mark(0), mark(1), mark(2));
    one.apply(Change::Add(b0.clone())).unwrap();
    two.apply(Change::Add(b1.clone())).unwrap();
    one.apply(Change::Add(b2.clone())).unwrap();
    // Window two deletes what window one made, then adds a note to its own.
    two.apply(Change::Remove(b0.id.clone())).unwrap();
    two.apply(Change::SetNote {
        id: b1.id.clone(),
        note: "từ cửa sổ hai".into(),
        updated: "2026-01-01T00:00:00Z".into(),
    })
    .unwrap();
    // Window one's next save must not bring b0 back nor lose the note.
    one.apply(Change::SetNote {
        id: b2.id.clone(),
        note: "từ cửa sổ một".into(),
        updated: "2026-01-01T00:00:01Z".into(),
    })
    .unwrap();
    let last = BookmarkStore::open(dir.path()).unwrap();
    let mut ids: Vec<(&str, &str)> = last
        .all()
        .iter()
        .map(|b| (b.id.as_str(), b.note.as_str()))
        .collect();
    ids.sort();
    let mut expected = vec![
        (b1.id.as_str(), "từ cửa sổ hai"),
        (b2.id.as_str(), "từ cửa sổ một"),
    ];
    expected.sort();
    assert_eq!(ids, expected);
}

#[test]
fn concurrent_writers_end_with_every_bookmark() {
    let dir = tempfile::tempdir().unwrap();
    let a = Arc::new(article(ORIGINAL));
    let threads: Vec<_> = (0..2)
        .map(|_| {
            let (dir, a) = (dir.path().to_owned(), Arc::clone(&a));
            std::thread::spawn(move || {
                let mut store = BookmarkStore::open(&dir).unwrap();
                for i in 0..40 {
                    let block = a.blocks[i % a.blocks.len()].range.clone();
                    store
                        .apply(Change::Add(Bookmark::new("news", &a, block)))
                        .unwrap();
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    assert_eq!(BookmarkStore::open(dir.path()).unwrap().all().len(), 80);
}

#[test]
fn a_stray_temporary_file_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (_, b) = bookmark_of_second();
    let mut store = BookmarkStore::open(dir.path()).unwrap();
    store.apply(Change::Add(b.clone())).unwrap();
    // What a write killed halfway leaves behind.
    fs::write(
        dir.path().join(".bookmarks.json.tmp-4242-0"),
        "{\"version\": 1, \"bookm",
    )
    .unwrap();
    let reopened = BookmarkStore::open(dir.path()).unwrap();
    assert_eq!(reopened.all(), [&b]);
    assert!(reopened.notice.is_none());
}

#[test]
fn a_failed_save_keeps_the_change_and_retries() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut store = BookmarkStore::open(&data).unwrap();
    // A file where the data folder should be: saving cannot work.
    fs::write(&data, "not a folder").unwrap();
    let a = article(ORIGINAL);
    let first = Bookmark::new("news", &a, a.blocks[0].range.clone());
    let err = store.apply(Change::Add(first.clone())).unwrap_err();
    assert!(err.to_string().contains("data"), "{err}");
    assert_eq!(store.all(), [&first], "kept in memory");
    // The folder is fixed; the next change saves both.
    fs::remove_file(&data).unwrap();
    let second = Bookmark::new("news", &a, a.blocks[1].range.clone());
    store.apply(Change::Add(second)).unwrap();
    assert_eq!(BookmarkStore::open(&data).unwrap().all().len(), 2);
}

#[test]
fn reading_state_round_trip_and_merge() {
    let dir = tempfile::tempdir().unwrap();
    let a = article(ORIGINAL);
    let mut one = StateStore::open(dir.path(), "news").unwrap();
    let mut two = StateStore::open(dir.path(), "news").unwrap();
    one.record("a", Position::at(&a, 2, 60));
    one.save().unwrap();
    let mut older = Position::at(&a, 1, 10);
    older.updated = "2000-01-01T00:00:00Z".into();
    two.record("a", older);
    two.record("b", Position::at(&a, 0, 100));
    two.save().unwrap();
    let merged = StateStore::open(dir.path(), "news").unwrap().state;
    assert_eq!(merged.articles["a"].block, 2, "the newer position wins");
    assert!(merged.articles["b"].read);
    // Paragraphs added before: the anchor finds the same paragraph.
    let inserted = article(&ORIGINAL.replace("\n\nĐoạn một", "\n\nMới.\n\nĐoạn một"));
    assert_eq!(merged.articles["a"].find_block(&inserted), 3);
}

#[test]
fn a_corrupt_state_file_is_set_aside() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("state.json"), "nonsense").unwrap();
    let store = StateStore::open(dir.path(), "news").unwrap();
    assert!(
        store
            .notice
            .unwrap()
            .say(Lang::En)
            .contains("state.json.corrupt-")
    );
}

#[test]
fn each_folder_keeps_its_own_reading_state_in_one_file() {
    let dir = tempfile::tempdir().unwrap();
    let a = article(ORIGINAL);
    let mut news = StateStore::open(dir.path(), "/home/me/news").unwrap();
    news.record("a", Position::at(&a, 2, 60));
    news.save().unwrap();
    let mut other = StateStore::open(dir.path(), "/home/me/other").unwrap();
    assert!(
        other.state.articles.is_empty(),
        "another folder starts afresh"
    );
    other.record("a", Position::at(&a, 0, 10));
    other.save().unwrap();
    let news = StateStore::open(dir.path(), "/home/me/news").unwrap();
    assert_eq!(news.state.articles["a"].block, 2, "kept apart");
    let json: serde_json::Value =
        serde_json::from_slice(&fs::read(dir.path().join("state.json")).unwrap()).unwrap();
    assert_eq!(json["version"], 2);
    assert_eq!(json["folders"].as_object().unwrap().len(), 2);
}

/// An article whose second paragraph is `sentences` numbered sentences long.
fn long_article(sentences: usize, changed: Option<usize>, before: &str) -> Article {
    let paragraph: Vec<String> = (0..sentences)
        .map(|n| match changed {
            Some(c) if c == n => format!("Câu số {n} đã được sửa lại."),
            _ => format!("Câu số {n} nói về Công ước Hà Nội."),
        })
        .collect();
    article(&format!(
        "date 2025-10-26 Tiêu đề\n\n{before}Mở đầu.\n\n{}\n\nKết thúc.",
        paragraph.join(" ")
    ))
}

#[test]
fn a_long_passage_keeps_its_start_its_end_and_a_hash_and_is_found_again() {
    // Half a megabyte: a bookmark on it stores a few thousand characters, not all of it.
    let original = long_article(12_000, None, "");
    let block = original.blocks[1].range.clone();
    let bookmark = Bookmark::new("news", &original, block.clone());
    assert!(block.len() > 400_000, "{}", block.len());
    assert_eq!(
        bookmark.quote.chars().count(),
        docbao::bookmarks::KEPT_CHARS
    );
    assert_eq!(
        bookmark.quote_end.chars().count(),
        docbao::bookmarks::KEPT_CHARS
    );
    assert!(bookmark.quote_hash.is_some());
    let json = serde_json::to_string(&bookmark).unwrap();
    assert!(json.len() < 10_000, "{} bytes", json.len());
    assert!(bookmark.shown_quote().contains(" […] "));
    assert_eq!(bookmark.locate(&original), Anchor::Exact(block.clone()));
    // Text added before it: moved, the same passage.
    let moved = long_article(12_000, None, "Một đoạn mới.\n\n");
    let anchor = bookmark.locate(&moved);
    assert!(matches!(anchor, Anchor::Moved(_)), "{anchor:?}");
    assert_eq!(
        &moved.text[anchor.range().unwrap()],
        &original.text[block.clone()]
    );
    // A sentence in its middle edited: the hash tells, and the passage is found between its
    // ends.
    let edited = long_article(12_000, Some(6_000), "");
    let anchor = bookmark.locate(&edited);
    assert!(matches!(anchor, Anchor::Approximate(_)), "{anchor:?}");
    assert_eq!(anchor.range().unwrap(), edited.blocks[1].range.clone());
    // Through the file and back, as saved.
    let dir = tempfile::tempdir().unwrap();
    let mut store = BookmarkStore::open(dir.path()).unwrap();
    store.apply(Change::Add(bookmark.clone())).unwrap();
    let again = BookmarkStore::open(dir.path()).unwrap();
    assert_eq!(again.list(), [bookmark]);
    // A short passage is kept whole, as before.
    let (a, short) = bookmark_of_second();
    assert!(short.quote_end.is_empty() && short.quote_hash.is_none());
    assert!(!serde_json::to_string(&short).unwrap().contains("quote_end"));
    assert!(matches!(short.locate(&a), Anchor::Exact(_)));
}
