#!/usr/bin/env bash
# The executable @temporalio/testing runs for time-skipping tests
# (`executable: { type: 'existing-path' }`). sdk-core starts it as `<path> <port> [extraArgs]`
# and gives it 5 s to accept gRPC connections; TestServer's own arguments are
# `<port> [--enable-time-skipping]`, and the SDK unlocks time skipping through the TestService.
# `exec` keeps one process, so the SDK's kill at teardown stops the JVM itself.
set -euo pipefail
source "$(cd "$(dirname "$0")" && pwd)/lib.sh"
source "$INFRA_DIR/test-server.sh"
provision_test_server >&2
exec java -Xmx256m -XX:+UseSerialGC -cp "$TEST_SERVER_LIBS/*" io.temporal.testserver.TestServer "$@"
