//! Where images live in Kubernetes objects: THE single list every command uses (the manifest
//! reader, the cluster reader and the pinner). If Kubernetes grows a new image field, it is added
//! here and nowhere else.
//!
//! Images are found by structure, never by "any key named image". A PodSpec holds images at:
//!
//! | field                              | path inside the PodSpec           |
//! |------------------------------------|-----------------------------------|
//! | containers                         | `containers[].image`              |
//! | init containers                    | `initContainers[].image`          |
//! | ephemeral containers               | `ephemeralContainers[].image`     |
//! | image volumes (KEP-4639)           | `volumes[].image.reference`       |
//!
//! and a PodSpec sits, per kind, at:
//!
//! | kind                                                                     | PodSpec path                          |
//! |--------------------------------------------------------------------------|---------------------------------------|
//! | Pod                                                                      | `spec`                                |
//! | PodTemplate                                                              | `template.spec`                       |
//! | Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job | `spec.template.spec`                |
//! | CronJob                                                                  | `spec.jobTemplate.spec.template.spec` |
//! | List (and `…List` kinds)                                                 | each of `items[]`, recursively        |
//! | any other kind (Argo Rollout, Knative Service, …)                        | `spec.template.spec`, when it holds a `containers` or `initContainers` list |
//!
//! Everything else is not an image: ConfigMap data, annotations, block-scalar scripts, Kyverno
//! patterns (their PodSpecs sit under `spec.rules[]`), Helm-values `image: {repository, tag}`
//! maps (no `kind`, and a map is never an image) and CRD schemas.
//!
//! The walk is generic over [`Tree`], so the manifest reader's YAML tree (with byte spans) and
//! `serde_json::Value` from the Kubernetes API share it.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;

/// A read-only view of a YAML/JSON node: just what the walk needs.
pub trait Tree<'a>: Copy + 'a {
    /// The value under `key` when this is a mapping (merge keys honoured where the format has
    /// them).
    fn get(self, key: &str) -> Option<Self>;
    /// The items when this is a sequence; empty otherwise.
    fn items(self) -> Vec<Self>;
    /// The string keys and values when this is a mapping; empty otherwise.
    fn entries(self) -> Vec<(&'a str, Self)>;
    /// The text when this is a string scalar (not null).
    fn text(self) -> Option<&'a str>;
    /// A stable identity for the node (the same node reached twice through aliases has the same
    /// identity), used to walk each object once.
    fn identity(self) -> usize;
}

/// Which PodSpec field an image came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Container,
    InitContainer,
    EphemeralContainer,
    ImageVolume,
}

/// One place in an object where an image reference lives.
#[derive(Debug, Clone)]
pub struct ImageSite<N> {
    /// The scalar holding the reference (it may be null or empty: the caller decides).
    pub node: N,
    /// The field path from the document root, e.g. `spec.template.spec.containers[0].image`
    /// (or `items[2].spec.containers[0].image` inside a List).
    pub path: String,
    pub field: Field,
    /// The `kind`, `apiVersion` and `metadata.name`/`namespace` of the object holding the
    /// PodSpec.
    pub kind: String,
    pub api_version: Option<String>,
    pub name: Option<String>,
    pub namespace: Option<String>,
    /// The object's `metadata.labels` (string values only), for policies that select on them.
    pub labels: BTreeMap<String, String>,
    /// The container's (or volume's) `name`, if any.
    pub container: Option<String>,
    /// The PodSpec holding the site (for its `imagePullSecrets` and `serviceAccountName`).
    pub pod_spec: N,
}

/// The pod controllers: kinds whose pods come from a template, at `spec.template.spec` (a
/// `CronJob`'s at `spec.jobTemplate.spec.template.spec`). Policies' `Pod` filters also match
/// these ([`crate::verify::scope`]).
pub const POD_CONTROLLERS: &[&str] = &[
    "Deployment",
    "StatefulSet",
    "DaemonSet",
    "ReplicaSet",
    "ReplicationController",
    "Job",
    "CronJob",
];

