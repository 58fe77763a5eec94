//! Judging an image's signature evidence: a pure function over what the registry returned.
//!
//! Evidence for one digest is a list of Sigstore bundles (cosign 3, found as OCI referrers)
//! and legacy simple-signing layers (cosign 2, the `sha256-<hex>.sig` tag). Bundles are tried
//! first, then legacy layers, as cosign 3 does. Each piece goes through the one engine
//! ([`super::sigstore::verify_bundle`]); a legacy layer is turned into a v0.1 bundle first and
//! its payload must name the image digest.
//!
//! A requirement (flags or a policy) is satisfied when `count` of its authorities are each
//! satisfied by a *different* signature (a maximum matching of authorities to distinct
//! signatures, see [`distinct_matches`]): one signature never counts twice, even when two
//! authorities overlap. When it is not, the verdict reported is the most telling failure among
//! all signatures tried (see [`rank`]).

use std::sync::Arc;

use serde::Serialize;

use super::attest::{self, AttestationRequirement, Condition};
use super::legacy::{self, LayerDescriptor, LegacySignature};
use super::policy::{Mode, NamedAuthority, Origin, Requirement, StaticAction};
use super::sigstore::{Authority, Options, Subject, parse_bundle, verify_bundle};
use super::trust::Trust;
use super::{Signer, Verdict, VerdictCode};
use crate::reference::{Algorithm, Digest};

/// Where a signature came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// A Sigstore bundle attached as an OCI referrer (cosign 3).
    Bundle,
    /// A simple-signing layer of the `sha256-<hex>.sig` manifest (cosign 2).
    Legacy,
}

/// One piece of signature evidence for a digest.
#[derive(Debug, Clone)]
pub enum Evidence {
    /// A Sigstore bundle; `source` is the referrer manifest it came from. The bytes are
    /// shared with every other piece of evidence naming the same blob.
    Bundle { source: Digest, json: Arc<[u8]> },
    /// A legacy layer with its payload blob (already checked against the layer digest),
    /// shared with the other layers naming the same blob.
    Legacy {
        source: Digest,
        layer: LayerDescriptor,
        payload: Arc<[u8]>,
    },
    /// Something that looked like a signature but could not be read.
    Unreadable { source: String, why: String },
    /// An attestation: judged only by authorities with `attestations`, never taken for an
    /// image signature.
    Attestation(Attestation),
}

/// One attestation attached to a digest.
#[derive(Debug, Clone)]
pub enum Attestation {
    /// A Sigstore bundle whose DSSE payload is an in-toto statement (cosign 3 `attest`, a
    /// referrer); `source` is the referrer manifest.
    Bundle { source: Digest, json: Arc<[u8]> },
    /// A DSSE envelope layer of the `sha256-<hex>.att` manifest (cosign 2 `attest`), with the
    /// envelope blob (already checked against the layer digest).
    Legacy {
        source: Digest,
        layer: LayerDescriptor,
        envelope: Arc<[u8]>,
    },
    /// Something that looked like an attestation but could not be read.
    Unreadable { source: String, why: String },
}

impl Attestation {
    pub fn format(&self) -> Option<Format> {
        match self {
            Self::Bundle { .. } => Some(Format::Bundle),
            Self::Legacy { .. } => Some(Format::Legacy),
            Self::Unreadable { .. } => None,
        }
    }

    /// The DSSE payload (the statement's bytes), unverified.
    fn payload(&self) -> Result<Vec<u8>, String> {
        use base64::Engine as _;
        match self {
            Self::Bundle { json, .. } => {
                let v: serde_json::Value = serde_json::from_slice(json)
                    .map_err(|e| format!("the bundle is not JSON: {e}"))?;
                let payload = v
                    .pointer("/dsseEnvelope/payload")
                    .and_then(|p| p.as_str())
                    .ok_or("the bundle has no DSSE envelope")?;
                base64::engine::general_purpose::STANDARD
                    .decode(payload)
                    .map_err(|e| format!("the DSSE payload is not base64: {e}"))
            }
            Self::Legacy { envelope, .. } => legacy::Envelope::parse(envelope)
                .and_then(|e| e.payload())
                .map_err(|e| e.to_string()),
            Self::Unreadable { why, .. } => Err(why.clone()),
        }
    }

    fn source(&self) -> String {
        match self {
            Self::Bundle { source, .. } => format!("referrer {}", source.short()),
            Self::Legacy { source, layer, .. } => {
                format!("attestation {} of {}", short(&layer.digest), source.short())
            }
            Self::Unreadable { source, .. } => source.clone(),
        }
    }
}

fn short(digest: &str) -> &str {
    let hex = digest.split_once(':').map_or(digest, |(_, h)| h);
    &hex[..hex.len().min(12)]
}

impl Evidence {
    pub fn format(&self) -> Option<Format> {
        match self {
            Self::Bundle { .. } => Some(Format::Bundle),
            Self::Legacy { .. } => Some(Format::Legacy),
            Self::Unreadable { .. } => None,
            Self::Attestation(a) => a.format(),
        }
    }
}

/// One attestation checked for an image, for the report.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AttestationCheck {
    /// The attestation's name (policy) or the short name of its type.
    pub name: String,
    pub predicate_type: String,
    /// The authority it was required by.
    pub authority: String,
    pub result: VerdictCode,
    pub detail: String,
    pub signer: Option<Signer>,
    pub format: Option<Format>,
}

