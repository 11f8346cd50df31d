//! The one owner of the terminal: raw mode, alternate screen, mouse, panic hook, event loop.

use std::io::{self, Stdout, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::Context;
use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event,
};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::action::{Action, Event as Happened};
use crate::app::{App, Mode, Settings, Start};
use crate::catalog::indexer::{self, Progress, Update};
use crate::catalog::{CacheUse, Catalog};
use crate::config::Config;
use crate::effect::{Answer, Effect};
use crate::i18n::{Lang, Say};
use crate::recovery;
use crate::store::StoreError;
use crate::ui::theme::{Background, ThemeName, background_from_colorfgbg};
use crate::ui::{self, Theme};
use crate::worker::{Storage, Workers};

/// How long the terminal has to answer the query for its background colour. A terminal that
/// does not know the query is found out at once, by its answer to the one sent after it.
const BACKGROUND_QUERY: Duration = Duration::from_millis(300);

/// How long a note stays on the status line before the keys' hints come back.
const NOTE_SHOWN: Duration = Duration::from_secs(6);

/// Environment variable that makes docbao panic after its first frame, to test the panic hook:
/// read by debug builds only, so that no release binary can be brought down by it.
pub const FORCE_PANIC_ENV: &str = "DOCBAO_TEST_PANIC";

