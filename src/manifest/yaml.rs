//! YAML (and JSON, which is YAML) parsed into a node tree whose spans are BYTE offsets into the
//! original text.
//!
//! Built on `saphyr-parser` events. Its markers count characters, not bytes, so every span is
//! converted through the line table built once per file (with a sparse character → byte table
//! for non-ASCII files). Spans are located by the marker's line and column, not its running
//! index: the parser (0.3.4) advances the index by BYTES over a directive's name and parameters
//! (`%t\u{5d1}`), which shifted every later span (found by fuzzing), while its line and column
//! restart at each line break. Aliases are resolved to the anchored node itself (the arena is a DAG, never a
//! copy), so a value reached through `*alias` has the span of the `&anchor` node and rewriting it
//! rewrites the anchor once. Merge keys (`<<: *base`, `<<: [*a, *b]`) are honoured by lookups.
//!
//! Memory (issue 10, `pin` of a 10,000-reference file): the arena is compact. A node is 20
//! bytes (u32 span, u32 payload, kind): a scalar's text is a span of the source text the
//! [`Yaml`] keeps, unless the parser had to unescape or fold it (then it lives in one shared
//! string); children of all collections live in two shared vectors; tags and the rare start
//! position that the span cannot give back are side tables. [`Yaml::node`] returns a view
//! ([`Node`]) with the familiar `value`, `span` and `start`.

use std::collections::HashMap;
use std::ops::{Deref, Range};

use saphyr_parser::{Event, Parser, ScalarStyle, Span};

use super::{ManifestError, Position};
use crate::reference::excerpt;

/// Index of a node of a [`Yaml`].
pub type NodeId = u32;

/// How a scalar was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Plain,
    SingleQuoted,
    DoubleQuoted,
    /// `|` or `>`.
    Block,
}

/// A node's content, borrowed from its [`Yaml`].
#[derive(Debug, Clone, Copy)]
pub enum Value<'a> {
    Scalar {
        text: &'a str,
        style: Style,
        /// The resolved tag, e.g. `tag:yaml.org,2002:str` for `!!str`.
        tag: Option<&'a str>,
    },
    Seq(Items<'a>),
    Map(Entries<'a>),
}

/// The items of a sequence: a slice (`items.iter()`, `items.len()`, `for &i in items`).
#[derive(Debug, Clone, Copy)]
pub struct Items<'a>(&'a [NodeId]);

/// The `(key, value)` entries of a mapping, in file order: a slice, as [`Items`].
#[derive(Debug, Clone, Copy)]
pub struct Entries<'a>(&'a [(NodeId, NodeId)]);

impl Deref for Items<'_> {
    type Target = [NodeId];
    fn deref(&self) -> &[NodeId] {
        self.0
    }
}

impl Deref for Entries<'_> {
    type Target = [(NodeId, NodeId)];
    fn deref(&self) -> &[(NodeId, NodeId)] {
        self.0
    }
}

impl<'a> IntoIterator for &Items<'a> {
    type Item = &'a NodeId;
    type IntoIter = std::slice::Iter<'a, NodeId>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<'a> IntoIterator for Items<'a> {
    type Item = &'a NodeId;
    type IntoIter = std::slice::Iter<'a, NodeId>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<'a> IntoIterator for &Entries<'a> {
    type Item = &'a (NodeId, NodeId);
    type IntoIter = std::slice::Iter<'a, (NodeId, NodeId)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<'a> IntoIterator for Entries<'a> {
    type Item = &'a (NodeId, NodeId);
    type IntoIter = std::slice::Iter<'a, (NodeId, NodeId)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// One node, as [`Yaml::node`] shows it.
#[derive(Debug, Clone)]
pub struct Node<'a> {
    pub value: Value<'a>,
    /// Bytes of the whole node as the parser reports it, anchor and tag included.
    pub span: Range<usize>,
    /// Where the node starts (anchor and tag included).
    pub start: Position,
}

/// What a slot holds; a scalar's text is `source[a..b]`, or `owned[a..b]` when `owned`.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Scalar {
        style: Style,
        owned: bool,
    },
    /// Children are `items[a..b]`.
    Seq,
    /// Children are `entries[a..b]`.
    Map,
}

/// A node as stored: 20 bytes.
#[derive(Debug, Clone, Copy)]
struct Slot {
    start: u32,
    end: u32,
    a: u32,
    b: u32,
    kind: Kind,
}

