//! The catalog cache: whatever happens to the files or to the cache, a catalog opened through
//! it lists and finds exactly what one read afresh does, and only changed files are read.

use crate::common;

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, SystemTime};

use docbao::catalog::{CacheUse, Catalog, Opened, cache};
use docbao::i18n::{Lang, Say};
use docbao::search::{self, Options, Query};

/// What a catalog lists and what a few searches find in it, to compare two catalogs by.
fn seen(catalog: &Catalog) -> Vec<String> {
    let mut out: Vec<String> = catalog
        .entries()
        .iter()
        .map(|e| {
            format!(
                "{} | {} | {:?} | {} | {:?}",
                e.id, e.title, e.date, e.words, e.warnings
            )
        })
        .collect();
    out.extend(
        catalog
            .problems()
            .iter()
            .map(|p| format!("skipped {}", p.say(Lang::En))),
    );
    for text in ["ha noi", "Hà Nội", "cong uoc", "thủ tướng", "bài"] {
        let query = Query::new(text, Options::default());
        let found = search::find_everywhere(catalog, &query);
        for (entry, ranges) in catalog.entries().iter().zip(found) {
            if !ranges.is_empty() {
                out.push(format!("{text}: {} {ranges:?}", entry.id));
            }
        }
        let hits = search::Searcher::new(std::sync::Arc::new(catalog.clone())).run(&query);
        let ranked: Vec<String> = hits
            .hits
            .iter()
            .enumerate()
            .map(|(rank, h)| {
                // The first results are placed in the text; the rest may be, or not yet.
                let first = if rank < 10 { h.first().cloned() } else { None };
                format!("{}×{:?} {first:?}", catalog.entries()[h.index].id, h.count)
            })
            .collect();
        out.push(format!("{text} ranked: {ranked:?}"));
    }
    out
}

fn open(folder: &Path, cache: &Path) -> Opened {
    Catalog::open_cached(folder, CacheUse::At(cache.to_owned())).expect("opens")
}

/// Opens through the cache and checks it matches a fresh read; returns how many files it read.
#[track_caller]
fn check(folder: &Path, cache: &Path) -> (usize, Option<String>) {
    let cached = open(folder, cache);
    let fresh = Catalog::open_cached(folder, CacheUse::Bypass).expect("opens");
    assert_eq!(seen(&cached.catalog), seen(&fresh.catalog));
    (cached.parsed, cached.note.map(|n| n.say(Lang::En)))
}

/// Changes a file's text and makes sure its modification time moves.
fn edit(path: &Path, text: &str) {
    let before = fs::metadata(path).and_then(|m| m.modified()).ok();
    fs::write(path, text).unwrap();
    let file = fs::File::options().write(true).open(path).unwrap();
    let later = before.unwrap_or_else(SystemTime::now) + Duration::from_secs(5);
    file.set_modified(later).unwrap();
}

fn folder() -> (tempfile::TempDir, tempfile::TempDir, usize) {
    let news = tempfile::tempdir().unwrap();
    let written = common::nested::generate(news.path());
    fs::write(news.path().join("empty.txt"), "").unwrap();
    (news, tempfile::tempdir().unwrap(), written.len())
}

/// The cache folder of `folder` under `cache`.
fn dir_of(folder: &Path, cache: &Path) -> std::path::PathBuf {
    let key = folder.canonicalize().unwrap().display().to_string();
    cache::cache_dir(cache, &key)
}

#[test]
fn a_second_open_reads_nothing_and_finds_the_same() {
    let (news, cache, count) = folder();
    assert_eq!(check(news.path(), cache.path()), (count + 1, None));
    assert_eq!(
        check(news.path(), cache.path()),
        (0, None),
        "all from the cache"
    );
}

#[test]
fn only_what_changed_is_read_again() {
    let (news, cache, _) = folder();
    check(news.path(), cache.path());
    // Edited.
    edit(
        &news.path().join("a/bai.txt"),
        "date 2025-12-01 Bài sửa lại\n\nHà Nội mới.",
    );
    assert_eq!(check(news.path(), cache.path()).0, 1);
    // Added.
    fs::write(
        news.path().join("moi.txt"),
        "date 2025-12-02 Bài mới\n\nCông ước.",
    )
    .unwrap();
    assert_eq!(check(news.path(), cache.path()).0, 1);
    // Removed.
    fs::remove_file(news.path().join("b/bai.txt")).unwrap();
    assert_eq!(check(news.path(), cache.path()).0, 0);
    assert!(
        open(news.path(), cache.path())
            .catalog
            .find("b/bai")
            .is_none()
    );
    // Renamed: the old name goes, the new one is read.
    fs::rename(news.path().join("moi.txt"), news.path().join("doi-ten.txt")).unwrap();
    assert_eq!(check(news.path(), cache.path()).0, 1);
    // The skipped file, fixed.
    edit(
        &news.path().join("empty.txt"),
        "date 2025-12-03 Hết trống\n\nCó chữ.",
    );
    assert_eq!(check(news.path(), cache.path()).0, 1);
    assert_eq!(check(news.path(), cache.path()).0, 0);
}

