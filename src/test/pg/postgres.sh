#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests and scripts: made in a temporary directory, on a free
# port of the loopback interface, run by an unprivileged user, removed on `stop`.
#
#   eval "$(src/test/pg/postgres.sh start)"   # sets ERRATA_DB_URL, ERRATA_DB_USER, ERRATA_DB_PASSWORD, ERRATA_PG_DIR
#   src/test/pg/postgres.sh stop "$ERRATA_PG_DIR"
#
# Needs Debian's postgresql package (`apt-get install -y postgresql`).
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] || { echo "PostgreSQL is not installed: apt-get install -y postgresql" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    dir=$(mktemp -d /tmp/errata-pg.XXXXXX)
    [ "$(id -u)" = 0 ] && chown postgres: "$dir"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
    printf '%s\n' "$password" >"$dir/.pw"
    [ "$(id -u)" = 0 ] && chown postgres: "$dir/.pw"
    as_owner "$bin/initdb" -D "$dir/data" -U errata --pwfile="$dir/.pw" -A scram-sha-256 -E UTF8 \
      --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
    rm -f "$dir/.pw"
    # Durable as in production (fsync on); sized for a test machine.
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
    PGPASSWORD=$password "$bin/psql" -h 127.0.0.1 -p "$port" -U errata -d postgres -qc 'create database errata' >/dev/null
    echo "export ERRATA_DB_URL=jdbc:postgresql://127.0.0.1:$port/errata"
    echo "export ERRATA_DB_USER=errata"
    echo "export ERRATA_DB_PASSWORD=$password"
    echo "export ERRATA_PG_DIR=$dir"
    echo "export ERRATA_PG_PORT=$port"
    ;;
  stop)
    dir=${2:?the directory printed by start}
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start | stop DIR" >&2
    exit 2
    ;;
esac
