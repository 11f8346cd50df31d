//! docbao at scale: first frame with and without the catalog cache, indexing, search latency,
//! prompt echo in a long article, frame time and memory, at 1 MB and 100 MB of generated
//! articles (and 1 GB with `DOCBAO_BENCH_1GB=1`).
//!
//! A plain harness rather than criterion: the targets are percentiles (p50/p99) of single
//! keystrokes and frames, and first frames of fresh opens, which it measures directly. Run
//! with `cargo bench`.

#[path = "../examples/corpus/mod.rs"]
mod corpus;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use docbao::action::Action;
use docbao::app::{App, Start};
use docbao::catalog::indexer::{self, Progress};
use docbao::catalog::{CacheUse, Catalog};
use docbao::effect::{Answer, Effect};
use docbao::keymap::Keymap;
use docbao::search::{self, Options, Query};
use docbao::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Queries typed a character at a time, diacritic-free as most people type them.
const QUERIES: [&str; 3] = ["thu tuong", "h", "cong uoc ha noi"];

/// Fresh opens timed for each first-frame figure.
const OPENS: usize = 7;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == "--rss-child") {
        // The memory figure, in a process of its own: see `resident_with_reader_open`.
        rss_child(Path::new(&args[at + 1]), Path::new(&args[at + 2]));
        return;
    }
    let mut sizes = vec![("1 MB", 1_000_000), ("100 MB", 100_000_000)];
    if std::env::var_os("DOCBAO_BENCH_1GB").is_some() {
        sizes.push(("1 GB", 1_000_000_000));
    }
    if std::env::var_os("DOCBAO_BENCH_5GB").is_some() {
        sizes.push(("5 GB", 5_000_000_000));
    }
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("docbao benchmarks on {cores} cores\n");
    for (label, bytes) in sizes {
        let dir = corpus_dir(bytes);
        let count = std::fs::read_dir(&dir).map_or(0, |_| count_files(&dir));
        println!("## {label}, {count} articles ({})\n", dir.display());
        run(&dir, bytes);
        println!();
    }
    long_article_echo();
    onto_a_huge_article();
}

/// `j` in the list onto an article of 256 MB: the key and the frame after it, the loader
/// reading and laying out the article meanwhile; then how long the loader takes.
fn onto_a_huge_article() {
    let dir = target().join("bench-corpus").join("huge-article");
    if !dir.join("done").exists() {
        std::fs::create_dir_all(&dir).expect("folder");
        std::fs::write(
            dir.join("a.txt"),
            "date 2025-01-02 Ngắn\n\nMột đoạn ngắn.\n",
        )
        .expect("write the short article");
        let paragraph =
            "Thủ tướng nói về an ninh mạng và công ước Hà Nội, tương lai số. ".repeat(20);
        let body =
            format!("{}\n\n", paragraph.trim_end()).repeat(256_000_000 / (paragraph.len() + 2));
        std::fs::write(dir.join("b.txt"), format!("date 2025-01-01 Dài\n\n{body}"))
            .expect("write the huge article");
        std::fs::write(dir.join("done"), b"").expect("mark the folder done");
    }
    let catalog = Arc::new(Catalog::open(&dir).expect("open the folder"));
    let done = Progress {
        done: true,
        ..Progress::default()
    };
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    let mut moves = Vec::new();
    let mut loads = Vec::new();
    for _ in 0..3 {
        let mut app = reader_app(&catalog, 100, 30, done);
        let started = Instant::now();
        let effects = app.update(Action::Down);
        terminal
            .draw(|f| ui::render(&app, &Theme::dark(), f))
            .expect("draw");
        moves.push(started.elapsed());
        // What the loader does meanwhile, on its own thread.
        let started = Instant::now();
        let pages = docbao::worker::Pages::default();
        for effect in effects {
            if matches!(effect, Effect::OpenArticle { .. }) {
                let _ = pages.open(effect);
            }
        }
        loads.push(started.elapsed());
    }
    println!("\n## an article of 256 MB\n");
    row(
        "j onto it in the list → frame drawn (median of 3)",
        ms(median(&mut moves)),
    );
    row(
        "the loader reads and lays it out meanwhile (median of 3)",
        ms(median(&mut loads)),
    );
}

fn target() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target")
}

