//! `kubectl verify image`: signatures found in a real registry, judged with real crypto.
#![allow(clippy::unwrap_used)] // test setup: a failure is a broken fixture

use std::time::Duration;

use sigstore_verify::trust_root::TrustedRoot;
use sigstore_verify::types::Bundle;
use sigstore_verify::{VerificationPolicy, verify};

use crate::support::sigstore::{
    Issuer, LeafOptions, Signer, TestSigstore, TlogOptions, simple_signing_payload,
};

const DIGEST: &str = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
const EMAIL: &str = "releaser@example.com";
const GOOGLE: &str = "https://accounts.google.com";

fn legacy_bundle(
    layer: &crate::support::sigstore::LegacyLayer,
) -> (kubectl_verify::verify::legacy::LegacySignature, Bundle) {
    use kubectl_verify::verify::legacy::{LayerDescriptor, LegacySignature};
    let desc = LayerDescriptor {
        media_type: kubectl_verify::verify::legacy::SIMPLESIGNING_MEDIA_TYPE.into(),
        digest: "sha256:layer".into(),
        size: 0,
        annotations: layer.annotations.clone(),
    };
    let sig = LegacySignature::from_layer(&desc, layer.payload.clone()).expect("layer decodes");
    let bundle = sig.to_bundle().expect("bundle builds");
    (sig, bundle)
}

/// The test Sigstore's legacy signatures and v0.3 bundles verify under its own trusted root
/// with sigstore-verify alone: the harness produces what the real verifier accepts.
#[test]
fn test_sigstore_output_verifies_with_sigstore_verify() {
    let s = TestSigstore::new();
    let root = TrustedRoot::from_json(&s.trusted_root_json()).expect("trusted root parses");
    for identity in [
        EMAIL,
        "https://github.com/o/r/.github/workflows/release.yml@refs/tags/v1",
    ] {
        let id = s.keyless(identity, GOOGLE);
        let payload = simple_signing_payload("example.com/app", DIGEST);
        let layer = s.legacy_layer(Signer::Keyless(&id), &payload);
        let (sig, bundle) = legacy_bundle(&layer);
        let policy = VerificationPolicy::new(identity, GOOGLE);
        let r = verify(sig.payload.as_slice(), &bundle, &policy, &root);
        assert!(r.is_ok(), "legacy {identity}: {r:?}");

        let bundle = s.bundle_v03(Signer::Keyless(&id), DIGEST);
        let bundle = Bundle::from_json(std::str::from_utf8(&bundle).unwrap()).unwrap();
        let hash = sigstore_verify::types::Sha256Hash::from_hex(&DIGEST[7..]).unwrap();
        let r = verify(hash, &bundle, &policy, &root);
        assert!(r.is_ok(), "bundle {identity}: {r:?}");
    }
}

/// The negative material the harness makes is rejected by sigstore-verify for the intended
/// reason (so the CLI tests exercise what they claim to).
#[test]
fn test_sigstore_negative_material_fails_for_the_intended_reason() {
    let s = TestSigstore::new();
    let root = TrustedRoot::from_json(&s.trusted_root_json()).unwrap();
    let payload = simple_signing_payload("example.com/app", DIGEST);
    let policy = VerificationPolicy::new(EMAIL, GOOGLE);
    let check = |layer: &crate::support::sigstore::LegacyLayer, want: &str| {
        let (sig, bundle) = legacy_bundle(layer);
        let err = verify(sig.payload.as_slice(), &bundle, &policy, &root).expect_err("must fail");
        let text = err.to_string();
        assert!(text.contains(want), "wanted {want:?}, got {text}");
    };
    let rogue = s.keyless_with(&LeafOptions {
        issuer: Issuer::Rogue,
        ..LeafOptions::new(EMAIL, GOOGLE)
    });
    check(
        &s.legacy_layer(Signer::Keyless(&rogue), &payload),
        "certificate chain",
    );
    let expired = s.keyless_with(&LeafOptions {
        not_before: std::time::SystemTime::now() - Duration::from_secs(3600),
        ..LeafOptions::new(EMAIL, GOOGLE)
    });
    check(
        &s.legacy_layer(Signer::Keyless(&expired), &payload),
        "xpired",
    );
    let id = s.keyless(EMAIL, GOOGLE);
    check(
        &s.legacy_layer_with(
            Signer::Keyless(&id),
            &payload,
            TlogOptions {
                log: Some(&s.unknown_log),
                ..s.tlog()
            },
        ),
        "log key",
    );
    let mut tampered = s.legacy_layer(Signer::Keyless(&id), &payload);
    tampered.payload = simple_signing_payload("example.com/other", DIGEST);
    check(&tampered, "signature");
}

// ---------------------------------------------------------------------------------------------
// Pushing signatures to the real registry, as cosign 2 and cosign 3 lay them out.

use crate::support::registry::{OCI_INDEX, OCI_MANIFEST, TestRegistry, sha256_digest};
use crate::support::sigstore::{BUNDLE_V03_MEDIA_TYPE, Key, LegacyLayer, SIMPLESIGNING_MEDIA_TYPE};
use base64::Engine as _;
use serde_json::{Value, json};

const OCI_EMPTY: &str = "application/vnd.oci.empty.v1+json";

/// Pushes a cosign 2 `.sig` manifest for `digest` into `repo`: payload blobs, a config blob as
/// cosign writes it, and the layers with their annotations. Returns the manifest digest.
pub fn push_legacy(reg: &TestRegistry, repo: &str, digest: &str, layers: &[LegacyLayer]) -> String {
    let mut descs = Vec::new();
    let mut diff_ids = Vec::new();
    for l in layers {
        let d = reg.put_blob(repo, &l.payload);
        diff_ids.push(d.clone());
        descs.push(json!({
            "mediaType": SIMPLESIGNING_MEDIA_TYPE,
            "size": l.payload.len(),
            "digest": d,
            "annotations": l.annotations,
        }));
    }
    let history: Vec<Value> = layers
        .iter()
        .map(|_| json!({"created": "0001-01-01T00:00:00Z"}))
        .collect();
    let config = json!({
        "architecture": "", "created": "0001-01-01T00:00:00Z", "history": history, "os": "",
        "rootfs": {"type": "layers", "diff_ids": diff_ids}, "config": {},
    })
    .to_string();
    let config_digest = reg.put_blob(repo, config.as_bytes());
    let manifest = json!({
        "schemaVersion": 2,
        "mediaType": OCI_MANIFEST,
        "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "size": config.len(), "digest": config_digest},
        "layers": descs,
    })
    .to_string();
    let tag = format!("sha256-{}.sig", &digest[7..]);
    reg.put_manifest(repo, &tag, OCI_MANIFEST, manifest.as_bytes())
}

/// Pushes a cosign 3 bundle as an OCI 1.1 referrer of `digest` (artifactType, subject, empty
/// config) and returns (referrer manifest digest, its size, its bytes). Does not list it
/// anywhere: see [`push_fallback_index`] and [`ReferrersProxy`].
pub fn push_bundle_manifest(
    reg: &TestRegistry,
    repo: &str,
    digest: &str,
    subject_size: usize,
    bundle: &[u8],
) -> (String, usize) {
    let empty = reg.put_blob(repo, b"{}");
    let layer = reg.put_blob(repo, bundle);
    let manifest = json!({
        "schemaVersion": 2,
        "mediaType": OCI_MANIFEST,
        "artifactType": BUNDLE_V03_MEDIA_TYPE,
        "config": {"mediaType": OCI_EMPTY, "size": 2, "digest": empty},
        "layers": [{"mediaType": BUNDLE_V03_MEDIA_TYPE, "size": bundle.len(), "digest": layer}],
        "subject": {"mediaType": OCI_MANIFEST, "size": subject_size, "digest": digest},
        "annotations": {
            "dev.sigstore.bundle.content": "dsse-envelope",
            "dev.sigstore.bundle.predicateType": "https://sigstore.dev/cosign/sign/v1",
        },
    })
    .to_string();
    let md = sha256_digest(manifest.as_bytes());
    reg.put_manifest(repo, &md, OCI_MANIFEST, manifest.as_bytes());
    (md, manifest.len())
}

/// The referrers index listing bundle manifests (what the API returns, and what the
/// tag-schema fallback stores at `sha256-<hex>`).
pub fn referrers_index(entries: &[(String, usize)]) -> String {
    let manifests: Vec<Value> = entries
        .iter()
        .map(|(d, size)| {
            json!({
                "mediaType": OCI_MANIFEST, "digest": d, "size": size,
                "artifactType": BUNDLE_V03_MEDIA_TYPE,
                "annotations": {"dev.sigstore.bundle.predicateType": "https://sigstore.dev/cosign/sign/v1"},
            })
        })
        .collect();
    json!({"schemaVersion": 2, "mediaType": OCI_INDEX, "manifests": manifests}).to_string()
}

/// Stores the tag-schema fallback index (`sha256-<hex>`) listing the referrers.
pub fn push_fallback_index(
    reg: &TestRegistry,
    repo: &str,
    digest: &str,
    entries: &[(String, usize)],
) {
    let tag = format!("sha256-{}", &digest[7..]);
    reg.put_manifest(repo, &tag, OCI_INDEX, referrers_index(entries).as_bytes());
}

