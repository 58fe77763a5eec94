//! YAML (and JSON, which is YAML) parsed into a node tree whose spans are BYTE offsets into the
//! original text.
//!
//! Built on `saphyr-parser` events. Its markers count characters, not bytes, so every span is
//! converted through a char → byte table built once per file (skipped for ASCII files, where the
//! two agree). Spans are located by the marker's line and column, not its running index: the
//! parser (0.3.4) advances the index by BYTES over a directive's name and parameters
//! (`%t\u{5d1}`), which shifted every later span (found by fuzzing), while its line and column
//! restart at each line break. Aliases are resolved to the anchored node itself (the arena is a DAG, never a
//! copy), so a value reached through `*alias` has the span of the `&anchor` node and rewriting it
//! rewrites the anchor once. Merge keys (`<<: *base`, `<<: [*a, *b]`) are honoured by lookups.

use std::collections::HashMap;
use std::ops::Range;

use saphyr_parser::{Event, Parser, ScalarStyle, Span};

use super::{ManifestError, Position};
use crate::reference::excerpt;

/// Index of a node in [`Yaml::nodes`].
pub type NodeId = usize;

/// How a scalar was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Plain,
    SingleQuoted,
    DoubleQuoted,
    /// `|` or `>`.
    Block,
}

#[derive(Debug)]
pub enum Value {
    Scalar {
        text: String,
        style: Style,
        /// The resolved tag, e.g. `tag:yaml.org,2002:str` for `!!str`.
        tag: Option<String>,
    },
    Seq(Vec<NodeId>),
    Map(Vec<(NodeId, NodeId)>),
}

#[derive(Debug)]
pub struct Node {
    pub value: Value,
    /// Bytes of the whole node as the parser reports it, anchor and tag included.
    pub span: Range<usize>,
    /// Where the node starts (anchor and tag included).
    pub start: Position,
}

/// All documents of one file, in one arena.
#[derive(Debug, Default)]
pub struct Yaml {
    pub nodes: Vec<Node>,
    /// Root node of each document, in file order. Empty and comment-only documents are
    /// present too (as a null scalar).
    pub documents: Vec<NodeId>,
}

/// Converts the parser's (line, column) markers to byte offsets.
pub struct Offsets {
    /// `chars[i]` is the byte offset of character `i`; empty when the text is ASCII.
    chars: Vec<usize>,
    /// Character index where each line's column 0 is: the line's first character, or the one
    /// after its leading byte order marks, which the parser skips without counting a column.
    lines: Vec<usize>,
    len: usize,
}

impl Offsets {
    pub fn new(text: &str) -> Self {
        let chars = if text.is_ascii() {
            Vec::new()
        } else {
            text.char_indices()
                .map(|(b, _)| b)
                .chain(std::iter::once(text.len()))
                .collect()
        };
        // Line breaks as the parser counts them: `\n`, `\r\n` and a lone `\r`.
        let mut lines = Vec::new();
        let mut pending = true;
        let mut prev_cr = false;
        for (i, c) in text.chars().enumerate() {
            let crlf = c == '\n' && prev_cr;
            prev_cr = c == '\r';
            if pending && !crlf {
                if c == '\u{feff}' {
                    continue;
                }
                lines.push(i);
                pending = false;
            }
            if c == '\n' || c == '\r' {
                pending = true;
            }
        }
        Self {
            chars,
            lines,
            len: text.len(),
        }
    }

    /// The byte offset of a marker at 1-based `line`, 0-based character `col`: clamped to the
    /// end of the text (the parser reports the end of the stream one line past the last).
    pub fn byte(&self, line: usize, col: usize) -> usize {
        let Some(start) = line.checked_sub(1).and_then(|l| self.lines.get(l)) else {
            return self.len;
        };
        let ch = start.saturating_add(col);
        if self.chars.is_empty() {
            ch.min(self.len)
        } else {
            self.chars.get(ch).copied().unwrap_or(self.len)
        }
    }

    fn at(&self, marker: saphyr_parser::Marker) -> usize {
        self.byte(marker.line(), marker.col())
    }
}

