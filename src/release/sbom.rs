//! SPDX 2.x tag-value documents, the form Kubernetes publishes its release SBOM in
//! (`https://sbom.k8s.io/VERSION/release`, `kubernetes-release.spdx` on dl.k8s.io), and the
//! container images such a document lists.
//!
//! The parser follows the tag-value grammar of SPDX 2.3 (§5–§11 and the tag-value annex):
//! one `Tag: value` per line, `<text>…</text>` values that may span lines, `#` comment lines,
//! and sections that start with their first tag — `PackageName` opens a package,
//! `FileName` a file, `SnippetSPDXID` a snippet, `LicenseID` an extracted licence — and last
//! until the next one. `Relationship` lines may appear anywhere. Unknown tags are skipped
//! (later 2.x minor versions add some); a line that is not `Tag: value`, a `<text>` that never
//! closes, a package or file without a valid `SPDXID`, a duplicate `SPDXID`, and a malformed
//! `Relationship` or `ExternalRef` are errors that name the line.
//!
//! Images are read from the packages, never from the shape of their identifiers: a package
//! is an image of the release when its `PackageName` (or its `pkg:oci` purl) names a tagged
//! or pinned reference on the release registry, and no other image package `CONTAINS` it
//! (a layer). The documentation's `grep | cut | sed` recipe rebuilds names from `SPDXID`s,
//! where `/` and `:` both became `-`; that loses nested paths and tags that do not start
//! with `v1`, and rewrites names that contain `-v1`.

use std::collections::{HashMap, HashSet};
use std::fmt;

use crate::reference::ImageRef;

/// Largest SBOM read (the real release SBOMs are a few megabytes).
pub const MAX_SBOM_BYTES: u64 = 64 * 1024 * 1024;
/// Most packages, files and relationships a document may have, each.
pub const MAX_ELEMENTS: usize = 500_000;
/// Longest `<text>` value, in lines.
const MAX_TEXT_LINES: usize = 100_000;

/// Why a document is not a usable SPDX tag-value SBOM. Every message names the line.
#[derive(Debug, thiserror::Error)]
pub enum SbomError {
    /// The bytes are not UTF-8.
    #[error("the SBOM is not UTF-8 text")]
    NotUtf8(#[source] std::str::Utf8Error),
    /// A line that is neither blank, a comment, nor `Tag: value`.
    #[error("line {line}: expected `Tag: value`, found {found}")]
    NotTagValue { line: usize, found: String },
    /// A `<text>` value with no `</text>`.
    #[error("line {line}: the <text> value opened here is never closed")]
    UnclosedText { line: usize },
    /// A package or file field before any `PackageName`/`FileName`.
    #[error("line {line}: {tag} outside a package (no PackageName before it)")]
    Orphan { line: usize, tag: String },
    /// A package or file block without `SPDXID`.
    #[error("line {line}: the {kind} {name:?} has no SPDXID")]
    MissingId {
        line: usize,
        kind: &'static str,
        name: String,
    },
    /// Two `SPDXID`s in one block.
    #[error("line {line}: a second SPDXID in the {kind} {name:?}")]
    SecondId {
        line: usize,
        kind: &'static str,
        name: String,
    },
    /// An `SPDXID` that is not `SPDXRef-` followed by letters, digits, `.` and `-`.
    #[error("line {line}: {id:?} is not an SPDX identifier (SPDXRef-[A-Za-z0-9.-]+)")]
    BadId { line: usize, id: String },
    /// The same `SPDXID` on two elements.
    #[error("line {line}: SPDXID {id} is already used on line {first}")]
    DuplicateId {
        line: usize,
        id: String,
        first: usize,
    },
    /// `Relationship:` without three parts.
    #[error("line {line}: Relationship needs `SPDXRef-A TYPE SPDXRef-B`, found {found}")]
    BadRelationship { line: usize, found: String },
    /// `ExternalRef:` without three parts.
    #[error("line {line}: ExternalRef needs `CATEGORY TYPE LOCATOR`, found {found}")]
    BadExternalRef { line: usize, found: String },
    /// No `SPDXVersion`, or not 2.x.
    #[error("not an SPDX 2.x tag-value document: {reason}")]
    NotSpdx { reason: String },
    /// More elements than [`MAX_ELEMENTS`].
    #[error("the SBOM has more than {limit} {what}")]
    TooMany { what: &'static str, limit: usize },
}

/// A parsed SPDX document: what kubectl-verify reads of it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// `SPDX-2.3`.
    pub spdx_version: String,
    pub spdx_id: String,
    pub name: Option<String>,
    pub namespace: Option<String>,
    pub creators: Vec<String>,
    pub packages: Vec<Package>,
    pub files: Vec<File>,
    pub relationships: Vec<Relationship>,
}

/// One package block.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Package {
    pub name: String,
    pub spdx_id: String,
    pub version: Option<String>,
    pub file_name: Option<String>,
    pub download_location: Option<String>,
    /// `(algorithm, value)`, e.g. `("SHA256", "ab12…")`.
    pub checksums: Vec<(String, String)>,
    pub external_refs: Vec<ExternalRef>,
    /// The line of `PackageName`.
    pub line: usize,
}

