//! Issue 7's "Show" list for what the cluster commands verify: every runtime's `imageID`
//! spelling, config digests, pending, init and ephemeral containers, pull-secret credentials,
//! `k8s://` keys, `--drift` and the wide/YAML outputs — each by running the built binary
//! against the Kubernetes API stand-in and the real `docker-registry`.
#![allow(clippy::unwrap_used)] // test setup: a failure is a broken fixture

use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;

use crate::cluster::{K8sRegistry, cluster_with_token, entry, json_of, verify};
use crate::image::push_legacy;
use crate::support::kubeapi::KubeApi;
use crate::support::kubeapi::fixtures::{self, C};
use crate::support::registry::{TestRegistry, sha256_digest};
use crate::support::sigstore::{Key, Signer, TestSigstore, simple_signing_payload};

/// `kubectl-verify ARGS` with `kubeconfig`.
fn run(kubeconfig: &Path, args: &[&str], extra: &[String]) -> Output {
    verify(kubeconfig).args(args).args(extra).output().unwrap()
}

fn stderr_of(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout_of(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A running container of `image` whose node reports `image_id`.
fn c<'a>(name: &'a str, image: &'a str, image_id: &'a str) -> C<'a> {
    C {
        name,
        image,
        image_id: Some(image_id),
    }
}

/// The uses of an entry as `namespace/name[container]`, in report order.
fn uses(e: &Value) -> Vec<String> {
    e["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            format!(
                "{}/{}[{}]",
                s["namespace"].as_str().unwrap(),
                s["name"].as_str().unwrap(),
                s["container"].as_str().unwrap()
            )
        })
        .collect()
}

/// The config digest of a manifest of a registry that wants basic auth.
fn config_of(reg: &TestRegistry, repo: &str, digest: &str) -> String {
    let url = format!("{}/v2/{repo}/manifests/{digest}", reg.base_url());
    let out = std::process::Command::new("curl")
        .args(["-sf", "--cacert"])
        .arg(reg.ca_pem_path().unwrap())
        .args(["-u", &format!("{USER}:{PASS}")])
        .args([
            "-H",
            "Accept: application/vnd.oci.image.manifest.v1+json",
            &url,
        ])
        .output()
        .unwrap();
    let m: Value = serde_json::from_slice(&out.stdout).unwrap();
    m["config"]["digest"].as_str().unwrap().to_owned()
}

/// How many requests of the registry's log start with `prefix`.
fn count(reg: &TestRegistry, prefix: &str) -> usize {
    reg.request_log()
        .iter()
        .filter(|l| l.starts_with(prefix))
        .count()
}

/// Issue 7: each runtime's imageID spelling (containerd manifest and index digests,
/// `docker-pullable://`, a bare config digest) is verified at the digest the node runs, not at
/// what the tag points to now — and a running digest needs no lookup of the tag.
#[test]
fn every_image_id_spelling_is_verified_at_the_running_digest() {
    let k = K8sRegistry::new();
    // The nodes run older, signed builds; the tags have moved on to other signed builds since.
    let manifest_old = k.push_signed("containerd-manifest", "v1-build1");
    let manifest_now = k.push_signed("containerd-manifest", "v1");
    let (index_old, _) = k.reg.push_index(
        "containerd-index",
        "v1-build1",
        &[("linux", "amd64"), ("linux", "arm64")],
    );
    k.sign("containerd-index", &index_old);
    let (index_now, _) = k.reg.push_index(
        "containerd-index",
        "v1",
        &[("linux", "amd64"), ("linux", "arm64")],
    );
    k.sign("containerd-index", &index_now);
    let pullable_old = k.push_signed("dockershim", "v1-build1");
    let _pullable_now = k.push_signed("dockershim", "v1");
    // A bare config digest can only be found through the tag: the tag still names the image.
    let config_image = k.push_signed("kind-loaded", "v1");
    let config = k.config_digest("kind-loaded", &config_image);

    let ids = [
        (
            "containerd-manifest",
            format!("registry.k8s.io/containerd-manifest@{manifest_old}"),
            &manifest_old,
        ),
        (
            "containerd-index",
            format!("registry.k8s.io/containerd-index@{index_old}"),
            &index_old,
        ),
        (
            "dockershim",
            format!("docker-pullable://registry.k8s.io/dockershim@{pullable_old}"),
            &pullable_old,
        ),
        ("kind-loaded", config.clone(), &config_image),
    ];
    let api = KubeApi::start();
    for (repo, id, _) in &ids {
        let image = format!("registry.k8s.io/{repo}:v1");
        api.add(fixtures::pod("default", repo, &[], &[c("app", &image, id)]));
    }
    let tmp = tempfile::tempdir().unwrap();
    let kubeconfig = cluster_with_token(&api, tmp.path(), None);

    let out = run(&kubeconfig, &["pods", "-o", "json"], &k.flags());
    let json = json_of(&out);
    assert_eq!(out.status.code(), Some(0), "{json:#}\n{}", stderr_of(&out));
    assert_eq!(json["summary"]["total"], 4, "{json:#}");
    for (repo, id, digest) in &ids {
        let e = entry(&json, &format!("registry.k8s.io/{repo}:v1"), None);
        assert_eq!(e["digest"], digest.as_str(), "{repo}: {e:#}");
        assert_eq!(e["verdict"], "verified", "{repo}: {e:#}");
        assert_eq!(e["sources"][0]["imageID"], id.as_str(), "{e:#}");
        assert_eq!(e["sources"][0]["status"], "running", "{e:#}");
    }
    assert_ne!(manifest_old, manifest_now);
    // The three runtimes that report a manifest or index digest: no tag was looked up.
    for repo in ["containerd-manifest", "containerd-index", "dockershim"] {
        assert_eq!(
            count(&k.reg, &format!("HEAD /v2/{repo}/manifests/v1"))
                + count(&k.reg, &format!("GET /v2/{repo}/manifests/v1")),
            0,
            "{repo}: {:#?}",
            k.reg.request_log()
        );
    }
}

