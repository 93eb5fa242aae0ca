#!/usr/bin/env bash
# Year views and exports at scale (docs/performance.md, "Year views and exports"). Builds the service
# in Release, generates a year of 10,000 departments (and a year of 1,000 for comparison) with the
# generate-data command, then
#   (a) times the ranking's first page, a deep page (after 9,000 rows) and the last page (hyperfine);
#   (b) downloads every dataset in every format while sampling the service's resident memory
#       (VmRSS every 20 ms) and prints size, duration and peak memory against the idle baseline.
# Prints markdown on stdout; progress on stderr.
#   bash tests/load/year-views-exports.sh
#   DEPARTMENTS=10000 RUNS=20 bash tests/load/year-views-exports.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

DEPARTMENTS=${DEPARTMENTS:-10000}
SMALL=${SMALL:-1000}
YEAR=${YEAR:-2025}
SMALL_YEAR=${SMALL_YEAR:-2024}
RUNS=${RUNS:-10}
PORT=${PORT:-5191}
BASE="http://127.0.0.1:$PORT"
KEY=demo-admin-key # a Development demo key: refused in Production

for tool in hyperfine python3; do
  command -v "$tool" >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine python3; }
done

work=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT

log() { echo "$*" >&2; }
# The content root is the published folder, so its appsettings*.json (and the demo keys) are read.
export ASPNETCORE_ENVIRONMENT=Development Logging__LogLevel__Default=Warning
app=(dotnet "$work/app/PerfEval.Api.dll" --contentRoot "$work/app" --Logging:LogLevel:PerfEval.Infrastructure.DemoData=Information)

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
log "publishing (Release)…"
dotnet publish src/PerfEval.Api -c Release -o "$work/app" --nologo -v q >/dev/null

log "generating $DEPARTMENTS departments ($YEAR) and $SMALL ($SMALL_YEAR)…"
started=$(date +%s.%N)
"${app[@]}" generate-data --departments "$DEPARTMENTS" --year "$YEAR" --Database:DataFolder="$work/data" >"$work/generate.log"
generated=$(echo "$(date +%s.%N) - $started" | bc)
"${app[@]}" generate-data --departments "$SMALL" --year "$SMALL_YEAR" --Database:DataFolder="$work/data" >>"$work/generate.log"

"${app[@]}" --urls "$BASE" --Database:DataFolder="$work/data" --Demo:Enabled=false \
  --Security:RequestsPerMinute=100000000 >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do curl -fs "$BASE/health/ready" >/dev/null 2>&1 && break; kill -0 "$server"; sleep 0.5; done
curl -fs "$BASE/health/ready" >/dev/null

kb() { awk "/^$1:/ {print \$2}" "/proc/$server/status"; }
mb() { echo "scale=0; $1 / 1024" | bc; }
get() { curl -fs -H "X-Api-Key: $KEY" "$BASE$1"; }
next_cursor() { python3 -c 'import json,sys; print(json.load(sys.stdin)["nextCursor"] or "")'; }

idle_rss=$(kb VmRSS)
ranking="/api/v1/fiscal-years/$YEAR/scorecards"

# Cursors: after 9,000 rows (18 pages of 500) and after the second-last page of 500.
cursor=
pages=$(( (DEPARTMENTS - 1) / 500 ))
for i in $(seq 1 "$pages"); do
  cursor=$(get "$ranking?limit=500${cursor:+&cursor=$cursor}" | next_cursor)
  [ "$i" -eq $(( DEPARTMENTS * 9 / 10 / 500 )) ] && deep=$cursor
done
last=$cursor
[ -z "$(get "$ranking?limit=500&cursor=$last" | next_cursor)" ] || { log "the last page is not the last"; exit 1; }
warm_rss=$(kb VmRSS)

log "timing the ranking…"
hyperfine -N --warmup 2 --runs "$RUNS" --style none --export-markdown "$work/ranking.md" \
  -n "first page (limit 50)" "curl -fs -o /dev/null -H 'X-Api-Key: $KEY' $BASE$ranking?limit=50" \
  -n "deep page (after row $(( DEPARTMENTS * 9 / 10 )), limit 50)" "curl -fs -o /dev/null -H 'X-Api-Key: $KEY' $BASE$ranking?limit=50&cursor=$deep" \
  -n "last page (limit 500)" "curl -fs -o /dev/null -H 'X-Api-Key: $KEY' $BASE$ranking?limit=500&cursor=$last" \
  -n "summary (whole year)" "curl -fs -o /dev/null -H 'X-Api-Key: $KEY' $BASE/api/v1/fiscal-years/$YEAR/summary" >&2

# One download while VmRSS is sampled; prints: size bytes, seconds, peak RSS kB, RSS after kB, rows.
export_once() {
  local year=$1 dataset=$2 format=$3 out="$work/export.$3" peak=0 rss
  curl -fs -o "$out" -w '%{size_download} %{time_total}\n' -H "X-Api-Key: $KEY" \
    "$BASE/api/v1/fiscal-years/$year/export?format=$format&dataset=$dataset" >"$work/curl.out" &
  local client=$!
  while kill -0 "$client" 2>/dev/null; do
    rss=$(kb VmRSS); (( rss > peak )) && peak=$rss
    sleep 0.02
  done
  wait "$client"
  local rows
  case $format in
    xlsx) rows=$(( $(unzip -p "$out" xl/worksheets/sheet1.xml | grep -o '<x:row ' | wc -l) - 1 )) ;;
    csv) rows=$(python3 -c 'import csv,sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], encoding="utf-8-sig"))) - 1)' "$out") ;;
    *) rows=$(wc -l <"$out") ;;
  esac
  echo "$(cat "$work/curl.out") $peak $(kb VmRSS) $rows"
}

echo "### Ranking ($DEPARTMENTS departments, $RUNS runs each after 2 warm-up runs)"
echo
cat "$work/ranking.md"
echo
echo "Generating the $DEPARTMENTS-department year took ${generated%.*} s (whole command, including start-up and migrations): $(grep -o 'Generated [^"]*' "$work/generate.log" | head -1); database file $(du -cm "$work"/data/perfeval.db* | tail -1 | cut -f1) MB with both years."
echo
echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), .NET $(dotnet --version), load average before the run: $load_before."
echo
echo "### Exports (service RSS: $(mb "$idle_rss") MB idle after start, $(mb "$warm_rss") MB after the ranking pages above)"
echo
echo "| year (departments) | dataset | format | rows | size (MB) | time (s) | peak RSS during (MB) | RSS after (MB) |"
echo "|---|---|---|---:|---:|---:|---:|---:|"
for dataset in scorecards indicators budget-lines adjustments; do
  for format in csv xlsx ndjson; do
    for year in "$YEAR" "$SMALL_YEAR"; do
      [ "$year" = "$SMALL_YEAR" ] && [ "$dataset" != indicators ] && continue
      log "exporting $year $dataset.$format…"
      read -r size seconds peak after rows < <(export_once "$year" "$dataset" "$format")
      n=$([ "$year" = "$YEAR" ] && echo "$DEPARTMENTS" || echo "$SMALL")
      printf '| %s (%s) | %s | %s | %s | %.1f | %.2f | %s | %s |\n' "$year" "$n" "$dataset" "$format" "$rows" \
        "$(echo "$size / 1048576" | bc -l)" "$seconds" "$(mb "$peak")" "$(mb "$after")"
    done
  done
done
echo
echo "VmHWM (the process's peak resident set over the whole run): $(mb "$(kb VmHWM)") MB."
