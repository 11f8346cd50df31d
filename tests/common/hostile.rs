//! The hostile corpus: files that break naive readers, written fresh by code (no pasted binaries).
//! `cargo run --example gen_hostile` writes it to `tests/fixtures/hostile/` to look at by hand.

use std::fs;
use std::path::Path;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::decompose_canonical;

/// What the catalog should do with a file of the corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// Listed, with no warning.
    Listed,
    /// Listed, with a warning shown on the article.
    Warned,
    /// Skipped, with a reason.
    Skipped,
}

/// A paragraph of real Vietnamese to build files from.
pub const VIETNAMESE: &str = "Công ước Hà Nội gửi đi ba thông điệp rõ ràng, mang ý nghĩa sâu sắc và lâu dài đối với thế giới. Thủ tướng Phạm Minh Chính khẳng định bảo đảm an ninh mạng là trách nhiệm chung.";

/// Vietnamese as Windows-1258 writes it: letters with their vowel marks, tones combining.
pub fn tones_apart(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        let mut base = String::new();
        let mut tone = None;
        decompose_canonical(c, |d| match d {
            '\u{0300}' | '\u{0301}' | '\u{0303}' | '\u{0309}' | '\u{0323}' => tone = Some(d),
            _ => base.push(d),
        });
        out.extend(base.nfc());
        out.extend(tone);
    }
    out
}

/// Marks in an order NFC would not write: circumflex before dot below (ệ as e + ̂ + ̣).
fn non_canonical(text: &str) -> String {
    text.nfd()
        .collect::<String>()
        .replace("e\u{0323}\u{0302}", "e\u{0302}\u{0323}")
        .replace("o\u{0323}\u{0302}", "o\u{0302}\u{0323}")
        .replace("a\u{0323}\u{0306}", "a\u{0306}\u{0323}")
}