/// Issue 7: a bare config digest is matched to the manifest that has it — the platform child
/// of a multi-arch tag — and one that no manifest has is `unknown-digest` naming the config
/// and the reference, never the tag's current digest; an imageID naming no digest is
/// `unknown-digest` too.
#[test]
fn bare_config_digests_are_matched_or_unknown_digest() {
    let k = K8sRegistry::new();
    let (index, children) =
        k.reg
            .push_index("multi", "v1", &[("linux", "amd64"), ("linux", "arm64")]);
    // Only the arm64 child is signed: verifying the index or the other child would fail.
    k.sign("multi", &children[1]);
    let arm64_config = k.config_digest("multi", &children[1]);
    let gone_now = k.push_signed("gone", "v1");
    let foreign_config = sha256_digest(b"a config no manifest of gone:v1 has");
    let _odd = k.push_signed("odd", "v1");

    let api = KubeApi::start();
    api.add(fixtures::pod(
        "default",
        "multi",
        &[],
        &[c("app", "registry.k8s.io/multi:v1", &arm64_config)],
    ));
    api.add(fixtures::pod(
        "default",
        "gone",
        &[],
        &[c("app", "registry.k8s.io/gone:v1", &foreign_config)],
    ));
    api.add(fixtures::pod(
        "default",
        "odd",
        &[],
        &[c("app", "registry.k8s.io/odd:v1", "registry.k8s.io/odd:v1")],
    ));
    let tmp = tempfile::tempdir().unwrap();
    let kubeconfig = cluster_with_token(&api, tmp.path(), None);

    let out = run(&kubeconfig, &["pods", "-o", "json"], &k.flags());
    let json = json_of(&out);
    assert_eq!(out.status.code(), Some(1), "{json:#}\n{}", stderr_of(&out));

    let e = entry(&json, "registry.k8s.io/multi:v1", None);
    assert_eq!(e["digest"], children[1].as_str(), "{e:#}");
    assert_ne!(e["digest"], index.as_str());
    assert_eq!(e["verdict"], "verified", "{e:#}");
    assert_eq!(e["sources"][0]["imageID"], arm64_config.as_str());

    let e = entry(&json, "registry.k8s.io/gone:v1", None);
    assert_eq!(e["verdict"], "unknown-digest", "{e:#}");
    assert!(e["digest"].is_null(), "never the tag's digest: {e:#}");
    let detail = e["detail"].as_str().unwrap();
    assert!(detail.contains(&foreign_config), "{detail}");
    assert!(detail.contains("registry.k8s.io/gone:v1"), "{detail}");
    assert!(!detail.contains(&gone_now), "{detail}");

    let e = entry(&json, "registry.k8s.io/odd:v1", None);
    assert_eq!(e["verdict"], "unknown-digest", "{e:#}");
    assert!(e["digest"].is_null(), "{e:#}");
    assert!(
        e["detail"].as_str().unwrap().contains("names no digest"),
        "{e:#}"
    );
    assert_eq!(json["summary"]["verified"], 1);
}

