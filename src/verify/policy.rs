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
use std::fmt;
use std::path::Path;
use std::sync::Arc;

use super::attest::{self, AttestationRequirement, Condition};
use super::scope::Scope;
use super::sigstore::{Authority, Options};
use super::trust::{PublicKey, Trust};
use super::{KeylessIdentity, Matcher};
use crate::manifest::Position;
use crate::manifest::yaml::{NodeId, Value, Yaml};
use crate::reference::{DOCKER_HUB, ImageRef};

/// The identity Kubernetes release engineering signs `registry.k8s.io` images with.
pub const K8S_IDENTITY: &str = "krel-trust@k8s-releng-prod.iam.gserviceaccount.com";
/// Its OIDC issuer.
pub const K8S_ISSUER: &str = "https://accounts.google.com";
/// The identity Kubernetes' image promoter signs its verification summaries (VSAs) with, on
/// every index and platform manifest it promotes to `registry.k8s.io` (issuer [`K8S_ISSUER`]).
pub const K8S_VSA_IDENTITY: &str = "promoter-summaries@k8s-releng-prod.iam.gserviceaccount.com";
/// The predicate type of a SLSA verification summary attestation.
pub const VSA_PREDICATE: &str = "https://slsa.dev/verification_summary/v1";
/// What a VSA must say for `--profile kubernetes-vsa`: the promoter's verification passed.
pub const VSA_CONDITION: &str = r#"predicate.verificationResult == "PASSED""#;

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
    /// What this authority changes about how its signatures are checked (admission policies
    /// set these per authority; the default changes nothing).
    pub options: AuthorityOptions,
}

impl NamedAuthority {
    /// An authority over image signatures.
    pub fn signature(name: impl Into<String>, authority: Authority) -> Self {
        Self {
            name: name.into(),
            authority,
            attestations: Vec::new(),
            options: AuthorityOptions::default(),
        }
    }
}

/// Per-authority settings of admission policies (policy-controller `trustRootRef`,
/// `ctlog.insecureIgnoreSCT`, `source.oci`; Kyverno `rekor.ignoreTlog`, `ctlog.ignoreSCT`,
/// `repository`). They only relax what the policy itself says to relax, never the run's
/// flags: `--insecure-ignore-*` still apply to every authority.
#[derive(Debug, Clone, Default)]
pub struct AuthorityOptions {
    /// The Sigstore trust root this authority is checked against instead of the run's, with
    /// the name it was given (policy-controller `TrustRoot`).
    pub trust: Option<(String, Arc<Trust>)>,
    /// Do not require the certificate's SCT to verify.
    pub ignore_sct: bool,
    /// Accept signatures without a verified transparency log proof.
    pub ignore_tlog: bool,
    /// Where this authority's signatures are stored instead of the image's repository.
    pub signature_repository: Option<ImageRef>,
    /// How fields that change nothing offline were understood (`keyless.url`: not
    /// contacted, …), for `policy explain`.
    pub notes: Vec<String>,
}

impl AuthorityOptions {
    /// The run's options with this authority's relaxations added.
    pub fn apply(&self, run: &Options) -> Options {
        Options {
            ignore_tlog: run.ignore_tlog || self.ignore_tlog,
            ignore_sct: run.ignore_sct || self.ignore_sct,
        }
    }

    /// The trust root to check against: this authority's, else the run's.
    pub fn trust<'a>(&'a self, run: &'a Trust) -> &'a Trust {
        self.trust.as_ref().map_or(run, |(_, t)| t.as_ref())
    }
}

/// Which admission-policy document (and rule) a requirement came from: what reports name as
/// having decided an image.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Origin {
    /// `ClusterImagePolicy`, `ClusterPolicy`, `Policy`, `ImageValidatingPolicy`, …
    pub kind: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    /// The rule (Kyverno) or authority group within the document, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/", self.kind)?;
        if let Some(ns) = &self.namespace {
            write!(f, "{ns}/")?;
        }
        f.write_str(&self.name)?;
        if let Some(r) = &self.rule {
            write!(f, " rule {r}")?;
        }
        Ok(())
    }
}

