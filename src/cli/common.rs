//! Flags shared by several subcommands, spelled and defaulted as kubectl and cosign do.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, bail};
use clap::{Args, ValueEnum};

use super::Outcome;
use crate::cache::Cache;
use crate::check::{self, ImageUse, Settings};
use crate::cluster::policies::PolicyDocument;
use crate::cluster::{Connection, KubeOptions};
use crate::evidence::VerifyPlan;
use crate::reference::ImageRef;
use crate::registry::{Mirror, Registry, RegistryOptions};
use crate::report::images::{self as report, ImagesReport, TableStyle};
use crate::report::policyreport;
use crate::report::verdict::StructuredFormat;
use crate::verify::attest::{self, AttestationRequirement, Condition};
use crate::verify::policy::{self, NamedAuthority, PolicySet, Requirement};
use crate::verify::sigstore::Authority;
use crate::verify::sigstore::Options;
use crate::verify::trust::{PublicKey, Trust};
use crate::verify::{KeylessIdentity, Matcher};

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ColorChoice {
    /// Colour when stdout is a terminal and `NO_COLOR` is unset.
    #[default]
    Auto,
    Always,
    Never,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// When to colour the output (NO_COLOR is honoured with `auto`).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true, help_heading = "Global options")]
    pub color: ColorChoice,
    /// Log to stderr, as kubectl's -v: 1 a line per reference, 2 each image's steps (resolve,
    /// where signatures were looked for and what was found), 6 every HTTP request (method, URL,
    /// status, time), 8 with headers. Credentials are never printed. `-v` alone is 1; `-v=6`,
    /// `-v 6`, `--v=6` and `--v 6` are level 6.
    #[arg(short = 'v', long = "v", alias = "verbose", value_name = "LEVEL", num_args = 0..=1,
          require_equals = true, default_missing_value = "1", default_value_t = 0,
          value_parser = clap::value_parser!(u8).range(0..=10),
          global = true, help_heading = "Global options")]
    pub verbose: u8,
}

/// How to reach registries: mirrors, insecure hosts, extra CAs, timeouts. Under their own
/// heading in every command's help (in `pin --help` they were listed under "Verification").
#[derive(Debug, Args, Clone, Default)]
#[command(next_help_heading = "Registry")]
pub struct RegistryArgs {
    /// Look up SRC's images at DST instead, keeping their spelling (repeatable), e.g.
    /// `docker.io=mirror.local:5000` or `registry.k8s.io=127.0.0.1:5000/k8s`.
    #[arg(long = "registry-mirror", value_name = "SRC=DST")]
    pub registry_mirror: Vec<String>,
    /// Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable).
    #[arg(long = "insecure-registry", value_name = "HOST[:PORT]")]
    pub insecure_registry: Vec<String>,
    /// Trust this extra CA certificate (PEM) for registry TLS (repeatable).
    #[arg(long = "registry-ca", value_name = "FILE")]
    pub registry_ca: Vec<PathBuf>,
    /// Give up on a registry request after this long (e.g. 30s, 2m, 500ms).
    #[arg(long, value_name = "DURATION", default_value = "30s", value_parser = parse_duration)]
    pub timeout: Duration,
}

impl RegistryArgs {
    /// Validates the flags into options for the registry client.
    pub fn resolve(&self) -> anyhow::Result<RegistryOptions> {
        let mut mirrors = Vec::new();
        for m in &self.registry_mirror {
            let (src, dst) = m
                .split_once('=')
                .with_context(|| format!("--registry-mirror {m:?}: expected SRC=DST"))?;
            if src.is_empty() || dst.is_empty() {
                bail!("--registry-mirror {m:?}: expected SRC=DST with both sides non-empty");
            }
            let (host, prefix) = dst.split_once('/').unwrap_or((dst, ""));
            let src = if src == "index.docker.io" {
                crate::reference::DOCKER_HUB
            } else {
                src
            };
            mirrors.push(Mirror {
                source: src.to_owned(),
                host: host.to_owned(),
                prefix: prefix.trim_end_matches('/').to_owned(),
            });
        }
        let mut extra_ca_pem = Vec::new();
        for path in &self.registry_ca {
            let pem = fs_err::read(path).context("reading --registry-ca")?;
            extra_ca_pem.push(pem);
        }
        Ok(RegistryOptions {
            mirrors,
            insecure: self.insecure_registry.clone(),
            extra_ca_pem,
            timeout: self.timeout,
            docker_config_dir: None,
            requests_per_registry: 0,
        })
    }
}

/// `--rekor-url URL`: an http(s) URL. Anything else is refused rather than taken, so a
/// command line like `--rekor-url kubectl` (the artifact after a bare flag) is an error that
/// says what to write, not an artifact silently read as a Rekor address.
pub fn parse_rekor_url(s: &str) -> Result<String, String> {
    let lower = s.to_ascii_lowercase();
    if (lower.starts_with("https://") || lower.starts_with("http://"))
        && reqwest::Url::parse(s).is_ok()
    {
        Ok(s.to_owned())
    } else {
        Err(format!(
            "{s:?} is not an http(s) URL; give the Rekor URL (--rekor-url https://rekor.example) \
             or use --tlog-lookup for https://rekor.sigstore.dev"
        ))
    }
}