/// Writes the corpus into `dir` and says what to expect of each file (by path from `dir`).
pub fn generate(dir: &Path) -> Vec<(String, Expect)> {
    let mut files: Vec<(String, Expect)> = Vec::new();
    let mut put = |name: &str, bytes: Vec<u8>, expect: Expect| {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("create corpus folder");
        }
        fs::write(&path, bytes).expect("write corpus file");
        files.push((name.to_owned(), expect));
    };
    let article = |title: &str, body: &str| format!("date 2025-10-26 {title}\n\n{body}\n");

    let mut damaged = article("Hỏng một byte", VIETNAMESE).into_bytes();
    damaged.insert(40, 0xFF);
    put("invalid_utf8.txt", damaged, Expect::Warned);
    let mut le = vec![0xFF, 0xFE];
    le.extend(
        article("UTF-16 LE", VIETNAMESE)
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    put("utf16le.txt", le, Expect::Listed);
    let mut be = vec![0xFE, 0xFF];
    be.extend(
        article("UTF-16 BE", VIETNAMESE)
            .encode_utf16()
            .flat_map(u16::to_be_bytes),
    );
    put("utf16be.txt", be, Expect::Listed);
    let legacy = tones_apart(&article("Bảng mã Windows-1258", VIETNAMESE));
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1258.encode(&legacy);
    assert!(!unmappable, "the sample fits Windows-1258");
    put("windows1258.txt", bytes.into_owned(), Expect::Warned);
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10".to_vec();
    png.extend((0..=255u8).cycle().take(2048));
    put("picture.txt", png, Expect::Skipped);
    // Binary without a NUL byte: what a text file never looks like, all the same.
    let mut seed = 7u64;
    let random: Vec<u8> = (0..4096)
        .map(|_| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            ((seed >> 33) as u8).max(1)
        })
        .collect();
    put("random_bytes.txt", random.clone(), Expect::Skipped);
    let mut fake_png = b"\x89PNG\r\n\x1a\n".to_vec();
    fake_png.extend(&random[..2000]);
    put("fake_png.txt", fake_png, Expect::Skipped);
    put(
        "nul_bytes.txt",
        b"date 2025-01-01 NUL\n\nab\0cd".to_vec(),
        Expect::Skipped,
    );
    put("empty.txt", Vec::new(), Expect::Skipped);
    put(
        "whitespace.txt",
        b"  \n\t\n \r\n  ".to_vec(),
        Expect::Skipped,
    );
    let long: String = "chữ ".repeat(10_000_000 / "chữ ".len());
    put(
        "long_line.txt",
        article("Một dòng 10 MB", &long).into_bytes(),
        Expect::Listed,
    );
    let tiny: String = (0..100_000).map(|i| format!("Đoạn {i}.\n\n")).collect();
    put(
        "tiny_paragraphs.txt",
        article("100 000 đoạn", &tiny).into_bytes(),
        Expect::Listed,
    );
    put(
        "crlf.txt",
        article("CRLF", VIETNAMESE)
            .replace('\n', "\r\n")
            .into_bytes(),
        Expect::Listed,
    );
    put(
        "lone_cr.txt",
        article("CR", VIETNAMESE).replace('\n', "\r").into_bytes(),
        Expect::Listed,
    );
    put(
        "tabs.txt",
        article("Tab\tgiữa", "\tThụt\tvào\t\tbằng tab.\n\nCột:\tmột\thai").into_bytes(),
        Expect::Listed,
    );
    put(
        "ansi.txt",
        article(
            "\u{1b}[1mĐậm\u{1b}[0m",
            "\u{1b}[31mĐỏ\u{1b}[0m và \u{1b}]8;;http://x\u{7}liên kết\u{1b}]8;;\u{1b}\\ và \u{1b}[2J\u{1b}[H.",
        )
        .into_bytes(),
        Expect::Listed,
    );
    let controls: String = ('\u{200B}'..='\u{200F}')
        .chain('\u{202A}'..='\u{202E}')
        .chain('\u{2066}'..='\u{2069}')
        .map(|c| format!("chữ{c}chữ "))
        .collect();
    put(
        "zero_width.txt",
        article("Ẩn\u{200B}hình", &controls).into_bytes(),
        Expect::Listed,
    );
    put(
        "emoji.txt",
        article(
            "Biểu tượng ❤\u{FE0F}",
            "Gia đình 👨\u{200D}👩\u{200D}👧\u{200D}👦, cờ 🇻🇳, tim ❤\u{FE0F}, tay 👍🏽, 👩\u{200D}💻 lập trình.",
        )
        .into_bytes(),
        Expect::Listed,
    );
    put(
        "cjk.txt",
        article(
            "越南新闻",
            &"河内公约发出了三个明确的信息。東京は日本の首都です。".repeat(20),
        )
        .into_bytes(),
        Expect::Listed,
    );
    put(
        "nfd_noncanonical.txt",
        non_canonical(&article("Tiếng Việt tổ hợp", VIETNAMESE)).into_bytes(),
        Expect::Listed,
    );
    put(
        "a/b/c/d/e/deep.txt",
        article("Sâu năm tầng", VIETNAMESE).into_bytes(),
        Expect::Listed,
    );
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("../..", dir.join("a/b/loop")).expect("symlink loop");
        files.push(("a/b/loop".to_owned(), Expect::Skipped));
        // Root reads any file whatever its mode: a link to nowhere cannot be read by anyone.
        let unreadable = dir.join("unreadable.txt");
        if is_root() {
            std::os::unix::fs::symlink("gone/nowhere.txt", &unreadable).expect("dangling link");
        } else {
            use std::os::unix::fs::PermissionsExt;
            fs::write(&unreadable, "date 2025-01-01 Secret\n\nx").expect("write");
            fs::set_permissions(&unreadable, fs::Permissions::from_mode(0o000)).expect("chmod");
        }
        files.push(("unreadable.txt".to_owned(), Expect::Skipped));
    }
    files
}

/// Whether this process runs as root (which can read files whatever their mode).
#[cfg(unix)]
fn is_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    // A file just made belongs to the effective user.
    let probe = std::env::temp_dir().join(format!("docbao-uid-{}", std::process::id()));
    let uid = fs::write(&probe, b"")
        .and_then(|()| fs::metadata(&probe))
        .map(|m| m.uid());
    let _ = fs::remove_file(&probe);
    uid.is_ok_and(|uid| uid == 0)
}
