//! Bringing a catalog up to date with its folder, on the indexing thread: what is unchanged
//! kept, the rest read and stored a batch at a time (each batch a segment written to the cache
//! while the next is read), a catalog sent every so often, and what was stored checked.

use std::collections::HashMap;
use std::ffi::OsStr;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use super::listing::{Walk, first_line_entry, stamp};
use super::{Job, Progress, Update};
use crate::catalog::read::read_all;
use crate::catalog::syllables::Syllables;
use crate::catalog::{
    Article, Built, Catalog, Entry, Listed, Note, Problem, Segment, SegmentBuilder, Stamp, Stored,
    cache, sort,
};

/// Files read and stored at a time: each batch is one segment, and one catalog sent.
const BATCH: usize = 512;

/// Least time between two catalogs sent while indexing.
const SEND_EVERY: Duration = Duration::from_millis(150);

impl Job {
    /// Reads the whole cache whose head was shown, sends it, and brings it up to date; with a
    /// cache gone bad since its head was read, indexes the folder afresh.
    pub(super) fn run_from_head(&self, head: Arc<Catalog>, send: &dyn Fn(Update)) -> Arc<Catalog> {
        let whole = self
            .dir
            .as_ref()
            .map(|dir| cache::load(dir, &self.folder, &self.root, self.origin.clone()));
        match whole {
            Some(Ok(cached)) => {
                let catalog = Arc::new(cached.catalog);
                let n = catalog.entries.len();
                send(Update::Catalog {
                    catalog: Arc::clone(&catalog),
                    progress: Progress {
                        indexed: n,
                        total: n,
                        counted: false,
                        done: false,
                    },
                    parsed: 0,
                });
                self.run(catalog, None, send)
            }
            Some(Err(err)) => {
                send(Update::Note(Note::CacheRebuilding { why: err.brief() }));
                // The head stays in view until the walk has listed the folder afresh.
                let mut empty = Catalog::from_parts(Vec::new(), Vec::new(), self.origin.clone());
                empty.folder = self.folder.clone();
                self.run(Arc::new(empty), None, send)
            }
            None => self.run(head, None, send),
        }
    }

