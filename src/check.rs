//! From *image uses* to report entries: the one path `image`, `manifests`, the cluster
//! commands and `pin --verify` share.
//!
//! An image use is an image reference with where it was used (a command-line argument, a
//! file location, a container of a cluster object), what the node runs for it (a digest, only
//! a config digest, nothing yet) and the pull-secret credentials that go with it. This module:
//!
//! 1. turns each use into the reference that is verified: the spec reference for policies and
//!    the repository (mirrors apply), with the digest the node *runs* when it reports one — a
//!    bare config digest is first matched to the manifest that has it (`unknown-digest` when
//!    none does), never replaced by what the tag points to now;
//! 2. verifies each distinct (repository, digest) once per credential (uses whose pull
//!    secrets do not cover a registry share the local credentials), through
//!    [`evidence::verify_images`], through the verification cache ([`crate::cache`]) when the
//!    run has one: a digest whose `verified` judgement is cached under the same key is not
//!    verified again (a tag still costs its resolve), and every fresh `verified` is stored;
//! 3. builds one report entry per (reference, digest, verdict) with every use of it, and
//!    decides whether the entry fails the run (the enforcement rule).

use std::collections::HashMap;
use std::sync::Arc;

use crate::cache::{self, Cache, Lookup};
use crate::evidence::{self, ImageOutcome, Progress, VerifyPlan};
use crate::reference::{Digest, ImageRef};
use crate::registry::{Keychain, Registry};
use crate::report::images::{ImageEntry, RekorInfo, UseSource, VerifiedDigest, rfc3339};
use crate::verify::image::Judgement;
use crate::verify::policy::Mode;
use crate::verify::scope::Subject;
use crate::verify::{Verdict, VerdictCode};

/// What the node runs for a use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Running {
    /// Not a container on a node: an argument, a file, a workload template, an image volume.
    NotApplicable,
    /// A container whose image is not there yet (pulling, back-off): verified from its spec
    /// reference and reported as not running.
    Pending,
    /// The manifest or index digest the node runs.
    Digest(Digest),
    /// Only the image config digest is known (kind-loaded images, CRI-O).
    Config(Digest),
    /// The node reports an `imageID` that names no digest.
    Unrecognised(String),
}

/// One use of an image.
#[derive(Debug, Clone)]
pub struct ImageUse {
    /// The reference as the spec writes it: policies match it, signatures are fetched from
    /// its repository.
    pub image: ImageRef,
    pub running: Running,
    /// Where it was used, as the report shows it; `None` for a command-line argument.
    pub source: Option<UseSource>,
    /// Pull-secret credentials for this use's images only (cluster reads).
    pub keychain: Option<Arc<Keychain>>,
    /// The object it belongs to (kind, name, namespace, labels), as far as known: what a
    /// policy's scope (`match`/`exclude`) is decided on.
    pub subject: Subject,
}

impl ImageUse {
    /// A reference named on the command line.
    pub fn argument(image: ImageRef) -> Self {
        Self {
            image,
            running: Running::NotApplicable,
            source: None,
            keychain: None,
            subject: Subject::default(),
        }
    }
}

/// Everything that decides the outcome besides the uses.
pub struct Settings {
    pub plan: VerifyPlan,
    /// `--allow-unmatched`: images no rule covers are reported, not failed.
    pub allow_unmatched: bool,
    /// `--drift`: also say when a running digest is not what its tag resolves to now.
    pub drift: bool,
    /// The verification cache; `None` with `--no-cache` or `--cache-ttl 0`.
    pub cache: Option<Cache>,
}

/// When each reference's `verified` came from the cache: the entry's write time, by the
/// reference's spelling.
type FromCache = HashMap<String, jiff::Timestamp>;

/// What a report entry stands for: (spec reference, digest or why there is none, verdict).
type EntryKey = (String, String, VerdictCode);

