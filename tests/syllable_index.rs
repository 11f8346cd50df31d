//! The syllable index behind the list's search: the same results as the scan, in the same
//! order, for every query and option; kept in parts in the cache, a changed file making a
//! part of its own, a damaged part built again.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use docbao::catalog::syllables::Syllables;
use docbao::catalog::{CacheUse, Catalog};
use docbao::search::{self, CatalogHits, Options, Query, Sensitivity, Words};
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

fn word() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        Just("Thủ"),
        Just("thủ"),
        Just("THỦ"),
        Just("thu"),
        Just("thuý"),
        Just("tướng"),
        Just("tuong"),
        Just("Tướng"),
        Just("Hà"),
        Just("ha"),
        Just("hạ"),
        Just("Nội"),
        Just("noi"),
        Just("Công"),
        Just("ước"),
        Just("Đặng"),
        Just("dang"),
        Just("đại"),
        Just("hòa"),
        Just("hoà"),
        Just("covid-19"),
        Just("5%"),
        Just("日本"),
        Just("e\u{301}"),
        Just("a"),
    ]
}

fn text() -> impl Strategy<Value = String> {
    let sep = prop_oneof![
        4 => Just(" "),
        1 => Just("  "),
        1 => Just("\n\n"),
        1 => Just(", "),
        1 => Just("-"),
        1 => Just(""),
    ];
    prop::collection::vec((word(), sep), 0..40)
        .prop_map(|v| v.into_iter().map(|(w, s)| format!("{w}{s}")).collect())
}

fn article() -> impl Strategy<Value = String> {
    (text(), text(), any::<bool>()).prop_map(|(title, body, nfd)| {
        let title = title.replace('\n', " ");
        let article = format!("date 2025-10-26 {title}\n\n{body}\n");
        match nfd {
            true => article.nfd().collect(),
            false => article,
        }
    })
}

fn query() -> impl Strategy<Value = String> {
    let typed = prop_oneof![
        Just("h"),
        Just("th"),
        Just("thu t"),
        Just("thu tuong"),
        Just("Thủ tướ"),
        Just("ha n"),
        Just("ha noi"),
        Just("cong uoc ha noi"),
        Just("uoc"),
        Just("covid-1"),
        Just("-19"),
        Just("5%"),
        Just("日"),
        Just("dai"),
        Just("đ"),
        Just("hoa"),
        Just("hòa"),
        Just("e"),
        Just("noi ha"),
        Just("tuong thu"),
    ];
    prop::collection::vec(typed, 1..3).prop_map(|words| words.join(" "))
}

fn sensitivity() -> impl Strategy<Value = Sensitivity> {
    prop_oneof![
        Just(Sensitivity::Smart),
        Just(Sensitivity::On),
        Just(Sensitivity::Off)
    ]
}

fn words() -> impl Strategy<Value = Words> {
    prop_oneof![
        Just(Words::Start),
        Just(Words::Whole),
        Just(Words::Anywhere)
    ]
}

/// Whether the index's results are the scan's: the same articles in the same order, counted,
/// ranked and placed the same; where each first matched the same too, or 0 where the index
/// knew it matched without reading as far (see `ArticleHits::from`).
fn same(found: Option<CatalogHits>, expected: Option<CatalogHits>) -> Result<(), String> {
    let (Some(mut found), Some(mut expected)) = (found, expected) else {
        return Err("a search abandoned".to_owned());
    };
    for (f, e) in found.hits.iter_mut().zip(&mut expected.hits) {
        if f.from != e.from && f.from != 0 {
            return Err(format!(
                "article {} first matched at {} not {}",
                f.index, f.from, e.from
            ));
        }
        (f.from, e.from) = (0, 0);
    }
    match found == expected {
        true => Ok(()),
        false => Err(format!("found {found:#?}\nexpected {expected:#?}")),
    }
}

fn catalog_of(articles: &[String]) -> Catalog {
    let sources = articles.iter().enumerate().map(|(i, text)| {
        (
            PathBuf::from(format!("{i:03}.txt")),
            Ok(text.as_bytes().to_vec()),
        )
    });
    Catalog::from_sources(sources, "test".to_owned())
}

