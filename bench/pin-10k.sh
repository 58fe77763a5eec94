#!/usr/bin/env bash
# Pin one file holding 10,000 image references to 100 distinct images against a loopback
# docker-registry, and print the wall time of `kubectl verify pin`.
#
#   bench/pin-10k.sh            # builds target/release/kubectl-verify if needed
#   KV_BIN=path/to/kubectl-verify bench/pin-10k.sh
#   REFS=20000 IMAGES=200 bench/pin-10k.sh
#
# Needs: docker-registry (Debian), curl, sha256sum. Touches nothing outside a temp dir.
set -euo pipefail

REFS=${REFS:-10000}
IMAGES=${IMAGES:-100}
RUNS=${RUNS:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${KV_BIN:-$root/target/release/kubectl-verify}
if [[ -z ${KV_BIN:-} ]]; then
  (cd "$root" && cargo build --release --quiet)
fi

work=$(mktemp -d)
reg_pid=
cleanup() {
  [[ -n $reg_pid ]] && kill "$reg_pid" 2>/dev/null && wait "$reg_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# A free port: bind :0 in a throwaway listener and read back what the kernel chose.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
host=127.0.0.1:$port
cat >"$work/config.yml" <<EOF
version: 0.1
log: {level: error}
storage: {filesystem: {rootdirectory: $work/storage}}
http: {addr: $host}
EOF
docker-registry serve "$work/config.yml" >"$work/registry.log" 2>&1 &
reg_pid=$!
for _ in $(seq 200); do
  curl -fsS "http://$host/v2/" >/dev/null 2>&1 && break
  kill -0 "$reg_pid" 2>/dev/null || { cat "$work/registry.log"; exit 1; }
  sleep 0.05 # polling the registry's readiness, bounded by the loop
done
curl -fsS "http://$host/v2/" >/dev/null

push_blob() { # repo file -> digest
  local repo=$1 file=$2 digest loc
  digest=sha256:$(sha256sum "$file" | cut -d' ' -f1)
  loc=$(curl -fsS -X POST -D - -o /dev/null "http://$host/v2/$repo/blobs/uploads/" |
    tr -d '\r' | sed -n 's/^[Ll]ocation: //p')
  [[ $loc == http* ]] || loc=http://$host$loc
  [[ $loc == *\?* ]] && sep='&' || sep='?'
  curl -fsS -X PUT -H 'Content-Type: application/octet-stream' --data-binary "@$file" \
    "$loc${sep}digest=$digest" -o /dev/null
  echo "$digest"
}

echo "pushing $IMAGES images to $host …" >&2
for i in $(seq 0 $((IMAGES - 1))); do
  repo=bench/img$i
  printf 'layer %s\n' "$i" >"$work/layer"
  layer=$(push_blob "$repo" "$work/layer")
  printf '{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":["%s"]}}' "$layer" >"$work/config"
  config=$(push_blob "$repo" "$work/config")
  printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"%s","size":%d},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar","digest":"%s","size":%d}]}' \
    "$config" "$(stat -c %s "$work/config")" "$layer" "$(stat -c %s "$work/layer")" >"$work/manifest"
  curl -fsS -X PUT -H 'Content-Type: application/vnd.oci.image.manifest.v1+json' \
    --data-binary "@$work/manifest" "http://$host/v2/$repo/manifests/1.0" -o /dev/null
done

# 100 containers per Pod document, REFS references in all, cycling through the images.
python3 - "$REFS" "$IMAGES" >"$work/big.yaml" <<'EOF'
import sys
refs, images = int(sys.argv[1]), int(sys.argv[2])
out, n, doc = [], 0, 0
while n < refs:
    out.append(f"---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p{doc}  # comment\nspec:\n  containers:\n")
    for _ in range(min(100, refs - n)):
        out.append(f"  - name: c{n}\n    image: bench.test/bench/img{n % images}:1.0\n")
        n += 1
    doc += 1
sys.stdout.write("".join(out))
EOF
cp "$work/big.yaml" "$work/orig.yaml"
echo "file: $(wc -c <"$work/big.yaml") bytes, $REFS references to $IMAGES images" >&2

best=
for run in $(seq "$RUNS"); do
  cp "$work/orig.yaml" "$work/big.yaml"
  start=$(date +%s.%N)
  "$bin" pin --registry-mirror "bench.test=$host" --insecure-registry "$host" "$work/big.yaml" 2>"$work/stderr"
  end=$(date +%s.%N)
  t=$(python3 -c "print(f'{$end - $start:.3f}')")
  echo "run $run: ${t}s ($(tail -1 "$work/stderr"))"
  if [[ -z $best ]] || python3 -c "import sys; sys.exit(0 if $t < $best else 1)"; then best=$t; fi
done
grep -c '@sha256:' "$work/big.yaml" | xargs -I{} echo "pinned lines: {}"
echo "best of $RUNS: ${best}s to pin $REFS references to $IMAGES images"
