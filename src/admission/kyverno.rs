//! Kyverno `ClusterPolicy`/`Policy` (`kyverno.io/v1`, `v2beta1`) `verifyImages` rules, read
//! into policies; `ImageValidatingPolicy` (`policies.kyverno.io`) is refused field by field.
//!
//! Both forms of `verifyImages` are read: the 2021 one (`image`, `key`, `subject`/`issuer`,
//! `attestations: [{predicateType, conditions}]`) and today's (`imageReferences`,
//! `skipImageReferences`, `attestors: [{count, entries}]`, `attestations` with
//! `type`/`predicateType`, `attestors` and `conditions`).
//!
//! How Kyverno's meaning maps onto requirements:
//!
//! - every attestor set must pass (Kyverno's rule), so each set is its own requirement;
//!   within a set, `count` entries (default: all of them);
//! - each attestation is a requirement over its own attestor sets (or the image-level ones
//!   when it has none, as Kyverno 1.7 did); its `conditions` are Kyverno's condition language
//!   ([`crate::verify::kyverno_conditions`]) over the predicate;
//! - `match`/`exclude` become the policy's [`Scope`]; a namespaced `Policy` applies to its own
//!   namespace only;
//! - `failureAction` (on the `verifyImages` entry) or else `spec.validationFailureAction`
//!   decide the mode: `Enforce` → enforce, `Audit` (Kyverno's default) → warn (or
//!   `enforce`, `audit`; other spellings are refused, as Kyverno's CRD refuses them);
//! - a `verifyImages` entry with neither attestors nor attestations only asks for a digest
//!   (`verifyDigest`): every image passes it, as every image we check is checked by digest;
//! - `required`, `verifyDigest`, `mutateDigest` (`pin --verify` pins what it verified),
//!   `useCache`, `cosignOCI11`, `background`, `failurePolicy` and the webhook settings do not
//!   change what is verified offline.
//!
//! Everything else that changes the verdict and is not evaluated (keys from ConfigMaps or
//! KMS, Notary, certificate attestors, custom roots, `context`, `preconditions`,
//! `imageExtractors`, another signature repository, …) is refused with its field path, or with
//! `--skip-unsupported` becomes a failing `unsupported` requirement.

use super::{Doc, join};
use crate::manifest::yaml::NodeId;
use crate::manifest::yaml::{Style, Value as Yv};
use crate::verify::attest::{AttestationRequirement, Condition};
use crate::verify::kyverno_conditions::Conditions;
use crate::verify::policy::{
    AuthorityOptions, Glob, Mode, NamedAuthority, Policy, PolicyError, Requirement, StaticAction,
    Unsupported,
};
use crate::verify::scope::{LabelSelector, ResourceFilter, Scope};
use crate::verify::sigstore::Authority;
use crate::verify::trust::PublicKey;
use crate::verify::{KeylessIdentity, Matcher};
use serde_json::Value;

/// Why reading stopped: an error, or (with `--skip-unsupported`) what makes the part
/// unsupported.
enum Stop {
    Err(PolicyError),
    Unsupported(Unsupported),
}

impl From<PolicyError> for Stop {
    fn from(e: PolicyError) -> Self {
        Self::Err(e)
    }
}

type R<T> = Result<T, Stop>;

/// An unsupported field that narrows where a policy applies: an error even with
/// `--skip-unsupported`, since an `unsupported` requirement would have to know where it
/// applies.
fn refuse(doc: &Doc<'_>, node: NodeId, field: &str, reason: &str) -> PolicyError {
    PolicyError::Field {
        path: doc.ctx.path.to_owned(),
        at: doc.ctx.at(node),
        document: doc.label(),
        field: field.to_owned(),
        reason: reason.to_owned(),
        unsupported: true,
    }
}

fn unsupported(doc: &Doc<'_>, node: NodeId, field: &str, reason: impl Into<String>) -> Stop {
    match doc.unsupported(node, field, reason) {
        Ok(u) => Stop::Unsupported(u),
        Err(e) => Stop::Err(e),
    }
}

/// Reads one Kyverno document.
pub fn read_document(doc: &Doc<'_>) -> Result<Vec<Policy>, PolicyError> {
    if doc.group() == "policies.kyverno.io" {
        return read_ivpol(doc);
    }
    if !matches!(doc.version(), "v1" | "v2beta1") {
        return Err(doc.err(
            doc.node,
            "apiVersion",
            format!(
                "{} is not read (kyverno.io/v1 and v2beta1 are)",
                doc.api_version
            ),
        ));
    }
    let spec = doc
        .get(doc.node, "spec")
        .ok_or_else(|| doc.err(doc.node, "spec", "is required"))?;
    doc.map(
        spec,
        "spec",
        &[
            "rules",
            "validationFailureAction",
            "validationFailureActionOverrides",
            "background",
            "failurePolicy",
            "webhookTimeoutSeconds",
            "applyRules",
            "admission",
            "emitWarning",
            "schemaValidation",
            "useServerSideApply",
            "webhookConfiguration",
            "mutateExistingOnPolicyUpdate",
            "generateExisting",
            "generateExistingOnPolicyUpdate",
        ],
    )?;
    let spec_mode = match doc.get(spec, "validationFailureAction") {
        Some(n) => Some(action(doc, n, "spec.validationFailureAction")?),
        None => None,
    };
    let rules_node = doc
        .get(spec, "rules")
        .ok_or_else(|| doc.err(spec, "spec.rules", "is required"))?;
    let rules = doc.seq(rules_node, "spec.rules")?;
    let mut out = Vec::new();
    let mut spec_stop = None;
    if let Some(n) = doc.get(spec, "validationFailureActionOverrides")
        && !doc
            .seq(n, "spec.validationFailureActionOverrides")?
            .is_empty()
    {
        spec_stop = Some(unsupported(
            doc,
            n,
            "spec.validationFailureActionOverrides",
            "per-namespace failure actions are not evaluated",
        ));
    }
    let image_rules = rules
        .iter()
        .filter(|&&r| doc.get(r, "verifyImages").is_some())
        .count();
    if let Some(n) = doc.get(spec, "applyRules")
        && doc.string(n, "spec.applyRules")? == "One"
        && image_rules > 1
        && spec_stop.is_none()
    {
        spec_stop = Some(unsupported(
            doc,
            n,
            "spec.applyRules",
            "`One` (only the first matching rule applies) over several verifyImages rules is \
             not evaluated",
        ));
    }
    if let Some(Stop::Err(e)) = spec_stop {
        return Err(e);
    }
    let spec_unsupported = match spec_stop {
        Some(Stop::Unsupported(u)) => Some(u),
        _ => None,
    };
    for (i, &rule) in rules.iter().enumerate() {
        out.extend(read_rule(
            doc,
            rule,
            &format!("spec.rules[{i}]"),
            spec_mode,
            spec_unsupported.as_ref(),
        )?);
    }
    Ok(out)
}

/// `Enforce`/`Audit`, or `enforce`/`audit` — exactly the values Kyverno's CRD accepts: a
/// value it would refuse (`AUDIT`, `Audti`) must not read as a warning.
fn action(doc: &Doc<'_>, node: NodeId, field: &str) -> Result<Mode, PolicyError> {
    match doc.string(node, field)?.as_str() {
        "Enforce" | "enforce" => Ok(Mode::Enforce),
        "Audit" | "audit" => Ok(Mode::Warn),
        other => Err(doc.err(
            node,
            field,
            format!("must be Enforce or Audit (or enforce, audit), got {other:?}"),
        )),
    }
}

fn read_rule(
    doc: &Doc<'_>,
    rule: NodeId,
    field: &str,
    spec_mode: Option<Mode>,
    spec_unsupported: Option<&Unsupported>,
) -> Result<Vec<Policy>, PolicyError> {
    doc.map(
        rule,
        field,
        &[
            "name",
            "match",
            "exclude",
            "verifyImages",
            "context",
            "preconditions",
            "celPreconditions",
            "validate",
            "mutate",
            "generate",
            "imageExtractors",
            "skipBackgroundRequests",
            "reportProperties",
        ],
    )?;
    let name = doc.opt_string(rule, "name", field)?;
    let Some(vi) = doc.get(rule, "verifyImages") else {
        // validate/mutate/generate rules judge the object, not its images' signatures.
        crate::report::log(1, || {
            format!(
                "{}:{}: {}: {field}: not a verifyImages rule; not evaluated",
                doc.ctx.path,
                doc.ctx.at(rule),
                doc.label()
            )
        });
        return Ok(Vec::new());
    };
    let mut scope = Scope::default();
    if let Some(m) = doc.get(rule, "match") {
        let (any, all) = read_match(doc, m, &join(field, "match"))?;
        scope.any = any;
        scope.all = all;
    }
    if let Some(x) = doc.get(rule, "exclude") {
        let (any, all) = read_match(doc, x, &join(field, "exclude"))?;
        scope.exclude_any = any;
        scope.exclude_all = all;
    }
    if doc.kind == "Policy" {
        // A namespaced Policy applies to its own namespace only.
        scope.all.push(ResourceFilter {
            namespaces: vec![
                doc.namespace
                    .clone()
                    .unwrap_or_else(|| "default".to_owned()),
            ],
            ..ResourceFilter::default()
        });
    }
    // Rule-level parts that change the outcome and are not evaluated.
    let mut rule_stop: Option<Unsupported> = spec_unsupported.cloned();
    for (key, reason) in [
        (
            "context",
            "context entries (ConfigMaps, API calls, image data) are not evaluated",
        ),
        (
            "preconditions",
            "preconditions over the admission request are not evaluated",
        ),
        (
            "celPreconditions",
            "CEL preconditions over the admission request are not evaluated",
        ),
        (
            "imageExtractors",
            "images in custom resources (imageExtractors) are not read",
        ),
    ] {
        if rule_stop.is_none()
            && let Some(n) = doc.get(rule, key)
        {
            match unsupported(doc, n, &join(field, key), reason) {
                Stop::Err(e) => return Err(e),
                Stop::Unsupported(u) => rule_stop = Some(u),
            }
        }
    }
    let mut out = Vec::new();
    for (j, entry) in doc
        .seq(vi, &join(field, "verifyImages"))?
        .into_iter()
        .enumerate()
    {
        let efield = format!("{field}.verifyImages[{j}]");
        let origin = doc.origin(name.clone());
        let globs = match read_globs(doc, entry, &efield) {
            Ok(g) => g,
            Err(Stop::Err(e)) => return Err(e),
            Err(Stop::Unsupported(u)) => {
                out.push(unsupported_policy(
                    vec![any_glob()],
                    Vec::new(),
                    &scope,
                    u,
                    origin,
                    Mode::Enforce,
                ));
                continue;
            }
        };
        let mode = match doc.get(entry, "failureAction") {
            Some(n) => action(doc, n, &join(&efield, "failureAction"))?,
            None => spec_mode.unwrap_or(Mode::Warn),
        };
        if let Some(u) = &rule_stop {
            out.push(unsupported_policy(
                globs.0,
                globs.1,
                &scope,
                u.clone(),
                origin,
                mode,
            ));
            continue;
        }
        match read_entry(doc, entry, &efield) {
            Ok(reqs) => {
                for (k, mut req) in reqs.into_iter().enumerate() {
                    req.mode = mode;
                    req.origin = Some(origin.clone());
                    if req.name.is_empty() {
                        req.name = format!("{} #{}", doc.label(), k + 1);
                    }
                    let mut p = Policy::new(globs.0.clone(), req);
                    p.skip.clone_from(&globs.1);
                    p.scope = scope.clone();
                    out.push(p);
                }
            }
            Err(Stop::Err(e)) => return Err(e),
            Err(Stop::Unsupported(u)) => {
                out.push(unsupported_policy(
                    globs.0, globs.1, &scope, u, origin, mode,
                ));
            }
        }
    }
    Ok(out)
}

