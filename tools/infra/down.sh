#!/usr/bin/env bash
# `npm run infra:down`: stop the servers this clone started (data is kept).
set -euo pipefail
source "$(cd "$(dirname "$0")" && pwd)/lib.sh"
for part in temporal kafka postgres; do source "$INFRA_DIR/$part.sh"; done
stop_temporal
stop_kafka
stop_postgres
log "stopped"
