//! The hostile registry cases that already held when issue 8 was filed, each pinned by a test
//! so it keeps holding: header floods, 401 loops, token realms over http on another host, 503,
//! slow headers and trickling bodies, endless and oversized bodies, deeply nested JSON, huge
//! indexes, lying artifact types, and an https registry redirecting to http. Each runs the built
//! binary against a scripted [`HttpStub`] (or [`HttpsFiles`]) and asserts the verdict, the exit
//! code, a time bound and a peak-memory bound (GNU time), and where credentials are configured,
//! that none reached another host.
#![allow(clippy::unwrap_used)] // test setup: a failure is a broken fixture

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use serde_json::{Value, json};

use crate::hostile::{
    ABSENT, Measured, detail, identity_flags, run_measured, sig_path, stub_args, verdict,
};
use crate::support::https::HttpsFiles;
use crate::support::registry::{
    HttpStub, OCI_INDEX, OCI_MANIFEST, Pacing, StubResponse, sha256_digest,
};
use crate::support::sigstore::BUNDLE_V03_MEDIA_TYPE;

/// Peak resident memory allowed for one run: the binary idles at ~20 MiB; every body it
/// reads is capped at 4 MiB.
const PEAK_MIB: u64 = 64;
/// The manifest path of the tag `app:1`, which these tests serve hostile answers for.
const TAG_PATH: &str = "/v2/app/manifests/1";

/// `--insecure-registry HOST`, `extra`, the identity flags and the image `HOST/app:1`.
fn tag_args(host: &str, extra: &[&str]) -> Vec<String> {
    let mut args = vec!["--insecure-registry".to_owned(), host.to_owned()];
    args.extend(extra.iter().map(|s| (*s).to_owned()));
    args.extend(identity_flags());
    args.push(format!("{host}/app:1"));
    args
}

