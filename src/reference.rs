//! Image references: the distribution reference grammar, Docker Hub normalisation, and the
//! original spelling (which is what gets written back when pinning).
//!
//! Grammar (github.com/distribution/reference, `reference.go`):
//!
//! ```text
//! reference  := name [ ":" tag ] [ "@" digest ]
//! name       := [domain "/"] path-component ["/" path-component]*
//! domain     := host [":" port]          host := domain-name | IPv4 | "[" IPv6 "]"
//! path-comp  := [a-z0-9]+ (([_.]|__|-+) [a-z0-9]+)*
//! tag        := [\w][\w.-]{0,127}
//! digest     := "sha256:" 64 lowercase hex digits | "sha512:" 128 lowercase hex digits
//! ```
//!
//! The digest algorithms are the two the OCI image spec registers; its grammar allows others,
//! which nothing here could check, so they are refused rather than ignored.
//!
//! The first component is a registry host only when it contains `.` or `:`, is `localhost`, or
//! contains an uppercase letter (as docker does), so `library/nginx` stays a Docker Hub path.

use std::fmt;

/// The registry host Docker Hub references normalise to.
pub const DOCKER_HUB: &str = "docker.io";
const DOCKER_HUB_LEGACY: &str = "index.docker.io";
const NAME_MAX: usize = 255;

/// A content digest algorithm registered by the OCI image spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Algorithm {
    Sha256,
    Sha512,
}

impl Algorithm {
    /// The name before the `:` of a digest.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Sha256 => "sha256",
            Self::Sha512 => "sha512",
        }
    }

    /// How many hex digits an encoded digest of this algorithm has.
    pub fn hex_len(self) -> usize {
        match self {
            Self::Sha256 => 64,
            Self::Sha512 => 128,
        }
    }

    fn from_name(name: &str) -> Option<Self> {
        match name {
            "sha256" => Some(Self::Sha256),
            "sha512" => Some(Self::Sha512),
            _ => None,
        }
    }
}

/// A content digest: `sha256:` with 64 or `sha512:` with 128 lowercase hex digits (the OCI
/// image spec's registered algorithms; it forbids uppercase hex for both).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(transparent)]
pub struct Digest(String);

impl Digest {
    /// Parses `sha256:<64 hex>` or `sha512:<128 hex>`; anything else is an error quoting (the
    /// start of) the text.
    pub fn parse(s: &str) -> Result<Self, ReferenceError> {
        let bad = || ReferenceError::BadDigest(excerpt(s));
        let (name, hex) = s.split_once(':').ok_or_else(bad)?;
        let algorithm = Algorithm::from_name(name).ok_or_else(bad)?;
        if hex.len() != algorithm.hex_len()
            || !hex
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        {
            return Err(bad());
        }
        Ok(Self(s.to_owned()))
    }

    /// The sha256 digest of `bytes` (what registries compute for content they store).
    pub fn of(bytes: &[u8]) -> Self {
        Self::of_algorithm(Algorithm::Sha256, bytes)
    }

    /// The digest of `bytes` with `algorithm`.
    pub fn of_algorithm(algorithm: Algorithm, bytes: &[u8]) -> Self {
        use sha2::Digest as _;
        let hex = match algorithm {
            Algorithm::Sha256 => hex::encode(sha2::Sha256::digest(bytes)),
            Algorithm::Sha512 => hex::encode(sha2::Sha512::digest(bytes)),
        };
        Self(format!("{}:{hex}", algorithm.as_str()))
    }

    /// True when `bytes` hash to this digest under its own algorithm.
    pub fn matches(&self, bytes: &[u8]) -> bool {
        Self::of_algorithm(self.algorithm(), bytes) == *self
    }

