//! The Sigstore verification engine: one function that judges any bundle.
//!
//! ```text
//! verify_bundle(subject, &bundle, &authority, &options, &trust) -> Verdict
//! ```
//!
//! - `subject`: what was signed — the artifact's bytes ([`Subject::Bytes`]; for a legacy
//!   cosign image signature, the simple-signing payload) or only its SHA-256
//!   ([`Subject::Sha256`]; for a cosign v3 image bundle, the image digest).
//! - `bundle`: a Sigstore bundle v0.1/v0.2/v0.3 ([`parse_bundle`]), message signature or DSSE.
//!   Callers holding other formats (a `.sig` + `.cert` pair, a cosign `.sig` layer with its
//!   annotations) build a v0.1 bundle and call this same function, so every format shares one
//!   verifier.
//! - `authority`: who must have signed — keyless identities (any one may match) or a public key.
//! - `options`: the `--insecure-*` relaxations (the CLI warns whenever they are used).
//! - `trust`: the trusted root ([`Trust`]), embedded or from `--trusted-root`.
//!
//! The cryptography is `sigstore-verify`'s: certificate chain and validity at the signing
//! time, SCT, Rekor SET / inclusion proof / checkpoint, RFC 3161 timestamps, signature, DSSE
//! subject binding and log-entry consistency. Identity and issuer are matched here, after the
//! library has verified everything else, so that a mismatch can say what the certificate
//! says and what was wanted. Every library error maps to a verdict code in [`classify`], a
//! pure function with a table test.
//!
//! One case the library cannot judge: material with no signing-time evidence at all (no log
//! entry, no timestamp — a bare `.sig` + `.cert`) under `--insecure-ignore-tlog`. Then
//! [`verify_unlogged`] checks the signature, the chain at the certificate's `notBefore` (the
//! only instant a short-lived certificate can be shown valid at) and the SCT, and the verdict
//! says that the signing time is unproven.

use sigstore_verify::crypto::{
    CertificateInfo, KeyAlgorithm, SigningScheme, parse_certificate_info,
};
use sigstore_verify::error::{CertificateError, TimestampError, TransparencyLogError};
use sigstore_verify::types::bundle::VerificationMaterialContent;
use sigstore_verify::types::{
    Artifact, ArtifactDigest, Bundle, DerCertificate, DerPublicKey, DigestBytes, HashAlgorithm,
    MessageDigest, Sha256Hash, Sha512Hash, SignatureBytes, SignatureContent, Statement,
};
use sigstore_verify::{Error, PublicKeyVerificationPolicy, VerificationPolicy, VerificationResult};

use super::trust::{PublicKey, Trust, key_fingerprint};
use super::{KeylessIdentity, Signer, TlogFacts, Verdict, VerdictCode};

/// What was signed: the bytes themselves, or only their digest.
#[derive(Debug, Clone, Copy)]
pub enum Subject<'a> {
    Bytes(&'a [u8]),
    Sha256([u8; 32]),
    /// Only for DSSE statements whose subjects carry SHA-512 digests (npm provenance).
    Sha512(&'a [u8; 64]),
}

impl Subject<'_> {
    /// The SHA-256 of the subject, when it can be known.
    pub fn sha256(&self) -> Option<[u8; 32]> {
        match self {
            Self::Bytes(b) => Some(*sigstore_verify::crypto::sha256(b).as_bytes()),
            Self::Sha256(d) => Some(*d),
            Self::Sha512(_) => None,
        }
    }

    /// `sha256:<hex>` (or `sha512:<hex>` for a SHA-512 subject), as reports print it.
    pub fn digest_string(&self) -> String {
        match (self, self.sha256()) {
            (Self::Sha512(d), _) => format!("sha512:{}", hex::encode(d)),
            (_, Some(d)) => format!("sha256:{}", hex::encode(d)),
            (_, None) => String::new(),
        }
    }
}

/// Who must have signed.
#[derive(Debug, Clone)]
pub enum Authority {
    /// A Fulcio certificate whose SAN and issuer match any one of these.
    Keyless(Vec<KeylessIdentity>),
    /// A signature by this key (cosign `--key`).
    Key(PublicKey),
}

/// Relaxations a user asked for by name. Both default to off.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// `--insecure-ignore-tlog`: accept material without a verified transparency log proof.
    pub ignore_tlog: bool,
    /// `--insecure-ignore-sct`: do not require the certificate's SCT to verify.
    pub ignore_sct: bool,
}

/// Parses a bundle; anything that is not a well-formed bundle of a known version is the
/// verdict `malformed-bundle` (it is evidence that fails, not a usage error).
pub fn parse_bundle(json: &str) -> Result<Bundle, Verdict> {
    Bundle::from_json(json).map_err(|e| {
        Verdict::new(
            VerdictCode::MalformedBundle,
            format!(
                "the bundle does not parse: {}{}",
                one_line(&e.to_string()),
                not_a_bundle_hint(json)
            ),
        )
    })
}

/// What a file that is not a bundle looks like, when that is recognisable: a `.sig` file (the
/// base64 of a signature, what `cosign sign-blob --output-signature` writes) or a PEM
/// certificate handed to `--bundle` by mistake.
fn not_a_bundle_hint(text: &str) -> &'static str {
    use base64::Engine as _;
    let t = text.trim();
    if t.starts_with("-----BEGIN CERTIFICATE") {
        return " (this looks like a certificate: pass it with --certificate, the signature with --signature)";
    }
    let compact: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    let decodes = base64::engine::general_purpose::STANDARD
        .decode(compact.as_bytes())
        .is_ok_and(|b| (8..=1024).contains(&b.len()));
    if !t.starts_with('{') && decodes {
        " (this looks like a signature, as cosign sign-blob writes to .sig files: pass it with --signature FILE and the certificate with --certificate, or use the .sigstore.json bundle)"
    } else {
        ""
    }
}

