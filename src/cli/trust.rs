//! `kubectl verify trust update|info`: refresh the Sigstore trusted root through TUF (the only
//! command that goes online for trust material), and say which root verification uses.

use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;
use clap::{Args, Subcommand};

use super::Outcome;
use super::common::parse_duration;
use crate::report::trust::{Contents, InUse, TrustInfo};
use crate::tuf::{self, Bootstrap, Source, UpdateOptions};
use crate::verify::trust::EMBEDDED_ROOT;

#[derive(Debug, Args)]
pub struct TrustArgs {
    #[command(subcommand)]
    pub command: TrustCommand,
}

#[derive(Debug, Subcommand)]
pub enum TrustCommand {
    /// Fetch the current Sigstore trusted root through TUF into the cache; later runs use it
    /// instead of the embedded one.
    #[command(after_help = UPDATE_HELP)]
    Update(UpdateArgs),
    /// Print which trusted root verification uses, where it came from and until when TUF
    /// vouches for it.
    Info(InfoArgs),
}

const UPDATE_HELP: &str = "\
The root is verified by TUF from the embedded production TUF root (or --tuf-root): every root
rotation's signatures, the timestamp, snapshot and targets signatures and expiry, no version
going backwards, and the target's length and hash. Only then does it replace the cached root;
a refused update leaves the root in use as it was (exit 2).

The cache is $KUBECTL_VERIFY_CACHE_DIR, else the platform cache directory + kubectl-verify
(~/.cache/kubectl-verify on Linux); trust material lives in its trust/ subdirectory.";

#[derive(Debug, Args)]
pub struct UpdateArgs {
    /// The TUF repository (metadata at URL/, targets at URL/targets/; https only).
    #[arg(long, value_name = "URL", default_value = tuf::production_tuf_url())]
    pub tuf_url: String,
    /// Trust this TUF root.json to start from instead of the embedded production one (for the
    /// TUF repository of a private Sigstore deployment).
    #[arg(long, value_name = "FILE")]
    pub tuf_root: Option<PathBuf>,
    /// Trust this extra CA certificate (PEM) for the TUF repository's TLS (repeatable).
    #[arg(long, value_name = "FILE")]
    pub tuf_ca: Vec<PathBuf>,
    /// Give up on a request to the repository after this long.
    #[arg(long, value_name = "DURATION", default_value = "30s", value_parser = parse_duration)]
    pub timeout: Duration,
}

#[derive(Debug, Args)]
pub struct InfoArgs {}

pub async fn run(args: TrustArgs) -> anyhow::Result<Outcome> {
    match args.command {
        TrustCommand::Update(args) => update(args).await,
        TrustCommand::Info(_) => info(),
    }
}

async fn update(args: UpdateArgs) -> anyhow::Result<Outcome> {
    let dir = tuf::trust_dir().ok_or(tuf::CacheError::NoDir)?;
    let bootstrap = match &args.tuf_root {
        Some(path) => Bootstrap::File {
            path: path.clone(),
            json: fs_err::read(path).context("reading --tuf-root")?,
        },
        None => Bootstrap::Embedded,
    };
    let mut extra_ca_pem = Vec::new();
    for path in &args.tuf_ca {
        extra_ca_pem.push(fs_err::read(path).context("reading --tuf-ca")?);
    }
    let options = UpdateOptions {
        url: args.tuf_url.clone(),
        bootstrap,
        extra_ca_pem,
        timeout: args.timeout,
        dir,
    };
    // The core error names the repository; the context says what did not happen.
    let outcome = tuf::update(&options)
        .await
        .context("updating the trusted root (the trusted root in use is unchanged)")?;
    crate::report::out(&crate::report::trust::render_update(
        &outcome.provenance,
        &outcome.path,
        outcome.previous.as_ref(),
    ))?;
    Ok(Outcome::Clean)
}

fn info() -> anyhow::Result<Outcome> {
    let cache = tuf::trust_dir();
    let selected = tuf::select(None, cache.as_deref()).context("loading the trusted root")?;
    let ignored = selected
        .ignored
        .map(|e| format!("{:#}", anyhow::Error::from(e)));
    let in_use = match selected.source {
        Source::Updated { provenance, path } => InUse::Updated { provenance, path },
        // `select` was given no --trusted-root, so Explicit does not occur here.
        Source::Embedded | Source::Explicit(_) => {
            let (tuf_root_version, tuf_root_expires) =
                tuf::embedded_tuf_root().context("reading the embedded TUF root")?;
            InUse::Embedded {
                description: EMBEDDED_ROOT.to_owned(),
                tuf_root_version,
                tuf_root_expires,
            }
        }
    };
    let info = TrustInfo {
        in_use,
        contents: Contents::of(selected.trust.root()),
        cache,
        ignored,
        now: jiff::Timestamp::now(),
    };
    crate::report::out(&crate::report::trust::render_info(&info))?;
    Ok(Outcome::Clean)
}