fn any_glob() -> Glob {
    Glob::new("**").expect("a valid glob")
}

fn unsupported_policy(
    globs: Vec<Glob>,
    skip: Vec<Glob>,
    scope: &Scope,
    u: Unsupported,
    origin: crate::verify::policy::Origin,
    mode: Mode,
) -> Policy {
    let mut req = Requirement::new(format!("{} (unsupported)", u.field), Vec::new());
    req.mode = mode;
    req.origin = Some(origin);
    req.unsupported = Some(u);
    let mut p = Policy::new(globs, req);
    p.skip = skip;
    p.scope = scope.clone();
    p
}

/// A Kyverno image pattern as a glob: Kyverno's `*` crosses `/` (it is a plain wildcard over
/// the reference).
fn kyverno_glob(doc: &Doc<'_>, node: NodeId, field: &str) -> R<Glob> {
    let text = doc.string(node, field)?;
    if text.contains("{{") {
        return Err(unsupported(
            doc,
            node,
            field,
            "image references from variables are not evaluated",
        ));
    }
    Glob::wildcard(&text).map_err(|e| Stop::Err(doc.err(node, field, e)))
}

fn read_globs(doc: &Doc<'_>, entry: NodeId, field: &str) -> R<(Vec<Glob>, Vec<Glob>)> {
    let mut globs = Vec::new();
    if let Some(n) = doc.get(entry, "image") {
        globs.push(kyverno_glob(doc, n, &join(field, "image"))?);
    }
    for key in ["imageReferences", "images"] {
        if let Some(list) = doc.get(entry, key) {
            for (i, n) in doc.seq(list, &join(field, key))?.into_iter().enumerate() {
                globs.push(kyverno_glob(doc, n, &format!("{field}.{key}[{i}]"))?);
            }
        }
    }
    if globs.is_empty() {
        // Kyverno's default: every image.
        globs.push(any_glob());
    }
    let mut skip = Vec::new();
    if let Some(list) = doc.get(entry, "skipImageReferences") {
        for (i, n) in doc
            .seq(list, &join(field, "skipImageReferences"))?
            .into_iter()
            .enumerate()
        {
            skip.push(kyverno_glob(
                doc,
                n,
                &format!("{field}.skipImageReferences[{i}]"),
            )?);
        }
    }
    Ok((globs, skip))
}

/// A `verifyImages` entry's requirements: one per image-level attestor set (or legacy key /
/// keyless), one per attestation and attestor set.
fn read_entry(doc: &Doc<'_>, entry: NodeId, field: &str) -> R<Vec<Requirement>> {
    doc.map(
        entry,
        field,
        &[
            "image",
            "images",
            "imageReferences",
            "skipImageReferences",
            "key",
            "subject",
            "issuer",
            "roots",
            "additionalExtensions",
            "annotations",
            "repository",
            "attestors",
            "attestations",
            "required",
            "verifyDigest",
            "mutateDigest",
            "useCache",
            "type",
            "failureAction",
            "validate",
            "imageRegistryCredentials",
            "cosignOCI11",
        ],
    )?;
    if let Some(n) = doc.get(entry, "type") {
        let t = doc.string(n, &join(field, "type"))?;
        match t.as_str() {
            "Cosign" | "SigstoreBundle" => {}
            "Notary" => {
                return Err(unsupported(
                    doc,
                    n,
                    &join(field, "type"),
                    "Notary signatures are not verified",
                ));
            }
            other => {
                return Err(Stop::Err(doc.err(
                    n,
                    &join(field, "type"),
                    format!("unknown type {other:?} (Cosign, SigstoreBundle, Notary)"),
                )));
            }
        }
    }
    let entry_repository = match doc.get(entry, "repository") {
        Some(n) => Some(read_repository(doc, n, &join(field, "repository"))?),
        None => None,
    };
    for (key, reason) in [
        (
            "roots",
            "custom root certificates are not used (the trusted root is)",
        ),
        (
            "additionalExtensions",
            "certificate extensions are not checked",
        ),
        ("annotations", "signature annotations are not checked"),
        (
            "validate",
            "validate.deny over named attestations is not evaluated",
        ),
        (
            "imageRegistryCredentials",
            "registry credentials from Secrets are not read",
        ),
    ] {
        if let Some(n) = doc.get(entry, key) {
            return Err(unsupported(doc, n, &join(field, key), reason));
        }
    }
    for key in [
        "required",
        "verifyDigest",
        "mutateDigest",
        "useCache",
        "cosignOCI11",
    ] {
        if let Some(n) = doc.get(entry, key) {
            doc.boolean(n, &join(field, key))?;
        }
    }
    // The attestor sets of the image: `attestors`, or the 2021 `key` / `subject`+`issuer`.
    let mut sets: Vec<(String, Vec<NamedAuthority>, usize)> = Vec::new();
    if let Some(n) = doc.get(entry, "attestors") {
        sets = read_attestor_sets(doc, n, &join(field, "attestors"))?;
    }
    let legacy_key = doc.get(entry, "key");
    let legacy_keyless = doc.get(entry, "subject").is_some() || doc.get(entry, "issuer").is_some();
    if let Some(k) = legacy_key {
        let mut a = read_key_text(doc, k, &join(field, "key"))?;
        "key".clone_into(&mut a.name);
        sets.push((join(field, "key"), vec![a], 1));
    } else if legacy_keyless {
        let mut a = read_keyless_fields(doc, entry, field)?;
        "keyless".clone_into(&mut a.name);
        sets.push((field.to_owned(), vec![a], 1));
    }
    if let Some(repo) = &entry_repository {
        // The entry's repository holds the signatures of every attestor that names none.
        for (_, authorities, _) in &mut sets {
            for a in authorities {
                a.options
                    .signature_repository
                    .get_or_insert_with(|| repo.clone());
            }
        }
    }
    let mut out = Vec::new();
    for (name, authorities, count) in &sets {
        out.push(Requirement {
            count: *count,
            ..Requirement::new(name.clone(), authorities.clone())
        });
    }
    if let Some(list) = doc.get(entry, "attestations") {
        for (i, a) in doc
            .seq(list, &join(field, "attestations"))?
            .into_iter()
            .enumerate()
        {
            let afield = format!("{field}.attestations[{i}]");
            let mut reqs = read_attestation(doc, a, &afield, &sets)?;
            if let Some(repo) = &entry_repository {
                for r in &mut reqs {
                    for a in &mut r.authorities {
                        a.options
                            .signature_repository
                            .get_or_insert_with(|| repo.clone());
                    }
                }
            }
            out.extend(reqs);
        }
    }
    if out.is_empty() {
        // Only `verifyDigest`: Kyverno asks for a digest, which every image we verify has.
        let mut req = Requirement::new(format!("{field} (digest only)"), Vec::new());
        req.static_action = Some(StaticAction::Pass);
        out.push(req);
    }
    Ok(out)
}

fn read_attestation(
    doc: &Doc<'_>,
    node: NodeId,
    field: &str,
    image_sets: &[(String, Vec<NamedAuthority>, usize)],
) -> R<Vec<Requirement>> {
    doc.map(
        node,
        field,
        &["name", "type", "predicateType", "attestors", "conditions"],
    )?;
    let ty_node = doc
        .get(node, "type")
        .or_else(|| doc.get(node, "predicateType"))
        .ok_or_else(|| Stop::Err(doc.err(node, field, "needs `type` or `predicateType`")))?;
    let ty_field = if doc.get(node, "type").is_some() {
        join(field, "type")
    } else {
        join(field, "predicateType")
    };
    // Kyverno compares the type with the statement's `predicateType` as written (it knows no
    // short names), so it is taken literally.
    let ty = doc.string(ty_node, &ty_field)?.trim().to_owned();
    if ty.chars().any(char::is_whitespace) {
        return Err(Stop::Err(doc.err(
            ty_node,
            &ty_field,
            "must not contain whitespace",
        )));
    }
    let mut conditions = Vec::new();
    if let Some(c) = doc.get(node, "conditions") {
        let cfield = join(field, "conditions");
        let json = to_json(doc, c);
        let parsed = Conditions::parse(&json, &cfield).map_err(|e| {
            if e.unsupported {
                unsupported(doc, c, &e.path, e.reason.clone())
            } else {
                Stop::Err(doc.err(c, &e.path, e.reason.clone()))
            }
        })?;
        if !parsed.is_empty() {
            conditions.push(Condition::kyverno(parsed));
        }
    }
    let name = match doc.get(node, "name") {
        Some(n) => doc.string(n, &join(field, "name"))?,
        None => crate::verify::attest::short_name(&ty).to_owned(),
    };
    let sets = match doc.get(node, "attestors") {
        Some(n) => read_attestor_sets(doc, n, &join(field, "attestors"))?,
        None => image_sets.to_vec(),
    };
    if sets.is_empty() {
        return Err(Stop::Err(doc.err(
            node,
            field,
            "has no attestors (here or on the verifyImages entry): nobody to have signed it",
        )));
    }
    let requirement = AttestationRequirement {
        name,
        predicate_type: ty,
        conditions,
    };
    Ok(sets
        .into_iter()
        .map(|(set_name, authorities, count)| {
            let authorities = authorities
                .into_iter()
                .map(|mut a| {
                    a.attestations = vec![requirement.clone()];
                    a
                })
                .collect();
            Requirement {
                count,
                ..Requirement::new(format!("{field} by {set_name}"), authorities)
            }
        })
        .collect())
}

