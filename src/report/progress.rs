//! The progress bar on stderr: drawn only when stderr is a terminal, the report is a table
//! (never with `-o json|yaml`), and more than [`THRESHOLD`] digests are verified — short runs
//! and pipes stay quiet.

use std::io::IsTerminal as _;
use std::sync::atomic::{AtomicUsize, Ordering};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::evidence::Progress;

/// Fewer digests than this finish too fast for a bar to help.
pub const THRESHOLD: usize = 20;

/// A progress bar that shows itself once the work is large enough.
pub struct Bar {
    inner: ProgressBar,
    enabled: bool,
    total: AtomicUsize,
}

impl Bar {
    /// `table`: the report is a table (a bar beside a JSON document would be noise).
    pub fn new(table: bool) -> Self {
        let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::hidden());
        if let Ok(style) = ProgressStyle::with_template("verifying {pos}/{len} images {wide_bar}") {
            bar.set_style(style);
        }
        Self {
            inner: bar,
            enabled: table && std::io::stderr().is_terminal(),
            total: AtomicUsize::new(0),
        }
    }

    /// Removes the bar before the report is written.
    pub fn finish(&self) {
        self.inner.finish_and_clear();
    }
}

impl Progress for Bar {
    fn add(&self, n: usize) {
        let total = self.total.fetch_add(n, Ordering::Relaxed) + n;
        self.inner.inc_length(n as u64);
        if self.enabled && total > THRESHOLD && self.inner.is_hidden() {
            self.inner.set_draw_target(ProgressDrawTarget::stderr());
        }
    }

    fn done(&self) {
        self.inner.inc(1);
    }
}