    pub fn algorithm(&self) -> Algorithm {
        if self.0.starts_with("sha512:") {
            Algorithm::Sha512
        } else {
            Algorithm::Sha256
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The hex digits without the algorithm.
    pub fn hex(&self) -> &str {
        &self.0[self.algorithm().as_str().len() + 1..]
    }

    /// The first 12 hex digits, as `docker images` shows them.
    pub fn short(&self) -> &str {
        &self.hex()[..12]
    }

    /// `sha256-<hex>` (or `sha512-<hex>`): how cosign names the tags holding signatures of
    /// this digest (`<that>.sig`, and the OCI 1.1 referrers fallback `<that>`).
    pub fn tag_form(&self) -> String {
        format!("{}-{}", self.algorithm().as_str(), self.hex())
    }
}

/// At most [`EXCERPT_MAX`] bytes of `text` (cut at a character boundary, `…` appended when
/// cut), so that a hostile value is never echoed whole into a message.
pub fn excerpt(text: &str) -> String {
    crate::text::clip(text, EXCERPT_MAX)
}

/// How much of a user's or server's text a message quotes.
pub const EXCERPT_MAX: usize = 200;

impl fmt::Display for Digest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Why a string is not an image reference. Each message quotes the offending text, at most
/// [`EXCERPT_MAX`] bytes of it (an image value may be megabytes long).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReferenceError {
    /// The value is empty (or null in YAML): there is nothing to resolve.
    #[error("empty image reference")]
    Empty,
    /// A template expression (`{{ … }}`) where a reference belongs: the file parsed as YAML,
    /// but this value was never rendered.
    #[error(
        "image reference {0:?} is an unrendered template ({{{{ … }}}}); render it first, e.g. `helm template …`"
    )]
    Template(String),
    /// Whitespace is never part of a reference; usually a copy-paste accident.
    #[error("image reference {0:?} contains whitespace")]
    Whitespace(String),
    /// Repository paths are lowercase in the distribution grammar.
    #[error("repository name must be lowercase: {0:?}")]
    Uppercase(String),
    /// The name part does not follow the grammar.
    #[error("invalid repository name {0:?}")]
    BadName(String),
    /// The registry host part does not follow the grammar.
    #[error("invalid registry host {0:?}")]
    BadHost(String),
    /// The tag does not follow `[\w][\w.-]{0,127}`.
    #[error(
        "invalid tag {0:?}: tags are 1-128 characters of [A-Za-z0-9_.-], not starting with '.' or '-'"
    )]
    BadTag(String),
    /// The digest is not `sha256:` with 64 or `sha512:` with 128 lowercase hex digits.
    #[error(
        "invalid digest {0:?}: expected sha256: with 64 or sha512: with 128 lowercase hex digits"
    )]
    BadDigest(String),
    /// Names longer than 255 characters are rejected by registries.
    #[error("repository name {0:?} is longer than 255 characters")]
    TooLong(String),
}

/// A parsed image reference. `original` keeps the user's spelling; `registry` and `repository`
/// are normalised for lookups (`nginx` → `docker.io` + `library/nginx`).
///
/// ```
/// use kubectl_verify::reference::{Digest, ImageRef};
///
/// let r = ImageRef::parse("nginx:1.27").unwrap();
/// assert_eq!(r.canonical(), "docker.io/library/nginx:1.27");
/// // Pinning writes the name back as it was spelled.
/// let d = Digest::of(b"manifest bytes");
/// assert_eq!(r.pinned(&d, false), format!("nginx@{d}"));
/// assert_eq!(r.pinned(&d, true), format!("nginx:1.27@{d}"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ImageRef {
    original: String,
    /// The name as written, without tag or digest (`nginx`, `ghcr.io/a/b`).
    name: String,
    registry: String,
    repository: String,
    tag: Option<String>,
    digest: Option<Digest>,
}

