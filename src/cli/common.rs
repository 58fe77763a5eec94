//! Flags shared by several subcommands, spelled and defaulted as kubectl and cosign do.

use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Context, bail};
use clap::{Args, ValueEnum};

use crate::registry::{Mirror, RegistryOptions};

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ColorChoice {
    /// Colour when stdout is a terminal and `NO_COLOR` is unset.
    #[default]
    Auto,
    Always,
    Never,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// When to colour the output (NO_COLOR is honoured with `auto`).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true, help_heading = "Global options")]
    pub color: ColorChoice,
    /// Print a line per reference (repeat for more detail).
    #[arg(short, long, action = clap::ArgAction::Count, global = true, help_heading = "Global options")]
    pub verbose: u8,
}

/// How to reach registries: mirrors, insecure hosts, extra CAs, timeouts.
#[derive(Debug, Args, Clone, Default)]
pub struct RegistryArgs {
    /// Look up SRC's images at DST instead, keeping their spelling (repeatable), e.g.
    /// `docker.io=mirror.local:5000` or `registry.k8s.io=127.0.0.1:5000/k8s`.
    #[arg(long = "registry-mirror", value_name = "SRC=DST")]
    pub registry_mirror: Vec<String>,
    /// Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable).
    #[arg(long = "insecure-registry", value_name = "HOST[:PORT]")]
    pub insecure_registry: Vec<String>,
    /// Trust this extra CA certificate (PEM) for registry TLS (repeatable).
    #[arg(long = "registry-ca", value_name = "FILE")]
    pub registry_ca: Vec<PathBuf>,
    /// Give up on a registry request after this long (e.g. 30s, 2m, 500ms).
    #[arg(long, value_name = "DURATION", default_value = "30s", value_parser = parse_duration)]
    pub timeout: Duration,
}

impl RegistryArgs {
    /// Validates the flags into options for the registry client.
    pub fn resolve(&self) -> anyhow::Result<RegistryOptions> {
        let mut mirrors = Vec::new();
        for m in &self.registry_mirror {
            let (src, dst) = m
                .split_once('=')
                .with_context(|| format!("--registry-mirror {m:?}: expected SRC=DST"))?;
            if src.is_empty() || dst.is_empty() {
                bail!("--registry-mirror {m:?}: expected SRC=DST with both sides non-empty");
            }
            let (host, prefix) = dst.split_once('/').unwrap_or((dst, ""));
            let src = if src == "index.docker.io" {
                crate::reference::DOCKER_HUB
            } else {
                src
            };
            mirrors.push(Mirror {
                source: src.to_owned(),
                host: host.to_owned(),
                prefix: prefix.trim_end_matches('/').to_owned(),
            });
        }
        let mut extra_ca_pem = Vec::new();
        for path in &self.registry_ca {
            let pem = fs_err::read(path).context("reading --registry-ca")?;
            extra_ca_pem.push(pem);
        }
        Ok(RegistryOptions {
            mirrors,
            insecure: self.insecure_registry.clone(),
            extra_ca_pem,
            timeout: self.timeout,
            docker_config_dir: None,
        })
    }
}

/// Parses `30s`, `2m`, `500ms`, `1h` or a bare number of seconds.
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let s = s.trim();
    let (num, unit) = s
        .find(|c: char| !c.is_ascii_digit() && c != '.')
        .map_or((s, "s"), |i| (&s[..i], &s[i..]));
    let n: f64 = num
        .parse()
        .map_err(|_| format!("invalid duration {s:?} (try 30s, 2m, 500ms)"))?;
    let secs = match unit {
        "ms" => n / 1000.0,
        "s" => n,
        "m" => n * 60.0,
        "h" => n * 3600.0,
        _ => {
            return Err(format!(
                "invalid duration unit in {s:?} (use ms, s, m or h)"
            ));
        }
    };
    if !(secs > 0.0 && secs.is_finite()) {
        return Err(format!("duration {s:?} must be positive"));
    }
    Ok(Duration::from_secs_f64(secs))
}
