//! `kubectl verify blob`: real production bundles, the `.sig` + `.cert` form with a Rekor
//! stand-in on loopback, usage errors, output snapshots, and agreement with sigstore-python.

use std::path::{Path, PathBuf};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;

use crate::support::{self, rekor::RekorStandIn};

const BEACON: &str = "https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main";
const GHA: &str = "https://token.actions.githubusercontent.com";
const GITHUB_OAUTH: &str = "https://github.com/login/oauth";

fn real(rel: &str) -> PathBuf {
    support::vectors().join("real").join(rel)
}

fn conformance_assets() -> PathBuf {
    support::vectors().join("conformance/test/assets")
}

/// The legacy detached `.sig` + `.crt` materials of the conformance suite.
fn legacy() -> PathBuf {
    let dir = support::vectors().join("conformance");
    std::fs::read_dir(&dir)
        .expect("conformance vectors")
        .map(|e| e.expect("entry").path())
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("legacy-detached-"))
        })
        .expect("legacy-detached-* directory")
}

fn blob() -> assert_cmd::Command {
    let mut cmd = support::kubectl_verify();
    cmd.arg("blob");
    cmd
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(cmd: &mut assert_cmd::Command) -> Run {
    let out = cmd.output().expect("run kubectl-verify");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

impl Run {
    fn verified(&self) -> &Self {
        assert_eq!(self.code, Some(0), "{}{}", self.stdout, self.stderr);
        assert!(self.stdout.ends_with("Verified OK\n"), "{}", self.stdout);
        self
    }

    fn verdict(&self, code: &str) -> &Self {
        assert_eq!(self.code, Some(1), "{}{}", self.stdout, self.stderr);
        assert!(
            self.stdout.contains(&format!("\nVerdict:    {code}: ")),
            "wanted {code}:\n{}",
            self.stdout
        );
        self
    }

    fn says(&self, fragment: &str) -> &Self {
        assert!(
            self.stdout.contains(fragment) || self.stderr.contains(fragment),
            "{fragment:?} not in\n{}{}",
            self.stdout,
            self.stderr
        );
        self
    }
}

enum Who {
    Keyless(&'static str, &'static str),
    Key(&'static str),
}

/// Real bundles from sigstore-python, sigstore-rs, cosign, sigstore-js, sigstore-go and a
/// release on GitHub verify under the identities their PROVENANCE.md documents, offline,
/// with the embedded production root; the Rekor log index the report shows is the entry's.
#[test]
fn real_production_bundles_verify_under_their_documented_identities() {
    let npm_100 = "sha512:7bea9f6e7ff37f5fab0b36bf061200fff03099fd2fd696b91d04bc5e4f225eb9fd6e0cadcad54ba980f43fb352a99e8810b4e0abeb5c0ef2cf9108cd1f258b36";
    let npm_130 = "sha512:76176ffa33808b54602c7c35de5c6e9a4deb96066dba6533f50ac234f4f1f4c6b3527515dc17c06fbe2860030f410eee69ea20079bd3a2c6f3dcf3b329b10751";
    let slsa = "sha512:bbfd372fc9beeb777fe35d05bb10c0c70a9733d366a75fed7dd18866c7391de3ee7e88ba74dd47abf3e15c845e547fcf0e5c3da80854c751554224d3a6d4e55f";
    let sigstore_js =
        "https://github.com/sigstore/sigstore-js/.github/workflows/release.yml@refs/heads/main";
    let cases: Vec<(&str, &str, Who, Option<u64>)> = vec![
        (
            "sha256:c4e92e9ecc828bef2aa7dba1de8ac983511f7532a0df11c770d39099a25cf201",
            "sigstore-python/test/assets/bundle_v3_github.whl.sigstore",
            Who::Keyless(
                "https://github.com/trailofbits/rfc8785.py/.github/workflows/release.yml@refs/tags/v0.1.2",
                GHA,
            ),
            Some(79_605_083),
        ),
        (
            "sha256:c811d58de79c92f03214e63aa339484e488d694ae8a6283b5f3f17a9faf50172",
            "sigstore-rs/tests/data/bundle_v03.json",
            Who::Keyless(
                "https://github.com/kubewarden/kubewarden-controller/.github/workflows/release.yml@refs/tags/v1.34.0",
                GHA,
            ),
            Some(1_261_105_807),
        ),
        (
            "sha256:732112270d7e59418a8c080b134b24cabd67d250d0d0147a97ed95ba5c280aa4",
            "cosign/pkg/cosign/testdata/oci-attestation.sigstore.json",
            Who::Keyless("cody@soyland.com", GITHUB_OAUTH),
            Some(175_508_996),
        ),
        (
            "sha256:efb4f91125650bcfb158e10e0f1b03afaf747cc5676e926dcb4f5fb170a03fa6",
            "salrashid123-go-bazel-github-workflow/server_linux_amd64.v0.0.30.sigstore.json",
            Who::Keyless(
                "https://github.com/salrashid123/go-bazel-github-workflow/.github/workflows/release.yaml@refs/tags/v0.0.30",
                GHA,
            ),
            Some(1_004_096_275),
        ),
        (
            npm_100,
            "sigstore-js/tests/bundles/bundleV01-dsse-no-proof.sigstore",
            Who::Keyless("brian@dehamer.com", GITHUB_OAUTH),
            Some(27_246_114),
        ),
        (
            npm_100,
            "sigstore-js/tests/bundles/bundleV01-dsse-with-proof.sigstore",
            Who::Keyless("brian@dehamer.com", GITHUB_OAUTH),
            Some(27_246_114),
        ),
        (
            npm_100,
            "sigstore-js/tests/bundles/bundleV01-full-cert-chain.sigstore",
            Who::Keyless("brian@dehamer.com", GITHUB_OAUTH),
            Some(27_244_980),
        ),
        (
            npm_100,
            "sigstore-js/tests/bundles/bundleV01-intoto-no-proof.sigstore",
            Who::Keyless("brian@dehamer.com", GITHUB_OAUTH),
            Some(27_244_980),
        ),
        (
            npm_100,
            "sigstore-js/tests/bundles/bundleV01-intoto-with-proof.sigstore",
            Who::Keyless("brian@dehamer.com", GITHUB_OAUTH),
            Some(27_244_980),
        ),
        (
            npm_100,
            "sigstore-js/tests/bundles/bundleV02-dsse.sigstore",
            Who::Keyless("brian@dehamer.com", GITHUB_OAUTH),
            Some(27_246_114),
        ),
        (
            npm_100,
            "sigstore-js/tests/bundles/bundleV02-intoto.sigstore",
            Who::Keyless("brian@dehamer.com", GITHUB_OAUTH),
            Some(27_244_980),
        ),
        (
            npm_100,
            "sigstore-js/tests/bundles/bundleV03-dsse.sigstore",
            Who::Keyless("brian@dehamer.com", GITHUB_OAUTH),
            Some(27_246_114),
        ),
        (
            npm_100,
            "sigstore-js/tests/bundles/bundleV03-intoto.sigstore",
            Who::Keyless("brian@dehamer.com", GITHUB_OAUTH),
            Some(27_244_980),
        ),
        (
            npm_130,
            "sigstore-go/examples/bundle-provenance.json",
            Who::Keyless(sigstore_js, GHA),
            Some(18_300_934),
        ),
        (
            npm_130,
            "sigstore-go/examples/bundle-publish.json",
            Who::Key("sigstore-go/examples/publish_key.pub"),
            Some(18_300_940),
        ),
        (
            "sha512:46d4e2f74c4877316640000a6fdf8a8b59f1e0847667973e9859f774dd31b8f1e0937813b777fb66a2ac67d50540fe34640966eee9fc2ccca387082b4c85cd3c",
            "sigstore-go/pkg/testing/data/bundles/sigstore.js@2.0.0-provenance.sigstore.json",
            Who::Keyless(sigstore_js, GHA),
            Some(31_821_305),
        ),
        (
            slsa,
            "sigstore-go/pkg/testing/data/bundles/dsse.sigstore.json",
            Who::Keyless("brian@dehamer.com", GITHUB_OAUTH),
            Some(6_800_908),
        ),
    ];
    for (artifact, bundle, who, log_index) in cases {
        let mut cmd = blob();
        cmd.arg(artifact).arg("--bundle").arg(real(bundle));
        match who {
            Who::Keyless(identity, issuer) => {
                cmd.args([
                    "--certificate-identity",
                    identity,
                    "--certificate-oidc-issuer",
                    issuer,
                ]);
            }
            Who::Key(key) => {
                cmd.arg("--key").arg(real(key));
            }
        }
        let r = run(&mut cmd);
        r.verified();
        if let Some(index) = log_index {
            r.says(&format!(
                "Rekor:      log index {index}, integrated time 20"
            ));
        }
    }
}

/// One flipped byte in the artifact breaks the signature: `invalid-signature`, both for a
/// real production bundle (conformance happy path, prod) and a real staging one.
#[test]
fn one_flipped_byte_in_the_artifact_is_an_invalid_signature() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let cases = [
        (
            conformance_assets().join("bundle-verify/a.txt"),
            conformance_assets().join("bundle-verify/happy-path-v0.3/bundle.sigstore.json"),
            None,
            BEACON,
            GHA,
        ),
        (
            real("sigstore-python/test/assets/bundle_v3.txt"),
            real("sigstore-python/test/assets/bundle_v3.txt.sigstore"),
            Some(support::vectors().join("trust/trusted_root.staging.json")),
            "william@yossarian.net",
            GITHUB_OAUTH,
        ),
    ];
    for (i, (artifact, bundle, root, identity, issuer)) in cases.into_iter().enumerate() {
        let with = |artifact: &Path| {
            let mut cmd = blob();
            cmd.arg(artifact).arg("--bundle").arg(&bundle);
            cmd.args([
                "--certificate-identity",
                identity,
                "--certificate-oidc-issuer",
                issuer,
            ]);
            if let Some(root) = &root {
                cmd.arg("--trusted-root").arg(root);
            }
            run(&mut cmd)
        };
        with(&artifact).verified();
        let mut bytes = std::fs::read(&artifact).expect("artifact");
        bytes[0] ^= 0x01;
        let flipped = tmp.path().join(format!("flipped-{i}"));
        std::fs::write(&flipped, bytes).expect("write");
        with(&flipped)
            .verdict("invalid-signature")
            .says("the signature is over another artifact");
    }
}

/// The CPython 3.12.5 release bundle has an inclusion proof without a checkpoint; like
/// sigstore-python 4.5.1 and sigstore-verify we reject it, saying exactly that.
#[test]
fn cpython_bundle_with_a_checkpointless_inclusion_proof_is_malformed() {
    run(blob()
        .arg("sha256:38dc4e2c261d49c661196066edbfb70fdb16be4a79cc8220c224dfeb5636d405")
        .arg("--bundle")
        .arg(real(
            "sigstore-python/test/assets/integration/Python-3.12.5.tgz.sigstore",
        ))
        .args(["--certificate-identity", "thomas@python.org"])
        .args(["--certificate-oidc-issuer", "https://accounts.google.com"]))
    .verdict("malformed-bundle")
    .says("its inclusion proof has no checkpoint (signed tree head)");
}

/// A DSSE statement about another artifact is a `digest-mismatch`, and a statement's
/// signer is held to the identity: a correct bundle under the wrong identity says who
/// signed and who was wanted.
#[test]
fn dsse_subject_and_identity_are_enforced() {
    let bundle = real("sigstore-rs/tests/data/bundle_v03.json");
    let kubewarden = "https://github.com/kubewarden/kubewarden-controller/.github/workflows/release.yml@refs/tags/v1.34.0";
    run(blob()
        .arg(format!("sha256:{}", "00".repeat(32)))
        .arg("--bundle")
        .arg(&bundle)
        .args([
            "--certificate-identity",
            kubewarden,
            "--certificate-oidc-issuer",
            GHA,
        ]))
    .verdict("digest-mismatch")
    .says("is not a subject of the signed statement");
    run(blob()
        .arg("sha256:c811d58de79c92f03214e63aa339484e488d694ae8a6283b5f3f17a9faf50172")
        .arg("--bundle")
        .arg(&bundle)
        .args([
            "--certificate-identity-regexp",
            "https://github.com/kubewarden/",
        ])
        .args(["--certificate-oidc-issuer", GHA]))
    .verdict("identity-mismatch")
    .says(&format!(
        "got {kubewarden} (issuer {GHA}), wanted /https://github.com/kubewarden// (issuer {GHA})"
    ));
}

/// A valid bundle from Sigstore's staging instance, judged under the production root: its
/// log is unknown too, but the finding that matters is the untrusted certificate.
#[test]
fn bundle_from_another_sigstore_is_an_untrusted_certificate() {
    let assets = conformance_assets();
    run(blob()
        .arg(assets.join("bundle-verify/a.txt"))
        .arg("--bundle")
        .arg(assets.join("bundle-verify/bundle-from-wrong-instance_fail/bundle.sigstore.json"))
        .args([
            "--certificate-identity",
            BEACON,
            "--certificate-oidc-issuer",
            GHA,
        ]))
    .verdict("untrusted-certificate")
    .says("issued by a CA the trusted root does not hold");
}

fn legacy_cmd(which: &str, identity: &str, issuer: &str) -> assert_cmd::Command {
    let dir = legacy();
    let mut cmd = blob();
    cmd.arg(dir.join("a.txt"))
        .arg("--signature")
        .arg(dir.join(format!("a.txt.{which}.sig")))
        .arg("--certificate")
        .arg(dir.join(format!("a.txt.{which}.crt")))
        .args([
            "--certificate-identity",
            identity,
            "--certificate-oidc-issuer",
            issuer,
        ]);
    cmd
}

/// A `.sig` + `.cert` pair carries no transparency proof: without `--rekor-url` or
/// `--insecure-ignore-tlog` it is `tlog-missing`, and the message says how to get the proof.
#[test]
fn detached_pair_without_a_log_proof_is_tlog_missing() {
    run(&mut legacy_cmd("good", BEACON, GHA))
        .verdict("tlog-missing")
        .says("pass --tlog-lookup (https://rekor.sigstore.dev) or --rekor-url URL")
        .says("--insecure-ignore-tlog");
}

/// With `--insecure-ignore-tlog` the chain, SCT, signature and identity are still checked,
/// the warning is printed, and the report says the signing time is unproven.
#[test]
fn detached_pair_with_insecure_ignore_tlog_says_the_signing_time_is_unproven() {
    let r = run(legacy_cmd("good", BEACON, GHA).arg("--insecure-ignore-tlog"));
    r.verified()
        .says("signing time unproven")
        .says("checked at its notBefore 2023-09-27T16:04:40Z");
    assert!(
        r.stderr.starts_with("warning: --insecure-ignore-tlog"),
        "{}",
        r.stderr
    );
    // The invalid pair chains to staging's Fulcio, not production's.
    run(legacy_cmd(
        "invalid",
        "alex.cameron@trailofbits.com",
        "https://accounts.google.com",
    )
    .arg("--insecure-ignore-tlog"))
    .verdict("untrusted-certificate")
    .says("does not chain to a trusted Fulcio CA");
    run(&mut legacy_cmd(
        "invalid",
        "alex.cameron@trailofbits.com",
        "https://accounts.google.com",
    ))
    .verdict("tlog-missing");
    // A CT log the root does not know: the SCT fails (upstream's bad_ct case).
    run(legacy_cmd("good", BEACON, GHA)
        .arg("--insecure-ignore-tlog")
        .arg("--trusted-root")
        .arg(legacy().join("trusted_root.bad_ct.json")))
    .verdict("untrusted-certificate")
    .says("invalid signed certificate timestamp");
    // ...which --insecure-ignore-sct waives, with its own warning.
    let r = run(legacy_cmd("good", BEACON, GHA)
        .args(["--insecure-ignore-tlog", "--insecure-ignore-sct"])
        .arg("--trusted-root")
        .arg(legacy().join("trusted_root.bad_ct.json")));
    r.verified().says("SCT NOT checked");
    assert!(
        r.stderr.contains("warning: --insecure-ignore-sct"),
        "{}",
        r.stderr
    );
}

struct LegacyInRekor {
    rekor: RekorStandIn,
    root: PathBuf,
    _tmp: tempfile::TempDir,
}

fn legacy_material() -> (String, String, String, i64, i64) {
    let dir = legacy();
    let sig = std::fs::read_to_string(dir.join("a.txt.good.sig")).expect("sig");
    let pem = std::fs::read_to_string(dir.join("a.txt.good.crt")).expect("crt");
    let digest = {
        use sha2::Digest as _;
        hex::encode(sha2::Sha256::digest(
            std::fs::read(dir.join("a.txt")).expect("a.txt"),
        ))
    };
    let der = sigstore_verify::types::DerCertificate::from_pem(&pem).expect("pem");
    let info = sigstore_verify::crypto::parse_certificate_info(&der).expect("cert");
    (
        sig.trim().to_owned(),
        pem,
        digest,
        info.not_before.as_second(),
        info.not_after.as_second(),
    )
}

/// A stand-in log holding the good legacy signature, integrated at `integrated_time`
/// (`None`: not logged at all), and a trusted root with its key and prod's Fulcio/CT.
fn legacy_in_rekor(integrated_time: Option<i64>) -> LegacyInRekor {
    let rekor = RekorStandIn::start();
    let (sig, pem, digest, _, _) = legacy_material();
    rekor.add_filler(5);
    if let Some(t) = integrated_time {
        rekor.add_hashedrekord(&digest, &sig, &pem, t);
    }
    rekor.add_filler(2);
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path().join("trusted_root.json");
    std::fs::write(
        &root,
        rekor.trusted_root(&support::vectors().join("trust/trusted_root.prod.json")),
    )
    .expect("root");
    LegacyInRekor {
        rekor,
        root,
        _tmp: tmp,
    }
}

/// `--rekor-url` finds the entry by the artifact's hash, and the SET and inclusion proof it
/// serves verify against the trusted root's Rekor key: verified, with the log index and
/// the integrated time in the report.
#[test]
fn detached_pair_verifies_with_its_rekor_entry() {
    let (_, _, _, not_before, _) = legacy_material();
    let log = legacy_in_rekor(Some(not_before + 30));
    let r = run(legacy_cmd("good", BEACON, GHA)
        .arg("--trusted-root")
        .arg(&log.root)
        .arg(format!("--rekor-url={}", log.rekor.url)));
    r.verified()
        .says("Rekor:      log index 5, integrated time 2023-09-27T16:05:10Z");
    assert!(!r.stdout.contains("unproven"), "{}", r.stdout);
    let requests = log.rekor.requests();
    assert_eq!(requests[0], "POST /api/v1/index/retrieve", "{requests:?}");
    assert!(
        requests[1].starts_with("GET /api/v1/log/entries/"),
        "{requests:?}"
    );

    // The same entry under the production root: its SET is by a log the root does not know.
    run(legacy_cmd("good", BEACON, GHA).arg(format!("--rekor-url={}", log.rekor.url)))
        .verdict("tlog-missing");
}

/// An entry logged after the short-lived certificate expired proves the certificate was
/// not valid when signed.
#[test]
fn rekor_entry_after_the_certificate_expired_is_untrusted() {
    let (_, _, _, _, not_after) = legacy_material();
    let log = legacy_in_rekor(Some(not_after + 60));
    run(legacy_cmd("good", BEACON, GHA)
        .arg("--trusted-root")
        .arg(&log.root)
        .arg(format!("--rekor-url={}", log.rekor.url)))
    .verdict("untrusted-certificate");
}

/// A log with no entry for the signature: `tlog-missing`, naming the log asked.
#[test]
fn rekor_without_an_entry_is_tlog_missing() {
    let log = legacy_in_rekor(None);
    run(legacy_cmd("good", BEACON, GHA)
        .arg("--trusted-root")
        .arg(&log.root)
        .arg(format!("--rekor-url={}", log.rekor.url)))
    .verdict("tlog-missing")
    .says(&format!(
        "{} has no entry for this signature",
        log.rekor.url
    ));
}

/// Artifact, signature and certificate can all be URLs; the certificate may be the base64
/// of its PEM, as dl.k8s.io serves `.cert` files.
#[test]
fn artifact_signature_and_certificate_from_urls() {
    let (_, _, _, not_before, _) = legacy_material();
    let log = legacy_in_rekor(Some(not_before + 30));
    let dir = legacy();
    let read = |f: &str| std::fs::read(dir.join(f)).expect(f);
    let artifact = log.rekor.serve_file("a.txt", &read("a.txt"));
    let sig = log.rekor.serve_file("a.txt.sig", &read("a.txt.good.sig"));
    let cert = log
        .rekor
        .serve_file("a.txt.cert", B64.encode(read("a.txt.good.crt")).as_bytes());
    run(blob()
        .arg(&artifact)
        .args(["--signature", &sig, "--certificate", &cert])
        .args([
            "--certificate-identity",
            BEACON,
            "--certificate-oidc-issuer",
            GHA,
        ])
        .arg("--trusted-root")
        .arg(&log.root)
        .arg(format!("--rekor-url={}", log.rekor.url)))
    .verified();
    let missing = format!("{}/files/nope.sig", log.rekor.url);
    let r = run(blob()
        .arg(&artifact)
        .args(["--signature", &missing, "--certificate", &cert])
        .args([
            "--certificate-identity",
            BEACON,
            "--certificate-oidc-issuer",
            GHA,
        ]));
    // A download that fails is the verdict `unreachable` (exit 1), as for images (issue 9).
    r.verdict("unreachable")
        .says("downloading the signature")
        .says("HTTP 404");
}

/// Keyless material with no identity flags is a usage error (exit 2) that names the flags,
/// as cosign does; `--profile kubernetes-release` supplies krel-staging's identity instead.
#[test]
fn identity_comes_from_flags_or_the_kubernetes_release_profile() {
    let dir = legacy();
    let r = run(blob()
        .arg(dir.join("a.txt"))
        .arg("--signature")
        .arg(dir.join("a.txt.good.sig"))
        .arg("--certificate")
        .arg(dir.join("a.txt.good.crt")));
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    r.says("--certificate-identity")
        .says("--certificate-oidc-issuer");
    assert!(r.stdout.is_empty(), "{}", r.stdout);

    let r = run(blob()
        .arg(dir.join("a.txt"))
        .arg("--signature")
        .arg(dir.join("a.txt.good.sig"))
        .arg("--certificate")
        .arg(dir.join("a.txt.good.crt"))
        .args(["--profile", "kubernetes-release", "--insecure-ignore-tlog"]));
    r.verdict("identity-mismatch").says(
        "wanted krel-staging@k8s-releng-prod.iam.gserviceaccount.com (issuer https://accounts.google.com)",
    );

    let r = run(blob().arg(dir.join("a.txt")).args([
        "--bundle",
        "x.json",
        "--certificate-identity",
        BEACON,
    ]));
    assert_eq!(r.code, Some(2));
    r.says("--certificate-oidc-issuer");
}

/// Human and JSON reports, verified and not, on a real prod bundle (run from the assets
/// directory so paths are relative and stable).
#[test]
fn report_snapshots() {
    let assets = conformance_assets();
    for (name, case, format) in [
        ("verified.txt", "happy-path-v0.1", None),
        ("verified.json", "happy-path-v0.1", Some("json")),
        ("verified.yaml", "happy-path-v0.1", Some("yaml")),
        ("invalid-signature.txt", "signature-mismatch_fail", None),
        (
            "invalid-signature.json",
            "signature-mismatch_fail",
            Some("json"),
        ),
    ] {
        let mut cmd = blob();
        cmd.current_dir(&assets)
            .arg("bundle-verify/a.txt")
            .arg("--bundle")
            .arg(format!("bundle-verify/{case}/bundle.sigstore.json"))
            .args([
                "--certificate-identity",
                BEACON,
                "--certificate-oidc-issuer",
                GHA,
            ]);
        if let Some(f) = format {
            cmd.args(["-o", f]);
        }
        let r = run(&mut cmd);
        support::check_snapshot("blob/snapshots", name, &r.stdout);
    }
    let r = run(legacy_cmd("good", BEACON, GHA).arg("--insecure-ignore-tlog"));
    support::check_snapshot(
        "blob/snapshots",
        "detached-unproven-time.txt",
        &r.stdout
            .replace(&legacy().display().to_string(), "<LEGACY>"),
    );
}

/// A bundle both verifiers judge differently on purpose: (name, artifact, bundle, identity,
/// issuer, trusted root, sigstore-python verifies, kubectl-verify verifies).
type Divergence<'a> = (
    &'a str,
    PathBuf,
    PathBuf,
    &'a str,
    &'a str,
    &'a Path,
    bool,
    bool,
);

/// `kubectl verify blob --help`, so flag changes show up in review.
#[test]
fn help_snapshot() {
    let r = run(blob().arg("--help"));
    assert_eq!(r.code, Some(0));
    support::check_snapshot("blob/snapshots", "help.txt", &r.stdout);
}

/// sigstore-python's verifier (its Python API, offline, from a trusted root file) and
/// kubectl-verify agree on positive and negative bundles.
#[test]
fn sigstore_python_agrees() {
    let probe = std::process::Command::new("python3")
        .args([
            "-c",
            "import sigstore, sys; sys.stdout.write(sigstore.__version__)",
        ])
        .output();
    // Fail rather than skip: a machine without sigstore-python would otherwise pass this test
    // without comparing anything (`.ci/run` installs it).
    let version = match probe {
        Ok(out) if out.status.success() => String::from_utf8_lossy(&out.stdout).into_owned(),
        _ => panic!("python3 cannot import sigstore: pip install 'sigstore==4.5.1'"),
    };
    let prod = support::vectors().join("trust/trusted_root.prod.json");
    let staging = support::vectors().join("trust/trusted_root.staging.json");
    let assets = conformance_assets().join("bundle-verify");
    let rekor2_root = assets.join("rekor2-happy-path/trusted_root.json");
    let intoto_root = assets.join("intoto-with-custom-trust-root/trusted_root.json");
    let tmp = tempfile::tempdir().expect("tempdir");
    let flipped = tmp.path().join("a.txt.flipped");
    let mut bytes = std::fs::read(assets.join("a.txt")).expect("a.txt");
    bytes[0] ^= 1;
    std::fs::write(&flipped, bytes).expect("write");
    let py = |rel: &str| real("sigstore-python/test/assets").join(rel);

    // (name, artifact, bundle, identity, issuer, trusted root)
    let cases: Vec<(&str, PathBuf, PathBuf, &str, &str, &Path)> = vec![
        (
            "happy v0.1",
            assets.join("a.txt"),
            assets.join("happy-path-v0.1/bundle.sigstore.json"),
            BEACON,
            GHA,
            &prod,
        ),
        (
            "happy v0.3",
            assets.join("a.txt"),
            assets.join("happy-path-v0.3/bundle.sigstore.json"),
            BEACON,
            GHA,
            &prod,
        ),
        (
            "dsse v0.3",
            assets.join("a.txt"),
            assets.join("happy-path-intoto-in-dsse-v3/bundle.sigstore.json"),
            BEACON,
            GHA,
            &prod,
        ),
        (
            "staging v0.3",
            py("bundle_v3.txt"),
            py("bundle_v3.txt.sigstore"),
            "william@yossarian.net",
            GITHUB_OAUTH,
            &staging,
        ),
        (
            "staging v0.1",
            py("bundle.txt"),
            py("bundle.txt.sigstore"),
            "a@tny.town",
            GITHUB_OAUTH,
            &staging,
        ),
        (
            "rekor v2 + TSA",
            assets.join("a.txt"),
            assets.join("rekor2-happy-path/bundle.sigstore.json"),
            BEACON,
            GHA,
            &rekor2_root,
        ),
        (
            "flipped artifact",
            flipped.clone(),
            assets.join("happy-path-v0.3/bundle.sigstore.json"),
            BEACON,
            GHA,
            &prod,
        ),
        (
            "wrong identity",
            assets.join("a.txt"),
            assets.join("happy-path-v0.1/bundle.sigstore.json"),
            "someone@example.com",
            GHA,
            &prod,
        ),
        (
            "wrong issuer",
            assets.join("a.txt"),
            assets.join("happy-path-v0.1/bundle.sigstore.json"),
            BEACON,
            GITHUB_OAUTH,
            &prod,
        ),
        (
            "staging bundle, prod root",
            py("bundle_v3.txt"),
            py("bundle_v3.txt.sigstore"),
            "william@yossarian.net",
            GITHUB_OAUTH,
            &prod,
        ),
        (
            "signature mismatch",
            assets.join("a.txt"),
            assets.join("signature-mismatch_fail/bundle.sigstore.json"),
            BEACON,
            GHA,
            &prod,
        ),
        (
            "SET invalid",
            assets.join("a.txt"),
            assets.join("set-invalid-signature_fail/bundle.sigstore.json"),
            BEACON,
            GHA,
            &prod,
        ),
        (
            "bad checkpoint",
            assets.join("a.txt"),
            assets.join("invalid-checkpoint-signature_fail/bundle.sigstore.json"),
            BEACON,
            GHA,
            &prod,
        ),
        (
            "corrupted proof",
            assets.join("a.txt"),
            assets.join("inclusion-proof-corrupted-hash_fail/bundle.sigstore.json"),
            BEACON,
            GHA,
            &prod,
        ),
        (
            "dsse bad sig",
            assets.join("a.txt"),
            assets.join("dsse-invalid-sig_fail/bundle.sigstore.json"),
            BEACON,
            GHA,
            &prod,
        ),
        (
            "CVE-2022-36056",
            py("bundle_cve_2022_36056.txt"),
            py("bundle_cve_2022_36056.txt.sigstore"),
            "william@yossarian.net",
            GITHUB_OAUTH,
            &staging,
        ),
        (
            "no signed time",
            py("bundle_v3_no_signed_time.txt"),
            py("bundle_v3_no_signed_time.txt.sigstore.json"),
            "william@yossarian.net",
            GITHUB_OAUTH,
            &prod,
        ),
        (
            "no log entry",
            py("bundle_no_log_entry.txt"),
            py("bundle_no_log_entry.txt.sigstore"),
            "alex.cameron@trailofbits.com",
            "https://accounts.google.com",
            &prod,
        ),
    ];

    // Known, deliberate divergences, checked to stay exactly as documented.
    let divergent: Vec<Divergence<'_>> = vec![
        // sigstore-python 4.5.1 does not take integrated time from the deprecated intoto
        // entry kind (the suite lists `test_verify*intoto*` as an optional xfail for it).
        (
            "intoto entry, custom root",
            assets.join("intoto-with-custom-trust-root/artifact"),
            assets.join("intoto-with-custom-trust-root/bundle.sigstore.json"),
            BEACON,
            GHA,
            &intoto_root,
            false,
            true,
        ),
        // An RFC 3161 timestamp from a TSA the root does not list: sigstore-python drops it and
        // uses the SET's time; sigstore-verify (and so we) fail closed on any timestamp that
        // does not verify.
        (
            "timestamp from an unknown TSA",
            py("tsa/bundle.txt"),
            py("tsa/bundle.txt.sigstore"),
            "alexis.challande@trailofbits.com",
            "https://accounts.google.com",
            &staging,
            true,
            false,
        ),
    ];

    let script =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/blob/sigstore_python_verify.py");
    let verify_both =
        |artifact: &Path, bundle: &Path, identity: &str, issuer: &str, root: &Path| {
            let python = std::process::Command::new("python3")
                .arg(&script)
                .arg(root)
                .arg(bundle)
                .arg(artifact)
                .arg(identity)
                .arg(issuer)
                .output()
                .expect("python3");
            let ours = run(blob()
                .arg(artifact)
                .arg("--bundle")
                .arg(bundle)
                .args([
                    "--certificate-identity",
                    identity,
                    "--certificate-oidc-issuer",
                    issuer,
                ])
                .arg("--trusted-root")
                .arg(root));
            (
                python.status.success(),
                String::from_utf8_lossy(&python.stdout).trim().to_owned(),
                ours.code == Some(0),
                ours.stdout.lines().last().unwrap_or_default().to_owned(),
            )
        };
    for (name, artifact, bundle, identity, issuer, root, py_want, our_want) in &divergent {
        let (py_ok, py_why, our_ok, our_why) =
            verify_both(artifact, bundle, identity, issuer, root);
        assert_eq!(
            (py_ok, our_ok),
            (*py_want, *our_want),
            "{name}: the documented divergence changed: sigstore-python {py_why}; kubectl-verify {our_why}"
        );
    }

    let mut disagreements = Vec::new();
    let (mut positives, mut negatives) = (0, 0);
    for (name, artifact, bundle, identity, issuer, root) in &cases {
        let (py_ok, py_why, our_ok, our_why) =
            verify_both(artifact, bundle, identity, issuer, root);
        if our_ok {
            positives += 1;
        } else {
            negatives += 1;
        }
        if py_ok != our_ok {
            disagreements.push(format!(
                "{name}: sigstore-python {} ({py_why}), kubectl-verify {} ({our_why})",
                if py_ok { "verified" } else { "rejected" },
                if our_ok { "verified" } else { "rejected" },
            ));
        }
    }
    eprintln!(
        "sigstore-python {version}: agreed on {} of {} bundles ({positives} verified, {negatives} rejected); {} documented divergences held",
        cases.len() - disagreements.len(),
        cases.len(),
        divergent.len()
    );
    assert!(
        positives >= 6 && negatives >= 10,
        "{positives} / {negatives}"
    );
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
}