/// Signs `digest` with a cosign 3 bundle and attaches it through the tag-schema fallback.
pub fn push_bundle(reg: &TestRegistry, repo: &str, digest: &str, bundle: &[u8]) {
    let entry = push_bundle_manifest(reg, repo, digest, 0, bundle);
    push_fallback_index(reg, repo, digest, &[entry]);
}

/// Runs `kubectl verify image -o json` with `args` and returns (exit code, JSON, stderr).
pub fn run_json(args: &[&str]) -> (i32, Value, String) {
    let out = crate::support::kubectl_verify()
        .arg("image")
        .args(["-o", "json"])
        .args(args)
        .output()
        .expect("run kubectl-verify");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let json: Value = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{stdout}\nstderr:\n{stderr}"));
    (out.status.code().unwrap_or(-1), json, stderr)
}

fn verdict(json: &Value) -> &str {
    json["images"][0]["verdict"].as_str().unwrap_or("?")
}

/// One negative (or positive) case: a repository set up by `setup`, verified with `flags`.
struct Case {
    name: &'static str,
    want: &'static str,
    flags: Vec<String>,
}

/// Every case of issue 3's Tests section yields its own verdict, against the real registry,
/// in both signature formats where the format matters.
#[test]
fn every_case_yields_its_own_verdict() {
    let s = TestSigstore::new();
    let reg = TestRegistry::plain();
    let host = reg.host();
    let root = s.trusted_root_path();
    let root = root.to_str().unwrap();
    let keyless = [
        "--certificate-identity",
        EMAIL,
        "--certificate-oidc-issuer",
        GOOGLE,
    ];
    let id = s.keyless(EMAIL, GOOGLE);
    let key = Key::generate();
    let other_key = Key::generate();
    let key_path = s.dir().join("key.pub");
    std::fs::write(&key_path, key.public_pem()).unwrap();
    let other_key_path = s.dir().join("other.pub");
    std::fs::write(&other_key_path, other_key.public_pem()).unwrap();

    let mut cases = Vec::new();
    let mut add =
        |name: &'static str, want: &'static str, setup: &dyn Fn(&str, &str), flags: &[&str]| {
            let repo = name.to_owned();
            let digest = reg.push_image(&repo, "v1");
            setup(&repo, &digest);
            let mut f: Vec<String> = flags.iter().map(|s| (*s).to_owned()).collect();
            f.push(format!("{host}/{repo}:v1"));
            cases.push(Case {
                name,
                want,
                flags: f,
            });
        };
    let payload_for =
        |repo: &str, digest: &str| simple_signing_payload(&format!("{host}/{repo}"), digest);

    add(
        "legacy-keyless",
        "verified",
        &|repo, d| {
            push_legacy(
                &reg,
                repo,
                d,
                &[s.legacy_layer(Signer::Keyless(&id), &payload_for(repo, d))],
            );
        },
        &keyless,
    );
    add(
        "bundle-keyless",
        "verified",
        &|repo, d| {
            push_bundle(&reg, repo, d, &s.bundle_v03(Signer::Keyless(&id), d));
        },
        &keyless,
    );
    add(
        "legacy-key",
        "verified",
        &|repo, d| {
            push_legacy(
                &reg,
                repo,
                d,
                &[s.legacy_layer(Signer::Key(&key), &payload_for(repo, d))],
            );
        },
        &["--key", key_path.to_str().unwrap()],
    );
    add(
        "bundle-key",
        "verified",
        &|repo, d| {
            push_bundle(&reg, repo, d, &s.bundle_v03(Signer::Key(&key), d));
        },
        &["--key", key_path.to_str().unwrap()],
    );
    add(
        "tampered-payload",
        "invalid-signature",
        &|repo, d| {
            let mut layer = s.legacy_layer(Signer::Keyless(&id), &payload_for(repo, d));
            layer.payload = simple_signing_payload("tampered.example/evil", d);
            push_legacy(&reg, repo, d, &[layer]);
        },
        &keyless,
    );
    add(
        "other-key",
        "invalid-signature",
        &|repo, d| {
            push_legacy(
                &reg,
                repo,
                d,
                &[s.legacy_layer(Signer::Key(&other_key), &payload_for(repo, d))],
            );
        },
        &["--key", key_path.to_str().unwrap()],
    );
    add(
        "identity-mismatch",
        "identity-mismatch",
        &|repo, d| {
            let someone = s.keyless("someone-else@example.com", GOOGLE);
            push_legacy(
                &reg,
                repo,
                d,
                &[s.legacy_layer(Signer::Keyless(&someone), &payload_for(repo, d))],
            );
        },
        &keyless,
    );
    add(
        "issuer-mismatch",
        "identity-mismatch",
        &|repo, d| {
            let github = s.keyless(EMAIL, "https://token.actions.githubusercontent.com");
            push_bundle(&reg, repo, d, &s.bundle_v03(Signer::Keyless(&github), d));
        },
        &keyless,
    );
    add(
        "untrusted-ca",
        "untrusted-certificate",
        &|repo, d| {
            let rogue = s.keyless_with(&LeafOptions {
                issuer: Issuer::Rogue,
                ..LeafOptions::new(EMAIL, GOOGLE)
            });
            push_legacy(
                &reg,
                repo,
                d,
                &[s.legacy_layer(Signer::Keyless(&rogue), &payload_for(repo, d))],
            );
        },
        &keyless,
    );
    add(
        "expired-at-integration",
        "untrusted-certificate",
        &|repo, d| {
            let old = s.keyless_with(&LeafOptions {
                not_before: std::time::SystemTime::now() - Duration::from_secs(3600),
                ..LeafOptions::new(EMAIL, GOOGLE)
            });
            push_legacy(
                &reg,
                repo,
                d,
                &[s.legacy_layer(Signer::Keyless(&old), &payload_for(repo, d))],
            );
        },
        &keyless,
    );
    add(
        "unknown-log",
        "tlog-missing",
        &|repo, d| {
            let tlog = TlogOptions {
                log: Some(&s.unknown_log),
                ..s.tlog()
            };
            push_legacy(
                &reg,
                repo,
                d,
                &[s.legacy_layer_with(Signer::Keyless(&id), &payload_for(repo, d), tlog)],
            );
        },
        &keyless,
    );
    add(
        "no-tlog-entry",
        "tlog-missing",
        &|repo, d| {
            let tlog = TlogOptions {
                log: None,
                ..s.tlog()
            };
            push_legacy(
                &reg,
                repo,
                d,
                &[s.legacy_layer_with(Signer::Key(&key), &payload_for(repo, d), tlog)],
            );
        },
        &["--key", key_path.to_str().unwrap()],
    );
    add(
        "other-digest-legacy",
        "digest-mismatch",
        &|repo, d| {
            let other = format!("sha256:{}", "ab".repeat(32));
            push_legacy(
                &reg,
                repo,
                d,
                &[s.legacy_layer(Signer::Keyless(&id), &payload_for(repo, &other))],
            );
        },
        &keyless,
    );
    add(
        "other-digest-bundle",
        "digest-mismatch",
        &|repo, d| {
            let other = format!("sha256:{}", "ab".repeat(32));
            push_bundle(&reg, repo, d, &s.bundle_v03(Signer::Keyless(&id), &other));
        },
        &keyless,
    );
    add(
        "copied-from-another-repo",
        "digest-mismatch",
        &|repo, d| {
            // A signed image elsewhere; its signature copied next to this image.
            let src = format!("{repo}-source");
            let src_digest = reg.push_image(&src, "v1");
            let layer = s.legacy_layer(Signer::Keyless(&id), &payload_for(&src, &src_digest));
            push_legacy(&reg, &src, &src_digest, std::slice::from_ref(&layer));
            push_legacy(&reg, repo, d, &[layer]);
        },
        &keyless,
    );
    add("no-signature", "unsigned", &|_, _| {}, &keyless);
    add(
        "attestation-only",
        "unsigned",
        &|repo, d| {
            // A bundle whose statement is an attestation, not a signature, is not evidence.
            let att = s.bundle_v03(Signer::Keyless(&id), d);
            let att = String::from_utf8(att).unwrap();
            let v: Value = serde_json::from_str(&att).unwrap();
            let payload = v["dsseEnvelope"]["payload"].as_str().unwrap();
            let b64 = base64::engine::general_purpose::STANDARD;
            let stmt = String::from_utf8(b64.decode(payload).unwrap())
                .unwrap()
                .replace(
                    "https://sigstore.dev/cosign/sign/v1",
                    "https://slsa.dev/provenance/v1",
                );
            let att = att.replace(payload, &b64.encode(stmt));
            let entry = push_bundle_manifest(&reg, repo, d, 0, att.as_bytes());
            push_fallback_index(&reg, repo, d, &[entry]);
        },
        &keyless,
    );

    let mut failures = Vec::new();
    for c in &cases {
        let mut args: Vec<&str> = vec!["--trusted-root", root, "--insecure-registry", &host];
        args.extend(c.flags.iter().map(String::as_str));
        let (code, json, stderr) = run_json(&args);
        let got = verdict(&json);
        let want_code = i32::from(c.want != "verified");
        if got != c.want || code != want_code {
            failures.push(format!(
                "{}: want {} (exit {want_code}), got {got} (exit {code}): {}\n{stderr}",
                c.name, c.want, json["images"][0]["detail"]
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

// ---------------------------------------------------------------------------------------------
// Real signatures, under the embedded production root, served from the loopback registry under
// their original repository names through --registry-mirror.

fn real(dir: &str) -> std::path::PathBuf {
    crate::support::vectors().join("real").join(dir)
}

/// Places `bytes` in the registry's filesystem storage as blob `digest` of `repo`. Used only
/// for a `.sig` config blob whose original bytes are not public: the registry insists that a
/// manifest's config blob exists, but nothing ever reads it (kubectl-verify fetches only the
/// signature layers).
fn plant_blob(reg: &TestRegistry, repo: &str, digest: &str, bytes: &[u8]) {
    let hex = &digest[7..];
    let v2 = reg.dir().join("storage/docker/registry/v2");
    let blob = v2.join(format!("blobs/sha256/{}/{hex}", &hex[..2]));
    std::fs::create_dir_all(&blob).unwrap();
    std::fs::write(blob.join("data"), bytes).unwrap();
    let link = v2.join(format!("repositories/{repo}/_layers/sha256/{hex}"));
    std::fs::create_dir_all(&link).unwrap();
    std::fs::write(link.join("link"), digest).unwrap();
}

/// Pushes a real `.sig` manifest exactly as it was published, with its payload blob.
fn push_real_sig(reg: &TestRegistry, dir: &str, repo: &str, image_digest: &str) {
    let d = real(dir);
    let manifest = std::fs::read(d.join("sig-image-manifest.json")).unwrap();
    let payload = std::fs::read(d.join("simplesigning-payload.json")).unwrap();
    reg.put_blob(repo, &payload);
    let m: Value = serde_json::from_slice(&manifest).unwrap();
    let config_digest = m["config"]["digest"].as_str().unwrap();
    // cosign's config for a one-layer `.sig` image; it hashes to the published digest.
    let config = format!(
        r#"{{"architecture":"","created":"0001-01-01T00:00:00Z","history":[{{"created":"0001-01-01T00:00:00Z"}}],"os":"","rootfs":{{"type":"layers","diff_ids":["{}"]}},"config":{{}}}}"#,
        m["layers"][0]["digest"].as_str().unwrap()
    );
    if sha256_digest(config.as_bytes()) == config_digest {
        reg.put_blob(repo, config.as_bytes());
    } else {
        plant_blob(reg, repo, config_digest, b"{}");
    }
    let tag = format!("sha256-{}.sig", &image_digest[7..]);
    reg.put_manifest(repo, &tag, OCI_MANIFEST, &manifest);
}

const GO_BAZEL_DIGEST: &str =
    "sha256:c05263d2ff654c3a94243662440913f045075d59c436e2c69e9145ec2b87a321";
const GO_BAZEL_ID: &str = "https://github.com/salrashid123/go-bazel-github-workflow/.github/workflows/release.yaml@refs/tags/v0.0.30";
const GITHUB: &str = "https://token.actions.githubusercontent.com";
const CLOUD_BUILD_DIGEST: &str =
    "sha256:a2b109fb9baea555556561317fdd13cef9c3dfac22c8f8fea0c5a0b06ece9d00";
const CLOUD_BUILD_ID: &str = "cosign-svc-account@mineral-minutia-820.iam.gserviceaccount.com";
const KUBEWARDEN_DIGEST: &str =
    "sha256:c811d58de79c92f03214e63aa339484e488d694ae8a6283b5f3f17a9faf50172";
const KUBEWARDEN_ID: &str = "https://github.com/kubewarden/kubewarden-controller/.github/workflows/release.yml@refs/tags/v1.34.0";

/// The GitHub Actions keyless cosign signature of salrashid123/server_image verifies under
/// the embedded root, by digest, from a mirror; the wrong identity does not.
#[test]
fn real_github_actions_signature_verifies_through_a_mirror() {
    let reg = TestRegistry::plain();
    let host = reg.host();
    push_real_sig(
        &reg,
        "salrashid123-go-bazel-github-workflow",
        "salrashid123/server_image",
        GO_BAZEL_DIGEST,
    );
    let mirror = format!("docker.io={host}");
    let image = format!("docker.io/salrashid123/server_image@{GO_BAZEL_DIGEST}");
    let base = ["--registry-mirror", &mirror, "--insecure-registry", &host];
    let (code, json, stderr) = run_json(
        &[
            &base[..],
            &[
                "--certificate-identity",
                GO_BAZEL_ID,
                "--certificate-oidc-issuer",
                GITHUB,
                &image,
            ],
        ]
        .concat(),
    );
    assert_eq!((code, verdict(&json)), (0, "verified"), "{json}\n{stderr}");
    let e = &json["images"][0];
    assert_eq!(e["format"], "legacy");
    assert_eq!(e["digest"], GO_BAZEL_DIGEST);
    assert_eq!(e["signer"]["identity"], GO_BAZEL_ID);
    assert_eq!(e["signer"]["issuer"], GITHUB);
    assert_eq!(e["rekor"]["logIndex"], 1_004_096_555);
    assert_eq!(e["rekor"]["integratedTime"], "2026-02-27T18:20:46Z");

    let (code, json, _) = run_json(
        &[
            &base[..],
            &[
                "--certificate-identity-regexp",
                "https://github.com/salrashid123/.*",
                "--certificate-oidc-issuer",
                GOOGLE,
                &image,
            ],
        ]
        .concat(),
    );
    assert_eq!((code, verdict(&json)), (1, "identity-mismatch"), "{json}");
    // An unanchored regex would match here; ours must match the whole identity.
    let (code, json, _) = run_json(
        &[
            &base[..],
            &[
                "--certificate-identity-regexp",
                "salrashid123",
                "--certificate-oidc-issuer",
                GITHUB,
                &image,
            ],
        ]
        .concat(),
    );
    assert_eq!((code, verdict(&json)), (1, "identity-mismatch"), "{json}");
}

/// The Cloud Build `.sig` carries two layers over one payload: a KMS-key signature (no Rekor
/// entry) and a keyless one. Keyless verifies; the KMS key needs --insecure-ignore-tlog, which
/// warns; a copy of the signature under another digest is a digest mismatch.
#[test]
fn real_cloud_build_keyless_and_kms_signatures() {
    let reg = TestRegistry::plain();
    let host = reg.host();
    let repo = "mineral-minutia-820/repo1/securebuild-bazel";
    push_real_sig(
        &reg,
        "salrashid123-cosign_bazel_cloud_build",
        repo,
        CLOUD_BUILD_DIGEST,
    );
    let mirror = format!("us-central1-docker.pkg.dev={host}");
    let image = format!("us-central1-docker.pkg.dev/{repo}@{CLOUD_BUILD_DIGEST}");
    let base = ["--registry-mirror", &mirror, "--insecure-registry", &host];
    let keyless = [
        "--certificate-identity",
        CLOUD_BUILD_ID,
        "--certificate-oidc-issuer",
        GOOGLE,
    ];

    let (code, json, stderr) = run_json(&[&base[..], &keyless[..], &[&image]].concat());
    assert_eq!((code, verdict(&json)), (0, "verified"), "{json}\n{stderr}");
    assert_eq!(json["images"][0]["signer"]["identity"], CLOUD_BUILD_ID);

    let kms = real("salrashid123-cosign_bazel_cloud_build").join("kms_pub.pem");
    let kms = kms.to_str().unwrap();
    let (code, json, _) = run_json(&[&base[..], &["--key", kms, &image]].concat());
    assert_eq!((code, verdict(&json)), (1, "tlog-missing"), "{json}");
    let (code, json, stderr) =
        run_json(&[&base[..], &["--key", kms, "--insecure-ignore-tlog", &image]].concat());
    assert_eq!((code, verdict(&json)), (0, "verified"), "{json}\n{stderr}");
    assert_eq!(json["images"][0]["signer"]["kind"], "key");
    assert!(
        stderr.contains("warning: --insecure-ignore-tlog"),
        "{stderr}"
    );

    // The same signature served for another image.
    let other = format!("sha256:{}", "cd".repeat(32));
    push_real_sig(&reg, "salrashid123-cosign_bazel_cloud_build", repo, &other);
    let other_image = format!("us-central1-docker.pkg.dev/{repo}@{other}");
    let (code, json, _) = run_json(&[&base[..], &keyless[..], &[&other_image]].concat());
    assert_eq!((code, verdict(&json)), (1, "digest-mismatch"), "{json}");
}

/// The cosign 3 bundle of kubewarden-controller v1.34.0 (DSSE, inclusion proof, RFC 3161
/// timestamp) verifies as a referrer found through the tag-schema fallback.
#[test]
fn real_cosign3_bundle_verifies_through_the_tag_fallback() {
    let reg = TestRegistry::plain();
    let host = reg.host();
    let repo = "kubewarden/kubewarden-controller";
    let bundle = std::fs::read(real("sigstore-rs").join("tests/data/bundle_v03.json")).unwrap();
    push_bundle(&reg, repo, KUBEWARDEN_DIGEST, &bundle);
    let mirror = format!("ghcr.io={host}");
    let image = format!("ghcr.io/{repo}@{KUBEWARDEN_DIGEST}");
    let (code, json, stderr) = run_json(&[
        "--registry-mirror",
        &mirror,
        "--insecure-registry",
        &host,
        "--certificate-identity",
        KUBEWARDEN_ID,
        "--certificate-oidc-issuer",
        GITHUB,
        &image,
    ]);
    assert_eq!((code, verdict(&json)), (0, "verified"), "{json}\n{stderr}");
    let e = &json["images"][0];
    assert_eq!(e["format"], "bundle");
    assert_eq!(e["rekor"]["logIndex"], 1_261_105_807);
}

// ---------------------------------------------------------------------------------------------
// The OCI 1.1 referrers API: Debian's registry 2.8 has none, so a small HTTP front serves
// `/v2/<name>/referrers/<digest>` and passes every other request to the real registry.

/// An HTTP/1.1 front for a [`TestRegistry`] that answers the referrers API itself, and any
/// manifest set with [`ReferrersProxy::serve_manifest`] (bytes the real registry would refuse
/// to store, as a hostile registry serves them).
pub struct ReferrersProxy {
    port: u16,
    log: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
    indexes: std::sync::Arc<std::sync::Mutex<std::collections::HashMap<String, String>>>,
    manifests: Served,
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

/// Manifests the proxy answers itself: path → (media type, bytes).
type Served =
    std::sync::Arc<std::sync::Mutex<std::collections::HashMap<String, (String, Vec<u8>)>>>;

impl ReferrersProxy {
    pub fn start(upstream: &str) -> Self {
        use std::sync::{Arc, Mutex, atomic::AtomicBool};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let log = Arc::new(Mutex::new(Vec::new()));
        let indexes = Arc::new(Mutex::new(std::collections::HashMap::new()));
        let manifests: Served = Arc::default();
        let stop = Arc::new(AtomicBool::new(false));
        let (l, i, m, st, up) = (
            log.clone(),
            indexes.clone(),
            manifests.clone(),
            stop.clone(),
            upstream.to_owned(),
        );
        std::thread::spawn(move || {
            for conn in listener.incoming() {
                if st.load(std::sync::atomic::Ordering::Relaxed) {
                    break;
                }
                let Ok(conn) = conn else { continue };
                let (l, i, m, up) = (l.clone(), i.clone(), m.clone(), up.clone());
                std::thread::spawn(move || proxy_connection(conn, &up, &l, &i, &m));
            }
        });
        Self {
            port,
            log,
            indexes,
            manifests,
            stop,
        }
    }

    /// Serves `bytes` as the manifest `repo:tag` and `repo@<its sha256>` (with
    /// `Docker-Content-Digest`) instead of asking the registry. Returns that digest.
    pub fn serve_manifest(&self, repo: &str, tag: &str, media_type: &str, bytes: &[u8]) -> String {
        let digest = sha256_digest(bytes);
        let mut served = self.manifests.lock().unwrap();
        for reference in [tag, digest.as_str()] {
            served.insert(
                format!("/v2/{repo}/manifests/{reference}"),
                (media_type.to_owned(), bytes.to_vec()),
            );
        }
        digest
    }

    pub fn host(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    /// Lists `entries` as the referrers of `digest` in `repo`.
    pub fn set_referrers(&self, repo: &str, digest: &str, entries: &[(String, usize)]) {
        self.indexes.lock().unwrap().insert(
            format!("/v2/{repo}/referrers/{digest}"),
            referrers_index(entries),
        );
    }

    /// Answers the referrers of `digest` in `repo` with `index` as it is (annotations and
    /// artifact types of the caller's choosing).
    pub fn set_referrers_index(&self, repo: &str, digest: &str, index: &str) {
        self.indexes
            .lock()
            .unwrap()
            .insert(format!("/v2/{repo}/referrers/{digest}"), index.to_owned());
    }

    /// From now on, answer every referrers request with 429 (`Retry-After: 0`).
    pub fn throttle(&self) {
        self.indexes
            .lock()
            .unwrap()
            .insert(THROTTLE.to_owned(), String::new());
    }

    /// Every request the front received, as `METHOD /path?query`.
    pub fn log(&self) -> Vec<String> {
        self.log.lock().unwrap().clone()
    }
}

impl Drop for ReferrersProxy {
    fn drop(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        let _ = std::net::TcpStream::connect(("127.0.0.1", self.port));
    }
}

/// The key under which [`ReferrersProxy::throttle`] marks itself.
const THROTTLE: &str = "429";

fn proxy_connection(
    mut conn: std::net::TcpStream,
    upstream: &str,
    log: &std::sync::Mutex<Vec<String>>,
    indexes: &std::sync::Mutex<std::collections::HashMap<String, String>>,
    manifests: &Served,
) {
    use std::io::BufRead;
    let mut reader = std::io::BufReader::new(conn.try_clone().unwrap());
    // Requests without a body, one after the other on the connection (HTTP/1.1 keep-alive),
    // until the client closes it or asks to.
    loop {
        let mut head = Vec::new();
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).unwrap_or(0) == 0 {
                return;
            }
            if line == "\r\n" {
                break;
            }
            head.push(line);
        }
        let close = head
            .iter()
            .any(|l| l.to_ascii_lowercase().replace(' ', "") == "connection:close\r\n");
        if !proxy_request(&mut conn, &head, upstream, log, indexes, manifests) || close {
            return;
        }
    }
}

/// Answers one request of [`proxy_connection`]; false when the connection must be closed.
fn proxy_request(
    conn: &mut std::net::TcpStream,
    head: &[String],
    upstream: &str,
    log: &std::sync::Mutex<Vec<String>>,
    indexes: &std::sync::Mutex<std::collections::HashMap<String, String>>,
    manifests: &Served,
) -> bool {
    use std::io::{Read, Write};
    let Some(request_line) = head.first().cloned() else {
        return false;
    };
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    log.lock().unwrap().push(format!("{method} {target}"));
    let path = target.split('?').next().unwrap_or("");
    // `/v2/<name>/referrers/<digest>` (a repository may itself be called `referrers`).
    let is_referrers = path.rsplit_once("/referrers/").is_some_and(|(_, d)| {
        (d.starts_with("sha256:") || d.starts_with("sha512:")) && !d.contains('/')
    });
    if is_referrers && indexes.lock().unwrap().contains_key(THROTTLE) {
        let _ = write!(
            conn,
            "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 0\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        );
        return false;
    }
    if is_referrers {
        let body = indexes
            .lock()
            .unwrap()
            .get(path)
            .cloned()
            .unwrap_or_else(|| referrers_index(&[]));
        let _ = write!(
            conn,
            "HTTP/1.1 200 OK\r\nContent-Type: {OCI_INDEX}\r\nContent-Length: {}\r\n\r\n",
            body.len()
        );
        if method != "HEAD" {
            let _ = conn.write_all(body.as_bytes());
        }
        return true;
    }
    let served = manifests.lock().unwrap().get(path).cloned();
    if let Some((media_type, body)) = served {
        let _ = write!(
            conn,
            "HTTP/1.1 200 OK\r\nContent-Type: {media_type}\r\nDocker-Content-Digest: {}\r\nContent-Length: {}\r\n\r\n",
            sha256_digest(&body),
            body.len()
        );
        if method != "HEAD" {
            let _ = conn.write_all(&body);
        }
        return true;
    }
    let Ok(mut up) = std::net::TcpStream::connect(upstream) else {
        return false;
    };
    let mut out = String::new();
    for line in head {
        if !line.to_ascii_lowercase().starts_with("connection:") {
            out.push_str(line);
        }
    }
    out.push_str("Connection: close\r\n\r\n");
    if up.write_all(out.as_bytes()).is_err() {
        return false;
    }
    let mut response = Vec::new();
    let _ = up.read_to_end(&mut response);
    // The registry frames its answers (Content-Length or chunked), so only its
    // `Connection: close` is dropped to keep the client's connection open; an answer
    // without framing is passed on as it came and the connection closed after it.
    let Some(end) = response.windows(4).position(|w| w == b"\r\n\r\n") else {
        let _ = conn.write_all(&response);
        return false;
    };
    let head_text = String::from_utf8_lossy(&response[..end]).into_owned();
    let framed = head_text.lines().any(|l| {
        let l = l.to_ascii_lowercase();
        l.starts_with("content-length:") || l.starts_with("transfer-encoding:")
    });
    if !framed {
        let _ = conn.write_all(&response);
        return false;
    }
    let mut kept = String::new();
    for line in head_text.split("\r\n") {
        if !line.to_ascii_lowercase().starts_with("connection:") {
            kept.push_str(line);
            kept.push_str("\r\n");
        }
    }
    conn.write_all(kept.as_bytes()).is_ok() && conn.write_all(&response[end + 2..]).is_ok()
}

/// With a referrers API, bundles are found through it: no fallback tag is asked for. (The
/// legacy `.sig` tag is asked first, as nothing is known yet about the repository.)
#[test]
fn bundles_are_found_through_the_referrers_api() {
    let s = TestSigstore::new();
    let reg = TestRegistry::plain();
    let proxy = ReferrersProxy::start(&reg.host());
    let host = proxy.host();
    let digest = reg.push_image("app", "v1");
    let id = s.keyless(EMAIL, GOOGLE);
    let entry = push_bundle_manifest(
        &reg,
        "app",
        &digest,
        0,
        &s.bundle_v03(Signer::Keyless(&id), &digest),
    );
    proxy.set_referrers("app", &digest, &[entry]);
    let root = s.trusted_root_path();
    let (code, json, stderr) = run_json(&[
        "--trusted-root",
        root.to_str().unwrap(),
        "--insecure-registry",
        &host,
        "--certificate-identity",
        EMAIL,
        "--certificate-oidc-issuer",
        GOOGLE,
        &format!("{host}/app:v1"),
    ]);
    assert_eq!((code, verdict(&json)), (0, "verified"), "{json}\n{stderr}");
    assert_eq!(json["images"][0]["format"], "bundle");
    let log = proxy.log();
    let hex = &digest[7..];
    assert!(
        log.iter()
            .any(|l| l.starts_with(&format!("GET /v2/app/referrers/{digest}?artifactType="))),
        "{log:#?}"
    );
    assert!(
        !log.iter()
            .any(|l| l.ends_with(&format!("/manifests/sha256-{hex}"))),
        "{log:#?}"
    );

    // Without a bundle, the empty referrers answer leads to the legacy tag.
    let legacy_digest = reg.push_image("old", "v1");
    let payload = simple_signing_payload(&format!("{host}/old"), &legacy_digest);
    push_legacy(
        &reg,
        "old",
        &legacy_digest,
        &[s.legacy_layer(Signer::Keyless(&id), &payload)],
    );
    let (code, json, _) = run_json(&[
        "--trusted-root",
        root.to_str().unwrap(),
        "--insecure-registry",
        &host,
        "--certificate-identity",
        EMAIL,
        "--certificate-oidc-issuer",
        GOOGLE,
        &format!("{host}/old:v1"),
    ]);
    assert_eq!((code, verdict(&json)), (0, "verified"), "{json}");
    assert_eq!(json["images"][0]["format"], "legacy");
}

/// Issue 10: a signed image cost five registry requests whatever its format (resolve, a
/// referrers 404, a fallback-tag 404, the `.sig` manifest, its payload). Counted from the
/// registry's log, per layout, for several images in one run: a legacy signature costs
/// exactly its resolve, `.sig` manifest and payload (2 by digest); a bundle its resolve,
/// referrers or fallback index, manifest and blob, plus at most one `.sig` lookup while the
/// repository's layout is not known; a registry without the referrers API is asked once.
#[test]
fn signed_images_cost_only_their_round_trips() {
    const N: usize = 6;
    let s = TestSigstore::new();
    let reg = TestRegistry::plain();
    let proxy = ReferrersProxy::start(&reg.host());
    let id = s.keyless(EMAIL, GOOGLE);
    let (host, front) = (reg.host(), proxy.host());
    let mut legacy_tags = Vec::new();
    let mut legacy_digests = Vec::new();
    let mut fallback = Vec::new();
    let mut referrers = Vec::new();
    for i in 0..N {
        let tag = format!("v{i}");
        let d = reg.push_image("legacy", &tag);
        let payload = simple_signing_payload(&format!("{host}/legacy"), &d);
        push_legacy(
            &reg,
            "legacy",
            &d,
            &[s.legacy_layer(Signer::Keyless(&id), &payload)],
        );
        legacy_tags.push(format!("{host}/legacy:{tag}"));
        legacy_digests.push(format!("{host}/legacy@{d}"));
        let d = reg.push_image("fallback", &tag);
        push_bundle(
            &reg,
            "fallback",
            &d,
            &s.bundle_v03(Signer::Keyless(&id), &d),
        );
        fallback.push(format!("{host}/fallback:{tag}"));
        let d = reg.push_image("referrers", &tag);
        let bundle = s.bundle_v03(Signer::Keyless(&id), &d);
        let entry = push_bundle_manifest(&reg, "referrers", &d, 0, &bundle);
        proxy.set_referrers("referrers", &d, &[entry]);
        referrers.push(format!("{front}/referrers:{tag}"));
    }
    let root = s.trusted_root_path();
    // Runs one verification of `refs` and returns the requests it made, as `METHOD /path`.
    let run = |refs: &[String], log: &dyn Fn() -> Vec<String>| {
        let before = log().len();
        let mut args = vec![
            "--trusted-root",
            root.to_str().unwrap(),
            "--insecure-registry",
            &host,
            "--insecure-registry",
            &front,
            "--certificate-identity",
            EMAIL,
            "--certificate-oidc-issuer",
            GOOGLE,
        ];
        args.extend(refs.iter().map(String::as_str));
        let (code, json, stderr) = run_json(&args);
        let verified = json["images"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["verdict"] == "verified")
            .count();
        assert_eq!((code, verified), (0, refs.len()), "{json}\n{stderr}");
        log()[before..]
            .iter()
            .filter_map(|l| {
                let l = l.split_once('"').map_or(l.as_str(), |(_, r)| r);
                let mut p = l.split_whitespace();
                Some(format!("{} {}", p.next()?, p.next()?))
            })
            .collect::<Vec<_>>()
    };
    let registry_log = || reg.request_log();
    let front_log = || proxy.log();
    let count = |log: &[String], what: &str| log.iter().filter(|l| l.contains(what)).count();
    let sig = |log: &[String]| {
        log.iter()
            .filter(|l| l.rsplit_once('.').is_some_and(|(_, e)| e == "sig"))
            .count()
    };

    let log = run(&legacy_tags, &registry_log);
    assert_eq!(log.len(), 3 * N, "{log:#?}");
    assert_eq!(count(&log, "HEAD /v2/legacy/manifests/v"), N, "{log:#?}");
    assert_eq!(sig(&log), N, "{log:#?}");
    assert_eq!(count(&log, "/blobs/"), N, "{log:#?}");
    let log = run(&legacy_digests, &registry_log);
    assert_eq!(log.len(), 2 * N, "{log:#?}");

    let log = run(&fallback, &registry_log);
    assert_eq!(
        count(&log, "/referrers/sha256:"),
        1,
        "asked once per run: {log:#?}"
    );
    assert_eq!(count(&log, "HEAD /v2/fallback/manifests/v"), N, "{log:#?}");
    let fallback_index = log
        .iter()
        .filter(|l| {
            l.contains("/manifests/sha256-") && l.rsplit_once('.').is_none_or(|(_, e)| e != "sig")
        })
        .count();
    assert_eq!(fallback_index, N, "{log:#?}");
    assert_eq!(count(&log, "/manifests/sha256:"), N, "{log:#?}");
    assert_eq!(count(&log, "/blobs/"), N, "{log:#?}");
    assert!(sig(&log) <= N, "{log:#?}");
    assert_eq!(log.len(), 4 * N + 1 + sig(&log), "{log:#?}");

    let log = run(&referrers, &front_log);
    assert_eq!(count(&log, "/referrers/sha256:"), N, "{log:#?}");
    assert!(
        count(&log, "/manifests/sha256-") <= N,
        "only .sig: {log:#?}"
    );
    assert_eq!(log.len(), 4 * N + sig(&log), "{log:#?}");
}

// ---------------------------------------------------------------------------------------------
// Multi-arch: the index and its platform manifests.

/// An unsigned index whose platform manifests are all signed verifies, and the report says
/// which digests (and platforms) carried the signatures; one unsigned platform fails it.
#[test]
fn multi_arch_index_and_platform_reporting() {
    let s = TestSigstore::new();
    let reg = TestRegistry::plain();
    let host = reg.host();
    let id = s.keyless(EMAIL, GOOGLE);
    let root = s.trusted_root_path();
    let sign = |repo: &str, d: &str| {
        let payload = simple_signing_payload(&format!("{host}/{repo}"), d);
        push_legacy(
            &reg,
            repo,
            d,
            &[s.legacy_layer(Signer::Keyless(&id), &payload)],
        );
    };
    let run = |image: &str| {
        run_json(&[
            "--trusted-root",
            root.to_str().unwrap(),
            "--insecure-registry",
            &host,
            "--certificate-identity",
            EMAIL,
            "--certificate-oidc-issuer",
            GOOGLE,
            image,
        ])
    };
    let platforms = [("linux", "amd64"), ("linux", "arm64")];

    // Children signed, index not.
    let (index, children) = reg.push_index("children", "v1", &platforms);
    for c in &children {
        sign("children", c);
    }
    let (code, json, stderr) = run(&format!("{host}/children:v1"));
    assert_eq!((code, verdict(&json)), (0, "verified"), "{json}\n{stderr}");
    let e = &json["images"][0];
    assert_eq!(e["digest"], index.as_str());
    assert_eq!(e["verifiedBy"][0]["digest"], children[0].as_str());
    assert_eq!(e["verifiedBy"][0]["platform"], "linux/amd64");
    assert_eq!(e["verifiedBy"][1]["platform"], "linux/arm64");

    // One platform unsigned: the index does not verify, and the detail names the platform.
    let (_, children) = reg.push_index("partial", "v1", &platforms);
    sign("partial", &children[0]);
    let (code, json, _) = run(&format!("{host}/partial:v1"));
    assert_eq!((code, verdict(&json)), (1, "unsigned"), "{json}");
    let detail = json["images"][0]["detail"].as_str().unwrap();
    assert!(detail.contains("linux/arm64"), "{detail}");

    // Index signed, a platform manifest named by digest with its tag: verified via the index.
    let (index, children) = reg.push_index("parent", "v1", &platforms);
    sign("parent", &index);
    let (code, json, _) = run(&format!("{host}/parent:v1@{}", children[1]));
    assert_eq!((code, verdict(&json)), (0, "verified"), "{json}");
    assert_eq!(json["images"][0]["digest"], children[1].as_str());
    assert_eq!(json["images"][0]["verifiedBy"][0]["digest"], index.as_str());
    assert!(json["images"][0]["verifiedBy"][0]["platform"].is_null());
    // Without the tag there is no way to know the index: the platform manifest is unsigned.
    let (code, json, _) = run(&format!("{host}/parent@{}", children[1]));
    assert_eq!((code, verdict(&json)), (1, "unsigned"), "{json}");
    // The signed index itself verifies directly.
    let (code, json, _) = run(&format!("{host}/parent:v1"));
    assert_eq!((code, verdict(&json)), (0, "verified"), "{json}");
    assert!(json["images"][0].get("verifiedBy").is_none(), "{json}");
}

// ---------------------------------------------------------------------------------------------
// The built-in policy for registry.k8s.io.

/// With no flags, registry.k8s.io images are held to krel-trust: a test-CA signature is
/// untrusted under the embedded root and verifies under the test Sigstore's root; another
/// identity, or another registry without a policy, fails.
#[test]
fn registry_k8s_io_needs_no_flags() {
    let s = TestSigstore::new();
    let reg = TestRegistry::plain();
    let host = reg.host();
    let mirror = format!("registry.k8s.io={host}");
    let krel = s.keyless(
        kubectl_verify::verify::policy::K8S_IDENTITY,
        kubectl_verify::verify::policy::K8S_ISSUER,
    );
    let digest = reg.push_image("pause", "3.10");
    let payload = simple_signing_payload("registry.k8s.io/pause", &digest);
    push_legacy(
        &reg,
        "pause",
        &digest,
        &[s.legacy_layer(Signer::Keyless(&krel), &payload)],
    );
    let base = ["--registry-mirror", &mirror, "--insecure-registry", &host];

    let (code, json, stderr) = run_json(&[&base[..], &["registry.k8s.io/pause:3.10"]].concat());
    assert_eq!(
        (code, verdict(&json)),
        (1, "untrusted-certificate"),
        "{json}\n{stderr}"
    );
    assert_eq!(json["images"][0]["policy"], "builtin:kubernetes");

    let root = s.trusted_root_path();
    let with_root = ["--trusted-root", root.to_str().unwrap()];
    let (code, json, _) =
        run_json(&[&base[..], &with_root[..], &["registry.k8s.io/pause:3.10"]].concat());
    assert_eq!((code, verdict(&json)), (0, "verified"), "{json}");
    assert_eq!(
        json["images"][0]["signer"]["identity"],
        kubectl_verify::verify::policy::K8S_IDENTITY
    );

    // Someone else signing a registry.k8s.io image.
    let digest = reg.push_image("coredns", "v1");
    let other = s.keyless(EMAIL, GOOGLE);
    let payload = simple_signing_payload("registry.k8s.io/coredns", &digest);
    push_legacy(
        &reg,
        "coredns",
        &digest,
        &[s.legacy_layer(Signer::Keyless(&other), &payload)],
    );
    let (code, json, _) =
        run_json(&[&base[..], &with_root[..], &["registry.k8s.io/coredns:v1"]].concat());
    assert_eq!((code, verdict(&json)), (1, "identity-mismatch"), "{json}");
    let detail = json["images"][0]["detail"].as_str().unwrap();
    assert!(
        detail.contains("krel-trust@k8s-releng-prod.iam.gserviceaccount.com"),
        "{detail}"
    );

    // --no-builtin-policy: nothing says who should have signed.
    let (code, json, _) = run_json(
        &[
            &base[..],
            &with_root[..],
            &["--no-builtin-policy", "registry.k8s.io/pause:3.10"],
        ]
        .concat(),
    );
    assert_eq!((code, verdict(&json)), (1, "no-policy"), "{json}");
    let (code, json, _) = run_json(
        &[
            &base[..],
            &with_root[..],
            &[
                "--no-builtin-policy",
                "--allow-unmatched",
                "registry.k8s.io/pause:3.10",
            ],
        ]
        .concat(),
    );
    assert_eq!((code, verdict(&json)), (0, "no-policy"), "{json}");
    assert_eq!(json["images"][0]["enforced"], false);
}

// ---------------------------------------------------------------------------------------------
// Output: table and JSON snapshots, with run-specific values (ports, times, key fingerprints)
// replaced by placeholders. insta snapshots (`INSTA_UPDATE=always` accepts changes).

/// Replaces what changes between runs: the registry host, Rekor integrated times, key
/// fingerprints.
pub fn normalise(text: &str, host: &str) -> String {
    let re_time = regex::Regex::new(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ").unwrap();
    let re_fp = regex::Regex::new(r"sha256:[0-9a-f]{64}\b").unwrap();
    let text = text.replace(host, "HOST");
    let text = re_time.replace_all(&text, "TIME");
    // Key fingerprints are random; image digests are deterministic and kept.
    let mut out = String::new();
    for line in text.lines() {
        if line.contains("\"fingerprint\"") {
            out.push_str(&re_fp.replace_all(line, "sha256:KEY"));
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    let re_short_fp = regex::Regex::new(r"key sha256:[0-9a-f]{12}").unwrap();
    re_short_fp.replace_all(&out, "key sha256:KEY").into_owned()
}

/// The table and the JSON report for a set of images with different verdicts, as snapshots;
/// colour only with `--color always`.
#[test]
fn report_snapshots() {
    let s = TestSigstore::new();
    let reg = TestRegistry::plain();
    let host = reg.host();
    let id = s.keyless(EMAIL, GOOGLE);
    let someone = s.keyless("someone@example.com", GOOGLE);
    // References name a mirror of the loopback registry, so the report has no port in it.
    let mirror = format!("registry.example.com={host}");
    let sign = |repo: &str, d: &str, who: &crate::support::sigstore::Identity| {
        let payload = simple_signing_payload(&format!("registry.example.com/{repo}"), d);
        push_legacy(
            &reg,
            repo,
            d,
            &[s.legacy_layer(Signer::Keyless(who), &payload)],
        );
    };
    let good = reg.push_image("web", "1.0");
    sign("web", &good, &id);
    let bundled = reg.push_image("api", "2.0");
    push_bundle(
        &reg,
        "api",
        &bundled,
        &s.bundle_v03(Signer::Keyless(&id), &bundled),
    );
    let wrong = reg.push_image("worker", "3.0");
    sign("worker", &wrong, &someone);
    reg.push_image("cache", "4.0");
    let root = s.trusted_root_path();
    let images = [
        "registry.example.com/web:1.0",
        "registry.example.com/api:2.0",
        "registry.example.com/worker:3.0",
        "registry.example.com/cache:4.0",
    ];
    let mut args: Vec<String> = [
        "image",
        "--trusted-root",
        root.to_str().unwrap(),
        "--registry-mirror",
        &mirror,
        "--insecure-registry",
        &host,
        "--certificate-identity",
        EMAIL,
        "--certificate-oidc-issuer",
        GOOGLE,
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    args.extend(images.iter().map(|s| (*s).to_owned()));

    let out = crate::support::kubectl_verify()
        .args(&args)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(!table.contains('\u{1b}'), "no colour when not a terminal");
    crate::support::check_snapshot("image", "report.table", &normalise(&table, &host));

    let out = crate::support::kubectl_verify()
        .args(&args)
        .args(["-o", "json"])
        .output()
        .unwrap();
    crate::support::check_snapshot(
        "image",
        "report.json",
        &normalise(&String::from_utf8(out.stdout).unwrap(), &host),
    );
    let out = crate::support::kubectl_verify()
        .args(&args)
        .args(["-o", "yaml"])
        .output()
        .unwrap();
    crate::support::check_snapshot(
        "image",
        "report.yaml",
        &normalise(&String::from_utf8(out.stdout).unwrap(), &host),
    );

    let out = crate::support::kubectl_verify()
        .args(&args)
        .args(["--color", "always"])
        .output()
        .unwrap();
    let coloured = String::from_utf8(out.stdout).unwrap();
    assert!(coloured.contains("\u{1b}["), "{coloured}");
    let out = crate::support::kubectl_verify()
        .args(&args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!String::from_utf8(out.stdout).unwrap().contains('\u{1b}'));
}

/// Usage mistakes are errors (exit 2) that say what to do, not verdicts.
#[test]
fn usage_errors_exit_2() {
    let cases: &[(&[&str], &str)] = &[
        (
            &["--certificate-identity", EMAIL, "example.com/a:1"],
            "needs --certificate-oidc-issuer",
        ),
        (
            &["--certificate-oidc-issuer", GOOGLE, "example.com/a:1"],
            "needs --certificate-identity",
        ),
        (
            &["--key", "/nonexistent.pub", "example.com/a:1"],
            "/nonexistent.pub",
        ),
        (
            &["--trusted-root", "/nonexistent.json", "example.com/a:1"],
            "/nonexistent.json",
        ),
        (&["Example.com/A:1"], "Example.com/A:1"),
        (
            &[
                "--certificate-identity-regexp",
                "(",
                "--certificate-oidc-issuer",
                GOOGLE,
                "a",
            ],
            "--certificate-identity-regexp",
        ),
    ];
    for (args, want) in cases {
        let out = crate::support::kubectl_verify()
            .arg("image")
            .args(*args)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(want), "{args:?}: {stderr}");
    }
}

// ---------------------------------------------------------------------------------------------
// The fixture bench/verify-200.sh measures with. Not a timed test: it only sets up a registry
// with signed images in each layout, says where they are, and waits for the script to finish.

/// Run by `bench/verify-200.sh` (`KV_BENCH_DIR` set); does nothing otherwise.
#[test]
#[ignore = "fixture for bench/verify-200.sh"]
fn bench_fixture() {
    let Some(dir) = std::env::var_os("KV_BENCH_DIR") else {
        return;
    };
    let dir = std::path::PathBuf::from(dir);
    let n: usize = std::env::var("KV_BENCH_IMAGES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let s = TestSigstore::new();
    // Long-lived enough for a slow machine: the certificate must be valid at integration.
    let leaf = || {
        s.keyless_with(&LeafOptions {
            lifetime: Duration::from_secs(3600),
            ..LeafOptions::new(EMAIL, GOOGLE)
        })
    };
    // One certificate for every image, as one `cosign sign` of many images makes, or with
    // KV_BENCH_CERTS=each one per image, as separate signing runs make (no certificate check
    // repeats then, bench/round-trips.sh).
    let each = std::env::var("KV_BENCH_CERTS").is_ok_and(|v| v == "each");
    let shared = leaf();
    let reg = TestRegistry::plain();
    let proxy = ReferrersProxy::start(&reg.host());
    let host = reg.host();
    let mut refs: std::collections::BTreeMap<&str, Vec<String>> = std::collections::BTreeMap::new();
    for i in 0..n {
        let own;
        let id = if each {
            own = leaf();
            &own
        } else {
            &shared
        };
        let tag = format!("v{i}");
        let d = reg.push_image("legacy/app", &tag);
        let payload = simple_signing_payload(&format!("{host}/legacy/app"), &d);
        push_legacy(
            &reg,
            "legacy/app",
            &d,
            &[s.legacy_layer(Signer::Keyless(id), &payload)],
        );
        refs.entry("legacy")
            .or_default()
            .push(format!("{host}/legacy/app:{tag}"));

        let d = reg.push_image("fallback/app", &tag);
        push_bundle(
            &reg,
            "fallback/app",
            &d,
            &s.bundle_v03(Signer::Keyless(id), &d),
        );
        refs.entry("fallback")
            .or_default()
            .push(format!("{host}/fallback/app:{tag}"));

        let d = reg.push_image("referrers/app", &tag);
        let entry = push_bundle_manifest(
            &reg,
            "referrers/app",
            &d,
            0,
            &s.bundle_v03(Signer::Keyless(id), &d),
        );
        proxy.set_referrers("referrers/app", &d, &[entry]);
        refs.entry("referrers")
            .or_default()
            .push(format!("{}/referrers/app:{tag}", proxy.host()));
    }
    for (name, list) in &refs {
        std::fs::write(dir.join(format!("{name}.refs")), list.join("\n") + "\n").unwrap();
    }
    std::fs::copy(s.trusted_root_path(), dir.join("trusted_root.json")).unwrap();
    let env = format!(
        "HOST={host}\nPROXY={}\nACCESS_LOG={}\nIDENTITY={EMAIL}\nISSUER={GOOGLE}\n",
        proxy.host(),
        reg.dir().join("access.log").display()
    );
    std::fs::write(dir.join("env"), env).unwrap();
    std::fs::write(dir.join("ready"), "").unwrap();
    // Wait (bounded) for the script to say it is done, then hand over the front's log. When
    // the script creates `dump`, the front's log so far is written to `proxy.log` (through a
    // rename, never half a file) and `dump` removed.
    let write_log = || {
        let tmp = dir.join(".proxy.log.tmp");
        std::fs::write(&tmp, proxy.log().join("\n") + "\n").unwrap();
        std::fs::rename(&tmp, dir.join("proxy.log")).unwrap();
    };
    for _ in 0..720_000 {
        if dir.join("dump").exists() {
            write_log();
            std::fs::remove_file(dir.join("dump")).unwrap();
        }
        if dir.join("done").exists() {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    write_log();
}

/// Images signed by one `cosign sign` share their certificate: its chain and SCT are checked
/// once per run, and the Rekor SET that `sigstore-verify` checks twice per signature is
/// checked once (`verify::memo`). Three images: 4 checks for the first (signature, SET, SCT,
/// certificate), 2 for each other (signature, SET); the rest are answered from the run's memo.
#[test]
fn signature_checks_repeated_across_images_are_made_once() {
    let s = TestSigstore::new();
    let reg = TestRegistry::plain();
    let host = reg.host();
    let id = s.keyless(EMAIL, GOOGLE);
    let mut refs = Vec::new();
    for tag in ["1", "2", "3"] {
        let d = reg.push_image("shared", tag);
        let payload = simple_signing_payload(&format!("{host}/shared"), &d);
        push_legacy(
            &reg,
            "shared",
            &d,
            &[s.legacy_layer(Signer::Keyless(&id), &payload)],
        );
        refs.push(format!("{host}/shared:{tag}"));
    }
    let root = s.trusted_root_path();
    let mut args = vec![
        "-v=2",
        "--no-cache",
        "--insecure-registry",
        &host,
        "--trusted-root",
        root.to_str().unwrap(),
        "--certificate-identity",
        EMAIL,
        "--certificate-oidc-issuer",
        GOOGLE,
    ];
    args.extend(refs.iter().map(String::as_str));
    let (code, json, stderr) = run_json(&args);
    assert_eq!(code, 0, "{json:#}\n{stderr}");
    assert_eq!(json["summary"]["verified"], 3, "{json:#}");
    assert!(
        stderr.contains("signature checks: 8 made, 7 answered by an earlier pass in this run"),
        "{stderr}"
    );
}

// ---------------------------------------------------------------------------------------------
// `pin --verify`

/// `pin --verify` writes exactly the digest that verified and leaves a file whose image does
/// not verify byte-identical, saying why.
#[test]
fn pin_verify_pins_only_verified_digests() {
    let s = TestSigstore::new();
    let reg = TestRegistry::plain();
    let host = reg.host();
    let id = s.keyless(EMAIL, GOOGLE);
    let signed = reg.push_image("signed", "1.0");
    let payload = simple_signing_payload(&format!("{host}/signed"), &signed);
    push_legacy(
        &reg,
        "signed",
        &signed,
        &[s.legacy_layer(Signer::Keyless(&id), &payload)],
    );
    reg.push_image("unsigned", "1.0");
    let (index, _) = reg.push_index("multi", "1.0", &[("linux", "amd64"), ("linux", "arm64")]);
    let payload = simple_signing_payload(&format!("{host}/multi"), &index);
    push_legacy(
        &reg,
        "multi",
        &index,
        &[s.legacy_layer(Signer::Keyless(&id), &payload)],
    );

    let dir = tempfile::tempdir().unwrap();
    let pod = |image: &str| {
        format!(
            "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: c  # keep me\n    image: {image}\n"
        )
    };
    let good = pod(&format!("{host}/signed:1.0"));
    let multi = pod(&format!("'{host}/multi:1.0'"));
    let bad = pod(&format!("{host}/unsigned:1.0"));
    std::fs::write(dir.path().join("good.yaml"), &good).unwrap();
    std::fs::write(dir.path().join("multi.yaml"), &multi).unwrap();
    std::fs::write(dir.path().join("bad.yaml"), &bad).unwrap();
    let root = s.trusted_root_path();
    let out = crate::support::kubectl_verify()
        .current_dir(dir.path())
        .args(["pin", "--verify", "good.yaml", "multi.yaml", "bad.yaml"])
        .args([
            "--trusted-root",
            root.to_str().unwrap(),
            "--insecure-registry",
            &host,
        ])
        .args([
            "--certificate-identity",
            EMAIL,
            "--certificate-oidc-issuer",
            GOOGLE,
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let read = |f: &str| std::fs::read_to_string(dir.path().join(f)).unwrap();
    assert_eq!(
        read("good.yaml"),
        good.replace("signed:1.0", &format!("signed@{signed}"))
    );
    assert_eq!(
        read("multi.yaml"),
        multi.replace("multi:1.0", &format!("multi@{index}"))
    );
    assert_eq!(
        read("bad.yaml"),
        bad,
        "a file with an unverified image is left alone"
    );
    assert!(stderr.contains("bad.yaml:6:12"), "{stderr}");
    assert!(stderr.contains("unsigned"), "{stderr}");
    // Each reference was resolved once: one HEAD per tag.
    let log = reg.request_log();
    let heads = log
        .iter()
        .filter(|l| l.starts_with("HEAD /v2/signed/manifests/1.0"))
        .count();
    assert_eq!(heads, 1, "{log:#?}");
}

/// `--insecure-ignore-sct` relaxes exactly the SCT check and says so on every use; an
/// unreachable registry is the verdict `unreachable`, not a crash.
#[test]
fn insecure_sct_and_unreachable_registry() {
    let s = TestSigstore::new();
    let mut reg = TestRegistry::plain();
    let host = reg.host();
    let id = s.keyless(EMAIL, GOOGLE);
    let d = reg.push_image("app", "1");
    let payload = simple_signing_payload(&format!("{host}/app"), &d);
    push_legacy(
        &reg,
        "app",
        &d,
        &[s.legacy_layer(Signer::Keyless(&id), &payload)],
    );
    // A trusted root that knows no CT log: the SCT cannot verify.
    let mut root: Value = serde_json::from_str(&s.trusted_root_json()).unwrap();
    root["ctlogs"] = json!([]);
    let no_ct = s.dir().join("no-ct.json");
    std::fs::write(&no_ct, root.to_string()).unwrap();
    let image = format!("{host}/app@{d}");
    let base = [
        "--trusted-root",
        no_ct.to_str().unwrap(),
        "--insecure-registry",
        &host,
        "--certificate-identity",
        EMAIL,
        "--certificate-oidc-issuer",
        GOOGLE,
    ];
    let (code, json, _) = run_json(&[&base[..], &[&image]].concat());
    assert_eq!(
        (code, verdict(&json)),
        (1, "untrusted-certificate"),
        "{json}"
    );
    let (code, json, stderr) = run_json(&[&base[..], &["--insecure-ignore-sct", &image]].concat());
    assert_eq!((code, verdict(&json)), (0, "verified"), "{json}");
    assert!(
        stderr.contains("warning: --insecure-ignore-sct"),
        "{stderr}"
    );
    assert!(
        json["images"][0]["detail"]
            .as_str()
            .unwrap()
            .contains("SCT NOT checked")
    );

    reg.stop();
    let (code, json, _) = run_json(&[&base[..], &["--timeout", "5s", &image]].concat());
    assert_eq!((code, verdict(&json)), (1, "unreachable"), "{json}");
}

/// Signatures stored in another repository are found with `--signature-repository` or
/// `COSIGN_REPOSITORY`, and only there.
#[test]
fn signature_repository_flag_and_env() {
    let s = TestSigstore::new();
    let reg = TestRegistry::plain();
    let host = reg.host();
    let id = s.keyless(EMAIL, GOOGLE);
    let d = reg.push_image("app", "1");
    let payload = simple_signing_payload(&format!("{host}/app"), &d);
    push_legacy(
        &reg,
        "signatures",
        &d,
        &[s.legacy_layer(Signer::Keyless(&id), &payload)],
    );
    let root = s.trusted_root_path();
    let image = format!("{host}/app:1");
    let base = [
        "--trusted-root",
        root.to_str().unwrap(),
        "--insecure-registry",
        &host,
        "--certificate-identity",
        EMAIL,
        "--certificate-oidc-issuer",
        GOOGLE,
    ];
    let (code, json, _) = run_json(&[&base[..], &[&image]].concat());
    assert_eq!((code, verdict(&json)), (1, "unsigned"), "{json}");
    let sigs = format!("{host}/signatures");
    let (code, json, _) =
        run_json(&[&base[..], &["--signature-repository", &sigs, &image]].concat());
    assert_eq!((code, verdict(&json)), (0, "verified"), "{json}");
    let out = crate::support::kubectl_verify()
        .arg("image")
        .args(base)
        .arg(&image)
        .env("COSIGN_REPOSITORY", &sigs)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// A registry that keeps answering 429 gives the verdict `rate-limited` after bounded retries.
#[test]
fn rate_limited_registry_is_a_verdict() {
    let s = TestSigstore::new();
    let reg = TestRegistry::plain();
    let proxy = ReferrersProxy::start(&reg.host());
    let host = proxy.host();
    let d = reg.push_image("app", "1");
    proxy.throttle();
    let root = s.trusted_root_path();
    let (code, json, stderr) = run_json(&[
        "--trusted-root",
        root.to_str().unwrap(),
        "--insecure-registry",
        &host,
        "--certificate-identity",
        EMAIL,
        "--certificate-oidc-issuer",
        GOOGLE,
        &format!("{host}/app@{d}"),
    ]);
    assert_eq!(
        (code, verdict(&json)),
        (1, "rate-limited"),
        "{json}\n{stderr}"
    );
    let tries = proxy
        .log()
        .iter()
        .filter(|l| l.contains("/referrers/sha256:"))
        .count();
    assert!((2..=5).contains(&tries), "retries are bounded: {tries}");
}

/// Issue 3: `--key` takes ECDSA P-256/P-384, RSA and Ed25519 public keys. For each type, a
/// cosign 2 legacy `.sig` made with a key of that type (signed as cosign's default signer for
/// the type signs) is pushed to the loopback registry and verified by digest: with its Rekor
/// entry from the test Sigstore; without one under `--insecure-ignore-tlog`; and against a
/// different key of the same type (`invalid-signature`). A cosign 3 bundle (DSSE) made with
/// the key is verified too. P-384 legacy signatures over SHA-384 (cosign's current default)
/// and RSA-PSS signatures are refused: see the gaps noted below.
#[test]
fn key_signed_images_verify_for_every_key_type() {
    use crate::support::sigstore::KeyKind;

    let s = TestSigstore::new();
    let reg = TestRegistry::plain();
    let host = reg.host();
    let root = s.trusted_root_path();
    let root = root.to_str().unwrap();
    let mut got = Vec::new();
    let mut want = Vec::new();
    for kind in KeyKind::ALL {
        let name = kind.name();
        let key = Key::generate_kind(kind);
        let other = Key::generate_kind(kind);
        let key_pub = s.dir().join(format!("{name}.pub"));
        std::fs::write(&key_pub, key.public_pem()).unwrap();
        let other_pub = s.dir().join(format!("{name}.other.pub"));
        std::fs::write(&other_pub, other.public_pem()).unwrap();
        let key_pub = key_pub.to_str().unwrap();
        let other_pub = other_pub.to_str().unwrap();

        let legacy_repo = format!("key-{name}-legacy");
        let d = reg.push_image(&legacy_repo, "v1");
        let payload = simple_signing_payload(&format!("{host}/{legacy_repo}"), &d);
        push_legacy(
            &reg,
            &legacy_repo,
            &d,
            &[s.legacy_layer(Signer::Key(&key), &payload)],
        );
        let legacy_ref = format!("{host}/{legacy_repo}@{d}");

        let unlogged_repo = format!("key-{name}-unlogged");
        let d = reg.push_image(&unlogged_repo, "v1");
        let payload = simple_signing_payload(&format!("{host}/{unlogged_repo}"), &d);
        let no_log = TlogOptions {
            log: None,
            ..s.tlog()
        };
        push_legacy(
            &reg,
            &unlogged_repo,
            &d,
            &[s.legacy_layer_with(Signer::Key(&key), &payload, no_log)],
        );
        let unlogged_ref = format!("{host}/{unlogged_repo}@{d}");

        let bundle_repo = format!("key-{name}-bundle");
        let d = reg.push_image(&bundle_repo, "v1");
        push_bundle(&reg, &bundle_repo, &d, &s.bundle_v03(Signer::Key(&key), &d));
        let bundle_ref = format!("{host}/{bundle_repo}@{d}");

        let cases: [(&str, &str, Vec<&str>); 6] = [
            ("legacy", "verified", vec!["--key", key_pub, &legacy_ref]),
            (
                "legacy, other key",
                "invalid-signature",
                vec!["--key", other_pub, &legacy_ref],
            ),
            (
                "legacy without tlog",
                "tlog-missing",
                vec!["--key", key_pub, &unlogged_ref],
            ),
            (
                "legacy without tlog, --insecure-ignore-tlog",
                "verified",
                vec!["--key", key_pub, "--insecure-ignore-tlog", &unlogged_ref],
            ),
            ("bundle", "verified", vec!["--key", key_pub, &bundle_ref]),
            (
                "bundle, other key",
                "invalid-signature",
                vec!["--key", other_pub, &bundle_ref],
            ),
        ];
        for (case, expected, flags) in cases {
            // A legacy `.sig` by a P-384 key verifies over SHA-384 (current cosign) and over
            // SHA-256 (older cosign). A DSSE bundle is checked with P-384's default scheme
            // only (SHA-384, what cosign 3 signs and, like cosign 3, the only one accepted),
            // so there the SHA-256 flavour is refused.
            // RSA signatures are checked as PKCS#1 v1.5 on both paths, so PSS is refused.
            let refused = match kind {
                KeyKind::EcdsaP384Sha256 => case.starts_with("bundle"),
                KeyKind::RsaPss => true,
                _ => false,
            };
            let refused = refused && expected == "verified";
            let expected = if refused {
                "invalid-signature"
            } else {
                expected
            };
            let mut args = vec!["--trusted-root", root, "--insecure-registry", &host];
            args.extend(flags);
            let (code, json, _) = run_json(&args);
            let v = verdict(&json);
            got.push(format!("{name} {case}: {v} (exit {code})"));
            want.push(format!(
                "{name} {case}: {expected} (exit {})",
                i32::from(expected != "verified")
            ));
            let detail = json["images"][0]["detail"].as_str().unwrap_or_default();
            if refused && v == expected {
                // The one line says which scheme was tried, so the mismatch is diagnosable.
                let tried = match kind {
                    KeyKind::RsaPss => "RSA_PKCS1_SHA256 signature invalid",
                    _ => "ECDSA_P384_SHA384 signature invalid",
                };
                assert!(detail.contains(tried), "{name} {case}: {detail}");
            }
            if v != expected {
                eprintln!("{name} {case}: {detail}");
            }
        }
    }
    assert_eq!(got.join("\n"), want.join("\n"));
}
