//! Hostile registries and hostile flags (issue 8): what a server or a user controls must never
//! make an image verify that should not, nor crash the binary (exit 101). Each test is named
//! after the behaviour it protects and runs the built binary against the real registry behind
//! [`ReferrersProxy`] or a scripted [`HttpStub`].
#![allow(clippy::unwrap_used)] // test setup: a failure is a broken fixture

use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::image::{ReferrersProxy, push_legacy};
use crate::support::registry::{HttpStub, OCI_INDEX, OCI_MANIFEST, StubResponse, TestRegistry};
use crate::support::sigstore::{Signer, TestSigstore, simple_signing_payload};

const EMAIL: &str = "releaser@example.com";
const GOOGLE: &str = "https://accounts.google.com";
/// A digest nothing is stored under.
pub(crate) const ABSENT: &str =
    "sha256:4bd1f3bd8c8ad2ab5e5ef4e1b4c4a6bd6e43bd3e3c1e6bd0f3f2c8e3d1c7a9b0";

pub(crate) fn verdict(json: &Value) -> &str {
    json["images"][0]["verdict"].as_str().unwrap_or("?")
}

pub(crate) fn detail(json: &Value) -> &str {
    json["images"][0]["detail"].as_str().unwrap_or("")
}

/// The flags that make an identity policy apply, so signatures are looked for.
pub(crate) fn identity_flags() -> Vec<String> {
    [
        "--certificate-identity",
        EMAIL,
        "--certificate-oidc-issuer",
        GOOGLE,
    ]
    .map(str::to_owned)
    .to_vec()
}

/// `kubectl verify image -o json ARGS`, held to a time and memory bound like every hostile
/// case: (exit code, report, stderr).
fn bounded(args: &[&str]) -> (i32, Value, String) {
    let args: Vec<String> = args.iter().map(|s| (*s).to_owned()).collect();
    let run = run_measured(&args, None);
    assert!(run.peak_mib < 64, "peak RSS {} MiB", run.peak_mib);
    assert!(run.elapsed < Duration::from_secs(60), "{:?}", run.elapsed);
    (run.code, run.json, run.stderr)
}

/// An OCI index listing `children` as (digest as written, architecture).
fn index_json(children: &[(&str, &str)]) -> String {
    let manifests: Vec<Value> = children
        .iter()
        .map(|(digest, arch)| {
            json!({
                "mediaType": OCI_MANIFEST, "digest": digest, "size": 1024,
                "platform": {"os": "linux", "architecture": arch},
            })
        })
        .collect();
    json!({"schemaVersion": 2, "mediaType": OCI_INDEX, "manifests": manifests}).to_string()
}

