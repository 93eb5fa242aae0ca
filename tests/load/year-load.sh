#!/usr/bin/env bash
# The read model's targets on a generated year (docs/performance.md): publishes the service in
# Release, generates a year of DEPARTMENTS departments with tools/PerfEval.DataGenerator, then runs every workload
# of tests/load/year_load.py RUNS times and prints a markdown table of medians on stdout (progress
# and every run's raw figures on stderr).
#   bash tests/load/year-load.sh
#   DEPARTMENTS=10000 RUNS=3 DURATION=10s bash tests/load/year-load.sh
#   ONLY=rebuild,first_ranking_after_start bash tests/load/year-load.sh   (some workloads only)
set -euo pipefail
cd "$(dirname "$0")/../.."

DEPARTMENTS=${DEPARTMENTS:-10000}
YEAR=${YEAR:-2025}
RUNS=${RUNS:-3}
DURATION=${DURATION:-10s}
PORT=${PORT:-5193}
ONLY=${ONLY:-}

for tool in wrk python3; do
  command -v "$tool" >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk python3; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "publishing (Release, ahead-of-time compiled as the image is)…" >&2
dotnet publish src/PerfEval.Api -c Release --use-current-runtime --no-self-contained -o "$work/app" --nologo -v q >/dev/null
dotnet publish tools/PerfEval.DataGenerator -c Release -o "$work/generator" --nologo -v q >/dev/null
echo "generating $DEPARTMENTS departments ($YEAR)…" >&2
dotnet "$work/generator/PerfEval.DataGenerator.dll" \
  --departments "$DEPARTMENTS" --year "$YEAR" --Database:DataFolder="$work/data" >"$work/generate.log"

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
python3 tests/load/year_load.py --app "$work/app" --data "$work/data" --year "$YEAR" --port "$PORT" \
  --runs "$RUNS" --duration "$DURATION" --only "$ONLY"
echo
echo "Measured $(date -u +%Y-%m-%d) by \`bash tests/load/year-load.sh\` ($DEPARTMENTS departments, $RUNS runs, wrk $DURATION each);" \
  "$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), .NET $(dotnet --version); load average before: $load_before."