/// The longest duration a flag takes: any deadline computed from it stays representable,
/// and no registry or download is worth waiting longer for.
pub const MAX_DURATION: Duration = Duration::from_secs(24 * 3600);

/// Parses a duration as humantime spells it (`30s`, `1m30s`, `500ms`, `2h`), or a bare number
/// of seconds (`30`, `1.5`, as kubectl's `--request-timeout` takes); positive and at most
/// [`MAX_DURATION`].
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let s = s.trim();
    let too_long = || format!("duration {s:?} is too long (at most 24h)");
    let d = if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        let secs: f64 = s
            .parse()
            .map_err(|_| format!("invalid duration {s:?} (try 30s, 1m30s, 500ms)"))?;
        // Compared as f64 before converting: `Duration::from_secs_f64` panics on overflow.
        if secs > MAX_DURATION.as_secs_f64() {
            return Err(too_long());
        }
        Duration::from_secs_f64(secs)
    } else {
        humantime::parse_duration(s).map_err(|e| match e {
            humantime::DurationError::NumberOverflow => too_long(),
            e => format!("invalid duration {s:?}: {e} (try 30s, 1m30s, 500ms)"),
        })?
    };
    if d > MAX_DURATION {
        return Err(too_long());
    }
    if d.is_zero() {
        return Err(format!("duration {s:?} must be positive"));
    }
    Ok(d)
}

/// Who must have signed and which Sigstore root to trust: the cosign-compatible flags that
/// `image`, `manifests`, `pin --verify` and `blob` share. Each command adds its own ways of
/// naming a signer (policy files, `blob --profile`) on top.
#[derive(Debug, Args, Clone, Default)]
pub struct SignerArgs {
    /// Require a signature by this public key (PEM: ECDSA P-256/P-384, RSA or Ed25519).
    #[arg(long, value_name = "FILE")]
    pub key: Option<PathBuf>,
    /// Require a keyless signature whose certificate names exactly this identity (SAN email or
    /// URI). Needs --certificate-oidc-issuer[-regexp].
    #[arg(long, value_name = "IDENTITY", conflicts_with = "key")]
    pub certificate_identity: Option<String>,
    /// Like --certificate-identity, with a regular expression that must match the WHOLE
    /// identity (anchored, unlike cosign's).
    #[arg(
        long,
        value_name = "REGEX",
        conflicts_with_all = ["key", "certificate_identity"]
    )]
    pub certificate_identity_regexp: Option<String>,
    /// The OIDC issuer the certificate must name exactly, e.g. https://accounts.google.com.
    #[arg(long, value_name = "URL", conflicts_with = "key")]
    pub certificate_oidc_issuer: Option<String>,
    /// Like --certificate-oidc-issuer, with an anchored regular expression.
    #[arg(
        long,
        value_name = "REGEX",
        conflicts_with_all = ["key", "certificate_oidc_issuer"]
    )]
    pub certificate_oidc_issuer_regexp: Option<String>,
    /// Use this Sigstore trusted_root.json instead of the one `kubectl verify trust update`
    /// cached, or the embedded public-good root.
    #[arg(long, value_name = "FILE")]
    pub trusted_root: Option<PathBuf>,
    /// INSECURE: accept signatures without a verified transparency log entry.
    #[arg(long)]
    pub insecure_ignore_tlog: bool,
    /// INSECURE: do not require the certificate's SCT to verify.
    #[arg(long)]
    pub insecure_ignore_sct: bool,
}

/// The signer the identity flags name, before a command adds its defaults.
#[derive(Debug)]
pub enum FlagSigner {
    /// `--key`.
    Key(PublicKey),
    /// `--certificate-identity[-regexp]` with `--certificate-oidc-issuer[-regexp]`.
    Keyless(KeylessIdentity),
    /// Only `--certificate-oidc-issuer[-regexp]`: `blob --profile` may supply the identity,
    /// elsewhere it is a usage error.
    IssuerOnly(Matcher),
    /// No identity flag.
    None,
}

/// [`SignerArgs`], validated.
#[derive(Debug)]
pub struct Signer {
    pub named: FlagSigner,
    pub trust: Trust,
    pub options: Options,
}

impl SignerArgs {
    /// Validates the flags: reads the key and the trusted root, compiles the regular
    /// expressions, and prints the `--insecure-*` warnings. An identity without an issuer,
    /// a bad regex and unreadable material are errors (exit 2).
    pub fn resolve(&self) -> anyhow::Result<Signer> {
        self.resolve_with(&K8sKeys::new())
    }

    /// [`Self::resolve`], with the `k8s://` keys already read from the cluster.
    pub fn resolve_with(&self, keys: &K8sKeys) -> anyhow::Result<Signer> {
        let named = self.named_with(keys)?;
        if self.insecure_ignore_tlog {
            crate::report::warn(
                "--insecure-ignore-tlog: signatures are accepted without a verified transparency \
                 log entry; their signing time is unproven",
            );
        }
        if self.insecure_ignore_sct {
            crate::report::warn(
                "--insecure-ignore-sct: certificates are accepted without a verified SCT",
            );
        }
        let trust = select_trust(self.trusted_root.as_deref())?;
        Ok(Signer {
            named,
            trust,
            options: Options {
                ignore_tlog: self.insecure_ignore_tlog,
                ignore_sct: self.insecure_ignore_sct,
            },
        })
    }

