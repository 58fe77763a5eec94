//! `kubectl verify release`: every image and binary of a Kubernetes release, from its signed
//! SBOM, in one run.
//!
//! - [`sbom`] reads the SPDX tag-value SBOM and lists the release's images;
//! - [`fetch`] downloads from dl.k8s.io / sbom.k8s.io (https only, bounded);
//! - this module resolves versions, builds the URLs the release uses, verifies the detached
//!   `.sig` + `.cert` pairs Kubernetes signs its SBOM, provenance and binaries with
//!   (krel-staging, as `blob --profile kubernetes-release`), reads the provenance's subjects
//!   and judges each binary against its signature, its `.sha256` and the provenance.
//!
//! Images do not go through here: the command hands them to [`crate::check::check`], the path
//! every image takes.

pub mod fetch;
pub mod sbom;

use std::fmt::Write as _;
use std::io::Read as _;
use std::path::{Path, PathBuf};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;
use serde::Deserialize;
use sha2::Digest as _;

use self::fetch::{FetchError, Fetcher};
use self::sbom::Platform;
use crate::remote::{self, Http};
use crate::verify::blob::{self as blob, DetachedSigner, kubernetes_release_identity};
use crate::verify::sigstore::{self, Authority, Options, Subject};
use crate::verify::trust::Trust;
use crate::verify::{Verdict, VerdictCode};

/// Where Kubernetes publishes binaries, signatures and version markers.
pub const DEFAULT_DL_URL_BASE: &str = "https://dl.k8s.io";
/// Where Kubernetes publishes release SBOMs.
pub const DEFAULT_SBOM_URL_BASE: &str = "https://sbom.k8s.io";
/// The registry the release images live in.
pub const RELEASE_REGISTRY: &str = "registry.k8s.io";
/// Largest binary downloaded (kubelet and kube-apiserver are ~100 MB).
pub const BINARY_LIMIT: u64 = 2 * 1024 * 1024 * 1024;
/// Largest signature, certificate, checksum or version marker.
pub const MATERIAL_LIMIT: u64 = 1024 * 1024;
/// Largest provenance document.
pub const PROVENANCE_LIMIT: u64 = 32 * 1024 * 1024;
/// Most subjects a provenance document may list.
const MAX_SUBJECTS: usize = 100_000;

/// Why a release could not be looked at (exit 2); findings are verdicts instead.
#[derive(Debug, thiserror::Error)]
pub enum ReleaseError {
    /// Not `vX.Y.Z[-pre]` nor a marker such as `stable`.
    #[error(
        "{given:?} is not a release version: give vX.Y.Z (v1.35.0, v1.35.0-rc.1) or stable, \
         latest, stable-1.35, latest-1.35"
    )]
    BadVersion { given: String },
    /// A version marker file that does not hold a version.
    #[error("{url} does not hold a release version (found {found:?})")]
    BadMarker { url: String, found: String },
    /// The version (marker, SBOM) does not exist.
    #[error("no release {version}: {source}")]
    UnknownVersion {
        version: String,
        #[source]
        source: FetchError,
    },
    #[error(transparent)]
    Fetch(#[from] FetchError),
    /// The provenance is not an in-toto statement.
    #[error("reading provenance.json: {reason}")]
    Provenance { reason: String },
}

/// What the `VERSION` argument names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VersionArg {
    /// `v1.35.0`, `v1.35.0-rc.1`.
    Exact(String),
    /// `stable`, `latest`, `stable-1.35`, `latest-1`: resolved through
    /// `{dl}/release/<marker>.txt`.
    Marker(String),
}

fn version_re() -> &'static regex::Regex {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    RE.get_or_init(|| {
        regex::Regex::new(r"^v[0-9]{1,4}\.[0-9]{1,4}\.[0-9]{1,4}(-[0-9A-Za-z]+(\.[0-9A-Za-z]+)*)?$")
            .expect("static regex")
    })
}

fn marker_re() -> &'static regex::Regex {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    RE.get_or_init(|| {
        regex::Regex::new(r"^(stable|latest)(-[0-9]{1,4}(\.[0-9]{1,4})?)?$").expect("static regex")
    })
}

