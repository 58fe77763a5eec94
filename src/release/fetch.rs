//! Fetching release material from dl.k8s.io and sbom.k8s.io (or the mirrors
//! `--dl-url-base` and `--sbom-url-base` name): https only, redirects that stay on https,
//! every body bounded in size and every request in time. Binaries are streamed through
//! SHA-256 (and, with `--download-dir`, into a hidden temporary file beside their final
//! name), never held whole in memory.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use sha2::{Digest as _, Sha256};

/// Redirects followed per request.
const MAX_REDIRECTS: usize = 5;
/// Attempts per small request (transient network errors, 5xx and 429 are retried).
const ATTEMPTS: u32 = 3;

/// Why a fetch failed.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// A URL that is not https.
    #[error("{url}: only https URLs are fetched")]
    NotHttps { url: String },
    /// The server answered with an error status (404: no such file).
    #[error("fetching {url}: HTTP {status}")]
    Status { url: String, status: u16 },
    /// The body is larger than the limit for this kind of file.
    #[error("fetching {url}: larger than the {limit}-byte limit")]
    TooLarge { url: String, limit: u64 },
    /// The connection, TLS, a redirect or the timeout failed.
    #[error("fetching {url}")]
    Transport {
        url: String,
        #[source]
        source: reqwest::Error,
    },
    /// The HTTP client could not be built (a bad `--download-ca`).
    #[error("setting up the HTTP client for release downloads: {reason}")]
    Config { reason: String },
    /// A local file (`--sbom FILE`, `--download-dir`) could not be read or written.
    #[error("{what} {path}")]
    Io {
        what: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl FetchError {
    /// True when the server said the file does not exist.
    pub fn is_not_found(&self) -> bool {
        matches!(
            self,
            Self::Status {
                status: 404 | 410,
                ..
            }
        )
    }
}

/// A redirect the policy refused.
#[derive(Debug, thiserror::Error)]
#[error("refused a redirect to {to}: release downloads stay on https")]
struct Downgrade {
    to: String,
}

/// The HTTP client for release material.
#[derive(Debug, Clone)]
pub struct Fetcher {
    client: reqwest::Client,
    timeout: Duration,
    download_timeout: Duration,
}

/// What streaming a binary produced.
#[derive(Debug)]
pub struct Streamed {
    pub sha256: [u8; 32],
    pub size: u64,
    /// The hidden temporary file holding the bytes, with `--download-dir`; removed when
    /// dropped unless [`Streamed::keep`] moves it to its name.
    pub file: Option<tempfile::NamedTempFile>,
}

impl Streamed {
    /// Moves the temporary file to `path` (atomically: a rename in the same directory),
    /// executable, and returns `path`.
    pub fn keep(self, path: &Path) -> Result<PathBuf, FetchError> {
        let Some(file) = self.file else {
            return Ok(path.to_owned());
        };
        let io = |source| FetchError::Io {
            what: "writing",
            path: path.to_owned(),
            source,
        };
        file.as_file().sync_all().map_err(io)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            file.as_file()
                .set_permissions(std::fs::Permissions::from_mode(0o755))
                .map_err(io)?;
        }
        file.persist(path).map_err(|e| io(e.error))?;
        Ok(path.to_owned())
    }
}

impl Fetcher {
    /// `extra_ca_pem`: `--download-ca` files; `timeout`: per small request;
    /// `download_timeout`: per binary.
    pub fn new(
        extra_ca_pem: &[Vec<u8>],
        timeout: Duration,
        download_timeout: Duration,
    ) -> Result<Self, FetchError> {
        let mut certs = Vec::new();
        for (i, pem) in extra_ca_pem.iter().enumerate() {
            let bundle =
                reqwest::Certificate::from_pem_bundle(pem).map_err(|e| FetchError::Config {
                    reason: format!("CA certificate #{}: not PEM: {e}", i + 1),
                })?;
            if bundle.is_empty() {
                return Err(FetchError::Config {
                    reason: format!("CA certificate #{}: no PEM certificate in it", i + 1),
                });
            }
            certs.extend(bundle);
        }
        let policy = reqwest::redirect::Policy::custom(|attempt| {
            if attempt.url().scheme() != "https" {
                let to = attempt.url().to_string();
                attempt.error(Downgrade { to })
            } else if attempt.previous().len() > MAX_REDIRECTS {
                attempt.error(format!("more than {MAX_REDIRECTS} redirects"))
            } else {
                attempt.follow()
            }
        });
        let client = reqwest::Client::builder()
            .user_agent(concat!("kubectl-verify/", env!("CARGO_PKG_VERSION")))
            .connect_timeout(timeout)
            .https_only(true)
            .redirect(policy)
            .tls_certs_merge(certs)
            .build()
            .map_err(|e| FetchError::Config {
                reason: e.to_string(),
            })?;
        Ok(Self {
            client,
            timeout,
            download_timeout,
        })
    }