impl Yaml {
    /// Parses every document of `text`.
    pub fn parse(text: &str) -> Result<Self, ManifestError> {
        let offsets = Offsets::new(text);
        let mut b = Builder {
            yaml: Yaml::default(),
            offsets: &offsets,
            stack: Vec::new(),
            anchors: HashMap::new(),
        };
        let mut parser = Parser::new_from_str(text);
        while let Some(event) = parser.next_event() {
            let (event, span) = event.map_err(|e| ManifestError::Syntax {
                at: Position {
                    line: e.marker().line(),
                    col: e.marker().col() + 1,
                },
                // The parser's message may quote the file (a tag, a directive): bounded.
                reason: excerpt(e.info()),
            })?;
            b.event(event, span)?;
        }
        Ok(b.yaml)
    }

    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id]
    }

    /// The scalar text of a node, if it is a scalar.
    pub fn scalar(&self, id: NodeId) -> Option<(&str, Style, Option<&str>)> {
        match &self.nodes[id].value {
            Value::Scalar { text, style, tag } => Some((text, *style, tag.as_deref())),
            _ => None,
        }
    }

    /// True for YAML's null: `~`, `null`, an empty plain value (`image:`), untagged.
    pub fn is_null(&self, id: NodeId) -> bool {
        matches!(
            &self.nodes[id].value,
            Value::Scalar { text, style: Style::Plain, tag: None }
                if matches!(text.as_str(), "" | "~" | "null" | "Null" | "NULL")
        )
    }

    /// Looks `key` up in a mapping: its own entries first, then the maps merged in with `<<`
    /// (earlier merged maps win over later ones, as the merge-key spec says).
    pub fn get(&self, map: NodeId, key: &str) -> Option<NodeId> {
        self.get_merged(map, key, &mut Vec::new())
    }

    fn get_merged(&self, map: NodeId, key: &str, visited: &mut Vec<NodeId>) -> Option<NodeId> {
        // Each map is searched once per lookup: maps merging the same maps over and over
        // (a "billion laughs" made of merge keys) stay linear.
        if visited.contains(&map) {
            return None;
        }
        visited.push(map);
        let Value::Map(entries) = &self.nodes[map].value else {
            return None;
        };
        let mut merges = Vec::new();
        for &(k, v) in entries {
            match self.scalar(k) {
                Some((text, _, _)) if text == key => return Some(v),
                Some(("<<", Style::Plain, None)) => merges.push(v),
                _ => {}
            }
        }
        for m in merges {
            let sources = match &self.nodes[m].value {
                Value::Map(_) => std::slice::from_ref(&m),
                Value::Seq(items) => items.as_slice(),
                Value::Scalar { .. } => &[],
            };
            for &s in sources {
                if let Some(found) = self.get_merged(s, key, visited) {
                    return Some(found);
                }
            }
        }
        None
    }

    /// The items of a sequence (empty for anything else).
    pub fn items(&self, seq: NodeId) -> &[NodeId] {
        match &self.nodes[seq].value {
            Value::Seq(items) => items,
            _ => &[],
        }
    }
}

enum Frame {
    Seq {
        id: NodeId,
        anchor: usize,
        items: Vec<NodeId>,
    },
    Map {
        id: NodeId,
        anchor: usize,
        entries: Vec<(NodeId, NodeId)>,
        key: Option<NodeId>,
        /// Scalar keys seen so far and the line of their first appearance.
        seen: HashMap<String, usize>,
    },
}

struct Builder<'o> {
    yaml: Yaml,
    offsets: &'o Offsets,
    stack: Vec<Frame>,
    /// Parser anchor id → node, and whether that node is still open (an alias to an open
    /// node would make the tree cyclic).
    anchors: HashMap<usize, (NodeId, bool)>,
}