/// All documents of one file, in one arena.
#[derive(Debug, Default)]
pub struct Yaml {
    /// The text parsed (scalar texts and positions are read from it).
    source: String,
    /// Texts the parser unescaped or folded, one after the other.
    owned: String,
    slots: Vec<Slot>,
    items: Vec<NodeId>,
    entries: Vec<(NodeId, NodeId)>,
    /// Tags of the nodes that have one, by node (ascending).
    tags: Vec<(u32, Box<str>)>,
    /// Start positions the span does not give back (the parser's end-of-stream marker one
    /// line past the last, a start inside byte order marks), by node (ascending).
    starts: Vec<(u32, Position)>,
    lines: Lines,
    /// Root node of each document, in file order. Empty and comment-only documents are
    /// present too (as a null scalar).
    pub documents: Vec<NodeId>,
}

/// Characters between checkpoints of [`Lines::checkpoints`].
const CHECKPOINT: usize = 64;

/// Where the lines of a text start, to turn the parser's (line, column) markers into byte
/// offsets and back.
#[derive(Debug, Default)]
struct Lines {
    /// Byte offset where each line's column 0 is: the line's first character, or the one
    /// after its leading byte order marks, which the parser skips without counting a column.
    bytes: Vec<u32>,
    /// The same as character indexes; empty when the text is ASCII (they are the bytes).
    chars: Vec<u32>,
    /// Byte offset of every [`CHECKPOINT`]th character; empty when the text is ASCII.
    checkpoints: Vec<u32>,
    len: usize,
}

impl Lines {
    /// The line table of `text`, which must be shorter than 4 GiB (see [`Yaml::parse`]).
    pub fn new(text: &str) -> Self {
        let ascii = text.is_ascii();
        let (mut bytes, mut chars, mut checkpoints) = (Vec::new(), Vec::new(), Vec::new());
        // Line breaks as the parser counts them: `\n`, `\r\n` and a lone `\r`.
        let mut pending = true;
        let mut prev_cr = false;
        for (i, (b, c)) in text.char_indices().enumerate() {
            let b32 = u32::try_from(b).unwrap_or(u32::MAX);
            if !ascii && i % CHECKPOINT == 0 {
                checkpoints.push(b32);
            }
            let crlf = c == '\n' && prev_cr;
            prev_cr = c == '\r';
            if pending && !crlf {
                if c == '\u{feff}' {
                    continue;
                }
                bytes.push(b32);
                if !ascii {
                    chars.push(u32::try_from(i).unwrap_or(u32::MAX));
                }
                pending = false;
            }
            if c == '\n' || c == '\r' {
                pending = true;
            }
        }
        Self {
            bytes,
            chars,
            checkpoints,
            len: text.len(),
        }
    }

    /// The byte offset of a marker at 1-based `line`, 0-based character `col`: clamped to the
    /// end of the text (the parser reports the end of the stream one line past the last).
    pub fn byte(&self, text: &str, line: usize, col: usize) -> usize {
        let Some(l) = line.checked_sub(1).filter(|&l| l < self.bytes.len()) else {
            return self.len;
        };
        if self.chars.is_empty() {
            return (self.bytes[l] as usize).saturating_add(col).min(self.len);
        }
        // Character index → byte: from the checkpoint at or before it, at most 63 steps.
        let ch = (self.chars[l] as usize).saturating_add(col);
        let Some(&from) = self.checkpoints.get(ch / CHECKPOINT) else {
            return self.len;
        };
        let from = from as usize;
        text[from..]
            .char_indices()
            .nth(ch % CHECKPOINT)
            .map_or(self.len, |(b, _)| from + b)
    }

    /// The line and column of byte offset `at`, counted as the parser counts them (lines
    /// broken at `\n`, `\r\n` and `\r`; columns in characters from after any byte order marks).
    fn position(&self, text: &str, at: usize) -> Position {
        let line = self.bytes.partition_point(|&s| s as usize <= at).max(1);
        let start = self.bytes.get(line - 1).map_or(0, |&s| s as usize).min(at);
        let col = if self.chars.is_empty() {
            at - start
        } else {
            self.char_index(text, at)
                .saturating_sub(self.char_index(text, start))
        };
        Position { line, col: col + 1 }
    }

    /// The character index of byte offset `at` (a character boundary), for non-ASCII text.
    fn char_index(&self, text: &str, at: usize) -> usize {
        let k = self
            .checkpoints
            .partition_point(|&b| b as usize <= at)
            .max(1);
        let from = self
            .checkpoints
            .get(k - 1)
            .map_or(0, |&b| b as usize)
            .min(at);
        (k - 1) * CHECKPOINT + text.get(from..at).map_or(0, |s| s.chars().count())
    }
}

