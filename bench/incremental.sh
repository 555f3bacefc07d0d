#!/usr/bin/env bash
# Incremental rebuild benchmark: what building again into the same folder costs.
#
#   bash bench/incremental.sh            # FINDINGS=100000 by default
#   FINDINGS=10000 bash bench/incremental.sh
#
# With the release binary (swift build -c release --scratch-path "${SCRATCH:-.build-bench}") and
# ${FINDINGS} synthetic findings from `secret-atlas synth` (VMs = findings / 10, seed ${SEED:-1}), it times four builds into
# one folder and prints, for each, wall time, peak RSS, what the build said and the load average
# (the machine is shared, so figures are only comparable at a similar load):
#   1. full      — into an empty folder;
#   2. unchanged — the same command again: skipped, target < 25 % of the full build;
#   3. one finding changed — one finding's line number edited: every page is rendered again
#      (each footer carries the report fingerprint), files with unchanged bytes are kept;
#   4. --force   — nothing changed but the build is forced: every file is compared whole with the
#      previous site's and kept (the worst case of the comparison).
# Then it checks that an unchanged file kept its inode and time across builds 3 and 4.
# Everything it writes goes to a temporary folder removed on exit.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

SCRATCH="${SCRATCH:-.build-bench}"
FINDINGS="${FINDINGS:-100000}"
SEED="${SEED:-1}"

TMP="$(mktemp -d "${TMPDIR:-/tmp}/secret-atlas-incremental.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT

echo "building release binary (swift build -c release --scratch-path $SCRATCH)…" >&2
swift build -c release --scratch-path "$SCRATCH" --product secret-atlas >&2
BIN="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/secret-atlas"
[[ -x "$BIN" ]] || { echo "error: $BIN was not built" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "error: GNU time (/usr/bin/time) is needed for peak RSS" >&2; exit 1; }

"$BIN" synth --vms "$((FINDINGS / 10 > 0 ? FINDINGS / 10 : 1))" --findings "$FINDINGS" --seed "$SEED" -o "$TMP/input" >/dev/null
site="$TMP/site"

# run LABEL ARGS...: one timed build into $site; prints its figures and sets $seconds.
run() {
    local label="$1"
    shift
    local load
    load="$(cut -d' ' -f1-3 /proc/loadavg)"
    if ! /usr/bin/time -f '%e %M' -o "$TMP/time.txt" "$BIN" build "$TMP/input" -o "$site" "$@" \
        >"$TMP/out.txt" 2>"$TMP/err.txt"; then
        echo "error: the $label build failed:" >&2
        cat "$TMP/err.txt" >&2
        exit 1
    fi
    read -r seconds kib <"$TMP/time.txt"
    local said
    said="$(grep -E '^(Wrote|Unchanged|Kept)' "$TMP/out.txt" | sed -E 's/ (to|in) \/.*//' | paste -sd ';' -)"
    printf '%-22s %8.2f s  peak RSS %5.0f MB  load %s  | %s\n' "$label" "$seconds" \
        "$(awk -v k="$kib" 'BEGIN { print k * 1024 / 1e6 }')" "$load" "$said"
}

echo "$FINDINGS synthetic findings, $(nproc) cores:"
run "full build"
full="$seconds"
run "unchanged rebuild"
unchanged="$seconds"
grep -q '^Unchanged since the last build' "$TMP/out.txt" || { echo "error: the rebuild was not skipped" >&2; exit 1; }

# One finding's line number changes: the smallest change a rescan makes.
python3 - "$TMP/input/input.jsonl" <<'EOF'
import re, sys
path = sys.argv[1]
with open(path) as f:
    lines = f.read().split("\n")
for i, line in enumerate(lines):
    if line.startswith('{"finding"'):
        lines[i] = re.sub(r'"line":(\d+)', lambda m: '"line":%d' % (int(m.group(1)) + 1), line, count=1)
        break
with open(path, "w") as f:
    f.write("\n".join(lines))
EOF
css_before="$(stat -c '%i %Y' "$site/assets/site.css")"
run "one finding changed"
run "--force, no change" --force
css_after="$(stat -c '%i %Y' "$site/assets/site.css")"

awk -v u="$unchanged" -v f="$full" 'BEGIN {
    ratio = 100 * u / f
    printf "unchanged rebuild = %.1f %% of the full build — target < 25 %%: %s\n", ratio, (ratio < 25) ? "OK" : "FAIL"
}'
if [[ "$css_before" == "$css_after" ]]; then
    echo "assets/site.css kept its inode and modification time across both rebuilds: OK"
else
    echo "assets/site.css was rewritten ($css_before -> $css_after): FAIL"
    exit 1
fi
