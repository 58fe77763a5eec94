//! Fetching signature evidence for images, and running the whole verification of a set of
//! references: resolve each distinct reference once, fetch the evidence for each distinct
//! digest once, judge it (pure, [`crate::verify::image`]), concurrently and bounded.
//!
//! Where signatures are looked for, for image digest `D` in repository `R` (or in
//! `--signature-repository` / `COSIGN_REPOSITORY` when given):
//!
//! - Sigstore bundles (cosign 3) attached as OCI 1.1 referrers of `D`: the referrers API
//!   (`/v2/R/referrers/D?artifactType=…`), or, when the registry has none, its tag-schema
//!   fallback — an index at tag `sha256-<hex of D>`;
//! - the legacy cosign tag `sha256-<hex of D>.sig` and its simple-signing layers.
//!
//! The place `R`'s previous image had its signatures in is looked at first (the `.sig` tag
//! when nothing is known yet), and the other only when what was found does not satisfy the
//! policy; an image is `unsigned` only once both were looked at. When both hold signatures
//! they are judged together, bundles first, as cosign 3 does. Whether a registry has the
//! referrers API is learnt once per run (see [`Registry::referrers`]).
//!
//! When a policy asks for attestations (an authority with `attestations`, or
//! `--attestation-type`), they are looked for the same way: bundles among the same referrers
//! (the listing is fetched once per digest and shared), then the legacy tag
//! `sha256-<hex>.att` and its DSSE envelope layers; only the predicate types asked for are
//! fetched when the registry annotates them. The image signature is then looked for only when
//! some authority has no `attestations` (`--require-signature`, a second authority).
//!
//! A reference given by digest is never re-resolved, and no image layer is ever pulled: only
//! signature artifacts are fetched. When an image index carries no signature, or not a
//! required attestation (`attestation-missing`), its platform manifests are checked instead,
//! every one of which must verify (and for `repo:tag@child`, the index the tag names, which
//! must list the child), and the report says which digest verified. What a digest carries that
//! fails (a false condition, another signer) is never looked past.
//!
//! # Limits
//!
//! What a registry serves decides how much work a verification is, so each image is bounded
//! (a limit hit is a verdict whose detail names it; nothing past it is looked at):
//!
//! | limit | value | verdict when hit |
//! |---|---|---|
//! | [`MAX_SIGNATURE_LAYERS`]: layers of one `.sig` manifest | 64 | `malformed-bundle` |
//! | [`MAX_REFERRERS`]: distinct signature bundles listed as referrers of one digest | 64 | `malformed-bundle` |
//! | [`MAX_SIGNATURE_BLOBS`]: distinct signature blobs fetched for one digest | 32 | `malformed-bundle` |
//! | [`MAX_SIGNATURE_BLOB`]: bytes of one signature blob | 4 MiB | `unreachable` (refused as too large) |
//! | [`IMAGE_DEADLINE_FACTOR`] × `--timeout`: the whole verification of one image | 10 × | `unreachable` |
//!
//! Signature blobs are held once per digest judged ([`Arc`]-shared between the layers and
//! bundles naming them) and fetched once, a failure included; a referrer listed twice is
//! fetched once. So one digest holds at most `MAX_SIGNATURE_BLOBS × MAX_SIGNATURE_BLOB`
//! (128 MiB) of signature material, whatever the manifests say. A failure to fetch one
//! bundle (a missing, broken or lying entry) does not stop the `.sig` tag from being looked
//! at; when nothing verified, that failure is the verdict (it may have hidden a signature).

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::Duration;

use futures::StreamExt as _;
use serde::Deserialize;

use crate::reference::{Digest, ImageRef};
use crate::registry::{Registry, RegistryError, SignatureLayout};
use crate::verify::image::{self, Attestation, Evidence, Judgement};
use crate::verify::legacy;
use crate::verify::policy::{PolicySet, Requirement};
use crate::verify::sigstore::Options;
use crate::verify::trust::Trust;
use crate::verify::{Verdict, VerdictCode};

/// The artifact type of cosign 3 signature bundles.
pub const BUNDLE_ARTIFACT_TYPE: &str = "application/vnd.dev.sigstore.bundle.v0.3+json";
/// The bundle media type and its other spellings seen in the wild.
pub const BUNDLE_TYPES: &[&str] = &[
    BUNDLE_ARTIFACT_TYPE,
    "application/vnd.dev.sigstore.bundle+json;version=0.3",
];
/// The in-toto predicate of a cosign 3 image signature (others are attestations).
pub const COSIGN_SIGN_PREDICATE: &str = "https://sigstore.dev/cosign/sign/v1";
/// Signature artifacts are small; never buffer more than this of one.
pub const MAX_SIGNATURE_BLOB: usize = 4 << 20;
/// How many platform manifests of an unsigned index are checked at most (and `tree` lists).
pub const MAX_CHILDREN: usize = 64;
/// Layers of one `.sig` manifest looked at. Each `cosign sign` of a digest appends one, so a
/// real manifest has a handful; more is refused whole (before any payload is fetched).
pub const MAX_SIGNATURE_LAYERS: usize = 64;
/// Distinct signature bundles among the referrers of one digest that are looked at; more is
/// refused whole (before any is fetched). One `cosign sign` (v3) adds one.
pub const MAX_REFERRERS: usize = 64;
/// Distinct signature blobs (bundle layers, `.sig` payloads) fetched for one digest, failed
/// fetches included; with [`MAX_SIGNATURE_BLOB`] it bounds the memory one digest can cost.
pub const MAX_SIGNATURE_BLOBS: usize = 32;
/// The whole verification of one image (resolving aside: its signatures, and for an index its
/// platform manifests' or its index's) must end within this many `--timeout`s.
pub const IMAGE_DEADLINE_FACTOR: u32 = 10;

/// Everything that decides how images are verified.
#[derive(Debug, Clone)]
pub struct VerifyPlan {
    pub policies: PolicySet,
    pub options: Options,
    pub trust: Arc<Trust>,
    /// `--signature-repository` / `COSIGN_REPOSITORY`: where signatures are stored instead of
    /// the image's own repository.
    pub signature_repository: Option<ImageRef>,
    /// How many images are verified at once.
    pub concurrency: usize,
}

impl VerifyPlan {
    /// The same plan under another policy set (one scope's, see [`crate::check::check`]).
    #[must_use]
    pub fn narrowed(&self, policies: &PolicySet) -> Self {
        Self {
            policies: policies.clone(),
            ..self.clone()
        }
    }
}

/// A digest that verified on behalf of the image (multi-arch), with its platform.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedBy {
    pub digest: Digest,
    /// `os/arch[/variant]` for a platform manifest; `None` for an index.
    pub platform: Option<String>,
}

/// The outcome for one reference.
#[derive(Debug, Clone)]
pub struct ImageOutcome {
    pub reference: ImageRef,
    /// The digest the reference resolved to (or names); `None` when resolving failed.
    pub digest: Option<Digest>,
    pub judgement: Judgement,
    /// Set when other digests than [`Self::digest`] carried the verifying signatures.
    pub verified_by: Vec<VerifiedBy>,
}

