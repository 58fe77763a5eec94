//! A static HTTPS file server on 127.0.0.1: the stand-in for dl.k8s.io and sbom.k8s.io.
//!
//! TLS comes from a CA made at start with rcgen (server certificate for 127.0.0.1 and
//! localhost); `ca_pem_path()` is what `--download-ca` takes. Files are served from memory
//! by exact path, any other path is 404, and a path can be made to redirect (to test that a
//! redirect to http is refused). HTTP/1.1 with keep-alive, one thread per connection, as
//! reqwest connects. Stopped on drop.
//!
//! ```text
//! HttpsFiles::start()
//! .url()                      "https://127.0.0.1:PORT"
//! .ca_pem_path()              PEM of the issuing CA, in a temporary directory
//! .put(path, bytes)           serve bytes at path (replacing what was there)
//! .remove(path)               404 from now on
//! .redirect(path, location)   302 to location
//! .requests()                 "GET /path" for every request so far, oldest first
//! ```

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;

use rcgen::{
    BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, Issuer, KeyPair,
    KeyUsagePurpose,
};

#[derive(Clone)]
enum Reply {
    File(Arc<Vec<u8>>),
    Redirect(String),
}

#[derive(Default)]
struct State {
    files: HashMap<String, Reply>,
    requests: Vec<String>,
}

pub struct HttpsFiles {
    port: u16,
    state: Arc<Mutex<State>>,
    stop: Arc<AtomicBool>,
    accept: Option<JoinHandle<()>>,
    dir: tempfile::TempDir,
}

impl HttpsFiles {
    pub fn start() -> Self {
        let (ca_pem, tls) = tls_material();
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("ca.pem"), ca_pem).expect("write CA");
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let port = listener.local_addr().expect("addr").port();
        let state = Arc::new(Mutex::new(State::default()));
        let stop = Arc::new(AtomicBool::new(false));
        let accept = {
            let (state, stop) = (state.clone(), stop.clone());
            std::thread::spawn(move || accept_loop(&listener, &tls, &state, &stop))
        };
        Self {
            port,
            state,
            stop,
            accept: Some(accept),
            dir,
        }
    }

    pub fn url(&self) -> String {
        format!("https://127.0.0.1:{}", self.port)
    }

    pub fn ca_pem_path(&self) -> PathBuf {
        self.dir.path().join("ca.pem")
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub fn put(&self, path: &str, bytes: impl Into<Vec<u8>>) {
        self.lock()
            .files
            .insert(path.to_owned(), Reply::File(Arc::new(bytes.into())));
    }

    pub fn remove(&self, path: &str) {
        self.lock().files.remove(path);
    }

    pub fn redirect(&self, path: &str, location: &str) {
        self.lock()
            .files
            .insert(path.to_owned(), Reply::Redirect(location.to_owned()));
    }

    pub fn requests(&self) -> Vec<String> {
        self.lock().requests.clone()
    }
}

impl Drop for HttpsFiles {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so it sees `stop`.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        if let Some(h) = self.accept.take() {
            let _ = h.join();
        }
    }
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

fn tls_material() -> (String, Arc<rustls::ServerConfig>) {
    let (ca, ca_cert) = make_ca("kubectl-verify test dl.k8s.io CA");
    let key = KeyPair::generate().expect("server key");
    let mut params = CertificateParams::new(vec!["127.0.0.1".to_owned(), "localhost".to_owned()])
        .expect("server params");
    params
        .distinguished_name
        .push(DnType::CommonName, "dl.k8s.io stand-in");
    params.key_usages = vec![
        KeyUsagePurpose::DigitalSignature,
        KeyUsagePurpose::KeyEncipherment,
    ];
    params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
    let cert = params.signed_by(&key, &ca).expect("server certificate");
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let key_der = rustls::pki_types::PrivateKeyDer::Pkcs8(key.serialize_der().into());
    let mut config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("TLS versions")
        .with_no_client_auth()
        .with_single_cert(vec![cert.der().clone()], key_der)
        .expect("server TLS config");
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    (ca_cert.pem(), Arc::new(config))
}

fn accept_loop(
    listener: &TcpListener,
    tls: &Arc<rustls::ServerConfig>,
    state: &Arc<Mutex<State>>,
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
        workers.push((std::thread::spawn(move || serve(conn, tls, &state)), handle));
    }
    for (_, conn) in &workers {
        let _ = conn.shutdown(Shutdown::Both);
    }
    for (worker, _) in workers {
        let _ = worker.join();
    }
}

fn serve(tcp: TcpStream, tls: Arc<rustls::ServerConfig>, state: &Mutex<State>) {
    let Ok(conn) = rustls::ServerConnection::new(tls) else {
        return;
    };
    let Ok(tcp_handle) = tcp.try_clone() else {
        return;
    };
    let mut stream = BufReader::new(rustls::StreamOwned::new(conn, tcp));
    while let Some((method, path, close)) = read_request(&mut stream) {
        let reply = {
            let mut s = state.lock().unwrap_or_else(PoisonError::into_inner);
            s.requests.push(format!("{method} {path}"));
            s.files.get(&path).cloned()
        };
        let (head, body): (String, Arc<Vec<u8>>) = match reply {
            Some(Reply::File(bytes)) => (
                format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: {}\r\n",
                    bytes.len()
                ),
                bytes,
            ),
            Some(Reply::Redirect(to)) => (
                format!("HTTP/1.1 302 Found\r\nLocation: {to}\r\nContent-Length: 0\r\n"),
                Arc::new(Vec::new()),
            ),
            None => (
                "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 10\r\n"
                    .to_owned(),
                Arc::new(b"not found\n".to_vec()),
            ),
        };
        let head = format!(
            "{head}{}\r\n",
            if close { "Connection: close\r\n" } else { "" }
        );
        let out = stream.get_mut();
        let body: &[u8] = if method == "HEAD" { &[] } else { &body };
        if out.write_all(head.as_bytes()).is_err()
            || out.write_all(body).is_err()
            || out.flush().is_err()
            || close
        {
            break;
        }
    }
    let out = stream.get_mut();
    out.conn.send_close_notify();
    let _ = out.flush();
    let _ = tcp_handle.shutdown(Shutdown::Both);
}

/// `(method, path without query, close)`; the body, if any, is read and dropped.
fn read_request(stream: &mut impl BufRead) -> Option<(String, String, bool)> {
    let mut line = String::new();
    if stream.read_line(&mut line).ok()? == 0 {
        return None;
    }
    let mut parts = line.split_whitespace();
    let (method, target, version) = (parts.next()?, parts.next()?, parts.next()?);
    let path = target.split('?').next().unwrap_or(target).to_owned();
    let mut close = version == "HTTP/1.0";
    let mut len = 0u64;
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
            let (k, v) = (k.trim().to_ascii_lowercase(), v.trim());
            if k == "connection" {
                close = v.eq_ignore_ascii_case("close");
            } else if k == "content-length" {
                len = v.parse().unwrap_or(0);
            }
        }
    }
    std::io::copy(&mut stream.take(len), &mut std::io::sink()).ok()?;
    Some((method.to_owned(), path, close))
}
