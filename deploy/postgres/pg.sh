#!/usr/bin/env bash
# Real PostgreSQL for development and CI, without Docker: a private cluster from Debian's
# packages, listening on 127.0.0.1 only, with one database per service.
#
#   pg.sh start             install (apt) if needed, initdb once, start, wait, create role + databases
#   pg.sh stop [--kill]     fast shutdown; --kill: immediate shutdown, i.e. crash recovery on next start
#   pg.sh status            exit 0 and print the URL if the server answers, else exit 1
#   pg.sh url               print postgresql://boligflyt:boligflyt@127.0.0.1:PORT/postgres
#   pg.sh createdb NAME     create database NAME (owner boligflyt) if it is missing
#   pg.sh wipe              stop and delete the data dir
#
# The last stdout line of `start` is `started postgresql://boligflyt:boligflyt@127.0.0.1:PORT` (this
# call started it: the caller owns it) or `running postgresql://...` (it was already up).
# Progress goes to stderr.
#
# Who runs the server, and where its data lives:
#   PostgreSQL refuses to run as root. As root the cluster runs as the `postgres` OS user (created by
#   the Debian package) and its data defaults to /var/lib/boligflyt/pg-$PG_PORT: the usual state dir
#   is under /root, which `postgres` cannot traverse, and loosening /root's permissions would be
#   worse than keeping server data beside Debian's own /var/lib/postgresql. As any other user the
#   cluster runs as that user, with data under $BOLIGFLYT_STATE_DIR/run/pg-$PG_PORT.
#   The Unix socket lives in the data dir, so nothing needs /var/run/postgresql.
#
# Knobs (environment):
#   BOLIGFLYT_STATE_DIR  default $HOME/.cache/boligflyt (lock files; data too when not root)
#   PG_PORT              default 15432
#   PG_DATA_DIR          default as above
#   PG_START_TIMEOUT     seconds, default 60
#   PG_WIPE=1            with `stop`: also delete the data dir
set -euo pipefail

SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)

BOLIGFLYT_STATE_DIR=${BOLIGFLYT_STATE_DIR:-$HOME/.cache/boligflyt}
PG_PORT=${PG_PORT:-15432}
if [[ $EUID -eq 0 ]]; then
    PG_OS_USER=postgres
    PG_DATA_DIR=${PG_DATA_DIR:-/var/lib/boligflyt/pg-$PG_PORT}
else
    PG_OS_USER=$(id -un)
    PG_DATA_DIR=${PG_DATA_DIR:-$BOLIGFLYT_STATE_DIR/run/pg-$PG_PORT}
fi
PG_START_TIMEOUT=${PG_START_TIMEOUT:-60}
PG_WIPE=${PG_WIPE:-0}

SERVER_URL=postgresql://boligflyt:boligflyt@127.0.0.1:$PG_PORT
DATABASES=(
    boligflyt_applications
    boligflyt_temporary_housing
    boligflyt_maintenance
    boligflyt_ordering
    boligflyt_dashboard
    boligflyt_integrations
)
RUN_DIR=$BOLIGFLYT_STATE_DIR/run
BIN=

LOG_NAME="pg.sh[$PG_PORT]"
# shellcheck source=../lib.sh
source "$SCRIPT_DIR/../lib.sh"
# start/stop/createdb take the port's lock, so parallel test workers get one cluster and no "database already
# exists" races.

# cd /: the caller's cwd (often under /root) is unreadable for `postgres`, and initdb/pg_ctl
# complain about it.
as_pg() {
    if [[ $EUID -eq 0 ]]; then
        (cd / && runuser -u "$PG_OS_USER" -- "$@")
    else
        "$@"
    fi
}

# Empty output (not a failure) when PostgreSQL is not installed yet.
newest_bindir() {
    local initdb
    initdb=$(compgen -G '/usr/lib/postgresql/*/bin/initdb' | sort -V | tail -n 1) || true
    if [[ -n $initdb ]]; then dirname "$initdb"; fi
}

