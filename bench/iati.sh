#!/usr/bin/env bash
# Maillage IATI benchmark (ISSUE 3 §6). Run from anywhere: bench/iati.sh
#  1. import of a generated IATI file of MEGABYTES (100) MB through the real pages (upload, analysis =
#     schema validation + preview, run = writing the projects), the portal started with -Xmx512m:
#     MB/s, and the ratio to a parse-only StAX pass over the same file in the same run;
#  2. export of EXPORT_PROJECTS (100,000) published projects, streamed: time and peak heap.
# Loopback only; the portal started here is stopped on exit; every wait is bounded.
# Settings (environment): PORT (8097), HEAP (512m), MEGABYTES (100), EXPORT_PROJECTS (100000),
# STRUCTURES (200 demo structures), WARMUP_MB (10: a first import, not measured, warms the JIT), SKIP_BUILD (0/1: reuse target/maillage.jar), MVN_OFFLINE (0/1).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
PORT=${PORT:-8097}
HEAP=${HEAP:-512m}
MEGABYTES=${MEGABYTES:-100}
EXPORT_PROJECTS=${EXPORT_PROJECTS:-100000}
STRUCTURES=${STRUCTURES:-200}
WARMUP_MB=${WARMUP_MB:-10}
DATA=$ROOT/bench/data/iati
WORK=$ROOT/bench/work/iati
RESULTS=$ROOT/bench/results
OUT=$RESULTS/iati-latest.md
BASE=http://127.0.0.1:$PORT
EMAIL=bench.iati@example.org
PASSWORD=Bench-Iati-2026!
START_DEADLINE=${START_DEADLINE:-600}
CLIENT="java -Xmx512m $ROOT/bench/IatiBench.java"

