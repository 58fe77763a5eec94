//! The verification cache: `verified` judgements kept on disk, so that repeated audits (CI, a
//! CronJob every hour) cost one request per tag (its resolve) and none per digest.
//!
//! Entries live in the cache directory ([`crate::tuf::cache_dir`]: `KUBECTL_VERIFY_CACHE_DIR`,
//! else `dirs::cache_dir()/kubectl-verify`), beside the trust material, one file per key:
//!
//! ```text
//! verify/<key>.json     one verified judgement, 0600, in a 0700 directory
//! ```
//!
//! # What decides a verdict, and so is in the key
//!
//! The key is the SHA-256 of a canonical serialisation ([`KeyInputs`]) of everything that could
//! make a cached `verified` wrong if it changed:
//!
//! - the reference as verified (canonical, with its tag: `repo:tag@digest` may verify through
//!   the index the tag names), the digest, where both are looked up (mirrors applied), and the
//!   pull-secret credential they are read with (one namespace's secret never serves another's
//!   image);
//! - the requirements that apply to the image, by content — every authority's identities and
//!   issuers (exact or regex), keys (their DER), `count`, `mode` and name, and the globs of the
//!   policies that matched — never by the file they came from (a cache hit that skipped a changed policy condition is kyverno#17173); the
//!   identity/key flags are a requirement like any other, and `--no-builtin-policy` changes
//!   which requirements apply;
//! - `--insecure-ignore-tlog`, `--insecure-ignore-sct`;
//! - `--signature-repository` and where it is looked up;
//! - the trusted root's digest ([`crate::verify::trust::Trust::digest`]);
//! - this program's version and the entry format version.
//!
//! Only `verified` is cached: a failure is looked at again on every run, and an image that
//! did not verify is never served from the cache.
//!
//! # Entries
//!
//! An entry is versioned JSON: the key, the reference and digest, when it was written, the
//! judgement's facts (detail, policy, mode, format, signer, Rekor entry, the digests that
//! verified on the image's behalf) and an integrity hash over all of it. An entry that does not
//! parse, is truncated, was written by another version, names another key or digest, was
//! written in the future, or whose integrity hash does not match is ignored and replaced by the
//! next verification, never trusted. The integrity hash detects corruption and truncation, not
//! an attacker: whoever can write the cache directory can recompute it (and could as well
//! replace the cached trusted root). Entries are written atomically ([`fsutil::create_atomic_unsynced`]),
//! so concurrent runs sharing the directory see whole entries.

use std::io::{self, Read as _};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::evidence::{VerifiedBy, VerifyPlan};
use crate::fsutil::{self, WriteError};
use crate::reference::{Digest, ImageRef};
use crate::verify::image::{Format, Judgement};
use crate::verify::policy::{Mode, Requirement, StaticAction};
use crate::verify::sigstore::Authority;
use crate::verify::{Matcher, Signer, TlogFacts, Verdict, VerdictCode};

/// The entry format; an entry of another format is ignored.
pub const FORMAT_VERSION: u32 = 1;
/// The subdirectory of the cache directory that holds entries.
pub const SUBDIR: &str = "verify";
/// How long an entry is used when `--cache-ttl` is not given.
pub const DEFAULT_TTL: Duration = Duration::from_secs(24 * 3600);
/// An entry is a few hundred bytes; a bigger file is not one of ours.
const MAX_ENTRY: u64 = 64 << 10;
/// How far in the future an entry's write time may be (clocks of hosts sharing a cache).
const MAX_CLOCK_SKEW: Duration = Duration::from_secs(300);

