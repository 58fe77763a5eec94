//! Attestations (issue 12): in-toto statements in DSSE envelopes attached to images, in both
//! cosign formats (the `.att` tag, bundles listed as referrers), made by the test Sigstore
//! (keyless and keys) and pushed to a real registry; and cosign's real production attestation.
#![allow(clippy::unwrap_used)] // test setup: a failure is a broken fixture

use crate::hostile::verdict;
use serde_json::{Value, json};

use crate::image::{ReferrersProxy, run_json};
use crate::support::registry::{OCI_INDEX, OCI_MANIFEST, TestRegistry, sha256_digest};
use crate::support::sigstore::{
    BUNDLE_V03_MEDIA_TYPE, Key, LegacyLayer, Signer, TestSigstore, statement,
};

const EMAIL: &str = "builder@acme.example";
const GOOGLE: &str = "https://accounts.google.com";
const SLSA1: &str = "https://slsa.dev/provenance/v1";
const SPDX: &str = "https://spdx.dev/Document";
const OPENVEX: &str = "https://openvex.dev/ns";
const DSSE_MEDIA_TYPE: &str = "application/vnd.dsse.envelope.v1+json";
const OCI_EMPTY: &str = "application/vnd.oci.empty.v1+json";
const HOLDS: &str = r#"predicate.buildDefinition.externalParameters.workflow.repository == "https://github.com/acme/app""#;
const FAILS: &str = r#"predicate.buildDefinition.externalParameters.workflow.repository == "https://github.com/acme/other""#;

fn provenance() -> Value {
    json!({
        "buildDefinition": {
            "buildType": "https://actions.github.io/buildtypes/workflow/v1",
            "externalParameters": {"workflow": {
                "repository": "https://github.com/acme/app",
                "path": ".github/workflows/release.yml",
                "ref": "refs/tags/v1.0.0",
            }},
            "resolvedDependencies": [{"uri": "git+https://github.com/acme/app@refs/tags/v1.0.0"}],
        },
        "runDetails": {"builder": {"id": "https://github.com/actions/runner/github-hosted"}},
    })
}

fn sbom() -> Value {
    json!({
        "spdxVersion": "SPDX-2.3", "SPDXID": "SPDXRef-DOCUMENT", "name": "app",
        "packages": [{"name": "openssl", "versionInfo": "3.0.13"}],
    })
}

fn vex() -> Value {
    json!({
        "@context": "https://openvex.dev/ns/v0.2.0",
        "statements": [{"vulnerability": {"name": "CVE-2024-0001"}, "status": "not_affected",
                        "justification": "vulnerable_code_not_present"}],
    })
}

/// Pushes a cosign 2 `.att` manifest for `digest`: envelope blobs and DSSE layers with their
/// annotations.
pub fn push_att(reg: &TestRegistry, repo: &str, digest: &str, layers: &[LegacyLayer]) {
    let descs: Vec<Value> = layers
        .iter()
        .map(|l| {
            json!({
                "mediaType": DSSE_MEDIA_TYPE,
                "size": l.payload.len(),
                "digest": reg.put_blob(repo, &l.payload),
                "annotations": l.annotations,
            })
        })
        .collect();
    let config = json!({"architecture": "", "os": "", "config": {}, "rootfs": {"type": "layers", "diff_ids": []}})
        .to_string();
    let config_digest = reg.put_blob(repo, config.as_bytes());
    let manifest = json!({
        "schemaVersion": 2,
        "mediaType": OCI_MANIFEST,
        "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "size": config.len(), "digest": config_digest},
        "layers": descs,
    })
    .to_string();
    reg.put_manifest(
        repo,
        &format!("sha256-{}.att", &digest[7..]),
        OCI_MANIFEST,
        manifest.as_bytes(),
    );
}

