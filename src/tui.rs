//! The one owner of the terminal: raw mode, alternate screen, mouse, panic hook, event loop.

use std::io::{self, Stdout};
use std::sync::Arc;

use anyhow::Context;
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::app::App;
use crate::catalog::Catalog;
use crate::keymap;
use crate::ui::{self, Theme};

/// Runs the interactive reader until the user quits; the terminal is restored however it ends.
pub fn run(catalog: Arc<Catalog>) -> anyhow::Result<()> {
    install_panic_hook();
    let mut terminal = init().context("cannot set up the terminal")?;
    // Dropped on every way out of this function, including `?` and unwinding.
    let _restore = RestoreOnDrop;
    let size = terminal.size().context("cannot read the terminal size")?;
    let mut app = App::new(catalog, size.width, size.height);
    let theme = Theme::from_env();
    while !app.should_quit {
        terminal
            .draw(|frame| ui::render(&app, &theme, frame))
            .context("cannot draw to the terminal")?;
        let event = event::read().context("cannot read from the terminal")?;

        if let Some(action) = keymap::action_for_event(app.mode(), &event) {
            app.update(action);
        }
    }
    Ok(())
}

/// Puts the terminal in raw mode on the alternate screen with mouse reporting.
fn init() -> io::Result<Terminal<CrosstermBackend<Stdout>>> {
    enable_raw_mode()?;
    let mut stdout = io::stdout();
    if let Err(err) = execute!(stdout, EnterAlternateScreen, EnableMouseCapture) {
        restore();
        return Err(err);
    }
    Terminal::new(CrosstermBackend::new(stdout))
}

/// Gives the terminal back as it was: mouse off, main screen, cooked mode, cursor shown.
///
/// Safe to call more than once; errors are ignored because there is nothing left to do about
/// them while exiting.
pub fn restore() {
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = disable_raw_mode();
}

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