/// A verdict and, when a signature was judged, which format it had.
#[derive(Debug, Clone)]
pub struct Judgement {
    pub verdict: Verdict,
    pub format: Option<Format>,
    /// The requirement (policy) the verdict is about; `None` for `no-policy`/`unsigned`.
    pub policy: Option<String>,
    pub mode: Mode,
    /// Each attestation checked, when the requirement asks for attestations.
    pub attestations: Vec<AttestationCheck>,
    /// The admission-policy document and rule of the requirement the verdict is about.
    pub origin: Option<Origin>,
    /// When an admission policy applies: the outcome of every requirement that applied
    /// (reports list a result per policy and rule), the deciding one among them.
    pub results: Vec<RequirementResult>,
}

/// The outcome of one requirement for an image.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RequirementResult {
    /// The requirement's name (`flags`, a policy's name).
    pub policy: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin: Option<Origin>,
    pub mode: Mode,
    pub verdict: VerdictCode,
    pub detail: String,
}

impl Judgement {
    pub fn new(verdict: Verdict) -> Self {
        Self {
            verdict,
            format: None,
            policy: None,
            mode: Mode::Enforce,
            attestations: Vec::new(),
            origin: None,
            results: Vec::new(),
        }
    }

    pub fn is_verified(&self) -> bool {
        self.verdict.code.is_verified()
    }
}

/// How telling a failure is: lower is reported first. A signature that verified but names
/// someone else says more than one whose bytes are broken, and so on.
pub fn rank(code: VerdictCode) -> u8 {
    match code {
        VerdictCode::Verified => 0,
        // Signed by whom was wanted, for this image, and only the content is wrong.
        VerdictCode::ConditionFailed => 1,
        VerdictCode::IdentityMismatch => 2,
        VerdictCode::DigestMismatch => 3,
        VerdictCode::UntrustedCertificate => 4,
        VerdictCode::TlogMissing => 5,
        VerdictCode::InvalidSignature => 6,
        VerdictCode::MalformedBundle => 7,
        VerdictCode::RateLimited => 8,
        VerdictCode::Unauthorized => 9,
        VerdictCode::NotFound => 10,
        VerdictCode::Unreachable => 11,
        VerdictCode::AttestationMissing => 12,
        VerdictCode::Unsigned => 13,
        VerdictCode::NoPolicy => 14,
        VerdictCode::UnknownDigest => 15,
        // Decided by the policy, not by evidence: never compared with signature failures
        // (see `judge_requirement`), ranked last for completeness.
        VerdictCode::Unsupported => 16,
        VerdictCode::Denied => 17,
    }
}

/// The in-toto predicate of a cosign 3 image signature.
const COSIGN_SIGN_PREDICATE: &str = "https://sigstore.dev/cosign/sign/v1";

/// False for a bundle that is an attestation (a DSSE in-toto statement with another predicate
/// than cosign's signature predicate): cosign 3 attaches those as referrers too, and they say
/// something about the image, not that it was signed. Anything unreadable counts as a
/// signature, so that the judgement reports it as malformed instead of ignoring it.
pub fn is_signature_bundle(json: &[u8]) -> bool {
    bundle_predicate_type(json).is_none_or(|p| p == COSIGN_SIGN_PREDICATE)
}

/// The `predicateType` of the in-toto statement a DSSE bundle carries; `None` when `json` is
/// not such a bundle (a message-signature bundle, or something unreadable).
pub fn bundle_predicate_type(json: &[u8]) -> Option<String> {
    use base64::Engine as _;
    let v = serde_json::from_slice::<serde_json::Value>(json).ok()?;
    let payload = v.pointer("/dsseEnvelope/payload")?.as_str()?;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(payload)
        .ok()?;
    let statement = serde_json::from_slice::<serde_json::Value>(&bytes).ok()?;
    Some(statement.get("predicateType")?.as_str()?.to_owned())
}

/// Judges one piece of evidence against one authority.
pub fn judge_one(
    digest: &Digest,
    evidence: &Evidence,
    authority: &Authority,
    options: &Options,
    trust: &Trust,
) -> Judgement {
    let format = evidence.format();
    let verdict = match evidence {
        Evidence::Unreadable { source, why } => Verdict::new(
            VerdictCode::MalformedBundle,
            format!("signature {source} could not be read: {why}"),
        ),
        Evidence::Bundle { source, json } => {
            judge_bundle(digest, source, json, authority, options, trust)
        }
        Evidence::Legacy {
            source,
            layer,
            payload,
        } => judge_legacy(digest, source, layer, payload, authority, options, trust),
        // Never reached: signatures are judged without attestations (`judge_requirement`).
        Evidence::Attestation(a) => Verdict::new(
            VerdictCode::Unsigned,
            format!("{} is an attestation, not an image signature", a.source()),
        ),
    };
    let mut j = Judgement::new(verdict);
    j.format = format;
    j
}

fn judge_bundle(
    digest: &Digest,
    source: &Digest,
    json: &[u8],
    authority: &Authority,
    options: &Options,
    trust: &Trust,
) -> Verdict {
    let Ok(text) = std::str::from_utf8(json) else {
        return Verdict::new(
            VerdictCode::MalformedBundle,
            format!("bundle in referrer {} is not UTF-8 JSON", source.short()),
        );
    };
    let bundle = match parse_bundle(text) {
        Ok(b) => b,
        Err(mut v) => {
            v.detail = format!("bundle in referrer {}: {}", source.short(), v.detail);
            return v;
        }
    };
    verify_for_digest(digest, &bundle, authority, options, trust)
}

