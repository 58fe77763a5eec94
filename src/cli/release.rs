//! `kubectl verify release [VERSION]`: the signed SBOM, the provenance, every image the SBOM
//! lists and the chosen binaries of a Kubernetes release, in one report.

use std::io::IsTerminal as _;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Context, bail};
use clap::{Args, ValueEnum};

use crate::check::{ImageUse, Settings};
use crate::cli::Outcome;
use crate::cli::common::{self, ImageOutput, RegistryArgs, TrustArgs, parse_duration};
use crate::cluster::KubeOptions;
use crate::reference::ImageRef;
use crate::release::fetch::Fetcher;
use crate::release::sbom::{self, MAX_SBOM_BYTES, Platform};
use crate::release::{
    self as core, BinaryJob, Checker, DEFAULT_DL_URL_BASE, DEFAULT_SBOM_URL_BASE, Location,
    PROVENANCE_LIMIT, Provenance, ProvenanceCheck, RELEASE_REGISTRY, Rekor, ReleaseError, Urls,
    VersionArg,
};
use crate::remote::{DEFAULT_REKOR_URL, Http};
use crate::report::images::{RekorInfo, rfc3339};
use crate::report::release::{ArtifactEntry, ArtifactKind, ReleaseInfo, ReleaseReport};
use crate::report::verdict::StructuredFormat;
use crate::verify::{Verdict, VerdictCode};

/// Report format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ReleaseOutput {
    /// A table for people, one line per artifact.
    #[default]
    Table,
    /// JSON, schema `ReleaseVerificationReport` v1 (see README).
    Json,
    /// The same document as YAML.
    Yaml,
    /// The table with full digests.
    Wide,
    /// One line per artifact: `KIND/NAME` (images pinned to their digest).
    Name,
}

/// Verify every image and the chosen binaries of a Kubernetes release, from its signed SBOM.
#[derive(Debug, Args)]
#[command(after_help = "\
The SBOM (sbom.k8s.io/VERSION/release, signed as dl.k8s.io/release/VERSION/kubernetes-release.spdx)
and provenance.json are verified first, as krel-staging@k8s-releng-prod.iam.gserviceaccount.com;
an SBOM that does not verify stops the run. Images are held to the built-in Kubernetes policy
(krel-trust) unless identity flags or --policy say otherwise; binaries to krel-staging, their
published .sha256 and the provenance's subjects. --timeout bounds each registry request and each
small download; --download-timeout each binary.

Examples:
  kubectl verify release                                   # the current stable release
  kubectl verify release v1.35.0 --platform linux/amd64 --binaries kubectl,kubeadm --tlog-lookup
  kubectl verify release v1.35.0 --registry-mirror registry.k8s.io=mirror.local:5000/k8s \\
      --dl-url-base https://dl.mirror.local --sbom-url-base https://sbom.mirror.local -o json

