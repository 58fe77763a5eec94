//! Hostile input files (issue 8): what a directory, a pipe or a file's text holds must never
//! hang `manifests` or `pin`, take the machine's memory, flood stderr, or leave a half-written
//! manifest behind. Each test is named after the behaviour it protects and runs the built
//! binary; a run limit guards against hangs (it is not a timing assertion), and runs that
//! could read without end do so under an address-space limit (`ulimit -v`), so the old
//! behaviour fails the test instead of the machine.
#![allow(clippy::unwrap_used)] // test setup: a failure is a broken fixture

use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};
use std::time::{Duration, Instant, SystemTime};

use assert_cmd::Command;

use crate::pin::{mirrors, pin_cmd};
use crate::support::kubectl_verify;
use crate::support::registry::TestRegistry;

/// A hang guard: far above what any of these runs needs.
const RUN_LIMIT: Duration = Duration::from_secs(20);
/// Address space for runs that used to read without end: plenty for the binary (threads
/// reserve stacks and malloc arenas), far below "until memory runs out".
const MEMORY_LIMIT_KIB: u64 = 4 << 20;

/// A manifest without images: reading it needs no registry.
const CONFIGMAP: &str = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: b\n";

fn stderr_of(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The scrubbed `kubectl-verify` of [`kubectl_verify`] with `args`, as a `std` command.
fn std_command(args: &[&str]) -> std::process::Command {
    let base = kubectl_verify();
    let mut cmd = std::process::Command::new(base.get_program());
    for (k, v) in base.get_envs() {
        match v {
            Some(v) => cmd.env(k, v),
            None => cmd.env_remove(k),
        };
    }
    cmd.args(args);
    cmd
}

/// `kubectl verify ARGS` run through `sh` with an address-space limit, in `dir`, reading
/// stdin from `stdin` when given (assert_cmd replaces a child's stdin with its own buffer,
/// and its `pipe_stdin` reads the whole file into memory first).
fn limited_std(dir: &Path, args: &[&str], stdin: Option<&str>) -> std::process::Command {
    let base = std_command(args);
    let redirect = stdin.map(|p| format!(" < {p}")).unwrap_or_default();
    let mut sh = std::process::Command::new("sh");
    sh.arg("-c")
        .arg(format!(
            "ulimit -v {MEMORY_LIMIT_KIB} && exec \"$0\" \"$@\"{redirect}"
        ))
        .arg(base.get_program())
        .args(base.get_args())
        .current_dir(dir);
    for (k, v) in base.get_envs() {
        match v {
            Some(v) => sh.env(k, v),
            None => sh.env_remove(k),
        };
    }
    sh
}

/// [`limited_std`] with the hang guard.
fn limited(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::from_std(limited_std(dir, args, None));
    cmd.timeout(RUN_LIMIT);
    cmd
}

fn mkfifo(path: &Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap()
        .success();
    assert!(ok, "mkfifo {}", path.display());
}

/// Issue 8: a FIFO named `b.yaml` in a `-R` directory hung `manifests` and `pin` forever
/// (opening it blocks until a writer comes).
#[test]
fn fifo_in_a_directory_is_skipped_with_a_warning() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("k8s");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("a.yaml"), CONFIGMAP).unwrap();
    mkfifo(&dir.join("sub/b.yaml"));
    // Issue 9: for `manifests` (and `pin --verify`) a file not read is a finding, exit 1.
    for (args, code) in [
        (&["manifests", "-R", "k8s"][..], 1),
        (&["pin", "-R", "k8s"], 0),
        (&["pin", "--dry-run", "-R", "k8s"], 0),
    ] {
        let out = limited(tmp.path(), args).output().unwrap();
        let err = stderr_of(&out);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {err}");
        assert!(
            err.contains("k8s/sub/b.yaml: a named pipe (FIFO), not a regular file; skipped"),
            "{args:?}: {err}"
        );
    }
    assert_eq!(
        std::fs::read_to_string(dir.join("a.yaml")).unwrap(),
        CONFIGMAP
    );
}

