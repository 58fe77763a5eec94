//! `kubectl verify image REF…`: verify the signatures of images by reference.
//!
//! The flags that say who must have signed, which trust root to use and how to report are
//! shared with `manifests`, `pin --verify` and the cluster commands ([`VerifyArgs`]).

use anyhow::Context;
use clap::Args;

use super::Outcome;
use super::common::{VerifyArgs, verify_and_report};
use crate::check::ImageUse;
use crate::reference::ImageRef;

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
    let mut uses = Vec::new();
    for r in &args.references {
        let image = ImageRef::parse(r).with_context(|| format!("image reference {r:?}"))?;
        uses.push(ImageUse::argument(image));
    }
    verify_and_report(&args.verify, uses, false).await
}
