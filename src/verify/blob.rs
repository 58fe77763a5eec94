//! Release binaries and other blobs: reading the ARTIFACT argument, the detached `.sig` +
//! `.cert` pair, and turning that pair into a Sigstore bundle v0.1 so it goes through the same
//! engine as every bundle ([`super::sigstore::verify_bundle`]); and judging a DSSE bundle as an
//! attestation about the file ([`judge_attestation`], `blob --attestation-type`).
//!
//! Pure over bytes; the command layer fetches files and URLs.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;
use serde_json::{Value, json};
use sigstore_verify::types::{Bundle, DerCertificate, SignatureContent};

use super::attest::{self, AttestationRequirement};
use super::trust::PublicKey;
use super::{KeylessIdentity, Verdict, VerdictCode};

/// Who signs Kubernetes release binaries (the Kubernetes docs' `cosign verify-blob` line).
pub const KREL_IDENTITY: &str = "krel-staging@k8s-releng-prod.iam.gserviceaccount.com";
/// The OIDC issuer of [`KREL_IDENTITY`].
pub const KREL_ISSUER: &str = "https://accounts.google.com";
/// Where Kubernetes publishes release binaries with their `.sig` and `.cert`.
pub const K8S_RELEASE_HOST: &str = "dl.k8s.io";

/// The identity `--profile kubernetes-release` (and a `.sig`/`.cert` from dl.k8s.io) implies.
pub fn kubernetes_release_identity() -> KeylessIdentity {
    KeylessIdentity::exact(KREL_IDENTITY, KREL_ISSUER)
}

/// Why blob inputs could not be read.
#[derive(Debug, thiserror::Error)]
pub enum BlobError {
    /// The signature file is neither base64 nor DER.
    #[error("reading the signature {origin}: {message}")]
    Signature { origin: String, message: String },
    /// The certificate file is neither PEM, base64 of PEM, nor DER.
    #[error("reading the certificate {origin}: {message}")]
    Certificate { origin: String, message: String },
    /// A URL that is not https (plain http is allowed for loopback only, for tests).
    #[error("{url}: only https URLs are fetched (plain http only on loopback)")]
    InsecureUrl { url: String },
}

/// What the ARTIFACT argument names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArtifactArg {
    /// A local file.
    Path(PathBuf),
    /// A file to download.
    Url(String),
    /// Only the SHA-256 of the artifact (`sha256:<64 hex>`, when no such path exists).
    Digest([u8; 32]),
    /// Only the SHA-512 of the artifact (`sha512:<128 hex>`): enough for DSSE statements
    /// whose subjects carry SHA-512 digests (npm provenance).
    Sha512Digest([u8; 64]),
}

impl ArtifactArg {
    /// Reads the argument as cosign and the conformance suite do: a URL if it has an
    /// http(s) scheme; a path if that path exists; a digest if it is `sha256:` and 64 hex
    /// digits (or `sha512:` and 128); otherwise a path (whose absence is then reported when
    /// it is read).
    pub fn parse(arg: &str, exists: impl Fn(&Path) -> bool) -> Result<Self, BlobError> {
        if is_url(arg) {
            check_url(arg)?;
            return Ok(Self::Url(arg.to_owned()));
        }
        if !exists(Path::new(arg)) {
            if let Some(digest) = parse_sha256(arg) {
                return Ok(Self::Digest(digest));
            }
            if let Some(digest) = parse_sha512(arg) {
                return Ok(Self::Sha512Digest(digest));
            }
        }
        Ok(Self::Path(PathBuf::from(arg)))
    }
}

/// `sha256:<64 hex>` → the digest bytes (upper or lower case hex).
pub fn parse_sha256(s: &str) -> Option<[u8; 32]> {
    let hex_part = s.strip_prefix("sha256:")?;
    if hex_part.len() != 64 {
        return None;
    }
    let mut out = [0u8; 32];
    hex::decode_to_slice(hex_part, &mut out).ok()?;
    Some(out)
}

/// `sha512:<128 hex>` → the digest bytes.
pub fn parse_sha512(s: &str) -> Option<[u8; 64]> {
    let hex_part = s.strip_prefix("sha512:")?;
    if hex_part.len() != 128 {
        return None;
    }
    let mut out = [0u8; 64];
    hex::decode_to_slice(hex_part, &mut out).ok()?;
    Some(out)
}

/// Whether `s` is an http(s) URL rather than a path.
pub fn is_url(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// `s` read as a URL by the parser reqwest fetches with (the `url` crate, WHATWG rules), so
/// that every decision about it is about the host actually contacted: in
/// `https://evil.invalid\@dl.k8s.io/x.sig` the backslash ends the host, which is
/// `evil.invalid`.
fn parse_url(s: &str) -> Option<reqwest::Url> {
    reqwest::Url::parse(s.trim())
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https"))
}

/// Refuses plain-http URLs except on loopback (tests serve files there), and anything that
/// does not parse as an http(s) URL with a host.
pub fn check_url(url: &str) -> Result<(), BlobError> {
    let insecure = || BlobError::InsecureUrl {
        url: url.to_owned(),
    };
    let parsed = parse_url(url).ok_or_else(insecure)?;
    // `host_str` is normalised: `127.000.000.001` and `[0:0::1]` read as the addresses.
    let loopback = match parsed.host_str() {
        Some(h) => matches!(h, "localhost" | "127.0.0.1" | "[::1]"),
        None => return Err(insecure()),
    };
    if parsed.scheme() == "https" || loopback {
        Ok(())
    } else {
        Err(insecure())
    }
}

/// The host of an http(s) URL as the `url` crate reads it (lowercased, IDNA-normalised,
/// IPv6 in brackets), without port or credentials.
pub fn url_host(url: &str) -> Option<String> {
    parse_url(url)?.host_str().map(str::to_owned)
}

/// Whether `source` (a path or URL) is served by Kubernetes' release host, whose
/// signatures are all by [`KREL_IDENTITY`].
pub fn is_kubernetes_release_url(source: &str) -> bool {
    is_url(source)
        && url_host(source)
            .is_some_and(|h| h == K8S_RELEASE_HOST || h.ends_with(&format!(".{K8S_RELEASE_HOST}")))
}

/// A detached signature: base64 of the DER (cosign `.sig`), or the raw DER.
pub fn parse_signature(bytes: &[u8], origin: &str) -> Result<Vec<u8>, BlobError> {
    let text: Vec<u8> = bytes
        .iter()
        .copied()
        .filter(|b| !b.is_ascii_whitespace())
        .collect();
    if text.is_empty() {
        return Err(BlobError::Signature {
            origin: origin.to_owned(),
            message: "the file is empty".to_owned(),
        });
    }
    if let Ok(sig) = B64.decode(&text) {
        return Ok(sig);
    }
    // An ECDSA signature in DER is a SEQUENCE; accept it raw too.
    if bytes.first() == Some(&0x30) {
        return Ok(bytes.to_vec());
    }
    Err(BlobError::Signature {
        origin: origin.to_owned(),
        message: "expected the base64 of a signature (as cosign writes .sig files)".to_owned(),
    })
}

/// A certificate file: PEM (leaf first, then any chain), base64 of that PEM (dl.k8s.io's
/// `.cert`), or a single DER certificate.
pub fn parse_certificates(bytes: &[u8], origin: &str) -> Result<Vec<DerCertificate>, BlobError> {
    let err = |message: String| BlobError::Certificate {
        origin: origin.to_owned(),
        message,
    };
    let text = String::from_utf8_lossy(bytes);
    let pem_text = if text.contains("-----BEGIN") {
        text.into_owned()
    } else {
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        match B64.decode(compact.as_bytes()) {
            Ok(decoded) if decoded.starts_with(b"-----BEGIN") => {
                String::from_utf8_lossy(&decoded).into_owned()
            }
            Ok(decoded) if decoded.first() == Some(&0x30) => {
                return Ok(vec![DerCertificate::new(decoded)]);
            }
            _ if bytes.first() == Some(&0x30) => {
                return Ok(vec![DerCertificate::new(bytes.to_vec())]);
            }
            _ => {
                return Err(err(
                    "expected a PEM certificate, the base64 of one, or DER".to_owned()
                ));
            }
        }
    };
    let certs = super::pem::certificates(pem_text.as_bytes()).map_err(err)?;
    Ok(certs.into_iter().map(DerCertificate::new).collect())
}

/// Who signed a detached signature: a certificate chain (leaf first) or a key.
#[derive(Debug, Clone)]
pub enum DetachedSigner<'a> {
    Certificates(&'a [DerCertificate]),
    Key(&'a PublicKey),
}

/// Builds the Sigstore bundle v0.1 equivalent of a detached signature over an artifact with
/// SHA-256 `artifact_sha256`, with the Rekor entry found online if there is one (`tlog_entry`,
/// in the bundle's JSON form, see [`super::rekor`]).
///
/// The message digest is the artifact's SHA-256, the digest cosign logs in the hashedrekord
/// entry. It does not say which hash was signed: cosign signs P-384 keys over SHA-384 today and
/// over SHA-256 in older releases, so [`super::sigstore::verify_bundle`] tries both for a
/// P-384 key when it has the artifact's bytes (only SHA-256 from a `sha256:` digest).
pub fn detached_bundle(
    signature: &[u8],
    signer: &DetachedSigner<'_>,
    artifact_sha256: &[u8; 32],
    tlog_entry: Option<Value>,
) -> Result<Bundle, String> {
    let content = match signer {
        DetachedSigner::Certificates(certs) => json!({
            "x509CertificateChain": {
                "certificates": certs
                    .iter()
                    .map(|c| json!({ "rawBytes": B64.encode(c.as_bytes()) }))
                    .collect::<Vec<_>>()
            }
        }),
        DetachedSigner::Key(_) => json!({ "publicKey": { "hint": "" } }),
    };
    let mut material = content;
    material["tlogEntries"] = Value::Array(tlog_entry.into_iter().collect());
    let bundle = json!({
        "mediaType": "application/vnd.dev.sigstore.bundle+json;version=0.1",
        "verificationMaterial": material,
        "messageSignature": {
            "messageDigest": { "algorithm": "SHA2_256", "digest": B64.encode(artifact_sha256) },
            "signature": B64.encode(signature),
        }
    });
    Bundle::from_json(&bundle.to_string()).map_err(|e| e.to_string())
}

/// The one line a `tlog-missing` verdict on a detached signature ends with: how to get the
/// proof the `.sig` + `.cert` pair does not carry.
pub const DETACHED_TLOG_HINT: &str = "a .sig + .cert pair carries no transparency log proof: \
     pass --tlog-lookup (https://rekor.sigstore.dev) or --rekor-url URL to look the entry up \
     online, verify a Sigstore bundle (--bundle) instead, or accept an unproven signing time \
     with --insecure-ignore-tlog";

/// `blob --attestation-type`: `bundle` judged as an attestation about the artifact (npm, PyPI
/// and GitHub release provenance), as image attestations are judged:
///
/// - a message-signature bundle, or a DSSE statement of another predicate type, is
///   `attestation-missing` (what was asked for is not there; the signature is not checked);
/// - a DSSE payload that is not an in-toto statement is `malformed-bundle`;
/// - otherwise `verify` (the engine, [`super::sigstore::verify_bundle`]) decides the signature,
///   the signer and that a subject of the statement names the artifact's digest, in whichever
///   algorithm the statement uses (`digest-mismatch` when none does);
/// - then each condition over the verified statement must hold (`condition-failed` naming the
///   expression and the values it read).
///
/// The statement is read from the envelope's payload, the bytes its signature covers, so the
/// conditions judge what was signed.
pub fn judge_attestation(
    bundle: &Bundle,
    required: &AttestationRequirement,
    verify: impl FnOnce() -> Verdict,
) -> Verdict {
    let label = attest::short_name(&required.predicate_type);
    let missing = |found: String| {
        Verdict::new(
            VerdictCode::AttestationMissing,
            format!("no {} attestation: {found}", required.predicate_type),
        )
    };
    let SignatureContent::DsseEnvelope(env) = &bundle.content else {
        return missing("the bundle is a message signature, not an in-toto statement".to_owned());
    };
    let (predicate_type, statement) = match attest::statement(env.payload.as_bytes()) {
        Ok(s) => s,
        Err(why) => {
            return Verdict::new(
                VerdictCode::MalformedBundle,
                format!("the bundle's DSSE payload: {why}"),
            );
        }
    };
    if predicate_type != required.predicate_type {
        return missing(format!(
            "the bundle's statement is a {predicate_type} attestation"
        ));
    }
    let mut verdict = verify();
    if !verdict.code.is_verified() {
        verdict.detail = format!("attestation {label}: {}", verdict.detail);
        return verdict;
    }
    let statement = Arc::new(statement);
    if let Some(f) = required
        .conditions
        .iter()
        .find_map(|c| c.evaluate(&statement).err())
    {
        verdict.code = VerdictCode::ConditionFailed;
        verdict.detail = format!("attestation {label}: {f}");
        verdict.tlog = None;
        return verdict;
    }
    let note = match required.conditions.len() {
        0 => format!("attestation {label}"),
        1 => format!("attestation {label}: 1 condition held"),
        n => format!("attestation {label}: {n} conditions held"),
    };
    verdict.detail = if verdict.detail.is_empty() {
        note
    } else {
        format!("{note}; {}", verdict.detail)
    };
    verdict
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dsse(statement: &Value) -> Bundle {
        let bundle = json!({
            "mediaType": "application/vnd.dev.sigstore.bundle.v0.3+json",
            "verificationMaterial": {"publicKey": {"hint": ""}, "tlogEntries": []},
            "dsseEnvelope": {
                "payload": B64.encode(statement.to_string()),
                "payloadType": "application/vnd.in-toto+json",
                "signatures": [{"sig": B64.encode(b"sig"), "keyid": ""}],
            },
        });
        Bundle::from_json(&bundle.to_string()).unwrap()
    }

    /// The type is checked before the signature (which another type's would not make
    /// relevant); conditions only over a statement whose envelope verified.
    #[test]
    fn attestations_about_a_file_are_judged_in_order() {
        let required = AttestationRequirement {
            name: "slsaprovenance1".to_owned(),
            predicate_type: "https://slsa.dev/provenance/v1".to_owned(),
            conditions: vec![attest::Condition::new("predicate.ok == true").unwrap()],
        };
        let st = |ty: &str, ok: bool| {
            json!({"_type": "https://in-toto.io/Statement/v1", "subject": [],
                   "predicateType": ty, "predicate": {"ok": ok}})
        };
        let never = || -> Verdict { panic!("the signature is not checked") };
        let verified = || Verdict::new(VerdictCode::Verified, "");
        let v = judge_attestation(
            &dsse(&st("https://spdx.dev/Document", true)),
            &required,
            never,
        );
        assert_eq!(v.code, VerdictCode::AttestationMissing, "{}", v.detail);
        assert!(
            v.detail
                .ends_with("is a https://spdx.dev/Document attestation")
        );
        let v = judge_attestation(&dsse(&json!({"x": 1})), &required, never);
        assert_eq!(v.code, VerdictCode::MalformedBundle, "{}", v.detail);
        let ty = "https://slsa.dev/provenance/v1";
        let v = judge_attestation(&dsse(&st(ty, true)), &required, || {
            Verdict::new(VerdictCode::DigestMismatch, "not a subject")
        });
        assert_eq!(
            (v.code, v.detail.as_str()),
            (
                VerdictCode::DigestMismatch,
                "attestation slsaprovenance1: not a subject"
            )
        );
        let v = judge_attestation(&dsse(&st(ty, false)), &required, verified);
        assert_eq!(v.code, VerdictCode::ConditionFailed, "{}", v.detail);
        assert!(
            v.detail.contains("(saw predicate.ok = false)"),
            "{}",
            v.detail
        );
        let v = judge_attestation(&dsse(&st(ty, true)), &required, verified);
        assert_eq!(
            (v.code, v.detail.as_str()),
            (
                VerdictCode::Verified,
                "attestation slsaprovenance1: 1 condition held"
            )
        );
    }

    #[test]
    fn artifact_argument_is_url_path_or_digest() {
        let digest = format!("sha256:{}", "ab".repeat(32));
        let sha512 = format!("sha512:{}", "cd".repeat(64));
        let exists_none = |_: &Path| false;
        let exists_all = |_: &Path| true;
        let cases: Vec<(&str, bool, Result<ArtifactArg, ()>)> = vec![
            ("kubectl", false, Ok(ArtifactArg::Path("kubectl".into()))),
            (
                "https://dl.k8s.io/release/v1.31.0/bin/linux/amd64/kubectl",
                false,
                Ok(ArtifactArg::Url(
                    "https://dl.k8s.io/release/v1.31.0/bin/linux/amd64/kubectl".into(),
                )),
            ),
            (
                "http://127.0.0.1:8080/a",
                false,
                Ok(ArtifactArg::Url("http://127.0.0.1:8080/a".into())),
            ),
            ("http://example.com/a", false, Err(())),
            // The host reqwest would contact decides, not the text after `@`.
            ("http://example.com\\@127.0.0.1/a", false, Err(())),
            (
                "http://127.0.0.1\\@example.com/a",
                false,
                Ok(ArtifactArg::Url("http://127.0.0.1\\@example.com/a".into())),
            ),
            ("https://", false, Err(())),
            (&digest, false, Ok(ArtifactArg::Digest([0xab; 32]))),
            // An existing file of that name wins, as in the conformance protocol.
            (&digest, true, Ok(ArtifactArg::Path(digest.clone().into()))),
            (
                "sha256:abc",
                false,
                Ok(ArtifactArg::Path("sha256:abc".into())),
            ),
            (&sha512, false, Ok(ArtifactArg::Sha512Digest([0xcd; 64]))),
        ];
        for (arg, exists, want) in cases {
            let got = if exists {
                ArtifactArg::parse(arg, exists_all)
            } else {
                ArtifactArg::parse(arg, exists_none)
            };
            assert_eq!(got.map_err(|_| ()), want, "{arg}");
        }
    }

    #[test]
    fn kubernetes_release_urls_are_recognised_by_host() {
        for (source, want) in [
            (
                "https://dl.k8s.io/release/v1.31.0/bin/linux/amd64/kubectl.sig",
                true,
            ),
            (
                "https://cdn.dl.k8s.io/release/v1.31.0/bin/linux/amd64/kubectl.cert",
                true,
            ),
            ("https://DL.K8S.IO:443/x.sig", true),
            ("https://dl.k8s.io.evil.example/x.sig", false),
            ("https://evil.example/dl.k8s.io/x.sig", false),
            ("https://user@evil.example/x.sig", false),
            // Issue 8: a hand-written parser read this as dl.k8s.io, while reqwest fetches
            // from evil.invalid (the backslash ends the authority in WHATWG URLs).
            ("https://evil.invalid\\@dl.k8s.io/x.sig", false),
            ("https://evil.invalid%5C@dl.k8s.io/x.sig", true),
            ("https://dl.k8s.io\\@evil.invalid/x.sig", true),
            ("https://dl.k8s.io#@evil.invalid/x.sig", true),
            ("https://evil.invalid#@dl.k8s.io/x.sig", false),
            ("https://evil.invalid?@dl.k8s.io/x.sig", false),
            ("https://dl.k8s.io./x.sig", false),
            ("dl.k8s.io/kubectl.sig", false),
        ] {
            assert_eq!(is_kubernetes_release_url(source), want, "{source}");
        }
    }

    #[test]
    fn signatures_are_base64_or_der() {
        assert_eq!(
            parse_signature(b"MEUCIQ==\n", "s").expect("b64"),
            vec![0x30, 0x45, 0x02, 0x21]
        );
        assert_eq!(
            parse_signature(&[0x30, 0x01, 0xff], "s").expect("der"),
            vec![0x30, 0x01, 0xff]
        );
        let err = parse_signature(b"", "kubectl.sig").expect_err("empty");
        assert_eq!(
            err.to_string(),
            "reading the signature kubectl.sig: the file is empty"
        );
        assert!(parse_signature(b"not base64 !!", "s").is_err());
    }

    #[test]
    fn certificates_are_pem_base64_pem_or_der() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(
            "tests/data/vectors/conformance/legacy-detached-6bd1c54e236c9517da56f7344ad16cc00439fe19/a.txt.good.crt",
        );
        let pem = std::fs::read_to_string(path).expect("vectors under tests/data/vectors");
        let pem = pem.as_str();
        let from_pem = parse_certificates(pem.as_bytes(), "c").expect("pem");
        assert_eq!(from_pem.len(), 1);
        let b64 = B64.encode(pem);
        let from_b64 = parse_certificates(b64.as_bytes(), "c").expect("b64 pem");
        assert_eq!(from_pem, from_b64);
        let from_der = parse_certificates(from_pem[0].as_bytes(), "c").expect("der");
        assert_eq!(from_pem, from_der);
        let two = format!("{pem}\n{pem}");
        assert_eq!(
            parse_certificates(two.as_bytes(), "c")
                .expect("chain")
                .len(),
            2
        );
        let err = parse_certificates(b"hello", "kubectl.cert").expect_err("junk");
        assert!(
            err.to_string()
                .starts_with("reading the certificate kubectl.cert: "),
            "{err}"
        );
    }
}