/// Issue 7: a container whose image is not pulled yet (no imageID) is verified from its spec
/// reference and reported as waiting, and the table says it does not run yet.
#[test]
fn pending_container_is_verified_from_its_spec_and_not_running() {
    let k = K8sRegistry::new();
    let now = k.push_signed("pending", "v1");
    let api = KubeApi::start();
    api.add(fixtures::pod(
        "default",
        "starting",
        &[],
        &[C {
            name: "app",
            image: "registry.k8s.io/pending:v1",
            image_id: None,
        }],
    ));
    let tmp = tempfile::tempdir().unwrap();
    let kubeconfig = cluster_with_token(&api, tmp.path(), None);

    let out = run(&kubeconfig, &["pods", "-o", "json"], &k.flags());
    let json = json_of(&out);
    assert_eq!(out.status.code(), Some(0), "{json:#}\n{}", stderr_of(&out));
    let e = entry(&json, "registry.k8s.io/pending:v1", None);
    assert_eq!(e["digest"], now.as_str(), "{e:#}");
    assert_eq!(e["verdict"], "verified", "{e:#}");
    assert_eq!(e["sources"][0]["status"], "waiting", "{e:#}");
    assert!(e["sources"][0]["imageID"].is_null(), "{e:#}");

    let out = run(&kubeconfig, &["pods"], &k.flags());
    let table = stdout_of(&out);
    assert_eq!(out.status.code(), Some(0), "{table}\n{}", stderr_of(&out));
    let line = table
        .lines()
        .find(|l| l.starts_with("registry.k8s.io/pending:v1"))
        .unwrap();
    assert!(line.contains("verified"), "{line}");
    assert!(line.contains("not running yet"), "{line}");
}

/// Issue 7: init and ephemeral containers are verified at the digests their own status lists
/// report (matched by name), not at the app container's.
#[test]
fn init_and_ephemeral_containers_use_their_own_statuses() {
    let k = K8sRegistry::new();
    let init = k.push_signed("tool", "v1-init-build");
    let main = k.push_signed("tool", "v1");
    let debug = k.push_signed("debug", "v1-build1");
    let _debug_now = k.push("debug", "v1");
    let api = KubeApi::start();
    let init_id = format!("registry.k8s.io/tool@{init}");
    let main_id = format!("registry.k8s.io/tool@{main}");
    let debug_id = format!("registry.k8s.io/debug@{debug}");
    api.add(fixtures::pod_full(
        "default",
        "web",
        &[],
        &[c("setup", "registry.k8s.io/tool:v1", &init_id)],
        &[c("app", "registry.k8s.io/tool:v1", &main_id)],
        &[c("debugger", "registry.k8s.io/debug:v1", &debug_id)],
        &[],
        None,
    ));
    let tmp = tempfile::tempdir().unwrap();
    let kubeconfig = cluster_with_token(&api, tmp.path(), None);

    let out = run(&kubeconfig, &["pods", "-o", "json"], &k.flags());
    let json = json_of(&out);
    assert_eq!(out.status.code(), Some(0), "{json:#}\n{}", stderr_of(&out));
    assert_eq!(json["summary"]["total"], 3, "{json:#}");
    for (reference, digest, id, container) in [
        ("registry.k8s.io/tool:v1", &init, &init_id, "setup"),
        ("registry.k8s.io/tool:v1", &main, &main_id, "app"),
        ("registry.k8s.io/debug:v1", &debug, &debug_id, "debugger"),
    ] {
        let e = entry(&json, reference, Some(digest));
        assert_eq!(e["verdict"], "verified", "{e:#}");
        assert_eq!(uses(e), [format!("default/web[{container}]")], "{e:#}");
        assert_eq!(e["sources"][0]["imageID"], id.as_str(), "{e:#}");
        assert_eq!(e["sources"][0]["status"], "running", "{e:#}");
    }
}

/// A TLS registry with htpasswd auth, a test Sigstore and a key that signs its images.
struct PrivateRegistry {
    sigstore: TestSigstore,
    reg: TestRegistry,
    key: Key,
    key_path: PathBuf,
}

const USER: &str = "puller";
const PASS: &str = "right-pass";

