//! A real OCI registry for tests: Debian's `docker-registry` (distribution 2.8) on 127.0.0.1.
//!
//! Each test starts its own registry on a free port; the process is killed and its temp dir
//! (storage, config, logs) removed when the [`TestRegistry`] is dropped, so tests run in
//! parallel without sharing state.
//!
//! API (stable: other test modules build on it):
//!
//! ```text
//! TestRegistry::plain()                      HTTP, anonymous
//! TestRegistry::tls_with_auth(user, pass)    HTTPS (test CA made now) + htpasswd -B basic auth
//! .host()                 -> "127.0.0.1:PORT"
//! .ca_pem_path()          -> Some(ca.pem) for TLS registries (for --registry-ca), None for plain
//! .docker_config_dir(u,p) -> dir with config.json holding `auths` for host() (for DOCKER_CONFIG)
//! .put_blob(repo, bytes)  -> "sha256:…"
//! .put_manifest(repo, reference, media_type, bytes) -> "sha256:…" (reference: tag or digest)
//! .push_image(repo, tag)  -> digest of a small OCI image (config + 1 tar layer) whose bytes
//!                            derive only from repo and tag, so digests are the same every run
//! .push_index(repo, tag, &[("linux","amd64"), …]) -> (index digest, child digests in order)
//! .request_log()          -> ["HEAD /v2/x/manifests/t", …] every request served so far
//! .base_url()             -> "http://127.0.0.1:PORT" or "https://…"
//! .stop()                 kill the registry now (a closed port for unreachable tests)
//!
//! HttpStub::start(|req: &StubRequest| StubResponse::new(200).header(..).body(..))
//!                          a scripted HTTP/1.1 server for what the real registry cannot do
//!                          (referrers API, 429 + Retry-After, bearer tokens, lying digests)
//! .host() -> "127.0.0.1:PORT"    .requests() -> every StubRequest received
//! ```
//!
//! The harness talks HTTP itself (reqwest, on a private runtime in a scoped thread), so its
//! methods may be called from plain `#[test]`s and from inside a tokio runtime alike.
//! Everything panics with a message on failure: a broken harness is a failed test.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use sha2::{Digest as _, Sha256};

pub const OCI_INDEX: &str = "application/vnd.oci.image.index.v1+json";
pub const OCI_MANIFEST: &str = "application/vnd.oci.image.manifest.v1+json";
pub const OCI_CONFIG: &str = "application/vnd.oci.image.config.v1+json";
pub const OCI_LAYER_TAR: &str = "application/vnd.oci.image.layer.v1.tar";
pub const DOCKER_MANIFEST_LIST: &str = "application/vnd.docker.distribution.manifest.list.v2+json";
pub const DOCKER_MANIFEST: &str = "application/vnd.docker.distribution.manifest.v2+json";

/// How long a registry may take to print its "listening on" line before the test fails.
const START_DEADLINE: Duration = Duration::from_secs(20);
/// Start attempts: another process may take the free port between our probe and the bind.
const START_ATTEMPTS: usize = 5;

/// `sha256:<hex>` of `bytes`.
pub fn sha256_digest(bytes: &[u8]) -> String {
    format!("sha256:{}", hex::encode(Sha256::digest(bytes)))
}

/// A `docker-registry` process serving one test. Killed on drop.
pub struct TestRegistry {
    dir: tempfile::TempDir,
    child: Option<Child>,
    port: u16,
    /// PEM of the test CA when the registry serves TLS.
    ca_pem: Option<Vec<u8>>,
    /// Basic-auth credentials the harness itself uses to push.
    auth: Option<(String, String)>,
    sentinel: AtomicU64,
}

impl TestRegistry {
    /// An anonymous plain-HTTP registry on 127.0.0.1:<free port>.
    pub fn plain() -> Self {
        Self::start(None, None)
    }

    /// An HTTPS registry whose certificate (SANs 127.0.0.1 and localhost) is issued by a test CA
    /// made now, requiring basic auth for `user`/`pass` (bcrypt htpasswd, as `htpasswd -B`).
    pub fn tls_with_auth(user: &str, pass: &str) -> Self {
        Self::start(Some(()), Some((user.to_owned(), pass.to_owned())))
    }

