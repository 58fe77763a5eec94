//! The cluster commands (`kubectl verify pods|deploy|…|all`) against the Kubernetes API
//! stand-in (support/kubeapi.rs) and the real `docker-registry`, run through the real kubectl
//! where the issue asks for it.
#![allow(clippy::unwrap_used)] // test setup: a failure is a broken fixture

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::image::push_legacy;
use crate::support::kubeapi::fixtures::{self, KindImages};
use crate::support::kubeapi::{KubeApi, kubectl};
use crate::support::registry::TestRegistry;
use crate::support::sigstore::{Signer, TestSigstore, simple_signing_payload};

pub const K8S_IDENTITY: &str = kubectl_verify::verify::policy::K8S_IDENTITY;
pub const K8S_ISSUER: &str = kubectl_verify::verify::policy::K8S_ISSUER;
pub const TOKEN: &str = "test-token";

/// A registry standing in for registry.k8s.io with images signed as krel-trust.
pub struct K8sRegistry {
    pub sigstore: TestSigstore,
    pub reg: TestRegistry,
}

impl K8sRegistry {
    pub fn new() -> Self {
        Self {
            sigstore: TestSigstore::new(),
            reg: TestRegistry::plain(),
        }
    }

    /// Pushes `repo:tag` (unsigned) and returns its manifest digest.
    pub fn push(&self, repo: &str, tag: &str) -> String {
        self.reg.push_image(repo, tag)
    }

    /// Signs `digest` of `repo` as krel-trust (legacy `.sig`).
    pub fn sign(&self, repo: &str, digest: &str) {
        let krel = self.sigstore.keyless(K8S_IDENTITY, K8S_ISSUER);
        let payload = simple_signing_payload(&format!("registry.k8s.io/{repo}"), digest);
        push_legacy(
            &self.reg,
            repo,
            digest,
            &[self.sigstore.legacy_layer(Signer::Keyless(&krel), &payload)],
        );
    }

    /// Pushes and signs `repo:tag`.
    pub fn push_signed(&self, repo: &str, tag: &str) -> String {
        let d = self.push(repo, tag);
        self.sign(repo, &d);
        d
    }

    /// The config digest of a pushed manifest (what kind and CRI-O report as imageID).
    pub fn config_digest(&self, repo: &str, digest: &str) -> String {
        let url = format!("{}/v2/{repo}/manifests/{digest}", self.reg.base_url());
        let out = std::process::Command::new("curl")
            .args([
                "-sf",
                "-H",
                "Accept: application/vnd.oci.image.manifest.v1+json",
                &url,
            ])
            .output()
            .expect("curl");
        let m: Value = serde_json::from_slice(&out.stdout).expect("manifest JSON");
        m["config"]["digest"].as_str().unwrap().to_owned()
    }

    /// The flags that send registry.k8s.io here and trust the test Sigstore.
    pub fn flags(&self) -> Vec<String> {
        let host = self.reg.host();
        vec![
            "--registry-mirror".into(),
            format!("registry.k8s.io={host}"),
            "--insecure-registry".into(),
            host,
            "--trusted-root".into(),
            self.sigstore
                .trusted_root_path()
                .to_str()
                .unwrap()
                .to_owned(),
        ]
    }
}

/// `kubectl` (the real one) with our binary's directory on PATH, so `kubectl verify` finds the
/// plugin.
pub fn kubectl_with_plugin(home: &Path, kubeconfig: &Path) -> assert_cmd::Command {
    let bin = assert_cmd::cargo::cargo_bin("kubectl-verify");
    let dir = bin.parent().unwrap().to_str().unwrap().to_owned();
    let mut cmd = kubectl(home, kubeconfig);
    cmd.env("PATH", format!("{dir}:/usr/bin:/bin"));
    cmd
}

/// `kubectl-verify` with a kubeconfig.
pub fn verify(kubeconfig: &Path) -> assert_cmd::Command {
    let mut cmd = crate::support::kubectl_verify();
    cmd.env("KUBECONFIG", kubeconfig);
    cmd
}

pub fn json_of(out: &std::process::Output) -> Value {
    let stdout = String::from_utf8_lossy(&out.stdout);
    serde_json::from_str(&stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}):\n{stdout}\nstderr:\n{}",
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

/// The report entry whose reference is `reference` (and, when given, whose digest is
/// `digest`).
pub fn entry<'a>(json: &'a Value, reference: &str, digest: Option<&str>) -> &'a Value {
    json["images"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| {
            e["reference"] == reference && digest.is_none_or(|d| e["digest"].as_str() == Some(d))
        })
        .unwrap_or_else(|| panic!("no entry {reference} {digest:?} in {json:#}"))
}

pub fn cluster_with_token(api: &KubeApi, dir: &Path, namespace: Option<&str>) -> PathBuf {
    api.add_token(TOKEN, "alice");
    api.kubeconfig_token(dir, "kind-kind", TOKEN, namespace)
}

