//! Hostile registries and hostile flags (issue 8): what a server or a user controls must never
//! make an image verify that should not, nor crash the binary (exit 101). Each test is named
//! after the behaviour it protects and runs the built binary against the real registry behind
//! [`ReferrersProxy`] or a scripted [`HttpStub`].
#![allow(clippy::unwrap_used)] // test setup: a failure is a broken fixture

use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::image::{ReferrersProxy, push_legacy, run_json};
use crate::support::registry::{HttpStub, OCI_INDEX, OCI_MANIFEST, StubResponse, TestRegistry};
use crate::support::sigstore::{Signer, TestSigstore, simple_signing_payload};

const EMAIL: &str = "releaser@example.com";
const GOOGLE: &str = "https://accounts.google.com";
/// A digest nothing is stored under.
const ABSENT: &str = "sha256:4bd1f3bd8c8ad2ab5e5ef4e1b4c4a6bd6e43bd3e3c1e6bd0f3f2c8e3d1c7a9b0";

fn verdict(json: &Value) -> &str {
    json["images"][0]["verdict"].as_str().unwrap_or("?")
}

fn detail(json: &Value) -> &str {
    json["images"][0]["detail"].as_str().unwrap_or("")
}

/// The flags that make an identity policy apply, so signatures are looked for.
fn identity_flags() -> Vec<String> {
    [
        "--certificate-identity",
        EMAIL,
        "--certificate-oidc-issuer",
        GOOGLE,
    ]
    .map(str::to_owned)
    .to_vec()
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
        run_json(&args)
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
    let (code, json, stderr) = run_json(&args);
    assert_eq!((code, verdict(&json)), (1, "unsigned"), "{json}\n{stderr}");
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
    let (code, json, stderr) = run_json(&args);
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