/// A requirement decided by the policy alone, whatever is signed (policy-controller
/// `static: {action: pass|fail}`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum StaticAction {
    /// `verified`, without looking at signatures.
    Pass,
    /// `denied`.
    Fail,
}

/// Why a requirement cannot be evaluated (read with `--skip-unsupported`): it fails every
/// image it applies to with the verdict `unsupported`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsupported {
    /// `file:line:col` of the field.
    pub at: String,
    /// `ClusterImagePolicy/name`.
    pub document: String,
    /// The field path, e.g. `spec.authorities[0].attestations[0].policy`.
    pub field: String,
    pub reason: String,
}

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}: {} ({})",
            self.document, self.field, self.reason, self.at
        )
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
    /// The admission-policy document and rule it was read from (`None` for our own format,
    /// the flags and the built-in policy).
    pub origin: Option<Origin>,
    /// Decided without evidence (`authorities` is then empty).
    pub static_action: Option<StaticAction>,
    /// Not evaluable (`--skip-unsupported`): fails as `unsupported`; `authorities` may hold
    /// what could be read, for `policy explain`.
    pub unsupported: Option<Unsupported>,
    /// What the policy says with its failures (policy-controller `static.message`, a Kyverno
    /// rule's `message`): added to the detail of the failures it decides.
    pub message: Option<String>,
}

impl Requirement {
    /// A requirement that `count` (1) of `authorities` be satisfied, enforced, with nothing
    /// else set.
    pub fn new(name: impl Into<String>, authorities: Vec<NamedAuthority>) -> Self {
        Self {
            name: name.into(),
            authorities,
            count: 1,
            mode: Mode::Enforce,
            origin: None,
            static_action: None,
            unsupported: None,
            message: None,
        }
    }

    /// The requirement the command-line flags make: one authority, enforced.
    pub fn from_flags(authority: Authority) -> Self {
        Self::new("flags", vec![NamedAuthority::signature("flags", authority)])
    }

    /// Where its signatures are looked for instead of the image's repository (its
    /// authorities' `signature_repository`: readers give all authorities of one
    /// requirement the same one).
    pub fn signature_repository(&self) -> Option<&ImageRef> {
        self.authorities
            .iter()
            .find_map(|a| a.options.signature_repository.as_ref())
    }

    /// Whether judging it needs the image's signatures or attestations (not so for `static`
    /// and `unsupported` requirements).
    pub fn needs_evidence(&self) -> bool {
        self.static_action.is_none() && self.unsupported.is_none()
    }
}

/// A policy: globs and the requirement for images they match.
#[derive(Debug, Clone)]
pub struct Policy {
    pub globs: Vec<Glob>,
    /// Images the globs match that the policy still does not apply to (Kyverno
    /// `skipImageReferences`).
    pub skip: Vec<Glob>,
    /// Which uses (objects, namespaces, labels) it applies to; everything by default.
    pub scope: Scope,
    pub requirement: Requirement,
}

impl Policy {
    /// A policy over `globs`, applying everywhere, skipping nothing.
    pub fn new(globs: Vec<Glob>, requirement: Requirement) -> Self {
        Self {
            globs,
            skip: Vec::new(),
            scope: Scope::default(),
            requirement,
        }
    }

    /// Whether the image is one the policy is about (its globs, minus `skip`); whether it
    /// applies to a particular use is [`Scope::applies`].
    pub fn matches(&self, image: &ImageRef) -> bool {
        self.globs.iter().any(|g| g.matches(image)) && !self.skip.iter().any(|g| g.skips(image))
    }
}

/// The built-in policy for Kubernetes' own images.
pub fn builtin() -> Vec<Policy> {
    vec![Policy::new(
        vec![Glob::new("registry.k8s.io/**").expect("valid built-in glob")],
        Requirement::new(
            "builtin:kubernetes",
            vec![NamedAuthority::signature(
                "krel-trust",
                Authority::Keyless(vec![KeylessIdentity::exact(K8S_IDENTITY, K8S_ISSUER)]),
            )],
        ),
    )]
}

