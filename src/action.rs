//! Everything a user can do, as one enum: the only input `App::update` accepts.

/// One thing the user asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    /// Read the previous article in the list.
    PreviousArticle,
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