/// A registry failure as a verdict: `rate-limited`, `digest-mismatch` (the registry served
/// content that does not hash to the digest asked for: wrong bytes, not a network problem,
/// and not worth retrying), `not-found`, `unauthorized`, else `unreachable`. Setup errors
/// (docker config, helpers) also end the run with exit 2 (see `Registry::setup_error`).
pub fn registry_verdict(what: &str, e: &RegistryError) -> Verdict {
    let code = match e {
        RegistryError::RateLimited { .. } => VerdictCode::RateLimited,
        RegistryError::DigestMismatch { .. } => VerdictCode::DigestMismatch,
        RegistryError::NotFound { .. } => VerdictCode::NotFound,
        RegistryError::Unauthorized { .. } => VerdictCode::Unauthorized,
        RegistryError::Unreachable { .. }
        | RegistryError::Timeout { .. }
        | RegistryError::Protocol { .. }
        | RegistryError::Config { .. }
        | RegistryError::DockerConfig(_) => VerdictCode::Unreachable,
    };
    Verdict::new(code, format!("{what}: {e}"))
}

/// The deadline of the whole verification of one image: [`IMAGE_DEADLINE_FACTOR`] ×
/// `--timeout`, saturating.
pub fn image_deadline(registry: &Registry) -> Duration {
    registry.timeout().saturating_mul(IMAGE_DEADLINE_FACTOR)
}

/// Told how much verification work there is and when each piece is done (a progress bar).
pub trait Progress: Sync {
    /// `n` more digests are to be verified.
    fn add(&self, n: usize);
    /// One of them is done.
    fn done(&self);
}

/// Verifies every reference: resolves tags, fetches and judges each distinct
/// (repository, digest) once, `plan.concurrency` at a time. One outcome per reference, in the
/// order given (duplicates by spelling removed).
pub async fn verify_images(
    registry: &Registry,
    references: &[ImageRef],
    plan: &VerifyPlan,
    progress: Option<&dyn Progress>,
) -> Vec<ImageOutcome> {
    let concurrency = plan.concurrency.max(1);
    let mut seen = std::collections::HashSet::new();
    let refs: Vec<&ImageRef> = references
        .iter()
        .filter(|r| seen.insert(r.original().to_owned()))
        .collect();

    // 1. Resolve each distinct unpinned reference once (by canonical form).
    let mut to_resolve: Vec<&ImageRef> = Vec::new();
    let mut seen_canonical = std::collections::HashSet::new();
    for r in &refs {
        if r.digest().is_none() && seen_canonical.insert(r.canonical()) {
            to_resolve.push(r);
        }
    }
    let resolved: HashMap<String, Result<Digest, Verdict>> =
        futures::stream::iter(to_resolve.into_iter().map(|r| async move {
            let result = registry
                .resolve(r)
                .await
                .map_err(|e| registry_verdict(&format!("resolving {}", r.original()), &e));
            crate::report::log(2, || match &result {
                Ok(d) => format!("{}: resolved to {d}", r.original()),
                Err(v) => format!(
                    "{}: resolving failed: {}: {}",
                    r.original(),
                    v.code,
                    v.detail
                ),
            });
            (r.canonical(), result)
        }))
        .buffer_unordered(concurrency)
        .collect()
        .await;

    // 2. Judge each distinct (repository, digest) once.
    let mut jobs: Vec<(String, &ImageRef, Digest)> = Vec::new();
    let mut job_keys = std::collections::HashSet::new();
    for r in &refs {
        let digest = match r.digest() {
            Some(d) => d.clone(),
            None => match resolved.get(&r.canonical()) {
                Some(Ok(d)) => d.clone(),
                _ => continue,
            },
        };
        let key = format!("{}@{digest}", r.canonical_repository());
        if job_keys.insert(key.clone()) {
            jobs.push((key, r, digest));
        }
    }
    if let Some(p) = progress {
        p.add(jobs.len());
    }
    let judged: HashMap<String, (Judgement, Vec<VerifiedBy>)> =
        futures::stream::iter(jobs.into_iter().map(|(key, r, digest)| async move {
            let outcome = verify_digest(registry, r, &digest, plan).await;
            if let Some(p) = progress {
                p.done();
            }
            (key, outcome)
        }))
        .buffer_unordered(concurrency)
        .collect()
        .await;

    refs.into_iter()
        .map(|r| {
            let digest = match r.digest() {
                Some(d) => Ok(d.clone()),
                None => match resolved.get(&r.canonical()) {
                    Some(Ok(d)) => Ok(d.clone()),
                    Some(Err(v)) => Err(v.clone()),
                    None => Err(Verdict::new(VerdictCode::Unreachable, "not resolved")),
                },
            };
            match digest {
                Ok(d) => {
                    let key = format!("{}@{d}", r.canonical_repository());
                    let (judgement, verified_by) = judged.get(&key).cloned().unwrap_or_else(|| {
                        (
                            judgement_of(Verdict::new(VerdictCode::Unreachable, "not verified")),
                            Vec::new(),
                        )
                    });
                    ImageOutcome {
                        reference: r.clone(),
                        digest: Some(d),
                        judgement,
                        verified_by,
                    }
                }
                Err(v) => ImageOutcome {
                    reference: r.clone(),
                    digest: None,
                    judgement: judgement_of(v),
                    verified_by: Vec::new(),
                },
            }
        })
        .collect()
}

fn judgement_of(verdict: Verdict) -> Judgement {
    Judgement::new(verdict)
}

/// Verifies one digest of `image`'s repository, falling back across index and platform
/// manifests when the digest itself carries no signature; `unreachable` when that takes
/// longer than [`image_deadline`].
pub async fn verify_digest(
    registry: &Registry,
    image: &ImageRef,
    digest: &Digest,
    plan: &VerifyPlan,
) -> (Judgement, Vec<VerifiedBy>) {
    let limit = image_deadline(registry);
    // tokio saturates a deadline that cannot be represented to "far in the future".
    match tokio::time::timeout(limit, verify_digest_within(registry, image, digest, plan)).await {
        Ok(outcome) => outcome,
        Err(_) => (
            judgement_of(Verdict::new(
                VerdictCode::Unreachable,
                format!(
                    "verifying {} took longer than the per-image deadline of {limit:?} \
                     ({IMAGE_DEADLINE_FACTOR} × --timeout); gave up (a slow or endless registry?)",
                    digest.short()
                ),
            )),
            Vec::new(),
        ),
    }
}

async fn verify_digest_within(
    registry: &Registry,
    image: &ImageRef,
    digest: &Digest,
    plan: &VerifyPlan,
) -> (Judgement, Vec<VerifiedBy>) {
    let requirements = plan.policies.requirements_for(image);
    // Requirements whose signatures live elsewhere (policy-controller `source.oci`) are
    // judged apart, each on the evidence of its own repository; most runs have one group.
    let mut groups: Vec<(&ImageRef, Vec<&Requirement>)> = Vec::new();
    for r in &requirements {
        let repo = r
            .signature_repository()
            .or(plan.signature_repository.as_ref())
            .unwrap_or(image);
        match groups
            .iter_mut()
            .find(|(g, _)| g.canonical_repository() == repo.canonical_repository())
        {
            Some((_, list)) => list.push(r),
            None => groups.push((repo, vec![r])),
        }
    }
    if groups.len() <= 1 {
        let repo = groups.first().map_or(image, |(r, _)| *r);
        return verify_group(registry, image, digest, plan, &requirements, repo).await;
    }
    let mut parts = Vec::new();
    for (repo, reqs) in &groups {
        parts.push(verify_group(registry, image, digest, plan, reqs, repo).await);
    }
    let judgements: Vec<Judgement> = parts.iter().map(|(j, _)| j.clone()).collect();
    let decided = image::decide(&judgements);
    let mut j = judgements[decided].clone();
    j.results = judgements.iter().flat_map(|j| j.results.clone()).collect();
    (j, parts.swap_remove(decided).1)
}

