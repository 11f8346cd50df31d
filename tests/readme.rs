//! The README stays true: its key table is the keymap's, and it starts with the two commands.
//! `DOCBAO_UPDATE_README=1 cargo test readme` writes the tables in after a change of keys.

/// With `DOCBAO_UPDATE_README=1`, puts `table` in the README in place of the table that
/// starts with the same head line (as `INSTA_UPDATE` does for snapshots); else nothing.
fn update_readme(table: &str) {
    if std::env::var_os("DOCBAO_UPDATE_README").is_none() {
        return;
    }
    // The two tables' tests run at once: one at a time reads and writes the file.
    static WRITING: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _writing = WRITING.lock();
    let readme = std::fs::read_to_string("README.md").expect("README.md");
    let head = table.lines().next().expect("a head line");
    let Some(start) = readme.find(&format!("{head}\n")) else {
        return;
    };
    let rest = &readme[start..];
    let end = rest
        .split_inclusive('\n')
        .take_while(|line| line.starts_with('|'))
        .map(str::len)
        .sum::<usize>();
    let updated = format!("{}{table}{}", &readme[..start], &rest[end..]);
    std::fs::write("README.md", updated).expect("write README.md");
}

#[test]
fn readme_key_table_is_the_keymap() {
    let table = docbao::keymap::Keymap::default().markdown(docbao::i18n::Lang::En);
    update_readme(&table);
    let readme = std::fs::read_to_string("README.md").expect("README.md");
    assert!(
        readme.contains(&table),
        "README.md's key table differs from the keymap; paste this in:\n{table}"
    );
}

#[test]
fn readme_starts_with_the_two_commands_and_ci_runs_the_test_one() {
    let readme = std::fs::read_to_string("README.md").expect("README.md");
    let first_block = readme
        .split("```")
        .nth(1)
        .expect("a code block in README.md");
    assert!(first_block.contains("cargo run --release"), "{first_block}");
    assert!(first_block.contains("cargo test"), "{first_block}");
    let ci = std::fs::read_to_string(".ci/run").expect(".ci/run");
    assert!(ci.lines().any(|l| l.trim() == "cargo test"), "{ci}");
}

#[test]
fn readme_vietnamese_key_table_is_the_keymap() {
    let table = docbao::keymap::Keymap::default().markdown(docbao::i18n::Lang::Vi);
    update_readme(&table);
    let readme = std::fs::read_to_string("README.md").expect("README.md");
    assert!(
        readme.contains(&table),
        "README.md's Vietnamese key table differs from the keymap; paste this in:\n{table}"
    );
    assert!(readme.contains("\n## Tiếng Việt\n"), "a Vietnamese section");
}
