//! `kubectl verify pods|deployments|statefulsets|daemonsets|replicasets|jobs|cronjobs|all`:
//! verify what a live cluster runs, read through the kubeconfig with kubectl's flags.

use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Context, bail};
use clap::{Args, Subcommand};

use super::Outcome;
use super::common::{
    ImageOutput, VerifyArgs, check_uses, cluster_policies, k8s_keys_with, parse_duration,
    prepare_with, write_report,
};
use crate::check::{ImageUse, Settings};
use crate::cluster::{self, Kind, KubeOptions, Query};

/// kubectl's flags for reaching a cluster and choosing objects, spelled as kubectl spells them.
#[derive(Debug, Args, Clone)]
#[command(next_help_heading = "Cluster (as kubectl)")]
pub struct KubeArgs {
    /// The namespace (default: the context's namespace, else `default`).
    #[arg(short = 'n', long, value_name = "NAMESPACE")]
    pub namespace: Option<String>,
    /// Every namespace (one cluster-wide list per kind).
    #[arg(short = 'A', long, conflicts_with = "namespace")]
    pub all_namespaces: bool,
    /// Label selector, e.g. `-l app=web,tier!=cache` or `-l 'env in (prod)'`.
    #[arg(short = 'l', long, value_name = "SELECTOR")]
    pub selector: Option<String>,
    /// Field selector, e.g. `--field-selector spec.nodeName=node-1`.
    #[arg(long, value_name = "SELECTOR")]
    pub field_selector: Option<String>,
    /// The kubeconfig context to use.
    #[arg(long, value_name = "NAME")]
    pub context: Option<String>,
    /// Every context of the kubeconfig, one after the other; a cluster that fails is an error
    /// line (exit 2) and the others still run.
    #[arg(long, conflicts_with = "context")]
    pub all_contexts: bool,
    /// Path to the kubeconfig file (instead of KUBECONFIG or ~/.kube/config).
    #[arg(long, value_name = "FILE")]
    pub kubeconfig: Option<PathBuf>,
    /// The kubeconfig cluster to use.
    #[arg(long, value_name = "NAME")]
    pub cluster: Option<String>,
    /// The kubeconfig user to use.
    #[arg(long, value_name = "NAME")]
    pub user: Option<String>,
    /// Impersonate this user.
    #[arg(long = "as", value_name = "USER")]
    pub as_user: Option<String>,
    /// Impersonate this group (repeatable).
    #[arg(long = "as-group", value_name = "GROUP")]
    pub as_group: Vec<String>,
    /// The longest one API request may take (`0`: no limit; `30s`, `1m`).
    #[arg(long, value_name = "DURATION", default_value = "0")]
    pub request_timeout: String,
}

impl KubeArgs {
    /// The options for [`crate::cluster`].
    pub fn options(&self) -> anyhow::Result<KubeOptions> {
        let request_timeout = match self.request_timeout.trim() {
            "0" | "" => None,
            t => Some(
                parse_duration(t)
                    .map_err(anyhow::Error::msg)
                    .context("--request-timeout")?,
            ),
        };
        Ok(KubeOptions {
            kubeconfig: self.kubeconfig.clone(),
            context: self.context.clone(),
            cluster: self.cluster.clone(),
            user: self.user.clone(),
            impersonate: self.as_user.clone(),
            impersonate_groups: self.as_group.clone(),
            request_timeout: request_timeout.filter(|d| *d > Duration::ZERO),
        })
    }
}

/// The arguments every cluster command takes.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  kubectl verify pods -n kube-system                 # registry.k8s.io: built-in policy
  kubectl verify pods -A --policy policy.yaml -o wide
  kubectl verify deploy -l app=web --key k8s://ci/cosign-key
  kubectl verify all -A --all-contexts --drift -o json

What is verified for a pod is the digest its node reports running (status imageID), not what
the tag points to now; workload kinds have no running status, so their template references
are resolved and verified as `kubectl verify manifests` does.

Exit status: 0 every image verified (or no resources found), 1 an image did not verify,
2 usage or runtime error (a cluster that cannot be read).")]
pub struct WorkloadArgs {
    /// Objects by name (in the namespace); none: every object.
    #[arg(value_name = "NAME")]
    pub names: Vec<String>,
    /// Also report running digests their tag no longer resolves to (one lookup per tag).
    #[arg(long)]
    pub drift: bool,
    #[command(flatten)]
    pub kube: KubeArgs,
    #[command(flatten)]
    pub verify: VerifyArgs,
}