/// Lists nest at most this deep; deeper means a hostile or broken input, not a real manifest.
const MAX_LIST_DEPTH: usize = 16;

/// Every image site of one Kubernetes object (a document root, a List item, an API object).
pub fn images<'a, N: Tree<'a>>(object: N) -> Vec<ImageSite<N>> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    walk_object(object, String::new(), 0, &mut seen, &mut out);
    out
}

fn walk_object<'a, N: Tree<'a>>(
    object: N,
    prefix: String,
    depth: usize,
    seen: &mut HashSet<usize>,
    out: &mut Vec<ImageSite<N>>,
) {
    // An object reached twice through aliases is walked once: its sites (and spans) are the
    // same, and walking it again could make a crafted file explode.
    if !seen.insert(object.identity()) {
        return;
    }
    let Some(kind) = object.get("kind").and_then(Tree::text) else {
        return;
    };
    let meta = object.get("metadata");
    let name = meta.and_then(|m| m.get("name")).and_then(Tree::text);
    let namespace = meta.and_then(|m| m.get("namespace")).and_then(Tree::text);
    let labels = meta
        .and_then(|m| m.get("labels"))
        .map(|l| {
            l.entries()
                .into_iter()
                .filter_map(|(k, v)| Some((k.to_owned(), v.text()?.to_owned())))
                .collect()
        })
        .unwrap_or_default();
    let owner = Owner {
        kind,
        api_version: object.get("apiVersion").and_then(Tree::text),
        name,
        namespace,
        labels,
    };

    let spec_path: Option<&[&str]> = match kind {
        "Pod" => Some(&["spec"]),
        "PodTemplate" => Some(&["template", "spec"]),
        "CronJob" => Some(&["spec", "jobTemplate", "spec", "template", "spec"]),
        k if POD_CONTROLLERS.contains(&k) => Some(&["spec", "template", "spec"]),
        k if k == "List" || k.ends_with("List") => {
            if depth < MAX_LIST_DEPTH
                && let Some(items) = object.get("items")
            {
                for (i, item) in items.items().into_iter().enumerate() {
                    walk_object(item, format!("{prefix}items[{i}]."), depth + 1, seen, out);
                }
            }
            return;
        }
        _ => {
            // Unknown kinds (CRDs like Argo Rollouts, Knative Services): a PodSpec at the
            // conventional place, recognised by its container lists.
            let spec = follow(object, &["spec", "template", "spec"]);
            if spec.is_some_and(|s| {
                s.get("containers").is_some_and(|c| !c.items().is_empty())
                    || s.get("initContainers")
                        .is_some_and(|c| !c.items().is_empty())
            }) {
                Some(&["spec", "template", "spec"])
            } else {
                None
            }
        }
    };
    if let Some(path) = spec_path
        && let Some(spec) = follow(object, path)
    {
        let mut at = prefix;
        at.push_str(&path.join("."));
        pod_spec(spec, &at, &owner, out);
    }
}

struct Owner<'a> {
    kind: &'a str,
    api_version: Option<&'a str>,
    name: Option<&'a str>,
    namespace: Option<&'a str>,
    labels: BTreeMap<String, String>,
}

fn follow<'a, N: Tree<'a>>(mut node: N, path: &[&str]) -> Option<N> {
    for key in path {
        node = node.get(key)?;
    }
    Some(node)
}

fn pod_spec<'a, N: Tree<'a>>(spec: N, at: &str, owner: &Owner<'a>, out: &mut Vec<ImageSite<N>>) {
    let lists = [
        ("containers", Field::Container),
        ("initContainers", Field::InitContainer),
        ("ephemeralContainers", Field::EphemeralContainer),
    ];
    for (key, field) in lists {
        let Some(list) = spec.get(key) else { continue };
        for (i, c) in list.items().into_iter().enumerate() {
            if let Some(image) = c.get("image") {
                let mut path = String::with_capacity(at.len() + 32);
                let _ = write!(path, "{at}.{key}[{i}].image");
                out.push(site(image, path, field, owner, c, spec));
            }
        }
    }
    if let Some(volumes) = spec.get("volumes") {
        for (i, v) in volumes.items().into_iter().enumerate() {
            if let Some(reference) = v.get("image").and_then(|img| img.get("reference")) {
                let path = format!("{at}.volumes[{i}].image.reference");
                out.push(site(reference, path, Field::ImageVolume, owner, v, spec));
            }
        }
    }
}

