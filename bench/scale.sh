#!/usr/bin/env bash
# Scale benchmark (`make bench`): SecretAtlas at 10k, 100k and 1M findings against Hugo and against
# the raw write limit, checked against the targets of issue 6.
#
#   bash bench/scale.sh
#   SIZES="10000 100000" bash bench/scale.sh          only these sizes (findings; VMs = findings / 10)
#   HUGO_MAX_FINDINGS=1000000 bash bench/scale.sh     also run Hugo at 1M (slow; see below)
#
# 1. Builds the release binary: swift build -c release --scratch-path "${SCRATCH:-.build-bench}"
#    --product secret-atlas (or uses BIN=path/to/secret-atlas when given).
# 2. For each size M in ${SIZES:-10000 100000 1000000}: generates input with
#    `secret-atlas synth --vms M/10 --findings M --seed ${SEED:-1}`.
# 3. Builds our site under /usr/bin/time -v: wall time, pages per second, peak RSS, output bytes and
#    files, and the largest page when the build reports one.
# 4. Builds it again into the same folder (an unchanged rebuild): wall time and rebuild / full; only
#    for sizes up to REBUILD_MAX_FINDINGS (default 100000, where the target is; 0 = never).
# 5. Raw write limit: bench/rawwrite.c (compiled with cc or clang) writes the same files with the same
#    sizes and paths on RAW_THREADS threads (default: the number of cores, as our build uses them);
#    prints its wall time and ours / raw.
# 6. Hugo (Debian's hugo; `make bench-deps` installs it): bench/hugo_site.py writes one Markdown page
#    per HTML page of ours, in the same folders, with the remediation text we show (untimed), then
#    `hugo -s DIR -d OUT` (default build flags) runs under /usr/bin/time -v, with a timeout
#    (HUGO_TIMEOUT seconds, default 1800) and an RSS guard (HUGO_RSS_LIMIT_MB, default 16000: the
#    machine is shared). Prints Hugo's page count beside ours and Hugo time / our time. Hugo runs only
#    for sizes up to HUGO_MAX_FINDINGS (default 100000): at 1M (~850k pages) it needs far more time
#    and memory than the rest of the benchmark together. HUGO=0 skips Hugo entirely.
# 7. Prints a summary table and the issue's targets, each met, missed or not measured:
#    100k ≥ 5× faster than Hugo; 100k within 3× of the raw write; 1M < 300 s and peak RSS < 2 GB;
#    time(100k) / time(10k) ≤ 11 and time(1M) / time(100k) ≤ 11; unchanged rebuild at 100k < 25 %.
#
# Every figure is printed with the load average at its start (`uptime`): other builds on a shared
# machine make figures noisy. Exits 1 when a build, the input generator or the raw writer fails;
# missed targets are reported, not fatal, unless STRICT=1 (then exit 2). Works from any directory;
# everything is written to a temporary folder (TMPDIR) removed on exit.
#
# Deletions: nothing is deleted until the end, because deleting slows the file creation that follows
# on the file system this was measured on (ext4 mounted without a journal, as this machine's root
# is): before it reuses a free inode, ext4 without a journal checks that the inode was not freed in
# the last 60 s (5 more minutes while its table block is unwritten), so creating files just after
# deleting a site walks past every inode the deletion freed. Measured here with the raw writer at
# 100k (85,819 files): 5.6 s on a quiet file system, 12.9 s straight after deleting one such site,
# 11.6 s even after `sync` and 65 s of waiting; an earlier version of this script deleted between
# steps, and its raw-write figures (15–29 s at 100k) were mostly that. So no step follows a
# deletion made by this script, and the raw writer and our build meet the same file system.
# Disk: the site, the raw writer's copy and Hugo's content and output all stay until the end:
# about 6 GB at 100k and 40 GB with 1M. Time on this 2-core machine
# (idle, Nov 2026, commit 4b90197): 10k and 100k take ~4 minutes together, Hugo and deleting the
# folders included; 1M adds ~13 minutes (input 4 s, our build 6 min, raw write 4.5 min, deleting
# 860k files twice). Hugo at 1M (HUGO_MAX_FINDINGS=1000000) writes 850k Markdown files in ~4 minutes and
# then reached the 16 GB RSS guard after 90 s (it used 10.7 GB at 100k). MB and GB mean 10^6 and
# 10^9 bytes.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO="$PWD"
SCRATCH="${SCRATCH:-.build-bench}"
SIZES="${SIZES:-10000 100000 1000000}"
SEED="${SEED:-1}"
HUGO="${HUGO:-1}"
HUGO_MAX_FINDINGS="${HUGO_MAX_FINDINGS:-100000}"
HUGO_TIMEOUT="${HUGO_TIMEOUT:-1800}"
HUGO_RSS_LIMIT_MB="${HUGO_RSS_LIMIT_MB:-16000}"
REBUILD_MAX_FINDINGS="${REBUILD_MAX_FINDINGS:-100000}"
STRICT="${STRICT:-0}"

