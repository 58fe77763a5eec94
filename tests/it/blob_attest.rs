//! `blob --attestation-type/--attestation-condition` (issue 12, point 4): a DSSE bundle over a
//! file judged as an attestation — the statement's subject must name the file's digest in an
//! algorithm the statement uses (sha256, sha512), its predicate type must be the one asked for,
//! and each CEL condition must hold. Real npm provenance from sigstore-go (by the tarball's
//! sha512, the tarball itself is not in the vectors) and bundles the test Sigstore makes over a
//! file written here.
#![allow(clippy::unwrap_used)] // test setup: a failure is a broken fixture

use std::path::Path;

use serde_json::{Value, json};
use sha2::{Digest as _, Sha256, Sha512};

use crate::support::sigstore::{Signer, TestSigstore};
use crate::support::{self, kubectl_verify};

const GHA: &str = "https://token.actions.githubusercontent.com";
const SIGSTORE_JS: &str =
    "https://github.com/sigstore/sigstore-js/.github/workflows/release.yml@refs/heads/main";
/// The sha512 of `sigstore-1.3.0.tgz`, the subject of sigstore-go's npm bundles.
const NPM_130: &str = "sha512:76176ffa33808b54602c7c35de5c6e9a4deb96066dba6533f50ac234f4f1f4c6b3527515dc17c06fbe2860030f410eee69ea20079bd3a2c6f3dcf3b329b10751";
/// The sha512 of `sigstore-2.0.0.tgz`.
const NPM_200: &str = "sha512:46d4e2f74c4877316640000a6fdf8a8b59f1e0847667973e9859f774dd31b8f1e0937813b777fb66a2ac67d50540fe34640966eee9fc2ccca387082b4c85cd3c";

fn sigstore_go(rel: &str) -> String {
    support::vectors()
        .join("real/sigstore-go")
        .join(rel)
        .to_str()
        .unwrap()
        .to_owned()
}

/// `blob -o json ARGS`: exit code and the report.
fn blob(args: &[&str]) -> (i32, Value, String) {
    let out = kubectl_verify()
        .args(["blob", "-o", "json"])
        .args(args)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let json: Value = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{stdout}\nstderr:\n{stderr}"));
    (out.status.code().unwrap_or(-1), json, stderr)
}

/// Asserts the verdict, the exit code and that the detail contains `text`.
fn expect(got: &(i32, Value, String), verdict: &str, text: &str, case: &str) {
    let (code, report, stderr) = got;
    assert_eq!(report["verdict"], verdict, "{case}: {report:#}\n{stderr}");
    assert_eq!(*code, i32::from(verdict != "verified"), "{case}: {stderr}");
    let detail = report["detail"].as_str().unwrap();
    assert!(detail.contains(text), "{case}: {detail}");
}

/// (artifact, bundle, signer flags, attestation flags, verdict, text the detail contains)
type Case<'a> = (
    &'a str,
    &'a str,
    &'a [&'a str],
    Vec<&'a str>,
    &'a str,
    &'a str,
);

