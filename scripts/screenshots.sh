#!/usr/bin/env bash
# Runs the real desk on a fresh demo store under Xvfb, drives it to each main screen and saves
# PNGs to docs/screenshots/. Needs: JDK 17, Maven, xvfb and libgtk-3-0
# (Debian/Ubuntu: sudo apt-get install -y xvfb libgtk-3-0).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-docs/screenshots}"
command -v xvfb-run >/dev/null || { echo "xvfb-run is missing: apt-get install -y xvfb libgtk-3-0" >&2; exit 2; }

# compile the reactor (no install) and take client-ui's test classpath from it
mvn -q -B -pl client-ui -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
cp="client-ui/target/test-classes:client-ui/target/classes:$(cat client-ui/target/test-classpath.txt)"
store="$(mktemp -d -t movedesk-screens-XXXXXX)"
trap 'rm -rf "$store"' EXIT

xvfb-run -a -s "-screen 0 1280x800x24" \
  java -XX:TieredStopAtLevel=1 -Xshare:auto -Dprism.order=sw -Dtestfx.robot=glass \
       -cp "$cp" org.movedesk.ui.tools.Screenshots "$out" "$store"
# restricted patients, sync centre, administration (second UI engineer's screens), on a fresh store
store2="$(mktemp -d -t movedesk-screens-XXXXXX)"
xvfb-run -a -s "-screen 0 1280x800x24" \
  java -XX:TieredStopAtLevel=1 -Xshare:auto -Dprism.order=sw -Dtestfx.robot=glass \
       -cp "$cp" org.movedesk.ui.tools.Ui2Screenshots "$out" "$store2"
rm -rf "$store2"
# history explorer, drill-down and charts (third UI engineer's supervisor screens), on a fresh store
store3="$(mktemp -d -t movedesk-screens-XXXXXX)"
xvfb-run -a -s "-screen 0 1280x800x24" \
  java -XX:TieredStopAtLevel=1 -Xshare:auto -Dprism.order=sw -Dtestfx.robot=glass \
       -cp "$cp" org.movedesk.ui.tools.SupervisorScreenshots "$out" "$store3"
rm -rf "$store3"
ls -l "$out"