/// A file too large for the arena's 32-bit offsets.
fn too_large() -> ManifestError {
    ManifestError::Syntax {
        at: Position { line: 1, col: 1 },
        reason: "larger than 4 GiB; not read".to_owned(),
    }
}

fn small(n: usize) -> Result<u32, ManifestError> {
    u32::try_from(n).map_err(|_| too_large())
}

impl Yaml {
    /// Parses every document of `text` (a copy is kept: scalar texts are read from it).
    pub fn parse(text: &str) -> Result<Self, ManifestError> {
        Self::parse_owned(text.to_owned()).map_err(|(e, _)| e)
    }

    /// [`Yaml::parse`], keeping `text` itself rather than a copy ([`Yaml::into_source`] gives
    /// it back), so a large file is held once. On error, the text is given back.
    pub fn parse_owned(text: String) -> Result<Self, (ManifestError, String)> {
        match Self::build(&text) {
            Ok(mut yaml) => {
                yaml.source = text;
                Ok(yaml)
            }
            Err(e) => Err((e, text)),
        }
    }

    /// The text parsed.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The text parsed, given back.
    #[must_use]
    pub fn into_source(self) -> String {
        self.source
    }

    fn build(text: &str) -> Result<Self, ManifestError> {
        // Offsets are u32, and one past the end must fit.
        if text.len() >= u32::MAX as usize {
            return Err(too_large());
        }
        let mut b = Builder {
            source: text,
            yaml: Yaml {
                lines: Lines::new(text),
                ..Yaml::default()
            },
            stack: Vec::new(),
            scratch_items: Vec::new(),
            scratch_entries: Vec::new(),
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
        let mut yaml = b.yaml;
        yaml.slots.shrink_to_fit();
        yaml.items.shrink_to_fit();
        yaml.entries.shrink_to_fit();
        Ok(yaml)
    }

    /// The node `id`: its value, span and start.
    pub fn node(&self, id: NodeId) -> Node<'_> {
        let slot = &self.slots[id as usize];
        Node {
            value: self.value(&self.source, slot, id),
            span: slot.start as usize..slot.end as usize,
            start: self.start(id),
        }
    }

    /// The value of `slot` (node `id`), whose scalar texts are in `source` (the builder's
    /// text, before it is moved in).
    fn value<'a>(&'a self, source: &'a str, slot: &Slot, id: NodeId) -> Value<'a> {
        let (a, b) = (slot.a as usize, slot.b as usize);
        match slot.kind {
            Kind::Scalar { style, owned } => Value::Scalar {
                text: if owned {
                    &self.owned[a..b]
                } else {
                    &source[a..b]
                },
                style,
                tag: self.tag(id),
            },
            Kind::Seq => Value::Seq(Items(&self.items[a..b])),
            Kind::Map => Value::Map(Entries(&self.entries[a..b])),
        }
    }

    fn tag(&self, id: NodeId) -> Option<&str> {
        self.tags
            .binary_search_by_key(&id, |t| t.0)
            .ok()
            .map(|i| &*self.tags[i].1)
    }

    /// Where node `id` starts (anchor and tag included), as the parser reported it.
    pub fn start(&self, id: NodeId) -> Position {
        self.start_in(&self.source, id)
    }

    fn start_in(&self, source: &str, id: NodeId) -> Position {
        if let Ok(i) = self.starts.binary_search_by_key(&id, |s| s.0) {
            return self.starts[i].1;
        }
        self.lines
            .position(source, self.slots[id as usize].start as usize)
    }

    /// The scalar text of a node, if it is a scalar.
    pub fn scalar(&self, id: NodeId) -> Option<(&str, Style, Option<&str>)> {
        self.scalar_in(&self.source, id)
    }

