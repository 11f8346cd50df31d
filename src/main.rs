//! The `docbao` command: parse the arguments, run, print any error once, set the exit code.
#![forbid(unsafe_code)]

use std::process::ExitCode;

use clap::Parser;
use docbao::cli::{self, Cli};

fn main() -> ExitCode {
    match cli::run(Cli::parse()) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("docbao: {err:#}");
            ExitCode::from(2)
        }
    }
}
