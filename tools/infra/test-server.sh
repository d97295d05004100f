# Temporal's Java time-skipping test server, for workflow tests of weeks-long timers. Only
# downloaded here; @temporalio/testing starts it through temporal-test-server.sh.

provision_test_server() {
  [[ -d $TEST_SERVER_LIBS ]] && return 0
  log "downloading Temporal's Java test server $TEMPORAL_TEST_SERVER_VERSION from Maven Central (first time only)"
  maven_copy "$INFRA_DIR/temporal-test-server/pom.xml" "$TEST_SERVER_LIBS" "-Dtemporal.version=$TEMPORAL_TEST_SERVER_VERSION"
}