Exit status: 0 everything verified, 1 something did not (the verdicts say what), 2 usage or
runtime error (unknown version, an SBOM that does not parse or lists no images).")]
pub struct ReleaseArgs {
    /// vX.Y.Z (release candidates too), or stable, latest, stable-1.35, latest-1.35 (read from
    /// DL-URL-BASE/release/<name>.txt).
    #[arg(value_name = "VERSION", default_value = "stable")]
    pub release: String,
    /// Only this platform's images and binaries (repeatable), e.g. linux/amd64; default: every
    /// platform the SBOM lists.
    #[arg(long, value_name = "OS/ARCH")]
    pub platform: Vec<String>,
    /// The binaries to download and verify for each platform, comma-separated (an empty value
    /// for none).
    #[arg(
        long,
        value_name = "NAME,...",
        value_delimiter = ',',
        default_value = "kubectl"
    )]
    pub binaries: Vec<String>,
    /// Read the SBOM from this file or https URL, with its .sig and .cert beside it.
    #[arg(long, value_name = "FILE|URL")]
    pub sbom: Option<String>,
    /// Where release SBOMs are published (https only).
    #[arg(long, value_name = "URL", default_value = DEFAULT_SBOM_URL_BASE)]
    pub sbom_url_base: String,
    /// Where binaries, signatures, provenance and version markers are published (https only;
    /// a redirect may not leave https).
    #[arg(long, value_name = "URL", default_value = DEFAULT_DL_URL_BASE)]
    pub dl_url_base: String,
    /// Trust this extra CA certificate (PEM) for the --dl-url-base, --sbom-url-base and --sbom
    /// hosts (repeatable).
    #[arg(long, value_name = "FILE")]
    pub download_ca: Vec<PathBuf>,
    /// Keep the binaries that verified as DIR/OS/ARCH/NAME (written only once verified, by an
    /// atomic rename); otherwise they are hashed as they stream and dropped.
    #[arg(long, value_name = "DIR")]
    pub download_dir: Option<PathBuf>,
    /// Give up on one binary download after this long.
    #[arg(long, value_name = "DURATION", default_value = "10m", value_parser = parse_duration)]
    pub download_timeout: Duration,
    /// INSECURE: go on when the SBOM's signature does not verify (its line still fails).
    #[arg(long)]
    pub insecure_unsigned_sbom: bool,
    /// Look up the Rekor entries of the .sig + .cert pairs online, at this Rekor
    /// (`--rekor-url URL` or `--rekor-url=URL`, as cosign); without it or --tlog-lookup they
    /// are `tlog-missing`. Alone, it means --tlog-lookup.
    // A bare flag stays accepted (it was the documented spelling); a value must be an http(s)
    // URL, so `--rekor-url VERSION` is an error, never the version swallowed.
    #[arg(long, value_name = "URL", num_args = 0..=1, default_missing_value = DEFAULT_REKOR_URL,
          value_parser = common::parse_rekor_url)]
    pub rekor_url: Option<String>,
    /// Look up the Rekor entries online at https://rekor.sigstore.dev (opt-in).
    #[arg(long)]
    pub tlog_lookup: bool,
    /// Output format.
    #[arg(short = 'o', long, value_enum, default_value_t = ReleaseOutput::Table)]
    pub output: ReleaseOutput,
    /// Leave out the table's header line and summary line (as kubectl's --no-headers).
    #[arg(long)]
    pub no_headers: bool,
    #[command(flatten)]
    pub trust: TrustArgs,
    #[command(flatten)]
    pub registry: RegistryArgs,
}

fn require_https(flag: &str, url: &str) -> anyhow::Result<()> {
    let ok = url
        .get(..8)
        .is_some_and(|s| s.eq_ignore_ascii_case("https://"))
        && url.len() > 8;
    if !ok {
        bail!("{flag} {url:?}: only https URLs are accepted");
    }
    Ok(())
}

fn valid_binary_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 64
        && !name.starts_with('.')
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// The validated flags.
struct Plan {
    version: VersionArg,
    platforms: Vec<Platform>,
    binaries: Vec<String>,
    urls: Urls,
    sbom: Option<Location>,
}

fn plan(args: &ReleaseArgs) -> anyhow::Result<Plan> {
    let version = VersionArg::parse(&args.release)?;
    let mut platforms = Vec::new();
    for p in &args.platform {
        let parsed = Platform::parse(p)
            .with_context(|| format!("--platform {p:?}: expected OS/ARCH, e.g. linux/amd64"))?;
        if !platforms.contains(&parsed) {
            platforms.push(parsed);
        }
    }
    let mut binaries: Vec<String> = Vec::new();
    for b in args
        .binaries
        .iter()
        .map(|b| b.trim())
        .filter(|b| !b.is_empty())
    {
        if !valid_binary_name(b) {
            bail!("--binaries: {b:?} is not a binary name (e.g. kubectl, kubeadm, kubelet)");
        }
        if !binaries.iter().any(|x| x == b) {
            binaries.push(b.to_owned());
        }
    }
    require_https("--dl-url-base", &args.dl_url_base)?;
    require_https("--sbom-url-base", &args.sbom_url_base)?;
    let sbom = match &args.sbom {
        Some(s) => {
            let location = Location::parse(s);
            if let Location::Url(u) = &location {
                require_https("--sbom", u)?;
            }
            Some(location)
        }
        None => None,
    };
    if let Some(dir) = &args.download_dir {
        fs_err::create_dir_all(dir).context("--download-dir")?;
    }
    Ok(Plan {
        version,
        platforms,
        binaries,
        urls: Urls::new(&args.dl_url_base, &args.sbom_url_base),
        sbom,
    })
}

