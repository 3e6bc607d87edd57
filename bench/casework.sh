#!/usr/bin/env bash
# Applications benchmark (not a test), issue 3. Starts the packaged platform with the Spring
# profile "bench" on a fresh embedded PostgreSQL and measures, with wrk on loopback:
#   - baseline: POST /bench/baseline, one transaction that starts a one-step process on the same
#     Flowable engine and inserts one row (profile "bench" only), 32 connections; and the same with
#     the task-level history the platform's own processes keep (POST /bench/baseline/task-history)
#   - submit -> automatic approval: clerk.xihu files MR-002 at the window for a different person
#     each request (bench/submit-at-window.lua), 32 connections; every answer must be 201 and
#     APPROVED, and the database is asked how many were approved automatically
#   - pgbench simple-update (-N) on a separate database of the same PostgreSQL, 32 clients
#   - status lookup: GET /api/v1/casework/applications/{number} by the applicant, with 1,000,000
#     bulk-inserted applications, at 8 and at 32 connections
#   - machine, JDK, and resident memory at the end
# Usage: bench/casework.sh [seconds-per-run]   (default 30). BENCH_JFR=1 also records a flight
# recording of the whole run next to the results. Results: bench/results/casework-<time>.md
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-30}
WARM_UP=$(( SECONDS_PER_RUN < 15 ? SECONDS_PER_RUN : 15 ))
PORT=18183
PG_PORT=15435
BASE="http://127.0.0.1:$PORT"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT="bench/results/casework-$STAMP.md"
APPLICATIONS=${BENCH_APPLICATIONS:-1000000}   # fewer only for trying the script out
mkdir -p bench/results

. bench/lib.sh
need wrk wrk
need pgbench postgresql-contrib postgresql-client
need psql postgresql-client
prepare

sql() { # database, then SQL on stdin or as $2
  local db=$1; shift
  psql -X -q -t -A -h 127.0.0.1 -p $PG_PORT -U postgres -d "$db" -v ON_ERROR_STOP=1 "$@"
}

CLERK="Authorization: Basic $(printf 'clerk.xihu:demo1234' | base64)"
FAILED=""

# CPU time used so far, in clock ticks, by the JVM and by PostgreSQL (postmaster, its live
# backends and those it has reaped): CPU per request is far less noisy than requests/s on a
# machine shared with other work.
TICKS=$(getconf CLK_TCK)
cpu_ticks() {
  local jvm pg postmaster
  jvm=$(awk '{print $14 + $15}' "/proc/$APP_PID/stat")
  postmaster=$(head -1 "$DATA/postgres/postmaster.pid")
  pg=$( { awk '{print $14 + $15 + $16 + $17}' "/proc/$postmaster/stat"
          for child in $(pgrep -P "$postmaster"); do awk '{print $14 + $15}' "/proc/$child/stat" 2>/dev/null || true; done; } \
        | awk '{s += $1} END {print s + 0}')
  echo "$jvm $pg"
}
cpu_per_request() { # ticks-before ticks-after requests: "JVM ms, PostgreSQL ms" per request
  awk -v b="$1" -v a="$2" -v n="$3" -v hz="$TICKS" 'BEGIN { split(b, x, " "); split(a, y, " ");
    printf "%.2f | %.2f", (y[1] - x[1]) * 1000 / hz / n, (y[2] - x[2]) * 1000 / hz / n }'
}

# wrk --latency: requests/s and p50/p90/p99 in ms of one run, as a table row. Sets RPS_<key>.
to_ms() { awk -v t="$1" 'BEGIN { if (t ~ /us$/) printf "%.1f", t * 0.001; else if (t ~ /ms$/) printf "%.1f", t + 0; else if (t ~ /m$/) printf "%.1f", t * 60000; else printf "%.1f", t * 1000 }'; }
measure() { # key name connections seconds wrk-arguments...
  local key=$1 name=$2 connections=$3 seconds=$4; shift 4
  local before after
  before=$(cpu_ticks)
  wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s --latency "$@" > "$DATA/wrk-$key.txt"
  after=$(cpu_ticks)
  local rps p50 p90 p99 non2xx errors requests
  rps=$(awk '/^Requests\/sec/ {printf "%.0f", $2}' "$DATA/wrk-$key.txt")
  p50=$(to_ms "$(awk '$1 == "50%" {print $2}' "$DATA/wrk-$key.txt")")
  p90=$(to_ms "$(awk '$1 == "90%" {print $2}' "$DATA/wrk-$key.txt")")
  p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$DATA/wrk-$key.txt")")
  non2xx=$(awk '/Non-2xx or 3xx responses/ {print $NF}' "$DATA/wrk-$key.txt")
  errors=$(awk '/Socket errors/ {sub(/.*Socket errors: /, ""); print}' "$DATA/wrk-$key.txt")
  requests=$(awk '/requests in/ {print $1}' "$DATA/wrk-$key.txt")
  echo "| $name | $connections | $rps | $p50 | $p90 | $p99 | $(cpu_per_request "$before" "$after" "$requests") | ${non2xx:-0} | ${errors:-none} |" | tee -a "$OUT"
  printf -v "RPS_$key" '%s' "$rps"
  printf -v "P99_$key" '%s' "$p99"
  if [ -n "$non2xx" ] || [ -n "$errors" ]; then FAILED="$FAILED $key"; fi
}

