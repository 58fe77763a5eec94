//! Legacy cosign signatures: the `sha256-<hex>.sig` manifest whose layers are simple-signing
//! payloads with the signature, certificate, chain and Rekor bundle in annotations.
//!
//! Each layer is turned into a Sigstore bundle v0.1 (message signature over the payload,
//! certificate chain, and a tlog entry whose inclusion promise is the SET and whose body is the
//! Rekor body from the annotation), so legacy and bundle signatures share one verifier. What
//! the bundle cannot say — which image the payload names — is checked here:
//! `critical.image.docker-manifest-digest` must equal the image digest. `docker-reference` is
//! deliberately not compared with the image name: Kubernetes signs under a mirror host, and
//! cosign does not check it either.

use std::collections::BTreeMap;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;
use serde::Deserialize;
use serde_json::{Value, json};
use sigstore_verify::types::Bundle;

use crate::reference::Digest;

/// Media type of a simple-signing payload layer.
pub const SIMPLESIGNING_MEDIA_TYPE: &str = "application/vnd.dev.cosign.simplesigning.v1+json";
/// Base64 signature over the payload.
pub const ANN_SIGNATURE: &str = "dev.cosignproject.cosign/signature";
/// PEM signing certificate (keyless).
pub const ANN_CERTIFICATE: &str = "dev.sigstore.cosign/certificate";
/// PEM chain: intermediates then root.
pub const ANN_CHAIN: &str = "dev.sigstore.cosign/chain";
/// Rekor bundle: `{"SignedEntryTimestamp", "Payload": {body, integratedTime, logIndex, logID}}`.
pub const ANN_BUNDLE: &str = "dev.sigstore.cosign/bundle";
/// Media type of an attestation layer of a `.att` manifest: a DSSE envelope (cosign 2
/// `attest`).
pub const DSSE_MEDIA_TYPE: &str = "application/vnd.dsse.envelope.v1+json";
/// The annotation cosign puts on `.att` layers naming the statement's predicate type (not
/// authenticated: used only to skip layers of other types).
pub const ANN_PREDICATE_TYPE: &str = "predicateType";
/// The payload type of an in-toto statement in a DSSE envelope.
pub const IN_TOTO_PAYLOAD_TYPE: &str = "application/vnd.in-toto+json";
/// The payload `critical.type` cosign writes and checks.
pub const SIMPLESIGNING_TYPE: &str = "cosign container image signature";

/// Why a legacy signature layer could not be read. Each maps to `malformed-bundle`.
#[derive(Debug, thiserror::Error)]
pub enum LegacyError {
    /// The `.sig` manifest is not an OCI/Docker image manifest.
    #[error("reading the signature manifest: {0}")]
    Manifest(String),
    /// The layer has no `dev.cosignproject.cosign/signature` annotation.
    #[error("signature layer {0} has no {ANN_SIGNATURE} annotation")]
    NoSignature(String),
    /// The signature annotation is not base64.
    #[error("signature layer {layer}: the {ANN_SIGNATURE} annotation is not base64: {source}")]
    SignatureEncoding {
        layer: String,
        source: base64::DecodeError,
    },
    /// A certificate annotation is not PEM.
    #[error("signature layer {layer}: the {annotation} annotation is not a PEM certificate")]
    Certificate {
        layer: String,
        annotation: &'static str,
    },
    /// The Rekor bundle annotation is not what cosign writes.
    #[error("signature layer {layer}: the {ANN_BUNDLE} annotation is malformed: {reason}")]
    RekorBundle { layer: String, reason: String },
    /// The payload is not a cosign simple-signing document.
    #[error("signature payload is not a cosign simple-signing document: {0}")]
    Payload(String),
    /// The assembled bundle was rejected by the bundle parser.
    #[error("building a bundle from signature layer {layer}: {reason}")]
    Bundle { layer: String, reason: String },
}

