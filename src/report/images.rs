//! The image report: a table for people, JSON/YAML for machines.
//!
//! Table columns: IMAGE, DIGEST (12 hex digits), VERDICT, SIGNER (identity and issuer, or
//! key fingerprint), DETAIL. Verdicts are coloured (green verified, red failed, yellow for
//! failures of `mode: warn` policies) when colour is on (`--color`, `NO_COLOR`, TTY).
//!
//! Machine schema (`-o json|yaml`), `apiVersion: kubectl-verify/v1`,
//! `kind: ImageVerificationReport`, `schemaVersion: 1`; fields are only added within a
//! schema version:
//!
//! ```text
//! images[]:
//!   reference        the reference as written
//!   digest           the digest it resolved to (or was pinned to); null if unresolved
//!   verifiedBy[]     {digest, platform}: the digests whose signatures verified, when they
//!                    are not `digest` itself (an unsigned index whose platform manifests are
//!                    signed, or an unsigned platform manifest whose index is signed;
//!                    platform is null for an index)
//!   verdict          verified | unsigned | identity-mismatch | invalid-signature |
//!                    untrusted-certificate | tlog-missing | digest-mismatch |
//!                    malformed-bundle | unreachable | rate-limited | no-policy
//!   enforced         false when the verdict comes from a `mode: warn` policy (or is an
//!                    unmatched image under --allow-unmatched): it does not fail the run
//!   detail           one line saying why
//!   policy           flags | builtin:kubernetes | the policy's name
//!   signer           {kind: keyless, identity, issuer} | {kind: key, fingerprint}
//!   format           bundle | legacy
//!   rekor            {logIndex, integratedTime (RFC 3339 UTC)}
//!   sources[]        {file, line, column} where the reference was found (manifests)
//! summary: {total, verified, failed, warned}
//! ```

use std::fmt::Write as _;

use owo_colors::OwoColorize;
use serde::Serialize;

pub use super::verdict::rfc3339;
use super::verdict::{API_VERSION, StructuredFormat, write_structured};
use crate::verify::image::Format;
use crate::verify::{Signer, VerdictCode};

/// The schema version of [`ImagesReport`].
pub const IMAGES_SCHEMA_VERSION: u32 = 1;

/// Where a reference was found in a manifest file.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct SourceLocation {
    pub file: String,
    pub line: usize,
    pub column: usize,
}

/// Rekor facts in the report.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RekorInfo {
    pub log_index: i64,
    pub integrated_time: String,
}

/// A digest that verified on the image's behalf (multi-arch).
#[derive(Debug, Clone, Serialize)]
pub struct VerifiedDigest {
    pub digest: String,
    pub platform: Option<String>,
}

/// One image's line in the report.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImageEntry {
    pub reference: String,
    pub digest: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub verified_by: Vec<VerifiedDigest>,
    pub verdict: VerdictCode,
    pub enforced: bool,
    pub detail: String,
    pub policy: Option<String>,
    pub signer: Option<Signer>,
    pub format: Option<Format>,
    pub rekor: Option<RekorInfo>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<SourceLocation>,
}

impl ImageEntry {
    /// True when this entry fails the run.
    pub fn fails(&self) -> bool {
        self.enforced && !self.verdict.is_verified()
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub total: usize,
    pub verified: usize,
    pub failed: usize,
    pub warned: usize,
}

/// The whole report.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImagesReport {
    pub api_version: &'static str,
    pub kind: &'static str,
    pub schema_version: u32,
    pub images: Vec<ImageEntry>,
    pub summary: Summary,
}

impl ImagesReport {
    pub fn new(images: Vec<ImageEntry>) -> Self {
        let summary = Summary {
            total: images.len(),
            verified: images.iter().filter(|i| i.verdict.is_verified()).count(),
            failed: images.iter().filter(|i| i.fails()).count(),
            warned: images
                .iter()
                .filter(|i| !i.enforced && !i.verdict.is_verified())
                .count(),
        };
        Self {
            api_version: API_VERSION,
            kind: "ImageVerificationReport",
            schema_version: IMAGES_SCHEMA_VERSION,
            images,
            summary,
        }
    }

    /// True when any image fails the run (exit 1).
    pub fn has_failures(&self) -> bool {
        self.summary.failed > 0
    }
}

/// Writes the report in the chosen format to stdout.
pub fn write(report: &ImagesReport, format: Option<StructuredFormat>) -> std::io::Result<()> {
    match format {
        Some(f) => write_structured(report, f),
        None => super::out(&render_table(report, super::stdout_color())),
    }
}

/// The signer column: identity and issuer, or the key fingerprint.
fn signer_text(s: Option<&Signer>) -> String {
    match s {
        Some(Signer::Keyless { identity, issuer }) => format!("{identity} ({issuer})"),
        Some(Signer::Key { fingerprint }) => format!("key {}", short_fingerprint(fingerprint)),
        None => "-".to_owned(),
    }
}