/// Issue 8: an unsigned index with a signed sha256 child and a second child written as
/// `sha512:…` or in uppercase hex verified ("all 1 platform manifests verified") and was
/// pinned by `pin --verify`: the child that did not parse was dropped before deciding.
#[test]
fn index_with_an_uncheckable_child_does_not_verify() {
    let s = TestSigstore::new();
    let reg = TestRegistry::plain();
    let proxy = ReferrersProxy::start(&reg.host());
    let host = proxy.host();
    let id = s.keyless(EMAIL, GOOGLE);
    let root = s.trusted_root_path();
    let signed = reg.push_image("app", "amd64");
    let payload = simple_signing_payload(&format!("{host}/app"), &signed);
    push_legacy(
        &reg,
        "app",
        &signed,
        &[s.legacy_layer(Signer::Keyless(&id), &payload)],
    );
    let mut flags = vec![
        "--trusted-root".to_owned(),
        root.to_str().unwrap().to_owned(),
        "--insecure-registry".to_owned(),
        host.clone(),
    ];
    flags.extend(identity_flags());
    let run = |image: &str| {
        let mut args: Vec<&str> = flags.iter().map(String::as_str).collect();
        args.push(image);
        bounded(&args)
    };

    // The control: the signed child alone makes the unsigned index verify.
    proxy.serve_manifest(
        "app",
        "ok",
        OCI_INDEX,
        index_json(&[(&signed, "amd64")]).as_bytes(),
    );
    let (code, json, stderr) = run(&format!("{host}/app:ok"));
    assert_eq!((code, verdict(&json)), (0, "verified"), "{json}\n{stderr}");

    let sha512 = format!("sha512:{}", "ab".repeat(64));
    let upper = format!("sha256:{}", signed[7..].to_uppercase());
    let dir = tempfile::tempdir().unwrap();
    let pod = |image: &str| format!("kind: Pod\nspec:\n  containers:\n  - image: {image}\n");
    for (tag, second) in [("sha512", &sha512), ("upper", &upper)] {
        let index = proxy.serve_manifest(
            "app",
            tag,
            OCI_INDEX,
            index_json(&[(&signed, "amd64"), (second, "arm64")]).as_bytes(),
        );
        let (code, json, stderr) = run(&format!("{host}/app:{tag}"));
        assert_eq!(code, 1, "{tag}: {json}\n{stderr}");
        assert_ne!(verdict(&json), "verified", "{tag}: {json}");
        assert_eq!(json["images"][0]["digest"], index.as_str(), "{json}");
        // The detail names the child that failed, as it is written.
        assert!(detail(&json).contains(second.as_str()), "{tag}: {json}");
        assert!(detail(&json).contains("linux/arm64"), "{tag}: {json}");
        assert!(json["images"][0].get("verifiedBy").is_none(), "{json}");

        std::fs::write(
            dir.path().join(format!("{tag}.yaml")),
            pod(&format!("{host}/app:{tag}")),
        )
        .unwrap();
    }
    std::fs::write(dir.path().join("ok.yaml"), pod(&format!("{host}/app:ok"))).unwrap();
    let out = crate::support::kubectl_verify()
        .current_dir(dir.path())
        .args(["pin", "--verify", "ok.yaml", "sha512.yaml", "upper.yaml"])
        .args(&flags)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let read = |f: &str| std::fs::read_to_string(dir.path().join(f)).unwrap();
    assert!(
        read("ok.yaml").contains(&format!("{host}/app@sha256:")),
        "{stderr}"
    );
    for tag in ["sha512", "upper"] {
        assert_eq!(
            read(&format!("{tag}.yaml")),
            pod(&format!("{host}/app:{tag}")),
            "an index that did not verify is not pinned: {stderr}"
        );
    }
}

