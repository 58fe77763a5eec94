//! Who must have signed which image: the command-line flags, a `--policy FILE`, and the
//! built-in policy for Kubernetes' own images.
//!
//! # Policy file (`--policy FILE`, YAML)
//!
//! The shape follows sigstore policy-controller's `ClusterImagePolicy` so it reads familiar:
//!
//! ```yaml
//! policies:
//! - name: release-images            # for reports; defaults to "policy N"
//!   images:
//!   - glob: "ghcr.io/acme/**"       # one or more globs
//!   authorities:                    # who may have signed
//!   - name: ci                      # optional
//!     keyless:
//!       identities:                 # any one of these
//!       - issuer: https://token.actions.githubusercontent.com
//!         subjectRegExp: https://github.com/acme/.+/\.github/workflows/release\.yml@refs/tags/v.+
//!   - key:
//!       path: cosign.pub            # relative to the policy file; or `data: |` with the PEM
//!   - name: provenance              # an authority with `attestations:` is satisfied by them
//!     keyless:                      # (not by the image signature), as in policy-controller
//!       identities: [{issuer: https://token.actions.githubusercontent.com, subjectRegExp: …}]
//!     attestations:
//!     - name: slsa                  # optional, for reports
//!       predicateType: slsaprovenance1   # cosign's short names, or a predicate-type URI
//!       conditions:                 # CEL over the in-toto statement: predicateType,
//!       - predicate.buildDefinition.externalParameters.workflow.repository == "https://github.com/acme/app"
//!                                   # predicate, subject, statement (or `- expression: …`)
//!   count: 1                        # M-of-N: how many authorities must be satisfied (default 1)
//!   mode: enforce                   # or `warn`: report failures without failing the run
//! ```
//!
//! Identities take `subject` or `subjectRegExp`, and `issuer` or `issuerRegExp`; regular
//! expressions must match the WHOLE value (they are anchored, unlike cosign's).
//!
//! # Globs
//!
//! As in policy-controller: the image reference is normalised first (`nginx` →
//! `docker.io/library/nginx`, `index.docker.io` → `docker.io`), so is the glob; `*` matches
//! within one path component (it does not cross `/`), `**` as a whole component matches across
//! components (inside a component it is a `*`), `?` one character; matching is globset's. A glob without a tag or digest matches the repository (any tag or digest); a
//! glob with `:tag` or `@sha256:` matches the full reference.
//!
//! # Which rules apply to an image
//!
//! Every policy whose globs match applies, and each must be satisfied (as in policy-controller);
//! the identity/key flags apply to every image in addition. The built-in policy
//! (`registry.k8s.io/**` → keyless `krel-trust@k8s-releng-prod.iam.gserviceaccount.com` /
//! `https://accounts.google.com`) applies only to images nothing else covers, so flags or a
//! policy entry can state their own expectation; `--no-builtin-policy` turns it off. An image
//! no rule covers gets the verdict `no-policy`.

use std::collections::BTreeMap;
use std::path::Path;

use super::attest::{self, AttestationRequirement, Condition};
use super::sigstore::Authority;
use super::trust::PublicKey;
use super::{KeylessIdentity, Matcher};
use crate::manifest::Position;
use crate::manifest::yaml::{NodeId, Value, Yaml};
use crate::reference::{DOCKER_HUB, ImageRef};

/// The identity Kubernetes release engineering signs `registry.k8s.io` images with.
pub const K8S_IDENTITY: &str = "krel-trust@k8s-releng-prod.iam.gserviceaccount.com";
/// Its OIDC issuer.
pub const K8S_ISSUER: &str = "https://accounts.google.com";

/// Whether a failing policy fails the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    /// A failure is a finding (exit 1).
    #[default]
    Enforce,
    /// A failure is reported, but the run does not fail because of it.
    Warn,
}

/// One authority of a requirement, named for reports.
#[derive(Debug, Clone)]
pub struct NamedAuthority {
    pub name: String,
    pub authority: Authority,
    /// When not empty, what this authority must have signed are these attestations (each
    /// present, signed by it, naming the image digest, its conditions true), not the image
    /// signature: as `cosign verify-attestation` and policy-controller authorities with
    /// `attestations:` behave.
    pub attestations: Vec<AttestationRequirement>,
}