/// Judges `bundle` for `subject` under `authority`. See the module documentation.
///
/// A message signature by a P-384 key whose bundle declares a SHA-256 digest is ambiguous:
/// cosign signs P-384 over SHA-384 today (`GetDefaultPublicKeyDetails`) but over SHA-256 in
/// older releases, and a `.sig` file, a legacy `.sig` layer and cosign's own message-signature
/// bundles all declare SHA-256 either way (the hashedrekord entry logs the SHA-256). The
/// library picks the scheme from the declared digest, so the bundle is judged once with the
/// SHA-384 digest of the subject declared (the key's default), and, if that signature does not
/// verify, as it is. Every other check runs unchanged on both: the log entry is still compared
/// with the SHA-256, and a signature that verifies under neither scheme is `invalid-signature`.
pub fn verify_bundle(
    subject: Subject<'_>,
    bundle: &Bundle,
    authority: &Authority,
    options: &Options,
    trust: &Trust,
) -> Verdict {
    let Authority::Key(key) = authority else {
        return verify_bundle_as_declared(subject, bundle, authority, options, trust);
    };
    if !matches!(
        KeyAlgorithm::from_spki(key.der()),
        Ok(KeyAlgorithm::EcdsaP384)
    ) {
        return verify_bundle_as_declared(subject, bundle, authority, options, trust);
    }
    let Some(sha384) = with_sha384_digest(subject, bundle) else {
        let mut verdict = verify_bundle_as_declared(subject, bundle, authority, options, trust);
        if verdict.code == VerdictCode::InvalidSignature
            && ContentKind::of(bundle) == ContentKind::MessageSignature
            && !matches!(subject, Subject::Bytes(_))
        {
            verdict.detail.push_str(
                "; a P-384 signature over SHA-384 (cosign's default) can only be checked \
                 against the artifact itself, not its digest",
            );
        }
        return verdict;
    };
    // Only a failing signature makes the other scheme worth trying: every other check
    // judges the same material whichever scheme is used.
    let preferred = verify_bundle_as_declared(subject, &sha384, authority, options, trust);
    if preferred.code != VerdictCode::InvalidSignature {
        return preferred;
    }
    let fallback = verify_bundle_as_declared(subject, bundle, authority, options, trust);
    if fallback.code != VerdictCode::InvalidSignature {
        return fallback;
    }
    let mut verdict = preferred;
    verdict.detail = format!(
        "{} (tried as cosign signs P-384 keys today); nor as older cosign signed them: {}",
        verdict.detail, fallback.detail
    );
    verdict
}

/// `bundle` with its SHA-256 message digest replaced by the SHA-384 of `subject`, when it is
/// a message signature whose declared SHA-256 is the subject's and the subject's bytes are
/// at hand. `None` otherwise: a digest that does not match the subject is judged as it is
/// (and refused), never papered over.
fn with_sha384_digest(subject: Subject<'_>, bundle: &Bundle) -> Option<Bundle> {
    let Subject::Bytes(bytes) = subject else {
        return None;
    };
    let SignatureContent::MessageSignature(msg) = &bundle.content else {
        return None;
    };
    let declared = msg.message_digest.as_ref()?;
    if declared.algorithm != HashAlgorithm::Sha2256
        || subject.sha256().as_ref().map(<[u8; 32]>::as_slice) != Some(declared.digest.as_bytes())
    {
        return None;
    }
    let mut msg = msg.clone();
    msg.message_digest = Some(MessageDigest::new(
        HashAlgorithm::Sha2384,
        DigestBytes::new(sigstore_verify::crypto::sha384(bytes).as_slice().to_vec()),
    ));
    let mut variant = bundle.clone();
    variant.content = SignatureContent::MessageSignature(msg);
    Some(variant)
}

/// Judges `bundle` with the signing scheme its content declares (see [`verify_bundle`]).
fn verify_bundle_as_declared(
    subject: Subject<'_>,
    bundle: &Bundle,
    authority: &Authority,
    options: &Options,
    trust: &Trust,
) -> Verdict {
    if let Some(verdict) = material_mismatch(bundle, authority) {
        return verdict;
    }
    let material = &bundle.verification_material;
    let has_time_evidence = !material.tlog_entries.is_empty()
        || !material
            .timestamp_verification_data
            .rfc3161_timestamps
            .is_empty();
    if !has_time_evidence {
        if !options.ignore_tlog {
            return Verdict::new(
                VerdictCode::TlogMissing,
                "the signature carries no transparency log entry or timestamp, so neither its \
                 log inclusion nor its signing time can be checked",
            );
        }
        return verify_unlogged(subject, bundle, authority, options, trust);
    }

    let artifact: Artifact<'_> = match subject {
        Subject::Bytes(b) => Artifact::from_blob(b),
        Subject::Sha256(d) => Artifact::from(Sha256Hash::new(d)),
        Subject::Sha512(d) => match ArtifactDigest::new(HashAlgorithm::Sha2512, d.to_vec()) {
            Ok(digest) => Artifact::from(digest),
            Err(e) => return Verdict::new(VerdictCode::MalformedBundle, e.to_string()),
        },
    };
    let kind = ContentKind::of(bundle);
    let result = match authority {
        Authority::Keyless(_) => {
            let mut policy = VerificationPolicy::any_identity();
            if options.ignore_tlog {
                policy = policy.skip_tlog_unsafe();
            }
            if options.ignore_sct {
                policy = policy.skip_sct();
            }
            trust.verifier().verify(artifact, bundle, &policy)
        }
        Authority::Key(key) => {
            let mut policy = PublicKeyVerificationPolicy::new(key.der().clone());
            if options.ignore_tlog {
                policy = policy.skip_tlog_unsafe();
            }
            trust.verifier().verify(artifact, bundle, &policy)
        }
    };
    match result {
        Ok(result) => judge_verified(&result, bundle, authority, options),
        // Under --insecure-ignore-tlog an entry without a SET proves no time; judge it like
        // a signature that has no log entry at all.
        Err(Error::Timestamp(TimestampError::NoVerifiedTimestamp(_)))
            if options.ignore_tlog
                && material
                    .timestamp_verification_data
                    .rfc3161_timestamps
                    .is_empty() =>
        {
            verify_unlogged(subject, bundle, authority, options, trust)
        }
        Err(e) => {
            let (mut code, mut detail) = classify(&e, kind);
            // The library checks a SET before the certificate chain, so material from another
            // Sigstore deployment (unknown log and unknown CA) fails on the log first. That
            // the certificate is not trusted is the more fundamental finding.
            if code == VerdictCode::TlogMissing
                && let Err(why) = check_certificate_chain(bundle, trust)
            {
                code = VerdictCode::UntrustedCertificate;
                detail = format!("{why} (and: {detail})");
            }
            let mut verdict = Verdict::new(code, detail);
            verdict.signer = claimed_signer(bundle, authority);
            verdict
        }
    }
}