    /// GETs a small file (a version marker, an SBOM, a signature), at most `limit` bytes,
    /// with bounded retries.
    pub async fn get(&self, url: &str, limit: u64) -> Result<Vec<u8>, FetchError> {
        check_https(url)?;
        let mut attempt = 0;
        loop {
            attempt += 1;
            let last = attempt >= ATTEMPTS;
            let response = match self.client.get(url).timeout(self.timeout).send().await {
                Ok(r) => r,
                Err(e) if !last && !e.is_redirect() && !e.is_builder() => {
                    backoff(attempt).await;
                    continue;
                }
                Err(source) => {
                    return Err(FetchError::Transport {
                        url: url.to_owned(),
                        source,
                    });
                }
            };
            let status = response.status();
            if (status.is_server_error() || status.as_u16() == 429) && !last {
                backoff(attempt).await;
                continue;
            }
            if !status.is_success() {
                return Err(FetchError::Status {
                    url: url.to_owned(),
                    status: status.as_u16(),
                });
            }
            let mut body = Vec::new();
            read_body(response, url, limit, |chunk| {
                body.extend_from_slice(chunk);
                Ok(())
            })
            .await?;
            return Ok(body);
        }
    }

    /// GETs a binary of at most `limit` bytes, hashing it as it arrives; with `keep_in`,
    /// the bytes also go to a hidden temporary file in that directory.
    pub async fn stream(
        &self,
        url: &str,
        limit: u64,
        keep_in: Option<&Path>,
        progress: &dyn Fn(u64, Option<u64>),
    ) -> Result<Streamed, FetchError> {
        check_https(url)?;
        let response = self
            .client
            .get(url)
            .timeout(self.download_timeout)
            .send()
            .await
            .map_err(|source| FetchError::Transport {
                url: url.to_owned(),
                source,
            })?;
        let status = response.status();
        if !status.is_success() {
            return Err(FetchError::Status {
                url: url.to_owned(),
                status: status.as_u16(),
            });
        }
        let total = response.content_length();
        let mut file = match keep_in {
            Some(dir) => Some(
                tempfile::Builder::new()
                    .prefix(".kubectl-verify.")
                    .suffix(".tmp")
                    .tempfile_in(dir)
                    .map_err(|source| FetchError::Io {
                        what: "creating a temporary file in",
                        path: dir.to_owned(),
                        source,
                    })?,
            ),
            None => None,
        };
        let mut hasher = Sha256::new();
        let mut size = 0u64;
        read_body(response, url, limit, |chunk| {
            hasher.update(chunk);
            size += chunk.len() as u64;
            progress(size, total);
            if let Some(f) = &mut file {
                f.write_all(chunk).map_err(|source| FetchError::Io {
                    what: "writing",
                    path: f.path().to_owned(),
                    source,
                })?;
            }
            Ok(())
        })
        .await?;
        Ok(Streamed {
            sha256: hasher.finalize().into(),
            size,
            file,
        })
    }
}

fn check_https(url: &str) -> Result<(), FetchError> {
    if url
        .get(..8)
        .is_some_and(|s| s.eq_ignore_ascii_case("https://"))
    {
        Ok(())
    } else {
        Err(FetchError::NotHttps {
            url: url.to_owned(),
        })
    }
}

async fn backoff(attempt: u32) {
    tokio::time::sleep(Duration::from_millis(
        250 * 4u64.pow(attempt.saturating_sub(1)),
    ))
    .await;
}

/// Feeds the body to `sink` chunk by chunk, refusing more than `limit` bytes.
async fn read_body(
    mut response: reqwest::Response,
    url: &str,
    limit: u64,
    mut sink: impl FnMut(&[u8]) -> Result<(), FetchError>,
) -> Result<(), FetchError> {
    let too_large = || FetchError::TooLarge {
        url: url.to_owned(),
        limit,
    };
    if response.content_length().is_some_and(|n| n > limit) {
        return Err(too_large());
    }
    let mut read = 0u64;
    loop {
        match response.chunk().await {
            Ok(Some(chunk)) => {
                read += chunk.len() as u64;
                if read > limit {
                    return Err(too_large());
                }
                sink(&chunk)?;
            }
            Ok(None) => return Ok(()),
            Err(source) => {
                return Err(FetchError::Transport {
                    url: url.to_owned(),
                    source,
                });
            }
        }
    }
}
