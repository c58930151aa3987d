#!/usr/bin/env bash
# pg.sh — a private PostgreSQL 15 cluster for labserver, run as the 'postgres' user.
#
#   ops/pg.sh start DIR PORT   initdb DIR if new, start it on 127.0.0.1:PORT, wait until ready
#   ops/pg.sh stop DIR         fast shutdown
#   ops/pg.sh status DIR       exit 0 when running
#   ops/pg.sh conninfo DIR PORT  print the libpq connection string
#
# fsync stays on (a school that keeps this cluster must not lose data on a power cut);
# LAB_PG_FSYNC=off trades that away for speed, which only the test suite does.
#
# PostgreSQL refuses to run as root, so the cluster belongs to 'postgres'. When
# DIR lies below a folder 'postgres' cannot enter (a checkout in a 0700 temp
# dir, say), the data lives in /var/tmp/labserver-pg/<hash of DIR> instead and
# DIR/pgdata points there, so every caller can keep using DIR.
set -euo pipefail

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
cmd=${1:-}
dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: $0 start|stop|status|conninfo DIR [PORT]" >&2; exit 2; }
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)

as_pg() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

datadir() {
    if [ -L "$dir/pgdata" ] || [ -d "$dir/pgdata" ]; then
        readlink -f "$dir/pgdata"
        return
    fi
    if [ "$(id -u)" -ne 0 ] || runuser -u postgres -- test -x "$dir"; then
        mkdir -p "$dir/pgdata"
        [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir/pgdata"
        echo "$dir/pgdata"
    else
        local alt
        alt=/var/tmp/labserver-pg/$(echo -n "$dir" | sha256sum | cut -c1-16)
        mkdir -p "$alt"
        chmod 0755 /var/tmp/labserver-pg
        chown postgres:postgres "$alt"
        ln -sfn "$alt" "$dir/pgdata"
        echo "$alt"
    fi
}

case "$cmd" in
start)
    port=${3:?port}
    fsync=${LAB_PG_FSYNC:-on}
    case "$fsync" in on|off) ;; *) echo "pg: LAB_PG_FSYNC must be on or off, not '$fsync'" >&2; exit 2 ;; esac
    data=$(datadir)
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$data" && chmod 0700 "$data"
    if [ ! -f "$data/PG_VERSION" ]; then
        as_pg "$PGBIN/initdb" -D "$data" -U lab --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
            { echo "pg: initdb failed, see $dir/initdb.log" >&2; exit 1; }
    fi
    if as_pg "$PGBIN/pg_ctl" -D "$data" status >/dev/null 2>&1; then
        exit 0
    fi
    # The socket lives in the data directory so no system folder is needed.
    as_pg "$PGBIN/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $data -c fsync=$fsync -c max_connections=300 -c shared_buffers=128MB" \
        start >/dev/null ||
        { echo "pg: start failed; the server log says:" >&2; tail -5 "$data/server.log" >&2; exit 1; }
    for _ in $(seq 1 100); do
        if as_pg "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$port"; then
            as_pg psql -q -h 127.0.0.1 -p "$port" -U lab -d postgres -tAc \
                "SELECT 1 FROM pg_database WHERE datname='lab'" | grep -q 1 ||
                as_pg "$PGBIN/createdb" -h 127.0.0.1 -p "$port" -U lab lab
            exit 0
        fi
        sleep 0.1
    done
    echo "pg: server did not become ready on port $port" >&2
    exit 1
    ;;
stop)
    data=$(datadir)
    if [ -f "$data/PG_VERSION" ]; then
        as_pg "$PGBIN/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    ;;
status)
    data=$(datadir)
    as_pg "$PGBIN/pg_ctl" -D "$data" status >/dev/null 2>&1
    ;;
conninfo)
    port=${3:?port}
    echo "host=127.0.0.1 port=$port dbname=lab user=lab sslmode=disable gssencmode=disable connect_timeout=5"
    ;;
*)
    echo "usage: $0 start|stop|status|conninfo DIR [PORT]" >&2
    exit 2
    ;;
esac
