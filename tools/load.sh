#!/usr/bin/env bash
# HTTP load on loopback (docs/performance.md, "HTTP load"): a fresh store, one token per
# connector, `liaison serve` on 127.0.0.1 at a free port, then CONNECTORS concurrent
# connectors posting events; prints events/s and request latency p50/p95/p99, then stops
# the server with SIGTERM and checks the store holds every appended event.
#
#   tools/load.sh                                   64 connectors x 200 events, 1 event a request
#   tools/load.sh --connectors 64 --events-each 500 --per-request 10 --seconds-max 60
#
# Bounded: at most 256 connectors, 10,000 events each, 300 seconds. Loopback only.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
connectors=64; each=200; per=1; seconds=60
while [ $# -gt 0 ]; do
  case "$1" in
    --connectors) connectors="$2"; shift 2 ;;
    --events-each) each="$2"; shift 2 ;;
    --per-request) per="$2"; shift 2 ;;
    --seconds-max) seconds="$2"; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 64 ;;
  esac
done
[ "$connectors" -ge 1 ] && [ "$connectors" -le 256 ] || { echo "--connectors: 1 to 256" >&2; exit 64; }
[ "$each" -ge 1 ] && [ "$each" -le 10000 ] || { echo "--events-each: 1 to 10000" >&2; exit 64; }
[ "$per" -ge 1 ] && [ "$per" -le 1000 ] || { echo "--per-request: 1 to 1000" >&2; exit 64; }
[ "$seconds" -ge 1 ] && [ "$seconds" -le 300 ] || { echo "--seconds-max: 1 to 300" >&2; exit 64; }

tools/ensure-deps.sh
swift build -c release --product liaison >&2
(cd tools/load && swift build -c release >&2)
bin="$root/.build/release/liaison"
load="$root/tools/load/.build/release/liaison-load"

work="$(mktemp -d /tmp/liaison-load.XXXXXX)"
pid=""
cleanup() { [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

"$bin" init --store "$work/store" --home FR >/dev/null
for i in $(seq 1 "$connectors"); do
  token="$("$bin" token add --role connector --name "load-$i" --tokens "$work/tokens")"
  echo "load-$i $token" >> "$work/credentials"
done

"$bin" serve --store "$work/store" --tokens "$work/tokens" --host 127.0.0.1 --port 0 2> "$work/serve.log" &
pid=$!
port=""
for _ in $(seq 1 200); do
  port="$(grep -o '(port [0-9]*)' "$work/serve.log" | grep -o '[0-9]*' || true)"
  [ -n "$port" ] && break
  sleep 0.05
done
[ -n "$port" ] || { cat "$work/serve.log" >&2; echo "the server did not start" >&2; exit 1; }

result="$("$load" "http://127.0.0.1:$port" "$work/credentials" "$connectors" "$each" "$per" "$seconds")"
commits="$(curl -sS "http://127.0.0.1:$port/metrics" | grep '^liaison_writer_commits ' | awk '{printf "%d", $2}')"
kill -TERM "$pid"
wait "$pid"
pid=""
stored="$("$bin" status --store "$work/store" --format json 2>/dev/null | grep -o '"seq":[0-9]*' | head -n 1 | grep -o '[0-9]*' || echo "?")"
echo "$result" | sed "s/}\$/,\"eventsStored\":$stored,\"commits\":${commits:-null}}/"
# The promise of the header: every acknowledged append is in the store after SIGTERM.
appended="$(echo "$result" | grep -o '"eventsAppended":[0-9]*' | grep -o '[0-9]*' || true)"
if [ -z "$appended" ] || [ "$stored" != "$appended" ]; then
  echo "the store holds ${stored} events but ${appended:-?} were acknowledged as appended" >&2
  exit 1
fi
