#!/usr/bin/env bash
# A real OpenID Connect provider for development and CI, without Docker: NAV's mock-oauth2-server (from Maven
# Central, the jars pom.xml names) on loopback, with the users and clients of every agency from config.json.
# Jars are cached outside the repository. Why this provider and not Keycloak: README.md beside this script.
#
#   mock-oauth2.sh start     fetch jars if needed, start, wait until discovery answers
#   mock-oauth2.sh stop      SIGTERM (then SIGKILL after 15 s)
#   mock-oauth2.sh status    exit 0 and print the issuer if the provider answers
#   mock-oauth2.sh fetch     only download the jars
#   mock-oauth2.sh issuer    print the issuer URL (http://127.0.0.1:PORT/boligflyt)
#
# The last stdout line of `start` is `started ISSUER` (this call started it, so the caller owns it and should
# stop it) or `running ISSUER` (it was already up). Progress goes to stderr.
#
# Knobs (environment):
#   BOLIGFLYT_STATE_DIR   default $HOME/.cache/boligflyt; jars go to $BOLIGFLYT_STATE_DIR/mock-oauth2-libs-VERSION
#   OIDC_PORT             default 18080
#   OIDC_DATA_DIR         default $BOLIGFLYT_STATE_DIR/run/oidc-$OIDC_PORT (config, pid, server.log)
#   OIDC_START_TIMEOUT    seconds to wait for the provider to answer, default 60
set -euo pipefail

SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)

BOLIGFLYT_STATE_DIR=${BOLIGFLYT_STATE_DIR:-$HOME/.cache/boligflyt}
OIDC_PORT=${OIDC_PORT:-18080}
OIDC_DATA_DIR=${OIDC_DATA_DIR:-$BOLIGFLYT_STATE_DIR/run/oidc-$OIDC_PORT}
OIDC_START_TIMEOUT=${OIDC_START_TIMEOUT:-60}
VERSION=$(sed -n 's:.*<mock-oauth2.version>\(.*\)</mock-oauth2.version>.*:\1:p' "$SCRIPT_DIR/pom.xml")

LIBS_DIR=$BOLIGFLYT_STATE_DIR/mock-oauth2-libs-$VERSION
RUN_DIR=$BOLIGFLYT_STATE_DIR/run
ISSUER=http://127.0.0.1:$OIDC_PORT/boligflyt
CONFIG=$OIDC_DATA_DIR/config.json
PID_FILE=$OIDC_DATA_DIR/oidc.pid
LOG_FILE=$OIDC_DATA_DIR/server.log
MAIN=no.nav.security.mock.oauth2.StandaloneMockOAuth2ServerKt
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

LOG_NAME="mock-oauth2.sh[$OIDC_PORT]"
# shellcheck source=../lib.sh
source "$SCRIPT_DIR/../lib.sh"

fetch() { fetch_jars "$SCRIPT_DIR" "$LIBS_DIR" "$VERSION" "mock-oauth2-server $VERSION"; }

# The pid counts only while it is still *this* provider: pids get reused.
provider_pid() {
    local pid cmd
    [[ -f $PID_FILE ]] || return 1
    pid=$(<"$PID_FILE")
    [[ $pid =~ ^[0-9]+$ ]] || return 1
    cmd=$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline") || return 1
    [[ $cmd == *"$MAIN"* && $cmd == *"oidc-port=$OIDC_PORT"* ]] || return 1
    echo "$pid"
}

answers() {
    curl -fsS --max-time 3 "$ISSUER/.well-known/openid-configuration" 2>/dev/null | grep -q '"issuer"'
}

cmd_start() {
    lock_port "oidc-$OIDC_PORT"
    if provider_pid >/dev/null; then
        wait_ready || die "provider (pid $(provider_pid || true)) is alive but does not answer"
        echo "running $ISSUER"
        return 0
    fi
    fetch
    if answers; then
        log "a provider not started by this script answers on $ISSUER; using it"
        echo "running $ISSUER"
        return 0
    fi
    mkdir -p "$OIDC_DATA_DIR"
    # The login page's path must be absolute; the rest of the configuration is config.json as it is.
    sed "s:@LOGIN_PAGE@:$SCRIPT_DIR/login.html:" "$SCRIPT_DIR/config.json" >"$CONFIG"
    log "starting mock-oauth2-server $VERSION on $ISSUER"
    local t0=$SECONDS
    # setsid: the provider outlives this script and the shell that ran it. Small heap, C1 only: it serves a
    # handful of requests a minute.
    JSON_CONFIG_PATH=$CONFIG SERVER_HOSTNAME=127.0.0.1 SERVER_PORT=$OIDC_PORT \
        setsid nohup "$JAVA" -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Doidc-port="$OIDC_PORT" \
        -cp "$LIBS_DIR/*" "$MAIN" >"$LOG_FILE" 2>&1 9>&- </dev/null &
    echo $! >"$PID_FILE"
    local deadline=$((SECONDS + OIDC_START_TIMEOUT))
    until answers; do
        if ((SECONDS >= deadline)) || ! kill -0 "$(<"$PID_FILE")" 2>/dev/null; then
            tail -n 30 "$LOG_FILE" >&2 || true
            stop_provider
            die "the provider did not answer within ${OIDC_START_TIMEOUT}s; see $LOG_FILE"
        fi
        sleep 0.3
    done
    log "ready after $((SECONDS - t0))s"
    echo "started $ISSUER"
}

wait_ready() {
    local deadline=$((SECONDS + OIDC_START_TIMEOUT))
    until answers; do
        ((SECONDS < deadline)) && provider_pid >/dev/null || return 1
        sleep 0.3
    done
}

stop_provider() {
    local pid waited=0
    pid=$(provider_pid) || { rm -f -- "$PID_FILE"; return 0; }
    kill -TERM "$pid" 2>/dev/null || true
    while [[ -d /proc/$pid ]]; do
        if ((waited == 150)); then kill -KILL "$pid" 2>/dev/null || true; fi
        sleep 0.1
        waited=$((waited + 1))
    done
    rm -f -- "$PID_FILE"
}

cmd_stop() {
    lock_port "oidc-$OIDC_PORT"
    if provider_pid >/dev/null; then
        stop_provider
        echo "stopped $ISSUER"
    else
        rm -f -- "$PID_FILE"
        echo "not running $ISSUER"
    fi
}

cmd_status() {
    if answers; then
        echo "$ISSUER"
        return 0
    fi
    log "no provider answers on $ISSUER"
    return 1
}

case ${1:-} in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    fetch) fetch; echo "$LIBS_DIR" ;;
    issuer) echo "$ISSUER" ;;
    *) echo "usage: $0 start|stop|status|fetch|issuer" >&2; exit 2 ;;
esac
