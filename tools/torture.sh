#!/usr/bin/env bash
# Crash torture: child processes killed with SIGKILL at seeded random moments, over and
# over — during appends, during projection catch-up (a read) and during backups — then
# the checks that nothing committed was lost and nothing was doubled:
# the stored ids equal the input's (once each), seq is gapless, `verify` passes,
# `replay --check` passes, and every completed backup verifies.
#
#   tools/torture.sh                   full run: 200 kills
#   tools/torture.sh --kills 10        short run (the test suite runs this)
#   LIAISON_BIN=path/to/liaison tools/torture.sh ...   use a given binary (default: release build)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
kills=200; seed=2026; part_events=40000
while [ $# -gt 0 ]; do
  case "$1" in
    --kills) kills="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --part-events) part_events="$2"; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1 (try --help)" >&2; exit 64 ;;
  esac
done
if [ -z "${LIAISON_BIN:-}" ]; then
  (cd "$root" && swift build -c release --product liaison >/dev/null)
  LIAISON_BIN="$(cd "$root" && swift build -c release --show-bin-path)/liaison"
fi
bin="$LIAISON_BIN"
work="$(mktemp -d "${TMPDIR:-/tmp}/liaison-torture.XXXXXX")"
trap 'rm -rf "$work"' EXIT
RANDOM=$seed

# The input, in parts: half the kills hit appends, each of a part not yet sent, so they
# land mid-commit rather than in duplicates.
parts=$(( kills / 2 + 1 ))
cases=$(( parts * part_events * 10 / 116 + 1 ))
"$bin" generate --cases "$cases" --seed "$seed" --first-year 2016 --years 8 -o "$work/all.jsonl"
total=$(wc -l < "$work/all.jsonl")
split -n "l/$parts" -d -a 3 "$work/all.jsonl" "$work/part-"
"$bin" init --store "$work/store" --format json >/dev/null

survived=0; backups=0
for i in $(seq 1 "$kills"); do
  part=$(printf '%s/part-%03d' "$work" $(( (i - 1) / 2 % parts )))
  case $(( i % 4 )) in
    0) cmd=("$bin" balances --store "$work/store" --year 2020 --format json) ;;          # projection catch-up
    1) rm -rf "$work/backup"; cmd=("$bin" backup --store "$work/store" --to "$work/backup" --format json) ;;
    *) cmd=("$bin" append --store "$work/store" "$part") ;;
  esac
  "${cmd[@]}" >"$work/out" 2>"$work/err" &
  pid=$!
  sleep "0.$(printf "%03d" $(( RANDOM % 500 + 5 )))"
  if kill -9 "$pid" 2>/dev/null; then survived=$((survived + 1)); fi
  wait "$pid" 2>/dev/null || true
  if [ $(( i % 4 )) -eq 1 ] && grep -q '"backup"' "$work/out" 2>/dev/null; then
    "$bin" verify --store "$work/backup" --format json >/dev/null || { echo "a completed backup does not verify (kill $i)" >&2; exit 1; }
    backups=$((backups + 1))
  fi
done

# Complete the input, then check everything.
for part in "$work"/part-*; do "$bin" append --store "$work/store" "$part" >/dev/null; done
rm -rf "$work/backup"
"$bin" backup --store "$work/store" --to "$work/backup" --format json >/dev/null
"$bin" verify --store "$work/backup" --format json >/dev/null
backups=$((backups + 1))
"$bin" export --store "$work/store" -o "$work/export.jsonl"
python3 - "$work/all.jsonl" "$work/export.jsonl" <<'PY'
import json, sys
sent = [json.loads(l)["id"] for l in open(sys.argv[1]) if l.strip()]
stored = [json.loads(l) for l in open(sys.argv[2]) if l.strip()]
ids = [e["id"] for e in stored]
assert len(ids) == len(set(ids)), "an id is stored twice"
assert sorted(ids) == sorted(sent), f"stored ids differ from the input: {len(ids)} stored, {len(sent)} sent"
assert [e["seq"] for e in stored] == list(range(1, len(stored) + 1)), "seq is not gapless"
PY
"$bin" verify --store "$work/store" --format json >/dev/null
"$bin" replay --store "$work/store" --check >/dev/null
echo "torture: $kills kills ($survived hit a running process), $backups completed backups verified, $total events stored once each, gapless, verify and replay --check ok"
