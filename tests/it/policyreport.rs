//! `-o policyreport` / `-o openreports` and `--policy-from-cluster` (issue 13): the reports
//! validated against the CRDs' schemas, and applied with the real `kubectl apply
//! --dry-run=server` against the test API server, which serves the report kinds and validates
//! them as the real server does (support/kubeapi.rs: `register_crd`, `validate`).
#![allow(clippy::unwrap_used)] // test setup: a failure is a broken fixture

use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;

use crate::cluster::{K8sRegistry, cluster_with_token, kubectl_with_plugin};
use crate::support::kubeapi::fixtures::{self, C};
use crate::support::kubeapi::{KubeApi, crd_from_yaml, kubectl, validate};

fn crd_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/policies/policyreport")
}

/// The four report CRDs (PolicyReport, ClusterPolicyReport, Report, ClusterReport) as JSON.
fn report_crds() -> Vec<Value> {
    [
        "crd-kyverno-wgpolicyk8s.io_policyreports.yaml",
        "crd-kyverno-wgpolicyk8s.io_clusterpolicyreports.yaml",
        "crd-openreports.io_reports.yaml",
        "crd-openreports.io_clusterreports.yaml",
    ]
    .iter()
    .map(|f| crd_from_yaml(&std::fs::read_to_string(crd_dir().join(f)).unwrap()))
    .collect()
}

/// The `openAPIV3Schema` of the CRD serving `kind`.
fn schema_of(kind: &str) -> Value {
    let crd = report_crds()
        .into_iter()
        .find(|c| c["spec"]["names"]["kind"] == kind)
        .unwrap_or_else(|| panic!("no CRD for {kind}"));
    crd["spec"]["versions"][0]["schema"]["openAPIV3Schema"].clone()
}

/// Every document of a multi-document YAML stream.
fn documents(text: &str) -> Vec<Value> {
    serde_saphyr::from_multiple::<Value>(text)
        .unwrap_or_else(|e| panic!("not YAML documents ({e}):\n{text}"))
}

/// Each document valid against its CRD's schema, with no field the schema does not declare.
fn assert_valid(docs: &[Value]) {
    for d in docs {
        let v = validate(&schema_of(d["kind"].as_str().unwrap()), d);
        assert!(
            v.invalid.is_empty() && v.unknown.is_empty(),
            "{:?} {:?}\n{d:#}",
            v.invalid,
            v.unknown
        );
    }
}

