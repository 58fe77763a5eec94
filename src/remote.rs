//! Fetching evidence that is not in a registry: the opt-in online lookup of a detached
//! signature's Rekor entry (`--rekor-url`), and the small HTTP client `blob` uses for it and
//! for URL arguments (bounded retries, size limit). Kept out of `verify/`, which only judges.
//!
//! The entry found is not trusted: it is turned into the `tlogEntries` element of a bundle
//! (body, SET, inclusion proof, checkpoint) and the engine verifies the SET and the proof
//! against the trusted root's Rekor key, the body against the signature, certificate and
//! artifact, and the certificate's validity at the entry's integrated time. A lying server
//! can only make verification fail.

use std::time::Duration;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;
use serde_json::{Value, json};

/// The public-good Rekor, the default of `--rekor-url` without a value.
pub const DEFAULT_REKOR_URL: &str = "https://rekor.sigstore.dev";
/// How many candidate entries for one artifact hash are fetched before giving up.
const MAX_CANDIDATES: usize = 16;
/// Rekor answers are small; anything bigger is not an answer.
const REKOR_LIMIT: u64 = 4 * 1024 * 1024;
/// Attempts per request (transient network errors, 5xx and 429 are retried).
const ATTEMPTS: u32 = 3;

/// Why an HTTP fetch or a Rekor lookup failed.
#[derive(Debug, thiserror::Error)]
pub enum RekorError {
    /// The request could not be sent or the connection failed, after retries.
    #[error("fetching {url}: {message}")]
    Unreachable { url: String, message: String },
    /// The server answered with an error status.
    #[error("fetching {url}: HTTP {status}")]
    Status { url: String, status: u16 },
    /// The body is larger than the limit for this kind of download.
    #[error("fetching {url}: larger than the {limit}-byte limit")]
    TooLarge { url: String, limit: u64 },
    /// Rekor answered something that is not a Rekor entry.
    #[error("reading the Rekor answer from {url}: {message}")]
    Malformed { url: String, message: String },
}

/// An HTTP client with a timeout, bounded retries and a body size limit per request.
#[derive(Debug, Clone)]
pub struct Http {
    client: reqwest::Client,
}

impl Http {
    pub fn new(timeout: Duration) -> Result<Self, RekorError> {
        let client = reqwest::Client::builder()
            .timeout(timeout)
            // The registry's rule: never from https to plain http.
            .redirect(crate::registry::redirect_policy(false))
            .user_agent(concat!("kubectl-verify/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| RekorError::Unreachable {
                url: String::new(),
                message: format!("building the HTTP client: {e}"),
            })?;
        Ok(Self { client })
    }

    /// GETs `url`, refusing bodies over `limit` bytes.
    pub async fn get(&self, url: &str, limit: u64) -> Result<Vec<u8>, RekorError> {
        self.send(url, limit, || self.client.get(url)).await
    }

    /// POSTs a JSON body to `url`.
    pub async fn post_json(
        &self,
        url: &str,
        body: &Value,
        limit: u64,
    ) -> Result<Vec<u8>, RekorError> {
        let text = body.to_string();
        self.send(url, limit, || {
            self.client
                .post(url)
                .header("content-type", "application/json")
                .body(text.clone())
        })
        .await
    }

    async fn send(
        &self,
        url: &str,
        limit: u64,
        request: impl Fn() -> reqwest::RequestBuilder,
    ) -> Result<Vec<u8>, RekorError> {
        let mut attempt = 0;
        loop {
            attempt += 1;
            let last = attempt >= ATTEMPTS;
            let started = std::time::Instant::now();
            let sent = request().send().await;
            // `-v=6`: the same line the registry client logs (no bodies, query values that
            // may be signatures redacted).
            crate::report::log(6, || {
                let ms = started.elapsed().as_millis();
                let shown = crate::registry::redact_url_str(url);
                match &sent {
                    Ok(r) => format!("{shown} {} in {ms} ms", r.status()),
                    Err(e) => format!("{shown} failed after {ms} ms: {}", error_chain(e)),
                }
            });
            let response = match sent {
                Ok(r) => r,
                Err(e) if !last => {
                    backoff(attempt, None).await;
                    let _ = e;
                    continue;
                }
                Err(e) => {
                    return Err(RekorError::Unreachable {
                        url: url.to_owned(),
                        message: error_chain(&e),
                    });
                }
            };
            let status = response.status();
            if (status.is_server_error() || status.as_u16() == 429) && !last {
                let retry_after = response
                    .headers()
                    .get("retry-after")
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.trim().parse::<u64>().ok());
                backoff(attempt, retry_after).await;
                continue;
            }
            if !status.is_success() {
                return Err(RekorError::Status {
                    url: url.to_owned(),
                    status: status.as_u16(),
                });
            }
            return read_limited(response, url, limit).await;
        }
    }
}

