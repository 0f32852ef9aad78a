#!/usr/bin/env bash
# The whole test suite: every fuzz target under AddressSanitizer over its seeds and saved crashers, then for a
# few seconds of mutation from a fixed seed (fuzz/run.sh --replay, --all), then swift test.
# Run ./scripts/setup.sh --test once first.
set -euo pipefail
cd "$(dirname "$0")/.."
# SwiftPM gives every target -I to every module already built, so without the import check an incremental
# build compiles an import of a target the manifest does not declare (a back edge, see ARCHITECTURE.md).
import_check=(--explicit-target-dependency-import-check error)
swift package resolve
fuzz/run.sh --replay
fuzz/run.sh --all "${FUZZ_SECONDS:-5}"
swift build "${import_check[@]}"
swift test "${import_check[@]}"
