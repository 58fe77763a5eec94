//! `kubectl verify blob ARTIFACT`: a release binary or any file against a Sigstore bundle, a
//! detached `.sig` + `.cert`, or a key.

use std::path::Path;
use std::time::Duration;

use anyhow::{Context, bail};
use clap::{Args, ValueEnum};

use crate::cli::Outcome;
use crate::cli::common::{FlagSigner, SignerArgs};
use crate::remote::{self as rekor, DEFAULT_REKOR_URL, Http};
use crate::report::verdict::{ArtifactInfo, BlobReport, SignatureInfo, StructuredFormat};
use crate::verify::attest::{self, AttestationRequirement, Condition};
use crate::verify::blob::{
    self as core, ArtifactArg, DETACHED_TLOG_HINT, DetachedSigner, kubernetes_release_identity,
};
use crate::verify::sigstore::{self, Authority, Options, Subject};
use crate::verify::trust::Trust;
use crate::verify::{KeylessIdentity, Verdict, VerdictCode};

/// Largest artifact downloaded from a URL (release binaries are ~100 MB).
const ARTIFACT_LIMIT: u64 = 2 * 1024 * 1024 * 1024;
/// Largest bundle, signature or certificate downloaded from a URL.
const MATERIAL_LIMIT: u64 = 16 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BlobOutput {
    /// A short report ending in `Verified OK` on success.
    Text,
    Json,
    Yaml,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Profile {
    /// Kubernetes release binaries: signed keylessly by
    /// krel-staging@k8s-releng-prod.iam.gserviceaccount.com (issuer https://accounts.google.com).
    KubernetesRelease,
}

/// Verify a file's Sigstore signature: a bundle, a detached .sig + .cert, or a key.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  # A Kubernetes release binary (the signer is implied by dl.k8s.io; the Rekor lookup is opt-in):
  kubectl verify blob kubectl \\
      --signature https://dl.k8s.io/release/v1.31.0/bin/linux/amd64/kubectl.sig \\
      --certificate https://dl.k8s.io/release/v1.31.0/bin/linux/amd64/kubectl.cert \\
      --tlog-lookup
  # A Sigstore bundle:
  kubectl verify blob a.txt --bundle a.txt.sigstore.json \\
      --certificate-identity you@example.com --certificate-oidc-issuer https://accounts.google.com
  # npm provenance (an attestation about the tarball), with a condition on it:
  kubectl verify blob pkg.tgz --bundle provenance.sigstore.json --attestation-type slsaprovenance1 \\
      --attestation-condition 'predicate.buildDefinition.externalParameters.workflow.repository == \"https://github.com/acme/pkg\"' \\
      --certificate-identity-regexp 'https://github.com/acme/pkg/.+' \\
      --certificate-oidc-issuer https://token.actions.githubusercontent.com

Exit status: 0 verified, 1 not verified (the verdict says why), 2 usage or runtime error.")]
pub struct BlobArgs {
    /// The artifact: a path, an https URL, or sha256:<64 hex> / sha512:<128 hex> (when no such
    /// file exists).
    #[arg(value_name = "ARTIFACT")]
    pub artifact: String,

    /// Sigstore bundle (v0.1, v0.2, v0.3; message signature or DSSE), file or https URL.
    #[arg(long, value_name = "FILE|URL", conflicts_with_all = ["signature", "certificate"])]
    pub bundle: Option<String>,
    /// Detached signature (base64 of DER, as cosign writes .sig files), file or https URL.
    #[arg(long, value_name = "FILE|URL")]
    pub signature: Option<String>,
    /// Signing certificate for --signature (PEM, or base64 of PEM), file or https URL.
    #[arg(
        long,
        value_name = "FILE|URL",
        requires = "signature",
        conflicts_with = "key"
    )]
    pub certificate: Option<String>,
    #[command(flatten)]
    pub signer: SignerArgs,
    /// Expect the signer of a known publisher instead of giving identity flags.
    #[arg(long, value_enum,
          conflicts_with_all = ["key", "certificate_identity", "certificate_identity_regexp"])]
    pub profile: Option<Profile>,
    /// Verify the --bundle as an attestation of this type about the file (npm, PyPI, GitHub
    /// release provenance): one of cosign's names slsaprovenance, slsaprovenance02,
    /// slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type
    /// URI. A statement subject must name the file's digest (sha256 or sha512).
    #[arg(long, value_name = "TYPE", requires = "bundle")]
    pub attestation_type: Option<String>,
    /// A CEL expression that must be true of the --attestation-type statement (repeatable),
    /// over `predicateType`, `predicate`, `subject` and `statement`.
    #[arg(long, value_name = "CEL", requires = "attestation_type")]
    pub attestation_condition: Vec<String>,

    /// Look up the Rekor entry of a .sig + .cert online, at this Rekor (`--rekor-url URL` or
    /// `--rekor-url=URL`, as cosign). Alone, it means --tlog-lookup.
    // A bare flag stays accepted (it was the documented spelling); a value must be an http(s)
    // URL, so `--rekor-url ARTIFACT` is an error, never the artifact swallowed.
    #[arg(long, value_name = "URL", num_args = 0..=1, default_missing_value = DEFAULT_REKOR_URL,
          value_parser = crate::cli::common::parse_rekor_url)]
    pub rekor_url: Option<String>,
    /// Look up the Rekor entry of a .sig + .cert online at https://rekor.sigstore.dev (opt-in).
    #[arg(long)]
    pub tlog_lookup: bool,
    /// Output format.
    #[arg(short = 'o', long, value_enum, default_value_t = BlobOutput::Text)]
    pub output: BlobOutput,
    /// Give up on a download after this long (e.g. 30s, 2m).
    #[arg(long, value_name = "DURATION", default_value = "60s",
          value_parser = crate::cli::common::parse_duration)]
    pub timeout: Duration,
}