/// Whether a bundle is a message signature or a DSSE envelope; some errors mean different
/// things for each (a changed artifact breaks a message signature, but for DSSE it is an
/// artifact that the statement does not name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContentKind {
    MessageSignature,
    Dsse,
}

impl ContentKind {
    pub fn of(bundle: &Bundle) -> Self {
        match bundle.content {
            SignatureContent::DsseEnvelope(_) => Self::Dsse,
            _ => Self::MessageSignature,
        }
    }
}

/// Maps a `sigstore-verify` error to a verdict code and one line saying why.
pub fn classify(err: &Error, kind: ContentKind) -> (VerdictCode, String) {
    use VerdictCode as C;
    let text = one_line(&err.to_string());
    match err {
        Error::IdentityMismatch { .. } | Error::IssuerMismatch { .. } => {
            (C::IdentityMismatch, text)
        }
        Error::SignatureInvalid(m) => (
            C::InvalidSignature,
            format!("the signature does not verify: {}", one_line(m)),
        ),
        Error::Crypto(_) => (
            C::InvalidSignature,
            format!("the signature does not verify: {text}"),
        ),
        Error::ArtifactMismatch(m) if m.contains("entry") => (
            C::TlogMissing,
            format!("the transparency log entry is for another artifact: {text}"),
        ),
        Error::ArtifactMismatch(_) => match kind {
            ContentKind::MessageSignature => (
                C::InvalidSignature,
                format!("the signature is over another artifact ({text})"),
            ),
            ContentKind::Dsse => (
                C::DigestMismatch,
                format!("the artifact is not a subject of the signed statement ({text})"),
            ),
        },
        Error::UnsupportedArtifact(_) => (
            C::MalformedBundle,
            format!("{text} (give the artifact itself rather than its digest)"),
        ),
        Error::Certificate(CertificateError::Malformed(_)) => (C::MalformedBundle, text),
        Error::Certificate(_) => (C::UntrustedCertificate, text),
        Error::TransparencyLog(TransparencyLogError::MalformedEntry(_)) => {
            (C::MalformedBundle, text)
        }
        Error::TransparencyLog(TransparencyLogError::IntegratedTime(m))
            if m.contains("certificate validity") =>
        {
            (
                C::UntrustedCertificate,
                format!(
                    "the certificate was not valid when the log recorded the signature: {text}"
                ),
            )
        }
        Error::TransparencyLog(_) => (C::TlogMissing, text),
        Error::Timestamp(_) => (C::TlogMissing, format!("no verified signing time: {text}")),
        Error::Bundle(sigstore_verify::bundle::Error::MissingCheckpoint) => (
            C::MalformedBundle,
            "its inclusion proof has no checkpoint (signed tree head), so the \
             proof is not tied to any state the log signed; sigstore-python and sigstore-verify \
             reject such bundles too"
                .to_owned(),
        ),
        Error::Bundle(
            sigstore_verify::bundle::Error::MissingInclusionProof(_)
            | sigstore_verify::bundle::Error::MissingInclusionPromise(_)
            | sigstore_verify::bundle::Error::MissingSigningTimeEvidence,
        ) => (
            C::TlogMissing,
            format!("the bundle lacks the transparency log proof its version requires: {text}"),
        ),
        Error::InvalidTrustRoot(_) | Error::TrustRoot(_) | Error::TrustedCertificate(_) => (
            C::UntrustedCertificate,
            format!("the trusted root cannot judge this bundle: {text}"),
        ),
        // InvalidBundle, UnsupportedBundle, Bundle, Types, ArtifactRead and whatever a later
        // library version adds: the material is not something we can verify.
        _ => (C::MalformedBundle, text),
    }
}

/// A key bundle judged against identities, or a certificate judged against a key: the
/// signer is not who was wanted, whatever the cryptography says.
fn material_mismatch(bundle: &Bundle, authority: &Authority) -> Option<Verdict> {
    let is_key = matches!(
        bundle.verification_material.content,
        VerificationMaterialContent::PublicKey(_)
    );
    match authority {
        Authority::Keyless(wanted) if is_key => Some(Verdict::new(
            VerdictCode::IdentityMismatch,
            format!(
                "got a signature by a public key (no certificate), wanted {}; verify it with --key",
                describe_wanted(wanted)
            ),
        )),
        Authority::Key(key) if !is_key => {
            let got = claimed_signer(bundle, &Authority::Keyless(Vec::new())).map_or_else(
                || "a certificate".to_owned(),
                |s| format!("certificate {s}"),
            );
            let mut verdict = Verdict::new(
                VerdictCode::IdentityMismatch,
                format!(
                    "got a signature by {got}, wanted key {}; verify it with \
                     --certificate-identity and --certificate-oidc-issuer",
                    key.fingerprint()
                ),
            );
            verdict.signer = claimed_signer(bundle, &Authority::Keyless(Vec::new()));
            Some(verdict)
        }
        _ => None,
    }
}

fn judge_verified(
    result: &VerificationResult,
    bundle: &Bundle,
    authority: &Authority,
    options: &Options,
) -> Verdict {
    let signer = match authority {
        Authority::Key(key) => Signer::Key {
            fingerprint: key.fingerprint().to_owned(),
        },
        Authority::Keyless(_) => Signer::Keyless {
            identity: result
                .identity()
                .map(|s| s.as_str().to_owned())
                .unwrap_or_default(),
            issuer: result.issuer().unwrap_or_default().to_owned(),
        },
    };
    if let (Authority::Keyless(wanted), Signer::Keyless { identity, issuer }) = (authority, &signer)
        && let Some(verdict) = match_identity(wanted, identity, issuer)
    {
        let mut verdict = verdict;
        verdict.signer = Some(signer);
        return verdict;
    }
    let log_index = bundle
        .verification_material
        .tlog_entries
        .first()
        .map(|e| e.log_index.as_i64());
    #[allow(clippy::redundant_closure_for_method_calls)] // jiff is not a direct dependency
    let integrated_time = result.integrated_time().map(|t| t.as_second());
    let tlog = match (log_index, integrated_time) {
        (Some(log_index), Some(integrated_time)) => Some(TlogFacts {
            log_index,
            integrated_time,
        }),
        _ => None,
    };
    let mut notes = Vec::new();
    if tlog.is_none() {
        if let Some(t) = result.verified_timestamps().iter().min() {
            notes.push(format!("signing time {t} from an RFC 3161 timestamp"));
        }
        if let Some(index) = log_index
            && result.tlog_verified()
        {
            notes.push(format!(
                "log index {index} (inclusion proof, no integrated time)"
            ));
        }
    }
    if options.ignore_tlog {
        notes.push("transparency log inclusion NOT checked (--insecure-ignore-tlog)".to_owned());
    }
    if options.ignore_sct && matches!(authority, Authority::Keyless(_)) {
        notes.push("SCT NOT checked (--insecure-ignore-sct)".to_owned());
    }
    Verdict {
        code: VerdictCode::Verified,
        detail: notes.join("; "),
        signer: Some(signer),
        tlog,
    }
}

