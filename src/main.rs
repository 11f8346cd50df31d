//! The `docbao` command: parse the arguments, run, print any error once, set the exit code.
#![forbid(unsafe_code)]

use std::process::ExitCode;

use clap::Parser;
use docbao::cli::{self, Cli};

fn main() -> ExitCode {
    let args: Vec<_> = std::env::args_os().collect();
    if let Some((typed, meant)) = cli::misspelt_command(&args) {
        eprintln!(
            "docbao: {typed:?} is neither a command nor a file (did you mean `docbao {meant}`?)"
        );
        return ExitCode::from(2);
    }
    match cli::run(Cli::parse_from(args)) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("docbao: {err:#}");
            ExitCode::from(2)
        }
    }
}
