//! Faults while saving: writers killed at random points, and two processes writing at once.

use std::collections::HashSet;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Command, Stdio};
use std::thread;
use std::time::Duration;

use docbao::bookmarks::BookmarkStore;

use crate::common;

fn writer(data: &Path, count: usize) -> Command {
    let mut cmd = common::docbao(data);
    cmd.args(["stress-bookmarks", &count.to_string()])
        .arg("--data-dir")
        .arg(data)
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    cmd
}

/// The ids a writer printed: each one's save had returned.
fn saved_ids(output: &str) -> Vec<String> {
    // A line cut off by the kill was not finished: only whole lines count.
    let whole = match output.rfind('\n') {
        Some(at) => &output[..at],
        None => "",
    };
    whole.lines().map(str::to_owned).collect()
}

#[test]
fn writers_killed_at_random_points_lose_nothing_that_was_saved() {
    let mut seed: u64 = 0x5eed;
    let mut checked = 0;
    let mut total_saved = 0;
    for round in 0..8 {
        // A fresh folder now and then keeps the file, and each rewrite of it, small.
        let dir = tempfile::tempdir().unwrap();
        let mut promised: HashSet<String> = HashSet::new();
        for attempt in 0..25 {
            let mut child = writer(dir.path(), 10_000).spawn().unwrap();
            let mut stdout = BufReader::new(child.stdout.take().unwrap());
            let mut output = String::new();
            // Every other writer is killed only once it has saved something, so that kills
            // land among saves however busy the machine is; the others, at any moment.
            if attempt % 2 == 0 {
                stdout.read_line(&mut output).unwrap();
            }
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            thread::sleep(Duration::from_micros(500 + (seed >> 33) % 15_000));
            child.kill().unwrap();
            stdout.read_to_string(&mut output).unwrap();
            child.wait().unwrap();
            promised.extend(saved_ids(&output));
            let store = BookmarkStore::open(dir.path()).expect("the file can be read");
            assert!(store.notice.is_none(), "round {round}: {:?}", store.notice);
            // Opening removed what the killed writer left half written.
            let left: Vec<String> = std::fs::read_dir(dir.path())
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .filter(|name| name.contains(".tmp-"))
                .collect();
            assert!(left.is_empty(), "round {round}: {left:?} left behind");
            let stored: HashSet<&str> = store.all().iter().map(|b| b.id.as_str()).collect();
            for id in &promised {
                assert!(
                    stored.contains(id.as_str()),
                    "round {round}: {id} was saved, then lost"
                );
            }
            checked += 1;
        }
        total_saved += promised.len();
    }
    assert_eq!(checked, 200);
    assert!(
        total_saved >= 100,
        "half the writers saved before being killed: {total_saved}"
    );
}

#[test]
fn two_processes_adding_100_each_end_with_200() {
    let dir = tempfile::tempdir().unwrap();
    let children: Vec<_> = (0..2)
        .map(|_| writer(dir.path(), 100).spawn().unwrap())
        .collect();
    let mut printed = 0;
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success());
        printed += String::from_utf8(out.stdout).unwrap().lines().count();
    }
    assert_eq!(printed, 200);
    let store = BookmarkStore::open(dir.path()).unwrap();
    assert_eq!(store.all().len(), 200);
}
