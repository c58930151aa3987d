#!/usr/bin/env bash
# run.sh — the README's first command: from a fresh Debian 12 machine to a running labserver.
#
# Installs what is missing, builds, starts a private PostgreSQL (as the
# 'postgres' user) under state/, migrates, imports the lab catalog, makes a
# self-signed TLS certificate, creates a demo instructor and class, and runs
# labserver and labworker on localhost until Ctrl-C. Safe to run again: what
# exists is kept (the database, the certificate, the demo accounts).
#
# Environment: LAB_PORT (default 7443), LAB_PG_PORT (default 55432),
#              LAB_STATE (default <checkout>/state).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
state=${LAB_STATE:-$root/state}
port=${LAB_PORT:-7443}
pg_port=${LAB_PG_PORT:-55432}
build=$root/build

step() { printf '\n== %s\n' "$*"; }

step "checking packages"
"$root/ops/install-deps.sh"

step "building (this takes a minute the first time)"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j"$(nproc)" >/dev/null
bin() { echo "$build/$1"; }
labctl=$(bin ctl/labctl)
labserver=$(bin server/labserver)
labworker=$(bin worker/labworker)

mkdir -p "$state"
chmod 0755 "$state"

step "starting PostgreSQL on 127.0.0.1:$pg_port (data in $state/pg)"
"$root/ops/pg.sh" start "$state/pg" "$pg_port"
conninfo=$("$root/ops/pg.sh" conninfo "$state/pg" "$pg_port")

step "migrating the database"
"$labctl" --db "$conninfo" migrate

step "TLS certificate"
if [ ! -f "$state/tls/cert.pem" ]; then
    mkdir -p "$state/tls"
    openssl req -x509 -newkey rsa:2048 -nodes -days 825 -subj "/CN=localhost" \
        -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
        -keyout "$state/tls/key.pem" -out "$state/tls/cert.pem" 2>/dev/null
    chmod 0600 "$state/tls/key.pem"
fi
# Written as labclient writes it (SHA256:ab:cd:...), so the two can be compared by eye.
fingerprint="SHA256:$(openssl x509 -in "$state/tls/cert.pem" -noout -fingerprint -sha256 | cut -d= -f2 | tr 'A-F' 'a-f')"
echo "certificate: $state/tls/cert.pem ($fingerprint)"

step "demo instructor and class"
if [ ! -f "$state/demo-teacher.password" ]; then
    openssl rand -base64 12 | tr -d '/+=' >"$state/demo-teacher.password"
    chmod 0600 "$state/demo-teacher.password"
fi
if ! "$labctl" --db "$conninfo" user list 2>/dev/null | grep -qw teacher; then
    "$labctl" --db "$conninfo" user add teacher --role instructor --name "Demo Teacher" \
        --password-stdin <"$state/demo-teacher.password"
fi
if ! "$labctl" --db "$conninfo" cohort list 2>/dev/null | grep -qw demo-class; then
    "$labctl" --db "$conninfo" cohort create demo-class --owner teacher >/dev/null
fi
join_code=$("$labctl" --db "$conninfo" --json cohort list |
    /usr/bin/python3 -c 'import json,sys; print(next(c["join_code"] for c in json.load(sys.stdin)["cohorts"] if c["name"]=="demo-class"))')

cat >"$state/labserver.ini" <<INI
; written by ops/run.sh
[listen]
address = 127.0.0.1
port = $port
[tls]
cert = $state/tls/cert.pem
key = $state/tls/key.pem
[db]
conninfo = $conninfo
INI

pids=()
cleanup() {
    trap - INT TERM EXIT
    echo
    echo "stopping labserver and labworker (PostgreSQL keeps running: ops/pg.sh stop $state/pg)"
    for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
}
trap cleanup INT TERM EXIT

step "starting labworker (grades in the sandbox) and labserver on wss://localhost:$port"
"$labworker" --db "$conninfo" 2>>"$state/labworker.log" &
pids+=($!)
"$labserver" --config "$state/labserver.ini" 2>>"$state/labserver.log" &
pids+=($!)
for _ in $(seq 1 50); do
    (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null && break
    sleep 0.1
done
if ! kill -0 "${pids[1]}" 2>/dev/null; then
    echo "labserver did not start; the end of $state/labserver.log says:" >&2
    tail -5 "$state/labserver.log" >&2
    exit 1
fi

step "importing the lab catalog (each lab is verified in the sandbox once; unchanged labs are skipped)"
mapfile -t labdirs < <(find "$root/labs" -name lab.ini -printf '%h\n' | sort)
"$labctl" --db "$conninfo" labs import "${labdirs[@]}" ||
    echo "some labs were not imported; see above (the others are live)" >&2

cat <<MSG

labserver is running on wss://localhost:$port  (logs: $state/labserver.log)

A student connects with:
  $build/client/labclient --server wss://localhost:$port register alice --code $join_code
  $build/client/labclient labs

The first connection pins the server's certificate; its fingerprint is
  $fingerprint
The demo instructor is 'teacher', password in $state/demo-teacher.password:
  $build/client/labclient --server wss://localhost:$port login teacher

The operator's tool reads the same database (accounts, classes, labs, audit log):
  $build/ctl/labctl --config $state/labserver.ini user list

Press Ctrl-C to stop.
MSG
wait -n "${pids[@]}" || true
