#!/usr/bin/env bash
# Runs every check and test Sightline has: formatting and lints, the core's native tests, the
# browser adapters' tests in headless Chromium, and the end-to-end journeys against the
# release build. Sets up whatever is missing first. CI runs exactly this (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
export PATH="$PWD/node_modules/.bin:$PATH"
# Each wasm-bindgen-test run leaves Chromium profiles in TMPDIR: keep them inside target/.
export TMPDIR="$PWD/target/tmp"
mkdir -p "$TMPDIR"

step() { printf '\n==> %s\n' "$*"; }

step "Formatting (cargo fmt --check)"
cargo fmt --all --check

step "Lints (cargo clippy, warnings are errors)"
cargo clippy --locked -p sightline-core --all-targets -- -D warnings
cargo clippy --locked -p sightline --target wasm32-unknown-unknown --all-targets -- -D warnings

step "Core: native tests"
cargo test --locked -p sightline-core

step "App logic: native tests (routes, the map's viewport and gestures, the autosaver's state)"
cargo test --locked -p sightline --lib

step "Browser adapters: wasm-bindgen-test in headless Chromium"
cargo test --locked -p sightline --target wasm32-unknown-unknown

step "Fuzz smoke: every file reader fed random and mutated bytes for 30 seconds (cargo fuzz)"
(
  cd crates/sightline-core
  mkdir -p fuzz/corpus/read_file
  cp tests/fixtures/*.json fuzz/corpus/read_file/
  log="$TMPDIR/fuzz-smoke.log"
  # The stable compiler with RUSTC_BOOTSTRAP=1 allows the sanitizer flags cargo fuzz needs.
  if ! RUSTC_BOOTSTRAP=1 cargo fuzz run read_file fuzz/corpus/read_file -- -max_total_time=30 >"$log" 2>&1; then
    tail -40 "$log"
    echo "The fuzz smoke run failed (a crash is saved under crates/sightline-core/fuzz/artifacts/read_file/)." >&2
    exit 1
  fi
  grep -E "^Done" "$log"
)

step "Release build"
trunk build --release --offline

step "End-to-end journeys: Playwright in Debian's Chromium"
npx playwright test

step "Crash safety: the browser killed (SIGKILL) at random moments while editing, 50 rounds"
node tests/kill/kill.mjs 50

step "All tests passed"