ensure_installed() {
    BIN=$(newest_bindir)
    if [[ -z $BIN ]]; then
        [[ $EUID -eq 0 ]] || die "PostgreSQL server is not installed; run: sudo apt-get install -y postgresql"
        mkdir -p "$BOLIGFLYT_STATE_DIR"
        # Two ports starting at once would otherwise collide on dpkg's lock.
        exec 8>"$BOLIGFLYT_STATE_DIR/pg-install.lock"
        flock 8
        BIN=$(newest_bindir)
        if [[ -z $BIN ]]; then
            # Debian also creates and starts its own "main" cluster on 5432; it is left alone and
            # plays no part here.
            log "installing PostgreSQL from Debian packages"
            export DEBIAN_FRONTEND=noninteractive
            apt-get update -qq >&2
            apt-get install -y -qq postgresql >&2 </dev/null
            BIN=$(newest_bindir)
            [[ -n $BIN ]] || die "apt-get installed postgresql but no initdb was found"
        fi
        exec 8>&-
    fi
    if [[ $EUID -eq 0 ]] && ! id -u "$PG_OS_USER" >/dev/null 2>&1; then
        useradd --system --user-group --home-dir /var/lib/postgresql --shell /bin/bash "$PG_OS_USER"
    fi
}

is_ready() { "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -t 3; }

# Whether *our* cluster (this data dir) has a live postmaster; a server that only answers on the
# port could be anybody's.
ours_running() {
    [[ -f $PG_DATA_DIR/PG_VERSION ]] || return 1
    as_pg "$BIN/pg_ctl" -D "$PG_DATA_DIR" status >/dev/null 2>&1
}

# Connects as the bootstrap superuser over TCP; initdb --auth=trust makes that passwordless.
psql_admin() {
    "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres "$@"
}

init_cluster() {
    [[ -f $PG_DATA_DIR/PG_VERSION ]] && return 0
    if [[ $EUID -eq 0 ]]; then
        install -d -m 755 "$(dirname "$PG_DATA_DIR")"
        install -d -m 700 -o "$PG_OS_USER" -g "$(id -gn "$PG_OS_USER")" "$PG_DATA_DIR"
    else
        install -d -m 700 "$PG_DATA_DIR"
    fi
    as_pg test -w "$PG_DATA_DIR" || die "$PG_OS_USER cannot write $PG_DATA_DIR (every parent must be traversable)"
    local locale=C
    # C.UTF-8 keeps byte-order sorting like C, but upper()/lower()/ILIKE also work on æ, ø, å.
    locale -a 2>/dev/null | grep -qix 'c\.utf-\?8' && locale=C.UTF-8
    log "initdb $PG_DATA_DIR (PostgreSQL $("$BIN/postgres" --version | awk '{print $3}'), locale $locale)"
    # --auth=trust: development and CI only. The server listens on 127.0.0.1 and its own socket
    # dir; nothing else can reach it. Production uses real credentials (docker-compose.yml).
    as_pg "$BIN/initdb" -D "$PG_DATA_DIR" --username=postgres --auth=trust --encoding=UTF8 \
        --locale="$locale" >/dev/null
    echo "include 'boligflyt.conf'" | as_pg tee -a "$PG_DATA_DIR/postgresql.conf" >/dev/null
}

# Rewritten on every start so that a changed PG_PORT or script takes effect on an existing cluster.
write_config() {
    as_pg tee "$PG_DATA_DIR/boligflyt.conf" >/dev/null <<EOF
# Written by deploy/postgres/pg.sh on every start; edit the script, not this file.
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_DATA_DIR'
max_connections = 200
# Room for a replay of the whole history: the dashboard's event log and inbox take a million rows each, indexed
# on random ids, and at 128MB (the default) the rebuild spent its time evicting index pages and writing them
# again after every checkpoint (docs/benchmarks.md, dashboard replay).
shared_buffers = 512MB
max_wal_size = 4GB
checkpoint_timeout = 15min
wal_compression = on
# Durability stays real: crash tests (pg.sh stop --kill) must see what a real server keeps.
fsync = on
synchronous_commit = on
full_page_writes = on
EOF
}

start_server() {
    log "starting PostgreSQL on 127.0.0.1:$PG_PORT (data $PG_DATA_DIR)"
    # 9>&-: the postmaster would otherwise hold the port lock for its whole life.
    if ! as_pg "$BIN/pg_ctl" -D "$PG_DATA_DIR" -l "$PG_DATA_DIR/server.log" -w -t "$PG_START_TIMEOUT" \
            start >/dev/null 9>&-; then
        tail -n 30 "$PG_DATA_DIR/server.log" >&2 || true
        die "PostgreSQL did not start; see $PG_DATA_DIR/server.log"
    fi
}

wait_ready() {
    local deadline=$((SECONDS + PG_START_TIMEOUT))
    until is_ready; do
        ((SECONDS < deadline)) || die "PostgreSQL on port $PG_PORT did not answer within ${PG_START_TIMEOUT}s"
        sleep 0.2
    done
}

ensure_role_and_databases() {
    psql_admin <<'SQL'
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'boligflyt') THEN
        CREATE ROLE boligflyt LOGIN SUPERUSER PASSWORD 'boligflyt';
    END IF;
END
$$;
SQL
    local db
    for db in "${DATABASES[@]}"; do
        create_database "$db"
    done
}

