#!/usr/bin/env bash
# Rate-limit benchmark (issue 11): Patchbay's limiter against nginx's limit_req, on the same upstream,
# under the same load, in one run.
#
#   bench/limit-bench.sh              # one node (about 8 minutes once the jar is built; more on a busy machine)
#   bench/limit-bench.sh --nodes 2    # two nodes sharing one PostgreSQL and one Redis (redis-server)
#
# What it does:
#   1. starts a loopback upstream (bench/limit/LimitUpstream.java) that answers at once and logs the
#      arrival time of every request (µs, wall clock): windows are counted where the system sees them;
#   2. starts Patchbay from the jar (embedded PostgreSQL in a temporary data directory,
#      allowed-networks 127.0.0.1/32) and creates REST API "No auth" connectors on the upstream, whose
#      credential check passes: 10/second and 600/minute, a fresh one for each phase, plus one for the
#      warm-up; with --nodes 2, a redis-server and a second node on the first node's PostgreSQL, both
#      with patchbay.redis.url, and every load spread over the two nodes;
#   3. starts nginx with limit_req in front of the same upstream: rate=10r/s and rate=600r/m, each
#      with burst=N (the limit's amount), in the default (delay) mode and in nodelay mode, one zone per
#      location, limit_req_status 429;
#   4. warms every path up, then, with bench/limit/LimitLoad.java:
#      - a burst of N (10, then 600) sent at one instant to each target (the upstream directly, Patchbay,
#        nginx delay, nginx nodelay), each on an idle limit: the wait of each request is its arrival at
#        the upstream minus the moment the client sent it;
#      - saturation: CALLERS closed-loop callers per target, all targets at once, SECOND_SECONDS at
#        10/second, then MINUTE_WINDOWS minutes (+5 s) at 600/minute. Patchbay's callers send
#        "Prefer: wait=120" (a 600/minute queue waits up to a minute); a refused caller (429) retries
#        after BACKOFF_MS;
#   5. prints one table (bench/limit/LimitReport.java): the most starts in any window of one unit,
#      the windows that held more than the limit, the tightest span of N+1 consecutive starts, the share
#      of the allowed rate achieved over the whole windows of the saturation, and the burst's waits.
#
# Settings (environment):
#   SECOND_SECONDS=30   saturation at 10/second (30 windows)
#   MINUTE_WINDOWS=3    saturation at 600/minute, in windows
#   CALLERS=20          closed-loop callers per target during saturation (demand well above the limits)
#   BACKOFF_MS=50       pause of a refused caller before it retries
#   MINUTE_BURST=600    the burst sent to the 600/minute limits (at most 600: within the limit)
#   WARMUP_SECONDS=15   warm-up of every path (Patchbay's JIT above all) before anything is measured
#   UPSTREAM_IDLE_SECONDS=60  the upstream closes a connection on which no request came for this long
#                       (checked every 10 s), like nginx's client_header_timeout or a load balancer's
#                       idle timeout. A request queued in Patchbay holds its connection while it waits.
#   PATCHBAY_ARGS="..." extra arguments for every node, e.g. --patchbay.outbound.safety-margin=20ms
#   JAR=target/patchbay.jar   the jar to measure (built when missing or older than the sources)
#   KEEP=1              keep the work directory (logs of the upstream, the client, Patchbay, nginx)
# Needs Linux, a JDK 17+ (java and javac), nginx, curl, jq; redis-server for --nodes 2 (installed with
# apt-get when missing, if run as root).
set -euo pipefail

NODES=1
while [ $# -gt 0 ]; do
    case $1 in
        --nodes) NODES=$2; shift 2 ;;
        --nodes=*) NODES=${1#--nodes=}; shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
done
case $NODES in 1|2) ;; *) echo "--nodes is 1 or 2" >&2; exit 2 ;; esac

SECOND_SECONDS=${SECOND_SECONDS:-30}
MINUTE_WINDOWS=${MINUTE_WINDOWS:-3}
CALLERS=${CALLERS:-20}
BACKOFF_MS=${BACKOFF_MS:-50}
WARMUP_SECONDS=${WARMUP_SECONDS:-15}
MINUTE_BURST=${MINUTE_BURST:-600}
UPSTREAM_IDLE_SECONDS=${UPSTREAM_IDLE_SECONDS:-60}
PATCHBAY_ARGS=${PATCHBAY_ARGS:-}

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

