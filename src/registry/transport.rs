//! One HTTP exchange with a registry, made robust: the scheme (HTTPS, or for an insecure host
//! unverified HTTPS falling back to plain HTTP), authentication on demand (401 → challenge →
//! credentials or token → one retry), bounded retries on 429 honouring `Retry-After`, and a
//! deadline over all of it. Transport failures become [`RegistryError`]s that say what to try.
//!
//! Redirects (registries send blob downloads to storage hosts) are followed by
//! [`redirect_policy`]: at most [`MAX_REDIRECTS`] hops, never from https to plain http, and by
//! the unverified-TLS client of `--insecure-registry` hosts only to the same host and port.
//! Credentials never cross hosts: reqwest drops `Authorization` (and cookies) whenever a hop
//! changes scheme, host or port, whatever the policy.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, SystemTime};

use reqwest::{Method, StatusCode, header};
use tokio::time::Instant;

use super::auth::{Challenge, Credential, CredentialStore, TokenResponse, parse_challenge};
use super::{Refused, RegistryError};

/// How often a 429 is retried before giving up with `RateLimited`.
const RATE_LIMIT_RETRIES: u32 = 3;
/// The longest single wait a `Retry-After` may impose; longer asks are shortened to this.
const MAX_RETRY_WAIT: Duration = Duration::from_secs(10);
/// Tokens without `expires_in` live 60 s (distribution token spec); renew a little early.
const DEFAULT_TOKEN_LIFETIME: u64 = 60;
/// A token is reused for at most this long, whatever `expires_in` a server claims.
const MAX_TOKEN_LIFETIME: u64 = 24 * 3600;
const TOKEN_RENEW_MARGIN: Duration = Duration::from_secs(5);
/// The token cache's name for credentials from the local docker config (or none).
const LOCAL_CREDENTIALS: &str = "local";
/// Stands in for "never" when `now + duration` cannot be represented.
const FAR_FUTURE: Duration = Duration::from_secs(30 * 365 * 86_400);
/// Token answers and error bodies are small; never buffer more than this of them.
const SMALL_BODY_MAX: usize = 1 << 20;
/// Redirect hops followed per request (reqwest's default).
pub(crate) const MAX_REDIRECTS: usize = 10;

/// Which redirects a client follows. Never from https to http (a downgrade would expose the
/// request and the answer to anyone on the path); with `same_host_only` (the client that does
/// not verify certificates), only to the host and port first asked. The decision reads the
/// URLs as reqwest does (the `url` crate), so what is checked is what is fetched.
pub(crate) fn redirect_policy(same_host_only: bool) -> reqwest::redirect::Policy {
    reqwest::redirect::Policy::custom(move |attempt| {
        match refuse_redirect(attempt.url(), attempt.previous(), same_host_only) {
            Some(why) => attempt.error(why),
            None => attempt.follow(),
        }
    })
}

/// Why the hop to `next` after `previous` (the original URL first) is not followed.
fn refuse_redirect(
    next: &reqwest::Url,
    previous: &[reqwest::Url],
    same_host_only: bool,
) -> Option<String> {
    let (Some(first), Some(last)) = (previous.first(), previous.last()) else {
        return None;
    };
    if previous.len() > MAX_REDIRECTS {
        return Some(format!("more than {MAX_REDIRECTS} redirects"));
    }
    if last.scheme() == "https" && next.scheme() != "https" {
        return Some(format!(
            "refusing to follow a redirect from https to {} ({})",
            next.scheme(),
            redirect_target(next)
        ));
    }
    if same_host_only && !same_host(first, next) {
        return Some(format!(
            "refusing to follow a redirect from insecure registry {} to another host ({}): \
             --insecure-registry turns certificate checks off for that host only",
            host_port(first),
            redirect_target(next)
        ));
    }
    None
}

/// The same host, and the same port when either URL names one (an http → https upgrade of
/// `host` with no port written stays on `host`).
fn same_host(a: &reqwest::Url, b: &reqwest::Url) -> bool {
    a.host() == b.host()
        && ((a.port().is_none() && b.port().is_none())
            || a.port_or_known_default() == b.port_or_known_default())
}

/// `host[:port]` of a URL.
fn host_port(u: &reqwest::Url) -> String {
    match (u.host_str(), u.port()) {
        (Some(h), Some(p)) => format!("{h}:{p}"),
        (Some(h), None) => h.to_owned(),
        _ => String::new(),
    }
}

/// Where a redirect points, short and without credentials or query (which may hold tokens).
fn redirect_target(u: &reqwest::Url) -> String {
    format!(
        "{}://{}{}",
        u.scheme(),
        host_port(u),
        truncate(u.path(), 80)
    )
}