fn read_attestor_sets(
    doc: &Doc<'_>,
    node: NodeId,
    field: &str,
) -> R<Vec<(String, Vec<NamedAuthority>, usize)>> {
    let mut out = Vec::new();
    for (i, set) in doc.seq(node, field)?.into_iter().enumerate() {
        let sfield = format!("{field}[{i}]");
        doc.map(set, &sfield, &["count", "entries"])?;
        let entries_node = doc
            .get(set, "entries")
            .ok_or_else(|| Stop::Err(doc.err(set, &sfield, "needs `entries`")))?;
        let mut authorities = Vec::new();
        for (k, e) in doc
            .seq(entries_node, &join(&sfield, "entries"))?
            .into_iter()
            .enumerate()
        {
            authorities.push(read_attestor(doc, e, &format!("{sfield}.entries[{k}]"))?);
        }
        if authorities.is_empty() {
            return Err(Stop::Err(doc.err(
                entries_node,
                &join(&sfield, "entries"),
                "is empty",
            )));
        }
        let repositories: Vec<Option<String>> = authorities
            .iter()
            .map(|a| {
                a.options
                    .signature_repository
                    .as_ref()
                    .map(crate::reference::ImageRef::canonical_repository)
            })
            .collect();
        if repositories.iter().any(|r| r != &repositories[0]) {
            return Err(unsupported(
                doc,
                entries_node,
                &join(&sfield, "entries"),
                "entries of one attestor set with signatures in different repositories are \
                 not evaluated",
            ));
        }
        let count = match doc.get(set, "count") {
            None => authorities.len(),
            Some(c) => {
                let text = doc.string(c, &join(&sfield, "count"))?;
                match text.parse::<usize>() {
                    Ok(n) if n >= 1 && n <= authorities.len() => n,
                    _ => {
                        return Err(Stop::Err(doc.err(
                            c,
                            &join(&sfield, "count"),
                            format!(
                                "must be between 1 and the {} entries, got {text:?}",
                                authorities.len()
                            ),
                        )));
                    }
                }
            }
        };
        out.push((sfield, authorities, count));
    }
    Ok(out)
}

fn read_attestor(doc: &Doc<'_>, node: NodeId, field: &str) -> R<NamedAuthority> {
    doc.map(
        node,
        field,
        &[
            "keys",
            "keyless",
            "certificates",
            "attestor",
            "repository",
            "annotations",
        ],
    )?;
    for (key, reason) in [
        ("certificates", "certificate attestors are not verified"),
        ("attestor", "nested attestor sets are not evaluated"),
        ("annotations", "signature annotations are not checked"),
    ] {
        if let Some(n) = doc.get(node, key) {
            return Err(unsupported(doc, n, &join(field, key), reason));
        }
    }
    let mut a = match (doc.get(node, "keys"), doc.get(node, "keyless")) {
        (Some(k), None) => read_keys(doc, k, &join(field, "keys"))?,
        (None, Some(k)) => read_keyless(doc, k, &join(field, "keyless"))?,
        _ => {
            return Err(Stop::Err(doc.err(
                node,
                field,
                "needs exactly one of `keys`, `keyless` or `certificates`",
            )));
        }
    };
    if let Some(n) = doc.get(node, "repository") {
        a.options.signature_repository = Some(read_repository(doc, n, &join(field, "repository"))?);
    }
    // Reports name an attestor by where it is written.
    field
        .rsplit('.')
        .next()
        .unwrap_or(field)
        .clone_into(&mut a.name);
    Ok(a)
}

fn read_keys(doc: &Doc<'_>, node: NodeId, field: &str) -> R<NamedAuthority> {
    doc.map(
        node,
        field,
        &[
            "publicKeys",
            "kms",
            "secret",
            "signatureAlgorithm",
            "rekor",
            "ctlog",
        ],
    )?;
    let mut options = AuthorityOptions::default();
    read_rekor_ctlog(doc, node, field, &mut options)?;
    if let Some(n) = doc.get(node, "signatureAlgorithm") {
        let alg = doc.string(n, &join(field, "signatureAlgorithm"))?;
        if alg != "sha256" {
            return Err(unsupported(
                doc,
                n,
                &join(field, "signatureAlgorithm"),
                format!("{alg} signatures are not verified (sha256 is)"),
            ));
        }
    }
    if let Some(n) = doc.get(node, "kms") {
        return Err(unsupported(
            doc,
            n,
            &join(field, "kms"),
            "KMS keys are not read",
        ));
    }
    let mut a = if let Some(n) = doc.get(node, "publicKeys") {
        read_key_text(doc, n, &join(field, "publicKeys"))?
    } else if let Some(s) = doc.get(node, "secret") {
        let sfield = join(field, "secret");
        doc.map(s, &sfield, &["name", "namespace"])?;
        let name = doc.opt_string(s, "name", &sfield)?.unwrap_or_default();
        let ns = doc.opt_string(s, "namespace", &sfield)?.unwrap_or_default();
        let uri = format!("k8s://{ns}/{name}");
        let Some(pem) = doc.ctx.options.k8s_keys.get(&uri) else {
            return Err(unsupported(
                doc,
                s,
                &sfield,
                format!("the key in Secret {ns}/{name} is not read from the cluster"),
            ));
        };
        let key = PublicKey::from_pem(pem, &uri)
            .map_err(|e| Stop::Err(doc.err(s, &sfield, e.to_string())))?;
        NamedAuthority::signature(format!("key {}", key.fingerprint()), Authority::Key(key))
    } else {
        return Err(Stop::Err(doc.err(
            node,
            field,
            "needs `publicKeys`, `secret` or `kms`",
        )));
    };
    a.options = options;
    Ok(a)
}

/// A signature repository (`repository`), as a reference without tag or digest.
fn read_repository(doc: &Doc<'_>, node: NodeId, field: &str) -> R<crate::reference::ImageRef> {
    let text = doc.string(node, field)?;
    if text.contains("{{") {
        return Err(unsupported(
            doc,
            node,
            field,
            "repositories from variables are not read",
        ));
    }
    crate::reference::ImageRef::parse(&text)
        .map_err(|e| Stop::Err(doc.err(node, field, e.to_string())))
}

/// A PEM public key written in the policy (Kyverno's `key`/`publicKeys`); a variable or a KMS
/// URI instead is unsupported.
fn read_key_text(doc: &Doc<'_>, node: NodeId, field: &str) -> R<NamedAuthority> {
    let text = doc.string(node, field)?;
    if text.contains("{{") {
        return Err(unsupported(
            doc,
            node,
            field,
            "keys from variables (ConfigMaps, context) are not read",
        ));
    }
    if text.contains("://") && !text.contains("-----BEGIN") {
        return Err(unsupported(
            doc,
            node,
            field,
            "KMS and remote keys are not read",
        ));
    }
    if text.matches("-----BEGIN").count() > 1 {
        // Kyverno makes each key an entry of the attestor set (all needed by default); the
        // PEM reader takes the first block only, which would need one signature, not all.
        return Err(unsupported(
            doc,
            node,
            field,
            "several keys in one entry are not read (write one entry per key)",
        ));
    }
    let key = PublicKey::from_pem(&text, field)
        .map_err(|e| Stop::Err(doc.err(node, field, crate::verify::policy::chain(&e))))?;
    Ok(NamedAuthority::signature(
        format!("key {}", key.fingerprint()),
        Authority::Key(key),
    ))
}

fn read_rekor_ctlog(
    doc: &Doc<'_>,
    node: NodeId,
    field: &str,
    options: &mut AuthorityOptions,
) -> R<()> {
    if let Some(r) = doc.get(node, "rekor") {
        let rfield = join(field, "rekor");
        doc.map(r, &rfield, &["url", "ignoreTlog", "pubkey"])?;
        if let Some(n) = doc.get(r, "ignoreTlog") {
            options.ignore_tlog = doc.boolean(n, &join(&rfield, "ignoreTlog"))?;
        }
        if let Some(n) = doc.get(r, "pubkey") {
            return Err(unsupported(
                doc,
                n,
                &join(&rfield, "pubkey"),
                "a custom Rekor key is not used (the trusted root's is)",
            ));
        }
        if let Some(n) = doc.get(r, "url") {
            let url = doc.string(n, &join(&rfield, "url"))?;
            if url.trim_end_matches('/') != "https://rekor.sigstore.dev" {
                return Err(unsupported(
                    doc,
                    n,
                    &join(&rfield, "url"),
                    "a Rekor other than the trusted root's is not used",
                ));
            }
        }
    }
    if let Some(c) = doc.get(node, "ctlog") {
        let cfield = join(field, "ctlog");
        doc.map(
            c,
            &cfield,
            &["ignoreSCT", "pubkey", "tsaCertChain", "insecureIgnoreSCT"],
        )?;
        for key in ["ignoreSCT", "insecureIgnoreSCT"] {
            if let Some(n) = doc.get(c, key) {
                options.ignore_sct |= doc.boolean(n, &join(&cfield, key))?;
            }
        }
        for key in ["pubkey", "tsaCertChain"] {
            if let Some(n) = doc.get(c, key) {
                return Err(unsupported(
                    doc,
                    n,
                    &join(&cfield, key),
                    "custom CT log and TSA keys are not used (the trusted root's are)",
                ));
            }
        }
    }
    Ok(())
}

fn read_keyless(doc: &Doc<'_>, node: NodeId, field: &str) -> R<NamedAuthority> {
    doc.map(
        node,
        field,
        &[
            "subject",
            "issuer",
            "subjectRegExp",
            "issuerRegExp",
            "roots",
            "rekor",
            "ctlog",
            "additionalExtensions",
        ],
    )?;
    for (key, reason) in [
        (
            "roots",
            "custom root certificates are not used (the trusted root is)",
        ),
        (
            "additionalExtensions",
            "certificate extensions are not checked",
        ),
    ] {
        if let Some(n) = doc.get(node, key) {
            return Err(unsupported(doc, n, &join(field, key), reason));
        }
    }
    let mut a = read_keyless_fields(doc, node, field)?;
    read_rekor_ctlog(doc, node, field, &mut a.options)?;
    Ok(a)
}