/// Verifies `bundle` with the image digest as its subject (a DSSE statement must name it).
fn verify_for_digest(
    digest: &Digest,
    bundle: &sigstore_verify::types::Bundle,
    authority: &Authority,
    options: &Options,
    trust: &Trust,
) -> Verdict {
    // A Digest is always hex of its algorithm's length, so decoding cannot fail; fail closed
    // if it ever does.
    let invalid = || Verdict::new(VerdictCode::MalformedBundle, "invalid image digest");
    match digest.algorithm() {
        Algorithm::Sha256 => {
            let mut hash = [0u8; 32];
            if hex::decode_to_slice(digest.hex(), &mut hash).is_err() {
                return invalid();
            }
            verify_bundle(Subject::Sha256(hash), bundle, authority, options, trust)
        }
        Algorithm::Sha512 => {
            let mut hash = [0u8; 64];
            if hex::decode_to_slice(digest.hex(), &mut hash).is_err() {
                return invalid();
            }
            verify_bundle(Subject::Sha512(&hash), bundle, authority, options, trust)
        }
    }
}

/// Verifies one attestation's envelope for `digest` under `authority`: signature over the
/// DSSE PAE, certificate, log entry, and the statement naming the digest (the engine's).
fn verify_attestation(
    digest: &Digest,
    att: &Attestation,
    authority: &Authority,
    options: &Options,
    trust: &Trust,
) -> Verdict {
    match att {
        Attestation::Bundle { source, json } => {
            judge_bundle(digest, source, json, authority, options, trust)
        }
        Attestation::Legacy {
            source,
            layer,
            envelope,
        } => match legacy::attestation_bundle(layer, envelope) {
            Ok(bundle) => verify_for_digest(digest, &bundle, authority, options, trust),
            Err(e) => Verdict::new(
                VerdictCode::MalformedBundle,
                format!("attestation in {}: {e}", source.short()),
            ),
        },
        Attestation::Unreadable { source, why } => Verdict::new(
            VerdictCode::MalformedBundle,
            format!("attestation {source} could not be read: {why}"),
        ),
    }
}

/// The verdict on one required attestation: the first envelope of its type that verifies for
/// the authority and whose conditions all hold (with Kyverno's conditions, every envelope of
/// its type the authority signed must meet them, as Kyverno checks each statement), else the
/// most telling failure among those of
/// its type (`condition-failed` naming the expression and what it saw, `identity-mismatch`,
/// `digest-mismatch`, …), else `attestation-missing`. With it, the index (in `atts`) of the
/// envelope that satisfied it.
fn judge_required_attestation(
    digest: &Digest,
    atts: &[&Attestation],
    named: &NamedAuthority,
    required: &AttestationRequirement,
    options: &Options,
    trust: &Trust,
) -> (AttestationCheck, Verdict, Option<usize>) {
    let mut best: Option<(u8, Verdict, Option<Format>)> = None;
    let mut other_types: Vec<String> = Vec::new();
    // Kyverno's conditions must hold for every statement of the type the authority signed,
    // not just one: the first that satisfies is kept while the rest are checked.
    let every = required.conditions.iter().any(Condition::every_statement);
    let mut satisfied: Option<(AttestationCheck, Verdict, Option<usize>)> = None;
    for (i, att) in atts.iter().enumerate() {
        // The statement is read before its signature is checked only to pick the envelopes
        // of the required type; what decides is read again from the verified envelope.
        let statement = att.payload().and_then(|p| attest::statement(&p));
        let failure = match &statement {
            Ok((ty, _)) if *ty != required.predicate_type => {
                if !other_types.contains(ty) {
                    other_types.push(ty.clone());
                }
                continue;
            }
            Ok(_) => None,
            Err(why) => Some(Verdict::new(
                VerdictCode::MalformedBundle,
                format!("{}: {why}", att.source()),
            )),
        };
        let verdict = failure.unwrap_or_else(|| {
            let mut v = verify_attestation(digest, att, &named.authority, options, trust);
            if v.code.is_verified()
                && let Ok((_, st)) = statement
            {
                let st = Arc::new(st);
                if let Some(f) = required
                    .conditions
                    .iter()
                    .find_map(|c| c.evaluate(&st).err())
                {
                    v.code = VerdictCode::ConditionFailed;
                    v.detail = f.to_string();
                    v.tlog = None;
                }
            }
            v
        });
        if verdict.code.is_verified() {
            let mut verdict = verdict;
            if !required.conditions.is_empty() {
                let n = required.conditions.len();
                let note = format!("{n} condition{} held", if n == 1 { "" } else { "s" });
                verdict.detail = if verdict.detail.is_empty() {
                    note
                } else {
                    format!("{note}; {}", verdict.detail)
                };
            }
            let found = (
                check(named, required, verdict.clone(), att.format()),
                verdict,
                Some(i),
            );
            if !every {
                return found;
            }
            satisfied.get_or_insert(found);
            continue;
        }
        if every && verdict.code == VerdictCode::ConditionFailed {
            // A statement the authority signed fails the conditions: the requirement fails.
            return (
                check(named, required, verdict.clone(), att.format()),
                verdict,
                None,
            );
        }
        let r = rank(verdict.code);
        if best.as_ref().is_none_or(|(b, _, _)| r < *b) {
            best = Some((r, verdict, att.format()));
        }
    }
    if let Some(found) = satisfied {
        return found;
    }
    let (verdict, format) = best.map_or_else(
        || {
            let found = if atts.is_empty() {
                "no attestation found (no referrer bundle, no .att tag)".to_owned()
            } else {
                let mut types = other_types.clone();
                types.truncate(8);
                format!("attestations found: {}", types.join(", "))
            };
            (
                Verdict::new(
                    VerdictCode::AttestationMissing,
                    format!("no {} attestation; {found}", required.predicate_type),
                ),
                None,
            )
        },
        |(_, v, f)| (v, f),
    );
    (
        check(named, required, verdict.clone(), format),
        verdict,
        None,
    )
}

