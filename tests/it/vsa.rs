//! `--profile kubernetes-vsa` (issue 12, point 3): registry.k8s.io images, mirrored to the
//! loopback registry and signed as krel-trust, must also carry the image promoter's SLSA
//! verification summary (VSA), signed keyless by promoter-summaries and PASSED, on the digest
//! verified or on the index that lists it; an index without one verifies when every platform
//! manifest has one. Opt-in: without the profile the signature alone verifies.
#![allow(clippy::unwrap_used)] // test setup: a failure is a broken fixture

use serde_json::{Value, json};

use crate::attest::push_referrers;
use crate::cluster::{K8S_IDENTITY, K8S_ISSUER};
use crate::image::{ReferrersProxy, push_legacy, run_json};
use crate::support::registry::TestRegistry;
use crate::support::sigstore::{Identity, Signer, TestSigstore, simple_signing_payload, statement};

const VSA: &str = kubectl_verify::verify::policy::VSA_PREDICATE;
const PROMOTER: &str = kubectl_verify::verify::policy::K8S_VSA_IDENTITY;

/// A VSA predicate as the promoter writes one (SLSA verification_summary v1).
fn vsa(result: &str, resource: &str) -> Value {
    json!({
        "verifier": {"id": "https://github.com/kubernetes-sigs/promo-tools"},
        "timeVerified": "2026-11-02T10:00:00Z",
        "resourceUri": resource,
        "policy": {"uri": "https://github.com/kubernetes/k8s.io/tree/main/registry.k8s.io"},
        "verificationResult": result,
        "verifiedLevels": ["SLSA_BUILD_LEVEL_3"],
    })
}

/// registry.k8s.io, mirrored to a loopback registry behind a referrers API.
struct K8s {
    s: TestSigstore,
    reg: TestRegistry,
    proxy: ReferrersProxy,
    krel: Identity,
    promoter: Identity,
}

impl K8s {
    fn new() -> Self {
        let s = TestSigstore::new();
        let reg = TestRegistry::plain();
        let proxy = ReferrersProxy::start(&reg.host());
        let krel = s.keyless(K8S_IDENTITY, K8S_ISSUER);
        let promoter = s.keyless(PROMOTER, K8S_ISSUER);
        Self {
            s,
            reg,
            proxy,
            krel,
            promoter,
        }
    }

    /// Signs `digest` as krel-trust (legacy `.sig`, as registry.k8s.io images are).
    fn sign(&self, repo: &str, digest: &str) {
        let payload = simple_signing_payload(&format!("registry.k8s.io/{repo}"), digest);
        push_legacy(
            &self.reg,
            repo,
            digest,
            &[self.s.legacy_layer(Signer::Keyless(&self.krel), &payload)],
        );
    }

    /// Attaches a VSA about `digest` saying `result`, signed by `by`, as a referrer.
    fn attest(&self, repo: &str, digest: &str, by: &Identity, result: &str) {
        let name = format!("registry.k8s.io/{repo}");
        let st = statement(
            &name,
            digest,
            VSA,
            &vsa(result, &format!("{name}@{digest}")),
        );
        let bundle = self.s.attestation_bundle(Signer::Keyless(by), &st);
        push_referrers(&self.reg, &self.proxy, repo, digest, &[(VSA, bundle)]);
    }

    /// `image -o json` on `image` through the mirror; the one report entry.
    fn verify(&self, image: &str, profile: bool) -> (i32, Value, String) {
        self.verify_with(
            image,
            if profile {
                &["--profile", "kubernetes-vsa"]
            } else {
                &[]
            },
        )
    }

    fn verify_with(&self, image: &str, extra: &[&str]) -> (i32, Value, String) {
        let host = self.proxy.host();
        let root = self.s.trusted_root_path();
        let mirror = format!("registry.k8s.io={host}");
        let mut args = vec![
            "--registry-mirror",
            &mirror,
            "--insecure-registry",
            &host,
            "--trusted-root",
            root.to_str().unwrap(),
        ];
        args.extend(extra);
        args.push(image);
        let (code, json, stderr) = run_json(&args);
        (code, json["images"][0].clone(), stderr)
    }
}