/// The cluster commands, named and aliased as kubectl names the resources.
#[derive(Debug, Subcommand)]
pub enum ClusterCommand {
    /// Verify the images pods run (the digest each node reports).
    #[command(visible_aliases = ["po", "pod"])]
    Pods(WorkloadArgs),
    /// Verify the images of deployments' pod templates.
    #[command(visible_aliases = ["deploy", "deployment"])]
    Deployments(WorkloadArgs),
    /// Verify the images of statefulsets' pod templates.
    #[command(visible_aliases = ["sts", "statefulset"])]
    Statefulsets(WorkloadArgs),
    /// Verify the images of daemonsets' pod templates.
    #[command(visible_aliases = ["ds", "daemonset"])]
    Daemonsets(WorkloadArgs),
    /// Verify the images of replicasets' pod templates.
    #[command(visible_aliases = ["rs", "replicaset"])]
    Replicasets(WorkloadArgs),
    /// Verify the images of jobs' pod templates.
    #[command(visible_alias = "job")]
    Jobs(WorkloadArgs),
    /// Verify the images of cronjobs' pod templates.
    #[command(visible_aliases = ["cj", "cronjob"])]
    Cronjobs(WorkloadArgs),
    /// Verify every pod (running digests) and every workload kind's templates.
    All(WorkloadArgs),
}

impl ClusterCommand {
    fn split(self) -> (Vec<Kind>, WorkloadArgs) {
        match self {
            ClusterCommand::Pods(a) => (vec![Kind::Pod], a),
            ClusterCommand::Deployments(a) => (vec![Kind::Deployment], a),
            ClusterCommand::Statefulsets(a) => (vec![Kind::StatefulSet], a),
            ClusterCommand::Daemonsets(a) => (vec![Kind::DaemonSet], a),
            ClusterCommand::Replicasets(a) => (vec![Kind::ReplicaSet], a),
            ClusterCommand::Jobs(a) => (vec![Kind::Job], a),
            ClusterCommand::Cronjobs(a) => (vec![Kind::CronJob], a),
            ClusterCommand::All(a) => (Kind::ALL.to_vec(), a),
        }
    }
}

pub async fn run(command: ClusterCommand) -> anyhow::Result<Outcome> {
    let (kinds, args) = command.split();
    let output = args.verify.output;
    let mut written = false;
    match run_workloads(kinds, args, &mut written).await {
        // `-o json|yaml` always prints a document: a cluster that cannot be read (exit 2) is
        // in its `errors[]`, so a script reading stdout never gets zero bytes.
        Err(e) if !written => Err(super::common::error_report(
            crate::report::images::ImagesReport::new(Vec::new()),
            e,
            output,
        )),
        other => other,
    }
}

