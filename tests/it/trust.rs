//! `kubectl verify trust update|info`: a TUF repository made at test time and served from
//! 127.0.0.1 over HTTPS, the update it allows, a verification under the updated root, and
//! updates TUF must refuse (expired, wrongly signed) leaving the previous root in use.

use std::path::{Path, PathBuf};

use crate::support::https::HttpsFiles;
use crate::support::sigstore::{Signer, TestSigstore};
use crate::support::tuf::{Publish, TufKey, TufRepo, tuf_time};
use crate::support::{self};

const IDENTITY: &str = "release@example.com";
const ISSUER: &str = "https://issuer.example";

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
    fn ok(self) -> Self {
        assert_eq!(self.code, Some(0), "{}{}", self.stdout, self.stderr);
        self
    }

    fn says(&self, what: &str) -> &Self {
        assert!(
            self.stdout.contains(what) || self.stderr.contains(what),
            "wanted {what:?} in\n{}{}",
            self.stdout,
            self.stderr
        );
        self
    }
}

/// A served TUF repository, the test Sigstore whose trusted root it publishes, and a cache.
struct Setup {
    server: HttpsFiles,
    repo: TufRepo,
    sigstore: TestSigstore,
    cache: tempfile::TempDir,
}

impl Setup {
    fn new() -> Self {
        let server = HttpsFiles::start();
        let mut repo = TufRepo::new();
        let sigstore = TestSigstore::new();
        repo.publish(&server, sigstore.trusted_root_json().as_bytes());
        Self {
            server,
            repo,
            sigstore,
            cache: tempfile::tempdir().expect("tempdir"),
        }
    }

    fn cmd(&self) -> assert_cmd::Command {
        let mut cmd = support::kubectl_verify();
        cmd.env("KUBECTL_VERIFY_CACHE_DIR", self.cache.path());
        cmd
    }

    fn update(&self) -> Run {
        run(self
            .cmd()
            .args(["trust", "update", "--tuf-url", &self.server.url()])
            .arg("--tuf-root")
            .arg(self.repo.root_path())
            .arg("--tuf-ca")
            .arg(self.server.ca_pem_path()))
    }

    fn info(&self) -> Run {
        run(self.cmd().args(["trust", "info"])).ok()
    }

    /// A blob keyless-signed by the test Sigstore, verified with no --trusted-root.
    fn verify_blob(&self, dir: &Path) -> Run {
        let artifact = dir.join("artifact.txt");
        std::fs::write(&artifact, b"released bytes\n").expect("write artifact");
        let id = self.sigstore.keyless(IDENTITY, ISSUER);
        let bundle = dir.join("artifact.txt.sigstore.json");
        std::fs::write(
            &bundle,
            self.sigstore
                .blob_bundle(Signer::Keyless(&id), b"released bytes\n"),
        )
        .expect("write bundle");
        run(self
            .cmd()
            .arg("blob")
            .arg("-v")
            .arg(&artifact)
            .arg("--bundle")
            .arg(&bundle)
            .args([
                "--certificate-identity",
                IDENTITY,
                "--certificate-oidc-issuer",
                ISSUER,
            ]))
    }

    fn trust_dir(&self) -> PathBuf {
        self.cache.path().join("trust")
    }
}

/// On a fresh cache the embedded root is in use, with its TUF root version and expiry.
#[test]
fn trust_info_on_a_fresh_cache_says_embedded() {
    let r = run(support::kubectl_verify().args(["trust", "info"])).ok();
    r.says("Trusted root in use: embedded")
        .says("Sigstore public-good production trusted root (sigstore-trust-root 0.15.1, TUF root v16)")
        .says("TUF root:     version 16, expires 2027-04-22T19:27:31Z")
        .says("no updated root; `kubectl verify trust update` fetches the current one");
    assert!(r.stderr.is_empty(), "{}", r.stderr);
}

