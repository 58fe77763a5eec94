//! Which manifests a command line names: files, directories of `.yaml`/`.yml`/`.json` files
//! (recursively with `-R`), pipes (`<(helm template …)`) and `-` for stdin.
//!
//! [`expand`] turns the paths into [`Input`]s, each file once (by device and inode, so a
//! symlink and its target, or a file named twice, are read once), and collects what went wrong
//! as [`InputProblem`]s for the command to report: `manifests` and `pin` word and count them
//! differently, so nothing here prints or decides an exit code.
//!
//! What is read, and how much:
//! - Inside a directory only regular files are read (symlinks are followed to see what they
//!   point at): a FIFO would block forever and `/dev/zero` never ends, so anything else with a
//!   manifest extension is skipped with a warning ([`InputProblem::Skipped`]).
//! - A path named on the command line may also be a pipe (process substitution gives
//!   `/dev/fd/63`); a device or socket named there is refused ([`InputProblem::NotAFile`]).
//! - Every input (file, pipe or stdin) is read through [`Read::take`] with a cap
//!   ([`DEFAULT_MAX_INPUT_SIZE`], `--max-input-size`): reading stops at the cap plus one byte,
//!   so an endless or huge input costs at most that much memory.

use std::collections::HashSet;
use std::fmt;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use super::{ImageScalar, Manifest, ManifestError, Position};
use crate::reference::excerpt;

/// File extensions that mark a manifest inside a directory, compared case-insensitively
/// (`DEPLOY.YAML` is a manifest too). A file named on the command line is read whatever its name.
pub const EXTENSIONS: &[&str] = &["yaml", "yml", "json"];

/// The most one input may hold unless `--max-input-size` says otherwise: 64 MiB. Rendered
/// charts of a whole platform are a few MiB; 64 MiB leaves room for generated bundles (CRDs
/// with large schemas) while keeping a runaway input (`/dev/zero`, `yes |`) from taking the
/// machine's memory. Parsing costs a few times the file size, so the cap bounds that too.
pub const DEFAULT_MAX_INPUT_SIZE: u64 = 64 << 20;

/// Where one manifest comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin,
    /// A regular file, named on the command line or found in a directory.
    File(PathBuf),
    /// A pipe named on the command line: process substitution (`<(helm template …)`, seen as
    /// `/dev/fd/63`) or a FIFO. Read once, like stdin; it cannot be rewritten in place.
    Pipe(PathBuf),
}

impl Input {
    /// The name used in messages: the path as given, or `<stdin>`.
    #[must_use]
    pub fn label(&self) -> String {
        match self {
            Self::Stdin => "<stdin>".to_owned(),
            Self::File(p) | Self::Pipe(p) => p.display().to_string(),
        }
    }

    /// Reads the whole input, at most `limit` bytes. File errors name the path (fs-err).
    ///
    /// # Errors
    /// When the input cannot be read, holds more than `limit` bytes, or a path that was a
    /// regular file when the command line was expanded is something else when opened.
    pub fn read(&self, limit: u64) -> Result<Vec<u8>, ReadError> {
        let bytes = match self {
            Self::Stdin => read_capped(io::stdin().lock(), limit, None)?,
            Self::File(path) => {
                let file = open_nonblocking(path)?;
                // `expand` saw a regular file; check what was opened too, so a path swapped
                // for a link to a device in between is refused rather than read.
                let meta = file.metadata()?;
                if !meta.is_file() {
                    return Err(ReadError::NotAFile {
                        kind: Kind::of(meta.file_type()),
                    });
                }
                read_capped(file, limit, Some(meta.len()))?
            }
            Self::Pipe(path) => read_capped(fs_err::File::open(path)?, limit, None)?,
        };
        bytes.ok_or(ReadError::TooLarge { limit })
    }
}