/// Pushes cosign 3 bundles (attestations or signatures) as referrers of `digest` and lists
/// them, each with its `dev.sigstore.bundle.predicateType`, through `proxy`'s referrers API.
pub fn push_referrers(
    reg: &TestRegistry,
    proxy: &ReferrersProxy,
    repo: &str,
    digest: &str,
    bundles: &[(&str, Vec<u8>)],
) {
    let empty = reg.put_blob(repo, b"{}");
    let mut entries = Vec::new();
    for (predicate_type, bundle) in bundles {
        let layer = reg.put_blob(repo, bundle);
        let annotations = json!({
            "dev.sigstore.bundle.content": "dsse-envelope",
            "dev.sigstore.bundle.predicateType": predicate_type,
        });
        let manifest = json!({
            "schemaVersion": 2,
            "mediaType": OCI_MANIFEST,
            "artifactType": BUNDLE_V03_MEDIA_TYPE,
            "config": {"mediaType": OCI_EMPTY, "size": 2, "digest": empty},
            "layers": [{"mediaType": BUNDLE_V03_MEDIA_TYPE, "size": bundle.len(), "digest": layer}],
            "subject": {"mediaType": OCI_MANIFEST, "size": 0, "digest": digest},
            "annotations": annotations,
        })
        .to_string();
        let md = sha256_digest(manifest.as_bytes());
        reg.put_manifest(repo, &md, OCI_MANIFEST, manifest.as_bytes());
        entries.push(json!({
            "mediaType": OCI_MANIFEST, "digest": md, "size": manifest.len(),
            "artifactType": BUNDLE_V03_MEDIA_TYPE, "annotations": annotations,
        }));
    }
    let index = json!({"schemaVersion": 2, "mediaType": OCI_INDEX, "manifests": entries});
    proxy.set_referrers_index(repo, digest, &index.to_string());
}

#[derive(Clone, Copy, Debug)]
enum Format {
    Bundle,
    Legacy,
}

/// Attaches attestations of `statements` signed by `signer` to `digest`, in `format`.
fn attach(
    s: &TestSigstore,
    reg: &TestRegistry,
    proxy: &ReferrersProxy,
    format: Format,
    (repo, digest): (&str, &str),
    signer: Signer<'_>,
    statements: &[Vec<u8>],
) {
    match format {
        Format::Bundle => {
            let bundles: Vec<(&str, Vec<u8>)> = statements
                .iter()
                .map(|st| {
                    let v: Value = serde_json::from_slice(st).unwrap();
                    let ty = match v["predicateType"].as_str().unwrap() {
                        SLSA1 => SLSA1,
                        SPDX => SPDX,
                        _ => OPENVEX,
                    };
                    (ty, s.attestation_bundle(signer, st))
                })
                .collect();
            push_referrers(reg, proxy, repo, digest, &bundles);
        }
        Format::Legacy => {
            let layers: Vec<LegacyLayer> = statements
                .iter()
                .map(|st| s.attestation_layer(signer, st))
                .collect();
            push_att(reg, repo, digest, &layers);
        }
    }
}