impl NamedAuthority {
    /// An authority over image signatures.
    pub fn signature(name: impl Into<String>, authority: Authority) -> Self {
        Self {
            name: name.into(),
            authority,
            attestations: Vec::new(),
        }
    }
}

/// What one policy (or the flags) demands of an image: `count` of `authorities` satisfied.
#[derive(Debug, Clone)]
pub struct Requirement {
    /// `flags`, `builtin:kubernetes`, or the policy's name.
    pub name: String,
    pub authorities: Vec<NamedAuthority>,
    pub count: usize,
    pub mode: Mode,
}

impl Requirement {
    /// The requirement the command-line flags make: one authority, enforced.
    pub fn from_flags(authority: Authority) -> Self {
        Self {
            name: "flags".to_owned(),
            authorities: vec![NamedAuthority::signature("flags", authority)],
            count: 1,
            mode: Mode::Enforce,
        }
    }
}

/// A policy: globs and the requirement for images they match.
#[derive(Debug, Clone)]
pub struct Policy {
    pub globs: Vec<Glob>,
    pub requirement: Requirement,
}

impl Policy {
    pub fn matches(&self, image: &ImageRef) -> bool {
        self.globs.iter().any(|g| g.matches(image))
    }
}

/// The built-in policy for Kubernetes' own images.
pub fn builtin() -> Vec<Policy> {
    vec![Policy {
        globs: vec![Glob::new("registry.k8s.io/**").expect("valid built-in glob")],
        requirement: Requirement {
            name: "builtin:kubernetes".to_owned(),
            authorities: vec![NamedAuthority::signature(
                "krel-trust",
                Authority::Keyless(vec![KeylessIdentity::exact(K8S_IDENTITY, K8S_ISSUER)]),
            )],
            count: 1,
            mode: Mode::Enforce,
        },
    }]
}

/// Everything that decides who must have signed an image.
#[derive(Debug, Clone, Default)]
pub struct PolicySet {
    /// From `--key` / `--certificate-identity…`: applies to every image.
    pub flags: Option<Requirement>,
    /// From `--policy FILE`.
    pub policies: Vec<Policy>,
    /// The built-in policies (empty with `--no-builtin-policy`).
    pub builtin: Vec<Policy>,
}

impl PolicySet {
    /// The requirements that apply to `image`, in order: flags, matching file policies, or
    /// else the matching built-in policy. Empty: no rule covers the image (`no-policy`).
    pub fn requirements_for(&self, image: &ImageRef) -> Vec<&Requirement> {
        let mut out: Vec<&Requirement> = self.flags.iter().collect();
        out.extend(
            self.policies
                .iter()
                .filter(|p| p.matches(image))
                .map(|p| &p.requirement),
        );
        if out.is_empty() {
            out.extend(
                self.builtin
                    .iter()
                    .filter(|p| p.matches(image))
                    .map(|p| &p.requirement),
            );
        }
        out
    }
}

/// An image glob, normalised and compiled once (by globset: `*` and `?` stay within one path
/// component, `**` crosses them, as in policy-controller's globs).
#[derive(Debug, Clone)]
pub struct Glob {
    source: String,
    /// Whether the glob names a tag or digest (then it is matched against the full reference).
    full: bool,
    matcher: globset::GlobMatcher,
}

impl Glob {
    /// Compiles a glob. Errors name what is wrong with it.
    pub fn new(source: &str) -> Result<Self, String> {
        let s = source.trim();
        if s.is_empty() {
            return Err("empty glob".to_owned());
        }
        if s.chars().any(char::is_whitespace) {
            return Err(format!("glob {s:?} contains whitespace"));
        }
        let last = s.rsplit('/').next().unwrap_or(s);
        let full = s.contains('@') || (s.contains('/') && last.contains(':'));
        let normalised = normalise_glob(s);
        let matcher = globset::GlobBuilder::new(&normalised)
            .literal_separator(true)
            // `\` has no place in an image reference; read it as itself, not an escape.
            .backslash_escape(false)
            .build()
            .map_err(|e| format!("glob {s:?}: {}", e.kind()))?
            .compile_matcher();
        Ok(Self {
            source: s.to_owned(),
            full,
            matcher,
        })
    }

    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// Whether the normalised reference matches.
    pub fn matches(&self, image: &ImageRef) -> bool {
        if self.full {
            self.matcher.is_match(image.canonical())
        } else {
            self.matcher.is_match(image.canonical_repository())
        }
    }
}