    fn start(tls: Option<()>, auth: Option<(String, String)>) -> Self {
        let dir = tempfile::Builder::new()
            .prefix("kv-registry-")
            .tempdir()
            .expect("temp dir for the test registry");
        let ca_pem = tls.map(|()| write_tls_material(dir.path()));
        if let Some((user, pass)) = &auth {
            write_htpasswd(dir.path(), user, pass);
        }
        let mut last_err = String::new();
        for _ in 0..START_ATTEMPTS {
            let port = free_port();
            write_config(dir.path(), port, ca_pem.is_some(), auth.is_some());
            match spawn_registry(dir.path()) {
                Ok(child) => {
                    return Self {
                        dir,
                        child: Some(child),
                        port,
                        ca_pem,
                        auth,
                        sentinel: AtomicU64::new(0),
                    };
                }
                Err(e) => last_err = e,
            }
        }
        panic!("docker-registry did not start after {START_ATTEMPTS} attempts: {last_err}");
    }

    /// `127.0.0.1:PORT`, the registry part of references to this registry.
    pub fn host(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// `http://127.0.0.1:PORT` or `https://127.0.0.1:PORT`.
    pub fn base_url(&self) -> String {
        let scheme = if self.ca_pem.is_some() {
            "https"
        } else {
            "http"
        };
        format!("{scheme}://{}", self.host())
    }

    /// The test CA certificate (PEM file) for TLS registries, for `--registry-ca`.
    pub fn ca_pem_path(&self) -> Option<PathBuf> {
        self.ca_pem.as_ref().map(|_| self.dir.path().join("ca.pem"))
    }

    /// The temp dir holding storage, config and logs (`registry.log`, `access.log`).
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// Writes a docker `config.json` with an `auths` entry for [`Self::host`] and returns its
    /// directory, to be used as `DOCKER_CONFIG` (or `RegistryOptions::docker_config_dir`).
    /// Each call makes a new directory, so one test can hold right and wrong credentials.
    pub fn docker_config_dir(&self, user: &str, pass: &str) -> PathBuf {
        let n = self.sentinel.fetch_add(1, Ordering::Relaxed);
        let dir = self.dir.path().join(format!("docker-config-{n}"));
        write_docker_config(&dir, &self.host(), user, pass);
        dir
    }

    /// Uploads a blob (POST then PUT, as docker does) and returns its digest. Idempotent.
    pub fn put_blob(&self, repo: &str, bytes: &[u8]) -> String {
        let digest = sha256_digest(bytes);
        let base = self.base_url();
        let bytes = bytes.to_vec();
        let d = digest.clone();
        let repo = repo.to_owned();
        self.with_client(move |c| async move {
            let start = format!("{base}/v2/{repo}/blobs/uploads/");
            let resp = c.post(&start).send().await.expect("starting blob upload");
            assert_eq!(resp.status().as_u16(), 202, "POST {start}: {resp:?}");
            let location = resp
                .headers()
                .get("location")
                .and_then(|v| v.to_str().ok())
                .expect("upload Location header")
                .to_owned();
            let mut url = reqwest::Url::parse(&start)
                .and_then(|u| u.join(&location))
                .expect("upload URL");
            url.query_pairs_mut().append_pair("digest", &d);
            let resp = c
                .put(url)
                .header("content-type", "application/octet-stream")
                .body(bytes)
                .send()
                .await
                .expect("finishing blob upload");
            assert_eq!(resp.status().as_u16(), 201, "PUT blob {d}: {resp:?}");
        });
        digest
    }

    /// Stores `bytes` as a manifest of `media_type` under `reference` (a tag or its digest) and
    /// returns the digest the registry reports, checked against the bytes' own sha256.
    pub fn put_manifest(
        &self,
        repo: &str,
        reference: &str,
        media_type: &str,
        bytes: &[u8],
    ) -> String {
        let digest = sha256_digest(bytes);
        let url = format!("{}/v2/{repo}/manifests/{reference}", self.base_url());
        let (media_type, bytes) = (media_type.to_owned(), bytes.to_vec());
        let reported = self.with_client(move |c| async move {
            let resp = c
                .put(&url)
                .header("content-type", media_type)
                .body(bytes)
                .send()
                .await
                .expect("pushing manifest");
            let status = resp.status();
            let reported = resp
                .headers()
                .get("docker-content-digest")
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned);
            let body = resp.text().await.unwrap_or_default();
            assert_eq!(status.as_u16(), 201, "PUT {url}: {status} {body}");
            reported
        });
        if let Some(r) = reported {
            assert_eq!(
                r, digest,
                "registry reported another digest for {repo}:{reference}"
            );
        }
        digest
    }

