//! What the commands print to: standard output, as wide as its terminal.

use std::io::{self, IsTerminal, Write};

use anyhow::Context;

/// Writes to stdout; a closed pipe (`docbao list | head`) is not an error.
pub(super) fn print(text: &str) -> anyhow::Result<()> {
    let mut stdout = io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(err) if err.kind() != io::ErrorKind::BrokenPipe => {
            Err(err).context("cannot write to standard output")
        }
        _ => Ok(()),
    }
}

/// Width `show` lays out at when it cannot ask a terminal.
const DEFAULT_WIDTH: u16 = 80;

/// Columns of the terminal standard output goes to, else 80.
pub(super) fn terminal_width() -> usize {
    let width = if io::stdout().is_terminal() {
        crossterm::terminal::size().map_or(DEFAULT_WIDTH, |(w, _)| w)
    } else {
        DEFAULT_WIDTH
    };
    usize::from(width)
}
