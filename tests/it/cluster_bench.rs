//! The fixture behind `bench/cluster-pods.sh`: a cluster of many pods running a few signed
//! images, for issue 7's closing figures (API requests, registry requests, wall time).
#![allow(clippy::unwrap_used)] // fixture setup: a failure is a broken fixture

use std::path::Path;
use std::time::Duration;

use crate::cluster::{K8sRegistry, TOKEN};
use crate::support::kubeapi::KubeApi;
use crate::support::kubeapi::fixtures::{self, C};

/// Namespaces the pods are spread over (`bench-0` … `bench-9`).
const NAMESPACES: usize = 10;

fn env_count(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Writes `text` to `dir/name` atomically (temp file, then rename), so the script never reads
/// half a file.
fn publish(dir: &Path, name: &str, text: &str) {
    let tmp = dir.join(format!(".{name}.tmp"));
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, dir.join(name)).unwrap();
}

/// Serves `KV_BENCH_PODS` pods (default 1,200) over ten namespaces, each running one of
/// `KV_BENCH_IMAGES` (default 30) distinct images of a loopback `docker-registry` standing in
/// for registry.k8s.io, every image signed as krel-trust (legacy `.sig`). Pod `i` runs image
/// `i % IMAGES`: spec `registry.k8s.io/bench/app-NNN:v1.NNN.0`, containerd-style imageID
/// `registry.k8s.io/bench/app-NNN@sha256:…`.
///
/// Writes into `KV_BENCH_DIR`: `kubeconfig` (bearer token), `trusted_root.json`, `env`
/// (`KUBECONFIG`, `HOST`, `ROOT`, `ACCESS_LOG`: the registry's access log, one line per
/// request), then `ready`. Until the script creates `done` it answers count queries: when the
/// script creates `count`, the fixture writes the number of API requests served so far to
/// `api-requests` and then removes `count`.
#[test]
#[ignore = "benchmark fixture: run by bench/cluster-pods.sh"]
fn bench_fixture() {
    let Some(dir) = std::env::var_os("KV_BENCH_DIR") else {
        return;
    };
    let dir = std::path::PathBuf::from(dir);
    let pods = env_count("KV_BENCH_PODS", 1200);
    let images = env_count("KV_BENCH_IMAGES", 30).max(1);

    let k = K8sRegistry::new();
    let running: Vec<(String, String)> = (0..images)
        .map(|j| {
            let repo = format!("bench/app-{j:03}");
            let tag = format!("v1.{j}.0");
            let digest = k.push_signed(&repo, &tag);
            (
                format!("registry.k8s.io/{repo}:{tag}"),
                format!("registry.k8s.io/{repo}@{digest}"),
            )
        })
        .collect();

    let api = KubeApi::start();
    api.add_token(TOKEN, "bench");
    // Every namespace has its `default` service account (no pull secrets), as in a real cluster.
    api.add_all(
        (0..NAMESPACES).map(|n| fixtures::service_account(&format!("bench-{n}"), "default", &[])),
    );
    api.add_all((0..pods).map(|i| {
        let (image, image_id) = &running[i % images];
        let ns = format!("bench-{}", i % NAMESPACES);
        let app = format!("app-{:03}", i % images);
        let name = format!("{app}-{i:05}");
        fixtures::pod(
            &ns,
            &name,
            &[("app", app.as_str())],
            &[C {
                name: "app",
                image,
                image_id: Some(image_id),
            }],
        )
    }));
    let kubeconfig = api.kubeconfig_token(&dir, "bench", TOKEN, None);

    std::fs::copy(
        k.sigstore.trusted_root_path(),
        dir.join("trusted_root.json"),
    )
    .unwrap();
    let env = format!(
        "KUBECONFIG={}\nHOST={}\nROOT={}\nACCESS_LOG={}\n",
        kubeconfig.display(),
        k.reg.host(),
        dir.join("trusted_root.json").display(),
        k.reg.dir().join("access.log").display(),
    );
    std::fs::write(dir.join("env"), env).unwrap();
    std::fs::write(dir.join("ready"), "").unwrap();

    // Answer count queries until the script is done (bounded: an hour).
    for _ in 0..72_000 {
        if dir.join("count").exists() {
            publish(&dir, "api-requests", &format!("{}\n", api.requests().len()));
            std::fs::remove_file(dir.join("count")).unwrap();
        }
        if dir.join("done").exists() {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}
