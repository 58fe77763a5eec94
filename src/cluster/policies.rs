//! `--policy-from-cluster`: the admission policies installed in a cluster, read as documents
//! for the same policy reader `--policy FILE` uses ([`crate::verify::policy`]).
//!
//! Read through discovery and the dynamic API, each kind optional, at the first version of
//! its row the cluster serves it in:
//!
//! | group | versions, preferred first | kinds |
//! |---|---|---|
//! | `kyverno.io` | v1, v2beta1 | ClusterPolicy, Policy (namespaced) |
//! | `policies.kyverno.io` | v1, v1beta1, v1alpha1 | ImageValidatingPolicy |
//! | `policy.sigstore.dev` | v1beta1, v1alpha1 | ClusterImagePolicy, TrustRoot |
//!
//! A group the cluster does not serve (the CRD is not installed), a kind missing from it, or
//! a list the RBAC forbids (403) is one note (a line on stderr), not an error: the other kinds
//! are still read. Anything else (unreachable, 401, a broken answer) is an error: policies
//! that could not be read must not silently pass images. Lists are paginated and bounded in
//! objects ([`MAX_OBJECTS`]) and in size ([`MAX_OBJECT_BYTES`] each).
//!
//! Each object is handed over as YAML (without `status` and `managedFields`, which no
//! policy reader needs) named `cluster:KIND/NAME` (`cluster:Policy/NAMESPACE/NAME`); the
//! command reads them together as one policy file (a `trustRootRef` names a TrustRoot of the
//! cluster) and names the object in errors: `cluster:ClusterImagePolicy/signed:12:7: …`.

use kube::api::{Api, DynamicObject, ListParams};
use kube::core::{GroupVersion, TypeMeta};
use kube::discovery::ApiResource;

use super::{ClusterError, Connection, MAX_PAGES, PAGE_SIZE, api_error};

/// Policy objects read at most, all kinds together.
pub const MAX_OBJECTS: usize = 1_000;
/// The largest object (as YAML) handed to the policy reader; etcd's own limit is 1.5 MiB.
pub const MAX_OBJECT_BYTES: usize = 2 * 1024 * 1024;

/// A policy group and the kinds read from it (`true`: namespaced).
struct Source {
    group: &'static str,
    versions: &'static [&'static str],
    kinds: &'static [(&'static str, bool)],
}

const SOURCES: &[Source] = &[
    Source {
        group: "kyverno.io",
        versions: &["v1", "v2beta1"],
        kinds: &[("ClusterPolicy", false), ("Policy", true)],
    },
    Source {
        group: "policies.kyverno.io",
        versions: &["v1", "v1beta1", "v1alpha1"],
        kinds: &[("ImageValidatingPolicy", false)],
    },
    Source {
        group: "policy.sigstore.dev",
        versions: &["v1beta1", "v1alpha1"],
        kinds: &[("ClusterImagePolicy", false), ("TrustRoot", false)],
    },
];

/// One policy object, as text for the policy reader.
#[derive(Debug, Clone)]
pub struct PolicyDocument {
    /// `cluster:ClusterImagePolicy/NAME`, `cluster:Policy/NAMESPACE/NAME`: the "file" name
    /// errors and reports use.
    pub origin: String,
    /// The object as YAML, `apiVersion` and `kind` set.
    pub text: String,
}

/// What was read.
#[derive(Debug, Default)]
pub struct PolicyReading {
    pub documents: Vec<PolicyDocument>,
    /// One line per kind that was not read (not installed, forbidden), for stderr.
    pub notes: Vec<String>,
}

/// Reads every policy kind of [`SOURCES`] the cluster serves; namespaced kinds in `namespace`
/// (None: all namespaces).
pub async fn read(
    conn: &Connection,
    namespace: Option<&str>,
) -> Result<PolicyReading, ClusterError> {
    let mut reading = PolicyReading::default();
    let groups = conn.client.list_api_groups().await.map_err(|e| {
        api_error(
            conn,
            "discovering the policy kinds (--policy-from-cluster)",
            e,
        )
    })?;
    for source in SOURCES {
        let kinds: Vec<&str> = source.kinds.iter().map(|(k, _)| *k).collect();
        let served = groups.groups.iter().find(|g| g.name == source.group);
        let versions: Vec<&str> = source
            .versions
            .iter()
            .copied()
            .filter(|v| served.is_some_and(|g| g.versions.iter().any(|gv| gv.version == *v)))
            .collect();
        if versions.is_empty() {
            reading.notes.push(format!(
                "--policy-from-cluster: {} ({}) not installed: this cluster serves no {}",
                kinds.join(", "),
                source.group,
                if served.is_some() {
                    format!("version {} of it", source.versions.join(" or "))
                } else {
                    "such API group".to_owned()
                }
            ));
            continue;
        }
        // Each kind at the first version (ours, preferred first) that serves it: a group's
        // kinds move between versions at different times (policy-controller serves
        // ClusterImagePolicy in v1beta1 but TrustRoot only in v1alpha1).
        let mut discovered = Vec::with_capacity(versions.len());
        for version in versions {
            let gv = GroupVersion::gv(source.group, version);
            let group = kube::discovery::pinned_group(&conn.client, &gv)
                .await
                .map_err(|e| {
                    api_error(conn, &format!("discovering {}/{version}", source.group), e)
                })?;
            discovered.push((version, group));
        }
        for &(kind, namespaced) in source.kinds {
            let found = discovered
                .iter()
                .find_map(|(v, g)| g.recommended_kind(kind).map(|(ar, _)| (*v, ar)));
            let Some((version, ar)) = found else {
                reading.notes.push(format!(
                    "--policy-from-cluster: {kind} ({}) not installed",
                    source.group
                ));
                continue;
            };
            let scope = if namespaced { namespace } else { None };
            match list(conn, &ar, namespaced, scope).await {
                Ok(objects) => {
                    for o in objects {
                        if reading.documents.len() >= MAX_OBJECTS {
                            return Err(ClusterError::Policies {
                                context: conn.context.clone(),
                                what: "reading policies (--policy-from-cluster)".to_owned(),
                                reason: format!(
                                    "more than {MAX_OBJECTS} policy objects: not believed"
                                ),
                            });
                        }
                        reading.documents.push(document(conn, &ar, o)?);
                    }
                }
                Err(kube::Error::Api(s)) if s.code == 403 || s.code == 404 => {
                    reading.notes.push(format!(
                        "--policy-from-cluster: {kind} ({}/{version}) not read: {} (HTTP {})",
                        source.group,
                        super::clip(&s.message),
                        s.code
                    ));
                }
                Err(e) => {
                    return Err(api_error(
                        conn,
                        &format!("listing {} (--policy-from-cluster)", ar.plural),
                        e,
                    ));
                }
            }
        }
    }
    Ok(reading)
}

