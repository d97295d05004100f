import { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ZodError } from 'zod';
import { DomainError, answerableError } from '@v2v/contracts';
import { recordServerRoute } from '@v2v/tracing';
import { gmpRefusals, httpRequestDuration, metricsRegistry } from './metrics-registry';

/** What routing left on the request: the matched route's path pattern, if any. */
type RoutedRequest = Pick<Request, 'baseUrl'> & { route?: { path?: unknown } };

/**
 * The route PATTERN a request matched (`/api/journeys/:donorCode/record-thaw`), never its raw
 * URL, which would make one series per donor; a request no route matched is `unmatched`.
 */
export function routePatternOf(request: RoutedRequest): string {
  const path = request.route?.path;
  return typeof path === 'string' ? `${request.baseUrl ?? ''}${path}` : 'unmatched';
}

/** The rule ID or refusal code of a refusal answered; undefined for what is no refusal. */
export function refusalRuleOf(thrown: unknown): string | undefined {
  const error = answerableError(thrown);
  if (error instanceof DomainError) return error.code;
  if (error instanceof ZodError) return 'VALIDATION_FAILED';
  return undefined;
}

/** Counts a refusal by its rule; called once per request by the app's exception filter. */
export function countRefusal(thrown: unknown, request: RoutedRequest): void {
  const rule = refusalRuleOf(thrown);
  if (rule) gmpRefusals.inc({ rule, route: routePatternOf(request) });
}

/**
 * `GET /metrics` in Prometheus text format and the request-duration histogram, both as plain
 * Express middleware ahead of Nest's routes: no guard sees the scrape (the app listens on
 * loopback; docs/operations.md "Metrics") and no OpenAPI document lists it. The same route
 * pattern names the request's span while tracing is on.
 */
export function serveMetrics(app: INestApplication): void {
  app.use('/metrics', (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' || request.path !== '/') return next();
    metricsRegistry.metrics().then(
      (text) => response.type(metricsRegistry.contentType).send(text),
      (error: unknown) => next(error),
    );
  });
  app.use((request: Request, response: Response, next: NextFunction) => {
    const stop = httpRequestDuration.startTimer();
    response.once('finish', () => {
      const route = routePatternOf(request);
      stop({ method: request.method, route, status: String(response.statusCode) });
      if (route !== 'unmatched') recordServerRoute(route);
    });
    next();
  });
}