impl PrivateRegistry {
    fn new(reg: TestRegistry) -> Self {
        let sigstore = TestSigstore::new();
        let key = Key::generate();
        let key_path = sigstore.dir().join("cosign.pub");
        std::fs::write(&key_path, key.public_pem()).unwrap();
        Self {
            sigstore,
            reg,
            key,
            key_path,
        }
    }

    fn tls() -> Self {
        Self::new(TestRegistry::tls_with_auth(USER, PASS))
    }

    fn plain() -> Self {
        Self::new(TestRegistry::plain())
    }

    /// Pushes `repo:tag`, signs it with the key (legacy `.sig`, logged) and returns
    /// (the reference `HOST/repo:tag`, its digest, the containerd imageID).
    fn push_signed(&self, repo: &str, tag: &str) -> (String, String, String) {
        let host = self.reg.host();
        let d = self.reg.push_image(repo, tag);
        let payload = simple_signing_payload(&format!("{host}/{repo}"), &d);
        push_legacy(
            &self.reg,
            repo,
            &d,
            &[self.sigstore.legacy_layer(Signer::Key(&self.key), &payload)],
        );
        let id = format!("{host}/{repo}@{d}");
        (format!("{host}/{repo}:{tag}"), d, id)
    }

    /// The trust flags and, for TLS, the CA (`--insecure-registry` for a plain one); the key
    /// is left to the test.
    fn flags(&self) -> Vec<String> {
        let mut flags = vec![
            "--trusted-root".to_owned(),
            self.sigstore
                .trusted_root_path()
                .to_str()
                .unwrap()
                .to_owned(),
        ];
        match self.reg.ca_pem_path() {
            Some(ca) => flags.extend(["--registry-ca".to_owned(), ca.to_str().unwrap().to_owned()]),
            None => flags.extend(["--insecure-registry".to_owned(), self.reg.host()]),
        }
        flags
    }

    fn key_flags(&self) -> Vec<String> {
        let mut flags = self.flags();
        flags.extend([
            "--key".to_owned(),
            self.key_path.to_str().unwrap().to_owned(),
        ]);
        flags
    }
}

/// Issue 7: pull-secret credentials reach a TLS + auth registry, as the kubelet finds them —
/// the pod's `imagePullSecrets` (dockerconfigjson and legacy dockercfg) and, for a pod with
/// none, its service account's — while without them (and no local docker config) the same
/// images are refused.
#[test]
fn pull_secrets_reach_a_tls_registry_with_auth() {
    let p = PrivateRegistry::tls();
    let host = p.reg.host();
    let api = KubeApi::start();
    let mut images = Vec::new();
    for (pod, secrets, account) in [
        ("json", &["json-cred"][..], None),
        ("cfg", &["cfg-cred"][..], None),
        ("sa", &[][..], Some("builder")),
    ] {
        let (image, digest, id) = p.push_signed(&format!("team/{pod}"), "v1");
        for (ns, secrets, account) in [("team", secrets, account), ("bare", &[][..], None)] {
            api.add(fixtures::pod_full(
                ns,
                pod,
                &[],
                &[],
                &[c("app", &image, &id)],
                &[],
                secrets,
                account,
            ));
        }
        images.push((image, digest));
    }
    // A container still pulling and one the node reports by config digest: the tag lookups
    // need the pull secret too.
    let (pending_image, pending_digest, _) = p.push_signed("team/pending", "v1");
    let (config_image, config_digest, _) = p.push_signed("team/config", "v1");
    let config = config_of(&p.reg, "team/config", &config_digest);
    for ns in ["team", "bare"] {
        let secrets: &[&str] = if ns == "team" { &["json-cred"] } else { &[] };
        api.add(fixtures::pod_full(
            ns,
            "lookups",
            &[],
            &[],
            &[
                C {
                    name: "pending",
                    image: &pending_image,
                    image_id: None,
                },
                c("config", &config_image, &config),
            ],
            &[],
            secrets,
            None,
        ));
    }
    images.push((pending_image, pending_digest));
    images.push((config_image, config_digest));
    api.add(fixtures::dockerconfigjson_secret(
        "team",
        "json-cred",
        &host,
        USER,
        PASS,
    ));
    api.add(fixtures::dockercfg_secret(
        "team", "cfg-cred", &host, USER, PASS,
    ));
    api.add(fixtures::dockerconfigjson_secret(
        "team", "sa-cred", &host, USER, PASS,
    ));
    api.add(fixtures::service_account("team", "builder", &["sa-cred"]));
    let tmp = tempfile::tempdir().unwrap();
    let kubeconfig = cluster_with_token(&api, tmp.path(), None);

    let out = run(
        &kubeconfig,
        &["pods", "-n", "team", "-o", "json"],
        &p.key_flags(),
    );
    let json = json_of(&out);
    let stderr = stderr_of(&out);
    assert_eq!(out.status.code(), Some(0), "{json:#}\n{stderr}");
    assert_eq!(stderr, "", "no warnings");
    for (image, digest) in &images {
        let e = entry(&json, image, Some(digest));
        assert_eq!(e["verdict"], "verified", "{e:#}");
        assert_eq!(e["signer"]["kind"], "key", "{e:#}");
    }

    // The same images in a namespace without pull secrets: no credentials, refused.
    let out = run(
        &kubeconfig,
        &["pods", "-n", "bare", "-o", "json"],
        &p.key_flags(),
    );
    let json = json_of(&out);
    assert_eq!(out.status.code(), Some(1), "{json:#}\n{}", stderr_of(&out));
    for (image, _) in &images {
        let e = entry(&json, image, None);
        assert_ne!(e["verdict"], "verified", "{e:#}");
        assert!(
            e["detail"].as_str().unwrap().contains("unauthorized"),
            "{e:#}"
        );
    }
}

