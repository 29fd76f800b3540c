#!/usr/bin/env bash
# Runs the events benchmark (consume and publish N events through fauxqs on loopback).
#   bash scripts/bench-events.sh [transport events=10000] [listener threads=2] [end-to-end events=same]
# Needs `bash scripts/emulators.sh install` first. Prints figures; copy them to docs/bench/events.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -q -B -pl sync -am test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
    -Dmdep.includeScope=test >/dev/null
cp="sync/target/test-classes:sync/target/classes:core/target/test-classes:core/target/classes:$(cat sync/target/classpath.txt)"
exec java -Xmx2g -cp "$cp" org.movedesk.sync.events.bench.EventsBenchmark "${1:-10000}" "${2:-2}" "${3:-${1:-10000}}"
