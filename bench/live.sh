#!/usr/bin/env bash
# Times `dnslint live` over generated names against a local NSD, side by side with dnsperf against
# the same server in the same run. Prints dnslint's queries/s as a ratio of dnsperf's, names/s and
# peak RSS (also for a tenth of the names, and for all of them with the live rules off, to show the engine's
# memory stays flat and what grows is the findings kept for the report).
# Usage: bench/live.sh [NAMES]   (default 100000; needs nsd, dnsperf, /usr/bin/time)
set -euo pipefail
NAMES=${1:-100000}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
for tool in /usr/sbin/nsd dnsperf /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install nsd dnsperf time)" >&2; exit 2; }
done
WORK=$(mktemp -d)
NSD_PID=
cleanup() { [ -n "$NSD_PID" ] && kill "$NSD_PID" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

# A zone with at least NAMES owner names: the shared generator when ../shared exists, else a plain one.
RECORDS=$(( NAMES * 3 / 2 ))
if [ -x "$ROOT/../shared/tools/gen-zone" ]; then
  "$ROOT/../shared/tools/gen-zone" "$RECORDS" > "$WORK/synth.test.zone"
else
  awk -v n="$RECORDS" 'BEGIN { print "$ORIGIN synth.test.\n$TTL 3600\n@ IN SOA ns1 hostmaster 1 7200 3600 1209600 300\n@ IN NS ns1\nns1 IN A 192.0.2.1";
    for (i = 0; i < n; i++) printf "h%d IN A 10.%d.%d.%d\n", i, int(i/65536)%256, int(i/256)%256, i%256 }' > "$WORK/synth.test.zone"
fi
awk -v max="$NAMES" '!/^[$;@ \t]/ && !seen[$1]++ && n++ < max { print $1 ".synth.test." }' "$WORK/synth.test.zone" > "$WORK/names.txt"
head -n $(( NAMES / 10 )) "$WORK/names.txt" > "$WORK/names-tenth.txt"
awk '{ print $1, "A"; print $1, "AAAA" }' "$WORK/names.txt" > "$WORK/dnsperf.txt"

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat > "$WORK/nsd.conf" <<CONF
server:
  ip-address: 127.0.0.1@$PORT
  username: ""
  chroot: ""
  database: ""
  zonesdir: "$WORK"
  pidfile: "$WORK/nsd.pid"
  xfrdfile: "$WORK/xfrd.state"
  zonelistfile: "$WORK/zone.list"
  logfile: "$WORK/nsd.log"
  rrl-ratelimit: 0
  server-count: 2
remote-control:
  control-enable: no
zone:
  name: synth.test
  zonefile: synth.test.zone
CONF
/usr/sbin/nsd -d -c "$WORK/nsd.conf" & NSD_PID=$!
for _ in $(seq 50); do dig +short +time=1 +tries=1 -p "$PORT" @127.0.0.1 ns1.synth.test >/dev/null 2>&1 && break; sleep 0.2; done

DNSLINT="$ROOT/.build/release/dnslint"
[ -x "$DNSLINT" ] || (cd "$ROOT" && swift build -c release >/dev/null)

echo "== dnsperf (10 s, 8 clients, 400 outstanding) against NSD on 127.0.0.1:$PORT"
dnsperf -s 127.0.0.1 -p "$PORT" -d "$WORK/dnsperf.txt" -c 8 -q 400 -l 10 > "$WORK/dnsperf.out" 2>&1
PERF_QPS=$(awk '/Queries per second/ { print $4 }' "$WORK/dnsperf.out")
grep -E "Queries sent|Queries completed|Queries per second" "$WORK/dnsperf.out"

run_dnslint() {  # names-file label [extra dnslint flags]
  /usr/bin/time -v "$DNSLINT" live --names-file "$1" --server "127.0.0.1:$PORT" --qps 0 --concurrency 400 \
    --format json --output "$WORK/$2.json" --fail-on never --no-progress "${@:3}" 2> "$WORK/$2.time"
  python3 - "$WORK/$2.json" "$WORK/$2.time" "$PERF_QPS" "$2" <<'PY'
import json, re, sys
summary = json.load(open(sys.argv[1]))["summary"]
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(sys.argv[2]).read()).group(1))
seconds = float(summary["durationSeconds"])
qps = summary["queries"] / seconds
print(f"== dnslint live ({sys.argv[4]}): {summary['names']} names, {summary['queries']} queries, "
      f"{summary['responses']} responses, {summary['timeouts']} timeouts in {seconds:.2f} s")
print(f"   {qps:,.0f} queries/s = {qps / float(sys.argv[3]):.2f}x dnsperf; {summary['names'] / seconds:,.0f} names/s; "
      f"peak RSS {rss / 1024:.1f} MiB")
PY
}
run_dnslint "$WORK/names-tenth.txt" "tenth"
run_dnslint "$WORK/names.txt" "all"
# The same names with the live rules off: the memory the engine needs without the findings it keeps to report.
run_dnslint "$WORK/names.txt" "all, live rules off" --disable DNS1
