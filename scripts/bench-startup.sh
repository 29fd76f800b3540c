#!/usr/bin/env bash
# Start-up figures of the desk, under Xvfb, with the run script's JVM flags: JVM start to first
# frame, to Spring ready, to signed in and to a usable dashboard (signed in, dashboard laid out
# with today's moves and counts read from the store). The benchmark signs in by itself as soon
# as the form is usable (-Dmovedesk.bench.sign-in, see StartupProbe). N measured runs after one
# warm-up run that creates the store if needed (demo data) and writes the AppCDS archive.
#   scripts/bench-startup.sh [runs] [store-dir] [app args...]
#   scripts/bench-startup.sh 5                                   # a fresh demo store
#   BENCH_SIGN_IN=bench:bench-operator-pw scripts/bench-startup.sh 5 /tmp/big \
#       --movedesk.mode=central --movedesk.config.dir=/tmp/big-config   # a copied big store
# Env: BENCH_SIGN_IN (user:password, default staff:staff; a store without operators gets this
# account as its first administrator), BENCH_JAVA (JVM flags, default the launcher's),
# BENCH_CDS=0 (no AppCDS archive), BENCH_TRACE=N (print the N slowest Spring start-up steps).
# Prints one line per run, the medians and the load average.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
store="${2:-$(mktemp -d -t movedesk-bench-XXXXXX)}"
shift 2 2>/dev/null || shift $#
app_args=("$@")
[[ -s client-ui/target/runtime-classpath.txt ]] || mvn -q -B -DskipTests -pl client-ui -am package \
    dependency:build-classpath -Dmdep.outputFile=target/runtime-classpath.txt -Dmdep.includeScope=runtime
cp="$(ls client-ui/target/movedesk-client-ui-*.jar | grep -v -e tests -e sources | head -1):$(cat client-ui/target/runtime-classpath.txt)"
cds="client-ui/target/bench-cds-$(echo "${BENCH_JAVA:-}" | md5sum | cut -c1-8).jsa"
read -r -a java_flags <<<"${BENCH_JAVA:--XX:TieredStopAtLevel=1 -Xshare:auto}"
trace=()
[[ -n "${BENCH_TRACE:-}" ]] && trace=(-Dmovedesk.startup.trace="$BENCH_TRACE")
run() {
  xvfb-run -a -s "-screen 0 1280x800x24" java "${java_flags[@]}" "$@" "${trace[@]}" \
    -Dmovedesk.startup.measure=true -Dmovedesk.bench.sign-in="${BENCH_SIGN_IN:-staff:staff}" \
    -cp "$cp" org.movedesk.ui.app.Launcher \
    --movedesk.store.dir="$store" --movedesk.sync.enabled=false "${app_args[@]}" 2>/dev/null \
    | grep '^movedesk.startup' || true
}
value() { sed -n "s/.*$1-ms=//p" <<<"$2"; }
echo "warm-up run (creates the store if needed and the CDS archive)"
rm -f "$cds"
if [[ "${BENCH_CDS:-1}" == 0 ]]; then run >/dev/null; archive=(); else
  run -XX:ArchiveClassesAtExit="$cds" >/dev/null; archive=(-XX:SharedArchiveFile="$cds"); fi
frames=(); ready=(); signed=(); dash=()
for i in $(seq 1 "$runs"); do
  out="$(run "${archive[@]}")"
  [[ -n "${BENCH_TRACE:-}" ]] && grep '^movedesk.startup.step' <<<"$out"
  f="$(value first-frame "$out")"; r="$(value spring-ready "$out")"; s="$(value signed-in "$out")"; d="$(value dashboard "$out")"
  echo "run $i: first frame ${f} ms, Spring ready ${r} ms, signed in ${s} ms, usable dashboard ${d} ms (load $(cut -d' ' -f1 /proc/loadavg))"
  frames+=("$f"); ready+=("$r"); signed+=("$s"); dash+=("$d")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "median: first frame $(median "${frames[@]}") ms, Spring ready $(median "${ready[@]}") ms," \
     "signed in $(median "${signed[@]}") ms, usable dashboard $(median "${dash[@]}") ms"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
