//! Who we are to a registry: credentials from the docker config (`auths`, `credHelpers`,
//! `credsStore`), the `WWW-Authenticate` challenge a registry answers with, and the bearer
//! token dance of the distribution token spec.
//!
//! Credentials are looked up by the registry the request is sent to (for a mirror, the
//! mirror host) and only when that registry asks for them with a 401 challenge, so a
//! credential helper never runs for anonymous registries and no secret is sent unasked.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use docker_credential::{CredentialRetrievalError, DockerCredential};
use tokio::sync::OnceCell;

use super::{DOCKER_HUB_INDEX_KEY, RegistryError};
use crate::reference::DOCKER_HUB;

/// A credential for one registry, as the docker config gives it.
#[derive(Clone, PartialEq, Eq)]
pub(crate) enum Credential {
    /// Username and password (or a personal access token used as password).
    Basic { username: String, password: String },
    /// An OAuth2 refresh token (`identitytoken`), exchanged at the token endpoint.
    IdentityToken(String),
}

impl fmt::Debug for Credential {
    // Never print secrets, not even in a debug log.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Credential::Basic { username, .. } => {
                write!(f, "Basic({username}, <redacted>)")
            }
            Credential::IdentityToken(_) => f.write_str("IdentityToken(<redacted>)"),
        }
    }
}

/// A parsed `WWW-Authenticate` challenge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Challenge {
    Basic,
    Bearer {
        realm: String,
        service: Option<String>,
    },
}

/// Parses the challenges of a 401 answer; the first Bearer or Basic one wins (Bearer
/// preferred: a registry offering both wants tokens). `None` when neither is offered.
pub(crate) fn parse_challenge(header: &str) -> Option<Challenge> {
    let challenges = http_auth::parse_challenges(header).ok()?;
    let mut basic = false;
    for c in &challenges {
        if c.scheme.eq_ignore_ascii_case("bearer") {
            let param = |name: &str| {
                c.params
                    .iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case(name))
                    .map(|(_, v)| v.to_unescaped())
            };
            let realm = param("realm")?;
            return Some(Challenge::Bearer {
                realm,
                service: param("service"),
            });
        }
        basic |= c.scheme.eq_ignore_ascii_case("basic");
    }
    basic.then_some(Challenge::Basic)
}

type Looked = Result<Option<Credential>, RegistryError>;

/// Why the local docker config cannot be used. The path is always named: "unauthorized" or
/// "unreachable" for a typo in `config.json` would send a user looking in the wrong place.
#[derive(Debug, thiserror::Error)]
pub enum DockerConfigError {
    /// The file exists but cannot be read.
    #[error("reading docker config {path}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The file is not JSON.
    #[error("docker config {path} is not valid JSON")]
    Json {
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },
    /// JSON, but not what docker writes (`auths` not an object, `auth` not base64, …).
    #[error("docker config {path}: {what}")]
    Shape { path: PathBuf, what: String },
}

/// Compared by what they say (io and JSON errors are not comparable themselves), so that
/// [`RegistryError`] stays comparable in tests.
impl PartialEq for DockerConfigError {
    fn eq(&self, other: &Self) -> bool {
        self.to_string() == other.to_string()
    }
}

impl Eq for DockerConfigError {}

/// Looks credentials up once per registry per run; helpers run off the async threads.
pub(crate) struct CredentialStore {
    config_dir: Option<PathBuf>,
    cache: Mutex<HashMap<String, Arc<OnceCell<Looked>>>>,
    /// The first configuration error met while looking credentials up (a helper that cannot
    /// run): the run ends with it as an error, not only as one image's verdict.
    first_error: Mutex<Option<RegistryError>>,
}

impl CredentialStore {
    /// `config_dir` overrides `$DOCKER_CONFIG` and `~/.docker`.
    pub(crate) fn new(config_dir: Option<PathBuf>) -> Self {
        Self {
            config_dir,
            cache: Mutex::new(HashMap::new()),
            first_error: Mutex::new(None),
        }
    }

