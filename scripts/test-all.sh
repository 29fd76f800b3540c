#!/usr/bin/env bash
# Runs every test of every module: unit and slice tests on real H2 files, the sandbox over real
# HTTP, sync against the sandbox (kill -9 and fault trials), SNS/SQS against local emulators,
# the JavaFX screens under TestFX (headless Monocle, no display needed), then the installer
# smoke test (jpackage app image started headless with --self-check).
set -euo pipefail
cd "$(dirname "$0")/.."
# The SNS emulator (npm package fauxqs) is installed once into .ci/.emulators (gitignored).
bash scripts/emulators.sh install
mvn -B -ntp verify "$@"
# MOVEDESK_SKIP_SMOKE=1 leaves out the app-image build (~330 MB, a minute or two).
if [[ "${MOVEDESK_SKIP_SMOKE:-0}" != 1 ]]; then
  bash installer/smoke-test.sh
fi
