//! The test Sigstore: a private Sigstore deployment made at test time with real keys.
//!
//! - a root and an intermediate CA acting as Fulcio, issuing short-lived leaf certificates with
//!   an email or URI SAN and the OIDC issuer in extensions 1.3.6.1.4.1.57264.1.1 and .1.8;
//! - a CT log key whose SCT is embedded in the leaf: the SCT signs the RFC 6962 precertificate
//!   entry (the leaf's TBSCertificate without the SCT list, plus the issuer key hash), which is
//!   exactly what `sigstore-verify` reconstructs;
//! - a Rekor key signing SETs over `{body, integratedTime, logID, logIndex}` and checkpoints
//!   for inclusion proofs (RFC 6962 Merkle audit paths over a log of dummy leaves);
//! - a `trusted_root.json` describing all of it, for `--trusted-root`.
//!
//! Signatures are produced in both cosign formats: legacy `.sig` layers (simple-signing
//! payload + annotations) and Sigstore bundles v0.3 with a DSSE in-toto statement (cosign 3).
//! Nothing here reaches the network.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;
use serde_json::{Value, json};
use sha2::{Digest as _, Sha256};
use sigstore_verify::crypto::KeyPair;
use x509_cert::der::asn1::{BitString, Ia5String, ObjectIdentifier, OctetString, UtcTime};
use x509_cert::der::{Decode as _, Encode as _};
use x509_cert::ext::Extension;
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::ext::pkix::{
    AuthorityKeyIdentifier, BasicConstraints, ExtendedKeyUsage, KeyUsage, KeyUsages,
    SubjectAltName, SubjectKeyIdentifier,
};
use x509_cert::name::Name;
use x509_cert::serial_number::SerialNumber;
use x509_cert::spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};
use x509_cert::time::{Time, Validity};
use x509_cert::{Certificate, TbsCertificate};

pub const SIMPLESIGNING_MEDIA_TYPE: &str = "application/vnd.dev.cosign.simplesigning.v1+json";
pub const BUNDLE_V03_MEDIA_TYPE: &str = "application/vnd.dev.sigstore.bundle.v0.3+json";

const OID_ECDSA_SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.2");
const OID_CODE_SIGNING: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.3.3");
const OID_FULCIO_ISSUER_V1: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.3.6.1.4.1.57264.1.1");
const OID_FULCIO_ISSUER_V2: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.3.6.1.4.1.57264.1.8");
const OID_SCT_LIST: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.4.1.11129.2.4.2");
const OID_BASIC_CONSTRAINTS: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.19");
const OID_KEY_USAGE: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.15");
const OID_EXT_KEY_USAGE: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.37");
const OID_SAN: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.17");
const OID_SKI: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.14");
const OID_AKI: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.35");

fn now() -> SystemTime {
    SystemTime::now()
}

fn unix(t: SystemTime) -> i64 {
    i64::try_from(t.duration_since(UNIX_EPOCH).expect("after 1970").as_secs()).expect("fits")
}

fn rfc3339(t: SystemTime) -> String {
    kubectl_verify::report::verdict::rfc3339(unix(t))
}

/// The key types `--key` accepts (issue 3), each signing the way cosign's default signer
/// for that type does (sigstore's `LoadDefaultSignerVerifier`): ECDSA P-256 with SHA-256,
/// P-384 with SHA-384, RSA PKCS#1 v1.5 with SHA-256, Ed25519 pure (over the whole message;
/// cosign defaults to Ed25519ph, which nothing in the tree can make). `EcdsaP384Sha256` is
/// P-384 as older cosign signed it (`LoadSignerVerifier(key, crypto.SHA256)`); `RsaPss` is an
/// RSA key signing RSASSA-PSS over SHA-256 (`cosign --signing-algorithm rsa-sign-pss-*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyKind {
    EcdsaP256,
    EcdsaP384,
    EcdsaP384Sha256,
    Rsa,
    RsaPss,
    Ed25519,
}

impl KeyKind {
    pub const ALL: [Self; 6] = [
        Self::EcdsaP256,
        Self::EcdsaP384,
        Self::EcdsaP384Sha256,
        Self::Rsa,
        Self::RsaPss,
        Self::Ed25519,
    ];

    /// The name reports and file names use.
    pub fn name(self) -> &'static str {
        match self {
            Self::EcdsaP256 => "ecdsa-p256",
            Self::EcdsaP384 => "ecdsa-p384",
            Self::EcdsaP384Sha256 => "ecdsa-p384-sha256",
            Self::Rsa => "rsa",
            Self::RsaPss => "rsa-pss",
            Self::Ed25519 => "ed25519",
        }
    }
}

enum Pair {
    /// The harness's own CA, CT and Rekor keys: P-256 through sigstore-verify's signer.
    Sigstore(KeyPair),
    /// Signing keys of every `--key` type, through rcgen (aws-lc-rs underneath).
    Rcgen(rcgen::KeyPair),
    /// P-384 signing over SHA-256, which rcgen does not offer.
    P384Sha256(aws_lc_rs::signature::EcdsaKeyPair),
    /// RSASSA-PSS signing, which rcgen's RSA key pair does not do.
    RsaPss(aws_lc_rs::signature::RsaKeyPair),
}

