//! Shell completion: static scripts for `kubectl-verify` (`completion bash|zsh|fish|powershell`), and the
//! protocol kubectl (1.26+) speaks to plugins: on `kubectl verify <TAB>` it runs
//! `kubectl_complete-verify ARGS… CURRENT` and reads cobra's `__complete` format — one candidate
//! per line (`value\tdescription`), then `:DIRECTIVE`. `completions/kubectl_complete-verify`
//! forwards to the hidden `__complete` subcommand implemented here.

use clap::{Args, CommandFactory, ValueEnum};
use clap_complete::Shell;

use super::{Cli, Outcome};

/// cobra's ShellCompDirectiveDefault: the shell may fall back to file names.
const DIRECTIVE_FILES: u8 = 0;
/// cobra's ShellCompDirectiveNoFileComp: only the listed candidates.
const DIRECTIVE_NO_FILES: u8 = 4;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ShellName {
    Bash,
    Zsh,
    Fish,
    Powershell,
}

#[derive(Debug, Args)]
pub struct CompletionArgs {
    /// The shell to print a completion script for.
    #[arg(value_enum)]
    pub shell: ShellName,
}

#[derive(Debug, Args)]
pub struct CompleteArgs {
    /// The words after `kubectl verify`, the last one being the word under the cursor.
    #[arg(allow_hyphen_values = true, trailing_var_arg = true)]
    pub words: Vec<String>,
}

/// Prints a static completion script for the `kubectl-verify` binary.
pub fn run_script(args: &CompletionArgs) -> anyhow::Result<Outcome> {
    let shell = match args.shell {
        ShellName::Bash => Shell::Bash,
        ShellName::Zsh => Shell::Zsh,
        ShellName::Fish => Shell::Fish,
        ShellName::Powershell => Shell::PowerShell,
    };
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "kubectl-verify", &mut buf);
    crate::report::out_bytes(&buf)?;
    Ok(Outcome::Clean)
}

/// Answers kubectl's plugin completion request.
pub fn run_complete(args: &CompleteArgs) -> anyhow::Result<Outcome> {
    crate::report::out(&complete(&args.words))?;
    Ok(Outcome::Clean)
}

/// The cobra `__complete` answer for `words` (the last word is the one being completed).
pub fn complete(words: &[String]) -> String {
    let mut root = Cli::command();
    root.build();
    let (current, before) = words
        .split_last()
        .map_or(("", &[][..]), |(c, b)| (c.as_str(), b));
    let mut cmd = &root;
    let mut took_subcommand = false;
    for w in before {
        if let Some(sub) = cmd.find_subcommand(w) {
            cmd = sub;
            took_subcommand = true;
        }
    }
    let mut lines = Vec::new();
    // The value of the flag just before the cursor, when that flag lists its values.
    if let Some(prev) = before.last()
        && let Some(arg) = cmd.get_arguments().find(|a| names_flag(a, prev))
        && arg.get_action().takes_values()
    {
        let values = arg.get_possible_values();
        if values.is_empty() {
            return format!(":{DIRECTIVE_FILES}\n");
        }
        for v in values.iter().filter(|v| !v.is_hide_set()) {
            if v.get_name().starts_with(current) {
                lines.push(candidate(
                    v.get_name(),
                    v.get_help().map(ToString::to_string),
                ));
            }
        }
        lines.push(format!(":{DIRECTIVE_NO_FILES}"));
        return lines.join("\n") + "\n";
    }
    if current.starts_with('-') {
        // Short spellings too (`-R`, `-n`, `-o`), as cobra offers them on `-<TAB>`.
        for arg in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
            let help = arg.get_help().map(ToString::to_string);
            if let Some(short) = arg.get_short() {
                let flag = format!("-{short}");
                if flag.starts_with(current) {
                    lines.push(candidate(&flag, help.clone()));
                }
            }
            if let Some(long) = arg.get_long() {
                let flag = format!("--{long}");
                if flag.starts_with(current) {
                    lines.push(candidate(&flag, help));
                }
            }
        }
        lines.push(format!(":{DIRECTIVE_NO_FILES}"));
        return lines.join("\n") + "\n";
    }
    if !took_subcommand {
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            if sub.get_name().starts_with(current) && sub.get_name() != "help" {
                lines.push(candidate(
                    sub.get_name(),
                    sub.get_about().map(ToString::to_string),
                ));
            }
        }
        lines.push(format!(":{DIRECTIVE_NO_FILES}"));
        return lines.join("\n") + "\n";
    }
    // Positional arguments are files, directories or references: let the shell offer files.
    format!(":{DIRECTIVE_FILES}\n")
}

/// Whether `word` is `--long` or `-s` of `arg`.
fn names_flag(arg: &clap::Arg, word: &str) -> bool {
    if let Some(long) = word.strip_prefix("--") {
        return arg.get_long() == Some(long);
    }
    let mut chars = word.strip_prefix('-').into_iter().flat_map(str::chars);
    match (chars.next(), chars.next()) {
        (Some(c), None) => arg.get_short() == Some(c),
        _ => false,
    }
}

fn candidate(value: &str, help: Option<String>) -> String {
    match help {
        Some(h) => {
            let first = h.lines().next().unwrap_or_default().trim_end_matches('.');
            format!("{value}\t{first}")
        }
        None => value.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        let mut w: Vec<String> = s.split(' ').map(str::to_owned).collect();
        if s.ends_with(' ') {
            w.pop();
            w.push(String::new());
        }
        w
    }

    #[test]
    fn completes_subcommands_flags_and_values() {
        let out = complete(&words("p"));
        assert_eq!(
            out.lines().next().map(|l| l.split('\t').next()),
            Some(Some("pin"))
        );
        assert!(out.ends_with(":4\n"));
        let out = complete(&words("pin --dry"));
        assert!(out.starts_with("--dry-run\t"), "{out}");
        let out = complete(&words("image -o "));
        assert!(out.contains("json") && out.contains("yaml"), "{out}");
        let out = complete(&words("blob --profile "));
        assert!(out.starts_with("kubernetes-release"), "{out}");
        // global flags are offered under subcommands too
        assert!(complete(&words("pin --col")).starts_with("--color"));
        // positional: files
        assert_eq!(complete(&words("pin ")), ":0\n");
        // short flags are offered on `-`, and not on `--`
        let out = complete(&words("pin -"));
        assert!(out.lines().any(|l| l.starts_with("-R\t")), "{out}");
        assert!(out.lines().any(|l| l.starts_with("--recursive\t")), "{out}");
        let out = complete(&words("pods --"));
        assert!(!out.lines().any(|l| l.starts_with("-n\t")), "{out}");
        assert!(out.lines().any(|l| l.starts_with("--namespace\t")), "{out}");
        assert!(
            complete(&words("pods -"))
                .lines()
                .any(|l| l.starts_with("-A\t"))
        );
    }
}