/// Issue 12's cases, in both formats, keyless and by key: SLSA provenance v1 with a condition
/// that holds and one that fails, an SPDX SBOM and an OpenVEX document, a type that is not
/// there, a statement naming another digest, and a valid signature by the wrong signer.
#[test]
fn attestations_in_both_formats_yield_their_verdicts() {
    let s = TestSigstore::new();
    let reg = TestRegistry::plain();
    let proxy = ReferrersProxy::start(&reg.host());
    let host = proxy.host();
    let root = s.trusted_root_path();
    let id = s.keyless(EMAIL, GOOGLE);
    let other_id = s.keyless("intruder@evil.example", GOOGLE);
    let key = Key::generate();
    let other_key = Key::generate();
    let key_path = s.dir().join("attest-key.pub");
    std::fs::write(&key_path, key.public_pem()).unwrap();
    let mut n = 0;
    for format in [Format::Bundle, Format::Legacy] {
        for keyless in [true, false] {
            let (signer, wrong, who): (Signer<'_>, Signer<'_>, Vec<String>) = if keyless {
                (
                    Signer::Keyless(&id),
                    Signer::Keyless(&other_id),
                    vec![
                        "--certificate-identity".into(),
                        EMAIL.into(),
                        "--certificate-oidc-issuer".into(),
                        GOOGLE.into(),
                    ],
                )
            } else {
                (
                    Signer::Key(&key),
                    Signer::Key(&other_key),
                    vec!["--key".into(), key_path.to_str().unwrap().into()],
                )
            };
            let case = format!("{format:?}/{}", if keyless { "keyless" } else { "key" });
            let mut image = |statements: &dyn Fn(&str, &str) -> Vec<Vec<u8>>, by: Signer<'_>| {
                n += 1;
                let repo = format!("app{n}");
                let digest = reg.push_image(&repo, "v1");
                let sts = statements(&format!("{host}/{repo}"), &digest);
                attach(&s, &reg, &proxy, format, (&repo, &digest), by, &sts);
                format!("{host}/{repo}@{digest}")
            };
            let good = image(
                &|name, d| {
                    vec![
                        statement(name, d, SLSA1, &provenance()),
                        statement(name, d, SPDX, &sbom()),
                        statement(name, d, OPENVEX, &vex()),
                    ]
                },
                signer,
            );
            let other_digest = format!("sha256:{}", "e".repeat(64));
            let copied = image(
                &|name, _| vec![statement(name, &other_digest, SLSA1, &provenance())],
                signer,
            );
            let impostor = image(
                &|name, d| vec![statement(name, d, SLSA1, &provenance())],
                wrong,
            );
            // (image, flags, verdict, text the detail must contain)
            let table: Vec<(&str, Vec<&str>, &str, &str)> = vec![
                (
                    &good,
                    vec![
                        "--attestation-type",
                        "slsaprovenance1",
                        "--attestation-condition",
                        HOLDS,
                    ],
                    "verified",
                    "attestation slsaprovenance1: 1 condition held",
                ),
                (
                    &good,
                    vec![
                        "--attestation-type",
                        "slsaprovenance1",
                        "--attestation-condition",
                        FAILS,
                    ],
                    "condition-failed",
                    "is false (saw predicate.buildDefinition.externalParameters.workflow.repository = \"https://github.com/acme/app\")",
                ),
                (
                    &good,
                    vec![
                        "--attestation-type",
                        "spdxjson",
                        "--attestation-type",
                        "openvex",
                    ],
                    "verified",
                    "attestation spdx verified; attestation openvex verified",
                ),
                (
                    &good,
                    vec![
                        "--attestation-type",
                        "openvex",
                        "--attestation-condition",
                        r#"predicate.statements.all(s, s.status != "affected")"#,
                    ],
                    "verified",
                    "",
                ),
                (
                    &good,
                    vec!["--attestation-type", "cyclonedx"],
                    "attestation-missing",
                    "no https://cyclonedx.org/bom attestation",
                ),
                (
                    &copied,
                    vec!["--attestation-type", "slsaprovenance1"],
                    "digest-mismatch",
                    "",
                ),
                (
                    &impostor,
                    vec!["--attestation-type", "slsaprovenance1"],
                    if keyless {
                        "identity-mismatch"
                    } else {
                        "invalid-signature"
                    },
                    if keyless { "intruder@evil.example" } else { "" },
                ),
            ];
            for (image, flags, want, text) in table {
                let mut args: Vec<&str> = vec![
                    "--trusted-root",
                    root.to_str().unwrap(),
                    "--insecure-registry",
                    &host,
                ];
                args.extend(who.iter().map(String::as_str));
                args.extend(&flags);
                args.push(image);
                let (code, json, stderr) = run_json(&args);
                let e = &json["images"][0];
                assert_eq!(e["verdict"], want, "{case} {flags:?}: {e:#}\n{stderr}");
                assert_eq!(code, i32::from(want != "verified"), "{case}: {stderr}");
                let detail = e["detail"].as_str().unwrap();
                assert!(detail.contains(text), "{case} {flags:?}: {detail}");
                // The report lists each attestation checked: type, signer, result.
                let checks = e["attestations"].as_array().unwrap();
                assert!(!checks.is_empty(), "{case}: {e:#}");
                for c in checks {
                    assert!(c["predicateType"].as_str().unwrap().starts_with("https://"));
                    assert!(c["result"].is_string());
                    if c["result"] == "verified" {
                        let signer = &c["signer"];
                        if keyless {
                            assert_eq!(signer["identity"], EMAIL, "{c:#}");
                        } else {
                            assert_eq!(
                                signer["fingerprint"],
                                format!("sha256:{}", key.fingerprint()),
                                "{c:#}"
                            );
                        }
                        assert_eq!(
                            c["format"],
                            match format {
                                Format::Bundle => "bundle",
                                Format::Legacy => "legacy",
                            }
                        );
                    }
                }
            }
        }
    }
}

