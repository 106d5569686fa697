#!/usr/bin/env bash
# The first command of the README: install what is missing, build, create a demo database
# when there is none, and start the desktop program on it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh dev frontdesk frontdeskctl

bin=build/dev/bin
db="${FRONTDESK_DB:-$HOME/.local/share/frontdesk/demo.db}"
mkdir -p "$(dirname "$db")"
if [ ! -f "$db" ]; then
  echo "Creating the demo database $db (every demo user's password is demo1234)"
  printf 'demo1234\n' | "$bin/frontdeskctl" --db "$db" init --admin admin --name "系统管理员" --demo
  printf 'demo1234\n' | "$bin/frontdeskctl" --db "$db" seed --profile demo --as admin
fi

export FRONTDESK_DB="$db"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display: starting under Xvfb"
  exec xvfb-run -a -s "-screen 0 1400x900x24" "$bin/frontdesk" "$@"
fi
exec "$bin/frontdesk" "$@"