    /// The `config.json` credentials are read from (it need not exist).
    pub(crate) fn config_path(&self) -> Option<PathBuf> {
        self.config_dir
            .clone()
            .or_else(default_config_dir)
            .map(|d| d.join("config.json"))
    }

    /// Reads and checks the docker config once, up front: a malformed one is an error of the
    /// run (exit 2) naming the file, whether or not a registry asks for credentials.
    /// No credential helper is run.
    pub(crate) fn validate(&self) -> Result<(), RegistryError> {
        let Some(path) = self.config_path() else {
            return Ok(());
        };
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(source) => {
                return Err(DockerConfigError::Read { path, source }.into());
            }
        };
        check_shape(&bytes).map_err(|e| match e {
            ShapeError::Json(source) => DockerConfigError::Json { path, source },
            ShapeError::Shape(what) => DockerConfigError::Shape { path, what },
        })?;
        Ok(())
    }

    /// Where credentials for `registry` were looked for, for messages: the docker config's
    /// path, and whether it exists.
    pub(crate) fn describe(&self) -> String {
        match self.config_path() {
            Some(p) if p.exists() => format!("docker config {}", p.display()),
            Some(p) => format!("docker config {} (no such file)", p.display()),
            None => "no docker config ($DOCKER_CONFIG and $HOME are unset)".to_owned(),
        }
    }

    /// The first configuration error a lookup met, if any.
    pub(crate) fn first_error(&self) -> Option<RegistryError> {
        self.first_error
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// The credential for `registry` (a normalised registry name, `docker.io` for Docker Hub),
    /// or `None` for anonymous access.
    pub(crate) async fn get(&self, registry: &str) -> Result<Option<Credential>, RegistryError> {
        let cell = {
            let mut cache = self
                .cache
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            cache.entry(registry.to_owned()).or_default().clone()
        };
        let looked = cell
            .get_or_init(|| async {
                let dir = self.config_dir.clone().or_else(default_config_dir);
                let registry = registry.to_owned();
                // Credential helpers are programs that may block: keep them off the runtime.
                tokio::task::spawn_blocking(move || lookup(dir.as_deref(), &registry))
                    .await
                    .unwrap_or_else(|e| {
                        Err(RegistryError::Config {
                            reason: format!("credential lookup failed: {e}"),
                        })
                    })
            })
            .await
            .clone();
        if let Err(e) = &looked {
            self.first_error
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .get_or_insert_with(|| e.clone());
        }
        looked
    }
}

/// Where docker keeps `config.json`: `$DOCKER_CONFIG`, else `~/.docker` (as the docker CLI
/// and the `docker_credential` crate pick it).
fn default_config_dir() -> Option<PathBuf> {
    std::env::var_os("DOCKER_CONFIG")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| dirs::home_dir().map(|h| h.join(".docker")))
}

enum ShapeError {
    Json(serde_json::Error),
    Shape(String),
}

/// What the docker CLI itself refuses when it loads `config.json`: not JSON, sections of the
/// wrong type, an `auth` that is not base64 of `user:password`.
fn check_shape(bytes: &[u8]) -> Result<(), ShapeError> {
    use base64::Engine as _;
    let json: serde_json::Value = serde_json::from_slice(bytes).map_err(ShapeError::Json)?;
    let shape = |what: String| Err(ShapeError::Shape(what));
    let Some(top) = json.as_object() else {
        return shape("not a JSON object".to_owned());
    };
    match top.get("auths") {
        None | Some(serde_json::Value::Null) => {}
        Some(serde_json::Value::Object(auths)) => {
            for (key, entry) in auths {
                let Some(entry) = entry.as_object() else {
                    return shape(format!("`auths` entry {} is not an object", quote(key)));
                };
                if let Some(auth) = entry.get("auth").filter(|a| !a.is_null()) {
                    let ok = auth.as_str().is_some_and(|a| {
                        a.is_empty()
                            || base64::engine::general_purpose::STANDARD
                                .decode(a.trim())
                                .is_ok_and(|d| d.contains(&b':'))
                    });
                    if !ok {
                        return shape(format!(
                            "`auths` entry {}: `auth` is not base64 of user:password",
                            quote(key)
                        ));
                    }
                }
            }
        }
        Some(_) => return shape("`auths` is not an object".to_owned()),
    }
    match top.get("credHelpers") {
        None | Some(serde_json::Value::Null) => {}
        Some(serde_json::Value::Object(helpers)) => {
            if let Some((key, _)) = helpers.iter().find(|(_, v)| !v.is_string()) {
                return shape(format!(
                    "`credHelpers` entry {} is not a string",
                    quote(key)
                ));
            }
        }
        Some(_) => return shape("`credHelpers` is not an object".to_owned()),
    }
    if top
        .get("credsStore")
        .is_some_and(|v| !v.is_string() && !v.is_null())
    {
        return shape("`credsStore` is not a string".to_owned());
    }
    Ok(())
}

