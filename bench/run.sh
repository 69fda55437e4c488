#!/usr/bin/env bash
# Maillage benchmark (ISSUE 2 §10, ISSUE 3 §6). Run from anywhere: bench/run.sh
# Loopback only; every server started here is stopped on exit; every wait is bounded.
# Settings (environment): STRUCTURES (100000), PROJECTS (100000), PORT (8099), NGINX_PORT (8098), HEAP (512m),
# REQUESTS (2000 measured at concurrency 1), WARMUP (500), WRK_DURATION (20s), FRESH (1: reload
# the data from scratch; 0: keep bench/data if it has the structures), MVN_OFFLINE (0/1),
# LATENCY_ONLY (1: one start on the data of a previous run, then the latency and throughput runs;
# the start figures are left out of the report).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
STRUCTURES=${STRUCTURES:-100000}
PROJECTS=${PROJECTS:-100000}
PORT=${PORT:-8099}
NGINX_PORT=${NGINX_PORT:-8098}
HEAP=${HEAP:-512m}
REQUESTS=${REQUESTS:-2000}
WARMUP=${WARMUP:-500}
WRK_DURATION=${WRK_DURATION:-20s}
FRESH=${FRESH:-1}
DATA=$ROOT/bench/data
WORK=$ROOT/bench/work
RESULTS=$ROOT/bench/results
OUT=$RESULTS/latest.md
BASE=http://127.0.0.1:$PORT
START_DEADLINE=${START_DEADLINE:-900}   # seconds a start may take before we give up

APP_PID=""
NGINX_PID=""
mkdir -p "$WORK" "$RESULTS"

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

stop_app() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}

stop_nginx() {
  if [[ -n "$NGINX_PID" ]] && kill -0 "$NGINX_PID" 2>/dev/null; then
    kill "$NGINX_PID" 2>/dev/null || true
    wait "$NGINX_PID" 2>/dev/null || true
  fi
  NGINX_PID=""
}

cleanup() { stop_app; stop_nginx; }
trap cleanup EXIT
trap 'exit 130' INT TERM

now_ms() { date +%s%3N; }

# ------------------------------------------------------------------ tools
need() { command -v "$1" >/dev/null 2>&1; }
for tool in java curl; do need "$tool" || { log "$tool is required"; exit 1; }; done
if ! need wrk || ! { need nginx || [[ -x /usr/sbin/nginx ]]; }; then
  if [[ $(id -u) -eq 0 ]] && need apt-get; then
    log "installing wrk and nginx-light (apt-get)"
    apt-get install -y -q wrk nginx-light >/dev/null 2>&1 \
      || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q wrk nginx-light >/dev/null 2>&1; } \
      || log "could not install wrk/nginx: their figures will be missing"
  else
    log "wrk or nginx missing and cannot install them (needs root and apt-get): their figures will be missing"
  fi
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

if curl -s -m 1 -o /dev/null "$BASE/actuator/health" || curl -s -m 1 -o /dev/null "http://127.0.0.1:$NGINX_PORT/"; then
  log "port $PORT or $NGINX_PORT already answers: stop what runs there first"; exit 1
fi

# ------------------------------------------------------------------ build
log "building the jar"
MVN_FLAGS=(-q -B -DskipTests)
[[ "${MVN_OFFLINE:-0}" == 1 ]] && MVN_FLAGS+=(-o)
./mvnw "${MVN_FLAGS[@]}" package
JAR=$ROOT/target/maillage.jar

