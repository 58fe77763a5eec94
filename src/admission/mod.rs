//! Policies written for admission controllers, read from `--policy FILE` (and, later, from
//! the cluster): Kyverno `ClusterPolicy`/`Policy`/`ImageValidatingPolicy` and sigstore
//! policy-controller `ClusterImagePolicy`/`TrustRoot`, each translated into the same
//! [`Policy`] our own format gives, so one engine judges them all.
//!
//! Nothing is dropped silently: every field of a document is either evaluated, or refused
//! with an error naming the document, the field path and why (exit 2) — unless
//! `--skip-unsupported`, which turns what cannot be evaluated into a requirement with the
//! verdict `unsupported` for the images it applies to (never a pass). Unknown fields are
//! errors too.
//!
//! Dispatch is on `apiVersion` and `kind`:
//!
//! | apiVersion | kind | reader |
//! |---|---|---|
//! | `policy.sigstore.dev/v1alpha1`, `/v1beta1` | `ClusterImagePolicy`, `TrustRoot` | [`sigstore`] |
//! | `kyverno.io/v1`, `/v2beta1` | `ClusterPolicy`, `Policy` | [`kyverno`] |
//! | `policies.kyverno.io/*` | `ImageValidatingPolicy` | [`kyverno`] |
//!
//! Any other kind of those API groups is an error (a policy we cannot read must not pass for
//! one that was read); any other object (a Namespace, a Secret next to the policy) is skipped
//! with a note at `-v`.

pub mod kyverno;
pub mod sigstore;

use crate::manifest::yaml::{NodeId, Value};
use crate::verify::policy::{Ctx, Origin, Policy, PolicyError, ReadAs, Unsupported};
use crate::verify::scope::{LabelExpression, LabelOperator, LabelSelector};

/// API groups whose documents are policies: a kind of theirs we do not read is an error.
const POLICY_GROUPS: &[&str] = &["policy.sigstore.dev", "kyverno.io", "policies.kyverno.io"];

/// One Kubernetes document of a policy file.
pub struct Doc<'a> {
    pub ctx: &'a Ctx<'a>,
    /// The document's root mapping.
    pub node: NodeId,
    pub api_version: String,
    pub kind: String,
    pub name: String,
    pub namespace: Option<String>,
}

impl<'a> Doc<'a> {
    /// Reads `apiVersion`, `kind` and `metadata` of a document root.
    fn new(ctx: &'a Ctx<'a>, node: NodeId) -> Result<Self, PolicyError> {
        let yaml = ctx.yaml;
        let text = |key: &str| {
            yaml.get(node, key)
                .and_then(|n| yaml.scalar(n).filter(|_| !yaml.is_null(n)))
                .map(|(t, _, _)| t.to_owned())
        };
        let kind = text("kind").unwrap_or_default();
        let api_version = text("apiVersion").unwrap_or_default();
        let meta = yaml.get(node, "metadata");
        let meta_text = |key: &str| {
            meta.and_then(|m| yaml.get(m, key))
                .and_then(|n| yaml.scalar(n).filter(|_| !yaml.is_null(n)))
                .map(|(t, _, _)| t.to_owned())
        };
        let doc = Self {
            ctx,
            node,
            api_version,
            kind,
            name: meta_text("name").unwrap_or_default(),
            namespace: meta_text("namespace"),
        };
        if doc.kind.is_empty() {
            return Err(doc.err(node, "kind", "must be a non-empty string"));
        }
        Ok(doc)
    }

    /// `Kind/name` (`Kind/namespace/name` for namespaced documents), as errors name it.
    pub fn label(&self) -> String {
        match &self.namespace {
            Some(ns) => format!("{}/{ns}/{}", self.kind, self.name),
            None => format!("{}/{}", self.kind, self.name),
        }
    }

    /// The API group of `apiVersion` (`""` for the core group).
    pub fn group(&self) -> &str {
        self.api_version
            .rsplit_once('/')
            .map_or("", |(group, _)| group)
    }

    /// The version of `apiVersion`.
    pub fn version(&self) -> &str {
        self.api_version
            .rsplit_once('/')
            .map_or(self.api_version.as_str(), |(_, v)| v)
    }