/// Normalises a glob the way references are: a first component that is not a host (no `.`,
/// `:`, not `localhost`, no wildcard) is a Docker Hub path, and a single Docker Hub component
/// is under `library/`.
fn normalise_glob(s: &str) -> String {
    if s == "**" || s == "*" {
        return s.to_owned();
    }
    let s = s
        .strip_prefix("index.docker.io/")
        .map_or_else(|| s.to_owned(), |rest| format!("{DOCKER_HUB}/{rest}"));
    let (first, rest) = s.split_once('/').unwrap_or((&s, ""));
    let is_host = first.contains(['.', ':', '*', '?']) || first == "localhost";
    if is_host {
        return s.clone();
    }
    if rest.is_empty() {
        // `nginx`, `nginx:1.27`, `nginx*`
        return format!("{DOCKER_HUB}/library/{s}");
    }
    format!("{DOCKER_HUB}/{s}")
}

/// Why a policy file is unusable. Displayed as `file:line:col: reason`.
#[derive(Debug, thiserror::Error)]
pub enum PolicyError {
    /// The file could not be read.
    // The cause is the source, printed once by the error chain, not repeated here.
    #[error("reading policy file {path}")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// Something in the file is wrong; the position points at it.
    #[error("{path}:{at}: {reason}")]
    Invalid {
        path: String,
        at: Position,
        reason: String,
    },
}

/// Public keys read from cluster secrets, by their `k8s://NAMESPACE/SECRET` URI (PEM).
pub type K8sKeys = BTreeMap<String, String>;

/// Reads a policy file. Key paths inside it are relative to the file's directory.
pub fn load(path: &Path) -> Result<Vec<Policy>, PolicyError> {
    load_with(path, &K8sKeys::new())
}

/// [`load`], with the `k8s://NAMESPACE/SECRET` keys it names already read from the cluster
/// (PEM by URI; see [`k8s_key_uris`]).
pub fn load_with(path: &Path, k8s_keys: &K8sKeys) -> Result<Vec<Policy>, PolicyError> {
    let text = std::fs::read_to_string(path).map_err(|source| PolicyError::Read {
        path: path.display().to_string(),
        source,
    })?;
    let base = path.parent().unwrap_or_else(|| Path::new("."));
    parse_with(&text, &path.display().to_string(), base, k8s_keys)
}

/// The `k8s://NAMESPACE/SECRET` key paths a policy file's text names (`key: {path: k8s://…}`),
/// so the caller can read them from the cluster before parsing.
pub fn k8s_key_uris(text: &str) -> Vec<String> {
    let Ok(yaml) = Yaml::parse(text) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut stack: Vec<NodeId> = yaml.documents.clone();
    let mut seen = std::collections::HashSet::new();
    while let Some(n) = stack.pop() {
        if !seen.insert(n) {
            continue;
        }
        match &yaml.node(n).value {
            Value::Map(entries) => {
                for &(k, v) in entries {
                    let is_path = yaml.scalar(k).is_some_and(|(t, _, _)| t == "path");
                    if is_path
                        && let Some((t, _, _)) = yaml.scalar(v)
                        && t.starts_with("k8s://")
                    {
                        out.push(t.to_owned());
                    }
                    stack.push(v);
                }
            }
            Value::Seq(items) => stack.extend(items.iter().copied()),
            Value::Scalar { .. } => {}
        }
    }
    out
}

struct Ctx<'a> {
    yaml: &'a Yaml,
    path: &'a str,
    base: &'a Path,
    k8s_keys: &'a K8sKeys,
}