fn site<'a, N: Tree<'a>>(
    node: N,
    path: String,
    field: Field,
    owner: &Owner<'a>,
    holder: N,
    pod_spec: N,
) -> ImageSite<N> {
    ImageSite {
        pod_spec,
        node,
        path,
        field,
        kind: owner.kind.to_owned(),
        api_version: owner.api_version.map(str::to_owned),
        name: owner.name.map(str::to_owned),
        namespace: owner.namespace.map(str::to_owned),
        labels: owner.labels.clone(),
        container: holder.get("name").and_then(Tree::text).map(str::to_owned),
    }
}

/// Objects from the Kubernetes API (and any JSON) use the same list.
impl<'a> Tree<'a> for &'a serde_json::Value {
    fn get(self, key: &str) -> Option<Self> {
        self.as_object()?.get(key)
    }

    fn items(self) -> Vec<Self> {
        self.as_array()
            .map(|a| a.iter().collect())
            .unwrap_or_default()
    }

    fn entries(self) -> Vec<(&'a str, Self)> {
        self.as_object()
            .map(|o| o.iter().map(|(k, v)| (k.as_str(), v)).collect())
            .unwrap_or_default()
    }

    fn text(self) -> Option<&'a str> {
        self.as_str()
    }

    fn identity(self) -> usize {
        std::ptr::from_ref(self) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn paths(v: &serde_json::Value) -> Vec<(String, String)> {
        images(v)
            .into_iter()
            .map(|s| (s.path, s.node.as_str().unwrap_or("<null>").to_owned()))
            .collect()
    }

    fn containers(image: &str) -> serde_json::Value {
        json!({"containers": [{"name": "c", "image": image}]})
    }

    #[test]
    fn pod_spec_paths_per_kind() {
        let table: Vec<(serde_json::Value, &str)> = vec![
            (
                json!({"kind": "Pod", "spec": containers("a")}),
                "spec.containers[0].image",
            ),
            (
                json!({"kind": "PodTemplate", "template": {"spec": containers("a")}}),
                "template.spec.containers[0].image",
            ),
            (
                json!({"kind": "Deployment", "spec": {"template": {"spec": containers("a")}}}),
                "spec.template.spec.containers[0].image",
            ),
            (
                json!({"kind": "StatefulSet", "spec": {"template": {"spec": containers("a")}}}),
                "spec.template.spec.containers[0].image",
            ),
            (
                json!({"kind": "DaemonSet", "spec": {"template": {"spec": containers("a")}}}),
                "spec.template.spec.containers[0].image",
            ),
            (
                json!({"kind": "ReplicaSet", "spec": {"template": {"spec": containers("a")}}}),
                "spec.template.spec.containers[0].image",
            ),
            (
                json!({"kind": "ReplicationController", "spec": {"template": {"spec": containers("a")}}}),
                "spec.template.spec.containers[0].image",
            ),
            (
                json!({"kind": "Job", "spec": {"template": {"spec": containers("a")}}}),
                "spec.template.spec.containers[0].image",
            ),
            (
                json!({"kind": "CronJob", "spec": {"jobTemplate": {"spec": {"template": {"spec": containers("a")}}}}}),
                "spec.jobTemplate.spec.template.spec.containers[0].image",
            ),
            (
                json!({"apiVersion": "argoproj.io/v1alpha1", "kind": "Rollout", "spec": {"template": {"spec": containers("a")}}}),
                "spec.template.spec.containers[0].image",
            ),
            (
                json!({"apiVersion": "serving.knative.dev/v1", "kind": "Service", "spec": {"template": {"spec": containers("a")}}}),
                "spec.template.spec.containers[0].image",
            ),
            (
                json!({"kind": "List", "items": [{"kind": "List", "items": [{"kind": "Pod", "spec": containers("a")}]}]}),
                "items[0].items[0].spec.containers[0].image",
            ),
            (
                json!({"kind": "PodList", "items": [{"kind": "Pod", "spec": containers("a")}]}),
                "items[0].spec.containers[0].image",
            ),
        ];
        for (obj, want) in table {
            assert_eq!(
                paths(&obj),
                vec![(want.to_owned(), "a".to_owned())],
                "{obj}"
            );
        }
    }

    #[test]
    fn every_pod_spec_field() {
        let pod = json!({"kind": "Pod", "metadata": {"name": "p", "namespace": "ns"}, "spec": {
            "containers": [{"name": "c0", "image": "c0"}, {"name": "c1", "image": "c1"}],
            "initContainers": [{"name": "i", "image": "i"}],
            "ephemeralContainers": [{"name": "e", "image": "e"}],
            "volumes": [{"name": "cfg", "configMap": {"name": "x"}}, {"name": "v", "image": {"reference": "v", "pullPolicy": "Always"}}],
        }});
        let sites = images(&pod);
        let got: Vec<_> = sites
            .iter()
            .map(|s| (s.path.as_str(), s.field, s.container.as_deref()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("spec.containers[0].image", Field::Container, Some("c0")),
                ("spec.containers[1].image", Field::Container, Some("c1")),
                (
                    "spec.initContainers[0].image",
                    Field::InitContainer,
                    Some("i")
                ),
                (
                    "spec.ephemeralContainers[0].image",
                    Field::EphemeralContainer,
                    Some("e")
                ),
                (
                    "spec.volumes[1].image.reference",
                    Field::ImageVolume,
                    Some("v")
                ),
            ]
        );
        assert!(sites.iter().all(|s| s.kind == "Pod"
            && s.name.as_deref() == Some("p")
            && s.namespace.as_deref() == Some("ns")));
    }

    /// Keys named `image` that are not images must never be found.
    #[test]
    fn not_images() {
        let table = vec![
            json!({"kind": "ConfigMap", "data": {"image": "nginx:1"}}),
            json!({"kind": "Deployment", "metadata": {"annotations": {"image": "nginx:1"}},
                   "spec": {"template": {"metadata": {"annotations": {"image": "x"}}, "spec": {"containers": []}}}}),
            // Helm values: no kind, and `image` is a map.
            json!({"image": {"repository": "nginx", "tag": "1"}, "spec": {"template": {"spec": containers("a")}}}),
            // Kyverno: the PodSpec pattern sits under spec.rules[].
            json!({"kind": "ClusterPolicy", "spec": {"rules": [{"validate": {"pattern": {"spec": {"template": {"spec": containers("!*:latest")}}}}}]}}),
            // CRD schema.
            json!({"kind": "CustomResourceDefinition", "spec": {"versions": [{"schema": {"openAPIV3Schema": {"properties": {"image": {"type": "string"}}}}}]}}),
            // An unknown kind without a PodSpec at spec.template.spec.
            json!({"kind": "Widget", "spec": {"image": "nginx", "template": {"image": "nginx"}}}),
            // A Pod whose image is a map, and a container list that is not a list.
            json!({"kind": "Pod", "spec": {"containers": {"image": "x"}}}),
        ];
        for obj in table {
            let sites = images(&obj);
            assert!(
                sites.is_empty(),
                "{obj}: {:?}",
                sites.iter().map(|s| &s.path).collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn null_and_missing_images_are_sites_or_absent() {
        let pod = json!({"kind": "Pod", "spec": {"containers": [{"name": "a", "image": null}, {"name": "b"}]}});
        let sites = images(&pod);
        assert_eq!(sites.len(), 1);
        assert!(sites[0].node.is_null());
    }
}