#[test]
fn the_same_time_with_another_size_is_a_change() {
    let (news, cache, _) = folder();
    check(news.path(), cache.path());
    let path = news.path().join("tin-1.txt");
    let modified = fs::metadata(&path).unwrap().modified().unwrap();
    fs::write(&path, "date 2025-07-02 Ngắn hơn\n\nNgắn.").unwrap();
    let file = fs::File::options().write(true).open(&path).unwrap();
    file.set_modified(modified).unwrap();
    assert_eq!(fs::metadata(&path).unwrap().modified().unwrap(), modified);
    assert_eq!(check(news.path(), cache.path()).0, 1);
}

#[test]
fn a_file_rewritten_in_place_at_the_same_size_and_time_is_a_change() {
    let (news, cache, _) = folder();
    check(news.path(), cache.path());
    let path = news.path().join("tin-1.txt");
    let before = fs::metadata(&path).unwrap();
    let text = fs::read_to_string(&path).unwrap();
    let changed = text.replacen("Bài", "BÀI", 1);
    assert_eq!(changed.len(), text.len(), "the same size");
    // Written in place (the same inode), its modification time put back.
    fs::OpenOptions::new()
        .write(true)
        .open(&path)
        .and_then(|mut f| std::io::Write::write_all(&mut f, changed.as_bytes()))
        .unwrap();
    let file = fs::File::options().write(true).open(&path).unwrap();
    file.set_modified(before.modified().unwrap()).unwrap();
    let after = fs::metadata(&path).unwrap();
    assert_eq!(after.modified().unwrap(), before.modified().unwrap());
    assert_eq!(after.len(), before.len());
    assert_eq!(check(news.path(), cache.path()).0, 1);
}

/// The segment file written last: the one the index names (older ones wait to be removed).
fn newest_segment(dir: &Path) -> std::path::PathBuf {
    fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("seg-"))
        .max_by_key(|e| e.metadata().unwrap().modified().unwrap())
        .expect("a segment")
        .path()
}

#[test]
fn a_damaged_cache_is_rebuilt_with_a_note() {
    let (news, cache, count) = folder();
    check(news.path(), cache.path());
    let dir = dir_of(news.path(), cache.path());
    let index = dir.join("index.bin");
    // A byte flipped in the index.
    let mut bytes = fs::read(&index).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x55;
    fs::write(&index, &bytes).unwrap();
    let (parsed, note) = check(news.path(), cache.path());
    assert_eq!(parsed, count + 1);
    assert!(note.unwrap().contains("rebuilt"));
    // The index cut short.
    let bytes = fs::read(&index).unwrap();
    fs::write(&index, &bytes[..bytes.len() / 3]).unwrap();
    assert_eq!(check(news.path(), cache.path()).0, count + 1);
    // From another version.
    let mut bytes = fs::read(&index).unwrap();
    bytes[8] = bytes[8].wrapping_add(1);
    fs::write(&index, &bytes).unwrap();
    let (parsed, note) = check(news.path(), cache.path());
    assert_eq!(parsed, count + 1);
    assert!(note.unwrap().contains("version"));
    // Bytes flipped inside a segment.
    let segment = newest_segment(&dir);
    let mut bytes = fs::read(&segment).unwrap();
    for at in [100, bytes.len() / 2, bytes.len() - 10] {
        bytes[at] ^= 0x01;
    }
    fs::write(&segment, &bytes).unwrap();
    // Each article's checksums are checked when it is first used: the damaged ones are read
    // from their files then, and what is found is the same.
    check(news.path(), cache.path());
    // A segment cut short: the cache cannot be used.
    let bytes = fs::read(&segment).unwrap();
    fs::write(&segment, &bytes[..bytes.len() / 2]).unwrap();
    let (parsed, note) = check(news.path(), cache.path());
    assert!(parsed > 0 && note.is_some());
}

