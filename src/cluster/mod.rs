//! Where images come from in a live cluster: the workloads the kubeconfig (or the in-cluster
//! service account) can list, as image uses for [`crate::check`] — with the digest each pod
//! actually runs and the pull-secret credentials that go with it.
//!
//! - Connecting is `kube`'s config loading, as kubectl does it: `--kubeconfig`, else
//!   `KUBECONFIG` (several paths, merged), else `~/.kube/config`; with none of them and
//!   `KUBERNETES_SERVICE_HOST` set, the in-cluster service account. Client certificates,
//!   tokens and exec credential plugins are kube's.
//! - Lists are paginated (`limit=500` and `continue`); `-A` is one cluster-wide list per kind,
//!   never one per namespace, so API calls grow with kinds and pages, not with pods.
//! - Where images live in an object is [`crate::workload`]'s one list; what a pod runs is its
//!   container statuses' `imageID`, matched to the spec container by name ([`running`]).
//! - Pull secrets (the pod's `imagePullSecrets`, else its service account's) are each read
//!   once per run; a read the RBAC forbids is one warning, and that pod's images use the local
//!   docker config.

pub mod policies;
pub mod running;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use k8s_openapi::api::apps::v1::{DaemonSet, Deployment, ReplicaSet, StatefulSet};
use k8s_openapi::api::batch::v1::{CronJob, Job};
use k8s_openapi::api::core::v1::{Pod, Secret, ServiceAccount};
use kube::api::{Api, ListParams};
use kube::config::{KubeConfigOptions, Kubeconfig};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::check::{ImageUse, Running};
use crate::reference::ImageRef;
use crate::registry::Keychain;
use crate::report::images::{ObjectSource, ObjectStatus, UseSource};
use crate::verify::scope::Subject;
use crate::workload::{self, Field};

/// Items asked for per list request, as kubectl's `--chunk-size` default.
pub const PAGE_SIZE: u32 = 500;
/// Pages of one list at most: 2,000 × 500 = one million objects, far above any real cluster;
/// a server that keeps sending `continue` past that is not believed.
const MAX_PAGES: usize = 2_000;

/// How to reach the cluster: kubectl's flags.
#[derive(Debug, Clone, Default)]
pub struct KubeOptions {
    /// `--kubeconfig`: this file only (neither `KUBECONFIG` nor `~/.kube/config`).
    pub kubeconfig: Option<PathBuf>,
    /// `--context`, `--cluster`, `--user`.
    pub context: Option<String>,
    pub cluster: Option<String>,
    pub user: Option<String>,
    /// `--as`, `--as-group`.
    pub impersonate: Option<String>,
    pub impersonate_groups: Vec<String>,
    /// `--request-timeout`: the longest one API request may take.
    pub request_timeout: Option<Duration>,
}

/// Why the cluster could not be read. Messages name the context and server.
#[derive(Debug, thiserror::Error)]
pub enum ClusterError {
    /// No kubeconfig, and not inside a cluster.
    #[error(
        "no kubeconfig: none given with --kubeconfig, KUBECONFIG is unset and ~/.kube/config does not exist, and this is not a pod (KUBERNETES_SERVICE_HOST is unset)"
    )]
    NoConfig,
    /// The kubeconfig cannot be read or parsed, or names what it does not have. The message
    /// is one line: kube's (its YAML errors draw a multi-line snippet) is cut to its first, so
    /// `error` is kept as a field, not a `#[source]` the error chain would print again.
    #[error(
        "kubeconfig{}{}: {}",
        .path.as_deref().map_or_else(String::new, |p| format!(" {p}")),
        context_suffix(.context.as_deref()),
        first_line(.error)
    )]
    Kubeconfig {
        /// The file (or `KUBECONFIG` paths) read, when known.
        path: Option<String>,
        context: Option<String>,
        error: kube::config::KubeconfigError,
    },
    /// The in-cluster service account cannot be used.
    #[error("in-cluster configuration: {0}")]
    InCluster(#[source] kube::config::InClusterError),
    /// A context named with --context is not in the kubeconfig.
    #[error("context {0:?} is not in the kubeconfig (kubectl config get-contexts lists them)")]
    UnknownContext(String),
    /// Setting up the HTTP client failed (bad CA data, bad client certificate).
    #[error("context {context}: cannot set up a client for {server}: {source}")]
    Client {
        context: String,
        server: String,
        #[source]
        source: kube::Error,
    },
    /// A request failed: unreachable, 401, 403, or a broken answer. `reason` is `error`'s
    /// chain on one line, so `error` is not also a `#[source]` (kube's own message dumps the
    /// `Status` with `Debug`).
    #[error("context {context} ({server}): {what}: {reason}")]
    Api {
        context: String,
        server: String,
        what: String,
        reason: String,
        error: Box<kube::Error>,
    },
    /// `--policy-from-cluster` read more, or larger, policy objects than it believes.
    #[error("context {context}: {what}: {reason}")]
    Policies {
        context: String,
        what: String,
        reason: String,
    },
    /// `--key k8s://…` cannot be used.
    #[error("context {context}: key {uri}: {reason}")]
    Key {
        context: String,
        uri: String,
        reason: String,
    },
    /// `pods NAME` for a name that does not exist (kubectl's wording).
    #[error("context {context}: {kind} {name:?} not found in namespace {namespace:?}")]
    NotFound {
        context: String,
        kind: String,
        name: String,
        namespace: String,
    },
}

