//! `kubectl verify policy explain`: how each document of a policy file was understood, so a
//! translation can be checked before it is trusted.
//!
//! Machine schema (`-o json|yaml`), `apiVersion: kubectl-verify/v1`,
//! `kind: PolicyExplanation`, `schemaVersion: 1`:
//!
//! ```text
//! documents[]:
//!   file, line             where the document starts
//!   apiVersion, kind       as written (kind null for a `policies:` list of our own format)
//!   name, namespace        metadata (null when absent)
//!   readAs                 policies | policy | trust-root | skipped
//!   policies[]:            what it was read into (one per policy of our own format, per
//!                          ClusterImagePolicy, per Kyverno rule):
//!     name                 the name reports give it (`policy` in image reports)
//!     rule                 the rule, for Kyverno policies
//!     images[], skip[]     globs the policy covers, and those it skips
//!     scope[]              where it applies (`every use`, or match/exclude filters)
//!     mode                 enforce | warn
//!     count                how many authorities must be satisfied
//!     static               pass | fail when the policy decides without signatures
//!     message              what the policy says with its failures (static.message, …)
//!     unsupported          {field, reason, at} when the policy cannot be evaluated
//!                          (`--skip-unsupported`): it fails every image it applies to
//!     authorities[]:       {name, kind (keyless | key), identities[] {subject, issuer}
//!                          (regexps as /…/, anchored), key {algorithm, fingerprint},
//!                          trustRoot, transparencyLog (required | not-required),
//!                          sct (required | not-required), signatureRepository,
//!                          attestations[] {name, predicateType, conditions[]}, notes[]}
//! ```

use std::fmt::Write as _;

use serde::Serialize;

use super::verdict::{API_VERSION, StructuredFormat, write_structured};
use crate::verify::KeylessIdentity;
use crate::verify::policy::{DocumentInfo, Mode, Policy, ReadAs, StaticAction};
use crate::verify::scope::{LabelOperator, LabelSelector, ResourceFilter, Scope};
use crate::verify::sigstore::Authority;