TMP="$(mktemp -d "${TMPDIR:-/tmp}/secret-atlas-scale.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT

say() { printf '%s\n' "$*" >&2; }
die() {
    say "error: $*"
    exit 1
}
now() { printf '%s\n' "${EPOCHREALTIME/,/.}"; }
elapsed() { awk -v s="$1" -v e="$2" 'BEGIN { printf "%.2f", e - s }'; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
# Peak RSS in MB from a /usr/bin/time -v report.
rss_mb() { awk -F': *' '/Maximum resident set size/ { printf "%.0f", $2 * 1024 / 1e6 }' "$1"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a != "" && b > 0) printf "%.2f", a / b; else print "—" }'; }

[[ -n "${EPOCHREALTIME:-}" ]] || die "bash 5 is needed (EPOCHREALTIME)"
if ! { [[ -x /usr/bin/time ]] && /usr/bin/time -v true >/dev/null 2>&1; }; then
    die "GNU time is needed at /usr/bin/time (Debian package time; make bench-deps installs it)"
fi
for size in $SIZES; do
    [[ "$size" =~ ^[1-9][0-9]*$ && $((size % 10)) -eq 0 ]] || die "SIZES must be findings counts divisible by 10, got '$size'"
done

# --- Binaries ---------------------------------------------------------------------------------
if [[ -z "${BIN:-}" ]]; then
    say "building release binary (swift build -c release --scratch-path $SCRATCH --product secret-atlas)…"
    swift build -c release --scratch-path "$SCRATCH" --product secret-atlas >&2 || die "swift build failed"
    BIN="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/secret-atlas"
fi
[[ -x "$BIN" ]] || die "$BIN is not an executable"
commit="$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)"

CC_BIN="${CC:-$(command -v cc || command -v clang || true)}"
[[ -n "$CC_BIN" ]] || die "no C compiler (cc or clang) for bench/rawwrite.c"
RAW_THREADS="${RAW_THREADS:-$(nproc)}"
"$CC_BIN" -O2 -pthread -o "$TMP/rawwrite" bench/rawwrite.c || die "compiling bench/rawwrite.c with $CC_BIN failed"

if [[ "$HUGO" != 0 ]]; then
    command -v hugo >/dev/null || die "hugo is not installed (make bench-deps installs Debian's hugo), or set HUGO=0"
    hugo_version="$(hugo version | awk '{ print $2 }')"
fi
synth_tool="secret-atlas synth"

echo "SecretAtlas scale benchmark — commit $commit, $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GB", $2 * 1024 / 1e9 }' /proc/meminfo) RAM, input from $synth_tool${hugo_version:+, hugo $hugo_version}"

# --- One size ---------------------------------------------------------------------------------
declare -A R # R[size.key] = value

# Runs "$@" under /usr/bin/time -v; sets run_wall (s), run_rss (MB), run_rc; stdout/stderr to $1.out/.err.
timed() {
    local base="$1"
    shift
    local start end
    # Dirty pages left by the step before are written back first, so no step pays for another's.
    sync
    start="$(now)"
    set +e
    /usr/bin/time -v -o "$base.time" "$@" >"$base.out" 2>"$base.err"
    run_rc=$?
    set -e
    end="$(now)"
    run_wall="$(elapsed "$start" "$end")"
    run_rss="$(rss_mb "$base.time")"
}

