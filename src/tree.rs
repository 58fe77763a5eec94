//! `kubectl verify tree`: everything attached to an image, as data. Listing, not verifying:
//! nothing here judges a signature (`--verify` runs the normal verification path beside it).
//!
//! For each image digest `D` (and, for an index, each platform manifest it lists), in
//! repository `R` (or `--signature-repository`):
//!
//! - the legacy cosign tags `sha256-<hex of D>.sig`, `.att` and `.sbom`: one manifest each,
//!   whose layers are the signatures, attestations (their `predicateType` annotations) and
//!   SBOMs;
//! - the OCI 1.1 referrers of `D`: the referrers API, or the tag-schema fallback index at
//!   `sha256-<hex of D>` ([`evidence::list_referrers`], the lookup signature verification
//!   uses), unfiltered. Sigstore bundles are labelled from the
//!   `dev.sigstore.bundle.predicateType` annotation of the listing, without downloading them;
//!   a bundle listed without it is downloaded (its referrer manifest, then the bundle, at most
//!   [`MAX_SIGNATURE_BLOBS`] per digest) to read the predicate type of its statement.
//!
//! Bounded as verification is (the constants of [`crate::evidence`]): at most
//! [`MAX_REFERRERS`] referrers and [`MAX_CHILDREN`] platform manifests are listed, a `.sig`
//! with more than [`MAX_SIGNATURE_LAYERS`] layers is noted, and one image's listing must end
//! within [`evidence::image_deadline`]. A limit hit is a note on the node that hit it.
//!
//! Requests for one single-platform image: resolving the tag (none for a digest), its
//! manifest, the referrers API (and, without one, the fallback tag), and the three legacy
//! tags: 6 with a referrers API, 7 without. An index adds 4 or 5 per platform manifest.

use std::collections::HashSet;

use futures::StreamExt as _;
use serde::{Deserialize, Serialize};

use crate::evidence::{
    self, BUNDLE_TYPES, COSIGN_SIGN_PREDICATE, ListingError, MAX_CHILDREN, MAX_REFERRERS,
    MAX_SIGNATURE_BLOB, MAX_SIGNATURE_BLOBS, MAX_SIGNATURE_LAYERS, ReferrersFrom,
};
use crate::reference::{Digest, ImageRef, excerpt};
use crate::registry::{Registry, RegistryError};

/// The annotation cosign 3 puts on a bundle's referrer descriptor (and manifest).
pub const PREDICATE_ANNOTATION: &str = "dev.sigstore.bundle.predicateType";

/// What an attachment is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AttachmentKind {
    /// A signature: a legacy `.sig` tag, a Sigstore bundle with cosign's signature predicate
    /// (or a message signature), a Notary signature.
    Signature,
    /// An attestation: a legacy `.att` tag, a Sigstore bundle with another predicate, an
    /// in-toto/DSSE artifact.
    Attestation,
    /// A software bill of materials: a legacy `.sbom` tag, an SPDX/CycloneDX/Syft artifact.
    Sbom,
    /// A Sigstore bundle whose predicate type is not known (not annotated, and not readable).
    Bundle,
    /// Any other referrer.
    Other,
}

impl AttachmentKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Signature => "signature",
            Self::Attestation => "attestation",
            Self::Sbom => "sbom",
            Self::Bundle => "bundle",
            Self::Other => "other",
        }
    }
}

/// Where an attachment was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AttachmentSource {
    /// A cosign 2 tag `sha256-<hex>.sig|.att|.sbom`.
    LegacyTag,
    /// The OCI 1.1 referrers API.
    ReferrersApi,
    /// The referrers tag-schema fallback index at `sha256-<hex>`.
    TagFallback,
}

impl From<ReferrersFrom> for AttachmentSource {
    fn from(f: ReferrersFrom) -> Self {
        match f {
            ReferrersFrom::Api => Self::ReferrersApi,
            ReferrersFrom::TagFallback => Self::TagFallback,
        }
    }
}

