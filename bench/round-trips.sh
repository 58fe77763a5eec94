#!/usr/bin/env bash
# Registry round trips, wall time and CPU of `kubectl verify image` against curl making exactly
# the same requests (issue 10's closing figures), for each signature layout:
#
#   legacy     cosign 2: `sha256-<hex>.sig` tag (keyless, Rekor SET)
#   fallback   cosign 3 bundle found through the referrers tag-schema fallback (`sha256-<hex>`)
#   referrers  cosign 3 bundle found through the OCI 1.1 referrers API (an in-test HTTP front,
#              `ReferrersProxy`, answers /v2/<name>/referrers/<digest>; Debian's registry 2.8
#              has no such API)
#
# on loopback and through bench/delay-proxy.py (RTT ms each way's sum, default 50), for SIZES
# signed images (tags) per layout. For each (network, size, layout), RUNS interleaved rounds of:
# one `kubectl verify image` run over all the references (every image must verify), then the
# requests it made — read back from the registry's access log (the front's log for the
# referrers layout) — replayed by `curl --parallel --parallel-max 16` on kept connections with
# the same methods, paths and Accept headers. Printed: requests per image, median wall and CPU
# (user + system) seconds of each and their ratio, kubectl-verify's peak RSS, and the
# connections it opened through the delay proxy. Each round starts with an empty verification
# cache (KUBECTL_VERIFY_CACHE_DIR); after the first run, the same references are verified again
# from that cache (layout `+cached`, goal: at most 1 request per tag), and by the digests the
# first run reported, once to fill the cache and once measured (`+cached@`, goal: 0
# requests); each measured run is also replayed by curl.
#
#   bench/round-trips.sh                                   # release binary, 300 and 1,000
#   SIZES=300 RUNS=1 RTT_MS=50 bench/round-trips.sh
#   KV_BIN=/tmp/kv-before NETWORKS=rtt bench/round-trips.sh  # another binary (e.g. main's)
#   KV_BENCH_CERTS=each bench/round-trips.sh                # one signing certificate per image
#
# The signed images and the test Sigstore are made by the integration-test fixture
# `image::bench_fixture` (the one bench/verify-200.sh uses), which waits until this script is
# done. By default every image is signed with one keyless certificate, as one `cosign sign`
# of many images signs them; KV_BENCH_CERTS=each gives each image its own, as separate signing
# runs do (each certificate's chain and SCT are then checked once per image: more CPU). Needs curl, python3 and GNU time (/usr/bin/time).
set -euo pipefail

SIZES=${SIZES:-300 1000}
RUNS=${RUNS:-3}
RTT_MS=${RTT_MS:-50}
NETWORKS=${NETWORKS:-loopback rtt}
LAYOUTS=${LAYOUTS:-legacy referrers fallback}
PARALLEL=${PARALLEL:-16}
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${KV_BIN:-${CARGO_TARGET_DIR:-$root/target}/release/kubectl-verify}
if [[ -z ${KV_BIN:-} ]]; then
  (cd "$root" && cargo build --release --quiet)
fi
[[ -x /usr/bin/time ]] || { echo "needs GNU time (apt-get install time)" >&2; exit 1; }
(cd "$root" && cargo test --quiet --test it --no-run)

max=0
for n in $SIZES; do ((n > max)) && max=$n; done

