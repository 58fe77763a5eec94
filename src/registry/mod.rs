//! Everything that talks to an OCI registry, behind one type: [`Registry`].
//!
//! - `resolve`: tag → digest with one HEAD whose `Accept` lists the OCI index, Docker
//!   manifest list, OCI manifest and Docker v2 manifest types, so a multi-arch tag yields the
//!   index digest, never a platform child. Without `Docker-Content-Digest`, a GET and the
//!   sha256 of the body. Each distinct reference is resolved once per `Registry`.
//! - `manifest`, `blob`, `referrers`: the fetches signature verification needs. Every body
//!   fetched is checked against the digest asked for or reported.
//! - Mirrors (`--registry-mirror`), insecure hosts, extra CAs, a deadline per operation, and
//!   credentials from the docker config sent only to the registry they belong to.
//!
//! The HTTP protocol is spoken here on reqwest (see `transport`): oci-client 0.18 hides the
//! status and headers this needs (`Retry-After`, the manifest media type, the raw referrers
//! index) and pings `/v2/` before each anonymous request, which would double the request
//! count per image.

use std::collections::{HashMap, HashSet};
use std::future::Future;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError, Weak};
use std::time::Duration;

use futures::StreamExt as _;
use reqwest::{Method, StatusCode, header};
use tokio::sync::{OnceCell, OwnedSemaphorePermit, Semaphore};

use crate::reference::{DOCKER_HUB, Digest, ImageRef};

mod auth;
mod transport;

pub use auth::{DockerConfigError, Keychain, KeychainError};
pub(crate) use transport::{redact_url_str, redirect_policy};

use transport::{BodyError, Endpoint, Secret, Transport, read_body, snippet};

pub const OCI_INDEX: &str = "application/vnd.oci.image.index.v1+json";
pub const DOCKER_MANIFEST_LIST: &str = "application/vnd.docker.distribution.manifest.list.v2+json";
pub const OCI_MANIFEST: &str = "application/vnd.oci.image.manifest.v1+json";
pub const DOCKER_MANIFEST: &str = "application/vnd.docker.distribution.manifest.v2+json";

/// The manifest types asked for, indexes first: a multi-arch tag must resolve to its index.
pub const MANIFEST_ACCEPT: [&str; 4] = [
    OCI_INDEX,
    DOCKER_MANIFEST_LIST,
    OCI_MANIFEST,
    DOCKER_MANIFEST,
];

/// Registries refuse manifests above 4 MiB (distribution's limit); so do we.
pub const MAX_MANIFEST_BYTES: usize = 4 << 20;
/// Lookups in flight at once in [`Registry::resolve_all`].
pub const MAX_IN_FLIGHT: usize = 16;
/// Requests in flight at once to one registry unless `--concurrency` says otherwise (curl's
/// `--parallel-max` default). Connections are kept and reused, so this is also about how many
/// connections one registry sees.
pub const DEFAULT_REQUESTS_PER_REGISTRY: usize = 16;
/// Used when no timeout was configured.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// The key `docker login` stores Docker Hub credentials under.
pub(crate) const DOCKER_HUB_INDEX_KEY: &str = "https://index.docker.io/v1/";
/// Where Docker Hub's registry API is actually served.
const DOCKER_HUB_API_HOST: &str = "registry-1.docker.io";

/// `--registry-mirror SRC=DST`: images of registry `source` are looked up at `host`/`prefix`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mirror {
    pub source: String,
    pub host: String,
    pub prefix: String,
}

/// How to reach registries, validated from the command line.
#[derive(Debug, Clone, Default)]
pub struct RegistryOptions {
    pub mirrors: Vec<Mirror>,
    /// Hosts (`HOST[:PORT]`) reached over plain HTTP or unverified TLS.
    pub insecure: Vec<String>,
    /// Extra trusted CA certificates, PEM.
    pub extra_ca_pem: Vec<Vec<u8>>,
    /// The deadline of one operation (resolve, manifest, blob, referrers), connection,
    /// authentication and retries included. Zero means [`DEFAULT_TIMEOUT`].
    pub timeout: Duration,
    /// Where `config.json` lives; `None` means `$DOCKER_CONFIG` or `~/.docker`.
    pub docker_config_dir: Option<PathBuf>,
    /// Requests in flight at once per registry; zero means [`DEFAULT_REQUESTS_PER_REGISTRY`].
    pub requests_per_registry: usize,
}

/// Whose credentials a registry refused, and where they were looked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// We sent credentials (or a token obtained with them) from `from` and they were refused.
    Credentials { from: String },
    /// The registry wants credentials and `looked_in` has none for it.
    NoCredentials { looked_in: String },
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refused::Credentials { from } => write!(f, "refused the credentials from {from}"),
            Refused::NoCredentials { looked_in } => write!(
                f,
                "requires credentials, and none were found for it in {looked_in}"
            ),
        }
    }
}

