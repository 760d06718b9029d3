#!/usr/bin/env bash
# Load test: ten Marketplace pages on 100,000 listings against the framework's own template page (dotnet new webapp),
# both in Release and Production, measured with the same wrk settings in the same run; ratios, targets, app memory.
# SQLite by default; PG_CONNECTION="Host=...;Database=..." or PG=1 (a throwaway cluster) for PostgreSQL.
# See bench/README.md, "Load test". Settings come from the environment, e.g. DURATION=60s RUNS=3 ./bench/run.sh
# Exit code: 0 every target met, 2 a target missed (the whole table is printed first), 3 a page answered with a
# redirect before measuring, 1 anything else that kept the bench from measuring.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PORT=${PORT:-5399}
TEMPLATE_PORT=${TEMPLATE_PORT:-5398}
TOWNS=${TOWNS:-50}
LISTINGS_PER_TOWN=${LISTINGS_PER_TOWN:-2000}
TOWN=${TOWN:-town07}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
# Tiered JIT needs some seconds of load before a page runs its optimised code; measure the steady state.
WARMUP=${WARMUP:-15s}
DURATION=${DURATION:-20s}
QUERY=${QUERY:-fahrrad}
RUNS=${RUNS:-1}
BENCH_ENVIRONMENT=${BENCH_ENVIRONMENT:-Production}
KEEP_DATA=${KEEP_DATA:-0}
PG=${PG:-0}
PG_CONNECTION=${PG_CONNECTION:-}
PG_PORT=${PG_PORT:-}
MEMORY_LIMIT_MB=400
P99_LIMIT_FACTOR=10

# The pages, in the order measured. The template page is the yardstick; every other page's target is its share of it.
PAGES=(template content home listings search details me courses office transparency expenses gaps gapoffice)
declare -A TARGET=([content]=50 [home]=50 [listings]=25 [search]=25 [details]=35 [me]=25 [courses]=40 [office]=40 [transparency]=40 [expenses]=40 [gaps]=40 [gapoffice]=40)
# ONLY="content me" measures just those pages (and the template page, always first): a quicker check of some.
if [ -n "${ONLY:-}" ]; then
    for page in $ONLY; do
        [ -n "${TARGET[$page]:-}" ] || { echo "ONLY: no page named $page (pages: ${PAGES[*]:1})" >&2; exit 1; }
    done
    read -r -a PAGES <<<"template $ONLY"
fi

step() { printf '\n== %s\n' "$*"; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# Connection strings may carry a password; never print it.
without_password() { sed -E 's/(^|;) *[Pp]assword=[^;]*//g' <<<"$1"; }

echo "load average at start: $(loadavg) on $(nproc) cores"

if ! command -v wrk >/dev/null; then
    step "installing wrk (Debian package)"
    if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get install -y wrk >/dev/null 2>&1 || { $SUDO apt-get update -qq && $SUDO apt-get install -y wrk >/dev/null; }
fi
for tool in dotnet curl awk sed openssl; do
    command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 1; }
done
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "RUNS must be a positive number" >&2; exit 1; }
for p in "$PORT" "$TEMPLATE_PORT"; do
    # Another server on the port would answer the health check and be measured instead.
    if port_in_use "$p"; then echo "port $p is in use; set PORT / TEMPLATE_PORT" >&2; exit 1; fi
done

DATA=$(mktemp -d "${TMPDIR:-/tmp}/marketplace-bench-XXXXXX")
APP_PID=""
TEMPLATE_PID=""
SAMPLER_PID=""
PGBIN=""
PGROOT=""
stop() { # pid
    if [ -n "$1" ] && kill -0 "$1" 2>/dev/null; then
        kill "$1" 2>/dev/null || true
        wait "$1" 2>/dev/null || true
    fi
}
cleanup() {
    stop "$SAMPLER_PID"
    stop "$APP_PID"
    stop "$TEMPLATE_PID"
    if [ -n "$PGROOT" ]; then
        "${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$PGROOT/data" -m fast -w stop >/dev/null 2>&1 || true
        if [ "$KEEP_DATA" != "1" ]; then rm -rf "$PGROOT"; fi
    fi
    if [ "$KEEP_DATA" = "1" ]; then echo "data kept in $DATA${PGROOT:+ and $PGROOT (cluster stopped)}"; else rm -rf "$DATA"; fi
}
trap cleanup EXIT