/// [`verify_digest_within`] for requirements whose signatures are in `repo`.
async fn verify_group(
    registry: &Registry,
    image: &ImageRef,
    digest: &Digest,
    plan: &VerifyPlan,
    requirements: &[&Requirement],
    repo: &ImageRef,
) -> (Judgement, Vec<VerifiedBy>) {
    // No policy, or only requirements the policy decides alone (`static`, `unsupported`):
    // nothing to fetch.
    if !requirements.iter().any(|r| r.needs_evidence()) {
        return (
            image::judge(digest, &[], requirements, &plan.options, &plan.trust),
            Vec::new(),
        );
    }
    let judge_digest = move |d: Digest| async move {
        judge_digest(registry, image, &d, plan, requirements, repo).await
    };
    let own = judge_digest(digest.clone()).await;
    // Only what is absent is looked for elsewhere; anything this digest carries that failed
    // (a false VSA condition, another signer) is the verdict, never rescued by another digest.
    let lacks = match own.verdict.code {
        VerdictCode::Unsigned => "is unsigned",
        // A required attestation may be on the index that lists this manifest or on every
        // platform manifest of this index: as sound as a signature there, since an index names
        // its platform manifests by digest (issue 12: Kubernetes VSAs are on both).
        VerdictCode::AttestationMissing => "lacks a required attestation",
        _ => return (own, Vec::new()),
    };
    // Unsigned: is this an index whose platform manifests are signed, or a platform manifest
    // whose index (named by the reference's tag) is signed?
    // Unsigned was decided without this manifest. A digest the registry does not have is
    // `not-found`, bytes that do not hash to it `digest-mismatch`, never `unsigned`; any other
    // failure leaves unknown whether a signed index or signed platform manifests stand behind
    // it, and the verdict says so (a 14 MiB index was reported as plainly unsigned).
    let manifest = match registry.manifest(image, digest.as_str()).await {
        Ok(manifest) => manifest,
        Err(e) => {
            let what = match e {
                RegistryError::NotFound { .. } | RegistryError::DigestMismatch { .. } => {
                    format!("fetching the manifest {digest}")
                }
                _ => format!(
                    "{}; reading its manifest (an index's platform manifests may be signed)",
                    own.verdict.detail
                ),
            };
            let mut j = own;
            j.verdict = registry_verdict(&what, &e);
            return (j, Vec::new());
        }
    };
    if let Some(children) = index_children(&manifest.bytes) {
        return judge_children(digest, children, own, lacks, judge_digest).await;
    }
    if image.tag().is_some() && image.digest().is_some() {
        let tagged = ImageRef::parse(&format!(
            "{}:{}",
            image.canonical_repository(),
            image.tag_or_latest()
        ));
        if let Ok(tagged) = tagged
            && let Ok(index_digest) = registry.resolve(&tagged).await
            && &index_digest != digest
            && let Ok(index) = registry.manifest(image, index_digest.as_str()).await
            && index_children(&index.bytes)
                .is_some_and(|c| c.iter().any(|c| c.digest.as_ref() == Ok(digest)))
        {
            let mut j = judge_digest(index_digest.clone()).await;
            if j.is_verified() {
                j.verdict.detail = join(
                    &format!(
                        "this platform manifest {lacks}; the index {index_digest} (tag {}) that lists it verified",
                        image.tag_or_latest()
                    ),
                    &j.verdict.detail,
                );
                return (
                    j,
                    vec![VerifiedBy {
                        digest: index_digest,
                        platform: None,
                    }],
                );
            }
        }
    }
    (own, Vec::new())
}

async fn judge_children<'a, F, Fut>(
    index: &Digest,
    children: Vec<IndexChild>,
    own: Judgement,
    lacks: &str,
    judge_digest: F,
) -> (Judgement, Vec<VerifiedBy>)
where
    F: Fn(Digest) -> Fut,
    Fut: std::future::Future<Output = Judgement> + 'a,
{
    let children = match checkable_children(index, children, lacks) {
        Ok(c) => c,
        Err(why) => {
            let mut j = own;
            j.verdict.detail = join(&why, &j.verdict.detail);
            return (j, Vec::new());
        }
    };
    let mut verified = Vec::new();
    let mut first_verdict: Option<Judgement> = None;
    for (child, platform) in &children {
        let j = judge_digest(child.clone()).await;
        if !j.is_verified() {
            let name = platform.as_deref().unwrap_or("platform manifest");
            let mut j = j;
            j.verdict.detail = format!(
                "the index {} {lacks} and its {name} manifest {child} did not verify: {}",
                index.short(),
                j.verdict.detail
            );
            return (j, Vec::new());
        }
        if first_verdict.is_none() {
            first_verdict = Some(j);
        }
        verified.push(VerifiedBy {
            digest: child.clone(),
            platform: platform.clone(),
        });
    }
    let Some(mut j) = first_verdict else {
        // Unreachable (`checkable_children` refuses an empty list); never verify by default.
        return (own, Vec::new());
    };
    let list: Vec<String> = verified
        .iter()
        .map(|v| {
            format!(
                "{} {}",
                v.platform.as_deref().unwrap_or("?"),
                v.digest.short()
            )
        })
        .collect();
    j.verdict.detail = join(
        &format!(
            "the index {lacks}; all {} platform manifests verified ({})",
            verified.len(),
            list.join(", ")
        ),
        &j.verdict.detail,
    );
    (j, verified)
}

/// The children of an unsigned `index` that must all verify for it to verify, or why the
/// index cannot verify through them: it lists none, more than [`MAX_CHILDREN`], or one whose
/// digest we cannot check. A child that cannot be checked is never skipped: skipping it
/// would let an index verify on the strength of its other children.
fn checkable_children(
    index: &Digest,
    children: Vec<IndexChild>,
    lacks: &str,
) -> Result<Vec<(Digest, Option<String>)>, String> {
    let unsigned = format!("the index {} {lacks}", index.short());
    if children.is_empty() {
        return Err(format!("{unsigned} and lists no platform manifest"));
    }
    if children.len() > MAX_CHILDREN {
        return Err(format!(
            "{unsigned} and lists {} platform manifests, more than the {MAX_CHILDREN} checked",
            children.len()
        ));
    }
    children
        .into_iter()
        .map(|c| match c.digest {
            Ok(d) => Ok((d, c.platform)),
            Err(why) => Err(format!(
                "{unsigned} and its {} manifest cannot be checked: {why}",
                c.platform.as_deref().unwrap_or("platform")
            )),
        })
        .collect()
}

fn join(a: &str, b: &str) -> String {
    if b.is_empty() {
        a.to_owned()
    } else {
        format!("{a}; {b}")
    }
}