/// `what: detail`, or `what` alone.
fn labelled(what: &str, detail: &str) -> String {
    if detail.is_empty() {
        what.to_owned()
    } else {
        format!("{what}: {detail}")
    }
}

/// `slsa (slsaprovenance1)`, or just `slsaprovenance1` when that is its name.
fn label(c: &AttestationCheck) -> String {
    let short = attest::short_name(&c.predicate_type);
    if c.name == short {
        c.name.clone()
    } else {
        format!("{} ({short})", c.name)
    }
}

fn check(
    named: &NamedAuthority,
    required: &AttestationRequirement,
    verdict: Verdict,
    format: Option<Format>,
) -> AttestationCheck {
    AttestationCheck {
        name: required.name.clone(),
        predicate_type: required.predicate_type.clone(),
        authority: named.name.clone(),
        result: verdict.code,
        detail: verdict.detail,
        signer: verdict.signer,
        format,
    }
}

/// Judges an authority with `attestations`: satisfied when every attestation it requires is
/// (see [`judge_required_attestation`]). The verdict is the first one's when all are, else the
/// most telling failure, its detail naming the attestation. With the checks for the report and
/// the index (in `atts`) of the envelope that satisfied the first required attestation.
fn judge_attestation_authority(
    digest: &Digest,
    atts: &[&Attestation],
    named: &NamedAuthority,
    options: &Options,
    trust: &Trust,
) -> (Judgement, Vec<AttestationCheck>, Option<usize>) {
    let mut checks = Vec::new();
    let mut first: Option<(Verdict, Option<Format>, Option<usize>)> = None;
    let mut failure: Option<(u8, Verdict, Option<Format>)> = None;
    for required in &named.attestations {
        let (c, mut verdict, used) =
            judge_required_attestation(digest, atts, named, required, options, trust);
        verdict.detail = labelled(&format!("attestation {}", label(&c)), &c.detail);
        if c.result.is_verified() {
            if first.is_none() {
                first = Some((verdict, c.format, used));
            }
        } else {
            let r = rank(c.result);
            if failure.as_ref().is_none_or(|(b, _, _)| r < *b) {
                failure = Some((r, verdict, c.format));
            }
        }
        checks.push(c);
    }
    let (verdict, format, used) = match (failure, first) {
        (Some((_, v, f)), _) => (v, f, None),
        (None, Some((mut v, f, used))) => {
            if checks.len() > 1 {
                v.detail = checks
                    .iter()
                    .map(|c| labelled(&format!("attestation {} verified", label(c)), &c.detail))
                    .collect::<Vec<_>>()
                    .join("; ");
            }
            (v, f, used)
        }
        (None, None) => (
            Verdict::new(VerdictCode::AttestationMissing, "no attestation required"),
            None,
            None,
        ),
    };
    let mut j = Judgement::new(verdict);
    j.format = format;
    (j, checks, used)
}

fn judge_legacy(
    digest: &Digest,
    source: &Digest,
    layer: &LayerDescriptor,
    payload: &[u8],
    authority: &Authority,
    options: &Options,
    trust: &Trust,
) -> Verdict {
    let malformed = |e: &dyn std::fmt::Display| {
        Verdict::new(
            VerdictCode::MalformedBundle,
            format!("legacy signature {}: {e}", source.short()),
        )
    };
    let sig = match LegacySignature::from_layer(layer, payload.to_vec()) {
        Ok(s) => s,
        Err(e) => return malformed(&e),
    };
    let bundle = match sig.to_bundle() {
        Ok(b) => b,
        Err(e) => return malformed(&e),
    };
    // cosign's order: the signature first, then what the payload names.
    let mut verdict = verify_bundle(Subject::Bytes(payload), &bundle, authority, options, trust);
    if !verdict.code.is_verified() {
        return verdict;
    }
    match sig.signed_digest() {
        Ok(signed) if &signed == digest => verdict,
        Ok(signed) => {
            let reference = legacy::payload_reference(payload)
                .map(|r| format!(" ({r})"))
                .unwrap_or_default();
            verdict.code = VerdictCode::DigestMismatch;
            verdict.detail = format!(
                "the signature is for {signed}{reference}, not this image's digest {digest} \
                 (copied from another image?)"
            );
            verdict.tlog = None;
            verdict
        }
        Err(e) => malformed(&e),
    }
}

/// Whether the evidence is signed with a certificate (`Some(true)`) or a key (`Some(false)`).
fn is_keyless(ev: &Evidence) -> Option<bool> {
    match ev {
        Evidence::Legacy { layer, .. } => Some(
            layer
                .annotations
                .get(legacy::ANN_CERTIFICATE)
                .is_some_and(|c| !c.trim().is_empty()),
        ),
        Evidence::Bundle { json, .. } => {
            let v: serde_json::Value = serde_json::from_slice(json).ok()?;
            Some(v.pointer("/verificationMaterial/publicKey").is_none())
        }
        Evidence::Unreadable { .. } | Evidence::Attestation(_) => None,
    }
}

/// What makes two pieces of evidence the same signature: its signature bytes (base64-decoded
/// when they are base64), else the evidence's own bytes. A signature listed twice, or carried
/// both as a `.sig` layer and in a bundle, is one signature.
fn signature_key(ev: &Evidence) -> Vec<u8> {
    use base64::Engine as _;
    let decode = |s: &str| {
        let s = s.trim();
        base64::engine::general_purpose::STANDARD
            .decode(s)
            .unwrap_or_else(|_| s.as_bytes().to_vec())
    };
    match ev {
        Evidence::Bundle { json, .. } => serde_json::from_slice::<serde_json::Value>(json)
            .ok()
            .and_then(|v| {
                v.pointer("/messageSignature/signature")
                    .or_else(|| v.pointer("/dsseEnvelope/signatures/0/sig"))
                    .and_then(|s| s.as_str())
                    .map(decode)
            })
            .unwrap_or_else(|| [b"bundle:".as_slice(), json].concat()),
        Evidence::Legacy { layer, .. } => layer
            .annotations
            .get(legacy::ANN_SIGNATURE)
            .map_or_else(|| layer.digest.as_bytes().to_vec(), |s| decode(s)),
        Evidence::Unreadable { source, why } => format!("unreadable:{source}:{why}").into_bytes(),
        Evidence::Attestation(a) => attestation_key(a),
    }
}