/// How a predicate type was learnt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PredicateFrom {
    /// The listing's (or the legacy layer's) annotation: nothing was downloaded.
    Annotation,
    /// The bundle was downloaded and its statement read.
    Bundle,
}

/// One thing attached to a manifest.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Attachment {
    pub kind: AttachmentKind,
    pub source: AttachmentSource,
    /// The legacy tag it is at (`sha256-<hex>.sig`); `null` for referrers.
    pub tag: Option<String>,
    /// The attachment's manifest digest, as listed (quoted at most 200 bytes).
    pub digest: String,
    pub media_type: Option<String>,
    /// The referrer's `artifactType`; for a legacy tag, its layers' media types.
    pub artifact_type: Option<String>,
    /// The in-toto predicate type (bundles, `.att` layers), several joined by `, `.
    pub predicate_type: Option<String>,
    pub predicate_from: Option<PredicateFrom>,
    /// Bytes of the attachment's manifest.
    pub size: Option<u64>,
    /// A legacy tag's layers: how many signatures, attestations or SBOMs it holds.
    pub layers: Option<usize>,
}

/// A manifest (an image's, or one platform manifest of an index) and what is attached to it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ManifestNode {
    pub digest: Digest,
    /// `os/arch[/variant]` for a platform manifest of an index.
    pub platform: Option<String>,
    /// The manifest's media type (known for the manifest the reference names).
    pub media_type: Option<String>,
    /// Where the referrers were listed from: the API, the fallback tag, or `null` when there
    /// is neither (or listing them failed).
    pub referrers: Option<AttachmentSource>,
    pub attachments: Vec<Attachment>,
    /// Per-image limits this node hit: what was not listed, and which constant says so.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub limits: Vec<String>,
    /// Lookups that failed: the listing is incomplete.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<String>,
    /// For an index, its platform manifests (attestation entries `unknown/unknown` left out).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub platforms: Vec<ManifestNode>,
}

impl ManifestNode {
    fn new(digest: Digest, platform: Option<String>, media_type: Option<String>) -> Self {
        Self {
            digest,
            platform,
            media_type,
            referrers: None,
            attachments: Vec::new(),
            limits: Vec::new(),
            errors: Vec::new(),
            platforms: Vec::new(),
        }
    }

    /// This node and its platform manifests, depth first.
    pub fn nodes(&self) -> Vec<&ManifestNode> {
        let mut out = vec![self];
        for p in &self.platforms {
            out.extend(p.nodes());
        }
        out
    }

    /// True when a lookup failed here or below.
    pub fn has_errors(&self) -> bool {
        self.nodes().iter().any(|n| !n.errors.is_empty())
    }
}

/// The listing of one image reference.
#[derive(Debug, Clone)]
pub struct ImageTree {
    pub reference: ImageRef,
    /// The manifest the reference names; `None` when it could not be resolved or fetched
    /// (then `error` says why).
    pub root: Option<ManifestNode>,
    pub error: Option<String>,
}

impl ImageTree {
    /// True when the listing is incomplete: the image or one of its lookups failed.
    pub fn failed(&self) -> bool {
        self.error.is_some() || self.root.as_ref().is_some_and(ManifestNode::has_errors)
    }
}

/// Lists what is attached to each image, `concurrency` images at a time, in the order given
/// (duplicates by spelling listed once). `signature_repository`: where attachments live
/// instead of each image's repository.
pub async fn list_images(
    registry: &Registry,
    images: &[ImageRef],
    signature_repository: Option<&ImageRef>,
    concurrency: usize,
) -> Vec<ImageTree> {
    let mut seen = HashSet::new();
    let images: Vec<&ImageRef> = images
        .iter()
        .filter(|r| seen.insert(r.original().to_owned()))
        .collect();
    let mut out: Vec<(usize, ImageTree)> = futures::stream::iter(images.into_iter().enumerate())
        .map(|(i, image)| async move {
            let limit = evidence::image_deadline(registry);
            let listed = tokio::time::timeout(
                limit,
                list_image(registry, image, signature_repository.unwrap_or(image)),
            )
            .await;
            let tree = listed.unwrap_or_else(|_| ImageTree {
                reference: image.clone(),
                root: None,
                error: Some(format!(
                    "listing {} took longer than the per-image deadline of {limit:?} \
                     ({} × --timeout); gave up",
                    image.original(),
                    evidence::IMAGE_DEADLINE_FACTOR
                )),
            });
            (i, tree)
        })
        .buffer_unordered(concurrency.max(1))
        .collect()
        .await;
    out.sort_by_key(|(i, _)| *i);
    out.into_iter().map(|(_, t)| t).collect()
}

