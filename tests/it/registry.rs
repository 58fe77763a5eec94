//! The registry client against a real `docker-registry`: tag → digest for images and
//! multi-arch indexes, cross-checked with skopeo; TLS + basic auth from a docker config;
//! unreachable and hanging registries within the timeout; mirrors; insecure hosts. Protocol
//! corners the real registry cannot produce (no digest header, lying digests, 429, bearer
//! tokens) run against the scripted [`HttpStub`].
//!
//! The `pin` command covers the CLI path; these tests drive the library API directly.

use std::net::TcpListener;
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use kubectl_verify::reference::{Digest, ImageRef};
use kubectl_verify::registry::{Mirror, Registry, RegistryError, RegistryOptions};

use crate::support::registry::{
    HttpStub, OCI_INDEX, OCI_MANIFEST, StubResponse, TestRegistry, sha256_digest,
};

fn rt() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("tokio runtime")
}

fn opts() -> RegistryOptions {
    RegistryOptions {
        timeout: Duration::from_secs(10),
        // An empty directory: never the machine's own docker credentials.
        docker_config_dir: Some(std::env::temp_dir().join("kubectl-verify-no-docker-config")),
        ..RegistryOptions::default()
    }
}

/// Options for a plain-HTTP host: listed as insecure.
fn insecure(host: &str) -> RegistryOptions {
    RegistryOptions {
        insecure: vec![host.to_owned()],
        ..opts()
    }
}