    /// Brings the catalog up to date with the folder, sending each catalog made; returns the
    /// last.
    pub(super) fn run(
        &self,
        previous: Arc<Catalog>,
        walk: Option<(Walk, Vec<Listed>)>,
        send: &dyn Fn(Update),
    ) -> Arc<Catalog> {
        // The whole folder, listed: by the walk begun before the first frame, the list growing
        // as it goes, or afresh.
        // With no cache, the files are listed by their first line: those of the first frame
        // already, the rest now, all at once on every core, the list sent whole.
        let mut listed: Vec<Entry> = Vec::new();
        let (files, walk_problems) = match walk {
            Some((walk, mut found)) => {
                listed = previous.entries.clone();
                let (rest, problems) = walk.finish();
                let stamped: Vec<Result<(Listed, Entry), Problem>> = rest
                    .into_par_iter()
                    .map(|path| {
                        let file = stamp(path)?;
                        let entry = first_line_entry(&self.root, &file);
                        Ok((file, entry))
                    })
                    .collect();
                let mut problems = problems;
                for result in stamped {
                    match result {
                        Ok((file, entry)) => {
                            found.push(file);
                            listed.push(entry);
                        }
                        Err(problem) => problems.push(problem),
                    }
                }
                sort(&mut listed);
                let mut catalog =
                    Catalog::from_parts(listed.clone(), problems.clone(), self.origin.clone());
                catalog.folder = self.folder.clone();
                send(Update::Catalog {
                    catalog: Arc::new(catalog),
                    progress: Progress {
                        indexed: 0,
                        total: found.len(),
                        counted: true,
                        done: false,
                    },
                    parsed: 0,
                });
                (found, problems)
            }
            None => match Catalog::list_files(&self.path) {
                Ok(listed) => listed,
                Err(err) => {
                    send(Update::Note(err.note()));
                    return previous;
                }
            },
        };
        // What the files say about the catalog shown: kept, changed, gone, new.
        let by_path: HashMap<&OsStr, &Entry> = previous
            .entries
            .iter()
            .filter(|e| e.stored.is_some())
            .map(|e| (e.path.as_os_str(), e))
            .collect();
        let skipped: HashMap<&OsStr, &Problem> = previous
            .problems
            .iter()
            .filter(|p| p.stamp.is_some())
            .map(|p| (p.path.as_os_str(), p))
            .collect();
        let mut kept: Vec<&Entry> = Vec::new();
        let mut problems = walk_problems;
        let mut to_read = Vec::new();
        for file in &files {
            let key = file.path.as_os_str();
            match (by_path.get(key), skipped.get(key)) {
                (Some(entry), _) if entry.stamp == file.stamp => kept.push(entry),
                (_, Some(problem)) if problem.stamp == Some(file.stamp) => {
                    problems.push((*problem).clone())
                }
                _ => to_read.push(file.clone()),
            }
        }
        let total = files.len();
        if to_read.is_empty()
            && kept.len() == previous.entries.len()
            && problems == previous.problems
        {
            // Nothing changed: the catalog shown is the folder's, and is not copied (a copy of
            // a quarter of a million entries is memory the allocator keeps).
            let done = Progress {
                indexed: total,
                total,
                counted: true,
                done: true,
            };
            send(Update::Catalog {
                catalog: Arc::clone(&previous),
                progress: done,
                parsed: 0,
            });
            self.check_stored(&previous, None, self.dir.is_some(), send);
            return previous;
        }
        let kept: Vec<Entry> = kept.into_iter().cloned().collect();
        let unchanged = kept.len() + problems.len();
        let changed =
            !to_read.is_empty() || unchanged != previous.entries.len() + previous.problems.len();
        let mut indexed = kept.len() + problems.len();
        let mut parsed = 0;
        // The list shown, in catalog order: what was kept, and what is not read yet listed by
        // its first line meanwhile. Each article read takes its place; the list is sorted
        // again only when reading moved one (its title or date was not what its first line
        // said).
        let mut shown: Vec<Entry> = kept;
        if listed.is_empty() {
            shown.extend(self.listed_entries(&to_read, &previous));
            sort(&mut shown);
        } else {
            // Listed and sorted already; nothing was kept, there being no cache.
            shown.append(&mut listed);
        }
        let mut places = places_of(&shown);
        let catalog_of = |shown: Vec<Entry>, problems: &[Problem]| {
            let mut catalog = Catalog::from_parts(shown, problems.to_vec(), self.origin.clone());
            catalog.folder = self.folder.clone();
            Arc::new(catalog)
        };
        let send_catalog = |catalog: &Arc<Catalog>, progress, parsed| {
            send(Update::Catalog {
                catalog: Arc::clone(catalog),
                progress,
                parsed,
            });
        };
        if changed {
            let p = Progress {
                indexed,
                total,
                counted: true,
                done: false,
            };
            send_catalog(&catalog_of(shown.clone(), &problems), p, parsed);
        }
        let mut cache_ok = self.dir.is_some();
        let mut last_sent = Instant::now();
        let mut send_cost = Duration::ZERO;
        let batches: Vec<&[Listed]> = to_read.chunks(BATCH).collect();
        // A batch is read and folded while the one before it is written to the cache.
        let prepare = |batch: &[Listed]| {
            let mut articles = Vec::new();
            let mut unreadable = Vec::new();
            for read in read_all(&self.root, batch) {
                match read {
                    Ok(article) => articles.push(article),
                    Err(problem) => unreadable.push(problem),
                }
            }
            let built = store_batch(&articles);
            (articles, unreadable, built)
        };
        let mut next = batches.first().map(|batch| prepare(batch));
        for (n, batch) in batches.iter().enumerate() {
            if self.stop.load(Ordering::Relaxed) {
                // What is indexed so far is kept: the next start reads only the rest.
                if cache_ok && let Some(dir) = &self.dir {
                    let indexed: Vec<Entry> = shown
                        .iter()
                        .filter(|e| e.stored.is_some())
                        .cloned()
                        .collect();
                    let _ = cache::save(dir, &self.root, &catalog_of(indexed, &problems));
                }
                return previous;
            }
            let Some((articles, unreadable, built)) = next.take() else {
                break;
            };
            problems.extend(unreadable);
            parsed += batch.len();
            indexed += batch.len();
            let Built {
                mut bytes,
                summaries,
                parts,
            } = built;
            let write = || match (&self.dir, cache_ok) {
                (Some(dir), true) => {
                    cache::write_segment_file(dir, &mut bytes, summaries.clone()).map_err(Some)
                }
                _ => Err(None),
            };
            let (written, prepared) = rayon::join(write, || batches.get(n + 1).map(|b| prepare(b)));
            next = prepared;
            let segment = match written {
                Ok(segment) => segment,
                Err(error) => {
                    if let Some(err) = error {
                        cache_ok = false;
                        send(Update::Note(Note::CacheNotWritten { why: err.brief() }));
                    }
                    Arc::new(Segment::memory(bytes, summaries))
                }
            };
            let mut moved = false;
            for ((article, stamp), parts) in articles.iter().zip(parts) {
                let stored = Stored::new(Arc::clone(&segment), parts);
                let entry = Entry::new(article, *stamp, Some(stored));
                match places.get(entry.path.as_os_str()) {
                    Some(&at) => {
                        let listed = &shown[at];
                        moved |= listed.date != entry.date || listed.title != entry.title;
                        shown[at] = entry;
                    }
                    None => {
                        shown.push(entry);
                        moved = true;
                    }
                }
            }
            // A file that could not be read after all is no longer listed.
            let skipped: std::collections::HashSet<&OsStr> =
                problems.iter().map(|p| p.path.as_os_str()).collect();
            let before = shown.len();
            shown.retain(|e| e.stored.is_some() || !skipped.contains(e.path.as_os_str()));
            if moved || shown.len() != before {
                sort(&mut shown);
                places = places_of(&shown);
            }
            // Catalogs are sent a few times a second at most, and less often as the list
            // grows: each is a copy of it, and copying is kept to a tenth of the work.
            let last = n + 1 == batches.len();
            if !last && last_sent.elapsed() > SEND_EVERY.max(send_cost * 10) {
                let p = Progress {
                    indexed,
                    total,
                    counted: true,
                    done: false,
                };
                let started = Instant::now();
                send_catalog(&catalog_of(shown.clone(), &problems), p, parsed);
                send_cost = started.elapsed();
                last_sent = Instant::now();
            }
        }
        let p = Progress {
            indexed: total,
            total,
            counted: true,
            done: true,
        };
        let catalog = catalog_of(shown, &problems);
        send_catalog(&catalog, p, parsed);
        if changed
            && cache_ok
            && let Some(dir) = &self.dir
            && let Err(err) = cache::save(dir, &self.root, &catalog)
        {
            send(Update::Note(Note::CacheNotWritten { why: err.brief() }));
        }
        self.check_stored(&catalog, Some(&previous), cache_ok, send);
        catalog
    }

