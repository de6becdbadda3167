#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for the store tests and print its URL (CI and developers).
#   export WARMONITOR_TEST_POSTGRES_URL=$(scripts/ci_postgres.sh)
# Installs Debian's postgresql when missing (needs root), runs the server as the postgres user
# on a free local port with a fresh data directory, and creates a superuser for the tests.
set -euo pipefail
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2
fi
bin=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
data=$(mktemp -d /tmp/warmonitor-pg.XXXXXX)
port=${WARMONITOR_TEST_POSTGRES_PORT:-55432}
chown postgres "$data" 2>/dev/null || true
runas() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
runas "$bin/initdb -D $data -A trust -U postgres" >/dev/null
runas "$bin/pg_ctl -D $data -o '-p $port -k $data -c listen_addresses=127.0.0.1' -l $data/log -w start" >/dev/null
runas "$bin/createdb -h 127.0.0.1 -p $port -U postgres warmonitor_test"
echo "postgresql+psycopg://postgres@127.0.0.1:$port/warmonitor_test"