async fn list_image(registry: &Registry, image: &ImageRef, repo: &ImageRef) -> ImageTree {
    let failed = |e: String| ImageTree {
        reference: image.clone(),
        root: None,
        error: Some(e),
    };
    let digest = match registry.resolve(image).await {
        Ok(d) => d,
        Err(e) => return failed(format!("resolving {}: {e}", image.original())),
    };
    crate::report::log(2, || format!("{}: resolved to {digest}", image.original()));
    let manifest = match registry.manifest(image, digest.as_str()).await {
        Ok(m) => m,
        Err(e) => return failed(format!("fetching the manifest {digest}: {e}")),
    };
    let media_type = Some(manifest.media_type.clone()).filter(|m| !m.is_empty());
    let mut root = ManifestNode::new(digest, None, media_type);
    list_node(registry, repo, &mut root).await;
    if let Some(children) = evidence::index_children(&manifest.bytes) {
        if children.len() > MAX_CHILDREN {
            root.limits.push(format!(
                "the index lists {} platform manifests; the first {MAX_CHILDREN} are listed \
                 (MAX_CHILDREN)",
                children.len()
            ));
        }
        for c in children.into_iter().take(MAX_CHILDREN) {
            match c.digest {
                Ok(d) => {
                    let mut node = ManifestNode::new(d, c.platform, None);
                    list_node(registry, repo, &mut node).await;
                    root.platforms.push(node);
                }
                Err(why) => root.errors.push(format!(
                    "the {} manifest cannot be listed: {why}",
                    c.platform.as_deref().unwrap_or("platform")
                )),
            }
        }
    }
    ImageTree {
        reference: image.clone(),
        root: Some(root),
        error: None,
    }
}

/// The legacy tags and their kinds, in the order listed.
const LEGACY_TAGS: [(&str, AttachmentKind); 3] = [
    ("sig", AttachmentKind::Signature),
    ("att", AttachmentKind::Attestation),
    ("sbom", AttachmentKind::Sbom),
];

/// Fills in the attachments of one manifest: legacy tags first, then referrers as listed.
async fn list_node(registry: &Registry, repo: &ImageRef, node: &mut ManifestNode) {
    let digest = node.digest.clone();
    let (legacy, referrers) = futures::join!(
        futures::future::join_all(
            LEGACY_TAGS
                .iter()
                .map(|(suffix, kind)| legacy_tag(registry, repo, &digest, suffix, *kind))
        ),
        evidence::list_referrers(registry, repo, &digest, None, "no referrers"),
    );
    for found in legacy {
        match found {
            Ok(Some((attachment, limit))) => {
                node.attachments.push(attachment);
                node.limits.extend(limit);
            }
            Ok(None) => {}
            Err(e) => node.errors.push(e),
        }
    }
    let (from, index) = match referrers {
        Ok(Some(listed)) => listed,
        Ok(None) => return,
        Err(ListingError::Api(e)) => {
            node.errors
                .push(format!("listing the referrers of {}: {e}", digest.short()));
            return;
        }
        Err(ListingError::Fallback(e)) => {
            node.errors.push(format!(
                "fetching the referrers fallback tag {}: {e}",
                digest.tag_form()
            ));
            return;
        }
    };
    node.referrers = Some(from.into());
    let entries = match referrer_entries(&index) {
        Ok(e) => e,
        Err(why) => {
            node.errors.push(format!(
                "the referrers index of {} does not parse: {why}",
                digest.short()
            ));
            return;
        }
    };
    if entries.len() > MAX_REFERRERS {
        node.limits.push(format!(
            "{} referrers are listed; the first {MAX_REFERRERS} are shown (MAX_REFERRERS)",
            entries.len()
        ));
    }
    let mut downloads = 0usize;
    for entry in entries.into_iter().take(MAX_REFERRERS) {
        let mut a = classify(&entry, from.into());
        if a.kind == AttachmentKind::Bundle {
            if downloads < MAX_SIGNATURE_BLOBS {
                downloads += 1;
                match bundle_predicate(registry, repo, &entry.digest).await {
                    Ok(Some(found)) => {
                        a.kind = found.kind;
                        a.predicate_type = found.predicate_type;
                        a.predicate_from = Some(PredicateFrom::Bundle);
                    }
                    Ok(None) => {}
                    Err(e) => node.errors.push(format!(
                        "reading bundle {} for its predicate type: {e}",
                        excerpt(&entry.digest)
                    )),
                }
            } else if downloads == MAX_SIGNATURE_BLOBS {
                downloads += 1;
                node.limits.push(format!(
                    "more than {MAX_SIGNATURE_BLOBS} bundles are listed without a predicate \
                     type; the rest were not downloaded (MAX_SIGNATURE_BLOBS)"
                ));
            }
        }
        node.attachments.push(a);
    }
}