/// `subject`/`issuer` (Kyverno wildcards) or `subjectRegExp`/`issuerRegExp` of a keyless
/// attestor (or of a 2021 verifyImages entry).
fn read_keyless_fields(doc: &Doc<'_>, node: NodeId, field: &str) -> R<NamedAuthority> {
    let matcher = |plain: &str, re: &str| -> R<Option<Matcher>> {
        if let Some(n) = doc.get(node, re) {
            let f = join(field, re);
            let text = doc.string(n, &f)?;
            return Matcher::regex(&text)
                .map(Some)
                .map_err(|e| Stop::Err(doc.err(n, &f, e.to_string())));
        }
        if let Some(n) = doc.get(node, plain) {
            let f = join(field, plain);
            let text = doc.string(n, &f)?;
            if text.contains("{{") {
                return Err(unsupported(
                    doc,
                    n,
                    &f,
                    "identities from variables are not read",
                ));
            }
            if text.contains(['*', '?']) {
                let re = regex::escape(&text)
                    .replace("\\*", ".*")
                    .replace("\\?", ".");
                return Matcher::regex(&re)
                    .map(Some)
                    .map_err(|e| Stop::Err(doc.err(n, &f, e.to_string())));
            }
            return Ok(Some(Matcher::exact(text)));
        }
        Ok(None)
    };
    let subject = matcher("subject", "subjectRegExp")?;
    let issuer = matcher("issuer", "issuerRegExp")?;
    if subject.is_none() && issuer.is_none() {
        return Err(Stop::Err(doc.err(
            node,
            field,
            "a keyless attestor needs a subject or an issuer (or their RegExp forms)",
        )));
    }
    let any = || Matcher::regex(".*").expect("a valid regex");
    let id = KeylessIdentity {
        subject: subject.unwrap_or_else(any),
        issuer: issuer.unwrap_or_else(any),
    };
    Ok(NamedAuthority::signature(
        format!("keyless {}", field.rsplit('.').next().unwrap_or(field)),
        Authority::Keyless(vec![id]),
    ))
}

/// `match`/`exclude`: `any`/`all` lists of resource filters, or (older form) one filter with
/// `resources` directly.
fn read_match(
    doc: &Doc<'_>,
    node: NodeId,
    field: &str,
) -> Result<(Vec<ResourceFilter>, Vec<ResourceFilter>), PolicyError> {
    doc.map(
        node,
        field,
        &[
            "any",
            "all",
            "resources",
            "subjects",
            "roles",
            "clusterRoles",
        ],
    )?;
    let exclude = field.ends_with("exclude");
    let direct = ["resources", "subjects", "roles", "clusterRoles"]
        .iter()
        .any(|k| doc.get(node, k).is_some());
    let forms = usize::from(doc.get(node, "any").is_some())
        + usize::from(doc.get(node, "all").is_some())
        + usize::from(direct);
    if forms > 1 {
        // Kyverno reads one of them (and refuses the mixture): combining them would decide
        // differently from it.
        return Err(doc.err(
            node,
            field,
            "takes one of `any`, `all` or `resources`, not several",
        ));
    }
    let mut any = Vec::new();
    let mut all = Vec::new();
    let read = |f: NodeId, ffield: &str| -> Result<ResourceFilter, PolicyError> {
        let filter = read_filter(doc, f, ffield)?;
        if exclude && filter == ResourceFilter::default() {
            return Err(doc.err(
                f,
                ffield,
                "an empty filter in exclude would exclude every object",
            ));
        }
        Ok(filter)
    };
    for (key, out) in [("any", &mut any), ("all", &mut all)] {
        if let Some(list) = doc.get(node, key) {
            for (i, f) in doc.seq(list, &join(field, key))?.into_iter().enumerate() {
                out.push(read(f, &format!("{field}.{key}[{i}]"))?);
            }
        }
    }
    if direct {
        all.push(read(node, field)?);
    }
    Ok((any, all))
}

fn read_filter(doc: &Doc<'_>, node: NodeId, field: &str) -> Result<ResourceFilter, PolicyError> {
    doc.map(
        node,
        field,
        &["resources", "subjects", "roles", "clusterRoles"],
    )?;
    for key in ["subjects", "roles", "clusterRoles"] {
        if let Some(n) = doc.get(node, key) {
            // Who makes the request: there is no request offline. Not narrowing is the safe
            // reading only when it cannot make the policy apply less; it can (in exclude).
            return Err(refuse(
                doc,
                n,
                &join(field, key),
                "filters on the requesting user are not evaluated",
            ));
        }
    }
    let Some(r) = doc.get(node, "resources") else {
        return Ok(ResourceFilter::default());
    };
    let rfield = join(field, "resources");
    doc.map(
        r,
        &rfield,
        &[
            "kinds",
            "names",
            "name",
            "namespaces",
            "selector",
            "namespaceSelector",
            "operations",
            "annotations",
        ],
    )?;
    let strings = |key: &str| -> Result<Vec<String>, PolicyError> {
        match doc.get(r, key) {
            None => Ok(Vec::new()),
            Some(n) => doc
                .seq(n, &join(&rfield, key))?
                .into_iter()
                .enumerate()
                .map(|(i, s)| doc.string(s, &format!("{rfield}.{key}[{i}]")))
                .collect(),
        }
    };
    let mut names = strings("names")?;
    if let Some(n) = doc.opt_string(r, "name", &rfield)? {
        names.push(n);
    }
    if let Some(n) = doc.get(r, "annotations") {
        return Err(refuse(
            doc,
            n,
            &join(&rfield, "annotations"),
            "annotation filters are not evaluated",
        ));
    }
    // `operations` (CREATE, UPDATE…): an audit has no operation; the rule is taken as applying.
    // What runs was admitted by a CREATE: an exclude for other operations only did not take
    // it out, and reading it as excluding would (so it is refused).
    let operations = strings("operations")?;
    if field.contains(".exclude")
        && !operations.is_empty()
        && !operations.iter().any(|o| o == "CREATE")
        && let Some(n) = doc.get(r, "operations")
    {
        return Err(refuse(
            doc,
            n,
            &join(&rfield, "operations"),
            "an exclude for operations other than CREATE is not evaluated (an audit has no \
             operation)",
        ));
    }
    Ok(ResourceFilter {
        kinds: strings("kinds")?,
        names,
        namespaces: strings("namespaces")?,
        selector: doc
            .get(r, "selector")
            .map(|n| read_selector(doc, n, &join(&rfield, "selector")))
            .transpose()?,
        namespace_selector: doc
            .get(r, "namespaceSelector")
            .map(|n| read_selector(doc, n, &join(&rfield, "namespaceSelector")))
            .transpose()?,
        resources: Vec::new(),
    })
}

/// A label selector, checked as Kubernetes checks it (`In`/`NotIn` need values): one it would
/// refuse is refused, not read as matching everything.
fn read_selector(doc: &Doc<'_>, node: NodeId, field: &str) -> Result<LabelSelector, PolicyError> {
    super::label_selector(doc, node, field)
}

/// A YAML node as JSON, scalars typed as Kubernetes' YAML reader types them (plain `true`,
/// `False`, numbers, `null`; quoted and block scalars are strings).
pub fn to_json(doc: &Doc<'_>, node: NodeId) -> Value {
    let yaml = doc.ctx.yaml;
    match &yaml.node(node).value {
        Yv::Seq(items) => Value::Array(items.iter().map(|&i| to_json(doc, i)).collect()),
        Yv::Map(entries) => Value::Object(
            entries
                .iter()
                .map(|&(k, v)| {
                    let key = yaml.scalar(k).map_or("", |(t, _, _)| t).to_owned();
                    (key, to_json(doc, v))
                })
                .collect(),
        ),
        Yv::Scalar { text, style, tag } => {
            if *style != Style::Plain || tag.as_deref().is_some_and(|t| t.ends_with(":str")) {
                return Value::String((*text).to_owned());
            }
            match *text {
                "" | "~" | "null" | "Null" | "NULL" => Value::Null,
                "true" | "True" | "TRUE" => Value::Bool(true),
                "false" | "False" | "FALSE" => Value::Bool(false),
                t => t
                    .parse::<i64>()
                    .map(Value::from)
                    .or_else(|_| {
                        t.parse::<f64>()
                            .ok()
                            .filter(|f| f.is_finite() && t.chars().any(|c| c.is_ascii_digit()))
                            .and_then(serde_json::Number::from_f64)
                            .map(Value::Number)
                            .ok_or(())
                    })
                    .unwrap_or_else(|()| Value::String(t.to_owned())),
            }
        }
    }
}

/// `ImageValidatingPolicy` (`policies.kyverno.io` v1alpha1, v1beta1). Its `validations` are
/// CEL over the admitted object calling Kyverno's image functions; the shapes Kyverno documents
/// are read into requirements:
///
/// - `images.containers.map(i, verifyImageSignatures(i, [attestors.a, …])).all(e, e > 0)`: a
///   signature by at least one of the attestors;
/// - `images.containers.map(i, verifyAttestationSignatures(i, attestations.x, [attestors.a, …]))
///   .all(e, e > 0)`: attestation `x` signed by at least one of them;
/// - `images.containers.map(i, C).all(e, e)` where `C` reads `extractPayload(i,
///   attestations.x)` (the in-toto statement): a CEL condition on attestation `x`'s statement;
/// - `true`.
///
/// Any other expression is refused at `spec.validations[N].expression`, as are Notary
/// attestors, `variables`, `matchConditions`, `credentials` and image extractors.
fn read_ivpol(doc: &Doc<'_>) -> Result<Vec<Policy>, PolicyError> {
    let spec = doc
        .get(doc.node, "spec")
        .ok_or_else(|| doc.err(doc.node, "spec", "is required"))?;
    doc.map(
        spec,
        "spec",
        &[
            "matchConstraints",
            "matchImageReferences",
            "attestors",
            "attestations",
            "validations",
            "validationActions",
            "validationConfigurations",
            "failurePolicy",
            "webhookConfiguration",
            "evaluation",
            "credentials",
            "variables",
            "matchConditions",
            "auditAnnotations",
            "images",
            "autogen",
        ],
    )?;
    match read_ivpol_requirements(doc, spec) {
        Ok(reqs) => {
            let globs = ivpol_globs(doc, spec)?;
            let mode = ivpol_mode(doc, spec)?;
            Ok(reqs
                .into_iter()
                .map(|mut req| {
                    req.mode = mode;
                    req.origin = Some(doc.origin(None));
                    Policy::new(globs.clone(), req)
                })
                .collect())
        }
        Err(Stop::Err(e)) => Err(e),
        Err(Stop::Unsupported(u)) => Ok(vec![ivpol_unsupported(doc, spec, u)?]),
    }
}

fn ivpol_mode(doc: &Doc<'_>, spec: NodeId) -> Result<Mode, PolicyError> {
    Ok(match doc.get(spec, "validationActions") {
        Some(list) => {
            let mut actions = Vec::new();
            for (i, n) in doc
                .seq(list, "spec.validationActions")?
                .into_iter()
                .enumerate()
            {
                let f = format!("spec.validationActions[{i}]");
                let a = doc.string(n, &f)?;
                // A value the CRD would refuse must not read as a warning.
                if !matches!(a.as_str(), "Deny" | "Audit" | "Warn") {
                    return Err(doc.err(n, &f, format!("must be Deny, Audit or Warn, got {a:?}")));
                }
                actions.push(a);
            }
            if actions.iter().any(|a| a == "Deny") {
                Mode::Enforce
            } else {
                Mode::Warn
            }
        }
        None => Mode::Enforce,
    })
}