#[test]
fn a_cache_that_cannot_be_written_is_bypassed() {
    let (news, cache, count) = folder();
    // A file where the cache's folder would go: nothing can be made under it.
    let blocked = cache.path().join("file");
    fs::write(&blocked, "not a folder").unwrap();
    let (parsed, note) = check(news.path(), &blocked);
    assert_eq!(parsed, count + 1);
    assert!(note.unwrap().contains("not written"));
}

#[test]
fn one_file_touched_among_many_is_the_only_one_read() {
    let news = tempfile::tempdir().unwrap();
    for n in 0..2000 {
        let dir = news.path().join(format!("{}", n / 100));
        fs::create_dir_all(&dir).unwrap();
        fs::write(
            dir.join(format!("{n}.txt")),
            format!("date 2025-01-01 Bài {n}\n\nNội dung bài {n}."),
        )
        .unwrap();
    }
    let cache = tempfile::tempdir().unwrap();
    assert_eq!(open(news.path(), cache.path()).parsed, 2000);
    edit(
        &news.path().join("7/777.txt"),
        "date 2025-01-02 Sửa\n\nKhác.",
    );
    assert_eq!(open(news.path(), cache.path()).parsed, 1);
}

#[test]
fn two_processes_building_the_cache_at_once() {
    let (news, cache, _) = folder();
    let run = || {
        Command::new(env!("CARGO_BIN_EXE_docbao"))
            .args(["list"])
            .arg(news.path())
            .env("DOCBAO_CACHE_DIR", cache.path())
            .output()
            .unwrap()
    };
    let fresh = Command::new(env!("CARGO_BIN_EXE_docbao"))
        .args(["list", "--no-cache"])
        .arg(news.path())
        .output()
        .unwrap();
    let (one, two) = std::thread::scope(|s| {
        let one = s.spawn(run);
        let two = s.spawn(run);
        (one.join().unwrap(), two.join().unwrap())
    });
    for out in [&one, &two] {
        assert!(out.status.success());
        assert_eq!(out.stdout, fresh.stdout);
    }
    assert_eq!(
        check(news.path(), cache.path()).0,
        0,
        "either one's cache is whole"
    );
    assert_eq!(run().stdout, fresh.stdout);
}

#[test]
fn the_cache_command_says_where_and_clears() {
    let (news, cache, _) = folder();
    let docbao = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_docbao"))
            .args(args)
            .arg(news.path())
            .env("DOCBAO_CACHE_DIR", cache.path())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    docbao(&["list"]);
    let dir = dir_of(news.path(), cache.path());
    let said = docbao(&["cache"]);
    assert!(said.contains(&dir.display().to_string()), "{said}");
    let (files, bytes) = fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .fold((0, 0), |(n, b), e| (n + 1, b + e.metadata().unwrap().len()));
    let size = format!("({files} files, {})", docbao::text::byte_size(bytes));
    assert!(said.contains(&size), "{said} should say {size}");
    assert!(dir.join("index.bin").exists());
    docbao(&["cache", "--clear"]);
    assert!(!dir.exists());
    docbao(&["list", "--no-cache"]);
    assert!(!dir.exists(), "--no-cache writes nothing");
    let said = docbao(&["cache"]);
    assert!(
        said.starts_with("no cache of ") && said.contains("yet"),
        "{said}"
    );
    let said = docbao(&["cache", "--clear"]);
    assert!(
        said.starts_with("no cache of ") && said.contains("to remove"),
        "{said}"
    );
}

#[test]
fn a_damaged_signature_never_hides_a_match() {
    let (news, cache, _) = folder();
    check(news.path(), cache.path());
    // Every article's trigram signature cleared, its checksum left as it was: were the
    // signatures trusted without it, every search would rule every article out.
    let opened = open(news.path(), cache.path());
    let dir = dir_of(news.path(), cache.path());
    let mut cleared: std::collections::HashMap<String, Vec<u8>> = Default::default();
    for entry in opened.catalog.entries() {
        let stored = entry.stored().expect("indexed");
        let name = stored.segment.name().expect("mapped").to_owned();
        let bytes = cleared
            .entry(name.clone())
            .or_insert_with(|| fs::read(dir.join(&name)).unwrap());
        let grams = &stored.parts.grams;
        assert!(!grams.is_empty(), "a signature");
        bytes[grams.clone()].fill(0);
    }
    drop(opened);
    for (name, bytes) in cleared {
        fs::write(dir.join(name), bytes).unwrap();
    }
    check(news.path(), cache.path());
}