/// An image carrying the attestation but no signature verifies on the attestation alone;
/// `--require-signature` asks for the signature too. Requests per image: one referrers
/// listing shared by the signature and the attestation, then each bundle's manifest and blob.
#[test]
fn attestation_alone_or_with_the_signature_and_requests_per_image() {
    let s = TestSigstore::new();
    let reg = TestRegistry::plain();
    let proxy = ReferrersProxy::start(&reg.host());
    let host = proxy.host();
    let root = s.trusted_root_path();
    let id = s.keyless(EMAIL, GOOGLE);
    let flags = |extra: &[&str], image: &str| {
        let mut a: Vec<String> = [
            "--trusted-root",
            root.to_str().unwrap(),
            "--insecure-registry",
            &host,
            "--certificate-identity",
            EMAIL,
            "--certificate-oidc-issuer",
            GOOGLE,
            "--attestation-type",
            "slsaprovenance1",
            "--attestation-condition",
            HOLDS,
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        a.extend(extra.iter().map(|s| (*s).to_owned()));
        a.push(image.to_owned());
        a
    };
    let run = |args: &[String]| {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        run_json(&args)
    };

    let only = reg.push_image("only", "v1");
    let st = statement(&format!("{host}/only"), &only, SLSA1, &provenance());
    push_referrers(
        &reg,
        &proxy,
        "only",
        &only,
        &[(SLSA1, s.attestation_bundle(Signer::Keyless(&id), &st))],
    );
    let image = format!("{host}/only@{only}");
    let (code, json, stderr) = run(&flags(&[], &image));
    assert_eq!(
        (code, json["images"][0]["verdict"].as_str()),
        (0, Some("verified")),
        "{json:#}\n{stderr}"
    );
    let (code, json, _) = run(&flags(&["--require-signature"], &image));
    assert_eq!((code, verdict(&json)), (1, "unsigned"), "{json:#}");
    assert_eq!(json["images"][0]["attestations"][0]["result"], "verified");

    // Signed and attested: verified with --require-signature, and the requests counted.
    let both = reg.push_image("both", "v1");
    let st = statement(&format!("{host}/both"), &both, SLSA1, &provenance());
    push_referrers(
        &reg,
        &proxy,
        "both",
        &both,
        &[
            (
                "https://sigstore.dev/cosign/sign/v1",
                s.bundle_v03(Signer::Keyless(&id), &both),
            ),
            (SLSA1, s.attestation_bundle(Signer::Keyless(&id), &st)),
        ],
    );
    let before = proxy.log().len();
    let image = format!("{host}/both@{both}");
    let (code, json, stderr) = run(&flags(&["--require-signature"], &image));
    assert_eq!(
        (code, json["images"][0]["verdict"].as_str()),
        (0, Some("verified")),
        "{json:#}\n{stderr}"
    );
    let log: Vec<String> = proxy.log()[before..]
        .iter()
        .filter(|l| !l.ends_with("/v2/"))
        .cloned()
        .collect();
    let count = |part: &str| log.iter().filter(|l| l.contains(part)).count();
    // The first image of a repository asks its `.sig` tag first (issue 10: the layout is not
    // known yet); then one referrers listing serves both, and each bundle is a manifest and a
    // blob. The `.att` tag is not asked once the bundles satisfied every authority.
    assert_eq!(count("/referrers/"), 1, "{log:#?}");
    // The one legacy tag asked is `.sig` (no `.att`: see below).
    assert_eq!(count("/manifests/sha256-"), 1, "{log:#?}");
    assert_eq!(count("/manifests/sha256:"), 2, "{log:#?}");
    assert_eq!(count("/blobs/"), 2, "{log:#?}");
    assert_eq!(log.len(), 6, "{log:#?}");
    assert!(!log.iter().any(|l| l.contains(".att")), "{log:#?}");
}

/// A policy file's authority with `attestations:` (policy-controller's shape): satisfied by its
/// attestations; a false condition is `condition-failed` naming the attestation; a second
/// authority asks for the signature.
#[test]
fn policy_file_attestations() {
    let s = TestSigstore::new();
    let reg = TestRegistry::plain();
    let host = reg.host();
    let proxy = ReferrersProxy::start(&host);
    let phost = proxy.host();
    let root = s.trusted_root_path();
    let id = s.keyless(EMAIL, GOOGLE);
    let digest = reg.push_image("pol", "v1");
    let st = statement(&format!("{phost}/pol"), &digest, SLSA1, &provenance());
    push_att(
        &reg,
        "pol",
        &digest,
        &[s.attestation_layer(Signer::Keyless(&id), &st)],
    );
    let policy = |condition: &str, with_signature: bool| {
        let signature = if with_signature {
            format!(
                "  - name: signed\n    keyless:\n      identities: [{{subject: {EMAIL}, issuer: {GOOGLE}}}]\n"
            )
        } else {
            String::new()
        };
        let text = format!(
            "policies:\n- name: provenance\n  images: [\"{phost}/**\"]\n  count: {}\n  authorities:\n{signature}  - name: ci\n    keyless:\n      identities: [{{subject: {EMAIL}, issuer: {GOOGLE}}}]\n    attestations:\n    - name: slsa\n      predicateType: slsaprovenance1\n      conditions:\n      - expression: '{condition}'\n",
            if with_signature { 2 } else { 1 }
        );
        let path = s
            .dir()
            .join(format!("policy-{}.yaml", sha256_digest(text.as_bytes())));
        std::fs::write(&path, text).unwrap();
        path
    };
    let image = format!("{phost}/pol@{digest}");
    let run = |p: &std::path::Path| {
        run_json(&[
            "--trusted-root",
            root.to_str().unwrap(),
            "--insecure-registry",
            &phost,
            "--policy",
            p.to_str().unwrap(),
            &image,
        ])
    };
    let (code, json, stderr) = run(&policy(HOLDS, false));
    let e = &json["images"][0];
    assert_eq!(
        (code, e["verdict"].as_str()),
        (0, Some("verified")),
        "{e:#}\n{stderr}"
    );
    assert_eq!(e["policy"], "provenance");
    assert_eq!(e["format"], "legacy");
    assert_eq!(e["attestations"][0]["name"], "slsa");
    assert_eq!(e["attestations"][0]["authority"], "ci");

    let (code, json, _) = run(&policy(FAILS, false));
    let e = &json["images"][0];
    assert_eq!(
        (code, e["verdict"].as_str()),
        (1, Some("condition-failed")),
        "{e:#}"
    );
    let detail = e["detail"].as_str().unwrap();
    assert!(
        detail.starts_with(
            "attestation slsa (slsaprovenance1): condition `predicate.buildDefinition"
        ),
        "{detail}"
    );

    // The second authority wants the image signature, which is not there.
    let (code, json, _) = run(&policy(HOLDS, true));
    assert_eq!((code, verdict(&json)), (1, "unsigned"), "{json:#}");

    // A condition that does not compile is an error in the file, with its position.
    let out = crate::support::kubectl_verify()
        .args(["image", "--policy"])
        .arg(policy("predicate.(", false))
        .arg(&image)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(".yaml:13:21: condition \"predicate.(\""),
        "{stderr}"
    );
}

