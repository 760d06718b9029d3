#!/usr/bin/env bash
# The test command of this repository: build, the formatting check (.editorconfig), the whole suite on SQLite (unit,
# integration, browser), then the database tests again on a throwaway PostgreSQL; each step prints its duration. Installs Debian chromium/postgresql when missing.
# Last line of output: "N passed, N failed".
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT=$(pwd)
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DEBIAN_FRONTEND=noninteractive

if [ "$(id -u)" -eq 0 ]; then
    SUDO=()
elif command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
else
    SUDO=()
fi

APT_UPDATED=0
apt_install() {
    if [ "$APT_UPDATED" -eq 0 ]; then
        "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
        APT_UPDATED=1
    fi
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@"
}

# 1. The browser tests drive Debian's chromium (never "playwright install").
if [ ! -x /usr/bin/chromium ]; then
    echo "== installing chromium"
    apt_install chromium
fi

# 2. PostgreSQL server binaries for the second run.
pg_bin() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then
        echo "$dir"
    fi
}
PGBIN=$(pg_bin)
if [ -z "$PGBIN" ]; then
    echo "== installing postgresql"
    apt_install postgresql
    PGBIN=$(pg_bin)
fi
if [ -z "$PGBIN" ]; then
    echo "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin" >&2
    exit 1
fi

# 3. A throwaway PostgreSQL cluster: trust auth on 127.0.0.1, no fsync, removed on exit.
port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
PGPORT=5433
while port_in_use "$PGPORT"; do
    PGPORT=$((PGPORT + 1))
    if [ "$PGPORT" -gt 5533 ]; then
        echo "No free port for PostgreSQL between 5433 and 5533" >&2
        exit 1
    fi
done

PGROOT=$(mktemp -d)
mkdir -p "$PGROOT/data" "$PGROOT/sock"
if [ "$(id -u)" -eq 0 ]; then
    chown -R postgres:postgres "$PGROOT"
    AS_PG=(runuser -u postgres --)
else
    AS_PG=()
fi
chmod 700 "$PGROOT/data"

PG_STARTED=0
cleanup() {
    if [ "$PG_STARTED" -eq 1 ]; then
        "${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$PGROOT/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$PGROOT"
}
trap cleanup EXIT

echo "== starting PostgreSQL ($PGBIN) on 127.0.0.1:$PGPORT"
"${AS_PG[@]}" "$PGBIN/initdb" -D "$PGROOT/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$PGROOT/initdb.log" 2>&1 \
    || { cat "$PGROOT/initdb.log" >&2; exit 1; }
PG_STARTED=1
"${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/pg.log" -w \
    -o "-p $PGPORT -k $PGROOT/sock -c listen_addresses=127.0.0.1 -c fsync=off" start \
    || { cat "$PGROOT/pg.log" >&2; exit 1; }

# 4. Both runs always happen; a failure is remembered, not fatal. Each prints how long it took ("== SQLite suite: 312 s").
RESULTS="$ROOT/TestResults/ci"
rm -rf "$RESULTS"
mkdir -p "$RESULTS/sqlite" "$RESULTS/browser" "$RESULTS/postgres"
STATUS=0

FAILED_STEPS=()
run_suite() {
    local name=$1 start=$SECONDS
    shift
    "$@" || { STATUS=1; FAILED_STEPS+=("$name"); }
    echo "== $name: $((SECONDS - start)) s"
}

echo "== dotnet build Marketplace.sln"
run_suite "build" dotnet build Marketplace.sln

echo "== dotnet format --verify-no-changes (the formatting .editorconfig describes)"
run_suite "format check" dotnet format Marketplace.sln --verify-no-changes --no-restore

echo "== dotnet test tests/Marketplace.Tests (SQLite)"
run_suite "SQLite suite" dotnet test tests/Marketplace.Tests --no-build --logger "trx;LogFileName=sqlite.trx" --results-directory "$RESULTS/sqlite"

echo "== dotnet test tests/Marketplace.BrowserTests (SQLite, Debian chromium)"
run_suite "browser suite" dotnet test tests/Marketplace.BrowserTests --no-build --logger "trx;LogFileName=browser.trx" --results-directory "$RESULTS/browser"

echo "== dotnet test tests/Marketplace.Tests, Category=Database (PostgreSQL)"
run_suite "PostgreSQL suite" env MARKETPLACE_TEST_PG="Host=127.0.0.1;Port=$PGPORT;Username=postgres" \
    dotnet test tests/Marketplace.Tests --no-build --filter "Category=Database" \
    --logger "trx;LogFileName=postgres.trx" --results-directory "$RESULTS/postgres"

# 5. Sum the counters of every trx file (grep/sed only: CI has no python).
PASSED=0
FAILED=0
while IFS= read -r -d '' trx; do
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1 || true)
    passed=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
    failed=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
    PASSED=$((PASSED + ${passed:-0}))
    FAILED=$((FAILED + ${failed:-0}))
done < <(find "$RESULTS" -name '*.trx' -print0)
if [ "$FAILED" -gt 0 ]; then
    STATUS=1
fi

if [ "${#FAILED_STEPS[@]}" -gt 0 ]; then
    echo "FAILED steps: ${FAILED_STEPS[*]}"
fi
echo "$PASSED passed, $FAILED failed"
exit "$STATUS"
