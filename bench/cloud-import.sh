#!/usr/bin/env bash
# Times the azure-resource-graph importer on a synthetic az graph query result.
#
#   bash bench/cloud-import.sh            # VMS=20000 → 100,000 rows (~58 MB)
#
# Until the importer framework registers the cloud formats with the CLI, the timing runs inside the
# test binary (CloudImportBenchTests, which does nothing unless SECRET_ATLAS_BENCH_ARG names a file),
# built in release mode with testing enabled in the bench scratch folder.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

SCRATCH="${SCRATCH:-.build-bench}"
VMS="${VMS:-20000}"
TMP="$(mktemp -d "${TMPDIR:-/tmp}/secret-atlas-cloud-bench.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT

python3 bench/synth_arg.py "$VMS" > "$TMP/rows.json"
echo "input: $(wc -c < "$TMP/rows.json") bytes, $((VMS * 5)) rows" >&2
SECRET_ATLAS_BENCH_ARG="$TMP/rows.json" swift test -c release -Xswiftc -enable-testing \
    --scratch-path "$SCRATCH" --filter CloudImportBenchTests 2>&1 | grep -E '^cloud-import|error|failed'