/// Where a piece of material came from, and its bytes.
struct Fetched {
    source: String,
    bytes: Vec<u8>,
}

/// A download that failed on the network (connection, HTTP status, size limit): the verdict
/// `unreachable`, reported like any other verdict (exit 1, a full report), as for images.
/// Local files that cannot be read and bad URLs stay errors (exit 2).
fn unreachable(what: &str, e: &rekor::RekorError) -> Verdict {
    Verdict::new(VerdictCode::Unreachable, format!("{what}: {e}"))
}

async fn read_source(
    http: &Http,
    source: &str,
    limit: u64,
    what: &str,
) -> anyhow::Result<Result<Fetched, Verdict>> {
    let bytes = if core::is_url(source) {
        core::check_url(source)?;
        match http.get(source, limit).await {
            Ok(b) => b,
            Err(e) => return Ok(Err(unreachable(&format!("downloading the {what}"), &e))),
        }
    } else {
        fs_err::read(source).with_context(|| format!("reading the {what}"))?
    };
    Ok(Ok(Fetched {
        source: source.to_owned(),
        bytes,
    }))
}

/// What the report says about the signature material, before any of it is read.
fn signature_info(args: &BlobArgs) -> SignatureInfo {
    match &args.bundle {
        Some(b) => SignatureInfo {
            format: "bundle",
            source: b.clone(),
            certificate: None,
            tlog_source: "bundle".to_owned(),
            predicate_type: args
                .attestation_type
                .as_deref()
                .and_then(|t| attest::predicate_type(t).ok()),
        },
        None => SignatureInfo {
            format: "detached",
            source: args.signature.clone().unwrap_or_default(),
            certificate: args.certificate.clone(),
            tlog_source: match args.rekor() {
                Some(url) => format!("rekor {url}"),
                None => "none".to_owned(),
            },
            predicate_type: None,
        },
    }
}

impl BlobArgs {
    /// The Rekor to look a detached signature up in: `--rekor-url URL`, or the public-good
    /// one with `--tlog-lookup` (or a bare `--rekor-url`).
    fn rekor(&self) -> Option<&str> {
        self.rekor_url
            .as_deref()
            .or(self.tlog_lookup.then_some(DEFAULT_REKOR_URL))
    }
}

