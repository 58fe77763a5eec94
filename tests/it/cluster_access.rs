//! How the cluster commands reach and read a cluster (issue 7's "Show" list): namespaces and
//! `-A`, label and field selectors, NAME filters, contexts and merged kubeconfigs,
//! `--all-contexts` with a dead cluster, client-certificate and exec-plugin users, `all` and the
//! short names, pagination, failures and "No resources found". Every test runs the built binary
//! (through the real kubectl where noted) against the API stand-in (support/kubeapi.rs) and the
//! loopback registry signed as krel-trust, so the built-in policy applies with no identity flags.
#![allow(clippy::unwrap_used)] // test setup: a failure is a broken fixture

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Output;

use base64::Engine as _;
use serde_json::Value;

use crate::cluster::{
    K8sRegistry, TOKEN, cluster_with_token, entry, json_of, kubectl_with_plugin, verify,
};
use crate::support::kubeapi::fixtures::{self, C};
use crate::support::kubeapi::{ApiRequest, KubeApi, kubectl};

const WEB: &str = "registry.k8s.io/app/web:1.0";
const DB: &str = "registry.k8s.io/app/db:1.0";
const AGENT: &str = "registry.k8s.io/app/agent:1.0";

/// Three signed images on the krel-trust registry.
struct Images {
    k: K8sRegistry,
    web: String,
    db: String,
    agent: String,
}

impl Images {
    fn new() -> Self {
        let k = K8sRegistry::new();
        let web = k.push_signed("app/web", "1.0");
        let db = k.push_signed("app/db", "1.0");
        let agent = k.push_signed("app/agent", "1.0");
        Self { k, web, db, agent }
    }

    fn digest(&self, image: &str) -> &str {
        match image {
            WEB => &self.web,
            DB => &self.db,
            AGENT => &self.agent,
            _ => panic!("no image {image}"),
        }
    }

    /// A running pod with one container `main` whose node reports `image`'s pushed digest
    /// (containerd's spelling).
    fn pod(&self, ns: &str, name: &str, labels: &[(&str, &str)], image: &str) -> Value {
        let repo = image.rsplit_once(':').unwrap().0;
        let id = format!("{repo}@{}", self.digest(image));
        fixtures::pod(
            ns,
            name,
            labels,
            &[C {
                name: "main",
                image,
                image_id: Some(&id),
            }],
        )
    }

    /// `kubectl-verify ARGS` with `KUBECONFIG=kubeconfig` and the registry flags.
    fn run(&self, kubeconfig: &Path, args: &[&str]) -> Output {
        verify(kubeconfig)
            .args(args)
            .args(self.k.flags())
            .output()
            .unwrap()
    }
}

/// Every use in a JSON report as `ns/Kind/name[container]`, sorted.
fn uses(json: &Value) -> Vec<String> {
    let mut out: Vec<String> = json["images"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| e["sources"].as_array().unwrap().iter())
        .map(|s| {
            format!(
                "{}/{}/{}[{}]",
                s["namespace"].as_str().unwrap_or(""),
                s["kind"].as_str().unwrap(),
                s["name"].as_str().unwrap(),
                s["container"].as_str().unwrap_or("")
            )
        })
        .collect();
    out.sort();
    out
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The report of a run that should verify everything it read (exit 0).
fn clean_report(out: &Output) -> Value {
    let json = json_of(out);
    assert_eq!(out.status.code(), Some(0), "{json:#}\n{}", stderr(out));
    for e in json["images"].as_array().unwrap() {
        assert_eq!(e["verdict"], "verified", "{e:#}");
    }
    json
}

/// The requests made since `before` (an earlier `requests().len()`).
fn since(api: &KubeApi, before: usize) -> Vec<ApiRequest> {
    api.requests()[before..].to_vec()
}

/// A port nothing listens on: bound, then closed.
fn closed_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    l.local_addr().unwrap().port()
}

/// One context of a hand-written kubeconfig: cluster, user and context all named `name`.
struct Ctx<'a> {
    name: &'a str,
    server: String,
    ca_pem: String,
    token: &'a str,
    namespace: Option<&'a str>,
}

impl<'a> Ctx<'a> {
    fn of(api: &KubeApi, name: &'a str, token: &'a str) -> Self {
        Self {
            name,
            server: api.url(),
            ca_pem: api.ca_pem(),
            token,
            namespace: None,
        }
    }
}