JVM_OPTIONS=()
if [ "${BENCH_JFR:-0}" = 1 ]; then
  JVM_OPTIONS+=("-XX:StartFlightRecording=filename=$PWD/bench/results/casework-$STAMP.jfr,")
fi

{
  echo "# Applications benchmark $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -r); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "JDK: $("$JAVA" -version 2>&1 | head -1); load tool: $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2) on loopback, 2 threads; ${SECONDS_PER_RUN} s per run after ${WARM_UP} s of warm-up; $(pgbench --version)"
  echo
} | tee "$OUT"

start "${JVM_OPTIONS[@]}" -- --spring.profiles.active=bench
echo "- start with the demo data and the bench profile: ready in ${READY} s; resident memory JVM ${JVM_RSS_MB} MB + PostgreSQL ${PG_RSS_MB} MB" | tee -a "$OUT"
echo "- PostgreSQL: $(sql postgres -c 'show server_version') with $(sql postgres -c "select string_agg(name || '=' || setting, ', ' order by name) from pg_settings where name in ('fsync', 'synchronous_commit', 'shared_buffers', 'max_connections')")" | tee -a "$OUT"

{
  echo
  echo "| run | connections | requests/s | p50 ms | p90 ms | p99 ms | JVM CPU ms/request | PostgreSQL CPU ms/request | non-2xx | socket errors |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
} | tee -a "$OUT"

# --- baseline: one-step process + one row per request
wrk -t2 -c32 -d"${WARM_UP}s" --timeout 10s -s bench/baseline.lua "$BASE" > /dev/null
measure baseline "baseline: one-step process + one row" 32 "$SECONDS_PER_RUN" -s bench/baseline.lua "$BASE"

# --- the same baseline with the task-level history of the platform's own processes (decision 0003)
wrk -t2 -c32 -d"${WARM_UP}s" --timeout 10s -s bench/baseline.lua "$BASE" -- task-history > /dev/null
measure baselineTask "baseline, task-level history" 32 "$SECONDS_PER_RUN" -s bench/baseline.lua "$BASE" -- task-history

# --- submit at the window -> automatic approval (people numbered from 0 in the warm-up, from 10,000,000 in the measured run)
wrk -t2 -c32 -d"${WARM_UP}s" --timeout 10s -s bench/submit-at-window.lua -H "$CLERK" "$BASE" -- 0 2 > "$DATA/wrk-submit-warm-up.txt"
if ! grep -q "not 201 APPROVED: 0$" "$DATA/wrk-submit-warm-up.txt"; then
  FAILED="$FAILED submit-warm-up"
  echo "WARM-UP FAILURES (cold JVM): $(grep -E 'not 201 APPROVED|first answer' "$DATA/wrk-submit-warm-up.txt" | tr '\n' ' ')" | tee -a "$OUT"
