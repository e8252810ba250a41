#!/usr/bin/env bash
# Usage: Scripts/load.sh [RATE] [SECONDS] [HOLD] [DIRECTION]   (defaults: 200 calls/s, 30 s, 1s, isup)
#
# Load run (issue 8, "Load"; a benchmark, not a test), all on this machine over loopback (M3UA over TCP, SIP over
# UDP), the gateway configured by Tests/Fixtures/sipp/gateway.yaml with one trunk of 4,000 CICs:
#   isup: sipigw switch-sim → sipigw run → SIPp UAS (Tests/Fixtures/sipp/uas-answer.xml); the switch places RATE
#         calls/s for SECONDS and releases each after HOLD. Latency: the switch's IAM→ACM p50/p99, which includes
#         IAM→INVITE, SIPp's 180 and 180→ACM (so it bounds IAM→INVITE from above); and IAM→INVITE itself on the
#         wire: dumpcap captures the loopback (IAMs to the gateway, INVITEs to SIPp) for the first
#         min(SECONDS, LATENCY_SECONDS, default 60) seconds of calls, Scripts/iam-invite-latency.py pairs them by
#         called number (the switch cycles over 1,000 numbers) from the kernel's timestamps.
#   sip:  SIPp UAC (Tests/Fixtures/sipp/uac-plain.xml, profile A) → sipigw run → sipigw switch-sim answering; SIPp
#         places RATE calls/s for SECONDS and sends BYE after HOLD. Latency: SIPp's INVITE→200 (mean, and its
#         repartition).
# Prints the sustained setup rate with the failures (both ends' counts), the gateway's CPU time per call
# (utime+stime from /proc), and its RSS idle and at peak (VmHWM) with min(RATE × HOLD, calls) calls established.
# TRUNKS=N (isup only) splits the calls over N trunks of CICS_PER_TRUNK (default 4000) circuits, each its own
# switch-sim on its own association (OPC N+1, routing context N): a trunk has at most 4,096 CICs (Q.763 §1.2), so
# 10,000 established calls need three.
# Release build; every process is started here, bounded by `timeout`, and killed by PID on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
rate=${1:-200}
seconds=${2:-30}
hold=${3:-1s}
direction=${4:-isup}
trunks=${TRUNKS:-1}
cics=${CICS_PER_TRUNK:-4000}
command -v sipp >/dev/null || { echo "sipp not installed (apt-get install sip-tester)"; exit 1; }
make -s build >/dev/null  # the release build users run (Makefile)
sipigw="$(swift build -c release --show-bin-path)/sipigw"
dir=$(mktemp -d)
pids=()
# LOAD_KEEP=1 keeps the logs, configuration, SIPp statistics and call records in $dir.
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  if [ "${LOAD_KEEP:-0}" = 1 ]; then echo "  files: $dir"; else rm -rf "$dir"; fi
}
trap cleanup EXIT
trap "exit 1" INT TERM
calc() { awk "BEGIN { printf \"$1\", $2 }"; }
free_port() { python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
hold_seconds=$(echo "$hold" | awk '/ms$/ { sub("ms", ""); print $0 / 1000; next } { sub("s", ""); print $0 }')
calls=$(calc '%.0f' "$rate * $seconds")
sip=$(free_port); peer_b=$(free_port); peer_a=$(free_port)
m3ua=(); for t in $(seq 1 "$trunks"); do m3ua+=("$(free_port)"); done
sed -e "s/@SIP_PORT@/$sip/" -e "s/@PEER_B_PORT@/$peer_b/" -e "s/@PEER_A_PORT@/$peer_a/" \
  -e "s/@CICS@/1-$cics/" -e "s|@RECORDS@|$dir/records.jsonl|" Tests/Fixtures/sipp/gateway.yaml >"$dir/template.yaml"
# Trunk t > 1: the fixture's association line and trunk block again, renamed switch<t>, on its own port,
# routing context t and DPC t + 1.
renamed() { sed -e "s/switch\b/switch$1/g" -e "s/routingContexts: \[1\]/routingContexts: [$1]/" \
  -e "s/routingContext: 1/routingContext: $1/" -e "s/dpc: 2/dpc: $(($1 + 1))/"; }
association=$(grep -- '- { name: switch, role: sgp' "$dir/template.yaml")
trunk=$(sed -n '/^trunks:/,/^peers:/p' "$dir/template.yaml" | sed '1d;$d')
{
  sed -n '1,/^  associations:/p' "$dir/template.yaml"
  for t in $(seq 1 "$trunks"); do
    line=${association/@M3UA_PORT@/${m3ua[$((t - 1))]}}
    if [ "$t" = 1 ]; then echo "$line"; else echo "$line" | renamed "$t"; fi
  done
  echo "trunks:"
  for t in $(seq 1 "$trunks"); do
    if [ "$t" = 1 ]; then echo "$trunk"; else echo "$trunk" | renamed "$t"; fi
  done
  sed -n '/^peers:/,$p' "$dir/template.yaml"
} >"$dir/gateway.yaml"
limit=$((seconds * 3 + 60))
sipp_stats=(-nostdin -trace_stat -stf "$dir/sipp.csv" -fd 1 -trace_err -error_file "$dir/sipp-errors.log")
"$sipigw" run --config "$dir/gateway.yaml" >"$dir/gateway.log" 2>&1 &
gateway=$!
pids+=($gateway)
if [ "$direction" = isup ]; then
  timeout "$limit" sipp -sf Tests/Fixtures/sipp/uas-answer.xml -i 127.0.0.1 -p "$peer_b" "${sipp_stats[@]}" >"$dir/sipp.log" 2>&1 &
  pids+=($!)
else
  timeout "$limit" "$sipigw" switch-sim --remote "127.0.0.1:${m3ua[0]}" --cics "1-$cics" --answer answer --ring 10ms >"$dir/switch.log" 2>&1 &
  switch=$!
  pids+=($switch)
fi
# The switch's association up and its circuits reset (GRS/GRA) before the first call.
sleep 2
ticks() { awk '{ print $14 + $15 }' "/proc/$gateway/stat"; }
hz=$(getconf CLK_TCK)
before=$(ticks)
rss_before=$(awk '/VmRSS/ { print $2 }' "/proc/$gateway/status")
start=$(date +%s.%N)
if [ "$direction" = isup ]; then
  seq 612340000 612340999 | sed 's/^/0/' >"$dir/numbers"
  ports=$(IFS=,; echo "${m3ua[*]}")
  tcp=$(for p in "${m3ua[@]}"; do printf '(tcp dst port %s) or ' "$p"; done)
  payload='(ip[2:2] - ((ip[0] & 0xf) << 2) - ((tcp[12] & 0xf0) >> 2)) > 0'
  window=$(awk -v a="$seconds" -v b="${LATENCY_SECONDS:-60}" 'BEGIN { print (a < b ? a : b) }')
  timeout "$limit" dumpcap -q -P -i lo -f "((${tcp% or }) and $payload) or (udp dst port $peer_b)" \
    -a "duration:$window" -w "$dir/capture.pcap" 2>"$dir/dumpcap.log" &
  capture=$!
  pids+=($capture)
  sleep 0.5
  sims=()
  for t in $(seq 1 "$trunks"); do
    timeout "$limit" "$sipigw" switch-sim --remote "127.0.0.1:${m3ua[$((t - 1))]}" --opc $((t + 1)) --routing-context "$t" \
      --cics "1-$cics" --calls $((calls / trunks)) --rate "$(calc '%.3f' "$rate / $trunks")" --hold "$hold" \
      --numbers-file "$dir/numbers" >"$dir/switch$t.log" 2>&1 &
    sims+=($!)
    pids+=($!)
  done
  wait "${sims[@]}"
  cat "$dir"/switch*.log >"$dir/switch.log"
else
  timeout "$limit" sipp "127.0.0.1:$sip" -sf Tests/Fixtures/sipp/uac-plain.xml -s +390612345678 -i 127.0.0.2 -p "$peer_a" \
    -r "$rate" -m "$calls" -d "$(calc '%.0f' "$hold_seconds * 1000")" -l 100000 "${sipp_stats[@]}" >"$dir/sipp.log" 2>&1 || true
fi
elapsed=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')
after=$(ticks)
hwm=$(awk '/VmHWM/ { print $2 }' "/proc/$gateway/status")
if [ "$direction" = isup ]; then kill "${pids[1]}" 2>/dev/null || true; else kill "$switch" 2>/dev/null || true; fi
sleep 1.5
header=$(head -n 1 "$dir/sipp.csv")
stats=$(tail -n 1 "$dir/sipp.csv")
sipp_value() { echo "$stats" | cut -d';' -f"$(echo "$header" | tr ';' '\n' | grep -n -x "$1" | cut -d: -f1)"; }
sipp_ok=$(sipp_value 'SuccessfulCall(C)')
sipp_failed=$(sipp_value 'FailedCall(C)')
placing=$(calc '%.3f' "$elapsed - $hold_seconds")
if [ "$direction" = isup ]; then
  attempts=$(sed -n 's/^outgoing attempts=\([0-9]*\).*/\1/p' "$dir/switch.log" | awk '{ n += $1 } END { print n }')
  answered=$(sed -n 's/^outgoing attempts=[0-9]* answered=\([0-9]*\).*/\1/p' "$dir/switch.log" | awk '{ n += $1 } END { print n }')
  echo "load: switch-sim → sipigw run → SIPp UAS, $rate calls/s offered for $seconds s, holding time $hold"
  grep -E "^outgoing|^  failed|latency" "$dir/switch.log" | sed 's/^/  switch-sim: /'
  wait "$capture" || true
  python3 Scripts/iam-invite-latency.py "$dir/capture.pcap" "$ports" "$peer_b" | sed "s/^IAM/capture of ${window} s: IAM/; s/^/  /"
  echo "  SIPp UAS: successful=$sipp_ok failed=$sipp_failed"
else
  attempts=$((sipp_ok + sipp_failed))
  answered=$(sed -n 's/^incoming calls=[0-9]* answered=\([0-9]*\).*/\1/p' "$dir/switch.log")
  echo "load: SIPp UAC → sipigw run → switch-sim, $rate calls/s offered for $seconds s, holding time $hold"
  echo "  SIPp UAC: successful=$sipp_ok failed=$sipp_failed, INVITE→200 mean $(sipp_value 'ResponseTime1(C)')"
  echo "  SIPp INVITE→200 repartition (ms, calls):$(echo "$header" | tr ';' '\n' | grep -n '^ResponseTimeRepartition1_' \
    | while IFS=: read -r n name; do printf ' %s=%s' "${name#ResponseTimeRepartition1_}" "$(echo "$stats" | cut -d';' -f"$n")"; done)"
  grep -E "^incoming" "$dir/switch.log" | sed 's/^/  switch-sim: /'
fi
echo "  sustained: $(calc '%.1f' "$attempts / $placing") call setups/s over $(calc '%.1f' "$placing") s, $answered answered, $((attempts - answered)) failed"
echo "  gateway CPU: $(calc '%.1f' "($after - $before) * 1000000 / $hz / $attempts") µs per call ($((after - before)) ticks of 1/$hz s)"
peak=$(awk -v a="$(calc '%.0f' "$rate * $hold_seconds")" -v b="$calls" 'BEGIN { print (a < b ? a : b) }')
echo "  gateway RSS: $((rss_before / 1024)) MiB idle, peak (VmHWM) $((hwm / 1024)) MiB with up to $peak calls established at once: ~$(calc '%.1f' "($hwm - $rss_before) / $peak") KiB per established call"