/// `--profile kubernetes-vsa`: `registry.k8s.io/**` images must also carry a VSA
/// ([`VSA_PREDICATE`]) signed keyless by [`K8S_VSA_IDENTITY`] whose `verificationResult` is
/// `PASSED`, naming the digest verified (or, through the fallback in [`crate::evidence`], the
/// index that lists it, or every platform manifest of an index). A requirement of its own, so
/// the signature (built-in policy, flags or a policy file) is still required beside it.
pub fn kubernetes_vsa() -> Policy {
    let vsa = AttestationRequirement {
        name: "vsa".to_owned(),
        predicate_type: VSA_PREDICATE.to_owned(),
        conditions: vec![Condition::new(VSA_CONDITION).expect("valid built-in condition")],
    };
    let mut promoter = NamedAuthority::signature(
        "promoter-summaries",
        Authority::Keyless(vec![KeylessIdentity::exact(K8S_VSA_IDENTITY, K8S_ISSUER)]),
    );
    promoter.attestations = vec![vsa];
    Policy::new(
        vec![Glob::new("registry.k8s.io/**").expect("valid built-in glob")],
        Requirement::new("profile:kubernetes-vsa", vec![promoter]),
    )
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
    /// The policies of `--profile` ([`kubernetes_vsa`]): they apply to every image they match,
    /// in addition to whatever else does (an opt-in is never silently overridden).
    pub profiles: Vec<Policy>,
}

impl PolicySet {
    /// The same set with only the file policies `keep` says (by index) apply: what one group
    /// of uses (one scope) is verified under.
    #[must_use]
    pub fn narrowed(&self, keep: &[bool]) -> Self {
        Self {
            flags: self.flags.clone(),
            policies: self
                .policies
                .iter()
                .zip(keep)
                .filter(|(_, k)| **k)
                .map(|(p, _)| p.clone())
                .collect(),
            builtin: self.builtin.clone(),
            profiles: self.profiles.clone(),
        }
    }

