//! Pinning is a plan of byte patches over the original file.
//!
//! 1. [`FilePlan::new`] classifies each image scalar the manifest reader found: to resolve,
//!    already pinned, empty, or not pinnable (invalid reference, block or multi-line scalar).
//! 2. The caller resolves [`FilePlan::lookups`] (all files at once, each reference once).
//! 3. [`FilePlan::finish`] turns the resolved digests into patches `{range, replacement}` that
//!    keep each scalar's style (plain stays plain, quotes stay the same quotes).
//! 4. [`splice`] applies them to the original bytes; every byte outside the ranges is copied as
//!    it was (comments, anchors, indentation, BOM, CRLF, a missing final newline).
//!
//! A file is all or nothing: one problem and it gets no patches at all. Nothing here does I/O.

use std::collections::{HashMap, HashSet};
use std::fmt::Display;
use std::ops::Range;

use crate::manifest::{Form, ImageScalar, Position};
use crate::reference::{Digest, ImageRef, ReferenceError};

/// Replace the bytes at `range` with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Patch {
    pub range: Range<usize>,
    pub replacement: String,
}

/// Why patches could not be applied. Either means a bug upstream; the file is left alone.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpliceError {
    /// Two patches touch the same bytes with different replacements.
    #[error("patches overlap at bytes {first:?} and {second:?}")]
    Overlap {
        first: Range<usize>,
        second: Range<usize>,
    },
    /// A patch reaches past the end of the file or splits a character.
    #[error("patch range {range:?} is not inside the file's {len} bytes at character boundaries")]
    OutOfRange { range: Range<usize>, len: usize },
}

/// Applies patches to `src`. Identical patches (one anchored scalar reached through several
/// aliases) are applied once.
pub fn splice(src: &[u8], patches: &[Patch]) -> Result<Vec<u8>, SpliceError> {
    let mut sorted: Vec<&Patch> = patches.iter().collect();
    sorted.sort_by_key(|p| (p.range.start, p.range.end));
    sorted.dedup_by(|a, b| a == b);
    let text = std::str::from_utf8(src).ok();
    let mut out = Vec::with_capacity(src.len() + patches.len() * 80);
    let mut at = 0;
    for (i, p) in sorted.iter().enumerate() {
        let r = &p.range;
        let on_boundary = |o: usize| text.is_none_or(|t| t.is_char_boundary(o));
        if r.start > r.end || r.end > src.len() || !on_boundary(r.start) || !on_boundary(r.end) {
            return Err(SpliceError::OutOfRange {
                range: r.clone(),
                len: src.len(),
            });
        }
        if r.start < at {
            return Err(SpliceError::Overlap {
                first: sorted[i - 1].range.clone(),
                second: r.clone(),
            });
        }
        out.extend_from_slice(&src[at..r.start]);
        out.extend_from_slice(p.replacement.as_bytes());
        at = r.end;
    }
    out.extend_from_slice(&src[at..]);
    Ok(out)
}

/// What to do with one image scalar.
#[derive(Debug, Clone)]
pub enum Action {
    /// A tag (or no tag): look it up and pin it.
    Resolve(ImageRef),
    /// Already names a digest: left alone, not looked up.
    AlreadyPinned(ImageRef),
    /// Null or empty: nothing to resolve (a warning, not an error).
    Empty,
    /// Cannot be pinned; the reason is shown as `file:line:col: reason`.
    Invalid(String),
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub site: ImageScalar,
    pub action: Action,
}

/// One reference rewritten.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub at: Position,
    pub path: String,
    pub from: String,
    pub to: String,
}

/// A reason the file stays unchanged, at a place in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub at: Position,
    pub reason: String,
}

/// The plan for one file.
#[derive(Debug, Clone)]
pub struct FilePlan {
    pub entries: Vec<Entry>,
}

/// The outcome for one file. When `problems` is not empty, `patches` and `changes` are empty:
/// the file must stay byte-identical.
#[derive(Debug, Clone, Default)]
pub struct FileResult {
    pub patches: Vec<Patch>,
    pub changes: Vec<Change>,
    pub problems: Vec<Problem>,
}

impl FilePlan {
    pub fn new(sites: Vec<ImageScalar>) -> Self {
        let entries = sites
            .into_iter()
            .map(|site| {
                let action = classify(&site);
                Entry { site, action }
            })
            .collect();
        Self { entries }
    }

    /// Problems known before any lookup (invalid references, unpinnable scalars).
    pub fn problems(&self) -> Vec<Problem> {
        self.entries
            .iter()
            .filter_map(|e| match &e.action {
                Action::Invalid(reason) => Some(Problem {
                    at: e.site.at,
                    reason: reason.clone(),
                }),
                _ => None,
            })
            .collect()
    }