/// Verifies every use and returns one entry per (reference, digest, verdict, deciding
/// policy), in the order of first use, each listing all its uses.
///
/// Uses are grouped by which policies' scopes (`match`/`exclude` of admission policies)
/// apply to them, and each group is verified under the policy set narrowed to those: most
/// runs have one group (policies without a scope apply to every use).
pub async fn check(
    registry: &Registry,
    settings: &Settings,
    uses: Vec<ImageUse>,
    progress: Option<&dyn Progress>,
) -> Vec<ImageEntry> {
    let policies = &settings.plan.policies.policies;
    if policies.iter().all(|p| p.scope.is_everything()) {
        return check_group(registry, settings, &settings.plan, uses, progress).await;
    }
    let mut groups: Vec<(Vec<bool>, Vec<ImageUse>)> = Vec::new();
    for u in uses {
        let applies: Vec<bool> = policies
            .iter()
            .map(|p| p.scope.applies(&u.subject))
            .collect();
        match groups.iter_mut().find(|(a, _)| *a == applies) {
            Some((_, list)) => list.push(u),
            None => groups.push((applies, vec![u])),
        }
    }
    let mut out: Vec<ImageEntry> = Vec::new();
    for (applies, uses) in groups {
        let plan = settings
            .plan
            .narrowed(&settings.plan.policies.narrowed(&applies));
        for e in check_group(registry, settings, &plan, uses, progress).await {
            // The same outcome reached in two groups is one entry.
            match out.iter_mut().find(|o| same_entry(o, &e)) {
                Some(o) => {
                    o.sources.extend(e.sources);
                    o.sources.sort();
                    o.sources.dedup();
                }
                None => out.push(e),
            }
        }
    }
    out
}

/// Whether two entries report the same outcome (reference, digest, verdict, policy, and the
/// outcome of every requirement: groups under different scopes may agree on the verdict but
/// not on which policies applied, and each use must be listed with its own).
fn same_entry(a: &ImageEntry, b: &ImageEntry) -> bool {
    a.reference == b.reference
        && a.digest == b.digest
        && a.verdict == b.verdict
        && a.policy == b.policy
        && a.origin == b.origin
        && a.enforced == b.enforced
        && a.results == b.results
}

