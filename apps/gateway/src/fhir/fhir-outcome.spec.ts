import { ForbiddenException, UnauthorizedException } from '@nestjs/common';
import { ZodError } from 'zod';
import { DomainError } from '@v2v/contracts';
import { fhirR4SchemaErrors } from '@v2v/testing';
import { ConcealedRefusal } from '../refusals/concealed-refusal';
import { capabilityStatement, searchsetBundle } from './fhir-bundle';
import { operationOutcomeOf } from './fhir-outcome';
import { patientOf } from './fhir-resources';

describe('FHIR answers besides the resources', () => {
  it('TRC-04 answers a refusal as a valid R4 OperationOutcome with the status of the rest of the API', () => {
    const cases = [
      [new DomainError('NOT_FOUND', 'no journey for donor code X'), 404, 'not-found'],
      [new DomainError('TRC-02', 'not a valid donor unique code (TRC-02)'), 400, 'invalid'],
      [new DomainError('SERVICE_UNAVAILABLE', 'donor-intake down'), 503, 'transient'],
      [
        new ForbiddenException({ code: 'FORBIDDEN_ROLE', message: 'for: hospital' }),
        403,
        'forbidden',
      ],
      [new UnauthorizedException({ code: 'UNAUTHENTICATED', message: 'a token' }), 401, 'login'],
      [new ZodError([]), 400, 'invalid'],
      [new Error('socket hang up'), 500, 'exception'],
    ] as const;
    for (const [error, status, issueType] of cases) {
      const answer = operationOutcomeOf(error);
      expect(fhirR4SchemaErrors(answer.outcome)).toEqual([]);
      expect({ status: answer.status, type: answer.outcome.issue[0].code }).toEqual({
        status,
        type: issueType,
      });
    }
    expect(operationOutcomeOf(new Error('socket hang up')).outcome.issue[0].diagnostics).toBe(
      'internal error',
    );
    const late = new DomainError('SERVICE_UNAVAILABLE', 'Temporal did not answer in time', {
      retryAfterSeconds: 5,
    });
    expect(operationOutcomeOf(late)).toMatchObject({ status: 503, retryAfterSeconds: 5 });
    expect(
      operationOutcomeOf(new DomainError('NOT_FOUND', 'no', { retryAfterSeconds: 5 })),
    ).not.toHaveProperty('retryAfterSeconds');
  });

  it("TRC-04 answers another institution's record exactly as an unknown one (CSV-03)", () => {
    const foreign = new ConcealedRefusal('NOT_FOUND', 'no Patient PAT-1', 'registered to INST-002');
    const unknown = new ConcealedRefusal('NOT_FOUND', 'no Patient PAT-1', 'nobody ordered for it');
    expect(operationOutcomeOf(foreign)).toEqual(operationOutcomeOf(unknown));
    expect(JSON.stringify(operationOutcomeOf(foreign))).not.toContain('INST-002');
  });

  it('TRC-04 answers a search as a valid R4 searchset Bundle and describes itself as R4', () => {
    const bundle = searchsetBundle('https://gw/fhir/r4', 'Patient?x=1', [patientOf('PAT-1a2')]);
    expect(fhirR4SchemaErrors(bundle)).toEqual([]);
    expect(bundle).toMatchObject({
      type: 'searchset',
      total: 1,
      entry: [{ fullUrl: 'https://gw/fhir/r4/Patient/PAT-1a2', search: { mode: 'match' } }],
    });
    const capability = capabilityStatement('2026-12-01');
    // The schema shipped is R4's 4.0.0 one, whose fhirVersion list predates the 4.0.1 technical
    // correction (no change to these resources); the rest of the statement is checked as is.
    expect(fhirR4SchemaErrors({ ...capability, fhirVersion: '4.0.0' })).toEqual([]);
    expect(capability).toMatchObject({ fhirVersion: '4.0.1', format: ['application/fhir+json'] });
  });
});