    /// Pushes a small OCI image (config + one tar layer) at `repo:tag` and returns its digest.
    /// The bytes depend only on `repo` and `tag`, so the digest is stable across runs.
    pub fn push_image(&self, repo: &str, tag: &str) -> String {
        let manifest = self.push_image_parts(repo, &format!("{repo}:{tag}"), "linux", "amd64");
        self.put_manifest(repo, tag, OCI_MANIFEST, &manifest)
    }

    /// Pushes one image per `(os, architecture)` and an OCI index over them at `repo:tag`.
    /// Returns the index digest and the child digests in the order given. Deterministic.
    pub fn push_index(
        &self,
        repo: &str,
        tag: &str,
        platforms: &[(&str, &str)],
    ) -> (String, Vec<String>) {
        let mut children = Vec::new();
        let mut entries = Vec::new();
        for (os, arch) in platforms {
            let seed = format!("{repo}:{tag} {os}/{arch}");
            let manifest = self.push_image_parts(repo, &seed, os, arch);
            let digest =
                self.put_manifest(repo, &sha256_digest(&manifest), OCI_MANIFEST, &manifest);
            entries.push(format!(
                "    {{\n      \"mediaType\": \"{OCI_MANIFEST}\",\n      \"digest\": \"{digest}\",\n      \"size\": {},\n      \"platform\": {{ \"architecture\": \"{arch}\", \"os\": \"{os}\" }}\n    }}",
                manifest.len()
            ));
            children.push(digest);
        }
        let index = format!(
            "{{\n  \"schemaVersion\": 2,\n  \"mediaType\": \"{OCI_INDEX}\",\n  \"manifests\": [\n{}\n  ]\n}}\n",
            entries.join(",\n")
        );
        let digest = self.put_manifest(repo, tag, OCI_INDEX, index.as_bytes());
        (digest, children)
    }

    /// Uploads config and layer blobs for one platform image and returns its manifest bytes
    /// (not yet stored). `seed` decides the layer's content.
    fn push_image_parts(&self, repo: &str, seed: &str, os: &str, arch: &str) -> Vec<u8> {
        let layer = tar_with_one_file("content.txt", format!("{seed}\n").as_bytes());
        let layer_digest = self.put_blob(repo, &layer);
        let config = format!(
            "{{\"architecture\":\"{arch}\",\"os\":\"{os}\",\"config\":{{}},\"rootfs\":{{\"type\":\"layers\",\"diff_ids\":[\"{layer_digest}\"]}}}}"
        );
        let config_digest = self.put_blob(repo, config.as_bytes());
        format!(
            "{{\n  \"schemaVersion\": 2,\n  \"mediaType\": \"{OCI_MANIFEST}\",\n  \"config\": {{ \"mediaType\": \"{OCI_CONFIG}\", \"digest\": \"{config_digest}\", \"size\": {} }},\n  \"layers\": [\n    {{ \"mediaType\": \"{OCI_LAYER_TAR}\", \"digest\": \"{layer_digest}\", \"size\": {} }}\n  ]\n}}\n",
            config.len(),
            layer.len()
        )
        .into_bytes()
    }

