//! `kubectl verify release`: a fake Kubernetes release served from loopback — the SBOM and
//! binaries by an HTTPS stand-in for dl.k8s.io and sbom.k8s.io, the images by the real
//! `docker-registry` signed as krel-trust by the test Sigstore, the SBOM, provenance and
//! binaries signed as krel-staging with `.sig`/`.cert` and logged in the Rekor stand-in.
#![allow(clippy::unwrap_used)] // test setup: a failure is a broken fixture

use std::path::{Path, PathBuf};
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;
use serde_json::{Value, json};
use sha2::{Digest as _, Sha256};

use crate::image::push_legacy;
use crate::support::https::HttpsFiles;
use crate::support::kubectl_verify;
use crate::support::registry::TestRegistry;
use crate::support::rekor::RekorStandIn;
use crate::support::sigstore::{Identity, Signer, TestSigstore, simple_signing_payload};

const V: &str = "v1.35.0";
const KREL_STAGING: &str = "krel-staging@k8s-releng-prod.iam.gserviceaccount.com";
const KREL_TRUST: &str = "krel-trust@k8s-releng-prod.iam.gserviceaccount.com";
const GOOGLE: &str = "https://accounts.google.com";
const IMAGES: [&str; 6] = [
    "conformance",
    "kube-apiserver",
    "kube-controller-manager",
    "kube-proxy",
    "kube-scheduler",
    "kubectl",
];
const ARCHES: [&str; 5] = ["amd64", "arm", "arm64", "ppc64le", "s390x"];

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/release")
        .join(name)
}

fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// Deterministic bytes standing in for a binary.
fn binary_bytes(seed: &str, len: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(len + 32);
    let mut block: [u8; 32] = Sha256::digest(seed.as_bytes()).into();
    while out.len() < len {
        out.extend_from_slice(&block);
        block = Sha256::digest(block).into();
    }
    out.truncate(len);
    out
}

/// One fake release on loopback.
struct Release {
    s: TestSigstore,
    rekor: RekorStandIn,
    /// krel-staging: the SBOM, the provenance, the binaries.
    krel: Identity,
    /// krel-trust: the images.
    krel_trust: Identity,
    files: HttpsFiles,
    reg: TestRegistry,
    root: PathBuf,
    /// `(name, sha256)` subjects of provenance.json.
    subjects: std::cell::RefCell<Vec<(String, String)>>,
    tmp: tempfile::TempDir,
}

impl Release {
    fn new() -> Self {
        let s = TestSigstore::new();
        let rekor = RekorStandIn::start();
        rekor.add_filler(3);
        let tmp = tempfile::tempdir().unwrap();
        // One root with both logs: the test Sigstore's (image signatures carry its SETs) and
        // the Rekor stand-in's (the .sig/.cert pairs are looked up there).
        let mut root: Value = serde_json::from_str(&s.trusted_root_json()).unwrap();
        let with_rekor: Value =
            serde_json::from_str(&rekor.trusted_root(&s.trusted_root_path())).unwrap();
        root["tlogs"]
            .as_array_mut()
            .unwrap()
            .extend(with_rekor["tlogs"].as_array().unwrap().iter().cloned());
        let root_path = tmp.path().join("trusted_root.json");
        std::fs::write(&root_path, serde_json::to_string_pretty(&root).unwrap()).unwrap();
        let krel = s.keyless(KREL_STAGING, GOOGLE);
        let krel_trust = s.keyless(KREL_TRUST, GOOGLE);
        Self {
            s,
            rekor,
            krel,
            krel_trust,
            files: HttpsFiles::start(),
            reg: TestRegistry::plain(),
            root: root_path,
            subjects: std::cell::RefCell::new(Vec::new()),
            tmp,
        }
    }

    /// Serves `bytes` at `path` with `path.sig` and `path.cert` (base64 of the PEM, as
    /// dl.k8s.io serves them) by `who`, logged in the Rekor stand-in.
    fn serve_signed(&self, path: &str, bytes: &[u8], who: &Identity) {
        self.files.put(path, bytes.to_vec());
        self.sign_at(path, bytes, who);
    }

