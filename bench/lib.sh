# Shared by the bench scripts that need a loopback registry: the binary under test, a work
# directory removed on exit, Debian's docker-registry on a free port, and pushes of small OCI
# images over the distribution API with curl. Source it after `set -euo pipefail`.
#
#   kv_bin                   sets $bin: $KV_BIN, or target/release/kubectl-verify (built if needed)
#   start_registry [basic]   sets $host; `basic` adds htpasswd auth from $work/htpasswd; the
#                            registry's access log (one line per request) is $work/access.log
#   stop_registry
#   push_blob REPO FILE      prints the digest; curl options in the array $curl_auth (e.g. -u u:p)
#   push_image REPO TAG TEXT a one-layer image whose layer holds TEXT; prints nothing

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d)
reg_pid=
curl_auth=()

kv_bin() {
  bin=${KV_BIN:-$root/target/release/kubectl-verify}
  if [[ -z ${KV_BIN:-} ]]; then
    (cd "$root" && cargo build --release --quiet)
  fi
}

stop_registry() {
  if [[ -n $reg_pid ]]; then
    kill "$reg_pid" 2>/dev/null || true
    wait "$reg_pid" 2>/dev/null || true
    reg_pid=
  fi
}

bench_cleanup() {
  stop_registry
  rm -rf "$work"
}
trap bench_cleanup EXIT

start_registry() {
  local mode=${1:-anonymous}
  # A free port: bind :0 in a throwaway listener and read back what the kernel chose.
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

push_blob() {
  local repo=$1 file=$2 digest loc sep
  digest=sha256:$(sha256sum "$file" | cut -d' ' -f1)
  loc=$(curl -fsS "${curl_auth[@]}" -X POST -D - -o /dev/null "http://$host/v2/$repo/blobs/uploads/" |
    tr -d '\r' | sed -n 's/^[Ll]ocation: //p')
  [[ $loc == http* ]] || loc=http://$host$loc
  [[ $loc == *\?* ]] && sep='&' || sep='?'
  curl -fsS "${curl_auth[@]}" -X PUT -H 'Content-Type: application/octet-stream' \
    --data-binary "@$file" "$loc${sep}digest=$digest" -o /dev/null
  echo "$digest"
}

push_image() {
  local repo=$1 tag=$2 text=$3 layer config
  printf '%s\n' "$text" >"$work/layer"
  layer=$(push_blob "$repo" "$work/layer")
  printf '{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":["%s"]}}' "$layer" >"$work/config"
  config=$(push_blob "$repo" "$work/config")
  printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"%s","size":%d},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar","digest":"%s","size":%d}]}' \
    "$config" "$(stat -c %s "$work/config")" "$layer" "$(stat -c %s "$work/layer")" >"$work/manifest"
  curl -fsS "${curl_auth[@]}" -X PUT -H 'Content-Type: application/vnd.oci.image.manifest.v1+json' \
    --data-binary "@$work/manifest" "http://$host/v2/$repo/manifests/$tag" -o /dev/null
}