/// Issue 7: a pull secret the RBAC forbids reading is ONE warning line (however many pods name
/// it), and the run goes on with the local docker config's credentials.
#[test]
fn forbidden_pull_secret_is_one_warning_and_local_credentials_are_used() {
    let p = PrivateRegistry::tls();
    let api = KubeApi::start();
    let (image, digest, id) = p.push_signed("team/app", "v1");
    for pod in ["a", "b", "c"] {
        api.add(fixtures::pod_full(
            "team",
            pod,
            &[],
            &[],
            &[c("app", &image, &id)],
            &[],
            &["regcred"],
            None,
        ));
    }
    api.add(fixtures::dockerconfigjson_secret(
        "team",
        "regcred",
        &p.reg.host(),
        USER,
        PASS,
    ));
    api.deny(None, "get", "secrets", None);
    let tmp = tempfile::tempdir().unwrap();
    let kubeconfig = cluster_with_token(&api, tmp.path(), None);
    let docker_config = p.reg.docker_config_dir(USER, PASS);

    let out = verify(&kubeconfig)
        .env("DOCKER_CONFIG", &docker_config)
        .args(["pods", "-n", "team", "-o", "json"])
        .args(p.key_flags())
        .output()
        .unwrap();
    let json = json_of(&out);
    let stderr = stderr_of(&out);
    assert_eq!(out.status.code(), Some(0), "{json:#}\n{stderr}");
    let e = entry(&json, &image, Some(&digest));
    assert_eq!(e["verdict"], "verified", "{e:#}");
    assert_eq!(uses(e).len(), 3, "{e:#}");
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{stderr}");
    assert!(lines[0].contains("team/regcred"), "{stderr}");
    assert!(lines[0].contains("forbidden"), "{stderr}");
    assert!(lines[0].contains("local docker config"), "{stderr}");
}

/// Issue 7: two namespaces hold different secrets for the same registry (one right password,
/// one wrong) and run the same digest: the right one's pods verify, the wrong one's do not —
/// nothing one namespace's credential obtained serves the other.
#[test]
fn pull_secrets_do_not_cross_namespaces() {
    let p = PrivateRegistry::tls();
    let host = p.reg.host();
    let api = KubeApi::start();
    let (image, digest, id) = p.push_signed("team/app", "v1");
    for (ns, pass) in [("right", PASS), ("wrong", "wrong-pass")] {
        api.add(fixtures::dockerconfigjson_secret(
            ns, "regcred", &host, USER, pass,
        ));
        api.add(fixtures::pod_full(
            ns,
            "web",
            &[],
            &[],
            &[c("app", &image, &id)],
            &[],
            &["regcred"],
            None,
        ));
    }
    let tmp = tempfile::tempdir().unwrap();
    let kubeconfig = cluster_with_token(&api, tmp.path(), None);

    let out = run(&kubeconfig, &["pods", "-A", "-o", "json"], &p.key_flags());
    let json = json_of(&out);
    assert_eq!(out.status.code(), Some(1), "{json:#}\n{}", stderr_of(&out));
    let entries: Vec<&Value> = json["images"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["reference"] == image.as_str())
        .collect();
    let verified: Vec<&&Value> = entries
        .iter()
        .filter(|e| e["verdict"] == "verified")
        .collect();
    let refused: Vec<&&Value> = entries
        .iter()
        .filter(|e| e["verdict"] != "verified")
        .collect();
    assert_eq!(verified.len(), 1, "{json:#}");
    assert_eq!(refused.len(), 1, "{json:#}");
    assert_eq!(verified[0]["digest"], digest.as_str());
    assert_eq!(uses(verified[0]), ["right/web[app]"], "{json:#}");
    assert_eq!(uses(refused[0]), ["wrong/web[app]"], "{json:#}");
    assert!(
        refused[0]["detail"]
            .as_str()
            .unwrap()
            .contains("unauthorized"),
        "{json:#}"
    );
}