/// A layer descriptor of a `.sig` manifest.
#[derive(Debug, Clone, Deserialize)]
pub struct LayerDescriptor {
    #[serde(rename = "mediaType", default)]
    pub media_type: String,
    pub digest: String,
    #[serde(default)]
    pub size: u64,
    #[serde(default)]
    pub annotations: BTreeMap<String, String>,
}

#[derive(Deserialize)]
struct SigManifest {
    #[serde(default)]
    layers: Vec<LayerDescriptor>,
}

/// The simple-signing layers of a cosign `.sig` manifest, in order.
pub fn signature_layers(manifest: &[u8]) -> Result<Vec<LayerDescriptor>, LegacyError> {
    let m: SigManifest =
        serde_json::from_slice(manifest).map_err(|e| LegacyError::Manifest(e.to_string()))?;
    Ok(m.layers
        .into_iter()
        .filter(|l| l.media_type == SIMPLESIGNING_MEDIA_TYPE)
        .collect())
}

/// The DSSE envelope layers of a cosign `.att` manifest, in order.
pub fn attestation_layers(manifest: &[u8]) -> Result<Vec<LayerDescriptor>, LegacyError> {
    let m: SigManifest =
        serde_json::from_slice(manifest).map_err(|e| LegacyError::Manifest(e.to_string()))?;
    Ok(m.layers
        .into_iter()
        .filter(|l| l.media_type == DSSE_MEDIA_TYPE)
        .collect())
}

/// The DSSE envelope of an `.att` layer (as cosign writes it: one signature).
#[derive(Debug, Clone, Deserialize)]
pub struct Envelope {
    #[serde(rename = "payloadType")]
    pub payload_type: String,
    /// Base64 of the statement.
    pub payload: String,
    pub signatures: Vec<EnvelopeSignature>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct EnvelopeSignature {
    #[serde(default)]
    pub keyid: String,
    pub sig: String,
}

impl Envelope {
    pub fn parse(bytes: &[u8]) -> Result<Self, LegacyError> {
        serde_json::from_slice(bytes)
            .map_err(|e| LegacyError::Payload(format!("the DSSE envelope does not parse: {e}")))
    }

    /// The statement bytes.
    pub fn payload(&self) -> Result<Vec<u8>, LegacyError> {
        B64.decode(self.payload.trim())
            .map_err(|e| LegacyError::Payload(format!("the DSSE payload is not base64: {e}")))
    }
}

/// The Sigstore bundle v0.1 equivalent of an `.att` layer: the DSSE envelope as the bundle's
/// content, the certificate chain and Rekor entry (an intoto/dsse body with its SET) from the
/// annotations, as for `.sig` layers. The signature is over the envelope's PAE; the engine
/// checks it, the log entry, and that the statement names the image digest.
pub fn attestation_bundle(layer: &LayerDescriptor, envelope: &[u8]) -> Result<Bundle, LegacyError> {
    let env = Envelope::parse(envelope)?;
    let name = layer.digest.clone();
    let [sig] = env.signatures.as_slice() else {
        return Err(LegacyError::Payload(format!(
            "the DSSE envelope of layer {name} has {} signatures, cosign writes one",
            env.signatures.len()
        )));
    };
    let signature =
        B64.decode(sig.sig.trim())
            .map_err(|source| LegacyError::SignatureEncoding {
                layer: name.clone(),
                source,
            })?;
    let material = LegacySignature::material(layer, envelope.to_vec(), signature)?;
    let mut vm = material.verification_material();
    vm["tlogEntries"] = json!([]);
    if let Some(rekor) = &material.rekor {
        vm["tlogEntries"] = json!([material.tlog_entry(rekor)?]);
    }
    let bundle = json!({
        "mediaType": "application/vnd.dev.sigstore.bundle+json;version=0.1",
        "verificationMaterial": vm,
        "dsseEnvelope": {
            "payload": env.payload.trim(),
            "payloadType": env.payload_type,
            "signatures": [{ "sig": sig.sig.trim(), "keyid": sig.keyid }],
        },
    });
    Bundle::from_json(&bundle.to_string()).map_err(|e| LegacyError::Bundle {
        layer: name,
        reason: e.to_string(),
    })
}

/// The Rekor entry cosign stores in the bundle annotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RekorEntry {
    /// The SET: Rekor's signature over the canonical JSON of the payload below.
    pub signed_entry_timestamp: Vec<u8>,
    /// The canonicalized entry body (decoded from base64).
    pub body: Vec<u8>,
    pub integrated_time: i64,
    pub log_index: i64,
    /// The log ID, raw bytes (the annotation carries hex).
    pub log_id: Vec<u8>,
}

