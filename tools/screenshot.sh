#!/usr/bin/env bash
# Screenshot of the balances page for docs/balances.png (not part of CI: it installs a
# browser). Installs Debian's chromium if missing, generates a sample ledger, starts
# `liaison serve` on loopback, logs in through the login form with a finance token (the
# session cookie, as a browser gets it), fetches /balances for the year, and renders it
# with `chromium --headless --screenshot`. The page has no script and no external
# resource (inline CSS and SVG), so the saved page renders exactly as served; headless
# chromium cannot be handed a cookie on its command line, hence the saved copy.
#
#   tools/screenshot.sh [--year 2024] [--by state] [--out docs/balances.png]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
year=2024; by=state; out="$root/docs/balances.png"
while [ $# -gt 0 ]; do
  case "$1" in
    --year) year="$2"; shift 2 ;;
    --by) by="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 64 ;;
  esac
done

if ! command -v chromium >/dev/null 2>&1; then
  [ "$(id -u)" -ne 0 ] && sudo_cmd=sudo || sudo_cmd=""
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
fi
tools/ensure-deps.sh
swift build --product liaison >&2
bin="$root/.build/debug/liaison"

work="$(mktemp -d /tmp/liaison-screenshot.XXXXXX)"
pid=""
cleanup() { [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

"$bin" init --store "$work/store" --home FR >/dev/null
"$bin" generate --cases 1500 --seed 11 --first-year "$((year - 1))" --years 2 -o "$work/sample.jsonl"
"$bin" append --store "$work/store" "$work/sample.jsonl" >/dev/null
token="$("$bin" token add --role finance --name screenshot --tokens "$work/tokens")"

"$bin" serve --store "$work/store" --tokens "$work/tokens" --port 0 2> "$work/serve.log" &
pid=$!
port=""
for _ in $(seq 1 200); do
  port="$(grep -o '(port [0-9]*)' "$work/serve.log" | grep -o '[0-9]*' || true)"
  [ -n "$port" ] && break
  sleep 0.05
done
[ -n "$port" ] || { cat "$work/serve.log" >&2; exit 1; }

curl -sS -c "$work/jar" -o /dev/null --data-urlencode "token=$token" "http://127.0.0.1:$port/login"
curl -sS -b "$work/jar" -o "$work/balances.html" --fail "http://127.0.0.1:$port/balances?year=$year&by=$by"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1440,2300 \
  --screenshot="$out" "file://$work/balances.html" 2> "$work/chromium.log" || { cat "$work/chromium.log" >&2; exit 1; }
echo "wrote $out"
