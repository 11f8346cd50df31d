//! The catalog on the bundled articles, on tricky files, and on folders with surprises in them.

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};

use docbao::catalog::{Article, BlockKind, Catalog, Date};
use docbao::i18n::{Lang, Say};

fn parse(name: &str, bytes: &[u8]) -> Article {
    Article::parse(
        Path::new(name)
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .into(),
        PathBuf::from(name),
        bytes,
    )
    .expect("parses")
}

fn date(text: &str) -> Option<Date> {
    Date::parse(text)
}

#[test]
fn bundled_titles_and_dates() {
    let catalog = common::bundled();
    let titles: Vec<(&str, &str, Option<Date>)> = catalog
        .entries()
        .iter()
        .map(|a| (a.id.as_str(), a.title.as_str(), a.date))
        .collect();
    assert_eq!(
        titles,
        [
            (
                "004_f5d5699ebfe6bbe1",
                "Các đại biểu thảo luận tại hội thảo",
                date("2025-10-26")
            ),
            (
                "000_187bee9378cff2a5",
                "Kết tinh của sự kiên trì, trí tuệ và lòng tin giữa các quốc gia",
                date("2025-10-26")
            ),
        ]
    );
    assert!(catalog.problems().is_empty());
}

#[test]
fn bundled_block_kinds() {
    let catalog = common::bundled();
    let article = &catalog
        .article(
            catalog
                .find("000_187bee9378cff2a5")
                .map(|(i, _)| i)
                .expect("bundled"),
        )
        .unwrap();
    let of_kind = |kind| {
        article
            .blocks
            .iter()
            .filter(|b| b.kind == kind)
            .map(|b| article.block_text(b))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        of_kind(BlockKind::Heading),
        [
            "Công ước Hà Nội gửi đi 3 thông điệp rõ ràng",
            "Biến những cam kết thành hành động cụ thể",
            "Chung tay thực hiện tinh thần \"5 đẩy mạnh\"",
        ]
    );
    let captions = of_kind(BlockKind::Caption);
    assert_eq!(captions.len(), 5, "{captions:#?}");
    assert!(captions.iter().all(|c| c.contains("ẢNH: ")));
    assert!(of_kind(BlockKind::Paragraph)[0].starts_with("Phát biểu khai mạc"));

    // The caption headline stays in the body as the first block.
    let caption_led = &catalog
        .article(
            catalog
                .find("004_f5d5699ebfe6bbe1")
                .map(|(i, _)| i)
                .expect("bundled"),
        )
        .unwrap();
    let first = &caption_led.blocks[0];
    assert_eq!(first.kind, BlockKind::Caption);
    assert_eq!(
        caption_led.block_text(first),
        "Các đại biểu thảo luận tại hội thảo. Ảnh: Tuấn Anh - TTXVN"
    );
    assert_eq!(caption_led.blocks.len(), 6);
}

#[test]
fn bundled_articles_are_the_shared_articles() {
    let mut names: Vec<String> = fs::read_dir("articles")
        .expect("articles/ exists")
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let bundled: Vec<&str> = docbao::catalog::BUNDLED.iter().map(|(n, _)| *n).collect();
    assert_eq!(
        names, bundled,
        "every file in articles/ is compiled in, and only those"
    );

    let shared = Path::new("../shared/articles");
    if !shared.is_dir() {
        // A clone without the shared folder beside it; CI always has it.
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have ../shared/articles"
        );
        eprintln!("note: ../shared/articles not found, byte comparison not made");
        return;
    }
    for (name, bytes) in docbao::catalog::BUNDLED {
        let original = fs::read(shared.join(name)).expect("shared article");
        assert_eq!(original, bytes, "{name} differs from ../shared/articles");
    }
}

#[test]
fn decomposed_input_is_stored_precomposed() {
    let nfc = common::bundled();
    let nfd = common::bundled_nfd();
    for (a, b) in common::articles(&nfc)
        .iter()
        .zip(common::articles(&nfd).iter())
    {
        assert_eq!(a.text, b.text);
        assert_eq!(a.title, b.title);
        assert_eq!(a.blocks, b.blocks);
    }
}

#[test]
fn normalisation_on_load() {
    let article = parse(
        "x.txt",
        b"\xEF\xBB\xBFdate 2024-02-29 Tie\xCC\x82u \xC4\x91e\xCC\x82\xCC\x80\r\n\r\nA\tb\xE2\x80\x8Bc \x1B[31mred\x1B[0m\r\nline\r",
    );
    assert_eq!(article.title, "Tiêu đề");
    assert_eq!(article.date, date("2024-02-29"));
    assert_eq!(
        article.text,
        "date 2024-02-29 Tiêu đề\n\nA   bc red\nline\n"
    );
    assert!(article.warnings.is_empty());
}

#[test]
fn invalid_utf8_is_read_with_a_warning() {
    // Mostly UTF-8, a few damaged bytes: replaced, and the article says so.
    let mut bytes = "date 2025-01-01 Tiếng Việt\n\nThân bài có dấu đầy đủ."
        .as_bytes()
        .to_vec();
    bytes.insert("date 2025-01-01 Tiếng".len(), 0xFF);
    let article = parse("bad.txt", &bytes);
    assert_eq!(article.title, "Tiếng\u{FFFD} Việt");
    assert_eq!(article.warnings.len(), 1);
    assert!(article.warnings[0].say(Lang::En).contains("invalid UTF-8"));
    // Hardly any UTF-8 at all: read in the legacy encoding it looks like, as a guess.
    let article = parse("legacy.txt", b"date 2025-01-01 Caf\xE9\n\nNa\xEFve text.");
    assert_eq!(article.title, "Café");
    assert!(
        article.warnings[0].say(Lang::En).contains("a guess"),
        "{:?}",
        article.warnings
    );
}

