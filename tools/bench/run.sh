#!/usr/bin/env bash
# The benchmark suite (docs/performance.md): the ledger measured side by side with a
# raw-LMDB baseline on the same generated files, A B A B, medians and ratios.
#
#   tools/bench/run.sh                         full run: 200k, 1M and 10M events, 3 pairs, writes docs/performance.md
#   tools/bench/run.sh --sizes 200000,1000000  chosen sizes
#   tools/bench/run.sh --pairs 5               more pairs (10M runs use --pairs-large, default 1)
#   tools/bench/run.sh --smoke                 tiny sizes, 1 pair, report to the work dir only (CI)
#
# Needs: liblmdb-dev, libcjson-dev, gcc, python3 (for the report). Work files go to
# $BENCH_DIR (default /tmp/liaison-bench), about 12 GB for a full run.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

sizes="200000,1000000,10000000"; pairs=3; pairs_large=1; out="$root/docs/performance.md"; smoke=0
balance_claims=1000000
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes="$2"; shift 2 ;;
    --pairs) pairs="$2"; shift 2 ;;
    --pairs-large) pairs_large="$2"; shift 2 ;;
    --balance-claims) balance_claims="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --smoke) smoke=1; sizes="3000"; pairs=1; pairs_large=1; balance_claims=2000; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 64 ;;
  esac
done
work="${BENCH_DIR:-/tmp/liaison-bench}"
[ "$smoke" = 1 ] && out="$work/performance.md"
mkdir -p "$work"
results="$work/results.jsonl"; : > "$results"

tools/ensure-deps.sh
if ! dpkg -s libcjson-dev >/dev/null 2>&1; then
  [ "$(id -u)" -ne 0 ] && sudo_cmd=sudo || sudo_cmd=""
  $sudo_cmd apt-get install -y -qq libcjson-dev >/dev/null
fi

echo "==> building (release)" >&2
swift build -c release --product liaison >/dev/null
liaison="$(swift build -c release --show-bin-path)/liaison"
(cd tools/bench && swift build -c release >/dev/null)
bench="$(cd tools/bench && swift build -c release --show-bin-path)/liaison-bench"
gcc -O2 -o "$work/baseline" tools/bench/baseline.c $(pkg-config --cflags --libs lmdb libcjson)
baseline="$work/baseline"

# record NAME SIZE PAIR SYSTEM SECONDS EVENTS RSS_KIB
record() { printf '{"name":"%s","size":%s,"pair":%s,"system":"%s","seconds":%s,"events":%s,"rssKiB":%s}\n' "$@" >> "$results"; }
# timed CMD...: runs it, sets $elapsed (s) and $rss (KiB, whole-process peak), keeps stdout in $work/last.out
timed() {
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$work/rss" "$@" > "$work/last.out" 2>"$work/last.err" || { cat "$work/last.err" >&2; return 1; }
  end=$(date +%s.%N)
  elapsed=$(python3 -c "print(round($end - $start, 3))")
  rss=$(tail -n 1 "$work/rss")
}
json() { python3 -c "import json,sys; print(json.load(open('$work/last.out'))$1)"; }

IFS=',' read -r -a size_list <<< "$sizes"
for size in "${size_list[@]}"; do
  file="$work/events-$size.jsonl"
  if [ ! -s "$file" ]; then
    cases=$(( size * 100 / 1157 + 1 ))   # about 11.6 events a case over ten years
    "$liaison" generate --cases "$cases" --seed 2026 --first-year 2015 --years 10 -o "$file"
  fi
  events=$(wc -l < "$file")
  n=$pairs; [ "$size" -ge 5000000 ] && n=$pairs_large
  for pair in $(seq 1 "$n"); do
    echo "==> $events events, pair $pair of $n" >&2
    rm -rf "$work/base" "$work/store"; mkdir -p "$work/base"
    timed "$baseline" ingest "$work/base" "$file"; record ingest "$events" "$pair" baseline "$elapsed" "$events" "$rss"
    timed "$liaison" init --store "$work/store" --format json
    timed "$liaison" append --store "$work/store" "$file"; record ingest "$events" "$pair" ledger "$elapsed" "$events" "$rss"
    timed "$baseline" scan "$work/base"; record scan "$events" "$pair" baseline "$(json "['seconds']")" "$events" "$rss"
    timed "$bench" scan "$work/store"; record scan "$events" "$pair" ledger "$(json "['seconds']")" "$events" "$rss"
    timed "$liaison" replay --store "$work/store"; record replay "$events" "$pair" ledger "$elapsed" "$events" "$rss"
    timed "$baseline" lookups "$work/base" 20000 7; record lookups "$events" "$pair" baseline "$(json "['seconds']")" 20000 "$rss"
    timed "$bench" stream-reads "$work/store" 20000 7; record lookups "$events" "$pair" ledger "$(json "['seconds']")" 20000 "$rss"
    timed "$liaison" verify --store "$work/store" --format json; record verify "$events" "$pair" ledger "$elapsed" "$events" "$rss"
  done
done

echo "==> group commit" >&2
for pair in $(seq 1 "$pairs"); do
  timed "$bench" single-commit "$work/gc" 1000; record commit 1000 "$pair" single "$(json "['seconds']")" 1000 "$rss"
  timed "$bench" group-commit "$work/gc" 64 100; record commit 6400 "$pair" group64 "$(json "['seconds']")" 6400 "$rss"
done

echo "==> balances on a ledger of $balance_claims claims" >&2
bfile="$work/claims-$balance_claims.jsonl"
[ -s "$bfile" ] || "$liaison" generate --cases 1000 --claims "$balance_claims" --seed 7 --first-year 2015 --years 10 -o "$bfile"
bevents=$(wc -l < "$bfile")
rm -rf "$work/bstore"; "$liaison" init --store "$work/bstore" --format json >/dev/null
"$liaison" append --store "$work/bstore" "$bfile" >/dev/null
timed "$liaison" status --store "$work/bstore" --format json
timed "$liaison" balances --store "$work/bstore" --year 2020 --by state --format json; record catchup "$bevents" 1 ledger "$elapsed" "$bevents" "$rss"
for pair in $(seq 1 "$pairs"); do
  timed "$liaison" balances --store "$work/bstore" --year 2020 --by state --format json; record balances "$balance_claims" "$pair" ledger "$elapsed" "$balance_claims" "$rss"
done

python3 tools/bench/report.py "$results" "$out" "$balance_claims"
echo "==> report: $out" >&2
