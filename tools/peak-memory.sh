#!/usr/bin/env bash
# Runs a command and reports its peak memory, split the way LMDB needs it read:
# anonymous memory (heap: what the process really holds) and file-backed memory
# (pages of the memory-mapped store it touched, which the kernel can drop at any time).
# Usage: tools/peak-memory.sh COMMAND [ARGS...]   (the report goes to stderr)
set -uo pipefail
case "${1:-}" in ""|-h|--help) sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'; [ -n "${1:-}" ]; exit $? ;; esac
"$@" &
pid=$!
peak_anon=0; peak_file=0; peak_total=0
while kill -0 "$pid" 2>/dev/null; do
  if read -r anon file < <(awk '/^RssAnon:/{a=$2} /^RssFile:/{f=$2} END{print a+0, f+0}' "/proc/$pid/status" 2>/dev/null); then
    [ "$anon" -gt "$peak_anon" ] && peak_anon=$anon
    [ "$file" -gt "$peak_file" ] && peak_file=$file
    total=$((anon + file)); [ "$total" -gt "$peak_total" ] && peak_total=$total
  fi
  sleep 0.05
done
wait "$pid"; code=$?
echo "peak memory: anonymous $((peak_anon / 1024)) MiB, file-backed (mapped store pages) $((peak_file / 1024)) MiB, total RSS $((peak_total / 1024)) MiB" >&2
exit $code