/// A signing key with its DER SubjectPublicKeyInfo.
pub struct Key {
    pair: Pair,
    spki: Vec<u8>,
}

impl Key {
    /// An ECDSA P-256 key.
    pub fn generate() -> Self {
        let pair = KeyPair::generate_ecdsa_p256().expect("generate P-256 key");
        let spki = pair
            .public_key_der()
            .expect("public key DER")
            .as_bytes()
            .to_vec();
        Self {
            pair: Pair::Sigstore(pair),
            spki,
        }
    }

    /// A key of `kind` (RSA: 2048 bits, cosign's default size).
    pub fn generate_kind(kind: KeyKind) -> Self {
        let alg = match kind {
            KeyKind::EcdsaP256 => &rcgen::PKCS_ECDSA_P256_SHA256,
            KeyKind::EcdsaP384 | KeyKind::EcdsaP384Sha256 => &rcgen::PKCS_ECDSA_P384_SHA384,
            KeyKind::Rsa | KeyKind::RsaPss => &rcgen::PKCS_RSA_SHA256,
            KeyKind::Ed25519 => &rcgen::PKCS_ED25519,
        };
        let pair = rcgen::KeyPair::generate_for(alg).expect("generate key");
        let spki = rcgen::PublicKeyData::subject_public_key_info(&pair);
        if kind == KeyKind::EcdsaP384Sha256 {
            let pair = aws_lc_rs::signature::EcdsaKeyPair::from_pkcs8(
                &aws_lc_rs::signature::ECDSA_P384_SHA384_ASN1_SIGNING,
                pair.serialized_der(),
            )
            .expect("P-384 key");
            return Self {
                pair: Pair::P384Sha256(pair),
                spki,
            };
        }
        if kind == KeyKind::RsaPss {
            let pair = aws_lc_rs::signature::RsaKeyPair::from_pkcs8(pair.serialized_der())
                .expect("RSA key");
            return Self {
                pair: Pair::RsaPss(pair),
                spki,
            };
        }
        Self {
            pair: Pair::Rcgen(pair),
            spki,
        }
    }

    /// A signature over `data` as cosign makes it with this key type: ASN.1 DER ECDSA over
    /// SHA-256 (P-256) or SHA-384 (P-384; SHA-256 for `EcdsaP384Sha256`), RSA PKCS#1 v1.5
    /// over SHA-256 (PSS for `RsaPss`), pure Ed25519.
    pub fn sign(&self, data: &[u8]) -> Vec<u8> {
        match &self.pair {
            Pair::Sigstore(pair) => pair.sign(data).expect("sign").as_bytes().to_vec(),
            Pair::Rcgen(pair) => rcgen::SigningKey::sign(pair, data).expect("sign"),
            Pair::P384Sha256(pair) => {
                // aws-lc-rs pairs P-384 signing with SHA-384 only. ECDSA reads the digest as
                // an integer (RFC 6979 bits2int), so SHA-256 left-padded with 16 zero bytes to
                // SHA-384's length is the same integer: the result is ECDSA P-384 over SHA-256.
                let mut padded = [0u8; 48];
                padded[16..].copy_from_slice(&Sha256::digest(data));
                let digest = aws_lc_rs::digest::Digest::import_less_safe(
                    &padded,
                    &aws_lc_rs::digest::SHA384,
                )
                .expect("digest");
                pair.sign_digest(&digest).expect("sign").as_ref().to_vec()
            }
            Pair::RsaPss(pair) => {
                let mut sig = vec![0; pair.public_modulus_len()];
                pair.sign(
                    &aws_lc_rs::signature::RSA_PSS_SHA256,
                    &aws_lc_rs::rand::SystemRandom::new(),
                    data,
                    &mut sig,
                )
                .expect("sign");
                sig
            }
        }
    }

    pub fn spki_der(&self) -> &[u8] {
        &self.spki
    }

    /// sha256 of the SPKI: the RFC 6962 / Rekor log ID of a log with this key.
    pub fn id(&self) -> [u8; 32] {
        Sha256::digest(&self.spki).into()
    }

    pub fn public_pem(&self) -> String {
        pem("PUBLIC KEY", &self.spki)
    }

    /// The hex sha256 fingerprint of the SPKI, as reports show keys.
    pub fn fingerprint(&self) -> String {
        hex::encode(self.id())
    }

    fn spki(&self) -> SubjectPublicKeyInfoOwned {
        SubjectPublicKeyInfoOwned::from_der(&self.spki).expect("SPKI")
    }
}

pub fn pem(label: &str, der: &[u8]) -> String {
    let b64 = B64.encode(der);
    let mut out = format!("-----BEGIN {label}-----\n");
    for chunk in b64.as_bytes().chunks(64) {
        out.push_str(std::str::from_utf8(chunk).expect("ascii"));
        out.push('\n');
    }
    let _ = writeln!(out, "-----END {label}-----");
    out
}

struct Ca {
    key: Key,
    cert: Vec<u8>,
    name: Name,
}

fn ecdsa_sha256() -> AlgorithmIdentifierOwned {
    AlgorithmIdentifierOwned {
        oid: OID_ECDSA_SHA256,
        parameters: None,
    }
}

