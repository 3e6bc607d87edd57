#!/usr/bin/env bash
# Catalog benchmark (not a test): starts the packaged platform on its embedded PostgreSQL,
# loads 10,000 generated items, then measures with `hey` (Debian package) on loopback:
#   - a trivial endpoint of the same application (/actuator/health/liveness): the baseline
#   - the item guide page, throughput as a ratio of the baseline
#   - search at a fixed 200 requests/s (p50/p99), three kinds of query, and search at full load
#   - time to ready and resident memory with the demo data, and again with 10,000 items
#   - time to stop on SIGTERM
# Usage: bench/catalog.sh [seconds-per-run]   (default 20). Results: bench/results/catalog-<time>.md
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-20}
PORT=18181
PG_PORT=15433
BASE="http://127.0.0.1:$PORT"
OUT="bench/results/catalog-$(date -u +%Y%m%dT%H%M%SZ).md"
mkdir -p bench/results

. bench/lib.sh
need hey hey
need psql postgresql-client
prepare

# hey's summary: requests/s, p50 and p99 in ms
measure() { # key name url extra-hey-args...
  local key=$1 name=$2 url=$3; shift 3
  hey -z "${SECONDS_PER_RUN}s" "$@" "$url" > "$DATA/hey.txt"
  local rps p50 p99 codes
  rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$DATA/hey.txt")
  p50=$(awk '/ 50% in/ {printf "%.1f", $3*1000}' "$DATA/hey.txt")
  p99=$(awk '/ 99% in/ {printf "%.1f", $3*1000}' "$DATA/hey.txt")
  codes=$(awk '/Status code distribution/ {f=1; next} f && /\[/ {printf "%s%s ", $1, $2} /Error distribution/ {f=0}' "$DATA/hey.txt")
  echo "| $name | $rps | $p50 | $p99 | $codes |" | tee -a "$OUT"
  printf -v "RPS_$key" '%s' "$rps"
}

{
  echo "# Catalog benchmark $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -r); JDK: $("$JAVA" -version 2>&1 | head -1); load tool: hey on loopback; ${SECONDS_PER_RUN} s per run."
  echo
} > "$OUT"

start
echo "- first start, demo data (49 items; includes creating the database cluster and loading the demo): ready in ${READY} s; resident memory JVM ${JVM_RSS_MB} MB + PostgreSQL ${PG_RSS_MB} MB" | tee -a "$OUT"
stop
start
echo "- restart, demo data: ready in ${READY} s; resident memory JVM ${JVM_RSS_MB} MB + PostgreSQL ${PG_RSS_MB} MB" | tee -a "$OUT"

# 10,000 generated items: variations of the demo items with other names, published.
PGPASSWORD="" psql -q -h 127.0.0.1 -p $PG_PORT -U postgres -d postgres -v ON_ERROR_STOP=1 <<'SQL'
insert into service_item (id, code, version, status, department, level, audience, category, statutory_days,
                          promised_days, fee_yuan, visits, standard, created_by, published_at, published_by)
select gen_random_uuid(), 'BX-' || lpad(n::text, 5, '0'), 1, 'PUBLISHED', s.department, s.level, s.audience, s.category,
       s.statutory_days, s.promised_days, s.fee_yuan, s.visits,
       jsonb_set(s.standard, '{name}', jsonb_build_object(
           'zh', (array['城区','新区','开发区','乡镇','街道','园区','县域','市级'])[1 + n % 8] || (s.standard->'name'->>'zh') || '（' || n || '号）',
           'en', (s.standard->'name'->>'en') || ' (' || (array['city','new district','development zone','township','street','park','county','municipal'])[1 + n % 8] || ' ' || n || ')')),
       'bench', now(), 'bench'
from generate_series(1, 10000) as n
join lateral (select * from service_item where status = 'PUBLISHED' and code not like 'BX-%'
              order by code offset (n % 49) limit 1) s on true;
SQL
stop
echo "- stop on SIGTERM: ${STOPPED} s" | tee -a "$OUT"
start
echo "- 10,049 items: ready in ${READY} s; resident memory JVM ${JVM_RSS_MB} MB + PostgreSQL ${PG_RSS_MB} MB" | tee -a "$OUT"
curl -fs "$BASE/api/v1/catalog/items?limit=1" | grep -q '"total":100' || echo "WARNING: the index does not hold the generated items" | tee -a "$OUT"

# warm-up
hey -z 5s -c 8 "$BASE/actuator/health/liveness" >/dev/null
hey -z 5s -c 8 "$BASE/items/BX-00042" >/dev/null
hey -z 5s -c 8 -H "Cookie: JSESSIONID=bench" "$BASE/items/BX-00042" >/dev/null
hey -z 5s -c 8 "$BASE/api/v1/catalog/items?q=%E9%A3%9F%E5%93%81%E7%BB%8F%E8%90%A5%E8%AE%B8%E5%8F%AF" >/dev/null

{
  echo
  echo "| run | requests/s | p50 ms | p99 ms | status codes |"
  echo "| --- | ---: | ---: | ---: | --- |"
} >> "$OUT"
measure baseline "baseline: liveness, 8 clients" "$BASE/actuator/health/liveness" -c 8
measure item "item page, anonymous (rendered once per catalog change), 8 clients" "$BASE/items/BX-00042" -c 8
# A session cookie makes the page personal: it is rendered for every request.
measure rendered "item page, rendered every time, 8 clients" "$BASE/items/BX-00042" -c 8 -H "Cookie: JSESSIONID=bench"

measure zh "search zh 食品经营许可 at 200/s" "$BASE/api/v1/catalog/items?q=%E9%A3%9F%E5%93%81%E7%BB%8F%E8%90%A5%E8%AE%B8%E5%8F%AF" -c 4 -q 50
measure colloquial "search colloquial 开饭店 at 200/s" "$BASE/api/v1/catalog/items?q=%E5%BC%80%E9%A5%AD%E5%BA%97" -c 4 -q 50
measure en "search en 'retirment pension' (typo) at 200/s" "$BASE/api/v1/catalog/items?q=retirment+pension" -c 4 -q 50
measure page "search page (HTML, anonymous) 开饭店 at 200/s" "$BASE/search?q=%E5%BC%80%E9%A5%AD%E5%BA%97" -c 4 -q 50
measure full "search zh, full load, 8 clients" "$BASE/api/v1/catalog/items?q=%E9%A3%9F%E5%93%81%E7%BB%8F%E8%90%A5%E8%AE%B8%E5%8F%AF" -c 8

echo | tee -a "$OUT"
echo "Item page throughput / baseline throughput: anonymous $(echo "scale=2; $RPS_item / $RPS_baseline" | bc), rendered every time $(echo "scale=2; $RPS_rendered / $RPS_baseline" | bc)" | tee -a "$OUT"
stop
echo "Results written to $OUT"
