#!/usr/bin/env bash
# The README's first command: set up, then run the ledger on a built-in sample.
# Generates a realistic event file, appends it, resends part of it with two broken
# lines (a connector retrying after a failure), verifies the chain and shows what was stored.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/ensure-deps.sh

echo "==> Building liaison (release)"
swift build -c release --product liaison 2>&1 | tail -n 1
bin="$(swift build -c release --show-bin-path)/liaison"
demo="${DEMO_DIR:-./demo}"
store="$demo/store"
rm -rf "$demo"
mkdir -p "$demo"

step() { printf '\n==> %s\n$ %s\n' "$1" "$2"; }

step "Create a store for France's liaison body" "liaison init --store $store --home FR"
"$bin" init --store "$store" --home FR --format table

step "Generate a realistic sample (400 cases, 800 claims, 2022-2024)" "liaison generate --cases 400 --claims 800 --seed 2026 -o $demo/sample.jsonl"
"$bin" generate --cases 400 --claims 800 --seed 2026 -o "$demo/sample.jsonl"
echo "$(wc -l < "$demo/sample.jsonl") events; the first one:"
head -n 1 "$demo/sample.jsonl"

step "Append it (validated, hash-chained, durable batched commits)" "liaison append --store $store $demo/sample.jsonl"
"$bin" append --store "$store" "$demo/sample.jsonl"

step "A connector resends 100 lines after a failure, with two broken ones" "liaison append --store $store --rejects $demo/rejects.jsonl $demo/resend.jsonl"
{
  head -n 100 "$demo/sample.jsonl"
  echo '{"id":"eessi:DE:S080:bad-1","type":"ClaimIntroduced","occurred":"2024-03-14","actor":"connector:eessi-ap","data":{"claim":"DE-BAD-1","creditor":"DE","debtor":"FR","basis":"actual","category":"urgent","period":"2023-H2","amount":1250.40,"currency":"EUR"}}'
  echo '{"id":"eessi:DE:S080:bad-2","type":"PaymentRecorded","occurred":"2024-03-14","actor":"connector:eessi-ap","data":{"claim":"NO-SUCH-CLAIM","amount":"10.00","currency":"EUR","kind":"payment"}}'
} > "$demo/resend.jsonl"
set +e
"$bin" append --store "$store" --rejects "$demo/rejects.jsonl" "$demo/resend.jsonl"
code=$?
set -e
echo "(exit code $code: 65 means some lines were rejected; the rest was appended or recognised as duplicates)"

step "Verify: chain, validation of every event, every index" "liaison verify --store $store"
"$bin" verify --store "$store" --format table

case_id=$(head -n 1 "$demo/sample.jsonl" | sed -E 's/.*"case":"([^"]+)".*/\1/')
step "What was stored for case $case_id" "liaison export --store $store --case $case_id"
"$bin" export --store "$store" --case "$case_id"

step "Export and re-import into an empty store: same head hash" "liaison export | liaison import"
"$bin" export --store "$store" -o "$demo/export.jsonl"
"$bin" init --store "$demo/copy" --home FR --format json >/dev/null
"$bin" import --store "$demo/copy" "$demo/export.jsonl"

printf '\nDone. The store is in %s; try: %s --help\n' "$store" "$bin"