# ------------------------------------------------------------------ app start, measured to healthy
# start_app <log name>: starts the portal, waits for /actuator/health UP (which includes readiness:
# the demo loading and reindexing run before it), sets START_MS to the milliseconds it took.
# (Not called in $(...): the server's pid must stay known to this shell, for the trap.)
START_MS=0
start_app() {
  local name=$1 t0 t1
  t0=$(now_ms)
  MAILLAGE_DATA_DIR="$DATA" MAILLAGE_DEMO_STRUCTURES="$STRUCTURES" MAILLAGE_DEMO_PROJECTS="$PROJECTS" SERVER_PORT="$PORT" SERVER_ADDRESS=127.0.0.1 \
    java -Xmx"$HEAP" ${JAVA_EXTRA:-} -jar "${APP_JAR:-$JAR}" >"$WORK/app-$name.log" 2>&1 &
  APP_PID=$!
  local deadline=$(( $(date +%s) + START_DEADLINE ))
  until curl -s -m 2 "$BASE/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    if ! kill -0 "$APP_PID" 2>/dev/null; then log "the portal stopped, see $WORK/app-$name.log"; tail -20 "$WORK/app-$name.log" >&2; exit 1; fi
    if (( $(date +%s) > deadline )); then log "not healthy after ${START_DEADLINE}s, see $WORK/app-$name.log"; exit 1; fi
    sleep 0.1
  done
  t1=$(now_ms)
  START_MS=$(( t1 - t0 ))
}

# the reindex time the demo module logs ("index de l'annuaire reconstruit en N ms"), if any
logged_reindex_ms() { grep -o "annuaire reconstruit en [0-9]* ms" "$WORK/app-$1.log" | grep -o "[0-9]*" | tail -1 || true; }
logged_load_ms() { grep -o "structures ajoutées en [0-9]* ms" "$WORK/app-$1.log" | grep -o "[0-9]*" | head -1 || true; }
# the same for the projects ("index des projets reconstruit en N ms", "N projets ajoutés en N ms")
logged_project_reindex_ms() { grep -o "index des projets reconstruit en [0-9]* ms" "$WORK/app-$1.log" | grep -o "[0-9]*" | tail -1 || true; }
logged_project_load_ms() { grep -o "projets ajoutés en [0-9]* ms" "$WORK/app-$1.log" | grep -o "[0-9]*" | head -1 || true; }

T_FIRST="" ; LOAD_MS="" ; FIRST_REINDEX_MS="" ; PROJECT_LOAD_MS="" ; FIRST_PROJECT_REINDEX_MS="" ; COUNT=""
T_WARM="" ; T_WARM_CDS="" ; T_REINDEX_START="" ; REINDEX_MS="" ; PROJECT_REINDEX_MS=""
if [[ "${LATENCY_ONLY:-0}" == 1 ]]; then
  [[ -d "$DATA/postgres" ]] || { log "LATENCY_ONLY=1 needs the data of a previous run in $DATA"; exit 1; }
  log "one start on the data of a previous run (LATENCY_ONLY=1)"
  start_app latency
  COUNT="(data of a previous run)"
else
if [[ "$FRESH" == 1 ]]; then
  log "removing $DATA (FRESH=1)"
  rm -rf "$DATA"
fi

log "start 1: loading $STRUCTURES demo structures and $PROJECTS projects and indexing them (first start)"
start_app first; T_FIRST=$START_MS
LOAD_MS=$(logged_load_ms first)
FIRST_REINDEX_MS=$(logged_reindex_ms first)
PROJECT_LOAD_MS=$(logged_project_load_ms first)
FIRST_PROJECT_REINDEX_MS=$(logged_project_reindex_ms first)
COUNT=$(grep -o "[0-9]* structures déjà présentes\|[0-9]* structures ajoutées" "$WORK/app-first.log" | head -1 || true)
stop_app

log "start 2: with the index present"
start_app warm; T_WARM=$START_MS
stop_app

log "start 2b: with the index present, from the extracted jar with a class data sharing (CDS) archive"
rm -rf "$WORK/cds"
java -Djarmode=tools -jar "$JAR" extract --destination "$WORK/cds" >/dev/null
# the training run: starts the context once and exits, writing the archive of the classes it loaded
MAILLAGE_DATA_DIR="$DATA" SERVER_PORT="$PORT" SERVER_ADDRESS=127.0.0.1 \
  java -Xmx"$HEAP" -XX:ArchiveClassesAtExit="$WORK/cds/maillage.jsa" -Dspring.context.exit=onRefresh \
  -jar "$WORK/cds/maillage.jar" >"$WORK/app-cds-training.log" 2>&1 || true
if [[ -f "$WORK/cds/maillage.jsa" ]]; then
  APP_JAR="$WORK/cds/maillage.jar" JAVA_EXTRA="-XX:SharedArchiveFile=$WORK/cds/maillage.jsa" start_app warm-cds; T_WARM_CDS=$START_MS
  stop_app