/// Exit 1 (never 101), the verdict `code`, within `secs` and [`PEAK_MIB`].
fn assert_fails(run: &Measured, code: &str, secs: u64) {
    assert_eq!(run.code, 1, "{}\n{}", run.json, run.stderr);
    assert_eq!(verdict(&run.json), code, "{}\n{}", run.json, run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert!(
        run.elapsed < Duration::from_secs(secs),
        "took {:?}",
        run.elapsed
    );
    assert!(run.peak_mib < PEAK_MIB, "peak RSS {} MiB", run.peak_mib);
    // A server's text is quoted briefly, never whole.
    assert!(detail(&run.json).len() < 1000, "{}", detail(&run.json));
}

/// A docker config directory holding `user:pw` for `host`.
fn docker_config(host: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    crate::support::registry::write_docker_config(dir.path(), host, "user", "pw");
    dir
}

/// Thousands of response headers, or one of 1 MiB, are refused by the HTTP client's limits:
/// `unreachable`, in bounded memory.
#[test]
fn header_floods_are_unreachable_in_bounded_memory() {
    let many = HttpStub::start(|_| {
        (0..5000).fold(StubResponse::new(200), |r, i| {
            r.header(&format!("X-Flood-{i}"), "flood")
        })
    });
    let huge = HttpStub::start(|_| StubResponse::new(200).header("X-Flood", &"f".repeat(1 << 20)));
    for stub in [&many, &huge] {
        let run = run_measured(&tag_args(&stub.host(), &[]), None);
        assert_fails(&run, "unreachable", 30);
        assert_eq!(stub.requests().len(), 1, "not retried");
    }
}

/// A registry that answers 401 to every token it hands out: one new token per refusal, then
/// a verdict; never a loop.
#[test]
fn a_401_loop_ends_after_one_renewal() {
    let host = Arc::new(OnceLock::<String>::new());
    let h = host.clone();
    let stub = HttpStub::start(move |req| {
        if req.path.starts_with("/token") {
            return StubResponse::new(200).body(r#"{"token":"refused-anyway"}"#);
        }
        let realm = format!(
            r#"Bearer realm="http://{}/token",service="stub""#,
            h.get().unwrap()
        );
        StubResponse::new(401).header("WWW-Authenticate", &realm)
    });
    host.set(stub.host()).unwrap();
    let run = run_measured(&tag_args(&stub.host(), &[]), None);
    assert_fails(&run, "unauthorized", 30);
    assert!(
        detail(&run.json).contains("requires credentials, and none were found"),
        "{}",
        run.json
    );
    let requests = stub.requests();
    let tokens = requests
        .iter()
        .filter(|r| r.path.starts_with("/token"))
        .count();
    assert_eq!(tokens, 1, "{requests:#?}");
    assert!(requests.len() <= 3, "{requests:#?}");
}

/// A token realm over plain http on another host is refused when we hold a password for the
/// registry: the password would cross the network in clear text to someone else. Nothing
/// reaches that host.
#[test]
fn a_token_realm_over_http_on_another_host_gets_no_credentials() {
    let elsewhere = HttpStub::start(|_| StubResponse::new(200).body(r#"{"token":"t"}"#));
    let realm = format!(
        r#"Bearer realm="http://{}/token",service="s""#,
        elsewhere.host()
    );
    let stub = HttpStub::start(move |_| StubResponse::new(401).header("WWW-Authenticate", &realm));
    let config = docker_config(&stub.host());
    let run = run_measured(&tag_args(&stub.host(), &[]), Some(config.path()));
    assert_fails(&run, "unreachable", 30);
    assert!(
        detail(&run.json).contains("refusing to send credentials"),
        "{}",
        run.json
    );
    assert!(
        elsewhere.requests().is_empty(),
        "{:#?}",
        elsewhere.requests()
    );
}

/// 503 on every request is `unreachable`, not retried without end.
#[test]
fn service_unavailable_is_unreachable() {
    let stub = HttpStub::start(|_| StubResponse::new(503).body("down for maintenance"));
    let run = run_measured(&tag_args(&stub.host(), &[]), None);
    assert_fails(&run, "unreachable", 30);
    assert!(detail(&run.json).contains("503"), "{}", run.json);
    assert!(stub.requests().len() <= 2, "{:#?}", stub.requests());
}

/// A registry that sends its headers only after 5 s, or drips a manifest one byte per 100 ms,
/// is cut off by `--timeout` (1 s here), well before it would finish.
#[test]
fn slow_headers_and_trickling_bodies_end_at_the_timeout() {
    let slow_headers = HttpStub::start(|_| {
        // The hostile behaviour itself: a server that takes its time to answer.
        std::thread::sleep(Duration::from_secs(5));
        StubResponse::new(404)
    });
    let manifest = json!({"schemaVersion": 2, "mediaType": OCI_MANIFEST, "layers": [],
        "padding": "x".repeat(2000)})
    .to_string();
    let digest = sha256_digest(manifest.as_bytes());
    let digest_path = format!("/v2/app/manifests/{digest}");
    let trickle = HttpStub::start(move |req| {
        if req.path == TAG_PATH || req.path == digest_path {
            return StubResponse::new(200)
                .header("Content-Type", OCI_MANIFEST)
                .header("Docker-Content-Digest", &digest)
                .body(manifest.clone())
                .pacing(Pacing::Trickle {
                    bytes: 1,
                    every: Duration::from_millis(100),
                });
        }
        StubResponse::new(404)
    });
    for stub in [&slow_headers, &trickle] {
        let run = run_measured(&tag_args(&stub.host(), &["--timeout", "1s"]), None);
        // 1 s per request; the whole image at most 10 × 1 s.
        assert_fails(&run, "unreachable", 12);
        assert!(
            detail(&run.json).contains("did not answer within 1s"),
            "{}",
            run.json
        );
    }
}

/// A manifest body without end, or announced and sent at 8 MiB, is read no further than the
/// 4 MiB cap: refused, in bounded memory and time.
#[test]
fn endless_and_oversized_manifest_bodies_stop_at_the_cap() {
    let endless = HttpStub::start(|req| {
        if req.path == TAG_PATH {
            return StubResponse::new(200)
                .header("Content-Type", OCI_MANIFEST)
                .pacing(Pacing::Endless);
        }
        StubResponse::new(404)
    });
    let oversized = HttpStub::start(|req| {
        if req.path == TAG_PATH {
            return StubResponse::new(200)
                .header("Content-Type", OCI_MANIFEST)
                .body(vec![b' '; 8 << 20]);
        }
        StubResponse::new(404)
    });
    for stub in [&endless, &oversized] {
        let run = run_measured(&tag_args(&stub.host(), &[]), None);
        assert_fails(&run, "unreachable", 30);
        assert!(
            detail(&run.json).contains("larger than 4194304 bytes"),
            "{}",
            run.json
        );
    }
}

/// 100,000 levels of `[` in the `.sig` manifest, the referrers index and a bundle: a parse
/// error, never a stack overflow (serde_json skips what it does not read without recursing,
/// and stops at depth 128 where it builds values).
#[test]
fn deeply_nested_json_is_malformed_not_a_crash() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    // Left open: a manifest with only unread fields would be a manifest without layers.
    let nested = format!(r#"{{"schemaVersion":2,"unread":{}"#, "[".repeat(100_000));
    let sig = {
        let (nested, sig_path) = (nested.clone(), sig_path());
        HttpStub::start(move |req| {
            if req.path == sig_path {
                return StubResponse::new(200)
                    .header("Content-Type", OCI_MANIFEST)
                    .body(nested.clone());
            }
            StubResponse::new(404)
        })
    };
    let run = run_measured(&stub_args(&sig.host(), &[]), None);
    assert_fails(&run, "malformed-bundle", 30);

    let referrers = HttpStub::start(move |req| {
        if req.path.starts_with(&format!("/v2/app/referrers/{ABSENT}")) {
            return StubResponse::new(200)
                .header("Content-Type", OCI_INDEX)
                .body(nested.clone());
        }
        StubResponse::new(404)
    });
    let run = run_measured(&stub_args(&referrers.host(), &[]), None);
    assert_eq!(run.code, 1, "{}\n{}", run.json, run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert!(run.peak_mib < PEAK_MIB, "peak RSS {} MiB", run.peak_mib);

    let bundle = format!(
        r#"{{"mediaType":"application/vnd.dev.sigstore.bundle.v0.3+json","verificationMaterial":{deep}}}"#
    );
    let stub = referrer_stub(bundle.into_bytes());
    let run = run_measured(&stub_args(&stub.host(), &[]), None);
    assert_fails(&run, "malformed-bundle", 30);
}

/// An index of `n` children, each a distinct digest, served as `app:1`.
fn index_stub(n: usize) -> HttpStub {
    let children: Vec<Value> = (0..n)
        .map(|i| {
            json!({"mediaType": OCI_MANIFEST, "digest": format!("sha256:{i:064x}"), "size": 1,
                   "platform": {"os": "linux", "architecture": "amd64"}})
        })
        .collect();
    let index =
        json!({"schemaVersion": 2, "mediaType": OCI_INDEX, "manifests": children}).to_string();
    let digest = sha256_digest(index.as_bytes());
    let digest_path = format!("/v2/app/manifests/{digest}");
    HttpStub::start(move |req| {
        if req.path == TAG_PATH || req.path == digest_path {
            return StubResponse::new(200)
                .header("Content-Type", OCI_INDEX)
                .header("Docker-Content-Digest", &digest)
                .body(index.clone());
        }
        StubResponse::new(404)
    })
}

/// An unsigned index of 100 children is refused by the child limit without fetching any of
/// them; one of 100,000 (14 MiB) by the 4 MiB manifest cap.
#[test]
fn huge_indexes_are_refused_by_their_limits() {
    let hundred = index_stub(100);
    let run = run_measured(&tag_args(&hundred.host(), &[]), None);
    assert_fails(&run, "unsigned", 30);
    assert!(
        detail(&run.json).contains("lists 100 platform manifests, more than the 64 checked"),
        "{}",
        run.json
    );
    let children_fetched = hundred
        .requests()
        .iter()
        .filter(|r| r.path.starts_with("/v2/app/manifests/sha256:0000000000"))
        .count();
    assert_eq!(children_fetched, 0, "{:#?}", hundred.requests());

    let huge = index_stub(100_000);
    let run = run_measured(&tag_args(&huge.host(), &[]), None);
    assert_fails(&run, "unreachable", 30);
    assert!(
        detail(&run.json).contains("larger than 4194304 bytes"),
        "{}",
        run.json
    );
}

/// A registry with one referrer of [`ABSENT`] claiming to be a Sigstore bundle, whose layer
/// holds `layer_bytes`.
fn referrer_stub(layer_bytes: Vec<u8>) -> HttpStub {
    let layer = sha256_digest(&layer_bytes);
    let manifest = json!({
        "schemaVersion": 2, "mediaType": OCI_MANIFEST, "artifactType": BUNDLE_V03_MEDIA_TYPE,
        "config": {"mediaType": "application/vnd.oci.empty.v1+json", "size": 2,
                   "digest": sha256_digest(b"{}")},
        "layers": [{"mediaType": BUNDLE_V03_MEDIA_TYPE, "digest": layer,
                    "size": layer_bytes.len()}],
        "subject": {"mediaType": OCI_MANIFEST, "digest": ABSENT, "size": 1},
    })
    .to_string();
    let manifest_digest = sha256_digest(manifest.as_bytes());
    let index = json!({"schemaVersion": 2, "mediaType": OCI_INDEX, "manifests": [
        {"mediaType": OCI_MANIFEST, "digest": manifest_digest, "size": manifest.len(),
         "artifactType": BUNDLE_V03_MEDIA_TYPE}]})
    .to_string();
    HttpStub::start(move |req| {
        if req.path.starts_with(&format!("/v2/app/referrers/{ABSENT}")) {
            return StubResponse::new(200)
                .header("Content-Type", OCI_INDEX)
                .body(index.clone());
        }
        if req.path == format!("/v2/app/manifests/{manifest_digest}") {
            return StubResponse::new(200)
                .header("Content-Type", OCI_MANIFEST)
                .body(manifest.clone());
        }
        if req.path == format!("/v2/app/blobs/{layer}") {
            return StubResponse::new(200).body(layer_bytes.clone());
        }
        StubResponse::new(404)
    })
}

/// A referrer whose artifact type says "Sigstore bundle" and whose layer is something else
/// is a malformed bundle, not a signature and not a crash.
#[test]
fn a_referrer_lying_about_its_artifact_type_is_malformed() {
    let stub = referrer_stub(br#"{"hello": "I am not a bundle"}"#.to_vec());
    let run = run_measured(&stub_args(&stub.host(), &[]), None);
    assert_fails(&run, "malformed-bundle", 30);
}

/// An https registry redirecting to plain http is not followed, and the password held for the
/// registry reaches nobody else.
#[test]
fn an_https_registry_redirect_to_http_is_not_followed() {
    let plain = HttpStub::start(|_| StubResponse::new(200).body("plain"));
    let files = HttpsFiles::start();
    files.redirect(TAG_PATH, &format!("http://{}{TAG_PATH}", plain.host()));
    let host = files.url().trim_start_matches("https://").to_owned();
    let config = docker_config(&host);
    let ca = files.ca_pem_path();
    let mut args = vec!["--registry-ca".to_owned(), ca.to_str().unwrap().to_owned()];
    args.extend(identity_flags());
    args.push(format!("{host}/app:1"));
    let run = run_measured(&args, Some(config.path()));
    assert_fails(&run, "unreachable", 30);
    assert!(
        detail(&run.json).contains("redirect from https to http"),
        "{}",
        run.json
    );
    assert!(plain.requests().is_empty(), "{:#?}", plain.requests());
    assert_eq!(files.requests(), vec![format!("HEAD {TAG_PATH}")]);
}