/// `None` when any wanted identity matches; otherwise the `identity-mismatch` verdict.
pub fn match_identity(wanted: &[KeylessIdentity], identity: &str, issuer: &str) -> Option<Verdict> {
    if wanted.iter().any(|w| w.matches(identity, issuer)) {
        return None;
    }
    let got = if identity.is_empty() {
        "no identity".to_owned()
    } else {
        identity.to_owned()
    };
    let got_issuer = if issuer.is_empty() { "none" } else { issuer };
    Some(Verdict::new(
        VerdictCode::IdentityMismatch,
        format!(
            "got {got} (issuer {got_issuer}), wanted {}",
            describe_wanted(wanted)
        ),
    ))
}

fn describe_wanted(wanted: &[KeylessIdentity]) -> String {
    if wanted.is_empty() {
        return "no identity (none was given)".to_owned();
    }
    wanted
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" or ")
}

/// What the material claims about its signer, for reports on failures (unverified).
fn claimed_signer(bundle: &Bundle, authority: &Authority) -> Option<Signer> {
    if let Authority::Key(key) = authority {
        return Some(Signer::Key {
            fingerprint: key.fingerprint().to_owned(),
        });
    }
    let info = parse_certificate_info(bundle.signing_certificate()?).ok()?;
    Some(Signer::Keyless {
        identity: info
            .identity
            .map(|s| s.as_str().to_owned())
            .unwrap_or_default(),
        issuer: info.issuer.unwrap_or_default(),
    })
}

/// Judges material that carries no signing-time evidence, under `--insecure-ignore-tlog`.
/// The library requires a verified time; here the signature is checked directly, and a
/// certificate's chain and SCT at its own `notBefore`.
pub fn verify_unlogged(
    subject: Subject<'_>,
    bundle: &Bundle,
    authority: &Authority,
    options: &Options,
    trust: &Trust,
) -> Verdict {
    const UNPROVEN: &str = "signing time unproven: no transparency log entry or timestamp \
                            was checked (--insecure-ignore-tlog)";
    match authority {
        Authority::Key(key) => {
            let scheme = match KeyAlgorithm::from_spki(key.der()) {
                Ok(a) => a,
                Err(e) => {
                    return Verdict::new(VerdictCode::InvalidSignature, e.to_string());
                }
            };
            if let Err(v) = check_signature(subject, bundle, key.der(), scheme) {
                return v;
            }
            Verdict {
                code: VerdictCode::Verified,
                detail: UNPROVEN.to_owned(),
                signer: Some(Signer::Key {
                    fingerprint: key.fingerprint().to_owned(),
                }),
                tlog: None,
            }
        }
        Authority::Keyless(wanted) => {
            let (leaf, intermediates) = match &bundle.verification_material.content {
                VerificationMaterialContent::Certificate(c) => (&c.raw_bytes, Vec::new()),
                VerificationMaterialContent::X509CertificateChain { certificates } => {
                    match certificates.split_first() {
                        Some((leaf, rest)) => {
                            (&leaf.raw_bytes, rest.iter().map(|c| &c.raw_bytes).collect())
                        }
                        None => {
                            return Verdict::new(
                                VerdictCode::MalformedBundle,
                                "the certificate chain is empty",
                            );
                        }
                    }
                }
                _ => {
                    return Verdict::new(VerdictCode::MalformedBundle, "no signing certificate");
                }
            };
            let info = match parse_certificate_info(leaf) {
                Ok(info) => info,
                Err(e) => {
                    return Verdict::new(
                        VerdictCode::MalformedBundle,
                        format!("the signing certificate does not parse: {e}"),
                    );
                }
            };
            let identity = info
                .identity
                .as_ref()
                .map(|s| s.as_str().to_owned())
                .unwrap_or_default();
            let issuer = info.issuer.clone().unwrap_or_default();
            let signer = Signer::Keyless {
                identity: identity.clone(),
                issuer: issuer.clone(),
            };
            let with_signer = |mut v: Verdict| {
                v.signer = Some(signer.clone());
                v
            };
            if let Err(v) = check_signature(subject, bundle, &info.public_key, info.key_algorithm) {
                return with_signer(v);
            }
            let issuer_spki = match chain::verify_at_not_before(leaf, &intermediates, &info, trust)
            {
                Ok(spki) => spki,
                Err(why) => {
                    return with_signer(Verdict::new(VerdictCode::UntrustedCertificate, why));
                }
            };
            if !options.ignore_sct
                && let Err(why) = chain::verify_sct(leaf.as_bytes(), &issuer_spki, trust)
            {
                return with_signer(Verdict::new(
                    VerdictCode::UntrustedCertificate,
                    format!("invalid signed certificate timestamp: {why}"),
                ));
            }
            if let Some(v) = match_identity(wanted, &identity, &issuer) {
                return with_signer(v);
            }
            let mut detail = format!(
                "{UNPROVEN}; the certificate chain was checked at its notBefore {}",
                info.not_before
            );
            if options.ignore_sct {
                detail.push_str("; SCT NOT checked (--insecure-ignore-sct)");
            }
            with_signer(Verdict {
                code: VerdictCode::Verified,
                detail,
                signer: None,
                tlog: None,
            })
        }
    }
}

