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
//!                    malformed-bundle | unreachable | rate-limited | not-found |
//!                    unauthorized | no-policy | unknown-digest | attestation-missing |
//!                    condition-failed | unsupported | denied
//!   enforced         false when the verdict comes from a `mode: warn` policy (or is an
//!                    unmatched image under --allow-unmatched): it does not fail the run
//!   detail           one line saying why
//!   policy           flags | builtin:kubernetes | the policy's name
//!   origin           {kind, name, namespace, rule}: the admission-policy document (and
//!                    rule) that decided the verdict (present when one did)
//!   results[]        when an admission policy applied, every policy's outcome for the
//!                    image: {policy, origin, mode, verdict, detail} (present when not empty)
//!   signer           {kind: keyless, identity, issuer} | {kind: key, fingerprint}
//!   format           bundle | legacy
//!   rekor            {logIndex, integratedTime (RFC 3339 UTC)}
//!   attestations[]   each attestation checked, when the policy asks for attestations
//!                    (present when not empty): {name, predicateType, authority, result (a
//!                    verdict code), detail, signer, format}
//!   currentDigest    --drift only: what the tag resolves to now, when the node runs another
//!                    digest (and the tag's index does not list it)
//!   cached           true when the verdict (`verified`) came from the verification cache
//!                    (signer, format and rekor are those of the verification that wrote
//!                    the entry); left out otherwise
//!   sources[]        every use of the image, one of:
//!                    {file, line, column} where a manifest names it (manifests, pin);
//!                    {context, namespace, kind, name, container, imageID, status} a
//!                    container of a cluster object; status is `running` (the digest
//!                    verified is the imageID the node reports), `waiting` (no image yet:
//!                    verified from the spec reference) or `template` (a workload's pod
//!                    template, or an image volume: resolved from the spec reference)
//! skipped[]          what was not verified, each failing the run (present when not empty):
//!                    {file, line, column, reason, detail}; reason is templated |
//!                    unreadable | not-yaml | not-a-file | no-manifests | empty |
//!                    invalid-reference;
//!                    line and column are null when the whole input is meant
//! errors[]           {message}: why the run stopped or could not finish (exit 2; present
//!                    when not empty)
//! summary: {total, verified, failed, warned, skipped (when not 0)}
//! ```
//!
//! The table ends with a summary line (`5 images: 3 verified, 1 unsigned, 1 no-policy`), the
//! inputs not verified under NOT VERIFIED, and a hint that applies to many rows (how to say
//! who signs an image no policy covers) once, under the table rather than in every row.

use std::fmt::Write as _;

use owo_colors::OwoColorize;
use serde::Serialize;

pub use super::verdict::rfc3339;
use super::verdict::{API_VERSION, StructuredFormat, write_structured};
use crate::verify::image::{AttestationCheck, Format, NO_POLICY_HINT, RequirementResult};
use crate::verify::policy::Origin;
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

/// Where a cluster object uses an image.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "camelCase")]
pub struct ObjectSource {
    /// The kubeconfig context it was read through (`None` in-cluster).
    pub context: Option<String>,
    pub namespace: Option<String>,
    pub kind: String,
    pub name: String,
    /// The container (or image volume) name.
    pub container: Option<String>,
    /// What the node reports as running, verbatim (`None` when nothing runs yet).
    #[serde(rename = "imageID")]
    pub image_id: Option<String>,
    pub status: ObjectStatus,
    /// The object's `apiVersion` (`v1`, `apps/v1`) and `metadata.uid`, for PolicyReports'
    /// resource references; not in the JSON report, which names objects by kind and name.
    #[serde(skip)]
    pub api_version: Option<String>,
    #[serde(skip)]
    pub uid: Option<String>,
}

/// Whether an object source is a running container.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum ObjectStatus {
    /// The node runs it: the digest verified is the one it reports.
    Running,
    /// A container with no image yet (pulling, back-off).
    Waiting,
    /// A workload's pod template (or an image volume): nothing runs it as such.
    Template,
}

/// One use of an image in the report.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(untagged)]
pub enum UseSource {
    File(SourceLocation),
    Object(ObjectSource),
}