/// Reads `<dir>/config.json` and finds the credential for `registry`. A missing file means
/// anonymous; an unreadable or malformed one is an error (silently going anonymous would
/// turn a typo into a confusing `unauthorized`).
fn lookup(dir: Option<&Path>, registry: &str) -> Result<Option<Credential>, RegistryError> {
    let Some(dir) = dir else { return Ok(None) };
    let path = dir.join("config.json");
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => return Err(DockerConfigError::Read { path, source }.into()),
    };
    if let Err(ShapeError::Json(source)) = check_shape(&bytes) {
        return Err(DockerConfigError::Json { path, source }.into());
    }
    lookup_in(&bytes, registry).map_err(|what| DockerConfigError::Shape { path, what }.into())
}

/// The credential for `registry` in the bytes of a docker `config.json`.
pub(crate) fn lookup_in(config: &[u8], registry: &str) -> Result<Option<Credential>, String> {
    let json: serde_json::Value =
        serde_json::from_slice(config).map_err(|e| format!("not valid JSON: {e}"))?;
    let server = server_key(&json, registry);
    match docker_credential::get_credential_from_reader(config, &server) {
        Ok(DockerCredential::UsernamePassword(username, password)) => {
            Ok(Some(Credential::Basic { username, password }))
        }
        Ok(DockerCredential::IdentityToken(t)) => Ok(Some(Credential::IdentityToken(t))),
        Err(CredentialRetrievalError::NoCredentialConfigured) => Ok(None),
        // Helpers answer "credentials not found" (exit 1) for registries they do not hold:
        // that is anonymous access, as for the docker CLI.
        Err(CredentialRetrievalError::HelperFailure {
            helper,
            stdout,
            stderr,
        }) => {
            if format!("{stdout}{stderr}").contains("credentials not found") {
                Ok(None)
            } else {
                Err(format!(
                    "credential helper {helper} failed for {server}: {}",
                    stderr.trim()
                ))
            }
        }
        Err(CredentialRetrievalError::HelperCommunicationError) => Err(format!(
            "cannot run the credential helper configured for {server} (is docker-credential-* on PATH?)"
        )),
        Err(e) => Err(format!("credentials for {server}: {e}")),
    }
}

/// The keys Docker Hub credentials are found under, `docker login`'s first.
const HUB_SPELLINGS: [&str; 5] = [
    DOCKER_HUB_INDEX_KEY,
    "https://index.docker.io/v1",
    "docker.io",
    "index.docker.io",
    "registry-1.docker.io",
];

