#!/usr/bin/env bash
# Scorecard GET throughput and latency at 64 connections, against /health/live on the same host as
# the ceiling, in one run; writes the figures into docs/performance.md (between its markers).
#   bash tests/load/scorecard-load.sh            # 15 s per target
#   DURATION=30s bash tests/load/scorecard-load.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
PORT=${PORT:-5189}
BASE="http://127.0.0.1:$PORT"
KEY=demo-admin-key

if ! command -v wrk >/dev/null; then
  apt-get update -qq && apt-get install -y -qq wrk
fi

work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet publish src/PerfEval.Api -c Release -o "$work/app" --nologo -v q >/dev/null
ASPNETCORE_ENVIRONMENT=Development Logging__LogLevel__Default=Warning \
  dotnet "$work/app/PerfEval.Api.dll" --contentRoot "$work/app" --urls "$BASE" --Database:DataFolder="$work/data" \
  --Security:RequestsPerMinute=100000000 >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do curl -fs "$BASE/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "$BASE/health/ready" >/dev/null

# Both runs send one static request over and over, so wrk's own work per request (on the same cores)
# is the same in both and the difference between them is the service's. A Lua request() callback,
# as a rotation over several scorecards would need, costs wrk itself about a fifth of the ceiling's
# rate; every cached scorecard takes the same path through the service.
SCORECARD="/api/v1/departments/GXQ-SWJ/evaluations/2024"
run() { wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@"; }
# Each target is warmed up as long as it is measured, so both are measured with their code fully compiled.
run -H "X-Api-Key: $KEY" "$BASE$SCORECARD" >/dev/null                                               # warm-up
run "$BASE/health/live" >/dev/null                                                                   # warm-up
ceiling=$(run "$BASE/health/live")
scorecards=$(run -H "X-Api-Key: $KEY" "$BASE$SCORECARD")

rps() { awk '/Requests\/sec/ {print $2}' <<<"$1"; }
pct() { awk -v p="$2" '$1 == p {print $2}' <<<"$1"; }
errors() { awk '/Non-2xx|Socket errors/ {print}' <<<"$1"; }

# Freshness under the same service: a write is visible in the very next read.
line=$(curl -fs -H "X-Api-Key: $KEY" "$BASE/api/v1/departments/GXQ-SWJ/budgets/2024/lines?expenditureClass=operating&fundingSource=ownLevel" | sed -E 's/.*"items":\[\{"id":([0-9]+).*/\1/')
before=$(curl -fs -H "X-Api-Key: $KEY" "$BASE$SCORECARD" | sed -E 's/.*"budget":\{[^}]*"executionRate":([0-9.]+).*/\1/')
curl -fs -X POST "$BASE/api/v1/budget-adjustments" -H "X-Api-Key: $KEY" -H "Idempotency-Key: load-$(date +%s%N)" -H 'Content-Type: application/json' \
  -d "{\"adjustments\":[{\"departmentCode\":\"GXQ-SWJ\",\"fiscalYear\":2024,\"lineId\":$line,\"amount\":3142550.00,\"documentNumber\":\"负载测试\",\"reason\":\"freshness\",\"effectiveDate\":\"2024-12-01\",\"sourceSystem\":\"load-test\",\"sourceItemId\":\"$(date +%s%N)\"}]}" >/dev/null
after=$(curl -fs -H "X-Api-Key: $KEY" "$BASE$SCORECARD" | sed -E 's/.*"budget":\{[^}]*"executionRate":([0-9.]+).*/\1/')
if [ -z "$before" ] || [ "$before" = "$after" ]; then
  echo "Freshness check failed: the execution rate was '$before' before the push and '$after' after it." >&2
  exit 1
fi

ratio=$(awk -v s="$(rps "$scorecards")" -v c="$(rps "$ceiling")" 'BEGIN { printf "%.2f", s / c }')
cpu=$(lscpu | awk -F: '/Model name/ {gsub(/^ +/, "", $2); print $2; exit}')
section=$(cat <<MD
<!-- scorecard-load:start -->
Measured $(date -u +%Y-%m-%d) by \`bash tests/load/scorecard-load.sh\` (wrk, $THREADS threads, $CONNECTIONS connections,
$DURATION per target, Release build, embedded SQLite, demo data; wrk and the service share the machine:
$(nproc) cores, $cpu).

| target | requests/s | p50 | p90 | p99 |
|---|---|---|---|---|
| \`GET /health/live\` (ceiling) | $(rps "$ceiling") | $(pct "$ceiling" 50%) | $(pct "$ceiling" 90%) | $(pct "$ceiling" 99%) |
| \`GET $SCORECARD\` | $(rps "$scorecards") | $(pct "$scorecards" 50%) | $(pct "$scorecards" 90%) | $(pct "$scorecards" 99%) |

Scorecard throughput is $ratio of the ceiling (target ≥ 0.50; p99 target < 5 ms).
$(errors "$scorecards" | sed 's/^ */Errors: /')
Freshness: GXQ-SWJ's execution rate was $before %, an adjustment of 3,142,550.00 yuan was pushed, and the
next read gave $after % (every read reflects the latest write: the scorecard cache is keyed by the
change feed's positions).
<!-- scorecard-load:end -->
MD
)

doc=docs/performance.md
mkdir -p docs
[ -f "$doc" ] || printf '# Performance\n' >"$doc"
if grep -q '<!-- scorecard-load:start -->' "$doc"; then
  awk -v s="$section" '/<!-- scorecard-load:start -->/ {print s; skip=1} /<!-- scorecard-load:end -->/ {skip=0; next} !skip' "$doc" >"$doc.tmp" && mv "$doc.tmp" "$doc"
else
  printf '\n## Scorecard reads (wrk)\n\n%s\n' "$section" >>"$doc"
fi
echo "$section"