    /// The signer the identity flags name (clap has already rejected conflicting pairs).
    pub fn named(&self) -> anyhow::Result<FlagSigner> {
        self.named_with(&K8sKeys::new())
    }

    fn named_with(&self, keys: &K8sKeys) -> anyhow::Result<FlagSigner> {
        if let Some(path) = &self.key {
            let text = path.to_string_lossy();
            if text.starts_with("k8s://") {
                let pem = keys
                    .get(text.as_ref())
                    .with_context(|| format!("--key {text}: not read from the cluster"))?;
                return Ok(FlagSigner::Key(
                    PublicKey::from_pem(pem, &text).with_context(|| format!("--key {text}"))?,
                ));
            }
            return Ok(FlagSigner::Key(PublicKey::from_file(path)?));
        }
        let subject = matcher(
            self.certificate_identity.as_deref(),
            self.certificate_identity_regexp.as_deref(),
            "--certificate-identity-regexp",
        )?;
        let issuer = matcher(
            self.certificate_oidc_issuer.as_deref(),
            self.certificate_oidc_issuer_regexp.as_deref(),
            "--certificate-oidc-issuer-regexp",
        )?;
        Ok(match (subject, issuer) {
            (Some(subject), Some(issuer)) => {
                FlagSigner::Keyless(KeylessIdentity { subject, issuer })
            }
            (Some(_), None) => bail!(
                "--certificate-identity[-regexp] needs --certificate-oidc-issuer[-regexp]: an \
                 identity means nothing without the issuer that vouched for it"
            ),
            (None, Some(issuer)) => FlagSigner::IssuerOnly(issuer),
            (None, None) => FlagSigner::None,
        })
    }
}

/// The trusted root a run uses (`--trusted-root`, else the root `trust update` cached, else
/// the embedded one). A cached root that cannot be used is skipped with a warning. Which one
/// was chosen is in [`Trust::origin`], which reports print as their trust root.
pub fn select_trust(explicit: Option<&std::path::Path>) -> anyhow::Result<Trust> {
    let dir = crate::tuf::trust_dir();
    let selected = crate::tuf::select(explicit, dir.as_deref());
    // A --trusted-root error names its file already; otherwise only the embedded root can fail.
    let selected = if explicit.is_some() {
        selected?
    } else {
        selected.context("loading the embedded trusted root")?
    };
    if let Some(why) = selected.ignored {
        crate::report::warn(&format!(
            "ignoring the trusted root in the cache ({:#}); using the embedded one \
             (`kubectl verify trust update` replaces the cached root)",
            anyhow::Error::from(why)
        ));
    }
    crate::report::log(1, || format!("using the {}", selected.trust.origin()));
    Ok(selected.trust)
}

/// An exact value or an anchored regex (the flags conflict, so at most one is given).
fn matcher(
    exact: Option<&str>,
    regex: Option<&str>,
    regex_flag: &str,
) -> anyhow::Result<Option<Matcher>> {
    Ok(match (exact, regex) {
        (Some(s), _) => Some(Matcher::exact(s)),
        (None, Some(re)) => {
            Some(Matcher::regex(re).with_context(|| format!("{regex_flag} {re:?}"))?)
        }
        (None, None) => None,
    })
}

/// Report format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ImageOutput {
    /// A table for people.
    #[default]
    Table,
    /// JSON, schema `ImageVerificationReport` v1 (see README).
    Json,
    /// The same document as YAML.
    Yaml,
    /// The table, with every use of each image (`ns/kind/name[container]`, `file:line`).
    Wide,
    /// One line per image: the reference pinned to the digest it resolved to.
    Name,
    /// `wgpolicyk8s.io/v1alpha2` PolicyReports (one per namespace) and a ClusterPolicyReport
    /// (cluster-scoped objects, files, arguments), for `kubectl apply -f -`.
    Policyreport,
    /// The same as `openreports.io/v1alpha1` Reports and a ClusterReport.
    Openreports,
}

impl ImageOutput {
    /// A format that is a document whatever happened (so a script reading stdout never gets
    /// zero bytes): JSON, YAML, and the policy reports.
    pub fn is_document(self) -> bool {
        matches!(
            self,
            Self::Json | Self::Yaml | Self::Policyreport | Self::Openreports
        )
    }
}

/// `--profile` of the verifying commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImageProfile {
    /// registry.k8s.io images must also carry the image promoter's SLSA verification summary
    /// (https://slsa.dev/verification_summary/v1), signed by
    /// promoter-summaries@k8s-releng-prod.iam.gserviceaccount.com, with verificationResult
    /// PASSED, on the digest verified or the index that lists it.
    KubernetesVsa,
}