create_database() {
    [[ $1 =~ ^[A-Za-z_][A-Za-z0-9_]{0,62}$ ]] || die "invalid database name: $1"
    # CREATE DATABASE cannot run inside DO/functions, hence \gexec.
    psql_admin -v dbname="$1" <<'SQL'
SELECT format('CREATE DATABASE %I OWNER boligflyt', :'dbname')
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'dbname') \gexec
SQL
}

cmd_start() {
    lock_port "pg-$PG_PORT"
    ensure_installed
    if ours_running; then
        wait_ready
        ensure_role_and_databases
        echo "running $SERVER_URL"
        return 0
    fi
    if is_ready; then
        log "a PostgreSQL not started from $PG_DATA_DIR answers on port $PG_PORT; using it"
        ensure_role_and_databases
        echo "running $SERVER_URL"
        return 0
    fi
    local t0=$SECONDS
    init_cluster
    write_config
    start_server
    wait_ready
    ensure_role_and_databases
    log "ready after $((SECONDS - t0))s"
    echo "started $SERVER_URL"
}

wipe_data() {
    [[ -e $PG_DATA_DIR ]] || return 0
    # Guard the rm -rf: only a directory that holds a cluster.
    [[ -f $PG_DATA_DIR/PG_VERSION ]] || die "refusing to delete $PG_DATA_DIR (no PG_VERSION)"
    log "deleting $PG_DATA_DIR"
    rm -rf -- "$PG_DATA_DIR"
}

cmd_stop() {
    local mode=fast
    case ${1:-} in
        --kill) mode=immediate ;;
        "") ;;
        *) die "unknown option to stop: $1" ;;
    esac
    lock_port "pg-$PG_PORT"
    BIN=$(newest_bindir)
    if [[ -n $BIN ]] && ours_running; then
        log "stopping PostgreSQL ($mode)"
        as_pg "$BIN/pg_ctl" -D "$PG_DATA_DIR" -m "$mode" -w -t 60 stop >/dev/null
        # pg_ctl returns once postmaster.pid is gone; a restart right after also needs the port free.
        local i
        for ((i = 0; i < 100; i++)); do
            timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$PG_PORT" 2>/dev/null || break
            sleep 0.1
        done
        echo "stopped $SERVER_URL"
    else
        echo "not running $SERVER_URL"
    fi
    [[ $PG_WIPE == 1 ]] && wipe_data
    return 0
}

cmd_status() {
    BIN=$(newest_bindir)
    if [[ -n $BIN ]] && is_ready; then
        echo "$SERVER_URL/postgres"
        return 0
    fi
    log "no PostgreSQL answers on 127.0.0.1:$PG_PORT"
    return 1
}

case ${1:-} in
    start) cmd_start ;;
    stop) shift; cmd_stop "$@" ;;
    status) cmd_status ;;
    url) echo "$SERVER_URL/postgres" ;;
    createdb)
        [[ -n ${2:-} ]] || die "usage: $0 createdb NAME"
        lock_port "pg-$PG_PORT"
        ensure_installed
        create_database "$2"
        echo "$SERVER_URL/$2"
        ;;
    wipe) PG_WIPE=1; cmd_stop ;;
    *) echo "usage: $0 start|stop [--kill]|status|url|createdb NAME|wipe" >&2; exit 2 ;;
esac
