#!/usr/bin/env bash
# Builds the libFuzzer targets (Fuzz/Package.swift) with AddressSanitizer and runs each for a bounded
# time, one at a time; prints executions and crashes per target and fails when any target crashed.
#
#   FUZZ_SECONDS=30     seconds per target (libFuzzer's -max_total_time)
#   FUZZ_TARGETS="..."  the targets to run (default: every one, `FUZZ_TARGET=list` prints them)
#
# Each target first replays its regression inputs (Tests/Fixtures/hostile/fuzz/<target>/), then
# fuzzes from its corpus under .build-fuzz/fuzz/corpus/<target>, which is kept between runs and
# seeded from Fuzz/seeds/<target>, the repository's fixtures and, when present, the real scanner
# outputs in ../shared/fixtures (read in place, never copied into the repository). A crash leaves
# its input in .build-fuzz/fuzz/artifacts/<target>/; minimize it with
#   .build-fuzz/fuzz/bin/fuzz-<target> -minimize_crash=1 -runs=10000 CRASH
# and add it to Tests/Fixtures/hostile/fuzz/<target>/ with the fix (docs/hostile-input.md).
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
seconds=${FUZZ_SECONDS:-30}
scratch=.build-fuzz
work=$scratch/fuzz
shared=${SHARED_FIXTURES:-$root/../shared/fixtures}
[ -d "$shared" ] || shared=/work/shared/fixtures

echo "Building the fuzz targets with -sanitize=fuzzer,address ..."
build_log=$(mktemp)
if ! swift build --package-path Fuzz --scratch-path "$scratch" -Xswiftc -sanitize=fuzzer,address >"$build_log" 2>&1; then
    # gold warns about every AddressSanitizer symbol it cannot export; those lines say nothing.
    grep -v "Cannot export local symbol" "$build_log"
    rm -f "$build_log"
    exit 1
fi
rm -f "$build_log"
binary=$(cd "$scratch/debug" && pwd)/secret-atlas-fuzz
targets=${FUZZ_TARGETS:-$(FUZZ_TARGET=list "$binary")}