pub async fn run(args: BlobArgs) -> anyhow::Result<Outcome> {
    if args.bundle.is_none() && args.signature.is_none() {
        bail!(
            "nothing to verify {} against: give --bundle FILE|URL, or --signature with \
             --certificate (or --key)",
            args.artifact
        );
    }
    if args.signature.is_some() && args.certificate.is_none() && args.signer.key.is_none() {
        bail!("--signature needs --certificate (keyless) or --key (key-signed)");
    }
    let attestation = attestation_requirement(&args)?;
    let signer = args.signer.resolve()?;
    let trust = signer.trust;
    let options = signer.options;
    let authority = authority(signer.named, &args)?;
    let http = Http::new(args.timeout)?;

    // The artifact: its bytes (file, URL) or only its digest.
    let artifact_arg = ArtifactArg::parse(&args.artifact, Path::exists)?;
    let artifact_bytes = match &artifact_arg {
        ArtifactArg::Path(p) => Some(fs_err::read(p).context("reading the artifact")?),
        ArtifactArg::Url(u) => match http.get(u, ARTIFACT_LIMIT).await {
            Ok(b) => Some(b),
            Err(e) => {
                // Its digest is unknown: the report says so with an empty one.
                let artifact = ArtifactInfo {
                    source: args.artifact.clone(),
                    digest: String::new(),
                };
                let verdict = unreachable("downloading the artifact", &e);
                return finish(&args, artifact, signature_info(&args), &verdict, &trust);
            }
        },
        ArtifactArg::Digest(_) | ArtifactArg::Sha512Digest(_) => None,
    };
    let subject = match (&artifact_arg, &artifact_bytes) {
        (ArtifactArg::Digest(d), _) => Subject::Sha256(*d),
        (ArtifactArg::Sha512Digest(d), _) => Subject::Sha512(d),
        (_, Some(bytes)) => Subject::Bytes(bytes),
        (_, None) => bail!("the artifact {} was not read", args.artifact),
    };
    let artifact = ArtifactInfo {
        source: args.artifact.clone(),
        digest: subject.digest_string(),
    };

    let (verdict, signature) = if let Some(bundle_source) = &args.bundle {
        let info = signature_info(&args);
        let verdict = match read_source(&http, bundle_source, MATERIAL_LIMIT, "bundle").await? {
            Err(v) => v,
            Ok(fetched) => match std::str::from_utf8(&fetched.bytes) {
                Err(_) => {
                    Verdict::new(VerdictCode::MalformedBundle, "the bundle is not UTF-8 JSON")
                }
                Ok(json) => match sigstore::parse_bundle(json) {
                    Err(v) => v,
                    Ok(bundle) => {
                        let verify = || {
                            sigstore::verify_bundle(subject, &bundle, &authority, &options, &trust)
                        };
                        match &attestation {
                            Some(required) => core::judge_attestation(&bundle, required, verify),
                            None => verify(),
                        }
                    }
                },
            },
        };
        (verdict, info)
    } else {
        let Some(digest) = subject.sha256() else {
            bail!(
                "a detached signature is over the artifact's SHA-256: give the artifact or sha256:<hex>"
            );
        };
        detached(&args, &http, subject, &digest, &authority, &options, &trust).await?
    };
    finish(&args, artifact, signature, &verdict, &trust)
}

/// `--attestation-type` with its `--attestation-condition`s; usage errors when they do not
/// read.
fn attestation_requirement(args: &BlobArgs) -> anyhow::Result<Option<AttestationRequirement>> {
    let Some(t) = &args.attestation_type else {
        return Ok(None);
    };
    let predicate_type =
        attest::predicate_type(t).map_err(|e| anyhow::anyhow!("--attestation-type: {e}"))?;
    let mut conditions = Vec::new();
    for c in &args.attestation_condition {
        conditions.push(
            Condition::new(c).map_err(|e| anyhow::anyhow!("--attestation-condition {c:?}: {e}"))?,
        );
    }
    Ok(Some(AttestationRequirement {
        name: attest::short_name(&predicate_type).to_owned(),
        predicate_type,
        conditions,
    }))
}

/// Prints the report and maps the verdict to the outcome.
fn finish(
    args: &BlobArgs,
    artifact: ArtifactInfo,
    signature: SignatureInfo,
    verdict: &Verdict,
    trust: &Trust,
) -> anyhow::Result<Outcome> {
    let report = BlobReport::new(artifact, signature, verdict, trust.origin());
    let format = match args.output {
        BlobOutput::Text => None,
        BlobOutput::Json => Some(StructuredFormat::Json),
        BlobOutput::Yaml => Some(StructuredFormat::Yaml),
    };
    crate::report::verdict::print_blob(&report, format).context("writing the report")?;
    Ok(if verdict.code.is_verified() {
        Outcome::Clean
    } else {
        Outcome::Findings
    })
}