impl VersionArg {
    pub fn parse(s: &str) -> Result<Self, ReleaseError> {
        if version_re().is_match(s) {
            Ok(Self::Exact(s.to_owned()))
        } else if marker_re().is_match(s) {
            Ok(Self::Marker(s.to_owned()))
        } else {
            Err(ReleaseError::BadVersion {
                given: s.to_owned(),
            })
        }
    }
}

/// The URLs of one release.
#[derive(Debug, Clone)]
pub struct Urls {
    /// `https://dl.k8s.io`, without a trailing slash.
    pub dl: String,
    /// `https://sbom.k8s.io`, without a trailing slash.
    pub sbom: String,
}

impl Urls {
    pub fn new(dl: &str, sbom: &str) -> Self {
        Self {
            dl: dl.trim_end_matches('/').to_owned(),
            sbom: sbom.trim_end_matches('/').to_owned(),
        }
    }

    pub fn marker(&self, marker: &str) -> String {
        format!("{}/release/{marker}.txt", self.dl)
    }

    /// The SBOM document (`https://sbom.k8s.io/VERSION/release`).
    pub fn sbom(&self, version: &str) -> String {
        format!("{}/{version}/release", self.sbom)
    }

    /// The same document as dl.k8s.io publishes it, beside its `.sig` and `.cert`.
    pub fn sbom_on_dl(&self, version: &str) -> String {
        format!("{}/release/{version}/kubernetes-release.spdx", self.dl)
    }

    pub fn provenance(&self, version: &str) -> String {
        format!("{}/release/{version}/provenance.json", self.dl)
    }

    pub fn binary(&self, version: &str, platform: &Platform, name: &str) -> String {
        format!(
            "{}/release/{version}/bin/{}/{}/{name}",
            self.dl, platform.os, platform.arch
        )
    }
}

/// Resolves the `VERSION` argument: a marker is read from dl.k8s.io.
pub async fn resolve_version(
    fetcher: &Fetcher,
    urls: &Urls,
    arg: &VersionArg,
) -> Result<String, ReleaseError> {
    match arg {
        VersionArg::Exact(v) => Ok(v.clone()),
        VersionArg::Marker(m) => {
            let url = urls.marker(m);
            let body = fetcher.get(&url, 256).await.map_err(|e| {
                if e.is_not_found() {
                    ReleaseError::UnknownVersion {
                        version: m.clone(),
                        source: e,
                    }
                } else {
                    ReleaseError::Fetch(e)
                }
            })?;
            let text = String::from_utf8_lossy(&body).trim().to_owned();
            if version_re().is_match(&text) {
                Ok(text)
            } else {
                Err(ReleaseError::BadMarker {
                    url,
                    found: text.chars().take(40).collect(),
                })
            }
        }
    }
}

/// A file or an https URL (`--sbom FILE|URL`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    Url(String),
    File(PathBuf),
}

impl Location {
    /// `--sbom`'s argument: a URL when it has a scheme, a path otherwise.
    pub fn parse(s: &str) -> Self {
        if blob::is_url(s) {
            Self::Url(s.to_owned())
        } else {
            Self::File(PathBuf::from(s))
        }
    }

    /// The `.sig` / `.cert` beside it.
    #[must_use]
    pub fn with_suffix(&self, suffix: &str) -> Self {
        match self {
            Self::Url(u) => Self::Url(format!("{u}{suffix}")),
            Self::File(p) => {
                let mut s = p.clone().into_os_string();
                s.push(suffix);
                Self::File(PathBuf::from(s))
            }
        }
    }
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Url(u) => f.write_str(u),
            Self::File(p) => write!(f, "{}", p.display()),
        }
    }
}

/// The opt-in online Rekor lookup for `.sig` + `.cert` pairs (`--rekor-url`).
#[derive(Debug, Clone)]
pub struct Rekor {
    pub http: Http,
    pub url: String,
}

/// A signed document (the SBOM, the provenance) and the verdict on its signature.
#[derive(Debug)]
pub struct SignedDocument {
    pub bytes: Vec<u8>,
    /// `sha256:<hex>`.
    pub digest: String,
    pub verdict: Verdict,
}

/// The subjects a provenance statement vouches for.
#[derive(Debug, Clone, Default)]
pub struct Provenance {
    /// `(name, sha256 hex)`.
    pub subjects: Vec<(String, String)>,
}