/// The schema version of [`PolicyExplanation`].
pub const POLICY_EXPLANATION_SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PolicyExplanation {
    pub api_version: &'static str,
    pub kind: &'static str,
    pub schema_version: u32,
    pub documents: Vec<DocumentExplanation>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DocumentExplanation {
    pub file: String,
    pub line: usize,
    pub api_version: Option<String>,
    pub kind: Option<String>,
    pub name: Option<String>,
    pub namespace: Option<String>,
    pub read_as: ReadAs,
    pub policies: Vec<PolicyExplained>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PolicyExplained {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    pub images: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub skip: Vec<String>,
    pub scope: Vec<String>,
    pub mode: Mode,
    pub count: usize,
    #[serde(rename = "static", skip_serializing_if = "Option::is_none")]
    pub static_action: Option<StaticAction>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unsupported: Option<UnsupportedExplained>,
    pub authorities: Vec<AuthorityExplained>,
}

#[derive(Debug, Serialize)]
pub struct UnsupportedExplained {
    pub field: String,
    pub reason: String,
    pub at: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AuthorityExplained {
    pub name: String,
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub identities: Vec<IdentityExplained>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<KeyExplained>,
    pub trust_root: String,
    pub transparency_log: &'static str,
    pub sct: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signature_repository: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub attestations: Vec<AttestationExplained>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct IdentityExplained {
    pub subject: String,
    pub issuer: String,
}

#[derive(Debug, Serialize)]
pub struct KeyExplained {
    pub algorithm: String,
    pub fingerprint: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AttestationExplained {
    pub name: String,
    pub predicate_type: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<String>,
}

/// The trust root an authority uses when it names none.
const RUN_TRUST_ROOT: &str = "the run's (--trusted-root, `trust update`'s, or the embedded one)";

impl PolicyExplanation {
    /// The explanation of files, each with its documents and the policies read from it.
    pub fn new(files: Vec<(String, Vec<DocumentInfo>, Vec<Policy>)>) -> Self {
        let mut documents = Vec::new();
        for (file, docs, policies) in files {
            let mut policies: Vec<Option<Policy>> = policies.into_iter().map(Some).collect();
            for d in docs {
                // Our own format's policies have no origin; an admission document's carry
                // its kind, name and namespace.
                let mine: Vec<Policy> = policies
                    .iter_mut()
                    .filter(|p| {
                        p.as_ref().is_some_and(|p| match &p.requirement.origin {
                            None => d.read_as == ReadAs::Policies,
                            Some(o) => {
                                d.kind.as_deref() == Some(o.kind.as_str())
                                    && d.name.as_deref() == Some(o.name.as_str())
                                    && d.namespace == o.namespace
                            }
                        })
                    })
                    .filter_map(Option::take)
                    .collect();
                documents.push(DocumentExplanation {
                    file: file.clone(),
                    line: d.at.line,
                    api_version: d.api_version,
                    kind: d.kind,
                    name: d.name,
                    namespace: d.namespace,
                    read_as: d.read_as,
                    policies: mine.iter().map(explain_policy).collect(),
                });
            }
        }
        Self {
            api_version: API_VERSION,
            kind: "PolicyExplanation",
            schema_version: POLICY_EXPLANATION_SCHEMA_VERSION,
            documents,
        }
    }

    pub fn write(&self, format: Option<StructuredFormat>) -> std::io::Result<()> {
        match format {
            Some(f) => write_structured(self, f),
            None => super::out(&self.render_table()),
        }
    }

    /// The text for people.
    pub fn render_table(&self) -> String {
        let mut out = String::new();
        for (i, d) in self.documents.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            let what = match (&d.kind, &d.name) {
                (None, _) => "policies (kubectl-verify format)".to_owned(),
                (Some(k), Some(n)) => match &d.namespace {
                    Some(ns) => format!("{k}/{ns}/{n}"),
                    None => format!("{k}/{n}"),
                },
                (Some(k), None) => k.clone(),
            };
            let version = d
                .api_version
                .as_deref()
                .map(|v| format!(" ({v})"))
                .unwrap_or_default();
            let read = match d.read_as {
                ReadAs::Policies | ReadAs::Policy => String::new(),
                ReadAs::TrustRoot => ": trust root, used by the policies that name it".to_owned(),
                ReadAs::Skipped => ": skipped (not a policy)".to_owned(),
            };
            let _ = writeln!(out, "{}:{} {what}{version}{read}", d.file, d.line);
            for p in &d.policies {
                render_policy(&mut out, p);
            }
        }
        out
    }
}

fn render_policy(out: &mut String, p: &PolicyExplained) {
    let rule = p
        .rule
        .as_deref()
        .map(|r| format!(" rule {r}"))
        .unwrap_or_default();
    let _ = writeln!(out, "  policy {}{rule}", p.name);
    let row = |out: &mut String, label: &str, value: &str| {
        let _ = writeln!(out, "    {label:<13}{value}");
    };
    row(out, "images", &p.images.join(", "));
    if !p.skip.is_empty() {
        row(out, "skips", &p.skip.join(", "));
    }
    row(out, "applies to", &p.scope.join("; "));
    row(
        out,
        "mode",
        match p.mode {
            Mode::Enforce => "enforce (a failure fails the run)",
            Mode::Warn => "warn (failures are reported; the run does not fail)",
        },
    );
    if let Some(m) = &p.message {
        row(out, "message", m);
    }
    if let Some(u) = &p.unsupported {
        row(
            out,
            "UNSUPPORTED",
            &format!(
                "{}: {} ({}): every image it applies to fails as `unsupported`",
                u.field, u.reason, u.at
            ),
        );
    }
    match p.static_action {
        Some(StaticAction::Pass) => row(out, "static", "pass: every image it covers passes"),
        Some(StaticAction::Fail) => row(out, "static", "fail: every image it covers is denied"),
        None => {}
    }
    if p.static_action.is_none() || !p.authorities.is_empty() {
        let n = p.authorities.len();
        row(
            out,
            "satisfied by",
            &format!(
                "{} of {n} authorit{}{}",
                p.count,
                if n == 1 { "y" } else { "ies" },
                if p.count > 1 {
                    ", each by a different signature"
                } else {
                    ""
                }
            ),
        );
    }
    for a in &p.authorities {
        let who = match a.kind {
            "keyless" => a
                .identities
                .iter()
                .map(|i| format!("{} (issuer {})", i.subject, i.issuer))
                .collect::<Vec<_>>()
                .join(" or "),
            "key" => a
                .key
                .as_ref()
                .map(|k| format!("{} {}", k.algorithm, k.fingerprint))
                .unwrap_or_default(),
            _ => "(not read)".to_owned(),
        };
        let _ = writeln!(out, "    - {} {}: {who}", a.name, a.kind);
        for att in &a.attestations {
            let conditions = if att.conditions.is_empty() {
                String::new()
            } else {
                format!(" where {}", att.conditions.join(" and "))
            };
            let _ = writeln!(
                out,
                "        attestation {} ({}){conditions}",
                att.name, att.predicate_type
            );
        }
        let mut facts = vec![
            format!("trust root {}", a.trust_root),
            format!("transparency log {}", a.transparency_log),
        ];
        if a.kind == "keyless" {
            facts.push(format!("SCT {}", a.sct));
        }
        if let Some(r) = &a.signature_repository {
            facts.push(format!("signatures in {r}"));
        }
        let _ = writeln!(out, "        {}", facts.join("; "));
        for n in &a.notes {
            let _ = writeln!(out, "        note: {n}");
        }
    }
}

fn explain_policy(p: &Policy) -> PolicyExplained {
    let r = &p.requirement;
    PolicyExplained {
        name: r.name.clone(),
        rule: r.origin.as_ref().and_then(|o| o.rule.clone()),
        images: p.globs.iter().map(|g| g.as_str().to_owned()).collect(),
        skip: p.skip.iter().map(|g| g.as_str().to_owned()).collect(),
        scope: describe_scope(&p.scope),
        mode: r.mode,
        count: r.count,
        static_action: r.static_action,
        message: r.message.clone(),
        unsupported: r.unsupported.as_ref().map(|u| UnsupportedExplained {
            field: u.field.clone(),
            reason: u.reason.clone(),
            at: u.at.clone(),
        }),
        authorities: r
            .authorities
            .iter()
            .map(|a| {
                let o = &a.options;
                let (kind, identities, key) = match &a.authority {
                    Authority::Keyless(ids) if ids.is_empty() => ("none", Vec::new(), None),
                    Authority::Keyless(ids) => {
                        ("keyless", ids.iter().map(identity).collect(), None)
                    }
                    Authority::Key(k) => (
                        "key",
                        Vec::new(),
                        Some(KeyExplained {
                            algorithm: k.algorithm().to_owned(),
                            fingerprint: k.fingerprint().to_owned(),
                        }),
                    ),
                };
                AuthorityExplained {
                    name: a.name.clone(),
                    kind,
                    identities,
                    key,
                    trust_root: o.trust.as_ref().map_or_else(
                        || RUN_TRUST_ROOT.to_owned(),
                        |(n, _)| format!("TrustRoot/{n}"),
                    ),
                    transparency_log: if o.ignore_tlog {
                        "not-required"
                    } else {
                        "required"
                    },
                    sct: if o.ignore_sct {
                        "not-required"
                    } else {
                        "required"
                    },
                    signature_repository: o
                        .signature_repository
                        .as_ref()
                        .map(crate::reference::ImageRef::canonical_repository),
                    attestations: a
                        .attestations
                        .iter()
                        .map(|t| AttestationExplained {
                            name: t.name.clone(),
                            predicate_type: t.predicate_type.clone(),
                            conditions: t
                                .conditions
                                .iter()
                                .map(|c| c.as_str().to_owned())
                                .collect(),
                        })
                        .collect(),
                    notes: o.notes.clone(),
                }
            })
            .collect(),
    }
}

fn identity(i: &KeylessIdentity) -> IdentityExplained {
    IdentityExplained {
        subject: i.subject.to_string(),
        issuer: i.issuer.to_string(),
    }
}

/// `every use`, or the match/exclude filters in words.
pub fn describe_scope(s: &Scope) -> Vec<String> {
    if s.is_everything() {
        return vec!["every use".to_owned()];
    }
    let list = |filters: &[ResourceFilter], joiner: &str| {
        filters
            .iter()
            .map(describe_filter)
            .collect::<Vec<_>>()
            .join(joiner)
    };
    let mut out = Vec::new();
    if !s.any.is_empty() {
        out.push(format!("match {}", list(&s.any, " or ")));
    }
    if !s.all.is_empty() {
        out.push(format!("match all of {}", list(&s.all, " and ")));
    }
    if !s.exclude_any.is_empty() {
        out.push(format!("except {}", list(&s.exclude_any, " or ")));
    }
    if !s.exclude_all.is_empty() {
        out.push(format!("except all of {}", list(&s.exclude_all, " and ")));
    }
    out
}

fn describe_filter(f: &ResourceFilter) -> String {
    let mut parts = Vec::new();
    if !f.kinds.is_empty() {
        parts.push(format!("kinds {}", f.kinds.join(",")));
    }
    if !f.resources.is_empty() {
        let r: Vec<String> = f
            .resources
            .iter()
            .map(|r| {
                let group = if r.group.is_empty() { "core" } else { &r.group };
                format!("{group}/{}/{}", r.version, r.resource)
            })
            .collect();
        parts.push(format!("resources {}", r.join(",")));
    }
    if !f.names.is_empty() {
        parts.push(format!("names {}", f.names.join(",")));
    }
    if !f.namespaces.is_empty() {
        parts.push(format!("namespaces {}", f.namespaces.join(",")));
    }
    if let Some(sel) = &f.selector {
        parts.push(format!("labels {}", describe_selector(sel)));
    }
    if let Some(sel) = &f.namespace_selector {
        parts.push(format!("namespace labels {}", describe_selector(sel)));
    }
    if parts.is_empty() {
        "anything".to_owned()
    } else {
        format!("({})", parts.join(", "))
    }
}

fn describe_selector(s: &LabelSelector) -> String {
    let mut parts: Vec<String> = s
        .match_labels
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    for e in &s.match_expressions {
        parts.push(match e.operator {
            LabelOperator::In => format!("{} in ({})", e.key, e.values.join(",")),
            LabelOperator::NotIn => format!("{} notin ({})", e.key, e.values.join(",")),
            LabelOperator::Exists => e.key.clone(),
            LabelOperator::DoesNotExist => format!("!{}", e.key),
        });
    }
    if parts.is_empty() {
        "(any)".to_owned()
    } else {
        parts.join(",")
    }
}
