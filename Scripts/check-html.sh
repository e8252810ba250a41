#!/usr/bin/env bash
# Usage: Scripts/check-html.sh [SIPIGW]   (needs Debian's chromium)
#
# The `html` format in a real browser: converts Samples/calls.pcap, loads the page in headless Chromium with the
# DOM dumped after its script ran, and checks that the script ran without error (it writes "5 call(s) shown"), that
# the search box filters (the page opened as page.html#busy shows 1 call), and that the browser logged no console
# error. Writes docs/convert-html.png, a screenshot of the page. Chromium's own profile goes to a scratch directory.
set -euo pipefail
cd "$(dirname "$0")/.."
sipigw=${1:-.build/debug/sipigw}
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "check-html: chromium not found (apt-get install chromium)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$sipigw" convert Samples/calls.pcap --to html -o "$work/calls.html"
run() {  # url, extra flags...
  local url=$1; shift
  timeout 60 "$browser" --headless --no-sandbox --disable-gpu --user-data-dir="$work/profile" \
    --enable-logging=stderr --v=0 "$@" "$url" 2>>"$work/console.log"
}
run "file://$work/calls.html" --dump-dom >"$work/dom.html"
grep -q "5 call(s) shown" "$work/dom.html" || { echo "check-html: the page's script did not run (no '5 call(s) shown')" >&2; exit 1; }
run "file://$work/calls.html#busy" --dump-dom >"$work/dom-busy.html"
grep -q "1 call(s) shown" "$work/dom-busy.html" || { echo "check-html: searching 'busy' does not leave 1 call" >&2; exit 1; }
if grep -E "Uncaught|CONSOLE.*(Error|error)" "$work/console.log"; then
  echo "check-html: console errors above" >&2
  exit 1
fi
run "file://$work/calls.html" --screenshot="$work/shot.png" --window-size=1280,900 >/dev/null
cp "$work/shot.png" docs/convert-html.png
echo "check-html: script ran, search works, no console error; screenshot in docs/convert-html.png"
