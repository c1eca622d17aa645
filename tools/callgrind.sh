#!/usr/bin/env bash
# Counts the instructions (callgrind Ir) of one liaison command: repeatable where wall
# clocks on a shared machine are not (docs/performance.md, "Profiling the replay").
#
#   tools/callgrind.sh OUT liaison-args...     e.g. tools/callgrind.sh /tmp/cg.replay replay --store /tmp/s
#   LIAISON=/path/to/liaison tools/callgrind.sh ...   profile another build (default .build/release/liaison)
#   callgrind_annotate --inclusive=yes OUT | swift demangle --simplified | less
#
# Two workarounds for Debian 12's valgrind 3.19:
# - it cannot read the DWARF 5 that Swift 6.3 emits and gives up at startup, so it runs a
#   copy without debug sections (the symbol table stays: function names still show);
# - it rewrites sigsuspend's signal mask in place, and libdispatch passes a read-only
#   one, so valgrind crashes once the main thread parks in dispatch_main; a preloaded
#   sigsuspend copies the mask to the stack first.
set -euo pipefail
case "${1:-}" in -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;; esac
[ $# -ge 2 ] || { sed -n '2,8p' "$0" >&2; exit 64; }
out="$1"; shift
root="$(cd "$(dirname "$0")/.." && pwd)"
binary="${LIAISON:-$root/.build/release/liaison}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cat > "$work/shim.c" <<'EOF'
#define _GNU_SOURCE
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>
int sigsuspend(const sigset_t *mask) {
    sigset_t copy = *mask;
    return (int)syscall(SYS_rt_sigsuspend, &copy, _NSIG / 8);
}
EOF
gcc -O2 -shared -fPIC -o "$work/shim.so" "$work/shim.c"
objcopy --strip-debug "$binary" "$work/liaison"
LD_PRELOAD="$work/shim.so" valgrind --tool=callgrind --dump-instr=no --callgrind-out-file="$out" "$work/liaison" "$@"
