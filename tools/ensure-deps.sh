#!/usr/bin/env bash
# Installs what the project needs from Debian's packages, only when missing:
# liblmdb-dev (LMDB headers and library, found through pkg-config), pkg-config,
# openssl (the server's TLS test makes a throwaway certificate with it), curl
# (tools/load.sh and tools/screenshot.sh call the server with it) and zlib1g-dev
# (the tests link AsyncHTTPClient, whose swift-nio-extras compression links -lz).
set -euo pipefail
missing=()
dpkg -s liblmdb-dev >/dev/null 2>&1 || missing+=(liblmdb-dev)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
command -v curl >/dev/null 2>&1 || missing+=(curl)
dpkg -s zlib1g-dev >/dev/null 2>&1 || missing+=(zlib1g-dev)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} from Debian's packages..." >&2
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi
