#!/usr/bin/env bash
# The whole test suite: installs missing system packages, then `swift test`.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/ensure-deps.sh
swift test "$@"
