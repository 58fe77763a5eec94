//! `kubectl verify manifests`: every image a set of manifests runs, verified once per digest,
//! held to a policy file.
#![allow(clippy::unwrap_used)] // test setup: a failure is a broken fixture

use serde_json::Value;

use crate::image::{push_bundle, push_legacy};
use crate::support::kubectl_verify;
use crate::support::registry::TestRegistry;
use crate::support::sigstore::{Signer, TestSigstore, simple_signing_payload};

const EMAIL: &str = "releaser@example.com";
const SECOND: &str = "security@example.com";
const GOOGLE: &str = "https://accounts.google.com";

const DEPLOY: &str = r#"# the app
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      initContainers:
      - name: init
        image: registry.example.com/app/init:1
      containers:
      - name: web
        image: "registry.example.com/app/web:1"
      - name: sidecar
        image: registry.example.com/tools/sidecar:1
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec:
  jobTemplate:
    spec:
      template:
        spec:
          containers:
          - {name: job, image: registry.example.com/app/web:1}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: not-images}
data:
  image: registry.example.com/app/evil:1
  script: |
    image: registry.example.com/app/evil:2
"#;

const POD: &str = r#"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"api"},
 "spec":{"containers":[{"name":"api","image":"registry.example.com/app/api:1"}]}}"#;

const POLICY: &str = r#"
policies:
- name: apps
  images:
  - glob: "registry.example.com/app/*"
  authorities:
  - keyless:
      identities:
      - {subject: releaser@example.com, issuer: "https://accounts.google.com"}
- name: api-two-signers
  images: ["registry.example.com/app/api"]
  count: 2
  authorities:
  - name: release
    keyless:
      identities:
      - {subject: releaser@example.com, issuer: "https://accounts.google.com"}
  - name: security
    keyless:
      identities:
      - {subjectRegExp: 'security@example\.com', issuerRegExp: 'https://accounts\.google\.com'}
- name: tools
  mode: warn
  images: ["registry.example.com/tools/**"]
  authorities:
  - keyless:
      identities:
      - {subject: releaser@example.com, issuer: "https://accounts.google.com"}
"#;

