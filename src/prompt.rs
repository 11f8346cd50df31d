//! A one-line text input: the search prompt's editing and its history of earlier queries.

use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

/// The longest line a prompt keeps, in characters: longer than any query or note a person
/// types, short enough that searching for it stays quick.
pub const MAX_CHARS: usize = 500;

/// The line being typed and where the cursor is in it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Prompt {
    /// What has been typed.
    pub text: String,
    /// Byte offset of the cursor in `text`, always on a grapheme boundary.
    pub cursor: usize,
    /// Which history entry is shown, counted back from the newest.
    recalled: Option<usize>,
    /// What was typed before history was recalled, to come back to.
    draft: String,
}

impl Prompt {
    /// A prompt holding `text` with the cursor at its end.
    pub fn with_text(text: &str) -> Prompt {
        Prompt {
            text: text.to_owned(),
            cursor: text.len(),
            ..Prompt::default()
        }
    }

    /// Types a character at the cursor. The text is kept in NFC, so that a letter typed as a
    /// base and its marks (as some input methods send it) is stored, shown and searched exactly
    /// like the precomposed one. Only the letter before the cursor is composed again: a key
    /// costs the same however long the line is.
    pub fn insert(&mut self, c: char) {
        let mut buffer = [0; 4];
        self.insert_str(c.encode_utf8(&mut buffer));
    }

    /// Types `text` at the cursor, as one edit: what a paste brings. Line breaks, tabs and
    /// other control characters become spaces, so that the line stays one line. The line
    /// keeps at most [`MAX_CHARS`]; returns whether some of `text` was left out for that.
    pub fn insert_str(&mut self, text: &str) -> bool {
        let room = MAX_CHARS.saturating_sub(self.text.chars().count());
        let cut = text.chars().count() > room;
        let typed: String = text
            .chars()
            .take(room)
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        if typed.is_empty() {
            return cut;
        }
        // The letter before the cursor, which a mark typed now may join.
        let start = self.text[..self.cursor]
            .grapheme_indices(true)
            .next_back()
            .map_or(self.cursor, |(at, _)| at);
        let joined: String = format!("{}{typed}", &self.text[start..self.cursor])
            .nfc()
            .collect();
        self.text.replace_range(start..self.cursor, &joined);
        self.cursor = start + joined.len();
        self.recalled = None;
        cut
    }

    /// Whether the line is as long as it may be.
    pub fn is_full(&self) -> bool {
        self.text.chars().count() >= MAX_CHARS
    }

    /// Deletes the grapheme before the cursor.
    pub fn delete_back(&mut self) {
        let start = self.previous_boundary(self.cursor);
        self.text.replace_range(start..self.cursor, "");
        self.cursor = start;
    }

    /// Deletes the grapheme under the cursor.
    pub fn delete_forward(&mut self) {
        let end = self.next_boundary(self.cursor);
        self.text.replace_range(self.cursor..end, "");
    }

    /// Deletes the word before the cursor, and the spaces after it (Ctrl-W).
    pub fn delete_word(&mut self) {
        let before = &self.text[..self.cursor];
        let trimmed = before.trim_end();
        let start = trimmed
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(at, c)| at + c.len_utf8());
        self.text.replace_range(start..self.cursor, "");
        self.cursor = start;
    }

    /// Deletes everything before the cursor (Ctrl-U).
    pub fn delete_to_start(&mut self) {
        self.text.replace_range(..self.cursor, "");
        self.cursor = 0;
    }

    /// Moves the cursor one grapheme left.
    pub fn left(&mut self) {
        self.cursor = self.previous_boundary(self.cursor);
    }

    /// Moves the cursor one grapheme right.
    pub fn right(&mut self) {
        self.cursor = self.next_boundary(self.cursor);
    }

    /// Moves the cursor to the start.
    pub fn home(&mut self) {
        self.cursor = 0;
    }

    /// Moves the cursor to the end.
    pub fn end(&mut self) {
        self.cursor = self.text.len();
    }

    /// Shows the next older query from `history` (newest last); returns whether it changed.
    pub fn recall_older(&mut self, history: &[String]) -> bool {
        let next = self.recalled.map_or(0, |i| i + 1);
        if next >= history.len() {
            return false;
        }
        if self.recalled.is_none() {
            self.draft = self.text.clone();
        }
        self.show_recalled(history, next);
        true
    }

    /// Shows the next newer query, or what was being typed; returns whether it changed.
    pub fn recall_newer(&mut self, history: &[String]) -> bool {
        match self.recalled {
            None => false,
            Some(0) => {
                self.recalled = None;
                self.text = std::mem::take(&mut self.draft);
                self.cursor = self.text.len();
                true
            }
            Some(i) => {
                self.show_recalled(history, i - 1);
                true
            }
        }
    }

    fn show_recalled(&mut self, history: &[String], back: usize) {
        self.recalled = Some(back);
        self.text = history[history.len() - 1 - back].clone();
        self.cursor = self.text.len();
    }

    fn previous_boundary(&self, at: usize) -> usize {
        self.text[..at]
            .grapheme_indices(true)
            .next_back()
            .map_or(0, |(i, _)| i)
    }

    fn next_boundary(&self, at: usize) -> usize {
        self.text[at..]
            .graphemes(true)
            .next()
            .map_or(at, |g| at + g.len())
    }
}