# --- PostgreSQL: a throwaway cluster as test.sh starts one (trust auth on 127.0.0.1, no fsync), or the one given.
if [ "$PG" = "1" ] && [ -z "$PG_CONNECTION" ]; then
    PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    [ -n "$PGBIN" ] && [ -x "$PGBIN/initdb" ] || { echo "PG=1 needs the PostgreSQL server (apt-get install postgresql)" >&2; exit 1; }
    if [ -z "$PG_PORT" ]; then
        PG_PORT=5433
        while port_in_use "$PG_PORT"; do
            PG_PORT=$((PG_PORT + 1))
            [ "$PG_PORT" -le 5533 ] || { echo "no free port for PostgreSQL between 5433 and 5533" >&2; exit 1; }
        done
    elif port_in_use "$PG_PORT"; then
        echo "PG_PORT $PG_PORT is in use" >&2; exit 1
    fi
    PGROOT=$(mktemp -d "${TMPDIR:-/tmp}/marketplace-bench-pg-XXXXXX")
    mkdir -p "$PGROOT/data" "$PGROOT/sock"
    if [ "$(id -u)" -eq 0 ]; then
        chown -R postgres:postgres "$PGROOT"
        AS_PG=(runuser -u postgres --)
    else
        AS_PG=()
    fi
    chmod 700 "$PGROOT/data"
    step "starting a throwaway PostgreSQL ($PGBIN) on 127.0.0.1:$PG_PORT"
    "${AS_PG[@]}" "$PGBIN/initdb" -D "$PGROOT/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$PGROOT/initdb.log" 2>&1 \
        || { cat "$PGROOT/initdb.log" >&2; exit 1; }
    "${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/pg.log" -w \
        -o "-p $PG_PORT -k $PGROOT/sock -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null \
        || { cat "$PGROOT/pg.log" >&2; exit 1; }
    PG_CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=marketplace_bench"
fi
if [ -n "$PG_CONNECTION" ]; then
    DB_SWITCHES=(--Database:Provider=Postgres "--ConnectionStrings:Postgres=$PG_CONNECTION")
    DATABASE="PostgreSQL ($(without_password "$PG_CONNECTION"))"
else
    DB_SWITCHES=()
    DATABASE="SQLite ($DATA/marketplace.db)"
fi
echo "database: $DATABASE"

step "1. building the app and the seeder in Release, and the framework's template page (dotnet new webapp)"
dotnet build -c Release -nologo -v q "$ROOT/src/Marketplace.Web/Marketplace.Web.csproj"
dotnet build -c Release -nologo -v q "$ROOT/bench/Marketplace.Bench.Seed/Marketplace.Bench.Seed.csproj"
# Outside the repository, so none of its Directory.*.props (analysers, central packages) apply: the plain template.
TEMPLATE_DIR="$DATA/template"
dotnet new webapp --no-https -n TemplatePage -o "$TEMPLATE_DIR" >"$DATA/template-new.log" 2>&1 \
    || { cat "$DATA/template-new.log" >&2; exit 1; }
dotnet build -c Release -nologo -v q "$TEMPLATE_DIR/TemplatePage.csproj"

step "2. seeding $TOWNS towns x $LISTINGS_PER_TOWN listings into $DATABASE"
dotnet "$ROOT/bench/Marketplace.Bench.Seed/bin/Release/net10.0/Marketplace.Bench.Seed.dll" \
    "$DATA" "$TOWNS" "$LISTINGS_PER_TOWN" "$TOWN" "${DB_SWITCHES[@]}" | grep -v '^town[0-9]*: ' || true
[ -f "$DATA/bench.env" ] || { echo "seeding failed" >&2; exit 1; }
# shellcheck disable=SC1091
source "$DATA/bench.env"

