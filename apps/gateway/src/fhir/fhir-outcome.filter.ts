import { ArgumentsHost, Catch, Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { AccessRefusalLog } from '../refusals/access-refusal.log';
import { RefusalRecordingFilter } from '../refusals/refusal-recording.filter';
import { FHIR_JSON } from './fhir-bundle';
import { operationOutcomeOf } from './fhir-outcome';

/**
 * The FHIR routes' exception filter: every refusal recorded as on every other route (CSV-03),
 * then answered as an OperationOutcome, whether the auth or tenancy guard, the pipe or the
 * handler refused.
 */
@Catch()
@Injectable()
export class FhirOutcomeFilter extends RefusalRecordingFilter {
  private readonly unexpected = new Logger('FhirOutcomeFilter');

  constructor(refusals: AccessRefusalLog) {
    super(refusals);
  }

  protected override answer(error: unknown, host: ArgumentsHost): void {
    const { status, outcome, retryAfterSeconds } = operationOutcomeOf(error);
    if (status === 500) this.unexpected.error(error);
    const response = host.switchToHttp().getResponse<Response>();
    if (retryAfterSeconds !== undefined) response.setHeader('Retry-After', `${retryAfterSeconds}`);
    response.status(status).type(FHIR_JSON).json(outcome);
  }
}
