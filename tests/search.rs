//! Matching: the fold, smart case and accents, tone placement, NFD queries, mapping back.

use crate::common;

use docbao::search::{self, Options, Query, Sensitivity, Words};
use docbao::text::fold::{FoldMap, fold};
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

fn smart(query: &str) -> Query {
    Query::new(query, Options::default())
}

/// The original text of every match of `query` in `text`.
fn found<'a>(text: &'a str, query: &Query) -> Vec<&'a str> {
    let map = FoldMap::new(text);
    search::find_all(text, &map, query)
        .into_iter()
        .map(|r| &text[r])
        .collect()
}

#[track_caller]
fn finds(text: &str, query: &str, expected: &[&str]) {
    assert_eq!(
        found(text, &smart(query)),
        expected,
        "{query:?} in {text:?}"
    );
}

#[test]
fn fold_table() {
    for (text, folded) in [
        ("Công ước Hà Nội", "cong uoc ha noi"),
        ("Đặng Thị Ngọc Thịnh", "dang thi ngoc thinh"),
        ("ĐÀ NẴNG", "da nang"),
        ("Thừa Thiên Huế", "thua thien hue"),
        ("Bà Rịa – Vũng Tàu", "ba ria – vung tau"),
        ("Phạm Minh Chính", "pham minh chinh"),
        ("Nguyễn Phú Trọng", "nguyen phu trong"),
        ("hòa hoà HÒA HOÀ", "hoa hoa hoa hoa"),
    ] {
        assert_eq!(fold(text), folded, "{text}");
        let nfd: String = text.nfd().collect();
        assert_eq!(fold(&nfd), folded, "NFD {text}");
    }
}

#[test]
fn accent_free_queries_find_every_form() {
    finds("Công ước Hà Nội", "cong uoc", &["Công ước"]);
    finds("ông Đặng Văn", "dang", &["Đặng"]);
    finds("hòa, hoà, HÒA, hoa", "hoa", &["hòa", "hoà", "HÒA", "hoa"]);
    finds("Hà  Nội\nngày", "ha noi ngay", &["Hà  Nội\nngày"]);
}

#[test]
fn smart_case() {
    assert!(!smart("cong uoc").case_sensitive());
    assert!(smart("Cong").case_sensitive());
    finds("Công công CÔNG", "Cong", &["Công"]);
    finds("Công công CÔNG", "cong", &["Công", "công", "CÔNG"]);
    finds("Đặng đặng", "Dang", &["Đặng"]);
}

#[test]
fn smart_accents() {
    assert!(!smart("hoa").accent_sensitive());
    assert!(smart("hòa").accent_sensitive());
    assert!(smart("đi").accent_sensitive());
    finds("hoa hòa hóa hoà", "hòa", &["hòa", "hoà"]);
    finds("di đi dì", "đi", &["đi"]);
    finds("ua ưa", "ưa", &["ưa"]);
}

#[test]
fn old_and_new_tone_placement_are_the_same_word() {
    for (a, b) in [
        ("hoà", "hòa"),
        ("thuý", "thúy"),
        ("khoẻ", "khỏe"),
        ("loà", "lòa"),
    ] {
        let text = format!("{a} và {b}");
        finds(&text, a, &[a, b]);
        finds(&text, b, &[a, b]);
    }
}

#[test]
fn an_unfinished_last_word_matches_any_tone() {
    finds("hòa bình", "hòa bi", &["hòa bì"]);
    finds("hòa bình", "hòa binh", &[]);
}

#[test]
fn forced_settings_override_smart() {
    let insensitive = Options {
        case: Sensitivity::Off,
        accents: Sensitivity::Off,
        ..Options::default()
    };
    let query = Query::new("HÒA", insensitive);
    assert_eq!(found("hoa hóa", &query), ["hoa", "hóa"]);
    let sensitive = Options {
        case: Sensitivity::On,
        accents: Sensitivity::On,
        ..Options::default()
    };
    let query = Query::new("hoa", sensitive);
    assert_eq!(found("hoa Hoa hòa", &query), ["hoa"]);
    assert_eq!(Sensitivity::Smart.next().next().next(), Sensitivity::Smart);
}

