import { CanActivate, ExecutionContext, INestApplication } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { acceptJsonMediaType } from '@v2v/service-kit';
import { OrdersService } from '../orders/orders.service';
import type { AccessRefusal } from '../refusals/access-refusal.log';
import { AccessRefusalLog } from '../refusals/access-refusal.log';
import { FHIR_JSON } from './fhir-bundle';
import { FhirOrdersController } from './fhir-orders.controller';
import { FhirOrdersService } from './fhir-orders.service';
import { FhirOutcomeFilter } from './fhir-outcome.filter';
import { FhirService } from './fhir.service';

const DONOR_CODE = 'A99991500000100M';

/** Stands in for the auth guard: a hospital user of INST-001. */
class HospitalUserGuard implements CanActivate {
  canActivate(context: ExecutionContext) {
    context.switchToHttp().getRequest().user = {
      userId: 'u-1',
      username: 'hospital',
      role: 'hospital',
      institutionId: 'INST-001',
    };
    return true;
  }
}

const serviceRequest = (institution = 'INST-001') => ({
  resourceType: 'ServiceRequest',
  status: 'active',
  intent: 'order',
  code: { coding: [{ system: 'urn:v2v:product-code', code: 'CART-CD19' }] },
  subject: { identifier: { system: 'urn:v2v:patient-reference', value: 'PAT-0042' } },
  requester: { identifier: { system: 'urn:v2v:institution', value: institution } },
  occurrenceDateTime: '2026-12-14',
});

describe('POST /fhir/r4/ServiceRequest over HTTP (TRC-04)', () => {
  let app: INestApplication;
  let base: string;
  const ordered: unknown[][] = [];
  const recorded: AccessRefusal[] = [];

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      controllers: [FhirOrdersController],
      providers: [
        FhirOrdersService,
        FhirOutcomeFilter,
        { provide: APP_GUARD, useClass: HospitalUserGuard },
        {
          provide: OrdersService,
          useValue: {
            create: async (...args: unknown[]) => {
              ordered.push(args);
              return { donorCode: DONOR_CODE };
            },
          },
        },
        {
          provide: FhirService,
          useValue: {
            serviceRequest: async (id: string) => ({ resourceType: 'ServiceRequest', id }),
          },
        },
        {
          provide: AccessRefusalLog,
          useValue: { record: async (r: AccessRefusal) => void recorded.push(r) },
        },
      ],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    acceptJsonMediaType(app, '/fhir/r4', FHIR_JSON);
    await app.listen(0, '127.0.0.1');
    base = `${await app.getUrl()}/fhir/r4`;
  });
  afterAll(() => app.close());

  const post = async (body: unknown) => {
    const res = await fetch(`${base}/ServiceRequest`, {
      method: 'POST',
      headers: { 'content-type': FHIR_JSON },
      body: JSON.stringify(body),
    });
    return {
      status: res.status,
      type: res.headers.get('content-type'),
      location: res.headers.get('location'),
      body: await res.json(),
    };
  };

  it('TRC-04 orders through the order use case and answers 201 with the order read back and its Location', async () => {
    ordered.length = 0;
    expect(await post(serviceRequest())).toEqual({
      status: 201,
      type: 'application/fhir+json; charset=utf-8',
      location: `${base}/ServiceRequest/${DONOR_CODE}`,
      body: { resourceType: 'ServiceRequest', id: DONOR_CODE },
    });
    expect(ordered).toEqual([
      [
        {
          patientReference: 'PAT-0042',
          institutionId: 'INST-001',
          productCode: 'CART-CD19',
          requestedCollectionDate: '2026-12-14',
        },
        { userId: 'hospital', role: 'hospital' },
        undefined,
      ],
    ]);
  });

  it('TRC-04 answers an invalid resource 400 as an OperationOutcome naming the field', async () => {
    ordered.length = 0;
    const res = await post({ ...serviceRequest(), intent: 'plan' });
    expect(res).toMatchObject({
      status: 400,
      type: 'application/fhir+json; charset=utf-8',
      body: {
        resourceType: 'OperationOutcome',
        issue: [{ code: 'invalid', diagnostics: expect.stringContaining('intent:') }],
      },
    });
    expect(ordered).toEqual([]);
  });

  it("TRC-04 CSV-03 refuses a hospital's order for another institution as an unknown one, and records why", async () => {
    ordered.length = 0;
    recorded.length = 0;
    const res = await post(serviceRequest('INST-002'));
    expect(res).toMatchObject({
      status: 404,
      body: {
        resourceType: 'OperationOutcome',
        issue: [{ code: 'not-found', diagnostics: 'no institution INST-002' }],
      },
    });
    expect(ordered).toEqual([]);
    expect(recorded.map((r) => [r.status, r.reason])).toEqual([
      [404, expect.stringContaining("institution INST-002 is not the user's INST-001")],
    ]);
  });
});
