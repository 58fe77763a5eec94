//! Which manifests a command line names: files, directories of `.yaml`/`.yml`/`.json` files
//! (recursively with `-R`) and `-` for stdin.
//!
//! [`expand`] turns the paths into [`Input`]s, each file once (by canonical path, so a symlink
//! and its target, or a file named twice, are read once), and collects what went wrong as
//! [`InputProblem`]s for the command to report: `manifests` and `pin` word and count them
//! differently, so nothing here prints or decides an exit code.

use std::collections::HashSet;
use std::io::{self, Read as _};
use std::path::{Path, PathBuf};

use super::{ImageScalar, ManifestError, Position, Source};

/// File extensions that mark a manifest inside a directory, compared case-insensitively
/// (`DEPLOY.YAML` is a manifest too). A file named on the command line is read whatever its name.
pub const EXTENSIONS: &[&str] = &["yaml", "yml", "json"];

/// Where one manifest comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    /// The name used in messages: the path as given, or `<stdin>`.
    #[must_use]
    pub fn label(&self) -> String {
        match self {
            Self::Stdin => "<stdin>".to_owned(),
            Self::File(p) => p.display().to_string(),
        }
    }

    /// Reads the whole input. File errors name the path (fs-err).
    ///
    /// # Errors
    /// When the file or stdin cannot be read.
    pub fn read(&self) -> io::Result<Vec<u8>> {
        match self {
            Self::Stdin => {
                let mut buf = Vec::new();
                io::stdin().lock().read_to_end(&mut buf)?;
                Ok(buf)
            }
            Self::File(path) => fs_err::read(path),
        }
    }
}

/// Something wrong with the paths on the command line.
#[derive(Debug, thiserror::Error)]
pub enum InputProblem {
    /// A path cannot be examined (missing, no permission, dangling link).
    #[error("{}: {err}", path.display())]
    Unreadable { path: PathBuf, err: io::Error },
    /// A directory (the one named, or one below it with `-R`) cannot be listed; files found
    /// before it are still in the inputs.
    #[error("listing {}: {err}", dir.display())]
    Unlistable { dir: PathBuf, err: io::Error },
    /// `-` appears more than once: stdin can only be read once.
    #[error("`-` (stdin) given more than once")]
    StdinTwice,
    /// A directory holds no manifest files: a warning, the other inputs are still read.
    #[error(
        "{}: no .yaml, .yml or .json files{}",
        path.display(),
        if *recursive { "" } else { " (use -R for subdirectories)" }
    )]
    NoManifests { path: PathBuf, recursive: bool },
}

/// The inputs a command line names, in command-line order (a directory's files in name
/// order), and the problems met while finding them, in the same order.
#[derive(Debug, Default)]
pub struct Expansion {
    pub inputs: Vec<Input>,
    pub problems: Vec<InputProblem>,
}

/// One input read and parsed: the first step `manifests` and `pin` share.
#[derive(Debug)]
pub struct ReadInput {
    pub input: Input,
    /// The bytes as read (empty when reading failed).
    pub bytes: Vec<u8>,
    pub parsed: Result<Parsed, ReadError>,
}

/// What an input held.
#[derive(Debug)]
pub enum Parsed {
    /// Every image scalar of every document, in file order.
    Images(Vec<ImageScalar>),
    /// A template (`{{ … }}` where YAML cannot hold it): not read further.
    Templated { at: Position },
}