need() { # command package
    command -v "$1" >/dev/null 2>&1 && return
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "== installing $2 (apt)" >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" >/dev/null \
            || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" >/dev/null; }
    else
        echo "$1 is missing: install $2 (apt-get install $2)" >&2
        exit 1
    fi
}
need nginx nginx
need curl curl
need jq jq
[ "$NODES" = 2 ] && need redis-server redis-server
for tool in java javac python3; do command -v "$tool" >/dev/null || { echo "the benchmark needs $tool" >&2; exit 1; }; done
NGINX=$(command -v nginx)

JAR=${JAR:-target/patchbay.jar}
if [ ! -f "$JAR" ] || { [ "$JAR" = target/patchbay.jar ] && [ -n "$(find src/main pom.xml -newer "$JAR" -print -quit)" ]; }; then
    echo "== building $JAR" >&2
    ./mvnw -q -B -DskipTests package
fi
SHARED=1
if [ "$NODES" = 2 ] && ! jar tf "$JAR" 2>/dev/null | grep -qi 'dev/patchbay/.*redis.*\.class'; then
    SHARED=0
    echo "!! $JAR has no Redis limiter: the two nodes will keep separate in-process limits, so the table" >&2
    echo "!! shows what two unshared limiters do (violations expected), not the Redis implementation." >&2
fi

WORK=$(mktemp -d /tmp/limit-bench.XXXXXX)
chmod 755 "$WORK" # nginx's workers run as an unprivileged user when started as root
PIDS=()
cleanup() {
    local i
    for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do # the last started first: node 2 before node 1's database
        kill "${PIDS[i]}" 2>/dev/null || true
        wait "${PIDS[i]}" 2>/dev/null || true
    done
    if [ "${KEEP:-0}" = 1 ]; then echo "work directory kept: $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_for() { # url seconds pid log
    local deadline=$((SECONDS + $2))
    until curl -fs -o /dev/null "$1"; do
        if ! kill -0 "$3" 2>/dev/null || [ $SECONDS -ge "$deadline" ]; then
            echo "$1 did not answer:" >&2; tail -n 40 "$4" >&2; exit 1
        fi
        sleep 1
    done
}
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
START_LOAD=$(loadavg)
echo "== $(nproc) cores, load average $START_LOAD at the start; work directory $WORK" >&2