fn truncate(s: &str, max: usize) -> &str {
    match s.char_indices().nth(max) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// Where one registry request goes, after mirror mapping.
#[derive(Debug, Clone)]
pub(crate) struct Endpoint {
    /// The registry name credentials and messages use (`docker.io`, a mirror's host).
    pub registry: String,
    /// `host[:port]` requests are sent to (`registry-1.docker.io` for Docker Hub).
    pub host: String,
    /// The repository path at that registry (mirror prefix included).
    pub repository: String,
    /// Listed with `--insecure-registry`: unverified HTTPS, then plain HTTP.
    pub insecure: bool,
    /// A cluster pull secret's credential for this registry: used instead of the local
    /// docker config, and named in every token cache key.
    pub secret: Option<Secret>,
}

/// A pull secret's credential for one registry.
#[derive(Debug, Clone)]
pub(crate) struct Secret {
    /// The keychain's id of the credential (a digest; never the secret itself).
    pub id: String,
    pub credential: Credential,
    /// Which secret it came from, for messages (`secret ns/name`).
    pub origin: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scheme {
    Https,
    Http,
}

impl Scheme {
    fn as_str(self) -> &'static str {
        match self {
            Scheme::Https => "https",
            Scheme::Http => "http",
        }
    }
}

/// What we learnt about a host during this run.
#[derive(Default, Clone)]
struct HostState {
    /// The challenge it answered with, so later requests authenticate up front.
    challenge: Option<Challenge>,
    /// For insecure hosts: the scheme that answered.
    scheme: Option<Scheme>,
    /// Some request got an HTTP answer: challenge and scheme are as known as they get.
    answered: bool,
}

#[derive(Clone)]
struct Token {
    value: String,
    renew_at: Instant,
}

type TokenSlot = Arc<tokio::sync::Mutex<Option<Token>>>;

pub(crate) struct Transport {
    /// Full certificate verification (system roots plus `--registry-ca`).
    verified: reqwest::Client,
    /// No certificate verification: used only for hosts listed as insecure.
    unverified: reqwest::Client,
    credentials: CredentialStore,
    timeout: Duration,
    hosts: Mutex<HashMap<String, HostState>>,
    /// Held by the first request to a host until it is answered, so that a burst of
    /// concurrent lookups learns the challenge (and scheme) once instead of each collecting
    /// its own 401 or failed TLS attempt.
    first_request: Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
    /// Bearer tokens per (registry, scope, credential); the async lock makes concurrent
    /// requests for the same repository share one token fetch. The credential is part of the
    /// key so that a token one namespace's pull secret obtained never serves another's image.
    tokens: Mutex<HashMap<(String, String, String), TokenSlot>>,
}

impl Transport {
    pub(crate) fn new(
        extra_ca_pem: &[Vec<u8>],
        timeout: Duration,
        credentials: CredentialStore,
    ) -> Result<Self, RegistryError> {
        let mut certs = Vec::new();
        for (i, pem) in extra_ca_pem.iter().enumerate() {
            let bundle =
                reqwest::Certificate::from_pem_bundle(pem).map_err(|e| RegistryError::Config {
                    reason: format!(
                        "extra CA certificate #{}: not a PEM certificate: {e}",
                        i + 1
                    ),
                })?;
            if bundle.is_empty() {
                return Err(RegistryError::Config {
                    reason: format!(
                        "extra CA certificate #{}: no PEM certificate found in it",
                        i + 1
                    ),
                });
            }
            certs.extend(bundle);
        }
        let builder = |same_host_only| {
            reqwest::Client::builder()
                .user_agent(concat!("kubectl-verify/", env!("CARGO_PKG_VERSION")))
                .connect_timeout(timeout)
                .redirect(redirect_policy(same_host_only))
                .tls_certs_merge(certs.clone())
        };
        let build_err = |e: reqwest::Error| RegistryError::Config {
            reason: format!("setting up the HTTP client: {}", error_chain(&e)),
        };
        Ok(Self {
            verified: builder(false).build().map_err(build_err)?,
            unverified: builder(true)
                .danger_accept_invalid_certs(true)
                .build()
                .map_err(build_err)?,
            credentials,
            timeout,
            hosts: Mutex::new(HashMap::new()),
            first_request: Mutex::new(HashMap::new()),
            tokens: Mutex::new(HashMap::new()),
        })
    }

    pub(crate) fn timeout(&self) -> Duration {
        self.timeout
    }

    pub(crate) fn deadline(&self) -> Instant {
        instant_after(Instant::now(), self.timeout)
    }

    fn host_state(&self, registry: &str) -> HostState {
        self.hosts
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(registry)
            .cloned()
            .unwrap_or_default()
    }

    fn update_host(&self, registry: &str, f: impl FnOnce(&mut HostState)) {
        let mut hosts = self.hosts.lock().unwrap_or_else(PoisonError::into_inner);
        f(hosts.entry(registry.to_owned()).or_default());
    }

    /// The first setup error a credential lookup met (see [`CredentialStore::first_error`]).
    pub(crate) fn setup_error(&self) -> Option<RegistryError> {
        self.credentials.first_error()
    }

    /// A 401/403 that authenticating did not cure, saying whether credentials were refused
    /// or missing, and where they were looked for. `sent`: an `Authorization` went with the
    /// refused request (an anonymous bearer token counts only if a credential obtained it).
    async fn unauthorized(&self, ep: &Endpoint, sent: bool) -> RegistryError {
        let (have, place) = match &ep.secret {
            Some(s) => (sent, s.origin.clone()),
            None => (
                // Only asked when something was sent, so the lookup is already cached.
                sent && matches!(self.credentials.get(&ep.registry).await, Ok(Some(_))),
                self.credentials.describe(),
            ),
        };
        RegistryError::Unauthorized {
            registry: ep.registry.clone(),
            refused: if have {
                Refused::Credentials { from: place }
            } else {
                Refused::NoCredentials { looked_in: place }
            },
        }
    }

    fn timed_out(&self, ep: &Endpoint) -> RegistryError {
        RegistryError::Timeout {
            registry: ep.registry.clone(),
            after: self.timeout,
        }
    }

    /// Sends `method` to `/v2/<repository>/<path>` and returns the answer once it is neither
    /// an authentication challenge nor a rate limit. 401/403 after authenticating become
    /// `Unauthorized`; everything else is for the caller to judge.
    pub(crate) async fn send(
        &self,
        ep: &Endpoint,
        method: Method,
        path: &str,
        accept: &str,
        deadline: Instant,
    ) -> Result<reqwest::Response, RegistryError> {
        let url_path = format!("/v2/{}/{path}", ep.repository);
        let scope = format!("repository:{}:pull", ep.repository);
        // Held until this request is done if it is the first to this host (see field doc).
        let _first = if self.host_state(&ep.registry).answered {
            None
        } else {
            let lock = self
                .first_request
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .entry(ep.registry.clone())
                .or_default()
                .clone();
            let guard = tokio::time::timeout_at(deadline, lock.lock_owned())
                .await
                .map_err(|_| self.timed_out(ep))?;
            (!self.host_state(&ep.registry).answered).then_some(guard)
        };
        let mut authorization = match self.host_state(&ep.registry).challenge {
            Some(ch) => self.authorization(ep, &ch, &scope, deadline, false).await?,
            None => None,
        };
        let mut reauthenticated = false;
        let mut rate_limited = 0;
        loop {
            let response = self
                .exchange(
                    ep,
                    method.clone(),
                    &url_path,
                    accept,
                    authorization.as_deref(),
                    deadline,
                )
                .await?;
            match response.status() {
                StatusCode::UNAUTHORIZED if !reauthenticated => {
                    reauthenticated = true;
                    let challenge = response
                        .headers()
                        .get(header::WWW_AUTHENTICATE)
                        .and_then(|v| v.to_str().ok())
                        .and_then(parse_challenge);
                    let Some(challenge) = challenge else {
                        return Err(self.unauthorized(ep, authorization.is_some()).await);
                    };
                    self.update_host(&ep.registry, |h| h.challenge = Some(challenge.clone()));
                    // A token we sent was refused (expired, or too narrow): fetch a new one.
                    let renew = authorization.is_some();
                    authorization = self
                        .authorization(ep, &challenge, &scope, deadline, renew)
                        .await?;
                    if authorization.is_none() {
                        return Err(self.unauthorized(ep, false).await);
                    }
                }
                StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN => {
                    return Err(self.unauthorized(ep, authorization.is_some()).await);
                }
                StatusCode::TOO_MANY_REQUESTS => {
                    let wait = response
                        .headers()
                        .get(header::RETRY_AFTER)
                        .and_then(|v| v.to_str().ok())
                        .and_then(|v| parse_retry_after(v, SystemTime::now()))
                        .unwrap_or_else(|| {
                            Duration::from_millis(500)
                                .saturating_mul(2u32.saturating_pow(rate_limited))
                        })
                        .min(MAX_RETRY_WAIT);
                    rate_limited += 1;
                    if rate_limited > RATE_LIMIT_RETRIES
                        || instant_after(Instant::now(), wait) >= deadline
                    {
                        return Err(RegistryError::RateLimited {
                            registry: ep.registry.clone(),
                        });
                    }
                    // Waiting out the registry's own Retry-After is the point here.
                    tokio::time::sleep(wait).await;
                }
                _ => return Ok(response),
            }
        }
    }

    /// One request on the right scheme, within the deadline. For an insecure host whose
    /// scheme is not known yet, unverified HTTPS is tried first and plain HTTP if that cannot
    /// connect (as the docker daemon does); the scheme that answered is remembered.
    async fn exchange(
        &self,
        ep: &Endpoint,
        method: Method,
        url_path: &str,
        accept: &str,
        authorization: Option<&str>,
        deadline: Instant,
    ) -> Result<reqwest::Response, RegistryError> {
        let known = if ep.insecure {
            self.host_state(&ep.registry).scheme
        } else {
            Some(Scheme::Https)
        };
        let attempts: &[Scheme] = match known {
            Some(Scheme::Https) => &[Scheme::Https],
            Some(Scheme::Http) => &[Scheme::Http],
            None => &[Scheme::Https, Scheme::Http],
        };
        let mut last = None;
        for &scheme in attempts {
            let client = if ep.insecure {
                &self.unverified
            } else {
                &self.verified
            };
            let url = format!("{}://{}{url_path}", scheme.as_str(), ep.host);
            let mut req = client.request(method.clone(), &url);
            if !accept.is_empty() {
                req = req.header(header::ACCEPT, accept);
            }
            if let Some(a) = authorization {
                req = req.header(header::AUTHORIZATION, a);
            }
            let started = Instant::now();
            let sent = tokio::time::timeout_at(deadline, req.send()).await;
            log_exchange(&method, &url, started, &sent, |log| {
                if !accept.is_empty() {
                    log(header::ACCEPT.as_str(), accept);
                }
                if let Some(a) = authorization {
                    log(header::AUTHORIZATION.as_str(), a);
                }
            });
            match sent {
                Err(_) => return Err(self.timed_out(ep)),
                Ok(Ok(resp)) => {
                    self.update_host(&ep.registry, |h| {
                        h.answered = true;
                        h.scheme = Some(scheme);
                    });
                    return Ok(resp);
                }
                Ok(Err(e)) if e.is_timeout() => return Err(self.timed_out(ep)),
                Ok(Err(e)) => last = Some(e),
            }
        }
        let e = last.expect("at least one attempt was made");
        Err(RegistryError::Unreachable {
            registry: ep.registry.clone(),
            reason: unreachable_reason(&e, ep),
        })
    }

    /// The `Authorization` header value for a challenge: basic credentials, or a bearer token
    /// for `scope` (cached per registry and scope; `renew` drops a refused one).
    /// `None` when the registry wants credentials we do not have.
    async fn authorization(
        &self,
        ep: &Endpoint,
        challenge: &Challenge,
        scope: &str,
        deadline: Instant,
        renew: bool,
    ) -> Result<Option<String>, RegistryError> {
        let (credential, credential_id) = match &ep.secret {
            Some(s) => (Some(s.credential.clone()), s.id.clone()),
            None => (
                tokio::time::timeout_at(deadline, self.credentials.get(&ep.registry))
                    .await
                    .map_err(|_| self.timed_out(ep))??,
                LOCAL_CREDENTIALS.to_owned(),
            ),
        };
        match challenge {
            Challenge::Basic => Ok(match credential {
                Some(Credential::Basic { username, password }) => {
                    Some(basic_header(&username, &password))
                }
                // A refresh token means nothing to a basic-auth registry.
                Some(Credential::IdentityToken(_)) | None => None,
            }),
            Challenge::Bearer { realm, service } => {
                let slot = {
                    let mut tokens = self.tokens.lock().unwrap_or_else(PoisonError::into_inner);
                    tokens
                        .entry((ep.registry.clone(), scope.to_owned(), credential_id))
                        .or_default()
                        .clone()
                };
                let mut guard = tokio::time::timeout_at(deadline, slot.lock())
                    .await
                    .map_err(|_| self.timed_out(ep))?;
                if renew {
                    *guard = None;
                }
                if let Some(t) = guard.as_ref()
                    && Instant::now() < t.renew_at
                {
                    return Ok(Some(format!("Bearer {}", t.value)));
                }
                let token = self
                    .fetch_token(
                        ep,
                        realm,
                        service.as_deref(),
                        scope,
                        credential.as_ref(),
                        deadline,
                    )
                    .await?;
                let header = format!("Bearer {}", token.value);
                *guard = Some(token);
                Ok(Some(header))
            }
        }
    }

    /// The distribution token spec: GET the realm with `service` and `scope` (basic auth when
    /// we hold a password), or POST a refresh token (OAuth2) when we hold an identity token.
    async fn fetch_token(
        &self,
        ep: &Endpoint,
        realm: &str,
        service: Option<&str>,
        scope: &str,
        credential: Option<&Credential>,
        deadline: Instant,
    ) -> Result<Token, RegistryError> {
        let protocol = |reason: String| RegistryError::Protocol {
            registry: ep.registry.clone(),
            reason,
        };
        let mut url = reqwest::Url::parse(realm)
            .map_err(|e| protocol(format!("token realm {realm:?} is not a URL: {e}")))?;
        let realm_host = match (url.host_str(), url.port()) {
            (Some(h), Some(p)) => format!("{h}:{p}"),
            (Some(h), None) => h.to_owned(),
            _ => String::new(),
        };
        let same_insecure_host = ep.insecure && realm_host == ep.host;
        match url.scheme() {
            "https" => {}
            // Never send a password or token in clear text, unless the user said this
            // very host is trusted.
            "http" if same_insecure_host || credential.is_none() => {}
            other => {
                return Err(protocol(format!(
                    "token realm {realm:?} uses {other}:, refusing to send credentials over it"
                )));
            }
        }
        let client = if same_insecure_host {
            &self.unverified
        } else {
            &self.verified
        };
        let req = if let Some(Credential::IdentityToken(refresh)) = credential {
            // A form body, encoded with the URL crate's form serializer.
            let mut form = reqwest::Url::parse("http://form.invalid/").expect("static URL");
            form.query_pairs_mut()
                .append_pair("grant_type", "refresh_token")
                .append_pair("client_id", "kubectl-verify")
                .append_pair("refresh_token", refresh)
                .append_pair("scope", scope);
            if let Some(s) = service {
                form.query_pairs_mut().append_pair("service", s);
            }
            client
                .post(url)
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(form.query().unwrap_or_default().to_owned())
        } else {
            {
                let mut q = url.query_pairs_mut();
                if let Some(s) = service {
                    q.append_pair("service", s);
                }
                q.append_pair("scope", scope);
            }
            let req = client.get(url);
            match credential {
                Some(Credential::Basic { username, password }) => {
                    req.header(header::AUTHORIZATION, basic_header(username, password))
                }
                _ => req,
            }
        };
        let started = Instant::now();
        let shown = redact_url_str(realm);
        let method = if matches!(credential, Some(Credential::IdentityToken(_))) {
            Method::POST
        } else {
            Method::GET
        };
        let sent = tokio::time::timeout_at(deadline, req.send()).await;
        log_exchange(&method, &shown, started, &sent, |log| {
            if matches!(credential, Some(Credential::Basic { .. })) {
                log(header::AUTHORIZATION.as_str(), "");
            }
        });
        let resp = match sent {
            Err(_) => return Err(self.timed_out(ep)),
            Ok(Err(e)) if e.is_timeout() => return Err(self.timed_out(ep)),
            Ok(Err(e)) => {
                return Err(RegistryError::Unreachable {
                    registry: ep.registry.clone(),
                    reason: format!("token endpoint {realm}: {}", error_chain(&e)),
                });
            }
            Ok(Ok(r)) => r,
        };
        let status = resp.status();
        if matches!(status, StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN) {
            return Err(self.unauthorized(ep, credential.is_some()).await);
        }
        if status == StatusCode::TOO_MANY_REQUESTS {
            return Err(RegistryError::RateLimited {
                registry: ep.registry.clone(),
            });
        }
        let body = read_body(resp, SMALL_BODY_MAX, deadline, &ep.registry, self.timeout)
            .await
            .map_err(|e| match e {
                BodyError::Registry(e) => e,
                BodyError::TooLarge => protocol(format!("token answer from {realm} is too large")),
            })?;
        if !status.is_success() {
            return Err(protocol(format!(
                "token endpoint {realm} answered HTTP {status}: {}",
                snippet(&body)
            )));
        }
        let parsed: TokenResponse = serde_json::from_slice(&body)
            .map_err(|e| protocol(format!("token answer from {realm} is not JSON: {e}")))?;
        let value = parsed
            .value()
            .ok_or_else(|| protocol(format!("token answer from {realm} holds no token")))?
            .to_owned();
        Ok(Token {
            value,
            renew_at: token_renew_at(Instant::now(), parsed.expires_in),
        })
    }
}

/// Query parameters a log may show: none of them carries a secret. Everything else (a
/// storage redirect's signature, a token) is shown as `REDACTED`.
const SHOWN_QUERY: &[&str] = &["scope", "service", "artifactType", "n", "last"];
/// Headers whose value is never logged.
const SECRET_HEADERS: &[&str] = &[
    "authorization",
    "proxy-authorization",
    "cookie",
    "set-cookie",
    "x-amz-security-token",
];

/// A URL as logs show it: no user or password, and the values of query parameters other than
/// [`SHOWN_QUERY`] replaced by `REDACTED` (signed storage URLs carry credentials there).
pub(crate) fn redact_url(u: &reqwest::Url) -> String {
    let mut u = u.clone();
    let _ = u.set_username("");
    let _ = u.set_password(None);
    if u.query().is_some() {
        let pairs: Vec<(String, String)> = u
            .query_pairs()
            .map(|(k, v)| {
                let v = if SHOWN_QUERY.contains(&k.as_ref()) {
                    v.into_owned()
                } else {
                    "REDACTED".to_owned()
                };
                (k.into_owned(), v)
            })
            .collect();
        u.query_pairs_mut().clear().extend_pairs(pairs);
    }
    u.to_string()
}

/// [`redact_url`] of a string; what does not parse is not shown at all.
pub(crate) fn redact_url_str(u: &str) -> String {
    reqwest::Url::parse(u).map_or_else(|_| "<unparsable URL>".to_owned(), |u| redact_url(&u))
}

/// A header value as logs show it.
fn redact_header(name: &str, value: &str) -> String {
    let name = name.to_ascii_lowercase();
    if SECRET_HEADERS.contains(&name.as_str()) {
        "<redacted>".to_owned()
    } else if name == "location" {
        redact_url_str(value)
    } else {
        value.to_owned()
    }
}

/// `-v=6`: one line per HTTP exchange (method, URL, status, time; the final URL when a
/// redirect was followed). `-v=8`: with the request headers `request_headers` names and the
/// response headers, secrets redacted.
fn log_exchange<E: std::fmt::Display>(
    method: &Method,
    url: &str,
    started: Instant,
    sent: &Result<Result<reqwest::Response, reqwest::Error>, E>,
    request_headers: impl FnOnce(&mut dyn FnMut(&str, &str)),
) {
    if crate::report::verbosity() < 6 {
        return;
    }
    let ms = started.elapsed().as_millis();
    let shown = redact_url_str(url);
    match sent {
        Ok(Ok(resp)) => {
            let redirected = if resp.url().as_str() == url {
                String::new()
            } else {
                format!(" (redirected to {})", redact_url(resp.url()))
            };
            crate::report::log(6, || {
                format!("{method} {shown} {} in {ms} ms{redirected}", resp.status())
            });
        }
        Ok(Err(e)) => crate::report::log(6, || {
            format!("{method} {shown} failed after {ms} ms: {}", error_chain(e))
        }),
        Err(_) => crate::report::log(6, || {
            format!("{method} {shown} gave no answer within the deadline ({ms} ms)")
        }),
    }
    if crate::report::verbosity() < 8 {
        return;
    }
    request_headers(&mut |name, value| {
        crate::report::log(8, || format!("  > {name}: {}", redact_header(name, value)));
    });
    if let Ok(Ok(resp)) = sent {
        for (name, value) in resp.headers() {
            let value = String::from_utf8_lossy(value.as_bytes());
            crate::report::log(8, || {
                format!("  < {name}: {}", redact_header(name.as_str(), &value))
            });
        }
    }
}

/// `now + after`, saturating: a deadline or renewal time computed from a number a server or
/// user chose never overflows (far beyond any run when it would).
fn instant_after(now: Instant, after: Duration) -> Instant {
    now.checked_add(after)
        .or_else(|| now.checked_add(FAR_FUTURE))
        .unwrap_or(now)
}

/// When a token the server says lives `expires_in` seconds is renewed: a little early, and
/// after at most [`MAX_TOKEN_LIFETIME`] whatever the server claims.
fn token_renew_at(now: Instant, expires_in: Option<u64>) -> Instant {
    let secs = expires_in
        .unwrap_or(DEFAULT_TOKEN_LIFETIME)
        .min(MAX_TOKEN_LIFETIME);
    instant_after(
        now,
        Duration::from_secs(secs).saturating_sub(TOKEN_RENEW_MARGIN),
    )
}

fn basic_header(username: &str, password: &str) -> String {
    use base64::Engine as _;
    let raw = format!("{username}:{password}");
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(raw)
    )
}

