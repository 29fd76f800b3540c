#!/usr/bin/env bash
# Installer smoke test (CI): builds the jpackage app image and starts it headless with
# --self-check, which opens a fresh encrypted store, runs the migrations, verifies the history
# chain and prints one line. Then checks that a damaged store fails with the clear message and a
# non-zero exit code. Needs no display: DISPLAY is removed and the self-check never starts JavaFX.
#   bash installer/smoke-test.sh             build the app image (~1-3 min, ~330 MB) and test it
#   bash installer/smoke-test.sh --no-build  test an image built before
#   WITH_DEB=1 bash installer/smoke-test.sh  also build the .deb (needs fakeroot and dpkg-deb)
set -euo pipefail
cd "$(dirname "$0")/.."
image=installer/target/jpackage/MoveDesk
launcher=$image/bin/MoveDesk

if [[ "${1:-}" != "--no-build" ]]; then
  skip_deb=true
  if [[ "${WITH_DEB:-0}" == 1 ]]; then
    skip_deb=false
    command -v fakeroot >/dev/null && command -v dpkg-deb >/dev/null || {
      echo "smoke-test: the .deb needs fakeroot and dpkg-deb (apt-get install fakeroot dpkg-dev)" >&2; exit 1; }
  fi
  mvn -B -q -Pinstaller -Dinstaller.skipDeb=$skip_deb -pl installer -am package -DskipTests
fi
[[ -x $launcher ]] || { echo "smoke-test: no app image at $image" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "smoke-test FAILED: $*" >&2; exit 1; }

# 1. a fresh store in a throw-away folder: exit 0 and the one-line OK
set +e
out=$(env -u DISPLAY -u WAYLAND_DISPLAY "$launcher" --self-check 2>"$work/err.txt")
code=$?
set -e
[[ $code == 0 ]] || fail "--self-check exited $code: $(cat "$work/err.txt")"
[[ $(printf '%s\n' "$out" | wc -l) == 1 ]] || fail "expected one line, got: $out"
[[ $out == "MoveDesk self-check OK: "*"(encrypted)"* ]] || fail "unexpected output: $out"
echo "smoke-test: $out"

# 2. a given folder, twice (the second start opens the existing encrypted store)
for run in first second; do
  out=$(env -u DISPLAY "$launcher" --self-check "$work/store" --movedesk.config.dir="$work/config")
  [[ $out == "MoveDesk self-check OK: store $work/store/movedesk.mv.db (encrypted)"* ]] || fail "$run run: $out"
done
echo "smoke-test: given folder opened twice OK"

# 3. a damaged store: non-zero exit and the clear message with the way out, file untouched
mkdir -p "$work/damaged"
printf 'garbage, not a database' > "$work/damaged/movedesk.mv.db"
set +e
env -u DISPLAY "$launcher" --self-check "$work/damaged" --movedesk.config.dir="$work/config" >"$work/out.txt" 2>"$work/err.txt"
code=$?
set -e
[[ $code != 0 ]] || fail "a damaged store passed the self-check"
grep -q "is not a MoveDesk database" "$work/err.txt" || fail "no clear message: $(cat "$work/err.txt")"
grep -q -- "--move-store-aside" "$work/err.txt" || fail "no way out in: $(cat "$work/err.txt")"
[[ $(cat "$work/damaged/movedesk.mv.db") == 'garbage, not a database' ]] || fail "the damaged file was changed"
echo "smoke-test: damaged store refused (exit $code) with the way out"

ls "$image/lib/app/movedesk.jsa" >/dev/null 2>&1 && echo "smoke-test: AppCDS archive present"
ls installer/target/jpackage/*.deb 2>/dev/null | sed 's/^/smoke-test: built /' || true
echo "smoke-test OK"