/// Checks the bundle's signature with `key` over the subject (message signature) or over the
/// DSSE envelope, and that a DSSE statement names the subject.
fn check_signature(
    subject: Subject<'_>,
    bundle: &Bundle,
    key: &DerPublicKey,
    algorithm: KeyAlgorithm,
) -> Result<(), Verdict> {
    let invalid = |why: String| Verdict::new(VerdictCode::InvalidSignature, why);
    match &bundle.content {
        SignatureContent::MessageSignature(msg) => {
            let scheme = match &msg.message_digest {
                Some(d) => algorithm
                    .resolve_signing_scheme(d.algorithm)
                    .map_err(|e| invalid(e.to_string()))?,
                None => algorithm.default_signing_scheme(),
            };
            if let Some(d) = &msg.message_digest
                && d.algorithm == HashAlgorithm::Sha2256
                && subject.sha256().as_ref().map(<[u8; 32]>::as_slice) != Some(d.digest.as_bytes())
            {
                return Err(invalid(
                    "the signature is over another artifact (its digest differs)".to_owned(),
                ));
            }
            verify_message(subject, key, &msg.signature, scheme)
        }
        SignatureContent::DsseEnvelope(env) => {
            sigstore_verify::crypto::verify_signature(
                key,
                &env.pae(),
                &env.signature.sig,
                algorithm.default_signing_scheme(),
            )
            .map_err(|e| invalid(format!("the DSSE signature does not verify: {e}")))?;
            if env.payload_type != "application/vnd.in-toto+json" {
                return Err(Verdict::new(
                    VerdictCode::MalformedBundle,
                    format!("unsupported DSSE payload type {:?}", env.payload_type),
                ));
            }
            let statement: Statement =
                serde_json::from_slice(env.payload.as_bytes()).map_err(|e| {
                    Verdict::new(
                        VerdictCode::MalformedBundle,
                        format!("the in-toto statement does not parse: {e}"),
                    )
                })?;
            let matches = match subject {
                Subject::Bytes(b) => {
                    statement.matches_sha256(&sigstore_verify::crypto::sha256(b))
                        || statement.matches_sha512(&sigstore_verify::crypto::sha512(b))
                }
                Subject::Sha256(d) => statement.matches_sha256(&Sha256Hash::new(d)),
                Subject::Sha512(d) => statement.matches_sha512(&Sha512Hash::new(*d)),
            };
            if matches {
                Ok(())
            } else {
                Err(Verdict::new(
                    VerdictCode::DigestMismatch,
                    format!(
                        "{} is not a subject of the signed statement",
                        subject.digest_string()
                    ),
                ))
            }
        }
        _ => Err(Verdict::new(
            VerdictCode::MalformedBundle,
            "unsupported bundle content",
        )),
    }
}

fn verify_message(
    subject: Subject<'_>,
    key: &DerPublicKey,
    signature: &SignatureBytes,
    scheme: SigningScheme,
) -> Result<(), Verdict> {
    let invalid = |e: sigstore_verify::crypto::Error| {
        Verdict::new(
            VerdictCode::InvalidSignature,
            format!("the signature does not verify over the artifact: {e}"),
        )
    };
    match (scheme.hash_algorithm(), subject) {
        (None, Subject::Bytes(b)) => {
            sigstore_verify::crypto::verify_signature(key, b, signature, scheme).map_err(invalid)
        }
        (Some(HashAlgorithm::Sha2256), s) if s.sha256().is_some() => {
            sigstore_verify::crypto::verify_signature_prehashed(
                key,
                &s.sha256().unwrap_or_default(),
                signature,
                scheme,
            )
            .map_err(invalid)
        }
        (Some(HashAlgorithm::Sha2384), Subject::Bytes(b)) => {
            let digest = sigstore_verify::crypto::sha384(b);
            sigstore_verify::crypto::verify_signature_prehashed(
                key,
                digest.as_slice(),
                signature,
                scheme,
            )
            .map_err(invalid)
        }
        (Some(HashAlgorithm::Sha2512), Subject::Bytes(b)) => {
            let digest = sigstore_verify::crypto::sha512(b);
            sigstore_verify::crypto::verify_signature_prehashed(
                key,
                digest.as_slice(),
                signature,
                scheme,
            )
            .map_err(invalid)
        }
        _ => Err(Verdict::new(
            VerdictCode::MalformedBundle,
            format!(
                "a {} signature cannot be checked from the digest {}; give the artifact itself",
                scheme.name(),
                subject.digest_string()
            ),
        )),
    }
}

/// Collapses a multi-line library message into the one line a verdict carries.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Certificate chain and SCT checks for [`verify_unlogged`].
mod chain {
    use rustls_pki_types::{CertificateDer, UnixTime};
    use sigstore_verify::crypto::{CertificateInfo, SigningScheme, VerificationKey};
    use sigstore_verify::types::{DerCertificate, DerPublicKey, SignatureBytes};
    use webpki::{EndEntityCert, KeyUsage};
    use x509_cert::Certificate;
    use x509_cert::der::asn1::ObjectIdentifier;
    use x509_cert::der::asn1::OctetString;
    use x509_cert::der::{Decode, Encode};

    use super::Trust;

    /// id-kp-codeSigning (1.3.6.1.5.5.7.3.3), DER contents: Fulcio leaves carry it.
    const CODE_SIGNING: &[u8] = &[0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x03];
    /// RFC 6962 embedded SCT list extension.
    const SCT_LIST: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.4.1.11129.2.4.2");

    /// Verifies the leaf chains to a Fulcio CA of the trusted root that was valid at the
    /// leaf's `notBefore`, with the code-signing usage; returns the DER SubjectPublicKeyInfo
    /// of the leaf's issuer (the SCT signs over its hash).
    pub(super) fn verify_at_not_before(
        leaf: &DerCertificate,
        intermediates: &[&DerCertificate],
        info: &CertificateInfo,
        trust: &Trust,
    ) -> Result<Vec<u8>, String> {
        let at = info.not_before;
        let mut anchors = Vec::new();
        for ca in &trust.root().certificate_authorities {
            if ca.valid_for.is_some_and(|w| !w.contains(at)) {
                continue;
            }
            for cert in &ca.cert_chain.certificates {
                let der = CertificateDer::from(cert.raw_bytes.as_bytes());
                if let Ok(anchor) = webpki::anchor_from_trusted_cert(&der) {
                    anchors.push(anchor.to_owned());
                }
            }
        }
        if anchors.is_empty() {
            return Err(format!(
                "no certificate authority of the trusted root was valid at {at}"
            ));
        }
        let leaf_der = CertificateDer::from(leaf.as_bytes());
        let ee = EndEntityCert::try_from(&leaf_der)
            .map_err(|e| format!("the signing certificate does not parse: {e}"))?;
        let extra: Vec<CertificateDer<'_>> = intermediates
            .iter()
            .map(|c| CertificateDer::from(c.as_bytes()))
            .collect();
        let secs = u64::try_from(at.as_second()).unwrap_or(0);
        let path = ee
            .verify_for_usage(
                sigstore_verify::crypto::WEBPKI_VERIFICATION_ALGS,
                &anchors,
                &extra,
                UnixTime::since_unix_epoch(std::time::Duration::from_secs(secs)),
                KeyUsage::required(CODE_SIGNING),
                None,
                None,
            )
            .map_err(|e| {
                let why = match e {
                    webpki::Error::UnknownIssuer | webpki::Error::InvalidSignatureForPublicKey => {
                        "issued by a CA the trusted root does not hold".to_owned()
                    }
                    webpki::Error::RequiredEkuNotFoundContext(_) => {
                        "it lacks the code-signing extended key usage".to_owned()
                    }
                    other => format!("{other:?}"),
                };
                format!("the certificate does not chain to a trusted Fulcio CA at {at}: {why}")
            })?;
        if let Some(issuer) = path.intermediate_certificates().next() {
            return Ok(issuer.subject_public_key_info().as_ref().to_vec());
        }
        // webpki keeps a trust anchor's SPKI without its outer SEQUENCE.
        Ok(der_sequence(path.anchor().subject_public_key_info.as_ref()))
    }

