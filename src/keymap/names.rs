//! Key names: read from a config file or the table (`C-w`, `Up`, `F5`), and shown in the help
//! (`Ctrl-W`, `↑`).

use crossterm::event::{KeyCode, KeyModifiers};

use super::Key;

/// The arrow keys' names, and the arrows the help shows for them.
const ARROWS: [(&str, &str); 4] = [("Up", "↑"), ("Down", "↓"), ("Left", "←"), ("Right", "→")];

/// A key name as the table writes it (`C-w`, `Up`), from either that or the help's form
/// (`Ctrl-W`, `↑`).
pub(super) fn canonical(name: &str) -> String {
    if let Some((key, _)) = ARROWS.iter().find(|(_, arrow)| *arrow == name) {
        return (*key).to_owned();
    }
    match name.split_once('-') {
        Some(("C" | "Ctrl", key)) if !key.is_empty() => format!("C-{}", control_key(key)),
        Some(("A" | "Alt", key)) if !key.is_empty() => format!("A-{key}"),
        Some(("S" | "Shift", key)) if !key.is_empty() => format!("S-{key}"),
        _ => name.to_owned(),
    }
}

/// The key after Ctrl- as terminals send it: a letter in lower case, since Ctrl-W and Ctrl-w
/// are one key.
fn control_key(key: &str) -> String {
    if key.len() == 1 {
        key.to_ascii_lowercase()
    } else {
        key.to_owned()
    }
}

/// Reads a key name: a character, a named key, after `C-` (Ctrl), `A-` (Alt) or `S-` (Shift);
/// the help's names (`Ctrl-W`, `↑`) are read too.
pub(super) fn parse_key(name: &str) -> Option<Key> {
    let name = canonical(name);
    let (modifiers, rest) = match name.split_once('-') {
        Some(("C", rest)) if !rest.is_empty() => (KeyModifiers::CONTROL, rest),
        Some(("A", rest)) if !rest.is_empty() => (KeyModifiers::ALT, rest),
        Some(("S", rest)) if !rest.is_empty() => (KeyModifiers::SHIFT, rest),
        _ => (KeyModifiers::NONE, name.as_str()),
    };
    let code = match rest {
        "Enter" => KeyCode::Enter,
        "Esc" => KeyCode::Esc,
        // Terminals send Shift-Tab as a key of its own.
        "Tab" if modifiers == KeyModifiers::SHIFT => KeyCode::BackTab,
        "Tab" => KeyCode::Tab,
        "Space" => KeyCode::Char(' '),
        "Backspace" => KeyCode::Backspace,
        "Delete" => KeyCode::Delete,
        "Up" => KeyCode::Up,
        "Down" => KeyCode::Down,
        "Left" => KeyCode::Left,
        "Right" => KeyCode::Right,
        "Home" => KeyCode::Home,
        "End" => KeyCode::End,
        "PgUp" => KeyCode::PageUp,
        "PgDn" => KeyCode::PageDown,
        function if function.len() > 1 && function.starts_with('F') => {
            match function[1..].parse::<u8>() {
                Ok(n @ 1..=12) => KeyCode::F(n),
                _ => return None,
            }
        }
        one => {
            let mut chars = one.chars();
            let c = chars.next()?;
            if chars.next().is_some() {
                return None;
            }
            KeyCode::Char(c)
        }
    };
    Some((code, modifiers))
}

/// A key pressed, named as the help names keys: `x`, `Ctrl-X`, `F5`.
pub(super) fn key_name(code: KeyCode, modifiers: KeyModifiers) -> String {
    let base = match code {
        KeyCode::Char(' ') => "Space".to_owned(),
        KeyCode::Char(c) => c.to_string(),
        other => other.to_string(),
    };
    let lead = if modifiers.contains(KeyModifiers::CONTROL) {
        "Ctrl-"
    } else if modifiers.contains(KeyModifiers::ALT) {
        "Alt-"
    } else {
        ""
    };
    match (lead, code) {
        ("Ctrl-", KeyCode::Char(c)) => format!("Ctrl-{}", c.to_uppercase()),
        _ => format!("{lead}{base}"),
    }
}

/// A key name as the help shows it: arrows as arrows, `C-w` as `Ctrl-W`.
pub(super) fn label(name: &str) -> String {
    if let Some((_, arrow)) = ARROWS.iter().find(|(key, _)| *key == name) {
        return (*arrow).to_owned();
    }
    match name.split_once('-') {
        Some(("C", key)) if !key.is_empty() => format!("Ctrl-{}", key.to_uppercase()),
        Some(("A", key)) if !key.is_empty() => format!("Alt-{key}"),
        Some(("S", key)) if !key.is_empty() => format!("Shift-{key}"),
        _ => name.to_owned(),
    }
}
