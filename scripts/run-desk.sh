#!/usr/bin/env bash
# THE run command: builds what is needed (once, or after a source change) and starts the
# MoveDesk desk. Defaults to demo mode: a local demo store in ~/.movedesk/demo and an
# in-process stand-in of the central services with demo operators (staff/staff, ...).
#   scripts/run-desk.sh                          # demo mode
#   scripts/run-desk.sh --movedesk.mode=central  # real central services, store in ~/.movedesk/data
# Any --key=value is passed to the app (see docs/ui.md for the settings).
# Needs JDK 17+ and Maven 3.8+; no `mvn install` (the reactor is packaged in place: jars, not
# class folders, because the JDK 17 class-data-sharing archive only takes jars).
set -euo pipefail
cd "$(dirname "$0")/.."

classpath_file=client-ui/target/runtime-classpath.txt
cds_archive=client-ui/target/movedesk-cds.jsa

needs_build() {
  [[ ! -s "$classpath_file" ]] && return 0
  [[ -n "$(find . -path ./node_modules -prune -o \( -path '*/src/main/*' -o -name pom.xml \) \
        -newer "$classpath_file" -print -quit)" ]]
}

if needs_build; then
  echo "Building MoveDesk (first run or sources changed)..." >&2
  mvn -q -B -DskipTests -pl client-ui -am package dependency:build-classpath \
      -Dmdep.outputFile=target/runtime-classpath.txt -Dmdep.includeScope=runtime
  rm -f "$cds_archive"
fi

cp="$(ls client-ui/target/movedesk-client-ui-*.jar | grep -v -e tests -e sources | head -1):$(cat "$classpath_file")"
# C1 only and a class-data-sharing archive of the app's classes (written on the first clean
# exit, used from then on) make start-up noticeably faster on a desk PC.
if [[ -s "$cds_archive" ]]; then
  cds=(-XX:SharedArchiveFile="$cds_archive")
else
  cds=(-XX:ArchiveClassesAtExit="$cds_archive")
fi
exec java -XX:TieredStopAtLevel=1 -Xshare:auto "${cds[@]}" ${MOVEDESK_JAVA_OPTS:-} \
     -cp "$cp" org.movedesk.ui.app.Launcher "$@"