impl UseSource {
    /// `file:line` or `ns/kind/name[container]` (with `context:` in front when the run read
    /// several clusters), as the wide table shows it.
    pub fn label(&self, with_context: bool) -> String {
        match self {
            UseSource::File(f) => format!("{}:{}", f.file, f.line),
            UseSource::Object(o) => {
                let mut s = String::new();
                if with_context && let Some(c) = &o.context {
                    let _ = write!(s, "{c}:");
                }
                if let Some(ns) = &o.namespace {
                    let _ = write!(s, "{ns}/");
                }
                let _ = write!(s, "{}/{}", o.kind.to_ascii_lowercase(), o.name);
                if let Some(c) = &o.container {
                    let _ = write!(s, "[{c}]");
                }
                s
            }
        }
    }
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
    /// The admission-policy document and rule that decided the verdict.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin: Option<Origin>,
    /// Every requirement's outcome for this image, when an admission policy applied.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub results: Vec<RequirementResult>,
    pub signer: Option<Signer>,
    pub format: Option<Format>,
    pub rekor: Option<RekorInfo>,
    /// Each attestation checked (when the policy asks for attestations).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub attestations: Vec<AttestationCheck>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current_digest: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<UseSource>,
    /// The verdict (always `verified`) came from the verification cache, with the facts of
    /// the verification that wrote the entry. Left out when false.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub cached: bool,
}

impl ImageEntry {
    /// True when this entry fails the run.
    pub fn fails(&self) -> bool {
        self.enforced && !self.verdict.is_verified()
    }

    /// True when a node runs this digest.
    pub fn runs(&self) -> bool {
        self.sources
            .iter()
            .any(|s| matches!(s, UseSource::Object(o) if o.status == ObjectStatus::Running))
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub total: usize,
    pub verified: usize,
    pub failed: usize,
    pub warned: usize,
    /// `skipped[]`'s length; left out when 0 so documents of clean runs stay as they were.
    #[serde(skip_serializing_if = "is_zero")]
    pub skipped: usize,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// Something a run did not verify: an input it could not read as manifests, or an image
/// value that is not a reference. Each one fails the run: nothing verified is never success.
#[derive(Debug, Clone, Serialize)]
pub struct Skipped {
    /// The input as named (`<stdin>` for stdin).
    pub file: String,
    /// Where in it, when the reason has a place (a template marker, a syntax error, a value).
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub reason: SkipReason,
    /// One line saying why, as stderr says it.
    pub detail: String,
}

/// Why something was not verified: a stable kebab-case code.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum SkipReason {
    /// Does not parse as YAML and contains `{{ … }}`: an unrendered template.
    Templated,
    /// Could not be read: missing, no permission, larger than `--max-input-size`.
    Unreadable,
    /// Not UTF-8 text, or not YAML/JSON.
    NotYaml,
    /// A FIFO, socket or device where a manifest was expected.
    NotAFile,
    /// A directory named on the command line that holds no manifest files.
    NoManifests,
    /// Stdin or a pipe that carried nothing: the command feeding it most likely failed.
    Empty,
    /// An image value that is not a valid reference (an unrendered `{{ … }}` included).
    InvalidReference,
}

impl SkipReason {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Templated => "templated",
            Self::Unreadable => "unreadable",
            Self::NotYaml => "not-yaml",
            Self::NotAFile => "not-a-file",
            Self::NoManifests => "no-manifests",
            Self::Empty => "empty",
            Self::InvalidReference => "invalid-reference",
        }
    }
}

/// A runtime error in the document, so `-o json` is a whole document whatever happened.
#[derive(Debug, Clone, Serialize)]
pub struct RunError {
    /// The error and its causes, `outer: inner: root`.
    pub message: String,
}

/// The whole report.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImagesReport {
    pub api_version: &'static str,
    pub kind: &'static str,
    pub schema_version: u32,
    pub images: Vec<ImageEntry>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<Skipped>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<RunError>,
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
            skipped: 0,
        };
        Self {
            api_version: API_VERSION,
            kind: "ImageVerificationReport",
            schema_version: IMAGES_SCHEMA_VERSION,
            images,
            skipped: Vec::new(),
            errors: Vec::new(),
            summary,
        }
    }

    /// The report with what was not verified added.
    #[must_use]
    pub fn with_skipped(mut self, skipped: Vec<Skipped>) -> Self {
        self.summary.skipped = skipped.len();
        self.skipped = skipped;
        self
    }

    /// The report with the error that stopped the run (`{:#}`: the whole chain).
    #[must_use]
    pub fn with_error(mut self, e: &anyhow::Error) -> Self {
        self.errors.push(RunError {
            message: format!("{e:#}"),
        });
        self
    }

    /// True when any image fails the run, or anything was not verified (exit 1).
    pub fn has_failures(&self) -> bool {
        self.summary.failed > 0 || !self.skipped.is_empty()
    }
}

