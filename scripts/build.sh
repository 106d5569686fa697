#!/usr/bin/env bash
# Configures and builds with a CMake preset (dev by default; "test" treats warnings as errors).
# Further arguments name the targets to build (default: everything).
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-dev}"
shift || true
cmake --preset "$preset" >/dev/null
if (($#)); then
  cmake --build --preset "$preset" -j "$(nproc)" --target "$@"
else
  cmake --build --preset "$preset" -j "$(nproc)"
fi
