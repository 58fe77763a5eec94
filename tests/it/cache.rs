//! The verification cache (issue 10 point 5): repeated runs over one cache directory skip the
//! signature requests of what verified before, and nothing that decided a verdict can change
//! without the cache missing.
#![allow(clippy::unwrap_used)] // test setup: a failure is a broken fixture

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::Value;

use crate::image::push_bundle;
use crate::support::kubectl_verify;
use crate::support::registry::TestRegistry;
use crate::support::sigstore::{Key, Signer, TestSigstore};

/// A registry with `app:1` and `other:1` signed by `key` (cosign 3 bundles), `unsigned:1`
/// not signed, and a cache directory of its own.
struct Fixture {
    s: TestSigstore,
    reg: TestRegistry,
    host: String,
    key_path: PathBuf,
    root: PathBuf,
    cache: tempfile::TempDir,
    app: String,
    other: String,
}

impl Fixture {
    fn new() -> Self {
        let s = TestSigstore::new();
        let reg = TestRegistry::plain();
        let host = reg.host();
        let key = Key::generate();
        let key_path = s.dir().join("cosign.pub");
        std::fs::write(&key_path, key.public_pem()).unwrap();
        let app = reg.push_image("app", "1");
        push_bundle(&reg, "app", &app, &s.bundle_v03(Signer::Key(&key), &app));
        let other = reg.push_image("other", "1");
        push_bundle(
            &reg,
            "other",
            &other,
            &s.bundle_v03(Signer::Key(&key), &other),
        );
        reg.push_image("unsigned", "1");
        let root = s.trusted_root_path();
        Self {
            s,
            reg,
            host,
            key_path,
            root,
            cache: tempfile::tempdir().unwrap(),
            app,
            other,
        }
    }

    fn image(&self, name: &str) -> String {
        format!("{}/{name}", self.host)
    }

    /// `kubectl verify image -o json` over the fixture's cache with `args`: (exit code, JSON,
    /// stderr).
    fn run(&self, args: &[&str]) -> (i32, Value, String) {
        self.run_in(self.cache.path(), args)
    }