/// The corpus of `bytes`, generated once under `target/bench-corpus/`.
fn corpus_dir(bytes: usize) -> PathBuf {
    let dir = target().join("bench-corpus").join(bytes.to_string());
    if !dir.join("done").exists() {
        let _ = std::fs::remove_dir_all(&dir);
        corpus::generate(&dir, bytes, 1).expect("write the corpus");
        std::fs::write(dir.join("done"), b"").expect("mark the corpus done");
    }
    dir
}

/// Every key of [`QUERIES`] typed into the list's search, timed to its results as the search
/// thread runs them: words in any order, each query within the results of the one it extends.
fn keystrokes(catalog: &Catalog) -> Vec<Duration> {
    let mut latencies = Vec::new();
    for query in QUERIES {
        let mut last: Option<(Query, Vec<search::Found>)> = None;
        for end in 1..=query.len() {
            let q = Query::new(&query[..end], Options::default()).in_any_order();
            let started = Instant::now();
            let within = last
                .as_ref()
                .filter(|(previous, _)| search::narrows(previous, &q))
                .map(|(_, indices)| indices.as_slice());
            let hits = search::search_catalog(catalog, &q, within, &|| false).expect("not stale");
            latencies.push(started.elapsed());
            last = Some((q, hits.found()));
        }
    }
    latencies
}

/// The corpus's size in bytes: every file under `dir`.
fn bytes_of_corpus(dir: &Path) -> f64 {
    walk(dir)
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len() as f64)
        .sum()
}

fn count_files(dir: &Path) -> usize {
    walk(dir).len()
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
    out
}

/// Carries out what the reader asks of its workers as the event loop's workers would (the
/// catalog search, the article search, the loader), feeding their answers back, until none is
/// left; saves and the clipboard are left out.
fn run_effects(app: &mut App, effects: Vec<Effect>) {
    let pages = docbao::worker::Pages::default();
    let mut searches = docbao::worker::Searches::new();
    let mut waiting: std::collections::VecDeque<Effect> = effects.into();
    while let Some(effect) = waiting.pop_front() {
        let answer = match effect {
            open @ Effect::OpenArticle { .. } => pages.open(open),
            Effect::SearchCatalog {
                generation,
                query,
                catalog,
            } => searches.run(generation, query, catalog, &|| false),
            Effect::SearchArticle {
                generation,
                article,
                folded,
                query,
            } => {
                let folded = folded.unwrap_or_else(|| {
                    Arc::new(docbao::text::fold::FoldMap::new(article.shown_text()))
                });
                let matches = search::find_in_article_with(&article, &folded, &query);
                Some(Answer::ArticleSearched {
                    generation,
                    matches,
                    folded,
                })
            }
            _ => None,
        };
        if let Some(answer) = answer {
            waiting.extend(app.update(answer));
        }
    }
}

/// Applies an action or an answer and everything it leads to.
fn act(app: &mut App, event: impl Into<docbao::action::Event>) {
    let effects = app.update(event);
    run_effects(app, effects);
}

/// The reader over `catalog` at a size, with nothing saved, its first article shown.
fn reader_app(catalog: &Arc<Catalog>, width: u16, height: u16, progress: Progress) -> App {
    let mut app = new_app(catalog, width, height, progress);
    let first = app.take_effects();
    run_effects(&mut app, first);
    app
}

/// The reader over `catalog` at a size, with nothing saved, nothing read yet.
fn new_app(catalog: &Arc<Catalog>, width: u16, height: u16, progress: Progress) -> App {
    App::new(
        Arc::clone(catalog),
        Start {
            size: (width, height),
            keys: Arc::new(Keymap::default().help(docbao::i18n::Lang::En)),
            bookmarks: Vec::new(),
            reading: Default::default(),
            notices: Vec::new(),
            progress,
            settings: Default::default(),
            lang: docbao::i18n::Lang::En,
            config_problems: Vec::new(),
        },
    )
}

/// Opens the folder as the reader does and draws the first frame; returns how long that took,
/// and the indexing still under way.
fn first_frame(dir: &Path, cache: &Path) -> (Duration, indexer::Indexing) {
    let started = Instant::now();
    let indexing =
        indexer::open(dir, CacheUse::At(cache.to_owned()), |_| {}).expect("open the corpus");
    let app = reader_app(&indexing.first, 100, 30, indexing.progress);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    terminal
        .draw(|f| ui::render(&app, &Theme::dark(), f))
        .expect("draw");
    (started.elapsed(), indexing)
}

