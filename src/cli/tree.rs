//! `kubectl verify tree REF…`: everything attached to each image (legacy `.sig`, `.att` and
//! `.sbom` tags, OCI referrers from the API or its tag fallback; for an index, the same for
//! each platform manifest). Listing is not verifying: `--verify` adds each image's verdict
//! from the normal verification path (the one `image` takes).

use std::collections::HashMap;

use anyhow::{Context, bail};
use clap::{Args, ValueEnum};

use super::Outcome;
use super::common::{
    ImageOutput, RegistryArgs, TrustArgs, check_uses, fail_on_setup_error, k8s_keys, prepare,
};
use crate::check::{ImageUse, Settings};
use crate::cluster::KubeOptions;
use crate::reference::ImageRef;
use crate::registry::Registry;
use crate::report::tree::{self as report, TreeImage, TreeReport, Verification};
use crate::report::verdict::StructuredFormat;

/// Output format of `tree`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum TreeOutput {
    /// A tree for people.
    #[default]
    Tree,
    /// JSON, schema `AttachmentTree` v1 (see README).
    Json,
    /// The same document as YAML.
    Yaml,
}

/// List everything attached to images: signatures, attestations, SBOMs (listing, not verifying).
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  kubectl verify tree ghcr.io/acme/app:1.4.2
  kubectl verify tree registry.k8s.io/pause:3.10 -o json
  kubectl verify tree --verify ghcr.io/acme/app:1.4.2 --key cosign.pub

Listing is not verifying: without --verify nothing shown is checked.

Exit status: 0 listed, 1 (with --verify) an image did not verify, 2 usage or runtime error
(an image, or one of its lookups, could not be listed).")]
pub struct TreeArgs {
    /// Image references (`repo:tag`, `repo@sha256:…`).
    #[arg(value_name = "REF", required = true)]
    pub references: Vec<String>,
    /// Also verify each image's signature under the verification flags and policy below, as
    /// `kubectl verify image` does, and show its verdict.
    #[arg(long)]
    pub verify: bool,
    #[command(flatten, next_help_heading = "Verification")]
    pub trust: TrustArgs,
    /// Output format.
    #[arg(short = 'o', long, value_enum, default_value_t = TreeOutput::Tree, help_heading = "Output")]
    pub output: TreeOutput,
    #[command(flatten)]
    pub registry: RegistryArgs,
}

impl TreeArgs {
    fn structured(&self) -> Option<StructuredFormat> {
        match self.output {
            TreeOutput::Tree => None,
            TreeOutput::Json => Some(StructuredFormat::Json),
            TreeOutput::Yaml => Some(StructuredFormat::Yaml),
        }
    }

    /// The flags that only mean something with `--verify`, as given.
    fn verify_only_flags(&self) -> Vec<&'static str> {
        let s = &self.trust.signer;
        [
            (s.key.is_some(), "--key"),
            (s.certificate_identity.is_some(), "--certificate-identity"),
            (
                s.certificate_identity_regexp.is_some(),
                "--certificate-identity-regexp",
            ),
            (
                s.certificate_oidc_issuer.is_some(),
                "--certificate-oidc-issuer",
            ),
            (
                s.certificate_oidc_issuer_regexp.is_some(),
                "--certificate-oidc-issuer-regexp",
            ),
            (s.trusted_root.is_some(), "--trusted-root"),
            (s.insecure_ignore_tlog, "--insecure-ignore-tlog"),
            (s.insecure_ignore_sct, "--insecure-ignore-sct"),
            (
                !self.trust.attestation_type.is_empty(),
                "--attestation-type",
            ),
            (
                !self.trust.attestation_condition.is_empty(),
                "--attestation-condition",
            ),
            (self.trust.require_signature, "--require-signature"),
            (self.trust.policy.is_some(), "--policy"),
            (self.trust.skip_unsupported, "--skip-unsupported"),
            (self.trust.no_builtin_policy, "--no-builtin-policy"),
            (!self.trust.profile.is_empty(), "--profile"),
            (self.trust.allow_unmatched, "--allow-unmatched"),
        ]
        .into_iter()
        .filter_map(|(given, flag)| given.then_some(flag))
        .collect()
    }
}

pub async fn run(args: TreeArgs) -> anyhow::Result<Outcome> {
    let flags = args.verify_only_flags();
    if !args.verify && !flags.is_empty() {
        bail!(
            "{} only apply with --verify: `tree` lists attachments without verifying them \
             unless asked to",
            flags.join(", ")
        );
    }
    let mut images = Vec::new();
    for r in &args.references {
        images.push(ImageRef::parse(r).with_context(|| format!("image reference {r:?}"))?);
    }
    let report = match build(&args, &images).await {
        Ok(report) => report,
        Err(e) => {
            if let Some(format) = args.structured()
                && let Err(w) = report::write(
                    &TreeReport::new(Vec::new(), args.verify).with_error(&e),
                    Some(format),
                )
            {
                return Err(e.context(format!("the report could not be written: {w:#}")));
            }
            return Err(e);
        }
    };
    report::write(&report, args.structured())?;
    if report.incomplete() {
        bail!(
            "{} of {} could not be listed completely (see the errors above)",
            report.summary.incomplete,
            if report.summary.images == 1 {
                "1 image".to_owned()
            } else {
                format!("{} images", report.summary.images)
            }
        );
    }
    Ok(if report.has_failures() {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

async fn build(args: &TreeArgs, images: &[ImageRef]) -> anyhow::Result<TreeReport> {
    let keys = k8s_keys(&args.trust, None, &KubeOptions::default()).await?;
    let plan = prepare(&args.trust, &keys)?;
    let registry =
        Registry::new(args.registry.resolve()?).context("setting up the registry client")?;
    let trees = crate::tree::list_images(
        &registry,
        images,
        plan.signature_repository.as_ref(),
        plan.concurrency,
    )
    .await;
    let mut verdicts: HashMap<String, Verification> = HashMap::new();
    if args.verify {
        let settings = Settings {
            plan,
            allow_unmatched: args.trust.allow_unmatched,
            drift: false,
            cache: super::common::verification_cache(&args.trust),
        };
        let uses = images.iter().cloned().map(ImageUse::argument).collect();
        let progress = match args.output {
            TreeOutput::Tree => ImageOutput::Table,
            TreeOutput::Json | TreeOutput::Yaml => ImageOutput::Json,
        };
        let checked = check_uses(&registry, &settings, uses, progress).await;
        for e in &checked.images {
            verdicts
                .entry(e.reference.clone())
                .or_insert_with(|| Verification::from_entry(e));
        }
    }
    fail_on_setup_error(&registry)?;
    let images = trees
        .into_iter()
        .map(|t| {
            let v = verdicts.remove(t.reference.original());
            TreeImage::new(t, v)
        })
        .collect();
    Ok(TreeReport::new(images, args.verify))
}