step "3. starting the app ($BENCH_ENVIRONMENT) on http://127.0.0.1:$PORT and the template page on http://127.0.0.1:$TEMPLATE_PORT"
mkdir -p "$DATA/mail"
# Outside Development the app refuses to start without a certificate for its key ring: a throwaway one.
openssl req -x509 -newkey rsa:2048 -sha256 -days 30 -nodes -subj "/CN=marketplace-bench" \
    -keyout "$DATA/keyring.key" -out "$DATA/keyring.crt" >/dev/null 2>&1
(
    cd "$ROOT/src/Marketplace.Web"
    ASPNETCORE_ENVIRONMENT=$BENCH_ENVIRONMENT exec dotnet bin/Release/net10.0/Marketplace.Web.dll \
        --urls "http://127.0.0.1:$PORT" \
        "--Database:DataFolder=$DATA" \
        "${DB_SWITCHES[@]}" \
        --Tenancy:BaseDomain=localhost \
        "--Mail:PickupFolder=$DATA/mail" \
        --DemoData:Enabled=false \
        --Hangfire:ServerEnabled=false \
        "--DataProtection:CertificatePath=$DATA/keyring.crt" \
        "--DataProtection:CertificateKeyPath=$DATA/keyring.key"
) >"$DATA/app.log" 2>&1 &
APP_PID=$!
(
    cd "$TEMPLATE_DIR"
    ASPNETCORE_ENVIRONMENT=$BENCH_ENVIRONMENT exec dotnet bin/Release/net10.0/TemplatePage.dll --urls "http://127.0.0.1:$TEMPLATE_PORT"
) >"$DATA/template.log" 2>&1 &
TEMPLATE_PID=$!
wait_for() { # name pid url log
    for _ in $(seq 1 180); do
        curl -sf -o /dev/null "$3" && return 0
        kill -0 "$2" 2>/dev/null || { echo "$1 exited:" >&2; tail -50 "$4" >&2; exit 1; }
        sleep 0.5
    done
    echo "$1 did not answer $3" >&2; tail -50 "$4" >&2; exit 1
}
wait_for "the app" "$APP_PID" "http://127.0.0.1:$PORT/healthz" "$DATA/app.log"
wait_for "the template page" "$TEMPLATE_PID" "http://127.0.0.1:$TEMPLATE_PORT/" "$DATA/template.log"

APP="http://127.0.0.1:$PORT"
TOWN_HOST="$TOWN.localhost"
declare -A URL=(
    [template]="http://127.0.0.1:$TEMPLATE_PORT/"
    [content]="$APP/p/imprint"
    [home]="$APP/"
    [listings]="$APP/listings"
    [search]="$APP/listings?q=$QUERY&type=Offer&district=$BENCH_DISTRICT_ID"
    [details]="$APP/listings/$BENCH_LISTING_ID"
    [me]="$APP/me"
    # Issue 15: the catalogue with filters over 2,000 runs, and the office's occupancy overview of all of them.
    [courses]="$APP/courses?kind=LanguageCourse&daypart=Evening&seats=true"
    [office]="$APP/coordination/courses"
    # Issue 16: the public ledger of 200 projects and 50,000 expenses, and the office's expense queue over them.
    [transparency]="$APP/transparency"
    [expenses]="$APP/coordination/budgets/expenses"
    # Issue 17: the public gap matrix of the last complete week and the office's matrix of this week, over two years of
    # facts of 100,000 listings.
    [gaps]="$APP/gaps"
    [gapoffice]="$APP/coordination/gaps"
)
declare -A HOST_OF=([template]="127.0.0.1:$TEMPLATE_PORT")
declare -A LABEL=([template]="/ (dotnet new webapp)" [me]="/me as $BENCH_MEMBER" [office]="/coordination/courses as $BENCH_COORDINATOR" [expenses]="/coordination/budgets/expenses as $BENCH_COORDINATOR" [gapoffice]="/coordination/gaps as $BENCH_COORDINATOR")
# The pages read by a signed-in account, and whose.
declare -A LOGIN_OF=([me]="$BENCH_MEMBER" [office]="$BENCH_COORDINATOR" [expenses]="$BENCH_COORDINATOR" [gapoffice]="$BENCH_COORDINATOR")
declare -A PASSWORD_OF=([me]="$BENCH_MEMBER_PASSWORD" [office]="$BENCH_COORDINATOR_PASSWORD" [expenses]="$BENCH_COORDINATOR_PASSWORD"
    [gapoffice]="$BENCH_COORDINATOR_PASSWORD")