    /// References to look up. Empty when the file already has a problem: it will not be
    /// changed, so looking its tags up would only cost time.
    pub fn lookups(&self) -> Vec<&ImageRef> {
        if self
            .entries
            .iter()
            .any(|e| matches!(e.action, Action::Invalid(_)))
        {
            return Vec::new();
        }
        self.entries
            .iter()
            .filter_map(|e| match &e.action {
                Action::Resolve(r) => Some(r),
                _ => None,
            })
            .collect()
    }

    /// Turns resolved digests (keyed by [`ImageRef::canonical`]) into patches.
    pub fn finish<E: Display>(
        &self,
        resolved: &HashMap<String, Result<Digest, E>>,
        keep_tag: bool,
    ) -> FileResult {
        let mut result = FileResult {
            problems: self.problems(),
            ..FileResult::default()
        };
        if !result.problems.is_empty() {
            return result;
        }
        let mut patched = HashSet::new();
        for e in &self.entries {
            let Action::Resolve(r) = &e.action else {
                continue;
            };
            match resolved.get(&r.canonical()) {
                Some(Ok(digest)) => {
                    let to = r.pinned(digest, keep_tag);
                    let replacement = match e.site.form {
                        Form::SingleQuoted => format!("'{to}'"),
                        Form::DoubleQuoted => format!("\"{to}\""),
                        // A block scalar's span is its one content line; multi-line
                        // scalars were classified Invalid.
                        Form::Plain | Form::Block | Form::MultiLine => to.clone(),
                    };
                    let patch = Patch {
                        range: e.site.span.clone(),
                        replacement,
                    };
                    // A scalar reached through aliases is one patch and one change.
                    if patched.insert((patch.range.start, patch.range.end)) {
                        result.patches.push(patch);
                        result.changes.push(Change {
                            at: e.site.at,
                            path: e.site.path.clone(),
                            from: r.original().to_owned(),
                            to,
                        });
                    }
                }
                Some(Err(err)) => result.problems.push(Problem {
                    at: e.site.at,
                    reason: format!("cannot resolve {}: {err}", r.original()),
                }),
                None => result.problems.push(Problem {
                    at: e.site.at,
                    reason: format!("{} was not looked up (internal error)", r.original()),
                }),
            }
        }
        if !result.problems.is_empty() {
            result.patches.clear();
            result.changes.clear();
        }
        result
    }
}

