//! Trust material: the Sigstore trusted root (Fulcio CAs, Rekor and CT log keys, TSAs) and
//! public keys given with `--key`.
//!
//! The public-good production root is compiled into the binary from `sigstore-trust-root`
//! ([`EMBEDDED_ROOT`]); `--trusted-root FILE`, or the root `trust update` verified through TUF
//! and cached ([`crate::tuf`] chooses), replaces it. Nothing here touches the network: trust
//! material fetched while verifying could be swapped by whoever controls the path.

use std::path::Path;

use sigstore_verify::Verifier;
use sigstore_verify::crypto::KeyAlgorithm;
use sigstore_verify::trust_root::{SIGSTORE_PRODUCTION_TRUSTED_ROOT, TrustedRoot};
use sigstore_verify::types::DerPublicKey;

/// The version of the embedded root, as a literal for `concat!` (`--version`).
#[macro_export]
macro_rules! embedded_root_version {
    () => {
        "sigstore-trust-root 0.15.1, TUF root v16"
    };
}

/// Where the embedded root comes from, for `--help`, `version`, reports and the README.
pub const EMBEDDED_ROOT: &str = concat!(
    "Sigstore public-good production trusted root (",
    embedded_root_version!(),
    ")"
);

/// Why trust material could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum TrustError {
    /// The trusted root file could not be read.
    #[error("reading trusted root {path}")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// The trusted root is not a valid Sigstore trusted root.
    #[error("parsing trusted root {origin}: {message}")]
    Parse { origin: String, message: String },
    /// The trusted root parses but its keys or certificates are unusable.
    #[error("trusted root {origin} is not usable: {message}")]
    Unusable { origin: String, message: String },
    /// A `--key` file could not be read.
    #[error("reading public key {path}")]
    ReadKey {
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// A `--key` file is not a PEM public key of a supported kind.
    #[error("public key {origin}: {message}")]
    Key { origin: String, message: String },
}

/// A trusted root ready for verification: parsed once, with its keys and anchors prepared
/// (the image command verifies many signatures against one root).
pub struct Trust {
    root: TrustedRoot,
    verifier: Verifier,
    origin: String,
    /// `sha256:<hex>` of the root's JSON bytes: what the verification cache keys on.
    digest: String,
}

impl std::fmt::Debug for Trust {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Trust")
            .field("origin", &self.origin)
            .finish_non_exhaustive()
    }
}

impl Trust {
    /// The public-good production root compiled into the binary.
    pub fn embedded() -> Result<Self, TrustError> {
        Self::from_json(SIGSTORE_PRODUCTION_TRUSTED_ROOT, EMBEDDED_ROOT)
    }

    /// A trusted root read from `path` (`--trusted-root`).
    pub fn from_file(path: &Path) -> Result<Self, TrustError> {
        let json = std::fs::read_to_string(path).map_err(|source| TrustError::Read {
            path: path.display().to_string(),
            source,
        })?;
        Self::from_json(&json, &path.display().to_string())
    }

    /// A trusted root from JSON; `origin` names it in errors and reports.
    pub fn from_json(json: &str, origin: &str) -> Result<Self, TrustError> {
        let root = TrustedRoot::from_json(json).map_err(|e| TrustError::Parse {
            origin: origin.to_owned(),
            message: e.to_string(),
        })?;
        // Building the verifier checks every key, certificate and validity window, so a
        // broken root is reported as such, up front, instead of as a failed signature.
        let verifier = Verifier::new(&root).map_err(|e| TrustError::Unusable {
            origin: origin.to_owned(),
            message: e.to_string(),
        })?;
        Ok(Self {
            root,
            verifier,
            origin: origin.to_owned(),
            digest: format!(
                "sha256:{}",
                sigstore_verify::crypto::sha256(json.as_bytes()).to_hex()
            ),
        })
    }

    /// The parsed root (Fulcio chains, log keys).
    pub fn root(&self) -> &TrustedRoot {
        &self.root
    }

    /// The library verifier prepared from this root.
    pub fn verifier(&self) -> &Verifier {
        &self.verifier
    }

    /// `sha256:<hex>` of the root's JSON as read: two runs with the same digest trust the
    /// same root (the verification cache keys its entries on it).
    pub fn digest(&self) -> &str {
        &self.digest
    }

    /// Where this root came from (a path, or [`EMBEDDED_ROOT`]).
    pub fn origin(&self) -> &str {
        &self.origin
    }
}

/// A public key given with `--key`: ECDSA P-256/P-384, RSA or Ed25519, as a PEM
/// `PUBLIC KEY` (SubjectPublicKeyInfo) block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicKey {
    der: DerPublicKey,
    algorithm: String,
    fingerprint: String,
}