    /// Every request the registry has served, as `"METHOD /path?query"`, oldest first, read
    /// from its access log. Requests made by the harness itself (pushes) are included, so
    /// count the lines you care about, e.g. `HEAD /v2/app/manifests/1.0`.
    pub fn request_log(&self) -> Vec<String> {
        // The access log line is written after the response went out, so a test that just got
        // its answer could read the log a moment early. A sentinel request, made now, appears
        // after every earlier request's line: wait for it (bounded), then drop it.
        let n = self.sentinel.fetch_add(1, Ordering::Relaxed);
        let marker = format!("kv-sentinel={n}");
        let url = format!("{}/v2/?{marker}", self.base_url());
        self.with_client(move |c| async move {
            let _ = c.get(&url).send().await.expect("sentinel request");
        });
        let path = self.dir.path().join("access.log");
        for _ in 0..400 {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            if text.contains(&marker) {
                return text
                    .lines()
                    .filter(|l| !l.contains("kv-sentinel="))
                    .filter_map(parse_access_line)
                    .collect();
            }
            std::thread::sleep(Duration::from_millis(25));
        }
        panic!(
            "the registry never logged request {marker} in {}",
            path.display()
        );
    }

    /// Kills the registry now; its port then refuses connections.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Runs `f` with a reqwest client set up for this registry (CA, basic auth) on a private
    /// current-thread runtime in a scoped thread, so callers may be sync or async.
    fn with_client<F, Fut, T>(&self, f: F) -> T
    where
        F: FnOnce(AuthClient) -> Fut + Send,
        Fut: std::future::Future<Output = T>,
        T: Send,
    {
        let ca = self.ca_pem.clone();
        let auth = self.auth.clone();
        std::thread::scope(|s| {
            s.spawn(move || {
                let rt = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .expect("harness runtime");
                rt.block_on(async move {
                    let mut b = reqwest::Client::builder()
                        .timeout(Duration::from_secs(30))
                        .no_proxy();
                    if let Some(pem) = &ca {
                        let cert = reqwest::Certificate::from_pem(pem).expect("test CA PEM");
                        b = b.tls_certs_only([cert]);
                    }
                    let client = b.build().expect("harness HTTP client");
                    f(AuthClient { client, auth }).await
                })
            })
            .join()
            .expect("harness HTTP thread panicked")
        })
    }
}

impl Drop for TestRegistry {
    fn drop(&mut self) {
        self.stop();
    }
}

/// A reqwest client that adds the registry's basic auth to every request.
pub struct AuthClient {
    client: reqwest::Client,
    auth: Option<(String, String)>,
}

impl AuthClient {
    fn with_auth(&self, b: reqwest::RequestBuilder) -> reqwest::RequestBuilder {
        match &self.auth {
            Some((u, p)) => b.basic_auth(u, Some(p)),
            None => b,
        }
    }
    pub fn get(&self, url: &str) -> reqwest::RequestBuilder {
        self.with_auth(self.client.get(url))
    }
    pub fn post(&self, url: &str) -> reqwest::RequestBuilder {
        self.with_auth(self.client.post(url))
    }
    pub fn put(&self, url: impl reqwest::IntoUrl) -> reqwest::RequestBuilder {
        self.with_auth(self.client.put(url))
    }
}

/// `"GET /v2/ HTTP/1.1"` inside an Apache combined log line → `GET /v2/`.
fn parse_access_line(line: &str) -> Option<String> {
    let start = line.find('"')? + 1;
    let len = line[start..].find('"')?;
    let request = &line[start..start + len];
    let mut parts = request.split(' ');
    let (method, path) = (parts.next()?, parts.next()?);
    Some(format!("{method} {path}"))
}

fn free_port() -> u16 {
    let l = TcpListener::bind("127.0.0.1:0").expect("binding a probe port");
    l.local_addr().expect("probe port address").port()
}

