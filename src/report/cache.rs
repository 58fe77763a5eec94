//! `kubectl verify cache info|clear` output.

use std::fmt::Write as _;
use std::path::Path;

use crate::cache::Info;
use crate::tuf::rfc3339_seconds;

/// What `cache info` prints: where entries live, how many, how big, their age range.
pub fn render_info(info: &Info, ttl_note: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Verification cache: {}", info.dir.display());
    let _ = writeln!(
        out,
        "  Entries:      {} ({})",
        info.entries,
        size(info.bytes)
    );
    if info.unusable > 0 {
        let _ = writeln!(
            out,
            "  Unusable:     {} (broken or another version's: ignored, replaced when verified again)",
            info.unusable
        );
    }
    if let (Some(oldest), Some(newest)) = (info.oldest, info.newest) {
        let _ = writeln!(out, "  Oldest:       {}", rfc3339_seconds(oldest));
        let _ = writeln!(out, "  Newest:       {}", rfc3339_seconds(newest));
    }
    let _ = writeln!(out, "  {ttl_note}");
    out
}

/// What `cache clear` prints.
pub fn render_clear(dir: &Path, removed: usize) -> String {
    let plural = if removed == 1 { "entry" } else { "entries" };
    format!(
        "Removed {removed} verification cache {plural} from {} (the trusted root is kept)\n",
        dir.display()
    )
}

/// `512 B`, `5.1 KiB`, `3.0 MiB`.
fn size(bytes: u64) -> String {
    #[allow(clippy::cast_precision_loss, reason = "a size shown to one decimal")]
    let b = bytes as f64;
    if bytes < 1024 {
        format!("{bytes} B")
    } else if bytes < 1024 * 1024 {
        format!("{:.1} KiB", b / 1024.0)
    } else {
        format!("{:.1} MiB", b / (1024.0 * 1024.0))
    }
}