impl Ctx<'_> {
    fn err(&self, node: NodeId, reason: impl Into<String>) -> PolicyError {
        PolicyError::Invalid {
            path: self.path.to_owned(),
            at: self.yaml.node(node).start,
            reason: reason.into(),
        }
    }

    fn map(&self, node: NodeId, what: &str, keys: &[&str]) -> Result<(), PolicyError> {
        let Value::Map(entries) = &self.yaml.node(node).value else {
            return Err(self.err(node, format!("{what} must be a mapping")));
        };
        for &(k, _) in entries {
            let key = self.yaml.scalar(k).map_or("", |(t, _, _)| t);
            if !keys.contains(&key) {
                return Err(self.err(
                    k,
                    format!(
                        "unknown key {key:?} in {what} (expected one of: {})",
                        keys.join(", ")
                    ),
                ));
            }
        }
        Ok(())
    }

    fn seq(&self, node: NodeId, what: &str) -> Result<Vec<NodeId>, PolicyError> {
        match &self.yaml.node(node).value {
            Value::Seq(items) => Ok(items.to_vec()),
            _ => Err(self.err(node, format!("{what} must be a list"))),
        }
    }

    fn string(&self, node: NodeId, what: &str) -> Result<String, PolicyError> {
        match self.yaml.scalar(node) {
            Some((text, _, _)) if !self.yaml.is_null(node) && !text.trim().is_empty() => {
                Ok(text.to_owned())
            }
            _ => Err(self.err(node, format!("{what} must be a non-empty string"))),
        }
    }

    fn opt_string(
        &self,
        map: NodeId,
        key: &str,
        what: &str,
    ) -> Result<Option<String>, PolicyError> {
        self.yaml
            .get(map, key)
            .map(|n| self.string(n, what))
            .transpose()
    }
}

/// Parses a policy file's text; `path` names it in errors, `base` resolves key paths.
pub fn parse(text: &str, path: &str, base: &Path) -> Result<Vec<Policy>, PolicyError> {
    parse_with(text, path, base, &K8sKeys::new())
}

/// [`parse`], with the `k8s://` keys the text names.
pub fn parse_with(
    text: &str,
    path: &str,
    base: &Path,
    k8s_keys: &K8sKeys,
) -> Result<Vec<Policy>, PolicyError> {
    let yaml = Yaml::parse(text).map_err(|e| PolicyError::Invalid {
        path: path.to_owned(),
        at: e.position(),
        reason: match &e {
            crate::manifest::ManifestError::Syntax { reason, .. } => reason.clone(),
            other => other.to_string(),
        },
    })?;
    let ctx = Ctx {
        yaml: &yaml,
        path,
        base,
        k8s_keys,
    };
    let docs: Vec<NodeId> = yaml
        .documents
        .iter()
        .copied()
        .filter(|&d| !yaml.is_null(d))
        .collect();
    let [root] = docs.as_slice() else {
        return Err(PolicyError::Invalid {
            path: path.to_owned(),
            at: Position { line: 1, col: 1 },
            reason: format!(
                "expected one YAML document with a `policies:` list, found {}",
                docs.len()
            ),
        });
    };
    ctx.map(*root, "the policy file", &["apiVersion", "policies"])?;
    let Some(list) = yaml.get(*root, "policies") else {
        return Err(ctx.err(*root, "missing `policies:` list"));
    };
    let mut out = Vec::new();
    for (i, &p) in ctx.seq(list, "`policies`")?.iter().enumerate() {
        out.push(parse_policy(&ctx, p, i + 1)?);
    }
    Ok(out)
}

