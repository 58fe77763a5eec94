//! What `kubectl verify pin` tells the user: per-reference lines (`-v`), problems as
//! `file:line:col: reason`, warnings, unified diffs for `--dry-run`, and the one-line summary.

use std::fmt::Display;
use std::io;

use owo_colors::OwoColorize;

use crate::manifest::Position;
use crate::pin::Change;

/// A reason a file stays unchanged, at a place in it.
pub fn problem(file: &str, at: Position, reason: &str) {
    super::error(&anyhow::anyhow!("{file}:{at}: {reason}"));
}

/// A file that could not be read, parsed or written.
pub fn file_error(file: &str, err: &dyn Display) {
    super::error(&anyhow::anyhow!("{file}: {err}"));
}

/// An error whose text starts with `line:col:`, shown as `file:line:col: …`.
pub fn located_error(file: &str, err: &dyn Display) {
    super::error(&anyhow::anyhow!("{file}:{err}"));
}

pub fn templated(file: &str, at: Position) {
    super::warn(&format!(
        "{file}:{at}: looks templated ({{{{ … }}}}); left unchanged — render it first, e.g. `helm template … | kubectl verify pin -`"
    ));
}

/// `pin --verify`: a template is not verified, which fails the run.
pub fn templated_not_verified(file: &str, at: Position) {
    super::error(&anyhow::anyhow!(
        "{file}:{at}: does not parse as YAML and contains {{{{ … }}}}: a template, not verified \
         nor pinned — render it first, e.g. `helm template … | kubectl verify pin --verify -`"
    ));
}

/// `pin --verify`: a reference pinned although its signature did not verify (the failure is
/// not enforced: `mode: warn`, `--allow-unmatched`).
pub fn pinned_unverified(file: &str, c: &Change, why: &str) {
    super::warn(&format!("{file}:{}: {} not verified: {why}", c.at, c.from));
}

pub fn empty_image(file: &str, at: Position, path: &str) {
    super::warn(&format!("{file}:{at}: {path} is empty: nothing to pin"));
}

/// A directory without manifests; the `-R` tip only when `-R` was not given.
pub fn no_manifests(dir: &str, recursive: bool) {
    let hint = if recursive {
        ""
    } else {
        " (use -R to look in subdirectories)"
    };
    super::warn(&format!("{dir}: no .yaml, .yml or .json files here{hint}"));
}

/// `-v`: one line per reference rewritten.
pub fn change(file: &str, c: &Change, dry_run: bool) {
    let verb = if dry_run { "would pin" } else { "pinned" };
    super::info(&format!("{file}:{}: {verb} {} -> {}", c.at, c.from, c.to));
}

/// `-v`: a temporary file an interrupted earlier run left behind, removed.
pub fn removed_stale_temp(path: &str) {
    super::info(&format!(
        "{path}: removed a temporary file left by an interrupted run"
    ));
}

/// `-v`: one line per reference left alone.
pub fn already_pinned(file: &str, at: Position, reference: &str) {
    super::info(&format!("{file}:{at}: {reference} is already pinned"));
}

/// `--dry-run`: a unified diff of one file on stdout (`patch -p0` applies it).
pub fn diff(file: &str, old: &str, new: &str) -> io::Result<()> {
    let text = similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(file, file)
        .to_string();
    if !super::stdout_color() {
        return super::out(&text);
    }
    let mut colored = String::with_capacity(text.len() + 64);
    for line in text.split_inclusive('\n') {
        let (body, nl) = line.strip_suffix('\n').map_or((line, ""), |b| (b, "\n"));
        let painted = if body.starts_with("+++") || body.starts_with("---") {
            body.bold().to_string()
        } else if body.starts_with('+') {
            body.green().to_string()
        } else if body.starts_with('-') {
            body.red().to_string()
        } else if body.starts_with("@@") {
            body.cyan().to_string()
        } else {
            body.to_owned()
        };
        colored.push_str(&painted);
        colored.push_str(nl);
    }
    super::out(&colored)
}

/// The run's totals.
#[derive(Debug, Clone, Copy, Default)]
pub struct Summary {
    /// References rewritten (an anchor reached through aliases counts once).
    pub pinned: usize,
    /// Files rewritten.
    pub files: usize,
    /// References left alone (already pinned, empty) and templated files.
    pub skipped: usize,
    /// References that could not be pinned, and files that could not be read or written.
    pub errors: usize,
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

pub fn summary(s: &Summary, dry_run: bool) {
    super::info(&format!(
        "{} {} in {}, {} skipped, {}",
        if dry_run { "would pin" } else { "pinned" },
        plural(s.pinned, "reference", "references"),
        plural(s.files, "file", "files"),
        s.skipped,
        plural(s.errors, "error", "errors"),
    ));
}
