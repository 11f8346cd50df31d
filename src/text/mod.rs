//! Pure text handling: cleaning, measuring, wrapping and ordering; no UI, no files.

pub mod collate;
pub mod fold;
pub mod grams;
pub mod mojibake;
pub mod normalize;
pub mod sieve;
pub mod snippet;
pub mod syllables;
pub mod width;
pub mod words;
pub mod wrap;

pub use normalize::{decode_and_sanitize, sanitize};
pub use width::{fit, str_width, truncate};
pub use wrap::wrap;

/// A size in bytes as people read it, in decimal units: `812 bytes`, `22 KB`, `4.3 MB`,
/// `1.8 GB`.
pub fn byte_size(bytes: u64) -> String {
    let b = bytes as f64;
    match bytes {
        0..1_000 => format!("{bytes} bytes"),
        1_000..1_000_000 => format!("{:.0} KB", b / 1e3),
        1_000_000..1_000_000_000 => format!("{:.1} MB", b / 1e6),
        _ => format!("{:.1} GB", b / 1e9),
    }
}

/// A count with a space between thousands, as Vietnamese and English typography both allow:
/// `24 573`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts() {
        assert_eq!(super::thousands(7), "7");
        assert_eq!(super::thousands(999), "999");
        assert_eq!(super::thousands(1000), "1 000");
        assert_eq!(super::thousands(234_570), "234 570");
        assert_eq!(super::thousands(1_234_570), "1 234 570");
    }

    #[test]
    fn sizes() {
        assert_eq!(super::byte_size(812), "812 bytes");
        assert_eq!(super::byte_size(22_400), "22 KB");
        assert_eq!(super::byte_size(4_310_000), "4.3 MB");
        assert_eq!(super::byte_size(1_820_000_000), "1.8 GB");
    }
}
