//! Everything a user can do, as one enum; and [`Event`], what `App::update` takes: an action
//! or a worker's answer.

use crate::effect::Answer;

/// Declares [`Action`]: the commands a key can be bound to, each with its name in a config
/// file (stable: never taken from `Debug`), then what else the user does that no key is bound
/// to. A command is registered here once; the keymap, the help, the README's key table, the
/// config's checks and the manual page read [`Action::COMMANDS`].
macro_rules! actions {
    (
        commands {
            $( $(#[doc = $doc:literal])* $command:ident = $name:literal, )*
        }
        others { $($others:tt)* }
    ) => {
        /// One thing the user asked for.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub enum Action {
            $( $(#[doc = $doc])* $command, )*
            $($others)*
        }

        impl Action {
            /// Every command a key can be bound to, with its name in a config file.
            pub const COMMANDS: &'static [(Action, &'static str)] =
                &[ $( (Action::$command, $name), )* ];

            /// The command's name in a config file (`next-match`); none for what no key is
            /// bound to (a character typed, a paste).
            pub fn name(&self) -> Option<&'static str> {
                match self {
                    $( Action::$command => Some($name), )*
                    _ => None,
                }
            }

            /// The command a config file names, if it is one.
            pub fn named(name: &str) -> Option<Action> {
                Action::COMMANDS
                    .iter()
                    .find(|(_, n)| *n == name)
                    .map(|(action, _)| action.clone())
            }
        }
    };
}

actions! {
    commands {
        /// Leave docbao, restoring the terminal.
        Quit = "quit",
        /// Stop docbao and go back to the shell, as less and vim do (`fg` comes back).
        Suspend = "suspend",
        /// Show or hide the list of keys.
        ToggleHelp = "toggle-help",
        /// Select the next article in the list, or scroll the reader down a line.
        Down = "down",
        /// Select the previous article in the list, or scroll the reader up a line.
        Up = "up",
        /// Jump to the first article, or to the top of the article being read.
        Top = "top",
        /// Jump to the last article, or to the end of the article being read.
        Bottom = "bottom",
        /// Move a screenful down.
        PageDown = "page-down",
        /// Move a screenful up.
        PageUp = "page-up",
        /// Move a screenful down; at the end of an article, read the next one (the next unread
        /// when only unread articles are listed).
        PageOrNext = "page-or-next",
        /// Move half a screenful down.
        HalfPageDown = "half-page-down",
        /// Move half a screenful up.
        HalfPageUp = "half-page-up",
        /// Read the selected article.
        Open = "open",
        /// Go back to the list (or close the help).
        Back = "back",
        /// Move the keyboard focus between the list and the reader.
        SwitchFocus = "switch-focus",
        /// Scroll the reader to the start of the next paragraph.
        NextParagraph = "next-paragraph",
        /// Scroll the reader to the start of the previous paragraph.
        PreviousParagraph = "previous-paragraph",
        /// Read the next article in the list.
        NextArticle = "next-article",
        /// Give the list more of the width, the reader less.
        WiderList = "wider-list",
        /// Give the list less of the width, the reader more.
        NarrowerList = "narrower-list",
        /// Go to the next unread article in the list.
        NextUnread = "next-unread",
        /// Mark the selected article read, or unread again.
        ToggleRead = "toggle-read",
        /// List only the unread articles, or every article again.
        ToggleUnreadView = "toggle-unread-view",
        /// Fold the selected article's section to its header, or unfold it.
        ToggleSection = "toggle-section",
        /// Mark every article of the selected one's section read (unread again when all are).
        MarkSectionRead = "mark-section-read",
        /// Mark every article read: asked twice, there is no undoing it.
        MarkAllRead = "mark-all-read",
        /// Go to the first article of the next section.
        NextSection = "next-section",
        /// Go to the first article of this section, or of the section before.
        PreviousSection = "previous-section",
        /// Read the previous article in the list.
        PreviousArticle = "previous-article",
        /// Start a search: in the article being read, or across the catalog from the list.
        StartSearch = "start-search",
        /// Go to the next match of the search.
        NextMatch = "next-match",
        /// Go to the previous match of the search.
        PreviousMatch = "previous-match",
        /// Delete the character before the cursor in the prompt.
        DeleteBack = "delete-back",
        /// Delete the character under the cursor in the prompt.
        DeleteForward = "delete-forward",
        /// Delete the word before the cursor in the prompt.
        DeleteWord = "delete-word",
        /// Delete everything before the cursor in the prompt.
        DeleteToStart = "delete-to-start",
        /// Move the prompt's cursor left.
        CursorLeft = "cursor-left",
        /// Move the prompt's cursor right.
        CursorRight = "cursor-right",
        /// Move the prompt's cursor to the start.
        CursorHome = "cursor-home",
        /// Move the prompt's cursor to the end.
        CursorEnd = "cursor-end",
        /// Show an earlier query in the prompt.
        OlderQuery = "older-query",
        /// Show a later query in the prompt.
        NewerQuery = "newer-query",
        /// Cycle case matching: smart, always, never.
        ToggleCase = "toggle-case",
        /// Cycle accent matching: smart, always, never.
        ToggleAccents = "toggle-accents",
        /// Select by sentence: the next sentence (a first one when only a paragraph is selected).
        NextSentence = "next-sentence",
        /// Select by sentence: the sentence before (a last one when only a paragraph is selected).
        PreviousSentence = "previous-sentence",
        /// Copy the selected passage, or the current paragraph, to the clipboard.
        Copy = "copy",
        /// Cycle where matches may be in words: at a word start, whole words, anywhere.
        ToggleWords = "toggle-words",
        /// Finish typing: keep the search (in the list, open the chosen article at its first match).
        Confirm = "confirm",
        /// Stop typing: go back to where the search began.
        Cancel = "cancel",
        /// Show the files that were skipped and the articles read with warnings (or go back).
        ShowProblems = "show-problems",
        /// Fetch every feed into the folder open, in the background; new articles come in as
        /// unread.
        FetchFeeds = "fetch-feeds",
        /// Start or stop selecting paragraphs and lines to bookmark.
        ToggleSelection = "toggle-selection",
        /// Bookmark the selection, or the current passage, then ask for a note.
        Bookmark = "bookmark",
        /// Show every bookmark, newest first (or go back from there).
        ShowBookmarks = "show-bookmarks",
        /// Delete the bookmark chosen in the bookmarks pane.
        DeleteBookmark = "delete-bookmark",
        /// Bring back the bookmark deleted last.
        UndoDelete = "undo-delete",
        /// Change the note of the bookmark chosen in the bookmarks pane.
        EditNote = "edit-note",
        /// Try again to save what could not be saved, then leave.
        RetrySave = "retry-save",
        /// Write what could not be saved to a recovery file elsewhere, say where, then leave.
        SaveElsewhere = "save-elsewhere",
        /// Leave without what could not be saved.
        QuitAnyway = "quit-anyway",
    }
    others {
        /// Type a character into the search prompt.
        Insert(char),
        /// Type what was pasted into the prompt, as one edit.
        Paste(String),
        /// A key that does nothing where it was pressed: say so, and how to find the keys.
        Unbound(String),
        /// A click: in the list, choose the article under the pointer; in the reader, read.
        ClickAt {
            /// Pointer column.
            column: u16,
            /// Pointer row.
            row: u16,
        },
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