APP_PID=""
SAMPLER_PID=""
mkdir -p "$WORK" "$RESULTS"
log() { printf '[iati-bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

stop_sampler() {
  if [[ -n "$SAMPLER_PID" ]] && kill -0 "$SAMPLER_PID" 2>/dev/null; then kill "$SAMPLER_PID" 2>/dev/null || true; wait "$SAMPLER_PID" 2>/dev/null || true; fi
  SAMPLER_PID=""
}
stop_app() {
  stop_sampler
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

for tool in java curl jstat jcmd; do command -v "$tool" >/dev/null 2>&1 || { log "$tool is required"; exit 1; }; done
if curl -s -m 1 -o /dev/null "$BASE/actuator/health"; then log "port $PORT already answers: stop what runs there first"; exit 1; fi

# ------------------------------------------------------------------ build and start
if [[ "${SKIP_BUILD:-0}" != 1 || ! -f target/maillage.jar ]]; then
  log "building the jar"
  MVN_FLAGS=(-q -B -DskipTests)
  [[ "${MVN_OFFLINE:-0}" == 1 ]] && MVN_FLAGS+=(-o)
  ./mvnw "${MVN_FLAGS[@]}" package
fi
rm -rf "$DATA"
log "starting the portal (-Xmx$HEAP, $STRUCTURES demo structures)"
MAILLAGE_DATA_DIR="$DATA" MAILLAGE_DEMO_STRUCTURES="$STRUCTURES" SERVER_PORT="$PORT" SERVER_ADDRESS=127.0.0.1 \
  MAILLAGE_ADMIN_EMAIL="$EMAIL" MAILLAGE_ADMIN_PASSWORD="$PASSWORD" MAILLAGE_IATI_EXPORT_IMPORTED=true \
  java -Xmx"$HEAP" ${JAVA_EXTRA:-} -Xlog:gc:file="$WORK/gc.log":uptime -jar target/maillage.jar >"$WORK/app.log" 2>&1 &
APP_PID=$!
deadline=$(( $(date +%s) + START_DEADLINE ))
until curl -s -m 2 "$BASE/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
  kill -0 "$APP_PID" 2>/dev/null || { log "the portal stopped, see $WORK/app.log"; tail -20 "$WORK/app.log" >&2; exit 1; }
  (( $(date +%s) > deadline )) && { log "not healthy after ${START_DEADLINE}s"; exit 1; }
  sleep 0.2
done
SLUG=$(curl -s -m 10 -H 'Accept: application/json' "$BASE/api/v1/organisations?size=1" | grep -o '"slug":"[^"]*"' | head -1 | cut -d'"' -f4)
[[ -n "$SLUG" ]] || { log "no published structure to import into"; exit 1; }
log "importing into the structure $SLUG"

# ------------------------------------------------------------------ heap: jstat samples and GC log, per phase
uptime_s() { jcmd "$APP_PID" VM.uptime 2>/dev/null | grep -o '[0-9.]* s' | head -1 | cut -d' ' -f1; }
PHASE_START=0
start_phase() { # start_phase <name>
  PHASE_START=$(uptime_s)
  jstat -gc "$APP_PID" 200 >"$WORK/jstat-$1.txt" 2>/dev/null &
  SAMPLER_PID=$!
}
# end_phase <name>: prints "peak_used_mb peak_after_gc_mb live_after_full_gc_mb"
end_phase() {
  local end; end=$(uptime_s)
  stop_sampler
  # what the phase left behind: the heap after a full collection (garbage aside, a leak would show here)
  jcmd "$APP_PID" GC.run >/dev/null 2>&1 || true
  local live
  live=$(jcmd "$APP_PID" GC.heap_info 2>/dev/null | grep -o 'used [0-9]*K' | head -1 | grep -o '[0-9]*' | awk '{ printf "%.0f", $1 / 1024 }')
  local used after
  used=$(awk 'NR>1 && $1 ~ /^[0-9.]+$/ { u = $3 + $4 + $6 + $8; if (u > m) m = u } END { printf "%.0f", m / 1024 }' "$WORK/jstat-$1.txt")
  after=$(awk -v s="$PHASE_START" -v e="$end" '
    { t = $1; gsub(/[\[\]s]/, "", t); if (t + 0 < s || t + 0 > e) next;
      if (match($0, /->[0-9]+M\(/)) { v = substr($0, RSTART + 2, RLENGTH - 4) + 0; if (v > m) m = v } }
    END { printf "%d", m }' "$WORK/gc.log")
  echo "$used $after ${live:-?}"
}
field() { echo "$2" | tr ' ' '\n' | grep "^$1=" | cut -d= -f2; }
# CPU time (clock ticks) of a process and all its descendants: the portal and its embedded PostgreSQL
tree_ticks() {
  local total=0 pid
  for pid in $(descendants "$1"); do
    if [[ -r /proc/$pid/stat ]]; then
      total=$(( total + $(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$pid/stat" 2>/dev/null || echo 0) ))
    fi
  done
  echo "$total"
}
descendants() { echo "$1"; local c; for c in $(ps -o pid= --ppid "$1" 2>/dev/null); do descendants "$c"; done; }
TICKS=$(getconf CLK_TCK)

# ------------------------------------------------------------------ 0. warm-up (not measured): the portal's JIT compiles the import's code
WARM=$WORK/iati-warmup.xml
$CLIENT generate "$WARM" "$WARMUP_MB" 1 >/dev/null
log "warm-up import of $WARMUP_MB MB (not measured)"
WARMUP_LINE=$($CLIENT import "$BASE" "$EMAIL" "$PASSWORD" "$WARM" "$SLUG")
WARMUP_CREATED=$(field created "$WARMUP_LINE")
log "warm-up: $WARMUP_LINE"

# ------------------------------------------------------------------ 1. import of a 100 MB file
FILE=$WORK/iati-${MEGABYTES}mb.xml
log "generating $FILE"
GEN=$($CLIENT generate "$FILE" "$MEGABYTES")
ACTIVITIES=$(field activities "$GEN"); FILE_BYTES=$(field bytes "$GEN")
log "parse-only StAX pass (best of 5, the client JVM, -Xmx512m)"
PARSE=$(java -Xmx512m -Diati.schema="$ROOT/src/main/resources/refdata/iati/schema-2.03/iati-activities-schema.xsd" "$ROOT/bench/IatiBench.java" parse "$FILE" 5)
PARSE_MB_S=$(field parse_mb_s "$PARSE"); PARSE_MS=$(field parse_ms "$PARSE")
log "parse: $PARSE"
log "import over HTTP: upload, analysis, run"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
CPU_BEFORE=$(tree_ticks "$APP_PID")
start_phase import
IMPORT=$($CLIENT import "$BASE" "$EMAIL" "$PASSWORD" "$FILE" "$SLUG")
CPU_AFTER=$(tree_ticks "$APP_PID")
IMPORT_CPU_S=$(awk -v a="$CPU_BEFORE" -v b="$CPU_AFTER" -v t="$TICKS" 'BEGIN { printf "%.1f", (b - a) / t }')
read -r IMPORT_PEAK IMPORT_AFTER_GC IMPORT_LIVE < <(end_phase import)
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
log "import: $IMPORT (peak heap used ${IMPORT_PEAK} MB, after GC ${IMPORT_AFTER_GC} MB)"
CREATED=$(field created "$IMPORT")

# ------------------------------------------------------------------ 2. export of 100,000 projects
TOP_UP=$(( EXPORT_PROJECTS - CREATED - WARMUP_CREATED ))
TOPUP_LINE="(none)"
if (( TOP_UP > 0 )); then
  SMALL=$WORK/iati-topup.xml
  log "topping the projects up to $EXPORT_PROJECTS: importing $TOP_UP small activities"
  $CLIENT generate-count "$SMALL" "$TOP_UP" "XI-TOPUP-$(date +%s)" >/dev/null
  start_phase topup
  TOPUP_LINE=$($CLIENT import "$BASE" "$EMAIL" "$PASSWORD" "$SMALL" "$SLUG")
  read -r TOPUP_PEAK TOPUP_AFTER_GC TOPUP_LIVE < <(end_phase topup)
  log "top-up import: $TOPUP_LINE (peak heap used ${TOPUP_PEAK} MB, after GC ${TOPUP_AFTER_GC} MB)"
fi
log "exporting the network's projects"
start_phase export
EXPORT=$($CLIENT export "$BASE" /projets/iati/export.xml "$WORK/export.xml")
read -r EXPORT_PEAK EXPORT_AFTER_GC EXPORT_LIVE < <(end_phase export)
log "export: $EXPORT (peak heap used ${EXPORT_PEAK} MB, after GC ${EXPORT_AFTER_GC} MB)"
EXPORT_BYTES=$(field bytes "$EXPORT")
# the export validates against the schema (a spot check of the whole file with the JDK's validator)
VALID=$(java -Xmx512m "$ROOT/bench/IatiValidate.java" "$ROOT/src/main/resources/refdata/iati/schema-2.03/iati-activities-schema.xsd" "$WORK/export.xml" || true)
log "export validation: $VALID"
stop_app

# ------------------------------------------------------------------ report
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
IMPORT_MB_S=$(field import_mb_s "$IMPORT"); RUN_MB_S=$(field run_mb_s "$IMPORT"); ANALYSIS_MB_S=$(field analysis_mb_s "$IMPORT")
CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
{
  echo "# IATI benchmark: latest run"
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC'), commit \`$(git rev-parse --short HEAD 2>/dev/null || echo '?')\`"
  echo "- Machine: $(nproc) cores ($CPU), $(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo) RAM, $(. /etc/os-release && echo "$PRETTY_NAME")${SHARED_NOTE:+; $SHARED_NOTE}"
  echo "- Java: $(java -version 2>&1 | head -1), portal started with \`-Xmx$HEAP\`, embedded PostgreSQL 18 (fsync on)"
  echo
  echo "## Import of a generated ${MEGABYTES} MB file"
  echo
  echo "File: $FILE_BYTES bytes, $ACTIVITIES activities (two languages, 4 organisations, 2 located places, 3 DAC sectors, budgets, 6 transactions, a document each); valid IATI 2.03."
  echo
  echo "| phase | seconds | MB/s | ratio to the StAX pass |"
  echo "|---|---:|---:|---:|"
  echo "| parse-only StAX pass (best of 5, client JVM with -Xmx512m) | $(awk -v m="$PARSE_MS" 'BEGIN { printf "%.2f", m / 1000 }') | $PARSE_MB_S | 1.00 |"
  echo "| for scale: a SAX pass (every name, attribute and text as strings) | | $(field sax_mb_s "$PARSE") | $(ratio "$(field sax_mb_s "$PARSE")" "$PARSE_MB_S") |"
  echo "| for scale: a SAX pass through the schema validator (what any import must do first) | | $(field validate_mb_s "$PARSE") | $(ratio "$(field validate_mb_s "$PARSE")" "$PARSE_MB_S") |"
  echo "| upload (HTTP, streamed to disk) | $(field upload_s "$IMPORT") | | |"
  echo "| analysis: schema validation + preview, one pass | $(field analysis_s "$IMPORT") | $ANALYSIS_MB_S | $(ratio "$ANALYSIS_MB_S" "$PARSE_MB_S") |"
  echo "| run: mapping and writing the projects | $(field run_s "$IMPORT") | $RUN_MB_S | $(ratio "$RUN_MB_S" "$PARSE_MB_S") |"
  echo "| **import = analysis + run** | $(field import_s "$IMPORT") | **$IMPORT_MB_S** | **$(ratio "$IMPORT_MB_S" "$PARSE_MB_S")** |"
  echo
  echo "CPU time, which the machine's other work does not inflate: the parse-only pass took $(field parse_cpu_ms "$PARSE") ms of CPU; the import (upload, analysis and run) took ${IMPORT_CPU_S} s of CPU in the portal and its PostgreSQL, i.e. a ratio of $(awk -v p="$(field parse_cpu_ms "$PARSE")" -v i="$IMPORT_CPU_S" 'BEGIN { printf "%.3f", p / 1000 / i }') by CPU time."
  echo
  echo "Projects created: $CREATED (updated $(field updated "$IMPORT"), skipped $(field skipped "$IMPORT"), failed $(field failed "$IMPORT")), after a warm-up import of $WARMUP_MB MB that is not measured."
  echo "Load average of the machine (1, 5, 15 min) before and after the import: $LOAD_BEFORE / $LOAD_AFTER (on $(nproc) cores: above $(nproc), other work shared the CPUs)."
  echo "Portal heap during the import (of $HEAP): peak used ${IMPORT_PEAK} MB (garbage included, jstat every 200 ms), largest heap after a young collection ${IMPORT_AFTER_GC} MB (G1 leaves old garbage until its heap is 45 % full), ${IMPORT_LIVE} MB live after a full collection at the end."
  echo
  echo "## Export of $EXPORT_PROJECTS projects"
  echo
  echo "Top-up import of small activities: $TOPUP_LINE"
  echo
  echo "| figure | value |"
  echo "|---|---:|"
  echo "| \`GET /projets/iati/export.xml\`: time | $(field export_s "$EXPORT") s |"
  echo "| activities exported | $(field activities "$EXPORT") ($(field activities_per_s "$EXPORT")/s) |"
  echo "| file | $(awk -v b="$EXPORT_BYTES" 'BEGIN { printf "%.1f MB", b / 1048576 }') |"
  echo "| portal heap: peak used (jstat, every 200 ms) | ${EXPORT_PEAK} MB |"
  echo "| portal heap: largest after a young collection (GC log) | ${EXPORT_AFTER_GC} MB |"
  echo "| portal heap: live after a full collection at the end | ${EXPORT_LIVE} MB |"
  echo "| the exported file against the IATI 2.03 schema | $VALID |"
} >"$OUT"
log "report written to $OUT"
cat "$OUT"
