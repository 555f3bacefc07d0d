#!/usr/bin/env bash
# The explorer at scale (`make bench-explorer`).
#
#   bash bench/explorer.sh
#
# Builds the release binary (swift build -c release --scratch-path "${SCRATCH:-.build-bench}"),
# generates ${FINDINGS:-100000} synthetic findings on ${VMS:-FINDINGS/10} machines with
# `secret-atlas synth` (seed ${SEED:-1}), builds the
# site, then runs bench/explorer_bench.py: each explorer template's query time in headless Chromium
# (target < 300 ms) and the data each page loads (target <= 2 MB). Needs chromium, chromium-driver
# and Python selenium (make browser-deps python-deps). Everything but the Swift build folder goes to
# a temporary folder removed on exit.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

SCRATCH="${SCRATCH:-.build-bench}"
FINDINGS="${FINDINGS:-100000}"
VMS="${VMS:-$(( FINDINGS / 10 > 0 ? FINDINGS / 10 : 1 ))}"
SEED="${SEED:-1}"
TMP="$(mktemp -d "${TMPDIR:-/tmp}/secret-atlas-explorer.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT

echo "building release binary (swift build -c release --scratch-path $SCRATCH)…" >&2
swift build -c release --scratch-path "$SCRATCH" --product secret-atlas >&2
BIN="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/secret-atlas"

"$BIN" synth --vms "$VMS" --findings "$FINDINGS" --seed "$SEED" -o "$TMP/input" --quiet
"$BIN" build "$TMP/input" -o "$TMP/site" --quiet
echo "site of $FINDINGS findings: $(find "$TMP/site" -name '*.html' | wc -l) pages," \
    "$(du -sb "$TMP/site/data" | cut -f1) bytes of data (explorer and list search) in" \
    "$(find "$TMP/site/data" -name '*.js' | wc -l) files"
python3 bench/explorer_bench.py "$TMP/site"