/// Why a registry operation failed. Messages name the registry or reference involved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RegistryError {
    /// The registry refused us: no credentials, wrong ones, or not allowed (401/403).
    #[error(
        "unauthorized: registry {registry} {refused} (check them with `docker login {registry}`, or set DOCKER_CONFIG to a directory whose config.json has them)"
    )]
    Unauthorized { registry: String, refused: Refused },
    /// The manifest, tag or repository does not exist.
    #[error("not found: {reference}")]
    NotFound { reference: String },
    /// No connection: refused, DNS, TLS handshake or certificate failure.
    #[error("cannot reach registry {registry}: {reason}")]
    Unreachable { registry: String, reason: String },
    /// The registry did not finish answering within the timeout.
    #[error("registry {registry} did not answer within {after:?} (raise --timeout?)")]
    Timeout { registry: String, after: Duration },
    /// 429 Too Many Requests, still after bounded retries honouring `Retry-After`.
    #[error("rate limited by registry {registry} (HTTP 429), still after retries")]
    RateLimited { registry: String },
    /// The bytes received do not hash to the digest asked for or reported: the registry
    /// served wrong content (a verdict `digest-mismatch`, never `unreachable`).
    #[error(
        "the registry served content that does not match digest {expected} (it hashes to {got})"
    )]
    DigestMismatch { expected: Digest, got: Digest },
    /// The registry answered something this client cannot use.
    #[error("unexpected answer from registry {registry}: {reason}")]
    Protocol { registry: String, reason: String },
    /// Our own setup is wrong: a bad CA file, a failing credential helper.
    #[error("registry configuration: {reason}")]
    Config { reason: String },
    /// The local docker config cannot be read or is malformed.
    #[error(transparent)]
    DockerConfig(Arc<DockerConfigError>),
}

impl From<DockerConfigError> for RegistryError {
    fn from(e: DockerConfigError) -> Self {
        RegistryError::DockerConfig(Arc::new(e))
    }
}

impl RegistryError {
    /// Errors of our own setup (CA files, the docker config, credential helpers): the run
    /// stops with exit 2 instead of reporting them as one image's verdict.
    pub fn is_setup(&self) -> bool {
        matches!(
            self,
            RegistryError::Config { .. } | RegistryError::DockerConfig(_)
        )
    }
}

/// A manifest as served: its exact bytes, media type and (checked) digest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Manifest {
    pub bytes: Vec<u8>,
    /// `Content-Type` of the answer, else the `mediaType` field of the body, else empty.
    pub media_type: String,
    /// The digest the bytes were checked against (asked for, or reported by the registry),
    /// else their sha256.
    pub digest: Digest,
}

type Resolved = Result<Digest, RegistryError>;

/// Which signature layout a repository was last found to hold: a hint for which one to look
/// at first for its next image (both are still looked at before anything is `unsigned`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignatureLayout {
    /// cosign 2: the `sha256-<hex>.sig` tag.
    Legacy,
    /// cosign 3: Sigstore bundles attached as OCI 1.1 referrers.
    Bundle,
}

/// Identical requests in flight at once, made once: the first caller's request answers every
/// caller that asks while it is running (or until the last of them has its answer). Nothing
/// is kept once no caller holds it, so this merges work without holding memory for the run.
struct InFlight<T> {
    calls: Mutex<HashMap<String, Weak<Call<T>>>>,
}

/// One call of [`InFlight`]: its answer, once there is one.
type Call<T> = OnceCell<Result<T, RegistryError>>;

impl<T: Clone> InFlight<T> {
    fn new() -> Self {
        Self {
            calls: Mutex::new(HashMap::new()),
        }
    }

    async fn run<F>(&self, key: String, call: impl FnOnce() -> F) -> Result<T, RegistryError>
    where
        F: Future<Output = Result<T, RegistryError>>,
    {
        let cell = {
            let mut calls = self.calls.lock().unwrap_or_else(PoisonError::into_inner);
            if let Some(cell) = calls.get(&key).and_then(Weak::upgrade) {
                cell
            } else {
                // Forget finished calls now and then, so the map stays as small as what runs.
                if calls.len() >= 256 {
                    calls.retain(|_, w| w.strong_count() > 0);
                }
                let cell = Arc::new(OnceCell::new());
                calls.insert(key, Arc::downgrade(&cell));
                cell
            }
        };
        cell.get_or_init(call).await.clone()
    }
}

/// What a registry's answer to a referrers request says about its referrers API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ReferrersApi {
    Offered,
    Absent,
}