/// One file block (the release SBOM lists the release tarballs as files).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct File {
    pub name: String,
    pub spdx_id: String,
    pub checksums: Vec<(String, String)>,
    pub line: usize,
}

/// `ExternalRef: CATEGORY TYPE LOCATOR`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExternalRef {
    pub category: String,
    pub kind: String,
    pub locator: String,
}

/// `Relationship: A TYPE B`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relationship {
    pub element: String,
    pub kind: String,
    pub related: String,
    pub line: usize,
}

/// The section being read.
enum Section {
    Document,
    Package(Package, Option<usize>),
    File(File, Option<usize>),
    /// A snippet or an extracted licence: fields are accepted and not kept.
    Other,
}

/// Parses an SPDX 2.x tag-value document.
pub fn parse(bytes: &[u8]) -> Result<Document, SbomError> {
    let text = std::str::from_utf8(bytes).map_err(SbomError::NotUtf8)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut doc = Document::default();
    let mut version_seen = false;
    let mut doc_id_line: Option<usize> = None;
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut section = Section::Document;
    let mut lines = text.lines().enumerate().map(|(i, l)| (i + 1, l));
    while let Some((line, raw)) = lines.next() {
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let Some((tag, rest)) = trimmed.split_once(':') else {
            return Err(not_tag_value(line, trimmed));
        };
        let tag = tag.trim();
        if tag.is_empty() || !tag.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(not_tag_value(line, trimmed));
        }
        let mut value = rest.trim().to_owned();
        if let Some(after) = value.strip_prefix("<text>") {
            value = read_text(after, line, &mut lines)?;
        }
        match tag {
            "SPDXVersion" => {
                if !value.starts_with("SPDX-2.") {
                    return Err(SbomError::NotSpdx {
                        reason: format!("line {line}: SPDXVersion {value:?} is not SPDX-2.x"),
                    });
                }
                doc.spdx_version = value;
                version_seen = true;
            }
            "DocumentName" => doc.name = Some(value),
            "DocumentNamespace" => doc.namespace = Some(value),
            "Creator" => doc.creators.push(value),
            "PackageName" => {
                finish(
                    &mut doc,
                    &mut ids,
                    std::mem::replace(&mut section, Section::Other),
                )?;
                if doc.packages.len() >= MAX_ELEMENTS {
                    return Err(SbomError::TooMany {
                        what: "packages",
                        limit: MAX_ELEMENTS,
                    });
                }
                section = Section::Package(
                    Package {
                        name: value,
                        line,
                        ..Package::default()
                    },
                    None,
                );
            }
            "FileName" => {
                finish(
                    &mut doc,
                    &mut ids,
                    std::mem::replace(&mut section, Section::Other),
                )?;
                if doc.files.len() >= MAX_ELEMENTS {
                    return Err(SbomError::TooMany {
                        what: "files",
                        limit: MAX_ELEMENTS,
                    });
                }
                section = Section::File(
                    File {
                        name: value,
                        line,
                        ..File::default()
                    },
                    None,
                );
            }
            "SnippetSPDXID" | "LicenseID" => {
                finish(
                    &mut doc,
                    &mut ids,
                    std::mem::replace(&mut section, Section::Other),
                )?;
            }
            "SPDXID" => {
                check_id(&value, line)?;
                match &mut section {
                    Section::Document if doc_id_line.is_none() => {
                        doc_id_line = Some(line);
                        ids.insert(value.clone(), line);
                        doc.spdx_id = value;
                    }
                    Section::Document => {
                        return Err(SbomError::SecondId {
                            line,
                            kind: "document",
                            name: doc.name.clone().unwrap_or_default(),
                        });
                    }
                    Section::Package(p, id_line) => {
                        if id_line.is_some() {
                            return Err(SbomError::SecondId {
                                line,
                                kind: "package",
                                name: p.name.clone(),
                            });
                        }
                        p.spdx_id = value;
                        *id_line = Some(line);
                    }
                    Section::File(f, id_line) => {
                        if id_line.is_some() {
                            return Err(SbomError::SecondId {
                                line,
                                kind: "file",
                                name: f.name.clone(),
                            });
                        }
                        f.spdx_id = value;
                        *id_line = Some(line);
                    }
                    Section::Other => {}
                }
            }
            "Relationship" => {
                let parts: Vec<&str> = value.split_whitespace().collect();
                let [element, kind, related] = parts[..] else {
                    return Err(SbomError::BadRelationship {
                        line,
                        found: excerpt(&value),
                    });
                };
                if doc.relationships.len() >= MAX_ELEMENTS {
                    return Err(SbomError::TooMany {
                        what: "relationships",
                        limit: MAX_ELEMENTS,
                    });
                }
                doc.relationships.push(Relationship {
                    element: element.to_owned(),
                    kind: kind.to_owned(),
                    related: related.to_owned(),
                    line,
                });
            }
            "PackageVersion"
            | "PackageFileName"
            | "PackageDownloadLocation"
            | "PackageChecksum"
            | "ExternalRef"
            | "FilesAnalyzed"
            | "PackageSupplier"
            | "PackageOriginator"
            | "PackageVerificationCode"
            | "PackageLicenseConcluded"
            | "PackageLicenseDeclared"
            | "PackageCopyrightText"
            | "PrimaryPackagePurpose" => {
                let Section::Package(p, _) = &mut section else {
                    if matches!(section, Section::Other) {
                        continue;
                    }
                    return Err(SbomError::Orphan {
                        line,
                        tag: tag.to_owned(),
                    });
                };
                match tag {
                    "PackageVersion" => p.version = Some(value),
                    "PackageFileName" => p.file_name = Some(value),
                    "PackageDownloadLocation" => p.download_location = Some(value),
                    "PackageChecksum" => p.checksums.push(checksum(&value)),
                    "ExternalRef" => p.external_refs.push(external_ref(&value, line)?),
                    _ => {}
                }
            }
            "FileChecksum" => {
                if let Section::File(f, _) = &mut section {
                    f.checksums.push(checksum(&value));
                }
            }
            _ => {}
        }
    }
    finish(&mut doc, &mut ids, section)?;
    if !version_seen {
        return Err(SbomError::NotSpdx {
            reason: "it has no SPDXVersion line".to_owned(),
        });
    }
    if doc_id_line.is_none() {
        return Err(SbomError::NotSpdx {
            reason: "the document has no SPDXID".to_owned(),
        });
    }
    Ok(doc)
}