fn context_suffix(context: Option<&str>) -> String {
    context.map_or_else(String::new, |c| format!(" (context {c})"))
}

/// The merged kubeconfig kubectl would use, or `None` to go in-cluster.
#[allow(clippy::result_large_err)] // once per run: the error's size costs nothing
pub fn load_kubeconfig(opts: &KubeOptions) -> Result<Option<Kubeconfig>, ClusterError> {
    let wrap = |path: &dyn std::fmt::Display| {
        let path = path.to_string();
        move |error| ClusterError::Kubeconfig {
            path: Some(path),
            context: None,
            error,
        }
    };
    if let Some(path) = &opts.kubeconfig {
        return Kubeconfig::read_from(path)
            .map(Some)
            .map_err(wrap(&path.display()));
    }
    if let Some(paths) = std::env::var_os("KUBECONFIG").filter(|v| !v.is_empty()) {
        // kubectl skips paths that do not exist (kube's `from_env` fails on them); with none
        // left, kube's error names the first.
        let mut merged: Option<Kubeconfig> = None;
        for path in std::env::split_paths(&paths).filter(|p| p.exists()) {
            let next = Kubeconfig::read_from(&path).map_err(wrap(&path.display()))?;
            merged = Some(match merged {
                Some(m) => m.merge(next).map_err(wrap(&paths.to_string_lossy()))?,
                None => next,
            });
        }
        return match merged {
            Some(m) => Ok(Some(m)),
            None => Kubeconfig::from_env().map_err(wrap(&paths.to_string_lossy())),
        };
    }
    let default = dirs::home_dir().map(|h| h.join(".kube").join("config"));
    match default {
        Some(p) if p.exists() => Kubeconfig::read_from(&p)
            .map(Some)
            .map_err(wrap(&p.display())),
        _ if std::env::var_os("KUBERNETES_SERVICE_HOST").is_some() => Ok(None),
        _ => Err(ClusterError::NoConfig),
    }
}

/// Every context of a kubeconfig, in file order (`--all-contexts`).
pub fn context_names(config: &Kubeconfig) -> Vec<String> {
    config.contexts.iter().map(|c| c.name.clone()).collect()
}

/// A client for one context.
#[derive(Clone)]
pub struct Connection {
    /// The context's name (`in-cluster` for the service account).
    pub context: String,
    pub server: String,
    /// The context's namespace, else `default`.
    pub default_namespace: String,
    client: kube::Client,
}

