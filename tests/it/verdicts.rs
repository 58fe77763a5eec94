//! Issue 9: verdicts a user can act on. A missing tag or digest is `not-found`, a refused or
//! missing credential is `unauthorized` naming the registry and where credentials were looked
//! for, wrong bytes are `digest-mismatch`, a malformed docker config is exit 2 naming the
//! file, and `blob`'s network failures are the verdict `unreachable` with a full report.
#![allow(clippy::unwrap_used)] // test setup: a failure is a broken fixture

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::support::registry::{HttpStub, OCI_MANIFEST, StubResponse, TestRegistry};
use crate::support::{self, kubectl_verify};

const ID: [&str; 4] = [
    "--certificate-identity",
    "releaser@example.com",
    "--certificate-oidc-issuer",
    "https://accounts.google.com",
];
const NO_SUCH_DIGEST: &str =
    "sha256:00000000000000000000000000000000000000000000000000000000000000aa";

struct Run {
    code: Option<i32>,
    json: Value,
    stdout: String,
    stderr: String,
}

/// `kubectl verify image ARGS -o json`, with `DOCKER_CONFIG` set to `docker_config` (or an
/// empty directory of its own).
fn image(args: &[&str], docker_config: Option<&Path>) -> Run {
    let empty = tempfile::tempdir().unwrap();
    let out = kubectl_verify()
        .args(["image", "-o", "json", "--timeout", "10s"])
        .args(ID)
        .args(args)
        .env("DOCKER_CONFIG", docker_config.unwrap_or(empty.path()))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    Run {
        code: out.status.code(),
        json: serde_json::from_str(&stdout).unwrap_or(Value::Null),
        stdout,
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn verdict(run: &Run) -> (&str, &str) {
    (
        run.json["images"][0]["verdict"].as_str().unwrap_or("?"),
        run.json["images"][0]["detail"].as_str().unwrap_or(""),
    )
}

/// A port nothing listens on.
fn closed_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A tag, a digest or a repository the registry does not have was `unreachable` or
/// `unsigned`; it is `not-found`, naming what was asked for.
#[test]
fn missing_tags_digests_and_repositories_are_not_found() {
    let reg = TestRegistry::plain();
    let host = reg.host();
    reg.push_image("app", "1");
    for (reference, named) in [
        (format!("{host}/app:nope"), format!("{host}/app:nope")),
        (format!("{host}/gone:1"), format!("{host}/gone:1")),
        (
            format!("{host}/app@{NO_SUCH_DIGEST}"),
            format!("manifest {NO_SUCH_DIGEST}"),
        ),
    ] {
        let run = image(&["--insecure-registry", &host, &reference], None);
        let (code, detail) = verdict(&run);
        assert_eq!(
            (run.code, code),
            (Some(1), "not-found"),
            "{reference}: {}{}",
            run.stdout,
            run.stderr
        );
        assert!(
            detail.contains("not found") && detail.contains(&named),
            "{reference}: {detail}"
        );
    }
}

/// A refused password and a registry that wants credentials we do not have were `unreachable`;
/// both are `unauthorized`, naming the registry and the docker config looked in.
#[test]
fn refused_and_missing_credentials_are_unauthorized() {
    let reg = TestRegistry::tls_with_auth("alice", "s3cret-pass");
    let host = reg.host();
    reg.push_image("team/app", "1.0");
    let ca = reg.ca_pem_path().unwrap();
    let ca = ca.to_str().unwrap();
    let reference = format!("{host}/team/app:1.0");

    let wrong = reg.docker_config_dir("alice", "wrong");
    let run = image(&["--registry-ca", ca, &reference], Some(&wrong));
    let (code, detail) = verdict(&run);
    assert_eq!(
        (run.code, code),
        (Some(1), "unauthorized"),
        "{}",
        run.stdout
    );
    let config = wrong.join("config.json");
    assert!(
        detail.contains(&format!(
            "unauthorized: registry {host} refused the credentials from docker config {}",
            config.display()
        )) && detail.contains(&format!("docker login {host}")),
        "{detail}"
    );
    assert!(!run.stdout.contains("wrong") && !run.stderr.contains("wrong"));

    let none = tempfile::tempdir().unwrap();
    let run = image(&["--registry-ca", ca, &reference], Some(none.path()));
    let (code, detail) = verdict(&run);
    assert_eq!(
        (run.code, code),
        (Some(1), "unauthorized"),
        "{}",
        run.stdout
    );
    assert!(
        detail.contains(&format!(
            "registry {host} requires credentials, and none were found for it in docker config {} (no such file)",
            none.path().join("config.json").display()
        )),
        "{detail}"
    );

    // The right password still resolves (the verdict is then about signatures).
    let right = reg.docker_config_dir("alice", "s3cret-pass");
    let run = image(&["--registry-ca", ca, &reference], Some(&right));
    assert_eq!(verdict(&run).0, "unsigned", "{}", run.stdout);
}

/// A tag whose manifest does not hash to the digest the registry announces is wrong content,
/// `digest-mismatch`, not `unreachable`.
#[test]
fn a_manifest_that_does_not_hash_to_its_announced_digest_is_a_digest_mismatch() {
    let body = br#"{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a","size":2},"layers":[]}"#.to_vec();
    let stub = HttpStub::start(move |req| {
        if req.path == "/v2/app/manifests/1" {
            // HEAD carries no digest, so the body is fetched and checked against the header.
            let r = StubResponse::new(200).header("Content-Type", OCI_MANIFEST);
            if req.method == "HEAD" {
                return r;
            }
            return r
                .header("Docker-Content-Digest", NO_SUCH_DIGEST)
                .body(body.clone());
        }
        StubResponse::new(404)
    });
    let host = stub.host();
    let run = image(
        &["--insecure-registry", &host, &format!("{host}/app:1")],
        None,
    );
    let (code, detail) = verdict(&run);
    assert_eq!(
        (run.code, code),
        (Some(1), "digest-mismatch"),
        "{}",
        run.stdout
    );
    assert!(
        detail.contains(&format!(
            "the registry served content that does not match digest {NO_SUCH_DIGEST}"
        )),
        "{detail}"
    );
}

/// A malformed docker config was silently an `unreachable` verdict per image; it is a runtime
/// error naming the file (exit 2), before any registry is asked.
#[test]
fn a_malformed_docker_config_is_exit_2_naming_the_file() {
    let reg = TestRegistry::plain();
    let host = reg.host();
    reg.push_image("app", "1");
    for (config, says) in [
        ("{not json", "is not valid JSON"),
        (r#"{"auths": []}"#, "`auths` is not an object"),
        (
            r#"{"auths": {"r.example": {"auth": "!!not base64"}}}"#,
            "`auth` is not base64 of user:password",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let path: PathBuf = dir.path().join("config.json");
        std::fs::write(&path, config).unwrap();
        let before = reg.request_log().len();
        let reference = format!("{host}/app:1");
        for command in [
            vec!["image", "-o", "json", &reference],
            vec!["manifests", "-o", "json", "-"],
        ] {
            let out = kubectl_verify()
                .args(&command)
                .args(ID)
                .args(["--insecure-registry", &host])
                .env("DOCKER_CONFIG", dir.path())
                .write_stdin(format!(
                    "kind: Pod\nspec:\n  containers:\n  - image: {host}/app:1\n"
                ))
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{config}: {stderr}");
            assert!(
                stderr.contains(&format!("docker config {}", path.display()))
                    && stderr.contains(says),
                "{config}: {stderr}"
            );
            // `-o json` still writes a whole document, the error in its `errors[]`.
            let doc: serde_json::Value = serde_json::from_slice(&out.stdout)
                .unwrap_or_else(|e| panic!("{config}: stdout is not JSON: {e}"));
            let message = doc["errors"][0]["message"].as_str().unwrap_or("");
            assert!(message.contains(says), "{config}: {doc}");
            assert_eq!(doc["images"], serde_json::json!([]), "{config}: {doc}");
        }
        assert_eq!(reg.request_log().len(), before, "no registry request");
    }
}

fn legacy() -> PathBuf {
    let dir = support::vectors().join("conformance");
    std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("legacy-detached-"))
        })
        .unwrap()
}

const BEACON: &str = "https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main";
const GHA: &str = "https://token.actions.githubusercontent.com";

fn blob(args: &[&str]) -> (Option<i32>, Value, String) {
    let out = kubectl_verify().arg("blob").args(args).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let json = serde_json::from_str(&stdout).unwrap_or(Value::Null);
    (out.status.code(), json, format!("{stdout}{stderr}"))
}

/// `blob`'s network failures (artifact, bundle, signature, Rekor) were runtime errors
/// (exit 2, no report); they are the verdict `unreachable`, exit 1 and a full JSON document.
#[test]
fn blob_network_failures_are_unreachable_with_a_full_report() {
    let dir = legacy();
    let file = |f: &str| dir.join(f).to_str().unwrap().to_owned();
    let down = format!("http://127.0.0.1:{}", closed_port());
    let id = [
        "--certificate-identity",
        BEACON,
        "--certificate-oidc-issuer",
        GHA,
    ];
    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            vec![
                format!("{down}/a.txt"),
                "--bundle".into(),
                file("a.txt.good.sig"),
            ],
            "downloading the artifact",
        ),
        (
            vec![
                file("a.txt"),
                "--bundle".into(),
                format!("{down}/a.sigstore.json"),
            ],
            "downloading the bundle",
        ),
        (
            vec![
                file("a.txt"),
                "--signature".into(),
                format!("{down}/a.sig"),
                "--certificate".into(),
                file("a.txt.good.crt"),
            ],
            "downloading the signature",
        ),
        (
            vec![
                file("a.txt"),
                "--signature".into(),
                file("a.txt.good.sig"),
                "--certificate".into(),
                format!("{down}/a.crt"),
            ],
            "downloading the certificate",
        ),
        (
            vec![
                file("a.txt"),
                "--signature".into(),
                file("a.txt.good.sig"),
                "--certificate".into(),
                file("a.txt.good.crt"),
                format!("--rekor-url={down}"),
            ],
            "looking up the signature in Rekor",
        ),
    ];
    for (args, says) in cases {
        let mut all: Vec<&str> = args.iter().map(String::as_str).collect();
        all.extend(id);
        all.extend(["-o", "json", "--timeout", "5s"]);
        let (code, json, out) = blob(&all);
        assert_eq!(code, Some(1), "{says}: {out}");
        assert_eq!(json["kind"], "BlobVerification", "{says}: {out}");
        assert_eq!(json["apiVersion"], "kubectl-verify/v1", "{out}");
        assert_eq!(json["verdict"], "unreachable", "{says}: {out}");
        assert_eq!(json["artifact"]["source"], all[0], "{out}");
        let detail = json["detail"].as_str().unwrap();
        assert!(
            detail.starts_with(says) && detail.contains(&down),
            "{detail}"
        );
    }
}

