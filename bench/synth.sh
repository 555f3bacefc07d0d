#!/usr/bin/env bash
# How fast `secret-atlas synth` writes synthetic input, and in how much memory.
#
#   bash bench/synth.sh                     # 10k, 100k and 1M findings, one machine per 10 findings
#   SIZES="100000" BIN=path/to/secret-atlas bash bench/synth.sh
#
# Builds the release binary first unless BIN is given (swift build -c release --scratch-path
# "${SCRATCH:-.build-bench}"). For each size prints wall and user time, peak RSS (GNU time) and the
# file size. Writes into a temporary folder removed on exit. MB means 10^6 bytes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
SCRATCH="${SCRATCH:-.build-bench}"
SIZES="${SIZES:-10000 100000 1000000}"
SEED="${SEED:-1}"
if [[ -z "${BIN:-}" ]]; then
    swift build -c release --scratch-path "$SCRATCH" --product secret-atlas >&2
    BIN="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/secret-atlas"
fi
TMP="$(mktemp -d "${TMPDIR:-/tmp}/secret-atlas-synth.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT

for findings in $SIZES; do
    vms=$(( findings / 10 > 0 ? findings / 10 : 1 ))
    /usr/bin/time -v -o "$TMP/rusage.txt" "$BIN" synth --vms "$vms" --findings "$findings" --seed "$SEED" \
        -o "$TMP/out" --quiet
    bytes="$(wc -c <"$TMP/out/input.jsonl")"
    awk -F': *' -v n="$findings" -v vms="$vms" -v bytes="$bytes" '
        /Elapsed \(wall clock\)/ { match($0, /[0-9:.]+$/); parts = split(substr($0, RSTART), t, ":"); wall = (parts == 3) ? t[1] * 3600 + t[2] * 60 + t[3] : t[1] * 60 + t[2] }
        /User time/ { user = $2 }
        /Maximum resident set size/ { rss = $2 }
        END { printf "synth %d findings on %d machines: wall %.2f s, user %.2f s, peak RSS %.0f MB, %.0f MB written\n", n, vms, wall, user, rss * 1024 / 1e6, bytes / 1e6 }
    ' "$TMP/rusage.txt"
    rm -rf "$TMP/out"
done
