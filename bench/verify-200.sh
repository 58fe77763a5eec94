#!/usr/bin/env bash
# Time `kubectl verify image` on IMAGES distinct signed images served by a loopback
# docker-registry, in each signature layout, and count the registry requests per image:
#
#   legacy     cosign 2: `sha256-<hex>.sig` tag (keyless, Rekor SET)
#   fallback   cosign 3 bundle found through the referrers tag-schema fallback (`sha256-<hex>`)
#   referrers  cosign 3 bundle found through the OCI 1.1 referrers API (an in-test HTTP front
#              answers /v2/<name>/referrers/<digest>; Debian's registry 2.8 has no such API)
#
# Each reference is a tag, so one resolve (HEAD) per image is included in the counts.
#
#   bench/verify-200.sh                    # release binary, 200 images per layout
#   IMAGES=50 KV_BIN=target/debug/kubectl-verify bench/verify-200.sh
#
# The signed images and the test Sigstore (CA, CT log, Rekor keys, trusted_root.json) are made
# by the integration-test fixture `image::bench_fixture`, which waits until this script is done.
set -euo pipefail

IMAGES=${IMAGES:-200}
CONCURRENCY=${CONCURRENCY:-8}
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${KV_BIN:-$root/target/release/kubectl-verify}
if [[ -z ${KV_BIN:-} ]]; then
  (cd "$root" && cargo build --release --quiet)
fi

work=$(mktemp -d)
fixture_pid=
cleanup() {
  touch "$work/done"
  if [[ -n $fixture_pid ]]; then wait "$fixture_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "setting up $IMAGES signed images per layout (fixture image::bench_fixture)..." >&2
(cd "$root" && KV_BENCH_DIR=$work KV_BENCH_IMAGES=$IMAGES \
  cargo test --quiet --test it image::bench_fixture -- --ignored --exact >"$work/fixture.log" 2>&1) &
fixture_pid=$!
for _ in $(seq 36000); do
  [[ -e $work/ready ]] && break
  kill -0 "$fixture_pid" 2>/dev/null || { cat "$work/fixture.log"; exit 1; }
  sleep 0.1 # polling the fixture's ready file, bounded by the loop
done
[[ -e $work/ready ]] || { echo "fixture not ready" >&2; exit 1; }
# shellcheck disable=SC1091
source "$work/env"

printf '%-10s %8s %10s %16s\n' layout images seconds requests/image
for layout in legacy fallback referrers; do
  refs=()
  mapfile -t refs <"$work/$layout.refs"
  target=$HOST
  [[ $layout == referrers ]] && target=$PROXY
  before=$(wc -l <"$ACCESS_LOG")
  start=$(date +%s.%N)
  "$bin" image --trusted-root "$work/trusted_root.json" --insecure-registry "$target" \
    --certificate-identity "$IDENTITY" --certificate-oidc-issuer "$ISSUER" \
    --concurrency "$CONCURRENCY" -o json "${refs[@]}" >"$work/$layout.json"
  end=$(date +%s.%N)
  verified=$(grep -c '"verdict": "verified"' "$work/$layout.json" || true)
  [[ $verified == "${#refs[@]}" ]] || { echo "$layout: only $verified of ${#refs[@]} verified" >&2; exit 1; }
  after=$(wc -l <"$ACCESS_LOG")
  requests=$((after - before))
  if [[ $layout == referrers ]]; then
    # The front answers the referrers requests itself; the registry sees the rest.
    touch "$work/done"
    wait "$fixture_pid" || true
    fixture_pid=
    extra=$(grep -c '/referrers/sha256:' "$work/proxy.log" || true)
    requests=$((requests + extra))
  fi
  per=$(python3 -c "print(f'{$requests/${#refs[@]}:.2f}')")
  secs=$(python3 -c "print(f'{$end-$start:.2f}')")
  printf '%-10s %8d %10s %16s\n' "$layout" "${#refs[@]}" "$secs" "$per"
done
