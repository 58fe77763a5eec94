//! The Kubernetes API stand-in ([`KubeApi`]) against the real `kubectl`: what kubectl prints
//! for listings, selectors, short names, pagination, the three ways to log in, and the
//! server's 401/403/404 answers. If kubectl is satisfied, the harness speaks the API well
//! enough for the `pods` command tests built on it; kube-rs is checked once as well.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

use crate::support::kubeapi::fixtures::{self, C, KindImages};
use crate::support::kubeapi::{KubeApi, kubectl};

const NGINX: &str = "docker.io/library/nginx:1.27";
const NGINX_ID: &str = "docker.io/library/nginx@sha256:0000000000000000000000000000000000000000000000000000000000000001";

/// A server with a token for "alice", and a temp dir for HOME and kubeconfigs.
fn cluster() -> (KubeApi, tempfile::TempDir) {
    let api = KubeApi::start();
    api.add_token("alice-token", "alice");
    let dir = tempfile::Builder::new()
        .prefix("kv-kubeapi-")
        .tempdir()
        .expect("temp dir");
    (api, dir)
}

/// Runs kubectl with `args`; returns (success, stdout, stderr).
fn run(home: &Path, kubeconfig: &Path, args: &[&str]) -> (bool, String, String) {
    let out = kubectl(home, kubeconfig)
        .args(args)
        .output()
        .expect("running kubectl");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Runs kubectl, expecting success; returns stdout.
fn ok(home: &Path, kubeconfig: &Path, args: &[&str]) -> String {
    let (success, stdout, stderr) = run(home, kubeconfig, args);
    assert!(success, "kubectl {args:?} failed:\n{stderr}");
    assert_eq!(stderr, "", "kubectl {args:?} complained");
    stdout
}

fn kind_images() -> KindImages<'static> {
    KindImages {
        coredns: ("registry.k8s.io/coredns/coredns:v1.12.0", Some("sha256:c1")),
        etcd: ("registry.k8s.io/etcd:3.5.21-0", Some("sha256:e1")),
        kube_apiserver: ("registry.k8s.io/kube-apiserver:v1.34.0", Some("sha256:a1")),
        kube_controller_manager: (
            "registry.k8s.io/kube-controller-manager:v1.34.0",
            Some("sha256:m1"),
        ),
        kube_proxy: ("registry.k8s.io/kube-proxy:v1.34.0", None),
        kube_scheduler: ("registry.k8s.io/kube-scheduler:v1.34.0", Some("sha256:s1")),
    }
}