fn ivpol_globs(doc: &Doc<'_>, spec: NodeId) -> Result<Vec<Glob>, PolicyError> {
    let mut globs = Vec::new();
    if let Some(list) = doc.get(spec, "matchImageReferences") {
        for (i, r) in doc
            .seq(list, "spec.matchImageReferences")?
            .into_iter()
            .enumerate()
        {
            if let Some(g) = doc.get(r, "glob") {
                match kyverno_glob(doc, g, &format!("spec.matchImageReferences[{i}].glob")) {
                    Ok(g) => globs.push(g),
                    Err(Stop::Err(e)) => return Err(e),
                    Err(Stop::Unsupported(_)) => globs.push(any_glob()),
                }
            } else {
                // A CEL `expression` choosing images: cover every image rather than fewer.
                globs.push(any_glob());
            }
        }
    }
    if globs.is_empty() {
        globs.push(any_glob());
    }
    Ok(globs)
}

fn read_ivpol_requirements(doc: &Doc<'_>, spec: NodeId) -> R<Vec<Requirement>> {
    // Attestors by name.
    let mut attestors: Vec<(String, NamedAuthority)> = Vec::new();
    if let Some(list) = doc.get(spec, "attestors") {
        for (i, a) in doc.seq(list, "spec.attestors")?.into_iter().enumerate() {
            let field = format!("spec.attestors[{i}]");
            doc.map(a, &field, &["name", "cosign", "notary"])?;
            let name = doc.opt_string(a, "name", &field)?.unwrap_or_default();
            if let Some(n) = doc.get(a, "notary") {
                return Err(unsupported(
                    doc,
                    n,
                    &join(&field, "notary"),
                    "Notary signatures are not verified",
                ));
            }
            let c = doc
                .get(a, "cosign")
                .ok_or_else(|| Stop::Err(doc.err(a, &field, "needs `cosign` or `notary`")))?;
            let mut authority = read_ivpol_cosign(doc, c, &join(&field, "cosign"))?;
            authority.name.clone_from(&name);
            attestors.push((name, authority));
        }
    }
    for (key, reason) in [
        (
            "variables",
            "CEL variables over the admitted object are not evaluated",
        ),
        (
            "matchConditions",
            "CEL match conditions over the admitted object are not evaluated",
        ),
        (
            "credentials",
            "registry credentials from Secrets are not read",
        ),
        ("images", "image extractors are not read"),
    ] {
        if let Some(n) = doc.get(spec, key)
            && !doc.ctx.yaml.is_null(n)
        {
            return Err(unsupported(doc, n, &join("spec", key), reason));
        }
    }
    // Attestations by name.
    let mut attestations: Vec<(String, String)> = Vec::new();
    if let Some(list) = doc.get(spec, "attestations") {
        for (i, a) in doc.seq(list, "spec.attestations")?.into_iter().enumerate() {
            let field = format!("spec.attestations[{i}]");
            doc.map(a, &field, &["name", "intoto", "referrer"])?;
            let name = doc.opt_string(a, "name", &field)?.unwrap_or_default();
            if let Some(n) = doc.get(a, "referrer") {
                return Err(unsupported(
                    doc,
                    n,
                    &join(&field, "referrer"),
                    "OCI referrer artifacts (Notary) are not verified",
                ));
            }
            let t = doc
                .get(a, "intoto")
                .ok_or_else(|| Stop::Err(doc.err(a, &field, "needs `intoto` or `referrer`")))?;
            doc.map(t, &join(&field, "intoto"), &["type"])?;
            let ty = doc
                .opt_string(t, "type", &join(&field, "intoto"))?
                .ok_or_else(|| {
                    Stop::Err(doc.err(t, &join(&field, "intoto.type"), "is required"))
                })?;
            attestations.push((name, ty));
        }
    }
    let mut out: Vec<Requirement> = Vec::new();
    // Conditions on attestations, added to that attestation's requirement (or a new one by
    // all the attestors).
    let Some(list) = doc.get(spec, "validations") else {
        return Err(Stop::Err(doc.err(spec, "spec.validations", "is required")));
    };
    for (i, v) in doc.seq(list, "spec.validations")?.into_iter().enumerate() {
        let field = format!("spec.validations[{i}]");
        doc.map(
            v,
            &field,
            &["expression", "message", "messageExpression", "reason"],
        )?;
        let e = doc
            .get(v, "expression")
            .ok_or_else(|| Stop::Err(doc.err(v, &field, "needs `expression`")))?;
        let efield = join(&field, "expression");
        let text = doc.string(e, &efield)?;
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        match ivpol_shape(&text) {
            Some(Shape::True) => {
                let mut req = Requirement::new(efield.clone(), Vec::new());
                req.static_action = Some(StaticAction::Pass);
                out.push(req);
            }
            Some(Shape::Signatures(names)) => {
                let authorities = pick(doc, e, &efield, &attestors, &names)?;
                out.push(Requirement::new(efield.clone(), authorities));
            }
            Some(Shape::Attestation(att, names)) => {
                let ty = named_attestation(doc, e, &efield, &attestations, &att)?;
                let mut authorities = pick(doc, e, &efield, &attestors, &names)?;
                for a in &mut authorities {
                    a.attestations = vec![AttestationRequirement {
                        name: att.clone(),
                        predicate_type: ty.clone(),
                        conditions: Vec::new(),
                    }];
                }
                out.push(Requirement::new(efield.clone(), authorities));
            }
            Some(Shape::Payload(att, cel)) => {
                let ty = named_attestation(doc, e, &efield, &attestations, &att)?;
                let condition = Condition::new(&cel).map_err(|why| {
                    Stop::Err(doc.err(
                        e,
                        &efield,
                        format!("the condition over extractPayload does not compile: {why}"),
                    ))
                })?;
                let names: Vec<String> = attestors.iter().map(|(n, _)| n.clone()).collect();
                let mut authorities = pick(doc, e, &efield, &attestors, &names)?;
                for a in &mut authorities {
                    a.attestations = vec![AttestationRequirement {
                        name: att.clone(),
                        predicate_type: ty.clone(),
                        conditions: vec![condition.clone()],
                    }];
                }
                out.push(Requirement::new(efield.clone(), authorities));
            }
            None => {
                return Err(unsupported(
                    doc,
                    e,
                    &efield,
                    "this CEL expression is not one of the shapes read (verifyImageSignatures / \
                     verifyAttestationSignatures counts > 0, conditions over extractPayload, \
                     true); Kyverno's other image functions are not evaluated",
                ));
            }
        }
    }
    if out.is_empty() {
        return Err(Stop::Err(doc.err(list, "spec.validations", "is empty")));
    }
    Ok(out)
}

enum Shape {
    True,
    /// `verifyImageSignatures(image, [attestors.a, …]) > 0` for every image.
    Signatures(Vec<String>),
    /// `verifyAttestationSignatures(image, attestations.x, [attestors.a, …]) > 0`.
    Attestation(String, Vec<String>),
    /// A CEL condition on `extractPayload(image, attestations.x)`, as a condition over
    /// `statement`.
    Payload(String, String),
}

/// Recognises the validation shapes Kyverno documents (whitespace already collapsed).
fn ivpol_shape(text: &str) -> Option<Shape> {
    use std::sync::LazyLock;
    static MAP: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(
            r"^images\.containers\.map\(\s*(\w+)\s*,\s*(.+)\)\.all\(\s*(\w+)\s*,\s*(.+)\)$",
        )
        .expect("valid")
    });
    static SIGS: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"^verifyImageSignatures\(\s*(\w+)\s*,\s*\[([^\]]*)\]\s*\)$")
            .expect("valid")
    });
    static ATTS: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"^verifyAttestationSignatures\(\s*(\w+)\s*,\s*attestations\.(\w+)\s*,\s*\[([^\]]*)\]\s*\)$")
            .expect("valid")
    });
    static PAYLOAD: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"extractPayload\(\s*(\w+)\s*,\s*attestations\.(\w+)\s*\)")
            .expect("valid")
    });
    if text == "true" {
        return Some(Shape::True);
    }
    let m = MAP.captures(text)?;
    let (var, inner, e, test) = (&m[1], m[2].trim(), &m[3], m[4].trim());
    let names = |list: &str| -> Option<Vec<String>> {
        list.split(',')
            .map(|s| s.trim().strip_prefix("attestors.").map(str::to_owned))
            .collect::<Option<Vec<_>>>()
            .filter(|v| !v.is_empty())
    };
    let counts = test == format!("{e} > 0") || test == format!("{e} >= 1");
    if let Some(c) = SIGS.captures(inner) {
        return (counts && &c[1] == var)
            .then(|| names(&c[2]))
            .flatten()
            .map(Shape::Signatures);
    }
    if let Some(c) = ATTS.captures(inner) {
        return (counts && &c[1] == var)
            .then(|| names(&c[3]).map(|n| Shape::Attestation(c[2].to_owned(), n)))
            .flatten();
    }
    if test != e || inner.contains("verify") {
        return None;
    }
    let mut att = None;
    for c in PAYLOAD.captures_iter(inner) {
        if &c[1] != var || att.as_ref().is_some_and(|a: &String| a != &c[2]) {
            return None;
        }
        att = Some(c[2].to_owned());
    }
    let att = att?;
    let cel = PAYLOAD.replace_all(inner, "statement").into_owned();
    // What is left may not name the image or other objects.
    let rest = regex::Regex::new(&format!(r"\b{}\b", regex::escape(var))).ok()?;
    if rest.is_match(&cel) || cel.contains("images.") || cel.contains("object.") {
        return None;
    }
    Some(Shape::Payload(att, cel))
}

fn pick(
    doc: &Doc<'_>,
    node: NodeId,
    field: &str,
    attestors: &[(String, NamedAuthority)],
    names: &[String],
) -> R<Vec<NamedAuthority>> {
    let mut out = Vec::new();
    for n in names {
        let a = attestors
            .iter()
            .find(|(name, _)| name == n)
            .ok_or_else(|| {
                Stop::Err(doc.err(
                    node,
                    field,
                    format!("names attestor {n:?}, which spec.attestors does not define"),
                ))
            })?;
        out.push(a.1.clone());
    }
    if out.is_empty() {
        return Err(Stop::Err(doc.err(node, field, "names no attestor")));
    }
    Ok(out)
}

fn named_attestation(
    doc: &Doc<'_>,
    node: NodeId,
    field: &str,
    attestations: &[(String, String)],
    name: &str,
) -> R<String> {
    attestations
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, t)| t.clone())
        .ok_or_else(|| {
            Stop::Err(doc.err(
                node,
                field,
                format!("names attestation {name:?}, which spec.attestations does not define"),
            ))
        })
}

