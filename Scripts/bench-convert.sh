#!/usr/bin/env bash
# Usage: Scripts/bench-convert.sh [CALLS]   (default 20000; needs swift, python3, tshark, GNU time)
#
# Times `sipigw convert` (release build) and `tshark -T fields` on the same MTP3 capture in one run and prints
# input MB/s, the ratio, and the peak RSS of the conversion for the capture and for one ten times smaller (memory
# is bounded by the open calls, not the file). The capture: CALLS calls at 100 call setups/s, each IAM (vectors.md
# A3), ACM, ANM after 0.2 s, REL after 1 s, RLC (isup-q763.md §7.2–§7.4), between point codes 2 and 1, CICs cycling
# over 1..1000, in time order (Scripts/samples.py generate). Every step is bounded by `timeout`.
set -euo pipefail
cd "$(dirname "$0")/.."

calls=${1:-20000}
for tool in swift python3 tshark /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench-convert: $tool not found" >&2; exit 2; }
done
echo "== building sipigw (release)"
make -s build >/dev/null  # the release build users run (Makefile)
sipigw="$(swift build -c release --show-bin-path)/sipigw"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 Scripts/samples.py generate "$calls" "$work/big.pcap"
python3 Scripts/samples.py generate "$((calls / 10))" "$work/small.pcap"
bytes=$(stat -c %s "$work/big.pcap")
echo "== capture: $calls calls, $((calls * 5)) messages, $bytes octets"

measure() {  # label, command...: prints wall seconds, user+sys seconds, max RSS KiB
  local label=$1; shift
  timeout 900 /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  read -r wall user sys rss <"$work/time"
  printf '%-44s wall %7.2f s  cpu %7.2f s  rss %7d KiB  %8.1f MB/s\n' "$label" "$wall" \
    "$(echo "$user + $sys" | bc)" "$rss" "$(echo "$bytes / $wall / 1000000" | bc -l)"
  echo "$wall" >"$work/wall.$label"
}

measure convert-summary "$sipigw" convert "$work/big.pcap" --to summary
measure convert-sipi-pcap "$sipigw" convert "$work/big.pcap" --to sipi-pcap -o "$work/out.pcap"
measure convert-json "$sipigw" convert "$work/big.pcap" --to json -o "$work/out.json"
measure tshark-fields tshark -r "$work/big.pcap" -T fields -e isup.cic -e isup.message_type -e isup.called -e isup.cause_indicator
"$sipigw" convert "$work/big.pcap" --to summary | head -2
small_rss=$( /usr/bin/time -f "%M" "$sipigw" convert "$work/small.pcap" --to summary 2>&1 >/dev/null | tail -1)
echo "peak RSS: $small_rss KiB for $((calls / 10)) calls, $(/usr/bin/time -f "%M" "$sipigw" convert "$work/big.pcap" --to summary 2>&1 >/dev/null | tail -1) KiB for $calls calls"
echo "tshark / convert (sipi-pcap): $(echo "$(cat "$work/wall.tshark-fields") / $(cat "$work/wall.convert-sipi-pcap")" | bc -l | cut -c1-5)"