#[test]
fn nfd_queries_behave_like_nfc() {
    let text = "Công ước Hà Nội, hòa bình";
    for query in ["Hà Nội", "ước", "hòa bình", "Công"] {
        let nfd: String = query.nfd().collect();
        assert_eq!(
            found(text, &smart(&nfd)),
            found(text, &smart(query)),
            "{query}"
        );
        assert!(!found(text, &smart(query)).is_empty(), "{query}");
    }
}

#[test]
fn whole_article_matches_and_positions() {
    let catalog = common::bundled();
    let article = &catalog
        .article(
            catalog
                .find("000_187bee9378cff2a5")
                .map(|(i, _)| i)
                .unwrap(),
        )
        .unwrap();
    let matches = search::find_in_article(article, &smart("cong uoc ha noi"));
    // Every occurrence here is spelt with its accents, so plain lowercase counting agrees.
    let expected = article
        .text
        .to_lowercase()
        .matches("công ước hà nội")
        .count();
    assert!(expected > 5);
    assert_eq!(matches.len(), expected);
    for m in &matches {
        assert_eq!(fold(&article.text[m.clone()]), "cong uoc ha noi");
    }
    // The `date` line is not shown, so it is not searched.
    assert!(search::find_in_article(article, &smart("2025-10-26")).is_empty());
    let (line, column) = search::line_column(&article.text, matches[0].start);
    assert_eq!(
        &article
            .text
            .lines()
            .nth(line - 1)
            .unwrap()
            .chars()
            .skip(column - 1)
            .take(6)
            .collect::<String>(),
        "Công ư"
    );
}

#[test]
fn catalog_search_ranks_title_hits_first() {
    let catalog = common::bundled();
    let searcher = search::Searcher::new(catalog.clone());
    let results = searcher.run(&smart("thao luan"));
    let order: Vec<&str> = results
        .hits
        .iter()
        .map(|h| catalog.entries()[h.index].id.as_str())
        .collect();
    assert_eq!(order, ["004_f5d5699ebfe6bbe1", "000_187bee9378cff2a5"]);
    assert_eq!(results.hits[0].title().len(), 1);
    assert_eq!(results.hits[0].title_count, 1);
    assert!(results.hits[1].title().is_empty());
    assert!(
        results.hits.iter().all(|h| h.first().is_some()),
        "placed ahead"
    );
    let results = searcher.run(&smart("guterres"));
    assert_eq!(results.hits.len(), 1);
    let article = catalog.article(results.hits[0].index).unwrap();
    assert_eq!(
        results.hits[0].count,
        Some(article.text.matches("Guterres").count())
    );
    assert!(searcher.run(&smart("không có đâu xyz")).hits.is_empty());
}

/// A catalog of the given articles, by file name and text.
fn catalog_of(articles: &[(&str, &str)]) -> std::sync::Arc<docbao::catalog::Catalog> {
    let sources = articles
        .iter()
        .map(|(name, text)| (std::path::PathBuf::from(name), Ok(text.as_bytes().to_vec())));
    std::sync::Arc::new(docbao::catalog::Catalog::from_sources(
        sources,
        "test".to_owned(),
    ))
}