else
  log "no CDS archive was written, see $WORK/app-cds-training.log"; T_WARM_CDS=""
fi

log "start 3: with the index folder deleted (full reindex at start)"
rm -rf "$DATA/index"
start_app reindex; T_REINDEX_START=$START_MS
REINDEX_MS=$(logged_reindex_ms reindex)
PROJECT_REINDEX_MS=$(logged_project_reindex_ms reindex)
log "starts: first ${T_FIRST} ms, with index ${T_WARM} ms, without index ${T_REINDEX_START} ms (logged reindex: ${REINDEX_MS:-n/a} ms)"
fi

# ------------------------------------------------------------------ sanity: the endpoints answer
for path in "/api/v1/organisations?country=SN" "/annuaire?country=SN" "/api/v1/projects?country=SN" "/projets?country=SN"; do
  code=$(curl -s -m 10 -o /dev/null -w '%{http_code}' "$BASE$path")
  [[ "$code" == 200 ]] || { log "$path answers $code: is the directory search merged?"; exit 1; }
done
TOTAL=$(curl -s -m 10 "$BASE/api/v1/organisations?size=1" | grep -o '"total":[0-9]*' | head -1 | cut -d: -f2)
log "the API counts ${TOTAL:-?} published structures"
PROJECT_TOTAL=$(curl -s -m 10 "$BASE/api/v1/projects?size=1" | grep -o '"total":[0-9]*' | head -1 | cut -d: -f2)
log "the API counts ${PROJECT_TOTAL:-?} published projects"

# ------------------------------------------------------------------ latency (Java client)
LOAD_AT_LATENCY=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")
client() { java "$ROOT/bench/ApiLatency.java" --base "$BASE" --queries "$ROOT/bench/queries.txt" "$@" | tee -a "$WORK/client.log" | tail -1; }
: >"$WORK/client.log"
log "latency: API at concurrency 1 ($REQUESTS requests after $WARMUP warm-up)"
ROW_API_1=$(client --path /api/v1/organisations --warmup "$WARMUP" --requests "$REQUESTS" --concurrency 1 --label "API c=1")
log "latency: HTML directory page at concurrency 1"
ROW_HTML_1=$(client --path /annuaire --warmup "$WARMUP" --requests "$REQUESTS" --concurrency 1 --label "/annuaire c=1")
log "throughput: API at concurrency 16"
ROW_API_16=$(client --path /api/v1/organisations --warmup 200 --requests $(( REQUESTS * 4 )) --concurrency 16 --label "API c=16")
log "throughput: HTML at concurrency 16"
ROW_HTML_16=$(client --path /annuaire --warmup 200 --requests $(( REQUESTS * 4 )) --concurrency 16 --label "/annuaire c=16")

# ------------------------------------------------------------------ project search latency (ISSUE 3 §6)
pclient() { java "$ROOT/bench/ApiLatency.java" --base "$BASE" --queries "$ROOT/bench/projects-queries.txt" "$@" | tee -a "$WORK/client.log" | tail -1; }
log "latency: projects API at concurrency 1"
ROW_PAPI_1=$(pclient --path /api/v1/projects --warmup "$WARMUP" --requests "$REQUESTS" --concurrency 1 --label "projects API c=1")
log "latency: /projets HTML page at concurrency 1"
ROW_PHTML_1=$(pclient --path /projets --warmup "$WARMUP" --requests "$REQUESTS" --concurrency 1 --label "/projets c=1")
log "throughput: projects API at concurrency 16"
ROW_PAPI_16=$(pclient --path /api/v1/projects --warmup 200 --requests $(( REQUESTS * 4 )) --concurrency 16 --label "projects API c=16")