/// Issue 8: a `z.yaml` symlink to `/dev/zero` in a directory was read until memory ran out.
#[test]
fn symlink_to_a_device_in_a_directory_is_skipped_with_a_warning() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("k8s");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("a.yaml"), CONFIGMAP).unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.join("z.yaml")).unwrap();
    for (args, code) in [(&["manifests", "k8s"][..], 1), (&["pin", "k8s"], 0)] {
        let out = limited(tmp.path(), args).output().unwrap();
        let err = stderr_of(&out);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {err}");
        assert!(
            err.contains("k8s/z.yaml: a character device, not a regular file; skipped"),
            "{args:?}: {err}"
        );
    }
}

/// Issue 8: `kubectl verify manifests <(cat deploy.yaml)` failed with "No such file or
/// directory": `/dev/fd/63` was canonicalised, and its target `pipe:[…]` names no file.
#[test]
fn process_substitution_is_read_as_a_pipe() {
    let tmp = tempfile::tempdir().unwrap();
    // An invalid reference: proof the pipe was read and parsed, with no registry needed.
    let deploy = "kind: Pod\nspec:\n  containers:\n  - image: Nginx:1\n";
    std::fs::write(tmp.path().join("deploy.yaml"), deploy).unwrap();
    let base = std_command(&[]);
    let run = |script: &str| {
        let mut bash = std::process::Command::new("bash");
        bash.arg("-c")
            .arg(script)
            .arg(base.get_program())
            .current_dir(tmp.path());
        for (k, v) in base.get_envs() {
            match v {
                Some(v) => bash.env(k, v),
                None => bash.env_remove(k),
            };
        }
        Command::from_std(bash).timeout(RUN_LIMIT).output().unwrap()
    };

    let out = run(r#""$0" manifests <(cat deploy.yaml) <(cat deploy.yaml)"#);
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(":4:12: repository name must be lowercase: \"Nginx\""),
        "{err}"
    );
    assert!(err.contains("/dev/fd/"), "{err}");
    assert!(!err.contains("No such file"), "{err}");
    // Two pipes are two inputs, each read once.
    assert_eq!(err.matches("must be lowercase").count(), 2, "{err}");

    // pin: a diff can be shown, but a pipe cannot be rewritten in place.
    let pinned = deploy.replace("Nginx:1", &format!("nginx@sha256:{}", "1".repeat(64)));
    std::fs::write(tmp.path().join("deploy.yaml"), &pinned).unwrap();
    let out = run(r#""$0" pin --dry-run <(cat deploy.yaml)"#);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let out = run(r#""$0" pin <(cat deploy.yaml)"#);
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("a pipe cannot be rewritten in place; use `kubectl verify pin - < FILE`"),
        "{err}"
    );
}

/// Issue 8: a device named on the command line was read (`/dev/zero` until memory ran out).
#[test]
fn device_named_on_the_command_line_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    for cmd in ["manifests", "pin"] {
        let out = limited(tmp.path(), &[cmd, "/dev/zero"]).output().unwrap();
        let err = stderr_of(&out);
        assert_eq!(out.status.code(), Some(2), "{cmd}: {err}");
        assert!(
            err.contains(
                "/dev/zero: a character device; only files, directories, pipes and `-` (stdin) are read"
            ),
            "{cmd}: {err}"
        );
    }
}

