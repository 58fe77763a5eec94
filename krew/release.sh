#!/usr/bin/env bash
# Builds the release archive for this machine's platform and renders a Krew manifest that installs it
# from that local archive, so `kubectl krew install --manifest=dist/verify.yaml --archive=dist/<archive>`
# can be tried before a release is published. The published manifest is plugin.yaml with the sha256
# placeholders replaced by the digests this script prints.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)
os=$(uname -s | tr '[:upper:]' '[:lower:]')
case "$(uname -m)" in x86_64) arch=amd64 ;; aarch64|arm64) arch=arm64 ;; *) arch=$(uname -m) ;; esac
cargo build --locked --release
mkdir -p dist/stage
cp target/release/kubectl-verify LICENSE dist/stage/
archive="kubectl-verify-v${version}-${os}-${arch}.tar.gz"
tar -C dist/stage -czf "dist/${archive}" kubectl-verify LICENSE
sum=$(sha256sum "dist/${archive}" | cut -d' ' -f1)
key="@SHA256_$(echo "${os}_${arch}" | tr '[:lower:]' '[:upper:]')@"
sed "s/${key}/${sum}/" plugin.yaml > dist/verify.yaml
echo "archive:  dist/${archive}"
echo "sha256:   ${sum}"
echo "manifest: dist/verify.yaml"