/// What makes two attestations the same signature: the DSSE signature's bytes.
fn attestation_key(a: &Attestation) -> Vec<u8> {
    use base64::Engine as _;
    let sig = match a {
        Attestation::Bundle { json, .. } => serde_json::from_slice::<serde_json::Value>(json)
            .ok()
            .and_then(|v| {
                v.pointer("/dsseEnvelope/signatures/0/sig")
                    .and_then(|s| s.as_str())
                    .map(str::to_owned)
            }),
        Attestation::Legacy { envelope, .. } => legacy::Envelope::parse(envelope)
            .ok()
            .and_then(|e| e.signatures.first().map(|s| s.sig.clone())),
        Attestation::Unreadable { .. } => None,
    };
    match sig {
        Some(s) => base64::engine::general_purpose::STANDARD
            .decode(s.trim())
            .unwrap_or_else(|_| s.into_bytes()),
        None => format!("attestation:{}", a.source()).into_bytes(),
    }
}

/// The most authorities that can each be given a different signature, `satisfied_by[a]`
/// listing the signatures (indexes below `signatures`) that satisfy authority `a`: a maximum
/// bipartite matching (augmenting paths; authorities and signatures are few).
pub fn distinct_matches(satisfied_by: &[Vec<usize>], signatures: usize) -> usize {
    fn augment(
        a: usize,
        satisfied_by: &[Vec<usize>],
        owner: &mut [Option<usize>],
        seen: &mut [bool],
    ) -> bool {
        for &s in &satisfied_by[a] {
            if seen[s] {
                continue;
            }
            seen[s] = true;
            if owner[s].is_none_or(|b| augment(b, satisfied_by, owner, seen)) {
                owner[s] = Some(a);
                return true;
            }
        }
        false
    }
    let mut owner = vec![None; signatures];
    (0..satisfied_by.len())
        .filter(|&a| augment(a, satisfied_by, &mut owner, &mut vec![false; signatures]))
        .count()
}