/// Images are found by structure (not in ConfigMaps), verified once per digest, held to the
/// policy file (M-of-N, warn mode), and each reference lists where it was found; an invalid
/// reference is reported with file:line:col and fails the run.
#[test]
fn manifests_are_verified_under_a_policy_file() {
    let s = TestSigstore::new();
    let reg = TestRegistry::plain();
    let host = reg.host();
    let release = s.keyless(EMAIL, GOOGLE);
    let security = s.keyless(SECOND, GOOGLE);
    let payload =
        |repo: &str, d: &str| simple_signing_payload(&format!("registry.example.com/{repo}"), d);

    let web = reg.push_image("app/web", "1");
    push_legacy(
        &reg,
        "app/web",
        &web,
        &[s.legacy_layer(Signer::Keyless(&release), &payload("app/web", &web))],
    );
    let init = reg.push_image("app/init", "1");
    push_bundle(
        &reg,
        "app/init",
        &init,
        &s.bundle_v03(Signer::Keyless(&release), &init),
    );
    let api = reg.push_image("app/api", "1");
    push_legacy(
        &reg,
        "app/api",
        &api,
        &[
            s.legacy_layer(Signer::Keyless(&release), &payload("app/api", &api)),
            s.legacy_layer(Signer::Keyless(&security), &payload("app/api", &api)),
        ],
    );
    reg.push_image("tools/sidecar", "1");

    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("k8s")).unwrap();
    std::fs::write(dir.path().join("k8s/deploy.yaml"), DEPLOY).unwrap();
    std::fs::create_dir(dir.path().join("k8s/pods")).unwrap();
    std::fs::write(dir.path().join("k8s/pods/api.json"), POD).unwrap();
    std::fs::write(dir.path().join("policy.yaml"), POLICY).unwrap();
    let root = s.trusted_root_path();
    let mirror = format!("registry.example.com={host}");
    let run = |extra: &[&str]| {
        let out = kubectl_verify()
            .current_dir(dir.path())
            .args([
                "manifests",
                "-R",
                "k8s",
                "--policy",
                "policy.yaml",
                "-o",
                "json",
            ])
            .args(["--trusted-root", root.to_str().unwrap()])
            .args(["--registry-mirror", &mirror, "--insecure-registry", &host])
            .args(extra)
            .output()
            .unwrap();
        let stdout = String::from_utf8(out.stdout).unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        let json: Value =
            serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}\n{stderr}"));
        (out.status.code(), json, stderr)
    };

    let (code, json, stderr) = run(&[]);
    assert_eq!(code, Some(0), "{json:#}\n{stderr}");
    let images = json["images"].as_array().unwrap();
    let by_ref = |r: &str| {
        images
            .iter()
            .find(|i| i["reference"] == r)
            .unwrap_or_else(|| panic!("{r} missing in {json:#}"))
    };
    assert_eq!(images.len(), 4, "{json:#}");
    assert!(
        !json.to_string().contains("evil"),
        "ConfigMap data is not an image"
    );
    let w = by_ref("registry.example.com/app/web:1");
    assert_eq!(w["verdict"], "verified");
    assert_eq!(w["sources"].as_array().unwrap().len(), 2, "{w:#}");
    assert_eq!(w["sources"][0]["file"], "k8s/deploy.yaml");
    assert_eq!(w["sources"][0]["line"], 13);
    assert_eq!(
        by_ref("registry.example.com/app/init:1")["format"],
        "bundle"
    );
    let a = by_ref("registry.example.com/app/api:1");
    assert_eq!(a["verdict"], "verified", "{a:#}");
    assert_eq!(a["sources"][0]["file"], "k8s/pods/api.json");
    let side = by_ref("registry.example.com/tools/sidecar:1");
    assert_eq!(side["verdict"], "unsigned");
    assert_eq!(side["enforced"], false);
    assert_eq!(side["policy"], "tools");
    assert_eq!(json["summary"]["warned"], 1);

    // The api image with only one of its two signers fails the M-of-N policy.
    let api2 = reg.push_image("app/api", "2");
    push_legacy(
        &reg,
        "app/api",
        &api2,
        &[s.legacy_layer(Signer::Keyless(&release), &payload("app/api", &api2))],
    );
    std::fs::write(
        dir.path().join("k8s/pods/api.json"),
        POD.replace("api:1", "api:2"),
    )
    .unwrap();
    let (code, json, _) = run(&[]);
    assert_eq!(code, Some(1), "{json:#}");
    let a = json["images"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["reference"] == "registry.example.com/app/api:2")
        .unwrap();
    assert_eq!(a["verdict"], "identity-mismatch", "{a:#}");
    assert_eq!(a["policy"], "api-two-signers");
    assert!(
        a["detail"].as_str().unwrap().contains("only 1 of the 2"),
        "{a:#}"
    );

    // An invalid reference: file:line:col on stderr, the rest still verified, exit 1.
    std::fs::write(dir.path().join("k8s/pods/api.json"), POD).unwrap();
    std::fs::write(
        dir.path().join("k8s/bad.yaml"),
        "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: x\n    image: Registry.example.com/App:1\n",
    )
    .unwrap();
    let (code, json, stderr) = run(&[]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("k8s/bad.yaml:6:12:"), "{stderr}");
    assert_eq!(json["images"].as_array().unwrap().len(), 4);
}

/// A policy file with a mistake is an error naming file:line:col (exit 2), before any lookup.
#[test]
fn a_broken_policy_file_names_the_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("policy.yaml"),
        "policies:\n- images: [\"a/*\"]\n  mode: audit\n  authorities:\n  - key: {path: k.pub}\n- images: [\"b/*\"]\n  authorities:\n  - key: {path: missing.pub}\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("pod.yaml"),
        "kind: Pod\nspec:\n  containers:\n  - image: a/b:1\n",
    )
    .unwrap();
    let out = kubectl_verify()
        .current_dir(dir.path())
        .args(["manifests", "pod.yaml", "--policy", "policy.yaml"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("policy.yaml:3:9: `mode` must be `enforce` or `warn`"),
        "{stderr}"
    );
}
