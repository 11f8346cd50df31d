//! Lines and columns of matches in a text, for `docbao search` to print.

use std::ops::Range;

/// Line (1-based) and column (1-based, in characters) of a byte offset in text.
pub fn line_column(text: &str, at: usize) -> (usize, usize) {
    let found = Lines::new(text).locate(at);
    (found.line, found.column)
}

/// Where an offset is in a text: its line and column, and the bounds of that line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
    /// Byte range of the whole line, without its newline.
    pub bounds: Range<usize>,
}

/// Finds lines and columns of offsets taken in order, scanning the text once in all, however
/// many matches a long line has.
#[derive(Debug, Clone)]
pub struct Lines<'a> {
    text: &'a str,
    line: usize,
    bounds: Range<usize>,
    /// The last offset located, and its column.
    at: usize,
    column: usize,
}

impl<'a> Lines<'a> {
    /// Starts at the top of `text`.
    pub fn new(text: &'a str) -> Lines<'a> {
        let mut lines = Lines {
            text,
            line: 1,
            bounds: 0..0,
            at: 0,
            column: 1,
        };
        lines.bounds = 0..lines.line_end(0);
        lines
    }

    fn line_end(&self, from: usize) -> usize {
        memchr::memchr(b'\n', &self.text.as_bytes()[from..]).map_or(self.text.len(), |i| from + i)
    }

    /// The line and column of `offset`, which must not come before the last one located.
    pub fn locate(&mut self, offset: usize) -> Located {
        let offset = offset.clamp(self.at, self.text.len());
        if offset > self.bounds.end {
            let skipped = &self.text.as_bytes()[self.bounds.end..offset];
            self.line += memchr::memchr_iter(b'\n', skipped).count();
            let start = memchr::memrchr(b'\n', skipped)
                .map_or(self.bounds.end, |i| self.bounds.end + i + 1);
            self.bounds = start..self.line_end(start);
            self.at = start;
            self.column = 1;
        }
        self.column += self.text[self.at..offset].chars().count();
        self.at = offset;
        Located {
            line: self.line,
            column: self.column,
            bounds: self.bounds.clone(),
        }
    }
}
