//! Trust root freshness: `kubectl verify trust update` fetches the current Sigstore
//! `trusted_root.json` through TUF into the cache, and every verifying command picks the root
//! it trusts here ([`select`]).
//!
//! Verification itself stays offline: only `trust update` goes to the network, and what it
//! brings back is trusted because TUF verified it (signature thresholds from the embedded — or
//! `--tuf-root` — TUF root through every root rotation, expiry of each role, rollback floors kept
//! across runs, the target's length and hash pinned by the signed targets metadata), not because
//! of where it came from. The root is committed to the cache only once all of that succeeded,
//! so a refused update leaves the previous root in use.
//!
//! Which root a run trusts: `--trusted-root FILE`, else the updated root in the cache when it
//! reads back intact, else the embedded one. A cache that cannot be read is ignored with a
//! warning; there is always a root.
//!
//! The cache (`KUBECTL_VERIFY_CACHE_DIR`, default `dirs::cache_dir()/kubectl-verify`) keeps trust
//! material under `trust/`:
//!
//! ```text
//! trust/current.json            which root is in use and how it was obtained (Provenance)
//! trust/roots/<sha256>.json     the trusted_root.json bytes TUF verified, named by their hash
//! trust/tuf/<url>/              the TUF client's verified metadata (root history, version floors)
//! ```
//!
//! `current.json` is replaced atomically after its root file is in place, so a reader sees the
//! old pair or the new one; the root file it names is checked against its hash on every read.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use sigstore_trust_root::SigstoreInstance;
use sigstore_tuf::{FileStore, HttpRepository, Metadata, Root, Updater, UpdaterConfig};

use crate::fsutil::{self, WriteError};
use crate::verify::trust::{EMBEDDED_ROOT, Trust, TrustError};

/// Overrides the cache directory (`dirs::cache_dir()/kubectl-verify` otherwise).
pub const CACHE_DIR_ENV: &str = "KUBECTL_VERIFY_CACHE_DIR";
/// The TUF target that is the Sigstore trusted root.
const TARGET: &str = sigstore_trust_root::tuf::TRUSTED_ROOT_TARGET;
/// The record of the root in use, inside the trust directory.
const RECORD: &str = "current.json";
/// Where verified root files live, inside the trust directory.
const ROOTS: &str = "roots";
/// A trusted root is tens of kilobytes; TUF pins its length, and this caps what a targets
/// role may pin.
const TARGET_LIMIT: u64 = 8 * 1024 * 1024;
/// Root files neither the new nor the previous record names are removed once this old.
const PRUNE_AFTER: Duration = Duration::from_secs(600);
/// The version of the [`Provenance`] record's layout.
const RECORD_VERSION: u32 = 1;

/// The production TUF repository, the default of `trust update --tuf-url`.
pub fn production_tuf_url() -> &'static str {
    SigstoreInstance::PublicGood.tuf_url()
}

/// The kubectl-verify cache directory: `KUBECTL_VERIFY_CACHE_DIR`, else the platform cache
/// directory (`$XDG_CACHE_HOME` or `~/.cache` on Linux) + `kubectl-verify`.
pub fn cache_dir() -> Option<PathBuf> {
    match std::env::var_os(CACHE_DIR_ENV) {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => dirs::cache_dir().map(|d| d.join("kubectl-verify")),
    }
}

/// The trust material's part of the cache.
pub fn trust_dir() -> Option<PathBuf> {
    cache_dir().map(|d| d.join("trust"))
}

