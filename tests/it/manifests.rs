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

/// Runs `manifests` in `dir`, returning (exit code, stdout, stderr).
fn manifests_in(
    dir: &std::path::Path,
    args: &[&str],
    stdin: Option<&str>,
) -> (Option<i32>, String, String) {
    let mut cmd = kubectl_verify();
    cmd.current_dir(dir).arg("manifests").args(args);
    if let Some(s) = stdin {
        cmd.write_stdin(s);
    }
    let out = cmd.output().unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn document(stdout: &str, stderr: &str) -> Value {
    serde_json::from_str(stdout).unwrap_or_else(|e| panic!("{e}: {stdout:?}\n{stderr}"))
}

/// A Helm chart as it is checked in: templates that are not YAML, next to YAML without images.
fn unrendered_chart(root: &std::path::Path) {
    std::fs::create_dir_all(root.join("chart/templates")).unwrap();
    std::fs::write(
        root.join("chart/Chart.yaml"),
        "apiVersion: v2\nname: web\nversion: 0.1.0\n",
    )
    .unwrap();
    std::fs::write(
        root.join("chart/values.yaml"),
        "image:\n  repository: nginx\n  tag: \"1.27\"\n",
    )
    .unwrap();
    std::fs::write(
        root.join("chart/templates/deploy.yaml"),
        "{{- if .Values.enabled }}\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include \"web.fullname\" . }}\nspec:\n  template:\n    spec:\n      containers:\n      - name: web\n        image: \"{{ .Values.image.repository }}:{{ .Values.image.tag }}\"\n{{- end }}\n",
    )
    .unwrap();
}

/// Issue 9: nothing read was "no images found" and exit 0 — a directory whose manifests are
/// in subdirectories (no -R), an empty directory, empty stdin, and `kubectl get … -o yaml |
/// kubectl verify manifests -` when kubectl failed. Each is exit 2 with a line saying so, and
/// `-o json` still prints a whole document with `errors[]`.
#[test]
fn no_input_is_exit_2_and_still_a_document() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(tmp.path().join("k8s/apps")).unwrap();
    std::fs::write(tmp.path().join("k8s/apps/cm.yaml"), "kind: ConfigMap\n").unwrap();
    std::fs::create_dir(tmp.path().join("empty")).unwrap();
    let cases: &[(&[&str], Option<&str>, &str)] = &[
        (
            &["k8s"],
            None,
            "k8s: no .yaml, .yml or .json files (use -R for subdirectories)",
        ),
        (&["empty"], None, "empty: no .yaml, .yml or .json files"),
        (
            &["-"],
            Some(""),
            "<stdin>: empty: nothing was written to it",
        ),
        (&["-f", "-"], Some("\n  \n"), "<stdin>: empty"),
    ];
    for (args, stdin, line) in cases {
        let (code, stdout, stderr) = manifests_in(tmp.path(), args, *stdin);
        assert_eq!(code, Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(line), "{args:?}: {stderr}");
        assert!(
            stderr.contains("error: no input: nothing was read"),
            "{args:?}: {stderr}"
        );
        assert!(!stderr.contains("no images found"), "{stderr}");
        assert!(stdout.is_empty(), "a table run prints no table: {stdout}");

        let mut json_args = args.to_vec();
        json_args.extend(["-o", "json"]);
        let (code, stdout, stderr) = manifests_in(tmp.path(), &json_args, *stdin);
        assert_eq!(code, Some(2), "{args:?}: {stderr}");
        let doc = document(&stdout, &stderr);
        assert_eq!(doc["kind"], "ImageVerificationReport");
        assert_eq!(doc["summary"]["total"], 0);
        assert!(
            doc["errors"][0]["message"]
                .as_str()
                .unwrap()
                .starts_with("no input"),
            "{doc:#}"
        );
        assert!(
            doc["skipped"].as_array().is_some_and(|s| s.len() == 1),
            "{doc:#}"
        );
    }
    let (code, stdout, _) = manifests_in(tmp.path(), &["-", "-o", "yaml"], Some(""));
    assert_eq!(code, Some(2));
    assert!(
        stdout.starts_with("apiVersion: kubectl-verify/v1\n"),
        "{stdout}"
    );

    // The pipeline of the issue, with the real kubectl failing to reach any cluster.
    let program = assert_cmd::cargo::cargo_bin("kubectl-verify");
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(r#"kubectl get pods -o yaml --kubeconfig "$1/missing-kubeconfig" | "$0" manifests - -o json"#)
        .arg(&program)
        .arg(tmp.path())
        .env_remove("KUBECONFIG")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    let doc = document(&String::from_utf8_lossy(&out.stdout), &stderr);
    assert_eq!(doc["skipped"][0]["reason"], "empty", "{doc:#}");
}

/// Issue 9: `manifests -R chart/` on an unrendered chart was exit 0, "no images found": its
/// templates were skipped with a warning. A template is not verified, so it fails the run and
/// is listed in the report.
#[test]
fn an_unrendered_chart_is_not_verified_and_fails() {
    let tmp = tempfile::tempdir().unwrap();
    unrendered_chart(tmp.path());
    let (code, stdout, stderr) = manifests_in(tmp.path(), &["-R", "chart"], None);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "chart/templates/deploy.yaml:1:1: does not parse as YAML and contains {{ … }}"
        ),
        "{stderr}"
    );
    assert!(stdout.starts_with("NOT VERIFIED "), "{stdout}");
    assert!(
        stdout.contains("chart/templates/deploy.yaml:1:1   templated   "),
        "{stdout}"
    );
    assert!(stdout.ends_with("0 images; 1 not verified\n"), "{stdout}");

    let (code, stdout, stderr) = manifests_in(tmp.path(), &["-R", "chart", "-o", "json"], None);
    assert_eq!(code, Some(1), "{stderr}");
    let doc = document(&stdout, &stderr);
    let skipped = &doc["skipped"][0];
    assert_eq!(skipped["file"], "chart/templates/deploy.yaml");
    assert_eq!(skipped["reason"], "templated");
    assert_eq!(
        (skipped["line"].as_u64(), skipped["column"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(doc["summary"]["skipped"], 1);
    assert!(doc.get("errors").is_none(), "{doc:#}");
}

/// Issue 9: inputs that parse but hold no image are a clean run that says `0 images`, in the
/// table and in the document.
#[test]
fn inputs_without_images_report_0_images() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("cm.yaml"),
        "apiVersion: v1\nkind: ConfigMap\ndata: {image: nginx:1}\n",
    )
    .unwrap();
    let (code, stdout, stderr) = manifests_in(tmp.path(), &["cm.yaml"], None);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(stdout, "0 images\n");
    let (code, stdout, stderr) =
        manifests_in(tmp.path(), &["-", "-o", "json"], Some("kind: Service\n"));
    assert_eq!(code, Some(0), "{stderr}");
    let doc = document(&stdout, &stderr);
    assert_eq!(doc["summary"]["total"], 0);
    assert_eq!(doc["images"], Value::Array(Vec::new()));
}

