//! The command line: clap structs, turned into validated plans for the core. Nothing below
//! `cli/` imports clap. Errors get their context here (anyhow); the core uses thiserror.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub mod blob;
pub mod cluster;
pub mod common;
pub mod completion;
pub mod image;
pub mod manifests;
pub mod pin;
pub mod release;
pub mod trust;

/// What a command found, mapped to the exit code in one place (`main`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything checked out (exit 0).
    Clean,
    /// Something was not verified or could not be pinned (exit 1).
    Findings,
}

/// Exit codes users script against: 0 all good, 1 findings, 2 usage or runtime error.
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "kubectl verify",
    bin_name = "kubectl verify",
    version,
    about = "Verify the Sigstore signatures of the images and binaries you run, and pin manifests to verified digests",
    long_about = None,
    propagate_version = true,
)]
pub struct Cli {
    #[command(flatten)]
    pub global: common::GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
#[allow(
    clippy::large_enum_variant,
    reason = "parsed once per run; boxing buys nothing"
)]
pub enum Command {
    /// Verify a file's Sigstore signature (bundle, .sig + .cert, or key).
    Blob(blob::BlobArgs),
    /// Verify image signatures (cosign 2 `.sig` and cosign 3 bundles, keyless or key).
    Image(image::ImageArgs),
    /// Verify the signatures of every image in Kubernetes manifests.
    Manifests(manifests::ManifestsArgs),
    /// Pin image references in manifests to digests, rewriting only the image values.
    Pin(pin::PinArgs),
    /// Verify every image and the chosen binaries of a Kubernetes release, from its signed SBOM.
    Release(Box<release::ReleaseArgs>),
    #[command(flatten)]
    Cluster(Box<cluster::ClusterCommand>),
    /// Refresh the Sigstore trusted root through TUF (`update`), or show which one is used (`info`).
    Trust(trust::TrustArgs),
    /// Print a shell completion script (bash, zsh or fish) for kubectl-verify.
    Completion(completion::CompletionArgs),
    /// kubectl's plugin completion protocol (called by `kubectl_complete-verify`).
    #[command(name = "__complete", hide = true)]
    Complete(completion::CompleteArgs),
}

/// Parses the command line, runs the command and maps the outcome to an exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help/version to stdout (exit 0) and usage errors to stderr (exit 2).
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(EXIT_ERROR)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    crate::report::init_color(cli.global.color);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            crate::report::error(&anyhow::anyhow!(e).context("starting the async runtime"));
            return ExitCode::from(EXIT_ERROR);
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(Outcome::Clean) => ExitCode::SUCCESS,
        Ok(Outcome::Findings) => ExitCode::from(EXIT_FINDINGS),
        Err(e) if crate::report::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            crate::report::error(&e);
            ExitCode::from(EXIT_ERROR)
        }
    }
}

async fn run(cli: Cli) -> anyhow::Result<Outcome> {
    match cli.command {
        Command::Blob(args) => blob::run(args).await,
        Command::Image(args) => image::run(args).await,
        Command::Manifests(args) => manifests::run(args).await,
        Command::Pin(args) => pin::run(args, &cli.global).await,
        Command::Release(args) => release::run(*args).await,
        Command::Cluster(command) => cluster::run(*command).await,
        Command::Trust(args) => trust::run(args).await,
        Command::Completion(args) => completion::run_script(&args),
        Command::Complete(args) => completion::run_complete(&args),
    }
}