fn write_config(dir: &Path, port: u16, tls: bool, auth: bool) {
    use std::fmt::Write as _;
    let d = dir.display();
    let mut cfg = format!(
        "version: 0.1\n\
         log:\n  level: info\n  formatter: text\n  accesslog:\n    disabled: false\n\
         storage:\n  filesystem:\n    rootdirectory: {d}/storage\n  delete:\n    enabled: true\n  \
         maintenance:\n    uploadpurging:\n      enabled: false\n\
         http:\n  addr: 127.0.0.1:{port}\n  secret: kubectl-verify-test\n"
    );
    if tls {
        let _ = write!(
            cfg,
            "  tls:\n    certificate: {d}/server.pem\n    key: {d}/server-key.pem\n"
        );
    }
    if auth {
        let _ = write!(
            cfg,
            "auth:\n  htpasswd:\n    realm: kubectl-verify-test\n    path: {d}/htpasswd\n"
        );
    }
    std::fs::write(dir.join("config.yml"), cfg).expect("writing registry config");
}

/// Starts the registry and waits for its "listening on" line (or its exit) on stderr.
fn spawn_registry(dir: &Path) -> Result<Child, String> {
    let access = std::fs::File::create(dir.join("access.log")).expect("access log");
    let mut cmd = Command::new("docker-registry");
    cmd.arg("serve")
        .arg(dir.join("config.yml"))
        .current_dir(dir)
        .stdin(Stdio::null())
        // distribution writes the access log (gorilla combined format) to stdout, its own
        // log to stderr.
        .stdout(Stdio::from(access))
        .stderr(Stdio::piped());
    for (k, _) in std::env::vars_os() {
        if k.to_string_lossy().starts_with("REGISTRY_") {
            cmd.env_remove(k);
        }
    }
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("spawning docker-registry (apt-get install docker-registry): {e}"))?;
    let stderr = child.stderr.take().expect("piped stderr");
    let mut log = std::fs::File::create(dir.join("registry.log")).expect("registry log");
    let (tx, rx) = mpsc::channel::<Result<(), String>>();
    // The reader keeps draining stderr for the registry's whole life so it never blocks.
    std::thread::spawn(move || {
        let mut tx = Some(tx);
        let mut tail = String::new();
        for line in BufReader::new(stderr).lines() {
            let Ok(line) = line else { break };
            let _ = writeln!(log, "{line}");
            if line.contains("listening on") {
                if let Some(tx) = tx.take() {
                    let _ = tx.send(Ok(()));
                }
            } else if tx.is_some() {
                tail.push_str(&line);
                tail.push('\n');
            }
        }
        if let Some(tx) = tx.take() {
            let _ = tx.send(Err(format!(
                "docker-registry exited before listening:\n{tail}"
            )));
        }
    });
    match rx.recv_timeout(START_DEADLINE) {
        Ok(Ok(())) => Ok(child),
        Ok(Err(e)) => {
            let _ = child.kill();
            let _ = child.wait();
            Err(e)
        }
        Err(_) => {
            let _ = child.kill();
            let _ = child.wait();
            Err(format!(
                "docker-registry printed no \"listening on\" line within {START_DEADLINE:?}"
            ))
        }
    }
}

/// Makes a CA and a server certificate for 127.0.0.1/localhost; writes `ca.pem`,
/// `server.pem`, `server-key.pem`; returns the CA PEM.
fn write_tls_material(dir: &Path) -> Vec<u8> {
    use rcgen::{
        BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair, KeyUsagePurpose,
    };
    let ca_key = KeyPair::generate().expect("CA key");
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).expect("CA params");
    ca_params
        .distinguished_name
        .push(DnType::CommonName, "kubectl-verify test registry CA");
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca_params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    let ca_cert = ca_params.self_signed(&ca_key).expect("CA certificate");
    let issuer = Issuer::new(ca_params, ca_key);

    let key = KeyPair::generate().expect("server key");
    let mut params = CertificateParams::new(vec!["127.0.0.1".to_owned(), "localhost".to_owned()])
        .expect("server params");
    params
        .distinguished_name
        .push(DnType::CommonName, "127.0.0.1");
    params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
    params.extended_key_usages = vec![rcgen::ExtendedKeyUsagePurpose::ServerAuth];
    let cert = params.signed_by(&key, &issuer).expect("server certificate");

    let ca_pem = ca_cert.pem();
    std::fs::write(dir.join("ca.pem"), &ca_pem).expect("writing ca.pem");
    std::fs::write(dir.join("server.pem"), cert.pem()).expect("writing server.pem");
    std::fs::write(dir.join("server-key.pem"), key.serialize_pem()).expect("writing server key");
    ca_pem.into_bytes()
}

