//! `kubectl verify tree`: what is attached to each image, as a tree for people and as an
//! `AttachmentTree` document for machines.
//!
//! The tree: image → the manifest it names → its attachments; for an index, its platform
//! manifests → theirs. Each attachment line reads KIND, SOURCE (`.sig tag`, `.att tag`,
//! `.sbom tag`, `referrers API`, `fallback tag`), DIGEST (12 hex digits) and what is known
//! about it (layers, artifact type, predicate type). The first line says that listing is not
//! verifying; with `--verify`, each image line carries its verdict.
//!
//! Machine schema (`-o json|yaml`), `apiVersion: kubectl-verify/v1`, `kind: AttachmentTree`,
//! `schemaVersion: 1`:
//!
//! ```text
//! verified           whether --verify ran (false: nothing in the document is verified)
//! note               the same sentence the tree starts with
//! images[]:
//!   reference        as written
//!   digest           what it resolved to; null when it could not be
//!   mediaType        of that manifest
//!   referrers        referrers-api | tag-fallback | null (where referrers were listed from)
//!   attachments[]    {kind, source, tag, digest, mediaType, artifactType, predicateType,
//!                     predicateFrom, size, layers}
//!                    kind: signature | attestation | sbom | bundle | other
//!                    source: legacy-tag | referrers-api | tag-fallback
//!                    predicateFrom: annotation (nothing downloaded) | bundle (read from it)
//!   platforms[]      an index's platform manifests: {digest, platform, mediaType, referrers,
//!                    attachments[], limits[], errors[]}
//!   limits[]         per-image limits hit (what was not listed, and which constant)
//!   errors[]         lookups that failed (the listing is incomplete: exit 2)
//!   verification     --verify only: {verdict, enforced, detail, policy, signer, format,
//!                    carriedBy[] {digest, platform, format}} — the image's verdict, and the
//!                    digest(s) whose signature of that format verified
//! summary: {images, manifests, attachments, signatures, attestations, sboms, bundles,
//!           other, incomplete, verified and failed (with --verify)}
//! ```

use std::fmt::Write as _;

use owo_colors::OwoColorize;
use serde::Serialize;

use super::images::ImageEntry;
use super::verdict::{API_VERSION, StructuredFormat, render_structured};
use crate::tree::{Attachment, AttachmentKind, AttachmentSource, ImageTree, ManifestNode};
use crate::verify::image::Format;
use crate::verify::{Signer, VerdictCode};

/// The schema version of [`TreeReport`].
pub const TREE_SCHEMA_VERSION: u32 = 1;

/// What the output says when nothing was verified.
pub const LISTING_ONLY: &str = "listing only: nothing here is verified; add --verify to verify \
                                each image's signature under the current flags and policy";
/// What it says with `--verify`.
pub const WITH_VERIFY: &str = "attachments are listed, not verified; each image's verdict is \
                               its signature verification under the current flags and policy";

/// A digest whose signature carried an image's verdict.
#[derive(Debug, Clone, Serialize)]
pub struct Carrier {
    pub digest: String,
    /// `os/arch` for a platform manifest, `null` for the image's own digest or an index.
    pub platform: Option<String>,
    pub format: Option<Format>,
}

/// `--verify`: one image's verdict, as `kubectl verify image` gives it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Verification {
    pub verdict: VerdictCode,
    pub enforced: bool,
    pub detail: String,
    pub policy: Option<String>,
    pub signer: Option<Signer>,
    pub format: Option<Format>,
    /// For a verified image: the digest(s) whose signature (of `format`) verified.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub carried_by: Vec<Carrier>,
}

impl Verification {
    /// From the image report's entry (the normal verification path).
    pub fn from_entry(e: &ImageEntry) -> Self {
        let carried_by = if e.verdict.is_verified() {
            if e.verified_by.is_empty() {
                e.digest
                    .iter()
                    .map(|d| Carrier {
                        digest: d.clone(),
                        platform: None,
                        format: e.format,
                    })
                    .collect()
            } else {
                e.verified_by
                    .iter()
                    .map(|v| Carrier {
                        digest: v.digest.clone(),
                        platform: v.platform.clone(),
                        format: e.format,
                    })
                    .collect()
            }
        } else {
            Vec::new()
        };
        Self {
            verdict: e.verdict,
            enforced: e.enforced,
            detail: e.detail.clone(),
            policy: e.policy.clone(),
            signer: e.signer.clone(),
            format: e.format,
            carried_by,
        }
    }

    fn fails(&self) -> bool {
        self.enforced && !self.verdict.is_verified()
    }
}