work=$(mktemp -d)
fixture_pid=
proxy_pids=()
cleanup() {
  touch "$work/done"
  for p in "${proxy_pids[@]}"; do kill "$p" 2>/dev/null || true; done
  if [[ -n $fixture_pid ]]; then wait "$fixture_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "setting up $max signed images per layout (fixture image::bench_fixture)..." >&2
(cd "$root" && KV_BENCH_DIR=$work KV_BENCH_IMAGES=$max \
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

# A delay proxy in front of the registry and one in front of the referrers front (started
# here, not in a command substitution, which would wait for the proxy's stdout to close).
start_delay() {
  local name=$1 upstream=$2
  python3 "$root/bench/delay-proxy.py" "$work/$name.port" "$upstream" "$RTT_MS" \
    >"$work/$name.delay.log" 2>&1 &
  proxy_pids+=($!)
  for _ in $(seq 100); do
    [[ -e $work/$name.port ]] && break
    sleep 0.05 # polling the proxy's port file, bounded by the loop
  done
  delay_addr="127.0.0.1:$(cat "$work/$name.port")"
}
start_delay host "$HOST"
DELAY_HOST=$delay_addr
start_delay proxy "$PROXY"
DELAY_PROXY=$delay_addr

# Lines the registry has logged so far. distribution logs a request after answering it, so
# first make a marker request and wait until it is logged; markers are not counted.
sentinel=0
registry_log() {
  sentinel=$((sentinel + 1))
  curl -fsS -o /dev/null "http://$HOST/v2/?kv-sentinel=$sentinel"
  for _ in $(seq 400); do
    grep -q "kv-sentinel=$sentinel" "$ACCESS_LOG" && break
    sleep 0.025 # polling the access log, bounded by the loop
  done
  grep -v 'kv-sentinel=' "$ACCESS_LOG" | sed -E 's/^[^"]*"([A-Z]+) ([^ ]+) HTTP[^"]*".*/\1 \2/' || true
}
# The referrers front's log so far (`METHOD /path?query` per request).
proxy_log() {
  touch "$work/dump"
  for _ in $(seq 2000); do
    [[ -e $work/dump ]] || break
    sleep 0.01 # polling the fixture's answer, bounded by the loop
  done
  cat "$work/proxy.log"
}
# Connections the delay proxy NAME has accepted so far.
connections() {
  local pid=$1 name=$2
  rm -f "$work/$name.port.connections"
  kill -USR1 "$pid"
  for _ in $(seq 200); do
    [[ -e $work/$name.port.connections ]] && break
    sleep 0.01 # polling the proxy's answer, bounded by the loop
  done
  cat "$work/$name.port.connections"
}

# curl's config for REQUESTS (`METHOD /path`) against HOST: same method, path, Accept.
curl_config() {
  python3 - "$1" "$2" >"$3" <<'EOF'
import sys
host, path = sys.argv[1], sys.argv[2]
manifest = ("application/vnd.oci.image.index.v1+json, "
            "application/vnd.docker.distribution.manifest.list.v2+json, "
            "application/vnd.oci.image.manifest.v1+json, "
            "application/vnd.docker.distribution.manifest.v2+json")
out = []
for line in open(path):
    method, target = line.split()
    out.append(f'url = "http://{host}{target}"')
    if method == "HEAD":
        out.append("head")
    if "/manifests/" in target:
        out.append(f'header = "Accept: {manifest}"')
    elif "/referrers/" in target:
        out.append('header = "Accept: application/vnd.oci.image.index.v1+json"')
    out.append('output = "/dev/null"')
    out.append("next")
print("\n".join(out[:-1]))
EOF
}

median() { tr ' ' '\n' | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

rows=()
for net in $NETWORKS; do
  for n in $SIZES; do
    for layout in $LAYOUTS; do
      target=$HOST
      [[ $layout == referrers ]] && target=$PROXY
      via=$target
      delay_pid=
      if [[ $net == rtt ]]; then
        if [[ $layout == referrers ]]; then
          via=$DELAY_PROXY
          delay_pid=${proxy_pids[1]}
        else
          via=$DELAY_HOST
          delay_pid=${proxy_pids[0]}
        fi
      fi
      head -n "$n" "$work/$layout.refs" | sed "s|^$target/|$via/|" >"$work/refs"
      for mode in first cached digest; do
      case $mode in
        first) mapfile -t refs <"$work/refs"; name=$layout ;;
        cached) mapfile -t refs <"$work/refs"; name=$layout+cached ;;
        digest) mapfile -t refs <"$work/digest.refs"; name=$layout+cached@ ;;
      esac
      kv_wall=() kv_cpu=() curl_wall=() curl_cpu=() rss=() per= conns=
      for run in $(seq "$RUNS"); do
        # An empty cache for the first run of each round; the cached modes reuse it. A new
        # directory each round, not the last one emptied: on ext4, creating files right after
        # deleting a thousand makes the kernel check each freed inode for recent deletion
        # (`recently_deleted`), which cost the measured process 0.1-0.3 s of system time a
        # run that no user's first run pays.
        export KUBECTL_VERIFY_CACHE_DIR=$work/cache-$net-$n-$layout-$run
        if [[ $mode == digest ]]; then
          # A digest reference is its own cache entry (the key holds the reference as
          # written): one unmeasured run writes it, the measured one reads it.
          "$bin" image --trusted-root "$work/trusted_root.json" --insecure-registry "$via" \
            --certificate-identity "$IDENTITY" --certificate-oidc-issuer "$ISSUER" \
            -o json "${refs[@]}" >/dev/null 2>&1 || true
        fi
        if [[ $layout == referrers ]]; then proxy_log >"$work/before.log"; else registry_log >"$work/before.log"; fi
        [[ -n $delay_pid ]] && c0=$(connections "$delay_pid" "$([[ $layout == referrers ]] && echo proxy || echo host)")
        /usr/bin/time -f '%e %U %S %M' -o "$work/kv.time" \
          "$bin" image --trusted-root "$work/trusted_root.json" --insecure-registry "$via" \
          --certificate-identity "$IDENTITY" --certificate-oidc-issuer "$ISSUER" \
          -o json "${refs[@]}" >"$work/kv.json" 2>"$work/kv.err" || true
        verified=$(grep -c '"verdict": "verified"' "$work/kv.json" || true)
        if [[ $verified != "$n" ]]; then
          echo "$net $n $name: only $verified of $n verified" >&2
          head -c 2000 "$work/kv.err" >&2
          exit 1
        fi
        [[ -n $delay_pid ]] && conns=$(($(connections "$delay_pid" "$([[ $layout == referrers ]] && echo proxy || echo host)") - c0))
        if [[ $layout == referrers ]]; then proxy_log >"$work/after.log"; else registry_log >"$work/after.log"; fi
        tail -n +"$(($(wc -l <"$work/before.log") + 1))" "$work/after.log" >"$work/requests"
        count=$(wc -l <"$work/requests")
        if [[ $mode == first && $run == 1 ]]; then
          # The digests that verified, for the `+cached@` runs: `host/repo@sha256:…`.
          python3 -c "