/// A registry client for one run. Cheap to clone; clones share caches and connections.
#[derive(Clone)]
pub struct Registry {
    inner: Arc<Inner>,
    /// Pull-secret credentials of the workload being verified (see [`Registry::with_keychain`]).
    keychain: Option<Arc<Keychain>>,
}

struct Inner {
    mirrors: Vec<Mirror>,
    insecure: Vec<String>,
    transport: Transport,
    /// One cell per canonical reference: concurrent resolves of the same reference wait for
    /// the first instead of asking again.
    resolved: Mutex<HashMap<String, Arc<OnceCell<Resolved>>>>,
    /// Requests in flight per registry (see [`DEFAULT_REQUESTS_PER_REGISTRY`]).
    requests_per_registry: usize,
    slots: Mutex<HashMap<String, Arc<Semaphore>>>,
    /// Per registry: whether it offers the referrers API, once an answer said so. A registry
    /// without it answers 404 to every referrers request, whatever the image: learnt once.
    referrers_api: Mutex<HashMap<String, ReferrersApi>>,
    /// Held by the request that finds out, so concurrent lookups wait for its answer.
    referrers_probe: Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
    /// Per repository (as looked up): the signature layout last found there.
    layouts: Mutex<HashMap<String, SignatureLayout>>,
    /// Manifests fetched by digest, and blobs, being fetched right now.
    manifests_in_flight: InFlight<Manifest>,
    blobs_in_flight: InFlight<Arc<[u8]>>,
}

impl Registry {
    /// The deadline of one operation (`--timeout`, or [`DEFAULT_TIMEOUT`]).
    pub fn timeout(&self) -> Duration {
        self.inner.transport.timeout()
    }

    /// Checks the options (CA certificates) and sets up the HTTP clients. No request is made.
    pub fn new(opts: RegistryOptions) -> Result<Registry, RegistryError> {
        let timeout = if opts.timeout.is_zero() {
            DEFAULT_TIMEOUT
        } else {
            opts.timeout
        };
        let credentials = auth::CredentialStore::new(opts.docker_config_dir);
        credentials.validate()?;
        let transport = Transport::new(&opts.extra_ca_pem, timeout, credentials)?;
        let mirrors = opts
            .mirrors
            .into_iter()
            .map(|m| Mirror {
                source: normalise_registry(&m.source),
                host: normalise_registry(&m.host),
                prefix: m.prefix.trim_matches('/').to_owned(),
            })
            .collect();
        let insecure = opts
            .insecure
            .iter()
            .map(|h| normalise_registry(h))
            .collect();
        Ok(Registry {
            inner: Arc::new(Inner {
                mirrors,
                insecure,
                transport,
                resolved: Mutex::new(HashMap::new()),
                requests_per_registry: if opts.requests_per_registry == 0 {
                    DEFAULT_REQUESTS_PER_REGISTRY
                } else {
                    opts.requests_per_registry
                },
                slots: Mutex::new(HashMap::new()),
                referrers_api: Mutex::new(HashMap::new()),
                referrers_probe: Mutex::new(HashMap::new()),
                layouts: Mutex::new(HashMap::new()),
                manifests_in_flight: InFlight::new(),
                blobs_in_flight: InFlight::new(),
            }),
            keychain: None,
        })
    }

    /// The same client (connections, caches) using `keychain`'s credentials before the local
    /// docker config, for the registries the keychain has credentials for. Caches keyed by a
    /// credential stay apart: what one keychain's credentials obtained never serves another.
    #[must_use]
    pub fn with_keychain(&self, keychain: Option<Arc<Keychain>>) -> Registry {
        Registry {
            inner: Arc::clone(&self.inner),
            keychain: keychain.filter(|k| !k.is_empty()),
        }
    }

    /// The first setup error (a credential helper that could not run, a docker config that
    /// became unreadable) met by any request so far: commands end the run with it (exit 2).
    pub fn setup_error(&self) -> Option<RegistryError> {
        self.inner.transport.setup_error()
    }

    /// The id of the pull-secret credential used for `r`'s registry, `None` when the local
    /// docker config is (the secret's content never appears in it).
    pub fn credential_id(&self, r: &ImageRef) -> Option<String> {
        self.endpoint(r).secret.map(|s| s.id)
    }

    /// The reference as it is looked up: at its mirror when one is configured for its
    /// registry (the first one given), else unchanged.
    pub fn lookup_reference(&self, r: &ImageRef) -> ImageRef {
        mirror_for(&self.inner.mirrors, r)
    }

