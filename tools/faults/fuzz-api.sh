#!/usr/bin/env bash
# Schema-driven fuzzing of the running gateway (npm start): schemathesis from PyPI, in its own
# virtualenv under ~/.cache, over the served OpenAPI document, as each given user (the demo
# users are named by their role; V2V_DEMO_PASSWORD gives another password).
# The check that matters here is `not_a_server_error`: hostile or malformed input must be
# answered 4xx with its reason, never 5xx. Usage:
#   npm run fuzz -- [examples-per-operation] [user...]   (default: 10, ops and hospital)
# Signed operations get random passwords, which lock the account for a while (CSV-03's limit
# on password guessing): run it as users no one else signs in as meanwhile.
# Reports per role go to .data/fuzz/<role>/ (JUnit); the last lines printed are the summary.
# The coverage phase is left out: with this version it generated for over ten minutes without
# a case on the gateway's document. Warnings (401/403 of another role's routes, 404 of unknown
# codes, bodies the edge validation refuses) are the intended answers, so they are off.
set -euo pipefail
cd "$(dirname "$0")/../.."
EXAMPLES=${1:-10}
shift || true
[[ $# -gt 0 ]] || set -- ops hospital
GATEWAY=${GATEWAY_URL:-http://127.0.0.1:3000}
VENV=${HOME}/.cache/v2v-platform/schemathesis-4.3.2
if [[ ! -x $VENV/bin/schemathesis ]]; then
  python3 -m venv "$VENV"
  # Later hypothesis releases dropped an internal that schemathesis 4.3.2 calls.
  "$VENV/bin/pip" install --quiet 'schemathesis==4.3.2' 'hypothesis==6.140.3'
fi
PASSWORD=${V2V_DEMO_PASSWORD:-$(node -r @swc-node/register -e \
  "process.stdout.write(require('./libs/testing/src/demo-credentials').demoUserPassword())")}

status=0
for role in "$@"; do
  login=$(curl -sS "$GATEWAY/api/auth/login" -H 'content-type: application/json' \
    -d "{\"username\":\"$role\",\"password\":\"$PASSWORD\"}")
  token=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1]).get("accessToken", ""))' \
    "$login" 2>/dev/null || true)
  if [[ -z $token ]]; then
    echo "fuzz: signing in as $role failed: $login" >&2
    exit 2
  fi
  out=.data/fuzz/$role
  mkdir -p "$out"
  echo "== fuzzing $GATEWAY as $role, $EXAMPLES examples per operation"
  "$VENV/bin/schemathesis" run "$GATEWAY/api/docs-json" \
    -H "Authorization: Bearer $token" \
    --checks not_a_server_error \
    --max-examples "$EXAMPLES" \
    --workers 2 \
    --phases examples,fuzzing \
    --warnings off \
    --suppress-health-check filter_too_much \
    --exclude-path-regex '^/api/auth/' \
    --report junit --report-dir "$out" \
    --no-color > "$out/run.log" 2>&1 || exited=$?
  tail -n 25 "$out/run.log"
  # The report decides: a server error is listed under `Failures:`, a request without answer
  # under `Errors:`. Schemathesis 4.3.2 also exits 1 when, with two workers, one generated case
  # of an operation goes unsent (its phase shows `1 failed`, the case `1 skipped`, nothing
  # listed; every operation is still exercised), which is no finding about the API.
  if grep -qE '^(Failures|Errors):' "$out/run.log"; then
    status=1
  elif [[ ${exited:-0} -ne 0 ]]; then
    echo "(schemathesis exited ${exited} with no failure or error in its report)"
  fi
  unset exited
done
exit $status