/// Verifies a `.sig` with its `.cert` (or `--key`), with the Rekor entry looked up online
/// when `--rekor-url` or `--tlog-lookup` is given.
async fn detached(
    args: &BlobArgs,
    http: &Http,
    subject: Subject<'_>,
    digest: &[u8; 32],
    authority: &Authority,
    options: &Options,
    trust: &Trust,
) -> anyhow::Result<(Verdict, SignatureInfo)> {
    let mut info = signature_info(args);
    let sig_source = args.signature.as_deref().unwrap_or_default();
    let sig = match read_source(http, sig_source, MATERIAL_LIMIT, "signature").await? {
        Ok(f) => f,
        Err(v) => return Ok((v, info)),
    };
    let signature = core::parse_signature(&sig.bytes, &sig.source)?;
    let certs = match &args.certificate {
        Some(c) => match read_source(http, c, MATERIAL_LIMIT, "certificate").await? {
            Ok(fetched) => Some(core::parse_certificates(&fetched.bytes, &fetched.source)?),
            Err(v) => return Ok((v, info)),
        },
        None => None,
    };
    let signer = match (&certs, authority) {
        (Some(certs), _) => DetachedSigner::Certificates(certs),
        (None, Authority::Key(key)) => DetachedSigner::Key(key),
        (None, Authority::Keyless(_)) => bail!("--signature needs --certificate or --key"),
    };
    let entry = match args.rekor() {
        Some(url) => match rekor::find_entry(http, url, digest, &signature).await {
            Ok(Some(e)) => Some(e),
            Ok(None) => {
                info.tlog_source = format!("rekor {url} (no entry)");
                None
            }
            Err(e) => {
                return Ok((unreachable("looking up the signature in Rekor", &e), info));
            }
        },
        None => None,
    };
    let found_in_rekor = entry.is_some();
    let bundle = core::detached_bundle(&signature, &signer, digest, entry)
        .map_err(|e| anyhow::anyhow!("building a bundle from the signature: {e}"))?;
    let mut verdict = sigstore::verify_bundle(subject, &bundle, authority, options, trust);
    if verdict.code == VerdictCode::TlogMissing && !found_in_rekor {
        verdict.detail = match args.rekor() {
            Some(url) => format!(
                "{url} has no entry for this signature over sha256:{}; it was never logged, \
                 or was logged in another log",
                hex::encode(digest)
            ),
            None => DETACHED_TLOG_HINT.to_owned(),
        };
    }
    Ok((verdict, info))
}