fn run(dir: &Path, bytes: usize) {
    let mb = bytes as f64 / 1e6;
    let cache = target().join("bench-cache").join(bytes.to_string());

    // No cache: the first frame, then the whole folder indexed (and the cache written).
    let mut cold = Vec::new();
    for _ in 0..3 {
        let _ = std::fs::remove_dir_all(&cache);
        let (frame, indexing) = first_frame(dir, &cache);
        cold.push(frame);
        indexing.stop();
    }
    row("first frame, no cache (median of 3)", ms(median(&mut cold)));
    let _ = std::fs::remove_dir_all(&cache);
    let started = Instant::now();
    let (_, indexing) = first_frame(dir, &cache);
    indexing.wait();
    let indexed = started.elapsed();
    row(
        "index with no cache (read, parse, fold, write the cache)",
        format!(
            "{:.0} MB/s, {:.1} s",
            mb / indexed.as_secs_f64(),
            indexed.as_secs_f64()
        ),
    );

    // Warm cache: the first frame comes from it; the walk that checks it runs after.
    let mut warm = Vec::new();
    for _ in 0..OPENS {
        let (frame, indexing) = first_frame(dir, &cache);
        warm.push(frame);
        indexing.wait();
    }
    row(
        &format!("first frame, warm cache (median of {OPENS})"),
        ms(median(&mut warm)),
    );
    let started = Instant::now();
    let opened = Catalog::open_cached(dir, CacheUse::At(cache.clone())).expect("open");
    row(
        "open and check every file against the cache",
        format!("{} ({} read)", ms(started.elapsed()), opened.parsed),
    );
    drop(opened);

    // The catalog as the reader has it once the background walk is over (its last check
    // reads every folded text once, as a first search would).
    let last = Arc::new(std::sync::Mutex::new(None));
    let sent = Arc::clone(&last);
    let indexing = indexer::open(dir, CacheUse::At(cache.clone()), move |update| {
        if let indexer::Update::Catalog { catalog, .. } = update
            && let Ok(mut sent) = sent.lock()
        {
            *sent = Some(catalog);
        }
    })
    .expect("open the corpus");
    let first = Arc::clone(&indexing.first);
    indexing.wait();
    let catalog = last.lock().ok().and_then(|mut l| l.take()).unwrap_or(first);

    row(
        "keystroke → catalog results p50 / p99",
        percentiles(&mut keystrokes(&catalog)),
    );
    // The same keys without the syllable index: the scan it replaces.
    let scan = catalog.without_syllables();
    row(
        "  the same, scanning (no syllable index) p50 / p99",
        percentiles(&mut keystrokes(&scan)),
    );
    drop(scan);
    if let Some(index) = catalog.syllables() {
        let bytes: usize = index.parts().map(|(part, _)| part.size()).sum();
        row(
            "syllable index: parts, size",
            format!(
                "{}, {:.1} MB ({:.2}× the corpus)",
                index.parts().count(),
                bytes as f64 / 1e6,
                bytes as f64 / bytes_of_corpus(dir)
            ),
        );
    }
    let started = Instant::now();
    let built = docbao::catalog::syllables::Syllables::update(None, &catalog, None);
    let took = started.elapsed();
    row(
        "syllable index built from the cached folded texts",
        format!("{:.0} MB/s, {}", mb / took.as_secs_f64(), ms(took)),
    );
    drop(built);

    // At 5 GB the commonest words pasted would take the search thread some minutes.
    if bytes <= 1_000_000_000 {
        paste_into_list_search(&catalog);
    }

    // One frame at 200×50: the reader with highlights, then the list with excerpts.
    let done = Progress {
        done: true,
        ..Progress::default()
    };
    let mut big = Terminal::new(TestBackend::new(200, 50)).expect("terminal");
    let mut reader = reader_app(&catalog, 200, 50, done);
    act(&mut reader, Action::Open);
    act(&mut reader, Action::StartSearch);
    for c in "an ninh".chars() {
        act(&mut reader, Action::Insert(c));
    }
    act(&mut reader, Action::Confirm);
    let mut frames = time_frames(&mut big, &reader, 200);
    row(
        "frame 200×50, reader with highlights p50 / p99",
        percentiles(&mut frames),
    );
    let mut list = reader_app(&catalog, 200, 50, done);
    list.update(Action::StartSearch);
    for c in "an ninh".chars() {
        list.update(Action::Insert(c));
    }
    let query = Query::new("an ninh", Options::default());
    let hits = search::search_catalog(&catalog, &query, None, &|| false).expect("hits");
    act(
        &mut list,
        Answer::SearchFinished {
            generation: 7,
            hits: Arc::new(hits),
        },
    );
    let mut frames = time_frames(&mut big, &list, 200);
    row(
        "frame 200×50, list with excerpts p50 / p99",
        percentiles(&mut frames),
    );
    drop((reader, list, catalog));

    if let Some(figures) = resident_with_reader_open(dir, &cache) {
        let [anon, file, anon_searched, file_searched] = figures;
        let show = |anon: usize, file: usize| {
            format!(
                "{:.2}× the corpus: {:.0} MB heap + {:.0} MB file-backed",
                (anon + file) as f64 / bytes as f64,
                anon as f64 / 1e6,
                file as f64 / 1e6
            )
        };
        row("resident memory, reader open, warm cache", show(anon, file));
        row(
            "resident memory, then a catalog search",
            show(anon_searched, file_searched),
        );
    }
}