#[test]
fn in_the_list_words_match_in_any_order_the_phrase_first() {
    let catalog = catalog_of(&[
        (
            "a.txt",
            "date 2025-10-01 Công ước Hà Nội\n\nCông ước về tội phạm mạng.\n",
        ),
        (
            "b.txt",
            "date 2025-10-02 Ước mơ\n\nƯớc mơ về một công việc tốt.\n",
        ),
        (
            "c.txt",
            "date 2025-10-03 Mong ước công bằng\n\nMột ước công bằng.\n",
        ),
        ("d.txt", "date 2025-10-04 Công việc\n\nChỉ có công việc.\n"),
    ]);
    let searcher = search::Searcher::new(catalog.clone());
    let ids = |query: &Query| -> Vec<String> {
        let results = searcher.run(query);
        results
            .hits
            .iter()
            .map(|h| catalog.entries()[h.index].id.clone())
            .collect()
    };
    let words = smart("uoc cong").in_any_order();
    assert!(words.any_order());
    let listed = ids(&words);
    assert_eq!(listed[0], "c", "the phrase first: {listed:?}");
    let mut rest = listed[1..].to_vec();
    rest.sort();
    assert_eq!(rest, ["a", "b"], "both words, in any order; d has one");
    assert_eq!(ids(&smart("uoc cong")), ["c"], "elsewhere a phrase");
    // The words before the last are whole: `cong u` is not “công bằng”'s `công` + `u…`.
    assert_eq!(ids(&smart("bang cong u").in_any_order()), ["c"]);
    // Each word is highlighted where it is, in text order.
    let text = "Ước mơ về một công việc tốt.";
    assert_eq!(found(text, &words), ["Ước", "công"]);
    // Narrowing to the results of a shorter query finds the same.
    let earlier = searcher.run(&smart("uoc"));
    let within = earlier.found();
    let narrowed = search::search_catalog(&catalog, &words, Some(&within), &|| false).unwrap();
    assert!(search::narrows(&smart("uoc"), &words));
    assert_eq!(narrowed.hits.len(), 3);
}

#[test]
fn smart_case_and_accents_are_decided_by_the_whole_query_in_any_order_too() {
    let catalog = catalog_of(&[
        (
            "a.txt",
            "date 2025-10-01 Theo TTXVN\n\nTheo TTXVN, Hà Nội đón tin.\n",
        ),
        (
            "b.txt",
            "date 2025-10-02 theo ttxvn\n\ntheo ttxvn, Tin ở hà noi.\n",
        ),
    ]);
    let searcher = search::Searcher::new(catalog.clone());
    let ids = |query: &Query| -> Vec<String> {
        let mut ids: Vec<String> = searcher
            .run(query)
            .hits
            .iter()
            .map(|h| catalog.entries()[h.index].id.clone())
            .collect();
        ids.sort();
        ids
    };
    // A capital anywhere matches case in every word: `ttxvn` is then lower case only.
    assert_eq!(ids(&smart("ttxvn T").in_any_order()), ["b"]);
    assert_eq!(ids(&smart("Tin ttxvn").in_any_order()), ["b"]);
    // A diacritic anywhere matches accents in every word: `noi` is then without a tone.
    assert_eq!(ids(&smart("hà noi").in_any_order()), ["b"]);
    assert_eq!(ids(&smart("noi hà").in_any_order()), ["b"]);
    // The same rule as the phrase's, which the reader and `docbao search` use.
    for typed in ["hà Nội", "hà noi", "ttxvn T", "theo TTXVN"] {
        let phrase = ids(&smart(typed));
        let words = ids(&smart(typed).in_any_order());
        assert!(
            phrase.iter().all(|id| words.contains(id)),
            "{typed}: the phrase in {phrase:?}, the words in {words:?}"
        );
    }
    assert_eq!(ids(&smart("hà Nội").in_any_order()), Vec::<String>::new());
    assert_eq!(ids(&smart("Hà Nội").in_any_order()), ["a"]);
    // Without capitals or diacritics, neither matters.
    assert_eq!(ids(&smart("ttxvn tin").in_any_order()), ["a", "b"]);
}

#[test]
fn a_stale_search_is_abandoned() {
    let catalog = common::bundled();
    assert!(search::search_catalog(&catalog, &smart("a"), None, &|| true).is_none());
}

