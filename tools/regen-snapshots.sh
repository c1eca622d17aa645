#!/usr/bin/env bash
# Regenerates snapshots/*/expected from snapshots/*/events.jsonl. Run it deliberately,
# only when the projection format changes on purpose, and review the diff: the tests
# compare replays with these files byte for byte.
set -euo pipefail
case "${1:-}" in -h|--help) sed -n '2,4p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;; esac
cd "$(dirname "$0")/.."
swift build --product liaison >/dev/null
bin="$(swift build --show-bin-path)/liaison"
for dir in snapshots/*/; do
  name=$(basename "$dir")
  store=$(mktemp -d)
  "$bin" init --store "$store" --home FR --format json >/dev/null
  "$bin" import --store "$store" "$dir/events.jsonl" >/dev/null
  rm -rf "$dir/expected"
  "$bin" replay --store "$store" --dump "$dir/expected" >/dev/null
  rm -rf "$store"
  echo "$name: $(cat "$dir/expected/digests.json")"
done