# The inputs a target starts from, besides Fuzz/seeds/<target>.
seeds() {
    case "$1" in
    native) echo site-sample/input/*.json Tests/SecretAtlasTests/Fixtures/small/input.json ;;
    azure-resource-graph) echo Tests/Fixtures/defender/arg-*.json Tests/Fixtures/fleet/arg-inventory.json ;;
    log-analytics-attack-paths) echo Tests/Fixtures/defender/la-*.json ;;
    aws-ec2-instances) echo Tests/Fixtures/aws/*.json ;;
    gcp-compute-instances) echo Tests/Fixtures/gcp/*.json ;;
    sarif) echo "$shared"/gitleaks/*.sarif ;;
    gitleaks) echo "$shared"/gitleaks/*.json ;;
    gitleaks-csv) echo "$shared"/gitleaks/*.csv ;;
    detect-secrets) echo Tests/SecretAtlasTests/Fixtures/scanners/detect-secrets.json ;;
    checkov) echo Tests/SecretAtlasTests/Fixtures/scanners/checkov.json ;;
    trufflehog-legacy) echo Tests/SecretAtlasTests/Fixtures/scanners/trufflehog2.jsonl ;;
    openssh-keys) echo Tests/SecretAtlasTests/Fixtures/scanners/fleet/*/home/*/.ssh/*authorized_keys* \
        Tests/SecretAtlasTests/Fixtures/scanners/fleet/*/home/*/.ssh/*.pub ;;
    markdown) echo Templates/remediation/*.md Templates/recommendations/*.md ;;
    template) echo Templates/*.mustache Templates/partials/*.mustache ;;
    esac
}

dictionary() {
    case "$1" in
    markdown) echo "-dict=Fuzz/dicts/markdown.dict" ;;
    template) echo "-dict=Fuzz/dicts/mustache.dict" ;;
    gitleaks-csv | openssh-keys | site | ssh-key) ;;
    *) echo "-dict=Fuzz/dicts/json.dict" ;;
    esac
}

# Throwaway keys made here (none is kept in the repository) as seeds of the ssh-key target: the
# first byte picks the PEM label (0 OpenSSH, 1 RSA, 2 PKCS#8, 3 EC), the rest is the DER or
# OpenSSH body; 4 is text as it is (public key lines).
seed_ssh_keys() {
    local keys
    keys=$(mktemp -d)
    body() { grep -v -- '-----' "$1" | base64 -d; }
    if command -v ssh-keygen >/dev/null; then
        ssh-keygen -q -t ed25519 -N '' -f "$keys/ed25519" && { printf '\000'; body "$keys/ed25519"; } >"$1/seed-ed25519"
        ssh-keygen -q -t rsa -b 1024 -m PEM -N '' -f "$keys/rsa" && { printf '\001'; body "$keys/rsa"; } >"$1/seed-rsa"
        { printf '\004'; cat "$keys/ed25519.pub" "$keys/rsa.pub"; } >"$1/seed-public"
    fi
    if command -v openssl >/dev/null; then
        openssl genpkey -algorithm ed25519 -out "$keys/pk8" 2>/dev/null && { printf '\002'; body "$keys/pk8"; } >"$1/seed-pkcs8-ed25519"
        openssl ecparam -genkey -name prime256v1 -noout -out "$keys/ec" 2>/dev/null && { printf '\003'; body "$keys/ec"; } >"$1/seed-ec"
    fi
    rm -rf "$keys"
}

mkdir -p "$work/bin" "$work/logs"
# Swift's own crash backtracer reads the crashed process's memory in a way AddressSanitizer reports
# as a second error, burying the first; libFuzzer and AddressSanitizer print the stack anyway.
export SWIFT_BACKTRACE=enable=no
export LSAN_OPTIONS="suppressions=$root/Fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
printf '\n%-28s %8s %12s %8s\n' target seconds executions crashes
failed=0
for target in $targets; do
    corpus=$work/corpus/$target
    artifacts=$work/artifacts/$target
    mkdir -p "$corpus" "$artifacts"
    ln -sf "$binary" "$work/bin/fuzz-$target"
    for file in Fuzz/seeds/"$target"/* $(seeds "$target"); do
        [ -f "$file" ] || continue
        if [ "$target" = detect ]; then continue; fi
        cp -n "$file" "$corpus/seed-$(basename "$file")" 2>/dev/null || true
    done
    if [ "$target" = detect ]; then
        # The detect target's first byte picks the file name (0 = input.json, 1 = input.jsonl, ...).
        for other in native native-jsonl sarif gitleaks-csv openssh-keys; do
            case "$other" in native) byte='\000' ;; native-jsonl) byte='\001' ;; sarif) byte='\002' ;;
                gitleaks-csv) byte='\003' ;; openssh-keys) byte='\004' ;; esac
            for file in Fuzz/seeds/"$other"/* $(seeds "$other"); do
                [ -f "$file" ] || continue
                out="$corpus/seed-$other-$(basename "$file")"
                [ -e "$out" ] || { printf "$byte"; cat "$file"; } >"$out"
            done
        done
    fi
    if [ "$target" = ssh-key ] && [ ! -e "$corpus/seed-ed25519" ]; then
        seed_ssh_keys "$corpus"
    fi
    rm -f "$artifacts"/*
    log=$work/logs/$target.log
    : >"$log"
    status=0
    regressions=(Tests/Fixtures/hostile/fuzz/"$target"/*)
    if [ -f "${regressions[0]}" ]; then
        "$work/bin/fuzz-$target" -rss_limit_mb=2048 -timeout=10 "${regressions[@]}" >>"$log" 2>&1 || status=$?
    fi
    start=$(date +%s)
    if [ "$status" -eq 0 ]; then
        # shellcheck disable=SC2046
        "$work/bin/fuzz-$target" "$corpus" $(dictionary "$target") -max_total_time="$seconds" \
            -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 -artifact_prefix="$artifacts/" \
            >>"$log" 2>&1 || status=$?
    fi
    elapsed=$(($(date +%s) - start))
    executions=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$')
    crashes=$(find "$artifacts" -type f | wc -l)
    [ "$status" -ne 0 ] && [ "$crashes" -eq 0 ] && crashes=1
    printf '%-28s %8s %12s %8s\n' "$target" "$elapsed" "${executions:-0}" "$crashes"
    if [ "$status" -ne 0 ]; then
        failed=1
        echo "  $target failed (exit $status); see $log and $artifacts/" >&2
        grep -m3 -E "INVARIANT FAILED|ERROR: (AddressSanitizer|libFuzzer)|Fatal error" "$log" | cut -c1-300 >&2
    fi
done
exit $failed