    fn run_in(&self, cache: &Path, args: &[&str]) -> (i32, Value, String) {
        let out = kubectl_verify()
            .env("KUBECTL_VERIFY_CACHE_DIR", cache)
            .args(["image", "-o", "json", "--insecure-registry", &self.host])
            .arg("--trusted-root")
            .arg(&self.root)
            .args(args)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        let json: Value = serde_json::from_str(&stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{stdout}\nstderr:\n{stderr}"));
        (out.status.code().unwrap_or(-1), json, stderr)
    }

    /// Runs with the fixture's key; the requests the registry served for it (the harness's
    /// own excluded).
    fn run_counted(&self, args: &[&str]) -> (i32, Value, String, Vec<String>) {
        let before = self.reg.request_log().len();
        let key = self.key_path.to_str().unwrap().to_owned();
        let mut all = vec!["--key", &key];
        all.extend_from_slice(args);
        let (code, json, stderr) = self.run(&all);
        let log = self.reg.request_log()[before..].to_vec();
        (code, json, stderr, log)
    }

    fn entries(&self) -> Vec<PathBuf> {
        entry_files(self.cache.path())
    }
}

fn entry_files(cache: &Path) -> Vec<PathBuf> {
    let Ok(list) = std::fs::read_dir(cache.join("verify")) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = list
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    out.sort();
    out
}

fn cached(json: &Value, i: usize) -> bool {
    json["images"][i]["cached"] == Value::Bool(true)
}

fn verdicts(json: &Value) -> Vec<String> {
    json["images"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["verdict"].as_str().unwrap().to_owned())
        .collect()
}

/// A cached run makes at most one request per tag-referenced image (its resolve) and none
/// per digest-referenced one, and reports the same signer, format and Rekor entry as the run
/// that verified, marked `cached: true`; `-v=2` says where the verdict came from.
#[test]
fn a_cached_run_costs_one_request_per_tag_and_none_per_digest() {
    let f = Fixture::new();
    let tagged = format!("{}:1", f.image("app"));
    let pinned = format!("{}@{}", f.image("other"), f.other);
    let (code, first, stderr, cold) = f.run_counted(&[&tagged, &pinned]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(verdicts(&first), ["verified", "verified"]);
    assert!(!cached(&first, 0) && !cached(&first, 1), "{first:#}");
    assert!(
        first["images"][0].get("cached").is_none(),
        "left out when false"
    );
    assert_eq!(f.entries().len(), 2);

    let (code, second, stderr, warm) = f.run_counted(&["-v=2", &tagged, &pinned]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(verdicts(&second), ["verified", "verified"]);
    assert!(cached(&second, 0) && cached(&second, 1), "{second:#}");
    for i in 0..2 {
        for field in ["digest", "signer", "format", "rekor", "policy", "detail"] {
            assert_eq!(
                second["images"][i][field], first["images"][i][field],
                "{field} of image {i}"
            );
        }
    }
    assert!(
        stderr.contains("verified from the cache (entry written "),
        "{stderr}"
    );
    let app = warm.iter().filter(|l| l.contains("/v2/app/")).count();
    let other = warm.iter().filter(|l| l.contains("/v2/other/")).count();
    eprintln!(
        "requests: uncached {} ({cold:#?}), cached {} ({warm:#?})",
        cold.len(),
        warm.len()
    );
    assert!(app <= 1, "a tag costs its resolve only: {warm:#?}");
    assert_eq!(other, 0, "a digest costs nothing: {warm:#?}");
    assert!(cold.len() > warm.len() + 2, "{cold:#?}");

    // The table says so too.
    let out = kubectl_verify()
        .env("KUBECTL_VERIFY_CACHE_DIR", f.cache.path())
        .args(["image", "--insecure-registry", &f.host, "--key"])
        .arg(&f.key_path)
        .arg("--trusted-root")
        .arg(&f.root)
        .arg(&pinned)
        .output()
        .unwrap();
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(table.contains("from the cache"), "{table}");
}

/// Each input that decides a verdict misses the cache when it changes: the policy's content
/// (not its file name: the same content elsewhere hits), the trusted root, the key, the
/// insecure options, `--no-builtin-policy` aside; and the cache's TTL.
#[test]
fn a_policy_trust_root_key_or_ttl_change_misses_the_cache() {
    let f = Fixture::new();
    let image = format!("{}:1", f.image("app"));
    let other_key = f.s.dir().join("other.pub");
    std::fs::write(&other_key, Key::generate().public_pem()).unwrap();
    let policy = |name: &str, glob: &str, keys: &[&Path]| {
        let path = f.s.dir().join(name);
        let mut text =
            format!("policies:\n- name: app\n  images:\n  - glob: \"{glob}\"\n  authorities:\n");
        for k in keys {
            let _ = writeln!(text, "  - key:\n      path: {}", k.display());
        }
        std::fs::write(&path, text).unwrap();
        path.to_str().unwrap().to_owned()
    };
    let glob = format!("{}/app", f.host);
    let p1 = policy("p1.yaml", &glob, &[&f.key_path]);
    let (code, json, stderr) = f.run(&["--policy", &p1, &image]);
    assert_eq!((code, cached(&json, 0)), (0, false), "{stderr}");
    let (code, json, stderr) = f.run(&["--policy", &p1, &image]);
    assert_eq!((code, cached(&json, 0)), (0, true), "{stderr}");
    // The same policy under another name: a hit (the content decides, not the file).
    let p2 = policy("renamed.yaml", &glob, &[&f.key_path]);
    let (code, json, stderr) = f.run(&["--policy", &p2, &image]);
    assert_eq!((code, cached(&json, 0)), (0, true), "{stderr}");
    // A changed policy in the same file: another authority (one of two is still enough), or
    // another glob that still covers the image: a miss each time.
    let p1 = policy("p1.yaml", &glob, &[&f.key_path, &other_key]);
    let (code, json, stderr) = f.run(&["--policy", &p1, &image]);
    assert_eq!((code, cached(&json, 0)), (0, false), "{stderr}");
    let p1 = policy(
        "p1.yaml",
        &format!("{}/*", f.host),
        &[&f.key_path, &other_key],
    );
    let (code, json, stderr) = f.run(&["--policy", &p1, &image]);
    assert_eq!((code, cached(&json, 0)), (0, false), "{stderr}");
    let (code, json, stderr) = f.run(&["--policy", &p1, &image]);
    assert_eq!((code, cached(&json, 0)), (0, true), "{stderr}");

    let key = f.key_path.to_str().unwrap();
    let (code, json, stderr) = f.run(&["--key", key, &image]);
    assert_eq!(
        (code, cached(&json, 0)),
        (0, false),
        "flags, not a policy: {stderr}"
    );
    let (code, json, stderr) = f.run(&["--key", key, &image]);
    assert_eq!((code, cached(&json, 0)), (0, true), "{stderr}");

    // Another trusted root (the same root, another document: the file the runs above read,
    // compacted): a miss. Not a freshly made root, which is byte-identical to the file when
    // made within the same second.
    let root: Value =
        serde_json::from_slice(&std::fs::read(f.s.trusted_root_path()).unwrap()).unwrap();
    let other_root = f.s.dir().join("root-compact.json");
    let compact = serde_json::to_string(&root).unwrap();
    assert_ne!(
        compact.as_bytes(),
        std::fs::read(f.s.trusted_root_path()).unwrap()
    );
    std::fs::write(&other_root, compact).unwrap();
    let out = kubectl_verify()
        .env("KUBECTL_VERIFY_CACHE_DIR", f.cache.path())
        .args([
            "image",
            "-o",
            "json",
            "--insecure-registry",
            &f.host,
            "--key",
            key,
        ])
        .arg("--trusted-root")
        .arg(&other_root)
        .arg(&image)
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(verdicts(&json), ["verified"]);
    assert!(!cached(&json, 0), "another trusted root: {json:#}");

    // Another key: the cached `verified` of the first key is not served.
    let (code, json, _) = f.run(&["--key", other_key.to_str().unwrap(), &image]);
    assert_eq!(code, 1);
    assert_ne!(verdicts(&json), ["verified"]);
    assert!(!cached(&json, 0));

    // An insecure option: a miss.
    let (code, json, stderr) = f.run(&["--key", key, "--insecure-ignore-tlog", &image]);
    assert_eq!((code, cached(&json, 0)), (0, false), "{stderr}");

    // The TTL: an entry older than --cache-ttl is verified again.
    std::thread::sleep(Duration::from_millis(1100));
    let (code, json, stderr) = f.run(&["--key", key, "--cache-ttl", "1s", &image]);
    assert_eq!((code, cached(&json, 0)), (0, false), "expired: {stderr}");
    let (code, json, stderr) = f.run(&["--key", key, "--cache-ttl", "1h", &image]);
    assert_eq!((code, cached(&json, 0)), (0, true), "rewritten: {stderr}");
}

/// A corrupted, truncated or tampered entry is ignored with a warning and rewritten by the
/// verification that replaces it; the next run is served from the rewritten entry.
#[test]
fn a_corrupted_cache_entry_is_ignored_and_rewritten() {
    let f = Fixture::new();
    let image = format!("{}@{}", f.image("app"), f.app);
    let (code, _, _, _) = f.run_counted(&[&image]);
    assert_eq!(code, 0);
    let [entry] = f.entries().try_into().unwrap();
    let good = std::fs::read_to_string(&entry).unwrap();
    let tampered = good.replace("\"logIndex\": ", "\"logIndex\": 1");
    assert_ne!(tampered, good);
    for (what, text) in [
        ("truncated", good[..good.len() / 3].to_owned()),
        ("garbage", "\u{0}not json at all".to_owned()),
        ("tampered", tampered),
    ] {
        std::fs::write(&entry, &text).unwrap();
        let (code, json, stderr, log) = f.run_counted(&[&image]);
        assert_eq!(code, 0, "{what}: {stderr}");
        assert!(!cached(&json, 0), "{what}: {json:#}");
        assert!(
            stderr.contains("ignoring the verification cache entry"),
            "{what}: {stderr}"
        );
        assert!(!log.is_empty(), "{what}: verified again");
        let rewritten = std::fs::read_to_string(&entry).unwrap();
        assert_ne!(rewritten, text, "{what}: rewritten");
        let (_, json, stderr, _) = f.run_counted(&[&image]);
        assert!(cached(&json, 0), "{what}: {stderr}");
    }
}

/// An image that does not verify is never stored, so never served from the cache: every run
/// looks for its signatures again.
#[test]
fn an_unsigned_image_is_never_served_from_the_cache() {
    let f = Fixture::new();
    let image = format!("{}:1", f.image("unsigned"));
    for _ in 0..2 {
        let (code, json, _, log) = f.run_counted(&[&image]);
        assert_eq!(code, 1);
        assert_eq!(verdicts(&json), ["unsigned"]);
        assert!(!cached(&json, 0));
        assert!(log.len() > 1, "signatures looked for again: {log:#?}");
    }
    assert!(f.entries().is_empty(), "{:?}", f.entries());
    // A warn-mode policy does not fail the run, and still caches nothing.
    let policy = f.s.dir().join("warn.yaml");
    std::fs::write(
        &policy,
        format!(
            "policies:\n- name: w\n  mode: warn\n  images:\n  - glob: \"{}/unsigned\"\n  authorities:\n  - key:\n      path: {}\n",
            f.host,
            f.key_path.display()
        ),
    )
    .unwrap();
    let (code, json, stderr) = f.run(&["--policy", policy.to_str().unwrap(), &image]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(verdicts(&json), ["unsigned"]);
    assert!(f.entries().is_empty(), "{:?}", f.entries());
}

/// Two runs at once over one cache directory both finish correctly, and what they wrote
/// serves the next run.
#[test]
fn two_concurrent_runs_on_one_cache_dir() {
    let f = Fixture::new();
    let images = [
        format!("{}:1", f.image("app")),
        format!("{}@{}", f.image("other"), f.other),
        format!("{}@{}", f.image("app"), f.app),
    ];
    let key = f.key_path.to_str().unwrap();
    let run = || {
        kubectl_verify()
            .env("KUBECTL_VERIFY_CACHE_DIR", f.cache.path())
            .args([
                "image",
                "-o",
                "json",
                "--insecure-registry",
                &f.host,
                "--key",
                key,
            ])
            .arg("--trusted-root")
            .arg(&f.root)
            .args(&images)
            .output()
            .unwrap()
    };
    let outputs = std::thread::scope(|scope| {
        let a = scope.spawn(run);
        let b = scope.spawn(run);
        [a.join().unwrap(), b.join().unwrap()]
    });
    for out in outputs {
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{stderr}");
        let json: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(verdicts(&json), ["verified"; 3], "{stderr}");
        assert!(!stderr.contains("warning"), "{stderr}");
    }
    assert_eq!(f.entries().len(), 3);
    let leftovers: Vec<_> = std::fs::read_dir(f.cache.path().join("verify"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .filter(|n| !n.to_string_lossy().ends_with(".json"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    let refs: Vec<&str> = images.iter().map(String::as_str).collect();
    let (code, json, _, _) = f.run_counted(&refs);
    assert_eq!(code, 0);
    assert!((0..3).all(|i| cached(&json, i)), "{json:#}");
}

/// `--no-cache` and `--cache-ttl 0` neither read nor write the cache; entries are private.
#[test]
fn no_cache_and_zero_ttl_leave_the_cache_alone() {
    let f = Fixture::new();
    let image = format!("{}@{}", f.image("app"), f.app);
    for off in [["--no-cache", "--cache-ttl=24h"], ["--cache-ttl", "0"]] {
        let (code, json, stderr, _) = f.run_counted(&[off[0], off[1], &image]);
        assert_eq!((code, cached(&json, 0)), (0, false), "{stderr}");
        assert!(!f.cache.path().join("verify").exists(), "{off:?}");
    }
    let (code, _, _, _) = f.run_counted(&[&image]);
    assert_eq!(code, 0);
    let (_, json, _, log) = f.run_counted(&["--no-cache", &image]);
    assert!(!cached(&json, 0), "--no-cache does not read");
    assert!(!log.is_empty());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&f.cache.path().join("verify")), 0o700);
        for e in f.entries() {
            assert_eq!(mode(&e), 0o600, "{}", e.display());
        }
    }
}

/// `cache info` counts the entries; `cache clear` removes them and keeps the trusted root.
#[test]
fn cache_info_and_clear_keep_the_trusted_root() {
    let f = Fixture::new();
    let key = f.key_path.to_str().unwrap();
    let (code, _, _) = f.run(&[
        "--key",
        key,
        &format!("{}:1", f.image("app")),
        &format!("{}:1", f.image("other")),
    ]);
    assert_eq!(code, 0);
    let trust = f.cache.path().join("trust");
    std::fs::create_dir_all(&trust).unwrap();
    std::fs::write(trust.join("current.json"), "{}").unwrap();
    let cache_cmd = |sub: &str| {
        let out = kubectl_verify()
            .env("KUBECTL_VERIFY_CACHE_DIR", f.cache.path())
            .args(["cache", sub])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        String::from_utf8(out.stdout).unwrap()
    };
    let info = cache_cmd("info");
    let dir = f.cache.path().join("verify");
    assert!(
        info.contains(&format!("Verification cache: {}", dir.display())),
        "{info}"
    );
    assert!(info.contains("Entries:      2 ("), "{info}");
    assert!(
        info.contains("Oldest:") && info.contains("Newest:"),
        "{info}"
    );
    let cleared = cache_cmd("clear");
    assert!(
        cleared.starts_with("Removed 2 verification cache entries"),
        "{cleared}"
    );
    assert!(f.entries().is_empty());
    assert!(
        trust.join("current.json").exists(),
        "the trusted root is kept"
    );
    assert!(cache_cmd("info").contains("Entries:      0 (0 B)"));
}

/// `cache --help`, `cache info --help` and `cache clear --help` as reviewed.
#[test]
fn cache_help_snapshots() {
    for (sub, name) in [
        (&["cache", "--help"][..], "cache-help.txt"),
        (&["cache", "info", "--help"][..], "info-help.txt"),
        (&["cache", "clear", "--help"][..], "clear-help.txt"),
    ] {
        let out = kubectl_verify().args(sub).output().unwrap();
        assert_eq!(out.status.code(), Some(0));
        crate::support::check_snapshot(
            "cache/snapshots",
            name,
            &String::from_utf8(out.stdout).unwrap(),
        );
    }
}