/// Usage mistakes are errors (exit 2) that say what to write.
#[test]
fn attestation_flag_mistakes_exit_2() {
    let cases: &[(&[&str], &str)] = &[
        (
            &[
                "--certificate-identity",
                "a@b.c",
                "--certificate-oidc-issuer",
                GOOGLE,
                "--attestation-type",
                "slsa",
            ],
            "unknown attestation type \"slsa\"",
        ),
        (
            &["--attestation-type", "spdx"],
            "--attestation-type needs the signer",
        ),
        (
            &[
                "--certificate-identity",
                "a@b.c",
                "--certificate-oidc-issuer",
                GOOGLE,
                "--attestation-type",
                "spdx",
                "--attestation-condition",
                "predicate ==",
            ],
            "--attestation-condition",
        ),
        (
            &[
                "--certificate-identity",
                "a@b.c",
                "--certificate-oidc-issuer",
                GOOGLE,
                "--attestation-type",
                "spdx",
                "--attestation-condition",
                "pred.x == 1",
            ],
            "the condition names \"pred\"",
        ),
        (&["--attestation-condition", "true"], "--attestation-type"),
    ];
    for (args, want) in cases {
        let out = crate::support::kubectl_verify()
            .arg("image")
            .args(*args)
            .arg("127.0.0.1:1/x@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(want), "{args:?}: {stderr}");
    }
}

/// cosign's `oci-attestation.sigstore.json`: a real production cosign 3 attestation (predicate
/// `https://cosign.sigstore.dev/attestation/v1`, cody@soyland.com via GitHub OAuth) about
/// `127.0.0.1:60943/repo@sha256:7321…`, pushed as a referrer of that digest (no image
/// manifest needed), verifies under the embedded production root; a condition over its
/// predicate holds, and the wrong identity does not verify.
#[test]
fn real_cosign_attestation_verifies_under_the_embedded_root() {
    const DIGEST: &str = "sha256:732112270d7e59418a8c080b134b24cabd67d250d0d0147a97ed95ba5c280aa4";
    let bundle = std::fs::read(
        crate::support::vectors()
            .join("real/cosign/pkg/cosign/testdata/oci-attestation.sigstore.json"),
    )
    .unwrap();
    let reg = TestRegistry::plain();
    let proxy = ReferrersProxy::start(&reg.host());
    let host = proxy.host();
    push_referrers(
        &reg,
        &proxy,
        "repo",
        DIGEST,
        &[("https://cosign.sigstore.dev/attestation/v1", bundle)],
    );
    let mirror = format!("127.0.0.1:60943={host}");
    let image = format!("127.0.0.1:60943/repo@{DIGEST}");
    let run = |identity: &str, extra: &[&str]| {
        let mut args = vec![
            "--registry-mirror",
            &mirror,
            "--insecure-registry",
            &host,
            "--certificate-identity",
            identity,
            "--certificate-oidc-issuer",
            "https://github.com/login/oauth",
            "--attestation-type",
            "custom",
        ];
        args.extend(extra);
        args.push(&image);
        run_json(&args)
    };
    let (code, json, stderr) = run(
        "cody@soyland.com",
        &[
            "--attestation-condition",
            r#"predicate.Timestamp.startsWith("2025-02-28") && size(subject) == 1"#,
        ],
    );
    let e = &json["images"][0];
    assert_eq!(
        (code, e["verdict"].as_str()),
        (0, Some("verified")),
        "{e:#}\n{stderr}"
    );
    assert_eq!(e["format"], "bundle");
    assert_eq!(e["rekor"]["logIndex"], 175_508_996);
    assert_eq!(e["detail"], "attestation custom: 1 condition held");
    let check = &e["attestations"][0];
    assert_eq!(check["signer"]["identity"], "cody@soyland.com");
    assert_eq!(
        check["predicateType"],
        "https://cosign.sigstore.dev/attestation/v1"
    );

    let (code, json, _) = run("cody@soyland.com", &[]);
    assert_eq!(
        json["images"][0]["detail"], "attestation custom",
        "{json:#}"
    );
    assert_eq!(code, 0);
    let (code, json, _) = run("someone@else.example", &[]);
    assert_eq!((code, verdict(&json)), (1, "identity-mismatch"), "{json:#}");
}