    fn endpoint(&self, r: &ImageRef) -> Endpoint {
        let at = self.lookup_reference(r);
        let registry = at.registry().to_owned();
        let host = if registry == DOCKER_HUB {
            DOCKER_HUB_API_HOST.to_owned()
        } else {
            registry.clone()
        };
        let secret = self.keychain.as_ref().and_then(|k| {
            let (id, credential) = k.find(&registry)?;
            Some(Secret {
                id: id.to_owned(),
                credential: credential.clone(),
                origin: k.origin(&registry).unwrap_or("a pull secret").to_owned(),
            })
        });
        Endpoint {
            insecure: is_insecure(&self.inner.insecure, &registry),
            secret,
            registry,
            host,
            repository: at.repository().to_owned(),
        }
    }

    /// Tag → digest. A reference that carries a digest is returned as is, without a request.
    pub async fn resolve(&self, r: &ImageRef) -> Result<Digest, RegistryError> {
        if let Some(d) = r.digest() {
            return Ok(d.clone());
        }
        let cell = {
            let mut map = self
                .inner
                .resolved
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            // Keyed by the credential too: a digest learnt with one namespace's pull secret is
            // not handed to a lookup that has no right to it.
            let key = match self.credential_id(r) {
                Some(id) => format!("{id} {}", r.canonical()),
                None => r.canonical(),
            };
            map.entry(key).or_default().clone()
        };
        cell.get_or_init(|| self.resolve_uncached(r)).await.clone()
    }

    /// Resolves many references concurrently ([`MAX_IN_FLIGHT`] at a time), each distinct one
    /// once. Keyed by [`ImageRef::canonical`].
    pub async fn resolve_all(&self, refs: &[ImageRef]) -> HashMap<String, Resolved> {
        let mut seen = HashSet::new();
        let unique: Vec<&ImageRef> = refs.iter().filter(|r| seen.insert(r.canonical())).collect();
        futures::stream::iter(unique)
            .map(|r| async move { (r.canonical(), self.resolve(r).await) })
            .buffer_unordered(MAX_IN_FLIGHT)
            .collect()
            .await
    }

    async fn resolve_uncached(&self, r: &ImageRef) -> Resolved {
        let ep = self.endpoint(r);
        let _slot = self.slot(&ep).await;
        let t = &self.inner.transport;
        let deadline = t.deadline();
        let tag = r.tag_or_latest();
        let path = format!("manifests/{tag}");
        let accept = MANIFEST_ACCEPT.join(", ");
        let resp = t.send(&ep, Method::HEAD, &path, &accept, deadline).await?;
        match resp.status() {
            StatusCode::OK => {
                if let Some(d) = header_digest(&resp) {
                    return Ok(d);
                }
            }
            StatusCode::NOT_FOUND => return Err(Self::not_found(r, &ep, tag)),
            // Some registries answer HEAD badly (405, 400); the GET below is authoritative.
            s if s.is_client_error() => {}
            s => return Err(unexpected(&ep, "HEAD", &path, s, &[])),
        }
        // No usable Docker-Content-Digest: fetch the manifest and hash it.
        let m = self.fetch_manifest(r, &ep, tag, None, deadline).await?;
        Ok(m.digest)
    }

    /// Fetches a manifest by digest or tag. By digest, the body must hash to it; by tag, it
    /// must hash to the `Docker-Content-Digest` the registry reports, if any.
    pub async fn manifest(
        &self,
        repo: &ImageRef,
        reference: &str,
    ) -> Result<Manifest, RegistryError> {
        let expected = if reference.contains(':') {
            Some(Digest::parse(reference).map_err(|e| RegistryError::Config {
                reason: format!(
                    "manifest reference for {}: {e}",
                    repo.canonical_repository()
                ),
            })?)
        } else {
            None
        };
        let ep = self.endpoint(repo);
        let fetch = || async {
            let _slot = self.slot(&ep).await;
            let deadline = self.inner.transport.deadline();
            self.fetch_manifest(repo, &ep, reference, expected.as_ref(), deadline)
                .await
        };
        // By digest, the answer is the same for every caller: concurrent ones share it. A
        // tag may move, so each lookup by tag asks.
        if expected.is_some() {
            let key = Self::in_flight_key(&ep, reference);
            self.inner.manifests_in_flight.run(key, fetch).await
        } else {
            fetch().await
        }
    }

    /// What identical requests have in common: the credential, where they go, and what.
    fn in_flight_key(ep: &Endpoint, what: &str) -> String {
        let credential = ep.secret.as_ref().map_or("", |s| s.id.as_str());
        format!("{credential} {}/{} {what}", ep.registry, ep.repository)
    }

    /// Waits for one of the registry's request slots ([`DEFAULT_REQUESTS_PER_REGISTRY`]);
    /// the permit is held until the answer has been read.
    async fn slot(&self, ep: &Endpoint) -> OwnedSemaphorePermit {
        let semaphore = {
            let mut slots = self
                .inner
                .slots
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            slots
                .entry(ep.registry.clone())
                .or_insert_with(|| Arc::new(Semaphore::new(self.inner.requests_per_registry)))
                .clone()
        };
        semaphore
            .acquire_owned()
            .await
            .expect("the semaphore is never closed")
    }

