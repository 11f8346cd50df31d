//! The shape of the code: the domain (text, catalog, search, bookmarks, state, store, feeds) imports
//! nothing of the interface, no two modules import each other in a circle, and files stay
//! of one job and a readable length.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The modules that know nothing of screens, keys, config or languages.
const DOMAIN: &[&str] = &[
    "text",
    "catalog",
    "search",
    "bookmarks",
    "state",
    "store",
    "feeds",
    "io_error",
];

/// The longest a source file may be, not counting its tests.
const MAX_LINES: usize = 500;

/// Every `.rs` file under `dir`.
fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            files.extend(sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// A file's code: its tests (`#[cfg(test)]` to the end) and comments left out.
fn code(text: &str) -> Vec<&str> {
    text.lines()
        .take_while(|line| line.trim() != "#[cfg(test)]")
        .filter(|line| !line.trim_start().starts_with("//") && !line.trim().is_empty())
        .collect()
}

/// The top-level module a file of `src/` belongs to (`catalog` for `src/catalog/cache.rs`).
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let relative = file.strip_prefix(src).ok()?;
    let first = relative.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (!matches!(name, "lib" | "main")).then(|| name.to_owned())
}

/// The top-level modules a file's code names (`crate::ui::…`), but its own.
fn imports(lines: &[&str], own: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for line in lines {
        for part in line.split("crate::").skip(1) {
            let name: String = part
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() && name != own {
                found.insert(name);
            }
        }
    }
    found
}

/// Which top-level module imports which, over the files given as (path, text).
fn graph(src: &Path, files: &[(PathBuf, String)]) -> BTreeMap<String, BTreeSet<String>> {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (path, text) in files {
        if let Some(module) = module_of(src, path) {
            let found = imports(&code(text), &module);
            graph.entry(module).or_default().extend(found);
        }
    }
    graph
}

/// Domain modules that import something outside the domain, with what.
fn domain_leaks(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    let mut leaks = Vec::new();
    for module in DOMAIN {
        for import in graph.get(*module).into_iter().flatten() {
            if !DOMAIN.contains(&import.as_str()) {
                leaks.push(format!("{module} imports {import}"));
            }
        }
    }
    leaks
}

/// A circle of imports, if there is one: the modules on it, in order.
fn circle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|n| n == node) {
            let mut found = path[start..].to_vec();
            found.push(node.to_owned());
            return Some(found);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(found) = visit(next, graph, path, done) {
                return Some(found);
            }
        }
        path.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

fn read_src() -> (PathBuf, Vec<(PathBuf, String)>) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = sources(&src)
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("read a source file");
            (path, text)
        })
        .collect();
    (src, files)
}

#[test]
fn the_domain_imports_nothing_of_the_interface() {
    let (src, files) = read_src();
    let graph = graph(&src, &files);
    assert!(graph.contains_key("catalog") && graph.contains_key("app"));
    assert_eq!(domain_leaks(&graph), Vec::<String>::new());
}

#[test]
fn no_module_imports_itself_through_others() {
    let (src, files) = read_src();
    assert_eq!(circle(&graph(&src, &files)), None);
}

#[test]
fn the_checks_see_a_leak_and_a_circle() {
    let src = Path::new("/src");
    let files = vec![
        (
            src.join("catalog/cache.rs"),
            "use crate::text;\n// crate::app in a comment\nuse crate::i18n::Message;\n".to_owned(),
        ),
        (
            src.join("app/mod.rs"),
            "use crate::config::Config;\n".to_owned(),
        ),
        (
            src.join("config.rs"),
            "fn f() { crate::ui::draw() }\n".to_owned(),
        ),
        (
            src.join("ui/mod.rs"),
            "use crate::app::App;\n#[cfg(test)]\nuse crate::catalog;\n".to_owned(),
        ),
    ];
    let graph = graph(src, &files);
    assert_eq!(
        domain_leaks(&graph),
        vec!["catalog imports i18n".to_owned()]
    );
    assert_eq!(
        circle(&graph),
        Some(vec![
            "app".into(),
            "config".into(),
            "ui".into(),
            "app".into()
        ])
    );
}

/// Files longer than [`MAX_LINES`] of code, with their length.
fn long_files(src: &Path, files: &[(PathBuf, String)]) -> Vec<String> {
    files
        .iter()
        .filter_map(|(path, text)| {
            let lines = code(text).len();
            let name = path.strip_prefix(src).unwrap_or(path).display().to_string();
            (lines > MAX_LINES).then(|| format!("{name}: {lines}"))
        })
        .collect()
}

#[test]
fn every_file_is_short_enough_to_read() {
    let (src, files) = read_src();
    assert!(files.len() > 40);
    assert_eq!(long_files(&src, &files), Vec::<String>::new());
}