/// `kubectl apply --dry-run=server -f -` (the real kubectl) with `stdin`.
fn apply(home: &Path, kubeconfig: &Path, stdin: &str, extra: &[&str]) -> Output {
    kubectl(home, kubeconfig)
        .args(["apply", "--dry-run=server", "-f", "-"])
        .args(extra)
        .write_stdin(stdin)
        .output()
        .unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A cluster with pods in two namespaces, one signed and one not, and registry.k8s.io
/// mirrored to the test registry (the built-in policy applies).
struct Fixture {
    k: K8sRegistry,
    api: KubeApi,
    tmp: tempfile::TempDir,
    kubeconfig: PathBuf,
    signed: String,
    unsigned: String,
}

fn fixture() -> Fixture {
    let k = K8sRegistry::new();
    let signed = k.push_signed("pause", "3.10");
    let unsigned = k.push("etcd", "3.5.16-0");
    let api = KubeApi::start();
    for crd in report_crds() {
        api.register_crd(&crd);
    }
    let pause_id = format!("registry.k8s.io/pause@{signed}");
    let etcd_id = format!("registry.k8s.io/etcd@{unsigned}");
    api.add_all([
        fixtures::pod(
            "team-a",
            "web",
            &[],
            &[C {
                name: "pause",
                image: "registry.k8s.io/pause:3.10",
                image_id: Some(&pause_id),
            }],
        ),
        fixtures::pod(
            "kube-system",
            "etcd-kind-control-plane",
            &[],
            &[C {
                name: "etcd",
                image: "registry.k8s.io/etcd:3.5.16-0",
                image_id: Some(&etcd_id),
            }],
        ),
    ]);
    let tmp = tempfile::tempdir().unwrap();
    let kubeconfig = cluster_with_token(&api, tmp.path(), None);
    Fixture {
        k,
        api,
        tmp,
        kubeconfig,
        signed,
        unsigned,
    }
}

impl Fixture {
    /// `kubectl verify ARGS` through the real kubectl (plugin on PATH).
    fn verify(&self, args: &[&str]) -> Output {
        kubectl_with_plugin(self.tmp.path(), &self.kubeconfig)
            .arg("verify")
            .args(args)
            .args(self.k.flags())
            .output()
            .unwrap()
    }
}

/// Issue 13's "Show": `kubectl verify pods -A -o policyreport | kubectl apply
/// --dry-run=server -f -` through the real kubectl is accepted by a server that validates
/// the reports against the PolicyReport CRD's schema, one report per namespace, each result
/// naming the pod, the policy and the verdict.
#[test]
fn pods_policyreport_is_accepted_by_kubectl_apply_dry_run_server() {
    let f = fixture();
    let out = f.verify(&["pods", "-A", "-o", "policyreport"]);
    let yaml = text(&out.stdout);
    // The unsigned etcd fails the run, as with every other output.
    assert_eq!(out.status.code(), Some(1), "{yaml}\n{}", text(&out.stderr));
    let docs = documents(&yaml);
    assert_valid(&docs);
    let names: Vec<(&str, &str, &str)> = docs
        .iter()
        .map(|d| {
            (
                d["kind"].as_str().unwrap(),
                d["metadata"]["namespace"].as_str().unwrap_or("-"),
                d["metadata"]["name"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        names,
        [
            ("PolicyReport", "kube-system", "kubectl-verify-kube-system"),
            ("PolicyReport", "team-a", "kubectl-verify-team-a"),
        ],
        "{yaml}"
    );
    let etcd = &docs[0]["results"][0];
    assert_eq!(etcd["result"], "fail", "{yaml}");
    assert_eq!(etcd["policy"], "builtin:kubernetes");
    assert_eq!(etcd["source"], "kubectl-verify");
    assert_eq!(etcd["properties"]["verdict"], "unsigned");
    assert_eq!(etcd["properties"]["digest"], f.unsigned.as_str());
    assert_eq!(etcd["resources"][0]["kind"], "Pod");
    assert_eq!(etcd["resources"][0]["apiVersion"], "v1");
    assert_eq!(etcd["resources"][0]["name"], "etcd-kind-control-plane");
    assert!(etcd["message"].as_str().unwrap().starts_with("unsigned: "));
    assert_eq!(docs[0]["summary"]["fail"], 1);
    let pause = &docs[1]["results"][0];
    assert_eq!(pause["result"], "pass", "{yaml}");
    assert_eq!(pause["properties"]["digest"], f.signed.as_str());
    assert!(
        pause["properties"]["signer"]
            .as_str()
            .unwrap()
            .starts_with("krel-trust@"),
        "{pause:#}"
    );
    assert!(
        pause["resources"][0]["uid"]
            .as_str()
            .is_some_and(|u| !u.is_empty())
    );
    assert!(pause["timestamp"]["seconds"].as_i64().unwrap() > 1_700_000_000);
    assert_eq!(
        docs[1]["metadata"]["labels"]["app.kubernetes.io/managed-by"],
        "kubectl-verify"
    );

    let applied = apply(f.tmp.path(), &f.kubeconfig, &yaml, &[]);
    assert!(applied.status.success(), "{}", text(&applied.stderr));
    assert_eq!(
        text(&applied.stdout),
        "policyreport.wgpolicyk8s.io/kubectl-verify-kube-system created (server dry run)\n\
         policyreport.wgpolicyk8s.io/kubectl-verify-team-a created (server dry run)\n"
    );
    // The server validated them: dry-run creates, with strict field validation.
    let posts: Vec<_> = f
        .api
        .requests()
        .into_iter()
        .filter(|r| r.method == "POST")
        .collect();
    assert_eq!(posts.len(), 2);
    for p in &posts {
        assert_eq!(p.param("dryRun").as_deref(), Some("All"), "{p:?}");
        assert_eq!(
            p.param("fieldValidation").as_deref(),
            Some("Strict"),
            "{p:?}"
        );
    }

    // Server-side apply takes them as well.
    let applied = apply(f.tmp.path(), &f.kubeconfig, &yaml, &["--server-side"]);
    assert!(applied.status.success(), "{}", text(&applied.stderr));
}

/// `-o openreports`: the same results as openreports.io Reports, accepted the same way.
#[test]
fn openreports_are_accepted_by_kubectl_apply_dry_run_server() {
    let f = fixture();
    let out = f.verify(&["pods", "-A", "-o", "openreports"]);
    let yaml = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{yaml}\n{}", text(&out.stderr));
    let docs = documents(&yaml);
    assert_valid(&docs);
    assert!(
        docs.iter()
            .all(|d| d["apiVersion"] == "openreports.io/v1alpha1" && d["kind"] == "Report"),
        "{yaml}"
    );
    assert_eq!(docs[0]["source"], "kubectl-verify");
    let applied = apply(f.tmp.path(), &f.kubeconfig, &yaml, &[]);
    assert!(applied.status.success(), "{}", text(&applied.stderr));
    assert_eq!(
        text(&applied.stdout),
        "report.openreports.io/kubectl-verify-kube-system created (server dry run)\n\
         report.openreports.io/kubectl-verify-team-a created (server dry run)\n"
    );
}

/// The validation can fail: a report with a `result` the CRD does not allow, or a field it
/// does not declare, is refused by the server (422 Invalid, strict decoding) and kubectl
/// says why — so the acceptance above means something.
#[test]
fn kubectl_apply_dry_run_server_refuses_a_broken_report() {
    let f = fixture();
    let out = f.verify(&["pods", "-n", "team-a", "-o", "policyreport"]);
    let yaml = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{yaml}\n{}", text(&out.stderr));
    assert!(yaml.contains("  result: pass\n"), "{yaml}");

    let bad_result = yaml.replace("  result: pass\n", "  result: passed\n");
    let refused = apply(f.tmp.path(), &f.kubeconfig, &bad_result, &[]);
    assert!(!refused.status.success());
    assert_eq!(
        text(&refused.stderr),
        "The PolicyReport \"kubectl-verify-team-a\" is invalid: results[0].result: Unsupported \
         value: \"passed\": supported values: \"pass\", \"fail\", \"warn\", \"error\", \"skip\"\n"
    );
    let v = validate(&schema_of("PolicyReport"), &documents(&bad_result)[0]);
    assert_eq!(v.invalid.len(), 1, "{:?}", v.invalid);

    let unknown = yaml.replace("  result: pass\n", "  result: pass\n  verdict: verified\n");
    let refused = apply(f.tmp.path(), &f.kubeconfig, &unknown, &[]);
    assert!(!refused.status.success());
    let stderr = text(&refused.stderr);
    assert!(
        stderr.contains("strict decoding error: unknown field \"results[0].verdict\""),
        "{stderr}"
    );

    let bad_name = yaml.replace("name: kubectl-verify-team-a", "name: Kubectl_Verify");
    let refused = apply(f.tmp.path(), &f.kubeconfig, &bad_name, &[]);
    assert!(!refused.status.success());
    assert!(text(&refused.stderr).contains("a lowercase RFC 1123 subdomain"));
}

/// Files and arguments have no namespace: their results go to the ClusterPolicyReport,
/// which kubectl applies at cluster scope.
#[test]
fn image_arguments_go_to_a_cluster_policy_report() {
    let f = fixture();
    let out = crate::support::kubectl_verify()
        .args(["image", "registry.k8s.io/pause:3.10", "-o", "policyreport"])
        .args(f.k.flags())
        .output()
        .unwrap();
    let yaml = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{yaml}\n{}", text(&out.stderr));
    let docs = documents(&yaml);
    assert_valid(&docs);
    assert_eq!(docs.len(), 1, "{yaml}");
    assert_eq!(docs[0]["kind"], "ClusterPolicyReport");
    assert_eq!(docs[0]["metadata"]["name"], "kubectl-verify");
    assert_eq!(
        docs[0]["results"][0]["properties"]["image"],
        "registry.k8s.io/pause:3.10"
    );
    assert_eq!(docs[0]["summary"]["pass"], 1);
    let applied = apply(f.tmp.path(), &f.kubeconfig, &yaml, &[]);
    assert!(applied.status.success(), "{}", text(&applied.stderr));
    assert_eq!(
        text(&applied.stdout),
        "clusterpolicyreport.wgpolicyk8s.io/kubectl-verify created (server dry run)\n"
    );
}

/// `--policy-from-cluster` on a cluster without the policy CRDs: one line per group that is
/// not installed, one for a kind the RBAC forbids listing, and one for namespace labels it
/// forbids reading; the run goes on with the other policies (here the built-in one) and
/// reports as usual.
#[test]
fn policy_from_cluster_missing_or_forbidden_kinds_are_one_line_each() {
    let f = fixture();
    // policy-controller is installed, but alice may not list its ClusterImagePolicies.
    f.api.register(
        "policy.sigstore.dev/v1beta1",
        "ClusterImagePolicy",
        "clusterimagepolicies",
        false,
        &[],
    );
    f.api.register(
        "policy.sigstore.dev/v1beta1",
        "TrustRoot",
        "trustroots",
        false,
        &[],
    );
    f.api
        .deny(Some("alice"), "list", "clusterimagepolicies", None);
    // Nor read namespaces, whose labels namespaceSelectors need.
    f.api.deny(Some("alice"), "get", "namespaces", None);
    let out = f.verify(&[
        "pods",
        "-n",
        "team-a",
        "--policy-from-cluster",
        "-o",
        "json",
    ]);
    let stderr = text(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}\n{stderr}",
        text(&out.stdout)
    );
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(
        lines,
        [
            "warning: --policy-from-cluster: namespace labels not read, so namespaceSelectors count as matching: namespaces \"team-a\" is forbidden: User \"alice\" cannot get resource \"namespaces\" in API group \"\" at the cluster scope (HTTP 403)",
            "warning: --policy-from-cluster: ClusterPolicy, Policy (kyverno.io) not installed: this cluster serves no such API group",
            "warning: --policy-from-cluster: ImageValidatingPolicy (policies.kyverno.io) not installed: this cluster serves no such API group",
            "warning: --policy-from-cluster: ClusterImagePolicy (policy.sigstore.dev/v1beta1) not read: clusterimagepolicies.policy.sigstore.dev is forbidden: User \"alice\" cannot list resource \"clusterimagepolicies\" in API group \"policy.sigstore.dev\" at the cluster scope (HTTP 403)",
            "warning: --policy-from-cluster: context kind-kind has no policy objects",
        ],
        "{stderr}"
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["images"][0]["verdict"], "verified", "{json:#}");
    // The TrustRoots were listed (empty), the forbidden kind was asked once.
    assert_eq!(f.api.list_requests("trustroots"), 1);
    assert_eq!(f.api.list_requests("clusterimagepolicies"), 1);
}

/// `--policy-from-cluster` reads one cluster, and a policy report is applied to one: with
/// `--all-contexts` either is a usage error.
#[test]
fn policy_from_cluster_and_reports_refuse_all_contexts() {
    let f = fixture();
    for (args, says) in [
        (
            &["pods", "-A", "--all-contexts", "--policy-from-cluster"][..],
            "--policy-from-cluster reads one cluster's policies",
        ),
        (
            &["pods", "-A", "--all-contexts", "-o", "policyreport"][..],
            "-o policyreport|openreports writes one cluster's reports",
        ),
    ] {
        let out = f.verify(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(text(&out.stdout).is_empty(), "{args:?}");
        assert!(text(&out.stderr).contains(says), "{}", text(&out.stderr));
    }
}

/// `manifests --policy-from-cluster` reads the kubeconfig's current context (here: the
/// kinds are not installed, one line each), and `-o policyreport` puts file uses in the
/// ClusterPolicyReport with their position.
#[test]
fn manifests_policy_from_cluster_uses_the_current_context() {
    let f = fixture();
    std::fs::write(
        f.tmp.path().join("pod.yaml"),
        "apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop}\nspec:\n  containers:\n  - name: app\n    image: registry.k8s.io/pause:3.10\n",
    )
    .unwrap();
    let out = crate::cluster::verify(&f.kubeconfig)
        .current_dir(f.tmp.path())
        .args([
            "manifests",
            "pod.yaml",
            "--policy-from-cluster",
            "-o",
            "policyreport",
        ])
        .args(f.k.flags())
        .output()
        .unwrap();
    let yaml = text(&out.stdout);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{yaml}\n{stderr}");
    assert_eq!(
        stderr
            .lines()
            .filter(|l| l.contains("not installed"))
            .count(),
        3,
        "{stderr}"
    );
    assert!(f.api.list_requests("pods") == 0, "manifests lists nothing");
    let docs = documents(&yaml);
    assert_valid(&docs);
    assert_eq!(docs.len(), 1, "{yaml}");
    assert_eq!(docs[0]["kind"], "ClusterPolicyReport");
    assert_eq!(docs[0]["results"][0]["properties"]["file"], "pod.yaml:7:12");
    assert_eq!(docs[0]["results"][0]["result"], "pass");
}

/// Every key path of a document (`.results[].policy`), lists by their first item.
fn keys(v: &Value, at: &str, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, v) in m {
                let p = format!("{at}.{k}");
                out.push(p.clone());
                keys(v, &p, out);
            }
        }
        Value::Array(a) => {
            if let Some(first) = a.first() {
                keys(first, &format!("{at}[]"), out);
            }
        }
        _ => {}
    }
}

/// The README's PolicyReport example is valid against the CRD and has the keys of a real one.
#[test]
fn readme_policyreport_example_matches_real_output() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let example = readme
        .split("```yaml\n")
        .skip(1)
        .filter_map(|b| b.split("```").next())
        .find(|b| b.contains("kind: PolicyReport\n"))
        .expect("README.md has a PolicyReport example");
    let docs = documents(example);
    assert_valid(&docs);
    let f = fixture();
    let out = f.verify(&["pods", "-n", "kube-system", "-o", "policyreport"]);
    let real = documents(&text(&out.stdout));
    let (mut want, mut got) = (Vec::new(), Vec::new());
    keys(&docs[0], "", &mut want);
    keys(&real[0], "", &mut got);
    want.sort();
    got.sort();
    assert_eq!(want, got, "{:#}", real[0]);
}

