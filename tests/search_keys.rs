//! Searching as a user types it: key scripts through `App`, and what the screen shows.

use crate::common;

use common::{Harness, draw, press, type_text};
use docbao::action::Action;
use docbao::app::{Focus, Mode, Screen};
use docbao::effect::{Answer, Effect};
use docbao::search::Sensitivity;
use ratatui::style::Modifier;

fn reader_on(id: &str) -> Harness {
    let mut app = common::app(100, 30);
    let (index, _) = app.catalog().find(id).unwrap();
    for _ in 0..index {
        press(&mut app, "j");
    }
    press(&mut app, "Enter");
    app
}

fn current_text(app: &Harness) -> String {
    let found = app.reader().search().expect("a search");
    let range = found.matches[found.current.expect("a current match")].clone();
    app.article().unwrap().text[range].to_owned()
}

fn prompt_text(app: &Harness) -> String {
    match app.screen() {
        Screen::Prompt(p) => p.prompt().text.clone(),
        other => panic!("no prompt: {other:?}"),
    }
}

/// How the colourless theme draws the current match: reversed, bold and underlined.
const CURRENT: Modifier = Modifier::REVERSED
    .union(Modifier::BOLD)
    .union(Modifier::UNDERLINED);

/// Text of the cells drawn with all of `modifier` on screen, row by row.
fn marked(app: &Harness, modifier: Modifier) -> Vec<String> {
    let terminal = draw(app);
    let buffer = terminal.backend().buffer();
    let mut rows = Vec::new();
    for y in 0..buffer.area.height {
        let mut row = String::new();
        for x in 0..buffer.area.width {
            let cell = &buffer[(x, y)];
            if cell.modifier.contains(modifier) {
                row.push_str(cell.symbol());
            }
        }
        if !row.is_empty() {
            rows.push(row);
        }
    }
    rows
}

#[test]
fn typing_moves_to_the_first_match_and_counts() {
    let mut app = reader_on("000_187bee9378cff2a5");
    press(&mut app, "/");
    assert_eq!(app.mode(), Mode::ReaderPrompt);
    type_text(&mut app, "cong uoc ha noi");
    let found = app.reader().search().unwrap();
    let expected = app
        .article()
        .unwrap()
        .text
        .to_lowercase()
        .matches("công ước hà nội")
        .count();
    assert_eq!(found.matches.len(), expected);
    assert_eq!(found.current, Some(0));
    assert_eq!(current_text(&app), "Công ước Hà Nội");
    let screen = common::screen(&app);
    assert!(screen.contains(&format!("1/{expected}")), "{screen}");
    // The current match is on screen, drawn apart from the others.
    assert_eq!(marked(&app, CURRENT), ["Công ước Hà Nội"]);
}

#[test]
fn esc_returns_exactly_to_where_the_search_began() {
    let mut app = reader_on("000_187bee9378cff2a5");
    press(&mut app, "j j j");
    let origin = app.reader().scroll();
    press(&mut app, "/");
    type_text(&mut app, "tuong lai so");
    assert!(
        app.reader().scroll() > origin + 20,
        "the view moved to the match near the end"
    );
    press(&mut app, "Esc");
    assert_eq!(app.reader().scroll(), origin);
    assert!(app.reader().search().is_none());
    assert_eq!(app.mode(), Mode::Reader);
}

#[test]
fn enter_keeps_the_position_and_n_wraps_around() {
    let mut app = reader_on("000_187bee9378cff2a5");
    press(&mut app, "/");
    type_text(&mut app, "tuong lai so");
    let at_match = app.reader().scroll();
    assert!(at_match > 20, "the view moved to the match near the end");
    press(&mut app, "Enter");
    assert_eq!(app.mode(), Mode::Reader);
    assert_eq!(
        app.reader().scroll(),
        at_match,
        "Enter keeps the view at the match"
    );
    press(&mut app, "g /");
    type_text(&mut app, "Guterres");
    press(&mut app, "Enter");
    let count = app.reader().search().unwrap().matches.len();
    for k in 1..count {
        press(&mut app, "n");
        assert_eq!(app.reader().search().unwrap().current, Some(k));
        assert_eq!(app.note(), None);
    }
    press(&mut app, "n");
    assert_eq!(app.reader().search().unwrap().current, Some(0));
    assert_eq!(app.note(), Some("search wrapped to the top"));
    press(&mut app, "N");
    assert_eq!(app.reader().search().unwrap().current, Some(count - 1));
    assert_eq!(app.note(), Some("search wrapped to the bottom"));
    // A second search, cancelled, brings the first one back.
    press(&mut app, "/");
    type_text(&mut app, "hòa");
    press(&mut app, "Esc");
    assert_eq!(app.reader().search().unwrap().query.text, "Guterres");
}