/// Connects through `context` (else the options' `--context`, else the current context).
/// No request is made yet.
pub async fn connect(
    opts: &KubeOptions,
    kubeconfig: Option<&Kubeconfig>,
    context: Option<&str>,
) -> Result<Connection, ClusterError> {
    let context = context.map(str::to_owned).or_else(|| opts.context.clone());
    let (mut config, name) = match kubeconfig {
        Some(kc) => {
            if let Some(c) = &context
                && !kc.contexts.iter().any(|n| &n.name == c)
            {
                return Err(ClusterError::UnknownContext(c.clone()));
            }
            let name = context
                .clone()
                .or_else(|| kc.current_context.clone())
                .unwrap_or_default();
            let options = KubeConfigOptions {
                context: context.clone(),
                cluster: opts.cluster.clone(),
                user: opts.user.clone(),
            };
            let config = kube::Config::from_custom_kubeconfig(kc.clone(), &options)
                .await
                .map_err(|error| ClusterError::Kubeconfig {
                    path: None,
                    context: Some(name.clone()),
                    error,
                })?;
            (config, name)
        }
        None => (
            kube::Config::incluster().map_err(ClusterError::InCluster)?,
            "in-cluster".to_owned(),
        ),
    };
    if let Some(user) = &opts.impersonate {
        config.auth_info.impersonate = Some(user.clone());
    }
    if !opts.impersonate_groups.is_empty() {
        config.auth_info.impersonate_groups = Some(opts.impersonate_groups.clone());
    }
    if let Some(t) = opts.request_timeout {
        config.connect_timeout = Some(t);
        config.read_timeout = Some(t);
        config.write_timeout = Some(t);
        config.reset_reader_on_write = true;
    }
    let server = config
        .cluster_url
        .to_string()
        .trim_end_matches('/')
        .to_owned();
    let default_namespace = config.default_namespace.clone();
    let client = kube::Client::try_from(config).map_err(|source| ClusterError::Client {
        context: name.clone(),
        server: server.clone(),
        source,
    })?;
    Ok(Connection {
        context: name,
        server,
        default_namespace,
        client,
    })
}

/// The kinds the cluster commands read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Pod,
    Deployment,
    StatefulSet,
    DaemonSet,
    ReplicaSet,
    Job,
    CronJob,
}

impl Kind {
    /// Bare pods plus every workload kind (`kubectl verify all`).
    pub const ALL: [Kind; 7] = [
        Kind::Pod,
        Kind::Deployment,
        Kind::StatefulSet,
        Kind::DaemonSet,
        Kind::ReplicaSet,
        Kind::Job,
        Kind::CronJob,
    ];

    /// The resource name kubectl prints (`pods`, `deployments.apps`, …).
    pub fn plural(self) -> &'static str {
        match self {
            Kind::Pod => "pods",
            Kind::Deployment => "deployments",
            Kind::StatefulSet => "statefulsets",
            Kind::DaemonSet => "daemonsets",
            Kind::ReplicaSet => "replicasets",
            Kind::Job => "jobs",
            Kind::CronJob => "cronjobs",
        }
    }
}

/// What to read.
#[derive(Debug, Clone, Default)]
pub struct Query {
    pub kinds: Vec<Kind>,
    /// `None`: every namespace (`-A`).
    pub namespace: Option<String>,
    /// Objects by name (in `namespace`); empty: every object.
    pub names: Vec<String>,
    pub label_selector: Option<String>,
    pub field_selector: Option<String>,
}

/// What a cluster read found.
#[derive(Debug, Default)]
pub struct Reading {
    pub uses: Vec<ImageUse>,
    /// Objects read (of every kind).
    pub objects: usize,
    /// Images whose spec reference is not a valid reference: `ns/kind/name[container]: why`.
    pub invalid: Vec<String>,
    /// Non-fatal problems (a forbidden secret read), one line each.
    pub warnings: Vec<String>,
}

