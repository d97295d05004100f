import { CanActivate, ExecutionContext, INestApplication } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { formatDonorCode, generateDonorUniqueCode } from '@v2v/contracts';
import type { AccessRefusal } from '../refusals/access-refusal.log';
import { AccessRefusalLog } from '../refusals/access-refusal.log';
import { DonorRegisterClient } from '../tenancy/donor-register.client';
import { HospitalTenancyGuard } from '../tenancy/hospital-tenancy.guard';
import { FhirController } from './fhir.controller';
import { FhirOutcomeFilter } from './fhir-outcome.filter';
import { FhirService } from './fhir.service';

const OWN = 'A99991500000100M';
const FOREIGN = 'A99991500000200K';
/** A valid donor code nobody registered. */
const UNKNOWN = formatDonorCode(
  generateDonorUniqueCode({ facility: 'Z9999', year: 0, sequence: 1 }),
);

/** Stands in for the auth guard: the user of the `x-user` header, hospital of INST-001. */
class TestUserGuard implements CanActivate {
  canActivate(context: ExecutionContext) {
    const request = context.switchToHttp().getRequest();
    request.user = {
      userId: 'u-1',
      username: request.headers['x-user'],
      role: 'hospital',
      institutionId: 'INST-001',
    };
    return true;
  }
}

describe('the FHIR routes over HTTP', () => {
  let app: INestApplication;
  let base: string;
  const recorded: AccessRefusal[] = [];

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      controllers: [FhirController],
      providers: [
        FhirOutcomeFilter,
        { provide: APP_GUARD, useClass: TestUserGuard },
        { provide: APP_GUARD, useClass: HospitalTenancyGuard },
        {
          provide: DonorRegisterClient,
          useValue: {
            institutionOf: async (code: string) =>
              ({ [OWN]: 'INST-001', [FOREIGN]: 'INST-002' })[code],
          },
        },
        {
          provide: AccessRefusalLog,
          useValue: { record: async (r: AccessRefusal) => void recorded.push(r) },
        },
        {
          provide: FhirService,
          useValue: { specimen: async (id: string) => ({ resourceType: 'Specimen', id }) },
        },
      ],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.listen(0, '127.0.0.1');
    base = `${await app.getUrl()}/fhir/r4`;
  });
  afterAll(() => app.close());

  const get = async (path: string) => {
    const res = await fetch(`${base}${path}`, { headers: { 'x-user': 'hospital' } });
    return { status: res.status, type: res.headers.get('content-type'), body: await res.json() };
  };

  it('TRC-04 answers a resource as application/fhir+json', async () => {
    expect(await get(`/Specimen/${OWN}`)).toEqual({
      status: 200,
      type: 'application/fhir+json; charset=utf-8',
      body: { resourceType: 'Specimen', id: OWN },
    });
  });

  it("TRC-04 CSV-03 answers the tenancy guard's refusal as an OperationOutcome, another institution's code as an unknown one, and records why", async () => {
    const foreign = await get(`/Specimen/${FOREIGN}`);
    const unknown = await get(`/Specimen/${UNKNOWN}`);
    expect(foreign).toMatchObject({
      status: 404,
      type: 'application/fhir+json; charset=utf-8',
      body: { resourceType: 'OperationOutcome', issue: [{ code: 'not-found' }] },
    });
    expect(JSON.stringify(foreign).replaceAll(FOREIGN, '<id>')).toBe(
      JSON.stringify(unknown).replaceAll(UNKNOWN, '<id>'),
    );
    expect(recorded.map((r) => [r.path, r.status, r.reason])).toEqual([
      [`/fhir/r4/Specimen/${FOREIGN}`, 404, expect.stringContaining('registered to INST-002')],
      [`/fhir/r4/Specimen/${UNKNOWN}`, 404, expect.stringContaining('not on the donor register')],
    ]);
  });
});