/// The command; `written` is set once a report went to stdout.
async fn run_workloads(
    kinds: Vec<Kind>,
    args: WorkloadArgs,
    written: &mut bool,
) -> anyhow::Result<Outcome> {
    let kube = &args.kube;
    if kube.all_namespaces && !args.names.is_empty() {
        bail!(
            "a resource cannot be retrieved by name across all namespaces (drop -A or the names)"
        );
    }
    if kinds.len() > 1 && !args.names.is_empty() {
        bail!("`kubectl verify all` takes no names (name a kind: `kubectl verify pods NAME`)");
    }
    if kube.all_contexts
        && matches!(
            args.verify.output,
            ImageOutput::Policyreport | ImageOutput::Openreports
        )
    {
        bail!(
            "-o policyreport|openreports writes one cluster's reports (kubectl apply stores them \
             in one cluster): name its --context instead of --all-contexts"
        );
    }
    if kube.all_contexts && args.verify.policy_from_cluster {
        bail!(
            "--policy-from-cluster reads one cluster's policies: name its --context instead of \
             --all-contexts"
        );
    }
    let options = kube.options()?;
    let kubeconfig = cluster::load_kubeconfig(&options)?;
    let contexts: Vec<Option<String>> = if kube.all_contexts {
        let Some(kc) = &kubeconfig else {
            bail!("--all-contexts needs a kubeconfig (in a pod there is only the in-cluster one)");
        };
        let names = cluster::context_names(kc);
        if names.is_empty() {
            bail!("--all-contexts: the kubeconfig has no contexts");
        }
        names.into_iter().map(Some).collect()
    } else {
        vec![None]
    };

    let mut uses: Vec<ImageUse> = Vec::new();
    let mut failed = 0usize;
    let mut invalid = 0usize;
    let mut objects = 0usize;
    let mut first_connection = None;
    let mut scope_namespace = None;
    for context in &contexts {
        let conn = match cluster::connect(&options, kubeconfig.as_ref(), context.as_deref()).await {
            Ok(c) => c,
            Err(e) if contexts.len() > 1 => {
                crate::report::error(&anyhow::Error::new(e));
                failed += 1;
                continue;
            }
            Err(e) => return Err(e.into()),
        };
        let namespace = if kube.all_namespaces {
            None
        } else {
            Some(
                kube.namespace
                    .clone()
                    .unwrap_or_else(|| conn.default_namespace.clone()),
            )
        };
        scope_namespace.clone_from(&namespace);
        let query = Query {
            kinds: kinds.clone(),
            namespace,
            names: args.names.clone(),
            label_selector: kube.selector.clone(),
            field_selector: kube.field_selector.clone(),
        };
        match cluster::read(&conn, &query).await {
            Ok(mut reading) => {
                for w in &reading.warnings {
                    crate::report::warn(w);
                }
                for i in &reading.invalid {
                    crate::report::error(&anyhow::anyhow!("invalid image reference at {i}"));
                }
                invalid += reading.invalid.len();
                objects += reading.objects;
                uses.append(&mut reading.uses);
            }
            Err(e) if contexts.len() > 1 => {
                crate::report::error(&anyhow::Error::new(e));
                failed += 1;
                continue;
            }
            Err(e) => return Err(e.into()),
        }
        if first_connection.is_none() {
            first_connection = Some(conn);
        }
    }

    if uses.is_empty() && invalid == 0 {
        if failed == 0 && objects == 0 {
            // kubectl's wording, on stderr as kubectl prints it.
            crate::report::info(&match (&scope_namespace, contexts.len()) {
                (Some(ns), 1) => format!("No resources found in {ns} namespace."),
                _ => "No resources found".to_owned(),
            });
        }
        let err = (failed > 0)
            .then(|| anyhow::anyhow!("{failed} of {} clusters could not be read", contexts.len()));
        if args.verify.output.is_document() {
            let mut report = crate::report::images::ImagesReport::new(Vec::new());
            if let Some(e) = &err {
                report = report.with_error(e);
            }
            write_report(&report, args.verify.output, args.verify.no_headers)?;
            *written = true;
        }
        return match err {
            Some(e) => Err(e),
            None => Ok(Outcome::Clean),
        };
    }

    let from_cluster = if args.verify.policy_from_cluster {
        if let Some(conn) = &first_connection {
            label_namespaces(conn, scope_namespace.as_deref(), &mut uses).await?;
        }
        cluster_policies(
            first_connection.as_ref(),
            &options,
            scope_namespace.as_deref(),
        )
        .await?
    } else {
        Vec::new()
    };
    let keys = k8s_keys_with(
        &args.verify.trust,
        first_connection.as_ref(),
        &options,
        &from_cluster,
    )
    .await?;
    let settings = Settings {
        plan: prepare_with(&args.verify.trust, &keys, &from_cluster)?,
        allow_unmatched: args.verify.trust.allow_unmatched,
        drift: args.drift,
        cache: super::common::verification_cache(&args.verify.trust),
    };
    let registry = args
        .verify
        .trust
        .registry(args.verify.registry.resolve()?)?;
    let report = check_uses(&registry, &settings, uses, args.verify.output).await;
    super::common::fail_on_setup_error(&registry)?;
    if failed > 0 {
        // The clusters that could be read are reported, the others in `errors[]`; exit 2.
        let e = anyhow::anyhow!("{failed} of {} clusters could not be read", contexts.len());
        write_report(
            &report.with_error(&e),
            args.verify.output,
            args.verify.no_headers,
        )?;
        *written = true;
        return Err(e);
    }
    write_report(&report, args.verify.output, args.verify.no_headers)?;
    *written = true;
    Ok(if report.has_failures() || invalid > 0 {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

/// Gives each use the labels of its namespace, for the `namespaceSelector`s of the cluster's
/// policies (a note when the RBAC forbids reading them).
async fn label_namespaces(
    conn: &cluster::Connection,
    namespace: Option<&str>,
    uses: &mut [ImageUse],
) -> anyhow::Result<()> {
    let (labels, note) = cluster::policies::namespace_labels(conn, namespace).await?;
    if let Some(n) = note {
        crate::report::warn(&n);
    }
    let Some(labels) = labels else {
        return Ok(());
    };
    for u in uses {
        if let Some(ns) = &u.subject.namespace {
            u.subject.namespace_labels = labels.get(ns).cloned();
        }
    }
    Ok(())
}