/// Judges the evidence for one digest under one requirement.
pub fn judge_requirement(
    digest: &Digest,
    evidence: &[Evidence],
    requirement: &Requirement,
    options: &Options,
    trust: &Trust,
) -> Judgement {
    if let Some(j) = decided_by_policy(requirement) {
        return stamp(j, requirement, Vec::new());
    }
    // Bundles first, then legacy layers, as cosign 3 looks; attestations apart.
    let ordered: Vec<&Evidence> = evidence
        .iter()
        .filter(|e| matches!(e, Evidence::Bundle { .. }))
        .chain(
            evidence
                .iter()
                .filter(|e| !matches!(e, Evidence::Bundle { .. } | Evidence::Attestation(_))),
        )
        .collect();
    let atts: Vec<&Attestation> = evidence
        .iter()
        .filter_map(|e| match e {
            Evidence::Attestation(a @ Attestation::Bundle { .. }) => Some(a),
            _ => None,
        })
        .chain(evidence.iter().filter_map(|e| match e {
            Evidence::Attestation(a) if !matches!(a, Attestation::Bundle { .. }) => Some(a),
            _ => None,
        }))
        .collect();
    // Each piece of evidence's distinct signature, as an index.
    let mut keys: Vec<Vec<u8>> = Vec::new();
    let signature_of: Vec<usize> = ordered
        .iter()
        .map(|ev| {
            let key = signature_key(ev);
            keys.iter().position(|k| *k == key).unwrap_or_else(|| {
                keys.push(key);
                keys.len() - 1
            })
        })
        .collect();
    let attestation_of: Vec<usize> = atts
        .iter()
        .map(|a| {
            let key = attestation_key(a);
            keys.iter().position(|k| *k == key).unwrap_or_else(|| {
                keys.push(key);
                keys.len() - 1
            })
        })
        .collect();
    let mut checks: Vec<AttestationCheck> = Vec::new();
    // With one authority needed, the first signature satisfying it decides; with more, every
    // signature each authority accepts is needed to match them to distinct signatures.
    let exhaustive = requirement.count > 1;
    let mut first_ok: Vec<Option<Judgement>> = Vec::new();
    let mut satisfied_by: Vec<Vec<usize>> = Vec::new();
    let mut best_failure: Option<(u8, Judgement)> = None;
    for named in &requirement.authorities {
        let mut ok = None;
        let mut by = Vec::new();
        let own_options = named.options.apply(options);
        let (options, trust) = (&own_options, named.options.trust(trust));
        if !named.attestations.is_empty() {
            let (j, c, used) = judge_attestation_authority(digest, &atts, named, options, trust);
            checks.extend(c);
            if j.is_verified() {
                by.extend(used.map(|i| attestation_of[i]));
                ok = Some(j);
            } else {
                let w = rank(j.verdict.code);
                if best_failure.as_ref().is_none_or(|(bw, _)| w < *bw) {
                    best_failure = Some((w, j));
                }
            }
            first_ok.push(ok);
            satisfied_by.push(by);
            continue;
        }
        for (i, ev) in ordered.iter().enumerate() {
            let j = judge_one(digest, ev, &named.authority, options, trust);
            if j.is_verified() {
                by.push(signature_of[i]);
                if ok.is_none() {
                    ok = Some(j);
                }
                if exhaustive {
                    continue;
                }
                break;
            }
            // A signature of the other kind (a certificate when a key was asked for, or the
            // reverse) says least about why the image fails: rank it after everything else.
            let weight = |j: &Judgement, ev: &Evidence| {
                let other_kind = is_keyless(ev)
                    .is_some_and(|k| k != matches!(named.authority, Authority::Keyless(_)));
                rank(j.verdict.code) + if other_kind { 32 } else { 0 }
            };
            let w = weight(&j, ev);
            if best_failure.as_ref().is_none_or(|(bw, _)| w < *bw) {
                best_failure = Some((w, j));
            }
        }
        // No signature at all, next to an authority satisfied by its attestations: what this
        // one lacks is a signature (else it reads as if some signature named someone else).
        if ordered.is_empty() && best_failure.is_none() {
            best_failure = Some((
                rank(VerdictCode::Unsigned),
                Judgement::new(Verdict::new(
                    VerdictCode::Unsigned,
                    "no signature found (no referrer bundle, no .sig tag)",
                )),
            ));
        }
        first_ok.push(ok);
        satisfied_by.push(by);
    }
    let finish = |j: Judgement| stamp(j, requirement, checks.clone());
    let authorities_ok = first_ok.iter().filter(|j| j.is_some()).count();
    let matched = distinct_matches(&satisfied_by, keys.len());
    let first_ok = first_ok.into_iter().flatten().next();
    if matched >= requirement.count
        && let Some(mut first) = first_ok.clone()
    {
        if requirement.count > 1 {
            let extra = format!(
                "{matched} of {} authorities satisfied by distinct signatures (needed {})",
                requirement.authorities.len(),
                requirement.count
            );
            first.verdict.detail = join_detail(&first.verdict.detail, &extra);
        }
        return finish(first);
    }
    let shared = requirement.count > 1 && authorities_ok > matched;
    let mut j = match (best_failure, first_ok) {
        (Some((_, j)), _) => j,
        // Every signature satisfied every authority it was tried against, but too few of
        // them are distinct: the authorities still missing did not sign.
        (None, Some(mut ok)) => {
            ok.verdict.code = VerdictCode::IdentityMismatch;
            ok.verdict.tlog = None;
            ok
        }
        (None, None) => Judgement::new(Verdict::new(
            VerdictCode::Unsigned,
            "no signature found (no referrer bundle, no .sig tag)",
        )),
    };
    if requirement.count > 1 && authorities_ok > 0 {
        let extra = if shared {
            format!(
                "only {matched} of the {} required authorities satisfied by distinct signatures \
                 ({authorities_ok} satisfied, but some by the same signature)",
                requirement.count
            )
        } else {
            format!(
                "only {matched} of the {} required authorities satisfied",
                requirement.count
            )
        };
        j.verdict.detail = join_detail(&j.verdict.detail, &extra);
    }
    finish(j)
}

/// The judgement of a requirement that needs no evidence: `static` (`verified` or `denied`)
/// or `unsupported`.
fn decided_by_policy(requirement: &Requirement) -> Option<Judgement> {
    let origin = requirement
        .origin
        .as_ref()
        .map_or_else(|| requirement.name.clone(), ToString::to_string);
    if let Some(u) = &requirement.unsupported {
        return Some(Judgement::new(Verdict::new(
            VerdictCode::Unsupported,
            format!("not evaluated: {u}"),
        )));
    }
    match requirement.static_action? {
        StaticAction::Pass => Some(Judgement::new(Verdict::new(
            VerdictCode::Verified,
            format!("{origin}: static: pass (no signature checked)"),
        ))),
        StaticAction::Fail => Some(Judgement::new(Verdict::new(
            VerdictCode::Denied,
            format!("{origin}: disallowed by static policy (static: fail)"),
        ))),
    }
}

/// A requirement's judgement, labelled with the requirement.
fn stamp(mut j: Judgement, requirement: &Requirement, checks: Vec<AttestationCheck>) -> Judgement {
    if let Some(m) = &requirement.message
        && !j.is_verified()
    {
        j.verdict.detail = join_detail(&j.verdict.detail, &format!("policy message: {m}"));
    }
    j.policy = Some(requirement.name.clone());
    j.mode = requirement.mode;
    j.origin.clone_from(&requirement.origin);
    j.attestations = checks;
    j
}

/// The detail of a `no-policy` verdict.
pub const NO_POLICY: &str = "no policy or flag says who should have signed this image";
/// What to do about a `no-policy` verdict. Part of the detail in `-o json`; a table prints it
/// once under the rows instead of in each of them.
pub const NO_POLICY_HINT: &str = "give --certificate-identity and --certificate-oidc-issuer, \
     --key, or --policy; --allow-unmatched skips it";

/// Judges the evidence for one digest under every requirement that applies: an enforced
/// failure wins, then a warn-mode failure, else the first requirement's verified verdict.
pub fn judge(
    digest: &Digest,
    evidence: &[Evidence],
    requirements: &[&Requirement],
    options: &Options,
    trust: &Trust,
) -> Judgement {
    if requirements.is_empty() {
        return Judgement::new(Verdict::new(
            VerdictCode::NoPolicy,
            format!("{NO_POLICY} ({NO_POLICY_HINT})"),
        ));
    }
    let judgements: Vec<Judgement> = requirements
        .iter()
        .map(|r| judge_requirement(digest, evidence, r, options, trust))
        .collect();
    let mut decided = judgements[decide(&judgements)].clone();
    // The report lists every attestation checked, whichever requirement asked for it (the
    // signature's requirement and `--profile kubernetes-vsa`'s are judged apart).
    decided.attestations = judgements
        .iter()
        .flat_map(|j| j.attestations.iter().cloned())
        .collect();
    if requirements.iter().any(|r| r.origin.is_some()) {
        decided.results = judgements
            .iter()
            .map(|j| RequirementResult {
                policy: j.policy.clone().unwrap_or_default(),
                origin: j.origin.clone(),
                mode: j.mode,
                verdict: j.verdict.code,
                detail: j.verdict.detail.clone(),
            })
            .collect();
    }
    decided
}

