#!/usr/bin/env bash
# Usage: Scripts/load.sh [RATE] [SECONDS] [HOLD]   (defaults: 200 calls/s, 30 s, 1s holding time)
#
# Load run (issue 8, "Load"; a benchmark, not a test): sipigw switch-sim → sipigw run → SIPp UAS, all on this
# machine over loopback (M3UA over TCP, SIP over UDP). The switch places RATE calls/s for SECONDS, each answered by
# SIPp (Tests/Fixtures/sipp/uas-answer.xml) and released by the switch after HOLD. Prints the sustained rate and the
# failures (the switch's count and SIPp's), setup latency IAM→ACM p50/p99 as the switch measures it (it includes
# IAM→INVITE, SIPp's 180 and 180→ACM, so it bounds IAM→INVITE from above), the gateway's CPU time per call
# (utime+stime from /proc), and its peak RSS (VmHWM) with the calls established at once (RATE × HOLD).
# Release build; every process is started here, bounded by `timeout`, and killed by PID on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
rate=${1:-200}
seconds=${2:-30}
hold=${3:-1s}
command -v sipp >/dev/null || { echo "sipp not installed (apt-get install sip-tester)"; exit 1; }
swift build -c release --product sipigw >/dev/null
sipigw="$(swift build -c release --show-bin-path)/sipigw"
dir=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$dir"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
sip=$(free_port); peer=$(free_port); m3ua=$(free_port)
sed -e "s/@SIP_PORT@/$sip/" -e "s/@M3UA_PORT@/$m3ua/" -e "s/@PEER_B_PORT@/$peer/" -e "s/@PEER_A_PORT@/$(free_port)/" \
  -e "s/@CICS@/1-4000/" -e "s|@RECORDS@|$dir/records.jsonl|" Tests/Fixtures/sipp/gateway.yaml >"$dir/gateway.yaml"
limit=$((seconds * 3 + 60))
timeout "$limit" sipp -sf Tests/Fixtures/sipp/uas-answer.xml -i 127.0.0.1 -p "$peer" -nostdin \
  -trace_stat -stf "$dir/sipp.csv" -fd 1 >"$dir/sipp.log" 2>&1 &
pids+=($!)
"$sipigw" run --config "$dir/gateway.yaml" >"$dir/gateway.log" 2>&1 &
gateway=$!
pids+=($gateway)
sleep 1
ticks() { awk '{ print $14 + $15 }' "/proc/$gateway/stat"; }
hz=$(getconf CLK_TCK)
before=$(ticks)
rss_before=$(awk '/VmRSS/ { print $2 }' "/proc/$gateway/status")
start=$(date +%s.%N)
timeout "$limit" "$sipigw" switch-sim --remote "127.0.0.1:$m3ua" --cics 1-4000 --duration "${seconds}s" --rate "$rate" \
  --hold "$hold" --numbers 0612345678,0612345679,0612345680 >"$dir/switch.log" 2>&1
elapsed=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')
after=$(ticks)
hwm=$(awk '/VmHWM/ { print $2 }' "/proc/$gateway/status")
kill "${pids[0]}" 2>/dev/null || true
sleep 1.5
stats=$(tail -n 1 "$dir/sipp.csv")
header=$(head -n 1 "$dir/sipp.csv")
column() { echo "$header" | tr ';' '\n' | grep -n -x "$1" | cut -d: -f1; }
sipp_ok=$(echo "$stats" | cut -d';' -f"$(column 'SuccessfulCall(C)')")
sipp_failed=$(echo "$stats" | cut -d';' -f"$(column 'FailedCall(C)')")
attempts=$(sed -n 's/^outgoing attempts=\([0-9]*\).*/\1/p' "$dir/switch.log")
answered=$(sed -n 's/^outgoing attempts=[0-9]* answered=\([0-9]*\).*/\1/p' "$dir/switch.log")
echo "load: switch-sim → sipigw run → SIPp UAS, $rate calls/s offered for $seconds s, holding time $hold"
grep -E "^outgoing|^  failed|latency" "$dir/switch.log" | sed 's/^/  switch-sim: /'
echo "  SIPp UAS: successful=$sipp_ok failed=$sipp_failed"
calc() { awk "BEGIN { printf \"$1\", $2 }"; }
hold_seconds=$(echo "$hold" | awk '/ms$/ { sub("ms", ""); print $0 / 1000; next } { sub("s", ""); print $0 }')
placing=$(calc '%.3f' "$elapsed - $hold_seconds")
echo "  sustained: $(calc '%.1f' "$attempts / $placing") call setups/s over $(calc '%.1f' "$placing") s, $answered answered, $((attempts - answered)) failed"
echo "  gateway CPU: $(calc '%.1f' "($after - $before) * 1000000 / $hz / $attempts") µs per call ($((after - before)) ticks of 1/$hz s)"
peak=$(calc '%.0f' "$rate * $hold_seconds")
echo "  gateway RSS: $((rss_before / 1024)) MiB idle, peak (VmHWM) $((hwm / 1024)) MiB with up to $peak calls established at once: ~$(calc '%.1f' "($hwm - $rss_before) / $peak") KiB per established call"