/// Writes a kubeconfig with several contexts (bearer tokens, CA inline) to `path`.
fn write_kubeconfig(path: &Path, contexts: &[Ctx<'_>], current: &str) -> PathBuf {
    let b64 = |s: &str| base64::engine::general_purpose::STANDARD.encode(s);
    let q = |s: &str| Value::from(s).to_string();
    let mut clusters = String::new();
    let mut users = String::new();
    let mut ctxs = String::new();
    for c in contexts {
        let name = q(c.name);
        let _ = write!(
            clusters,
            "- name: {name}\n  cluster:\n    server: {}\n    certificate-authority-data: {}\n",
            q(&c.server),
            b64(&c.ca_pem)
        );
        let _ = write!(
            users,
            "- name: {name}\n  user:\n    token: {}\n",
            q(c.token)
        );
        let _ = write!(
            ctxs,
            "- name: {name}\n  context:\n    cluster: {name}\n    user: {name}\n"
        );
        if let Some(ns) = c.namespace {
            let _ = writeln!(ctxs, "    namespace: {}", q(ns));
        }
    }
    let text = format!(
        "apiVersion: v1\nkind: Config\nclusters:\n{clusters}users:\n{users}contexts:\n{ctxs}current-context: {}\n",
        q(current)
    );
    std::fs::write(path, text).unwrap();
    path.to_owned()
}

/// A failed run: exit 2, on stdout no partial report (with `-o json`, a document holding no
/// image and the error in `errors[]`; issue 9), and stderr exactly one line, `expected` (or,
/// ending in `…`, starting with it): no panic, no backtrace.
fn assert_one_error_line(out: &Output, expected: &str) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    if !out.stdout.is_empty() {
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is neither empty nor a document ({e}): {}\nstderr: {err}",
                String::from_utf8_lossy(&out.stdout)
            )
        });
        assert_eq!(doc["images"], serde_json::json!([]), "{doc:#}");
        let message = doc["errors"][0]["message"].as_str().unwrap_or_default();
        assert!(
            err.contains(message) && !message.is_empty(),
            "{doc:#}\nstderr: {err}"
        );
    }
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 1, "one line on stderr:\n{err}");
    match expected.strip_suffix('…') {
        Some(prefix) => assert!(lines[0].starts_with(prefix), "{err}"),
        None => assert_eq!(lines[0], expected),
    }
}

/// `-A` reads every namespace with one cluster-wide list per kind, never one list per
/// namespace.
#[test]
fn all_namespaces_lists_each_kind_once_cluster_wide() {
    let img = Images::new();
    let api = KubeApi::start();
    api.add_all([
        img.pod("default", "d1", &[], WEB),
        img.pod("team-a", "a1", &[], WEB),
        img.pod("team-a", "a2", &[], DB),
        img.pod("team-b", "b1", &[], AGENT),
        fixtures::deployment("team-a", "web", &[], &[("main", WEB)]),
        fixtures::cronjob("team-b", "backup", &[], &[("main", DB)]),
    ]);
    let tmp = tempfile::tempdir().unwrap();
    let kubeconfig = cluster_with_token(&api, tmp.path(), None);

    let before = api.requests().len();
    let json = clean_report(&img.run(&kubeconfig, &["pods", "-A", "-o", "json"]));
    assert_eq!(
        uses(&json),
        [
            "default/Pod/d1[main]",
            "team-a/Pod/a1[main]",
            "team-a/Pod/a2[main]",
            "team-b/Pod/b1[main]",
        ]
    );
    let lists: Vec<ApiRequest> = since(&api, before)
        .into_iter()
        .filter(|r| r.path.ends_with("/pods"))
        .collect();
    assert_eq!(lists.len(), 1, "{lists:#?}");
    assert_eq!(lists[0].path, "/api/v1/pods");

    // `all -A`: every kind once, cluster-wide (service accounts aside: they are per pod
    // namespace, for pull secrets).
    let before = api.requests().len();
    let before_lists: Vec<usize> = cluster_kinds().map(|k| api.list_requests(k)).collect();
    let json = clean_report(&img.run(&kubeconfig, &["all", "-A", "-o", "json"]));
    for (kind, n) in cluster_kinds().zip(before_lists) {
        assert_eq!(api.list_requests(kind) - n, 1, "{kind}");
    }
    let namespaced: Vec<ApiRequest> = since(&api, before)
        .into_iter()
        .filter(|r| r.path.contains("/namespaces/") && !r.path.contains("/serviceaccounts/"))
        .collect();
    assert!(namespaced.is_empty(), "{namespaced:#?}");
    let u = uses(&json);
    assert!(
        u.contains(&"team-a/Deployment/web[main]".to_owned()),
        "{u:?}"
    );
    assert!(
        u.contains(&"team-b/CronJob/backup[main]".to_owned()),
        "{u:?}"
    );
    assert!(u.contains(&"default/Pod/d1[main]".to_owned()), "{u:?}");
}