# Hugo under a timeout and an RSS guard; sets run_wall, run_rss, run_rc and hugo_note.
timed_hugo() {
    local base="$1" site="$2" out="$3"
    local start end pid tree rss peak=0
    hugo_note=""
    start="$(now)"
    timeout --kill-after=30 "$HUGO_TIMEOUT" /usr/bin/time -v -o "$base.time" \
        hugo -s "$site" -d "$out" >"$base.out" 2>"$base.err" &
    pid=$!
    while kill -0 "$pid" 2>/dev/null; do
        sleep 2
        # RSS of timeout, time and hugo together (kB), from the process tree under $pid.
        tree="$(ps -e -o pid=,ppid=,rss= 2>/dev/null || true)"
        rss="$(awk -v root="$pid" '{ parent[$1] = $2; kb[$1] = $3 }
            END { for (p in parent) { q = p; while (q != "" && q != root && q in parent) q = parent[q]; if (q == root) sum += kb[p] } print sum + 0 }' <<<"$tree")"
        if ((rss > peak)); then peak=$rss; fi
        if ((rss / 1000 > HUGO_RSS_LIMIT_MB)); then
            hugo_note="stopped at ${HUGO_RSS_LIMIT_MB} MB RSS (HUGO_RSS_LIMIT_MB)"
            # The process group timeout made for hugo: timeout, time and hugo, all started here.
            kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
        fi
    done
    set +e
    wait "$pid"
    run_rc=$?
    set -e
    end="$(now)"
    run_wall="$(elapsed "$start" "$end")"
    run_rss="$(rss_mb "$base.time" 2>/dev/null)"
    [[ -n "$run_rss" ]] || run_rss="$((peak / 1000))"
    if [[ -z "$hugo_note" && $run_rc -eq 124 ]]; then
        hugo_note="timed out after ${HUGO_TIMEOUT} s (HUGO_TIMEOUT)"
    elif [[ -z "$hugo_note" && $run_rc -ne 0 ]]; then
        hugo_note="failed with exit code $run_rc: $(tail -n 3 "$base.err" | tr '\n' ' ')"
    fi
}

