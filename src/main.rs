//! The `docbao` command: parse the arguments, run, print any error once, set the exit code.
#![forbid(unsafe_code)]

use std::process::ExitCode;

use clap::Parser;
use docbao::cli::{self, Cli};

fn main() -> ExitCode {
    let args: Vec<_> = std::env::args_os().collect();
    let (loaded, lang) = cli::before_parsing(&args);
    if let Some((typed, meant)) = cli::misspelt_command(&args) {
        let said = lang.tr(
            "cli-misspelt",
            &[
                ("typed", format!("{typed:?}").into()),
                ("meant", meant.into()),
            ],
        );
        eprintln!("docbao: {said}");
        return ExitCode::from(2);
    }
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(err) if !err.use_stderr() => err.exit(),
        // `docbao feed` alone: its commands, on stderr, status 2.
        Err(err)
            if err.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand =>
        {
            err.exit()
        }
        Err(err) => {
            // One line, as every other error: clap's first, without its usage block.
            let text = err.to_string();
            let first: Vec<&str> = text
                .lines()
                .take_while(|line| !line.trim().is_empty())
                .map(str::trim)
                .collect();
            let first = first.join(" ");
            let first = first.strip_prefix("error: ").unwrap_or(&first);
            let said = lang.tr("cli-see-help", &[("error", first.into())]);
            eprintln!("docbao: {said}");
            return ExitCode::from(2);
        }
    };
    match cli::run(cli, loaded) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("docbao: {}", cli::say_error(&err, lang));
            ExitCode::from(2)
        }
    }
}