/// A legacy tag's attachment (and a limit note), `None` when the tag does not exist.
async fn legacy_tag(
    registry: &Registry,
    repo: &ImageRef,
    digest: &Digest,
    suffix: &str,
    kind: AttachmentKind,
) -> Result<Option<(Attachment, Option<String>)>, String> {
    let tag = format!("{}.{suffix}", digest.tag_form());
    if !crate::reference::valid_tag(&tag) {
        // Longer than a tag may be (a sha512 digest): no registry can hold it.
        return Ok(None);
    }
    let m = match registry.manifest(repo, &tag).await {
        Ok(m) => m,
        Err(RegistryError::NotFound { .. }) => {
            crate::report::log(2, || format!("{}: tag {tag}: not found", repo.original()));
            return Ok(None);
        }
        Err(e) => return Err(format!("fetching the tag {tag}: {e}")),
    };
    let layers = serde_json::from_slice::<LayersDoc>(&m.bytes)
        .map(|d| d.layers)
        .unwrap_or_default();
    crate::report::log(2, || {
        format!("{}: tag {tag}: {} layer(s)", repo.original(), layers.len())
    });
    let distinct = |values: Vec<&str>| {
        let mut seen = HashSet::new();
        let v: Vec<&str> = values.into_iter().filter(|v| seen.insert(*v)).collect();
        (!v.is_empty()).then(|| excerpt(&v.join(", ")))
    };
    let predicate_type = distinct(
        layers
            .iter()
            .filter_map(|l| l.annotations.get("predicateType").map(String::as_str))
            .collect(),
    );
    let limit =
        (kind == AttachmentKind::Signature && layers.len() > MAX_SIGNATURE_LAYERS).then(|| {
            format!(
                "the tag {tag} has {} layers, more than the {MAX_SIGNATURE_LAYERS} verification \
                 looks at (MAX_SIGNATURE_LAYERS)",
                layers.len()
            )
        });
    let attachment = Attachment {
        kind,
        source: AttachmentSource::LegacyTag,
        tag: Some(tag),
        digest: m.digest.to_string(),
        media_type: Some(m.media_type).filter(|t| !t.is_empty()),
        artifact_type: distinct(
            layers
                .iter()
                .filter_map(|l| l.media_type.as_deref())
                .collect(),
        ),
        predicate_from: predicate_type.as_ref().map(|_| PredicateFrom::Annotation),
        predicate_type,
        size: Some(m.bytes.len() as u64),
        layers: Some(layers.len()),
    };
    Ok(Some((attachment, limit)))
}

/// An entry of a referrers index.
#[derive(Debug, Deserialize)]
struct Entry {
    #[serde(rename = "mediaType", default)]
    media_type: Option<String>,
    #[serde(default)]
    digest: String,
    #[serde(rename = "artifactType", default)]
    artifact_type: Option<String>,
    #[serde(default)]
    size: Option<u64>,
    #[serde(default)]
    annotations: std::collections::HashMap<String, String>,
}

