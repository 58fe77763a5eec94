//! Admission policies read through `--policy` (issue 13): sigstore policy-controller's
//! ClusterImagePolicy and TrustRoot, from the documents of its repository
//! (`tests/data/policies/policy-controller/`, see PROVENANCE.md), evaluated against images
//! signed by the test Sigstore in the loopback registry, with the test identities substituted
//! for the vectors' in-cluster ones.
#![allow(clippy::unwrap_used)] // test setup: a failure is a broken fixture

use crate::hostile::verdict;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;
use serde_json::Value;

use crate::image::{push_legacy, run_json};
use crate::support::registry::TestRegistry;
use crate::support::sigstore::{Signer, TestSigstore, pem, simple_signing_payload};

const EMAIL: &str = "builder@acme.example";
const GOOGLE: &str = "https://accounts.google.com";

fn vectors() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/policies/policy-controller")
}

fn vector(name: &str) -> String {
    std::fs::read_to_string(vectors().join(name)).unwrap()
}

/// `policy explain -o json` of files (relative to the vectors' directory).
fn explain(args: &[&str]) -> (i32, String, String) {
    let out = crate::support::kubectl_verify()
        .current_dir(vectors())
        .args(["policy", "explain"])
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// What reading a vector file gives.
enum Outcome {
    /// Read: the ClusterImagePolicies as (name, `static`), and how many TrustRoots.
    Evaluated(&'static [(&'static str, Option<&'static str>)], usize),
    /// Refused (exit 2) naming this field; with --skip-unsupported, read with the policy
    /// `unsupported` at this field (`Some`) or still refused (`None`: not a matter of support).
    Refused(&'static str, Option<&'static str>),
}

/// Every file of the policy-controller vectors is either evaluated or refused naming the
/// field path, with and without --skip-unsupported (the closing table of issue 13).
#[test]
fn every_policy_controller_vector_is_evaluated_or_refused() {
    use Outcome::{Evaluated, Refused};
    let table: &[(&str, Outcome)] = &[
        (
            "cip-key-and-keyless-ignore-sct.yaml",
            Evaluated(&[("image-policy-key", None)], 0),
        ),
        (
            "cip-key-hashalgorithm-sha512.yaml",
            Refused(
                "spec.authorities[0].key.hashAlgorithm",
                Some("spec.authorities[0].key.hashAlgorithm"),
            ),
        ),
        (
            "cip-key-kms-aws.yaml",
            Refused(
                "spec.authorities[0].key.kms",
                Some("spec.authorities[0].key.kms"),
            ),
        ),
        (
            "cip-key-rfc3161timestamp.yaml",
            Refused(
                "spec.authorities[0].rfc3161timestamp",
                Some("spec.authorities[0].rfc3161timestamp"),
            ),
        ),
        // The key is a secret in the cluster: the verifying commands read it (evaluated in
        // cluster_images::k8s_secret_keys_verify_key_signed_images); offline it is missing,
        // whatever --skip-unsupported says.
        (
            "cip-key-secretref.yaml",
            Refused("spec.authorities[0].key.secretRef", None),
        ),
        (
            "cip-keyless-attestation-cue-spdx.yaml",
            Refused(
                "spec.authorities[0].attestations[0].policy",
                Some("spec.authorities[0].attestations[0].policy"),
            ),
        ),
        (
            "cip-keyless-attestation-rego.yaml",
            Refused(
                "spec.authorities[0].attestations[0].policy",
                Some("spec.authorities[0].attestations[0].policy"),
            ),
        ),
        (
            "cip-keyless-github-actions.yaml",
            Evaluated(&[("image-is-signed-by-github-actions", None)], 0),
        ),
        // Its TrustRoot `my-sigstore-keys` is not in the file.
        (
            "cip-keyless-trustrootref-attestation.yaml",
            Refused("spec.authorities[0].keyless.trustRootRef", None),
        ),
        (
            "cip-match-resource-label.yaml",
            Evaluated(&[("image-policy-match-label", None)], 0),
        ),
        (
            "cip-mode-warn.yaml",
            Evaluated(&[("image-policy-keyless-warn", None)], 0),
        ),
        (
            "cip-policy-remote-url.yaml",
            Refused("spec.policy", Some("spec.policy")),
        ),
        (
            "cip-source-signaturepullsecrets-cacert.yaml",
            Refused(
                "spec.authorities[0].keyless.ca-cert",
                Some("spec.authorities[0].keyless.ca-cert"),
            ),
        ),
        (
            "cip-static-fail.yaml",
            Evaluated(&[("image-policy-static-fail", Some("fail"))], 0),
        ),
        (
            "cip-static-pass-policy-typemeta.yaml",
            Refused("spec.policy", Some("spec.policy")),
        ),
        (
            "cip-two-signatures-two-attestations-policy.yaml",
            Refused("spec.policy", Some("spec.policy")),
        ),
        // With --skip-unsupported the ca-cert is passed over, and then the secretRef of its
        // eighth authority is missing offline.
        (
            "cip-v1beta1-many-authorities.yaml",
            Refused("spec.authorities[0].keyless.ca-cert", None),
        ),
        (
            "cip-v1beta1-match-group-mode-enforce.yaml",
            Refused("spec.authorities[0].keyless.ca-cert", None),
        ),
        (
            "cip-v1beta1-source-oci.yaml",
            Evaluated(&[("image-policy-keyless-source", None)], 0),
        ),
        (
            "trustroot-remote.yaml",
            Refused("spec.remote", Some("spec.remote")),
        ),
        (
            "trustroot-repository.yaml",
            Refused("spec.repository", Some("spec.repository")),
        ),
        ("trustroot-sigstorekeys.yaml", Evaluated(&[], 1)),
        // CRD schemas are not policies: a file of nothing else is an error.
        (
            "crd-clusterimagepolicies.yaml",
            Refused("no policy in this file", None),
        ),
        (
            "crd-trustroots.yaml",
            Refused("no policy in this file", None),
        ),
    ];
    let mut files: Vec<String> = std::fs::read_dir(vectors())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|f| Path::new(f).extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    let mut listed: Vec<String> = table.iter().map(|(f, _)| (*f).to_owned()).collect();
    listed.sort();
    assert_eq!(files, listed, "every vector file is in the table");

    for (file, outcome) in table {
        let (code, stdout, stderr) = explain(&["-o", "json", file]);
        let (skip_code, skip_stdout, skip_stderr) =
            explain(&["-o", "json", "--skip-unsupported", file]);
        match outcome {
            Evaluated(policies, roots) => {
                assert_eq!(code, 0, "{file}: {stderr}");
                let json: Value = serde_json::from_str(&stdout).unwrap();
                let docs = json["documents"].as_array().unwrap();
                let got: Vec<(&str, Option<&str>)> = docs
                    .iter()
                    .flat_map(|d| d["policies"].as_array().unwrap())
                    .map(|p| (p["name"].as_str().unwrap(), p["static"].as_str()))
                    .collect();
                assert_eq!(got, policies.to_vec(), "{file}");
                let trust_roots = docs.iter().filter(|d| d["readAs"] == "trust-root").count();
                assert_eq!(trust_roots, *roots, "{file}");
                assert_eq!(skip_code, 0, "{file}: {skip_stderr}");
            }
            Refused(field, skipped) => {
                assert_eq!(code, 2, "{file}: {stdout}");
                assert!(stderr.contains(&format!("{file}:")), "{file}: {stderr}");
                assert!(
                    stderr.contains(&format!(": {field}")) || stderr.contains(field),
                    "{file}: {stderr}"
                );
                match skipped {
                    Some(at) => {
                        assert_eq!(skip_code, 0, "{file}: {skip_stderr}");
                        let json: Value = serde_json::from_str(&skip_stdout).unwrap();
                        let unsupported: Vec<&str> = json["documents"]
                            .as_array()
                            .unwrap()
                            .iter()
                            .flat_map(|d| d["policies"].as_array().unwrap())
                            .filter_map(|p| p["unsupported"]["field"].as_str())
                            .collect();
                        // A TrustRoot that is not usable makes only the policies naming it
                        // unsupported; alone, it is read and names nothing.
                        if file.starts_with("trustroot-") {
                            assert!(unsupported.is_empty(), "{file}: {skip_stdout}");
                        } else {
                            assert_eq!(unsupported, [*at], "{file}: {skip_stdout}");
                        }
                    }
                    None => assert_eq!(skip_code, 2, "{file}: {skip_stdout}"),
                }
            }
        }
    }
}

/// A loopback registry with `demo:v1` signed (cosign 2 `.sig`) by EMAIL/GOOGLE keyless, and
/// `plain:v1` unsigned.
struct Fixture {
    s: TestSigstore,
    reg: TestRegistry,
    host: String,
    signed: String,
    unsigned: String,
}

impl Fixture {
    fn new() -> Self {
        let s = TestSigstore::new();
        let reg = TestRegistry::plain();
        let host = reg.host();
        let id = s.keyless(EMAIL, GOOGLE);
        let digest = reg.push_image("demo", "v1");
        let payload = simple_signing_payload(&format!("{host}/demo"), &digest);
        push_legacy(
            &reg,
            "demo",
            &digest,
            &[s.legacy_layer(Signer::Keyless(&id), &payload)],
        );
        reg.push_image("plain", "v1");
        Self {
            signed: format!("{host}/demo:v1"),
            unsigned: format!("{host}/plain:v1"),
            host,
            s,
            reg,
        }
    }

    /// Writes a policy file and returns its path.
    fn policy(&self, name: &str, text: &str) -> String {
        let path = self.s.dir().join(name);
        std::fs::write(&path, text).unwrap();
        path.to_str().unwrap().to_owned()
    }

    /// `image -o json` with the test Sigstore's trusted root.
    fn run(&self, args: &[&str]) -> (i32, Value, String) {
        let root = self.s.trusted_root_path();
        let mut all = vec![
            "--trusted-root",
            root.to_str().unwrap(),
            "--insecure-registry",
            &self.host,
        ];
        all.extend_from_slice(args);
        run_json(&all)
    }

    /// The TrustRoot `name` of the test Sigstore ([`trust_root_doc`]).
    fn trust_root_doc(&self, name: &str) -> String {
        trust_root_doc(&self.s, name)
    }
}

/// The TrustRoot `name` of a test Sigstore, as policy-controller's sigstoreKeys spell it:
/// base64 of PEM certificate chains and public keys (YAML).
pub fn trust_root_doc(s: &TestSigstore, name: &str) -> String {
    let root: Value = serde_json::from_str(&s.trusted_root_json()).unwrap();
    let b64_pem = |label: &str, raw: &Value| {
        B64.encode(pem(label, &B64.decode(raw.as_str().unwrap()).unwrap()))
    };
    let logs = |key: &str| {
        let mut out = String::new();
        for l in root[key].as_array().unwrap() {
            let _ = write!(
                out,
                "    - baseURL: {}\n      hashAlgorithm: sha-256\n      publicKey: {}\n",
                l["baseUrl"].as_str().unwrap(),
                b64_pem("PUBLIC KEY", &l["publicKey"]["rawBytes"])
            );
        }
        out
    };
    let ca = &root["certificateAuthorities"][0];
    let chain: String = ca["certChain"]["certificates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            pem(
                "CERTIFICATE",
                &B64.decode(c["rawBytes"].as_str().unwrap()).unwrap(),
            )
        })
        .collect();
    format!(
        "apiVersion: policy.sigstore.dev/v1alpha1\nkind: TrustRoot\nmetadata:\n  name: {name}\nspec:\n  sigstoreKeys:\n    certificateAuthorities:\n    - subject: {{organization: test, commonName: test}}\n      uri: https://fulcio.test.invalid\n      certChain: {}\n    tLogs:\n{}    ctLogs:\n{}",
        B64.encode(chain),
        logs("tlogs"),
        logs("ctlogs"),
    )
}

