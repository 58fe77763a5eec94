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
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${KV_BIN:-$root/target/release/kubectl-verify}
if [[ -z ${KV_BIN:-} ]]; then
  (cd "$root" && cargo build --release --quiet)
fi

work=$(mktemp -d)
reg_pid=
stop_registry() {
  if [[ -n $reg_pid ]]; then
    kill "$reg_pid" 2>/dev/null || true
    wait "$reg_pid" 2>/dev/null || true
    reg_pid=
  fi
}
cleanup() {
  stop_registry
  rm -rf "$work"
}
trap cleanup EXIT

# start_registry MODE: anonymous or basic (htpasswd user bench / pass bench).
start_registry() {
  local mode=$1
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  host=127.0.0.1:$port
  rm -rf "$work/storage"
  {
    echo "version: 0.1"
    echo "log: {level: error}"
    echo "storage: {filesystem: {rootdirectory: $work/storage}}"
    echo "http: {addr: $host}"
    if [[ $mode == basic ]]; then
      echo "auth: {htpasswd: {realm: bench, path: $work/htpasswd}}"
    fi
  } >"$work/config.yml"
  # distribution writes its access log to stdout, one line per request.
  docker-registry serve "$work/config.yml" >"$work/access.log" 2>"$work/registry.log" &
  reg_pid=$!
  for _ in $(seq 200); do
    curl -sS -o /dev/null "http://$host/v2/" 2>/dev/null && break
    kill -0 "$reg_pid" 2>/dev/null || { cat "$work/registry.log"; exit 1; }
    sleep 0.05 # polling the registry's readiness, bounded by the loop
  done
  curl -sS -o /dev/null "http://$host/v2/"
}

push_blob() { # file -> digest
  local file=$1 digest loc sep
  digest=sha256:$(sha256sum "$file" | cut -d' ' -f1)
  loc=$(curl -fsS "${curl_auth[@]}" -X POST -D - -o /dev/null "http://$host/v2/bench/app/blobs/uploads/" |
    tr -d '\r' | sed -n 's/^[Ll]ocation: //p')
  [[ $loc == http* ]] || loc=http://$host$loc
  [[ $loc == *\?* ]] && sep='&' || sep='?'
  curl -fsS "${curl_auth[@]}" -X PUT -H 'Content-Type: application/octet-stream' \
    --data-binary "@$file" "$loc${sep}digest=$digest" -o /dev/null
  echo "$digest"
}

# One repository, IMAGES tags, each a distinct manifest (an annotation differs) over the same
# two blobs: IMAGES distinct digests to resolve.
push_images() {
  printf 'bench layer\n' >"$work/layer"
  local layer config
  layer=$(push_blob "$work/layer")
  printf '{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":["%s"]}}' "$layer" >"$work/config"
  config=$(push_blob "$work/config")
  for i in $(seq 0 $((IMAGES - 1))); do
    printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"%s","size":%d},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar","digest":"%s","size":%d}],"annotations":{"bench":"%d"}}' \
      "$config" "$(stat -c %s "$work/config")" "$layer" "$(stat -c %s "$work/layer")" "$i" >"$work/manifest"
    curl -fsS "${curl_auth[@]}" -X PUT -H 'Content-Type: application/vnd.oci.image.manifest.v1+json' \
      --data-binary "@$work/manifest" "http://$host/v2/bench/app/manifests/v$i" -o /dev/null
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