fn parse_policy(ctx: &Ctx<'_>, node: NodeId, n: usize) -> Result<Policy, PolicyError> {
    ctx.map(
        node,
        "a policy",
        &["name", "images", "authorities", "count", "mode"],
    )?;
    let name = ctx
        .opt_string(node, "name", "`name`")?
        .unwrap_or_else(|| format!("policy {n}"));
    let mode = match ctx.yaml.get(node, "mode") {
        None => Mode::Enforce,
        Some(m) => match ctx.string(m, "`mode`")?.as_str() {
            "enforce" => Mode::Enforce,
            "warn" => Mode::Warn,
            other => {
                return Err(ctx.err(
                    m,
                    format!("`mode` must be `enforce` or `warn`, got {other:?}"),
                ));
            }
        },
    };
    let images = ctx
        .yaml
        .get(node, "images")
        .ok_or_else(|| ctx.err(node, format!("policy {name:?} has no `images:`")))?;
    let mut globs = Vec::new();
    for g in ctx.seq(images, "`images`")? {
        // `- glob: "…"` as in policy-controller, or a bare string.
        let text = if matches!(ctx.yaml.node(g).value, Value::Map(_)) {
            ctx.map(g, "an image entry", &["glob"])?;
            let v = ctx
                .yaml
                .get(g, "glob")
                .ok_or_else(|| ctx.err(g, "image entry needs `glob:`"))?;
            (ctx.string(v, "`glob`")?, v)
        } else {
            (ctx.string(g, "an image glob")?, g)
        };
        globs.push(Glob::new(&text.0).map_err(|e| ctx.err(text.1, e))?);
    }
    if globs.is_empty() {
        return Err(ctx.err(images, format!("policy {name:?} has no image globs")));
    }
    let auth_node = ctx
        .yaml
        .get(node, "authorities")
        .ok_or_else(|| ctx.err(node, format!("policy {name:?} has no `authorities:`")))?;
    let mut authorities = Vec::new();
    for (i, a) in ctx.seq(auth_node, "`authorities`")?.into_iter().enumerate() {
        authorities.push(parse_authority(ctx, a, i + 1)?);
    }
    if authorities.is_empty() {
        return Err(ctx.err(auth_node, format!("policy {name:?} has no authorities")));
    }
    let count = match ctx.yaml.get(node, "count") {
        None => 1,
        Some(c) => {
            let text = ctx.string(c, "`count`")?;
            let count: usize = text.parse().map_err(|_| {
                ctx.err(
                    c,
                    format!("`count` must be a positive integer, got {text:?}"),
                )
            })?;
            if count == 0 || count > authorities.len() {
                return Err(ctx.err(
                    c,
                    format!(
                        "`count` is {count}, but policy {name:?} has {} authorities",
                        authorities.len()
                    ),
                ));
            }
            count
        }
    };
    Ok(Policy {
        globs,
        requirement: Requirement {
            name,
            authorities,
            count,
            mode,
        },
    })
}

fn parse_authority(ctx: &Ctx<'_>, node: NodeId, n: usize) -> Result<NamedAuthority, PolicyError> {
    ctx.map(
        node,
        "an authority",
        &["name", "keyless", "key", "attestations"],
    )?;
    let name = ctx
        .opt_string(node, "name", "`name`")?
        .unwrap_or_else(|| format!("authority {n}"));
    let authority = match (ctx.yaml.get(node, "keyless"), ctx.yaml.get(node, "key")) {
        (Some(k), None) => parse_keyless(ctx, k)?,
        (None, Some(k)) => parse_key(ctx, k)?,
        _ => {
            return Err(ctx.err(
                node,
                format!("authority {name:?} needs exactly one of `keyless:` or `key:`"),
            ));
        }
    };
    let attestations = match ctx.yaml.get(node, "attestations") {
        None => Vec::new(),
        Some(list) => {
            let mut out = Vec::new();
            for (i, a) in ctx.seq(list, "`attestations`")?.into_iter().enumerate() {
                out.push(parse_attestation(ctx, a, i + 1)?);
            }
            if out.is_empty() {
                return Err(ctx.err(list, format!("authority {name:?}: `attestations` is empty")));
            }
            out
        }
    };
    Ok(NamedAuthority {
        name,
        authority,
        attestations,
    })
}