    fn der_sequence(content: &[u8]) -> Vec<u8> {
        let mut out = vec![0x30];
        let len = content.len();
        if len < 0x80 {
            out.push(u8::try_from(len).unwrap_or(0));
        } else {
            let bytes: Vec<u8> = len
                .to_be_bytes()
                .into_iter()
                .skip_while(|b| *b == 0)
                .collect();
            out.push(0x80 | u8::try_from(bytes.len()).unwrap_or(0));
            out.extend(bytes);
        }
        out.extend_from_slice(content);
        out
    }

    /// Verifies that one embedded SCT of `leaf_der` is signed by a CT log of the trusted
    /// root, valid when the SCT was issued (RFC 6962 §3.2, precertificate entry).
    pub(super) fn verify_sct(
        leaf_der: &[u8],
        issuer_spki: &[u8],
        trust: &Trust,
    ) -> Result<(), String> {
        let cert = Certificate::from_der(leaf_der).map_err(|e| e.to_string())?;
        let ext = cert
            .tbs_certificate
            .extensions
            .as_ref()
            .and_then(|exts| exts.iter().find(|e| e.extn_id == SCT_LIST))
            .ok_or("the certificate carries no SCT")?;
        let list = OctetString::from_der(ext.extn_value.as_bytes())
            .map_err(|e| format!("SCT extension does not parse: {e}"))?;
        let mut tbs = cert.tbs_certificate.clone();
        tbs.extensions = tbs
            .extensions
            .map(|exts| exts.into_iter().filter(|e| e.extn_id != SCT_LIST).collect());
        let tbs_der = tbs.to_der().map_err(|e| e.to_string())?;
        let issuer_key_hash = sigstore_verify::crypto::sha256(issuer_spki);

        let mut reader = Tls(list.as_bytes());
        let mut scts = Tls(reader.vec16()?);
        let mut last_error = "the SCT list is empty".to_owned();
        while !scts.0.is_empty() {
            let sct = scts.vec16()?;
            match verify_one(sct, &tbs_der, issuer_key_hash.as_bytes(), trust) {
                Ok(()) => return Ok(()),
                Err(e) => last_error = e,
            }
        }
        Err(last_error)
    }

    fn verify_one(
        sct: &[u8],
        tbs_der: &[u8],
        issuer_key_hash: &[u8; 32],
        trust: &Trust,
    ) -> Result<(), String> {
        let mut r = Tls(sct);
        let version = r.take(1)?[0];
        if version != 0 {
            return Err(format!("unknown SCT version {version}"));
        }
        let log_id = r.take(32)?;
        let ts_bytes = r.take(8)?;
        let timestamp_ms = u64::from_be_bytes(ts_bytes.try_into().map_err(|_| "short SCT")?);
        let extensions = r.vec16()?;
        let hash_alg = r.take(1)?[0];
        let sig_alg = r.take(1)?[0];
        let signature = r.vec16()?;
        let scheme = match (hash_alg, sig_alg) {
            (4, 3) => SigningScheme::EcdsaP256Sha256,
            (5, 3) => SigningScheme::EcdsaP384Sha384,
            (4, 1) => SigningScheme::RsaPkcs1Sha256,
            (5, 1) => SigningScheme::RsaPkcs1Sha384,
            (6, 1) => SigningScheme::RsaPkcs1Sha512,
            _ => return Err(format!("unsupported SCT algorithm {hash_alg}/{sig_alg}")),
        };
        let issued_ms = i64::try_from(timestamp_ms).map_err(|_| "SCT timestamp out of range")?;
        let log = trust
            .root()
            .ctlogs
            .iter()
            .find(|l| l.log_id.key_id.as_bytes() == log_id)
            .ok_or_else(|| {
                format!(
                    "the SCT is from a CT log the trusted root does not know ({})",
                    hex::encode(log_id)
                )
            })?;
        if let Some(w) = log.public_key.valid_for {
            let after_start = issued_ms >= w.start.as_millisecond();
            let before_end = w.end.is_none_or(|end| issued_ms <= end.as_millisecond());
            if !(after_start && before_end) {
                return Err("the CT log key was not valid when the SCT was issued".to_owned());
            }
        }
        let mut signed = Vec::with_capacity(tbs_der.len() + 64);
        signed.push(0); // version v1
        signed.push(0); // signature_type certificate_timestamp
        signed.extend_from_slice(ts_bytes);
        signed.extend_from_slice(&[0, 1]); // entry_type precert_entry
        signed.extend_from_slice(issuer_key_hash);
        let tbs_len = u32::try_from(tbs_der.len()).map_err(|_| "certificate too large")?;
        signed.extend_from_slice(&tbs_len.to_be_bytes()[1..]);
        signed.extend_from_slice(tbs_der);
        let ext_len = u16::try_from(extensions.len()).map_err(|_| "SCT extensions too large")?;
        signed.extend_from_slice(&ext_len.to_be_bytes());
        signed.extend_from_slice(extensions);
        let key = VerificationKey::from_der(
            &DerPublicKey::new(log.public_key.raw_bytes.as_bytes().to_vec()),
            scheme,
        )
        .map_err(|e| format!("the CT log key does not decode: {e}"))?;
        key.verify(&signed, &SignatureBytes::new(signature.to_vec()))
            .map_err(|e| format!("the SCT signature does not verify: {e}"))
    }