/// One image in the document.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TreeImage {
    pub reference: String,
    pub digest: Option<String>,
    pub media_type: Option<String>,
    pub referrers: Option<AttachmentSource>,
    pub attachments: Vec<Attachment>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub platforms: Vec<ManifestNode>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub limits: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verification: Option<Verification>,
}

impl TreeImage {
    pub fn new(tree: ImageTree, verification: Option<Verification>) -> Self {
        let reference = tree.reference.original().to_owned();
        match tree.root {
            Some(root) => Self {
                reference,
                digest: Some(root.digest.to_string()),
                media_type: root.media_type,
                referrers: root.referrers,
                attachments: root.attachments,
                platforms: root.platforms,
                limits: root.limits,
                errors: root.errors,
                verification,
            },
            None => Self {
                reference,
                digest: None,
                media_type: None,
                referrers: None,
                attachments: Vec::new(),
                platforms: Vec::new(),
                limits: Vec::new(),
                errors: tree.error.into_iter().collect(),
                verification,
            },
        }
    }

    /// Every attachment: the image's own and its platform manifests'.
    fn all_attachments(&self) -> impl Iterator<Item = &Attachment> {
        self.attachments.iter().chain(
            self.platforms
                .iter()
                .flat_map(|p| p.nodes().into_iter().flat_map(|n| n.attachments.iter())),
        )
    }

    /// True when a lookup failed: the listing is incomplete.
    pub fn incomplete(&self) -> bool {
        !self.errors.is_empty() || self.platforms.iter().any(ManifestNode::has_errors)
    }
}

/// Counts over the whole document.
#[derive(Debug, Clone, Serialize)]
pub struct TreeSummary {
    pub images: usize,
    /// Manifests listed: the images' and their platform manifests.
    pub manifests: usize,
    pub attachments: usize,
    pub signatures: usize,
    pub attestations: usize,
    pub sboms: usize,
    pub bundles: usize,
    pub other: usize,
    /// Images whose listing is incomplete (a lookup failed).
    pub incomplete: usize,
    /// `--verify` only: images that verified, and images whose verdict fails the run.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verified: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failed: Option<usize>,
}

/// A runtime error in the document.
#[derive(Debug, Clone, Serialize)]
pub struct RunError {
    pub message: String,
}

/// `kubectl verify tree -o json|yaml`, schema version [`TREE_SCHEMA_VERSION`].
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TreeReport {
    pub api_version: &'static str,
    pub kind: &'static str,
    pub schema_version: u32,
    pub verified: bool,
    pub note: &'static str,
    pub images: Vec<TreeImage>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<RunError>,
    pub summary: TreeSummary,
}

impl TreeReport {
    /// `verified`: whether `--verify` ran (each image then carries its verification).
    pub fn new(images: Vec<TreeImage>, verified: bool) -> Self {
        let count = |k: AttachmentKind| {
            images
                .iter()
                .flat_map(TreeImage::all_attachments)
                .filter(|a| a.kind == k)
                .count()
        };
        let summary = TreeSummary {
            images: images.len(),
            manifests: images
                .iter()
                .filter(|i| i.digest.is_some())
                .map(|i| 1 + i.platforms.iter().map(|p| p.nodes().len()).sum::<usize>())
                .sum(),
            attachments: images.iter().flat_map(TreeImage::all_attachments).count(),
            signatures: count(AttachmentKind::Signature),
            attestations: count(AttachmentKind::Attestation),
            sboms: count(AttachmentKind::Sbom),
            bundles: count(AttachmentKind::Bundle),
            other: count(AttachmentKind::Other),
            incomplete: images.iter().filter(|i| i.incomplete()).count(),
            verified: verified.then(|| {
                images
                    .iter()
                    .filter(|i| {
                        i.verification
                            .as_ref()
                            .is_some_and(|v| v.verdict.is_verified())
                    })
                    .count()
            }),
            failed: verified.then(|| {
                images
                    .iter()
                    .filter(|i| i.verification.as_ref().is_some_and(Verification::fails))
                    .count()
            }),
        };
        Self {
            api_version: API_VERSION,
            kind: "AttachmentTree",
            schema_version: TREE_SCHEMA_VERSION,
            verified,
            note: if verified { WITH_VERIFY } else { LISTING_ONLY },
            images,
            errors: Vec::new(),
            summary,
        }
    }

    /// The report with the error that stopped the run (`{:#}`: the whole chain).
    #[must_use]
    pub fn with_error(mut self, e: &anyhow::Error) -> Self {
        self.errors.push(RunError {
            message: format!("{e:#}"),
        });
        self
    }

    /// True when some image's listing is incomplete (exit 2).
    pub fn incomplete(&self) -> bool {
        self.summary.incomplete > 0
    }

