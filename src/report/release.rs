//! The release report (`kubectl verify release`): one line per artifact — the SBOM, the
//! provenance, every image and every binary — as a table or JSON/YAML.
//!
//! Table columns: KIND (sbom | provenance | image | binary), NAME, PLATFORM, DIGEST (12 hex
//! digits), VERDICT, SIGNER, DETAIL.
//!
//! Machine schema (`-o json|yaml`), `apiVersion: kubectl-verify/v1`,
//! `kind: ReleaseVerificationReport`, `schemaVersion: 1`; fields are only added within a
//! schema version:
//!
//! ```text
//! release: {version, requested, sbom}   the version verified, the VERSION argument as
//!                                       given (stable, …), where the SBOM was read
//! artifacts[]:
//!   kind        sbom | provenance | image | binary
//!   name        the URL of the SBOM/provenance, the image reference, or the binary's name
//!   platform    os/arch (null for the SBOM, the provenance and multi-arch images)
//!   digest      sha256:<hex> of what was verified (the image digest, the binary's bytes)
//!   verdict     as for images (verified | unsigned | identity-mismatch | … | digest-mismatch
//!               for a binary whose bytes differ from its .sha256 or its provenance subject)
//!   enforced    false only for images under a `mode: warn` policy
//!   detail      one line saying why
//!   signer      {kind: keyless, identity, issuer}
//!   rekor       {logIndex, integratedTime}
//!   source      where a binary was downloaded from
//!   path        where a verified binary was kept (--download-dir)
//! summary: {total, verified, failed, images, binaries}
//! ```

use std::fmt::Write as _;

use owo_colors::OwoColorize;
use serde::Serialize;

use super::images::{ImageEntry, RekorInfo};
use super::verdict::{API_VERSION, StructuredFormat, write_structured};
use crate::verify::{Signer, VerdictCode};

/// The schema version of [`ReleaseReport`].
pub const RELEASE_SCHEMA_VERSION: u32 = 1;

/// What an artifact line is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ArtifactKind {
    Sbom,
    Provenance,
    Image,
    Binary,
}

impl ArtifactKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Sbom => "sbom",
            Self::Provenance => "provenance",
            Self::Image => "image",
            Self::Binary => "binary",
        }
    }
}

/// One artifact's line.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ArtifactEntry {
    pub kind: ArtifactKind,
    pub name: String,
    pub platform: Option<String>,
    pub digest: Option<String>,
    pub verdict: VerdictCode,
    pub enforced: bool,
    pub detail: String,
    pub signer: Option<Signer>,
    pub rekor: Option<RekorInfo>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

impl ArtifactEntry {
    /// An image line from the image report's entry.
    pub fn image(e: ImageEntry, platform: Option<String>) -> Self {
        Self {
            kind: ArtifactKind::Image,
            name: e.reference,
            platform,
            digest: e.digest,
            verdict: e.verdict,
            enforced: e.enforced,
            detail: e.detail,
            signer: e.signer,
            rekor: e.rekor,
            source: None,
            path: None,
        }
    }

    /// True when this line fails the run.
    pub fn fails(&self) -> bool {
        self.enforced && !self.verdict.is_verified()
    }
}

/// Which release was verified.
#[derive(Debug, Clone, Serialize)]
pub struct ReleaseInfo {
    pub version: String,
    pub requested: String,
    pub sbom: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReleaseSummary {
    pub total: usize,
    pub verified: usize,
    pub failed: usize,
    pub images: usize,
    pub binaries: usize,
}

/// The whole report.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReleaseReport {
    pub api_version: &'static str,
    pub kind: &'static str,
    pub schema_version: u32,
    pub release: ReleaseInfo,
    pub artifacts: Vec<ArtifactEntry>,
    pub summary: ReleaseSummary,
}

impl ReleaseReport {
    pub fn new(release: ReleaseInfo, artifacts: Vec<ArtifactEntry>) -> Self {
        let count = |k: ArtifactKind| artifacts.iter().filter(|a| a.kind == k).count();
        let summary = ReleaseSummary {
            total: artifacts.len(),
            verified: artifacts.iter().filter(|a| a.verdict.is_verified()).count(),
            failed: artifacts.iter().filter(|a| a.fails()).count(),
            images: count(ArtifactKind::Image),
            binaries: count(ArtifactKind::Binary),
        };
        Self {
            api_version: API_VERSION,
            kind: "ReleaseVerificationReport",
            schema_version: RELEASE_SCHEMA_VERSION,
            release,
            artifacts,
            summary,
        }
    }

