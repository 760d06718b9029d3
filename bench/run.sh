#!/usr/bin/env bash
# Load test: a trivial page against the listing search on 100,000 listings (SQLite, Release, Production).
# See bench/README.md. Settings come from the environment, e.g. DURATION=60s ./bench/run.sh
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PORT=${PORT:-5399}
TOWNS=${TOWNS:-50}
LISTINGS_PER_TOWN=${LISTINGS_PER_TOWN:-2000}
TOWN=${TOWN:-town07}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
# Tiered JIT needs some seconds of load before a page runs its optimised code; measure the steady state.
WARMUP=${WARMUP:-15s}
DURATION=${DURATION:-20s}
QUERY=${QUERY:-fahrrad}
BENCH_ENVIRONMENT=${BENCH_ENVIRONMENT:-Production}
KEEP_DATA=${KEEP_DATA:-0}
TARGET_PERCENT=40

step() { printf '\n== %s\n' "$*"; }

if ! command -v wrk >/dev/null; then
    step "installing wrk (Debian package)"
    if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get install -y wrk >/dev/null 2>&1 || { $SUDO apt-get update -qq && $SUDO apt-get install -y wrk >/dev/null; }
fi
for tool in dotnet curl awk; do
    command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 1; }
done

DATA=$(mktemp -d "${TMPDIR:-/tmp}/marketplace-bench-XXXXXX")
APP_PID=""
cleanup() {
    if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
        kill "$APP_PID" 2>/dev/null || true
        wait "$APP_PID" 2>/dev/null || true
    fi
    if [ "$KEEP_DATA" = "1" ]; then echo "data kept in $DATA"; else rm -rf "$DATA"; fi
}
trap cleanup EXIT

step "1. building the app and the seeder in Release"
dotnet build -c Release -nologo -v q "$ROOT/src/Marketplace.Web/Marketplace.Web.csproj"
dotnet build -c Release -nologo -v q "$ROOT/bench/Marketplace.Bench.Seed/Marketplace.Bench.Seed.csproj"

step "2. seeding $TOWNS towns x $LISTINGS_PER_TOWN listings into $DATA"
dotnet "$ROOT/bench/Marketplace.Bench.Seed/bin/Release/net10.0/Marketplace.Bench.Seed.dll" \
    "$DATA" "$TOWNS" "$LISTINGS_PER_TOWN" "$TOWN" | grep -v '^town[0-9]*: ' || true
[ -f "$DATA/bench.env" ] || { echo "seeding failed" >&2; exit 1; }
# shellcheck disable=SC1091
source "$DATA/bench.env"

step "3. starting the app ($BENCH_ENVIRONMENT) on http://127.0.0.1:$PORT"
mkdir -p "$DATA/mail"
(
    cd "$ROOT/src/Marketplace.Web"
    ASPNETCORE_ENVIRONMENT=$BENCH_ENVIRONMENT exec dotnet bin/Release/net10.0/Marketplace.Web.dll \
        --urls "http://127.0.0.1:$PORT" \
        "--Database:DataFolder=$DATA" \
        --Tenancy:BaseDomain=localhost \
        "--Mail:PickupFolder=$DATA/mail" \
        --DemoData:Enabled=false \
        --Hangfire:ServerEnabled=false
) >"$DATA/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do
    curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz" && break
    kill -0 "$APP_PID" 2>/dev/null || { echo "the app exited:" >&2; cat "$DATA/app.log" >&2; exit 1; }
    sleep 0.5
done
curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz" || { echo "the app did not get healthy" >&2; tail -50 "$DATA/app.log" >&2; exit 1; }

HOST="$TOWN.localhost"
TRIVIAL="http://127.0.0.1:$PORT/p/imprint"
SEARCH="http://127.0.0.1:$PORT/listings?q=$QUERY&type=Offer&district=$BENCH_DISTRICT_ID"

