#!/usr/bin/env bash
# Maillage registration benchmark (ISSUE 4 §7): 200 simultaneous registrations to an event of 50
# places must end with exactly 50 confirmed, 150 on the waiting list and no error; reports the time
# to settle and the latency of the registration requests. Run from anywhere: bench/registrations.sh
# Loopback only; the portal started here is stopped on exit; every wait is bounded.
# Settings (environment): PORT (8096), DB_PORT (54396, the embedded PostgreSQL, for psql), HEAP (512m),
# PEOPLE (200), CAPACITY (50), SKIP_BUILD (0/1: reuse target/maillage.jar), MVN_OFFLINE (0/1).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
PORT=${PORT:-8096}
DB_PORT=${DB_PORT:-54396}
HEAP=${HEAP:-512m}
PEOPLE=${PEOPLE:-200}
CAPACITY=${CAPACITY:-50}
DATA=$ROOT/bench/data/registrations
WORK=$ROOT/bench/work/registrations
RESULTS=$ROOT/bench/results
OUT=$RESULTS/registrations-latest.md
BASE=http://127.0.0.1:$PORT
START_DEADLINE=${START_DEADLINE:-600}
PREFIX="bench.inscription.$(date +%s)"
CLIENT=(java -Xmx512m "$ROOT/bench/RegistrationBench.java")

APP_PID=""
mkdir -p "$WORK" "$RESULTS"
log() { printf '[registrations-bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

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

for tool in java curl psql; do command -v "$tool" >/dev/null 2>&1 || { log "$tool is required (psql: Debian package postgresql-client)"; exit 1; }; done
if curl -s -m 1 -o /dev/null "$BASE/actuator/health"; then log "port $PORT already answers: stop what runs there first"; exit 1; fi

sql() { psql -X -q -A -t -v ON_ERROR_STOP=1 -h localhost -p "$DB_PORT" -U postgres -d maillage -c "$1"; }

# ------------------------------------------------------------------ build and start
if [[ "${SKIP_BUILD:-0}" != 1 || ! -f target/maillage.jar ]]; then
  log "building the jar"
  MVN_FLAGS=(-q -B -DskipTests)
  [[ "${MVN_OFFLINE:-0}" == 1 ]] && MVN_FLAGS+=(-o)
  ./mvnw "${MVN_FLAGS[@]}" package
fi
rm -rf "$DATA"
log "starting the portal (-Xmx$HEAP, data in $DATA)"
MAILLAGE_DATA_DIR="$DATA" SERVER_PORT="$PORT" SERVER_ADDRESS=127.0.0.1 MAILLAGE_DB_PORT="$DB_PORT" \
  MAILLAGE_BASE_URL="$BASE" java -Xmx"$HEAP" ${JAVA_EXTRA:-} -jar target/maillage.jar >"$WORK/app.log" 2>&1 &
APP_PID=$!
deadline=$(( $(date +%s) + START_DEADLINE ))
until curl -s -m 2 "$BASE/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
  kill -0 "$APP_PID" 2>/dev/null || { log "the portal stopped, see $WORK/app.log"; tail -20 "$WORK/app.log" >&2; exit 1; }
  (( $(date +%s) > deadline )) && { log "not healthy after ${START_DEADLINE}s"; exit 1; }
  sleep 0.2
done

# ------------------------------------------------------------------ the event (SQL, see bench/README.md)
# An open event of $CAPACITY places in 30 days with a waiting list, published, and a second small
# one for the warm-up. Written with SQL as the agenda facade would (event row and its occurrence):
# the registration path under test starts at the form.
create_event() { # slug title capacity
  sql "with e as (
         insert into agenda_event (slug, type, title, summary, local_start, local_end, starts_at, ends_at, format, venue_name,
             street, postal_code, city, departement, registration_mode, capacity, waiting_list, ask_structure, status, published_at)
         select '$1', 'REGIONAL_MEETING', '$2', 'Banc d''essai des inscriptions', d + time '09:00', d + time '17:00',
                (d + time '09:00') at time zone 'Europe/Paris', (d + time '17:00') at time zone 'Europe/Paris', 'IN_PERSON',
                'Maison des associations', '12 rue du Palais', '33000', 'Bordeaux', '33', 'OPEN', $3, true, true, 'PUBLISHED', now()
         from (select (current_date + 30)::timestamp as d) x
         returning id, starts_at, ends_at, local_start, local_end)
       insert into agenda_occurrence (event_id, starts_at, ends_at, start_day, end_day)
       select id, starts_at, ends_at, local_start::date, local_end::date from e;" >/dev/null
}
EVENT="banc-inscriptions-$(date +%s)"
WARMUP="$EVENT-chauffe"
create_event "$EVENT" "Rencontre régionale (banc d''essai)" "$CAPACITY"
create_event "$WARMUP" "Échauffement (banc d''essai)" 1000
EVENT_ID=$(sql "select id from agenda_event where slug = '$EVENT'")
log "event $EVENT (#$EVENT_ID): $CAPACITY places, waiting list on"