fn cluster_kinds() -> impl Iterator<Item = &'static str> {
    [
        "pods",
        "deployments",
        "statefulsets",
        "daemonsets",
        "replicasets",
        "jobs",
        "cronjobs",
    ]
    .into_iter()
}

/// Without `-n` the namespace is the kubeconfig context's, else `default`, as kubectl picks
/// it; `-n` overrides both.
#[test]
fn namespace_comes_from_the_flag_then_the_context_then_default() {
    let img = Images::new();
    let api = KubeApi::start();
    api.add_all([
        img.pod("default", "d1", &[], WEB),
        img.pod("team-a", "a1", &[], WEB),
        img.pod("team-a", "a2", &[], DB),
        img.pod("team-b", "b1", &[], AGENT),
    ]);
    let tmp = tempfile::tempdir().unwrap();
    let plain = cluster_with_token(&api, tmp.path(), None);
    let with_ns = api.kubeconfig_token(tmp.path(), "with-ns", TOKEN, Some("team-a"));

    let before = api.requests().len();
    let json = clean_report(&img.run(&plain, &["pods", "-o", "json"]));
    assert_eq!(uses(&json), ["default/Pod/d1[main]"]);
    assert!(
        since(&api, before)
            .iter()
            .any(|r| r.path == "/api/v1/namespaces/default/pods")
    );

    let json = clean_report(&img.run(&with_ns, &["pods", "-o", "json"]));
    assert_eq!(uses(&json), ["team-a/Pod/a1[main]", "team-a/Pod/a2[main]"]);
    // The real kubectl reads the same namespace from the same kubeconfig.
    let out = kubectl(tmp.path(), &with_ns)
        .args(["get", "pods", "-o", "name"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "pod/a1\npod/a2\n");

    let json = clean_report(&img.run(&with_ns, &["pods", "-n", "team-b", "-o", "json"]));
    assert_eq!(uses(&json), ["team-b/Pod/b1[main]"]);
}

/// `-l` (equality and set-based) and `--field-selector` are sent to the server, which narrows
/// the list: the report holds exactly the matching pods.
#[test]
fn label_and_field_selectors_reach_the_server_and_narrow_the_result() {
    let img = Images::new();
    let api = KubeApi::start();
    let mut db = img.pod("sel", "db-1", &[("app", "db"), ("tier", "back")], DB);
    db["spec"]["nodeName"] = "worker".into();
    api.add_all([
        img.pod("sel", "web-1", &[("app", "web"), ("tier", "front")], WEB),
        img.pod("sel", "web-2", &[("app", "web"), ("tier", "back")], WEB),
        db,
    ]);
    let tmp = tempfile::tempdir().unwrap();
    let kubeconfig = cluster_with_token(&api, tmp.path(), None);

    let cases: [(&[&str], &str, &str, &[&str]); 5] = [
        (
            &["-l", "app=web"],
            "labelSelector",
            "app=web",
            &["sel/Pod/web-1[main]", "sel/Pod/web-2[main]"],
        ),
        (
            &["-l", "tier in (back),app!=db"],
            "labelSelector",
            "tier in (back),app!=db",
            &["sel/Pod/web-2[main]"],
        ),
        (&["--selector", "!tier"], "labelSelector", "!tier", &[]),
        (
            &["--field-selector", "metadata.name=web-1"],
            "fieldSelector",
            "metadata.name=web-1",
            &["sel/Pod/web-1[main]"],
        ),
        (
            &["--field-selector", "spec.nodeName=worker"],
            "fieldSelector",
            "spec.nodeName=worker",
            &["sel/Pod/db-1[main]"],
        ),
    ];
    for (flags, param, value, want) in cases {
        let before = api.requests().len();
        let mut args = vec!["pods", "-n", "sel", "-o", "json"];
        args.extend_from_slice(flags);
        let out = img.run(&kubeconfig, &args);
        let json = clean_report(&out);
        assert_eq!(uses(&json), want, "{flags:?}");
        let lists: Vec<ApiRequest> = since(&api, before)
            .into_iter()
            .filter(|r| r.path == "/api/v1/namespaces/sel/pods")
            .collect();
        assert_eq!(lists.len(), 1, "{lists:#?}");
        assert_eq!(lists[0].param(param).as_deref(), Some(value), "{flags:?}");
        if want.is_empty() {
            assert_eq!(stderr(&out), "No resources found in sel namespace.\n");
        }
    }

    // Both at once: no pod is both app=web and on the worker.
    let out = img.run(
        &kubeconfig,
        &[
            "pods",
            "-n",
            "sel",
            "-l",
            "app=web",
            "--field-selector",
            "spec.nodeName=worker",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "No resources found in sel namespace.\n");
    assert!(
        out.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// `pods NAME…` gets each named pod (no list); a missing name is one error line and exit 2;
/// names with `-A` are a usage error before any request.
#[test]
fn names_get_each_object_and_a_missing_one_is_an_error() {
    let img = Images::new();
    let api = KubeApi::start();
    api.add_all([
        img.pod("ns", "a", &[], WEB),
        img.pod("ns", "b", &[], DB),
        img.pod("ns", "c", &[], AGENT),
    ]);
    let tmp = tempfile::tempdir().unwrap();
    let kubeconfig = cluster_with_token(&api, tmp.path(), None);

    let before = api.requests().len();
    let lists = api.list_requests("pods");
    let json = clean_report(&img.run(&kubeconfig, &["pods", "a", "b", "-n", "ns", "-o", "json"]));
    assert_eq!(uses(&json), ["ns/Pod/a[main]", "ns/Pod/b[main]"]);
    assert_eq!(
        api.list_requests("pods"),
        lists,
        "names are got, not listed"
    );
    let gets: Vec<String> = since(&api, before)
        .into_iter()
        .filter(|r| r.path.contains("/pods/"))
        .map(|r| r.path)
        .collect();
    assert_eq!(
        gets,
        [
            "/api/v1/namespaces/ns/pods/a",
            "/api/v1/namespaces/ns/pods/b"
        ]
    );

    for output in [None, Some("json")] {
        let mut args = vec!["pods", "a", "nope", "-n", "ns"];
        if let Some(o) = output {
            args.extend(["-o", o]);
        }
        let out = img.run(&kubeconfig, &args);
        assert_one_error_line(
            &out,
            r#"error: context kind-kind: pods "nope" not found in namespace "ns""#,
        );
    }

    let before = api.requests().len();
    let out = img.run(&kubeconfig, &["pods", "a", "-A"]);
    assert_one_error_line(
        &out,
        "error: a resource cannot be retrieved by name across all namespaces (drop -A or the names)",
    );
    assert!(
        since(&api, before).is_empty(),
        "a usage error asks the server nothing"
    );
}

/// `--context` picks a context of a kubeconfig with two; `KUBECONFIG=a:b` is merged as kubectl
/// merges it (the first file's current-context and same-named entries win, the others are
/// added, missing files are skipped), checked against the real kubectl.
#[test]
fn context_flag_and_merged_kubeconfig_paths_pick_the_cluster_kubectl_picks() {
    let img = Images::new();
    let (api_a, api_b) = (KubeApi::start(), KubeApi::start());
    api_a.add(img.pod("default", "pod-on-a", &[], WEB));
    api_b.add(img.pod("default", "pod-on-b", &[], DB));
    api_a.add_token("token-a", "alice");
    api_b.add_token("token-b", "bob");
    let tmp = tempfile::tempdir().unwrap();

    // One file, two contexts.
    let both = write_kubeconfig(
        &tmp.path().join("both.kubeconfig"),
        &[
            Ctx::of(&api_a, "ctx-a", "token-a"),
            Ctx::of(&api_b, "ctx-b", "token-b"),
        ],
        "ctx-a",
    );
    let json = clean_report(&img.run(&both, &["pods", "-o", "json"]));
    assert_eq!(uses(&json), ["default/Pod/pod-on-a[main]"]);
    assert_eq!(entry(&json, WEB, None)["sources"][0]["context"], "ctx-a");
    let a_before = api_a.requests().len();
    let json = clean_report(&img.run(&both, &["pods", "--context", "ctx-b", "-o", "json"]));
    assert_eq!(uses(&json), ["default/Pod/pod-on-b[main]"]);
    assert_eq!(entry(&json, DB, None)["sources"][0]["context"], "ctx-b");
    assert_eq!(
        api_a.requests().len(),
        a_before,
        "ctx-a's server is not asked"
    );
    assert!(
        api_b
            .requests()
            .iter()
            .all(|r| r.user.as_deref() == Some("bob"))
    );

    // Two files, each with its own current context and a context named alike ("shared":
    // server A in the first file, server B in the second).
    let file_a = write_kubeconfig(
        &tmp.path().join("a.kubeconfig"),
        &[
            Ctx::of(&api_a, "ctx-a", "token-a"),
            Ctx::of(&api_a, "shared", "token-a"),
        ],
        "ctx-a",
    );
    let file_b = write_kubeconfig(
        &tmp.path().join("b.kubeconfig"),
        &[
            Ctx::of(&api_b, "ctx-b", "token-b"),
            Ctx::of(&api_b, "shared", "token-b"),
        ],
        "ctx-b",
    );
    let ab = format!("{}:{}", file_a.display(), file_b.display());
    let ba = format!("{}:{}", file_b.display(), file_a.display());
    // kubectl skips paths that do not exist.
    let missing = format!(
        "{}:{}",
        tmp.path().join("missing.kubeconfig").display(),
        file_b.display()
    );
    for (paths, context, want) in [
        (&ab, None, "pod-on-a"),
        (&ba, None, "pod-on-b"),
        (&ab, Some("ctx-b"), "pod-on-b"),
        (&ab, Some("shared"), "pod-on-a"),
        (&ba, Some("shared"), "pod-on-b"),
        (&missing, None, "pod-on-b"),
    ] {
        let mut args = vec!["pods", "-o", "json"];
        if let Some(c) = context {
            args.extend(["--context", c]);
        }
        let out = verify(&file_a)
            .env("KUBECONFIG", paths)
            .args(&args)
            .args(img.k.flags())
            .output()
            .unwrap();
        let json = clean_report(&out);
        assert_eq!(
            uses(&json),
            [format!("default/Pod/{want}[main]")],
            "KUBECONFIG={paths} --context {context:?}"
        );
        // The real kubectl, given the same, lists the same pod.
        let mut get = kubectl(tmp.path(), &file_a);
        get.env("KUBECONFIG", paths)
            .args(["get", "pods", "-o", "name"]);
        if let Some(c) = context {
            get.args(["--context", c]);
        }
        let out = get.output().unwrap();
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            format!("pod/{want}\n"),
            "kubectl: {}",
            stderr(&out)
        );
    }
}

/// `--all-contexts` with one dead cluster: the live cluster's images are all reported, the
/// dead one is one error line naming its context and server, and the exit code is 2.
#[test]
fn all_contexts_reports_the_live_cluster_and_one_error_line_for_a_dead_one() {
    let img = Images::new();
    let api = KubeApi::start();
    api.add_all([
        img.pod("default", "web", &[], WEB),
        img.pod("default", "db", &[], DB),
    ]);
    api.add_token("live-token", "alice");
    let tmp = tempfile::tempdir().unwrap();
    let dead_server = format!("https://127.0.0.1:{}", closed_port());
    let kubeconfig = write_kubeconfig(
        &tmp.path().join("two.kubeconfig"),
        &[
            // The dead one first: the live one still runs after it.
            Ctx {
                name: "dead",
                server: dead_server.clone(),
                ca_pem: api.ca_pem(),
                token: "live-token",
                namespace: None,
            },
            Ctx::of(&api, "live", "live-token"),
        ],
        "dead",
    );

    for output in ["json", "table"] {
        let out = img.run(&kubeconfig, &["pods", "--all-contexts", "-o", output]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(!err.contains("panicked"), "{err}");
        let lines: Vec<&str> = err.lines().collect();
        assert_eq!(lines.len(), 2, "{err}");
        let dead_line = format!(
            "error: context dead ({dead_server}): listing pods in namespace default: cannot reach the API server: "
        );
        assert!(lines[0].starts_with(&dead_line), "{err}");
        assert_eq!(lines[1], "error: 1 of 2 clusters could not be read");
        let stdout = String::from_utf8_lossy(&out.stdout);
        if output == "json" {
            let json = json_of(&out);
            assert_eq!(
                uses(&json),
                ["default/Pod/db[main]", "default/Pod/web[main]"]
            );
            assert_eq!(json["summary"]["total"], 2, "{json:#}");
            assert_eq!(json["summary"]["verified"], 2, "{json:#}");
            for e in json["images"].as_array().unwrap() {
                assert_eq!(e["sources"][0]["context"], "live", "{e:#}");
            }
            // The error is in the document too (issue 9: a complete document, whatever happened).
            assert_eq!(
                json["errors"][0]["message"], "1 of 2 clusters could not be read",
                "{json:#}"
            );
        } else {
            assert!(stdout.starts_with("IMAGE"), "{stdout}");
            for image in [WEB, DB] {
                let line = stdout.lines().find(|l| l.starts_with(image));
                assert!(line.is_some_and(|l| l.contains("verified")), "{stdout}");
            }
        }
    }
}

/// Issue 9: with `-o json|yaml`, a cluster that cannot be read (exit 2) still gives a whole
/// document on stdout, the error in its `errors[]` — before, zero bytes.
#[test]
fn an_unreachable_cluster_still_writes_a_document() {
    let img = Images::new();
    let api = KubeApi::start();
    api.add_token("live-token", "alice");
    let tmp = tempfile::tempdir().unwrap();
    let dead_server = format!("https://127.0.0.1:{}", closed_port());
    let kubeconfig = write_kubeconfig(
        &tmp.path().join("dead.kubeconfig"),
        &[Ctx {
            name: "dead",
            server: dead_server,
            ca_pem: api.ca_pem(),
            token: "live-token",
            namespace: None,
        }],
        "dead",
    );
    for output in ["json", "yaml"] {
        let out = img.run(&kubeconfig, &["pods", "-o", output]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{err}");
        let doc: serde_json::Value = if output == "json" {
            serde_json::from_slice(&out.stdout).unwrap()
        } else {
            serde_saphyr::from_slice(&out.stdout).unwrap()
        };
        assert_eq!(doc["kind"], "ImageVerificationReport", "{doc:#}");
        assert_eq!(doc["images"], serde_json::json!([]), "{doc:#}");
        let message = doc["errors"][0]["message"].as_str().unwrap_or_default();
        assert!(message.contains("cannot reach the API server"), "{doc:#}");
    }
}

/// A kubeconfig user with a client certificate, and one with an exec credential plugin, reach
/// the server as that user.
#[test]
fn client_certificate_and_exec_plugin_users_authenticate() {
    let img = Images::new();
    let api = KubeApi::start();
    api.add(img.pod("default", "web", &[], WEB));
    api.add_token("exec-token", "carol");
    let tmp = tempfile::tempdir().unwrap();

    for (kubeconfig, user) in [
        (api.kubeconfig_client_cert(tmp.path(), "cert", "bob"), "bob"),
        (
            api.kubeconfig_exec(tmp.path(), "exec", "exec-token"),
            "carol",
        ),
    ] {
        let before = api.requests().len();
        let json = clean_report(&img.run(&kubeconfig, &["pods", "-o", "json"]));
        assert_eq!(uses(&json), ["default/Pod/web[main]"]);
        let reqs = since(&api, before);
        assert!(!reqs.is_empty());
        for r in &reqs {
            assert_eq!(r.user.as_deref(), Some(user), "{r:?}");
        }
    }
}

/// `all` reads every pod (owned ones too: they carry the running digests) and every workload
/// kind; workload templates are verified from their spec reference; `deploy` and `cj` (short
/// names, through the real kubectl) read only their kind.
#[test]
fn all_reads_every_kind_and_short_names_read_one() {
    let img = Images::new();
    let api = KubeApi::start();
    let mut owned = img.pod("apps", "web-5d4f-x1", &[("app", "web")], WEB);
    owned["metadata"]["ownerReferences"] = serde_json::json!([{
        "apiVersion": "apps/v1", "kind": "ReplicaSet", "name": "web-5d4f",
        "uid": fixtures::object_uid("ReplicaSet", "apps", "web-5d4f"), "controller": true,
    }]);
    api.add_all([
        owned,
        img.pod("apps", "debug", &[], AGENT),
        fixtures::deployment("apps", "web", &[], &[("main", WEB)]),
        fixtures::replicaset("apps", "web-5d4f", &[], &[("main", WEB)]),
        fixtures::statefulset("apps", "db", &[], &[("main", DB)]),
        fixtures::daemonset("apps", "agent", &[], &[("main", AGENT)]),
        fixtures::job("apps", "migrate", &[], &[("main", DB)]),
        fixtures::cronjob("apps", "backup", &[], &[("main", DB)]),
    ]);
    let tmp = tempfile::tempdir().unwrap();
    let kubeconfig = cluster_with_token(&api, tmp.path(), Some("apps"));

    let json = clean_report(&img.run(&kubeconfig, &["all", "-o", "json"]));
    assert_eq!(
        uses(&json),
        [
            "apps/CronJob/backup[main]",
            "apps/DaemonSet/agent[main]",
            "apps/Deployment/web[main]",
            "apps/Job/migrate[main]",
            "apps/Pod/debug[main]",
            "apps/Pod/web-5d4f-x1[main]",
            "apps/ReplicaSet/web-5d4f[main]",
            "apps/StatefulSet/db[main]",
        ]
    );
    for kind in cluster_kinds() {
        assert_eq!(api.list_requests(kind), 1, "{kind}");
    }
    // One entry per image and digest: the running pod and the templates share it.
    assert_eq!(json["images"].as_array().unwrap().len(), 3, "{json:#}");
    let web = entry(&json, WEB, Some(&img.web));
    for s in web["sources"].as_array().unwrap() {
        let (status, image_id) = if s["kind"] == "Pod" {
            (
                "running",
                Value::from(format!("registry.k8s.io/app/web@{}", img.web)),
            )
        } else {
            ("template", Value::Null)
        };
        assert_eq!(s["status"], status, "{s:#}");
        assert_eq!(s["imageID"], image_id, "{s:#}");
    }
    // Templates: the tag resolved, verified at the digest it resolves to.
    let db = entry(&json, DB, Some(&img.db));
    assert_eq!(db["verdict"], "verified");
    assert_eq!(db["sources"].as_array().unwrap().len(), 3, "{db:#}");

    let pods_listed = api.list_requests("pods");
    for (short, kind) in [("deploy", "Deployment"), ("cj", "CronJob")] {
        let out = kubectl_with_plugin(tmp.path(), &kubeconfig)
            .args(["verify", short, "-o", "json"])
            .args(img.k.flags())
            .output()
            .unwrap();
        let json = clean_report(&out);
        let name = if kind == "Deployment" {
            "web"
        } else {
            "backup"
        };
        assert_eq!(
            uses(&json),
            [format!("apps/{kind}/{name}[main]")],
            "{short}"
        );
        let s = &json["images"][0]["sources"][0];
        assert_eq!(s["status"], "template", "{s:#}");
    }
    assert_eq!(
        api.list_requests("pods"),
        pods_listed,
        "deploy and cj list no pods"
    );
    assert_eq!(api.list_requests("deployments"), 2);
    assert_eq!(api.list_requests("cronjobs"), 2);
}

/// 1,200 pods in one namespace: three pages (`limit=500`, then `continue`), every use in the
/// report, each digest verified once, and no more API requests than for five pods but the two
/// extra pages.
#[test]
fn pagination_reads_1200_pods_in_three_pages() {
    let img = Images::new();
    let api = KubeApi::start();
    let images = [WEB, DB, AGENT];
    api.add_all((0..1200).map(|i| img.pod("big", &format!("pod-{i:04}"), &[], images[i % 3])));
    api.add_all((0..5).map(|i| img.pod("small", &format!("pod-{i}"), &[], images[i % 3])));
    let tmp = tempfile::tempdir().unwrap();
    let kubeconfig = cluster_with_token(&api, tmp.path(), None);

    let before = api.requests().len();
    let json = clean_report(&img.run(&kubeconfig, &["pods", "-n", "small", "-o", "json"]));
    assert_eq!(uses(&json).len(), 5);
    let small = since(&api, before).len();

    let before = api.requests().len();
    let registry_before = img.k.reg.request_log().len();
    let json = clean_report(&img.run(&kubeconfig, &["pods", "-n", "big", "-o", "json"]));
    let reqs = since(&api, before);
    let u = uses(&json);
    assert_eq!(u.len(), 1200);
    u.windows(2)
        .for_each(|w| assert_ne!(w[0], w[1], "a use listed twice"));
    assert_eq!(
        json["images"].as_array().unwrap().len(),
        3,
        "{}",
        json["summary"]
    );
    for image in images {
        let e = entry(&json, image, Some(img.digest(image)));
        assert_eq!(e["sources"].as_array().unwrap().len(), 400, "{image}");
    }

    let pages: Vec<&ApiRequest> = reqs
        .iter()
        .filter(|r| r.path == "/api/v1/namespaces/big/pods")
        .collect();
    assert_eq!(pages.len(), 3, "{pages:#?}");
    for (i, p) in pages.iter().enumerate() {
        assert_eq!(p.param("limit").as_deref(), Some("500"), "{p:?}");
        assert_eq!(p.param("continue").is_some(), i > 0, "{p:?}");
    }
    assert_eq!(reqs.len(), small + 2, "{reqs:#?}");

    // Each digest's signature is fetched once, however many pods run it.
    let sigs = img.k.reg.request_log()[registry_before..]
        .iter()
        .filter(|l| {
            l.starts_with("GET /v2/")
                && l.contains("/manifests/sha256-")
                && matches!(l.rsplit_once('.'), Some((_, "sig")))
        })
        .count();
    assert_eq!(sigs, 3);
}

/// An unreachable API server, a 401, a 403 on list, an unknown context, a malformed
/// kubeconfig and a field selector the server refuses (400) each end the run with exit 2 and one error line naming the context and server
/// (or the file), with nothing on stdout — not even a partial JSON report.
#[test]
fn cluster_failures_are_one_error_line_and_exit_2() {
    let api = KubeApi::start();
    api.add(fixtures::pod(
        "default",
        "web",
        &[],
        &[C {
            name: "main",
            image: WEB,
            image_id: None,
        }],
    ));
    let tmp = tempfile::tempdir().unwrap();
    let kubeconfig = cluster_with_token(&api, tmp.path(), None);
    let url = api.url();

    let dead_server = format!("https://127.0.0.1:{}", closed_port());
    let dead = tmp.path().join("dead.kubeconfig");
    std::fs::write(
        &dead,
        std::fs::read_to_string(&kubeconfig)
            .unwrap()
            .replace(&url, &dead_server),
    )
    .unwrap();
    let malformed = tmp.path().join("malformed.kubeconfig");
    std::fs::write(&malformed, "apiVersion: v1\nclusters: [\n  - name: x\n").unwrap();
    let malformed_line = format!(
        r#"error: kubeconfig {}: failed to parse kubeconfig YAML: error: line 3 column 3: "-" is only valid inside a block"#,
        malformed.display()
    );
    let listing = "listing pods in namespace default";

    let cases: Vec<(&str, &Path, &[&str], String)> = vec![
        (
            "unreachable",
            &dead,
            &[],
            format!(
                "error: context kind-kind ({dead_server}): {listing}: cannot reach the API server: …"
            ),
        ),
        (
            "401",
            &kubeconfig,
            &[],
            format!(
                "error: context kind-kind ({url}): {listing}: unauthorized (HTTP 401): the API server refused the credentials of this context: Unauthorized"
            ),
        ),
        (
            "400",
            &kubeconfig,
            &["--field-selector", "spec.image=x"],
            format!(
                "error: context kind-kind ({url}): {listing}: HTTP 400: field label not supported: spec.image"
            ),
        ),
        (
            "403",
            &kubeconfig,
            &[],
            format!(
                r#"error: context kind-kind ({url}): {listing}: forbidden (HTTP 403): pods is forbidden: User "alice" cannot list resource "pods" in API group "" in the namespace "default""#
            ),
        ),
        (
            "unknown context",
            &kubeconfig,
            &["--context", "nope"],
            r#"error: context "nope" is not in the kubeconfig (kubectl config get-contexts lists them)"#
                .to_owned(),
        ),
        ("malformed", &malformed, &[], malformed_line.clone()),
    ];
    // In order: the 403's deny stays.
    for (what, config, extra, expected) in cases {
        api.set_unauthorized_all(what == "401");
        if what == "403" {
            api.deny(None, "list", "pods", None);
        }
        for output in ["table", "json"] {
            let out = verify(config)
                .args(["pods", "-o", output])
                .args(extra)
                .output()
                .unwrap();
            assert_one_error_line(&out, &expected);
        }
    }
    // --kubeconfig names the malformed file too.
    let out = crate::support::kubectl_verify()
        .args(["pods", "--kubeconfig"])
        .arg(&malformed)
        .output()
        .unwrap();
    assert_one_error_line(&out, &malformed_line);
}

/// No objects: kubectl's own wording on stderr, nothing on stdout, exit 0 — checked against
/// the real `kubectl get`, and through the real kubectl.
#[test]
fn no_resources_prints_kubectls_wording_and_exits_0() {
    let api = KubeApi::start();
    let tmp = tempfile::tempdir().unwrap();
    let kubeconfig = cluster_with_token(&api, tmp.path(), None);

    let out = verify(&kubeconfig)
        .args(["pods", "-n", "empty"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "No resources found in empty namespace.\n");
    assert!(out.stdout.is_empty());

    let get = kubectl(tmp.path(), &kubeconfig)
        .args(["get", "pods", "-n", "empty"])
        .output()
        .unwrap();
    assert_eq!(stderr(&get), stderr(&out), "kubectl get says the same");

    let out = kubectl_with_plugin(tmp.path(), &kubeconfig)
        .args(["verify", "pods", "-n", "empty"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "No resources found in empty namespace.\n");

    // Across namespaces kubectl names none.
    let out = verify(&kubeconfig).args(["all", "-A"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "No resources found\n");
    let get = kubectl(tmp.path(), &kubeconfig)
        .args(["get", "pods", "-A"])
        .output()
        .unwrap();
    assert_eq!(stderr(&get), stderr(&out), "kubectl get says the same");
}