for page in "${PAGES[@]}"; do
    HOST_OF[$page]=${HOST_OF[$page]:-$TOWN_HOST}
    LABEL[$page]=${LABEL[$page]:-${URL[$page]#"$APP"}}
done

# --- Logging in as a browser does: the login form with its antiforgery token and cookie, then the POST.
# Cookies are read from the headers, not with curl's jar: outside Development they are marked Secure and the bench
# speaks plain HTTP.
set_cookies() { # headers file -> "name=value" per line, without the ones being deleted
    sed -n 's/^[Ss]et-[Cc]ookie: *\([^;]*\).*/\1/p' "$1" | tr -d '\r' | grep -v '=$' || true
}
login() { # [page] -> the Cookie header value of the session of the page's reader (default: the member) on stdout
    local get="$DATA/login-get" post="$DATA/login-post" token cookies status
    local user=${LOGIN_OF[${1:-me}]} password=${PASSWORD_OF[${1:-me}]}
    curl -s -D "$get.headers" -o "$get.html" -H "Host: $TOWN_HOST" "$APP/account/login"
    token=$(tr '\n' ' ' <"$get.html" | sed -n 's/.*name="__RequestVerificationToken"[^>]*value="\([^"]*\)".*/\1/p')
    [ -n "$token" ] || { echo "no antiforgery token on the login page" >&2; return 1; }
    cookies=$(set_cookies "$get.headers" | paste -sd ';' | sed 's/;/; /g')
    status=$(curl -s -D "$post.headers" -o "$post.html" -w '%{http_code}' -H "Host: $TOWN_HOST" -H "Cookie: $cookies" \
        --data-urlencode "Input.Login=$user" --data-urlencode "Input.Password=$password" \
        --data-urlencode "__RequestVerificationToken=$token" "$APP/account/login")
    [ "$status" = "302" ] || { echo "login as $user answered $status, not a redirect; see $post.html" >&2; return 1; }
    # The browser keeps the antiforgery cookie and adds the session (mp.auth, or its chunks when it is long).
    { set_cookies "$get.headers"; set_cookies "$post.headers"; } | paste -sd ';' | sed 's/;/; /g'
}
# Proves the cookie opens the member's own page: 200, not the login redirect, with its listings and conversations.
check_me() { # cookie
    local status listings conversations
    status=$(curl -s -o "$DATA/me.html" -w '%{http_code}' -H "Host: $TOWN_HOST" -H "Cookie: $1" "${URL[me]}")
    listings=$({ grep -o 'data-testid="my-listing"' "$DATA/me.html" || true; } | wc -l)
    conversations=$({ grep -o 'data-testid="conversation-row"' "$DATA/me.html" || true; } | wc -l)
    ME_CHECK="GET /me as $BENCH_MEMBER -> $status, $listings listings, $conversations conversations"
    [ "$status" = "200" ] && [ "$listings" -gt 0 ] && [ "$conversations" -gt 0 ]
}

step "4. every page answers 200 (Host: $TOWN_HOST; the template page on its own port)"
COOKIE=$(login) || { KEEP_DATA=1; exit 1; }
OFFICE_COOKIE=$(login office) || { KEEP_DATA=1; exit 1; }
for page in "${PAGES[@]}"; do
    extra=()
    [ "$page" = "me" ] && extra=(-H "Cookie: $COOKIE")
    [ "${LOGIN_OF[$page]:-}" = "$BENCH_COORDINATOR" ] && extra=(-H "Cookie: $OFFICE_COOKIE")
    status=$(curl -s -o /dev/null -w '%{http_code}' -H "Host: ${HOST_OF[$page]}" "${extra[@]}" "${URL[$page]}")
    printf '%-9s GET %s -> %s\n' "$page" "${URL[$page]}" "$status"
    case "$status" in
        200) ;;
        30[1278])
            location=$(curl -s -o /dev/null -w '%{redirect_url}' -H "Host: ${HOST_OF[$page]}" "${extra[@]}" "${URL[$page]}")
            echo "A redirect ($status) to $location: wrk would measure redirects. HTTPS redirection active in $BENCH_ENVIRONMENT," >&2
            echo "or (for /me) the login cookie not accepted." >&2
            exit 3 ;;
        *) echo "$page answers $status; see $DATA/app.log" >&2; KEEP_DATA=1; exit 1 ;;
    esac
