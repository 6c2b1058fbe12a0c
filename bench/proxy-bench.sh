#!/usr/bin/env bash
# Benchmark of the proxy route (issue 10): the same small GET sent
#   1. straight to a loopback upstream (nginx serving a 1 KB JSON file),
#   2. through nginx as a plain reverse proxy (keep-alive upstream connections),
#   3. through Patchbay's ANY /api/v1/connectors/{connector}/proxy/{path},
# with wrk at 32 connections, in one run, so the three figures share the machine's state.
#
# Usage (from the repository root):
#   bench/proxy-bench.sh
# Settings (environment):
#   WARMUP=15s DURATION=30s CONNECTIONS=32 THREADS=2   wrk's runs (a warm-up, then the measured run)
#   JAVA_OPTS="..."                                     extra JVM options for Patchbay, e.g.
#                                                       -XX:StartFlightRecording=filename=/tmp/pb.jfr
#   JAR=target/patchbay.jar                             the jar to measure (built when it is missing)
#   KEEP=1                                              keep the temporary directory (logs, data)
#   HOLD=1                                              set everything up, print the URLs and wait
#                                                       (Ctrl+C ends it) instead of running wrk
# Needs Linux, a JDK 17+, and nginx and wrk (installed with apt-get when missing, if run as root).
set -euo pipefail

WARMUP=${WARMUP:-15s}
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
JAVA_OPTS=${JAVA_OPTS:-}

cd "$(dirname "$0")/.."

need() {
    command -v "$1" >/dev/null 2>&1 && return
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "Installing $2 ..." >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" >/dev/null \
            || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" >/dev/null; }
    else
        echo "$1 is missing: install $2 (apt-get install $2)" >&2
        exit 1
    fi
}
need nginx nginx
need wrk wrk
need curl curl
need jq jq

JAR=${JAR:-target/patchbay.jar}
if [ ! -f "$JAR" ]; then
    echo "Building $JAR ..." >&2
    ./mvnw -q -B -DskipTests package
fi

WORK=$(mktemp -d /tmp/proxy-bench.XXXXXX)
NGINX_PID=
PATCHBAY_PID=
cleanup() {
    [ -n "$PATCHBAY_PID" ] && kill "$PATCHBAY_PID" 2>/dev/null && wait "$PATCHBAY_PID" 2>/dev/null || true
    [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
    if [ "${KEEP:-0}" = 1 ]; then echo "Kept $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# A port nobody listens on now; the small race with other programs is acceptable for a benchmark.
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
        || shuf -i 20000-60000 -n 1
}

wait_for() { # url, seconds, [header]
    local deadline=$((SECONDS + $2))
    until curl -fs -o /dev/null ${3:+-H "$3"} "$1"; do
        if [ $SECONDS -ge $deadline ]; then echo "Timed out waiting for $1" >&2; return 1; fi
        sleep 1
    done
}

UPSTREAM_PORT=$(free_port)
PROXY_PORT=$(free_port)
PATCHBAY_PORT=$(free_port)

# --- nginx: the upstream (port A) and the reverse proxy in front of it (port B) ---------------------
mkdir -p "$WORK/nginx/html" "$WORK/nginx/logs"
chmod 755 "$WORK" # nginx's workers run as an unprivileged user when started as root
# A small, fixed JSON answer (~1 KB), like a page of a third-party API.
{
    printf '{"data":['
    for i in $(seq 1 8); do
        [ "$i" -gt 1 ] && printf ','
        printf '{"id":%d,"number":"SO-%05d","status":"shipped","total":"%d.95","currency":"GBP","updated_at":"2026-11-23T10:%02d:00Z"}' "$i" "$i" "$((i * 10))" "$i"
    done
    printf '],"meta":{"page":1,"per_page":8}}\n'
} > "$WORK/nginx/html/orders.json"

cat > "$WORK/nginx/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    default_type application/json;
    keepalive_requests 1000000;
    client_body_temp_path $WORK/nginx/tmp;
    proxy_temp_path $WORK/nginx/tmp;
    fastcgi_temp_path $WORK/nginx/tmp;
    uwsgi_temp_path $WORK/nginx/tmp;
    scgi_temp_path $WORK/nginx/tmp;
    upstream backend {
        server 127.0.0.1:$UPSTREAM_PORT;
        keepalive 64;
    }
    server {                      # the upstream: a fixed file
        listen 127.0.0.1:$UPSTREAM_PORT;
        root $WORK/nginx/html;
    }
    server {                      # a plain reverse proxy to it
        listen 127.0.0.1:$PROXY_PORT;
        location / {
            proxy_pass http://backend;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
        }
    }
}
CONF
mkdir -p "$WORK/nginx/tmp"
nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" &
NGINX_PID=$!
wait_for "http://127.0.0.1:$UPSTREAM_PORT/orders.json" 10
wait_for "http://127.0.0.1:$PROXY_PORT/orders.json" 10

