#!/usr/bin/env bash
# Usage: Scripts/bench-m3ua-tcp.sh [MESSAGES]   (default 100000)
#
# M3UA DATA throughput over loopback TCP between two processes: `sipigw m3ua throughput --listen` receives and
# checks order per SLS, `sipigw m3ua throughput --connect` sends. Release build; loopback only; both processes are
# bounded by `timeout` and the receiver is killed on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
messages=${1:-100000}
make -s build >/dev/null  # the release build users run (Makefile)
sipigw="$(swift build -c release --show-bin-path)/sipigw"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
out=$(mktemp)
timeout 120 "$sipigw" m3ua throughput --listen "$port" --count "$messages" >"$out" &
receiver=$!
trap 'kill $receiver 2>/dev/null || true; rm -f "$out"' EXIT
for _ in $(seq 50); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.1
done
timeout 120 "$sipigw" m3ua throughput --connect "$port" --count "$messages"
wait $receiver
cat "$out"
