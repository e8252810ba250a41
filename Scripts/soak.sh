#!/usr/bin/env bash
# Usage: Scripts/soak.sh [MINUTES] [RATE]   (defaults: 60 minutes, 200 calls/s)
#
# Soak (issue 10, "a 1-hour soak with RSS and file descriptors flat"; a benchmark, not a test): Scripts/load.sh
# places RATE calls/s for MINUTES (switch-sim → sipigw run → SIPp UAS, hold 1 s) while the gateway's resident set
# (VmRSS) and open file descriptors (/proc/PID/fd) are sampled every minute. At the end: the load's own figures,
# the samples, and whether RSS and descriptors were flat once warm: the last sample's RSS within 5% of the one at
# minute 2 (after Timer M's 32 s of transactions have filled), and the same descriptor count.
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-60}
rate=${2:-200}
swift build -c release --product sipigw >/dev/null
out=$(mktemp)
# 30 s more than sampled, so that the last sample falls inside the run.
Scripts/load.sh "$rate" $((minutes * 60 + 30)) 1s >"$out" 2>&1 &
load=$!
trap 'kill $load 2>/dev/null || true; rm -f "$out"' EXIT
gateway=""
for _ in $(seq 1 100); do
  gateway=$(pgrep -P "$load" -f "sipigw run --config" || true)
  [ -n "$gateway" ] && break
  sleep 0.1
done
[ -n "$gateway" ] || { echo "soak: no gateway started"; cat "$out"; exit 1; }
echo "soak: $rate calls/s for $minutes min, gateway PID $gateway"
echo "minute  VmRSS(KiB)  descriptors"
samples=()
for m in $(seq 1 "$minutes"); do
  sleep 60
  [ -d "/proc/$gateway" ] || break
  rss=$(awk '/VmRSS/ { print $2 }' "/proc/$gateway/status")
  fds=$(ls "/proc/$gateway/fd" | wc -l)
  samples+=("$rss $fds")
  printf '%6d  %10d  %11d\n' "$m" "$rss" "$fds"
done
wait $load || true
cat "$out"
[ "${#samples[@]}" -ge 3 ] || { echo "soak: too few samples"; exit 1; }
read -r warm_rss warm_fds <<<"${samples[1]}"
read -r last_rss last_fds <<<"${samples[-1]}"
verdict=$(awk -v a="$warm_rss" -v b="$last_rss" 'BEGIN { print (b <= a * 1.05 ? "flat" : "GROWING") }')
echo "soak: RSS minute 2 → last: $warm_rss → $last_rss KiB ($verdict); descriptors $warm_fds → $last_fds"
[ "$verdict" = flat ] && [ "$warm_fds" = "$last_fds" ]