/// sigstore-go's real npm provenance (SLSA v0.2 for sigstore@1.3.0, v1 for 2.0.0) and npm's
/// publish attestation verify as attestations about the tarball's sha512 under the embedded
/// production root; conditions over their predicates hold or fail; another type is
/// `attestation-missing`; a file that is not the tarball is `digest-mismatch`; a message
/// signature bundle is no attestation.
#[test]
fn real_npm_provenance_is_judged_as_an_attestation() {
    let v02 = sigstore_go("examples/bundle-provenance.json");
    let v1 = sigstore_go("pkg/testing/data/bundles/sigstore.js@2.0.0-provenance.sigstore.json");
    let publish = sigstore_go("examples/bundle-publish.json");
    let publish_key = sigstore_go("examples/publish_key.pub");
    let gha = [
        "--certificate-identity",
        SIGSTORE_JS,
        "--certificate-oidc-issuer",
        GHA,
    ];
    let key = ["--key", publish_key.as_str()];
    let tmp = tempfile::tempdir().unwrap();
    let not_the_tarball = tmp.path().join("sigstore-1.3.0.tgz");
    std::fs::write(&not_the_tarball, b"not the tarball npm published\n").unwrap();
    let not_the_tarball = not_the_tarball.to_str().unwrap();
    let cases: Vec<Case<'_>> = vec![
        (
            NPM_130,
            &v02,
            &gha,
            vec![
                "--attestation-type",
                "slsaprovenance",
                "--attestation-condition",
                r#"predicate.invocation.environment.GITHUB_REPOSITORY == "sigstore/sigstore-js""#,
                "--attestation-condition",
                r#"subject.exists(s, s.name == "pkg:npm/sigstore@1.3.0")"#,
            ],
            "verified",
            "attestation slsaprovenance: 2 conditions held",
        ),
        (
            NPM_130,
            &v02,
            &gha,
            vec![
                "--attestation-type",
                "https://slsa.dev/provenance/v0.2",
                "--attestation-condition",
                r#"predicate.invocation.environment.GITHUB_REF == "refs/tags/v1.3.0""#,
            ],
            "condition-failed",
            r#"is false (saw predicate.invocation.environment.GITHUB_REF = "refs/heads/main")"#,
        ),
        (
            NPM_130,
            &v02,
            &gha,
            vec!["--attestation-type", "slsaprovenance1"],
            "attestation-missing",
            "no https://slsa.dev/provenance/v1 attestation: the bundle's statement is a \
             https://slsa.dev/provenance/v0.2 attestation",
        ),
        (
            not_the_tarball,
            &v02,
            &gha,
            vec!["--attestation-type", "slsaprovenance"],
            "digest-mismatch",
            "is not a subject of the signed statement",
        ),
        (
            NPM_200,
            &v1,
            &gha,
            vec![
                "--attestation-type",
                "slsaprovenance1",
                "--attestation-condition",
                r#"predicate.buildDefinition.externalParameters.workflow.repository == "https://github.com/sigstore/sigstore-js""#,
            ],
            "verified",
            "attestation slsaprovenance1: 1 condition held",
        ),
        (
            NPM_130,
            &publish,
            &key,
            vec![
                "--attestation-type",
                "https://github.com/npm/attestation/tree/main/specs/publish/v0.1",
                "--attestation-condition",
                r#"predicate.name == "sigstore" && predicate.version == "1.3.0""#,
            ],
            "verified",
            "1 condition held",
        ),
    ];
    for (artifact, bundle, signer, flags, verdict, text) in cases {
        let mut args = vec![artifact, "--bundle", bundle];
        args.extend(signer);
        args.extend(&flags);
        let got = blob(&args);
        expect(&got, verdict, text, &format!("{bundle} {flags:?}"));
        assert!(
            got.1["signature"]["predicateType"]
                .as_str()
                .unwrap()
                .starts_with("https://"),
            "{:#}",
            got.1
        );
    }

    // A message-signature bundle (the conformance suite's happy path) is not an attestation.
    let assets = support::vectors().join("conformance/test/assets/bundle-verify");
    let got = blob(&[
        assets.join("a.txt").to_str().unwrap(),
        "--bundle",
        assets
            .join("happy-path-v0.3/bundle.sigstore.json")
            .to_str()
            .unwrap(),
        "--certificate-identity-regexp",
        ".+",
        "--certificate-oidc-issuer",
        GHA,
        "--attestation-type",
        "slsaprovenance1",
    ]);
    expect(
        &got,
        "attestation-missing",
        "the bundle is a message signature, not an in-toto statement",
        "message signature",
    );
}