/// Asserts the verdict (and exit code) and that the detail contains `text`.
fn expect(got: &(i32, Value, String), verdict: &str, text: &str, case: &str) {
    let (code, e, stderr) = got;
    assert_eq!(e["verdict"], verdict, "{case}: {e:#}\n{stderr}");
    assert_eq!(*code, i32::from(verdict != "verified"), "{case}: {stderr}");
    let detail = e["detail"].as_str().unwrap();
    assert!(detail.contains(text), "{case}: {detail}");
}

/// A VSA on the index: the index verifies (6 requests: the tag, the `.sig` signature, the VSA
/// referrer), and so does a platform manifest run through the tag that names the index
/// (`repo:tag@child`, what the cluster commands verify); a platform digest alone (no index
/// known) does not. Without the profile the signature suffices.
#[test]
fn a_vsa_on_the_index_covers_the_index_and_the_platforms_it_lists() {
    let k = K8s::new();
    let (index, children) =
        k.reg
            .push_index("pause", "3.10", &[("linux", "amd64"), ("linux", "arm64")]);
    for d in std::iter::once(&index).chain(&children) {
        k.sign("pause", d);
    }
    k.attest("pause", &index, &k.promoter, "PASSED");

    let before = k.proxy.log().len();
    let got = k.verify("registry.k8s.io/pause:3.10", true);
    expect(&got, "verified", "", "index");
    let log: Vec<String> = k.proxy.log()[before..]
        .iter()
        .filter(|l| !l.ends_with("/v2/"))
        .cloned()
        .collect();
    // Requests: the tag resolved, the `.sig` tag and its payload, then the VSA — one referrers
    // listing, its bundle's manifest and blob; the `.att` tag is not asked.
    let count = |part: &str| log.iter().filter(|l| l.contains(part)).count();
    assert_eq!(count("HEAD /v2/pause/manifests/3.10"), 1, "{log:#?}");
    assert_eq!(count("/manifests/sha256-"), 1, "{log:#?}");
    assert_eq!(count("/referrers/"), 1, "{log:#?}");
    assert_eq!(count("/blobs/"), 2, "{log:#?}");
    assert_eq!(log.len(), 6, "{log:#?}");
    let checks = got.1["attestations"].as_array().unwrap();
    assert_eq!(checks.len(), 1, "{:#}", got.1);
    assert_eq!(checks[0]["predicateType"], VSA);
    assert_eq!(checks[0]["authority"], "promoter-summaries");
    assert_eq!(checks[0]["result"], "verified");
    assert_eq!(checks[0]["signer"]["identity"], PROMOTER);
    assert_eq!(got.1["policy"], "builtin:kubernetes");

    let child = format!("registry.k8s.io/pause:3.10@{}", children[0]);
    let got = k.verify(&child, true);
    expect(
        &got,
        "verified",
        &format!("this platform manifest lacks a required attestation; the index {index}"),
        "platform through its tag",
    );
    assert_eq!(
        got.1["verifiedBy"][0]["digest"],
        index.as_str(),
        "{:#}",
        got.1
    );

    // By digest alone the index is not known: nothing names this digest.
    let got = k.verify(&format!("registry.k8s.io/pause@{}", children[0]), true);
    expect(
        &got,
        "attestation-missing",
        "no https://slsa.dev/verification_summary/v1 attestation",
        "platform alone",
    );
    assert_eq!(got.1["policy"], "profile:kubernetes-vsa");

    let got = k.verify("registry.k8s.io/pause:3.10", false);
    expect(&got, "verified", "", "without the profile");
    assert!(got.1.get("attestations").is_none(), "{:#}", got.1);
}

