//! Everything that talks to an OCI registry. Placeholder; filled in by the registry work.

use std::time::Duration;

/// `--registry-mirror SRC=DST`: images of registry `source` are looked up at `host`/`prefix`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mirror {
    pub source: String,
    pub host: String,
    pub prefix: String,
}

/// How to reach registries, validated from the command line.
#[derive(Debug, Clone, Default)]
pub struct RegistryOptions {
    pub mirrors: Vec<Mirror>,
    /// Hosts (`HOST[:PORT]`) reached over plain HTTP or unverified TLS.
    pub insecure: Vec<String>,
    /// Extra trusted CA certificates, PEM.
    pub extra_ca_pem: Vec<Vec<u8>>,
    pub timeout: Duration,
    /// Where `config.json` lives; `None` means `$DOCKER_CONFIG` or `~/.docker`.
    pub docker_config_dir: Option<std::path::PathBuf>,
}
