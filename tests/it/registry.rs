//! The registry client against a real `docker-registry`: tag → digest for images and
//! multi-arch indexes, cross-checked with skopeo; TLS + basic auth from a docker config;
//! unreachable and hanging registries within the timeout; mirrors; insecure hosts.

use std::process::Command;

use crate::support::registry::{TestRegistry, sha256_digest};

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
}
