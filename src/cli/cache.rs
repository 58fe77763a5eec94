//! `kubectl verify cache info|clear`: what the verification cache holds, and emptying it.

use anyhow::Context as _;
use clap::{Args, Subcommand};

use super::Outcome;
use crate::cache;
use crate::tuf;

#[derive(Debug, Args)]
pub struct CacheArgs {
    #[command(subcommand)]
    pub command: CacheCommand,
}

#[derive(Debug, Subcommand)]
pub enum CacheCommand {
    /// Print where verification entries live, how many there are, their size and age.
    Info(InfoArgs),
    /// Remove every verification entry (the trusted root `trust update` fetched is kept).
    Clear(ClearArgs),
}

#[derive(Debug, Args)]
pub struct InfoArgs {}

#[derive(Debug, Args)]
pub struct ClearArgs {}

/// `cache --help`, after the subcommands.
pub const CACHE_HELP: &str = "\
Verifying commands keep each `verified` result for --cache-ttl (default 24h), keyed by the
image digest, the policy and flags that applied, the trusted root and this version; only
verified results are kept. The cache is $KUBECTL_VERIFY_CACHE_DIR, else the platform cache
directory + kubectl-verify (~/.cache/kubectl-verify on Linux); entries live in its verify/
subdirectory.";

pub fn run(args: &CacheArgs) -> anyhow::Result<Outcome> {
    let dir = tuf::cache_dir().with_context(|| {
        format!(
            "no cache directory: set {} (the platform has no cache directory)",
            tuf::CACHE_DIR_ENV
        )
    })?;
    match args.command {
        CacheCommand::Info(_) => {
            let info = cache::info(&dir)?;
            let note = format!(
                "Entries are used for --cache-ttl (default {}) after they are written.",
                super::common::short_duration(cache::DEFAULT_TTL)
            );
            crate::report::out(&crate::report::cache::render_info(&info, &note))?;
        }
        CacheCommand::Clear(_) => {
            let removed = cache::clear(&dir)?;
            crate::report::out(&crate::report::cache::render_clear(
                &cache::entries_dir(&dir),
                removed,
            ))?;
        }
    }
    Ok(Outcome::Clean)
}
