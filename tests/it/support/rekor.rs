//! A Rekor stand-in on 127.0.0.1: a real RFC 6962 Merkle log of hashedrekord entries, signed
//! with a Rekor key made at test time (SETs over the canonical entry payload, checkpoints as
//! signed notes), served through the two endpoints `kubectl verify blob --rekor-url` uses:
//! `POST /api/v1/index/retrieve` and `GET /api/v1/log/entries/{uuid}`. It also serves static
//! files (`serve_file`), for URL arguments.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::sync::{Arc, Mutex};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;
use serde_json::{Value, json};
use sha2::{Digest as _, Sha256};
use sigstore_verify::crypto::KeyPair;

/// One log entry: its canonical body and the time the log says it integrated it.
struct Entry {
    body: Vec<u8>,
    integrated_time: i64,
}

struct Log {
    key: KeyPair,
    id: [u8; 32],
    origin: String,
    leaves: Vec<Entry>,
    files: BTreeMap<String, Vec<u8>>,
    requests: Vec<String>,
}

/// A running stand-in. The server thread lives until the test process exits.
pub struct RekorStandIn {
    pub url: String,
    log: Arc<Mutex<Log>>,
}

impl RekorStandIn {
    /// Binds a free port on 127.0.0.1 and starts serving with a fresh ECDSA P-256 log key.
    pub fn start() -> Self {
        let key = KeyPair::generate_ecdsa_p256().expect("rekor test key");
        let spki = key.public_key_der().expect("spki");
        let log_id: [u8; 32] = Sha256::digest(spki.as_bytes()).into();
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let url = format!("http://{}", listener.local_addr().expect("addr"));
        let log = Arc::new(Mutex::new(Log {
            key,
            id: log_id,
            origin: "rekor.test - 1".to_owned(),
            leaves: Vec::new(),
            files: BTreeMap::new(),
            requests: Vec::new(),
        }));
        let served = Arc::clone(&log);
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                handle(stream, &served);
            }
        });
        Self { url, log }
    }

    /// Appends a hashedrekord entry for a signature over an artifact; `verifier_pem` is the
    /// signing certificate (or public key) PEM as Rekor stores it. Returns the entry UUID.
    pub fn add_hashedrekord(
        &self,
        artifact_sha256_hex: &str,
        signature_b64: &str,
        verifier_pem: &str,
        integrated_time: i64,
    ) -> String {
        let body = json!({
            "apiVersion": "0.0.1",
            "kind": "hashedrekord",
            "spec": {
                "data": { "hash": { "algorithm": "sha256", "value": artifact_sha256_hex } },
                "signature": {
                    "content": signature_b64,
                    "publicKey": { "content": B64.encode(verifier_pem) },
                },
            },
        });
        let body = serde_json::to_vec(&body).expect("body");
        let uuid = hex::encode(leaf_hash(&body));
        self.log.lock().expect("log").leaves.push(Entry {
            body,
            integrated_time,
        });
        uuid
    }

    /// Appends `n` unrelated entries, so inclusion proofs have several hashes.
    pub fn add_filler(&self, n: usize) {
        for i in 0..n {
            let hash = hex::encode(Sha256::digest(format!("filler {i}")));
            self.add_hashedrekord(&hash, "c2ln", "not a certificate", 1_600_000_000);
        }
    }

    /// Serves `bytes` at `{url}/files/{name}`; returns that URL.
    pub fn serve_file(&self, name: &str, bytes: &[u8]) -> String {
        self.log
            .lock()
            .expect("log")
            .files
            .insert(name.to_owned(), bytes.to_vec());
        format!("{}/files/{name}", self.url)
    }

    /// The request lines served so far (`POST /api/v1/index/retrieve`, …).
    pub fn requests(&self) -> Vec<String> {
        self.log.lock().expect("log").requests.clone()
    }

    /// A trusted root: `base` (a trusted_root.json) with its transparency logs replaced by
    /// this stand-in's key, so SETs and checkpoints it signs verify and prod's do not.
    pub fn trusted_root(&self, base: &Path) -> String {
        let mut root: Value =
            serde_json::from_slice(&std::fs::read(base).expect("base root")).expect("root json");
        let log = self.log.lock().expect("log");
        let spki = log.key.public_key_der().expect("spki");
        root["tlogs"] = json!([{
            "baseUrl": self.url,
            "hashAlgorithm": "SHA2_256",
            "publicKey": {
                "rawBytes": B64.encode(spki.as_bytes()),
                "keyDetails": "PKIX_ECDSA_P256_SHA_256",
                "validFor": { "start": "2020-01-01T00:00:00Z" },
            },
            "logId": { "keyId": B64.encode(log.id) },
        }]);
        serde_json::to_string_pretty(&root).expect("root")
    }
}

fn leaf_hash(body: &[u8]) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update([0u8]);
    h.update(body);
    h.finalize().into()
}

fn node_hash(left: &[u8; 32], right: &[u8; 32]) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update([1u8]);
    h.update(left);
    h.update(right);
    h.finalize().into()
}

/// The largest power of two smaller than `n` (n > 1), RFC 6962's split point.
fn split(n: usize) -> usize {
    let mut k = 1;
    while k * 2 < n {
        k *= 2;
    }
    k
}

/// RFC 6962 Merkle tree hash of the leaves.
fn root(leaves: &[[u8; 32]]) -> [u8; 32] {
    match leaves.len() {
        0 => Sha256::digest([]).into(),
        1 => leaves[0],
        n => {
            let k = split(n);
            node_hash(&root(&leaves[..k]), &root(&leaves[k..]))
        }
    }
}