#[derive(Debug, Deserialize)]
struct EntriesDoc {
    #[serde(default)]
    manifests: Vec<Entry>,
}

#[derive(Debug, Deserialize)]
struct LayersDoc {
    #[serde(default)]
    layers: Vec<Entry>,
}

/// The entries of a referrers index, each digest once, in the order first listed.
fn referrer_entries(index: &[u8]) -> Result<Vec<Entry>, String> {
    let doc: EntriesDoc = serde_json::from_slice(index).map_err(|e| e.to_string())?;
    let mut seen = HashSet::new();
    Ok(doc
        .manifests
        .into_iter()
        .filter(|e| seen.insert(e.digest.clone()))
        .collect())
}

fn is_bundle_type(t: &str) -> bool {
    BUNDLE_TYPES.contains(&t)
}

/// What a referrer is, from its descriptor alone (nothing downloaded). A Sigstore bundle
/// without the predicate annotation is [`AttachmentKind::Bundle`] until it is read.
fn classify(e: &Entry, source: AttachmentSource) -> Attachment {
    let artifact_type = e.artifact_type.as_deref().or(e.media_type.as_deref());
    let predicate = e.annotations.get(PREDICATE_ANNOTATION).cloned();
    let kind = match artifact_type {
        Some(t) if is_bundle_type(t) => match predicate.as_deref() {
            Some(COSIGN_SIGN_PREDICATE) => AttachmentKind::Signature,
            Some(_) => AttachmentKind::Attestation,
            None => AttachmentKind::Bundle,
        },
        Some(t) => kind_of_type(t),
        None => AttachmentKind::Other,
    };
    Attachment {
        kind,
        source,
        tag: None,
        digest: excerpt(&e.digest),
        media_type: e.media_type.as_deref().map(excerpt),
        artifact_type: e.artifact_type.as_deref().map(excerpt),
        predicate_from: predicate.as_ref().map(|_| PredicateFrom::Annotation),
        predicate_type: predicate.as_deref().map(excerpt),
        size: e.size,
        layers: None,
    }
}

/// The kind an artifact type names (other than a Sigstore bundle).
fn kind_of_type(t: &str) -> AttachmentKind {
    let t = t.to_ascii_lowercase();
    if t.contains("spdx") || t.contains("cyclonedx") || t.contains("syft") {
        AttachmentKind::Sbom
    } else if t.contains("in-toto") || t.contains("dsse") || t.contains("attestation") {
        AttachmentKind::Attestation
    } else if t.contains("signature") {
        // Notary (`application/vnd.cncf.notary.signature`) and similar.
        AttachmentKind::Signature
    } else {
        AttachmentKind::Other
    }
}

/// What reading a bundle told.
struct Read {
    kind: AttachmentKind,
    predicate_type: Option<String>,
}

/// Downloads a bundle referrer (its manifest, then the bundle layer, bounded by
/// [`MAX_SIGNATURE_BLOB`]) for its predicate type. `Ok(None)` when it holds no bundle layer.
async fn bundle_predicate(
    registry: &Registry,
    repo: &ImageRef,
    digest: &str,
) -> Result<Option<Read>, RegistryError> {
    #[derive(Deserialize)]
    struct Doc {
        #[serde(default)]
        layers: Vec<Entry>,
        #[serde(default)]
        annotations: std::collections::HashMap<String, String>,
    }
    let Ok(d) = Digest::parse(digest) else {
        return Ok(None);
    };
    let m = registry.manifest(repo, d.as_str()).await?;
    let Ok(doc) = serde_json::from_slice::<Doc>(&m.bytes) else {
        return Ok(None);
    };
    if let Some(p) = doc.annotations.get(PREDICATE_ANNOTATION) {
        return Ok(Some(read_predicate(Some(p))));
    }
    let Some(layer) = doc
        .layers
        .iter()
        .find(|l| l.media_type.as_deref().is_some_and(is_bundle_type))
        .and_then(|l| Digest::parse(&l.digest).ok())
    else {
        return Ok(None);
    };
    let json = registry.blob(repo, &layer, MAX_SIGNATURE_BLOB).await?;
    let predicate = crate::verify::image::bundle_predicate_type(&json);
    if predicate.is_none() && !is_message_signature(&json) {
        return Ok(None);
    }
    Ok(Some(read_predicate(predicate.as_deref())))
}