/// Fetches the signatures of one place (legacy `.sig` or bundles) and judges them; only if
/// they do not verify, fetches the other's too and judges everything. What could not be
/// looked at (a registry failure, a limit) is the verdict when nothing verified: it may have
/// hidden the signature that would have.
async fn judge_digest(
    registry: &Registry,
    image: &ImageRef,
    digest: &Digest,
    plan: &VerifyPlan,
    requirements: &[&Requirement],
    repo: &ImageRef,
) -> Judgement {
    crate::report::log(2, || {
        format!(
            "{}: looking for signatures of {digest} in {}",
            image.original(),
            registry.lookup_reference(repo).canonical_repository()
        )
    });
    let mut fetch = Fetcher::new(registry, repo);
    // Attestations (issue 12) only when an authority asks for them; the image signature only
    // when one does not (an authority with `attestations` is satisfied by them alone).
    let attestation_types = attestation_types(requirements);
    let signatures = wants_signatures(requirements);
    // Where this repository's last signatures were found is looked at first (legacy `.sig`
    // when nothing is known: one request finds it, where bundles take two or three); the
    // other place only when what was found does not satisfy the policy. Nothing is
    // `unsigned` before both were looked at. Evidence and gaps are kept in the order cosign 3
    // looks (bundles, then `.sig`), so the judgement is the one that order gives.
    let bundle_first = registry.layout_hint(repo) == Some(SignatureLayout::Bundle);
    let mut bundles: Option<(Vec<Evidence>, Vec<Verdict>)> = None;
    let mut legacy: Option<(Vec<Evidence>, Vec<Verdict>)> = None;
    let turns = if signatures {
        vec![bundle_first, !bundle_first]
    } else {
        Vec::new()
    };
    for bundle_turn in turns {
        // A registry that stopped answering (timeouts, 429s) is not asked for the other place.
        if fetch.registry_down {
            break;
        }
        let mut gaps = Vec::new();
        let (found, layout) = if bundle_turn {
            let found = bundle_evidence(&mut fetch, digest, &mut gaps).await;
            (bundles.insert((found, gaps)), SignatureLayout::Bundle)
        } else {
            let found = legacy_evidence(&mut fetch, digest, &mut gaps).await;
            (legacy.insert((found, gaps)), SignatureLayout::Legacy)
        };
        if found.0.is_empty() {
            continue;
        }
        registry.note_layout(repo, layout);
        if bundles.is_some() && legacy.is_some() {
            break; // judged below with everything
        }
        let found = bundles
            .as_ref()
            .or(legacy.as_ref())
            .map_or(&[][..], |f| &f.0);
        let j = image::judge(digest, found, requirements, &plan.options, &plan.trust);
        if j.is_verified() {
            return j;
        }
    }
    let (mut evidence, mut gaps) = bundles.unwrap_or_default();
    if let Some((e, g)) = legacy {
        evidence.extend(e);
        gaps.extend(g);
    }
    if !attestation_types.is_empty() {
        evidence
            .extend(attestation_bundles(&mut fetch, digest, &attestation_types, &mut gaps).await);
        // Bundles may satisfy every authority already: then the `.att` tag is not asked.
        let j = image::judge(digest, &evidence, requirements, &plan.options, &plan.trust);
        if j.is_verified() {
            return j;
        }
    }
    if !fetch.registry_down && !attestation_types.is_empty() {
        evidence
            .extend(legacy_attestations(&mut fetch, digest, &attestation_types, &mut gaps).await);
    }
    let j = image::judge(digest, &evidence, requirements, &plan.options, &plan.trust);
    crate::report::log(2, || {
        format!(
            "{}: {} piece(s) of signature material for {digest}: {}: {}",
            image.original(),
            evidence.len(),
            j.verdict.code,
            j.verdict.detail
        )
    });
    if j.is_verified() || gaps.is_empty() {
        return j;
    }
    let mut gap = gaps.swap_remove(0);
    if !evidence.is_empty() {
        gap.detail = join(
            &gap.detail,
            &format!(
                "the signatures that could be read did not verify ({}: {})",
                j.verdict.code, j.verdict.detail
            ),
        );
    }
    judgement_of(gap)
}

/// Why fetching a signature blob stopped.
enum FetchError {
    Registry(RegistryError),
    /// [`MAX_SIGNATURE_BLOBS`] reached: the verdict saying so.
    Limit(Verdict),
}

/// Fetches the signature blobs of one digest: each distinct blob once (its failure too), held
/// once and shared, at most [`MAX_SIGNATURE_BLOBS`] of them.
struct Fetcher<'a> {
    registry: &'a Registry,
    repo: &'a ImageRef,
    blobs: HashMap<Digest, Result<Arc<[u8]>, RegistryError>>,
    /// Some request failed in a way that says the registry as a whole is not answering.
    registry_down: bool,
    /// The referrers index of the digest, once looked up ([`referrers_index`]).
    referrers: Looked,
}

impl<'a> Fetcher<'a> {
    fn new(registry: &'a Registry, repo: &'a ImageRef) -> Self {
        Self {
            registry,
            repo,
            blobs: HashMap::new(),
            registry_down: false,
            referrers: Looked::NotYet,
        }
    }

    /// Records a registry failure as a gap; true when the registry is not answering at all.
    fn failed(&mut self, gaps: &mut Vec<Verdict>, what: &str, e: &RegistryError) -> bool {
        gaps.push(registry_verdict(what, e));
        self.registry_down |= registry_down(e);
        self.registry_down
    }

    async fn blob(&mut self, digest: &Digest) -> Result<Arc<[u8]>, FetchError> {
        if let Some(known) = self.blobs.get(digest) {
            return known.clone().map_err(FetchError::Registry);
        }
        if self.blobs.len() >= MAX_SIGNATURE_BLOBS {
            return Err(FetchError::Limit(Verdict::new(
                VerdictCode::MalformedBundle,
                format!(
                    "the signatures of this image name more than {MAX_SIGNATURE_BLOBS} distinct \
                     blobs, the most fetched per image (MAX_SIGNATURE_BLOBS); the rest were not \
                     looked at"
                ),
            )));
        }
        let got = self
            .registry
            .blob(self.repo, digest, MAX_SIGNATURE_BLOB)
            .await;
        self.blobs.insert(digest.clone(), got.clone());
        got.map_err(FetchError::Registry)
    }
}

/// Whether a registry failure says the registry as a whole is not answering (so asking it
/// for the next signature is pointless), rather than something about one artifact.
fn registry_down(e: &RegistryError) -> bool {
    matches!(
        e,
        RegistryError::Timeout { .. }
            | RegistryError::Unreachable { .. }
            | RegistryError::RateLimited { .. }
            | RegistryError::Unauthorized { .. }
            | RegistryError::Config { .. }
            | RegistryError::DockerConfig(_)
    )
}

/// For a node that reports only an image *config* digest (kind-loaded images, CRI-O): the
/// manifest of `image` whose config is `config` — the manifest the reference names, or for an
/// index, the platform manifest that has it. `unknown-digest` when none has it: the tag's
/// current digest is never taken in its place.
pub async fn manifest_for_config(
    registry: &Registry,
    image: &ImageRef,
    config: &Digest,
) -> Result<Digest, Verdict> {
    let top = registry
        .resolve(image)
        .await
        .map_err(|e| registry_verdict(&format!("resolving {}", image.original()), &e))?;
    let fetch = |digest: Digest| async move {
        registry
            .manifest(image, digest.as_str())
            .await
            .map_err(|e| registry_verdict(&format!("fetching manifest {digest}"), &e))
    };
    let manifest = fetch(top.clone()).await?;
    let candidates = match index_children(&manifest.bytes) {
        None => {
            if config_digest(&manifest.bytes).as_ref() == Some(config) {
                return Ok(top);
            }
            Vec::new()
        }
        Some(children) => children.into_iter().take(MAX_CHILDREN).collect(),
    };
    for c in candidates {
        // A child whose digest cannot be read cannot be the one that runs.
        let Ok(child) = c.digest else { continue };
        let m = fetch(child.clone()).await?;
        if config_digest(&m.bytes).as_ref() == Some(config) {
            return Ok(child);
        }
    }
    Err(Verdict::new(
        VerdictCode::UnknownDigest,
        format!(
            "the node reports only config {config}; no manifest of {} ({}) has it",
            image.original(),
            top.short()
        ),
    ))
}

