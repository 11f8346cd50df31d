//! The list as it takes rows on screen: articles grouped under their folders' headers, a
//! section folded to its header, the unread view, and titles on one or two rows.

use std::collections::HashSet;
use std::ops::Range;

use super::App;
use crate::catalog::sections::Section;
use crate::panes::{self, Panes};
use crate::text;

/// Marks a catalog index that the listing leaves out.
const UNLISTED: u32 = u32::MAX;

/// The list without a search: every article or only the unread, in sections when the folder
/// has subfolders.
#[derive(Debug, Clone, Default)]
pub struct Listing {
    /// Catalog index of the article at each position (a folded section's first article).
    order: Vec<usize>,
    /// Position of each catalog index, `UNLISTED` for an article the listing leaves out.
    position: Vec<u32>,
    /// The section of each position, when the list is in sections.
    section_at: Vec<u32>,
    /// The sections listed, in list order.
    sections: Vec<SectionShown>,
    /// Articles listed before each position: a folded section's header stands for all of
    /// its articles, so that "article 7 of 306" counts what the title counts.
    before: Vec<usize>,
    /// Articles listed in all.
    articles: usize,
}

/// A section as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionShown {
    /// The folder's path from the folder opened; empty for its top.
    pub name: String,
    /// How many of its articles are listed.
    pub count: usize,
    /// How many of those are unread.
    pub unread: usize,
    /// Whether it is folded to its header.
    pub folded: bool,
    /// Position of its first entry.
    first: usize,
}

impl Listing {
    /// Lists the articles `keep` keeps, in `groups` when there are any, folded as `folded` says.
    pub(super) fn build(
        count: usize,
        groups: Option<&[Section]>,
        folded: &HashSet<String>,
        keep: impl Fn(usize) -> bool,
        unread: impl Fn(usize) -> bool,
    ) -> Listing {
        let mut listing = Listing {
            position: vec![UNLISTED; count],
            ..Listing::default()
        };
        let Some(groups) = groups else {
            for index in (0..count).filter(|&i| keep(i)) {
                listing.position[index] = position_number(listing.order.len());
                listing.order.push(index);
                listing.before.push(listing.articles);
                listing.articles += 1;
            }
            return listing;
        };
        for group in groups {
            let members: Vec<usize> = group.members.iter().copied().filter(|&i| keep(i)).collect();
            let Some(&first_member) = members.first() else {
                continue;
            };
            let section = position_number(listing.sections.len());
            let first = listing.order.len();
            let is_folded = folded.contains(&group.name);
            listing.sections.push(SectionShown {
                name: group.name.clone(),
                count: members.len(),
                unread: members.iter().filter(|&&i| unread(i)).count(),
                folded: is_folded,
                first,
            });
            if is_folded {
                // One entry stands for the section: its header, selecting its newest article.
                listing.order.push(first_member);
                listing.section_at.push(section);
                listing.before.push(listing.articles);
                for &index in &members {
                    listing.position[index] = position_number(first);
                }
            } else {
                for &index in &members {
                    listing.position[index] = position_number(listing.order.len());
                    listing.order.push(index);
                    listing.section_at.push(section);
                    listing
                        .before
                        .push(listing.articles + listing.order.len() - first - 1);
                }
            }
            listing.articles += members.len();
        }
        listing
    }

    /// Number of entries.
    pub(super) fn len(&self) -> usize {
        self.order.len()
    }

    /// The catalog index of the article at a position.
    pub(super) fn entry(&self, position: usize) -> Option<usize> {
        self.order.get(position).copied()
    }

    /// The position of a catalog index, if it is listed (a folded section's header for its
    /// articles).
    pub(super) fn position_of(&self, index: usize) -> Option<usize> {
        let position = *self.position.get(index)?;
        (position != UNLISTED).then_some(position as usize)
    }

    /// The section of the entry at a position, when the list is in sections.
    pub(super) fn section(&self, position: usize) -> Option<&SectionShown> {
        let section = *self.section_at.get(position)?;
        self.sections.get(section as usize)
    }