/// `{name, predicateType, conditions: [CEL…]}`, as policy-controller and Kyverno structure an
/// authority's attestations; `predicateType` takes cosign's short names or a URI.
fn parse_attestation(
    ctx: &Ctx<'_>,
    node: NodeId,
    n: usize,
) -> Result<AttestationRequirement, PolicyError> {
    ctx.map(
        node,
        "an attestation",
        &["name", "predicateType", "conditions"],
    )?;
    let ty = ctx
        .yaml
        .get(node, "predicateType")
        .ok_or_else(|| ctx.err(node, format!("attestation {n} needs `predicateType:`")))?;
    let predicate_type =
        attest::predicate_type(&ctx.string(ty, "`predicateType`")?).map_err(|e| ctx.err(ty, e))?;
    let name = ctx
        .opt_string(node, "name", "`name`")?
        .unwrap_or_else(|| attest::short_name(&predicate_type).to_owned());
    let mut conditions = Vec::new();
    if let Some(list) = ctx.yaml.get(node, "conditions") {
        for c in ctx.seq(list, "`conditions`")? {
            // A bare expression, or `{expression: …}` as Kyverno writes them.
            let node = if matches!(ctx.yaml.node(c).value, Value::Map(_)) {
                ctx.map(c, "a condition", &["expression"])?;
                ctx.yaml
                    .get(c, "expression")
                    .ok_or_else(|| ctx.err(c, "a condition needs `expression:`"))?
            } else {
                c
            };
            let text = ctx.string(node, "a condition")?;
            conditions.push(
                Condition::new(&text)
                    .map_err(|e| ctx.err(node, format!("condition {text:?}: {e}")))?,
            );
        }
    }
    Ok(AttestationRequirement {
        name,
        predicate_type,
        conditions,
    })
}

fn parse_keyless(ctx: &Ctx<'_>, node: NodeId) -> Result<Authority, PolicyError> {
    ctx.map(node, "`keyless`", &["identities"])?;
    let ids = ctx
        .yaml
        .get(node, "identities")
        .ok_or_else(|| ctx.err(node, "`keyless:` needs `identities:`"))?;
    let mut out = Vec::new();
    for id in ctx.seq(ids, "`identities`")? {
        ctx.map(
            id,
            "an identity",
            &["subject", "subjectRegExp", "issuer", "issuerRegExp"],
        )?;
        let subject = matcher(ctx, id, "subject", "subjectRegExp")?;
        let issuer = matcher(ctx, id, "issuer", "issuerRegExp")?;
        out.push(KeylessIdentity { subject, issuer });
    }
    if out.is_empty() {
        return Err(ctx.err(ids, "`identities` is empty"));
    }
    Ok(Authority::Keyless(out))
}

fn matcher(ctx: &Ctx<'_>, id: NodeId, exact: &str, regexp: &str) -> Result<Matcher, PolicyError> {
    match (ctx.yaml.get(id, exact), ctx.yaml.get(id, regexp)) {
        (Some(e), None) => Ok(Matcher::exact(ctx.string(e, exact)?)),
        (None, Some(r)) => {
            let text = ctx.string(r, regexp)?;
            Matcher::regex(&text).map_err(|e| ctx.err(r, format!("`{regexp}`: {e}")))
        }
        _ => Err(ctx.err(
            id,
            format!("an identity needs exactly one of `{exact}` or `{regexp}`"),
        )),
    }
}

fn parse_key(ctx: &Ctx<'_>, node: NodeId) -> Result<Authority, PolicyError> {
    ctx.map(node, "`key`", &["path", "data"])?;
    let key = match (ctx.yaml.get(node, "path"), ctx.yaml.get(node, "data")) {
        (Some(p), None) => {
            let rel = ctx.string(p, "`path`")?;
            if rel.starts_with("k8s://") {
                // cosign's convention: the secret's `cosign.pub`, read by the caller.
                let pem = ctx.k8s_keys.get(&rel).ok_or_else(|| {
                    ctx.err(p, format!("{rel}: the key was not read from the cluster"))
                })?;
                PublicKey::from_pem(pem, &rel).map_err(|e| ctx.err(p, chain(&e)))?
            } else {
                let full = ctx.base.join(&rel);
                PublicKey::from_file(&full).map_err(|e| ctx.err(p, chain(&e)))?
            }
        }
        (None, Some(d)) => {
            let pem = ctx.string(d, "`data`")?;
            PublicKey::from_pem(&pem, "`data`").map_err(|e| ctx.err(d, chain(&e)))?
        }
        _ => return Err(ctx.err(node, "`key:` needs exactly one of `path:` or `data:`")),
    };
    Ok(Authority::Key(key))
}