/// Types `typed` a letter at a time, each search narrowed to the results of the one before
/// when it extends it, and checks each finds what a search from scratch finds; returns how
/// many articles were searched from past an earlier first match.
#[track_caller]
fn narrowing_finds_the_same(catalog: &docbao::catalog::Catalog, typed: &str) -> usize {
    let mut resumed = 0;
    let mut last: Option<(Query, Vec<search::Found>)> = None;
    for end in 1..=typed.len() {
        let query = smart(&typed[..end]);
        let within = last
            .as_ref()
            .filter(|(previous, _)| search::narrows(previous, &query))
            .map(|(_, found)| found.as_slice());
        let narrowed = search::search_catalog(catalog, &query, within, &|| false).unwrap();
        let full = search::search_catalog(catalog, &query, None, &|| false).unwrap();
        assert_eq!(narrowed, full, "{:?}", &typed[..end]);
        if let Some(within) = within {
            resumed += within.iter().filter(|f| f.from > 0).count();
        }
        last = Some((query, narrowed.found()));
    }
    resumed
}

#[test]
fn narrowing_to_the_previous_results_finds_the_same() {
    narrowing_finds_the_same(&common::bundled(), "thao luan");
    // In a folder of many articles, each query typed a letter at a time and narrowed from
    // where the one before it first matched finds what a search from scratch finds.
    let dir = tempfile::tempdir().unwrap();
    common::nested::generate(dir.path());
    let catalog = docbao::catalog::Catalog::open(dir.path()).unwrap();
    let typed = [
        "cong uoc ha noi",
        "thu tuong khang",
        "an ninh mang quoc",
        "ng",
        "dai bieu",
    ];
    let resumed: usize = typed
        .iter()
        .map(|typed| narrowing_finds_the_same(&catalog, typed))
        .sum();
    assert!(
        resumed > 100,
        "searches resumed past a first match: {resumed}"
    );
    // A query with an accent does not narrow what comes after it.
    assert!(!search::narrows(&smart("hòa"), &smart("hòa b")));
    assert!(search::narrows(&smart("hoa"), &smart("hoa b")));
    assert!(!search::narrows(&smart("hoa"), &smart("ho")));
}

fn vietnamese_text() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        Just("Hòa"),
        Just("hoà"),
        Just("HOÀ"),
        Just("hoa"),
        Just("Đặng"),
        Just("dang"),
        Just("thuý"),
        Just("thúy"),
        Just("Công"),
        Just("ước"),
        Just("Nội"),
        Just("ư"),
        Just("khỏe"),
        Just("khoẻ"),
        Just("日本"),
        Just("e\u{301}"),
        Just("🇻🇳"),
        Just("a"),
    ];
    let sep = prop_oneof![Just(" "), Just("  "), Just("\n"), Just(", "), Just("")];
    prop::collection::vec((word, sep), 0..30)
        .prop_map(|v| v.into_iter().map(|(w, s)| format!("{w}{s}")).collect())
}

fn query_text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("hoa"),
        Just("hòa"),
        Just("Hoà"),
        Just("dang"),
        Just("Đặng"),
        Just("thuy"),
        Just("thúy"),
        Just("cong uoc"),
        Just("ư"),
        Just("a"),
        Just("khoe"),
        Just("khỏe"),
        Just("日"),
        Just("e"),
    ]
    .prop_map(String::from)
}

/// A query matched with the default case and accents, words as `words` says.
fn worded(query: &str, words: Words) -> Query {
    Query::new(
        query,
        Options {
            words,
            ..Options::default()
        },
    )
}

#[track_caller]
fn finds_in(text: &str, query: &str, words: Words, expected: &[&str]) {
    assert_eq!(
        found(text, &worded(query, words)),
        expected,
        "{query:?} ({words:?}) in {text:?}"
    );
}

#[test]
fn a_match_starts_at_a_word_start_unless_asked_otherwise() {
    let text = "Đối thoại về hòa bình, toàn bản ngân sách và an ninh.";
    finds_in(text, "hoa", Words::Start, &["hòa"]);
    finds_in(text, "hoa", Words::Anywhere, &["hoạ", "hòa"]);
    finds_in(text, "an", Words::Start, &["an"]);
    finds_in(text, "an", Words::Anywhere, &["àn", "ản", "ân", "an"]);
}

