#!/usr/bin/env bash
# SecretAtlas benchmark (`make bench`).
#
#   bash bench/run.sh
#
# 1. Builds the release binary: swift build -c release --scratch-path "${SCRATCH:-.build-bench}".
# 2. Builds the bundled sample site (site-sample/input) 5 times; prints min and median wall time and
#    checks the median against the 2 s target.
# 3. Generates ${FINDINGS:-10000} synthetic findings on ${VMS:-FINDINGS/10} machines with
#    `secret-atlas synth` (seed ${SEED:-1}), builds them
#    once and prints pages, wall time, pages per second, peak RSS and output size; then the same
#    build with --zip, and `verify` of the site.
#
# Exits 1 when a build fails or the sample target is missed. Works from any directory; everything
# it writes goes to a temporary folder removed on exit (apart from the Swift build folder).
# Peak RSS comes from GNU time (/usr/bin/time -v) when present, else from Python's
# resource.getrusage(RUSAGE_CHILDREN). MB means 10^6 bytes.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

SCRATCH="${SCRATCH:-.build-bench}"
FINDINGS="${FINDINGS:-10000}"
VMS="${VMS:-$(( FINDINGS / 10 > 0 ? FINDINGS / 10 : 1 ))}"
SEED="${SEED:-1}"
SAMPLE_RUNS=5
SAMPLE_TARGET_SECONDS=2

TMP="$(mktemp -d "${TMPDIR:-/tmp}/secret-atlas-bench.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT

# Wall clock in seconds with microseconds: bash 5's EPOCHREALTIME, else Python.
now() {
    if [[ -n "${EPOCHREALTIME:-}" ]]; then
        printf '%s\n' "${EPOCHREALTIME/,/.}"
    else
        python3 -c 'import time; print(f"{time.time():.6f}")'
    fi
}

echo "building release binary (swift build -c release --scratch-path $SCRATCH)…" >&2
swift build -c release --scratch-path "$SCRATCH" >&2
BIN="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/secret-atlas"
[[ -x "$BIN" ]] || { echo "error: $BIN was not built" >&2; exit 1; }

status=0

# --- Sample site ------------------------------------------------------------------------------
times=()
for ((run = 1; run <= SAMPLE_RUNS; run++)); do
    start="$(now)"
    if ! "$BIN" build site-sample/input -o "$TMP/sample" --quiet 2>"$TMP/sample-err.txt"; then
        echo "error: building the sample site failed (run $run):" >&2
        cat "$TMP/sample-err.txt" >&2
        exit 1
    fi
    end="$(now)"
    # The sample has a deliberate unknown secret type; show its warnings once, not once per run.
    if [[ $run -eq 1 && -s "$TMP/sample-err.txt" ]]; then
        cat "$TMP/sample-err.txt" >&2
    fi
    times+=("$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.6f", e - s }')")
done
printf '%s\n' "${times[@]}" | sort -g | awk -v runs="$SAMPLE_RUNS" -v target="$SAMPLE_TARGET_SECONDS" '
    { t[NR] = $1 }
    END {
        median = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
        verdict = (median < target) ? "OK" : "FAIL"
        printf "sample site build: min %.2f s, median %.2f s (%d runs) — target < %g s: %s\n", t[1], median, runs, target, verdict
        exit (verdict == "OK") ? 0 : 3
    }' || status=1

# --- Synthetic input --------------------------------------------------------------------------
"$BIN" synth --vms "$VMS" --findings "$FINDINGS" --seed "$SEED" -o "$TMP/synth" --quiet
input="$TMP/synth/input.jsonl"
findings="$(grep -c '^{"finding"' "$input")"

if [[ -x /usr/bin/time ]] && /usr/bin/time -v true >/dev/null 2>&1; then
    rss_tool=gnu-time
else
    rss_tool=python
fi

start="$(now)"
set +e
if [[ "$rss_tool" == gnu-time ]]; then
    /usr/bin/time -v -o "$TMP/rusage.txt" "$BIN" build "$input" -o "$TMP/synth-site" >"$TMP/out.txt" 2>"$TMP/err.txt"
    rc=$?
else
    python3 - "$TMP/rusage.txt" "$BIN" build "$input" -o "$TMP/synth-site" >"$TMP/out.txt" 2>"$TMP/err.txt" <<'EOF'
import resource, subprocess, sys
rc = subprocess.call(sys.argv[2:])
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
if sys.platform == "darwin":
    peak //= 1024  # bytes on macOS, KiB on Linux
with open(sys.argv[1], "w") as f:
    f.write(f"Maximum resident set size (kbytes): {peak}\n")
sys.exit(rc)
EOF
    rc=$?
fi
set -e
end="$(now)"

if [[ $rc -ne 0 ]]; then
    echo "error: building $findings synthetic findings failed with exit code $rc:" >&2
    cat "$TMP/err.txt" >&2
    exit 1
fi
if [[ -s "$TMP/err.txt" ]]; then
    echo "warning: the build of synthetic input printed diagnostics (first 5 shown):" >&2
    head -n 5 "$TMP/err.txt" >&2
fi

wrote="$(grep -m1 '^Wrote ' "$TMP/out.txt" || true)"
if [[ ! "$wrote" =~ ^Wrote\ ([0-9]+)\ pages\ \(([0-9]+)\ files,\ ([0-9]+)\ bytes\) ]]; then
    echo "error: no \"Wrote N pages (M files, B bytes)\" line in the output:" >&2
    cat "$TMP/out.txt" >&2
    exit 1
fi
pages="${BASH_REMATCH[1]}"
bytes="${BASH_REMATCH[3]}"
rss_kib="$(awk -F': *' '/Maximum resident set size/ { print $2 }' "$TMP/rusage.txt")"

awk -v n="$findings" -v pages="$pages" -v s="$start" -v e="$end" -v kib="${rss_kib:-0}" -v bytes="$bytes" 'BEGIN {
    wall = e - s
    label = (n % 1000 == 0) ? sprintf("%dk", n / 1000) : n
    printf "%s findings: %d pages in %.2f s = %.0f pages/s, peak RSS %.0f MB, output %.1f MB (%.0f bytes)\n", \
        label, pages, wall, pages / wall, kib * 1024 / 1e6, bytes / 1e6, bytes
}'

# The file system's floor for writing this site: copying the same files to a fresh folder.
start="$(now)"
cp -R "$TMP/synth-site" "$TMP/synth-copy"
end="$(now)"
awk -v s="$start" -v e="$end" -v pages="$pages" 'BEGIN {
    printf "raw write floor: copying the same files with cp -R takes %.2f s (%.0f files/s)\n", e - s, pages / (e - s)
}'

# Audit evidence on the same input: the build with --zip, then verify of the site.
start="$(now)"
"$BIN" build "$input" -o "$TMP/synth-zip" --zip "$TMP/synth.zip" --quiet 2>/dev/null
end="$(now)"
zip_bytes="$(wc -c <"$TMP/synth.zip")"
awk -v s="$start" -v e="$end" -v z="$zip_bytes" 'BEGIN {
    printf "build with --zip: %.2f s, zip %.1f MB\n", e - s, z / 1e6
}'
start="$(now)"
"$BIN" verify "$TMP/synth-zip" >/dev/null
end="$(now)"
awk -v s="$start" -v e="$end" 'BEGIN { printf "verify of the site: %.2f s\n", e - s }'

exit "$status"