/// Why an input could not be read or parsed.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The file or stdin could not be read.
    #[error(transparent)]
    Io(#[from] io::Error),
    /// Not UTF-8, not YAML/JSON, or an image field of the wrong shape (`line:col: reason`).
    #[error(transparent)]
    Manifest(#[from] ManifestError),
}

/// Reads, decodes and parses one input, and lists its image scalars.
#[must_use]
pub fn read_input(input: Input) -> ReadInput {
    let bytes = match input.read() {
        Ok(b) => b,
        Err(e) => {
            return ReadInput {
                input,
                bytes: Vec::new(),
                parsed: Err(ReadError::Io(e)),
            };
        }
    };
    let parsed = parse(&bytes);
    ReadInput {
        input,
        bytes,
        parsed,
    }
}

fn parse(bytes: &[u8]) -> Result<Parsed, ReadError> {
    let text = super::decode(bytes)?;
    Ok(match super::load(text)? {
        Source::Templated { at } => Parsed::Templated { at },
        Source::Manifest(m) => Parsed::Images(m.images()?),
    })
}

/// Expands command-line paths into manifest inputs. Touches the file system (metadata,
/// directory listings, canonical paths) but reads no file.
#[must_use]
pub fn expand(paths: &[PathBuf], recursive: bool) -> Expansion {
    let mut out = Expansion::default();
    let mut seen_files = HashSet::new();
    let mut stdin = false;
    for path in paths {
        if path.as_os_str() == "-" {
            if stdin {
                out.problems.push(InputProblem::StdinTwice);
            } else {
                stdin = true;
                out.inputs.push(Input::Stdin);
            }
            continue;
        }
        match std::fs::metadata(path) {
            Err(err) => out.problems.push(InputProblem::Unreadable {
                path: path.clone(),
                err,
            }),
            Ok(meta) if meta.is_dir() => {
                let mut files = Vec::new();
                // Loop detection per argument: naming a directory twice (or a directory and
                // its parent) is not "a directory without manifests"; the files dedupe below.
                match walk(path, recursive, &mut HashSet::new(), &mut files) {
                    Err(problem) => out.problems.push(problem),
                    Ok(()) if files.is_empty() => out.problems.push(InputProblem::NoManifests {
                        path: path.clone(),
                        recursive,
                    }),
                    Ok(()) => {}
                }
                for file in files {
                    out.push_file(file, &mut seen_files);
                }
            }
            Ok(_) => out.push_file(path.clone(), &mut seen_files),
        }
    }
    out
}

impl Expansion {
    fn push_file(&mut self, path: PathBuf, seen: &mut HashSet<PathBuf>) {
        match std::fs::canonicalize(&path) {
            Ok(canonical) => {
                if seen.insert(canonical) {
                    self.inputs.push(Input::File(path));
                }
            }
            Err(err) => self.problems.push(InputProblem::Unreadable { path, err }),
        }
    }
}

/// Appends `dir`'s manifest files to `files` in name order, descending with `recursive`.
fn walk(
    dir: &Path,
    recursive: bool,
    seen_dirs: &mut HashSet<PathBuf>,
    files: &mut Vec<PathBuf>,
) -> Result<(), InputProblem> {
    let unlistable = |err| InputProblem::Unlistable {
        dir: dir.to_owned(),
        err,
    };
    // A symlink loop (a → ..) would otherwise recurse forever.
    if !seen_dirs.insert(std::fs::canonicalize(dir).map_err(unlistable)?) {
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .and_then(|rd| rd.map(|e| e.map(|e| e.path())).collect())
        .map_err(unlistable)?;
    entries.sort();
    for path in entries {
        let Ok(meta) = std::fs::metadata(&path) else {
            // A dangling symlink is not a manifest; skip it.
            continue;
        };
        if meta.is_dir() {
            if recursive {
                walk(&path, recursive, seen_dirs, files)?;
            }
        } else if is_manifest_name(&path) {
            files.push(path);
        }
    }
    Ok(())
}

fn is_manifest_name(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::symlink;

    use super::*;

    /// A tree with manifests, non-manifests, a symlinked duplicate, a loop and an empty dir.
    fn fixture() -> tempfile::TempDir {
        let tmp = tempfile::tempdir().expect("tempdir");
        let root = tmp.path();
        for dir in ["empty", "sub", "only-below/inner"] {
            std::fs::create_dir_all(root.join(dir)).expect("mkdir");
        }
        for file in [
            "a.yaml",
            "b.YML",
            "c.Json",
            "notes.txt",
            "sub/d.yaml",
            "sub/README",
            "only-below/inner/e.yaml",
        ] {
            std::fs::write(root.join(file), "kind: Pod\n").expect("write");
        }
        symlink("a.yaml", root.join("link.yaml")).expect("symlink");
        symlink("..", root.join("sub/loop")).expect("symlink");
        symlink("gone.yaml", root.join("dangling.yaml")).expect("symlink");
        tmp
    }

    /// Inputs relative to the fixture root, and problems as short tags.
    fn summary(root: &Path, x: &Expansion) -> (Vec<String>, Vec<String>) {
        let inputs = x
            .inputs
            .iter()
            .map(|i| match i {
                Input::Stdin => "-".to_owned(),
                Input::File(p) => p
                    .strip_prefix(root)
                    .expect("under root")
                    .display()
                    .to_string(),
            })
            .collect();
        let rel = |p: &Path| {
            p.strip_prefix(root)
                .expect("under root")
                .display()
                .to_string()
        };
        let problems = x
            .problems
            .iter()
            .map(|p| match p {
                InputProblem::Unreadable { path, .. } => format!("unreadable {}", rel(path)),
                InputProblem::Unlistable { dir, .. } => format!("unlistable {}", rel(dir)),
                InputProblem::StdinTwice => "stdin-twice".to_owned(),
                InputProblem::NoManifests { path, recursive } => {
                    format!("no-manifests {} recursive={recursive}", rel(path))
                }
            })
            .collect();
        (inputs, problems)
    }

    /// (what it shows, paths relative to the fixture, -R, expected inputs, expected problems)
    type Case = (
        &'static str,
        &'static [&'static str],
        bool,
        &'static [&'static str],
        &'static [&'static str],
    );

    #[test]
    fn expand_cases() {
        let tmp = fixture();
        let root = tmp.path();
        let top: &[&str] = &["a.yaml", "b.YML", "c.Json"];
        let deep: &[&str] = &[
            "a.yaml",
            "b.YML",
            "c.Json",
            "only-below/inner/e.yaml",
            "sub/d.yaml",
        ];
        #[rustfmt::skip]
        let cases: &[Case] = &[
            ("directory, not recursive: uppercase extensions, no .txt, link deduped",
             &["."], false, top, &[]),
            ("recursive descends once through the symlink loop",
             &["."], true, deep, &[]),
            ("a directory without manifests warns, with the -R hint",
             &["empty"], false, &[], &["no-manifests empty recursive=false"]),
            ("no -R hint when already recursive",
             &["empty"], true, &[], &["no-manifests empty recursive=true"]),
            ("manifests only in subdirectories: a warning without -R, found with it",
             &["only-below"], false, &[], &["no-manifests only-below recursive=false"]),
            ("", &["only-below"], true, &["only-below/inner/e.yaml"], &[]),
            ("a symlink and its target are one input; the first spelling wins",
             &["link.yaml", "a.yaml"], false, &["link.yaml"], &[]),
            ("a directory named twice is read once and is not empty the second time",
             &["sub", "sub"], false, &["sub/d.yaml"], &[]),
            ("a file named explicitly is read whatever its extension",
             &["notes.txt"], false, &["notes.txt"], &[]),
            ("stdin once, in command-line order",
             &["a.yaml", "-", "sub", "-"], false, &["a.yaml", "-", "sub/d.yaml"], &["stdin-twice"]),
            ("missing and dangling paths are unreadable; the rest is kept",
             &["missing.yaml", "dangling.yaml", "a.yaml"], false, &["a.yaml"],
             &["unreadable missing.yaml", "unreadable dangling.yaml"]),
        ];
        for (name, args, recursive, want_inputs, want_problems) in cases {
            let paths: Vec<PathBuf> = args
                .iter()
                .map(|a| {
                    if *a == "-" {
                        PathBuf::from("-")
                    } else {
                        root.join(a)
                    }
                })
                .collect();
            let got = summary(root, &expand(&paths, *recursive));
            let want = (
                want_inputs
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>(),
                want_problems
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>(),
            );
            assert_eq!(got, want, "{name}");
        }
    }

    #[test]
    fn messages_name_the_path() {
        let no = InputProblem::NoManifests {
            path: PathBuf::from("k8s"),
            recursive: false,
        };
        assert_eq!(
            no.to_string(),
            "k8s: no .yaml, .yml or .json files (use -R for subdirectories)"
        );
        assert_eq!(
            InputProblem::StdinTwice.to_string(),
            "`-` (stdin) given more than once"
        );
    }
}
