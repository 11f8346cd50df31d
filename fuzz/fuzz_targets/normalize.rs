//! The normaliser: no controls but newlines survive, it is idempotent, and NFD input comes out
//! exactly as its NFC.
#![no_main]

use docbao::text::sanitize;
use libfuzzer_sys::fuzz_target;
use unicode_normalization::UnicodeNormalization;

fuzz_target!(|text: &str| {
    let clean = sanitize(text);
    assert!(
        clean.chars().all(|c| c == '\n' || !c.is_control()),
        "{clean:?}"
    );
    assert!(!clean.contains(['\t', '\u{200B}', '\u{FEFF}', '\u{202E}', '\u{2066}']));
    assert_eq!(sanitize(&clean), clean, "not idempotent");
    let nfc: String = text.nfc().collect();
    let nfd: String = text.nfd().collect();
    assert_eq!(sanitize(&nfc), sanitize(&nfd), "{text:?}");
});