# --- Patchbay on a fresh data directory -------------------------------------------------------------
KEY="pb_bench_$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
PLATFORM_KEY="pb_platform_$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
# shellcheck disable=SC2086
java $JAVA_OPTS -jar "$JAR" \
    --server.port="$PATCHBAY_PORT" \
    --patchbay.data-dir="$WORK/data" \
    --patchbay.bootstrap.admin-email=bench@demo.patchbay.local \
    --patchbay.bootstrap.admin-password="$(head -c 18 /dev/urandom | base64)" \
    --patchbay.bootstrap.api-key="$KEY" \
    --patchbay.bootstrap.platform-api-key="$PLATFORM_KEY" \
    --patchbay.outbound.allowed-networks=127.0.0.1/32 \
    > "$WORK/patchbay.log" 2>&1 &
PATCHBAY_PID=$!
if ! wait_for "http://127.0.0.1:$PATCHBAY_PORT/actuator/health" 240; then
    tail -n 50 "$WORK/patchbay.log" >&2
    exit 1
fi

API="http://127.0.0.1:$PATCHBAY_PORT/api/v1"
IMPLEMENTATION=$(curl -fsS -H "Authorization: $KEY" "$API/authentication-implementations?limit=100" \
    | jq -r '[.data[] | select(.name == "No auth" and ((.system.name // .system_name // "REST API") == "REST API"))][0].id')
if [ -z "$IMPLEMENTATION" ] || [ "$IMPLEMENTATION" = null ]; then
    echo "The demo company has no REST API \"No auth\" implementation" >&2
    exit 1
fi
CONNECTOR=$(curl -fsS -H "Authorization: $KEY" -H 'Content-Type: application/json' "$API/connectors" -d @- <<JSON | jq -r '.data.id'
{"name": "Benchmark upstream", "authentication_implementation_id": $IMPLEMENTATION,
 "timezone": "UTC", "date_format": "Y-m-d H:i:s", "rate_limit_unit": "second", "rate_limit_duration": 1,
 "variables": [{"key": "base_url", "value": "http://127.0.0.1:$UPSTREAM_PORT", "label": "Base URL"},
               {"key": "test_path", "value": "/orders.json", "label": "Test path"}]}
JSON
)
PROXIED="$API/connectors/$CONNECTOR/proxy/orders.json"
# The proxy answers exactly what the upstream answers.
if ! curl -fsS -H "Authorization: $KEY" "$PROXIED" | cmp -s - "$WORK/nginx/html/orders.json"; then
    echo "The proxy route does not answer the upstream's body" >&2
    exit 1
fi

if [ "${HOLD:-0}" = 1 ]; then
    echo "upstream:  http://127.0.0.1:$UPSTREAM_PORT/orders.json"
    echo "nginx:     http://127.0.0.1:$PROXY_PORT/orders.json"
    echo "patchbay:  $PROXIED  (header Authorization: $KEY, pid $PATCHBAY_PID, files in $WORK)"
    wait "$PATCHBAY_PID"
    exit 0
fi

# --- wrk ----------------------------------------------------------------------------------------------
to_ms() { # wrk's "1.23ms" / "456.00us" / "1.02s" -> milliseconds
    awk -v v="$1" 'BEGIN {
        n = v + 0
        if (v ~ /us$/) n = n / 1000; else if (v ~ /ms$/) n = n; else if (v ~ /m$/) n = n * 60000; else if (v ~ /s$/) n = n * 1000
        printf "%.3f", n }'
}

