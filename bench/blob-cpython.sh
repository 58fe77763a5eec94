#!/usr/bin/env bash
# Time `kubectl verify blob` (release build) against sigstore-python's CLI on the same bundles,
# both offline: the CPython 3.12.5 release bundle (both reject it: its inclusion proof has no
# checkpoint) and, for a verifying comparison, sigstore-python's rfc8785 wheel bundle. Each is
# verified by digest, RUNS times (default 20); the mean wall time per run is printed.
#
# Needs: cargo, python3 with `pip install sigstore`. Prints the sigstore-python version used.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
vectors=$root/tests/data/vectors
runs=${RUNS:-20}

(cd "$root" && cargo build --release --quiet)
bin=${CARGO_TARGET_DIR:-$root/target}/release/kubectl-verify
python3 -c 'import sigstore' 2>/dev/null || {
    echo "bench/blob-cpython.sh: python3 cannot import sigstore (pip install sigstore)" >&2
    exit 2
}
pyver=$(python3 -c 'import sigstore; print(sigstore.__version__)')

# mean_ms CMD...: runs CMD $runs times (its exit status ignored), prints the mean in ms.
mean_ms() {
    local start end
    start=$(date +%s%N)
    for _ in $(seq "$runs"); do
        "$@" >/dev/null 2>&1 || true
    done
    end=$(date +%s%N)
    echo $(((end - start) / runs / 1000000))
}

# verdict CMD...: "verified" or "rejected".
verdict() {
    if "$@" >/dev/null 2>&1; then echo verified; else echo rejected; fi
}

bench() {
    local name=$1 digest=$2 bundle=$3 identity=$4 issuer=$5
    local ours=("$bin" blob "$digest" --bundle "$bundle"
        --certificate-identity "$identity" --certificate-oidc-issuer "$issuer")
    local theirs=(python3 -m sigstore verify identity --offline --bundle "$bundle"
        --cert-identity "$identity" --cert-oidc-issuer "$issuer" "$digest")
    printf '%-22s kubectl-verify %5s ms (%s)   sigstore-python %s %5s ms (%s)\n' \
        "$name" "$(mean_ms "${ours[@]}")" "$(verdict "${ours[@]}")" \
        "$pyver" "$(mean_ms "${theirs[@]}")" "$(verdict "${theirs[@]}")"
}

echo "mean wall time per verification over $runs runs, offline, $(nproc) cores"
bench "CPython 3.12.5" \
    sha256:38dc4e2c261d49c661196066edbfb70fdb16be4a79cc8220c224dfeb5636d405 \
    "$vectors/real/sigstore-python/test/assets/integration/Python-3.12.5.tgz.sigstore" \
    thomas@python.org https://accounts.google.com
bench "rfc8785 0.1.2 wheel" \
    sha256:c4e92e9ecc828bef2aa7dba1de8ac983511f7532a0df11c770d39099a25cf201 \
    "$vectors/real/sigstore-python/test/assets/bundle_v3_github.whl.sigstore" \
    https://github.com/trailofbits/rfc8785.py/.github/workflows/release.yml@refs/tags/v0.1.2 \
    https://token.actions.githubusercontent.com
