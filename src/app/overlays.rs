//! The problems view and the help overlay: opening them over a screen, their keys, their size.

use ratatui::layout::Rect;

use super::{App, HelpView, ProblemsView, Screen, moved};
use crate::action::Action;
use crate::i18n::Say;
use crate::mode::HelpLine;
use crate::panes;
use crate::text;

impl App {
    /// Opens the problems view over `under`.
    pub(super) fn open_problems(&mut self, under: Screen) -> Screen {
        let lang = self.lang;
        let config = self.config_problems.iter().map(|p| (p.clone(), None));
        let skipped = self
            .catalog
            .problems()
            .iter()
            .map(move |p| (p.say(lang), None));
        let warned = self
            .catalog
            .entries()
            .iter()
            .enumerate()
            .flat_map(|(i, a)| {
                a.warnings
                    .iter()
                    .map(move |w| (format!("{}: {}", a.path.display(), w.say(lang)), Some(i)))
            });
        let (lines, articles) = config.chain(skipped).chain(warned).unzip();
        let mut view = ProblemsView {
            lines,
            articles,
            rows: Vec::new(),
            row_line: Vec::new(),
            scroll: 0,
            cursor: 0,
            under,
        };
        self.wrap_problems(&mut view);
        Screen::Problems(Box::new(view))
    }

    /// Wraps the problems to the view's width.
    pub(super) fn wrap_problems(&self, view: &mut ProblemsView) {
        let width = usize::from(self.main_area().inner(panes::BORDER).width).saturating_sub(2);
        (view.rows, view.row_line) = if view.lines.is_empty() {
            let none = self.lang.t(if self.progress.done {
                "problems-none"
            } else {
                "problems-none-so-far"
            });
            let rows = text::wrap(&none, width);
            let lines = vec![0; rows.len()];
            (rows, lines)
        } else {
            // A problem's continuation rows are indented under its first.
            view.lines
                .iter()
                .enumerate()
                .flat_map(|(line, p)| {
                    text::wrap(p, width.saturating_sub(2))
                        .into_iter()
                        .enumerate()
                        .map(move |(k, row)| (if k == 0 { row } else { format!("  {row}") }, line))
                })
                .unzip()
        };
        let shown = usize::from(self.main_area().inner(panes::BORDER).height);
        view.scroll = view.scroll.min(view.rows.len().saturating_sub(shown));
    }

    /// Keys in the problems view.
    pub(super) fn on_problems(&mut self, mut view: ProblemsView, action: Action) -> Screen {
        let shown = usize::from(self.main_area().inner(panes::BORDER).height).max(1);
        let last = view.rows.len().saturating_sub(shown);
        match action {
            Action::Back | Action::ShowProblems => return view.under,
            Action::ToggleHelp => return self.open_help(Screen::Problems(Box::new(view))),
            Action::Open => return self.open_problem(view),
            // A line at a time: the chosen one, kept in view.
            Action::Down | Action::Up | Action::Top | Action::Bottom => {
                let lines = view.lines.len().saturating_sub(1);
                view.cursor = moved(&action, view.cursor, 1, lines).unwrap_or(view.cursor);
                let rows = |line: usize| {
                    let first = view.row_line.iter().position(|&l| l == line).unwrap_or(0);
                    let last = view
                        .row_line
                        .iter()
                        .rposition(|&l| l == line)
                        .unwrap_or(first);
                    (first, last)
                };
                let (first, end) = rows(view.cursor);
                if first < view.scroll {
                    view.scroll = first;
                } else if end >= view.scroll + shown {
                    view.scroll = (end + 1).saturating_sub(shown).min(first);
                }
            }
            // A page at a time: the view, the chosen line the first of it when it left.
            _ => {
                view.scroll = moved(&action, view.scroll, shown.saturating_sub(1), last)
                    .unwrap_or(view.scroll.min(last));
                let seen = view.scroll..view.scroll + shown;
                let at = view.row_line.iter().position(|&l| l == view.cursor);
                if at.is_none_or(|row| !seen.contains(&row)) {
                    view.cursor = view.row_line.get(view.scroll).copied().unwrap_or(0);
                }
            }
        }
        Screen::Problems(Box::new(view))
    }

