//! Which uses of an image a policy applies to, beyond its image globs: the `match`/`exclude`
//! of admission policies (Kyverno `match`/`exclude`, policy-controller `match`) over the
//! object that uses the image — its kind, name, namespace, and labels.
//!
//! # The rule for what a use does not know
//!
//! A command-line argument has no object, a manifest file gives no namespace labels (and
//! often no namespace), a cluster read may not have read the namespace's labels. A filter
//! that looks at something the use does not know cannot be decided; such a filter is taken as
//! *matching* in `match` and as *not excluding* in `exclude`: what is unknown never makes a
//! policy apply less (fail closed). So `kubectl verify image X` is checked against every
//! policy whose globs match X, whatever its `match` says about kinds or namespaces.
//!
//! # Kinds (autogen)
//!
//! As Kyverno's auto-generated rules (and policy-controller, which admits pod controllers
//! through the pod template) do, a filter naming `Pod` also matches the pod templates of
//! Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job and CronJob.
//! Kinds may be written `Pod`, `v1/Pod` or `apps/v1/Deployment` (the last component is
//! compared) or `*`.

use std::collections::BTreeMap;

/// The object a use belongs to, as far as it is known.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Subject {
    /// `Pod`, `Deployment`, …; `None` for a command-line argument.
    pub kind: Option<String>,
    /// `v1`, `apps/v1`, …, when known.
    pub api_version: Option<String>,
    pub name: Option<String>,
    /// `None` when not known (a manifest without `metadata.namespace`, an argument) or
    /// cluster-scoped.
    pub namespace: Option<String>,
    /// `metadata.labels`; `None` when there is no object.
    pub labels: Option<BTreeMap<String, String>>,
    /// The labels of the object's namespace; `None` when not read.
    pub namespace_labels: Option<BTreeMap<String, String>>,
}

/// Pod controllers whose pod templates a `Pod` filter also matches: the kinds whose pod
/// templates the workload reader finds images in.
pub use crate::workload::POD_CONTROLLERS;

/// A Kubernetes label selector (`matchLabels` and `matchExpressions`, ANDed).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LabelSelector {
    pub match_labels: BTreeMap<String, String>,
    pub match_expressions: Vec<LabelExpression>,
}

/// One `matchExpressions` entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelExpression {
    pub key: String,
    pub operator: LabelOperator,
    pub values: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelOperator {
    In,
    NotIn,
    Exists,
    DoesNotExist,
}

impl LabelSelector {
    /// Whether `labels` satisfy the selector (an empty selector matches everything).
    pub fn matches(&self, labels: &BTreeMap<String, String>) -> bool {
        self.match_labels
            .iter()
            .all(|(k, v)| labels.get(k) == Some(v))
            && self.match_expressions.iter().all(|e| {
                let v = labels.get(&e.key);
                match e.operator {
                    LabelOperator::In => v.is_some_and(|v| e.values.contains(v)),
                    LabelOperator::NotIn => v.is_none_or(|v| !e.values.contains(v)),
                    LabelOperator::Exists => v.is_some(),
                    LabelOperator::DoesNotExist => v.is_none(),
                }
            })
    }

    pub fn is_empty(&self) -> bool {
        self.match_labels.is_empty() && self.match_expressions.is_empty()
    }
}

/// One resource filter: every field given must match (empty lists match anything). Names and
/// namespaces take `*` and `?` wildcards, as Kyverno's do.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ResourceFilter {
    pub kinds: Vec<String>,
    pub names: Vec<String>,
    pub namespaces: Vec<String>,
    pub selector: Option<LabelSelector>,
    pub namespace_selector: Option<LabelSelector>,
    /// policy-controller `match`: the object's resource, exactly (no autogen: `pods` is not
    /// a Deployment's template), any one of these.
    pub resources: Vec<GroupVersionResource>,
}

/// A resource as policy-controller's `match` names it: `resource` is compared with the
/// plural Kubernetes guesses from the object's kind (`Deployment` → `deployments`), `group`
/// exactly (empty for the core group), `version` exactly or `*`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GroupVersionResource {
    pub group: String,
    pub version: String,
    pub resource: String,
}

impl GroupVersionResource {
    /// Whether an object of `api_version` and `kind` is this resource.
    pub fn matches(&self, api_version: &str, kind: &str) -> bool {
        let (group, version) = api_version.rsplit_once('/').unwrap_or(("", api_version));
        self.group == group
            && (self.version == "*" || self.version == version)
            && self.resource == guess_resource(kind)
    }
}