#[derive(Deserialize)]
struct Statement {
    #[serde(rename = "_type")]
    kind: Option<String>,
    subject: Vec<StatementSubject>,
}

#[derive(Deserialize)]
struct StatementSubject {
    name: String,
    #[serde(default)]
    digest: std::collections::BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Envelope {
    payload_type: String,
    payload: String,
}

impl Provenance {
    /// Reads an in-toto statement (v0.1 or v1), bare or in a DSSE envelope.
    pub fn parse(bytes: &[u8]) -> Result<Self, ReleaseError> {
        let err = |reason: String| ReleaseError::Provenance { reason };
        let statement_bytes = match serde_json::from_slice::<Envelope>(bytes) {
            Ok(env) if env.payload_type == "application/vnd.in-toto+json" => B64
                .decode(env.payload.as_bytes())
                .map_err(|e| err(format!("the DSSE payload is not base64: {e}")))?,
            _ => bytes.to_vec(),
        };
        let statement: Statement = serde_json::from_slice(&statement_bytes)
            .map_err(|e| err(format!("not an in-toto statement: {e}")))?;
        if !statement
            .kind
            .as_deref()
            .is_some_and(|k| k.starts_with("https://in-toto.io/Statement/"))
        {
            return Err(err("its _type is not an in-toto Statement".to_owned()));
        }
        if statement.subject.len() > MAX_SUBJECTS {
            return Err(err(format!("more than {MAX_SUBJECTS} subjects")));
        }
        Ok(Self {
            subjects: statement
                .subject
                .into_iter()
                .filter_map(|s| {
                    let d = s.digest.get("sha256")?.to_ascii_lowercase();
                    Some((s.name, d))
                })
                .collect(),
        })
    }

    /// The SHA-256 the provenance lists for `bin/OS/ARCH/NAME` (a subject named so, or
    /// ending in `/bin/OS/ARCH/NAME`).
    pub fn sha256_of(&self, platform: &Platform, name: &str) -> Option<&str> {
        let path = format!("bin/{}/{}/{name}", platform.os, platform.arch);
        let suffix = format!("/{path}");
        self.subjects
            .iter()
            .find(|(n, _)| *n == path || n.ends_with(&suffix))
            .map(|(_, d)| d.as_str())
    }
}

/// The provenance as far as the binaries are concerned.
#[derive(Debug, Clone)]
pub enum ProvenanceCheck<'a> {
    /// Verified: binaries are checked against its subjects.
    Verified(&'a Provenance),
    /// It did not verify or could not be read: binaries are not checked against it (its
    /// own line fails the run).
    Unavailable,
}

/// One binary to verify.
#[derive(Debug, Clone)]
pub struct BinaryJob {
    pub name: String,
    pub platform: Platform,
    pub url: String,
}

/// What became of one binary.
#[derive(Debug)]
pub struct BinaryOutcome {
    pub job: BinaryJob,
    /// `sha256:<hex>` of the bytes downloaded.
    pub digest: Option<String>,
    pub size: u64,
    pub verdict: Verdict,
    /// Where it was kept (`--download-dir`, verified only).
    pub path: Option<PathBuf>,
}

/// Verifies release material signed by krel-staging with `.sig` + `.cert` pairs.
pub struct Checker<'a> {
    pub fetcher: &'a Fetcher,
    pub rekor: Option<&'a Rekor>,
    pub trust: &'a Trust,
    pub options: &'a Options,
}