/// RFC 6962 audit path for leaf `m`.
fn path(m: usize, leaves: &[[u8; 32]]) -> Vec<[u8; 32]> {
    let n = leaves.len();
    if n <= 1 {
        return Vec::new();
    }
    let k = split(n);
    if m < k {
        let mut p = path(m, &leaves[..k]);
        p.push(root(&leaves[k..]));
        p
    } else {
        let mut p = path(m - k, &leaves[k..]);
        p.push(root(&leaves[..k]));
        p
    }
}

impl Log {
    fn entry_json(&self, index: usize) -> Value {
        let leaves: Vec<[u8; 32]> = self.leaves.iter().map(|e| leaf_hash(&e.body)).collect();
        let entry = &self.leaves[index];
        let body_b64 = B64.encode(&entry.body);
        let log_id_hex = hex::encode(self.id);
        // The SET signs the canonical JSON of these four fields (keys sorted, no spaces).
        let set_payload = json!({
            "body": body_b64,
            "integratedTime": entry.integrated_time,
            "logID": log_id_hex,
            "logIndex": index,
        });
        let set = self
            .key
            .sign(set_payload.to_string().as_bytes())
            .expect("sign SET");
        let tree_root = root(&leaves);
        let note = format!(
            "{}\n{}\n{}\n",
            self.origin,
            leaves.len(),
            B64.encode(tree_root)
        );
        let note_sig = self.key.sign(note.as_bytes()).expect("sign checkpoint");
        let mut hint_and_sig = self.id[..4].to_vec();
        hint_and_sig.extend_from_slice(note_sig.as_bytes());
        let checkpoint = format!(
            "{note}\n\u{2014} {} {}\n",
            self.origin.split(' ').next().unwrap_or("rekor.test"),
            B64.encode(hint_and_sig)
        );
        json!({
            "body": body_b64,
            "integratedTime": entry.integrated_time,
            "logID": log_id_hex,
            "logIndex": index,
            "verification": {
                "signedEntryTimestamp": B64.encode(set.as_bytes()),
                "inclusionProof": {
                    "checkpoint": checkpoint,
                    "hashes": path(index, &leaves).iter().map(hex::encode).collect::<Vec<_>>(),
                    "logIndex": index,
                    "rootHash": hex::encode(tree_root),
                    "treeSize": leaves.len(),
                },
            },
        })
    }
}

fn handle(stream: TcpStream, log: &Mutex<Log>) {
    let mut reader = BufReader::new(stream);
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    let mut content_length = 0usize;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).is_err() || line == "\r\n" || line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            content_length = value.trim().parse().unwrap_or(0);
        }
    }
    let mut body = vec![0u8; content_length];
    let _ = reader.read_exact(&mut body);
    let mut parts = request_line.split_whitespace();
    let (method, target) = (
        parts.next().unwrap_or_default().to_owned(),
        parts.next().unwrap_or_default().to_owned(),
    );
    let (status, content) = {
        let mut log = log.lock().expect("log");
        log.requests.push(format!("{method} {target}"));
        route(&log, &method, &target, &body)
    };
    let mut stream = reader.into_inner();
    let head = format!(
        "HTTP/1.1 {status}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
        content.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&content);
}

fn route(log: &Log, method: &str, target: &str, body: &[u8]) -> (&'static str, Vec<u8>) {
    let not_found = ("404 Not Found", b"{\"message\":\"not found\"}".to_vec());
    match (method, target) {
        ("POST", "/api/v1/index/retrieve") => {
            let query: Value = serde_json::from_slice(body).unwrap_or_default();
            let wanted = query["hash"].as_str().unwrap_or_default().to_owned();
            let uuids: Vec<String> = log
                .leaves
                .iter()
                .filter(|e| {
                    let body: Value = serde_json::from_slice(&e.body).unwrap_or_default();
                    format!(
                        "sha256:{}",
                        body["spec"]["data"]["hash"]["value"]
                            .as_str()
                            .unwrap_or_default()
                    ) == wanted
                })
                .map(|e| hex::encode(leaf_hash(&e.body)))
                .collect();
            ("200 OK", serde_json::to_vec(&uuids).expect("json"))
        }
        ("GET", t) if t.starts_with("/api/v1/log/entries/") => {
            let uuid = &t["/api/v1/log/entries/".len()..];
            match log
                .leaves
                .iter()
                .position(|e| hex::encode(leaf_hash(&e.body)) == uuid)
            {
                Some(index) => (
                    "200 OK",
                    serde_json::to_vec(&json!({ uuid: log.entry_json(index) })).expect("json"),
                ),
                None => not_found,
            }
        }
        ("GET", t) if t.starts_with("/files/") => match log.files.get(&t["/files/".len()..]) {
            Some(bytes) => ("200 OK", bytes.clone()),
            None => not_found,
        },
        _ => not_found,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn audit_paths_reproduce_the_root() {
        for n in 1u8..=9 {
            let leaves: Vec<[u8; 32]> = (0..n).map(|i: u8| leaf_hash(&[i])).collect();
            let want = root(&leaves);
            for m in 0..usize::from(n) {
                // Recompute the root from the leaf and its path (RFC 9162 §2.1.3.2).
                let p = path(m, &leaves);
                let (mut fnode, mut snode) = (m, usize::from(n) - 1);
                let mut r = leaves[m];
                for h in &p {
                    if fnode % 2 == 1 || fnode == snode {
                        r = node_hash(h, &r);
                        while fnode % 2 == 0 && fnode != 0 {
                            fnode >>= 1;
                            snode >>= 1;
                        }
                    } else {
                        r = node_hash(&r, h);
                    }
                    fnode >>= 1;
                    snode >>= 1;
                }
                assert_eq!(r, want, "n={n} m={m}");
            }
        }
    }
}