/// Reads the objects of `query` and turns every image in them into a use.
pub async fn read(conn: &Connection, query: &Query) -> Result<Reading, ClusterError> {
    let mut objects: Vec<serde_json::Value> = Vec::new();
    for &kind in &query.kinds {
        let mut list = match kind {
            Kind::Pod => fetch::<Pod>(conn, kind, query).await?,
            Kind::Deployment => fetch::<Deployment>(conn, kind, query).await?,
            Kind::StatefulSet => fetch::<StatefulSet>(conn, kind, query).await?,
            Kind::DaemonSet => fetch::<DaemonSet>(conn, kind, query).await?,
            Kind::ReplicaSet => fetch::<ReplicaSet>(conn, kind, query).await?,
            Kind::Job => fetch::<Job>(conn, kind, query).await?,
            Kind::CronJob => fetch::<CronJob>(conn, kind, query).await?,
        };
        objects.append(&mut list);
    }
    let mut reading = Reading {
        objects: objects.len(),
        ..Reading::default()
    };
    let mut secrets = Secrets::new(conn);
    for object in &objects {
        uses_of(conn, object, &mut secrets, &mut reading).await;
    }
    reading.warnings.append(&mut secrets.warnings);
    Ok(reading)
}

/// Lists (paginated) or gets by name the objects of one kind, as JSON with `kind` set.
#[allow(clippy::result_large_err)] // once per kind: the error's size costs nothing
async fn fetch<K>(
    conn: &Connection,
    kind: Kind,
    query: &Query,
) -> Result<Vec<serde_json::Value>, ClusterError>
where
    K: kube::Resource<DynamicType = (), Scope = k8s_openapi::NamespaceResourceScope>
        + k8s_openapi::Resource
        + Clone
        + DeserializeOwned
        + Serialize
        + std::fmt::Debug,
{
    let api: Api<K> = match &query.namespace {
        Some(ns) => Api::namespaced(conn.client.clone(), ns),
        None => Api::all(conn.client.clone()),
    };
    let scope = match &query.namespace {
        Some(ns) => format!("in namespace {ns}"),
        None => "in all namespaces".to_owned(),
    };
    let mut items: Vec<K> = Vec::new();
    if query.names.is_empty() {
        let mut params = ListParams::default().limit(PAGE_SIZE);
        if let Some(l) = &query.label_selector {
            params = params.labels(l);
        }
        if let Some(f) = &query.field_selector {
            params = params.fields(f);
        }
        for _ in 0..MAX_PAGES {
            let page = api
                .list(&params)
                .await
                .map_err(|e| api_error(conn, &format!("listing {} {scope}", kind.plural()), e))?;
            items.extend(page.items);
            match page.metadata.continue_ {
                Some(token) if !token.is_empty() => params = params.continue_token(&token),
                _ => break,
            }
        }
    } else {
        let namespace = query
            .namespace
            .clone()
            .unwrap_or_else(|| conn.default_namespace.clone());
        for name in &query.names {
            match api.get_opt(name).await {
                Ok(Some(o)) => items.push(o),
                Ok(None) => {
                    return Err(ClusterError::NotFound {
                        context: conn.context.clone(),
                        kind: kind.plural().to_owned(),
                        name: name.clone(),
                        namespace,
                    });
                }
                Err(e) => {
                    return Err(api_error(
                        conn,
                        &format!("getting {} {name:?} {scope}", kind.plural()),
                        e,
                    ));
                }
            }
        }
    }
    items
        .iter()
        .map(|item| {
            let mut v = serde_json::to_value(item).map_err(|e| ClusterError::Api {
                context: conn.context.clone(),
                server: conn.server.clone(),
                what: format!("reading {}", kind.plural()),
                reason: e.to_string(),
                error: Box::new(kube::Error::SerdeError(e)),
            })?;
            // List items come without their type; the image walk needs `kind`.
            if let Some(map) = v.as_object_mut() {
                map.insert("kind".to_owned(), K::KIND.into());
                map.insert("apiVersion".to_owned(), K::API_VERSION.into());
            }
            Ok(v)
        })
        .collect()
}

/// A failed request as one line: what was being done, and the server's own reason.
fn api_error(conn: &Connection, what: &str, e: kube::Error) -> ClusterError {
    let reason = match &e {
        kube::Error::Api(s) if s.code == 401 => format!(
            "unauthorized (HTTP 401): the API server refused the credentials of this context{}",
            if s.message.is_empty() {
                String::new()
            } else {
                format!(": {}", clip(&s.message))
            }
        ),
        kube::Error::Api(s) if s.code == 403 => {
            format!("forbidden (HTTP 403): {}", clip(&s.message))
        }
        kube::Error::Api(s) => format!("HTTP {}: {}", s.code, clip(&s.message)),
        kube::Error::HyperError(_) | kube::Error::Service(_) => {
            format!("cannot reach the API server: {}", clip(&chain(&e)))
        }
        kube::Error::Auth(_) => format!("authentication failed: {}", clip(&chain(&e))),
        other => clip(&chain(other)),
    };
    ClusterError::Api {
        context: conn.context.clone(),
        server: conn.server.clone(),
        what: what.to_owned(),
        reason,
        error: Box::new(e),
    }
}

