#!/usr/bin/env bash
# Prints the size of the built app (dist/), raw and gzipped (gzip -9), per file and in total:
# the wasm, the JavaScript glue, the CSS, and the HTML and service worker that load them.
# Build first (scripts/run.sh or `trunk build --release --offline`). Record the figures in
# docs/PERFORMANCE.md with the machine and date.
set -euo pipefail
cd "$(dirname "$0")/../dist"
printf '%-40s %10s %10s\n' "file" "raw bytes" "gzip -9"
total_raw=0
total_gz=0
for file in *.wasm *.js *.css index.html; do
  raw=$(stat -c %s "$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  printf '%-40s %10d %10d\n' "$file" "$raw" "$gz"
  total_raw=$((total_raw + raw))
  total_gz=$((total_gz + gz))
done
printf '%-40s %10d %10d  (%.1f KB gzipped)\n' "total" "$total_raw" "$total_gz" "$(echo "$total_gz / 1024" | bc -l)"