/// Issue 7's headline: `kubectl verify pods -n kube-system`, through the real kubectl, with no
/// identity flags: every control-plane image verifies under the built-in krel-trust policy
/// whatever the runtime's imageID spelling, and a pod whose node runs an older, unsigned
/// digest of a tag that is signed now is not verified — the running digest is what counts.
#[test]
fn kube_system_verifies_what_runs_through_the_real_kubectl() {
    let k = K8sRegistry::new();
    let etcd = k.push_signed("etcd", "3.5.16-0");
    let apiserver = k.push_signed("kube-apiserver", "v1.32.0");
    let cm = k.push_signed("kube-controller-manager", "v1.32.0");
    let cm_config = k.config_digest("kube-controller-manager", &cm);
    let proxy = k.push_signed("kube-proxy", "v1.32.0");
    let coredns = k.push_signed("coredns/coredns", "v1.11.3");
    // The scheduler's node still runs a build of the tag from before it was signed.
    let old_scheduler = k.push("kube-scheduler", "v1.32.0-old-build");
    let _new_scheduler = k.push_signed("kube-scheduler", "v1.32.0");

    let api = KubeApi::start();
    let etcd_id = format!("registry.k8s.io/etcd@{etcd}");
    let apiserver_id = format!("docker-pullable://registry.k8s.io/kube-apiserver@{apiserver}");
    let proxy_id = format!("registry.k8s.io/kube-proxy@{proxy}");
    let coredns_id = format!("registry.k8s.io/coredns/coredns@{coredns}");
    let scheduler_id = format!("registry.k8s.io/kube-scheduler@{old_scheduler}");
    api.add_all(fixtures::kind_kube_system(&KindImages {
        coredns: ("registry.k8s.io/coredns/coredns:v1.11.3", Some(&coredns_id)),
        etcd: ("registry.k8s.io/etcd:3.5.16-0", Some(&etcd_id)),
        kube_apiserver: (
            "registry.k8s.io/kube-apiserver:v1.32.0",
            Some(&apiserver_id),
        ),
        kube_controller_manager: (
            "registry.k8s.io/kube-controller-manager:v1.32.0",
            Some(&cm_config),
        ),
        kube_proxy: ("registry.k8s.io/kube-proxy:v1.32.0", Some(&proxy_id)),
        kube_scheduler: (
            "registry.k8s.io/kube-scheduler:v1.32.0",
            Some(&scheduler_id),
        ),
    }));
    let tmp = tempfile::tempdir().unwrap();
    let kubeconfig = cluster_with_token(&api, tmp.path(), None);

    let out = kubectl_with_plugin(tmp.path(), &kubeconfig)
        .args(["verify", "pods", "-n", "kube-system", "-o", "json"])
        .args(k.flags())
        .output()
        .unwrap();
    let json = json_of(&out);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{json:#}\n{stderr}");

    for (reference, digest) in [
        ("registry.k8s.io/etcd:3.5.16-0", &etcd),
        ("registry.k8s.io/kube-apiserver:v1.32.0", &apiserver),
        ("registry.k8s.io/kube-controller-manager:v1.32.0", &cm),
        ("registry.k8s.io/kube-proxy:v1.32.0", &proxy),
        ("registry.k8s.io/coredns/coredns:v1.11.3", &coredns),
    ] {
        let e = entry(&json, reference, Some(digest));
        assert_eq!(e["verdict"], "verified", "{e:#}");
        assert_eq!(e["policy"], "builtin:kubernetes", "{e:#}");
        assert_eq!(e["signer"]["identity"], K8S_IDENTITY);
    }
    // The scheduler: the digest the node runs is unsigned, though the tag is signed now.
    let e = entry(&json, "registry.k8s.io/kube-scheduler:v1.32.0", None);
    assert_eq!(e["digest"], old_scheduler.as_str(), "{e:#}");
    assert_eq!(e["verdict"], "unsigned", "{e:#}");
    assert_eq!(e["sources"][0]["imageID"], scheduler_id.as_str());
    assert_eq!(e["sources"][0]["status"], "running");

    // coredns: two pods, one digest, verified once, listed once with both uses.
    let e = entry(&json, "registry.k8s.io/coredns/coredns:v1.11.3", None);
    let pods: Vec<&str> = e["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(pods.len(), 2, "{e:#}");
    assert!(pods.iter().all(|p| p.starts_with("coredns-668d6bf9bc-")));
    assert_eq!(e["sources"][0]["context"], "kind-kind");
    assert_eq!(e["sources"][0]["kind"], "Pod");
    assert_eq!(e["sources"][0]["namespace"], "kube-system");
    assert_eq!(e["sources"][0]["container"], "coredns");
    assert_eq!(json["summary"]["total"], 6);
    assert_eq!(json["summary"]["verified"], 5);
    let coredns_manifests = k
        .reg
        .request_log()
        .iter()
        .filter(|l| {
            l.strip_prefix("GET /v2/coredns/coredns/manifests/sha256-")
                .and_then(|t| t.strip_suffix(".sig"))
                .is_some()
        })
        .count();
    assert_eq!(coredns_manifests, 1, "one digest is verified once");

    // The table shows the first use and how many more (issue 9).
    let out = kubectl_with_plugin(tmp.path(), &kubeconfig)
        .args(["verify", "pods", "-n", "kube-system"])
        .args(k.flags())
        .output()
        .unwrap();
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(table.starts_with("IMAGE"), "{table}");
    assert!(table.lines().next().unwrap().contains("USED BY"), "{table}");
    let line = table
        .lines()
        .find(|l| l.starts_with("registry.k8s.io/coredns/coredns"))
        .unwrap();
    assert!(line.contains("kube-system/pod/"), "{line}");
    assert!(line.contains("] (+1)   "), "{line}");
}
