#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL cluster for tests:  .ci/postgres.sh start|stop DIR PORT
# initdb refuses to run as root, so the cluster belongs to the postgres user when we are root.
set -euo pipefail
cmd=$1 dir=$2 port=${3:-55432}
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
bindir=$(dirname "$(command -v initdb 2>/dev/null || ls /usr/lib/postgresql/*/bin/initdb | tail -1)")
case $cmd in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as_pg "'$bindir/initdb' -D '$dir/data' -U postgres --auth=trust -E UTF8 --locale=C >/dev/null"
    as_pg "'$bindir/pg_ctl' -D '$dir/data' -l '$dir/log' -o '-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200' -w start >/dev/null"
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    as_pg "'$bindir/pg_ctl' -D '$dir/data' -m fast -w stop >/dev/null" || true
    rm -rf "$dir"
    ;;
esac