    /// What the first search and a first opening would do, done now: each article's summary,
    /// folded text and text checked against their checksums (which also brings the summaries
    /// into memory). Damaged articles are read from their files meanwhile, and dropped from
    /// the cache (when it can be written) so that the next start indexes them again.
    fn check_stored(
        &self,
        catalog: &Catalog,
        previous: Option<&Catalog>,
        cache_ok: bool,
        send: &dyn Fn(Update),
    ) {
        catalog.entries().par_iter().for_each(|entry| {
            if !self.stop.load(Ordering::Relaxed)
                && let Some(stored) = entry.stored()
            {
                stored.check_parts();
            }
        });
        // The syllable index, brought up to date from the last catalog's: only the articles
        // no part holds are read (all of them the first time).
        if catalog.syllables().is_none() && !self.stop.load(Ordering::Relaxed) {
            let dir = self.dir.as_deref().filter(|_| cache_ok);
            let before = previous.and_then(Catalog::syllables).map(|s| &**s);
            let index = Syllables::update(before, catalog, dir);
            catalog.set_syllables(Arc::new(index));
            // What a search the index answers reads of each article: made now, not at a key.
            catalog.title_terms();
        }
        let damaged = catalog.damaged();
        if damaged.is_empty() || self.stop.load(Ordering::Relaxed) {
            return;
        }
        // Short, to fit a status line beside the position: what happened, then what next.
        let count = damaged.len();
        let note = match (cache_ok, &self.dir) {
            (true, Some(dir)) => match catalog.drop_damaged(dir, &self.root) {
                Ok(_) => Note::CacheDamagedStoredAnew { count },
                Err(err) => Note::CacheDamagedNotWritten {
                    count,
                    why: err.brief(),
                },
            },
            _ => Note::CacheDamaged { count },
        };
        send(Update::Note(note));
    }
}

/// Where each entry of a list is, by its file.
fn places_of(entries: &[Entry]) -> HashMap<std::ffi::OsString, usize> {
    entries
        .iter()
        .enumerate()
        .map(|(at, e)| (e.path.as_os_str().to_owned(), at))
        .collect()
}

/// Stores articles' text, blocks, folded text and marks in one segment's bytes (header space
/// first), folding on every core.
pub fn store_batch(articles: &[(Article, Stamp)]) -> Built {
    let built = articles
        .par_chunks(ARTICLES_PER_BUILDER)
        .map(|chunk| {
            let mut builder = SegmentBuilder::default();
            for (article, _) in chunk {
                builder.add(article);
            }
            builder
        })
        .collect::<Vec<_>>();
    let mut segment = SegmentBuilder::starting_at(cache::SEGMENT_HEADER);
    for builder in built {
        segment.append(builder);
    }
    segment.finish()
}

/// Articles folded together by one core when a batch is stored.
const ARTICLES_PER_BUILDER: usize = 16;
