#!/usr/bin/env bash
# Diagram benchmark: Graphviz layout + SVG drawing per attack path, release build.
#
#   bash bench/diagrams.sh [COUNT]      (default 10000 paths)
#
# Builds the diagram-bench executable with swift build -c release --scratch-path "${SCRATCH:-.build-bench}",
# then lays out and draws COUNT synthetic attack paths of 3 to 9 nodes one after another (one
# thread: Graphviz is serialized anyway) and prints the time per path against the 2 ms target.
# Exits 1 when the target is missed or a diagram fails.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
SCRATCH="${SCRATCH:-.build-bench}"
COUNT="${1:-10000}"
echo "building diagram-bench (swift build -c release --scratch-path $SCRATCH)…" >&2
swift build -c release --scratch-path "$SCRATCH" --product diagram-bench >&2
BIN="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/diagram-bench"
OUT="$("$BIN" "$COUNT")"
echo "$OUT"
grep -q "failed: 0)" <<<"$OUT" && grep -q ": met" <<<"$OUT"