/// One legacy signature, decoded from a layer's annotations and its payload blob.
#[derive(Debug, Clone)]
pub struct LegacySignature {
    /// The layer digest, used to name the layer in messages.
    pub layer: String,
    pub payload: Vec<u8>,
    pub signature: Vec<u8>,
    /// DER leaf certificate (keyless signatures).
    pub certificate: Option<Vec<u8>>,
    /// DER certificates of the chain annotation (intermediates, root).
    pub chain: Vec<Vec<u8>>,
    pub rekor: Option<RekorEntry>,
}

impl LegacySignature {
    /// Decodes a layer's annotations. `payload` is the layer blob, already checked against
    /// the layer digest by whoever fetched it.
    pub fn from_layer(layer: &LayerDescriptor, payload: Vec<u8>) -> Result<Self, LegacyError> {
        let name = layer.digest.clone();
        let sig_b64 = layer
            .annotations
            .get(ANN_SIGNATURE)
            .ok_or_else(|| LegacyError::NoSignature(name.clone()))?;
        let signature =
            B64.decode(sig_b64.trim())
                .map_err(|source| LegacyError::SignatureEncoding {
                    layer: name.clone(),
                    source,
                })?;
        Self::material(layer, payload, signature)
    }

    /// The certificate, chain and Rekor entry of a layer's annotations, with its signature.
    fn material(
        layer: &LayerDescriptor,
        payload: Vec<u8>,
        signature: Vec<u8>,
    ) -> Result<Self, LegacyError> {
        let name = layer.digest.clone();
        let certificate = match layer.annotations.get(ANN_CERTIFICATE) {
            Some(pem) if !pem.trim().is_empty() => {
                let mut certs = pem_certificates(pem).ok_or(LegacyError::Certificate {
                    layer: name.clone(),
                    annotation: ANN_CERTIFICATE,
                })?;
                if certs.len() != 1 {
                    return Err(LegacyError::Certificate {
                        layer: name,
                        annotation: ANN_CERTIFICATE,
                    });
                }
                certs.pop()
            }
            _ => None,
        };
        let chain = match layer.annotations.get(ANN_CHAIN) {
            Some(pem) if !pem.trim().is_empty() => {
                pem_certificates(pem).ok_or(LegacyError::Certificate {
                    layer: name.clone(),
                    annotation: ANN_CHAIN,
                })?
            }
            _ => Vec::new(),
        };
        let rekor = match layer.annotations.get(ANN_BUNDLE) {
            Some(text) if !text.trim().is_empty() => Some(parse_rekor_bundle(text).map_err(
                |reason| LegacyError::RekorBundle {
                    layer: name.clone(),
                    reason,
                },
            )?),
            _ => None,
        };
        Ok(Self {
            layer: name,
            payload,
            signature,
            certificate,
            chain,
            rekor,
        })
    }

    /// The bundle's verification material without log entries: the certificate chain, or a
    /// public-key hint (the key is supplied out of band, `--key`; the hint is not
    /// authenticated).
    fn verification_material(&self) -> Value {
        match &self.certificate {
            Some(leaf) => {
                let certificates: Vec<Value> = std::iter::once(leaf)
                    .chain(&self.chain)
                    .map(|der| json!({ "rawBytes": B64.encode(der) }))
                    .collect();
                json!({ "x509CertificateChain": { "certificates": certificates } })
            }
            None => json!({ "publicKey": { "hint": "" } }),
        }
    }