# CPU time (ms) used so far by Patchbay: its JVM, and its embedded PostgreSQL (which pg_ctl detaches,
# so it is found by its data directory under $WORK), each with all their descendants.
cpu_ms() {
    python3 - "$1" "$WORK" <<'PY'
import os, sys
tick = os.sysconf("SC_CLK_TCK")
stats = {}
for pid in filter(str.isdigit, os.listdir("/proc")):
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        stats[int(pid)] = (int(fields[1]), int(fields[11]) + int(fields[12]))  # ppid, utime + stime
    except OSError:
        pass
def total(pid):
    return stats.get(pid, (0, 0))[1] + sum(total(c) for c, (ppid, _) in stats.items() if ppid == pid)
marked = {int(sys.argv[1])}
for pid in stats:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            if (sys.argv[2] + "/data").encode() in f.read():
                marked.add(pid)
    except OSError:
        pass
def has_marked_ancestor(pid):
    parent = stats.get(pid, (0, 0))[0]
    return parent > 1 and (parent in marked or has_marked_ancestor(parent))
roots = [pid for pid in marked if not has_marked_ancestor(pid)]
print(sum(total(pid) for pid in roots) * 1000 // tick)
PY
}

declare -A P50 P99 RPS ERRORS CPU
run() { # name, url, [header]
    local name=$1 url=$2 header=${3:-}
    echo "== $name: warm-up $WARMUP" >&2
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" ${header:+-H "$header"} "$url" > /dev/null
    echo "== $name: measuring $DURATION" >&2
    local cpu_before
    cpu_before=$(cpu_ms "$PATCHBAY_PID")
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency ${header:+-H "$header"} "$url" > "$WORK/wrk-$name.txt"
    CPU[$name]=$(( $(cpu_ms "$PATCHBAY_PID") - cpu_before ))
    cat "$WORK/wrk-$name.txt" >&2
    P50[$name]=$(to_ms "$(awk '$1 == "50%" {print $2}' "$WORK/wrk-$name.txt")")
    P99[$name]=$(to_ms "$(awk '$1 == "99%" {print $2}' "$WORK/wrk-$name.txt")")
    RPS[$name]=$(awk '$1 == "Requests/sec:" {print $2}' "$WORK/wrk-$name.txt")
    ERRORS[$name]=$(awk '/Non-2xx or 3xx responses:/ {n += $NF} /Socket errors:/ {gsub(",", ""); n += $4 + $6 + $8 + $10} END {print n + 0}' "$WORK/wrk-$name.txt")
}

run direct "http://127.0.0.1:$UPSTREAM_PORT/orders.json"
run nginx "http://127.0.0.1:$PROXY_PORT/orders.json"
run patchbay "$PROXIED" "Authorization: $KEY"

echo
echo "Proxy benchmark: $CONNECTIONS connections, $THREADS wrk threads, ${DURATION} measured after ${WARMUP} warm-up, $(nproc) cores"
echo
printf '| %-26s | %9s | %9s | %9s | %6s |\n' "Route" "p50 (ms)" "p99 (ms)" "req/s" "errors"
printf '|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..28})" "-----------" "-----------" "-----------" "--------"
for name in direct nginx patchbay; do
    case $name in
        direct) label="upstream, direct" ;;
        nginx) label="nginx reverse proxy" ;;
        patchbay) label="Patchbay proxy route" ;;
    esac
    printf '| %-26s | %9s | %9s | %9.0f | %6s |\n' "$label" "${P50[$name]}" "${P99[$name]}" "${RPS[$name]}" "${ERRORS[$name]}"
done
echo
REQUESTS=$(awk '/requests in/ {print $1}' "$WORK/wrk-patchbay.txt")
awk -v cpu="${CPU[patchbay]}" -v n="$REQUESTS" 'BEGIN {
    printf "Patchbay CPU (JVM + its PostgreSQL) per proxied request: %.2f ms (%d ms for %d requests)\n", cpu / n, cpu, n }'
awk -v p="${RPS[patchbay]}" -v n="${RPS[nginx]}" -v pp="${P50[patchbay]}" -v dp="${P50[direct]}" 'BEGIN {
    ratio = p / n; added = pp - dp
    printf "Patchbay throughput / nginx throughput: %.2f (goal >= 0.50)\n", ratio
    printf "Patchbay added p50 (Patchbay p50 - direct p50): %.3f ms (goal <= 1 ms)\n", added
    if (ratio < 0.5 || added > 1) print "Goal missed."; else print "Goal met." }'