/// The vectors' in-cluster identities replaced by the test Sigstore's (`subject` for the
/// regexps' subject), the globs by the test image's.
fn substitute(vector: &str, subject: &str) -> String {
    vector
        .replace("issuerRegExp: .*kubernetes.default.*", "issuer: https://accounts.google.com")
        .replace(
            "subjectRegExp: .*kubernetes.io/namespaces/default/serviceaccounts/default",
            &format!("subjectRegExp: {}", regex_escape(subject)),
        )
        .replace("issuer: https://token.actions.githubusercontent.com", &format!("issuer: {GOOGLE}"))
        .replace(
            "subject: \"https://github.com/sigstore/policy-controller/.github/workflows/policy-tester-examples.yml@refs/heads/main\"",
            &format!("subject: {subject}"),
        )
}

fn regex_escape(s: &str) -> String {
    s.replace('.', r"\.")
}

/// Keyless ClusterImagePolicies from policy-controller's repository: the right identity
/// verifies (the policy and its origin named), another is `identity-mismatch` (exit 1), and
/// in `mode: warn` the mismatch is reported without failing the run.
#[test]
fn cluster_image_policy_keyless_and_warn() {
    let f = Fixture::new();
    let good = f.policy(
        "github.yaml",
        &substitute(&vector("cip-keyless-github-actions.yaml"), EMAIL),
    );
    let (code, json, stderr) = f.run(&["--policy", &good, &f.signed]);
    let e = &json["images"][0];
    assert_eq!(
        (code, e["verdict"].as_str()),
        (0, Some("verified")),
        "{e:#}\n{stderr}"
    );
    assert_eq!(e["policy"], "image-is-signed-by-github-actions");
    assert_eq!(e["origin"]["kind"], "ClusterImagePolicy");
    assert_eq!(e["origin"]["name"], "image-is-signed-by-github-actions");
    assert_eq!(e["results"][0]["verdict"], "verified", "{e:#}");

    let wrong = f.policy(
        "github-wrong.yaml",
        &substitute(
            &vector("cip-keyless-github-actions.yaml"),
            "someone@else.example",
        ),
    );
    let (code, json, _) = f.run(&["--policy", &wrong, &f.signed]);
    let e = &json["images"][0];
    assert_eq!(
        (code, e["verdict"].as_str()),
        (1, Some("identity-mismatch")),
        "{e:#}"
    );
    assert_eq!(e["enforced"], true);

    let warn = f.policy(
        "warn.yaml",
        &substitute(&vector("cip-mode-warn.yaml"), "someone@else.example"),
    );
    let (code, json, _) = f.run(&["--policy", &warn, &f.signed]);
    let e = &json["images"][0];
    assert_eq!(
        (code, e["verdict"].as_str()),
        (0, Some("identity-mismatch")),
        "{e:#}"
    );
    assert_eq!(e["enforced"], false);
    assert_eq!(e["policy"], "image-policy-keyless-warn");
    let warn_ok = f.policy(
        "warn-ok.yaml",
        &substitute(&vector("cip-mode-warn.yaml"), EMAIL),
    );
    let (code, json, _) = f.run(&["--policy", &warn_ok, &f.signed]);
    assert_eq!((code, verdict(&json)), (0, "verified"), "{json:#}");
}

