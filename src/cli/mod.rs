//! The command line: clap structs, turned into validated plans for the core. Nothing below
//! `cli/` imports clap. Errors get their context here (anyhow); the core uses thiserror.

use std::ffi::OsString;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub mod blob;
pub mod cache;
pub mod cluster;
pub mod common;
pub mod completion;
pub mod image;
pub mod manifests;
pub mod pin;
pub mod policy;
pub mod release;
pub mod tree;
pub mod trust;

/// What a command found, mapped to the exit code in one place (`main`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything checked out (exit 0).
    Clean,
    /// Something was not verified or could not be pinned (exit 1).
    Findings,
}

/// `--version`: the program's version and the embedded trusted root's, which decides what
/// verifies offline.
pub const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (trusted root: ",
    crate::embedded_root_version!(),
    ")"
);

/// Exit codes users script against: 0 all good, 1 findings, 2 usage or runtime error.
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "kubectl verify",
    bin_name = "kubectl verify",
    version = VERSION,
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
    /// Explain how policy files (ours, policy-controller, Kyverno) are understood.
    Policy(policy::PolicyArgs),
    /// Verify every image and the chosen binaries of a Kubernetes release, from its signed SBOM.
    Release(Box<release::ReleaseArgs>),
    /// List everything attached to images: signatures, attestations, SBOMs (listing, not verifying).
    Tree(tree::TreeArgs),
    #[command(flatten)]
    Cluster(Box<cluster::ClusterCommand>),
    /// Print the version of kubectl verify and of its embedded Sigstore trusted root.
    Version,
    /// Refresh the Sigstore trusted root through TUF (`update`), or show which one is used (`info`).
    Trust(trust::TrustArgs),
    /// Show what the verification cache holds (`info`), or empty it (`clear`).
    #[command(after_help = cache::CACHE_HELP)]
    Cache(cache::CacheArgs),
    /// Print a shell completion script (bash, zsh, fish or powershell) for kubectl-verify.
    Completion(completion::CompletionArgs),
    /// kubectl's plugin completion protocol (called by `kubectl_complete-verify`).
    #[command(name = "__complete", hide = true)]
    Complete(completion::CompleteArgs),
}

/// Parses the command line, runs the command and maps the outcome to an exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse_from(kubectl_verbosity(std::env::args_os())) {
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
    crate::report::set_verbosity(cli.global.verbose);
    // Every signature check of the run goes through one memo, so a check another image already
    // passed is not made again (`verify::memo`).
    crate::verify::memo::install();
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            crate::report::error(&anyhow::anyhow!(e).context("starting the async runtime"));
            return ExitCode::from(EXIT_ERROR);
        }
    };
    let outcome = runtime.block_on(run(cli));
    if let Some((made, answered)) = crate::verify::memo::counts()
        && made + answered > 0
    {
        crate::report::log(2, || {
            format!(
                "signature checks: {made} made, {answered} answered by an earlier pass in this run"
            )
        });
    }
    match outcome {
        Ok(Outcome::Clean) => ExitCode::SUCCESS,
        Ok(Outcome::Findings) => ExitCode::from(EXIT_FINDINGS),
        Err(e) if crate::report::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            crate::report::error(&e);
            ExitCode::from(EXIT_ERROR)
        }
    }
}

/// kubectl spells the log level `-v 6` as well as `-v=6`: a `-v` or `--v` followed by a
/// number (before any `--`) becomes `-v=N`. Only a number is taken, so `pin -v FILE` keeps
/// meaning level 1 and FILE; `-v=N` needs the `=` otherwise (clap's `require_equals`).
fn kubectl_verbosity(args: impl IntoIterator<Item = OsString>) -> Vec<OsString> {
    let mut out: Vec<OsString> = Vec::new();
    let mut args = args.into_iter().peekable();
    while let Some(arg) = args.next() {
        if arg == "--" {
            out.push(arg);
            out.extend(args);
            break;
        }
        let is_level = |a: &OsString| {
            a.to_str().is_some_and(|s| {
                !s.is_empty() && s.len() <= 3 && s.bytes().all(|b| b.is_ascii_digit())
            })
        };
        if (arg == "-v" || arg == "--v")
            && let Some(level) = args.next_if(is_level)
        {
            let mut joined = OsString::from("--v=");
            joined.push(level);
            out.push(joined);
        } else {
            out.push(arg);
        }
    }
    out
}

async fn run(cli: Cli) -> anyhow::Result<Outcome> {
    match cli.command {
        Command::Blob(args) => blob::run(args).await,
        Command::Image(args) => image::run(args).await,
        Command::Manifests(args) => manifests::run(args).await,
        Command::Pin(args) => pin::run(args, &cli.global).await,
        Command::Policy(args) => policy::run(args),
        Command::Release(args) => release::run(*args).await,
        Command::Tree(args) => tree::run(args).await,
        Command::Cluster(command) => cluster::run(*command).await,
        Command::Version => {
            crate::report::out(&format!(
                "kubectl verify {}\ntrusted root: {}\n",
                env!("CARGO_PKG_VERSION"),
                crate::verify::trust::EMBEDDED_ROOT
            ))?;
            Ok(Outcome::Clean)
        }
        Command::Trust(args) => trust::run(args).await,
        Command::Cache(args) => cache::run(&args),
        Command::Completion(args) => completion::run_script(&args),
        Command::Complete(args) => completion::run_complete(&args),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 9: `-v 6` (kubectl's spelling) was `-v` and an argument `6`.
    #[test]
    fn verbosity_spellings() {
        let table: &[(&[&str], Result<u8, &str>)] = &[
            (&["pin", "a.yaml"], Ok(0)),
            (&["pin", "-v", "a.yaml"], Ok(1)),
            (&["pin", "-v=6", "a.yaml"], Ok(6)),
            (&["pin", "-v", "6", "a.yaml"], Ok(6)),
            (&["-v", "8", "pin", "a.yaml"], Ok(8)),
            (&["pin", "--v=2", "a.yaml"], Ok(2)),
            (&["pin", "--v", "2", "a.yaml"], Ok(2)),
            (&["pin", "--verbose", "a.yaml"], Ok(1)),
            (&["pin", "a.yaml", "--", "-v", "6"], Ok(0)),
            (&["pin", "-v=11", "a.yaml"], Err("11")),
        ];
        for (args, want) in table {
            let argv = std::iter::once("kubectl-verify")
                .chain(args.iter().copied())
                .map(OsString::from);
            let got = Cli::try_parse_from(kubectl_verbosity(argv))
                .map(|c| c.global.verbose)
                .map_err(|e| e.to_string());
            match (&got, want) {
                (Ok(g), Ok(w)) => assert_eq!(g, w, "{args:?}"),
                (Err(g), Err(w)) => assert!(g.contains(w), "{args:?}: {g}"),
                _ => panic!("{args:?}: got {got:?}, wanted {want:?}"),
            }
        }
    }
}