fn with_index(articles: &[String]) -> Catalog {
    let catalog = catalog_of(articles);
    let index = Syllables::update(None, &catalog, None);
    catalog.set_syllables(Arc::new(index));
    catalog
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn the_index_finds_what_the_scan_finds_in_the_same_order(
        articles in prop::collection::vec(article(), 1..12),
        typed in query(),
        case in sensitivity(),
        accents in sensitivity(),
        words in words(),
        any_order in any::<bool>(),
    ) {
        let scanned = catalog_of(&articles);
        let indexed = with_index(&articles);
        prop_assert!(indexed.syllables().is_some());
        let mut query = Query::new(&typed, Options { case, accents, words });
        if any_order {
            query = query.in_any_order();
        }
        let never = || false;
        let expected = search::search_catalog(&scanned, &query, None, &never);
        let found = search::search_catalog(&indexed, &query, None, &never);
        prop_assert_eq!(same(found, expected), Ok(()), "{:?}", query);
    }
}

#[test]
fn the_index_holds_syllables_and_pairs_and_rules_out_the_rest() {
    let articles = [
        "date 2025-10-26 Thủ tướng phát biểu\n\nThủ tướng Chính phủ nói.\n".to_owned(),
        "date 2025-10-27 Thu hoạch lúa\n\nThu về, tướng sĩ nghỉ.\n".to_owned(),
        "date 2025-10-28 Công ước Hà Nội\n\nKý kết tại Hà Nội.\n".to_owned(),
    ];
    let catalog = with_index(&articles);
    let index = catalog.syllables().expect("made");
    use docbao::catalog::syllables::Wanted;
    let ask = |wanted: &[Wanted<'_>]| index.candidates(wanted).expect("asked something");
    let pair = |text, prefix| Wanted::Pair { text, prefix };
    let syllable = |text, prefix| Wanted::Syllable { text, prefix };
    let at = |name: &str| {
        catalog
            .entries()
            .iter()
            .position(|e| e.path.to_string_lossy().starts_with(name))
            .expect("listed")
    };
    assert_eq!(ask(&[pair("thu tuong", false)]), [at("000")]);
    assert_eq!(ask(&[pair("thu t", true)]), [at("000")]);
    let mut both = vec![at("000"), at("001")];
    both.sort_unstable();
    assert_eq!(ask(&[syllable("tuong", false)]), both);
    assert_eq!(ask(&[syllable("h", true)]), {
        let mut all = vec![at("001"), at("002")];
        all.sort_unstable();
        all
    });
    assert!(ask(&[syllable("xyz", true)]).is_empty());
    assert!(index.candidates(&[]).is_none());
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).expect("written");
}

/// The folder's catalog as the indexer leaves it, its syllable index made.
fn indexed(folder: &Path, cache: &Path) -> Arc<Catalog> {
    let last = Arc::new(std::sync::Mutex::new(None));
    let sent = Arc::clone(&last);
    let indexing =
        docbao::catalog::indexer::open(folder, CacheUse::At(cache.to_owned()), move |update| {
            if let docbao::catalog::indexer::Update::Catalog { catalog, .. } = update
                && let Ok(mut sent) = sent.lock()
            {
                *sent = Some(catalog);
            }
        })
        .expect("opened");
    let first = Arc::clone(&indexing.first);
    indexing.wait();
    let catalog = last.lock().ok().and_then(|mut l| l.take()).unwrap_or(first);
    assert!(catalog.syllables().is_some(), "the index is made");
    catalog
}

/// The part files of a cache folder, by name.
fn part_files(cache: &Path) -> Vec<String> {
    let mut names: Vec<String> = walk(cache)
        .into_iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .filter(|n| n.starts_with("syl-"))
        .collect();
    names.sort();
    names
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(walk(&path));
        } else {
            found.push(path);
        }
    }
    found
}

fn titles(catalog: &Catalog, typed: &str) -> Vec<String> {
    let query = Query::new(typed, Options::default()).in_any_order();
    let hits = search::search_catalog(catalog, &query, None, &|| false).expect("not stale");
    hits.hits
        .iter()
        .map(|h| catalog.entries()[h.index].title.clone())
        .collect()
}

