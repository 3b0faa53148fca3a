#!/usr/bin/env bash
# Sets up what is missing, builds the release app and serves it on http://127.0.0.1:${PORT:-8080}/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$PATH"
trunk build --release --offline
exec node tools/serve.mjs dist --port "${PORT:-8080}"
