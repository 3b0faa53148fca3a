#!/usr/bin/env bash
# Installs what Sightline's build needs, skipping whatever is already there. Everything comes
# from the registries (crates.io, npm, Debian); nothing is downloaded from GitHub or elsewhere.
#
#   scripts/setup.sh            the build tools
#   scripts/setup.sh --browser  the build tools, and Debian's Chromium, ChromeDriver and age, for tests
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14 # 0.22 needs a newer rustc than these machines have
# wasm-bindgen-cli must be exactly the wasm-bindgen in Cargo.lock, or Trunk would download one.
WASM_BINDGEN_VERSION=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)

say() { printf '==> %s\n' "$*"; }

if ! grep -qx "wasm_bindgen = \"$WASM_BINDGEN_VERSION\"" Trunk.toml; then
  echo "Trunk.toml's [tools] wasm_bindgen must be \"$WASM_BINDGEN_VERSION\", the version in Cargo.lock." >&2
  exit 1
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "Adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
  say "Installing Trunk $TRUNK_VERSION (a few minutes, once)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WASM_BINDGEN_VERSION"; then
  say "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a couple of minutes, once)"
  # Without --locked: its own lockfile pins a crate version the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# wasm-opt (npm package binaryen), Playwright and axe-core, exactly as package-lock.json says.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "Installing the npm packages in package-lock.json"
  # --ignore-scripts: no package may fetch anything at install (vnu-jar's postinstall would
  # look for a Java runtime to download; Debian's is used instead).
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --ignore-scripts
fi

if [ "${1:-}" = "--browser" ]; then
  # age: the standard tool, to prove protected files open without Sightline and back; python3
  # gives it the terminal it reads passphrases from (tests/interop/age_tty.py). Poppler's
  # pdftotext and pdfinfo read the printed briefing back; Java runs the Nu Html Checker.
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v age >/dev/null || ! command -v python3 >/dev/null || ! command -v pdftotext >/dev/null || ! command -v java >/dev/null; then
    say "Installing Debian's Chromium, ChromeDriver, age, Python, Poppler and Java"
    sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium chromium-driver age python3 poppler-utils default-jre-headless
  fi
fi

if [ "${1:-}" = "--browser" ] && ! command -v cargo-fuzz >/dev/null; then
  # The test command's fuzz smoke run of the file readers.
  say "Installing cargo-fuzz 0.13.2 (a few minutes, once)"
  cargo install --locked cargo-fuzz --version 0.13.2
fi

cargo fetch --locked --quiet