/// [`check`] for uses that all have the same policies applying.
async fn check_group(
    registry: &Registry,
    settings: &Settings,
    plan: &VerifyPlan,
    uses: Vec<ImageUse>,
    progress: Option<&dyn Progress>,
) -> Vec<ImageEntry> {
    // 1. What each use verifies: its spec reference, at the digest the node runs.
    let configs = match_configs(registry, &uses, plan.concurrency).await;
    let mut targets: Vec<(ImageUse, Result<ImageRef, Verdict>)> = Vec::with_capacity(uses.len());
    for u in uses {
        let target = match &u.running {
            Running::NotApplicable | Running::Pending => Ok(u.image.clone()),
            Running::Digest(d) => Ok(at_digest(&u.image, d)),
            Running::Config(c) => configs
                .get(&config_key(registry, &u, c))
                .cloned()
                .unwrap_or_else(|| {
                    Err(Verdict::new(VerdictCode::Unreachable, "config not matched"))
                })
                .map(|d| at_digest(&u.image, &d)),
            Running::Unrecognised(id) => Err(Verdict::new(
                VerdictCode::UnknownDigest,
                format!(
                    "the node reports imageID {}, which names no digest",
                    clip(id)
                ),
            )),
        };
        targets.push((u, target));
    }

    // 2. Verify, grouped by the credential each registry lookup will use.
    let mut groups: HashMap<Option<String>, (Registry, Vec<ImageRef>)> = HashMap::new();
    for (u, target) in &targets {
        let Ok(t) = target else { continue };
        let with = registry.with_keychain(u.keychain.clone());
        let id = with.credential_id(t);
        let group = groups.entry(id.clone()).or_insert_with(|| {
            (
                if id.is_some() { with } else { registry.clone() },
                Vec::new(),
            )
        });
        group.1.push(t.clone());
    }
    let group_outcomes =
        futures::future::join_all(groups.into_iter().map(|(id, (reg, refs))| async move {
            let outcomes = verify(&reg, &refs, plan, settings.cache.as_ref(), progress).await;
            (id, reg, outcomes)
        }))
        .await;
    let mut outcomes: HashMap<(Option<String>, String), ImageOutcome> = HashMap::new();
    let mut from_cache: HashMap<(Option<String>, String), jiff::Timestamp> = HashMap::new();
    for (id, _, (list, cached)) in group_outcomes {
        for o in list {
            outcomes.insert((id.clone(), o.reference.original().to_owned()), o);
        }
        for (r, t) in cached {
            from_cache.insert((id.clone(), r), t);
        }
    }

    // 3. One entry per (spec reference, digest, verdict), with every use of it: uses of one
    //    digest whose credentials got different answers (one namespace's pull secret works,
    //    another's does not) are not listed under one verdict.
    let mut order: Vec<EntryKey> = Vec::new();
    // Each entry with the pull-secret credentials of its first use, for `--drift`'s lookups.
    let mut entries: HashMap<EntryKey, (ImageEntry, Option<Arc<Keychain>>)> = HashMap::new();
    for (u, target) in targets {
        let mut cached = false;
        let (key, outcome) = match target {
            Ok(t) => {
                let id = registry.with_keychain(u.keychain.clone()).credential_id(&t);
                let at = (id, t.original().to_owned());
                cached = from_cache.contains_key(&at);
                let outcome = outcomes.get(&at).cloned();
                let outcome = outcome.unwrap_or_else(|| ImageOutcome {
                    reference: t.clone(),
                    digest: t.digest().cloned(),
                    judgement: judgement_of(Verdict::new(VerdictCode::Unreachable, "not verified")),
                    verified_by: Vec::new(),
                });
                let digest = outcome.digest.as_ref().map(ToString::to_string);
                (
                    (
                        u.image.original().to_owned(),
                        digest.unwrap_or_default(),
                        outcome.judgement.verdict.code,
                    ),
                    outcome,
                )
            }
            Err(v) => {
                let key = match &u.running {
                    Running::Config(c) => format!("config {c}"),
                    Running::Unrecognised(id) => format!("imageID {id}"),
                    _ => String::new(),
                };
                (
                    (u.image.original().to_owned(), key, v.code),
                    ImageOutcome {
                        reference: u.image.clone(),
                        digest: None,
                        judgement: judgement_of(v),
                        verified_by: Vec::new(),
                    },
                )
            }
        };
        let (entry, _) = entries.entry(key.clone()).or_insert_with(|| {
            order.push(key.clone());
            let mut e = entry(u.image.original(), outcome, settings.allow_unmatched);
            e.cached = cached;
            (e, u.keychain.clone())
        });
        // Duplicates are dropped after sorting (below): `contains` here is quadratic in uses.
        if let Some(s) = u.source {
            entry.sources.push(s);
        }
    }
    let (mut out, keychains): (Vec<ImageEntry>, Vec<Option<Arc<Keychain>>>) =
        order.into_iter().filter_map(|k| entries.remove(&k)).unzip();
    if settings.drift {
        drift(registry, &mut out, &keychains, plan.concurrency).await;
    }
    for e in &mut out {
        e.sources.sort();
        e.sources.dedup();
    }
    out
}

