#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster for the store's tests, from Debian's packages
# (`apt-get install postgresql`; this script installs nothing).
#
#   eval "$(scripts/ci_postgres.sh)"        # start; exports CXPRIOR_TEST_DATABASE_URL, CXPRIOR_PG_DIR
#   scripts/ci_postgres.sh stop             # stop the cluster in $CXPRIOR_PG_DIR and delete it
#
# The cluster lives in a temporary directory, listens on 127.0.0.1 on a free port, trusts
# local connections (it holds nothing but test data) and runs as a non-root user: as root
# it runs as `postgres` (created by the Debian package), else as the current user.
# Only the `export` lines go to standard output; progress goes to standard error.
set -euo pipefail

bindir() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
  done
  if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
    dirname "$(command -v initdb)"; return 0
  fi
  echo "ci_postgres: PostgreSQL is not installed (apt-get install postgresql)" >&2
  return 1
}

as_owner() {  # run a command as the cluster's owner
  if [ "$(id -u)" = 0 ]; then runuser -u "$OWNER" -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

stop() {
  local dir="${CXPRIOR_PG_DIR:?CXPRIOR_PG_DIR is not set: nothing to stop}"
  [ -d "$dir/data" ] || { echo "ci_postgres: no cluster in $dir" >&2; return 1; }
  OWNER="$(stat -c %U "$dir/data")"
  as_owner "$(bindir)/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
  rm -rf "$dir"
}

start() {
  local bin dir port
  bin="$(bindir)"
  if [ "$(id -u)" = 0 ]; then
    OWNER=postgres
    id "$OWNER" >/dev/null 2>&1 || { echo "ci_postgres: user postgres missing (install postgresql)" >&2; return 1; }
  else
    OWNER="$(id -un)"
  fi
  dir="$(mktemp -d /tmp/cxprior-pg.XXXXXX)"
  chmod 755 "$dir"
  [ "$(id -u)" = 0 ] && chown "$OWNER" "$dir"
  port="$(free_port)"
  echo "ci_postgres: initdb in $dir as $OWNER ($bin)" >&2
  as_owner "$bin/initdb" -D "$dir/data" -U cxprior --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; return 1; }
  # durability settings off: a test cluster is thrown away, speed matters more
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/data/server.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" >&2 \
    || { cat "$dir/data/server.log" >&2; return 1; }
  as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U cxprior cxprior_test >&2
  echo "ci_postgres: PostgreSQL ready on 127.0.0.1:$port, database cxprior_test" >&2
  echo "export CXPRIOR_PG_DIR=$dir"
  echo "export CXPRIOR_TEST_DATABASE_URL=postgresql+psycopg://cxprior@127.0.0.1:$port/cxprior_test"
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 [start|stop]" >&2; exit 2 ;;
esac
