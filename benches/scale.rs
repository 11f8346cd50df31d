//! docbao at scale: start-up, indexing, search latency, prompt echo, frame time and memory, at
//! 1 MB and 100 MB of generated articles (and 1 GB with `DOCBAO_BENCH_1GB=1`).
//!
//! A plain harness rather than criterion: the targets are percentiles (p50/p99) of single
//! keystrokes and frames, which it measures directly. Run with `cargo bench`.

#[path = "../examples/corpus/mod.rs"]
mod corpus;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use docbao::action::{Action, Effect};
use docbao::app::{App, Start};
use docbao::catalog::Catalog;
use docbao::keymap::Keymap;
use docbao::search::{self, Options, Query};
use docbao::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Queries typed a character at a time, diacritic-free as most people type them.
const QUERIES: [&str; 4] = ["cong uoc ha noi", "thu tuong", "an ninh mang", "hoa binh"];

fn main() {
    let mut sizes = vec![("1 MB", 1_000_000), ("100 MB", 100_000_000)];
    if std::env::var_os("DOCBAO_BENCH_1GB").is_some() {
        sizes.push(("1 GB", 1_000_000_000));
    }
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("docbao benchmarks on {cores} cores\n");
    for (label, bytes) in sizes {
        let dir = corpus_dir(bytes);
        println!("## {label} ({})\n", dir.display());
        run(&dir, bytes);
        println!();
    }
}

/// The corpus of `bytes`, generated once under `target/bench-corpus/`.
fn corpus_dir(bytes: usize) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/bench-corpus")
        .join(bytes.to_string());
    if !dir.join("done").exists() {
        let _ = std::fs::remove_dir_all(&dir);
        corpus::generate(&dir, bytes, 1).expect("write the corpus");
        std::fs::write(dir.join("done"), b"").expect("mark the corpus done");
    }
    dir
}

/// The reader over `catalog` at a size, with nothing saved.
fn reader_app(catalog: &Arc<Catalog>, width: u16, height: u16) -> App {
    App::new(
        Arc::clone(catalog),
        Start {
            size: (width, height),
            keys: Arc::new(Keymap::default().help()),
            bookmarks: Vec::new(),
            reading: Default::default(),
            notices: Vec::new(),
            progress: docbao::catalog::indexer::Progress {
                done: true,
                ..Default::default()
            },
        },
    )
}

fn run(dir: &Path, bytes: usize) {
    let mb = bytes as f64 / 1e6;

    // Start to first frame: open the catalog, build the app, draw the list.
    let started = Instant::now();
    let catalog = Arc::new(Catalog::open(dir).expect("open the corpus"));
    let opened = started.elapsed();
    let app = reader_app(&catalog, 100, 30);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    terminal
        .draw(|f| ui::render(&app, &Theme::color(), f))
        .expect("draw");
    let first_frame = started.elapsed();
    row(
        "start to first frame (open + parse + draw list)",
        ms(first_frame),
    );
    row(
        "catalog indexing (read, decode, normalise, parse, fold)",
        format!(
            "{:.0} MB/s ({} articles)",
            mb / opened.as_secs_f64(),
            catalog.entries().len()
        ),
    );

    // Keystroke to updated catalog results, as the search thread runs them.
    // As the search thread does: each query looks within the results of the one it extends.
    let mut latencies = Vec::new();
    for query in QUERIES {
        let mut last: Option<(Query, Vec<usize>)> = None;
        for end in 1..=query.len() {
            let q = Query::new(&query[..end], Options::default());
            let started = Instant::now();
            let within = last
                .as_ref()
                .filter(|(previous, _)| search::narrows(previous, &q))
                .map(|(_, indices)| indices.as_slice());
            let hits = search::search_catalog(&catalog, &q, within, &|| false).expect("not stale");
            latencies.push(started.elapsed());
            last = Some((q, hits.hits.iter().map(|h| h.index).collect()));
        }
    }
    row(
        "keystroke → catalog results p50 / p99",
        percentiles(&mut latencies),
    );

    // Keystroke to echoed prompt: the update and the frame, the search being elsewhere.
    let mut app = reader_app(&catalog, 100, 30);
    app.update(Action::StartSearch);
    let mut echoes = Vec::new();
    for c in "cong uoc ha noi thu tuong an ninh".chars() {
        let started = Instant::now();
        // The search it asks for runs elsewhere.
        let _ = app.update(Action::Insert(c));
        terminal
            .draw(|f| ui::render(&app, &Theme::color(), f))
            .expect("draw");
        echoes.push(started.elapsed());
    }
    row(
        "keystroke → echoed prompt p50 / p99",
        percentiles(&mut echoes),
    );

    // One frame at 200×50: the reader with highlights, then the list with snippets.
    let mut big = Terminal::new(TestBackend::new(200, 50)).expect("terminal");
    let mut reader = reader_app(&catalog, 200, 50);
    reader.update(Action::Open);
    reader.update(Action::StartSearch);
    for c in "an ninh".chars() {
        reader.update(Action::Insert(c));
    }
    reader.update(Action::Confirm);
    let mut frames = time_frames(&mut big, &reader, 200);
    row(
        "frame 200×50, reader with highlights p50 / p99",
        percentiles(&mut frames),
    );
    let mut list = reader_app(&catalog, 200, 50);
    list.update(Action::StartSearch);
    let mut asked = Vec::new();
    for c in "an ninh".chars() {
        asked = list.update(Action::Insert(c));
    }
    if let Some(Effect::SearchCatalog {
        generation, query, ..
    }) = asked.pop()
    {
        let hits = search::search_catalog(&catalog, &query, None, &|| false).expect("hits");
        list.update(Action::SearchFinished {
            generation,
            hits: Arc::new(hits),
        });
    }
    let mut frames = time_frames(&mut big, &list, 200);
    row(
        "frame 200×50, list with snippets p50 / p99",
        percentiles(&mut frames),
    );

    if let Some(rss) = resident_bytes() {
        row(
            "resident memory (catalog + folded copy)",
            format!(
                "{:.0} MB, {:.2}× the corpus",
                rss as f64 / 1e6,
                rss as f64 / bytes as f64
            ),
        );
    }
}

fn time_frames(terminal: &mut Terminal<TestBackend>, app: &App, n: usize) -> Vec<Duration> {
    (0..n)
        .map(|_| {
            let started = Instant::now();
            terminal
                .draw(|f| ui::render(app, &Theme::color(), f))
                .expect("draw");
            started.elapsed()
        })
        .collect()
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
    println!("| {what:<50} | {value:>28} |");
}

/// Resident set size of this process, from `/proc/self/statm` (Linux).
fn resident_bytes() -> Option<usize> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: usize = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}