    /// The signature layout last found in `repo` this run, else in its registry, if any.
    pub fn layout_hint(&self, repo: &ImageRef) -> Option<SignatureLayout> {
        let ep = self.endpoint(repo);
        let layouts = self
            .inner
            .layouts
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        layouts
            .get(&format!("{}/{}", ep.registry, ep.repository))
            .or_else(|| layouts.get(&ep.registry))
            .copied()
    }

    /// Records that `repo` holds signatures in `layout`.
    pub fn note_layout(&self, repo: &ImageRef, layout: SignatureLayout) {
        let ep = self.endpoint(repo);
        let mut layouts = self
            .inner
            .layouts
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        layouts.insert(format!("{}/{}", ep.registry, ep.repository), layout);
        layouts.insert(ep.registry, layout);
    }

    async fn fetch_manifest(
        &self,
        r: &ImageRef,
        ep: &Endpoint,
        reference: &str,
        expected: Option<&Digest>,
        deadline: tokio::time::Instant,
    ) -> Result<Manifest, RegistryError> {
        let t = &self.inner.transport;
        let path = format!("manifests/{reference}");
        let accept = MANIFEST_ACCEPT.join(", ");
        let resp = t.send(ep, Method::GET, &path, &accept, deadline).await?;
        let status = resp.status();
        let reported = header_digest(&resp);
        let content_type = resp
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty());
        let body = self
            .body(resp, ep, MAX_MANIFEST_BYTES, "manifest", deadline)
            .await?;
        match status {
            StatusCode::OK => {}
            StatusCode::NOT_FOUND => return Err(Self::not_found(r, ep, reference)),
            s => return Err(unexpected(ep, "GET", &path, s, &body)),
        }
        // Checked with the algorithm of the digest asked for or reported (sha256 or sha512).
        let digest = match expected.or(reported.as_ref()) {
            Some(want) if want.matches(&body) => want.clone(),
            Some(want) => {
                return Err(RegistryError::DigestMismatch {
                    expected: want.clone(),
                    got: Digest::of_algorithm(want.algorithm(), &body),
                });
            }
            None => Digest::of(&body),
        };
        let media_type = content_type
            .filter(|ct| ct != "application/json" && ct != "text/plain")
            .or_else(|| body_media_type(&body))
            .unwrap_or_default();
        Ok(Manifest {
            bytes: body,
            media_type,
            digest,
        })
    }

    /// Fetches a blob by digest (following the registry's redirects to storage, see
    /// `transport` for which), refusing more than `max_bytes`; the bytes must hash to `digest`.
    /// Concurrent fetches of the same blob (same credential) make one request.
    pub async fn blob(
        &self,
        repo: &ImageRef,
        digest: &Digest,
        max_bytes: usize,
    ) -> Result<Arc<[u8]>, RegistryError> {
        let ep = self.endpoint(repo);
        let key = Self::in_flight_key(&ep, &format!("{digest} {max_bytes}"));
        self.inner
            .blobs_in_flight
            .run(key, || self.fetch_blob(repo, &ep, digest, max_bytes))
            .await
    }

    async fn fetch_blob(
        &self,
        repo: &ImageRef,
        ep: &Endpoint,
        digest: &Digest,
        max_bytes: usize,
    ) -> Result<Arc<[u8]>, RegistryError> {
        let _slot = self.slot(ep).await;
        let t = &self.inner.transport;
        let deadline = t.deadline();
        let path = format!("blobs/{digest}");
        let resp = t.send(ep, Method::GET, &path, "", deadline).await?;
        let status = resp.status();
        let body = self.body(resp, ep, max_bytes, "blob", deadline).await?;
        match status {
            StatusCode::OK => {}
            StatusCode::NOT_FOUND => {
                return Err(RegistryError::NotFound {
                    reference: format!("blob {digest} in {}", describe_repo(repo, ep)),
                });
            }
            s => return Err(unexpected(ep, "GET", &path, s, &body)),
        }
        if !digest.matches(&body) {
            return Err(RegistryError::DigestMismatch {
                expected: digest.clone(),
                got: Digest::of_algorithm(digest.algorithm(), &body),
            });
        }
        Ok(body.into())
    }

    /// The OCI 1.1 referrers API for `digest`: `Ok(None)` when the registry does not offer it
    /// (404), else the index bytes as served. The registry may ignore `artifact_type`
    /// (it says so only in `OCI-Filters-Applied`), so callers filter the entries themselves.
    ///
    /// A registry without the API is asked once per run: its 404 is a property of the
    /// registry, not of the image (the first lookup to a registry asks while concurrent ones
    /// wait for its answer). A 404 that names the repository or manifest as unknown
    /// (`NAME_UNKNOWN`, `MANIFEST_UNKNOWN`) speaks about that image only and teaches nothing.
    pub async fn referrers(
        &self,
        repo: &ImageRef,
        digest: &Digest,
        artifact_type: Option<&str>,
    ) -> Result<Option<Vec<u8>>, RegistryError> {
        let ep = self.endpoint(repo);
        let known = |this: &Self| {
            this.inner
                .referrers_api
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .get(&ep.registry)
                .copied()
        };
        match known(self) {
            Some(ReferrersApi::Absent) => return Ok(None),
            Some(ReferrersApi::Offered) => {
                return Ok(self.ask_referrers(&ep, digest, artifact_type).await?.0);
            }
            None => {}
        }
        let probe = self
            .inner
            .referrers_probe
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .entry(ep.registry.clone())
            .or_default()
            .clone();
        let guard = tokio::time::timeout_at(self.inner.transport.deadline(), probe.lock_owned())
            .await
            .map_err(|_| RegistryError::Timeout {
                registry: ep.registry.clone(),
                after: self.timeout(),
            })?;
        match known(self) {
            Some(ReferrersApi::Absent) => return Ok(None),
            Some(ReferrersApi::Offered) => {
                drop(guard);
                return Ok(self.ask_referrers(&ep, digest, artifact_type).await?.0);
            }
            None => {}
        }
        let (index, learnt) = self.ask_referrers(&ep, digest, artifact_type).await?;
        if let Some(api) = learnt {
            crate::report::log(2, || {
                format!("registry {}: referrers API {api:?}", ep.registry)
            });
            self.inner
                .referrers_api
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .insert(ep.registry.clone(), api);
        }
        Ok(index)
    }

    /// One referrers request, and what its answer says about the API (when it says anything).
    async fn ask_referrers(
        &self,
        ep: &Endpoint,
        digest: &Digest,
        artifact_type: Option<&str>,
    ) -> Result<(Option<Vec<u8>>, Option<ReferrersApi>), RegistryError> {
        let _slot = self.slot(ep).await;
        let t = &self.inner.transport;
        let deadline = t.deadline();
        let mut path = format!("referrers/{digest}");
        if let Some(at) = artifact_type {
            let mut u = reqwest::Url::parse("http://q.invalid/").expect("static URL");
            u.query_pairs_mut().append_pair("artifactType", at);
            path.push('?');
            path.push_str(u.query().unwrap_or_default());
        }
        let resp = t.send(ep, Method::GET, &path, OCI_INDEX, deadline).await?;
        let status = resp.status();
        let body = self
            .body(resp, ep, MAX_MANIFEST_BYTES, "referrers index", deadline)
            .await?;
        match status {
            StatusCode::OK => Ok((Some(body), Some(ReferrersApi::Offered))),
            StatusCode::NOT_FOUND if names_unknown_image(&body) => Ok((None, None)),
            StatusCode::NOT_FOUND => Ok((None, Some(ReferrersApi::Absent))),
            s => Err(unexpected(ep, "GET", &path, s, &body)),
        }
    }

    async fn body(
        &self,
        resp: reqwest::Response,
        ep: &Endpoint,
        max: usize,
        what: &str,
        deadline: tokio::time::Instant,
    ) -> Result<Vec<u8>, RegistryError> {
        let t = &self.inner.transport;
        read_body(resp, max, deadline, &ep.registry, t.timeout())
            .await
            .map_err(|e| match e {
                BodyError::Registry(e) => e,
                BodyError::TooLarge => RegistryError::Protocol {
                    registry: ep.registry.clone(),
                    reason: format!("{what} is larger than {max} bytes; refusing it"),
                },
            })
    }

    fn not_found(r: &ImageRef, ep: &Endpoint, reference: &str) -> RegistryError {
        let sep = if reference.contains(':') { '@' } else { ':' };
        let asked = format!("{}{sep}{reference}", r.canonical_repository());
        let looked_up = format!("{}/{}", ep.registry, ep.repository);
        let reference = if looked_up == r.canonical_repository() {
            asked
        } else {
            format!("{asked} (looked up at mirror {looked_up}{sep}{reference})")
        };
        RegistryError::NotFound { reference }
    }
}

