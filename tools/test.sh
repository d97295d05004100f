#!/usr/bin/env bash
# `npm test`: every tier in turn. Tiers run one after the other (not as parallel Jest
# projects) because integration and end-to-end tests share the one local stack, and the
# e2e platform's consumers must not compete with integration tests' own consumers.
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=UTC NODE_ENV=test
jest="node --max-old-space-size=2048 node_modules/.bin/jest"

# Provision and start the real servers first (cached, idempotent): on a fresh machine the
# first build of the Temporal CLI takes minutes and must not happen inside a test's timeout.
bash tools/infra/up.sh

echo "== unit and workflow tests"
$jest --maxWorkers=2 --selectProjects unit workflow "$@"
echo "== integration tests (real PostgreSQL, Kafka, Temporal)"
$jest --selectProjects integration --runInBand "$@"
echo "== end-to-end tests (the whole platform as processes)"
$jest --selectProjects e2e --runInBand "$@"
echo "== console tests (Playwright in Chromium; the platform and the console as npm start runs them)"
npx playwright test -c test/console/playwright.config.ts
