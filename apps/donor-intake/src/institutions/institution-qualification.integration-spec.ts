import { randomInt, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  type Actor,
  DomainError,
  type InstitutionDecision,
  type InstitutionRegistration,
} from '@v2v/contracts';
import { SystemClock } from '@v2v/service-kit';
import {
  sealSignature,
  SignatureRecorder,
  signatureOf,
  signatureSealPrivateKey,
  signatureSealPublicKey,
} from '@v2v/signatures';
import { DONOR_INTAKE_SCHEMA, donorIntakeDataSourceOptions } from '../donor-intake.data-source';
import { InstitutionRepository } from './institution.repository';
import {
  InstitutionQualificationUseCase,
  REGISTRATION_MEANING,
} from './usecases/institution-qualification.usecase';

// Real PostgreSQL: the donor-intake schema as migrated, through the services' role. The
// register persists between local runs, so each test registers a candidate of its own.
let dataSource: DataSource;
let qualification: InstitutionQualificationUseCase;
const qa: Actor = { userId: 'it.qa', role: 'qa-qp' };

beforeAll(async () => {
  dataSource = await new DataSource(donorIntakeDataSourceOptions()).initialize();
  qualification = new InstitutionQualificationUseCase(
    dataSource,
    new InstitutionRepository(dataSource),
    new SignatureRecorder(DONOR_INTAKE_SCHEMA, signatureSealPublicKey()),
    new SystemClock(),
  );
});
afterAll(() => dataSource?.destroy());

/** QA's signature as the gateway seals it (CSV-02) for this decision on this institution. */
const signature = (institutionId: string, meaning: string, detail: Record<string, unknown>) =>
  sealSignature(
    signatureOf(
      { meaning, recordType: 'institution-qualification', recordId: institutionId, detail },
      qa,
    ),
    signatureSealPrivateKey(),
  );

/** A candidate registered under `eventId`, with a fresh id and facility code. */
async function registered(eventId = randomUUID()) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const registration: InstitutionRegistration = {
      institutionId: `INST-IT-${randomUUID().slice(0, 8).toUpperCase()}`,
      name: 'IT candidate hospital',
      facilityCode: `${'XYZ'[randomInt(3)]}${String(randomInt(10_000)).padStart(4, '0')}`,
    };
    const command = {
      ...registration,
      eventId,
      decidedBy: qa,
      signature: signature(registration.institutionId, REGISTRATION_MEANING, { ...registration }),
    };
    try {
      return { command, decision: await qualification.register(command) };
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'INSTITUTION_ALREADY_REGISTERED'))
        throw error;
    }
  }
  throw new Error('no free facility code found in five attempts');
}

describe('DON-02 the checks before QA signs a decision on an institution', () => {
  it('DON-02 allows the registration check retried under its event id, and only then', async () => {
    const { command, decision } = await registered();
    const { decidedBy: _by, signature: _signature, ...check } = command;
    void [_by, _signature];
    // Its answer lost, the same request again: checked allowed, answered as the first time.
    expect(await qualification.checkRegistration(check)).toMatchObject({ allowed: true });
    expect(await qualification.register(command)).toEqual(decision);
    await expect(
      qualification.checkRegistration({ ...check, eventId: randomUUID() }),
    ).rejects.toMatchObject({ code: 'INSTITUTION_ALREADY_REGISTERED' });
  });

  it('DON-02 allows the decision check retried under its event id, and only then', async () => {
    const { institutionId } = (await registered()).command;
    const assessed: InstitutionDecision = {
      decision: 'complete-assessment',
      outcome: 'passed',
      findings: 'questionnaire and documents complete',
    };
    const command = {
      qualification: assessed,
      eventId: randomUUID(),
      decidedBy: qa,
      signature: signature(institutionId, assessed.decision, { ...assessed }),
    };
    const decision = await qualification.decide(institutionId, command);
    expect(decision).toMatchObject({ fromStatus: 'assessment', status: 'on-site-audit' });
    // Its answer lost, the same request again: checked allowed, answered as the first time.
    const check = { qualification: assessed, eventId: command.eventId };
    expect(await qualification.check(institutionId, check)).toEqual({
      institutionId,
      status: 'on-site-audit',
      reason: decision.reason,
    });
    expect(await qualification.decide(institutionId, command)).toEqual(decision);
    await expect(
      qualification.check(institutionId, { ...check, eventId: randomUUID() }),
    ).rejects.toMatchObject({ code: 'DON-02', details: { status: 'on-site-audit' } });
  });
});
