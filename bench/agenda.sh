#!/usr/bin/env bash
# Agenda benchmark (ISSUE 4 §7, second part): with 10,000 events, the latency at concurrency 1 of
# the iCalendar feeds (whole agenda, filtered views, one repeating event), the Atom feed and the
# month view. Run from anywhere: bench/agenda.sh
# Loopback only; the portal started here is stopped on exit; every wait is bounded.
# Settings (environment): EVENTS (10000), STRUCTURES (2000, demo structures that organise the
# members' events), PORT (8383), HEAP (512m), REQUESTS (1000 measured per run), WARMUP (300),
# FRESH (1: a new data folder bench/data/agenda; 0: keep it, the loader only tops it up),
# LATENCY_ONLY (1: no load, measure on the data of a previous run), SKIP_BUILD (1: use the jar
# in target/), MVN_OFFLINE (1: build with -o).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
EVENTS=${EVENTS:-10000}
STRUCTURES=${STRUCTURES:-2000}
PORT=${PORT:-8383}
HEAP=${HEAP:-512m}
REQUESTS=${REQUESTS:-1000}
WARMUP=${WARMUP:-300}
FRESH=${FRESH:-1}
DATA=$ROOT/bench/data/agenda
WORK=$ROOT/bench/work/agenda
RESULTS=$ROOT/bench/results
OUT=$RESULTS/agenda-latest.md
BASE=http://127.0.0.1:$PORT
START_DEADLINE=${START_DEADLINE:-600}

APP_PID=""
mkdir -p "$WORK" "$RESULTS"

log() { printf '[agenda-bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

stop_app() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}
trap stop_app EXIT
trap 'exit 130' INT TERM

for tool in java curl; do command -v "$tool" >/dev/null 2>&1 || { log "$tool is required"; exit 1; }; done
if curl -s -m 1 -o /dev/null "$BASE/actuator/health"; then
  log "port $PORT already answers: stop what runs there first"; exit 1
fi

# ------------------------------------------------------------------ build
JAR=$ROOT/target/maillage.jar
if [[ "${SKIP_BUILD:-0}" != 1 || ! -f "$JAR" ]]; then
  log "building the jar"
  MVN_FLAGS=(-q -B -DskipTests)
  [[ "${MVN_OFFLINE:-0}" == 1 ]] && MVN_FLAGS+=(-o)
  ./mvnw "${MVN_FLAGS[@]}" package
fi

# ------------------------------------------------------------------ start (and load)
if [[ "${LATENCY_ONLY:-0}" == 1 ]]; then
  [[ -d "$DATA/postgres" ]] || { log "LATENCY_ONLY=1 needs the data of a previous run in $DATA"; exit 1; }
  EVENTS_ENV=""
  log "starting on the data of a previous run (LATENCY_ONLY=1)"
else
  if [[ "$FRESH" == 1 ]]; then
    log "removing $DATA (FRESH=1)"
    rm -rf "$DATA"
  fi
  EVENTS_ENV=$EVENTS
  log "starting: $STRUCTURES demo structures and $EVENTS demo events"
fi
# start_app [VAR=value...]: starts the portal with these extra environment variables, waits until healthy
start_app() {
  env MAILLAGE_DATA_DIR="$DATA" SERVER_PORT="$PORT" SERVER_ADDRESS=127.0.0.1 "$@" java -Xmx"$HEAP" -jar "$JAR" >>"$WORK/app.log" 2>&1 &
  APP_PID=$!
  local deadline=$(( $(date +%s) + START_DEADLINE ))
  until curl -s -m 2 "$BASE/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    if ! kill -0 "$APP_PID" 2>/dev/null; then log "the portal stopped, see $WORK/app.log"; tail -20 "$WORK/app.log" >&2; exit 1; fi
    if (( $(date +%s) > deadline )); then log "not healthy after ${START_DEADLINE}s, see $WORK/app.log"; exit 1; fi
    sleep 0.2
  done
}
: >"$WORK/app.log"
T0=$(date +%s%3N)
if [[ -n "$EVENTS_ENV" ]]; then
  start_app MAILLAGE_DEMO_STRUCTURES="$STRUCTURES" MAILLAGE_DEMO_EVENTS="$EVENTS_ENV"
else
  start_app
