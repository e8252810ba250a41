#!/usr/bin/env bash
# Usage: Scripts/bench-vs-tshark.sh [MESSAGES]   (default 100000; needs swift, python3, text2pcap and tshark)
#
# Times `sipigw decode --pcap` (release build, JSON Lines) and tshark on the same capture, in one run, and prints
# both wall times and their ratio. The capture holds MESSAGES ISUP messages in LINKTYPE_MTP3 (141) packets
# (SIO 0x85, zero routing label), written by text2pcap: calls of IAM (3 optional parameters), ACM, ANM, REL,
# RLC from shared/spec (vectors.md A3; isup-q763.md §7.2, §7.3, §7.4) with the CIC cycling over 1..4095.
# Each command writes to /dev/null while timed, then runs once more to count the messages it decoded; the
# script fails unless every count equals MESSAGES. No network, no servers; every step is bounded by `timeout`.
set -euo pipefail
cd "$(dirname "$0")/.."

messages=${1:-100000}
for tool in swift python3 text2pcap tshark; do
  command -v "$tool" >/dev/null || { echo "bench-vs-tshark: $tool not found (make deps-test installs tshark)" >&2; exit 2; }
done

echo "== building sipigw (release)"
make -s build >/dev/null  # the release build users run (Makefile)
sipigw="$(swift build -c release --show-bin-path)/sipigw"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
capture="$work/isup.pcap"

echo "== writing $messages messages to a LINKTYPE_MTP3 capture (text2pcap -l 141)"
python3 - "$messages" >"$work/hexdump.txt" <<'EOF'
import sys
call = [bytes.fromhex(h) for h in (
    # vectors.md A3: IAM with calling party number, location number, access transport
    "73 00 01 11 60 00 0a 03 02 09 07 83 90 79 70 45 26 09 0a 07 83 13 59 63 85 96 00 3f 07 83 17 17 50 20"
    " 03 00 03 13 28 11 42 45 52 54 48 41 4c 49 4e 20 4a 61 63 71 75 65 73 00",
    "23 01 06 16 14 01 29 01 01 00",  # isup-q763.md §7.2 ACM
    "01 00 09 00",                    # §7.4 ANM
    "23 01 0c 02 00 02 82 90",        # §7.3 REL cause 16
    "23 01 10 00",                    # §7.3 RLC
)]
out = sys.stdout
for n in range(int(sys.argv[1])):
    isup = bytearray(call[n % len(call)])
    cic = 1 + (n // len(call)) % 4095
    isup[0], isup[1] = cic & 0xFF, cic >> 8
    out.write("0000 " + (b"\x85\x00\x00\x00\x00" + isup).hex(" ") + "\n")
EOF
timeout 300 text2pcap -q -F pcap -l 141 "$work/hexdump.txt" "$capture" 2>/dev/null
echo "   $(stat -c %s "$capture") octets"

# tshark twice: its leanest form (four fields), and a full decode to JSON like ours (-T json -J isup).
fields=(tshark -n -r "$capture" -T fields -e isup.cic -e isup.message_type -e isup.called -e isup.calling)
json=(tshark -n -r "$capture" -T json -J isup)

# Wall time of a command in seconds, its output to /dev/null.
seconds() {
  local start end
  start=$(date +%s%N)
  timeout 600 "$@" >/dev/null 2>&1
  end=$(date +%s%N)
  awk -v ns=$((end - start)) 'BEGIN { printf "%.3f", ns / 1e9 }'
}

echo "== timing (one run each, same file)"
ours=$(seconds "$sipigw" decode --pcap "$capture")
fields_time=$(seconds "${fields[@]}")
json_time=$(seconds "${json[@]}")

echo "== counting decoded messages (untimed runs)"
ours_count=$(timeout 600 "$sipigw" decode --pcap "$capture" | wc -l)
fields_count=$(timeout 600 "${fields[@]}" 2>/dev/null | awk -F'\t' '$1 != ""' | wc -l)
json_count=$(timeout 600 "${json[@]}" 2>/dev/null | grep -c '"isup.cic":')

row() {
  local rate
  rate=$(awk -v n="$3" -v t="$2" 'BEGIN { print n / t }')
  printf '%-58s %7s s %7s messages %8.0f messages/s\n' "$1" "$2" "$3" "$rate"
}
row "sipigw decode --pcap (JSON Lines, every parameter)" "$ours" "$ours_count"
row "tshark -T fields -e isup.cic,message_type,called,calling" "$fields_time" "$fields_count"
row "tshark -T json -J isup" "$json_time" "$json_count"
awk -v f="$fields_time" -v j="$json_time" -v o="$ours" \
  'BEGIN { printf "ratio tshark / sipigw: %.1f (fields), %.1f (json)\n", f / o, j / o }'

for count in "$ours_count" "$fields_count" "$json_count"; do
  if [ "$count" -ne "$messages" ]; then
    echo "bench-vs-tshark: message counts differ: sipigw $ours_count, tshark fields $fields_count," \
      "tshark json $json_count; expected $messages" >&2
    exit 1
  fi
done
