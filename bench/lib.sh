# Shared by the bench/*.sh commands (sourced, not run). Expects PORT, PG_PORT, BASE and DATA set.

# Installs a Debian package when its command is missing: need COMMAND PACKAGE...
need() {
  local command=$1; shift
  command -v "$command" >/dev/null || { apt-get update -qq && apt-get install -y -qq "$@"; }
}

# JDK, packaged jar and a fresh data directory that is removed on exit: sets JAVA and DATA.
prepare() {
  find_java
  [ -f target/onewindow-0.1.0-SNAPSHOT.jar ] || ./mvnw -q -DskipTests package
  DATA=$(mktemp -d /tmp/onewindow-bench-XXXX)
  trap cleanup EXIT
}

# The newest installed JDK >= 21 (the machine's default java may be older): sets JAVA.
find_java() {
  JAVA=""
  local best=0 candidate v
  for candidate in /usr/lib/jvm/*/bin/java; do
    v=$("$candidate" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
    if [ "${v%%.*}" -ge 21 ] 2>/dev/null && [ "${v%%.*}" -gt "$best" ]; then best=${v%%.*}; JAVA=$candidate; fi
  done
  [ -n "$JAVA" ] || { echo "no JDK >= 21 under /usr/lib/jvm" >&2; exit 1; }
}

APP_PID=""
# Stops the platform if it still runs and removes the data directory (trap it on EXIT).
cleanup() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill -TERM "$APP_PID"
    for _ in $(seq 1 150); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$APP_PID" 2>/dev/null || true
  fi
  rm -rf "$DATA"
}

# Starts the packaged platform on $DATA with the embedded PostgreSQL on $PG_PORT and waits until
# it is ready. Arguments: JVM options, then "--", then extra application arguments.
# Sets APP_PID, READY (seconds), JVM_RSS_MB and PG_RSS_MB.
start() {
  local jvm_options=() app_arguments=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do jvm_options+=("$1"); shift; done
  [ $# -gt 0 ] && shift
  app_arguments=("$@")
  if curl -s -m 2 -o /dev/null "$BASE/" 2>/dev/null; then
    echo "port $PORT is already in use: stop what runs there first" >&2; exit 1
  fi
  local t0; t0=$(date +%s.%N)
  "$JAVA" "${jvm_options[@]}" -jar target/onewindow-0.1.0-SNAPSHOT.jar --server.port=$PORT --onewindow.data-dir="$DATA" \
      --onewindow.database.embedded-port=$PG_PORT --onewindow.demo-data=true --logging.level.org.onewindow.request=WARN "${app_arguments[@]}" > "$DATA/app.log" 2>&1 &
  APP_PID=$!
  until curl -fs -m 2 "$BASE/actuator/health/readiness" >/dev/null 2>&1; do
    sleep 0.1
    kill -0 "$APP_PID" 2>/dev/null || { cat "$DATA/app.log"; exit 1; }
    if [ "$(echo "$(date +%s.%N) - $t0 > 180" | bc)" = 1 ]; then echo "not ready after 180 s" >&2; tail -40 "$DATA/app.log" >&2; exit 1; fi
  done
  READY=$(echo "$(date +%s.%N) - $t0" | bc)
  sleep 2
  resident_memory
}

# Resident memory of the platform's JVM and of its PostgreSQL processes: sets JVM_RSS_MB and PG_RSS_MB.
resident_memory() {
  JVM_RSS_MB=$(( $(ps -o rss= -p "$APP_PID") / 1024 ))
  PG_RSS_MB=$(( $(pgrep -f "$DATA/postgres" | xargs -r ps -o rss= -p | awk '{s+=$1} END {print s+0}') / 1024 ))
}

# Stops the platform with SIGTERM and waits for it: sets STOPPED (seconds).
stop() {
  local t0; t0=$(date +%s.%N)
  kill -TERM "$APP_PID"
  wait "$APP_PID" 2>/dev/null || true
  STOPPED=$(echo "$(date +%s.%N) - $t0" | bc)
  APP_PID=""
}