/// How the table is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TableStyle {
    /// USED BY is a count.
    #[default]
    Normal,
    /// USED BY lists every use (`ns/kind/name[container]`, `file:line`).
    Wide,
}

/// Writes the report in the chosen format to stdout.
pub fn write(
    report: &ImagesReport,
    format: Option<StructuredFormat>,
    style: TableStyle,
) -> std::io::Result<()> {
    match format {
        Some(f) => write_structured(report, f),
        None => super::out(&render_table_styled(report, super::stdout_color(), style)),
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
    render_table_styled(report, color, TableStyle::Normal)
}

/// The USED BY cell: the first use and how many more (or, wide, every use), `-` for none.
fn used_by(e: &ImageEntry, style: TableStyle, with_context: bool) -> String {
    let Some(first) = e.sources.first() else {
        return "-".to_owned();
    };
    match style {
        TableStyle::Normal => match e.sources.len() - 1 {
            0 => first.label(with_context),
            more => format!("{} (+{more})", first.label(with_context)),
        },
        TableStyle::Wide => e
            .sources
            .iter()
            .map(|s| s.label(with_context))
            .collect::<Vec<_>>()
            .join(","),
    }
}

/// True when every use is a container whose image is not there yet.
fn only_waiting(e: &ImageEntry) -> bool {
    !e.sources.is_empty()
        && e.sources
            .iter()
            .all(|s| matches!(s, UseSource::Object(o) if o.status == ObjectStatus::Waiting))
}

/// Writes the table to stdout, without its header line for `--no-headers`.
pub fn write_table(report: &ImagesReport, style: TableStyle, headers: bool) -> std::io::Result<()> {
    super::out(&render_table_with(
        report,
        super::stdout_color(),
        style,
        headers,
    ))
}

/// `-o name`: one line per image, the reference pinned to the digest it resolved to (as
/// written when it already names it, or when it did not resolve), for piping into other
/// commands as kubectl's `-o name` is.
pub fn render_names(report: &ImagesReport) -> String {
    let mut out = String::new();
    for e in &report.images {
        match e.digest.as_deref() {
            Some(d) if !e.reference.contains('@') => {
                let _ = writeln!(out, "{}@{d}", e.reference);
            }
            _ => {
                let _ = writeln!(out, "{}", e.reference);
            }
        }
    }
    out
}

/// [`render_table`] with a layout. The USED BY column is there only when some image has
/// uses (not for `kubectl verify image REF`).
pub fn render_table_styled(report: &ImagesReport, color: bool, style: TableStyle) -> String {
    render_table_with(report, color, style, true)
}

/// [`render_table_styled`], with or without the header line (`--no-headers`).
pub fn render_table_with(
    report: &ImagesReport,
    color: bool,
    style: TableStyle,
    headers: bool,
) -> String {
    let with_used_by = report.images.iter().any(|e| !e.sources.is_empty());
    let contexts: std::collections::BTreeSet<&str> = report
        .images
        .iter()
        .flat_map(|e| &e.sources)
        .filter_map(|s| match s {
            UseSource::Object(o) => o.context.as_deref(),
            UseSource::File(_) => None,
        })
        .collect();
    let with_context = contexts.len() > 1;
    let header = ["IMAGE", "DIGEST", "VERDICT", "POLICY", "SIGNER", "DETAIL"];
    let hint_suffix = format!(" ({NO_POLICY_HINT})");
    let mut no_policy_hinted = 0usize;
    let rows: Vec<[String; 6]> = report
        .images
        .iter()
        .map(|e| {
            let mut detail = e.detail.clone();
            // The hint is printed once under the table, not in every row.
            if e.verdict == VerdictCode::NoPolicy
                && let Some(short) = detail.strip_suffix(&hint_suffix)
            {
                detail = short.to_owned();
                no_policy_hinted += 1;
            }
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
            // The detail names one attestation; with several, the table lists them all.
            if e.attestations.len() > 1 {
                let list: Vec<String> = e
                    .attestations
                    .iter()
                    .map(|a| format!("{} {}", a.name, a.result))
                    .collect();
                detail = format!("{detail}; attestations: {}", list.join(", "));
            }
            if let Some(r) = &e.rekor {
                let note = format!("rekor #{} at {}", r.log_index, r.integrated_time);
                detail = if detail.is_empty() {
                    note
                } else {
                    format!("{detail}; {note}")
                };
            }
            if e.cached {
                detail = if detail.is_empty() {
                    "from the cache".to_owned()
                } else {
                    format!("{detail}; from the cache")
                };
            }
            if detail.is_empty() {
                "-".clone_into(&mut detail);
            }
            if only_waiting(e) {
                detail = format!("not running yet (verified from the spec reference); {detail}");
            }
            if !e.enforced && !e.verdict.is_verified() {
                detail = format!("(warn) {detail}");
            }
            [
                e.reference.clone(),
                short_digest(e.digest.as_deref()),
                e.verdict.as_str().to_owned(),
                e.policy.clone().unwrap_or_else(|| "-".to_owned()),
                signer_text(e.signer.as_ref()),
                detail,
            ]
        })
        .collect();
    // USED BY goes after VERDICT, when present.
    let (header, rows): (Vec<String>, Vec<Vec<String>>) = if with_used_by {
        let mut h: Vec<String> = header.iter().map(|s| (*s).to_owned()).collect();
        h.insert(3, "USED BY".to_owned());
        let rows = rows
            .into_iter()
            .zip(&report.images)
            .map(|(r, e)| {
                let mut r = r.to_vec();
                r.insert(3, used_by(e, style, with_context));
                r
            })
            .collect();
        (h, rows)
    } else {
        (
            header.iter().map(|s| (*s).to_owned()).collect(),
            rows.into_iter().map(|r| r.to_vec()).collect(),
        )
    };
    let mut out = String::new();
    // No rows, no header: the summary line says `0 images`.
    if !rows.is_empty() {
        write_rows(&mut out, &header, &rows, &report.images, color, headers);
    }
    if !report.skipped.is_empty() {
        if !rows.is_empty() {
            out.push('\n');
        }
        let header = ["NOT VERIFIED", "REASON", "DETAIL"].map(str::to_owned);
        let rows: Vec<Vec<String>> = report
            .skipped
            .iter()
            .map(|k| {
                let at = match (k.line, k.column) {
                    (Some(l), Some(c)) => format!("{}:{l}:{c}", k.file),
                    (Some(l), None) => format!("{}:{l}", k.file),
                    _ => k.file.clone(),
                };
                vec![at, k.reason.as_str().to_owned(), k.detail.clone()]
            })
            .collect();
        write_rows(&mut out, &header, &rows, &[], false, headers);
    }
    // `--no-headers` is for scripts reading rows: no summary or hint lines either.
    if !headers {
        return out;
    }
    out.push_str(&summary_line(report));
    out.push('\n');
    if no_policy_hinted > 0 {
        let _ = writeln!(
            out,
            "hint: no policy covers {}: {NO_POLICY_HINT}",
            plural(no_policy_hinted, "image", "images")
        );
    }
    out
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `5 images: 3 verified, 1 unsigned, 1 no-policy`: every verdict with its count, verified
/// first, then the others in the order of the verdict table; then what did not fail the run
/// (`mode: warn`, `--allow-unmatched`) and what was not verified at all.
fn summary_line(report: &ImagesReport) -> String {
    let mut counts: Vec<(VerdictCode, usize)> = Vec::new();
    for e in &report.images {
        match counts.iter_mut().find(|(c, _)| *c == e.verdict) {
            Some((_, n)) => *n += 1,
            None => counts.push((e.verdict, 1)),
        }
    }
    counts.sort_by_key(|(c, _)| (!c.is_verified(), *c));
    let mut line = plural(report.images.len(), "image", "images");
    if !counts.is_empty() {
        let parts: Vec<String> = counts.iter().map(|(c, n)| format!("{n} {c}")).collect();
        let _ = write!(line, ": {}", parts.join(", "));
    }
    if report.summary.warned > 0 {
        let _ = write!(line, " ({} not enforced)", report.summary.warned);
    }
    if !report.skipped.is_empty() {
        let _ = write!(line, "; {} not verified", report.skipped.len());
    }
    line
}

/// Writes a header (unless `--no-headers`) and rows, columns padded to the widest cell; the verdict column (the third)
/// is coloured after the entry of the same index when `color`.
fn write_rows(
    out: &mut String,
    header: &[String],
    rows: &[Vec<String>],
    entries: &[ImageEntry],
    color: bool,
    headers: bool,
) {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: &[String], verdict: Option<&ImageEntry>, out: &mut String| {
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
    if headers {
        line(header, None, out);
    }
    for (i, row) in rows.iter().enumerate() {
        line(row, entries.get(i), out);
    }
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
            origin: None,
            results: Vec::new(),
            signer: None,
            format: None,
            rekor: None,
            attestations: Vec::new(),
            current_digest: None,
            sources: Vec::new(),
            cached: false,
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
IMAGE           DIGEST         VERDICT    POLICY   SIGNER                                         DETAIL
ghcr.io/a/b:1   0123456789ab   verified   -        me@example.com (https://accounts.google.com)   rekor #7 at 1970-01-01T00:00:00Z
x               0123456789ab   unsigned   -        -                                              (warn) -
2 images: 1 verified, 1 unsigned (1 not enforced)
";
        assert_eq!(plain, want);
        let coloured = render_table(&report, true);
        assert!(coloured.contains("\u{1b}["));
        assert!(!plain.contains("\u{1b}["));
    }

    fn file(name: &str, line: usize) -> UseSource {
        UseSource::File(SourceLocation {
            file: name.to_owned(),
            line,
            column: 12,
        })
    }

    /// Issue 9: the table said neither where an image was found nor which policy applied, and
    /// repeated the no-policy hint in every row; there was no summary line.
    #[test]
    fn table_says_where_which_policy_and_sums_up_with_one_hint() {
        let mut a = entry("a:1", VerdictCode::Verified, true);
        a.policy = Some("apps".into());
        a.sources = vec![
            file("k8s/a.yaml", 13),
            file("k8s/b.yaml", 4),
            file("k8s/c.yaml", 9),
        ];
        let no_policy = format!("{} ({NO_POLICY_HINT})", crate::verify::image::NO_POLICY);
        let mut b = entry("b:1", VerdictCode::NoPolicy, true);
        b.detail.clone_from(&no_policy);
        b.sources = vec![file("k8s/a.yaml", 20)];
        let mut c = entry("c:1", VerdictCode::NoPolicy, true);
        c.detail = no_policy;
        c.sources = vec![file("k8s/a.yaml", 30)];
        let mut d = entry("d:1", VerdictCode::Unsigned, true);
        d.policy = Some("apps".into());
        d.sources = vec![file("k8s/a.yaml", 40)];
        let report = ImagesReport::new(vec![a, b, c, d]).with_skipped(vec![Skipped {
            file: "chart/templates/web.yaml".into(),
            line: Some(1),
            column: Some(1),
            reason: SkipReason::Templated,
            detail: "a template".into(),
        }]);
        assert!(report.has_failures());
        let want = "\
IMAGE   DIGEST         VERDICT     USED BY              POLICY   SIGNER   DETAIL
a:1     0123456789ab   verified    k8s/a.yaml:13 (+2)   apps     -        -
b:1     0123456789ab   no-policy   k8s/a.yaml:20        -        -        no policy or flag says who should have signed this image
c:1     0123456789ab   no-policy   k8s/a.yaml:30        -        -        no policy or flag says who should have signed this image
d:1     0123456789ab   unsigned    k8s/a.yaml:40        apps     -        -

NOT VERIFIED                   REASON      DETAIL
chart/templates/web.yaml:1:1   templated   a template
4 images: 1 verified, 1 unsigned, 2 no-policy; 1 not verified
hint: no policy covers 2 images: give --certificate-identity and --certificate-oidc-issuer, --key, or --policy; --allow-unmatched skips it
";
        assert_eq!(render_table(&report, false), want);
        let json = serde_json::to_value(&report).unwrap();
        assert_eq!(json["skipped"][0]["reason"], "templated");
        assert_eq!(json["summary"]["skipped"], 1);
        assert!(json.get("errors").is_none());
        // The JSON detail keeps the hint: a script reads one entry at a time.
        assert!(
            json["images"][1]["detail"]
                .as_str()
                .unwrap()
                .contains("--policy")
        );
    }

    /// Issue 9: inputs with no images said "no images found" on stderr and printed nothing.
    #[test]
    fn an_empty_report_says_0_images() {
        let report = ImagesReport::new(Vec::new());
        assert_eq!(render_table(&report, false), "0 images\n");
        assert!(!report.has_failures());
        let json = serde_json::to_value(&report).unwrap();
        assert_eq!(json["summary"]["total"], 0);
        assert!(json.get("skipped").is_none() && json["images"].as_array().unwrap().is_empty());
    }
}
