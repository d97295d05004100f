#!/usr/bin/env bash
# `npm run infra:reset`: stop the servers and delete everything in .data/ (databases, Kafka
# log dirs, logs, pid files). The user-level download and build cache stays.
set -euo pipefail
source "$(cd "$(dirname "$0")" && pwd)/lib.sh"
bash "$INFRA_DIR/down.sh"
# Guard against ever deleting anything but this clone's .data folder.
[[ $DATA == "$ROOT/.data" && -d $DATA ]] || die "unexpected data folder: $DATA"
find "$DATA" -mindepth 1 -maxdepth 1 -exec rm -rf {} +
log "data deleted: $DATA"
