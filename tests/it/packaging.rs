//! Packaging: completion scripts in step with the CLI, kubectl's plugin discovery and plugin
//! completion through the real `kubectl`, and the Krew manifest.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::kubectl_verify;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A PATH with the built binary and the completion hook first, as a user's install has them.
fn plugin_path() -> String {
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_kubectl-verify"));
    let dirs = [
        bin.parent().expect("bin dir").to_path_buf(),
        repo().join("completions"),
    ];
    let mut path = std::env::join_paths(dirs)
        .expect("PATH")
        .into_string()
        .expect("UTF-8 PATH");
    path.push(':');
    path.push_str(&std::env::var("PATH").unwrap_or_default());
    path
}

/// The checked-in completion scripts drifted from the command line once; they are generated.
#[test]
fn completion_scripts_match_the_cli() {
    for (shell, ext) in [
        ("bash", "bash"),
        ("zsh", "zsh"),
        ("fish", "fish"),
        ("powershell", "ps1"),
    ] {
        let out = kubectl_verify()
            .args(["completion", shell])
            .output()
            .unwrap();
        assert!(out.status.success());
        let file = repo().join(format!("completions/kubectl-verify.{ext}"));
        let checked_in = std::fs::read(&file).unwrap();
        assert!(
            out.stdout == checked_in,
            "{} is stale: regenerate with `kubectl-verify completion {shell} > {}`",
            file.display(),
            file.display()
        );
    }
}

/// `kubectl verify <TAB>` goes through kubectl's plugin completion hook to our `__complete`.
#[test]
fn kubectl_completes_the_plugin() {
    let out = Command::new("kubectl")
        .args(["__complete", "verify", "p"])
        .env("PATH", plugin_path())
        .output()
        .expect("kubectl on PATH");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.lines().any(|l| l.starts_with("pin\t")),
        "kubectl offered: {stdout}"
    );
    let out = Command::new("kubectl")
        .args(["__complete", "verify", "image", "--certificate-oidc"])
        .env("PATH", plugin_path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("--certificate-oidc-issuer\t"),
        "kubectl offered: {stdout}"
    );
    assert!(
        stdout.contains("--certificate-oidc-issuer-regexp"),
        "kubectl offered: {stdout}"
    );
}

/// kubectl lists the plugin and runs it as `kubectl verify`.
#[test]
fn kubectl_discovers_the_plugin() {
    let out = Command::new("kubectl")
        .args(["plugin", "list"])
        .env("PATH", plugin_path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("kubectl-verify"),
        "kubectl plugin list: {stdout}"
    );
    let out = Command::new("kubectl")
        .args(["verify", "--version"])
        .env("PATH", plugin_path())
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!(
            "kubectl verify {} (trusted root: sigstore-trust-root 0.15.1, TUF root v16)",
            env!("CARGO_PKG_VERSION")
        )
    );
    // Issue 9: `kubectl verify version` says the same, and which root is embedded.
    let out = Command::new("kubectl")
        .args(["verify", "version"])
        .env("PATH", plugin_path())
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!(
            "kubectl verify {}\ntrusted root: Sigstore public-good production trusted root \
             (sigstore-trust-root 0.15.1, TUF root v16)\n",
            env!("CARGO_PKG_VERSION")
        )
    );
}

/// The Krew manifest names the plugin `verify`, ships the binary, and its version is the crate's.
#[test]
fn krew_manifest_matches_the_crate() {
    let manifest = std::fs::read_to_string(repo().join("plugin.yaml")).unwrap();
    assert!(manifest.contains("kind: Plugin"));
    assert!(manifest.contains("\n  name: verify\n"));
    assert!(manifest.contains(&format!("\n  version: v{}\n", env!("CARGO_PKG_VERSION"))));
    let platforms = manifest.matches("bin: kubectl-verify").count();
    assert!(
        platforms >= 2,
        "expected a bin entry per platform, found {platforms}"
    );
    for line in manifest
        .lines()
        .filter(|l| l.trim_start().starts_with("uri:"))
    {
        assert!(
            line.contains(&format!("v{}", env!("CARGO_PKG_VERSION"))),
            "{line}"
        );
    }
}