fn not_tag_value(line: usize, found: &str) -> SbomError {
    SbomError::NotTagValue {
        line,
        found: excerpt(found),
    }
}

/// At most 80 characters of a line, quoted.
fn excerpt(s: &str) -> String {
    crate::text::clip_quoted(s, 80)
}

/// The rest of a `<text>` value that started on `line` with `first` after the tag.
fn read_text<'a>(
    first: &str,
    line: usize,
    lines: &mut impl Iterator<Item = (usize, &'a str)>,
) -> Result<String, SbomError> {
    if let Some((inner, _)) = first.split_once("</text>") {
        return Ok(inner.to_owned());
    }
    let mut value = first.to_owned();
    for _ in 0..MAX_TEXT_LINES {
        let Some((_, next)) = lines.next() else {
            return Err(SbomError::UnclosedText { line });
        };
        value.push('\n');
        if let Some((inner, _)) = next.split_once("</text>") {
            value.push_str(inner);
            return Ok(value);
        }
        value.push_str(next);
    }
    Err(SbomError::UnclosedText { line })
}

fn check_id(id: &str, line: usize) -> Result<(), SbomError> {
    let ok = id.strip_prefix("SPDXRef-").is_some_and(|rest| {
        !rest.is_empty()
            && rest
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
    });
    if ok {
        Ok(())
    } else {
        Err(SbomError::BadId {
            line,
            id: id.to_owned(),
        })
    }
}