pub(crate) enum BodyError {
    Registry(RegistryError),
    TooLarge,
}

/// Reads a body of at most `max` bytes before `deadline`.
pub(crate) async fn read_body(
    mut resp: reqwest::Response,
    max: usize,
    deadline: Instant,
    registry: &str,
    timeout: Duration,
) -> Result<Vec<u8>, BodyError> {
    let timed_out = || RegistryError::Timeout {
        registry: registry.to_owned(),
        after: timeout,
    };
    if resp
        .content_length()
        .is_some_and(|n| usize::try_from(n).map_or(true, |n| n > max))
    {
        return Err(BodyError::TooLarge);
    }
    let mut body = Vec::new();
    loop {
        match tokio::time::timeout_at(deadline, resp.chunk()).await {
            Err(_) => return Err(BodyError::Registry(timed_out())),
            Ok(Err(e)) if e.is_timeout() => return Err(BodyError::Registry(timed_out())),
            Ok(Err(e)) => {
                return Err(BodyError::Registry(RegistryError::Unreachable {
                    registry: registry.to_owned(),
                    reason: format!("reading the answer: {}", error_chain(&e)),
                }));
            }
            Ok(Ok(None)) => return Ok(body),
            Ok(Ok(Some(chunk))) => {
                if body.len() + chunk.len() > max {
                    return Err(BodyError::TooLarge);
                }
                body.extend_from_slice(&chunk);
            }
        }
    }
}