/// An error and its causes on one line, without repeats.
fn chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut cur = e.source();
    while let Some(c) = cur {
        let t = c.to_string();
        if !s.contains(&t) {
            s.push_str(": ");
            s.push_str(&t);
        }
        cur = c.source();
    }
    s
}

/// The first line of an error chain (kube's YAML errors go on with a source snippet).
fn first_line(e: &dyn std::error::Error) -> String {
    clip(chain(e).lines().next().unwrap_or_default())
}

/// At most ~200 bytes of server text.
fn clip(s: &str) -> String {
    crate::text::clip(s, 200)
}

/// The uses of one object's images.
async fn uses_of(
    conn: &Connection,
    object: &serde_json::Value,
    secrets: &mut Secrets<'_>,
    reading: &mut Reading,
) {
    let is_pod = object.get("kind").and_then(serde_json::Value::as_str) == Some("Pod");
    let sites = workload::images(object);
    let mut keychain: Option<Option<Arc<Keychain>>> = None;
    for site in sites {
        let Some(text) = site.node.as_str().filter(|t| !t.trim().is_empty()) else {
            continue;
        };
        let (image_id, status) = if is_pod && site.field != Field::ImageVolume {
            let id = running::image_id(object, site.field, site.container.as_deref());
            let status = if id.is_some() {
                ObjectStatus::Running
            } else {
                ObjectStatus::Waiting
            };
            (id, status)
        } else {
            (None, ObjectStatus::Template)
        };
        let source = ObjectSource {
            context: Some(conn.context.clone()),
            namespace: site.namespace.clone(),
            kind: site.kind.clone(),
            name: site.name.clone().unwrap_or_default(),
            container: site.container.clone(),
            image_id: image_id.clone(),
            status,
            api_version: object
                .get("apiVersion")
                .and_then(serde_json::Value::as_str)
                .map(str::to_owned),
            uid: object
                .pointer("/metadata/uid")
                .and_then(serde_json::Value::as_str)
                .map(str::to_owned),
        };
        let image = match ImageRef::parse(text) {
            Ok(i) => i,
            Err(e) => {
                reading
                    .invalid
                    .push(format!("{}: {e}", UseSource::Object(source).label(true)));
                continue;
            }
        };
        let running = match (status, image_id.as_deref()) {
            (ObjectStatus::Running, Some(id)) => running::parse(id),
            (ObjectStatus::Waiting, _) => Running::Pending,
            _ => Running::NotApplicable,
        };
        if keychain.is_none() {
            let ns = site.namespace.as_deref().unwrap_or(&conn.default_namespace);
            keychain = Some(secrets.keychain_for(ns, site.pod_spec).await);
        }
        reading.uses.push(ImageUse {
            image,
            running,
            source: Some(UseSource::Object(source)),
            keychain: keychain.clone().flatten(),
            // Namespace labels are not read (yet): selectors on them are undecided, which
            // never makes a policy apply less (see `verify::scope`).
            subject: Subject {
                kind: Some(site.kind.clone()),
                api_version: site.api_version.clone(),
                name: site.name.clone(),
                namespace: site.namespace.clone(),
                labels: Some(site.labels.clone()),
                namespace_labels: None,
            },
        });
    }
}

/// Pull secrets and service accounts, each read once per run.
#[allow(clippy::struct_field_names)] // `secrets` is what it holds
struct Secrets<'c> {
    conn: &'c Connection,
    /// (namespace, secret) → its keychain entries (`None`: unreadable or not a pull secret).
    secrets: HashMap<(String, String), Option<Arc<Keychain>>>,
    /// (namespace, service account) → its `imagePullSecrets` names.
    accounts: HashMap<(String, String), Vec<String>>,
    /// (namespace, secret names) → the combined keychain: pods sharing secrets share one.
    combined: HashMap<(String, Vec<String>), Option<Arc<Keychain>>>,
    warnings: Vec<String>,
}