    fn scalar_in<'a>(
        &'a self,
        source: &'a str,
        id: NodeId,
    ) -> Option<(&'a str, Style, Option<&'a str>)> {
        match self.value(source, &self.slots[id as usize], id) {
            Value::Scalar { text, style, tag } => Some((text, style, tag)),
            _ => None,
        }
    }

    /// True for YAML's null: `~`, `null`, an empty plain value (`image:`), untagged.
    pub fn is_null(&self, id: NodeId) -> bool {
        matches!(
            self.scalar(id),
            Some(("" | "~" | "null" | "Null" | "NULL", Style::Plain, None))
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
        let entries = self.entries_of(map)?;
        let mut merges = Vec::new();
        for &(k, v) in entries {
            match self.scalar(k) {
                Some((text, _, _)) if text == key => return Some(v),
                Some(("<<", Style::Plain, None)) => merges.push(v),
                _ => {}
            }
        }
        for m in merges {
            let sources = match self.slots[m as usize].kind {
                Kind::Map => std::slice::from_ref(&m),
                Kind::Seq => self.items(m),
                Kind::Scalar { .. } => &[],
            };
            for &s in sources {
                if let Some(found) = self.get_merged(s, key, visited) {
                    return Some(found);
                }
            }
        }
        None
    }

    fn entries_of(&self, map: NodeId) -> Option<&[(NodeId, NodeId)]> {
        let slot = &self.slots[map as usize];
        matches!(slot.kind, Kind::Map).then(|| &self.entries[slot.a as usize..slot.b as usize])
    }

    /// The items of a sequence (empty for anything else).
    pub fn items(&self, seq: NodeId) -> &[NodeId] {
        let slot = &self.slots[seq as usize];
        match slot.kind {
            Kind::Seq => &self.items[slot.a as usize..slot.b as usize],
            _ => &[],
        }
    }
}

enum Frame {
    Seq {
        id: NodeId,
        anchor: usize,
        /// Where this sequence's items start in [`Builder::scratch_items`].
        from: usize,
    },
    Map {
        id: NodeId,
        anchor: usize,
        /// Where this mapping's entries start in [`Builder::scratch_entries`].
        from: usize,
        key: Option<NodeId>,
        /// Scalar keys seen so far and the line of their first appearance.
        seen: HashMap<String, usize>,
    },
}