impl ImageRef {
    /// Parses a reference as it appears in a manifest or on the command line.
    pub fn parse(s: &str) -> Result<Self, ReferenceError> {
        if s.is_empty() {
            return Err(ReferenceError::Empty);
        }
        // Before the grammar checks: "contains whitespace" would hide what is wrong.
        if s.contains("{{") {
            return Err(ReferenceError::Template(excerpt(s)));
        }
        if s.chars().any(char::is_whitespace) {
            return Err(ReferenceError::Whitespace(excerpt(s)));
        }
        let (rest, digest) = match s.split_once('@') {
            Some((rest, d)) => (rest, Some(Digest::parse(d)?)),
            None => (s, None),
        };
        // A tag follows the last ':' only if no '/' comes after it (else it is a port).
        let (name, tag) = match rest.rfind(':') {
            Some(i) if !rest[i + 1..].contains('/') && !rest[i + 1..].contains(']') => {
                (&rest[..i], Some(&rest[i + 1..]))
            }
            _ => (rest, None),
        };
        if let Some(t) = tag
            && !valid_tag(t)
        {
            return Err(ReferenceError::BadTag(excerpt(t)));
        }
        if name.is_empty() {
            return Err(ReferenceError::BadName(excerpt(s)));
        }
        if name.len() > NAME_MAX {
            return Err(ReferenceError::TooLong(excerpt(name)));
        }
        let (host, path) = split_domain(name);
        if let Some(h) = host
            && !valid_host(h)
        {
            return Err(ReferenceError::BadHost(excerpt(h)));
        }
        if path.bytes().any(|b| b.is_ascii_uppercase()) {
            return Err(ReferenceError::Uppercase(excerpt(name)));
        }
        if !path.split('/').all(valid_path_component) {
            return Err(ReferenceError::BadName(excerpt(name)));
        }
        let registry = match host {
            None | Some(DOCKER_HUB_LEGACY) => DOCKER_HUB.to_owned(),
            Some(h) => h.to_owned(),
        };
        let repository = if registry == DOCKER_HUB && !path.contains('/') {
            format!("library/{path}")
        } else {
            path.to_owned()
        };
        // The limit is on the normalised name, as docker's ParseNormalizedNamed applies it:
        // `aaa…` of 250 bytes is `docker.io/library/aaa…`, which no registry will serve, and
        // whose canonical form would not parse again.
        if registry.len() + 1 + repository.len() > NAME_MAX {
            return Err(ReferenceError::TooLong(excerpt(name)));
        }
        Ok(Self {
            original: s.to_owned(),
            name: name.to_owned(),
            registry,
            repository,
            tag: tag.map(str::to_owned),
            digest,
        })
    }

    /// The reference exactly as written.
    pub fn original(&self) -> &str {
        &self.original
    }

    /// The normalised registry host (`docker.io` for Docker Hub).
    pub fn registry(&self) -> &str {
        &self.registry
    }

    /// The normalised repository path (`library/nginx`).
    pub fn repository(&self) -> &str {
        &self.repository
    }

    pub fn tag(&self) -> Option<&str> {
        self.tag.as_deref()
    }

    pub fn digest(&self) -> Option<&Digest> {
        self.digest.as_ref()
    }

    /// True when the reference names a digest (with or without a tag).
    pub fn is_pinned(&self) -> bool {
        self.digest.is_some()
    }

    /// The tag a lookup uses: the written tag, or `latest` as docker and kubelet assume.
    pub fn tag_or_latest(&self) -> &str {
        self.tag.as_deref().unwrap_or("latest")
    }

    /// `registry/repository`, normalised: the key under which images are the same repository.
    pub fn canonical_repository(&self) -> String {
        format!("{}/{}", self.registry, self.repository)
    }

    /// The fully normalised reference: `docker.io/library/nginx:latest`, or `…@sha256:…`
    /// when a digest is present (the digest is what a lookup uses then).
    pub fn canonical(&self) -> String {
        match (&self.digest, &self.tag) {
            (Some(d), Some(t)) => format!("{}:{t}@{d}", self.canonical_repository()),
            (Some(d), None) => format!("{}@{d}", self.canonical_repository()),
            (None, _) => format!("{}:{}", self.canonical_repository(), self.tag_or_latest()),
        }
    }

    /// The pinned spelling written back into a manifest: the original name, `@digest`, and the
    /// tag too when `keep_tag` is set and one was written.
    pub fn pinned(&self, digest: &Digest, keep_tag: bool) -> String {
        match (&self.tag, keep_tag) {
            (Some(t), true) => format!("{}:{t}@{digest}", self.name),
            _ => format!("{}@{digest}", self.name),
        }
    }

    /// The same image by digest, in canonical form.
    #[must_use]
    pub fn with_digest(&self, digest: &Digest) -> Self {
        let mut r = self.clone();
        r.digest = Some(digest.clone());
        r.original = self.pinned(digest, true);
        r
    }

    /// The same repository at another registry, used for `--registry-mirror`: the lookup goes
    /// to `host`/`prefix`, the reference keeps its own spelling everywhere else.
    #[must_use]
    pub fn at_registry(&self, host: &str, prefix: &str) -> Self {
        let mut r = self.clone();
        host.clone_into(&mut r.registry);
        r.repository = if prefix.is_empty() {
            self.repository.clone()
        } else {
            format!("{prefix}/{}", self.repository)
        };
        r
    }
}