#[test]
fn n_without_a_search_says_how_to_search() {
    let mut app = reader_on("000_187bee9378cff2a5");
    press(&mut app, "n");
    assert_eq!(app.note(), Some("no search yet: press / to search"));
}

#[test]
fn prompt_editing_and_history() {
    let mut app = reader_on("000_187bee9378cff2a5");
    press(&mut app, "/");
    type_text(&mut app, "mot hai");
    press(&mut app, "C-w");
    assert_eq!(prompt_text(&app), "mot ");
    press(&mut app, "Left Left");
    type_text(&mut app, "X");
    assert_eq!(prompt_text(&app), "moXt ");
    press(&mut app, "C-u");
    assert_eq!(prompt_text(&app), "t ");
    press(&mut app, "Backspace Right Backspace Delete");
    assert_eq!(prompt_text(&app), "");
    type_text(&mut app, "guterres");
    press(&mut app, "Enter /");
    type_text(&mut app, "x");
    press(&mut app, "Up");
    assert_eq!(prompt_text(&app), "guterres");
    assert!(!app.reader().search().unwrap().matches.is_empty());
    press(&mut app, "Down");
    assert_eq!(prompt_text(&app), "x");
    press(&mut app, "C-h");
    assert_eq!(
        prompt_text(&app),
        "",
        "Ctrl-H deletes back, as in a terminal"
    );
}

#[test]
fn case_and_accent_toggles() {
    let mut app = reader_on("000_187bee9378cff2a5");
    press(&mut app, "/");
    type_text(&mut app, "Công");
    let sensitive = app.reader().search().unwrap().matches.len();
    press(&mut app, "A-c A-c");
    assert_eq!(app.options().case, Sensitivity::Off);
    let insensitive = app.reader().search().unwrap().matches.len();
    assert!(insensitive > sensitive, "{insensitive} > {sensitive}");
    press(&mut app, "A-a");
    assert_eq!(app.options().accents, Sensitivity::On);
    let screen = common::screen(&app);
    assert!(
        screen.contains("Alt-c case: ignore  Alt-a accents: match"),
        "{screen}"
    );
}

#[test]
fn highlights_survive_a_resize() {
    let mut app = reader_on("000_187bee9378cff2a5");
    press(&mut app, "/");
    type_text(&mut app, "thao luan");
    press(&mut app, "Enter");
    let before = current_text(&app);
    for (w, h) in [(60, 20), (140, 40)] {
        app.act(Action::Resize {
            width: w,
            height: h,
        });
        assert_eq!(current_text(&app), before);
        let current = marked(&app, CURRENT).concat();
        assert_eq!(current, "thảo luận", "at {w}x{h}");
    }
}