done
check_me "$COOKIE" || { echo "$ME_CHECK: the cookie does not give the member's page" >&2; KEEP_DATA=1; exit 1; }
echo "$ME_CHECK"

# Issue 17: a page that renders from the aggregates on a miss must still do so in under 300 ms. Each request below
# misses every kept answer: the office page for each of the last 26 weeks, the public page in each language.
median_ms() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) { print "-"; exit } m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.0f", m * 1000 }'; }
if [ -n "${URL[gapoffice]:-}" ] && [[ " ${PAGES[*]} " == *" gapoffice "* || " ${PAGES[*]} " == *" gaps "* ]]; then
    for weeks_back in $(seq 1 26); do
        monday=$(date -u -d "last monday -$((weeks_back * 7)) days" +%F)
        curl -s -o /dev/null -w '%{time_total}\n' -H "Host: $TOWN_HOST" -H "Cookie: $OFFICE_COOKIE" "${URL[gapoffice]}?week=$monday"
    done >"$DATA/cold-gapoffice.txt"
    for culture in de en ar fa uk; do
        curl -s -o /dev/null -w '%{time_total}\n' -H "Host: $TOWN_HOST" -H "Cookie: .AspNetCore.Culture=c=$culture|uic=$culture" "${URL[gaps]}"
    done >"$DATA/cold-gaps.txt"
    GAP_COLD="first render (no kept answer): /coordination/gaps median $(median_ms <"$DATA/cold-gapoffice.txt") ms over 26 weeks, /gaps median $(median_ms <"$DATA/cold-gaps.txt") ms over 5 languages (bar: under 300 ms)"
    echo "$GAP_COLD"
    [ -n "${BENCH_GAP_REBUILD_SECONDS:-}" ] && echo "rebuild of $BENCH_TOWN's weekly aggregates from $BENCH_GAP_FACTS facts: $BENCH_GAP_REBUILD_SECONDS s (bar: under 10 s)"
fi

duration_seconds() { awk -v d="$1" 'BEGIN { n = d + 0; if (d ~ /m$/) n *= 60; else if (d ~ /h$/) n *= 3600; printf "%d", n }'; }
if [ "$(duration_seconds "$DURATION")" -gt 55 ]; then
    echo "NOTE: the session cookie is re-issued a minute after login (SessionStampValidator), which wrk cannot take up;"
    echo "      with DURATION=$DURATION the later /me requests each pay for a re-issue a browser would pay once a minute."
fi

# The app's resident memory, sampled each second while measuring; VmHWM is the kernel's peak over its whole life.
rss_mb() { awk -v k="$2:" '$1 == k { printf "%d", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo 0; }
( while kill -0 "$APP_PID" 2>/dev/null; do echo "$(rss_mb "$APP_PID" VmRSS)" >>"$DATA/rss.txt"; sleep 1; done ) &
SAMPLER_PID=$!

# wrk prints latencies with units (us, ms, s); normalise to milliseconds.
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /[0-9]s$/ && v !~ /ms$/) n *= 1000; else if (v ~ /m$/) n *= 60000; printf "%.2f", n }'; }
wrk_field() { awk -v k="$2" '$1 == k { print $2; exit }' "$1"; }

