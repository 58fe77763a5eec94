//! Where images come from: local manifest files (YAML or JSON, many documents per file), read
//! into a node tree with BYTE spans so the pinner can rewrite an image scalar in place and leave
//! every other byte alone.
//!
//! [`load`] parses a file's text; [`Manifest::images`] walks each document with the one list of
//! image locations in [`crate::workload`] and returns every image scalar with its value, field
//! path, object, line:col and the byte range of the scalar as written (quotes included, anchor
//! and tag excluded). Each range is checked against the text before it is handed out: a range
//! that does not hold the value is an error, never a patch.

use std::ops::Range;

pub mod inputs;
pub mod yaml;

pub use yaml::Style;
use yaml::{NodeId, Yaml};

use crate::workload::{self, Field, Tree};

/// A place in a file: 1-based line and column (columns count characters, as editors do).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Position {
    pub line: usize,
    pub col: usize,
}

impl std::fmt::Display for Position {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

/// Why a file could not be read as manifests. Displayed as `line:col: reason`, so callers
/// prefix the file name to get `file:line:col: reason`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ManifestError {
    /// The YAML/JSON does not parse (or has duplicate keys, or a recursive alias).
    #[error("{at}: {reason}")]
    Syntax { at: Position, reason: String },
    /// The file is not UTF-8 text.
    #[error("{at}: not UTF-8 text (invalid byte here)")]
    NotUtf8 { at: Position },
    /// The parser's position for an image does not hold its value. This is a bug in the
    /// position bookkeeping; refusing is the only safe thing to do.
    #[error(
        "{at}: internal error: the parsed position of {path} does not match the file text; refusing to rewrite it (please report this)"
    )]
    SpanMismatch { at: Position, path: String },
}

impl ManifestError {
    pub fn position(&self) -> Position {
        match self {
            Self::Syntax { at, .. } | Self::NotUtf8 { at } | Self::SpanMismatch { at, .. } => *at,
        }
    }
}

/// How an image scalar is written, which decides whether and how it can be rewritten.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Plain,
    SingleQuoted,
    DoubleQuoted,
    /// A `|` or `>` block scalar holding one line: the span is that content line (the
    /// indicator line stays as written) and the value is the line's text.
    Block,
    /// A plain or quoted scalar folded over several lines, or a block scalar of several lines.
    MultiLine,
}

/// One image reference found in a manifest file.
#[derive(Debug, Clone)]
pub struct ImageScalar {
    /// The reference; `None` when the value is null (`image:`, `image: ~`).
    pub value: Option<String>,
    /// Where the scalar itself starts (after any anchor or tag).
    pub at: Position,
    /// Bytes of the scalar as written: quotes included, anchor and tag excluded.
    pub span: Range<usize>,
    pub form: Form,
    /// Field path from the document root, e.g. `spec.template.spec.containers[0].image`.
    pub path: String,
    pub field: Field,
    pub kind: String,
    pub api_version: Option<String>,
    pub name: Option<String>,
    pub namespace: Option<String>,
    /// The object's `metadata.labels`.
    pub labels: std::collections::BTreeMap<String, String>,
    pub container: Option<String>,
    /// 0-based index of the document in the file.
    pub document: usize,
}

/// What a file turned out to be.
#[derive(Debug)]
#[allow(clippy::large_enum_variant)] // one per file, built once and matched at once
pub enum Source {
    Manifest(Manifest),
    /// The file does not parse as YAML and contains `{{ … }}`: a Helm or other template,
    /// which must be rendered before it can be read.
    Templated {
        at: Position,
    },
}

/// A parsed file: its documents and the text they came from (which it holds: a file given to
/// [`Manifest::parse`] is held once, not once as read and once as parsed).
#[derive(Debug)]
pub struct Manifest {
    yaml: Yaml,
    /// Byte offset of each line's start (u32: the parser refuses 4 GiB and more).
    line_starts: Vec<u32>,
}