/// `trust update` against a local TUF repository, `trust info` naming it, and a blob that
/// only the updated root can verify, verified with no --trusted-root.
#[test]
fn trust_update_from_a_local_tuf_repository_is_used_by_later_verifications() {
    let s = Setup::new();
    let work = tempfile::tempdir().expect("tempdir");

    // Before: the embedded root does not know the test Fulcio.
    let before = s.verify_blob(work.path());
    assert_eq!(before.code, Some(1), "{}{}", before.stdout, before.stderr);
    before.says("untrusted-certificate");

    let url = s.server.url();
    s.update()
        .ok()
        .says(&format!(
            "Updated the trusted root: {url} (TUF root v1, timestamp v1, snapshot v1, targets v1)"
        ))
        .says("verification uses it unless --trusted-root is given");
    let requests = s.server.requests();
    for want in [
        "GET /2.root.json",
        "GET /timestamp.json",
        "GET /1.snapshot.json",
        "GET /1.targets.json",
    ] {
        assert!(requests.iter().any(|r| r == want), "{want}: {requests:?}");
    }

    let info = s.info();
    info.says("Trusted root in use: updated through TUF")
        .says(&format!("Source:       {url}"))
        .says(&format!(
            "TUF root:     {} (started from)",
            s.repo.root_path().display()
        ))
        .says("TUF versions: root 1, timestamp 1, snapshot 1, targets 1")
        .says(
            "Contents:     1 Fulcio CA(s), 1 Rekor log(s), 1 CT log(s), 0 timestamp authority(ies)",
        )
        .says(&s.trust_dir().join("roots").display().to_string());

    // After: verified under the updated root, and the report says which root that was.
    let after = s.verify_blob(work.path()).ok();
    after
        .says("Verified OK")
        .says(&format!(
            "Trust root: Sigstore trusted root updated from {url} on "
        ))
        .says("(TUF root v1, targets v1)")
        .says(&format!(
            "I1] using the Sigstore trusted root updated from {url} on "
        ));

    // An explicit --trusted-root still wins over the cache.
    let explicit = run(s
        .cmd()
        .args(["blob", "x", "--bundle", "missing.json"])
        .args(["--key", "missing.pub"])
        .args(["--trusted-root", "/nonexistent/trusted_root.json"]));
    assert_eq!(explicit.code, Some(2));

    // Nothing was fetched by the verifications.
    assert_eq!(s.server.requests(), requests);
}

/// A TUF repository whose newer timestamp has expired is refused (exit 2, saying why), and
/// the root updated before stays in use.
#[test]
fn an_expired_timestamp_is_refused_and_the_previous_root_stays() {
    let mut s = Setup::new();
    s.update().ok();
    let before = s.info().stdout;

    let other = TestSigstore::new();
    let expired = tuf_time(jiff::Timestamp::now() - jiff::SignedDuration::from_hours(1));
    s.repo.publish_with(
        &s.server,
        other.trusted_root_json().as_bytes(),
        Publish {
            timestamp_expires: Some(expired.clone()),
            ..Publish::default()
        },
    );
    let r = s.update();
    assert_eq!(r.code, Some(2), "{}{}", r.stdout, r.stderr);
    r.says("the trusted root in use is unchanged")
        .says(&format!("timestamp metadata expired at {expired}"));
    assert!(r.stdout.is_empty(), "{}", r.stdout);

    assert_eq!(s.info().stdout, before);
    let work = tempfile::tempdir().expect("tempdir");
    s.verify_blob(work.path()).ok().says("Verified OK");
}