/// [`evidence::verify_images`] through the verification cache: each reference's digest (a tag
/// is resolved; the registry remembers it, so verifying a miss costs no second request) is
/// looked up, hits are reported from their entries, the misses verified, and every fresh
/// `verified` stored. Outcomes in the order given (duplicates by spelling removed), and which
/// of them came from the cache.
async fn verify(
    registry: &Registry,
    refs: &[ImageRef],
    plan: &VerifyPlan,
    cache: Option<&Cache>,
    progress: Option<&dyn Progress>,
) -> (Vec<ImageOutcome>, FromCache) {
    use futures::StreamExt as _;
    let Some(cache) = cache else {
        let outcomes = evidence::verify_images(registry, refs, plan, progress).await;
        return (outcomes, FromCache::new());
    };
    let mut seen = std::collections::HashSet::new();
    let refs: Vec<&ImageRef> = refs
        .iter()
        .filter(|r| seen.insert(r.original().to_owned()))
        .collect();
    let digests: Vec<Option<Digest>> = futures::stream::iter(
        refs.iter()
            .map(|r| async move { registry.resolve(r).await.ok() }),
    )
    .buffered(plan.concurrency.max(1))
    .collect()
    .await;
    let lookup = |r: &ImageRef| registry.lookup_reference(r);
    let key = |r: &ImageRef, digest: &Digest| {
        let credential = registry.credential_id(r);
        let access = cache::Access {
            lookup: &lookup,
            credential: credential.as_deref(),
        };
        cache::key(plan, r, digest, &access)
    };
    let now = jiff::Timestamp::now();
    let mut hits: HashMap<String, ImageOutcome> = HashMap::new();
    let mut from_cache = FromCache::new();
    let mut misses: Vec<ImageRef> = Vec::new();
    for (r, digest) in refs.iter().zip(digests) {
        let Some(digest) = digest else {
            misses.push((*r).clone());
            continue;
        };
        match cache.lookup(&key(r, &digest), &digest, now) {
            Lookup::Hit(hit) => {
                crate::report::log(2, || {
                    let resolved = if r.digest().is_none() {
                        format!("resolved to {digest}; ")
                    } else {
                        String::new()
                    };
                    format!(
                        "{}: {resolved}verified from the cache (entry written {}, {})",
                        r.original(),
                        crate::tuf::rfc3339_seconds(hit.written),
                        hit.path.display()
                    )
                });
                from_cache.insert(r.original().to_owned(), hit.written);
                hits.insert(
                    r.original().to_owned(),
                    ImageOutcome {
                        reference: (*r).clone(),
                        digest: Some(digest),
                        judgement: hit.judgement,
                        verified_by: hit.verified_by,
                    },
                );
            }
            miss => {
                crate::report::log(2, || match miss {
                    Lookup::Expired { written } => format!(
                        "{}: the cache entry written {} is older than --cache-ttl",
                        r.original(),
                        crate::tuf::rfc3339_seconds(written)
                    ),
                    Lookup::Foreign => format!(
                        "{}: the cache entry is another version's; verifying",
                        r.original()
                    ),
                    _ => format!("{}: not in the cache", r.original()),
                });
                if let Lookup::Unusable { path, why } = &miss {
                    crate::report::warn(&format!(
                        "ignoring the verification cache entry {} ({why}); verifying {} again",
                        path.display(),
                        r.original()
                    ));
                }
                misses.push((*r).clone());
            }
        }
    }
    let fresh = evidence::verify_images(registry, &misses, plan, progress).await;
    let now = jiff::Timestamp::now();
    for o in &fresh {
        let Some(digest) = &o.digest else { continue };
        let key = key(&o.reference, digest);
        let stored = cache.store(
            &key,
            &o.reference,
            digest,
            &o.judgement,
            &o.verified_by,
            now,
        );
        if let Err(e) = stored
            && cache.first_failure()
        {
            crate::report::warn(&format!(
                "the verification cache is not updated ({:#}); --no-cache turns it off",
                anyhow::Error::from(e)
            ));
        }
    }
    let mut fresh: HashMap<String, ImageOutcome> = fresh
        .into_iter()
        .map(|o| (o.reference.original().to_owned(), o))
        .collect();
    let outcomes = refs
        .iter()
        .filter_map(|r| {
            hits.remove(r.original())
                .or_else(|| fresh.remove(r.original()))
        })
        .collect();
    (outcomes, from_cache)
}

/// At most ~200 bytes of text a server or file controls.
fn clip(s: &str) -> String {
    crate::text::clip_quoted(s, 200)
}