RESULTS="$DATA/results.tsv"
: >"$RESULTS"
measure() { # run page
    local run=$1 page=$2 out="$DATA/wrk-$1-$2.txt" load cookie="" rps p50 p99 non2xx errors
    local -a headers=(-H "Host: ${HOST_OF[$page]}")
    load=$(loadavg)
    printf '%-9s load average before: %s; ' "$page" "$load"
    if [ -n "${LOGIN_OF[$page]:-}" ]; then
        # A fresh session for the warm-up and another for the measurement, so neither outlives the minute after
        # which every request would re-issue the cookie.
        cookie=$(login "$page") || exit 1
        wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "${headers[@]}" -H "Cookie: $cookie" "${URL[$page]}" >/dev/null
        cookie=$(login "$page") || exit 1
        headers+=(-H "Cookie: $cookie")
    else
        wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "${headers[@]}" "${URL[$page]}" >/dev/null
    fi
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${headers[@]}" "${URL[$page]}" >"$out"
    rps=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
    p50=$(to_ms "$(wrk_field "$out" 50%)")
    p99=$(to_ms "$(wrk_field "$out" 99%)")
    non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $5 }' "$out")
    errors=$(awk '/Socket errors:/ { sub(/^ *Socket errors: */, ""); gsub(/ /, ""); print }' "$out")
    printf '%s req/s, p50 %s ms, p99 %s ms%s; app RSS %s MB\n' "$rps" "$p50" "$p99" \
        "${non2xx:+, $non2xx non-2xx}${errors:+, socket errors $errors}" "$(rss_mb "$APP_PID" VmRSS)"
    if [ "$page" = "me" ] && ! check_me "$cookie"; then
        # wrk counts redirects as successes; a session that ended mid-run would have measured the login redirect.
        echo "the member's cookie stopped working during the run ($ME_CHECK); the /me figures are not the member's page" >&2
        non2xx=${non2xx:-0}
        non2xx="$non2xx+session"
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$run" "$page" "$rps" "$p50" "$p99" "${non2xx:-0}" "${errors:--}" "${load%% *}" \
        "${LABEL[$page]}" >>"$RESULTS"
}

# One table per run: each page against the template page of the same run, with its verdict.
report_run() { # run -> prints the table, returns 1 when a page missed its target
    awk -F'\t' -v run="$1" -v factor="$P99_LIMIT_FACTOR" -v targets="$(for p in "${!TARGET[@]}"; do printf '%s=%s ' "$p" "${TARGET[$p]}"; done)" '
    BEGIN { n = split(targets, t, " "); for (i = 1; i <= n; i++) { split(t[i], kv, "="); target[kv[1]] = kv[2] } }
    $1 == run { order[++count] = $2; rps[$2] = $3; p50[$2] = $4; p99[$2] = $5; non2xx[$2] = $6; load[$2] = $8; path[$2] = $9 }
    END {
        printf "%-9s %-44s %8s %7s %7s %7s %7s %7s %6s %5s  %s\n", "page", "path", "req/s", "p50 ms", "p99 ms", "p99/p50", "non-2xx", "ratio", "target", "load", "result"
        failed = 0; base = rps["template"]
        for (i = 1; i <= count; i++) {
            pg = order[i]; ratio = base > 0 ? 100 * rps[pg] / base : 0
            verdict = "-"
            if (pg in target) {
                why = ""
                if (ratio < target[pg]) why = why " ratio"
                if (p99[pg] >= factor * p50[pg]) why = why " p99"
                if (non2xx[pg] != "0") why = why " non-2xx"
                verdict = why == "" ? "PASS" : "FAIL (" substr(why, 2) ")"
                if (why != "") failed = 1
            }
            printf "%-9s %-44s %8.0f %7.2f %7.2f %7.1f %7s %6.1f%% %6s %5s  %s\n", pg, substr(path[pg], 1, 44), rps[pg], p50[pg], p99[pg],
                (p50[pg] > 0 ? p99[pg] / p50[pg] : 0), non2xx[pg], ratio, (pg in target) ? ">=" target[pg] "%" : "", load[pg], verdict
        }
        exit failed
    }' "$RESULTS"
}