#[test]
fn list_search_filters_ranks_and_opens_at_the_first_hit() {
    let mut app = common::app(100, 30);
    press(&mut app, "j");
    assert_eq!(app.selected(), 1);
    press(&mut app, "/");
    assert_eq!(app.mode(), Mode::ListPrompt);
    type_text(&mut app, "thao luan");
    let hits = app.list().hits().expect("results");
    assert_eq!(hits.hits.len(), 2);
    let first = app.catalog().entries()[hits.hits[0].index].id.clone();
    assert_eq!(first, "004_f5d5699ebfe6bbe1", "the title hit ranks first");
    assert_eq!(app.selected(), hits.hits[0].index);
    let screen = common::screen(&app);
    assert!(screen.contains("Search · 2 of 2 · “thao luan”"), "{screen}");
    // The words in any order: both counted, “thảo” of “hội thảo” too.
    let title = &app.catalog().entries()[hits.hits[0].index].title;
    assert!(title.contains("thảo luận tại hội thảo"));
    assert!(hits.hits[0].count.unwrap() >= 3, "{:?}", hits.hits[0].count);
    // The excerpt is of the text, not of the caption that says the headline again, and
    // every word of the query is marked in it.
    assert!(screen.contains("7× …phiên thảo luận"), "{screen}");
    assert!(!screen.contains("× …biểu thảo luận"), "{screen}");
    let theme = docbao::ui::Theme::dark();
    let buffer = common::draw_with(&app, &theme).backend().buffer().clone();
    let row = screen
        .lines()
        .position(|l| l.contains("7× …phiên"))
        .unwrap() as u16;
    let line = screen.lines().nth(usize::from(row)).unwrap();
    let column = |word: &str| line[..line.find(word).unwrap()].chars().count() as u16;
    let style = |word: &str| buffer[(column(word), row)].style();
    assert_ne!(style("thảo"), style("phiên"), "thảo marked");
    assert_eq!(style("luận"), style("thảo"), "luận marked as thảo is");
    press(&mut app, "Down Enter");
    assert_eq!(app.focus(), Focus::Reader);
    assert_eq!(app.article().unwrap().id, "000_187bee9378cff2a5");
    assert_eq!(app.reader().search().unwrap().current, Some(0));
    // Each word is a match: the first, “thao túng”'s.
    assert_eq!(docbao::text::fold::fold(&current_text(&app)), "thao");
    press(&mut app, "n");
    assert_eq!(app.reader().search().unwrap().current, Some(1));
    // Back in the list the filter stays; Esc there restores the full list and the selection.
    press(&mut app, "Esc");
    assert_eq!(app.focus(), Focus::List);
    assert!(app.list().filter().is_some());
    press(&mut app, "Esc");
    assert!(app.list().filter().is_none());
    assert_eq!(app.selected(), 1);
    assert_eq!(app.list_len(), 2);
}

#[test]
fn esc_in_the_list_prompt_restores_everything() {
    let mut app = common::app(100, 30);
    press(&mut app, "j /");
    type_text(&mut app, "guterres");
    assert_eq!(app.list_len(), 1);
    press(&mut app, "Esc");
    assert!(app.list().filter().is_none());
    assert_eq!((app.selected(), app.list_len()), (1, 2));
}

#[test]
fn stale_results_are_dropped_and_enter_waits_for_fresh_ones() {
    let mut app = common::app(100, 30);
    press(&mut app, "/");
    // Type without answering, as when the search thread is still busy.
    let search = |effects: Vec<Effect>| match effects.as_slice() {
        [
            Effect::SearchCatalog {
                generation, query, ..
            },
        ] => (*generation, query.clone()),
        other => panic!("expected one search, got {other:?}"),
    };
    app.update(Action::Insert('g'));
    let (first_generation, first_query) = search(app.update(Action::Insert('u')));
    assert_eq!(first_query.text, "gu");
    let (generation, query) = search(app.update(Action::Insert('t')));
    assert!(generation > first_generation);
    let searcher = docbao::search::Searcher::new(common::bundled());
    app.update(Answer::SearchFinished {
        generation: first_generation,
        hits: std::sync::Arc::new(searcher.run(&first_query)),
    });
    assert!(app.list().pending(), "an old answer does not count");
    app.update(Action::Confirm);
    assert_eq!(app.focus(), Focus::List, "nothing to open yet");
    let effects = app.update(Answer::SearchFinished {
        generation,
        hits: std::sync::Arc::new(searcher.run(&query)),
    });
    // The article opened, read by the loader.
    app.run(effects);
    assert!(!app.list().pending());
    assert_eq!(
        app.focus(),
        Focus::Reader,
        "opened as soon as the results came"
    );
    assert_eq!(current_text(&app), "Gut");
}

#[test]
fn no_matches_in_the_list() {
    let mut app = common::app(60, 20);
    press(&mut app, "/");
    type_text(&mut app, "khongcodau");
    assert_eq!(app.list_len(), 0);
    let screen = common::screen(&app);
    assert!(screen.contains("No article matches"), "{screen}");
    assert!(screen.contains("no articles"), "{screen}");
    press(&mut app, "Enter");
    assert_eq!(app.focus(), Focus::List);
}

#[test]
fn search_screens() {
    for (width, height) in [(100, 30), (60, 20)] {
        let mut app = common::app(width, height);
        press(&mut app, "/");
        type_text(&mut app, "thảo luận");
        insta::assert_snapshot!(
            format!("list_search_{width}x{height}"),
            common::styled(&app)
        );
        press(&mut app, "Enter /");
        type_text(&mut app, "cong uoc");
        insta::assert_snapshot!(
            format!("reader_search_{width}x{height}"),
            common::styled(&app)
        );
    }
}