/// `name` as written, plus where it was looked up when a mirror moved it.
fn describe_repo(r: &ImageRef, ep: &Endpoint) -> String {
    let canonical = r.canonical_repository();
    let looked_up = format!("{}/{}", ep.registry, ep.repository);
    if canonical == looked_up {
        canonical
    } else {
        format!("{canonical} (looked up at mirror {looked_up})")
    }
}

fn unexpected(
    ep: &Endpoint,
    method: &str,
    path: &str,
    status: StatusCode,
    body: &[u8],
) -> RegistryError {
    let detail = snippet(body);
    let sep = if detail.is_empty() { "" } else { ": " };
    RegistryError::Protocol {
        registry: ep.registry.clone(),
        reason: format!(
            "HTTP {status} for {method} /v2/{}/{path}{sep}{detail}",
            ep.repository
        ),
    }
}

/// `Docker-Content-Digest`, when it is a digest we can compare with (sha256 or sha512).
fn header_digest(resp: &reqwest::Response) -> Option<Digest> {
    resp.headers()
        .get("docker-content-digest")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| Digest::parse(v.trim()).ok())
}

/// Whether a 404 body is a distribution error saying the repository or manifest is unknown
/// (an answer about one image, not about the registry's API).
fn names_unknown_image(body: &[u8]) -> bool {
    #[derive(serde::Deserialize)]
    struct Errors {
        errors: Vec<Code>,
    }
    #[derive(serde::Deserialize)]
    struct Code {
        code: String,
    }
    serde_json::from_slice::<Errors>(body).is_ok_and(|e| {
        e.errors
            .iter()
            .any(|c| c.code == "NAME_UNKNOWN" || c.code == "MANIFEST_UNKNOWN")
    })
}