    /// Opens the article of the chosen problem (read with a warning); a skipped file is not
    /// in the catalog, and the note says so.
    fn open_problem(&mut self, view: ProblemsView) -> Screen {
        match view.articles.get(view.cursor).copied().flatten() {
            Some(index) => {
                self.select(index);
                Screen::Reader
            }
            None if view.lines.is_empty() => Screen::Problems(Box::new(view)),
            None => {
                self.note = Some(self.lang.t("note-problem-not-listed"));
                Screen::Problems(Box::new(view))
            }
        }
    }

    /// Opens the help over `under`, at the section of the keys that apply there.
    pub(super) fn open_help(&mut self, under: Screen) -> Screen {
        let mode = under.mode(self.reader.selection.is_some());
        let (rows, line_rows) = self.help_rows();
        let section = line_rows.get(self.keys.section(mode)).copied().unwrap_or(0);
        let mut view = HelpView {
            scroll: 0,
            rows,
            line_rows,
            under,
        };
        view.scroll = section.min(self.last_help_scroll(&view));
        Screen::Help(Box::new(view))
    }

    /// Wraps the help again for a new size, with the same line at its top.
    pub(super) fn rewrap_help(&self, view: &mut HelpView) {
        let line = view
            .line_rows
            .partition_point(|&row| row <= view.scroll)
            .saturating_sub(1);
        (view.rows, view.line_rows) = self.help_rows();
        let row = view.line_rows.get(line).copied().unwrap_or(0);
        view.scroll = row.min(self.last_help_scroll(view));
    }

    /// The help's lines as rows of its box: a text too long for the box goes on under itself
    /// rather than being cut. With the first row of each line.
    fn help_rows(&self) -> (Vec<HelpLine>, Vec<usize>) {
        let width = usize::from(self.help_box(0).width.saturating_sub(2));
        let key_width = self.help_key_width().min(width);
        // Too narrow for words beside the keys: cut, as a last resort.
        let room = width.saturating_sub(key_width).max(12);
        let mut rows = Vec::new();
        let mut line_rows = Vec::new();
        for line in &self.keys.lines {
            line_rows.push(rows.len());
            match line {
                HelpLine::Key { keys, help } => {
                    for (k, part) in text::wrap(help, room).into_iter().enumerate() {
                        rows.push(HelpLine::Key {
                            keys: if k == 0 { keys.clone() } else { String::new() },
                            help: part,
                        });
                    }
                }
                other => rows.push(other.clone()),
            }
        }
        (rows, line_rows)
    }

    /// Keys in the help overlay.
    pub(super) fn on_help(&mut self, mut help: HelpView, action: Action) -> Screen {
        let shown = self.help_area().height.saturating_sub(2).max(1);
        let page = usize::from(shown).saturating_sub(1).max(1);
        if matches!(action, Action::ToggleHelp | Action::Back) {
            return help.under;
        }
        let last = self.last_help_scroll(&help);
        help.scroll = moved(&action, help.scroll, page, last).unwrap_or(help.scroll.min(last));
        Screen::Help(Box::new(help))
    }

    /// The furthest the help can scroll: its last row at the bottom of its box.
    pub(super) fn last_help_scroll(&self, view: &HelpView) -> usize {
        let shown = usize::from(self.help_box(view.rows.len()).height.saturating_sub(2));
        view.rows.len().saturating_sub(shown)
    }

    /// Where the help overlay sits: as tall as the rows of the help open, or its lines.
    pub fn help_area(&self) -> Rect {
        let rows = match &self.screen {
            Screen::Help(view) => view.rows.len(),
            _ => self.keys.lines.len(),
        };
        self.help_box(rows)
    }

    /// The help's box for a number of rows: as wide as its widest line, within the screen.
    fn help_box(&self, rows: usize) -> Rect {
        let width = self
            .keys
            .lines
            .iter()
            .map(|line| match line {
                HelpLine::Section(title) => text::str_width(title),
                HelpLine::Key { help, .. } => self.help_key_width() + text::str_width(help),
                HelpLine::Blank => 0,
            })
            .max()
            .unwrap_or(0);
        panes::help_box(self.area(), rows, width)
    }

    /// Columns the help gives to keys: two of indent, the longest keys, two of space.
    pub fn help_key_width(&self) -> usize {
        self.keys
            .lines
            .iter()
            .filter_map(|line| match line {
                HelpLine::Key { keys, .. } => Some(text::str_width(keys) + 4),
                _ => None,
            })
            .max()
            .unwrap_or(0)
    }
}
