//! `kubectl verify manifests PATH…`: verify the signatures of every image the manifests run.
//!
//! Images are found by structure (the one list in [`crate::workload`]), never by a key named
//! `image`; each distinct digest is verified once; the report lists each reference with the
//! places it was found.

use std::path::PathBuf;

use anyhow::{anyhow, bail};
use clap::Args;

use super::Outcome;
use super::common::{VerifyArgs, error_report, outcome, verify_uses, write_report};
use crate::check::{ImageUse, Running};
use crate::manifest::inputs::{self, Input, InputProblem, Parsed, ReadError};
use crate::manifest::{self, Position};
use crate::reference::ImageRef;
use crate::report::images::{ImagesReport, SkipReason, Skipped, SourceLocation, UseSource};
use crate::verify::scope::Subject;

/// Verify the signatures of the images in Kubernetes manifests.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  kubectl verify manifests deploy.yaml                       # registry.k8s.io: built-in policy
  kubectl verify manifests -f deploy.yaml -f svc.yaml        # as kubectl's -f
  kubectl verify manifests -R k8s/ --policy policy.yaml
  helm template my-chart | kubectl verify manifests - --key cosign.pub -o json
  kubectl verify manifests <(helm template my-chart) <(kustomize build overlays/prod)

Exit status: 0 every image verified (or the inputs hold no image: `0 images`), 1 an image did not
verify, a reference is invalid, or an input was not verified (a template, a directory without
manifests), 2 usage or runtime error (no input at all, empty stdin, a file that cannot be read or
parsed). With -o json|yaml the report is written whatever happened, errors in `errors[]`.")]
pub struct ManifestsArgs {
    /// Manifest files (YAML or JSON, many documents each), directories, pipes such as
    /// `<(helm template …)`, or `-` for stdin.
    #[arg(value_name = "PATH|-", required_unless_present = "filename")]
    pub paths: Vec<PathBuf>,
    /// A manifest file, directory, pipe or `-` (repeatable), as `kubectl apply -f`; read
    /// before the positional paths.
    #[arg(short = 'f', long = "filename", value_name = "PATH|-")]
    pub filename: Vec<PathBuf>,
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
    let output = args.verify.output;
    let gathered = match gather(&args) {
        Ok(g) => g,
        Err(e) => return Err(error_report(ImagesReport::new(Vec::new()), e, output)),
    };
    let Gathered {
        uses,
        skipped,
        errors,
        read,
    } = gathered;
    if read == 0 {
        // Nothing matched, or stdin was empty: "0 images" would pass a check that never ran.
        let e = anyhow!(
            "no input: nothing was read, so nothing was verified (no manifest files matched, \
             or stdin was empty)"
        );
        return Err(error_report(
            ImagesReport::new(Vec::new()).with_skipped(skipped),
            e,
            output,
        ));
    }
    let report = if uses.is_empty() {
        ImagesReport::new(Vec::new())
    } else {
        match verify_uses(&args.verify, uses, false).await {
            Ok(report) => report,
            Err(e) => {
                let report = ImagesReport::new(Vec::new()).with_skipped(skipped);
                return Err(error_report(report, e, output));
            }
        }
    }
    .with_skipped(skipped);
    if errors > 0 {
        // The report of everything else first, then exit 2 for what could not be read.
        let e = anyhow!(
            "{errors} {} could not be read or parsed",
            if errors == 1 { "input" } else { "inputs" }
        );
        write_report(&report.with_error(&e), output, args.verify.no_headers)?;
        return Err(e);
    }
    write_report(&report, output, args.verify.no_headers)?;
    Ok(outcome(&report))
}

/// The image uses of every input, and what could not be verified.
struct Gathered {
    uses: Vec<ImageUse>,
    /// Each one fails the run (exit 1), and is listed in the report.
    skipped: Vec<Skipped>,
    /// Inputs that could not be read or parsed: exit 2 once the rest is reported.
    errors: usize,
    /// Inputs read that held something (whether or not it parsed): none is "no input".
    read: usize,
}

