#!/usr/bin/env bash
# libFuzzer targets for dnslint's readers, built with swiftc under AddressSanitizer into .build-fuzz/.
#
#   fuzz/run.sh TARGET SECONDS    fuzz one target (zone, corefile, resolvconf, manifest, message)
#   fuzz/run.sh --all SECONDS     each target in turn from a fixed seed (CI runs this with a few seconds)
#   fuzz/run.sh --replay          each target once over its seeds and saved crashers, with exact leak stacks
#   fuzz/run.sh --build           build every target, run nothing
#
# Extra libFuzzer flags can follow, e.g. `fuzz/run.sh zone 600 -max_len=4096`. With DNSLINT_FUZZ_RULES=1 the
# reader targets also run every rule on what they read (slower, more code reached). Exits non-zero when a target
# crashes, leaks, times out on an input or runs out of memory; the input is left in
# .build-fuzz/artifacts/TARGET/ and the sanitizer's report is repeated at the end. Seeds come from examples/,
# Tests/DNSLintTests/Fixtures (with the minimised crashers under Fixtures/fuzz/) and ../shared/corpus when present.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$ROOT/.build-fuzz
TARGETS=(zone corefile resolvconf manifest message)
SANITIZE=-sanitize=fuzzer,address
SWIFT_FLAGS=(-O -g -parse-as-library -swift-version 6 -package-name dnslint -wmo -I "$OUT/modules")
YAMS=$ROOT/.build/checkouts/Yams

log() { echo "fuzz: $*" >&2; }

sources() { find "$ROOT/$1" -name '*.swift' | sort; }

# Compiles one Swift module into .build-fuzz/obj/NAME.o and its interface into .build-fuzz/modules, unless
# the object is newer than its sources and no module before it in the build order was rebuilt.
DIRTY=0
module() {
    local name=$1; shift
    local object=$OUT/obj/$name.o
    if (( ! DIRTY )) && [[ -f $object ]]; then
        local changed=0 file
        for file in "$@"; do [[ $file == *.swift && $file -nt $object ]] && changed=1; done
        (( changed )) || return 0
    fi
    DIRTY=1
    log "compiling $name"
    swiftc "${SWIFT_FLAGS[@]}" "$SANITIZE" -c -module-name "$name" -emit-module \
        -emit-module-path "$OUT/modules/$name.swiftmodule" -o "$object" "$@"
}