impl Builder<'_> {
    fn position(span: Span) -> Position {
        Position {
            line: span.start.line(),
            col: span.start.col() + 1,
        }
    }

    fn new_node(&mut self, value: Value, span: Span, anchor: usize, open: bool) -> NodeId {
        let id = self.yaml.nodes.len();
        self.yaml.nodes.push(Node {
            value,
            span: self.offsets.at(span.start)..self.offsets.at(span.end),
            start: Self::position(span),
        });
        if anchor > 0 {
            self.anchors.insert(anchor, (id, open));
        }
        id
    }

    fn event(&mut self, event: Event<'_>, span: Span) -> Result<(), ManifestError> {
        match event {
            // Anchors belong to their document (the parser's own table only resets in `load`).
            Event::DocumentStart(_) => self.anchors.clear(),
            Event::Nothing | Event::StreamStart | Event::StreamEnd | Event::DocumentEnd => {}
            Event::Scalar(text, style, anchor, tag) => {
                let style = match style {
                    ScalarStyle::Plain => Style::Plain,
                    ScalarStyle::SingleQuoted => Style::SingleQuoted,
                    ScalarStyle::DoubleQuoted => Style::DoubleQuoted,
                    ScalarStyle::Literal | ScalarStyle::Folded => Style::Block,
                };
                let tag = tag.map(|t| format!("{}{}", t.handle, t.suffix));
                let id = self.new_node(
                    Value::Scalar {
                        text: text.into_owned(),
                        style,
                        tag,
                    },
                    span,
                    anchor,
                    false,
                );
                self.attach(id)?;
            }
            Event::Alias(anchor) => {
                let (id, open) =
                    *self
                        .anchors
                        .get(&anchor)
                        .ok_or_else(|| ManifestError::Syntax {
                            at: Self::position(span),
                            reason: "alias refers to an unknown anchor".to_owned(),
                        })?;
                if open {
                    return Err(ManifestError::Syntax {
                        at: Self::position(span),
                        reason: "alias refers to a node that contains it (recursive alias)"
                            .to_owned(),
                    });
                }
                self.attach(id)?;
            }
            Event::SequenceStart(anchor, _) => {
                let id = self.new_node(Value::Seq(Vec::new()), span, anchor, true);
                self.stack.push(Frame::Seq {
                    id,
                    anchor,
                    items: Vec::new(),
                });
            }
            Event::MappingStart(anchor, _) => {
                let id = self.new_node(Value::Map(Vec::new()), span, anchor, true);
                self.stack.push(Frame::Map {
                    id,
                    anchor,
                    entries: Vec::new(),
                    key: None,
                    seen: HashMap::new(),
                });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let Some(frame) = self.stack.pop() else {
                    return Err(ManifestError::Syntax {
                        at: Self::position(span),
                        reason: "unbalanced end of collection".to_owned(),
                    });
                };
                let (id, anchor, value) = match frame {
                    Frame::Seq { id, anchor, items } => (id, anchor, Value::Seq(items)),
                    Frame::Map {
                        id,
                        anchor,
                        entries,
                        ..
                    } => (id, anchor, Value::Map(entries)),
                };
                let end = self.offsets.at(span.end);
                let node = &mut self.yaml.nodes[id];
                node.value = value;
                node.span.end = end.max(node.span.start);
                if let Some(a) = self.anchors.get_mut(&anchor) {
                    a.1 = false;
                }
                self.attach(id)?;
            }
        }
        Ok(())
    }

    fn attach(&mut self, id: NodeId) -> Result<(), ManifestError> {
        let yaml = &self.yaml;
        match self.stack.last_mut() {
            None => self.yaml.documents.push(id),
            Some(Frame::Seq { items, .. }) => items.push(id),
            Some(Frame::Map {
                entries, key, seen, ..
            }) => match key.take() {
                None => {
                    // Duplicate keys: kubectl's strict validation rejects them, and pinning
                    // one of two `image:` keys would be a guess.
                    if let Some((text, _, _)) = yaml.scalar(id)
                        && text != "<<"
                    {
                        let at = yaml.nodes[id].start;
                        if let Some(first) = seen.insert(text.to_owned(), at.line) {
                            return Err(ManifestError::Syntax {
                                at,
                                reason: format!(
                                    "duplicate key {:?} (first at line {first})",
                                    excerpt(text)
                                ),
                            });
                        }
                    }
                    *key = Some(id);
                }
                Some(k) => entries.push((k, id)),
            },
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_convert_lines_and_columns_to_bytes() {
        // (text, 1-based line, character column, byte offset)
        let table: &[(&str, usize, usize, usize)] = &[
            ("abc", 1, 2, 2),
            ("éa", 1, 1, 2),
            ("\u{feff}a", 1, 0, 3),
            ("日本x", 1, 2, 6),
            ("日本x", 1, 3, 7),
            ("日本x", 1, 9, 7),
            ("日本x", 2, 0, 7),
            ("a\nbé\nc", 2, 1, 3),
            ("a\nbé\nc", 3, 0, 6),
            ("a\r\nb", 2, 0, 3),
            ("a\rb\r\n\nc", 4, 0, 6),
            ("x\n\u{feff}\u{feff}y", 2, 0, 8),
            ("x\n", 2, 0, 2),
        ];
        for (text, line, col, byte) in table {
            assert_eq!(
                Offsets::new(text).byte(*line, *col),
                *byte,
                "{text:?} line {line} col {col}"
            );
        }
    }

    /// Found by fuzzing (`fuzz/fuzz_targets/manifest_spans.rs`): the parser counts a
    /// directive's name in bytes, which shifted every later span by the name's extra bytes.
    #[test]
    fn spans_after_a_directive_with_non_ascii_text() {
        let src = "%t\u{5d1} p\u{5d2}\n---\nimage: c\u{5d1}\n";
        let y = Yaml::parse(src).unwrap();
        let image = y.get(y.documents[0], "image").unwrap();
        assert_eq!(&src[y.node(image).span.clone()], "c\u{5d1}");
    }

    #[test]
    fn spans_are_bytes_after_multibyte_text() {
        let src = "a: \"日本\"\nb: nginx # c\n";
        let y = Yaml::parse(src).unwrap();
        let root = y.documents[0];
        let b = y.get(root, "b").unwrap();
        assert_eq!(&src[y.node(b).span.clone()], "nginx");
        let a = y.get(root, "a").unwrap();
        assert_eq!(&src[y.node(a).span.clone()], "\"日本\"");
    }

    #[test]
    fn aliases_share_the_anchored_node_and_merges_resolve() {
        let src = "base: &b {image: x, name: n}\nlist:\n- <<: *b\n  name: own\n- <<: [{k: 1}, *b]\n- *b\n";
        let y = Yaml::parse(src).unwrap();
        let root = y.documents[0];
        let base = y.get(root, "base").unwrap();
        let img = y.get(base, "image").unwrap();
        let items = y.items(y.get(root, "list").unwrap()).to_vec();
        assert_eq!(y.get(items[0], "image"), Some(img));
        assert_eq!(y.scalar(y.get(items[0], "name").unwrap()).unwrap().0, "own");
        assert_eq!(y.get(items[1], "image"), Some(img));
        assert_eq!(
            y.get(items[1], "k").map(|k| y.scalar(k).unwrap().0),
            Some("1")
        );
        assert_eq!(items[2], base);
    }

    /// Merge keys that merge the same maps again and again must not explode the lookup.
    #[test]
    fn merge_key_bombs_stay_linear() {
        use std::fmt::Write as _;
        let mut src = String::from("a0: &a0 {x: 1}\n");
        for i in 1..64 {
            let p = i - 1;
            let _ = writeln!(src, "a{i}: &a{i} {{<<: [*a{p}, *a{p}, *a{p}]}}");
        }
        src.push_str("top: {<<: *a63}\n");
        let y = Yaml::parse(&src).unwrap();
        let top = y.get(y.documents[0], "top").unwrap();
        assert_eq!(y.get(top, "missing"), None);
        assert!(y.get(top, "x").is_some());
    }

    #[test]
    fn errors_name_line_and_column() {
        let table: &[(&str, usize, &str)] = &[
            ("a: [b\n", 2, "expected ',' or ']'"),
            ("a: 1\na: 2\n", 2, "duplicate key \"a\" (first at line 1)"),
            ("a: *nope\n", 1, "unknown anchor"),
            ("a: &x [*x]\n", 1, "recursive alias"),
            ("a: &x 1\n---\nb: *x\n", 3, "unknown anchor"),
        ];
        for (src, line, want) in table {
            let e = Yaml::parse(src).expect_err(src);
            let ManifestError::Syntax { at, reason } = &e else {
                panic!("{src}: {e}")
            };
            assert_eq!(at.line, *line, "{src}");
            assert!(reason.contains(want), "{src}: {reason}");
        }
    }

    #[test]
    fn documents_include_empty_and_comment_only_ones() {
        let y = Yaml::parse("---\n# only a comment\n---\na: 1\n...\n---\n").unwrap();
        assert_eq!(y.documents.len(), 3);
        assert!(y.is_null(y.documents[0]));
    }
}