# --- the upstream ---------------------------------------------------------------------------------------
javac -d "$WORK/classes" bench/limit/*.java
UPSTREAM_PORT=$(free_port)
UPSTREAM=http://127.0.0.1:$UPSTREAM_PORT
# The upstream stands in for a system on its own machine: it runs at a higher priority (when allowed), so
# that the arrival times are not delayed by the CPU that Patchbay, nginx and the client compete for.
NICE=(); [ "$(id -u)" = 0 ] && NICE=(nice -n -10)
"${NICE[@]}" java -Xms64m -Xmx256m -Xss256k -Dsun.net.httpserver.idleInterval="$UPSTREAM_IDLE_SECONDS" -cp "$WORK/classes" LimitUpstream "$UPSTREAM_PORT" "$WORK/arrivals.log" >"$WORK/upstream.log" 2>&1 &
PIDS+=($!)
wait_for "$UPSTREAM/ready" 60 "${PIDS[-1]}" "$WORK/upstream.log"

# --- Patchbay (and, with --nodes 2, Redis and a second node) ---------------------------------------------
KEY="pb_bench_$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
COMMON=(--server.address=127.0.0.1 --patchbay.outbound.allowed-networks=127.0.0.1/32
    --patchbay.secrets.master-key="$(head -c 32 /dev/urandom | base64)"
    --patchbay.auth.jwt-secret="$(head -c 48 /dev/urandom | base64)")
if [ "$NODES" = 2 ]; then
    REDIS_PORT=$(free_port)
    redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no --dir "$WORK" >"$WORK/redis.log" 2>&1 &
    PIDS+=($!)
    COMMON+=(--patchbay.redis.url="redis://127.0.0.1:$REDIS_PORT")
fi
start_node() { # number, extra arguments...
    local n=$1 port; shift
    port=$(free_port)
    echo "== starting Patchbay node $n on http://127.0.0.1:$port ${PATCHBAY_ARGS:+($PATCHBAY_ARGS)}" >&2
    java -jar "$JAR" --server.port="$port" --patchbay.data-dir="$WORK/node$n" --patchbay.public-url="http://127.0.0.1:$port" \
        "${COMMON[@]}" "$@" $PATCHBAY_ARGS >"$WORK/patchbay$n.log" 2>&1 &
    PIDS+=($!)
    wait_for "http://127.0.0.1:$port/actuator/health" 300 "${PIDS[-1]}" "$WORK/patchbay$n.log"
    NODE_URLS+=("http://127.0.0.1:$port")
}
NODE_URLS=()
start_node 1 --patchbay.bootstrap.admin-email=bench@demo.patchbay.local \
    --patchbay.bootstrap.admin-password="$(head -c 18 /dev/urandom | base64)" \
    --patchbay.bootstrap.api-key="$KEY" \
    --patchbay.bootstrap.platform-api-key="pb_platform_$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
if [ "$NODES" = 2 ]; then
    # The embedded PostgreSQL of node 1 listens on a port it chose; its postmaster.pid says which (line 4).
    PG_PORT=$(sed -n 4p "$WORK/node1/postgres/postmaster.pid")
    start_node 2 --patchbay.bootstrap.enabled=false \
        --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres" --spring.datasource.username=postgres
fi

API=${NODE_URLS[0]}/api/v1
IMPLEMENTATION=$(curl -fsS -H "Authorization: $KEY" "$API/authentication-implementations?limit=100" \
    | jq -r '[.data[] | select(.name == "No auth" and ((.system.name // .system_name // "REST API") == "REST API"))][0].id')
[ -n "$IMPLEMENTATION" ] && [ "$IMPLEMENTATION" != null ] || { echo "no REST API \"No auth\" implementation" >&2; exit 1; }
connector() { # name amount unit -> id (its credential check calls the upstream)
    curl -fsS -H "Authorization: $KEY" -H 'Content-Type: application/json' "$API/connectors" -d @- <<JSON | jq -r .data.id
{"name": "$1", "authentication_implementation_id": $IMPLEMENTATION, "timezone": "UTC", "date_format": "Y-m-d H:i:s",
 "rate_limit_unit": "$3", "rate_limit_duration": $2,
 "variables": [{"key": "base_url", "value": "$UPSTREAM", "label": "Base URL"},
               {"key": "test_path", "value": "/check", "label": "Test path"}]}
JSON
}
patchbay_url() { # connector id -> its proxy URL on every node, comma-separated
    local urls=() node
    for node in "${NODE_URLS[@]}"; do urls+=("$node/api/v1/connectors/$1/proxy/hit"); done
    (IFS=,; echo "${urls[*]}")
}
declare -A PB
PB[warm]=$(patchbay_url "$(connector 'Bench warm-up' 100000 second)")
for limit in s:10:second m:600:minute; do
    IFS=: read -r tag amount unit <<<"$limit"
    PB[$tag-burst]=$(patchbay_url "$(connector "Bench $amount/$unit burst" "$amount" "$unit")")
    PB[$tag-sat]=$(patchbay_url "$(connector "Bench $amount/$unit saturation" "$amount" "$unit")")
done

# --- nginx limit_req in front of the same upstream ------------------------------------------------------
NGINX_PORT=$(free_port)
NGX=http://127.0.0.1:$NGINX_PORT
mkdir -p "$WORK/nginx/tmp"
{
    cat <<CONF
worker_processes 1;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 8192; }
http {
    access_log off;
    keepalive_requests 1000000;
    client_body_temp_path $WORK/nginx/tmp;
    proxy_temp_path $WORK/nginx/tmp;
    fastcgi_temp_path $WORK/nginx/tmp;
    uwsgi_temp_path $WORK/nginx/tmp;
    scgi_temp_path $WORK/nginx/tmp;
    limit_req_status 429;
    limit_req_log_level info;
    upstream backend {
        server 127.0.0.1:$UPSTREAM_PORT;
        keepalive 64;
    }
CONF
    # One zone per location, so that every phase starts on an idle limit. All callers share one address,
    # hence one key per zone: the whole location is limited, like one Patchbay connector.
    for limit in s:10r/s:10 m:600r/m:600; do
        IFS=: read -r tag rate burst <<<"$limit"
        for mode in delay nodelay; do
            for phase in burst sat; do
                echo "    limit_req_zone \$binary_remote_addr zone=$tag-$mode-$phase:1m rate=$rate;"
            done
        done
    done
    echo "    server {"
    echo "        listen 127.0.0.1:$NGINX_PORT;"
    echo "        proxy_http_version 1.1;"
    echo "        proxy_set_header Connection \"\";"
    echo "        location /warm/ { proxy_pass http://backend; }"
    for limit in s:10r/s:10 m:600r/m:600; do
        IFS=: read -r tag rate burst <<<"$limit"
        for mode in delay nodelay; do
            option=""; [ "$mode" = nodelay ] && option=" nodelay"
            for phase in burst sat; do
                echo "        location /$tag-$mode-$phase/ { limit_req zone=$tag-$mode-$phase burst=$burst$option; proxy_pass http://backend; }"
            done
        done
    done
    echo "    }"
    echo "}"
} >"$WORK/nginx/nginx.conf"
"$NGINX" -p "$WORK/nginx" -e "$WORK/nginx/error.log" -c "$WORK/nginx/nginx.conf" &
PIDS+=($!)
wait_for "$NGX/warm/ready" 30 "${PIDS[-1]}" "$WORK/nginx/error.log"

# --- load -----------------------------------------------------------------------------------------------
load() { java -Xms256m -Xmx1g -cp "$WORK/classes" LimitLoad "$@"; }
AUTH=(-H "Authorization: $KEY" -H "Prefer: wait=120")
WARM=(--warm "$UPSTREAM/warm" --warm "${PB[warm]}" --warm "$NGX/warm/x") # this client's own warm-up

echo "== warm-up: ${WARMUP_SECONDS}s through every path, unlimited" >&2
load saturate "$WORK/warm.txt" 8 "$WARMUP_SECONDS" 0 "${AUTH[@]}" \
    warm-pb="${PB[warm]}" warm-ngx="$NGX/warm/x" warm-up="$UPSTREAM/warm"

echo "== bursts of 10 (one target after the other, each on an idle limit)" >&2
load burst "$WORK/burst-s.txt" 10 "${AUTH[@]}" "${WARM[@]}" \
    up-s-burst="$UPSTREAM/x" pb-s-burst="${PB[s-burst]}" nd-s-burst="$NGX/s-delay-burst/x" nn-s-burst="$NGX/s-nodelay-burst/x"
echo "== bursts of $MINUTE_BURST (nginx's delay mode spreads them at 10/second)" >&2
load burst "$WORK/burst-m.txt" "$MINUTE_BURST" "${AUTH[@]}" "${WARM[@]}" \
    up-m-burst="$UPSTREAM/x" pb-m-burst="${PB[m-burst]}" nd-m-burst="$NGX/m-delay-burst/x" nn-m-burst="$NGX/m-nodelay-burst/x"

echo "== saturation at 10/second: ${SECOND_SECONDS}s, $CALLERS callers per target, all targets at once" >&2
load saturate "$WORK/sat-s.txt" "$CALLERS" "$SECOND_SECONDS" "$BACKOFF_MS" "${AUTH[@]}" "${WARM[@]}" \
    pb-s-sat="${PB[s-sat]}" nd-s-sat="$NGX/s-delay-sat/x" nn-s-sat="$NGX/s-nodelay-sat/x"
echo "== saturation at 600/minute: $MINUTE_WINDOWS minutes, $CALLERS callers per target, all targets at once" >&2
load saturate "$WORK/sat-m.txt" "$CALLERS" "$((MINUTE_WINDOWS * 60 + 5))" "$BACKOFF_MS" "${AUTH[@]}" "${WARM[@]}" \
    pb-m-sat="${PB[m-sat]}" nd-m-sat="$NGX/m-delay-sat/x" nn-m-sat="$NGX/m-nodelay-sat/x"
END_LOAD=$(loadavg)
sleep 1 # the upstream writes its log every 100 ms

# --- the table ------------------------------------------------------------------------------------------
PB_NAME="Patchbay"
if [ "$NODES" = 2 ]; then
    PB_NAME="Patchbay, 2 nodes + Redis"
    [ "$SHARED" = 0 ] && PB_NAME="Patchbay, 2 nodes, nothing shared (jar without Redis)"
fi
echo
echo "Rate limits against nginx limit_req: $NODES Patchbay node(s)${PATCHBAY_ARGS:+ ($PATCHBAY_ARGS)}, $(nproc) cores, load average $START_LOAD at the start, $END_LOAD at the end;"
echo "saturation: $CALLERS callers per target, ${SECOND_SECONDS} s at 10/second, $MINUTE_WINDOWS min at 600/minute; bursts of 10 and $MINUTE_BURST; nginx burst = N."
echo
java -cp "$WORK/classes" LimitReport "$WORK/arrivals.log" "$WORK"/burst-*.txt "$WORK"/sat-*.txt -- \
    "upstream, direct (no limit)|10|1000|-|up-s-burst" \
    "$PB_NAME|10|1000|pb-s-sat|pb-s-burst" \
    "nginx limit_req burst=10 (delay)|10|1000|nd-s-sat|nd-s-burst" \
    "nginx limit_req burst=10 nodelay|10|1000|nn-s-sat|nn-s-burst" \
    "upstream, direct (no limit)|600|60000|-|up-m-burst" \
    "$PB_NAME|600|60000|pb-m-sat|pb-m-burst" \
    "nginx limit_req burst=600 (delay)|600|60000|nd-m-sat|nd-m-burst" \
    "nginx limit_req burst=600 nodelay|600|60000|nn-m-sat|nn-m-burst" | tee "$WORK/table.md"