    /// Only the `.sig` and `.cert` of `bytes`, at `path.sig` / `path.cert`; returns their
    /// contents.
    fn sign_at(&self, path: &str, bytes: &[u8], who: &Identity) -> (String, String) {
        let sig = B64.encode(who.key.sign(bytes));
        let cert = B64.encode(who.cert_pem());
        self.files.put(&format!("{path}.sig"), sig.clone());
        self.files.put(&format!("{path}.cert"), cert.clone());
        let now = i64::try_from(
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .unwrap()
                .as_secs(),
        )
        .unwrap();
        self.rekor
            .add_hashedrekord(&sha256_hex(bytes), &sig, &who.cert_pem(), now);
        (sig, cert)
    }

    /// The SBOM at sbom.k8s.io, its signature beside dl.k8s.io's copy.
    fn serve_sbom(&self, text: &[u8], who: &Identity) {
        self.files.put(&format!("/sbom/{V}/release"), text.to_vec());
        self.files.put(
            &format!("/dl/release/{V}/kubernetes-release.spdx"),
            text.to_vec(),
        );
        self.sign_at(
            &format!("/dl/release/{V}/kubernetes-release.spdx"),
            text,
            who,
        );
    }

    fn serve_release_sbom(&self) {
        let sbom = std::fs::read(data(&format!("kubernetes-{V}.spdx"))).unwrap();
        self.serve_sbom(&sbom, &self.krel);
    }

    /// A binary with its `.sha256`, `.sig` and `.cert`, listed in the provenance.
    fn serve_binary(&self, arch: &str, name: &str, bytes: &[u8]) -> String {
        let path = format!("/dl/release/{V}/bin/linux/{arch}/{name}");
        self.serve_signed(&path, bytes, &self.krel);
        self.files
            .put(&format!("{path}.sha256"), sha256_hex(bytes).into_bytes());
        self.subjects
            .borrow_mut()
            .push((format!("bin/linux/{arch}/{name}"), sha256_hex(bytes)));
        path
    }

    /// provenance.json over the subjects listed so far, signed by krel-staging.
    fn serve_provenance(&self) {
        let statement = json!({
            "_type": "https://in-toto.io/Statement/v0.1",
            "predicateType": "https://slsa.dev/provenance/v0.2",
            "subject": self.subjects.borrow().iter().map(|(n, d)| json!({
                "name": n, "digest": { "sha256": d }
            })).collect::<Vec<_>>(),
            "predicate": { "builder": { "id": "https://prow.k8s.io" } },
        });
        let bytes = serde_json::to_vec_pretty(&statement).unwrap();
        self.serve_signed(
            &format!("/dl/release/{V}/provenance.json"),
            &bytes,
            &self.krel,
        );
    }

    /// Pushes every release image of `arches` and signs it as krel-trust, except `unsigned`.
    fn push_images(&self, arches: &[&str], unsigned: &[&str]) {
        for arch in arches {
            for image in IMAGES {
                let repo = format!("{image}-{arch}");
                let digest = self.reg.push_image(&repo, V);
                if unsigned.contains(&repo.as_str()) {
                    continue;
                }
                let payload = simple_signing_payload(&format!("registry.k8s.io/{repo}"), &digest);
                push_legacy(
                    &self.reg,
                    &repo,
                    &digest,
                    &[self
                        .s
                        .legacy_layer(Signer::Keyless(&self.krel_trust), &payload)],
                );
            }
        }
    }

    /// `kubectl verify release` pointed at the stand-ins.
    fn cmd(&self) -> assert_cmd::Command {
        let host = self.reg.host();
        let mut cmd = kubectl_verify();
        cmd.arg("release")
            .arg(format!("--dl-url-base={}/dl", self.files.url()))
            .arg(format!("--sbom-url-base={}/sbom", self.files.url()))
            .arg("--download-ca")
            .arg(self.files.ca_pem_path())
            .arg(format!("--registry-mirror=registry.k8s.io={host}"))
            .arg(format!("--insecure-registry={host}"))
            .arg("--trusted-root")
            .arg(&self.root)
            .arg(format!("--rekor-url={}", self.rekor.url));
        cmd
    }
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not JSON ({e}):\n{}\nstderr:\n{}",
                self.stdout, self.stderr
            )
        })
    }
}