/// The key to look `registry` up under. Docker Hub is stored under several spellings
/// (`https://index.docker.io/v1/` by `docker login`, `docker.io` by hand); other registries
/// under their host, which `docker_credential` also matches against `https://host` keys.
pub(crate) fn server_key(config: &serde_json::Value, registry: &str) -> String {
    if registry != DOCKER_HUB {
        return registry.to_owned();
    }
    let has = |section: &str, key: &str| config.get(section).and_then(|s| s.get(key)).is_some();
    if let Some(k) = HUB_SPELLINGS.iter().find(|k| has("credHelpers", k)) {
        return (*k).to_owned();
    }
    if has("auths", DOCKER_HUB_INDEX_KEY) {
        return DOCKER_HUB_INDEX_KEY.to_owned();
    }
    // `docker.io` matches every auths spelling of Docker Hub after the crate's
    // normalisation; without any, the credsStore is asked for the key docker uses.
    if HUB_SPELLINGS.iter().skip(1).any(|k| has("auths", k))
        || config
            .get("auths")
            .and_then(serde_json::Value::as_object)
            .is_some_and(|a| a.keys().any(|k| k.starts_with("https://index.docker.io")))
    {
        return DOCKER_HUB.to_owned();
    }
    DOCKER_HUB_INDEX_KEY.to_owned()
}

/// Why a pull secret's docker config cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeychainError {
    /// Not JSON, or not the shape its type promises.
    #[error("{origin}: not a docker config: {reason}")]
    Malformed { origin: String, reason: String },
}

/// Registry credentials from a cluster's image pull secrets (`kubernetes.io/dockerconfigjson`
/// and `kubernetes.io/dockercfg`), for the images of one pod only, as the kubelet uses them.
///
/// Only inline credentials are taken (`auth`, `username`/`password`, `identitytoken`): a
/// secret's `credsStore` or `credHelpers` would name a program to run on this machine, so
/// they are ignored. Keys match as the kubelet matches them: `https://` and a path are
/// dropped, the host and port must be equal, `*.example.com` matches one label, and Docker
/// Hub's spellings are one registry. The first secret (in the pod's order) with a matching
/// entry wins.
#[derive(Debug, Default)]
pub struct Keychain {
    entries: Vec<KeychainEntry>,
}

#[derive(Debug, Clone)]
struct KeychainEntry {
    /// The normalised registry key (`host[:port]`, possibly `*.domain`).
    pattern: String,
    credential: Credential,
    /// A digest of (pattern, credential): names the credential in cache keys, never shows it.
    id: String,
    /// Which secret it came from (`secret ns/name`), for messages.
    origin: String,
}