/// Who must have signed ([`SignerArgs`], policies) and where signatures live: shared by
/// `image`, `manifests` and `pin --verify`. Independent switches, as clap flags are.
#[derive(Debug, Args, Clone)]
#[allow(clippy::struct_excessive_bools)]
pub struct TrustArgs {
    #[command(flatten)]
    pub signer: SignerArgs,
    /// Verify an attestation of this type instead of the image signature (repeatable): one of
    /// cosign's names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson,
    /// cyclonedx, vuln, openvex, custom, or a predicate-type URI. Signed by the --key or
    /// --certificate-identity signer, and naming the image digest.
    #[arg(long, value_name = "TYPE")]
    pub attestation_type: Vec<String>,
    /// A CEL expression that must be true of each --attestation-type attestation (repeatable),
    /// over `predicateType`, `predicate`, `subject` and `statement`, e.g.
    /// 'predicate.buildDefinition.externalParameters.workflow.repository == "https://github.com/acme/app"'.
    #[arg(long, value_name = "CEL", requires = "attestation_type")]
    pub attestation_condition: Vec<String>,
    /// With --attestation-type: require the image signature by the same signer as well.
    #[arg(long, requires = "attestation_type")]
    pub require_signature: bool,
    /// A policy file: image globs → authorities, count (M-of-N), mode enforce|warn; or
    /// admission policies (policy-controller ClusterImagePolicy, Kyverno ClusterPolicy …).
    #[arg(long, value_name = "FILE")]
    pub policy: Option<PathBuf>,
    /// Turn what a --policy file uses that kubectl-verify does not evaluate (a KMS key, a CUE
    /// or Rego policy, …) into the failing verdict `unsupported` for the images it applies
    /// to, instead of an error.
    #[arg(long)]
    pub skip_unsupported: bool,
    /// Do not hold registry.k8s.io images to the Kubernetes release identity by default.
    #[arg(long)]
    pub no_builtin_policy: bool,
    /// Require more of some images, beside who signed them (opt-in; repeatable).
    #[arg(long, value_enum, value_name = "PROFILE")]
    pub profile: Vec<ImageProfile>,
    /// Report images no policy or flag covers as `no-policy` without failing the run.
    #[arg(long)]
    pub allow_unmatched: bool,
    /// Look for signatures in this repository instead of the image's (as cosign's
    /// COSIGN_REPOSITORY).
    #[arg(long, value_name = "REPO", env = "COSIGN_REPOSITORY")]
    pub signature_repository: Option<String>,
    /// Registry requests in flight at once, per registry (as curl's --parallel-max); 4 × N
    /// images are verified at once to keep them busy.
    #[arg(long, value_name = "N", default_value_t = 16, value_parser = clap::value_parser!(u16).range(1..=256))]
    pub concurrency: u16,
    /// Reuse a `verified` result from the verification cache for this long (e.g. 24h, 30m; at
    /// most 24h); 0 turns the cache off. Entries are keyed by the digest, the policy and
    /// flags that applied, the trusted root and this version.
    #[arg(long, value_name = "DURATION", default_value = "24h", value_parser = parse_cache_ttl)]
    pub cache_ttl: Duration,
    /// Neither read nor write the verification cache (as --cache-ttl 0).
    #[arg(long)]
    pub no_cache: bool,
}

/// `--cache-ttl`: `0` (in any unit) turns the cache off, else a [`parse_duration`].
pub fn parse_cache_ttl(s: &str) -> Result<Duration, String> {
    let t = s.trim();
    let zero = t.parse::<f64>().is_ok_and(|n| n == 0.0)
        || humantime::parse_duration(t).is_ok_and(|d| d.is_zero());
    if zero {
        return Ok(Duration::ZERO);
    }
    parse_duration(s)
}

/// A duration as flags spell it: `24h`, `90m`, else humantime's form.
pub fn short_duration(d: Duration) -> String {
    let s = d.as_secs();
    if d.subsec_nanos() == 0 && s > 0 && s.is_multiple_of(3600) {
        format!("{}h", s / 3600)
    } else if d.subsec_nanos() == 0 && s > 0 && s.is_multiple_of(60) {
        format!("{}m", s / 60)
    } else {
        humantime::format_duration(d).to_string()
    }
}

/// The verification cache a run uses: `None` with `--no-cache`, `--cache-ttl 0`, or when there
/// is no cache directory (no `KUBECTL_VERIFY_CACHE_DIR` and no platform cache directory).
pub fn verification_cache(args: &TrustArgs) -> Option<Cache> {
    if args.no_cache || args.cache_ttl.is_zero() {
        crate::report::log(1, || "the verification cache is off".to_owned());
        return None;
    }
    let Some(dir) = crate::tuf::cache_dir() else {
        crate::report::log(1, || {
            format!(
                "no verification cache: no cache directory (set {})",
                crate::tuf::CACHE_DIR_ENV
            )
        });
        return None;
    };
    let cache = Cache::new(&dir, args.cache_ttl);
    crate::report::log(1, || {
        format!(
            "verification cache {} (entries used for {})",
            cache.dir().display(),
            short_duration(args.cache_ttl)
        )
    });
    Some(cache)
}

impl TrustArgs {
    /// The registry client for a verifying command: `registry`'s flags, and `--concurrency`
    /// requests in flight per registry.
    pub fn registry(&self, registry: RegistryOptions) -> anyhow::Result<Registry> {
        Registry::new(RegistryOptions {
            requests_per_registry: usize::from(self.concurrency),
            ..registry
        })
        .context("setting up the registry client")
    }
}

