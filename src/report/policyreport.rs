//! The image report as Policy Reports (`-o policyreport`, `-o openreports`): the documents
//! cluster dashboards (Policy Reporter, Kyverno's UI, OpenReports consumers) read, written
//! so that `kubectl apply -f -` stores them.
//!
//! - `wgpolicyk8s.io/v1alpha2` `PolicyReport` (one per namespace, named
//!   `kubectl-verify-<namespace>`) for uses in namespaced objects, and one
//!   `ClusterPolicyReport` (`kubectl-verify`) for cluster-scoped objects, manifest files,
//!   command-line arguments and inputs that could not be read;
//! - `openreports.io/v1alpha1` `Report` / `ClusterReport`, the same documents under the
//!   OpenReports API (which also carries `source` at the report level).
//!
//! One result per (resource, policy, rule, image) — with admission policies, one per policy
//! and rule that applied to the image (the entry's `results[]`), named by the document's name
//! and its rule; with our own policy file, the policy's name and `verify-signature` or
//! `verify-attestations`: `pass` verified; `fail` a failing verdict (`denied` included) its
//! policy enforces; `warn` the same under a `mode: warn` (Kyverno `Audit`) policy; `error`
//! nothing was judged — the registry was unreachable, rate limited, unauthorized or had no
//! such image, or the rule uses what kubectl-verify does not evaluate (`unsupported`, with
//! `--skip-unsupported`: reporting it as `fail` would claim the image breaks a rule nobody
//! checked, and `error` is never a pass); `skip` no policy covers the image. Every result
//! has `source: kubectl-verify`, the verdict's line as `message`, the run's time as
//! `timestamp`, the object as `resources[0]` when the use has one, and `properties` (image,
//! digest, verdict, signer, container or file position). Documents are YAML separated by
//! `---`, in a stable order (cluster report first, then namespaces by name).

use std::collections::BTreeMap;

use serde::Serialize;

use super::images::{ImageEntry, ImagesReport, UseSource};
use crate::verify::policy::Mode;
use crate::verify::{Signer, VerdictCode};

/// The `source` of every result, and the `app.kubernetes.io/managed-by` label's value.
pub const SOURCE: &str = "kubectl-verify";
/// The name of the cluster-scoped report; namespaced ones are `kubectl-verify-<namespace>`.
pub const CLUSTER_REPORT_NAME: &str = "kubectl-verify";
/// The policy name of results no policy decided (`no-policy`, unreadable inputs).
const OWN_POLICY: &str = "kubectl-verify";

/// Which API the documents are written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavour {
    /// `wgpolicyk8s.io/v1alpha2` PolicyReport / ClusterPolicyReport.
    WgPolicy,
    /// `openreports.io/v1alpha1` Report / ClusterReport.
    OpenReports,
}

impl Flavour {
    fn api_version(self) -> &'static str {
        match self {
            Flavour::WgPolicy => "wgpolicyk8s.io/v1alpha2",
            Flavour::OpenReports => "openreports.io/v1alpha1",
        }
    }

    fn kind(self, cluster: bool) -> &'static str {
        match (self, cluster) {
            (Flavour::WgPolicy, false) => "PolicyReport",
            (Flavour::WgPolicy, true) => "ClusterPolicyReport",
            (Flavour::OpenReports, false) => "Report",
            (Flavour::OpenReports, true) => "ClusterReport",
        }
    }
}

/// The outcome of one result, as the CRDs' enum spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Pass,
    Fail,
    Warn,
    Error,
    Skip,
}

/// What an image entry means as a result: see the module documentation.
pub fn outcome(entry: &ImageEntry) -> Outcome {
    outcome_of(entry.verdict, entry.enforced)
}

/// A verdict as a result, `enforced` when its policy fails the run.
pub fn outcome_of(verdict: VerdictCode, enforced: bool) -> Outcome {
    use VerdictCode as V;
    match verdict {
        V::Verified => Outcome::Pass,
        V::NoPolicy => Outcome::Skip,
        // Nothing was judged: the registry could not be asked, or the policy uses what
        // kubectl-verify does not evaluate. Not a pass, and not a finding about the image.
        V::Unreachable | V::RateLimited | V::Unauthorized | V::NotFound | V::Unsupported => {
            Outcome::Error
        }
        _ if enforced => Outcome::Fail,
        _ => Outcome::Warn,
    }
}