fi
APPROVED_BEFORE=$(sql postgres -c "select count(*) from automatic_decision where outcome = 'APPROVE'")
measure submit "submit at the window -> automatic approval (MR-002)" 32 "$SECONDS_PER_RUN" -s bench/submit-at-window.lua -H "$CLERK" "$BASE" -- 10000000 2
APPROVED_AFTER=$(sql postgres -c "select count(*) from automatic_decision where outcome = 'APPROVE'")
NOT_APPROVED=$(awk '/not 201 APPROVED:/ {print $NF}' "$DATA/wrk-submit.txt")
grep "first answer not approved" "$DATA/wrk-submit.txt" | tee -a "$OUT" || true
[ "$NOT_APPROVED" = 0 ] || FAILED="$FAILED submit-not-approved"
SUBMIT_SECONDS=$(awk '/requests in/ {sub(/s,$/, "", $4); print $4}' "$DATA/wrk-submit.txt")
SUBMIT_REQUESTS=$(awk '/requests in/ {print $1}' "$DATA/wrk-submit.txt")
APPROVED_RUN=$(( APPROVED_AFTER - APPROVED_BEFORE ))
APPROVED_PER_SECOND=$(echo "scale=0; $APPROVED_RUN / $SUBMIT_SECONDS" | bc)
{
  echo
  echo "Submit run: $SUBMIT_REQUESTS answers in $SUBMIT_SECONDS s, $NOT_APPROVED of them not 201 APPROVED; automatic approvals recorded in the database during the run: $APPROVED_RUN, that is $APPROVED_PER_SECOND per second."
  echo
  echo "Database after the submit runs (warm-up and measured):"
  echo
  echo '```'
  sql postgres <<'SQL'
select 'applications by state: ' || string_agg(state || ' ' || n, ', ') from (select state, count(*) n from application group by state order by state) s;
select 'automatic decisions by outcome: ' || coalesce(string_agg(outcome || ' ' || n, ', '), 'none') from (select outcome, count(*) n from automatic_decision group by outcome order by outcome) s;
select 'approved applications without an automatic approval: ' || count(*) from application a where state = 'APPROVED' and not exists (select 1 from automatic_decision d where d.application_id = a.id and d.outcome = 'APPROVE');
select 'timeline rows: ' || count(*) from application_step;
select 'people recorded at the window: ' || count(*) from account where username like 'p-%';
select 'notifications (inbox and outboxes, written with each step): ' || coalesce(string_agg(channel || ' ' || n, ', '), 'none') from (select channel, count(*) n from notification group by channel order by channel) s;
select 'event publication registry: ' || count(*) || ' events, ' || count(*) filter (where completion_date is null) || ' not yet completed' from event_publication;
select 'Flowable history: ' || count(*) || ' process instances, ' || count(*) filter (where end_time_ is not null) || ' ended' from act_hi_procinst;
SQL
  echo '```'
} | tee -a "$OUT"
REFERRED=$(sql postgres -c "select count(*) from automatic_decision where outcome <> 'APPROVE'")
[ "$REFERRED" = 0 ] || FAILED="$FAILED referred"

# --- pgbench simple-update on a separate database of the same server
sql postgres -c "drop database if exists pgbench" -c "create database pgbench"
pgbench -q -i -s 10 -h 127.0.0.1 -p $PG_PORT -U postgres pgbench > "$DATA/pgbench-init.txt" 2>&1
before=$(cpu_ticks)
pgbench -N -c 32 -j 2 -T "$SECONDS_PER_RUN" -h 127.0.0.1 -p $PG_PORT -U postgres pgbench > "$DATA/pgbench.txt" 2>&1
after=$(cpu_ticks)
PGBENCH_TPS=$(awk '/^tps = / {printf "%.0f", $3}' "$DATA/pgbench.txt")
PGBENCH_LATENCY=$(awk '/^latency average/ {print $4}' "$DATA/pgbench.txt")
PGBENCH_TX=$(awk '/number of transactions actually processed/ {split($NF, a, "/"); print a[1]}' "$DATA/pgbench.txt")
echo "| pgbench -N (simple update), scale 10, -j 2 | 32 | $PGBENCH_TPS tps | | | average $PGBENCH_LATENCY | $(cpu_per_request "$before" "$after" "$PGBENCH_TX") | | |" | tee -a "$OUT"
sql postgres -c "drop database pgbench"

# --- 1,000,000 accepted applications (two timeline rows each), bulk-inserted, then status look-ups
t0=$(date +%s.%N)
sql postgres <<SQL
insert into application (id, number, item_code, item_version, region_code, applicant, submitted_by, channel, state, form,
                         promised_days, accepted_on, created_at, updated_at)
select gen_random_uuid(), 'OW20260101-' || lpad(n::text, 7, '0'), i.code, i.version, '330106', p.who, p.who, 'ONLINE', 'ACCEPTED',
       jsonb_build_object('shopName', '面馆' || n, 'businessScope', '面食', 'employees', 1 + n % 8, 'organizationForm', 'INDIVIDUAL'),
       i.promised_days, date '2026-01-01', p.at, p.at + interval '1 hour'
from generate_series(1, $APPLICATIONS) n
cross join (select code, version, promised_days from service_item where code = 'MR-002' and status = 'PUBLISHED') i
cross join lateral (select case when n % 2 = 0 then 'zhangsan' else 'lisi' end as who,
                           timestamptz '2026-01-01 09:00+08' + n * interval '10 ms' as at) p;