step "5. measuring: wrk $THREADS threads, $CONNECTIONS connections, warm-up $WARMUP then $DURATION per page; $RUNS run(s)"
echo "database: $DATABASE; $BENCH_LISTINGS listings in $TOWNS towns; Host $TOWN_HOST"
FAILED_RUNS=0
for run in $(seq 1 "$RUNS"); do
    step "run $run/$RUNS (load average $(loadavg))"
    for page in "${PAGES[@]}"; do measure "$run" "$page"; done
    echo
    report_run "$run" || FAILED_RUNS=$((FAILED_RUNS + 1))
done
stop "$SAMPLER_PID"
SAMPLER_PID=""

if [ "$RUNS" -gt 1 ]; then
    step "spread over $RUNS runs: ratio to the template page of the same run (min / median / max)"
    awk -F'\t' '
    $2 == "template" { base[$1] = $3 }
    { rows[NR] = $0 }
    END {
        for (r = 1; r <= NR; r++) {
            split(rows[r], f, "\t"); pg = f[2]
            if (!(pg in seen)) { seen[pg] = 1; order[++count] = pg }
            n[pg]++; ratio[pg, n[pg]] = base[f[1]] > 0 ? 100 * f[3] / base[f[1]] : 0; rps[pg, n[pg]] = f[3]
        }
        printf "%-9s %9s %7s %7s %10s %7s %7s\n", "page", "req/s min", "median", "max", "ratio min", "median", "max"
        for (i = 1; i <= count; i++) {
            pg = order[i]; m = n[pg]
            for (a = 1; a <= m; a++) { x[a] = ratio[pg, a]; y[a] = rps[pg, a] }
            for (a = 1; a <= m; a++) for (b = a + 1; b <= m; b++) { if (x[b] < x[a]) { t = x[a]; x[a] = x[b]; x[b] = t } if (y[b] < y[a]) { t = y[a]; y[a] = y[b]; y[b] = t } }
            med = (m % 2) ? x[(m + 1) / 2] : (x[m / 2] + x[m / 2 + 1]) / 2
            medr = (m % 2) ? y[(m + 1) / 2] : (y[m / 2] + y[m / 2 + 1]) / 2
            printf "%-9s %9.0f %7.0f %7.0f %9.1f%% %6.1f%% %6.1f%%\n", pg, y[1], medr, y[m], x[1], med, x[m]
        }
    }' "$RESULTS"
fi

RSS_MAX=$(sort -n "$DATA/rss.txt" | tail -n 1)
RSS_PEAK=$(rss_mb "$APP_PID" VmHWM)
step "result ($DATABASE, $BENCH_ENVIRONMENT, wrk -t$THREADS -c$CONNECTIONS, $WARMUP + $DURATION)"
# The kernel records its high-water mark only at some points (unmapping, exit), so a sample may exceed it: the larger counts.
RSS_CHECKED=$((RSS_MAX > RSS_PEAK ? RSS_MAX : RSS_PEAK))
if [ "$RSS_CHECKED" -lt "$MEMORY_LIMIT_MB" ]; then MEMORY_VERDICT=PASS; else MEMORY_VERDICT=FAIL; fi
echo "app memory: max RSS while measuring $RSS_MAX MB, peak (VmHWM) $RSS_PEAK MB (target < $MEMORY_LIMIT_MB MB): $MEMORY_VERDICT"
[ -n "${GAP_COLD:-}" ] && echo "$GAP_COLD; rebuild ${BENCH_GAP_REBUILD_SECONDS:-?} s (bar 10 s)"
echo "runs meeting every page target: $((RUNS - FAILED_RUNS))/$RUNS; load average now: $(loadavg) on $(nproc) cores"
if [ "$FAILED_RUNS" -eq 0 ] && [ "$MEMORY_VERDICT" = PASS ]; then
    echo "overall: PASS"
else
    echo "overall: FAIL"
    exit 2
fi