impl Keychain {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Appends `other`'s entries after this one's (a pod's second pull secret).
    pub fn extend(&mut self, other: &Keychain) {
        self.entries.extend(other.entries.iter().cloned());
    }

    /// Adds the entries of a `.dockerconfigjson` (`{"auths": {…}}`).
    pub fn add_dockerconfigjson(
        &mut self,
        bytes: &[u8],
        origin: &str,
    ) -> Result<(), KeychainError> {
        let json = parse_json(bytes, origin)?;
        let auths = json.get("auths").cloned().unwrap_or_default();
        self.add_auths(&auths, origin)
    }

    /// Adds the entries of a legacy `.dockercfg` (the `auths` map itself).
    pub fn add_dockercfg(&mut self, bytes: &[u8], origin: &str) -> Result<(), KeychainError> {
        let json = parse_json(bytes, origin)?;
        self.add_auths(&json, origin)
    }

    fn add_auths(&mut self, auths: &serde_json::Value, origin: &str) -> Result<(), KeychainError> {
        let malformed = |reason: String| KeychainError::Malformed {
            origin: origin.to_owned(),
            reason,
        };
        let Some(map) = auths.as_object() else {
            if auths.is_null() {
                return Ok(());
            }
            return Err(malformed("`auths` is not an object".to_owned()));
        };
        for (key, entry) in map {
            let credential = inline_credential(entry)
                .map_err(|reason| malformed(format!("entry {}: {reason}", quote(key))))?;
            let Some(credential) = credential else {
                continue;
            };
            let pattern = normalise_key(key);
            let id = {
                use sha2::Digest as _;
                let mut h = sha2::Sha256::new();
                h.update(pattern.as_bytes());
                h.update([0]);
                match &credential {
                    Credential::Basic { username, password } => {
                        h.update(username.as_bytes());
                        h.update([0]);
                        h.update(password.as_bytes());
                    }
                    Credential::IdentityToken(t) => h.update(t.as_bytes()),
                }
                format!("secret:{}", &hex::encode(h.finalize())[..16])
            };
            self.entries.push(KeychainEntry {
                pattern,
                credential,
                id,
                origin: origin.to_owned(),
            });
        }
        Ok(())
    }

    /// The first entry whose key matches `registry` (a normalised registry name).
    pub(crate) fn find(&self, registry: &str) -> Option<(&str, &Credential)> {
        self.entry(registry).map(|e| (e.id.as_str(), &e.credential))
    }

    /// Which secret the credential for `registry` comes from.
    pub(crate) fn origin(&self, registry: &str) -> Option<&str> {
        self.entry(registry).map(|e| e.origin.as_str())
    }

    fn entry(&self, registry: &str) -> Option<&KeychainEntry> {
        self.entries
            .iter()
            .find(|e| key_matches(&e.pattern, registry))
    }
}

fn parse_json(bytes: &[u8], origin: &str) -> Result<serde_json::Value, KeychainError> {
    serde_json::from_slice(bytes).map_err(|e| KeychainError::Malformed {
        origin: origin.to_owned(),
        reason: format!("not valid JSON: {e}"),
    })
}

/// At most ~200 bytes of a key, quoted: secrets are user input shown in messages.
fn quote(s: &str) -> String {
    let cut: String = s.chars().take(200).collect();
    format!("{cut:?}")
}

/// The inline credential of one `auths` entry: `auth` (base64 `user:password`) or
/// `username`/`password`, else `identitytoken`. `None` for an entry without any.
fn inline_credential(entry: &serde_json::Value) -> Result<Option<Credential>, String> {
    use base64::Engine as _;
    let field = |k: &str| {
        entry
            .get(k)
            .and_then(serde_json::Value::as_str)
            .filter(|s| !s.is_empty())
    };
    if let Some(auth) = field("auth") {
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(auth.trim())
            .map_err(|_| "`auth` is not base64".to_owned())?;
        let text = String::from_utf8(decoded).map_err(|_| "`auth` is not UTF-8".to_owned())?;
        let (username, password) = text
            .split_once(':')
            .ok_or_else(|| "`auth` is not `user:password`".to_owned())?;
        return Ok(Some(Credential::Basic {
            username: username.to_owned(),
            password: password.to_owned(),
        }));
    }
    if let (Some(username), Some(password)) = (field("username"), field("password")) {
        return Ok(Some(Credential::Basic {
            username: username.to_owned(),
            password: password.to_owned(),
        }));
    }
    Ok(field("identitytoken").map(|t| Credential::IdentityToken(t.to_owned())))
}

/// A docker config key as a registry name: no scheme, no path, Docker Hub as `docker.io`.
fn normalise_key(key: &str) -> String {
    let k = key.trim();
    let k = k
        .strip_prefix("https://")
        .or_else(|| k.strip_prefix("http://"))
        .unwrap_or(k);
    let host = k.split('/').next().unwrap_or_default().to_ascii_lowercase();
    match host.as_str() {
        "index.docker.io" | "registry-1.docker.io" | "docker.io" => DOCKER_HUB.to_owned(),
        _ => host,
    }
}

/// Whether a normalised key matches a registry: equal, or a `*.` wildcard of one label
/// (ports must be equal on both sides).
fn key_matches(pattern: &str, registry: &str) -> bool {
    if pattern == registry {
        return true;
    }
    let Some(suffix) = pattern.strip_prefix("*.") else {
        return false;
    };
    registry
        .split_once('.')
        .is_some_and(|(label, rest)| !label.is_empty() && rest == suffix)
}

/// The bearer token answer of a token endpoint.
#[derive(serde::Deserialize)]
pub(crate) struct TokenResponse {
    #[serde(default)]
    pub token: Option<String>,
    #[serde(default)]
    pub access_token: Option<String>,
    #[serde(default)]
    pub expires_in: Option<u64>,
}

impl TokenResponse {
    pub(crate) fn value(&self) -> Option<&str> {
        self.token
            .as_deref()
            .or(self.access_token.as_deref())
            .filter(|t| !t.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn challenges() {
        let table: &[(&str, Option<Challenge>)] = &[
            (
                r#"Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/nginx:pull""#,
                Some(Challenge::Bearer {
                    realm: "https://auth.docker.io/token".into(),
                    service: Some("registry.docker.io".into()),
                }),
            ),
            (
                r#"bearer realm="https://r.io/t""#,
                Some(Challenge::Bearer {
                    realm: "https://r.io/t".into(),
                    service: None,
                }),
            ),
            (
                r#"Basic realm="kubectl-verify-test""#,
                Some(Challenge::Basic),
            ),
            (
                r#"Basic realm="x", Bearer realm="https://t/",service="s""#,
                Some(Challenge::Bearer {
                    realm: "https://t/".into(),
                    service: Some("s".into()),
                }),
            ),
            ("Negotiate abc", None),
            (r#"Bearer service="no realm""#, None),
            ("", None),
        ];
        for (header, want) in table {
            assert_eq!(&parse_challenge(header), want, "{header}");
        }
    }

    fn b64(s: &str) -> String {
        use base64::Engine as _;
        base64::engine::general_purpose::STANDARD.encode(s)
    }

    #[test]
    fn credentials_match_only_their_registry() {
        let config = format!(
            r#"{{"auths": {{
                "127.0.0.1:5000": {{"auth": "{}"}},
                "https://ghcr.io": {{"auth": "{}"}},
                "https://index.docker.io/v1/": {{"auth": "{}"}},
                "quay.io": {{"username": "q", "password": "qp"}},
                "tok.example": {{"identitytoken": "refresh"}}
            }}}}"#,
            b64("alice:pw"),
            b64("gh:ghpw"),
            b64("hub:hubpw")
        );
        let basic = |u: &str, p: &str| {
            Some(Credential::Basic {
                username: u.into(),
                password: p.into(),
            })
        };
        let table: &[(&str, Option<Credential>)] = &[
            ("127.0.0.1:5000", basic("alice", "pw")),
            // Same host, another port: another registry, no credentials.
            ("127.0.0.1:5001", None),
            ("127.0.0.1", None),
            ("ghcr.io", basic("gh", "ghpw")),
            ("docker.io", basic("hub", "hubpw")),
            ("quay.io", basic("q", "qp")),
            (
                "tok.example",
                Some(Credential::IdentityToken("refresh".into())),
            ),
            ("registry.k8s.io", None),
            ("evil.example/127.0.0.1:5000", None),
        ];
        for (registry, want) in table {
            assert_eq!(
                &lookup_in(config.as_bytes(), registry).unwrap(),
                want,
                "{registry}"
            );
        }
    }