/// Issue 7: `--key k8s://NS/SECRET` reads the secret's `cosign.pub` (from the flag and from a
/// policy file's `key: {path: k8s://…}`); a missing secret, or one without `cosign.pub`, is
/// exit 2 with one line.
#[test]
fn k8s_secret_keys_verify_key_signed_images() {
    let p = PrivateRegistry::plain();
    let api = KubeApi::start();
    let (image, digest, id) = p.push_signed("keyed/app", "v1");
    api.add(fixtures::pod(
        "default",
        "web",
        &[],
        &[c("app", &image, &id)],
    ));
    let pem = p.key.public_pem();
    api.add(fixtures::opaque_secret(
        "cosign-system",
        "signing-key",
        &[("cosign.pub", pem.as_bytes())],
    ));
    api.add(fixtures::opaque_secret(
        "cosign-system",
        "no-pub",
        &[("cosign.key", b"not a public key")],
    ));
    let tmp = tempfile::tempdir().unwrap();
    let kubeconfig = cluster_with_token(&api, tmp.path(), None);

    let fingerprint = format!("sha256:{}", p.key.fingerprint());
    let mut flags = p.flags();
    flags.extend([
        "--key".to_owned(),
        "k8s://cosign-system/signing-key".to_owned(),
    ]);
    let out = run(&kubeconfig, &["pods", "-o", "json"], &flags);
    let json = json_of(&out);
    assert_eq!(out.status.code(), Some(0), "{json:#}\n{}", stderr_of(&out));
    let e = entry(&json, &image, Some(&digest));
    assert_eq!(e["verdict"], "verified", "{e:#}");
    assert_eq!(e["signer"]["kind"], "key", "{e:#}");
    assert_eq!(e["signer"]["fingerprint"], fingerprint, "{e:#}");

    // `kubectl verify image` reads the key through the kubeconfig's current context too.
    let out = verify(&kubeconfig)
        .args(["image", "-o", "json", &format!("{image}@{digest}")])
        .args(&flags)
        .output()
        .unwrap();
    let json = json_of(&out);
    assert_eq!(out.status.code(), Some(0), "{json:#}\n{}", stderr_of(&out));
    assert_eq!(json["images"][0]["verdict"], "verified", "{json:#}");
    assert_eq!(json["images"][0]["signer"]["fingerprint"], fingerprint);

    for (uri, says) in [
        ("k8s://cosign-system/missing", "not found"),
        ("k8s://cosign-system/no-pub", "cosign.pub"),
    ] {
        let mut flags = p.flags();
        flags.extend(["--key".to_owned(), uri.to_owned()]);
        let out = run(&kubeconfig, &["pods", "-o", "json"], &flags);
        let stderr = stderr_of(&out);
        assert_eq!(out.status.code(), Some(2), "{uri}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{uri}: {stderr}");
        assert!(stderr.contains(says), "{uri}: {stderr}");
        assert!(stderr.contains(uri.rsplit('/').next().unwrap()), "{stderr}");
    }

    let policy = tmp.path().join("policy.yaml");
    std::fs::write(
        &policy,
        format!(
            "policies:\n- name: keyed\n  images:\n  - glob: \"{}/keyed/**\"\n  authorities:\n  - key: {{path: k8s://cosign-system/signing-key}}\n",
            p.reg.host()
        ),
    )
    .unwrap();
    let mut flags = p.flags();
    flags.extend(["--policy".to_owned(), policy.to_str().unwrap().to_owned()]);
    let out = run(&kubeconfig, &["pods", "-o", "json"], &flags);
    let json = json_of(&out);
    assert_eq!(out.status.code(), Some(0), "{json:#}\n{}", stderr_of(&out));
    let e = entry(&json, &image, Some(&digest));
    assert_eq!(e["verdict"], "verified", "{e:#}");
    assert_eq!(e["policy"], "keyed", "{e:#}");
    assert_eq!(e["signer"]["fingerprint"], fingerprint, "{e:#}");

    // Issue 13: policy-controller's ClusterImagePolicy with `key.secretRef` (its e2e vector,
    // glob substituted) reads the secret from policy-controller's namespace, whose only entry
    // is the key, as policy-controller inlines it.
    api.add(fixtures::opaque_secret(
        "cosign-system",
        "cip-secret",
        &[("key.pub", pem.as_bytes())],
    ));
    let vector = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/policies/policy-controller/cip-key-secretref.yaml"),
    )
    .unwrap();
    let cip = tmp.path().join("cip.yaml");
    std::fs::write(&cip, vector.replace("**demo**", "**keyed**")).unwrap();
    let mut flags = p.flags();
    flags.extend(["--policy".to_owned(), cip.to_str().unwrap().to_owned()]);
    let out = run(&kubeconfig, &["pods", "-o", "json"], &flags);
    let json = json_of(&out);
    assert_eq!(out.status.code(), Some(0), "{json:#}\n{}", stderr_of(&out));
    let e = entry(&json, &image, Some(&digest));
    assert_eq!(e["verdict"], "verified", "{e:#}");
    assert_eq!(e["policy"], "cip-key-secret", "{e:#}");
    assert_eq!(e["origin"]["kind"], "ClusterImagePolicy", "{e:#}");
    assert_eq!(e["signer"]["fingerprint"], fingerprint, "{e:#}");
}

