#!/usr/bin/env bash
# Read benchmark: Patchbay's two hot reads against nginx serving the very same bytes from a file.
#
#   bench/read-bench.sh
#
# Builds the jar if it is missing or older than the sources, starts Patchbay on a fresh data dir
# (bootstrap secrets given, a free loopback port), seeds 100 connectors with variables through the
# API, saves the exact bytes of
#   A  GET /api/v1/connectors                              (the first page: 15 rows, no includes)
#   B  GET /api/v1/connectors?per_page=100&include=<deepest> (100 rows, every leaf of the include graph)
# serves those bytes from nginx on another free loopback port, and runs wrk against both
# (2 threads, 8 connections, a warm-up run, then the measured run), then one connection for the
# latency of a single GET. It prints requests/s, latency and Patchbay's ratio to nginx.
#
# Environment (defaults are the figures in docs/performance.md):
#   BENCH_WARMUP=25s BENCH_DURATION=30s BENCH_NGINX_WARMUP=5s BENCH_SINGLE_DURATION=10s
#   BENCH_JAVA_OPTS=""          JVM options; empty = the README's first command (no options)
#   BENCH_JFR=/path/file.jfr    also record a JFR profile (settings=profile) of the whole run
#   BENCH_KEEP=1                keep the work directory (logs, response bytes) for a look afterwards
#   BENCH_JAR=/path/patchbay.jar  run this jar as it is (e.g. one built from an older commit) instead of building
#   BENCH_BASELINE_JAR=/path/old.jar  also run this jar (seeded alike) and measure it interleaved with the
#                               others, so that a busy neighbour's load falls on both alike (before/after)
#   BENCH_ROUNDS=1              measured runs per target, interleaved; the table shows their mean
#   BENCH_READS="list deep single"  which reads to measure (e.g. BENCH_READS=deep to profile the deep page alone)
# A quick run: BENCH_WARMUP=5s BENCH_DURATION=5s BENCH_NGINX_WARMUP=1s BENCH_SINGLE_DURATION=3s bench/read-bench.sh
set -euo pipefail

WARMUP=${BENCH_WARMUP:-25s}
DURATION=${BENCH_DURATION:-30s}
NGINX_WARMUP=${BENCH_NGINX_WARMUP:-5s}
SINGLE=${BENCH_SINGLE_DURATION:-10s}
JAVA_OPTS=${BENCH_JAVA_OPTS:-}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=${BENCH_JAR:-$ROOT/target/patchbay.jar}
KEY=pb_bench_demo_key_0123456789abcdef
DEEPEST=authenticationImplementation.authenticationType,authenticationImplementation.system.logo,authenticationImplementation.system.systemType,authenticationImplementation.endpoints.filters,authenticationImplementation.endpoints.endpointSchema,authenticationImplementation.endpoints.system.logo,authenticationImplementation.endpoints.entityType,authenticationImplementation.endpoints.fieldTags,authenticationImplementation.endpoints.variables,variables,certificate.user
LIST_PATH=/api/v1/connectors
DEEP_PATH="/api/v1/connectors?per_page=100&include=$DEEPEST"

need() { command -v "$1" >/dev/null 2>&1; }
if ! need nginx || ! need wrk; then
    echo "== installing nginx and wrk (apt)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx wrk >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
for tool in curl jq openssl python3 java; do need "$tool" || { echo "bench needs $tool" >&2; exit 1; }; done

if [ -z "${BENCH_JAR:-}" ] && { [ ! -f "$JAR" ] || [ -n "$(find "$ROOT/src/main" "$ROOT/pom.xml" -newer "$JAR" -print -quit)" ]; }; then
    echo "== building the jar"
    (cd "$ROOT" && ./mvnw -q -B -DskipTests package)
fi

