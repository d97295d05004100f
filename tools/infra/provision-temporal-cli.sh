#!/usr/bin/env bash
# Builds the Temporal CLI if needed (cached) and prints the binary's path.
set -euo pipefail
source "$(cd "$(dirname "$0")" && pwd)/lib.sh"
source "$INFRA_DIR/temporal.sh"
provision_temporal >&2
echo "$TEMPORAL_BIN"