/// `--rekor-url URL` with a space was an error or swallowed the artifact; it takes its value
/// as cosign does, a value that is not a URL is a usage error saying what to write, and
/// `--tlog-lookup` asks for the default Rekor.
#[test]
fn rekor_url_takes_its_value_with_a_space() {
    let dir = legacy();
    let file = |f: &str| dir.join(f).to_str().unwrap().to_owned();
    let down = format!("http://127.0.0.1:{}", closed_port());
    let (artifact, sig, cert) = (
        file("a.txt"),
        file("a.txt.good.sig"),
        file("a.txt.good.crt"),
    );
    let material = ["--signature", &sig, "--certificate", &cert];
    let tail = [
        "--certificate-identity",
        BEACON,
        "--certificate-oidc-issuer",
        GHA,
        "-o",
        "json",
        "--timeout",
        "5s",
    ];
    // The flag before the artifact, its value after a space.
    let args: Vec<&str> = [&["--rekor-url", &down, &artifact][..], &material, &tail].concat();
    let (code, json, out) = blob(&args);
    assert_eq!(code, Some(1), "{out}");
    assert_eq!(json["artifact"]["source"], artifact.as_str(), "{out}");
    assert_eq!(
        json["signature"]["tlogSource"],
        format!("rekor {down}"),
        "{out}"
    );
    assert_eq!(json["verdict"], "unreachable", "{out}");

    // A bare flag followed by the artifact: a usage error, not the artifact read as a URL.
    let args: Vec<&str> = [&["--rekor-url", &artifact][..], &material, &tail].concat();
    let (code, _, out) = blob(&args);
    assert_eq!(code, Some(2), "{out}");
    assert!(
        out.contains("is not an http(s) URL") && out.contains("--tlog-lookup"),
        "{out}"
    );
}

