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
        let config = self.config_problems.iter().cloned();
        let lang = self.lang;
        let skipped = self.catalog.problems().iter().map(move |p| p.say(lang));
        let warned = self.catalog.entries().iter().flat_map(|a| {
            a.warnings
                .iter()
                .map(move |w| format!("{}: {}", a.path.display(), w.say(lang)))
        });
        let mut view = ProblemsView {
            lines: config.chain(skipped).chain(warned).collect(),
            rows: Vec::new(),
            scroll: 0,
            under,
        };
        self.wrap_problems(&mut view);
        Screen::Problems(Box::new(view))
    }

    /// Wraps the problems to the view's width.
    pub(super) fn wrap_problems(&self, view: &mut ProblemsView) {
        let width = usize::from(self.main_area().inner(panes::BORDER).width).saturating_sub(2);
        view.rows = if view.lines.is_empty() {
            let none = self.lang.t(if self.progress.done {
                "problems-none"
            } else {
                "problems-none-so-far"
            });
            text::wrap(&none, width)
        } else {
            // A problem's continuation rows are indented under its first.
            view.lines
                .iter()
                .flat_map(|p| {
                    text::wrap(p, width.saturating_sub(2))
                        .into_iter()
                        .enumerate()
                        .map(|(k, row)| if k == 0 { row } else { format!("  {row}") })
                })
                .collect()
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
            _ => {}
        }
        view.scroll = moved(&action, view.scroll, shown.saturating_sub(1), last)
            .unwrap_or(view.scroll.min(last));
        Screen::Problems(Box::new(view))
    }

    /// Opens the help over `under`, at the section of the keys that apply there.
    pub(super) fn open_help(&mut self, under: Screen) -> Screen {
        let mode = under.mode(self.reader.selection.is_some());
        let scroll = self.keys.section(mode).min(self.last_help_scroll());
        Screen::Help(Box::new(HelpView { scroll, under }))
    }

    /// Keys in the help overlay.
    pub(super) fn on_help(&mut self, mut help: HelpView, action: Action) -> Screen {
        let shown = self.help_area().height.saturating_sub(2).max(1);
        let page = usize::from(shown).saturating_sub(1).max(1);
        if matches!(action, Action::ToggleHelp | Action::Back) {
            return help.under;
        }
        let last = self.last_help_scroll();
        help.scroll = moved(&action, help.scroll, page, last).unwrap_or(help.scroll.min(last));
        Screen::Help(Box::new(help))
    }

    /// The furthest the help can scroll: its last line at the bottom of its box.
    pub(super) fn last_help_scroll(&self) -> usize {
        let shown = usize::from(self.help_area().height.saturating_sub(2));
        self.keys.lines.len().saturating_sub(shown)
    }

    /// Where the help overlay sits.
    pub fn help_area(&self) -> Rect {
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
        panes::help_box(self.area(), self.keys.lines.len(), width)
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
