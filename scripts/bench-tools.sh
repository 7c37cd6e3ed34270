#!/usr/bin/env bash
# Installs the load generator of `bench/run.py` (wrk, from Debian) when it is missing. Idempotent.
# Without wrk, bench/run.py falls back to its own bounded Python load generator (slower: it shares
# the cores with the server it measures), and says so in its table.
set -euo pipefail
if command -v wrk >/dev/null; then
  echo "bench-tools: wrk already installed: $(command -v wrk)"
  exit 0
fi
[ "$(id -u)" = 0 ] || { echo "bench-tools: need root to apt-get install wrk (or install it yourself)" >&2; exit 1; }
apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >/dev/null
echo "bench-tools: installed $(command -v wrk)"