/// `metadata` of a report.
#[derive(Debug, Clone, Serialize)]
pub struct Metadata {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    pub labels: BTreeMap<String, String>,
}

/// A `corev1.ObjectReference` (the fields we know).
#[derive(Debug, Clone, Serialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "camelCase")]
pub struct ObjectRef {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    pub kind: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
}

/// `timestamp`: a protobuf Timestamp.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Timestamp {
    pub seconds: i64,
    pub nanos: i32,
}

impl From<jiff::Timestamp> for Timestamp {
    fn from(t: jiff::Timestamp) -> Self {
        Self {
            seconds: t.as_second(),
            // A jiff subsecond is in 0..1e9 for instants after the epoch.
            nanos: t.subsec_nanosecond().max(0),
        }
    }
}

/// One result.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportResult {
    pub source: &'static str,
    pub policy: String,
    pub rule: String,
    pub result: Outcome,
    pub message: String,
    pub timestamp: Timestamp,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub resources: Vec<ObjectRef>,
    pub properties: BTreeMap<String, String>,
}

/// `summary`: how many results of each outcome.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Counts {
    pub pass: usize,
    pub fail: usize,
    pub warn: usize,
    pub error: usize,
    pub skip: usize,
}

/// One PolicyReport / ClusterPolicyReport (or OpenReports Report / ClusterReport).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Document {
    pub api_version: &'static str,
    pub kind: &'static str,
    pub metadata: Metadata,
    /// OpenReports only: the engine that made every result.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<&'static str>,
    pub summary: Counts,
    pub results: Vec<ReportResult>,
}

/// One policy's (and rule's) outcome for an image: what becomes a result.
struct Decision {
    policy: String,
    rule: String,
    /// `ClusterImagePolicy`, `ClusterPolicy`, … for admission policies.
    kind: Option<String>,
    verdict: VerdictCode,
    outcome: Outcome,
    message: String,
    /// Whether the entry's signer is this decision's (it decided the entry's verdict).
    deciding: bool,
}

/// The decisions of an entry: every policy's outcome when admission policies applied (the
/// entry's `results[]`), else the entry's own verdict under its policy (`no-policy`:
/// kubectl-verify's own).
fn decisions(entry: &ImageEntry) -> Vec<Decision> {
    if !entry.results.is_empty() {
        return entry
            .results
            .iter()
            .map(|r| {
                let (name, rule, kind) = match &r.origin {
                    Some(o) => (
                        o.name.clone(),
                        o.rule.clone().unwrap_or_else(|| rule_of(entry).to_owned()),
                        Some(o.kind.clone()),
                    ),
                    None => (r.policy.clone(), rule_of(entry).to_owned(), None),
                };
                Decision {
                    policy: name,
                    rule,
                    kind,
                    verdict: r.verdict,
                    outcome: outcome_of(r.verdict, r.mode == Mode::Enforce),
                    message: line(r.verdict, &r.detail),
                    deciding: r.origin.is_some() && r.origin == entry.origin,
                }
            })
            .collect();
    }
    let (policy, rule, kind) = match (&entry.origin, &entry.policy, entry.verdict) {
        (_, _, VerdictCode::NoPolicy) | (None, None, _) => {
            (OWN_POLICY.to_owned(), "no-policy".to_owned(), None)
        }
        (Some(o), _, _) => (
            o.name.clone(),
            o.rule.clone().unwrap_or_else(|| rule_of(entry).to_owned()),
            Some(o.kind.clone()),
        ),
        (None, Some(p), _) => (p.clone(), rule_of(entry).to_owned(), None),
    };
    vec![Decision {
        policy,
        rule,
        kind,
        verdict: entry.verdict,
        outcome: outcome(entry),
        message: message(entry),
        deciding: true,
    }]
}