/// `-v=6` logs every HTTP request (method, URL, status, time) and `-v=8` its headers, on
/// stderr, against a TLS registry with basic auth: the password, and the `Authorization`
/// carrying it, never appear. `-v 2` (kubectl's spelling with a space) shows each image's
/// steps, and stdout stays the report alone.
#[test]
fn verbose_levels_log_requests_without_credentials() {
    use base64::Engine as _;
    let (user, pass) = ("alice", "s3cret-pass");
    let reg = TestRegistry::tls_with_auth(user, pass);
    let host = reg.host();
    reg.push_image("team/app", "1.0");
    let config = reg.docker_config_dir(user, pass);
    let ca = reg.ca_pem_path().unwrap();
    let reference = format!("{host}/team/app:1.0");
    let secrets = [
        pass.to_owned(),
        base64::engine::general_purpose::STANDARD.encode(format!("{user}:{pass}")),
    ];
    let run = |level: &[&str]| {
        let out = kubectl_verify()
            .args(["image", "-o", "json"])
            .args(level)
            .args(ID)
            .arg("--registry-ca")
            .arg(&ca)
            .arg(&reference)
            .env("DOCKER_CONFIG", &config)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        let json: Value = serde_json::from_str(&stdout).expect("stdout is the report alone");
        assert_eq!(json["images"][0]["verdict"], "unsigned", "{stdout}{stderr}");
        for secret in &secrets {
            assert!(!stderr.contains(secret.as_str()), "{secret} in\n{stderr}");
        }
        stderr
    };

    let quiet = run(&[]);
    assert!(!quiet.contains("I6]") && !quiet.contains("I2]"), "{quiet}");

    let six = run(&["-v=6"]);
    let manifest = format!("https://{host}/v2/team/app/manifests/1.0");
    // The first request is challenged, the retry with credentials answered.
    assert!(
        six.contains(&format!("I6] HEAD {manifest} 401 Unauthorized in "))
            && six.contains(&format!("I6] HEAD {manifest} 200 OK in ")),
        "{six}"
    );
    assert!(
        six.lines()
            .filter(|l| l.starts_with("I6] "))
            .all(|l| l.contains(" ms")),
        "every request has its time: {six}"
    );
    assert!(
        six.contains(&format!(
            "I6] GET https://{host}/v2/team/app/manifests/sha256-"
        )),
        "the signature tags looked up: {six}"
    );
    assert!(!six.contains("I8]"), "{six}");

    let eight = run(&["-v=8"]);
    assert!(
        eight.contains("I8]   > authorization: <redacted>")
            && eight.contains("I8]   < www-authenticate: Basic realm=")
            && eight.contains("I8]   < docker-content-digest: sha256:"),
        "{eight}"
    );

    let two = run(&["-v", "2"]);
    for step in [
        format!("I2] {reference}: resolved to sha256:"),
        format!("I2] {reference}: looking for signatures of sha256:"),
        format!("I2] {reference}: no referrers API; tag sha256-"),
        format!("I2] {reference}: tag sha256-"),
        "(no cosign 2 signature)".to_owned(),
        format!("I2] {reference}: 0 piece(s) of signature material for sha256:"),
    ] {
        assert!(two.contains(&step), "{step} not in\n{two}");
    }
    assert!(!two.contains("I6]"), "{two}");
}