fn write_htpasswd(dir: &Path, user: &str, pass: &str) {
    let out = Command::new("htpasswd")
        .args(["-B", "-b", "-n", user, pass])
        .output()
        .expect("running htpasswd (apt-get install apache2-utils)");
    assert!(
        out.status.success(),
        "htpasswd failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::write(dir.join("htpasswd"), out.stdout).expect("writing htpasswd");
}

/// A ustar archive holding one regular file, with fixed owner, mode and mtime (0), so the
/// bytes depend only on the name and content.
fn tar_with_one_file(name: &str, content: &[u8]) -> Vec<u8> {
    let mut header = [0u8; 512];
    header[..name.len()].copy_from_slice(name.as_bytes());
    header[100..108].copy_from_slice(b"0000644\0");
    header[108..116].copy_from_slice(b"0000000\0");
    header[116..124].copy_from_slice(b"0000000\0");
    header[124..136].copy_from_slice(format!("{:011o}\0", content.len()).as_bytes());
    header[136..148].copy_from_slice(b"00000000000\0");
    header[148..156].copy_from_slice(b"        ");
    header[156] = b'0';
    header[257..263].copy_from_slice(b"ustar\0");
    header[263..265].copy_from_slice(b"00");
    let sum: u32 = header.iter().map(|&b| u32::from(b)).sum();
    header[148..156].copy_from_slice(format!("{sum:06o}\0 ").as_bytes());
    let mut out = header.to_vec();
    out.extend_from_slice(content);
    out.resize(out.len().div_ceil(512) * 512, 0);
    out.resize(out.len() + 1024, 0);
    out
}

/// A request as [`HttpStub`] received it. Header names are lowercase.
#[derive(Debug, Clone)]
pub struct StubRequest {
    pub method: String,
    /// Path and query, as sent (`/v2/app/manifests/1.0`).
    pub path: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl StubRequest {
    pub fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        self.headers
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// What [`HttpStub`] answers. For HEAD the body is not sent but its length is announced.
#[derive(Debug, Clone)]
pub struct StubResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// How the body is sent; by default at once, with its `Content-Length`.
    pub pacing: Pacing,
}

/// Hostile ways of sending a body (issue 8).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pacing {
    AtOnce,
    /// The announced length, but `bytes` at a time with `every` between them.
    Trickle {
        bytes: usize,
        every: std::time::Duration,
    },
    /// No length: the body, over and over, until the client hangs up.
    Endless,
}

impl StubResponse {
    pub fn new(status: u16) -> Self {
        Self {
            status,
            headers: Vec::new(),
            body: Vec::new(),
            pacing: Pacing::AtOnce,
        }
    }
    #[must_use]
    pub fn pacing(mut self, pacing: Pacing) -> Self {
        self.pacing = pacing;
        self
    }
    #[must_use]
    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }
    #[must_use]
    pub fn body(mut self, body: impl Into<Vec<u8>>) -> Self {
        self.body = body.into();
        self
    }
}

