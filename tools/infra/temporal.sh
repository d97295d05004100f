# Temporal: the Temporal CLI dev server (a real server with SQLite persistence and the UI).
# v1.5.1 is pinned because later tags carry a `replace` directive that `go install` refuses.

provision_temporal() {
  [[ -x $TEMPORAL_BIN ]] || cache_locked "temporal-cli-$TEMPORAL_CLI_VERSION" build_temporal_cli
}

# Built into a side folder and renamed into place, so an interrupted build never leaves a
# half-written binary that the next run would take for a finished one.
build_temporal_cli() {
  [[ -x $TEMPORAL_BIN ]] && return 0
  need_go
  log "building Temporal CLI v$TEMPORAL_CLI_VERSION with go install (first time only, a few minutes)"
  local dir
  dir=$(dirname "$TEMPORAL_BIN")
  mkdir -p "$dir/.build"
  GOBIN="$dir/.build" go install "github.com/temporalio/cli/cmd/temporal@v$TEMPORAL_CLI_VERSION" \
    >"$LOGS/temporal-build.log" 2>&1 || { tail -n 20 "$LOGS/temporal-build.log" >&2; die "go install of the Temporal CLI failed (log: $LOGS/temporal-build.log)"; }
  mv "$dir/.build/temporal" "$TEMPORAL_BIN"
  rmdir "$dir/.build"
}

temporal_healthy() {
  "$TEMPORAL_BIN" operator cluster health --address "127.0.0.1:$TEMPORAL_PORT" 2>/dev/null | grep -q SERVING
}

temporal_search_attributes_ready() {
  local listed
  listed=$("$TEMPORAL_BIN" operator search-attribute list --address "127.0.0.1:$TEMPORAL_PORT" --namespace default 2>/dev/null) || return 1
  for sa in "${SEARCH_ATTRIBUTES[@]}"; do grep -q "$sa" <<<"$listed" || return 1; done
}

start_temporal() {
  if [[ -n ${TEMPORAL_ADDRESS:-} ]]; then log "Temporal: using external $TEMPORAL_ADDRESS"; return 0; fi
  provision_temporal
  if is_running temporal; then
    log "Temporal: already running (pid $(cat "$(pid_file temporal)"))"
  else
    port_open "$TEMPORAL_PORT" && port_taken "$TEMPORAL_PORT" TEMPORAL_ADDRESS
    port_open "$TEMPORAL_UI_PORT" && port_taken "$TEMPORAL_UI_PORT" TEMPORAL_ADDRESS
    mkdir -p "$DATA/temporal"
    local args=(server start-dev --db-filename "$DATA/temporal/temporal.db" --ip 127.0.0.1
      --port "$TEMPORAL_PORT" --ui-port "$TEMPORAL_UI_PORT" --namespace default --log-level warn)
    for sa in "${SEARCH_ATTRIBUTES[@]}"; do args+=(--search-attribute "$sa=Keyword"); done
    log "Temporal: starting dev server (gRPC 127.0.0.1:$TEMPORAL_PORT, UI http://localhost:$TEMPORAL_UI_PORT)"
    start_daemon temporal "$LOGS/temporal.log" "$TEMPORAL_BIN" "${args[@]}"
  fi
  WATCH=temporal wait_for "Temporal" 60 "$LOGS/temporal.log" temporal_healthy
  # Registered by --search-attribute at start; checked because workflows fail without them.
  WATCH=temporal wait_for "Temporal search attributes" 30 "$LOGS/temporal.log" temporal_search_attributes_ready
  log "Temporal: ready"
}

stop_temporal() { stop_pid temporal 20; }

status_temporal() {
  if [[ -n ${TEMPORAL_ADDRESS:-} ]]; then echo "temporal    external  $TEMPORAL_ADDRESS"; return; fi
  if is_running temporal && temporal_healthy; then
    echo "temporal    up        127.0.0.1:$TEMPORAL_PORT  pid $(cat "$(pid_file temporal)")  UI http://localhost:$TEMPORAL_UI_PORT"
  else
    echo "temporal    down"
  fi
}