#[test]
fn signatures_rule_out_most_articles_a_query_is_not_in() {
    let (news, cache, _) = folder();
    check(news.path(), cache.path());
    let opened = open(news.path(), cache.path());
    let entries = opened.catalog.entries();
    // A phrase of one article only: most others are told apart by their signature alone.
    let query = Query::new("zqxw vbnk", Options::default());
    let probe = docbao::text::grams::Probe::new(b"zqxw vbnk");
    let ruled_out = entries
        .iter()
        .filter(|e| !probe.may_occur(e.stored().unwrap().grams().unwrap()))
        .count();
    assert!(
        ruled_out * 10 >= entries.len() * 9,
        "{ruled_out} of {} ruled out",
        entries.len()
    );
    let hits = search::Searcher::new(std::sync::Arc::new(opened.catalog.clone())).run(&query);
    assert!(hits.hits.is_empty());
}

/// Every segment file of the cache folder `dir`.
fn segments(dir: &Path) -> Vec<std::path::PathBuf> {
    let segments: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("seg-"))
        .collect();
    assert!(!segments.is_empty(), "a cache with segments");
    segments
}

/// Opens the folder through its cache twice (one catalog searched before the cache is
/// damaged, so that what every search keeps in memory is there, one not), damages every
/// segment file with `damage` while both are open, then checks that each lists, finds and
/// opens exactly what a fresh read does, and that the next open rebuilds the cache.
#[track_caller]
fn damaged_under_an_open_catalog(damage: impl Fn(&Path)) {
    let (news, cache, _) = folder();
    check(news.path(), cache.path());
    let searched = open(news.path(), cache.path());
    let unsearched = open(news.path(), cache.path());
    assert_eq!(
        (searched.parsed, unsearched.parsed),
        (0, 0),
        "from the cache"
    );
    let fresh = Catalog::open_cached(news.path(), CacheUse::Bypass).expect("opens");
    let expected = seen(&fresh.catalog);
    assert_eq!(seen(&searched.catalog), expected);
    for segment in segments(&dir_of(news.path(), cache.path())) {
        damage(&segment);
    }
    for opened in [&searched, &unsearched] {
        let catalog = &opened.catalog;
        assert_eq!(seen(catalog), expected);
        for index in 0..catalog.entries().len() {
            assert_eq!(catalog.article(index), fresh.catalog.article(index));
        }
        assert!(!catalog.damaged().is_empty(), "what was damaged is known");
    }
    let (parsed, note) = check(news.path(), cache.path());
    assert!(parsed > 0 && note.is_some(), "rebuilt: {parsed} {note:?}");
    assert_eq!(check(news.path(), cache.path()), (0, None));
}

#[test]
fn a_segment_cut_short_under_an_open_catalog_is_read_around() {
    damaged_under_an_open_catalog(|segment| {
        let file = fs::File::options().write(true).open(segment).unwrap();
        file.set_len(10).unwrap();
    });
}

#[test]
fn a_segment_rewritten_with_other_bytes_under_an_open_catalog_is_read_around() {
    damaged_under_an_open_catalog(|segment| {
        // Every byte changed, the size the same.
        let bytes: Vec<u8> = fs::read(segment).unwrap().iter().map(|b| !b).collect();
        // Written in place, as another program would: the open file sees the new bytes.
        let mut file = fs::File::options().write(true).open(segment).unwrap();
        std::io::Write::write_all(&mut file, &bytes).unwrap();
    });
}

#[test]
fn a_rebuilt_cache_removes_the_segments_of_the_one_it_replaced_at_once() {
    let (news, cache, _) = folder();
    check(news.path(), cache.path());
    let dir = dir_of(news.path(), cache.path());
    let before = segments(&dir);
    // From another version: rebuilt whole, in new segments.
    let index = dir.join("index.bin");
    let mut bytes = fs::read(&index).unwrap();
    bytes[8] = bytes[8].wrapping_add(1);
    fs::write(&index, &bytes).unwrap();
    let (_, note) = check(news.path(), cache.path());
    assert!(note.unwrap().contains("version"));
    let after = segments(&dir);
    let left: Vec<_> = before.iter().filter(|s| after.contains(s)).collect();
    assert_eq!(left, Vec::<&std::path::PathBuf>::new(), "old segments left");
    // The new cache is whole: a third open reads nothing.
    assert_eq!(check(news.path(), cache.path()).0, 0);
}
