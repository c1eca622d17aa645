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

step "Verify: chain, validation of every event, every index, projections against a replay" "liaison verify --store $store"
"$bin" verify --store "$store" --format table

case_id=$(grep -m 1 '"sector":"pension"' "$demo/sample.jsonl" | sed -E 's/.*"case":"([^"]+)".*/\1/')
step "A pension case as it stands: periods with Art 6 day counts, documents and replies, benefits" "liaison case show --store $store $case_id"
"$bin" case show --store "$store" "$case_id" --format table

legislation_case=$(grep -m 1 '"provisional":true' "$demo/sample.jsonl" | sed -E 's/.*"case":"([^"]+)".*/\1/')
step "Applicable legislation: a provisional determination superseded by a final one is dropped" "liaison case show --store $store $legislation_case"
"$bin" case show --store "$store" "$legislation_case" --format table | sed -n '1,8p'

step "The pension case's audit trail" "liaison case history --store $store $case_id"
"$bin" case history --store "$store" "$case_id" --format table

claim_id=$(grep -m 1 '"type":"ClaimContested"' "$demo/sample.jsonl" | sed -E 's/.*"claim":"([^"]+)".*/\1/')
step "A contested claim: movements, outstanding, due date (Art 67(5))" "liaison claim show --store $store $claim_id --as-of 2024-12-31"
"$bin" claim show --store "$store" "$claim_id" --as-of 2024-12-31 --format table

step "Inter-state balances for 2023 by zone, as finance publishes them" "liaison balances --store $store --year 2023 --by zone"
"$bin" balances --store "$store" --year 2023 --by zone --format table

step "Replay every projection from the log alone: digests, compared with the live ones" "liaison replay --store $store --check"
"$bin" replay --store "$store" --check

step "Export and re-import into an empty store: same head hash" "liaison export | liaison import"
"$bin" export --store "$store" -o "$demo/export.jsonl"
"$bin" init --store "$demo/copy" --home FR --format json >/dev/null
"$bin" import --store "$demo/copy" "$demo/export.jsonl"
"$bin" replay --store "$demo/copy"

printf '\nDone. The store is in %s; try: %s --help\n' "$store" "$bin"
