//! The interface as a user meets it, through a real terminal: the language from the locale
//! or `--lang`, and a config file's theme, keys and mistakes.

use crate::common;

use std::fs;
use std::process::Command;

use common::pty::Session;

#[test]
fn lang_vi_gives_the_vietnamese_status_line_and_help() {
    let mut s = Session::start_with_env("", 100, 30, &[("LANG", "vi_VN.UTF-8")]);
    let screen = s.wait_for("the Vietnamese status line", |screen| {
        screen.contains(" bài 1/2") && screen.contains("? trợ giúp  q thoát")
    });
    assert!(screen.contains("Bài viết (2)"), "{screen}");
    s.send("?");
    s.wait_for("the Vietnamese help", |screen| {
        screen.contains("Trong danh sách và khung đọc") && screen.contains("thoát")
    });
    s.send("q");
    s.send("q");
    s.finish();
}

#[test]
fn lang_flag_wins_over_the_locale() {
    let mut s = Session::start_with_env("--lang en", 100, 30, &[("LANG", "vi_VN.UTF-8")]);
    s.wait_for("the English status line", |screen| {
        screen.contains(" article 1 of 2") && screen.contains("? help  q quit")
    });
    s.send("q");
    s.finish();
}

#[test]
fn a_config_file_sets_theme_keys_and_language_and_its_mistake_is_said() {
    let cwd = tempfile::tempdir().expect("temp dir").keep();
    let dir = cwd.join("config/docbao");
    fs::create_dir_all(&dir).unwrap();
    let config = "language = \"vi\"\ntheme = \"light\"\n[keys.browse]\nquit = \"Q\"\n[colors]\ntitle = \"purpl\"\n";
    fs::write(dir.join("config.toml"), config).unwrap();
    let mut s = Session::start_in("", 100, 30, &[], &cwd);
    s.wait_for("the config's mistake on the status line", |screen| {
        screen.contains("config.toml:6:9: màu lạ \"purpl\"")
    });
    {
        let parser = s.parser.lock().unwrap();
        // The light theme's focused border, in the top-left corner.
        let corner = parser.screen().cell(0, 0).expect("a cell").fgcolor();
        assert_eq!(corner, vt100::Color::Idx(24), "light theme");
    }
    // q is no longer quit; Q is.
    s.send("q");
    s.wait_for("q unbound", |screen| {
        screen.contains("q không làm gì ở đây")
    });
    s.send("Q");
    s.finish();
    assert_eq!(fs::read_to_string(dir.join("config.toml")).unwrap(), config);
}

#[test]
fn command_line_errors_speak_the_language_too() {
    let home = tempfile::tempdir().expect("temp dir");
    let run = |lang: &str| {
        Command::new(env!("CARGO_BIN_EXE_docbao"))
            .args(["show", "nope"])
            .current_dir(home.path())
            .env("XDG_CONFIG_HOME", home.path())
            .env("DOCBAO_CACHE_DIR", home.path().join("cache"))
            .env("LANG", lang)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .output()
            .expect("run docbao")
    };
    let vi = run("vi_VN.UTF-8");
    assert_eq!(vi.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&vi.stderr),
        "docbao: không có bài \"nope\" trong các bài có sẵn\n"
    );
    let en = run("C.UTF-8");
    assert_eq!(
        String::from_utf8_lossy(&en.stderr),
        "docbao: no article \"nope\" in the bundled articles\n"
    );
}

#[test]
fn every_config_mistake_is_in_the_problems_view_and_said_again_after_quitting() {
    let cwd = tempfile::tempdir().expect("temp dir").keep();
    let dir = cwd.join("config/docbao");
    fs::create_dir_all(&dir).unwrap();
    let config = "theme = \"solarized\"\ntext_width = 5\n[colors]\ntitle = \"purpl\"\n";
    fs::write(dir.join("config.toml"), config).unwrap();
    let mut s = Session::start_in("", 100, 30, &[], &cwd);
    s.wait_for("the count of mistakes", |screen| {
        screen.contains("3 mistakes in the config file: ! lists them")
    });
    s.send("!");
    s.wait_for("the three in the problems view", |screen| {
        screen.contains("config.toml:1:9: \"solarized\"")
            && screen.contains("config.toml:2:14: 5: expected a number of columns")
            && screen.contains("config.toml:4:9: unknown colour \"purpl\"")
    });
    s.send("q");
    s.finish();
    // Printed on the terminal once it is given back, before the shell's own lines.
    let screen = s.screen();
    assert_eq!(screen.matches("docbao: ").count(), 3, "{screen}");
    assert_eq!(screen.matches("config.toml:").count(), 3, "{screen}");
}

#[test]
fn mouse_false_leaves_the_mouse_to_the_terminal() {
    for (setting, expected) in [
        ("mouse = false\n", vt100::MouseProtocolMode::None),
        ("", vt100::MouseProtocolMode::AnyMotion),
    ] {
        let cwd = tempfile::tempdir().expect("temp dir").keep();
        let dir = cwd.join("config/docbao");
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("config.toml"), setting).unwrap();
        let mut s = Session::start_in("", 100, 30, &[], &cwd);
        s.wait_for("the list", |screen| screen.contains("Articles (2)"));
        let mode = s.parser.lock().unwrap().screen().mouse_protocol_mode();
        assert_eq!(mode, expected, "{setting:?}");
        s.send("q");
        s.finish();
    }
}