fn short_fingerprint(fp: &str) -> String {
    let hex = fp.strip_prefix("sha256:").unwrap_or(fp);
    format!("sha256:{}", &hex[..hex.len().min(12)])
}

fn short_digest(d: Option<&str>) -> String {
    // `sha256:` or `sha512:`: 12 hex digits either way, as `docker images` shows them.
    d.and_then(|d| d.split_once(':'))
        .map_or_else(|| "-".to_owned(), |(_, h)| h[..h.len().min(12)].to_owned())
}

/// Renders the table, one line per image, columns padded to the widest cell.
pub fn render_table(report: &ImagesReport, color: bool) -> String {
    let header = ["IMAGE", "DIGEST", "VERDICT", "SIGNER", "DETAIL"];
    let rows: Vec<[String; 5]> = report
        .images
        .iter()
        .map(|e| {
            let mut detail = e.detail.clone();
            for v in &e.verified_by {
                let short = v.digest.get(7..19).unwrap_or(&v.digest);
                if !detail.contains(short) {
                    let note = match &v.platform {
                        Some(p) => format!("verified by {p} manifest {}", v.digest),
                        None => format!("verified by index {}", v.digest),
                    };
                    detail = if detail.is_empty() {
                        note
                    } else {
                        format!("{note}; {detail}")
                    };
                }
            }
            if let Some(r) = &e.rekor {
                let note = format!("rekor #{} at {}", r.log_index, r.integrated_time);
                detail = if detail.is_empty() {
                    note
                } else {
                    format!("{detail}; {note}")
                };
            }
            if detail.is_empty() {
                "-".clone_into(&mut detail);
            }
            if !e.enforced && !e.verdict.is_verified() {
                detail = format!("(warn) {detail}");
            }
            [
                e.reference.clone(),
                short_digest(e.digest.as_deref()),
                e.verdict.as_str().to_owned(),
                signer_text(e.signer.as_ref()),
                detail,
            ]
        })
        .collect();
    let mut widths = header.map(str::len);
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    let line = |cells: &[String; 5], verdict: Option<&ImageEntry>, out: &mut String| {
        for (i, cell) in cells.iter().enumerate() {
            let last = i == cells.len() - 1;
            let pad = if last {
                0
            } else {
                widths[i] - cell.chars().count()
            };
            let text = match (i, verdict) {
                (2, Some(e)) if color => paint(cell, e),
                _ => cell.clone(),
            };
            out.push_str(&text);
            if !last {
                let _ = write!(out, "{:pad$}   ", "");
            }
        }
        out.push('\n');
    };
    line(&header.map(str::to_owned), None, &mut out);
    for (row, e) in rows.iter().zip(&report.images) {
        line(row, Some(e), &mut out);
    }
    out
}

fn paint(cell: &str, e: &ImageEntry) -> String {
    if e.verdict.is_verified() {
        cell.green().to_string()
    } else if e.enforced {
        cell.red().bold().to_string()
    } else {
        cell.yellow().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(reference: &str, verdict: VerdictCode, enforced: bool) -> ImageEntry {
        ImageEntry {
            reference: reference.to_owned(),
            digest: Some(
                "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                    .to_owned(),
            ),
            verified_by: Vec::new(),
            verdict,
            enforced,
            detail: String::new(),
            policy: None,
            signer: None,
            format: None,
            rekor: None,
            sources: Vec::new(),
        }
    }

    #[test]
    fn table_aligns_columns_and_colours_only_when_asked() {
        let mut a = entry("ghcr.io/a/b:1", VerdictCode::Verified, true);
        a.signer = Some(Signer::Keyless {
            identity: "me@example.com".into(),
            issuer: "https://accounts.google.com".into(),
        });
        a.rekor = Some(RekorInfo {
            log_index: 7,
            integrated_time: rfc3339(0),
        });
        let b = entry("x", VerdictCode::Unsigned, false);
        let report = ImagesReport::new(vec![a, b]);
        assert_eq!(report.summary.verified, 1);
        assert_eq!(report.summary.warned, 1);
        assert!(!report.has_failures());
        let plain = render_table(&report, false);
        let want = "\
IMAGE           DIGEST         VERDICT    SIGNER                                         DETAIL
ghcr.io/a/b:1   0123456789ab   verified   me@example.com (https://accounts.google.com)   rekor #7 at 1970-01-01T00:00:00Z
x               0123456789ab   unsigned   -                                              (warn) -
";
        assert_eq!(plain, want);
        let coloured = render_table(&report, true);
        assert!(coloured.contains("\u{1b}["));
        assert!(!plain.contains("\u{1b}["));
    }
}