    #[test]
    fn docker_hub_spellings() {
        for key in [
            "https://index.docker.io/v1/",
            "docker.io",
            "index.docker.io",
            "registry-1.docker.io",
        ] {
            let config = format!(r#"{{"auths": {{"{key}": {{"auth": "{}"}}}}}}"#, b64("u:p"));
            assert_eq!(
                lookup_in(config.as_bytes(), "docker.io").unwrap(),
                Some(Credential::Basic {
                    username: "u".into(),
                    password: "p".into()
                }),
                "{key}"
            );
            // Docker Hub credentials never go to a mirror or another registry.
            assert_eq!(
                lookup_in(config.as_bytes(), "mirror.local:5000").unwrap(),
                None
            );
        }
    }

    #[test]
    fn server_key_for_helpers() {
        let table: &[(&str, &str, &str)] = &[
            (
                r#"{"credsStore": "desktop"}"#,
                "docker.io",
                DOCKER_HUB_INDEX_KEY,
            ),
            (
                r#"{"credHelpers": {"docker.io": "x"}}"#,
                "docker.io",
                "docker.io",
            ),
            (
                r#"{"credHelpers": {"index.docker.io": "x"}}"#,
                "docker.io",
                "index.docker.io",
            ),
            (
                r#"{"credHelpers": {"gcr.io": "gcloud"}}"#,
                "gcr.io",
                "gcr.io",
            ),
            (r#"{"auths": {"docker.io": {}}}"#, "docker.io", "docker.io"),
        ];
        for (config, registry, want) in table {
            let json: serde_json::Value = serde_json::from_str(config).unwrap();
            assert_eq!(server_key(&json, registry), *want, "{config}");
        }
    }

    #[test]
    fn bad_configs_are_errors_not_anonymous() {
        assert!(lookup_in(b"{not json", "x.io").is_err());
        let mismatch = format!(
            r#"{{"auths": {{"x.io": {{"auth": "{}", "username": "other", "password": "p"}}}}}}"#,
            b64("u:p")
        );
        assert!(lookup_in(mismatch.as_bytes(), "x.io").is_err());
        // A helper that cannot be run is an error naming what was tried.
        let e = lookup_in(
            br#"{"credHelpers": {"x.io": "kubectl-verify-no-such-helper"}}"#,
            "x.io",
        )
        .unwrap_err();
        assert!(e.contains("credential helper"), "{e}");
        // No config entry at all: anonymous.
        assert_eq!(lookup_in(b"{}", "x.io").unwrap(), None);
    }

    #[test]
    fn keychains_match_as_the_kubelet_does() {
        let mut k = Keychain::new();
        let json = format!(
            r#"{{"auths": {{
                "https://private.example:5000/v2/": {{"auth": "{}"}},
                "*.corp.example": {{"username": "c", "password": "cp"}},
                "https://index.docker.io/v1/": {{"auth": "{}"}},
                "helper.example": {{}}
            }}, "credsStore": "evil"}}"#,
            b64("alice:pw"),
            b64("hub:hubpw")
        );
        k.add_dockerconfigjson(json.as_bytes(), "secret ns/a")
            .unwrap();
        k.add_dockercfg(
            format!(r#"{{"old.example": {{"auth": "{}"}}}}"#, b64("o:op")).as_bytes(),
            "secret ns/b",
        )
        .unwrap();
        let user = |r: &str| {
            k.find(r).map(|(_, c)| match c {
                Credential::Basic { username, .. } => username.clone(),
                Credential::IdentityToken(_) => "token".to_owned(),
            })
        };
        let table: &[(&str, Option<&str>)] = &[
            ("private.example:5000", Some("alice")),
            ("private.example", None),
            ("private.example:5001", None),
            ("a.corp.example", Some("c")),
            ("a.b.corp.example", None),
            ("corp.example", None),
            ("docker.io", Some("hub")),
            ("old.example", Some("o")),
            ("helper.example", None),
            ("elsewhere.example", None),
        ];
        for (registry, want) in table {
            assert_eq!(user(registry).as_deref(), *want, "{registry}");
        }
        // Ids name the credential without showing it, and differ between credentials.
        let (a, _) = k.find("private.example:5000").unwrap();
        let (b, _) = k.find("docker.io").unwrap();
        assert!(a.starts_with("secret:") && a != b && !a.contains("pw"));
        // Broken secrets are errors naming the secret, not anonymous access.
        let e = Keychain::new()
            .add_dockerconfigjson(b"{nope", "secret ns/c")
            .unwrap_err();
        assert!(
            e.to_string()
                .starts_with("secret ns/c: not a docker config"),
            "{e}"
        );
        let e = Keychain::new()
            .add_dockercfg(br#"{"x.io": {"auth": "!!"}}"#, "secret ns/d")
            .unwrap_err();
        assert!(e.to_string().contains("not base64"), "{e}");
    }

    #[test]
    fn token_response_spellings() {
        let t: TokenResponse = serde_json::from_str(r#"{"token":"a","expires_in":300}"#).unwrap();
        assert_eq!((t.value(), t.expires_in), (Some("a"), Some(300)));
        let t: TokenResponse = serde_json::from_str(r#"{"access_token":"b"}"#).unwrap();
        assert_eq!(t.value(), Some("b"));
        let t: TokenResponse = serde_json::from_str(r#"{"token":""}"#).unwrap();
        assert_eq!(t.value(), None);
    }
}