/// [`TrustArgs`], how to report, and how to reach registries: `image` and `manifests`.
#[derive(Debug, Args, Clone)]
pub struct VerifyArgs {
    #[command(flatten, next_help_heading = "Verification")]
    pub trust: TrustArgs,
    /// Output format.
    #[arg(short = 'o', long, value_enum, default_value_t = ImageOutput::Table, help_heading = "Output")]
    pub output: ImageOutput,
    /// Do not print the table's header line (as kubectl's --no-headers).
    #[arg(long, help_heading = "Output")]
    pub no_headers: bool,
    /// Also evaluate the admission policies installed in the cluster (kubeconfig's current
    /// context): Kyverno ClusterPolicies, Policies and ImageValidatingPolicies, sigstore
    /// policy-controller ClusterImagePolicies and TrustRoots. A kind the cluster does not
    /// have, or that RBAC forbids listing, is one warning.
    #[arg(long, help_heading = "Verification")]
    pub policy_from_cluster: bool,
    #[command(flatten)]
    pub registry: RegistryArgs,
}

/// Images verified at once per `--concurrency` request slot: an image has one request in
/// flight at a time, and spends some of its time verifying, so a few images per slot keep the
/// slots busy (while the in-run merging keeps shared work single).
const IMAGES_PER_REQUEST_SLOT: usize = 4;

/// Turns the flags into a verification plan (printing the `--insecure-*` warnings). Usage
/// mistakes and unreadable trust material are errors (exit 2).
pub fn prepare(args: &TrustArgs, keys: &K8sKeys) -> anyhow::Result<VerifyPlan> {
    prepare_with(args, keys, &[])
}

/// [`prepare`], with the policy documents `--policy-from-cluster` read, through the same
/// reader as a `--policy` file. They are read as ONE file, as the cluster holds them together
/// (a ClusterImagePolicy's `trustRootRef` names a TrustRoot of the cluster); an error's
/// position is given back in the document's own terms (`cluster:KIND/NAME:LINE:COL`).
pub fn prepare_with(
    args: &TrustArgs,
    keys: &K8sKeys,
    cluster_policies: &[PolicyDocument],
) -> anyhow::Result<VerifyPlan> {
    let mut plan = prepare_own(args, keys)?;
    if cluster_policies.is_empty() {
        return Ok(plan);
    }
    let (text, starts) = one_file(cluster_policies);
    let options = policy::ReadOptions {
        k8s_keys: keys.clone(),
        skip_unsupported: args.skip_unsupported,
    };
    let read = policy::parse_with(&text, "cluster", Path::new("."), &options)
        .map_err(|e| in_document(e, &starts))
        .context("--policy-from-cluster")?;
    plan.policies.policies.extend(read);
    Ok(plan)
}

/// The documents as one multi-document text, and the line each starts on in it.
fn one_file(docs: &[PolicyDocument]) -> (String, Vec<(usize, &PolicyDocument)>) {
    let mut text = String::new();
    let mut starts = Vec::with_capacity(docs.len());
    let mut line = 1;
    for doc in docs {
        text.push_str("---\n");
        line += 1;
        starts.push((line, doc));
        text.push_str(&doc.text);
        if !doc.text.ends_with('\n') {
            text.push('\n');
        }
        line += doc.text.lines().count();
    }
    (text, starts)
}

/// A reader error at a line of [`one_file`]'s text, named by the document holding the line.
fn in_document(e: policy::PolicyError, starts: &[(usize, &PolicyDocument)]) -> policy::PolicyError {
    use policy::PolicyError as E;
    let place = |path: &mut String, at: &mut crate::manifest::Position| {
        if let Some((start, doc)) = starts.iter().rev().find(|(s, _)| *s <= at.line) {
            path.clone_from(&doc.origin);
            at.line = at.line - start + 1;
        }
    };
    match e {
        E::Invalid {
            mut path,
            mut at,
            reason,
        } => {
            place(&mut path, &mut at);
            E::Invalid { path, at, reason }
        }
        E::Field {
            mut path,
            mut at,
            document,
            field,
            reason,
            unsupported,
        } => {
            place(&mut path, &mut at);
            E::Field {
                path,
                at,
                document,
                field,
                reason,
                unsupported,
            }
        }
        other @ E::Read { .. } => other,
    }
}

/// Reads the admission policies of the cluster `conn` reaches (else the kubeconfig's current
/// context): namespaced kinds in `namespace` (None: all). What was not read is one warning
/// each; a cluster that cannot be read is an error.
pub async fn cluster_policies(
    conn: Option<&Connection>,
    options: &KubeOptions,
    namespace: Option<&str>,
) -> anyhow::Result<Vec<PolicyDocument>> {
    let own;
    let conn = if let Some(c) = conn {
        c
    } else {
        let kubeconfig = crate::cluster::load_kubeconfig(options)
            .context("--policy-from-cluster needs a cluster")?;
        own = crate::cluster::connect(options, kubeconfig.as_ref(), None).await?;
        &own
    };
    let reading = crate::cluster::policies::read(conn, namespace).await?;
    for note in &reading.notes {
        crate::report::warn(note);
    }
    crate::report::log(1, || {
        let names: Vec<&str> = reading
            .documents
            .iter()
            .map(|d| d.origin.as_str())
            .collect();
        format!(
            "--policy-from-cluster: {} policy objects read from context {}: {}",
            names.len(),
            conn.context,
            names.join(", ")
        )
    });
    if reading.documents.is_empty() {
        crate::report::warn(&format!(
            "--policy-from-cluster: context {} has no policy objects",
            conn.context
        ));
    }
    Ok(reading.documents)
}