#[test]
fn the_last_word_may_be_the_start_of_one_and_whole_words_are_whole() {
    let text = "Thủ tướng thuyết trình; Thủ tướng Chính phủ.";
    finds_in(text, "thu tuo", Words::Start, &["Thủ tướ", "Thủ tướ"]);
    finds_in(text, "thu tuo", Words::Whole, &[]);
    finds_in(text, "thu tuong", Words::Whole, &["Thủ tướng", "Thủ tướng"]);
    finds_in(text, "thu", Words::Start, &["Thủ", "thu", "Thủ"]);
    finds_in(text, "thu", Words::Whole, &["Thủ", "Thủ"]);
    // đ is a letter: the word is "đại", not "ại".
    finds_in("Đại biểu", "ai", Words::Start, &[]);
    finds_in("Đại biểu", "dai", Words::Start, &["Đại"]);
    // Every letter of a script without spaces may start a word.
    finds_in("東京日本語", "日本", Words::Whole, &["日本"]);
    // A query that starts or ends with a sign is held to words only where it has letters.
    finds_in("giá 5% (tăng)", "(tang", Words::Start, &["(tăng"]);
    finds_in("giá 5% (tăng)", "5%", Words::Whole, &["5%"]);
}

#[test]
fn whole_words_do_not_narrow_to_a_longer_word() {
    let whole = |q: &str| worded(q, Words::Whole);
    assert!(!search::narrows(&whole("thu"), &whole("thuy")));
    assert!(search::narrows(&whole("thu"), &whole("thu t")));
    assert!(search::narrows(&smart("thu"), &smart("thuy")));
    assert!(!search::narrows(
        &smart("thu"),
        &worded("thuy", Words::Whole)
    ));
}

proptest! {
    #[test]
    fn a_word_start_match_is_a_match_at_a_unicode_word_boundary(
        text in vietnamese_text(),
        query in query_text(),
    ) {
        let text: String = text.nfc().collect();
        let starts: Vec<usize> = text.split_word_bound_indices().map(|(i, _)| i).collect();
        let map = FoldMap::new(&text);
        let anywhere = search::find_all(&text, &map, &worded(&query, Words::Anywhere));
        let at_word_starts: Vec<_> =
            anywhere.into_iter().filter(|m| starts.contains(&m.start)).collect();
        prop_assert_eq!(search::find_all(&text, &map, &smart(&query)), at_word_starts);
    }

    #[test]
    fn folding_never_panics(text in any::<String>()) {
        let map = FoldMap::new(&text);
        prop_assert_eq!(&map.folded, &fold(&text));
        let _ = Query::new(&text, Options::default());
    }

    #[test]
    fn matches_fall_on_grapheme_boundaries(text in vietnamese_text(), query in query_text()) {
        let text: String = text.nfc().collect();
        let boundaries: Vec<usize> = text
            .grapheme_indices(true)
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        let map = FoldMap::new(&text);
        for m in search::find_all(&text, &map, &smart(&query)) {
            prop_assert!(boundaries.contains(&m.start), "{:?} in {:?}", m, text);
            prop_assert!(boundaries.contains(&m.end), "{:?} in {:?}", m, text);
        }
    }

    #[test]
    fn nfc_and_nfd_give_the_same_hits(text in vietnamese_text(), query in query_text()) {
        let nfc: String = text.nfc().collect();
        // Articles are normalised on load, so an NFD file becomes this same NFC text; the
        // query may still come in either form.
        let nfd_query: String = query.nfd().collect();
        let map = FoldMap::new(&nfc);
        prop_assert_eq!(
            search::find_all(&nfc, &map, &smart(&query)),
            search::find_all(&nfc, &map, &smart(&nfd_query))
        );
        let from_nfd = docbao::text::sanitize(&text.nfd().collect::<String>());
        prop_assert_eq!(&from_nfd, &docbao::text::sanitize(&nfc));
    }
}