impl PublicKey {
    /// Reads a PEM public key from a file.
    pub fn from_file(path: &Path) -> Result<Self, TrustError> {
        let pem = std::fs::read_to_string(path).map_err(|source| TrustError::ReadKey {
            path: path.display().to_string(),
            source,
        })?;
        Self::from_pem(&pem, &path.display().to_string())
    }

    /// Parses a PEM public key; `origin` names it in errors.
    pub fn from_pem(pem: &str, origin: &str) -> Result<Self, TrustError> {
        let key_error = |message: String| TrustError::Key {
            origin: origin.to_owned(),
            message,
        };
        let der = DerPublicKey::from_pem(pem.trim()).map_err(|e| {
            key_error(format!(
                "{e} (expected a PEM block `-----BEGIN PUBLIC KEY-----`)"
            ))
        })?;
        Self::from_der(der).map_err(key_error)
    }

    /// Wraps a DER SubjectPublicKeyInfo, checking that it is a key kind Sigstore signs with
    /// and that it decodes (a corrupt point is rejected here, not as a bad signature).
    pub fn from_der(der: DerPublicKey) -> Result<Self, String> {
        let algorithm = KeyAlgorithm::from_spki(&der).map_err(|e| e.to_string())?;
        let name = match algorithm {
            KeyAlgorithm::EcdsaP256 => "ecdsa-p256",
            KeyAlgorithm::EcdsaP384 => "ecdsa-p384",
            KeyAlgorithm::Ed25519 => "ed25519",
            KeyAlgorithm::Rsa => "rsa",
            _ => return Err(format!("unsupported key algorithm {algorithm:?}")),
        };
        sigstore_verify::crypto::VerificationKey::from_spki(&der)
            .map_err(|e| format!("{name} key does not decode: {e}"))?;
        let fingerprint = key_fingerprint(&der);
        Ok(Self {
            der,
            algorithm: name.to_owned(),
            fingerprint,
        })
    }

    /// The DER SubjectPublicKeyInfo.
    pub fn der(&self) -> &DerPublicKey {
        &self.der
    }

    /// `ecdsa-p256`, `ecdsa-p384`, `rsa` or `ed25519`.
    pub fn algorithm(&self) -> &str {
        &self.algorithm
    }

    /// `sha256:<hex>` of the DER SubjectPublicKeyInfo, as reports print it.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }
}

/// The fingerprint reports use for a key: `sha256:` and the hex SHA-256 of its DER
/// SubjectPublicKeyInfo (what `openssl pkey -pubin -outform DER | sha256sum` prints).
pub fn key_fingerprint(der: &DerPublicKey) -> String {
    format!(
        "sha256:{}",
        sigstore_verify::crypto::sha256(der.as_bytes()).to_hex()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_root_loads() {
        let trust = Trust::embedded().expect("embedded root");
        assert!(!trust.root().certificate_authorities.is_empty());
        assert!(!trust.root().tlogs.is_empty());
        assert_eq!(trust.origin(), EMBEDDED_ROOT);
    }

    #[test]
    fn broken_roots_are_errors_naming_the_origin() {
        for (json, want) in [
            ("not json", "parsing trusted root test.json"),
            ("{}", "parsing trusted root test.json"),
        ] {
            let err = Trust::from_json(json, "test.json").expect_err(json);
            assert!(err.to_string().starts_with(want), "{json}: {err}");
        }
    }

    #[test]
    fn public_keys_of_every_supported_kind_parse() {
        for (alg, name) in [
            (&rcgen::PKCS_ECDSA_P256_SHA256, "ecdsa-p256"),
            (&rcgen::PKCS_ECDSA_P384_SHA384, "ecdsa-p384"),
            (&rcgen::PKCS_ED25519, "ed25519"),
            (&rcgen::PKCS_RSA_SHA256, "rsa"),
        ] {
            let pair = rcgen::KeyPair::generate_for(alg).expect("keygen");
            let key = PublicKey::from_pem(&pair.public_key_pem(), "k.pub").expect(name);
            assert_eq!(key.algorithm(), name);
            assert!(key.fingerprint().starts_with("sha256:"));
            assert_eq!(key.fingerprint().len(), 7 + 64);
        }
    }

    #[test]
    fn bad_public_keys_say_what_is_wrong() {
        for (pem, want) in [
            ("", "expected a PEM block"),
            (
                "-----BEGIN CERTIFICATE-----\nYWJjZA==\n-----END CERTIFICATE-----",
                "expected a PEM block",
            ),
            (
                "-----BEGIN PUBLIC KEY-----\nYWJjZA==\n-----END PUBLIC KEY-----",
                "",
            ),
        ] {
            let err = PublicKey::from_pem(pem, "k.pub").expect_err(pem);
            let text = err.to_string();
            assert!(text.starts_with("public key k.pub: "), "{text}");
            assert!(text.contains(want), "{text}");
        }
    }
}