fn prepare_own(args: &TrustArgs, keys: &K8sKeys) -> anyhow::Result<VerifyPlan> {
    let signer = args.signer.resolve_with(keys)?;
    let flags = match signer.named {
        FlagSigner::Key(key) => Some(Authority::Key(key)),
        FlagSigner::Keyless(identity) => Some(Authority::Keyless(vec![identity])),
        FlagSigner::IssuerOnly(_) => bail!(
            "--certificate-oidc-issuer[-regexp] needs --certificate-identity[-regexp] (use \
             --certificate-identity-regexp '.*' to accept any identity from that issuer)"
        ),
        FlagSigner::None => None,
    };
    let flags = flag_requirement(args, flags)?;
    let policies = match &args.policy {
        Some(path) => policy::load_with(
            path,
            &policy::ReadOptions {
                k8s_keys: keys.clone(),
                skip_unsupported: args.skip_unsupported,
            },
        )?,
        None => Vec::new(),
    };
    let set = PolicySet {
        flags,
        policies,
        builtin: if args.no_builtin_policy {
            Vec::new()
        } else {
            policy::builtin()
        },
        profiles: args
            .profile
            .iter()
            .map(|p| match p {
                ImageProfile::KubernetesVsa => policy::kubernetes_vsa(),
            })
            .collect(),
    };
    let signature_repository = match &args.signature_repository {
        Some(s) if !s.trim().is_empty() => Some(
            ImageRef::parse(s.trim()).with_context(|| format!("--signature-repository {s:?}"))?,
        ),
        _ => None,
    };
    let plan = VerifyPlan {
        policies: set,
        options: signer.options,
        trust: Arc::new(signer.trust),
        signature_repository,
        concurrency: IMAGES_PER_REQUEST_SLOT * usize::from(args.concurrency),
    };
    Ok(plan)
}

/// The requirement the identity and attestation flags make: the image signature by the flag
/// signer; with `--attestation-type`, its attestations instead (and with
/// `--require-signature`, both, each by a different signature).
fn flag_requirement(
    args: &TrustArgs,
    signer: Option<Authority>,
) -> anyhow::Result<Option<Requirement>> {
    if args.attestation_type.is_empty() {
        return Ok(signer.map(Requirement::from_flags));
    }
    let Some(authority) = signer else {
        bail!(
            "--attestation-type needs the signer of the attestations: --key, or \
             --certificate-identity[-regexp] with --certificate-oidc-issuer[-regexp] (a policy \
             file's authorities take `attestations:` of their own)"
        );
    };
    let mut conditions = Vec::new();
    for c in &args.attestation_condition {
        conditions.push(
            Condition::new(c).map_err(|e| anyhow::anyhow!("--attestation-condition {c:?}: {e}"))?,
        );
    }
    let mut attestations = Vec::new();
    for t in &args.attestation_type {
        let predicate_type =
            attest::predicate_type(t).map_err(|e| anyhow::anyhow!("--attestation-type: {e}"))?;
        if attestations
            .iter()
            .any(|a: &AttestationRequirement| a.predicate_type == predicate_type)
        {
            continue;
        }
        attestations.push(AttestationRequirement {
            name: attest::short_name(&predicate_type).to_owned(),
            predicate_type,
            conditions: conditions.clone(),
        });
    }
    let mut authorities = Vec::new();
    if args.require_signature {
        authorities.push(NamedAuthority::signature("flags", authority.clone()));
    }
    authorities.push(NamedAuthority {
        attestations,
        ..NamedAuthority::signature("flags:attestations", authority)
    });
    Ok(Some(Requirement {
        count: authorities.len(),
        ..Requirement::new("flags", authorities)
    }))
}

/// Verifies the uses (one path for every verifying command: [`check::check`]) and writes the
/// report. `drift`: also report running digests their tag no longer resolves to.
pub async fn verify_and_report(
    args: &VerifyArgs,
    uses: Vec<ImageUse>,
    drift: bool,
) -> anyhow::Result<Outcome> {
    let report = match verify_uses(args, uses, drift).await {
        Ok(report) => report,
        Err(e) => return Err(error_report(ImagesReport::new(Vec::new()), e, args.output)),
    };
    write_report(&report, args.output, args.no_headers)?;
    Ok(outcome(&report))
}

/// Verifies the uses into a report, writing nothing. Errors are runtime errors (exit 2): an
/// unreadable key or policy, a `k8s://` key that cannot be read, bad registry flags.
pub async fn verify_uses(
    args: &VerifyArgs,
    uses: Vec<ImageUse>,
    drift: bool,
) -> anyhow::Result<ImagesReport> {
    let options = KubeOptions::default();
    let from_cluster = if args.policy_from_cluster {
        cluster_policies(None, &options, None).await?
    } else {
        Vec::new()
    };
    let keys = k8s_keys_with(&args.trust, None, &options, &from_cluster).await?;
    let settings = Settings {
        plan: prepare_with(&args.trust, &keys, &from_cluster)?,
        allow_unmatched: args.trust.allow_unmatched,
        drift,
        cache: verification_cache(&args.trust),
    };
    let registry = args.trust.registry(args.registry.resolve()?)?;
    let report = check_uses(&registry, &settings, uses, args.output).await;
    fail_on_setup_error(&registry)?;
    Ok(report)
}

