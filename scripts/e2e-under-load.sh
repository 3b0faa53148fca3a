#!/usr/bin/env bash
# Runs every end-to-end journey while two other processes keep both cores busy, as on a busy
# 2-core laptop, N times (default 3), and says how each run went. Needs a release build in
# dist/ (trunk build --release --offline) and the journeys' setup (scripts/setup.sh --browser).
#
#   scripts/e2e-under-load.sh [runs]
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
runs="${1:-3}"
pids=()
for _ in 1 2; do
  yes >/dev/null &
  pids+=($!)
done
trap 'kill "${pids[@]}" 2>/dev/null' EXIT
failed=0
for run in $(seq 1 "$runs"); do
  start=$(date +%s)
  if npx playwright test >"target/e2e-under-load-$run.log" 2>&1; then
    outcome="passed"
  else
    outcome="FAILED"
    failed=1
  fi
  summary=$(grep -E "^\s+[0-9]+ (passed|failed|flaky|skipped)" "target/e2e-under-load-$run.log" | tr -s ' ' | paste -sd ',' -)
  echo "Run $run of $runs under load: $outcome ($summary) in $(( $(date +%s) - start )) s"
done
exit "$failed"
