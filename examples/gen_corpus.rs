//! Writes a corpus of articles in the bundled format, for benchmarks: the same seed gives the
//! same bytes.
//!
//! `cargo run --release --example gen_corpus -- --out DIR --size 100MB [--seed N]`

mod corpus;

use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let (Some(out), Some(size)) = (
        value("--out"),
        value("--size").as_deref().and_then(corpus::parse_size),
    ) else {
        eprintln!("usage: gen_corpus --out DIR --size 100MB [--seed N]");
        std::process::exit(2);
    };
    let seed = value("--seed").and_then(|s| s.parse().ok()).unwrap_or(1);
    match corpus::generate(Path::new(&out), size, seed) {
        Ok(count) => println!("{count} articles, {size} bytes, in {out}"),
        Err(err) => {
            eprintln!("gen_corpus: cannot write {out}: {err}");
            std::process::exit(2);
        }
    }
}