/// An error and its sources on one line (`reading public key k.pub: No such file…`).
fn chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut cur = e.source();
    while let Some(c) = cur {
        let text = c.to_string();
        if !s.contains(&text) {
            s.push_str(": ");
            s.push_str(&text);
        }
        cur = c.source();
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(s: &str) -> ImageRef {
        ImageRef::parse(s).unwrap()
    }

    /// Issue 12: an authority's `attestations:` (policy-controller's shape) with CEL
    /// conditions; mistakes are errors at their position.
    #[test]
    fn authorities_take_attestations() {
        let base = "policies:\n- images: [\"**\"]\n  authorities:\n  - keyless:\n      identities: [{subject: a@b.c, issuer: https://i}]\n    attestations:\n";
        let p = parse(
            &format!(
                "{base}    - predicateType: slsaprovenance1\n      conditions:\n      - predicate.x == 1\n      - expression: size(subject) > 0\n    - name: sbom\n      predicateType: https://spdx.dev/Document\n"
            ),
            "p.yaml",
            Path::new("."),
        )
        .unwrap();
        let a = &p[0].requirement.authorities[0].attestations;
        assert_eq!(a.len(), 2);
        assert_eq!(a[0].name, "slsaprovenance1");
        assert_eq!(a[0].predicate_type, "https://slsa.dev/provenance/v1");
        assert_eq!(a[0].conditions.len(), 2);
        assert_eq!(a[1].name, "sbom");
        // (attestations text, error text)
        let table: &[(&str, &str)] = &[
            (
                "    - predicateType: slsa\n",
                "p.yaml:7:22: unknown attestation type \"slsa\"",
            ),
            ("    - name: x\n", "needs `predicateType:`"),
            (
                "    - predicateType: spdx\n      conditions: [\"predicate.(\"]\n",
                "p.yaml:8:20: condition \"predicate.(\"",
            ),
            (
                "    - predicateType: spdx\n      conditions: [\"foo == 1\"]\n",
                "names \"foo\"",
            ),
            (
                "    - predicateType: spdx\n      policy: {}\n",
                "unknown key \"policy\"",
            ),
            ("      []\n", "`attestations` is empty"),
        ];
        for (text, want) in table {
            let e = parse(&format!("{base}{text}"), "p.yaml", Path::new("."))
                .unwrap_err()
                .to_string();
            assert!(e.contains(want), "{text}: {e}");
        }
    }

    #[test]
    fn glob_table() {
        let cases: &[(&str, &str, bool)] = &[
            (
                "registry.k8s.io/**",
                "registry.k8s.io/kube-apiserver:v1.31.0",
                true,
            ),
            (
                "registry.k8s.io/**",
                "registry.k8s.io/sig-storage/csi-provisioner:v5",
                true,
            ),
            (
                "registry.k8s.io/*",
                "registry.k8s.io/sig-storage/csi-provisioner:v5",
                false,
            ),
            ("registry.k8s.io/*", "registry.k8s.io/pause:3.10", true),
            (
                "registry.k8s.io/**",
                "registry.k8s.io.evil.com/pause",
                false,
            ),
            (
                "registry.k8s.io/**",
                "evil.com/registry.k8s.io/pause",
                false,
            ),
            (
                "ghcr.io/acme/*",
                "ghcr.io/acme/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                true,
            ),
            ("nginx", "nginx", true),
            ("nginx", "docker.io/library/nginx:1.27", true),
            ("nginx", "index.docker.io/library/nginx", true),
            ("library/*", "redis", true),
            ("acme/*", "acme/app:v1", true),
            ("acme/*", "ghcr.io/acme/app", false),
            ("index.docker.io/acme/**", "acme/app", true),
            ("ghcr.io/acme/app:v1", "ghcr.io/acme/app:v1", true),
            ("ghcr.io/acme/app:v1", "ghcr.io/acme/app:v2", false),
            ("ghcr.io/acme/app:v*", "ghcr.io/acme/app:v2", true),
            ("ghcr.io/acme/app?", "ghcr.io/acme/app2", true),
            ("localhost:5000/**", "localhost:5000/a/b", true),
            ("*.gcr.io/**", "us.gcr.io/p/i", true),
            ("*.gcr.io/**", "gcr.io/p/i", false),
            ("**", "anything.example/x/y:z", true),
            ("ghcr.io/**/app", "ghcr.io/acme/team/app", true),
            ("ghcr.io/**/app", "ghcr.io/acme/team/other", false),
            ("ghcr.io/acme**", "ghcr.io/acme-app", true),
            ("ghcr.io/acme**", "ghcr.io/acme/app", false),
        ];
        for (glob, image, want) in cases {
            let g = Glob::new(glob).unwrap();
            assert_eq!(g.matches(&r(image)), *want, "{glob} vs {image}");
        }
    }

    #[test]
    fn builtin_applies_only_when_nothing_else_does() {
        let set = PolicySet {
            flags: None,
            policies: Vec::new(),
            builtin: builtin(),
        };
        let k8s = r("registry.k8s.io/pause:3.10");
        let reqs = set.requirements_for(&k8s);
        assert_eq!(reqs.len(), 1);
        assert_eq!(reqs[0].name, "builtin:kubernetes");
        assert!(set.requirements_for(&r("ghcr.io/a/b")).is_empty());
        let with_flags = PolicySet {
            flags: Some(Requirement::from_flags(Authority::Keyless(vec![
                KeylessIdentity::exact("a@b.c", "https://x"),
            ]))),
            ..set
        };
        let reqs = with_flags.requirements_for(&k8s);
        assert_eq!(reqs.len(), 1);
        assert_eq!(reqs[0].name, "flags");
    }

    #[test]
    fn policy_file_parses() {
        let text = r#"
policies:
- name: acme
  images:
  - glob: "ghcr.io/acme/**"
  - "quay.io/acme/*"
  authorities:
  - name: ci
    keyless:
      identities:
      - issuer: https://token.actions.githubusercontent.com
        subjectRegExp: 'https://github\.com/acme/.+'
  - keyless:
      identities:
      - issuerRegExp: "https://accounts\\.google\\.com"
        subject: ops@acme.example
  count: 2
  mode: warn
"#;
        let p = parse(text, "p.yaml", Path::new(".")).unwrap();
        assert_eq!(p.len(), 1);
        let req = &p[0].requirement;
        assert_eq!(req.name, "acme");
        assert_eq!(req.count, 2);
        assert_eq!(req.mode, Mode::Warn);
        assert_eq!(req.authorities[1].name, "authority 2");
        assert!(p[0].matches(&r("quay.io/acme/x:1")));
        assert!(!p[0].matches(&r("quay.io/acme/x/y:1")));
        let Authority::Keyless(ids) = &req.authorities[0].authority else {
            panic!("keyless")
        };
        assert!(ids[0].matches(
            "https://github.com/acme/x",
            "https://token.actions.githubusercontent.com"
        ));
        assert!(!ids[0].matches(
            "https://evil.com/https://github.com/acme/x",
            "https://token.actions.githubusercontent.com"
        ));
    }

    #[test]
    fn policy_file_errors_name_line_and_reason() {
        let cases: &[(&str, &str, &str)] = &[
            ("policies: [", "2:1", "did not find expected node"),
            ("foo: 1\n", "1:1", "unknown key \"foo\""),
            ("policies:\n- images: [a]\n", "2:3", "no `authorities:`"),
            (
                "policies:\n- images: [a]\n  authorities:\n  - keyless: {identities: [{subject: x}]}\n",
                "4:",
                "exactly one of `issuer` or `issuerRegExp`",
            ),
            (
                "policies:\n- images: [a]\n  authorities:\n  - keyless: {identities: [{subject: x, issuer: y}]}\n  count: 2\n",
                "5:10",
                "`count` is 2",
            ),
            (
                "policies:\n- images: [a]\n  authorities:\n  - keyless: {identities: [{subject: x, issuer: y}]}\n  mode: audit\n",
                "5:9",
                "`mode` must be",
            ),
            (
                "policies:\n- images: [a]\n  authorities:\n  - key: {path: nope.pub}\n",
                "4:",
                "nope.pub",
            ),
            (
                "policies:\n- images: [a]\n  authorities:\n  - keyless: {identities: [{subjectRegExp: '(', issuer: y}]}\n",
                "4:",
                "subjectRegExp",
            ),
        ];
        for (text, at, reason) in cases {
            let e = parse(text, "p.yaml", Path::new("/nonexistent"))
                .expect_err(text)
                .to_string();
            assert!(e.starts_with(&format!("p.yaml:{at}")), "{text:?}: {e}");
            assert!(e.contains(reason), "{text:?}: {e}");
        }
    }
}