fn run(cmd: &mut assert_cmd::Command) -> Run {
    let out = cmd.output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// `(kind, name, platform)` → the artifact line.
fn artifact<'a>(report: &'a Value, kind: &str, name: &str, platform: Option<&str>) -> &'a Value {
    report["artifacts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| {
            a["kind"] == kind
                && a["name"] == name
                && platform.is_none_or(|p| a["platform"].as_str() == Some(p))
        })
        .unwrap_or_else(|| panic!("no {kind} {name} {platform:?} in {report:#}"))
}

/// The headline: every amd64 image of the release and kubectl verify, with the SBOM and
/// provenance, in one run; the binary is kept only once verified, executable, atomically.
#[test]
fn release_verifies_every_image_and_kubectl() {
    let r = Release::new();
    r.serve_release_sbom();
    let kubectl = binary_bytes("kubectl linux/amd64", 3 * 1024 * 1024 + 17);
    r.serve_binary("amd64", "kubectl", &kubectl);
    r.serve_provenance();
    r.push_images(&["amd64"], &[]);
    let keep = r.tmp.path().join("bin");

    let out = run(r
        .cmd()
        .args([V, "--platform", "linux/amd64", "-o", "json"])
        .arg("--download-dir")
        .arg(&keep));
    assert_eq!(out.code, 0, "{}\n{}", out.stdout, out.stderr);
    let report = out.json();
    assert_eq!(report["apiVersion"], "kubectl-verify/v1");
    assert_eq!(report["kind"], "ReleaseVerificationReport");
    assert_eq!(report["schemaVersion"], 1);
    assert_eq!(report["release"]["version"], V);
    // The README's ReleaseVerificationReport example has the keys of this report.
    crate::readme::assert_readme_json_keys("ReleaseVerificationReport", &report);
    assert_eq!(
        report["summary"],
        json!({"total": 9, "verified": 9, "failed": 0, "images": 6, "binaries": 1})
    );
    let sbom = &report["artifacts"][0];
    assert_eq!(sbom["kind"], "sbom");
    assert_eq!(sbom["verdict"], "verified");
    assert_eq!(sbom["signer"]["identity"], KREL_STAGING);
    assert!(sbom["rekor"]["logIndex"].is_number(), "{sbom}");
    assert_eq!(report["artifacts"][1]["kind"], "provenance");
    assert_eq!(report["artifacts"][1]["verdict"], "verified");
    for image in IMAGES {
        let a = artifact(
            &report,
            "image",
            &format!("registry.k8s.io/{image}-amd64:{V}"),
            Some("linux/amd64"),
        );
        assert_eq!(a["verdict"], "verified", "{a}");
        assert_eq!(a["signer"]["identity"], KREL_TRUST);
        assert!(a["digest"].as_str().unwrap().starts_with("sha256:"));
    }
    let bin = artifact(&report, "binary", "kubectl", Some("linux/amd64"));
    assert_eq!(bin["verdict"], "verified", "{bin}");
    assert_eq!(bin["signer"]["identity"], KREL_STAGING);
    assert_eq!(bin["digest"], format!("sha256:{}", sha256_hex(&kubectl)));
    assert!(bin["rekor"]["logIndex"].is_number(), "{bin}");
    let kept = keep.join("linux/amd64/kubectl");
    assert_eq!(bin["path"], kept.display().to_string());
    assert_eq!(std::fs::read(&kept).unwrap(), kubectl);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&kept).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o755);
    }
    let leftovers: Vec<_> = std::fs::read_dir(keep.join("linux/amd64"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers, vec![std::ffi::OsString::from("kubectl")]);
    // Only amd64 images were asked for: no other architecture was looked up.
    assert!(
        !r.reg.request_log().iter().any(|l| l.contains("-arm64/")),
        "an arm64 image was fetched"
    );

    // The table: one line per artifact and the summary.
    let out = run(r.cmd().args([V, "--platform", "linux/amd64"]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert!(lines[0].starts_with("KIND"), "{}", out.stdout);
    assert!(lines[0].contains("PLATFORM") && lines[0].contains("SIGNER"));
    assert_eq!(
        lines.iter().filter(|l| l.starts_with("image ")).count(),
        6,
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains(&format!(
        "{V} verified: 9 artifacts (6 images, 1 binaries), 9 verified, 0 failed"
    )));
}

/// Each negative case of the issue gets its own verdict in one run: an unsigned image, a
/// binary whose sha256 differs from the provenance, one whose bytes differ from its
/// `.sha256`, one whose `.cert` names another identity, one the provenance does not list,
/// one never signed. Only the binary that verified is kept.
#[test]
fn each_negative_case_is_reported_with_its_own_verdict() {
    let r = Release::new();
    r.serve_release_sbom();
    r.push_images(&["arm64"], &["kube-scheduler-arm64"]);
    r.serve_binary("arm64", "kubectl", &binary_bytes("kubectl", 200_000));
    // kubeadm: the provenance vouches for other bytes.
    let kubeadm = binary_bytes("kubeadm", 100_000);
    r.serve_binary("arm64", "kubeadm", &kubeadm);
    r.subjects
        .borrow_mut()
        .retain(|(n, _)| !n.ends_with("/kubeadm"));
    r.subjects.borrow_mut().push((
        "bin/linux/arm64/kubeadm".into(),
        sha256_hex(b"the real kubeadm"),
    ));
    // kubelet: the published .sha256 is of other bytes.
    let kubelet = r.serve_binary("arm64", "kubelet", &binary_bytes("kubelet", 100_000));
    r.files.put(
        &format!("{kubelet}.sha256"),
        format!("{}  kubelet\n", sha256_hex(b"other bytes")),
    );
    // kube-apiserver: signed, and logged, by someone else.
    let apiserver = r.serve_binary("arm64", "kube-apiserver", &binary_bytes("apiserver", 1000));
    let someone = r.s.keyless("someone@example.com", GOOGLE);
    r.sign_at(&apiserver, &binary_bytes("apiserver", 1000), &someone);
    // kube-proxy: not in the provenance.
    r.serve_binary("arm64", "kube-proxy", &binary_bytes("kube-proxy", 1000));
    r.subjects
        .borrow_mut()
        .retain(|(n, _)| !n.ends_with("/kube-proxy"));
    // kube-scheduler: never signed.
    let scheduler = r.serve_binary("arm64", "kube-scheduler", &binary_bytes("sched", 1000));
    r.files.remove(&format!("{scheduler}.sig"));
    r.files.remove(&format!("{scheduler}.cert"));
    r.serve_provenance();
    let keep = r.tmp.path().join("kept");

    let out = run(r
        .cmd()
        .args([V, "--platform", "linux/arm64", "-o", "json"])
        .args([
            "--binaries",
            "kubectl,kubeadm,kubelet,kube-apiserver,kube-proxy,kube-scheduler",
        ])
        .arg("--download-dir")
        .arg(&keep));
    assert_eq!(out.code, 1, "{}\n{}", out.stdout, out.stderr);
    let report = out.json();
    let verdict = |kind: &str, name: &str| {
        let a = artifact(&report, kind, name, Some("linux/arm64"));
        (
            a["verdict"].as_str().unwrap().to_owned(),
            a["detail"].as_str().unwrap().to_owned(),
        )
    };
    for image in IMAGES {
        let name = format!("registry.k8s.io/{image}-arm64:{V}");
        let want = if image == "kube-scheduler" {
            "unsigned"
        } else {
            "verified"
        };
        assert_eq!(verdict("image", &name).0, want, "{name}");
    }
    assert_eq!(verdict("binary", "kubectl").0, "verified");
    let (v, d) = verdict("binary", "kubeadm");
    assert_eq!(v, "digest-mismatch");
    assert!(d.contains("provenance.json lists sha256:"), "{d}");
    let (v, d) = verdict("binary", "kubelet");
    assert_eq!(v, "digest-mismatch");
    assert!(d.contains("kubelet.sha256 says sha256:"), "{d}");
    let (v, d) = verdict("binary", "kube-apiserver");
    assert_eq!(v, "identity-mismatch");
    assert!(d.contains("someone@example.com"), "{d}");
    let (v, d) = verdict("binary", "kube-proxy");
    assert_eq!(v, "digest-mismatch");
    assert!(
        d.contains("provenance.json does not list bin/linux/arm64/kube-proxy"),
        "{d}"
    );
    let (v, d) = verdict("binary", "kube-scheduler");
    assert_eq!(v, "unsigned");
    assert!(d.contains("kube-scheduler.sig"), "{d}");
    assert_eq!(report["summary"]["failed"], 6);
    let kept: Vec<_> = std::fs::read_dir(keep.join("linux/arm64"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(kept, vec!["kubectl".to_owned()]);
}

/// An SBOM signed by another identity stops the run before anything in it is fetched (exit
/// 1, the verdict on the SBOM line); `--insecure-unsigned-sbom` goes on and still fails.
#[test]
fn an_sbom_signed_by_someone_else_stops_the_run() {
    let r = Release::new();
    let someone = r.s.keyless("someone@example.com", GOOGLE);
    let sbom = std::fs::read(data(&format!("kubernetes-{V}.spdx"))).unwrap();
    r.serve_sbom(&sbom, &someone);
    r.serve_binary("amd64", "kubectl", &binary_bytes("kubectl", 1000));
    r.serve_provenance();
    r.push_images(&["amd64"], &[]);
    let before = r.reg.request_log().len();

    let out = run(r.cmd().args([V, "--platform", "linux/amd64", "-o", "json"]));
    assert_eq!(out.code, 1, "{}\n{}", out.stdout, out.stderr);
    let report = out.json();
    let artifacts = report["artifacts"].as_array().unwrap();
    assert_eq!(artifacts.len(), 1, "{report:#}");
    assert_eq!(artifacts[0]["kind"], "sbom");
    assert_eq!(artifacts[0]["verdict"], "identity-mismatch");
    assert!(
        out.stderr.contains("nothing else was checked"),
        "{}",
        out.stderr
    );
    assert_eq!(r.reg.request_log().len(), before, "the registry was asked");
    assert!(
        !r.files.requests().iter().any(|l| l.contains("/bin/")),
        "a binary was downloaded"
    );

    let out = run(r.cmd().args([
        V,
        "--platform",
        "linux/amd64",
        "-o",
        "json",
        "--insecure-unsigned-sbom",
    ]));
    assert_eq!(out.code, 1, "{}", out.stderr);
    let report = out.json();
    assert_eq!(report["summary"]["total"], 9);
    assert_eq!(report["summary"]["failed"], 1);
    assert!(
        out.stderr.contains("--insecure-unsigned-sbom"),
        "{}",
        out.stderr
    );
}

/// An SBOM with a malformed block, an SBOM that lists no images and an unknown version are
/// runtime errors (exit 2) with one clear line.
#[test]
fn malformed_sboms_and_unknown_versions_are_errors() {
    let r = Release::new();
    let malformed = std::fs::read(data("malformed-block.spdx")).unwrap();
    r.serve_sbom(&malformed, &r.krel);
    let out = run(r.cmd().arg(V));
    assert_eq!(out.code, 2, "{}\n{}", out.stdout, out.stderr);
    assert!(
        out.stderr.contains(&format!(
            "parsing the SBOM {}/sbom/{V}/release: line 12: the package \
             \"registry.k8s.io/kube-proxy-amd64:{V}\" has no SPDXID",
            r.files.url()
        )),
        "{}",
        out.stderr
    );
    assert!(out.stdout.is_empty(), "{}", out.stdout);

    let empty = b"SPDXVersion: SPDX-2.3\nDataLicense: CC0-1.0\nSPDXID: SPDXRef-DOCUMENT\n\
                  DocumentName: empty\n\nFileName: kubernetes.tar.gz\nSPDXID: SPDXRef-File-k\n";
    r.serve_sbom(empty, &r.krel);
    let out = run(r.cmd().arg(V));
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("lists no registry.k8s.io images (0 packages)"),
        "{}",
        out.stderr
    );

    let out = run(r.cmd().arg("v9.9.9"));
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains(&format!(
            "error: reading the SBOM of v9.9.9: no release v9.9.9: fetching {}/sbom/v9.9.9/release: HTTP 404",
            r.files.url()
        )),
        "{}",
        out.stderr
    );

    let out = run(r.cmd().arg("stable-1.99"));
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("no release stable-1.99"),
        "{}",
        out.stderr
    );
}

/// `stable` is read from dl.k8s.io's marker file; a redirect of it to plain http is refused
/// (exit 2) and the http URL is never fetched.
#[test]
fn stable_resolves_through_dl_and_redirects_may_not_leave_https() {
    let r = Release::new();
    r.serve_release_sbom();
    r.push_images(&["s390x"], &[]);
    r.files.put("/dl/release/stable.txt", format!("{V}\n"));
    let out = run(r
        .cmd()
        .args(["--platform", "linux/s390x", "--binaries=", "-o", "yaml"]));
    assert_eq!(out.code, 0, "{}\n{}", out.stdout, out.stderr);
    assert!(
        out.stdout.contains("kind: ReleaseVerificationReport"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains(&format!("  version: {V}\n  requested: stable\n"))
    );
    // No binaries asked for: no provenance either.
    assert!(!out.stdout.contains("kind: provenance"), "{}", out.stdout);

    let http = crate::support::registry::HttpStub::start(|_| {
        crate::support::registry::StubResponse::new(200).body(format!("{V}\n"))
    });
    r.files.redirect(
        "/dl/release/stable.txt",
        &format!("http://{}/stable.txt", http.host()),
    );
    let out = run(r.cmd().args(["--platform", "linux/s390x"]));
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains(&format!(
            "refused a redirect to http://{}/stable.txt: release downloads stay on https",
            http.host()
        )),
        "{}",
        out.stderr
    );
    assert!(http.requests().is_empty(), "the http URL was fetched");
}

/// Runs the docs' recipe on an SBOM file.
fn recipe(path: &Path) -> Vec<String> {
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(
            r#"grep "SPDXID: SPDXRef-Package-registry.k8s.io" "$1" | grep -v sha256 | cut -d- -f3- | sed 's/-/\//' | sed 's/-v1/:v1/'"#,
        )
        .arg("recipe")
        .arg(path)
        .output()
        .unwrap();
    assert!(out.status.success());
    let mut lines: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    lines.sort();
    lines
}

fn parsed(path: &Path) -> Vec<String> {
    let doc = kubectl_verify::release::sbom::parse(&std::fs::read(path).unwrap()).unwrap();
    let mut refs: Vec<String> = kubectl_verify::release::sbom::images(&doc, "registry.k8s.io")
        .into_iter()
        .map(|i| i.reference)
        .collect();
    refs.sort();
    refs
}

/// The SBOM parser finds exactly the images the docs' `grep | cut | sed` recipe finds on a
/// release SBOM, and the right names where the recipe mangles them (a nested path, a name
/// with `-v1` in it, a tag that does not start with v1).
#[test]
fn sbom_parser_finds_what_the_docs_recipe_should() {
    let release = data(&format!("kubernetes-{V}.spdx"));
    let images = parsed(&release);
    assert_eq!(images.len(), ARCHES.len() * IMAGES.len());
    assert_eq!(images, recipe(&release));

    let mangled = data("mangled-names.spdx");
    let images = parsed(&mangled);
    let by_recipe = recipe(&mangled);
    let right = [
        "registry.k8s.io/build-image/go-runner-amd64:v2.4.0-go1.25.5",
        "registry.k8s.io/etcd-amd64:3.6.5-0",
        &format!("registry.k8s.io/kube-v1alpha-shim-amd64:{V}"),
    ];
    let wrong = [
        "registry.k8s.io/build-image-go-runner-amd64-v2.4.0-go1.25.5",
        "registry.k8s.io/etcd-amd64-3.6.5-0",
        &format!("registry.k8s.io/kube:v1alpha-shim-amd64-{V}"),
    ];
    for (right, wrong) in right.iter().zip(wrong) {
        assert!(
            images.iter().any(|i| i == right),
            "{right} not in {images:?}"
        );
        assert!(
            by_recipe.iter().any(|i| i == wrong),
            "{wrong} not in {by_recipe:?}"
        );
        assert!(!by_recipe.iter().any(|i| i == right));
    }
    // Everything else agrees.
    let common: Vec<&String> = images
        .iter()
        .filter(|i| !right.contains(&i.as_str()))
        .collect();
    let recipe_common: Vec<&String> = by_recipe
        .iter()
        .filter(|i| !wrong.contains(&i.as_str()))
        .collect();
    assert_eq!(common, recipe_common);
}

/// The issue's closing note: the full image set of a release, every platform, against the
/// loopback registry, with kubectl for each platform. Prints wall time and requests.
#[test]
fn full_image_set_all_platforms() {
    let r = Release::new();
    r.serve_release_sbom();
    r.push_images(&ARCHES, &[]);
    for arch in ARCHES {
        r.serve_binary(
            arch,
            "kubectl",
            &binary_bytes(&format!("kubectl {arch}"), 1 << 20),
        );
    }
    r.serve_provenance();
    let registry_before = r.reg.request_log().len();
    let files_before = r.files.requests().len();
    let rekor_before = r.rekor.requests().len();
    let start = Instant::now();
    let out = run(r.cmd().args([V, "-o", "json"]));
    let elapsed = start.elapsed();
    assert_eq!(out.code, 0, "{}\n{}", out.stdout, out.stderr);
    let report = out.json();
    assert_eq!(report["summary"]["images"], 30);
    assert_eq!(report["summary"]["binaries"], 5);
    assert_eq!(report["summary"]["verified"], 37);
    let registry = r.reg.request_log().len() - registry_before;
    let files = r.files.requests().len() - files_before;
    let rekor = r.rekor.requests().len() - rekor_before;
    eprintln!(
        "release {V}, 30 images (5 platforms) + 5 kubectl binaries: {:.2}s wall, {registry} \
         registry requests, {files} dl/sbom requests, {rekor} Rekor requests",
        elapsed.as_secs_f64()
    );
}

/// `kubectl verify release --help`, so flag changes show up in review.
#[test]
fn help_snapshot() {
    let out = run(kubectl_verify().args(["release", "--help"]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    crate::support::check_snapshot("release", "help.txt", &out.stdout);
}

/// `--sbom FILE` reads a local copy with its `.sig` and `.cert` beside it (an air-gapped
/// user's download); a copy whose `.sig` is missing is `unsigned` and stops the run.
#[test]
fn sbom_from_a_file_with_its_signature_beside_it() {
    let r = Release::new();
    r.push_images(&["ppc64le"], &[]);
    let sbom = std::fs::read(data(&format!("kubernetes-{V}.spdx"))).unwrap();
    let dir = r.tmp.path().join("airgap");
    std::fs::create_dir_all(&dir).unwrap();
    let local = dir.join("kubernetes-release.spdx");
    std::fs::write(&local, &sbom).unwrap();
    let (sig, cert) = r.sign_at("/unused", &sbom, &r.krel);
    std::fs::write(dir.join("kubernetes-release.spdx.sig"), sig).unwrap();
    std::fs::write(dir.join("kubernetes-release.spdx.cert"), cert).unwrap();
    let out = run(r
        .cmd()
        .args([
            V,
            "--platform",
            "linux/ppc64le",
            "--binaries=",
            "-o",
            "json",
            "--sbom",
        ])
        .arg(&local));
    assert_eq!(out.code, 0, "{}\n{}", out.stdout, out.stderr);
    let report = out.json();
    assert_eq!(report["release"]["sbom"], local.display().to_string());
    assert_eq!(report["summary"]["images"], 6);

    std::fs::remove_file(dir.join("kubernetes-release.spdx.sig")).unwrap();
    let out = run(r
        .cmd()
        .args([V, "--platform", "linux/ppc64le", "-o", "json", "--sbom"])
        .arg(&local));
    assert_eq!(out.code, 1, "{}", out.stderr);
    let report = out.json();
    assert_eq!(report["artifacts"][0]["verdict"], "unsigned");
    assert_eq!(report["artifacts"].as_array().unwrap().len(), 1);
}
