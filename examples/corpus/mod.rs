//! A seeded generator of articles in the bundled format, for benchmarks: the same seed gives the
//! same bytes. Words, headings and captions come from the bundled articles. Shared by
//! `examples/gen_corpus.rs` and `benches/scale.rs`.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

use docbao::catalog::{BlockKind, Catalog};

/// SplitMix64: small, fast, and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// What articles are made of.
struct Material {
    words: Vec<String>,
    headings: Vec<String>,
    credits: Vec<String>,
}

impl Material {
    fn from_bundled() -> Material {
        let catalog = Catalog::bundled();
        let mut words = Vec::new();
        let mut headings = Vec::new();
        let mut credits = Vec::new();
        for index in 0..catalog.entries().len() {
            let Ok(article) = catalog.article(index) else {
                continue;
            };
            for block in &article.blocks {
                let text = article.block_text(block);
                match block.kind {
                    BlockKind::Heading => headings.push(text.to_owned()),
                    BlockKind::Caption => {
                        if let Some(at) = text.rfind("ẢNH:").or_else(|| text.rfind("Ảnh:")) {
                            credits.push(text[at..].to_owned());
                        }
                    }
                    BlockKind::Paragraph | BlockKind::Byline => {}
                }
                words.extend(
                    text.split_whitespace()
                        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_owned())
                        .filter(|w| !w.is_empty()),
                );
            }
        }
        Material {
            words,
            headings,
            credits,
        }
    }

    fn sentence(&self, rng: &mut Rng, min: usize, max: usize) -> String {
        let count = min + rng.below(max - min + 1);
        let mut out = String::new();
        for i in 0..count {
            if i > 0 {
                out.push_str(if rng.below(9) == 0 { ", " } else { " " });
            }
            let word = rng.pick(&self.words);
            if i == 0 {
                let mut chars = word.chars();
                if let Some(first) = chars.next() {
                    out.extend(first.to_uppercase());
                    out.push_str(chars.as_str());
                }
            } else {
                out.push_str(word);
            }
        }
        out
    }

    fn article(&self, rng: &mut Rng, size: usize) -> String {
        let year = 2015 + rng.below(11);
        let (month, day) = (1 + rng.below(12), 1 + rng.below(28));
        let mut out = format!(
            "date {year:04}-{month:02}-{day:02} {}\n",
            self.sentence(rng, 6, 14)
        );
        while out.len() < size {
            out.push('\n');
            match rng.below(12) {
                0 => out.push_str(rng.pick::<String>(&self.headings)),
                1 => {
                    let credit = rng.pick(&self.credits).clone();
                    out.push_str(&format!("{} {credit}", self.sentence(rng, 8, 16)));
                }
                _ => {
                    let sentences = 2 + rng.below(5);
                    for i in 0..sentences {
                        if i > 0 {
                            out.push(' ');
                        }
                        out.push_str(&self.sentence(rng, 8, 30));
                        out.push('.');
                    }
                }
            }
            out.push('\n');
        }
        out
    }
}

/// `100MB`, `1GB`, `500KB` or a number of bytes.
pub fn parse_size(text: &str) -> Option<usize> {
    let upper = text.to_ascii_uppercase();
    let (digits, unit) = upper.split_at(
        upper
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(upper.len()),
    );
    let n: usize = digits.parse().ok()?;
    let unit = match unit {
        "" | "B" => 1,
        "KB" => 1_000,
        "MB" => 1_000_000,
        "GB" => 1_000_000_000,
        _ => return None,
    };
    Some(n * unit)
}

/// Writes articles into `out` until they add up to `size` bytes; returns how many.
pub fn generate(out: &Path, size: usize, seed: u64) -> std::io::Result<usize> {
    let material = Material::from_bundled();
    let mut rng = Rng(seed);
    let (mut written, mut count) = (0, 0);
    while written < size {
        let target = 2_000 + rng.below(4_001);
        let text = material.article(&mut rng, target.min(size - written).max(200));
        let folder: PathBuf = out
            .join(format!("{:02}", count / 1000 % 100))
            .join(format!("{:02}", count / 100 % 10));
        fs::create_dir_all(&folder)?;
        fs::write(folder.join(format!("article_{count:06}.txt")), &text)?;
        written += text.len();
        count += 1;
    }
    Ok(count)
}
