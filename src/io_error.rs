//! I/O errors as short phrases a user can read, shared by the catalog and the stores.

use std::io;

/// An I/O error as a short lower-case phrase ("permission denied"), without the OS error code.
pub fn describe_io(err: &io::Error) -> String {
    let text = err.to_string();
    let text = match text.find(" (os error") {
        Some(at) => &text[..at],
        None => &text,
    };
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => text.to_owned(),
    }
}