/// `static: {action: fail}` denies every image it covers, signed or not; `static: pass`
/// passes them without a signature; both ClusterImagePolicies apply, and the failing one
/// decides.
#[test]
fn cluster_image_policy_static() {
    let f = Fixture::new();
    let fail = f.policy("static-fail.yaml", &vector("cip-static-fail.yaml"));
    let (code, json, _) = f.run(&["--policy", &fail, &f.signed]);
    let e = &json["images"][0];
    assert_eq!((code, e["verdict"].as_str()), (1, Some("denied")), "{e:#}");
    assert_eq!(e["policy"], "image-policy-static-fail");
    // Its `message` is said with the failure.
    let with_message = f.policy(
        "static-fail-message.yaml",
        &format!(
            "{}      message: no demo images in production\n",
            vector("cip-static-fail.yaml")
        ),
    );
    let (_, json, _) = f.run(&["--policy", &with_message, &f.signed]);
    let detail = json["images"][0]["detail"].as_str().unwrap();
    assert!(
        detail.ends_with("disallowed by static policy (static: fail); policy message: no demo images in production"),
        "{detail}"
    );

    let pass_text = vector("cip-static-fail.yaml")
        .replace("action: fail", "action: pass")
        .replace("glob: \"**demo**\"", "glob: \"**plain**\"");
    let pass = f.policy("static-pass.yaml", &pass_text);
    let (code, json, stderr) = f.run(&["--policy", &pass, &f.unsigned]);
    let e = &json["images"][0];
    assert_eq!(
        (code, e["verdict"].as_str()),
        (0, Some("verified")),
        "{e:#}\n{stderr}"
    );
    assert!(
        e["detail"].as_str().unwrap().contains("static: pass"),
        "{e:#}"
    );

    // Both in one file, over both images: each image gets the policy whose glob covers it.
    let both = f.policy(
        "both.yaml",
        &format!("{}\n---\n{pass_text}", vector("cip-static-fail.yaml")),
    );
    let (code, json, _) = f.run(&["--policy", &both, &f.signed, &f.unsigned]);
    let verdicts: Vec<&str> = json["images"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["verdict"].as_str().unwrap())
        .collect();
    assert_eq!(
        (code, verdicts),
        (1, vec!["denied", "verified"]),
        "{json:#}"
    );
}