impl<'c> Secrets<'c> {
    fn new(conn: &'c Connection) -> Self {
        Self {
            conn,
            secrets: HashMap::new(),
            accounts: HashMap::new(),
            combined: HashMap::new(),
            warnings: Vec::new(),
        }
    }

    /// The keychain of a PodSpec: its `imagePullSecrets`, else its service account's.
    async fn keychain_for(
        &mut self,
        namespace: &str,
        pod_spec: &serde_json::Value,
    ) -> Option<Arc<Keychain>> {
        let mut names = names_of(pod_spec.get("imagePullSecrets"));
        if names.is_empty() {
            let account = pod_spec
                .get("serviceAccountName")
                .and_then(serde_json::Value::as_str)
                .unwrap_or("default")
                .to_owned();
            names = self.account_secrets(namespace, &account).await;
        }
        if names.is_empty() {
            return None;
        }
        let key = (namespace.to_owned(), names.clone());
        if let Some(k) = self.combined.get(&key) {
            return k.clone();
        }
        let mut keychain = Keychain::new();
        for name in &names {
            if let Some(k) = self.secret(namespace, name).await {
                keychain.extend(&k);
            }
        }
        let k = (!keychain.is_empty()).then(|| Arc::new(keychain));
        self.combined.insert(key, k.clone());
        k
    }

    async fn account_secrets(&mut self, namespace: &str, account: &str) -> Vec<String> {
        let key = (namespace.to_owned(), account.to_owned());
        if let Some(n) = self.accounts.get(&key) {
            return n.clone();
        }
        let api: Api<ServiceAccount> = Api::namespaced(self.conn.client.clone(), namespace);
        let names = match api.get_opt(account).await {
            Ok(Some(sa)) => sa
                .image_pull_secrets
                .unwrap_or_default()
                .into_iter()
                .map(|r| r.name)
                .filter(|n| !n.is_empty())
                .collect(),
            Ok(None) => Vec::new(),
            Err(e) => {
                self.warnings.push(format!(
                    "cannot read service account {namespace}/{account} for its pull secrets ({}); its pods' images use the local docker config",
                    short_reason(&e)
                ));
                Vec::new()
            }
        };
        self.accounts.insert(key, names.clone());
        names
    }

    async fn secret(&mut self, namespace: &str, name: &str) -> Option<Arc<Keychain>> {
        let key = (namespace.to_owned(), name.to_owned());
        if let Some(k) = self.secrets.get(&key) {
            return k.clone();
        }
        let api: Api<Secret> = Api::namespaced(self.conn.client.clone(), namespace);
        let origin = format!("secret {namespace}/{name}");
        let k = match api.get_opt(name).await {
            Ok(Some(secret)) => match pull_keychain(&secret, &origin) {
                Ok(k) => k.map(Arc::new),
                Err(why) => {
                    self.warnings.push(format!(
                        "{why}; its pods' images use the local docker config"
                    ));
                    None
                }
            },
            Ok(None) => {
                // The kubelet also goes on without a missing pull secret.
                self.warnings.push(format!(
                    "pull {origin} does not exist; its pods' images use the local docker config"
                ));
                None
            }
            Err(e) => {
                self.warnings.push(format!(
                    "cannot read pull {origin} ({}); its pods' images use the local docker config",
                    short_reason(&e)
                ));
                None
            }
        };
        self.secrets.insert(key, k.clone());
        k
    }
}