/// Why the cached root could not be used or written.
#[derive(Debug, thiserror::Error)]
pub enum CacheError {
    /// No cache directory could be determined.
    #[error("no cache directory: set {CACHE_DIR_ENV} (or HOME)")]
    NoDir,
    /// A cache file could not be read.
    #[error("reading {path}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A cache file is not what kubectl-verify wrote.
    #[error("{path} is corrupt: {message}")]
    Corrupt { path: PathBuf, message: String },
    /// The cached root file reads back but is not a usable trusted root.
    #[error("cached trusted root {path}")]
    Root {
        path: PathBuf,
        #[source]
        source: TrustError,
    },
    /// The cached root came from the production repository under an older TUF root than the
    /// one this binary embeds: this build's root is the newer one.
    #[error(
        "{path} was fetched under TUF root v{cached}, older than this build's embedded v{embedded}"
    )]
    OlderThanEmbedded {
        path: PathBuf,
        cached: u64,
        embedded: u64,
    },
    /// A cache directory could not be created.
    #[error("creating {path}")]
    CreateDir {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A cache file could not be written.
    #[error("writing the trust cache")]
    Write(#[source] WriteError),
}

/// Why `trust update` refused or failed. The root in use is unchanged in every case.
#[derive(Debug, thiserror::Error)]
pub enum UpdateError {
    /// The TUF root to start from does not load (not TUF root metadata, or not signed by its
    /// own threshold of keys).
    #[error("TUF root {origin} is not a valid TUF root")]
    Bootstrap {
        origin: String,
        #[source]
        source: sigstore_tuf::Error,
    },
    /// The HTTP client or the repository URL could not be set up.
    #[error("setting up the TUF client for {url}: {message}")]
    Client { url: String, message: String },
    /// TUF refused the repository's metadata (bad signature, expired, rollback, wrong
    /// length or hash) or could not fetch it.
    #[error("refreshing TUF metadata from {url}")]
    Refresh {
        url: String,
        #[source]
        source: sigstore_tuf::Error,
    },
    /// The trusted root target could not be fetched or does not match what the signed
    /// targets metadata pins.
    #[error("fetching {TARGET} from {url}")]
    Target {
        url: String,
        #[source]
        source: sigstore_tuf::Error,
    },
    /// The target verified through TUF but is not a trusted root this program can use.
    #[error("{TARGET} from {url} verified through TUF but is not a usable trusted root")]
    Unusable {
        url: String,
        #[source]
        source: TrustError,
    },
    /// The verified root could not be committed to the cache.
    #[error(transparent)]
    Cache(#[from] CacheError),
}

/// How an updated root was obtained: what `current.json` records, `trust info` prints and
/// reports name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Provenance {
    /// Layout version of this record.
    pub record_version: u32,
    /// The TUF repository URL.
    pub source: String,
    /// The TUF root trust started from: the embedded production root, or a `--tuf-root` path.
    pub bootstrap: String,
    /// When the update finished.
    pub fetched: jiff::Timestamp,
    /// The TUF root version reached through the repository's root rotations.
    pub tuf_root_version: u64,
    /// The timestamp, snapshot and targets versions the target was verified with.
    pub timestamp_version: u64,
    pub snapshot_version: u64,
    pub targets_version: u64,
    /// The earliest expiry of the TUF metadata (root, timestamp, snapshot, targets): after it,
    /// TUF no longer vouches that this is the current root (`trust update` again).
    pub expires: jiff::Timestamp,
    /// Hex SHA-256 of the trusted root bytes (names the file under `roots/`).
    pub sha256: String,
}

impl Provenance {
    /// One line naming this root, for reports and `-v`: where, when, which TUF versions.
    pub fn describe(&self) -> String {
        format!(
            "Sigstore trusted root updated from {} on {} (TUF root v{}, targets v{})",
            self.source,
            rfc3339_seconds(self.fetched),
            self.tuf_root_version,
            self.targets_version
        )
    }

    /// Whether TUF's vouching for this root has lapsed at `now`.
    pub fn is_expired(&self, now: jiff::Timestamp) -> bool {
        self.expires <= now
    }
}

/// A timestamp to the second, as reports print them.
pub fn rfc3339_seconds(t: jiff::Timestamp) -> String {
    t.round(jiff::Unit::Second)
        .map_or_else(|_| t.to_string(), |t| t.to_string())
}

/// The root read back from the cache.
#[derive(Debug)]
pub struct Updated {
    pub provenance: Provenance,
    /// The root file.
    pub path: PathBuf,
    pub trust: Trust,
}

/// Reads the updated root recorded in `dir` (a trust directory): `None` when there is none,
/// an error when what is there is unreadable, inconsistent or unusable.
pub fn load_updated(dir: &Path) -> Result<Option<Updated>, CacheError> {
    let record = dir.join(RECORD);
    let bytes = match std::fs::read(&record) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => {
            return Err(CacheError::Read {
                path: record,
                source,
            });
        }
    };
    let corrupt = |message: String| CacheError::Corrupt {
        path: record.clone(),
        message,
    };
    let provenance: Provenance =
        serde_json::from_slice(&bytes).map_err(|e| corrupt(e.to_string()))?;
    if provenance.record_version != RECORD_VERSION {
        return Err(corrupt(format!(
            "record version {} is not {RECORD_VERSION} (written by another kubectl-verify?)",
            provenance.record_version
        )));
    }
    // The hash names the file: checked to be a hash before it becomes part of a path.
    if provenance.sha256.len() != 64
        || !provenance
            .sha256
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    {
        return Err(corrupt(format!(
            "sha256 {:?} is not a hex SHA-256",
            provenance.sha256
        )));
    }
    let path = root_path(dir, &provenance.sha256);
    let json = std::fs::read(&path).map_err(|source| CacheError::Read {
        path: path.clone(),
        source,
    })?;
    let actual = sha256_hex(&json);
    if actual != provenance.sha256 {
        return Err(CacheError::Corrupt {
            path,
            message: format!(
                "its SHA-256 is {actual}, not the {} recorded in {}",
                provenance.sha256,
                record.display()
            ),
        });
    }
    let text = String::from_utf8(json).map_err(|e| CacheError::Corrupt {
        path: path.clone(),
        message: e.to_string(),
    })?;
    let trust =
        Trust::from_json(&text, &provenance.describe()).map_err(|source| CacheError::Root {
            path: path.clone(),
            source,
        })?;
    Ok(Some(Updated {
        provenance,
        path,
        trust,
    }))
}