/// 10 000 characters pasted into the list's search prompt: the paste taken in, the search it
/// asks for run as the search thread runs it, its results taken in, the first one's article
/// read and laid out, all drawn; and the heap before and after. Two pastes: a passage of an
/// article (the bundled ones), and the generated corpus's commonest words over and over, which
/// most of its articles hold all of.
fn paste_into_list_search(catalog: &Arc<Catalog>) {
    let passage: String = docbao::catalog::BUNDLED
        .iter()
        .filter_map(|(_, bytes)| std::str::from_utf8(bytes).ok())
        .flat_map(|text| text.lines().skip(1))
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(10_000)
        .collect();
    let words = [
        "thủ tướng ",
        "công ước ",
        "hà nội ",
        "an ninh mạng ",
        "hợp tác ",
    ];
    let common: String = words
        .iter()
        .cycle()
        .flat_map(|w| w.chars())
        .take(10_000)
        .collect();
    for (what, pasted, runs) in [
        ("a passage of an article", passage, 5),
        ("the commonest words, repeated", common, 1),
    ] {
        let (time, heap) = paste_once(catalog, &pasted, runs);
        row(
            &format!("10 000 characters pasted ({what}) → drawn"),
            ms(time),
        );
        row(
            "  heap before / after",
            format!(
                "{:.0} MB / {:.0} MB",
                heap.0 as f64 / 1e6,
                heap.1 as f64 / 1e6
            ),
        );
    }
}

/// The median time of `runs` pastes of `pasted` into the list's search, and the heap before
/// and after the last.
fn paste_once(catalog: &Arc<Catalog>, pasted: &str, runs: usize) -> (Duration, (usize, usize)) {
    let done = Progress {
        done: true,
        ..Progress::default()
    };
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    let mut times = Vec::new();
    let mut heap = (0, 0);
    for _ in 0..runs {
        let mut app = reader_app(catalog, 100, 30, done);
        app.update(Action::StartSearch);
        let before = resident().map_or(0, |(anon, _)| anon);
        let started = Instant::now();
        act(&mut app, Action::Paste(pasted.to_owned()));
        terminal
            .draw(|f| ui::render(&app, &Theme::dark(), f))
            .expect("draw");
        times.push(started.elapsed());
        heap = (before, resident().map_or(0, |(anon, _)| anon));
    }
    (median(&mut times), heap)
}