    /// True when `--verify` ran and some image's verdict fails the run (exit 1).
    pub fn has_failures(&self) -> bool {
        self.summary.failed.unwrap_or(0) > 0
    }
}

/// Writes the report: the tree, or `-o json|yaml`.
pub fn write(report: &TreeReport, format: Option<StructuredFormat>) -> std::io::Result<()> {
    let text = match format {
        Some(f) => render_structured(report, f).map_err(std::io::Error::other)?,
        None => render_tree(report, super::stdout_color()),
    };
    super::out(&text)
}

/// A line of the tree: free text, or an attachment row whose cells are aligned.
enum Line {
    Text(String),
    Row { prefix: String, cells: [String; 4] },
}

/// The tree for people.
pub fn render_tree(report: &TreeReport, color: bool) -> String {
    let mut lines = vec![Line::Text(report.note.to_owned())];
    for image in &report.images {
        lines.push(Line::Text(image_line(image, color)));
        match &image.digest {
            None => {
                for e in &image.errors {
                    lines.push(Line::Text(format!("└── error: {e}")));
                }
            }
            Some(digest) => {
                let line = match image.platforms.len() {
                    0 if is_index(image.media_type.as_deref()) => {
                        format!("index {}", short(digest))
                    }
                    0 => format!("manifest {}", short(digest)),
                    n => format!(
                        "index {} ({})",
                        short(digest),
                        plural(n, "platform manifest", "platform manifests")
                    ),
                };
                lines.push(Line::Text(format!("└── {line}")));
                let node = NodeView {
                    attachments: &image.attachments,
                    limits: &image.limits,
                    errors: &image.errors,
                    platforms: &image.platforms,
                };
                node_lines(&node, "    ", &mut lines);
            }
        }
    }
    let mut out = String::new();
    let kind_width = lines
        .iter()
        .filter_map(|l| match l {
            Line::Row { prefix, cells } => Some(prefix.chars().count() + cells[0].len()),
            Line::Text(_) => None,
        })
        .max()
        .unwrap_or(0);
    let source_width = lines
        .iter()
        .filter_map(|l| match l {
            Line::Row { cells, .. } => Some(cells[1].len()),
            Line::Text(_) => None,
        })
        .max()
        .unwrap_or(0);
    for l in lines {
        match l {
            Line::Text(t) => {
                out.push_str(&t);
                out.push('\n');
            }
            Line::Row { prefix, cells } => {
                let pad = kind_width - prefix.chars().count();
                let row = format!(
                    "{prefix}{:<pad$}  {:<source_width$}  {}  {}",
                    cells[0], cells[1], cells[2], cells[3]
                );
                out.push_str(row.trim_end());
                out.push('\n');
            }
        }
    }
    out.push_str(&summary_line(report));
    out.push('\n');
    out
}

/// The parts of a manifest node the tree shows (the image's own node is spread over
/// [`TreeImage`]).
struct NodeView<'a> {
    attachments: &'a [Attachment],
    limits: &'a [String],
    errors: &'a [String],
    platforms: &'a [ManifestNode],
}

