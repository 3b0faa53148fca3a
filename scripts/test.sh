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

step "Browser adapters: wasm-bindgen-test in headless Chromium"
cargo test --locked -p sightline --target wasm32-unknown-unknown

step "Release build"
trunk build --release --offline

step "End-to-end journeys: Playwright in Debian's Chromium"
npx playwright test

step "Crash safety: the browser killed (SIGKILL) at random moments while editing, 50 rounds"
node tests/kill/kill.mjs 50

step "All tests passed"
