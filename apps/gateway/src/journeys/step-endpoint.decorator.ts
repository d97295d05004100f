import { applyDecorators, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiParam, ApiResponse } from '@nestjs/swagger';
import { z } from 'zod';
import { isSignedStep, JourneyStep, STEP_PAYLOAD_SCHEMAS } from '@v2v/contracts';
import { RoleRefusalCode, Roles } from '../auth/roles.decorator';
import { IdempotencyHeader } from '../idempotency/idempotency.decorator';
import { PerformsOperation } from '../training/performs-operation.decorator';
import { STEP_ROUTES } from './step-routes';

/**
 * The OpenAPI 3.0 schema object of a contract schema (the same schema that validates): 3.0's
 * dialect (`exclusiveMinimum: true` beside `minimum`, `nullable`), which fuzzers and client
 * generators read, not JSON Schema 2020-12's.
 */
export function openApiSchema(schema: z.ZodType): Record<string, unknown> {
  const jsonSchema = z.toJSONSchema(schema, { io: 'input', target: 'openapi-3.0' }) as Record<
    string,
    unknown
  >;
  delete jsonSchema.$schema; // OpenAPI 3.0 schemas do not carry a JSON Schema dialect
  return jsonSchema;
}

/**
 * A step endpoint: its route, its roles, the operation its performer must be trained for
 * (PER-01) and its OpenAPI description, from STEP_ROUTES.
 */
export function StepEndpoint(step: JourneyStep) {
  const { route, roles, summary } = STEP_ROUTES[step];
  const signed = isSignedStep(step);
  return applyDecorators(
    ...(signed ? [RoleRefusalCode('PER-03')] : []),
    Post(`:donorCode/${route}`),
    HttpCode(200),
    Roles(...roles),
    PerformsOperation(step),
    ApiBearerAuth(),
    ApiOperation({
      operationId: step,
      summary,
      description: `Roles: ${roles.join(', ')}.${signed ? ' Signed decision: the body carries `signature.password`, re-entered at signing (CSV-02); only the qualified person may sign (PER-03).' : ''} Sent to the journey as the Temporal update \`${step}\`.`,
    }),
    ApiParam({
      name: 'donorCode',
      description: 'donor unique code (ISBT 128 DIN structure with its check character, TRC-02)',
    }),
    IdempotencyHeader(),
    ApiBody({ schema: openApiSchema(STEP_PAYLOAD_SCHEMAS[step]) }),
    ApiResponse({ status: 200, description: 'the journey after the step' }),
    ApiResponse({ status: 400, description: 'VALIDATION_FAILED with fieldErrors, or TRC-02' }),
    ApiResponse({ status: 404, description: 'no journey with this donor code' }),
    ApiResponse({
      status: 409,
      description: 'refused: STEP_OUT_OF_ORDER, IDENTITY_MISMATCH, QA-02, …',
    }),
  );
}