/// The first 200 characters of an error body, on one line.
pub(crate) fn snippet(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match one_line.char_indices().nth(200) {
        Some((i, _)) => format!("{}…", &one_line[..i]),
        None => one_line,
    }
}

/// The error and its causes, `: `-joined, without reqwest's URL noise repeated.
fn error_chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut cur: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = cur {
        let s = err.to_string();
        // hyper's wrapper level says nothing the next cause does not.
        if !s.starts_with("client error (") && !parts.iter().any(|p| p.contains(&s)) {
            parts.push(s);
        }
        cur = err.source();
    }
    // The innermost causes say the most ("Connection refused", "UnknownIssuer"); the
    // outermost is reqwest's "error sending request for url (…)".
    if parts.len() > 1 {
        parts.remove(0);
    }
    parts.join(": ")
}

/// Why a connection failed, with the flag that usually fixes it. A TLS failure is named in
/// words first (rustls spells it `UnknownIssuer`, `NotValidForName`, …).
fn unreachable_reason(e: &reqwest::Error, ep: &Endpoint) -> String {
    let chain = error_chain(e);
    if ep.insecure {
        return chain;
    }
    let lower = chain.to_ascii_lowercase();
    if let Some(problem) = tls_problem(&lower) {
        return format!(
            "TLS: {problem} ({chain}); if the registry uses a private CA, pass --registry-ca FILE \
             with that CA's certificate"
        );
    }
    if lower.contains("invalidcontenttype")
        || lower.contains("corrupt message")
        || lower.contains("wrong version number")
        || lower.contains("http request to an https server")
    {
        return format!(
            "{chain} (the registry seems to speak plain HTTP: pass --insecure-registry {} to \
             allow it)",
            ep.registry
        );
    }
    chain
}