impl Checker<'_> {
    /// The Kubernetes release signer (as `blob --profile kubernetes-release`).
    fn authority() -> Authority {
        Authority::Keyless(vec![kubernetes_release_identity()])
    }

    /// Reads a file or URL of at most `limit` bytes.
    pub async fn read(&self, location: &Location, limit: u64) -> Result<Vec<u8>, FetchError> {
        match location {
            Location::Url(u) => self.fetcher.get(u, limit).await,
            Location::File(p) => read_file(p, limit),
        }
    }

    /// Fetches a document and judges its `.sig` + `.cert` (beside `signature_base`). A
    /// document that cannot be fetched is an error; missing or broken signature material is a
    /// verdict.
    pub async fn signed_document(
        &self,
        document: &Location,
        signature_base: &Location,
        limit: u64,
    ) -> Result<SignedDocument, FetchError> {
        let bytes = self.read(document, limit).await?;
        let digest: [u8; 32] = sha2::Sha256::digest(&bytes).into();
        let verdict = self
            .judge(Subject::Bytes(&bytes), &digest, signature_base)
            .await;
        Ok(SignedDocument {
            digest: format!("sha256:{}", hex::encode(digest)),
            bytes,
            verdict,
        })
    }

    /// Judges the `.sig` + `.cert` beside `base` for an artifact with SHA-256 `digest`.
    async fn judge(&self, subject: Subject<'_>, digest: &[u8; 32], base: &Location) -> Verdict {
        let sig_at = base.with_suffix(".sig");
        let cert_at = base.with_suffix(".cert");
        let sig = match self.read(&sig_at, MATERIAL_LIMIT).await {
            Ok(b) => b,
            Err(e) => return material_verdict(&e, &sig_at, "signature"),
        };
        let cert = match self.read(&cert_at, MATERIAL_LIMIT).await {
            Ok(b) => b,
            Err(e) => return material_verdict(&e, &cert_at, "certificate"),
        };
        let signature = match blob::parse_signature(&sig, &sig_at.to_string()) {
            Ok(s) => s,
            Err(e) => return Verdict::new(VerdictCode::MalformedBundle, e.to_string()),
        };
        let certs = match blob::parse_certificates(&cert, &cert_at.to_string()) {
            Ok(c) => c,
            Err(e) => return Verdict::new(VerdictCode::MalformedBundle, e.to_string()),
        };
        let entry = match self.rekor {
            Some(r) => match remote::find_entry(&r.http, &r.url, digest, &signature).await {
                Ok(e) => e,
                Err(e) => {
                    return Verdict::new(
                        VerdictCode::Unreachable,
                        format!("looking up the signature in Rekor: {e}"),
                    );
                }
            },
            None => None,
        };
        let found = entry.is_some();
        let bundle = match blob::detached_bundle(
            &signature,
            &DetachedSigner::Certificates(&certs),
            digest,
            entry,
        ) {
            Ok(b) => b,
            Err(e) => {
                return Verdict::new(
                    VerdictCode::MalformedBundle,
                    format!("building a bundle from {sig_at}: {e}"),
                );
            }
        };
        let mut verdict = sigstore::verify_bundle(
            subject,
            &bundle,
            &Self::authority(),
            self.options,
            self.trust,
        );
        if verdict.code == VerdictCode::TlogMissing && !found {
            verdict.detail = match self.rekor {
                Some(r) => format!(
                    "{} has no entry for this signature over sha256:{}",
                    r.url,
                    hex::encode(digest)
                ),
                None => blob::DETACHED_TLOG_HINT.to_owned(),
            };
        }
        verdict
    }

    /// Downloads one binary (streamed: hashed, and with `download_dir` written to a hidden
    /// temporary file), and judges it: its signature, its published `.sha256`, and the
    /// provenance's subject for it. Kept under `download_dir/OS/ARCH/NAME` only when all
    /// three hold. Only local file errors are errors.
    pub async fn binary(
        &self,
        job: BinaryJob,
        provenance: &ProvenanceCheck<'_>,
        download_dir: Option<&Path>,
        progress: &dyn Fn(u64, Option<u64>),
    ) -> Result<BinaryOutcome, FetchError> {
        let keep_dir = match download_dir {
            Some(d) => {
                let dir = d.join(&job.platform.os).join(&job.platform.arch);
                std::fs::create_dir_all(&dir).map_err(|source| FetchError::Io {
                    what: "creating",
                    path: dir.clone(),
                    source,
                })?;
                Some(dir)
            }
            None => None,
        };
        let streamed = match self
            .fetcher
            .stream(&job.url, BINARY_LIMIT, keep_dir.as_deref(), progress)
            .await
        {
            Ok(s) => s,
            Err(e @ FetchError::Io { .. }) => return Err(e),
            Err(e) => {
                let verdict = Verdict::new(VerdictCode::Unreachable, error_line(&e));
                return Ok(BinaryOutcome {
                    job,
                    digest: None,
                    size: 0,
                    verdict,
                    path: None,
                });
            }
        };
        let digest = streamed.sha256;
        let digest_hex = hex::encode(digest);
        let base = Location::Url(job.url.clone());
        let signature = self.judge(Subject::Sha256(digest), &digest, &base).await;

        let mut problems: Vec<(VerdictCode, String)> = Vec::new();
        if !signature.code.is_verified() {
            problems.push((signature.code, signature.detail.clone()));
        }
        let sha_url = format!("{}.sha256", job.url);
        match self.fetcher.get(&sha_url, MATERIAL_LIMIT).await {
            Ok(body) => match parse_sha256_file(&body) {
                Some(published) if published == digest_hex => {}
                Some(published) => problems.push((
                    VerdictCode::DigestMismatch,
                    format!(
                        "the bytes have sha256:{digest_hex}, {}.sha256 says sha256:{published}",
                        job.name
                    ),
                )),
                None => problems.push((
                    VerdictCode::MalformedBundle,
                    format!("{sha_url} does not hold a SHA-256"),
                )),
            },
            Err(e) => problems.push((
                VerdictCode::Unreachable,
                format!("reading {}.sha256: {}", job.name, error_line(&e)),
            )),
        }
        let mut notes = Vec::new();
        match provenance {
            ProvenanceCheck::Verified(p) => match p.sha256_of(&job.platform, &job.name) {
                Some(listed) if listed == digest_hex => {}
                Some(listed) => problems.push((
                    VerdictCode::DigestMismatch,
                    format!(
                        "provenance.json lists sha256:{listed} for bin/{}/{}/{}",
                        job.platform.os, job.platform.arch, job.name
                    ),
                )),
                None => problems.push((
                    VerdictCode::DigestMismatch,
                    format!(
                        "provenance.json does not list bin/{}/{}/{}",
                        job.platform.os, job.platform.arch, job.name
                    ),
                )),
            },
            ProvenanceCheck::Unavailable => {
                notes.push("not checked against provenance.json (it did not verify)".to_owned());
            }
        }
        let verdict = match problems.first() {
            None => {
                let mut v = signature;
                for n in notes {
                    if !v.detail.is_empty() {
                        v.detail.push_str("; ");
                    }
                    v.detail.push_str(&n);
                }
                v
            }
            Some((code, _)) => Verdict {
                code: *code,
                detail: problems
                    .iter()
                    .map(|(_, d)| d.as_str())
                    .chain(notes.iter().map(String::as_str))
                    .filter(|d| !d.is_empty())
                    .collect::<Vec<_>>()
                    .join("; "),
                signer: signature.signer,
                tlog: signature.tlog,
            },
        };
        let size = streamed.size;
        let path = match download_dir {
            Some(d) if verdict.code.is_verified() => {
                let path = d
                    .join(&job.platform.os)
                    .join(&job.platform.arch)
                    .join(&job.name);
                Some(streamed.keep(&path)?)
            }
            _ => None,
        };
        Ok(BinaryOutcome {
            job,
            digest: Some(format!("sha256:{digest_hex}")),
            size,
            verdict,
            path,
        })
    }
}

