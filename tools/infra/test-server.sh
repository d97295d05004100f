# Temporal's Java time-skipping test server, for workflow tests of weeks-long timers. Only
# downloaded here; @temporalio/testing starts it through temporal-test-server.sh.

provision_test_server() {
  [[ -d $TEST_SERVER_LIBS ]] && return 0
  cache_locked "temporal-test-server-$TEMPORAL_TEST_SERVER_VERSION" maven_copy \
    "Temporal's Java test server $TEMPORAL_TEST_SERVER_VERSION" \
    "$INFRA_DIR/temporal-test-server/pom.xml" "$TEST_SERVER_LIBS" "-Dtemporal.version=$TEMPORAL_TEST_SERVER_VERSION"
}

# Not a running server: tests start it on a free port when they need it.
status_test_server() {
  if [[ -d $TEST_SERVER_LIBS ]]; then
    echo "test-server cached    $TEMPORAL_TEST_SERVER_VERSION, started by tests via $INFRA_DIR/temporal-test-server.sh"
  else
    echo "test-server missing   (npm run infra:up downloads it)"
  fi
}
