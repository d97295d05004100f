#!/usr/bin/env bash
# `npm run infra:up`: provision (cached) and start Temporal, Kafka and PostgreSQL, waiting
# for each to be ready. Idempotent. A server named by TEMPORAL_ADDRESS, KAFKA_BROKERS or
# DATABASE_URL is used as it is and not started.
set -euo pipefail
source "$(cd "$(dirname "$0")" && pwd)/lib.sh"
for part in temporal kafka postgres test-server; do source "$INFRA_DIR/$part.sh"; done
started=$SECONDS
# Fail fast on a missing tool, before any server is started.
[[ -n ${TEMPORAL_ADDRESS:-} || -x $TEMPORAL_BIN ]] || need_go
need_java # Kafka and the test server run on it
if [[ ! -d $TEST_SERVER_LIBS ]] || [[ -z ${KAFKA_BROKERS:-} && ! -d $KAFKA_LIBS ]]; then need_mvn; fi
# Download only: time-skipping workflow tests start it themselves, whichever servers are used.
provision_test_server
start_postgres
start_kafka
start_temporal
log "all servers ready in $((SECONDS - started)) s"