/// The rule of a policy of our own format, which has none of its own: what was checked.
fn rule_of(entry: &ImageEntry) -> &'static str {
    if entry.attestations.is_empty() {
        "verify-signature"
    } else {
        "verify-attestations"
    }
}

fn signer_text(s: &Signer) -> String {
    match s {
        Signer::Keyless { identity, issuer } => format!("{identity} ({issuer})"),
        Signer::Key { fingerprint } => format!("key {fingerprint}"),
    }
}

fn message(entry: &ImageEntry) -> String {
    line(entry.verdict, &entry.detail)
}

/// `verdict: detail`, or the verdict alone.
fn line(verdict: VerdictCode, detail: &str) -> String {
    if detail.is_empty() {
        verdict.to_string()
    } else {
        format!("{verdict}: {detail}")
    }
}

/// Where a result goes: `None` the cluster report, `Some(ns)` that namespace's.
type Target = Option<String>;

/// The reports of an image report, cluster report first, then namespaces by name. What was
/// not verified (unreadable inputs, a cluster that could not be read) is an `error` result in
/// the cluster report. There is always at least one document (an empty cluster report when
/// nothing was found), so that `kubectl apply -f -` replaces stale results rather than
/// failing on empty input.
pub fn documents(report: &ImagesReport, flavour: Flavour, now: jiff::Timestamp) -> Vec<Document> {
    let timestamp = Timestamp::from(now);
    let mut by_target: BTreeMap<Target, Vec<ReportResult>> = BTreeMap::new();
    for entry in &report.images {
        let mut base = BTreeMap::new();
        base.insert("image".to_owned(), entry.reference.clone());
        if let Some(d) = &entry.digest {
            base.insert("digest".to_owned(), d.clone());
        }
        if let Some(d) = &entry.current_digest {
            base.insert("currentDigest".to_owned(), d.clone());
        }
        let decisions = decisions(entry);
        // Every decision at one place: a result each.
        let results = |resources: Vec<ObjectRef>, extra: &[(&str, String)]| {
            decisions
                .iter()
                .map(|d| {
                    let mut properties = base.clone();
                    properties.insert("verdict".to_owned(), d.verdict.to_string());
                    if let Some(k) = &d.kind {
                        properties.insert("policyKind".to_owned(), k.clone());
                    }
                    if d.deciding
                        && let Some(s) = &entry.signer
                    {
                        properties.insert("signer".to_owned(), signer_text(s));
                    }
                    for (k, v) in extra {
                        properties.insert((*k).to_owned(), v.clone());
                    }
                    ReportResult {
                        source: SOURCE,
                        policy: d.policy.clone(),
                        rule: d.rule.clone(),
                        result: d.outcome,
                        message: d.message.clone(),
                        timestamp,
                        resources: resources.clone(),
                        properties,
                    }
                })
                .collect::<Vec<_>>()
        };
        if entry.sources.is_empty() {
            by_target
                .entry(None)
                .or_default()
                .extend(results(Vec::new(), &[]));
            continue;
        }
        // One result per object (its containers listed together), one per file position.
        let mut objects: BTreeMap<ObjectRef, Vec<String>> = BTreeMap::new();
        for s in &entry.sources {
            match s {
                UseSource::File(f) => by_target.entry(None).or_default().extend(results(
                    Vec::new(),
                    &[("file", format!("{}:{}:{}", f.file, f.line, f.column))],
                )),
                UseSource::Object(o) => {
                    let r = ObjectRef {
                        api_version: o.api_version.clone(),
                        kind: o.kind.clone(),
                        name: o.name.clone(),
                        namespace: o.namespace.clone(),
                        uid: o.uid.clone(),
                    };
                    let containers = objects.entry(r).or_default();
                    if let Some(c) = &o.container
                        && !containers.contains(c)
                    {
                        containers.push(c.clone());
                    }
                }
            }
        }
        for (r, containers) in objects {
            let target = r.namespace.clone();
            let extra: Vec<(&str, String)> = if containers.is_empty() {
                Vec::new()
            } else {
                vec![("container", containers.join(","))]
            };
            by_target
                .entry(target)
                .or_default()
                .extend(results(vec![r], &extra));
        }
    }
    for s in &report.skipped {
        let mut properties = BTreeMap::new();
        let position = match (s.line, s.column) {
            (Some(l), Some(c)) => format!("{}:{l}:{c}", s.file),
            (Some(l), None) => format!("{}:{l}", s.file),
            _ => s.file.clone(),
        };
        properties.insert("file".to_owned(), position);
        properties.insert("reason".to_owned(), s.reason.as_str().to_owned());
        by_target.entry(None).or_default().push(ReportResult {
            source: SOURCE,
            policy: OWN_POLICY.to_owned(),
            rule: "read-input".to_owned(),
            result: Outcome::Error,
            message: format!("{}: {}", s.reason.as_str(), s.detail),
            timestamp,
            resources: Vec::new(),
            properties,
        });
    }
    for e in &report.errors {
        by_target.entry(None).or_default().push(ReportResult {
            source: SOURCE,
            policy: OWN_POLICY.to_owned(),
            rule: "run".to_owned(),
            result: Outcome::Error,
            message: e.message.clone(),
            timestamp,
            resources: Vec::new(),
            properties: BTreeMap::new(),
        });
    }
    if by_target.is_empty() {
        by_target.insert(None, Vec::new());
    }
    by_target
        .into_iter()
        .map(|(target, results)| document(flavour, target, results))
        .collect()
}