fn checksum(value: &str) -> (String, String) {
    match value.split_once(':') {
        Some((alg, v)) => (alg.trim().to_owned(), v.trim().to_ascii_lowercase()),
        None => (String::new(), value.trim().to_owned()),
    }
}

fn external_ref(value: &str, line: usize) -> Result<ExternalRef, SbomError> {
    let parts: Vec<&str> = value.split_whitespace().collect();
    let [category, kind, locator] = parts[..] else {
        return Err(SbomError::BadExternalRef {
            line,
            found: excerpt(value),
        });
    };
    Ok(ExternalRef {
        category: category.to_owned(),
        kind: kind.to_owned(),
        locator: locator.to_owned(),
    })
}

/// Closes a section: a package or file needs a unique `SPDXID`.
fn finish(
    doc: &mut Document,
    ids: &mut HashMap<String, usize>,
    section: Section,
) -> Result<(), SbomError> {
    let mut register = |id: &str, line: usize| {
        if let Some(&first) = ids.get(id) {
            return Err(SbomError::DuplicateId {
                line,
                id: id.to_owned(),
                first,
            });
        }
        ids.insert(id.to_owned(), line);
        Ok(())
    };
    match section {
        Section::Package(p, id_line) => {
            let Some(id_line) = id_line else {
                return Err(SbomError::MissingId {
                    line: p.line,
                    kind: "package",
                    name: p.name,
                });
            };
            register(&p.spdx_id, id_line)?;
            doc.packages.push(p);
        }
        Section::File(f, id_line) => {
            let Some(id_line) = id_line else {
                return Err(SbomError::MissingId {
                    line: f.line,
                    kind: "file",
                    name: f.name,
                });
            };
            register(&f.spdx_id, id_line)?;
            doc.files.push(f);
        }
        Section::Document | Section::Other => {}
    }
    Ok(())
}

/// `os/arch[/variant]`, as `--platform` and OCI indexes spell it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Platform {
    pub os: String,
    pub arch: String,
    pub variant: Option<String>,
}

impl Platform {
    /// Parses `linux/amd64` or `linux/arm/v7`.
    pub fn parse(s: &str) -> Option<Self> {
        let parts: Vec<&str> = s.split('/').collect();
        let ok = |p: &str| {
            !p.is_empty()
                && p.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        };
        match parts[..] {
            [os, arch] if ok(os) && ok(arch) => Some(Self {
                os: os.to_owned(),
                arch: arch.to_owned(),
                variant: None,
            }),
            [os, arch, variant] if ok(os) && ok(arch) && ok(variant) => Some(Self {
                os: os.to_owned(),
                arch: arch.to_owned(),
                variant: Some(variant.to_owned()),
            }),
            _ => None,
        }
    }

