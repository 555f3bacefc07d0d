#!/usr/bin/env bash
# Output-stage figures: wall, user and system CPU and peak RSS of `build` (and `build --zip`) on
# synthetic input (`secret-atlas synth`, ${VMS:-FINDINGS/10} machines).
#
#   BIN=path/to/secret-atlas FINDINGS=10000 ZIP=1 bash bench/output.sh
#
# Builds the release binary first unless BIN is given. MB means 10^6 bytes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
SCRATCH="${SCRATCH:-.build-bench}"
FINDINGS="${FINDINGS:-10000}"
VMS="${VMS:-$(( FINDINGS / 10 > 0 ? FINDINGS / 10 : 1 ))}"
SEED="${SEED:-1}"
ZIP="${ZIP:-1}"
if [[ -z "${BIN:-}" ]]; then
    swift build -c release --scratch-path "$SCRATCH" >&2
    BIN="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/secret-atlas"
fi
TMP="$(mktemp -d "${TMPDIR:-/tmp}/secret-atlas-output.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT
"$BIN" synth --vms "$VMS" --findings "$FINDINGS" --seed "$SEED" -o "$TMP/synth" --quiet

measure() {
    local label="$1"
    shift
    /usr/bin/time -v -o "$TMP/rusage.txt" "$BIN" build "$TMP/synth/input.jsonl" "$@" --quiet 2>"$TMP/err.txt" ||
        { cat "$TMP/err.txt" >&2; exit 1; }
    awk -F': *' -v label="$label" -v n="$FINDINGS" '
        /Elapsed \(wall clock\)/ { match($0, /[0-9:.]+$/); parts = split(substr($0, RSTART), t, ":"); wall = (parts == 3) ? t[1] * 3600 + t[2] * 60 + t[3] : t[1] * 60 + t[2] }
        /User time/ { user = $2 }
        /System time/ { sys = $2 }
        /Maximum resident set size/ { rss = $2 }
        END { printf "%d findings, %s: wall %.2f s, user %.2f s, sys %.2f s, peak RSS %.0f MB\n", n, label, wall, user, sys, rss * 1024 / 1e6 }
    ' "$TMP/rusage.txt"
}

measure "build" -o "$TMP/site"
echo "output: $(du -sb "$TMP/site" | cut -f1) bytes in $(find "$TMP/site" -type f | wc -l) files"
if [[ "$ZIP" == 1 ]]; then
    measure "build --zip" -o "$TMP/site-zip" --zip "$TMP/site.zip"
    echo "zip: $(wc -c <"$TMP/site.zip") bytes"
fi