#[test]
fn a_changed_file_makes_a_part_of_its_own_and_the_rest_stay_as_written() {
    let folder = tempfile::tempdir().expect("a folder");
    let cache = tempfile::tempdir().expect("a cache");
    for i in 0..40 {
        let text = format!(
            "date 2025-10-{:02} Tin số {i}\n\nThủ tướng nói lần {i}.\n",
            i % 28 + 1
        );
        write(folder.path(), &format!("{i:02}.txt"), &text);
    }
    let first = indexed(folder.path(), cache.path());
    let parts = part_files(cache.path());
    assert_eq!(parts.len(), 1, "{parts:?}");
    assert_eq!(titles(&first, "thu tuong").len(), 40);
    assert!(titles(&first, "cong uoc").is_empty());

    // A new start reads the part from the cache: nothing is built.
    let again = indexed(folder.path(), cache.path());
    assert_eq!(part_files(cache.path()), parts);
    assert_eq!(titles(&again, "thu tuong").len(), 40);

    // One file changed: a part of one article, the big one kept as it was.
    std::thread::sleep(std::time::Duration::from_millis(20));
    write(
        folder.path(),
        "07.txt",
        "date 2025-10-08 Công ước Hà Nội\n\nKý kết công ước.\n",
    );
    let changed = indexed(folder.path(), cache.path());
    let now = part_files(cache.path());
    assert_eq!(now.len(), 2, "{now:?}");
    assert!(now.contains(&parts[0]), "{now:?}");
    let index = changed.syllables().expect("made");
    let sizes: Vec<usize> = index.parts().map(|(p, _)| p.len()).collect();
    assert_eq!(sizes, [40, 1]);
    assert_eq!(titles(&changed, "cong uoc"), ["Công ước Hà Nội"]);
    assert_eq!(titles(&changed, "thu tuong").len(), 39);

    // A damaged part is built again, the results unchanged.
    let big = walk(cache.path())
        .into_iter()
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy() == parts[0])
        })
        .expect("the big part");
    let mut bytes = std::fs::read(&big).expect("read");
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0xFF;
    std::fs::write(&big, bytes).expect("damaged");
    let rebuilt = indexed(folder.path(), cache.path());
    assert!(!part_files(cache.path()).contains(&parts[0]));
    assert_eq!(titles(&rebuilt, "cong uoc"), ["Công ước Hà Nội"]);
    assert_eq!(titles(&rebuilt, "thu tuong").len(), 39);
}

/// Articles enough that a search finds more than it ranks (so it counts nothing, and reads as
/// little as tells): words drawn by a fixed generator.
fn many_articles(n: usize) -> Vec<String> {
    const WORDS: [&str; 16] = [
        "Thủ", "tướng", "thu", "Hà", "Nội", "hạ", "công", "ước", "đại", "hòa", "hoà", "covid-19",
        "tuong", "ha", "noi", "hoạch",
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |below: usize| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) as usize % below
    };
    (0..n)
        .map(|_| {
            let mut words = |count: usize| {
                (0..count)
                    .map(|_| WORDS[next(WORDS.len())])
                    .collect::<Vec<_>>()
                    .join(if next(5) == 0 { ", " } else { " " })
            };
            let title = words(4);
            let body = words(300);
            format!("date 2025-10-26 {title}\n\n{body}\n")
        })
        .collect()
}

#[test]
fn past_so_many_results_the_index_finds_what_the_scan_finds() {
    let articles = many_articles(2_600);
    let scanned = catalog_of(&articles);
    let indexed = with_index(&articles);
    let never = || false;
    let mut compared = 0;
    for typed in [
        "h",
        "th",
        "thu",
        "thu t",
        "thu tuong",
        "ha noi",
        "Hà n",
        "cong uoc ha",
        "tuong thu",
        "hoa",
        "19",
    ] {
        for words in [Words::Start, Words::Whole, Words::Anywhere] {
            for any_order in [false, true] {
                let mut query = Query::new(
                    typed,
                    Options {
                        words,
                        ..Options::default()
                    },
                );
                if any_order {
                    query = query.in_any_order();
                }
                let expected = search::search_catalog(&scanned, &query, None, &never);
                compared += expected.as_ref().map_or(0, |e| e.hits.len());
                let found = search::search_catalog(&indexed, &query, None, &never);
                assert_eq!(same(found, expected), Ok(()), "{query:?}");
            }
        }
    }
    // Most of these match more articles than are ranked.
    assert!(compared > 2_000 * 20, "{compared}");
}
