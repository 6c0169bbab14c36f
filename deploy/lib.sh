# Shared by the scripts that run a local server for development and CI (kafka/kafka.sh, postgres/pg.sh,
# mock-oauth2/mock-oauth2.sh). Source it after setting LOG_NAME (the prefix of progress lines), RUN_DIR and
# BOLIGFLYT_STATE_DIR. Progress goes to stderr.
# shellcheck shell=bash

log() { printf '%s: %s\n' "$LOG_NAME" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# lock_port NAME: serialises start/stop per server and port, so parallel callers of `start` get one server.
# The lock is fd 9: the server must not inherit it, or the lock would be held for the server's lifetime.
lock_port() {
    mkdir -p "$RUN_DIR"
    exec 9>"$RUN_DIR/$1.lock"
    flock 9
}

# fetch_jars SCRIPT_DIR LIBS_DIR VERSION LABEL [MAVEN ARGS...]: the runtime dependencies of SCRIPT_DIR/pom.xml, from
# Maven Central into LIBS_DIR, once per VERSION and pom.xml (LIBS_DIR/.complete holds the stamp).
fetch_jars() {
    local script_dir=$1 libs_dir=$2 version=$3 label=$4
    shift 4
    local stamp
    stamp="$version $(sha256sum "$script_dir/pom.xml" | cut -d' ' -f1)"
    jars_ready() { [[ -f $libs_dir/.complete && "$(cat "$libs_dir/.complete")" == "$stamp" ]]; }
    jars_ready && return 0
    mkdir -p "$BOLIGFLYT_STATE_DIR"
    exec 8>"$libs_dir.lock"
    flock 8
    if ! jars_ready; then
        command -v mvn >/dev/null || die "mvn not found (apt-get install -y maven)"
        log "fetching $label jars into $libs_dir"
        local tmp
        tmp=$(mktemp -d "$libs_dir.tmp.XXXXXX")
        # Into a temp dir first: an interrupted download must not look like a complete one.
        # The sed drops the colour resets Debian's Maven prints even with -q -B.
        if ! mvn -q -B -f "$script_dir/pom.xml" "$@" dependency:copy-dependencies -DincludeScope=runtime \
                -DoutputDirectory="$tmp" 2>&1 | sed 's/\x1b\[[0-9;]*m//g' >&2; then
            rm -rf -- "$tmp"
            die "maven could not fetch $label"
        fi
        echo "$stamp" >"$tmp/.complete"
        rm -rf -- "$libs_dir"
        mv -- "$tmp" "$libs_dir"
    fi
    exec 8>&-
}