#[test]
fn kubectl_get_pods_all_namespaces_returns_the_fixture_pods() {
    let (api, dir) = cluster();
    api.add_all([
        fixtures::pod(
            "default",
            "web",
            &[("app", "web")],
            &[C {
                name: "nginx",
                image: NGINX,
                image_id: Some(NGINX_ID),
            }],
        ),
        fixtures::pod_full(
            "team-a",
            "api",
            &[],
            &[C {
                name: "migrate",
                image: "ghcr.io/acme/migrate:1",
                image_id: Some("ghcr.io/acme/migrate@sha256:aa"),
            }],
            &[
                C {
                    name: "api",
                    image: "ghcr.io/acme/api:2",
                    image_id: None,
                },
                C {
                    name: "sidecar",
                    image: "ghcr.io/acme/sidecar:3",
                    image_id: Some("ghcr.io/acme/sidecar@sha256:bb"),
                },
            ],
            &[],
            &["regcred"],
            Some("api"),
        ),
    ]);
    api.add_all(fixtures::kind_kube_system(&kind_images()));
    let kubeconfig = api.kubeconfig_token(dir.path(), "kv", "alice-token", None);

    let out = ok(
        dir.path(),
        &kubeconfig,
        &["get", "pods", "-A", "-o", "json"],
    );
    let list: Value = serde_json::from_str(&out).expect("kubectl printed JSON");
    let items = list["items"].as_array().expect("items");
    let names: BTreeSet<(String, String)> = items
        .iter()
        .map(|p| {
            (
                p["metadata"]["namespace"].as_str().unwrap_or("").to_owned(),
                p["metadata"]["name"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    let expected: BTreeSet<(String, String)> = [
        ("default", "web"),
        ("kube-system", "coredns-668d6bf9bc-5kq2x"),
        ("kube-system", "coredns-668d6bf9bc-tq9wz"),
        ("kube-system", "etcd-kind-control-plane"),
        ("kube-system", "kube-apiserver-kind-control-plane"),
        ("kube-system", "kube-controller-manager-kind-control-plane"),
        ("kube-system", "kube-proxy-7bq8d"),
        ("kube-system", "kube-scheduler-kind-control-plane"),
        ("team-a", "api"),
    ]
    .iter()
    .map(|(n, p)| ((*n).to_owned(), (*p).to_owned()))
    .collect();
    assert_eq!(names, expected);
    // kubectl adds kind/apiVersion to list items (the server leaves them out).
    assert!(
        items
            .iter()
            .all(|p| p["kind"] == "Pod" && p["apiVersion"] == "v1")
    );
    let web = items
        .iter()
        .find(|p| p["metadata"]["name"] == "web")
        .expect("web pod");
    assert_eq!(web["spec"]["containers"][0]["image"], NGINX);
    assert_eq!(web["status"]["containerStatuses"][0]["imageID"], NGINX_ID);
    assert_eq!(web["status"]["phase"], "Running");
    let api_pod = items
        .iter()
        .find(|p| p["metadata"]["name"] == "api")
        .expect("api pod");
    assert_eq!(api_pod["status"]["phase"], "Pending");
    assert_eq!(api_pod["spec"]["imagePullSecrets"][0]["name"], "regcred");
    assert_eq!(
        api_pod["status"]["initContainerStatuses"][0]["state"]["terminated"]["reason"],
        "Completed"
    );
    assert_eq!(
        api_pod["status"]["containerStatuses"][0]["state"]["waiting"]["reason"],
        "ContainerCreating"
    );
    assert!(
        api.requests()
            .iter()
            .all(|r| r.user.as_deref() == Some("alice"))
    );
}

#[test]
fn kubectl_selectors_and_short_names_go_through_discovery() {
    let (api, dir) = cluster();
    api.add_all(fixtures::kind_kube_system(&kind_images()));
    api.add(fixtures::deployment(
        "default",
        "web",
        &[("app", "web")],
        &[("nginx", NGINX)],
    ));
    api.add(fixtures::statefulset(
        "default",
        "db",
        &[],
        &[("pg", "postgres:17")],
    ));
    api.add(fixtures::cronjob(
        "batch-jobs",
        "nightly",
        &[],
        &[("report", "ghcr.io/acme/report:1")],
    ));
    let kc = api.kubeconfig_token(dir.path(), "kv", "alice-token", Some("default"));
    let home = dir.path();

    assert_eq!(
        ok(
            home,
            &kc,
            &[
                "get",
                "pods",
                "-n",
                "kube-system",
                "-l",
                "component=etcd",
                "-o",
                "name"
            ]
        ),
        "pod/etcd-kind-control-plane\n"
    );
    assert_eq!(
        ok(
            home,
            &kc,
            &[
                "get",
                "pods",
                "-A",
                "--field-selector",
                "metadata.name=kube-proxy-7bq8d",
                "-o",
                "name"
            ]
        ),
        "pod/kube-proxy-7bq8d\n"
    );
    assert_eq!(
        ok(home, &kc, &["get", "deploy", "-n", "default", "-o", "name"]),
        "deployment.apps/web\n"
    );
    assert_eq!(
        ok(home, &kc, &["get", "sts", "-o", "name"]),
        "statefulset.apps/db\n"
    );
    assert_eq!(
        ok(home, &kc, &["get", "cj", "-A", "-o", "name"]),
        "cronjob.batch/nightly\n"
    );
    assert_eq!(
        ok(
            home,
            &kc,
            &[
                "get",
                "po",
                "-n",
                "kube-system",
                "-l",
                "tier in (control-plane),component notin (etcd,kube-scheduler)",
                "-o",
                "name"
            ]
        ),
        "pod/kube-apiserver-kind-control-plane\npod/kube-controller-manager-kind-control-plane\n"
    );
    assert_eq!(
        ok(
            home,
            &kc,
            &[
                "get",
                "pods",
                "-n",
                "kube-system",
                "-l",
                "!tier,k8s-app!=kube-proxy",
                "-o",
                "name"
            ]
        ),
        "pod/coredns-668d6bf9bc-5kq2x\npod/coredns-668d6bf9bc-tq9wz\n"
    );
    assert_eq!(
        ok(
            home,
            &kc,
            &[
                "get",
                "pods",
                "-A",
                "--field-selector",
                "status.phase==Pending",
                "-o",
                "name"
            ]
        ),
        "pod/kube-proxy-7bq8d\n"
    );
    assert_eq!(
        ok(home, &kc, &["get", "ns", "-o", "name"]),
        "namespace/batch-jobs\nnamespace/default\nnamespace/kube-system\n"
    );

    let (success, _, stderr) = run(
        home,
        &kc,
        &["get", "pods", "-A", "--field-selector", "spec.foo=x"],
    );
    assert!(!success);
    // kubectl wraps the server's message ("Unable to find \"/v1, Resource=pods\" that match …").
    assert!(
        stderr.starts_with("Error from server (BadRequest): ")
            && stderr.contains(": field label not supported: spec.foo"),
        "{stderr}"
    );

    let (success, _, stderr) = run(home, &kc, &["get", "pod", "nope"]);
    assert!(!success);
    assert!(
        stderr.contains("Error from server (NotFound): pods \"nope\" not found"),
        "{stderr}"
    );
    let (success, _, stderr) = run(home, &kc, &["get", "deploy", "nope"]);
    assert!(!success);
    assert!(
        stderr.contains("Error from server (NotFound): deployments.apps \"nope\" not found"),
        "{stderr}"
    );
}

#[test]
fn kubectl_logs_in_with_client_certificates_and_exec_plugins() {
    let (api, dir) = cluster();
    api.add_token("exec-token", "bob");
    api.add(fixtures::pod(
        "default",
        "web",
        &[],
        &[C {
            name: "nginx",
            image: NGINX,
            image_id: Some(NGINX_ID),
        }],
    ));
    let home = dir.path();

    let cert = api.kubeconfig_client_cert(home, "cert", "carol");
    assert_eq!(ok(home, &cert, &["get", "pods", "-o", "name"]), "pod/web\n");
    // Discovery falls back to the legacy documents (/api, /apis, then each group version),
    // and every kubectl list is chunked (limit=500) even without --chunk-size.
    let paths: Vec<(String, String)> = api
        .requests()
        .into_iter()
        .map(|r| (r.path, r.query))
        .collect();
    assert_eq!(paths[0].0, "/api");
    assert_eq!(paths[1].0, "/apis");
    assert_eq!(
        paths.last(),
        Some(&(
            "/api/v1/namespaces/default/pods".to_owned(),
            "limit=500".to_owned()
        ))
    );
    // Without server-side Table support kubectl prints its own NAME/AGE table.
    let table = ok(home, &cert, &["get", "pods"]);
    let rows: Vec<Vec<&str>> = table
        .lines()
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(rows[0], ["NAME", "AGE"]);
    assert_eq!(rows[1][0], "web");
    let exec = api.kubeconfig_exec(home, "exec", "exec-token");
    assert_eq!(ok(home, &exec, &["get", "pods", "-o", "name"]), "pod/web\n");
    let users: BTreeSet<Option<String>> = api.requests().into_iter().map(|r| r.user).collect();
    assert_eq!(
        users,
        BTreeSet::from([Some("bob".to_owned()), Some("carol".to_owned())])
    );

    let wrong = api.kubeconfig_token(home, "wrong", "not-a-token", None);
    let (success, stdout, stderr) = run(home, &wrong, &["get", "pods"]);
    assert!(!success);
    assert_eq!(stdout, "");
    assert!(
        stderr.contains("error: You must be logged in to the server (Unauthorized)"),
        "{stderr}"
    );

    // The switch refuses even good credentials.
    api.set_unauthorized_all(true);
    let (success, _, stderr) = run(home, &cert, &["get", "pods"]);
    assert!(!success);
    assert!(stderr.contains("(Unauthorized)"), "{stderr}");
}

#[test]
fn kubectl_pages_through_large_lists_with_continue_tokens() {
    let (api, dir) = cluster();
    api.add_all((0..1200).map(|i| {
        fixtures::pod(
            &format!("ns-{}", i % 3),
            &format!("pod-{i:04}"),
            &[],
            &[C {
                name: "app",
                image: NGINX,
                image_id: Some(NGINX_ID),
            }],
        )
    }));
    let kc = api.kubeconfig_token(dir.path(), "kv", "alice-token", None);

    let out = ok(
        dir.path(),
        &kc,
        &["get", "pods", "-A", "-o", "name", "--chunk-size=500"],
    );
    let names: BTreeSet<&str> = out.lines().collect();
    assert_eq!(out.lines().count(), 1200);
    assert_eq!(names.len(), 1200);
    assert!(names.contains("pod/pod-0000") && names.contains("pod/pod-1199"));
    assert_eq!(api.list_requests("pods"), 3);
    let queries: Vec<String> = api
        .requests()
        .into_iter()
        .filter(|r| r.path == "/api/v1/pods")
        .map(|r| r.query)
        .collect();
    assert!(
        queries.iter().all(|q| q.contains("limit=500")),
        "{queries:?}"
    );
    assert!(!queries[0].contains("continue="), "{queries:?}");
    assert!(
        queries[1..].iter().all(|q| q.contains("continue=")),
        "{queries:?}"
    );
}

#[test]
fn kubectl_shows_forbidden_for_denied_resources() {
    let (api, dir) = cluster();
    api.add(fixtures::dockerconfigjson_secret(
        "default",
        "regcred",
        "registry.example:5000",
        "u",
        "p",
    ));
    api.add(fixtures::opaque_secret(
        "kube-system",
        "keys",
        &[("cosign.pub", b"-----BEGIN PUBLIC KEY-----\n")],
    ));
    api.deny(Some("alice"), "list", "secrets", Some("default"));
    api.deny(None, "get", "secrets", None);
    let kc = api.kubeconfig_token(dir.path(), "kv", "alice-token", None);
    let home = dir.path();

    let (success, stdout, stderr) = run(home, &kc, &["get", "secrets", "-n", "default"]);
    assert!(!success);
    assert_eq!(stdout, "");
    assert!(
        stderr.contains(
            "Error from server (Forbidden): secrets is forbidden: User \"alice\" cannot list resource \"secrets\" in API group \"\" in the namespace \"default\""
        ),
        "{stderr}"
    );
    // Only that namespace is denied to listing.
    assert_eq!(
        ok(
            home,
            &kc,
            &["get", "secrets", "-n", "kube-system", "-o", "name"]
        ),
        "secret/keys\n"
    );
    let (success, _, stderr) = run(home, &kc, &["get", "secret", "keys", "-n", "kube-system"]);
    assert!(!success);
    assert!(
        stderr.contains(
            "Error from server (Forbidden): secrets \"keys\" is forbidden: User \"alice\" cannot get resource \"secrets\" in API group \"\" in the namespace \"kube-system\""
        ),
        "{stderr}"
    );
    let secret: Value = serde_json::from_str(&ok(
        home,
        &kc,
        &["get", "secrets", "-n", "kube-system", "-o", "json"],
    ))
    .expect("JSON");
    assert_eq!(secret["items"][0]["type"], "Opaque");
}

#[test]
fn kube_rs_lists_pods_over_one_kept_alive_connection() {
    use k8s_openapi::api::core::v1::Pod;
    use kube::api::{Api, ListParams};
    use kube::config::{KubeConfigOptions, Kubeconfig};

    let (api, dir) = cluster();
    api.add_all((0..5).map(|i| {
        fixtures::pod(
            "default",
            &format!("p{i}"),
            &[("app", if i % 2 == 0 { "even" } else { "odd" })],
            &[],
        )
    }));
    let kc = api.kubeconfig_token(dir.path(), "kv", "alice-token", None);
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let (all, even, page) = rt.block_on(async {
        let kubeconfig = Kubeconfig::read_from(&kc).expect("kubeconfig");
        let config =
            kube::Config::from_custom_kubeconfig(kubeconfig, &KubeConfigOptions::default())
                .await
                .expect("kube config");
        let client = kube::Client::try_from(config).expect("kube client");
        let pods: Api<Pod> = Api::default_namespaced(client);
        let all = pods.list(&ListParams::default()).await.expect("list");
        let even = pods
            .list(&ListParams::default().labels("app=even"))
            .await
            .expect("list even");
        let page = pods
            .list(&ListParams::default().limit(2))
            .await
            .expect("first page");
        (all, even, page)
    });
    let names = |l: &kube::api::ObjectList<Pod>| -> Vec<String> {
        l.items
            .iter()
            .map(|p| p.metadata.name.clone().unwrap_or_default())
            .collect()
    };
    assert_eq!(names(&all), ["p0", "p1", "p2", "p3", "p4"]);
    assert_eq!(names(&even), ["p0", "p2", "p4"]);
    assert_eq!(names(&page), ["p0", "p1"]);
    assert_eq!(page.metadata.remaining_item_count, Some(3));
    assert!(page.metadata.continue_.is_some());
    assert_eq!(api.list_requests("pods"), 3);
}

#[test]
fn dropping_the_server_closes_its_port() {
    let api = KubeApi::start();
    let port = api.port();
    // An open keep-alive connection must not keep the server alive.
    let idle = std::net::TcpStream::connect(("127.0.0.1", port)).expect("connect");
    drop(api);
    assert!(std::net::TcpStream::connect(("127.0.0.1", port)).is_err());
    drop(idle);
}

/// GETs `paths` in order over one TLS connection (no client certificate), with `headers` on
/// each request; returns each (status, body). Fails unless the server keeps the connection
/// open between requests.
fn raw_gets(api: &KubeApi, headers: &str, paths: &[&str]) -> Vec<(u16, Value)> {
    use std::io::{BufRead as _, BufReader, Read as _, Write as _};
    use std::sync::Arc;

    use rustls::pki_types::pem::PemObject as _;

    let mut roots = rustls::RootCertStore::empty();
    for cert in rustls::pki_types::CertificateDer::pem_slice_iter(api.ca_pem().as_bytes()) {
        roots.add(cert.expect("CA PEM")).expect("CA as root");
    }
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("TLS versions")
        .with_root_certificates(roots)
        .with_no_client_auth();
    let name = rustls::pki_types::ServerName::try_from("localhost").expect("server name");
    let conn = rustls::ClientConnection::new(Arc::new(config), name).expect("TLS client");
    let tcp = std::net::TcpStream::connect(("127.0.0.1", api.port())).expect("connect");
    let mut stream = BufReader::new(rustls::StreamOwned::new(conn, tcp));
    let mut out = Vec::new();
    for path in paths {
        let req = format!("GET {path} HTTP/1.1\r\nHost: localhost\r\n{headers}\r\n");
        stream.get_mut().write_all(req.as_bytes()).expect("send");
        let mut line = String::new();
        stream.read_line(&mut line).expect("status line");
        let status: u16 = line
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("status line {line:?}"));
        let mut len = 0;
        loop {
            let mut h = String::new();
            stream.read_line(&mut h).expect("header");
            let h = h.trim_end();
            if h.is_empty() {
                break;
            }
            let (k, v) = h.split_once(':').expect("header line");
            if k.eq_ignore_ascii_case("content-length") {
                len = v.trim().parse().expect("length");
            }
            assert!(!k.eq_ignore_ascii_case("connection"), "{h}");
        }
        let mut body = vec![0; len];
        stream.read_exact(&mut body).expect("body");
        out.push((status, serde_json::from_slice(&body).expect("JSON body")));
    }
    out
}

#[test]
fn anonymous_requests_are_refused_unless_allowed_and_connections_are_kept_alive() {
    let (api, _dir) = cluster();
    let answers = raw_gets(&api, "", &["/api/v1/namespaces/default/pods", "/version"]);
    for (status, body) in &answers {
        assert_eq!(*status, 401);
        assert_eq!(
            *body,
            serde_json::json!({
                "kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure",
                "message": "Unauthorized", "reason": "Unauthorized", "code": 401
            })
        );
    }
    api.allow_anonymous(true);
    let answers = raw_gets(
        &api,
        "",
        &[
            "/api/v1/namespaces/default/pods/nope",
            "/api/v1/namespaces/default",
        ],
    );
    assert_eq!(answers[0].0, 404);
    assert_eq!(
        answers[0].1,
        serde_json::json!({
            "kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure",
            "message": "pods \"nope\" not found", "reason": "NotFound",
            "details": { "name": "nope", "kind": "pods" }, "code": 404
        })
    );
    assert_eq!(answers[1].0, 200);
    assert_eq!(answers[1].1["kind"], "Namespace");
    assert_eq!(answers[1].1["status"]["phase"], "Active");
    let users: Vec<Option<String>> = api.requests().into_iter().map(|r| r.user).collect();
    assert_eq!(
        users,
        [
            None,
            None,
            Some("system:anonymous".to_owned()),
            Some("system:anonymous".to_owned())
        ]
    );
    // A bearer token the server does not know is 401 even with anonymous access on.
    let answers = raw_gets(&api, "Authorization: Bearer nope\r\n", &["/api"]);
    assert_eq!(answers[0].0, 401);
}