#[test]
fn file_without_date_line() {
    let article = parse("plain.txt", b"\n\n  Just a title\n\nFirst paragraph.\n");
    assert_eq!(article.title, "Just a title");
    assert_eq!(article.date, None);
    assert_eq!(article.blocks.len(), 1);
    let markdown = parse(
        "notes.md",
        b"# Ti\xC3\xAAu \xC4\x91\xE1\xBB\x81\n\n## Part one\n\nText.\n",
    );
    assert_eq!(markdown.title, "Tiêu đề");
    assert_eq!(markdown.blocks[0].kind, BlockKind::Heading);
    assert_eq!(markdown.block_text(&markdown.blocks[0]), "Part one");
}

#[test]
fn impossible_dates_are_not_dates() {
    assert!(Date::parse("2025-02-29").is_none());
    assert!(Date::parse("2025-13-01").is_none());
    assert!(Date::parse("2025-1-01").is_none());
    let article = parse("x.txt", b"date 2025-02-30 Headline\n\nBody.");
    assert_eq!(article.date, None);
}

#[test]
fn hard_wrapped_paragraphs_stay_one_block() {
    let article = parse(
        "x.txt",
        b"date 2025-01-01 T\n\nOne line,\nthen another.\n\nShort heading\n\nEnd.",
    );
    let kinds: Vec<BlockKind> = article.blocks.iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        [
            BlockKind::Paragraph,
            BlockKind::Heading,
            BlockKind::Paragraph
        ]
    );
}

#[test]
fn vietnamese_alphabetical_order_within_a_date() {
    let titles = [
        "Đà Nẵng",
        "Zeta",
        "Ăn uống",
        "An ninh",
        "Ba",
        "Âm nhạc",
        "Cà phê",
    ];
    let sources = titles.iter().enumerate().map(|(i, t)| {
        (
            PathBuf::from(format!("{i}.txt")),
            Ok(format!("date 2025-01-01 {t}\n\nBody.").into_bytes()),
        )
    });
    let mut sources: Vec<_> = sources.collect();
    sources.push((
        PathBuf::from("newer.txt"),
        Ok(b"date 2025-06-01 Zulu\n\nBody.".to_vec()),
    ));
    sources.push((
        PathBuf::from("undated.txt"),
        Ok(b"Aardvark\n\nBody.".to_vec()),
    ));
    let catalog = Catalog::from_sources(sources, "test".into());
    let order: Vec<&str> = catalog.entries().iter().map(|a| a.title.as_str()).collect();
    assert_eq!(
        order,
        [
            "Zulu",
            "An ninh",
            "Ăn uống",
            "Âm nhạc",
            "Ba",
            "Cà phê",
            "Đà Nẵng",
            "Zeta",
            "Aardvark"
        ]
    );
}

#[test]
fn scans_folders_recursively_and_reports_what_it_skips() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("a/b/c")).unwrap();
    fs::create_dir_all(root.join(".hidden")).unwrap();
    fs::write(root.join("top.txt"), "date 2025-01-02 Top\n\nBody.").unwrap();
    fs::write(root.join("a/b/c/deep.md"), "# Deep\n\nBody.").unwrap();
    fs::write(root.join("a/ignored.png"), b"\x89PNG").unwrap();
    fs::write(root.join(".hidden/secret.txt"), "Secret").unwrap();
    fs::write(root.join(".dotfile.txt"), "Dot").unwrap();
    fs::write(root.join("binary.txt"), b"abc\0def").unwrap();
    fs::write(root.join("empty.txt"), " \n\n ").unwrap();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(root, root.join("a/loop")).unwrap();
        std::os::unix::fs::symlink(root.join("gone"), root.join("dangling.txt")).unwrap();
    }

    let catalog = Catalog::open(root).expect("opens");
    let ids: Vec<&str> = catalog.entries().iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["top", "a/b/c/deep"], "ids are paths from the folder");

    let problems: Vec<String> = catalog
        .problems()
        .iter()
        .map(|p| {
            let name = p.path.file_name().unwrap().to_string_lossy();
            format!("{name}: {}", p.reason.say(Lang::En))
        })
        .collect();
    assert!(
        problems.contains(&"binary.txt: binary file (contains NUL bytes), skipped".to_owned()),
        "{problems:?}"
    );
    assert!(
        problems.contains(&"empty.txt: no text (empty, or only blank lines), skipped".to_owned()),
        "{problems:?}"
    );
    #[cfg(unix)]
    {
        assert!(
            problems
                .iter()
                .any(|p| p.starts_with("loop: symbolic link loops")),
            "{problems:?}"
        );
        assert!(
            problems
                .iter()
                .any(|p| p.starts_with("dangling.txt: cannot read")),
            "{problems:?}"
        );
        assert_eq!(problems.len(), 4, "{problems:?}");
    }
}

#[test]
fn a_missing_folder_is_an_error_that_names_it() {
    let err = Catalog::open(Path::new("/no/such/folder")).unwrap_err();
    assert_eq!(
        err.to_string(),
        "cannot open /no/such/folder: no such file or directory"
    );
}

#[test]
fn find_by_id_file_name_or_path() {
    let catalog = common::bundled();
    assert_eq!(
        catalog.find("000_187bee9378cff2a5").map(|(i, _)| i),
        Some(1)
    );
    assert_eq!(
        catalog.find("004_f5d5699ebfe6bbe1.txt").map(|(i, _)| i),
        Some(0)
    );
    assert!(catalog.find("nothing").is_none());
}
