#!/usr/bin/env bash
# Real Apache Kafka for development and CI, without Docker: one combined KRaft node
# (broker + controller) on loopback, run straight from the Maven Central jars that
# pom.xml names. Jars are cached outside the repository; data survives stop/start.
#
#   kafka.sh start            fetch jars if needed, format storage once, start, wait until it answers
#   kafka.sh stop [--kill]    SIGTERM (then SIGKILL after 30 s); --kill: SIGKILL at once (fault tests)
#   kafka.sh status           exit 0 and print the bootstrap address if a broker answers
#   kafka.sh fetch            only download the jars
#   kafka.sh wipe             stop and delete the data dir
#   kafka.sh classpath        print the java classpath of the cached jars (for console tools)
#
# The last stdout line of `start` is `started 127.0.0.1:PORT` (this call started it, so the caller
# owns it and should stop it) or `running 127.0.0.1:PORT` (it was already up). Progress goes to stderr.
#
# Knobs (environment):
#   BOLIGFLYT_STATE_DIR    default $HOME/.cache/boligflyt; jars go to $BOLIGFLYT_STATE_DIR/kafka-libs-VERSION
#   KAFKA_PORT             default 19092 (PLAINTEXT listener)
#   KAFKA_CONTROLLER_PORT  default KAFKA_PORT+1
#   KAFKA_DATA_DIR         default $BOLIGFLYT_STATE_DIR/run/kafka-$KAFKA_PORT (config, logs, pid, server.log)
#   KAFKA_VERSION          default: <kafka.version> in pom.xml
#   KAFKA_HEAP_OPTS        default "-Xms256m -Xmx512m"
#   KAFKA_START_TIMEOUT    seconds to wait for the broker to answer, default 90
#   KAFKA_WIPE=1           with `stop`: also delete the data dir
set -euo pipefail

SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)

