//! Judging evidence: does this signature material satisfy this policy for this digest?
//! Everything here is pure over bytes already fetched; the registry module fetches.
//!
//! Verdicts are data: every outcome that is not `verified` carries a stable kebab-case code
//! users script against, and one line saying why.

pub mod attest;
pub mod blob;
pub mod image;
pub mod kyverno_conditions;
pub mod legacy;
pub mod memo;
pub mod pem;
pub mod policy;
pub mod scope;
pub mod sigstore;
pub mod trust;

use std::fmt;

use regex::Regex;
use serde::Serialize;

/// The stable verdict codes. Their kebab-case spelling is a contract (README, JSON schema).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum VerdictCode {
    /// Signed, by whom the policy expects, with the transparency proof it requires.
    Verified,
    /// No signature anywhere we looked.
    Unsigned,
    /// Signed, but the certificate names someone else (identity or issuer).
    IdentityMismatch,
    /// The signature does not verify over the payload/artifact, or the key is wrong.
    InvalidSignature,
    /// The signing certificate does not chain to a trusted CA, was not valid when signed, or
    /// its SCT does not verify.
    UntrustedCertificate,
    /// No transparency log proof (SET or inclusion proof) that verifies.
    TlogMissing,
    /// The signed payload names another digest than the one being verified, or the registry
    /// served bytes that do not hash to the digest asked for.
    DigestMismatch,
    /// The signature material is structurally broken (bad JSON, unknown version, missing
    /// parts), or there is more of it than the per-image limits allow (`evidence` module).
    MalformedBundle,
    /// The registry or URL could not be reached, or the image's verification ran past its
    /// deadline.
    Unreachable,
    /// The registry kept answering 429 after bounded retries.
    RateLimited,
    /// The tag or digest does not exist in the registry (or its mirror).
    NotFound,
    /// The registry refused our credentials, or asked for credentials we do not have.
    Unauthorized,
    /// No policy or flag says who should have signed this image.
    NoPolicy,
    /// The node reports only an image config digest, and no manifest of the reference (nor
    /// of its index) has that config: what runs cannot be tied to anything signed.
    UnknownDigest,
    /// An attestation the policy requires (`--attestation-type`, an authority's
    /// `attestations:`) is not attached to the image.
    AttestationMissing,
    /// The required attestation is there, signed by whom was wanted and naming the image, but
    /// one of its conditions is false (the detail names the expression and what it saw).
    ConditionFailed,
    /// A policy the image matches uses something kubectl-verify does not evaluate (a KMS key,
    /// a CUE or Rego policy, …), read with `--skip-unsupported`: never a pass; the detail
    /// names the document and the field path.
    Unsupported,
    /// A policy the image matches rejects it outright, whatever is signed (policy-controller
    /// `static: {action: fail}`).
    Denied,
}

impl VerdictCode {
    /// The kebab-case code as printed in tables and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Verified => "verified",
            Self::Unsigned => "unsigned",
            Self::IdentityMismatch => "identity-mismatch",
            Self::InvalidSignature => "invalid-signature",
            Self::UntrustedCertificate => "untrusted-certificate",
            Self::TlogMissing => "tlog-missing",
            Self::DigestMismatch => "digest-mismatch",
            Self::MalformedBundle => "malformed-bundle",
            Self::Unreachable => "unreachable",
            Self::RateLimited => "rate-limited",
            Self::NotFound => "not-found",
            Self::Unauthorized => "unauthorized",
            Self::NoPolicy => "no-policy",
            Self::UnknownDigest => "unknown-digest",
            Self::AttestationMissing => "attestation-missing",
            Self::ConditionFailed => "condition-failed",
            Self::Unsupported => "unsupported",
            Self::Denied => "denied",
        }
    }

    pub fn is_verified(self) -> bool {
        self == Self::Verified
    }
}

impl fmt::Display for VerdictCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A string matcher for identities and issuers: exact, or a regex that must match the whole
/// value (cosign leaves `--certificate-identity-regexp` unanchored, a known pitfall: `foo`
/// would match `evil-foo-bar`; here it is wrapped as `^(?:…)$`).
#[derive(Debug, Clone)]
pub enum Matcher {
    Exact(String),
    Regex { source: String, re: Regex },
}

impl Matcher {
    /// An exact matcher.
    pub fn exact(s: impl Into<String>) -> Self {
        Self::Exact(s.into())
    }

    /// A regex matcher, anchored at both ends.
    pub fn regex(source: &str) -> Result<Self, regex::Error> {
        // Compiled alone first so that an error shows the user's regexp, not our anchored
        // form of it (`^(?:a(b)$`).
        Regex::new(source)?;
        let re = Regex::new(&format!("^(?:{source})$"))?;
        Ok(Self::Regex {
            source: source.to_owned(),
            re,
        })
    }

    pub fn matches(&self, value: &str) -> bool {
        match self {
            Self::Exact(s) => s == value,
            Self::Regex { re, .. } => re.is_match(value),
        }
    }
}

impl fmt::Display for Matcher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Exact(s) => f.write_str(s),
            Self::Regex { source, .. } => write!(f, "/{source}/"),
        }
    }
}

/// Who must have signed, keyless: a certificate SAN (email or URI) and an OIDC issuer.
#[derive(Debug, Clone)]
pub struct KeylessIdentity {
    pub subject: Matcher,
    pub issuer: Matcher,
}

impl KeylessIdentity {
    pub fn exact(subject: &str, issuer: &str) -> Self {
        Self {
            subject: Matcher::exact(subject),
            issuer: Matcher::exact(issuer),
        }
    }

    pub fn matches(&self, subject: &str, issuer: &str) -> bool {
        self.subject.matches(subject) && self.issuer.matches(issuer)
    }
}

impl fmt::Display for KeylessIdentity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (issuer {})", self.subject, self.issuer)
    }
}

/// How the signer was identified, for reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Signer {
    /// A Fulcio certificate's SAN and OIDC issuer.
    Keyless { identity: String, issuer: String },
    /// A public key, by the sha256 fingerprint of its DER SubjectPublicKeyInfo.
    Key { fingerprint: String },
}

impl fmt::Display for Signer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Keyless { identity, issuer } => write!(f, "{identity} ({issuer})"),
            Self::Key { fingerprint } => write!(f, "key {fingerprint}"),
        }
    }
}

/// Transparency log facts of the entry that verified.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TlogFacts {
    pub log_index: i64,
    /// Seconds since the epoch, as Rekor records it.
    pub integrated_time: i64,
}

/// The judgement on one subject (image digest or artifact).
#[derive(Debug, Clone, Serialize)]
pub struct Verdict {
    pub code: VerdictCode,
    /// One line saying why (empty for `verified` unless there is something to add).
    pub detail: String,
    pub signer: Option<Signer>,
    pub tlog: Option<TlogFacts>,
}

impl Verdict {
    pub fn new(code: VerdictCode, detail: impl Into<String>) -> Self {
        Self {
            code,
            detail: detail.into(),
            signer: None,
            tlog: None,
        }
    }
}
