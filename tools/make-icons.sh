#!/usr/bin/env bash
# Renders the app icons (PNG) from their SVG sources with the local Chromium. Run by hand when
# the icon changes; the PNGs are committed so a build needs nothing but the sources.
set -euo pipefail
cd "$(dirname "$0")/.."
out=public/icons
render() { # svg size png
  local html; html=$(mktemp --suffix=.html)
  printf '<!doctype html><html><head><style>html,body{margin:0;background:transparent}img{display:block;width:%spx;height:%spx}</style></head><body><img src="file://%s"></body></html>' "$2" "$2" "$(realpath "$1")" > "$html"
  chromium --headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$(mktemp -d)" --hide-scrollbars --default-background-color=00000000 \
    --window-size="$2,$2" --screenshot="$3" "file://$html" 2>/dev/null
  rm -f "$html"
}
render "$out/icon.svg" 192 "$out/icon-192.png"
render "$out/icon.svg" 512 "$out/icon-512.png"
render tools/icon-maskable.svg 512 "$out/icon-maskable-512.png"