fn document_entry(
    kind: ArtifactKind,
    name: String,
    digest: Option<String>,
    v: Verdict,
) -> ArtifactEntry {
    ArtifactEntry {
        kind,
        name,
        platform: None,
        digest,
        verdict: v.code,
        enforced: true,
        detail: v.detail,
        signer: v.signer,
        rekor: v.tlog.map(|t| RekorInfo {
            log_index: t.log_index,
            integrated_time: rfc3339(t.integrated_time),
        }),
        source: None,
        path: None,
    }
}

fn finish(report: &ReleaseReport, args: &ReleaseArgs) -> anyhow::Result<Outcome> {
    use crate::report::release::Layout;
    let layout = match args.output {
        ReleaseOutput::Table => Layout::Table {
            wide: false,
            headers: !args.no_headers,
        },
        ReleaseOutput::Wide => Layout::Table {
            wide: true,
            headers: !args.no_headers,
        },
        ReleaseOutput::Name => Layout::Name,
        ReleaseOutput::Json => Layout::Structured(StructuredFormat::Json),
        ReleaseOutput::Yaml => Layout::Structured(StructuredFormat::Yaml),
    };
    crate::report::release::write_as(report, layout).context("writing the report")?;
    Ok(if report.has_failures() {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

pub async fn run(args: ReleaseArgs) -> anyhow::Result<Outcome> {
    let plan = plan(&args)?;
    let keys = common::k8s_keys(&args.trust, None, &KubeOptions::default()).await?;
    let settings = Settings {
        plan: common::prepare(&args.trust, &keys)?,
        allow_unmatched: args.trust.allow_unmatched,
        drift: false,
        cache: common::verification_cache(&args.trust),
    };
    let registry = args.trust.registry(args.registry.resolve()?)?;
    let mut ca = Vec::new();
    for path in &args.download_ca {
        ca.push(fs_err::read(path).context("reading --download-ca")?);
    }
    let fetcher = Fetcher::new(&ca, args.registry.timeout, args.download_timeout)?;
    let rekor_url = args
        .rekor_url
        .clone()
        .or_else(|| args.tlog_lookup.then(|| DEFAULT_REKOR_URL.to_owned()));
    let rekor = match rekor_url {
        Some(url) => Some(Rekor {
            http: Http::new(args.registry.timeout)?,
            url,
        }),
        None => None,
    };
    let checker = Checker {
        fetcher: &fetcher,
        rekor: rekor.as_ref(),
        trust: &settings.plan.trust,
        options: &settings.plan.options,
    };
    let chatty = args.output == ReleaseOutput::Table && std::io::stderr().is_terminal();

    let version = core::resolve_version(&fetcher, &plan.urls, &plan.version)
        .await
        .with_context(|| format!("resolving the release version {:?}", args.release))?;

    // 1. The SBOM, verified before anything in it is believed.
    let (sbom_at, sbom_sig_base) = match &plan.sbom {
        Some(l) => (l.clone(), l.clone()),
        None => (
            Location::Url(plan.urls.sbom(&version)),
            Location::Url(plan.urls.sbom_on_dl(&version)),
        ),
    };
    let sbom_doc = checker
        .signed_document(&sbom_at, &sbom_sig_base, MAX_SBOM_BYTES)
        .await
        .map_err(|e| {
            if e.is_not_found() {
                ReleaseError::UnknownVersion {
                    version: version.clone(),
                    source: e,
                }
            } else {
                ReleaseError::Fetch(e)
            }
        })
        .with_context(|| format!("reading the SBOM of {version}"))?;
    let info = ReleaseInfo {
        version: version.clone(),
        requested: args.release.clone(),
        sbom: sbom_at.to_string(),
    };
    let sbom_verified = sbom_doc.verdict.code.is_verified();
    let mut artifacts = vec![document_entry(
        ArtifactKind::Sbom,
        sbom_at.to_string(),
        Some(sbom_doc.digest.clone()),
        sbom_doc.verdict,
    )];
    if !sbom_verified {
        if !args.insecure_unsigned_sbom {
            crate::report::warn(
                "the SBOM's signature did not verify, so its list of images is not trusted: \
                 nothing else was checked (--insecure-unsigned-sbom goes on anyway)",
            );
            return finish(&ReleaseReport::new(info, artifacts), &args);
        }
        crate::report::warn(
            "--insecure-unsigned-sbom: the images come from an SBOM whose signature did not verify",
        );
    }
    let doc =
        sbom::parse(&sbom_doc.bytes).with_context(|| format!("parsing the SBOM {sbom_at}"))?;
    let all_images = sbom::images(&doc, RELEASE_REGISTRY);
    if all_images.is_empty() {
        bail!(
            "the SBOM {sbom_at} lists no {RELEASE_REGISTRY} images ({} packages): is it a \
             Kubernetes release SBOM?",
            doc.packages.len()
        );
    }
    let images: Vec<_> = all_images
        .iter()
        .filter(|i| match &i.platform {
            Some(p) => {
                plan.platforms.is_empty() || plan.platforms.iter().any(|want| want.covers(p))
            }
            None => true,
        })
        .cloned()
        .collect();
    if images.is_empty() {
        bail!(
            "the SBOM lists no images for --platform {}",
            args.platform.join(", ")
        );
    }
    if chatty {
        crate::report::info(&format!(
            "{version}: {} images in the SBOM, {} to verify",
            all_images.len(),
            images.len()
        ));
    }
    let binary_platforms: Vec<Platform> = if plan.platforms.is_empty() {
        let mut ps: Vec<Platform> = all_images
            .iter()
            .filter_map(|i| i.platform.clone())
            .collect();
        ps.sort();
        ps.dedup();
        ps
    } else {
        plan.platforms.clone()
    };

    // 2. The provenance, when there are binaries to hold to it.
    let mut provenance = None;
    if !plan.binaries.is_empty() {
        let at = Location::Url(plan.urls.provenance(&version));
        match checker.signed_document(&at, &at, PROVENANCE_LIMIT).await {
            Ok(d) => {
                let mut verdict = d.verdict;
                if verdict.code.is_verified() {
                    match Provenance::parse(&d.bytes) {
                        Ok(p) => provenance = Some(p),
                        Err(e) => {
                            verdict = Verdict {
                                code: VerdictCode::MalformedBundle,
                                detail: e.to_string(),
                                ..verdict
                            };
                        }
                    }
                }
                artifacts.push(document_entry(
                    ArtifactKind::Provenance,
                    at.to_string(),
                    Some(d.digest),
                    verdict,
                ));
            }
            Err(e) => artifacts.push(document_entry(
                ArtifactKind::Provenance,
                at.to_string(),
                None,
                Verdict::new(VerdictCode::Unreachable, core::error_line(&e)),
            )),
        }
    }
    let provenance_check = match &provenance {
        Some(p) => ProvenanceCheck::Verified(p),
        None => ProvenanceCheck::Unavailable,
    };

    // 3. Images through the one image path, binaries streamed, side by side.
    let mut uses = Vec::with_capacity(images.len());
    for i in &images {
        let r = ImageRef::parse(&i.reference)
            .with_context(|| format!("the SBOM's image {} (line {})", i.reference, i.line))?;
        uses.push(ImageUse::argument(r));
    }
    let image_output = match args.output {
        ReleaseOutput::Table | ReleaseOutput::Wide | ReleaseOutput::Name => ImageOutput::Table,
        ReleaseOutput::Json => ImageOutput::Json,
        ReleaseOutput::Yaml => ImageOutput::Yaml,
    };
    let jobs: Vec<BinaryJob> = binary_platforms
        .iter()
        .flat_map(|p| {
            plan.binaries.iter().map(|name| BinaryJob {
                name: name.clone(),
                platform: p.clone(),
                url: plan.urls.binary(&version, p, name),
            })
        })
        .collect();
    let download_dir = args.download_dir.as_deref();
    let binaries = async {
        let mut out = Vec::with_capacity(jobs.len());
        for job in jobs {
            if chatty {
                crate::report::info(&format!("downloading {}", job.url));
            }
            let outcome = checker
                .binary(job, &provenance_check, download_dir, &|_, _| {})
                .await?;
            if chatty {
                crate::report::info(&format!(
                    "{} {}: {}.{} MB, {}",
                    outcome.job.name,
                    outcome.job.platform,
                    outcome.size / 1_000_000,
                    outcome.size / 100_000 % 10,
                    outcome.verdict.code
                ));
            }
            out.push(outcome);
        }
        Ok::<_, core::fetch::FetchError>(out)
    };
    let (image_report, binaries) = futures::join!(
        common::check_uses(&registry, &settings, uses, image_output),
        binaries
    );
    let binaries = binaries.context("keeping a verified binary")?;
    common::fail_on_setup_error(&registry)?;

    let platform_of: std::collections::HashMap<&str, String> = images
        .iter()
        .filter_map(|i| Some((i.reference.as_str(), i.platform.as_ref()?.to_string())))
        .collect();
    for e in image_report.images {
        let platform = platform_of.get(e.reference.as_str()).cloned();
        artifacts.push(ArtifactEntry::image(e, platform));
    }
    for b in binaries {
        let mut entry = document_entry(
            ArtifactKind::Binary,
            b.job.name.clone(),
            b.digest,
            b.verdict,
        );
        entry.platform = Some(b.job.platform.to_string());
        entry.source = Some(b.job.url);
        entry.path = b.path.map(|p| p.display().to_string());
        artifacts.push(entry);
    }
    finish(&ReleaseReport::new(info, artifacts), &args)
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;

    #[derive(Debug, Parser)]
    struct Cmd {
        #[command(flatten)]
        release: ReleaseArgs,
    }

    fn plan_of(args: &[&str]) -> Result<Plan, String> {
        let cmd = Cmd::try_parse_from(std::iter::once("release").chain(args.iter().copied()))
            .map_err(|e| e.to_string())?;
        plan(&cmd.release).map_err(|e| format!("{e:#}"))
    }

    #[test]
    fn flags_become_a_plan() {
        let p = plan_of(&[]).expect("defaults");
        assert_eq!(p.version, VersionArg::Marker("stable".into()));
        assert_eq!(p.binaries, vec!["kubectl".to_owned()]);
        assert!(p.platforms.is_empty());
        let p = plan_of(&[
            "v1.35.0",
            "--platform",
            "linux/amd64",
            "--platform",
            "linux/amd64",
            "--binaries",
            "kubectl,kubeadm,,kubectl",
        ])
        .expect("plan");
        assert_eq!(p.platforms.len(), 1);
        assert_eq!(p.binaries, vec!["kubectl".to_owned(), "kubeadm".to_owned()]);
        assert!(
            plan_of(&["--binaries", ""])
                .expect("none")
                .binaries
                .is_empty()
        );
        for (args, want) in [
            (vec!["1.35"], "is not a release version"),
            (
                vec!["--platform", "amd64"],
                "--platform \"amd64\": expected OS/ARCH",
            ),
            (vec!["--binaries", "../kubectl"], "is not a binary name"),
            (vec!["--dl-url-base", "http://dl.k8s.io"], "only https URLs"),
            (vec!["--sbom-url-base", "ftp://x"], "only https URLs"),
            (vec!["--sbom", "http://example.com/sbom"], "only https URLs"),
        ] {
            let err = plan_of(&args).err().unwrap_or_default();
            assert!(err.contains(want), "{args:?}: {err}");
        }
    }
}