    /// A cursor over TLS presentation-language bytes.
    struct Tls<'a>(&'a [u8]);

    impl<'a> Tls<'a> {
        fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
            if self.0.len() < n {
                return Err("truncated SCT".to_owned());
            }
            let (head, tail) = self.0.split_at(n);
            self.0 = tail;
            Ok(head)
        }

        fn vec16(&mut self) -> Result<&'a [u8], String> {
            let len = self.take(2)?;
            let n = usize::from(u16::from_be_bytes([len[0], len[1]]));
            self.take(n)
        }
    }
}

/// Re-exported for callers that build bundles (the legacy image path).
pub use sigstore_verify::types::Bundle as SigstoreBundle;

/// The DER of the leaf certificate a bundle is signed with, if any.
pub fn signing_certificate(bundle: &Bundle) -> Option<&DerCertificate> {
    bundle.signing_certificate()
}

/// Checks only that the bundle's signing certificate chains to a Fulcio CA of the trusted root
/// (at the certificate's `notBefore`). `Ok` for key-signed material. The library checks the
/// SET before the chain, so material from a foreign Sigstore fails as `tlog-missing`; callers
/// use this to say the more fundamental thing, that the certificate is not trusted.
pub fn check_certificate_chain(bundle: &Bundle, trust: &Trust) -> Result<(), String> {
    let (leaf, intermediates): (&DerCertificate, Vec<&DerCertificate>) =
        match &bundle.verification_material.content {
            VerificationMaterialContent::Certificate(c) => (&c.raw_bytes, Vec::new()),
            VerificationMaterialContent::X509CertificateChain { certificates } => {
                match certificates.split_first() {
                    Some((leaf, rest)) => {
                        (&leaf.raw_bytes, rest.iter().map(|c| &c.raw_bytes).collect())
                    }
                    None => return Err("the certificate chain is empty".to_owned()),
                }
            }
            _ => return Ok(()),
        };
    let info = parse_certificate_info(leaf).map_err(|e| e.to_string())?;
    chain::verify_at_not_before(leaf, &intermediates, &info, trust).map(|_| ())
}

/// Parses a certificate's Fulcio claims (SAN, issuer, validity).
pub fn certificate_info(cert: &DerCertificate) -> Result<CertificateInfo, String> {
    parse_certificate_info(cert).map_err(|e| e.to_string())
}

