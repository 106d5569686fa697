#!/usr/bin/env bash
# The second command of the README: install what is missing, build with warnings as errors,
# and run the whole suite through CTest (GUI tests run offscreen).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh test
export QT_QPA_PLATFORM=offscreen
# A throw-away PostgreSQL 15 cluster for the tests labelled "postgresql", stopped at the end.
pg_dir=$(mktemp -d /tmp/frontdesk-pg.XXXXXX)
trap 'scripts/pg_cluster.sh stop "$pg_dir"' EXIT
scripts/pg_cluster.sh start "$pg_dir"
# shellcheck disable=SC1091
. "$pg_dir/env"
ctest --preset test "$@"
