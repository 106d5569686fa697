#!/usr/bin/env bash
# The second command of the README: install what is missing, build with warnings as errors,
# and run the whole suite through CTest (GUI tests run offscreen).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh test
export QT_QPA_PLATFORM=offscreen
ctest --preset test "$@"
