//! `kubectl verify image REF…`: verify the signatures of images by reference.
//!
//! The flags that say who must have signed, which trust root to use and how to report are
//! shared with `kubectl verify manifests` ([`VerifyArgs`]).

use std::path::PathBuf;

use anyhow::{Context, bail};
use clap::{Args, ValueEnum};

use super::Outcome;
use super::common::{FlagSigner, RegistryArgs, SignerArgs};
use crate::evidence::{ImageOutcome, VerifyPlan, verify_images};
use crate::reference::ImageRef;
use crate::registry::Registry;
use crate::report::images::{
    self as report, ImageEntry, ImagesReport, RekorInfo, SourceLocation, VerifiedDigest,
};
use crate::report::verdict::StructuredFormat;
use crate::verify::VerdictCode;
use crate::verify::policy::{self, PolicySet, Requirement};
use crate::verify::sigstore::Authority;

/// Report format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ImageOutput {
    /// A table for people.
    #[default]
    Table,
    /// JSON, schema `ImageVerificationReport` v1 (see README).
    Json,
    /// The same document as YAML.
    Yaml,
}

/// Who must have signed ([`SignerArgs`], policies) and where signatures live: shared by
/// `image`, `manifests` and `pin --verify`.
#[derive(Debug, Args, Clone)]
pub struct TrustArgs {
    #[command(flatten)]
    pub signer: SignerArgs,
    /// A policy file: image globs → authorities, count (M-of-N), mode enforce|warn.
    #[arg(long, value_name = "FILE")]
    pub policy: Option<PathBuf>,
    /// Do not hold registry.k8s.io images to the Kubernetes release identity by default.
    #[arg(long)]
    pub no_builtin_policy: bool,
    /// Report images no policy or flag covers as `no-policy` without failing the run.
    #[arg(long)]
    pub allow_unmatched: bool,
    /// Look for signatures in this repository instead of the image's (as cosign's
    /// COSIGN_REPOSITORY).
    #[arg(long, value_name = "REPO", env = "COSIGN_REPOSITORY")]
    pub signature_repository: Option<String>,
    /// How many images are verified at once.
    #[arg(long, value_name = "N", default_value_t = 8, value_parser = clap::value_parser!(u16).range(1..=256))]
    pub concurrency: u16,
}

/// [`TrustArgs`], how to report, and how to reach registries: `image` and `manifests`.
#[derive(Debug, Args, Clone)]
pub struct VerifyArgs {
    #[command(flatten)]
    pub trust: TrustArgs,
    /// Output format.
    #[arg(short = 'o', long, value_enum, default_value_t = ImageOutput::Table)]
    pub output: ImageOutput,
    #[command(flatten)]
    pub registry: RegistryArgs,
}

/// Verify image signatures (cosign 2 `.sig` and cosign 3 bundles, keyless or key).
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  kubectl verify image registry.k8s.io/kube-apiserver:v1.31.0      # built-in Kubernetes policy
  kubectl verify image ghcr.io/acme/app:1.2 \\
      --certificate-identity-regexp 'https://github.com/acme/app/.+' \\
      --certificate-oidc-issuer https://token.actions.githubusercontent.com
  kubectl verify image --key cosign.pub ghcr.io/acme/app@sha256:…
  kubectl verify image --policy policy.yaml -o json $(cat images.txt)

Exit status: 0 every image verified, 1 an image did not verify, 2 usage or runtime error.")]
pub struct ImageArgs {
    /// Image references (`repo:tag`, `repo@sha256:…`).
    #[arg(value_name = "REF", required = true)]
    pub references: Vec<String>,
    #[command(flatten)]
    pub verify: VerifyArgs,
}

pub async fn run(args: ImageArgs) -> anyhow::Result<Outcome> {
    let mut refs = Vec::new();
    for r in &args.references {
        refs.push(ImageRef::parse(r).with_context(|| format!("image reference {r:?}"))?);
    }
    let inputs: Vec<(ImageRef, Vec<SourceLocation>)> =
        refs.into_iter().map(|r| (r, Vec::new())).collect();
    verify_and_report(&args.verify, inputs).await
}