/// Exit 1 when the report holds a failure or something not verified.
pub fn outcome(report: &ImagesReport) -> Outcome {
    if report.has_failures() {
        Outcome::Findings
    } else {
        Outcome::Clean
    }
}

/// A run that stopped with `e`: with `-o json|yaml` the document is still written, `e` in its
/// `errors[]` (a script reading stdout gets a document, never zero bytes); a table prints
/// nothing, the error goes to stderr once. Returns `e` for `main` (exit 2).
pub fn error_report(report: ImagesReport, e: anyhow::Error, output: ImageOutput) -> anyhow::Error {
    if matches!(output, ImageOutput::Json | ImageOutput::Yaml)
        && let Err(w) = write_report(&report.with_error(&e), output, false)
    {
        // Stdout is gone (a closed pipe): say so with the error, which is still the cause.
        return e.context(format!("the report could not be written: {w:#}"));
    }
    e
}

/// [`check::check`] with a progress bar on stderr when it is a terminal, the output is a
/// table, and there is enough work to watch.
pub async fn check_uses(
    registry: &Registry,
    settings: &Settings,
    uses: Vec<ImageUse>,
    output: ImageOutput,
) -> ImagesReport {
    let table = matches!(output, ImageOutput::Table | ImageOutput::Wide);
    let bar = crate::report::progress::Bar::new(table);
    let entries = check::check(registry, settings, uses, Some(&bar)).await;
    bar.finish();
    ImagesReport::new(entries)
}

/// Writes an image report in the format `-o` asked for (`no_headers`: the table's header
/// line left out).
pub fn write_report(
    report: &ImagesReport,
    output: ImageOutput,
    no_headers: bool,
) -> anyhow::Result<()> {
    let written = match output {
        ImageOutput::Table => report::write_table(report, TableStyle::Normal, !no_headers),
        ImageOutput::Wide => report::write_table(report, TableStyle::Wide, !no_headers),
        ImageOutput::Name => crate::report::out(&report::render_names(report)),
        ImageOutput::Json => {
            report::write(report, Some(StructuredFormat::Json), TableStyle::Normal)
        }
        ImageOutput::Yaml => {
            report::write(report, Some(StructuredFormat::Yaml), TableStyle::Normal)
        }
        ImageOutput::Policyreport => policyreport::write(report, policyreport::Flavour::WgPolicy),
        ImageOutput::Openreports => policyreport::write(report, policyreport::Flavour::OpenReports),
    };
    written?;
    Ok(())
}

/// The registry client and settings for `pin --verify`: each reference verified once, the
/// digest that verified kept.
pub async fn verified_digests(
    args: &TrustArgs,
    options: RegistryOptions,
    refs: &[ImageRef],
) -> anyhow::Result<check::PinDigests> {
    let keys = k8s_keys(args, None, &KubeOptions::default()).await?;
    let settings = Settings {
        plan: prepare(args, &keys)?,
        allow_unmatched: args.allow_unmatched,
        drift: false,
        cache: verification_cache(args),
    };
    let registry = args.registry(options)?;
    let digests = check::verified_digests(&registry, &settings, refs).await;
    fail_on_setup_error(&registry)?;
    Ok(digests)
}

/// Ends the run (exit 2) when a registry request met an error of our own setup, such as a
/// credential helper that cannot run: that is not a finding about an image, and the images
/// it touched would otherwise only show it as `unreachable`.
pub fn fail_on_setup_error(registry: &Registry) -> anyhow::Result<()> {
    match registry.setup_error() {
        Some(e) => Err(anyhow::Error::new(e).context("looking up registry credentials")),
        None => Ok(()),
    }
}

pub use crate::verify::policy::K8sKeys;

/// Reads every `k8s://NAMESPACE/SECRET` key that `--key` or the policy file names (cosign's
/// convention: the secret's `cosign.pub`), through `conn` or else the kubeconfig's current
/// context. No cluster is contacted when none is named.
pub async fn k8s_keys(
    trust: &TrustArgs,
    conn: Option<&Connection>,
    options: &KubeOptions,
) -> anyhow::Result<K8sKeys> {
    k8s_keys_with(trust, conn, options, &[]).await
}