/// Decodes a file's bytes as UTF-8, naming the line of the first bad byte.
pub fn decode(bytes: &[u8]) -> Result<&str, ManifestError> {
    std::str::from_utf8(bytes).map_err(|e| {
        // The prefix before the bad byte is valid UTF-8 by definition.
        let good = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
        let line = good.matches('\n').count() + 1;
        let line_start = good.rfind('\n').map_or(0, |i| i + 1);
        let col = good[line_start..].chars().count() + 1;
        ManifestError::NotUtf8 {
            at: Position { line, col },
        }
    })
}

/// Parses a file's text, or says it is a template.
///
/// A template is recognised by failing to be YAML, never by containing `{{`: a rendered chart
/// carries Go templates in quoted annotations, comments and ConfigMap data (alerting rules),
/// and skipping such a file would leave its images unverified. A file that parses is read as
/// YAML whatever its strings hold; an image value with `{{` in it is then an invalid
/// reference, reported at its line. Only a file that does not parse and holds a template
/// marker is [`Source::Templated`], at the first marker.
pub fn load(text: &str) -> Result<Source, ManifestError> {
    match Manifest::parse(text.to_owned()) {
        Ok(m) => Ok(Source::Manifest(m)),
        Err((e, text)) => templated_at(&text).map_or(Err(e), |at| Ok(Source::Templated { at })),
    }
}

/// Where the first template marker of `text` is (for a file that does not parse).
pub fn templated_at(text: &str) -> Option<Position> {
    template_marks(text)
        .first()
        .map(|m| position_of(text, &line_starts(text), m.start))
}

/// Byte ranges of `{{ … }}` (opened and closed on one line), in file order.
///
/// Linear in the text: each line is scanned forward once. (Searching for the line's end and
/// the closing `}}` again from every `{{` took minutes on one long line of `{`.)
fn template_marks(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split('\n') {
        let mut from = 0;
        while let Some(i) = line[from..].find("{{") {
            let start = from + i;
            // No `}}` after this `{{`: none after a later `{{` on this line either.
            let Some(j) = line[start + 2..].find("}}") else {
                break;
            };
            let end = start + 2 + j + 2;
            out.push(line_start + start..line_start + end);
            from = end;
        }
        line_start += line.len() + 1;
    }
    out
}

fn line_starts(text: &str) -> Vec<u32> {
    std::iter::once(0)
        .chain(
            text.match_indices('\n')
                .map(|(i, _)| u32::try_from(i + 1).unwrap_or(u32::MAX)),
        )
        .collect()
}

fn position_of(text: &str, line_starts: &[u32], offset: usize) -> Position {
    let line = line_starts.partition_point(|&s| s as usize <= offset);
    let mut start = line_starts[line - 1] as usize;
    if line == 1 && text.starts_with('\u{feff}') {
        start = '\u{feff}'.len_utf8().min(offset);
    }
    Position {
        line,
        col: text[start..offset].chars().count() + 1,
    }
}

/// A node of a parsed manifest, as the workload walk sees it.
#[derive(Debug, Clone, Copy)]
pub struct YamlNode<'a> {
    yaml: &'a Yaml,
    id: NodeId,
}

