#!/usr/bin/env bash
# Throwaway PostgreSQL server for the registry's tests (and for trying the PostgreSQL registry by hand).
#
# Usage:
#   eval "$(bash .ci/postgres.sh)"     # install if missing, start, export RFFP_TEST_POSTGRES
#   source .ci/postgres.sh             # same, exports into the current shell
#   bash .ci/postgres.sh stop          # stop the server (data directory kept for the next start)
#   bash .ci/postgres.sh purge         # stop and delete the data directory
#
# Idempotent: a second call finds the running server and only prints the connection string again.
# Works as root with no terminal (CI=true): the server itself runs as the 'postgres' system user,
# because PostgreSQL refuses to run as root. Progress goes to stderr; stdout carries only the
# 'export RFFP_TEST_POSTGRES=...' line so that eval "$(...)" is safe.
#
# Settings (environment, all optional):
#   RFFP_PG_PORT (55432: not the distribution default, so a system cluster on 5432 does not collide)
#   RFFP_PG_DIR  (/tmp/rffp-postgres: data directory, log and socket live here)
#   RFFP_PG_USER / RFFP_PG_PASSWORD / RFFP_PG_DB (rffp / rffp / rffp_test)

rffp_pg_main() (
    set -euo pipefail
    local action="${1:-start}"
    local port="${RFFP_PG_PORT:-55432}"
    local dir="${RFFP_PG_DIR:-/tmp/rffp-postgres}"
    local user="${RFFP_PG_USER:-rffp}"
    local password="${RFFP_PG_PASSWORD:-rffp}"
    local db="${RFFP_PG_DB:-rffp_test}"
    local data="$dir/data"

    log() { echo "postgres.sh: $*" >&2; }

    # Runs a command as the server's owner. When we are not root the current user owns the server.
    as_owner() {
        if [ "$(id -u)" -eq 0 ]; then
            runuser -u postgres -- "$@"
        else
            "$@"
        fi
    }

    find_bin() {
        local candidate
        for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
            if [ -x "$candidate/pg_ctl" ] && [ -x "$candidate/initdb" ]; then
                echo "$candidate"
                return 0
            fi
        done
        return 1
    }

    local bin
    if ! bin="$(find_bin)"; then
        if [ "$action" != "start" ]; then
            log "PostgreSQL is not installed; nothing to $action"
            return 0
        fi
        log "PostgreSQL not found: installing Debian's postgresql package"
        local sudo=""
        if [ "$(id -u)" -ne 0 ]; then
            command -v sudo >/dev/null || { log "need root (or sudo) to apt-get install postgresql"; return 1; }
            sudo="sudo -n"
        fi
        export DEBIAN_FRONTEND=noninteractive
        $sudo apt-get update -q >&2
        $sudo apt-get install -y -q --no-install-recommends postgresql >&2
        bin="$(find_bin)" || { log "postgresql installed but pg_ctl/initdb not found under /usr/lib/postgresql"; return 1; }
    fi

    case "$action" in
        stop|purge)
            if [ -f "$data/postmaster.pid" ]; then
                as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >&2 || true
            fi
            if [ "$action" = purge ]; then
                rm -rf "$dir"
                log "removed $dir"
            fi
            return 0
            ;;
        start) ;;
        *) log "unknown action '$action' (use start, stop or purge)"; return 2 ;;
    esac

    if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
        log "the 'postgres' system user is missing (normally created by the postgresql package)"
        return 1
    fi

    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir"; fi

    if [ ! -f "$data/PG_VERSION" ]; then
        log "initialising a new cluster in $data"
        local pwfile="$dir/.pw"
        printf '%s\n' "$password" > "$pwfile"
        if [ "$(id -u)" -eq 0 ]; then chown postgres: "$pwfile"; fi
        chmod 600 "$pwfile"
        # The bootstrap superuser gets the same name/password, so TCP login needs the password
        # while the owner can still use the Unix socket in $dir without one.
        as_owner "$bin/initdb" -D "$data" -U "$user" --pwfile="$pwfile" \
            --no-sync --auth-host=scram-sha-256 --auth-local=trust -E UTF8 --locale=C.UTF-8 >&2 \
          || as_owner "$bin/initdb" -D "$data" -U "$user" --pwfile="$pwfile" \
            --no-sync --auth-host=scram-sha-256 --auth-local=trust -E UTF8 --locale=C >&2
        rm -f "$pwfile"
    fi

    if as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
        log "server already running in $data"
    else
        # A pid file left by a killed server (e.g. a machine reused after a crash) would block the start.
        rm -f "$data/postmaster.pid"
        log "starting server on 127.0.0.1:$port"
        as_owner "$bin/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
            start >&2 || { log "start failed; server log follows"; tail -n 30 "$dir/server.log" >&2; return 1; }
    fi

    local psql=("$bin/psql" -h "$dir" -p "$port" -U "$user" -d postgres -v ON_ERROR_STOP=1 -qtA)
    local exists
    exists="$(as_owner "${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$db'")"
    if [ "$exists" != "1" ]; then
        as_owner "${psql[@]}" -c "CREATE DATABASE \"$db\" OWNER \"$user\"" >&2
        log "created database $db"
    fi
    log "ready: database $db, user $user on 127.0.0.1:$port"
    echo "Host=127.0.0.1;Port=$port;Username=$user;Password=$password;Database=$db"
)

if rffp_pg_connection="$(rffp_pg_main "$@")"; then
    if [ -n "$rffp_pg_connection" ]; then
        export RFFP_TEST_POSTGRES="$rffp_pg_connection"
        if [ "${BASH_SOURCE[0]}" = "$0" ]; then
            printf "export RFFP_TEST_POSTGRES='%s'\n" "$rffp_pg_connection"
        fi
    fi
    unset rffp_pg_connection
else
    rffp_pg_status=$?
    unset rffp_pg_connection
    echo "postgres.sh: failed (exit $rffp_pg_status)" >&2
    # 'return' when sourced, 'exit' when executed.
    return "$rffp_pg_status" 2>/dev/null || exit "$rffp_pg_status"
fi