fi
START_MS=$(( $(date +%s%3N) - T0 ))
LOAD_MS=$(grep -o "événements ajoutés à l’agenda en [0-9]* ms" "$WORK/app.log" | grep -o "[0-9]* ms" | grep -o "[0-9]*" | head -1 || true)
log "healthy after ${START_MS} ms (events loaded in ${LOAD_MS:-n/a} ms)"

# ------------------------------------------------------------------ what to measure
TODAY=$(date +%F)
IN5=$(date -d "+5 months" +%F)
# the busiest month of the next five (by occurrences in the feed of that period)
BUSY=$(curl -s -m 30 "$BASE/agenda.ics?du=$TODAY&au=$IN5" | grep -o '^DTSTART[^:]*:[0-9]\{6\}' | grep -o '[0-9]\{6\}$' \
  | sort | uniq -c | sort -rn | head -1 | awk '{print substr($2,1,4) "-" substr($2,5,2)}')
BUSY=${BUSY:-$(date +%Y-%m)}
# one repeating event (a country group: RRULE, EXDATE) and the size of the feeds
SLUG=$(curl -s -m 30 "$BASE/agenda.atom?type=groupe-pays&limit=1" | grep -o 'href="[^"]*/agenda/[^"]*"' | grep -v 'agenda?' | head -1 \
  | sed 's#.*/agenda/##; s#"$##')
WHOLE_BYTES=$(curl -s -m 30 "$BASE/agenda.ics" | wc -c)
WHOLE_EVENTS=$(curl -s -m 30 "$BASE/agenda.ics" | grep -c '^BEGIN:VEVENT' || true)
log "busiest month $BUSY; repeating event $SLUG; whole feed $WHOLE_EVENTS occurrences, $WHOLE_BYTES bytes"

# query mixes (one query string per line; "du=" is an empty filter: the whole agenda)
cat >"$WORK/whole.txt" <<EOF
du=
EOF
cat >"$WORK/filtered.txt" <<EOF
type=formation
dep=33
theme=ecsi
type=atelier&dep=64
enLigne=oui
pays=SN
type=groupe-pays,webinaire
theme=eau-assainissement&enLigne=non
q=solidarite
du=$TODAY&au=$IN5
EOF
cat >"$WORK/month.txt" <<EOF
vue=mois&mois=$BUSY
EOF

client() { java "$ROOT/bench/ApiLatency.java" --base "$BASE" --warmup "$WARMUP" --requests "$REQUESTS" --concurrency 1 "$@" \
  | tee -a "$WORK/client.log" | tail -1; }
: >"$WORK/client.log"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")
log "latency runs (load average $LOAD_BEFORE)"
ROW_WHOLE=$(client --path /agenda.ics --queries "$WORK/whole.txt" --accept text/calendar --label "/agenda.ics (whole agenda)")
ROW_FILTERED=$(client --path /agenda.ics --queries "$WORK/filtered.txt" --accept text/calendar --label "/agenda.ics?<filters> (10 filtered views)")
ROW_EVENT="| /agenda/{slug}.ics | skipped: no repeating event found | | | | | | | |"
if [[ -n "$SLUG" ]]; then
  ROW_EVENT=$(client --path "/agenda/$SLUG.ics" --queries "$WORK/whole.txt" --accept text/calendar --label "/agenda/{slug}.ics (a monthly country group)")
fi
ROW_ATOM=$(client --path /agenda.atom --queries "$WORK/whole.txt" --accept application/atom+xml --label "/agenda.atom (50 next)")
ROW_ATOM_F=$(client --path /agenda.atom --queries "$WORK/filtered.txt" --accept application/atom+xml --label "/agenda.atom?<filters>")
ROW_MONTH="| /agenda?vue=mois&mois=$BUSY | skipped: the month view does not answer 200 in this build | | | | | | | |"
if [[ "$(curl -s -m 10 -o /dev/null -w '%{http_code}' "$BASE/agenda?vue=mois&mois=$BUSY")" == 200 ]]; then
  ROW_MONTH=$(client --path /agenda --queries "$WORK/month.txt" --accept text/html --label "/agenda?vue=mois&mois=$BUSY (month view)")
fi
ROW_WIDGET=$(client --path /agenda/widget --queries "$WORK/filtered.txt" --accept text/html --label "/agenda/widget?<filters> (5 next)")

