#!/usr/bin/env bash
# Runs every test of every module: unit and slice tests on real H2 files, the sandbox over real
# HTTP, sync against the sandbox (kill -9 and fault trials), SNS/SQS against local emulators,
# and the JavaFX screens under TestFX (headless Monocle, no display needed).
set -euo pipefail
cd "$(dirname "$0")/.."
# The SNS emulator (npm package fauxqs) is installed once into .ci/.emulators (gitignored).
bash scripts/emulators.sh install
exec mvn -B -ntp verify "$@"