    /// The requirements that apply to `image`, in order: flags, matching file policies, or
    /// else the matching built-in policy; then the matching profiles'. Empty: no rule covers
    /// the image (`no-policy`). A profile alone does not cover an image: it adds to what says
    /// who signed it.
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
        if !out.is_empty() {
            out.extend(
                self.profiles
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
    matcher: GlobMatcher,
    /// A Kyverno pattern (normalised): Kyverno matches it as a plain wildcard over the whole
    /// reference (`repo:tag` or `repo@digest`), which [`Glob::matches`] adds to the globset
    /// (a pattern covers more, never less) and [`Glob::skips`] alone decides.
    kyverno: Option<String>,
}

#[derive(Debug, Clone)]
enum GlobMatcher {
    /// Ours (and Kyverno's): globset over the repository, or over the full reference when
    /// the glob names a tag or digest (`full`).
    Globset {
        full: bool,
        matcher: globset::GlobMatcher,
    },
    /// policy-controller's: a regular expression over the whole reference.
    Regex(regex::Regex),
}

impl Glob {
    /// Compiles a glob. Errors name what is wrong with it.
    pub fn new(source: &str) -> Result<Self, String> {
        Self::build(source, true)
    }

    /// A Kyverno image pattern: its `*` is a plain wildcard over the whole reference, crossing
    /// `/` (`ghcr.io/acme/*` covers `ghcr.io/acme/team/app`).
    pub fn wildcard(source: &str) -> Result<Self, String> {
        let mut glob = Self::build(source, false)?;
        glob.kyverno = Some(normalise_glob(source.trim()));
        Ok(glob)
    }

    fn build(source: &str, literal_separator: bool) -> Result<Self, String> {
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
            .literal_separator(literal_separator)
            // `\` has no place in an image reference; read it as itself, not an escape.
            .backslash_escape(false)
            .build()
            .map_err(|e| format!("glob {s:?}: {}", e.kind()))?
            .compile_matcher();
        Ok(Self {
            source: s.to_owned(),
            matcher: GlobMatcher::Globset { full, matcher },
            kyverno: None,
        })
    }

    /// A sigstore policy-controller glob (`pkg/apis/glob`), which differs from ours: `**`
    /// matches any characters anywhere (`**demo**` matches `ghcr.io/acme/demo:v1`), `*` any
    /// characters but `/`, only `[a-zA-Z0-9-_:/*.@]` are allowed, and the glob is matched
    /// against the whole reference (`repo:tag`, `repo@digest`; a bare `*` means
    /// `index.docker.io/library/*` and `*/*` `index.docker.io/*/*`). Docker Hub is
    /// `index.docker.io` there and `docker.io` here; both spellings are read as Docker Hub.
    pub fn policy_controller(source: &str) -> Result<Self, String> {
        let valid = |c: char| c.is_ascii_alphanumeric() || "-_:/*.@".contains(c);
        if source.is_empty() || !source.chars().all(valid) {
            return Err(format!(
                "glob {source:?} is invalid (policy-controller allows letters, digits and \
                 -_:/*.@)"
            ));
        }
        let expanded = match source {
            "*/*" => "index.docker.io/*/*",
            "*" => "index.docker.io/library/*",
            other => other,
        };
        let hub = expanded
            .strip_prefix("index.docker.io/")
            .or_else(|| expanded.strip_prefix("docker.io/"))
            .map_or_else(
                || expanded.to_owned(),
                |rest| format!("{DOCKER_HUB}/{rest}"),
            );
        let re = hub
            .replace('.', r"\.")
            .replace("**", "#")
            .replace('*', "[^/]*")
            .replace('#', ".*");
        let re =
            regex::Regex::new(&format!("^{re}$")).map_err(|e| format!("glob {source:?}: {e}"))?;
        Ok(Self {
            source: source.to_owned(),
            matcher: GlobMatcher::Regex(re),
            kyverno: None,
        })
    }

    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// Whether the normalised reference matches.
    pub fn matches(&self, image: &ImageRef) -> bool {
        if let Some(p) = &self.kyverno
            && spellings(image)
                .iter()
                .any(|n| crate::verify::scope::wildcard(p, n))
        {
            return true;
        }
        match &self.matcher {
            GlobMatcher::Globset {
                full: true,
                matcher,
            } => matcher.is_match(image.canonical()),
            GlobMatcher::Globset { matcher, .. } => matcher.is_match(image.canonical_repository()),
            // Every spelling policy-controller may have matched (the reference as resolved,
            // by tag, by digest): a policy applies when any does.
            GlobMatcher::Regex(re) => spellings(image).iter().any(|n| re.is_match(n)),
        }
    }
}

impl Glob {
    /// Whether an image the policy's globs match is taken out by this skip pattern. A Kyverno
    /// `skipImageReferences` pattern skips only when it matches every spelling Kyverno may
    /// have seen (`repo:tag`, `repo@digest`): a skip never covers more than Kyverno's would
    /// (`ghcr.io/acme/app`, without a tag, matches no reference there, so skips nothing).
    pub fn skips(&self, image: &ImageRef) -> bool {
        match &self.kyverno {
            Some(p) => spellings(image)
                .iter()
                .all(|n| crate::verify::scope::wildcard(p, n)),
            None => self.matches(image),
        }
    }
}

/// The spellings of a reference a pattern may be compared with: as resolved, by tag, by
/// digest.
fn spellings(image: &ImageRef) -> Vec<String> {
    let repo = image.canonical_repository();
    let mut names = vec![
        image.canonical(),
        format!("{repo}:{}", image.tag_or_latest()),
    ];
    if let Some(d) = image.digest() {
        names.push(format!("{repo}@{d}"));
    }
    names
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
    /// A field of an admission-policy document is wrong, or not supported (`unsupported`:
    /// `--skip-unsupported` turns those into failing `unsupported` results instead).
    #[error("{path}:{at}: {document}: {field}: {reason}")]
    Field {
        path: String,
        at: Position,
        /// `ClusterImagePolicy/name`.
        document: String,
        /// The field path from the document root, e.g. `spec.authorities[0].key.kms`.
        field: String,
        reason: String,
        unsupported: bool,
    },
}

/// How policy files are read.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// Public keys read from cluster secrets, by their `k8s://NAMESPACE/SECRET` URI.
    pub k8s_keys: K8sKeys,
    /// `--skip-unsupported`: what is not supported becomes a failing `unsupported`
    /// requirement instead of an error.
    pub skip_unsupported: bool,
}

/// Public keys read from cluster secrets, by their `k8s://NAMESPACE/SECRET` URI (PEM).
pub type K8sKeys = BTreeMap<String, String>;

/// Reads a policy file. Key paths inside it are relative to the file's directory.
pub fn load(path: &Path) -> Result<Vec<Policy>, PolicyError> {
    load_with(path, &ReadOptions::default())
}

/// [`load`], with the `k8s://NAMESPACE/SECRET` keys it names already read from the cluster
/// (PEM by URI; see [`k8s_key_uris`]) and `--skip-unsupported`.
pub fn load_with(path: &Path, options: &ReadOptions) -> Result<Vec<Policy>, PolicyError> {
    let text = std::fs::read_to_string(path).map_err(|source| PolicyError::Read {
        path: path.display().to_string(),
        source,
    })?;
    let base = path.parent().unwrap_or_else(|| Path::new("."));
    parse_with(&text, &path.display().to_string(), base, options)
}

/// The `k8s://NAMESPACE/SECRET` key paths a policy file's text names (`key: {path: k8s://…}`,
/// policy-controller's `key: {secretRef: …}` and Kyverno's `keys: {secret: {name,
/// namespace}}`), so the caller can read them from the cluster before parsing.
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
                    // policy-controller: `key: {secretRef: {name, namespace}}`, the namespace
                    // defaulting to the controller's own.
                    let is_key = yaml.scalar(k).is_some_and(|(t, _, _)| t == "key");
                    if is_key
                        && let Some(r) = yaml.get(v, "secretRef")
                        && let Some(name) = yaml.get(r, "name").and_then(|n| yaml.scalar(n))
                    {
                        let ns = yaml
                            .get(r, "namespace")
                            .and_then(|n| yaml.scalar(n))
                            .map_or(crate::admission::sigstore::SYSTEM_NAMESPACE, |(t, _, _)| t);
                        out.push(format!("k8s://{ns}/{}", name.0));
                    }
                    // Kyverno: `keys: {secret: {name, namespace}}` (both required).
                    let is_keys = yaml.scalar(k).is_some_and(|(t, _, _)| t == "keys");
                    if is_keys
                        && let Some(r) = yaml.get(v, "secret")
                        && let Some(name) = yaml.get(r, "name").and_then(|n| yaml.scalar(n))
                        && let Some(ns) = yaml.get(r, "namespace").and_then(|n| yaml.scalar(n))
                    {
                        out.push(format!("k8s://{}/{}", ns.0, name.0));
                    }
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

/// A policy file being read: its YAML, its name for errors, the directory key paths are
/// relative to, and how to read it. Shared with [`crate::admission`].
pub struct Ctx<'a> {
    pub yaml: &'a Yaml,
    pub path: &'a str,
    pub base: &'a Path,
    pub options: &'a ReadOptions,
}