/// Opens `path` for reading without waiting: opening a FIFO blocks until something writes
/// to it, so a regular file swapped for a FIFO between listing and opening would hang the
/// run. `O_NONBLOCK` changes nothing for a regular file's reads; anything else is refused by
/// the caller's check of what was opened.
fn open_nonblocking(path: &Path) -> io::Result<fs_err::File> {
    let mut options = fs_err::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use fs_err::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// Reads `r` to its end through `take(limit + 1)`; `None` when it holds more than `limit`
/// bytes. `size_hint` (a regular file's length) sizes the buffer once, never above the cap.
fn read_capped(r: impl Read, limit: u64, size_hint: Option<u64>) -> io::Result<Option<Vec<u8>>> {
    let capacity = size_hint.unwrap_or(0).min(limit).saturating_add(1);
    let mut buf = Vec::with_capacity(usize::try_from(capacity).unwrap_or(0));
    r.take(limit.saturating_add(1)).read_to_end(&mut buf)?;
    Ok((u64::try_from(buf.len()).unwrap_or(u64::MAX) <= limit).then_some(buf))
}

/// What a path that is not a regular file or directory is, for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Fifo,
    Socket,
    CharDevice,
    BlockDevice,
    Other,
}

impl Kind {
    fn of(t: std::fs::FileType) -> Self {
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt as _;
            if t.is_fifo() {
                return Self::Fifo;
            }
            if t.is_socket() {
                return Self::Socket;
            }
            if t.is_char_device() {
                return Self::CharDevice;
            }
            if t.is_block_device() {
                return Self::BlockDevice;
            }
        }
        let _ = t;
        Self::Other
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Fifo => "a named pipe (FIFO)",
            Self::Socket => "a socket",
            Self::CharDevice => "a character device",
            Self::BlockDevice => "a block device",
            Self::Other => "not a regular file",
        })
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
    /// An entry of a directory with a manifest name is not a regular file (or a symlink to
    /// one): a FIFO, socket or device. A warning; it is not read.
    #[error("{}: {kind}, not a regular file; skipped", path.display())]
    Skipped { path: PathBuf, kind: Kind },
    /// A path named on the command line is a device or socket: refused, not read.
    #[error(
        "{}: {kind}; only files, directories, pipes and `-` (stdin) are read",
        path.display()
    )]
    NotAFile { path: PathBuf, kind: Kind },
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

/// Why an input could not be read or parsed. Callers prefix the input's label, except for
/// [`ReadError::Io`], whose file errors name the path already (fs-err).
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The file or stdin could not be read.
    #[error(transparent)]
    Io(#[from] io::Error),
    /// The input holds more than the size cap; reading stopped at the cap.
    #[error(
        "larger than the input size limit of {} (raise it with --max-input-size)",
        Size(*limit)
    )]
    TooLarge { limit: u64 },
    /// A regular file when the command line was expanded, something else when opened.
    #[error("{kind}, not a regular file; not read")]
    NotAFile { kind: Kind },
    /// Not UTF-8, not YAML/JSON, or an image field of the wrong shape (`line:col: reason`).
    #[error(transparent)]
    Manifest(#[from] ManifestError),
    /// Stdin or a pipe carried nothing (or only white space): the command writing to it most
    /// likely failed (`kubectl get … -o yaml | kubectl verify manifests -` with no cluster),
    /// and reading it as "no images" would pass a check that never ran.
    #[error("empty: nothing was written to it (did the command feeding it fail?)")]
    Empty,
}

/// Reads (at most `limit` bytes), decodes and parses one input, and lists its image scalars.
#[must_use]
pub fn read_input(input: Input, limit: u64) -> ReadInput {
    let bytes = match input.read(limit) {
        Ok(b) => b,
        Err(e) => {
            return ReadInput {
                input,
                bytes: Vec::new(),
                parsed: Err(e),
            };
        }
    };
    let streamed = matches!(input, Input::Stdin | Input::Pipe(_));
    let (bytes, parsed) = if streamed && bytes.trim_ascii().is_empty() {
        (bytes, Err(ReadError::Empty))
    } else {
        parse(bytes)
    };
    ReadInput {
        input,
        bytes,
        parsed,
    }
}