fn document(flavour: Flavour, namespace: Target, results: Vec<ReportResult>) -> Document {
    let mut summary = Counts::default();
    for r in &results {
        *match r.result {
            Outcome::Pass => &mut summary.pass,
            Outcome::Fail => &mut summary.fail,
            Outcome::Warn => &mut summary.warn,
            Outcome::Error => &mut summary.error,
            Outcome::Skip => &mut summary.skip,
        } += 1;
    }
    let name = match &namespace {
        Some(ns) => format!("{CLUSTER_REPORT_NAME}-{ns}"),
        None => CLUSTER_REPORT_NAME.to_owned(),
    };
    Document {
        api_version: flavour.api_version(),
        kind: flavour.kind(namespace.is_none()),
        metadata: Metadata {
            name,
            labels: BTreeMap::from([(
                "app.kubernetes.io/managed-by".to_owned(),
                SOURCE.to_owned(),
            )]),
            namespace,
        },
        source: (flavour == Flavour::OpenReports).then_some(SOURCE),
        summary,
        results,
    }
}

/// The documents as multi-document YAML (`---` before each), as `kubectl apply -f -` reads.
pub fn render(
    report: &ImagesReport,
    flavour: Flavour,
    now: jiff::Timestamp,
) -> Result<String, serde_json::Error> {
    let mut out = String::new();
    for d in documents(report, flavour, now) {
        out.push_str("---\n");
        out.push_str(&super::verdict::render_structured(
            &d,
            super::verdict::StructuredFormat::Yaml,
        )?);
    }
    Ok(out)
}

