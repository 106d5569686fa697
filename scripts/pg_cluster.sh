#!/usr/bin/env bash
# A throw-away PostgreSQL 15 cluster for the test suite, on this machine only.
#
#   scripts/pg_cluster.sh start DIR   initdb in DIR (as the postgres user when run as root,
#                                     as CI is), start it on a free local port, create the
#                                     role "frontdesk" (owner: migrates) and the database
#                                     "frontdesk_test", the desks' group role
#                                     "frontdesk_desk" with its login "desk", and write
#                                     DIR/env: FD_TEST_PG, FD_TEST_PG_DESK, PGPASSFILE.
#   scripts/pg_cluster.sh halt DIR    stop the server, keeping its data (a fault test's
#                                     server going away);
#   scripts/pg_cluster.sh resume DIR  start it again on the same port;
#   scripts/pg_cluster.sh stop DIR    stop the cluster and remove DIR.
#
# The server listens on 127.0.0.1 only; the password is random and kept in DIR/pgpass.
set -euo pipefail
cmd="${1:?start|halt|resume|stop}"
dir="${2:?folder}"
bin=/usr/lib/postgresql/15/bin

as_owner() {
  if [ "$(id -u)" = 0 ]; then
    # From /, which the postgres user may enter whatever the caller's folder is.
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

serve() {
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -c port=$1 -c unix_socket_directories=$dir -c fsync=off -c max_connections=200" \
    start > /dev/null
}

case "$cmd" in
start)
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
  printf '%s\n' "$password" > "$dir/superpass"
  [ "$(id -u)" = 0 ] && chown postgres "$dir/superpass"
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$dir/superpass" -A scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 > "$dir/initdb.log"
  printf '%s\n' "$port" > "$dir/port"
  serve "$port"
  for role in postgres frontdesk desk; do
    printf '127.0.0.1:%s:*:%s:%s\n' "$port" "$role" "$password"
  done > "$dir/pgpass"
  chmod 600 "$dir/pgpass"
  PGPASSFILE="$dir/pgpass" psql -qX -h 127.0.0.1 -p "$port" -U postgres -d postgres \
    -v ON_ERROR_STOP=1 <<SQL
CREATE ROLE frontdesk LOGIN PASSWORD '$password' CREATEDB;
CREATE DATABASE frontdesk_test OWNER frontdesk ENCODING 'UTF8' TEMPLATE template0;
CREATE ROLE frontdesk_desk NOLOGIN;
CREATE ROLE desk LOGIN PASSWORD '$password' IN ROLE frontdesk_desk;
SQL
  {
    echo "export FD_TEST_PG=postgresql://frontdesk@127.0.0.1:$port/frontdesk_test"
    echo "export FD_TEST_PG_DESK=desk"
    echo "export PGPASSFILE=$dir/pgpass"
  } > "$dir/env"
  echo "PostgreSQL 15 test cluster on 127.0.0.1:$port ($dir)"
  ;;
halt)
  as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop > /dev/null
  ;;
resume)
  serve "$(cat "$dir/port")"
  ;;
stop)
  if [ -d "$dir/data" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop > /dev/null || true
  fi
  rm -rf "$dir"
  ;;
*)
  echo "usage: $0 start|halt|resume|stop DIR" >&2
  exit 2
  ;;
esac