/// The CUE vector is refused naming `spec.authorities[0].attestations[0].policy` (exit 2);
/// with --skip-unsupported the image it covers fails as `unsupported` (exit 1), never passes.
#[test]
fn cue_policy_refused_or_unsupported() {
    let f = Fixture::new();
    let cue = f.policy("cue.yaml", &vector("cip-keyless-attestation-cue-spdx.yaml"));
    let out = crate::support::kubectl_verify()
        .args(["image", "--policy", &cue, &f.signed])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "cue.yaml:44:9: ClusterImagePolicy/keyless-attestation-sbom-spdxjson: \
             spec.authorities[0].attestations[0].policy: type cue: CUE and Rego policies are not \
             evaluated (--skip-unsupported reports it as `unsupported`)"
        ),
        "{stderr}"
    );
    let (code, json, _) = f.run(&["--policy", &cue, "--skip-unsupported", &f.signed]);
    let e = &json["images"][0];
    assert_eq!(
        (code, e["verdict"].as_str()),
        (1, Some("unsupported")),
        "{e:#}"
    );
    assert!(
        e["detail"]
            .as_str()
            .unwrap()
            .contains("spec.authorities[0].attestations[0].policy"),
        "{e:#}"
    );
}

/// A TrustRoot holding the test Sigstore's keys, named by `keyless.trustRootRef` and
/// `ctlog.trustRootRef`, verifies without --trusted-root; without the reference the run's
/// (embedded) root does not trust the test CA.
#[test]
fn trust_root_ref_uses_the_trust_root_document() {
    let f = Fixture::new();
    let cip = |with_ref: bool| {
        let refs = if with_ref {
            "      trustRootRef: test-sigstore\n"
        } else {
            ""
        };
        let ctlog_ref = if with_ref {
            "\n      trustRootRef: test-sigstore"
        } else {
            ""
        };
        format!(
            "{}---\napiVersion: policy.sigstore.dev/v1beta1\nkind: ClusterImagePolicy\nmetadata:\n  name: own-sigstore\nspec:\n  images:\n  - glob: \"**demo**\"\n  authorities:\n  - keyless:\n      url: https://fulcio.test.invalid\n{refs}      identities:\n      - issuer: {GOOGLE}\n        subject: {EMAIL}\n    ctlog:\n      url: https://rekor.test.invalid{ctlog_ref}\n",
            f.trust_root_doc("test-sigstore")
        )
    };
    let run = |path: &str| run_json(&["--insecure-registry", &f.host, "--policy", path, &f.signed]);
    let with = f.policy("trustroot.yaml", &cip(true));
    let (code, json, stderr) = run(&with);
    let e = &json["images"][0];
    assert_eq!(
        (code, e["verdict"].as_str()),
        (0, Some("verified")),
        "{e:#}\n{stderr}"
    );
    let without = f.policy("no-trustroot.yaml", &cip(false));
    let (code, json, _) = run(&without);
    assert_eq!(
        (code, verdict(&json)),
        (1, "untrusted-certificate"),
        "{json:#}"
    );
}