/// A VSA on one platform manifest only: that platform verifies, the other does not, nor does
/// the index (every platform must); with a VSA on each platform the index verifies through them.
#[test]
fn a_vsa_on_a_platform_manifest_covers_that_platform() {
    let k = K8s::new();
    let (index, children) = k.reg.push_index(
        "kube-proxy",
        "v1.34.0",
        &[("linux", "amd64"), ("linux", "arm64")],
    );
    for d in std::iter::once(&index).chain(&children) {
        k.sign("kube-proxy", d);
    }
    k.attest("kube-proxy", &children[0], &k.promoter, "PASSED");

    let amd64 = format!("registry.k8s.io/kube-proxy@{}", children[0]);
    let got = k.verify(&amd64, true);
    expect(&got, "verified", "", "the attested platform");
    assert_eq!(got.1["attestations"][0]["signer"]["identity"], PROMOTER);
    let arm64 = format!("registry.k8s.io/kube-proxy:v1.34.0@{}", children[1]);
    expect(
        &k.verify(&arm64, true),
        "attestation-missing",
        "verification_summary",
        "the other platform",
    );
    expect(
        &k.verify("registry.k8s.io/kube-proxy:v1.34.0", true),
        "attestation-missing",
        &format!("its linux/arm64 manifest {} did not verify", children[1]),
        "the index",
    );

    k.attest("kube-proxy", &children[1], &k.promoter, "PASSED");
    let got = k.verify("registry.k8s.io/kube-proxy:v1.34.0", true);
    expect(
        &got,
        "verified",
        "the index lacks a required attestation; all 2 platform manifests verified",
        "the index, every platform attested",
    );
    assert_eq!(
        got.1["verifiedBy"].as_array().unwrap().len(),
        2,
        "{:#}",
        got.1
    );
}

/// A VSA that did not pass, one signed by someone else, and none: each its verdict, never
/// rescued by another digest; the same images verify without the profile.
#[test]
fn a_failed_forged_or_absent_vsa_fails() {
    let k = K8s::new();
    let image = |repo: &str| {
        let d = k.reg.push_image(repo, "v1");
        k.sign(repo, &d);
        d
    };
    let failed = image("failed");
    k.attest("failed", &failed, &k.promoter, "FAILED");
    let forged = image("forged");
    // krel-trust signs images, not summaries: a VSA in its name is not the promoter's.
    k.attest("forged", &forged, &k.krel, "PASSED");
    let intruder = k.s.keyless("promoter-summaries@evil.example", K8S_ISSUER);
    let intruded = image("intruded");
    k.attest("intruded", &intruded, &intruder, "PASSED");
    image("bare");

    let cases = [
        (
            "registry.k8s.io/failed:v1",
            "condition-failed",
            r#"attestation vsa (https://slsa.dev/verification_summary/v1): condition `predicate.verificationResult == "PASSED"` is false (saw predicate.verificationResult = "FAILED")"#,
        ),
        (
            "registry.k8s.io/forged:v1",
            "identity-mismatch",
            K8S_IDENTITY,
        ),
        (
            "registry.k8s.io/intruded:v1",
            "identity-mismatch",
            "promoter-summaries@evil.example",
        ),
        (
            "registry.k8s.io/bare:v1",
            "attestation-missing",
            "no https://slsa.dev/verification_summary/v1 attestation",
        ),
    ];
    for (image, verdict, text) in cases {
        let got = k.verify(image, true);
        expect(&got, verdict, text, image);
        assert_eq!(got.1["policy"], "profile:kubernetes-vsa", "{image}");
        expect(&k.verify(image, false), "verified", "", image);
    }
}