/// `repo:tag` at `digest` (`repo:tag@digest`): the tag stays for messages and for finding
/// the index a platform manifest belongs to.
fn at_digest(image: &ImageRef, digest: &Digest) -> ImageRef {
    if image.digest() == Some(digest) {
        image.clone()
    } else {
        image.with_digest(digest)
    }
}

fn config_key(registry: &Registry, u: &ImageUse, config: &Digest) -> String {
    let id = registry
        .with_keychain(u.keychain.clone())
        .credential_id(&u.image)
        .unwrap_or_default();
    format!("{id} {} {config}", u.image.canonical())
}

/// Each distinct (reference, config digest) matched to its manifest once.
async fn match_configs(
    registry: &Registry,
    uses: &[ImageUse],
    concurrency: usize,
) -> HashMap<String, Result<Digest, Verdict>> {
    use futures::StreamExt as _;
    let mut seen = std::collections::HashSet::new();
    let jobs: Vec<(String, Registry, &ImageRef, &Digest)> = uses
        .iter()
        .filter_map(|u| match &u.running {
            Running::Config(c) => {
                let key = config_key(registry, u, c);
                seen.insert(key.clone())
                    .then(|| (key, registry.with_keychain(u.keychain.clone()), &u.image, c))
            }
            _ => None,
        })
        .collect();
    futures::stream::iter(
        jobs.into_iter()
            .map(|(key, reg, image, config)| async move {
                (
                    key,
                    evidence::manifest_for_config(&reg, image, config).await,
                )
            }),
    )
    .buffer_unordered(concurrency.max(1))
    .collect()
    .await
}

/// `--drift`: for entries verified at a running digest of a tagged reference, what the tag
/// resolves to now (one lookup per distinct tag and credential, with the pull secrets of the
/// entry's first use: `keychains` goes with `entries`), when that is neither the running
/// digest nor an index listing it. Reported, not failed: the verdict is about what runs.
async fn drift(
    registry: &Registry,
    entries: &mut [ImageEntry],
    keychains: &[Option<Arc<Keychain>>],
    concurrency: usize,
) {
    use futures::StreamExt as _;
    let tag_key = |reg: &Registry, r: &ImageRef| {
        format!(
            "{} {}",
            reg.credential_id(r).unwrap_or_default(),
            r.canonical()
        )
    };
    let mut seen = std::collections::HashSet::new();
    let tags: Vec<(String, Registry, ImageRef)> = entries
        .iter()
        .zip(keychains)
        .filter(|(e, _)| e.runs())
        .filter_map(|(e, k)| {
            let r = ImageRef::parse(&e.reference).ok()?;
            let reg = registry.with_keychain(k.clone());
            let key = tag_key(&reg, &r);
            (r.digest().is_none() && seen.insert(key.clone())).then_some((key, reg, r))
        })
        .collect();
    // (credential, canonical tag) → (digest now, the platform manifests it lists when it is
    // an index)
    let now: HashMap<String, (Digest, Vec<Digest>)> = futures::stream::iter(tags.iter())
        .map(|(key, reg, r)| async move {
            let d = reg.resolve(r).await.ok()?;
            let listed = reg
                .manifest(r, d.as_str())
                .await
                .ok()
                .and_then(|m| evidence::index_children(&m.bytes))
                .map(|c| c.into_iter().filter_map(|c| c.digest.ok()).collect())
                .unwrap_or_default();
            Some((key.clone(), (d, listed)))
        })
        .buffer_unordered(concurrency.max(1))
        .filter_map(|x| async move { x })
        .collect()
        .await;
    for (e, k) in entries.iter_mut().zip(keychains).filter(|(e, _)| e.runs()) {
        let (Ok(r), Some(running)) = (ImageRef::parse(&e.reference), e.digest.as_deref()) else {
            continue;
        };
        let Some((current, listed)) = now.get(&tag_key(&registry.with_keychain(k.clone()), &r))
        else {
            continue;
        };
        if current.as_str() == running || listed.iter().any(|d| d.as_str() == running) {
            continue;
        }
        e.current_digest = Some(current.to_string());
        let note = format!("drift: the node runs {running}, the tag now resolves to {current}");
        e.detail = if e.detail.is_empty() {
            note
        } else {
            format!("{}; {note}", e.detail)
        };
    }
}