/// Keystroke to echoed prompt in the reader, at the end of an article of one 2 MB paragraph:
/// the update and the frame, the search itself being a worker's.
fn long_article_echo() {
    let dir = target().join("bench-corpus").join("long-article");
    if !dir.join("long.txt").exists() {
        std::fs::create_dir_all(&dir).expect("folder");
        let body =
            "Thủ tướng nói về an ninh mạng và công ước Hà Nội, tương lai số. ".repeat(30_000);
        std::fs::write(
            dir.join("long.txt"),
            format!("date 2025-01-01 Dài\n\n{body}\n"),
        )
        .expect("write the long article");
    }
    let catalog = Arc::new(Catalog::open(&dir).expect("open"));
    let done = Progress {
        done: true,
        ..Progress::default()
    };
    let mut app = reader_app(&catalog, 100, 30, done);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    app.update(Action::Open);
    app.update(Action::Bottom);
    let mut echoes = Vec::new();
    for _ in 0..5 {
        app.update(Action::StartSearch);
        for c in "tuong lai so".chars() {
            let started = Instant::now();
            // The search it asks for runs on a worker.
            let _ = app.update(Action::Insert(c));
            terminal
                .draw(|f| ui::render(&app, &Theme::dark(), f))
                .expect("draw");
            echoes.push(started.elapsed());
        }
        app.update(Action::Cancel);
    }
    println!("## a 2 MB article of one paragraph\n");
    row(
        "keystroke → echoed prompt, searching at its end, p50 / p99",
        percentiles(&mut echoes),
    );
}

/// Resident memory of a fresh process that opens the folder as the reader does (the first
/// catalog from the cache, then the background walk), draws the list, opens the first article
/// and draws it, then searches the catalog: the bench re-run as a child, so that nothing this
/// process holds is counted. Heap and file-backed pages (the program's own, since the cache is
/// read rather than mapped) apart, before and after the search.
fn resident_with_reader_open(dir: &Path, cache: &Path) -> Option<[usize; 4]> {
    let exe = std::env::current_exe().ok()?;
    let out = std::process::Command::new(exe)
        .arg("--rss-child")
        .arg(dir)
        .arg(cache)
        .output()
        .ok()?;
    let figures: Vec<usize> = String::from_utf8(out.stdout)
        .ok()?
        .split_whitespace()
        .filter_map(|n| n.parse().ok())
        .collect();
    figures.try_into().ok()
}

fn rss_child(dir: &Path, cache: &Path) {
    let last = Arc::new(std::sync::Mutex::new(None));
    let sent = Arc::clone(&last);
    let indexing = indexer::open(dir, CacheUse::At(cache.to_owned()), move |update| {
        if let indexer::Update::Catalog { catalog, .. } = update
            && let Ok(mut sent) = sent.lock()
        {
            *sent = Some(catalog);
        }
    })
    .expect("open the corpus");
    let first = Arc::clone(&indexing.first);
    indexing.wait();
    let catalog = last.lock().ok().and_then(|mut l| l.take()).unwrap_or(first);
    let mut app = reader_app(&catalog, 100, 30, Progress::default());
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    app.update(Action::Open);
    terminal
        .draw(|f| ui::render(&app, &Theme::dark(), f))
        .expect("draw");
    let (anon, file) = resident().unwrap_or_default();
    let query = Query::new("thu tuong", Options::default());
    let hits = search::search_catalog(&catalog, &query, None, &|| false);
    let (anon_searched, file_searched) = resident().unwrap_or_default();
    drop(hits);
    println!("{anon} {file} {anon_searched} {file_searched}");
}

fn time_frames(terminal: &mut Terminal<TestBackend>, app: &App, n: usize) -> Vec<Duration> {
    (0..n)
        .map(|_| {
            let started = Instant::now();
            terminal
                .draw(|f| ui::render(app, &Theme::dark(), f))
                .expect("draw");
            started.elapsed()
        })
        .collect()
}

fn median(samples: &mut [Duration]) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn percentiles(samples: &mut [Duration]) -> String {
    samples.sort();
    let at = |p: f64| samples[((samples.len() - 1) as f64 * p).round() as usize];
    format!("{} / {}", ms(at(0.5)), ms(at(0.99)))
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}

fn row(what: &str, value: String) {
    println!("| {what:<58} | {value:>26} |");
}

/// Resident set size of this process, from `/proc/self/statm` (Linux).
/// Resident memory of this process: (anonymous, file-backed) bytes.
fn resident() -> Option<(usize, usize)> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let field = |name: &str| -> Option<usize> {
        let line = status.lines().find(|l| l.starts_with(name))?;
        let kb: usize = line.split_whitespace().nth(1)?.parse().ok()?;
        Some(kb * 1024)
    };
    Some((field("RssAnon:")?, field("RssFile:")?))
}
