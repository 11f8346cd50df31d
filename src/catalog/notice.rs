//! What the catalog has to say, as values: why a file is not listed, what reading one found,
//! what happened to the cache or the watch. The interface words them (`i18n::words`); the
//! cache keeps them as stable codes, never as the catalogs' message ids.

use std::path::PathBuf;

use strum::{EnumIter, IntoStaticStr};

/// Why a file or folder is not in the catalog.
#[derive(Debug, Clone, PartialEq, Eq, EnumIter, IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum Reason {
    /// The file could not be read; it is tried again the next time.
    Unreadable {
        /// The system's words for why.
        error: Box<str>,
    },
    /// A NUL byte: a binary file.
    BinaryNul,
    /// A known binary file signature.
    BinarySignature,
    /// Mostly control bytes.
    BinaryControls,
    /// Nothing but whitespace.
    Empty,
    /// An article number that is not in the catalog.
    NoArticle {
        /// The number asked for.
        index: usize,
    },
    /// A symbolic link back to a folder above it, not followed.
    LinkLoop,
    /// The folder walk failed otherwise.
    Walk {
        /// What the walk said.
        error: Box<str>,
    },
}

/// What reading an article found that the reader should know.
#[derive(Debug, Clone, PartialEq, Eq, EnumIter, IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum Warning {
    /// Not UTF-8: decoded with a guessed encoding.
    Guessed {
        /// The encoding guessed.
        encoding: String,
    },
    /// Invalid UTF-8: the bytes that could not be read are shown as U+FFFD.
    InvalidUtf8,
    /// Mojibake repaired.
    Mojibake,
    /// Mojibake repaired where it could be: some characters were lost before docbao read it.
    MojibakePartly,
}

/// What happened while a catalog was opened or kept current, for the status line.
#[derive(Debug, Clone, PartialEq, Eq, EnumIter)]
pub enum Note {
    /// The folder could not be opened.
    CannotOpen {
        /// The folder.
        path: PathBuf,
        /// The system's words for why.
        error: String,
    },
    /// The cache could not be used: it is being built again.
    CacheRebuilding {
        /// Why it could not be used.
        why: String,
    },
    /// The cache could not be used and was built again.
    CacheRebuilt {
        /// Why it could not be used.
        why: String,
    },
    /// The cache could not be written: the next start reads every file.
    CacheNotWritten {
        /// Why.
        why: String,
    },
    /// Some of the cache was damaged: those articles were read from their files.
    CacheDamaged {
        /// How many articles.
        count: usize,
    },
    /// Some of the cache was damaged, and the cache was written anew.
    CacheDamagedStoredAnew {
        /// How many articles.
        count: usize,
    },
    /// Some of the cache was damaged, and it could not be written anew.
    CacheDamagedNotWritten {
        /// How many articles.
        count: usize,
        /// Why it could not be written.
        why: String,
    },
    /// No file notifications: the folder is looked at every second.
    LivePolling {
        /// Why there are none.
        why: String,
    },
    /// The folder is not watched for changes at all.
    LiveUnwatched {
        /// Why.
        why: String,
    },
}

/// Separates a kept value's fields.
const FIELD: char = '\u{1f}';

impl Reason {
    /// A file that could not be read, with the system's words for why.
    pub fn unreadable(error: impl Into<Box<str>>) -> Reason {
        Reason::Unreadable {
            error: error.into(),
        }
    }

    /// Whether the file is tried again at the next start even if it has not changed.
    pub fn retried(&self) -> bool {
        matches!(self, Reason::Unreadable { .. })
    }

    /// The reason as the cache keeps it: a stable code, then its argument if it has one.
    pub fn encode(&self) -> String {
        let code: &'static str = self.into();
        match self {
            Reason::Unreadable { error } | Reason::Walk { error } => {
                format!("{code}{FIELD}{error}")
            }
            Reason::NoArticle { index } => format!("{code}{FIELD}{index}"),
            _ => code.to_owned(),
        }
    }

    /// A reason kept by [`Reason::encode`], if it is one.
    pub fn decode(kept: &str) -> Option<Reason> {
        let (code, arg) = kept.split_once(FIELD).unwrap_or((kept, ""));
        Some(match code {
            "unreadable" => Reason::Unreadable { error: arg.into() },
            "binary-nul" => Reason::BinaryNul,
            "binary-signature" => Reason::BinarySignature,
            "binary-controls" => Reason::BinaryControls,
            "empty" => Reason::Empty,
            "no-article" => Reason::NoArticle {
                index: arg.parse().ok()?,
            },
            "link-loop" => Reason::LinkLoop,
            "walk" => Reason::Walk { error: arg.into() },
            _ => return None,
        })
    }
}

impl Warning {
    /// The warning as the cache keeps it: a stable code, then its argument if it has one.
    pub fn encode(&self) -> String {
        let code: &'static str = self.into();
        match self {
            Warning::Guessed { encoding } => format!("{code}{FIELD}{encoding}"),
            _ => code.to_owned(),
        }
    }

    /// A warning kept by [`Warning::encode`], if it is one.
    pub fn decode(kept: &str) -> Option<Warning> {
        let (code, arg) = kept.split_once(FIELD).unwrap_or((kept, ""));
        Some(match code {
            "guessed" => Warning::Guessed {
                encoding: arg.to_owned(),
            },
            "invalid-utf8" => Warning::InvalidUtf8,
            "mojibake" => Warning::Mojibake,
            "mojibake-partly" => Warning::MojibakePartly,
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use strum::IntoEnumIterator;

    #[test]
    fn every_reason_and_warning_comes_back_from_the_cache() {
        for reason in Reason::iter().chain([
            Reason::unreadable("permission denied"),
            Reason::NoArticle { index: 7 },
            Reason::Walk {
                error: "a: b".into(),
            },
        ]) {
            assert_eq!(Reason::decode(&reason.encode()), Some(reason));
        }
        for warning in Warning::iter().chain([Warning::Guessed {
            encoding: "windows-1258".into(),
        }]) {
            assert_eq!(Warning::decode(&warning.encode()), Some(warning));
        }
        assert_eq!(Reason::decode("skip-empty"), None);
        assert_eq!(Reason::decode("no-article\u{1f}x"), None);
    }
}