fn judgement_of(verdict: Verdict) -> Judgement {
    Judgement::new(verdict)
}

/// The report entry for an outcome, with the enforcement rule: a verdict fails the run unless
/// its policy is in `mode: warn`, or no rule covers the image and `--allow-unmatched` is set.
pub fn entry(reference: &str, o: ImageOutcome, allow_unmatched: bool) -> ImageEntry {
    let j = o.judgement;
    let enforced = enforced(&j, allow_unmatched);
    ImageEntry {
        reference: reference.to_owned(),
        digest: o.digest.map(|d| d.to_string()),
        verified_by: o
            .verified_by
            .into_iter()
            .map(|v| VerifiedDigest {
                digest: v.digest.to_string(),
                platform: v.platform,
            })
            .collect(),
        verdict: j.verdict.code,
        enforced,
        detail: j.verdict.detail,
        policy: j.policy,
        origin: j.origin,
        results: j.results,
        signer: j.verdict.signer,
        format: j.format,
        rekor: j.verdict.tlog.map(|t| RekorInfo {
            log_index: t.log_index,
            integrated_time: rfc3339(t.integrated_time),
        }),
        attestations: j.attestations,
        current_digest: None,
        sources: Vec::new(),
        cached: false,
    }
}

/// Whether a judgement fails the run: it does unless its policy is in `mode: warn`, or no
/// rule covers the image and `--allow-unmatched` is set.
fn enforced(j: &Judgement, allow_unmatched: bool) -> bool {
    let unmatched_allowed = allow_unmatched && j.verdict.code == VerdictCode::NoPolicy;
    j.mode == Mode::Enforce && !unmatched_allowed
}

/// What `pin --verify` may write, keyed by [`ImageRef::canonical`].
#[derive(Debug, Default)]
pub struct PinDigests {
    /// The digest to pin, or why the reference is not pinned.
    pub digests: HashMap<String, Result<Digest, String>>,
    /// References pinned although their signature did not verify, because the failure does
    /// not fail the run (`mode: warn`, `--allow-unmatched`): what to tell the user.
    pub unverified: HashMap<String, String>,
}

/// For `pin --verify`: each reference resolved and verified once; a digest is kept when its
/// signature verified — exactly the digest that verified, never a second lookup — or when the
/// failure is not enforced (the enforcement rule of [`entry`]): then the digest it resolved
/// to is pinned and the failure reported in [`PinDigests::unverified`].
pub async fn verified_digests(
    registry: &Registry,
    settings: &Settings,
    refs: &[ImageRef],
) -> PinDigests {
    let (outcomes, _) = verify(
        registry,
        refs,
        &settings.plan,
        settings.cache.as_ref(),
        None,
    )
    .await;
    let mut out = PinDigests::default();
    for o in outcomes {
        let key = o.reference.canonical();
        let j = &o.judgement;
        let v = &j.verdict;
        let result = match o.digest {
            Some(d) if v.code.is_verified() => Ok(d),
            Some(d) if !enforced(j, settings.allow_unmatched) => {
                let why = match &j.policy {
                    _ if v.code == VerdictCode::NoPolicy => "--allow-unmatched".to_owned(),
                    Some(p) => format!("policy {p} is in mode: warn"),
                    None => "its policy is in mode: warn".to_owned(),
                };
                out.unverified.insert(
                    key.clone(),
                    format!(
                        "the signature of {d} did not verify ({}; pinned anyway: {why}): {}",
                        v.code, v.detail
                    ),
                );
                Ok(d)
            }
            Some(d) => Err(format!(
                "not pinned: the signature of {d} did not verify ({}): {}",
                v.code, v.detail
            )),
            None => Err(format!("not pinned ({}): {}", v.code, v.detail)),
        };
        out.digests.insert(key, result);
    }
    out
}