/// The profile written out as a policy file (README, "Attestations") judges alike: the index
/// and a platform through its tag verify, a VSA that did not pass is `condition-failed`.
#[test]
fn the_profile_as_a_policy_file_judges_alike() {
    let readme =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
            .unwrap();
    let start = readme
        .find("```yaml\npolicies:\n- name: kubernetes\n")
        .unwrap()
        + 8;
    let policy = &readme[start..start + readme[start..].find("```").unwrap()];
    let k = K8s::new();
    let path = k.s.dir().join("vsa-policy.yaml");
    std::fs::write(&path, policy).unwrap();
    let (index, children) = k.reg.push_index("pause", "3.10", &[("linux", "amd64")]);
    k.sign("pause", &index);
    k.sign("pause", &children[0]);
    k.attest("pause", &index, &k.promoter, "PASSED");
    let failed = k.reg.push_image("failed", "v1");
    k.sign("failed", &failed);
    k.attest("failed", &failed, &k.promoter, "FAILED");
    let policy = ["--policy", path.to_str().unwrap()];
    for (image, verdict, text) in [
        (
            "registry.k8s.io/pause:3.10",
            "verified",
            "2 of 2 authorities satisfied by distinct signatures",
        ),
        (
            &format!("registry.k8s.io/pause:3.10@{}", children[0]),
            "verified",
            "this platform manifest lacks a required attestation",
        ),
        (
            "registry.k8s.io/failed:v1",
            "condition-failed",
            "saw predicate.verificationResult = \"FAILED\"",
        ),
    ] {
        let got = k.verify_with(image, &policy);
        expect(&got, verdict, text, image);
        assert_eq!(got.1["policy"], "kubernetes", "{image}");
        expect(&k.verify(image, true), verdict, "", image);
    }
}

/// A platform manifest whose own signature is by someone else is not rescued by its index,
/// even when the requirement listed first only lacks its VSA there: the verdict is what the
/// digest carries that failed, and only a lack sends the verification to the index.
#[test]
fn a_failure_on_the_platform_manifest_is_not_looked_past() {
    let k = K8s::new();
    let (index, children) = k.reg.push_index("etcd", "3.6.0-0", &[("linux", "amd64")]);
    k.sign("etcd", &index);
    k.attest("etcd", &index, &k.promoter, "PASSED");
    // The platform manifest: a valid signature, by an intruder; no VSA.
    let intruder = k.s.keyless("intruder@evil.example", K8S_ISSUER);
    let payload = simple_signing_payload("registry.k8s.io/etcd", &children[0]);
    push_legacy(
        &k.reg,
        "etcd",
        &children[0],
        &[k.s.legacy_layer(Signer::Keyless(&intruder), &payload)],
    );
    // The VSA's requirement first, then the signature's (a policy file decides the order).
    let policy = format!(
        "policies:\n- name: vsa\n  images: [\"registry.k8s.io/**\"]\n  authorities:\n  - keyless:\n      identities: [{{subject: {PROMOTER}, issuer: {K8S_ISSUER}}}]\n    attestations:\n    - predicateType: {VSA}\n- name: signed\n  images: [\"registry.k8s.io/**\"]\n  authorities:\n  - keyless:\n      identities: [{{subject: {K8S_IDENTITY}, issuer: {K8S_ISSUER}}}]\n"
    );
    let path = k.s.dir().join("order.yaml");
    std::fs::write(&path, policy).unwrap();
    let policy = ["--policy", path.to_str().unwrap()];
    let child = format!("registry.k8s.io/etcd:3.6.0-0@{}", children[0]);
    let got = k.verify_with(&child, &policy);
    expect(
        &got,
        "identity-mismatch",
        "intruder@evil.example",
        "platform",
    );
    assert_eq!(got.1["policy"], "signed");
    expect(
        &k.verify_with("registry.k8s.io/etcd:3.6.0-0", &policy),
        "verified",
        "",
        "index",
    );
}

