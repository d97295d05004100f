#!/usr/bin/env bash
# `npm run infra:reset`: stop the servers and delete their data (the download cache stays).
set -euo pipefail
source "$(cd "$(dirname "$0")" && pwd)/lib.sh"
bash "$INFRA_DIR/down.sh"
rm -rf "$DATA/temporal" "$DATA/kafka" "$DATA/postgres" "$LOGS" "$RUN"
log "data deleted: $DATA"