    /// Where a requirement read from this document comes from.
    pub fn origin(&self, rule: Option<String>) -> Origin {
        Origin {
            kind: self.kind.clone(),
            name: self.name.clone(),
            namespace: self.namespace.clone(),
            rule,
        }
    }

    /// An error at `node`, naming the document and the field path.
    pub fn err(&self, node: NodeId, field: &str, reason: impl Into<String>) -> PolicyError {
        PolicyError::Field {
            path: self.ctx.path.to_owned(),
            at: self.ctx.at(node),
            document: self.label(),
            field: field.to_owned(),
            reason: reason.into(),
            unsupported: false,
        }
    }

    /// A field we do not evaluate: an error, or with `--skip-unsupported` the reason the
    /// requirement it belongs to becomes `unsupported`.
    pub fn unsupported(
        &self,
        node: NodeId,
        field: &str,
        reason: impl Into<String>,
    ) -> Result<Unsupported, PolicyError> {
        let reason = reason.into();
        if !self.ctx.options.skip_unsupported {
            return Err(PolicyError::Field {
                path: self.ctx.path.to_owned(),
                at: self.ctx.at(node),
                document: self.label(),
                field: field.to_owned(),
                reason: format!("{reason} (--skip-unsupported reports it as `unsupported`)"),
                unsupported: true,
            });
        }
        Ok(Unsupported {
            at: format!("{}:{}", self.ctx.path, self.ctx.at(node)),
            document: self.label(),
            field: field.to_owned(),
            reason,
        })
    }

    /// The value under `key` of the mapping `map`.
    pub fn get(&self, map: NodeId, key: &str) -> Option<NodeId> {
        self.ctx.yaml.get(map, key)
    }

    /// Checks that `node` is a mapping whose keys are all in `known`; an unknown key is an
    /// error at `field.key`.
    pub fn map(&self, node: NodeId, field: &str, known: &[&str]) -> Result<(), PolicyError> {
        let Value::Map(entries) = &self.ctx.yaml.node(node).value else {
            return Err(self.err(node, field, "must be a mapping"));
        };
        for &(k, _) in entries {
            let key = self.ctx.yaml.scalar(k).map_or("", |(t, _, _)| t);
            if !known.contains(&key) {
                return Err(self.err(
                    k,
                    &join(field, key),
                    format!("unknown field (known: {})", known.join(", ")),
                ));
            }
        }
        Ok(())
    }

    /// The keys of a mapping, in order (empty when it is not one).
    pub fn keys(&self, node: NodeId) -> Vec<(String, NodeId, NodeId)> {
        match &self.ctx.yaml.node(node).value {
            Value::Map(entries) => entries
                .iter()
                .map(|&(k, v)| {
                    let key = self.ctx.yaml.scalar(k).map_or("", |(t, _, _)| t);
                    (key.to_owned(), k, v)
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The items of a list (a null value is an empty list, as Kubernetes reads it).
    pub fn seq(&self, node: NodeId, field: &str) -> Result<Vec<NodeId>, PolicyError> {
        match &self.ctx.yaml.node(node).value {
            Value::Seq(items) => Ok(items.to_vec()),
            _ if self.ctx.yaml.is_null(node) => Ok(Vec::new()),
            _ => Err(self.err(node, field, "must be a list")),
        }
    }

    /// A non-empty string.
    pub fn string(&self, node: NodeId, field: &str) -> Result<String, PolicyError> {
        match self.ctx.yaml.scalar(node) {
            Some((text, _, _)) if !self.ctx.yaml.is_null(node) && !text.trim().is_empty() => {
                Ok(text.to_owned())
            }
            _ => Err(self.err(node, field, "must be a non-empty string")),
        }
    }

    /// `map.key` as a non-empty string, if present (and not null).
    pub fn opt_string(
        &self,
        map: NodeId,
        key: &str,
        field: &str,
    ) -> Result<Option<String>, PolicyError> {
        match self.get(map, key) {
            Some(n) if !self.ctx.yaml.is_null(n) => self.string(n, &join(field, key)).map(Some),
            _ => Ok(None),
        }
    }

    /// `true` or `false`.
    pub fn boolean(&self, node: NodeId, field: &str) -> Result<bool, PolicyError> {
        match self.ctx.yaml.scalar(node).map(|(t, _, _)| t) {
            Some("true") => Ok(true),
            Some("false") => Ok(false),
            _ => Err(self.err(node, field, "must be true or false")),
        }
    }
}

/// A Kubernetes label selector (`matchLabels`, `matchExpressions`).
pub fn label_selector(
    doc: &Doc<'_>,
    node: NodeId,
    field: &str,
) -> Result<LabelSelector, PolicyError> {
    doc.map(node, field, &["matchLabels", "matchExpressions"])?;
    let mut out = LabelSelector::default();
    if let Some(labels) = doc.get(node, "matchLabels") {
        let lf = join(field, "matchLabels");
        if !matches!(doc.ctx.yaml.node(labels).value, Value::Map(_))
            && !doc.ctx.yaml.is_null(labels)
        {
            return Err(doc.err(labels, &lf, "must be a mapping"));
        }
        for (key, _, value) in doc.keys(labels) {
            let text = doc
                .ctx
                .yaml
                .scalar(value)
                .filter(|_| !doc.ctx.yaml.is_null(value))
                .map(|(t, _, _)| t.to_owned())
                .ok_or_else(|| doc.err(value, &join(&lf, &key), "must be a string"))?;
            out.match_labels.insert(key, text);
        }
    }
    if let Some(list) = doc.get(node, "matchExpressions") {
        let ef = join(field, "matchExpressions");
        for (i, e) in doc.seq(list, &ef)?.into_iter().enumerate() {
            let f = format!("{ef}[{i}]");
            doc.map(e, &f, &["key", "operator", "values"])?;
            let key = doc
                .opt_string(e, "key", &f)?
                .ok_or_else(|| doc.err(e, &join(&f, "key"), "required"))?;
            let op_node = doc
                .get(e, "operator")
                .ok_or_else(|| doc.err(e, &join(&f, "operator"), "required"))?;
            let operator = match doc.string(op_node, &join(&f, "operator"))?.as_str() {
                "In" => LabelOperator::In,
                "NotIn" => LabelOperator::NotIn,
                "Exists" => LabelOperator::Exists,
                "DoesNotExist" => LabelOperator::DoesNotExist,
                other => {
                    return Err(doc.err(
                        op_node,
                        &join(&f, "operator"),
                        format!("must be In, NotIn, Exists or DoesNotExist, got {other:?}"),
                    ));
                }
            };
            let mut values = Vec::new();
            if let Some(v) = doc.get(e, "values") {
                for (j, item) in doc.seq(v, &join(&f, "values"))?.into_iter().enumerate() {
                    values.push(doc.string(item, &format!("{f}.values[{j}]"))?);
                }
            }
            let needs_values = matches!(operator, LabelOperator::In | LabelOperator::NotIn);
            if needs_values == values.is_empty() {
                return Err(doc.err(
                    e,
                    &join(&f, "values"),
                    if needs_values {
                        "In and NotIn need values"
                    } else {
                        "Exists and DoesNotExist take no values"
                    },
                ));
            }
            out.match_expressions.push(LabelExpression {
                key,
                operator,
                values,
            });
        }
    }
    Ok(out)
}

/// `a.b` (or `b` when `a` is empty).
pub fn join(field: &str, key: &str) -> String {
    if field.is_empty() {
        key.to_owned()
    } else {
        format!("{field}.{key}")
    }
}

/// How a document of `apiVersion` and `kind` is read.
pub fn read_as(api_version: &str, kind: &str) -> ReadAs {
    let group = api_version.rsplit_once('/').map_or("", |(g, _)| g);
    match (group, kind) {
        ("policy.sigstore.dev", "TrustRoot") => ReadAs::TrustRoot,
        // Kinds of the policy groups that are not read are errors when read (never skipped).
        (g, _) if POLICY_GROUPS.contains(&g) => ReadAs::Policy,
        _ => ReadAs::Skipped,
    }
}

/// Reads the Kubernetes documents of one policy file into policies. Documents that refer to
/// each other (a `ClusterImagePolicy`'s `trustRootRef` to a `TrustRoot`) are resolved within
/// the file.
pub fn read(ctx: &Ctx<'_>, roots: &[NodeId]) -> Result<Vec<Policy>, PolicyError> {
    let mut sigstore_docs = Vec::new();
    let mut out = Vec::new();
    for &root in roots {
        let doc = Doc::new(ctx, root)?;
        match (doc.group(), doc.kind.as_str()) {
            ("policy.sigstore.dev", "ClusterImagePolicy" | "TrustRoot") => {
                sigstore_docs.push(doc);
            }
            ("kyverno.io", "ClusterPolicy" | "Policy")
            | ("policies.kyverno.io", "ImageValidatingPolicy") => {
                out.extend(kyverno::read_document(&doc)?);
            }
            (group, _) if POLICY_GROUPS.contains(&group) => {
                return Err(doc.err(
                    root,
                    "kind",
                    format!(
                        "{} of {} is not a policy kubectl-verify reads (it reads \
                         ClusterImagePolicy, TrustRoot, ClusterPolicy, Policy and \
                         ImageValidatingPolicy)",
                        doc.kind, doc.api_version
                    ),
                ));
            }
            _ => crate::report::log(1, || {
                format!(
                    "{}:{}: skipping {} {} (not a policy)",
                    ctx.path,
                    ctx.at(root),
                    doc.api_version,
                    doc.label()
                )
            }),
        }
    }
    out.extend(sigstore::read(&sigstore_docs)?);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::verify::policy::{PolicyError, ReadOptions, parse, parse_with};

    /// Other objects next to policies are skipped; kinds of the policy API groups that are
    /// not read are errors naming the document and field, never ignored.
    #[test]
    fn dispatch_on_api_version_and_kind() {
        let ns = "apiVersion: v1\nkind: Namespace\nmetadata: {name: x}\n---\n";
        let own = "policies:\n- images: [a]\n  authorities:\n  - keyless: {identities: [{subject: x, issuer: y}]}\n";
        let p = parse(&format!("{ns}{own}"), "p.yaml", Path::new(".")).unwrap();
        assert_eq!(p.len(), 1);
        let table: &[(&str, &str)] = &[
            (
                "apiVersion: kyverno.io/v2alpha1\nkind: CleanupPolicy\nmetadata: {name: c}\n",
                "p.yaml:5:1: CleanupPolicy/c: kind: CleanupPolicy of kyverno.io/v2alpha1 is not a policy",
            ),
            (
                "apiVersion: kyverno.io/v1\nkind: Policy\nmetadata: {name: k, namespace: n}\n",
                "p.yaml:5:1: Policy/n/k: spec: is required",
            ),
            ("apiVersion: v1\nkind: ''\n", "p.yaml:5:1: /: kind: must be"),
        ];
        for (doc, want) in table {
            let e = parse(&format!("{ns}{doc}"), "p.yaml", Path::new("."))
                .unwrap_err()
                .to_string();
            assert!(e.starts_with(want), "{doc}: {e}");
        }
    }

    /// `--skip-unsupported` turns an unsupported field into a reason, else it is an error
    /// saying the flag exists.
    #[test]
    fn unsupported_fields_are_errors_or_reasons() {
        let text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\ndata: {policy: x}\n";
        for skip in [false, true] {
            let options = ReadOptions {
                skip_unsupported: skip,
                ..ReadOptions::default()
            };
            let yaml = crate::manifest::yaml::Yaml::parse(text).unwrap();
            let ctx = crate::verify::policy::Ctx {
                yaml: &yaml,
                path: "p.yaml",
                base: Path::new("."),
                options: &options,
            };
            let doc = super::Doc::new(&ctx, yaml.documents[0]).unwrap();
            let data = doc.get(doc.node, "data").unwrap();
            let policy = doc.get(data, "policy").unwrap();
            let got = doc.unsupported(policy, "data.policy", "CUE is not evaluated");
            if skip {
                assert_eq!(
                    got.unwrap().to_string(),
                    "ConfigMap/cm: data.policy: CUE is not evaluated (p.yaml:4:16)"
                );
            } else {
                let e = got.unwrap_err();
                assert!(matches!(
                    e,
                    PolicyError::Field {
                        unsupported: true,
                        ..
                    }
                ));
                assert_eq!(
                    e.to_string(),
                    "p.yaml:4:16: ConfigMap/cm: data.policy: CUE is not evaluated \
                     (--skip-unsupported reports it as `unsupported`)"
                );
            }
        }
        // A file of nothing but other objects is not a policy file.
        let e = parse_with(text, "p.yaml", Path::new("."), &ReadOptions::default()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "p.yaml:1:1: no policy in this file: every document is another kind of object (ConfigMap)"
        );
    }
}