/// An ImageValidatingPolicy `cosign` attestor: `key.data` or `keyless.identities`.
fn read_ivpol_cosign(doc: &Doc<'_>, node: NodeId, field: &str) -> R<NamedAuthority> {
    doc.map(
        node,
        field,
        &[
            "key",
            "keyless",
            "ctlog",
            "tlog",
            "certificate",
            "source",
            "tuf",
            "annotations",
        ],
    )?;
    for (key, reason) in [
        ("certificate", "certificate attestors are not verified"),
        ("source", "signatures in another repository are not fetched"),
        (
            "tuf",
            "a TUF root of its own is not used (the trusted root is)",
        ),
        ("annotations", "signature annotations are not checked"),
    ] {
        if let Some(n) = doc.get(node, key) {
            return Err(unsupported(doc, n, &join(field, key), reason));
        }
    }
    let mut options = AuthorityOptions::default();
    if let Some(c) = doc.get(node, "ctlog") {
        let cfield = join(field, "ctlog");
        doc.map(
            c,
            &cfield,
            &[
                "url",
                "insecureIgnoreSCT",
                "insecureIgnoreTlog",
                "ctLogPubKey",
                "tsaCertChain",
                "rekorPubKey",
            ],
        )?;
        if let Some(n) = doc.get(c, "insecureIgnoreSCT") {
            options.ignore_sct = doc.boolean(n, &join(&cfield, "insecureIgnoreSCT"))?;
        }
        if let Some(n) = doc.get(c, "insecureIgnoreTlog") {
            options.ignore_tlog = doc.boolean(n, &join(&cfield, "insecureIgnoreTlog"))?;
        }
        for key in ["ctLogPubKey", "tsaCertChain", "rekorPubKey"] {
            if let Some(n) = doc.get(c, key) {
                return Err(unsupported(
                    doc,
                    n,
                    &join(&cfield, key),
                    "custom log and TSA keys are not used (the trusted root's are)",
                ));
            }
        }
        if let Some(n) = doc.get(c, "url") {
            let url = doc.string(n, &join(&cfield, "url"))?;
            if url.trim_end_matches('/') != "https://rekor.sigstore.dev" {
                return Err(unsupported(
                    doc,
                    n,
                    &join(&cfield, "url"),
                    "a Rekor other than the trusted root's is not used",
                ));
            }
        }
    }
    if let Some(n) = doc.get(node, "tlog") {
        return Err(unsupported(
            doc,
            n,
            &join(field, "tlog"),
            "tlog settings are not evaluated",
        ));
    }
    let mut a = match (doc.get(node, "key"), doc.get(node, "keyless")) {
        (Some(k), None) => {
            let kfield = join(field, "key");
            doc.map(
                k,
                &kfield,
                &["data", "kms", "hashAlgorithm", "expression", "secretRef"],
            )?;
            for key in ["kms", "expression", "secretRef"] {
                if let Some(n) = doc.get(k, key) {
                    return Err(unsupported(
                        doc,
                        n,
                        &join(&kfield, key),
                        "keys from KMS, CEL expressions or Secrets are not read",
                    ));
                }
            }
            if let Some(n) = doc.get(k, "hashAlgorithm") {
                let h = doc.string(n, &join(&kfield, "hashAlgorithm"))?;
                if h != "sha256" {
                    return Err(unsupported(
                        doc,
                        n,
                        &join(&kfield, "hashAlgorithm"),
                        format!("{h} signatures are not verified (sha256 is)"),
                    ));
                }
            }
            let d = doc
                .get(k, "data")
                .ok_or_else(|| Stop::Err(doc.err(k, &kfield, "needs `data`")))?;
            read_key_text(doc, d, &join(&kfield, "data"))?
        }
        (None, Some(k)) => {
            let kfield = join(field, "keyless");
            doc.map(k, &kfield, &["identities", "roots", "additionalExtensions"])?;
            for (key, reason) in [
                (
                    "roots",
                    "custom root certificates are not used (the trusted root is)",
                ),
                (
                    "additionalExtensions",
                    "certificate extensions are not checked",
                ),
            ] {
                if let Some(n) = doc.get(k, key) {
                    return Err(unsupported(doc, n, &join(&kfield, key), reason));
                }
            }
            let list = doc
                .get(k, "identities")
                .ok_or_else(|| Stop::Err(doc.err(k, &kfield, "needs `identities`")))?;
            let mut ids = Vec::new();
            for (i, id) in doc
                .seq(list, &join(&kfield, "identities"))?
                .into_iter()
                .enumerate()
            {
                let ifield = format!("{kfield}.identities[{i}]");
                doc.map(
                    id,
                    &ifield,
                    &["subject", "issuer", "subjectRegExp", "issuerRegExp"],
                )?;
                let a = read_keyless_fields(doc, id, &ifield)?;
                if let Authority::Keyless(mut v) = a.authority {
                    ids.append(&mut v);
                }
            }
            if ids.is_empty() {
                return Err(Stop::Err(doc.err(
                    list,
                    &join(&kfield, "identities"),
                    "is empty",
                )));
            }
            NamedAuthority::signature("keyless", Authority::Keyless(ids))
        }
        _ => {
            return Err(Stop::Err(doc.err(
                node,
                field,
                "needs exactly one of `key` or `keyless`",
            )));
        }
    };
    a.options = options;
    Ok(a)
}

