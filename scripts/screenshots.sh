#!/usr/bin/env bash
# Runs the real desk on fresh demo stores under Xvfb, drives it to each main screen and saves
# PNGs. Needs: JDK 17, Maven, xvfb and libgtk-3-0 (apt-get install -y xvfb libgtk-3-0).
#   scripts/screenshots.sh [out-dir] [set...]
# out-dir defaults to docs/screenshots; the sets (default: all three) are
#   desk        sign-in, dashboard, move lists, booking wizard, move detail (Screenshots)
#   patients    restricted patients, sync centre, administration (Ui2Screenshots)
#   supervisor  history explorer, drill-down and charts (SupervisorScreenshots)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-docs/screenshots}"
shift || true
sets=("$@")
[ ${#sets[@]} -gt 0 ] || sets=(desk patients supervisor)
command -v xvfb-run >/dev/null || { echo "xvfb-run is missing: apt-get install -y xvfb libgtk-3-0" >&2; exit 2; }

# compile the reactor (no install) and take client-ui's test classpath from it
mvn -q -B -pl client-ui -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
cp="client-ui/target/test-classes:client-ui/target/classes:$(cat client-ui/target/test-classpath.txt)"

for set in "${sets[@]}"; do
  case "$set" in
    desk) tool=Screenshots ;;
    patients) tool=Ui2Screenshots ;;
    supervisor) tool=SupervisorScreenshots ;;
    *) echo "unknown set '$set' (desk, patients, supervisor)" >&2; exit 2 ;;
  esac
  # each set on its own fresh store, so one set's actions never show up in another's pictures
  store="$(mktemp -d -t movedesk-screens-XXXXXX)"
  xvfb-run -a -s "-screen 0 1280x800x24" \
    java -XX:TieredStopAtLevel=1 -Xshare:auto -Dprism.order=sw -Dtestfx.robot=glass \
         -cp "$cp" "org.movedesk.ui.tools.$tool" "$out" "$store"
  rm -rf "$store"
done
ls -l "$out"