    /// True when any line fails the run (exit 1).
    pub fn has_failures(&self) -> bool {
        self.summary.failed > 0
    }
}

/// Writes the report to stdout: a table, or JSON/YAML.
pub fn write(report: &ReleaseReport, format: Option<StructuredFormat>) -> std::io::Result<()> {
    match format {
        Some(f) => write_structured(report, f),
        None => super::out(&render_table(report, super::stdout_color())),
    }
}

/// How `write_as` lays the report out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// The table; `wide`: full digests; `headers`: the header and summary lines.
    Table {
        wide: bool,
        headers: bool,
    },
    /// `-o name`: `KIND/NAME` per artifact, images pinned to their digest.
    Name,
    Structured(StructuredFormat),
}

/// Writes the report to stdout in `layout`.
pub fn write_as(report: &ReleaseReport, layout: Layout) -> std::io::Result<()> {
    match layout {
        Layout::Structured(f) => write_structured(report, f),
        Layout::Name => super::out(&render_names(report)),
        Layout::Table { wide, headers } => super::out(&render_table_with(
            report,
            super::stdout_color(),
            wide,
            headers,
        )),
    }
}

/// `KIND/NAME` per artifact, an image's name pinned to the digest it resolved to.
pub fn render_names(report: &ReleaseReport) -> String {
    let mut out = String::new();
    for a in &report.artifacts {
        let _ = match (a.kind, a.digest.as_deref()) {
            (ArtifactKind::Image, Some(d)) if !a.name.contains('@') => {
                writeln!(out, "{}/{}@{d}", a.kind.as_str(), a.name)
            }
            _ => writeln!(out, "{}/{}", a.kind.as_str(), a.name),
        };
    }
    out
}

fn short_digest(d: Option<&str>) -> String {
    d.and_then(|d| d.split_once(':'))
        .map_or_else(|| "-".to_owned(), |(_, h)| h[..h.len().min(12)].to_owned())
}

/// The table, columns padded to the widest cell, and a summary line.
pub fn render_table(report: &ReleaseReport, color: bool) -> String {
    render_table_with(report, color, false, true)
}

/// [`render_table`]; `wide`: full digests; `headers`: the header and summary lines (left out
/// for `--no-headers`, so every line is an artifact).
pub fn render_table_with(report: &ReleaseReport, color: bool, wide: bool, headers: bool) -> String {
    let header = [
        "KIND", "NAME", "PLATFORM", "DIGEST", "VERDICT", "SIGNER", "DETAIL",
    ];
    let rows: Vec<[String; 7]> = report
        .artifacts
        .iter()
        .map(|a| {
            let mut detail = a.detail.clone();
            if let Some(r) = &a.rekor {
                let note = format!("rekor #{} at {}", r.log_index, r.integrated_time);
                detail = if detail.is_empty() {
                    note
                } else {
                    format!("{detail}; {note}")
                };
            }
            if let Some(p) = &a.path {
                let note = format!("kept as {p}");
                detail = if detail.is_empty() {
                    note
                } else {
                    format!("{detail}; {note}")
                };
            }
            if detail.is_empty() {
                "-".clone_into(&mut detail);
            }
            if !a.enforced && !a.verdict.is_verified() {
                detail = format!("(warn) {detail}");
            }
            [
                a.kind.as_str().to_owned(),
                a.name.clone(),
                a.platform.clone().unwrap_or_else(|| "-".to_owned()),
                if wide {
                    a.digest.clone().unwrap_or_else(|| "-".to_owned())
                } else {
                    short_digest(a.digest.as_deref())
                },
                a.verdict.as_str().to_owned(),
                a.signer
                    .as_ref()
                    .map_or_else(|| "-".to_owned(), ToString::to_string),
                detail,
            ]
        })
        .collect();
    let mut widths: Vec<usize> = header.iter().map(|h| h.len()).collect();
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    let mut line = |cells: &[String], entry: Option<&ArtifactEntry>| {
        for (i, cell) in cells.iter().enumerate() {
            let last = i == cells.len() - 1;
            let text = match entry {
                Some(a) if i == 4 && color => paint(cell, a),
                _ => cell.clone(),
            };
            out.push_str(&text);
            if !last {
                let pad = widths[i] - cell.chars().count();
                let _ = write!(out, "{:pad$}   ", "");
            }
        }
        out.push('\n');
    };
    let header: Vec<String> = header.iter().map(|h| (*h).to_owned()).collect();
    if headers {
        line(&header, None);
    }
    for (row, a) in rows.iter().zip(&report.artifacts) {
        line(row, Some(a));
    }
    if !headers {
        return out;
    }
    let s = &report.summary;
    let _ = writeln!(
        out,
        "\n{} {}: {} artifacts ({} images, {} binaries), {} verified, {} failed",
        report.release.version,
        if s.failed == 0 {
            "verified"
        } else {
            "NOT verified"
        },
        s.total,
        s.images,
        s.binaries,
        s.verified,
        s.failed
    );
    out
}