    /// Whether the entry at a position is the first of its section.
    fn starts_section(&self, position: usize) -> bool {
        position == 0 || self.section_at.get(position - 1) != self.section_at.get(position)
    }

    /// Where the section after (or before) the one at `position` starts; for the previous,
    /// first the start of the section itself when `position` is past it.
    pub(super) fn section_step(&self, position: usize, forward: bool) -> Option<usize> {
        let section = *self.section_at.get(position)? as usize;
        if forward {
            return self.sections.get(section + 1).map(|s| s.first);
        }
        let own = self.sections.get(section)?.first;
        if own < position {
            return Some(own);
        }
        self.sections.get(section.checked_sub(1)?).map(|s| s.first)
    }
}

/// A position as the listing stores it: lists are far shorter than `u32::MAX`.
fn position_number(position: usize) -> u32 {
    u32::try_from(position).unwrap_or(UNLISTED - 1)
}

/// An entry of the list as it is drawn.
#[derive(Debug, Clone)]
pub struct ShownEntry<'a> {
    /// Its position in the list.
    pub position: usize,
    /// The catalog index of its article.
    pub index: usize,
    /// The section header drawn above it: over the first entry shown and the first of each
    /// section.
    pub header: Option<&'a SectionShown>,
    /// The byte ranges of the title's rows, the second to be cut short; `None` for a folded
    /// section, which is only its header.
    pub title: Option<(Range<usize>, Option<Range<usize>>)>,
}

impl ShownEntry<'_> {
    /// Rows it takes: its header, one or two for the title, one for the date or the match.
    pub fn rows(&self) -> usize {
        let header = usize::from(self.header.is_some());
        let title = self
            .title
            .as_ref()
            .map_or(0, |(_, second)| 2 + usize::from(second.is_some()));
        header + title
    }
}

impl App {
    /// The list's columns and rows inside its border.
    pub fn list_inner(&self) -> (usize, usize) {
        let pane = Panes::compute(self.area(), false, self.list_percent()).list;
        pane.map_or((1, 1), |p| {
            let inner = p.inner(panes::BORDER);
            (usize::from(inner.width), usize::from(inner.height))
        })
    }

    /// Where the selected article is among the articles the list shows, counted from 1, and
    /// how many it shows (a folded section counts all of its articles, as the title does).
    /// The catalog's count when it is not listed.
    pub fn ordinal(&self) -> (usize, usize) {
        match (self.list_position(), self.placing()) {
            (Some(position), Some(listing)) => (
                listing.before.get(position).map_or(position, |b| *b) + 1,
                listing.articles,
            ),
            (Some(position), None) => (position + 1, self.list_len()),
            (None, _) => (self.list.selected + 1, self.catalog.entries().len()),
        }
    }

    /// The listing that places the entries, when the list is not a search's results.
    pub(super) fn placing(&self) -> Option<&Listing> {
        self.list
            .listing
            .as_ref()
            .filter(|_| self.list.hits().is_none())
    }