import json, sys
for r in json.load(open(sys.argv[1]))['images']:
    print(r['reference'].rsplit(':', 1)[0] + '@' + r['digest'])" "$work/kv.json" >"$work/digest.refs"
        fi
        per=$(python3 -c "print(f'{$count/$n:.2f}')")
        curl_config "$via" "$work/requests" "$work/curl.cfg"
        if [[ -s $work/requests ]]; then
          /usr/bin/time -f '%e %U %S %M' -o "$work/curl.time" \
            curl -sS --no-progress-meter --parallel --parallel-max "$PARALLEL" -K "$work/curl.cfg" || true
        else
          echo "0 0 0 0" >"$work/curl.time" # nothing to replay
        fi
        read -r w u s m <"$work/kv.time"
        kv_wall+=("$w") kv_cpu+=("$(python3 -c "print($u+$s)")") rss+=("$m")
        read -r w u s _ <"$work/curl.time"
        curl_wall+=("$w") curl_cpu+=("$(python3 -c "print($u+$s)")")
        echo "  $net $n $name run $run: $count requests; kv ${kv_wall[-1]}s/${kv_cpu[-1]}s cpu; curl ${curl_wall[-1]}s/${curl_cpu[-1]}s cpu" >&2
      done
      kw=$(echo "${kv_wall[*]}" | median) kc=$(echo "${kv_cpu[*]}" | median)
      cw=$(echo "${curl_wall[*]}" | median) cc=$(echo "${curl_cpu[*]}" | median)
      mr=$(echo "${rss[*]}" | median)
      label=$net
      [[ $net == rtt ]] && label="${RTT_MS}ms"
      rows+=("$(python3 -c "
kw, kc, cw, cc, mr = $kw, $kc, $cw, $cc, $mr
print(f'{\"$label\":<9} {$n:>6} {\"$name\":<18} {$per:>8} {kw:>8.2f} {cw:>8.2f} {kw/max(cw,0.01):>6.2f}x {kc:>7.2f} {cc:>7.2f} {kc/max(cc,0.01):>6.2f}x {mr/1024:>7.1f} {\"${conns:--}\":>6}')")")
      done
    done
  done
done
printf '%-9s %6s %-18s %8s %8s %8s %7s %7s %7s %7s %7s %6s\n' network images layout req/img \
  kv-wall curl-wall ratio kv-cpu curl-cpu ratio rss-MiB conns
printf '%s\n' "${rows[@]}"
