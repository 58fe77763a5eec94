#!/usr/bin/env bash
# Resolve IMAGES distinct tags through `kubectl verify pin --dry-run` against a loopback
# docker-registry, anonymous and with htpasswd basic auth (credentials from a docker config),
# and print the wall time and the registry requests per image counted from its access log.
#
#   bench/registry-resolve.sh            # builds target/release/kubectl-verify if needed
#   KV_BIN=target/debug/kubectl-verify IMAGES=200 RUNS=1 bench/registry-resolve.sh
#
# Needs: docker-registry (Debian), htpasswd (apache2-utils), curl, python3. Touches nothing
# outside a temp dir.
set -euo pipefail

IMAGES=${IMAGES:-500}
RUNS=${RUNS:-3}
source "$(dirname "$0")/lib.sh"
kv_bin

# One repository, IMAGES tags, each a distinct image: IMAGES distinct digests to resolve.
push_images() {
  for i in $(seq 0 $((IMAGES - 1))); do
    push_image bench/app "v$i" "bench layer $i"
  done
}

python3 - "$IMAGES" >"$work/pods.yaml" <<'EOF'
import sys
n = int(sys.argv[1])
out = ["apiVersion: v1\nkind: Pod\nmetadata:\n  name: bench\nspec:\n  containers:\n"]
for i in range(n):
    out.append(f"  - name: c{i}\n    image: bench.test/bench/app:v{i}\n")
sys.stdout.write("".join(out))
EOF

htpasswd -Bbn bench bench >"$work/htpasswd"
mkdir -p "$work/docker"
printf '{"auths":{"%s":{"auth":"%s"}}}' PLACEHOLDER "$(printf bench:bench | base64)" >"$work/docker/config.json.in"

for mode in anonymous basic; do
  curl_auth=()
  [[ $mode == basic ]] && curl_auth=(-u bench:bench)
  start_registry "$mode"
  echo "[$mode] pushing $IMAGES images to $host …" >&2
  push_images
  sed "s/PLACEHOLDER/$host/" "$work/docker/config.json.in" >"$work/docker/config.json"
  best=
  for run in $(seq "$RUNS"); do
    before=$(wc -l <"$work/access.log")
    start=$(date +%s.%N)
    DOCKER_CONFIG=$work/docker "$bin" pin --dry-run \
      --registry-mirror "bench.test=$host" --insecure-registry "$host" \
      "$work/pods.yaml" >"$work/diff" 2>"$work/stderr" || { cat "$work/stderr"; exit 1; }
    end=$(date +%s.%N)
    requests=$(($(wc -l <"$work/access.log") - before))
    pinned=$(grep -c '^+.*@sha256:' "$work/diff" || true)
    t=$(python3 -c "print(f'{$end - $start:.3f}')")
    per=$(python3 -c "print(f'{$requests / $IMAGES:.2f}')")
    echo "[$mode] run $run: ${t}s, $pinned references pinned, $requests registry requests ($per per image)"
    if [[ -z $best ]] || python3 -c "import sys; sys.exit(0 if $t < $best else 1)"; then best=$t; fi
  done
  echo "[$mode] best of $RUNS: ${best}s to resolve $IMAGES distinct tags"
  stop_registry
done
