//! Sections: the folders an archive keeps its articles in, newest first, as the list groups them.

use std::cmp::Reverse;
use std::collections::HashMap;

use super::{Date, Entry};
use crate::text::collate;

/// A folder of the archive and its articles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The folder's path from the folder opened (`2025/10/26`); empty for the top.
    pub name: String,
    /// Catalog indexes of its articles, in catalog order.
    pub members: Vec<usize>,
}

/// The folder part of an article id: `2025/10/26` for `2025/10/26/index`, empty at the top.
pub fn folder_of(id: &str) -> &str {
    id.rsplit_once('/').map_or("", |(folder, _)| folder)
}

/// The date a folder's name gives, as archives name them: `2025/10/26`, `2025-10-26`,
/// `2025/10` (its first day), `tin/2025/10/26`.
pub fn folder_date(name: &str) -> Option<Date> {
    let numbers: Vec<&str> = name
        .split(['/', '-', '_', '.'])
        .skip_while(|part| !(part.len() == 4 && part.bytes().all(|b| b.is_ascii_digit())))
        .take(3)
        .take_while(|part| {
            (1..=4).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit())
        })
        .collect();
    let [year, rest @ ..] = numbers.as_slice() else {
        return None;
    };
    let month = rest.first().copied().unwrap_or("1");
    let day = rest.get(1).copied().unwrap_or("1");
    Date::parse(&format!("{year}-{month:0>2}-{day:0>2}"))
}

/// Groups entries (in catalog order) by folder: the newest section first, by the date its
/// name gives or else its newest article's; `None` when every article is in one folder.
pub fn group(entries: &[Entry]) -> Option<Vec<Section>> {
    let mut at: HashMap<&str, usize> = HashMap::new();
    let mut sections: Vec<Section> = Vec::new();
    for (index, entry) in entries.iter().enumerate() {
        let name = folder_of(&entry.id);
        let slot = *at.entry(name).or_insert_with(|| {
            sections.push(Section {
                name: name.to_owned(),
                members: Vec::new(),
            });
            sections.len() - 1
        });
        sections[slot].members.push(index);
    }
    if sections.len() < 2 {
        return None;
    }
    // Entries are newest first, so a section's first member is its newest.
    let newest = |s: &Section| s.members.first().and_then(|&i| entries[i].date);
    sections.sort_by_cached_key(|s| {
        (
            Reverse(folder_date(&s.name).or_else(|| newest(s))),
            // The top of the folder after its subfolders of the same date.
            s.name.is_empty(),
            collate::sort_key(&s.name),
        )
    });
    Some(sections)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn date(name: &str, expected: Option<&str>) {
        assert_eq!(
            folder_date(name).map(|d| d.to_string()).as_deref(),
            expected,
            "{name}"
        );
    }

    #[test]
    fn folder_names_give_dates_as_archives_write_them() {
        date("2025/10/26", Some("2025-10-26"));
        date("2025-10-26", Some("2025-10-26"));
        date("2025/10", Some("2025-10-01"));
        date("tin/2025/3/7", Some("2025-03-07"));
        date("2025/13/01", None);
        date("the-gioi", None);
        date("", None);
        date("bai-12345", None);
    }

    #[test]
    fn an_id_s_folder_is_its_path_without_the_name() {
        assert_eq!(folder_of("2025/10/26/index"), "2025/10/26");
        assert_eq!(folder_of("loose"), "");
    }
}
