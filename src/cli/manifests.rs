//! `kubectl verify manifests PATH…`: verify the signatures of every image the manifests run.
//!
//! Images are found by structure (the one list in [`crate::workload`]), never by a key named
//! `image`; each distinct digest is verified once; the report lists each reference with the
//! places it was found.

use std::collections::HashSet;
use std::io::Read as _;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use clap::Args;

use super::Outcome;
use super::image::{VerifyArgs, verify_and_report};
use crate::manifest::{self, Source};
use crate::reference::ImageRef;
use crate::report::images::SourceLocation;

const EXTENSIONS: &[&str] = &["yaml", "yml", "json"];

/// Verify the signatures of the images in Kubernetes manifests.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  kubectl verify manifests deploy.yaml                       # registry.k8s.io: built-in policy
  kubectl verify manifests -R k8s/ --policy policy.yaml
  helm template my-chart | kubectl verify manifests - --key cosign.pub -o json

Exit status: 0 every image verified, 1 an image did not verify or a reference is invalid,
2 usage or runtime error (a file that cannot be read or parsed).")]
pub struct ManifestsArgs {
    /// Manifest files (YAML or JSON, many documents each), directories, or `-` for stdin.
    #[arg(value_name = "PATH|-", required = true)]
    pub paths: Vec<PathBuf>,
    /// Look into subdirectories for .yaml, .yml and .json files.
    #[arg(short = 'R', long)]
    pub recursive: bool,
    #[command(flatten)]
    pub verify: VerifyArgs,
}

pub async fn run(args: ManifestsArgs) -> anyhow::Result<Outcome> {
    let mut errors = 0usize;
    let mut invalid = 0usize;
    let mut inputs: Vec<(ImageRef, Vec<SourceLocation>)> = Vec::new();
    for (label, bytes) in collect(&args.paths, args.recursive, &mut errors)? {
        let text = match manifest::decode(&bytes) {
            Ok(t) => t,
            Err(e) => {
                crate::report::error(&anyhow::anyhow!("{label}:{e}"));
                errors += 1;
                continue;
            }
        };
        let m = match manifest::load(text) {
            Ok(Source::Manifest(m)) => m,
            Ok(Source::Templated { at }) => {
                crate::report::warn(&format!(
                    "{label}:{at}: looks like a template ({{{{ … }}}}); skipped (render it first, e.g. `helm template … | kubectl verify manifests -`)"
                ));
                continue;
            }
            Err(e) => {
                crate::report::error(&anyhow::anyhow!("{label}:{e}"));
                errors += 1;
                continue;
            }
        };
        let images = match m.images() {
            Ok(i) => i,
            Err(e) => {
                crate::report::error(&anyhow::anyhow!("{label}:{e}"));
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
                Ok(r) => inputs.push((
                    r,
                    vec![SourceLocation {
                        file: label.clone(),
                        line: site.at.line,
                        column: site.at.col,
                    }],
                )),
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
    let outcome = verify_and_report(&args.verify, inputs).await?;
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

/// Reads the inputs: files, directories (`-R` recursive; .yaml/.yml/.json, name order) and
/// stdin, each file once (by canonical path). Unreadable paths are reported and counted.
fn collect(
    paths: &[PathBuf],
    recursive: bool,
    errors: &mut usize,
) -> anyhow::Result<Vec<(String, Vec<u8>)>> {
    let mut files = Vec::new();
    let mut stdin = false;
    for path in paths {
        if path.as_os_str() == "-" {
            if stdin {
                bail!("`-` (stdin) given more than once");
            }
            stdin = true;
            continue;
        }
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => {
                let before = files.len();
                walk(path, recursive, &mut HashSet::new(), &mut files)
                    .with_context(|| format!("listing {}", path.display()))?;
                if files.len() == before {
                    crate::report::warn(&format!(
                        "{}: no .yaml, .yml or .json files{}",
                        path.display(),
                        if recursive {
                            ""
                        } else {
                            " (use -R for subdirectories)"
                        }
                    ));
                }
            }
            Ok(_) => files.push(path.clone()),
            Err(e) => {
                crate::report::error(&anyhow::anyhow!("{}: {e}", path.display()));
                *errors += 1;
            }
        }
    }
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for f in files {
        let key = std::fs::canonicalize(&f).unwrap_or_else(|_| f.clone());
        if !seen.insert(key) {
            continue;
        }
        match fs_err::read(&f) {
            Ok(b) => out.push((f.display().to_string(), b)),
            Err(e) => {
                crate::report::error(&anyhow::anyhow!(e));
                *errors += 1;
            }
        }
    }
    if stdin {
        let mut buf = Vec::new();
        std::io::stdin()
            .lock()
            .read_to_end(&mut buf)
            .context("reading stdin")?;
        out.push(("<stdin>".to_owned(), buf));
    }
    Ok(out)
}

fn walk(
    dir: &Path,
    recursive: bool,
    seen: &mut HashSet<PathBuf>,
    out: &mut Vec<PathBuf>,
) -> anyhow::Result<()> {
    // A symlink loop would otherwise recurse forever.
    if !seen.insert(fs_err::canonicalize(dir)?) {
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = fs_err::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    entries.sort();
    for path in entries {
        let Ok(meta) = std::fs::metadata(&path) else {
            continue;
        };
        if meta.is_dir() {
            if recursive {
                walk(&path, recursive, seen, out)?;
            }
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
        {
            out.push(path);
        }
    }
    Ok(())
}