/// Issue 9: a runtime error with `-o json` printed zero bytes; the document carries `errors[]`.
#[test]
fn a_runtime_error_still_writes_the_document() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("pod.yaml"),
        "kind: Pod\nspec:\n  containers:\n  - image: a/b:1\n",
    )
    .unwrap();
    let (code, stdout, stderr) = manifests_in(
        tmp.path(),
        &["pod.yaml", "--policy", "missing-policy.yaml", "-o", "json"],
        None,
    );
    assert_eq!(code, Some(2), "{stderr}");
    let doc = document(&stdout, &stderr);
    assert!(
        doc["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("missing-policy.yaml"),
        "{doc:#}"
    );
    assert_eq!(doc["summary"]["total"], 0);
}

/// Issue 9 (point 4): `kubectl verify manifests -f deploy.yaml` was refused with a misleading
/// `'-- -f'` tip. `-f/--filename` is repeatable and reads as the positional paths do.
#[test]
fn filename_flag_names_inputs_as_kubectl_does() {
    let tmp = tempfile::tempdir().unwrap();
    for name in ["a.yaml", "b.yaml", "c.yaml"] {
        std::fs::write(
            tmp.path().join(name),
            "kind: Pod\nspec:\n  containers:\n  - image: Bad:1\n",
        )
        .unwrap();
    }
    // Invalid references: proof each file was read, with no registry needed.
    let (code, _, stderr) = manifests_in(
        tmp.path(),
        &["-f", "a.yaml", "--filename", "b.yaml", "c.yaml"],
        None,
    );
    assert_eq!(code, Some(1), "{stderr}");
    for name in ["a.yaml:4:12:", "b.yaml:4:12:", "c.yaml:4:12:"] {
        assert!(stderr.contains(name), "{name}: {stderr}");
    }
    let (code, _, stderr) = manifests_in(tmp.path(), &[], None);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("<PATH|->"), "{stderr}");
    assert!(!stderr.contains("'-- -f'"), "{stderr}");
}

