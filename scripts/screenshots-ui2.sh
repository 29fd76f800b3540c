#!/usr/bin/env bash
# Captures only the restricted-patient, sync-centre and administration screens (the part of
# scripts/screenshots.sh that runs org.movedesk.ui.tools.Ui2Screenshots) into docs/screenshots/.
# Needs: JDK 17, Maven, xvfb and libgtk-3-0 (apt-get install -y xvfb libgtk-3-0).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-docs/screenshots}"
command -v xvfb-run >/dev/null || { echo "xvfb-run is missing: apt-get install -y xvfb libgtk-3-0" >&2; exit 2; }
mvn -q -B -pl client-ui -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
cp="client-ui/target/test-classes:client-ui/target/classes:$(cat client-ui/target/test-classpath.txt)"
store="$(mktemp -d -t movedesk-screens-ui2-XXXXXX)"
trap 'rm -rf "$store"' EXIT
xvfb-run -a -s "-screen 0 1280x800x24" \
  java -XX:TieredStopAtLevel=1 -Xshare:auto -Dprism.order=sw -Dtestfx.robot=glass \
       -cp "$cp" org.movedesk.ui.tools.Ui2Screenshots "$out" "$store"
ls -l "$out"