/// `kubectl verify pods -n kube-system --profile kubernetes-vsa` through the real kubectl, VSAs
/// in cosign 2's `.att` format on a registry without a referrers API: what runs verifies with a
/// VSA on its digest, or on the index its tag names (coredns runs a platform manifest); the
/// scheduler, signed but without a VSA, is `attestation-missing`, and verifies without the
/// profile.
#[test]
fn kube_system_with_the_vsa_profile() {
    use crate::attest::push_att;
    use crate::cluster::{K8sRegistry, cluster_with_token, entry, json_of, kubectl_with_plugin};
    use crate::support::kubeapi::KubeApi;
    use crate::support::kubeapi::fixtures::{self, KindImages};

    let k = K8sRegistry::new();
    let promoter = k.sigstore.keyless(PROMOTER, K8S_ISSUER);
    let attest = |repo: &str, digest: &str| {
        let name = format!("registry.k8s.io/{repo}");
        let st = statement(
            &name,
            digest,
            VSA,
            &vsa("PASSED", &format!("{name}@{digest}")),
        );
        let layer = k
            .sigstore
            .attestation_layer(Signer::Keyless(&promoter), &st);
        push_att(&k.reg, repo, digest, &[layer]);
    };
    let mut digests = Vec::new();
    for (repo, tag) in [
        ("etcd", "3.5.16-0"),
        ("kube-apiserver", "v1.32.0"),
        ("kube-controller-manager", "v1.32.0"),
        ("kube-proxy", "v1.32.0"),
    ] {
        let d = k.push_signed(repo, tag);
        attest(repo, &d);
        digests.push(d);
    }
    let [etcd, apiserver, cm, proxy] = <[String; 4]>::try_from(digests).unwrap();
    let cm_config = k.config_digest("kube-controller-manager", &cm);
    // coredns: an index, signed and attested as a whole; the node runs its amd64 manifest.
    let (coredns_index, coredns) = k.reg.push_index(
        "coredns/coredns",
        "v1.11.3",
        &[("linux", "amd64"), ("linux", "arm64")],
    );
    k.sign("coredns/coredns", &coredns_index);
    attest("coredns/coredns", &coredns_index);
    let scheduler = k.push_signed("kube-scheduler", "v1.32.0");

    let api = KubeApi::start();
    let id = |repo: &str, d: &str| format!("registry.k8s.io/{repo}@{d}");
    let (etcd_id, apiserver_id, proxy_id) = (
        id("etcd", &etcd),
        id("kube-apiserver", &apiserver),
        id("kube-proxy", &proxy),
    );
    let (coredns_id, scheduler_id) = (
        id("coredns/coredns", &coredns[0]),
        id("kube-scheduler", &scheduler),
    );
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
    let run = |profile: bool| {
        let mut cmd = kubectl_with_plugin(tmp.path(), &kubeconfig);
        cmd.args(["verify", "pods", "-n", "kube-system", "-o", "json"])
            .args(k.flags());
        if profile {
            cmd.args(["--profile", "kubernetes-vsa"]);
        }
        let out = cmd.output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        (out.status.code(), json_of(&out), stderr)
    };

    let (code, json, stderr) = run(true);
    assert_eq!(code, Some(1), "{json:#}\n{stderr}");
    for (reference, digest) in [
        ("registry.k8s.io/etcd:3.5.16-0", &etcd),
        ("registry.k8s.io/kube-apiserver:v1.32.0", &apiserver),
        ("registry.k8s.io/kube-controller-manager:v1.32.0", &cm),
        ("registry.k8s.io/kube-proxy:v1.32.0", &proxy),
        ("registry.k8s.io/coredns/coredns:v1.11.3", &coredns[0]),
    ] {
        let e = entry(&json, reference, Some(digest));
        assert_eq!(e["verdict"], "verified", "{e:#}");
        let checks = e["attestations"].as_array().unwrap();
        assert_eq!(checks[0]["signer"]["identity"], PROMOTER, "{e:#}");
        assert_eq!(checks[0]["format"], "legacy", "{e:#}");
    }
    let e = entry(&json, "registry.k8s.io/coredns/coredns:v1.11.3", None);
    assert_eq!(
        e["verifiedBy"][0]["digest"],
        coredns_index.as_str(),
        "{e:#}"
    );
    let e = entry(&json, "registry.k8s.io/kube-scheduler:v1.32.0", None);
    assert_eq!(e["verdict"], "attestation-missing", "{e:#}");
    assert_eq!(e["policy"], "profile:kubernetes-vsa", "{e:#}");

    let (code, json, stderr) = run(false);
    assert_eq!(code, Some(0), "{json:#}\n{stderr}");
    assert_eq!(json["summary"]["verified"], 6, "{json:#}");
}