/// Issue 9: `-o name` and `--no-headers` on the image table, as kubectl's.
#[test]
fn output_name_and_no_headers() {
    let reg = TestRegistry::plain();
    let host = reg.host();
    let digest = reg.push_image("app", "1");
    let reference = format!("{host}/app:1");
    let run = |args: &[&str]| {
        let out = kubectl_verify()
            .arg("image")
            .args(args)
            .args(ID)
            .args(["--insecure-registry", &host, &reference])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "unsigned fails the run");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert_eq!(run(&["-o", "name"]), format!("{reference}@{digest}\n"));
    let table = run(&[]);
    assert!(table.starts_with("IMAGE "), "{table}");
    for output in ["table", "wide"] {
        let bare = run(&["-o", output, "--no-headers"]);
        assert!(
            bare.starts_with(&format!("{reference} ")) && !bare.contains("IMAGE"),
            "{output}: {bare}"
        );
        assert!(bare.contains(" unsigned "), "{output}: {bare}");
    }
}

/// Issue 9: a TLS failure names the problem in words and suggests `--registry-ca`.
#[test]
fn a_certificate_from_an_unknown_ca_is_named_in_words() {
    let reg = TestRegistry::tls_with_auth("alice", "s3cret-pass");
    let host = reg.host();
    let run = image(&[&format!("{host}/team/app:1.0")], None);
    let (code, detail) = verdict(&run);
    assert_eq!((run.code, code), (Some(1), "unreachable"), "{}", run.stdout);
    assert!(
        detail.contains("TLS: the registry's certificate is signed by an unknown CA")
            && detail.contains("pass --registry-ca FILE"),
        "{detail}"
    );
}