/// Every object of one kind, paginated.
async fn list(
    conn: &Connection,
    ar: &ApiResource,
    namespaced: bool,
    namespace: Option<&str>,
) -> Result<Vec<DynamicObject>, kube::Error> {
    let api: Api<DynamicObject> = match namespace {
        Some(ns) if namespaced => Api::namespaced_with(conn.client.clone(), ns, ar),
        _ => Api::all_with(conn.client.clone(), ar),
    };
    let mut params = ListParams::default().limit(PAGE_SIZE);
    let mut out = Vec::new();
    for _ in 0..MAX_PAGES {
        let page = api.list(&params).await?;
        out.extend(page.items);
        if out.len() > MAX_OBJECTS {
            break;
        }
        match page.metadata.continue_ {
            Some(token) if !token.is_empty() => params = params.continue_token(&token),
            _ => break,
        }
    }
    Ok(out)
}

/// One object as a policy document: its type set (list items come without it), `status`
/// and `managedFields` dropped, as YAML.
fn document(
    conn: &Connection,
    ar: &ApiResource,
    mut object: DynamicObject,
) -> Result<PolicyDocument, ClusterError> {
    object.types = Some(TypeMeta {
        api_version: ar.api_version.clone(),
        kind: ar.kind.clone(),
    });
    object.metadata.managed_fields = None;
    if let Some(map) = object.data.as_object_mut() {
        map.remove("status");
    }
    let name = object.metadata.name.clone().unwrap_or_default();
    let origin = match &object.metadata.namespace {
        Some(ns) => format!("cluster:{}/{ns}/{name}", ar.kind),
        None => format!("cluster:{}/{name}", ar.kind),
    };
    let too_big = |reason: String| ClusterError::Policies {
        context: conn.context.clone(),
        what: format!("reading {origin} (--policy-from-cluster)"),
        reason,
    };
    let text = serde_saphyr::to_string(&object).map_err(|e| too_big(e.to_string()))?;
    if text.len() > MAX_OBJECT_BYTES {
        return Err(too_big(format!(
            "{} bytes as YAML, more than the {MAX_OBJECT_BYTES} a policy may have",
            text.len()
        )));
    }
    Ok(PolicyDocument { origin, text })
}

/// The labels of `namespace` (None: of every namespace), for the `namespaceSelector`s of the
/// policies read: `Ok(None)` with a note when the RBAC forbids reading them (selectors on
/// namespace labels then stay undecided, which never makes a policy apply less).
pub async fn namespace_labels(
    conn: &Connection,
    namespace: Option<&str>,
) -> Result<(Option<NamespaceLabels>, Option<String>), ClusterError> {
    use k8s_openapi::api::core::v1::Namespace;
    let api: Api<Namespace> = Api::all(conn.client.clone());
    let mut out = NamespaceLabels::new();
    let forbidden = |s: &kube::core::Status| {
        format!(
            "--policy-from-cluster: namespace labels not read, so namespaceSelectors count as matching: {} (HTTP {})",
            super::clip(&s.message),
            s.code
        )
    };
    let mut add = |n: Namespace| {
        if let Some(name) = n.metadata.name {
            out.insert(name, n.metadata.labels.unwrap_or_default());
        }
    };
    if let Some(ns) = namespace {
        match api.get_opt(ns).await {
            Ok(Some(n)) => add(n),
            Ok(None) => {}
            Err(kube::Error::Api(s)) if s.code == 403 => return Ok((None, Some(forbidden(&s)))),
            Err(e) => return Err(api_error(conn, &format!("getting namespace {ns:?}"), e)),
        }
        return Ok((Some(out), None));
    }
    let mut params = ListParams::default().limit(PAGE_SIZE);
    for _ in 0..MAX_PAGES {
        let page = match api.list(&params).await {
            Ok(p) => p,
            Err(kube::Error::Api(s)) if s.code == 403 => return Ok((None, Some(forbidden(&s)))),
            Err(e) => return Err(api_error(conn, "listing namespaces", e)),
        };
        for n in page.items {
            add(n);
        }
        match page.metadata.continue_ {
            Some(token) if !token.is_empty() => params = params.continue_token(&token),
            _ => break,
        }
    }
    Ok((Some(out), None))
}

/// Namespace name → its labels.
pub type NamespaceLabels =
    std::collections::HashMap<String, std::collections::BTreeMap<String, String>>;
