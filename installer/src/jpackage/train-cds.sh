#!/usr/bin/env bash
# AppCDS for JDK 17 (no -XX:+AutoCreateSharedArchive before JDK 19): run the app image once,
# headless, with the image's own java and the launcher's exact class path, and let the JVM
# write the classes it loaded into <image>/lib/app/movedesk.jsa. The launcher's options
# (-XX:SharedArchiveFile=$APPDIR/movedesk.jsa -Xshare:auto) then map them at every start.
# A missing or mismatching archive (e.g. the image was moved) is ignored by -Xshare:auto.
set -euo pipefail
image=${1:?usage: train-cds.sh <app-image folder>}
app="$image/lib/app"
java="$image/lib/runtime/bin/java"
cfg=$(ls "$app"/*.cfg | head -1)
[[ -x "$java" ]] || { echo "train-cds: $java missing (runtime built with --strip-native-commands?)" >&2; exit 1; }

# the class path exactly as the launcher builds it: app.classpath lines in order, $APPDIR expanded
classpath=$(grep '^app.classpath=' "$cfg" | sed -e 's/^app.classpath=//' -e "s#\$APPDIR#$app#g" | paste -sd: -)
main=$(grep '^app.mainclass=' "$cfg" | sed 's/^app.mainclass=//')
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -f "$app/movedesk.jsa"
env -u DISPLAY "$java" -XX:ArchiveClassesAtExit="$app/movedesk.jsa" -XX:TieredStopAtLevel=1 -Xshare:auto \
    -Xlog:cds=off -Xlog:cds+dynamic=off \
    -cp "$classpath" "$main" --self-check "$work/store" --movedesk.config.dir="$work/config" > "$work/out.txt" 2>&1 || {
  cat "$work/out.txt" >&2; echo "train-cds: the training run failed" >&2; exit 1; }
[[ -s "$app/movedesk.jsa" ]] || { cat "$work/out.txt" >&2; echo "train-cds: no archive written" >&2; exit 1; }
echo "train-cds: $(grep -m1 'self-check' "$work/out.txt")"
echo "train-cds: wrote $app/movedesk.jsa ($(du -h "$app/movedesk.jsa" | cut -f1))"
