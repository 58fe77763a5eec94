#!/usr/bin/env bash
# Time `kubectl verify pods -A` on clusters of many pods running a few distinct signed images,
# and count what it costs (issue 7's closing figures):
#
#   API requests       every request the Kubernetes API stand-in served during the run
#   registry requests  every request the loopback docker-registry (standing in for
#                      registry.k8s.io through --registry-mirror) served during the run
#   wall seconds       best of RUNS runs (each run must verify every image and exit 0)
#
# The default sizes are 1,200 pods running 30 images and 5,000 pods running 200. Each image
# is signed as krel-trust (legacy `.sig`), so the built-in policy applies and no identity flags
# are given; pods report containerd-style imageIDs (`registry.k8s.io/NAME@sha256:…`).
#
#   bench/cluster-pods.sh                                # release binary, both sizes, 3 runs
#   SIZES="300:10 1200:30" RUNS=1 bench/cluster-pods.sh  # PODS:IMAGES pairs
#   KV_BIN=target/debug/kubectl-verify bench/cluster-pods.sh
#
# Each cluster (the API stand-in, its kubeconfig, the signed images and the test Sigstore's
# trusted_root.json) is made by the integration-test fixture `cluster_bench::bench_fixture`,
# which answers API request counts through files and waits until this script is done.
set -euo pipefail

SIZES=${SIZES:-1200:30 5000:200}
RUNS=${RUNS:-3}
CONCURRENCY=${CONCURRENCY:-8}
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${KV_BIN:-${CARGO_TARGET_DIR:-$root/target}/release/kubectl-verify}
if [[ -z ${KV_BIN:-} ]]; then
  (cd "$root" && cargo build --release --quiet)
fi
# Build the fixture before timing anything, so a cold build is not mistaken for a hang.
(cd "$root" && cargo test --quiet --test it --no-run)

work=
fixture_pid=
stop_fixture() {
  if [[ -n $work ]]; then touch "$work/done"; fi
  if [[ -n $fixture_pid ]]; then wait "$fixture_pid" 2>/dev/null || true; fi
  fixture_pid=
  if [[ -n $work ]]; then rm -rf "$work"; fi
  work=
}
trap stop_fixture EXIT

# Requests the API stand-in has served so far: ask the fixture (create `count`, it writes
# `api-requests` and removes `count`).
api_requests() {
  touch "$work/count"
  for _ in $(seq 600); do
    [[ -e $work/count ]] || break
    sleep 0.05 # polling the fixture's answer, bounded by the loop
  done
  [[ ! -e $work/count ]] || { echo "fixture did not answer the count query" >&2; exit 1; }
  cat "$work/api-requests"
}

# Requests the registry has served so far. distribution logs a request after answering it,
# so first make a marker request and wait until it is logged; markers are not counted.
sentinel=0
registry_requests() {
  sentinel=$((sentinel + 1))
  curl -fsS -o /dev/null "http://$HOST/v2/?kv-sentinel=$sentinel"
  for _ in $(seq 400); do
    grep -q "kv-sentinel=$sentinel" "$ACCESS_LOG" && break
    sleep 0.025 # polling the access log, bounded by the loop
  done
  grep -c -v 'kv-sentinel=' "$ACCESS_LOG" || true
}

results=()
for size in $SIZES; do
  pods=${size%%:*}
  images=${size##*:}
  work=$(mktemp -d)
  mkdir "$work/home"
  echo "setting up $pods pods running $images signed images (fixture cluster_bench::bench_fixture)..." >&2
  (cd "$root" && KV_BENCH_DIR=$work KV_BENCH_PODS=$pods KV_BENCH_IMAGES=$images \
    cargo test --quiet --test it cluster_bench::bench_fixture -- --ignored --exact \
    >"$work/fixture.log" 2>&1) &
  fixture_pid=$!
  for _ in $(seq 36000); do
    [[ -e $work/ready ]] && break
    kill -0 "$fixture_pid" 2>/dev/null || { cat "$work/fixture.log"; exit 1; }
    sleep 0.1 # polling the fixture's ready file, bounded by the loop
  done
  [[ -e $work/ready ]] || { echo "fixture not ready" >&2; exit 1; }
  # shellcheck disable=SC1091
  source "$work/env"

  best=
  for run in $(seq "$RUNS"); do
    api_before=$(api_requests)
    reg_before=$(registry_requests)
    start=$(date +%s.%N)
    # An empty HOME and no DOCKER_CONFIG: the machine's docker credentials stay out of it.
    status=0
    env -u DOCKER_CONFIG -u COSIGN_REPOSITORY HOME="$work/home" KUBECONFIG="$KUBECONFIG" \
      "$bin" pods -A --registry-mirror "registry.k8s.io=$HOST" --insecure-registry "$HOST" \
      --trusted-root "$ROOT" --concurrency "$CONCURRENCY" -o json \
      >"$work/run.json" 2>"$work/run.err" || status=$?
    end=$(date +%s.%N)
    api=$(($(api_requests) - api_before))
    reg=$(($(registry_requests) - reg_before))
    if [[ $status != 0 ]]; then
      echo "$pods pods: exit $status" >&2
      cat "$work/run.err" >&2
      exit 1
    fi
    python3 - "$work/run.json" "$images" "$pods" <<'EOF'
import json, sys
report = json.load(open(sys.argv[1]))
images, pods = int(sys.argv[2]), int(sys.argv[3])
entries = report["images"]
bad = [e["reference"] for e in entries if e["verdict"] != "verified"]
uses = sum(len(e["sources"]) for e in entries)
s = report["summary"]
if bad or len(entries) != images or s["verified"] != images or uses != pods:
    sys.exit(f"{pods} pods: {len(entries)} entries, {s['verified']} verified, {uses} uses; "
             f"not verified: {bad[:5]}")
EOF
    secs=$(python3 -c "print(f'{$end-$start:.2f}')")
    echo "  run $run: $secs s, $api API requests, $reg registry requests" >&2
    if [[ -z $best ]] || python3 -c "import sys; sys.exit(not $secs < $best)"; then
      best=$secs
    fi
  done
  per=$(python3 -c "print(f'{$reg/$images:.2f}')")
  results+=("$(printf '%6d %7d %13d %18d %14s %13s' "$pods" "$images" "$api" "$reg" "$per" "$best")")
  stop_fixture
done

printf '%6s %7s %13s %18s %14s %13s\n' pods images api-requests registry-requests requests/image wall-seconds
printf '%s\n' "${results[@]}"