/// Adds a query to a history (newest last), moving a repeat to the end and keeping it short.
pub fn remember(history: &mut Vec<String>, query: &str) {
    let query = query.trim();
    if query.is_empty() {
        return;
    }
    history.retain(|q| q != query);
    history.push(query.to_owned());
    if history.len() > crate::state::SEARCHES_KEPT {
        history.remove(0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(text: &str) -> Prompt {
        let mut prompt = Prompt::default();
        text.chars().for_each(|c| prompt.insert(c));
        prompt
    }

    #[test]
    fn editing() {
        let mut p = typed("cong uoc");
        p.delete_back();
        assert_eq!(p.text, "cong uo");
        p.delete_word();
        assert_eq!((p.text.as_str(), p.cursor), ("cong ", 5));
        p.delete_word();
        assert_eq!(p.text, "");
        let mut p = typed("ha noi");
        p.left();
        p.left();
        p.insert('X');
        assert_eq!(p.text, "ha nXoi");
        p.delete_to_start();
        assert_eq!((p.text.as_str(), p.cursor), ("oi", 0));
        p.delete_forward();
        assert_eq!(p.text, "i");
    }

    #[test]
    fn decomposed_typing_is_stored_precomposed() {
        let p = typed("ho\u{0300}a da\u{0302}\u{0300}u");
        assert_eq!(p.text, "hòa dầu");
        assert_eq!(p.cursor, p.text.len());
        // A mark typed in the middle lands on the letter before the cursor.
        let mut p = typed("hoa");
        p.left();
        p.insert('\u{0300}');
        assert_eq!((p.text.as_str(), p.cursor), ("hòa", "hò".len()));
        let mut p = typed("ho\u{0300}a");
        p.left();
        p.left();
        assert_eq!(p.cursor, 1, "one step back over a, one over ò");
        let mut p = typed("ho\u{0300}");
        p.delete_back();
        assert_eq!(p.text, "h");
    }

    #[test]
    fn history_recall() {
        let mut history = Vec::new();
        remember(&mut history, "một");
        remember(&mut history, "hai");
        remember(&mut history, "một");
        assert_eq!(history, ["hai", "một"]);
        let mut p = typed("ba");
        assert!(p.recall_older(&history));
        assert_eq!(p.text, "một");
        assert!(p.recall_older(&history));
        assert_eq!(p.text, "hai");
        assert!(!p.recall_older(&history));
        assert!(p.recall_newer(&history));
        assert!(p.recall_newer(&history));
        assert_eq!(p.text, "ba");
        assert!(!p.recall_newer(&history));
    }

    #[test]
    fn a_paste_is_one_edit_on_one_line_composed_and_capped() {
        let mut p = typed("tìm ");
        let nfd: String = "Cong ước\nHà Nội\t!".nfd().collect();
        assert!(!p.insert_str(&nfd));
        assert_eq!(p.text, "tìm Cong ước Hà Nội !");
        assert_eq!(p.cursor, p.text.len());
        // A mark pasted alone joins the letter before the cursor, as one typed does.
        let mut p = typed("Vie");
        p.insert_str("\u{0302}\u{0323}t");
        assert_eq!(p.text, "Việt");
        // 10 000 characters: the line keeps its cap, and says some were left out.
        let mut p = typed("ab");
        assert!(p.insert_str(&"x".repeat(10_000)));
        assert_eq!(p.text.chars().count(), MAX_CHARS);
        assert!(p.is_full());
        let more = "y";
        assert!(p.insert_str(more), "nothing more goes in");
        assert_eq!(p.text.chars().count(), MAX_CHARS);
    }
}