/// Who must have signed: `--key`, the identity flags, `--profile`, or — for a `.sig`/`.cert`
/// from dl.k8s.io with no identity flags — the Kubernetes release signer.
fn authority(named: FlagSigner, args: &BlobArgs) -> anyhow::Result<Authority> {
    let profile = args.profile == Some(Profile::KubernetesRelease);
    // Material from dl.k8s.io implies the release signer only when no identity flag is given.
    let from_k8s = [&args.signature, &args.certificate, &args.bundle]
        .into_iter()
        .flatten()
        .any(|s| core::is_kubernetes_release_url(s));
    match named {
        FlagSigner::Key(key) => Ok(Authority::Key(key)),
        FlagSigner::Keyless(identity) => Ok(Authority::Keyless(vec![identity])),
        FlagSigner::IssuerOnly(issuer) if profile => {
            Ok(Authority::Keyless(vec![KeylessIdentity {
                issuer,
                ..kubernetes_release_identity()
            }]))
        }
        FlagSigner::None if profile || from_k8s => {
            Ok(Authority::Keyless(vec![kubernetes_release_identity()]))
        }
        FlagSigner::IssuerOnly(_) | FlagSigner::None => bail!(
            "keyless verification needs the signer's identity: give --certificate-identity (or \
             --certificate-identity-regexp) and --certificate-oidc-issuer (or \
             --certificate-oidc-issuer-regexp), --key for key-signed material, or \
             --profile kubernetes-release for Kubernetes release binaries"
        ),
    }
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;

    #[derive(Debug, Parser)]
    struct Cmd {
        #[command(flatten)]
        blob: BlobArgs,
    }

    fn authority_of(args: &[&str]) -> Result<String, String> {
        let cmd = Cmd::try_parse_from(std::iter::once("blob").chain(args.iter().copied()))
            .map_err(|e| e.to_string())?;
        let named = cmd.blob.signer.named().map_err(|e| format!("{e:#}"))?;
        match authority(named, &cmd.blob).map_err(|e| format!("{e:#}"))? {
            Authority::Keyless(ids) => Ok(ids
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(" or ")),
            Authority::Key(k) => Ok(format!("key {}", k.fingerprint())),
        }
    }

    /// Issue 9: `--rekor-url URL` with a space was an error or swallowed the artifact.
    #[test]
    fn rekor_url_spellings() {
        /// (arguments after `blob`, the Rekor asked or the usage error's text)
        type Case<'a> = (&'a [&'a str], Result<Option<&'a str>, &'a str>);
        let d = DEFAULT_REKOR_URL;
        let table: &[Case] = &[
            (
                &["a", "--rekor-url", "https://r.example"],
                Ok(Some("https://r.example")),
            ),
            (
                &["--rekor-url", "https://r.example", "a"],
                Ok(Some("https://r.example")),
            ),
            (
                &["a", "--rekor-url=https://r.example"],
                Ok(Some("https://r.example")),
            ),
            (&["a", "--rekor-url"], Ok(Some(d))),
            (&["a", "--rekor-url", "--bundle", "b"], Ok(Some(d))),
            (&["a", "--tlog-lookup"], Ok(Some(d))),
            (
                &["a", "--tlog-lookup", "--rekor-url", "http://127.0.0.1:1"],
                Ok(Some("http://127.0.0.1:1")),
            ),
            (&["a"], Ok(None)),
            (&["--rekor-url", "a"], Err("is not an http(s) URL")),
            (&["a", "--rekor-url", "rekor.example"], Err("--tlog-lookup")),
        ];
        for (args, want) in table {
            let got = Cmd::try_parse_from(std::iter::once("blob").chain(args.iter().copied()))
                .map(|c| c.blob.rekor().map(str::to_owned))
                .map_err(|e| e.to_string());
            match (&got, want) {
                (Ok(g), Ok(w)) => assert_eq!(g.as_deref(), *w, "{args:?}"),
                (Err(g), Err(w)) => assert!(g.contains(w), "{args:?}: {g}"),
                _ => panic!("{args:?}: got {got:?}, wanted {want:?}"),
            }
        }
    }

    #[test]
    fn the_signer_comes_from_flags_the_profile_or_dl_k8s_io() {
        let krel = "krel-staging@k8s-releng-prod.iam.gserviceaccount.com (issuer https://accounts.google.com)";
        let k8s = "https://dl.k8s.io/release/v1.31.0/bin/linux/amd64/kubectl";
        let sig = format!("{k8s}.sig");
        let cert = format!("{k8s}.cert");
        let cases: Vec<(Vec<&str>, Result<&str, &str>)> = vec![
            (
                vec![
                    "a",
                    "--bundle",
                    "b",
                    "--certificate-identity",
                    "me@x",
                    "--certificate-oidc-issuer",
                    "https://i",
                ],
                Ok("me@x (issuer https://i)"),
            ),
            (
                vec![
                    "a",
                    "--bundle",
                    "b",
                    "--certificate-identity-regexp",
                    "me@.*",
                    "--certificate-oidc-issuer",
                    "https://i",
                ],
                Ok("/me@.*/ (issuer https://i)"),
            ),
            (
                vec!["a", "--bundle", "b", "--profile", "kubernetes-release"],
                Ok(krel),
            ),
            // A .sig/.cert from dl.k8s.io implies the release signer...
            (
                vec![k8s, "--signature", &sig, "--certificate", &cert],
                Ok(krel),
            ),
            // ...unless identity flags say otherwise.
            (
                vec![
                    k8s,
                    "--signature",
                    &sig,
                    "--certificate",
                    &cert,
                    "--certificate-identity",
                    "me@x",
                    "--certificate-oidc-issuer",
                    "https://i",
                ],
                Ok("me@x (issuer https://i)"),
            ),
            // A look-alike host implies nothing.
            (
                vec![
                    "a",
                    "--signature",
                    "https://dl.k8s.io.evil.example/a.sig",
                    "--certificate",
                    "c",
                ],
                Err("keyless verification needs the signer's identity"),
            ),
            (vec!["a", "--bundle", "b"], Err("--certificate-identity")),
            (
                vec!["a", "--bundle", "b", "--certificate-identity", "me@x"],
                Err("--certificate-oidc-issuer"),
            ),
            (
                vec![
                    "a",
                    "--bundle",
                    "b",
                    "--certificate-identity-regexp",
                    "(",
                    "--certificate-oidc-issuer",
                    "i",
                ],
                Err("--certificate-identity-regexp \"(\""),
            ),
            (
                vec![
                    "a",
                    "--bundle",
                    "b",
                    "--key",
                    "k",
                    "--certificate-identity",
                    "x",
                ],
                Err("cannot be used with"),
            ),
        ];
        for (args, want) in cases {
            let got = authority_of(&args);
            match (&got, want) {
                (Ok(g), Ok(w)) => assert_eq!(g, w, "{args:?}"),
                (Err(g), Err(w)) => assert!(g.contains(w), "{args:?}: {g}"),
                _ => panic!("{args:?}: got {got:?}, wanted {want:?}"),
            }
        }
    }
}