    /// Whether `self` (what `--platform` asks for) covers `other`: a request without a
    /// variant covers every variant.
    pub fn covers(&self, other: &Platform) -> bool {
        self.os == other.os
            && self.arch == other.arch
            && (self.variant.is_none() || self.variant == other.variant)
    }
}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.os, self.arch)?;
        if let Some(v) = &self.variant {
            write!(f, "/{v}")?;
        }
        Ok(())
    }
}

/// The architectures Kubernetes builds images for, as the suffix of per-architecture image
/// names (`kube-apiserver-amd64`).
pub const KUBERNETES_ARCHES: &[&str] = &["amd64", "arm", "arm64", "ppc64le", "s390x", "386"];

/// An image the SBOM lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SbomImage {
    /// `registry.k8s.io/kube-apiserver-amd64:v1.35.0` (with `@sha256:…` when a purl pins it).
    pub reference: String,
    /// From the purl's `arch`/`os`, a `NAME (arch/os)` package name, or the name's
    /// architecture suffix; `None` for a multi-architecture image.
    pub platform: Option<Platform>,
    pub spdx_id: String,
    /// The line of its `PackageName`.
    pub line: usize,
    /// How many packages it `CONTAINS` (its layers).
    pub layers: usize,
}

/// The images on `registry` (`registry.k8s.io`) the document lists, in document order,
/// each once. See the module documentation for what counts as an image.
pub fn images(doc: &Document, registry: &str) -> Vec<SbomImage> {
    let mut candidates: Vec<(&Package, ImageRef, Option<Platform>)> = Vec::new();
    for p in &doc.packages {
        if let Some((reference, platform)) = package_image(p, registry) {
            candidates.push((p, reference, platform));
        }
    }
    let image_ids: HashSet<&str> = candidates
        .iter()
        .map(|(p, ..)| p.spdx_id.as_str())
        .collect();
    let mut contained_by_image: HashSet<&str> = HashSet::new();
    let mut contains: HashMap<&str, usize> = HashMap::new();
    for r in &doc.relationships {
        let (parent, child) = match r.kind.as_str() {
            "CONTAINS" => (r.element.as_str(), r.related.as_str()),
            "CONTAINED_BY" => (r.related.as_str(), r.element.as_str()),
            _ => continue,
        };
        if image_ids.contains(parent) && parent != child {
            contained_by_image.insert(child);
            *contains.entry(parent).or_default() += 1;
        }
    }
    let mut seen = HashSet::new();
    candidates
        .into_iter()
        .filter(|(p, ..)| !contained_by_image.contains(p.spdx_id.as_str()))
        .filter(|(_, r, _)| seen.insert(r.original().to_owned()))
        .map(|(p, r, platform)| SbomImage {
            reference: r.original().to_owned(),
            platform,
            spdx_id: p.spdx_id.clone(),
            line: p.line,
            layers: contains.get(p.spdx_id.as_str()).copied().unwrap_or(0),
        })
        .collect()
}

