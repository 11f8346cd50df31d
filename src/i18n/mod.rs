//! The interface's language: which one the user asked for, and its messages.

/// A language the interface speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Vietnamese.
    Vi,
}

impl Lang {
    /// Every language, as `--lang` and the config file name it.
    pub const ALL: [(&'static str, Lang); 2] = [("en", Lang::En), ("vi", Lang::Vi)];

    /// The language a name or a locale (`vi`, `vi_VN.UTF-8`, `en-GB`) is written in, if one
    /// docbao speaks.
    pub fn parse(name: &str) -> Option<Lang> {
        let code: String = name
            .chars()
            .take_while(char::is_ascii_alphabetic)
            .collect::<String>()
            .to_ascii_lowercase();
        Lang::ALL.iter().find(|(n, _)| *n == code).map(|(_, l)| *l)
    }

    /// The language of the locale, as POSIX picks the one for messages: the first of
    /// `LC_ALL`, `LC_MESSAGES` and `LANG` that is set decides; Vietnamese for `vi*`, else
    /// English.
    pub fn from_locale(var: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|name| var(name).filter(|v| !v.is_empty()))
            .and_then(|value| Lang::parse(&value))
            .unwrap_or(Lang::En)
    }

    /// The language of this process's locale.
    pub fn from_env() -> Lang {
        Lang::from_locale(|name| std::env::var(name).ok())
    }

    /// The name `--lang` and the config file use.
    pub fn as_str(self) -> &'static str {
        Lang::ALL
            .iter()
            .find(|(_, l)| *l == self)
            .map_or("en", |(n, _)| n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn locale(vars: &[(&str, &str)]) -> Lang {
        Lang::from_locale(|name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v).to_owned())
        })
    }

    #[test]
    fn the_first_locale_variable_set_decides() {
        assert_eq!(locale(&[("LANG", "vi_VN.UTF-8")]), Lang::Vi);
        assert_eq!(locale(&[("LANG", "vi")]), Lang::Vi);
        assert_eq!(
            locale(&[("LC_ALL", "en_US.UTF-8"), ("LANG", "vi_VN.UTF-8")]),
            Lang::En
        );
        assert_eq!(
            locale(&[("LC_MESSAGES", "vi_VN"), ("LANG", "en_US.UTF-8")]),
            Lang::Vi
        );
        // Set but empty is not set.
        assert_eq!(locale(&[("LC_ALL", ""), ("LANG", "vi_VN.UTF-8")]), Lang::Vi);
        assert_eq!(locale(&[("LANG", "C.UTF-8")]), Lang::En);
        assert_eq!(locale(&[("LANG", "fr_FR.UTF-8")]), Lang::En);
        assert_eq!(locale(&[]), Lang::En);
    }

    #[test]
    fn names_and_locales_parse() {
        assert_eq!(Lang::parse("VI"), Some(Lang::Vi));
        assert_eq!(Lang::parse("en-GB"), Some(Lang::En));
        assert_eq!(Lang::parse("vie"), None);
        assert_eq!(Lang::parse("de"), None);
        assert_eq!(Lang::Vi.as_str(), "vi");
    }
}