build() {
    if [[ ! -d $YAMS ]]; then
        log "resolving packages for the Yams checkout"
        (cd "$ROOT" && swift package resolve >/dev/null)
    fi
    mkdir -p "$OUT/modules" "$OUT/obj" "$OUT/bin"
    local ldns_cflags
    ldns_cflags=$(pkg-config --cflags ldns)
    for file in "$YAMS"/Sources/CYaml/src/*.c; do
        local object=$OUT/obj/cyaml-$(basename "$file" .c).o
        [[ -f $object && $object -nt $file ]] && continue
        clang -c -O1 -g -fsanitize=address,fuzzer-no-link -DYAML_DECLARE_STATIC -I "$YAMS/Sources/CYaml/include" \
            "$file" -o "$object"
    done
    local cflags=()
    for flag in $ldns_cflags; do cflags+=(-Xcc "$flag"); done
    module LDNS -I "$ROOT/Sources/CLdns" "${cflags[@]}" $(sources Sources/LDNS)
    # Yams picks its CYaml import under SWIFT_PACKAGE, as SwiftPM builds it.
    module Yams -DSWIFT_PACKAGE -I "$YAMS/Sources/CYaml/include" -Xcc -DYAML_DECLARE_STATIC $(sources .build/checkouts/Yams/Sources/Yams)
    module DNSLintModel -I "$ROOT/Sources/CLdns" $(sources Sources/DNSLintModel)
    module DNSLintInputs -I "$ROOT/Sources/CLdns" -I "$YAMS/Sources/CYaml/include" -Xcc -DYAML_DECLARE_STATIC \
        $(sources Sources/DNSLintInputs) $(sources fuzz/Harness)
    module DNSLintRules -I "$ROOT/Sources/CLdns" $(sources Sources/DNSLintRules)
    for target in "${TARGETS[@]}"; do
        local entry=("$ROOT/fuzz/targets/$target.swift") binary=$OUT/bin/fuzz-$target
        [[ $target != message ]] && entry+=("$ROOT/fuzz/targets/FuzzRules.swift")
        if (( ! DIRTY )) && [[ -f $binary && $binary -nt $ROOT/fuzz/targets/$target.swift && $binary -nt $ROOT/fuzz/targets/FuzzRules.swift ]]; then
            continue
        fi
        log "linking fuzz-$target"
        # gold warns once per sanitizer symbol it cannot export; those lines are noise.
        swiftc "${SWIFT_FLAGS[@]}" "$SANITIZE" -module-name "fuzz_$target" -I "$ROOT/Sources/CLdns" \
            -I "$YAMS/Sources/CYaml/include" -Xcc -DYAML_DECLARE_STATIC "${entry[@]}" "$OUT"/obj/*.o \
            $(pkg-config --libs ldns) -o "$binary" 2> >(grep -v "Cannot export local symbol" >&2)
    done
}

# Copies the seeds of a target (files up to 64 KiB) into .build-fuzz/seeds/TARGET.
seed() {
    local target=$1 dir=$OUT/seeds/$1
    local shared=$ROOT/../shared/corpus fixtures=$ROOT/Tests/DNSLintTests/Fixtures
    rm -rf "$dir"
    mkdir -p "$dir"
    local from=()
    case $target in
        zone) from=("$ROOT/examples/zones" "$fixtures/zones" "$fixtures/live" "$shared/zones") ;;
        corefile) from=("$fixtures/corefile" "$shared/corefiles") ;;
        resolvconf) from=("$ROOT/examples/resolvconf" "$fixtures/resolvconf" "$shared/resolvconf") ;;
        manifest) from=("$ROOT/examples/k8s" "$fixtures/kubernetes" "$shared/k8s" "$shared/configmaps") ;;
        message) python3 "$ROOT/fuzz/message-seeds.py" "$dir" ;;
    esac
    from+=("$fixtures/fuzz/$target")
    for folder in "${from[@]}"; do
        [[ -d $folder ]] || continue
        find "$folder" -type f -size -65k -exec cp {} "$dir/" \;
    done
}

# Runs one target; its output goes to .build-fuzz/logs/TARGET.log as well. On failure the sanitizer's
# report and the saved input are printed again, so the end of a long CI log says what broke.
run() {
    local target=$1 seconds=$2; shift 2
    [[ " ${TARGETS[*]} " == *" $target "* ]] || { log "unknown target $target (${TARGETS[*]})"; exit 2; }
    seed "$target"
    mkdir -p "$OUT/corpus/$target" "$OUT/artifacts/$target" "$OUT/logs"
    local dict=() limit=(-max_total_time="$seconds") unwind=1 supp=$ROOT/fuzz/lsan.supp
    [[ -f $ROOT/fuzz/dict/$target.dict ]] && dict=(-dict="$ROOT/fuzz/dict/$target.dict")
    if [[ $seconds == replay ]]; then
        # Every input once, nothing mutated. The exact unwinder walks through libldns (no frame
        # pointers), so the suppressions can name ldns' own leaks and leave ours to fail.
        limit=(-runs=0) unwind=0
        supp=$OUT/lsan-exact.supp
        grep -v '^leak:ldns_rdf_new_frm_data' "$ROOT/fuzz/lsan.supp" > "$supp"
        log "$target: replaying seeds and saved crashers"
    else
        log "$target for ${seconds}s"
    fi
    # The manifest reader composes YAML on a 64 MiB stack in dnslint; the harness calls it on the main thread.
    ulimit -s 65536
    local log=$OUT/logs/$target.log status=0
    # Swift's own backtracer fights ASan over a trap (it can hang); libFuzzer and ASan print the stack instead.
    SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:fast_unwind_on_malloc=$unwind} \
        LSAN_OPTIONS=suppressions=$supp:print_suppressions=0 \
        "$OUT/bin/fuzz-$target" "$OUT/corpus/$target" "$OUT/seeds/$target" \
        "${limit[@]}" -timeout=10 -rss_limit_mb=2048 -max_len=16384 -print_final_stats=1 \
        -artifact_prefix="$OUT/artifacts/$target/" "${dict[@]}" "$@" > >(tee "$log") 2>&1 || status=$?
    if (( status )); then
        log "$target failed (exit $status); the report, from $log:"
        grep -E -A24 '^==[0-9]+==ERROR|runtime failure|Fatal error|deadly signal' "$log" | head -60 >&2 || true
        grep -E 'Test unit written to' "$log" >&2 || true
    fi
    return "$status"
}

# Runs every target with the given seconds (or "replay") and lists the ones that failed.
all() {
    build
    local failed=() target
    for target in "${TARGETS[@]}"; do run "$target" "$@" || failed+=("$target"); done
    if (( ${#failed[@]} )); then log "failed: ${failed[*]} (reports above; inputs under $OUT/artifacts/)"; exit 1; fi
}

case ${1:-} in
    --build) build ;;
    --replay) all replay "${@:2}" ;;
    --all)
        [[ $# -ge 2 ]] || { echo "usage: $0 --all SECONDS" >&2; exit 2; }
        # A fixed seed: a short CI run mutates the same way every time, so it fails for a reason, not by luck.
        all "$2" -seed="${FUZZ_SEED:-1}" "${@:3}" ;;
    ''|-h|--help) sed -n '2,13p' "$0"; exit 2 ;;
    *)
        [[ $# -ge 2 ]] || { echo "usage: $0 TARGET SECONDS" >&2; exit 2; }
        build
        run "$@" ;;
esac
