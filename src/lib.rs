//! kubectl-verify: check that the images and release binaries you run were signed by whom you
//! expect, and pin manifests to the digests you verified.
//!
//! How the parts fit:
//!
//! ```text
//!  cli/          clap structs → validated plans; the only module that knows about clap
//!   │
//!   ├─ manifest/ where images come from: local YAML/JSON files, parsed with byte spans
//!   ├─ cluster/  where images come from: live workloads through the kubeconfig, with the
//!   │            digest each pod runs and its pull-secret credentials; and the admission
//!   │            policies installed there (`--policy-from-cluster`, cluster/policies)
//!   ├─ workload  where images live inside Kubernetes objects (one list, used by every reader)
//!   ├─ reference the distribution reference grammar and Docker Hub normalisation
//!   ├─ registry/ everything that talks to an OCI registry (resolve tags, manifests, blobs)
//!   ├─ evidence  fetching an image's signatures: referrers, tag fallback, legacy .sig
//!   ├─ tree      listing everything attached to an image (`tree`): legacy tags and
//!   │            referrers, through the same referrers lookup as evidence; not judged
//!   ├─ remote    fetching the rest: artifact/bundle URLs and Rekor entries (`blob`)
//!   ├─ tuf       which Sigstore trusted root a run trusts (--trusted-root, the cached one
//!   │            `trust update` fetched and verified through TUF, or the embedded one)
//!   ├─ verify/   judging evidence: Sigstore bundles, legacy cosign layers, policy → verdicts;
//!   │            which uses a policy applies to (`verify::scope`)
//!   ├─ admission/ admission-controller policies (policy-controller, Kyverno) read into the
//!   │            same policies as our own format; anything not evaluated is refused by field
//!   ├─ check     image uses → report entries: the one path every verifying command takes
//!   ├─ cache     `verified` judgements kept on disk (keyed by everything that decided them),
//!   │            consulted by `check` so repeated audits skip the signature requests
//!   ├─ pin       a plan of byte patches over the original file, spliced and written atomically
//!   ├─ release/  `kubectl verify release`: the SPDX tag-value SBOM parser, https-only bounded
//!   │            downloads from dl.k8s.io, binaries judged against .sig/.cert, .sha256 and
//!   │            provenance (its images go through `check` like every image)
//!   └─ report/   the only writer to stdout: tables, JSON/YAML, diffs, summaries, and
//!                PolicyReports (`-o policyreport|openreports`, report/policyreport)
//! ```
//!
//! Fetching evidence (registry, evidence, remote) is kept apart from judging it (verify): the
//! judgement is a pure function over bytes that tests can drive without a server.

pub mod admission;
pub mod cache;
pub mod check;
pub mod cli;
pub mod cluster;
pub mod evidence;
pub mod fsutil;
pub mod manifest;
pub mod pin;
pub mod reference;
pub mod registry;
pub mod release;
pub mod remote;
pub mod report;
pub mod text;
pub mod tree;
pub mod tuf;
pub mod verify;
pub mod workload;