/// `config.digest` of an image manifest.
fn config_digest(bytes: &[u8]) -> Option<Digest> {
    #[derive(Deserialize)]
    struct WithConfig {
        config: ConfigRef,
    }
    #[derive(Deserialize)]
    struct ConfigRef {
        digest: String,
    }
    let m: WithConfig = serde_json::from_slice(bytes).ok()?;
    Digest::parse(&m.config.digest).ok()
}

#[derive(Deserialize)]
struct IndexDoc {
    #[serde(default)]
    manifests: Vec<Descriptor>,
}

#[derive(Deserialize)]
struct Descriptor {
    #[serde(rename = "mediaType", default)]
    media_type: String,
    digest: String,
    #[serde(rename = "artifactType", default)]
    artifact_type: Option<String>,
    #[serde(default)]
    annotations: HashMap<String, String>,
    #[serde(default)]
    platform: Option<Platform>,
}

#[derive(Deserialize)]
struct Platform {
    #[serde(default)]
    os: String,
    #[serde(default)]
    architecture: String,
    #[serde(default)]
    variant: Option<String>,
}

#[derive(Deserialize)]
struct ManifestDoc {
    #[serde(rename = "artifactType", default)]
    artifact_type: Option<String>,
    #[serde(default)]
    layers: Vec<Descriptor>,
}

/// A platform manifest an image index lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexChild {
    /// Its digest; or, when the entry holds no digest we can check (an unregistered
    /// algorithm, uppercase hex), why not, quoting (the start of) what is written.
    pub digest: Result<Digest, String>,
    /// `os/arch[/variant]`, when the entry names a platform.
    pub platform: Option<String>,
}

/// The platform manifests of an image index (`None` when `bytes` is not an index), skipping
/// attestation entries (`unknown/unknown`). Every other entry is kept, including those whose
/// digest does not parse: callers must treat those as failures, never drop them.
pub fn index_children(bytes: &[u8]) -> Option<Vec<IndexChild>> {
    #[derive(Deserialize)]
    struct Probe {
        #[serde(rename = "mediaType", default)]
        media_type: String,
        manifests: Option<Vec<serde_json::Value>>,
    }
    let probe: Probe = serde_json::from_slice(bytes).ok()?;
    let is_index = probe.manifests.is_some()
        || probe.media_type.contains("index")
        || probe.media_type.contains("manifest.list");
    if !is_index {
        return None;
    }
    let doc: IndexDoc = serde_json::from_slice(bytes).ok()?;
    Some(
        doc.manifests
            .into_iter()
            .filter_map(|d| {
                let platform = d.platform.map(|p| {
                    let mut s = format!("{}/{}", p.os, p.architecture);
                    if let Some(v) = p.variant {
                        s.push('/');
                        s.push_str(&v);
                    }
                    s
                });
                if platform.as_deref() == Some("unknown/unknown") {
                    return None;
                }
                Some(IndexChild {
                    digest: Digest::parse(&d.digest).map_err(|e| e.to_string()),
                    platform,
                })
            })
            .collect(),
    )
}

/// The bundle referrers listed in a referrers response or fallback index, each once, in the
/// order first listed.
fn bundle_descriptors(index: &[u8]) -> Result<Vec<Digest>, String> {
    let doc: IndexDoc = serde_json::from_slice(index).map_err(|e| e.to_string())?;
    let mut seen = HashSet::new();
    Ok(doc
        .manifests
        .into_iter()
        .filter(|d| {
            d.artifact_type
                .as_deref()
                .is_some_and(|t| BUNDLE_TYPES.contains(&t))
        })
        // Attestations are bundles too; only signatures count here.
        .filter(|d| {
            d.annotations
                .get("dev.sigstore.bundle.predicateType")
                .is_none_or(|p| p == COSIGN_SIGN_PREDICATE)
        })
        .filter_map(|d| Digest::parse(&d.digest).ok())
        .filter(|d| seen.insert(d.clone()))
        .collect())
}

/// The referrers of `digest` (bundles): the referrers API's index, or its tag-schema
/// fallback's. Looked up once per digest judged (signatures and attestations share it);
/// `None` when there is none or it could not be fetched (then the failure is in `gaps`, once).
async fn referrers_index(
    fetch: &mut Fetcher<'_>,
    digest: &Digest,
    gaps: &mut Vec<Verdict>,
) -> Option<Arc<[u8]>> {
    if let Looked::Done(known) = &fetch.referrers {
        return known.clone();
    }
    let found = lookup_referrers(fetch, digest, gaps).await.map(Arc::from);
    fetch.referrers = Looked::Done(found.clone());
    found
}

/// Whether the referrers index was looked up, and what was found (`None`: nothing).
enum Looked {
    NotYet,
    Done(Option<Arc<[u8]>>),
}

/// [`list_referrers`] for bundles, its failures recorded in `gaps`.
async fn lookup_referrers(
    fetch: &mut Fetcher<'_>,
    digest: &Digest,
    gaps: &mut Vec<Verdict>,
) -> Option<Vec<u8>> {
    match list_referrers(
        fetch.registry,
        fetch.repo,
        digest,
        Some(BUNDLE_ARTIFACT_TYPE),
        "no cosign 3 bundle",
    )
    .await
    {
        Ok(Some((_, index))) => Some(index),
        Ok(None) => None,
        Err(ListingError::Api(e)) => {
            fetch.failed(gaps, "listing signature referrers", &e);
            None
        }
        Err(ListingError::Fallback(e)) => {
            fetch.failed(gaps, "fetching signature referrers", &e);
            None
        }
    }
}

/// Whether `count` distinct `what` among the referrers of `digest` may be fetched: more than
/// [`MAX_REFERRERS`] are refused whole (a `malformed-bundle` gap naming the limit), before any
/// is fetched. Signatures and attestations are held to the same limit, by this one check.
fn within_referrer_limit(
    fetch: &Fetcher<'_>,
    digest: &Digest,
    count: usize,
    what: &str,
    gaps: &mut Vec<Verdict>,
) -> bool {
    if count > MAX_REFERRERS {
        gaps.push(Verdict::new(
            VerdictCode::MalformedBundle,
            format!(
                "the referrers of {} list {count} distinct {what}, more than the \
                 {MAX_REFERRERS} looked at per image (MAX_REFERRERS); none was fetched",
                digest.short(),
            ),
        ));
        return false;
    }
    crate::report::log(2, || {
        format!(
            "{}: referrers of {}: {count} {what}",
            fetch.repo.original(),
            digest.short(),
        )
    });
    true
}

/// Cosign 3 bundles attached to `digest`: referrers API, or its tag-schema fallback. What
/// could not be fetched is added to `gaps`.
async fn bundle_evidence(
    fetch: &mut Fetcher<'_>,
    digest: &Digest,
    gaps: &mut Vec<Verdict>,
) -> Vec<Evidence> {
    let Some(index) = referrers_index(fetch, digest, gaps).await else {
        return Vec::new();
    };
    let descriptors = match bundle_descriptors(&index) {
        Ok(d) => d,
        Err(why) => {
            return vec![Evidence::Unreadable {
                source: format!("referrers of {}", digest.short()),
                why,
            }];
        }
    };
    if !within_referrer_limit(fetch, digest, descriptors.len(), "signature bundles", gaps) {
        return Vec::new();
    }
    fetch_bundles(fetch, descriptors, BundleKind::Signature, gaps).await
}