measure() {
    local findings="$1" vms=$(($1 / 10))
    local dir="$TMP/$findings" label
    label="$(awk -v n="$findings" 'BEGIN { if (n % 1000000 == 0) printf "%dM", n / 1e6; else if (n % 1000 == 0) printf "%dk", n / 1000; else print n }')"
    R[$findings.label]="$label"
    mkdir -p "$dir"
    # Our site, the raw copy and Hugo's files take about 45 KB a finding together, all kept until
    # the end (see "Deletions" above).
    local free_mb need_mb=$((findings * 45 / 1000))
    free_mb="$(df -Pm "$dir" | awk 'NR == 2 { print $4 }')"
    ((free_mb > need_mb)) || die "$label findings need about $need_mb MB free under $TMP; $free_mb MB are"
    echo
    echo "== $label findings ($vms VMs) =="

    # Input (not compared; printed for reference).
    local l start end
    l="$(load)"
    start="$(now)"
    "$BIN" synth --vms "$vms" --findings "$findings" --seed "$SEED" -o "$dir/input" >"$dir/synth.out" 2>&1 ||
        { cat "$dir/synth.out" >&2; die "secret-atlas synth --vms $vms --findings $findings failed"; }
    end="$(now)"
    printf 'input (%s): %s s, %s MB   [load %s]\n' "$synth_tool" "$(elapsed "$start" "$end")" \
        "$(du -sb "$dir/input" | awk '{ printf "%.0f", $1 / 1e6 }')" "$l"

    # Full build.
    l="$(load)"
    timed "$dir/build" "$BIN" build "$dir/input" -o "$dir/site"
    if [[ $run_rc -ne 0 ]]; then
        cat "$dir/build.err" >&2
        die "building $label findings failed with exit code $run_rc (output above)"
    fi
    local wrote pages files bytes html largest
    wrote="$(grep -m1 '^Wrote ' "$dir/build.out" || true)"
    [[ "$wrote" =~ ^Wrote\ ([0-9]+)\ pages\ \(([0-9]+)\ files,\ ([0-9]+)\ bytes\) ]] ||
        die "no \"Wrote N pages (M files, B bytes)\" line in the build's output: $(head -c 500 "$dir/build.out")"
    pages="${BASH_REMATCH[1]}" files="${BASH_REMATCH[2]}" bytes="${BASH_REMATCH[3]}"
    html="$(find "$dir/site" -type f -name '*.html' | wc -l)"
    largest="$(grep -i -m1 'largest' "$dir/build.out" "$dir/build.err" 2>/dev/null | sed 's/^[^:]*://' || true)"
    R[$findings.load]="$l" R[$findings.wall]="$run_wall" R[$findings.rss]="$run_rss"
    R[$findings.pages]="$pages" R[$findings.html]="$html" R[$findings.bytes]="$bytes" R[$findings.files]="$files"
    awk -v p="$pages" -v h="$html" -v w="$run_wall" -v r="$run_rss" -v b="$bytes" -v f="$files" -v l="$l" 'BEGIN {
        printf "our build: %d pages (%d .html) in %.2f s = %.0f pages/s, peak RSS %d MB, output %.1f MB in %d files   [load %s]\n", \
            p, h, w, p / w, r, b / 1e6, f, l }'
    if [[ -n "$largest" ]]; then
        echo "  largest page (build report): $largest"
    else
        # The build does not report it (yet): take it from the folder.
        find "$dir/site" -type f -name '*.html' -printf '%s %P\n' | sort -n | tail -n 1 |
            awk '{ printf "  largest page (not in the build report; from the folder): %s, %d bytes\n", $2, $1 }'
    fi
    if [[ -s "$dir/build.err" ]]; then
        say "  the build printed diagnostics (first 3):"
        head -n 3 "$dir/build.err" >&2
    fi

    # Unchanged rebuild into the same folder.
    if ((findings <= REBUILD_MAX_FINDINGS)); then
        l="$(load)"
        timed "$dir/rebuild" "$BIN" build "$dir/input" -o "$dir/site" --quiet
        [[ $run_rc -eq 0 ]] || { cat "$dir/rebuild.err" >&2; die "the unchanged rebuild of $label findings failed (exit $run_rc)"; }
        R[$findings.rebuild]="$run_wall" R[$findings.rebuild_load]="$l"
        printf 'unchanged rebuild: %s s, peak RSS %s MB = %s of the full build   [load %s]\n' \
            "$run_wall" "$run_rss" "$(ratio "$run_wall" "${R[$findings.wall]}")" "$l"
    else
        echo "unchanged rebuild: skipped above REBUILD_MAX_FINDINGS=$REBUILD_MAX_FINDINGS findings"
    fi

    # The file list drives the raw writer and the Hugo content. Nothing is deleted until the end
    # (see "Deletions" at the top): the site stays while the raw writer and Hugo run.
    (cd "$dir/site" && find . -type f -printf '%s\t%P\n') >"$dir/files.txt"

    # Raw write limit.
    l="$(load)"
    timed "$dir/raw" "$TMP/rawwrite" "$dir/files.txt" "$dir/raw-site" "$RAW_THREADS"
    [[ $run_rc -eq 0 ]] || { cat "$dir/raw.err" >&2; die "the raw writer failed at $label"; }
    R[$findings.raw]="$run_wall" R[$findings.raw_load]="$l"
    printf 'raw write (bench/rawwrite.c, %s): %s s; ours / raw = %s   [load %s]\n' \
        "$(cat "$dir/raw.out")" "$run_wall" "$(ratio "${R[$findings.wall]}" "$run_wall")" "$l"

    # Hugo with the same pages.
    if [[ "$HUGO" == 0 ]]; then
        echo "hugo: skipped (HUGO=0)"
        R[$findings.hugo_note]="skipped (HUGO=0)"
    elif ((findings > HUGO_MAX_FINDINGS)); then
        echo "hugo: skipped above HUGO_MAX_FINDINGS=$HUGO_MAX_FINDINGS findings (set it to $findings to run it)"
        R[$findings.hugo_note]="skipped (HUGO_MAX_FINDINGS)"
    else
        start="$(now)"
        local made
        made="$(python3 bench/hugo_site.py "$dir/files.txt" "$REPO" "$dir/hugo")" || die "bench/hugo_site.py failed at $label"
        end="$(now)"
        echo "hugo content: $made Markdown pages written in $(elapsed "$start" "$end") s (not timed)"
        l="$(load)"
        timed_hugo "$dir/hugo-run" "$dir/hugo" "$dir/hugo-out"
        R[$findings.hugo_load]="$l"
        if [[ -n "$hugo_note" ]]; then
            R[$findings.hugo_note]="$hugo_note"
            printf 'hugo: %s after %s s, peak RSS %s MB   [load %s]\n' "$hugo_note" "$run_wall" "$run_rss" "$l"
        else
            local hugo_pages hugo_html
            hugo_pages="$(awk -F'|' '$1 ~ /^ *Pages *$/ { gsub(/ /, "", $2); print $2 }' "$dir/hugo-run.out")"
            hugo_html="$(find "$dir/hugo-out" -type f -name '*.html' | wc -l)"
            R[$findings.hugo]="$run_wall" R[$findings.hugo_rss]="$run_rss" R[$findings.hugo_pages]="$hugo_pages"
            printf 'hugo: %s pages (%s .html; ours %s .html) in %s s, peak RSS %s MB, output %s MB; hugo / ours = %s   [load %s]\n' \
                "${hugo_pages:-?}" "$hugo_html" "$html" "$run_wall" "$run_rss" \
                "$(du -sb "$dir/hugo-out" | awk '{ printf "%.1f", $1 / 1e6 }')" "$(ratio "$run_wall" "${R[$findings.wall]}")" "$l"
            if [[ "$hugo_html" != "$html" ]]; then echo "  note: page counts differ ($hugo_html vs $html)"; fi
        fi
    fi
}

