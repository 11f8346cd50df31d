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
