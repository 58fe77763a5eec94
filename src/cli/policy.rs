//! `kubectl verify policy explain FILE…`: how each document of policy files was understood
//! (our own format, policy-controller and Kyverno policies), before it is trusted.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

use super::Outcome;
use crate::report::policy::PolicyExplanation;
use crate::report::verdict::StructuredFormat;
use crate::verify::policy::{self, ReadOptions};

#[derive(Debug, Args)]
pub struct PolicyArgs {
    #[command(subcommand)]
    pub command: PolicyCommand,
}

#[derive(Debug, Subcommand)]
pub enum PolicyCommand {
    /// Print how each document of policy files was understood: the images each policy
    /// covers, where it applies, its authorities (identities, keys, trust root, transparency
    /// log), attestations, mode, `static`, and what is not supported.
    #[command(after_help = EXPLAIN_HELP)]
    Explain(ExplainArgs),
}

const EXPLAIN_HELP: &str = "\
Nothing is fetched: keys named as k8s:// secrets are not read, so a policy naming one is an
error here (the verifying commands read it from the cluster).

Exit status: 0 every file was read, 2 a file could not be read or uses something not supported
(without --skip-unsupported).";

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// Policy files (our `policies:` format, ClusterImagePolicy, TrustRoot, Kyverno policies).
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    /// Show what is not supported as `unsupported` policies instead of stopping at it.
    #[arg(long)]
    pub skip_unsupported: bool,
    /// Output format.
    #[arg(short = 'o', long, value_enum, default_value_t = ExplainOutput::Table)]
    pub output: ExplainOutput,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExplainOutput {
    Table,
    Json,
    Yaml,
}

pub fn run(args: PolicyArgs) -> anyhow::Result<Outcome> {
    match args.command {
        PolicyCommand::Explain(args) => explain(&args),
    }
}

fn explain(args: &ExplainArgs) -> anyhow::Result<Outcome> {
    let options = ReadOptions {
        skip_unsupported: args.skip_unsupported,
        ..ReadOptions::default()
    };
    let mut files = Vec::new();
    for path in &args.files {
        let (policies, documents) = policy::load_explained(path, &options)?;
        files.push((path.display().to_string(), documents, policies));
    }
    let format = match args.output {
        ExplainOutput::Table => None,
        ExplainOutput::Json => Some(StructuredFormat::Json),
        ExplainOutput::Yaml => Some(StructuredFormat::Yaml),
    };
    PolicyExplanation::new(files).write(format)?;
    Ok(Outcome::Clean)
}