/// [`k8s_keys`], with those the cluster's policy documents name as well.
pub async fn k8s_keys_with(
    trust: &TrustArgs,
    conn: Option<&Connection>,
    options: &KubeOptions,
    cluster_policies: &[PolicyDocument],
) -> anyhow::Result<K8sKeys> {
    let mut uris: Vec<String> = Vec::new();
    for doc in cluster_policies {
        uris.extend(policy::k8s_key_uris(&doc.text));
    }
    if let Some(k) = &trust.signer.key {
        let k = k.to_string_lossy();
        if k.starts_with("k8s://") {
            uris.push(k.into_owned());
        }
    }
    if let Some(p) = &trust.policy
        && let Ok(text) = std::fs::read_to_string(p)
    {
        uris.extend(policy::k8s_key_uris(&text));
    }
    uris.sort();
    uris.dedup();
    let mut keys = K8sKeys::new();
    if uris.is_empty() {
        return Ok(keys);
    }
    let own;
    let conn = if let Some(c) = conn {
        c
    } else {
        let kubeconfig = crate::cluster::load_kubeconfig(options)
            .context("reading a k8s:// key needs a cluster")?;
        own = crate::cluster::connect(options, kubeconfig.as_ref(), None).await?;
        &own
    };
    for uri in uris {
        let pem = crate::cluster::cosign_public_key(conn, &uri).await?;
        keys.insert(uri, pem);
    }
    Ok(keys)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cluster's policy objects are one text, and a reader error at a line of it is
    /// given back as the object's own `origin:line:col`.
    #[test]
    fn cluster_documents_are_one_file_and_errors_name_their_object() {
        let doc = |origin: &str, text: &str| PolicyDocument {
            origin: origin.to_owned(),
            text: text.to_owned(),
        };
        let docs = [
            doc(
                "cluster:TrustRoot/a",
                "kind: TrustRoot\nmetadata:\n  name: a\n",
            ),
            doc(
                "cluster:ClusterImagePolicy/b",
                "kind: ClusterImagePolicy\nspec: {}",
            ),
        ];
        let (text, starts) = one_file(&docs);
        assert_eq!(
            text,
            "---\nkind: TrustRoot\nmetadata:\n  name: a\n---\nkind: ClusterImagePolicy\nspec: {}\n"
        );
        assert_eq!(starts.iter().map(|(l, _)| *l).collect::<Vec<_>>(), [2, 6]);
        let at = |line| crate::manifest::Position { line, col: 3 };
        for (line, want) in [
            (3, "cluster:TrustRoot/a:2:3: bad"),
            (7, "cluster:ClusterImagePolicy/b:2:3: bad"),
        ] {
            let e = in_document(
                policy::PolicyError::Invalid {
                    path: "cluster".to_owned(),
                    at: at(line),
                    reason: "bad".to_owned(),
                },
                &starts,
            );
            assert_eq!(e.to_string(), want);
        }
    }

    /// `--cache-ttl 0` (in any unit) turns the cache off, where every other duration flag
    /// refuses 0; anything else is a duration flag's duration.
    #[test]
    fn cache_ttl_zero_is_off() {
        for zero in ["0", "0s", "0m", "0.0", " 0 "] {
            assert_eq!(parse_cache_ttl(zero), Ok(Duration::ZERO), "{zero}");
        }
        assert_eq!(parse_cache_ttl("1h"), Ok(Duration::from_secs(3600)));
        assert_eq!(parse_cache_ttl("24h"), Ok(MAX_DURATION));
        assert!(parse_cache_ttl("25h").is_err());
        assert!(parse_cache_ttl("-1s").is_err());
        assert!(parse_cache_ttl("soon").is_err());
        assert_eq!(short_duration(Duration::from_secs(24 * 3600)), "24h");
        assert_eq!(short_duration(Duration::from_secs(90 * 60)), "90m");
    }

    /// Issue 8: `--timeout 18446744073709551615s` panicked in `Duration::from_secs_f64`
    /// (exit 101); durations are bounded by [`MAX_DURATION`] with a usage error.
    #[test]
    fn durations_are_positive_and_bounded() {
        let table: &[(&str, Result<Duration, &str>)] = &[
            ("30s", Ok(Duration::from_secs(30))),
            ("2m", Ok(Duration::from_secs(120))),
            ("1m30s", Ok(Duration::from_secs(90))),
            ("1m 30s", Ok(Duration::from_secs(90))),
            ("500ms", Ok(Duration::from_millis(500))),
            ("1.5", Ok(Duration::from_millis(1500))),
            ("30", Ok(Duration::from_secs(30))),
            ("24h", Ok(MAX_DURATION)),
            ("1d", Ok(MAX_DURATION)),
            ("1440m", Ok(MAX_DURATION)),
            ("86400000ms", Ok(MAX_DURATION)),
            ("86401s", Err("is too long (at most 24h)")),
            ("25h", Err("is too long")),
            ("10d", Err("is too long")),
            ("18446744073709551615s", Err("is too long")),
            ("18446744073709551616h", Err("is too long")),
            (&"9".repeat(400), Err("is too long")),
            ("0s", Err("must be positive")),
            ("0", Err("must be positive")),
            ("", Err("invalid duration")),
            ("s", Err("invalid duration")),
            ("1.2.3s", Err("invalid duration")),
            ("1.2.3", Err("invalid duration")),
            ("1e9s", Err("invalid duration")),
            ("-1s", Err("invalid duration")),
            ("30 parsecs", Err("invalid duration")),
        ];
        for (input, want) in table {
            match (parse_duration(input), want) {
                (Ok(got), Ok(want)) => assert_eq!(got, *want, "{input}"),
                (Err(e), Err(want)) => assert!(e.contains(want), "{input}: {e}"),
                (got, want) => panic!("{input}: got {got:?}, want {want:?}"),
            }
        }
    }
}
