//! Scraped text that arrives as mojibake (UTF-8 once read as Windows-1252 or Latin-1) is
//! repaired on reading, says so, and is found by search; clean text is never changed.

use crate::common;

use std::fs;
use std::process::Command;

use docbao::catalog::{Article, Catalog};
use docbao::i18n::{Lang, Say};
use docbao::text::mojibake::damage;

fn bundled_files() -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = fs::read_dir("articles")
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, fs::read(&p).unwrap())
        })
        .collect();
    files.sort();
    files
}

fn parse(name: &str, bytes: &[u8]) -> Article {
    Article::parse(name.to_owned(), name.into(), bytes).unwrap()
}

#[test]
fn the_bundled_articles_double_encoded_either_way_read_as_the_originals() {
    for (name, bytes) in bundled_files() {
        let original = parse(&name, &bytes);
        assert!(
            original.warnings.is_empty(),
            "{name}: {:?}",
            original.warnings
        );
        let text = String::from_utf8(bytes).unwrap();
        for latin1 in [false, true] {
            let damaged = damage(&text, latin1);
            assert_ne!(damaged, text);
            let repaired = parse(&name, damaged.as_bytes());
            assert_eq!(repaired.text, original.text, "{name}, latin1 {latin1}");
            assert_eq!(repaired.title, original.title);
            assert_eq!(
                repaired
                    .warnings
                    .iter()
                    .map(|w| w.say(Lang::En))
                    .collect::<Vec<_>>(),
                vec!["repaired mojibake".to_owned()]
            );
        }
    }
}

#[test]
fn clean_articles_are_never_changed() {
    let news = tempfile::tempdir().unwrap();
    common::nested::generate(news.path());
    let catalogs = [
        common::bundled(),
        common::bundled_nfd(),
        std::sync::Arc::new(Catalog::open(news.path()).unwrap()),
    ];
    for catalog in catalogs {
        for (index, entry) in catalog.entries().iter().enumerate() {
            let article = catalog.article(index).unwrap();
            assert!(
                !article
                    .warnings
                    .iter()
                    .any(|w| w.say(Lang::En).contains("mojibake")),
                "{}",
                entry.id
            );
        }
    }
}

#[test]
fn a_repaired_file_is_listed_with_its_warning_and_its_words_are_found() {
    let dir = tempfile::tempdir().unwrap();
    let (name, bytes) = bundled_files().remove(0);
    let text = String::from_utf8(bytes).unwrap();
    fs::write(dir.path().join(&name), damage(&text, false)).unwrap();
    // No byte of this one's UTF-8 is one that Windows-1252 leaves undefined, so its mojibake
    // has no control character to make the sieve read it whole.
    let plain = "date 2025-10-27 Thủ tướng phát biểu\n\nThủ tướng nói với mạng.\n";
    assert!(
        !damage(plain, false)
            .chars()
            .any(|c| c.is_control() && c != '\n')
    );
    fs::write(dir.path().join("b.txt"), damage(plain, false)).unwrap();
    let cache = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_docbao"))
            .env("DOCBAO_CACHE_DIR", cache.path())
            .args(args)
            .arg(dir.path())
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let listed: serde_json::Value = serde_json::from_str(&run(&["list", "--json"])).unwrap();
    for article in listed.as_array().unwrap() {
        assert_eq!(article["warnings"][0], "repaired mojibake", "{listed}");
    }
    for args in [
        &["search", "--json", "thủ tướng"][..],
        &["search", "--json", "--no-cache", "thu tuong"][..],
    ] {
        let found = run(args);
        assert!(found.contains("Kết tinh"), "{args:?}: {found}");
        assert!(found.contains("Thủ tướng phát biểu"), "{args:?}: {found}");
    }
}

#[test]
fn mojibake_with_characters_already_lost_says_it_is_repaired_only_in_part() {
    let (name, bytes) = bundled_files().remove(0);
    let text = String::from_utf8(bytes).unwrap();
    // Scraped through a lossy step: one character already a replacement character.
    let mut damaged = damage(&text, false);
    let at = damaged.find("Ä‘").expect("a damaged đ");
    damaged.replace_range(at..at + "Ä‘".len(), "\u{FFFD}");
    let repaired = parse(&name, damaged.as_bytes());
    assert!(repaired.text.contains('\u{FFFD}'));
    let said: Vec<String> = repaired.warnings.iter().map(|w| w.say(Lang::En)).collect();
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].contains("repaired in part"), "{said:?}");
    assert_eq!(
        repaired.warnings[0],
        docbao::catalog::Warning::MojibakePartly
    );
}