/// Which of several requirements' judgements (not empty) decides an image: an enforced
/// failure, else a warn-mode failure, else the first (verified) one. Among failures of one
/// mode, one that says something about what the digest carries (another signer, a false
/// condition) comes before one that says only what it lacks: the lack sends the caller to the
/// index or the platform manifests (`evidence`), the other must not.
pub fn decide(judgements: &[Judgement]) -> usize {
    let failing = |mode: Mode| {
        let failed = || {
            judgements
                .iter()
                .enumerate()
                .filter(move |(_, j)| !j.is_verified() && j.mode == mode)
        };
        failed()
            .find(|(_, j)| !is_absence(j.verdict.code))
            .or_else(|| failed().next())
            .map(|(i, _)| i)
    };
    failing(Mode::Enforce)
        .or_else(|| failing(Mode::Warn))
        .unwrap_or(0)
}

/// Whether a verdict says only that something was not there (no signature, no required
/// attestation), rather than that something there failed.
pub fn is_absence(code: VerdictCode) -> bool {
    matches!(
        code,
        VerdictCode::Unsigned | VerdictCode::AttestationMissing
    )
}

fn join_detail(a: &str, b: &str) -> String {
    if a.is_empty() {
        b.to_owned()
    } else {
        format!("{a}; {b}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rank_orders_the_most_telling_failure_first() {
        let mut codes = vec![
            VerdictCode::MalformedBundle,
            VerdictCode::InvalidSignature,
            VerdictCode::IdentityMismatch,
            VerdictCode::TlogMissing,
            VerdictCode::DigestMismatch,
            VerdictCode::UntrustedCertificate,
        ];
        codes.sort_by_key(|c| rank(*c));
        assert_eq!(
            codes,
            vec![
                VerdictCode::IdentityMismatch,
                VerdictCode::DigestMismatch,
                VerdictCode::UntrustedCertificate,
                VerdictCode::TlogMissing,
                VerdictCode::InvalidSignature,
                VerdictCode::MalformedBundle,
            ]
        );
    }
}

#[cfg(test)]
mod policy_decided_tests {
    use super::*;
    use crate::verify::KeylessIdentity;
    use crate::verify::policy::{StaticAction, Unsupported};

    /// `static` and `unsupported` requirements are decided without evidence; with an
    /// admission policy among the requirements, every requirement's result is kept and the
    /// enforced failure decides.
    #[test]
    fn static_and_unsupported_requirements() {
        let digest = Digest::parse(&format!("sha256:{}", "a".repeat(64))).unwrap();
        let trust = Trust::embedded().unwrap();
        let origin = |name: &str| Origin {
            kind: "ClusterImagePolicy".into(),
            name: name.into(),
            namespace: None,
            rule: None,
        };
        let pass = Requirement {
            static_action: Some(StaticAction::Pass),
            origin: Some(origin("pass")),
            ..Requirement::new("pass", Vec::new())
        };
        let fail = Requirement {
            static_action: Some(StaticAction::Fail),
            origin: Some(origin("fail")),
            ..Requirement::new("fail", Vec::new())
        };
        let unsupported = Requirement {
            unsupported: Some(Unsupported {
                at: "p.yaml:3:4".into(),
                document: "ClusterImagePolicy/u".into(),
                field: "spec.policy".into(),
                reason: "CUE".into(),
            }),
            mode: Mode::Warn,
            origin: Some(origin("u")),
            ..Requirement::new(
                "u",
                vec![NamedAuthority::signature(
                    "a",
                    Authority::Keyless(vec![KeylessIdentity::exact("x", "y")]),
                )],
            )
        };
        let o = Options::default();
        let j = judge(&digest, &[], &[&pass], &o, &trust);
        assert_eq!(j.verdict.code, VerdictCode::Verified);
        assert_eq!(j.origin, Some(origin("pass")));
        let j = judge(&digest, &[], &[&pass, &unsupported, &fail], &o, &trust);
        assert_eq!(j.verdict.code, VerdictCode::Denied);
        assert_eq!(j.policy.as_deref(), Some("fail"));
        let codes: Vec<_> = j.results.iter().map(|r| r.verdict).collect();
        assert_eq!(
            codes,
            [
                VerdictCode::Verified,
                VerdictCode::Unsupported,
                VerdictCode::Denied
            ]
        );
        let j = judge(&digest, &[], &[&pass, &unsupported], &o, &trust);
        assert_eq!(j.verdict.code, VerdictCode::Unsupported);
        assert_eq!(j.mode, Mode::Warn);
        assert!(
            j.verdict.detail.contains("spec.policy: CUE"),
            "{}",
            j.verdict.detail
        );
    }
}

#[cfg(test)]
mod matching_tests {
    use super::distinct_matches;

    /// Issue 8: M-of-N counted satisfied authorities, so one signature satisfying two
    /// overlapping authorities met `count: 2`. Authorities are matched to distinct signatures.
    #[test]
    fn authorities_are_matched_to_distinct_signatures() {
        // (signatures satisfying each authority, number of signatures, most distinct matches)
        let table: &[(&[&[usize]], usize, usize)] = &[
            (&[], 0, 0),
            (&[&[0]], 1, 1),
            // Two authorities, one signature: one match, not two.
            (&[&[0], &[0]], 1, 1),
            (&[&[0], &[1]], 2, 2),
            // Greedy would give signature 0 to the first authority and leave the second
            // without; the matching moves the first to signature 1.
            (&[&[0, 1], &[0]], 2, 2),
            (&[&[0, 1], &[0, 1], &[0, 1]], 2, 2),
            (&[&[], &[2], &[2]], 3, 1),
            (&[&[0, 1, 2], &[0], &[1]], 3, 3),
        ];
        for (satisfied_by, signatures, want) in table {
            let by: Vec<Vec<usize>> = satisfied_by.iter().map(|s| s.to_vec()).collect();
            assert_eq!(
                distinct_matches(&by, *signatures),
                *want,
                "{satisfied_by:?}"
            );
        }
    }
}

#[cfg(test)]
mod real_tests {
    use super::*;
    use crate::verify::policy::Requirement;
    use crate::verify::trust::PublicKey;

    fn cloud_build() -> (Digest, Vec<Evidence>) {
        let d = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/vectors/real/salrashid123-cosign_bazel_cloud_build");
        let manifest = std::fs::read(d.join("sig-image-manifest.json")).unwrap();
        let payload = std::fs::read(d.join("simplesigning-payload.json")).unwrap();
        let source = Digest::of(&manifest);
        let evidence = legacy::signature_layers(&manifest)
            .unwrap()
            .into_iter()
            .map(|layer| Evidence::Legacy {
                source: source.clone(),
                layer,
                payload: Arc::from(payload.as_slice()),
            })
            .collect();
        let digest = Digest::parse(
            "sha256:a2b109fb9baea555556561317fdd13cef9c3dfac22c8f8fea0c5a0b06ece9d00",
        )
        .unwrap();
        (digest, evidence)
    }

    /// A key-signed layer without a log entry next to a keyless layer: asked for the key, the
    /// verdict is about the key's signature (tlog-missing), not the certificate's.
    #[test]
    fn the_signature_of_the_asked_kind_decides_the_verdict() {
        let (digest, evidence) = cloud_build();
        let pem = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/data/vectors/real/salrashid123-cosign_bazel_cloud_build/kms_pub.pem"),
        )
        .unwrap();
        let key = PublicKey::from_pem(&pem, "kms").unwrap();
        let req = Requirement::new(
            "flags",
            vec![NamedAuthority::signature("kms", Authority::Key(key))],
        );
        let trust = Trust::embedded().unwrap();
        let j = judge_requirement(&digest, &evidence, &req, &Options::default(), &trust);
        assert_eq!(
            j.verdict.code,
            VerdictCode::TlogMissing,
            "{}",
            j.verdict.detail
        );
        let relaxed = Options {
            ignore_tlog: true,
            ..Options::default()
        };
        let j = judge_requirement(&digest, &evidence, &req, &relaxed, &trust);
        assert_eq!(
            j.verdict.code,
            VerdictCode::Verified,
            "{}",
            j.verdict.detail
        );
    }

    /// Issue 8: one signature satisfied `count: 2` when two authorities overlapped (here, the
    /// same key named twice); the same layer listed twice is still one signature.
    #[test]
    fn one_signature_never_counts_twice() {
        let (digest, evidence) = cloud_build();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/vectors/real/salrashid123-cosign_bazel_cloud_build");
        let pem = std::fs::read_to_string(dir.join("kms_pub.pem")).unwrap();
        let key = |name: &str| {
            NamedAuthority::signature(
                name,
                Authority::Key(PublicKey::from_pem(&pem, name).unwrap()),
            )
        };
        let relaxed = Options {
            ignore_tlog: true,
            ..Options::default()
        };
        let trust = Trust::embedded().unwrap();
        let req = |count: usize, names: &[&str]| Requirement {
            count,
            ..Requirement::new("two", names.iter().map(|n| key(n)).collect())
        };
        let key_layer: Vec<Evidence> = evidence
            .iter()
            .filter(|e| is_keyless(e) == Some(false))
            .cloned()
            .collect();
        assert_eq!(key_layer.len(), 1);
        let twice: Vec<Evidence> = [key_layer.clone(), key_layer.clone()].concat();
        // (evidence, requirement, verified?, text the detail must contain)
        let table: Vec<(&[Evidence], Requirement, bool, &str)> = vec![
            (&key_layer, req(1, &["a", "b"]), true, ""),
            (
                &key_layer,
                req(2, &["a", "b"]),
                false,
                "only 1 of the 2 required",
            ),
            (
                &twice,
                req(2, &["a", "b"]),
                false,
                "some by the same signature",
            ),
            (
                &evidence,
                req(2, &["a", "b"]),
                false,
                "only 1 of the 2 required",
            ),
        ];
        for (ev, req, verified, text) in table {
            let j = judge_requirement(&digest, ev, &req, &relaxed, &trust);
            assert_eq!(
                j.is_verified(),
                verified,
                "{}: {}",
                req.count,
                j.verdict.detail
            );
            assert!(j.verdict.detail.contains(text), "{}", j.verdict.detail);
        }
        // Both authorities satisfied by one signature and no other failure to report: the
        // verdict still does not say verified.
        let j = judge_requirement(&digest, &twice, &req(2, &["a", "b"]), &relaxed, &trust);
        assert_eq!(
            j.verdict.code,
            VerdictCode::IdentityMismatch,
            "{}",
            j.verdict.detail
        );
    }
}
