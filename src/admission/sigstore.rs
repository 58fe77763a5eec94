//! sigstore policy-controller `ClusterImagePolicy` (`policy.sigstore.dev` v1alpha1 and
//! v1beta1, the same fields) and `TrustRoot` (v1alpha1), read as policy-controller's webhook
//! evaluates them (`pkg/webhook/validator.go`):
//!
//! - every ClusterImagePolicy whose `images` globs (and `match`) cover an image applies, and
//!   each must pass;
//! - within one, its `authorities` are alternatives: one satisfied is enough (`count: 1`);
//! - an authority with `attestations` is satisfied by attestations of every listed
//!   `predicateType` signed by it, not by the image signature;
//! - `static: {action: pass}` passes the policy whatever is signed; `static: {action: fail}`
//!   never satisfies (alone, the policy rejects every image it covers: `denied`);
//! - `mode: warn` turns the policy's failures into warnings (reported, exit 0);
//! - `match` restricts the policy to objects of the given {group, version, resource} (and
//!   label selector), compared exactly: `pods` does not cover a Deployment's template;
//! - the transparency log is required as policy-controller requires it: for a `key`
//!   authority only with `ctlog`; for `keyless`, unless it names a `trustRootRef` without a
//!   `ctlog`.
//!
//! Accepted and not needed offline: `keyless.url` (the Fulcio instance: certificates are
//! checked against the trust root), `ctlog.url` (entries are verified against the trust
//! root's Rekor keys), `signaturePullSecrets` (signatures are read with the run's
//! credentials), `signatureFormat` (legacy `.sig` signatures and bundles are both looked
//! at). Refused as unsupported (or, with `--skip-unsupported`, the policy fails with
//! `unsupported`): a ClusterImagePolicy-level `policy`, an attestation's `policy` (CUE and
//! Rego), `key.kms`, a `hashAlgorithm` other than sha256, `keyless.ca-cert`,
//! `rfc3161timestamp`, `source[].tagPrefix`, different trust roots for `keyless` and
//! `ctlog`, and TrustRoots given as `remote` or `repository`. Unknown fields are errors.

use std::collections::HashMap;
use std::sync::Arc;

use super::{Doc, join, label_selector};
use crate::manifest::yaml::NodeId;
use crate::reference::ImageRef;
use crate::verify::attest::{self, AttestationRequirement};
use crate::verify::policy::{
    AuthorityOptions, Glob, Mode, NamedAuthority, Policy, PolicyError, Requirement, StaticAction,
    Unsupported, chain,
};
use crate::verify::scope::{GroupVersionResource, ResourceFilter, Scope};
use crate::verify::sigstore::Authority;
use crate::verify::trust::{PublicKey, Trust};
use crate::verify::{KeylessIdentity, Matcher};

/// The namespace policy-controller reads `secretRef` secrets from (its own, by default).
pub const SYSTEM_NAMESPACE: &str = "cosign-system";

/// A TrustRoot of the file: usable, or why not (`--skip-unsupported`).
type Roots = HashMap<String, Result<Arc<Trust>, Unsupported>>;

