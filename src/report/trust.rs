//! `kubectl verify trust info` and `trust update`: which Sigstore trusted root verification
//! uses, where it came from and how long TUF vouches for it.

use std::fmt::Write as _;
use std::path::PathBuf;

use crate::tuf::{Provenance, rfc3339_seconds};

/// The root in use.
#[derive(Debug)]
pub enum InUse {
    /// Compiled into the binary.
    Embedded {
        description: String,
        /// The TUF root it was published under, and that root's expiry.
        tuf_root_version: u64,
        tuf_root_expires: jiff::Timestamp,
    },
    /// Fetched by `trust update`.
    Updated {
        provenance: Provenance,
        path: PathBuf,
    },
}

/// What the root holds, by kind.
#[derive(Debug, Clone, Copy, Default)]
pub struct Contents {
    pub fulcio: usize,
    pub rekor: usize,
    pub ct: usize,
    pub tsa: usize,
}

impl Contents {
    pub fn of(root: &sigstore_verify::trust_root::TrustedRoot) -> Self {
        Self {
            fulcio: root.certificate_authorities.len(),
            rekor: root.tlogs.len(),
            ct: root.ctlogs.len(),
            tsa: root.timestamp_authorities.len(),
        }
    }
}

/// `trust info`.
#[derive(Debug)]
pub struct TrustInfo {
    pub in_use: InUse,
    pub contents: Contents,
    /// The trust directory of the cache (none when no cache directory can be found).
    pub cache: Option<PathBuf>,
    /// Why a root in the cache was not used.
    pub ignored: Option<String>,
    pub now: jiff::Timestamp,
}

const FETCH_HINT: &str = "`kubectl verify trust update` fetches the current one";

/// The human `trust info` text.
pub fn render_info(info: &TrustInfo) -> String {
    let mut out = String::new();
    match &info.in_use {
        InUse::Embedded {
            description,
            tuf_root_version,
            tuf_root_expires,
        } => {
            let _ = writeln!(out, "Trusted root in use: embedded");
            let _ = writeln!(out, "  Source:       {description}");
            let _ = writeln!(
                out,
                "  TUF root:     version {tuf_root_version}, expires {}{}",
                rfc3339_seconds(*tuf_root_expires),
                expired_note(*tuf_root_expires <= info.now)
            );
        }
        InUse::Updated { provenance, path } => {
            let p = provenance;
            let _ = writeln!(out, "Trusted root in use: updated through TUF");
            let _ = writeln!(out, "  Source:       {}", p.source);
            let _ = writeln!(out, "  TUF root:     {} (started from)", p.bootstrap);
            let _ = writeln!(
                out,
                "  TUF versions: root {}, timestamp {}, snapshot {}, targets {}",
                p.tuf_root_version, p.timestamp_version, p.snapshot_version, p.targets_version
            );
            let _ = writeln!(out, "  Fetched:      {}", rfc3339_seconds(p.fetched));
            let _ = writeln!(
                out,
                "  Valid until:  {} (the earliest TUF metadata expiry){}",
                rfc3339_seconds(p.expires),
                expired_note(p.is_expired(info.now))
            );
            let _ = writeln!(
                out,
                "  File:         {} (sha256:{})",
                path.display(),
                p.sha256
            );
        }
    }
    let c = info.contents;
    let _ = writeln!(
        out,
        "  Contents:     {} Fulcio CA(s), {} Rekor log(s), {} CT log(s), {} timestamp authority(ies)",
        c.fulcio, c.rekor, c.ct, c.tsa
    );
    match (&info.cache, &info.ignored, &info.in_use) {
        (None, _, _) => {
            let _ = writeln!(
                out,
                "  Cache:        none (set KUBECTL_VERIFY_CACHE_DIR or HOME)"
            );
        }
        (Some(dir), Some(why), _) => {
            let _ = writeln!(
                out,
                "  Cache:        {} (its root is ignored: {why}; {FETCH_HINT})",
                dir.display()
            );
        }
        (Some(dir), None, InUse::Embedded { .. }) => {
            let _ = writeln!(
                out,
                "  Cache:        {} (no updated root; {FETCH_HINT})",
                dir.display()
            );
        }
        (Some(dir), None, InUse::Updated { .. }) => {
            let _ = writeln!(out, "  Cache:        {}", dir.display());
        }
    }
    out
}

fn expired_note(expired: bool) -> String {
    if expired {
        format!(" — EXPIRED: still used, but no longer vouched for; {FETCH_HINT}")
    } else {
        String::new()
    }
}

/// The human `trust update` text.
pub fn render_update(
    provenance: &Provenance,
    path: &std::path::Path,
    previous: Option<&Provenance>,
) -> String {
    let mut out = String::new();
    let changed = previous.is_none_or(|p| p.sha256 != provenance.sha256);
    let what = if changed {
        "Updated the trusted root"
    } else {
        "The trusted root is current"
    };
    let _ = writeln!(
        out,
        "{what}: {} (TUF root v{}, timestamp v{}, snapshot v{}, targets v{})",
        provenance.source,
        provenance.tuf_root_version,
        provenance.timestamp_version,
        provenance.snapshot_version,
        provenance.targets_version
    );
    let _ = writeln!(
        out,
        "Valid until {} (the earliest TUF metadata expiry)",
        rfc3339_seconds(provenance.expires)
    );
    let _ = writeln!(
        out,
        "Stored in {}; verification uses it unless --trusted-root is given",
        path.display()
    );
    out
}