/// Builds the plan from the flags (printing the `--insecure-*` warnings), verifies, reports.
pub async fn verify_and_report(
    args: &VerifyArgs,
    inputs: Vec<(ImageRef, Vec<SourceLocation>)>,
) -> anyhow::Result<Outcome> {
    let plan = prepare(&args.trust)?;
    let registry =
        Registry::new(args.registry.resolve()?).context("setting up the registry client")?;
    let references: Vec<ImageRef> = inputs.iter().map(|(r, _)| r.clone()).collect();
    let outcomes = verify_images(&registry, &references, &plan).await;
    let mut sources: std::collections::HashMap<String, Vec<SourceLocation>> =
        std::collections::HashMap::new();
    for (r, s) in inputs {
        sources
            .entry(r.original().to_owned())
            .or_default()
            .extend(s);
    }
    let entries: Vec<ImageEntry> = outcomes
        .into_iter()
        .map(|o| {
            let mut s = sources.remove(o.reference.original()).unwrap_or_default();
            s.sort();
            s.dedup();
            entry(o, s, args.trust.allow_unmatched)
        })
        .collect();
    let report = ImagesReport::new(entries);
    let format = match args.output {
        ImageOutput::Table => None,
        ImageOutput::Json => Some(StructuredFormat::Json),
        ImageOutput::Yaml => Some(StructuredFormat::Yaml),
    };
    report::write(&report, format)?;
    Ok(if report.has_failures() {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

/// Turns the flags into a verification plan (printing the `--insecure-*` warnings). Usage
/// mistakes and unreadable trust material are errors (exit 2).
pub fn prepare(args: &TrustArgs) -> anyhow::Result<VerifyPlan> {
    let signer = args.signer.resolve()?;
    let flags = match signer.named {
        FlagSigner::Key(key) => Some(Authority::Key(key)),
        FlagSigner::Keyless(identity) => Some(Authority::Keyless(vec![identity])),
        FlagSigner::IssuerOnly(_) => bail!(
            "--certificate-oidc-issuer[-regexp] needs --certificate-identity[-regexp] (use \
             --certificate-identity-regexp '.*' to accept any identity from that issuer)"
        ),
        FlagSigner::None => None,
    }
    .map(Requirement::from_flags);
    let policies = match &args.policy {
        Some(path) => policy::load(path)?,
        None => Vec::new(),
    };
    let set = PolicySet {
        flags,
        policies,
        builtin: if args.no_builtin_policy {
            Vec::new()
        } else {
            policy::builtin()
        },
    };
    let signature_repository = match &args.signature_repository {
        Some(s) if !s.trim().is_empty() => Some(
            ImageRef::parse(s.trim()).with_context(|| format!("--signature-repository {s:?}"))?,
        ),
        _ => None,
    };
    let plan = VerifyPlan {
        policies: set,
        options: signer.options,
        trust: signer.trust,
        signature_repository,
        concurrency: usize::from(args.concurrency),
    };
    Ok(plan)
}

/// For `pin --verify`: resolves and verifies each reference once, and keeps a digest only
/// when its signature verified — exactly the digest that verified, never a second lookup.
/// Keyed by [`ImageRef::canonical`]; an error says why a reference is not pinned.
pub async fn resolve_verified(
    args: &TrustArgs,
    options: crate::registry::RegistryOptions,
    refs: &[ImageRef],
) -> anyhow::Result<std::collections::HashMap<String, Result<crate::reference::Digest, String>>> {
    let plan = prepare(args)?;
    let registry = Registry::new(options).context("setting up the registry client")?;
    let outcomes = verify_images(&registry, refs, &plan).await;
    Ok(outcomes
        .into_iter()
        .map(|o| {
            let key = o.reference.canonical();
            let v = &o.judgement.verdict;
            let result = match o.digest {
                Some(d) if v.code.is_verified() => Ok(d),
                Some(d) => Err(format!(
                    "not pinned: the signature of {d} did not verify ({}): {}",
                    v.code, v.detail
                )),
                None => Err(format!("not pinned ({}): {}", v.code, v.detail)),
            };
            (key, result)
        })
        .collect())
}

fn entry(o: ImageOutcome, sources: Vec<SourceLocation>, allow_unmatched: bool) -> ImageEntry {
    let j = o.judgement;
    let unmatched_allowed = allow_unmatched && j.verdict.code == VerdictCode::NoPolicy;
    let enforced = j.mode == policy::Mode::Enforce && !unmatched_allowed;
    ImageEntry {
        reference: o.reference.original().to_owned(),
        digest: o.digest.map(|d| d.to_string()),
        verified_by: o
            .verified_by
            .into_iter()
            .map(|v| VerifiedDigest {
                digest: v.digest.to_string(),
                platform: v.platform,
            })
            .collect(),
        verdict: j.verdict.code,
        enforced,
        detail: j.verdict.detail,
        policy: j.policy,
        signer: j.verdict.signer,
        format: j.format,
        rekor: j.verdict.tlog.map(|t| RekorInfo {
            log_index: t.log_index,
            integrated_time: report::rfc3339(t.integrated_time),
        }),
        sources,
    }
}
