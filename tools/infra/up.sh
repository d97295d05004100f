#!/usr/bin/env bash
# `npm run infra:up`: provision (cached) and start Temporal, Kafka and PostgreSQL, waiting
# for each to be ready. Idempotent. A server named by TEMPORAL_ADDRESS, KAFKA_BROKERS or
# DATABASE_URL is used as it is and not started.
set -euo pipefail
source "$(cd "$(dirname "$0")" && pwd)/lib.sh"
for part in temporal kafka postgres test-server; do source "$INFRA_DIR/$part.sh"; done
started=$SECONDS
if [[ -z ${TEMPORAL_ADDRESS:-} || -z ${KAFKA_BROKERS:-} ]]; then provision_test_server; fi
start_postgres
start_kafka
start_temporal
log "all servers ready in $((SECONDS - started)) s"