/// Which bundles a referrers listing is read for: the same fetch, classified apart.
#[derive(Debug, Clone, Copy)]
enum BundleKind {
    Signature,
    Attestation,
}

/// Fetches each listed bundle (manifest, layer, blob) as `kind`. What is not of that kind, or
/// listed but gone, is nothing to judge; a limit or a registry failure goes to `gaps` (and
/// stops the listing when [`Fetcher::failed`] says so).
async fn fetch_bundles(
    fetch: &mut Fetcher<'_>,
    descriptors: Vec<Digest>,
    kind: BundleKind,
    gaps: &mut Vec<Verdict>,
) -> Vec<Evidence> {
    let mut out = Vec::new();
    for d in descriptors {
        let fetched = match kind {
            BundleKind::Signature => fetch_bundle(fetch, &d).await,
            BundleKind::Attestation => fetch_attestation_bundle(fetch, &d)
                .await
                .map(|a| a.map(Evidence::Attestation)),
        };
        match fetched {
            Ok(Some(ev)) => out.push(ev),
            Ok(None) | Err(FetchError::Registry(RegistryError::NotFound { .. })) => {}
            Err(FetchError::Limit(v)) => {
                gaps.push(v);
                break;
            }
            Err(FetchError::Registry(e)) => {
                let what = match kind {
                    BundleKind::Signature => "signature",
                    BundleKind::Attestation => "attestation",
                };
                if fetch.failed(gaps, &format!("fetching {what} bundle {}", d.short()), &e) {
                    break;
                }
            }
        }
    }
    out
}

/// Where a referrers listing came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReferrersFrom {
    /// The OCI 1.1 referrers API (`/v2/R/referrers/D`).
    Api,
    /// The tag-schema fallback: an index at tag `sha256-<hex of D>`.
    TagFallback,
}

/// Which request of a referrers listing failed.
#[derive(Debug)]
pub enum ListingError {
    /// The referrers API answered with an error (not a 404).
    Api(RegistryError),
    /// The registry has no referrers API, and fetching the fallback tag failed (not a 404).
    Fallback(RegistryError),
}

/// The OCI 1.1 referrers of `digest` in `repo`, as an index's bytes: the referrers API
/// (asked to filter by `artifact_type`, which a registry may ignore), or, when the registry
/// has none, the tag-schema fallback index at `sha256-<hex>`. `Ok(None)` when there is no API
/// and no fallback tag (a sha512 digest's would be longer than a tag may be). `absent` says
/// in the `-v 2` log what a missing fallback tag means to the caller. Shared by signature
/// lookup ([`judge_digest`]) and `kubectl verify tree` ([`crate::tree`]).
pub async fn list_referrers(
    registry: &Registry,
    repo: &ImageRef,
    digest: &Digest,
    artifact_type: Option<&str>,
    absent: &str,
) -> Result<Option<(ReferrersFrom, Vec<u8>)>, ListingError> {
    match registry.referrers(repo, digest, artifact_type).await {
        Ok(Some(index)) => {
            crate::report::log(2, || {
                format!(
                    "referrers API of {}: {} bytes of index",
                    digest.short(),
                    index.len()
                )
            });
            Ok(Some((ReferrersFrom::Api, index)))
        }
        Ok(None) => {
            // No referrers API: the fallback index lives at tag `sha256-<hex>`. A sha512
            // digest's would be longer than a tag may be, so no registry can hold it.
            let tag = digest.tag_form();
            if !crate::reference::valid_tag(&tag) {
                return Ok(None);
            }
            match registry.manifest(repo, &tag).await {
                Ok(m) => {
                    crate::report::log(2, || {
                        format!("{}: no referrers API; tag {tag}: found", repo.original())
                    });
                    Ok(Some((ReferrersFrom::TagFallback, m.bytes)))
                }
                Err(RegistryError::NotFound { .. }) => {
                    crate::report::log(2, || {
                        format!(
                            "{}: no referrers API; tag {tag}: not found ({absent})",
                            repo.original()
                        )
                    });
                    Ok(None)
                }
                Err(e) => Err(ListingError::Fallback(e)),
            }
        }
        Err(e) => Err(ListingError::Api(e)),
    }
}

async fn fetch_bundle(
    fetch: &mut Fetcher<'_>,
    manifest_digest: &Digest,
) -> Result<Option<Evidence>, FetchError> {
    Ok(match fetch_bundle_layer(fetch, manifest_digest).await? {
        Some(Err(why)) => Some(Evidence::Unreadable {
            source: manifest_digest.to_string(),
            why,
        }),
        Some(Ok(json)) if image::is_signature_bundle(&json) => Some(Evidence::Bundle {
            source: manifest_digest.clone(),
            json,
        }),
        // No bundle layer, or an attestation's bundle: not a signature.
        None | Some(Ok(_)) => None,
    })
}

/// The bundle layer of the referrer manifest `manifest_digest`: its bytes, `Err` saying why
/// the manifest cannot be read, or `None` when it holds no bundle. Shared by signatures and
/// attestations, which differ only in what they take the bundle for.
async fn fetch_bundle_layer(
    fetch: &mut Fetcher<'_>,
    manifest_digest: &Digest,
) -> Result<Option<Result<Arc<[u8]>, String>>, FetchError> {
    let m = fetch
        .registry
        .manifest(fetch.repo, manifest_digest.as_str())
        .await
        .map_err(FetchError::Registry)?;
    let doc: ManifestDoc = match serde_json::from_slice(&m.bytes) {
        Ok(d) => d,
        Err(e) => return Ok(Some(Err(e.to_string()))),
    };
    let layer = doc.layers.iter().find(|l| {
        BUNDLE_TYPES.contains(&l.media_type.as_str())
            || doc
                .artifact_type
                .as_deref()
                .is_some_and(|t| BUNDLE_TYPES.contains(&t))
    });
    let Some(layer) = layer else {
        return Ok(None);
    };
    let Ok(layer_digest) = Digest::parse(&layer.digest) else {
        return Ok(Some(Err(format!(
            "invalid layer digest {:?}",
            layer.digest
        ))));
    };
    Ok(Some(Ok(fetch.blob(&layer_digest).await?)))
}

/// The manifest of cosign 2's tag `sha256-<hex>.SUFFIX` for `digest`: `None` when there is
/// none (logged at -v 2 as `absent`) or it could not be fetched (then in `gaps` as `what`).
async fn legacy_tag(
    fetch: &mut Fetcher<'_>,
    digest: &Digest,
    suffix: &str,
    absent: &str,
    what: &str,
    gaps: &mut Vec<Verdict>,
) -> Option<(String, crate::registry::Manifest)> {
    let tag = format!("{}.{suffix}", digest.tag_form());
    if !crate::reference::valid_tag(&tag) {
        // Longer than a tag may be (a sha512 digest): no registry can hold it.
        return None;
    }
    match fetch.registry.manifest(fetch.repo, &tag).await {
        Ok(m) => Some((tag, m)),
        Err(RegistryError::NotFound { .. }) => {
            crate::report::log(2, || {
                format!("{}: tag {tag}: not found ({absent})", fetch.repo.original())
            });
            None
        }
        Err(e) => {
            fetch.failed(gaps, what, &e);
            None
        }
    }
}