status_of() { curl -s -o /dev/null -w '%{http_code}' -H "Host: $HOST" "$1"; }
TRIVIAL_STATUS=$(status_of "$TRIVIAL")
SEARCH_STATUS=$(status_of "$SEARCH")
echo "GET $TRIVIAL (Host: $HOST) -> $TRIVIAL_STATUS"
echo "GET $SEARCH (Host: $HOST) -> $SEARCH_STATUS"
for s in "$TRIVIAL_STATUS" "$SEARCH_STATUS"; do
    case "$s" in
        30[1278])
            echo "A redirect ($s): HTTPS redirection is active in $BENCH_ENVIRONMENT; wrk would measure redirects." >&2
            echo "Location: $(curl -s -o /dev/null -w '%{redirect_url}' -H "Host: $HOST" "$TRIVIAL")" >&2
            exit 3 ;;
    esac
done
[ "$TRIVIAL_STATUS" = "200" ] || { echo "the trivial page is not 200; see $DATA/app.log" >&2; KEEP_DATA=1; exit 1; }
if [ "$SEARCH_STATUS" != "200" ]; then
    echo "WARNING: the search page answers $SEARCH_STATUS; its figures below measure that answer, not a search." >&2
fi

# wrk prints latencies with units (us, ms, s); normalise to milliseconds.
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /[0-9]s$/ && v !~ /ms$/) n *= 1000; else if (v ~ /m$/) n *= 60000; printf "%.2f", n }'; }

run_wrk() { # name url
    local name=$1 url=$2
    step "4. $name: warm-up $WARMUP, then $DURATION with $THREADS threads and $CONNECTIONS connections"
    echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "Host: $HOST" "$url" >/dev/null
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Host: $HOST" "$url" | tee "$DATA/wrk-$name.txt"
}
run_wrk trivial "$TRIVIAL"
run_wrk search "$SEARCH"

field() { awk -v k="$2" '$1 == k { print $2; exit }' "$DATA/wrk-$1.txt"; }
rps() { awk '/^Requests\/sec:/ { print $2 }' "$DATA/wrk-$1.txt"; }
non2xx() { awk '/Non-2xx or 3xx responses:/ { print $5 }' "$DATA/wrk-$1.txt"; }
errors() { awk '/Socket errors:/ { sub(/^ *Socket errors: */, ""); print }' "$DATA/wrk-$1.txt"; }

T_RPS=$(rps trivial); S_RPS=$(rps search)
RATIO=$(awk -v s="$S_RPS" -v t="$T_RPS" 'BEGIN { printf "%.1f", (t > 0) ? 100 * s / t : 0 }')

step "5. result ($BENCH_LISTINGS listings, $TOWNS towns, Host $HOST, district $BENCH_DISTRICT_ID)"
printf '%-8s %-8s %12s %10s %10s %10s\n' page status "requests/s" "p50 ms" "p99 ms" "non-2xx"
printf '%-8s %-8s %12s %10s %10s %10s\n' trivial "$TRIVIAL_STATUS" "$T_RPS" "$(to_ms "$(field trivial 50%)")" "$(to_ms "$(field trivial 99%)")" "$(non2xx trivial || true)"
printf '%-8s %-8s %12s %10s %10s %10s\n' search "$SEARCH_STATUS" "$S_RPS" "$(to_ms "$(field search 50%)")" "$(to_ms "$(field search 99%)")" "$(non2xx search || true)"
for name in trivial search; do
    e=$(errors "$name"); [ -z "$e" ] || echo "$name socket errors: $e"
done
echo "search/trivial: $RATIO % (target >= $TARGET_PERCENT %); load average now: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
if [ "$SEARCH_STATUS" != "200" ]; then
    echo "NOTE: search answered $SEARCH_STATUS, so the ratio does not describe the search yet."
elif awk -v r="$RATIO" -v t="$TARGET_PERCENT" 'BEGIN { exit !(r >= t) }'; then
    echo "target met"
else
    echo "target NOT met"
fi