#[test]
fn a_match_inside_a_very_long_grapheme_takes_all_of_it() {
    // A base with fifty marks outside the folded block: one grapheme of 101 bytes.
    let long = format!("a{}", "\u{0670}".repeat(50));
    let text = format!("x {long} y");
    let found = found(&text, &smart("a"));
    assert_eq!(found, [long.as_str()], "found a piece of a grapheme");
}

#[test]
fn past_so_many_results_the_rest_keep_catalog_order_and_are_counted_when_placed() {
    // Every article matches "tin"; one has it in its title, and the more an article's number,
    // the more often it says "tin" (so that ranking by count would reverse catalog order).
    let n = search::RANKED_UP_TO + 10;
    let sources = (0..n).map(|i| {
        let title = if i == n / 2 {
            "Tin nổi bật"
        } else if i == n / 3 {
            "Tiếng nói"
        } else {
            "Bài báo"
        };
        let body = "Có tin mới. ".repeat(1 + i % 7);
        let path = std::path::PathBuf::from(format!("bai-{i:05}.txt"));
        let text = format!("date 2025-01-01 {title}\n\n{body}\n");
        (path, Ok(text.into_bytes()))
    });
    let catalog = docbao::catalog::Catalog::from_sources(sources, "test".to_owned());
    let hits = search::search_catalog(&catalog, &smart("tin"), None, &|| false).unwrap();
    assert_eq!(hits.hits.len(), n);
    let title = &hits.hits[0];
    assert_eq!(catalog.entries()[title.index].title, "Tin nổi bật");
    let rest: Vec<usize> = hits.hits[1..].iter().map(|h| h.index).collect();
    assert!(rest.windows(2).all(|w| w[0] < w[1]), "catalog order");
    // Placed ones are counted (title and body); those further down are counted when placed.
    let placed = hits.hits.iter().take_while(|h| h.placed()).count();
    assert!(placed > 20, "a screenful placed");
    for hit in &hits.hits[..placed] {
        let article = catalog.article(hit.index).unwrap();
        let expected = fold(&article.text).matches("tin").count();
        assert_eq!(hit.count, Some(expected), "{}", article.id);
    }
    assert!(hits.hits[placed..].iter().all(|h| h.count.is_none()));
    // Narrowed from "ti", whose title matches ("Tiếng nói" too) came first: the same order.
    let wider = search::search_catalog(&catalog, &smart("ti"), None, &|| false).unwrap();
    assert_eq!(wider.hits[1].index, hits.hits[0].index, "two title matches");
    let found = wider.found();
    let narrowed = search::search_catalog(&catalog, &smart("tin"), Some(&found), &|| false);
    assert_eq!(narrowed.unwrap(), hits);

    // A query with few enough results ranks them by how often they match.
    // "mới. Có tin" comes once fewer than the body's sentences: in 6 articles of 7.
    let query = smart("moi. co tin");
    let few = search::search_catalog(&catalog, &query, None, &|| false).unwrap();
    assert_eq!(few.hits.len(), (0..n).filter(|i| i % 7 != 0).count());
    assert!(few.hits.len() <= search::RANKED_UP_TO);
    let counts: Vec<usize> = few.hits.iter().map(|h| h.count.unwrap()).collect();
    assert_eq!((counts[0], counts[counts.len() - 1]), (6, 1));
    assert!(
        counts.windows(2).all(|w| w[0] >= w[1]),
        "most matches first"
    );
}