/// The image a package describes, if it is one on `registry`.
fn package_image(p: &Package, registry: &str) -> Option<(ImageRef, Option<Platform>)> {
    // bom names the platform variants of an index `NAME (arch/os)`.
    let (name, name_platform) = match p.name.trim().split_once(" (") {
        Some((n, rest)) => {
            let inside = rest.strip_suffix(')')?;
            let platform = inside.split_once('/').map(|(arch, os)| Platform {
                os: os.to_owned(),
                arch: arch.to_owned(),
                variant: None,
            });
            (n.trim(), platform)
        }
        None => (p.name.trim(), None),
    };
    let purl = p
        .external_refs
        .iter()
        .filter(|r| r.kind == "purl")
        .find_map(|r| OciPurl::parse(&r.locator));
    let from_name = ImageRef::parse(name)
        .ok()
        .filter(|r| r.registry() == registry);
    let mut reference = match (&purl, &from_name) {
        (Some(purl), _) if purl.repository.split('/').next() == Some(registry) => {
            let tag = purl
                .tag
                .clone()
                .or_else(|| from_name.as_ref().and_then(|r| r.tag().map(str::to_owned)))
                .or_else(|| p.version.clone());
            let mut s = purl.repository.clone();
            if let Some(t) = tag {
                s = format!("{s}:{t}");
            }
            if let Some(d) = &purl.digest {
                s = format!("{s}@{d}");
            }
            ImageRef::parse(&s).ok()?
        }
        (_, Some(r)) => r.clone(),
        _ => return None,
    };
    if reference.tag().is_none()
        && reference.digest().is_none()
        && let Some(v) = &p.version
    {
        reference = ImageRef::parse(&format!("{}:{v}", reference.original())).ok()?;
    }
    if reference.tag().is_none() && reference.digest().is_none() {
        return None;
    }
    let platform = purl
        .as_ref()
        .and_then(|u| {
            u.arch.as_ref().map(|arch| Platform {
                os: u.os.clone().unwrap_or_else(|| "linux".to_owned()),
                arch: arch.clone(),
                variant: u.variant.clone(),
            })
        })
        .or(name_platform)
        .or_else(|| {
            let last = reference.repository().rsplit('/').next()?;
            let (_, arch) = last.rsplit_once('-')?;
            KUBERNETES_ARCHES.contains(&arch).then(|| Platform {
                os: "linux".to_owned(),
                arch: arch.to_owned(),
                variant: None,
            })
        });
    Some((reference, platform))
}

/// The parts of a `pkg:oci/NAME@DIGEST?repository_url=…&tag=…&arch=…` purl that name an
/// image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OciPurl {
    /// `registry.k8s.io/kube-apiserver-amd64`: `repository_url`, with the name appended
    /// when it does not already end with it.
    pub repository: String,
    pub digest: Option<String>,
    pub tag: Option<String>,
    pub arch: Option<String>,
    pub os: Option<String>,
    pub variant: Option<String>,
}

impl OciPurl {
    /// Parses an OCI purl; `None` for any other purl type or a broken one.
    pub fn parse(purl: &str) -> Option<Self> {
        let rest = purl.strip_prefix("pkg:oci/")?;
        let (rest, _subpath) = rest.split_once('#').unwrap_or((rest, ""));
        let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
        let (name, version) = match path.split_once('@') {
            Some((n, v)) => (n, Some(percent_decode(v)?)),
            None => (path, None),
        };
        let name = percent_decode(name)?;
        let mut out = Self {
            repository: String::new(),
            digest: version.filter(|v| v.contains(':')),
            tag: None,
            arch: None,
            os: None,
            variant: None,
        };
        let mut repository_url = None;
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=')?;
            let v = percent_decode(v)?;
            match k {
                "repository_url" => repository_url = Some(v),
                "tag" => out.tag = Some(v),
                "arch" => out.arch = Some(v),
                "os" => out.os = Some(v),
                "variant" => out.variant = Some(v),
                _ => {}
            }
        }
        let repo_url = repository_url?;
        let repo_url = repo_url
            .trim_start_matches("https://")
            .trim_end_matches('/');
        out.repository = if repo_url.rsplit('/').next() == Some(name.as_str()) {
            repo_url.to_owned()
        } else {
            format!("{repo_url}/{name}")
        };
        Some(out)
    }
}

