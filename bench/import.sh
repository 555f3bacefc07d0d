#!/usr/bin/env bash
# Import benchmark: 1,000,000 findings from JSON Lines through `secret-atlas validate` (read, recognise
# the format, import, fingerprint, leak-check set, resource matching, model), release build.
#
#   bash bench/import.sh            FINDINGS=1000000 by default; SCRATCH=.build-bench
#
# Runs twice: TruffleHog v3 --json lines (raw values: HMAC fingerprints, host names, the leak check's
# hashed pieces, 1,000 machines known only from paths) and SecretAtlas native JSON Lines. Prints wall
# time and peak RSS from GNU time (/usr/bin/time -v) and checks them against 30 s and 1 GB.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
SCRATCH="${SCRATCH:-.build-bench}"
FINDINGS="${FINDINGS:-1000000}"
TMP="$(mktemp -d "${TMPDIR:-/tmp}/secret-atlas-import.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT

echo "building release binary (swift build -c release --scratch-path $SCRATCH)…" >&2
swift build -c release --scratch-path "$SCRATCH" --product secret-atlas >&2
BIN="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/secret-atlas"

status=0
for kind in trufflehog native; do
    file="$TMP/$kind.jsonl"
    python3 bench/import_synth.py "$kind" "$FINDINGS" "$file"
    size=$(stat -c %s "$file")
    /usr/bin/time -v "$BIN" validate "$file" >"$TMP/out" 2>"$TMP/time" || true
    seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$TMP/time")
    rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$TMP/time")
    user=$(awk -F': ' '/User time \(seconds\)/ {print $2}' "$TMP/time")
    summary=$(tail -1 "$TMP/out")
    # User CPU and the load average show how much of the wall time was other processes' (shared machine).
    printf '%-10s %d findings, %d MB of JSON Lines: %.2f s (%.2f s user CPU, load %s), peak RSS %d MB (%s)\n' \
        "$kind" "$FINDINGS" $((size / 1000000)) "$seconds" "$user" "$(cut -d' ' -f1 /proc/loadavg)" \
        $((rss_kb * 1024 / 1000000)) "$summary"
    if awk -v s="$seconds" -v r="$rss_kb" 'BEGIN { exit !(s >= 30 || r * 1024 >= 1e9) }'; then
        echo "  over target (30 s, 1 GB)"
        status=1
    fi
done
exit $status