/// Runs the interactive reader until the user quits; the terminal is restored however it ends.
/// Returns what the user must not miss (an unreadable file set aside, a save that failed), to
/// print once the terminal is back.
pub fn run(
    folder: Option<&Path>,
    cache: CacheUse,
    data_dir: Result<PathBuf, StoreError>,
    config: &Config,
    lang: Lang,
    config_problems: Vec<String>,
) -> anyhow::Result<Vec<String>> {
    // Every source feeds the one channel the event loop sleeps on.
    let (sender, messages) = mpsc::channel::<Message>();
    // The catalog to show first comes at once; the indexing thread sends the rest.
    let updates = sender.clone();
    let (indexing, catalog, progress) = match folder {
        Some(folder) => {
            let watch = Some(crate::catalog::live::Watch::from_env());
            let indexing = indexer::open_live(folder, cache, watch, move |update| {
                // The reader has gone: nothing is waiting for the rest.
                let _ = updates.send(Message::Indexed(update));
            })?;
            let (first, progress) = (Arc::clone(&indexing.first), indexing.progress);
            (Some(indexing), first, progress)
        }
        None => {
            let progress = Progress {
                done: true,
                ..Progress::default()
            };
            (None, Arc::new(Catalog::bundled()), progress)
        }
    };
    // Open the data files before touching the terminal, so that an error prints plainly.
    let watched_data = data_dir.as_ref().ok().cloned();
    let opened = Storage::open_in(data_dir, &catalog, lang)?;
    let keymap = config.keymap.clone();
    // Asked before raw mode and the alternate screen: the query sets up the terminal itself.
    let theme = config.theme(pick_theme(config.theme));
    install_panic_hook();
    let mouse = config.mouse;
    let mut terminal = init(mouse).with_context(|| lang.t("tui-cannot-set-up"))?;
    // Dropped on every way out of this function, including `?` and unwinding.
    let _restore = RestoreOnDrop;
    let size = terminal
        .size()
        .with_context(|| lang.t("tui-cannot-read-size"))?;
    // The config's mistakes are said again once the terminal is back, where none is cut.
    let keys = Arc::new(keymap.help(lang));
    let mut notices = config_problems.clone();
    notices.extend(opened.notices.clone());
    let mut shown = match config_problems.as_slice() {
        [] => Vec::new(),
        [one] => vec![one.clone()],
        many => vec![lang.tr(
            "note-config-mistakes",
            &[
                ("count", many.len().into()),
                ("key", keys.key(Mode::List, &Action::ShowProblems).into()),
            ],
        )],
    };
    shown.extend(opened.notices);
    let workers = {
        let answers = sender.clone();
        Workers::spawn(
            opened.storage,
            Arc::new(move |action| {
                // The loop has ended: what is saved is saved all the same.
                let _ = answers.send(Message::Answer(action));
            }),
        )
    };
    spawn_signals(sender.clone());
    // Kept for as long as the loop runs: dropped, it stops watching.
    let _bookmarks_watch = watched_data.and_then(|dir| watch_bookmarks(&dir, sender.clone()));
    spawn_input(sender);
    let mut app = App::new(
        catalog,
        Start {
            size: (size.width, size.height),
            keys,
            bookmarks: opened.bookmarks,
            reading: opened.reading,
            notices: shown,
            progress,
            settings: Settings {
                text_width: config.text_width,
                list_width: config.list_width,
                search: config.search,
            },
            lang,
            config_problems,
        },
    );
    // For the end-to-end test that a panic gives the terminal back; never set in normal use.
    let forced_panic = cfg!(debug_assertions) && std::env::var_os(FORCE_PANIC_ENV).is_some();
    // What goes to the terminal is done here, the rest by the workers.
    let suspend = std::cell::Cell::new(false);
    let submit = |effects: Vec<Effect>| {
        let (terminal_effects, rest): (Vec<_>, Vec<_>) = effects
            .into_iter()
            .partition(|e| matches!(e, Effect::Copy(_) | Effect::Suspend));
        for effect in terminal_effects {
            match effect {
                // A terminal without OSC 52 ignores it; nothing can tell docbao either way.
                Effect::Copy(text) => {
                    let _ = execute!(
                        io::stdout(),
                        crossterm::clipboard::CopyToClipboard::to_clipboard_from(text)
                    );
                }
                // Done between frames, where the terminal is free.
                _ => suspend.set(true),
            }
        }
        workers.submit(rest);
    };
    // The first article, read by the loader.
    submit(app.take_effects());
    // A terminal that cannot be drawn on or read (hung up) ends the loop, not the saving.
    // The note on the status line, and when it goes: a note says something once, and then
    // gives its room back to the keys.
    let mut shown_note: Option<String> = None;
    let mut note_ends: Option<Instant> = None;
    let ended = (|| -> anyhow::Result<()> {
        while !app.should_quit() {
            draw(&mut terminal, |frame| ui::render(&app, &theme, frame))
                .with_context(|| lang.t("tui-cannot-draw"))?;
            if forced_panic {
                panic!("forced panic ({FORCE_PANIC_ENV} is set)");
            }
            if suspend.take() {
                suspend_to_shell(&mut terminal, mouse)
                    .with_context(|| lang.t("tui-cannot-draw"))?;
                // The terminal may have been resized meanwhile, unseen by the input thread.
                if let Ok((width, height)) = crossterm::terminal::size() {
                    submit(app.update(Action::Resize { width, height }));
                }
                continue;
            }
            if app.note() != shown_note.as_deref() {
                shown_note = app.note().map(str::to_owned);
                note_ends = shown_note.as_ref().map(|_| Instant::now() + NOTE_SHOWN);
            }
            // Sleep until something comes (or the note's time is up); then take in all that
            // came meanwhile before drawing again, so that a burst of keys or answers costs one
            // frame, not one each.
            let first = match note_ends {
                Some(ends) => {
                    match messages.recv_timeout(ends.saturating_duration_since(Instant::now())) {
                        Ok(message) => message,
                        Err(mpsc::RecvTimeoutError::Timeout) => {
                            note_ends = None;
                            submit(app.update(Answer::NoteExpired));
                            continue;
                        }
                        Err(mpsc::RecvTimeoutError::Disconnected) => break,
                    }
                }
                None => match messages.recv() {
                    Ok(message) => message,
                    Err(_) => break,
                },
            };
            // A save is several notifications: the file is read again once for them all.
            let mut reload_bookmarks = false;
            for message in std::iter::once(first).chain(messages.try_iter()) {
                // Keys become actions here, at the edge; what the workers say comes in as it is.
                let event: Option<Happened> = match message {
                    Message::Input(event) => keymap
                        .action_for_event(app.mode(), &event)
                        .map(Happened::from),
                    Message::InputFailed(err) => {
                        return Err(err).with_context(|| lang.t("tui-cannot-read"));
                    }
                    Message::Answer(answer) => Some(answer.into()),
                    Message::Indexed(Update::Catalog {
                        catalog, progress, ..
                    }) => Some(Answer::CatalogUpdated { catalog, progress }.into()),
                    Message::Indexed(Update::Note(note)) => {
                        Some(Answer::Failed(note.say(lang)).into())
                    }
                    Message::Ended => Some(Answer::Terminate.into()),
                    Message::BookmarksFile => {
                        reload_bookmarks = true;
                        None
                    }
                };
                if let Some(event) = event {
                    submit(app.update(event));
                }
                if app.should_quit() {
                    break;
                }
            }
            if reload_bookmarks {
                submit(vec![Effect::ReloadBookmarks]);
            }
        }
        Ok(())
    })();
    if ended.is_err() {
        // Where the user was is written all the same.
        submit(app.update(Answer::Terminate));
    }
    drop(terminal);
    restore();
    if let Some(indexing) = indexing {
        indexing.stop();
    }
    workers.finish();
    // The last saves' answers: what could not be saved is known only now.
    for message in messages.try_iter() {
        match message {
            Message::Answer(Answer::Failed(message)) => notices.push(message),
            Message::Answer(answer) => {
                app.update(answer);
            }
            _ => {}
        }
    }
    notices.extend(app.farewell().iter().cloned());
    if let Some(unsaved) = app.unsaved() {
        notices.push(app.unsaved_said());
        notices.extend(unsaved.error.clone());
        let written = recovery::write(&recovery::places(), &unsaved.bookmarks, &unsaved.reading);
        notices.push(match written {
            Ok(path) => lang.tr(
                "notice-recovered",
                &[("path", path.display().to_string().into())],
            ),
            Err(err) => lang.tr("notice-not-recovered", &[("error", err.say(lang).into())]),
        });
    }
    if let Err(err) = ended {
        // The error is said once by the caller; what was saved elsewhere is said here.
        for notice in notices {
            let _ = writeln!(io::stderr(), "docbao: {notice}");
        }
        return Err(err);
    }
    Ok(notices)
}