async fn backoff(attempt: u32, retry_after: Option<u64>) {
    // Honour Retry-After within reason; otherwise 250 ms, 1 s.
    let wait = retry_after.map_or_else(
        || Duration::from_millis(250 * 4u64.pow(attempt.saturating_sub(1))),
        |s| Duration::from_secs(s.min(10)),
    );
    tokio::time::sleep(wait).await;
}

async fn read_limited(
    mut response: reqwest::Response,
    url: &str,
    limit: u64,
) -> Result<Vec<u8>, RekorError> {
    let too_large = || RekorError::TooLarge {
        url: url.to_owned(),
        limit,
    };
    if response.content_length().is_some_and(|n| n > limit) {
        return Err(too_large());
    }
    let mut body = Vec::new();
    loop {
        match response.chunk().await {
            Ok(Some(chunk)) => {
                if body.len() as u64 + chunk.len() as u64 > limit {
                    return Err(too_large());
                }
                body.extend_from_slice(&chunk);
            }
            Ok(None) => return Ok(body),
            Err(e) => {
                return Err(RekorError::Unreachable {
                    url: url.to_owned(),
                    message: error_chain(&e),
                });
            }
        }
    }
}

fn error_chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}

/// Looks up the Rekor entry for a detached signature over an artifact with SHA-256
/// `artifact_sha256`: `POST /api/v1/index/retrieve` by hash, then
/// `GET /api/v1/log/entries/{uuid}` for each candidate until one whose body carries this
/// signature. Returns it as a bundle `tlogEntries` element, or `None` when the log has none.
pub async fn find_entry(
    http: &Http,
    base_url: &str,
    artifact_sha256: &[u8; 32],
    signature: &[u8],
) -> Result<Option<Value>, RekorError> {
    let base = base_url.trim_end_matches('/');
    let search = format!("{base}/api/v1/index/retrieve");
    let answer = http
        .post_json(
            &search,
            &json!({ "hash": format!("sha256:{}", hex::encode(artifact_sha256)) }),
            REKOR_LIMIT,
        )
        .await?;
    let uuids: Vec<String> =
        serde_json::from_slice(&answer).map_err(|e| RekorError::Malformed {
            url: search.clone(),
            message: format!("expected a list of entry UUIDs: {e}"),
        })?;
    let wanted_signature = B64.encode(signature);
    for uuid in uuids.iter().take(MAX_CANDIDATES) {
        let url = format!("{base}/api/v1/log/entries/{uuid}");
        let answer = http.get(&url, REKOR_LIMIT).await?;
        let entries: Value =
            serde_json::from_slice(&answer).map_err(|e| RekorError::Malformed {
                url: url.clone(),
                message: e.to_string(),
            })?;
        let Some(entry) = entries.as_object().and_then(|m| m.values().next()) else {
            continue;
        };
        let tlog = to_bundle_entry(entry).map_err(|message| RekorError::Malformed {
            url: url.clone(),
            message,
        })?;
        if tlog.signature.as_deref() == Some(wanted_signature.as_str()) {
            return Ok(Some(tlog.entry));
        }
    }
    Ok(None)
}

/// A Rekor API log entry converted to the bundle's form.
#[derive(Debug, Clone, PartialEq)]
pub struct BundleEntry {
    /// The `tlogEntries` element.
    pub entry: Value,
    /// The base64 signature the body records (hashedrekord), to pick the right candidate.
    pub signature: Option<String>,
}

/// Converts one value of `GET /api/v1/log/entries/{uuid}` (`{body, integratedTime, logID,
/// logIndex, verification: {signedEntryTimestamp, inclusionProof}}`) to a bundle
/// `tlogEntries` element. Pure; nothing is trusted here.
pub fn to_bundle_entry(entry: &Value) -> Result<BundleEntry, String> {
    let field = |name: &str| {
        entry
            .get(name)
            .ok_or_else(|| format!("the entry has no {name}"))
    };
    let body_b64 = field("body")?.as_str().ok_or("body is not a string")?;
    let body_bytes = B64
        .decode(body_b64)
        .map_err(|e| format!("body is not base64: {e}"))?;
    let body: Value =
        serde_json::from_slice(&body_bytes).map_err(|e| format!("body is not JSON: {e}"))?;
    let kind = body["kind"].as_str().ok_or("body has no kind")?;
    let version = body["apiVersion"]
        .as_str()
        .ok_or("body has no apiVersion")?;
    let signature = body["spec"]["signature"]["content"]
        .as_str()
        .map(str::to_owned);
    let log_id_hex = field("logID")?.as_str().ok_or("logID is not a string")?;
    let log_id = hex::decode(log_id_hex).map_err(|e| format!("logID is not hex: {e}"))?;
    let log_index = field("logIndex")?
        .as_i64()
        .ok_or("logIndex is not a number")?;
    let integrated = field("integratedTime")?
        .as_i64()
        .ok_or("integratedTime is not a number")?;
    let verification = field("verification")?;
    let mut out = json!({
        "logIndex": log_index.to_string(),
        "logId": { "keyId": B64.encode(&log_id) },
        "kindVersion": { "kind": kind, "version": version },
        "integratedTime": integrated.to_string(),
        "canonicalizedBody": body_b64,
    });
    if let Some(set) = verification["signedEntryTimestamp"].as_str() {
        out["inclusionPromise"] = json!({ "signedEntryTimestamp": set });
    }
    let proof = &verification["inclusionProof"];
    if proof.is_object() {
        let hex_to_b64 = |v: &Value, what: &str| -> Result<String, String> {
            let s = v
                .as_str()
                .ok_or_else(|| format!("{what} is not a string"))?;
            hex::decode(s)
                .map(|b| B64.encode(b))
                .map_err(|e| format!("{what} is not hex: {e}"))
        };
        let hashes = proof["hashes"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|h| hex_to_b64(h, "a proof hash"))
                    .collect::<Result<Vec<_>, _>>()
            })
            .transpose()?
            .unwrap_or_default();
        out["inclusionProof"] = json!({
            "logIndex": proof["logIndex"].as_i64().ok_or("inclusionProof.logIndex is not a number")?.to_string(),
            "rootHash": hex_to_b64(&proof["rootHash"], "inclusionProof.rootHash")?,
            "treeSize": proof["treeSize"].as_i64().ok_or("inclusionProof.treeSize is not a number")?.to_string(),
            "hashes": hashes,
            "checkpoint": { "envelope": proof["checkpoint"].as_str().unwrap_or_default() },
        });
    }
    Ok(BundleEntry {
        entry: out,
        signature,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_entries_become_bundle_entries() {
        let body = json!({
            "apiVersion": "0.0.1", "kind": "hashedrekord",
            "spec": { "data": { "hash": { "algorithm": "sha256", "value": "00" } },
                      "signature": { "content": "c2ln", "publicKey": { "content": "cGVt" } } }
        });
        let body_b64 = B64.encode(body.to_string());
        let entry = json!({
            "body": body_b64,
            "integratedTime": 1_695_830_700,
            "logID": "c0d23d6ad406973f9559f3ba2d1ca01f84147d8ffc5b8445c224f98b9591801d",
            "logIndex": 12,
            "verification": {
                "signedEntryTimestamp": "U0VU",
                "inclusionProof": {
                    "checkpoint": "rekor\n13\nAAAA\n\n— rekor x\n",
                    "hashes": ["00ff"], "logIndex": 3, "rootHash": "ff00", "treeSize": 13
                }
            }
        });
        let got = to_bundle_entry(&entry).expect("converts");
        assert_eq!(got.signature.as_deref(), Some("c2ln"));
        assert_eq!(
            got.entry,
            json!({
                "logIndex": "12",
                "logId": { "keyId": "wNI9atQGlz+VWfO6LRygH4QUfY/8W4RFwiT5i5WRgB0=" },
                "kindVersion": { "kind": "hashedrekord", "version": "0.0.1" },
                "integratedTime": "1695830700",
                "canonicalizedBody": body_b64,
                "inclusionPromise": { "signedEntryTimestamp": "U0VU" },
                "inclusionProof": {
                    "logIndex": "3", "rootHash": "/wA=", "treeSize": "13", "hashes": ["AP8="],
                    "checkpoint": { "envelope": "rekor\n13\nAAAA\n\n— rekor x\n" }
                }
            })
        );
    }

    #[test]
    fn broken_entries_say_what_is_missing() {
        for (entry, want) in [
            (json!({}), "the entry has no body"),
            (json!({ "body": "!!" }), "body is not base64"),
            (json!({ "body": B64.encode("[]") }), "body has no kind"),
        ] {
            let err = to_bundle_entry(&entry).expect_err("broken");
            assert!(err.starts_with(want), "{err}");
        }
    }
}
