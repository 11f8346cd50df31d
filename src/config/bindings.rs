//! The config's `[keys]`: bindings read from the file into the keymap, and what a refused one
//! says.

use toml::de::{DeTable, DeValue};

use super::parse::{Reader, ordered};
use crate::i18n::Message;
use crate::keymap::{KeyError, Keymap, RebindError, Scope};

impl Reader<'_> {
    pub(super) fn keys(&mut self, table: &DeTable<'_>, keymap: &mut Keymap) {
        let scopes: Vec<&str> = Scope::ALL.iter().map(|(n, _)| *n).collect();
        for (key, value) in ordered(table) {
            let Some(scope) = Scope::parse(key.get_ref().as_ref()) else {
                self.unknown(key, "[keys]", &scopes);
                continue;
            };
            let Some(bindings) = self.table(value) else {
                continue;
            };
            for (action, keys) in ordered(bindings) {
                let known = keymap.action_names(scope);
                if !known.iter().any(|a| a == action.get_ref().as_ref()) {
                    let message = Message::new("config-unknown-action")
                        .with("action", format!("{:?}", action.get_ref().as_ref()))
                        .with("scope", scope.name())
                        .with("known", known.join(", "));
                    self.problem(action.span(), message);
                    continue;
                }
                let names: Option<Vec<String>> = match keys.get_ref() {
                    DeValue::String(s) => Some(s.split_whitespace().map(str::to_owned).collect()),
                    DeValue::Array(items) => items
                        .iter()
                        .map(|item| match item.get_ref() {
                            DeValue::String(s) => Some(s.as_ref().to_owned()),
                            _ => None,
                        })
                        .collect(),
                    _ => None,
                };
                let Some(names) = names else {
                    let message = Message::new("config-expected-keys")
                        .with("action", action.get_ref().as_ref());
                    self.problem(keys.span(), message);
                    continue;
                };
                if let Err(err) = keymap.rebind(scope, action.get_ref().as_ref(), &names) {
                    let span = match err {
                        RebindError::UnknownAction { .. } => action.span(),
                        _ => keys.span(),
                    };
                    self.problem(span, rebind_message(err));
                }
            }
        }
    }
}

/// What a refused binding says.
fn rebind_message(err: RebindError) -> Message {
    match err {
        RebindError::Key(KeyError(name)) => {
            Message::new("config-unknown-key-name").with("name", format!("{name:?}"))
        }
        RebindError::NoKey { action } => Message::new("config-no-key").with("action", action),
        RebindError::UnknownAction {
            action,
            scope,
            known,
        } => Message::new("config-unknown-action")
            .with("action", format!("{action:?}"))
            .with("scope", scope)
            .with("known", known),
        RebindError::Typed { key, scope } => Message::new("config-typed-key")
            .with("key", key)
            .with("scope", scope),
        RebindError::Twice {
            key,
            action,
            other,
            scope,
        } => Message::new("config-bound-twice")
            .with("key", key)
            .with("action", action)
            .with("other", other)
            .with_said("place", format!("place-{}", scope.name())),
    }
}
