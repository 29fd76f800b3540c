#!/usr/bin/env bash
# Start-up figures of the desk: JVM start to first frame, and to a usable sign-in (Spring
# ready), N runs on an existing demo store, under Xvfb, with the run script's JVM flags.
# Prints one line per run and the medians. Usage: scripts/bench-startup.sh [runs] [store]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
store="${2:-$(mktemp -d -t movedesk-bench-XXXXXX)}"
[[ -s client-ui/target/runtime-classpath.txt ]] || mvn -q -B -DskipTests -pl client-ui -am package \
    dependency:build-classpath -Dmdep.outputFile=target/runtime-classpath.txt -Dmdep.includeScope=runtime
cp="$(ls client-ui/target/movedesk-client-ui-*.jar | grep -v -e tests -e sources | head -1):$(cat client-ui/target/runtime-classpath.txt)"
cds=client-ui/target/bench-cds.jsa
run() {
  xvfb-run -a -s "-screen 0 1280x800x24" java -XX:TieredStopAtLevel=1 -Xshare:auto "$@" \
    -Dmovedesk.startup.measure=true -cp "$cp" org.movedesk.ui.app.Launcher \
    --movedesk.store.dir="$store" --movedesk.sync.enabled=false 2>/dev/null | grep '^movedesk.startup' || true
}
echo "warm-up run (creates the demo store and a CDS archive)"
run -XX:ArchiveClassesAtExit="$cds" >/dev/null
frames=(); ready=()
for i in $(seq 1 "$runs"); do
  out="$(run -XX:SharedArchiveFile="$cds")"
  f="$(sed -n 's/.*first-frame-ms=//p' <<<"$out")"; r="$(sed -n 's/.*spring-ready-ms=//p' <<<"$out")"
  echo "run $i: first frame ${f} ms, sign-in usable ${r} ms"
  frames+=("$f"); ready+=("$r")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "median first frame: $(median "${frames[@]}") ms; median sign-in usable: $(median "${ready[@]}") ms"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