/// Writes the reports to stdout.
pub fn write(report: &ImagesReport, flavour: Flavour) -> std::io::Result<()> {
    let text = render(report, flavour, jiff::Timestamp::now()).map_err(std::io::Error::other)?;
    super::out(&text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::images::{ObjectSource, ObjectStatus, SourceLocation};

    fn entry(verdict: VerdictCode, enforced: bool, sources: Vec<UseSource>) -> ImageEntry {
        ImageEntry {
            reference: "ghcr.io/acme/app:1".to_owned(),
            digest: Some(format!("sha256:{}", "a".repeat(64))),
            verified_by: Vec::new(),
            verdict,
            enforced,
            detail: if verdict == VerdictCode::Verified {
                String::new()
            } else {
                "why".to_owned()
            },
            policy: Some("release".to_owned()),
            origin: None,
            results: Vec::new(),
            signer: None,
            format: None,
            rekor: None,
            attestations: Vec::new(),
            current_digest: None,
            sources,
            cached: false,
        }
    }

    fn pod(ns: &str, name: &str, container: &str) -> UseSource {
        UseSource::Object(ObjectSource {
            context: Some("kind".to_owned()),
            namespace: Some(ns.to_owned()),
            kind: "Pod".to_owned(),
            name: name.to_owned(),
            container: Some(container.to_owned()),
            image_id: None,
            status: ObjectStatus::Running,
            api_version: Some("v1".to_owned()),
            uid: Some(format!("uid-{name}")),
        })
    }

    /// The verdict → result table of the module documentation.
    #[test]
    fn verdicts_map_to_the_crd_results() {
        let table = [
            (VerdictCode::Verified, true, Outcome::Pass),
            (VerdictCode::Unsigned, true, Outcome::Fail),
            (VerdictCode::Unsigned, false, Outcome::Warn),
            (VerdictCode::IdentityMismatch, false, Outcome::Warn),
            (VerdictCode::Unreachable, true, Outcome::Error),
            (VerdictCode::Unreachable, false, Outcome::Error),
            (VerdictCode::RateLimited, true, Outcome::Error),
            (VerdictCode::Unauthorized, true, Outcome::Error),
            (VerdictCode::NotFound, true, Outcome::Error),
            (VerdictCode::NoPolicy, true, Outcome::Skip),
            (VerdictCode::NoPolicy, false, Outcome::Skip),
            (VerdictCode::UnknownDigest, true, Outcome::Fail),
            (VerdictCode::ConditionFailed, true, Outcome::Fail),
            (VerdictCode::Denied, true, Outcome::Fail),
            (VerdictCode::Denied, false, Outcome::Warn),
            (VerdictCode::Unsupported, true, Outcome::Error),
            (VerdictCode::Unsupported, false, Outcome::Error),
        ];
        for (verdict, enforced, want) in table {
            assert_eq!(
                outcome(&entry(verdict, enforced, Vec::new())),
                want,
                "{verdict} enforced={enforced}"
            );
        }
    }

    /// A report per namespace and one cluster report for files and arguments, each result
    /// naming its object; containers of one pod with one image are one result.
    #[test]
    fn one_report_per_namespace_and_a_cluster_report_for_the_rest() {
        let images = vec![
            entry(
                VerdictCode::Verified,
                true,
                vec![
                    pod("web", "a", "app"),
                    pod("web", "a", "sidecar"),
                    pod("db", "b", "app"),
                ],
            ),
            entry(
                VerdictCode::Unsigned,
                true,
                vec![UseSource::File(SourceLocation {
                    file: "deploy.yaml".to_owned(),
                    line: 12,
                    column: 16,
                })],
            ),
            entry(VerdictCode::NoPolicy, true, Vec::new()),
        ];
        let report = ImagesReport::new(images);
        let now = jiff::Timestamp::from_second(1_700_000_000).unwrap();
        let docs = documents(&report, Flavour::WgPolicy, now);
        let names: Vec<(&str, &str)> = docs
            .iter()
            .map(|d| (d.kind, d.metadata.name.as_str()))
            .collect();
        assert_eq!(
            names,
            [
                ("ClusterPolicyReport", "kubectl-verify"),
                ("PolicyReport", "kubectl-verify-db"),
                ("PolicyReport", "kubectl-verify-web"),
            ]
        );
        let cluster = &docs[0];
        assert_eq!((cluster.summary.fail, cluster.summary.skip), (1, 1));
        assert_eq!(cluster.results[0].properties["file"], "deploy.yaml:12:16");
        assert_eq!(cluster.results[0].message, "unsigned: why");
        assert_eq!(cluster.results[1].policy, "kubectl-verify");
        assert_eq!(cluster.results[1].rule, "no-policy");
        let web = &docs[2];
        assert_eq!(web.metadata.namespace.as_deref(), Some("web"));
        assert_eq!(web.results.len(), 1);
        assert_eq!(web.results[0].properties["container"], "app,sidecar");
        assert_eq!(web.results[0].resources[0].uid.as_deref(), Some("uid-a"));
        assert_eq!(web.results[0].policy, "release");
        assert_eq!(web.results[0].rule, "verify-signature");
        assert_eq!(web.results[0].timestamp.seconds, 1_700_000_000);
        assert_eq!(web.summary.pass, 1);

        let open = documents(&report, Flavour::OpenReports, now);
        assert_eq!(open[0].kind, "ClusterReport");
        assert_eq!(open[1].kind, "Report");
        assert_eq!(open[1].source, Some("kubectl-verify"));
    }

    /// Nothing found is still a document, so `kubectl apply -f -` has something to apply.
    #[test]
    fn an_empty_run_is_one_empty_cluster_report() {
        let text = render(
            &ImagesReport::new(Vec::new()),
            Flavour::WgPolicy,
            jiff::Timestamp::UNIX_EPOCH,
        )
        .unwrap();
        assert!(
            text.starts_with(
                "---\napiVersion: wgpolicyk8s.io/v1alpha2\nkind: ClusterPolicyReport\n"
            ),
            "{text}"
        );
        assert!(text.contains("results: []"), "{text}");
    }

    /// With admission policies, one result per (policy, rule) that applied to the image, each
    /// with its own verdict and mode; the signer only on the one that decided the entry.
    #[test]
    fn each_admission_rule_is_a_result_of_its_own() {
        use crate::verify::image::RequirementResult;
        use crate::verify::policy::Origin;
        let origin = |kind: &str, name: &str, rule: Option<&str>| Origin {
            kind: kind.to_owned(),
            name: name.to_owned(),
            namespace: None,
            rule: rule.map(str::to_owned),
        };
        let mut e = entry(VerdictCode::Unsigned, true, vec![pod("web", "a", "app")]);
        e.signer = Some(Signer::Key {
            fingerprint: "ab".to_owned(),
        });
        e.origin = Some(origin(
            "ClusterPolicy",
            "check-image",
            Some("verify-signature"),
        ));
        e.results = vec![
            RequirementResult {
                policy: "ClusterPolicy/check-image".to_owned(),
                origin: Some(origin(
                    "ClusterPolicy",
                    "check-image",
                    Some("verify-signature"),
                )),
                mode: Mode::Enforce,
                verdict: VerdictCode::Unsigned,
                detail: "no signature".to_owned(),
            },
            RequirementResult {
                policy: "ClusterImagePolicy/audit".to_owned(),
                origin: Some(origin("ClusterImagePolicy", "audit", None)),
                mode: Mode::Warn,
                verdict: VerdictCode::Denied,
                detail: "static: fail".to_owned(),
            },
            RequirementResult {
                policy: "ClusterImagePolicy/cue".to_owned(),
                origin: Some(origin("ClusterImagePolicy", "cue", None)),
                mode: Mode::Enforce,
                verdict: VerdictCode::Unsupported,
                detail: "spec.authorities[0].attestations[0].policy: CUE".to_owned(),
            },
        ];
        let report = ImagesReport::new(vec![e]);
        let docs = documents(&report, Flavour::WgPolicy, jiff::Timestamp::UNIX_EPOCH);
        assert_eq!(docs.len(), 1);
        let got: Vec<(&str, &str, Outcome, &str)> = docs[0]
            .results
            .iter()
            .map(|r| {
                (
                    r.policy.as_str(),
                    r.rule.as_str(),
                    r.result,
                    r.message.as_str(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "check-image",
                    "verify-signature",
                    Outcome::Fail,
                    "unsigned: no signature"
                ),
                (
                    "audit",
                    "verify-signature",
                    Outcome::Warn,
                    "denied: static: fail"
                ),
                (
                    "cue",
                    "verify-signature",
                    Outcome::Error,
                    "unsupported: spec.authorities[0].attestations[0].policy: CUE"
                ),
            ]
        );
        let r = &docs[0].results;
        assert_eq!(r[0].properties["policyKind"], "ClusterPolicy");
        assert_eq!(r[0].properties["signer"], "key ab");
        assert!(!r[1].properties.contains_key("signer"));
        assert_eq!(r[2].properties["verdict"], "unsupported");
        let s = docs[0].summary;
        assert_eq!((s.fail, s.warn, s.error), (1, 1, 1));
    }
}
