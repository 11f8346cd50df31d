//! Writes the hostile test corpus to `tests/fixtures/hostile/` (or the folder given), to look at.

#[path = "../tests/common/hostile.rs"]
mod hostile;

fn main() {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "tests/fixtures/hostile".to_owned());
    let out = std::path::Path::new(&out);
    if out.exists() {
        eprintln!("{} exists; remove it first", out.display());
        std::process::exit(2);
    }
    for (name, expect) in hostile::generate(out) {
        println!("{expect:?}\t{name}");
    }
}