/// Everything the event loop waits for, from every source, on one channel.
enum Message {
    /// A key, a paste, the mouse or a new size, from the input thread.
    Input(Event),
    /// The terminal could not be read: the input thread has stopped.
    InputFailed(io::Error),
    /// What a worker answers.
    Answer(Answer),
    /// A newer catalog, or a note, from the indexing thread.
    Indexed(Update),
    /// The system or the terminal ended docbao: SIGTERM, SIGHUP, or SIGINT from outside.
    Ended,
    /// The bookmarks file changed: another window (or this one) saved it.
    BookmarksFile,
}

/// Watches the data folder for the bookmarks file changing, so that a bookmark added or
/// deleted in another window shows at once; none when the system gives no notifications
/// (the pane still reads the file each time it opens).
fn watch_bookmarks(
    dir: &Path,
    sender: mpsc::Sender<Message>,
) -> Option<notify::RecommendedWatcher> {
    use notify::Watcher;
    let name = std::ffi::OsStr::new(crate::bookmarks::FILE_NAME);
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let ours = event.is_ok_and(|e| {
            !e.kind.is_access() && e.paths.iter().any(|p| p.file_name() == Some(name))
        });
        if ours {
            let _ = sender.send(Message::BookmarksFile);
        }
    })
    .ok()?;
    watcher
        .watch(dir, notify::RecursiveMode::NonRecursive)
        .ok()?;
    Some(watcher)
}

/// Turns the signals that end a program into a message, so that docbao leaves as from `q`,
/// writing what it must, rather than dying with it unsaved.
fn spawn_signals(sender: mpsc::Sender<Message>) {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT]) else {
        // Without them, the default: such a signal ends docbao at once.
        return;
    };
    std::thread::spawn(move || {
        for _ in signals.forever() {
            if sender.send(Message::Ended).is_err() {
                return;
            }
        }
    });
}

/// Reads the terminal on a thread of its own, each event a message; stops when the loop has
/// gone or the terminal cannot be read.
fn spawn_input(sender: mpsc::Sender<Message>) {
    std::thread::spawn(move || {
        loop {
            let message = match event::read() {
                Ok(event) => Message::Input(event),
                Err(err) => {
                    let _ = sender.send(Message::InputFailed(err));
                    return;
                }
            };
            if sender.send(message).is_err() {
                return;
            }
        }
    });
}