    /// True when the signature carries a Fulcio certificate (keyless), false for a key.
    pub fn is_keyless(&self) -> bool {
        self.certificate.is_some()
    }

    /// The image digest the payload names (`critical.image.docker-manifest-digest`).
    pub fn signed_digest(&self) -> Result<Digest, LegacyError> {
        payload_digest(&self.payload)
    }

    /// The Sigstore bundle v0.1 equivalent of this layer. Without a Rekor entry the bundle
    /// has no tlog entries: the engine then says `tlog-missing`, or, for a key under
    /// `--insecure-ignore-tlog`, checks the signature alone.
    pub fn to_bundle(&self) -> Result<Bundle, LegacyError> {
        let mut vm = self.verification_material();
        vm["tlogEntries"] = json!([]);
        if let Some(rekor) = &self.rekor {
            vm["tlogEntries"] = json!([self.tlog_entry(rekor)?]);
        }
        // SHA-256 whatever hash the key signed: the Rekor body logs the payload's SHA-256,
        // and for a P-384 key the verifier also tries SHA-384 (cosign's default).
        let digest = {
            use sha2::{Digest as _, Sha256};
            Sha256::digest(&self.payload)
        };
        let bundle = json!({
            "mediaType": "application/vnd.dev.sigstore.bundle+json;version=0.1",
            "verificationMaterial": vm,
            "messageSignature": {
                "messageDigest": { "algorithm": "SHA2_256", "digest": B64.encode(digest) },
                "signature": B64.encode(&self.signature),
            },
        });
        // Straight from the JSON value: printing it and parsing the text back cost a
        // serialisation and a parse per signature (issue 10's profile of 300 images).
        serde_json::from_value::<Bundle>(bundle).map_err(|e| LegacyError::Bundle {
            layer: self.layer.clone(),
            reason: e.to_string(),
        })
    }

    fn tlog_entry(&self, rekor: &RekorEntry) -> Result<Value, LegacyError> {
        let body: Value =
            serde_json::from_slice(&rekor.body).map_err(|e| LegacyError::RekorBundle {
                layer: self.layer.clone(),
                reason: format!("the Rekor body is not JSON: {e}"),
            })?;
        let kind = body.get("kind").and_then(Value::as_str).unwrap_or_default();
        let version = body
            .get("apiVersion")
            .and_then(Value::as_str)
            .unwrap_or_default();
        Ok(json!({
            "logIndex": rekor.log_index.to_string(),
            "logId": { "keyId": B64.encode(&rekor.log_id) },
            "kindVersion": { "kind": kind, "version": version },
            "integratedTime": rekor.integrated_time.to_string(),
            "inclusionPromise": { "signedEntryTimestamp": B64.encode(&rekor.signed_entry_timestamp) },
            "canonicalizedBody": B64.encode(&rekor.body),
        }))
    }
}

/// Reads `critical.image.docker-manifest-digest` of a simple-signing payload, and checks that
/// `critical.type` is cosign's.
pub fn payload_digest(payload: &[u8]) -> Result<Digest, LegacyError> {
    let v: Value =
        serde_json::from_slice(payload).map_err(|e| LegacyError::Payload(e.to_string()))?;
    let critical = v
        .get("critical")
        .ok_or_else(|| LegacyError::Payload("no \"critical\" section".into()))?;
    let ty = critical.get("type").and_then(Value::as_str).unwrap_or("");
    if !ty.eq_ignore_ascii_case(SIMPLESIGNING_TYPE) {
        return Err(LegacyError::Payload(format!(
            "critical.type is {ty:?}, expected {SIMPLESIGNING_TYPE:?}"
        )));
    }
    let digest = critical
        .pointer("/image/docker-manifest-digest")
        .and_then(Value::as_str)
        .ok_or_else(|| LegacyError::Payload("no critical.image.docker-manifest-digest".into()))?;
    Digest::parse(digest).map_err(|e| LegacyError::Payload(e.to_string()))
}

