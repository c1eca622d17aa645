#!/usr/bin/env bash
# Runs the concurrency-under-load test (Tests/LiaisonCLITests/LoadCLITests.swift) at a
# chosen size: appender processes, reader processes (claim show, balances, export, in
# turn) and one verify loop, all on one store at once. Every read is checked against
# the final log at the seq it says it was known at.
#
#   tools/concurrency.sh                              # 8 appenders, 8 readers, 10 rounds
#   tools/concurrency.sh --appenders 16 --readers 16 --rounds 20
#
# Limits: at most 64 appenders and 64 readers; each round is 100 events per appender.
set -euo pipefail
cd "$(dirname "$0")/.."
appenders=8 readers=8 rounds=10
while [[ $# -gt 0 ]]; do
  case "$1" in
    --appenders) appenders="$2"; shift 2 ;;
    --readers) readers="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "concurrency.sh: unknown option $1 (try --help)" >&2; exit 64 ;;
  esac
done
tools/ensure-deps.sh >/dev/null
swift build --build-tests 2>&1 | grep -E "error|Build complete" || true
start=$(date +%s)
LIAISON_LOAD_APPENDERS="$appenders" LIAISON_LOAD_READERS="$readers" LIAISON_LOAD_ROUNDS="$rounds" \
  swift test --skip-build --filter LoadCLITests 2>&1 | grep -E "load:|✔|✘|Expectation failed" 
echo "concurrency: $(( $(date +%s) - start )) s"