/// Puts the terminal in raw mode on the alternate screen with bracketed paste (a paste comes
/// as one event, not as keys), and mouse reporting unless the config turned it off (for the
/// terminal's own selection).
fn init(mouse: bool) -> io::Result<Terminal<CrosstermBackend<Stdout>>> {
    take_terminal(mouse)?;
    Terminal::new(CrosstermBackend::new(io::stdout()))
}

/// Raw mode, the alternate screen, bracketed paste and the mouse, as [`init`] says.
fn take_terminal(mouse: bool) -> io::Result<()> {
    enable_raw_mode()?;
    TAKEN.store(true, Ordering::SeqCst);
    let mut stdout = io::stdout();
    let taken =
        execute!(stdout, EnterAlternateScreen, EnableBracketedPaste).and_then(|()| match mouse {
            true => execute!(stdout, EnableMouseCapture),
            false => Ok(()),
        });
    if let Err(err) = taken {
        restore();
        return Err(err);
    }
    Ok(())
}

/// Gives the terminal back and stops docbao as the shell's Ctrl-Z would (raw mode turns the
/// key into a character, so docbao sends itself the signal); once the shell continues it
/// (`fg`), takes the terminal again and draws the whole screen anew.
fn suspend_to_shell(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    mouse: bool,
) -> io::Result<()> {
    restore();
    // Stops here until continued; a process the shell does not control is not stopped.
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    take_terminal(mouse)?;
    // The screen is blank now; a blank frame makes the next one drawn whole. (`clear` would
    // ask the terminal where its cursor is, an answer the input thread takes.)
    execute!(
        io::stdout(),
        crossterm::terminal::Clear(crossterm::terminal::ClearType::All)
    )?;
    draw(terminal, |_| {})?;
    Ok(())
}

/// Draws one frame, told to the terminal as one update: a terminal that knows synchronized
/// output (mode 2026) shows it whole or not at all, never half of it over the last.
fn draw(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    render: impl FnOnce(&mut ratatui::Frame),
) -> io::Result<()> {
    crossterm::queue!(
        terminal.backend_mut(),
        crossterm::terminal::BeginSynchronizedUpdate
    )?;
    let drawn = terminal.draw(render).map(|_| ());
    // Ended even when drawing failed: a terminal left waiting would show nothing more.
    let ended = execute!(
        terminal.backend_mut(),
        crossterm::terminal::EndSynchronizedUpdate
    );
    drawn.and(ended)
}

/// Gives the terminal back as it was: paste and mouse off, main screen, cooked mode, cursor
/// shown.
///
/// Does something only the first time after [`init`]: leaving the alternate screen twice would
/// move the cursor back to where the alternate screen was entered, over whatever was printed
/// since (a panic message, say). Errors are ignored: there is nothing left to do about them.
pub fn restore() {
    if !TAKEN.swap(false, Ordering::SeqCst) {
        return;
    }
    let _ = execute!(
        io::stdout(),
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = disable_raw_mode();
}

/// Whether docbao has the terminal in raw mode on the alternate screen.
static TAKEN: AtomicBool = AtomicBool::new(false);

/// Restores the terminal when dropped.
struct RestoreOnDrop;

impl Drop for RestoreOnDrop {
    fn drop(&mut self) {
        restore();
    }
}

/// Restores the terminal before the panic message is printed, so that it can be read.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// The theme to draw with: `NO_COLOR` first, then the name asked for; for `auto`, the
/// terminal's background as it answers OSC 11, else as `COLORFGBG` says, else dark.
fn pick_theme(name: ThemeName) -> Theme {
    let no_color = Theme::no_color_env();
    let background = if no_color || name != ThemeName::Auto {
        None
    } else {
        query_background()
    };
    Theme::choose(name, background, no_color)
}

/// The terminal's background: asked of the terminal, else read from `COLORFGBG`.
fn query_background() -> Option<Background> {
    use terminal_colorsaurus::{QueryOptions, ThemeMode};
    let mut options = QueryOptions::default();
    options.timeout = BACKGROUND_QUERY;
    match terminal_colorsaurus::theme_mode(options) {
        Ok(ThemeMode::Dark) => Some(Background::Dark),
        Ok(ThemeMode::Light) => Some(Background::Light),
        Err(_) => std::env::var("COLORFGBG")
            .ok()
            .and_then(|value| background_from_colorfgbg(&value)),
    }
}
