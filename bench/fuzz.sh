#!/usr/bin/env bash
# Run each cargo-fuzz target (fuzz/fuzz_targets/) for SECONDS, one after another, and print
# per target the executions, the corpus size and any crash (issue 8):
#
#   reference       ImageRef::parse never panics; canonical forms and pinned spellings re-parse
#   manifest_spans  decode + load + images never panic; each image span holds its value
#   pin_rewrite     pin every image to one digest and splice: bytes outside image spans are
#                   unchanged, re-reading finds the same documents and image sites
#   oci_index       image index, legacy .sig manifest and simple-signing payload parsers
#   bundle          Sigstore bundle parsing
#
#   bench/fuzz.sh                        # 60 s per target
#   bench/fuzz.sh 600                    # 10 minutes per target
#   TARGETS="pin_rewrite bundle" JOBS=2 bench/fuzz.sh 600
#
# Needs cargo-fuzz (`cargo install cargo-fuzz --locked`). Only a stable toolchain is assumed:
# cargo-fuzz's nightly flags are allowed through RUSTC_BOOTSTRAP=1, and the sanitizer defaults
# to none (the crate forbids unsafe code; SANITIZER=address where its runtime is available).
# JOBS > 1 runs that many targets at once. Seeds come from fuzz/corpus-seeds/ and
# tests/data/pin/; the growing corpus stays in fuzz/corpus/<target> and crashes in
# fuzz/artifacts/<target> (both ignored by git). An input that finds a bug is minimised with
# `cargo fuzz tmin`, kept under tests/data/fuzz-regressions/<target>/ and read by a unit test.
set -euo pipefail

SECONDS_PER_TARGET=${1:-60}
TARGETS=${TARGETS:-reference manifest_spans pin_rewrite oci_index bundle}
JOBS=${JOBS:-1}
SANITIZER=${SANITIZER:-none}
root=$(cd "$(dirname "$0")/.." && pwd)
fuzz=$root/fuzz
export RUSTC_BOOTSTRAP=1
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$fuzz/target}

seeds() {
  case $1 in
    reference) echo "$fuzz/corpus-seeds/reference" ;;
    manifest_spans | pin_rewrite) echo "$fuzz/corpus-seeds/yaml $root/tests/data/pin $root/tests/data/fuzz-regressions/manifest_spans" ;;
    oci_index) echo "$fuzz/corpus-seeds/oci" ;;
    bundle) echo "$fuzz/corpus-seeds/bundle" ;;
  esac
}

max_len() {
  case $1 in
    reference) echo 1024 ;;
    manifest_spans | pin_rewrite) echo 8192 ;;
    *) echo 16384 ;;
  esac
}

cd "$fuzz"
for t in $TARGETS; do
  cargo fuzz build -O --sanitizer "$SANITIZER" "$t"
done

logs=$(mktemp -d)
run() {
  local t=$1
  mkdir -p "corpus/$t"
  # shellcheck disable=SC2046
  cargo fuzz run -O --sanitizer "$SANITIZER" "$t" "corpus/$t" $(seeds "$t") -- \
    -max_total_time="$SECONDS_PER_TARGET" -max_len="$(max_len "$t")" -print_final_stats=1 \
    >"$logs/$t.log" 2>&1 && echo ok >"$logs/$t.rc" || echo "exit $?" >"$logs/$t.rc"
}

running=0
for t in $TARGETS; do
  run "$t" &
  running=$((running + 1))
  if ((running >= JOBS)); then
    wait -n || true
    running=$((running - 1))
  fi
done
wait || true

status=0
printf '%-16s %12s %10s %8s  %s\n' target execs exec/s corpus result
for t in $TARGETS; do
  log=$logs/$t.log
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  corpus=$(find "corpus/$t" -type f | wc -l)
  result=$(cat "$logs/$t.rc")
  printf '%-16s %12s %10s %8s  %s\n' "$t" "${execs:-?}" "${rate:-?}" "$corpus" "$result"
  if [[ $result != ok ]]; then
    status=1
    grep -m1 -A3 -E 'panicked at|ERROR: libFuzzer' "$log" | sed 's/^/    /' || true
    grep -E 'Test unit written to' "$log" | sed 's/^/    /' || true
  fi
done
echo "logs: $logs"
exit "$status"