# ------------------------------------------------------------------ accounts through the sign-up form
log "signing up $PEOPLE accounts through /inscription"
"${CLIENT[@]}" signup --base "$BASE" --people "$PEOPLE" --prefix "$PREFIX" | tee "$WORK/client.log"
sql "select substring(body_text from '$BASE/confirmation/[A-Za-z0-9_-]+') from mail_outbox
     where recipient like '$PREFIX.%' and body_text like '%/confirmation/%' order by id" > "$WORK/links.txt"
log "$(wc -l < "$WORK/links.txt") confirmation links read from the outbox"

# ------------------------------------------------------------------ sessions, forms, then the burst
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")
"${CLIENT[@]}" register --base "$BASE" --people "$PEOPLE" --prefix "$PREFIX" --links "$WORK/links.txt" \
  --event "$EVENT" --warmup "$WARMUP" | tee -a "$WORK/client.log"
ROW=$(tail -1 "$WORK/client.log")
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")
COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo "?")

COUNTS=$(sql "select status || '=' || count(*) from agenda_registration where event_id = $EVENT_ID group by status order by status" | tr '\n' ' ')
CONFIRMED=$(sql "select count(*) from agenda_registration where event_id = $EVENT_ID and status = 'CONFIRMED'")
WAITING=$(sql "select count(*) from agenda_registration where event_id = $EVENT_ID and status = 'WAITING'")
POSITIONS=$(sql "select count(distinct p) from (select row_number() over (order by waiting_since, id) p from agenda_registration where event_id = $EVENT_ID and status = 'WAITING') x")
log "in the database: $COUNTS"
VERDICT="FAILED"
if [[ "$CONFIRMED" == "$CAPACITY" && "$WAITING" == $(( PEOPLE - CAPACITY )) ]] && grep -q "errors: 0 " "$WORK/client.log"; then VERDICT="OK"; fi

CPU=$(grep -m1 "model name" /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//' || echo "?")
CORES=$(nproc 2>/dev/null || echo "?")
JAVA=$(java -version 2>&1 | head -1)
{
  echo "# Registration benchmark ($(date -u +%Y-%m-%dT%H:%MZ))"
  echo
  echo "Machine: $CPU, $CORES cores; $JAVA; portal -Xmx$HEAP, embedded PostgreSQL 18 (fsync on); commit $COMMIT."
  echo "Load average (1, 5, 15 min) before the sign-ins: $LOAD_BEFORE; after the burst: $LOAD_AFTER."
  echo
  echo "$PEOPLE people, each signed in with their own session, send the registration form of an open event of"
  echo "$CAPACITY places (waiting list on) at the same instant (all client threads released together)."
  echo
  echo "| people | answered with their registration page | errors | time to settle (ms) | p50 (ms) | p95 (ms) | max (ms) |"
  echo "|---:|---:|---:|---:|---:|---:|---:|"
  echo "$ROW"
  echo
  echo "In the database afterwards: $CONFIRMED CONFIRMED, $WAITING WAITING (waiting positions 1..$POSITIONS), all statuses: $COUNTS"
  echo
  echo "Verdict: **$VERDICT** (expected exactly $CAPACITY confirmed, $(( PEOPLE - CAPACITY )) waiting, 0 errors)."
} > "$OUT"
cat "$OUT"
[[ "$VERDICT" == OK ]]
