#!/usr/bin/env bash
# Times `dnslint check` (all zone rules, JSON to /dev/null) on a generated 1,000,000-record zone,
# side by side with validns, kzonecheck and named-checkzone in the same run, and prints wall time
# and peak memory as ratios to the fastest peer. Each figure is the median of RUNS runs (default 3),
# the tools taking turns. Usage: bench/zone.sh [RECORDS]; bench/zone.sh --growth (10k, 100k, 1M records).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--growth" ]; then
  for size in 10000 100000 1000000; do
    echo "== $size records"
    "$0" "$size" | grep -E "^(tool|dnslint|validns|kzonecheck|named-checkzone|per-turn)"
  done
  exit 0
fi
records=${1:-1000000}
runs=${RUNS:-3}
shared=../shared
[ -x "$shared/tools/gen-zone" ] || { echo "bench: needs $shared/tools/gen-zone" >&2; exit 2; }
./scripts/setup.sh --bench
swift build -c release >/dev/null
out=bench/out; mkdir -p "$out"
zone="$out/synth.test.zone"
if [ ! -s "$zone" ] || [ "$(cat "$out/records" 2>/dev/null)" != "$records" ]; then
  "$shared/tools/gen-zone" "$records" > "$zone"
  echo "$records" > "$out/records"
fi
dnslint=$(swift build -c release --show-bin-path)/dnslint

# The runs write to /dev/null (writing without a disk). A dnslint that renamed a temporary file over its
# --output target would replace /dev/null itself with a regular file when run as root, so first check on a
# FIFO of our own that this binary writes special files in place.
guard=$(mktemp -d)
trap 'rm -rf "$guard"' EXIT
mkfifo "$guard/out"
# shellcheck disable=SC2016  # $ORIGIN is zone text, not a shell variable
printf '$ORIGIN g.test.\n@ 300 IN SOA ns h 1 2 3 4 5\n' > "$guard/g.test.zone"
exec 3<>"$guard/out"   # a reader (and writer) that never blocks; the small report fits the pipe's buffer
"$dnslint" check "$guard/g.test.zone" --format json --output "$guard/out" --fail-on never >/dev/null 2>&1 || true
exec 3<&-
[ -p "$guard/out" ] || { echo "bench: $dnslint replaces special files given to --output; not running it on /dev/null" >&2; exit 2; }

once() { # name command...: appends "seconds maxrss_kib exit" of one run to $out/NAME.runs
  local name=$1; shift
  /usr/bin/time -f "%e %M %x" -o "$out/$name.time" "$@" >/dev/null 2>&1 || true
  tail -1 "$out/$name.time" >> "$out/$name.runs"
}
median() { # name: prints "name seconds maxrss_kib exit", each the median of its runs
  local name=$1
  echo "$name $(sort -n -k1 "$out/$name.runs" | awk '{t[NR]=$1; x[NR]=$3} END {printf "%s", t[int((NR+1)/2)]}') \
$(sort -n -k2 "$out/$name.runs" | awk '{m[NR]=$2} END {printf "%s", m[int((NR+1)/2)]}') $(tail -1 "$out/$name.runs" | awk '{print $3}')"
}
# Every rule off: reading, ldns parsing and indexing alone, the part comparable to what the peers do.
all_off=$("$dnslint" rules | awk '{printf "--disable %s ", $1}')
tools=(dnslint validns kzonecheck named-checkzone dnslint-read-only)
for tool in "${tools[@]}"; do rm -f "$out/$tool.runs"; done
for _ in $(seq "$runs"); do
  once dnslint "$dnslint" check "$zone" --format json --output /dev/null --fail-on never
  once validns validns -z synth.test. "$zone"
  once kzonecheck kzonecheck -o synth.test. "$zone"
  once named-checkzone named-checkzone -q synth.test. "$zone"
  # shellcheck disable=SC2086
  once dnslint-read-only "$dnslint" check "$zone" --format json --output /dev/null --fail-on never $all_off
done
results=$(for tool in "${tools[@]}"; do median "$tool"; done)
[ -c /dev/null ] || { echo "bench: /dev/null is no longer a character device (mknod -m 666 /dev/null c 1 3)" >&2; exit 2; }
findings=$("$dnslint" check "$zone" --format json --fail-on never | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["findings"]))')
echo "dnslint reports $findings findings on this zone (the peers report none of these kinds)."
echo "$results" | awk '
  { name[NR]=$1; t[NR]=$2; m[NR]=$3; x[NR]=$4 }
  END {
    best=0; for (i=2;i<=4;i++) if (best==0 || t[i]<t[best]) best=i
    printf "%-16s %8s %10s %6s %12s %12s\n", "tool", "wall s", "max MiB", "exit", "time ratio", "memory ratio"
    for (i=1;i<=NR;i++) printf "%-16s %8.2f %10.1f %6s %12.2f %12.2f\n", name[i], t[i], m[i]/1024, x[i], t[i]/t[best], m[i]/m[best]
    printf "\ndnslint vs fastest peer (%s): %.2fx wall time, %.2fx peak memory\n", name[best], t[1]/t[best], m[1]/m[best]
    printf "dnslint reading and indexing only: %.2fx wall time, %.2fx peak memory\n", t[5]/t[best], m[5]/m[best]
  }'
# The machine's speed drifts while the tools take turns; dnslint (two cores) feels it more than the one-core
# peers. A ratio taken within each turn, dnslint's time over validns's right after it, and then the median of
# those, is steadier than the ratio of the two medians.
turn_median() { # column: the median of dnslint-or-read-only over validns, taken turn by turn
  paste -d' ' "$out/dnslint.runs" "$out/validns.runs" "$out/dnslint-read-only.runs" \
    | awk -v c="$1" '{ print $c / $4 }' | sort -g | awk '{ v[NR]=$1 } END { printf "%.2f", v[int((NR+1)/2)] }'
}
echo "per-turn ratio to validns (median of $runs turns): dnslint $(turn_median 1)x wall time, reading only $(turn_median 7)x"