# the same feeds written in full every time: the portal again, without its feed cache
log "restarting without the feed cache (MAILLAGE_AGENDA_FEED_CACHE_BYTES=0)"
stop_app
start_app MAILLAGE_AGENDA_FEED_CACHE_BYTES=0
LOAD_UNCACHED=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")
ROW_WHOLE_U=$(client --path /agenda.ics --queries "$WORK/whole.txt" --accept text/calendar --label "/agenda.ics (whole agenda), no feed cache")
ROW_FILTERED_U=$(client --path /agenda.ics --queries "$WORK/filtered.txt" --accept text/calendar --label "/agenda.ics?<filters>, no feed cache")
ROW_ATOM_U=$(client --path /agenda.atom --queries "$WORK/filtered.txt" --accept application/atom+xml --label "/agenda.atom?<filters>, no feed cache")
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")

# ------------------------------------------------------------------ report
p95() { echo "$1" | awk -F'|' '{gsub(/ /, "", $6); print $6}'; }
verdict() { awk -v v="$1" -v max="$2" 'BEGIN { if (v == "" || v !~ /^[0-9.]+$/) print "?"; else if (v + 0 <= max + 0) print "✅"; else print "❌" }'; }
CPU=$(grep -m1 "model name" /proc/cpuinfo | cut -d: -f2- | sed 's/^ //' || echo unknown)
MEM=$(awk '/MemTotal/ {printf "%.1f GB", $2 / 1048576}' /proc/meminfo 2>/dev/null || echo unknown)
COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)

cat >"$OUT" <<EOF
# Agenda benchmark: latest run

- Date: $(date -u +"%Y-%m-%d %H:%M UTC"), commit \`$COMMIT\`
- Machine: $(nproc) cores ($CPU), $MEM RAM; $(java -version 2>&1 | head -1); portal with \`-Xmx$HEAP\`, embedded PostgreSQL 18
- Data: \`MAILLAGE_DEMO_EVENTS=$EVENTS\` demo events (a year back, 18 months ahead; trainings, workshops, monthly country
  groups, webinars, the multi-actor day, the festival, the general assembly), \`MAILLAGE_DEMO_STRUCTURES=$STRUCTURES\`;
  start to healthy ${START_MS} ms, of which loading the events ${LOAD_MS:-n/a} ms
- The whole-agenda feed holds $WHOLE_EVENTS occurrences ($WHOLE_BYTES bytes; default period 3 months back to 18 months ahead,
  at most 1,000 occurrences); busiest month of the next five: $BUSY
- Load average (1, 5, 15 min) when the runs began: $LOAD_BEFORE; at the end: $LOAD_AFTER (other processes share the 2 cores)
- Client: \`bench/ApiLatency.java\` (JDK HttpClient, HTTP/1.1 keep-alive, no compression, no conditional request: every
  answer is written in full), $REQUESTS requests after $WARMUP of warm-up, concurrency 1

| run | requests | concurrency | p50 ms | p95 ms | p99 ms | max ms | req/s | errors |
|---|---:|---:|---:|---:|---:|---:|---:|---:|
$ROW_WHOLE
$ROW_FILTERED
$ROW_EVENT
$ROW_ATOM
$ROW_ATOM_F
$ROW_MONTH
$ROW_WIDGET

The feeds are kept by ETag (\`FeedCache\`, 16 MB): the rows above measure what subscribers of a feed get
once it has been written since the agenda last changed. Written in full for every request (the portal restarted with
\`MAILLAGE_AGENDA_FEED_CACHE_BYTES=0\`; load average then: $LOAD_UNCACHED):

| run | requests | concurrency | p50 ms | p95 ms | p99 ms | max ms | req/s | errors |
|---|---:|---:|---:|---:|---:|---:|---:|---:|
$ROW_WHOLE_U
$ROW_FILTERED_U
$ROW_ATOM_U

Target p95 ≤ 30 ms at concurrency 1: whole feed $(verdict "$(p95 "$ROW_WHOLE")" 30) (written in full: $(verdict "$(p95 "$ROW_WHOLE_U")" 30)),
filtered feeds $(verdict "$(p95 "$ROW_FILTERED")" 30) (written in full: $(verdict "$(p95 "$ROW_FILTERED_U")" 30)), one event $(verdict "$(p95 "$ROW_EVENT")" 30),
Atom $(verdict "$(p95 "$ROW_ATOM")" 30), month view $(verdict "$(p95 "$ROW_MONTH")" 30).

Raw outputs: \`bench/work/agenda/\` (portal log, client.log).
EOF
log "results written to $OUT"
cat "$OUT"