/// The `mediaType` field of a manifest body.
fn body_media_type(body: &[u8]) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Typed {
        #[serde(rename = "mediaType")]
        media_type: Option<String>,
    }
    serde_json::from_slice::<Typed>(body).ok()?.media_type
}

/// Registry names as the reference module normalises them: no scheme or trailing slash,
/// `index.docker.io` and `registry-1.docker.io` are `docker.io`.
fn normalise_registry(s: &str) -> String {
    let s = s
        .trim()
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_end_matches('/');
    match s {
        "index.docker.io" | "registry-1.docker.io" => DOCKER_HUB.to_owned(),
        _ => s.to_owned(),
    }
}

/// `host` without `:port` (IPv6 literals keep their brackets).
fn host_part(registry: &str) -> &str {
    if registry.starts_with('[') {
        return registry
            .split_once(']')
            .map_or(registry, |(h, _)| &registry[..=h.len()]);
    }
    registry.split_once(':').map_or(registry, |(h, _)| h)
}

/// An entry `HOST:PORT` matches exactly that; `HOST` matches the host on any port.
fn is_insecure(insecure: &[String], registry: &str) -> bool {
    insecure
        .iter()
        .any(|e| e == registry || (host_part(e) == e.as_str() && host_part(registry) == e))
}

fn mirror_for(mirrors: &[Mirror], r: &ImageRef) -> ImageRef {
    match mirrors.iter().find(|m| m.source == r.registry()) {
        Some(m) => r.at_registry(&m.host, &m.prefix),
        None => r.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mirror(source: &str, host: &str, prefix: &str) -> Mirror {
        Mirror {
            source: source.into(),
            host: host.into(),
            prefix: prefix.into(),
        }
    }

    fn registry(mirrors: Vec<Mirror>, insecure: &[&str]) -> Registry {
        Registry::new(RegistryOptions {
            mirrors,
            insecure: insecure.iter().map(|s| (*s).to_owned()).collect(),
            ..RegistryOptions::default()
        })
        .unwrap()
    }

    #[test]
    fn mirrors_move_the_lookup_not_the_spelling() {
        let reg = registry(
            vec![
                mirror("index.docker.io", "127.0.0.1:5000", ""),
                mirror("registry.k8s.io", "mirror.local", "/k8s/"),
                mirror("registry.k8s.io", "second.local", ""),
            ],
            &[],
        );
        let table: &[(&str, &str, &str, &str)] = &[
            // input, endpoint registry, endpoint host, repository
            (
                "nginx:1.25",
                "127.0.0.1:5000",
                "127.0.0.1:5000",
                "library/nginx",
            ),
            (
                "docker.io/bitnami/redis",
                "127.0.0.1:5000",
                "127.0.0.1:5000",
                "bitnami/redis",
            ),
            (
                "registry.k8s.io/pause:3.9",
                "mirror.local",
                "mirror.local",
                "k8s/pause",
            ),
            ("ghcr.io/o/r:1", "ghcr.io", "ghcr.io", "o/r"),
        ];
        for (input, reg_name, host, repo) in table {
            let r = ImageRef::parse(input).unwrap();
            let ep = reg.endpoint(&r);
            assert_eq!(
                (
                    ep.registry.as_str(),
                    ep.host.as_str(),
                    ep.repository.as_str()
                ),
                (*reg_name, *host, *repo),
                "{input}"
            );
            assert_eq!(reg.lookup_reference(&r).original(), *input);
        }
        // Unmirrored Docker Hub goes to its API host; credentials stay keyed by docker.io.
        let ep = registry(vec![], &[]).endpoint(&ImageRef::parse("nginx").unwrap());
        assert_eq!(
            (ep.registry.as_str(), ep.host.as_str()),
            ("docker.io", "registry-1.docker.io")
        );
    }

    #[test]
    fn insecure_hosts_match_host_and_port() {
        let list: Vec<String> = [
            "127.0.0.1:5000",
            "plain.local",
            "[::1]:5001",
            "http://web.local/",
        ]
        .iter()
        .map(|s| normalise_registry(s))
        .collect();
        let table: &[(&str, bool)] = &[
            ("127.0.0.1:5000", true),
            ("127.0.0.1:5001", false),
            ("127.0.0.1", false),
            ("plain.local", true),
            ("plain.local:8443", true),
            ("plain.localx", false),
            ("[::1]:5001", true),
            ("[::1]:5002", false),
            ("web.local", true),
            ("docker.io", false),
        ];
        for (registry, want) in table {
            assert_eq!(is_insecure(&list, registry), *want, "{registry}");
        }
        assert_eq!(host_part("[::1]:5000"), "[::1]");
        assert_eq!(host_part("a.b:1"), "a.b");
        assert_eq!(normalise_registry("index.docker.io"), "docker.io");
        let reg = registry(
            vec![mirror("docker.io", "127.0.0.1:5000", "")],
            &["127.0.0.1:5000"],
        );
        assert!(reg.endpoint(&ImageRef::parse("nginx").unwrap()).insecure);
        assert!(
            !reg.endpoint(&ImageRef::parse("ghcr.io/a/b").unwrap())
                .insecure
        );
    }

    #[test]
    fn accept_lists_indexes_first() {
        assert_eq!(
            MANIFEST_ACCEPT.join(", "),
            "application/vnd.oci.image.index.v1+json, \
             application/vnd.docker.distribution.manifest.list.v2+json, \
             application/vnd.oci.image.manifest.v1+json, \
             application/vnd.docker.distribution.manifest.v2+json"
        );
    }

    #[test]
    fn bad_ca_is_a_config_error() {
        for pem in [&b"not a certificate"[..], b""] {
            let e = Registry::new(RegistryOptions {
                extra_ca_pem: vec![pem.to_vec()],
                ..RegistryOptions::default()
            })
            .err()
            .expect("a bad CA must be refused");
            assert!(matches!(e, RegistryError::Config { .. }), "{e}");
            assert!(e.to_string().contains("CA certificate"), "{e}");
        }
    }

    #[test]
    fn digest_references_need_no_request() {
        let reg = registry(vec![], &[]);
        let d = "sha256:0000000000000000000000000000000000000000000000000000000000000001";
        let r = ImageRef::parse(&format!("unreachable.invalid/x:1@{d}")).unwrap();
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        assert_eq!(rt.block_on(reg.resolve(&r)).unwrap().as_str(), d);
    }

    #[test]
    fn error_messages() {
        let table: Vec<(RegistryError, &str)> = vec![
            (
                RegistryError::Unauthorized {
                    registry: "r.io".into(),
                    refused: Refused::Credentials {
                        from: "docker config /c/config.json".into(),
                    },
                },
                "unauthorized: registry r.io refused the credentials from docker config /c/config.json (check them with `docker login r.io`",
            ),
            (
                RegistryError::Unauthorized {
                    registry: "r.io".into(),
                    refused: Refused::NoCredentials {
                        looked_in: "docker config /c/config.json (no such file)".into(),
                    },
                },
                "unauthorized: registry r.io requires credentials, and none were found for it in docker config /c/config.json (no such file)",
            ),
            (
                RegistryError::Timeout {
                    registry: "r.io".into(),
                    after: Duration::from_millis(500),
                },
                "registry r.io did not answer within 500ms",
            ),
            (
                RegistryError::Unreachable {
                    registry: "r.io".into(),
                    reason: "refused".into(),
                },
                "cannot reach registry r.io: refused",
            ),
        ];
        for (e, prefix) in table {
            assert!(e.to_string().starts_with(prefix), "{e}");
        }
    }

    #[test]
    fn media_type_from_body() {
        assert_eq!(
            body_media_type(
                br#"{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json"}"#
            )
            .as_deref(),
            Some(OCI_INDEX)
        );
        assert_eq!(body_media_type(br#"{"schemaVersion":2}"#), None);
        assert_eq!(body_media_type(b"nope"), None);
    }
}
