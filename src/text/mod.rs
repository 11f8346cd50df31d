//! Pure text handling: cleaning, measuring, wrapping and ordering; no UI, no files.

pub mod collate;
pub mod fold;
pub mod normalize;
pub mod snippet;
pub mod width;
pub mod wrap;

pub use normalize::{decode_and_sanitize, sanitize};
pub use width::{fit, str_width, truncate};
pub use wrap::wrap;

/// A reading time as people say it: `7 min`, `1 h 5 min`, `2 h`.
pub fn reading_time(minutes: usize) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn reading_times() {
        assert_eq!(super::reading_time(7), "7 min");
        assert_eq!(super::reading_time(60), "1 h");
        assert_eq!(super::reading_time(66), "1 h 6 min");
        assert_eq!(super::reading_time(125), "2 h 5 min");
    }
}
