//! A TUF repository made at test time, served by [`HttpsFiles`]: the stand-in for
//! tuf-repo-cdn.sigstore.dev that `kubectl verify trust update` reads.
//!
//! Keys are Ed25519 made here (aws-lc-rs), one per role; metadata is signed over TUF
//! canonical JSON (sigstore-tuf's encoder, the bytes its verifier checks). The layout is the
//! production one: consistent snapshots, `N.root.json`, `timestamp.json`, `N.snapshot.json`,
//! `N.targets.json` and `targets/<sha256>.trusted_root.json`.
//!
//! ```text
//! TufRepo::new()                         root v1, valid for a year
//! TufRepo::with_root_expiry(t)           root v1 expiring at t
//! .root_path()                           root.json for --tuf-root
//! .publish(&server, root_json)           a new timestamp/snapshot/targets version naming it
//! .publish_with(&server, json, Publish)  the same, expired or signed by the wrong key
//! ```

use std::path::PathBuf;

use aws_lc_rs::signature::{Ed25519KeyPair, KeyPair as _};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use super::https::HttpsFiles;

/// One Ed25519 TUF key.
pub struct TufKey {
    pair: Ed25519KeyPair,
}

impl TufKey {
    pub fn generate() -> Self {
        Self {
            pair: Ed25519KeyPair::generate().expect("ed25519 key"),
        }
    }

    /// The key object as root metadata lists it.
    fn public(&self) -> Value {
        json!({
            "keytype": "ed25519",
            "scheme": "ed25519",
            "keyval": { "public": hex::encode(self.pair.public_key().as_ref()) },
        })
    }

    /// The TUF key ID: SHA-256 of the canonical key object.
    pub fn id(&self) -> String {
        hex::encode(Sha256::digest(canonical(&self.public())))
    }

    fn sign(&self, signed: &Value) -> Value {
        let sig = self.pair.sign(&canonical(signed));
        json!({ "keyid": self.id(), "sig": hex::encode(sig.as_ref()) })
    }
}

fn canonical(v: &Value) -> Vec<u8> {
    sigstore_tuf::canonical_json::to_canonical_bytes(v).expect("canonical JSON")
}

/// `{"signed": …, "signatures": [by each key]}` as bytes.
fn envelope(signed: &Value, keys: &[&TufKey]) -> Vec<u8> {
    let signatures: Vec<Value> = keys.iter().map(|k| k.sign(signed)).collect();
    serde_json::to_vec_pretty(&json!({ "signed": signed, "signatures": signatures })).expect("json")
}

/// TUF's time format.
pub fn tuf_time(t: jiff::Timestamp) -> String {
    t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

pub fn in_days(days: i64) -> String {
    tuf_time(jiff::Timestamp::now() + jiff::SignedDuration::from_hours(24 * days))
}

/// How a publication goes wrong, if it does.
#[derive(Default)]
pub struct Publish {
    /// The timestamp's `expires` (default: in a week).
    pub timestamp_expires: Option<String>,
    /// Sign the timestamp with this key instead of the timestamp role's.
    pub timestamp_signer: Option<TufKey>,
    /// Sign the targets with this key instead of the targets role's.
    pub targets_signer: Option<TufKey>,
}

pub struct TufRepo {
    root: TufKey,
    timestamp: TufKey,
    snapshot: TufKey,
    targets: TufKey,
    root_json: Vec<u8>,
    version: u64,
    dir: tempfile::TempDir,
}

impl Default for TufRepo {
    fn default() -> Self {
        Self::new()
    }
}

impl TufRepo {
    pub fn new() -> Self {
        Self::with_root_expiry(&in_days(365))
    }

    /// A repository whose root v1 expires at `expires` (TUF time).
    pub fn with_root_expiry(expires: &str) -> Self {
        let (root, timestamp, snapshot, targets) = (
            TufKey::generate(),
            TufKey::generate(),
            TufKey::generate(),
            TufKey::generate(),
        );
        let role = |k: &TufKey| json!({ "keyids": [k.id()], "threshold": 1 });
        let mut keys = serde_json::Map::new();
        for k in [&root, &timestamp, &snapshot, &targets] {
            keys.insert(k.id(), k.public());
        }
        let signed = json!({
            "_type": "root",
            "spec_version": "1.0.31",
            "version": 1,
            "expires": expires,
            "consistent_snapshot": true,
            "keys": keys,
            "roles": {
                "root": role(&root),
                "timestamp": role(&timestamp),
                "snapshot": role(&snapshot),
                "targets": role(&targets),
            },
        });
        let root_json = envelope(&signed, &[&root]);
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("root.json"), &root_json).expect("write root.json");
        Self {
            root,
            timestamp,
            snapshot,
            targets,
            root_json,
            version: 0,
            dir,
        }
    }

    /// The initial root.json, for `--tuf-root`.
    pub fn root_path(&self) -> PathBuf {
        self.dir.path().join("root.json")
    }

    /// Publishes `trusted_root` as the next version, correctly signed and valid for a week.
    pub fn publish(&mut self, server: &HttpsFiles, trusted_root: &[u8]) {
        self.publish_with(server, trusted_root, Publish::default());
    }

    /// Publishes `trusted_root` as the next version of timestamp, snapshot and targets.
    pub fn publish_with(&mut self, server: &HttpsFiles, trusted_root: &[u8], how: Publish) {
        self.version += 1;
        let v = self.version;
        let week = in_days(7);
        let hash = hex::encode(Sha256::digest(trusted_root));
        server.put("/1.root.json", self.root_json.clone());
        server.put(
            &format!("/targets/{hash}.trusted_root.json"),
            trusted_root.to_vec(),
        );
        let targets = json!({
            "_type": "targets",
            "spec_version": "1.0.31",
            "version": v,
            "expires": week,
            "targets": {
                "trusted_root.json": {
                    "length": trusted_root.len(),
                    "hashes": { "sha256": hash },
                },
            },
        });
        let targets = envelope(
            &targets,
            &[how.targets_signer.as_ref().unwrap_or(&self.targets)],
        );
        server.put(&format!("/{v}.targets.json"), targets);
        let snapshot = json!({
            "_type": "snapshot",
            "spec_version": "1.0.31",
            "version": v,
            "expires": week,
            "meta": { "targets.json": { "version": v } },
        });
        let snapshot = envelope(&snapshot, &[&self.snapshot]);
        let snapshot_hash = hex::encode(Sha256::digest(&snapshot));
        let snapshot_len = snapshot.len();
        server.put(&format!("/{v}.snapshot.json"), snapshot);
        let timestamp = json!({
            "_type": "timestamp",
            "spec_version": "1.0.31",
            "version": v,
            "expires": how.timestamp_expires.unwrap_or(week),
            "meta": { "snapshot.json": {
                "version": v,
                "length": snapshot_len,
                "hashes": { "sha256": snapshot_hash },
            } },
        });
        let timestamp = envelope(
            &timestamp,
            &[how.timestamp_signer.as_ref().unwrap_or(&self.timestamp)],
        );
        server.put("/timestamp.json", timestamp);
    }
}