BOLIGFLYT_STATE_DIR=${BOLIGFLYT_STATE_DIR:-$HOME/.cache/boligflyt}
KAFKA_PORT=${KAFKA_PORT:-19092}
KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-$((KAFKA_PORT + 1))}
KAFKA_DATA_DIR=${KAFKA_DATA_DIR:-$BOLIGFLYT_STATE_DIR/run/kafka-$KAFKA_PORT}
KAFKA_VERSION=${KAFKA_VERSION:-$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$SCRIPT_DIR/pom.xml")}
KAFKA_HEAP_OPTS=${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}
KAFKA_START_TIMEOUT=${KAFKA_START_TIMEOUT:-90}
KAFKA_WIPE=${KAFKA_WIPE:-0}

LIBS_DIR=$BOLIGFLYT_STATE_DIR/kafka-libs-$KAFKA_VERSION
RUN_DIR=$BOLIGFLYT_STATE_DIR/run
BOOTSTRAP=127.0.0.1:$KAFKA_PORT
CONFIG=$KAFKA_DATA_DIR/server.properties
PID_FILE=$KAFKA_DATA_DIR/kafka.pid
LOG_FILE=$KAFKA_DATA_DIR/server.log
ADMIN_CONFIG=$RUN_DIR/kafka-admin.properties
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

LOG_NAME="kafka.sh[$KAFKA_PORT]"
# shellcheck source=../lib.sh
source "$SCRIPT_DIR/../lib.sh"

# ---- jars -------------------------------------------------------------------------------------

fetch() { fetch_jars "$SCRIPT_DIR" "$LIBS_DIR" "$KAFKA_VERSION" "Kafka $KAFKA_VERSION" -Dkafka.version="$KAFKA_VERSION"; }

# Short-lived JVMs for admin tools: small heap and C1 only, because on 2 cores JIT warm-up
# dominates their run time.
# An array rather than a function so that `timeout` can run it.
TOOL=("$JAVA" -Xmx192m -XX:+UseSerialGC -XX:TieredStopAtLevel=1
    -Dlog4j2.configurationFile="$SCRIPT_DIR/tools-log4j2.properties" -cp "$LIBS_DIR/*")

# ---- process and readiness checks ---------------------------------------------------------------

# The pid counts only while it is still *this* broker: pids get reused, and `stop` must never
# signal an unrelated process.
broker_pid() {
    local pid cmd
    [[ -f $PID_FILE ]] || return 1
    pid=$(<"$PID_FILE")
    [[ $pid =~ ^[0-9]+$ ]] || return 1
    cmd=$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline") || return 1
    [[ $cmd == *"kafka.Kafka $CONFIG"* ]] || return 1
    echo "$pid"
}

port_open() { timeout 3 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

# A metadata round trip through a real client: an open port alone does not mean the broker
# serves requests yet.
answers() {
    port_open "$KAFKA_PORT" || return 1
    mkdir -p "$RUN_DIR"
    # The admin client retries for 60 s by default; fail fast and let the caller loop instead.
    printf '%s\n' 'request.timeout.ms=5000' 'default.api.timeout.ms=10000' \
        'socket.connection.setup.timeout.ms=2000' 'socket.connection.setup.timeout.max.ms=5000' \
        >"$ADMIN_CONFIG"
    timeout 40 "${TOOL[@]}" org.apache.kafka.tools.TopicCommand --bootstrap-server "$BOOTSTRAP" \
        --command-config "$ADMIN_CONFIG" --list >/dev/null 2>&1
}

show_log_tail() {
    if [[ -f $LOG_FILE ]]; then
        log "last lines of $LOG_FILE:"
        tail -n 40 "$LOG_FILE" >&2
    fi
}

# ---- subcommands --------------------------------------------------------------------------------

write_config() {
    cat >"$CONFIG" <<EOF
# Written by deploy/kafka/kafka.sh on every start; edit the script, not this file.
# One combined KRaft node for development and CI, loopback only.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=$KAFKA_DATA_DIR/logs

# A single node cannot replicate internal topics three ways.
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
# Fewer __consumer_offsets partitions than the default 50: the first consumer group on a
# fresh broker then starts in well under a second.
offsets.topic.num.partitions=10

num.partitions=3
auto.create.topics.enable=true
delete.topic.enable=true
# After 'stop --kill' the restarted node cannot register until the controller has timed out the
# dead incarnation's session (default 9 s). 6 s with a 1 s heartbeat shortens fault-test restarts
# and still tolerates GC or CPU stalls on a loaded 2-core machine.
broker.heartbeat.interval.ms=1000
broker.session.timeout.ms=6000
# Tests start consumer groups constantly; the default 3 s delay would slow every one of them.
group.initial.rebalance.delay.ms=0
EOF
}

format_storage() {
    [[ -f $KAFKA_DATA_DIR/logs/meta.properties ]] && return 0
    local cluster_id
    cluster_id=$("${TOOL[@]}" kafka.tools.StorageTool random-uuid)
    log "formatting storage in $KAFKA_DATA_DIR/logs (cluster id $cluster_id)"
    local out
    if ! out=$("${TOOL[@]}" kafka.tools.StorageTool format --config "$CONFIG" --cluster-id "$cluster_id" \
            --ignore-formatted 2>&1); then
        printf '%s\n' "$out" >&2
        die "formatting storage failed"
    fi
}

launch() {
    [[ -f $LOG_FILE ]] && mv -f -- "$LOG_FILE" "$LOG_FILE.1"
    # setsid: the broker must outlive the caller and not get the caller's Ctrl-C / process-group kill.
    (
        cd "$KAFKA_DATA_DIR"
        # shellcheck disable=SC2086  # KAFKA_HEAP_OPTS holds several options
        exec setsid nohup "$JAVA" $KAFKA_HEAP_OPTS -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
            -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true \
            -Dlog4j2.configurationFile="$SCRIPT_DIR/log4j2.properties" \
            -Dkafka.logs.dir="$KAFKA_DATA_DIR" \
            -cp "$LIBS_DIR/*" kafka.Kafka "$CONFIG" >>"$LOG_FILE" 2>&1 </dev/null 9>&- 8>&-
    ) &
    local pid=$! i
    echo "$pid" >"$PID_FILE"
    # Until the subshell has exec'd into java, the pid still looks like bash to broker_pid.
    for ((i = 0; i < 50; i++)); do
        broker_pid >/dev/null && return 0
        sleep 0.1
    done
}

# broker_pid, given a second look before the broker counts as gone: once, a start was abandoned (and the broker
# killed) when one check failed while the JVM was alive, matching both just before and just after; its cmdline
# can read empty for a moment, as while the launcher execs from setsid to nohup to java.
still_running() {
    local i
    for ((i = 0; i < 5; i++)); do
        broker_pid >/dev/null && return 0
        sleep 0.2
    done
    return 1
}

wait_ready() {
    local deadline=$((SECONDS + KAFKA_START_TIMEOUT))
    while ((SECONDS < deadline)); do
        still_running || { log "broker exited during start-up"; show_log_tail; return 1; }
        # The log line comes after the node registered and was unfenced; only then is it worth
        # paying for a client JVM.
        if grep -q 'Kafka Server started' "$LOG_FILE" 2>/dev/null && answers; then
            return 0
        fi
        sleep 0.5
    done
    log "broker did not answer within ${KAFKA_START_TIMEOUT}s"
    show_log_tail
    return 1
}

cmd_start() {
    lock_port "kafka-$KAFKA_PORT"
    if broker_pid >/dev/null; then
        # Ours and alive: a previous start may have timed out on a slow machine; give it the
        # usual time to come up rather than starting a second one.
        wait_ready || die "broker (pid $(broker_pid || true)) is alive but does not answer"
        echo "running $BOOTSTRAP"
        return 0
    fi
    fetch
    if port_open "$KAFKA_PORT"; then
        answers || die "port $KAFKA_PORT is taken by something that is not a Kafka broker"
        log "a broker not started by this script answers on $BOOTSTRAP; using it"
        echo "running $BOOTSTRAP"
        return 0
    fi
    port_open "$KAFKA_CONTROLLER_PORT" && die "controller port $KAFKA_CONTROLLER_PORT is already in use"

    mkdir -p "$KAFKA_DATA_DIR"
    write_config
    format_storage
    log "starting Kafka $KAFKA_VERSION on $BOOTSTRAP (data $KAFKA_DATA_DIR)"
    local t0=$SECONDS
    launch
    if ! wait_ready; then
        kill_broker KILL
        die "Kafka did not start; see $LOG_FILE"
    fi
    log "ready after $((SECONDS - t0))s"
    echo "started $BOOTSTRAP"
}

# A dying JVM loses its cmdline well before it has closed its files (the log-dir lock, the
# listening sockets); an immediate restart must wait for those too, or it cannot bind or lock.
released() { [[ ! -d /proc/$1 || -z $(ls -A "/proc/$1/fd" 2>/dev/null) ]]; }

# Sends the signal and waits for the process to be gone; SIGTERM escalates to SIGKILL after 30 s.
kill_broker() {
    local sig=$1 pid
    pid=$(broker_pid) || { rm -f -- "$PID_FILE"; return 0; }
    kill "-$sig" "$pid" 2>/dev/null || true
    local waited=0 limit=30
    [[ $sig == KILL ]] && limit=10
    while broker_pid >/dev/null || ! released "$pid"; do
        if ((waited >= limit * 10)); then
            [[ $sig == KILL ]] && die "pid $pid survived SIGKILL"
            log "still running after ${limit}s; sending SIGKILL"
            kill -KILL "$pid" 2>/dev/null || true
            sig=KILL waited=0 limit=10
        fi
        sleep 0.1
        waited=$((waited + 1))
    done
    rm -f -- "$PID_FILE"
}

wipe_data() {
    [[ -e $KAFKA_DATA_DIR ]] || return 0
    # Guard the rm -rf: only a directory this script set up.
    [[ -f $KAFKA_DATA_DIR/server.properties ]] || die "refusing to delete $KAFKA_DATA_DIR (no server.properties)"
    log "deleting $KAFKA_DATA_DIR"
    rm -rf -- "$KAFKA_DATA_DIR"
}

cmd_stop() {
    local sig=TERM
    case ${1:-} in
        --kill) sig=KILL ;;
        "") ;;
        *) die "unknown option to stop: $1" ;;
    esac
    lock_port "kafka-$KAFKA_PORT"
    local pid
    if pid=$(broker_pid); then
        log "stopping broker pid $pid with SIG$sig"
        kill_broker "$sig"
        echo "stopped $BOOTSTRAP"
    else
        rm -f -- "$PID_FILE"
        port_open "$KAFKA_PORT" && log "something still listens on $KAFKA_PORT, but it was not started with $KAFKA_DATA_DIR"
        echo "not running $BOOTSTRAP"
    fi
    [[ $KAFKA_WIPE == 1 ]] && wipe_data
    return 0
}

cmd_status() {
    fetch
    if answers; then
        echo "$BOOTSTRAP"
        return 0
    fi
    log "no broker answers on $BOOTSTRAP"
    return 1
}

case ${1:-} in
    start) cmd_start ;;
    stop) shift; cmd_stop "$@" ;;
    status) cmd_status ;;
    fetch) fetch; echo "$LIBS_DIR" ;;
    classpath) fetch; echo "$LIBS_DIR/*" ;;
    wipe) KAFKA_WIPE=1; cmd_stop ;;
    *) echo "usage: $0 start|stop [--kill]|status|fetch|wipe|classpath" >&2; exit 2 ;;
esac