fn r(s: &str) -> ImageRef {
    ImageRef::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn resolve(reg: &Registry, s: &str) -> Result<Digest, RegistryError> {
    rt().block_on(reg.resolve(&r(s)))
}

fn count(log: &[String], line: &str) -> usize {
    log.iter().filter(|l| *l == line).count()
}

/// The digest skopeo computes for `docker://HOST/repo:tag` (sha256 of the raw manifest).
fn skopeo_digest(reg: &TestRegistry, repo_tag: &str, creds: Option<&str>) -> String {
    let mut cmd = Command::new("skopeo");
    cmd.args(["inspect", "--raw", "--tls-verify=false"]);
    if let Some(c) = creds {
        cmd.args(["--creds", c]);
    }
    let out = cmd
        .arg(format!("docker://{}/{repo_tag}", reg.host()))
        .env("REGISTRY_AUTH_FILE", "/nonexistent")
        .output()
        .expect("running skopeo (apt-get install skopeo)");
    assert!(
        out.status.success(),
        "skopeo failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    sha256_digest(&out.stdout)
}

/// The harness's pushed digests are what any other client sees, and stable across runs.
#[test]
fn harness_pushes_images_and_indexes_skopeo_can_read() {
    let reg = TestRegistry::plain();
    let image = reg.push_image("app", "1.0");
    assert_eq!(image, reg.push_image("app", "1.0"), "deterministic content");
    assert_eq!(skopeo_digest(&reg, "app:1.0", None), image);
    let (index, children) =
        reg.push_index("multi", "2.0", &[("linux", "amd64"), ("linux", "arm64")]);
    assert_eq!(children.len(), 2);
    assert_ne!(children[0], children[1]);
    assert_eq!(skopeo_digest(&reg, "multi:2.0", None), index);
    let log = reg.request_log();
    assert!(
        log.iter().any(|l| l == "PUT /v2/multi/manifests/2.0"),
        "{log:#?}"
    );
}

/// The TLS + basic-auth registry serves what the harness pushed to whoever has the password.
#[test]
fn harness_tls_registry_with_auth() {
    let reg = TestRegistry::tls_with_auth("alice", "s3cret");
    assert!(reg.ca_pem_path().is_some_and(|p| p.is_file()));
    let image = reg.push_image("team/app", "1.0");
    assert_eq!(
        skopeo_digest(&reg, "team/app:1.0", Some("alice:s3cret")),
        image
    );
    let out = Command::new("skopeo")
        .args([
            "inspect",
            "--raw",
            "--tls-verify=false",
            "--creds",
            "alice:wrong",
        ])
        .arg(format!("docker://{}/team/app:1.0", reg.host()))
        .env("REGISTRY_AUTH_FILE", "/nonexistent")
        .output()
        .expect("skopeo");
    assert!(!out.status.success(), "a wrong password must be refused");
    let log = reg.request_log();
    assert_eq!(count(&log, "PUT /v2/team/app/manifests/1.0"), 1, "{log:#?}");
}

/// Tag → digest with one HEAD; a multi-arch tag gives the index digest, never a child;
/// both equal skopeo's; repeated and digest references cost no request.
#[test]
fn resolves_images_and_indexes_like_skopeo() {
    let reg = TestRegistry::plain();
    let host = reg.host();
    let image = reg.push_image("app", "1.0");
    let (index, children) =
        reg.push_index("multi", "2.0", &[("linux", "amd64"), ("linux", "arm64")]);
    let client = Registry::new(insecure(&host)).unwrap();

    let got_image = resolve(&client, &format!("{host}/app:1.0")).unwrap();
    assert_eq!(got_image.as_str(), image);
    let got_index = resolve(&client, &format!("{host}/multi:2.0")).unwrap();
    assert_eq!(got_index.as_str(), index, "the index digest");
    assert!(
        !children.contains(&got_index.as_str().to_owned()),
        "not a child"
    );

    // Again, and by digest: answered without asking the registry.
    assert_eq!(
        resolve(&client, &format!("{host}/app:1.0"))
            .unwrap()
            .as_str(),
        image
    );
    let pinned = format!("{host}/other:9@{}", children[0]);
    assert_eq!(resolve(&client, &pinned).unwrap().as_str(), children[0]);

    let log = reg.request_log();
    let ours: Vec<&String> = log.iter().filter(|l| !l.starts_with('P')).collect();
    assert_eq!(
        ours,
        ["HEAD /v2/app/manifests/1.0", "HEAD /v2/multi/manifests/2.0"],
        "one HEAD per tag, nothing else"
    );

    assert_eq!(got_image.as_str(), skopeo_digest(&reg, "app:1.0", None));
    assert_eq!(got_index.as_str(), skopeo_digest(&reg, "multi:2.0", None));
}

/// Many references at once: each distinct one is asked for once, results keyed canonically.
#[test]
fn resolve_all_asks_once_per_distinct_reference() {
    let reg = TestRegistry::plain();
    let host = reg.host();
    let a = reg.push_image("a", "1");
    let b = reg.push_image("b", "latest");
    let client = Registry::new(insecure(&host)).unwrap();
    let refs: Vec<ImageRef> = [
        format!("{host}/a:1"),
        format!("{host}/a:1"),
        format!("{host}/b"),
        format!("{host}/b:latest"),
        format!("{host}/missing:1"),
    ]
    .iter()
    .map(|s| r(s))
    .collect();
    let results = rt().block_on(client.resolve_all(&refs));
    assert_eq!(results.len(), 3, "{results:#?}");
    assert_eq!(
        results[&format!("{host}/a:1")].as_ref().unwrap().as_str(),
        a
    );
    assert_eq!(
        results[&format!("{host}/b:latest")]
            .as_ref()
            .unwrap()
            .as_str(),
        b
    );
    let missing = results[&format!("{host}/missing:1")].as_ref().unwrap_err();
    assert!(
        matches!(missing, RegistryError::NotFound { .. }),
        "{missing}"
    );
    assert!(missing.to_string().contains("missing:1"), "{missing}");
    let log = reg.request_log();
    assert_eq!(count(&log, "HEAD /v2/a/manifests/1"), 1, "{log:#?}");
    assert_eq!(count(&log, "HEAD /v2/b/manifests/latest"), 1, "{log:#?}");
}

/// Manifests and blobs come back byte-exact with their media type and checked digests;
/// registry 2.8 has no referrers API, which is `None`, not an error.
#[test]
fn fetches_manifests_blobs_and_referrers() {
    let reg = TestRegistry::plain();
    let host = reg.host();
    let (index, children) = reg.push_index("multi", "1", &[("linux", "amd64")]);
    let client = Registry::new(insecure(&host)).unwrap();
    let repo = r(&format!("{host}/multi"));
    let rt = rt();

    let m = rt.block_on(client.manifest(&repo, "1")).unwrap();
    assert_eq!(
        (m.digest.as_str(), m.media_type.as_str()),
        (index.as_str(), OCI_INDEX)
    );
    assert_eq!(sha256_digest(&m.bytes), index);
    let child = rt.block_on(client.manifest(&repo, &children[0])).unwrap();
    assert_eq!(child.media_type, OCI_MANIFEST);
    assert_eq!(child.digest.as_str(), children[0]);

    let config_digest =
        serde_json::from_slice::<serde_json::Value>(&child.bytes).unwrap()["config"]["digest"]
            .as_str()
            .unwrap()
            .to_owned();
    let config = Digest::parse(&config_digest).unwrap();
    let blob = rt.block_on(client.blob(&repo, &config, 1 << 20)).unwrap();
    assert_eq!(sha256_digest(&blob), config_digest);
    let too_small = rt.block_on(client.blob(&repo, &config, 10)).unwrap_err();
    assert!(
        matches!(too_small, RegistryError::Protocol { .. }),
        "{too_small}"
    );
    assert!(
        too_small.to_string().contains("larger than 10 bytes"),
        "{too_small}"
    );

    let absent = Digest::of(b"no such blob");
    let e = rt
        .block_on(client.blob(&repo, &absent, 1 << 20))
        .unwrap_err();
    assert!(matches!(e, RegistryError::NotFound { .. }), "{e}");

    let d = Digest::parse(&index).unwrap();
    assert_eq!(
        rt.block_on(client.referrers(&repo, &d, None)).unwrap(),
        None
    );
    assert_eq!(
        rt.block_on(client.referrers(
            &repo,
            &d,
            Some("application/vnd.dev.sigstore.bundle.v0.3+json")
        ))
        .unwrap(),
        None
    );
}

/// TLS with the test CA and basic auth from a docker config dir resolves; a wrong password
/// is `unauthorized` naming the registry; without the CA the certificate is refused with a
/// hint; `--insecure-registry` skips verification for that host.
#[test]
fn tls_with_basic_auth_from_docker_config() {
    let reg = TestRegistry::tls_with_auth("alice", "s3cret");
    let host = reg.host();
    let image = reg.push_image("team/app", "1.0");
    let ca = std::fs::read(reg.ca_pem_path().unwrap()).unwrap();
    let reference = format!("{host}/team/app:1.0");
    let with = |dir: Option<std::path::PathBuf>, ca: Option<&[u8]>, insecure: &[&str]| {
        Registry::new(RegistryOptions {
            docker_config_dir: dir.or(opts().docker_config_dir),
            extra_ca_pem: ca.map(|c| vec![c.to_vec()]).unwrap_or_default(),
            insecure: insecure.iter().map(|s| (*s).to_owned()).collect(),
            ..opts()
        })
        .unwrap()
    };

    let good = with(
        Some(reg.docker_config_dir("alice", "s3cret")),
        Some(&ca),
        &[],
    );
    assert_eq!(resolve(&good, &reference).unwrap().as_str(), image);

    for (dir, what) in [
        (
            Some(reg.docker_config_dir("alice", "wrong")),
            "wrong password",
        ),
        (None, "no credentials"),
    ] {
        let e = resolve(&with(dir, Some(&ca), &[]), &reference).unwrap_err();
        assert!(
            matches!(e, RegistryError::Unauthorized { .. }),
            "{what}: {e}"
        );
        let msg = e.to_string();
        assert!(
            msg.contains("unauthorized") && msg.contains(&host),
            "{what}: {msg}"
        );
    }

    let e = resolve(
        &with(Some(reg.docker_config_dir("alice", "s3cret")), None, &[]),
        &reference,
    )
    .unwrap_err();
    assert!(matches!(e, RegistryError::Unreachable { .. }), "{e}");
    assert!(e.to_string().contains("--registry-ca"), "{e}");

    let unverified = with(
        Some(reg.docker_config_dir("alice", "s3cret")),
        None,
        &[&host],
    );
    assert_eq!(resolve(&unverified, &reference).unwrap().as_str(), image);
}

/// A closed port fails fast; a port that accepts but never answers fails at the timeout.
#[test]
fn unreachable_and_hanging_registries_fail_within_the_timeout() {
    let closed = {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let hanging = TcpListener::bind("127.0.0.1:0").unwrap();
    let hanging_port = hanging.local_addr().unwrap().port();
    let timeout = Duration::from_millis(1500);
    for (port, insecure_too) in [
        (closed, false),
        (closed, true),
        (hanging_port, false),
        (hanging_port, true),
    ] {
        let host = format!("127.0.0.1:{port}");
        let client = Registry::new(RegistryOptions {
            timeout,
            insecure: if insecure_too {
                vec![host.clone()]
            } else {
                vec![]
            },
            ..opts()
        })
        .unwrap();
        let start = Instant::now();
        let e = resolve(&client, &format!("{host}/app:1")).unwrap_err();
        let took = start.elapsed();
        assert!(
            took < timeout + Duration::from_secs(2),
            "{host}: took {took:?}"
        );
        if port == closed {
            assert!(matches!(e, RegistryError::Unreachable { .. }), "{e}");
            assert!(e.to_string().contains(&host), "{e}");
        } else {
            assert!(matches!(e, RegistryError::Timeout { .. }), "{e}");
            assert!(took >= timeout, "gave up early: {took:?}");
            assert!(e.to_string().contains("within 1.5s"), "{e}");
        }
    }
    drop(hanging);
}

/// `--registry-mirror docker.io=HOST` (and `=HOST/prefix`): `nginx:1.25` is looked up as
/// `library/nginx:1.25` at the mirror, while the reference keeps its spelling.
#[test]
fn docker_hub_names_resolve_through_a_mirror() {
    let reg = TestRegistry::plain();
    let host = reg.host();
    let plain = reg.push_image("library/nginx", "1.25");
    let prefixed = reg.push_image("hub/library/nginx", "1.25");
    for (prefix, want, path) in [
        ("", &plain, "HEAD /v2/library/nginx/manifests/1.25"),
        (
            "hub",
            &prefixed,
            "HEAD /v2/hub/library/nginx/manifests/1.25",
        ),
    ] {
        let client = Registry::new(RegistryOptions {
            mirrors: vec![Mirror {
                source: "docker.io".into(),
                host: host.clone(),
                prefix: prefix.into(),
            }],
            ..insecure(&host)
        })
        .unwrap();
        for spelling in [
            "nginx:1.25",
            "docker.io/library/nginx:1.25",
            "index.docker.io/nginx:1.25",
        ] {
            assert_eq!(
                resolve(&client, spelling).unwrap().as_str(),
                want.as_str(),
                "{spelling}"
            );
            assert_eq!(client.lookup_reference(&r(spelling)).original(), spelling);
        }
        let log = reg.request_log();
        assert_eq!(
            count(&log, path),
            1,
            "one lookup for three spellings: {log:#?}"
        );
        let e = resolve(&client, "nginx:9.9").unwrap_err();
        assert!(e.to_string().contains(&format!("mirror {host}/")), "{e}");
    }
}

/// A plain-HTTP registry is reachable only when listed with `--insecure-registry`.
#[test]
fn plain_http_needs_insecure_registry() {
    let reg = TestRegistry::plain();
    let host = reg.host();
    let image = reg.push_image("app", "1.0");
    let e = resolve(&Registry::new(opts()).unwrap(), &format!("{host}/app:1.0")).unwrap_err();
    assert!(matches!(e, RegistryError::Unreachable { .. }), "{e}");
    assert!(
        e.to_string()
            .contains(&format!("--insecure-registry {host}")),
        "{e}"
    );
    // Another port on the same host is not covered.
    let other = Registry::new(insecure("127.0.0.1:1")).unwrap();
    assert!(resolve(&other, &format!("{host}/app:1.0")).is_err());
    let ok = Registry::new(insecure(&host)).unwrap();
    assert_eq!(
        resolve(&ok, &format!("{host}/app:1.0")).unwrap().as_str(),
        image
    );
    // Plain HTTP is learnt once: no second TLS attempt per request.
    assert_eq!(
        resolve(&ok, &format!("{host}/app:latest"))
            .unwrap_err()
            .to_string(),
        format!("not found: {host}/app:latest")
    );
}

const MANIFEST: &str = r#"{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a","size":2},"layers":[]}"#;

/// Without `Docker-Content-Digest` the digest is the sha256 of the fetched body; a registry
/// reporting a digest its body does not have is caught.
#[test]
fn digest_comes_from_the_body_and_must_match_what_is_reported() {
    let honest = HttpStub::start(|req| match req.method.as_str() {
        "HEAD" => StubResponse::new(200).header("Content-Type", OCI_MANIFEST),
        _ => StubResponse::new(200)
            .header("Content-Type", OCI_MANIFEST)
            .body(MANIFEST),
    });
    let client = Registry::new(insecure(&honest.host())).unwrap();
    let got = resolve(&client, &format!("{}/app:1", honest.host())).unwrap();
    assert_eq!(got.as_str(), sha256_digest(MANIFEST.as_bytes()));
    let methods: Vec<String> = honest
        .requests()
        .iter()
        .map(|q| format!("{} {}", q.method, q.path))
        .collect();
    assert_eq!(
        methods,
        ["HEAD /v2/app/manifests/1", "GET /v2/app/manifests/1"]
    );
    assert!(
        honest.requests()[0]
            .header("accept")
            .unwrap()
            .starts_with(OCI_INDEX),
        "indexes first in Accept"
    );

    let lie = sha256_digest(b"something else");
    let liar = HttpStub::start(move |req| match req.method.as_str() {
        "HEAD" => StubResponse::new(200),
        _ => StubResponse::new(200)
            .header("Docker-Content-Digest", &lie)
            .body(MANIFEST),
    });
    let client = Registry::new(insecure(&liar.host())).unwrap();
    let e = resolve(&client, &format!("{}/app:1", liar.host())).unwrap_err();
    assert!(matches!(e, RegistryError::DigestMismatch { .. }), "{e}");
    // Fetching by digest: the body must hash to the digest asked for.
    let asked = Digest::of(b"another manifest");
    let e = rt()
        .block_on(client.manifest(&r(&format!("{}/app", liar.host())), asked.as_str()))
        .unwrap_err();
    assert_eq!(
        e,
        RegistryError::DigestMismatch {
            expected: asked,
            got: Digest::of(MANIFEST.as_bytes())
        }
    );
}

/// 429 is retried after `Retry-After`; a registry that keeps refusing gives `RateLimited`.
#[test]
fn rate_limits_are_retried_then_reported() {
    let digest = sha256_digest(MANIFEST.as_bytes());
    let seen = Arc::new(AtomicUsize::new(0));
    let (s, d) = (seen.clone(), digest.clone());
    let flaky = HttpStub::start(move |_| {
        if s.fetch_add(1, Ordering::SeqCst) < 2 {
            StubResponse::new(429).header("Retry-After", "0")
        } else {
            StubResponse::new(200).header("Docker-Content-Digest", &d)
        }
    });
    let client = Registry::new(insecure(&flaky.host())).unwrap();
    assert_eq!(
        resolve(&client, &format!("{}/app:1", flaky.host()))
            .unwrap()
            .as_str(),
        digest
    );
    assert_eq!(seen.load(Ordering::SeqCst), 3);

    let stubborn = HttpStub::start(|_| StubResponse::new(429).header("Retry-After", "0"));
    let client = Registry::new(insecure(&stubborn.host())).unwrap();
    let e = resolve(&client, &format!("{}/app:1", stubborn.host())).unwrap_err();
    assert!(matches!(e, RegistryError::RateLimited { .. }), "{e}");
    assert_eq!(stubborn.requests().len(), 4, "one try and three retries");
    // A Retry-After beyond the deadline is not waited for.
    let slow = HttpStub::start(|_| StubResponse::new(429).header("Retry-After", "3600"));
    let client = Registry::new(RegistryOptions {
        timeout: Duration::from_secs(2),
        ..insecure(&slow.host())
    })
    .unwrap();
    let start = Instant::now();
    let e = resolve(&client, &format!("{}/app:1", slow.host())).unwrap_err();
    assert!(matches!(e, RegistryError::RateLimited { .. }), "{e}");
    assert!(start.elapsed() < Duration::from_secs(2));
}

/// The bearer token dance: 401 with a Bearer challenge → the realm with basic credentials
/// and the repository scope → the token on the retry and on later requests of the same
/// repository. A refused password is `unauthorized`.
#[test]
fn bearer_tokens_from_the_realm() {
    use base64::Engine as _;
    let digest = sha256_digest(MANIFEST.as_bytes());
    let port = Arc::new(std::sync::OnceLock::<String>::new());
    let (p, d) = (port.clone(), digest.clone());
    let good = format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode("bob:pw")
    );
    let stub = HttpStub::start(move |req| {
        let host = p.get().cloned().unwrap_or_default();
        if req.path.starts_with("/token?") {
            return if req.header("authorization") == Some(good.as_str()) {
                StubResponse::new(200).body(r#"{"token":"tok-1","expires_in":300}"#)
            } else {
                StubResponse::new(401)
            };
        }
        if req.header("authorization") == Some("Bearer tok-1") {
            StubResponse::new(200).header("Docker-Content-Digest", &d)
        } else {
            StubResponse::new(401).header(
                "WWW-Authenticate",
                &format!(r#"Bearer realm="http://{host}/token",service="stub""#),
            )
        }
    });
    let host = stub.host();
    port.set(host.clone()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let write_config = |pass: &str| {
        let auth = base64::engine::general_purpose::STANDARD.encode(format!("bob:{pass}"));
        std::fs::write(
            dir.path().join("config.json"),
            format!(r#"{{"auths":{{"{host}":{{"auth":"{auth}"}}}}}}"#),
        )
        .unwrap();
    };
    write_config("pw");
    let client = Registry::new(RegistryOptions {
        docker_config_dir: Some(dir.path().to_owned()),
        ..insecure(&host)
    })
    .unwrap();
    let rt = rt();
    assert_eq!(
        rt.block_on(client.resolve(&r(&format!("{host}/team/app:1"))))
            .unwrap()
            .as_str(),
        digest
    );
    assert_eq!(
        rt.block_on(client.resolve(&r(&format!("{host}/team/app:2"))))
            .unwrap()
            .as_str(),
        digest
    );
    let log: Vec<String> = stub
        .requests()
        .iter()
        .map(|q| format!("{} {}", q.method, q.path))
        .collect();
    assert_eq!(
        log,
        [
            "HEAD /v2/team/app/manifests/1",
            "GET /token?service=stub&scope=repository%3Ateam%2Fapp%3Apull",
            "HEAD /v2/team/app/manifests/1",
            // The token is reused; the challenge is remembered.
            "HEAD /v2/team/app/manifests/2",
        ]
    );

    write_config("wrong");
    let client = Registry::new(RegistryOptions {
        docker_config_dir: Some(dir.path().to_owned()),
        ..insecure(&host)
    })
    .unwrap();
    let e = rt
        .block_on(client.resolve(&r(&format!("{host}/team/app:1"))))
        .unwrap_err();
    assert!(matches!(e, RegistryError::Unauthorized { .. }), "{e}");
    assert!(e.to_string().contains(&host), "{e}");
}

/// Credentials go only to the registry they are configured for: another port on the same
/// address asking for them gets nothing.
#[test]
fn credentials_are_not_sent_to_other_registries() {
    let stub = HttpStub::start(|_| {
        StubResponse::new(401).header("WWW-Authenticate", r#"Basic realm="stub""#)
    });
    let reg = TestRegistry::tls_with_auth("alice", "s3cret");
    let dir = reg.docker_config_dir("alice", "s3cret"); // for reg.host(), not the stub
    let client = Registry::new(RegistryOptions {
        docker_config_dir: Some(dir),
        ..insecure(&stub.host())
    })
    .unwrap();
    let e = resolve(&client, &format!("{}/app:1", stub.host())).unwrap_err();
    assert!(matches!(e, RegistryError::Unauthorized { .. }), "{e}");
    assert!(
        stub.requests()
            .iter()
            .all(|q| q.header("authorization").is_none()),
        "{:#?}",
        stub.requests()
    );
}

/// The OCI 1.1 referrers API: the index bytes as served, with the artifactType filter
/// passed on; 404 means the registry lacks the API.
#[test]
fn referrers_api_when_offered() {
    let index = format!(r#"{{"schemaVersion":2,"mediaType":"{OCI_INDEX}","manifests":[]}}"#);
    let body = index.clone();
    let stub = HttpStub::start(move |req| {
        if req.path.starts_with("/v2/app/referrers/") {
            StubResponse::new(200)
                .header("Content-Type", OCI_INDEX)
                .body(body.clone())
        } else {
            StubResponse::new(404)
        }
    });
    let client = Registry::new(insecure(&stub.host())).unwrap();
    let d = Digest::of(b"subject");
    let rt = rt();
    let got = rt
        .block_on(client.referrers(
            &r(&format!("{}/app", stub.host())),
            &d,
            Some("application/vnd.dev.sigstore.bundle.v0.3+json"),
        ))
        .unwrap();
    assert_eq!(got.as_deref(), Some(index.as_bytes()));
    assert_eq!(
        stub.requests()[0].path,
        format!(
            "/v2/app/referrers/{d}?artifactType=application%2Fvnd.dev.sigstore.bundle.v0.3%2Bjson"
        )
    );
    let none = rt
        .block_on(client.referrers(&r(&format!("{}/other", stub.host())), &d, None))
        .unwrap();
    assert_eq!(none, None);
}

/// A burst of lookups to a registry that wants credentials collects one 401, not one per
/// lookup: the first request learns the challenge while the others wait for it.
#[test]
fn a_burst_learns_the_challenge_once() {
    use base64::Engine as _;
    let digest = sha256_digest(MANIFEST.as_bytes());
    let d = digest.clone();
    let good = format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode("bob:pw")
    );
    let stub = HttpStub::start(move |req| {
        if req.header("authorization") == Some(good.as_str()) {
            StubResponse::new(200).header("Docker-Content-Digest", &d)
        } else {
            StubResponse::new(401).header("WWW-Authenticate", r#"Basic realm="stub""#)
        }
    });
    let host = stub.host();
    let dir = tempfile::tempdir().unwrap();
    let auth = base64::engine::general_purpose::STANDARD.encode("bob:pw");
    std::fs::write(
        dir.path().join("config.json"),
        format!(r#"{{"auths":{{"{host}":{{"auth":"{auth}"}}}}}}"#),
    )
    .unwrap();
    let client = Registry::new(RegistryOptions {
        docker_config_dir: Some(dir.path().to_owned()),
        ..insecure(&host)
    })
    .unwrap();
    let refs: Vec<ImageRef> = (0..40).map(|i| r(&format!("{host}/app:{i}"))).collect();
    let results = rt().block_on(client.resolve_all(&refs));
    assert!(
        results
            .values()
            .all(|v| v.as_ref().unwrap().as_str() == digest)
    );
    let unauthenticated = stub
        .requests()
        .iter()
        .filter(|q| q.header("authorization").is_none())
        .count();
    assert_eq!(unauthenticated, 1);
    assert_eq!(stub.requests().len(), 41);
}

/// Writes `docker-credential-kvtest` into `bin`: it answers `get` for `host` only, with
/// `secret`, and logs each server it is asked about to `bin/asked`.
fn write_credential_helper(bin: &std::path::Path, host: &str, secret: &str) {
    use std::os::unix::fs::PermissionsExt as _;
    let script = format!(
        "#!/bin/sh\nread server\necho \"$1 $server\" >> '{log}'\n\
         if [ \"$1\" = get ] && [ \"$server\" = '{host}' ]; then\n\
         printf '{{\"ServerURL\":\"%s\",\"Username\":\"alice\",\"Secret\":\"{secret}\"}}' \"$server\"\n\
         else echo 'credentials not found in native keychain'; exit 1; fi\n",
        log = bin.join("asked").display()
    );
    let path = bin.join("docker-credential-kvtest");
    std::fs::write(&path, script).expect("writing the credential helper");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755))
        .expect("making the credential helper executable");
}

/// `credsStore` and `credHelpers` run `docker-credential-<name> get` from PATH, asked only
/// about the registry being contacted; a helper's wrong secret is `unauthorized`. Through the
/// binary, where PATH and DOCKER_CONFIG are the user's.
#[test]
fn credential_helpers_through_the_binary() {
    let reg = TestRegistry::tls_with_auth("alice", "s3cret");
    let host = reg.host();
    let digest = reg.push_image("team/app", "1.0");
    let ca = reg.ca_pem_path().unwrap();
    let path = format!("{{}}:{}", std::env::var("PATH").unwrap_or_default());
    for (config, secret, works) in [
        (r#"{"credsStore": "kvtest"}"#.to_owned(), "s3cret", true),
        (
            format!(r#"{{"credHelpers": {{"{host}": "kvtest"}}}}"#),
            "s3cret",
            true,
        ),
        (r#"{"credsStore": "kvtest"}"#.to_owned(), "wrong", false),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let bin = dir.path().join("bin");
        std::fs::create_dir_all(&bin).unwrap();
        write_credential_helper(&bin, &host, secret);
        std::fs::write(dir.path().join("config.json"), &config).unwrap();
        let out = crate::support::kubectl_verify()
            .args(["image", "-o", "json", "--allow-unmatched", "--registry-ca"])
            .arg(&ca)
            .arg(format!("{host}/team/app:1.0"))
            .env("DOCKER_CONFIG", dir.path())
            .env("PATH", path.replace("{}", &bin.display().to_string()))
            .output()
            .expect("running kubectl-verify");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let asked = std::fs::read_to_string(bin.join("asked")).unwrap_or_default();
        assert_eq!(asked, format!("get {host}\n"), "{config}");
        if works {
            // Resolved with the helper's credentials.
            assert!(
                stdout.contains(&format!("\"digest\": \"{digest}\"")),
                "{config}\n{stdout}\n{stderr}"
            );
        } else {
            assert!(
                stdout.contains("unauthorized") && stdout.contains(&host),
                "{config}\n{stdout}\n{stderr}"
            );
        }
    }
}

/// An `identitytoken` (what `docker login` stores for OAuth registries) is exchanged at the
/// realm as an OAuth2 refresh token, by POST, never sent as a password.
#[test]
fn identity_tokens_are_refresh_tokens() {
    let digest = sha256_digest(MANIFEST.as_bytes());
    let port = Arc::new(std::sync::OnceLock::<String>::new());
    let (p, d) = (port.clone(), digest.clone());
    let stub = HttpStub::start(move |req| {
        let host = p.get().cloned().unwrap_or_default();
        if req.path == "/token" {
            let form = String::from_utf8_lossy(&req.body);
            let ok = req.method == "POST"
                && form.contains("grant_type=refresh_token")
                && form.contains("refresh_token=rt-123")
                && form.contains("scope=repository%3Aapp%3Apull")
                && req.header("authorization").is_none();
            return if ok {
                StubResponse::new(200).body(r#"{"access_token":"tok-2"}"#)
            } else {
                StubResponse::new(400)
            };
        }
        if req.header("authorization") == Some("Bearer tok-2") {
            StubResponse::new(200).header("Docker-Content-Digest", &d)
        } else {
            StubResponse::new(401).header(
                "WWW-Authenticate",
                &format!(r#"Bearer realm="http://{host}/token",service="stub""#),
            )
        }
    });
    let host = stub.host();
    port.set(host.clone()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("config.json"),
        format!(r#"{{"auths":{{"{host}":{{"identitytoken":"rt-123"}}}}}}"#),
    )
    .unwrap();
    let client = Registry::new(RegistryOptions {
        docker_config_dir: Some(dir.path().to_owned()),
        ..insecure(&host)
    })
    .unwrap();
    assert_eq!(
        resolve(&client, &format!("{host}/app:1")).unwrap().as_str(),
        digest
    );
}