/// Issue 8: a token answer with `expires_in: 18446744073709551615` overflowed
/// `Instant + Duration` and the binary panicked (exit 101).
#[test]
fn token_with_an_absurd_lifetime_is_used_not_a_panic() {
    let host = Arc::new(OnceLock::<String>::new());
    let h = host.clone();
    let stub = HttpStub::start(move |req| {
        if req.path.starts_with("/token") {
            return StubResponse::new(200)
                .body(r#"{"token":"tok","expires_in":18446744073709551615}"#);
        }
        if req.header("authorization") == Some("Bearer tok") {
            return StubResponse::new(404);
        }
        let realm = format!(
            r#"Bearer realm="http://{}/token",service="stub""#,
            h.get().unwrap()
        );
        StubResponse::new(401).header("WWW-Authenticate", &realm)
    });
    host.set(stub.host()).unwrap();
    let mut args = vec!["--insecure-registry".to_owned(), stub.host()];
    args.extend(identity_flags());
    args.push(format!("{}/app@{ABSENT}", stub.host()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, json, stderr) = bounded(&args);
    // Nothing is stored under ABSENT: no signature, and no manifest to look into.
    assert_eq!((code, verdict(&json)), (1, "not-found"), "{json}\n{stderr}");
    assert!(detail(&json).contains("not found"), "{json}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    // The token was fetched once and reused: it is not treated as already expired.
    let requests = stub.requests();
    let tokens = requests
        .iter()
        .filter(|r| r.path.starts_with("/token"))
        .count();
    let bearer = requests
        .iter()
        .filter(|r| r.header("authorization") == Some("Bearer tok"))
        .count();
    assert_eq!(tokens, 1, "{requests:#?}");
    assert!(bearer >= 2, "{requests:#?}");
}

/// Issue 8: a 429 whose `Retry-After` is a date in the year 300000000000 overflowed
/// `SystemTime + Duration` and the binary panicked (exit 101); it is a `rate-limited`
/// verdict after the usual bounded retries.
#[test]
fn retry_after_in_the_far_future_is_rate_limited_not_a_panic() {
    let stub = HttpStub::start(|_| {
        StubResponse::new(429).header("Retry-After", "Sun, 06 Nov 300000000000 08:49:37 GMT")
    });
    let mut args = vec![
        "--insecure-registry".to_owned(),
        stub.host(),
        "--timeout".to_owned(),
        "2s".to_owned(),
    ];
    args.extend(identity_flags());
    args.push(format!("{}/app@{ABSENT}", stub.host()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let start = Instant::now();
    let (code, json, stderr) = bounded(&args);
    assert_eq!(
        (code, verdict(&json)),
        (1, "rate-limited"),
        "{json}\n{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        start.elapsed() < Duration::from_secs(20),
        "{:?}",
        start.elapsed()
    );
    let tries = stub.requests().len();
    assert!((2..=4).contains(&tries), "retries are bounded: {tries}");
}

/// Issue 8: `--timeout 18446744073709551615s` panicked in `Duration::from_secs_f64`
/// (exit 101); it is a usage error (exit 2) saying the limit, on every command taking it.
#[test]
fn absurd_timeout_is_a_usage_error() {
    let huge = "18446744073709551615s";
    let cases: &[&[&str]] = &[
        &["image", "--timeout", huge, "example.com/a:1"],
        &["pin", "--timeout", huge, "a.yaml"],
        &["blob", "--timeout", huge, "a.txt"],
        &["image", "--timeout", "25h", "example.com/a:1"],
    ];
    for args in cases {
        let out = crate::support::kubectl_verify()
            .args(*args)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        let errors: Vec<&str> = stderr.lines().filter(|l| l.starts_with("error:")).collect();
        assert_eq!(errors.len(), 1, "{args:?}: {stderr}");
        assert!(errors[0].contains("--timeout"), "{args:?}: {stderr}");
        assert!(
            errors[0].contains("too long (at most 24h)"),
            "{args:?}: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

// ---------------------------------------------------------------------------------------------
// Per-image limits, memory and time (issue 8, "Unbounded memory" and "Unbounded time"). A
// scripted registry serves the image `app@ABSENT`: no referrers, a `.sig` manifest and its
// blobs as each test wants them, slowly if asked.

/// One run of `kubectl verify image -o json` measured: exit code, report, stderr, wall time and
/// peak resident memory (GNU time's `%M`; exact, unlike sampling `/proc/<pid>/status`).
pub(crate) struct Measured {
    pub code: i32,
    pub json: Value,
    pub stderr: String,
    pub elapsed: Duration,
    pub peak_mib: u64,
}

pub(crate) fn run_measured(args: &[String], docker_config: Option<&std::path::Path>) -> Measured {
    let time = std::path::Path::new("/usr/bin/time");
    assert!(
        time.exists(),
        "GNU time (/usr/bin/time, Debian package `time`) measures peak memory here"
    );
    let out_file = tempfile::NamedTempFile::new().unwrap();
    let mut cmd = std::process::Command::new(time);
    cmd.args(["-f", "%M", "-o"])
        .arg(out_file.path())
        .arg(assert_cmd::cargo::cargo_bin("kubectl-verify"))
        .args(["image", "-o", "json"])
        .args(args);
    // The scrubbing `support::kubectl_verify` does, for a command it cannot wrap.
    for (k, _) in std::env::vars_os() {
        let k = k.to_string_lossy();
        if k.starts_with("SIGSTORE_") || k.starts_with("COSIGN_") {
            cmd.env_remove(&*k);
        }
    }
    for k in ["KUBECONFIG", "DOCKER_CONFIG", "NO_COLOR", "RUST_LOG"] {
        cmd.env_remove(k);
    }
    let home = std::env::temp_dir().join("kubectl-verify-test-home");
    let _ = std::fs::create_dir_all(&home);
    cmd.env("HOME", home);
    if let Some(dir) = docker_config {
        cmd.env("DOCKER_CONFIG", dir);
    }
    let start = Instant::now();
    let out = cmd.output().unwrap();
    let elapsed = start.elapsed();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let json: Value = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{stdout}\nstderr:\n{stderr}"));
    let kib: u64 = std::fs::read_to_string(out_file.path())
        .unwrap()
        .lines()
        .last()
        .and_then(|l| l.trim().parse().ok())
        .unwrap_or_else(|| panic!("no peak RSS from GNU time; stderr:\n{stderr}"));
    Measured {
        code: out.status.code().unwrap_or(-1),
        json,
        stderr,
        elapsed,
        peak_mib: kib / 1024,
    }
}

/// `--insecure-registry HOST`, the identity flags, maybe more, and the image `HOST/app@ABSENT`.
pub(crate) fn stub_args(host: &str, extra: &[&str]) -> Vec<String> {
    let mut args = vec!["--insecure-registry".to_owned(), host.to_owned()];
    args.extend(extra.iter().map(|s| (*s).to_owned()));
    args.extend(identity_flags());
    args.push(format!("{host}/app@{ABSENT}"));
    args
}

/// A `.sig` manifest whose layers name `digests` (with a signature annotation each).
pub(crate) fn sig_manifest(digests: &[String], size: usize) -> String {
    let layers: Vec<Value> = digests
        .iter()
        .map(|d| {
            json!({
                "mediaType": crate::support::sigstore::SIMPLESIGNING_MEDIA_TYPE,
                "digest": d, "size": size,
                "annotations": {"dev.cosignproject.cosign/signature": "MEUCIQ=="},
            })
        })
        .collect();
    json!({
        "schemaVersion": 2, "mediaType": OCI_MANIFEST,
        "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "size": 2,
                   "digest": crate::support::registry::sha256_digest(b"{}")},
        "layers": layers,
    })
    .to_string()
}

/// The path of the `.sig` tag of [`ABSENT`] in `app`.
pub(crate) fn sig_path() -> String {
    format!("/v2/app/manifests/sha256-{}.sig", &ABSENT[7..])
}

/// A registry with no referrers, serving `sig` as the `.sig` manifest of [`ABSENT`] and
/// answering blob requests with `blob(digest)` (`None`: 404).
pub(crate) fn sig_registry(
    sig: String,
    blob: impl Fn(&str) -> Option<Vec<u8>> + Send + Sync + 'static,
) -> HttpStub {
    let sig_path = sig_path();
    HttpStub::start(move |req| {
        if req.path == sig_path {
            return StubResponse::new(200)
                .header("Content-Type", OCI_MANIFEST)
                .body(sig.clone());
        }
        if let Some(d) = req.path.strip_prefix("/v2/app/blobs/") {
            return blob(d).map_or_else(
                || StubResponse::new(404),
                |b| StubResponse::new(200).body(b),
            );
        }
        StubResponse::new(404)
    })
}

/// `n` distinct payloads (their digests, in order) and a blob handler serving each, correct
/// but only after `delay`: every answer is within `--timeout`, and checks out.
fn slow_payloads(
    n: u32,
    delay: Duration,
) -> (Vec<String>, impl Fn(&str) -> Option<Vec<u8>> + Send + Sync) {
    let payloads: std::collections::HashMap<String, Vec<u8>> = (0..n)
        .map(|i| {
            let p = format!("payload {i}").into_bytes();
            (crate::support::registry::sha256_digest(&p), p)
        })
        .collect();
    let digests = (0..n)
        .map(|i| crate::support::registry::sha256_digest(format!("payload {i}").as_bytes()))
        .collect();
    let serve = move |d: &str| {
        std::thread::sleep(delay);
        payloads.get(d).cloned()
    };
    (digests, serve)
}

pub(crate) fn blob_requests(stub: &HttpStub) -> usize {
    stub.requests()
        .iter()
        .filter(|r| r.path.contains("/blobs/"))
        .count()
}

/// Issue 8: a `.sig` manifest whose layers all name one 4 MiB blob cost 4 MiB per layer (the
/// payload was copied into each layer's evidence): 1,000 layers, 4 GiB. The blob is fetched
/// once and held once, however many layers name it.
#[test]
fn sig_layers_naming_one_blob_hold_it_once() {
    let payload = vec![b' '; 4 << 20];
    let digest = crate::support::registry::sha256_digest(&payload);
    let layers = vec![digest.clone(); 64]; // MAX_SIGNATURE_LAYERS: all are looked at
    let stub = sig_registry(sig_manifest(&layers, payload.len()), move |d| {
        (d == digest).then(|| payload.clone())
    });
    let run = run_measured(&stub_args(&stub.host(), &[]), None);
    assert_eq!(run.code, 1, "{}\n{}", run.json, run.stderr);
    // The layers carry a key signature and no certificate: judged, and not who is wanted.
    assert_eq!(verdict(&run.json), "identity-mismatch", "{}", run.json);
    assert_eq!(blob_requests(&stub), 1, "{:#?}", stub.requests());
    // Before: 64 copies (peak 281 MiB). Now the blob once, plus one transient copy (27 MiB).
    assert!(run.peak_mib < 64, "peak RSS {} MiB", run.peak_mib);
    assert!(run.elapsed < Duration::from_secs(30), "{:?}", run.elapsed);
}

/// Issue 8: a `.sig` with 10,000 layers, each blob answered after 1.5 s, kept one image busy
/// for hours (`--timeout` bounds a request, not an image). More layers than
/// MAX_SIGNATURE_LAYERS are refused whole, before any blob is asked for.
#[test]
fn sig_with_more_layers_than_the_limit_is_refused_without_fetching() {
    let (layers, slow) = slow_payloads(10_000, Duration::from_millis(1500));
    let stub = sig_registry(sig_manifest(&layers, 100), slow);
    let run = run_measured(&stub_args(&stub.host(), &["--timeout", "2s"]), None);
    assert_eq!(run.code, 1, "{}\n{}", run.json, run.stderr);
    assert_eq!(verdict(&run.json), "malformed-bundle", "{}", run.json);
    assert!(
        detail(&run.json).contains("has 10000 layers, more than the 64")
            && detail(&run.json).contains("MAX_SIGNATURE_LAYERS"),
        "{}",
        run.json
    );
    assert_eq!(blob_requests(&stub), 0);
    assert!(run.elapsed < Duration::from_secs(10), "{:?}", run.elapsed);
    assert!(run.peak_mib < 64, "peak RSS {} MiB", run.peak_mib);
}

/// Issue 8: signature blobs each answered just within `--timeout` added up without bound (200
/// layers at 0.3 s with `--timeout 2s`: still running after 10 s). The whole verification of
/// an image ends at IMAGE_DEADLINE_FACTOR (10) × `--timeout`, as `unreachable`.
#[test]
fn slow_signature_blobs_end_at_the_image_deadline() {
    // Under every count limit (30 distinct blobs), but 30 × 0.8 s > 10 × 1 s.
    let (layers, slow) = slow_payloads(30, Duration::from_millis(800));
    let stub = sig_registry(sig_manifest(&layers, 100), slow);
    let run = run_measured(&stub_args(&stub.host(), &["--timeout", "1s"]), None);
    assert_eq!(run.code, 1, "{}\n{}", run.json, run.stderr);
    assert_eq!(verdict(&run.json), "unreachable", "{}", run.json);
    assert!(
        detail(&run.json).contains("per-image deadline of 10s (10 × --timeout)"),
        "{}",
        run.json
    );
    assert!(
        run.elapsed >= Duration::from_secs(9) && run.elapsed < Duration::from_secs(20),
        "{:?}",
        run.elapsed
    );
    assert!(blob_requests(&stub) < 30, "{}", blob_requests(&stub));
}

/// Issue 8: distinct signature blobs had no bound (each up to 4 MiB, held together). After
/// MAX_SIGNATURE_BLOBS (32) distinct blobs for one digest, the rest are not fetched and the
/// verdict says so.
#[test]
fn distinct_signature_blobs_stop_at_the_blob_limit() {
    let layers: Vec<String> = (0..40u32).map(|i| format!("sha256:{i:064x}")).collect();
    let stub = sig_registry(sig_manifest(&layers, 100), |_| None);
    let run = run_measured(&stub_args(&stub.host(), &[]), None);
    assert_eq!(run.code, 1, "{}\n{}", run.json, run.stderr);
    assert_eq!(verdict(&run.json), "malformed-bundle", "{}", run.json);
    assert!(
        detail(&run.json).contains("more than 32 distinct blobs")
            && detail(&run.json).contains("MAX_SIGNATURE_BLOBS"),
        "{}",
        run.json
    );
    assert_eq!(blob_requests(&stub), 32);
    assert!(run.elapsed < Duration::from_secs(30), "{:?}", run.elapsed);
}

/// A registry answering the referrers API of [`ABSENT`] with `index`, manifests with
/// `manifest(path)` and blobs with `blob(path)`; no `.sig` tag.
fn referrers_registry(
    index: String,
    manifest: impl Fn(&str) -> Option<Vec<u8>> + Send + Sync + 'static,
    blob: impl Fn(&str) -> Option<Vec<u8>> + Send + Sync + 'static,
) -> HttpStub {
    HttpStub::start(move |req| {
        let path = req.path.split('?').next().unwrap_or("");
        if path == format!("/v2/app/referrers/{ABSENT}") {
            return StubResponse::new(200)
                .header("Content-Type", OCI_INDEX)
                .body(index.clone());
        }
        let found = if let Some(m) = path.strip_prefix("/v2/app/manifests/") {
            manifest(m).map(|b| {
                StubResponse::new(200)
                    .header("Content-Type", OCI_MANIFEST)
                    .body(b)
            })
        } else if let Some(d) = path.strip_prefix("/v2/app/blobs/") {
            blob(d).map(|b| StubResponse::new(200).body(b))
        } else {
            None
        };
        found.unwrap_or_else(|| StubResponse::new(404))
    })
}

/// A referrers index listing `digests` as signature bundles.
fn bundle_index(digests: &[String]) -> String {
    let entries: Vec<(String, usize)> = digests.iter().map(|d| (d.clone(), 500)).collect();
    crate::image::referrers_index(&entries)
}

/// Issue 8: a referrers list naming the same bundle 200 times cost 819 MiB (each entry was
/// fetched again and kept). It is fetched once and held once.
#[test]
fn referrers_naming_one_bundle_200_times_fetch_it_once() {
    let bundle = vec![b' '; 4 << 20];
    let blob_digest = crate::support::registry::sha256_digest(&bundle);
    let manifest = json!({
        "schemaVersion": 2, "mediaType": OCI_MANIFEST,
        "artifactType": crate::support::sigstore::BUNDLE_V03_MEDIA_TYPE,
        "config": {"mediaType": "application/vnd.oci.empty.v1+json", "size": 2,
                   "digest": crate::support::registry::sha256_digest(b"{}")},
        "layers": [{"mediaType": crate::support::sigstore::BUNDLE_V03_MEDIA_TYPE,
                    "size": bundle.len(), "digest": blob_digest}],
    })
    .to_string();
    let manifest_digest = crate::support::registry::sha256_digest(manifest.as_bytes());
    let md = manifest_digest.clone();
    let stub = referrers_registry(
        bundle_index(&vec![manifest_digest.clone(); 200]),
        move |m| (m == md).then(|| manifest.clone().into_bytes()),
        move |d| (d == blob_digest).then(|| bundle.clone()),
    );
    let run = run_measured(&stub_args(&stub.host(), &[]), None);
    assert_eq!(run.code, 1, "{}\n{}", run.json, run.stderr);
    assert_eq!(verdict(&run.json), "malformed-bundle", "{}", run.json);
    let requests = stub.requests();
    let manifests = requests
        .iter()
        .filter(|r| r.path.ends_with(&manifest_digest))
        .count();
    assert_eq!((manifests, blob_requests(&stub)), (1, 1), "{requests:#?}");
    assert!(run.peak_mib < 64, "peak RSS {} MiB", run.peak_mib);
    assert!(run.elapsed < Duration::from_secs(30), "{:?}", run.elapsed);
}

/// Issue 8: 5,000 referrers pointing at missing manifests cost 5,004 requests. More distinct
/// signature bundles than MAX_REFERRERS (64) are refused whole, none fetched.
#[test]
fn thousands_of_referrers_are_refused_not_fetched() {
    let digests: Vec<String> = (0..5_000u32).map(|i| format!("sha256:{i:064x}")).collect();
    let stub = referrers_registry(bundle_index(&digests), |_| None, |_| None);
    let run = run_measured(&stub_args(&stub.host(), &[]), None);
    assert_eq!(run.code, 1, "{}\n{}", run.json, run.stderr);
    assert_eq!(verdict(&run.json), "malformed-bundle", "{}", run.json);
    assert!(
        detail(&run.json).contains("list 5000 distinct signature bundles, more than the 64")
            && detail(&run.json).contains("MAX_REFERRERS"),
        "{}",
        run.json
    );
    let n = stub.requests().len();
    assert!(n <= 5, "{n} requests: {:#?}", stub.requests());
    assert!(run.elapsed < Duration::from_secs(10), "{:?}", run.elapsed);
}

/// Issue 8: bytes that do not hash to the digest asked for were reported `unreachable`, as if
/// the registry could not be reached. They are wrong content: `digest-mismatch`, saying so.
#[test]
fn blob_with_the_wrong_bytes_is_a_digest_mismatch() {
    let claimed = crate::support::registry::sha256_digest(b"the payload that was signed");
    let stub = sig_registry(sig_manifest(&[claimed], 27), |_| {
        Some(b"something else entirely".to_vec())
    });
    let run = run_measured(&stub_args(&stub.host(), &[]), None);
    assert_eq!(run.code, 1, "{}\n{}", run.json, run.stderr);
    assert_eq!(verdict(&run.json), "digest-mismatch", "{}", run.json);
    assert!(
        detail(&run.json)
            .contains("the registry served content that does not match digest sha256:"),
        "{}",
        run.json
    );
    assert!(run.elapsed < Duration::from_secs(30), "{:?}", run.elapsed);
}

// ---------------------------------------------------------------------------------------------
// Precision, trust boundaries, URL parsing and M-of-N (issue 8).

/// The flags to verify `image` against the test Sigstore `root` through `host`.
fn sigstore_args(root: &std::path::Path, host: &str, extra: &[&str], image: &str) -> Vec<String> {
    let mut args = vec![
        "--trusted-root".to_owned(),
        root.to_str().unwrap().to_owned(),
        "--insecure-registry".to_owned(),
        host.to_owned(),
    ];
    args.extend(extra.iter().map(|s| (*s).to_owned()));
    args.push(image.to_owned());
    args
}

/// Issue 8: one referrer the registry served with the wrong bytes made the whole image
/// `unreachable`, hiding a valid `.sig`. The `.sig` is still looked at; when nothing else
/// verifies, the broken referrer is the verdict (`digest-mismatch`).
#[test]
fn broken_referrer_does_not_hide_a_valid_sig() {
    let s = TestSigstore::new();
    let reg = TestRegistry::plain();
    let proxy = ReferrersProxy::start(&reg.host());
    let host = proxy.host();
    let id = s.keyless(EMAIL, GOOGLE);
    let root = s.trusted_root_path();
    let signed = reg.push_image("app", "1");
    let unsigned = reg.push_image("app", "2");
    let payload = simple_signing_payload(&format!("{host}/app"), &signed);
    push_legacy(
        &reg,
        "app",
        &signed,
        &[s.legacy_layer(Signer::Keyless(&id), &payload)],
    );
    // A referrer whose manifest is served with other bytes than its digest names.
    let lying = format!("sha256:{}", "5".repeat(64));
    proxy.serve_manifest("app", &lying, OCI_MANIFEST, br#"{"schemaVersion":2}"#);
    for image in [&signed, &unsigned] {
        proxy.set_referrers("app", image, &[(lying.clone(), 100)]);
    }
    let flags = identity_flags();
    let flags: Vec<&str> = flags.iter().map(String::as_str).collect();

    let start = Instant::now();
    let run = |d: &str| {
        let args = sigstore_args(&root, &host, &flags, &format!("{host}/app@{d}"));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        bounded(&args)
    };
    let (code, json, stderr) = run(&signed);
    assert_eq!((code, verdict(&json)), (0, "verified"), "{json}\n{stderr}");
    assert_eq!(json["images"][0]["format"], "legacy", "{json}");

    let (code, json, stderr) = run(&unsigned);
    assert_eq!(
        (code, verdict(&json)),
        (1, "digest-mismatch"),
        "{json}\n{stderr}"
    );
    assert!(
        detail(&json).contains(&format!(
            "fetching signature bundle {}: the registry served content that does not match digest {lying}",
            &lying[7..19]
        )),
        "{json}"
    );
    assert!(start.elapsed() < Duration::from_secs(60));
}

/// Issue 8: the client of `--insecure-registry` hosts (no certificate checks) followed
/// redirects anywhere, so an insecure host could send us to any other host with checks off.
/// It follows a redirect only on its own host; credentials never reach another host.
#[test]
fn insecure_registry_redirects_stay_on_its_host() {
    let elsewhere = HttpStub::start(|_| StubResponse::new(200).body(b"from elsewhere".to_vec()));
    let other = elsewhere.host();
    let near = b"payload on the same host".to_vec();
    let far = b"payload on another host".to_vec();
    let (near_d, far_d) = (
        crate::support::registry::sha256_digest(&near),
        crate::support::registry::sha256_digest(&far),
    );
    // Same-host redirect first: it is followed; the cross-host one is refused.
    let sig = sig_manifest(&[near_d.clone(), far_d.clone()], 24);
    let sig_path = sig_path();
    let (nd, fd) = (near_d.clone(), far_d.clone());
    let registry = HttpStub::start(move |req| {
        if req.header("authorization") != Some("Basic dXNlcjpwdw==") {
            return StubResponse::new(401).header("WWW-Authenticate", r#"Basic realm="stub""#);
        }
        let path = req.path.as_str();
        if path == sig_path {
            return StubResponse::new(200)
                .header("Content-Type", OCI_MANIFEST)
                .body(sig.clone());
        }
        if path == format!("/v2/app/blobs/{nd}") {
            return StubResponse::new(307).header("Location", &format!("/storage/{nd}"));
        }
        if path == format!("/storage/{nd}") {
            return StubResponse::new(200).body(near.clone());
        }
        if path == format!("/v2/app/blobs/{fd}") {
            return StubResponse::new(307)
                .header("Location", &format!("http://{other}/storage/{fd}"));
        }
        StubResponse::new(404)
    });
    let config = tempfile::tempdir().unwrap();
    crate::support::registry::write_docker_config(config.path(), &registry.host(), "user", "pw");
    let run = run_measured(&stub_args(&registry.host(), &[]), Some(config.path()));
    assert_eq!(run.code, 1, "{}\n{}", run.json, run.stderr);
    assert_eq!(verdict(&run.json), "unreachable", "{}", run.json);
    assert!(
        detail(&run.json).contains(&format!(
            "refusing to follow a redirect from insecure registry {} to another host (http://{}/storage/",
            registry.host(),
            elsewhere.host()
        )),
        "{}",
        run.json
    );
    let paths: Vec<String> = registry.requests().into_iter().map(|r| r.path).collect();
    assert!(
        paths.contains(&format!("/storage/{near_d}")),
        "the same-host redirect is followed: {paths:#?}"
    );
    // Nothing (so no credential) reached the other host.
    assert!(
        elsewhere.requests().is_empty(),
        "{:#?}",
        elsewhere.requests()
    );
    assert!(run.elapsed < Duration::from_secs(30), "{:?}", run.elapsed);
}

/// Issue 8: `blob` read `https://evil.invalid\@dl.k8s.io/x.sig` as a dl.k8s.io URL (and
/// applied the Kubernetes release identity) while reqwest fetches it from evil.invalid. The
/// URL is read as reqwest reads it: no built-in identity applies, so one must be given.
#[test]
fn blob_url_identity_follows_the_host_reqwest_contacts() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("kubectl"), b"binary").unwrap();
    let out = crate::support::kubectl_verify()
        .current_dir(dir.path())
        .args([
            "blob",
            "--timeout",
            "5s",
            "--signature",
            r"https://evil.invalid\@dl.k8s.io/kubectl.sig",
            "--certificate",
            r"https://evil.invalid\@dl.k8s.io/kubectl.cert",
            "kubectl",
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("keyless verification needs the signer's identity"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("downloading"),
        "nothing is fetched: {stderr}"
    );
}

/// Issue 8: M-of-N counted satisfied authorities, so one signature met `count: 2` when its
/// signer matched two overlapping authorities. Authorities need distinct signatures.
#[test]
fn one_signature_does_not_satisfy_two_overlapping_authorities() {
    let s = TestSigstore::new();
    let reg = TestRegistry::plain();
    let host = reg.host();
    let id = s.keyless(EMAIL, GOOGLE);
    let root = s.trusted_root_path();
    let signed = reg.push_image("app", "1");
    let payload = simple_signing_payload(&format!("{host}/app"), &signed);
    push_legacy(
        &reg,
        "app",
        &signed,
        &[s.legacy_layer(Signer::Keyless(&id), &payload)],
    );
    let dir = tempfile::tempdir().unwrap();
    let policy = |count: u32| {
        let path = dir.path().join(format!("policy-{count}.yaml"));
        std::fs::write(
            &path,
            format!(
                r#"
policies:
- name: two-signers
  images: ["{host}/app"]
  count: {count}
  authorities:
  - name: release
    keyless:
      identities:
      - {{subject: {EMAIL}, issuer: "{GOOGLE}"}}
  - name: anyone-at-example
    keyless:
      identities:
      - {{subjectRegExp: '.*@example\.com', issuerRegExp: 'https://accounts\.google\.com'}}
"#
            ),
        )
        .unwrap();
        path
    };
    let run = |count: u32| {
        let p = policy(count);
        let args = sigstore_args(
            &root,
            &host,
            &["--policy", p.to_str().unwrap()],
            &format!("{host}/app@{signed}"),
        );
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        bounded(&args)
    };
    let (code, json, stderr) = run(1);
    assert_eq!((code, verdict(&json)), (0, "verified"), "{json}\n{stderr}");
    let (code, json, stderr) = run(2);
    assert_eq!(
        (code, verdict(&json)),
        (1, "identity-mismatch"),
        "{json}\n{stderr}"
    );
    assert!(
        detail(&json).contains(
            "only 1 of the 2 required authorities satisfied by distinct signatures (2 satisfied, but some by the same signature)"
        ),
        "{json}"
    );
}
