#!/usr/bin/env bash
# Start-up benchmark of the built app image: wall time of `MoveDesk --self-check` (Spring context,
# store open with AES, Flyway, history verify) with and without the AppCDS archive, interleaved
# so machine load hits both alike. Prints a table; paste figures into docs/bench/installer.md.
#   bash installer/bench-start.sh [runs]
set -euo pipefail
cd "$(dirname "$0")"
image=target/jpackage/MoveDesk
runs=${1:-3}
[[ -x $image/bin/MoveDesk ]] || { echo "build the app image first (installer/smoke-test.sh)" >&2; exit 1; }
app=$PWD/$image/lib/app
cp=$(grep '^app.classpath=' $app/MoveDesk.cfg | sed -e 's/^app.classpath=//' -e "s#\$APPDIR#$app#g" | paste -sd: -)
java=$image/lib/runtime/bin/java
run() { # label, java options...
  local label=$1; shift
  local start end
  start=$(date +%s%N)
  env -u DISPLAY "$java" "$@" -Xlog:cds=off -Xlog:cds+dynamic=off -cp "$cp" org.movedesk.ui.app.Launcher --self-check >/dev/null 2>&1
  end=$(date +%s%N)
  printf '%s\t%d\n' "$label" $(( (end - start) / 1000000 ))
}
results=$(mktemp)
for i in $(seq "$runs"); do
  run "C1 + AppCDS (as shipped)" -XX:TieredStopAtLevel=1 -Xshare:auto -XX:SharedArchiveFile=$app/movedesk.jsa >>"$results"
  run "C1, base CDS only" -XX:TieredStopAtLevel=1 -Xshare:auto >>"$results"
  run "default JIT, no CDS" -Xshare:off >>"$results"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc), runs: $runs"
printf '%-28s %8s %8s\n' "configuration" "median" "min"
for label in "C1 + AppCDS (as shipped)" "C1, base CDS only" "default JIT, no CDS"; do
  grep -F "$label" "$results" | cut -f2 | sort -n | awk -v l="$label" '{a[NR]=$1} END {printf "%-28s %6d ms %6d ms\n", l, a[int((NR+1)/2)], a[1]}'
done
echo "app image: $(du -sh $image | cut -f1), of which AppCDS archive $(du -h $app/movedesk.jsa | cut -f1)"
rm -f "$results"