/// Decodes and parses `bytes`, and gives them back: they are moved into the parser and out
/// again, never copied (`pin` of a large file holds it once; issue 10).
fn parse(bytes: Vec<u8>) -> (Vec<u8>, Result<Parsed, ReadError>) {
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let bytes = e.into_bytes();
            let err = super::decode(&bytes)
                .err()
                .unwrap_or(ManifestError::NotUtf8 {
                    at: Position { line: 1, col: 1 },
                });
            return (bytes, Err(err.into()));
        }
    };
    match Manifest::parse(text) {
        Ok(m) => {
            let images = m.images();
            (
                m.into_text().into_bytes(),
                images.map(Parsed::Images).map_err(ReadError::from),
            )
        }
        Err((e, text)) => {
            let parsed =
                super::templated_at(&text).map_or(Err(e.into()), |at| Ok(Parsed::Templated { at }));
            (text.into_bytes(), parsed)
        }
    }
}

/// A byte count as `--max-input-size` spells it: `64Mi`, `500k`, `1Gi`, or plain bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size(pub u64);

/// Binary suffixes first, so `Mi` is not read as `M` followed by junk.
const SUFFIXES: &[(&str, u64)] = &[
    ("Ki", 1 << 10),
    ("Mi", 1 << 20),
    ("Gi", 1 << 30),
    ("Ti", 1 << 40),
    ("k", 1_000),
    ("K", 1_000),
    ("M", 1_000_000),
    ("G", 1_000_000_000),
    ("T", 1_000_000_000_000),
];

impl fmt::Display for Size {
    /// The largest unit that divides the count exactly, binary units first: `64Mi`, `500k`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0;
        let unit = ["Ti", "Gi", "Mi", "Ki", "T", "G", "M", "k"]
            .into_iter()
            .filter_map(|s| SUFFIXES.iter().find(|(x, _)| *x == s))
            .find(|(_, m)| n >= *m && n.is_multiple_of(*m));
        match unit {
            Some((s, m)) => write!(f, "{}{s}", n / m),
            None if n == 1 => f.write_str("1 byte"),
            None => write!(f, "{n} bytes"),
        }
    }
}

/// Parses a size as Kubernetes quantities are written: digits, then optionally `k`/`M`/`G`/`T`
/// (powers of 1000) or `Ki`/`Mi`/`Gi`/`Ti` (powers of 1024). At least one byte.
///
/// # Errors
/// A message for clap when the text is not such a size, is zero, or overflows.
pub fn parse_size(s: &str) -> Result<u64, String> {
    let bad = || {
        format!(
            "{:?} is not a size like 64Mi, 1Gi, 500k or 1048576",
            excerpt(s)
        )
    };
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let (number, suffix) = s.split_at(digits);
    let n: u64 = number.parse().map_err(|_| bad())?;
    let multiplier = if suffix.is_empty() {
        1
    } else {
        SUFFIXES
            .iter()
            .find(|(x, _)| *x == suffix)
            .map(|(_, m)| *m)
            .ok_or_else(bad)?
    };
    match n.checked_mul(multiplier) {
        Some(0) => Err("the input size limit must be at least one byte".to_owned()),
        Some(size) => Ok(size),
        None => Err(format!("{:?} is too large", excerpt(s))),
    }
}

/// Expands command-line paths into manifest inputs. Touches the file system (metadata,
/// directory listings) but reads no file.
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
        // Follows symlinks, and the magic links of process substitution (`/dev/fd/63`) to the
        // pipe itself. (Canonicalising such a path fails: its target `pipe:[…]` names no file.)
        match std::fs::metadata(path) {
            Err(err) => out.problems.push(InputProblem::Unreadable {
                path: path.clone(),
                err,
            }),
            Ok(meta) if meta.is_dir() => {
                let mut files = Vec::new();
                // Loop detection per argument: naming a directory twice (or a directory and
                // its parent) is not "a directory without manifests"; the files dedupe below.
                let walked = walk(
                    path,
                    recursive,
                    &mut HashSet::new(),
                    &mut files,
                    &mut out.problems,
                );
                match walked {
                    Err(problem) => out.problems.push(problem),
                    Ok(()) if files.is_empty() => out.problems.push(InputProblem::NoManifests {
                        path: path.clone(),
                        recursive,
                    }),
                    Ok(()) => {}
                }
                for (file, meta) in files {
                    out.push(Input::File(file), &meta, &mut seen_files);
                }
            }
            Ok(meta) if meta.is_file() => {
                out.push(Input::File(path.clone()), &meta, &mut seen_files);
            }
            Ok(meta) => match Kind::of(meta.file_type()) {
                Kind::Fifo => out.push(Input::Pipe(path.clone()), &meta, &mut seen_files),
                kind => out.problems.push(InputProblem::NotAFile {
                    path: path.clone(),
                    kind,
                }),
            },
        }
    }
    out
}

