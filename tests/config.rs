//! The config file: good, partial and bad files, the exact messages, and the commands that
//! print it. A file with mistakes is taken as far as it is right and never rewritten.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use docbao::action::Action;
use docbao::app::Mode;
use docbao::config::{self, Config, Problem};
use docbao::i18n::Lang;
use docbao::search::{Sensitivity, Words};
use docbao::ui::Theme;
use docbao::ui::theme::ThemeName;
use ratatui::style::{Color, Modifier};

fn parse(text: &str) -> (Config, Vec<String>) {
    let (config, problems) = config::parse(text, Path::new("config.toml"));
    (config, problems.iter().map(Problem::to_string).collect())
}

fn press(config: &Config, mode: Mode, code: KeyCode) -> Option<Action> {
    config
        .keymap
        .action_for_key(mode, KeyEvent::new(code, KeyModifiers::NONE))
}

#[test]
fn a_good_file_sets_everything_it_names() {
    let (config, problems) = parse(
        r##"
theme = "light"
language = "vi"
folder = "/srv/tin"
list_width = 40
text_width = 72

[search]
case = "ignore"
accents = "match"
words = "whole"

[colors]
title = "#112233"
matched = { fg = "black", bg = "214", bold = true, italic = false }

[keys.reader]
next-match = ["x", "Ctrl-N"]
[keys.browse]
quit = "Q"
"##,
    );
    assert_eq!(problems, Vec::<String>::new());
    assert_eq!(config.theme, ThemeName::Light);
    assert_eq!(config.language, Some(Lang::Vi));
    assert_eq!(config.folder.as_deref(), Some(Path::new("/srv/tin")));
    assert_eq!(config.list_width, Some(40));
    assert_eq!(config.text_width, 72);
    assert_eq!(config.search.case, Sensitivity::Off);
    assert_eq!(config.search.accents, Sensitivity::On);
    assert_eq!(config.search.words, Words::Whole);
    let theme = config.theme(Theme::light());
    assert_eq!(theme.title.fg, Some(Color::Rgb(0x11, 0x22, 0x33)));
    assert!(theme.title.add_modifier.contains(Modifier::BOLD), "kept");
    assert_eq!(theme.matched.fg, Some(Color::Black));
    assert_eq!(theme.matched.bg, Some(Color::Indexed(214)));
    assert!(theme.matched.add_modifier.contains(Modifier::BOLD));
    assert!(theme.matched.sub_modifier.contains(Modifier::ITALIC));
    // Under NO_COLOR the attributes are taken, the colours not.
    let plain = config.theme(Theme::plain());
    assert_eq!(plain.title.fg, None);
    assert!(plain.matched.add_modifier.contains(Modifier::BOLD));
    // The new keys, and the old ones gone.
    assert_eq!(
        press(&config, Mode::Reader, KeyCode::Char('x')),
        Some(Action::NextMatch)
    );
    assert_eq!(
        config.keymap.action_for_key(
            Mode::Reader,
            KeyEvent::new(KeyCode::Char('n'), KeyModifiers::CONTROL)
        ),
        Some(Action::NextMatch)
    );
    assert_eq!(
        press(&config, Mode::Reader, KeyCode::Char('n')),
        Some(Action::Unbound("n".to_owned()))
    );
    assert_eq!(
        press(&config, Mode::List, KeyCode::Char('Q')),
        Some(Action::Quit)
    );
    let help = config.keymap.help(Lang::En);
    assert!(
        help.lines.iter().any(|l| matches!(l,
            docbao::app::HelpLine::Key { keys, .. } if keys == "x Ctrl-N")),
        "the help shows the keys in force"
    );
}

#[test]
fn every_mistake_is_one_message_with_line_and_column_and_the_rest_is_taken() {
    let (config, problems) = parse(
        "theme = \"solarized\"\n\
         text_width = 72\n\
         colour = 3\n\
         list_width = 90\n\
         [colors]\n\
         title = \"purpl\"\n\
         caption = \"blue\"\n\
         [keys.reader]\n\
         next-match = \"]\"\n\
         previous-match = \"p\"\n\
         [keys.list]\n\
         jump = \"J\"\n",
    );
    assert_eq!(
        problems,
        [
            "config.toml:1:9: \"solarized\": expected one of \"dark\", \"light\", \"auto\"",
            "config.toml:3:1: unknown key \"colour\": expected one of theme, language, folder, \
             list_width, text_width, mouse, search, colors, keys",
            "config.toml:4:14: 90: expected a percentage, a whole number from 20 to 70",
            "config.toml:6:9: unknown colour \"purpl\": expected a name (black, red, green, \
             yellow, blue, magenta, cyan, gray, white, light-red…), \"#rrggbb\" or a number \
             from 0 to 255",
            "config.toml:9:14: ] is bound twice: to next-match and to next-article (in reader)",
            "config.toml:12:1: \"jump\" is not an action of [keys.list]: expected one of \
             toggle-section, mark-section-read, mark-all-read, next-section, previous-section",
        ]
    );
    // What was right is taken; what was wrong keeps its default.
    assert_eq!(config.theme, ThemeName::Auto);
    assert_eq!(config.text_width, 72);
    assert_eq!(config.list_width, None);
    let theme = config.theme(Theme::dark());
    assert_eq!(theme.title, Theme::dark().title);
    assert_eq!(theme.caption.fg, Some(Color::Blue));
    assert_eq!(
        press(&config, Mode::Reader, KeyCode::Char(']')),
        Some(Action::NextArticle)
    );
    assert_eq!(
        press(&config, Mode::Reader, KeyCode::Char('p')),
        Some(Action::PreviousMatch)
    );
}