/// Issue 8: inputs had no size cap; an endless stdin or a huge file was read into memory
/// whole. Reading stops one byte past the cap and the error names the input and the cap.
#[test]
fn inputs_over_the_size_cap_are_refused_naming_input_and_cap() {
    let tmp = tempfile::tempdir().unwrap();
    // Over the 64Mi default: a sparse file, cheap to make.
    let huge = tmp.path().join("huge.yaml");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len((64 << 20) + 1)
        .unwrap();
    let small = tmp.path().join("small.yaml");
    std::fs::write(&small, format!("{CONFIGMAP}#{}\n", "x".repeat(2000))).unwrap();

    for cmd in ["manifests", "pin"] {
        let out = limited(tmp.path(), &[cmd, "huge.yaml"]).output().unwrap();
        let err = stderr_of(&out);
        assert_eq!(out.status.code(), Some(2), "{cmd}: {err}");
        assert!(
            err.contains(
                "huge.yaml: larger than the input size limit of 64Mi (raise it with --max-input-size)"
            ),
            "{cmd}: {err}"
        );

        let out = limited(tmp.path(), &[cmd, "--max-input-size", "1Ki", "small.yaml"])
            .output()
            .unwrap();
        let err = stderr_of(&out);
        assert_eq!(out.status.code(), Some(2), "{cmd}: {err}");
        assert!(
            err.contains("small.yaml: larger than the input size limit of 1Ki"),
            "{cmd}: {err}"
        );
        let out = limited(tmp.path(), &[cmd, "--max-input-size", "4k", "small.yaml"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{cmd}: {}", stderr_of(&out));

        // An endless stdin.
        let endless = limited_std(
            tmp.path(),
            &[cmd, "--max-input-size", "1Mi", "-"],
            Some("/dev/zero"),
        );
        let out = Command::from_std(endless)
            .timeout(RUN_LIMIT)
            .output()
            .unwrap();
        let err = stderr_of(&out);
        assert_eq!(out.status.code(), Some(2), "{cmd}: {err}");
        assert!(
            err.contains("<stdin>: larger than the input size limit of 1Mi"),
            "{cmd}: {err}"
        );

        let out = limited(tmp.path(), &[cmd, "--max-input-size", "0", "small.yaml"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{cmd}: {}", stderr_of(&out));
    }
}

/// Issue 8: one 1 MiB line of `{` took 130 s: the template scan restarted its search for the
/// line's end and for `}}` at every `{{`.
#[test]
fn a_one_mib_line_of_braces_is_read_promptly() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("braces.yaml"), "{".repeat(1 << 20)).unwrap();
    for cmd in ["manifests", "pin"] {
        let started = Instant::now();
        let out = limited(tmp.path(), &[cmd, "braces.yaml"]).output().unwrap();
        let err = stderr_of(&out);
        // Not YAML (too deeply nested): exit 2, well within the hang guard.
        assert_eq!(out.status.code(), Some(2), "{cmd}: {err}");
        assert!(err.contains("braces.yaml:1:"), "{cmd}: {err}");
        eprintln!("{cmd}: 1 MiB of '{{' read in {:?}", started.elapsed());
    }
}

/// Issue 8: an invalid 50 MiB image value was echoed whole to stderr. (4 MiB here: parsing
/// 50 MiB takes a debug build 15 s, and the quoting is the same.)
#[test]
fn a_huge_invalid_image_is_quoted_at_most_200_bytes() {
    let tmp = tempfile::tempdir().unwrap();
    let huge = "A".repeat(4 << 20);
    let spaced = format!("x{}y", " ".repeat(4 << 20));
    let files = [
        (
            "name.yaml",
            format!("kind: Pod\nspec:\n  containers:\n  - image: {huge}\n"),
        ),
        (
            "space.yaml",
            format!("kind: Pod\nspec:\n  containers:\n  - image: \"{spaced}\"\n"),
        ),
        (
            "tag.yaml",
            format!(
                "kind: Pod\nspec:\n  containers:\n  - image: nginx:{}\n",
                "t".repeat(4 << 20)
            ),
        ),
        (
            "map.yaml",
            format!("kind: Pod\nspec:\n  containers:\n  - image: {{a: {huge}}}\n"),
        ),
        // Explicit keys: an implicit one may not be longer than 1024 characters.
        (
            "dup.yaml",
            format!("kind: Pod\n? {huge}\n: 1\n? {huge}\n: 2\n"),
        ),
    ];
    for (name, text) in &files {
        std::fs::write(tmp.path().join(name), text).unwrap();
    }
    for cmd in ["manifests", "pin"] {
        for (name, _) in &files {
            let out = limited(tmp.path(), &[cmd, name]).output().unwrap();
            let err = stderr_of(&out);
            assert!(
                matches!(out.status.code(), Some(1 | 2)),
                "{cmd} {name}: {err:.2000}"
            );
            assert!(
                err.contains(&format!("{name}:")),
                "{cmd} {name}: {err:.2000}"
            );
            assert!(err.contains('…'), "{cmd} {name}: {err:.2000}");
            // Each message line: the quote (200 bytes) plus the words around it.
            for line in err.lines() {
                assert!(
                    line.len() < 600,
                    "{cmd} {name}: {} bytes: {line:.300}",
                    line.len()
                );
            }
        }
    }
}

/// A tiny seeded PRNG (xorshift64*): the kill moments are the same on every run.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// Uniform enough in `0..n` for picking moments.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// Files of the crash test: `NAME` → original text, one distinct image each.
fn crash_corpus(reg: &TestRegistry) -> Vec<(String, String, String)> {
    // A comment of some size so writing (and fsyncing) takes a measurable part of the run.
    let padding = format!("# {}\n", "padding ".repeat(8 << 10));
    (0..20)
        .map(|i| {
            let tag = format!("v{i}");
            let digest = reg.push_image("team/app", &tag);
            let name = format!("deploy-{i:02}.yaml");
            let original = format!(
                "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-{i}\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        image: registry.test/team/app:{tag}  # keep\n{padding}"
            );
            let pinned = original.replace(
                &format!("app:{tag}  # keep"),
                &format!("app@{digest}  # keep"),
            );
            (name, original, pinned)
        })
        .collect()
}

/// Names in `dir` that are not the corpus files.
fn extra_files(dir: &Path, corpus: &[(String, String, String)]) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !corpus.iter().any(|(name, _, _)| name == n))
        .collect();
    out.sort();
    out
}