/// The resource name Kubernetes guesses from a kind (apimachinery's
/// `UnsafeGuessKindToResource`, which policy-controller matches with): lower case, then `s`,
/// `es` after an `s`, `ies` for a final `y`; `…endpoints` unchanged.
pub fn guess_resource(kind: &str) -> String {
    let singular = kind.to_lowercase();
    if singular.is_empty() || singular.ends_with("endpoints") {
        return singular;
    }
    if singular.ends_with('s') {
        format!("{singular}es")
    } else if let Some(stem) = singular.strip_suffix('y') {
        format!("{stem}ies")
    } else {
        format!("{singular}s")
    }
}

impl ResourceFilter {
    /// `Some(matches)`, or `None` when the subject lacks something the filter looks at.
    pub fn test(&self, s: &Subject) -> Option<bool> {
        let results = [
            (!self.kinds.is_empty())
                .then(|| s.kind.as_deref().map(|k| kind_matches(&self.kinds, k))),
            (!self.names.is_empty())
                .then(|| s.name.as_deref().map(|n| any_wildcard(&self.names, n))),
            (!self.namespaces.is_empty()).then(|| {
                s.namespace
                    .as_deref()
                    .map(|n| any_wildcard(&self.namespaces, n))
            }),
            self.selector
                .as_ref()
                .map(|sel| s.labels.as_ref().map(|l| sel.matches(l))),
            self.namespace_selector
                .as_ref()
                .map(|sel| s.namespace_labels.as_ref().map(|l| sel.matches(l))),
            (!self.resources.is_empty()).then(|| {
                let (Some(v), Some(k)) = (&s.api_version, &s.kind) else {
                    return None;
                };
                Some(self.resources.iter().any(|r| r.matches(v, k)))
            }),
        ];
        let mut unknown = false;
        for r in results.into_iter().flatten() {
            match r {
                Some(false) => return Some(false),
                Some(true) => {}
                None => unknown = true,
            }
        }
        if unknown { None } else { Some(true) }
    }
}

/// Where a policy applies: `match` (any of `any`, and all of `all`) minus `exclude` (any of
/// `exclude_any`, or all of a non-empty `exclude_all`). The default applies everywhere.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scope {
    pub any: Vec<ResourceFilter>,
    pub all: Vec<ResourceFilter>,
    pub exclude_any: Vec<ResourceFilter>,
    pub exclude_all: Vec<ResourceFilter>,
}

impl Scope {
    /// Applies everywhere.
    pub fn is_everything(&self) -> bool {
        self == &Self::default()
    }

    /// Whether the policy applies to a use by `s` (unknowns as the module doc says).
    pub fn applies(&self, s: &Subject) -> bool {
        // Unknown → true in match, unknown → false ("not excluded") in exclude.
        let matched = (self.any.is_empty() || self.any.iter().any(|f| f.test(s) != Some(false)))
            && self.all.iter().all(|f| f.test(s) != Some(false));
        let excluded = self.exclude_any.iter().any(|f| f.test(s) == Some(true))
            || (!self.exclude_all.is_empty()
                && self.exclude_all.iter().all(|f| f.test(s) == Some(true)));
        matched && !excluded
    }
}

/// Whether `kind` is one of `kinds` (autogen: a filter covering `Pod` covers the pod
/// controllers). As Kyverno's `CheckKind`: wildcards (`*`, `?`), case-sensitive — a
/// case-insensitive match would make an `exclude` take out more than Kyverno does.
fn kind_matches(kinds: &[String], kind: &str) -> bool {
    kinds.iter().any(|k| {
        let k = k.rsplit('/').next().unwrap_or(k);
        wildcard(k, kind) || (wildcard(k, "Pod") && POD_CONTROLLERS.contains(&kind))
    })
}

fn any_wildcard(patterns: &[String], value: &str) -> bool {
    patterns.iter().any(|p| wildcard(p, value))
}