/// The certificate problem a (lowercased) rustls error chain names, in words.
fn tls_problem(lower: &str) -> Option<&'static str> {
    let has = |needles: &[&str]| needles.iter().any(|n| lower.contains(n));
    Some(if has(&["unknownissuer", "unknown issuer"]) {
        "the registry's certificate is signed by an unknown CA"
    } else if has(&["notvalidforname", "not valid for name"]) {
        "the registry's certificate is not valid for this host name (name mismatch)"
    } else if has(&[
        "unsupportedsignaturealgorithm",
        "unsupported signature algorithm",
    ]) {
        "the registry's certificate uses an unsupported signature algorithm"
    } else if has(&["expired", "notvalidyet", "not valid yet"]) {
        "the registry's certificate is expired or not yet valid"
    } else if has(&["certificate", "handshake"]) {
        "the registry's certificate was refused"
    } else {
        return None;
    })
}

/// `Retry-After`: delay-seconds or an HTTP-date (IMF-fixdate), relative to `now`. A date
/// in the past means now.
pub(crate) fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let at = http_date(value)?;
    Some(at.duration_since(now).unwrap_or_default())
}

/// An HTTP date in any of RFC 9110's three formats (IMF-fixdate, RFC 850, asctime), by the
/// httpdate crate. `None` for anything else, and for dates before 1970 or after 9999.
fn http_date(value: &str) -> Option<SystemTime> {
    httpdate::parse_http_date(value).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(784_111_777); // 1994-11-06 08:49:37
        let table: &[(&str, Option<u64>)] = &[
            ("0", Some(0)),
            ("7", Some(7)),
            (" 120 ", Some(120)),
            ("Sun, 06 Nov 1994 08:49:37 GMT", Some(0)),
            ("Sun, 06 Nov 1994 08:49:47 GMT", Some(10)),
            ("Sun, 06 Nov 1994 09:49:37 GMT", Some(3600)),
            // A date in the past means "now".
            ("Sat, 05 Nov 1994 08:49:37 GMT", Some(0)),
            ("Thu, 01 Jan 1970 00:00:00 GMT", Some(0)),
            ("-1", None),
            ("soon", None),
            ("Sun, 06 Foo 1994 08:49:37 GMT", None),
            // RFC 9110's obsolete formats, which recipients must accept.
            ("Sunday, 06-Nov-94 08:49:47 GMT", Some(10)),
            ("Sun Nov  6 08:49:47 1994", Some(10)),
            ("Sun, 06 Nov 1994 08:49:37 UTC", None),
            ("", None),
            // Issue 8: a year this far out overflowed `SystemTime + Duration` (exit 101).
            // IMF-fixdate years have 4 digits; anything else is not a date.
            ("Sun, 06 Nov 300000000000 08:49:37 GMT", None),
            ("Sun, 06 Nov 9223372036854775807 08:49:37 GMT", None),
            ("Sun, 06 Nov -9223372036854775808 08:49:37 GMT", None),
            ("Sun, 06 Nov 0001 08:49:37 GMT", None),
            ("Sun, 6 Nov 1994 08:49:37 GMT", None),
            ("Sun, 06 Nov 1994 08:49:37:00 GMT", None),
            ("Sun, 06 Nov 1994 08:49:37 GMT x", None),
            ("Sun, 06 Nov 1994 +8:49:37 GMT", None),
            // The furthest date there is: waited for at most MAX_RETRY_WAIT by the caller.
            (
                "Fri, 31 Dec 9999 23:59:59 GMT",
                Some(253_402_300_799 - 784_111_777),
            ),
            // Delay-seconds as large as they come are a (long) Duration, not a panic.
            ("18446744073709551615", Some(u64::MAX)),
            ("18446744073709551616", None),
        ];
        for (value, want) in table {
            assert_eq!(
                parse_retry_after(value, now),
                want.map(Duration::from_secs),
                "{value:?}"
            );
        }
        let leap = http_date("Thu, 29 Feb 2024 12:00:00 GMT").unwrap();
        assert_eq!(
            leap.duration_since(SystemTime::UNIX_EPOCH)
                .unwrap()
                .as_secs(),
            1_709_208_000
        );
        // A `now` before the epoch does not panic either.
        let before = SystemTime::UNIX_EPOCH - Duration::from_secs(10);
        assert_eq!(
            parse_retry_after("Thu, 01 Jan 1970 00:00:10 GMT", before),
            Some(Duration::from_secs(20))
        );
    }

    /// Issue 8: a token answer with `expires_in: 18446744073709551615` overflowed
    /// `Instant + Duration` (exit 101). Lifetimes are capped; deadlines saturate.
    #[test]
    fn token_lifetimes_and_deadlines_saturate() {
        let now = Instant::now();
        let table: &[(Option<u64>, Duration)] = &[
            (None, Duration::from_secs(55)),
            (Some(300), Duration::from_secs(295)),
            (Some(3), Duration::ZERO),
            (Some(0), Duration::ZERO),
            (
                Some(MAX_TOKEN_LIFETIME),
                Duration::from_secs(MAX_TOKEN_LIFETIME - 5),
            ),
            (Some(u64::MAX), Duration::from_secs(MAX_TOKEN_LIFETIME - 5)),
        ];
        for (expires_in, want) in table {
            assert_eq!(
                token_renew_at(now, *expires_in).duration_since(now),
                *want,
                "{expires_in:?}"
            );
        }
        assert!(instant_after(now, Duration::MAX) > now + Duration::from_secs(365 * 86_400));
        assert_eq!(
            instant_after(now, Duration::from_secs(1)),
            now + Duration::from_secs(1)
        );
        // A transport built with an absurd timeout still computes a deadline.
        let t = Transport::new(&[], Duration::MAX, CredentialStore::new(None)).unwrap();
        assert!(t.deadline() > Instant::now());
    }

    #[test]
    fn snippets_are_one_short_line() {
        assert_eq!(snippet(b"a\n  b\tc"), "a b c");
        let long = "x".repeat(300);
        assert_eq!(snippet(long.as_bytes()).chars().count(), 201);
    }

    /// Issue 8: the unverified client followed redirects anywhere (an insecure host could
    /// send us to an https host with certificate checks off), and https could be downgraded
    /// to http. Table: (original, hops so far after it, next, same_host_only, refused?).
    #[test]
    fn redirects_never_downgrade_and_insecure_ones_stay_on_the_host() {
        /// (original, hops so far after it, next, same_host_only, text of the refusal)
        type Case<'a> = (&'a str, &'a [&'a str], &'a str, bool, Option<&'a str>);
        let u = |s: &str| reqwest::Url::parse(s).unwrap();
        let table: &[Case] = &[
            (
                "https://r.io/v2/b",
                &[],
                "https://s3.example/blob",
                false,
                None,
            ),
            (
                "https://r.io/v2/b",
                &[],
                "http://s3.example/blob",
                false,
                Some("from https to http"),
            ),
            (
                "https://r.io/v2/b",
                &[],
                "http://r.io/blob",
                false,
                Some("from https to http"),
            ),
            (
                "http://127.0.0.1:5000/v2/b",
                &[],
                "http://127.0.0.1:5001/b",
                false,
                None,
            ),
            (
                "http://127.0.0.1:5000/v2/b",
                &[],
                "https://s3.example/b",
                false,
                None,
            ),
            // Via an https hop, the downgrade is refused at that hop.
            (
                "http://r.io/v2/b",
                &["https://s3.example/a"],
                "http://cdn.example/b",
                false,
                Some("from https to http"),
            ),
            // The unverified client: the same host and port only.
            (
                "https://reg.local:5000/v2/b",
                &[],
                "https://reg.local:5000/other",
                true,
                None,
            ),
            (
                "https://reg.local:5000/v2/b",
                &[],
                "https://reg.local:5001/b",
                true,
                Some("insecure registry reg.local:5000 to another host"),
            ),
            (
                "https://reg.local:5000/v2/b",
                &[],
                "https://s3.example/b",
                true,
                Some("to another host (https://s3.example/b)"),
            ),
            (
                "http://reg.local/v2/b",
                &[],
                "https://reg.local/b",
                true,
                None,
            ),
            (
                "http://reg.local/v2/b",
                &[],
                "http://evil.local/b",
                true,
                Some("another host"),
            ),
            (
                "https://reg.local/v2/b",
                &[],
                "http://reg.local/b",
                true,
                Some("from https to http"),
            ),
            // The user part of a URL is not its host (the `url` crate reads it as reqwest does).
            (
                "https://reg.local/v2/b",
                &[],
                "https://reg.local@evil.local/b",
                true,
                Some("another host"),
            ),
        ];
        for (first, hops, next, same_host_only, want) in table {
            let mut previous = vec![u(first)];
            previous.extend(hops.iter().map(|h| u(h)));
            let got = refuse_redirect(&u(next), &previous, *same_host_only);
            match (want, &got) {
                (None, None) => {}
                (Some(text), Some(why)) => assert!(why.contains(text), "{next}: {why}"),
                _ => panic!("{first} -> {next} ({same_host_only}): want {want:?}, got {got:?}"),
            }
        }
        let many: Vec<reqwest::Url> = (0..=MAX_REDIRECTS)
            .map(|i| u(&format!("https://r.io/{i}")))
            .collect();
        assert!(refuse_redirect(&u("https://r.io/x"), &many, false).is_some());
        assert!(refuse_redirect(&u("https://r.io/x"), &many[1..], false).is_none());
    }

    /// Issue 9: a TLS failure names the problem in words.
    #[test]
    fn tls_problems_in_words() {
        let table: &[(&str, Option<&str>)] = &[
            (
                "invalid peer certificate: unknownissuer",
                Some("unknown CA"),
            ),
            (
                "invalid peer certificate: notvalidforname",
                Some("name mismatch"),
            ),
            (
                "certificate not valid for name \"x\"; certificate is only valid for ...",
                Some("name mismatch"),
            ),
            (
                "invalid peer certificate: unsupportedsignaturealgorithm",
                Some("unsupported signature algorithm"),
            ),
            ("invalid peer certificate: expired", Some("expired")),
            ("connection refused", None),
        ];
        for (chain, want) in table {
            let got = tls_problem(chain);
            match (got, want) {
                (None, None) => {}
                (Some(g), Some(w)) => assert!(g.contains(w), "{chain}: {g}"),
                _ => panic!("{chain}: got {got:?}, want {want:?}"),
            }
        }
    }

    /// Issue 9: what `-v=6`/`-v=8` print never holds a credential.
    #[test]
    fn logs_redact_credentials() {
        let table: &[(&str, &str)] = &[
            (
                "https://r.io/v2/a/manifests/1",
                "https://r.io/v2/a/manifests/1",
            ),
            (
                "https://u:pw@r.io/token?service=r.io&scope=repository%3Aa%3Apull",
                "https://r.io/token?service=r.io&scope=repository%3Aa%3Apull",
            ),
            (
                "https://s3.example/b?X-Amz-Signature=abc&X-Amz-Credential=k&n=1",
                "https://s3.example/b?X-Amz-Signature=REDACTED&X-Amz-Credential=REDACTED&n=1",
            ),
            ("not a url", "<unparsable URL>"),
        ];
        for (url, want) in table {
            assert_eq!(redact_url_str(url), *want, "{url}");
        }
        assert_eq!(redact_header("Authorization", "Basic YWxp"), "<redacted>");
        assert_eq!(redact_header("set-cookie", "s=1"), "<redacted>");
        assert_eq!(
            redact_header("Location", "https://s3/x?sig=1"),
            "https://s3/x?sig=REDACTED"
        );
        assert_eq!(redact_header("Content-Type", "a/b"), "a/b");
    }

    #[test]
    fn basic_header_is_base64_of_user_colon_pass() {
        assert_eq!(basic_header("alice", "s3cret"), "Basic YWxpY2U6czNjcmV0");
    }
}
