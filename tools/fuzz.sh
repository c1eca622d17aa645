#!/usr/bin/env bash
# Fuzzes the line parser and validator with libFuzzer for a bounded time.
#
#   tools/fuzz.sh                 # 300 s
#   tools/fuzz.sh --seconds 30    # the CI-sized run
#
# Builds tools/fuzz (a package of its own, compiled with -sanitize=fuzzer), seeds the
# corpus from the generator, runs, and prints the executions and time. A crash leaves
# its input under $WORK/crashes and the script exits 1: turn the input into a case of
# Tests/LedgerTests/FuzzRegressionTests.swift before fixing it (docs/reliability.md).
# Limits: --seconds (default 300), inputs of at most 16 KiB, 2 GiB RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=300
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "fuzz.sh: unknown option $1 (try --help)" >&2; exit 64 ;;
  esac
done
[[ "$seconds" =~ ^[0-9]+$ ]] && (( seconds > 0 && seconds <= 86400 )) || { echo "fuzz.sh: --seconds must be 1-86400" >&2; exit 64; }

tools/ensure-deps.sh >/dev/null
WORK="${LIAISON_FUZZ_DIR:-${TMPDIR:-/tmp}/liaison-fuzz}"
mkdir -p "$WORK/corpus" "$WORK/crashes"
echo "fuzz: building tools/fuzz with -sanitize=fuzzer (release)"
(cd tools/fuzz && swift build -c release -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library 2>&1 | grep -E "error|warning: |Compiling liaison|Build complete" || true)
BIN="tools/fuzz/.build/release/liaison-fuzz"
[[ -x "$BIN" ]] || { echo "fuzz.sh: the build failed" >&2; exit 1; }

rm -rf "$WORK/store"
log="$WORK/fuzz.log"
echo "fuzz: running for ${seconds} s (log: $log, corpus: $WORK/corpus)"
set +e
# Swift's own backtracer would catch the crash first; libFuzzer must, to save the input.
SWIFT_BACKTRACE=enable=no LIAISON_FUZZ_STORE="$WORK/store" LIAISON_FUZZ_SEED_CORPUS="$WORK/corpus" \
  "$BIN" -max_total_time="$seconds" -dict=tools/fuzz/liaison.dict -max_len=16384 -rss_limit_mb=2048 \
  -timeout=10 -artifact_prefix="$WORK/crashes/" -print_final_stats=1 "$WORK/corpus" >"$log" 2>&1
status=$?
set -e
rm -rf "$WORK/store"
runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
corpus=$(ls "$WORK/corpus" | wc -l)
if [[ $status -ne 0 ]]; then
  grep -E "Fatal error|Precondition failed|SUMMARY|Test unit written" "$log" | head -5 >&2
  echo "fuzz: CRASH after ${runs} executions; the input is under $WORK/crashes (full log: $log)" >&2
  exit 1
fi
echo "fuzz: ok: ${runs} executions in ${seconds} s (${rate}/s), corpus ${corpus} inputs, no crash"
