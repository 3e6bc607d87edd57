#!/usr/bin/env bash
# Start-up benchmark (not a test). For each variant (a jar and JVM options) it measures, several
# times and alternately with the other variants:
#   - a first start: an empty data directory with the demo data (ONEWINDOW_DEMO_DATA=true, a fresh
#     ONEWINDOW_DATA_DIR), so the embedded PostgreSQL runs initdb, Flyway creates the schema,
#     Flowable its tables, and the demo government and catalog are loaded;
#   - a restart on the same data directory;
# each as the wall time from launching the JVM until /actuator/health/readiness answers UP, and the
# CPU time the JVM used until then (/proc/PID/stat: user + system of all its threads; initdb and
# PostgreSQL are separate processes and not counted). Then SIGTERM, and the time until it exited.
# Every run gets a free port and its own data directory; all variants run on the same JDK.
#
# Usage: bench/startup.sh [-n rounds] VARIANT [VARIANT...]
#   VARIANT is "jar" or "label=jar [JVM options...]" (one argument; options split at spaces),
#   e.g. "aot=target/aot/app/onewindow-0.1.0-SNAPSHOT.jar -XX:AOTCache=target/aot/onewindow.aot"
#   (made by bin/run-with-aot-cache --train-only). Paths are used as given, relative to where the
#   command is run: an AOT cache is ignored unless the class path is spelt as in its training run.
#   System properties (-Dspring.main.lazy-initialization=true) configure the application as well.
#   With two or more variants the LAST one is the baseline and every other is given as a ratio
#   of it: bench/startup.sh target/onewindow-0.1.0-SNAPSHOT.jar /tmp/baseline.jar
#   -n: rounds (default 5); each round runs every variant once (first start, then restart), in an
#   order rotated from round to round so that no variant always runs first.
# Environment: JAVA (default: the newest JDK >= 21 under /usr/lib/jvm), BENCH_KEEP_LOGS=1 keeps the
# application logs next to the results. Results: bench/results/startup-<time>.md (and .tsv).
set -euo pipefail
CALLER=$PWD   # jars and options are used as given, from here: an AOT cache matches only the class path it was made with
cd "$(dirname "$0")/.."
ROUNDS=5
while getopts "n:" option; do
  case $option in
    n) ROUNDS=$OPTARG ;;
    *) sed -n '2,/^set -euo/p' "$0" | sed '$d' >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[ $# -ge 1 ] || { sed -n '2,/^set -euo/p' "$0" | sed '$d' >&2; exit 2; }

. bench/lib.sh
if [ -n "${JAVA:-}" ]; then [ -x "$JAVA" ] || { echo "JAVA=$JAVA is not executable" >&2; exit 1; }; else find_java; fi
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p bench/results
OUT="bench/results/startup-$STAMP.md"
RAW="bench/results/startup-$STAMP.tsv"
WORK=$(mktemp -d /tmp/onewindow-startup-XXXX)
TICKS=$(getconf CLK_TCK)

LABELS=(); JARS=(); OPTIONS=()
for spec in "$@"; do
  read -r -a words <<< "$spec"
  jar=${words[0]}; label=""
  if [[ $jar == *=* ]]; then label=${jar%%=*}; jar=${jar#*=}; fi
  (cd "$CALLER" && [ -f "$jar" ]) || { echo "no such jar: $jar" >&2; exit 1; }
  [ -n "$label" ] || label=$(basename "$jar" .jar)
  LABELS+=("$label"); JARS+=("$jar"); OPTIONS+=("${words[*]:1}")
done
VARIANTS=${#LABELS[@]}

APP_PID=""
DATA=""
finish() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill -TERM "$APP_PID"
    for _ in $(seq 1 150); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$APP_PID" 2>/dev/null || true
  fi
  if [ "${BENCH_KEEP_LOGS:-0}" = 1 ]; then
    mkdir -p "bench/results/startup-$STAMP-logs" && cp "$WORK"/*.log "bench/results/startup-$STAMP-logs/" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap finish EXIT

# A TCP port nobody listens on, below the kernel's ephemeral range (where the embedded PostgreSQL's
# own port comes from); the JVM binds it a few seconds later, and a run that finds it taken is repeated.
free_port() {
  local port
  while :; do
    port=$(( 20000 + RANDOM % 12000 ))
    ss -Htln "sport = :$port" | grep -q . || { echo "$port"; return; }
  done
}

now() { date +%s.%N; }

# One start of variant $1 on data directory $2, kind $3 (first|restart). Appends a row to $RAW.
run_once() {
  local v=$1 data=$2 kind=$3 round=$4 attempt=${5:-1}
  local port log t0 ready cpu children stopped t1 started
  port=$(free_port)
  log="$WORK/${LABELS[$v]}-$round-$kind.log"
  local -a jvm_options=()
  [ -n "${OPTIONS[$v]}" ] && read -r -a jvm_options <<< "${OPTIONS[$v]}"
  t0=$(now)
  (cd "$CALLER" && ONEWINDOW_DEMO_DATA=true ONEWINDOW_DATA_DIR="$data" \
    exec "$JAVA" "${jvm_options[@]}" -jar "${JARS[$v]}" --server.port="$port") > "$log" 2>&1 &
  APP_PID=$!
  until curl -fs -m 2 "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; do
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      wait "$APP_PID" 2>/dev/null || true
      APP_PID=""
      # someone else took the port between choosing it and binding it: the same run on another port
      if [ "$attempt" -lt 3 ] && grep -q "Port $port was already in use" "$log"; then
        echo "  port $port was taken, once more on another" >&2
        run_once "$v" "$data" "$kind" "$round" $((attempt + 1))
        return
      fi
      echo "${LABELS[$v]} ($kind) exited before it was ready:" >&2; tail -40 "$log" >&2; exit 1
    fi
    if [ "$(echo "$(now) - $t0 > 240" | bc)" = 1 ]; then echo "${LABELS[$v]} ($kind) not ready after 240 s" >&2; tail -40 "$log" >&2; exit 1; fi
    sleep 0.05
  done
  t1=$(now)
  read -r cpu children < <(awk '{print $14 + $15, $16 + $17}' "/proc/$APP_PID/stat")
  ready=$(echo "$t1 - $t0" | bc)
  started=$(sed -n 's/.*Started OneWindowApplication in \([0-9.]*\) seconds.*/\1/p' "$log" | head -1)
  kill -TERM "$APP_PID"
  wait "$APP_PID" 2>/dev/null || true
  stopped=$(echo "$(now) - $t1" | bc)
  APP_PID=""
  printf '%s\t%s\t%s\t%.3f\t%.3f\t%.3f\t%s\t%.3f\n' "${LABELS[$v]}" "$kind" "$round" "$ready" \
    "$(echo "$cpu / $TICKS" | bc -l)" "$(echo "$children / $TICKS" | bc -l)" "${started:--}" "$stopped" >> "$RAW"
  printf '  %-14s %-8s round %s: ready %6.2f s, JVM CPU %6.2f s (Spring: started in %s s), stopped in %.2f s\n' \
    "${LABELS[$v]}" "$kind" "$round" "$ready" "$(echo "$cpu / $TICKS" | bc -l)" "${started:--}" "$stopped"
}

median() { sort -g | awk '{a[NR] = $1} END {if (NR == 0) print "-"; else if (NR % 2) printf "%.2f", a[(NR + 1) / 2]; else printf "%.2f", (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
column_of() { # label kind column -> values
  awk -F'\t' -v l="$1" -v k="$2" -v c="$3" '$1 == l && $2 == k {print $c}' "$RAW"
}

printf 'variant\tkind\tround\tready_s\tjvm_cpu_s\treaped_children_cpu_s\tspring_started_s\tstop_s\n' > "$RAW"
{
  echo "# Start-up benchmark $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Machine: $(nproc) cores ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)), $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -r); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "JDK: $("$JAVA" -version 2>&1 | sed -n 2p) ($JAVA); $ROUNDS rounds, each variant once per round (first start, then restart)"
  echo
  echo "Variants:"
  for v in $(seq 0 $((VARIANTS - 1))); do
    echo "- \`${LABELS[$v]}\`: \`${JARS[$v]}\`${OPTIONS[$v]:+ with \`${OPTIONS[$v]}\`}$( [ "$VARIANTS" -gt 1 ] && [ "$v" = $((VARIANTS - 1)) ] && echo ' (baseline)')"
  done
  echo
} | tee "$OUT"

for round in $(seq 1 "$ROUNDS"); do
  for i in $(seq 0 $((VARIANTS - 1))); do
    v=$(( (i + round - 1) % VARIANTS ))
    data="$WORK/data-$v-$round"
    mkdir -p "$data"
    run_once "$v" "$data" first "$round"
    run_once "$v" "$data" restart "$round"
    rm -rf "$data"
  done
done

BASE_LABEL=""
[ "$VARIANTS" -gt 1 ] && BASE_LABEL=${LABELS[$((VARIANTS - 1))]}
ratio() { # value baseline
  if [ -z "$BASE_LABEL" ] || [ "$2" = "-" ] || [ "$1" = "-" ]; then echo "-"; else awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; fi
}
{
  echo
  echo "Medians of $ROUNDS runs (wall: launch to readiness UP; CPU: the JVM's user + system time until then):"
  echo
  echo "| variant | first start, wall s | CPU s | restart, wall s | CPU s | wall ÷ baseline (first / restart) | CPU ÷ baseline (first / restart) | stop s |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  if [ -n "$BASE_LABEL" ]; then
    bfw=$(column_of "$BASE_LABEL" first 4 | median); bfc=$(column_of "$BASE_LABEL" first 5 | median)
    brw=$(column_of "$BASE_LABEL" restart 4 | median); brc=$(column_of "$BASE_LABEL" restart 5 | median)
  fi
  for v in $(seq 0 $((VARIANTS - 1))); do
    l=${LABELS[$v]}
    fw=$(column_of "$l" first 4 | median); fc=$(column_of "$l" first 5 | median)
    rw=$(column_of "$l" restart 4 | median); rc=$(column_of "$l" restart 5 | median)
    st=$( { column_of "$l" first 8; column_of "$l" restart 8; } | median)
    echo "| $l | $fw | $fc | $rw | $rc | $(ratio "$fw" "${bfw:--}") / $(ratio "$rw" "${brw:--}") | $(ratio "$fc" "${bfc:--}") / $(ratio "$rc" "${brc:--}") | $st |"
  done
  echo
  echo "Every run: wall s (min-max) per variant and kind"
  echo
  for v in $(seq 0 $((VARIANTS - 1))); do
    l=${LABELS[$v]}
    echo "- $l: first $(column_of "$l" first 4 | sort -g | paste -sd' ') / restart $(column_of "$l" restart 4 | sort -g | paste -sd' ')"
  done
  echo
  echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg). Raw rows: $RAW"
} | tee -a "$OUT"