#[test]
fn bad_toml_is_one_message_and_the_defaults() {
    let (config, problems) = parse("theme = \"light\"\ntext_width = \n");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("config.toml:2:14: not valid TOML: ")
            && problems[0].ends_with("; using the defaults"),
        "{problems:?}"
    );
    assert_eq!(config.theme, ThemeName::Auto);
}

#[test]
fn wrong_types_and_typed_keys_are_refused() {
    let (_, problems) = parse(
        "text_width = \"wide\"\nfolder = 3\n[search]\ncase = true\n[keys.prompt]\ncancel = \"q\"\n[keys.help]\ntoggle-help = 5\n",
    );
    assert_eq!(
        problems,
        [
            "config.toml:1:14: \"wide\": expected a number of columns, a whole number from 20 to 65535",
            "config.toml:2:10: expected a folder's path in quotes",
            "config.toml:4:8: true: expected one of \"smart\", \"match\", \"ignore\"",
            "config.toml:6:10: q cannot be bound in [keys.prompt]: a character is typed into a prompt; use a Ctrl- or Alt- key",
            "config.toml:8:15: toggle-help: expected a key name (\"n\", \"Ctrl-N\") or a list of them",
        ]
    );
}

/// The default file with every setting's `#` removed.
fn uncommented(text: &str) -> String {
    text.lines()
        .map(|line| match line.strip_prefix('#') {
            Some(rest) if rest.contains(" = ") && !rest.starts_with(' ') => rest,
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_default_file_says_the_defaults() {
    for lang in [Lang::En, Lang::Vi] {
        the_default_file_in(lang);
    }
}

fn the_default_file_in(lang: Lang) {
    let text = config::default_file(lang);
    let (as_written, problems) = parse(&text);
    assert_eq!(problems, Vec::<String>::new());
    let (every_line, problems) = parse(&uncommented(&text));
    // Only the two examples of [colors] change anything.
    assert_eq!(problems, Vec::<String>::new());
    let loaded = |config: Config| config::Loaded {
        config,
        path: None,
        found: false,
        problems: Vec::new(),
    };
    let defaults = config::effective(&loaded(Config::default()), lang);
    assert_eq!(config::effective(&loaded(as_written), lang), defaults);
    let mut every_line = every_line;
    assert_eq!(every_line.folder.take().map(|_| ()), Some(()));
    assert_eq!(every_line.list_width.take(), Some(35));
    assert_eq!(every_line.colors.len(), 2);
    every_line.colors.clear();
    assert_eq!(config::effective(&loaded(every_line), lang), defaults);
}

fn docbao(home: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_docbao"))
        .args(args)
        .current_dir(home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("DOCBAO_CACHE_DIR", home.join("cache"))
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("run docbao")
}

#[test]
fn docbao_config_prints_the_path_and_the_settings_and_never_writes_the_file() {
    let home = tempfile::tempdir().expect("temp dir");
    let out = docbao(home.path(), &["config"]);
    let file = home.path().join("config/docbao/config.toml");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(
        text.starts_with(&format!(
            "# config file: {} (not there: these are the defaults)\n",
            file.display()
        )),
        "{text}"
    );
    assert!(text.contains("\ntext_width = 80\n"), "{text}");
    assert!(!file.exists(), "nothing written");

    fs::create_dir_all(file.parent().unwrap()).unwrap();
    let written = "text_width = 60\ntheme = \"dark\"\n[keys.browse]\nquit = \"Q\"\ncolour = 1\n";
    fs::write(&file, written).unwrap();
    let before = fs::metadata(&file).unwrap().modified().unwrap();
    let out = docbao(home.path(), &["config"]);
    let text = String::from_utf8_lossy(&out.stdout);
    let errors = String::from_utf8_lossy(&out.stderr);
    assert!(text.contains("\ntext_width = 60\n"), "{text}");
    assert!(text.contains("\nquit = \"Q\"\n"), "{text}");
    assert_eq!(
        errors,
        format!(
            "docbao: {}:5:1: \"colour\" is not an action of [keys.browse]: \
             expected one of down, up, page-or-next, page-down, page-up, half-page-down, \
             half-page-up, top, bottom, open, back, switch-focus, toggle-unread-view, \
             next-unread, toggle-read, wider-list, narrower-list, start-search, \
             show-bookmarks, show-problems, fetch-feeds, toggle-help, quit\n",
            file.display()
        )
    );
    // And the other commands say it once too, and go on.
    let out = docbao(home.path(), &["list"]);
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr).lines().count(), 1);
    assert_eq!(fs::read_to_string(&file).unwrap(), written);
    assert_eq!(fs::metadata(&file).unwrap().modified().unwrap(), before);
}

#[test]
fn a_config_named_with_flag_that_is_missing_is_an_error() {
    let home = tempfile::tempdir().expect("temp dir");
    let out = docbao(home.path(), &["--config", "nowhere.toml", "list"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "docbao: there is no config file nowhere.toml (named with --config)\n"
    );
    assert!(out.stdout.is_empty(), "nothing listed");
}

#[test]
fn the_config_folder_and_search_defaults_reach_the_commands() {
    let home = tempfile::tempdir().expect("temp dir");
    let news = home.path().join("tin");
    fs::create_dir_all(&news).unwrap();
    fs::write(
        news.join("a.txt"),
        "date 2025-01-02 Thuở ban đầu\n\nNgày xưa, thuở ấy.\n",
    )
    .unwrap();
    let file = home.path().join("docbao.toml");
    fs::write(
        &file,
        format!(
            "folder = {:?}\n[search]\nwords = \"anywhere\"\n",
            news.display().to_string()
        ),
    )
    .unwrap();
    let config = file.to_str().unwrap();
    let out = docbao(home.path(), &["--config", config, "list"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("Thuở ban đầu"));
    // "ban" inside nothing, "hu" inside "thuở": found only when matching anywhere.
    let out = docbao(home.path(), &["--config", config, "search", "huo"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = docbao(home.path(), &["--config", config, "search", "-w", "huo"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn the_text_width_and_list_width_reach_the_reader() {
    use docbao::app::{App, Settings, Start};
    use std::sync::Arc;
    let start = |settings| Start {
        size: (200, 40),
        keys: Arc::new(docbao::keymap::Keymap::default().help(Lang::En)),
        bookmarks: Vec::new(),
        reading: Default::default(),
        notices: Vec::new(),
        progress: docbao::catalog::indexer::Progress {
            done: true,
            ..Default::default()
        },
        settings,
        lang: Lang::En,
        config_problems: Vec::new(),
    };
    let catalog = Arc::new(docbao::catalog::Catalog::bundled());
    let widest = |settings| {
        let mut app = App::new(Arc::clone(&catalog), start(settings));
        // The article, read and laid out as the loader does it.
        let pages = docbao::worker::Pages::default();
        let mut effects = app.take_effects();
        effects.extend(app.update(Action::Open));
        for effect in effects {
            if let Some(opened) = pages.open(effect) {
                app.update(opened);
            }
        }
        let page = app.reader().page().expect("an article is open").clone();
        page.rows
            .iter()
            .map(|r| docbao::text::str_width(&r.text))
            .max()
            .unwrap_or(0)
    };
    let narrow = Settings {
        text_width: 50,
        ..Settings::default()
    };
    assert!(widest(narrow) <= 50);
    assert!(widest(Settings::default()) <= 80);
    assert!(widest(Settings::default()) > 50, "80 columns are used");
    let wide_list = Settings {
        list_width: Some(60),
        ..Settings::default()
    };
    let app = App::new(Arc::clone(&catalog), start(wide_list));
    assert_eq!(app.panes().list.map(|p| p.width), Some(120));
}

#[test]
fn the_readme_example_is_a_good_file() {
    let readme = fs::read_to_string("README.md").expect("README.md");
    let example = readme
        .split("```toml\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("a TOML example in the README");
    let (config, problems) = parse(example);
    assert_eq!(problems, Vec::<String>::new());
    assert_eq!(config.theme, ThemeName::Light);
    assert_eq!(config.text_width, 72);
}

#[test]
fn docbao_config_speaks_the_language_chosen() {
    let home = tempfile::tempdir().expect("temp dir");
    let out = docbao(home.path(), &["config", "--lang", "vi"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("# tệp cấu hình: "), "{text}");
    assert!(
        text.contains("(không có: đây là các giá trị mặc định)"),
        "{text}"
    );
    assert!(
        text.contains("[keys.browse]  # danh sách, khung đọc"),
        "{text}"
    );
    let out = docbao(home.path(), &["config", "--default", "--lang", "vi"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("# Tệp cấu hình của docbao."), "{text}");
    assert!(text.contains("#   title           tiêu đề bài"), "{text}");
    let english = docbao(home.path(), &["config", "--default", "--lang", "en"]);
    assert!(
        String::from_utf8_lossy(&english.stdout).contains("#   title           article titles")
    );
}
