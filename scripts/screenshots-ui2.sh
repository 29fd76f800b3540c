#!/usr/bin/env bash
# Captures the restricted-patient, sync-centre and administration screens into docs/screenshots/
# from the real desk in demo mode, in a real (virtual) window: needs xvfb-run and libgtk-3-0
# (apt-get install -y xvfb libgtk-3-0). The main screenshot script may call this one.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-docs/screenshots}"
mkdir -p "$out"
command -v xvfb-run >/dev/null || { echo "xvfb-run is missing: apt-get install -y xvfb libgtk-3-0" >&2; exit 1; }
xvfb-run -a -s "-screen 0 1400x900x24" \
  mvn -q -B -pl client-ui -am test \
    -Dtest='org.movedesk.ui.screenshots.Ui2Screenshots' -Dsurefire.failIfNoSpecifiedTests=false \
    -Dsurefire.argLine="-Xmx1g -Dprism.order=sw -Dmovedesk.screenshots=$(cd "$out" && pwd)"
ls -1 "$out"/patients-*.png "$out"/discharge-*.png "$out"/sync-centre-*.png "$out"/admin-*.png
