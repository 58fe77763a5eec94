//! Kyverno policies (issue 13) end to end: the two policies of Kyverno's "Verify Images" page,
//! as published (tests/data/policies/kyverno, with the test key and the loopback registry
//! substituted), against images and attestations signed by the test Sigstore in a real
//! registry; and `match`/`exclude` on namespaces, with `Audit` as a warning, against the
//! Kubernetes API stand-in.
#![allow(clippy::unwrap_used)] // test setup: a failure is a broken fixture

use crate::hostile::verdict;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::cluster::{cluster_with_token, entry, json_of, verify};
use crate::image::{push_legacy, run_json};
use crate::support::kubeapi::KubeApi;
use crate::support::kubeapi::fixtures::{self, C};
use crate::support::registry::TestRegistry;
use crate::support::sigstore::{Key, Signer, TestSigstore, simple_signing_payload, statement};

const CODE_REVIEW: &str = "https://in-toto.io/Provenance/v0.1";

fn vector(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/policies/kyverno")
            .join(name),
    )
    .unwrap()
}

/// The vector's text with its PEM public key replaced by `key`'s (same indentation).
fn with_key(text: &str, key: &Key) -> String {
    let start = text.find("-----BEGIN PUBLIC KEY-----").unwrap();
    let end = text.find("-----END PUBLIC KEY-----").unwrap() + "-----END PUBLIC KEY-----".len();
    let line_start = text[..start].rfind('\n').unwrap() + 1;
    let indent = &text[line_start..start];
    let pem = key
        .public_pem()
        .trim()
        .lines()
        .collect::<Vec<_>>()
        .join(&format!("\n{indent}"));
    format!("{}{pem}{}", &text[..start], &text[end..])
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

/// Pushes `repo:tag` signed by `key` (cosign's legacy `.sig`), returning its digest.
fn push_signed(s: &TestSigstore, reg: &TestRegistry, key: &Key, repo: &str, tag: &str) -> String {
    let d = reg.push_image(repo, tag);
    let payload = simple_signing_payload(&format!("{}/{repo}", reg.host()), &d);
    push_legacy(reg, repo, &d, &[s.legacy_layer(Signer::Key(key), &payload)]);
    d
}

/// Attaches a `.att` code-review attestation for `branch` signed by `key`.
fn attest_code_review(
    s: &TestSigstore,
    reg: &TestRegistry,
    key: &Key,
    repo: &str,
    digest: &str,
    branch: &str,
) {
    let predicate = json!({
        "repo": {"uri": "https://git-repo.com/org/app", "branch": branch},
        "reviewers": ["ana@example.com", "bob@example.com"],
    });
    attach_att(
        s,
        reg,
        Signer::Key(key),
        repo,
        digest,
        CODE_REVIEW,
        &predicate,
    );
}

/// Attaches a cosign `.att` attestation of `predicate` signed by `signer`.
fn attach_att(
    s: &TestSigstore,
    reg: &TestRegistry,
    signer: Signer<'_>,
    repo: &str,
    digest: &str,
    predicate_type: &str,
    predicate: &Value,
) {
    attach_atts(s, reg, signer, repo, digest, predicate_type, &[predicate]);
}

/// Attaches one cosign `.att` manifest with an attestation layer per predicate.
fn attach_atts(
    s: &TestSigstore,
    reg: &TestRegistry,
    signer: Signer<'_>,
    repo: &str,
    digest: &str,
    predicate_type: &str,
    predicates: &[&Value],
) {
    let descs: Vec<Value> = predicates
        .iter()
        .map(|predicate| {
            let st = statement(
                &format!("{}/{repo}", reg.host()),
                digest,
                predicate_type,
                predicate,
            );
            let layer = s.attestation_layer(signer, &st);
            json!({
                "mediaType": "application/vnd.dsse.envelope.v1+json",
                "size": layer.payload.len(),
                "digest": reg.put_blob(repo, &layer.payload),
                "annotations": layer.annotations,
            })
        })
        .collect();
    let config = b"{}";
    let config_digest = reg.put_blob(repo, config);
    let manifest = json!({
        "schemaVersion": 2,
        "mediaType": "application/vnd.oci.image.manifest.v1+json",
        "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "size": config.len(), "digest": config_digest},
        "layers": descs,
    })
    .to_string();
    reg.put_manifest(
        repo,
        &format!("sha256-{}.att", &digest[7..]),
        "application/vnd.oci.image.manifest.v1+json",
        manifest.as_bytes(),
    );
}

fn run_image(s: &TestSigstore, host: &str, policy: &Path, image: &str) -> (i32, Value, String) {
    let root = s.trusted_root_path();
    run_json(&[
        "--trusted-root",
        root.to_str().unwrap(),
        "--insecure-registry",
        host,
        "--policy",
        policy.to_str().unwrap(),
        image,
    ])
}

/// Kyverno's "Verify Images" page, policy 1: a signature by a public key (the 2021 form,
/// `image` + `key`, `validationFailureAction: enforce`). The signed image verifies; an unsigned
/// one and one signed by another key fail, naming the policy and rule that decided.
#[test]
fn kyverno_page_signature_with_a_key() {
    let s = TestSigstore::new();
    let reg = TestRegistry::plain();
    let host = reg.host();
    let key = Key::generate();
    let other = Key::generate();
    let signed = push_signed(&s, &reg, &key, "kyverno/test-image-verify", "v1");
    reg.push_image("kyverno/test-image-verify", "unsigned");
    push_signed(&s, &reg, &other, "kyverno/test-image-verify", "other");
    let text = with_key(&vector("legacy-2021-image-key.yaml"), &key)
        .replace("ghcr.io/kyverno/", &format!("{host}/kyverno/"));
    let policy = write(s.dir(), "verify-image.yaml", &text);

    let (code, json, stderr) = run_image(
        &s,
        &host,
        &policy,
        &format!("{host}/kyverno/test-image-verify:v1"),
    );
    let e = &json["images"][0];
    assert_eq!(
        (code, e["verdict"].as_str()),
        (0, Some("verified")),
        "{json:#}\n{stderr}"
    );
    assert_eq!(e["digest"], signed.as_str());
    assert_eq!(e["origin"]["kind"], "ClusterPolicy", "{e:#}");
    assert_eq!(e["origin"]["name"], "verify-image", "{e:#}");
    assert_eq!(e["origin"]["rule"], "verify-image", "{e:#}");

    for (tag, verdict) in [("unsigned", "unsigned"), ("other", "invalid-signature")] {
        let (code, json, _) = run_image(
            &s,
            &host,
            &policy,
            &format!("{host}/kyverno/test-image-verify:{tag}"),
        );
        assert_eq!(
            (code, json["images"][0]["verdict"].as_str()),
            (1, Some(verdict)),
            "{tag}: {json:#}"
        );
    }
}

/// Kyverno's "Verify Images" page, policy 2: the code-review attestation with conditions on
/// `repo.uri`, `repo.branch` and `reviewers`. `branch: main` passes; `branch: dev` fails with
/// `condition-failed` naming the condition and the value it saw.
#[test]
fn kyverno_page_code_review_attestation_conditions() {
    let s = TestSigstore::new();
    let reg = TestRegistry::plain();
    let host = reg.host();
    let key = Key::generate();
    let main = push_signed(&s, &reg, &key, "org/app", "main");
    attest_code_review(&s, &reg, &key, "org/app", &main, "main");
    let dev = push_signed(&s, &reg, &key, "org/app", "dev");
    attest_code_review(&s, &reg, &key, "org/app", &dev, "dev");
    let bare = push_signed(&s, &reg, &key, "org/app", "no-attestation");
    // Two code-review attestations, main and dev: Kyverno checks every statement.
    let both = push_signed(&s, &reg, &key, "org/app", "both");
    let review = |branch: &str| {
        json!({
            "repo": {"uri": "https://git-repo.com/org/app", "branch": branch},
            "reviewers": ["ana@example.com", "bob@example.com"],
        })
    };
    let (main_review, dev_review) = (review("main"), review("dev"));
    attach_atts(
        &s,
        &reg,
        Signer::Key(&key),
        "org/app",
        &both,
        CODE_REVIEW,
        &[&main_review, &dev_review],
    );
    let text = with_key(
        &vector("legacy-2021-image-key-attestations-conditions.yaml"),
        &key,
    )
    .replace("registry.io/org/", &format!("{host}/org/"));
    let policy = write(s.dir(), "attest-code-review.yaml", &text);

    let (code, json, stderr) = run_image(&s, &host, &policy, &format!("{host}/org/app@{main}"));
    let e = &json["images"][0];
    assert_eq!(
        (code, e["verdict"].as_str()),
        (0, Some("verified")),
        "{json:#}\n{stderr}"
    );

    let (code, json, _) = run_image(&s, &host, &policy, &format!("{host}/org/app@{dev}"));
    let e = &json["images"][0];
    assert_eq!(
        (code, e["verdict"].as_str()),
        (1, Some("condition-failed")),
        "{json:#}"
    );
    let detail = e["detail"].as_str().unwrap();
    assert!(
        detail.starts_with(
            "attestation https://in-toto.io/Provenance/v0.1: condition \
             `spec.rules[0].verifyImages[0].attestations[0].conditions[0].all[1]: \
             {{ repo.branch }} Equals main` is false (saw {{ repo.branch }} = \"dev\")"
        ),
        "{detail}"
    );
    assert_eq!(e["origin"]["name"], "attest-code-review", "{e:#}");

    let (code, json, _) = run_image(&s, &host, &policy, &format!("{host}/org/app@{both}"));
    assert_eq!((code, verdict(&json)), (1, "condition-failed"), "{json:#}");

    let (code, json, _) = run_image(&s, &host, &policy, &format!("{host}/org/app@{bare}"));
    assert_eq!(
        (code, verdict(&json)),
        (1, "attestation-missing"),
        "{json:#}"
    );
}

/// `match`/`exclude` on namespaces against the API stand-in: a Pod rule (autogen: it covers
/// the pods of any controller) excluding `kube-system` does not judge the pod there; an
/// `Audit` policy's failure is reported as a warning and does not fail the run.
#[test]
fn match_exclude_namespaces_and_audit_as_warning() {
    let s = TestSigstore::new();
    let reg = TestRegistry::plain();
    let host = reg.host();
    let key = Key::generate();
    let unsigned = reg.push_image("team/app", "v1");
    let image = format!("{host}/team/app:v1");
    let api = KubeApi::start();
    for ns in ["prod", "kube-system"] {
        api.add(fixtures::pod(
            ns,
            "app",
            &[],
            &[C {
                name: "app",
                image: &image,
                image_id: Some(&format!("{host}/team/app@{unsigned}")),
            }],
        ));
    }
    let tmp = tempfile::tempdir().unwrap();
    let kubeconfig = cluster_with_token(&api, tmp.path(), None);
    let pem = key.public_pem();
    let pem = pem.trim().replace('\n', "\n                  ");
    let policy = |action: &str| {
        format!(
            "apiVersion: kyverno.io/v1\nkind: ClusterPolicy\nmetadata:\n  name: team-signed\nspec:\n  validationFailureAction: {action}\n  rules:\n  - name: signed\n    match:\n      any:\n      - resources:\n          kinds: [Pod]\n    exclude:\n      any:\n      - resources:\n          namespaces: [kube-system]\n    verifyImages:\n    - imageReferences: [\"{host}/team/*\"]\n      attestors:\n      - entries:\n        - keys:\n            publicKeys: |-\n                  {pem}\n"
        )
    };
    let root = s.trusted_root_path();
    let flags = |p: &Path| -> Vec<String> {
        vec![
            "--trusted-root".into(),
            root.to_str().unwrap().into(),
            "--insecure-registry".into(),
            host.clone(),
            "--policy".into(),
            p.to_str().unwrap().into(),
        ]
    };

    let enforce = write(s.dir(), "enforce.yaml", &policy("Enforce"));
    let out = verify(&kubeconfig)
        .args(["pods", "-A", "-o", "json", "--no-builtin-policy"])
        .args(flags(&enforce))
        .output()
        .unwrap();
    let json = json_of(&out);
    assert_eq!(out.status.code(), Some(1), "{json:#}");
    let entries: Vec<(String, String)> = json["images"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["sources"][0]["namespace"]
                    .as_str()
                    .unwrap_or("")
                    .to_owned(),
                e["verdict"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert!(
        entries.contains(&("prod".to_owned(), "unsigned".to_owned())),
        "{json:#}"
    );
    // kube-system is excluded: no policy judges it there.
    assert!(
        entries
            .iter()
            .any(|(ns, v)| ns == "kube-system" && v == "no-policy"),
        "{json:#}"
    );

    let audit = write(s.dir(), "audit.yaml", &policy("Audit"));
    let out = verify(&kubeconfig)
        .args(["pods", "-n", "prod", "-o", "json", "--no-builtin-policy"])
        .args(flags(&audit))
        .output()
        .unwrap();
    let json = json_of(&out);
    assert_eq!(out.status.code(), Some(0), "{json:#}");
    let e = entry(&json, &image, None);
    assert_eq!(e["verdict"], "unsigned", "{e:#}");
    assert_eq!(e["enforced"], false, "{e:#}");
    assert_eq!(json["summary"]["warned"], 1, "{json:#}");
}

/// Kyverno's ImageValidatingPolicy as published (its test policy for cosign keyless in-toto
/// attestations, identities unchanged, the image glob pointed at the loopback registry):
/// `verifyAttestationSignatures(…) > 0` and `has(extractPayload(…).predicate.buildDefinition)`
/// both hold for an image with SLSA v1 provenance by the workflow; a provenance without
/// `buildDefinition` is `condition-failed`, and another workflow's is `identity-mismatch`.
#[test]
fn image_validating_policy_keyless_attestation() {
    const ISSUER: &str = "https://token.actions.githubusercontent.com";
    const WORKFLOW: &str =
        "https://github.com/kyverno/test-images/.github/workflows/cosign.yml@refs/heads/main";
    let s = TestSigstore::new();
    let reg = TestRegistry::plain();
    let host = reg.host();
    let id = s.keyless(WORKFLOW, ISSUER);
    let other = s.keyless(
        "https://github.com/evil/x/.github/workflows/x.yml@refs/heads/main",
        ISSUER,
    );
    let repo = "kyverno/test-images/cosign";
    let provenance = json!({"buildDefinition": {"buildType": "https://actions.github.io/buildtypes/workflow/v1"}});
    let good = reg.push_image(repo, "good");
    attach_att(
        &s,
        &reg,
        Signer::Keyless(&id),
        repo,
        &good,
        "https://slsa.dev/provenance/v1",
        &provenance,
    );
    let thin = reg.push_image(repo, "thin");
    attach_att(
        &s,
        &reg,
        Signer::Keyless(&id),
        repo,
        &thin,
        "https://slsa.dev/provenance/v1",
        &json!({"runDetails": {}}),
    );
    let foreign = reg.push_image(repo, "foreign");
    attach_att(
        &s,
        &reg,
        Signer::Keyless(&other),
        repo,
        &foreign,
        "https://slsa.dev/provenance/v1",
        &provenance,
    );
    let text = vector("ivpol-v1beta1-cosign-keyless-intoto.yaml").replace(
        "ghcr.io/kyverno/test-images/",
        &format!("{host}/kyverno/test-images/"),
    );
    let policy = write(s.dir(), "ivpol.yaml", &text);
    let (code, json, stderr) = run_image(&s, &host, &policy, &format!("{host}/{repo}:good"));
    let e = &json["images"][0];
    assert_eq!(
        (code, e["verdict"].as_str()),
        (0, Some("verified")),
        "{json:#}\n{stderr}"
    );
    assert_eq!(e["origin"]["kind"], "ImageValidatingPolicy", "{e:#}");
    let (code, json, _) = run_image(&s, &host, &policy, &format!("{host}/{repo}:thin"));
    let e = &json["images"][0];
    assert_eq!(
        (code, e["verdict"].as_str()),
        (1, Some("condition-failed")),
        "{json:#}"
    );
    assert!(
        e["detail"]
            .as_str()
            .unwrap()
            .contains("has(statement.predicate.buildDefinition)"),
        "{e:#}"
    );
    let (code, json, _) = run_image(&s, &host, &policy, &format!("{host}/{repo}:foreign"));
    assert_eq!((code, verdict(&json)), (1, "identity-mismatch"), "{json:#}");
}

/// A refused vector under `--skip-unsupported`: the images it applies to fail as
/// `unsupported`, naming the field path; without the flag it is a usage error (exit 2).
#[test]
fn skip_unsupported_fails_the_images_of_a_refused_kyverno_policy() {
    let s = TestSigstore::new();
    let reg = TestRegistry::plain();
    let host = reg.host();
    let key = Key::generate();
    push_signed(&s, &reg, &key, "kyverno/test-verify-image", "v1");
    let text =
        vector("cpol-keys-kms-gcp.yaml").replace("ghcr.io/kyverno/", &format!("{host}/kyverno/"));
    let policy = write(s.dir(), "kms.yaml", &text);
    let image = format!("{host}/kyverno/test-verify-image:v1");
    let out = crate::support::kubectl_verify()
        .args(["image", "--policy"])
        .arg(&policy)
        .arg(&image)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("kms.yaml:35:20: ClusterPolicy/verify-image-gcpkms: spec.rules[0].verifyImages[0].attestors[0].entries[0].keys.kms: KMS keys are not read"),
        "{stderr}"
    );
    let root = s.trusted_root_path();
    let (code, json, stderr) = run_json(&[
        "--trusted-root",
        root.to_str().unwrap(),
        "--insecure-registry",
        &host,
        "--skip-unsupported",
        "--policy",
        policy.to_str().unwrap(),
        &image,
    ]);
    let e = &json["images"][0];
    // The policy is Audit: reported, not enforced.
    assert_eq!(
        (code, e["verdict"].as_str()),
        (0, Some("unsupported")),
        "{json:#}\n{stderr}"
    );
    assert_eq!(e["enforced"], false, "{e:#}");
    assert!(
        e["detail"]
            .as_str()
            .unwrap()
            .contains("spec.rules[0].verifyImages[0].attestors[0].entries[0].keys.kms"),
        "{e:#}"
    );
}

/// Kyverno's `keys.secret` (its conformance policy as published, the image glob pointed at
/// the loopback registry): read from the cluster with the pods, as `--key k8s://…` is, and the
/// pod's image verifies by that key (`rekor.ignoreTlog: true` is the policy's own relaxation).
#[test]
fn kyverno_secret_keys_are_read_from_the_cluster() {
    let s = TestSigstore::new();
    let reg = TestRegistry::plain();
    let host = reg.host();
    let key = Key::generate();
    let digest = push_signed(&s, &reg, &key, "kyverno/test-verify-image", "v1");
    let image = format!("{host}/kyverno/test-verify-image:v1");
    let api = KubeApi::start();
    api.add(fixtures::pod(
        "default",
        "app",
        &[],
        &[C {
            name: "app",
            image: &image,
            image_id: Some(&format!("{host}/kyverno/test-verify-image@{digest}")),
        }],
    ));
    api.add(fixtures::opaque_secret(
        "test-verify-images",
        "testsecret",
        &[("cosign.pub", key.public_pem().as_bytes())],
    ));
    let tmp = tempfile::tempdir().unwrap();
    let kubeconfig = cluster_with_token(&api, tmp.path(), None);
    let text =
        vector("cpol-keys-secret.yaml").replace("ghcr.io/kyverno/", &format!("{host}/kyverno/"));
    let policy = write(s.dir(), "secret.yaml", &text);
    let root = s.trusted_root_path();
    let out = verify(&kubeconfig)
        .args([
            "pods",
            "-o",
            "json",
            "--no-builtin-policy",
            "--insecure-registry",
            &host,
        ])
        .args([
            "--trusted-root",
            root.to_str().unwrap(),
            "--policy",
            policy.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    let json = json_of(&out);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{json:#}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let e = entry(&json, &image, Some(&digest));
    assert_eq!(e["verdict"], "verified", "{e:#}");
    assert_eq!(
        e["signer"]["fingerprint"],
        format!("sha256:{}", key.fingerprint()),
        "{e:#}"
    );
    assert_eq!(e["origin"]["name"], "secret-in-keys", "{e:#}");
}

/// `repository` on a verifyImages entry: the signatures are looked for there, as Kyverno does
/// (cosign's `COSIGN_REPOSITORY`); the image's own repository has none.
#[test]
fn kyverno_repository_holds_the_signatures() {
    let s = TestSigstore::new();
    let reg = TestRegistry::plain();
    let host = reg.host();
    let key = Key::generate();
    let digest = reg.push_image("team/app", "v1");
    let payload = simple_signing_payload(&format!("{host}/team/app"), &digest);
    push_legacy(
        &reg,
        "signatures/app",
        &digest,
        &[s.legacy_layer(Signer::Key(&key), &payload)],
    );
    let pem = key.public_pem();
    let pem = pem.trim().replace('\n', "\n              ");
    let policy = |repository: &str| {
        write(
            s.dir(),
            &format!("repo-{}.yaml", repository.len()),
            &format!(
                "apiVersion: kyverno.io/v1\nkind: ClusterPolicy\nmetadata:\n  name: elsewhere\nspec:\n  validationFailureAction: Enforce\n  rules:\n  - name: r\n    verifyImages:\n    - imageReferences: [\"{host}/team/*\"]\n{repository}      attestors:\n      - entries:\n        - keys:\n            publicKeys: |-\n              {pem}\n"
            ),
        )
    };
    let image = format!("{host}/team/app:v1");
    let with = policy(&format!("      repository: {host}/signatures/app\n"));
    let (code, json, stderr) = run_image(&s, &host, &with, &image);
    assert_eq!(
        (code, json["images"][0]["verdict"].as_str()),
        (0, Some("verified")),
        "{json:#}\n{stderr}"
    );
    let without = policy("");
    let (code, json, _) = run_image(&s, &host, &without, &image);
    assert_eq!((code, verdict(&json)), (1, "unsigned"), "{json:#}");
}

/// `policy explain` shows every Kyverno vector (with `--skip-unsupported`, what is refused
/// appears as `unsupported` with its field path); the malformed one is an error.
#[test]
fn policy_explain_shows_every_kyverno_vector() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/policies/kyverno");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    let malformed = dir.join("legacy-2021-image-key-gcpkms-misplaced-any.yaml");
    let readable: Vec<&PathBuf> = files.iter().filter(|p| **p != malformed).collect();
    let out = crate::support::kubectl_verify()
        .args(["policy", "explain", "--skip-unsupported", "-o", "json"])
        .args(&readable)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let kyverno_docs: Vec<&Value> = json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| {
            matches!(
                d["kind"].as_str(),
                Some("ClusterPolicy" | "Policy" | "ImageValidatingPolicy")
            )
        })
        .collect();
    // One Kyverno document per file, two in cpol-cli-signature-ctlog-rekor-usecache.yaml.
    assert_eq!(kyverno_docs.len(), readable.len() + 1, "{json:#}");
    let mut unsupported = 0;
    for d in &kyverno_docs {
        let policies = d["policies"].as_array().unwrap();
        assert!(!policies.is_empty(), "{d:#}");
        if policies
            .iter()
            .any(|p| p["unsupported"]["field"].is_string())
        {
            unsupported += 1;
        }
    }
    assert_eq!(unsupported, 21, "{json:#}");
    let out = crate::support::kubectl_verify()
        .args(["policy", "explain"])
        .arg(&malformed)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("spec.rules[0].any: unknown field"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// One image used in two namespaces, verified under a ClusterPolicy everywhere and a
/// namespaced Policy in `team-a` only: both uses verify, but under different policies, so the
/// report lists them as two entries, each with the outcomes of the policies that applied to it
/// (merging them would claim team-a's Policy judged team-b's Pod).
#[test]
fn uses_verified_under_different_policies_are_listed_apart() {
    let s = TestSigstore::new();
    let reg = TestRegistry::plain();
    let host = reg.host();
    let key = Key::generate();
    push_signed(&s, &reg, &key, "kyverno/test-image-verify", "v1");
    let cluster_policy = with_key(&vector("legacy-2021-image-key.yaml"), &key)
        .replace("ghcr.io/kyverno/", &format!("{host}/kyverno/"));
    let team_policy = cluster_policy
        .replace("kind: ClusterPolicy", "kind: Policy")
        .replace(
            "  name: verify-image\n  annotations:",
            "  name: team-a-verify\n  namespace: team-a\n  annotations:",
        );
    let policy = write(
        s.dir(),
        "policies.yaml",
        &format!("{cluster_policy}\n---\n{team_policy}"),
    );
    let image = format!("{host}/kyverno/test-image-verify:v1");
    let pod = |ns: &str| {
        format!(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\n  namespace: {ns}\nspec:\n  containers:\n  - name: c\n    image: {image}\n"
        )
    };
    let pods = write(
        s.dir(),
        "pods.yaml",
        &format!("{}---\n{}", pod("team-a"), pod("team-b")),
    );
    let root = s.trusted_root_path();
    let out = crate::support::kubectl_verify()
        .args(["manifests", "-o", "json", "--insecure-registry", &host])
        .args(["--trusted-root", root.to_str().unwrap()])
        .args(["--policy", policy.to_str().unwrap()])
        .arg(&pods)
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{json:#}");
    let mut entries: Vec<(Vec<u64>, Vec<String>)> = json["images"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            assert_eq!(e["verdict"], "verified", "{e:#}");
            let lines = e["sources"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s["line"].as_u64().unwrap())
                .collect();
            let mut policies: Vec<String> = e["results"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r["origin"]["name"].as_str().unwrap().to_owned())
                .collect();
            policies.sort();
            (lines, policies)
        })
        .collect();
    entries.sort();
    assert_eq!(
        entries,
        [
            (
                vec![9],
                vec!["team-a-verify".to_owned(), "verify-image".to_owned()]
            ),
            (vec![19], vec!["verify-image".to_owned()]),
        ],
        "{json:#}"
    );
}