/// Our temp-file pattern: `.NAME.kubectl-verify-tmp-XXXXXX`.
fn is_our_temp(name: &str, corpus: &[(String, String, String)]) -> bool {
    corpus.iter().any(|(file, _, _)| {
        name.strip_prefix(&format!(".{file}.kubectl-verify-tmp-"))
            .is_some_and(|r| r.len() == 6 && r.bytes().all(|b| b.is_ascii_alphanumeric()))
    })
}

fn backdate(path: &Path, by: Duration) {
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(SystemTime::now() - by)
        .unwrap();
}

/// Issue 8, crash safety of pin: `kill -9` at a random moment while `pin` rewrites 20 files
/// must leave each file either as it was or fully pinned, and temp files named so that the
/// next run recognises and removes them (they used to be `.NAME.XXXXXX.tmp`, never removed).
#[test]
fn kill_9_during_pin_leaves_files_whole_and_the_next_run_sweeps_its_temps() {
    const TRIALS: usize = 50;
    const SEED: u64 = 0x6b75_6265_6374_6c38;
    let reg = TestRegistry::plain();
    let corpus = crash_corpus(&reg);
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("k8s");
    std::fs::create_dir_all(&dir).unwrap();
    let reset = || {
        for (name, original, _) in &corpus {
            std::fs::write(dir.join(name), original).unwrap();
        }
    };
    let mut args: Vec<String> = vec!["pin".into()];
    args.extend(mirrors(&reg));
    args.push("k8s".into());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();

    // Calibration: how long an uninterrupted run takes, and when (after the spawn) it writes
    // the files, read from their mtimes. Half the kill moments are spread over the whole run,
    // half over the writing window, so that kills land mid-write on every machine.
    let mut full = Duration::ZERO;
    let (mut write_from, mut write_to) = (Duration::MAX, Duration::ZERO);
    for _ in 0..3 {
        reset();
        let spawned = SystemTime::now();
        let started = Instant::now();
        let out = std_command(&args).current_dir(tmp.path()).output().unwrap();
        full = full.max(started.elapsed());
        assert!(out.status.success(), "{}", stderr_of(&out));
        for (name, _, pinned) in &corpus {
            let path = dir.join(name);
            assert_eq!(&std::fs::read_to_string(&path).unwrap(), pinned);
            let written = std::fs::metadata(&path).unwrap().modified().unwrap();
            let at = written.duration_since(spawned).unwrap_or_default();
            write_from = write_from.min(at);
            write_to = write_to.max(at);
        }
    }
    let micros = |d: Duration| u64::try_from(d.as_micros()).unwrap();
    let whole = 0..micros(full) * 11 / 10;
    // A file's mtime is when its temp file was last written: start a little before the first.
    let writing = micros(write_from).saturating_sub(5_000)..micros(write_to) + 2_000;

    let mut rng = XorShift(SEED);
    let (mut corrupt, mut mixed, mut with_temps) = (0, 0, 0);
    let mut seen = std::collections::HashSet::new();
    let started = Instant::now();
    for trial in 0..TRIALS {
        reset();
        let window = if trial % 2 == 0 { &whole } else { &writing };
        let wait = Duration::from_micros(window.start + rng.below(window.end - window.start));
        let mut child = std_command(&args)
            .current_dir(tmp.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(wait);
        let _ = child.kill(); // SIGKILL; fails only when the run has already finished
        child.wait().unwrap();

        let mut pinned_now = 0;
        for (name, original, pinned) in &corpus {
            let now = std::fs::read_to_string(dir.join(name)).unwrap();
            if &now == pinned {
                pinned_now += 1;
            } else if &now != original {
                corrupt += 1;
                eprintln!(
                    "trial {trial} (kill after {wait:?}): {name} is neither original nor pinned"
                );
            }
        }
        if pinned_now > 0 && pinned_now < corpus.len() {
            mixed += 1;
        }
        let extra = extra_files(&dir, &corpus);
        // Leftovers stay until they are old enough to sweep: count this trial's new ones.
        if extra.iter().filter(|n| seen.insert((*n).clone())).count() > 0 {
            with_temps += 1;
        }
        for name in &extra {
            assert!(
                is_our_temp(name, &corpus),
                "trial {trial}: unrecognisable leftover {name}"
            );
        }
    }
    eprintln!(
        "{TRIALS} trials in {:?} (kill moments over {whole:?} µs, half over the writing in \
         {writing:?} µs): {corrupt} corrupt files, {mixed} killed mid-way through the files, \
         {with_temps} left temp files",
        started.elapsed()
    );
    assert_eq!(corrupt, 0);

    // The next run removes the leftovers once they are old enough (backdated here rather
    // than waited for) and no writer holds them; a temp of ours that is fresh, or locked by
    // a live writer, or in a directory this run does not write to, is kept, and so is a
    // file that is not ours.
    let leftovers = extra_files(&dir, &corpus);
    for name in &leftovers {
        backdate(&dir.join(name), Duration::from_secs(60));
    }
    let fresh = dir.join(".deploy-00.yaml.kubectl-verify-tmp-fresh1");
    let locked = dir.join(".deploy-01.yaml.kubectl-verify-tmp-locked");
    let foreign = dir.join(".deploy-02.yaml.abcdef.tmp");
    let elsewhere_dir = tmp.path().join("elsewhere");
    std::fs::create_dir_all(&elsewhere_dir).unwrap();
    let elsewhere = elsewhere_dir.join(".x.yaml.kubectl-verify-tmp-abcdef");
    for p in [&fresh, &locked, &foreign, &elsewhere] {
        std::fs::write(p, "partial").unwrap();
    }
    for p in [&locked, &foreign, &elsewhere] {
        backdate(p, Duration::from_secs(60));
    }
    let holder = std::fs::File::open(&locked).unwrap();
    holder.lock().unwrap();

    reset();
    let out = pin_cmd(&reg, tmp.path())
        .args(["-v", "k8s"])
        .output()
        .unwrap();
    let err = stderr_of(&out);
    assert!(out.status.success(), "{err}");
    for (name, _, pinned) in &corpus {
        assert_eq!(&std::fs::read_to_string(dir.join(name)).unwrap(), pinned);
    }
    let mut kept: Vec<PathBuf> = extra_files(&dir, &corpus)
        .into_iter()
        .map(|n| dir.join(n))
        .collect();
    kept.sort();
    let mut want = vec![fresh, locked, foreign];
    want.sort();
    assert_eq!(kept, want, "{err}");
    assert!(elsewhere.exists());
    assert_eq!(
        err.matches("removed a temporary file left by an interrupted run")
            .count(),
        leftovers.len(),
        "{err}"
    );
    drop(holder);
}
