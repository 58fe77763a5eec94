//! Issue 9 point 9: small things a new user hits at once, each as they see it on stderr.
#![allow(clippy::unwrap_used)] // test setup: a failure is a broken fixture

use crate::support::kubectl_verify;

/// (exit code, stderr) of `kubectl verify ARGS` run in `dir`.
fn run_in(dir: &std::path::Path, args: &[&str]) -> (i32, String) {
    let out = kubectl_verify()
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `pin -R empty/` said "use -R to look in subdirectories" to someone who had.
#[test]
fn pin_recursive_on_an_empty_directory_does_not_suggest_recursive() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir(tmp.path().join("empty")).unwrap();
    let (code, stderr) = run_in(tmp.path(), &["pin", "-R", "empty/"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("empty/: no .yaml, .yml or .json files here\n"),
        "{stderr}"
    );
    assert!(!stderr.contains("use -R"), "{stderr}");
    let (_, stderr) = run_in(tmp.path(), &["pin", "empty/"]);
    assert!(
        stderr.contains("(use -R to look in subdirectories)"),
        "{stderr}"
    );
}

/// `--policy nope.yaml` printed the cause twice on one line.
#[test]
fn a_missing_policy_file_is_reported_once() {
    let tmp = tempfile::tempdir().unwrap();
    let (code, stderr) = run_in(tmp.path(), &["image", "--policy", "nope.yaml", "nginx:1"]);
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(
        stderr.matches("No such file or directory").count(),
        1,
        "{stderr}"
    );
    assert!(stderr.contains("nope.yaml"), "{stderr}");
}

/// A bad regexp was shown in our anchored form (`^(?:a(b)$`), which the user never wrote.
#[test]
fn a_bad_regexp_is_shown_as_written() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("p.yaml"),
        "policies:\n- name: x\n  images: [\"**\"]\n  authorities:\n  - keyless:\n      identities:\n      - issuer: https://x\n        subjectRegExp: \"a(b\"\n",
    )
    .unwrap();
    for args in [
        &["image", "--policy", "p.yaml", "nginx:1"][..],
        &[
            "image",
            "--certificate-identity-regexp",
            "a(b",
            "--certificate-oidc-issuer",
            "https://x",
            "nginx:1",
        ],
    ] {
        let (code, stderr) = run_in(tmp.path(), args);
        assert_eq!(code, 2, "{stderr}");
        assert!(stderr.contains("    a(b\n"), "{args:?}: {stderr}");
        assert!(!stderr.contains("^(?:"), "{args:?}: {stderr}");
    }
}

/// `pin --help` listed `--registry-mirror` and friends under "Verification (with --verify)",
/// though pinning always talks to registries. Every command lists them under "Registry".
#[test]
fn registry_flags_have_their_own_help_heading() {
    for command in ["pin", "image", "manifests", "pods", "release"] {
        let out = kubectl_verify().args([command, "--help"]).output().unwrap();
        let help = String::from_utf8_lossy(&out.stdout);
        let heading = help
            .find("\nRegistry:\n")
            .unwrap_or_else(|| panic!("{command}: {help}"));
        let mirror = help.find("\n      --registry-mirror <SRC=DST>").unwrap() + 1;
        let after = heading + "\nRegistry:\n".len();
        // The flag comes right under the heading: no other section between them.
        assert!(mirror >= after, "{command}: {help}");
        assert!(!help[after..mirror].contains(":\n"), "{command}: {help}");
    }
    let out = kubectl_verify().args(["pin", "--help"]).output().unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("\nVerification (with --verify):\n"), "{help}");
}
