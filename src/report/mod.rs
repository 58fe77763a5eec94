//! The only module that writes to the terminal. The report goes to stdout; progress, warnings
//! and errors go to stderr. Colour goes through owo-colors and follows `--color` / `NO_COLOR`.
#![allow(clippy::print_stdout, clippy::print_stderr)]

pub mod cache;
pub mod images;
pub mod pin;
pub mod policy;
pub mod policyreport;
pub mod progress;
pub mod release;
pub mod tree;
pub mod trust;
pub mod verdict;

use std::io::{self, IsTerminal, Write};
use std::sync::atomic::{AtomicU8, Ordering};

use owo_colors::OwoColorize;

use crate::cli::common::ColorChoice;

static COLOR: AtomicU8 = AtomicU8::new(0);
/// `-v LEVEL`, set once at start.
static VERBOSITY: AtomicU8 = AtomicU8::new(0);

/// Sets the log level (`-v`, as kubectl's: 1 a line per reference, 2 each image's steps,
/// 6 every HTTP request, 8 with headers).
pub fn set_verbosity(level: u8) {
    VERBOSITY.store(level, Ordering::Relaxed);
}

/// The log level `-v` asked for.
pub fn verbosity() -> u8 {
    VERBOSITY.load(Ordering::Relaxed)
}

/// Prints a log line on stderr when `-v` is at least `level`, prefixed with the level
/// (`I6] GET …`, after klog's `I…]`). The message is only built when it is printed. Callers
/// pass nothing secret: credentials are redacted before they get here.
pub fn log(level: u8, msg: impl FnOnce() -> String) {
    if verbosity() >= level {
        let _ = writeln!(io::stderr(), "I{level}] {}", msg());
    }
}

/// Decides once whether to colour stdout and stderr.
pub fn init_color(choice: ColorChoice) {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let (out, err) = match choice {
        ColorChoice::Always => (true, true),
        ColorChoice::Never => (false, false),
        ColorChoice::Auto => (
            !no_color && io::stdout().is_terminal(),
            !no_color && io::stderr().is_terminal(),
        ),
    };
    COLOR.store(u8::from(out) | (u8::from(err) << 1), Ordering::Relaxed);
}

/// Whether the report on stdout is coloured.
pub fn stdout_color() -> bool {
    COLOR.load(Ordering::Relaxed) & 1 != 0
}

/// Whether diagnostics on stderr are coloured.
pub fn stderr_color() -> bool {
    COLOR.load(Ordering::Relaxed) & 2 != 0
}

/// Prints an error chain once, as `error: outer: inner: root`.
pub fn error(e: &anyhow::Error) {
    let label = if stderr_color() {
        "error".red().bold().to_string()
    } else {
        "error".to_owned()
    };
    let _ = writeln!(io::stderr(), "{label}: {e:#}");
}

/// Prints a warning line on stderr.
pub fn warn(msg: &str) {
    let label = if stderr_color() {
        "warning".yellow().bold().to_string()
    } else {
        "warning".to_owned()
    };
    let _ = writeln!(io::stderr(), "{label}: {msg}");
}

/// Prints an informational line on stderr (summaries, `-v` detail).
pub fn info(msg: &str) {
    let _ = writeln!(io::stderr(), "{msg}");
}

/// Writes report text to stdout. A closed pipe (`… | head`) surfaces as an error that
/// [`is_broken_pipe`] recognises, so `main` can treat it as success.
pub fn out(text: &str) -> io::Result<()> {
    let mut stdout = io::stdout().lock();
    stdout.write_all(text.as_bytes())?;
    stdout.flush()
}

/// Writes raw bytes to stdout (the result of `pin -`).
pub fn out_bytes(bytes: &[u8]) -> io::Result<()> {
    let mut stdout = io::stdout().lock();
    stdout.write_all(bytes)?;
    stdout.flush()
}

/// True when the error is a write to a closed pipe.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}