fn names_of(list: Option<&serde_json::Value>) -> Vec<String> {
    list.and_then(serde_json::Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|r| r.get("name").and_then(serde_json::Value::as_str))
                .filter(|n| !n.is_empty())
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

fn short_reason(e: &kube::Error) -> String {
    match e {
        kube::Error::Api(s) if s.code == 403 => "forbidden".to_owned(),
        kube::Error::Api(s) => format!("HTTP {}: {}", s.code, clip(&s.message)),
        other => clip(&chain(other)),
    }
}

/// The registry credentials of a pull secret: `kubernetes.io/dockerconfigjson` or
/// `kubernetes.io/dockercfg`. `Ok(None)` for another type of secret.
fn pull_keychain(secret: &Secret, origin: &str) -> Result<Option<Keychain>, String> {
    let data = secret.data.as_ref();
    let get = |key: &str| data.and_then(|d| d.get(key)).map(|b| b.0.as_slice());
    let mut k = Keychain::new();
    match secret.type_.as_deref() {
        Some("kubernetes.io/dockerconfigjson") => {
            let bytes = get(".dockerconfigjson")
                .ok_or_else(|| format!("{origin} has no .dockerconfigjson"))?;
            k.add_dockerconfigjson(bytes, origin)
                .map_err(|e| e.to_string())?;
        }
        Some("kubernetes.io/dockercfg") => {
            let bytes = get(".dockercfg").ok_or_else(|| format!("{origin} has no .dockercfg"))?;
            k.add_dockercfg(bytes, origin).map_err(|e| e.to_string())?;
        }
        other => {
            return Err(format!(
                "{origin} is not a pull secret (type {:?})",
                other.unwrap_or("Opaque")
            ));
        }
    }
    Ok(Some(k))
}

/// `--key k8s://NAMESPACE/SECRET` (cosign's convention): the PEM in the secret's `cosign.pub`
/// (or its only entry, for policy-controller `secretRef`s).
pub async fn cosign_public_key(conn: &Connection, uri: &str) -> Result<String, ClusterError> {
    let key_error = |reason: String| ClusterError::Key {
        context: conn.context.clone(),
        uri: uri.to_owned(),
        reason,
    };
    let (namespace, name) = parse_k8s_key(uri).map_err(key_error)?;
    let api: Api<Secret> = Api::namespaced(conn.client.clone(), namespace);
    let what = format!("reading key {uri}");
    let secret = api
        .get_opt(name)
        .await
        .map_err(|e| api_error(conn, &what, e))?
        .ok_or_else(|| ClusterError::NotFound {
            context: conn.context.clone(),
            kind: "secrets".to_owned(),
            name: name.to_owned(),
            namespace: namespace.to_owned(),
        })?;
    // cosign's `cosign.pub`; else, as policy-controller reads a `secretRef`, the secret's
    // only entry when it holds a PEM public key.
    let pem = secret
        .data
        .as_ref()
        .and_then(|d| {
            d.get("cosign.pub").or_else(|| {
                (d.len() == 1)
                    .then(|| d.values().next())
                    .flatten()
                    .filter(|b| {
                        String::from_utf8_lossy(&b.0).contains("-----BEGIN PUBLIC KEY-----")
                    })
            })
        })
        .and_then(|b| String::from_utf8(b.0.clone()).ok())
        .ok_or_else(|| {
            key_error(
                "the secret has no cosign.pub (as `cosign generate-key-pair k8s://…` writes \
                 it) and not exactly one entry (as policy-controller's secretRef wants)"
                    .to_owned(),
            )
        })?;
    Ok(pem)
}

/// `k8s://NAMESPACE/SECRET` → (namespace, secret).
pub fn parse_k8s_key(uri: &str) -> Result<(&str, &str), String> {
    let rest = uri
        .strip_prefix("k8s://")
        .ok_or_else(|| format!("{uri:?} is not k8s://NAMESPACE/SECRET"))?;
    match rest.split_once('/') {
        Some((ns, name)) if !ns.is_empty() && !name.is_empty() && !name.contains('/') => {
            Ok((ns, name))
        }
        _ => Err(format!("{uri:?} is not k8s://NAMESPACE/SECRET")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn k8s_key_uris() {
        assert_eq!(parse_k8s_key("k8s://ns/key"), Ok(("ns", "key")));
        for bad in [
            "k8s://ns",
            "k8s:///key",
            "k8s://ns/",
            "k8s://a/b/c",
            "ns/key",
        ] {
            assert!(parse_k8s_key(bad).is_err(), "{bad}");
        }
    }
}