/// Expands the paths, reads every input and collects its image uses. Stderr says what goes
/// wrong as it happens; errors are the ones that stop the run before any lookup.
fn gather(args: &ManifestsArgs) -> anyhow::Result<Gathered> {
    let mut g = Gathered {
        uses: Vec::new(),
        skipped: Vec::new(),
        errors: 0,
        read: 0,
    };
    let paths: Vec<PathBuf> = args.filename.iter().chain(&args.paths).cloned().collect();
    let expansion = manifest::inputs::expand(&paths, args.recursive);
    for problem in &expansion.problems {
        let (file, reason) = match problem {
            // Fatal, as before any file is read.
            InputProblem::StdinTwice | InputProblem::Unlistable { .. } => bail!("{problem}"),
            InputProblem::NoManifests { path, .. } => {
                crate::report::error(&anyhow!("{problem}"));
                (path, SkipReason::NoManifests)
            }
            InputProblem::Skipped { path, .. } => {
                crate::report::error(&anyhow!("{problem}"));
                (path, SkipReason::NotAFile)
            }
            InputProblem::Unreadable { path, .. } | InputProblem::NotAFile { path, .. } => {
                crate::report::error(&anyhow!("{problem}"));
                g.errors += 1;
                let reason = if matches!(problem, InputProblem::Unreadable { .. }) {
                    SkipReason::Unreadable
                } else {
                    SkipReason::NotAFile
                };
                (path, reason)
            }
        };
        let file = file.display().to_string();
        // The message names the path already; the detail is what follows it.
        let detail = problem.to_string();
        let detail = detail
            .strip_prefix(&format!("{file}: "))
            .unwrap_or(&detail)
            .to_owned();
        g.skipped.push(skipped(file, None, reason, detail));
    }
    let limit = args.max_input_size;
    for read in expansion
        .inputs
        .into_iter()
        .map(|input| inputs::read_input(input, limit))
    {
        let label = read.input.label();
        if !read.bytes.trim_ascii().is_empty() {
            g.read += 1;
        }
        let images = match read.parsed {
            Ok(Parsed::Images(images)) => images,
            Ok(Parsed::Templated { at }) => {
                let detail = "does not parse as YAML and contains {{ … }}: a template; render it \
                     first, e.g. `helm template … | kubectl verify manifests -`"
                    .to_owned();
                crate::report::error(&anyhow!("{label}:{at}: {detail}"));
                g.skipped
                    .push(skipped(label, Some(at), SkipReason::Templated, detail));
                continue;
            }
            Err(ReadError::Io(e)) if read.input == Input::Stdin => {
                return Err(anyhow::Error::new(e).context("reading stdin"));
            }
            Err(ReadError::Io(e)) => {
                let detail = format!("{:#}", anyhow::Error::new(e));
                crate::report::error(&anyhow!("{detail}"));
                g.errors += 1;
                g.skipped
                    .push(skipped(label, None, SkipReason::Unreadable, detail));
                continue;
            }
            Err(ReadError::Manifest(e)) => {
                crate::report::error(&anyhow!("{label}:{e}"));
                g.errors += 1;
                let at = e.position();
                let detail = e.to_string();
                let detail = detail
                    .strip_prefix(&format!("{at}: "))
                    .unwrap_or(&detail)
                    .to_owned();
                g.skipped
                    .push(skipped(label, Some(at), SkipReason::NotYaml, detail));
                continue;
            }
            Err(
                e @ (ReadError::TooLarge { .. } | ReadError::NotAFile { .. } | ReadError::Empty),
            ) => {
                crate::report::error(&anyhow!("{label}: {e}"));
                g.errors += 1;
                let reason = match e {
                    ReadError::NotAFile { .. } => SkipReason::NotAFile,
                    ReadError::Empty => SkipReason::Empty,
                    _ => SkipReason::Unreadable,
                };
                g.skipped.push(skipped(label, None, reason, e.to_string()));
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
                Ok(image) => g.uses.push(ImageUse {
                    image,
                    running: Running::NotApplicable,
                    source: Some(UseSource::File(SourceLocation {
                        file: label.clone(),
                        line: site.at.line,
                        column: site.at.col,
                    })),
                    keychain: None,
                    // A file gives the object's kind, name, labels and (when it says)
                    // namespace, never its namespace's labels.
                    subject: Subject {
                        kind: Some(site.kind.clone()),
                        api_version: site.api_version.clone(),
                        name: site.name.clone(),
                        namespace: site.namespace.clone(),
                        labels: Some(site.labels.clone()),
                        namespace_labels: None,
                    },
                }),
                Err(e) => {
                    crate::report::error(&anyhow!("{label}:{}: {e}", site.at));
                    g.skipped.push(skipped(
                        label.clone(),
                        Some(site.at),
                        SkipReason::InvalidReference,
                        format!("{}: {e}", site.path),
                    ));
                }
            }
        }
    }
    Ok(g)
}

fn skipped(file: String, at: Option<Position>, reason: SkipReason, detail: String) -> Skipped {
    Skipped {
        file,
        line: at.map(|a| a.line),
        column: at.map(|a| a.col),
        reason,
        detail,
    }
}
