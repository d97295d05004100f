import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { json } from 'express';

/**
 * Lets the routes under `path` take JSON bodies up to `limit` bytes while every other route keeps
 * Nest's default limit. The parser is wrapped in a function of another name on purpose: Nest
 * skips its own JSON parser when it finds a middleware named `jsonParser` already mounted, which
 * would leave every other route without a parsed body. Mounted first, it parses these routes;
 * Nest's parser then sees the body already read and passes them on.
 */
export function acceptLargeJsonBodies(app: INestApplication, path: string, limit: number): void {
  const parse = json({ limit });
  app.use(path, function largeJsonBody(req: Request, res: Response, next: NextFunction) {
    parse(req, res, next);
  });
}

/**
 * Lets the routes under `path` take JSON bodies sent as another media type too (FHIR's
 * `application/fhir+json`), at Nest's default limit; wrapped for the reason given above.
 */
export function acceptJsonMediaType(app: INestApplication, path: string, type: string): void {
  const parse = json({ type });
  app.use(path, function jsonOfMediaType(req: Request, res: Response, next: NextFunction) {
    parse(req, res, next);
  });
}