# ------------------------------------------------------------------ throughput (wrk) and nginx for scale
wrk_rps() { # wrk_rps <url> <path> <log>
  timeout 300 wrk -t2 -c16 -d"$WRK_DURATION" --latency -s "$ROOT/bench/mix.lua" "$1" -- "$2" "$ROOT/bench/queries.txt" >"$WORK/$3" 2>&1 || true
  grep "Requests/sec" "$WORK/$3" | awk '{print $2}'
}
WRK_API="" ; WRK_HTML="" ; WRK_PAPI="" ; WRK_NGINX="" ; RATIO="n/a"
if need wrk; then
  log "wrk: API, 16 connections, $WRK_DURATION"
  WRK_API=$(wrk_rps "$BASE" /api/v1/organisations wrk-api.txt)
  log "wrk: /annuaire, 16 connections, $WRK_DURATION"
  WRK_HTML=$(wrk_rps "$BASE" /annuaire wrk-html.txt)
  log "wrk: /api/v1/projects, 16 connections, $WRK_DURATION"
  WRK_PAPI=$(timeout 300 wrk -t2 -c16 -d"$WRK_DURATION" --latency -s "$ROOT/bench/mix.lua" "$BASE" -- /api/v1/projects "$ROOT/bench/projects-queries.txt" >"$WORK/wrk-projects.txt" 2>&1 || true; grep "Requests/sec" "$WORK/wrk-projects.txt" | awk '{print $2}')
fi
# a saved copy of one API response (the first facet query of the mix), served by nginx
mkdir -p "$WORK/static" "$WORK/nginx/logs"
curl -s -m 10 -H 'Accept: application/json' "$BASE/api/v1/organisations?country=SN" >"$WORK/static/organisations.json"
RESPONSE_BYTES=$(wc -c <"$WORK/static/organisations.json")
stop_app

if need wrk && [[ -x "$NGINX" ]]; then
  USER_LINE=""
  [[ $(id -u) -eq 0 ]] && USER_LINE="user root;"
  cat >"$WORK/nginx/nginx.conf" <<EOF
$USER_LINE
worker_processes 2;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_requests 100000;
  client_body_temp_path $WORK/nginx/tmp;
  proxy_temp_path $WORK/nginx/tmp;
  fastcgi_temp_path $WORK/nginx/tmp;
  uwsgi_temp_path $WORK/nginx/tmp;
  scgi_temp_path $WORK/nginx/tmp;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location = /api/v1/organisations {
      default_type application/json;
      alias $WORK/static/organisations.json;
    }
  }
}
EOF
  mkdir -p "$WORK/nginx/tmp"
  "$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" &
  NGINX_PID=$!
  for _ in $(seq 1 50); do curl -s -m 1 -o /dev/null "http://127.0.0.1:$NGINX_PORT/api/v1/organisations" && break; sleep 0.1; done
  log "wrk: nginx serving the saved response ($RESPONSE_BYTES bytes), same settings"
  WRK_NGINX=$(wrk_rps "http://127.0.0.1:$NGINX_PORT" /api/v1/organisations wrk-nginx.txt)
  stop_nginx
  if [[ -n "$WRK_API" && -n "$WRK_NGINX" ]]; then
    RATIO=$(awk -v a="$WRK_API" -v n="$WRK_NGINX" 'BEGIN { printf "%.1f %%", 100 * a / n }')
  fi
fi

# ------------------------------------------------------------------ report
p95() { echo "$1" | awk -F'|' '{gsub(/ /, "", $6); print $6}'; }
verdict() { awk -v v="$1" -v max="$2" 'BEGIN { if (v == "") print "?"; else if (v + 0 <= max + 0) print "✅"; else print "❌" }'; }
REINDEX_FIGURE=${REINDEX_MS:-$( [[ -n "$T_REINDEX_START" ]] && echo $(( T_REINDEX_START - T_WARM )) || true )}
CPU=$(grep -m1 "model name" /proc/cpuinfo | cut -d: -f2- | sed 's/^ //' || echo unknown)
MEM=$(awk '/MemTotal/ {printf "%.1f GB", $2 / 1048576}' /proc/meminfo 2>/dev/null || echo unknown)
JAVA=$(java -version 2>&1 | head -1)
OS=$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME" || uname -sr)
COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)

cat >"$OUT" <<EOF
# Maillage benchmark: latest run