impl Ctx<'_> {
    /// `file:line:col` of a node.
    pub fn at(&self, node: NodeId) -> Position {
        self.yaml.node(node).start
    }

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

/// How one YAML document of a policy file was read (for `policy explain`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentInfo {
    pub at: Position,
    pub api_version: Option<String>,
    /// The document's `kind`; `None` for our own format (a `policies:` list).
    pub kind: Option<String>,
    pub name: Option<String>,
    pub namespace: Option<String>,
    pub read_as: ReadAs,
}

/// What a document of a policy file is to kubectl-verify.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReadAs {
    /// Our own `policies:` list.
    Policies,
    /// An admission policy (ClusterImagePolicy, ClusterPolicy, …).
    Policy,
    /// A policy-controller TrustRoot (trust material policies name).
    TrustRoot,
    /// Another object: skipped.
    Skipped,
}

/// [`load_with`], with how each document was read.
pub fn load_explained(
    path: &Path,
    options: &ReadOptions,
) -> Result<(Vec<Policy>, Vec<DocumentInfo>), PolicyError> {
    let text = std::fs::read_to_string(path).map_err(|source| PolicyError::Read {
        path: path.display().to_string(),
        source,
    })?;
    let base = path.parent().unwrap_or_else(|| Path::new("."));
    let name = path.display().to_string();
    let policies = parse_with(&text, &name, base, options)?;
    // It parsed above, so it parses again.
    let yaml = Yaml::parse(&text).map_err(|e| PolicyError::Invalid {
        path: name.clone(),
        at: e.position(),
        reason: e.to_string(),
    })?;
    let text_of = |map: Option<NodeId>, key: &str| {
        map.and_then(|m| yaml.get(m, key))
            .filter(|&n| !yaml.is_null(n))
            .and_then(|n| yaml.scalar(n))
            .map(|(t, _, _)| t.to_owned())
    };
    let documents = yaml
        .documents
        .iter()
        .copied()
        .filter(|&d| !yaml.is_null(d))
        .map(|d| {
            let kind = text_of(Some(d), "kind");
            let api_version = text_of(Some(d), "apiVersion");
            let meta = yaml.get(d, "metadata");
            let read_as = match &kind {
                None => ReadAs::Policies,
                Some(k) => crate::admission::read_as(api_version.as_deref().unwrap_or(""), k),
            };
            DocumentInfo {
                at: yaml.node(d).start,
                api_version,
                kind,
                name: text_of(meta, "name"),
                namespace: text_of(meta, "namespace"),
                read_as,
            }
        })
        .collect();
    Ok((policies, documents))
}