/// The policy-controller CRDs (ClusterImagePolicy v1alpha1 + v1beta1, TrustRoot) as JSON.
fn policy_controller_crds() -> Vec<Value> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/policies/served-crds");
    ["crd-clusterimagepolicies.yaml", "crd-trustroots.yaml"]
        .iter()
        .map(|f| crd_from_yaml(&std::fs::read_to_string(dir.join(f)).unwrap()))
        .collect()
}

/// A ClusterImagePolicy as the cluster serves it (policy.sigstore.dev/v1beta1), checked
/// against the CRD's v1beta1 schema first so the fixture is one the real server would take.
fn cluster_image_policy(name: &str, spec: &Value) -> Value {
    let object = serde_json::json!({
        "apiVersion": "policy.sigstore.dev/v1beta1",
        "kind": "ClusterImagePolicy",
        "metadata": { "name": name },
        "spec": spec,
    });
    let crd = &policy_controller_crds()[0];
    let schema = crd["spec"]["versions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["name"] == "v1beta1")
        .map(|v| v["schema"]["openAPIV3Schema"].clone())
        .unwrap();
    let v = validate(&schema, &object);
    assert!(
        v.invalid.is_empty() && v.unknown.is_empty(),
        "{:?} {:?}",
        v.invalid,
        v.unknown
    );
    object
}

/// Issue 13's headline: `kubectl verify pods -A --policy-from-cluster -o policyreport |
/// kubectl apply --dry-run=server -f -` with the ClusterImagePolicies installed in the cluster:
/// each result names the policy that decided it (an enforced keyless policy: pass for the
/// signed pod, fail for the unsigned one; a `mode: warn` `static: fail` one: warn), and the
/// real kubectl applies the reports to a server validating them against the CRD.
#[test]
fn pods_policy_from_cluster_policyreport_names_each_cluster_image_policy() {
    let f = fixture();
    // Served as policy-controller installs them: v1alpha1 (preferred) and v1beta1.
    for crd in policy_controller_crds() {
        f.api.register_crd(&crd);
    }
    f.api.add(cluster_image_policy(
        "k8s-signed",
        &serde_json::json!({
            "images": [{ "glob": "registry.k8s.io/**" }],
            "authorities": [{
                "name": "krel",
                "keyless": { "identities": [{
                    "issuer": crate::cluster::K8S_ISSUER,
                    "subject": crate::cluster::K8S_IDENTITY,
                }]},
            }],
        }),
    ));
    f.api.add(cluster_image_policy(
        "no-etcd",
        &serde_json::json!({
            "images": [{ "glob": "registry.k8s.io/etcd*" }],
            "mode": "warn",
            "authorities": [{ "static": { "action": "fail" } }],
        }),
    ));
    let out = f.verify(&["pods", "-A", "--policy-from-cluster", "-o", "policyreport"]);
    let yaml = text(&out.stdout);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{yaml}\n{stderr}");
    assert!(
        stderr.contains("ClusterPolicy, Policy (kyverno.io) not installed"),
        "{stderr}"
    );
    let docs = documents(&yaml);
    assert_valid(&docs);
    let results = |i: usize| -> Vec<(String, String, String)> {
        docs[i]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["policy"].as_str().unwrap().to_owned(),
                    r["result"].as_str().unwrap().to_owned(),
                    r["properties"]["verdict"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    let own = |p: &str, r: &str, v: &str| (p.to_owned(), r.to_owned(), v.to_owned());
    assert_eq!(docs[0]["metadata"]["namespace"], "kube-system", "{yaml}");
    let mut etcd = results(0);
    etcd.sort();
    assert_eq!(
        etcd,
        [
            own("k8s-signed", "fail", "unsigned"),
            own("no-etcd", "warn", "denied"),
        ],
        "{yaml}"
    );
    assert_eq!(
        results(1),
        [own("k8s-signed", "pass", "verified")],
        "{yaml}"
    );
    assert_eq!(
        docs[1]["results"][0]["properties"]["policyKind"],
        "ClusterImagePolicy"
    );
    let applied = apply(f.tmp.path(), &f.kubeconfig, &yaml, &[]);
    assert!(applied.status.success(), "{}", text(&applied.stderr));
    assert_eq!(
        text(&applied.stdout),
        "policyreport.wgpolicyk8s.io/kubectl-verify-kube-system created (server dry run)\n\
         policyreport.wgpolicyk8s.io/kubectl-verify-team-a created (server dry run)\n"
    );
    // Each kind was listed once, at the first version kubectl-verify prefers that serves it:
    // ClusterImagePolicy at v1beta1 (the server prefers v1alpha1), TrustRoot at v1alpha1 (the
    // only version its CRD has).
    let lists: Vec<String> = f
        .api
        .requests()
        .into_iter()
        .filter(|r| r.method == "GET" && r.path.starts_with("/apis/policy.sigstore.dev/v1"))
        .filter(|r| r.path.ends_with('s'))
        .map(|r| r.path)
        .collect();
    assert_eq!(
        lists,
        [
            "/apis/policy.sigstore.dev/v1beta1/clusterimagepolicies",
            "/apis/policy.sigstore.dev/v1alpha1/trustroots",
        ]
    );
}

/// A cluster policy using what kubectl-verify does not evaluate (a CUE attestation policy):
/// exit 2 naming the object, the position within it and the field path (the cluster's
/// documents are read as one file, so a trustRootRef can name a TrustRoot of the cluster, but
/// errors are given back per object); with `--skip-unsupported` it is an `error` result of its
/// own, never a pass, and the report still applies.
#[test]
fn unsupported_cluster_policy_is_named_by_object_and_field_or_an_error_result() {
    let f = fixture();
    for crd in policy_controller_crds() {
        f.api.register_crd(&crd);
    }
    let keyless = serde_json::json!({ "identities": [{
        "issuer": crate::cluster::K8S_ISSUER,
        "subject": crate::cluster::K8S_IDENTITY,
    }]});
    f.api.add(cluster_image_policy(
        "k8s-signed",
        &serde_json::json!({
            "images": [{ "glob": "registry.k8s.io/**" }],
            "authorities": [{ "name": "krel", "keyless": keyless }],
        }),
    ));
    f.api.add(cluster_image_policy(
        "zz-cue",
        &serde_json::json!({
            "images": [{ "glob": "registry.k8s.io/pause*" }],
            "authorities": [{
                "keyless": keyless,
                "attestations": [{
                    "name": "sbom",
                    "predicateType": "spdxjson",
                    "policy": { "type": "cue", "data": "predicateType: \"https://spdx.dev/Document\"" },
                }],
            }],
        }),
    ));
    let out = f.verify(&["pods", "-n", "team-a", "--policy-from-cluster"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    let error = stderr.lines().last().unwrap();
    let re = regex::Regex::new(
        r"^error: --policy-from-cluster: cluster:ClusterImagePolicy/zz-cue:(\d+):\d+: ClusterImagePolicy/zz-cue: spec\.authorities\[0\]\.attestations\[0\]\.policy: ",
    )
    .unwrap();
    let line: usize = re.captures(error).unwrap_or_else(|| panic!("{stderr}"))[1]
        .parse()
        .unwrap();
    assert!(
        line < 30,
        "a line of the object, not of all objects: {error}"
    );

    let out = f.verify(&[
        "pods",
        "-n",
        "team-a",
        "--policy-from-cluster",
        "--skip-unsupported",
        "-o",
        "policyreport",
    ]);
    let yaml = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{yaml}\n{}", text(&out.stderr));
    let docs = documents(&yaml);
    assert_valid(&docs);
    let mut got: Vec<(String, String)> = docs[0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["policy"].as_str().unwrap().to_owned(),
                r["result"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    got.sort();
    assert_eq!(
        got,
        [
            ("k8s-signed".to_owned(), "pass".to_owned()),
            ("zz-cue".to_owned(), "error".to_owned())
        ],
        "{yaml}"
    );
    let applied = apply(f.tmp.path(), &f.kubeconfig, &yaml, &[]);
    assert!(applied.status.success(), "{}", text(&applied.stderr));
}

/// A ClusterImagePolicy whose keyless authority names a TrustRoot installed beside it in the
/// cluster (`trustRootRef`) verifies with that TrustRoot's keys, without `--trusted-root`: the
/// cluster's objects are read together, as policy-controller resolves the reference.
#[test]
fn trust_root_ref_names_a_trust_root_of_the_cluster() {
    let f = fixture();
    for crd in policy_controller_crds() {
        f.api.register_crd(&crd);
    }
    f.api.add(crd_from_yaml(&crate::admission::trust_root_doc(
        &f.k.sigstore,
        "test-sigstore",
    )));
    f.api.add(cluster_image_policy(
        "own-sigstore",
        &serde_json::json!({
            "images": [{ "glob": "registry.k8s.io/**" }],
            "authorities": [{
                "keyless": {
                    "url": "https://fulcio.test.invalid",
                    "trustRootRef": "test-sigstore",
                    "identities": [{
                        "issuer": crate::cluster::K8S_ISSUER,
                        "subject": crate::cluster::K8S_IDENTITY,
                    }],
                },
                "ctlog": { "url": "https://rekor.test.invalid", "trustRootRef": "test-sigstore" },
            }],
        }),
    ));
    // The registry flags only: no --trusted-root.
    let flags: Vec<String> = f.k.flags().into_iter().take(4).collect();
    assert_eq!(flags[2], "--insecure-registry");
    let out = kubectl_with_plugin(f.tmp.path(), &f.kubeconfig)
        .args([
            "verify",
            "pods",
            "-n",
            "team-a",
            "--policy-from-cluster",
            "-o",
            "json",
        ])
        .args(&flags)
        .output()
        .unwrap();
    let stdout = text(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{stdout}\n{}",
        text(&out.stderr)
    );
    let json: Value = serde_json::from_str(&stdout).unwrap();
    let e = &json["images"][0];
    assert_eq!(e["verdict"], "verified", "{e:#}");
    assert_eq!(e["origin"]["kind"], "ClusterImagePolicy", "{e:#}");
    assert_eq!(e["origin"]["name"], "own-sigstore", "{e:#}");
}

/// A cluster that cannot be read is exit 2 and NO report on stdout, so `kubectl apply -f -`
/// has nothing to overwrite the last good reports with (`-o json` still writes its document
/// with `errors[]`).
#[test]
fn a_cluster_that_cannot_be_read_prints_no_report() {
    let f = fixture();
    f.api.set_unauthorized_all(true);
    for output in ["policyreport", "openreports"] {
        let out = f.verify(&["pods", "-A", "-o", output]);
        assert_eq!(out.status.code(), Some(2), "{output}");
        assert_eq!(text(&out.stdout), "", "{output}");
        assert!(text(&out.stderr).contains("401"), "{}", text(&out.stderr));
    }
    let out = f.verify(&["pods", "-A", "-o", "json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stdout).contains("\"errors\""));
}

/// The harness serves CRD kinds as the real server does, as far as the real kubectl can tell:
/// the policies listed by `kubectl get` (both served versions of ClusterImagePolicy
/// discovered), and a report `kubectl get` does not find is its NotFound.
#[test]
fn kubectl_lists_the_served_policy_kinds_and_misses_absent_reports() {
    let f = fixture();
    for crd in policy_controller_crds() {
        f.api.register_crd(&crd);
    }
    f.api.add(cluster_image_policy(
        "k8s-signed",
        &serde_json::json!({ "images": [{ "glob": "registry.k8s.io/**" }],
            "authorities": [{ "static": { "action": "pass" } }] }),
    ));
    let out = kubectl(f.tmp.path(), &f.kubeconfig)
        .args([
            "get",
            "clusterimagepolicies.v1beta1.policy.sigstore.dev",
            "-o",
            "name",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "clusterimagepolicy.policy.sigstore.dev/k8s-signed\n"
    );
    let out = kubectl(f.tmp.path(), &f.kubeconfig)
        .args(["api-versions"])
        .output()
        .unwrap();
    let versions = text(&out.stdout);
    for gv in [
        "policy.sigstore.dev/v1alpha1",
        "policy.sigstore.dev/v1beta1",
        "wgpolicyk8s.io/v1alpha2",
        "openreports.io/v1alpha1",
    ] {
        assert!(versions.lines().any(|l| l == gv), "{gv}:\n{versions}");
    }
    let out = kubectl(f.tmp.path(), &f.kubeconfig)
        .args([
            "get",
            "policyreport",
            "kubectl-verify-team-a",
            "-n",
            "team-a",
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert_eq!(
        text(&out.stderr),
        "Error from server (NotFound): policyreports.wgpolicyk8s.io \"kubectl-verify-team-a\" not found\n"
    );
}

/// What the README's advice rests on: a namespace with many image uses makes a report that a
/// client-side `kubectl apply` cannot store (it copies it into an annotation, and annotations
/// are limited to 256 KiB: the server refuses it), while `kubectl apply --server-side` can.
#[test]
fn a_large_report_needs_server_side_apply() {
    let f = fixture();
    let pause_id = format!("registry.k8s.io/pause@{}", f.signed);
    f.api.add_all((0..600).map(|i| {
        fixtures::pod(
            "big",
            &format!("web-{i:04}"),
            &[],
            &[C {
                name: "pause",
                image: "registry.k8s.io/pause:3.10",
                image_id: Some(&pause_id),
            }],
        )
    }));
    let out = f.verify(&["pods", "-n", "big", "-o", "policyreport"]);
    let yaml = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let docs = documents(&yaml);
    assert_valid(&docs);
    assert_eq!(docs[0]["summary"]["pass"], 600);
    assert!(yaml.len() > 256 * 1024, "{} bytes", yaml.len());

    let client_side = apply(f.tmp.path(), &f.kubeconfig, &yaml, &[]);
    assert!(!client_side.status.success());
    assert!(
        text(&client_side.stderr)
            .contains("metadata.annotations: Too long: must have at most 262144 bytes"),
        "{}",
        text(&client_side.stderr)
    );
    let server_side = apply(f.tmp.path(), &f.kubeconfig, &yaml, &["--server-side"]);
    assert!(
        server_side.status.success(),
        "{}",
        text(&server_side.stderr)
    );
    assert_eq!(
        text(&server_side.stdout),
        "policyreport.wgpolicyk8s.io/kubectl-verify-big serverside-applied (server dry run)\n"
    );
}

/// Serves Kyverno's `ClusterPolicy` (cluster-scoped) and `Policy` (namespaced) in
/// kyverno.io/v1, with Kyverno's plurals and short names. Hand-written for the test, not
/// Kyverno's CRD: its schema is not in tests/data, so these objects are not schema-checked
/// (the policy reader checks every field it is given instead).
fn serve_kyverno_kinds(api: &KubeApi) {
    api.register(
        "kyverno.io/v1",
        "ClusterPolicy",
        "clusterpolicies",
        false,
        &["cpol"],
    );
    api.register("kyverno.io/v1", "Policy", "policies", true, &["pol"]);
}

/// A Kyverno policy with one `verifyImages` rule on Pods: images under `images` signed by
/// `key`, enforced. `namespace` Some: a namespaced `Policy` there.
fn kyverno_key_policy(
    namespace: Option<&str>,
    name: &str,
    rule: &str,
    images: &str,
    key: &crate::support::sigstore::Key,
) -> Value {
    let mut metadata = serde_json::json!({ "name": name });
    if let Some(ns) = namespace {
        metadata["namespace"] = ns.into();
    }
    serde_json::json!({
        "apiVersion": "kyverno.io/v1",
        "kind": if namespace.is_some() { "Policy" } else { "ClusterPolicy" },
        "metadata": metadata,
        "spec": {
            "validationFailureAction": "Enforce",
            "rules": [{
                "name": rule,
                "match": { "any": [{ "resources": { "kinds": ["Pod"] } }] },
                "verifyImages": [{
                    "imageReferences": [images],
                    "attestors": [{ "entries": [{ "keys": { "publicKeys": key.public_pem() } }] }],
                }],
            }],
        },
    })
}

/// `--policy-from-cluster` with Kyverno's kinds installed, through the real kubectl: a
/// ClusterPolicy (the signing key, Enforce) and a namespaced Policy in `team-a` (another key,
/// Enforce) over the same signed image run in `team-a` and `team-b`. In team-a both judge it
/// (ClusterPolicy pass, the Policy `invalid-signature` → fail, exit 1); in team-b only the
/// ClusterPolicy does (pass): a namespaced Policy judges its own namespace only. Each result
/// names the Kyverno policy and rule. A pod-security ClusterPolicy (a `validate` rule only) in
/// the cluster is skipped, neither an error nor a result. The reports apply.
#[test]
fn kyverno_policies_from_cluster_a_namespaced_policy_judges_only_its_namespace() {
    use crate::support::registry::TestRegistry;
    use crate::support::sigstore::{Key, Signer, TestSigstore, simple_signing_payload};
    let s = TestSigstore::new();
    let reg = TestRegistry::plain();
    let host = reg.host();
    let (key, release_key) = (Key::generate(), Key::generate());
    let digest = reg.push_image("team/app", "v1");
    let payload = simple_signing_payload(&format!("{host}/team/app"), &digest);
    crate::image::push_legacy(
        &reg,
        "team/app",
        &digest,
        &[s.legacy_layer(Signer::Key(&key), &payload)],
    );
    let image = format!("{host}/team/app:v1");
    let image_id = format!("{host}/team/app@{digest}");

    let api = KubeApi::start();
    for crd in report_crds() {
        api.register_crd(&crd);
    }
    serve_kyverno_kinds(&api);
    for ns in ["team-a", "team-b"] {
        api.add(fixtures::pod(
            ns,
            "web",
            &[],
            &[C {
                name: "app",
                image: &image,
                image_id: Some(&image_id),
            }],
        ));
    }
    let images = format!("{host}/team/*");
    api.add(kyverno_key_policy(
        None,
        "team-signed",
        "team-key",
        &images,
        &key,
    ));
    api.add(kyverno_key_policy(
        Some("team-a"),
        "team-a-release",
        "release-key",
        &images,
        &release_key,
    ));
    // Kyverno's pod-security sample shape: a validate rule, no verifyImages.
    api.add(serde_json::json!({
        "apiVersion": "kyverno.io/v1",
        "kind": "ClusterPolicy",
        "metadata": { "name": "disallow-privileged-containers" },
        "spec": {
            "validationFailureAction": "Enforce",
            "rules": [{
                "name": "privileged-containers",
                "match": { "any": [{ "resources": { "kinds": ["Pod"] } }] },
                "validate": {
                    "message": "Privileged mode is disallowed.",
                    "pattern": { "spec": { "containers": [{
                        "=(securityContext)": { "=(privileged)": "false" },
                    }]}},
                },
            }],
        },
    }));
    let tmp = tempfile::tempdir().unwrap();
    let kubeconfig = cluster_with_token(&api, tmp.path(), None);
    let root = s.trusted_root_path();
    let out = kubectl_with_plugin(tmp.path(), &kubeconfig)
        .args([
            "verify",
            "pods",
            "-A",
            "--policy-from-cluster",
            "-o",
            "policyreport",
        ])
        .args(["--no-builtin-policy", "--insecure-registry", &host])
        .args(["--trusted-root", root.to_str().unwrap()])
        .output()
        .unwrap();
    let yaml = text(&out.stdout);
    let stderr = text(&out.stderr);
    // An enforced failure (team-a's Policy) fails the run.
    assert_eq!(out.status.code(), Some(1), "{yaml}\n{stderr}");
    assert!(!stderr.contains("error"), "{stderr}");
    assert!(!stderr.contains("disallow-privileged"), "{stderr}");
    let docs = documents(&yaml);
    assert_valid(&docs);
    let results = |ns: &str| -> Vec<[String; 5]> {
        let doc = docs
            .iter()
            .find(|d| d["metadata"]["namespace"] == ns)
            .unwrap_or_else(|| panic!("no report for {ns}:\n{yaml}"));
        let mut r: Vec<[String; 5]> = doc["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                [
                    &r["policy"],
                    &r["rule"],
                    &r["result"],
                    &r["properties"]["verdict"],
                    &r["properties"]["policyKind"],
                ]
                .map(|v| v.as_str().unwrap_or("").to_owned())
            })
            .collect();
        r.sort();
        r
    };
    let own = |p: &str, r: &str, res: &str, v: &str, k: &str| [p, r, res, v, k].map(str::to_owned);
    assert_eq!(
        results("team-a"),
        [
            own(
                "team-a-release",
                "release-key",
                "fail",
                "invalid-signature",
                "Policy"
            ),
            own(
                "team-signed",
                "team-key",
                "pass",
                "verified",
                "ClusterPolicy"
            ),
        ],
        "{yaml}"
    );
    assert_eq!(
        results("team-b"),
        [own(
            "team-signed",
            "team-key",
            "pass",
            "verified",
            "ClusterPolicy"
        )],
        "{yaml}"
    );
    assert!(!yaml.contains("disallow-privileged"), "{yaml}");
    let applied = apply(tmp.path(), &kubeconfig, &yaml, &[]);
    assert!(applied.status.success(), "{}", text(&applied.stderr));

    // `-n team-b` lists Policies in team-b only: the image passes, exit 0.
    let out = kubectl_with_plugin(tmp.path(), &kubeconfig)
        .args([
            "verify",
            "pods",
            "-n",
            "team-b",
            "--policy-from-cluster",
            "-o",
            "json",
        ])
        .args(["--no-builtin-policy", "--insecure-registry", &host])
        .args(["--trusted-root", root.to_str().unwrap()])
        .output()
        .unwrap();
    let json = crate::cluster::json_of(&out);
    assert_eq!(out.status.code(), Some(0), "{json:#}");
    let e = crate::cluster::entry(&json, &image, None);
    assert_eq!(e["verdict"], "verified", "{e:#}");
    assert_eq!(e["origin"]["name"], "team-signed", "{e:#}");
    let policy_lists: Vec<String> = api
        .requests()
        .into_iter()
        .filter(|r| r.method == "GET" && r.path.ends_with("/policies"))
        .map(|r| r.path)
        .collect();
    assert_eq!(
        policy_lists,
        [
            "/apis/kyverno.io/v1/policies",
            "/apis/kyverno.io/v1/namespaces/team-b/policies",
        ]
    );
}
