#!/usr/bin/env bash
# The executable @temporalio/testing runs for time-skipping tests
# (`executable: { type: 'existing-path' }`): it passes the port as the first argument.
set -euo pipefail
source "$(cd "$(dirname "$0")" && pwd)/lib.sh"
source "$INFRA_DIR/test-server.sh"
provision_test_server >&2
exec java -Xmx256m -XX:+UseSerialGC -cp "$TEST_SERVER_LIBS/*" io.temporal.testserver.TestServer "$@"
