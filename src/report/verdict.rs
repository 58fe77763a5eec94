//! Verdicts for people and machines: the human report of `kubectl verify blob`, and a
//! JSON/YAML writer generic over any `Serialize` report (the image report uses it too).
//!
//! Machine output is versioned: every document carries `apiVersion`, `kind` and
//! `schemaVersion`; fields are only ever added within a schema version.

use std::fmt::Write as _;
use std::io;

use owo_colors::OwoColorize;
use serde::Serialize;

use crate::verify::{Signer, TlogFacts, VerdictCode};

/// The `apiVersion` of every machine-readable document kubectl-verify writes.
pub const API_VERSION: &str = "kubectl-verify/v1";
/// The schema version of [`BlobReport`].
pub const BLOB_SCHEMA_VERSION: u32 = 1;

/// A machine-readable output format (`-o json|yaml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StructuredFormat {
    Json,
    Yaml,
}

/// Renders any report as pretty JSON or block YAML, ending with a newline. Fields keep the
/// order of the Rust struct in both formats (`apiVersion` and `kind` first).
pub fn render_structured<T: Serialize>(
    value: &T,
    format: StructuredFormat,
) -> Result<String, serde_json::Error> {
    Ok(match format {
        StructuredFormat::Json => {
            let mut json = serde_json::to_string_pretty(value)?;
            json.push('\n');
            json
        }
        // serde-saphyr (already in the tree through kube) quotes what a YAML reader would
        // misread (`"yes"`, `"1.0"`, `"- x"`), so both formats carry the same values.
        // Block scalars off: a long identity or a multi-line detail stays on one line, as in
        // the JSON, so `grep` and `yq` users see the same text.
        StructuredFormat::Yaml => {
            let mut options = serde_saphyr::SerializerOptions::default();
            options.prefer_block_scalars = false;
            serde_saphyr::to_string_with_options(value, options)
                .map_err(serde::ser::Error::custom)?
        }
    })
}

/// Writes a report to stdout as JSON or YAML.
pub fn write_structured<T: Serialize>(value: &T, format: StructuredFormat) -> io::Result<()> {
    let text = render_structured(value, format).map_err(io::Error::other)?;
    super::out(&text)
}

/// RFC 3339 UTC for seconds since the epoch (`2023-07-12T15:56:36Z`).
pub fn rfc3339(secs: i64) -> String {
    // Out of jiff's range (±9999 years) cannot come from a real log; show the raw number.
    jiff::Timestamp::from_second(secs).map_or_else(|_| format!("@{secs}"), |t| t.to_string())
}

/// The artifact a blob verdict is about.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ArtifactInfo {
    /// The ARTIFACT argument as given (path, URL or `sha256:` digest).
    pub source: String,
    /// `sha256:<hex>` of the artifact (`sha512:<hex>` when only that was given).
    pub digest: String,
}

/// The signature material a blob verdict judged.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SignatureInfo {
    /// `bundle` (a Sigstore bundle) or `detached` (`.sig` with `.cert` or `--key`).
    pub format: &'static str,
    /// Where the bundle or signature came from.
    pub source: String,
    /// Where the certificate came from (detached keyless signatures).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub certificate: Option<String>,
    /// Where the transparency log proof came from: `bundle`, `rekor <url>`, or `none`.
    pub tlog_source: String,
    /// With `--attestation-type`: the predicate type the bundle's statement had to have.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub predicate_type: Option<String>,
}

/// Rekor facts of the entry that verified, with the time spelled out.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TlogReport {
    pub log_index: i64,
    /// Seconds since the epoch.
    pub integrated_time: i64,
    /// The same, RFC 3339 UTC.
    pub integrated_time_rfc3339: String,
}

impl From<&TlogFacts> for TlogReport {
    fn from(t: &TlogFacts) -> Self {
        Self {
            log_index: t.log_index,
            integrated_time: t.integrated_time,
            integrated_time_rfc3339: rfc3339(t.integrated_time),
        }
    }
}

/// `kubectl verify blob -o json|yaml`, schema version [`BLOB_SCHEMA_VERSION`].
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BlobReport {
    /// Always [`API_VERSION`].
    pub api_version: &'static str,
    /// Always `BlobVerification`.
    pub kind: &'static str,
    /// Always [`BLOB_SCHEMA_VERSION`].
    pub schema_version: u32,
    pub artifact: ArtifactInfo,
    pub signature: SignatureInfo,
    /// The verdict code (`verified`, `invalid-signature`, …).
    pub verdict: VerdictCode,
    /// One line saying why, or what to know about a success (empty otherwise).
    pub detail: String,
    /// Who signed (verified on success; as claimed by the material on failure).
    pub signer: Option<Signer>,
    /// The Rekor entry whose SET verified.
    pub tlog: Option<TlogReport>,
    /// The trusted root used (a path, or the embedded production root).
    pub trusted_root: String,
}

impl BlobReport {
    pub fn new(
        artifact: ArtifactInfo,
        signature: SignatureInfo,
        verdict: &crate::verify::Verdict,
        trusted_root: &str,
    ) -> Self {
        Self {
            api_version: API_VERSION,
            kind: "BlobVerification",
            schema_version: BLOB_SCHEMA_VERSION,
            artifact,
            signature,
            verdict: verdict.code,
            detail: verdict.detail.clone(),
            signer: verdict.signer.clone(),
            tlog: verdict.tlog.as_ref().map(TlogReport::from),
            trusted_root: trusted_root.to_owned(),
        }
    }
}