    /// The entry at a position as drawn, `top` when it is the first shown.
    pub fn shown_entry(&self, position: usize, top: bool) -> Option<ShownEntry<'_>> {
        let index = self.list_entry(position)?;
        let section = self.placing().and_then(|l| {
            let section = l.section(position)?;
            Some((section, top || l.starts_section(position)))
        });
        let header = section.and_then(|(s, shown)| shown.then_some(s));
        let folded = section.is_some_and(|(s, _)| s.folded);
        // The first column is the unread mark.
        let room = self.list_inner().0.saturating_sub(1).max(1);
        let entry = self.catalog.entries().get(index)?;
        let title = (!folded).then(|| text::wrap::two_rows(&entry.title, room));
        Some(ShownEntry {
            position,
            index,
            header,
            title,
        })
    }

    /// Rows the entry at a position takes, `top` when it is the first shown.
    fn entry_rows(&self, position: usize, top: bool) -> usize {
        self.shown_entry(position, top).map_or(0, |e| e.rows())
    }

    /// The entries on screen, from the list's offset down as far as rows are left.
    pub fn shown_entries(&self) -> Vec<ShownEntry<'_>> {
        let height = self.list_inner().1;
        let mut rows = 0;
        let mut shown = Vec::new();
        for position in self.list.offset..self.list_len() {
            if rows >= height {
                break;
            }
            let Some(entry) = self.shown_entry(position, position == self.list.offset) else {
                break;
            };
            rows += entry.rows();
            shown.push(entry);
        }
        shown
    }

    /// Entries shown whole at once from the list's offset: what a page moves by.
    pub fn list_capacity(&self) -> usize {
        let height = self.list_inner().1;
        let mut rows = 0;
        let whole = self
            .shown_entries()
            .into_iter()
            .take_while(|e| {
                rows += e.rows();
                rows <= height
            })
            .count();
        whole.max(1)
    }

    /// The first entry to show for the one at `last` to be the lowest shown whole.
    fn top_for_bottom(&self, last: usize) -> usize {
        let height = self.list_inner().1.max(1);
        let mut rows = self.entry_rows(last, true);
        let mut top = last;
        while top > 0 {
            // The entry above becomes the top one: the one below it keeps its header only
            // if it starts a section.
            let next = rows - self.entry_rows(top, true)
                + self.entry_rows(top, false)
                + self.entry_rows(top - 1, true);
            if next > height {
                break;
            }
            rows = next;
            top -= 1;
        }
        top
    }

    /// The offset nearest `offset` that shows the selected entry whole and no empty rows
    /// past the end of the list.
    pub(super) fn offset_showing_selection(&self, offset: usize) -> usize {
        let count = self.list_len();
        if count == 0 {
            return 0;
        }
        let at = self.list_position().unwrap_or(0).min(count - 1);
        let offset = offset.min(at).max(self.top_for_bottom(at));
        offset.min(self.top_for_bottom(count - 1))
    }

    /// Folds the selected article's section to its header, or unfolds it.
    pub(super) fn toggle_section(&mut self) {
        let Some(name) = self
            .list_position()
            .and_then(|p| Some(self.placing()?.section(p)?.name.clone()))
        else {
            self.note = Some(if self.list.groups.is_none() {
                self.lang.t("note-no-sections")
            } else {
                self.lang.t("note-sections-unsearched")
            });
            return;
        };
        if !self.list.folded.remove(&name) {
            self.list.folded.insert(name);
        }
        self.refresh_listing();
        // A folded section stands for its newest article: that one is selected.
        if let Some(index) = self.list_position().and_then(|p| self.list_entry(p)) {
            self.select(index);
        }
        self.keep_selection_visible();
    }

    /// Selects the first article of the next (or previous) section.
    pub(super) fn step_section(&mut self, forward: bool) {
        let target = self
            .list_position()
            .and_then(|p| self.placing()?.section_step(p, forward));
        match target.and_then(|p| self.list_entry(p)) {
            Some(index) => self.select(index),
            None if self.placing().is_some_and(|l| !l.sections.is_empty()) => {
                self.note = Some(self.lang.t(if forward {
                    "note-last-section"
                } else {
                    "note-first-section"
                }));
            }
            None => self.note = Some(self.lang.t("note-no-sections")),
        }
    }

    /// Works out the listing again: the sections, which are folded, and the unread view,
    /// which lists the unread articles and the one selected (read or not), so that marking
    /// it read or reading it to its end does not move the list.
    pub(super) fn refresh_listing(&mut self) {
        let groups = self.list.groups.as_deref();
        if groups.is_none() && !self.list.unread_only {
            self.list.listing = None;
            return;
        }
        let entries = self.catalog.entries();
        let selected = self.list.selected;
        let unread_only = self.list.unread_only;
        let keep = |i: usize| {
            !unread_only
                || i == selected
                || entries.get(i).is_some_and(|e| !self.reading.is_read(&e.id))
        };
        let unread = |i: usize| entries.get(i).is_some_and(|e| !self.reading.is_read(&e.id));
        let listing = Listing::build(entries.len(), groups, &self.list.folded, keep, unread);
        self.list.listing = Some(listing);
    }

    /// Groups a new catalog's articles in sections.
    pub(super) fn regroup(&mut self) {
        self.list.groups = crate::catalog::sections::group(self.catalog.entries());
    }
}