impl<'a> Tree<'a> for YamlNode<'a> {
    fn get(self, key: &str) -> Option<Self> {
        self.yaml.get(self.id, key).map(|id| Self { id, ..self })
    }

    fn items(self) -> Vec<Self> {
        self.yaml
            .items(self.id)
            .iter()
            .map(|&id| Self { id, ..self })
            .collect()
    }

    fn entries(self) -> Vec<(&'a str, Self)> {
        match &self.yaml.node(self.id).value {
            yaml::Value::Map(entries) => entries
                .iter()
                .filter_map(|&(k, v)| {
                    let key = self.yaml.scalar(k)?.0;
                    Some((key, Self { id: v, ..self }))
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    fn text(self) -> Option<&'a str> {
        if self.yaml.is_null(self.id) {
            return None;
        }
        self.yaml.scalar(self.id).map(|(text, _, _)| text)
    }

    fn identity(self) -> usize {
        self.id as usize
    }
}

impl Manifest {
    /// Parses `text`, keeping it; on error the text is given back (see [`load`] for
    /// templates).
    pub fn parse(text: String) -> Result<Self, (ManifestError, String)> {
        let yaml = Yaml::parse_owned(text)?;
        Ok(Self {
            line_starts: line_starts(yaml.source()),
            yaml,
        })
    }

    pub fn text(&self) -> &str {
        self.yaml.source()
    }

    /// The text, given back.
    #[must_use]
    pub fn into_text(self) -> String {
        self.yaml.into_source()
    }

    /// Number of documents (empty and comment-only ones included).
    pub fn documents(&self) -> usize {
        self.yaml.documents.len()
    }

    /// Line and column of a byte offset.
    pub fn position(&self, offset: usize) -> Position {
        position_of(self.text(), &self.line_starts, offset)
    }

    /// Every image scalar of every document, in file order.
    pub fn images(&self) -> Result<Vec<ImageScalar>, ManifestError> {
        let mut out = Vec::new();
        for (document, &root) in self.yaml.documents.iter().enumerate() {
            let root = YamlNode {
                yaml: &self.yaml,
                id: root,
            };
            for site in workload::images(root) {
                out.push(self.image_scalar(site, document)?);
            }
        }
        Ok(out)
    }

    fn image_scalar(
        &self,
        site: workload::ImageSite<YamlNode<'_>>,
        document: usize,
    ) -> Result<ImageScalar, ManifestError> {
        let node = self.yaml.node(site.node.id);
        let null = self.yaml.is_null(site.node.id);
        let start = skip_properties(self.text(), node.span.clone());
        let mut end = node.span.end.max(start);
        let (mut value, style) = match self.yaml.scalar(site.node.id) {
            Some((text, style, _)) => ((!null).then(|| text.to_owned()), style),
            // A map or list where an image belongs: report its text so the reference parser
            // rejects it with the file position. Its text after any anchor or tag, as the span
            // is (with them, `image: &a [x]` was reported as an internal error).
            None => (Some(self.text()[start..end].to_owned()), Style::Plain),
        };
        // The parser's span of a quoted scalar runs on over the spaces and comment after the
        // closing quote; end it at the quote itself.
        match style {
            Style::SingleQuoted | Style::DoubleQuoted => {
                if let Some(close) = closing_quote(&self.text()[start..end]) {
                    end = start + close + 1;
                }
            }
            Style::Plain | Style::Block => {}
        }
        // A block scalar with one content line (`image: >-` then `nginx:1.27`) is pinned on
        // that line, keeping the indicator; its value is the line (the newline `|` and `>`
        // keep is not part of the reference). One of several lines is refused by the pinner.
        if style == Style::Block
            && let Some(line) = block_content_line(&self.text()[start..end])
        {
            let span = start + line.start..start + line.end;
            value = Some(self.text()[span.clone()].to_owned());
            return self.finish_scalar(site, document, value, span, Form::Block);
        }
        let span = start..end;
        let slice = &self.text()[span.clone()];
        let form = match style {
            Style::Block => Form::MultiLine,
            _ if slice.contains(['\n', '\r']) => Form::MultiLine,
            Style::Plain => Form::Plain,
            Style::SingleQuoted => Form::SingleQuoted,
            Style::DoubleQuoted => Form::DoubleQuoted,
        };
        self.finish_scalar(site, document, value, span, form)
    }

    fn finish_scalar(
        &self,
        site: workload::ImageSite<YamlNode<'_>>,
        document: usize,
        value: Option<String>,
        span: Range<usize>,
        form: Form,
    ) -> Result<ImageScalar, ManifestError> {
        let at = self.position(span.start);
        let slice = &self.text()[span.clone()];
        if let Some(v) = &value
            && !span_holds(slice, form, v)
        {
            return Err(ManifestError::SpanMismatch {
                at,
                path: site.path,
            });
        }
        Ok(ImageScalar {
            value,
            at,
            span,
            form,
            path: site.path,
            field: site.field,
            kind: site.kind,
            api_version: site.api_version,
            name: site.name,
            namespace: site.namespace,
            labels: site.labels,
            container: site.container,
            document,
        })
    }
}

/// Skips a node's anchor (`&a`) and tag (`!!str`, `!<…>`) and the space or comments after them,
/// returning the offset where the scalar itself starts.
fn skip_properties(text: &str, span: Range<usize>) -> usize {
    let b = text.as_bytes();
    let mut i = span.start;
    let end = span.end.min(b.len());
    loop {
        if i < end && (b[i] == b'&' || b[i] == b'!') {
            while i < end && !is_yaml_space(b[i]) {
                i += 1;
            }
        } else {
            return i;
        }
        loop {
            while i < end && is_yaml_space(b[i]) {
                i += 1;
            }
            if i < end && b[i] == b'#' {
                while i < end && !matches!(b[i], b'\n' | b'\r') {
                    i += 1;
                }
            } else {
                break;
            }
        }
    }
}

/// The one content line of a block scalar (`image: >-` then `nginx:1.27`), relative to
/// `block`, the parser's span of the scalar, which starts at its first content character (the
/// indicator line is not part of it): the text without indentation or trailing spaces.
/// `None` when the scalar holds several lines of text.
fn block_content_line(block: &str) -> Option<Range<usize>> {
    let mut line: Option<Range<usize>> = None;
    let mut at = 0;
    for text in block.split_inclusive('\n') {
        let content = text
            .trim_end_matches(['\n', '\r'])
            .trim_end_matches([' ', '\t']);
        let indent = content.len() - content.trim_start_matches(' ').len();
        if content.len() > indent {
            if line.is_some() {
                return None;
            }
            line = Some(at + indent..at + content.len());
        }
        at += text.len();
    }
    line
}

/// YAML's white space and line breaks. Not `u8::is_ascii_whitespace`: a form feed is content
/// in YAML (`image: &a \x0cx` has the value `\x0cx`; found by fuzzing).
fn is_yaml_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// The offset of the quote closing the quoted scalar that starts `s`, if there is one.
fn closing_quote(written: &str) -> Option<usize> {
    let bytes = written.as_bytes();
    let quote = *bytes.first()?;
    let mut at = 1;
    while at < bytes.len() {
        match (quote, bytes[at]) {
            // `''` is an escaped quote inside single quotes.
            (b'\'', b'\'') if bytes.get(at + 1) == Some(&b'\'') => at += 2,
            // A backslash escapes the next character inside double quotes.
            (b'"', b'\\') => at += 2,
            (q, c) if q == c => return Some(at),
            _ => at += 1,
        }
    }
    None
}

/// Whether the bytes at a scalar's span are that scalar as written: plain text equal to the
/// value, or the value between its quotes.
fn span_holds(slice: &str, form: Form, value: &str) -> bool {
    match form {
        // Not rewritten; the pinner reports these instead.
        Form::MultiLine => true,
        Form::Plain | Form::Block => slice == value,
        Form::SingleQuoted => {
            slice.len() >= 2
                && slice.starts_with('\'')
                && slice.ends_with('\'')
                && slice[1..slice.len() - 1].replace("''", "'") == value
        }
        Form::DoubleQuoted => {
            let ok = slice.len() >= 2 && slice.starts_with('"') && slice.ends_with('"');
            let inner = &slice[1.min(slice.len())..slice.len().saturating_sub(1).max(1)];
            // With escapes the written text differs from the value; the quotes are what is
            // replaced, so the quotes are what must be right.
            ok && (inner.contains('\\') || inner == value)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest(text: &str) -> Manifest {
        match load(text).unwrap() {
            Source::Manifest(m) => m,
            Source::Templated { at } => panic!("templated at {at}"),
        }
    }

    fn sites(text: &str) -> Vec<(String, Option<String>, String, Form, Position)> {
        manifest(text)
            .images()
            .unwrap()
            .into_iter()
            .map(|s| (s.path, s.value, text[s.span].to_owned(), s.form, s.at))
            .collect()
    }

    const POD: &str = "kind: Pod\nspec:\n  containers:\n  - name: a\n    image: ";

    fn at(line: usize, col: usize) -> Position {
        Position { line, col }
    }

    /// Found by `fuzz/fuzz_targets/manifest_spans.rs`: a form feed after an anchor was skipped
    /// as white space, though YAML makes it part of the value, so the span missed a byte.
    #[test]
    fn a_form_feed_after_an_anchor_is_part_of_the_value() {
        let found = include_str!(
            "../../tests/data/fuzz-regressions/manifest_spans/anchor-then-form-feed.yaml"
        );
        let images = manifest(found).images().unwrap();
        assert_eq!(images.len(), 2);
        for image in images {
            assert_eq!(&found[image.span.clone()], "\u{c}redis:7");
        }
    }

    /// Found by `fuzz/fuzz_targets/manifest_spans.rs`: a directive line (`%t…`) holding a
    /// non-ASCII character shifted the spans of the document after it, so an image there was
    /// refused with the internal span error.
    #[test]
    fn a_directive_with_non_ascii_text_keeps_later_spans() {
        let found = include_str!(
            "../../tests/data/fuzz-regressions/manifest_spans/directive-non-ascii.yaml"
        );
        let images = manifest(found).images().unwrap();
        assert_eq!(images.len(), 1);
        assert_eq!(&found[images[0].span.clone()], "c\u{5d1}");
    }

    /// Found by `fuzz/fuzz_targets/manifest_spans.rs`: a map or list with an anchor or tag
    /// where an image belongs was reported as an internal span error, not as an invalid image.
    #[test]
    fn a_tagged_or_anchored_collection_is_an_image_value_not_a_span_error() {
        let found =
            include_str!("../../tests/data/fuzz-regressions/manifest_spans/tagged-flow-map.yaml");
        assert!(manifest(found).images().is_ok());
        for (value, col) in [("!!map {a: b}", 18), ("&x [a]", 15), ("!t &y {a: b}", 18)] {
            let text = format!("{POD}{value}\n");
            let s = sites(&text);
            assert_eq!(s.len(), 1, "{text}");
            let written = &value[col - 12..];
            assert_eq!(s[0].1.as_deref(), Some(written));
            assert_eq!(s[0].2, written);
            assert_eq!(s[0].4, at(5, col));
        }
    }

    #[test]
    fn image_scalars_keep_their_written_form() {
        let p = "spec.containers[0].image";
        let table: &[(&str, &str, &str, Form, Position)] = &[
            ("nginx:1", "nginx:1", "nginx:1", Form::Plain, at(5, 12)),
            ("nginx:1\t", "nginx:1", "nginx:1", Form::Plain, at(5, 12)),
            (
                "'nginx:1'  # c 'x'",
                "nginx:1",
                "'nginx:1'",
                Form::SingleQuoted,
                at(5, 12),
            ),
            (
                "\"nginx:1\" # c \"x\"",
                "nginx:1",
                "\"nginx:1\"",
                Form::DoubleQuoted,
                at(5, 12),
            ),
            ("{x: 1}", "{x: 1}", "{x: 1}", Form::Plain, at(5, 12)),
            (
                "nginx:1 # pinned later",
                "nginx:1",
                "nginx:1",
                Form::Plain,
                at(5, 12),
            ),
            (
                "'nginx:1'",
                "nginx:1",
                "'nginx:1'",
                Form::SingleQuoted,
                at(5, 12),
            ),
            (
                "\"nginx:1\"",
                "nginx:1",
                "\"nginx:1\"",
                Form::DoubleQuoted,
                at(5, 12),
            ),
            (
                "\"ngin\\x78:1\"",
                "nginx:1",
                "\"ngin\\x78:1\"",
                Form::DoubleQuoted,
                at(5, 12),
            ),
            (
                "!!str nginx:1",
                "nginx:1",
                "nginx:1",
                Form::Plain,
                at(5, 18),
            ),
            ("&img nginx:1", "nginx:1", "nginx:1", Form::Plain, at(5, 17)),
            (
                "&img !!str 'nginx:1'",
                "nginx:1",
                "'nginx:1'",
                Form::SingleQuoted,
                at(5, 23),
            ),
            (
                "\n      nginx:1",
                "nginx:1",
                "nginx:1",
                Form::Plain,
                at(6, 7),
            ),
            (
                "&a # why\n      nginx:1",
                "nginx:1",
                "nginx:1",
                Form::Plain,
                at(6, 7),
            ),
            // One line of a block scalar: that line (its newline is not the reference).
            (
                "|\n      nginx:1",
                "nginx:1",
                "nginx:1",
                Form::Block,
                at(6, 7),
            ),
            (
                ">-\n      nginx\n      :1",
                "nginx :1",
                "nginx\n      :1\n",
                Form::MultiLine,
                at(6, 7),
            ),
            (
                "nginx\n      :1",
                "nginx :1",
                "nginx\n      :1",
                Form::MultiLine,
                at(5, 12),
            ),
        ];
        for (value, want, written, form, pos) in table {
            let text = format!("{POD}{value}\n");
            let got = sites(&text);
            assert_eq!(
                got,
                vec![(
                    p.to_owned(),
                    Some((*want).to_owned()),
                    (*written).to_owned(),
                    *form,
                    *pos
                )],
                "{value:?}"
            );
        }
    }

    #[test]
    fn null_and_empty_values() {
        for (value, want) in [
            ("", None),
            ("~", None),
            ("null", None),
            ("''", Some("")),
            ("!!str null", Some("null")),
        ] {
            let text = format!("{POD}{value}\n");
            let got = sites(&text);
            assert_eq!(got[0].1.as_deref(), want, "{value:?}");
        }
    }

    #[test]
    fn multibyte_bom_and_crlf_spans_are_bytes() {
        let text = "\u{feff}kind: Pod\r\nmetadata:\r\n  name: \"日本語\"\r\nspec:\r\n  containers:\r\n  - {name: é, image: 'nginx:1'}  \r\n";
        let got = sites(text);
        assert_eq!(got[0].2, "'nginx:1'");
        assert_eq!(got[0].4, at(6, 22));
    }

    #[test]
    fn json_documents() {
        let text =
            "{\n\t\"kind\": \"Pod\",\n\t\"spec\": {\"containers\": [{\"image\": \"nginx:1\"}]}\n}";
        let got = sites(text);
        assert_eq!(got[0].2, "\"nginx:1\"");
        assert_eq!(got[0].4, at(3, 36));
    }

    #[test]
    fn multi_document_files() {
        let text = "---\n# comment only\n---\n...\n---\nkind: Pod\nspec: {containers: [{image: a}]}\n...\n---\nkind: Pod\nspec: {containers: [{image: b}]}\n";
        let m = manifest(text);
        let images = m.images().unwrap();
        let got: Vec<_> = images
            .iter()
            .map(|s| (s.document, s.value.clone().unwrap()))
            .collect();
        assert_eq!(got, vec![(2, "a".to_owned()), (3, "b".to_owned())]);
    }

    #[test]
    fn aliases_point_at_the_anchor() {
        let text = "kind: Pod\nspec:\n  initContainers:\n  - image: &i nginx:1\n  containers:\n  - image: *i\n";
        let got = sites(text);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].2, "nginx:1");
        assert_eq!(got[0].4, got[1].4);
    }

    /// Issue 9: a rendered chart whose PrometheusRule held `{{ $labels.pod }}` in a quoted
    /// annotation (or a comment) was skipped as a template, so its images went unverified.
    /// Only text that fails to parse is a template; `{{` in a value that parses is YAML.
    #[test]
    fn templates_are_recognised_by_failing_to_be_yaml() {
        let table: &[(&str, Option<Position>)] = &[
            (
                "{{- if .Values.x }}\nkind: Pod\n{{- end }}\n",
                Some(at(1, 1)),
            ),
            (
                "kind: Pod\nmetadata:\n  name: {{ .Release.Name }}-web\nspec: {}\n",
                Some(at(3, 9)),
            ),
            (
                "kind: ConfigMap\ndata:\n  rules: |\n    summary: {{ $labels.pod }}\n",
                None,
            ),
            (
                "kind: PrometheusRule\n# fires for {{ $labels.pod }}\nspec:\n  groups:\n  - rules:\n    - annotations:\n        summary: \"{{ $labels.pod }} is down\"\n",
                None,
            ),
            (
                "kind: Pod\nspec:\n  containers:\n  - image: \"{{ .Values.image }}\"\n",
                None,
            ),
            ("kind: ConfigMap\ndata:\n  a: '{ {x} }'\n", None),
        ];
        for (text, want) in table {
            let got = match load(text).unwrap() {
                Source::Templated { at } => Some(at),
                Source::Manifest(_) => None,
            };
            assert_eq!(got, *want, "{text}");
        }
        // Parsed, the quoted template is the image value: the reference parser refuses it.
        let s = sites("kind: Pod\nspec:\n  containers:\n  - image: \"{{ .Values.image }}\"\n");
        assert_eq!(s[0].1.as_deref(), Some("{{ .Values.image }}"));
        assert!(crate::reference::ImageRef::parse("{{ .Values.image }}").is_err());
    }

    #[test]
    #[allow(clippy::single_range_in_vec_init)] // lists of ranges, some of one
    fn template_marks_table() {
        let table: &[(&str, &[Range<usize>])] = &[
            ("", &[]),
            ("{{ x }}", &[0..7]),
            ("a: {{x}} {{y}}\nb: {{z}}", &[3..8, 9..14, 18..23]),
            ("{{{{ x }}", &[0..9]),
            ("{{ open\n}}", &[]),
            ("{{ open {{ x }}", &[0..15]),
            ("}} {{", &[]),
            ("{{}}", &[0..4]),
        ];
        for (text, want) in table {
            assert_eq!(template_marks(text), *want, "{text:?}");
        }
    }

    /// One 1 MiB line of `{` took 130 s: the scan restarted at every `{{`.
    #[test]
    fn template_scan_is_linear_on_one_long_line_of_braces() {
        assert!(template_marks(&"{".repeat(1 << 20)).is_empty());
        let closed_once = format!("{}}}}}", "{{ ".repeat(300_000));
        assert_eq!(template_marks(&closed_once).len(), 1);
    }

    #[test]
    fn undecodable_bytes_name_the_line() {
        let e = decode(b"kind: Pod\nspec: \xff\n").unwrap_err();
        assert_eq!(e.position(), at(2, 7));
    }

    #[test]
    fn closing_quote_table() {
        let table: &[(&str, Option<usize>)] = &[
            ("'a'", Some(2)),
            ("'a' # c", Some(2)),
            ("'it''s' ", Some(6)),
            ("''", Some(1)),
            ("'''' x", Some(3)),
            ("\"a\" # \"c\"", Some(2)),
            ("\"a\\\"b\"", Some(5)),
            ("\"a\\\\\" ", Some(4)),
            ("'open", None),
        ];
        for (s, want) in table {
            assert_eq!(closing_quote(s), *want, "{s}");
        }
    }

    #[test]
    fn skip_properties_table() {
        let table: &[(&str, &str)] = &[
            ("x", "x"),
            ("&a x", "x"),
            ("!!str x", "x"),
            ("&a !<tag:yaml.org,2002:str> 'x'", "'x'"),
            ("&a # c\n  x", "x"),
        ];
        for (src, want) in table {
            let i = skip_properties(src, 0..src.len());
            assert_eq!(&src[i..], *want, "{src}");
        }
    }
}