for size in $SIZES; do
    measure "$size"
done

# --- Summary and targets ----------------------------------------------------------------------
echo
echo "== summary (commit $commit; seconds; MB = 10^6 bytes) =="
printf '%-6s %8s %8s %8s %7s %7s %12s %16s %8s %9s %11s %s\n' \
    size pages build_s pages/s rss_MB out_MB rebuild/full "raw_s(ours/raw)" hugo_s hugo/ours hugo_rss_MB "load at build"
for size in $SIZES; do
    hugo_s="${R[$size.hugo]:-—}" hugo_ratio="—" hugo_rss="${R[$size.hugo_rss]:-—}"
    if [[ -n "${R[$size.hugo]:-}" ]]; then hugo_ratio="$(ratio "${R[$size.hugo]}" "${R[$size.wall]}")"; fi
    printf '%-6s %8s %8s %8s %7s %7s %12s %16s %8s %9s %11s %s\n' \
        "${R[$size.label]}" "${R[$size.pages]}" "${R[$size.wall]}" \
        "$(awk -v p="${R[$size.pages]}" -v w="${R[$size.wall]}" 'BEGIN { printf "%.0f", p / w }')" \
        "${R[$size.rss]}" "$(awk -v b="${R[$size.bytes]}" 'BEGIN { printf "%.0f", b / 1e6 }')" \
        "$(ratio "${R[$size.rebuild]:-}" "${R[$size.wall]}")" \
        "${R[$size.raw]}($(ratio "${R[$size.wall]}" "${R[$size.raw]}"))" \
        "$hugo_s" "$hugo_ratio" "$hugo_rss" "${R[$size.load]}"
    if [[ -n "${R[$size.hugo_note]:-}" ]]; then printf '       hugo: %s\n' "${R[$size.hugo_note]}"; fi
done

echo
echo "== targets (issue 6) =="
missed=0
# check NAME VALUE OP LIMIT [unit]: VALUE empty means not measured.
check() {
    local name="$1" value="$2" op="$3" limit="$4" unit="${5:-}"
    if [[ -z "$value" ]]; then
        printf '%-52s not measured\n' "$name"
        return
    fi
    if awk -v v="$value" -v l="$limit" -v op="$op" 'BEGIN { exit !((op == "<" && v < l) || (op == "<=" && v <= l) || (op == ">=" && v >= l)) }'; then
        printf '%-52s %s%s (target %s %s%s): met\n' "$name" "$value" "$unit" "$op" "$limit" "$unit"
    else
        printf '%-52s %s%s (target %s %s%s): MISSED\n' "$name" "$value" "$unit" "$op" "$limit" "$unit"
        missed=$((missed + 1))
    fi
}
get() { printf '%s' "${R[$1]:-}"; }
quot() { [[ -n "$1" && -n "$2" ]] && ratio "$1" "$2" || true; }
check "100k: Hugo time / our time" "$(quot "$(get 100000.hugo)" "$(get 100000.wall)")" ">=" 5 ×
check "100k: our time / raw write time" "$(quot "$(get 100000.wall)" "$(get 100000.raw)")" "<=" 3 ×
check "1M: full build time" "$(get 1000000.wall)" "<" 300 " s"
check "1M: peak RSS" "$(get 1000000.rss)" "<" 2000 " MB"
check "linear: time(100k) / time(10k)" "$(quot "$(get 100000.wall)" "$(get 10000.wall)")" "<=" 11 ×
check "linear: time(1M) / time(100k)" "$(quot "$(get 1000000.wall)" "$(get 100000.wall)")" "<=" 11 ×
check "100k: unchanged rebuild / full build" "$(quot "$(get 100000.rebuild)" "$(get 100000.wall)")" "<" 0.25 ×

if ((missed > 0)); then
    echo "$missed target(s) missed."
    [[ "$STRICT" == 1 ]] && exit 2
fi
exit 0