/// Where a run's trusted root came from.
#[derive(Debug)]
pub enum Source {
    /// `--trusted-root FILE`.
    Explicit(PathBuf),
    /// The root `trust update` fetched.
    Updated {
        provenance: Provenance,
        path: PathBuf,
    },
    /// The root compiled into the binary.
    Embedded,
}

/// The root a run trusts, and why.
#[derive(Debug)]
pub struct Selected {
    pub trust: Trust,
    pub source: Source,
    /// The cached root that was ignored, and why (the embedded one is used instead).
    pub ignored: Option<CacheError>,
}

/// Picks the root a run trusts: `explicit` (`--trusted-root`), else the updated root in
/// `dir` if it reads back intact, else the embedded one. Only an unreadable `explicit` file or
/// a broken embedded root is an error: a bad cache falls back to the embedded root.
pub fn select(explicit: Option<&Path>, dir: Option<&Path>) -> Result<Selected, TrustError> {
    if let Some(path) = explicit {
        return Ok(Selected {
            trust: Trust::from_file(path)?,
            source: Source::Explicit(path.to_owned()),
            ignored: None,
        });
    }
    let ignored = match dir.map(load_updated) {
        // After an upgrade of kubectl-verify past a root rotation, an old cached production root
        // must not shadow the newer one the binary embeds.
        Some(Ok(Some(updated))) if is_older_than_embedded(&updated.provenance) => {
            Some(CacheError::OlderThanEmbedded {
                path: updated.path,
                cached: updated.provenance.tuf_root_version,
                embedded: embedded_tuf_root().map_or(0, |(v, _)| v),
            })
        }
        Some(Ok(Some(updated))) => {
            return Ok(Selected {
                trust: updated.trust,
                source: Source::Updated {
                    provenance: updated.provenance,
                    path: updated.path,
                },
                ignored: None,
            });
        }
        Some(Ok(None)) | None => None,
        Some(Err(e)) => Some(e),
    };
    Ok(Selected {
        trust: Trust::embedded()?,
        source: Source::Embedded,
        ignored,
    })
}

/// Whether a root `trust update` fetched from the production repository was reached under
/// an older TUF root version than the embedded one (a private repository's versions are not
/// comparable, and an equal version cannot tell which is newer: the cache is kept then).
fn is_older_than_embedded(p: &Provenance) -> bool {
    p.source.trim_end_matches('/') == production_tuf_url().trim_end_matches('/')
        && embedded_tuf_root().is_ok_and(|(embedded, _)| p.tuf_root_version < embedded)
}

/// The embedded production TUF root's version and expiry (what `trust update` starts from,
/// and the TUF root the embedded trusted root was published under).
pub fn embedded_tuf_root() -> Result<(u64, jiff::Timestamp), sigstore_tuf::Error> {
    let root = Metadata::<Root>::from_slice(SigstoreInstance::PublicGood.tuf_root())?;
    Ok((root.signed().version, root.signed().expires))
}