/// The fingerprint reports use for a public key.
pub fn fingerprint(der: &DerPublicKey) -> String {
    key_fingerprint(der)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_signature_or_certificate_given_as_a_bundle_is_named() {
        let sig = "MEUCIQDx8d0bOTdpVr7G3o2FgJ+W3Kiim5VSYwZ/6rWc0rV2rwIgS9w9rDGJRpB5GQ0k2cE9gY5yC4nHPMVo+xOE8oFu1gA=\n";
        let e = parse_bundle(sig).unwrap_err();
        assert_eq!(e.code, VerdictCode::MalformedBundle);
        assert!(
            e.detail.contains("this looks like a signature"),
            "{}",
            e.detail
        );
        assert!(e.detail.contains("--signature FILE"), "{}", e.detail);
        let cert = "-----BEGIN CERTIFICATE-----\nYWJj\n-----END CERTIFICATE-----\n";
        let e = parse_bundle(cert).unwrap_err();
        assert!(
            e.detail.contains("this looks like a certificate"),
            "{}",
            e.detail
        );
        let e = parse_bundle("{\"mediaType\": 1}").unwrap_err();
        assert!(!e.detail.contains("looks like"), "{}", e.detail);
    }

    use super::*;
    use sigstore_verify::bundle::Error as BundleError;

    #[test]
    fn every_library_error_maps_to_the_verdict_users_expect() {
        use ContentKind::{Dsse, MessageSignature as Msg};
        use VerdictCode as C;
        let cases: Vec<(Error, ContentKind, VerdictCode, &str)> = vec![
            (
                Error::SignatureInvalid("x".into()),
                Msg,
                C::InvalidSignature,
                "does not verify",
            ),
            (
                Error::ArtifactMismatch(
                    "message digest in bundle does not match artifact hash".into(),
                ),
                Msg,
                C::InvalidSignature,
                "over another artifact",
            ),
            (
                Error::ArtifactMismatch(
                    "artifact hash does not match any subject in attestation".into(),
                ),
                Dsse,
                C::DigestMismatch,
                "not a subject",
            ),
            (
                Error::ArtifactMismatch("artifact hash mismatch for hashedrekord entry".into()),
                Msg,
                C::TlogMissing,
                "log entry is for another artifact",
            ),
            (
                CertificateError::ChainInvalid("bad".into()).into(),
                Msg,
                C::UntrustedCertificate,
                "chain",
            ),
            (
                CertificateError::Sct("bad".into()).into(),
                Msg,
                C::UntrustedCertificate,
                "signed certificate timestamp",
            ),
            (
                CertificateError::Malformed("bad".into()).into(),
                Msg,
                C::MalformedBundle,
                "malformed",
            ),
            (
                TransparencyLogError::InclusionProof("bad".into()).into(),
                Msg,
                C::TlogMissing,
                "inclusion proof",
            ),
            (
                TransparencyLogError::Checkpoint("bad".into()).into(),
                Msg,
                C::TlogMissing,
                "checkpoint",
            ),
            (
                TransparencyLogError::InclusionPromise("bad".into()).into(),
                Msg,
                C::TlogMissing,
                "promise",
            ),
            (
                TransparencyLogError::UnknownLog {
                    log_id: "ab".into(),
                }
                .into(),
                Msg,
                C::TlogMissing,
                "unknown transparency log",
            ),
            (
                TransparencyLogError::EntryMismatch("x".into()).into(),
                Dsse,
                C::TlogMissing,
                "does not match",
            ),
            (
                TransparencyLogError::IntegratedTime(
                    "integrated time 1 is after certificate validity (not_after: 0)".into(),
                )
                .into(),
                Msg,
                C::UntrustedCertificate,
                "not valid when the log recorded",
            ),
            (
                TransparencyLogError::IntegratedTime("integrated time 9 is in the future".into())
                    .into(),
                Msg,
                C::TlogMissing,
                "future",
            ),
            (
                TransparencyLogError::MalformedEntry("x".into()).into(),
                Msg,
                C::MalformedBundle,
                "malformed",
            ),
            (
                TimestampError::NoVerifiedTimestamp("none".into()).into(),
                Msg,
                C::TlogMissing,
                "no verified signing time",
            ),
            (
                TimestampError::Invalid("bad".into()).into(),
                Msg,
                C::TlogMissing,
                "RFC 3161",
            ),
            (
                Error::Bundle(BundleError::MissingCheckpoint),
                Msg,
                C::MalformedBundle,
                "inclusion proof has no checkpoint",
            ),
            (
                Error::Bundle(BundleError::MissingInclusionProof(
                    sigstore_verify::types::MediaType::Bundle0_2,
                )),
                Msg,
                C::TlogMissing,
                "lacks the transparency log proof",
            ),
            (
                Error::InvalidBundle("x".into()),
                Dsse,
                C::MalformedBundle,
                "invalid bundle",
            ),
            (
                Error::UnsupportedBundle("x".into()),
                Msg,
                C::MalformedBundle,
                "unsupported bundle",
            ),
            (
                Error::UnsupportedArtifact("needs sha384".into()),
                Msg,
                C::MalformedBundle,
                "give the artifact",
            ),
            (
                Error::InvalidTrustRoot("x".into()),
                Msg,
                C::UntrustedCertificate,
                "trusted root",
            ),
        ];
        for (err, kind, want, fragment) in cases {
            let (code, detail) = classify(&err, kind);
            assert_eq!(code, want, "{err}");
            assert!(
                detail.contains(fragment),
                "{err}: {detail:?} lacks {fragment:?}"
            );
            assert!(!detail.contains('\n'), "{detail:?}");
        }
    }

    #[test]
    fn only_a_sha256_message_digest_of_the_bytes_at_hand_gets_a_sha384_variant() {
        let bytes = b"artifact".as_slice();
        let sha256 = Subject::Bytes(bytes).sha256().expect("sha256");
        let message = |algorithm: &str, digest: &[u8]| {
            let json = serde_json::json!({
                "mediaType": "application/vnd.dev.sigstore.bundle+json;version=0.1",
                "verificationMaterial": { "publicKey": { "hint": "" }, "tlogEntries": [] },
                "messageSignature": {
                    "messageDigest": { "algorithm": algorithm, "digest": b64(digest) },
                    "signature": b64(b"sig"),
                },
            });
            Bundle::from_json(&json.to_string()).expect("bundle")
        };
        let dsse = Bundle::from_json(
            &serde_json::json!({
                "mediaType": "application/vnd.dev.sigstore.bundle+json;version=0.1",
                "verificationMaterial": { "publicKey": { "hint": "" }, "tlogEntries": [] },
                "dsseEnvelope": {
                    "payload": b64(b"{}"),
                    "payloadType": "application/vnd.in-toto+json",
                    "signatures": [{ "sig": b64(b"sig"), "keyid": "" }],
                },
            })
            .to_string(),
        )
        .expect("dsse bundle");
        let sha384 = sigstore_verify::crypto::sha384(bytes).as_slice().to_vec();
        let cases: Vec<(&str, Subject<'_>, Bundle, bool)> = vec![
            (
                "sha256 of the bytes",
                Subject::Bytes(bytes),
                message("SHA2_256", &sha256),
                true,
            ),
            (
                "another artifact's sha256",
                Subject::Bytes(bytes),
                message("SHA2_256", &[7; 32]),
                false,
            ),
            (
                "only a digest at hand",
                Subject::Sha256(sha256),
                message("SHA2_256", &sha256),
                false,
            ),
            (
                "already sha384",
                Subject::Bytes(bytes),
                message("SHA2_384", &sha384),
                false,
            ),
            ("dsse", Subject::Bytes(bytes), dsse, false),
        ];
        for (case, subject, bundle, want) in cases {
            let variant = with_sha384_digest(subject, &bundle);
            assert_eq!(variant.is_some(), want, "{case}");
            if let Some(variant) = variant {
                let SignatureContent::MessageSignature(msg) = &variant.content else {
                    panic!("{case}: not a message signature");
                };
                let digest = msg.message_digest.as_ref().expect("digest");
                assert_eq!(digest.algorithm, HashAlgorithm::Sha2384, "{case}");
                assert_eq!(digest.digest.as_bytes(), sha384.as_slice(), "{case}");
                assert_eq!(variant.verification_material, bundle.verification_material);
            }
        }
    }

    fn b64(bytes: &[u8]) -> String {
        use base64::Engine as _;
        base64::engine::general_purpose::STANDARD.encode(bytes)
    }

    #[test]
    fn identity_mismatch_says_what_was_got_and_wanted() {
        let wanted = vec![
            KeylessIdentity::exact("a@example.com", "https://accounts.google.com"),
            KeylessIdentity {
                subject: super::super::Matcher::regex("https://github.com/org/.*").expect("re"),
                issuer: super::super::Matcher::exact("https://token.actions.githubusercontent.com"),
            },
        ];
        for (identity, issuer, verified) in [
            ("a@example.com", "https://accounts.google.com", true),
            ("a@example.com", "https://github.com/login/oauth", false),
            (
                "https://github.com/org/repo/.github/workflows/x.yml@refs/heads/main",
                "https://token.actions.githubusercontent.com",
                true,
            ),
            // Anchored: a prefix elsewhere in the SAN does not match.
            (
                "https://evil.example/https://github.com/org/x",
                "https://token.actions.githubusercontent.com",
                false,
            ),
        ] {
            let verdict = match_identity(&wanted, identity, issuer);
            assert_eq!(verdict.is_none(), verified, "{identity} {issuer}");
            if let Some(v) = verdict {
                assert_eq!(v.code, VerdictCode::IdentityMismatch);
                assert_eq!(
                    v.detail,
                    format!(
                        "got {identity} (issuer {issuer}), wanted a@example.com (issuer \
                         https://accounts.google.com) or /https://github.com/org/.*/ (issuer \
                         https://token.actions.githubusercontent.com)"
                    )
                );
            }
        }
    }

    #[test]
    fn unparseable_bundles_are_malformed_verdicts() {
        for json in [
            "",
            "{",
            "{}",
            r#"{"mediaType":"application/vnd.dev.sigstore.bundle+json;version=99.9"}"#,
        ] {
            let v = parse_bundle(json).expect_err(json);
            assert_eq!(v.code, VerdictCode::MalformedBundle);
            assert!(
                v.detail.starts_with("the bundle does not parse: "),
                "{}",
                v.detail
            );
        }
    }
}