#[test]
fn with_accents_or_case_among_many_candidates_the_text_decides_and_the_order_holds() {
    // Every article holds "tin" folded; three in four "tín" too, one in ten "Tín".
    let n = search::RANKED_UP_TO * 2;
    let sources = (0..n).map(|i| {
        let title = match i {
            _ if i == n / 2 => "Tín dụng mới",
            _ if i == n / 3 + 1 => "Tin dụng",
            _ => "Bài báo",
        };
        let mut body = "Có tin mới. ".repeat(1 + i % 7);
        if i % 4 != 0 {
            body.push_str(&"Lãi suất tín dụng. ".repeat(1 + i % 5));
        }
        if i % 10 == 1 {
            body.push_str(&"Tín dụng tăng. ".repeat(1 + i % 3));
        }
        let path = std::path::PathBuf::from(format!("bai-{i:05}.txt"));
        let text = format!("date 2025-01-01 {title}\n\n{body}\n");
        (path, Ok(text.into_bytes()))
    });
    let catalog = docbao::catalog::Catalog::from_sources(sources, "test".to_owned());
    let holds = |index: usize, query: &Query| {
        let article = catalog.article(index).unwrap();
        search::find_in_article(&article, query).len()
    };
    let entries = catalog.entries();
    let top = entries
        .iter()
        .position(|e| e.title == "Tín dụng mới")
        .unwrap();
    assert!(entries.iter().any(|e| e.title == "Tin dụng"));
    // More results than are counted: the one whose title matches with these accents first
    // (not the one whose title folds alike), then catalog order.
    let query = smart("tín");
    let hits = search::search_catalog(&catalog, &query, None, &|| false).unwrap();
    let expected: Vec<usize> = (0..n).filter(|&i| holds(i, &query) > 0).collect();
    assert_eq!(expected.len(), (0..n).filter(|i| i % 4 != 0).count() + 1);
    assert!(expected.len() > search::RANKED_UP_TO);
    let listed: Vec<usize> = hits.hits.iter().map(|h| h.index).collect();
    assert_eq!(listed[0], top, "the title that matches");
    let mut rest = expected.clone();
    rest.retain(|&i| i != top);
    assert_eq!(listed[1..], rest[..], "then catalog order");
    for hit in hits.hits.iter().take_while(|h| h.placed()) {
        assert_eq!(hit.count, Some(holds(hit.index, &query)));
    }
    // Few results among many candidates: counted in the text, and ranked by it.
    let query = smart("Tín");
    let hits = search::search_catalog(&catalog, &query, None, &|| false).unwrap();
    let listed: Vec<usize> = hits.hits.iter().map(|h| h.index).collect();
    let mut expected: Vec<usize> = (0..n).filter(|&i| holds(i, &query) > 0).collect();
    assert!(expected.len() < search::RANKED_UP_TO);
    assert_eq!(listed[0], top, "the title that matches");
    expected.retain(|&i| i != top);
    expected.sort_by_key(|&i| (std::cmp::Reverse(holds(i, &query)), i));
    assert_eq!(
        listed[1..],
        expected[..],
        "by how often, then catalog order"
    );
    for hit in &hits.hits {
        assert_eq!(hit.count, Some(holds(hit.index, &query)));
    }
}

#[test]
fn a_zero_width_joiner_inside_a_word_does_not_hide_it() {
    // Dropped on reading after a letter (it joins emoji, which stay joined), so accents and
    // columns see the word whole.
    let text = docbao::text::sanitize("Công ư\u{200d}ớc Hà N\u{200d}ội 👨\u{200d}👩");
    assert_eq!(text, "Công ước Hà Nội 👨\u{200d}👩");
    finds(&text, "cong uoc", &["Công ước"]);
    finds(&text, "công ước", &["Công ước"]);
}

#[test]
fn in_the_list_a_title_with_the_phrase_ranks_above_one_with_a_single_word() {
    let catalog = catalog_of(&[
        // Many more matches, but only one word in its title.
        (
            "a.txt",
            "date 2025-10-05 An ninh và tương lai\n\nThủ tướng nói. Thủ tướng nói. Thủ tướng nói. Tương lai tươi sáng.\n",
        ),
        (
            "b.txt",
            "date 2025-10-01 Thủ tướng và thông tin\n\nThủ tướng nói.\n",
        ),
    ]);
    let searcher = search::Searcher::new(catalog.clone());
    let results = searcher.run(&smart("thu tuo").in_any_order());
    let ids: Vec<&str> = results
        .hits
        .iter()
        .map(|h| catalog.entries()[h.index].id.as_str())
        .collect();
    assert_eq!(ids, ["b", "a"]);
}