/// Issue 7: `--drift` reports what the tag resolves to now when a node runs an older digest,
/// and nothing when the running digest is a platform child of the tag's current index.
#[test]
fn drift_reports_moved_tags_but_not_platform_children() {
    let k = K8sRegistry::new();
    let old = k.push_signed("moved", "v1-build1");
    let now = k.push_signed("moved", "v1");
    let (_index, children) =
        k.reg
            .push_index("multi", "v1", &[("linux", "amd64"), ("linux", "arm64")]);
    k.sign("multi", &children[0]);
    let api = KubeApi::start();
    let moved_id = format!("registry.k8s.io/moved@{old}");
    let child_id = format!("registry.k8s.io/multi@{}", children[0]);
    api.add(fixtures::pod(
        "default",
        "moved",
        &[],
        &[c("app", "registry.k8s.io/moved:v1", &moved_id)],
    ));
    api.add(fixtures::pod(
        "default",
        "multi",
        &[],
        &[c("app", "registry.k8s.io/multi:v1", &child_id)],
    ));
    let tmp = tempfile::tempdir().unwrap();
    let kubeconfig = cluster_with_token(&api, tmp.path(), None);

    let out = run(&kubeconfig, &["pods", "-o", "json"], &k.flags());
    let json = json_of(&out);
    assert_eq!(out.status.code(), Some(0), "{json:#}\n{}", stderr_of(&out));
    assert!(
        json["images"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e.get("currentDigest").is_none()),
        "no drift without --drift: {json:#}"
    );

    let out = run(&kubeconfig, &["pods", "--drift", "-o", "json"], &k.flags());
    let json = json_of(&out);
    assert_eq!(out.status.code(), Some(0), "{json:#}\n{}", stderr_of(&out));
    let e = entry(&json, "registry.k8s.io/moved:v1", None);
    assert_eq!(e["digest"], old.as_str(), "{e:#}");
    assert_eq!(e["verdict"], "verified", "{e:#}");
    assert_eq!(e["currentDigest"], now.as_str(), "{e:#}");
    assert!(e["detail"].as_str().unwrap().contains("drift"), "{e:#}");
    let e = entry(&json, "registry.k8s.io/multi:v1", None);
    assert_eq!(e["digest"], children[0].as_str(), "{e:#}");
    assert_eq!(e["verdict"], "verified", "{e:#}");
    assert!(e.get("currentDigest").is_none(), "{e:#}");
}