/// Reads the policy-controller documents of one file: TrustRoots first, so that a
/// ClusterImagePolicy's `trustRootRef` can name one of the same file.
pub fn read(docs: &[Doc<'_>]) -> Result<Vec<Policy>, PolicyError> {
    let mut roots = Roots::new();
    for doc in docs.iter().filter(|d| d.kind == "TrustRoot") {
        top_level(doc, &["v1alpha1"])?;
        roots.insert(doc.name.clone(), read_trust_root(doc)?);
    }
    let mut out = Vec::new();
    for doc in docs.iter().filter(|d| d.kind == "ClusterImagePolicy") {
        top_level(doc, &["v1alpha1", "v1beta1"])?;
        out.push(read_policy(doc, &roots)?);
    }
    Ok(out)
}

/// `apiVersion`, `kind`, `metadata` (with a `name`), `spec`, `status`; nothing else.
fn top_level(doc: &Doc<'_>, versions: &[&str]) -> Result<(), PolicyError> {
    if !versions.contains(&doc.version()) {
        let at = doc.get(doc.node, "apiVersion").unwrap_or(doc.node);
        return Err(doc.err(
            at,
            "apiVersion",
            format!(
                "{} is not a version of {} kubectl-verify reads (it reads {})",
                doc.api_version,
                doc.kind,
                versions
                    .iter()
                    .map(|v| format!("policy.sigstore.dev/{v}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ));
    }
    // `status` is written by the controller and decides nothing.
    doc.map(
        doc.node,
        "",
        &["apiVersion", "kind", "metadata", "spec", "status"],
    )?;
    if doc.name.is_empty() {
        let at = doc.get(doc.node, "metadata").unwrap_or(doc.node);
        return Err(doc.err(at, "metadata.name", "required"));
    }
    if doc.get(doc.node, "spec").is_none() {
        return Err(doc.err(doc.node, "spec", "required"));
    }
    Ok(())
}

/// What reading a ClusterImagePolicy has found unsupported so far (the first reason wins,
/// with `--skip-unsupported`; without it the first one is the error).
#[derive(Default)]
struct Found {
    unsupported: Option<Unsupported>,
}

impl Found {
    fn unsupported(
        &mut self,
        doc: &Doc<'_>,
        node: NodeId,
        field: &str,
        reason: impl Into<String>,
    ) -> Result<(), PolicyError> {
        let u = doc.unsupported(node, field, reason)?;
        self.unsupported.get_or_insert(u);
        Ok(())
    }
}

fn read_policy(doc: &Doc<'_>, roots: &Roots) -> Result<Policy, PolicyError> {
    let spec = doc.get(doc.node, "spec").unwrap_or(doc.node);
    doc.map(
        spec,
        "spec",
        &["images", "authorities", "policy", "mode", "match"],
    )?;
    let mut found = Found::default();

    let images = doc
        .get(spec, "images")
        .ok_or_else(|| doc.err(spec, "spec.images", "required"))?;
    let mut globs = Vec::new();
    for (i, g) in doc.seq(images, "spec.images")?.into_iter().enumerate() {
        let field = format!("spec.images[{i}]");
        doc.map(g, &field, &["glob"])?;
        let node = doc
            .get(g, "glob")
            .ok_or_else(|| doc.err(g, &join(&field, "glob"), "required"))?;
        let text = doc.string(node, &join(&field, "glob"))?;
        globs.push(
            Glob::policy_controller(&text).map_err(|e| doc.err(node, &join(&field, "glob"), e))?,
        );
    }
    if globs.is_empty() {
        return Err(doc.err(images, "spec.images", "must not be empty"));
    }

    let mode = match doc.get(spec, "mode") {
        None => Mode::Enforce,
        Some(m) => match doc.string(m, "spec.mode")?.as_str() {
            "enforce" => Mode::Enforce,
            "warn" => Mode::Warn,
            other => {
                return Err(doc.err(
                    m,
                    "spec.mode",
                    format!("must be enforce or warn, got {other:?}"),
                ));
            }
        },
    };

    let mut scope = Scope::default();
    if let Some(list) = doc.get(spec, "match") {
        for (i, m) in doc.seq(list, "spec.match")?.into_iter().enumerate() {
            scope
                .any
                .push(read_match(doc, m, &format!("spec.match[{i}]"))?);
        }
    }

    if let Some(p) = doc.get(spec, "policy") {
        let ty = doc
            .get(p, "type")
            .and_then(|t| doc.string(t, "spec.policy.type").ok())
            .unwrap_or_default();
        found.unsupported(
            doc,
            p,
            "spec.policy",
            format!(
                "{}CUE and Rego policies are not evaluated (this one judges the whole \
                 policy's outcome)",
                if ty.is_empty() {
                    String::new()
                } else {
                    format!("type {ty}: ")
                }
            ),
        )?;
    }

    let list = doc
        .get(spec, "authorities")
        .ok_or_else(|| doc.err(spec, "spec.authorities", "required"))?;
    let mut authorities = Vec::new();
    let mut statics = Vec::new();
    for (i, a) in doc.seq(list, "spec.authorities")?.into_iter().enumerate() {
        let field = format!("spec.authorities[{i}]");
        match read_authority(doc, a, &field, i, roots, &mut found)? {
            Read::Authority(named) => authorities.push(*named),
            Read::Static(action, message) => statics.push((action, message)),
        }
    }
    if authorities.is_empty() && statics.is_empty() {
        return Err(doc.err(list, "spec.authorities", "must not be empty"));
    }
    let mut repositories: Vec<String> = authorities
        .iter()
        .map(|a| {
            a.options
                .signature_repository
                .as_ref()
                .map(ImageRef::canonical_repository)
                .unwrap_or_default()
        })
        .collect();
    repositories.dedup();
    if repositories.len() > 1 {
        found.unsupported(
            doc,
            list,
            "spec.authorities",
            "authorities of one policy looking for signatures in different repositories \
             (source.oci) are not supported",
        )?;
    }
    // Authorities are alternatives: a `static: pass` one passes the policy; `static: fail`
    // ones never satisfy it, so they decide only when nothing else is there.
    let message = statics.iter().find_map(|(_, m)| m.clone());
    let static_action = if statics.iter().any(|(a, _)| *a == StaticAction::Pass) {
        Some(StaticAction::Pass)
    } else if authorities.is_empty() {
        Some(StaticAction::Fail)
    } else {
        if !statics.is_empty()
            && let Some(first) = authorities.first_mut()
        {
            first.options.notes.push(format!(
                "{} `static: fail` authorit{} never satisf{} the policy: the others decide",
                statics.len(),
                if statics.len() == 1 { "y" } else { "ies" },
                if statics.len() == 1 { "ies" } else { "y" },
            ));
        }
        None
    };
    Ok(Policy {
        skip: Vec::new(),
        scope,
        ..Policy::new(
            globs,
            Requirement {
                mode,
                origin: Some(doc.origin(None)),
                static_action,
                // Only a policy of `static: fail` authorities alone fails with it.
                message: message.filter(|_| static_action == Some(StaticAction::Fail)),
                unsupported: found.unsupported,
                ..Requirement::new(doc.name.clone(), authorities)
            },
        )
    })
}

/// `{group, version, resource, selector}`.
fn read_match(doc: &Doc<'_>, m: NodeId, field: &str) -> Result<ResourceFilter, PolicyError> {
    doc.map(m, field, &["group", "version", "resource", "selector"])?;
    let text = |key: &str| -> Result<String, PolicyError> {
        match doc.get(m, key) {
            Some(n) if !doc.ctx.yaml.is_null(n) => doc
                .ctx
                .yaml
                .scalar(n)
                .map(|(t, _, _)| t.to_owned())
                // A list or mapping must not read as the empty (core) group.
                .ok_or_else(|| doc.err(n, &join(field, key), "must be a string")),
            _ => Ok(String::new()),
        }
    };
    let resource = text("resource")?;
    if resource.is_empty() {
        // policy-controller compares it with the object's resource: empty matches nothing.
        return Err(doc.err(
            m,
            &join(field, "resource"),
            "required (an empty resource matches no object)",
        ));
    }
    let version = text("version")?;
    if version.is_empty() {
        // Compared exactly (or `*`): an empty version matches no object, and the policy would
        // apply to nothing.
        return Err(doc.err(
            m,
            &join(field, "version"),
            "required (an empty version matches no object; `*` matches every one)",
        ));
    }
    let selector = match doc.get(m, "selector") {
        Some(s) => Some(label_selector(doc, s, &join(field, "selector"))?),
        None => None,
    };
    Ok(ResourceFilter {
        resources: vec![GroupVersionResource {
            group: text("group")?,
            version,
            resource,
        }],
        selector,
        ..ResourceFilter::default()
    })
}

enum Read {
    Authority(Box<NamedAuthority>),
    /// A `static` authority, with its `message`.
    Static(StaticAction, Option<String>),
}

#[allow(clippy::too_many_lines)] // one authority's fields, in the CRD's order
fn read_authority(
    doc: &Doc<'_>,
    node: NodeId,
    field: &str,
    index: usize,
    roots: &Roots,
    found: &mut Found,
) -> Result<Read, PolicyError> {
    doc.map(
        node,
        field,
        &[
            "name",
            "key",
            "keyless",
            "static",
            "source",
            "ctlog",
            "attestations",
            "rfc3161timestamp",
            "signatureFormat",
        ],
    )?;
    let sub = |key: &str| join(field, key);
    let name = doc
        .opt_string(node, "name", field)?
        .unwrap_or_else(|| format!("authority-{index}"));
    let key = doc.get(node, "key");
    let keyless = doc.get(node, "keyless");
    let stat = doc.get(node, "static");
    match [key, keyless, stat].iter().flatten().count() {
        1 => {}
        0 => return Err(doc.err(node, field, "needs one of key, keyless or static")),
        _ => return Err(doc.err(node, field, "needs only one of key, keyless or static")),
    }
    if let Some(s) = stat {
        for other in ["attestations", "source", "ctlog", "rfc3161timestamp"] {
            if let Some(n) = doc.get(node, other) {
                return Err(doc.err(n, &sub(other), "does not go with static"));
            }
        }
        doc.map(s, &sub("static"), &["action", "message"])?;
        let action = doc
            .get(s, "action")
            .ok_or_else(|| doc.err(s, &sub("static.action"), "required"))?;
        let message = doc.opt_string(s, "message", &sub("static"))?;
        return match doc.string(action, &sub("static.action"))?.as_str() {
            "pass" => Ok(Read::Static(StaticAction::Pass, message)),
            "fail" => Ok(Read::Static(StaticAction::Fail, message)),
            other => Err(doc.err(
                action,
                &sub("static.action"),
                format!("must be pass or fail, got {other:?}"),
            )),
        };
    }

    let mut options = AuthorityOptions::default();
    if let Some(n) = doc.get(node, "rfc3161timestamp") {
        found.unsupported(
            doc,
            n,
            &sub("rfc3161timestamp"),
            "RFC 3161 timestamp verification is not supported",
        )?;
    }
    if let Some(n) = doc.get(node, "signatureFormat") {
        match doc.string(n, &sub("signatureFormat"))?.as_str() {
            "legacy" | "bundle" => options.notes.push(
                "signatureFormat: both legacy `.sig` signatures and Sigstore bundles are looked at"
                    .to_owned(),
            ),
            other => {
                return Err(doc.err(
                    n,
                    &sub("signatureFormat"),
                    format!("must be legacy or bundle, got {other:?}"),
                ));
            }
        }
    }

    // The transparency log (policy-controller's `ctlog` is the Rekor log).
    let mut ctlog_root: Option<(NodeId, String)> = None;
    let has_ctlog = doc.get(node, "ctlog").is_some();
    if let Some(c) = doc.get(node, "ctlog") {
        doc.map(c, &sub("ctlog"), &["url", "trustRootRef"])?;
        if let Some(url) = doc.opt_string(c, "url", &sub("ctlog"))? {
            options.notes.push(format!(
                "ctlog.url {url} is not contacted: entries are checked against the trust root's Rekor keys"
            ));
        }
        if let Some(n) = doc.get(c, "trustRootRef") {
            ctlog_root = Some((n, doc.string(n, &sub("ctlog.trustRootRef"))?));
        }
    }

    let authority = if let Some(k) = key {
        let kf = sub("key");
        doc.map(k, &kf, &["data", "secretRef", "kms", "hashAlgorithm"])?;
        if let Some(h) = doc.get(k, "hashAlgorithm") {
            match doc.string(h, &join(&kf, "hashAlgorithm"))?.as_str() {
                "sha256" => {}
                alg @ ("sha224" | "sha384" | "sha512") => found.unsupported(
                    doc,
                    h,
                    &join(&kf, "hashAlgorithm"),
                    format!("signatures hashed with {alg} are not verified (only sha256)"),
                )?,
                other => {
                    return Err(doc.err(
                        h,
                        &join(&kf, "hashAlgorithm"),
                        format!("unknown hash algorithm {other:?}"),
                    ));
                }
            }
        }
        let sources = ["data", "secretRef", "kms"]
            .iter()
            .filter(|s| doc.get(k, s).is_some())
            .count();
        if sources != 1 {
            return Err(doc.err(k, &kf, "needs exactly one of data, secretRef or kms"));
        }
        if !has_ctlog {
            options.ignore_tlog = true;
            options.notes.push(
                "no ctlog: the transparency log is not required (as policy-controller)".to_owned(),
            );
        }
        if let Some((n, r)) = &ctlog_root {
            options.trust = Some(trust_root(
                doc,
                *n,
                &sub("ctlog.trustRootRef"),
                r,
                roots,
                found,
            )?);
        }
        if let Some(d) = doc.get(k, "data") {
            let pem = doc.string(d, &join(&kf, "data"))?;
            let key = PublicKey::from_pem(&pem, &join(&kf, "data"))
                .map_err(|e| doc.err(d, &join(&kf, "data"), chain(&e)))?;
            Some(Authority::Key(key))
        } else if let Some(s) = doc.get(k, "secretRef") {
            let sf = join(&kf, "secretRef");
            doc.map(s, &sf, &["name", "namespace"])?;
            let secret = doc
                .get(s, "name")
                .ok_or_else(|| doc.err(s, &join(&sf, "name"), "required"))?;
            let secret = doc.string(secret, &join(&sf, "name"))?;
            let ns = doc
                .opt_string(s, "namespace", &sf)?
                .unwrap_or_else(|| SYSTEM_NAMESPACE.to_owned());
            let uri = format!("k8s://{ns}/{secret}");
            let pem = doc.ctx.options.k8s_keys.get(&uri).ok_or_else(|| {
                doc.err(
                    s,
                    &sf,
                    format!(
                        "{uri}: the secret was not read (the cluster commands read it, and \
                         `manifests`/`image` with a kubeconfig; or copy the key into key.data)"
                    ),
                )
            })?;
            let key = PublicKey::from_pem(pem, &uri).map_err(|e| doc.err(s, &sf, chain(&e)))?;
            Some(Authority::Key(key))
        } else {
            let n = doc.get(k, "kms").unwrap_or(k);
            let uri = doc.string(n, &join(&kf, "kms"))?;
            let scheme = uri.split("://").next().unwrap_or_default();
            found.unsupported(
                doc,
                n,
                &join(&kf, "kms"),
                format!("KMS keys ({scheme}://) are not read: give the public key as key.data"),
            )?;
            None
        }
    } else {
        let k = keyless.unwrap_or(node);
        let kf = sub("keyless");
        doc.map(
            k,
            &kf,
            &[
                "url",
                "identities",
                "ca-cert",
                "trustRootRef",
                "insecureIgnoreSCT",
            ],
        )?;
        if let Some(url) = doc.opt_string(k, "url", &kf)? {
            options.notes.push(format!(
                "keyless.url {url} is not contacted: certificates are checked against the trust root"
            ));
        }
        if let Some(c) = doc.get(k, "ca-cert") {
            found.unsupported(
                doc,
                c,
                &join(&kf, "ca-cert"),
                "a custom certificate authority is not supported: give it as a TrustRoot \
                 with sigstoreKeys and name it in keyless.trustRootRef",
            )?;
        }
        if let Some(n) = doc.get(k, "insecureIgnoreSCT") {
            options.ignore_sct = doc.boolean(n, &join(&kf, "insecureIgnoreSCT"))?;
        }
        let keyless_root = match doc.get(k, "trustRootRef") {
            Some(n) => Some((n, doc.string(n, &join(&kf, "trustRootRef"))?)),
            None => None,
        };
        match (&keyless_root, &ctlog_root) {
            (Some((n, r)), None) => {
                options.trust = Some(trust_root(
                    doc,
                    *n,
                    &join(&kf, "trustRootRef"),
                    r,
                    roots,
                    found,
                )?);
                if has_ctlog {
                    // policy-controller then checks the log against the default (TUF) Rekor
                    // keys and the certificates against the TrustRoot: two roots at once.
                    let c = doc.get(node, "ctlog").unwrap_or(*n);
                    found.unsupported(
                        doc,
                        c,
                        &sub("ctlog"),
                        "a transparency log of the default trust root with certificates of \
                         a TrustRoot is not supported: name the TrustRoot in \
                         ctlog.trustRootRef too",
                    )?;
                } else {
                    // policy-controller then has no Rekor keys and skips the log.
                    options.ignore_tlog = true;
                    options.notes.push(
                        "trustRootRef without ctlog: the transparency log is not required \
                         (as policy-controller)"
                            .to_owned(),
                    );
                }
            }
            (Some((n, r)), Some((_, c))) if r == c => {
                options.trust = Some(trust_root(
                    doc,
                    *n,
                    &join(&kf, "trustRootRef"),
                    r,
                    roots,
                    found,
                )?);
            }
            (None, None) => {}
            (_, Some((n, _))) => found.unsupported(
                doc,
                *n,
                &sub("ctlog.trustRootRef"),
                "a transparency log from another trust root than the certificate authority's \
                 is not supported (one trust root per authority)",
            )?,
        }
        let ids = doc
            .get(k, "identities")
            .ok_or_else(|| doc.err(k, &join(&kf, "identities"), "required"))?;
        let mut identities = Vec::new();
        for (i, id) in doc
            .seq(ids, &join(&kf, "identities"))?
            .into_iter()
            .enumerate()
        {
            let idf = format!("{kf}.identities[{i}]");
            doc.map(
                id,
                &idf,
                &["issuer", "subject", "issuerRegExp", "subjectRegExp"],
            )?;
            identities.push(KeylessIdentity {
                subject: matcher(doc, id, &idf, "subject", "subjectRegExp")?,
                issuer: matcher(doc, id, &idf, "issuer", "issuerRegExp")?,
            });
        }
        if identities.is_empty() {
            return Err(doc.err(ids, &join(&kf, "identities"), "must not be empty"));
        }
        Some(Authority::Keyless(identities))
    };

    if let Some(list) = doc.get(node, "source") {
        let sources = doc.seq(list, &sub("source"))?;
        if sources.len() > 1 {
            return Err(doc.err(list, &sub("source"), "only a single source is supported"));
        }
        for (i, s) in sources.into_iter().enumerate() {
            let sf = format!("{}[{i}]", sub("source"));
            doc.map(s, &sf, &["oci", "signaturePullSecrets", "tagPrefix"])?;
            if let Some(o) = doc.get(s, "oci") {
                let text = doc.string(o, &join(&sf, "oci"))?;
                let repo = ImageRef::parse(&text)
                    .map_err(|e| doc.err(o, &join(&sf, "oci"), e.to_string()))?;
                options.signature_repository = Some(repo);
            }
            if let Some(p) = doc.get(s, "signaturePullSecrets") {
                for (j, secret) in doc
                    .seq(p, &join(&sf, "signaturePullSecrets"))?
                    .into_iter()
                    .enumerate()
                {
                    let pf = format!("{sf}.signaturePullSecrets[{j}]");
                    doc.map(secret, &pf, &["name"])?;
                    doc.get(secret, "name")
                        .ok_or_else(|| doc.err(secret, &join(&pf, "name"), "required"))?;
                }
                options.notes.push(
                    "signaturePullSecrets are not read: signatures are fetched with the \
                     credentials of the image's use (pull secrets, docker config)"
                        .to_owned(),
                );
            }
            if let Some(t) = doc.get(s, "tagPrefix") {
                found.unsupported(
                    doc,
                    t,
                    &join(&sf, "tagPrefix"),
                    "signatures under a tag prefix are not looked for",
                )?;
            }
        }
    }

    let mut attestations = Vec::new();
    if let Some(list) = doc.get(node, "attestations") {
        for (i, at) in doc.seq(list, &sub("attestations"))?.into_iter().enumerate() {
            let af = format!("{}[{i}]", sub("attestations"));
            doc.map(at, &af, &["name", "predicateType", "policy"])?;
            let name = doc
                .opt_string(at, "name", &af)?
                .ok_or_else(|| doc.err(at, &join(&af, "name"), "required"))?;
            let ty = doc
                .get(at, "predicateType")
                .ok_or_else(|| doc.err(at, &join(&af, "predicateType"), "required"))?;
            let predicate_type =
                attest::predicate_type(&doc.string(ty, &join(&af, "predicateType"))?)
                    .map_err(|e| doc.err(ty, &join(&af, "predicateType"), e))?;
            if let Some(p) = doc.get(at, "policy") {
                let kind = doc
                    .get(p, "type")
                    .and_then(|t| doc.ctx.yaml.scalar(t).map(|(t, _, _)| t.to_owned()))
                    .unwrap_or_default();
                found.unsupported(
                    doc,
                    p,
                    &join(&af, "policy"),
                    format!(
                        "{}CUE and Rego policies are not evaluated",
                        if kind.is_empty() {
                            String::new()
                        } else {
                            format!("type {kind}: ")
                        }
                    ),
                )?;
            }
            attestations.push(AttestationRequirement {
                name,
                predicate_type,
                conditions: Vec::new(),
            });
        }
    }

    // An authority that could not be read (a KMS key) still shows in `policy explain`; its
    // policy is `unsupported`, so it is never judged.
    let authority = authority.unwrap_or_else(|| Authority::Keyless(Vec::new()));
    Ok(Read::Authority(Box::new(NamedAuthority {
        attestations,
        options,
        ..NamedAuthority::signature(name, authority)
    })))
}

/// `X` or `XRegExp`, exactly one (as policy-controller validates identities).
fn matcher(
    doc: &Doc<'_>,
    id: NodeId,
    field: &str,
    exact: &str,
    regexp: &str,
) -> Result<Matcher, PolicyError> {
    match (doc.get(id, exact), doc.get(id, regexp)) {
        (Some(e), None) => Ok(Matcher::exact(doc.string(e, &join(field, exact))?)),
        (None, Some(r)) => {
            let text = doc.string(r, &join(field, regexp))?;
            Matcher::regex(&text).map_err(|e| doc.err(r, &join(field, regexp), e.to_string()))
        }
        (Some(_), Some(_)) => {
            Err(doc.err(id, field, format!("needs only one of {exact} or {regexp}")))
        }
        (None, None) => Err(doc.err(id, field, format!("needs {exact} or {regexp}"))),
    }
}

/// The TrustRoot a `trustRootRef` names, from the same file.
fn trust_root(
    doc: &Doc<'_>,
    node: NodeId,
    field: &str,
    name: &str,
    roots: &Roots,
    found: &mut Found,
) -> Result<(String, Arc<Trust>), PolicyError> {
    match roots.get(name) {
        Some(Ok(t)) => Ok((name.to_owned(), Arc::clone(t))),
        Some(Err(why)) => {
            found.unsupported(
                doc,
                node,
                field,
                format!("TrustRoot {name:?} is not usable: {}", why.reason),
            )?;
            // Never used: the policy is `unsupported`.
            let t = Trust::embedded().map_err(|e| doc.err(node, field, chain(&e)))?;
            Ok((name.to_owned(), Arc::new(t)))
        }
        None => Err(doc.err(
            node,
            field,
            format!("no TrustRoot named {name:?} in this file (give it next to the policy)"),
        )),
    }
}

/// A TrustRoot: `sigstoreKeys` become a Sigstore trusted root (as `--trusted-root`);
/// `remote` and `repository` (TUF) are not supported.
fn read_trust_root(doc: &Doc<'_>) -> Result<Result<Arc<Trust>, Unsupported>, PolicyError> {
    let spec = doc.get(doc.node, "spec").unwrap_or(doc.node);
    doc.map(spec, "spec", &["remote", "repository", "sigstoreKeys"])?;
    let given: Vec<&str> = ["remote", "repository", "sigstoreKeys"]
        .into_iter()
        .filter(|k| doc.get(spec, k).is_some())
        .collect();
    if given.len() != 1 {
        return Err(doc.err(
            spec,
            "spec",
            "needs exactly one of remote, repository or sigstoreKeys",
        ));
    }
    match given[0] {
        "sigstoreKeys" => {
            let keys = doc.get(spec, "sigstoreKeys").unwrap_or(spec);
            let json = trusted_root_json(doc, keys)?;
            let trust = Trust::from_json(&json, &format!("TrustRoot/{}", doc.name))
                .map_err(|e| doc.err(keys, "spec.sigstoreKeys", chain(&e)))?;
            Ok(Ok(Arc::new(trust)))
        }
        other => {
            let node = doc.get(spec, other).unwrap_or(spec);
            let reason = format!(
                "a TrustRoot from a TUF {} is not read (give sigstoreKeys, or use \
                 `kubectl verify trust update` / --trusted-root)",
                if other == "remote" {
                    "mirror"
                } else {
                    "repository"
                }
            );
            doc.unsupported(node, &format!("spec.{other}"), reason)
                .map(Err)
        }
    }
}

/// The `sigstoreKeys` of a TrustRoot as a Sigstore trusted root (protobuf-specs JSON), as
/// policy-controller converts them: base64 PEM certificate chains and public keys, every
/// validity window open from the epoch.
fn trusted_root_json(doc: &Doc<'_>, keys: NodeId) -> Result<String, PolicyError> {
    use base64::Engine as _;
    const FROM_EPOCH: &str = "1970-01-01T00:00:00Z";
    let b64 = base64::engine::general_purpose::STANDARD;
    let base = "spec.sigstoreKeys";
    doc.map(
        keys,
        base,
        &[
            "certificateAuthorities",
            "tLogs",
            "ctLogs",
            "timestampAuthorities",
        ],
    )?;
    let decode = |node: NodeId, field: &str| -> Result<Vec<u8>, PolicyError> {
        let text = doc.string(node, field)?;
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        b64.decode(compact)
            .map_err(|e| doc.err(node, field, format!("not base64 (of PEM): {e}")))
    };
    let authorities = |key: &str| -> Result<Vec<serde_json::Value>, PolicyError> {
        let mut out = Vec::new();
        let Some(list) = doc.get(keys, key) else {
            return Ok(out);
        };
        for (i, ca) in doc.seq(list, &join(base, key))?.into_iter().enumerate() {
            let f = format!("{base}.{key}[{i}]");
            doc.map(ca, &f, &["subject", "uri", "certChain"])?;
            let subject = doc
                .get(ca, "subject")
                .ok_or_else(|| doc.err(ca, &join(&f, "subject"), "required"))?;
            doc.map(
                subject,
                &join(&f, "subject"),
                &["organization", "commonName"],
            )?;
            let chain_node = doc
                .get(ca, "certChain")
                .ok_or_else(|| doc.err(ca, &join(&f, "certChain"), "required"))?;
            let pem = decode(chain_node, &join(&f, "certChain"))?;
            let certs = crate::verify::pem::certificates(&pem)
                .map_err(|e| doc.err(chain_node, &join(&f, "certChain"), e))?;
            out.push(serde_json::json!({
                "subject": {
                    "organization": doc.opt_string(subject, "organization", &join(&f, "subject"))?.unwrap_or_default(),
                    "commonName": doc.opt_string(subject, "commonName", &join(&f, "subject"))?.unwrap_or_default(),
                },
                "uri": doc.opt_string(ca, "uri", &f)?.unwrap_or_default(),
                "certChain": { "certificates": certs.iter().map(|c| serde_json::json!({"rawBytes": b64.encode(c)})).collect::<Vec<_>>() },
                "validFor": { "start": FROM_EPOCH },
            }));
        }
        Ok(out)
    };
    let logs = |key: &str| -> Result<Vec<serde_json::Value>, PolicyError> {
        let mut out = Vec::new();
        let Some(list) = doc.get(keys, key) else {
            return Ok(out);
        };
        for (i, log) in doc.seq(list, &join(base, key))?.into_iter().enumerate() {
            let f = format!("{base}.{key}[{i}]");
            doc.map(log, &f, &["baseURL", "hashAlgorithm", "publicKey"])?;
            let hash = match doc.opt_string(log, "hashAlgorithm", &f)?.as_deref() {
                None | Some("sha-256" | "sha256") => "SHA2_256",
                Some("sha-384" | "sha384") => "SHA2_384",
                Some("sha-512" | "sha512") => "SHA2_512",
                Some(other) => {
                    let n = doc.get(log, "hashAlgorithm").unwrap_or(log);
                    return Err(doc.err(
                        n,
                        &join(&f, "hashAlgorithm"),
                        format!("unknown hash algorithm {other:?}"),
                    ));
                }
            };
            let key_node = doc
                .get(log, "publicKey")
                .ok_or_else(|| doc.err(log, &join(&f, "publicKey"), "required"))?;
            let pem = decode(key_node, &join(&f, "publicKey"))?;
            let pem = String::from_utf8_lossy(&pem);
            let key = PublicKey::from_pem(&pem, &join(&f, "publicKey"))
                .map_err(|e| doc.err(key_node, &join(&f, "publicKey"), chain(&e)))?;
            let details = match key.algorithm() {
                "ecdsa-p256" => "PKIX_ECDSA_P256_SHA_256",
                "ecdsa-p384" => "PKIX_ECDSA_P384_SHA_384",
                "ed25519" => "PKIX_ED25519",
                _ => "PKIX_RSA_PKCS1V15_2048_SHA256",
            };
            let der = key.der().as_bytes();
            out.push(serde_json::json!({
                "baseUrl": doc.opt_string(log, "baseURL", &f)?.unwrap_or_default(),
                "hashAlgorithm": hash,
                "publicKey": {
                    "rawBytes": b64.encode(der),
                    "keyDetails": details,
                    "validFor": { "start": FROM_EPOCH },
                },
                "logId": { "keyId": b64.encode(sigstore_verify::crypto::sha256(der).as_bytes()) },
            }));
        }
        Ok(out)
    };
    let root = serde_json::json!({
        "mediaType": "application/vnd.dev.sigstore.trustedroot+json;version=0.1",
        "tlogs": logs("tLogs")?,
        "certificateAuthorities": authorities("certificateAuthorities")?,
        "ctlogs": logs("ctLogs")?,
        "timestampAuthorities": authorities("timestampAuthorities")?,
    });
    Ok(root.to_string())
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::verify::policy::{Policy, PolicyError, ReadOptions, StaticAction, parse_with};

    const KEY: &str = "-----BEGIN PUBLIC KEY-----\n        MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEIcbqK2RAVZOfPzo+kbOhNYq8DK9f\n        B2BGbU7jAXEvYthJ3vRcYq8l7g9UAXXiz9P2awFuTa4COcZU2IdEDVU0uA==\n        -----END PUBLIC KEY-----";

    fn cip(authorities: &str) -> String {
        format!(
            "apiVersion: policy.sigstore.dev/v1beta1\nkind: ClusterImagePolicy\nmetadata: {{name: p}}\nspec:\n  images: [{{glob: \"**\"}}]\n  authorities:\n{authorities}"
        )
    }

    fn read(text: &str, skip: bool) -> Result<Vec<Policy>, PolicyError> {
        let options = ReadOptions {
            skip_unsupported: skip,
            ..ReadOptions::default()
        };
        parse_with(text, "p.yaml", Path::new("."), &options)
    }

    fn key(extra: &str) -> String {
        format!("  - key:\n      data: |\n        {KEY}\n{extra}")
    }

    const KEYLESS: &str = "  - keyless:\n      identities: [{issuer: https://i, subject: s@x}]\n";

    /// The transparency log is required as policy-controller requires it.
    #[test]
    fn transparency_log_as_policy_controller() {
        let p = read(&cip(&key("")), false).unwrap();
        assert!(p[0].requirement.authorities[0].options.ignore_tlog);
        let p = read(
            &cip(&key("    ctlog: {url: https://rekor.example}\n")),
            false,
        )
        .unwrap();
        assert!(!p[0].requirement.authorities[0].options.ignore_tlog);
        let p = read(&cip(KEYLESS), false).unwrap();
        assert!(!p[0].requirement.authorities[0].options.ignore_tlog);
        // A keyless trustRootRef with a ctlog of the default root: two roots at once.
        let text = format!(
            "{}---\n{}",
            "apiVersion: policy.sigstore.dev/v1alpha1\nkind: TrustRoot\nmetadata: {name: r}\nspec: {remote: {mirror: https://m, root: x}}\n",
            cip(
                "  - keyless:\n      trustRootRef: r\n      identities: [{issuer: https://i, subject: s@x}]\n    ctlog: {url: https://rekor.example}\n"
            )
        );
        let p = read(&text, true).unwrap();
        let u = p[0].requirement.unsupported.as_ref().unwrap();
        // The TrustRoot is refused first (remote), then the policy naming it.
        assert_eq!(u.field, "spec.authorities[0].keyless.trustRootRef", "{u}");
        // policy-controller's own sigstoreKeys TrustRoot: used by a keyless authority that
        // names it; without ctlog the log is not required; with a ctlog of the default root
        // the authority mixes two roots, which is not supported.
        let root =
            include_str!("../../tests/data/policies/policy-controller/trustroot-sigstorekeys.yaml");
        let named = "  - keyless:\n      trustRootRef: bring-your-own-sigstore-keys\n      identities: [{issuer: https://i, subject: s@x}]\n";
        let p = read(&format!("{root}---\n{}", cip(named)), false).unwrap();
        let o = &p[0].requirement.authorities[0].options;
        assert_eq!(
            o.trust.as_ref().map(|(n, _)| n.as_str()),
            Some("bring-your-own-sigstore-keys")
        );
        assert!(o.ignore_tlog);
        let mixed = format!("{named}    ctlog: {{url: https://rekor.example}}\n");
        let e = read(&format!("{root}---\n{}", cip(&mixed)), false).unwrap_err();
        assert!(
            matches!(&e, PolicyError::Field { field, unsupported: true, .. } if field == "spec.authorities[0].ctlog"),
            "{e}"
        );
        let both = format!(
            "{named}    ctlog: {{url: https://rekor.example, trustRootRef: bring-your-own-sigstore-keys}}\n"
        );
        let p = read(&format!("{root}---\n{}", cip(&both)), false).unwrap();
        assert!(!p[0].requirement.authorities[0].options.ignore_tlog);
    }

    /// Authorities are alternatives: `static: pass` passes; `static: fail` ones decide only
    /// alone.
    #[test]
    fn statics_among_authorities() {
        let pass = "  - static: {action: pass}\n";
        let fail = "  - static: {action: fail, message: no}\n";
        let p = read(&cip(&format!("{fail}{pass}")), false).unwrap();
        assert_eq!(p[0].requirement.static_action, Some(StaticAction::Pass));
        assert_eq!(p[0].requirement.message, None);
        let p = read(&cip(fail), false).unwrap();
        assert_eq!(p[0].requirement.static_action, Some(StaticAction::Fail));
        assert_eq!(p[0].requirement.message.as_deref(), Some("no"));
        let p = read(&cip(&format!("{fail}{KEYLESS}")), false).unwrap();
        assert_eq!(p[0].requirement.static_action, None);
        assert_eq!(p[0].requirement.authorities.len(), 1);
        assert!(p[0].requirement.authorities[0].options.notes[0].contains("static: fail"));
    }

    /// Mistakes are errors naming the field; what is not supported is refused or, with
    /// --skip-unsupported, makes the policy `unsupported`.
    #[test]
    fn errors_name_the_field() {
        let table: &[(String, &str)] = &[
            (
                cip(KEYLESS).replace("metadata", "metadatas"),
                "p.yaml:3:1: ClusterImagePolicy/: metadatas: unknown field",
            ),
            (
                cip(KEYLESS).replace("v1beta1", "v1"),
                "p.yaml:1:13: ClusterImagePolicy/p: apiVersion: policy.sigstore.dev/v1 is not a version",
            ),
            (
                cip(&KEYLESS.replace("issuer:", "issuers:")),
                "spec.authorities[0].keyless.identities[0].issuers: unknown field",
            ),
            (
                cip(&KEYLESS.replace("issuer: https://i, ", "")),
                "spec.authorities[0].keyless.identities[0]: needs issuer or issuerRegExp",
            ),
            (
                cip(&format!("{KEYLESS}    static: {{action: pass}}\n")),
                "spec.authorities[0]: needs only one of key, keyless or static",
            ),
            (
                cip("  - static: {action: pass}\n    ctlog: {url: https://r}\n"),
                "spec.authorities[0].ctlog: does not go with static",
            ),
            (
                cip("  - static: {action: maybe}\n"),
                "spec.authorities[0].static.action: must be pass or fail",
            ),
            (
                cip(KEYLESS).replace("  images", "  mode: audit\n  images"),
                "spec.mode: must be enforce or warn",
            ),
            (
                cip(KEYLESS).replace("  images", "  match: [{version: v1}]\n  images"),
                "spec.match[0].resource: required",
            ),
            (
                // policy-controller compares the version exactly: none matches no object,
                // and the policy would apply to nothing.
                cip(KEYLESS).replace("  images", "  match: [{resource: pods}]\n  images"),
                "spec.match[0].version: required",
            ),
            (
                cip(KEYLESS).replace(
                    "  images",
                    "  match: [{group: [apps], version: v1, resource: deployments}]\n  images",
                ),
                "spec.match[0].group: must be a string",
            ),
            (
                cip(KEYLESS).replace("\"**\"", "\"ghcr.io/{a,b}\""),
                "spec.images[0].glob: glob \"ghcr.io/{a,b}\" is invalid",
            ),
            (
                cip(&format!(
                    "{KEYLESS}    source: [{{oci: a.example/x}}, {{oci: b.example/y}}]\n"
                )),
                "spec.authorities[0].source: only a single source",
            ),
            (
                cip(&key("    attestations: [{predicateType: spdx}]\n")),
                "spec.authorities[0].attestations[0].name: required",
            ),
            (
                cip(&key("      kms: gcpkms://k\n")),
                "spec.authorities[0].key: needs exactly one of data, secretRef or kms",
            ),
        ];
        for (text, want) in table {
            let e = read(text, true).expect_err(want).to_string();
            assert!(e.contains(want), "{want}\n{e}");
        }
        let unsupported: &[(String, &str)] = &[
            (
                cip("  - key: {kms: \"awskms:///arn\"}\n"),
                "spec.authorities[0].key.kms",
            ),
            (
                cip(&format!(
                    "{KEYLESS}    source: [{{oci: a.example/x}}]\n{KEYLESS}"
                )),
                "spec.authorities",
            ),
            (
                cip(&format!(
                    "{KEYLESS}    rfc3161timestamp: {{trustRootRef: t}}\n"
                )),
                "spec.authorities[0].rfc3161timestamp",
            ),
            (
                cip(&KEYLESS.replace("keyless:\n", "keyless:\n      ca-cert: {data: x}\n")),
                "spec.authorities[0].keyless.ca-cert",
            ),
            (
                cip(&format!("{KEYLESS}    source: [{{tagPrefix: x}}]\n")),
                "spec.authorities[0].source[0].tagPrefix",
            ),
            (
                cip(&key("      hashAlgorithm: sha512\n")),
                "spec.authorities[0].key.hashAlgorithm",
            ),
        ];
        for (text, field) in unsupported {
            let e = read(text, false).expect_err(field);
            assert!(
                matches!(&e, PolicyError::Field { field: f, unsupported: true, .. } if f == field),
                "{field}: {e}"
            );
            let p = read(text, true).unwrap();
            assert_eq!(p[0].requirement.unsupported.as_ref().unwrap().field, *field);
        }
    }
}