- Date: $(date -u +"%Y-%m-%d %H:%M UTC"), commit \`$COMMIT\`
- Machine: $(nproc) cores ($CPU), $MEM RAM, $OS
- Java: $JAVA, portal started with \`-Xmx$HEAP\`, embedded PostgreSQL 18 (fsync on), Lucene index on local disk
- Data: $STRUCTURES demo structures (\`MAILLAGE_DEMO_STRUCTURES\`, seed 2026), ${TOTAL:-?} published; first-start log: ${COUNT:-?};
  $PROJECTS demo projects (\`MAILLAGE_DEMO_PROJECTS\`), ${PROJECT_TOTAL:-?} published (of published structures)
- Load average (1, 5, 15 min) when the latency runs began: $LOAD_AT_LATENCY; when the report was written: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?") (other processes on the machine share its cores)
- Query mix: $(grep -vc '^\s*#\|^\s*$' "$ROOT/bench/queries.txt") queries of \`bench/queries.txt\` (text with typos, facets, combined), all facets counted

## Start and index

| figure | ms | target | |
|---|---:|---:|---|
| first start: load $STRUCTURES structures + index + ready | $T_FIRST | | |
| of which loading (COPY) | ${LOAD_MS:-n/a} | | |
| of which indexing (first start) | ${FIRST_REINDEX_MS:-n/a} | | |
| start to healthy, index present | $T_WARM | 10000 | $(verdict "$T_WARM" 10000) |
| start to healthy, index present, extracted jar with a CDS archive (see README) | ${T_WARM_CDS:-n/a} | 10000 | $( [[ -n "${T_WARM_CDS:-}" ]] && verdict "$T_WARM_CDS" 10000 ) |
| start to healthy, index folder deleted | $T_REINDEX_START | | |
| full reindex of the structures (logged by the mass indexer; else the difference of the two starts) | $REINDEX_FIGURE | 60000 | $(verdict "$REINDEX_FIGURE" 60000) |
| of the first start: loading $PROJECTS projects (COPY) | ${PROJECT_LOAD_MS:-n/a} | | |
| of the first start: indexing the projects | ${FIRST_PROJECT_REINDEX_MS:-n/a} | | |
| full reindex of the projects (index folder deleted) | ${PROJECT_REINDEX_MS:-n/a} | | |

## Latency (Java client, JDK HttpClient, HTTP/1.1 keep-alive)

| run | requests | concurrency | p50 ms | p95 ms | p99 ms | max ms | req/s | errors |
|---|---:|---:|---:|---:|---:|---:|---:|---:|
$ROW_API_1
$ROW_HTML_1
$ROW_API_16
$ROW_HTML_16

Targets: API p95 ≤ 25 ms at concurrency 1: $(verdict "$(p95 "$ROW_API_1")" 25); HTML directory page p95 ≤ 40 ms: $(verdict "$(p95 "$ROW_HTML_1")" 40).

## Project search ($PROJECTS projects, the 40 queries of \`bench/projects-queries.txt\`, all ten facets counted)

| run | requests | concurrency | p50 ms | p95 ms | p99 ms | max ms | req/s | errors |
|---|---:|---:|---:|---:|---:|---:|---:|---:|
$ROW_PAPI_1
$ROW_PHTML_1
$ROW_PAPI_16

Targets: projects API p95 ≤ 25 ms at concurrency 1: $(verdict "$(p95 "$ROW_PAPI_1")" 25); \`/projets\` with facet filters p95 ≤ 25 ms at concurrency 1: $(verdict "$(p95 "$ROW_PHTML_1")" 25).

## Throughput (wrk -t2 -c16 -d$WRK_DURATION, same mix)

| server | requests/s |
|---|---:|
| Maillage \`/api/v1/organisations\` | ${WRK_API:-n/a} |
| Maillage \`/annuaire\` (HTML) | ${WRK_HTML:-n/a} |
| Maillage \`/api/v1/projects\` (projects mix) | ${WRK_PAPI:-n/a} |
| nginx, a saved copy of one API response ($RESPONSE_BYTES bytes) as a static file | ${WRK_NGINX:-n/a} |
| **Maillage API as a share of nginx** | **$RATIO** |

Raw outputs: \`bench/work/\` (app logs, client.log, wrk-*.txt).
EOF
log "results written to $OUT"
cat "$OUT"
