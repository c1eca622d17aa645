#!/usr/bin/env bash
# Copies docs/openapi.json into Sources/LiaisonServer/OpenAPIDocument.swift, the text
# `liaison serve` answers at /openapi.json (Tests/LiaisonServerTests checks they agree).
set -euo pipefail
cd "$(dirname "$0")/.."
{
  echo '/// The OpenAPI 3 document served at `/openapi.json`; docs/openapi.json is the same text'
  echo '/// (a test keeps them identical and checks that every route is listed). Edit'
  echo '/// docs/openapi.json, then run tools/sync-openapi.sh to copy it here.'
  echo 'enum OpenAPIDocument {'
  echo '    static let json = #"""'
  sed -e '$a\' docs/openapi.json | sed -e '${/^$/d}'
  echo '"""#'
  echo '}'
} > Sources/LiaisonServer/OpenAPIDocument.swift