fn ext(oid: ObjectIdentifier, critical: bool, value: Vec<u8>) -> Extension {
    Extension {
        extn_id: oid,
        critical,
        extn_value: OctetString::new(value).expect("octet string"),
    }
}

fn time(t: SystemTime) -> Time {
    Time::UtcTime(
        UtcTime::from_unix_duration(t.duration_since(UNIX_EPOCH).expect("after 1970"))
            .expect("UTCTime"),
    )
}

fn serial() -> SerialNumber {
    static NEXT: AtomicI64 = AtomicI64::new(1);
    let mut bytes = [0u8; 9];
    bytes[1..].copy_from_slice(&NEXT.fetch_add(1, Ordering::Relaxed).to_be_bytes());
    bytes[1] |= 0x10; // positive, non-zero leading byte
    SerialNumber::new(&bytes[1..]).expect("serial")
}

fn sign_tbs(tbs: TbsCertificate, signer: &Key) -> Vec<u8> {
    let der = tbs.to_der().expect("encode TBS");
    let sig = signer.sign(&der);
    Certificate {
        tbs_certificate: tbs,
        signature_algorithm: ecdsa_sha256(),
        signature: BitString::from_bytes(&sig).expect("bit string"),
    }
    .to_der()
    .expect("encode certificate")
}

fn key_id(key: &Key) -> Vec<u8> {
    key.id()[..20].to_vec()
}

impl Ca {
    fn root(cn: &str, not_before: SystemTime) -> Self {
        let key = Key::generate();
        let name: Name = format!("CN={cn},O=kubectl-verify test")
            .parse()
            .expect("name");
        let tbs = TbsCertificate {
            version: x509_cert::Version::V3,
            serial_number: serial(),
            signature: ecdsa_sha256(),
            issuer: name.clone(),
            validity: Validity {
                not_before: time(not_before),
                not_after: time(not_before + Duration::from_secs(10 * 365 * 86_400)),
            },
            subject: name.clone(),
            subject_public_key_info: key.spki(),
            issuer_unique_id: None,
            subject_unique_id: None,
            extensions: Some(ca_extensions(&key, &key, None)),
        };
        let cert = sign_tbs(tbs, &key);
        Self { key, cert, name }
    }

    fn intermediate(&self, cn: &str, not_before: SystemTime) -> Self {
        let key = Key::generate();
        let name: Name = format!("CN={cn},O=kubectl-verify test")
            .parse()
            .expect("name");
        let tbs = TbsCertificate {
            version: x509_cert::Version::V3,
            serial_number: serial(),
            signature: ecdsa_sha256(),
            issuer: self.name.clone(),
            validity: Validity {
                not_before: time(not_before),
                not_after: time(not_before + Duration::from_secs(5 * 365 * 86_400)),
            },
            subject: name.clone(),
            subject_public_key_info: key.spki(),
            issuer_unique_id: None,
            subject_unique_id: None,
            extensions: Some(ca_extensions(&key, &self.key, Some(0))),
        };
        let cert = sign_tbs(tbs, &self.key);
        Self { key, cert, name }
    }
}

fn ca_extensions(key: &Key, issuer: &Key, path_len: Option<u8>) -> Vec<Extension> {
    let mut exts = vec![
        ext(
            OID_KEY_USAGE,
            true,
            KeyUsage(KeyUsages::KeyCertSign | KeyUsages::CRLSign)
                .to_der()
                .expect("key usage"),
        ),
        ext(
            OID_BASIC_CONSTRAINTS,
            true,
            BasicConstraints {
                ca: true,
                path_len_constraint: path_len,
            }
            .to_der()
            .expect("basic constraints"),
        ),
        ext(
            OID_SKI,
            false,
            SubjectKeyIdentifier(OctetString::new(key_id(key)).expect("ski"))
                .to_der()
                .expect("ski"),
        ),
    ];
    if path_len.is_some() {
        // Fulcio's intermediate carries the code-signing EKU; webpki checks it on the path.
        exts.push(ext(
            OID_EXT_KEY_USAGE,
            false,
            ExtendedKeyUsage(vec![OID_CODE_SIGNING])
                .to_der()
                .expect("eku"),
        ));
        exts.push(aki(issuer));
    }
    exts
}

fn aki(issuer: &Key) -> Extension {
    ext(
        OID_AKI,
        false,
        AuthorityKeyIdentifier {
            key_identifier: Some(OctetString::new(key_id(issuer)).expect("aki")),
            authority_cert_issuer: None,
            authority_cert_serial_number: None,
        }
        .to_der()
        .expect("aki"),
    )
}

/// Which CA issues a leaf.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Issuer {
    /// The intermediate in the trusted root.
    #[default]
    Trusted,
    /// A CA that looks the same but is in no trusted root.
    Rogue,
}

/// How to issue a leaf certificate.
#[derive(Debug, Clone)]
pub struct LeafOptions {
    /// The SAN: an email when it has no `://`, a URI otherwise.
    pub identity: String,
    pub oidc_issuer: String,
    /// Validity start; the certificate lasts `lifetime` (Fulcio: 10 minutes).
    pub not_before: SystemTime,
    pub lifetime: Duration,
    pub issuer: Issuer,
}

impl LeafOptions {
    pub fn new(identity: &str, oidc_issuer: &str) -> Self {
        Self {
            identity: identity.to_owned(),
            oidc_issuer: oidc_issuer.to_owned(),
            not_before: now() - Duration::from_secs(60),
            lifetime: Duration::from_secs(600),
            issuer: Issuer::Trusted,
        }
    }
}

/// A keyless signer: an ephemeral key and the Fulcio-style certificate issued for it.
pub struct Identity {
    pub key: Key,
    pub cert: Vec<u8>,
    /// Intermediate then root, as cosign's chain annotation.
    pub chain: Vec<Vec<u8>>,
    pub not_before: SystemTime,
    pub not_after: SystemTime,
}

impl Identity {
    pub fn cert_pem(&self) -> String {
        pem("CERTIFICATE", &self.cert)
    }

    pub fn chain_pem(&self) -> String {
        self.chain.iter().map(|c| pem("CERTIFICATE", c)).collect()
    }
}

/// Who signs: a keyless identity, or a plain key.
#[derive(Clone, Copy)]
pub enum Signer<'a> {
    Keyless(&'a Identity),
    Key(&'a Key),
}

impl Signer<'_> {
    fn key(&self) -> &Key {
        match self {
            Self::Keyless(id) => &id.key,
            Self::Key(k) => k,
        }
    }

    /// What Rekor records as the verifier: the certificate, or the public key, in PEM.
    fn verifier_pem(&self) -> String {
        match self {
            Self::Keyless(id) => id.cert_pem(),
            Self::Key(k) => k.public_pem(),
        }
    }
}

/// How the transparency log records a signature.
#[derive(Clone, Copy)]
pub struct TlogOptions<'a> {
    /// `None`: no log entry at all (no `dev.sigstore.cosign/bundle` annotation).
    pub log: Option<&'a Key>,
    pub integrated_time: SystemTime,
}

/// One legacy `.sig` layer: the payload blob and the layer annotations.
#[derive(Debug, Clone)]
pub struct LegacyLayer {
    pub payload: Vec<u8>,
    pub annotations: BTreeMap<String, String>,
}

/// The test Sigstore. Dropping it removes its `trusted_root.json`.
pub struct TestSigstore {
    root: Ca,
    intermediate: Ca,
    rogue: Ca,
    pub ct: Key,
    pub rekor: Key,
    /// A Rekor-like key in no trusted root: SETs from an unknown log.
    pub unknown_log: Key,
    next_index: AtomicI64,
    dir: tempfile::TempDir,
}

impl Default for TestSigstore {
    fn default() -> Self {
        Self::new()
    }
}

impl TestSigstore {
    pub fn new() -> Self {
        let start = now() - Duration::from_secs(86_400);
        let root = Ca::root("test-fulcio-root", start);
        let intermediate = root.intermediate("test-fulcio-intermediate", start);
        let rogue_root = Ca::root("test-fulcio-root", start);
        let rogue = rogue_root.intermediate("test-fulcio-intermediate", start);
        let s = Self {
            root,
            intermediate,
            rogue,
            ct: Key::generate(),
            rekor: Key::generate(),
            unknown_log: Key::generate(),
            next_index: AtomicI64::new(1000),
            dir: tempfile::tempdir().expect("tempdir"),
        };
        std::fs::write(s.trusted_root_path(), s.trusted_root_json()).expect("write trusted root");
        s
    }

    /// `trusted_root.json` for `--trusted-root`.
    pub fn trusted_root_path(&self) -> PathBuf {
        self.dir.path().join("trusted_root.json")
    }

    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// The trusted root in the protobuf-specs JSON form `sigstore-trust-root` reads.
    pub fn trusted_root_json(&self) -> String {
        let start = rfc3339(now() - Duration::from_secs(2 * 86_400));
        let log = |key: &Key, url: &str| {
            json!({
                "baseUrl": url,
                "hashAlgorithm": "SHA2_256",
                "publicKey": {
                    "rawBytes": B64.encode(key.spki_der()),
                    "keyDetails": "PKIX_ECDSA_P256_SHA_256",
                    "validFor": { "start": start },
                },
                "logId": { "keyId": B64.encode(key.id()) },
            })
        };
        let root = json!({
            "mediaType": "application/vnd.dev.sigstore.trustedroot+json;version=0.1",
            "tlogs": [log(&self.rekor, "https://rekor.test.invalid")],
            "certificateAuthorities": [{
                "subject": { "organization": "kubectl-verify test", "commonName": "test-fulcio-root" },
                "uri": "https://fulcio.test.invalid",
                "certChain": { "certificates": [
                    { "rawBytes": B64.encode(&self.intermediate.cert) },
                    { "rawBytes": B64.encode(&self.root.cert) },
                ] },
                "validFor": { "start": start },
            }],
            "ctlogs": [log(&self.ct, "https://ctfe.test.invalid")],
            "timestampAuthorities": [],
        });
        serde_json::to_string_pretty(&root).expect("json")
    }

    /// A keyless identity valid from a minute ago for ten minutes, issued by the trusted CA.
    pub fn keyless(&self, identity: &str, oidc_issuer: &str) -> Identity {
        self.keyless_with(&LeafOptions::new(identity, oidc_issuer))
    }

    /// Issues a leaf like Fulcio does: precertificate TBS → SCT from the CT key → final
    /// certificate with the SCT list appended, signed by the intermediate.
    pub fn keyless_with(&self, opts: &LeafOptions) -> Identity {
        let ca = match opts.issuer {
            Issuer::Trusted => &self.intermediate,
            Issuer::Rogue => &self.rogue,
        };
        let key = Key::generate();
        let not_after = opts.not_before + opts.lifetime;
        let san = if opts.identity.contains("://") {
            GeneralName::UniformResourceIdentifier(Ia5String::new(&opts.identity).expect("ia5 uri"))
        } else {
            GeneralName::Rfc822Name(Ia5String::new(&opts.identity).expect("ia5 email"))
        };
        let mut extensions = vec![
            ext(
                OID_KEY_USAGE,
                true,
                KeyUsage(KeyUsages::DigitalSignature.into())
                    .to_der()
                    .expect("key usage"),
            ),
            ext(
                OID_EXT_KEY_USAGE,
                false,
                ExtendedKeyUsage(vec![OID_CODE_SIGNING])
                    .to_der()
                    .expect("eku"),
            ),
            ext(
                OID_SKI,
                false,
                SubjectKeyIdentifier(OctetString::new(key_id(&key)).expect("ski"))
                    .to_der()
                    .expect("ski"),
            ),
            aki(&ca.key),
            // Fulcio marks the SAN critical: the subject is empty.
            ext(
                OID_SAN,
                true,
                SubjectAltName(vec![san]).to_der().expect("san"),
            ),
            // .1.1 is the raw issuer URL (deprecated), .1.8 a DER UTF8String.
            ext(
                OID_FULCIO_ISSUER_V1,
                false,
                opts.oidc_issuer.as_bytes().to_vec(),
            ),
            ext(
                OID_FULCIO_ISSUER_V2,
                false,
                x509_cert::der::asn1::Utf8StringRef::new(&opts.oidc_issuer)
                    .expect("utf8")
                    .to_der()
                    .expect("utf8 der"),
            ),
        ];
        let mut tbs = TbsCertificate {
            version: x509_cert::Version::V3,
            serial_number: serial(),
            signature: ecdsa_sha256(),
            issuer: ca.name.clone(),
            validity: Validity {
                not_before: time(opts.not_before),
                not_after: time(not_after),
            },
            subject: Name::default(),
            subject_public_key_info: key.spki(),
            issuer_unique_id: None,
            subject_unique_id: None,
            extensions: Some(extensions.clone()),
        };
        let precert_tbs = tbs.to_der().expect("precert TBS");
        let sct = self.sct(
            &precert_tbs,
            ca.key.spki_der(),
            u64::try_from(unix(opts.not_before)).expect("positive") * 1000,
        );
        extensions.push(ext(OID_SCT_LIST, false, sct));
        tbs.extensions = Some(extensions);
        let cert = sign_tbs(tbs, &ca.key);
        let root = match opts.issuer {
            Issuer::Trusted => &self.root.cert,
            Issuer::Rogue => &self.rogue.cert, // the rogue chain is shipped as-is
        };
        Identity {
            key,
            cert,
            chain: vec![ca.cert.clone(), root.clone()],
            not_before: opts.not_before,
            not_after,
        }
    }

    /// The DER extension value of an SCT list holding one SCT from the test CT log over the
    /// RFC 6962 precertificate entry.
    fn sct(&self, precert_tbs: &[u8], issuer_spki: &[u8], timestamp_ms: u64) -> Vec<u8> {
        let issuer_key_hash: [u8; 32] = Sha256::digest(issuer_spki).into();
        let mut signed = Vec::new();
        signed.push(0u8); // version v1
        signed.push(0u8); // signature_type certificate_timestamp
        signed.extend_from_slice(&timestamp_ms.to_be_bytes());
        signed.extend_from_slice(&1u16.to_be_bytes()); // precert_entry
        signed.extend_from_slice(&issuer_key_hash);
        let len = u32::try_from(precert_tbs.len()).expect("TBS size");
        signed.extend_from_slice(&len.to_be_bytes()[1..]); // u24 length
        signed.extend_from_slice(precert_tbs);
        signed.extend_from_slice(&0u16.to_be_bytes()); // no extensions
        let sig = self.ct.sign(&signed);

        let mut sct = Vec::new();
        sct.push(0u8);
        sct.extend_from_slice(&self.ct.id());
        sct.extend_from_slice(&timestamp_ms.to_be_bytes());
        sct.extend_from_slice(&0u16.to_be_bytes());
        sct.push(4); // sha256
        sct.push(3); // ecdsa
        sct.extend_from_slice(&u16::try_from(sig.len()).expect("sig").to_be_bytes());
        sct.extend_from_slice(&sig);

        let mut list = Vec::new();
        let sct_len = u16::try_from(sct.len()).expect("sct");
        list.extend_from_slice(&(sct_len + 2).to_be_bytes());
        list.extend_from_slice(&sct_len.to_be_bytes());
        list.extend_from_slice(&sct);
        OctetString::new(list)
            .expect("octet string")
            .to_der()
            .expect("sct list")
    }

    /// Default tlog: the trusted Rekor, integrated a second ago.
    pub fn tlog(&self) -> TlogOptions<'_> {
        TlogOptions {
            log: Some(&self.rekor),
            integrated_time: now() - Duration::from_secs(1),
        }
    }

    fn next_log_index(&self) -> i64 {
        self.next_index.fetch_add(1, Ordering::Relaxed)
    }

    /// A SET: the log's signature over the canonical JSON cosign and Rekor agree on.
    fn set(log: &Key, body: &[u8], integrated_time: i64, log_index: i64) -> Vec<u8> {
        // Keys in sorted order: this is the RFC 8785 canonical form for these values.
        let payload = format!(
            r#"{{"body":"{}","integratedTime":{integrated_time},"logID":"{}","logIndex":{log_index}}}"#,
            B64.encode(body),
            hex::encode(log.id()),
        );
        log.sign(payload.as_bytes())
    }

    /// Signs a simple-signing payload and returns the `.sig` layer cosign 2 would push.
    pub fn legacy_layer(&self, signer: Signer<'_>, payload: &[u8]) -> LegacyLayer {
        self.legacy_layer_with(signer, payload, self.tlog())
    }

    pub fn legacy_layer_with(
        &self,
        signer: Signer<'_>,
        payload: &[u8],
        tlog: TlogOptions<'_>,
    ) -> LegacyLayer {
        let sig = signer.key().sign(payload);
        let mut annotations = BTreeMap::new();
        annotations.insert(
            "dev.cosignproject.cosign/signature".to_owned(),
            B64.encode(&sig),
        );
        if let Signer::Keyless(id) = signer {
            annotations.insert("dev.sigstore.cosign/certificate".to_owned(), id.cert_pem());
            annotations.insert("dev.sigstore.cosign/chain".to_owned(), id.chain_pem());
        }
        if let Some(log) = tlog.log {
            let body = hashedrekord_body(&Sha256::digest(payload), &sig, &signer.verifier_pem());
            let t = unix(tlog.integrated_time);
            let index = self.next_log_index();
            let set = Self::set(log, &body, t, index);
            let bundle = json!({
                "SignedEntryTimestamp": B64.encode(&set),
                "Payload": {
                    "body": B64.encode(&body),
                    "integratedTime": t,
                    "logIndex": index,
                    "logID": hex::encode(log.id()),
                },
            });
            annotations.insert("dev.sigstore.cosign/bundle".to_owned(), bundle.to_string());
        }
        LegacyLayer {
            payload: payload.to_vec(),
            annotations,
        }
    }

    /// A cosign 3 image signature: bundle v0.3 with a DSSE in-toto statement whose subject is
    /// the image digest (predicate `https://sigstore.dev/cosign/sign/v1`), a dsse/0.0.1 Rekor
    /// entry with SET and inclusion proof.
    pub fn bundle_v03(&self, signer: Signer<'_>, digest: &str) -> Vec<u8> {
        self.bundle_v03_with(signer, digest, self.tlog())
    }

    pub fn bundle_v03_with(
        &self,
        signer: Signer<'_>,
        digest: &str,
        tlog: TlogOptions<'_>,
    ) -> Vec<u8> {
        let hex_digest = digest.strip_prefix("sha256:").unwrap_or(digest);
        let statement = format!(
            r#"{{"_type":"https://in-toto.io/Statement/v1","subject":[{{"digest":{{"sha256":"{hex_digest}"}},"annotations":{{}}}}],"predicateType":"https://sigstore.dev/cosign/sign/v1"}}"#
        );
        self.dsse_bundle_with(signer, statement.as_bytes(), tlog)
    }

    /// A cosign 3 attestation (`cosign attest` with a bundle): bundle v0.3 whose DSSE payload
    /// is `statement`, with a dsse/0.0.1 Rekor entry carrying SET and inclusion proof.
    pub fn attestation_bundle(&self, signer: Signer<'_>, statement: &[u8]) -> Vec<u8> {
        self.dsse_bundle_with(signer, statement, self.tlog())
    }

    fn dsse_bundle_with(
        &self,
        signer: Signer<'_>,
        statement: &[u8],
        tlog: TlogOptions<'_>,
    ) -> Vec<u8> {
        let payload_type = "application/vnd.in-toto+json";
        let pae = dsse_pae(payload_type, statement);
        let sig = signer.key().sign(&pae);
        let envelope = json!({
            "payload": B64.encode(statement),
            "payloadType": payload_type,
            "signatures": [{ "sig": B64.encode(&sig), "keyid": "" }],
        });
        let material = match signer {
            Signer::Keyless(id) => json!({ "certificate": { "rawBytes": B64.encode(&id.cert) } }),
            Signer::Key(k) => json!({ "publicKey": { "hint": B64.encode(k.id()) } }),
        };
        let mut vm = material;
        vm["tlogEntries"] = json!([]);
        vm["timestampVerificationData"] = json!({});
        if let Some(log) = tlog.log {
            let body = format!(
                r#"{{"apiVersion":"0.0.1","kind":"dsse","spec":{{"envelopeHash":{{"algorithm":"sha256","value":"{}"}},"payloadHash":{{"algorithm":"sha256","value":"{}"}},"signatures":[{{"signature":"{}","verifier":"{}"}}]}}}}"#,
                hex::encode(Sha256::digest(envelope.to_string().as_bytes())),
                hex::encode(Sha256::digest(statement)),
                B64.encode(&sig),
                B64.encode(signer.verifier_pem()),
            );
            vm["tlogEntries"] = json!([self.tlog_entry(log, body.as_bytes(), tlog, "dsse")]);
        }
        let bundle = json!({
            "mediaType": BUNDLE_V03_MEDIA_TYPE,
            "verificationMaterial": vm,
            "dsseEnvelope": envelope,
        });
        serde_json::to_vec(&bundle).expect("bundle json")
    }

    /// A cosign 2 attestation layer of the `.att` tag: the DSSE envelope of `statement` as the
    /// blob, an empty signature annotation, certificate and chain (keyless), the
    /// `predicateType` annotation, and an intoto/0.0.2 Rekor entry with its SET (as cosign 2
    /// `attest` uploads).
    pub fn attestation_layer(&self, signer: Signer<'_>, statement: &[u8]) -> LegacyLayer {
        self.attestation_layer_with(signer, statement, self.tlog())
    }

    pub fn attestation_layer_with(
        &self,
        signer: Signer<'_>,
        statement: &[u8],
        tlog: TlogOptions<'_>,
    ) -> LegacyLayer {
        let payload_type = "application/vnd.in-toto+json";
        let sig = signer.key().sign(&dsse_pae(payload_type, statement));
        let envelope = json!({
            "payloadType": payload_type,
            "payload": B64.encode(statement),
            "signatures": [{ "keyid": "", "sig": B64.encode(&sig) }],
        })
        .to_string()
        .into_bytes();
        let predicate_type = serde_json::from_slice::<Value>(statement)
            .ok()
            .and_then(|v| v["predicateType"].as_str().map(str::to_owned))
            .unwrap_or_default();
        let mut annotations = BTreeMap::new();
        annotations.insert(
            "dev.cosignproject.cosign/signature".to_owned(),
            String::new(),
        );
        annotations.insert("predicateType".to_owned(), predicate_type);
        if let Signer::Keyless(id) = signer {
            annotations.insert("dev.sigstore.cosign/certificate".to_owned(), id.cert_pem());
            annotations.insert("dev.sigstore.cosign/chain".to_owned(), id.chain_pem());
        }
        if let Some(log) = tlog.log {
            let body = json!({
                "apiVersion": "0.0.2",
                "kind": "intoto",
                "spec": { "content": {
                    "envelope": {
                        "payloadType": payload_type,
                        "signatures": [{
                            "sig": B64.encode(B64.encode(&sig)),
                            "publicKey": B64.encode(signer.verifier_pem()),
                        }],
                    },
                    "hash": { "algorithm": "sha256", "value": hex::encode(Sha256::digest(&envelope)) },
                    "payloadHash": { "algorithm": "sha256", "value": hex::encode(Sha256::digest(statement)) },
                } },
            })
            .to_string()
            .into_bytes();
            let t = unix(tlog.integrated_time);
            let index = self.next_log_index();
            let set = Self::set(log, &body, t, index);
            let bundle = json!({
                "SignedEntryTimestamp": B64.encode(&set),
                "Payload": {
                    "body": B64.encode(&body),
                    "integratedTime": t,
                    "logIndex": index,
                    "logID": hex::encode(log.id()),
                },
            });
            annotations.insert("dev.sigstore.cosign/bundle".to_owned(), bundle.to_string());
        }
        LegacyLayer {
            payload: envelope,
            annotations,
        }
    }

    /// A `cosign sign-blob --bundle` style bundle (v0.3): a message signature over `artifact`
    /// with a hashedrekord/0.0.1 Rekor entry carrying SET and inclusion proof.
    pub fn blob_bundle(&self, signer: Signer<'_>, artifact: &[u8]) -> Vec<u8> {
        let sig = signer.key().sign(artifact);
        let digest = Sha256::digest(artifact);
        let mut vm = match signer {
            Signer::Keyless(id) => json!({ "certificate": { "rawBytes": B64.encode(&id.cert) } }),
            Signer::Key(k) => json!({ "publicKey": { "hint": B64.encode(k.id()) } }),
        };
        let body = hashedrekord_body(&digest, &sig, &signer.verifier_pem());
        vm["tlogEntries"] =
            json!([self.tlog_entry(&self.rekor, &body, self.tlog(), "hashedrekord")]);
        vm["timestampVerificationData"] = json!({});
        let bundle = json!({
            "mediaType": BUNDLE_V03_MEDIA_TYPE,
            "verificationMaterial": vm,
            "messageSignature": {
                "messageDigest": { "algorithm": "SHA2_256", "digest": B64.encode(digest) },
                "signature": B64.encode(&sig),
            },
        });
        serde_json::to_vec(&bundle).expect("bundle json")
    }

    /// A bundle tlog entry with SET and an RFC 6962 inclusion proof + signed checkpoint.
    fn tlog_entry(&self, log: &Key, body: &[u8], tlog: TlogOptions<'_>, kind: &str) -> Value {
        let index = self.next_log_index();
        let t = unix(tlog.integrated_time);
        let set = Self::set(log, body, t, index);
        let tree_size = index + 3;
        let leaves: Vec<[u8; 32]> = (0..tree_size)
            .map(|i| {
                if i == index {
                    leaf_hash(body)
                } else {
                    leaf_hash(format!("other entry {i}").as_bytes())
                }
            })
            .collect();
        let idx = usize::try_from(index).expect("index");
        let root = merkle_root(&leaves);
        let proof = audit_path(idx, &leaves);
        let origin = "rekor.test.invalid - 1";
        let note = format!("{origin}\n{tree_size}\n{}\n", B64.encode(root));
        let mut key_and_sig = log.id()[..4].to_vec();
        key_and_sig.extend_from_slice(&log.sign(note.as_bytes()));
        let checkpoint = format!(
            "{note}\n\u{2014} rekor.test.invalid {}\n",
            B64.encode(key_and_sig)
        );
        json!({
            "logIndex": index.to_string(),
            "logId": { "keyId": B64.encode(log.id()) },
            "kindVersion": { "kind": kind, "version": "0.0.1" },
            "integratedTime": t.to_string(),
            "inclusionPromise": { "signedEntryTimestamp": B64.encode(&set) },
            "inclusionProof": {
                "logIndex": index.to_string(),
                "rootHash": B64.encode(root),
                "treeSize": tree_size.to_string(),
                "hashes": proof.iter().map(|h| B64.encode(h)).collect::<Vec<_>>(),
                "checkpoint": { "envelope": checkpoint },
            },
            "canonicalizedBody": B64.encode(body),
        })
    }
}

/// The hashedrekord/0.0.1 body Rekor stores for a signature over an artifact digest.
pub fn hashedrekord_body(artifact_sha256: &[u8], sig: &[u8], verifier_pem: &str) -> Vec<u8> {
    format!(
        r#"{{"apiVersion":"0.0.1","kind":"hashedrekord","spec":{{"data":{{"hash":{{"algorithm":"sha256","value":"{}"}}}},"signature":{{"content":"{}","publicKey":{{"content":"{}"}}}}}}}}"#,
        hex::encode(artifact_sha256),
        B64.encode(sig),
        B64.encode(verifier_pem),
    )
    .into_bytes()
}

/// cosign's simple-signing payload for an image digest, as cosign 2 writes it.
pub fn simple_signing_payload(docker_reference: &str, digest: &str) -> Vec<u8> {
    format!(
        r#"{{"critical":{{"identity":{{"docker-reference":"{docker_reference}"}},"image":{{"docker-manifest-digest":"{digest}"}},"type":"cosign container image signature"}},"optional":null}}"#
    )
    .into_bytes()
}

/// An in-toto statement v1 about the image `digest` (`sha256:…`), named `name`.
pub fn statement(name: &str, digest: &str, predicate_type: &str, predicate: &Value) -> Vec<u8> {
    let hex_digest = digest.strip_prefix("sha256:").unwrap_or(digest);
    serde_json::to_vec(&json!({
        "_type": "https://in-toto.io/Statement/v1",
        "subject": [{ "name": name, "digest": { "sha256": hex_digest } }],
        "predicateType": predicate_type,
        "predicate": predicate,
    }))
    .expect("statement json")
}

/// DSSE pre-authentication encoding.
pub fn dsse_pae(payload_type: &str, payload: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "DSSEv1 {} {} {} ",
        payload_type.len(),
        payload_type,
        payload.len()
    )
    .into_bytes();
    out.extend_from_slice(payload);
    out
}

fn leaf_hash(data: &[u8]) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update([0u8]);
    h.update(data);
    h.finalize().into()
}

fn node_hash(l: &[u8; 32], r: &[u8; 32]) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update([1u8]);
    h.update(l);
    h.update(r);
    h.finalize().into()
}

/// RFC 6962 MTH over leaf hashes.
fn merkle_root(leaves: &[[u8; 32]]) -> [u8; 32] {
    if leaves.len() == 1 {
        return leaves[0];
    }
    let k = split_point(leaves.len());
    node_hash(&merkle_root(&leaves[..k]), &merkle_root(&leaves[k..]))
}

/// RFC 6962 PATH(m, D[n]), leaf to root.
fn audit_path(m: usize, leaves: &[[u8; 32]]) -> Vec<[u8; 32]> {
    if leaves.len() <= 1 {
        return Vec::new();
    }
    let k = split_point(leaves.len());
    if m < k {
        let mut p = audit_path(m, &leaves[..k]);
        p.push(merkle_root(&leaves[k..]));
        p
    } else {
        let mut p = audit_path(m - k, &leaves[k..]);
        p.push(merkle_root(&leaves[..k]));
        p
    }
}

/// The largest power of two smaller than n.
fn split_point(n: usize) -> usize {
    let mut k = 1;
    while k * 2 < n {
        k *= 2;
    }
    k
}