fn read_predicate(predicate: Option<&str>) -> Read {
    let kind = match predicate {
        None | Some(COSIGN_SIGN_PREDICATE) => AttachmentKind::Signature,
        Some(_) => AttachmentKind::Attestation,
    };
    Read {
        kind,
        predicate_type: predicate.map(excerpt),
    }
}

/// A bundle carrying a message signature (no statement): a signature.
fn is_message_signature(json: &[u8]) -> bool {
    serde_json::from_slice::<serde_json::Value>(json)
        .ok()
        .is_some_and(|v| v.get("messageSignature").is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(artifact_type: Option<&str>, predicate: Option<&str>) -> Entry {
        Entry {
            media_type: Some("application/vnd.oci.image.manifest.v1+json".into()),
            digest: format!("sha256:{}", "1".repeat(64)),
            artifact_type: artifact_type.map(Into::into),
            size: Some(1),
            annotations: predicate
                .map(|p| [(PREDICATE_ANNOTATION.to_owned(), p.to_owned())].into())
                .unwrap_or_default(),
        }
    }

    #[test]
    fn referrers_are_classified_from_their_descriptor() {
        let bundle = evidence::BUNDLE_ARTIFACT_TYPE;
        let table: &[(Option<&str>, Option<&str>, AttachmentKind)] = &[
            (
                Some(bundle),
                Some(COSIGN_SIGN_PREDICATE),
                AttachmentKind::Signature,
            ),
            (
                Some(bundle),
                Some("https://slsa.dev/provenance/v1"),
                AttachmentKind::Attestation,
            ),
            (Some(bundle), None, AttachmentKind::Bundle),
            (
                Some("application/vnd.dev.sigstore.bundle+json;version=0.3"),
                Some(COSIGN_SIGN_PREDICATE),
                AttachmentKind::Signature,
            ),
            (Some("application/spdx+json"), None, AttachmentKind::Sbom),
            (
                Some("application/vnd.cyclonedx+json"),
                None,
                AttachmentKind::Sbom,
            ),
            (
                Some("application/vnd.in-toto+json"),
                None,
                AttachmentKind::Attestation,
            ),
            (
                Some("application/vnd.cncf.notary.signature"),
                None,
                AttachmentKind::Signature,
            ),
            (
                Some("application/vnd.example.thing"),
                None,
                AttachmentKind::Other,
            ),
            // A predicate annotation on something that is not a bundle decides nothing.
            (
                Some("application/vnd.example.thing"),
                Some(COSIGN_SIGN_PREDICATE),
                AttachmentKind::Other,
            ),
        ];
        for (at, pred, want) in table {
            let a = classify(&entry(*at, *pred), AttachmentSource::ReferrersApi);
            assert_eq!(a.kind, *want, "{at:?} {pred:?}");
            assert_eq!(
                a.predicate_from,
                pred.map(|_| PredicateFrom::Annotation),
                "{at:?}"
            );
        }
    }

    #[test]
    fn referrer_entries_are_listed_once_in_order() {
        let index = br#"{"manifests":[
          {"digest":"sha256:2222222222222222222222222222222222222222222222222222222222222222"},
          {"digest":"sha256:1111111111111111111111111111111111111111111111111111111111111111"},
          {"digest":"sha256:2222222222222222222222222222222222222222222222222222222222222222"}
        ]}"#;
        let e = referrer_entries(index).unwrap();
        assert_eq!(e.len(), 2);
        assert!(e[0].digest.contains("2222") && e[1].digest.contains("1111"));
        assert!(referrer_entries(b"nope").is_err());
    }
}
