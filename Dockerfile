# One image for every app and the journey worker, the last stage; docker-compose.yml picks the
# entry point. The console's image is the `console` target.
FROM node:20.19-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/gateway/package.json apps/gateway/
COPY apps/donor-intake/package.json apps/donor-intake/
COPY apps/production/package.json apps/production/
COPY apps/release/package.json apps/release/
COPY apps/traceability/package.json apps/traceability/
COPY apps/console/package.json apps/console/
COPY workflows/package.json workflows/
COPY libs/audit/package.json libs/audit/
COPY libs/contracts/package.json libs/contracts/
COPY libs/database/package.json libs/database/
COPY libs/integrity/package.json libs/integrity/
COPY libs/messaging/package.json libs/messaging/
COPY libs/temporal/package.json libs/temporal/
COPY libs/tracing/package.json libs/tracing/
COPY libs/service-kit/package.json libs/service-kit/
COPY libs/signatures/package.json libs/signatures/
COPY libs/shipper-qualification/package.json libs/shipper-qualification/
COPY libs/testing/package.json libs/testing/
RUN npm ci --no-audit --no-fund

# The console's static bundle: Vite's build of apps/console (output dist/apps/console).
FROM deps AS console-build
COPY . .
RUN cd apps/console && npx vite build

# The console service: nginx serves the bundle and forwards /api to the gateway
# (tools/deploy/console-nginx.conf), as Vite's dev server does locally.
FROM nginx:1.28-alpine AS console
COPY tools/deploy/console-nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=console-build /app/dist/apps/console /usr/share/nginx/html
EXPOSE 3001

# Every app and the journey worker (the default target: docker-compose.yml's x-app).
FROM node:20.19-bookworm-slim AS app
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0
# The gateway's PDFs (instructions for use, OTH-01) print Chinese with Noto Sans CJK.
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends fonts-noto-cjk \
  && rm -rf /var/lib/apt/lists/*
COPY --from=deps /app/node_modules ./node_modules
COPY . .
# Pre-bundle the workflow code at build time, with and without the tracing interceptors: the
# worker never bundles at start-up, whether tracing is on or off.
RUN node -r @swc-node/register workflows/src/worker/bundle.ts
ENV WORKFLOW_BUNDLE_PATH=/app/dist/workflow-bundle.js \
    WORKFLOW_TRACED_BUNDLE_PATH=/app/dist/workflow-bundle-traced.js
USER node
CMD ["node", "-r", "@swc-node/register", "apps/gateway/src/main.ts"]