struct Builder<'t> {
    /// The text parsed (moved into the [`Yaml`] when done).
    source: &'t str,
    yaml: Yaml,
    stack: Vec<Frame>,
    /// Children of the open collections, innermost last: a collection's children move to
    /// the arena in one piece when it ends.
    scratch_items: Vec<NodeId>,
    scratch_entries: Vec<(NodeId, NodeId)>,
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

    fn at(&self, marker: saphyr_parser::Marker) -> u32 {
        let b = self
            .yaml
            .lines
            .byte(self.source, marker.line(), marker.col());
        // Below 4 GiB: checked in `Yaml::parse`.
        u32::try_from(b).unwrap_or(u32::MAX)
    }

    fn new_node(
        &mut self,
        kind: Kind,
        (a, b): (u32, u32),
        span: Span,
        anchor: usize,
        open: bool,
    ) -> Result<NodeId, ManifestError> {
        let id = small(self.yaml.slots.len())?;
        let start = self.at(span.start);
        self.yaml.slots.push(Slot {
            start,
            end: self.at(span.end),
            a,
            b,
            kind,
        });
        let reported = Self::position(span);
        if self.yaml.lines.position(self.source, start as usize) != reported {
            self.yaml.starts.push((id, reported));
        }
        if anchor > 0 {
            self.anchors.insert(anchor, (id, open));
        }
        Ok(id)
    }

    /// Where a scalar's text is: a span of the source when it is written there as it reads
    /// (plain, or quoted without escapes, on one line), else appended to the owned texts.
    fn scalar_text(
        &mut self,
        text: &str,
        style: Style,
        span: Span,
    ) -> Result<(u32, u32, bool), ManifestError> {
        let source = self.source;
        let start = self.at(span.start) as usize;
        let end = (self.at(span.end) as usize).max(start);
        let mut from = super::skip_properties(source, start..end);
        if matches!(style, Style::SingleQuoted | Style::DoubleQuoted) {
            from += 1;
        }
        if style != Style::Block && source.get(from..from + text.len()) == Some(text) {
            return Ok((small(from)?, small(from + text.len())?, false));
        }
        let a = small(self.yaml.owned.len())?;
        self.yaml.owned.push_str(text);
        Ok((a, small(self.yaml.owned.len())?, true))
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
                let (a, b, owned) = self.scalar_text(&text, style, span)?;
                let id =
                    self.new_node(Kind::Scalar { style, owned }, (a, b), span, anchor, false)?;
                if let Some(t) = tag {
                    self.yaml
                        .tags
                        .push((id, format!("{}{}", t.handle, t.suffix).into()));
                }
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
                let id = self.new_node(Kind::Seq, (0, 0), span, anchor, true)?;
                self.stack.push(Frame::Seq {
                    id,
                    anchor,
                    from: self.scratch_items.len(),
                });
            }
            Event::MappingStart(anchor, _) => {
                let id = self.new_node(Kind::Map, (0, 0), span, anchor, true)?;
                self.stack.push(Frame::Map {
                    id,
                    anchor,
                    from: self.scratch_entries.len(),
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
                let (id, anchor, children) = match frame {
                    Frame::Seq { id, anchor, from } => {
                        let a = self.yaml.items.len();
                        self.yaml.items.extend(self.scratch_items.drain(from..));
                        (id, anchor, (a, self.yaml.items.len()))
                    }
                    Frame::Map {
                        id, anchor, from, ..
                    } => {
                        let a = self.yaml.entries.len();
                        self.yaml.entries.extend(self.scratch_entries.drain(from..));
                        (id, anchor, (a, self.yaml.entries.len()))
                    }
                };
                let end = self.at(span.end);
                let slot = &mut self.yaml.slots[id as usize];
                slot.a = small(children.0)?;
                slot.b = small(children.1)?;
                slot.end = end.max(slot.start);
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
            Some(Frame::Seq { .. }) => self.scratch_items.push(id),
            Some(Frame::Map { key, seen, .. }) => match key.take() {
                None => {
                    // Duplicate keys: kubectl's strict validation rejects them, and pinning
                    // one of two `image:` keys would be a guess.
                    if let Some((text, _, _)) = yaml.scalar_in(self.source, id)
                        && text != "<<"
                    {
                        let at = yaml.start_in(self.source, id);
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
                Some(k) => self.scratch_entries.push((k, id)),
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
                Lines::new(text).byte(text, *line, *col),
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

    /// Scalar texts are read from the source where they are written as they read, and kept
    /// apart where the parser unescaped or folded them: either way the text is the parser's.
    #[test]
    fn scalar_texts_borrowed_or_unescaped() {
        let table: &[(&str, &str, Option<&str>)] = &[
            ("a: nginx:1.27 # c\n", "nginx:1.27", None),
            ("a: 'it''s'\n", "it's", None),
            ("a: 'plain'\n", "plain", None),
            ("a: \"x\\ty\"\n", "x\ty", None),
            ("a: \"\u{e9}t\u{e9}\"\n", "\u{e9}t\u{e9}", None),
            ("a: \"\\u00e9\"\n", "\u{e9}", None),
            ("a: two\n  lines\n", "two lines", None),
            ("a: |\n  x\n  y\n", "x\ny\n", None),
            ("a: >-\n  x\n  y\n", "x y", None),
            ("a: !!str &n 7\n", "7", Some("tag:yaml.org,2002:str")),
            ("a: &n !custom  v\nb: *n\n", "v", Some("!custom")),
            ("{\"a\": \"j\"}", "j", None),
            ("\u{feff}a: \u{5d0}b\n", "\u{5d0}b", None),
        ];
        for (src, text, tag) in table {
            let y = Yaml::parse(src).unwrap();
            let a = y.get(y.documents[0], "a").unwrap();
            let (t, _, g) = y.scalar(a).unwrap();
            assert_eq!((t, g), (*text, *tag), "{src:?}");
            let Value::Scalar { text: t2, .. } = y.node(a).value else {
                panic!("{src:?}")
            };
            assert_eq!(t2, *text, "{src:?}");
        }
    }

    /// The start a node reports is the parser's, whether the span gives it back (most nodes)
    /// or not (the empty document at the end of the stream, lines after byte order marks).
    #[test]
    fn starts_are_the_parsers_positions() {
        let src = "\u{feff}a: 1\r\nb:\r  - \u{5d0}\u{5d1}: &x c\n  - *x\n---\n";
        let y = Yaml::parse(src).unwrap();
        let root = y.documents[0];
        let b = y.get(root, "b").unwrap();
        assert_eq!(y.node(root).start, Position { line: 1, col: 1 });
        assert_eq!(y.node(b).start, Position { line: 3, col: 3 });
        let item = y.items(b)[0];
        let c = y.get(item, "\u{5d0}\u{5d1}").unwrap();
        assert_eq!(y.node(c).start, Position { line: 3, col: 9 });
        assert_eq!(y.items(b)[1], c);
        assert_eq!(y.documents.len(), 2);
        assert!(y.is_null(y.documents[1]));
    }

    #[test]
    fn documents_include_empty_and_comment_only_ones() {
        let y = Yaml::parse("---\n# only a comment\n---\na: 1\n...\n---\n").unwrap();
        assert_eq!(y.documents.len(), 3);
        assert!(y.is_null(y.documents[0]));
    }
}