fn ivpol_unsupported(doc: &Doc<'_>, spec: NodeId, u: Unsupported) -> Result<Policy, PolicyError> {
    let globs = ivpol_globs(doc, spec)?;
    let mode = ivpol_mode(doc, spec)?;
    Ok(unsupported_policy(
        globs,
        Vec::new(),
        &Scope::default(),
        u,
        doc.origin(None),
        mode,
    ))
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use crate::reference::ImageRef;
    use crate::verify::policy::{Mode, Policy, PolicyError, ReadOptions, parse_with};

    fn dir() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/policies/kyverno")
    }

    fn read(name: &str, skip: bool) -> Result<Vec<Policy>, PolicyError> {
        let text = std::fs::read_to_string(dir().join(name)).expect("vector");
        let options = ReadOptions {
            skip_unsupported: skip,
            ..ReadOptions::default()
        };
        parse_with(&text, name, &dir(), &options)
    }

    enum Want {
        /// Read: this many requirements, in this mode.
        Evaluated(usize, Mode),
        /// Refused (unsupported) at `line:col`, naming the field path.
        Unsupported(&'static str, &'static str),
        /// Malformed.
        Invalid(&'static str, &'static str),
    }

    /// Every Kyverno vector (tests/data/policies/kyverno, PROVENANCE.md): evaluated, or
    /// refused naming the document and the field path; with --skip-unsupported every refusal
    /// becomes failing `unsupported` requirements naming the same field.
    #[test]
    fn every_kyverno_vector_is_evaluated_or_refused_with_its_field_path() {
        use Want::{Evaluated, Invalid, Unsupported};
        let table: &[(&str, Want)] = &[
            (
                "cpol-attest-in-operator-applyrules-one.yaml",
                Unsupported("10:15", "ClusterPolicy/check-scans: spec.applyRules"),
            ),
            (
                "cpol-attest-multiple-keyless-entries.yaml",
                Evaluated(1, Mode::Enforce),
            ),
            (
                "cpol-attest-slsa-keyless-regex-match.yaml",
                Evaluated(1, Mode::Warn),
            ),
            (
                "cpol-attest-trivy-allnotin-lte.yaml",
                Unsupported(
                    "26:17",
                    "ClusterPolicy/attest-bom-scan-prov: spec.rules[0].verifyImages[0].attestors[0].entries[0].keyless.additionalExtensions",
                ),
            ),
            ("cpol-attest-vuln-time-since.yaml", Evaluated(1, Mode::Warn)),
            (
                "cpol-certificates-cert-certchain.yaml",
                Unsupported(
                    "21:15",
                    "ClusterPolicy/check-image: spec.rules[0].verifyImages[0].attestors[0].entries[0].certificates",
                ),
            ),
            (
                "cpol-cli-signature-ctlog-rekor-usecache.yaml",
                Unsupported(
                    "53:7",
                    "ClusterPolicy/check-data-volume-image: spec.rules[0].imageExtractors",
                ),
            ),
            (
                "cpol-digest-only-no-attestors.yaml",
                Evaluated(1, Mode::Warn),
            ),
            (
                "cpol-keyless-additionalextensions.yaml",
                Unsupported(
                    "29:17",
                    "ClusterPolicy/check-image-keyless: spec.rules[0].verifyImages[0].attestors[0].entries[0].keyless.additionalExtensions",
                ),
            ),
            (
                "cpol-keyless-flux-multi-imagerefs.yaml",
                Evaluated(1, Mode::Warn),
            ),
            (
                "cpol-keyless-regexp-attestation-type.yaml",
                Evaluated(1, Mode::Enforce),
            ),
            (
                "cpol-keyless-roots.yaml",
                Unsupported(
                    "24:17",
                    "ClusterPolicy/check-image: spec.rules[0].verifyImages[0].attestors[0].entries[0].keyless.roots",
                ),
            ),
            (
                "cpol-keys-count2-required-configmap.yaml",
                Unsupported(
                    "31:9",
                    "ClusterPolicy/verify-image-with-multi-keys: spec.rules[0].context",
                ),
            ),
            (
                "cpol-keys-kms-gcp.yaml",
                Unsupported(
                    "35:20",
                    "ClusterPolicy/verify-image-gcpkms: spec.rules[0].verifyImages[0].attestors[0].entries[0].keys.kms",
                ),
            ),
            (
                "cpol-keys-publickeys-mutatedigest.yaml",
                Evaluated(1, Mode::Enforce),
            ),
            (
                "cpol-keys-secret.yaml",
                Unsupported(
                    "23:15",
                    "ClusterPolicy/secret-in-keys: spec.rules[0].verifyImages[0].attestors[0].entries[0].keys.secret",
                ),
            ),
            (
                "cpol-namespaceselector-match-all.yaml",
                Evaluated(1, Mode::Enforce),
            ),
            (
                "cpol-notary-attestations-allin.yaml",
                Unsupported(
                    "49:9",
                    "ClusterPolicy/check-image-attestation: spec.rules[0].context",
                ),
            ),
            (
                "cpol-notary-attestations-anynotin-vex.yaml",
                Unsupported(
                    "52:9",
                    "ClusterPolicy/check-image-attestation: spec.rules[0].context",
                ),
            ),
            (
                "cpol-notary-named-attestations-validate-deny.yaml",
                Unsupported(
                    "50:9",
                    "ClusterPolicy/check-image-attestation: spec.rules[0].context",
                ),
            ),
            (
                "cpol-sigstorebundle-attestation.yaml",
                Evaluated(1, Mode::Enforce),
            ),
            (
                "cpol-tekton-imageextractors-attest-any.yaml",
                Unsupported(
                    "27:7",
                    "ClusterPolicy/verify-tekton-taskrun-vuln-scan: spec.rules[0].imageExtractors",
                ),
            ),
            (
                "cpol-v2beta1-notary-imageregistrycredentials.yaml",
                Unsupported(
                    "9:7",
                    "ClusterPolicy/secret-in-policy: spec.rules[0].context",
                ),
            ),
            (
                "cpol-v2beta1-notary-skipimagereferences.yaml",
                Unsupported(
                    "44:9",
                    "ClusterPolicy/verify-exclude-refs: spec.rules[0].context",
                ),
            ),
            (
                "ivpol-v1alpha1-notary.yaml",
                Unsupported(
                    "36:9",
                    "ImageValidatingPolicy/verify-image-ivpol: spec.attestors[0].notary",
                ),
            ),
            (
                "ivpol-v1beta1-background-audit-deployments.yaml",
                Unsupported(
                    "43:9",
                    "ImageValidatingPolicy/ivpol-report-background-sample: spec.attestors[0].notary",
                ),
            ),
            (
                "ivpol-v1beta1-cosign-keyless-intoto.yaml",
                Evaluated(2, Mode::Enforce),
            ),
            (
                "ivpol-v1beta1-keyless-additionalextensions.yaml",
                Unsupported(
                    "24:13",
                    "ImageValidatingPolicy/check-keyless-extensions-pass: spec.attestors[0].cosign.keyless.additionalExtensions",
                ),
            ),
            (
                "ivpol-v1beta1-mutatedigest-no-attestors.yaml",
                Evaluated(1, Mode::Enforce),
            ),
            (
                "ivpol-v1beta1-notary-configmap-referrer.yaml",
                Unsupported(
                    "34:9",
                    "ImageValidatingPolicy/ivpol-sample: spec.attestors[0].notary",
                ),
            ),
            (
                "legacy-2021-image-key-attestations-conditions.yaml",
                Evaluated(2, Mode::Enforce),
            ),
            (
                "legacy-2021-image-key-gcpkms-misplaced-any.yaml",
                Invalid(
                    "23:7",
                    "ClusterPolicy/verify-image-gcpkms: spec.rules[0].any",
                ),
            ),
            ("legacy-2021-image-key.yaml", Evaluated(1, Mode::Enforce)),
            (
                "legacy-2022-image-key-configmap-vars.yaml",
                Unsupported(
                    "27:9",
                    "ClusterPolicy/verify-image-with-multi-keys: spec.rules[0].context",
                ),
            ),
            (
                "legacy-2022-image-keyless-roots-attestations.yaml",
                Unsupported(
                    "20:11",
                    "ClusterPolicy/attest-bom-scan-prov: spec.rules[0].verifyImages[0].roots",
                ),
            ),
            (
                "pol-namespaced-audit-background.yaml",
                Evaluated(1, Mode::Warn),
            ),
            (
                "transitional-2022-imagerefs-attestors-attestations.yaml",
                Evaluated(2, Mode::Enforce),
            ),
        ];
        let mut files: Vec<String> = std::fs::read_dir(dir())
            .expect("dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .filter(|n| Path::new(n).extension().is_some_and(|e| e == "yaml"))
            .collect();
        files.sort();
        let listed: Vec<&str> = table.iter().map(|(f, _)| *f).collect();
        assert_eq!(files, listed, "every vector file is in the table");
        for (file, want) in table {
            let got = read(file, false);
            match want {
                Evaluated(n, mode) => {
                    let ps = got.unwrap_or_else(|e| panic!("{file}: {e}"));
                    assert_eq!(ps.len(), *n, "{file}");
                    for p in &ps {
                        assert_eq!(p.requirement.mode, *mode, "{file}");
                        assert!(p.requirement.unsupported.is_none(), "{file}");
                        assert!(p.requirement.origin.is_some(), "{file}");
                    }
                }
                Unsupported(at, field) | Invalid(at, field) => {
                    let e = got.expect_err(file);
                    let unsupported = matches!(
                        e,
                        PolicyError::Field {
                            unsupported: true,
                            ..
                        }
                    );
                    assert_eq!(unsupported, matches!(want, Unsupported(..)), "{file}: {e}");
                    let text = e.to_string();
                    assert!(
                        text.starts_with(&format!("{file}:{at}: {field}:")),
                        "{file}: {text}"
                    );
                    let skipped = read(file, true);
                    if matches!(want, Unsupported(..)) {
                        let ps = skipped.unwrap_or_else(|e| panic!("{file} skipped: {e}"));
                        assert!(!ps.is_empty(), "{file}");
                        let field = field.split_once(": ").map_or(*field, |(_, f)| f);
                        assert!(
                            ps.iter().any(|p| p
                                .requirement
                                .unsupported
                                .as_ref()
                                .is_some_and(|u| u.field == field)),
                            "{file}: {field}"
                        );
                        assert!(ps.iter().all(|p| p.requirement.unsupported.is_some()
                            || p.requirement.needs_evidence()
                            || p.requirement.static_action.is_some()));
                    } else {
                        assert!(skipped.is_err(), "{file}: malformed stays an error");
                    }
                }
            }
        }
    }

    fn image(s: &str) -> ImageRef {
        ImageRef::parse(s).expect("reference")
    }

    /// Kyverno's `*` crosses `/`; `skipImageReferences` takes images out.
    #[test]
    fn image_references_match_as_kyverno_wildcards() {
        let ps = read("cpol-attest-multiple-keyless-entries.yaml", false).expect("read");
        assert!(ps[0].matches(&image("ghcr.io/kyverno/zulu:v1")));
        assert!(ps[0].matches(&image("ghcr.io/kyverno/zulu-x/y:v1")));
        assert!(!ps[0].matches(&image("ghcr.io/kyverno/alpine:v1")));
        let ps = read("legacy-2021-image-key.yaml", false).expect("read");
        assert!(ps[0].matches(&image("ghcr.io/kyverno/test-image-verify:v1")));
        assert!(!ps[0].matches(&image("ghcr.io/kyverno/other:v1")));
        let text = "apiVersion: kyverno.io/v1\nkind: ClusterPolicy\nmetadata: {name: p}\nspec:\n  rules:\n  - name: r\n    verifyImages:\n    - imageReferences: ['ghcr.io/*']\n      skipImageReferences: ['ghcr.io/kyverno*']\n      attestors: [{entries: [{keyless: {subject: '*@example.com', issuer: https://accounts.google.com}}]}]\n";
        let ps = parse_with(text, "p.yaml", Path::new("."), &ReadOptions::default()).expect("read");
        assert!(ps[0].matches(&image("ghcr.io/acme/app:1")));
        assert!(!ps[0].matches(&image("ghcr.io/kyverno/app:1")));
        // No failure action: Kyverno's default, Audit.
        assert_eq!(ps[0].requirement.mode, Mode::Warn);
    }

    /// Kyverno matches a pattern against the whole reference (`repo:tag` or `repo@digest`):
    /// `*:latest` covers every image tagged `latest`, and a skip pattern without a tag
    /// (`ghcr.io/acme/app`) matches no reference, so it skips nothing.
    #[test]
    fn kyverno_patterns_over_the_whole_reference() {
        let text = "apiVersion: kyverno.io/v1\nkind: ClusterPolicy\nmetadata: {name: p}\nspec:\n  rules:\n  - name: r\n    verifyImages:\n    - imageReferences: ['*:latest', 'ghcr.io/*']\n      skipImageReferences: ['ghcr.io/acme/app', 'ghcr.io/acme/dbg:debug']\n      attestors: [{entries: [{keyless: {subject: a, issuer: b}}]}]\n";
        let ps = parse_with(text, "p.yaml", Path::new("."), &ReadOptions::default()).expect("read");
        assert!(
            ps[0].matches(&image("nginx:latest")),
            "*:latest covers nginx:latest"
        );
        assert!(ps[0].matches(&image("quay.io/x/y")), "no tag is latest");
        assert!(!ps[0].matches(&image("quay.io/x/y:v1")));
        assert!(
            ps[0].matches(&image("ghcr.io/acme/app:v1")),
            "a skip pattern without a tag matches no reference in Kyverno"
        );
        assert!(!ps[0].matches(&image("ghcr.io/acme/dbg:debug")));
        assert!(ps[0].matches(&image("ghcr.io/acme/dbg:v1")));
    }

    /// A label selector Kubernetes would refuse (`NotIn` without values) is refused, not read
    /// as matching every object (which, in `exclude`, took the policy off everything).
    #[test]
    fn malformed_label_selectors_are_refused() {
        let text = "apiVersion: kyverno.io/v1\nkind: ClusterPolicy\nmetadata: {name: p}\nspec:\n  rules:\n  - name: r\n    exclude: {any: [{resources: {selector: {matchExpressions: [{key: env, operator: NotIn}]}}}]}\n    verifyImages:\n    - imageReferences: ['*']\n      attestors: [{entries: [{keyless: {subject: a, issuer: b}}]}]\n";
        let e = parse_with(text, "p.yaml", Path::new("."), &ReadOptions::default())
            .expect_err("refused");
        assert!(
            e.to_string().contains(
                "spec.rules[0].exclude.any[0].resources.selector.matchExpressions[0].values"
            ),
            "{e}"
        );
    }

    /// `validationActions` other than Deny, Audit or Warn (a typo such as `Dny`) is refused,
    /// not read as a warning that lets every failure through.
    #[test]
    fn unknown_validation_actions_are_refused() {
        let text = "apiVersion: policies.kyverno.io/v1beta1\nkind: ImageValidatingPolicy\nmetadata: {name: p}\nspec:\n  validationActions: [Dny]\n  matchImageReferences: [{glob: 'ghcr.io/*'}]\n  attestors: [{name: a, cosign: {keyless: {identities: [{subject: s, issuer: i}]}}}]\n  validations:\n  - expression: images.containers.map(image, verifyImageSignatures(image, [attestors.a])).all(e, e > 0)\n";
        let e = parse_with(text, "p.yaml", Path::new("."), &ReadOptions::default())
            .expect_err("refused");
        assert!(e.to_string().contains("spec.validationActions[0]"), "{e}");
        for (actions, mode) in [
            ("[Deny]", Mode::Enforce),
            ("[Audit, Warn]", Mode::Warn),
            ("[Warn, Deny]", Mode::Enforce),
        ] {
            let ps = parse_with(
                &text.replace("[Dny]", actions),
                "p.yaml",
                Path::new("."),
                &ReadOptions::default(),
            )
            .expect("read");
            assert_eq!(ps[0].requirement.mode, mode, "{actions}");
        }
    }

    /// An exclude that would take the policy off every object (an empty filter), or a block
    /// mixing `any`, `all` and `resources` (Kyverno reads one of them), is refused.
    #[test]
    fn excludes_that_would_cover_everything_are_refused() {
        let policy = |exclude: &str| {
            format!(
                "apiVersion: kyverno.io/v1\nkind: ClusterPolicy\nmetadata: {{name: p}}\nspec:\n  rules:\n  - name: r\n    exclude: {exclude}\n    verifyImages:\n    - imageReferences: ['*']\n      attestors: [{{entries: [{{keyless: {{subject: a, issuer: b}}}}]}}]\n"
            )
        };
        for (exclude, field) in [
            ("{any: [{resources: {}}]}", "spec.rules[0].exclude.any[0]"),
            ("{any: [{}]}", "spec.rules[0].exclude.any[0]"),
            ("{resources: {}}", "spec.rules[0].exclude"),
            (
                "{any: [{resources: {namespaces: [a], operations: [DELETE]}}]}",
                "spec.rules[0].exclude.any[0].resources.operations",
            ),
            (
                "{any: [{resources: {namespaces: [a]}}], all: [{resources: {namespaces: [b]}}]}",
                "spec.rules[0].exclude",
            ),
        ] {
            let e = parse_with(
                &policy(exclude),
                "p.yaml",
                Path::new("."),
                &ReadOptions::default(),
            )
            .expect_err(exclude);
            assert!(
                e.to_string().contains(&format!("{field}: ")),
                "{exclude}: {e}"
            );
        }
        let ps = parse_with(
            &policy("{any: [{resources: {namespaces: [kube-system]}}]}"),
            "p.yaml",
            Path::new("."),
            &ReadOptions::default(),
        )
        .expect("read");
        assert_eq!(ps[0].scope.exclude_any.len(), 1);
    }

    /// Only the spellings Kyverno's CRD accepts are read; another (`AUDIT`) is refused rather
    /// than read as a warning.
    #[test]
    fn failure_actions_as_the_crd_spells_them() {
        let policy = |action: &str| {
            format!(
                "apiVersion: kyverno.io/v1\nkind: ClusterPolicy\nmetadata: {{name: p}}\nspec:\n  validationFailureAction: {action}\n  rules:\n  - name: r\n    verifyImages:\n    - imageReferences: ['*']\n      attestors: [{{entries: [{{keyless: {{subject: a, issuer: b}}}}]}}]\n"
            )
        };
        for (action, mode) in [
            ("Enforce", Mode::Enforce),
            ("enforce", Mode::Enforce),
            ("Audit", Mode::Warn),
            ("audit", Mode::Warn),
        ] {
            let ps = parse_with(
                &policy(action),
                "p.yaml",
                Path::new("."),
                &ReadOptions::default(),
            )
            .expect(action);
            assert_eq!(ps[0].requirement.mode, mode, "{action}");
        }
        for action in ["AUDIT", "Audti", "ENFORCE"] {
            let e = parse_with(
                &policy(action),
                "p.yaml",
                Path::new("."),
                &ReadOptions::default(),
            )
            .expect_err(action);
            assert!(
                e.to_string()
                    .contains("spec.validationFailureAction: must be"),
                "{e}"
            );
        }
    }

    /// `publicKeys` holding several PEM keys: Kyverno makes each its own entry of the set
    /// (all of them needed by default). Reading only the first would need one signature where
    /// Kyverno needs two.
    #[test]
    fn several_public_keys_in_one_entry_are_not_read_as_one() {
        let key = "-----BEGIN PUBLIC KEY-----\n              MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE8nXRh950IZbRj8Ra/N9sbqOPZrfM\n              5/KAQN0/KjHcorm/J5yctVd7iEcnessRQjU917hmKO6JWVGHpDguIyakZA==\n              -----END PUBLIC KEY-----";
        let text = format!(
            "apiVersion: kyverno.io/v1\nkind: ClusterPolicy\nmetadata: {{name: p}}\nspec:\n  rules:\n  - name: r\n    verifyImages:\n    - imageReferences: ['*']\n      attestors:\n      - entries:\n        - keys:\n            publicKeys: |-\n              {key}\n              {key}\n"
        );
        match parse_with(&text, "p.yaml", Path::new("."), &ReadOptions::default()) {
            Ok(ps) => assert!(
                ps[0].requirement.count >= 2,
                "two keys read as count {}",
                ps[0].requirement.count
            ),
            Err(e) => assert!(
                e.to_string().contains(
                    "spec.rules[0].verifyImages[0].attestors[0].entries[0].keys.publicKeys"
                ),
                "{e}"
            ),
        }
        let one = text.replacen(&format!("              {key}\n"), "", 1);
        let ps =
            parse_with(&one, "p.yaml", Path::new("."), &ReadOptions::default()).expect("one key");
        assert_eq!(ps[0].requirement.count, 1);
    }

    /// Each attestor set is its own requirement (all must pass); `count` within a set.
    #[test]
    fn attestor_sets_and_counts() {
        let text = "apiVersion: kyverno.io/v1\nkind: ClusterPolicy\nmetadata: {name: p}\nspec:\n  validationFailureAction: enforce\n  rules:\n  - name: r\n    match: {any: [{resources: {kinds: [Pod], namespaces: [prod]}}]}\n    exclude: {any: [{resources: {namespaces: [kube-system]}}]}\n    verifyImages:\n    - imageReferences: ['*']\n      failureAction: Audit\n      attestors:\n      - entries: [{keyless: {subject: a, issuer: b}}, {keyless: {subject: c, issuer: d}}]\n      - count: 1\n        entries: [{keyless: {subject: e, issuer: f}}, {keyless: {subjectRegExp: 'g.*', issuerRegExp: h}}]\n";
        let ps = parse_with(text, "p.yaml", Path::new("."), &ReadOptions::default()).expect("read");
        assert_eq!(ps.len(), 2);
        assert_eq!(
            (ps[0].requirement.count, ps[0].requirement.authorities.len()),
            (2, 2)
        );
        assert_eq!(
            (ps[1].requirement.count, ps[1].requirement.authorities.len()),
            (1, 2)
        );
        assert_eq!(ps[0].requirement.mode, Mode::Warn, "the entry's Audit wins");
        assert_eq!(ps[0].scope.any[0].namespaces, vec!["prod".to_owned()]);
        assert_eq!(
            ps[0].scope.exclude_any[0].namespaces,
            vec!["kube-system".to_owned()]
        );
        assert_eq!(
            ps[0]
                .requirement
                .origin
                .as_ref()
                .expect("origin")
                .to_string(),
            "ClusterPolicy/p rule r"
        );
    }

    /// A condition with a function we do not implement is refused at its exact path.
    #[test]
    fn unknown_condition_functions_are_refused_at_their_path() {
        let text = "apiVersion: kyverno.io/v1\nkind: ClusterPolicy\nmetadata: {name: p}\nspec:\n  rules:\n  - name: r\n    verifyImages:\n    - imageReferences: ['*']\n      attestations:\n      - type: https://slsa.dev/provenance/v1\n        attestors: [{entries: [{keyless: {subject: a, issuer: b}}]}]\n        conditions:\n        - all:\n          - key: \"{{ x509_decode(x) }}\"\n            operator: Equals\n            value: 1\n";
        let e = parse_with(text, "p.yaml", Path::new("."), &ReadOptions::default())
            .expect_err("refused");
        let text = e.to_string();
        assert!(text.contains("ClusterPolicy/p: spec.rules[0].verifyImages[0].attestations[0].conditions[0].all[0].key: the function x509_decode() is not supported"), "{text}");
    }

    /// ImageValidatingPolicy validations: the documented shapes are read, anything else is
    /// refused at its expression.
    #[test]
    fn image_validating_policy_validation_shapes() {
        use super::{Shape, ivpol_shape};
        let sig = "images.containers.map(image, verifyImageSignatures(image, [attestors.a, attestors.b])).all(e, e > 0)";
        assert!(matches!(ivpol_shape(sig), Some(Shape::Signatures(n)) if n == ["a", "b"]));
        let att = "images.containers.map(i, verifyAttestationSignatures(i, attestations.slsa, [attestors.c])).all(e, e > 0)";
        assert!(
            matches!(ivpol_shape(att), Some(Shape::Attestation(a, n)) if a == "slsa" && n == ["c"])
        );
        let payload = "images.containers.map(image, extractPayload(image, attestations.slsa).predicate.buildDefinition.buildType == 'x').all(e, e)";
        assert!(
            matches!(ivpol_shape(payload), Some(Shape::Payload(a, c)) if a == "slsa" && c == "statement.predicate.buildDefinition.buildType == 'x'")
        );
        for refused in [
            // A count that is not `> 0`, another function, the object, two attestations.
            "images.containers.map(image, verifyImageSignatures(image, [attestors.a])).all(e, e > 1)",
            "images.containers.map(image, verifyImageSignatures(image, [attestors.a])).all(e, e)",
            "images.containers.map(image, getImageData(image).config.user != 'root').all(e, e)",
            "images.containers.map(image, extractPayload(image, attestations.a).x == image).all(e, e)",
            "images.containers.map(image, extractPayload(image, attestations.a).x == extractPayload(image, attestations.b).x).all(e, e)",
            "object.spec.containers.all(c, c.image.startsWith('ghcr.io'))",
        ] {
            assert!(ivpol_shape(refused).is_none(), "{refused}");
        }
        let text = "apiVersion: policies.kyverno.io/v1beta1\nkind: ImageValidatingPolicy\nmetadata: {name: p}\nspec:\n  matchImageReferences: [{glob: 'ghcr.io/*'}]\n  attestors: [{name: a, cosign: {keyless: {identities: [{subject: s, issuer: i}]}}}]\n  validations:\n  - expression: images.containers.map(image, verifyImageSignatures(image, [attestors.a])).all(e, e > 0)\n  - expression: images.containers.map(image, getImageData(image).config.user != 'root').all(e, e)\n";
        let e = parse_with(text, "p.yaml", Path::new("."), &ReadOptions::default())
            .expect_err("refused");
        assert!(e.to_string().starts_with("p.yaml:9:17: ImageValidatingPolicy/p: spec.validations[1].expression: this CEL expression is not one of the shapes read"), "{e}");
        let ps = parse_with(&text.replace("  - expression: images.containers.map(image, getImageData(image).config.user != 'root').all(e, e)\n", ""), "p.yaml", Path::new("."), &ReadOptions::default()).expect("read");
        assert_eq!(ps.len(), 1);
        assert_eq!(ps[0].requirement.mode, Mode::Enforce);
        assert!(ps[0].matches(&image("ghcr.io/acme/app:1")));
    }
}
