#!/usr/bin/env bash
# `npm run infra:status`: one line per server.
set -euo pipefail
source "$(cd "$(dirname "$0")" && pwd)/lib.sh"
for part in temporal kafka postgres test-server; do source "$INFRA_DIR/$part.sh"; done
status_temporal
status_kafka
status_postgres
status_test_server
