#!/usr/bin/env bash
# The whole test suite: every fuzz target for a few seconds under AddressSanitizer (fuzz/run.sh --all), then
# swift test. Run ./scripts/setup.sh --test once first.
set -euo pipefail
cd "$(dirname "$0")/.."
swift package resolve
fuzz/run.sh --all "${FUZZ_SECONDS:-5}"
swift test
