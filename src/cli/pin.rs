//! `kubectl verify pin FILE|DIR|- …`: rewrite image tags to digests in place.
//!
//! Exit codes: 0 when every file was pinned (or needed nothing); 1 when a reference could not be
//! pinned (invalid, or its tag did not resolve): that file stays byte-identical, the others are
//! still pinned; 2 when a file could not be read, parsed or written. Every file is processed
//! before the exit code is decided, so one broken file never stops the rest, and a file that
//! does not parse is a runtime error (2) rather than a finding about an image (1).

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use anyhow::{Context, bail};
use clap::Args;

use super::Outcome;
use super::common::{GlobalArgs, RegistryArgs};
use crate::manifest;
use crate::manifest::inputs::{self, Input, InputProblem, Parsed, ReadError};
use crate::pin::{Action, FilePlan};
use crate::reference::{Digest, ImageRef};
use crate::registry::RegistryOptions;
use crate::report::pin::{self as report, Summary};

/// Pin image references in manifests to digests, rewriting only the image values.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  kubectl verify pin deploy.yaml                 # nginx:1.27 -> nginx@sha256:…
  kubectl verify pin --keep-tag -R manifests/    # nginx:1.27 -> nginx:1.27@sha256:…
  kubectl verify pin --dry-run k8s/*.yaml        # show a unified diff, write nothing
  kubectl verify pin --verify --policy p.yaml k8s/  # pin only what verified
  helm template my-chart | kubectl verify pin - > pinned.yaml

Exit status: 0 all pinned, 1 a reference could not be pinned (that file is left unchanged; stdin
is written out unchanged) or, with --verify, a file was not verified (a template, a directory
without manifests), 2 a file could not be read, parsed or written, or there was no input.")]
#[allow(clippy::struct_excessive_bools)] // independent command-line switches
pub struct PinArgs {
    /// Manifest files (YAML or JSON, many documents each), directories, or `-` for stdin
    /// (the result goes to stdout). A pipe such as `<(helm template …)` is read with
    /// --dry-run only: it cannot be rewritten in place.
    #[arg(value_name = "FILE|DIR|-", required_unless_present = "filename")]
    pub paths: Vec<PathBuf>,
    /// A manifest file, directory or `-` (repeatable), as `kubectl apply -f`; read before the
    /// positional paths.
    #[arg(short = 'f', long = "filename", value_name = "FILE|DIR|-")]
    pub filename: Vec<PathBuf>,
    /// Look into subdirectories for .yaml, .yml and .json files.
    #[arg(short = 'R', long)]
    pub recursive: bool,
    /// Refuse any input (file, pipe or stdin) larger than this: 64Mi, 1Gi, 500k, or bytes.
    #[arg(long, value_name = "SIZE", default_value = "64Mi", value_parser = inputs::parse_size)]
    pub max_input_size: u64,
    /// Write `repo:tag@sha256:…` instead of `repo@sha256:…`.
    #[arg(long)]
    pub keep_tag: bool,
    /// Print a unified diff of the changes instead of writing them.
    #[arg(long)]
    pub dry_run: bool,
    /// Pin only references whose signature verifies (identity flags, --key, --policy and the
    /// built-in policy, as for `kubectl verify image`), writing exactly the digest that
    /// verified; the others are reported and their files left unchanged.
    #[arg(long)]
    pub verify: bool,
    #[command(flatten, next_help_heading = "Verification (with --verify)")]
    pub signing: super::common::TrustArgs,
    #[command(flatten)]
    pub registry: RegistryArgs,
}

/// One input after reading and planning.
struct Loaded {
    input: Input,
    bytes: Vec<u8>,
    plan: Option<FilePlan>,
}

pub async fn run(args: PinArgs, global: &GlobalArgs) -> anyhow::Result<Outcome> {
    let options = args.registry.resolve()?;
    let verbose = global.verbose > 0;
    let mut summary = Summary::default();
    // Files that could not be read, parsed or written: exit 2 at the end.
    let mut failed = 0usize;
    // References that could not be pinned: exit 1 at the end.
    let mut findings = 0usize;

    // With --verify, whatever was not read is a finding (exit 1): nothing verified is never
    // success. Without it, `pin` only rewrites, and a skipped file is a warning.
    let mut not_verified = 0usize;
    let paths: Vec<PathBuf> = args.filename.iter().chain(&args.paths).cloned().collect();
    let expansion = manifest::inputs::expand(&paths, args.recursive);
    for problem in &expansion.problems {
        match problem {
            InputProblem::StdinTwice => bail!("{problem}"),
            InputProblem::NoManifests { .. } | InputProblem::Skipped { .. } if args.verify => {
                crate::report::error(&anyhow::anyhow!("{problem}; nothing there was verified"));
                not_verified += 1;
            }
            InputProblem::NoManifests { path, recursive } => {
                report::no_manifests(&path.display().to_string(), *recursive);
            }
            InputProblem::Skipped { .. } => crate::report::warn(&problem.to_string()),
            InputProblem::Unreadable { .. }
            | InputProblem::Unlistable { .. }
            | InputProblem::NotAFile { .. } => {
                crate::report::error(&anyhow::anyhow!("{problem}"));
                failed += 1;
            }
        }
    }
    let inputs = expansion.inputs;
    // Inputs read that held something: none is "no input" (exit 2), never "pinned 0".
    let mut read_any = false;

    let mut loaded = Vec::with_capacity(inputs.len());
    for input in inputs {
        if matches!(input, Input::Pipe(_)) && !args.dry_run {
            // Refused before it is read or anything is looked up.
            report::file_error(
                &input.label(),
                &"a pipe cannot be rewritten in place; use `kubectl verify pin - < FILE` to \
                  write the result to stdout, or --dry-run to see the diff",
            );
            failed += 1;
            continue;
        }
        let read = inputs::read_input(input, args.max_input_size);
        let label = read.input.label();
        read_any |= !read.bytes.trim_ascii().is_empty();
        // stdin behaves as a file left unchanged: what could not be pinned is passed through.
        let pass_through = read.input == Input::Stdin && !args.dry_run;
        let plan = match read.parsed {
            Ok(Parsed::Images(images)) => Some(FilePlan::new(images)),
            Ok(Parsed::Templated { at }) if args.verify => {
                report::templated_not_verified(&label, at);
                summary.errors += 1;
                not_verified += 1;
                None
            }
            Ok(Parsed::Templated { at }) => {
                report::templated(&label, at);
                summary.skipped += 1;
                None
            }
            Err(ReadError::Io(e)) => {
                let doing = if read.input == Input::Stdin {
                    "reading stdin: "
                } else {
                    ""
                };
                report::file_error(&label, &format!("{doing}{:#}", anyhow::Error::new(e)));
                failed += 1;
                continue;
            }
            Err(ReadError::Manifest(e)) => {
                // `line:col: reason`, so the message reads `file:line:col: reason`.
                report::located_error(&label, &e);
                failed += 1;
                if pass_through {
                    crate::report::out_bytes(&read.bytes)?;
                }
                continue;
            }
            Err(
                e @ (ReadError::TooLarge { .. } | ReadError::NotAFile { .. } | ReadError::Empty),
            ) => {
                report::file_error(&label, &e);
                failed += 1;
                continue;
            }
        };
        loaded.push(Loaded {
            input: read.input,
            bytes: read.bytes,
            plan,
        });
    }

    // Every distinct reference of every file, looked up once.
    let mut seen = HashSet::new();
    let lookups: Vec<ImageRef> = loaded
        .iter()
        .filter_map(|l| l.plan.as_ref())
        .flat_map(FilePlan::lookups)
        .filter(|r| seen.insert(r.canonical()))
        .cloned()
        .collect();
    if !read_any {
        bail!(
            "no input: nothing was read, so nothing was pinned (no manifest files matched, or \
             stdin was empty)"
        );
    }
    let (resolved, unverified) = if lookups.is_empty() {
        (HashMap::new(), HashMap::new())
    } else if args.verify {
        let pins = super::common::verified_digests(&args.signing, options, &lookups).await?;
        (pins.digests, pins.unverified)
    } else {
        (resolve(options, &lookups).await?, HashMap::new())
    };

    if !args.dry_run {
        sweep_stale_temps(&loaded, verbose);
    }

    for l in loaded {
        let label = l.input.label();
        let Some(plan) = &l.plan else {
            // Templated: left as it is (stdin passes through).
            if matches!(l.input, Input::Stdin) && !args.dry_run {
                crate::report::out_bytes(&l.bytes)?;
            }
            continue;
        };
        for e in &plan.entries {
            match &e.action {
                Action::AlreadyPinned(r) => {
                    summary.skipped += 1;
                    if verbose {
                        report::already_pinned(&label, e.site.at, r.original());
                    }
                }
                Action::Empty => {
                    summary.skipped += 1;
                    report::empty_image(&label, e.site.at, &e.site.path);
                }
                Action::Resolve(_) | Action::Invalid(_) => {}
            }
        }
        let result = plan.finish(&resolved, args.keep_tag);
        if !result.problems.is_empty() {
            for p in &result.problems {
                report::problem(&label, p.at, &p.reason);
            }
            summary.errors += result.problems.len();
            findings += result.problems.len();
            // Left unchanged, as a file would be; exit 1 says it was not pinned. (Writing
            // nothing left `helm template … | pin - > out.yaml` with an empty out.yaml.)
            if matches!(l.input, Input::Stdin) && !args.dry_run {
                crate::report::out_bytes(&l.bytes)?;
            }
            continue;
        }
        // Pinned although not verified (`mode: warn`, `--allow-unmatched`): said per place.
        for c in &result.changes {
            if let Some(why) = ImageRef::parse(&c.from)
                .ok()
                .and_then(|r| unverified.get(&r.canonical()))
            {
                report::pinned_unverified(&label, c, why);
            }
        }
        let pinned = if result.patches.is_empty() {
            None
        } else {
            Some(
                crate::pin::splice(&l.bytes, &result.patches).with_context(|| {
                    format!("{label}: applying the pins (internal error; file left unchanged)")
                })?,
            )
        };
        if verbose {
            for c in &result.changes {
                report::change(&label, c, args.dry_run);
            }
        }
        if pinned.is_some() {
            summary.pinned += result.patches.len();
            summary.files += 1;
        }
        match (&l.input, &pinned, args.dry_run) {
            (_, Some(new), true) => {
                // Both sides are UTF-8: the input was decoded and the patches are ASCII.
                let old = String::from_utf8_lossy(&l.bytes);
                let new = String::from_utf8_lossy(new);
                report::diff(&label, &old, &new)?;
            }
            (Input::Stdin, new, false) => {
                crate::report::out_bytes(new.as_deref().unwrap_or(&l.bytes))?;
            }
            // Nothing changed (or a dry run without changes): not written, so the mtime stays.
            // A pipe is refused before reading unless this is a dry run.
            (Input::File(_), None, false) | (_, None, true) | (Input::Pipe(_), _, false) => {}
            (Input::File(path), Some(new), false) => {
                if let Err(e) = crate::fsutil::write_atomic(path, new) {
                    report::file_error(&label, &e);
                    summary.pinned -= result.patches.len();
                    summary.files -= 1;
                    summary.errors += 1;
                    failed += 1;
                }
            }
        }
    }

    summary.errors += failed;
    report::summary(&summary, args.dry_run);
    if failed > 0 {
        bail!(
            "{failed} {} could not be read, parsed or written",
            if failed == 1 { "file" } else { "files" }
        );
    }
    Ok(if findings + not_verified > 0 {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

/// Removes what an interrupted earlier run (a crash, `kill -9`) left in the directories this
/// run writes to: temporary files of its own pattern, old and unlocked (see
/// [`crate::fsutil::remove_stale_temps`]). Each directory once.
fn sweep_stale_temps(loaded: &[Loaded], verbose: bool) {
    let now = std::time::SystemTime::now();
    let mut swept = HashSet::new();
    for l in loaded {
        let Input::File(path) = &l.input else {
            continue;
        };
        let Ok(dir) = crate::fsutil::target_dir(path) else {
            continue;
        };
        if swept.insert(dir.clone()) {
            for removed in crate::fsutil::remove_stale_temps(&dir, now) {
                if verbose {
                    report::removed_stale_temp(&removed.display().to_string());
                }
            }
        }
    }
}

/// Looks every reference up in its registry, each distinct one once, concurrently. The one
/// place `pin` touches the network.
async fn resolve(
    options: RegistryOptions,
    refs: &[ImageRef],
) -> anyhow::Result<HashMap<String, Result<Digest, String>>> {
    let registry =
        crate::registry::Registry::new(options).context("setting up the registry client")?;
    let resolved = registry.resolve_all(refs).await;
    super::common::fail_on_setup_error(&registry)?;
    Ok(resolved
        .into_iter()
        .map(|(k, v)| (k, v.map_err(|e| e.to_string())))
        .collect())
}