/// Parses a policy file's text; `path` names it in errors, `base` resolves key paths.
pub fn parse(text: &str, path: &str, base: &Path) -> Result<Vec<Policy>, PolicyError> {
    parse_with(text, path, base, &ReadOptions::default())
}

/// [`parse`], with the `k8s://` keys the text names and `--skip-unsupported`.
///
/// Each YAML document is either our own format (a `policies:` list) or, when it has a
/// `kind`, a Kubernetes object: admission policies ([`crate::admission`]: Kyverno,
/// policy-controller) are read, other kinds skipped.
pub fn parse_with(
    text: &str,
    path: &str,
    base: &Path,
    options: &ReadOptions,
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
        options,
    };
    let docs: Vec<NodeId> = yaml
        .documents
        .iter()
        .copied()
        .filter(|&d| !yaml.is_null(d))
        .collect();
    if docs.is_empty() {
        return Err(PolicyError::Invalid {
            path: path.to_owned(),
            at: Position { line: 1, col: 1 },
            reason: "expected a YAML document with a `policies:` list, or admission policies \
                     (Kyverno, policy-controller); found none"
                .to_owned(),
        });
    }
    let (objects, own): (Vec<NodeId>, Vec<NodeId>) =
        docs.iter().partition(|&&d| yaml.get(d, "kind").is_some());
    let text_of = |d: NodeId, key: &str| {
        yaml.get(d, key)
            .and_then(|n| yaml.scalar(n))
            .map_or("", |(t, _, _)| t)
    };
    if own.is_empty()
        && objects.iter().all(|&d| {
            // An empty `kind` is an error of its own, said by the reader.
            !text_of(d, "kind").trim().is_empty()
                && crate::admission::read_as(text_of(d, "apiVersion"), text_of(d, "kind"))
                    == ReadAs::Skipped
        })
    {
        let kinds: Vec<&str> = objects.iter().map(|&d| text_of(d, "kind")).collect();
        return Err(PolicyError::Invalid {
            path: path.to_owned(),
            at: Position { line: 1, col: 1 },
            reason: format!(
                "no policy in this file: every document is another kind of object ({})",
                kinds.join(", ")
            ),
        });
    }
    let mut out = Vec::new();
    for root in own {
        ctx.map(root, "the policy file", &["apiVersion", "policies"])?;
        let Some(list) = yaml.get(root, "policies") else {
            return Err(ctx.err(root, "missing `policies:` list"));
        };
        for &p in &ctx.seq(list, "`policies`")? {
            out.push(parse_policy(&ctx, p, out.len() + 1)?);
        }
    }
    out.extend(crate::admission::read(&ctx, &objects)?);
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
    Ok(Policy::new(
        globs,
        Requirement {
            count,
            mode,
            ..Requirement::new(name, authorities)
        },
    ))
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
        attestations,
        ..NamedAuthority::signature(name, authority)
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
                let pem = ctx.options.k8s_keys.get(&rel).ok_or_else(|| {
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
pub(crate) fn chain(e: &dyn std::error::Error) -> String {
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

    /// policy-controller's globs (its `pkg/apis/glob` tests and e2e policies).
    #[test]
    fn policy_controller_glob_table() {
        let d = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        let cases: &[(&str, &str, bool)] = &[
            (
                "**demo**",
                "registry.local:5000/policy-controller/demo:v1",
                true,
            ),
            ("**demo**", "127.0.0.1:5000/demo", true),
            ("**demo**", "ghcr.io/acme/app", false),
            ("ghcr.io/acme**", "ghcr.io/acme/app:v1", true),
            ("ghcr.io/acme/*", "ghcr.io/acme/app:v1", true),
            ("ghcr.io/acme/*", "ghcr.io/acme/team/app:v1", false),
            ("ghcr.io/acme/app", "ghcr.io/acme/app:v1", false),
            ("ghcr.io/acme/app:*", "ghcr.io/acme/app:v1", true),
            ("ghcr.io/acme/app*", &format!("ghcr.io/acme/app@{d}"), true),
            (
                "ghcr.io/acme/app:v1",
                &format!("ghcr.io/acme/app:v1@{d}"),
                true,
            ),
            ("*", "nginx", true),
            ("*", "acme/app", false),
            ("*/*", "acme/app:v1", true),
            ("index.docker.io/library/*", "nginx:1.27", true),
            ("docker.io/library/*", "nginx:1.27", true),
            ("**", "anything.example/x/y:z", true),
            (
                "quay.io/jetstack/cert-manager-acmesolver:*",
                "quay.io/jetstack/cert-manager-acmesolver:v1.9.1",
                true,
            ),
            ("images.*", "images.example/app:v1", false),
            ("image*", "imagex/app:v1", false),
            (
                "ghcr.io/sigstore/timestamp-server**",
                "ghcr.io/sigstore/timestamp-server:v1",
                true,
            ),
        ];
        for (glob, image, want) in cases {
            let g = Glob::policy_controller(glob).unwrap();
            assert_eq!(g.matches(&r(image)), *want, "{glob} vs {image}");
        }
        for bad in ["ghcr.io/{a,b}", "ghcr.io/a?", "", "a b"] {
            assert!(Glob::policy_controller(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn builtin_applies_only_when_nothing_else_does() {
        let set = PolicySet {
            flags: None,
            policies: Vec::new(),
            builtin: builtin(),
            profiles: Vec::new(),
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

    /// `--profile kubernetes-vsa` adds the VSA requirement to registry.k8s.io images, beside
    /// whatever says who signed them (built-in, flags), and covers nothing alone.
    #[test]
    fn the_vsa_profile_adds_to_what_applies() {
        let k8s = r("registry.k8s.io/pause:3.10");
        let mut set = PolicySet {
            builtin: builtin(),
            profiles: vec![kubernetes_vsa()],
            ..PolicySet::default()
        };
        let names = |set: &PolicySet, image: &ImageRef| -> Vec<String> {
            set.requirements_for(image)
                .iter()
                .map(|r| r.name.clone())
                .collect()
        };
        assert_eq!(
            names(&set, &k8s),
            ["builtin:kubernetes", "profile:kubernetes-vsa"]
        );
        assert!(names(&set, &r("ghcr.io/a/b")).is_empty());
        let vsa = &set.profiles[0].requirement.authorities[0];
        assert_eq!(vsa.attestations[0].predicate_type, VSA_PREDICATE);
        assert_eq!(vsa.attestations[0].conditions[0].as_str(), VSA_CONDITION);
        set.flags = Some(Requirement::from_flags(Authority::Keyless(vec![
            KeylessIdentity::exact("a@b.c", "https://x"),
        ])));
        assert_eq!(names(&set, &k8s), ["flags", "profile:kubernetes-vsa"]);
        assert_eq!(names(&set, &r("ghcr.io/a/b")), ["flags"]);
        set.flags = None;
        set.builtin.clear();
        assert!(
            names(&set, &k8s).is_empty(),
            "a profile alone covers nothing"
        );
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
