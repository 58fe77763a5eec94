//! `kubectl verify manifests PATH…`: verify the signatures of every image the manifests run.
//!
//! Images are found by structure (the one list in [`crate::workload`]), never by a key named
//! `image`; each distinct digest is verified once; the report lists each reference with the
//! places it was found.

use std::path::PathBuf;

use anyhow::bail;
use clap::Args;

use super::Outcome;
use super::common::{VerifyArgs, verify_and_report};
use crate::check::{ImageUse, Running};
use crate::manifest;
use crate::manifest::inputs::{self, Input, InputProblem, Parsed, ReadError};
use crate::reference::ImageRef;
use crate::report::images::{SourceLocation, UseSource};

/// Verify the signatures of the images in Kubernetes manifests.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  kubectl verify manifests deploy.yaml                       # registry.k8s.io: built-in policy
  kubectl verify manifests -R k8s/ --policy policy.yaml
  helm template my-chart | kubectl verify manifests - --key cosign.pub -o json
  kubectl verify manifests <(helm template my-chart) <(kustomize build overlays/prod)

Exit status: 0 every image verified, 1 an image did not verify or a reference is invalid,
2 usage or runtime error (a file that cannot be read or parsed).")]
pub struct ManifestsArgs {
    /// Manifest files (YAML or JSON, many documents each), directories, pipes such as
    /// `<(helm template …)`, or `-` for stdin.
    #[arg(value_name = "PATH|-", required = true)]
    pub paths: Vec<PathBuf>,
    /// Look into subdirectories for .yaml, .yml and .json files.
    #[arg(short = 'R', long)]
    pub recursive: bool,
    /// Refuse any input (file, pipe or stdin) larger than this: 64Mi, 1Gi, 500k, or bytes.
    #[arg(long, value_name = "SIZE", default_value = "64Mi", value_parser = inputs::parse_size)]
    pub max_input_size: u64,
    #[command(flatten)]
    pub verify: VerifyArgs,
}

pub async fn run(args: ManifestsArgs) -> anyhow::Result<Outcome> {
    let mut errors = 0usize;
    let mut invalid = 0usize;
    let mut inputs: Vec<ImageUse> = Vec::new();
    let expansion = manifest::inputs::expand(&args.paths, args.recursive);
    for problem in &expansion.problems {
        match problem {
            // Fatal, as before any file is read.
            InputProblem::StdinTwice | InputProblem::Unlistable { .. } => bail!("{problem}"),
            InputProblem::NoManifests { .. } | InputProblem::Skipped { .. } => {
                crate::report::warn(&problem.to_string());
            }
            InputProblem::Unreadable { .. } | InputProblem::NotAFile { .. } => {
                crate::report::error(&anyhow::anyhow!("{problem}"));
                errors += 1;
            }
        }
    }
    let limit = args.max_input_size;
    for read in expansion
        .inputs
        .into_iter()
        .map(|input| inputs::read_input(input, limit))
    {
        let label = read.input.label();
        let images = match read.parsed {
            Ok(Parsed::Images(images)) => images,
            Ok(Parsed::Templated { at }) => {
                crate::report::warn(&format!(
                    "{label}:{at}: looks like a template ({{{{ … }}}}); skipped (render it first, e.g. `helm template … | kubectl verify manifests -`)"
                ));
                continue;
            }
            Err(ReadError::Io(e)) if read.input == Input::Stdin => {
                return Err(anyhow::Error::new(e).context("reading stdin"));
            }
            Err(ReadError::Io(e)) => {
                crate::report::error(&anyhow::anyhow!(e));
                errors += 1;
                continue;
            }
            Err(ReadError::Manifest(e)) => {
                crate::report::error(&anyhow::anyhow!("{label}:{e}"));
                errors += 1;
                continue;
            }
            Err(e @ (ReadError::TooLarge { .. } | ReadError::NotAFile { .. })) => {
                crate::report::error(&anyhow::anyhow!("{label}: {e}"));
                errors += 1;
                continue;
            }
        };
        for site in images {
            let Some(value) = site.value.as_deref().filter(|v| !v.is_empty()) else {
                crate::report::warn(&format!(
                    "{label}:{}: {} is empty; nothing to verify",
                    site.at, site.path
                ));
                continue;
            };
            match ImageRef::parse(value) {
                Ok(image) => inputs.push(ImageUse {
                    image,
                    running: Running::NotApplicable,
                    source: Some(UseSource::File(SourceLocation {
                        file: label.clone(),
                        line: site.at.line,
                        column: site.at.col,
                    })),
                    keychain: None,
                }),
                Err(e) => {
                    crate::report::error(&anyhow::anyhow!("{label}:{}: {e}", site.at));
                    invalid += 1;
                }
            }
        }
    }
    if errors > 0 && inputs.is_empty() {
        bail!(
            "{errors} {} could not be read or parsed",
            if errors == 1 { "file" } else { "files" }
        );
    }
    if inputs.is_empty() {
        crate::report::info("no images found");
        return Ok(if invalid > 0 {
            Outcome::Findings
        } else {
            Outcome::Clean
        });
    }
    let outcome = verify_and_report(&args.verify, inputs, false).await?;
    if errors > 0 {
        bail!(
            "{errors} {} could not be read or parsed",
            if errors == 1 { "file" } else { "files" }
        );
    }
    Ok(if invalid > 0 {
        Outcome::Findings
    } else {
        outcome
    })
}