fn node_lines(node: &NodeView<'_>, indent: &str, lines: &mut Vec<Line>) {
    enum Item<'a> {
        Attachment(&'a Attachment),
        Note(String),
        Platform(&'a ManifestNode),
    }
    let mut items: Vec<Item<'_>> = Vec::new();
    items.extend(node.attachments.iter().map(Item::Attachment));
    items.extend(
        node.limits
            .iter()
            .map(|l| Item::Note(format!("limit: {l}"))),
    );
    items.extend(
        node.errors
            .iter()
            .map(|e| Item::Note(format!("error: {e}"))),
    );
    items.extend(node.platforms.iter().map(Item::Platform));
    if items.is_empty() {
        lines.push(Line::Text(format!("{indent}└── (nothing attached)")));
        return;
    }
    let n = items.len();
    for (i, item) in items.into_iter().enumerate() {
        let last = i + 1 == n;
        let branch = if last { "└── " } else { "├── " };
        let below = format!("{indent}{}", if last { "    " } else { "│   " });
        match item {
            Item::Attachment(a) => lines.push(Line::Row {
                prefix: format!("{indent}{branch}"),
                cells: attachment_cells(a),
            }),
            Item::Note(t) => lines.push(Line::Text(format!("{indent}{branch}{t}"))),
            Item::Platform(p) => {
                let platform = p.platform.as_deref().unwrap_or("platform manifest");
                lines.push(Line::Text(format!(
                    "{indent}{branch}{platform} {}",
                    p.digest.short()
                )));
                let view = NodeView {
                    attachments: &p.attachments,
                    limits: &p.limits,
                    errors: &p.errors,
                    platforms: &p.platforms,
                };
                node_lines(&view, &below, lines);
            }
        }
    }
}

fn attachment_cells(a: &Attachment) -> [String; 4] {
    let source = match (a.source, a.tag.as_deref()) {
        (AttachmentSource::LegacyTag, Some(tag)) => match tag.rsplit_once('.') {
            Some((_, suffix)) => format!(".{suffix} tag"),
            None => "legacy tag".to_owned(),
        },
        (AttachmentSource::LegacyTag, None) => "legacy tag".to_owned(),
        (AttachmentSource::ReferrersApi, _) => "referrers API".to_owned(),
        (AttachmentSource::TagFallback, _) => "fallback tag".to_owned(),
    };
    let mut detail: Vec<String> = Vec::new();
    if let Some(n) = a.layers {
        detail.push(plural(n, "layer", "layers"));
    }
    match &a.artifact_type {
        Some(t) if crate::evidence::BUNDLE_TYPES.contains(&t.as_str()) => {
            detail.push("sigstore bundle".to_owned());
        }
        Some(t) => detail.push(t.clone()),
        None => {}
    }
    match (&a.predicate_type, a.predicate_from) {
        (Some(p), Some(crate::tree::PredicateFrom::Bundle)) => {
            detail.push(format!("predicate {p} (read from the bundle)"));
        }
        (Some(p), _) => detail.push(format!("predicate {p}")),
        (None, _) if a.kind == AttachmentKind::Bundle => {
            detail.push("predicate type unknown".to_owned());
        }
        (None, _) => {}
    }
    [
        a.kind.as_str().to_owned(),
        source,
        short(&a.digest),
        detail.join(", "),
    ]
}

fn image_line(image: &TreeImage, color: bool) -> String {
    let Some(v) = &image.verification else {
        return image.reference.clone();
    };
    let code = v.verdict.as_str();
    let code = if !color {
        code.to_owned()
    } else if v.verdict.is_verified() {
        code.green().to_string()
    } else if v.enforced {
        code.red().to_string()
    } else {
        code.yellow().to_string()
    };
    let mut parts = vec![format!("{}  {code}", image.reference)];
    match &v.signer {
        Some(Signer::Keyless { identity, issuer }) => {
            parts.push(format!("by {identity} ({issuer})"));
        }
        Some(Signer::Key { fingerprint }) => parts.push(format!("by key {fingerprint}")),
        None => {}
    }
    for c in &v.carried_by {
        let format = match c.format {
            Some(Format::Legacy) => ".sig signature",
            Some(Format::Bundle) => "bundle signature",
            None => "signature",
        };
        let on = match &c.platform {
            Some(p) => format!("{p} {}", short(&c.digest)),
            None => short(&c.digest),
        };
        parts.push(format!("{format} of {on}"));
    }
    if !v.verdict.is_verified() && !v.detail.is_empty() {
        parts.push(v.detail.clone());
    }
    if !v.enforced && !v.verdict.is_verified() {
        parts.push("(warn)".to_owned());
    }
    let mut line = parts.remove(0);
    if !parts.is_empty() {
        let _ = write!(line, "  {}", parts.join(", "));
    }
    line
}

fn summary_line(report: &TreeReport) -> String {
    let s = &report.summary;
    let mut kinds = Vec::new();
    for (n, one, many) in [
        (s.signatures, "signature", "signatures"),
        (s.attestations, "attestation", "attestations"),
        (s.sboms, "sbom", "sboms"),
        (s.bundles, "bundle", "bundles"),
        (s.other, "other", "other"),
    ] {
        if n > 0 {
            kinds.push(plural(n, one, many));
        }
    }
    let mut line = format!(
        "{}, {}, {}",
        plural(s.images, "image", "images"),
        plural(s.manifests, "manifest", "manifests"),
        plural(s.attachments, "attachment", "attachments")
    );
    if !kinds.is_empty() {
        let _ = write!(line, " ({})", kinds.join(", "));
    }
    if let (Some(v), Some(f)) = (s.verified, s.failed) {
        let _ = write!(line, "; {v} verified, {f} failed");
    }
    if s.incomplete > 0 {
        let _ = write!(
            line,
            "; {} incomplete (a lookup failed)",
            plural(s.incomplete, "listing", "listings")
        );
    }
    line
}

fn is_index(media_type: Option<&str>) -> bool {
    media_type.is_some_and(|m| m.contains("index") || m.contains("manifest.list"))
}

/// 12 hex digits of a digest (`sha256:` dropped), or the text as it is.
fn short(digest: &str) -> String {
    match digest.split_once(':') {
        Some((_, hex)) if hex.len() >= 12 => hex[..12].to_owned(),
        _ => digest.to_owned(),
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