/// The `docker-reference` a payload names, for messages only (never compared).
pub fn payload_reference(payload: &[u8]) -> Option<String> {
    let v: Value = serde_json::from_slice(payload).ok()?;
    v.pointer("/critical/identity/docker-reference")
        .and_then(Value::as_str)
        .map(str::to_owned)
}

fn parse_rekor_bundle(text: &str) -> Result<RekorEntry, String> {
    #[derive(Deserialize)]
    struct Annotation {
        #[serde(rename = "SignedEntryTimestamp")]
        set: String,
        #[serde(rename = "Payload")]
        payload: Payload,
    }
    #[derive(Deserialize)]
    struct Payload {
        body: String,
        #[serde(rename = "integratedTime")]
        integrated_time: i64,
        #[serde(rename = "logIndex")]
        log_index: i64,
        #[serde(rename = "logID")]
        log_id: String,
    }
    let a: Annotation = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let signed_entry_timestamp = B64
        .decode(a.set.trim())
        .map_err(|e| format!("SignedEntryTimestamp is not base64: {e}"))?;
    let body = B64
        .decode(a.payload.body.trim())
        .map_err(|e| format!("Payload.body is not base64: {e}"))?;
    let log_id = hex::decode(a.payload.log_id.trim())
        .map_err(|e| format!("Payload.logID is not hex: {e}"))?;
    Ok(RekorEntry {
        signed_entry_timestamp,
        body,
        integrated_time: a.payload.integrated_time,
        log_index: a.payload.log_index,
        log_id,
    })
}