/// What went wrong with the cache directory. Each message names the path.
#[derive(Debug, thiserror::Error)]
pub enum CacheError {
    /// The verification cache directory could not be created or made private.
    #[error("creating the verification cache directory {path}")]
    CreateDir {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    /// The verification cache directory could not be listed.
    #[error("reading the verification cache directory {path}")]
    ReadDir {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    /// An entry could not be written.
    #[error("writing a verification cache entry")]
    Write(#[source] WriteError),
    /// An entry could not be removed.
    #[error("removing the verification cache entry {path}")]
    Remove {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

/// The key of an entry: the hex SHA-256 of its [`KeyInputs`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Key(String);

impl Key {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Everything that decides a `verified` judgement, serialised canonically (fixed field order,
/// no maps) into the key.
#[derive(Debug, Serialize)]
struct KeyInputs<'a> {
    format: u32,
    program: &'static str,
    reference: String,
    digest: &'a str,
    lookup: String,
    /// The pull-secret credential that reads it (a digest of it), `None` for the local docker
    /// config: one namespace's secret never serves another's image.
    credential: Option<&'a str>,
    signature_repository: Option<String>,
    signature_lookup: Option<String>,
    requirements: Vec<RequirementKey<'a>>,
    /// The globs of the policy-file policies that matched: they decide nothing once matched,
    /// but a policy whose globs changed is a changed policy.
    /// `!glob` for the policy's `skip` globs.
    globs: Vec<Vec<String>>,
    ignore_tlog: bool,
    ignore_sct: bool,
    trust_root: &'a str,
}

#[derive(Debug, Serialize)]
struct RequirementKey<'a> {
    name: &'a str,
    count: usize,
    mode: ModeRec,
    authorities: Vec<(
        &'a str,
        AuthorityKey<'a>,
        Vec<AttestationKey<'a>>,
        AuthorityOptionsKey,
    )>,
    /// Admission policies: where it was read, `static`, and why it is `unsupported` (such
    /// judgements are not stored today; the key still says everything that decides them).
    origin: Option<String>,
    static_action: Option<&'static str>,
    unsupported: Option<String>,
}

/// An authority's own trust root (by digest), relaxations and signature repository.
#[derive(Debug, Serialize)]
struct AuthorityOptionsKey {
    trust_root: Option<String>,
    ignore_sct: bool,
    ignore_tlog: bool,
    signature_repository: Option<String>,
}

/// An attestation an authority must have signed: its type and its conditions' text.
#[derive(Debug, Serialize)]
struct AttestationKey<'a> {
    name: &'a str,
    predicate_type: &'a str,
    conditions: Vec<&'a str>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
enum AuthorityKey<'a> {
    /// (subject, issuer) pairs, any of which may match.
    Keyless(Vec<(MatcherKey<'a>, MatcherKey<'a>)>),
    /// The key's algorithm and hex DER SubjectPublicKeyInfo.
    Key(&'a str, String),
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
enum MatcherKey<'a> {
    Exact(&'a str),
    Regex(&'a str),
}

impl<'a> MatcherKey<'a> {
    fn of(m: &'a Matcher) -> Self {
        match m {
            Matcher::Exact(s) => Self::Exact(s),
            Matcher::Regex { source, .. } => Self::Regex(source),
        }
    }
}

fn requirement_key(r: &Requirement) -> RequirementKey<'_> {
    RequirementKey {
        name: &r.name,
        count: r.count,
        mode: ModeRec::of(r.mode),
        authorities: r
            .authorities
            .iter()
            .map(|a| {
                let key = match &a.authority {
                    Authority::Keyless(ids) => AuthorityKey::Keyless(
                        ids.iter()
                            .map(|i| (MatcherKey::of(&i.subject), MatcherKey::of(&i.issuer)))
                            .collect(),
                    ),
                    Authority::Key(k) => {
                        AuthorityKey::Key(k.algorithm(), hex::encode(k.der().as_bytes()))
                    }
                };
                let attestations = a
                    .attestations
                    .iter()
                    .map(|t| AttestationKey {
                        name: &t.name,
                        predicate_type: &t.predicate_type,
                        conditions: t
                            .conditions
                            .iter()
                            .map(crate::verify::attest::Condition::as_str)
                            .collect(),
                    })
                    .collect();
                let o = &a.options;
                let options = AuthorityOptionsKey {
                    trust_root: o.trust.as_ref().map(|(_, t)| t.digest().to_owned()),
                    ignore_sct: o.ignore_sct,
                    ignore_tlog: o.ignore_tlog,
                    signature_repository: o.signature_repository.as_ref().map(ImageRef::canonical),
                };
                (a.name.as_str(), key, attestations, options)
            })
            .collect(),
        origin: r.origin.as_ref().map(ToString::to_string),
        static_action: r.static_action.map(|a| match a {
            StaticAction::Pass => "pass",
            StaticAction::Fail => "fail",
        }),
        unsupported: r.unsupported.as_ref().map(ToString::to_string),
    }
}

/// Where and with what a reference is read: the registry's mirrors and credentials, as
/// [`crate::registry::Registry`] applies them.
pub struct Access<'a> {
    /// The reference as it is looked up (its mirror, when one is configured).
    pub lookup: &'a dyn Fn(&ImageRef) -> ImageRef,
    /// The id of the pull-secret credential used for `image`'s registry, if any.
    pub credential: Option<&'a str>,
}

/// The key for verifying `image` at `digest` under `plan`, read as `access` says.
pub fn key(plan: &VerifyPlan, image: &ImageRef, digest: &Digest, access: &Access<'_>) -> Key {
    let lookup = access.lookup;
    let inputs = KeyInputs {
        format: FORMAT_VERSION,
        program: env!("CARGO_PKG_VERSION"),
        reference: image.canonical(),
        digest: digest.as_str(),
        lookup: lookup(image).canonical(),
        credential: access.credential,
        signature_repository: plan.signature_repository.as_ref().map(ImageRef::canonical),
        signature_lookup: plan
            .signature_repository
            .as_ref()
            .map(|r| lookup(r).canonical()),
        requirements: plan
            .policies
            .requirements_for(image)
            .into_iter()
            .map(requirement_key)
            .collect(),
        globs: plan
            .policies
            .policies
            .iter()
            .filter(|p| p.matches(image))
            .map(|p| {
                let skip = p.skip.iter().map(|g| format!("!{}", g.as_str()));
                p.globs
                    .iter()
                    .map(|g| g.as_str().to_owned())
                    .chain(skip)
                    .collect()
            })
            .collect(),
        ignore_tlog: plan.options.ignore_tlog,
        ignore_sct: plan.options.ignore_sct,
        trust_root: plan.trust.digest(),
    };
    // Serialising plain strings, numbers and sequences cannot fail.
    let bytes = serde_json::to_vec(&inputs).unwrap_or_default();
    Key(sha256_hex(&bytes))
}

fn sha256_hex(bytes: &[u8]) -> String {
    sigstore_verify::crypto::sha256(bytes).to_hex()
}

// --- Entry format ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum ModeRec {
    Enforce,
    Warn,
}

impl ModeRec {
    fn of(m: Mode) -> Self {
        match m {
            Mode::Enforce => Self::Enforce,
            Mode::Warn => Self::Warn,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum FormatRec {
    Bundle,
    Legacy,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
enum SignerRec {
    Keyless { identity: String, issuer: String },
    Key { fingerprint: String },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RekorRec {
    log_index: i64,
    integrated_time: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct VerifiedByRec {
    digest: String,
    platform: Option<String>,
}

/// The facts of a `verified` judgement, as a hit reports them again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Facts {
    detail: String,
    policy: Option<String>,
    mode: ModeRec,
    format: Option<FormatRec>,
    signer: Option<SignerRec>,
    rekor: Option<RekorRec>,
    verified_by: Vec<VerifiedByRec>,
}

impl Facts {
    /// The facts of a judgement; `None` unless it is `verified`.
    fn of(j: &Judgement, verified_by: &[VerifiedBy]) -> Option<Self> {
        // Attestation results (each with its conditions' outcome) are not stored: such a
        // judgement is verified afresh each run rather than reported from a partial record.
        // Judgements under admission policies (with their origin and per-rule results) are
        // not stored either, for the same reason.
        if !j.is_verified()
            || !j.attestations.is_empty()
            || j.origin.is_some()
            || !j.results.is_empty()
        {
            return None;
        }
        Some(Self {
            detail: j.verdict.detail.clone(),
            policy: j.policy.clone(),
            mode: ModeRec::of(j.mode),
            format: j.format.map(|f| match f {
                Format::Bundle => FormatRec::Bundle,
                Format::Legacy => FormatRec::Legacy,
            }),
            signer: j.verdict.signer.as_ref().map(|s| match s {
                Signer::Keyless { identity, issuer } => SignerRec::Keyless {
                    identity: identity.clone(),
                    issuer: issuer.clone(),
                },
                Signer::Key { fingerprint } => SignerRec::Key {
                    fingerprint: fingerprint.clone(),
                },
            }),
            rekor: j.verdict.tlog.as_ref().map(|t| RekorRec {
                log_index: t.log_index,
                integrated_time: t.integrated_time,
            }),
            verified_by: verified_by
                .iter()
                .map(|v| VerifiedByRec {
                    digest: v.digest.to_string(),
                    platform: v.platform.clone(),
                })
                .collect(),
        })
    }

    fn judgement(&self) -> Result<(Judgement, Vec<VerifiedBy>), String> {
        let verified_by = self
            .verified_by
            .iter()
            .map(|v| {
                Ok(VerifiedBy {
                    digest: Digest::parse(&v.digest)
                        .map_err(|e| format!("verifiedBy {:?}: {e}", v.digest))?,
                    platform: v.platform.clone(),
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        let verdict = Verdict {
            code: VerdictCode::Verified,
            detail: self.detail.clone(),
            signer: self.signer.as_ref().map(|s| match s {
                SignerRec::Keyless { identity, issuer } => Signer::Keyless {
                    identity: identity.clone(),
                    issuer: issuer.clone(),
                },
                SignerRec::Key { fingerprint } => Signer::Key {
                    fingerprint: fingerprint.clone(),
                },
            }),
            tlog: self.rekor.as_ref().map(|r| TlogFacts {
                log_index: r.log_index,
                integrated_time: r.integrated_time,
            }),
        };
        let judgement = Judgement {
            verdict,
            format: self.format.map(|f| match f {
                FormatRec::Bundle => Format::Bundle,
                FormatRec::Legacy => Format::Legacy,
            }),
            policy: self.policy.clone(),
            mode: match self.mode {
                ModeRec::Enforce => Mode::Enforce,
                ModeRec::Warn => Mode::Warn,
            },
            attestations: Vec::new(),
            origin: None,
            results: Vec::new(),
        };
        Ok((judgement, verified_by))
    }
}

/// What the integrity hash covers.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Body {
    version: u32,
    program: String,
    key: String,
    reference: String,
    digest: String,
    /// RFC 3339, seconds.
    written: String,
    facts: Facts,
}

/// An entry file: the body and `sha256:<hex>` of its canonical serialisation.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    entry: Body,
    integrity: String,
}

/// Just enough of an entry to tell another version's format from a broken one.
#[derive(Debug, Deserialize)]
struct Probe {
    entry: ProbeBody,
}

#[derive(Debug, Deserialize)]
struct ProbeBody {
    version: u32,
    program: String,
}

fn integrity(body: &Body) -> String {
    format!(
        "sha256:{}",
        sha256_hex(&serde_json::to_vec(body).unwrap_or_default())
    )
}

// --- Lookups and stores ---------------------------------------------------------------------

/// A cached `verified` judgement.
#[derive(Debug, Clone)]
pub struct Hit {
    pub judgement: Judgement,
    pub verified_by: Vec<VerifiedBy>,
    /// When the entry was written (when the signature was last verified).
    pub written: jiff::Timestamp,
    pub path: PathBuf,
}

/// What a lookup found.
#[derive(Debug)]
pub enum Lookup {
    Hit(Box<Hit>),
    /// No entry.
    Absent,
    /// An entry older than the TTL.
    Expired {
        written: jiff::Timestamp,
    },
    /// An entry of another version of this program (or of the entry format).
    Foreign,
    /// An entry that is broken or does not match what it claims (corrupt, truncated,
    /// tampered): ignored, and replaced by the next verification.
    Unusable {
        path: PathBuf,
        why: String,
    },
}

/// The verification cache of one run.
#[derive(Debug)]
pub struct Cache {
    /// `<cache dir>/verify`.
    dir: PathBuf,
    ttl: Duration,
    /// The directory made (0700) and old temporary files swept, once per run.
    prepared: OnceLock<Result<(), String>>,
    /// Whether a failed write was already reported (once per run is enough).
    warned: AtomicBool,
}

impl Cache {
    /// The cache under `cache_dir` (the kubectl-verify cache directory), entries used for
    /// `ttl`.
    pub fn new(cache_dir: &Path, ttl: Duration) -> Self {
        Self {
            dir: entries_dir(cache_dir),
            ttl,
            prepared: OnceLock::new(),
            warned: AtomicBool::new(false),
        }
    }

    /// Where entries live.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn path(&self, key: &Key) -> PathBuf {
        self.dir.join(format!("{}.json", key.0))
    }

    /// The entry for `key` when it is intact, for `digest`, and younger than the TTL at `now`.
    pub fn lookup(&self, key: &Key, digest: &Digest, now: jiff::Timestamp) -> Lookup {
        let path = self.path(key);
        let bytes = match read_bounded(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Lookup::Absent,
            Err(e) => {
                return Lookup::Unusable {
                    path,
                    why: format!("unreadable: {e}"),
                };
            }
        };
        let unusable = |why: String| Lookup::Unusable {
            path: path.clone(),
            why,
        };
        match serde_json::from_slice::<Probe>(&bytes) {
            Ok(p)
                if p.entry.version != FORMAT_VERSION
                    || p.entry.program != env!("CARGO_PKG_VERSION") =>
            {
                return Lookup::Foreign;
            }
            Ok(_) => {}
            Err(e) => return unusable(format!("not a cache entry: {e}")),
        }
        let entry: Entry = match serde_json::from_slice(&bytes) {
            Ok(e) => e,
            Err(e) => return unusable(format!("not a cache entry: {e}")),
        };
        if integrity(&entry.entry) != entry.integrity {
            return unusable("its integrity hash does not match its content".to_owned());
        }
        let body = entry.entry;
        if body.key != key.0 {
            return unusable(format!("it is the entry of key {}", body.key));
        }
        if body.digest != digest.as_str() {
            return unusable(format!("it is about {}, not {digest}", body.digest));
        }
        let Ok(written) = body.written.parse::<jiff::Timestamp>() else {
            return unusable(format!("bad write time {:?}", body.written));
        };
        let age = now.duration_since(written);
        if age.is_negative() && age.unsigned_abs() > MAX_CLOCK_SKEW {
            return unusable(format!("written in the future ({written})"));
        }
        if !age.is_negative() && age.unsigned_abs() >= self.ttl {
            return Lookup::Expired { written };
        }
        match body.facts.judgement() {
            Ok((judgement, verified_by)) => Lookup::Hit(Box::new(Hit {
                judgement,
                verified_by,
                written,
                path,
            })),
            Err(why) => unusable(why),
        }
    }

    /// Records a `verified` judgement of `image` at `digest`; anything else is not cached, and
    /// removes what the cache held for `key` (an expired or broken entry). Returns the entry
    /// written.
    pub fn store(
        &self,
        key: &Key,
        image: &ImageRef,
        digest: &Digest,
        judgement: &Judgement,
        verified_by: &[VerifiedBy],
        now: jiff::Timestamp,
    ) -> Result<Option<PathBuf>, CacheError> {
        let path = self.path(key);
        let Some(facts) = Facts::of(judgement, verified_by) else {
            return match std::fs::remove_file(&path) {
                Ok(()) => Ok(None),
                Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
                Err(source) => Err(CacheError::Remove { path, source }),
            };
        };
        self.prepare()?;
        let body = Body {
            version: FORMAT_VERSION,
            program: env!("CARGO_PKG_VERSION").to_owned(),
            key: key.0.clone(),
            reference: image.canonical(),
            digest: digest.to_string(),
            // Truncated, never rounded up: an entry's age is never understated.
            written: jiff::Timestamp::from_second(now.as_second())
                .unwrap_or(now)
                .to_string(),
            facts,
        };
        let entry = Entry {
            integrity: integrity(&body),
            entry: body,
        };
        let mut bytes = serde_json::to_vec_pretty(&entry).unwrap_or_default();
        bytes.push(b'\n');
        fsutil::create_atomic_unsynced(&path, &bytes).map_err(CacheError::Write)?;
        Ok(Some(path))
    }

    /// Whether this is the first failed write of the run (the one worth a warning).
    pub fn first_failure(&self) -> bool {
        !self.warned.swap(true, Ordering::Relaxed)
    }

    fn prepare(&self) -> Result<(), CacheError> {
        let done = self.prepared.get_or_init(|| {
            private_dir(&self.dir).map_err(|e| format!("{e}"))?;
            fsutil::remove_stale_temps(&self.dir, std::time::SystemTime::now());
            Ok(())
        });
        done.clone().map_err(|why| CacheError::CreateDir {
            path: self.dir.clone(),
            source: io::Error::other(why),
        })
    }
}

/// `<cache dir>/verify`.
pub fn entries_dir(cache_dir: &Path) -> PathBuf {
    cache_dir.join(SUBDIR)
}

/// Creates `dir` (and its parents) with owner-only permissions, and takes group and other
/// permissions away from it when it already exists.
fn private_dir(dir: &Path) -> io::Result<()> {
    if let Some(parent) = dir.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let mut builder = std::fs::DirBuilder::new();
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    match builder.create(dir) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
        Err(e) => return Err(e),
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let meta = std::fs::metadata(dir)?;
        if meta.permissions().mode() & 0o077 != 0 {
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
        }
    }
    Ok(())
}

/// Reads a file of at most [`MAX_ENTRY`] bytes (a bigger one is refused, not buffered).
fn read_bounded(path: &Path) -> io::Result<Vec<u8>> {
    let file = std::fs::File::open(path)?;
    let mut bytes = Vec::new();
    file.take(MAX_ENTRY + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_ENTRY {
        return Err(io::Error::other(format!("larger than {MAX_ENTRY} bytes")));
    }
    Ok(bytes)
}

/// Whether `name` is an entry file name: 64 lowercase hex digits and `.json`.
fn is_entry_name(name: &str) -> bool {
    name.strip_suffix(".json")
        .is_some_and(|h| h.len() == 64 && h.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')))
}

// --- cache info | clear ---------------------------------------------------------------------

/// What `kubectl verify cache info` shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Info {
    /// `<cache dir>/verify`.
    pub dir: PathBuf,
    /// Entry files.
    pub entries: usize,
    /// Their total size in bytes.
    pub bytes: u64,
    /// The earliest and latest write times among the entries that read back intact.
    pub oldest: Option<jiff::Timestamp>,
    pub newest: Option<jiff::Timestamp>,
    /// Entry files that do not read back intact (or are another version's); the next
    /// verification of their image replaces them.
    pub unusable: usize,
}

/// Describes the entries under `cache_dir`. A directory that does not exist has none.
pub fn info(cache_dir: &Path) -> Result<Info, CacheError> {
    let dir = entries_dir(cache_dir);
    let mut info = Info {
        dir: dir.clone(),
        entries: 0,
        bytes: 0,
        oldest: None,
        newest: None,
        unusable: 0,
    };
    for path in entry_files(&dir)? {
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        info.entries += 1;
        info.bytes += meta.len();
        let written = read_bounded(&path)
            .ok()
            .and_then(|b| serde_json::from_slice::<Entry>(&b).ok())
            .filter(|e| {
                integrity(&e.entry) == e.integrity
                    && e.entry.version == FORMAT_VERSION
                    && e.entry.program == env!("CARGO_PKG_VERSION")
            })
            .and_then(|e| e.entry.written.parse::<jiff::Timestamp>().ok());
        match written {
            Some(t) => {
                info.oldest = Some(info.oldest.map_or(t, |o| o.min(t)));
                info.newest = Some(info.newest.map_or(t, |n| n.max(t)));
            }
            None => info.unusable += 1,
        }
    }
    Ok(info)
}

/// Removes every verification entry under `cache_dir` (and leftover temporary files), never
/// anything else: the trusted root under `trust/` stays. Returns how many entries were removed.
pub fn clear(cache_dir: &Path) -> Result<usize, CacheError> {
    let dir = entries_dir(cache_dir);
    let mut removed = 0;
    for path in entry_files(&dir)? {
        match std::fs::remove_file(&path) {
            Ok(()) => removed += 1,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(source) => return Err(CacheError::Remove { path, source }),
        }
    }
    // Temporary files of interrupted writes, however young: nothing is verifying now, or if
    // something is, its write fails and it says so.
    if let Ok(list) = std::fs::read_dir(&dir) {
        for e in list.flatten() {
            if fsutil::is_temp_name(&e.file_name().to_string_lossy()) {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
    Ok(removed)
}

/// The entry files in `dir` (regular files with entry names), sorted; none when `dir` does not
/// exist.
fn entry_files(dir: &Path) -> Result<Vec<PathBuf>, CacheError> {
    let list = match std::fs::read_dir(dir) {
        Ok(l) => l,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => {
            return Err(CacheError::ReadDir {
                path: dir.to_owned(),
                source,
            });
        }
    };
    let mut out: Vec<PathBuf> = list
        .flatten()
        .filter(|e| is_entry_name(&e.file_name().to_string_lossy()))
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.path())
        .collect();
    out.sort();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verify::KeylessIdentity;
    use crate::verify::policy::{PolicySet, Requirement};
    use crate::verify::sigstore::Options;
    use crate::verify::trust::Trust;

    const D: &str = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    fn plan(identity: &str) -> VerifyPlan {
        VerifyPlan {
            policies: PolicySet {
                flags: Some(Requirement::from_flags(Authority::Keyless(vec![
                    KeylessIdentity::exact(identity, "https://issuer"),
                ]))),
                policies: Vec::new(),
                builtin: Vec::new(),
                profiles: Vec::new(),
            },
            options: Options::default(),
            trust: Trust::embedded().expect("embedded root").into(),
            signature_repository: None,
            concurrency: 1,
        }
    }

    fn verified() -> (Judgement, Vec<VerifiedBy>) {
        let judgement = Judgement {
            verdict: Verdict {
                code: VerdictCode::Verified,
                detail: "some detail".to_owned(),
                signer: Some(Signer::Keyless {
                    identity: "me@example.com".to_owned(),
                    issuer: "https://issuer".to_owned(),
                }),
                tlog: Some(TlogFacts {
                    log_index: 42,
                    integrated_time: 1_700_000_000,
                }),
            },
            format: Some(Format::Bundle),
            policy: Some("flags".to_owned()),
            mode: Mode::Enforce,
            attestations: Vec::new(),
            origin: None,
            results: Vec::new(),
        };
        let by = vec![VerifiedBy {
            digest: Digest::parse(D).expect("digest"),
            platform: Some("linux/amd64".to_owned()),
        }];
        (judgement, by)
    }

    fn same(r: &ImageRef) -> ImageRef {
        r.clone()
    }

    const LOCAL: Access<'static> = Access {
        lookup: &same,
        credential: None,
    };

    /// Each input that decides a verdict changes the key; the same inputs give the same key.
    #[test]
    fn every_deciding_input_changes_the_key() {
        let image = ImageRef::parse("example.com/app:1").expect("ref");
        let digest = Digest::parse(D).expect("digest");
        let base = key(&plan("a@example.com"), &image, &digest, &LOCAL);
        assert_eq!(base, key(&plan("a@example.com"), &image, &digest, &LOCAL));
        assert_eq!(base.as_str().len(), 64);
        let mut keys = vec![base.clone()];
        keys.push(key(&plan("b@example.com"), &image, &digest, &LOCAL));
        let mut p = plan("a@example.com");
        p.options.ignore_tlog = true;
        keys.push(key(&p, &image, &digest, &LOCAL));
        let mut p = plan("a@example.com");
        p.options.ignore_sct = true;
        keys.push(key(&p, &image, &digest, &LOCAL));
        let mut p = plan("a@example.com");
        p.signature_repository = Some(ImageRef::parse("example.com/sigs").expect("ref"));
        keys.push(key(&p, &image, &digest, &LOCAL));
        let mut p = plan("a@example.com");
        p.policies.flags = None;
        keys.push(key(&p, &image, &digest, &LOCAL));
        let other = ImageRef::parse("example.com/app:2").expect("ref");
        keys.push(key(&plan("a@example.com"), &other, &digest, &LOCAL));
        let d2 = Digest::parse(&D.replace("0123", "4567")).expect("digest");
        keys.push(key(&plan("a@example.com"), &image, &d2, &LOCAL));
        let mirrored = |_: &ImageRef| ImageRef::parse("mirror.local/app:1").expect("ref");
        let access = Access {
            lookup: &mirrored,
            credential: None,
        };
        keys.push(key(&plan("a@example.com"), &image, &digest, &access));
        let access = Access {
            lookup: &same,
            credential: Some("secret-a"),
        };
        keys.push(key(&plan("a@example.com"), &image, &digest, &access));
        // An attestation asked of the authority, and a different condition on it.
        for condition in ["predicate.a == 1", "predicate.a == 2"] {
            let mut p = plan("a@example.com");
            if let Some(flags) = p.policies.flags.as_mut() {
                flags.authorities[0].attestations.push(
                    crate::verify::attest::AttestationRequirement {
                        name: "slsaprovenance1".to_owned(),
                        predicate_type: "https://slsa.dev/provenance/v1".to_owned(),
                        conditions: vec![
                            crate::verify::attest::Condition::new(condition).expect("cel"),
                        ],
                    },
                );
            }
            keys.push(key(&p, &image, &digest, &LOCAL));
        }
        let mut distinct = keys.clone();
        distinct.sort_by(|a, b| a.0.cmp(&b.0));
        distinct.dedup();
        assert_eq!(distinct.len(), keys.len(), "{keys:#?}");
    }

    /// A stored judgement reads back with the same facts, until the TTL; only `verified` is
    /// stored; broken, foreign and tampered entries are not trusted.
    #[test]
    fn entries_round_trip_and_fail_closed() {
        let dir = tempfile::tempdir().expect("tempdir");
        let cache = Cache::new(dir.path(), Duration::from_secs(3600));
        let image = ImageRef::parse("example.com/app:1").expect("ref");
        let digest = Digest::parse(D).expect("digest");
        let k = key(&plan("a@example.com"), &image, &digest, &LOCAL);
        let now = jiff::Timestamp::now();
        assert!(matches!(cache.lookup(&k, &digest, now), Lookup::Absent));
        let (j, by) = verified();
        let path = cache
            .store(&k, &image, &digest, &j, &by, now)
            .expect("store")
            .expect("written");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = |p: &Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
            assert_eq!(mode(&path), 0o600);
            assert_eq!(mode(cache.dir()), 0o700);
        }
        let Lookup::Hit(hit) = cache.lookup(&k, &digest, now) else {
            panic!("expected a hit");
        };
        // A judgement that checked attestations is not stored (their per-attestation results
        // are not in an entry): it is verified afresh each run.
        let mut with_attestations = j.clone();
        with_attestations
            .attestations
            .push(crate::verify::image::AttestationCheck {
                name: "slsaprovenance1".to_owned(),
                predicate_type: "https://slsa.dev/provenance/v1".to_owned(),
                authority: "flags".to_owned(),
                result: VerdictCode::Verified,
                detail: String::new(),
                signer: None,
                format: None,
            });
        let other = key(&plan("b@example.com"), &image, &digest, &LOCAL);
        let written = cache
            .store(&other, &image, &digest, &with_attestations, &by, now)
            .expect("store");
        assert!(written.is_none());
        assert!(matches!(cache.lookup(&other, &digest, now), Lookup::Absent));
        assert_eq!(hit.judgement.verdict.signer, j.verdict.signer);
        assert_eq!(hit.judgement.verdict.tlog, j.verdict.tlog);
        assert_eq!(hit.judgement.verdict.detail, j.verdict.detail);
        assert_eq!(hit.judgement.format, j.format);
        assert_eq!(hit.judgement.policy, j.policy);
        assert_eq!(hit.verified_by, by);
        // Expired at the TTL.
        let later = now + jiff::SignedDuration::from_secs(3600);
        assert!(matches!(
            cache.lookup(&k, &digest, later),
            Lookup::Expired { .. }
        ));
        // Another digest under this key: not trusted.
        let d2 = Digest::parse(&D.replace("0123", "4567")).expect("digest");
        assert!(matches!(
            cache.lookup(&k, &d2, now),
            Lookup::Unusable { .. }
        ));

        let original = std::fs::read_to_string(&path).expect("read");
        let tampered = original.replace("me@example.com", "evil@example.com");
        let foreign = original.replace(
            &format!("\"program\": \"{}\"", env!("CARGO_PKG_VERSION")),
            "\"program\": \"0.0.0-other\"",
        );
        assert_ne!(foreign, original);
        for (name, text, foreign_ok) in [
            (
                "truncated",
                original[..original.len() / 2].to_owned(),
                false,
            ),
            ("garbage", "\u{0}\u{1}not json".to_owned(), false),
            ("empty", String::new(), false),
            ("tampered", tampered, false),
            ("foreign version", foreign, true),
        ] {
            std::fs::write(&path, &text).expect("write");
            match cache.lookup(&k, &digest, now) {
                Lookup::Foreign if foreign_ok => {}
                Lookup::Unusable { .. } if !foreign_ok => {}
                other => panic!("{name}: {other:?}"),
            }
        }
        // Not verified: nothing stored, and the broken entry is removed.
        let mut failed = j.clone();
        failed.verdict.code = VerdictCode::Unsigned;
        assert_eq!(
            cache
                .store(&k, &image, &digest, &failed, &[], now)
                .expect("store"),
            None
        );
        assert!(!path.exists());
    }

    /// `cache info` counts entries and `cache clear` removes them, and nothing else.
    #[test]
    fn info_and_clear_touch_only_entries() {
        let dir = tempfile::tempdir().expect("tempdir");
        let trust = dir.path().join("trust");
        std::fs::create_dir_all(&trust).expect("mkdir");
        std::fs::write(trust.join("current.json"), "{}").expect("write");
        let empty = info(dir.path()).expect("info");
        assert_eq!((empty.entries, empty.oldest), (0, None));
        let cache = Cache::new(dir.path(), DEFAULT_TTL);
        let digest = Digest::parse(D).expect("digest");
        let (j, by) = verified();
        let now = jiff::Timestamp::now();
        for tag in ["1", "2", "3"] {
            let image = ImageRef::parse(&format!("example.com/app:{tag}")).expect("ref");
            let k = key(&plan("a@example.com"), &image, &digest, &LOCAL);
            cache
                .store(&k, &image, &digest, &j, &by, now)
                .expect("store");
        }
        std::fs::write(cache.dir().join("notes.txt"), "mine").expect("write");
        let i = info(dir.path()).expect("info");
        assert_eq!(i.entries, 3);
        assert_eq!(i.unusable, 0);
        assert!(i.bytes > 0);
        assert_eq!(
            i.oldest.map(jiff::Timestamp::as_second),
            Some(now.as_second())
        );
        assert_eq!(clear(dir.path()).expect("clear"), 3);
        assert_eq!(info(dir.path()).expect("info").entries, 0);
        assert!(trust.join("current.json").exists());
        assert!(cache.dir().join("notes.txt").exists());
    }
}