WORK=$(mktemp -d /tmp/patchbay-bench.XXXXXX)
chmod 755 "$WORK"
APP_PID= NGINX_PID= BASE_PID=
cleanup() {
    [ -n "$BASE_PID" ] && { kill "$BASE_PID" 2>/dev/null; wait "$BASE_PID" 2>/dev/null; } || true
    [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
    [ -n "$APP_PID" ] && { kill "$APP_PID" 2>/dev/null; wait "$APP_PID" 2>/dev/null; } || true
    if [ -z "${BENCH_KEEP:-}" ]; then rm -rf "$WORK"; else echo "work directory kept: $WORK"; fi
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
APP_PORT=$(free_port)
NGINX_PORT=$(free_port)
APP=http://127.0.0.1:$APP_PORT
TARGET=$APP

start_app() { # jar port data-dir log [jvm extra...] -> pid in STARTED_PID
    local jar=$1 port=$2 dir=$3 log=$4; shift 4
    echo "== starting $jar on http://127.0.0.1:$port (JVM options: ${JAVA_OPTS:-none})"
    # shellcheck disable=SC2086
    java $JAVA_OPTS "$@" -jar "$jar" --server.port="$port" --server.address=127.0.0.1 \
        --patchbay.data-dir="$dir" --patchbay.public-url="http://127.0.0.1:$port" \
        --patchbay.bootstrap.api-key=$KEY \
        --patchbay.bootstrap.platform-api-key=pb_bench_platform_key_0123456789abcdef \
        --patchbay.bootstrap.admin-password=bench-admin-password >"$log" 2>&1 &
    STARTED_PID=$!
    for _ in $(seq 180); do
        curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && return 0
        kill -0 "$STARTED_PID" 2>/dev/null || { echo "Patchbay did not start:" >&2; tail -30 "$log" >&2; exit 1; }
        sleep 1
    done
    echo "Patchbay did not answer within 180 s" >&2; exit 1
}
JFR_OPT=()
[ -n "${BENCH_JFR:-}" ] && JFR_OPT=("-XX:StartFlightRecording=filename=$BENCH_JFR,settings=profile,dumponexit=true")
start_app "$JAR" "$APP_PORT" "$WORK/data" "$WORK/app.log" "${JFR_OPT[@]}"
APP_PID=$STARTED_PID
if [ -n "${BENCH_BASELINE_JAR:-}" ]; then
    BASE_PORT=$(free_port)
    BASE=http://127.0.0.1:$BASE_PORT
    start_app "$BENCH_BASELINE_JAR" "$BASE_PORT" "$WORK/baseline-data" "$WORK/baseline.log"
    BASE_PID=$STARTED_PID
fi

api() { # method path [body] -> body; fails on a non-2xx answer
    local out code
    out=$(curl -s -w '\n%{http_code}' -X "$1" -H "Authorization: $KEY" -H 'Content-Type: application/json' \
        "$TARGET$2" ${3:+-d "$3"})
    code=${out##*$'\n'}
    [[ $code == 2* ]] || { echo "$1 $2 answered $code: ${out%$'\n'*}" >&2; exit 1; }
    printf '%s' "${out%$'\n'*}"
}

seed() { # base-url: 100 connectors with variables through the API
TARGET=$1
# Creating a connector checks its credentials against its system, and only the built-in sandbox is
# reachable here: every connector calls it (45 with a client certificate, 25 plain, 30 through the
# generic REST API's "token in a header" method, whose four variables make the rows differ).
echo "== seeding $1 with 100 connectors with variables (45 sandbox with a certificate, 25 sandbox, 30 REST token header)"
[ -f "$WORK/cert.pem" ] || openssl req -x509 -newkey rsa:2048 -nodes -keyout "$WORK/key.pem" -out "$WORK/cert.pem" -days 30 \
    -subj /CN=bench.example.test 2>/dev/null
CERT=$(api POST /api/v1/certificates "$(jq -n --rawfile c "$WORK/cert.pem" --rawfile k "$WORK/key.pem" \
    '{certificate: ($c + $k), name: "Bench certificate"}')" | jq -r .data.id)
settings='"timezone":"Europe/London","date_format":"Y-m-d H:i:s","rate_limit_unit":"second","rate_limit_duration":2'
for i in $(seq 1 100); do
    if [ "$i" -le 45 ]; then
        body="{\"name\":\"Certified $i\",\"authentication_implementation_id\":1,$settings,\"certificate_id\":$CERT,\"variables\":[
            {\"key\":\"api_key\",\"value\":\"sandbox-demo-key\",\"label\":\"API key\"},{\"key\":\"base_url\",\"value\":\"$TARGET/sandbox\",\"label\":\"Base URL\"}]}"
    elif [ "$i" -le 70 ]; then
        body="{\"name\":\"Sandbox $i\",\"authentication_implementation_id\":1,$settings,\"variables\":[
            {\"key\":\"api_key\",\"value\":\"sandbox-demo-key\",\"label\":\"API key\"},{\"key\":\"base_url\",\"value\":\"$TARGET/sandbox\",\"label\":\"Base URL\"}]}"
    else
        body="{\"name\":\"Rest $i\",\"authentication_implementation_id\":5,$settings,\"variables\":[
            {\"key\":\"base_url\",\"value\":\"$TARGET/sandbox\",\"label\":\"Base URL\"},{\"key\":\"test_path\",\"value\":\"/ping\",\"label\":\"Test path\"},
            {\"key\":\"header_name\",\"value\":\"X-Api-Key\",\"label\":\"Header\"},{\"key\":\"token_prefix\",\"value\":\"\",\"label\":\"Prefix\"},
            {\"key\":\"token\",\"value\":\"sandbox-demo-key\",\"label\":\"Token\"}]}"
    fi
    api POST /api/v1/connectors "$body" >/dev/null
done

}
seed "$APP"
if [ -n "${BENCH_BASELINE_JAR:-}" ]; then
    seed "$BASE"
    curl -sf -H "Authorization: $KEY" "$BASE$LIST_PATH" -o "$WORK/baseline-list.json"
    curl -sf -H "Authorization: $KEY" "$BASE$DEEP_PATH" -o "$WORK/baseline-deep.json"
fi

curl -sf -H "Authorization: $KEY" "$APP$LIST_PATH" -o "$WORK/list.json"
curl -sf -H "Authorization: $KEY" "$APP$DEEP_PATH" -o "$WORK/deep.json"
[ "$(jq '.data | length' "$WORK/list.json")" = 15 ] || { echo "the list did not answer 15 rows" >&2; exit 1; }
[ "$(jq '.data | length' "$WORK/deep.json")" = 100 ] || { echo "the deep page did not answer 100 rows" >&2; exit 1; }
chmod 644 "$WORK"/*.json

cat >"$WORK/nginx.conf" <<CONF
worker_processes auto;
daemon off;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
    access_log off;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        location = /list.json { default_type application/json; alias $WORK/list.json; }
        location = /deep.json { default_type application/json; alias $WORK/deep.json; }
    }
}
CONF
"$NGINX" -p "$WORK" -e "$WORK/nginx-error.log" -c "$WORK/nginx.conf" &
NGINX_PID=$!
NGX=http://127.0.0.1:$NGINX_PORT
for _ in $(seq 50); do curl -sf "$NGX/list.json" -o /dev/null && break; sleep 0.1; done
cmp -s <(curl -sf "$NGX/list.json") "$WORK/list.json" && cmp -s <(curl -sf "$NGX/deep.json") "$WORK/deep.json" \
    || { echo "nginx does not serve the same bytes" >&2; exit 1; }

# wrk URL duration threads connections -> "req/s p50 p99" (latencies in ms); fails on any non-2xx answer
run_wrk() {
    local out
    out=$(wrk -t"$3" -c"$4" -d"$2" --timeout 30s --latency -H "Authorization: $KEY" "$1")
    if grep -q 'Non-2xx' <<<"$out" || grep -q 'Socket errors' <<<"$out"; then echo "$out" >&2; echo "errors in the wrk run" >&2; exit 1; fi
    awk 'function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
         /Requests\/sec/ { rps = $2 } $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) }
         END { printf "%.0f %.3f %.3f\n", rps, p50, p99 }' <<<"$out"
}

ROUNDS=${BENCH_ROUNDS:-1}
declare -A RESULT
add() { # key "rps p50 p99": sums over rounds
    local a b c x y z
    read -r a b c <<<"${RESULT[$1]:-0 0 0}"; read -r x y z <<<"$2"
    RESULT[$1]=$(awk -v a="$a" -v b="$b" -v c="$c" -v x="$x" -v y="$y" -v z="$z" 'BEGIN{printf "%s %s %s", a+x, b+y, c+z}')
}
TARGETS=(app)
[ -n "${BENCH_BASELINE_JAR:-}" ] && TARGETS+=(baseline)
url() { case $1 in app) echo "$APP";; baseline) echo "$BASE";; esac; }
measure() { # name path nginx-path threads connections warm-up
    local t
    echo "== $1: warm-up ($6 per Patchbay, $NGINX_WARMUP on nginx), then $ROUNDS round(s) of $DURATION each" >&2
    for t in "${TARGETS[@]}"; do run_wrk "$(url "$t")$2" "$6" "$4" "$5" >/dev/null; done
    run_wrk "$NGX$3" "$NGINX_WARMUP" "$4" "$5" >/dev/null
    for _ in $(seq "$ROUNDS"); do # interleaved, so that a neighbour's load falls on every target alike
        for t in "${TARGETS[@]}"; do add "$1.$t" "$(run_wrk "$(url "$t")$2" "$DURATION" "$4" "$5")"; done
        add "$1.nginx" "$(run_wrk "$NGX$3" "$DURATION" "$4" "$5")"
    done
}
READS=${BENCH_READS:-list deep single}
for name in $READS; do
    case $name in
        list) measure list "$LIST_PATH" /list.json 2 8 "$WARMUP" ;;
        deep) measure deep "$DEEP_PATH" /deep.json 2 8 "$WARMUP" ;;
        single) DURATION=$SINGLE measure single "$LIST_PATH" /list.json 1 1 "$NGINX_WARMUP" ;;
        *) echo "BENCH_READS: unknown read $name (list, deep, single)" >&2; exit 1 ;;
    esac
done

avg() { awk -v r="$ROUNDS" '{printf "%.0f %.3f %.3f", $1/r, $2/r, $3/r}' <<<"${RESULT[$1]}"; }
echo
echo "Patchbay vs nginx on the same bytes (list: $(wc -c <"$WORK/list.json") bytes, deep page: $(wc -c <"$WORK/deep.json") bytes;" \
    "mean of $ROUNDS round(s))"
printf '%-34s %-9s %10s %10s %8s %22s %22s\n' read target "r/s" "nginx r/s" ratio "p50 ms (pb / nginx)" "p99 ms (pb / nginx)"
for name in $READS; do
    read -r n_rps n_p50 n_p99 <<<"$(avg "$name.nginx")"
    case $name in
        list) label="GET /connectors (15, 2x8)" ;; deep) label="100 rows, deepest includes (2x8)" ;; *) label="GET /connectors (15, 1 conn)" ;;
    esac
    for t in "${TARGETS[@]}"; do
        read -r a_rps a_p50 a_p99 <<<"$(avg "$name.$t")"
        printf '%-34s %-9s %10s %10s %8s %22s %22s\n' "$label" "$t" "$a_rps" "$n_rps" \
            "$(awk -v a="$a_rps" -v n="$n_rps" 'BEGIN{printf "%.4f", a/n}')" "$a_p50 / $n_p50" "$a_p99 / $n_p99"
    done
done