/// What makes two paths the same file: device and inode where there are such things.
#[cfg(unix)]
type FileKey = (u64, u64);
#[cfg(not(unix))]
type FileKey = PathBuf;

#[cfg(unix)]
#[allow(clippy::unnecessary_wraps)] // the same shape as the canonicalising version
fn file_key(_path: &Path, meta: &std::fs::Metadata) -> io::Result<FileKey> {
    use std::os::unix::fs::MetadataExt as _;
    Ok((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn file_key(path: &Path, _meta: &std::fs::Metadata) -> io::Result<FileKey> {
    std::fs::canonicalize(path)
}

impl Expansion {
    fn push(&mut self, input: Input, meta: &std::fs::Metadata, seen: &mut HashSet<FileKey>) {
        let (Input::File(path) | Input::Pipe(path)) = &input else {
            self.inputs.push(input);
            return;
        };
        match file_key(path, meta) {
            Ok(key) => {
                if seen.insert(key) {
                    self.inputs.push(input);
                }
            }
            Err(err) => self.problems.push(InputProblem::Unreadable {
                path: path.clone(),
                err,
            }),
        }
    }
}

/// Appends `dir`'s manifest files (with their metadata) to `files` in name order, descending
/// with `recursive`. Entries with a manifest name that are not regular files are skipped with
/// a warning in `warnings`.
fn walk(
    dir: &Path,
    recursive: bool,
    seen_dirs: &mut HashSet<PathBuf>,
    files: &mut Vec<(PathBuf, std::fs::Metadata)>,
    warnings: &mut Vec<InputProblem>,
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
        // Follows a symlink to what it points at: a link to `/dev/zero` is a device.
        let Ok(meta) = std::fs::metadata(&path) else {
            // A dangling symlink is not a manifest; skip it.
            continue;
        };
        if meta.is_dir() {
            if recursive {
                walk(&path, recursive, seen_dirs, files, warnings)?;
            }
        } else if is_manifest_name(&path) {
            if meta.is_file() {
                files.push((path, meta));
            } else {
                let kind = Kind::of(meta.file_type());
                warnings.push(InputProblem::Skipped { path, kind });
            }
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
        // What a directory may hold that must never be read: a FIFO (blocks), a link to an
        // endless device, a socket. Only the manifest-named ones are worth a warning.
        std::fs::create_dir_all(root.join("special")).expect("mkdir");
        std::fs::write(root.join("special/ok.yaml"), "kind: Pod\n").expect("write");
        let fifo = std::process::Command::new("mkfifo")
            .arg(root.join("special/b.yaml"))
            .status()
            .expect("mkfifo");
        assert!(fifo.success());
        symlink("/dev/zero", root.join("special/z.yaml")).expect("symlink");
        symlink("/dev/zero", root.join("special/zero")).expect("symlink");
        let _socket =
            std::os::unix::net::UnixListener::bind(root.join("special/s.json")).expect("socket");
        tmp
    }

    /// A path listed as a regular file and swapped for a FIFO before it is opened (nothing
    /// ever writes to it): refused at once as not a regular file, not waited on forever.
    #[test]
    fn a_file_swapped_for_a_fifo_is_refused_not_waited_on() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let path = tmp.path().join("deploy.yaml");
        let fifo = std::process::Command::new("mkfifo")
            .arg(&path)
            .status()
            .expect("mkfifo");
        assert!(fifo.success());
        // Read on a thread so that a regression (opening the FIFO blocks until a writer comes,
        // and none ever does) fails this test instead of hanging it.
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(Input::File(path).read(1 << 20));
        });
        let err = rx
            .recv_timeout(std::time::Duration::from_secs(10))
            .expect("reading the FIFO waited for a writer")
            .expect_err("a FIFO is refused");
        assert!(
            matches!(err, ReadError::NotAFile { kind: Kind::Fifo }),
            "{err:?}"
        );
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
                Input::Pipe(p) => format!(
                    "pipe {}",
                    p.strip_prefix(root).expect("under root").display()
                ),
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
                InputProblem::Skipped { path, kind } => format!("skipped {} {kind:?}", rel(path)),
                InputProblem::NotAFile { path, kind } => {
                    format!("not-a-file {} {kind:?}", rel(path))
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
            "special/ok.yaml",
            "sub/d.yaml",
        ];
        let specials: &[&str] = &[
            "skipped special/b.yaml Fifo",
            "skipped special/s.json Socket",
            "skipped special/z.yaml CharDevice",
        ];
        #[rustfmt::skip]
        let cases: &[Case] = &[
            ("directory, not recursive: uppercase extensions, no .txt, link deduped",
             &["."], false, top, &[]),
            ("recursive descends once through the symlink loop",
             &["."], true, deep, specials),
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
            ("in a directory only regular files are read; special manifest names warn",
             &["special"], false, &["special/ok.yaml"], specials),
            ("named on the command line, a FIFO is a pipe input and a device is refused",
             &["special/b.yaml", "special/z.yaml", "special/b.yaml"], false, &["pipe special/b.yaml"],
             &["not-a-file special/z.yaml CharDevice"]),
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

    #[test]
    fn sizes_parse_as_kubernetes_quantities() {
        let ok: &[(&str, u64)] = &[
            ("1", 1),
            ("1048576", 1 << 20),
            ("500k", 500_000),
            ("500K", 500_000),
            ("64Mi", 64 << 20),
            ("1Gi", 1 << 30),
            ("2M", 2_000_000),
            ("1Ti", 1 << 40),
        ];
        for (text, want) in ok {
            assert_eq!(parse_size(text), Ok(*want), "{text}");
        }
        for bad in [
            "",
            "0",
            "0Mi",
            "Mi",
            "64 Mi",
            "64MB",
            "-1",
            "1.5Gi",
            "64mi",
            "99999999999Ti",
        ] {
            assert!(parse_size(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn sizes_display_in_the_largest_exact_unit() {
        let table: &[(u64, &str)] = &[
            (DEFAULT_MAX_INPUT_SIZE, "64Mi"),
            (1 << 30, "1Gi"),
            (500_000, "500k"),
            (2_000_000, "2M"),
            (1536, "1536 bytes"),
            (1, "1 byte"),
            (3 << 10, "3Ki"),
        ];
        for (n, want) in table {
            assert_eq!(Size(*n).to_string(), *want);
            assert_eq!(
                parse_size(want.trim_end_matches(" bytes").trim_end_matches(" byte")),
                Ok(*n)
            );
        }
    }

    #[test]
    fn capped_reads_stop_one_byte_past_the_cap() {
        // An endless reader: only the cap plus one byte is ever taken from it.
        let got = read_capped(io::repeat(b'x'), 10, None).unwrap();
        assert!(got.is_none());
        assert_eq!(
            read_capped(&b"0123456789"[..], 10, Some(10))
                .unwrap()
                .unwrap()
                .len(),
            10
        );
        assert_eq!(
            read_capped(&b""[..], 10, Some(u64::MAX))
                .unwrap()
                .unwrap()
                .len(),
            0
        );
        let mut counted = CountingReader(io::repeat(b'x'), 0);
        let _ = read_capped(&mut counted, 1000, None).unwrap();
        assert_eq!(counted.1, 1001);
    }

    struct CountingReader<R>(R, usize);
    impl<R: Read> Read for CountingReader<R> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = self.0.read(buf)?;
            self.1 += n;
            Ok(n)
        }
    }

    #[test]
    fn too_large_names_the_cap() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("big.yaml");
        std::fs::write(&path, vec![b'#'; 2048]).unwrap();
        let e = Input::File(path.clone()).read(1024).unwrap_err();
        assert_eq!(
            e.to_string(),
            "larger than the input size limit of 1Ki (raise it with --max-input-size)"
        );
        assert_eq!(Input::File(path).read(2048).unwrap().len(), 2048);
    }
}