/// A `.sig` / `.cert` that could not be read: `unsigned` when it does not exist.
fn material_verdict(e: &FetchError, at: &Location, what: &str) -> Verdict {
    if e.is_not_found()
        || matches!(e, FetchError::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound)
    {
        Verdict::new(
            VerdictCode::Unsigned,
            format!("no {what} at {at} (it was never signed, or not yet)"),
        )
    } else {
        Verdict::new(
            VerdictCode::Unreachable,
            format!("reading the {what}: {}", error_line(e)),
        )
    }
}

/// An error and its causes on one line.
pub fn error_line(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        let _ = write!(text, ": {s}");
        source = s.source();
    }
    text
}

/// The SHA-256 a `.sha256` file holds (`<hex>` or `<hex>  NAME`), lowercased.
pub fn parse_sha256_file(bytes: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(bytes).ok()?;
    let first = text.split_whitespace().next()?;
    (first.len() == 64 && first.bytes().all(|b| b.is_ascii_hexdigit()))
        .then(|| first.to_ascii_lowercase())
}

/// Reads a local file of at most `limit` bytes.
fn read_file(path: &Path, limit: u64) -> Result<Vec<u8>, FetchError> {
    let io = |source| FetchError::Io {
        what: "reading",
        path: path.to_owned(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let mut bytes = Vec::new();
    file.take(limit + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(FetchError::TooLarge {
            url: path.display().to_string(),
            limit,
        });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_and_markers() {
        for (s, want) in [
            ("v1.35.0", Some(VersionArg::Exact("v1.35.0".into()))),
            (
                "v1.35.0-rc.1",
                Some(VersionArg::Exact("v1.35.0-rc.1".into())),
            ),
            (
                "v1.36.0-alpha.0",
                Some(VersionArg::Exact("v1.36.0-alpha.0".into())),
            ),
            ("stable", Some(VersionArg::Marker("stable".into()))),
            (
                "latest-1.35",
                Some(VersionArg::Marker("latest-1.35".into())),
            ),
            ("stable-1", Some(VersionArg::Marker("stable-1".into()))),
            ("1.35.0", None),
            ("v1.35", None),
            ("v1.35.0/../../x", None),
            ("stable/../x", None),
            ("v1.35.0-", None),
            ("", None),
        ] {
            assert_eq!(VersionArg::parse(s).ok(), want, "{s}");
        }
    }

    #[test]
    fn urls_follow_the_release_layout() {
        let urls = Urls::new("https://dl.k8s.io/", "https://sbom.k8s.io");
        let p = Platform::parse("linux/amd64").expect("platform");
        assert_eq!(
            urls.marker("stable-1.35"),
            "https://dl.k8s.io/release/stable-1.35.txt"
        );
        assert_eq!(urls.sbom("v1.35.0"), "https://sbom.k8s.io/v1.35.0/release");
        assert_eq!(
            urls.sbom_on_dl("v1.35.0"),
            "https://dl.k8s.io/release/v1.35.0/kubernetes-release.spdx"
        );
        assert_eq!(
            urls.binary("v1.35.0", &p, "kubectl"),
            "https://dl.k8s.io/release/v1.35.0/bin/linux/amd64/kubectl"
        );
        assert_eq!(
            Location::parse("/tmp/sbom.spdx").with_suffix(".sig"),
            Location::File("/tmp/sbom.spdx.sig".into())
        );
    }

    #[test]
    fn sha256_files() {
        let hex = "AB".repeat(32);
        assert_eq!(parse_sha256_file(hex.as_bytes()), Some("ab".repeat(32)));
        assert_eq!(
            parse_sha256_file(format!("{hex}  kubectl\n").as_bytes()),
            Some("ab".repeat(32))
        );
        assert_eq!(parse_sha256_file(b"abc"), None);
        assert_eq!(parse_sha256_file(b""), None);
    }

    #[test]
    fn provenance_subjects_bare_or_enveloped() {
        let statement = serde_json::json!({
            "_type": "https://in-toto.io/Statement/v0.1",
            "predicateType": "https://slsa.dev/provenance/v0.2",
            "subject": [
                { "name": "bin/linux/amd64/kubectl", "digest": { "sha256": "AA" } },
                { "name": "kubernetes-release/release/v1.35.0/bin/linux/arm64/kubectl",
                  "digest": { "sha256": "bb" } },
                { "name": "no-sha256", "digest": { "sha512": "cc" } }
            ],
            "predicate": {}
        });
        let linux = |arch: &str| Platform::parse(&format!("linux/{arch}")).expect("platform");
        for bytes in [
            serde_json::to_vec(&statement).expect("json"),
            serde_json::to_vec(&serde_json::json!({
                "payloadType": "application/vnd.in-toto+json",
                "payload": B64.encode(serde_json::to_vec(&statement).expect("json")),
                "signatures": []
            }))
            .expect("json"),
        ] {
            let p = Provenance::parse(&bytes).expect("parses");
            assert_eq!(p.sha256_of(&linux("amd64"), "kubectl"), Some("aa"));
            assert_eq!(p.sha256_of(&linux("arm64"), "kubectl"), Some("bb"));
            assert_eq!(p.sha256_of(&linux("s390x"), "kubectl"), None);
            assert_eq!(p.sha256_of(&linux("amd64"), "ctl"), None);
        }
        assert!(Provenance::parse(b"{}").is_err());
        assert!(Provenance::parse(br#"{"_type": "x", "subject": []}"#).is_err());
    }
}