/// The human report: what was checked, who signed, the Rekor entry, and a last line that is
/// `Verified OK` on success (what cosign users grep for) or the verdict code and why.
pub fn render_blob_human(report: &BlobReport, color: bool) -> String {
    let mut out = String::new();
    // A digest given as the artifact is its own source: print it once.
    if report.artifact.source == report.artifact.digest {
        let _ = writeln!(out, "Artifact:   {}", report.artifact.digest);
    } else {
        let _ = writeln!(
            out,
            "Artifact:   {} ({})",
            report.artifact.source, report.artifact.digest
        );
    }
    let _ = write!(
        out,
        "Signature:  {} {}",
        report.signature.format, report.signature.source
    );
    if let Some(cert) = &report.signature.certificate {
        let _ = write!(out, " + {cert}");
    }
    if let Some(t) = &report.signature.predicate_type {
        let _ = write!(out, " (attestation {t})");
    }
    out.push('\n');
    let verified = report.verdict.is_verified();
    if let Some(signer) = &report.signer {
        let claimed = if verified {
            ""
        } else {
            " (claimed, not verified)"
        };
        let _ = match signer {
            Signer::Keyless { identity, issuer } => {
                writeln!(out, "Signer:     {identity} (issuer {issuer}){claimed}")
            }
            Signer::Key { fingerprint } => writeln!(out, "Signer:     key {fingerprint}{claimed}"),
        };
    }
    match &report.tlog {
        Some(t) => {
            let _ = writeln!(
                out,
                "Rekor:      log index {}, integrated time {}",
                t.log_index, t.integrated_time_rfc3339
            );
        }
        None if verified => {
            let _ = writeln!(out, "Rekor:      no integrated time");
        }
        None => {}
    }
    let _ = writeln!(out, "Trust root: {}", report.trusted_root);
    if verified {
        if !report.detail.is_empty() {
            let _ = writeln!(out, "Note:       {}", report.detail);
        }
        let ok = "Verified OK";
        if color {
            let _ = writeln!(out, "{}", ok.green().bold());
        } else {
            let _ = writeln!(out, "{ok}");
        }
    } else {
        let code = report.verdict.as_str();
        let code = if color {
            code.red().bold().to_string()
        } else {
            code.to_owned()
        };
        let _ = writeln!(out, "Verdict:    {code}: {}", report.detail);
    }
    out
}

/// Prints a blob report in the chosen format.
pub fn print_blob(report: &BlobReport, format: Option<StructuredFormat>) -> io::Result<()> {
    match format {
        Some(f) => write_structured(report, f),
        None => super::out(&render_blob_human(report, super::stdout_color())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    #[test]
    fn rfc3339_matches_known_instants() {
        for (secs, want) in [
            (0, "1970-01-01T00:00:00Z"),
            (1_689_177_396, "2023-07-12T15:56:36Z"),
            (951_782_400, "2000-02-29T00:00:00Z"),
            (4_102_444_800, "2100-01-01T00:00:00Z"),
            (-1, "1969-12-31T23:59:59Z"),
        ] {
            assert_eq!(rfc3339(secs), want, "{secs}");
        }
    }

    #[test]
    fn yaml_quotes_what_a_yaml_reader_would_misread() {
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct Doc {
            api_version: &'static str,
            schema_version: u32,
            verdict: VerdictCode,
            detail: &'static str,
            words: Vec<&'static str>,
            signer: Signer,
            tlog: Option<TlogReport>,
            list: Vec<Value>,
            empty: serde_json::Map<String, Value>,
        }
        let doc = Doc {
            api_version: "kubectl-verify/v1",
            schema_version: 1,
            verdict: VerdictCode::Verified,
            detail: "",
            words: vec!["yes", "no", "1.0", "-x", "a: b", "line\nbreak", "ok"],
            signer: Signer::Keyless {
                identity: "a@b.c".into(),
                issuer: "https://accounts.google.com".into(),
            },
            tlog: None,
            list: vec![json!({ "a": 1, "b": { "c": true } })],
            empty: serde_json::Map::new(),
        };
        let yaml = render_structured(&doc, StructuredFormat::Yaml).expect("yaml");
        assert!(yaml.starts_with("apiVersion: kubectl-verify/v1\nschemaVersion: 1\n"));
        // YAML 1.1 readers (PyYAML, yq v3) take these for booleans and numbers.
        for quoted in [
            "- \"yes\"\n",
            "- \"no\"\n",
            "- \"1.0\"\n",
            "detail: \"\"\n",
            "- \"line\\nbreak\"\n",
        ] {
            assert!(yaml.contains(quoted), "{quoted:?} in\n{yaml}");
        }
        let json = render_structured(&doc, StructuredFormat::Json).expect("json");
        assert!(
            json.starts_with(
                "{\n  \"apiVersion\": \"kubectl-verify/v1\",\n  \"schemaVersion\": 1,"
            ),
            "{json}"
        );
        // What we write, a YAML parser reads back as the same values as the JSON.
        let from_yaml: Value = serde_saphyr::from_str(&yaml).expect("our YAML parses");
        let from_json: Value = serde_json::from_str(&json).expect("our JSON parses");
        assert_eq!(from_yaml, from_json, "{yaml}");
    }
}