/// `%XX` decoding; `None` for a broken escape or a result that is not UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "SPDXVersion: SPDX-2.3\nDataLicense: CC0-1.0\nSPDXID: SPDXRef-DOCUMENT\n\
                        DocumentName: kubernetes-v1.35.0\n\
                        DocumentNamespace: https://sbom.k8s.io/v1.35.0/release\n\
                        Creator: Tool: bom-v0.6.0\n";

    fn image_package(name: &str, id: &str) -> String {
        format!(
            "\n##### Package: {name}\n\nPackageName: {name}\nSPDXID: {id}\n\
             PackageDownloadLocation: NOASSERTION\nFilesAnalyzed: false\n"
        )
    }

    #[test]
    fn a_bom_style_document_parses_into_packages_files_and_relationships() {
        let text = format!(
            "{HEAD}Created: 2025-12-17T00:00:00Z\n\
             DocumentComment: <text>first line\nsecond: line with a colon\n</text>\n\
             {}\
             PackageChecksum: SHA256: ABCDEF\n\
             ExternalRef: PACKAGE-MANAGER purl pkg:oci/kube-apiserver-amd64?repository_url=registry.k8s.io&tag=v1.35.0&arch=amd64\n\
             {}\
             Relationship: SPDXRef-Package-a CONTAINS SPDXRef-Package-a-sha256-00\n\
             \nFileName: kubernetes-client-linux-amd64.tar.gz\nSPDXID: SPDXRef-File-client\n\
             FileChecksum: SHA256: 00\n\
             Relationship: SPDXRef-DOCUMENT DESCRIBES SPDXRef-Package-a\n",
            image_package(
                "registry.k8s.io/kube-apiserver-amd64:v1.35.0",
                "SPDXRef-Package-a"
            ),
            image_package("sha256:00", "SPDXRef-Package-a-sha256-00"),
        );
        let doc = parse(text.as_bytes()).expect("parses");
        assert_eq!(doc.spdx_version, "SPDX-2.3");
        assert_eq!(doc.spdx_id, "SPDXRef-DOCUMENT");
        assert_eq!(doc.packages.len(), 2);
        assert_eq!(doc.files.len(), 1);
        assert_eq!(doc.relationships.len(), 2);
        let p = &doc.packages[0];
        assert_eq!(p.checksums, vec![("SHA256".into(), "abcdef".into())]);
        assert_eq!(p.external_refs[0].kind, "purl");
        let images = images(&doc, "registry.k8s.io");
        assert_eq!(images.len(), 1);
        assert_eq!(
            images[0].reference,
            "registry.k8s.io/kube-apiserver-amd64:v1.35.0"
        );
        assert_eq!(
            images[0].platform.as_ref().unwrap().to_string(),
            "linux/amd64"
        );
        assert_eq!(images[0].layers, 1);
    }

    #[test]
    fn malformed_documents_name_the_line() {
        let cases: Vec<(String, &str)> = vec![
            (String::new(), "has no SPDXVersion"),
            ("SPDXVersion: SPDX-3.0\n".into(), "is not SPDX-2.x"),
            (
                format!("{HEAD}this is not tag value\n"),
                "line 7: expected `Tag: value`",
            ),
            (
                format!(
                    "{HEAD}PackageName: a\nPackageVersion: 1\n\nPackageName: b\nSPDXID: SPDXRef-b\n"
                ),
                "line 7: the package \"a\" has no SPDXID",
            ),
            (
                format!(
                    "{HEAD}PackageName: a\nSPDXID: SPDXRef-x\nPackageName: b\nSPDXID: SPDXRef-x\n"
                ),
                "line 10: SPDXID SPDXRef-x is already used on line 8",
            ),
            (
                format!("{HEAD}PackageName: a\nSPDXID: SPDXRef-a/b\n"),
                "line 8: \"SPDXRef-a/b\" is not an SPDX identifier",
            ),
            (
                format!("{HEAD}PackageVersion: 1\n"),
                "line 7: PackageVersion outside a package",
            ),
            (
                format!("{HEAD}PackageComment: <text>never\nclosed\n"),
                "line 7: the <text> value opened here is never closed",
            ),
            (
                format!("{HEAD}Relationship: SPDXRef-a CONTAINS\n"),
                "line 7: Relationship needs",
            ),
            (
                format!("{HEAD}PackageName: a\nSPDXID: SPDXRef-a\nExternalRef: purl pkg:oci/x\n"),
                "line 9: ExternalRef needs",
            ),
            (
                "SPDXVersion: SPDX-2.3\nDataLicense: CC0-1.0\n".into(),
                "the document has no SPDXID",
            ),
        ];
        for (text, want) in cases {
            let err = parse(text.as_bytes()).expect_err(want).to_string();
            assert!(err.contains(want), "wanted {want:?}, got {err}");
        }
        assert!(matches!(
            parse(b"SPDXVersion: SPDX-2.3\n\xff\n"),
            Err(SbomError::NotUtf8(_))
        ));
    }

    #[test]
    fn images_come_from_names_and_purls_not_from_identifiers() {
        let text = format!(
            "{HEAD}{}{}{}\
             ExternalRef: PACKAGE-MANAGER purl pkg:oci/pause@sha256%3A{}?repository_url=registry.k8s.io%2Fpause&tag=3.10&arch=arm64&os=linux\n\
             {}{}{}",
            // A nested path and a tag that does not start with v1.
            image_package(
                "registry.k8s.io/build-image/go-runner-amd64:v2.4.0-go1.25",
                "SPDXRef-Package-registry.k8s.io-build-image-go-runner-amd64-v2.4.0-go1.25"
            ),
            // A name with `-v1` in it.
            image_package(
                "registry.k8s.io/kube-v1alpha-shim-arm:v1.35.0",
                "SPDXRef-Package-registry.k8s.io-kube-v1alpha-shim-arm-v1.35.0"
            ),
            // A purl that pins the digest and names the platform.
            image_package("registry.k8s.io/pause", "SPDXRef-Package-pause"),
            "ab".repeat(32),
            // Elsewhere, or no tag: not a release image.
            image_package("docker.io/library/busybox:1.36", "SPDXRef-Package-busybox"),
            image_package("registry.k8s.io/untagged", "SPDXRef-Package-untagged"),
            // The same image twice is listed once.
            image_package(
                "registry.k8s.io/kube-v1alpha-shim-arm:v1.35.0",
                "SPDXRef-Package-again"
            ),
        );
        let doc = parse(text.as_bytes()).expect("parses");
        let got: Vec<(String, Option<String>)> = images(&doc, "registry.k8s.io")
            .into_iter()
            .map(|i| (i.reference, i.platform.map(|p| p.to_string())))
            .collect();
        let digest = format!("sha256:{}", "ab".repeat(32));
        assert_eq!(
            got,
            vec![
                (
                    "registry.k8s.io/build-image/go-runner-amd64:v2.4.0-go1.25".to_owned(),
                    Some("linux/amd64".to_owned())
                ),
                (
                    "registry.k8s.io/kube-v1alpha-shim-arm:v1.35.0".to_owned(),
                    Some("linux/arm".to_owned())
                ),
                (
                    format!("registry.k8s.io/pause:3.10@{digest}"),
                    Some("linux/arm64".to_owned())
                ),
            ]
        );
    }

    #[test]
    fn oci_purls() {
        let p = OciPurl::parse(
            "pkg:oci/nginx@sha256%3A4ed6?repository_url=index.docker.io%2Flibrary&tag=nginx",
        )
        .expect("parses");
        assert_eq!(p.repository, "index.docker.io/library/nginx");
        assert_eq!(p.digest.as_deref(), Some("sha256:4ed6"));
        assert_eq!(OciPurl::parse("pkg:deb/debian/bash@5.1"), None);
        assert_eq!(OciPurl::parse("pkg:oci/x?repository_url=%zz"), None);
    }

    #[test]
    fn platforms() {
        let p = Platform::parse("linux/arm/v7").expect("parses");
        assert_eq!(p.to_string(), "linux/arm/v7");
        assert!(Platform::parse("linux/arm").expect("parses").covers(&p));
        assert!(!p.covers(&Platform::parse("linux/arm").expect("parses")));
        for bad in [
            "linux",
            "linux/",
            "/amd64",
            "Linux/amd64",
            "a/b/c/d",
            "linux/amd 64",
        ] {
            assert_eq!(Platform::parse(bad), None, "{bad}");
        }
    }
}