/// Bundles the test Sigstore makes over a file written here: a statement naming the file by
/// sha256, by sha512 only, or by both verifies; one naming another file is `digest-mismatch`;
/// a false condition `condition-failed`; another signer `identity-mismatch`. The text report
/// names the attestation type.
#[test]
fn attestations_over_a_file_match_its_sha256_or_sha512() {
    let s = TestSigstore::new();
    let root = s.trusted_root_path();
    let id = s.keyless("release@acme.example", "https://accounts.google.com");
    let intruder = s.keyless("intruder@evil.example", "https://accounts.google.com");
    let file = s.dir().join("app-1.0.0.tgz");
    let content = b"the release tarball of app 1.0.0\n".repeat(100);
    std::fs::write(&file, &content).unwrap();
    let sha256 = hex::encode(Sha256::digest(&content));
    let sha512 = hex::encode(Sha512::digest(&content));
    let write_bundle = |name: &str, digest: Value, by: Signer<'_>| {
        let statement = serde_json::to_vec(&json!({
            "_type": "https://in-toto.io/Statement/v1",
            "subject": [{"name": "app-1.0.0.tgz", "digest": digest}],
            "predicateType": "https://slsa.dev/provenance/v1",
            "predicate": {"buildDefinition": {
                "buildType": "https://actions.github.io/buildtypes/workflow/v1",
                "externalParameters": {"workflow": {"repository": "https://github.com/acme/app"}},
            }},
        }))
        .unwrap();
        let path = s.dir().join(format!("{name}.sigstore.json"));
        std::fs::write(&path, s.attestation_bundle(by, &statement)).unwrap();
        path
    };
    let by256 = write_bundle("sha256", json!({"sha256": sha256}), Signer::Keyless(&id));
    let by512 = write_bundle("sha512", json!({"sha512": sha512}), Signer::Keyless(&id));
    let both = write_bundle(
        "both",
        json!({"sha256": sha256, "sha512": sha512}),
        Signer::Keyless(&id),
    );
    let other = write_bundle(
        "other",
        json!({"sha256": "0".repeat(64), "sha512": "0".repeat(128)}),
        Signer::Keyless(&id),
    );
    let forged = write_bundle(
        "forged",
        json!({"sha256": sha256}),
        Signer::Keyless(&intruder),
    );
    let holds = r#"predicate.buildDefinition.externalParameters.workflow.repository == "https://github.com/acme/app""#;
    let fails = r#"predicate.buildDefinition.externalParameters.workflow.repository == "https://github.com/evil/app""#;
    let run = |bundle: &Path, condition: &str| {
        blob(&[
            file.to_str().unwrap(),
            "--bundle",
            bundle.to_str().unwrap(),
            "--trusted-root",
            root.to_str().unwrap(),
            "--certificate-identity",
            "release@acme.example",
            "--certificate-oidc-issuer",
            "https://accounts.google.com",
            "--attestation-type",
            "slsaprovenance1",
            "--attestation-condition",
            condition,
        ])
    };
    for bundle in [&by256, &by512, &both] {
        let got = run(bundle, holds);
        expect(
            &got,
            "verified",
            "attestation slsaprovenance1: 1 condition held",
            &bundle.display().to_string(),
        );
        assert_eq!(got.1["signer"]["identity"], "release@acme.example");
        assert_eq!(
            got.1["signature"]["predicateType"],
            "https://slsa.dev/provenance/v1"
        );
    }
    expect(
        &run(&by512, fails),
        "condition-failed",
        "is false (saw predicate.buildDefinition.externalParameters.workflow.repository = \"https://github.com/acme/app\")",
        "false condition",
    );
    expect(
        &run(&other, holds),
        "digest-mismatch",
        "is not a subject",
        "another file",
    );
    expect(
        &run(&forged, holds),
        "identity-mismatch",
        "intruder@evil.example",
        "another signer",
    );

    // The text report says what was verified.
    let out = kubectl_verify()
        .arg("blob")
        .arg(&file)
        .arg("--bundle")
        .arg(&by512)
        .arg("--trusted-root")
        .arg(&root)
        .args([
            "--certificate-identity",
            "release@acme.example",
            "--certificate-oidc-issuer",
            "https://accounts.google.com",
            "--attestation-type",
            "slsaprovenance1",
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains("(attestation https://slsa.dev/provenance/v1)\n"),
        "{stdout}"
    );
    assert!(stdout.ends_with("Verified OK\n"), "{stdout}");
}

/// Usage mistakes exit 2 before anything is read.
#[test]
fn blob_attestation_flag_mistakes_exit_2() {
    let cases: &[(&[&str], &str)] = &[
        (
            &["--bundle", "b.json", "--attestation-type", "slsa"],
            "unknown attestation type \"slsa\"",
        ),
        (
            &[
                "--bundle",
                "b.json",
                "--attestation-type",
                "spdx",
                "--attestation-condition",
                "pred.x == 1",
            ],
            "the condition names \"pred\"",
        ),
        (&["--attestation-type", "spdx"], "--bundle"),
        (
            &["--bundle", "b.json", "--attestation-condition", "true"],
            "--attestation-type",
        ),
    ];
    for (args, want) in cases {
        let out = kubectl_verify()
            .args(["blob", "a.txt", "--certificate-identity", "a@b.c"])
            .args(["--certificate-oidc-issuer", "https://i"])
            .args(*args)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(want), "{args:?}: {stderr}");
    }
}
