#!/usr/bin/env bash
# Pin one file holding 10,000 image references to 100 distinct images against a loopback
# docker-registry, and print the wall time and peak memory of `kubectl verify pin` (issue 10
# point 6: peak RSS at most 4 × the file size + 20 MiB). ENV=N gives each container N env
# entries, to make a file of realistic size (the default 12 makes ~3.9 MB, as in issue 10).
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
ENV=${ENV:-12}
source "$(dirname "$0")/lib.sh"
kv_bin
start_registry

echo "pushing $IMAGES images to $host …" >&2
for i in $(seq 0 $((IMAGES - 1))); do
  push_image "bench/img$i" 1.0 "layer $i"
done

# 100 containers per Pod document, REFS references in all, cycling through the images.
python3 - "$REFS" "$IMAGES" "$ENV" >"$work/big.yaml" <<'EOF'
import sys
refs, images, env = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
out, n, doc = [], 0, 0
while n < refs:
    out.append(f"---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p{doc}  # comment\nspec:\n  containers:\n")
    for _ in range(min(100, refs - n)):
        out.append(f"  - name: c{n}\n    image: bench.test/bench/img{n % images}:1.0\n")
        if env:
            out.append("    env:\n")
            for e in range(env):
                out.append(f"    - name: SETTING_{e}\n      value: \"value {e} of container {n}\"\n")
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
  /usr/bin/time -f %M -o "$work/rss" \
    "$bin" pin --registry-mirror "bench.test=$host" --insecure-registry "$host" "$work/big.yaml" 2>"$work/stderr"
  end=$(date +%s.%N)
  t=$(python3 -c "print(f'{$end - $start:.3f}')")
  rss_kib=$(tail -1 "$work/rss")
  echo "run $run: ${t}s, peak RSS $((rss_kib / 1024)) MiB ($(tail -1 "$work/stderr"))"
  if [[ -z $best ]] || python3 -c "import sys; sys.exit(0 if $t < $best else 1)"; then best=$t; fi
done
grep -c '@sha256:' "$work/big.yaml" | xargs -I{} echo "pinned lines: {}"
echo "best of $RUNS: ${best}s to pin $REFS references to $IMAGES images"
size=$(wc -c <"$work/orig.yaml")
python3 - "$size" "$rss_kib" <<'EOF'
import sys
size, rss_kib = int(sys.argv[1]), int(sys.argv[2])
goal = 4 * size + 20 * 2**20
print(f"peak RSS {rss_kib / 1024:.1f} MiB for a {size / 2**20:.1f} MiB file; "
      f"goal 4 x file + 20 MiB = {goal / 2**20:.1f} MiB: {'met' if rss_kib * 1024 <= goal else 'NOT met'}")
EOF