/// Legacy cosign signatures: the layers of `sha256-<hex>.sig` with their payload blobs. What
/// could not be fetched is added to `gaps`.
async fn legacy_evidence(
    fetch: &mut Fetcher<'_>,
    digest: &Digest,
    gaps: &mut Vec<Verdict>,
) -> Vec<Evidence> {
    let Some((tag, manifest)) = legacy_tag(
        fetch,
        digest,
        "sig",
        "no cosign 2 signature",
        "fetching the .sig signature tag",
        gaps,
    )
    .await
    else {
        return Vec::new();
    };
    let source = manifest.digest.clone();
    let layers = match legacy::signature_layers(&manifest.bytes) {
        Ok(l) => l,
        Err(e) => {
            return vec![Evidence::Unreadable {
                source: tag,
                why: e.to_string(),
            }];
        }
    };
    crate::report::log(2, || {
        format!(
            "{}: tag {tag}: {} signature layer(s)",
            fetch.repo.original(),
            layers.len()
        )
    });
    if layers.len() > MAX_SIGNATURE_LAYERS {
        gaps.push(Verdict::new(
            VerdictCode::MalformedBundle,
            format!(
                "the signature manifest {tag} has {} layers, more than the \
                 {MAX_SIGNATURE_LAYERS} looked at per image (MAX_SIGNATURE_LAYERS); none was \
                 fetched",
                layers.len()
            ),
        ));
        return Vec::new();
    }
    let mut out = Vec::new();
    for layer in layers {
        let Ok(d) = Digest::parse(&layer.digest) else {
            out.push(Evidence::Unreadable {
                source: tag.clone(),
                why: format!("invalid layer digest {:?}", layer.digest),
            });
            continue;
        };
        let payload = match fetch.blob(&d).await {
            Ok(p) => p,
            Err(FetchError::Registry(RegistryError::NotFound { .. })) => {
                out.push(Evidence::Unreadable {
                    source: tag.clone(),
                    why: format!("payload blob {} is missing", layer.digest),
                });
                continue;
            }
            Err(FetchError::Limit(v)) => {
                gaps.push(v);
                break;
            }
            Err(FetchError::Registry(e)) => {
                if fetch.failed(gaps, "fetching a signature payload", &e) {
                    break;
                }
                continue;
            }
        };
        out.push(Evidence::Legacy {
            source: source.clone(),
            layer,
            payload,
        });
    }
    out
}

/// The predicate types the requirements' attestation authorities ask for (empty: none).
fn attestation_types(requirements: &[&Requirement]) -> Vec<String> {
    let mut types: Vec<String> = Vec::new();
    for a in requirements
        .iter()
        .filter(|r| r.needs_evidence())
        .flat_map(|r| &r.authorities)
    {
        for t in &a.attestations {
            if !types.contains(&t.predicate_type) {
                types.push(t.predicate_type.clone());
            }
        }
    }
    types
}

/// Whether some authority wants the image signature (one without `attestations`).
fn wants_signatures(requirements: &[&Requirement]) -> bool {
    requirements
        .iter()
        .filter(|r| r.needs_evidence())
        .flat_map(|r| &r.authorities)
        .any(|a| a.attestations.is_empty())
}

/// Attestations of `digest` of the predicate `types`, as cosign 3 attaches them: Sigstore
/// bundles among the referrers (the same listing as signatures, [`referrers_index`]) whose
/// `dev.sigstore.bundle.predicateType` annotation is one of `types` (or absent: then the
/// bundle is fetched and kept if it is an attestation). Counted against the same per-image
/// limits as signatures. What could not be fetched is added to `gaps`.
async fn attestation_bundles(
    fetch: &mut Fetcher<'_>,
    digest: &Digest,
    types: &[String],
    gaps: &mut Vec<Verdict>,
) -> Vec<Evidence> {
    let Some(index) = referrers_index(fetch, digest, gaps).await else {
        return Vec::new();
    };
    let unreadable = |why: String| {
        vec![Evidence::Attestation(Attestation::Unreadable {
            source: format!("referrers of {}", digest.short()),
            why,
        })]
    };
    let doc: IndexDoc = match serde_json::from_slice(&index) {
        Ok(d) => d,
        Err(e) => return unreadable(e.to_string()),
    };
    let mut seen = HashSet::new();
    let descriptors: Vec<Digest> = doc
        .manifests
        .into_iter()
        .filter(|d| {
            d.artifact_type
                .as_deref()
                .is_some_and(|t| BUNDLE_TYPES.contains(&t))
        })
        .filter(|d| {
            d.annotations
                .get("dev.sigstore.bundle.predicateType")
                .is_none_or(|p| types.contains(p))
        })
        .filter_map(|d| Digest::parse(&d.digest).ok())
        .filter(|d| seen.insert(d.clone()))
        .collect();
    if !within_referrer_limit(
        fetch,
        digest,
        descriptors.len(),
        "attestation bundles of the required types",
        gaps,
    ) {
        return Vec::new();
    }
    fetch_bundles(fetch, descriptors, BundleKind::Attestation, gaps).await
}

async fn fetch_attestation_bundle(
    fetch: &mut Fetcher<'_>,
    manifest_digest: &Digest,
) -> Result<Option<Attestation>, FetchError> {
    Ok(match fetch_bundle_layer(fetch, manifest_digest).await? {
        Some(Err(why)) => Some(Attestation::Unreadable {
            source: manifest_digest.to_string(),
            why,
        }),
        // No bundle layer, or a signature bundle listed without its predicate annotation: not
        // an attestation.
        None => None,
        Some(Ok(json)) if image::is_signature_bundle(&json) => None,
        Some(Ok(json)) => Some(Attestation::Bundle {
            source: manifest_digest.clone(),
            json,
        }),
    })
}