/// What a run ended in, as a user sees it: `verified`, the verdict code, or the exit status
/// with the error line.
fn outcome(r: &Run) -> String {
    match r.code {
        Some(0) if r.stdout.ends_with("Verified OK\n") => "verified".to_owned(),
        Some(1) => r
            .stdout
            .split_once("\nVerdict:    ")
            .and_then(|(_, rest)| rest.split_once(':'))
            .map_or_else(
                || format!("exit 1: {}", r.stdout),
                |(code, _)| code.to_owned(),
            ),
        code => format!("exit {code:?}: {}", r.stderr.trim()),
    }
}

/// Issue 3: `--key` takes ECDSA P-256/P-384, RSA and Ed25519 PEM public keys. For each type,
/// with keys made at test time and signatures made as cosign's default signer for that type
/// makes them: a detached base64 `.sig` over the artifact verifies under
/// `--insecure-ignore-tlog` (with its warning); a flipped artifact byte or a different key of
/// the same type is `invalid-signature`; a key-signed bundle with a Rekor entry from the test
/// Sigstore verifies without `--insecure-ignore-tlog`, and fails the same two ways. P-384
/// signed over SHA-384 (cosign's current default) and RSA-PSS are refused: see the gaps
/// noted below.
#[test]
fn key_signed_blobs_verify_for_every_key_type() {
    use crate::support::sigstore::{Key, KeyKind, Signer, TestSigstore};

    let s = TestSigstore::new();
    let dir = s.dir();
    let artifact = dir.join("artifact.bin");
    let contents = b"a release binary, signed by key\n".repeat(64);
    std::fs::write(&artifact, &contents).expect("write artifact");
    let flipped = dir.join("artifact.flipped");
    let mut bytes = contents.clone();
    bytes[10] ^= 0x01;
    std::fs::write(&flipped, bytes).expect("write flipped");

    let artifact_digest = format!(
        "sha256:{}",
        hex::encode(<sha2::Sha256 as sha2::Digest>::digest(&contents))
    );

    let mut got = Vec::new();
    let mut want = Vec::new();
    for kind in KeyKind::ALL {
        let name = kind.name();
        let key = Key::generate_kind(kind);
        let other = Key::generate_kind(kind);
        let key_pub = dir.join(format!("{name}.pub"));
        std::fs::write(&key_pub, key.public_pem()).expect("write key");
        let other_pub = dir.join(format!("{name}.other.pub"));
        std::fs::write(&other_pub, other.public_pem()).expect("write key");
        let sig = dir.join(format!("{name}.sig"));
        std::fs::write(&sig, B64.encode(key.sign(&contents))).expect("write sig");
        let bundle = dir.join(format!("{name}.sigstore.json"));
        std::fs::write(&bundle, s.blob_bundle(Signer::Key(&key), &contents)).expect("write bundle");

        let detached = |artifact: &Path, key: &Path| {
            run(blob()
                .arg(artifact)
                .arg("--signature")
                .arg(&sig)
                .arg("--key")
                .arg(key)
                .arg("--insecure-ignore-tlog"))
        };
        let bundled = |artifact: &Path, key: &Path| {
            run(blob()
                .arg(artifact)
                .arg("--bundle")
                .arg(&bundle)
                .arg("--key")
                .arg(key)
                .arg("--trusted-root")
                .arg(s.trusted_root_path()))
        };

        let ok = detached(&artifact, &key_pub);
        if ok.code == Some(0) {
            ok.says("signing time unproven")
                .says(&format!("sha256:{}", key.fingerprint()));
            assert!(
                ok.stderr.starts_with("warning: --insecure-ignore-tlog"),
                "{name}: {}",
                ok.stderr
            );
        }
        if kind == KeyKind::EcdsaP384 {
            detached(Path::new(&artifact_digest), &key_pub)
                .says("can only be checked against the artifact itself");
        }
        let runs = [
            ("detached", "verified", ok),
            (
                "detached, flipped byte",
                "invalid-signature",
                detached(&flipped, &key_pub),
            ),
            (
                "detached, other key",
                "invalid-signature",
                detached(&artifact, &other_pub),
            ),
            // From its digest alone only a SHA-256 signature can be checked: a P-384 key's
            // default SHA-384 cannot, and Ed25519 signs the bytes themselves.
            (
                "detached, sha256: digest",
                match kind {
                    KeyKind::EcdsaP384 => "invalid-signature",
                    KeyKind::Ed25519 => "malformed-bundle",
                    _ => "verified",
                },
                detached(Path::new(&artifact_digest), &key_pub),
            ),
            ("bundle", "verified", bundled(&artifact, &key_pub)),
            (
                "bundle, flipped byte",
                "invalid-signature",
                bundled(&flipped, &key_pub),
            ),
            (
                "bundle, other key",
                "invalid-signature",
                bundled(&artifact, &other_pub),
            ),
        ];
        for (case, expected, r) in runs {
            // A P-384 message signature verifies over SHA-384 (cosign's default) and over
            // SHA-256 (older cosign); a bad signature's refusal names both schemes tried. (A
            // bundle whose declared digest is not the artifact's is refused before any
            // scheme is tried; from a digest only SHA-256 can be tried.)
            if matches!(kind, KeyKind::EcdsaP384 | KeyKind::EcdsaP384Sha256)
                && (case.ends_with("other key") || case == "detached, flipped byte")
            {
                r.says("ECDSA_P384_SHA384 signature invalid")
                    .says("ECDSA_P384_SHA256 signature invalid");
            }
            // Known gap: RSA is checked as PKCS#1 v1.5 (never PSS), so PSS is refused, never
            // accepted.
            let tried = match kind {
                KeyKind::RsaPss => Some("RSA_PKCS1_SHA256 signature invalid"),
                _ => None,
            };
            let expected = match tried {
                Some(tried) if expected == "verified" => {
                    r.says(tried);
                    "invalid-signature"
                }
                _ => expected,
            };
            got.push(format!("{name} {case}: {}", outcome(&r)));
            want.push(format!("{name} {case}: {expected}"));
        }
    }
    assert_eq!(got.join("\n"), want.join("\n"));
}