fn classify(site: &ImageScalar) -> Action {
    let value = site.value.as_deref().unwrap_or_default();
    if value.is_empty() {
        return Action::Empty;
    }
    // Rewriting these would mean choosing a new layout for the value: refuse rather than guess.
    // A block scalar of one line is rewritten on that line (`Form::Block`).
    match site.form {
        Form::MultiLine => {
            return Action::Invalid(format!(
                "{}: image value spans several lines (folded, or a block scalar); write it on one line to pin it",
                site.path
            ));
        }
        Form::Plain | Form::SingleQuoted | Form::DoubleQuoted | Form::Block => {}
    }
    match ImageRef::parse(value) {
        Err(ReferenceError::Empty) => Action::Empty,
        Err(e) => Action::Invalid(format!("{}: {e}", site.path)),
        Ok(r) if r.is_pinned() => Action::AlreadyPinned(r),
        Ok(r) => Action::Resolve(r),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::{Source, load};

    const D1: &str = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    const D2: &str = "sha256:2222222222222222222222222222222222222222222222222222222222222222";

    fn resolved() -> HashMap<String, Result<Digest, String>> {
        HashMap::from([
            (
                "docker.io/library/nginx:1".to_owned(),
                Ok(Digest::parse(D1).unwrap()),
            ),
            (
                "docker.io/library/nginx:latest".to_owned(),
                Ok(Digest::parse(D2).unwrap()),
            ),
            (
                "docker.io/library/gone:1".to_owned(),
                Err("manifest unknown".to_owned()),
            ),
        ])
    }

    fn pin(text: &str, keep_tag: bool) -> Result<String, Vec<Problem>> {
        let Source::Manifest(m) = load(text).unwrap() else {
            panic!("templated")
        };
        let plan = FilePlan::new(m.images().unwrap());
        let result = plan.finish(&resolved(), keep_tag);
        if !result.problems.is_empty() {
            return Err(result.problems);
        }
        Ok(String::from_utf8(splice(text.as_bytes(), &result.patches).unwrap()).unwrap())
    }

    const POD: &str = "kind: Pod\nspec:\n  containers:\n  - name: a\n    image: ";

    #[test]
    fn replacements_keep_the_scalar_style_and_every_other_byte() {
        let table: &[(&str, &str, bool)] = &[
            ("nginx:1\n", "nginx@{D1}\n", false),
            ("nginx:1\n", "nginx:1@{D1}\n", true),
            ("nginx\n", "nginx@{D2}\n", true),
            (
                "nginx:1   # a comment  \n",
                "nginx@{D1}   # a comment  \n",
                false,
            ),
            ("'nginx:1'\n", "'nginx@{D1}'\n", false),
            ("\"nginx:1\"\n", "\"nginx@{D1}\"\n", false),
            ("\"ngin\\x78:1\"\n", "\"nginx@{D1}\"\n", false),
            ("&x !!str nginx:1\n", "&x !!str nginx@{D1}\n", false),
            ("nginx:1", "nginx@{D1}", false),
            ("nginx:1\r\n", "nginx@{D1}\r\n", false),
            (&format!("nginx@{D2}\n"), "nginx@{D2}\n", false),
            (&format!("nginx:9@{D2}\n"), "nginx:9@{D2}\n", false),
            ("\n", "\n", false),
            ("''\n", "''\n", false),
        ];
        for (value, want, keep_tag) in table {
            let text = format!("{POD}{value}");
            let want = format!("{POD}{}", want.replace("{D1}", D1).replace("{D2}", D2));
            assert_eq!(pin(&text, *keep_tag).unwrap(), want, "{value:?}");
        }
    }

    #[test]
    fn an_alias_rewrites_its_anchor_once() {
        let text = "kind: Pod\nspec:\n  initContainers: [{image: &i nginx:1}]\n  containers:\n  - image: *i\n  - {image: *i}\n";
        let want = format!(
            "kind: Pod\nspec:\n  initContainers: [{{image: &i nginx@{D1}}}]\n  containers:\n  - image: *i\n  - {{image: *i}}\n"
        );
        assert_eq!(pin(text, false).unwrap(), want);
    }

    #[test]
    fn one_problem_leaves_the_whole_file_alone() {
        let table: &[(&str, &str)] = &[
            (
                "Nginx:1",
                "5:12: spec.containers[1].image: repository name must be lowercase",
            ),
            ("gone:1", "5:12: cannot resolve gone:1: manifest unknown"),
            (
                "|\n      nginx\n      :1",
                "6:7: spec.containers[1].image: image value spans several lines",
            ),
            (
                "nginx\n      :1",
                "5:12: spec.containers[1].image: image value spans several lines",
            ),
            (
                "nginx :1",
                "5:12: spec.containers[1].image: image reference \"nginx :1\" contains whitespace",
            ),
        ];
        for (bad, want) in table {
            let text =
                format!("kind: Pod\nspec:\n  containers:\n  - image: nginx:1\n  - image: {bad}\n");
            let problems = pin(&text, false).expect_err(bad);
            let got = format!("{}: {}", problems[0].at, problems[0].reason);
            assert!(got.starts_with(want), "{bad:?}: {got}");
        }
    }

    #[test]
    fn splice_table() {
        let p = |r: Range<usize>, s: &str| Patch {
            range: r,
            replacement: s.to_owned(),
        };
        let src = b"abc def ghi";
        let ok: &[(&[Patch], &str)] = &[
            (&[], "abc def ghi"),
            (&[p(4..7, "XY")], "abc XY ghi"),
            (&[p(8..11, "3"), p(0..3, "1")], "1 def 3"),
            (&[p(4..7, "X"), p(4..7, "X")], "abc X ghi"),
            (&[p(11..11, "!")], "abc def ghi!"),
        ];
        for (patches, want) in ok {
            assert_eq!(
                splice(src, patches).unwrap(),
                want.as_bytes(),
                "{patches:?}"
            );
        }
        assert!(matches!(
            splice(src, &[p(0..5, "x"), p(4..6, "y")]),
            Err(SpliceError::Overlap { .. })
        ));
        assert!(matches!(
            splice(src, &[p(4..7, "x"), p(4..7, "y")]),
            Err(SpliceError::Overlap { .. })
        ));
        assert!(matches!(
            splice(src, &[p(10..12, "x")]),
            Err(SpliceError::OutOfRange { .. })
        ));
        assert!(matches!(
            splice("é".as_bytes(), &[p(1..2, "x")]),
            Err(SpliceError::OutOfRange { .. })
        ));
    }

    #[test]
    fn lookups_skip_pinned_and_files_with_problems() {
        let text = format!(
            "kind: Pod\nspec:\n  containers:\n  - image: a:1\n  - image: b@{D1}\n  - image:\n"
        );
        let Source::Manifest(m) = load(&text).unwrap() else {
            panic!()
        };
        let plan = FilePlan::new(m.images().unwrap());
        let got: Vec<_> = plan.lookups().iter().map(|r| r.original()).collect();
        assert_eq!(got, vec!["a:1"]);
        let Source::Manifest(m) =
            load("kind: Pod\nspec:\n  containers:\n  - image: a:1\n  - image: B\n").unwrap()
        else {
            panic!()
        };
        assert!(FilePlan::new(m.images().unwrap()).lookups().is_empty());
    }
}