/// Attestations of `digest` as cosign 2 attaches them: the DSSE envelope layers of the tag
/// `sha256-<hex>.att` whose `predicateType` annotation is one of `types` (or absent), with
/// their envelope blobs. Counted against the same per-image limits as `.sig` layers. What
/// could not be fetched is added to `gaps`.
async fn legacy_attestations(
    fetch: &mut Fetcher<'_>,
    digest: &Digest,
    types: &[String],
    gaps: &mut Vec<Verdict>,
) -> Vec<Evidence> {
    let Some((tag, manifest)) = legacy_tag(
        fetch,
        digest,
        "att",
        "no cosign 2 attestation",
        "fetching the .att attestation tag",
        gaps,
    )
    .await
    else {
        return Vec::new();
    };
    let source = manifest.digest.clone();
    let unreadable = |why: String| {
        Evidence::Attestation(Attestation::Unreadable {
            source: tag.clone(),
            why,
        })
    };
    let layers = match legacy::attestation_layers(&manifest.bytes) {
        Ok(l) => l,
        Err(e) => return vec![unreadable(e.to_string())],
    };
    let layers: Vec<_> = layers
        .into_iter()
        .filter(|l| {
            l.annotations
                .get(legacy::ANN_PREDICATE_TYPE)
                .is_none_or(|p| types.contains(p))
        })
        .collect();
    crate::report::log(2, || {
        format!(
            "{}: tag {tag}: {} attestation layer(s) of the required types",
            fetch.repo.original(),
            layers.len()
        )
    });
    if layers.len() > MAX_SIGNATURE_LAYERS {
        gaps.push(Verdict::new(
            VerdictCode::MalformedBundle,
            format!(
                "the attestation manifest {tag} has {} layers of the required types, more than \
                 the {MAX_SIGNATURE_LAYERS} looked at per image (MAX_SIGNATURE_LAYERS); none was \
                 fetched",
                layers.len()
            ),
        ));
        return Vec::new();
    }
    let mut out = Vec::new();
    for layer in layers {
        let Ok(d) = Digest::parse(&layer.digest) else {
            out.push(unreadable(format!(
                "invalid layer digest {:?}",
                layer.digest
            )));
            continue;
        };
        let envelope = match fetch.blob(&d).await {
            Ok(p) => p,
            Err(FetchError::Registry(RegistryError::NotFound { .. })) => {
                out.push(unreadable(format!(
                    "envelope blob {} is missing",
                    layer.digest
                )));
                continue;
            }
            Err(FetchError::Limit(v)) => {
                gaps.push(v);
                break;
            }
            Err(FetchError::Registry(e)) => {
                if fetch.failed(gaps, "fetching an attestation envelope", &e) {
                    break;
                }
                continue;
            }
        };
        out.push(Evidence::Attestation(Attestation::Legacy {
            source: source.clone(),
            layer,
            envelope,
        }));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundle_descriptors_keep_signatures_only() {
        let index = br#"{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[
          {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:1111111111111111111111111111111111111111111111111111111111111111","size":1,"artifactType":"application/vnd.dev.sigstore.bundle.v0.3+json","annotations":{"dev.sigstore.bundle.predicateType":"https://sigstore.dev/cosign/sign/v1"}},
          {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:2222222222222222222222222222222222222222222222222222222222222222","size":1,"artifactType":"application/vnd.dev.sigstore.bundle.v0.3+json","annotations":{"dev.sigstore.bundle.predicateType":"https://slsa.dev/provenance/v1"}},
          {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:3333333333333333333333333333333333333333333333333333333333333333","size":1,"artifactType":"application/spdx+json"},
          {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:4444444444444444444444444444444444444444444444444444444444444444","size":1,"artifactType":"application/vnd.dev.sigstore.bundle.v0.3+json"}
        ]}"#;
        let d = bundle_descriptors(index).unwrap();
        assert_eq!(d.len(), 2);
        assert!(d[0].hex().starts_with("1111"));
        assert!(d[1].hex().starts_with("4444"));
        assert!(bundle_descriptors(b"nope").is_err());
    }

    /// Issue 8: a referrers list naming the same bundle 200 times fetched (and held) it 200
    /// times; each bundle is listed once.
    #[test]
    fn bundle_descriptors_are_listed_once() {
        let entry = |hex: &str| {
            serde_json::json!({
                "mediaType": "application/vnd.oci.image.manifest.v1+json",
                "digest": format!("sha256:{}", hex.repeat(64)), "size": 1,
                "artifactType": BUNDLE_ARTIFACT_TYPE,
            })
        };
        let mut manifests: Vec<serde_json::Value> = (0..200).map(|_| entry("1")).collect();
        manifests.insert(1, entry("2"));
        let index = serde_json::json!({"schemaVersion": 2, "manifests": manifests}).to_string();
        let d = bundle_descriptors(index.as_bytes()).unwrap();
        assert_eq!(d.len(), 2);
        assert!(d[0].hex().starts_with('1') && d[1].hex().starts_with('2'));
    }

    #[test]
    fn index_children_skip_attestations_and_name_platforms() {
        let index = br#"{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[
          {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:1111111111111111111111111111111111111111111111111111111111111111","size":1,"platform":{"os":"linux","architecture":"arm64","variant":"v8"}},
          {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:2222222222222222222222222222222222222222222222222222222222222222","size":1,"platform":{"os":"unknown","architecture":"unknown"}}
        ]}"#;
        let c = index_children(index).unwrap();
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].platform.as_deref(), Some("linux/arm64/v8"));
        let manifest = br#"{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{},"layers":[]}"#;
        assert!(index_children(manifest).is_none());
    }

    fn index_of(digests: &[&str]) -> Vec<u8> {
        let entries: Vec<serde_json::Value> = digests
            .iter()
            .enumerate()
            .map(|(i, d)| {
                serde_json::json!({
                    "mediaType": "application/vnd.oci.image.manifest.v1+json",
                    "digest": d,
                    "size": 1,
                    "platform": {"os": "linux", "architecture": format!("arch{i}")},
                })
            })
            .collect();
        serde_json::json!({
            "schemaVersion": 2,
            "mediaType": "application/vnd.oci.image.index.v1+json",
            "manifests": entries,
        })
        .to_string()
        .into_bytes()
    }

    /// Issue 8: children whose digest did not parse (`sha512:`, uppercase hex) were dropped
    /// before "all children verified" was decided, so an index verified on its signed child
    /// alone. They are kept, and any one that cannot be checked stops the index verifying.
    #[test]
    fn index_children_keep_and_refuse_what_cannot_be_checked() {
        let good = format!("sha256:{}", "1".repeat(64));
        let sha512 = format!("sha512:{}", "2".repeat(128));
        let upper = format!("sha256:{}", "AB".repeat(32));
        let sha384 = format!("sha384:{}", "3".repeat(96));
        let huge = format!("sha256:{}", "x".repeat(10_000));
        let index = Digest::parse(&format!("sha256:{}", "9".repeat(64))).unwrap();
        // (children's digests, Ok(number checked) or Err(text the reason must contain))
        let table: Vec<(Vec<&str>, Result<usize, &str>)> = vec![
            (vec![&good], Ok(1)),
            // sha512 is an OCI digest: checked like any other child (its signature is looked
            // up under its own digest), not dropped.
            (vec![&good, &sha512], Ok(2)),
            (vec![&good, &upper], Err(&upper)),
            (vec![&upper, &good], Err("arch0 manifest cannot be checked")),
            (vec![&good, &sha384], Err(&sha384)),
            (vec![&good, "not a digest"], Err("\"not a digest\"")),
            (vec![&good, &huge], Err("…")),
            (vec![], Err("lists no platform manifest")),
        ];
        for (digests, want) in table {
            let children = index_children(&index_of(&digests)).unwrap();
            assert_eq!(children.len(), digests.len(), "{digests:?}");
            let got = checkable_children(&index, children, "is unsigned");
            match (want, got) {
                (Ok(n), Ok(c)) => assert_eq!(c.len(), n, "{digests:?}"),
                (Err(text), Err(why)) => {
                    assert!(why.contains(text), "{digests:?}: {why}");
                    assert!(
                        why.starts_with("the index 999999999999 is unsigned"),
                        "{why}"
                    );
                    assert!(why.len() < 400, "reason quotes at most ~200 bytes: {why}");
                }
                (want, got) => panic!("{digests:?}: want {want:?}, got {got:?}"),
            }
        }
        // More children than are checked: the index does not verify through them.
        let many: Vec<String> = (0..=MAX_CHILDREN)
            .map(|i| format!("sha256:{i:064x}"))
            .collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        let why = checkable_children(
            &index,
            index_children(&index_of(&many)).unwrap(),
            "is unsigned",
        )
        .unwrap_err();
        assert!(why.contains("more than the 64 checked"), "{why}");
        let fewer = index_children(&index_of(&many[1..])).unwrap();
        assert!(checkable_children(&index, fewer, "is unsigned").is_ok());
    }
}