impl fmt::Display for ImageRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.original)
    }
}

fn split_domain(name: &str) -> (Option<&str>, &str) {
    match name.split_once('/') {
        Some((first, rest))
            if first.contains(['.', ':'])
                || first == "localhost"
                || first.bytes().any(|b| b.is_ascii_uppercase()) =>
        {
            (Some(first), rest)
        }
        _ => (None, name),
    }
}

/// True when `t` is a tag by the distribution grammar (`[\w][\w.-]{0,127}`).
pub fn valid_tag(t: &str) -> bool {
    let b = t.as_bytes();
    !b.is_empty()
        && b.len() <= 128
        && (b[0].is_ascii_alphanumeric() || b[0] == b'_')
        && b[1..]
            .iter()
            .all(|&c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'-'))
}

fn valid_path_component(c: &str) -> bool {
    // [a-z0-9]+ (([_.]|__|-+) [a-z0-9]+)*
    let b = c.as_bytes();
    let alnum = |x: u8| x.is_ascii_lowercase() || x.is_ascii_digit();
    if b.is_empty() || !alnum(b[0]) || !alnum(b[b.len() - 1]) {
        return false;
    }
    let mut i = 0;
    while i < b.len() {
        if alnum(b[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && !alnum(b[i]) {
            i += 1;
        }
        let sep = &c[start..i];
        let ok = sep == "." || sep == "_" || sep == "__" || sep.bytes().all(|x| x == b'-');
        if !ok {
            return false;
        }
    }
    true
}

fn valid_host(h: &str) -> bool {
    let (host, port) = if let Some(rest) = h.strip_prefix('[') {
        // IPv6 literal: [addr] or [addr]:port
        let Some((addr, after)) = rest.split_once(']') else {
            return false;
        };
        if addr.parse::<std::net::Ipv6Addr>().is_err() {
            return false;
        }
        match after {
            "" => return true,
            p => match p.strip_prefix(':') {
                Some(port) => ("x", Some(port)),
                None => return false,
            },
        }
    } else {
        match h.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (h, None),
        }
    };
    if let Some(p) = port
        && (p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return false;
    }
    let label_ok = |l: &str| {
        let b = l.as_bytes();
        !b.is_empty()
            && b[0].is_ascii_alphanumeric()
            && b[b.len() - 1].is_ascii_alphanumeric()
            && b.iter().all(|&c| c.is_ascii_alphanumeric() || c == b'-')
    };
    host.split('.').all(label_ok)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by `fuzz/fuzz_targets/reference.rs`: a 238-byte Docker Hub name was accepted
    /// though its normalised form (`docker.io/library/…`) is over 255 bytes, so the canonical
    /// form did not parse again.
    #[test]
    fn name_limit_applies_to_the_normalised_name() {
        let found = include_str!("../tests/data/fuzz-regressions/reference/canonical-too-long");
        assert!(matches!(
            ImageRef::parse(found),
            Err(ReferenceError::TooLong(_))
        ));
        let short = "a".repeat(255 - "docker.io/library/".len());
        let r = ImageRef::parse(&short).unwrap();
        assert_eq!(
            ImageRef::parse(&r.canonical()).unwrap().canonical(),
            r.canonical()
        );
        let long = "a".repeat(256 - "docker.io/library/".len());
        assert!(matches!(
            ImageRef::parse(&long),
            Err(ReferenceError::TooLong(_))
        ));
        assert!(ImageRef::parse(&format!("ghcr.io/{}", "a".repeat(247))).is_ok());
    }

    const D: &str = "sha256:0000000000000000000000000000000000000000000000000000000000000001";

    #[test]
    fn normalises_like_docker() {
        let table: &[(&str, &str, &str, &str)] = &[
            ("nginx", DOCKER_HUB, "library/nginx", "latest"),
            ("nginx:1.25", DOCKER_HUB, "library/nginx", "1.25"),
            ("library/nginx", DOCKER_HUB, "library/nginx", "latest"),
            (
                "index.docker.io/library/nginx:1",
                DOCKER_HUB,
                "library/nginx",
                "1",
            ),
            ("docker.io/nginx", DOCKER_HUB, "library/nginx", "latest"),
            ("bitnami/redis:7", DOCKER_HUB, "bitnami/redis", "7"),
            (
                "registry.k8s.io/kube-apiserver:v1.31.0",
                "registry.k8s.io",
                "kube-apiserver",
                "v1.31.0",
            ),
            ("localhost:5000/a/b/c:t", "localhost:5000", "a/b/c", "t"),
            ("localhost/x", "localhost", "x", "latest"),
            ("127.0.0.1:5000/x:y", "127.0.0.1:5000", "x", "y"),
            ("[::1]:5000/x:y", "[::1]:5000", "x", "y"),
            ("[fe80::1]/x", "[fe80::1]", "x", "latest"),
            (
                "ghcr.io/o/r/sub__x/a-b.c_d:T_1.2-3",
                "ghcr.io",
                "o/r/sub__x/a-b.c_d",
                "T_1.2-3",
            ),
        ];
        for (input, reg, repo, tag) in table {
            let r = ImageRef::parse(input).unwrap_or_else(|e| panic!("{input}: {e}"));
            assert_eq!(
                (r.registry(), r.repository(), r.tag_or_latest()),
                (*reg, *repo, *tag),
                "{input}"
            );
            assert_eq!(r.original(), *input);
        }
    }

    #[test]
    fn digests_and_tags_together() {
        let r = ImageRef::parse(&format!("nginx:1.25@{D}")).unwrap();
        assert_eq!(r.tag(), Some("1.25"));
        assert_eq!(r.digest().unwrap().as_str(), D);
        assert!(r.is_pinned());
        let r = ImageRef::parse(&format!("localhost:5000/x@{D}")).unwrap();
        assert_eq!((r.registry(), r.tag()), ("localhost:5000", None));
    }

    #[test]
    fn pinned_keeps_original_spelling() {
        let d = Digest::parse(D).unwrap();
        let r = ImageRef::parse("nginx:1.25").unwrap();
        assert_eq!(r.pinned(&d, false), format!("nginx@{D}"));
        assert_eq!(r.pinned(&d, true), format!("nginx:1.25@{D}"));
        let r = ImageRef::parse("index.docker.io/library/nginx").unwrap();
        assert_eq!(
            r.pinned(&d, true),
            format!("index.docker.io/library/nginx@{D}")
        );
    }

    #[test]
    fn errors_quote_the_bad_text() {
        let table: &[(&str, &str)] = &[
            ("", "empty image reference"),
            (
                "nginx :1",
                "image reference \"nginx :1\" contains whitespace",
            ),
            ("Nginx:1", "repository name must be lowercase: \"Nginx\""),
            (
                "{{ .Values.image }}",
                "image reference \"{{ .Values.image }}\" is an unrendered template",
            ),
            (
                "registry.example.com/app:{{.Chart.AppVersion}}",
                "image reference \"registry.example.com/app:{{.Chart.AppVersion}}\" is an unrendered template",
            ),
            (
                "ghcr.io/Org/app",
                "repository name must be lowercase: \"ghcr.io/Org/app\"",
            ),
            ("nginx@sha256:abc", "invalid digest \"sha256:abc\""),
            ("nginx@md5:abc", "invalid digest \"md5:abc\""),
            ("nginx:-bad", "invalid tag \"-bad\""),
            ("nginx:.bad", "invalid tag \".bad\""),
            ("a//b", "invalid repository name \"a//b\""),
            ("a/b-", "invalid repository name \"a/b-\""),
            ("a/b...c", "invalid repository name \"a/b...c\""),
            (
                "bad_host.io:port/x",
                "invalid registry host \"bad_host.io:port\"",
            ),
            ("[::zz]:5000/x", "invalid registry host \"[::zz]:5000\""),
        ];
        for (input, want) in table {
            let e = ImageRef::parse(input).expect_err(input).to_string();
            assert!(
                e.starts_with(want),
                "{input}: got {e:?}, want prefix {want:?}"
            );
        }
        let long = format!("nginx:{}", "a".repeat(129));
        assert!(matches!(
            ImageRef::parse(&long),
            Err(ReferenceError::BadTag(_))
        ));
        assert!(ImageRef::parse(&format!("nginx:{}", "a".repeat(128))).is_ok());
    }

    /// Issue 8: a `sha512:` digest (allowed by the OCI spec) did not parse, so an index child
    /// written that way was silently dropped; uppercase hex must stay refused.
    #[test]
    fn digests_in_every_oci_algorithm() {
        let h64 = "0123456789abcdef".repeat(4);
        let h128 = "0123456789abcdef".repeat(8);
        let table: Vec<(String, Option<Algorithm>)> = vec![
            (format!("sha256:{h64}"), Some(Algorithm::Sha256)),
            (format!("sha512:{h128}"), Some(Algorithm::Sha512)),
            // Uppercase hex is invalid for both registered algorithms.
            (format!("sha256:{}", h64.to_uppercase()), None),
            (format!("sha512:{}", h128.to_uppercase()), None),
            (format!("SHA256:{h64}"), None),
            // Each algorithm has its own length.
            (format!("sha256:{}", &h64[1..]), None),
            (format!("sha256:{h64}0"), None),
            (format!("sha256:{h128}"), None),
            (format!("sha512:{h64}"), None),
            (format!("sha512:{}", &h128[1..]), None),
            // Unregistered algorithms cannot be checked.
            (format!("sha384:{}", "ab".repeat(48)), None),
            ("md5:0123456789abcdef0123456789abcdef".to_owned(), None),
            (format!("sha256+b64u:{h64}"), None),
            ("sha256:".to_owned(), None),
            (h64.clone(), None),
            (String::new(), None),
            (format!("sha256:{}g", &h64[1..]), None),
        ];
        for (text, want) in &table {
            let got = Digest::parse(text);
            assert_eq!(got.as_ref().ok().map(Digest::algorithm), *want, "{text}");
            if let Ok(d) = got {
                assert_eq!(d.as_str(), text);
            }
        }
        let d = Digest::parse(&format!("sha512:{h128}")).unwrap();
        assert_eq!((d.hex(), d.short()), (h128.as_str(), "0123456789ab"));
        assert_eq!(d.tag_form(), format!("sha512-{h128}"));
        let d = Digest::parse(&format!("sha256:{h64}")).unwrap();
        assert_eq!((d.hex(), d.short()), (h64.as_str(), "0123456789ab"));
        assert_eq!(d.tag_form(), format!("sha256-{h64}"));
        // A digest in a reference follows the same rules.
        assert!(ImageRef::parse(&format!("nginx@sha512:{h128}")).is_ok());
        assert!(ImageRef::parse(&format!("nginx@sha256:{}", h64.to_uppercase())).is_err());
    }

    /// Bytes are checked with the digest's own algorithm; `Digest::of` stays sha256.
    #[test]
    fn digests_match_bytes_with_their_own_algorithm() {
        let body = b"manifest bytes";
        let d256 = Digest::of(body);
        let d512 = Digest::of_algorithm(Algorithm::Sha512, body);
        assert_eq!(d256.algorithm(), Algorithm::Sha256);
        assert_eq!(d512.algorithm(), Algorithm::Sha512);
        assert_eq!(d512.hex().len(), 128);
        assert_eq!(Digest::parse(d512.as_str()).unwrap(), d512);
        for d in [&d256, &d512] {
            assert!(d.matches(body), "{d}");
            assert!(!d.matches(b"other bytes"), "{d}");
        }
        assert_eq!(
            Digest::of(b"").as_str(),
            "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    /// A hostile digest value is quoted in part, never whole.
    #[test]
    fn bad_digests_are_quoted_in_part() {
        let huge = format!("sha256:{}", "é".repeat(100_000));
        let e = Digest::parse(&huge).unwrap_err().to_string();
        assert!(e.len() < 400, "{} bytes", e.len());
        assert!(e.contains('…'), "{e}");
        assert_eq!(excerpt("short"), "short");
    }

    #[test]
    fn mirror_changes_lookup_not_spelling() {
        let r = ImageRef::parse("nginx:1")
            .unwrap()
            .at_registry("127.0.0.1:5000", "");
        assert_eq!(r.canonical(), "127.0.0.1:5000/library/nginx:1");
        assert_eq!(r.original(), "nginx:1");
    }
}
