//! The prompt in the status line: a search in the reader or across the catalog, a filter of
//! the bookmarks, a note. What is typed takes effect as it is typed; `Enter` keeps it, `Esc`
//! goes back to exactly where the prompt was opened.

use super::App;
use super::pane::restore_bookmarks_filter;
use super::reader::Then;
use super::screen::{PromptScreen, Purpose, Screen};
use crate::action::Action;
use crate::prompt::{self, Prompt};
use crate::search::Query;

impl App {
    /// Opens a prompt holding `text`, over `under`.
    pub(super) fn open_prompt(&mut self, text: String, purpose: Purpose, under: Screen) -> Screen {
        Screen::Prompt(Box::new(PromptScreen {
            prompt: Prompt::with_text(&text),
            purpose,
            under,
        }))
    }

    /// Opens the search prompt of the reader.
    pub(super) fn start_reader_search(&mut self) -> Screen {
        let purpose = Purpose::SearchReader {
            before: Box::new(self.reader_place()),
        };
        self.open_prompt(String::new(), purpose, Screen::Reader)
    }

    /// Opens the search prompt of the list.
    pub(super) fn start_list_search(&mut self) -> Screen {
        let (text, purpose) = self.list_search_prompt();
        self.open_prompt(text, purpose, Screen::List)
    }

    /// Keys while a prompt is open.
    pub(super) fn on_prompt(&mut self, mut p: PromptScreen, action: Action) -> Screen {
        let before = p.prompt.text.clone();
        let line = &mut p.prompt;
        match action {
            Action::Insert(_) if line.is_full() => self.say_prompt_full(),
            Action::Insert(c) => line.insert(c),
            Action::Paste(text) => {
                let cut = line.insert_str(&text);
                if cut {
                    self.say_prompt_full();
                }
            }
            Action::DeleteBack => line.delete_back(),
            Action::DeleteForward => line.delete_forward(),
            Action::DeleteWord => line.delete_word(),
            Action::DeleteToStart => line.delete_to_start(),
            Action::CursorLeft => line.left(),
            Action::CursorRight => line.right(),
            Action::CursorHome => line.home(),
            Action::CursorEnd => line.end(),
            Action::OlderQuery => {
                line.recall_older(&self.reading.searches);
            }
            Action::NewerQuery => {
                line.recall_newer(&self.reading.searches);
            }
            Action::ToggleCase => {
                self.options.case = self.options.case.next();
                self.refresh_prompt(&mut p);
            }
            Action::ToggleAccents => {
                self.options.accents = self.options.accents.next();
                self.refresh_prompt(&mut p);
            }
            Action::ToggleWords => {
                self.options.words = self.options.words.next();
                self.refresh_prompt(&mut p);
            }
            Action::Up | Action::Down => match &mut p.under {
                Screen::Bookmarks(pane) => {
                    let last = pane.shown.len().saturating_sub(1);
                    pane.cursor = match action {
                        Action::Up => pane.cursor.saturating_sub(1),
                        _ => (pane.cursor + 1).min(last),
                    };
                }
                _ => self.move_in_list(&action),
            },
            Action::Confirm => return self.confirm_prompt(p),
            Action::Cancel => return self.cancel_prompt(p),
            _ => {}
        }
        if p.prompt.text != before {
            self.refresh_prompt(&mut p);
        }
        Screen::Prompt(Box::new(p))
    }

    /// Says that the prompt keeps no more.
    fn say_prompt_full(&mut self) {
        let count = prompt::MAX_CHARS;
        self.note = Some(self.lang.tr(
            "note-prompt-full",
            &[("count", count.into()), ("shown", count.to_string().into())],
        ));
    }

    /// Applies what is typed, after an edit or a change of options.
    fn refresh_prompt(&mut self, p: &mut PromptScreen) {
        let text = p.prompt.text.clone();
        match &p.purpose {
            Purpose::NewNote { .. } | Purpose::EditNote { .. } => {}
            Purpose::FilterBookmarks { .. } => self.filter_bookmarks(&mut p.under, &text),
            Purpose::SearchReader { before } => {
                let origin = before.scroll.min(self.max_scroll());
                self.reader.scroll = origin;
                let query = Query::new(&text, self.options);
                if query.is_empty() {
                    self.reader.search = None;
                    return;
                }
                self.search_article(query, Then::FirstFrom(origin));
            }
            Purpose::SearchList { selection, .. } => {
                let selection = *selection;
                // In the list, the words of a query may come in any order, as in fzf.
                self.filter_list(Query::new(&text, self.options).in_any_order(), selection);
            }
        }
    }

    fn confirm_prompt(&mut self, p: PromptScreen) -> Screen {
        let PromptScreen {
            prompt,
            purpose,
            under,
        } = p;
        match purpose {
            purpose @ (Purpose::NewNote { .. } | Purpose::EditNote { .. }) => {
                self.confirm_note(purpose, &prompt.text);
                under
            }
            Purpose::FilterBookmarks { .. } | Purpose::SearchReader { .. } => {
                prompt::remember(&mut self.reading.searches, &prompt.text);
                self.reading_changed = true;
                under
            }
            Purpose::SearchList { .. } => {
                prompt::remember(&mut self.reading.searches, &prompt.text);
                self.reading_changed = true;
                self.confirm_list_search()
            }
        }
    }

    /// Closes a prompt without keeping what was typed: back to where it opened.
    pub(super) fn cancel_prompt(&mut self, p: PromptScreen) -> Screen {
        let PromptScreen {
            purpose, mut under, ..
        } = p;
        match purpose {
            Purpose::NewNote { .. } => {
                self.note = Some(self.lang.t("note-bookmark-cancelled"));
            }
            Purpose::EditNote { .. } => self.note = Some(self.lang.t("note-unchanged")),
            Purpose::FilterBookmarks { before } => restore_bookmarks_filter(&mut under, before),
            Purpose::SearchReader { before } => self.return_to(*before),
            Purpose::SearchList { before, selection } => {
                self.cancel_list_search(before, selection);
            }
        }
        under
    }
}
