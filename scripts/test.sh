#!/usr/bin/env bash
# The whole test suite: every fuzz target under AddressSanitizer over its seeds and saved crashers, then for a
# few seconds of mutation from a fixed seed (fuzz/run.sh --replay, --all), then swift test.
# Run ./scripts/setup.sh --test once first.
set -euo pipefail
cd "$(dirname "$0")/.."
swift package resolve
fuzz/run.sh --replay
fuzz/run.sh --all "${FUZZ_SECONDS:-5}"
swift test
