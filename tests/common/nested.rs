//! A generated news folder of about 50 articles in nested folders, as archives are kept: dated
//! folders (`2025/10/26/index.txt`), sections with the same file names in each (`a/bai.txt`,
//! `b/bai.txt`), and a few loose files at the top. The same call writes the same bytes.

use std::fs;
use std::path::Path;

/// Words that articles are made of.
const WORDS: &[&str] = &[
    "Hà Nội",
    "công ước",
    "an ninh",
    "mạng",
    "quốc gia",
    "đại biểu",
    "thảo luận",
    "hợp tác",
    "phát triển",
    "thông tin",
    "người dân",
    "kinh tế",
    "Thủ tướng",
    "khẳng định",
    "tương lai",
];

/// One generated article: where it is (relative to the folder) and its date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Generated {
    /// Path from the folder, with `/` separators.
    pub path: String,
    /// The id docbao gives it: the path without the extension.
    pub id: String,
    /// Its headline.
    pub title: String,
}

/// Writes the folder into `dir` and returns what it wrote, in the order written.
pub fn generate(dir: &Path) -> Vec<Generated> {
    let mut out = Vec::new();
    let mut n = 0usize;
    let mut put = |path: String, date: &str, out: &mut Vec<Generated>| {
        n += 1;
        let title = format!("Bài số {n}: {} và {}", WORDS[n % 15], WORDS[(n * 7) % 15]);
        let paragraphs: Vec<String> = (0..4 + n % 5)
            .map(|p| {
                let words: Vec<&str> = (0..30 + (n * 3 + p) % 40)
                    .map(|w| WORDS[(n * 13 + p * 5 + w * 3) % WORDS.len()])
                    .collect();
                format!("{}.", words.join(" "))
            })
            .collect();
        let text = format!("date {date} {title}\n\n{}\n", paragraphs.join("\n\n"));
        let full = dir.join(&path);
        if let Some(parent) = full.parent() {
            fs::create_dir_all(parent).expect("create fixture folder");
        }
        fs::write(&full, text).expect("write fixture article");
        let id = path
            .strip_suffix(".txt")
            .or_else(|| path.strip_suffix(".md"))
            .unwrap_or(&path)
            .to_owned();
        out.push(Generated { path, id, title });
    };
    for day in 20..=27 {
        let date = format!("2025-10-{day}");
        put(format!("2025/10/{day}/index.txt"), &date, &mut out);
        for k in 1..=3 {
            put(format!("2025/10/{day}/tin-{k}.txt"), &date, &mut out);
        }
    }
    for section in ["the-gioi", "kinh-te"] {
        for k in 1..=6 {
            let date = format!("2025-09-{:02}", 10 + k);
            put(format!("{section}/bai-{k}.txt"), &date, &mut out);
        }
    }
    put("a/bai.txt".to_owned(), "2025-08-01", &mut out);
    put("b/bai.txt".to_owned(), "2025-08-02", &mut out);
    put("loose.md".to_owned(), "2025-07-01", &mut out);
    put("tin-1.txt".to_owned(), "2025-07-02", &mut out);
    out
}
