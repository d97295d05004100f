#!/usr/bin/env bash
# Downloads the Java time-skipping test server if needed and prints the wrapper's path.
set -euo pipefail
source "$(cd "$(dirname "$0")" && pwd)/lib.sh"
source "$INFRA_DIR/test-server.sh"
provision_test_server >&2
echo "$INFRA_DIR/temporal-test-server.sh"