/// `*` (any run) and `?` (one character) wildcards over the whole value.
pub fn wildcard(pattern: &str, value: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let v: Vec<char> = value.chars().collect();
    // Iterative matching with backtracking to the last `*`: linear-ish, no recursion.
    let (mut i, mut j) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while j < v.len() {
        if i < p.len() && (p[i] == '?' || p[i] == v[j]) {
            i += 1;
            j += 1;
        } else if i < p.len() && p[i] == '*' {
            star = Some((i, j));
            i += 1;
        } else if let Some((si, sj)) = star {
            i = si + 1;
            j = sj + 1;
            star = Some((si, sj + 1));
        } else {
            return false;
        }
    }
    p[i..].iter().all(|&c| c == '*')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn wildcards() {
        for (p, v, want) in [
            ("*", "", true),
            ("kube-*", "kube-system", true),
            ("kube-*", "default", false),
            ("a?c", "abc", true),
            ("a?c", "abbc", false),
            ("*-prod-*", "eu-prod-1", true),
        ] {
            assert_eq!(wildcard(p, v), want, "{p} {v}");
        }
    }

    /// Kinds match as Kyverno's (`wildcard.Match` per component, case-sensitive): `*Set`
    /// covers a StatefulSet (else the policy did not apply to it), and an exclude of
    /// `deployment` (which Kyverno does not read as `Deployment`) does not take Deployments out.
    #[test]
    fn kinds_match_as_kyverno_wildcards() {
        let subject = |kind: &str| Subject {
            kind: Some(kind.into()),
            namespace: Some("default".into()),
            labels: Some(BTreeMap::new()),
            ..Default::default()
        };
        let filter = |k: &str| ResourceFilter {
            kinds: vec![k.into()],
            ..Default::default()
        };
        let only = |k: &str| Scope {
            any: vec![filter(k)],
            ..Default::default()
        };
        assert!(only("*Set").applies(&subject("StatefulSet")));
        assert!(only("apps/v1/*Set").applies(&subject("DaemonSet")));
        assert!(!only("*Set").applies(&subject("Deployment")));
        assert!(only("P?d").applies(&subject("Deployment")), "autogen");
        let excluding = Scope {
            exclude_any: vec![filter("deployment")],
            ..Default::default()
        };
        assert!(excluding.applies(&subject("Deployment")));
        assert!(!excluding.applies(&subject("deployment")));
    }

    /// Unknown facts never make a policy apply less: an argument (no object) is in every
    /// `match` and in no `exclude`.
    #[test]
    fn scope_table() {
        let pods = ResourceFilter {
            kinds: vec!["Pod".into()],
            ..Default::default()
        };
        let kube_system = ResourceFilter {
            namespaces: vec!["kube-*".into()],
            ..Default::default()
        };
        let team_a = ResourceFilter {
            selector: Some(LabelSelector {
                match_labels: labels(&[("team", "a")]),
                ..Default::default()
            }),
            ..Default::default()
        };
        let scope = Scope {
            any: vec![pods.clone()],
            exclude_any: vec![kube_system],
            ..Default::default()
        };
        let deploy = Subject {
            kind: Some("Deployment".into()),
            namespace: Some("default".into()),
            labels: Some(BTreeMap::new()),
            ..Default::default()
        };
        assert!(scope.applies(&deploy));
        let in_kube = Subject {
            namespace: Some("kube-system".into()),
            ..deploy.clone()
        };
        assert!(!scope.applies(&in_kube));
        let svc = Subject {
            kind: Some("Service".into()),
            ..deploy.clone()
        };
        assert!(!scope.applies(&svc));
        assert!(scope.applies(&Subject::default()));
        let by_label = Scope {
            any: vec![team_a.clone()],
            ..Default::default()
        };
        assert!(!by_label.applies(&deploy));
        let labelled = Subject {
            labels: Some(labels(&[("team", "a")])),
            ..deploy.clone()
        };
        assert!(by_label.applies(&labelled));
        let excl = Scope {
            exclude_any: vec![team_a],
            ..Default::default()
        };
        assert!(excl.applies(&Subject::default()));
        assert!(!excl.applies(&labelled));
        let expr = LabelSelector {
            match_expressions: vec![LabelExpression {
                key: "env".into(),
                operator: LabelOperator::NotIn,
                values: vec!["dev".into()],
            }],
            ..Default::default()
        };
        assert!(expr.matches(&labels(&[])));
        assert!(!expr.matches(&labels(&[("env", "dev")])));
        assert!(kind_matches(&["apps/v1/Deployment".into()], "Deployment"));
        let pods = GroupVersionResource {
            group: String::new(),
            version: "*".into(),
            resource: "pods".into(),
        };
        assert!(pods.matches("v1", "Pod"));
        assert!(!pods.matches("apps/v1", "Deployment"));
        for (kind, resource) in [
            ("Deployment", "deployments"),
            ("Ingress", "ingresses"),
            ("NetworkPolicy", "networkpolicies"),
            ("Endpoints", "endpoints"),
        ] {
            assert_eq!(guess_resource(kind), resource);
        }
        assert!(!kind_matches(&["Deployment".into()], "Pod"));
    }
}