/// `policy explain` prints how the vectors were understood (snapshot), and its JSON is the
/// README's `PolicyExplanation` example's shape.
#[test]
fn policy_explain_snapshot() {
    let (code, stdout, stderr) = explain(&[
        "cip-key-and-keyless-ignore-sct.yaml",
        "cip-match-resource-label.yaml",
        "cip-static-fail.yaml",
        "cip-v1beta1-source-oci.yaml",
        "trustroot-sigstorekeys.yaml",
    ]);
    assert_eq!(code, 0, "{stderr}");
    crate::support::check_snapshot("policies/snapshots", "explain.txt", &stdout);
    let (code, stdout, stderr) = explain(&[
        "-o",
        "json",
        "--skip-unsupported",
        "cip-keyless-attestation-cue-spdx.yaml",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let json: Value = serde_json::from_str(&stdout).unwrap();
    crate::readme::assert_readme_json_keys("PolicyExplanation", &json);
}

/// `policy explain --help` (snapshot: CLI changes show in review).
#[test]
fn policy_explain_help_snapshot() {
    let out = crate::support::kubectl_verify()
        .args(["policy", "explain", "--help"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    crate::support::check_snapshot(
        "policies/snapshots",
        "explain-help.txt",
        &String::from_utf8_lossy(&out.stdout),
    );
}

/// `source.oci` (policy-controller's e2e policy, identities substituted): the authority's
/// signatures are looked for in that repository; without it the image is unsigned.
#[test]
fn source_oci_is_the_signature_repository() {
    let f = Fixture::new();
    let reg = &f.reg;
    let id = f.s.keyless(EMAIL, GOOGLE);
    let digest = reg.push_image("elsewhere-demo", "v1");
    let payload = simple_signing_payload(&format!("{}/elsewhere-demo", f.host), &digest);
    push_legacy(
        reg,
        "signatures",
        &digest,
        &[f.s.legacy_layer(Signer::Keyless(&id), &payload)],
    );
    let image = format!("{}/elsewhere-demo:v1", f.host);
    let text = substitute(&vector("cip-v1beta1-source-oci.yaml"), EMAIL);
    let with = f.policy(
        "source.yaml",
        &text.replace(
            "oci: registry.local:5000/policy-controller/demo",
            &format!("oci: {}/signatures", f.host),
        ),
    );
    let (code, json, stderr) = f.run(&["--policy", &with, &image]);
    let e = &json["images"][0];
    assert_eq!(
        (code, e["verdict"].as_str()),
        (0, Some("verified")),
        "{e:#}\n{stderr}"
    );
    let without = f.policy(
        "no-source.yaml",
        &text.replace(
            "    source:\n    - oci: registry.local:5000/policy-controller/demo\n",
            "",
        ),
    );
    let (code, json, _) = f.run(&["--policy", &without, &image]);
    assert_eq!((code, verdict(&json)), (1, "unsigned"), "{json:#}");
}

/// `match` (policy-controller's e2e shape): a policy for `pods` labelled `match: match`
/// applies to such a Pod in a manifest, not to an unlabelled Pod using the same image, nor to
/// a labelled Deployment (resource `deployments`): the uses of one image get different
/// verdicts.
#[test]
fn match_applies_to_the_objects_it_selects() {
    let f = Fixture::new();
    let cip = f.policy(
        "match.yaml",
        &vector("cip-match-resource-label.yaml")
            .replace("glob: \"**demo**\"", "glob: \"**plain**\"")
            .split("  authorities:")
            .next()
            .map(|head| format!("{head}  authorities:\n  - static:\n      action: fail\n"))
            .unwrap(),
    );
    let manifest = format!(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: labelled\n  labels: {{match: match}}\nspec:\n  containers:\n  - name: c\n    image: {img}\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: other\nspec:\n  containers:\n  - name: c\n    image: {img}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: deploy\n  labels: {{match: match}}\nspec:\n  template:\n    metadata:\n      labels: {{match: match}}\n    spec:\n      containers:\n      - name: c\n        image: {img}\n",
        img = f.unsigned
    );
    let path = f.s.dir().join("pods.yaml");
    std::fs::write(&path, manifest).unwrap();
    let root = f.s.trusted_root_path();
    let out = crate::support::kubectl_verify()
        .args([
            "manifests",
            "-o",
            "json",
            "--allow-unmatched",
            "--insecure-registry",
            &f.host,
        ])
        .args(["--trusted-root", root.to_str().unwrap(), "--policy", &cip])
        .arg(&path)
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{json:#}");
    let entries: Vec<(&str, Vec<u64>)> = json["images"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["verdict"].as_str().unwrap(),
                e["sources"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|s| s["line"].as_u64().unwrap())
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        entries,
        [("denied", vec![9]), ("no-policy", vec![18, 32])],
        "{json:#}"
    );
}
