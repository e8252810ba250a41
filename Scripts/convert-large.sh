#!/usr/bin/env bash
# Usage: Scripts/convert-large.sh [MEGABYTES] [FORMAT]   (default 1000 MB, summary; needs swift, python3, script)
#
# The large-trace run of issue 9: generates an MTP3 capture of about MEGABYTES MB (Scripts/samples.py generate,
# streamed: 100 call setups/s, IAM ACM ANM REL RLC per call, CICs 1..1000), converts it with `sipigw convert`
# (release build) --to FORMAT under a pseudo-terminal (util-linux `script`), so that the progress bar is drawn as a
# user at a terminal sees it, and samples the converter's resident memory every 10 s. Prints the input size, the
# wall time and MB/s, the RSS samples (first, at a tenth of the run, last) and the peak (VmHWM), the progress
# redraws the terminal received with the last of them, and the conversion's own summary line. Memory is bounded
# when the RSS stops growing after the first seconds, whatever the file size. The output goes to /dev/null for
# the pcap formats (27 octets out per octet in) and to a file otherwise. Every step is bounded by `timeout`.
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-1000}
format=${2:-summary}
for tool in swift python3 script; do
  command -v "$tool" >/dev/null || { echo "convert-large: $tool not found" >&2; exit 2; }
done
make -s build >/dev/null  # the release build users run (Makefile)
sipigw="$(swift build -c release --show-bin-path)/sipigw"
work=$(mktemp -d)
trap 'kill "${sampler:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
calls=$((mb * 1000000 / 189))  # 189 octets of capture per call (five records with their pcap headers)
echo "== generating $calls calls"
timeout 3600 python3 Scripts/samples.py generate "$calls" "$work/big.pcap"
bytes=$(stat -c %s "$work/big.pcap")
echo "   $bytes octets"
case $format in *pcap) out=/dev/null ;; *) out="$work/out" ;; esac

# The converter under a pty: its standard error (the progress bar) and output are the terminal `script` records.
start=$(date +%s.%N)
timeout 14400 script -q -e -c "'$sipigw' convert '$work/big.pcap' --to $format -o $out" "$work/terminal" \
  </dev/null >/dev/null 2>&1 &
runner=$!
for _ in $(seq 1 100); do
  pid=$(pgrep -f -n "sipigw convert $work/big.pcap" || true)
  [ -n "$pid" ] && break
  sleep 0.1
done
[ -n "$pid" ] || { echo "convert-large: the converter did not start" >&2; exit 1; }
(
  while [ -e "/proc/$pid" ]; do
    awk -v t="$(date +%s)" '/^VmRSS|^VmHWM/ { printf "%s %s %s\n", t, $1, $2 }' "/proc/$pid/status" 2>/dev/null || true
    sleep 10
  done
) >"$work/rss" &
sampler=$!
status=0
wait "$runner" || status=$?
elapsed=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')
kill "$sampler" 2>/dev/null || true
wait "$sampler" 2>/dev/null || true
echo "== sipigw convert --to $format: exit $status, $(awk -v s="$elapsed" 'BEGIN { printf "%.0f", s }') s," \
  "$(awk -v b="$bytes" -v s="$elapsed" 'BEGIN { printf "%.2f", b / s / 1e6 }') MB/s of input"
samples=$(grep -c VmRSS "$work/rss" || true)
rss() { grep VmRSS "$work/rss" | sed -n "$1p" | awk '{ printf "%d MiB", $3 / 1024 }'; }
echo "   RSS: first $(rss 1), at a tenth $(rss "$(( (samples + 9) / 10 ))"), last $(rss "$samples") ($samples samples," \
  "10 s apart); peak $(grep VmHWM "$work/rss" | tail -1 | awk '{ printf "%d MiB", $3 / 1024 }')"
redraws=$(tr '\r' '\n' <"$work/terminal" | grep -c '^\[[#-]*\]' || true)
echo "   progress bar: $redraws redraws on the terminal; the last:"
tr '\r' '\n' <"$work/terminal" | grep '^\[[#-]*\]' | tail -1 | sed 's/^/     /'
if [ "$out" != /dev/null ]; then head -n 3 "$out" | sed 's/^/   /'; fi
exit "$status"