/// Splits concatenated PEM certificates into DER. `None` when a block does not decode or
/// there is none.
fn pem_certificates(text: &str) -> Option<Vec<Vec<u8>>> {
    super::pem::certificates(text.as_bytes()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vectors() -> std::path::PathBuf {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/vectors/real")
    }

    fn real_layers(dir: &str) -> (Vec<LayerDescriptor>, Vec<u8>) {
        let d = vectors().join(dir);
        let manifest = std::fs::read(d.join("sig-image-manifest.json")).unwrap();
        let payload = std::fs::read(d.join("simplesigning-payload.json")).unwrap();
        (signature_layers(&manifest).unwrap(), payload)
    }

    #[test]
    fn payload_digest_table() {
        let good = br#"{"critical":{"identity":{"docker-reference":"x"},"image":{"docker-manifest-digest":"sha256:c05263d2ff654c3a94243662440913f045075d59c436e2c69e9145ec2b87a321"},"type":"cosign container image signature"},"optional":null}"#;
        assert_eq!(
            payload_digest(good).unwrap().as_str(),
            "sha256:c05263d2ff654c3a94243662440913f045075d59c436e2c69e9145ec2b87a321"
        );
        for bad in [
            &b"not json"[..],
            br#"{"critical":{"image":{"docker-manifest-digest":"sha256:00"},"type":"cosign container image signature"}}"#,
            br#"{"critical":{"image":{},"type":"cosign container image signature"}}"#,
            br#"{"critical":{"image":{"docker-manifest-digest":"sha256:c05263d2ff654c3a94243662440913f045075d59c436e2c69e9145ec2b87a321"},"type":"something else"}}"#,
            br#"{"optional":{}}"#,
        ] {
            assert!(payload_digest(bad).is_err(), "{}", String::from_utf8_lossy(bad));
        }
    }

    #[test]
    fn real_github_actions_layer_becomes_a_v01_bundle() {
        let (layers, payload) = real_layers("salrashid123-go-bazel-github-workflow");
        assert_eq!(layers.len(), 1);
        let sig = LegacySignature::from_layer(&layers[0], payload).unwrap();
        assert!(sig.is_keyless());
        assert_eq!(sig.chain.len(), 2);
        let rekor = sig.rekor.as_ref().unwrap();
        assert_eq!(rekor.log_index, 1_004_096_555);
        assert_eq!(rekor.integrated_time, 1_772_216_446);
        let bundle = sig.to_bundle().unwrap();
        assert!(bundle.has_inclusion_promise());
        assert_eq!(
            sig.signed_digest().unwrap().as_str(),
            "sha256:c05263d2ff654c3a94243662440913f045075d59c436e2c69e9145ec2b87a321"
        );
    }

    #[test]
    fn kms_layer_has_no_rekor_entry() {
        let (layers, payload) = real_layers("salrashid123-cosign_bazel_cloud_build");
        assert_eq!(layers.len(), 2);
        let kms = LegacySignature::from_layer(&layers[0], payload.clone()).unwrap();
        assert!(!kms.is_keyless());
        let bundle = kms.to_bundle().unwrap();
        assert!(bundle.verification_material.tlog_entries.is_empty());
        let keyless = LegacySignature::from_layer(&layers[1], payload).unwrap();
        assert!(keyless.is_keyless());
        assert!(keyless.to_bundle().unwrap().has_inclusion_promise());
    }

    /// The real cosign signatures verify under the embedded production root with the
    /// identities their PROVENANCE.md gives, offline: chain, SCT, SET, body, signature.
    #[test]
    fn real_keyless_signatures_verify_under_the_production_root() {
        use sigstore_verify::trust_root::{SIGSTORE_PRODUCTION_TRUSTED_ROOT, TrustedRoot};
        use sigstore_verify::{VerificationPolicy, verify};
        let root = TrustedRoot::from_json(SIGSTORE_PRODUCTION_TRUSTED_ROOT).unwrap();
        let cases = [
            (
                "salrashid123-go-bazel-github-workflow",
                0,
                "https://github.com/salrashid123/go-bazel-github-workflow/.github/workflows/release.yaml@refs/tags/v0.0.30",
                "https://token.actions.githubusercontent.com",
            ),
            (
                "salrashid123-cosign_bazel_cloud_build",
                1,
                "cosign-svc-account@mineral-minutia-820.iam.gserviceaccount.com",
                "https://accounts.google.com",
            ),
        ];
        for (dir, layer, identity, issuer) in cases {
            let (layers, payload) = real_layers(dir);
            let sig = LegacySignature::from_layer(&layers[layer], payload).unwrap();
            let bundle = sig.to_bundle().unwrap();
            let policy = VerificationPolicy::new(identity, issuer);
            let result = verify(sig.payload.as_slice(), &bundle, &policy, &root);
            assert!(result.is_ok(), "{dir}: {result:?}");
            let wrong = VerificationPolicy::new("someone@example.com", issuer);
            assert!(verify(sig.payload.as_slice(), &bundle, &wrong, &root).is_err());
            let mut tampered = sig.payload.clone();
            tampered[10] ^= 1;
            assert!(verify(tampered.as_slice(), &bundle, &policy, &root).is_err());
        }
    }

    #[test]
    fn malformed_annotations_are_errors() {
        let layer = |ann: &[(&str, &str)]| LayerDescriptor {
            media_type: SIMPLESIGNING_MEDIA_TYPE.into(),
            digest: "sha256:00".into(),
            size: 0,
            annotations: ann
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
        };
        for ann in [
            vec![],
            vec![(ANN_SIGNATURE, "***")],
            vec![(ANN_SIGNATURE, "AAAA"), (ANN_CERTIFICATE, "not pem")],
            vec![(ANN_SIGNATURE, "AAAA"), (ANN_BUNDLE, "{}")],
            vec![
                (ANN_SIGNATURE, "AAAA"),
                (
                    ANN_CHAIN,
                    "-----BEGIN CERTIFICATE-----\n!!\n-----END CERTIFICATE-----",
                ),
            ],
        ] {
            assert!(
                LegacySignature::from_layer(&layer(&ann), Vec::new()).is_err(),
                "{ann:?}"
            );
        }
    }
}
