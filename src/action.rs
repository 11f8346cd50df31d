//! Everything a user can do, as one enum; and [`Event`], what `App::update` takes: an action
//! or a worker's answer.

use crate::effect::Answer;

/// One thing the user asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Leave docbao, restoring the terminal.
    Quit,
    /// Show or hide the list of keys.
    ToggleHelp,
    /// Select the next article in the list, or scroll the reader down a line.
    Down,
    /// Select the previous article in the list, or scroll the reader up a line.
    Up,
    /// Jump to the first article, or to the top of the article being read.
    Top,
    /// Jump to the last article, or to the end of the article being read.
    Bottom,
    /// Move a screenful down.
    PageDown,
    /// Move a screenful up.
    PageUp,
    /// Move a screenful down; at the end of an article, read the next one (the next unread
    /// when only unread articles are listed).
    PageOrNext,
    /// Move half a screenful down.
    HalfPageDown,
    /// Move half a screenful up.
    HalfPageUp,
    /// Read the selected article.
    Open,
    /// Go back to the list (or close the help).
    Back,
    /// Move the keyboard focus between the list and the reader.
    SwitchFocus,
    /// Scroll the reader to the start of the next paragraph.
    NextParagraph,
    /// Scroll the reader to the start of the previous paragraph.
    PreviousParagraph,
    /// Read the next article in the list.
    NextArticle,
    /// Give the list more of the width, the reader less.
    WiderList,
    /// Give the list less of the width, the reader more.
    NarrowerList,
    /// Go to the next unread article in the list.
    NextUnread,
    /// Mark the selected article read, or unread again.
    ToggleRead,
    /// List only the unread articles, or every article again.
    ToggleUnreadView,
    /// Fold the selected article's section to its header, or unfold it.
    ToggleSection,
    /// Go to the first article of the next section.
    NextSection,
    /// Go to the first article of this section, or of the section before.
    PreviousSection,
    /// Read the previous article in the list.
    PreviousArticle,
    /// Start a search: in the article being read, or across the catalog from the list.
    StartSearch,
    /// Go to the next match of the search.
    NextMatch,
    /// Go to the previous match of the search.
    PreviousMatch,
    /// Type a character into the search prompt.
    Insert(char),
    /// Type what was pasted into the prompt, as one edit.
    Paste(String),
    /// Delete the character before the cursor in the prompt.
    DeleteBack,
    /// Delete the character under the cursor in the prompt.
    DeleteForward,
    /// Delete the word before the cursor in the prompt.
    DeleteWord,
    /// Delete everything before the cursor in the prompt.
    DeleteToStart,
    /// Move the prompt's cursor left.
    CursorLeft,
    /// Move the prompt's cursor right.
    CursorRight,
    /// Move the prompt's cursor to the start.
    CursorHome,
    /// Move the prompt's cursor to the end.
    CursorEnd,
    /// Show an earlier query in the prompt.
    OlderQuery,
    /// Show a later query in the prompt.
    NewerQuery,
    /// Cycle case matching: smart, always, never.
    ToggleCase,
    /// Cycle accent matching: smart, always, never.
    ToggleAccents,
    /// Select by sentence: the next sentence (a first one when only a paragraph is selected).
    NextSentence,
    /// Select by sentence: the sentence before (a last one when only a paragraph is selected).
    PreviousSentence,
    /// Copy the selected passage, or the current paragraph, to the clipboard.
    Copy,
    /// Cycle where matches may be in words: at a word start, whole words, anywhere.
    ToggleWords,
    /// Finish typing: keep the search (in the list, open the chosen article at its first match).
    Confirm,
    /// Stop typing: go back to where the search began.
    Cancel,
    /// Show the files that were skipped and the articles read with warnings (or go back).
    ShowProblems,
    /// Start or stop selecting paragraphs and lines to bookmark.
    ToggleSelection,
    /// Bookmark the selection, or the current passage, then ask for a note.
    Bookmark,
    /// Show every bookmark, newest first (or go back from there).
    ShowBookmarks,
    /// Delete the bookmark chosen in the bookmarks pane.
    DeleteBookmark,
    /// Bring back the bookmark deleted last.
    UndoDelete,
    /// Change the note of the bookmark chosen in the bookmarks pane.
    EditNote,
    /// Try again to save what could not be saved, then leave.
    RetrySave,
    /// Write what could not be saved to a recovery file elsewhere, say where, then leave.
    SaveElsewhere,
    /// Leave without what could not be saved.
    QuitAnyway,
    /// A key that does nothing where it was pressed: say so, and how to find the keys.
    Unbound(String),
    /// Scroll whatever pane is under the mouse pointer (negative: up).
    ScrollAt {
        /// Pointer column.
        column: u16,
        /// Pointer row.
        row: u16,
        /// Lines to scroll; negative scrolls up.
        lines: i16,
    },
    /// The terminal changed size: re-wrap and keep the same paragraph in view.
    Resize {
        /// New width in columns.
        width: u16,
        /// New height in rows.
        height: u16,
    },
}

/// What `App::update` takes: what the user did, or what came back from off the UI thread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// The user did something.
    Action(Action),
    /// A worker, the indexer or the system answered.
    Answer(Answer),
}

impl From<Action> for Event {
    fn from(action: Action) -> Event {
        Event::Action(action)
    }
}

impl From<Answer> for Event {
    fn from(answer: Answer) -> Event {
        Event::Answer(answer)
    }
}