/// Issue 7: `-o wide` lists every use as `ns/pod/name[container]`, and `-o yaml` carries the
/// same sources as `-o json`.
#[test]
fn wide_lists_uses_and_yaml_has_the_same_sources() {
    let k = K8sRegistry::new();
    let d = k.push_signed("shared", "v1");
    let id = format!("registry.k8s.io/shared@{d}");
    let api = KubeApi::start();
    for pod in ["web-1", "web-2"] {
        api.add(fixtures::pod(
            "default",
            pod,
            &[],
            &[c("app", "registry.k8s.io/shared:v1", &id)],
        ));
    }
    let tmp = tempfile::tempdir().unwrap();
    let kubeconfig = cluster_with_token(&api, tmp.path(), None);

    let out = run(&kubeconfig, &["pods", "-o", "wide"], &k.flags());
    let table = stdout_of(&out);
    assert_eq!(out.status.code(), Some(0), "{table}\n{}", stderr_of(&out));
    assert!(table.lines().next().unwrap().contains("USED BY"), "{table}");
    let line = table
        .lines()
        .find(|l| l.starts_with("registry.k8s.io/shared:v1"))
        .unwrap();
    assert!(
        line.contains("default/pod/web-1[app],default/pod/web-2[app]"),
        "{line}"
    );

    let out = run(&kubeconfig, &["pods", "-o", "json"], &k.flags());
    let json = json_of(&out);
    let out = run(&kubeconfig, &["pods", "-o", "yaml"], &k.flags());
    let yaml = stdout_of(&out);
    assert_eq!(out.status.code(), Some(0), "{yaml}\n{}", stderr_of(&out));
    let e = entry(&json, "registry.k8s.io/shared:v1", Some(&d));
    assert_eq!(uses(e), ["default/web-1[app]", "default/web-2[app]"]);
    assert_eq!(parsed_yaml(&yaml), scalars_as_text(&json), "{yaml}");
    assert!(yaml.contains("    imageID: "), "{yaml}");
}

/// A YAML document as JSON, read by the crate's YAML parser: scalars become strings.
fn parsed_yaml(text: &str) -> Value {
    use kubectl_verify::manifest::yaml::{NodeId, Value as Y, Yaml};
    fn convert(y: &Yaml, id: NodeId) -> Value {
        match &y.node(id).value {
            Y::Scalar { text, .. } => Value::String((*text).to_owned()),
            Y::Seq(items) => Value::Array(items.iter().map(|i| convert(y, *i)).collect()),
            Y::Map(pairs) => Value::Object(
                pairs
                    .iter()
                    .map(|(k, v)| (y.scalar(*k).unwrap().0.to_owned(), convert(y, *v)))
                    .collect(),
            ),
        }
    }
    let y = Yaml::parse(text).unwrap();
    assert_eq!(y.documents.len(), 1, "{text}");
    convert(&y, y.documents[0])
}

/// `json` with every scalar as its text, to compare with [`parsed_yaml`].
fn scalars_as_text(json: &Value) -> Value {
    match json {
        Value::String(s) => Value::String(s.clone()),
        Value::Array(a) => Value::Array(a.iter().map(scalars_as_text).collect()),
        Value::Object(o) => Value::Object(
            o.iter()
                .map(|(k, v)| (k.clone(), scalars_as_text(v)))
                .collect(),
        ),
        other => Value::String(other.to_string()),
    }
}

/// Issue 7: `--drift` looks the tag up with the pod's pull-secret credentials: a private
/// registry's moved tag is reported too, not silently skipped.
#[test]
fn drift_uses_the_pull_secret_of_the_pods() {
    let p = PrivateRegistry::tls();
    let api = KubeApi::start();
    let (_, old, _) = p.push_signed("team/app", "v1-build1");
    let (image, now, _) = p.push_signed("team/app", "v1");
    let id = format!("{}/team/app@{old}", p.reg.host());
    api.add(fixtures::dockerconfigjson_secret(
        "team",
        "regcred",
        &p.reg.host(),
        USER,
        PASS,
    ));
    api.add(fixtures::pod_full(
        "team",
        "web",
        &[],
        &[],
        &[c("app", &image, &id)],
        &[],
        &["regcred"],
        None,
    ));
    let tmp = tempfile::tempdir().unwrap();
    let kubeconfig = cluster_with_token(&api, tmp.path(), None);

    let out = run(
        &kubeconfig,
        &["pods", "-n", "team", "--drift", "-o", "json"],
        &p.key_flags(),
    );
    let json = json_of(&out);
    assert_eq!(out.status.code(), Some(0), "{json:#}\n{}", stderr_of(&out));
    let e = entry(&json, &image, Some(&old));
    assert_eq!(e["verdict"], "verified", "{e:#}");
    assert_eq!(e["currentDigest"], now.as_str(), "{e:#}");
}
