//! The sigstore-conformance bundle-verification cases, driven exactly as the suite drives a
//! client: assets copied to a temporary directory that is the working directory, relative
//! paths, every case twice (artifact path and `sha256:` digest), through
//! `scripts/conformance-entrypoint`.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support;

const DEFAULT_IDENTITY: &str = "https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main";
const DEFAULT_ISSUER: &str = "https://token.actions.githubusercontent.com";

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read assets") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy asset");
        }
    }
}

fn sha256_hex(path: &Path) -> String {
    use sha2::Digest as _;
    hex::encode(sha2::Sha256::digest(std::fs::read(path).expect("artifact")))
}

fn read_trimmed(path: &Path) -> Option<String> {
    std::fs::read_to_string(path)
        .ok()
        .map(|s| s.trim().to_owned())
}

/// The entrypoint with the binary under test and an environment scrubbed like
/// `support::kubectl_verify()`'s.
fn entrypoint(workdir: &Path) -> Command {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/conformance-entrypoint");
    let mut cmd = Command::new(script);
    for (k, _) in std::env::vars_os() {
        let k = k.to_string_lossy();
        if k.starts_with("SIGSTORE_") || k.starts_with("COSIGN_") {
            cmd.env_remove(&*k);
        }
    }
    for k in ["KUBECONFIG", "DOCKER_CONFIG", "NO_COLOR", "RUST_LOG"] {
        cmd.env_remove(k);
    }
    cmd.env(
        "KUBECTL_VERIFY",
        assert_cmd::cargo::cargo_bin("kubectl-verify"),
    );
    cmd.current_dir(workdir);
    cmd
}

/// Every case of `bundle-verify/`, as path and as digest: `_fail` cases must exit non-zero,
/// the others zero. Prints `conformance: N passed, M failed`.
#[test]
fn sigstore_conformance_bundle_verify_cases() {
    let assets = support::vectors().join("conformance/test/assets");
    let tmp = tempfile::tempdir().expect("tempdir");
    copy_dir(&assets, tmp.path());
    let work = tmp.path();

    let mut cases: Vec<PathBuf> = std::fs::read_dir(work.join("bundle-verify"))
        .expect("cases")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert_eq!(
        cases.len(),
        70,
        "the vendored suite has 70 bundle-verify cases"
    );

    let (mut passed, mut failed) = (0, Vec::new());
    for case in &cases {
        let name = case
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        let rel = |file: &str| format!("bundle-verify/{name}/{file}");
        let artifact = if case.join("artifact").exists() {
            rel("artifact")
        } else {
            "bundle-verify/a.txt".to_owned()
        };
        let digest = format!("sha256:{}", sha256_hex(&work.join(&artifact)));
        for (mode, input) in [("PATH", artifact.clone()), ("DIGEST", digest)] {
            let mut cmd = entrypoint(work);
            cmd.arg("verify-bundle")
                .arg("--bundle")
                .arg(rel("bundle.sigstore.json"));
            if case.join("key.pub").exists() {
                cmd.arg("--key").arg(rel("key.pub"));
            } else {
                let identity = read_trimmed(&case.join("identity"))
                    .unwrap_or_else(|| DEFAULT_IDENTITY.to_owned());
                let issuer =
                    read_trimmed(&case.join("issuer")).unwrap_or_else(|| DEFAULT_ISSUER.to_owned());
                cmd.args(["--certificate-identity", &identity]);
                cmd.args(["--certificate-oidc-issuer", &issuer]);
            }
            if case.join("trusted_root.json").exists() {
                cmd.arg("--trusted-root").arg(rel("trusted_root.json"));
            }
            cmd.arg(&input);
            let output = cmd.output().expect("run entrypoint");
            let expect_fail = name.ends_with("_fail");
            let ok = output.status.success() != expect_fail;
            if ok {
                passed += 1;
            } else {
                failed.push(format!(
                    "test_verify[{mode}-{name}]: exit {:?}, expected {}\n{}{}",
                    output.status.code(),
                    if expect_fail { "failure" } else { "success" },
                    String::from_utf8_lossy(&output.stdout),
                    String::from_utf8_lossy(&output.stderr)
                ));
            }
        }
    }
    println!("conformance: {passed} passed, {} failed", failed.len());
    eprintln!("conformance: {passed} passed, {} failed", failed.len());
    assert!(failed.is_empty(), "{}", failed.join("\n"));
    assert_eq!(passed, 140);
}