/// The TUF root trust starts from.
#[derive(Debug, Clone)]
pub enum Bootstrap {
    /// The production root compiled into the binary (from `sigstore-trust-root`).
    Embedded,
    /// A `root.json` given with `--tuf-root`, for a private or test repository.
    File { path: PathBuf, json: Vec<u8> },
}

impl Bootstrap {
    fn bytes(&self) -> &[u8] {
        match self {
            Bootstrap::Embedded => SigstoreInstance::PublicGood.tuf_root(),
            Bootstrap::File { json, .. } => json,
        }
    }

    fn describe(&self) -> String {
        match self {
            Bootstrap::Embedded => format!("embedded ({EMBEDDED_ROOT})"),
            Bootstrap::File { path, .. } => path.display().to_string(),
        }
    }
}

/// What `trust update` needs.
#[derive(Debug, Clone)]
pub struct UpdateOptions {
    /// The TUF repository (metadata at `URL/`, targets at `URL/targets/`); https only.
    pub url: String,
    pub bootstrap: Bootstrap,
    /// `--tuf-ca` certificates (PEM) trusted beside the system roots.
    pub extra_ca_pem: Vec<Vec<u8>>,
    /// Per request.
    pub timeout: Duration,
    /// The trust directory ([`trust_dir`]).
    pub dir: PathBuf,
}

/// What `trust update` did.
#[derive(Debug)]
pub struct UpdateOutcome {
    pub provenance: Provenance,
    /// The root file now in use.
    pub path: PathBuf,
    /// The root in use before, if one had been updated.
    pub previous: Option<Provenance>,
}

impl UpdateOutcome {
    /// Whether the trusted root's bytes changed (the TUF versions may move without it).
    pub fn root_changed(&self) -> bool {
        self.previous
            .as_ref()
            .is_none_or(|p| p.sha256 != self.provenance.sha256)
    }
}

/// Runs the TUF client workflow against `options.url` from the bootstrap root, verifies the
/// `trusted_root.json` target, checks that it is a usable trusted root, and only then makes it
/// the root in use. Any failure leaves the cache's root in use as it was.
pub async fn update(options: &UpdateOptions) -> Result<UpdateOutcome, UpdateError> {
    let url = options.url.trim_end_matches('/').to_owned();
    let client = http_client(&url, &options.extra_ca_pem, options.timeout)?;
    let repo = HttpRepository::new(&url)
        .map_err(|e| UpdateError::Client {
            url: url.clone(),
            message: e.to_string(),
        })?
        .with_http_client(client);
    let mut config = UpdaterConfig::default();
    config.target_max_length = TARGET_LIMIT;
    let tuf_dir = options.dir.join("tuf").join(url_dirname(&url));
    create_dir(&tuf_dir)?;
    let mut updater = Updater::new(repo, options.bootstrap.bytes())
        .map_err(|source| UpdateError::Bootstrap {
            origin: options.bootstrap.describe(),
            source,
        })?
        .with_config(config)
        // Write-through of verified metadata only: the next run re-verifies it from the
        // bootstrap root, and its versions are the floors that stop a rollback.
        .with_store(FileStore::new(&tuf_dir));
    let now = jiff::Timestamp::now();
    updater
        .refresh(now)
        .await
        .map_err(|source| UpdateError::Refresh {
            url: url.clone(),
            source,
        })?;
    let json = updater
        .get_target(TARGET, now)
        .await
        .map_err(|source| UpdateError::Target {
            url: url.clone(),
            source,
        })?;
    let text = String::from_utf8(json).map_err(|e| UpdateError::Unusable {
        url: url.clone(),
        source: TrustError::Parse {
            origin: TARGET.to_owned(),
            message: e.to_string(),
        },
    })?;
    // A root that verifies through TUF but that this program cannot use must not replace
    // one it can.
    Trust::from_json(&text, TARGET).map_err(|source| UpdateError::Unusable {
        url: url.clone(),
        source,
    })?;

    let trusted = updater.trusted();
    let root = trusted.root();
    let mut expires = root.expires;
    let mut version = |v: Option<(u64, jiff::Timestamp)>| {
        v.map_or(0, |(version, e)| {
            expires = expires.min(e);
            version
        })
    };
    let timestamp_version = version(trusted.timestamp().map(|t| (t.version, t.expires)));
    let snapshot_version = version(trusted.snapshot().map(|s| (s.version, s.expires)));
    let targets_version = version(
        trusted
            .targets_role("targets")
            .map(|t| (t.version, t.expires)),
    );
    let provenance = Provenance {
        record_version: RECORD_VERSION,
        source: url,
        bootstrap: options.bootstrap.describe(),
        fetched: jiff::Timestamp::now(),
        tuf_root_version: root.version,
        timestamp_version,
        snapshot_version,
        targets_version,
        expires,
        sha256: sha256_hex(text.as_bytes()),
    };
    let previous = load_updated(&options.dir)
        .ok()
        .flatten()
        .map(|u| u.provenance);
    let path = commit(
        &options.dir,
        text.as_bytes(),
        &provenance,
        previous.as_ref(),
    )?;
    Ok(UpdateOutcome {
        provenance,
        path,
        previous,
    })
}