#[test]
fn a_long_article_is_searched_off_the_prompt_and_lands_below_where_the_search_began() {
    use docbao::catalog::Catalog;
    let dir = tempfile::tempdir().unwrap();
    let paragraph = "Chữ và số, hiếm khi gặp. ".repeat(40);
    let body = vec![paragraph; 600].join("\n\n");
    std::fs::write(
        dir.path().join("dai.txt"),
        format!("date 2025-01-01 Rất dài\n\n{body}\n"),
    )
    .unwrap();
    let catalog = std::sync::Arc::new(Catalog::open(dir.path()).unwrap());
    let mut app = common::app_with(catalog, 100, 30);
    press(&mut app, "Enter G /");
    let origin = app.reader().scroll();
    // The key is taken at once; the search is a worker's.
    let effects = app.update(Action::Insert('h'));
    assert!(
        matches!(effects.as_slice(), [Effect::SearchArticle { .. }]),
        "{effects:?}"
    );
    assert!(app.reader().search().unwrap().pending);
    assert!(common::screen(&app).contains("searching…"));
    for effect in effects {
        for answer in app.worker.run(effect) {
            app.update(answer);
        }
    }
    let found = app.reader().search().unwrap();
    assert!(!found.pending && found.matches.len() > 1000);
    let current = found.matches[found.current.unwrap()].start;
    let row = app.reader().page().unwrap().row_of(current).unwrap();
    assert!(
        row >= origin,
        "the first match at or below where the search began"
    );
    // A newer key makes an older answer useless: it is dropped.
    let old = app.update(Action::Insert('i'));
    let new = app.update(Action::Insert('e'));
    for effect in old {
        for answer in app.worker.run(effect) {
            app.update(answer);
        }
    }
    assert!(
        app.reader().search().unwrap().pending,
        "an old answer does not count"
    );
    for effect in new {
        for answer in app.worker.run(effect) {
            app.update(answer);
        }
    }
    assert_eq!(app.reader().search().unwrap().query.text, "hie");
    assert!(!app.reader().search().unwrap().pending);
}

#[test]
fn a_paste_is_one_edit_and_one_search_and_the_prompt_keeps_its_cap() {
    let mut app = common::app(100, 30);
    press(&mut app, "/");
    let pasted = format!("guterres\n{}", "x".repeat(10_000));
    let effects = app.update(Action::Paste(pasted));
    let searches = effects
        .iter()
        .filter(|e| matches!(e, Effect::SearchCatalog { .. }))
        .count();
    assert_eq!(searches, 1, "{effects:?}");
    let text = prompt_text(&app);
    assert_eq!(text.chars().count(), docbao::prompt::MAX_CHARS);
    assert!(text.starts_with("guterres x"), "the line break is a space");
    assert!(
        app.note().is_some_and(|n| n.contains("500 characters")),
        "{:?}",
        app.note()
    );
    // Full: a key typed is refused with the same note, and searches nothing.
    let effects = app.update(Action::Insert('y'));
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(prompt_text(&app).chars().count(), docbao::prompt::MAX_CHARS);
    // At 60 columns the note is there, cut to leave the query its room.
    app.act(Action::Resize {
        width: 60,
        height: 20,
    });
    app.act(Action::Insert('z'));
    let status = common::screen(&app)
        .lines()
        .last()
        .unwrap_or_default()
        .to_owned();
    assert!(status.contains("the prompt keeps 500"), "{status}");
    // Outside a prompt a paste does nothing.
    press(&mut app, "Esc");
    let selected = app.selected();
    app.act(Action::Paste("jjjj".to_owned()));
    assert_eq!(app.selected(), selected);
    assert!(matches!(app.screen(), Screen::List));
}

#[test]
fn an_excerpt_is_where_the_words_stand_together_when_they_do() {
    let mut app = common::app(100, 30);
    press(&mut app, "/");
    type_text(&mut app, "cong uoc");
    let hits = app.list().hits().expect("results");
    for hit in &hits.hits {
        let (text, marks) = hit.context().expect("an excerpt");
        let marked: Vec<String> = marks
            .iter()
            .map(|m| docbao::text::fold::fold(&text[m.clone()]))
            .collect();
        assert!(
            marked.windows(2).any(|w| w == ["cong", "uoc"]),
            "{marked:?} in {text}"
        );
    }
}