insert into application_step (application_id, at, actor, step, state_after)
select id, created_at, applicant, 'submitted', 'SUBMITTED' from application where number like 'OW20260101-%' order by number;
insert into application_step (application_id, at, actor, step, state_after)
select id, updated_at, 'clerk.xihu', 'accepted', 'ACCEPTED' from application where number like 'OW20260101-%' order by number;
SQL
sql postgres -c "vacuum analyze application" -c "vacuum analyze application_step"
LOADED=$(echo "$(date +%s.%N) - $t0" | bc)
echo "| (bulk insert of $APPLICATIONS applications and $((2 * APPLICATIONS)) timeline rows, vacuum analyze: ${LOADED} s) | | | | | | | | | |" | tee -a "$OUT"
curl -fs -u zhangsan:demo1234 "$BASE/api/v1/casework/applications/OW20260101-0000002" | grep -q '"state":"ACCEPTED"' \
  || { echo "status lookup of a bulk-inserted application failed" >&2; FAILED="$FAILED lookup"; }

sql postgres -c "checkpoint"   # the bulk insert's dirty pages are written now, not during the look-ups
wrk -t2 -c8 -d"${WARM_UP}s" --timeout 10s -s bench/status-lookup.lua "$BASE" -- $APPLICATIONS > /dev/null
# at a moderate rate: each of 8 connections waits 40 ms between requests (about 200 requests/s)
measure status200 "status lookup, $APPLICATIONS applications, ~200 requests/s" 8 "$SECONDS_PER_RUN" -s bench/status-lookup.lua "$BASE" -- $APPLICATIONS 40
measure status8 "status lookup, $APPLICATIONS applications, full load" 8 "$SECONDS_PER_RUN" -s bench/status-lookup.lua "$BASE" -- $APPLICATIONS
measure status32 "status lookup, $APPLICATIONS applications, full load" 32 "$SECONDS_PER_RUN" -s bench/status-lookup.lua "$BASE" -- $APPLICATIONS

resident_memory
{
  echo
  echo "- automatic approvals per second / baseline requests per second: $(echo "scale=2; $APPROVED_PER_SECOND / $RPS_baseline" | bc) (engine default history); $(echo "scale=2; $APPROVED_PER_SECOND / $RPS_baselineTask" | bc) (baseline with the task-level history of the platform's processes)"
  echo "- pgbench tps / baseline requests per second: $(echo "scale=2; $PGBENCH_TPS / $RPS_baseline" | bc)"
  echo "- resident memory at the end: JVM ${JVM_RSS_MB} MB + PostgreSQL ${PG_RSS_MB} MB; load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "Targets (issue 3):"
  echo
  echo "| target | result | met |"
  echo "| --- | --- | --- |"
  met() { [ "$(echo "$1" | bc)" = 1 ] && echo yes || echo no; }
  echo "| at least 500 automatic approvals/s sustained, 32 clients | $APPROVED_PER_SECOND/s | $(met "$APPROVED_PER_SECOND >= 500") |"
  echo "| at least 45% of the baseline in the same run | $(echo "scale=0; 100 * $APPROVED_PER_SECOND / $RPS_baseline" | bc)% of $RPS_baseline requests/s (engine default history); $(echo "scale=0; 100 * $APPROVED_PER_SECOND / $RPS_baselineTask" | bc)% of $RPS_baselineTask (task-level history) | $(met "$APPROVED_PER_SECOND >= 0.45 * $RPS_baseline"); $(met "$APPROVED_PER_SECOND >= 0.45 * $RPS_baselineTask") |"
  echo "| submit p99 under 150 ms at 32 clients | ${P99_submit} ms | $(met "$P99_submit < 150") |"
  echo "| status lookup p99 under 10 ms | ${P99_status200} ms at ~200/s, ${P99_status8} ms (8 clients, full load), ${P99_status32} ms (32 clients, full load) | $(met "$P99_status200 < 10") at ~200/s, $(met "$P99_status8 < 10") at 8, $(met "$P99_status32 < 10") at 32 |"
} | tee -a "$OUT"
stop
if [ -n "$FAILED" ]; then
  mkdir -p "bench/results/casework-$STAMP-failure"
  cp "$DATA"/*.txt "$DATA/app.log" "bench/results/casework-$STAMP-failure/"
  echo "FAILED:$FAILED (wrk, pgbench and application output in bench/results/casework-$STAMP-failure/)" | tee -a "$OUT" >&2
  echo "Results written to $OUT"
  exit 1
fi
echo "Results written to $OUT"
