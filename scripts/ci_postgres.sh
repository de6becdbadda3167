#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for the store tests and print its URL (CI and developers).
#   export WARMONITOR_TEST_POSTGRES_URL=$(scripts/ci_postgres.sh)
# Installs Debian's postgresql when missing (needs root), runs the server as the postgres user
# with a fresh data directory, listening on a Unix socket in that directory only (no TCP port,
# so nothing clashes with a server already running), and creates the test database.
set -euo pipefail
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2
fi
bin=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
data=$(mktemp -d /tmp/warmonitor-pg.XXXXXX)
chmod 755 "$data"
chown postgres "$data" 2>/dev/null || true
runas() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
runas "$bin/initdb -D $data/db -A trust -U postgres" >/dev/null
runas "$bin/pg_ctl -D $data/db -o \"-k $data -c listen_addresses=''\" -l $data/log -w start" >/dev/null
runas "$bin/createdb -h $data -U postgres warmonitor_test"
echo "postgresql+psycopg://postgres@/warmonitor_test?host=$data"
