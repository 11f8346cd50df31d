//! `docbao completions SHELL`: clap's script for the shell, and the article ids for `show`
//! from `docbao list --ids`, which no static script can know.

use clap_complete::Shell;

use super::args::Cli;

/// The completion script for `shell`.
pub(super) fn completions(shell: Shell) -> String {
    let mut command = <Cli as clap::CommandFactory>::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "docbao", &mut script);
    let script = String::from_utf8_lossy(&script).into_owned();
    match shell {
        Shell::Bash => bash(script),
        Shell::Zsh => zsh(script),
        Shell::Fish => script + FISH_IDS,
        _ => script,
    }
}

/// Bash: the ids after `show`, the generated completion for the rest.
fn bash(script: String) -> String {
    let registered = "complete -F _docbao ";
    let script = script.replace(registered, "complete -F _docbao_with_ids ");
    format!("{script}{BASH_IDS}")
}

/// Zsh: the article argument of `show` completed with the ids.
fn zsh(script: String) -> String {
    let generic = "or its file:_default'";
    let script = script.replacen(generic, "or its file:_docbao_ids'", 1);
    format!("{script}{ZSH_IDS}")
}

const BASH_IDS: &str = r#"
# The articles' ids after `docbao show`, from `docbao list --ids` (folder as given, if any).
_docbao_with_ids() {
    if [[ ${COMP_CWORD} -eq 2 && ${COMP_WORDS[1]} == show ]]; then
        local IFS=$'\n'
        COMPREPLY=( $(compgen -W "$(docbao list --ids --quiet 2>/dev/null)" -- "${COMP_WORDS[COMP_CWORD]}") )
        return 0
    fi
    _docbao "$@"
}
"#;

const ZSH_IDS: &str = r#"
# The articles' ids after `docbao show`, from `docbao list --ids`.
_docbao_ids() {
    local -a ids
    ids=("${(@f)$(docbao list --ids --quiet 2>/dev/null)}")
    compadd -a ids
}
"#;

const FISH_IDS: &str = r#"
# The articles' ids after `docbao show`, from `docbao list --ids`.
complete -c docbao -n "__fish_docbao_using_subcommand show" -f -a "(docbao list --ids --quiet 2>/dev/null)"
"#;