/// Issue 9 (point 2): a rendered chart whose PrometheusRule holds `{{ $labels.pod }}` in a
/// quoted annotation and in a comment was skipped as a template: its images went unverified.
/// It is YAML, so it is verified (`manifests`) and pinned (`pin --verify -`) as any file.
#[test]
fn a_rendered_chart_with_go_templates_in_strings_is_verified_and_pinned() {
    let s = TestSigstore::new();
    let reg = TestRegistry::plain();
    let host = reg.host();
    let release = s.keyless(EMAIL, GOOGLE);
    let web = reg.push_image("app/web", "1");
    push_legacy(
        &reg,
        "app/web",
        &web,
        &[s.legacy_layer(
            Signer::Keyless(&release),
            &simple_signing_payload("registry.example.com/app/web", &web),
        )],
    );
    let rendered = "\
# Source: web/templates/rules.yaml ({{ $labels.pod }} is filled in by Prometheus)
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata: {name: web}
spec:
  groups:
  - name: web
    rules:
    - alert: PodDown
      expr: up == 0
      annotations:
        summary: \"{{ $labels.pod }} is down\"   # {{ $labels.namespace }}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      containers:
      - name: web
        image: registry.example.com/app/web:1
";
    let tmp = tempfile::tempdir().unwrap();
    let root = s.trusted_root_path();
    let mirror = format!("registry.example.com={host}");
    let flags = [
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
    ];
    let mut args = vec!["-", "-o", "json"];
    args.extend(flags);
    let (code, stdout, stderr) = manifests_in(tmp.path(), &args, Some(rendered));
    assert_eq!(code, Some(0), "{stderr}");
    let doc = document(&stdout, &stderr);
    assert_eq!(doc["images"][0]["verdict"], "verified", "{doc:#}");
    assert_eq!(doc["images"][0]["sources"][0]["line"], 22);

    let out = kubectl_verify()
        .current_dir(tmp.path())
        .args(["pin", "--verify", "-"])
        .args(flags)
        .write_stdin(rendered)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        rendered.replace(
            "registry.example.com/app/web:1",
            &format!("registry.example.com/app/web@{web}")
        )
    );
}

/// Issue 9 (point 6): the table says where each image was found (the first place, and how
/// many more) and which policy applied, ends with a summary line, and gives the no-policy
/// hint once under the rows.
#[test]
fn the_table_says_where_and_which_policy_with_a_summary() {
    let s = TestSigstore::new();
    let reg = TestRegistry::plain();
    let host = reg.host();
    let release = s.keyless(EMAIL, GOOGLE);
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
    reg.push_image("tools/sidecar", "1");
    reg.push_image("other/a", "1");
    reg.push_image("other/b", "1");
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("deploy.yaml"),
        format!(
            "{DEPLOY}---\nkind: Pod\nspec:\n  containers:\n  - image: registry.example.com/other/a:1\n  - image: registry.example.com/other/b:1\n"
        ),
    )
    .unwrap();
    std::fs::write(tmp.path().join("policy.yaml"), POLICY).unwrap();
    let root = s.trusted_root_path();
    let mirror = format!("registry.example.com={host}");
    let (code, stdout, stderr) = manifests_in(
        tmp.path(),
        &[
            "deploy.yaml",
            "--policy",
            "policy.yaml",
            "--trusted-root",
            root.to_str().unwrap(),
            "--registry-mirror",
            &mirror,
            "--insecure-registry",
            &host,
        ],
        None,
    );
    assert_eq!(code, Some(1), "{stdout}\n{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(lines[0].starts_with("IMAGE "), "{stdout}");
    assert!(lines[0].contains(" VERDICT     USED BY "), "{stdout}");
    assert!(lines[0].contains(" POLICY "), "{stdout}");
    let row = |r: &str| {
        *lines
            .iter()
            .find(|l| l.starts_with(r))
            .unwrap_or_else(|| panic!("{r}: {stdout}"))
    };
    let web_row = row("registry.example.com/app/web:1 ");
    assert!(web_row.contains("deploy.yaml:13 (+1) "), "{web_row}");
    assert!(web_row.contains("   apps   "), "{web_row}");
    assert!(
        row("registry.example.com/tools/sidecar:1 ").contains("   tools   "),
        "{stdout}"
    );
    let hint = "--key, or --policy";
    let a_row = row("registry.example.com/other/a:1 ");
    assert!(a_row.contains("no-policy"), "{a_row}");
    assert!(
        !a_row.contains(hint),
        "the hint is not repeated per row: {a_row}"
    );
    assert_eq!(
        &lines[lines.len() - 2..],
        [
            "5 images: 2 verified, 1 unsigned, 2 no-policy (1 not enforced)",
            "hint: no policy covers 2 images: give --certificate-identity and --certificate-oidc-issuer, --key, or --policy; --allow-unmatched skips it",
        ],
        "{stdout}"
    );
}