fn paint(cell: &str, a: &ArtifactEntry) -> String {
    if a.verdict.is_verified() {
        cell.green().to_string()
    } else if a.enforced {
        cell.red().bold().to_string()
    } else {
        cell.yellow().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(kind: ArtifactKind, name: &str, verdict: VerdictCode) -> ArtifactEntry {
        ArtifactEntry {
            kind,
            name: name.to_owned(),
            platform: Some("linux/amd64".to_owned()),
            digest: Some(format!("sha256:{}", "0123456789ab".repeat(5) + "cdef")),
            verdict,
            enforced: true,
            detail: String::new(),
            signer: Some(Signer::Keyless {
                identity: "krel-staging@k8s-releng-prod.iam.gserviceaccount.com".into(),
                issuer: "https://accounts.google.com".into(),
            }),
            rekor: None,
            source: None,
            path: None,
        }
    }

    #[test]
    fn table_has_one_line_per_artifact_and_a_summary() {
        let mut bad = entry(ArtifactKind::Binary, "kubeadm", VerdictCode::DigestMismatch);
        bad.detail = "provenance.json lists sha256:00 for bin/linux/amd64/kubeadm".into();
        let report = ReleaseReport::new(
            ReleaseInfo {
                version: "v1.35.0".into(),
                requested: "stable".into(),
                sbom: "https://sbom.k8s.io/v1.35.0/release".into(),
            },
            vec![
                entry(
                    ArtifactKind::Image,
                    "registry.k8s.io/kube-apiserver-amd64:v1.35.0",
                    VerdictCode::Verified,
                ),
                bad,
            ],
        );
        assert!(report.has_failures());
        assert_eq!(report.summary.images, 1);
        let table = render_table(&report, false);
        let want = "\
KIND     NAME                                           PLATFORM      DIGEST         VERDICT           SIGNER                                                                               DETAIL
image    registry.k8s.io/kube-apiserver-amd64:v1.35.0   linux/amd64   0123456789ab   verified          krel-staging@k8s-releng-prod.iam.gserviceaccount.com (https://accounts.google.com)   -
binary   kubeadm                                        linux/amd64   0123456789ab   digest-mismatch   krel-staging@k8s-releng-prod.iam.gserviceaccount.com (https://accounts.google.com)   provenance.json lists sha256:00 for bin/linux/amd64/kubeadm

v1.35.0 NOT verified: 2 artifacts (1 images, 1 binaries), 1 verified, 1 failed
";
        assert_eq!(table, want);
        assert!(render_table(&report, true).contains("\u{1b}["));

        // Issue 9: `--no-headers` leaves only the artifact lines, `-o wide` full digests,
        // `-o name` KIND/NAME (an image pinned to its digest).
        let bare = render_table_with(&report, false, false, false);
        assert_eq!(bare.lines().count(), 2, "{bare}");
        assert!(bare.starts_with("image    registry.k8s.io/"), "{bare}");
        let digest = format!("sha256:{}", "0123456789ab".repeat(5) + "cdef");
        let wide = render_table_with(&report, false, true, true);
        assert!(
            wide.contains(&format!("linux/amd64   {digest}   verified")),
            "{wide}"
        );
        assert_eq!(
            render_names(&report),
            format!(
                "image/registry.k8s.io/kube-apiserver-amd64:v1.35.0@{digest}\nbinary/kubeadm\n"
            )
        );
    }
}
