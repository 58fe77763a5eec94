//! Test harness: servers on loopback, test keys and CAs, and a scrubbed environment for the
//! binary under test.
#![allow(dead_code)]

use assert_cmd::Command;

pub mod https;
pub mod kubeapi;
pub mod registry;
pub mod rekor;
pub mod sigstore;
pub mod tuf;

/// The built `kubectl-verify` with an environment scrubbed of anything that changes its
/// behaviour between machines (KUBECONFIG, DOCKER_CONFIG, NO_COLOR, RUST_LOG, SIGSTORE_*).
pub fn kubectl_verify() -> Command {
    let mut cmd = Command::cargo_bin("kubectl-verify").expect("binary built");
    for (k, _) in std::env::vars_os() {
        let k = k.to_string_lossy();
        if k.starts_with("SIGSTORE_") || k.starts_with("COSIGN_") {
            cmd.env_remove(&*k);
        }
    }
    for k in [
        "KUBECONFIG",
        "DOCKER_CONFIG",
        "NO_COLOR",
        "RUST_LOG",
        "HOME",
        "XDG_CACHE_HOME",
    ] {
        cmd.env_remove(k);
    }
    // An empty HOME so ~/.docker/config.json of the machine never leaks into a test.
    let home = std::env::temp_dir().join("kubectl-verify-test-home");
    let _ = std::fs::create_dir_all(&home);
    // A cache of its own for every command, never created unless the command writes there, so
    // no test picks up a trusted root another test (or the machine) updated. Tests that chain
    // commands over one cache set KUBECTL_VERIFY_CACHE_DIR themselves (`.env` replaces this).
    let run = CACHE_RUNS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    cmd.env(
        "KUBECTL_VERIFY_CACHE_DIR",
        home.join(format!("cache-{}-{run}", std::process::id())),
    );
    cmd.env("HOME", home);
    cmd
}

static CACHE_RUNS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// The real Sigstore test vectors in this repository (`tests/data/vectors`, each set with its
/// PROVENANCE.md naming the upstream repository, commit and path).
pub fn vectors() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/vectors")
}

/// Whether this run rewrites snapshots and expected files instead of comparing
/// (`UPDATE_SNAPSHOTS=1`; review the diff before committing it).
pub fn updating_snapshots() -> bool {
    std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v == "1")
}

/// Compares `actual` with the insta snapshot `tests/data/<dir>/<name>.snap`. A difference
/// fails with insta's diff and leaves `<name>.snap.new` beside it; `INSTA_UPDATE=always`
/// accepts (review the diff before committing), as does `cargo insta review`.
pub fn check_snapshot(dir: &str, name: &str, actual: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(dir);
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(path);
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| insta::assert_snapshot!(name, actual));
}
