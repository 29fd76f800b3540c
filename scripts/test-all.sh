#!/usr/bin/env bash
# Runs every test of every module (unit, slice, sandbox end-to-end, emulator, TestFX headless).
set -euo pipefail
cd "$(dirname "$0")/.."
exec mvn -B -ntp verify "$@"