/// Metadata signed by a key the TUF root does not name is refused — a timestamp, or targets
/// naming another trusted root — and the root updated before stays in use.
#[test]
fn metadata_signed_by_a_wrong_key_is_refused_and_the_previous_root_stays() {
    let mut s = Setup::new();
    s.update().ok();
    let before = s.info().stdout;
    let other = TestSigstore::new();
    for (role, how) in [
        (
            "timestamp",
            Publish {
                timestamp_signer: Some(TufKey::generate()),
                ..Publish::default()
            },
        ),
        (
            "targets",
            Publish {
                targets_signer: Some(TufKey::generate()),
                ..Publish::default()
            },
        ),
    ] {
        s.repo
            .publish_with(&s.server, other.trusted_root_json().as_bytes(), how);
        let r = s.update();
        assert_eq!(r.code, Some(2), "{role}: {}{}", r.stdout, r.stderr);
        r.says("the trusted root in use is unchanged")
            .says(&format!(
                "signature threshold not met for role {role}: 0/1 valid signatures"
            ));
        assert_eq!(s.info().stdout, before, "{role}");
    }
    let work = tempfile::tempdir().expect("tempdir");
    s.verify_blob(work.path()).ok().says("Verified OK");

    // Correctly signed again, the other root replaces it.
    s.repo
        .publish(&s.server, other.trusted_root_json().as_bytes());
    s.update().ok().says("Updated the trusted root");
    s.info().says("targets 4");
    let r = s.verify_blob(work.path());
    assert_eq!(r.code, Some(1), "{}{}", r.stdout, r.stderr);
}

/// A TUF root that has expired is refused (exit 2) and nothing is cached; an unreadable
/// --tuf-root is a usage error naming it.
#[test]
fn an_expired_tuf_root_is_refused() {
    let s = Setup::new();
    let expired = tuf_time(jiff::Timestamp::now() - jiff::SignedDuration::from_hours(24));
    let mut old = TufRepo::with_root_expiry(&expired);
    old.publish(&s.server, s.sigstore.trusted_root_json().as_bytes());
    let r = run(s
        .cmd()
        .args(["trust", "update", "--tuf-url", &s.server.url()])
        .arg("--tuf-root")
        .arg(old.root_path())
        .arg("--tuf-ca")
        .arg(s.server.ca_pem_path()));
    assert_eq!(r.code, Some(2), "{}{}", r.stdout, r.stderr);
    r.says("the trusted root in use is unchanged")
        .says(&format!("root metadata expired at {expired}"));
    s.info().says("Trusted root in use: embedded");

    let r = run(s
        .cmd()
        .args(["trust", "update", "--tuf-url", &s.server.url()])
        .arg("--tuf-root")
        .arg(s.cache.path().join("missing-root.json")));
    assert_eq!(r.code, Some(2));
    r.says("reading --tuf-root").says("missing-root.json");
}

/// A cached root that was tampered with is ignored with a warning: the embedded root is used,
/// never no root.
#[test]
fn a_tampered_cached_root_falls_back_to_the_embedded_one() {
    let s = Setup::new();
    s.update().ok();
    let roots = s.trust_dir().join("roots");
    let file = std::fs::read_dir(&roots)
        .expect("roots")
        .next()
        .expect("a root")
        .expect("entry")
        .path();
    std::fs::write(
        &file,
        s.sigstore.trusted_root_json().replace("test", "tset"),
    )
    .expect("tamper");
    let r = s.info();
    r.says("Trusted root in use: embedded")
        .says("its root is ignored")
        .says("its SHA-256 is");
    let work = tempfile::tempdir().expect("tempdir");
    let v = s.verify_blob(work.path());
    assert_eq!(v.code, Some(1), "{}{}", v.stdout, v.stderr);
    v.says("warning: ignoring the trusted root in the cache")
        .says("Trust root: Sigstore public-good production trusted root");
}

/// `kubectl verify trust update --help` and `trust info --help`, so flag changes show up in
/// review.
#[test]
fn help_snapshots() {
    for sub in ["update", "info"] {
        let r = run(support::kubectl_verify().args(["trust", sub, "--help"])).ok();
        support::check_snapshot("trust/snapshots", &format!("{sub}-help.txt"), &r.stdout);
    }
}