/// A tiny HTTP/1.1 server on 127.0.0.1 answering each request with `handler`, for protocol
/// situations the real registry cannot produce (no `Docker-Content-Digest`, lying digests,
/// 429 with `Retry-After`, bearer token endpoints, the OCI referrers API). One connection per
/// request (`Connection: close`). Every request is recorded before it is answered.
pub struct HttpStub {
    port: u16,
    requests: std::sync::Arc<std::sync::Mutex<Vec<StubRequest>>>,
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl HttpStub {
    pub fn start(handler: impl Fn(&StubRequest) -> StubResponse + Send + Sync + 'static) -> Self {
        use std::sync::atomic::AtomicBool;
        use std::sync::{Arc, Mutex};
        let listener = TcpListener::bind("127.0.0.1:0").expect("binding the HTTP stub");
        let port = listener.local_addr().expect("stub address").port();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let handler = Arc::new(handler);
        let (reqs, stopped) = (requests.clone(), stop.clone());
        std::thread::spawn(move || {
            for conn in listener.incoming() {
                if stopped.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(conn) = conn else { continue };
                let (handler, reqs) = (handler.clone(), reqs.clone());
                std::thread::spawn(move || serve_one(conn, &*handler, &reqs));
            }
        });
        Self {
            port,
            requests,
            stop,
        }
    }

    /// `127.0.0.1:PORT`.
    pub fn host(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    /// Every request received so far, oldest first.
    pub fn requests(&self) -> Vec<StubRequest> {
        self.requests
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }
}

impl Drop for HttpStub {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so it sees the flag.
        let _ = std::net::TcpStream::connect(("127.0.0.1", self.port));
    }
}

fn serve_one(
    conn: std::net::TcpStream,
    handler: &(dyn Fn(&StubRequest) -> StubResponse + Send + Sync),
    requests: &std::sync::Mutex<Vec<StubRequest>>,
) {
    use std::fmt::Write as _;
    use std::io::Read as _;
    let mut reader = BufReader::new(conn);
    let mut line = String::new();
    if reader.read_line(&mut line).unwrap_or(0) == 0 {
        return;
    }
    let mut parts = line.split_whitespace();
    let (method, path) = match (parts.next(), parts.next()) {
        (Some(m), Some(p)) => (m.to_owned(), p.to_owned()),
        _ => return,
    };
    let mut headers = Vec::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h).unwrap_or(0) == 0 {
            return;
        }
        let h = h.trim_end();
        if h.is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.push((k.trim().to_ascii_lowercase(), v.trim().to_owned()));
        }
    }
    let len = headers
        .iter()
        .find(|(k, _)| k == "content-length")
        .and_then(|(_, v)| v.parse::<usize>().ok())
        .unwrap_or(0);
    let mut body = vec![0; len];
    if reader.read_exact(&mut body).is_err() {
        return;
    }
    let req = StubRequest {
        method,
        path,
        headers,
        body,
    };
    requests
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .push(req.clone());
    let resp = handler(&req);
    let mut out = format!("HTTP/1.1 {} Stub\r\n", resp.status);
    for (k, v) in &resp.headers {
        let _ = write!(out, "{k}: {v}\r\n");
    }
    if resp.pacing == Pacing::Endless {
        out.push_str("Connection: close\r\n\r\n");
    } else {
        let _ = write!(
            out,
            "Content-Length: {}\r\nConnection: close\r\n\r\n",
            resp.body.len()
        );
    }
    let mut conn = reader.into_inner();
    let _ = conn.write_all(out.as_bytes());
    if req.method != "HEAD" {
        match resp.pacing {
            Pacing::AtOnce => {
                let _ = conn.write_all(&resp.body);
            }
            Pacing::Trickle { bytes, every } => {
                for piece in resp.body.chunks(bytes.max(1)) {
                    if conn.write_all(piece).and_then(|()| conn.flush()).is_err() {
                        return;
                    }
                    // The hostile behaviour itself (a server dripping its body), not a wait
                    // for something to happen.
                    std::thread::sleep(every);
                }
            }
            Pacing::Endless => {
                let chunk = if resp.body.is_empty() {
                    vec![b' '; 64 << 10]
                } else {
                    resp.body.clone()
                };
                while conn.write_all(&chunk).is_ok() {}
                return;
            }
        }
    }
    let _ = conn.flush();
}

/// Writes `dir/config.json` holding `user:pass` for `host` (`dir` is created), as
/// `docker login` would; for stand-ins that are not a [`TestRegistry`].
pub fn write_docker_config(dir: &Path, host: &str, user: &str, pass: &str) {
    use base64::Engine as _;
    std::fs::create_dir_all(dir).expect("docker config dir");
    let auth = base64::engine::general_purpose::STANDARD.encode(format!("{user}:{pass}"));
    let json =
        format!("{{\n  \"auths\": {{\n    \"{host}\": {{ \"auth\": \"{auth}\" }}\n  }}\n}}\n");
    std::fs::write(dir.join("config.json"), json).expect("writing config.json");
}