/// Makes `json` the root in use: its file first, then the record naming it, each atomically;
/// then removes old root files neither record names (the previous one is kept for a reader
/// that read the old record a moment ago).
fn commit(
    dir: &Path,
    json: &[u8],
    provenance: &Provenance,
    previous: Option<&Provenance>,
) -> Result<PathBuf, CacheError> {
    let roots = dir.join(ROOTS);
    create_dir(&roots)?;
    let path = root_path(dir, &provenance.sha256);
    fsutil::create_atomic(&path, json).map_err(CacheError::Write)?;
    let record = serde_json::to_vec_pretty(provenance).map_err(|e| CacheError::Corrupt {
        path: dir.join(RECORD),
        message: e.to_string(),
    })?;
    fsutil::create_atomic(&dir.join(RECORD), &record).map_err(CacheError::Write)?;
    let keep: Vec<String> = [Some(provenance), previous]
        .into_iter()
        .flatten()
        .map(|p| format!("{}.json", p.sha256))
        .collect();
    let now = std::time::SystemTime::now();
    fsutil::remove_stale_temps(dir, now);
    fsutil::remove_stale_temps(&roots, now);
    if let Ok(entries) = std::fs::read_dir(&roots) {
        for entry in entries.filter_map(Result::ok) {
            let name = entry.file_name().to_string_lossy().into_owned();
            // Only names this function writes: 64 hex digits + `.json`.
            let ours = name
                .strip_suffix(".json")
                .is_some_and(|h| h.len() == 64 && h.bytes().all(|b| b.is_ascii_hexdigit()));
            // A young file may be the root a concurrent update has written and not yet
            // recorded: it is left for a later update to remove.
            let old = entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|m| now.duration_since(m).ok())
                .is_some_and(|age| age >= PRUNE_AFTER);
            if ours && old && !keep.contains(&name) {
                // Best effort: a leftover old root is never read (the record names the file).
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
    Ok(path)
}

fn root_path(dir: &Path, sha256: &str) -> PathBuf {
    dir.join(ROOTS).join(format!("{sha256}.json"))
}

fn create_dir(path: &Path) -> Result<(), CacheError> {
    std::fs::create_dir_all(path).map_err(|source| CacheError::CreateDir {
        path: path.to_owned(),
        source,
    })
}

fn sha256_hex(bytes: &[u8]) -> String {
    sigstore_verify::crypto::sha256(bytes).to_hex()
}

/// A directory name for a repository URL: readable, and distinct for distinct URLs
/// (percent-encoding of everything but `[A-Za-z0-9._-]`).
fn url_dirname(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for b in url.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// https only, redirects that stay on https, a timeout per request (TUF's defence against a
/// mirror that stalls), and `--tuf-ca` roots beside the system's.
fn http_client(
    url: &str,
    extra_ca_pem: &[Vec<u8>],
    timeout: Duration,
) -> Result<reqwest::Client, UpdateError> {
    let config = |message: String| UpdateError::Client {
        url: url.to_owned(),
        message,
    };
    let parsed = reqwest::Url::parse(url).map_err(|e| config(format!("not a URL: {e}")))?;
    if parsed.scheme() != "https" {
        return Err(config(
            "only https repositories are fetched (TUF metadata is signed, but a plain-http \
             mirror also leaks what is asked for and invites a downgrade)"
                .to_owned(),
        ));
    }
    let mut certs = Vec::new();
    for (i, pem) in extra_ca_pem.iter().enumerate() {
        let bundle = reqwest::Certificate::from_pem_bundle(pem)
            .map_err(|e| config(format!("CA certificate #{}: not PEM: {e}", i + 1)))?;
        if bundle.is_empty() {
            return Err(config(format!(
                "CA certificate #{}: no PEM certificate in it",
                i + 1
            )));
        }
        certs.extend(bundle);
    }
    reqwest::Client::builder()
        .user_agent(concat!("kubectl-verify/", env!("CARGO_PKG_VERSION")))
        .connect_timeout(timeout)
        .timeout(timeout)
        .https_only(true)
        .redirect(crate::registry::redirect_policy(false))
        .tls_certs_merge(certs)
        .build()
        .map_err(|e| config(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn provenance(sha256: &str) -> Provenance {
        Provenance {
            record_version: RECORD_VERSION,
            source: "https://tuf.example".to_owned(),
            bootstrap: "root.json".to_owned(),
            fetched: "2026-01-02T03:04:05.678Z".parse().expect("time"),
            tuf_root_version: 3,
            timestamp_version: 7,
            snapshot_version: 6,
            targets_version: 5,
            expires: "2026-01-09T00:00:00Z".parse().expect("time"),
            sha256: sha256.to_owned(),
        }
    }

    #[test]
    fn the_embedded_root_is_used_without_a_cache() {
        let dir = tempfile::tempdir().expect("tempdir");
        let selected = select(None, Some(dir.path())).expect("select");
        assert!(matches!(selected.source, Source::Embedded));
        assert!(selected.ignored.is_none());
        assert_eq!(selected.trust.origin(), EMBEDDED_ROOT);
        let selected = select(None, None).expect("select");
        assert!(matches!(selected.source, Source::Embedded));
    }

    #[test]
    fn a_committed_root_reads_back_and_wins_over_the_embedded_one() {
        let dir = tempfile::tempdir().expect("tempdir");
        let json = sigstore_verify::trust_root::SIGSTORE_PRODUCTION_TRUSTED_ROOT;
        let p = provenance(&sha256_hex(json.as_bytes()));
        commit(dir.path(), json.as_bytes(), &p, None).expect("commit");
        let selected = select(None, Some(dir.path())).expect("select");
        match &selected.source {
            Source::Updated { provenance, .. } => assert_eq!(provenance, &p),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            selected.trust.origin(),
            "Sigstore trusted root updated from https://tuf.example on 2026-01-02T03:04:06Z \
             (TUF root v3, targets v5)"
        );
        // --trusted-root beats the cache.
        let explicit = dir.path().join("explicit.json");
        std::fs::write(&explicit, json).expect("write");
        let selected = select(Some(&explicit), Some(dir.path())).expect("select");
        assert!(matches!(selected.source, Source::Explicit(_)));
    }

    /// A root fetched from the production repository under an older TUF root than this build
    /// embeds (kubectl-verify upgraded past a rotation) yields to the embedded one, saying why;
    /// the same version, or a private repository's, is kept.
    #[test]
    fn an_older_production_root_yields_to_the_embedded_one() {
        let json = sigstore_verify::trust_root::SIGSTORE_PRODUCTION_TRUSTED_ROOT;
        let (embedded, _) = embedded_tuf_root().expect("embedded");
        for (source, version, kept) in [
            (production_tuf_url(), embedded - 1, false),
            (production_tuf_url(), embedded, true),
            ("https://tuf.example", 1, true),
        ] {
            let dir = tempfile::tempdir().expect("tempdir");
            let mut p = provenance(&sha256_hex(json.as_bytes()));
            p.source = source.to_owned();
            p.tuf_root_version = version;
            commit(dir.path(), json.as_bytes(), &p, None).expect("commit");
            let selected = select(None, Some(dir.path())).expect("select");
            assert_eq!(
                matches!(selected.source, Source::Updated { .. }),
                kept,
                "{source} v{version}"
            );
            if !kept {
                assert!(matches!(selected.source, Source::Embedded));
                let why = selected.ignored.expect("a reason").to_string();
                assert!(why.contains("older than this build's embedded"), "{why}");
            }
        }
    }

    /// A cache that is damaged in any way falls back to the embedded root, saying why; it is
    /// never "no root".
    #[test]
    fn a_damaged_cache_is_ignored_with_the_reason() {
        type Damage<'a> = &'a dyn Fn(&Path);
        let json = sigstore_verify::trust_root::SIGSTORE_PRODUCTION_TRUSTED_ROOT;
        let sha = sha256_hex(json.as_bytes());
        let cases: &[(&str, Damage<'_>, &str)] = &[
            (
                "record not JSON",
                &|d| std::fs::write(d.join(RECORD), "{").expect("w"),
                "current.json is corrupt",
            ),
            (
                "hash is a path",
                &|d| {
                    let mut p = provenance("../../etc/passwd");
                    p.sha256 = "../../etc/passwd".to_owned();
                    std::fs::write(d.join(RECORD), serde_json::to_vec(&p).expect("j")).expect("w");
                },
                "is not a hex SHA-256",
            ),
            (
                "root file missing",
                &|d| {
                    std::fs::remove_file(root_path(d, &sha)).expect("rm");
                },
                "reading",
            ),
            (
                "root file edited",
                &|d| std::fs::write(root_path(d, &sha), "{}").expect("w"),
                "its SHA-256 is",
            ),
            (
                "root file not a root",
                &|d| {
                    std::fs::write(root_path(d, &sha256_hex(b"{}")), "{}").expect("w");
                    let p = provenance(&sha256_hex(b"{}"));
                    std::fs::write(d.join(RECORD), serde_json::to_vec(&p).expect("j")).expect("w");
                },
                "cached trusted root",
            ),
        ];
        for (name, damage, want) in cases {
            let dir = tempfile::tempdir().expect("tempdir");
            commit(dir.path(), json.as_bytes(), &provenance(&sha), None).expect("commit");
            damage(dir.path());
            let selected = select(None, Some(dir.path())).expect(name);
            assert!(matches!(selected.source, Source::Embedded), "{name}");
            let why = format!("{:#}", anyhow::Error::from(selected.ignored.expect(name)));
            assert!(why.contains(want), "{name}: {why}");
        }
    }

    #[test]
    fn commits_keep_the_current_and_previous_root_only() {
        let dir = tempfile::tempdir().expect("tempdir");
        let json = sigstore_verify::trust_root::SIGSTORE_PRODUCTION_TRUSTED_ROOT;
        let variants: Vec<String> = (0..3).map(|i| format!("{json}{}", " ".repeat(i))).collect();
        let mut previous: Option<Provenance> = None;
        let long_ago = std::time::SystemTime::now() - 2 * PRUNE_AFTER;
        for v in &variants {
            let p = provenance(&sha256_hex(v.as_bytes()));
            commit(dir.path(), v.as_bytes(), &p, previous.as_ref()).expect("commit");
            let file = std::fs::File::options()
                .append(true)
                .open(root_path(dir.path(), &p.sha256))
                .expect("open");
            file.set_modified(long_ago).expect("age the file");
            previous = Some(p);
        }
        let mut names: Vec<String> = std::fs::read_dir(dir.path().join(ROOTS))
            .expect("roots")
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        let mut want: Vec<String> = variants[1..]
            .iter()
            .map(|v| format!("{}.json", sha256_hex(v.as_bytes())))
            .collect();
        want.sort();
        assert_eq!(names, want);
        let loaded = load_updated(dir.path()).expect("load").expect("some");
        assert_eq!(loaded.provenance, previous.expect("last"));
    }

    #[test]
    fn the_embedded_tuf_root_is_version_16() {
        let (version, expires) = embedded_tuf_root().expect("embedded TUF root");
        assert_eq!(version, 16);
        assert_eq!(expires.to_string(), "2027-04-22T19:27:31Z");
    }

    #[test]
    fn url_dirnames_are_distinct_and_safe() {
        assert_eq!(
            url_dirname("https://tuf-repo-cdn.sigstore.dev"),
            "https%3A%2F%2Ftuf-repo-cdn.sigstore.dev"
        );
        assert_ne!(url_dirname("https://a/b"), url_dirname("https://a%2Fb"));
        assert!(!url_dirname("https://x/../..").contains('/'));
    }

    #[tokio::test]
    async fn plain_http_repositories_are_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let err = update(&UpdateOptions {
            url: "http://127.0.0.1:9".to_owned(),
            bootstrap: Bootstrap::Embedded,
            extra_ca_pem: Vec::new(),
            timeout: Duration::from_secs(1),
            dir: dir.path().to_owned(),
        })
        .await
        .expect_err("http");
        assert!(err.to_string().contains("only https"), "{err}");
        assert!(!dir.path().join(RECORD).exists());
    }
}
